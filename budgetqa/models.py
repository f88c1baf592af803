"""The document model: what a budget disclosure says, with the line each figure came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


# Raise this whenever a change to the parser changes what it stores: databases written by an
# older parser are re-read from the report text they keep when they are next opened.
PARSER_VERSION = 7


# How many 元 one of each printed unit is (the tables print 元 or 万元, a text may say 亿元 or 千元)
YUAN_PER_UNIT = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "亿元": Decimal(100000000)}

# The classes of the economic classification of basic expenditure (经济分类的类), printed as rows that
# group the items below them.
ECONOMIC_CLASSES = ("工资福利支出", "商品和服务支出", "对个人和家庭的补助", "资本性支出", "对企业补助", "其他支出")


class ReportError(Exception):
    """A file that cannot be loaded as a budget disclosure; the message names the reason."""


@dataclass
class Cell:
    """One printed number of a table, in the table's unit."""

    column: str
    amount: Decimal
    raw: str
    line: int


@dataclass
class Row:
    """One row of a table: a subject (科目), an item or a total, with its cells."""

    row_no: int
    name: str
    line: int
    code: str | None = None
    level: str | None = None  # 类 / 款 / 项 from the code's length
    parent_code: str | None = None
    side: str | None = None  # 收入 / 支出 for two-sided tables
    category: str | None = None  # a second classification printed beside the name
    depth: int = 0  # indentation level in project lists (0 department, 1 unit, 2 project)
    cells: list[Cell] = field(default_factory=list)

    def cell(self, column: str) -> Cell | None:
        """The cell printed under ``column``, or None when it was left empty."""
        for c in self.cells:
            if c.column == column:
                return c
        return None

    def amount(self, column: str) -> Decimal | None:
        """The amount under ``column`` (None when empty)."""
        c = self.cell(column)
        return c.amount if c else None

    @property
    def is_total(self) -> bool:
        """True for 合计/总计/小计 rows that sum other rows."""
        return any(w in self.name for w in ("合计", "总计", "小计"))

    @property
    def first(self) -> Decimal | None:
        """The row's first printed amount (its 合计 in almost every table)."""
        return self.cells[0].amount if self.cells else None

    @property
    def label(self) -> str:
        """'2013105 专项业务', or the name of a row printed without a code."""
        return f"{self.code} {self.name}" if self.code else self.name


@dataclass(eq=False)
class Table:
    """One table of the report (表一…表十三, or the template's own list).

    Compared and hashed by identity: a report can print two tables alike, and code that looks at
    tables keeps them in sets and dicts.
    """

    no: int
    kind: str
    title: str
    unit: str
    line: int
    columns: list[str] = field(default_factory=list)
    side_columns: dict[str, list[str]] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)
    empty: bool = False
    note: str = ""
    closed: bool = True  # something other than the table follows its rows in the text
    body: tuple[int, int] | None = None  # lines of the table's body (0-based start, end exclusive)
    parts: dict[str, list[str]] = field(default_factory=dict)  # a total -> the rows or columns it sums (三公 = its three parts)

    @property
    def two_sided(self) -> bool:
        """True for tables printed as an income side and an expenditure side."""
        return bool(self.side_columns)

    def columns_for(self, side: str | None) -> list[str]:
        """Numeric columns of one side (or of the whole table)."""
        if side and side in self.side_columns:
            return self.side_columns[side]
        return self.columns

    @property
    def label(self) -> str:
        """How answers cite a table: '表3 2024年预算支出总表'."""
        return f"表{self.no} {self.title}"

    @property
    def has_data(self) -> bool:
        """False for a table printed empty (本表无数据) or with no amount at all."""
        return not self.empty and any(r.cells for r in self.rows)

    def total_row(self, side: str | None = None) -> Row | None:
        """The grand-total row (合计 / 总计 / 部门合计; 本年收入合计 or 本年支出合计 of one side)."""
        names = ("合计", "总计", "部门合计") if side is None else (f"本年{side}合计", f"{side}总计")
        rows = [r for r in self.rows if not r.code and r.name in names and (side is None or r.side == side)]
        return rows[0] if rows else None


@dataclass
class Project:
    """A project line of the project tables (本年 or 上年结转), with its grouping."""

    name: str
    scope: str  # 本年 (this year's) or 上年结转 (carried over)
    table_no: int
    line: int
    depth: int
    group: str
    amounts: dict[str, Decimal] = field(default_factory=dict)
    unit: str = "万元"

    @property
    def total(self) -> Decimal | None:
        """The project's 合计 (first column)."""
        return next(iter(self.amounts.values()), None)


@dataclass
class Indicator:
    """One performance indicator row (一级/二级/三级指标 and 指标值)."""

    level1: str
    level2: str
    level3: str
    value: str
    scope: str  # 实施期 or 年度
    line: int


SHEET_TITLE = "项目支出绩效目标表"  # the title of a performance sheet printed as a table


@dataclass
class PerformanceTarget:
    """A 项目支出绩效目标表: project facts, funds in 元, goals and indicators."""

    project_name: str
    line: int
    fields: dict[str, str] = field(default_factory=dict)
    field_lines: dict[str, int] = field(default_factory=dict)
    funds: dict[str, Decimal] = field(default_factory=dict)  # "年度/资金总额" -> 元
    fund_lines: dict[str, int] = field(default_factory=dict)
    indicators: list[Indicator] = field(default_factory=list)
    unit: str = "元"
    title: str = SHEET_TITLE  # as printed: a sheet's, or a project statement's (人民调解项目经费情况说明)


@dataclass
class Fact:
    """A figure stated in the narrative (情况说明): an amount, a share or a change."""

    section: str
    label: str
    value: Decimal
    unit: str
    kind: str  # amount, share, change, rate, count
    line: int
    sentence: str
    subject: str = ""  # for share/change/rate: the amount label it qualifies
    basis: str = ""  # 上年 / 2023年 …, the comparison base of a change
    part_of: Fact | None = None  # the stated total this amount breaks down (after 其中)
    breakdown: int = 0  # which 其中 list of the document the amount belongs to (0: none)
    topic: str = ""  # the subject a paragraph is about (…城乡社区规划与管理（项）), when it names one


@dataclass
class TextItem:
    """A numbered or listed piece of text: a duty, a unit, a glossary entry, an asset line."""

    kind: str  # duty, internal_unit, subordinate_unit, glossary, asset
    name: str
    text: str
    line: int
    value: Decimal | None = None
    unit: str = ""


@dataclass
class ReadQuality:
    """How well a report was read, counted at parse time: tables, numbers and totals."""

    tables_titled: int = 0  # table titles found in the text (outside the contents)
    tables_read: int = 0  # of those, tables recognised by their family and read
    numbers_seen: int = 0  # printed numbers on the lines of the tables' bodies
    numbers_placed: int = 0  # of those, numbers placed in a cell
    totals_checked: int = 0  # totals compared with their parts (rows, columns, two sides)
    totals_reconciled: int = 0  # of those, totals equal to their parts (or within rounding)

    def describe(self) -> str:
        """One line: '认出表格 9/9 张，表中数字放入单元格 366/366 个，合计与分项对得上 223/223 处'."""
        return (f"认出表格 {self.tables_read}/{self.tables_titled} 张，"
                f"表中数字放入单元格 {self.numbers_placed}/{self.numbers_seen} 个，"
                f"合计与分项对得上 {self.totals_reconciled}/{self.totals_checked} 处")

    @property
    def poor(self) -> bool:
        """True when a reader should not trust answers without looking at the source."""
        return (self.tables_read < self.tables_titled
                or self.numbers_placed < 0.95 * self.numbers_seen
                or self.totals_reconciled < 0.9 * self.totals_checked)


@dataclass
class Document:
    """Everything one disclosure says (read back from the database: with its id and findings)."""

    department: str
    year: int | None
    kind: str  # 预算 or 决算
    unit: str
    source_name: str
    sha256: str
    lines: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    performance: list[PerformanceTarget] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    items: list[TextItem] = field(default_factory=list)
    id: int | None = None  # the database's id, once stored
    findings: list = field(default_factory=list)  # budgetqa.checks.Finding, once checked
    spellings: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> (pinyin, initials), from the names table
    scope: str = "部门"  # 部门 (a department's report) or 单位 (one unit's)
    notes: list[str] = field(default_factory=list)  # what was guessed about the report, in plain words
    quality: ReadQuality | None = None  # how well the parser read it

    @property
    def label(self) -> str:
        """How answers name the document: '中国共产党…办公室 2024年预算'."""
        return f"{self.department} {self.year}年{self.kind}" if self.year else f"{self.department} {self.kind}"

    def target_sheets(self) -> list[PerformanceTarget]:
        """The performance sheets printed as tables: the report's list of them (a project's statement in
        prose is read for its fields, but it is no sheet of that list)."""
        return [s for s in self.performance if s.title == SHEET_TITLE]

    def items_of(self, kind: str) -> list[TextItem]:
        """Text items of one kind (duty, internal_unit, subordinate_unit, organisation, glossary, asset)."""
        return [i for i in self.items if i.kind == kind]

    def rows_with_code(self, code: str) -> list[tuple[Table, Row]]:
        """Every row printed with this classification code, in table order."""
        return [(t, r) for t in self.tables for r in t.rows if r.code == code]

    def table(self, kind: str) -> Table | None:
        """The first table of a kind, or None."""
        return next((t for t in self.tables if t.kind == kind), None)

    def totalling(self, amount) -> list[Table]:
        """The tables whose total row prints ``amount`` (where a figure the text states is broken down)."""
        return [t for t in self.tables if (row := t.total_row()) is not None and row.first == amount]

    def table_no(self, no: int) -> Table | None:
        """The table printed as number ``no``, or None."""
        return next((t for t in self.tables if t.no == no), None)
