"""项目支出绩效目标表: project facts, funds (in 元 or 万元), goals and indicator rows."""

from __future__ import annotations

import re

from budgetqa.models import Indicator, PerformanceTarget
from budgetqa.parser import scored
from budgetqa.parser.text import AMOUNT, compact, is_noise, to_decimal

_SHEET_TITLE = re.compile(r"绩效目标表")
_SIMPLE_FIELDS = (
    "项目概况", "立项依据", "项目设立必要性", "保证项目实施的制度、措施", "项目实施计划",
)
_LEVEL1 = ("产出指标", "效益指标", "满意度指标")
_LEVEL2 = (
    "数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标",
    "生态效益指标", "可持续影响指标", "服务对象满意度指标", "满意度指标",
)
# A fund's name is a few words: read within 100 characters (unbounded, a line of text with no
# spaces is re-read from each of its characters).
_FUND = re.compile(rf"(其中[：:])?\s*([^\s\d：:]{{1,100}}?)[：:]?\s*({AMOUNT}|-)(?=\s|$)")
_SECTION_END = re.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四]部分)")


def first_sheet(lines: list[str]) -> int:
    """Index of the first performance sheet's title line (len(lines) when there is none)."""
    for i, line in enumerate(lines):
        text = compact(line)
        if _SHEET_TITLE.search(text) and len(text) < 60 and not text.startswith("（"):
            if any("项目名称" in compact(l) for l in lines[i + 1 : i + 6]):
                return i
    return len(lines)


def parse_sheets(lines: list[str]) -> list[PerformanceTarget]:
    """Every performance sheet of the report, in order."""
    starts = [
        i for i, line in enumerate(lines)
        if _SHEET_TITLE.search(compact(line)) and len(compact(line)) < 60
        and any(compact(l).startswith("项目名称") for l in lines[i + 1 : i + 6])
    ]
    sheets = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else _end_of_last(lines, start)
        sheet = _parse_sheet(lines, start, end)
        if sheet:
            sheets.append(sheet)
    return sheets


# A project's own statement in prose (人民调解项目经费情况说明 / 一、项目概述 … 七、绩效目标): the sections of a
# sheet written as numbered headings, each heading's text read as that field.
_STATEMENT_TITLE = re.compile(r"^(.{2,40}?)(?:项目)?(?:经费|资金)?情况说明$")
_STATEMENT_HEAD = re.compile(r"^[一二三四五六七八九十]+[、.．]\s*(.{2,10})$")
_STATEMENT_FIELDS = {"项目概述": "项目概况", "项目概况": "项目概况", "项目简介": "项目概况", "立项依据": "立项依据",
                     "实施主体": "实施单位", "实施单位": "实施单位", "实施方案": "项目实施计划", "实施计划": "项目实施计划",
                     "实施周期": "项目期", "实施期限": "项目期", "项目必要性": "项目设立必要性", "设立必要性": "项目设立必要性",
                     "绩效目标": "总体目标/年度", "年度绩效目标": "总体目标/年度", "年度预算安排": "", "预算安排": ""}


def parse_statements(lines: list[str]) -> list[PerformanceTarget]:
    """Every project statement in prose: a title naming the project, then numbered headings of a sheet's
    fields (项目概述, 立项依据, 实施主体, 实施方案, 实施周期, 年度预算安排, 绩效目标), read as a sheet."""
    out = []
    for i, line in enumerate(lines):
        title = _STATEMENT_TITLE.match(compact(line))
        nxt = next((compact(l) for l in lines[i + 1:i + 4] if compact(l)), "")
        head = _STATEMENT_HEAD.match(nxt)
        if title is None or head is None or head.group(1) not in _STATEMENT_FIELDS:
            continue
        sheet = PerformanceTarget(project_name=title.group(1).removesuffix("项目") + "项目", line=i + 1,
                                  title=compact(line))
        field, text, first = None, [], 0
        for no in range(i + 2, len(lines) + 2):  # (1-based: the lines after the title, then one past the end)
            raw = compact(lines[no - 1]) if no <= len(lines) else ""
            heading = _STATEMENT_HEAD.match(raw)
            if no > len(lines) or heading or _STATEMENT_TITLE.match(raw):
                if field is not None and text:
                    _statement_field(sheet, field, "".join(text), first)
                if no > len(lines) or not heading or heading.group(1) not in _STATEMENT_FIELDS:
                    break
                field, text, first = heading.group(1), [], no + 1
            elif raw and field is not None and not is_noise(lines[no - 1]):
                text.append(raw)
        if sheet.fields or sheet.funds:
            out.append(sheet)
    return out


def _statement_field(sheet: PerformanceTarget, heading: str, text: str, line: int) -> None:
    name = _STATEMENT_FIELDS[heading]
    if name:
        _set(sheet, name, text, line)
        return
    amount = re.fullmatch(rf"({AMOUNT})\s*(万元|元)", text)  # 年度预算安排: 795万元, the year's money
    if amount:
        sheet.unit = amount.group(2)
        sheet.funds["年度/资金总额"] = to_decimal(amount.group(1))
        sheet.fund_lines["年度/资金总额"] = line


def _end_of_last(lines: list[str], start: int) -> int:
    for i in range(start + 1, len(lines)):
        text = compact(lines[i])
        if text.startswith("填报日期") or "填报日期" in text:
            return i + 1
        if _SECTION_END.match(text) and i > start + 10 and len(text) > 6:
            return i
    return len(lines)


def _parse_sheet(lines: list[str], start: int, end: int) -> PerformanceTarget | None:
    sheet: PerformanceTarget | None = None
    level1 = ""
    header = scored.is_scored(lines, start, end)
    goal_from = None
    for idx in range(start + 1, header if header is not None else end):
        line = lines[idx].strip()
        text = compact(line)
        if not text or is_noise(line):
            continue
        no = idx + 1
        if text.startswith("项目名称"):
            sheet = PerformanceTarget(project_name=line.replace("项目名称", "", 1).strip(), line=no)
            continue
        if sheet is None:
            continue
        if "（万元）" in text:
            sheet.unit = "万元"
        if text.startswith("主管部门及代码"):
            head, _, implementer = line.partition("实施单位")
            _set(sheet, "主管部门及代码", head.replace("主管部门及代码", "").strip(), no)
            _set(sheet, "实施单位", implementer.strip(), no)
        elif text.startswith("项目属性"):
            attr, _, period = line.replace("项目属性", "", 1).partition("项目期")
            _set(sheet, "项目属性", attr.strip(), no)
            _set(sheet, "项目期", period.strip(), no)
        elif "资金总额" in text or text.startswith(("其中", "省级", "市县", "单位自筹", "上年结转", "其他资金")):
            _funds(sheet, line, no)
            goal_from = idx + 1
        elif text.startswith(_SIMPLE_FIELDS):
            name = next(f for f in _SIMPLE_FIELDS if text.startswith(f))
            _set(sheet, name, line[len(name):].strip() if line.startswith(name) else line, no)
        elif text.startswith("总体目标"):
            goal = line.replace("总体目标", "", 1).strip()
            period_goal, _, year_goal = goal.partition(" ")
            _set(sheet, "总体目标/实施期", period_goal.strip(), no)
            _set(sheet, "总体目标/年度", (year_goal or period_goal).strip(), no)
        elif "填报日期" in text:
            _set(sheet, "填报日期", text.split("填报日期")[-1].lstrip("：:"), no)
        elif text in _LEVEL1:
            level1 = text
        elif text.startswith(_LEVEL2) or text.startswith("满意度指标"):
            if text.startswith("满意度指标"):
                level1 = "满意度指标"
                line = line.replace("满意度指标", "", 1).strip()
            _indicators(sheet, level1, line, no)
    if sheet is not None and header is not None:
        # The central template: goal under a vertical 年度总体目标, indicators with 分值.
        found = scored.goal(lines, goal_from or header, header)
        if found:
            _set(sheet, "总体目标/年度", found[0], found[1])
        sheet.indicators = scored.indicators(lines, header, end)
    return sheet


def _set(sheet: PerformanceTarget, name: str, value: str, line: int) -> None:
    sheet.fields[name] = value
    sheet.field_lines[name] = line


def _funds(sheet: PerformanceTarget, line: str, no: int) -> None:
    """Fund lines print 实施期 on the left and 年度 on the right (some templates only 年度)."""
    pairs = [(m.group(2), m.group(3)) for m in _FUND.finditer(line)]
    if len(pairs) >= 2:
        scopes = ["实施期", "年度"]
    elif "年度" in line or any(k.startswith("年度") for k in sheet.funds) and not any(
        k.startswith("实施期") for k in sheet.funds
    ):
        scopes = ["年度"]
    else:
        scopes = ["实施期"]
    for (label, raw), scope in zip(pairs, scopes):
        value = to_decimal(raw)
        if value is None:
            continue
        key = f"{scope}/{label.replace('实施期', '').replace('年度', '')}"
        sheet.funds[key] = value
        sheet.fund_lines[key] = no


def _indicators(sheet: PerformanceTarget, level1: str, line: str, no: int) -> None:
    tokens = line.split()
    # The sheet prints 实施期 indicators on the left and 年度 indicators on the right.
    halves: list[list[str]] = []
    for tok in tokens:
        if tok.startswith(_LEVEL2) or (not halves):
            halves.append([tok])
        else:
            halves[-1].append(tok)
    if len(halves) == 1 and len(tokens) >= 4 and not tokens[0].startswith(_LEVEL2):
        mid = len(tokens) // 2
        halves = [tokens[:mid], tokens[mid:]]
    for scope, half in zip(("实施期", "年度"), halves):
        if not half:
            continue
        if half[0].startswith(_LEVEL2):
            level2 = next(k for k in sorted(_LEVEL2, key=len, reverse=True) if half[0].startswith(k))
            glued = half[0][len(level2):]  # 服务对象满意度指标满意度: level 3 glued on
            rest = ([glued] if glued else []) + half[1:]
        elif level1 == "满意度指标":
            m = re.match(r"(服务对象满意度指标?)(.*)", half[0])
            level2 = "服务对象满意度指标"
            rest = ([m.group(2)] if m and m.group(2) else []) + half[1:]
        else:
            level2, rest = "", half
        if not rest:
            continue
        level3 = rest[0] if len(rest) > 1 else ""
        value = " ".join(rest[1:]) if len(rest) > 1 else rest[0]
        sheet.indicators.append(Indicator(level1, level2, level3, value, scope, no))
