"""Re-lay a report's tables the way other templates and extractors print the same figures.

Each change touches only the tables (from the first table's title to the narrative after the last
one) and can be applied alone or with the others:

- ``yuan``: amounts in 元 with thousands separators (1084.38 万元 → 10,843,800.00 元);
- ``labels``: 公开NN表 labels instead of 表一 … / 预算公开表N;
- ``split_codes``: classification codes split into 类 款 项 columns (2013105 → 201 31 05);
- ``whitespace``: another extractor's wide gaps between cells and trailing spaces on every line;
- ``page_breaks``: form feeds and page numbers every few lines, inside tables too;
- ``wrapped_names``: long row names wrapped, the rest of the name on the line below the figures.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

CHANGES = ("yuan", "labels", "split_codes", "whitespace", "page_breaks", "wrapped_names")

_CN = "一二三四五六七八九十"
_TITLE = re.compile(rf"^(\s*)表([{_CN}]{{1,3}})(?=\d{{4}}年)")
_LABEL = re.compile(r"^(\s*)预算公开表(\d{1,2})(\s*)$")
_AMOUNT = re.compile(r"(?<![\d.,])(-?\d+)\.(\d{2})(?![\d%.])")
_UNIT = re.compile(r"单\s*位\s*[:：]\s*万元")
_CODE = re.compile(r"^(\s*)(\d{3})(\d{2})?(\d{2})?(?=\s+[^\d\s])")
_NAME_ROW = re.compile(r"^(\s*(?:\d{3}(?:\s\d{2}){0,2}\s+)?)([^\d\s][^\s]{7,})(\s+-?[\d,]+\.\d{2}.*)$")


def table_region(lines: list[str]) -> tuple[int, int]:
    """(first, end) indexes of the lines holding the tables: the first table title to the part after them."""
    first = next(i for i, line in enumerate(lines) if _TITLE.match(line))
    end = next((i for i in range(first, len(lines)) if re.match(r"^\s*第[三四五]部分", lines[i])), len(lines))
    return max(0, first - 1), end


def relayout(text: str, changes: tuple[str, ...] | list[str], seed: int = 7) -> str:
    """The text with the given changes applied to its tables."""
    unknown = set(changes) - set(CHANGES)
    if unknown:
        raise ValueError(f"unknown changes: {sorted(unknown)}")
    rng = random.Random(seed)
    lines = text.split("\n")
    first, end = table_region(lines)
    head, body, tail = lines[:first], lines[first:end], lines[end:]
    for change in CHANGES:  # always in the same order, whichever are asked
        if change in changes:
            body = _APPLY[change](body, rng)
    return "\n".join(head + body + tail)


def to_yuan(raw: str) -> str:
    """A 万元 figure as the same money in 元, with thousands separators."""
    value = Decimal(raw.replace(",", "")) * 10000
    return f"{value:,.2f}"


def _yuan(lines: list[str], rng) -> list[str]:
    out = []
    for line in lines:
        line = _UNIT.sub("单位：元", line)
        out.append(_AMOUNT.sub(lambda m: to_yuan(m.group()), line))
    return out


def _labels(lines: list[str], rng) -> list[str]:
    out = []
    for line in lines:
        line = _TITLE.sub(lambda m: m.group(1), line)
        line = _LABEL.sub(lambda m: f"{m.group(1)}公开{int(m.group(2)):02d}表{m.group(3)}", line)
        out.append(line)
    return out


def _split_codes(lines: list[str], rng) -> list[str]:
    def split(m: re.Match) -> str:
        return m.group(1) + " ".join(g for g in m.groups()[1:] if g)

    return [_CODE.sub(split, line) for line in lines]


def _whitespace(lines: list[str], rng) -> list[str]:
    out = []
    for line in lines:
        if not line.strip():
            out.append(" " * rng.randint(0, 6))
            continue
        line = re.sub(r"(?<=\S) (?=\S)", lambda m: " " * rng.randint(2, 7), line)
        out.append(line + " " * rng.randint(1, 5))
    return out


def _page_breaks(lines: list[str], rng) -> list[str]:
    out, page, since = [], 3, 0
    for line in lines:
        since += 1
        if since >= rng.randint(18, 30) and line.strip():
            page += 1
            out.append(f"- {page} -")
            line = "\f" + line
            since = 0
        out.append(line)
    return out


def _wrapped_names(lines: list[str], rng) -> list[str]:
    """Long names wrapped as extractors print them: the rest below the line of figures, or (for a
    coded row, as pdfplumber prints a centred cell) the start above and the rest below a line
    holding only the code and the figures."""
    out = []
    for line in lines:
        m = _NAME_ROW.match(line)
        if not m or "合计" in m.group(2) or "总计" in m.group(2):
            out.append(line)
            continue
        name = m.group(2)
        cut = rng.randint(4, min(7, len(name) - 2))
        indent = re.match(r"[ \u3000]*", m.group(1)).group()
        if m.group(1).strip() and rng.random() < 0.5:
            out.append(indent + name[:cut])
            out.append(m.group(1).rstrip() + m.group(3))
            out.append(indent + name[cut:])
            continue
        out.append(m.group(1) + name[:cut] + m.group(3))
        out.append(indent + name[cut:])
    return out


_APPLY = {
    "yuan": _yuan, "labels": _labels, "split_codes": _split_codes, "whitespace": _whitespace,
    "page_breaks": _page_breaks, "wrapped_names": _wrapped_names,
}


def provincial(text: str) -> str:
    """The 司法局 report (budget_shanghai_putuo_sifaju_2026_dept.txt) printed the way a provincial
    template prints the same figures: 公开NN表 labels, a third spending category beside 基本支出 and
    项目支出 (单位预留机动经费, printed 0.00), a 三公 table that also carries 会议费 and 培训费 (the
    report's own 302 15 and 302 16 figures, in 万元), 机关运行经费 in a table of its own, and a
    政府采购 table listing its categories and a project by name (the figures its text states)."""
    lines = text.split("\n")
    out: list[str] = []
    number = 0
    in_expenditure = False
    meeting = _economic(text, "会议费")
    training = _economic(text, "培训费")
    three = re.search(r"\n([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)\s*\n\f?其他相关情况说明", text)
    total, abroad, reception, car, purchase, running, operating = three.groups()
    i = 0
    while i < len(lines):
        line = lines[i].replace("\f", "")
        if re.match(r"^2026年部门.*表$", line):
            number += 1
            in_expenditure = line.endswith("支出预算总表")
            if "三公" in line:
                unit = "编制部门：上海市普陀区司法局 单位:万元"
                with_extras = Decimal(total) + meeting + training
                out += [
                    f"公开{number:02d}表", "2026年部门一般公共预算“三公”经费及会议费、培训费预算表", unit,
                    "合计 因公出国(境)费 公务用车购置及运行费 公务接待费 会议费 培训费",
                    "小计 购置费 运行费",
                    f"{with_extras} {abroad} {car} {purchase} {running} {reception} {meeting} {training}",
                    f"公开{number + 1:02d}表", "2026年部门机关运行经费预算表", unit, "项目 预算数",
                    f"机关运行经费 {operating}",
                    f"公开{number + 2:02d}表", "2026年部门政府采购预算表", unit,
                    "项目名称 采购品目 合计 货物 工程 服务",
                    "合计 1486.42 3.66 36.44 1446.32",
                    "人民调解服务 服务 795.00 0.00 0.00 795.00",
                ]
                i = next(k for k in range(i, len(lines)) if lines[k].strip("\f") == "其他相关情况说明")
                continue
            out += [f"公开{number:02d}表", line]
            i += 1
            continue
        if in_expenditure and line.startswith("功能分类科目名称 合计 基本支出 项目支出"):
            line += " 单位预留机动经费"
        elif in_expenditure and re.match(r"^(?:\d{3}(?: \d{2}){0,2} \S+|合计)(?: [\d.]+){3}$", line):
            line += " 0.00"
        out.append(line)
        i += 1
    return "\n".join(out)


def _economic(text: str, name: str) -> Decimal:
    """An economic item of the basic-expenditure table (in 元) as 万元."""
    m = re.search(rf"\n302 \d{{2}} {name} ([\d.]+) ", text)
    return (Decimal(m.group(1)) / 10000).quantize(Decimal("0.01"))
