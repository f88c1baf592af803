"""Computed figures: sum, difference, share, ratio, and the change from last year.

All arithmetic is Decimal on printed figures; every computed figure says what it was computed from,
and a share or change the report states is quoted beside the computed one (and said to disagree
when it does).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from budgetqa import lexicon, patterns
from budgetqa.findings import SEVERITY_LABEL, SHARE_TOLERANCE
from budgetqa.answer import build, lists
from budgetqa.answer.build import PASSES, add, answer, pct, said, stated_reason, verdict
from budgetqa.answer.figures import combine, group_answer, mention_values, three_public_value
from budgetqa.answer.lists import Domain, code_names, code_of_topic, domain, list_answer, sheet_total, spread, spread_asked
from budgetqa.answer.lists import sheet_domain
from budgetqa.answer.topics import topic_answer
from budgetqa.answer.model import Answer, amount_text
from budgetqa.answer.resolve import (NARRATIVE, REPORT_TOTALS, Value, children_rows, code_values, column_values, is_descendant,
                                    list_total, paragraph_subject, table_total, table_no_of, titled, topic_facts,
                                    whole_column)
from budgetqa.models import Document, Fact
from budgetqa.question.mentions import Mention
from budgetqa.question.numbers import Amount, plain, typed_value
from budgetqa.question.query import LEVEL_WHOLE, OF_LAST_YEAR, Query, claimed_multiple
from budgetqa.question.vocabulary import Term, vocabulary
from budgetqa.textnorm import chinese_ordinal, compact, squash, strip_ordinal


def subject_value(doc: Document, q: Query, m: Mention) -> Value | None:
    """The one figure a mention stands for in a computation (the scope typed before it applies)."""
    scoped = replace(q, scope=m.scope or q.scope, table=m.table if m.table is not None else q.table,
                     fund=m.fund or q.fund)
    if "table" in m.kinds and len(m.terms) == 1:
        return table_total(doc, int(m.term.key), "收入" if "收入" in q.squashed[m.end:m.end + 6] else "支出")
    if "column" in m.kinds and m.term.key == "项目支出" and scoped.scope in ("本年", "上年结转") and scoped.table is None:
        total = list_total(doc, scoped.scope)
        if total is not None:
            return total
    if sheets_asked(q, m):
        return sheet_total(doc, q, "实施期" if q.has("实施期") and not q.has("年度") else "年度")
    codes = [t.key for t in q.whole.terms if t.kind == "code"] if q.whole is not None and q.whole is not m else []
    if codes and "column" in m.kinds and not m.kinds & {"code", "item", "project"}:
        found = code_values(doc, codes[0], replace(scoped, measures=[m.term.key]))  # 该款的基本支出: that code's column
        if found:
            return found[0]
    if "code" in m.kinds and not scoped.measures and (column := whole_column(q)):
        scoped = replace(scoped, measures=[column])  # 项目支出里城乡社区支出占多少: the code's part of that column
    found = mention_values(doc, m, scoped)
    return found[0] if found else None


# Two names said as the ends of a run of rows (基本工资一直到其他工资福利支出那几行, 从A到B).
_RUN = patterns.compile(r"(?:一直|一路)?(?:到|至)")


def run_of_rows(doc: Document, q: Query) -> Answer | None:
    """基本工资一直到其他工资福利支出那几行加一遍: the rows a table prints from the one to the other (those of the
    first one's level), added; the total printed over them, when there is one, set against the sum."""
    ends = next(((a, b) for a, b in zip(q.subjects, q.subjects[1:]) if _RUN.fullmatch(q.squashed[a.end:b.start])), None)
    if ends is None:
        return None

    def at(table, m: Mention) -> int | None:
        return next((i for i, r in enumerate(table.rows) for t in m.terms if t.kind == "code" and r.code == t.key
                     or t.kind in ("item", "row") and squash(r.name) == squash(t.name)), None)

    for table in doc.tables:
        places = [at(table, m) for m in ends]
        if None in places or places[0] == places[1]:
            continue
        i, j = sorted(places)
        first = table.rows[i]
        rows = [r for r in table.rows[i:j + 1] if r.level == first.level and bool(r.code) == bool(first.code)
                and r.first is not None]
        computed = sum((r.first for r in rows), Decimal(0))
        a = answer("sum", f"{table.label} 从 {first.name} 到 {table.rows[j].name} 的 {len(rows)} 行之和",
                   " + ".join(f"{r.name} {r.first}" for r in rows) + f" = {amount_text(computed, table.unit)}（{table.label}）")
        a.figure("合计（计算）", computed, table.unit)
        over = next((r for r in reversed(table.rows[:i]) if first in children_rows(table, r)), None)
        if over is not None and over.first is not None and {r.row_no for r in children_rows(table, over)} == {r.row_no for r in rows}:
            a.text += f"；其上一级 {over.name} 印 {amount_text(over.first, table.unit)}：{verdict(over.first, [r.first for r in rows], table.unit)}"
            a.figure(over.name, over.first, table.unit, table.label, over.line)
        a.text += "。"
        return a
    return None


# One sheet's two fund columns set against each other (年度的占实施期的百分之几, 实施期是年度的几倍).
_COLUMNS_SET = patterns.compile(r"(年度|实施期)(?:的)?(?:资金)?(?:总额)?(?:的)?(?:占|是|为)(?:了)?(?:它的|其)?(实施期|年度)")


def sheet_columns_ratio(doc: Document, q: Query) -> Answer | None:
    """A project's 年度资金总额 as a share of its 实施期资金总额 (or the other way, as many times), from its sheet."""
    m = _COLUMNS_SET.search(q.squashed)
    if m is None or m.group(1) == m.group(2):
        return None
    names = {squash(t.name) for s in q.subjects for t in s.terms if t.kind in ("project", "target")}
    sheets = [s for s in doc.performance if any(n and (n in squash(s.project_name) or squash(s.project_name) in n) for n in names)]
    if len(sheets) != 1:
        return None
    sheet = sheets[0]
    part, whole = (sheet.funds.get(f"{scope}/资金总额") for scope in m.groups())
    if part is None or not whole:
        return None
    times = re.search(r"几倍|多少倍", q.squashed)
    value = (part / whole).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) if times else pct(part, whole)
    said_ = f"{m.group(1)}资金总额 {amount_text(part, sheet.unit)}，{m.group(2)}资金总额 {amount_text(whole, sheet.unit)}"
    a = answer("ratio" if times else "share", f"{sheet.project_name} {m.group(1)}资金总额 与 {m.group(2)}资金总额",
               f"{sheet.project_name}（{sheet.title}）：{said_}；前者是后者的 "
               + (f"{value} 倍" if times else f"{value}%") + f"（{part} ÷ {whole}）。")
    a.figure(f"{m.group(1)}资金总额", part, sheet.unit, sheet.title, sheet.fund_lines.get(f"{m.group(1)}/资金总额", sheet.line))
    a.figure(f"{m.group(2)}资金总额", whole, sheet.unit, sheet.title, sheet.fund_lines.get(f"{m.group(2)}/资金总额", sheet.line))
    a.figure("倍数（计算）" if times else "占比（计算）", value, "倍" if times else "%")
    return a


def _fund_within(doc: Document, q: Query) -> Answer | None:
    """本年收入里财政拨款占多大比例: a fund said inside a total is that total's own row of the fund, as a share
    of the total (not the total as a share of the fund's table)."""
    if not q.fund or len(q.subjects) != 1 or q.whole is not None:
        return None
    m = q.subjects[0]
    if not re.match(rf"(?:的)?(?:里|中|当中|之中|里面)(?:的)?{re.escape(q.fund)}", q.squashed[m.end:]):
        return None
    whole = subject_value(doc, replace(q, fund=None), m)
    place = re.fullmatch(r"row:(\d+):(\d+)", whole.key) if whole is not None else None
    table = next((t for t in doc.tables if place and t.no == int(place.group(1))), None)
    if table is None or not whole.amount:
        return None
    side = next((r.side for r in table.rows if r.row_no == int(place.group(2))), None)
    part = next((r for r in table.rows if r.side == side and r.first is not None and not r.is_total
                 and squash(strip_ordinal(r.name)).startswith(squash(q.fund))), None)
    if part is None:
        return None
    rate = pct(part.first, whole.amount)
    a = answer("share", f"{part.name} 占 {whole.label}",
               f"{part.name} {amount_text(part.first, table.unit)} 占 {whole.label} {amount_text(whole.amount, whole.unit)} 的 "
               f"{rate}%（{part.first} ÷ {whole.amount} × 100，{table.label}）。")
    a.figure(f"{part.name}占{whole.label}的比例", rate, "%")
    a.figure(part.name, part.first, table.unit, table.label, part.line)
    add(a, whole)
    return a


def sheets_asked(q: Query, m: Mention) -> bool:
    """绩效表的年度资金总额 with no project named: the sheets' totals together."""
    return m.kinds == {"topic"} and "绩效" in m.term.key and q.has("资金总额", "资金合计", "资金")


def sheet_sums(doc: Document, q: Query) -> Answer | None:
    """The sheets' fund totals added up, of each scope asked (年度 by default), sheet by sheet."""
    scopes = [s for s in ("实施期", "年度") if q.has(s)] or ["年度"]
    totals = [t for s in scopes if (t := sheet_total(doc, q, s)) is not None]
    if not totals:
        return None
    a = answer("sum", "、".join(t.label for t in totals), "；".join(f"{t.label} {amount_text(t.amount, t.unit)}（计算）"
                                                                   for t in totals) + "。")
    rows = []
    for scope, t in zip(scopes, totals):
        a.figure(t.label, t.amount, t.unit)
        rows += [[f"{v.label}（{scope}）", v.amount, v.unit, v.line] for v in sheet_domain(doc, q, scope).rows]
    a.columns, a.rows = ["名称", "金额", "单位", "行"], rows
    return a


def subject_values(doc: Document, q: Query) -> list[Value]:
    """One figure per subject, in question order; the same thing named twice counts once."""
    out = []
    for m in q.subjects:
        v = subject_value(doc, q, m)
        if v is not None and not (out and out[-1].key == v.key and out[-1].where == v.where):
            out.append(v)
    return build.dedupe(out)


# --------------------------------------------------------------------------- what is left
def remainder(doc: Document, q: Query) -> Answer | None:
    """人员经费里扣掉退休费还剩多少 / 结转项目里不算安可替代工程，其余合计: the whole less what is set aside."""
    whole_mention = q.whole or (q.subjects[0] if q.subjects else None)
    # (one of them set aside: 基本工资以外的工资奖金津补贴 names the group's items and takes one back out)
    aside = {t.key for m in q.excluded for t in m.terms}
    parts = subject_values(doc, q) if q.whole is None and len(q.subjects) > 1 and all(m.start < 10_000 for m in q.subjects) \
        and aside & {t.key for m in q.subjects for t in m.terms} else []
    if len(parts) == len(q.subjects) > 1 and len({v.unit for v in parts}) == 1:
        # several things named (a group said as its items: 工资奖金津补贴), less what is set aside: their sum is the whole
        whole = Value("、".join(v.label for v in parts) + "合计", build.total(parts), parts[0].unit, parts[0].where, 0, "parts")
    elif whole_mention is not None:
        whole = subject_value(doc, q, whole_mention)
    else:
        d = domain(doc, replace(q, excluded=[]))  # the whole, with what is set aside still in it
        whole = Value(d.where, build.total(d.rows), d.rows[0].unit, d.where, 0, "domain") if d.rows else None
    funds = [m for m in q.excluded if squash(m.term.name) in {squash(f) for f in lexicon.FUNDS} or "拨款" in m.term.name]
    if whole_mention is not None and "code" in whole_mention.kinds and funds and len(q.excluded) == 1:
        # X里不是财政拨款安排的部分: X less X's own figure in that fund's table, not the fund's whole total
        fund = next((f for f in lexicon.FUNDS if f in funds[0].term.name or f in q.squashed), "财政拨款")
        own = subject_value(doc, replace(q, fund=fund, scope=None, table=None), replace(whole_mention, table=None))
        taken = [replace(own, label=f"{own.label}（{fund}，{own.where}）")] if own is not None and own.where != whole.where else []
    else:
        within = q  # (表5中除X外: X as that table prints it)
        if whole_mention is not None and whole_mention.kinds == {"table"} and len(whole_mention.terms) == 1:
            within = replace(q, table=int(whole_mention.term.key))
        taken = [v for m in q.excluded if (v := subject_value(doc, within, m)) is not None]
    if whole is None or not taken or any(v.unit != whole.unit for v in taken):
        return None
    if whole_mention is None and not all(any(v.key == r.key for r in d.rows) for v in taken):
        return None  # (退休费 set aside from the projects: not one of them, no remainder of theirs)
    left = whole.amount - build.total(taken)
    if left < 0:
        return None  # what is set aside is not part of that whole (read in another table): no remainder
    a = answer("difference", f"{whole.label} 除去 {'、'.join(v.label for v in taken)}",
               f"{said(whole)} − " + " − ".join(said(v) for v in taken) + f" = {amount_text(left, whole.unit)}。")
    a.figure("余额（计算）", left, whole.unit)
    if whole.amount and re.search(r"占比|比重|比例|百分之|占多少|占几", q.squashed):  # (其余合计及占比: the rest's share too)
        a.text += f"占 {said(whole)} 的 {pct(left, whole.amount)}%（{left} ÷ {whole.amount} × 100）。"
        a.figure(f"余额占{whole.label}的比例（计算）", pct(left, whole.amount), "%")
    rest = _rest_of_list(doc, q, whole_mention, taken)
    if rest is not None and rest[0] != left:  # a list's other items added one by one, where its printed total differs
        a.text += (f"其余 {rest[1]} 项逐项相加为 {amount_text(rest[0], whole.unit)}，与用合计相减之差 "
                   f"{abs(rest[0] - left)} 为表中合计与明细之和的尾数差。")
        a.figure("其余各项逐项相加（计算）", rest[0], whole.unit)
    for v in build.dedupe((parts if whole.key == "parts" else [whole]) + taken):
        add(a, v)
    return a


def _rest_of_list(doc: Document, q: Query, whole: Mention | None, taken: list[Value]) -> tuple[Decimal, int] | None:
    """The items of the list named, less those set aside, added one by one (and how many they are)."""
    if whole is not None and "list" not in whole.kinds:
        return None
    rows = domain(doc, replace(q, excluded=[])).rows
    names = {squash(v.label.split("（")[0]) for v in taken}
    rest = [v for v in rows if squash(v.label.split("（")[0]) not in names]
    if len(rest) != len(rows) - len(taken) or not rest or any(v.unit != taken[0].unit for v in rest):
        return None
    return build.total(rest), len(rest)


# --------------------------------------------------------------------------- sum and difference
def sum_(doc: Document, q: Query) -> Answer | None:
    """The sum of the named figures (a 项 inside a named 款 is not counted twice)."""
    if not q.subjects and (q.domain or q.scope or q.table is not None):
        return list_answer(doc, q)  # 合计多少 of a list: its items added
    if len(q.subjects) == 1 and sheets_asked(q, q.subjects[0]):
        return sheet_sums(doc, q)
    if (signed := _signed_sum(doc, q) or run_of_rows(doc, q)) is not None:
        return signed
    if (columns := _columns_added(doc, q)) is not None:
        return columns
    vals = subject_values(doc, q)
    if len(vals) == 1 and len(q.subjects) == 1 and len(q.subjects[0].of("project")) > 1:
        vals = build.dedupe([v for t in q.subjects[0].of("project") for v in mention_values(doc, Mention(0, 0, [t]), q)])
    if len(vals) < 2:
        if len(q.subjects) == 1 and "group" in q.subjects[0].kinds:
            return group_answer(doc, q, q.subjects[0].of("group")[0].key)
        return None
    # one thing read twice (a project's row and its sheet: 2024年X（本年项目） 60.00 and X 60) is added once
    seen: dict[tuple[str, Decimal], Value] = {}
    for v in vals:
        seen.setdefault((re.sub(r"^\d{4}年|（[^（）]*）$", "", v.label), v.amount), v)
    vals = list(seen.values())
    if len(vals) < 2:
        return None
    codes = [v.key for v in vals if v.key.isdigit()]
    kept = [v for v in vals if not (v.key.isdigit() and is_descendant(v.key, codes))]
    dropped = [v for v in vals if v not in kept]
    if len({v.unit for v in kept}) > 1:
        return None
    total = build.total(kept)
    unit = kept[0].unit
    a = answer("sum", " + ".join(v.label for v in kept),
               f"{' + '.join(str(v.amount) for v in kept)} = {amount_text(total, unit)}（{'、'.join(v.label for v in kept)}）。")
    if dropped:
        a.text += f"未重复计入已包含在上级科目中的：{'、'.join(v.label for v in dropped)}。"
    a.figure("合计（计算）", total, unit)
    for v in kept:
        add(a, v)
    build.value_rows(a, kept)
    return a


def _columns_added(doc: Document, q: Query) -> Answer | None:
    """One row's figures in the columns named, added (X的A栏和B栏加起来), beside the row's own total when it
    prints one, so that whether they make it is seen."""
    if len(q.subjects) != 1 or len(q.measures) < 2:
        return None
    m = q.subjects[0]
    vals = [subject_value(doc, replace(q, measures=[c], scope=None), m) for c in q.measures]
    if any(v is None for v in vals) or len({v.unit for v in vals}) > 1 or len({v.label for v in vals}) < len(vals):
        return None
    total = build.total(vals)
    unit = vals[0].unit
    a = answer("sum", " + ".join(v.label for v in vals),
               f"{' + '.join(str(v.amount) for v in vals)} = {amount_text(total, unit)}（{'、'.join(v.label for v in vals)}）。")
    a.figure("合计（计算）", total, unit)
    for v in vals:
        add(a, v)
    whole = subject_value(doc, replace(q, measures=[], scope=None), m)
    if whole is not None and whole.unit == unit and whole.label not in {v.label for v in vals}:
        verdict = "相等" if whole.amount == total else f"不相等，差 {abs(whole.amount - total)} {unit}"
        a.text += f"该行印的 {said(whole)}，与之{verdict}。"
        add(a, whole)
    build.value_rows(a, vals)
    return a


# A name taken away from the ones added (A加B，再减去C / 扣掉C还剩多少): said between it and the one before.
_TAKEN_AWAY = patterns.compile(r"减去|减掉|扣掉|扣除|扣减|刨去|刨掉|去掉|拿掉|^[，,]?再?减")


def _signed_sum(doc: Document, q: Query) -> Answer | None:
    """Named figures added and taken away in the order typed: each named once, in one unit."""
    # (a name after 扣掉 / 减去 may be read as one set aside: it is taken away here)
    away = [m for m in q.excluded if m.start < 10_000 and _TAKEN_AWAY.search(q.squashed[max(0, m.start - 4):m.start])]
    said = sorted([m for m in q.subjects if m.start < 10_000] + away, key=lambda m: m.start)
    signs = [m not in away and not _TAKEN_AWAY.search(q.squashed[a.end:m.start]) for a, m in zip(said, said[1:])]
    if len(said) < 2 or len(said) != len(q.subjects) + len(away) or all(signs) or said[0] in away:
        return None
    vals = [subject_value(doc, q, m) for m in said]
    if any(v is None for v in vals) or len({v.unit for v in vals}) > 1:
        return None
    unit = vals[0].unit
    total = vals[0].amount + sum((v.amount if plus else -v.amount for v, plus in zip(vals[1:], signs)), Decimal(0))
    written = str(vals[0].amount) + "".join(f" {'+' if plus else '−'} {v.amount}" for v, plus in zip(vals[1:], signs))
    named = vals[0].label + "".join(f" {'+' if plus else '−'} {v.label}" for v, plus in zip(vals[1:], signs))
    a = answer("sum", named, f"{written} = {amount_text(total, unit)}（{named}）。")
    a.figure("合计（计算）", total, unit)
    for v in vals:
        add(a, v)
    build.value_rows(a, vals)
    return a


def share_gap(doc: Document, q: Query) -> Answer | None:
    """A占比比B占比高多少个百分点: each share of its whole, and their gap in percentage points."""
    if len(q.subjects) != 2 or q.percents or not _POINTS.search(q.squashed) or not re.search(r"占|比重|比例", q.squashed):
        return None
    items = [subject_value(doc, q, m) for m in q.subjects]
    bases = [base_of(doc, q, v, m) if v is not None else None for v, m in zip(items, q.subjects)]
    if any(v is None or b is None or not b.amount or b.unit != v.unit for v, b in zip(items, bases)):
        return None
    shares = [pct(v.amount, b.amount) for v, b in zip(items, bases)]
    gap = shares[0] - shares[1]
    a = answer("difference", f"{items[0].label} 与 {items[1].label} 的占比之差",
               "；".join(f"{v.label} 占 {b.label} 的 {s}%（{v.amount} ÷ {b.amount} × 100）" for v, b, s in zip(items, bases, shares))
               + f"；前者比后者{'高' if gap >= 0 else '低'} {abs(gap)} 个百分点。")
    a.figure("占比之差（计算）", abs(gap), "个百分点")
    for v, b, s in zip(items, bases, shares):
        a.figure(f"{v.label}占{b.label}的比例", s, "%")
        add(a, v)
    return a



def difference(doc: Document, q: Query) -> Answer | None:
    """The difference between two named figures (or one column in two tables, or budget and outturn)."""
    if (found := share_gap(doc, q)) is not None:
        return found
    tables = list(dict.fromkeys([int(m.term.key) for m in q.subjects if m.kinds == {"table"}]
                                + [m.table for m in q.subjects if m.table is not None]))
    columns = [m.term.key for m in q.subjects if "column" in m.kinds]
    if len(tables) == 2 and columns and not _total_beside_placed(q):
        return across_tables(doc, tables, columns[0])
    named = [m for m in q.subjects if m.kinds != {"table"}]
    one_row = len(named) == 1 and bool(named[0].kinds & {"code", "item", "row"}) and not _total_beside_placed(q)
    if one_row and named[0].table in tables:  # (the table the name is read in first, the other compared with it)
        tables = [named[0].table] + [t for t in tables if t != named[0].table]
    vals = [v for t in tables for v in mention_values(doc, replace(named[0], table=t), replace(q, table=t))[:1]] \
        if len(tables) == 2 and one_row else []  # 表5里X比表3的少多少: one row, read in each table
    if len(vals) == 2 and vals[0].unit == vals[1].unit:
        return _difference_of(q, [replace(v, label=f"{v.where} {v.label}") for v in vals])
    if asks_budget_vs_outturn(doc, q):
        found = budget_vs_outturn(doc, q)
        if found is not None:
            return found
    vals = sheet_pair(doc, q) or subject_values(doc, q)
    if len(vals) == 1 and len(q.measures) == 2:
        vals = [v for m in q.measures for v in mention_values(doc, q.subjects[0], replace(q, measures=[m]))]
    typed = exact_amounts_typed(q)
    if len(vals) == 1 and len(typed) == 1 and vals[0].unit in ("万元", "元"):  # 跟2021年的216,552.53万元比多了多少
        vals.append(Value("所给的数", typed_value(typed[0], vals[0].unit),
                          vals[0].unit, "问题所给", 0, "typed"))
    if len(vals) != 2 or vals[0].unit != vals[1].unit:
        return None
    if vals[0].label == vals[1].label:  # one name in two tables (its income and its spending): said with each table
        vals = [replace(v, label=f"{v.where} {v.label}") for v in vals]
    return _difference_of(q, vals)


def _difference_of(q: Query, vals: list[Value]) -> Answer:
    """The first figure less the second, and the gap as a share of the second when asked."""
    first, second = vals
    diff = first.amount - second.amount
    a = answer("difference", f"{first.label} 与 {second.label}",
               f"{said(first)} 比 {said(second)} {'多' if diff >= 0 else '少'} {amount_text(abs(diff), first.unit)}"
               f"（{first.amount} − {second.amount}）。")
    a.figure("差额（计算）", diff, first.unit)
    if second.amount and re.search(r"百分之几|百分之多少|百分比|多少%|几成|多少个百分点|幅度|涨幅|增幅|降幅|增长率|增速|高出多少比例|比例是多少",
                                   q.squashed):
        rate = pct(abs(diff), abs(second.amount))  # 多百分之几: the gap as a share of the figure compared with
        a.text += f"{'多' if diff >= 0 else '少'} {rate}%（{abs(diff)} ÷ {abs(second.amount)} × 100）。"
        a.figure("差额占比（计算）", rate, "%")
    add(a, first)
    add(a, second)
    return a


# A table mention followed (title words allowed) by its own total: 表4(财政拨款支出决算表)的合计
_TABLE_TOTAL_AFTER = patterns.compile(r"[^，,。？?和与及、跟同]{0,16}?(?:的)?(?:合计|总计|总数|总额)")


def _total_beside_placed(q: Query) -> bool:
    """表4的合计和表1的X: a table's own total and a name placed in another table, not one name read in each of
    two tables listed (表五和表三的X, 支出决算表与财政拨款支出决算表中的X). A table carried from the last question
    beside a name placed in this one is that table's total."""
    placed = [m for m in q.subjects if m.table is not None]
    return bool(placed) and any(m.kinds == {"table"} and (
        m.end < 10_000 and _TABLE_TOTAL_AFTER.match(q.squashed[m.end:])
        or m.start >= 10_000 and all(p.start < 10_000 for p in placed)) for m in q.subjects)


# Two tables spoken of together (两张表里, 两个表, 两处).
_TWO_TABLES = patterns.compile(r"两张表|两个表|两表|两处|两张")


def row_in_two_tables(doc: Document, q: Query) -> Answer | None:
    """刚才两张表里的住房保障支出差多少: a row the tables print with two different figures (its first column),
    those two and their gap."""
    if q.op != "difference" or len(q.subjects) != 1 or not _TWO_TABLES.search(q.squashed):
        return None
    keys = {squash(t.key) for t in q.subjects[0].terms if t.kind in ("code", "row")}
    printed = [(t, r) for t in doc.tables for r in t.rows if r.cells and (r.code in keys or squash(r.name) in keys)]
    by_value: dict = {}
    for t, r in printed:
        by_value.setdefault((r.cells[0].amount, t.unit), (t, r))
    if len(by_value) != 2 or len({unit for _, unit in by_value}) != 1:
        return None
    (a, unit), (b, _) = sorted(by_value, reverse=True)
    (ta, ra), (tb, rb) = by_value[(a, unit)], by_value[(b, unit)]
    a_ = answer("difference", f"{ra.name} 在 {ta.label} 与 {tb.label}",
                f"{ra.name} 在{ta.label}印 {amount_text(a, unit)}（第{ra.line}行），在{tb.label}印 {amount_text(b, unit)}"
                f"（第{rb.line}行），相差 {amount_text(a - b, unit)}（{a} − {b}）。")
    a_.figure("两处之差（计算）", a - b, unit)
    a_.figure(f"{ta.label} {ra.name}", a, unit, ta.label, ra.line)
    a_.figure(f"{tb.label} {rb.name}", b, unit, tb.label, rb.line)
    return a_


def across_tables(doc: Document, tables: list[int], column: str) -> Answer | None:
    """One column in two tables: both figures, their difference, and what the titles say about it."""
    vals = [v for no in tables for v in column_values(doc, column, Query(table=no))[:1]]
    if len(vals) != 2 or vals[0].unit != vals[1].unit:
        return None
    first, second = vals
    diff = first.amount - second.amount
    a = answer("difference", f"{first.where} 与 {second.where} 的{column}",
               f"{first.where} {column} {amount_text(first.amount, first.unit)}，{second.where} {column} "
               f"{amount_text(second.amount, second.unit)}，相差 {amount_text(abs(diff), first.unit)}"
               f"（{first.amount} − {second.amount}）。")
    titles = [next(t.title for t in doc.tables if t.no == no) for no in tables]
    excluding = [i for i, t in enumerate(titles) if "不含上年结转" in t]
    if len(excluding) == 1:
        a.text += f"{vals[excluding[0]].where} 不含上年结转，另一张含上年结转"
        carried = list_total(doc, "上年结转")
        if column == "项目支出" and carried is not None and carried.amount == abs(diff):
            a.text += f"：相差的正是上年结转项目支出 {amount_text(carried.amount, carried.unit)}（{carried.where}）"
        a.text += "。"
    a.figure("差额（计算）", diff, first.unit)
    add(a, first)
    add(a, second)
    return a


_BUDGETS = lexicon.BUDGETS


_YEAR_AGAINST = patterns.compile(r"上年|去年|同比|上一年|前一年|往年")


def asks_budget_vs_outturn(doc: Document, q: Query) -> bool:
    """A 决算 report asked for an outturn against a budget (决算比全年预算少多少, 全年预算和决算各多少,
    执行率/完成率)."""
    typed = q.has(*_BUDGETS) or bool(re.search(r"(?<!公共)(?<!部门)(?<!单位)预算(?!表|单位|公开|编制|管理|绩效|收入|支出)", q.squashed))
    # (a budget carried from the last question is not what 和2023年度比呢 asks: a change from a year)
    carried = any(b in q.measures for b in _BUDGETS) and not (q.years or q.previous_year or _YEAR_AGAINST.search(q.squashed))
    budget = typed or carried
    spent = q.has("决算", "实际", "花了", "支出了", "没花", "差多少", "差了", "完成")
    return doc.kind == "决算" and (budget and (spent or q.follow_up or q.subjects) or "完成率" in q.measures
                                  or q.has("执行率", "完成率", "完成比例", "完成了年初", "完成年初", "完成了百分之", "执行了百分之",
                                           "执行百分之", "执行了多少", "执行了几成",
                                           "没完成", "未完成", "没花完", "没用完", "没花到"))


def each_budget_vs_outturn(doc: Document, q: Query) -> Answer | None:
    """哪个完成年初预算的比例高, of two just asked: each one's budget against its outturn, and which is higher."""
    keys = list(dict.fromkeys(m.term.key for m in q.subjects))
    if len(keys) < 2 or not q.each:
        return None
    found = [a for m in q.subjects[:len(keys)] if (a := budget_vs_outturn(doc, replace(q, subjects=[m]))) is not None]
    if len(found) != len(keys):
        return None
    a = combine("difference", found)
    rates = [next((f for f in x.figures if f.label == "完成率（计算）"), None) for x in found]
    if all(rates) and re.search(r"哪|谁", q.squashed):
        low = bool(re.search(r"低|少|小|差", q.squashed))
        best = (min if low else max)(zip(found, rates), key=lambda p: p[1].value)
        a.text += f"相比之下，{_named(best[0])} 的完成率更{'低' if low else '高'}（{best[1].value}%）。"
    return a


def budget_vs_outturn(doc: Document, q: Query) -> Answer | None:
    """A 决算 subject's budget (全年预算 or 年初预算, as asked) against its 支出决算, from the paragraph
    that states both: the difference, and the completion rate (stated, or computed when not)."""
    found = topic_facts(doc, q)
    if found is None:
        labels = [t.key for m in q.subjects for t in m.terms if t.kind == "fact" and any(b in t.key for b in _BUDGETS)]
        named = next((f for f in doc.facts if f.label in labels and f.kind == "amount"), None)
        if named is None and len(q.subjects) == 1 and q.subjects[0].kinds & {"column", "row"}:
            # (一般公共预算支出决算比年初预算少多少: the paragraph whose budget is named by the fund's spending)
            said = squash(q.subjects[0].term.name)
            named = min((f for f in doc.facts if f.kind == "amount" and squash(f.label).startswith(said)
                         and any(b in f.label for b in _BUDGETS)), key=lambda f: len(f.label), default=None)
        if named is None:
            return _row_budget_outturn(doc, q)
        found = (re.sub("|".join(_BUDGETS), "", named.label) or named.section,
                 [f for f in doc.facts if f.sentence == named.sentence and f.kind in ("amount", "share")])
    topic, facts = found
    topic = paragraph_subject(topic)
    asked = [b for b in _BUDGETS if b in q.measures or q.has(b)]
    budgets = [f for b in asked + [b for b in _BUDGETS if b not in asked] for f in facts
               if b in f.label and f.unit != "%" and f.kind == "amount"]
    named = [f for f in budgets if any(b in f.label for b in asked)]  # the budget asked, even when it is 0
    budget = named[0] if named else next((f for f in budgets if f.value), budgets[0] if budgets else None)
    outturn = next((f for f in facts if "决算" in f.label and f.unit != "%" and f.kind == "amount"), None)
    if budget is None or outturn is None or budget.unit != outturn.unit:
        return None
    diff = outturn.value - budget.value
    a = answer("difference", f"{topic} {budget.label}与决算",
               f"{topic}：{outturn.label} {amount_text(outturn.value, outturn.unit)} 比 {budget.label} "
               f"{amount_text(budget.value, budget.unit)} {'多' if diff >= 0 else '少'} {amount_text(abs(diff), budget.unit)}"
               f"（{outturn.value} − {budget.value}；{NARRATIVE} 第{budget.line}行）")
    a.figure("差额（计算）", diff, budget.unit)
    a.figure(budget.label, budget.value, budget.unit, NARRATIVE, budget.line)
    a.figure(outturn.label, outturn.value, outturn.unit, NARRATIVE, outturn.line)
    others = [f for f in budgets if f is not budget and f.label != budget.label]
    if others:  # (年初预算 0, 全年预算 321.02: every budget the paragraph states)
        a.text += "；该段另列 " + "、".join(f"{f.label} {amount_text(f.value, f.unit)}" for f in others)
        for f in others:
            a.figure(f.label, f.value, f.unit, NARRATIVE, f.line)
    if budget.value:
        rate = pct(outturn.value, budget.value)
        a.text += f"；完成率 {rate}%（{outturn.value} ÷ {budget.value} × 100）"
        a.figure("完成率（计算）", rate, "%")
        stated = _stated_completion(doc, outturn.line)
        if stated is not None:
            value, line, basis = stated
            a.text += f"，报告第{line}行写明 {value}%" + ("，一致" if abs(value - rate) <= Decimal("0.01") else "，与计算不一致")
            a.figure("报告所述完成率", value, "%", NARRATIVE, line)
            a.text += _completion_basis(budget, others, outturn, value, basis)
    reason = stated_reason(doc, "", min(budget.line, outturn.line))  # (from the sentence's start: a text layer
    a.text += "。" + (reason + "。" if reason else "")                 # may print its figures lines apart)
    return a


def share_filter(doc: Document, q: Query) -> Answer | None:
    """哪个大类超过了总支出的一半 / 哪些项目超过项目支出的10%: the things of the domain above (or below) that
    part of the whole named, the bound worked out from the whole's figure."""
    named = [q.whole] + q.subjects if q.whole is not None else q.subjects
    if len(q.percents) != 1 or q.comparator not in PASSES or len(named) != 1 or q.amounts \
            or not re.search(r"哪|几个|几项", q.squashed) or lists.RATE_WORDS.search(q.squashed):
        return None  # (X有没有超过Y的一成: X's share, not a filter; 完成预算不到95%: a rate, not a share of a whole)
    whole = subject_value(doc, q, named[0])
    if whole is None or not whole.amount:
        return None
    bound = (whole.amount * q.percents[0] / 100).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP).normalize()
    found = lists.filter_(doc, replace(q, subjects=[], whole=None, percents=[], op="filter",
                                       threshold=Amount(bound, whole.unit, 0, 0), domain=q.domain or "subjects"))
    if found is None or not found.matched:
        return None
    found.text += f"（界线：{said(whole)} × {q.percents[0]}% = {amount_text(bound, whole.unit)}）"
    add(found, whole)
    return found


# A 决算's budget or outturn asked on its own (年初预算多少, 支出决算是多少), naming nothing it is of.
_MEASURE_ALONE = patterns.compile(r"^(?:那)?(?:这份|这个单位|该单位|单位|部门|他们|全局|全部门)?(?:的)?(年初预算|全年预算|调整预算|支出决算|决算数|决算)"
                            r"(?:数)?(?:是|为|有|写的|填的)?(?:多少|几)")


def headline_measure(doc: Document, q: Query) -> Answer | None:
    """年初预算多少 / 支出决算是多少 of a 决算, asked of nothing named and after nothing: the department's own,
    as the narrative first states it (一般公共预算财政拨款支出年初预算为…，支出决算为…)."""
    m = _MEASURE_ALONE.match(q.squashed)
    if doc.kind != "决算" or m is None or any(s.via != "whole" for s in q.subjects):
        return None  # (决算支出多少 reads as the report's total spent: the measure the narrative states first)
    word = "支出决算" if m.group(1) in ("决算", "决算数") else m.group(1)
    stated = next((f for f in sorted(doc.facts, key=lambda f: f.line)
                   if f.kind == "amount" and f.label.endswith(word) and f.unit != "%"), None)
    if stated is None:
        return None
    budget = next((f for f in doc.facts if f.sentence == stated.sentence and f.kind == "amount"
                   and any(b in f.label for b in _BUDGETS)), None)
    if budget is not None:  # (…年初预算为X，支出决算为Y: both, their gap and the completion rate)
        both = budget_vs_outturn(doc, replace(q, subjects=[Mention(10_000, 10_000, [Term("fact", budget.label, budget.label)])]))
        if both is not None:
            return both
    a = answer("value", stated.label, f"{stated.label} {amount_text(stated.value, stated.unit)}（{NARRATIVE} "
                                      f"{stated.section} 第{stated.line}行，报告最先说明的{word}）。")
    a.figure(stated.label, stated.value, stated.unit, NARRATIVE, stated.line)
    return a


def _row_budget_outturn(doc: Document, q: Query) -> Answer | None:
    """A table row printed with a budget column and an outturn column (三公经费's 预算数 and 决算数): the
    outturn against the budget and the completion rate, computed. The subject's own row, or the total row
    of the table its name titles."""
    names = {squash(t.name) for m in q.subjects for t in m.terms if t.name}
    for table in doc.tables:
        budget = next((c for c in table.columns if "预算" in c), None)
        outturn = next((c for c in table.columns if "决算" in c), None)
        if budget is None or outturn is None:
            continue
        titled = any(n in squash(table.title) for n in names)
        row = next((r for r in table.rows if squash(strip_ordinal(r.name)) in names), None) \
            or next((r for r in table.rows if titled and re.fullmatch(r"合计|总计", squash(r.name))), None)
        planned, spent = (row.amount(budget), row.amount(outturn)) if row is not None else (None, None)
        if planned is None or spent is None:
            continue
        label = f"{table.label} {row.name}"
        diff = spent - planned
        a = answer("difference", f"{label} {budget}与{outturn}",
                   f"{label}：{outturn} {amount_text(spent, table.unit)} 比 {budget} {amount_text(planned, table.unit)} "
                   f"{'多' if diff >= 0 else '少'} {amount_text(abs(diff), table.unit)}（{spent} − {planned}，第{row.line}行）")
        a.figure("差额（计算）", diff, table.unit)
        a.figure(budget, planned, table.unit, table.label, row.line)
        a.figure(outturn, spent, table.unit, table.label, row.line)
        if planned:
            a.text += f"；完成率 {pct(spent, planned)}%（{spent} ÷ {planned} × 100）"
            a.figure("完成率（计算）", pct(spent, planned), "%")
        a.text += "。"
        return a
    return None


def _stated_completion(doc: Document, line: int) -> tuple[Decimal, int, str] | None:
    """完成全年预算数的 98.69%: the completion rate stated right after an outturn (its value, line and the
    budget it names: 全年预算, 年初预算, 调整预算, or '' when it names none)."""
    for no in range(line, min(line + 2, len(doc.lines)) + 1):
        text = "".join(x.strip() for x in doc.lines[no - 1:no + 1])
        m = re.search(r"完成(?:了)?(全年|年初|调整)?预算(?:数)?的\s*([\d.]+)\s*[%％]", text.replace(" ", ""))
        if m:
            return Decimal(m.group(2)), no, f"{m.group(1)}预算" if m.group(1) else ""
    return None


def _completion_basis(budget: Fact, others: list[Fact], outturn: Fact, stated: Decimal, basis: str) -> str:
    """A completion rate the report says is of one budget (完成年初预算的 95.89%) but that is of another
    (决算 ÷ 全年预算), the one it names being nil or giving another rate: said, as the report's slip."""
    named = next((f for f in [budget, *others] if basis and basis in f.label), None)
    if named is None or named is budget or abs(pct(outturn.value, budget.value) - stated) > Decimal("0.01"):
        return ""
    if named.value and abs(pct(outturn.value, named.value) - stated) <= Decimal("0.01"):
        return ""
    own = f"{named.label}为 0，无从计算完成率" if not named.value else \
        f"按{named.label} {amount_text(named.value, named.unit)} 算为 {pct(outturn.value, named.value)}%"
    return f"；但报告说的是「完成{basis}的 {stated}%」，{own}：{stated}% 实为对{budget.label}的完成率，报告所写口径有误"


# --------------------------------------------------------------------------- shares and ratios
_TOTAL_WORDS = (("总支出", "支出总计"), ("支出总计", "支出总计"), ("支出合计", "支出总计"), ("总预算", "支出总计"),
                ("全部支出", "支出总计"), ("总收入", "收入总计"), ("收入总计", "收入总计"), ("收入合计", "收入总计"))


def _summary_total(doc: Document, name: str) -> Value | None:
    """支出总计 / 收入总计 of the summary table (printed on its side as just 总计 in some templates)."""
    summary = doc.table("summary")
    if summary is None:
        return None
    side = "支出" if "支出" in name else "收入" if "收入" in name else ""
    row = next((r for r in summary.rows if r.name == name and r.first is not None), None)
    if row is None:  # the narrative's own 支出总计 (a 决算 states it for the year, without what is carried)
        stated = min((f for f in doc.facts if f.kind == "amount" and f.label.endswith(name) and len(f.label) <= len(name) + 10),
                     key=lambda f: len(f.label), default=None)  # 学校2023年度支出总计
        if stated is not None:
            return Value(name, stated.value, stated.unit, NARRATIVE, stated.line, f"fact:{name}")
    row = row or next(
        (r for r in summary.rows if side and r.side == side and squash(r.name) == "总计" and r.first is not None), None)
    return Value(name, row.first, summary.unit, summary.label, row.line, name) if row else None


def base_of(doc: Document, q: Query, item: Value, m: Mention) -> Value | None:
    """The whole a share is of: the one named, a total named in words, or the natural whole of the item."""
    if q.whole is not None:
        # (上年结转项目占项目支出: the scope names the part; the whole is read whole)
        own = q.scope and q.scope_spans and all(m.start <= a and b <= m.end for a, b in q.scope_spans)
        base = subject_value(doc, replace(q, scope=None) if own else q, q.whole)
        if base is not None and q.amounts and base.amount not in [a.value for a in q.amounts]:
            base = _quoted(doc, q, item) or base
        return base
    level = LEVEL_WHOLE.search(q.squashed) if "code" in m.kinds else None
    if level:  # 占这一款多少: of its 款
        own, codes = m.of("code")[0].key, vocabulary(doc).codes
        above = own[:{"类": 3, "款": 5}[level.group(1) or level.group(2)]]
        if above != own and above in codes:
            return subject_value(doc, q, Mention(10_000, 10_000, [codes[above]], via="context"))
    within = m.end < len(q.squashed) and re.match(r"(?:的)?(?:里|中|当中|之中|内)", q.squashed[m.end:])  # X里上年结转占多少
    if (q.measures or q.scope in ("本年", "上年结转")) and (
            within or re.search(r"占(?:它|其|这一?[类款项个]|该[类款项]|本[类款项]|自身|本身)", q.squashed)):
        whole = subject_value(doc, replace(q, measures=[], scope=None), m)  # 结转占这一类的比重: of the row itself
        if whole is not None and whole.amount != item.amount:
            return whole
    if "fact" in m.kinds:
        family = _stated_whole(doc, item) or family_total(doc, item, q.percents)
        if family is not None:
            return family
    for word, name in _TOTAL_WORDS:
        if word in q.squashed:
            return _summary_total(doc, name)
    if q.table is not None:  # 财政拨款支出中X占多少: of that table's total
        total = table_total(doc, q.table)
        if total is not None and total.amount != item.amount:
            return total
    if q.fund:  # 财政拨款里X占比: of the total of the fund's expenditure table
        for table in titled(doc, q.fund):
            total = table_total(doc, table.no) if "支出" in table.title else None
            if total is not None and total.amount != item.amount:
                return total
    if q.amounts:
        quoted = _quoted(doc, q, item)
        if quoted is not None:
            return quoted
    if "project" in m.kinds:
        scope = next((p.scope for p in doc.projects if f":{p.name}" in item.key and p.scope in item.key), "本年")
        return list_total(doc, scope)
    if "item" in m.kinds or "group" in m.kinds or m.term.key in lexicon.BASIC_HALVES:  # (the two parts of 基本支出)
        table = doc.table("basic_economic")
        row = table.total_row() if table else None
        if row is not None and row.first is not None:
            return Value("基本支出合计（经济分类）", row.first, table.unit, table.label, row.line, "basic")
    read_in = table_no_of(item.where)
    if "column" in m.kinds and read_in is not None and m.term.key in ("基本支出", "项目支出"):
        total = table_total(doc, read_in)  # (a 决算's 支出总计 counts the money carried forward too)
        if total is not None and total.amount != item.amount:
            return total  # 基本支出占比: of the spending its table adds it to
    if re.search(r"收入$", re.sub(r"[（(][^）)]*[）)]$", "", item.label)) and not re.search(r"支出|合计|总计", item.label):
        for name in ("本年收入合计", "收入总计"):  # 事业收入占比: of the year's income, the side it is on
            total = _summary_total(doc, name)
            if total is not None and total.amount != item.amount:
                return total
    return _summary_total(doc, "支出总计")


def _stated_whole(doc: Document, item: Value) -> Value | None:
    """The whole the report states a figure's share of (…12,127.08 万元，占政府采购支出总额的 79.02%): that
    stated amount, when the report prints it."""
    share = next((f for f in doc.facts if f.kind == "share" and f.subject == item.label and 0 <= f.line - item.line <= 2), None)
    whole = _share_said_of(doc, share) if share else None
    return Value(whole.label, whole.value, whole.unit, NARRATIVE, whole.line, f"fact:{whole.label}") if whole else None


def _share_said_of(doc: Document, share: Fact) -> Fact | None:
    """The amount a stated share says it is of (占政府采购支出总额的 79.02%), when the report states it."""
    said = next((m for m in re.finditer(r"占([^，,。；占]{2,20}?)的?\s*([\d.]+)\s*[%％]", compact(share.sentence))
                 if Decimal(m.group(2)) == share.value), None)
    name = squash(said.group(1)) if said else ""
    return next((f for f in doc.facts if f.kind == "amount" and name and squash(f.label).endswith(name)), None)


def family_total(doc: Document, item: Value, percents: list[Decimal] | None = None) -> Value | None:
    """The total of the sentence a stated figure is one part of (政府采购金额 2,319.21 万元，其中工程采购金额
    1,387.72 万元: 工程's whole is 政府采购金额): the total its 其中 list breaks down, else the sentence's largest
    amount whose name shares a word with it; with a share typed (占81.21%), the one of those that gives it."""
    fact = next((f for f in doc.facts if f.kind == "amount" and f.line == item.line and f.value == item.amount), None)
    if fact is None:
        return None
    wholes = [fact.part_of]  # (…支出324970.32万元。其中：基本支出61042.17万元: the total the 其中 list breaks down)
    if re.match(r"\s*其中", fact.sentence):
        before = [f for f in doc.facts[:doc.facts.index(fact)] if f.kind == "amount" and f.unit == fact.unit
                  and 0 <= fact.line - f.line <= 3 and f.sentence != fact.sentence]
        wholes.append(before[-1] if before else None)
    kin = [f for f in doc.facts if f.kind == "amount" and f.sentence == fact.sentence and f.unit == fact.unit
           and f.value > fact.value and any(fact.label[i:i + 2] in f.label for i in range(len(fact.label) - 1))]
    wholes.append(max(kin, key=lambda f: f.value) if kin else None)
    wholes = [w for w in wholes if w is not None and w.unit == fact.unit and w.value > fact.value]
    if percents:  # (the share typed may be the report's own wrong one: then the sentence's total, as printed)
        wholes = [w for w in wholes if any(abs(pct(fact.value, w.value) - p) <= SHARE_TOLERANCE for p in percents)] \
            or [w for w in wholes if w is not fact.part_of]
    if not wholes:
        return None
    return Value(wholes[0].label, wholes[0].value, wholes[0].unit, NARRATIVE, wholes[0].line, f"fact:{wholes[0].label}")


def _quoted(doc: Document, q: Query, item: Value) -> Value | None:
    """Where the report prints a figure the question quotes (占…（246.89万）): that figure."""
    wanted = [a.value for a in q.amounts]
    for table in sorted(doc.tables, key=lambda t: (t.no != q.table, not t.kind.startswith(("summary", "expenditure")), t.no)):
        for row in sorted(table.rows, key=lambda r: not r.is_total):
            for c in row.cells:
                if c.amount in wanted and c.amount != item.amount:
                    leaf = c.column.rsplit("/", 1)[-1]
                    label = f"{row.name}（{leaf}）" if len(row.cells) > 1 and leaf != row.name else row.name
                    return Value(label, c.amount, table.unit, table.label, c.line, f"printed:{table.no}:{row.line}")
    return None


def stated_share(doc: Document, label: str, base: Value | None, context: str = "") -> tuple[Fact, Fact | None] | None:
    """A share the report states for this item, and the amount it was stated of."""
    candidates = [f for f in doc.facts if f.kind == "share" and f.subject
                  and (f.subject == label or (len(label) >= 3 and label in f.subject))]
    if context:
        candidates.sort(key=lambda f: -LCSseq.similarity(context, f.section + f.sentence[:30]))
    for f in candidates:
        amounts = [g for g in doc.facts if g.section == f.section and g.kind == "amount"]
        denominator = _share_said_of(doc, f) or (amounts[0] if amounts else None)
        if base is not None and denominator is not None and base.key.startswith("fact:") \
                and denominator.label != base.key[5:] and fuzz.ratio(denominator.label, base.label) < 70:
            continue
        return f, denominator
    return None


def to_unit(base: Value, unit: str) -> Value:
    """The tables in 元 and the narrative in 万元: one figure converted exactly to the other's unit."""
    if {base.unit, unit} != {"元", "万元"}:
        return base
    amount = base.amount * 10000 if base.unit == "万元" else base.amount / 10000
    if amount == amount.to_integral_value():
        amount = amount.quantize(Decimal(1))  # 246.89 万元 is 2468900 元, not 2468900.00
    return replace(base, amount=amount, unit=unit, label=f"{base.label}（{amount_text(base.amount, base.unit)}）")


def _of_own_row(q: Query) -> bool:
    """项目支出占它的比例 after a row / X的项目支出占它多少 / X里项目支出占比: a column's share of the row's own
    total (占X names a whole of its own)."""
    return bool(q.measures) and q.whole is None and len({m.term.key for m in q.subjects}) == 1 \
        and bool(len(q.subjects) == 2 or re.search(r"占(?:它|其|该)", q.squashed) or q.subjects[0].kinds & {"code", "row"}
                 and not re.search(r"占(?!比|多少|几|百分|多大|了多少|的比)", q.squashed))


def _column_of_row(doc: Document, q: Query) -> Answer | None:
    """A row's figure in each column asked as a share of the row's total (当年预算安排和上年结转各占多少: both)."""
    whole = subject_value(doc, replace(q, measures=[], scope=None), q.subjects[0])  # (上年结转 of the row's all)
    columns = [[c] for c in q.measures] if len(q.measures) >= 2 and len(q.subjects) == 1 else [q.measures]
    parts = [subject_value(doc, replace(q, measures=c), q.subjects[0]) for c in columns]
    if whole is None or not whole.amount or any(p is None or p.unit != whole.unit for p in parts):
        return None
    rates = [pct(p.amount, whole.amount) for p in parts]
    a = answer("share", f"{'、'.join(p.label for p in parts)} 占 {whole.label}", "；".join(
        f"{said(p)} 占 {said(whole)} 的 {r}%（{p.amount} ÷ {whole.amount} × 100）" for p, r in zip(parts, rates)) + "。")
    for p, r in zip(parts, rates):
        a.figure(f"{p.label}占{whole.label}的比例", r, "%")
        add(a, p)
    add(a, whole)
    return a


def _column_in_column(doc: Document, q: Query) -> Answer | None:
    """高中教育的事业收入里教育收费占多少: one column of a row as a share of another column of the same row, the
    whole named as a column."""
    if len(q.measures) != 1 or q.whole is None or q.whole.start >= 10_000 or len({m.term.key for m in q.subjects}) != 1 \
            or not q.subjects[0].kinds & {"code", "row"}:
        return None
    column = q.squashed[q.whole.start:q.whole.end]
    part = subject_value(doc, q, q.subjects[0])
    whole = subject_value(doc, replace(q, measures=[column], whole=None), q.subjects[0])
    if part is None or whole is None or not whole.amount or whole.unit != part.unit or not whole.label.endswith(column) \
            or (part.where, part.line) != (whole.where, whole.line) or part.label == whole.label:
        return None  # (the two columns of one printed row)
    rate = pct(part.amount, whole.amount)
    a = answer("share", f"{part.label} 占 {whole.label}",
               f"{said(part)} 占 {said(whole)} 的 {rate}%（{part.amount} ÷ {whole.amount} × 100）。")
    a.figure(f"{part.label}占{whole.label}的比例", rate, "%")
    add(a, part)
    add(a, whole)
    return a


# A figure against a limit typed (超过, 不低于…): the word said of it and the test
_SPENDING_KINDS = ("expenditure", "gp_expenditure", "fiscal_expenditure")


def _spent_like(doc: Document, q: Query, m: Mention, item: Value, base: Value) -> Value:
    """A subject read in an income table set against a spending whole (教育支出 占本年支出合计): read in a
    spending table instead, when one prints it."""
    if m.table is not None or "收入" not in item.where or "支出" not in base.label + base.where or "code" not in m.kinds \
            or q.scope == "上年结转" or m.scope == "上年结转" or q.measures:  # (its carried-over part: an income column)
        return item
    for table in (t for k in _SPENDING_KINDS for t in doc.tables if t.kind == k):
        found = subject_value(doc, q, replace(m, table=table.no))
        if found is not None and found.unit == item.unit:
            return found
    return item


def share_against(doc: Document, q: Query) -> Answer | None:
    """X占Y是不是超过一半 / 占比不到三成吧: the share computed, then set against the one typed."""
    if len(q.percents) != 1 or q.comparator not in PASSES or "占" not in q.squashed or not q.subjects:
        return None
    found = share(doc, replace(q, op="share", percents=[], comparator=None))
    shares = [f for f in found.figures if f.unit == "%" and ("比例" in f.label or "占比" in f.label)] \
        if found is not None and found.matched else []
    # the share computed, not the one the report states beside it (报告所述占比), which may be its slip
    computed = next((f for f in shares if not f.label.startswith("报告")), shares[0] if shares else None)
    if computed is None:
        return None
    word, passes = PASSES[q.comparator]
    limit = q.percents[0]
    found.text += f"{computed.value}% {'' if passes(computed.value, limit) else '没有'}{word} {limit}%。"
    return found


def _whole_named_first(q: Query, item: Value, base: Value, m: Mention) -> tuple[Value, Value, Mention]:
    """Two names and a share asked without 占 saying which is the part, the first said as where the second is
    (X中，Y及其占比) or the last named as the one whose share is asked (用X和Y算Y占比): the first, the larger, is the
    whole (part, whole and the part's mention, swapped when so)."""
    if len(q.subjects) > 1 and q.whole is None and not re.search(r"占(?!比)", q.squashed) and base.unit == item.unit \
            and base.amount < item.amount and (re.match(r"[^，,。？?]{0,6}?(?:中|里|当中|之中)", q.squashed[q.subjects[0].end:])
                                               or re.match(r"的?(?:占比|比重|比例)", q.squashed[q.subjects[-1].end:])):
        return base, item, q.subjects[1]
    return item, base, m


def share(doc: Document, q: Query) -> Answer | None:
    """The share of one figure in another: computed, with the share the report states beside it (and set
    against a share typed with a limit: 是不是超过一半)."""
    # (年度资金总额占实施期资金总额: one sheet's two columns; 是不是超过一半: against the share typed)
    against = share_against(doc, q) if len(q.percents) == 1 and q.comparator in PASSES else None
    if (found := sheet_columns_ratio(doc, q) or _fund_within(doc, q) or against) is not None:
        return found
    if q.has("完成", "执行"):  # (completion asked: the rates stated, else a table row's budget and outturn)
        rates = [f for f in doc.facts if f.kind == "share" and f.label.startswith("完成")]
        names = [squash(t.name)[:4] for m in q.subjects for t in m.terms if t.name]
        stated = q.has("完成") and any(n in squash(f.topic or f.subject or f.section) for f in rates for n in names)
        if doc.kind == "决算" and "占" not in q.squashed and not stated:
            found = _row_budget_outturn(doc, q)  # 三公经费执行了百分之几: its table row's outturn over its budget
            if found is not None:
                return found
        if q.has("完成") and rates:
            return completion(doc, q)
    found = _typed_share(doc, q)
    if found is not None:
        return found
    if not q.subjects:
        return _shares_of_domain(doc, q) if q.whole is not None and q.domain else \
            _scope_share(doc, q) if q.whole is None and not q.domain and lists.side(q) != "支出" else None
    found = _fund_share_of_code(doc, q) or _sheet_share(doc, q)
    if found is not None:
        return found
    if _of_own_row(q):
        return _column_of_row(doc, q)
    if (found := _column_in_column(doc, q)) is not None:
        return found
    if q.together and len(q.subjects) >= 2:
        return _share_of_sum(doc, q)
    found = _share_in_sum(doc, q)  # X占A和B之和: of the sum of those after 占
    if found is not None:
        return found
    if len(q.subjects) >= 2 and (q.each or q.whole is not None) or len(q.subjects) >= 2 and q.whole is None and _listed(q):
        return shares_of_parts(doc, q)
    if len(q.subjects) == 1 and q.whole is None and _PARTS_ASKED.search(q.squashed):
        found = shares_of_breakdown(doc, q)
        if found is not None:
            return found
    m = q.subjects[0]
    item = subject_value(doc, q, m)
    if item is None:
        return None
    base = subject_value(doc, q, q.subjects[1]) if len(q.subjects) > 1 and q.whole is None else base_of(doc, q, item, m)
    if base is None:
        return None
    item, base, m = _whole_named_first(q, item, base, m)
    if "三公" in base.label and "item" in m.kinds:  # a 三公 line against the 三公 total: read in the 三公 table
        item = three_public_value(doc, q, m) or item
    item = _spent_like(doc, q, m, item, base)
    base = to_unit(base, item.unit)
    if base.amount <= item.amount and "fact" in m.kinds and q.whole is not None and q.whole.via != "exact":
        family = family_total(doc, item)  # (工程采购占采购总额: a whole no larger than its part was misread;
        if family is not None and family.amount >= item.amount:  # the total its sentence states is the whole)
            base = family
    if base.amount == 0 or base.unit != item.unit or base.key == item.key and base.label == item.label:
        return None  # (a column of a row against the row itself shares its key, not its label)
    item = _part_within(doc, q, m, item, base)
    context = "".join(t.name for s in q.subjects for t in s.terms if t.kind == "table")
    a = _share_said(doc, item, base, m.term.name, context)
    _this_year_too(doc, q, item, base, a)
    return a


def _share_said(doc: Document, item: Value, base: Value, name: str, context: str = "") -> Answer:
    """item's share of base, computed, with the share the report states for it beside it (and whether they agree)."""
    computed = pct(item.amount, base.amount)
    text = (f"{said(item)} 占 {said(base)} 的 {computed}%（{item.amount} ÷ {base.amount} × 100，分母为{base.label}，"
            f"{base.where}）。")
    stated = stated_share(doc, name, base, context) if name in item.label else None
    a = answer("share", f"{item.label} 占 {base.label}", text)
    if stated is not None:
        f, denominator = stated
        if denominator is None or denominator.value == base.amount:
            gap = abs(f.value - computed)
            a.text += f"报告第{f.line}行写明占 {f.value}%" + (
                "，与计算一致。" if not gap else f"，与计算的 {computed}% 差 {gap} 个百分点，属尾数差。"
                if gap <= SHARE_TOLERANCE else f"，与计算的 {computed}% 不一致。")
        else:
            a.text += f"另：报告第{f.line}行写明它占{denominator.label}（{denominator.value}）的 {f.value}%。"
        a.figure("报告所述占比", f.value, "%", NARRATIVE, f.line)
    a.figure(f"{item.label}占{base.label}的比例", computed, "%")
    add(a, item)
    add(a, base)
    return a


def _scope_share(doc: Document, q: Query) -> Answer | None:
    """收入里上年结转的部分占多少 (no name but the scope): that line of the summary table's income side, of the
    income total."""
    table, rows = lists.side_rows(doc, "收入")
    word = {"上年结转": "上年结转", "本年": "本年收入"}.get(q.scope or "")
    part = next((r for r in rows if word and r.name.startswith(word)), None)
    whole = next((r for r in table.rows if r.side == "收入" and r.is_total and "总计" in r.name), None) if table else None
    if part is None or whole is None or not whole.first:
        return None
    value = lambda r: Value(strip_ordinal(r.name), r.first, table.unit, table.label, r.line, f"row:{r.name}")  # noqa: E731
    return _share_said(doc, value(part), value(whole), strip_ordinal(part.name))


def _this_year_too(doc: Document, q: Query, item: Value, base: Value, a: Answer) -> None:
    """今年项目支出 is both the year's project spending (with what was carried over) and the money newly
    arranged this year: a project of this year's list is shown against the second too."""
    if not (q.has("今年", "今年度") and "本年项目" in item.label and base.label.startswith("项目支出")
            and not q.has("含结转", "含上年结转", "全部", "总共", "全年")):
        return
    this_year = list_total(doc, "本年")
    if this_year is None or not this_year.amount or this_year.unit != item.unit:
        return
    computed = pct(item.amount, this_year.amount)
    a.text += f"按今年新安排的{this_year.label} {amount_text(this_year.amount, this_year.unit)} 计，占 {computed}%（{this_year.where}）。"
    a.figure(f"{item.label}占{this_year.label}的比例", computed, "%")


def _part_within(doc: Document, q: Query, m: Mention, item: Value, base: Value) -> Value:
    """A part read in another table than its whole: read it in the table whose total the whole is (项目支出 of
    表4's 合计 is 表4's 项目支出), and a part larger than its whole in the table whose total is the whole
    (一般公共服务支出 of 一般公共预算当年支出 550.51 is table 5's 481.31, not table 3's 1,015.19)."""
    if q.table is not None:
        return item
    at = re.match(r"表(\d+) ", base.where)
    if at and item.where != base.where and re.search(r"合计|总计", base.label) and q.scope is None:
        # a whole that is a table's total: the part as that table prints it (项目支出占财政拨款支出表合计)
        inside = subject_value(doc, replace(q, table=int(at.group(1))), m)
        if inside is not None and inside.where == base.where and inside.amount < base.amount:
            return inside
    if item.amount <= base.amount:
        return item
    for table in doc.totalling(base.amount):
        if table.unit == base.unit:
            inside = subject_value(doc, replace(q, table=table.no), m)
            if inside is not None and inside.amount <= base.amount:
                return inside
    return item


def in_table_of_whole(doc: Document, q: Query) -> Query:
    """一般公共预算当年支出里，X比Y多出多少: names asked within a whole that a table's total row prints are read
    in that table (as a share's part is, above), when it prints every one of them."""
    if q.whole is None or q.table is not None or q.op not in ("difference", "value", "sum", "ratio") or not q.subjects \
            or not q.whole.kinds & {"fact", "row"} \
            or any(w in q.squashed[max(0, q.whole.start - 3):q.whole.start] for w in lexicon.NEGATIONS + ("仅", "只")):
        return q  # (非仅财政拨款: a whole said not to be the one)
    whole = subject_value(doc, replace(q, whole=None, subjects=[]), q.whole)
    side = next((w for w in ("支出", "收入") if whole is not None and w in whole.label), "")
    for table in sorted(doc.totalling(whole.amount) if whole is not None else [], key=lambda t: side not in t.title):
        inside = replace(q, table=table.no, whole=None)  # (the tables of the whole's side first: 支出 of spending)
        found = [subject_value(doc, inside, m) for m in q.subjects]
        if table.unit == whole.unit and all(v is not None and v.where == table.label for v in found):
            return replace(q, table=table.no)
    return q


# 主要用在哪几类，各占多少 / 各部分占比: the parts of one figure are asked, each with its share.
_PARTS_ASKED = patterns.compile(r"哪几|哪些|各部分|各项|各类|各款|构成|组成|结构|分布|按(?:功能|经济)?(?:分类|类别|[类款项])(?:分|列|看)?")


def _shares_of_domain(doc: Document, q: Query) -> Answer | None:
    """各类占支出总计的比重: each thing of the domain named (the 类, the projects …) as a share of the whole."""
    base = subject_value(doc, q, q.whole)
    d = domain(doc, replace(q, whole=None, op="list"))
    rows = [v for v in d.rows if base is not None and v.unit == base.unit and v.key != base.key]
    if base is None or base.amount == 0 or not rows or len(rows) > 20:
        return None
    a = answer("share", f"{d.where} 各占 {base.label}", f"{d.where}各占 {said(base)} 的比例：" + "；".join(
        f"{v.label} {amount_text(v.amount, v.unit)}，占 {pct(v.amount, base.amount)}%" for v in rows) + "。")
    for v in rows:
        a.figure(f"{v.label}占比", pct(v.amount, base.amount), "%")
    add(a, base)
    build.value_rows(a, rows)
    return a


def _share_of_sum(doc: Document, q: Query) -> Answer | None:
    """几项加起来占X多少: the named figures added, then divided by the whole."""
    items = [subject_value(doc, q, m) for m in q.subjects]
    if any(v is None for v in items) or len({v.unit for v in items}) != 1:
        return None
    added = sum((v.amount for v in items), Decimal(0))
    base = subject_value(doc, q, q.whole) if q.whole is not None else base_of(doc, q, items[0], q.subjects[0])
    if base is None:
        return None
    base = to_unit(base, items[0].unit)
    if base.amount == 0 or base.unit != items[0].unit:
        return None
    computed = pct(added, base.amount)
    names = " + ".join(v.label for v in items)
    a = answer("share", f"（{names}）占 {base.label}",
               f"{' + '.join(str(v.amount) for v in items)} = {amount_text(added, items[0].unit)}，"
               f"占 {said(base)} 的 {computed}%（{added} ÷ {base.amount} × 100，{base.where}）。")
    for v in items:
        add(a, v)
    a.figure(f"{names} 合计（计算）", added, items[0].unit)
    a.figure(f"占{base.label}的比例", computed, "%")
    add(a, base)
    return a


def _fund_share_of_code(doc: Document, q: Query) -> Answer | None:
    """住房公积金中财政拨款占多少 / 财政拨款占住房公积金的比例: a code's figure from one fund, of its figure
    from every fund."""
    named = q.subjects + ([q.whole] if q.whole is not None else [])
    codes = [m for m in named if "code" in m.kinds]
    funds = [m for m in named if m.term.key in lexicon.FUNDS and "code" not in m.kinds]
    fund = q.fund or (funds[0].term.key if funds else None)
    if not fund or len({m.term.key for m in codes}) != 1 or len(named) - len(funds) != len(codes) \
            or q.whole is not None and q.whole in funds:
        return None  # (X占一般公共预算多少: the code's share of the fund's total)
    code = codes[0]
    at = q.squashed.find(fund)
    if 0 <= at < code.start and re.match(r"(?:的)?(?:里|中|当中|之中|内)", q.squashed[at + len(fund):]):
        return None  # 财政拨款里教育支出占比: the code's share of the fund's total, not the fund's of the code
    part = subject_value(doc, replace(q, fund=fund, whole=None, subjects=[code]), replace(code, fund=fund))
    whole = subject_value(doc, replace(q, fund=None, table=None, scope=None, whole=None, measures=[], subjects=[code]),
                          replace(code, fund=None, table=None, scope=None))
    if part is None or whole is None or part.unit != whole.unit or not whole.amount or part.where == whole.where:
        return None
    rate = pct(part.amount, whole.amount)
    a = answer("share", f"{part.label}（{fund}） 占 {whole.label}",
               f"{said(part)}（{fund}）占 {said(whole)}（各项资金合计）的 {rate}%（{part.amount} ÷ {whole.amount} × 100）。")
    add(a, part)
    add(a, whole)
    a.figure("占比（计算）", rate, "%")
    return a


_IN_SUM = patterns.compile(r"占(.{2,40}?)(?:之和|的和|加起来|合起来|相加|总和|两项合计|三项合计)"
                     r"|占([^，,。？?加+]{2,30}?(?:加上?|\+)[^，,。？?]{2,30}?)(?:的|比例|比重|百分|$)")


def _share_in_sum(doc: Document, q: Query) -> Answer | None:
    """A占B和C之和的比例: A's share of the sum of the figures named after 占."""
    m = _IN_SUM.search(q.squashed)
    if m is None:
        return None
    parts = [s for s in q.subjects if s.start < m.start()]
    whole = sorted((s for s in q.subjects + ([q.whole] if q.whole is not None else []) if m.start() < s.start and s.end <= m.end()),
                   key=lambda s: s.start)
    if len(parts) == 1 and parts[0].end > m.start():
        whole = [parts[0]] + whole  # (A占A加B的比重: A named again among those added, read as one mention)
    joined = all(re.search(r"和|与|及|、|加|\+", q.squashed[a.end:b.start]) for a, b in zip(whole, whole[1:]))
    if len(parts) != 1 or len(whole) < 2 or not joined:
        return None
    item, summed = subject_value(doc, q, parts[0]), [subject_value(doc, q, s) for s in whole]
    if item is None or not all(summed) or any(v.unit != item.unit for v in summed):
        return None
    base = build.total(summed)
    if not base:
        return None
    rate = pct(item.amount, base)
    a = answer("share", f"{item.label} 占 {'、'.join(v.label for v in summed)} 之和",
               f"{said(item)} 占 " + " + ".join(said(v) for v in summed) + f" = {amount_text(base, item.unit)} 的 {rate}%"
               f"（{item.amount} ÷ {base} × 100）。")
    a.figure("占比（计算）", rate, "%")
    a.figure("分母之和（计算）", base, item.unit)
    add(a, item)
    for v in summed:
        add(a, v)
    return a


def _typed_share(doc: Document, q: Query) -> Answer | None:
    """246.89占780.77的百分之几 / 按780.77算，这246.89万元占多少: the share of the two figures typed, the one
    typed right before 占 of the other."""
    typed = [a for a in q.amounts if not re.match(r"[个项张类款%]", q.squashed[a.end:a.end + 1])]  # (8个项目: a count)
    values = list(dict.fromkeys(a.value for a in typed))
    at = q.squashed.find("占")
    before = [a for a in typed if a.end <= at]
    if len(values) == 1 and before and len(q.subjects) == 1 and at <= q.subjects[0].start < 10_000:
        return _typed_of_named(doc, q, before[-1])  # 这795万占基层司法业务预算的百分之几: the figure typed, of the name
    if len(values) != 2 or not before or any(before[-1].end <= m.start < at for m in q.subjects):
        return None
    part = before[-1]
    whole = next(a for a in typed if a.value != part.value)
    if not whole.value or part.unit and whole.unit and part.unit != whole.unit:
        return None
    rate = pct(part.value, whole.value)
    a = answer("share", f"{part.value} 占 {whole.value}", f"{part.value} ÷ {whole.value} × 100 = {rate}%。")
    a.figure("占比（计算）", rate, "%")
    return a


def _sheet_share(doc: Document, q: Query) -> Answer | None:
    """X里上年结转占年度资金总额的多少: one fund line of a project's performance sheet as a share of another."""
    from budgetqa.answer.text import sheet_asked

    sheet = sheet_asked(doc, q) if len(q.subjects) == 1 else None
    at = q.squashed.find("占")
    if sheet is None or at < 0:
        return None
    scope = "实施期" if q.has("实施期") and not q.has("年度") else "年度"
    named = sorted((q.squashed.find(squash(k.split("/", 1)[1]), q.subjects[0].end), k, v) for k, v in sheet.funds.items()
                   if k.startswith(scope) and squash(k.split("/", 1)[1]) in q.squashed[q.subjects[0].end:])
    named = [n for n in named if n[0] >= 0]
    part = [n for n in named if n[0] < at]
    whole = [n for n in named if n[0] > at]
    if len(part) != 1 or len(whole) != 1 or not whole[0][2]:
        return None
    (_, pk, pv), (_, wk, wv) = part[0], whole[0]
    rate = pct(pv, wv)
    label = sheet.project_name
    a = answer("share", f"{label} {pk.replace('/', '')} 占 {wk.replace('/', '')}",
               f"{label}：{pk.replace('/', '')} {amount_text(pv, sheet.unit)} 占 {wk.replace('/', '')} "
               f"{amount_text(wv, sheet.unit)} 的 {rate}%（{pv} ÷ {wv} × 100，{sheet.title}）。")
    a.figure("占比（计算）", rate, "%")
    for k, v in ((pk, pv), (wk, wv)):
        a.figure(f"{label} {k.replace('/', '')}", v, sheet.unit, sheet.title, sheet.fund_lines.get(k, sheet.line))
    return a


def _typed_of_named(doc: Document, q: Query, part) -> Answer | None:
    """A figure typed as a share of a named one, in the named one's unit (795万 of a figure printed in 元)."""
    base = subject_value(doc, q, q.subjects[0])
    if base is None:
        return None
    unit = {"万": "万元"}.get(part.unit, part.unit) or base.unit
    base = to_unit(base, unit)
    if not base.amount or base.unit != unit:
        return None
    rate = pct(part.value, base.amount)
    a = answer("share", f"{part.value}{unit} 占 {base.label}",
               f"{part.value} {unit} 占 {said(base)} 的 {rate}%（{part.value} ÷ {base.amount} × 100）。")
    a.figure("占比（计算）", rate, "%")
    add(a, base)
    return a


def shares_of_breakdown(doc: Document, q: Query) -> Answer | None:
    """The parts of one figure (as a breakdown gives them), each with its share of the figure,
    and the share the report states beside it where it states one."""
    from budgetqa.answer.figures import breakdown

    whole = subject_value(doc, q, q.subjects[0])
    parts = breakdown(doc, replace(q, op="breakdown"))
    if whole is None or whole.amount == 0 or parts is None or not parts.matched:
        return None
    parts.intent = "share"
    if any(f.label.endswith("占比") for f in parts.figures):
        return parts  # the breakdown already gives each part's share
    rows = [f for f in parts.figures if f.unit == whole.unit and f.value <= whole.amount
            and f.value != whole.amount and not f.label.endswith(("占比", "%"))]
    if not rows:
        return None
    lines = []
    for f in rows:
        computed = pct(f.value, whole.amount)
        line = f"{f.label} {computed}%"
        stated = stated_share(doc, re.sub(r"^\d+\s*", "", f.label), whole)
        if stated is not None and (stated[1] is None or stated[1].value == whole.amount):
            agree = abs(stated[0].value - computed) <= Decimal("0.01")
            line += f"（报告第{stated[0].line}行写明 {stated[0].value}%" + ("，一致）" if agree else "，与计算不一致）")
            parts.figure(f"{f.label}占比（报告所述）", stated[0].value, "%", NARRATIVE, stated[0].line)
        parts.figure(f"{f.label}占比", computed, "%")
        lines.append(line)
    parts.text += f" 各占 {said(whole)} 的比例：" + "；".join(lines) + "。"
    return parts


def _total_of_parts(doc: Document, items: list[Value]) -> Value | None:
    """The printed total that listed parts add up to (within a cent a part), when no whole is named:
    基本支出和项目支出各占多少 -> 本年支出合计, not the 支出总计 that adds the year-end balances."""
    if len(items) < 2 or len({v.unit for v in items}) != 1:
        return None
    added = sum((v.amount for v in items), Decimal(0))
    slack = Decimal("0.01") * len(items)
    for table in doc.tables:
        if table.unit != items[0].unit:
            continue
        for row in table.rows:
            if row.is_total and not row.code and row.first is not None and abs(row.first - added) <= slack \
                    and row.first not in [v.amount for v in items]:
                return Value(f"{row.name}（{table.label}）", row.first, table.unit, table.label, row.line, f"total:{table.no}")
    return None


def _listed(q: Query) -> bool:
    """A和B的占比 / A占比和B占比: names joined by 和/与/、 (each with its own share word), asked together."""
    first, second = q.subjects[0], q.subjects[1]
    gap = re.sub(r"^(?:的)?(?:占比|比例|比重|占多少|各占多少)?", "", q.squashed[first.end:second.start])
    return gap in ("和", "与", "及", "、", "以及", "跟", "")


def shares_of_parts(doc: Document, q: Query) -> Answer | None:
    """Each listed part's share of the same whole: stated where the report states it, else computed."""
    base = subject_value(doc, q, q.whole) if q.whole is not None else None
    if base is None:
        base = next((_summary_total(doc, name) for word, name in _TOTAL_WORDS if word in q.squashed), None)
    rows = []
    for m in q.subjects:
        item = subject_value(doc, q, m)
        if item is None:
            return None
        if base is not None and item.key == base.key and item.label == base.label and m.scope and item.amount != base.amount:
            item = replace(item, label=f"{item.label}（{'当年预算安排' if m.scope == '本年' else m.scope}）")
        rows.append((item, stated_share(doc, m.term.name, base)))
    if base is None:
        denominators = {s[1].label: s[1] for _, s in rows if s and s[1]}
        if len(denominators) == 1 and any(item.amount > d.value for item, _ in rows for d in denominators.values()):
            denominators = {}  # (a whole smaller than its parts is another fund's: 财政拨款's total for all funds' parts)
            rows = [(item, None) for item, _ in rows]
        if len(denominators) == 1:
            d = next(iter(denominators.values()))
            base = Value(d.label, d.value, d.unit, f"{NARRATIVE} {d.section}", d.line, f"fact:{d.label}")
        elif all(s is not None for _, s in rows):
            return _stated_only(rows)
        else:
            base = _total_of_parts(doc, [item for item, _ in rows]) or base_of(doc, q, rows[0][0], q.subjects[0])
    if base is None or base.amount == 0 or any(item.unit != base.unit or item.key == base.key and (
            item.label == base.label or item.amount == base.amount) for item, _ in rows):
        return None  # (a row's part of one scope against the row itself differs in its label and figure)
    a = answer("share", "、".join(item.label for item, _ in rows) + f" 各占 {base.label}", "")
    parts = []
    for item, stated in rows:
        computed = pct(item.amount, base.amount)
        line = f"{said(item)} 占 {computed}%"
        if stated and (stated[1] is None or stated[1].value == base.amount):
            agree = abs(stated[0].value - computed) <= Decimal("0.01")
            line += f"（报告第{stated[0].line}行写明 {stated[0].value}%" + ("，一致）" if agree else "，与计算不一致）")
            a.figure(f"{item.label}占比（报告所述）", stated[0].value, "%", NARRATIVE, stated[0].line)
        parts.append(line)
        a.figure(f"{item.label}占{base.label}的比例", computed, "%")
        add(a, item)
    a.text += f"以 {said(base)} 为分母（{base.where}）：" + "；".join(parts) + "。"
    if len(rows) == 2 and _POINTS.search(q.squashed):  # 两个占比相差几个百分点: the gap of the two shares
        high, low = sorted((pct(item.amount, base.amount) for item, _ in rows), reverse=True)
        a.text += f"两者相差 {high - low} 个百分点（{high} − {low}，计算）。"
        a.figure("相差（百分点，计算）", high - low, "个百分点")
    if len(rows) >= 2 and re.search(r"哪|谁", q.squashed):  # 哪个占比高: the one whose share is
        low = bool(re.search(r"低|少|小", q.squashed))
        item = (min if low else max)((item for item, _ in rows), key=lambda item: item.amount)
        a.text += f"相比之下，{item.label} 占比更{'低' if low else '高'}。"
    add(a, base)
    return a


# Percentage points asked (差几个百分点, 高几个点).
_POINTS = patterns.compile(r"百分点|(?:几|多少)个点")


def _stated_only(rows) -> Answer:
    a = answer("share", "、".join(item.label for item, _ in rows) + " 的占比", "")
    parts = []
    for item, (f, denominator) in rows:
        parts.append(f"{item.label} 占{denominator.label if denominator else '总额'} {f.value}%（第{f.line}行）")
        a.figure(f"{item.label}占比", f.value, "%", NARRATIVE, f.line)
    a.text += "；".join(parts) + "。"
    return a


def completion(doc: Document, q: Query) -> Answer | None:
    """完成年初预算的百分之几: the completion rate a 决算 states for the subject asked about."""
    rates = [f for f in doc.facts if f.kind == "share" and f.label.startswith("完成")]
    names = [squash(t.name) for m in q.subjects for t in m.terms]

    def fit(f: Fact) -> int:
        where = squash(f.topic or f.subject or f.section)
        return max((LCSseq.similarity(n, where) for n in names), default=0) - len(where) // 50

    best = max(rates, key=fit)
    related = [f for f in doc.facts if f.sentence == best.sentence and f.kind == "amount"]
    what = best.topic or best.subject or best.section
    parts = [f"{f.label} {amount_text(f.value, f.unit)}" for f in related] + [f"完成年初预算的 {best.value}%"]
    reason = _shortfall_reason(doc, best.line)
    a = answer("share", f"{what} 完成年初预算的比例", f"{what}：" + "，".join(parts) + f"（{NARRATIVE} 第{best.line}行）。"
               + (f"{reason}。" if reason else ""))
    for f in related:
        a.figure(f.label, f.value, f.unit, NARRATIVE, f.line)
    a.figure("完成年初预算的比例", best.value, "%", NARRATIVE, best.line)
    return a


_SHORTFALL = patterns.compile(r"(?:小于|低于|未完成|没有完成|未达到|少于)[^。]{0,12}?原因(?:是|为|主要是)?[：:]?\s*([^。]+)")


def _shortfall_reason(doc: Document, line: int) -> str:
    """The reason the report gives, in the lines after a completion rate, for spending less than budgeted."""
    text = "".join(l.strip() for l in doc.lines[line - 1:line + 8])
    m = _SHORTFALL.search(text)
    return f"决算数小于预算数的原因：{m.group(1).strip()}" if m else ""


def sheet_pair(doc: Document, q: Query) -> list[Value]:
    """One project's two sheet columns when both are named (实施期资金总额 and 年度资金总额)."""
    from budgetqa.answer.resolve import sheet_values

    if len(q.subjects) != 1 or not (q.has("实施期") and q.has("年度")):
        return []
    names = {t.key for t in q.subjects[0].terms if t.kind in ("project", "target")}
    sheet = next((s for s in doc.performance if s.project_name in names), None)
    vals = sheet_values(doc, sheet, q) if sheet else []
    order = sorted(vals, key=lambda v: q.squashed.find("年度" if "年度" in v.label else "实施期"))
    return order if len(order) == 2 else []


def ratio(doc: Document, q: Query) -> Answer | None:
    """项目支出是基本支出的几倍: one figure divided by the other, to two decimals."""
    vals = sheet_pair(doc, q) or subject_values(doc, q)
    if q.whole is not None and len(vals) == 1:
        base = subject_value(doc, q, q.whole)
        vals = vals + ([base] if base else [])
    of_this_year = re.search(r"是[^，,。？?]{0,8}(?:今年|本年|当年)的?(?:几|多少)倍", q.squashed)
    if len(vals) <= 1 and len(q.subjects) <= 1 and (q.previous_year or of_this_year or any(y != doc.year for y in q.years)):
        years = _this_and_last_year(doc, q)  # 是2025年执行数的几倍: this year's figure over the earlier one
        if years and of_this_year:
            years.reverse()  # 去年是今年的几倍: the earlier year's over this one
        vals = years or vals
    if len(vals) != 2 or vals[1].amount == 0:
        return None
    if re.search(r"(?:谁|哪个|哪项|哪一个)(?:更)?(?:多|大|高)[^，,。？?]*?[，,]?[^，,。？?]*?(?:对方|另一[个项]|小的|少的)的?(?:几|多少)倍|大的是小的",
                 q.squashed) and vals[0].unit == vals[1].unit and vals[0].amount < vals[1].amount:
        vals = [vals[1], vals[0]]  # 谁多，是对方的几倍: the larger over the smaller
    item, base = vals[0], to_unit(vals[1], vals[0].unit)
    times = (item.amount / base.amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    a = answer("ratio", f"{item.label} 是 {base.label} 的几倍",
               f"{said(item)} 是 {said(base)} 的 {times} 倍（{item.amount} ÷ {base.amount}）。")
    n = claimed_multiple(q)
    if n is not None:  # (是不是20倍还多: the claim set against the ratio)
        a.text += f"比所说的 {n} 倍{'多' if times > n else '少' if times < n else '相等'}。"
    a.figure(f"{item.label}与{base.label}之比", times, "倍")
    add(a, item)
    add(a, base)
    return a


def _this_and_last_year(doc: Document, q: Query) -> list[Value]:
    """A subject's figure this year and the earlier year's, as its stated change gives them (both stated, or the
    earlier one worked back from the change)."""
    if not q.subjects:
        return []
    stated = change(doc, replace(q, op="change"))
    if stated is None or not stated.matched:
        return []
    earlier = next((f for f in stated.figures if f.unit != "%" and re.match(r"(20\d\d)年|上年", f.label)
                    and not f.label.startswith(f"{doc.year}年")), None)
    now = next((f for f in stated.figures if f.unit != "%" and f.label.startswith(f"{doc.year}年")), None)
    moved = next((f for f in stated.figures if f.label.endswith("变动额")), None)
    if earlier is None or now is None and moved is None:
        return []
    current = now.value if now is not None else earlier.value + moved.value
    name = q.subjects[0].term.name
    label = f"{name} {now.label if now is not None else f'{doc.year}年数'}"
    return [Value(label, current, earlier.unit, NARRATIVE, now.line if now else earlier.line, f"year:{doc.year}"),
            Value(f"{name} {earlier.label}", earlier.value, earlier.unit, NARRATIVE, earlier.line, "year:earlier")]


# --------------------------------------------------------------------------- change from last year
_GENERIC_PAIRS = {"预算", "支出", "收入", "资金", "经费", "年度", "本年", "财政", "拨款", "部门", "单位"}  # (该部门…预算: the body and the budget, no subject)


def _overlap(a: str, b: str) -> float:
    sa = set(a) - set("的年度本预算")
    return len(sa & set(b)) / max(1, len(sa))


# A figure stated with its year (2025年度预算1,363万元, 2025年当年预算执行数为0万元)
_YEAR_FIGURE = patterns.compile(r"(20\d{2})\s*年度?((?:当年)?[^，,。；;：:\d“”\s]{0,10}?)(?:为|是)?\s*(-?\d[\d,]*(?:\.\d+)?)\s*(万元|元)")


def stated_of_year(doc: Document, q: Query) -> Answer | None:
    """那它2025年的预算是多少 / 上年执行了多少, of a subject whose own paragraph states figures of another year
    (…2025年度预算1,363万元…2025年当年预算执行数为0万元): those figures, as printed."""
    years = {y for y in q.years if y != doc.year} | ({doc.year - 1} if q.previous_year and doc.year else set())
    if not years or not q.subjects or re.search(r"增|减|变|涨|降|多了|少了|比", q.squashed):
        return None
    if not re.search(r"预算|执行|实际|花|用|决算|安排", q.squashed):
        return None  # (那上年呢: the change the report states)
    found = topic_facts(doc, q)
    if found is None:
        return None
    topic, facts = found
    spent = bool(re.search(r"执行|实际|花了|用了|决算", q.squashed))
    said: list[tuple[str, Decimal, str, int]] = []
    for sentence, line in dict.fromkeys((f.sentence, f.line) for f in facts):
        for m in _YEAR_FIGURE.finditer(compact(sentence)):
            label, value = f"{m.group(1)}年{m.group(2)}", Decimal(m.group(3).replace(",", ""))
            if (int(m.group(1)) in years and ("执行" in label) == spent or int(m.group(1)) == doc.year) \
                    and not any(s[0] == label and s[1] == value for s in said):
                said.append((label, value, m.group(4), line))  # (this year's beside it, to compare)
    if not any(int(label[:4]) in years for label, *_ in said):
        return None
    topic = topic.strip("“”\"")
    a = answer("value", f"{topic} {'、'.join(str(y) for y in sorted(years))}年",
               f"{topic}：" + "；".join(f"{label} {amount_text(value, unit)}（情况说明 第{line}行）"
                                      for label, value, unit, line in said) + "。")
    for label, value, unit, line in said:
        a.figure(label, value, unit, NARRATIVE, line)
    a.source(NARRATIVE, said[0][3], topic)
    return a


def change(doc: Document, q: Query) -> Answer | None:
    """The change from the previous year the report states, recomputed, and last year's figure; else the
    figures of that year the subject's paragraph states. A balance printed at the start and the end of
    the year (年初/年末结转和结余), asked how it moved within the year: the end less the start."""
    return balance_moved(doc, q) or stated_of_year(doc, q) or _change(doc, q)


# A balance's two ends of the year as rows print them (年初结转和结余 / 年末结转和结余), and the words
# asking how it moved within the year rather than against the year before.
_YEAR_ENDS = (("年初", "年末"), ("期初", "期末"))
_WITHIN_YEAR = patterns.compile(r"年初|年末|期初|期末|一年(?:里|来|内|中|下来|间)|年内|年中")


def balance_moved(doc: Document, q: Query) -> Answer | None:
    """年末结转和结余比年初增加多少 / 一年里结转结余增加了多少: the row printed for the year's end less the
    one printed for its start, when the question names the balance and speaks of the year's ends."""
    if not _WITHIN_YEAR.search(q.squashed):
        return None
    asked = q.squashed.replace("和", "")
    for table in doc.tables:
        rows = {squash(strip_ordinal(r.name)): r for r in table.rows if r.first is not None}
        for (start, end) in _YEAR_ENDS:
            for name, first in rows.items():
                base = name[len(start):]
                last = rows.get(end + base)
                said = base.replace("和", "")
                if not name.startswith(start) or last is None or len(said) < 2 or said not in asked and said[-2:] not in asked:
                    continue  # (结余 said of 年初结转和结余 / 年末结转和结余: its last word)
                moved = last.first - first.first
                a = answer("change", f"{end}{base} 比 {start}{base}",
                           f"{last.name} {amount_text(last.first, table.unit)} − {first.name} "
                           f"{amount_text(first.first, table.unit)} = {amount_text(moved, table.unit)}"
                           f"（{'增加' if moved >= 0 else '减少'} {amount_text(abs(moved), table.unit)}，{table.label}）。")
                a.figure(f"{base}年内变动额（计算）", moved, table.unit, table.label, last.line)
                a.figure(last.name, last.first, table.unit, table.label, last.line)
                a.figure(first.name, first.first, table.unit, table.label, first.line)
                return a
    return None


def _each_change(doc: Document, q: Query) -> Answer | None:
    """收入和支出分别(各)变了多少: the change of each name."""
    first = change(doc, replace(q, subjects=q.subjects[:1]))
    listed = squash(first.text.split("其中", 1)[1]) if first is not None and first.matched and "其中" in first.text else ""
    if listed and all(re.sub(r"^(?:学校|本校|本单位)?(?:20\d\d年度?)?", "", squash(m.term.name))[:4] in listed
                      for m in q.subjects[1:]):
        return first  # 收入总计减少…，财政拨款、事业收入各增减多少: the parts the first one's stated change lists
    found = [a for m in q.subjects if (a := change(doc, replace(q, subjects=[m]))) is not None and a.matched]
    if len(found) < 2:
        return None
    a = combine("change", found)
    if re.search(lexicon.WHICH_ONE, q.squashed):
        a.text += _moved_more(q, found)
    return a


def _named(a: Answer) -> str:
    """The name an answer says it understood (按「X 与上年相比」理解: X)."""
    return a.understood.removeprefix("按「").split("」")[0].split(" ", 1)[0]


# How a change is measured when asked which moved more: by its rate (涨得快, 幅度) or by its amount.
_BY_RATE_ASKED = patterns.compile(r"快|慢|幅|率|百分|%|倍")


def _moved_more(q: Query, found: list[Answer]) -> str:
    """Which of the changes just given moved more (哪个涨得多): by the measure asked, or the one every change
    has; said only when they all went the same way."""
    def way(x: Answer) -> int:
        down, up = bool(re.search(r"减少|下降", x.text)), bool(re.search(r"增加|增长", x.text))
        return 0 if down == up else 1 if up else -1

    asked = 0 if re.search(r"变化|变动|幅度", q.squashed) else -1 if re.search(r"降|减|少|跌", q.squashed) \
        else 1 if re.search(r"涨|增|升|多|高", q.squashed) else 0
    if any(way(x) == 0 for x in found):
        return ""  # (a change said both ways: the figures above say it)
    if asked:
        moved = [x for x in found if way(x) == asked]
        if len(moved) == 1:
            return f"两者中只有 {_named(moved[0])} {'增加' if asked > 0 else '减少'}了。"
        found = moved  # (变化大, no way asked: how far each moved, whichever way)
    if len(found) < 2:
        return ""
    measures = [("变动率", "%"), ("变动额", None)]
    if not _BY_RATE_ASKED.search(q.squashed):
        measures.reverse()
    for word, unit in measures:
        picked = [next((f for f in x.figures if word in f.label and (unit is None or f.unit == unit)), None) for x in found]
        if all(picked):
            best = max(zip(found, picked), key=lambda p: abs(p[1].value))
            return f"相比之下，{_named(best[0])} 的{'变动率' if unit else '变动额'}更大（{best[1].value}{best[1].unit or ''}）。"
    return ""


def _sided_figures(doc: Document, q: Query) -> set[tuple[Decimal, str]]:
    """The subjects' own figures with their side: a change stated of a total printed with that very amount, on
    the same side, is the subject's (学校2024年度支出总计 481,483.46 … 增长5.20% is 本年支出合计 481,483.46's;
    income equal to spending is not)."""
    return {(v.amount, w) for m in q.subjects[:2] if m.kinds & {"code", "row", "column", "item"}
            and (v := subject_value(doc, q, m)) is not None and v.amount for w in ("收入", "支出") if w in m.term.name}


def _placed_elsewhere(doc: Document, facts: list[Fact], codes: list[str]) -> set[int]:
    """The paragraphs naming a 类-款-项 path that places their subject at another code than the one asked
    (一般行政管理事务 of 群众团体事务 is not the one of 组织事务), by id; the codes' names are read once."""
    if not codes:
        return set()
    names = code_names(doc)
    return {id(f) for f in facts if f.topic and (placed := code_of_topic(doc, f.topic, names)) and placed not in codes}


# The direction a change is asked in (增加的原因, 下降的是哪些), said without naming what changed.
_RISING = patterns.compile(r"增加|增长|上升|上涨|涨了|提高|升高|多了")
_FALLING = patterns.compile(r"减少|下降|降低|降了|少了|压减|缩减")


def _stated_changes(doc: Document, q: Query) -> list[Fact]:
    """The changes the report states (a rate stated beside a change is the same change), those going the way the
    question says when it names nothing else (增加的原因: of a change that went up; a figure typed picks its
    change, whatever way it is said)."""
    changes = [f for f in doc.facts if f.kind == "change"]
    changes += [f for f in doc.facts if f.kind == "rate"
                and not any(c.subject == f.subject and abs(c.line - f.line) <= 2 for c in changes)]
    rising, falling = _RISING.search(q.squashed), _FALLING.search(q.squashed)
    if not q.subjects and not q.amounts and not q.percents and bool(rising) != bool(falling):
        changes = [f for f in changes if (f.value > 0) == bool(rising)] or changes
    return changes


def _same_as_headline(doc: Document, q: Query, headline: list[Fact]) -> Answer | None:
    """The headline change of a stated total that the one subject asked equals this year (财政拨款收支总预算 of a
    report whose money is all 财政拨款: as much as 预算收入总计), when the report states no change of its own."""
    amounts = {f.label: (f.value, f.unit) for f in doc.facts if f.kind == "amount"}
    if len(q.subjects) != 1 or (own := amounts.get(q.subjects[0].term.key)) is None:
        return None
    same = next((f for f in sorted(headline, key=lambda f: f.line) if amounts.get(f.subject) == own), None)
    if same is None:
        return None
    a = stated_change(doc, q, same)
    a.text += (f"（报告没有单独写「{q.subjects[0].term.name}」的增减；它本年与{same.subject}相等，"
               f"都是 {amount_text(*own)}，以上是{same.subject}的增减。）")
    return a


def _without_whole(q: Query) -> str:
    """The question with the whole its subject is named within blanked (X里Y的上年数: Y's change is asked; X is no
    evidence for X's own stated change)."""
    w = q.whole
    if w is None or w.start >= 10_000 or not q.subjects:
        return q.squashed
    return q.squashed[:w.start] + " " * (w.end - w.start) + q.squashed[w.end:]


def _typed_of(f: Fact, q: Query) -> int:
    """How much what the question types picks this stated change: its amount (说明里写比2023年预算增加5.59万元，
    倒推2023年是多少), its rate (5.27%是按哪个数算的), or two figures its sentence states (从77.99万到91.97万，
    文中说增加17.66%: of two lines stating that rate, the one with those figures)."""
    bonus = 0
    if not q.subjects and f.kind == "change" and any(abs(f.value) == a.value for a in q.amounts):
        bonus += 150
    if f.kind == "rate" and abs(f.value) in [abs(p) for p in q.percents]:
        bonus += 150 if not q.subjects else 60
    stated = f.sentence.replace(",", "")
    if len(q.amounts) >= 2 and sum(format(a.value, "f") in stated for a in q.amounts) >= 2:
        bonus += 150
    return bonus



# A change asked as a figure (增长多少, 变动百分之几, 多了多少): the amount or rate, not why nor whether.
_CHANGE_FIGURE_ASKED = patterns.compile(r"(?:增长|增加|减少|下降|变动|变化|多了|少了|涨了|降了|涨|降|增|减)(?:了)?(?:百分之|多少|几)"
                                        r"|(?:增幅|降幅|增长率|变动率)(?:是|为)?(?:多少|几)")

def _change(doc: Document, q: Query) -> Answer | None:
    if (added := changes_added(doc, q)) is not None:
        return added  # 两者各自的增减额相加，等不等于总的减少额: a stated change against its stated parts
    changes = _stated_changes(doc, q)
    if not changes:
        return Answer(False, "change", f"报告（{doc.label}）没有给出与上年相比的数字；没有可给的增减额或增长率。")
    if not q.subjects and q.each and q.domain in ("subjects", "items", "projects"):
        kind = {"subjects": "科目", "items": "经济科目", "projects": "项目"}[q.domain]
        return Answer(False, "change", f"报告（{doc.label}）没有逐个列出各{kind}上年的数字，只对个别总数写了与上年的比较；"
                                       f"没有可给的数字。")  # 上年各功能科目分别安排了多少
    # a total and its parts the line before asked (收入总计是多少？其中A、B各多少), asked again: each one's change
    carried = bool(q.subjects) and all(m.start >= 10_000 for m in q.subjects) and q.subjects[0].term.key in REPORT_TOTALS
    if len({m.term.key for m in q.subjects}) >= 2 and (q.each or carried) and (each := _each_change(doc, q)) is not None:
        return each
    codes = [t.key for m in q.subjects for t in m.terms if t.kind == "code"]
    names = [squash(t.name) for m in q.subjects for t in m.terms] + codes
    sides = [w for w in ("收入", "支出") if w in q.squashed]
    side = sides[0] if len(sides) == 1 else None
    figures, elsewhere, typed = _sided_figures(doc, q), _placed_elsewhere(doc, changes, codes), _without_whole(q)
    current = {f.label: f.value for f in doc.facts if f.kind == "amount"}
    topics = [squash(m.term.name) for m in q.subjects if "topic" in m.kinds and len(m.term.name) >= 4]

    def score(f: Fact) -> float:
        subject = squash(f.subject or f.sentence[:40]) if f.kind != "rate" or f.subject else squash(f.sentence[:60])
        topic = squash(f.topic or "")
        # (squashed: 实验室及相关设施（2060204） -> …设施2060204; 普法宣传（05项） -> 普法宣传05项)
        coded = re.sub(r"\d{2,7}[项款类]?$", "", topic)
        own_code = re.search(r"\d{3,7}(?=[项款类]?$)", topic)  # (the whole code: 205 is not the end of 2050205)
        coded_as_asked = own_code is not None and own_code.group() in codes
        foreign = _another_code(coded, own_code, names, codes)
        named = not foreign and any(n and (n in subject or subject in n or len(n) >= 5 and LCSseq.similarity(n, subject) == len(n)
                                           and n[:2] == subject[:2]) for n in names)  # (政府性基金预算 of 政府性基金拨款支出预算)
        bonus = 100 if named or any((current.get(f.subject), w) in figures for w in ("收入", "支出") if w in subject) else 0
        bonus -= 200 if id(f) in elsewhere else 0
        if topic and not foreign and (any(n and topic.endswith(n + level) for n in names for level in ("项", "款", "类"))
                      or coded != topic and any(n and coded.endswith(n) for n in names) or coded_as_asked):
            bonus += 120  # the paragraph is about the subject: 城乡社区规划与管理（项） / 实验室及相关设施（2060204）
            if coded in names or coded_as_asked:
                bonus += 130  # …by its very name or code, over a sentence about a broader name inside it (教育支出)
        # a part printed with the same amount as the whole whose change is stated changes by as much
        # (收入预算9628.22万元，其中：财政拨款收入9628.22万元，比…增加793.14万元)
        head = f.sentence.split("比")[0]
        clause = next((c for c in reversed(re.split(r"[，,；;：:]", head)) if c.strip()), "")
        amounts = re.findall(r"\d[\d,]*\.?\d*(?=万?元)", head)
        if "比" in f.sentence and not bonus and len(amounts) >= 2 and amounts[-1] == amounts[0] \
                and any(n and len(n) >= 4 and n in squash(clause) for n in names):
            bonus += 80
        bonus += _typed_of(f, q)
        if topics and f.line <= len(doc.lines) and any(n in squash(doc.lines[f.line - 1]) for n in topics):
            bonus += 100  # (机关运行经费情况。…运行经费16252.11万元，比上年增加…: the topic's own line states it)
        if side and side in subject and not q.subjects:
            bonus += 20  # 支出比上年变了多少: of the change stated for spending, not the income's beside it
        if q.fund and (q.fund in (f.section or "")) != (q.fund in (f.subject or "")):
            bonus += 30  # 财政拨款里的教育支出: the change stated in the section on that fund's spending
        pairs = {subject[i:i + 2] for i in range(len(subject) - 1)} - _GENERIC_PAIRS
        return bonus + 12 * len([p for p in pairs if p in typed]) + 50 * _overlap(subject, typed) \
            + fuzz.partial_ratio(subject, typed) / 10

    best = max(changes, key=score)
    # (a change stated of another row the report prints, 公务用车购置费 for 公务接待费, is not the one asked)
    sibling = q.subjects and score(best) < 100 and _names_another_row(doc, best, names)
    if sibling or score(best) < (100 if codes else 30):  # (a 科目 asked: only a change stated of it, never one that reads alike)
        if (found := _no_change_of_its_own(doc, q, changes)) is not None:
            return found
        best = min(changes, key=lambda f: f.line)  # nothing named: the report's headline change
    if best.kind == "rate":
        return rate_only(doc, best, q.squashed)
    a = stated_change(doc, q, best)
    parts = stated_change_parts(doc, best)
    if len(parts) >= 2 and _CHANGE_PARTS_ASKED.search(q.squashed):
        add_change_parts(a, best, parts)
    return a


def _names_another_row(doc: Document, f: Fact, names: list[str]) -> bool:
    """A stated change whose subject is, word for word, a row the tables print other than the names asked."""
    subject = squash(f.subject or "")
    return bool(subject) and subject not in names and any(
        squash(strip_ordinal(r.name)) == subject for t in doc.tables for r in t.rows)


def _another_code(coded: str, own_code: re.Match | None, names: list[str], codes: list[str]) -> bool:
    """A paragraph about another code than the one asked, though its name ends alike (其他留学教育支出（2050699）
    of 205 教育支出); a code's only 项 of the same name (其他教育支出 20599 and 2059999) is the same one."""
    own = own_code.group() if own_code is not None else None
    return own is not None and bool(codes) and own not in codes and not (
        coded in names and any(own.startswith(c) or c.startswith(own) for c in codes))


def _no_change_of_its_own(doc: Document, q: Query, changes: list[Fact]) -> Answer | None:
    """When the report states no change of the subject asked: what it says of the topic (said to be no change),
    the headline change of the report's money as a whole, or that none is stated (None: nothing was named)."""
    topic = next((m.of("topic")[0].key for m in q.subjects if "topic" in m.kinds), None)
    if topic and not q.previous_year:  # what the report says of a topic it has no change for, said to be no change
        found = topic_answer(doc, q, topic)
        if found is not None and found.matched and _CHANGE_FIGURE_ASKED.search(q.squashed):
            found.matched = False  # (变动百分之多少 / 比上年增长多少: the figure asked is not there)
            found.text = f"报告（{doc.label}）没有给出「{topic}」与上年相比的数字；报告写的是：{found.text}"
        if found is not None:
            return found
    whole = q.subjects and q.subjects[0].term.key in REPORT_TOTALS
    headline = [f for f in changes if f.kind == "change" and re.search(r"收入|支出|收支|预算", f.subject or "")]
    if whole and headline:  # the report's money as a whole: its headline change (收入预算比上年减少…)
        return stated_change(doc, q, min(headline, key=lambda f: f.line))
    if (same := _same_as_headline(doc, q, headline)) is not None:
        return same
    if q.subjects and (found := _year_against_year(doc, q)) is not None:
        return found
    if q.subjects:
        name = q.subjects[0].term.name
        return Answer(False, "change", f"报告（{doc.label}）没有给出「{name}」与上年相比的数字，只有本年的金额；"
                      "没有可给的增减额或增长率。", understood=f"{name} 与上年相比")
    return None


# A year's figure a subject's paragraph states (2026年度预算338万元，2025年度预算1,363万元; 2025年当年预算执行数为854.35万元):
# the year, the measure and the amount as printed.
_YEAR_STATED = patterns.compile(r"(20\d\d)\s*年度?\s*(?:当年)?(预算执行数|执行数|预算数|预算|决算数|决算)(?:安排)?(?:为|是)?\s*"
                                r"(\d[\d,]*(?:\.\d+)?)\s*(?:万元|元)")


def _year_against_year(doc: Document, q: Query) -> Answer | None:
    """城市建设支出比2025年度预算少了多少, when no change is stated: the report year's budget and the earlier year's figure
    its paragraph states (the 执行数 when that is asked, else the budget), set against each other."""
    found = topic_facts(doc, q)
    if found is None or not doc.year:
        return None
    topic, facts = found
    stated = {}
    for f in facts:  # (year, 预算 or 执行 or 决算) -> the fact printing it
        for m in _YEAR_STATED.finditer(f.sentence):
            if Decimal(m.group(3).replace(",", "")) == f.value:
                stated.setdefault((int(m.group(1)), m.group(2).replace("预算执行数", "执行数")[:2]), f)
    earlier = next((y for y in q.years if y < doc.year), doc.year - 1)
    kind = "执行" if "执行" in q.squashed else "决算" if "决算" in q.squashed else "预算"
    now, before = stated.get((doc.year, "预算")), stated.get((earlier, kind))
    if now is None or before is None or now.unit != before.unit:
        return None
    gap = now.value - before.value
    rate = pct(gap, before.value) if before.value else None
    name = re.sub(r"^[“\"]|[”\"]$", "", topic)
    a = answer("change", f"{name} {doc.year}年预算 与 {earlier}年{kind}数",
               f"{name}：{doc.year}年预算 {amount_text(now.value, now.unit)}，{earlier}年{kind}数 {amount_text(before.value, before.unit)}"
               f"（{NARRATIVE} 第{before.line}行）；{'增加' if gap >= 0 else '减少'} {amount_text(abs(gap), now.unit)}"
               f"（{now.value} − {before.value}）" + (f"，{'增长' if gap >= 0 else '下降'} {abs(rate)}%（计算，报告没有写变动率）。"
                                                        if rate is not None else "；上一年为 0，没有增长率。"))
    a.figure(f"{doc.year}年预算", now.value, now.unit, NARRATIVE, now.line)
    a.figure(f"{earlier}年{kind}数", before.value, before.unit, NARRATIVE, before.line)
    a.figure("增减额（计算）", gap, now.unit)
    if rate is not None:
        a.figure("变动率（计算）", rate, "%")
    return a


# Words asking what a stated change is made of, or whether its parts add up to it.
_CHANGE_PARTS_ASKED = patterns.compile(r"各|分别|哪几|哪些|几个|几类|几项|加起来|合起来|相加|之和|加总|对得上|对的上|对不对|一致|等于|构成|组成|明细")


def stated_change_parts(doc: Document, total: Fact) -> list[Fact]:
    """The changes the report states as parts of a change (…减少23,616.80万元。其中：财政拨款收入增加…，
    事业收入增加…，其他收入减少…): those after 其中 in its sentence or the sentence opening with 其中 that
    follows it, in the order stated, up to the first change that is no such part."""
    facts = [f for f in doc.facts if f.kind == "change"]
    if total not in facts:
        return []
    parts: list[Fact] = []
    for f in facts[facts.index(total) + 1:]:
        if f.line - total.line > 8 or f.unit != total.unit:
            break
        said = f.sentence.find("其中")
        after = f.sentence == total.sentence
        opening = re.match(r"\s*其中", f.sentence) is not None
        if not (opening or after and 0 <= said < f.sentence.find(f.subject[:4] or "\x00")
                or parts and _after_semicolon(doc, parts[-1], f)):
            break
        parts.append(f)
    return parts


_CHANGES_ADDED = patterns.compile(r"(?:增减|增加额|减少额|变动|变化|减了|增了)[^，。？?]{0,16}(?:加总|相加|加起来|合计|之和|对上|对得上|等于)")


# 哪块收入掉下来了 / 哪项支出增加最多: the part of a stated change that moved most that way.
_PART_MOVED = patterns.compile(r"哪(?:块|项|个|部分|类|一块|一项)[^，。？?]{0,8}?(?<!最)(掉|降|减|少|跌|涨|增|多|升)")  # (最多: the largest, no change)


def part_moved(doc: Document, q: Query) -> Answer | None:
    """The part a stated change lists that moved most the way asked (down: 掉/降/减/少, up: 涨/增/多),
    with the reason the report gives, among the changes of the side named (收入 or 支出)."""
    m = _PART_MOVED.search(q.squashed)
    if m is None:
        return None
    side = "收入" if "收入" in q.squashed else "支出" if "支出" in q.squashed else ""
    down = m.group(1) in "掉降减少跌"
    for total in (f for f in doc.facts if f.kind == "change" and side in f.subject):
        parts = stated_change_parts(doc, total)
        moved = [p for p in parts if (p.value < 0) == down and p.value]
        if len(parts) >= 2 and moved:
            best = max(moved, key=lambda p: abs(p.value))
            reason = stated_reason(doc, best.sentence, best.line, best.subject) or stated_reason(doc, total.sentence, total.line)
            a = answer("change", f"{total.subject} 中{'减少' if down else '增加'}最多的部分",
                       f"{total.subject}比{total.basis}{'增加' if total.value > 0 else '减少'} {amount_text(abs(total.value), total.unit)}，"
                       f"其中{'减少' if down else '增加'}最多的是 {best.subject}，{'减少' if down else '增加'} "
                       f"{amount_text(abs(best.value), best.unit)}（{NARRATIVE} 第{best.line}行）。" + (f"{reason}。" if reason else ""))
            a.figure(f"{best.subject}变动额", abs(best.value), best.unit, NARRATIVE, best.line)
            a.figure(f"{total.subject}变动额", abs(total.value), total.unit, NARRATIVE, total.line)
            return a
    return None


def changes_added(doc: Document, q: Query) -> Answer | None:
    """三项增减加总能对上1,106.89吗 / 两者各自的增减额相加等不等于总的减少额: the change the report states
    (by the amount typed, or of the subject named) with the parts it lists, added against it."""
    if not _CHANGES_ADDED.search(q.squashed):
        return None
    typed = {abs(a.value) for a in q.amounts}
    names = [squash(t.name) for m in q.subjects for t in m.terms]

    def said(subject: str) -> bool:
        return any(n and n in squash(subject) for n in names)

    stated = [(f, parts) for f in doc.facts if f.kind == "change" and len(parts := stated_change_parts(doc, f)) >= 2]
    found = next((s for s in stated if abs(s[0].value) in typed), None) \
        or next((s for s in stated if sum(said(p.subject) for p in s[1]) >= 2), None) \
        or next((s for s in stated if said(s[0].subject)), None)  # (the amount typed, the parts named, the whole named)
    if found is None:
        return None
    a = stated_change(doc, q, found[0])
    add_change_parts(a, *found)
    return a


def _after_semicolon(doc: Document, before: Fact, f: Fact) -> bool:
    """The sentence of ``f`` follows that of ``before`` after a semicolon: the same list goes on
    (其中：基本支出…增加…；项目支出…减少…)."""
    if before.sentence == f.sentence or not 0 <= f.line - before.line <= 4 or not doc.lines:
        return False
    text = "".join(compact(line) for line in doc.lines[max(0, before.line - 1):f.line])
    tail = compact(before.sentence)[-8:]
    at = text.find(tail)
    return at >= 0 and text[at + len(tail):at + len(tail) + 1] in ("；", ";")


def add_change_parts(a: Answer, total: Fact, parts: list[Fact]) -> None:
    """A stated change's parts as stated, added (with their signs) and set against the change."""
    computed = sum((f.value for f in parts), Decimal(0))
    said = "；".join(f"{f.subject}{'增加' if f.value > 0 else '减少'} {amount_text(abs(f.value), f.unit)}" for f in parts)
    signed = " ".join(f"{'+' if f.value > 0 else '−'} {abs(f.value)}" for f in parts).lstrip("+ ")
    agree = "与所述总变动一致" if computed == total.value else f"与所述总变动 {total.value} 相差 {abs(computed - total.value)}"
    a.text += f" 报告列出的其中 {len(parts)} 项变动：{said}；相加 {signed} = {computed} {total.unit}，{agree}。"
    for f in parts:
        a.figure(f"{f.subject}变动额", abs(f.value), f.unit, NARRATIVE, f.line)
    a.figure("其中各项变动之和（计算）", computed, total.unit)
    a.figure("其中变动项数", Decimal(len(parts)), "项")


_WHICH_MOVED = patterns.compile(r"(?:哪|什么|有没有|有无).{0,5}(?:涨|增加|增长|上升|多了|提高|减少|下降|降了|少了)")


def moved(doc: Document, q: Query) -> Answer | None:
    """有没有哪块是涨的 / 哪些减少了: the changes the report states in that direction, each with its reason."""
    m = _WHICH_MOVED.search(q.squashed)
    if m is None or q.subjects:
        return None
    up = bool(re.search(r"涨|增加|增长|上升|多了|提高", m.group()))
    chosen = [f for f in doc.facts if f.kind == "change" and (f.value > 0) == up and f.value]
    chosen = [f for i, f in enumerate(chosen) if all(g.value != f.value for g in chosen[:i])]  # (one change stated twice: once)
    word = "增加" if up else "减少"
    if not chosen:
        return answer("change", f"报告所述{word}的项目", f"报告（{doc.label}）写明的与上年相比的变化中，没有{word}的。")
    parts = []
    for f in chosen:
        reason = stated_reason(doc, f.sentence, f.line, f.subject)
        parts.append(f"{f.subject} 比{f.basis}{word} {amount_text(abs(f.value), f.unit)}" + (f"，{reason}" if reason else "")
                     + f"（{NARRATIVE} 第{f.line}行）")
    a = answer("change", f"报告所述{word}的项目", f"报告写明{word}的有 {len(chosen)} 项：" + "；".join(parts) + "。")
    for f in chosen:
        a.figure(f"{f.subject}变动额", abs(f.value), f.unit, NARRATIVE, f.line)
    a.focus = [Value(f.subject, f.value, f.unit, NARRATIVE, f.line, f"fact:{f.subject}") for f in chosen[:1]]
    return a


def _final_stated(doc: Document, subject: str) -> Fact | None:
    """X支出决算数 where the report says it after X's year-start budget, naming no subject (“三公”经费财政拨款
    支出年初预算为2.85万元，支出决算为0.39万元): that figure."""
    for before, fact in zip(doc.facts, doc.facts[1:]):
        stem = re.sub(r"(?:支出)?年初预算$", "", before.label)
        if fact.kind == "amount" and re.fullmatch(r"(?:支出)?决算数?", fact.label) and stem != before.label \
                and subject.startswith(stem) and re.fullmatch(r"(?:支出)?决算数?", subject[len(stem):]):
            return fact
    return None


def _printed_now(doc: Document, q: Query, subject: str) -> Fact | None:
    """This year's figure of a stated change's subject from the tables, when no sentence states it: the
    question's subject read where it is printed, when it is the one the change is stated of."""
    for m in q.subjects[:1]:
        found = subject_value(doc, q, m)
        if found is not None and squash(found.label.split("（")[0]) == squash(subject):
            return Fact(found.where, found.label, found.amount, found.unit, "amount", found.line, "")
    return None


def stated_change(doc: Document, q: Query, best: Fact) -> Answer:
    rate = next((f for f in doc.facts if f.kind == "rate" and f.subject == best.subject and f.line >= best.line - 1), None)
    # (支出决算 and 支出决算数 are one figure)
    subject = best.subject.removesuffix("数")
    stated = [f for f in doc.facts if f.kind == "amount" and f.label.removesuffix("数") == subject]
    # (the figure its own section states: a section on one fund's spending states that fund's, not the whole's)
    same = [f for f in stated if f.section == best.section]
    current = (same[0] if same else None if "财政拨款" in (best.section or "") else stated[0] if stated else None) \
        or _final_stated(doc, best.subject) or _printed_now(doc, q, subject)
    word = "增加" if best.value > 0 else "减少"
    text = f"{best.subject} 比{best.basis}{word} {amount_text(abs(best.value), best.unit)}"
    a = answer("change", f"{best.subject} 与{best.basis}相比", "")
    if not re.search(r"总计|合计|总额", best.subject):  # (那上年是多少: of it; after a total's change, of the report)
        a.focus = [Value(best.subject, best.value, best.unit, NARRATIVE, best.line, f"fact:{best.subject}")]
    a.figure(f"{best.subject}变动额", abs(best.value), best.unit, NARRATIVE, best.line)
    if rate is not None:
        text += f"，{'增长' if best.value > 0 else '下降'} {abs(rate.value)}%"
        a.figure(f"{best.subject}变动率（报告）", abs(rate.value), "%", NARRATIVE, rate.line)
    if current is not None:
        before = current.value - best.value
        text += f"。本年 {amount_text(current.value, current.unit)}，据此推算{best.basis} {amount_text(before, current.unit)}"
        a.figure(f"{best.basis}数（推算）", before, current.unit)
        if rate is not None and before:
            computed = (abs(best.value) / before * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            if abs(computed - abs(rate.value)) > Decimal("0.01"):
                text += f"；按 {abs(best.value)} ÷ {before} 计算变动率应为 {computed}%，与报告所写 {abs(rate.value)}% 不符"
                a.figure(f"{best.subject}变动率（计算）", computed, "%")
        elif rate is None and before > 0:  # the report states the amount only: the rate, computed and said so
            computed = (abs(best.value) / before * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            text += f"；报告没有写变动率，按 {abs(best.value)} ÷ {before} 计算为{'增长' if best.value > 0 else '下降'} {computed}%"
            a.figure(f"{best.subject}变动率（计算）", computed, "%")
        a.figure(f"{best.subject}（本年）", current.value, current.unit, NARRATIVE, getattr(current, "line", 0))
        if OF_LAST_YEAR.search(q.squashed) and before > 0:  # (相当于上年的百分之几: this year over last)
            ratio = pct(current.value, before)
            text += f"；本年相当于{best.basis}的 {ratio}%（{current.value} ÷ {before}）"
            a.figure(f"{best.subject} 本年相当于{best.basis}（计算）", ratio, "%")
        if q.previous_year:
            text = (f"{best.basis}{best.subject}约为 {amount_text(before, current.unit)}（本年 {current.value} "
                    f"{'减' if best.value > 0 else '加'} {abs(best.value)} 推算）。") + text
    reason = stated_reason(doc, best.sentence, best.line, best.subject) or _reason_of_part(doc, best)
    a.text += text + (f"。{reason}" if reason else "") + f"（{NARRATIVE} 第{best.line}行）。"
    if _ACTUAL_ASKED.search(q.squashed) and "预算" in best.basis and not re.search(r"执行|决算|实际", best.basis):
        a.matched = False  # the earlier year's outturn asked, the change stated against its budget: not the same figure
        head, said, body = a.text.partition("理解：")
        a.text = f"{head}{said}报告（{doc.label}）只把{best.subject}与{best.basis}比较，没有给出那一年的实际支出（执行数或决算数）。{body}"
    if not reason and re.search(r"为什么|为啥|为何|原因|缘故|理由", q.squashed) \
            and not re.search(r"多少|几|百分之|多大|是否|吗|对不对", q.squashed.replace("是什么", "")):
        a.matched = False  # only the reason was asked, and the report gives none: said, the change beside it
        head, said, body = a.text.partition("理解：")
        a.text = f"{head}{said}报告（{doc.label}）没有写明{best.subject}变动的原因。{body}"
    return a


# An earlier year's outturn asked (2025年实际花了多少, 去年执行数), not its budget
_ACTUAL_ASKED = patterns.compile(r"实际(?:花|用|支出|开支|执行|发生)|执行数|执行了|决算数?")


def _reason_of_part(doc: Document, change: Fact) -> str:
    """A change stated without a reason whose whole amount is one part's change stated just below it, with a
    reason (三公经费 减少25万元。其中：…公务用车购置及运行费…减少25万元，主要原因是…): that part's reason, said as its."""
    for f in doc.facts:
        if f.kind == "change" and f is not change and 0 < f.line - change.line <= 6 and f.value == change.value \
                and f.unit == change.unit and f.subject and f.subject != change.subject:
            reason = stated_reason(doc, f.sentence, f.line, f.subject)
            if reason:
                part = re.sub(r"^[（(][一二三四五六七八九十\d]+[）)]", "", f.subject)
                return f"（报告在其中「{part}」处说明）{reason}"
    return ""


def rate_only(doc: Document, rate: Fact, asked: str = "") -> Answer:
    """A change stated only as a percentage (比2025年预算执行数减少1.58%), with its stated reason (and, where the
    question ``asked`` names another earlier amount the paragraph lists, the difference from that one)."""
    subject = (rate.topic or "").lstrip("0123456789.、“ ") or rate.subject or "所述项目"
    reason = stated_reason(doc, rate.sentence, rate.line)
    a = answer("change", f"{subject} 的变动率", f"{subject}：{'增长' if rate.value > 0 else '下降'} {abs(rate.value)}%。"
               f"原文：{rate.sentence[:80]}{'。' + reason if reason else ''}（{NARRATIVE} 第{rate.line}行）。")
    a.figure(f"{subject}变动率（报告）", abs(rate.value), "%", NARRATIVE, rate.line)
    computed = _stated_with_rate(doc, rate, a, asked)
    if computed is None and not _implied_earlier(rate, a):
        _earlier_of_gap(rate, a)
    if computed is not None:  # judged as `budgetqa check` judged it: its finding on this line, if any
        found = next((f for f in doc.findings if f.unit == "%" and rate.line in f.lines), None)
        a.text += f"按这两数算得变动率 {computed}%" + (
            f"，报告写 {rate.value}%：{SEVERITY_LABEL[found.severity]}。" if found else "，与报告所写一致。")
        a.figure(f"{subject}变动率（按所列两数计算）", abs(computed), "%")
    return a


_YEAR_AMOUNT = patterns.compile(r"(20\d\d年度?[\u4e00-\u9fff]{0,10}?)(?:为)?\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|元)")


_GAP_WITH_RATE = patterns.compile(r"(增加|减少|增长|下降)\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|元)")


def _earlier_of_gap(rate: Fact, a: Answer) -> None:
    """A rate stated with the change's amount (减少0.15万元，下降27.78%): the earlier year's amount they imply,
    worked back (0.15 ÷ 27.78%)."""
    found = list(_GAP_WITH_RATE.finditer(rate.sentence))
    if len(found) != 1 or not rate.value:
        return
    gap, unit = Decimal(found[0].group(2).replace(",", "")), found[0].group(3)
    implied = (gap / abs(rate.value) * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    a.text += f"据此倒推，上年约为 {amount_text(implied, unit)}（{gap} ÷ {abs(rate.value)}%，计算）。"
    a.figure("上年（按变动额与变动率倒推）", implied, unit)


def _implied_earlier(rate: Fact, a: Answer) -> bool:
    """A rate stated with this year's amount alone (2024年度决算数为1,816.77万元，比2023年度决算数增长107.39%):
    the earlier year's amount it implies, worked back (1816.77 ÷ (1 + 107.39%))."""
    found = list(_YEAR_AMOUNT.finditer(rate.sentence))
    before = re.search(r"比\s*(20\d\d年度?[\u4e00-\u9fff]{0,8}?)(?:增长|增加|减少|下降|提高|降低)", rate.sentence)
    if len(found) != 1 or before is None or rate.value <= -100:
        return False
    label, unit = found[0].group(1), found[0].group(3)
    current = Decimal(found[0].group(2).replace(",", ""))
    implied = (current / (1 + rate.value / 100)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    a.text += (f"据此倒推，{before.group(1)}约为 {amount_text(implied, unit)}"
               f"（{label} {current} ÷ (1 {'+' if rate.value >= 0 else '−'} {abs(rate.value)}%)，计算）。")
    a.figure(f"{before.group(1)}（按变动率倒推）", implied, unit)
    return True


def _stated_with_rate(doc: Document, rate: Fact, a: Answer, asked: str = "") -> Decimal | None:
    """The amounts the rate's paragraph states by year (2026年度预算, 2025年度预算, 2025年当年预算执行数),
    as printed, and the difference of the two amounts the rate compares, computed; the rate they give."""
    sentences = list(dict.fromkeys(f.sentence for f in doc.facts if f.kind == "amount" and rate.topic
                                   and f.topic == rate.topic and abs(f.line - rate.line) <= 4))
    stated: dict[tuple[str, Decimal], tuple[str, int]] = {}
    for sentence in sentences or [rate.sentence]:
        line = next(f.line for f in doc.facts if f.sentence == sentence)
        for m in _YEAR_AMOUNT.finditer(sentence):
            stated.setdefault((m.group(1), Decimal(m.group(2).replace(",", ""))), (m.group(3), line))
    if len(stated) < 2:
        return None
    a.text += "该段所列：" + "；".join(f"{label} {amount_text(value, unit)}" for (label, value), (unit, _) in stated.items()) + "。"
    for (label, value), (unit, line) in stated.items():
        a.figure(label, value, unit, NARRATIVE, line)
    values = {value for _, value in stated}
    heading = next((f for f in sorted(doc.facts, key=lambda f: f.line) if f.kind == "amount" and rate.topic
                    and f.topic == rate.topic and 0 <= rate.line - f.line <= 4 and f.value not in values), None)
    if heading is not None:  # the paragraph's own heading figure, when it is none of the yearly ones (208.8 vs 201.50)
        a.text += f"段首另写 {amount_text(heading.value, heading.unit)}（第{heading.line}行），与上列各数都不相同。"
        a.figure(f"{heading.label}（段首所写）", heading.value, heading.unit, NARRATIVE, heading.line)
    compared = [(m.group(1), Decimal(m.group(2).replace(",", "")), m.group(3)) for m in _YEAR_AMOUNT.finditer(rate.sentence)]
    _against_other_bases(doc, stated, compared, a, asked)
    if len(compared) == 2 and compared[0][2] == compared[1][2]:
        (before_label, before, unit), (after_label, after, _) = compared
        gap = after - before
        a.text += (f"{after_label} 比 {before_label} {'多' if gap > 0 else '少'} {amount_text(abs(gap), unit)}"
                   f"（{after} − {before}，计算）。")
        a.figure(f"{after_label}与{before_label}之差（计算）", abs(gap), unit)
        if before:
            computed = pct(gap, before)
            explained = heading is not None and heading.unit == unit and abs(computed - rate.value) > Decimal("0.01") \
                and abs(pct(heading.value - before, before) - rate.value) <= Decimal("0.01")
            if explained:
                a.text += (f"报告写的 {rate.value}% 与段首的 {amount_text(heading.value, unit)} 对 {before_label} 相符"
                           f"（({heading.value} − {before}) ÷ {before}，计算），是按段首数算的。")
            elif abs(computed - rate.value) > Decimal("0.01") and rate.value > -100:
                implied = (after / (1 + rate.value / 100)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
                a.text += (f"若报告写的 {rate.value}% 无误，{before_label} 应为 {amount_text(implied, unit)}"
                           f"（{after} ÷ (1 + {rate.value}%)，计算）。")
                a.figure(f"{before_label}（按报告所写变动率倒推）", implied, unit)
            return computed
    return None


def _against_other_bases(doc: Document, stated: dict, compared: list, a: Answer, asked: str) -> None:
    """The report's year's amount against an earlier one the paragraph lists and the question names, which its
    rate does not compare with (比2025年预算少了多少, the rate being of the 2025年当年预算执行数): the difference."""
    own = next(((label, value, unit) for (label, value), (unit, _) in stated.items()
                if doc.year and label.startswith(str(doc.year))), None)
    if own is None or not asked:
        return
    said = asked.replace("年度", "年")
    used = {(label, value) for label, value, _ in compared}
    for (label, value), (unit, _) in stated.items():
        if (label, value) in used or unit != own[2] or not doc.year or label.startswith(str(doc.year)) \
                or not re.match(r"20\d\d", label) or int(label[:4]) >= doc.year or squash(label).replace("年度", "年") not in said:
            continue
        gap = own[1] - value
        a.text += f"{own[0]} 比 {label} {'多' if gap > 0 else '少'} {amount_text(abs(gap), unit)}（{own[1]} − {value}，计算）。"
        a.figure(f"{own[0]}与{label}之差（计算）", abs(gap), unit)


# --------------------------------------------------------------------------- the last two results
# Words that take the last two answers as the two things compared or added (哪个多, 这两块加一块).
_TWO = patterns.compile(r"两(?!位)|二者|俩|哪个(?:多|少|大|小|高|低|更)|谁(?:多|少|大|高)")


def _subject(what: str) -> str:
    """The subject of what an answer understood: 'X 的立项依据', 'X 年度资金总额', '表2 收入决算表 X' → X."""
    return re.split(r" 的| ", re.sub(r"^表\d+ \S+ ", "", what), maxsplit=1)[0]


def _unqualified(what: str) -> str:
    """The subject without the table it was read in ('基本支出（支出决算表）' → 基本支出)."""
    return re.sub(r"[（(][^（）()]*表[）)]$", "", _subject(what))


_RATE_WORDS = patterns.compile(r"降幅|增幅|涨幅|增长率|下降率|变动率|增速|百分点")


def rate_gap(q: Query, rates: list) -> Answer | None:
    """这两个降幅差几个百分点: the last two rates of change answers gave, one less the other (in points)."""
    if len(rates) < 2 or not _RATE_WORDS.search(q.squashed) or not _TWO.search(q.squashed):
        return None
    (what_a, a), (what_b, b) = rates[-2:]
    gap = abs(a.value - b.value)
    out = answer("difference", f"{what_a} 与 {what_b} 的变动率",
                 f"{a.label} {a.value}% 与 {b.label} {b.value}% 相差 {gap} 个百分点（{max(a.value, b.value)} − {min(a.value, b.value)}）。")
    out.figure("相差（百分点，计算）", gap, "个百分点")
    return out


# 比44.90%高几个百分点 / 跟30%差多少个百分点: a percentage typed, set against the one just given
_POINTS_AGAINST = patterns.compile(r"(?:比|跟|和|与|较)[^，,？?]{0,12}?\d+(?:\.\d+)?%[^，,？?]{0,4}?"
                             r"(?:高|低|多|少|差|相差|超|超出|变化|变动|提高|下降|上升|增加|减少)了?(?:几|多少)个?百分点")


def points_against(q: Query, figures: list) -> Answer | None:
    """A percentage the question types, set against the one share or rate the last answer gave: their
    difference in percentage points (the typed one may be another report's; it is taken as typed), or
    whether it passes the limit typed (是不是超过一半, 不到三成吧)."""
    limit = len(q.percents) == 1 and q.comparator in PASSES and not q.subjects and q.op in ("check", "filter", "share") \
        and not re.search(r"哪|几个|几项|多少个|有哪些", q.squashed)  # (哪几个科目完成不到95%: those of the report)
    if len(q.percents) != 1 or not (_POINTS_AGAINST.search(q.squashed) or limit):
        return None
    shares = sorted((f for f in figures if f.unit == "%"), key=lambda f: f.label.startswith("报告所述"))  # (the computed one first)
    if not shares:
        return None
    given, typed = shares[0].value, q.percents[0]
    if limit and not _POINTS_AGAINST.search(q.squashed):
        word, passes = PASSES[q.comparator]
        out = answer("check", f"{shares[0].label} 与 {typed}%",
                     f"{shares[0].label} {given}%，{'' if passes(given, typed) else '没有'}{word} {typed}%。")
        out.figure(shares[0].label, given, "%")
        return out
    gap = given - typed
    word = "高" if gap > 0 else "低" if gap < 0 else "持平，相差"
    out = answer("difference", f"{shares[0].label} 与所给 {typed}%",
                 f"{shares[0].label} {given}% 比所给的 {typed}% {word} {abs(gap)} 个百分点（{given} − {typed}，计算）。")
    out.figure("相差（百分点，计算）", abs(gap), "个百分点")
    return out


def exact_amounts_typed(q: Query) -> list:
    """The amounts of money the question types as exact figures, in 元 or 万元 (not 14亿多 or 300左右,
    and not a count or a share)."""
    return [t for t in q.amounts if t.unit in ("万元", "元") and not re.match(r"[个项张类款%]|多|余|左右|来|上下",
                                                                         q.squashed[t.end:t.end + 2])]


def against_typed(q: Query, a: Answer, rate: bool = False) -> None:
    """A difference asked between one figure found and one amount the question types (比142.80万少多少,
    对方是142.80万，两家差多少): the gap is added to the answer; the typed amount is taken as typed. ``rate``: a
    change asked, so its rate too."""
    typed = exact_amounts_typed(q)
    money = [f for f in a.figures if f.unit in ("万元", "元") and "计算" not in f.label]
    if len(typed) != 1 or len({f.value for f in money}) != 1:
        return
    head, other = money[0], typed_value(typed[0], money[0].unit)
    if other == head.value:
        return
    diff = head.value - other
    a.intent = "difference"
    a.text += (f" 与所给的 {typed[0].value}{typed[0].unit or head.unit} 相比，{'多' if diff > 0 else '少'} "
               f"{amount_text(abs(diff), head.unit)}（{head.value} − {other}，计算）")
    a.figure("与所给数的差额（计算）", abs(diff), head.unit)
    if rate and other:  # (比2021年的398593.09万元增长百分之几: the rate, of the amount typed)
        change = pct(diff, other)
        a.text += f"，{'增长' if diff > 0 else '下降'} {abs(change)}%（{diff} ÷ {other} × 100）"
        a.figure("与所给数相比的变动率（计算）", change, "%")
    a.text += "。"


# A gap asked naming nothing (差了多少, 相差多少, 它们之间差多少钱, 差额呢): of the two figures just given.
_BARE_GAP = patterns.compile(r"(?:那|那么)?(?:两者|二者|它们|他们)?(?:之间|相互)?(?:相)?差(?:了|额|距)?(?:是|有)?"
                       r"(?:多少|几多|几何|多大|有多大)?(?:钱|万元?|元)?(?:呢|啊|呀)?")


def pair_shown(q: Query, figures: list) -> Answer | None:
    """两者差多少 / 两者加起来 after one answer that gave two figures of two tables (a name's income and
    spending), or 增加了多少 after a name's figures at the year's start and end: those two."""
    shown = [f for f in figures if "计算" not in f.label and "折合" not in f.label]
    if len(shown) > 2 and q.op == "difference" and _BARE_GAP.fullmatch(q.squashed) and _budget_and_outturn(*shown[:2]):
        shown = shown[:2]  # (a table row's 预算数 and 决算数 given first, then its lines': that row's two)
    if q.subjects or len(shown) != 2 or shown[0].unit != shown[1].unit:
        return None
    a, b = shown
    # (年初X、年末X分别多少？一年下来增加了多少: the year's change of X, from its two ends)
    ends = re.sub(r"年初|期初", "", a.label) == re.sub(r"年末|期末", "", b.label) and a.label != b.label
    summed = any(f.label == "合计（计算）" for f in figures)  # (两项加总, then 相差多少: the gap of the two added)
    if not (q.op in ("difference", "sum") and re.search(r"两者|二者|这两个|两个数|这俩", q.squashed) and a.table != b.table
            or ends and q.op in ("difference", "change", "value") and re.search(r"增|减|变|差|多了|少了", q.squashed)
            or summed and q.op == "difference" and not re.search(r"上面|刚才|前面|之前|上一个|上个", q.squashed)
            or q.op == "difference" and _BARE_GAP.fullmatch(q.squashed) and (a.table, a.line) == (b.table, b.line)):
        # (a bare gap: of two figures one line states, a budget and its outturn)
        return None
    said = f"{a.label} {amount_text(a.value, a.unit)}（{a.table} 第{a.line}行），{b.label} {amount_text(b.value, b.unit)}（{b.table} 第{b.line}行）"
    if q.op == "sum" and not ends:
        out = answer("sum", f"{a.label} + {b.label}", f"{said}，合计 {amount_text(a.value + b.value, a.unit)}（计算）。")
        out.figure("两者合计（计算）", a.value + b.value, a.unit)
    else:
        out = answer("difference", f"{a.label} 与 {b.label}",
                     f"{said}，相差 {amount_text(abs(a.value - b.value), a.unit)}（{max(a.value, b.value)} − {min(a.value, b.value)}）。")
        out.figure("差额（计算）", abs(a.value - b.value), a.unit)
    for f in (a, b):
        out.figure(f.label, f.value, f.unit, f.table, f.line)
    return out


def _budget_and_outturn(a, b) -> bool:
    """Two figures of one name and line, its budget and its outturn (合计 预算数, 合计 决算数)."""
    return (a.table, a.line, a.unit) == (b.table, b.line, b.unit) and a.label.endswith("预算数") and b.label.endswith("决算数") \
        and a.label[:-3] == b.label[:-3]


def _second_of_first(results: list) -> Answer | None:
    """收进来多少，花出去多少，花了几成: one name's figures in two tables (income, then spending), the second as a
    share of the first."""
    (what_a, a, _), (what_b, b, _) = results
    if _subject(what_a) != _subject(what_b) or a.table == b.table or a.unit != b.unit or not a.value:
        return None
    out = answer("share", f"{what_b} 占 {what_a}", f"{what_a} {amount_text(a.value, a.unit)}，{what_b} "
                 f"{amount_text(b.value, b.unit)}：后者是前者的 {pct(b.value, a.value)}%（{b.value} ÷ {a.value} × 100）。")
    out.figure(f"{what_b}占{what_a}的比例", pct(b.value, a.value), "%")
    return out


def of_last_results(doc: Document, q: Query, last_figures: list, results: list) -> Answer | None:
    """A question naming nothing of the figures the last answers gave: two the last one showed (哪个多), the
    last two results (两者差多少 after two sums), or three or more of them (三家加起来)."""
    return pair_shown(q, last_figures) or last_two(doc, q, results) or last_several(doc, q, results)


# Three or more of the last answers' figures pointed at together (三家加起来, 这四个数里最大的比最小的多多少).
_SEVERAL = patterns.compile(r"([三四五])(?:家|个部门|份报告|个报告|个数|个结果|(?:项|个|笔)(?=合计|加起来|加在一起|之和|一共|总共|合起来))"
                           r"|这几家|这几个数")
_EXTREMES_GAP = patterns.compile(r"最(?:大|多|高)[^，,。？?]{0,8}(?:比|和|与|跟)[^，,。？?]{0,6}最(?:小|少|低)")
_SMALL = {"三": 3, "四": 4, "五": 5}


def last_several(doc: Document, q: Query, results: list) -> Answer | None:
    """三家加起来多少 / 三家里最大的比最小的多多少, naming nothing: the figures the last answers gave (one each,
    in 万元 when some are in 元), added, or the largest less the smallest."""
    said = _SEVERAL.search(q.squashed)
    if said is not None and re.search(r"[项个笔]$", said.group(0)) and q.op != "share":
        return None  # (四项加起来是不是等于X: the items its line named, checked elsewhere)
    said_at = q.squashed.find("占")
    if said is None or (q.subjects or q.whole is not None) and not (
            q.op == "share" and said_at > said.start() and all(m.start > said_at for m in q.subjects)):
        return None  # (A、B、C三项合起来占X: those named, not the last answers; 三项合计占X: the last three)
    n = _SMALL[said.group(1)] if said.group(1) else min(len(results), 5)
    if len(results) < n or n < 3:
        return None
    picked = [(what, f.value / 10000 if f.unit == "元" else f.value, "万元" if f.unit == "元" else f.unit)
              for what, f, _ in results[-n:]]
    if len({unit for _, _, unit in picked}) != 1:
        return None
    unit = picked[0][2]
    values = [(what, plain(x)) for what, x, _ in picked]
    listed = "；".join(f"{what} {amount_text(x, unit)}" for what, x in values)
    if q.op == "share" and "占" in q.squashed and (q.whole is not None or len(q.subjects) == 1):
        whole = subject_value(doc, q, q.whole or q.subjects[0])  # (三项合计占本年项目支出的比例: their sum, of it)
        if whole is None or not whole.amount or whole.unit != unit:
            return None
        added = sum((x for _, x in values), Decimal(0))
        a = answer("share", f"这 {n} 个数之和 占 {whole.label}",
                   f"{listed}。合计 {amount_text(added, unit)}，占 {whole.label} {amount_text(whole.amount, unit)} 的 "
                   f"{pct(added, whole.amount)}%（{added} ÷ {whole.amount} × 100）。")
        a.figure("合计（计算）", added, unit)
        a.figure("占比（计算）", pct(added, whole.amount), "%")
        add(a, whole)
    elif _EXTREMES_GAP.search(q.squashed):
        (top, high), (bottom, low) = max(values, key=lambda p: p[1]), min(values, key=lambda p: p[1])
        a = answer("difference", f"这 {n} 个数中最大的减最小的",
                   f"{listed}。最大的 {top} {amount_text(high, unit)} 比最小的 {bottom} {amount_text(low, unit)} "
                   f"多 {amount_text(high - low, unit)}（{high} − {low}）。")
        a.figure("差额（计算）", high - low, unit)
    elif lexicon.ADDED.search(q.squashed):
        whole = sum((x for _, x in values), Decimal(0))
        a = answer("sum", f"这 {n} 个数之和", f"{listed}。合计 {amount_text(whole, unit)}（" + " + ".join(str(x) for _, x in values) + "）。")
        a.figure("合计（计算）", whole, unit)
    else:
        return None
    for what, x in values:
        a.figure(what, x, unit)
    return a


def names_last_two(q: Query, results: list) -> bool:
    """A比B多多少 where A and B are the two columns just asked of one row (X的财政拨款和事业收入各多少): the
    question names the last two results by their columns."""
    if len(results) < 2 or len(q.subjects) != 2 or q.whole is not None or q.op not in ("difference", "ratio"):
        return False
    (what_a, _, _), (what_b, _, _) = results[-2:]
    if _subject(what_a) != _subject(what_b):
        return False
    columns = [what_a.rsplit(" ", 1)[-1], what_b.rsplit(" ", 1)[-1]]
    typed = [q.squashed[m.start:m.end] for m in q.subjects]
    hits = [[c for c in columns if len(t) >= 2 and (t in c or c in t)] for t in typed]
    return all(len(h) == 1 for h in hits) and hits[0] != hits[1]


def last_two(doc: Document, q: Query, results: list) -> Answer | None:
    """两者差多少 / 哪个多 / 这两块加一块占人员经费多少, when one of the last two answers was itself
    computed (a sum of several items): those two results compared, added, divided, or their sum's share
    of the figure named."""
    if len(results) >= 2 and q.op == "share" and not q.subjects and q.whole is None and not _TWO.search(q.squashed):
        return _second_of_first(results[-2:])
    if len(results) < 2 or not (_TWO.search(q.squashed) or not q.subjects and q.op == "difference" or names_last_two(q, results)):
        return None
    (what_a, a, intent_a), (what_b, b, intent_b) = results[-2:]
    if a.unit != b.unit:
        return None
    named = [q.whole] if q.whole is not None else q.subjects
    summed = q.op == "check" and (len(q.amounts) == 1 and not named or len(named) == 1 and not q.amounts) \
        and bool(re.search(r"加|合计|之和|一共|合起来|总和", q.squashed))
    if not (summed or "sum" in (intent_a, intent_b)
            or _unqualified(what_a) == _unqualified(what_b) and (a.label != b.label or a.table != b.table)):
        return None  # (two figures of one subject, 年度 and 实施期资金 or two tables': the two results; else the two subjects)
    if q.whole is not None and q.subjects:
        return None  # 差旅费占公用经费多少: a part of its own is named
    unit = a.unit
    shown = f"{what_a} {amount_text(a.value, unit)}，{what_b} {amount_text(b.value, unit)}"
    if summed:  # 两者相加是否等于1015.19 / 这两个加起来是不是公用经费: their sum against it
        if q.amounts:
            typed, said_whole = typed_value(q.amounts[0], unit), "所问"
            against = str(q.amounts[0].value)
        else:
            whole = subject_value(doc, q, named[0])
            if whole is None or whole.unit != unit:
                return None
            typed, said_whole = whole.amount, f"{whole.label}（{whole.where} 第{whole.line}行）"
            against = whole.label
        out = answer("check", f"{what_a} + {what_b} 是否等于 {against}",
                     f"{shown}，合计 {amount_text(a.value + b.value, unit)}；{said_whole} {amount_text(typed, unit)}："
                     f"{verdict(typed, [a.value, b.value], unit)}。")
        out.figure("两者合计（计算）", a.value + b.value, unit)
        if a.value + b.value != typed:
            out.figure("差额", abs(a.value + b.value - typed), unit)
        return out
    if q.op == "check" and not named and not q.amounts:  # 这两个数对得上吗 / 两者一样吗: one against the other
        gap = abs(a.value - b.value)
        out = answer("check", f"{what_a} 与 {what_b} 是否一致", f"{shown}：" + (
            "两者一致。" if not gap else
            f"两者不一致，相差 {amount_text(gap, unit)}（{max(a.value, b.value)} − {min(a.value, b.value)}）。"))
        if gap:
            out.figure("差额（计算）", gap, unit)
        out.figure(what_a, a.value, unit)
        out.figure(what_b, b.value, unit)
        return out
    if q.op == "share" and len(named) == 1:
        whole = subject_value(doc, q, named[0])
        if whole is None or whole.unit != unit or not whole.amount:
            return None
        total = a.value + b.value
        out = answer("share", f"{what_a} 与 {what_b} 之和 占 {whole.label}",
                     f"{shown}，合计 {amount_text(total, unit)}，占 {whole.label} {amount_text(whole.amount, unit)} 的 "
                     f"{pct(total, whole.amount)}%（{total} ÷ {whole.amount} × 100）。")
        out.figure("两者合计（计算）", total, unit)
        out.figure("占比（计算）", pct(total, whole.amount), "%")
        return out
    if q.op == "sum" or re.search(r"加|合计|一共|总共", q.squashed):
        out = answer("sum", f"{what_a} + {what_b}", f"{shown}，合计 {amount_text(a.value + b.value, unit)}。")
        out.figure("两者合计（计算）", a.value + b.value, unit)
        return out
    if q.op in ("difference", "rank", "value", "ratio", "share"):
        big = what_a if a.value >= b.value else what_b
        gap = abs(a.value - b.value)
        out = answer("difference", f"{what_a} 与 {what_b} 比较",
                     f"{shown}；{big}多，多 {amount_text(gap, unit)}" + (
                         f"，是后者的 {(max(a.value, b.value) / min(a.value, b.value)).quantize(Decimal('0.01'))} 倍。"
                         if min(a.value, b.value) > 0 else "。"))
        out.figure("两者之差（计算）", gap, unit)
        return out
    return None


_ON_RESULT = patterns.compile(r"^(?:那|那么)?再?加上|^(?:那|那么)?再?把[^，,。？?]{1,16}?(?:加|算|计|放)(?:进去|进来|上|入)"
                        r"|^(?:这|那)(?:几|[两三四五六七八九十\d]{1,2})?(?:项|个|类|款|笔|些|块)(?:数|数字|金额|钱)?(?:加起来|合起来|合计|一共)?占"
                        r"|^(?:那|它|其)?占(?!比)"
                        r"|^(?:那)?(?:它们|它俩|这(?:几|[两三四五六七八九十\d]{1,2})?(?:项|个|类|款|笔|些|块))(?:加起来|合起来|合计|一共|之和)?"
                        r"(?:的合计)?比(?=[^，,。？?]*(?:多|少|差|高|低))"
                        r"|^(?:那|那么)?比(?=[^，,。？?]*(?:多|少|差|高|低))"
                        r"|^(?:那|那么)?(?:跟|和|与)[^，,。？?]{1,24}?(?:相?比|相?差)")
# (…加起来多少？比X少多少 / 跟X差多少: the sum against X)
_AGAINST = patterns.compile(r"比[^，,。？?]*(?:多|少|差|高|低)|(?:跟|和|与)[^，,。？?]{1,24}?(?:相?比|相?差)")


def on_last_result(doc: Document, q: Query, results: list) -> Answer | None:
    """再加上X呢 / 这几项占X比重 / 它们比X多多少 after a computed total (a filter's or a sum's): that total
    with X added, its share of X, or its difference from X."""
    while len(results) > 1 and results[-1][2] == "share":
        results = results[:-1]  # (这三项占人员经费多少？再把X算进去: the total the share was of)
    if not results or not _ON_RESULT.search(q.squashed) or not (
            results[-1][2] in ("filter", "sum") or results[-1][1].label == "合计（计算）"):
        return None  # (a ranking's first items added: 前三大加起来多少？占本年项目的多少)
    what, total, _ = results[-1]
    named = [q.whole] if q.whole is not None else q.subjects
    if not named and len(q.amounts) == 1 and (q.op == "share" or "占" in q.squashed or _AGAINST.search(q.squashed)):
        # 这三类合起来占550.51的百分之几 / 跟1084.38相差多少: against the figure typed
        typed = typed_value(q.amounts[0], total.unit)
        other = Value("所问金额", typed, total.unit, "所问", 0, "typed")
    elif len(named) != 1:
        return None
    else:
        other = subject_value(doc, q, named[0])
    if other is None or other.unit != total.unit:
        return None
    shown = f"{what} {amount_text(total.value, total.unit)}"
    if _AGAINST.search(q.squashed) and "占" not in q.squashed:  # 它们比绩效工资多多少
        gap = total.value - other.amount
        a = answer("difference", f"{what} 与 {other.label}",
                   f"{shown}，比 {said(other)} {'多' if gap >= 0 else '少'} {amount_text(abs(gap), total.unit)}"
                   f"（{total.value} − {other.amount}）。")
        a.figure("差额（计算）", abs(gap), total.unit)
    elif q.op == "share" or "占" in q.squashed:
        if not other.amount:
            return None
        rate = pct(total.value, other.amount)
        a = answer("share", f"{what} 占 {other.label}",
                   f"{shown}，占 {said(other)} 的 {rate}%（{total.value} ÷ {other.amount} × 100）。")
        a.figure("占比（计算）", rate, "%")
    else:
        a = answer("sum", f"{what} + {other.label}",
                   f"{shown}，加上 {said(other)}，合计 {amount_text(total.value + other.amount, total.unit)}"
                   f"（{total.value} + {other.amount}）。")
        a.figure("合计（计算）", total.value + other.amount, total.unit)
    if other.key != "typed":
        add(a, other)
    return a


_THESE = patterns.compile(r"(?:这|^(?:那)?(?=[两三四五六七八九十\d]+(?:个|项|类|大类|款|笔|块)))(?:([两三四五六七八九十\d]+)|几|些)"
                    r"(?:个|项|类|大类|款|笔|块)|^(?:那)?(?:它们|它俩)")  # (这两个 / 两个加起来 / 它们)


_FIRST_N = patterns.compile(r"^(?:那|这)?(?:列表里|上面|刚才)?(?:的)?前([两二三四五六七八九十\d]{1,2})(?:大)?(?:个|项|名|笔|位|(?![年季月天]))")


def _count_said(said: str) -> int:
    """A count typed in digits or Chinese numerals (3, 三, 两)."""
    return int(said) if said.isdigit() else chinese_ordinal(said.replace("两", "二"))


def first_n(q: Query) -> int | None:
    """How many first items of the last list 前三个加起来多少 adds (None when it adds no first items)."""
    m = _FIRST_N.match(q.squashed)
    if m is None or not re.search(r"加|合计|一共|总共|之和|总和|合起来", q.squashed):
        return None
    return _count_said(m.group(1))


def _first_of_listed(doc: Document, q: Query, listed: list[str], amounts: list, unit: str) -> Answer | None:
    """前三个加起来多少(，占X多少) after a list: the first items as the list showed them, added, and the
    sum's share of the whole named."""
    n = first_n(q)
    if n is None or not 2 <= n <= len(listed):
        return None
    computed = sum(amounts[:n], Decimal(0))
    shown = " + ".join(f"{name} {x}" for name, x in zip(listed[:n], amounts[:n])) + f" = {amount_text(computed, unit)}"
    whole = subject_value(doc, q, q.whole) if q.whole is not None else None
    if whole is not None and whole.unit == unit and whole.amount:
        a = answer("share", f"前 {n} 项之和 占 {whole.label}",
                   f"{shown}，占 {whole.label} {amount_text(whole.amount, unit)} 的 {pct(computed, whole.amount)}%"
                   f"（{computed} ÷ {whole.amount} × 100，{whole.where}）。")
        a.figure("占比（计算）", pct(computed, whole.amount), "%")
        add(a, whole)
    else:
        a = answer("sum", f"前 {n} 项之和", f"{shown}。")
    a.figure("合计（计算）", computed, unit)
    return a


# How many the last list showed, asked pointing at it (刚才那些一共几个, 这样的有几个, 符合条件的几项) or with
# nothing else said (一共几个？): the list's own count, whatever the list was of.
_LISTED_POINTER = patterns.compile(r"这些|那些|刚才|上面|上述|以上|这样的|这几|那几|它们|符合|满足|筛出|列出的|列的")
_BARE_COUNT = patterns.compile(r"(?:那|那么)?(?:你|帮我)?(?:数一?数|数一下|点一下|算一下)?(?:看)?(?:一共|总共|共|总计)?(?:有)?"
                         r"(?:几个|几项|几条|几笔|多少个|多少项|计数|个数)(?:呢|啊|吧)?[？?]?")  # (计数: a spreadsheet's word)


def _count_of_listed(q: Query, listed: list[str], amounts: list, unit: str | None) -> Answer | None:
    """The count of the items the last list showed, with their amounts kept in its rows."""
    if q.op != "count" or len(listed) < 2 or any(m.via != "whole" for m in q.subjects) or q.comparator is not None \
            or not (_LISTED_POINTER.search(q.squashed) or _BARE_COUNT.fullmatch(q.squashed)) \
            or not re.search(r"(?<![这那])几(?:个|项|条|笔|类|款|块)?|多少个|多少项|个数|计数|数量", q.squashed):
        return None  # (这几项加起来是多少: 这几项 points at the list, it counts nothing)
    a = answer("count", "上面所列的项", f"上面所列的共 {len(listed)} 项：{'、'.join(listed)}。")
    a.figure("个数", Decimal(len(listed)), "个")
    if unit is not None and len(amounts) == len(listed):  # (the items with their amounts: …几个？合计多少 adds them)
        a.columns = ["序号", "名称", "金额", "单位"]
        a.rows = [[i, n, x, unit] for i, (n, x) in enumerate(zip(listed, amounts), 1)]
    return a


# A ranking asked in words of its order (按金额排一下, 从大到小排, 排个序).
_SORT_ASKED = patterns.compile(r"排(?:一下|一排|个序|序|列|名|开)|(?:从|由)(?:大到小|小到大|高到低|低到高|多到少|少到多)")


def _sorted_listed(q: Query, listed: list[str], amounts: list, unit: str, narrowed: bool) -> Answer | None:
    """按金额排一下 / 前两个是哪些 right after a filter, naming nothing of its own: the items it picked out,
    ranked (a ranking of their whole kind would bring back those the filter left out)."""
    if not narrowed or q.op != "rank" or q.subjects or q.table is not None or q.scope or q.domain or q.nth \
            or not (q.n and q.n > 0 or _SORT_ASKED.search(q.squashed)):
        return None
    order = sorted(zip(listed, amounts), key=lambda pair: pair[1], reverse=not q.ascending)[:q.n or len(listed)]
    way = "从小到大" if q.ascending else "从大到小"
    a = answer("rank", f"上面所列的 {len(listed)} 项，按金额{way}",
               "；".join(f"{i}. {n} {amount_text(x, unit)}" for i, (n, x) in enumerate(order, 1)) + "。")
    a.columns = ["名次", "名称", "金额", "单位"]
    a.rows = [[i, n, x, unit] for i, (n, x) in enumerate(order, 1)]
    return a


# More of a ranking asked after its first places (还有吗, 还有哪些, 还有别的吗): the places after them.
_MORE_LEFT = patterns.compile(r"^(?:那)?还有(?:吗|呢|哪些|哪几个|别的吗|其他的吗|没有)[？?]?$")


_WITHIN_LISTED = patterns.compile(r"(?:那|那么)?(?:其中|这里面|这里头|这些里|这些中|这几个里|这几项里|这几个中|这几项中|里面|当中)")


def _listed_holding(q: Query, listed: list[str], amounts: list, unit: str | None) -> Answer | None:
    """其中名字带“司法”的呢 right after a list: those of its items whose names hold (or lack) the words."""
    if not q.name_holds or q.subjects or q.whole is not None or len(listed) < 2 or len(amounts) != len(listed) \
            or not _WITHIN_LISTED.match(q.squashed):
        return None  # (改善基本办学条件专项有几个项目: of the report's list, not only the one shown)
    word = squash(q.name_holds)
    picked = [(n, x) for n, x in zip(listed, amounts) if (word in squash(n)) != q.name_lacks]
    if not picked or len(picked) == len(listed):
        return None  # (none or all of them: a question of the report's names, not of this list)
    said = f"上面所列的 {len(listed)} 项中名称{'不' if q.name_lacks else ''}含「{q.name_holds}」的"
    shown = "、".join(f"{n} {amount_text(x, unit) if x is not None and unit else ''}".strip() for n, x in picked)
    a = answer("filter", said, f"{said}有 {len(picked)} 个：{shown}。")
    for n, x in picked:
        if x is not None and unit:
            a.figure(n, x, unit)
    a.columns = ["名称", "金额", "单位"]
    a.rows = [[n, x, unit or ""] for n, x in picked]
    return a


def _rest_of_top(q: Query, listed: list[str], amounts: list, unit: str, top: int) -> Answer | None:
    """剩下的呢 / 其余23个项目加起来 after the first items of a ranking were picked out: the others, added."""
    if not top or q.subjects or not (_REST.match(q.squashed) or _MORE_LEFT.match(q.squashed)) or top >= len(listed):
        return None
    rest = list(zip(listed[top:], amounts[top:]))
    said_ = re.search(r"([\d一二两三四五六七八九十]+)[类款项个块笔]", q.squashed)
    if said_ and _count_said(said_.group(1)) != len(rest):
        return None  # (其余五个 after a list that leaves three: not that list)
    computed = sum((a for _, a in rest), Decimal(0))
    out = answer("sum", f"前 {top} 项以外的 {len(rest)} 项之和",
                 f"除前 {top} 项外，其余 {len(rest)} 项：" + " + ".join(f"{n} {a}" for n, a in rest) + f" = {amount_text(computed, unit)}。")
    out.figure("合计（计算）", computed, unit)
    out.figure("项数", Decimal(len(rest)), "项")
    return out


def rest_of_filter(doc: Document, q: Query, last: Query | None, listed: list[str]) -> Answer | None:
    """剩下的项目合计多少 after a filter (超过30万的项目有几个): the things of the same list the filter left out,
    added."""
    if last is None or last.op not in ("filter", "count") or last.comparator is None or q.subjects or q.excluded or not listed:
        return None
    # any clause asking the rest (…是多少？用246.89减一下验证 / 把这几个去掉，剩下的项目合计多少)
    if not any(_REST.match(squash(c)) for c in re.split(r"[，,。？?；;]", q.text)):
        return None
    whole = domain(doc, replace(last, op="list", comparator=None, threshold=None, upper=None))
    rest = [v for v in whole.rows if v.label not in listed]
    if not rest or len(rest) == len(whole.rows) or len({v.unit for v in whole.rows}) != 1:
        return None
    computed, unit = sum((v.amount for v in rest), Decimal(0)), rest[0].unit
    added = sum((v.amount for v in whole.rows), Decimal(0))
    out = answer("sum", f"{whole.where}中筛选以外的 {len(rest)} 项之和",
                 f"{whole.where}共 {len(whole.rows)} 项，合计 {amount_text(added, unit)}；上一问筛出的 {len(listed)} 项以外，"
                 f"其余 {len(rest)} 项：" + " + ".join(f"{v.label} {v.amount}" for v in rest)
                 + f" = {amount_text(computed, unit)}（即 {added} − {added - computed}）。")
    out.figure("合计（计算）", computed, unit)
    out.figure("项数", Decimal(len(rest)), "项")
    return out


def _pair_of_listed(q: Query, listed: list[str], amounts: list, unit: str, fresh: bool, listing: bool) -> Answer | None:
    """这俩差多少 / 差多少 just after a list asked for of two items (or a breakdown whose rows are a parent and its
    two children): those two, compared."""
    if q.subjects or not fresh or not listing or not re.search(r"差|相差|多多少|少多少", q.squashed) \
            or not (re.search(r"这俩|这两(?:个|项|者|笔)|两者|二者|两项", q.squashed) or _BARE_GAP.fullmatch(q.squashed)):
        return None
    codes = [n.split(" ", 1)[0] for n in listed]
    leaves = [(n, a) for n, c, a in zip(listed, codes, amounts)
              if not (c.isdigit() and any(o != c and o.startswith(c) for o in codes))]
    if len(leaves) != 2:
        return None
    (name_a, a), (name_b, b) = leaves
    big, small = ((name_a, a), (name_b, b)) if a >= b else ((name_b, b), (name_a, a))
    out = answer("difference", f"{name_a} 与 {name_b}",
                 f"{big[0]} {amount_text(big[1], unit)} 比 {small[0]} {amount_text(small[1], unit)} 多 "
                 f"{amount_text(big[1] - small[1], unit)}（{big[1]} − {small[1]}）。")
    out.figure("差额（计算）", big[1] - small[1], unit)
    return out


def _rest_of_listed(q: Query, listed: list[str], amounts: list, unit: str) -> Answer | None:
    """除了一般公共服务，另外三类加起来多少 after a list: its other items added."""
    if not q.excluded or any(m.via != "whole" for m in q.subjects) or not lexicon.ADDED.search(q.squashed):
        return None  # (剩下的加起来多少: the list's other items, not the report's money as a whole)
    names = [squash(t.name) for m in q.excluded for t in m.terms]
    rest = [(n, a) for n, a in zip(listed, amounts) if not any(x and x in squash(n) for x in names)]
    if not rest or len(rest) == len(listed):
        return None
    computed = sum((a for _, a in rest), Decimal(0))
    out = answer("sum", f"除 {'、'.join(m.term.name for m in q.excluded)} 以外的 {len(rest)} 项之和",
                 " + ".join(f"{n} {a}" for n, a in rest) + f" = {amount_text(computed, unit)}。")
    out.figure("合计（计算）", computed, unit)
    return out


def _mean_of_listed(q: Query, listed: list[str], amounts: list, unit: str) -> Answer | None:
    """平均每款多少 after a list, naming nothing: the average of what it listed."""
    if q.subjects or q.domain == "projects" or not (q.op == "mean" and q.cued or re.search(r"平均每|平均(?:是|为)?多少", q.squashed)):
        return None  # (下一个呢: a mean guessed from no word of it is no mean)
    if (kind := spread_asked(q)) is not None:  # 中位数呢 / 极差呢: of what it listed
        return spread(Domain("上面所列的项", [Value(n, v, unit, "", 0) for n, v in zip(listed, amounts)]), kind)
    computed = sum(amounts, Decimal(0))
    mean_ = (computed / len(amounts)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    a = answer("mean", f"这 {len(listed)} 项的平均数",
               f"这 {len(listed)} 项合计 {amount_text(computed, unit)}，平均每项 {amount_text(mean_, unit)}"
               f"（{computed} ÷ {len(listed)}）。")
    a.figure("平均（计算）", mean_, unit)
    a.figure("合计（计算）", computed, unit)
    return a


# A sum asked with no name at all, right after a list (加起来呢, 全加在一起是多少): of the items listed (合计,
# 一共 alone are read as the list's own total elsewhere).
# 和533.88对得上吗, naming nothing else: the figures just given set against the amount typed (group 1)
AGAINST_TYPED = patterns.compile(r"(?:那)?(?:和|与|跟|同)([\d.,]+)(?:万元|元|万)?(?:对得上|对的上|一致|相等|相符|吻合)(?:吗|么|不|没有)?[？?]?")
_BARE_SUM = patterns.compile(r"(?:那|那么)?(?:都|全部|全)?(?:加起来|加在一起|加一起|合起来|求和|求个和)(?:是|有)?(?:多少)?(?:钱)?(?:呢|啊|吧)?[？?]?")


def on_listed(doc: Document, q: Query, listed: list[str], amounts: list, unit: str | None, fresh: bool = True,
              listing: bool = False, top: int = 0, complete: bool = False, narrowed: bool = False) -> Answer | None:
    """这四个大类加起来是不是550.51 / 这几项合计多少 / 前三个加起来多少: the items the last list showed, added
    (and set against a total typed or named, or taken as a share of it). ``listing``: the last question asked
    for a list (not for figures it named), so a bare 差多少 is of its two items. ``top``: how many of its first
    items the last answer picked out (剩下的呢 adds the others). ``complete``: the last list showed every item
    it found (a list or filter, not a ranking's first few), so it can be counted. ``narrowed``: the list is what
    a filter picked out, so a ranking naming nothing ranks those."""
    if fresh and complete and (counted := _count_of_listed(q, listed, amounts, unit)) is not None:
        return counted
    if fresh and (held := _listed_holding(q, listed, amounts, unit)) is not None:
        return held
    if listed and unit is not None and len(amounts) == len(listed) and not any(a is None for a in amounts) \
            and (first := _first_of_listed(doc, q, listed, amounts, unit) or _pair_of_listed(q, listed, amounts, unit, fresh, listing)
                 or _rest_of_listed(q, listed, amounts, unit) or (_rest_of_top(q, listed, amounts, unit, top) if fresh else None)
                 or (_mean_of_listed(q, listed, amounts, unit) if fresh else None)
                 or (_sorted_listed(q, listed, amounts, unit, narrowed) if fresh else None)) is not None:
        return first
    m = _THESE.search(q.squashed)
    bare = m is None and fresh and listing and all(x.via == "whole" for x in q.subjects) and _BARE_SUM.fullmatch(q.squashed)
    if bare:  # (加起来呢 / 加起来多少钱: the list's, not the report's money as a whole)
        q = replace(q, subjects=[])
    # (…逐项加起来是多少，和533.88对得上吗: the sum of the list just given, against the amount typed)
    bare = bare or m is None and fresh and not q.subjects and len(q.amounts) == 1 and AGAINST_TYPED.fullmatch(q.squashed)
    share = m is not None and re.search(r"百分比|百分之|几成|占比|比例|比重|%", q.squashed)
    counted = m is not None and m.group(1) is not None and _count_said(m.group(1)) == len(listed) >= 2  # (这两项: those two)
    of_whole = share and (listing or counted) and fresh and "占" in q.squashed[m.end():] \
        and (q.whole or any(x.start > m.end() for x in q.subjects))
    if m is None and not bare or not listed or len(amounts) != len(listed) or any(a is None for a in amounts) or unit is None \
            or not (of_whole or bare or re.search(r"加|合计|一共|总共|之和|总和|合起来", q.squashed)):
        return None
    if m is not None and any(x.start < m.start() for x in q.subjects) or share and not of_whole:
        return None  # 公积金养老还有这两个医疗 / A、B、C这三个: names of its own; 这几个百分比: not the amounts
    said = m.group(1) if m is not None else None
    count = _count_said(said) if said else None
    if top and count in (None, top):  # 这三个 after a ranking's first three: those three, not its whole list
        listed, amounts = listed[:top], amounts[:top]
    elif count is not None and count != len(listed):
        return None  # 这三个 after a list of four: not that list
    computed = sum(amounts, Decimal(0))
    shown = " + ".join(f"{n} {x}" for n, x in zip(listed, amounts)) + f" = {amount_text(computed, unit)}"
    against = q.whole or (q.subjects[0] if len(q.subjects) == 1 else None)
    whole = subject_value(doc, q, against) if against is not None else None
    if of_whole:  # 这三项合计占本年项目支出的比重: the items listed, added, as a share of the whole named
        return _listed_share(shown, computed, whole, len(listed)) if whole is not None and whole.amount \
            and whole.unit == unit else None
    if q.amounts or whole is not None:
        stated = whole.amount if whole is not None else typed_value(q.amounts[0], unit)
        name = f"{whole.label} {amount_text(whole.amount, whole.unit)}" if whole is not None else f"所问 {amount_text(stated, unit)}"
        a = answer("check", f"这 {len(listed)} 项之和 是否等于 {whole.label if whole is not None else stated}",
                   f"{shown}；{name}：{verdict(stated, amounts, unit)}。")
        if computed != stated:
            a.figure("差额", abs(computed - stated), unit)
    else:
        a = answer("sum", f"这 {len(listed)} 项之和", f"{shown}。")
    a.figure("合计（计算）", computed, unit)
    return a


def _listed_share(shown: str, computed: Decimal, whole: Value, n: int) -> Answer:
    """The sum of the items the last list showed, as a share of a whole named (in the same unit)."""
    share = pct(computed, whole.amount)
    a = answer("share", f"这 {n} 项之和 占 {whole.label}",
               f"{shown}，占 {whole.label} {amount_text(whole.amount, whole.unit)} 的 {share}%"
               f"（{computed} ÷ {whole.amount} × 100）。")
    a.figure("合计（计算）", computed, whole.unit)
    a.figure("占比（计算）", share, "%")
    return a


def _whole_of_part(doc: Document, q: Query, item: Value, m: Mention) -> Value | None:
    """The whole one figure is a part of, where the report makes it plain: a code's parent code, else the total
    of the table it was read in; a half of spending (基本支出, 项目支出) or an income, what base_of says."""
    if (codes := m.of("code")):
        if (above := vocabulary(doc).codes.get(_parent_code(codes[0].key))) is not None:
            return subject_value(doc, q, Mention(10_000, 10_000, [above], via="context"))
        read_in = q.table if q.table is not None else table_no_of(item.where)
        total = table_total(doc, read_in) if read_in is not None else None
        return total if total is not None and total.amount != item.amount else None
    if m.term.key in ("基本支出", "项目支出") or re.search(r"收入$", re.sub(r"[（(][^）)]*[）)]$", "", item.label)):
        return base_of(doc, q, item, m)
    return None


_REST = patterns.compile(r"^(?:那|那么)?(?:剩下|其余|其他|余下|剩余)(?:的)?(?:[\d一二两三四五六七八九十几]+[类款项个块笔])?"
                   r"[\u4e00-\u9fff]{0,6}?(?:的|那些|那部分|部分)?(?:合计|加起来|一共|总共)?(?:又|是)?"
                   r"(?:呢|占多少|占比呢|占比多少|多少|是多少)?$")  # (其余三类功能支出合计多少: the rest of the whole)


def _parent_code(code: str) -> str:
    """The code one level up (20131 of 2013101, 201 of 20131; none above a 类)."""
    return code[:-2] if len(code) > 3 else ""


def rest_of_last(doc: Document, q: Query, last: Query | None) -> Answer | None:
    """剩下的呢 after a share: what is left of the whole, and its share. After one figure, 其余的加起来 /
    剩下的占多少 is the rest of the whole that figure is a part of (its code's parent, the table's total)."""
    if last is None or len(last.subjects) != 1 or not _REST.match(q.squashed):
        return None
    if any(re.match(r"剩下|其余|其他|余下|剩余", q.squashed[n.start:n.end]) for n in q.subjects if n.start < 10_000):
        return None  # (那其他收入呢: a name the report prints, 其他 is its own word)
    m = last.subjects[0]
    item = subject_value(doc, last, m)
    if last.op == "share":
        base = base_of(doc, last, item, m) if item is not None else None
    elif last.op == "value" and re.search(r"加|合计|一共|总共|总计|占", q.squashed):
        base = _whole_of_part(doc, last, item, m) if item is not None else None
    else:
        return None
    if item is not None and base is not None:
        item = _part_within(doc, last, m, item, base)
    if item is None or base is None or base.unit != item.unit or not base.amount or base.amount <= item.amount:
        return None
    rest = base.amount - item.amount
    a = answer("share", f"{base.label} 中除 {item.label} 以外的部分",
               f"{base.label} {amount_text(base.amount, base.unit)} 中，除 {item.label} {amount_text(item.amount, item.unit)} "
               f"以外的部分为 {amount_text(rest, base.unit)}（{base.amount} − {item.amount}），占 {pct(rest, base.amount)}%。")
    a.figure("其余部分（计算）", rest, base.unit)
    a.figure("其余部分占比（计算）", pct(rest, base.amount), "%")
    add(a, base)
    others = _siblings(doc, item)  # the rest, line by line, where the part is a code of its table
    if others and len(others) <= 8 and all(v.unit == base.unit for v in others):
        a.text += f"其余为 {'、'.join(f'{v.label} {amount_text(v.amount, v.unit)}' for v in others)}"
        added = build.total(others)
        a.text += "。" if added == rest else f"，逐项相加为 {amount_text(added, base.unit)}，与相减所得差 {abs(added - rest)}。"
    for v in others:
        add(a, v)
    return a


def _siblings(doc: Document, item: Value) -> list[Value]:
    """The other codes of the part's level under the same parent, in the table the part was read in."""
    no = table_no_of(item.where)
    table = next((t for t in doc.tables if t.no == no), None)
    if table is None or not item.key.isdigit():
        return []
    parent = _parent_code(item.key)
    return [Value(f"{r.code} {r.name}", r.first, table.unit, table.label, r.line, r.code) for r in table.rows
            if r.code and r.code != item.key and len(r.code) == len(item.key) and r.code.startswith(parent)
            and r.first is not None]
