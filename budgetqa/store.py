"""SQLite storage of parsed documents (through sqlite-utils): schema, atomic loads, lookups."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from budgetqa.models import PARSER_VERSION, Document, ReportError

ENV_DB = "BUDGETQA_DB"
BUNDLED_REPORT = "tunliu_party_committee_office_2024_budget.txt"
SCHEMA_VERSION = 1

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


def default_db_path() -> Path:
    """$BUDGETQA_DB, else budgetqa.db in the user's data directory."""
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("budgetqa", appauthor=False)) / "budgetqa.db"


def bundled_report() -> Path:
    """The report budgetqa ships with (installed package data, or data/ in a checkout)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "data" / BUNDLED_REPORT, here.parent / "data" / BUNDLED_REPORT):
        if candidate.exists():
            return candidate
    raise ReportError(f"the bundled report {BUNDLED_REPORT} is missing from the installation")


def connect(path: str | Path, *, create_default: bool = True) -> sqlite3.Connection:
    """Open a budgetqa database; a new default database gets the bundled report first."""
    path = Path(path)
    fresh = not path.exists() or path.stat().st_size == 0
    if fresh and create_default:
        path.parent.mkdir(parents=True, exist_ok=True)
        from budgetqa.parser import parse_file

        load_document(path, parse_file(bundled_report()))
    elif not path.exists():
        raise ReportError(f"{path}: no such database")
    conn = sqlite3.connect(str(path))
    conn.row_factory = sqlite3.Row
    if not _is_budgetqa(conn):
        conn.close()
        raise ReportError(f"{path}: not a budgetqa database")
    if _stale(conn):
        conn.close()
        _reparse(path)
        conn = sqlite3.connect(str(path))
        conn.row_factory = sqlite3.Row
    return conn


def _stale(conn: sqlite3.Connection) -> list[int]:
    """Documents stored by another version of the parser (their figures may be read differently now)."""
    columns = {r[1] for r in conn.execute("pragma table_info(documents)")}
    if "parser_version" not in columns:
        return [r[0] for r in conn.execute("select id from documents order by id")]
    return [r[0] for r in conn.execute("select id from documents where parser_version is not ? order by id",
                                       [PARSER_VERSION])]


def _reparse(path: Path) -> None:
    """Read stale documents again from the text the database keeps, each in its own transaction.

    A document the current parser refuses stays as it was stored; nothing is lost.
    """
    from budgetqa.parser import parse_text

    conn = sqlite3.connect(str(path))
    try:
        stale = [conn.execute("select d.source_name, d.sha256, t.text from documents d"
                              " join document_texts t on t.document_id = d.id where d.id = ?", [doc_id]).fetchone()
                 for doc_id in _stale(conn)]
    finally:
        conn.close()
    for source_name, sha256, text in filter(None, stale):
        try:
            load_document(path, parse_text(text, source_name, sha256))
        except Exception:  # noqa: BLE001 - whatever goes wrong, the stored document stays as it was
            continue


def _is_budgetqa(conn: sqlite3.Connection) -> bool:
    try:
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
    except sqlite3.DatabaseError:
        return False
    return {"documents", "line_items"} <= tables


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


def load_document(path: str | Path, doc: Document, findings: list | None = None) -> int:
    """Store ``doc`` in one transaction, replacing the same department+year+kind; return its id."""
    import sqlite_utils

    from budgetqa.checks import check_document

    if findings is None:
        findings = check_document(doc)
    db = sqlite_utils.Database(str(path))
    try:
        with db.atomic():
            ensure_schema(db)
            for old in db.query(
                "select id from documents where department = ? and year is ? and kind = ?",
                [doc.department, doc.year, doc.kind],
            ):
                _delete(db, old["id"])
            doc_id = db["documents"].insert(
                {
                    "department": doc.department, "year": doc.year, "kind": doc.kind,
                    "unit": doc.unit, "source_name": doc.source_name, "sha256": doc.sha256,
                    "loaded_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                    "line_count": len(doc.lines), "parser_version": PARSER_VERSION,
                    "scope": doc.scope, "notes": json.dumps(doc.notes, ensure_ascii=False),
                    **_quality(doc),
                }
            ).last_pk
            _insert_all(db, doc_id, doc, findings)
    except sqlite3.Error as exc:
        raise ReportError(f"{path}: the database could not be written ({exc})") from None
    finally:
        db.close()
    return doc_id


def _quality(doc: Document) -> dict[str, int | None]:
    """The read-quality counts as documents columns (None when the document was not measured)."""
    names = ("tables_titled", "tables_read", "numbers_seen", "numbers_placed", "totals_checked", "totals_reconciled")
    return {n: getattr(doc.quality, n) if doc.quality else None for n in names}


def _delete(db, doc_id: int) -> None:
    for name, columns in SCHEMA.items():
        key = "id" if name == "documents" else "document_id"
        if key in columns:
            db.execute(f"delete from [{name}] where [{key}] = ?", [doc_id])


def _insert_all(db, doc_id: int, doc: Document, findings: list) -> None:
    from budgetqa.gazetteer import name_rows

    db["document_texts"].insert({"document_id": doc_id, "text": "\n".join(doc.lines)})
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


def documents(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """All loaded documents, newest load first."""
    return conn.execute("select * from documents order by id desc").fetchall()


def find_document(conn: sqlite3.Connection, selector: str | None) -> sqlite3.Row:
    """The document an id or a department/year fragment names (the newest when None)."""
    docs = documents(conn)
    if not docs:
        raise ReportError("the database holds no documents: load one with budgetqa load FILE")
    if not selector:
        return docs[0]
    if selector.isdigit():
        for d in docs:
            if d["id"] == int(selector):
                return d
    matches = [d for d in docs if selector in f"{d['department']}{d['year']}{d['kind']}{d['source_name']}"]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise ReportError(f"no loaded document matches {selector!r}")
    names = "; ".join(f"{d['id']}: {d['department']} {d['year']} {d['kind']}" for d in matches)
    raise ReportError(f"{selector!r} matches several documents ({names}): use the id")
