"""A short account asked for as one (总结一下, 概括, 用一句话说说, 简单说说): of the report's money when nothing is
named — its total, how it splits into basic and project spending, its largest class, the carried-over money and
the change from last year the report states — or of each thing named: its figure and its largest part.

Every figure is one another operation gives, with its table and line; nothing is worded beyond them."""

from __future__ import annotations

import re
from dataclasses import replace

from budgetqa.answer import figures, lists
from budgetqa.answer.build import answer, joined, pct
from budgetqa.answer.compute import change
from budgetqa.answer.model import Answer, Figure, amount_text
from budgetqa.models import Document
from budgetqa.question.query import Query, read
from budgetqa.textnorm import squash, strip_ordinal


def summary(doc: Document, q: Query) -> Answer | None:
    """The account of the report (nothing named, or only its spending named) or of each thing named."""
    named = [m for m in q.subjects if not _spending_itself(m.term.name)]
    if named:
        return _of_named(doc, q)
    return _of_report(doc)


def _spending_itself(name: str) -> bool:
    """支出 / 支出总计 / 预算 named: the report's money as a whole, not a part of it."""
    return name in ("支出", "支出总计", "本年支出合计", "预算", "部门预算", "收支总计", "支出合计")


def _figure(doc: Document, said: str, op=figures.value) -> Figure | None:
    """The first figure another operation gives for a short question of its own."""
    found = op(doc, read(said, doc))
    return found.figures[0] if found is not None and found.matched and found.figures else None


def _of_report(doc: Document) -> Answer | None:
    whole = _figure(doc, "支出总计")
    basic, project = _figure(doc, "基本支出"), _figure(doc, "项目支出")
    if whole is None and (basic is None or project is None):
        return None
    parts: list[str] = []
    shown: list[Figure] = []
    if whole is not None:
        parts.append(f"{whole.label} {amount_text(whole.value, whole.unit)}")
        shown.append(whole)
    sources = figures.breakdown(doc, read("收入从哪来", doc))
    came = [f for f in sources.figures if f.unit not in ("%", "") and f.value and not re.search(r"总计|合计|占比", f.label)][:3] \
        if sources is not None and sources.matched else []
    if len(came) >= 2:
        parts.append("收入来自" + "、".join(f"{strip_ordinal(f.label)} {amount_text(f.value, f.unit)}" for f in came))
        shown += came
    split = basic is not None and project is not None and basic.unit == project.unit and basic.value + project.value > 0
    if split:
        both = basic.value + project.value
        parts.append(f"基本支出 {amount_text(basic.value, basic.unit)}（占两者之和的 {pct(basic.value, both)}%），"
                     f"项目支出 {amount_text(project.value, project.unit)}（{pct(project.value, both)}%）")
        shown += [basic, project]
        top = _figure(doc, "支出最多的类", lists.rank)
        if top is not None and top.unit == basic.unit and top.value <= both:
            parts.append(f"支出最多的类是 {top.label} {amount_text(top.value, top.unit)}（{pct(top.value, both)}%）")
            shown.append(top)
    carried = _figure(doc, "上年结转")
    if carried is not None and carried.value and not any("结转" in f.label for f in came):
        parts.append(f"上年结转 {amount_text(carried.value, carried.unit)}")
        shown.append(carried)
    said = change(doc, read("支出总计比上年增减多少", doc))
    stated = [f for f in said.figures if f.unit == "%"] if said is not None and said.matched else []
    whole_said = said is not None and re.search(r"总计|合计|总额|支出预算|收支|总预算", said.understood) \
        and not re.search(r"基本|项目|人员|公用", said.understood)  # (the change of the whole, not of a part)
    if stated and whole_said and "推算" not in said.text.split("。")[0]:
        parts.append(said.text.split("：", 1)[-1].split("。")[0])
        shown += [f for f in said.figures if "变动" in f.label or f.unit == "%"]
    a = answer("summary", f"{doc.label} 概况", "；".join(parts) + "。")
    _cite(a, shown)
    return a


def _of_named(doc: Document, q: Query) -> Answer | None:
    """Each thing named: its figure, and its largest part where it has parts (上年结转 533.88，其中安可替代工程最多)."""
    pieces: list[Answer] = []
    for m in q.subjects:
        one = replace(q, subjects=[m], op="value", whole=None)
        found = figures.value(doc, one)
        if found is None or not found.matched:
            continue
        parts = figures.breakdown(doc, replace(one, op="breakdown"))
        if parts is None or not parts.matched:
            parts = lists.list_answer(doc, replace(one, op="list"))
        largest = _largest_part(parts, found.figures[0] if found.figures else None)
        if largest is not None:
            head = found.figures[0]
            found.text = found.text.rstrip("。") + (f"；其中最大的是 {largest.label} {amount_text(largest.value, largest.unit)}"
                                                   f"（占 {pct(largest.value, head.value)}%）。")
            found.figures.append(largest)
            _cite(found, [largest])
        _with_change(doc, one, m.term.name, found)
        pieces.append(found)
    if not pieces:
        return None
    first = joined(pieces)
    first.intent = "summary"
    return first


def _with_change(doc: Document, one: Query, name: str, found: Answer) -> None:
    """The change from last year the report states of the thing named, added to its account (not one worked
    out from another figure's paragraph)."""
    moved = change(doc, replace(one, op="change"))
    if moved is None or not moved.matched:
        return
    label = re.sub(r"[“”\"「」]", "", moved.understood)
    if squash(re.sub(r"[“”\"「」]", "", name))[:2] not in squash(label):
        return  # (上年结转 read as the income total's change: not this thing's)
    stated = [f for f in moved.figures if "变动" in f.label and "计算" not in f.label]
    if not stated:
        return
    found.text += " " + moved.text.split("：", 1)[-1].split("。")[0] + "。"
    found.figures += stated
    _cite(found, stated)


def _largest_part(parts: Answer | None, head: Figure | None) -> Figure | None:
    """The largest of the parts an answer lists, when they are parts of the figure given (its unit, below it)."""
    if parts is None or not parts.matched or head is None or not head.value:
        return None
    shown = parts.figures
    cols = parts.columns
    if not shown and {"名称", "金额", "单位"} <= set(cols):  # a list shows its items as rows only
        at = {c: cols.index(c) for c in ("名称", "金额", "单位", "行") if c in cols}
        shown = [Figure(str(r[at["名称"]]), r[at["金额"]], r[at["单位"]], parts.sources[0].where if parts.sources else "",
                        r[at["行"]] if "行" in at else 0) for r in parts.rows if r[at["金额"]] is not None]
    below = [f for f in shown if f.unit == head.unit and f.value < head.value and "合计" not in f.label
             and "计算" not in f.label and "总计" not in f.label]
    return max(below, key=lambda f: f.value) if len(below) >= 2 else None


def _cite(a: Answer, shown: list[Figure]) -> None:
    for f in shown:
        if f not in a.figures:
            a.figures.append(f)
        a.source(f.table or f.label, f.line, f.label)

