"""What the report says in words: sheet fields, duties, units, terms, the report itself, and any
sentence of it (found with the database's full-text index when nothing structured answers).

Numbers in text answers are quoted as printed, never computed from a sentence that does not state them.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from decimal import Decimal

from budgetqa import lexicon, patterns
from budgetqa.answer import outline
from budgetqa.answer.build import answer
from budgetqa.answer.topics import performance_overview, topic_answer
from budgetqa.answer.model import Answer, amount_text
from budgetqa.models import Document, PerformanceTarget
from budgetqa.question.query import UNIT_DOMAINS, Query
from budgetqa.answer.resolve import NARRATIVE, Value, best_values, topic_facts
from budgetqa.textnorm import close_spaces, compact, squash


def define(doc: Document, q: Query) -> Answer | None:
    """A term's definition from the glossary (名词解释)."""
    glossary = {i.name: i for i in doc.items_of("glossary")}
    named = q.subjects + ([q.whole] if q.whole else [])
    # a term of the lexicon, or any name the glossary explains (a classification item: 实验室及相关设施)
    each = [max((t for t in m.terms if t.name in glossary), key=lambda t: len(t.name), default=None)
            for m in named]
    if len(named) < 2 or not all(each):  # one term asked (or some of the names have no entry): the longest one
        terms = [t for m in named for t in m.terms if t.kind == "term" or t.name in glossary]
        each = [max(terms, key=lambda t: len(t.name))] if terms else []
    entries = [glossary[t.name] for t in dict.fromkeys(each) if t.name in glossary]
    term = max((t.name for m in named for t in m.terms if t.kind != "code"), key=len, default="")
    if not entries and term and "名词解释" in q.squashed:  # the glossary named: its entry whose name holds the term
        entries = [e for name, e in glossary.items() if squash(term) in squash(name)][:1]
        if not entries and glossary:  # (名词解释里单位资金是什么意思: the glossary does not hold it)
            return Answer(False, "define", f"报告的名词解释共 {len(glossary)} 条（{'、'.join(glossary)}），没有「{term}」这一条。",
                          understood=f"按「名词解释中的{term}」理解", document=doc.label)
    if not entries:
        return None
    a = answer("define", "、".join(e.name for e in entries),
               "；".join(f"{e.name}：{e.text}（名词解释 第{e.line}行）" for e in entries))
    for e in entries:
        a.source("名词解释", e.line, e.name)
    return a


def duties(doc: Document, q: Query) -> Answer | None:
    """The department's numbered duties (or whether a duty is among them)."""
    items = doc.items_of("duty")
    if not items:
        return None
    if q.has("三大", "几大职能", "职能定位", "性质"):
        said = next(iter(doc.items_of("organisation")), None)
        if said is not None:
            sentence = next((s for s in said.text.split("。") if "职能" in s), said.text)
            a = answer("text", "部门职能", f"{sentence}（机构设置情况 第{said.line}行）。")
            a.source("机构设置情况", said.line, "职能")
            return a
    asked = _asked_duty(q, items)
    if asked is not None:
        d, words = asked
        a = answer("text", f"「{words}」是否为本部门职责", f"是。本部门职责（{d.name}）：{d.text}（第{d.line}行）")
        a.source("本部门职责", d.line, f"（{d.name}）")
        return a
    about = _duties_about(q, items)
    if about:  # 在密码管理方面负责哪些工作: the duties that speak of it
        a = answer("text", "本部门职责中相关的条目", "".join(f"（{d.name}）{d.text}（第{d.line}行）" for d in about))
        for d in about:
            a.source("本部门职责", d.line, f"（{d.name}）")
        return a
    whether = re.search(r"(?:管|负责)(?:着)?([^，,。？?]{2,14}?)(?:这些事儿?|这些|等工作|工作|的事)?(?:吗|么)", q.squashed)
    said = f"本部门职责中没有写到「{whether.group(1)}」。" if whether else ""  # (负责招商引资吗: no duty names it)
    a = answer("text", "本部门职责", said + f"共 {len(items)} 条职责：" + "".join(f"（{d.name}）{d.text}" for d in items))
    a.columns = ["序号", "职责", "行"]
    a.rows = [[d.name, d.text, d.line] for d in items]
    for d in items:
        a.source("本部门职责", d.line, f"（{d.name}）")
    return a


# Words every duty or duty question uses: they pick out no duty.
_DUTY_WORDS = patterns.compile(r"负责|工作|方面|管理|职责|职能|哪些|什么|主要|具体|全区|全市|全县|区委|市委|县委|办公室|有关|相关|承担|本部门|部门")


def _duties_about(q: Query, items) -> list:
    """The duties sharing the most words (two characters in a row) with what the question asks about,
    when that is some of them, not all."""
    rest = _DUTY_WORDS.sub(" ", q.squashed)
    pairs = {run[i:i + 2] for run in re.findall(r"[\u4e00-\u9fff]{2,}", rest) for i in range(len(run) - 1)}
    scores = [(sum(p in squash(d.text) for p in pairs), d) for d in items]
    best = max((n for n, _ in scores), default=0)
    chosen = [d for n, d in scores if n == best]
    return chosen if best and len(chosen) < len(items) else []


def _asked_duty(q: Query, items) -> tuple | None:
    """The duty whose words the question quotes (负责全区商用密码管理是不是…的职责)."""
    m = re.search(r"^(?:请问)?(.{4,30}?)(?:是不是|是否|算不算|属不属于|属于)", q.squashed)
    if m is None:
        return None
    words = m.group(1)
    from rapidfuzz import fuzz

    best = max(items, key=lambda d: fuzz.partial_ratio(words, squash(d.text)))
    return (best, words) if fuzz.partial_ratio(words, squash(best.text)) >= 80 else None


def units(doc: Document, q: Query) -> Answer | None:
    """Internal units (内设机构) and subordinate units (下属单位)."""
    kinds = {"internal_units": ("internal_unit",), "subordinate_units": ("subordinate_unit",),
             "report_units": ("report_unit",)}.get(q.domain or "", ("internal_unit", "subordinate_unit"))
    if re.search(r"内设|股室|科室|处室", q.squashed) and re.search(r"下属|所属|二级单位|下设.{0,2}单位", q.squashed):
        kinds = ("internal_unit", "subordinate_unit")  # 内设几个股室、下属几个单位: both asked
    names = {"internal_unit": "内设机构", "subordinate_unit": "下属单位", "report_unit": "纳入本报告的单位"}
    rows = [i for i in doc.items if i.kind in kinds]
    if not rows and q.domain in ("subordinate_units", "report_units"):  # the units the report lists
        rows = [i for i in doc.items if i.kind == ("report_unit" if q.domain == "subordinate_units" else "subordinate_unit")]
    if not rows:
        return None
    groups: dict[str, list] = {}
    for i in rows:
        groups.setdefault(names[i.kind], []).append(i)
    a = answer("text", "、".join(groups), "；".join(f"{k}{len(v)}个：{'、'.join(i.name for i in v)}" for k, v in groups.items()) + "。")
    for k, v in groups.items():
        a.figure(f"{k}数量", Decimal(len(v)), "个")
        below = [i for i in v if i.kind == "report_unit" and not re.search(r"[（(]本级[）)]|本部$|^本级$", i.name)]
        if len(below) < len(v) and below:  # (下面有啥单位: those below the department itself, counted too)
            a.text += f"其中本级以外 {len(below)} 个：{'、'.join(i.name for i in below)}。"
            a.figure("本级以外的单位数量", Decimal(len(below)), "个")
    a.columns = ["类别", "名称", "行"]
    a.rows = [[names[i.kind], i.name, i.line] for i in rows]
    for i in rows:
        a.source("机构设置情况", i.line, i.name)
    return a


def sheet_asked(doc: Document, q: Query) -> PerformanceTarget | None:
    """The performance sheet of the project the question names."""
    names = [t.key for m in q.subjects + ([q.whole] if q.whole else []) for t in m.terms if t.kind in ("project", "target")]
    for name in names:
        sheet = next((s for s in doc.performance if s.project_name == name), None)
        if sheet is not None:
            return sheet
    return None


def _without_projects(doc: Document, squashed: str) -> str:
    """The question with the words of a project's name blanked out (视频会议系统 names the project, not its
    indicator 视频会议系统数量)."""
    names = [squash(s.project_name) for s in doc.performance]
    out = squashed
    for size in range(min(len(squashed), 12), 3, -1):
        for i in range(len(squashed) - size + 1):
            piece = squashed[i:i + size]
            if " " not in out[i:i + size] and any(piece in n for n in names):
                out = out[:i] + " " * size + out[i + size:]
    return out


def _indicators_said(indicators, squashed: str) -> list:
    """The indicators whose label the question says in part (高质量论文 of 高质量论文数量, 修缮房屋建筑面积 of
    修缮房屋的建筑面积): four characters or more in a row, and most of the label in a row or in order."""
    from rapidfuzz.distance import LCSseq

    def shared(label: str) -> int:
        return max((n for n in range(min(len(label), len(squashed)), 3, -1)
                    for i in range(len(label) - n + 1) if label[i:i + n] in squashed), default=0)

    labelled = [(squash(i.level3), i) for i in indicators]
    scored = [(shared(label), LCSseq.similarity(label, squashed), len(label), i) for label, i in labelled if len(label) >= 4]
    scored = [(common, i) for n, common, size, i in scored if n >= 4 and (n >= 0.6 * size or common >= 0.8 * size)]
    best = max((common for common, _ in scored), default=0)
    return [i for common, i in scored if common == best]


def indicator_across_sheets(doc: Document, q: Query) -> Answer | None:
    """An indicator named with no project (高质量论文要求多少篇): its value in every sheet that has it."""
    if q.field_name in lexicon.INDICATOR_KINDS or not re.search(r"多少|几|指标|要求|目标|达到", q.squashed):
        return None
    said = _without_projects(doc, q.squashed)
    found = [(sheet, i) for sheet in doc.performance for i in _indicators_said(sheet.indicators, said)
             if len(squash(i.level3)) >= 5]
    found = [(sheet, i) for sheet, i in found if i.scope == "年度" or not any(
        o is not i and s is sheet and o.level3 == i.level3 and o.scope == "年度" for s, o in found)]
    if not found or len(found) > 8:
        return None
    a = answer("text", f"指标「{found[0][1].level3}」", "；".join(
        f"{sheet.project_name} 的{i.level2}「{i.level3}」指标值：{i.value}（{i.scope}，{sheet.title} 第{i.line}行）"
        for sheet, i in found) + "。")
    for sheet, i in found:
        a.source(sheet.title, i.line, sheet.project_name)
    return a


def sheet_indicator(doc: Document, q: Query) -> Answer | None:
    """X对高质量论文要求多少篇: an indicator of the named project's sheet, named by (most of) its label, whatever
    operation the rest of the words suggest."""
    sheet = sheet_asked(doc, q)
    if sheet is None or not re.search(r"多少|几|指标|要求|目标|达到|定的|定了", q.squashed):
        return None
    named = [i for i in sheet.indicators if len(i.level3) >= 2 and squash(i.level3) in q.squashed] \
        or _indicators_said(sheet.indicators, _without_projects(doc, q.squashed))
    return sheet_field(doc, q) if named else None


def sheet_field(doc: Document, q: Query) -> Answer | None:
    """One field of a project's target sheet, an indicator, or the sheet in short."""
    sheet = sheet_asked(doc, q)
    if sheet is None:
        return None
    name = sheet.project_name
    for level in ("level3", "level2"):  # the most specific indicator labels the question names, each
        named = [i for i in sheet.indicators if len(getattr(i, level)) >= 2 and squash(getattr(i, level)) in q.squashed] \
            or (_indicators_said(sheet.indicators, _without_projects(doc, q.squashed))
                if level == "level3" and q.field_name not in lexicon.INDICATOR_KINDS else [])
        labels = list(dict.fromkeys(getattr(i, level) for i in named))
        typed = all(squash(label) in q.squashed for label in labels)  # (新增设备、新增家具的指标各多少: each one typed)
        if named and (len(labels) == 1 or level == "level2" or typed):
            picked = [max((i for i in named if getattr(i, level) == label), key=lambda i: (len(label), i.scope == "年度"))
                      for label in labels]
            a = answer("text", f"{name} 的指标「{'、'.join(labels)}」", "；".join(
                f"{name} 的{i.level2}「{i.level3}」指标值：{i.value}（{i.scope}，{sheet.title} 第{i.line}行）" for i in picked) + "。")
            for i in picked:
                a.source(sheet.title, i.line, getattr(i, level))
            return a
    named_fund = [k for k in sheet.funds if k.split("/", 1)[1] in q.squashed and "总额" not in k]
    if named_fund or q.has("资金", "金额", "多少钱", "多少元", "拨款") and not q.field_name:
        from budgetqa.answer.resolve import sheet_values

        vals = sheet_values(doc, sheet, q)
        if vals:
            a = answer("value", f"{name} 的资金", "；".join(f"{v.label} {amount_text(v.amount, v.unit)}" for v in vals)
                       + f"（{sheet.title} 第{vals[0].line}行）。")
            for v in vals:
                a.figure(v.label, v.amount, v.unit, v.where, v.line)
            if re.search(r"对得上|对的上|对不上|一致|相符|吻合|一样|相同|核对", q.squashed):
                _project_amount(doc, a, name)  # (…和表十二对得上吗: the project table's figure beside the sheet's)
                _sheet_against_table(doc, a, name, vals[0])
            return a
    if q.field_name in lexicon.INDICATOR_KINDS:
        rows = _indicators_of_kind(sheet, q.field_name)
        if rows:
            listing = "；".join(f"{i.level3 or i.level2}：{i.value}" for i in rows)
            a = answer("text", f"{name} 的{q.field_name}指标", f"{name} 的{q.field_name}指标——{listing}（{sheet.title} 第{rows[0].line}行）。")
            a.source(sheet.title, rows[0].line, q.field_name)
            return a
        # (a kind of indicator the sheet leaves blank: nothing is stated, so nothing is given)
        return Answer(False, "text", f"{name} 的{sheet.title}没有填写{q.field_name}指标（该栏为空），没有可给的指标值。",
                      understood=f"按「{name} 的{q.field_name}指标」理解")
    asked = [f for f in (q.field_names or [q.field_name]) if f and sheet.fields.get(f)]
    if asked == ["项目概况"] and squash(name) in squash(sheet.fields["项目概况"]) and sheet.fields.get("项目设立必要性"):
        asked = ["项目设立必要性"]  # (a 项目概况 that only repeats the project's name says nothing of what it does)
    if len(asked) == 1:  # (what a project is for: why it is set up, and this year's target)
        asked += [f for f in lexicon.SHEET_FIELDS_TOGETHER.get(asked[0], ()) if f not in ("项目属性", "项目期")
                  and sheet.fields.get(f) and f not in asked]
    if asked:  # 立项依据和项目属性: each field named
        labels = [f.replace("/", "（") + ("）" if "/" in f else "") for f in asked]
        a = answer("text", f"{name} 的{'、'.join(labels)}", "；".join(
            f"{name} 的{label}：{sheet.fields[f]}（{sheet.title} 第{sheet.field_lines.get(f, sheet.line)}行）"
            for f, label in zip(asked, labels)) + "。")
        for f in asked:
            a.source(sheet.title, sheet.field_lines.get(f, sheet.line), name)
        _project_amount(doc, a, name)
        return a
    return _sheet_summary(sheet)


def _project_named(doc: Document, name: str):
    """The project the project tables print under a sheet's project name, with its amount."""
    return next((p for p in doc.projects if squash(p.name) == squash(name) and p.total is not None), None)


def _sheet_against_table(doc: Document, a: Answer, name: str, value: Value) -> None:
    """Whether a sheet's money equals what the project tables print for the project (in one unit)."""
    project = _project_named(doc, name)
    if project is None:
        return
    factor = {("元", "万元"): Decimal(10000), ("万元", "元"): Decimal("0.0001")}.get((value.unit, project.unit), Decimal(1))
    sheet = value.amount / factor
    shown = sheet.quantize(Decimal("0.01")) if sheet.as_tuple().exponent > -2 else sheet  # (15 → 15.00, nothing cut)
    a.text += f"折合 {amount_text(shown, project.unit)}，" + (
        "两者一致。" if sheet == project.total else f"两者不一致，差 {amount_text(abs(sheet - project.total), project.unit)}。")


def _project_amount(doc: Document, a: Answer, name: str) -> None:
    """What the project tables print for the project a sheet's words were asked of, said with them."""
    project = _project_named(doc, name)
    if project is not None:
        a.text += f"（该项目{project.scope}安排 {amount_text(project.total, project.unit)}，表{project.table_no} 第{project.line}行。）"
        a.figure(f"{project.name}（{project.scope}项目）", project.total, project.unit, f"表{project.table_no}", project.line)


_NOT = patterns.compile(r"(?:不是|不为|不等于|不在|并非)(.+?)(?:的|吗|呢|\?|？|$)")
_VALUED = patterns.compile(r"(?:都)?(?:是|为|等于|写的是|写着)(.+?)的")  # (实施单位是附属小学的: the sheets that say it)


def field_across_sheets(doc: Document, q: Query) -> Answer | None:
    """One field of every target sheet, grouped by what it says (项目期 1年: 8 张), or the sheets whose
    field is not what the question types (填报日期不是2023年10月31日)."""
    name = q.field_name
    sheets = [s for s in doc.performance if (s.fields.get(name) or "").strip()]
    if not sheets:
        return None
    negated = _NOT.search(q.squashed)
    ordered = re.search(r"(最晚|最新|最近|最迟)|最早", q.squashed)
    dated = all(len(re.sub(r"\D", "", s.fields[name])) >= 8 for s in sheets)
    if ordered and dated:  # 哪张填报日期最晚: by the date each sheet gives
        pick = (max if ordered.group(1) else min)(sheets, key=lambda s: re.sub(r"\D", "", s.fields[name])[:14])
        a = answer("text", f"{name}{ordered.group(0)}的绩效目标表", f"{len(sheets)} 张绩效目标表中{name}{ordered.group(0)}的是 "
                   f"{pick.project_name}（{pick.fields[name]}，第{pick.field_lines.get(name, pick.line)}行）。")
        a.source(pick.title, pick.field_lines.get(name, pick.line), pick.project_name)
        a.focus = [Value(pick.project_name, Decimal(0), pick.unit, pick.title, pick.line, f"project:{pick.project_name}")]
        return a  # (它的社会效益指标 next: of that sheet)
    at = q.squashed.find(squash(name).split("/")[0])
    valued = _VALUED.match(q.squashed, at + len(squash(name).split("/")[0])) if at >= 0 and not negated else None
    if negated or valued and len(valued.group(1)) >= 2:  # 填报日期不是2023年10月31日 / 实施单位是附属小学的有几个
        typed = (negated or valued).group(1)
        digits = re.sub(r"\D", "", typed)

        def says(value: str) -> bool:
            return re.sub(r"\D", "", value).startswith(digits) if len(digits) >= 4 else squash(typed) in squash(value)

        others = [s for s in sheets if says(s.fields[name]) != bool(negated)]
        how = "不是" if negated else "是"
        a = answer("text", f"{name}{how}「{typed}」的绩效目标表",
                   f"{len(sheets)} 张绩效目标表中，{name}{how}「{typed}」的有 {len(others)} 张"
                   + ("：" + "；".join(f"{s.project_name}（{s.fields[name]}，第{s.field_lines.get(name, s.line)}行）" for s in others)
                      if others else "") + "。")
        chosen = others
    else:
        together = [name] + [f for f in lexicon.SHEET_FIELDS_TOGETHER.get(name, ()) if all(s.fields.get(f) for s in sheets)]
        groups: dict[str, list] = {}
        for s in sheets:
            groups.setdefault("，".join(s.fields[f].strip() for f in together), []).append(s)
        a = answer("text", f"各绩效目标表的{name}", f"{len(sheets)} 张绩效目标表的{'、'.join(together)}：" + "；".join(
            f"「{value}」{len(members)} 张" + ("" if len(groups) == 1 else f"（{'、'.join(m.project_name for m in members)}）")
            for value, members in groups.items()) + "。")
        chosen = sheets
    a.figure("绩效目标表张数", Decimal(len(chosen)), "张")
    a.columns = ["项目", name, "行"]
    a.rows = [[s.project_name, s.fields[name], s.field_lines.get(name, s.line)] for s in chosen]
    for s in chosen:
        a.source(s.title, s.field_lines.get(name, s.line), s.project_name)
    return a


def _indicators_of_kind(sheet: PerformanceTarget, kind: str) -> list:
    """A sheet's indicators of one kind, by their second level (数量指标) or first (产出指标): the year's where the
    sheet prints both the year's and the whole period's."""
    of_kind = [i for i in sheet.indicators if i.level2.startswith(kind) or i.level1.startswith(kind)]
    return [i for i in of_kind if i.scope == "年度"] or of_kind


def indicator_kind_across_sheets(doc: Document, kind: str) -> Answer | None:
    """One kind of indicator (产出指标, 满意度指标) with no project named: each sheet's, with their values (the
    year's where a sheet prints both)."""
    rows = [(sheet, i) for sheet in doc.performance for i in _indicators_of_kind(sheet, kind)]
    if not rows:
        return None
    said: dict[str, list[str]] = {}
    for sheet, i in rows:
        said.setdefault(sheet.project_name, []).append(f"{i.level3 or i.level2}：{i.value}")
    a = answer("text", f"各绩效目标表的{kind}指标", f"{len(said)} 张绩效目标表的{kind}指标——"
               + "；".join(f"{name}（{'，'.join(values)}）" for name, values in said.items()) + "。")
    a.columns = ["项目", "一级指标", "二级指标", "三级指标", "指标值", "行"]
    a.rows = [[sheet.project_name, i.level1, i.level2, i.level3, i.value, i.line] for sheet, i in rows]
    for sheet, i in rows:
        a.source(sheet.title, i.line, sheet.project_name)
    return a


def _sheet_summary(sheet: PerformanceTarget) -> Answer:
    f = sheet.fields
    yearly = [i for i in sheet.indicators if i.scope == "年度"]
    a = answer("text", f"{sheet.project_name} 的绩效目标",
               f"{sheet.project_name}：项目属性 {f.get('项目属性') or '—'}，项目期 {f.get('项目期') or '—'}；"
               f"年度目标：{f.get('总体目标/年度') or '—'}；共 {len(yearly)} 项年度指标。")
    total = next((v for k, v in sheet.funds.items() if k.startswith("年度") and "总额" in k), None)
    if total is not None:
        a.figure(f"{sheet.project_name} 年度资金总额", total, sheet.unit, sheet.title, sheet.line)
    a.columns = ["范围", "一级指标", "二级指标", "三级指标", "指标值"]
    a.rows = [[i.scope, i.level1, i.level2, i.level3, i.value] for i in yearly]
    a.source(sheet.title, sheet.line, sheet.project_name)
    return a


def text(doc: Document, q: Query) -> Answer | None:
    """Questions about what the report says: a sheet's field, duties, units, terms, or a sentence."""
    with_sheets = [m for m in q.subjects if sheet_asked(doc, replace(q, subjects=[m], whole=None)) is not None]
    if len(with_sheets) > 1 and q.field_name:  # 法律顾问费用和关工委办公经费的填报日期: each sheet
        parts = [sheet_field(doc, replace(q, subjects=[m], whole=None)) for m in with_sheets]
        parts = [p for p in parts if p is not None]
        a = Answer(True, "text", " ".join(p.text for p in parts), understood="；".join(p.understood for p in parts))
        for p in parts:
            a.sources += [x for x in p.sources if x not in a.sources]
        return a
    if sheet_asked(doc, q) is not None:
        return sheet_field(doc, q)
    projects = [t.name for m in q.subjects for t in m.terms if t.kind == "project"]
    if q.field_name and not projects and q.field_name not in lexicon.INDICATOR_KINDS and q.domain != "duties":
        found = field_across_sheets(doc, q)
        if found is not None:
            return found
    if q.field_name in lexicon.INDICATOR_KINDS and not projects and q.domain != "duties":
        found = indicator_kind_across_sheets(doc, q.field_name)
        if found is not None:
            return found
    if projects and doc.performance and (q.field_name or q.has("绩效", "指标", "实施期", "年度资金")):
        return Answer(False, "text", f"报告（{doc.label}）没有「{projects[0]}」的项目绩效目标表"
                      f"（有目标表的是：{'、'.join(s.project_name for s in doc.performance[:8])}）。", understood=projects[0])
    if projects and q.domain != "duties" and q.has("干什么", "做什么", "干嘛", "干啥", "用途", "用来", "用于"):
        # (它是干什么用的 after a project: what that project is for, which the report may not say; not the duties)
        return Answer(False, "text", f"报告（{doc.label}）没有说明「{projects[0]}」的具体用途，只列了它的名称和金额。",
                      understood=f"{projects[0]} 的用途")
    figures = any(m.via in ("exact", "synonym") and m.kinds & {"code", "item", "project", "row", "fact"} for m in q.subjects)
    if (q.domain in UNIT_DOMAINS or any("unit" in m.kinds for m in q.subjects)) and not figures:
        return units(doc, q)
    if q.domain == "duties" or q.has("职责", "职能", "负责什么", "干什么", "做什么", "管什么", "任务是", "负责哪些", "管哪些"):
        return duties(doc, q)
    topics = [m.of("topic")[0].key for m in q.subjects if "topic" in m.kinds]
    if topics and topics[0] != "绩效目标":  # what the report says of 三公, 机关运行经费, 政府采购
        found = topic_answer(doc, q, topics[0])
        if found is not None:
            return found
    if any("term" in m.kinds for m in q.subjects):
        if lexicon.WHETHER_HAS.search(q.squashed):
            return None  # 今年有没有政府购买服务: what the report's sentences say of it, not what it means
        return define(doc, q)
    if q.has("绩效") and not q.subjects:
        return performance_overview(doc)
    return None


# --------------------------------------------------------------------------- the report itself
_LABEL_LINE = patterns.compile(r"^\s*((?:预算|部门|决算|单位)?公开(?:表\s*\d{1,2}|\s*\d{1,2}\s*表)|附表\s*\d{1,2})\s*$")


LABELS_ASKED = patterns.compile(r"表号|表的编号|(?<=表.)编号|编号(?:印|写|标|怎么|为什么|为啥|跟|和|与|不)|标号|写法|右上角")


def printed_labels(doc: Document, q: Query) -> Answer | None:
    """How each table's number is printed (预算公开表3 on a line of its own above the title), and which
    tables print it otherwise than the rest (部门公开表9 among 预算公开表N)."""
    labels = {}
    for t in doc.tables:  # the label just below the title, else just above it
        near = [*range(t.line, min(len(doc.lines), t.line + 4)), *range(t.line - 2, max(0, t.line - 5), -1)]
        for i in near:
            m = _LABEL_LINE.match(doc.lines[i])
            if m:
                labels[t.no] = (re.sub(r"\s", "", m.group(1)), i + 1)
                break
    if len(labels) < 2:
        return None
    kinds: dict[str, list[int]] = {}
    for no, (label, _) in labels.items():
        kinds.setdefault(re.sub(r"\d+", "N", label), []).append(no)
    usual = max(kinds, key=lambda k: len(kinds[k]))
    odd = [no for k, nos in kinds.items() if k != usual for no in nos]
    asked = [int(t.key) for m in q.subjects for t in m.terms if t.kind == "table"] + ([q.table] if q.table else [])
    shown = list(dict.fromkeys(no for no in asked if no in labels)) or odd or sorted(labels)
    titles = {t.no: t.title for t in doc.tables}
    text = "；".join(f"表{no} {titles[no]} 印作「{labels[no][0]}」（第{labels[no][1]}行）" for no in shown)
    text += f"。其余表的表号印作「{usual}」式（{len(kinds[usual])} 张）" if odd else "。各表表号写法一致"
    a = answer("about", "表号的写法", text + "。")
    for no in shown:
        a.source(f"表{no}", labels[no][1], labels[no][0])
    return a


def as_printed(doc: Document, t) -> str:
    """A table's label with its number as the report prints it, where that differs (表7（表七） 2024年…)."""
    line = doc.lines[t.line - 1] if 0 < t.line <= len(doc.lines) else ""
    m = re.match(r"\s*(表[一二三四五六七八九十]+)", line)
    return f"表{t.no}（{m.group(1)}） {t.title}" if m else t.label


# A column asked of the tables (哪张表有X这一列, X这一栏在哪张表, 表头里有X的表).
_COLUMN_ASKED = patterns.compile(r"这一?[列栏]|[列栏](?:名|目)|表头|(?:有|含|带)[^，。？?]{0,12}[列栏]")


def tables_with_column(doc: Document, q: Query) -> Answer | None:
    """The tables whose headings have the column named (quoted, or a column name the report prints)."""
    if not _COLUMN_ASKED.search(q.squashed) or not re.search(r"哪|什么|几", q.squashed):
        return None
    quoted = re.search(r"[“\"「『]([^”\"」』]{2,20})[”\"」』]", q.text)
    typed = [squash(quoted.group(1))] if quoted else [q.squashed[m.start:m.end] for m in q.subjects if "column" in m.kinds]
    if len(typed) != 1:
        return None
    key = typed[0]
    found = [t for t in doc.tables if any(key in squash(c) for c in t.columns)]
    a = answer("about", f"有「{key}」这一列的表", f"有「{key}」这一列的表有 {len(found)} 张："
               + ("；".join(as_printed(doc, t) for t in found) if found else "没有") + "。")
    a.figure("表的张数", Decimal(len(found)), "张")
    for t in found:
        a.source(t.label, t.line, t.title)
    return a


def about(doc: Document, q: Query) -> Answer | None:
    """How many tables, which are empty, which table prints a name, what a table is, the unit."""
    tables = doc.tables
    if (q.has("什么单位", "计量单位", "金额单位", "按元", "按万元", "元还是万元", "万元还是元", "以元", "以万元")
            or re.search(r"(?<![这个本该们])单位是(?!多少)", q.squashed)) \
            and not re.search(r"(?:按|以)(?:万)?元(?:算|计|来算|计算)?(?:是|为|的话)?(?:多少|几)", q.squashed):
        # (这个单位是多少: the organisation's figure; 按元算是多少: a figure, in 元)
        units = sorted({t.unit for t in tables if t.unit})
        a = answer("about", "金额单位", f"{doc.label} 的金额单位：{'、'.join(units) or doc.unit}"
                   + "".join(f"；{t.label} 为{t.unit}" for t in tables if len(units) > 1 and t.unit != doc.unit)
                   + "".join(f"；项目绩效目标表为{u}" for u in sorted({s.unit for s in doc.performance} - set(units)))
                   + "。")
        return a
    if q.has("哪个部门", "什么部门", "哪一年", "哪年", "哪个单位") and not q.subjects:
        return outline.whose_report(doc)
    counts_tables = re.search(r"[张个][^，。？?]{0,4}表|表[^，。？?]{0,6}(?:几|多少)张", q.text)
    if q.has("部分", "章节", "目录", "结构") and not counts_tables:
        heads = [(i + 1, line.strip()) for i, line in enumerate(doc.lines) if re.match(r"^\s*第[一二三四五六七八九十]+部分", line)]
        # (listed in the contents, then as headings: once)
        heads = [(i, h) for n, (i, h) in enumerate(heads) if squash(h) not in {squash(e) for _, e in heads[:n]}]
        if heads:
            a = answer("about", "报告的组成", f"{doc.label} 分为 {len(heads)} 个部分：" + "；".join(h for _, h in heads) + "。")
            for line, head in heads:
                a.source("报告原文", line, head)
            return a
    quoted = re.search(r"[“\"「『]([^”\"」』]{2,20})[”\"」』]", q.text)
    named_table = q.table is not None or any(m.kinds == {"table"} for m in q.subjects)
    if quoted and q.has("表") and not lexicon.EMPTY_NOTE.search(quoted.group(1)) and not named_table:
        key = squash(quoted.group(1))
        found = [t for t in tables if key in squash(t.title)]
        a = answer("about", f"标题含「{quoted.group(1)}」的表", f"标题含「{quoted.group(1)}」的表有 {len(found)} 张："
                   + ("；".join(as_printed(doc, t) for t in found) if found else "没有") + "。")
        a.figure("表的张数", Decimal(len(found)), "张")
        return a
    named = [m for m in q.subjects if m.kinds - {"table"}]
    if named and q.has("哪张表", "哪个表", "哪些表", "哪一张表", "哪几张表", "什么表", "哪个报表", "在哪", "第几张", "几号表", "表几"):
        return _which_tables(doc, named)
    if q.table is not None or any(m.kinds == {"table"} for m in q.subjects) and not (counts_tables and _tables_in_general(q)):
        no = q.table if q.table is not None else int(next(m for m in q.subjects if m.kinds == {"table"}).term.key)
        table = next(t for t in tables if t.no == no)
        state = "有数据" if table.has_data else "本表无数据"
        a = answer("about", table.label, f"{table.label}（第{table.line}行）：{state}，共 {len(table.rows)} 行。")
        a.source(table.label, table.line, table.title)
        return a
    empty = [t for t in tables if not t.has_data]
    if q.has("空表", "没有数据", "无数据", "没数据", "空的", "为空") and not (q.level and "表" not in q.squashed):
        # (哪几类有数，其余都是空的: the subjects of a level, not the tables)
        a = answer("about", "没有数据的表", f"{len(empty)} 张表没有数据：" + "；".join(as_printed(doc, t) for t in empty) + "。"
                   if empty else "每张表都有数据。")
        a.figure("没有数据的表", Decimal(len(empty)), "张")
        a.columns = ["表", "标题", "行"]
        a.rows = [[f"表{t.no}", t.title, t.line] for t in empty]
        return a
    pictures = next((int(m.group(1)) for n in doc.notes if (m := re.search(r"表格是图片（(\d+) 张）", n))), 0)
    if not tables and pictures:  # (a page whose tables are pictures: how many, and that their figures cannot be read)
        said = f"{doc.label} 的表格以图片形式附在报告里，共 {pictures} 张；图片里的标题和数字读不出，只能回答说明文字里写出的数字。"
        if q.table is not None or re.search(r"第[一二三四五六七八九十\d]+张|哪张|什么表|啥表", q.squashed):
            return Answer(False, "about", said, understood="报告中的表")  # (one table's title asked: not readable)
        a = answer("about", "报告中的表", said)
        a.figure("图片表格的张数", Decimal(pictures), "张")
        return a
    # one printed table read as two (the 三公 and 机关运行经费 parts under one title) is one table of the report
    printed = list(dict.fromkeys((t.title, t.line) for t in tables))
    split = "；".join(f"表{'、表'.join(str(t.no) for t in tables if (t.title, t.line) == p)} 是同一张表（第{p[1]}行）的几部分"
                     for p in printed if sum((t.title, t.line) == p for t in tables) > 1)
    a = answer("about", "报告中的表", f"{doc.label} 共 {len(printed)} 张表" + (f"（其中 {len(empty)} 张没有数据）" if empty else "")
               + "：" + "；".join(as_printed(doc, t) for t in tables) + "。" + (f"{split}。" if split else ""))
    a.figure("表的张数", Decimal(len(printed)), "张")
    a.columns = ["表", "标题", "有无数据", "行"]
    a.rows = [[f"表{t.no}", t.title, "有" if t.has_data else "无", t.line] for t in tables]
    return a


# The tables named as a kind, not as one table (部门预算表一共有几张, 报表有几张): all of them.
_TABLES_IN_GENERAL = patterns.compile(r"(?:本|这|该|报告的?)?(?:部门|单位)?(?:预算|决算|收支)?(?:报)?表(?:格)?")


def _tables_in_general(q: Query) -> bool:
    return all(_TABLES_IN_GENERAL.fullmatch(q.squashed[m.start:m.end]) for m in q.subjects_typed if m.kinds == {"table"})


def _unquoted(text: str) -> str:
    return re.sub(r"[“”\"'‘’「」]", "", text)


def _which_tables(doc: Document, named) -> Answer | None:
    """哪张表列了项目支出: the tables printing the name as a column, a row or in the title, with the line."""
    names = list(dict.fromkeys(t.name for m in named for t in m.terms if t.kind != "table"))
    found = []
    for table in doc.tables:
        for name in names:
            column = next((c for c in table.columns if c.rsplit("/", 1)[-1] == name), None)
            row = next((r for r in table.rows if squash(r.name) == squash(name) or r.code == name), None)
            titled = _unquoted(re.sub(r"(?:预算数|决算数|金额|数额)$", "", name))  # (三公经费预算数: the 三公 table)
            if column or row or titled in _unquoted(table.title):
                kind = "列" if column else "行" if row else "表名"
                found.append((table, name, kind, row.line if row else table.line, row.cells[0] if row and row.cells else None))
                break
    if not found:
        return None
    # (a row's first printed figure beside it: 住房公积金23.83在哪几张表里印了 sees the figure in each)
    a = answer("about", f"列出「{'、'.join(names[:2])}」的表", "；".join(
        f"{as_printed(doc, t)}（作为{kind}，第{line}行" + (f"，{amount_text(c.amount, t.unit)}" if c else "") + "）"
        for t, _, kind, line, c in found) + "。")
    for t, name, _, line, c in found:
        a.source(t.label, line, name)
        if c is not None:
            a.figure(f"{t.label} {name}", c.amount, t.unit, t.label, line)
    a.columns = ["表", "名称", "位置", "行"]
    a.rows = [[t.label, name, kind, line] for t, name, kind, line, _ in found]
    return a


# --------------------------------------------------------------------------- any sentence
_PURPOSE = patterns.compile(r"主要用于|用在哪|用到哪|(?:干|弄|搞)(?:什么|啥|嘛|吗)用|做(?:什么|啥)用|有(?:啥|什么)用|图(?:个)?(?:啥|什么)|拿来干|用来干|用途|主要用在|花[在到](?:了)?(?:什么|哪|啥)|用在(?:了)?(?:什么|啥)|用于(?:什么|啥|哪)")


# The text of the report named as where a figure is read (说明里写的, 文字说明里, 那段, 前后两个数, 标题写).
_IN_TEXT = patterns.compile(r"说明(?:里|中|上)|文字|编制说明|正文|文中|原文|那(?:条|段)|这(?:条|段)|第\d+[条点]|前后|标题|开头")


_RECOMPUTED = patterns.compile(r"算|对得上|对的上|对不上|应该|实际|增长|增加|减少|下降|幅度|增幅|降幅|[%％]|率|对吗|对不对|对么|正确|有误|错")


def stated_figures(doc: Document, q: Query) -> Answer | None:
    """说明里写的X是多少 / X那段前后两个数: every figure the subject's own paragraph states, each with its
    line, beside the figure the tables print for it (in the paragraph's unit), so a paragraph that
    disagrees with itself or with the tables is seen."""
    if not _IN_TEXT.search(q.squashed) or len(q.subjects) != 1 or _RECOMPUTED.search(q.squashed):
        return None  # (a rate recomputed from the paragraph's figures is the change's check)
    found = topic_facts(doc, q)
    if found is None:
        return None
    topic, _ = found
    stated = [f for f in doc.facts if f.topic == topic and f.kind in ("amount", "rate", "share")]
    if len(stated) < 2:
        return None
    a = answer("text", f"说明中「{topic}」所写的数字", f"说明中「{topic}」这段写了 {len(stated)} 个数字："
               + "；".join(f"{f.label} {amount_text(f.value, f.unit) if f.unit != '%' else f'{f.value}%'}（第{f.line}行）"
                          for f in stated) + "。")
    for f in stated:
        a.figure(f.label, f.value, f.unit, NARRATIVE, f.line)
    from budgetqa.answer.resolve import best_values

    printed = best_values(doc, q.subjects[0].terms, q)
    amounts = [f for f in stated if f.unit in ("万元", "元")]
    if printed and amounts:
        v = printed[0]
        shown = v.amount / 10000 if v.unit == "元" and amounts[0].unit == "万元" else v.amount
        a.text += (f"表中 {v.label} 为 {amount_text(v.amount, v.unit)}（{v.where} 第{v.line}行"
                   + (f"，即 {shown.quantize(Decimal('0.01'))} 万元" if shown != v.amount else "") + "）"
                   + ("；说明所写与之不同的：" + "、".join(f"{f.value}{f.unit}（第{f.line}行）" for f in amounts
                                                   if f.value != shown.quantize(Decimal("0.01"))) if any(
                       f.value != shown.quantize(Decimal("0.01")) for f in amounts) else "") + "。")
        a.figure(v.label, v.amount, v.unit, v.where, v.line)
    return a


# Which of the report's items (a ranking or a list), not what the money does (哪些工作, 哪些方面)
_ITEMS_ASKED = patterns.compile(r"最|大头|哪一项|哪(?:个|些)(?!工作|方面|地方|事|用途|领域|内容|业务|活动)")


def purpose(doc: Document, q: Query) -> Answer | None:
    """X主要用在哪 / 主要用于后面写的是什么: the 主要用于 sentence of the subject's own paragraph, as printed."""
    if not _PURPOSE.search(q.squashed) or _ITEMS_ASKED.search(q.squashed):
        return None  # (钱大头用在哪一项: a ranking; 用于哪些工作 is still what it is for)
    found = topic_facts(doc, q)
    if found is None or not doc.lines:
        return (_purpose_said(doc, q) or _purpose_of_amount(doc, q)) if doc.lines else None
    topic, facts = found
    topic = topic.strip("“”\"「」")  # (a paragraph opening with its quoted subject)
    start = min(f.line for f in facts)
    def joined(lines: list[str]) -> str:
        return re.sub(r"\s", "", "".join(line for line in lines if not re.fullmatch(r"[\d.,%\s]+", line)))  # (loose numbers)

    text, before = joined(doc.lines[max(0, start - 4):start + 2]), joined(doc.lines[max(0, start - 4):start - 1])
    name = re.sub(r"[（(]\d*[项款类][）)]$", "", topic).split("）")[-1]  # the item's own name, its paragraph's start
    # (the name on the fact's own line first: what it is for may name it again, 信息化建设及运行维护)
    at = text.find(name[-6:], len(before)) if name[-6:] in text[len(before):] else text.rfind(name[-6:])
    m = re.search(r"主要用于[：:]?([^。]+)", text[max(at, 0):])
    if m is None:
        return None
    stated = "，".join(f"{f.label} {amount_text(f.value, f.unit)}" for f in facts if f.kind == "amount")
    a = answer("text", f"{topic} 的用途", f"{topic}：{stated + '；' if stated else ''}主要用于：{m.group(1).strip()}"
               f"（情况说明 第{start}行附近）。")
    for f in facts:
        if f.kind == "amount":
            a.figure(f.label, f.value, f.unit, NARRATIVE, f.line)
    a.source(NARRATIVE, start, topic)
    coded = [t for m in q.subjects for t in m.terms if t.kind == "code"]
    level = re.search(r"([类款项])[）)]?$", topic)  # (a name several levels print: the level the paragraph is about)
    if len(coded) > 1 and level:
        coded = [t for t in coded if len(t.key) == {"类": 3, "款": 5, "项": 7}[level.group(1)]]
    printed = best_values(doc, coded[:1], q) if len(coded) == 1 else []
    if printed and printed[0].unit not in {f.unit for f in facts if f.kind == "amount"}:  # (the tables' figure, in their unit)
        v = printed[0]
        a.text += f"（{v.where} 印 {amount_text(v.amount, v.unit)}，第{v.line}行。）"
        a.figure(v.label, v.amount, v.unit, v.where, v.line)
    return a


def _purpose_said(doc: Document, q: Query) -> Answer | None:
    """What the narrative says a name's money is for in the clause that states it (…基本支出61042.17万元，…，主要
    用于保障在职人员工资福利…；项目支出…): that clause, as printed."""
    names = [name for name in dict.fromkeys(compact(t.name) for m in q.subjects for t in m.terms
                                             if t.kind in ("column", "row", "fact", "code")) if name]
    for no, line in enumerate(doc.lines, 1):
        flat = compact(line)
        for name in names:
            m = _USED_FOR.match(flat, flat.find(name) + len(name)) if name in flat else None
            if m:
                a = answer("text", f"{name} 的用途", f"{name}：主要用于{m.group(1).strip('，, ')}（第{no}行）。")
                a.source(NARRATIVE, no, name)
                return a
    return None


def _purpose_of_amount(doc: Document, q: Query) -> Answer | None:
    """这两百来万的项目支出是干啥用的: the paragraph that states the subject's very amount and says what it is for
    (…其他社会工作事务支出（项）。主要用于：…。全年预算为202.24万元…)."""
    if len(q.subjects) != 1 or "code" in q.subjects[0].kinds or "column" not in q.subjects[0].kinds:
        return None  # (a code has its own paragraph; a column total, 项目支出, may be one code's money)
    values = best_values(doc, q.subjects[0].terms, q)
    amounts = {v.amount for v in values if v.amount}
    for f in doc.facts:
        if f.kind != "amount" or f.value not in amounts:
            continue
        start = max(0, f.line - 4)
        said = re.sub(r"\s", "", "".join(doc.lines[start:f.line]))
        m = re.search(r"主要用于[：:]?(?!以下)([^。；;]+)", said)
        if m:
            a = answer("text", f"{amount_text(f.value, f.unit)} 的用途",
                       f"情况说明写明 {f.label} {amount_text(f.value, f.unit)}，主要用于：{m.group(1)}（第{f.line}行附近）。")
            a.source(NARRATIVE, f.line, f.label)
            return a
    return None


# What follows a name in the clause that says what its money is for (…，主要用于…).
_USED_FOR = patterns.compile(r"[^；;。]{0,80}?主要用于[：:]?([^；;。]+)")


def passages(conn, doc: Document, q: Query, limit: int = 3) -> Answer | None:
    """The report's sentences that share the most telling words with the question.

    Chinese has no spaces and its words are mostly two characters, shorter than the full-text index's
    trigrams: each sentence is scored by the character pairs it shares with the question, a pair
    weighing more the fewer sentences hold it (保密, 密码 tell; 工作, 负责 hardly do)."""
    if conn is None:
        return None
    try:
        rows = conn.execute("select section, text, source_line from passages where document_id = ?", [doc.id]).fetchall()
    except Exception:  # noqa: BLE001 - an older database without passages: nothing found
        return None
    asked = _asked_text(q)
    pairs = {asked[i:i + 2] for i in range(len(asked) - 1) if not re.search(r"[\s\dA-Za-z.]", asked[i:i + 2])}
    held = {p: sum(p in r[1] for r in rows) for p in pairs}
    telling = {p: math.log(len(rows) / n) for p, n in held.items() if n and n <= max(2, len(rows) // 5)}
    scored = []
    for section, sentence, line in rows:
        shared = [p for p in telling if p in sentence]
        if len(shared) >= 2:
            scored.append((sum(telling[p] for p in shared), section, sentence, line))
    if not scored:
        return None
    scored.sort(key=lambda h: -h[0])
    best = [h for h in scored[:limit] if h[0] >= scored[0][0] * 0.6]
    stating = _stating(q.squashed)
    specific = bool(re.search(r"(?:几|多少)(?:人次|批|辆|册|所|家|套|台|期|场|篇)", q.squashed))
    if specific:  # a count in a measure word few things take: the sentences stating one, however they rank
        best = [h for h in scored if _states_figure_of(h[2], telling, stating, specific)][:limit] or best
    said = " ".join(f"「{close_spaces(s)}」（{sec} 第{line}行）" for _, sec, s, line in best)
    if _FIGURE_ASKED.search(q.squashed) and not any(_states_figure_of(s, telling, stating, specific) for _, _, s, _ in best):
        # a figure asked, and the sentences closest to the question state none (nor that there is none):
        # no answer, and they are shown
        return Answer(False, "text", f"报告（{doc.label}）没有给出所问的数字。相关的说明：{said}", document=doc.label)
    a = answer("text", "报告原文", "报告中相关的说明：" + said)
    for _, section, _, line in best:
        a.source(section or "情况说明", line)
    return a


def _stating(question: str) -> re.Pattern:
    """How a sentence states the figure asked: a count in the measure word asked (几名 → 300名; 多少人次 →
    26人次, not 三家公司), any count, or an amount."""
    asked = COUNT_ASKED.search(question)
    if asked:
        word = asked.group(1)
        words = "人|名|位" if word in ("人", "名", "位") else re.escape(word)
        return re.compile(r"[\d一二两三四五六七八九十百千]+[\d.]*\s*(?:" + words + ")" + _NONE_STATED)
    return _COUNT_STATED if re.search(r"几|多少(?:学生|平方|亩)|面积", question) else _MONEY_STATED


def _states_figure_of(sentence: str, telling: dict[str, float], stating: re.Pattern, specific: bool = False) -> bool:
    """The sentence states a figure (or that there is none) beside most of the question's words it holds:
    公路水路 named among the uses of 项目支出263928.15万元 is not given a figure of its own. A count in a measure
    word few things take (接待2批次、26人次 for 接待了几批) needs fewer of the question's words beside it."""
    shared = {p: w for p, w in telling.items() if p in sentence}
    word = any(a[1] == b[0] and a + b[1] in sentence for a in shared for b in shared)  # three characters in a row
    if len(shared) < (2 if specific else 3) and not word:
        return False  # (国家级…中心4个 shares only 国家 and 学生 with 多少学生拿到国家奖学金)
    for m in stating.finditer(sentence):
        near = sentence[max(0, m.start() - 14):m.end() + 14]
        beside = [w for p, w in shared.items() if p in near]
        if len(beside) >= 2 and sum(beside) >= 0.5 * sum(shared.values()):
            return True
    return False


# An amount, or a count, or a statement that there is none, as a sentence of the report says it.
_NONE_STATED = r"|本.{0,6}无|没有|未安排|无[\u4e00-\u9fff]"
_MONEY_STATED = patterns.compile(r"\d[\d,.]*\s*(?:万元|亿元|元|%|万)" + _NONE_STATED)
_COUNT_STATED = patterns.compile(r"[\d一二两三四五六七八九十百千]+[\d.]*\s*(?:个|辆|张|家|所|项|人|名|位|平方米|亩|台|套|批|册|件|次)" + _NONE_STATED)


def _asked_text(q: Query) -> str:
    """The question without the words every question has (多少, 什么, 请问 …) and without the department's name."""
    from budgetqa.question.mentions import strip_fillers

    text = strip_fillers(q.squashed) + " " + " ".join(m.term.name for m in q.subjects if m.start >= 10_000)  # (it: the name carried)
    return re.sub(r"[？?！!。，,；;：:、\s]|多少|明年|今年|去年|是什么|什么|哪些|怎么|请问|报告|说明|一下|都|些", " ", text)


# A question that asks how many (of people, things or times), not how much money.
COUNT_ASKED = patterns.compile(r"(?:几|多少)(个|名|位|人次|人|辆|张|家|所|项|台|套|批|册|件|次|期|场|篇)")

# A question that asks for a figure (an amount or a count).
_FIGURE_ASKED = patterns.compile(r"多少|几[个位名辆台人项张套]|预算数|决算数|金额|数额")


def help_answer(doc: Document, q: Query) -> Answer:
    """What can be asked, with examples for each kind of question."""
    from budgetqa.catalogue import INTENTS

    lines = [f"{i.description}：{'、'.join(i.examples)}" for i in INTENTS if i.examples]
    a = answer("help", "", f"可以问 {doc.label} 的这些内容——" + "；".join(lines) + "。")
    a.columns = ["可以问", "例子"]
    a.rows = [[i.description, "、".join(i.examples)] for i in INTENTS if i.examples]
    return a
