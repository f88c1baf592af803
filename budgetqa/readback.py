"""A stored document read back from the database into the document model the parser builds.

Questions are answered from this one model (budgetqa.models.Document): its tables, rows and cells,
projects, performance sheets, stated facts, text items and check findings, with the line of the
original text each came from. Read once per database state and kept for the next questions.
"""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal

from budgetqa.findings import Finding
from budgetqa.models import Cell, Document, Fact, Indicator, PerformanceTarget, Project, ReadQuality, Row, Table, TextItem

_UNIT_KINDS = {"内设机构": "internal_unit", "下属单位": "subordinate_unit", "机构设置说明": "organisation", "构成单位": "report_unit"}
# Performance-sheet fields kept as columns of performance_targets (databases without performance_fields).
_TARGET_COLUMNS = {
    "attribute": "项目属性", "period": "项目期", "department": "主管部门及代码", "implementer": "实施单位",
    "overview": "项目概况", "basis": "立项依据", "necessity": "项目设立必要性", "measures": "保证项目实施的制度、措施",
    "plan": "项目实施计划", "goal_period": "总体目标/实施期", "goal_year": "总体目标/年度", "filled_date": "填报日期",
}
_CACHE: dict[tuple, Document] = {}
_CACHE_SIZE = 8


def read_document(conn: sqlite3.Connection, doc_id: int) -> Document:
    """The document stored under ``doc_id`` (cached while the database keeps the same load)."""
    path = conn.execute("pragma database_list").fetchone()[2] or f"memory:{id(conn)}"
    stamp = conn.execute("select loaded_at, sha256 from documents where id = ?", [doc_id]).fetchone()
    key = (path, doc_id, tuple(stamp) if stamp else None)
    doc = _CACHE.get(key)
    if doc is None:
        doc = _read(conn, doc_id)
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = doc
    return doc


def _query(conn: sqlite3.Connection, sql: str, doc_id: int) -> list[sqlite3.Row]:
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, [doc_id]).fetchall()
    except sqlite3.OperationalError:  # a table an older budgetqa did not write
        return []


def _read(conn: sqlite3.Connection, doc_id: int) -> Document:
    d = _query(conn, "select * from documents where id = ?", doc_id)[0]
    text = _query(conn, "select text from document_texts where document_id = ?", doc_id)
    doc = Document(d["department"], d["year"], d["kind"], d["unit"], d["source_name"], d["sha256"],
                   lines=text[0]["text"].split("\n") if text else [], id=doc_id)
    keys = d.keys()
    doc.scope = (d["scope"] if "scope" in keys else None) or "部门"
    doc.notes = json.loads(d["notes"] or "[]") if "notes" in keys else []
    if "tables_titled" in keys and d["tables_titled"] is not None:
        doc.quality = ReadQuality(*(d[n] or 0 for n in (
            "tables_titled", "tables_read", "numbers_seen", "numbers_placed", "totals_checked", "totals_reconciled")))
    doc.tables = _tables(conn, doc_id)
    doc.projects = [
        Project(p["name"], p["scope"], p["table_no"], p["source_line"], 2, p["group_name"] or "",
                {k: Decimal(v) for k, v in json.loads(p["amounts"] or "{}").items()}, p["unit"])
        for p in _query(conn, "select * from projects where document_id = ? order by rowid", doc_id)
    ]
    doc.performance = _performance(conn, doc_id)
    stored = _query(conn, "select * from facts where document_id = ? order by rowid", doc_id)
    doc.facts = [
        Fact(f["section"], f["label"], Decimal(f["value"]), f["unit"], f["kind"], f["source_line"], f["sentence"],
             f["subject"] or "", f["basis"] or "", topic=f["topic"] or "", breakdown=f["breakdown"] or 0)
        for f in stored
    ]
    for fact, f in zip(doc.facts, stored):  # the stated total a 其中 part breaks down, by its position
        if f["part_of"] and 0 < f["part_of"] <= len(doc.facts):
            fact.part_of = doc.facts[f["part_of"] - 1]
    doc.items = _items(conn, doc_id)
    doc.findings = [
        Finding(f["severity"], f["kind"], f["subject"], Decimal(f["stated"]), Decimal(f["computed"]), f["unit"],
                [int(n) for n in (f["lines"] or "").split(",") if n], f["detail"] or "")
        for f in _query(conn, "select * from findings where document_id = ? order by rowid", doc_id)
    ]
    doc.spellings = {n["name"]: (n["pinyin"] or "", n["initials"] or "") for n in
                     _query(conn, "select name, pinyin, initials from names where document_id = ?", doc_id)}
    return doc


def _tables(conn: sqlite3.Connection, doc_id: int) -> list[Table]:
    tables: dict[int, Table] = {}
    for t in _query(conn, "select * from report_tables where document_id = ? order by table_no", doc_id):
        tables[t["table_no"]] = Table(t["table_no"], t["kind"], t["title"], t["unit"], t["source_line"],
                                      json.loads(t["columns"] or "[]"), json.loads(t["side_columns"] or "{}"),
                                      empty=bool(t["empty"]))
        if "parts" in t.keys() and t["parts"]:
            tables[t["table_no"]].parts = json.loads(t["parts"])
    rows: dict[tuple[int, int], Row] = {}
    for r in _query(conn, "select * from table_rows where document_id = ? order by table_no, row_no", doc_id):
        row = Row(r["row_no"], r["name"], r["source_line"], r["code"], r["level"], r["parent_code"], r["side"],
                  r["category"], r["depth"] or 0)
        if r["table_no"] in tables:
            rows[(r["table_no"], r["row_no"])] = row
            tables[r["table_no"]].rows.append(row)
    for c in _query(conn, "select table_no, row_no, column_name, amount, source_line from line_items"
                          " where document_id = ? order by id", doc_id):
        row = rows.get((c["table_no"], c["row_no"]))
        if row is not None:
            row.cells.append(Cell(c["column_name"], Decimal(c["amount"]), c["amount"], c["source_line"]))
    return list(tables.values())


def _performance(conn: sqlite3.Connection, doc_id: int) -> list[PerformanceTarget]:
    sheets: dict[int, PerformanceTarget] = {}
    for t in _query(conn, "select * from performance_targets where document_id = ? order by id", doc_id):
        sheet = PerformanceTarget(t["project_name"], t["source_line"], unit=t["unit"] or "元",
                                  title=t["title"] or "项目支出绩效目标表")
        for column, name in _TARGET_COLUMNS.items():
            if t[column]:
                sheet.fields[name] = t[column]
                sheet.field_lines[name] = t["source_line"]
        sheets[t["id"]] = sheet
    for f in _query(conn, "select * from performance_fields where document_id = ? order by rowid", doc_id):
        if f["target_id"] in sheets:
            sheets[f["target_id"]].fields[f["field"]] = f["text"]
            sheets[f["target_id"]].field_lines[f["field"]] = f["source_line"]
    for f in _query(conn, "select * from performance_funds where document_id = ? order by rowid", doc_id):
        if f["target_id"] in sheets and f["amount"] is not None:
            key = f"{f['scope']}/{f['item']}"
            sheets[f["target_id"]].funds[key] = Decimal(f["amount"])
            sheets[f["target_id"]].fund_lines[key] = f["source_line"]
    for i in _query(conn, "select * from performance_indicators where document_id = ? order by rowid", doc_id):
        if i["target_id"] in sheets:
            sheets[i["target_id"]].indicators.append(
                Indicator(i["level1"] or "", i["level2"] or "", i["level3"] or "", i["value"] or "", i["scope"] or "",
                          i["source_line"]))
    return list(sheets.values())


def _items(conn: sqlite3.Connection, doc_id: int) -> list[TextItem]:
    items = [TextItem("duty", d["number"], d["text"], d["source_line"])
             for d in _query(conn, "select * from duties where document_id = ? order by rowid", doc_id)]
    items += [TextItem(_UNIT_KINDS.get(u["kind"], u["kind"]), u["name"], u["name"], u["source_line"])
              for u in _query(conn, "select * from units where document_id = ? order by rowid", doc_id)]
    items += [TextItem("glossary", g["term"], g["definition"], g["source_line"])
              for g in _query(conn, "select * from glossary where document_id = ? order by rowid", doc_id)]
    items += [TextItem("asset", a["name"], a["text"] or "", a["source_line"],
                       Decimal(a["value"]) if a["value"] is not None else None, a["unit"] or "")
              for a in _query(conn, "select * from assets where document_id = ? order by rowid", doc_id)]
    return items
