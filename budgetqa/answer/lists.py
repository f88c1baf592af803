"""Operations over a list of rows: list, rank (and nth place), count and filter.

What the list is comes from the question's slots: the rows under a whole it names (商品和服务支出中,
205下面), a table it names, the economic items, the classification subjects of one level, the
performance sheets, the units or duties, or — by default — the projects of the scope asked.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
import re
from decimal import ROUND_HALF_UP, Decimal

from budgetqa import lexicon, patterns
from budgetqa.findings import CONTRADICTION, judge
from budgetqa.answer import text
from budgetqa.answer.topics import three_kinds
from budgetqa.answer.build import PASSES, answer, joined, pct, stated_reason, total
from budgetqa.answer.model import Answer, amount_text
from budgetqa.answer.resolve import (NARRATIVE, Outturn, Value, best_values, children_rows, code_place, group_members, list_total,
                                     measure_column, outturns, table_total)
from budgetqa.models import Document, Table
from budgetqa.models import ECONOMIC_CLASSES
from budgetqa.question.numbers import said_number, small_numeral, typed_value
from budgetqa.question.query import CLAIMED_FIRST, TWO_PLACES, UNIT_DOMAINS, Query
from budgetqa.textnorm import squash, strip_ordinal


@dataclass
class Domain:
    """The rows a list operation runs over, and how to say what they are."""

    where: str
    rows: list[Value]
    column: str | None = None  # the column the rows' figures are read in, when not their first
    mixed: bool = False  # rows of different kinds (projects, subjects, items): not added up


def _value(table: Table, row, amount: Decimal | None = None) -> Value:
    return Value(row.label, amount if amount is not None else (row.first or Decimal(0)), table.unit, table.label,
                 row.line, row.code or f"row:{table.no}:{row.row_no}")


def column_domain(doc: Document, q: Query, column: str) -> tuple[Domain, Value | None] | None:
    """The subjects of one level (类 unless asked) with a figure in a column (上年结转, 项目支出), in the
    named table or the first that prints the column; and the column's total there."""
    candidates = [t for t in doc.tables if t.no == q.table] + [
        t for k in ("expenditure", "income", "gp_expenditure") for t in doc.tables if t.kind == k] + [
        t for t in doc.tables if any(r.code for r in t.rows)]  # (a column one table prints: 基本建设资金支出)
    table = next((t for t in candidates if measure_column(t, column)), None)
    if table is None:
        return None
    name = measure_column(table, column)
    level = q.level or "类"
    if NONE_IN_COLUMN.search(q.squashed):  # 哪几类没有项目支出 / 项目支出为0的类: the others of that level
        rows = [r for r in table.rows if r.code and r.level == level and not r.amount(name)]
        return Domain(f"{table.label} 中{column}为0（空）的{level}", [_value(table, r, Decimal(0)) for r in rows]), None
    rows = [r for r in table.rows if r.code and r.level == level and r.amount(name)]
    total = table.total_row()
    whole = None
    if total is not None and total.amount(name) is not None:
        whole = Value(f"{column}合计", total.amount(name), table.unit, table.label, total.line, f"row:{table.no}:{total.row_no}")
    return Domain(f"{table.label} 中{column}有数的{level}", [_value(table, r, r.amount(name)) for r in rows]), whole


# A column said to be empty for the rows asked (没有项目支出, 项目支出为0, 一点项目支出都没有).
NONE_IN_COLUMN = patterns.compile(r"(?:为|等于|是)(?:0|零)(?!\.\d*[1-9])|没有|没安排|一点.{0,8}都?没|不含任何|无(?=项目支出|基本支出|上年结转)")


def side(q: Query) -> str:
    """The side of a two-sided table a question is about: 收入 when it says so, else 支出."""
    return "收入" if "收入" in q.squashed and "支出" not in q.squashed else "支出"


def _detail_rows(table: Table, level: str | None, side: str = "支出", column: str | None = None) -> Domain:
    """A named table's detail rows (no totals, no rows grouping others), or its rows of one level;
    of a two-sided table (收支总表), the rows of one side: the two sides are never added together; their
    figures in the column asked (当年预算安排的极差) when the table prints it."""
    if level and any(r.code and r.level == level for r in table.rows):
        rows = [r for r in table.rows if r.code and r.level == level and r.first is not None]
        return Domain(f"{table.label} 的{level}级科目", [_value(table, r) for r in rows])
    parents = {r.parent_code for r in table.rows if r.parent_code}
    rows = [r for r in table.rows if not r.is_total and r.first is not None and r.code not in parents
            and r.name not in ECONOMIC_CLASSES and not (table.kind.startswith("projects") and r.depth < 2)]
    if table.two_sided and any(r.side == side for r in rows):
        rows = [r for r in rows if r.side == side]
        if column:
            return Domain(f"{table.label} {side}方的明细行（{column.rsplit('/', 1)[-1]}）",
                          [_value(table, r, r.cell(column).amount if r.cell(column) else Decimal(0)) for r in rows], column)
        return Domain(f"{table.label} {side}方的明细行", [_value(table, r) for r in rows])
    return Domain(f"{table.label} 的明细行", [_value(table, r) for r in rows])




def _at_level_set_aside(doc: Document, d: Domain, set_aside: set[str]) -> Domain:
    """The rest of what an economic class is set aside from (除了工资福利支出，基本支出还有哪些) is the other
    classes, not the other classes' items: a domain of items holding the class's own items is read a level up."""
    table = doc.table("basic_economic")
    classes = [r for r in table.rows if r.name in ECONOMIC_CLASSES] if table is not None else []
    aside = [r for r in classes if squash(r.name) in set_aside]
    keys = {v.key for v in d.rows}
    if not aside or not any(_value(table, r).key in keys for r in children_rows(table, aside[0])):
        return d
    return Domain(f"{table.label} 的经济分类（类）", [_value(table, r) for r in classes])


def domain(doc: Document, q: Query) -> Domain:
    """What a ranking, count or filter runs over; only the things whose name holds the words asked for
    when the question says so (名称带“办公经费”的)."""
    d = _domain(doc, q)
    set_aside = {t.key for m in q.excluded for t in m.terms} | {squash(t.name) for m in q.excluded for t in m.terms}
    if re.search(r"还有|还剩|剩下|其余|其他", q.squashed) and not re.search(r"明细|汇总|各项", q.squashed):
        d = _at_level_set_aside(doc, d, set_aside)  # (the rest asked, not the items less their class's summary row)
    if set_aside and (kept := [v for v in d.rows if v.key not in set_aside and squash(v.label) not in set_aside
                               and squash(v.label.split(" ", 1)[-1]) not in set_aside]) != d.rows:
        d = Domain(f"{d.where}（除去{'、'.join(m.term.name for m in q.excluded)}）", kept)  # 除了X，还有哪几个
    if q.name_holds:
        word = squash(q.name_holds)
        d = Domain(f"{d.where}中名称{'不' if q.name_lacks else ''}含「{q.name_holds}」的",
                   [v for v in d.rows if (word in squash(v.label)) != q.name_lacks])
    picked = sheets_by_field(doc, q)
    if picked is not None:
        field_name, value, names = picked
        d = sheet_domain(doc, replace(q, field_name=None))
        d = Domain(f"{field_name}为「{value}」的项目（{d.where}）", [v for v in d.rows if v.label in names])
    return d


# Fields whose value picks the sheets (附属小学作为实施单位的项目, 实施单位是X的).
_PICKING_FIELDS = ("实施单位", "主管部门及代码")


def sheets_by_field(doc: Document, q: Query) -> tuple[str, str, set[str]] | None:
    """The sheets whose 实施单位 (or 主管部门) the question names: (field, its value, their projects), when that
    is some of the sheets, not all."""
    if q.field_name not in _PICKING_FIELDS or not doc.performance:
        return None
    from difflib import SequenceMatcher

    asked = q.squashed.replace(q.field_name, " ")
    best: dict[str, int] = {}
    for sheet in doc.performance:  # the longest stretch of its value the question types
        value = squash(sheet.fields.get(q.field_name, ""))
        best[sheet.project_name] = SequenceMatcher(None, value, asked, autojunk=False).find_longest_match(
            0, len(value), 0, len(asked)).size
    top = max(best.values(), default=0)
    names = {n for n, k in best.items() if k == top}
    if top < 3 or len(names) == len(best):
        return None
    value = next(sheet.fields.get(q.field_name, "") for sheet in doc.performance if sheet.project_name in names)
    return q.field_name, value, names


def _domain(doc: Document, q: Query) -> Domain:
    """What a ranking, count or filter runs over."""
    codes = list(dict.fromkeys(t.key for m in q.subjects for t in m.terms if t.kind == "code"))
    if len(codes) >= 2 and q.whole is None and all(m.of("code") for m in q.subjects):
        # 201/208/210/221 哪个最少: just the codes named (a name among them no code bears is read as named, below)
        rows = [code_place(doc, c, q) for c in codes]
        return Domain(f"所列的 {len(codes)} 个科目", [_value(t, r) for t, r in filter(None, rows)])
    group = q.subjects[0].of("group") if len(q.subjects) == 1 and q.whole is None else []
    if group and (members := group_members(doc, group[0].key)):  # 社保缴费那几项: the group's printed members
        return Domain(f"「{group[0].key}」所含各项", members)
    figures = {"item", "code", "row", "project", "column", "fact"}
    named = [m for m in q.subjects if m.kinds & figures and not m.kinds & {"table", "list", "topic", "group"}]
    container = any(re.match(r"(?:的)?(?:明细|各项|里|中|下|当中|之中)", q.squashed[m.end:m.end + 3]) for m in named[:-1]) \
        or bool(named) and bool(re.match(r"(?:的)?(?:明细|各项|里|中|下|当中|之中).{0,12}(?:科目|项目|明细|各项)"
                                         r"|有(?:几|多少)个?(?:科目|明细|项)", q.squashed[named[-1].end:])) \
        or bool(q.n) and abs(q.n) > len(named)  # (基本支出人员经费中居前三位的经济科目: of the list they name)
    if len(named) >= 2 and len(named) == len(q.subjects) and q.whole is None and q.op in ("rank", "mean") \
            and not q.scope and q.domain != "projects" \
            and not container and not re.search(r"这类|之类|这些|等(?:项|科目)", q.squashed):
        values = [found[0] for m in named if (found := best_values(doc, m.terms, q))]  # A、B、C哪个最大: just those named
        if len(values) == len(named) == len({v.key for v in values}) and len({v.unit for v in values}) == 1:
            return Domain(f"所列的 {len(values)} 项", values)  # (not examples of a kind, nor the list they sit in)
    if len(q.subjects) == 1 and q.whole is None and any(t.key == "三公经费" for t in q.subjects[0].terms) \
            and (table := doc.table("three_public")) is not None:  # 三公经费三项里哪个最多: its three kinds (none printed: none)
        column = next((c for c in table.columns if ("决算数" if doc.kind == "决算" else "预算数") in c), None)
        three = three_kinds(table, column) if table.has_data else []
        return Domain(f"{table.label} 中三公经费的三项", [_value(table, r, x) for r, x in three])
    several = next((m for m in q.subjects if len(m.of("project")) > 1), None)
    if several is not None:  # 档案室标准化建设有哪几个项目: the projects the name holds
        names = {t.key for t in several.of("project")}
        d = _projects(doc, q)
        d.rows = [v for v in d.rows if any(v.key.endswith(f":{n}") for n in names)]
        d.where = "、".join(dict.fromkeys(t.name for t in several.of("project"))) + " 这几个项目"
        return d
    column = next((m for m in q.subjects if "column" in m.kinds and m.kinds <= {"column", "row", "fact", "term"}), None)
    if column is not None and len(q.subjects) == 1 and (q.level or q.domain == "subjects" and q.op == "rank") \
            and q.domain != "items":  # 上年结转到款级是哪几个款 / 项目支出里最大的是哪个科目 (of the 项, the finest level)
        found = column_domain(doc, replace(q, level=q.level or "项"), column.of("column")[0].key)
        if found is not None and found[0].rows:
            return found[0]
    named_tables = [int(m.term.key) for m in q.subjects if m.kinds == {"table"}]
    if q.table is None and named_tables:
        q = replace(q, table=named_tables[0])
    # (基本支出明细里商品和服务支出有几个科目: the name said inside the one before it first)
    inner = [b for a, b in zip(named, named[1:])
             if re.fullmatch(r"(?:的)?(?:明细|各项)?(?:里|中|下|当中|之中)(?:的)?", q.squashed[a.end:b.start])]
    for m in ([q.whole] if q.whole else []) + inner + [m for m in q.subjects if m not in inner]:
        inside = _under(doc, q, m)
        if inside is not None and (m is q.whole or q.op in ("rank", "count", "filter", "list")):
            return inside
    if q.table is not None:
        table = next((t for t in doc.tables if t.no == q.table), None)
        if table is not None and table.two_sided and (q.domain == "subjects" or q.level) and not q.subjects:
            return _subjects(doc, q)  # 收支总表支出方哪几个类: the 类 its side prints
        if table is not None:
            asked = next((t.key for m in q.subjects for t in m.terms if t.kind == "column"), None)
            return _detail_rows(table, q.level, side(q), measure_column(table, asked) if asked else None)
    halves = [t.key for m in q.subjects for t in m.terms if t.kind == "column" and t.key in lexicon.BASIC_HALVES]
    if q.domain == "items" or halves:
        return _items(doc, q, halves[0] if len(set(halves)) == 1 else None)  # (人员经费各项: that half's items)
    if q.domain == "targets" or (q.has("绩效") or q.has("实施期") and q.has("年度")) and doc.target_sheets() and q.domain != "projects" \
            or sheets_compared(q):
        return sheet_domain(doc, q)
    if _sized_anything(q):
        return _anything(doc, q)
    # (本年收入里排第二的: the income total named is the whole ranked; 哪项 is no level here)
    if _INCOME_SOURCES.search(q.squashed) and q.domain is None and (sources := _income_sources(doc)) is not None \
            and all(re.search(r"收入(?:合计|总计)", t.key) for m in q.subjects for t in m.terms[:1]):
        return sources
    if q.domain == "subjects" or (q.level and q.domain != "projects"):
        return _subjects(doc, q)
    if (parts := _spending_parts(doc, q)) is not None:
        return parts
    if doc.target_sheets() and (not doc.projects or q.has("资金总额")):
        return sheet_domain(doc, q)  # projects known only by their sheets, or ranked by a sheet's column
    spent = re.search(r"项目|花|用|钱", q.squashed) and not re.search(r"这[两二三四五六七八九几\d]|这些|它们|家|单位|部门|绩效", q.squashed)
    if not doc.projects and q.op == "rank" and spent and (items := _subjects(doc, replace(q, level=q.level or "项"))).rows:
        # a report that lists no projects (a 决算): 哪个项目用得最多 is asked of its finest 科目 (绩效项目: no, sheets)
        return Domain(f"{items.where}（报告没有列出项目）", items.rows)
    return _projects(doc, q)


# Spending said as the whole its parts are ranked or counted in, no kind of part named (支出里最大的那块,
# 花钱这边哪块最多): the classes the report's spending is printed in.
_SPENDING_PARTS = patterns.compile(r"(?<![目本员用])支出(?:的)?(?:里|中|当中|这边|那边|方面|这块)|花钱(?:的)?(?:这边|那边|方面)"
                                   r"|(?:哪|几)(?:一)?(?:块|大块|大类)支出")


def _spending_parts(doc: Document, q: Query) -> Domain | None:
    """支出里最大的那块: the classes the report's spending is printed in, when no kind of part is named."""
    if not _SPENDING_PARTS.search(q.squashed) or q.domain is not None \
            or not all(t.key in ("支出总计", "本年支出合计") for m in q.subjects for t in m.terms[:1]):
        return None
    return _subjects(doc, replace(q, level="类"))


# The report's income sources asked as the things ranked or counted (排第二的收入来源, 哪项收入最多).
_INCOME_SOURCES = patterns.compile(r"收入来源|资金来源|收入(?:的)?(?:里|中|当中)|(?:哪|几)(?:一)?(?:项|种|类|个|块)收入"
                                   r"|收入(?:项|类)")


def side_rows(doc: Document, side: str) -> tuple[Table | None, list]:
    """The report's summary table (收支总表) and the lines of one side of it with a figure, its totals aside."""
    table = doc.table("summary")
    return table, [r for r in table.rows if r.side == side and r.first is not None and not r.is_total] if table else []


def _income_sources(doc: Document) -> Domain | None:
    """The income lines of the report's summary table, as things ranked or counted."""
    table, rows = side_rows(doc, "收入")
    return Domain(f"{table.label} 的收入各项", [_value(table, r) for r in rows]) if rows else None


def _sized_anything(q: Query) -> bool:
    """Things of a rough size asked with no kind of thing said (七万多的有哪几项, 二十三万多的那个是什么):
    whatever the report prints of about that size. (哪几项 counts things; it names no 项 level.)"""
    level_said = bool(re.search(r"项级|类级|款级|[类款项]一级|级科目", q.squashed))
    return q.comparator == "between" and q.threshold is not None and bool(q.threshold.about) and not q.subjects \
        and q.whole is None and q.table is None and q.domain is None and q.scope is None and not q.excluded \
        and not q.name_holds and (not q.level or not level_said)


def _anything(doc: Document, q: Query) -> Domain:
    """Every project, classification subject (of any level) and economic item the report prints, once each."""
    subjects = _subjects(doc, replace(q, level=None)).rows
    # a code whose one figure is its part's (221 住房保障支出 = 2210201 住房公积金) is that part's money, said once
    subjects = [v for v in subjects if not any(w.key != v.key and w.key.startswith(v.key) and w.amount == v.amount
                                               for w in subjects)]
    rows = _projects(doc, q).rows + subjects + _items(doc, q).rows
    seen: set[tuple[str, object]] = set()
    kept = [v for v in rows if (key := (squash(v.label.split(" ", 1)[-1]), v.amount)) not in seen and not seen.add(key)]
    return Domain("报告所列的项目、科目和经济科目", kept, mixed=True) if kept else _stated_amounts(doc)


def _stated_amounts(doc: Document) -> Domain:
    """The amounts the report's text states, each name and figure once: what a report whose tables are
    pictures (or missing) prints of any size."""
    seen: set[tuple[str, Decimal]] = set()
    return Domain("报告说明中所写的金额", [
        Value(f.label, f.value, f.unit, f"{NARRATIVE} {f.section}".strip(), f.line, f"fact:{f.label}")
        for f in doc.facts if f.kind == "amount" and (f.label, f.value) not in seen and not seen.add((f.label, f.value))],
        mixed=True)


def _under(doc: Document, q: Query, m) -> Domain | None:
    """The rows under a named code, economic class or column (商品和服务支出中最大的, 205下面几项)."""
    for term in m.terms:
        if term.kind == "code":
            place = code_place(doc, term.key, q)
            if place is not None and children_rows(*place):
                table, row = place
                below = children_rows(table, row)
                if q.level:
                    below = [r for r in table.rows if r.code and r.code.startswith(row.code) and r.level == q.level] or below
                while len(below) == 1 and children_rows(table, below[0]):  # one 款 says nothing: its 项 are the parts
                    below = children_rows(table, below[0])
                column = measure_column(table, q.measures[0]) if len(q.measures) == 1 else None
                if column is not None:  # 下面的款里项目支出最多的: the parts by that column
                    return Domain(f"{row.label} 下的科目（{column.rsplit('/', 1)[-1]}）",
                                  [_value(table, r, r.amount(column) or Decimal(0)) for r in below], column)
                return Domain(f"{row.label} 下的科目", [_value(table, r) for r in below])
        if term.kind == "item" and term.name in ECONOMIC_CLASSES:
            table = doc.table("basic_economic")
            row = next((r for r in table.rows if r.name == term.name), None) if table else None
            if row is not None:
                return Domain(f"{table.label} 中{row.name}下的各项", [_value(table, r) for r in children_rows(table, row)
                                                                     if r.first is not None])
        if term.kind == "column" and term.key in lexicon.BASIC_HALVES:
            return _items(doc, q, term.key)
        if term.kind == "column" and term.key == "基本支出" and (not q.level or q.domain == "items") \
                and doc.table("basic_economic"):
            return _items(doc, q)  # 基本支出里超过10万的: its economic items, the table that divides it
        if term.kind == "column" and q.op == "filter" and q.domain != "items" and (term.key != "项目支出" or not doc.projects):
            found = column_domain(doc, replace(q, level=q.level or "项"), term.key)  # (项目支出在100万到500万之间
            if found is not None and found[0].rows:  # of a report with no project list: the 项 it is spent on)
                return found[0]
    return None


def _items(doc: Document, q: Query, column: str | None = None) -> Domain:
    """The economic items of the basic-expenditure table (with a figure in one column when named)."""
    table = doc.table("basic_economic")
    if table is None:
        return Domain("", [])
    name = next((c for c in table.columns if column and c.rsplit("/", 1)[-1] == column), None)
    rows = [r for r in table.rows if not r.is_total and r.name not in ECONOMIC_CLASSES
            and (r.amount(name) if name else r.first) is not None]
    if name:
        rows = [r for r in rows if r.amount(name)]
    elif column and any(r.category == column for r in rows):  # 人员经费 / 公用经费 printed as halves, not columns
        rows = [r for r in rows if r.category == column]
    where = f"{table.label} 的{column + '明细' if column else '经济科目'}"
    return Domain(where, [_value(table, r, r.amount(name) if name else None) for r in rows])


def _subjects(doc: Document, q: Query) -> Domain:
    """The classification subjects of one level (类 by default), under a named code when there is one;
    in a two-sided table named (收支总表支出方), the 类 its side prints with their ordinals."""
    named = next((t for t in doc.tables if t.no == q.table), None)
    if named is not None and named.two_sided and not q.subjects:
        side = q.side or "支出"
        rows = [r for r in named.rows if r.side == side and not r.is_total and strip_ordinal(r.name) != r.name]
        out = [_value(named, r) for r in rows if r.first is not None]
        if q.has("有钱", "有预算", "有数", "有金额", "非零"):
            out = [v for v in out if v.amount]
        return Domain(f"{named.label} {side}方的类", out)
    parents = [t.key for m in q.subjects for t in m.terms if t.kind == "code" and len(t.key) < 7]
    level = q.level or ("款" if parents and len(parents[0]) == 3 else "项" if parents else "类")
    kinds = ("gp_expenditure", "expenditure") if q.scope == "本年" else ("expenditure", "gp_expenditure", "fiscal_expenditure")
    table = next((t for k in kinds for t in doc.tables if t.kind == k), None)
    if q.fund == "财政拨款" and doc.table("fiscal_expenditure") is not None:
        table = doc.table("fiscal_expenditure")  # (财政拨款支出最多的科目: the table of that money alone, where printed)
    if q.fund and q.fund != "财政拨款":  # 政府性基金 spent on which subjects: that fund's own expenditure table
        table = next((t for t in doc.tables if q.fund in squash(t.title) and "支出" in t.title
                      and any(r.code for r in t.rows)), table)
        if parents == [] and q.level is None and table is not None and any(r.cells for r in table.rows if r.level == "项"):
            level = "项"  # (a fund's few subjects, said at the finest level it prints)
    if table is None:
        return Domain("", [])
    # an amount sought exactly or roughly, at no level named, is sought at every level (正好1.07万元的科目,
    # 五百三十万上下的科目)
    sought = q.comparator == "eq" or q.threshold is not None and bool(q.threshold.about)
    levels = "类款项" if sought and not q.level and not parents else level
    rows = [r for r in table.rows if r.code and r.level in levels and (not parents or any(r.code.startswith(p) for p in parents))]
    under = f"{parents[0]} 下" if parents else ""
    out = [_value(table, r) for r in rows]
    if q.has("有钱", "有预算", "有数", "有金额", "非零"):
        out = [v for v in out if v.amount]
    return Domain(f"{table.label} 中{under}的{'、'.join(levels)}级科目", out)


# 实施期大于年度: of the sheets whose two totals differ, those whose 实施期 total is the larger
_LARGER = ("大于", "多于", "超过", "高于", "比年度多")


def sheets_compared(q: Query) -> bool:
    """实施期资金总额和年度资金总额不一样 / 对不上 / 实施期大于年度: the sheets whose two totals differ are asked."""
    return q.has("实施期") and q.has("年度") and q.has("不一样", "不同", "不一致", "差异", "不相等", "不等", "对不上",
                                                     "不符", *_LARGER)


def sheet_domain(doc: Document, q: Query, scope: str | None = None) -> Domain:
    """The performance sheets, by their own fund totals (年度, or 实施期 when asked); those whose two
    columns disagree when that is what is asked."""
    if scope is None and sheets_compared(q):
        return _sheets_differing(doc, q.has(*_LARGER))
    scope = scope or ("实施期" if q.has("实施期") else "年度")
    fund = _sheet_fund_asked(doc, q)
    if fund is not None:  # 有上年结转资金的项目: the sheets that print an amount in that fund's column
        rows = [Value(sheet.project_name, sheet.funds[f"{scope}/{fund}"], sheet.unit, sheet.title,
                      sheet.fund_lines.get(f"{scope}/{fund}", sheet.line)) for sheet in doc.performance
                if sheet.funds.get(f"{scope}/{fund}")]
        return Domain(f"项目绩效目标表中有{fund}资金的项目（{scope}{fund}）", rows)
    rows = []
    for sheet in doc.performance:
        funds = sorted(((k, v) for k, v in sheet.funds.items() if "总额" in k or k.endswith("合计")),
                       key=lambda kv: not kv[0].startswith(scope))
        if funds:
            k, v = funds[0]
            rows.append(Value(sheet.project_name, v, sheet.unit, sheet.title, sheet.fund_lines.get(k, sheet.line)))
    return Domain(f"项目绩效目标表（{scope}资金总额）", rows)


def _sheet_fund_asked(doc: Document, q: Query) -> str | None:
    """A fund column of the sheets the question names (上年结转, 财政拨款, 单位自筹 …), not their total."""
    funds = {k.split("/", 1)[-1] for sheet in doc.performance for k in sheet.funds}
    funds -= {"资金总额", "合计"}
    named = [f for f in funds if f in q.squashed or f == "上年结转" and re.search(r"结转", q.squashed)]
    return max(named, key=len) if len(named) == 1 else None


def sheet_total(doc: Document, q: Query, scope: str) -> Value | None:
    """The sheets' fund totals of one scope (年度 or 实施期) added up."""
    rows = sheet_domain(doc, q, scope).rows
    if not rows or len({v.unit for v in rows}) > 1:
        return None
    return Value(f"{len(rows)} 张绩效目标表{scope}资金总额之和", total(rows), rows[0].unit, "项目支出绩效目标表",
                 rows[0].line, f"sheets:{scope}")


def _sheets_differing(doc: Document, larger: bool = False) -> Domain:
    """The sheets whose 实施期 and 年度 totals differ (or whose 实施期 total is the larger one)."""
    rows = []
    for sheet in doc.performance:
        totals = {k.split("/")[0]: (k, v) for k, v in sheet.funds.items() if "总额" in k}
        if "实施期" in totals and "年度" in totals and (totals["实施期"][1] > totals["年度"][1] if larger
                                                     else totals["实施期"][1] != totals["年度"][1]):
            k, v = totals["实施期"]
            rows.append(Value(f"{sheet.project_name}（实施期 {amount_text(v, sheet.unit)}，年度 "
                              f"{amount_text(totals['年度'][1], sheet.unit)}）", v, sheet.unit, sheet.title,
                              sheet.fund_lines.get(k, sheet.line)))
    return Domain("实施期资金总额大于年度资金总额的项目" if larger else "实施期与年度资金总额不一致的项目", rows)


def _projects(doc: Document, q: Query) -> Domain:
    scope = None if q.scope == "全部" else q.scope
    projects = [p for p in doc.projects if (scope is None or p.scope == scope) and p.total is not None]
    tables = {t.no: t for t in doc.tables}
    where = {"本年": "本年新安排的项目", "上年结转": "上年结转项目"}.get(scope or "", "全部项目（本年与上年结转）")
    return Domain(where, [Value(p.name + ("" if scope else f"（{p.scope}）"), p.total, p.unit,
                                tables[p.table_no].label if p.table_no in tables else "", p.line, f"project:{p.scope}:{p.name}")
                          for p in projects])


def _listing(rows: list[Value], numbered: bool = True) -> str:
    return "；".join(f"{i}. {v.label} {amount_text(v.amount, v.unit)}" if numbered else f"{v.label} {amount_text(v.amount, v.unit)}"
                     for i, v in enumerate(rows, 1))


def _table(a: Answer, rows: list[Value], ranked: bool = False) -> None:
    a.columns = (["名次"] if ranked else []) + ["名称", "金额", "单位", "行"]
    a.rows = [([i] if ranked else []) + [v.label, v.amount, v.unit, v.line] for i, v in enumerate(rows, 1)]
    a.chart = [(v.label, v.amount) for v in rows]
    for v in rows:
        a.source(v.where, v.line, v.label)


# --------------------------------------------------------------------------- operations
# Both ends of a ranking asked at once (最大和最小的分别是哪个, 第一和倒数第一是谁); group 1 when the top is said first.
_TOP = r"(?:最大|最多|最高|最贵|第[1一](?!\d)(?:名|位)?|头名|榜首)"
_BOTTOM = r"(?:最小|最少|最低|最便宜|倒数第[1一](?!\d)(?:名|位)?|末位|最后一名|垫底)"
_BOTH_JOIN = r"(?:和|与|及|跟|比|、|，|,|谁|哪个|哪一?[个类项款])"  # (谁最多谁最少, 哪个最大，哪个最小, 最大的那项比最小的)
_BOTH_ENDS = patterns.compile(f"({_TOP})[^，,。]{{0,5}}?{_BOTH_JOIN}{_BOTTOM}|{_BOTTOM}[^，,。]{{0,5}}?{_BOTH_JOIN}{_TOP}")


def rank(doc: Document, q: Query) -> Answer | None:
    """The largest or smallest items of a list, or the one at a place."""
    if RATE_RANK.search(q.squashed) and (found := rate_rank(doc, q)) is not None:
        return found
    if _PLACE_ASKED.search(q.squashed) and (found := _place_of(doc, q)) is not None:
        return found
    d = domain(doc, q)
    if not d.rows:
        return None
    if (two := TWO_PLACES.search(q.squashed)) and re.search(r"差|多多少|少多少|高多少|低多少|多出|少了", q.squashed[two.end():]):
        return _two_places(d, q, int(two.group(1)), int(two.group(2)))
    both = _BOTH_ENDS.search(q.squashed)
    ascending = q.ascending and not (both and both.group(1))
    ranked = sorted(d.rows, key=lambda v: v.amount, reverse=not ascending)
    order = "从小到大" if ascending else "从大到小"
    if q.nth and not both:
        place = abs(q.nth)
        if place > len(ranked):
            return None
        v = ranked[place - 1]
        a = answer("rank", f"{d.where}，按金额{order}第 {place} 位",
                   f"{d.where}中按金额{order}排第 {place} 的是 {v.label}，{amount_text(v.amount, v.unit)}"
                   f"（共 {len(ranked)} 项；第 1 位 {ranked[0].label} {amount_text(ranked[0].amount, ranked[0].unit)}）。")
        a.figure(v.label, v.amount, v.unit, v.where, v.line)
        _shares_in_list(a, q, d, [v])
        _table(a, ranked, ranked=True)  # (the whole order: 下一个 and 还有吗 step on through it)
        a.focus = [v]
        return a
    if q.n is not None:
        n = abs(q.n)
    elif q.has("排序", "从高到低", "从大到小", "由高到低", "由大到小", "从低到高", "从小到大", "排一下", "排个序", "排名", "排个名",
               "排一排", "名次", "排行"):
        n = len(ranked)
    else:
        n = 3 if q.has("几个", "哪些", "几项") else 1
    shown = ranked[:max(1, n)]
    while len(shown) < len(ranked) and ranked[len(shown)].amount == shown[-1].amount:
        shown.append(ranked[len(shown)])  # (three projects of 3.00 each are all the smallest: tied, none left out)
    word = "最少" if ascending else "最多"
    head = shown[0]
    tied = n == 1 and len(shown) > 1
    text = (f"{d.where}中{word}的是 {head.label}，{amount_text(head.amount, head.unit)}。" if len(shown) == 1
            else f"{d.where}中{word}的有 {len(shown)} 个并列，各 {amount_text(head.amount, head.unit)}：{_listing(shown)}。" if tied
            else f"{d.where}中{word}的 {len(shown)} 个：{_listing(shown)}。")
    if q.scope is None and d.where.startswith("全部项目") and len(shown) == 1:
        current = sorted((p for p in doc.projects if p.scope == "本年" and p.total), key=lambda p: p.total, reverse=not ascending)
        if current:
            text += f"只看本年新安排的项目，{word}的是 {current[0].name} {amount_text(current[0].total, current[0].unit)}。"
    if d.where.startswith("所列的") and not both and len(shown) < len(ranked) <= 4:  # (A和B哪个多: both figures)
        text += "其余：" + "；".join(f"{v.label} {amount_text(v.amount, v.unit)}" for v in ranked[len(shown):]) + "。"
    gap = None
    if both and len(ranked) > 1:  # 最大和最小的分别是哪个: both ends
        last = ranked[-1]
        text += f"{'最多' if ascending else '最少'}的是 {last.label}，{amount_text(last.amount, last.unit)}。"
        if re.search(r"差|相差|多多少|少多少|差距|差额", q.squashed) and last.unit == head.unit:
            gap = abs(head.amount - last.amount)  # 最大的和最小的差多少: the two ends' difference
            text += f"两者相差 {amount_text(gap, head.unit)}（{max(head.amount, last.amount)} − {min(head.amount, last.amount)}）。"
        shown = shown + [last]
    added = len(shown) > 1 and len({v.unit for v in shown}) == 1 \
        and bool(lexicon.ADDED.search(q.squashed))
    of_list = added and "占" in q.squashed and bool(total(d.rows))
    if added:  # 前三大加起来多少(，占本年项目多少): the items ranked, added (and as a share of the list)
        text += f"这 {len(shown)} 项合计 {amount_text(total(shown), head.unit)}" + (
            f"，占{d.where}合计 {amount_text(total(d.rows), head.unit)} 的 {pct(total(shown), total(d.rows))}%。" if of_list else "。")
    a = answer("rank", f"{d.where}，按金额{order}", text)
    if added:
        a.figure("合计（计算）", total(shown), head.unit)
    if of_list:
        a.figure("占比（计算）", pct(total(shown), total(d.rows)), "%")
    if gap is not None:
        a.figure("最多与最少之差（计算）", gap, head.unit)
    if tied:
        a.figure("并列个数", Decimal(len(shown)), "个")
    for v in shown:
        a.figure(v.label, v.amount, v.unit, v.where, v.line)
    _shares_in_list(a, q, d, shown)
    _table(a, ranked if shown == ranked[:len(shown)] else shown, ranked=True)  # (the whole ranking behind the top:
    a.chart = [(v.label, v.amount) for v in shown]  # 最便宜的 next points into it; the chart is of those named)
    a.focus = shown[:1] if len(shown) == 1 else shown
    return a


def _two_places(d: Domain, q: Query, first: int, second: int) -> Answer | None:
    """第一名比第二名多多少: the gap between two places of the ranking."""
    ranked = sorted(d.rows, key=lambda v: v.amount, reverse=not q.ascending)
    if max(first, second) > len(ranked) or first == second or ranked[first - 1].unit != ranked[second - 1].unit:
        return None
    a_, b_ = ranked[first - 1], ranked[second - 1]
    gap = a_.amount - b_.amount
    order = "从小到大" if q.ascending else "从大到小"
    a = answer("difference", f"{d.where}，按金额{order}第 {first} 位与第 {second} 位之差",
               f"{d.where}中按金额{order}第 {first} 位 {a_.label} {amount_text(a_.amount, a_.unit)}，第 {second} 位 "
               f"{b_.label} {amount_text(b_.amount, b_.unit)}；前者比后者{'多' if gap >= 0 else '少'} "
               f"{amount_text(abs(gap), a_.unit)}（{a_.amount} − {b_.amount}）。")
    a.figure("差额（计算）", abs(gap), a_.unit)
    for v in (a_, b_):
        a.figure(v.label, v.amount, v.unit, v.where, v.line)
    a.focus = [a_, b_]
    return a


# Asking the place of a named thing in a ranking (排第几, 第几名, 排名如何), or whether it is first (是不是最多的).
_PLACE_ASKED = patterns.compile(r"排(?:名)?(?:在)?第几|第几(?:名|位)|排名(?:多少|怎样|如何|怎么样|情况)|排老几|" + CLAIMED_FIRST.pattern)


def _place_of(doc: Document, q: Query) -> Answer | None:
    """山西画报订阅费用在这些项目里排第几: the named thing's place among the list it belongs to, by amount."""
    named = [m for m in q.subjects if m.kinds & {"project", "code", "item", "row"}]
    if len(named) != 1:
        return None
    code = next((t.key for t in named[0].terms if t.kind == "code"), "")
    if code and q.level is None and not q.domain and len(code) in (3, 5, 7):  # 一般公共服务支出排第几: among its level
        q = replace(q, level={3: "类", 5: "款", 7: "项"}[len(code)], domain="subjects")
    d = domain(doc, replace(q, subjects=[m for m in q.subjects if m is not named[0]]))
    keys = {squash(t.name) for t in named[0].terms} | {t.key for t in named[0].terms if t.kind == "code"}
    mine = next((v for v in d.rows if any(k and (k in squash(v.label) or v.key == k) for k in keys)), None)
    own = re.search(r"（(本年|上年结转)）$", mine.label) if mine is not None and q.scope is None and q.table is None \
        and not re.search(r"全部|所有|全体|含结转|连同|两张表", q.squashed) else None
    if own:  # (a project's place among the list it is printed in, this year's or the carried-over, unless 全部 is said)
        d = domain(doc, replace(q, subjects=[m for m in q.subjects if m is not named[0]], scope=own.group(1)))
        mine = next((v for v in d.rows if any(k and (k in squash(v.label) or v.key == k) for k in keys)), None)
    if mine is None or len(d.rows) < 2:
        return None
    place = 1 + sum(1 for v in d.rows if (v.amount < mine.amount if q.ascending else v.amount > mine.amount))
    order = "从小到大" if q.ascending else "从大到小"
    ranked = sorted(d.rows, key=lambda v: v.amount, reverse=not q.ascending)
    claimed = CLAIMED_FIRST.search(q.squashed)  # (X是不是最多的: yes or no, then its place; tied ones said)
    tied = sum(1 for v in d.rows if v.amount == mine.amount) - 1
    verdict = (("是" + (f"（与另外 {tied} 项并列）" if tied else "") + "。") if place == 1 else "不是。") if claimed else ""
    a = answer("rank", f"{mine.label} 在{d.where}中的名次",
               f"{verdict}{mine.label} {amount_text(mine.amount, mine.unit)}，在{d.where}（共 {len(d.rows)} 项）中按金额{order}排第 {place} 位"
               f"（第 1 位 {ranked[0].label} {amount_text(ranked[0].amount, ranked[0].unit)}）。")
    a.figure(mine.label, mine.amount, mine.unit, mine.where, mine.line)
    a.figure("名次", Decimal(place), "位")
    _table(a, ranked, ranked=True)
    a.focus = [mine]
    return a


def _shares_in_list(a: Answer, q: Query, d: Domain, shown: list[Value]) -> None:
    """哪一类最多、占多少: each item ranked, as a share of the whole list it was ranked in (their sum), or of an
    amount the question types (占1084.38的百分比)."""
    if q.whole is not None or not re.search(r"占|比重|比例|百分", q.squashed) or len({v.unit for v in d.rows}) > 1:
        return
    typed = typed_value(q.amounts[0], d.rows[0].unit) if len(q.amounts) == 1 and re.search(r"占\d", q.squashed) else None
    whole = typed or total(d.rows)
    if not whole:
        return
    said = []
    for v in shown:
        share = pct(v.amount, whole)
        said.append(f"{v.label} 占 {share}%")
        a.figure(f"{v.label} 占{'所问金额' if typed else d.where + '合计'}", share, "%")
    if typed:
        a.text += f"以所问的 {amount_text(whole, d.rows[0].unit)}为分母："
    else:
        a.text += f"以{d.where}合计 {amount_text(whole, d.rows[0].unit)} 为分母（{len(d.rows)} 项相加）："
    a.text += "；".join(said) + "。"


def mean(doc: Document, q: Query) -> Answer | None:
    """平均每个项目多少: the items' total divided by their number (exact, then rounded to the cent); their
    median (中位数) or range (极差) when that is asked."""
    if q.domain == "projects" and q.scope in (None, "全部") and re.search(r"各自|各|分别", q.squashed) \
            and re.search(r"两张(?:项目)?(?:支出)?(?:预算)?表|两个表|两类|两种|本年和(?:上年)?结转|新安排和(?:上年)?结转", q.squashed):
        # (两张表各自平均每个项目多少: this year's projects and those carried over, each)
        found = [a for scope in ("本年", "上年结转") if (a := mean(doc, replace(q, scope=scope))) is not None]
        return joined(found) if found else None
    if not spread_asked(q) and _PER_ITEM.search(q.squashed) and (stated := _stated_mean(doc, q)) is not None:
        return stated
    d = domain(doc, q)
    if not d.rows or len({v.unit for v in d.rows}) > 1:
        return None
    if spread_asked(q):
        return spread(d, spread_asked(q))
    whole, n, unit = total(d.rows), len(d.rows), d.rows[0].unit
    value = (whole / n).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    a = answer("mean", f"{d.where}的平均金额", f"{d.where}共 {n} 个，合计 {amount_text(whole, unit)}，"
               f"平均每个 {amount_text(value, unit)}（{whole} ÷ {n}，四舍五入到分）。")
    a.figure("平均值（计算）", value, unit)
    a.figure("合计（计算）", whole, unit)
    a.figure("个数", Decimal(n), "个")
    _table(a, d.rows)
    return a


# A mean per thing counted (平均每个 / 每个平均 / 平均一个), not an average stated (平均得分).
_PER_ITEM = patterns.compile(r"平均(?:每|一)|每(?:个|项|家)[^，。？?]{0,6}平均")
# A count typed with its measure word (41个项目 / 三家单位 / 20项).
_TYPED_COUNT = patterns.compile(r"(\d+|[一二两三四五六七八九十百]+)(?:个|项|家)")


def _stated_mean(doc: Document, q: Query) -> Answer | None:
    """A mean over a count the narrative states with its money (编报绩效目标的项目共41个，涉及项目预算资金4929.31万元),
    asked with that count typed (41个项目平均每个多少) or with its words (编报绩效目标的项目平均每个多少): the money
    stated after the count, over the count. Of several such counts, the one whose words the question shares most."""
    typed = {said_number(m.group(1)) for m in _TYPED_COUNT.finditer(q.squashed)}
    pairs = []
    for f in doc.facts:  # (with no count typed, one the question names by four characters running of its words)
        if f.kind == "count" and f.value > 0 and (f.value in typed if typed else _shares_run(f.label, q.squashed, 4)):
            money = next((g for g in doc.facts if g.kind == "amount" and g.sentence == f.sentence and g.line >= f.line), None)
            if money is not None:
                pairs.append((sum(ch in q.squashed for ch in set(f.label)), f, money))
    if not pairs:
        return None
    _, count, money = max(pairs, key=lambda p: p[0])
    value = (money.value / count.value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    a = answer("mean", f"{count.label}的平均金额", f"{count.label} {count.value} {count.unit}，{money.label} "
               f"{amount_text(money.value, money.unit)}，平均每个 {amount_text(value, money.unit)}（{money.value} ÷ "
               f"{count.value}，四舍五入到分；情况说明 第{count.line}行）。")
    a.figure("平均值（计算）", value, money.unit)
    a.figure(money.label, money.value, money.unit, "情况说明", money.line)
    a.figure(count.label, count.value, count.unit, "情况说明", count.line)
    return a


def _shares_run(label: str, text: str, n: int) -> bool:
    """``text`` holds n characters running of ``label`` (digits and the word 项目 aside)."""
    words = re.sub(r"\d+年度?|项目|[的共]", " ", label).split()
    return any(w[i:i + n] in text for w in words for i in range(len(w) - n + 1))


def spread(d: Domain, kind: str) -> Answer:
    """The median of a list's amounts (the middle one, or the mean of the middle two) or their range."""
    amounts, unit = sorted(v.amount for v in d.rows), d.rows[0].unit
    n = len(amounts)
    if kind == "median":
        middle = amounts[n // 2] if n % 2 else (amounts[n // 2 - 1] + amounts[n // 2]) / 2
        how = f"第 {n // 2 + 1} 个" if n % 2 else f"第 {n // 2} 和第 {n // 2 + 1} 个的平均：({amounts[n // 2 - 1]} + {amounts[n // 2]}) ÷ 2"
        a = answer("mean", f"{d.where}的中位数", f"{d.where}共 {n} 个，按金额从小到大排，中位数是{how} = "
                   f"{amount_text(middle, unit)}。")
        a.figure("中位数（计算）", middle, unit)
    else:
        high, low = max(d.rows, key=lambda v: v.amount), min(d.rows, key=lambda v: v.amount)
        a = answer("mean", f"{d.where}的极差", f"{d.where}共 {n} 个，最大 {high.label} {amount_text(high.amount, unit)}，"
                   f"最小 {low.label} {amount_text(low.amount, unit)}，极差 {amount_text(high.amount - low.amount, unit)}"
                   f"（{high.amount} − {low.amount}）。")
        a.figure("极差（计算）", high.amount - low.amount, unit)
    a.figure("个数", Decimal(n), "个")
    _table(a, d.rows)
    return a


def spread_asked(q: Query) -> str | None:
    """The statistic of a list's spread a question asks for (中位数: median; 极差, 最大与最小之差: range)."""
    if q.has("中位数", "中值"):
        return "median"
    return "range" if q.has("极差") or re.search(r"最大(?:值)?(?:和|与|减)最小", q.squashed) else None


def _asks_mean(q: Query) -> bool:
    return q.average and q.comparator is None and q.threshold is None


def _stated_counts(doc: Document, q: Query) -> Answer | None:
    """特定目标类项目有几个: the counts the report states in words, for the names that are counts."""
    first: dict[str, object] = {}  # each name once, as first stated
    for m in q.subjects:
        for f in doc.facts:
            if f.kind == "count" and m.term.kind == "fact" and f.label == m.term.key:
                first.setdefault(f.label, f)
    facts = list(first.values())
    if not facts or len(facts) < len([m for m in q.subjects if m.term.kind != "topic"]):
        return None
    a = answer("count", "、".join(f.label for f in facts), "")
    said = []
    for f in facts:
        a.figure(f.label, f.value, f.unit, "情况说明", f.line)
        amount = next((g for g in doc.facts if g.kind == "amount" and g.sentence == f.sentence and g.line >= f.line), None)
        if amount is not None:  # 8个，共计金额246.89万元: the amount stated with the count
            a.figure(f"{f.label}{amount.label}", amount.value, amount.unit, "情况说明", amount.line)
        said.append(f"{f.label} {f.value} {f.unit}" + (f"，{amount.label} {amount_text(amount.value, amount.unit)}" if amount else "")
                    + f"（情况说明 第{f.line}行）")
    a.text += "；".join(said) + "。"
    return a


# Whether the projects' performance targets were all published (是不是都公开了绩效目标, 都有绩效目标表吗).
_SHEETS_PUBLISHED = patterns.compile(r"(?:公开|编制|填报|报送|都有|全有)(?:了)?(?:项目)?绩效目标|绩效目标(?:表)?(?:是不是|是否)?(?:都|全部|全都)")


def _lists_counted(doc: Document, q: Query, scopes: list[str]) -> Answer | None:
    """Several lists named to be counted (本年项目和上年结转项目各几个, 加起来一共几个): each one's count and
    their sum."""
    counted = [domain(doc, replace(q, scope=scope, subjects=[m for m in q.subjects if m.term.key == scope]))
               for scope in scopes]
    if not all(d.rows for d in counted):
        return None
    n = sum(len(d.rows) for d in counted)
    a = answer("count", "、".join(d.where for d in counted),
               "；".join(f"{d.where}共 {len(d.rows)} 个" for d in counted) + f"；合计 {n} 个（计算）。")
    for d in counted:
        a.figure(f"{d.where}个数", Decimal(len(d.rows)), "个")
    a.figure("合计个数（计算）", Decimal(n), "个")
    _table(a, [v for d in counted for v in d.rows])
    return a


# The total rows left out of a count of a table's rows (不算合计行, 除去合计).
_TOTAL_LEFT_OUT = patterns.compile(r"(?:不算|不含|不包括|不计|除去|除了|去掉|扣除|扣掉)(?:最后的|那个|那一?行)?(?:合计|总计)")


def count(doc: Document, q: Query) -> Answer | None:
    """How many projects, subjects, items, sheets, units or duties."""
    if _asks_mean(q):
        return mean(doc, q)
    if q.has("并列") and q.has("最"):  # 最小的有几个并列: the ties at that end of the ranking
        return rank(doc, replace(q, op="rank", n=1, nth=None, ascending=q.has("最小", "最少", "最低", "最便宜")))
    stated = _stated_counts(doc, q)
    if stated is not None:
        return stated
    if q.domain in UNIT_DOMAINS:
        return text.units(doc, q)
    if q.domain == "duties":
        n = len(doc.items_of("duty"))
        a = answer("count", "本部门职责", f"本部门职责共 {n} 条。")
        a.figure("职责条数", Decimal(n), "条")
        return a
    if q.domain == "targets" and _sheet_fund_asked(doc, q) is None and not sheets_compared(q):
        return text.performance_overview(doc, q.scope or ("本年" if _SHEETS_PUBLISHED.search(q.squashed) else None))
    if q.domain == "targets":
        q = replace(q, domain="projects")  # 其中有几个带上年结转资金 after the sheets: those with that fund
    glossary = doc.items_of("glossary")  # (an entry's parts explained within it, after 其中, are not entries of their own)
    if q.has("名词", "术语") and (terms := [i for i in glossary if not any(o is not i and i.text in o.text for o in glossary)]):
        a = answer("count", "名词解释", f"名词解释共 {len(terms)} 个：{'、'.join(i.name for i in terms)}（第{terms[0].line}行起）。")
        a.figure("名词个数", Decimal(len(terms)), "个")
        return a
    if q.comparator is not None and q.threshold is not None and (found := filter_(doc, replace(q, op="filter"))) is not None:
        return found  # 有几项是0 / 超过50万的有几个: those that pass, counted
    lists = list(dict.fromkeys(m.term.key for m in q.subjects if "list" in m.kinds))
    if len(lists) >= 2:
        return _lists_counted(doc, q, lists)
    d = domain(doc, q)
    if not d.rows and not (q.domain == "projects" and q.scope):
        return None
    each = q.each or q.has("各多少", "各花", "各是多少", "分别多少", "分别是多少")  # 几个项，各花了多少: with their figures
    listing = _listing(d.rows, numbered=False) if each else "、".join(v.label for v in d.rows)
    a = answer("count", d.where, f"{d.where}共 {len(d.rows)} 个" + (f"：{listing}。" if d.rows else "。"))
    a.figure(f"{d.where}个数", Decimal(len(d.rows)), "个")
    table = next((t for t in doc.tables if d.where.startswith(t.label + " ")), None)
    if table is not None and q.has("几行", "多少行") and len(table.rows) != len(d.rows):
        a.text += f"（全表共印 {len(table.rows)} 行，含合计、小计和上级科目的行。）"  # (表2有几行: both counts)
        if _TOTAL_LEFT_OUT.search(q.squashed):  # (不算合计行有多少行科目: every printed row but the totals)
            kept = [r for r in table.rows if not re.search(r"合计|总计", r.name)]
            a.text += f"不算合计行，{table.label} 印有 {len(kept)} 行。"
            a.figure("不含合计的行数", Decimal(len(kept)), "行")
    for v in d.rows[:20] if each else []:
        a.figure(v.label, v.amount, v.unit, v.where, v.line)
    if d.rows and (q.has("合计", "总额", "共计", "一共多少钱", "多少钱", "金额")):
        a.figure("合计（计算）", total(d.rows), d.rows[0].unit)
        a.text += f"合计 {amount_text(total(d.rows), d.rows[0].unit)}（计算）。"
    _table(a, d.rows)
    return a


# Which of the things said are nil (哪几项是零, 为零的有几种, 金额为0的有哪些).
_ZERO_ASKED = patterns.compile(r"(?:哪(?:几|些)|几)(?:项|个|种|类|块|样)?[^，。？?]{0,4}?(?:是|为|等于)(?:0|零)(?![.\d])"
                         r"|(?:是|为|等于)(?:0|零)(?:万元|元|辆)?的(?:有|是)?(?:哪|几)")


def zero_items(doc: Document, q: Query) -> Answer | None:
    """收入来源里哪几项是零 / 公务用车按类型看，为零的有几种: the figures stated as nil in the part of the
    report the question speaks of (the vehicles of the asset paragraph when it says 车; else the narrative
    section whose title shares most with the question), listed and counted."""
    if not _ZERO_ASKED.search(q.squashed) or any(m.kinds & {"code", "item", "project"} for m in q.subjects):
        return None
    if re.search(r"车|辆", q.squashed):
        where, source = "公务用车（国有资产占有使用情况）", "国有资产占有使用情况"
        nil = [(i.name, i.unit, i.line) for i in doc.items_of("asset") if i.unit == "辆" and i.value == 0]
    else:
        sections = {f.section for f in doc.facts if f.kind == "amount" and f.value == 0 and f.section}
        words = {q.squashed[i:i + 2] for i in range(len(q.squashed) - 1)}
        scored = sorted(((sum(w in squash(s) for w in words), s) for s in sections), reverse=True)
        if not scored or scored[0][0] == 0:
            return None
        where, source = scored[0][1], "情况说明"
        nil = [(f.label, f.unit, f.line) for f in doc.facts if f.section == where and f.kind == "amount" and f.value == 0]
    if not nil:
        return None
    a = answer("filter", f"{where}中为 0 的", f"{where}中为 0 的有 {len(nil)} 项：" + "、".join(n for n, _, _ in nil) + "。")
    for name, unit, line in nil:
        a.figure(name, Decimal(0), unit, source, line)
    a.figure("个数", Decimal(len(nil)), "个")
    return a


def filter_(doc: Document, q: Query) -> Answer | None:
    """Items above, below or equal to a threshold (or the mean of the same items)."""
    if q.threshold is None and not q.average:
        if len(q.amounts) != 1:
            return None
        q = replace(q, threshold=q.amounts[0])  # 60万的项目: the ones of that amount
    d = domain(doc, q)
    if not d.rows and q.threshold is not None and not any(t.has_data for t in doc.tables):
        d = _stated_amounts(doc)  # (no table prints a figure: the sizes are the text's)
    if not d.rows:
        return None
    unit = d.rows[0].unit
    if q.threshold is None or (q.average and not q.amounts):
        threshold = total(d.rows) / len(d.rows)  # compared exactly, shown to four places when it does not end
        d.where += f"（平均值 = {total(d.rows)} ÷ {len(d.rows)}）"
    else:
        threshold = typed_value(q.threshold, unit)
    comparator = q.comparator or ("gt" if q.average and not q.amounts else "eq")  # no comparison word: equal to it
    upper = typed_value(q.upper, unit) if comparator == "between" and q.upper else threshold
    test = {"gt": lambda x: x > threshold, "ge": lambda x: x >= threshold, "lt": lambda x: x < threshold,
            "le": lambda x: x <= threshold, "eq": lambda x: x == threshold, "ne": lambda x: x != threshold,
            "between": lambda x: threshold <= x <= upper}[comparator]
    word = {"gt": "超过", "ge": "不少于", "lt": "低于", "le": "不超过", "eq": "正好等于", "ne": "不等于", "between": "在"}[comparator]
    rounded = threshold.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    shown = threshold if rounded == threshold else rounded
    bound = ("约 " if shown != threshold else "") + amount_text(shown, unit) + (f" 至 {amount_text(upper, unit)} 之间（含两端）" if comparator == "between" else "")
    chosen = [v for v in d.rows if test(v.amount)]
    listing = "、".join(f"{v.label} {amount_text(v.amount, v.unit)}" for v in chosen) or "没有"
    # no total where a code and one of its parts are both chosen: the part is inside the code's figure
    nested = any(v is not w and v.key.isdigit() and w.key.startswith(v.key) for v in chosen for w in chosen)
    added = len(chosen) > 1 and not nested and not d.mixed
    a = answer("filter", f"{d.where}中金额{word} {bound}",
               f"{d.where}中金额{word} {bound}的有 {len(chosen)} 个：{listing}"
               + (f"；合计 {amount_text(total(chosen), unit)}。" if added else "。"))
    for v in chosen[:20]:
        a.figure(v.label, v.amount, v.unit, v.where, v.line)
    if added:
        a.figure("合计（计算）", total(chosen), unit)
    a.figure("个数", Decimal(len(chosen)), "个")
    extreme = re.search(r"(?<!不)最(少|小|低|便宜|多|大|高|贵)", q.squashed)
    if extreme and chosen:  # 超过3万的里最少的是哪个 / 除了那几个3万的，最少的: the end of those that pass
        pick = (min if extreme.group(1) in "少小低便宜" else max)(chosen, key=lambda v: v.amount)
        a.text += f"其中最{extreme.group(1)}的是 {pick.label}，{amount_text(pick.amount, pick.unit)}。"
    _table(a, chosen)
    return a


# A percentage that is a rate of each thing (completion, growth), not a share of a whole.
RATE_WORDS = patterns.compile(r"完成|执行率|执行了|增长|增幅|增速|下降|降幅|减幅|变动")


# The largest (smallest) of a list set aside and the rest asked (去掉最大的那个还剩多少, 除了最少的那项其余合计).
EXTREME_ASIDE = patterns.compile(r"(?:去掉|除去|扣除|扣掉|除了|除开|不算|刨去|刨掉|拿掉|减去|减掉)(?:其中)?(?:金额|钱)?最(大|多|高|贵|小|少|低)"
                                 r"(?=的|那|一|项|个|笔)")


def rest_after_extreme(doc: Document, q: Query) -> Answer | None:
    """项目支出里去掉最大那个还剩多少: the things asked added, less the largest (smallest) of them, named."""
    said = EXTREME_ASIDE.search(q.squashed)
    if said is None:
        return None
    d = domain(doc, replace(q, op="rank", n=None, nth=None))
    if len(d.rows) < 2 or d.mixed or len({v.unit for v in d.rows}) != 1:
        return None
    pick = (max if said.group(1) in "大多高贵" else min)(d.rows, key=lambda v: v.amount)
    added, unit = total(d.rows), pick.unit
    # the whole as printed (项目支出 780.77, the list's 合计 row) when it is what the items add up to, by the check's rule
    printed = [v for m in q.subjects[:1] if m.kinds & {"column", "row", "fact"} for v in best_values(doc, m.terms, q)[:1]] \
        or ([t] if q.scope in ("本年", "上年结转") and (t := list_total(doc, q.scope)) else [])
    whole = printed[0] if printed and printed[0].unit == unit \
        and judge(printed[0].amount, [v.amount for v in d.rows]) != CONTRADICTION else None
    base = whole.amount if whole else added
    left = base - pick.amount
    a = answer("difference", f"{d.where} 除去其中最{said.group(1)}的一项",
               f"{d.where}共 {len(d.rows)} 项，" + (f"{whole.label} {amount_text(base, unit)}（{whole.where}）" if whole else
                                                   f"逐项相加 {amount_text(base, unit)}")
               + f"；其中最{said.group(1)}的是 {pick.label} {amount_text(pick.amount, unit)}；除去它，其余 {len(d.rows) - 1} 项"
               f"合计 {amount_text(left, unit)}（{base} − {pick.amount}）。"
               + (f"各项逐项相加为 {amount_text(added, unit)}，与印出的合计差 {abs(added - base)}（尾数差）。" if added != base else ""))
    a.figure("其余合计（计算）", left, unit)
    a.figure(pick.label, pick.amount, unit, pick.where, pick.line)
    a.figure(whole.label if whole else "各项合计（计算）", base, unit, *((whole.where, whole.line) if whole else ()))
    _table(a, sorted(d.rows, key=lambda v: -v.amount), ranked=True)
    return a


# Things asked whose figures are the same (哪几个项目金额一样, 哪些科目一样多).
SAME_AMOUNT = patterns.compile(r"(?:金额|数额|数字|钱|预算数?|决算数?)(?:都|完全)?(?:一样|相同|相等|一致)(?!吗|么|不|没)"
                               r"|(?:一样|同样)多(?!吗|么|不)|(?:相同|同样|同一)(?:的)?(?:金额|数额)")


def same_amounts(doc: Document, q: Query) -> Answer | None:
    """哪几个新项目金额一样: the things of the list asked that share a figure, grouped by it."""
    if not SAME_AMOUNT.search(q.squashed) or q.amounts or len(q.subjects) > 1 \
            or re.search(r"跟|(?<!相)同(?!样|一)|[和与](?=[^，,。？?]{0,12}一样)|它|这个|那个", q.squashed):
        return None  # (跟它金额一样的: the same as one thing, not the things alike among themselves)
    d = domain(doc, q)
    groups: dict[tuple, list[Value]] = {}
    for v in d.rows:
        groups.setdefault((v.amount, v.unit), []).append(v)
    same = [(amount, unit, vs) for (amount, unit), vs in groups.items() if len(vs) >= 2 and amount]
    if not d.rows:
        return None
    if not same:
        return answer("filter", f"{d.where}中金额相同的", f"{d.where}中没有金额相同的（共 {len(d.rows)} 项，各不相同）。")
    a = answer("filter", f"{d.where}中金额相同的", f"{d.where}中金额相同的有 {len(same)} 组：" + "；".join(
        f"{amount_text(amount, unit)}：{'、'.join(v.label for v in vs)}（{len(vs)} 项）" for amount, unit, vs in same) + "。")
    for amount, unit, vs in same:
        a.figure(f"{vs[0].label}等 {len(vs)} 项的金额", amount, unit, vs[0].where, vs[0].line)
        a.figure(f"金额为 {amount} 的项数", Decimal(len(vs)), "项")
    a.columns, a.rows = ["名称", "金额", "单位", "行"], [[v.label, v.amount, v.unit, v.line] for _, _, vs in same for v in vs]
    return a


def list_answer(doc: Document, q: Query) -> Answer | None:
    """The project lists (this year's and / or carried over), or the subjects with money carried over."""
    if q.domain in UNIT_DOMAINS + ("duties",):
        return text.units(doc, q) if q.domain != "duties" else text.duties(doc, q)
    if _asks_mean(q):
        return mean(doc, q)
    if q.domain == "subjects" and q.scope == "上年结转":
        d = _carried_subjects(doc, q)
    else:
        d = domain(doc, q)
    if not d.rows:
        return None
    unit = d.rows[0].unit
    order = _ORDER_ASKED.search(q.squashed)
    if order:  # 都有哪些项目，按金额从大到小排: the list in that order
        d.rows = sorted(d.rows, key=lambda v: v.amount, reverse=not re.search(r"小到大|低到高|少到多|升序", order.group(0)))
    a = answer("list", d.where, f"{d.where}共 {len(d.rows)} 个，合计 {amount_text(total(d.rows), unit)}（计算）"
               f"{'，按金额' + ('从小到大' if d.rows[0].amount < d.rows[-1].amount else '从大到小') if order else ''}："
               f"{_listing(d.rows, numbered=bool(order))}。")
    if q.op == "sum" or q.name_holds:  # (名称带X的有哪些？合计多少: the total is stated here)
        a.figure("合计（计算）", total(d.rows), unit)
    stated = list_total(doc, q.scope) if q.scope in ("本年", "上年结转") and d.where.endswith("项目") else None
    top = q.domain == "subjects" and q.table is not None and not (q.scope or q.fund or q.measures) \
        and all(len(v.key) == 3 and v.key.isdigit() for v in d.rows)
    stated = stated or (table_total(doc, q.table) if top else None)  # (a table's 类 rows add up to its printed total)
    if stated is not None and stated.amount != total(d.rows):
        a.text += f"表中所印合计为 {amount_text(stated.amount, stated.unit)}（{stated.where} 第{stated.line}行），与逐项相加差 {abs(stated.amount - total(d.rows))}。"
    _table(a, d.rows)
    return a


# A list asked in an order of amount (从大到小排, 降序, 由低到高).
_ORDER_ASKED = patterns.compile(r"(?:从|由)(?:大到小|小到大|高到低|低到高|多到少|少到多)|[降升]序|排序|排一下|排个序")


def _carried_subjects(doc: Document, q: Query) -> Domain:
    """Subjects with money carried over from last year, from the income table."""
    table = doc.table("income")
    column = measure_column(table, "上年结转") if table else None
    if column is None:
        return Domain("", [])
    level = q.level or "项"
    rows = [r for r in table.rows if r.code and r.level == level and r.amount(column)]
    return Domain(f"{table.label} 中有上年结转的{level}级科目", [_value(table, r, r.amount(column)) for r in rows])


# A ranking of what the report states item by item as a percentage: the change from last year (涨幅最大的
# 科目, 增速冠军) or, in a 决算, the share of the budget spent (完成年初预算比例垫底的).
RATE_RANK = patterns.compile(r"涨幅|增幅|增速|增长率|涨得|增长最|增得最|降幅|下降最|降得最|减少最|减幅|变动最|变化最|增长得?最|涨得?最|下降得?最"
                        r"|减[得的]最多|完成率|执行率|完成.{0,6}比例|执行.{0,4}比例")
_LOW_FIRST = patterns.compile(r"垫底|最低|最少|最小|最差|倒数|降幅|下降最|降得最|减少最|减幅|减[得的]最多")
# A ranking of the stated changes by their amount (减得最多 / 增加最多), not by their rate (增幅 / 增长最快).
_BY_AMOUNT = patterns.compile(r"(?:[增减降涨少]|增加|减少|下降)(?:了)?[得的]?最多")
_BY_RATE = patterns.compile(r"幅|率|快|慢|百分")


_RATE_DIRECTION = patterns.compile(r"(增长|增加|上升|上涨|涨|提高|下降|减少|降低|下滑|降)(?:了)?的(?:科目|项目|项)?(?:有|是)?(?:几个|哪些|哪几|多少个|几项)")


def rate_filter(doc: Document, q: Query) -> Answer | None:
    """增幅超过20%的有哪些 / 写明比上年增长的有几个: the items the report states a rate of change for that
    pass the threshold (or go that way), listed and counted."""
    way = _RATE_DIRECTION.search(q.squashed)
    bound = q.percents[0] if q.percents and q.comparator in PASSES and RATE_RANK.search(q.squashed) else None
    if way is None and bound is None:
        return None
    rates = [f for f in doc.facts if f.topic and f.kind == "rate" and "完成" not in f.label]
    if len(rates) < 2:
        return None
    falling = bool(re.search(r"降|减|下", way.group(1) if way else q.squashed[:q.squashed.find("%")]))
    chosen = [f for f in rates if (f.value < 0 if falling else f.value > 0)]
    if bound is not None:
        chosen = [f for f in chosen if PASSES[q.comparator][1](abs(f.value), bound)]
    what = f"报告逐项说明的变动率中{'下降' if falling else '增长'}"
    if bound is not None:
        what += f"且{'降幅' if falling else '增幅'}{PASSES[q.comparator][0]} {bound}%"
    what += "的"
    listing = "；".join(f"{f.topic} {'增长' if f.value >= 0 else '下降'} {abs(f.value)}%（第{f.line}行）" for f in chosen)
    a = answer("filter", what, f"报告逐项说明了 {len(rates)} 个变动率，{what}有 {len(chosen)} 个" + (f"：{listing}。" if chosen else "。"))
    a.figure(f"{what}个数", Decimal(len(chosen)), "个")
    for f in chosen:
        a.figure(f"{f.topic}变动率（报告）", abs(f.value), "%", "情况说明", f.line)
        a.source("情况说明", f.line, f.topic)
    a.columns = ["名称", "变动率（%）", "行"]
    a.rows = [[f.topic, f.value, f.line] for f in chosen]
    return a


def rate_rank(doc: Document, q: Query) -> Answer | None:
    """The items the report states a rate for, ranked (highest first; lowest first when asked), with the
    reason the report gives for the first."""
    if re.search(r"完成|执行(?!数)", q.squashed):  # (比2025年执行数涨得最猛: a rate of change)
        return _completion_items(doc, q, items) if len(items := outturns(doc)) >= 2 else None
    # the rates stated item by item (a paragraph's topic, its amounts said beside); a report stating none so
    # only its totals' changes (by subject), by amount when the question asks an amount (减得最多)
    kind = "rate"
    rates = [f for f in doc.facts if f.topic and f.kind == kind]
    if len(rates) < 2:
        kind = "change" if _BY_AMOUNT.search(q.squashed) and not _BY_RATE.search(q.squashed) else "rate"
        rates = [f for f in doc.facts if f.subject and f.kind == kind]
    if len(rates) < 2:
        return None
    low = bool(_LOW_FIRST.search(q.squashed))
    ranked = sorted(rates, key=lambda f: f.value, reverse=not low)
    n = abs(q.n) if q.n else (3 if q.has("几个", "哪些", "几项") else 1)
    shown = ranked[:n]
    what = "变动率" if kind == "rate" else "增减额"
    word = ("降幅最大" if low else "增幅最大") if kind == "rate" else ("减少最多" if low else "增加最多")
    unit = "%" if kind == "rate" else rates[0].unit
    amounts = {id(f): [c for c in doc.facts if c.kind in ("amount", "change", "rate") and c is not f and _stated_of(c) == _stated_of(f)
                       and abs(c.line - f.line) <= 2][:2] for f in shown}  # (the figures its paragraph states with it)
    listing = "；".join(_said_change(f) + "".join(f"（{c.label} {amount_text(c.value, c.unit)}）" for c in amounts[id(f)])
                       + f"（第{f.line}行）" for f in shown)
    a = answer("rank", f"报告逐项说明的{what}，{word}", f"报告逐项说明的 {len(rates)} 个{what}中{word}的"
               f"{'是 ' if n == 1 else f' {len(shown)} 个：'}{listing}。")
    reason = stated_reason(doc, shown[0].sentence, shown[0].line)
    if reason:
        a.text += reason + "。"
    for f in shown:
        a.figure(f"{_stated_of(f)}{what}（报告）", abs(f.value), unit, "情况说明", f.line)
        for c in amounts[id(f)]:
            a.figure(f"{_stated_of(f)}{c.label}", c.value, c.unit, "情况说明", c.line)
        a.source("情况说明", f.line, _stated_of(f))
    a.columns = ["名次", "名称", f"{what}（{unit}）", "行"]
    a.rows = [[i + 1, _stated_of(f), f.value, f.line] for i, f in enumerate(ranked)]
    return a


def _stated_of(f) -> str:
    """What a stated figure is of: its paragraph's topic, the amount a change or rate qualifies, or its own label."""
    return f.topic or f.subject or f.label


def _said_change(f) -> str:
    """A stated change or rate as the answer says it (一般公共预算当年支出 下降 1,127.60 万元)."""
    size = f"{abs(f.value)}%" if f.kind == "rate" else amount_text(abs(f.value), f.unit)
    return f"{_stated_of(f)} {'增长' if f.value >= 0 else '下降'} {size}"


_COMPLETION_ASKED = patterns.compile(r"完成率|执行率|完成得|完成情况|完成.{0,6}比例|执行.{0,4}比例"
                               r"|决算(?:数)?占(?:年初|全年|调整后?)?预算(?:数)?的?(?:比例|比重|百分比)")
# 完成年初预算正好100%的有几项: a completion said as the budget done, of the subjects counted or listed
_COMPLETION_SAID = patterns.compile(r"完成了?(?:(?:年初|全年|调整后?)?预算的?)?(?:正好|恰好|刚好|不到|不足|低于|少于|没到|未到|超过|高于|达到)?\d")
_OUTTURN_AGAINST = patterns.compile(r"决算数?(?:正好|恰好|刚好)?(小于|低于|少于|不足|没达到|未达到|没有达到|大于|高于|超过|多于|等于)(?:全年|年初|调整)?预算"
                                    r"|决算数?(?:跟|和|与|同)(?:全年|年初|调整后?)?预算数?(?:数)?(持平|一致|相等|一样|相同)")
# Budget and outturn ranked by how far apart they are (预算和决算差额最大的, 哪一项差得最多).
_GAP_RANKED = patterns.compile(r"(?:差额|相差|差距|差得|差的|差)(?:最大|最多)|(?:最大|最多)的?(?:差额|差距)"
                         r"|(?:少|多|超|低|高|省|剩)(?:了|出)?(?:得|的)?最多")
# The way apart a ranking by the gap asks (决算比预算少得最多: outturns under their budget, most under first).
_GAP_UNDER = patterns.compile(r"(?:少|低|省|剩)(?:了|出)?(?:得|的)?最多")
_GAP_OVER = patterns.compile(r"(?:多|超|高)(?:了|出)?(?:得|的)?最多")
_BUDGETS_ADDED = patterns.compile(r"(?:年初预算|全年预算|调整预算)[^，。？?]{0,6}(?:加起来|合计|相加|之和|加总)")


def completion_asked(doc: Document, q: Query) -> Answer | None:
    """Questions over every subject a 决算's text states a budget and an outturn for (完成率最低的,
    完成率100%的有几项, 13项的年初预算加起来), when no one subject is named."""
    if doc.kind != "决算" or any(m.kinds & {"code", "item", "project"} and m.via != "context" for m in q.subjects):
        return None
    listing = q.op in ("rank", "count", "filter", "list") or bool(re.search(r"有?几[项个]|有哪些|哪几", q.squashed))
    if not (_COMPLETION_ASKED.search(q.squashed) and (listing or q.percents) or _COMPLETION_SAID.search(q.squashed) and listing
            or _BUDGETS_ADDED.search(q.squashed) and not q.percents or _OUTTURN_AGAINST.search(q.squashed)
            or _GAP_RANKED.search(q.squashed) and q.has("预算") and q.has("决算", "实际", "执行")):
        return None
    items = outturns(doc)
    return _completion_items(doc, q, items) if len(items) >= 2 else None


def code_names(doc: Document) -> dict[str, str]:
    """Every code the tables print, with its name (squashed)."""
    return {r.code: squash(r.name) for t in doc.tables for r in t.rows if r.code}


def code_of_topic(doc: Document, topic: str, names: dict[str, str] | None = None) -> str | None:
    """The code of a subject a paragraph names by its path (城乡社区支出（类）城乡社区规划与管理（款）
    城乡社区规划与管理（项）): the row of the deepest level whose name and parents' names agree (``names``:
    code_names(doc), when many topics are placed at once)."""
    path = [(squash(name), level) for name, level in re.findall(r"([^（）()\d、.\-—－]+)[（(](类|款|项)[）)]", topic)]
    if not path:
        return None
    names = names if names is not None else code_names(doc)
    width = {"类": 3, "款": 5, "项": 7}
    found = {code for code, name in names.items() if len(code) == width[path[-1][1]] and name == path[-1][0]
             and all(names.get(code[:width[level]]) in (None, name) for name, level in path[:-1])}
    return found.pop() if len(found) == 1 else None


def _completion_items(doc: Document, q: Query, items: list[Outturn]) -> Answer:
    """The subjects a 决算's text states a budget and an outturn for: those at a completion rate asked
    (完成率是100%的有几项), their budgets added (年初预算加起来), or ranked by completion (lowest first when
    asked), each with its budget, outturn and their difference."""
    unit = items[0].budget.unit
    against = _OUTTURN_AGAINST.search(q.squashed)
    if against:  # 决算小于全年预算的有几个: the subjects whose outturn stands so against their budget
        word = against.group(1) or "等于"  # (决算跟预算持平: equal)
        test = (lambda i: i.outturn.value > i.budget.value) if word in ("大于", "高于", "超过", "多于") else \
            (lambda i: i.outturn.value == i.budget.value) if word == "等于" else (lambda i: i.outturn.value < i.budget.value)
        chosen = [i for i in items if test(i)]
        a = answer("filter", f"报告逐项说明的 {len(items)} 个科目中决算{word}预算的",
                   f"报告逐项说明的 {len(items)} 个科目中，决算{word}预算的有 {len(chosen)} 个："
                   + "；".join(f"{i.topic}（{i.budget.label} {i.budget.value}，{i.outturn.label} {i.outturn.value}）" for i in chosen) + "。")
        a.figure("个数", Decimal(len(chosen)), "个")
    elif q.percents:
        level = q.percents[0]
        test = {"gt": lambda r: r > level, "ge": lambda r: r >= level, "lt": lambda r: r < level,
                "le": lambda r: r <= level}.get(q.comparator or "eq", lambda r: r == level)
        chosen = [i for i in items if test(i.rate)]
        said = {"gt": "超过", "ge": "不低于", "lt": "低于", "le": "不超过"}.get(q.comparator or "", "为")
        a = answer("filter", f"报告逐项说明的 {len(items)} 个科目中完成率{said} {level}% 的",
                   f"报告逐项说明的 {len(items)} 个科目中，完成率{said} {level}% 的有 {len(chosen)} 个："
                   + "；".join(f"{i.topic} {i.rate}%" for i in chosen) + "。")
        a.figure("个数", Decimal(len(chosen)), "个")
    elif lexicon.ADDED.search(q.squashed) and re.search(r"预算", q.squashed):
        budgets = sum((i.budget.value for i in items), Decimal(0))
        a = answer("sum", f"报告逐项说明的 {len(items)} 个科目的{items[0].budget.label}之和",
                   f"报告逐项说明的 {len(items)} 个科目的预算相加："
                   + " + ".join(f"{i.budget.value}" for i in items) + f" = {amount_text(budgets, unit)}"
                   + "".join(f"；与所问 {x.value} 相差 {abs(budgets - x.value)}" if x.value != budgets else f"，与所问 {x.value} 一致"
                             for x in q.amounts[:1]) + "。")
        a.figure("预算之和（计算）", budgets, unit)
    else:
        by_gap = bool(_GAP_RANKED.search(q.squashed))
        low = bool(_LOW_FIRST.search(q.squashed)) and not by_gap
        ranked = sorted(items, key=(lambda i: abs(i.outturn.value - i.budget.value)) if by_gap else (lambda i: i.rate),
                        reverse=not low)
        if by_gap and (_GAP_UNDER.search(q.squashed) or _GAP_OVER.search(q.squashed)):
            under = bool(_GAP_UNDER.search(q.squashed))  # only those apart the way asked
            ranked = [i for i in ranked if (i.outturn.value < i.budget.value) == under and i.outturn.value != i.budget.value] or ranked
        n = abs(q.n) if q.n else (3 if q.has("几个", "哪些", "几项") else 1)
        what = "预算与决算相差，最大" if by_gap else f"完成预算的比例，{'最低' if low else '最高'}"
        a = answer("rank", f"报告逐项说明的{what}",
                   f"报告逐项说明的 {len(items)} 个科目中{what.replace('，', '')}的"
                   f"{'是 ' if n == 1 else f' {n} 个：'}")
        said = []
        for i in ranked[:n]:
            gap = i.outturn.value - i.budget.value
            said.append(f"{i.topic} {i.rate}%{'' if i.stated else '（按两数计算）'}：{i.budget.label} {amount_text(i.budget.value, unit)}，"
                        f"{i.outturn.label} {amount_text(i.outturn.value, unit)}，相差 {amount_text(abs(gap), unit)}（第{i.budget.line}行）")
            a.figure(f"{i.topic}完成率", i.rate, "%", "情况说明", i.budget.line)
            a.figure(f"{i.topic}{i.budget.label}", i.budget.value, unit, "情况说明", i.budget.line)
            a.figure(f"{i.topic}{i.outturn.label}", i.outturn.value, unit, "情况说明", i.outturn.line)
            a.figure(f"{i.topic}差额（计算）", abs(gap), unit)
        a.text += "；".join(said) + "。"
        code = code_of_topic(doc, ranked[0].topic)
        if code:  # (该项年初预算与决算差多少: the subject picked, by its code)
            a.focus = [Value(ranked[0].topic, ranked[0].outturn.value, unit, "情况说明", ranked[0].outturn.line, code)]
        reason = stated_reason(doc, ranked[0].outturn.sentence, ranked[0].outturn.line)
        if reason:
            a.text += reason + "。"
    a.columns = ["名称", "预算", "决算", "完成率（%）", "行"]
    a.rows = [[i.topic, i.budget.value, i.outturn.value, i.rate, i.budget.line] for i in items]
    return a


# A row of a table named by its place as printed (表二倒数第二行, 表十二第三行, 最后一行): counted in the printed
# order, a total row counting as the row it is; or counted from the total row (合计下面第一行, 合计上面那一行).
_ROW_AT = patterns.compile(r"(?:(?P<total>合计|总计)(?P<side>下面|下方|以下|之下|后面|上面|上方|以上|之上|前面)(?:的|那)?)?"
                           r"(?:(?P<back>倒数)?第(?P<n>[一二两三四五六七八九十\d]{1,3})|(?P<last>最后|最末|末)[一1]?|(?P<first>首|头[一1])"
                           r"|(?<=[下方后上前的那])一?)行")


_TABLE_SAID = patterns.compile(r"表[\d一二三四五六七八九十]+|第[\d一二三四五六七八九十]+张表")


def row_at(doc: Document, q: Query, shown: int | None = None) -> Answer | None:
    """The row a question names by its place in a named table (or, naming none, the table the last answer
    showed: ``shown``), with its first printed figure."""
    m = _ROW_AT.search(q.squashed)
    tables = [int(s.term.key) for s in q.subjects if s.kinds == {"table"}] or ([q.table] if q.table is not None else [])
    # (表5第3行 of a report without a 表5 names no table shown before)
    tables = tables or ([shown] if shown is not None and not q.subjects and not _TABLE_SAID.search(q.squashed) else [])
    table = next((t for t in doc.tables if tables and t.no == tables[0]), None)
    if m is None or table is None or not table.rows or any(s.kinds != {"table"} for s in q.subjects) \
            or not (m["n"] or m["last"] or m["first"] or m["total"]):
        return None  # (表2第一行205教育支出的X: the row is named, its place only says where; 没填金额的行: no place)
    n = m["n"]
    place = 1 if m["first"] or not (n or m["last"]) else -1 if m["last"] else int(n) if n.isdigit() else small_numeral(n)
    place = -place if m["back"] else place
    said = "最后一行" if m["last"] else f"{'倒数' if place < 0 else ''}第{abs(place)}行"
    total = next((i for i, r in enumerate(table.rows) if r.is_total), None) if m["total"] else None
    if total is not None:  # counted from the total row, down or up
        below = m["side"] in ("下面", "下方", "以下", "之下", "后面")
        index = total + abs(place) if below else total - abs(place)
        said = f"{m['total']}{'下面' if below else '上面'}第{abs(place)}行"
        if not 0 <= index < len(table.rows):
            return None
        row = table.rows[index]
    elif m["total"] or not place or abs(place) > len(table.rows):
        return None
    else:
        row = table.rows[place - 1 if place > 0 else place]
    figure = f"，{amount_text(row.first, table.unit)}" if row.first is not None else "（本行未填金额）"
    a = answer("value", f"{table.label} {said}", f"{table.label} 按印刷顺序{said}是「{row.label}」{figure}（第{row.line}行）。")
    if row.first is not None:
        a.figure(row.label, row.first, table.unit, table.label, row.line)
    return a
