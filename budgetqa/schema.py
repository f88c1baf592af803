"""budgetqa's tables: their columns and indexes, and the rows a Document becomes in each.

The rows are built apart from the database (``document_rows``, a plain picklable value, so that
many reports can be read in worker processes) and written by one connection (``insert_rows``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from budgetqa.models import Document

# Raise SCHEMA_VERSION when the tables change; an older budgetqa then refuses the file instead of
# misreading it. APPLICATION_ID marks a SQLite file as budgetqa's (PRAGMA application_id).
SCHEMA_VERSION = 3
APPLICATION_ID = 0x62717161  # "bqqa"

# Columns of every table, in order; the README documents them.
SCHEMA: dict[str, dict[str, type]] = {
    "documents": {
        "id": int, "department": str, "year": int, "kind": str, "unit": str,
        "source_name": str, "sha256": str, "loaded_at": str, "line_count": int, "parser_version": int,
        "scope": str, "notes": str, "tables_titled": int, "tables_read": int, "numbers_seen": int,
        "numbers_placed": int, "totals_checked": int, "totals_reconciled": int,
    },
    "document_texts": {"document_id": int, "text": str},
    "report_tables": {
        "document_id": int, "table_no": int, "kind": str, "title": str, "unit": str,
        "columns": str, "side_columns": str, "empty": int, "source_line": int, "parts": str,
    },
    "table_rows": {
        "document_id": int, "table_no": int, "row_no": int, "side": str, "code": str,
        "name": str, "level": str, "parent_code": str, "category": str, "depth": int,
        "source_line": int,
    },
    "line_items": {
        "id": int, "document_id": int, "table_no": int, "table_title": str, "row_no": int,
        "side": str, "code": str, "name": str, "level": str, "column_name": str,
        "amount": str, "unit": str, "source_line": int, "amount_fen": int,
    },
    "projects": {
        "document_id": int, "scope": str, "name": str, "group_name": str, "table_no": int,
        "amount": str, "unit": str, "amounts": str, "source_line": int,
    },
    "performance_targets": {
        "id": int, "document_id": int, "project_name": str, "attribute": str, "period": str,
        "department": str, "implementer": str, "overview": str, "basis": str,
        "necessity": str, "measures": str, "plan": str, "goal_period": str, "goal_year": str,
        "filled_date": str, "unit": str, "source_line": int, "title": str,
    },
    "performance_fields": {
        "target_id": int, "document_id": int, "field": str, "text": str, "source_line": int,
    },
    "performance_funds": {
        "target_id": int, "document_id": int, "scope": str, "item": str, "amount": str,
        "unit": str, "source_line": int,
    },
    "performance_indicators": {
        "target_id": int, "document_id": int, "scope": str, "level1": str, "level2": str,
        "level3": str, "value": str, "source_line": int,
    },
    "facts": {
        "document_id": int, "section": str, "kind": str, "label": str, "value": str,
        "unit": str, "subject": str, "basis": str, "topic": str, "sentence": str, "source_line": int,
        "part_of": int, "breakdown": int,
    },
    "assets": {"document_id": int, "name": str, "value": str, "unit": str, "text": str, "source_line": int},
    "duties": {"document_id": int, "number": str, "text": str, "source_line": int},
    "units": {"document_id": int, "kind": str, "name": str, "source_line": int},
    "glossary": {"document_id": int, "term": str, "definition": str, "source_line": int},
    "findings": {
        "document_id": int, "severity": str, "kind": str, "subject": str, "detail": str,
        "stated": str, "computed": str, "difference": str, "unit": str, "lines": str,
    },
    "names": {
        "document_id": int, "kind": str, "name": str, "ref": str, "pinyin": str, "initials": str,
    },
    "passages": {"document_id": int, "section": str, "text": str, "source_line": int},
    # The standard figures of each report (budgetqa.standard), for comparing reports in SQL.
    "report_figures": {
        "document_id": int, "figure": str, "label": str, "amount": str, "printed": str, "unit": str,
        "amount_fen": int, "table_no": int, "table_title": str, "source_line": int, "note": str,
    },
}
# Full-text indexes (SQLite FTS5, trigram tokens: they suit Chinese, which has no spaces).
_FTS = {"passages": ["text"]}

_INDEXES = {
    # department + year + kind: the document a load replaces, one department's years; sha256: a
    # file already loaded (a folder's load resumes).
    "documents": [["department", "year", "kind"], ["year", "kind"], ["sha256"]],
    "line_items": [["document_id", "table_no"], ["document_id", "code"], ["code", "column_name"],
                   ["name", "column_name"], ["table_no", "column_name"]],
    "table_rows": [["document_id", "table_no"]],
    "names": [["document_id"]],
    "facts": [["document_id"]],
    "projects": [["document_id"]],
    "report_figures": [["document_id", "figure"], ["figure", "amount_fen"]],
}


def index_columns() -> dict[str, list[list[str]]]:
    """Every index: those listed, and one on document_id of each table that has it (deleting a
    document, and reading one back, never scans a table)."""
    out = {name: list(cols) for name, cols in _INDEXES.items()}
    for name, columns in SCHEMA.items():
        have = out.setdefault(name, [])
        if "document_id" in columns and not any(cols[0] == "document_id" for cols in have):
            have.append(["document_id"])
    return out


def ensure_schema(db) -> None:
    """Create any missing table and index (inside the caller's transaction)."""
    for name, columns in SCHEMA.items():
        table = db[name]
        if not table.exists():
            pk = "id" if "id" in columns else None
            table.create(columns, pk=pk)
        else:  # a database written by an older budgetqa: add the columns added since
            have = {c.name for c in table.columns}
            for column, kind in columns.items():
                if column not in have:
                    table.add_column(column, kind)
    for name, indexes in index_columns().items():
        existing = {tuple(i.columns) for i in db[name].indexes}
        for cols in indexes:
            if tuple(cols) not in existing:
                db[name].create_index(cols)
    for name, columns in _FTS.items():
        if not db[name].detect_fts():
            db[name].enable_fts(columns, tokenize="trigram", create_triggers=True)


def document_row(doc: Document) -> dict:
    """What the documents table keeps of a document beyond its name and source: its scope (部门/单位),
    the notes on what was guessed, and how well it was read (None when it was not measured)."""
    names = ("tables_titled", "tables_read", "numbers_seen", "numbers_placed", "totals_checked", "totals_reconciled")
    return {"scope": doc.scope, "notes": json.dumps(doc.notes, ensure_ascii=False),
            **{n: getattr(doc.quality, n) if doc.quality else None for n in names}}


def delete_document(db, doc_id: int) -> None:
    """Delete a document's rows from every table (inside the caller's transaction)."""
    for name, columns in SCHEMA.items():
        key = "id" if name == "documents" else "document_id"
        if key in columns:
            db.execute(f"delete from [{name}] where [{key}] = ?", [doc_id])


# Columns filled by the writer, not by document_rows: the document's id, a target's id.
_KEYS = ("id", "document_id", "target_id")


def _columns(name: str) -> list[str]:
    """The columns document_rows fills for a table, in order (its tuples hold exactly these)."""
    return [c for c in SCHEMA[name] if c not in _KEYS]


@dataclass
class Prepared:
    """Every row one document becomes, without its id: built anywhere, inserted by one writer."""

    document: dict  # the documents row: department, year, kind, unit, source_name, sha256, line_count
    rows: dict[str, list[tuple]] = field(default_factory=dict)  # table -> tuples in _columns(table) order
    # each performance sheet: its performance_targets tuple, then its fields, funds and indicators
    targets: list[tuple[tuple, list[tuple], list[tuple], list[tuple]]] = field(default_factory=list)


def document_rows(doc: Document, findings: list) -> Prepared:
    """The rows of every table a document and its check findings become."""
    from budgetqa.gazetteer import name_rows
    from budgetqa.standard import standard_figures

    prepared = Prepared({
        "department": doc.department, "year": doc.year, "kind": doc.kind, "unit": doc.unit,
        "source_name": doc.source_name, "sha256": doc.sha256, "line_count": len(doc.lines),
        **document_row(doc),
    })
    rows = prepared.rows
    rows["document_texts"] = [("\n".join(doc.lines),)]
    rows["report_tables"], rows["table_rows"], rows["line_items"] = _table_tuples(doc)
    rows["projects"] = [
        (p.scope, p.name, p.group, p.table_no, _s(p.total), p.unit,
         json.dumps({k: str(v) for k, v in p.amounts.items()}, ensure_ascii=False), p.line)
        for p in doc.projects
    ]
    prepared.targets = [_target_tuples(sheet) for sheet in doc.performance]
    order = {id(f): i for i, f in enumerate(doc.facts, 1)}  # part_of: the position of the total among the facts
    rows["facts"] = [(f.section, f.kind, f.label, str(f.value), f.unit, f.subject, f.basis, f.topic, f.sentence, f.line,
                      order.get(id(f.part_of)) if f.part_of is not None else None, f.breakdown or None)
                     for f in doc.facts]
    rows["assets"] = [(i.name, _s(i.value), i.unit, i.text, i.line) for i in doc.items if i.kind == "asset"]
    rows["duties"] = [(i.name, i.text, i.line) for i in doc.items if i.kind == "duty"]
    kinds = {"internal_unit": "内设机构", "subordinate_unit": "下属单位", "organisation": "机构设置说明", "report_unit": "构成单位"}
    rows["units"] = [(kinds[i.kind], i.name, i.line) for i in doc.items if i.kind in kinds]
    rows["glossary"] = [(i.name, i.text, i.line) for i in doc.items if i.kind == "glossary"]
    rows["findings"] = [
        (f.severity, f.kind, f.subject, f.detail, _s(f.stated), _s(f.computed), _s(f.difference), f.unit,
         ",".join(str(n) for n in sorted(set(f.lines))))
        for f in findings
    ]
    names = _columns("names")
    rows["names"] = [tuple(r[c] for c in names) for r in name_rows(0, doc)]
    rows["passages"] = list(_passages(doc))
    rows["report_figures"] = [
        (f.figure, f.label, str(f.amount), f.printed, f.unit, f.fen, f.table_no, f.where, f.line, f.note)
        for f in standard_figures(doc)
    ]
    return prepared


def _table_tuples(doc: Document) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """The report_tables, table_rows and line_items rows of a document's tables."""
    from budgetqa.standard import to_fen

    tables, rows, items = [], [], []
    for t in doc.tables:
        tables.append((t.no, t.kind, t.title, t.unit, json.dumps(t.columns, ensure_ascii=False),
                       json.dumps(t.side_columns, ensure_ascii=False), int(t.empty), t.line,
                       json.dumps(t.parts, ensure_ascii=False) if t.parts else None))
        for r in t.rows:
            rows.append((t.no, r.row_no, r.side, r.code, r.name, r.level, r.parent_code, r.category, r.depth, r.line))
            for c in r.cells:
                items.append((t.no, t.title, r.row_no, r.side, r.code, r.name, r.level, c.column, str(c.amount),
                              t.unit, c.line, to_fen(c.amount, t.unit)))
    return tables, rows, items


def _target_tuples(sheet) -> tuple[tuple, list[tuple], list[tuple], list[tuple]]:
    """A performance sheet's performance_targets row, and its fields, funds and indicators."""
    f = sheet.fields
    target = (sheet.project_name, f.get("项目属性"), f.get("项目期"), f.get("主管部门及代码"), f.get("实施单位"),
              f.get("项目概况"), f.get("立项依据"), f.get("项目设立必要性"), f.get("保证项目实施的制度、措施"),
              f.get("项目实施计划"), f.get("总体目标/实施期"), f.get("总体目标/年度"), f.get("填报日期"),
              sheet.unit, sheet.line, sheet.title)
    return (
        target,
        [(name, text, sheet.field_lines.get(name)) for name, text in f.items()],
        [(key.split("/")[0], key.split("/", 1)[1], str(value), sheet.unit, sheet.fund_lines.get(key))
         for key, value in sheet.funds.items()],
        [(i.scope, i.level1, i.level2, i.level3, i.value, i.line) for i in sheet.indicators],
    )


def insert_rows(conn, doc_id: int, prepared: Prepared) -> None:
    """Insert a prepared document under ``doc_id`` (inside the caller's transaction).

    One prepared statement per table (sqlite-utils' insert_all checks every value for JSON, which
    costs more than the whole parse for a large document).
    """
    for name, rows in prepared.rows.items():
        if rows:
            columns = ["document_id", *_columns(name)]
            conn.executemany(_insert_sql(name, columns), ((doc_id, *row) for row in rows))
    _insert_targets(conn, doc_id, prepared.targets)


def _insert_targets(conn, doc_id: int, targets) -> None:
    """Performance sheets: each target row, then the rows that point to it by target_id."""
    for target, fields, funds, indicators in targets:
        target_id = conn.execute(_insert_sql("performance_targets", ["document_id", *_columns("performance_targets")]),
                                 (doc_id, *target)).lastrowid
        for name, rows in (("performance_fields", fields), ("performance_funds", funds),
                           ("performance_indicators", indicators)):
            if rows:
                columns = ["target_id", "document_id", *_columns(name)]
                conn.executemany(_insert_sql(name, columns), ((target_id, doc_id, *row) for row in rows))


def _insert_sql(name: str, columns: list[str]) -> str:
    return f"insert into [{name}] ({', '.join(f'[{c}]' for c in columns)}) values ({', '.join('?' * len(columns))})"


def _passages(doc: Document):
    """Every sentence a question can be answered from: the prose, duties, units, terms, sheet fields."""
    from budgetqa.parser.narrative import passages

    for section, line, text in passages(doc):
        yield (section, text, line)
    for sheet in doc.performance:
        for name, text in sheet.fields.items():
            if text and len(text) >= 4:
                yield (f"{sheet.project_name} {name}", text, sheet.field_lines.get(name))


def _s(value) -> str | None:
    return None if value is None else str(value)
