"""Figures printed elsewhere in the report that tell where a row's numbers go when arithmetic
within the table cannot (the same money seen from another table)."""

from __future__ import annotations

from decimal import Decimal

from budgetqa.models import Row, Table
from budgetqa.parser.headers import is_total_column
from budgetqa.parser.hierarchy import GRAND_TOTALS
from budgetqa.parser.text import compact, strip_ordinal

TOTAL_NAMES = ("合计", "总计", "本年支出合计", "支出总计", "本年收入合计")
_FUNDS = ("一般公共预算", "政府性基金", "国有资本经营")


def fund_hints(table: Table, side: str | None, columns: list[str]) -> dict[int, set[Decimal]]:
    """A 财政拨款收支总表 spends by fund what it receives by fund: the income side's fund rows
    tell which fund column of the expenditure total holds which figure (when nothing was carried
    over, so that the two must be equal)."""
    if table.kind != "fiscal_summary" or side != "支出":
        return {}
    income = [r for r in table.rows if r.side == "收入"]
    if any("结转" in r.name and r.cells for r in income):
        return {}
    stated: dict[str, Decimal] = {}
    for row in income:
        fund = next((f for f in _FUNDS if f in row.name), None)
        if fund and fund not in stated:
            stated[fund] = row.cells[0].amount if row.cells else Decimal(0)
    hints = {}
    for i, column in enumerate(columns):
        fund = next((f for f in _FUNDS if f in column.rsplit("/", 1)[-1]), None)
        if fund in stated:
            hints[i] = {stated[fund]}
    return hints


# Expenditure columns beside 基本支出 and 项目支出 that a department's report seldom fills.
_SELDOM = ("上缴上级支出", "经营支出", "事业单位经营支出", "对附属单位补助支出")


def summary_hints(table: Table, columns: list[str], known) -> dict[int, set[Decimal]]:
    """The income table's total row holds, column by column, the income items of the 收支总表
    (一、财政拨款 → 财政拨款收入, 二、事业收入 → 事业收入; an item left empty there is 0).

    An expenditure table's total row with as many figures as 合计, 基本支出 and 项目支出 fills those
    (not 上缴上级支出, 经营支出 or 对附属单位补助支出): without it every row may take any of them,
    and no group's arithmetic can tell which.
    """
    if table.kind in ("expenditure", "fiscal_expenditure", "gp_expenditure"):
        return {i: {Decimal(0)} for i, c in enumerate(columns) if c.rsplit("/", 1)[-1] in _SELDOM}
    summary = next((t for t in known if t.kind == "summary"), None)
    if table.kind != "income" or summary is None:
        return {}
    stated: dict[str, Decimal] = {}
    for row in summary.rows:
        name = strip_ordinal(compact(row.name))
        if row.side != "收入" or name == compact(row.name) or "合计" in name:
            continue
        stated.setdefault(_source(name), row.cells[0].amount if row.cells else Decimal(0))
    hints = {}
    for i, column in enumerate(columns):
        key = _source(column.rsplit("/", 1)[-1])
        match = next((v for k, v in stated.items() if k == key or (len(key) >= 2 and k.endswith(key))), None)
        if match is not None and not is_total_column(column):
            hints[i] = {match}
    return hints


def _source(name: str) -> str:
    return name[:-2] if name.endswith("收入") else name


_PARTS_OF_WHOLE = ("gp_expenditure", "fund_expenditure", "state_capital", "fiscal_expenditure")
_SPLIT = ("基本支出", "项目支出")


def empty_in_whole(table: Table, columns: list[str], known) -> callable:
    """For a table that is one fund's part of the expenditure table: row -> {column: {0}} for the
    基本支出/项目支出 columns the expenditure table leaves empty on the same subject (no part
    can hold what the whole does not)."""
    whole = next((t for t in known if t.kind == "expenditure" and any(r.code for r in t.rows)), None)
    if table.kind not in _PARTS_OF_WHOLE or whole is None:
        return lambda row: {}
    by_code = {r.code: r for r in whole.rows if r.code}
    total = next((r for r in whole.rows if not r.code and compact(r.name) in GRAND_TOTALS and r.cells), None)
    split = [(i, c.rsplit("/", 1)[-1]) for i, c in enumerate(columns) if c.rsplit("/", 1)[-1] in _SPLIT]

    def bound(row: Row) -> dict[int, set[Decimal]]:
        match = by_code.get(row.code) if row.code else (total if compact(row.name) in GRAND_TOTALS else None)
        if match is None or not match.cells:
            return {}
        filled = {c.column.rsplit("/", 1)[-1] for c in match.cells if c.amount}
        return {i: {Decimal(0)} for i, leaf in split if leaf not in filled}

    return bound
