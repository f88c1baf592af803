"""Turn a recognised name into the figure(s) it stands for, with table and line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from budgetqa.docdata import DocData, RowData, TableData
from budgetqa.matcher import Entity, Parsed


@dataclass
class Value:
    """One figure a name resolves to."""

    label: str
    amount: Decimal
    unit: str
    where: str  # 表3 2024年预算支出总表 / 情况说明 …
    line: int
    key: str = ""  # what identifies the thing (code, project scope:name …), for de-duplication
    note: str = ""


def table_label(t: TableData) -> str:
    """'表3 2024年预算支出总表'."""
    return f"表{t.no} {t.title}"


def code_table(doc: DocData, scope: str | None = None) -> TableData | None:
    """The table whose 合计 column answers 'how much for subject X' in a scope."""
    order = ("gp_expenditure", "income", "expenditure") if scope == "本年" else (
        "expenditure", "fiscal_expenditure", "gp_expenditure", "income")
    for kind in order:
        t = doc.table(kind)
        if t and any(r.code for r in t.rows):
            return t
    return None


def code_value(doc: DocData, code: str, scope: str | None = None, column: str | None = None,
               table_no: int | None = None) -> Value | None:
    """The figure of a subject code: 支出合计 (含结转), or this year's / carried-over part.

    With ``table_no`` (the question named a table) the row of that table answers.
    """
    named = doc.tables.get(table_no) if table_no else None
    if named is not None and _row(named, code) is not None:
        row = _row(named, code)
        value = row.amount(column) if column else row.first
        if value is not None:
            label = f"{code} {row.name}" + (f" {column}" if column else "")
            return Value(label, value, named.unit, table_label(named), row.line_of(column) if column else row.line, code)
    if scope == "上年结转":
        income = doc.table("income")
        row = _row(income, code)
        if row and income and "上年结转" in income.columns:
            value = row.amount("上年结转") or Decimal(0)
            return Value(f"{code} {row.name} 上年结转", value, income.unit, table_label(income), row.line_of("上年结转"), code)
    table = code_table(doc, scope)
    row = _row(table, code)
    if row is None:
        for t in doc.tables.values():
            row = _row(t, code)
            if row:
                table = t
                break
    if row is None or table is None:
        return None
    if column:
        value = row.amount(column)
        if value is None:
            value = Decimal(0)
        return Value(f"{code} {row.name} {column}", value, table.unit, table_label(table), row.line_of(column), code)
    if row.first is None:
        return Value(f"{code} {row.name}", Decimal(0), table.unit, table_label(table), row.line, code, "本表未填")
    scope_word = "（当年预算安排）" if table.kind in ("gp_expenditure", "income") and scope == "本年" else ""
    return Value(f"{code} {row.name}{scope_word}", row.first, table.unit, table_label(table), row.line, code)


def _row(table: TableData | None, code: str) -> RowData | None:
    if table is None:
        return None
    return next((r for r in table.rows if r.code == code), None)


def economic_value(doc: DocData, ref: str) -> Value | None:
    """A row of the basic-expenditure economic table (基本工资, 差旅费 …)."""
    table_no, _, row_no = ref.partition(":")
    table = doc.tables.get(int(table_no)) if table_no.isdigit() else None
    if table is None:
        return None
    row = next((r for r in table.rows if str(r.row_no) == row_no), None)
    if row is None or row.first is None:
        return None
    kind = next((c.rsplit("/", 1)[-1] for c in list(row.cells)[1:]), "")
    return Value(row.name, row.first, table.unit, table_label(table), row.line, f"econ:{row.name}",
                 f"{kind}" if kind else "")


def row_value(doc: DocData, ref: str, column: str | None = None) -> Value | None:
    """A row of any table by 'table:row' reference, its first cell or a named column."""
    table_no, _, row_no = ref.partition(":")
    table = doc.tables.get(int(table_no)) if table_no.isdigit() else None
    row = next((r for r in table.rows if str(r.row_no) == row_no), None) if table else None
    if row is None:
        return None
    if column and row.amount(column) is not None:
        return Value(f"{row.name} {column}", row.amount(column), table.unit, table_label(table), row.line_of(column), ref)
    if row.first is None:
        return Value(row.name, Decimal(0), table.unit, table_label(table), row.line, ref, "本表该行未填金额")
    return Value(row.name, row.first, table.unit, table_label(table), row.line, ref)


def project_value(doc: DocData, name: str, scope: str | None) -> Value | None:
    """A project's amount (this year's or carried over)."""
    for p in doc.projects:
        if p["name"] == name and (scope is None or p["scope"] == scope) and p["amount"] is not None:
            table = doc.tables.get(p["table_no"])
            where = table_label(table) if table else f"表{p['table_no']}"
            return Value(f"{p['name']}（{p['scope']}项目）", Decimal(p["amount"]), p["unit"], where,
                         p["source_line"], f"project:{p['scope']}:{p['name']}")
    return None


def fact_value(doc: DocData, label: str, kind: str = "amount") -> Value | None:
    """A figure stated in the narrative."""
    for f in doc.facts:
        if f["label"] == label and f["kind"] in (kind, "count" if kind == "amount" else kind):
            return Value(label, Decimal(f["value"]), f["unit"], f"情况说明 {f['section']}", f["source_line"], f"fact:{label}")
    return None


COLUMN_TABLES = {
    "基本支出": ("expenditure", "gp_expenditure"),
    "项目支出": ("expenditure", "gp_expenditure"),
    "人员经费": ("basic_economic",),
    "公用经费": ("basic_economic",),
    "当年预算安排": ("summary",),
    "上年结转安排": ("summary",),
}


def titled_tables(doc: DocData, qualifier: str) -> list[TableData]:
    """Tables whose title carries a fund a question names (一、财政拨款 -> 财政拨款支出预算表), in order.

    A title that excludes it (一般公共预算支出预算表（不含上年结转） for 上年结转) does not count.
    """
    words = re.sub(r"^[一二三四五六七八九十]+、|(?:拨款)?收入$|安排$", "", qualifier)
    if len(words) < 4:
        return []
    return [t for t in sorted(doc.tables.values(), key=lambda t: t.no)
            if words in t.title and f"不含{words}" not in t.title]


def fund_table(doc: DocData, qualifier: str, code: str) -> TableData | None:
    """财政拨款安排的高中教育支出: the first table carrying the fund in its title that prints the code."""
    return next((t for t in titled_tables(doc, qualifier) if any(r.code == code for r in t.rows)), None)


def column_value(doc: DocData, column: str, scope: str | None = None, table_no: int | None = None) -> Value | None:
    """A column of a table's total row: 基本支出 / 项目支出 (表三, 本年: 表五), 人员经费 …"""
    kinds = COLUMN_TABLES.get(column, ("expenditure", "summary", "income", "fiscal_summary"))
    if scope == "本年" and kinds[0] == "expenditure" and doc.kind != "决算":  # a 决算's 支出决算表 is 本年支出
        kinds = ("gp_expenditure",) + kinds
    tables = [doc.tables[table_no]] if table_no in doc.tables else [doc.table(k) for k in kinds]
    for table in tables:
        if table is None:
            continue
        row = table.total_row("支出") if table.side_columns else table.total_row()
        if row is None:
            continue
        value = row.amount(column)
        if value is not None:
            label = f"{column}（{table.title if doc.kind == '决算' else '不含上年结转' if table.kind == 'gp_expenditure' else '含上年结转' if table.kind == 'expenditure' else table.title}）"
            return Value(label, value, table.unit, table_label(table), row.line_of(column), f"column:{table.no}:{column}")
    if table_no in doc.tables:  # 人员经费合计 printed as a row of the table (决算 基本支出表)
        table = doc.tables[table_no]
        row = next((r for r in table.rows if r.name in (f"{column}合计", column) and r.first is not None), None)
        if row is not None:
            return Value(f"{row.name}（{table.title}）", row.first, table.unit, table_label(table), row.line,
                         f"column:{table.no}:{column}")
    return None


def _named_column(doc: DocData, e: Entity) -> Value | None:
    """A column found by its header (事业收入/其中：教育收费): the figure of the table's total row."""
    table_no, _, column = e.ref.partition("|")
    table = doc.tables.get(int(table_no)) if table_no.isdigit() else None
    if table is None:
        return None
    if table.side_columns:
        side = next((side for side, cols in table.side_columns.items() if column in cols), None)
        row = table.total_row(side) if side else None
    else:
        row = table.total_row() or (table.rows[0] if len(table.rows) == 1 else None)
    if row is None or row.amount(column) is None:
        return None
    return Value(f"{column}", row.amount(column), table.unit, table_label(table), row.line_of(column), f"column:{table.no}:{column}")


# Entity kinds that stand for exactly one figure, and how to read it.
_ONE_VALUE = {
    "economic": lambda doc, e: economic_value(doc, e.ref),
    "project": lambda doc, e: project_value(doc, e.name, e.ref or None),
}


def entity_values(doc: DocData, e: Entity, p: Parsed, column: str | None = None) -> list[Value]:
    """Every figure an entity can stand for (several when a name is printed in two places)."""
    scope = p.scope
    out: list[Value] = []
    if e.kind == "code" or (e.kind == "subject" and e.ref):
        v = code_value(doc, e.ref, scope, column, p.table_scope)
        if v:
            out.append(v)
    elif e.kind == "target":
        target = next((t for t in doc.targets if t["project_name"] == (e.ref or e.name)), None)
        total = next((f for f in target["funds"] if f["scope"] == "年度" and "总额" in f["item"]), None) if target else None
        if total:
            out.append(Value(f"{target['project_name']} 年度资金总额", Decimal(total["amount"]), total["unit"],
                             "项目支出绩效目标表", total["source_line"], f"target:{target['project_name']}"))
    elif e.kind == "column" and "|" in e.ref:
        v = _named_column(doc, e)
        if v:
            out.append(v)
    elif e.kind in _ONE_VALUE:
        v = _ONE_VALUE[e.kind](doc, e)
        if v:
            out.append(v)
    elif e.kind == "fact":
        v = fact_value(doc, e.name)
        if v:
            out.append(v)
        # 一般公共预算拨款 (含结转) next to 一般公共预算拨款收入 (当年): show both, they differ.
        for f in doc.facts:
            label = f["label"]
            if label != e.name and label.startswith(e.name) and len(label) - len(e.name) <= 2 and f["kind"] == "amount":
                near = fact_value(doc, label)
                if near and all(near.amount != o.amount for o in out):
                    out.append(near)
    elif e.kind in ("summary_item", "three_public"):
        v = row_value(doc, e.ref, column)
        if v:
            out.append(v)
    elif e.kind == "column":
        v = column_value(doc, e.name, scope, p.table_scope)
        if v:
            out.append(v)
    elif e.kind == "asset":
        for a in doc.assets:
            if a["name"] == e.name and a["value"] is not None:
                out.append(Value(a["name"], Decimal(a["value"]), a["unit"], "国有资产占有使用情况", a["source_line"], f"asset:{a['name']}"))
                break
    return out
