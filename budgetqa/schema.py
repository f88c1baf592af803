"""budgetqa's tables: their columns and indexes, and the rows a Document becomes in each."""

from __future__ import annotations

import json

from budgetqa.models import Document

# Raise SCHEMA_VERSION when the tables change; an older budgetqa then refuses the file instead of
# misreading it. APPLICATION_ID marks a SQLite file as budgetqa's (PRAGMA application_id).
SCHEMA_VERSION = 1
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
        "amount": str, "unit": str, "source_line": int,
    },
    "projects": {
        "document_id": int, "scope": str, "name": str, "group_name": str, "table_no": int,
        "amount": str, "unit": str, "amounts": str, "source_line": int,
    },
    "performance_targets": {
        "id": int, "document_id": int, "project_name": str, "attribute": str, "period": str,
        "department": str, "implementer": str, "overview": str, "basis": str,
        "necessity": str, "measures": str, "plan": str, "goal_period": str, "goal_year": str,
        "filled_date": str, "unit": str, "source_line": int,
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
}
# Full-text indexes (SQLite FTS5, trigram tokens: they suit Chinese, which has no spaces).
_FTS = {"passages": ["text"]}

_INDEXES = {
    "line_items": [["document_id", "table_no"], ["document_id", "code"]],
    "table_rows": [["document_id", "table_no"]],
    "names": [["document_id"]],
    "facts": [["document_id"]],
    "projects": [["document_id"]],
}


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
    for name, indexes in _INDEXES.items():
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


def _table_rows(doc_id: int, doc: Document) -> tuple[list[dict], list[dict], list[dict]]:
    """The report_tables, table_rows and line_items rows of a document's tables."""
    tables, rows, items = [], [], []
    for t in doc.tables:
        tables.append({
            "document_id": doc_id, "table_no": t.no, "kind": t.kind, "title": t.title,
            "unit": t.unit, "columns": json.dumps(t.columns, ensure_ascii=False),
            "side_columns": json.dumps(t.side_columns, ensure_ascii=False),
            "empty": int(t.empty), "source_line": t.line,
            "parts": json.dumps(t.parts, ensure_ascii=False) if t.parts else None,
        })
        for r in t.rows:
            rows.append({
                "document_id": doc_id, "table_no": t.no, "row_no": r.row_no, "side": r.side,
                "code": r.code, "name": r.name, "level": r.level, "parent_code": r.parent_code,
                "category": r.category, "depth": r.depth, "source_line": r.line,
            })
            for c in r.cells:
                items.append({
                    "document_id": doc_id, "table_no": t.no, "table_title": t.title,
                    "row_no": r.row_no, "side": r.side, "code": r.code, "name": r.name,
                    "level": r.level, "column_name": c.column, "amount": str(c.amount),
                    "unit": t.unit, "source_line": c.line,
                })
    return tables, rows, items


def insert_document(db, doc_id: int, doc: Document, findings: list) -> None:
    """Insert every row a document and its check findings become (inside the caller's transaction)."""
    from budgetqa.gazetteer import name_rows

    db["document_texts"].insert({"document_id": doc_id, "text": "\n".join(doc.lines)})
    tables, rows, items = _table_rows(doc_id, doc)
    db["report_tables"].insert_all(tables)
    _bulk(db, "table_rows", rows)
    _bulk(db, "line_items", items)
    _bulk(db, "projects", (
        {
            "document_id": doc_id, "scope": p.scope, "name": p.name, "group_name": p.group,
            "table_no": p.table_no, "amount": str(p.total) if p.total is not None else None,
            "unit": p.unit,
            "amounts": json.dumps({k: str(v) for k, v in p.amounts.items()}, ensure_ascii=False),
            "source_line": p.line,
        }
        for p in doc.projects
    ))
    for s in doc.performance:
        f = s.fields
        target_id = db["performance_targets"].insert({
            "document_id": doc_id, "project_name": s.project_name,
            "attribute": f.get("项目属性"), "period": f.get("项目期"),
            "department": f.get("主管部门及代码"), "implementer": f.get("实施单位"),
            "overview": f.get("项目概况"), "basis": f.get("立项依据"),
            "necessity": f.get("项目设立必要性"), "measures": f.get("保证项目实施的制度、措施"),
            "plan": f.get("项目实施计划"), "goal_period": f.get("总体目标/实施期"),
            "goal_year": f.get("总体目标/年度"), "filled_date": f.get("填报日期"),
            "unit": s.unit, "source_line": s.line,
        }).last_pk
        _bulk(db, "performance_fields", (
            {"target_id": target_id, "document_id": doc_id, "field": name, "text": text,
             "source_line": s.field_lines.get(name)}
            for name, text in s.fields.items()
        ))
        _bulk(db, "performance_funds", (
            {
                "target_id": target_id, "document_id": doc_id, "scope": key.split("/")[0],
                "item": key.split("/", 1)[1], "amount": str(value), "unit": s.unit,
                "source_line": s.fund_lines.get(key),
            }
            for key, value in s.funds.items()
        ))
        _bulk(db, "performance_indicators", (
            {
                "target_id": target_id, "document_id": doc_id, "scope": i.scope,
                "level1": i.level1, "level2": i.level2, "level3": i.level3, "value": i.value,
                "source_line": i.line,
            }
            for i in s.indicators
        ))
    _bulk(db, "facts", (
        {
            "document_id": doc_id, "section": f.section, "kind": f.kind, "label": f.label,
            "value": str(f.value), "unit": f.unit, "subject": f.subject, "basis": f.basis,
            "topic": f.topic, "sentence": f.sentence, "source_line": f.line,
        }
        for f in doc.facts
    ))
    _insert_items(db, doc_id, doc)
    _bulk(db, "findings", (
        {
            "document_id": doc_id, "severity": f.severity, "kind": f.kind, "subject": f.subject,
            "detail": f.detail, "stated": _s(f.stated), "computed": _s(f.computed),
            "difference": _s(f.difference), "unit": f.unit,
            "lines": ",".join(str(n) for n in sorted(set(f.lines))),
        }
        for f in findings
    ))
    _bulk(db, "names", name_rows(doc_id, doc))
    _bulk(db, "passages", _passages(doc_id, doc))


def _passages(doc_id: int, doc: Document):
    """Every sentence a question can be answered from: the prose, duties, units, terms, sheet fields."""
    from budgetqa.parser.narrative import passages

    for section, line, text in passages(doc):
        yield {"document_id": doc_id, "section": section, "text": text, "source_line": line}
    for sheet in doc.performance:
        for name, text in sheet.fields.items():
            if text and len(text) >= 4:
                yield {"document_id": doc_id, "section": f"{sheet.project_name} {name}", "text": text,
                       "source_line": sheet.field_lines.get(name)}


def _bulk(db, name: str, rows) -> None:
    """Insert many rows with one prepared statement (sqlite-utils' insert_all checks every value
    for JSON, which costs more than the whole parse for a large document)."""
    columns = [c for c in SCHEMA[name] if c != "id"]
    sql = f"insert into [{name}] ({', '.join(f'[{c}]' for c in columns)}) values ({', '.join('?' * len(columns))})"
    db.conn.executemany(sql, ([row.get(c) for c in columns] for row in rows))


def _s(value) -> str | None:
    return None if value is None else str(value)


def _insert_items(db, doc_id: int, doc: Document) -> None:
    db["assets"].insert_all(
        {"document_id": doc_id, "name": i.name, "value": _s(i.value), "unit": i.unit,
         "text": i.text, "source_line": i.line}
        for i in doc.items if i.kind == "asset"
    )
    db["duties"].insert_all(
        {"document_id": doc_id, "number": i.name, "text": i.text, "source_line": i.line}
        for i in doc.items if i.kind == "duty"
    )
    kinds = {"internal_unit": "内设机构", "subordinate_unit": "下属单位", "organisation": "机构设置说明"}
    db["units"].insert_all(
        {"document_id": doc_id, "kind": kinds[i.kind], "name": i.name, "source_line": i.line}
        for i in doc.items if i.kind in kinds
    )
    db["glossary"].insert_all(
        {"document_id": doc_id, "term": i.name, "definition": i.text, "source_line": i.line}
        for i in doc.items if i.kind == "glossary"
    )
