"""One stored document read back into memory for answering questions (plain sqlite3, no Textual)."""

from __future__ import annotations

import functools
import json
import sqlite3
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class RowData:
    """A table row with its cells: column -> (amount, source line)."""

    table_no: int
    row_no: int
    name: str
    line: int
    code: str | None = None
    level: str | None = None
    parent_code: str | None = None
    side: str | None = None
    category: str | None = None
    depth: int = 0
    cells: dict[str, tuple[Decimal, int]] = field(default_factory=dict)

    def amount(self, column: str) -> Decimal | None:
        """Amount under a column (matched on the full name or its last level)."""
        if column in self.cells:
            return self.cells[column][0]
        for name, (value, _) in self.cells.items():
            if name.rsplit("/", 1)[-1] == column:
                return value
        return None

    def line_of(self, column: str) -> int:
        """Source line of a cell (the row's line when the cell is empty)."""
        for name, (_, line) in self.cells.items():
            if name == column or name.rsplit("/", 1)[-1] == column:
                return line
        return self.line

    @property
    def first(self) -> Decimal | None:
        """The row's first printed amount (its 合计 in almost every table)."""
        return next(iter(self.cells.values()))[0] if self.cells else None

    @property
    def is_total(self) -> bool:
        """合计/总计/小计 rows."""
        return any(w in self.name for w in ("合计", "总计", "小计"))


@dataclass
class TableData:
    """A stored table: its header and rows."""

    no: int
    kind: str
    title: str
    unit: str
    columns: list[str]
    side_columns: dict[str, list[str]]
    empty: bool
    line: int
    rows: list[RowData] = field(default_factory=list)

    def total_row(self, side: str | None = None) -> RowData | None:
        """The table's grand-total row (合计 / 本年支出合计 / 部门合计), if printed."""
        names = ("合计", "总计", "部门合计") if side is None else (
            ("本年支出合计",) if side == "支出" else ("本年收入合计",)
        )
        for row in self.rows:
            if not row.code and row.name in names and (side is None or row.side == side):
                return row
        return None


@dataclass
class DocData:
    """Everything ask() needs about one document."""

    id: int
    department: str
    year: int | None
    kind: str
    unit: str
    source_name: str
    tables: dict[int, TableData] = field(default_factory=dict)
    projects: list[dict] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)
    targets: list[dict] = field(default_factory=list)
    assets: list[dict] = field(default_factory=list)
    duties: list[dict] = field(default_factory=list)
    units: list[dict] = field(default_factory=list)
    glossary: list[dict] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)
    names: list[dict] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # the original text, for statements without figures

    @property
    def label(self) -> str:
        """'中国共产党…办公室 2024 预算' — how answers name the document."""
        return f"{self.department} {self.year or ''}年{self.kind}".replace(" 年", " ")

    @functools.cached_property
    def printed_names(self) -> list[str]:
        """Names of the rows, items and projects the report prints (not of departments or tables)."""
        return [n["name"] for n in self.names if n["kind"] in _ROW_KINDS]

    def table(self, kind: str) -> TableData | None:
        """The first table of a kind."""
        return next((t for t in self.tables.values() if t.kind == kind), None)

    def rows_with_code(self, code: str) -> list[RowData]:
        """Every row printed with this subject code, in table order."""
        return [r for t in self.tables.values() for r in t.rows if r.code == code]


_ROW_KINDS = ("subject", "economic", "project", "summary_item", "column", "three_public", "asset", "glossary")


def _rows(conn: sqlite3.Connection, sql: str, doc_id: int) -> list[dict]:
    return [dict(r) for r in conn.execute(sql, [doc_id])]


def load(conn: sqlite3.Connection, doc_id: int) -> DocData:
    """Read one document from the database."""
    conn.row_factory = sqlite3.Row
    d = conn.execute("select * from documents where id = ?", [doc_id]).fetchone()
    doc = DocData(d["id"], d["department"], d["year"], d["kind"], d["unit"], d["source_name"])
    for t in conn.execute("select * from report_tables where document_id = ? order by table_no", [doc_id]):
        doc.tables[t["table_no"]] = TableData(
            t["table_no"], t["kind"], t["title"], t["unit"], json.loads(t["columns"] or "[]"),
            json.loads(t["side_columns"] or "{}"), bool(t["empty"]), t["source_line"],
        )
    index: dict[tuple[int, int], RowData] = {}
    for r in conn.execute("select * from table_rows where document_id = ? order by table_no, row_no", [doc_id]):
        row = RowData(r["table_no"], r["row_no"], r["name"], r["source_line"], r["code"], r["level"],
                      r["parent_code"], r["side"], r["category"], r["depth"] or 0)
        index[(row.table_no, row.row_no)] = row
        if row.table_no in doc.tables:
            doc.tables[row.table_no].rows.append(row)
    for c in conn.execute(
        "select table_no, row_no, column_name, amount, source_line from line_items where document_id = ? order by id",
        [doc_id],
    ):
        row = index.get((c["table_no"], c["row_no"]))
        if row is not None:
            row.cells[c["column_name"]] = (Decimal(c["amount"]), c["source_line"])
    doc.projects = _rows(conn, "select * from projects where document_id = ? order by rowid", doc_id)
    doc.facts = _rows(conn, "select * from facts where document_id = ? order by rowid", doc_id)
    doc.targets = _rows(conn, "select * from performance_targets where document_id = ? order by id", doc_id)
    funds = _rows(conn, "select * from performance_funds where document_id = ? order by rowid", doc_id)
    indicators = _rows(conn, "select * from performance_indicators where document_id = ? order by rowid", doc_id)
    for target in doc.targets:
        target["funds"] = [f for f in funds if f["target_id"] == target["id"]]
        target["indicators"] = [i for i in indicators if i["target_id"] == target["id"]]
    doc.assets = _rows(conn, "select * from assets where document_id = ? order by rowid", doc_id)
    doc.duties = _rows(conn, "select * from duties where document_id = ? order by rowid", doc_id)
    doc.units = _rows(conn, "select * from units where document_id = ? order by rowid", doc_id)
    doc.glossary = _rows(conn, "select * from glossary where document_id = ? order by rowid", doc_id)
    doc.findings = _rows(conn, "select * from findings where document_id = ? order by rowid", doc_id)
    doc.names = _rows(conn, "select kind, name, ref, pinyin, initials from names where document_id = ?", doc_id)
    text = conn.execute("select text from document_texts where document_id = ?", [doc_id]).fetchone()
    doc.lines = text["text"].split("\n") if text else []
    return doc
