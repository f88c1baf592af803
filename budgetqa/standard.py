"""The standard figures of one report (收入总计, 基本支出, 人员经费, 三公经费 …), read once at load.

Every report of a kind prints these, in tables that differ from one template to the next; the
cross-report questions (rankings, comparisons, sums) compare them. Each figure is read from the
document model where the question side reads it (budgetqa.answer.resolve), keeps the table and line
it is printed on and the amount as printed, and is converted exactly to 分 (integer cents of 元) so
that SQL can compare and add figures printed in 元 and in 万元. A report that does not print a
figure has none; a table printed as 本表无数据 states zero.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal, localcontext

from budgetqa import patterns
from budgetqa.answer.resolve import Value, column_values, row_values
from budgetqa.models import Document, Row, Table
from budgetqa.question.query import Query

# The standard figures, in the order they are listed, with what each one is.
FIGURES: dict[str, str] = {
    "收入总计": "收支总表收入方的总计（含上年结转）",
    "支出总计": "收支总表支出方的总计",
    "本年收入合计": "收支总表的本年收入合计（不含上年结转）",
    "本年支出合计": "收支总表的本年支出合计",
    "上年结转": "收支总表收入方的上年结转",
    "基本支出": "支出总表（决算：支出决算表）合计行的基本支出",
    "项目支出": "支出总表（决算：支出决算表）合计行的项目支出",
    "人员经费": "基本支出分经济科目表合计行的人员经费",
    "公用经费": "基本支出分经济科目表合计行的公用经费",
    "三公经费": "“三公”经费表的合计（预算取预算数，决算取决算数）",
    "因公出国（境）费": "“三公”经费表的因公出国（境）费",
    "公务接待费": "“三公”经费表的公务接待费",
    "公务用车购置及运行费": "“三公”经费表的公务用车购置及运行（维护）费",
    "公务用车购置费": "“三公”经费表的公务用车购置费",
    "公务用车运行维护费": "“三公”经费表的公务用车运行（维护）费",
    "机关运行经费": "机关运行经费表的合计；没有这张表时取情况说明所述",
    "政府采购": "情况说明所述的政府采购总额",
    "政府采购货物": "情况说明所述的政府采购货物金额",
    "政府采购工程": "情况说明所述的政府采购工程金额",
    "政府采购服务": "情况说明所述的政府采购服务金额",
}
# 分 in one unit of each unit a report prints amounts in.
FEN_PER_UNIT = {"分": 1, "元": 100, "千元": 100_000, "万元": 1_000_000, "百万元": 100_000_000, "亿元": 10_000_000_000}
NARRATIVE = "情况说明"
EMPTY_TABLE = "本表无数据"

_THREE_PUBLIC_PARTS = {  # figure -> does a row name (without its ordinal) print it
    "因公出国（境）费": lambda n: "出国" in n,
    "公务接待费": lambda n: "接待" in n,
    "公务用车购置及运行费": lambda n: "购置" in n and "运行" in n,
    "公务用车购置费": lambda n: "购置" in n and "运行" not in n,
    "公务用车运行维护费": lambda n: "运行" in n and "购置" not in n,
}
_PROCUREMENT_PARTS = {"政府采购货物": "货物", "政府采购工程": "工程", "政府采购服务": "服务"}
_NOT_PROCUREMENT_TOTAL = ("货物", "工程", "服务", "中小", "小微", "预留", "变动", "增加", "减少")
_ORDINAL = patterns.compile(r"^(?:[①②③④⑤⑥⑦⑧⑨⑩]|[（(]?[一二三四五六七八九十\d]+[）)、.．]?)+")


@dataclass
class StandardFigure:
    """One standard figure of a report, where it is printed and as what."""

    figure: str  # a key of FIGURES
    amount: Decimal  # in ``unit``, exactly as printed
    unit: str
    printed: str  # the amount's text in the report ('244,675.66'); '' for a table printed empty
    label: str  # what the report calls it (支出总计, 基本支出（含上年结转）…)
    table_no: int | None  # None for a figure stated in the narrative
    where: str  # 表3 2024年预算支出总表 / 情况说明 …
    line: int
    note: str = ""

    @property
    def fen(self) -> int | None:
        """The amount in 分 (None when the unit is not an amount of money)."""
        return to_fen(self.amount, self.unit)


def to_fen(amount: Decimal, unit: str) -> int | None:
    """An amount in 分: exact for every amount printed to the 分 (万元 to six decimals); finer ones round half up."""
    per = FEN_PER_UNIT.get(unit)
    if per is None:
        return None
    with localcontext() as exact:
        exact.prec = 60
        fen = (amount * per).to_integral_value(rounding=ROUND_HALF_UP)
    # beyond SQLite's integers (a damaged figure of twenty digits): no 分 column; the printed amount stays
    return int(fen) if abs(fen) < 2 ** 63 else None


def standard_figures(doc: Document) -> list[StandardFigure]:
    """Every standard figure the report prints, at most one of each, in the order of FIGURES."""
    found: dict[str, StandardFigure] = {}
    summary = doc.table("summary")
    for name, side in (("收入总计", "收入"), ("支出总计", "支出"), ("本年收入合计", "收入"),
                       ("本年支出合计", "支出"), ("上年结转", "收入")):
        figure = _summary_row(doc, summary, name, side)
        if figure is not None:
            found[name] = figure
    for column in ("基本支出", "项目支出", "人员经费", "公用经费"):
        values = column_values(doc, column, Query())
        if values:
            found[column] = _from_value(doc, column, values[0])
    for figure in _three_public(doc) + _operating_cost(doc) + _procurement(doc):
        found.setdefault(figure.figure, figure)
    return [found[name] for name in FIGURES if name in found and found[name].fen is not None]


def _printed(table: Table | None, value: Value) -> str | None:
    """The text a resolved figure is printed as: the cell on its line with its amount (None if not printed)."""
    if table is None:
        return None
    for row in table.rows:
        for cell in row.cells:
            if cell.line == value.line and cell.amount == value.amount:
                return cell.raw
    return None


def _from_value(doc: Document, figure: str, value: Value) -> StandardFigure | None:
    table_no = int(value.key.split(":")[1]) if value.key.startswith(("row:", "column:")) else None
    table = doc.table_no(table_no) if table_no is not None else None
    return StandardFigure(figure, value.amount, value.unit, _printed(table, value) or str(value.amount),
                          value.label, table_no, value.where, value.line)


def _summary_row(doc: Document, summary: Table | None, name: str, side: str) -> StandardFigure | None:
    """A row of the income-and-expenditure summary (收支总表), on its side; a 决算 prints 总计 on both."""
    if summary is None:
        return None
    # The resolver reads the summary table's rows that may be this one only (it would go on to every
    # row of every table, normalising each name: most of a load's time for five rows).
    rows = [r for r in summary.rows if name in r.name]
    view = replace(doc, tables=[replace(summary, rows=rows)])
    values = [v for v in row_values(view, name, Query(table=summary.no)) if not v.note]
    rows = {r.row_no: r for r in summary.rows}
    values = [v for v in values if rows[int(v.key.split(":")[2])].side in (side, None)]
    if not values and name.endswith("总计"):  # 收入支出决算总表 prints 总计 on both sides
        row = next((r for r in summary.rows if r.side == side and r.name == "总计" and r.cells), None)
        return _cell_figure(doc, name, summary, row, f"总计（{side}）") if row else None
    if not values or _printed(summary, values[0]) is None:
        return None
    return _from_value(doc, name, values[0])


def _cell_figure(doc: Document, figure: str, table: Table, row: Row, label: str) -> StandardFigure | None:
    """A row's figure in the column the report's kind reports (决算数 in a 决算, else the first)."""
    word = "决算数" if doc.kind == "决算" else "预算数"
    cell = next((c for c in row.cells if word in c.column), None) or (row.cells[0] if row.cells else None)
    if cell is None:
        return None
    return StandardFigure(figure, cell.amount, table.unit, cell.raw, label, table.no, table.label, cell.line)


def _zero(figure: str, table: Table) -> StandardFigure:
    return StandardFigure(figure, Decimal(0), table.unit, "", f"{figure}（{EMPTY_TABLE}）", table.no, table.label,
                          table.line, EMPTY_TABLE)


def _three_public(doc: Document) -> list[StandardFigure]:
    """三公经费 and its parts from their table (a table printed empty states zero for each)."""
    table = doc.table("three_public")
    if table is None:
        return []
    if table.empty:
        return [_zero(name, table) for name in ("三公经费", *_THREE_PUBLIC_PARTS)]
    out = []
    total = table.total_row() or next((r for r in table.rows if "三公" in r.name and r.is_total), None)
    if total is not None:
        out.append(_cell_figure(doc, "三公经费", table, total, f"三公经费{total.name}"))
    for figure, prints in _THREE_PUBLIC_PARTS.items():
        row = next((r for r in table.rows if not r.is_total and prints(_ORDINAL.sub("", r.name))), None)
        if row is not None:
            out.append(_cell_figure(doc, figure, table, row, _ORDINAL.sub("", row.name)))
    return [f for f in out if f is not None]


def _operating_cost(doc: Document) -> list[StandardFigure]:
    """机关运行经费: its table's total row (or its one row); else the figure the narrative states."""
    table = doc.table("operating_cost")
    if table is not None and table.empty:
        return [_zero("机关运行经费", table)]
    if table is not None and table.has_data:
        row = table.total_row() or next((r for r in table.rows if "机关运行经费" in r.name and r.cells), None) \
            or next((r for r in table.rows if r.cells), None)
        figure = _cell_figure(doc, "机关运行经费", table, row, row.name) if row else None
        if figure is not None:
            return [figure]
    # the narrative names it 机关运行经费, or (一般公共预算财政拨款)运行经费 under a heading of that name
    for f in doc.facts:
        if f.kind == "amount" and "运行经费" in f.label and not any(w in f.label for w in ("变动", "增加", "减少")):
            return [StandardFigure("机关运行经费", f.value, f.unit, str(f.value), f.label, None,
                                   f"{NARRATIVE} {f.section}".strip(), f.line)]
    return []


def _procurement(doc: Document) -> list[StandardFigure]:
    """政府采购 and its split into goods, works and services, as the narrative states them."""
    facts = [f for f in doc.facts if f.kind == "amount" and "采购" in f.label]
    out = []
    total = next((f for f in facts if "政府采购" in f.label and not any(w in f.label for w in _NOT_PROCUREMENT_TOTAL)), None)
    if total is not None:
        out.append(("政府采购", total))
    for figure, word in _PROCUREMENT_PARTS.items():
        part = next((f for f in facts if word in f.label and not any(w in f.label for w in ("中小", "小微", "预留"))), None)
        if part is not None:
            out.append((figure, part))
    return [StandardFigure(figure, f.value, f.unit, str(f.value), f.label, None, f"{NARRATIVE} {f.section}".strip(), f.line)
            for figure, f in out]
