"""From a name to the figures it stands for in the document model, with table and line.

A classification code is read in the table that answers the question's scope (支出总表 for the
whole of it, the 一般公共预算 table or the income table's columns for this year's part, the 上年结转
column for the carried-over part), or in the table, fund or column the question names. Economic
items, rows of other tables, column totals, projects, performance sheets, stated figures, assets,
tables, topics and groups each have their own place. Several figures come back when a name is
printed with different figures in different places; the caller shows them all.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from budgetqa import lexicon
from budgetqa.models import Document, Fact, Row, Table
from budgetqa.models import ECONOMIC_CLASSES, YUAN_PER_UNIT
from budgetqa.question.query import Query, scope_said
from budgetqa.question.vocabulary import Term
from budgetqa.textnorm import squash, strip_ordinal


@dataclass
class Value:
    """One figure a name resolves to."""

    label: str
    amount: Decimal
    unit: str
    where: str  # 表3 2024年预算支出总表 / 情况说明 …
    line: int
    key: str = ""  # what identifies the thing (a code, item:…, project:…), for de-duplication
    note: str = ""
    asked: bool = False  # one of several figures the question asks for (not another reading of a name)


NARRATIVE = "情况说明"
# The names of the report's money as a whole (its summary totals)
REPORT_TOTALS = ("收入总计", "支出总计", "收支总计", "本年收入合计", "本年支出合计")
# Where a subject code's figure is read, by the question's scope, best first.
_CODE_TABLES = {
    None: ("expenditure", "fiscal_expenditure", "gp_expenditure", "income"),
    "全部": ("expenditure", "fiscal_expenditure", "gp_expenditure", "income"),
    "本年": ("gp_expenditure", "income", "expenditure", "fiscal_expenditure"),
    "上年结转": ("income", "expenditure"),
}
# Which tables print a column's total, best first.
COLUMN_TABLES = {
    "基本支出": ("expenditure", "gp_expenditure", "fiscal_expenditure"),
    "项目支出": ("expenditure", "gp_expenditure", "fiscal_expenditure"),
    "人员经费": ("basic_economic", "summary"),
    "公用经费": ("basic_economic", "summary"),
    "当年预算安排": ("summary",),
    "上年结转安排": ("summary",),
}


def distinct(tables: list[Table]) -> list[Table]:
    """Tables in order, each once."""
    seen: set[int] = set()
    return [t for t in tables if not (id(t) in seen or seen.add(id(t)))]


def row_of(table: Table | None, code: str) -> Row | None:
    """The row printed with ``code`` in a table."""
    return next((r for r in table.rows if r.code == code), None) if table else None


def titled(doc: Document, fund: str) -> list[Table]:
    """Tables whose title carries a fund (一般公共预算支出预算表 for 一般公共预算); not 'not including' it."""
    return [t for t in doc.tables if fund in t.title and f"不含{fund}" not in t.title]


def whole_column(q: Query) -> str | None:
    """The column a whole names when it is one (项目支出里的城乡社区支出: 项目支出), so that a code read
    within it is read in that column."""
    if q.whole is None or q.whole.kinds & {"code", "item", "project", "row"}:
        return None
    return next((t.key for t in q.whole.terms if t.kind == "column" and t.key in lexicon.MEASURES), None)


def measure_column(table: Table, measure: str, side: str | None = None) -> str | None:
    """The column of a table a measure word names (上年结转 -> 上年结转安排 or 上年结转)."""
    words = lexicon.MEASURES.get(measure, (measure,))
    columns = table.columns_for(side)
    for word in words:
        hit = next((c for c in columns if c.rsplit("/", 1)[-1] == word), None)
        if hit:
            return hit
    return next((c for c in columns if any(w in c.rsplit("/", 1)[-1] for w in words)), None)


def code_place(doc: Document, code: str, q: Query) -> tuple[Table, Row] | None:
    """The table and row a subject code is read from, for this question."""
    candidates: list[Table] = []
    if q.table is not None:
        candidates += [t for t in doc.tables if t.no == q.table]
    if q.fund:
        candidates += titled(doc, q.fund)
    kinds = _CODE_TABLES.get(q.scope, _CODE_TABLES[None])
    if doc.kind == "决算" and q.scope == "本年":
        kinds = _CODE_TABLES[None]  # a 决算's 支出决算表 holds this year's spending
    if q.measures:  # the tables printing the code with the most of the columns asked (of the scope's tables first:
        # 本年的基本支出和项目支出 in the table of this year's money)
        having = [(sum(bool(measure_column(t, m)) for m in q.measures), t) for t in doc.tables if row_of(t, code)]
        order = {kind: i for i, kind in enumerate(kinds)} if q.scope == "本年" else {}
        candidates += [t for n, t in sorted(having, key=lambda nt: (-nt[0], order.get(nt[1].kind, len(order)))) if n]
    if q.side == "收入" and not q.measures:  # 收了多少: the income table's row, where both print the code
        kinds = ("income", "fund_income") + kinds
    candidates += [t for kind in kinds for t in doc.tables if t.kind == kind]
    candidates += doc.tables
    for table in candidates:
        row = row_of(table, code)
        if row is not None:
            return table, row
    return None


def code_values(doc: Document, code: str, q: Query) -> list[Value]:
    """A subject code's figure: the table's first column, or each column the question names."""
    place = code_place(doc, code, q)
    if place is None:
        return []
    table, row = place
    named = next((t for t in doc.tables if t.no == q.table), None)
    if named is not None and named is not table and any(squash(strip_ordinal(r.name)) == squash(row.name) for r in named.rows):
        return []  # (表4里城乡社区支出: the table named prints it without its code; read it there, by its name)
    label = f"{code} {row.name}"
    measures = list(q.measures)
    if q.scope == "上年结转" and not measures and measure_column(table, "上年结转"):
        measures = ["上年结转"]
    elif q.scope == "本年" and not measures and table.kind == "income" and table.columns:
        measures = [table.columns[0].rsplit("/", 1)[-1]]
    if measures:
        out = []
        for measure in measures:
            column = measure_column(table, measure)
            if column is not None:
                cell = row.cell(column)
                out.append(Value(f"{label} {column.rsplit('/', 1)[-1]}", cell.amount if cell else Decimal(0),
                                 table.unit, table.label, cell.line if cell else row.line, code,
                                 "" if cell else "本表该栏未填", asked=len(measures) > 1))
        if out:
            return out
    if row.first is None:
        return [Value(label, Decimal(0), table.unit, table.label, row.line, code, "本表未填")]
    return [Value(label, row.first, table.unit, table.label, row.line, code)]


def carry_split(doc: Document, code: str) -> tuple[Table, Row, Decimal, Decimal | None] | None:
    """(income table, row, this year's part, carried-over part) of a code, when the income table prints them."""
    income = doc.table("income")
    row = row_of(income, code)
    if row is None or not income.columns:
        return None
    current = row.amount(income.columns[0]) or Decimal(0)
    carried = None
    column = measure_column(income, "上年结转")
    if column and column != income.columns[0]:
        carried = row.amount(column) or Decimal(0)
    return income, row, current, carried


def item_values(doc: Document, name: str, q: Query) -> list[Value]:
    """An economic item (基本工资, 差旅费, 工资福利支出): its row in the economic table, or a column of it."""
    tables = [t for t in doc.tables if t.no == q.table] + [t for t in doc.tables if t.kind == "basic_economic"] + doc.tables
    for table in tables:
        row = next((r for r in table.rows if squash(r.name) == squash(name) and (r.cells or table.kind == "basic_economic")), None)
        if row is None:
            continue
        key = f"item:{squash(row.name)}"
        for measure in q.measures:
            column = measure_column(table, measure)
            if column and row.cell(column):
                cell = row.cell(column)
                return [Value(f"{row.name}（{column.rsplit('/', 1)[-1]}）", cell.amount, table.unit, table.label, cell.line, key)]
        if row.first is None:
            return [Value(row.name, Decimal(0), table.unit, table.label, row.line, key, unfilled(table, doc))]
        # the half (人员经费 / 公用经费) whose column holds the whole of the row's figure
        kind = next((c.column.rsplit("/", 1)[-1] for c in row.cells[1:] if c.amount and c.amount == row.first), "")
        return [Value(row.name, row.first, table.unit, table.label, row.line, key, kind)]
    return []


_ROW_TABLES = ("summary", "fiscal_summary", "three_public", "operating_cost", "income", "expenditure")


def row_values(doc: Document, name: str, q: Query) -> list[Value]:
    """A row of a table printed without a code (一般公共预算拨款收入, 上年结转, 公务接待费 …)."""
    named = [t for t in doc.tables if t.no == q.table]
    order = named + [t for k in _ROW_TABLES for t in doc.tables if t.kind == k]
    if q.fund and named and measure_column(named[0], q.fund):
        q = replace(q, measures=[*q.measures, q.fund], fund=None)  # (财政拨款收支总表里X的一般公共预算栏: that column there)
    elif q.fund:
        order = titled(doc, q.fund) + order
    order += doc.tables
    out: list[Value] = []
    for table in distinct(order):
        for row in table.rows:
            if squash(strip_ordinal(row.name)) != squash(name) and squash(row.name) != squash(name):
                continue
            asked = row_measures(table, row, q)
            if len(asked) > 1:
                return asked
            value = _row_value(table, row, q)
            if value is not None and value.note.startswith("表注本表无数据"):
                value = replace(value, note=unfilled(table, doc))  # (with the report's sentence saying it has none)
            if value is not None and all(v.amount != value.amount for v in out):
                out.append(value)
        if out and (q.table is not None or q.fund):
            break
    if q.op == "value" and len(q.measures) == 1 and re.search(r"合计|总计", name) \
            and not any(q.measures[0] in v.label for v in out):
        # 一共花了多少？里面项目支出多少: a total whose table prints no such column; the column's own total
        whole = column_values(doc, q.measures[0], replace(q, measures=[]))
        if whole:
            return whole[:1]
    return out[:1] if out and q.table is None else out


# The column of a row that holds the money of a scope, where a table splits its rows by it.
_SCOPE_COLUMNS = {"本年": "当年预算安排", "上年结转": "上年结转"}


def unfilled(table: Table, doc: Document | None = None) -> str:
    """What a row printed with no amount says: nothing at all when its table is noted as having no data (and the
    sentence of the report saying it has none of the table's topic, 本部门无“三公”经费预算, beside it)."""
    if not table.empty:
        return "本表该行未填金额"
    topic = next((w for w in ("三公", "机关运行经费", "政府采购") if w in table.title), None)
    said = none_statement(doc, topic) if doc is not None and topic else None
    return "表注本表无数据，即无此项" + (f"；情况说明：{said[1]}（第{said[0]}行）" if said else "")


def none_statement(doc: Document, word: str) -> tuple[int, str] | None:
    """A sentence that says the report has none of something (本部门无“三公”经费预算): its line and text."""
    for i, line in enumerate(doc.lines):
        text = line.strip()
        if word in text and ("无" in text or "没有" in text) and len(text) < 80:
            return i + 1, text
    return None


def _row_value(table: Table, row: Row, q: Query) -> Value | None:
    """A row's figure: its first column, or the first column the question names."""
    found = row_measures(table, row, q)
    if found:
        return found[0]
    if q.scope in _SCOPE_COLUMNS and not q.measures and len(q.subjects) <= 1 and scope_said(q):
        # (支出总计不含上年结转: that column; a scope said among two names, 总预算是新拨款的几倍, is of one of them)
        found = row_measures(table, row, replace(q, measures=[_SCOPE_COLUMNS[q.scope]]))
        if found:
            return found[0]
    key = f"row:{table.no}:{row.row_no}"
    if row.first is None:
        return Value(row.name, Decimal(0), table.unit, table.label, row.line, key, unfilled(table))
    return Value(row.name, row.first, table.unit, table.label, row.line, key)


def row_measures(table: Table, row: Row, q: Query) -> list[Value]:
    """Each column of a row the question names (当年预算安排和上年结转各多少)."""
    out = []
    for measure in q.measures:
        column = measure_column(table, measure, row.side)
        cell = row.cell(column) if column else None
        if cell is not None:
            out.append(Value(f"{row.name} {column.rsplit('/', 1)[-1]}", cell.amount, table.unit, table.label, cell.line,
                             f"row:{table.no}:{row.row_no}:{column}", asked=len(q.measures) > 1))
    return out


def column_values(doc: Document, column: str, q: Query) -> list[Value]:
    """A column's total (基本支出, 项目支出, 人员经费 …): the total row of the table that prints it."""
    if column == "项目支出" and q.scope == "上年结转" and q.table is None:
        total = list_total(doc, "上年结转")
        if total is not None:
            return [total]
    kinds = COLUMN_TABLES.get(column, ("expenditure", "summary", "income", "fiscal_summary", "basic_economic"))
    if q.scope == "本年" and kinds[0] == "expenditure" and doc.kind != "决算":
        kinds = ("gp_expenditure",) + kinds
    tables = [t for t in doc.tables if t.no == q.table] if q.table is not None else []
    if q.fund:
        tables += [t for t in titled(doc, q.fund) if measure_column(t, column)]
    tables += [t for kind in kinds for t in doc.tables if t.kind == kind]
    tables += [t for t in doc.tables if measure_column(t, column)]
    for table in distinct(tables):
        row = table.total_row("支出") if table.two_sided else table.total_row()
        name = measure_column(table, column, row.side if row else None) if row else None
        if row is not None and name is not None and row.cell(name) is not None:
            cell = row.cell(name)
            return [Value(f"{column}（{_table_scope(doc, table)}）", cell.amount, table.unit, table.label, cell.line,
                          f"column:{table.no}:{column}")]
        total = next((r for r in table.rows if r.name in (f"{column}合计", column) and r.first is not None), None)
        if total is not None:  # 人员经费合计 printed as a row (决算 基本支出表)
            return [Value(f"{total.name}（{table.title}）", total.first, table.unit, table.label, total.line,
                          f"column:{table.no}:{column}")]
    return []


def _table_scope(doc: Document, table: Table) -> str:
    if doc.kind == "决算":
        return table.title
    if table.kind == "gp_expenditure":
        return "不含上年结转"
    if table.kind == "expenditure":
        return "含上年结转"
    return table.title


def project_values(doc: Document, name: str, q: Query) -> list[Value]:
    """A project's amount; both scopes when it is printed in both and the question names none."""
    found = [p for p in doc.projects if p.name == name and p.total is not None]
    scoped = [p for p in found if q.scope in (None, "全部") or p.scope == q.scope] or found
    out = []
    for p in scoped:
        table = next((t for t in doc.tables if t.no == p.table_no), None)
        where = table.label if table else f"表{p.table_no}"
        out.append(Value(f"{p.name}（{p.scope}项目）", p.total, p.unit, where, p.line, f"project:{p.scope}:{p.name}"))
    sheet = next((s for s in doc.performance if s.project_name == name), None)
    if sheet is not None and (not out or q.has("资金总额", "实施期资金", "年度资金")):
        return sheet_values(doc, sheet, q)  # a sheet's own column named: its figure, as the sheet prints it
    return out


def sheet_values(doc: Document, sheet, q: Query) -> list[Value]:
    """A performance sheet's funds: the ones the question names (资金总额, 上年结转 …) of the column
    asked (实施期 / 年度); asked for neither, the 年度 total — and the 实施期 total too when it differs."""
    scopes = [s for s in ("实施期", "年度") if q.has(s)] or ["年度"]

    def of(scope: str) -> list[tuple[str, Decimal]]:
        funds = [(k, v) for k, v in sheet.funds.items() if k.startswith(scope)]
        named = [(k, v) for k, v in funds if squash(k.split("/", 1)[1]) in q.squashed
                 or ("总额" in k and q.has("总额", "总金额", "一共"))]
        return named or [(k, v) for k, v in funds if "总额" in k] or funds[:1]

    chosen = [kv for scope in scopes for kv in of(scope)]
    if scopes == ["年度"] and not q.has("年度"):
        period = of("实施期")
        if period and [v for _, v in period] != [v for _, v in chosen]:
            chosen += period  # the two columns of one sheet disagree: show both
    return [Value(f"{sheet.project_name} {k.replace('/', '')}", v, sheet.unit, sheet.title,
                  sheet.fund_lines.get(k, sheet.line), f"sheet:{sheet.project_name}:{k}", asked=len(chosen) > 1)
            for k, v in chosen]


def fact_values(doc: Document, label: str, q: Query) -> list[Value]:
    """A figure stated in the narrative, and near labels stated with another figure (含结转 and not)."""
    out = []
    for f in doc.facts:
        near = f.label == label or (f.label.startswith(label) and len(f.label) - len(label) <= 2 and f.kind == "amount")
        if near and f.kind in ("amount", "count") and all(v.amount != f.value for v in out):
            out.append(Value(f.label, f.value, f.unit, f"{NARRATIVE} {f.section}".strip(), f.line, f"fact:{f.label}"))
    return out


def asset_values(doc: Document, name: str) -> list[Value]:
    return [Value(i.name, i.value, i.unit, "国有资产占有使用情况", i.line, f"asset:{i.name}")
            for i in doc.items_of("asset") if i.name == name and i.value is not None][:1]


def table_total(doc: Document, no: int, side: str = "支出", grand: bool = False, added: bool = False,
                column: str | None = None) -> Value | None:
    """A table's total row, first figure (a project list's opening department row); of a two-sided
    table, the side's 本年合计, or with ``grand`` its 总计 (which adds the carried-over lines). With
    ``added``, a table printing only partial totals (人员经费合计, 公用经费合计) gives their sum, so labelled.
    With ``column``, the total row's figure in that column."""
    table = next((t for t in doc.tables if t.no == no), None)
    if table is None:
        return None
    grand_row = next((r for r in table.rows if r.side == side and not r.code and r.name == f"{side}总计"), None) \
        if grand and table.two_sided else None
    row = grand_row or (table.total_row(side) if table.two_sided else table.total_row()) or (
        table.rows[0] if table.rows and table.kind.startswith("projects") else None)
    if row is None and added and not table.two_sided:  # 人员经费合计 … 公用经费合计 and no grand total
        parts = [r for r in table.rows if not r.code and r.name.endswith("合计") and r.first is not None]
        if len(parts) > 1:
            return Value(f"{table.label} {'＋'.join(r.name for r in parts)}", sum(r.first for r in parts), table.unit,
                         table.label, parts[0].line, f"total:{no}")
    if row is None or row.first is None:
        return None
    name = row.name if table.two_sided or not table.kind.startswith("projects") else "合计"
    if column is not None:
        cell = row.cell(column)
        return Value(f"{table.label} {name}（{column.rsplit('/', 1)[-1]}）", cell.amount, table.unit, table.label, row.line,
                     f"total:{no}") if cell is not None and cell.amount is not None else None
    return Value(f"{table.label} {name}", row.first, table.unit, table.label, row.line, f"total:{no}")


def list_total(doc: Document, scope: str) -> Value | None:
    """The total of this year's (本年) or the carried-over (上年结转) project list."""
    table = doc.table("projects_carryover" if scope == "上年结转" else "projects")
    if table is None or not table.rows or table.rows[0].first is None:
        return None
    return Value(f"{scope}项目支出合计", table.rows[0].first, table.unit, table.label, table.rows[0].line,
                 f"projects:{table.no}")


def group_members(doc: Document, word: str) -> list[Value]:
    """The printed items a group word stands for (社保缴费: the contribution items), in print order."""
    members = lexicon.GROUPS.get(word, ())
    table = doc.table("basic_economic")
    rows = [r for r in (table.rows if table else []) if any(lexicon.holds_member(r.name, m) for m in members)
            and r.name not in ECONOMIC_CLASSES and not r.is_total and r.first is not None]
    if table is not None and len(rows) >= 2:
        return [Value(r.name, r.first, table.unit, table.label, r.line, f"item:{squash(r.name)}") for r in rows]
    out = []
    for t in doc.tables:
        for r in t.rows:
            if r.code and any(lexicon.holds_member(r.name, m) for m in members) and r.first is not None and not any(
                    v.key == r.code or (v.key.isdigit() and r.code.startswith(v.key)) for v in out):
                out.append(Value(f"{r.code} {r.name}", r.first, t.unit, t.label, r.line, r.code))
        if out:
            break
    return out


# The topics a report treats apart: the kind of table each is printed in, and the word its stated figures'
# labels hold ((财政拨款)运行经费, “三公”经费).
TOPIC_TABLES = {"机关运行经费": "operating_cost", "三公经费": "three_public", "政府采购": "procurement"}
TOPIC_FACT_WORDS = {"政府采购": "采购", "机关运行经费": "运行经费", "三公经费": "三公"}


def table_no_of(where: str) -> int | None:
    """The number of the table a figure was read in (表5 2024年…), None for the text."""
    m = re.match(r"表(\d+)", where)
    return int(m.group(1)) if m else None


def topic_values(doc: Document, topic: str) -> list[Value]:
    """The figure of a topic a report treats apart: its table's total, else the figure its paragraph states."""
    table = doc.table(TOPIC_TABLES.get(topic, ""))
    row = (table.total_row() or (table.rows[0] if table.rows else None)) if table is not None else None
    if row is not None and row.first is not None:
        return [Value(topic, row.first, table.unit, table.label, row.line, f"topic:{topic}")]
    word = TOPIC_FACT_WORDS.get(topic, topic)
    fact = next((f for f in doc.facts if word in f.label and f.kind == "amount"), None)
    return [Value(fact.label, fact.value, fact.unit, NARRATIVE, fact.line, f"topic:{topic}")] if fact else []


def values(doc: Document, term: Term, q: Query) -> list[Value]:
    """Every figure a term can stand for in this question."""
    kind, key = term.kind, term.key
    if kind == "topic":
        return topic_values(doc, key)
    if kind == "code":
        return code_values(doc, key, q)
    if kind == "item":
        return item_values(doc, term.name, q)
    if kind == "row":
        return row_values(doc, key, q)
    if kind == "column":
        return column_values(doc, key, q)
    if kind == "project":
        return project_values(doc, key, q)
    if kind == "target":
        sheet = next((s for s in doc.performance if s.project_name == key), None)
        return sheet_values(doc, sheet, q) if sheet else []
    if kind == "fact":
        return fact_values(doc, key, q)
    if kind == "asset":
        return asset_values(doc, key)
    if kind == "table":
        total = table_total(doc, int(key), added=True)
        return [total] if total else []
    if kind == "list":
        total = list_total(doc, key)
        return [total] if total else []
    if kind == "group":
        members = group_members(doc, key)
        if len(members) < 2:
            return []
        total = sum((m.amount for m in members), Decimal(0))
        return [Value(f"{key}（{'、'.join(m.label for m in members)}）", total, members[0].unit, members[0].where,
                      members[0].line, f"group:{key}", "计算")]
    return []


def best_values(doc: Document, terms: list[Term], q: Query) -> list[Value]:
    """The figures of the most likely reading of a mention that has one (in order of the terms)."""
    for term in terms:
        found = values(doc, term, q)
        if found:
            return found
    return []


def is_descendant(code: str, others: list[str]) -> bool:
    """A 项 inside a 款 or 类 also named (never counted twice in a sum)."""
    return any(o != code and code.startswith(o) for o in others)


def children_rows(table: Table, row: Row) -> list[Row]:
    """The rows printed directly under a row: the next level of its code, or an economic class's items."""
    if row.code:
        return [r for r in table.rows if r.parent_code == row.code] or \
               [r for r in table.rows if r.code and r.code != row.code and r.code.startswith(row.code)]
    index = table.rows.index(row)
    below = []
    for r in table.rows[index + 1:]:
        if r.name in ECONOMIC_CLASSES or r.is_total or (r.code and len(r.code) == 3):
            break
        below.append(r)
    return below if row.name in ECONOMIC_CLASSES else []


def parent_row(table: Table, row: Row) -> Row | None:
    """The row a row is printed under: its code's parent, or the economic class above it."""
    if row.parent_code:
        return row_of(table, row.parent_code)
    if row.code and len(row.code) > 3:
        return row_of(table, row.code[:-2])
    index = table.rows.index(row)
    for r in reversed(table.rows[:index]):
        if r.name in ECONOMIC_CLASSES:
            return r
    return None


def topic_facts(doc: Document, q: Query) -> tuple[str, list] | None:
    """The 决算 paragraph about the subject asked for (…（项）), and the figures it states."""
    names = [squash(t.name) for m in q.subjects for t in m.terms if t.kind == "code"]
    topics = list(dict.fromkeys(f.topic for f in doc.facts if f.topic))
    # the paragraph's heading ends with the name, then its level, with or without its own code (基层司法业务（04项）)
    fitting = [t for t in topics if any(re.search(re.escape(n) + r"[（(]?\d*[项款类]?[）)]?$", squash(t)) for n in names)]
    parents = [r.name for m in q.subjects for t in m.terms if t.kind == "code" and len(t.key) == 7
               for _, r in doc.rows_with_code(t.key[:5])[:1]]
    if len(fitting) > 1 and parents:
        fitting = [t for t in fitting if any(squash(p) in squash(t) for p in parents)] or fitting
    if q.level:
        fitting = [t for t in fitting if any(re.search(re.escape(n) + r"[（(]?\d*" + q.level + r"[）)]?$", squash(t))
                                             for n in names)] or fitting
    # (a 类 heading paragraphs of its 项, 城乡社区支出(类）-…-城市建设支出（项）: the one stating the subject's own
    # amount, when the paragraph whose heading ends with the name states another, 其他城乡社区支出's)
    headed = [t for t in topics if any(squash(t).startswith(n + "类") for n in names)]
    stating = _stating_amount(doc, q, list(dict.fromkeys(fitting + headed)))
    if len(stating) == 1 and stating[0] not in fitting[:1] and not _stating_amount(doc, q, fitting[:1]):
        fitting = stating
    if not fitting:
        return None
    facts = [f for f in doc.facts if f.topic == fitting[0] and f.kind in ("amount", "share")]
    return (fitting[0], facts) if facts else None


def _stating_amount(doc: Document, q: Query, topics: list[str]) -> list[str]:
    """The paragraphs among these that state an amount a table prints for the one code asked (in any unit: the
    code's figure in one fund's table, 政府性基金's 338万 of 城乡社区支出, may be the paragraph's)."""
    codes = {t.key for m in q.subjects for t in m.terms if t.kind == "code"}
    rows = doc.rows_with_code(next(iter(codes))) if len(codes) == 1 and topics else []
    printed = {r.first * YUAN_PER_UNIT[t.unit] for t, r in rows if r.first and t.unit in YUAN_PER_UNIT}
    return [t for t in topics if printed and any(f.topic == t and f.kind == "amount" and f.unit in YUAN_PER_UNIT
                                                 and f.value * YUAN_PER_UNIT[f.unit] in printed for f in doc.facts)]


@dataclass(frozen=True)
class Outturn:
    """One subject of a 决算's paragraphs: its budget, its outturn, and the completion rate (stated, or
    computed from the two when the paragraph states none)."""

    topic: str
    budget: Fact
    outturn: Fact
    rate: Decimal
    stated: Fact | None  # the rate as the report states it


def outturns(doc: Document) -> list[Outturn]:
    """Every subject a 决算's text states a budget and an outturn for, in the order stated."""
    by_topic: dict[str, list[Fact]] = {}
    for f in doc.facts:
        if f.topic and f.kind in ("amount", "share"):
            by_topic.setdefault(f.topic, []).append(f)
    out = []
    for topic, facts in by_topic.items():
        budget = next((f for f in facts if f.kind == "amount" and re.search(r"年初预算|全年预算|调整预算", f.label)), None)
        outturn = next((f for f in facts if f.kind == "amount" and "决算" in f.label), None)
        if budget is None or outturn is None or budget.unit != outturn.unit:
            continue
        stated = next((f for f in facts if f.kind == "share" and f.label.startswith("完成")), None)
        if stated is not None:
            rate = stated.value
        elif budget.value:
            rate = (outturn.value / budget.value * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        else:
            continue
        out.append(Outturn(paragraph_subject(topic), budget, outturn, rate, stated))
    return out


def paragraph_subject(topic: str) -> str:
    """A 决算 paragraph's subject without the number it is listed under (其中：1、…（项） -> …（项））."""
    return re.sub(r"^(?:其中[：:])?\s*[\d一二三四五六七八九十]+[、.．]\s*", "", topic)
