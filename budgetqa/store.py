"""Opening a budgetqa database (one clear error for whatever a path holds), atomic loads, finding documents."""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from budgetqa.models import PARSER_VERSION, Document, ReportError
from budgetqa.schema import (APPLICATION_ID, SCHEMA, SCHEMA_VERSION, delete_document, document_row, ensure_schema,
                             insert_document)

ENV_DB = "BUDGETQA_DB"
BUNDLED_REPORT = "tunliu_party_committee_office_2024_budget.txt"
# Seconds a load (or a read) waits for another process's load to finish before giving up.
BUSY_TIMEOUT = 60.0
# What reading a stored document again needs; a database without them cannot be repaired.
_REREAD_FROM = {"documents", "document_texts"}
_REREAD_COLUMNS = {"documents.id", "documents.source_name", "document_texts.document_id", "document_texts.text"}


def default_db_path() -> Path:
    """$BUDGETQA_DB, else budgetqa.db in the user's data directory."""
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    return user_data_db_path()


def user_data_db_path() -> Path:
    """budgetqa.db in the user's data directory (platformdirs)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("budgetqa", appauthor=False)) / "budgetqa.db"


def bundled_report() -> Path:
    """The report budgetqa ships with (installed package data, or data/ in a checkout)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "data" / BUNDLED_REPORT, here.parent / "data" / BUNDLED_REPORT):
        if candidate.exists():
            return candidate
    raise ReportError(f"安装不完整：缺少随附的报告 {BUNDLED_REPORT}")


def is_new(path: str | Path) -> bool:
    """True when ``path`` holds no database yet (no file, or an empty one)."""
    path = Path(path)
    try:
        return path.is_file() and path.stat().st_size == 0 or not path.exists()
    except OSError:
        return False


def create_default_database(path: str | Path) -> str:
    """Start a new default database with the bundled report; return what was loaded."""
    from budgetqa.parser import parse_file

    path = Path(path)
    if path.parent == user_data_db_path().parent:  # budgetqa's own folder: create it on first use
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ReportError(f"{path}：无法创建数据库目录 {path.parent}（{exc.strerror or exc}）") from None
    doc = parse_file(bundled_report())
    load_document(path, doc)
    return f"{doc.department} {doc.year} {doc.kind}"


def connect(path: str | Path, *, create_default: bool = True) -> sqlite3.Connection:
    """Open a budgetqa database (one clear ReportError for whatever the path holds).

    A new database gets the bundled report first when ``create_default``; one written by an
    older budgetqa (another parser, a table or column added since) is read again from its text.
    """
    path = Path(path)
    if is_new(path):
        if not create_default:
            raise ReportError(f"{path}：没有这个数据库；先用 budgetqa load 报告文件 --db {path} 载入一份报告")
        create_default_database(path)
    conn = _open(path)
    try:
        missing = _inspect(conn, path)
        if missing is None:
            raise ReportError(f"{path}：数据库是空的；先用 budgetqa load 报告文件 --db {path} 载入一份报告")
        stale = _all_ids(conn) if missing else _stale(conn)
    except sqlite3.Error as exc:
        conn.close()
        raise database_error(exc, path) from None
    except BaseException:
        conn.close()
        raise
    if missing or stale:
        conn.close()
        if missing:
            _upgrade(path, missing)
        _reparse(path, stale)
        conn = _open(path)
    conn.row_factory = sqlite3.Row
    return conn


def _open(path: Path, *, create: bool = False) -> sqlite3.Connection:
    """sqlite3.connect with the busy timeout; a path that cannot hold a database is one clear error."""
    if path.is_dir():
        raise ReportError(f"{path}：是一个目录，不是数据库文件")
    if not path.exists():
        folder = path.parent
        if not create:
            raise ReportError(f"{path}：没有这个数据库")
        if not folder.is_dir():
            above = next((p for p in (folder, *folder.parents) if p.exists()), None)
            if above is not None and not above.is_dir():
                raise ReportError(f"{path}：{above} 是文件，不是目录")
            raise ReportError(f"{path}：目录 {folder} 不存在")
        if not os.access(folder, os.W_OK):
            raise ReportError(f"{path}：无法在目录 {folder} 中创建数据库（没有写权限）")
    try:
        # mode=rw never creates a file by accident; a write-protected file opens read-only.
        uri = path.resolve().as_uri() + ("?mode=rwc" if create else "?mode=rw")
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT)
    except sqlite3.Error as exc:
        if create and not path.exists():
            raise ReportError(f"{path}：无法在目录 {path.parent} 中创建数据库（{exc}）") from None
        raise ReportError(f"{path}：无法打开数据库（{exc}）") from None


def database_error(exc: sqlite3.Error, path: Path | str, doing: str = "读取") -> ReportError:
    """One line for an SQLite error, in words a user can act on."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        return ReportError(f"{path}：数据库正被另一个程序写入，等了 {BUSY_TIMEOUT:.0f} 秒仍未结束，请稍后再试")
    if "not a database" in text or "encrypted" in text:
        return ReportError(f"{path}：不是 SQLite 数据库文件")
    if "readonly" in text or "read-only" in text:
        return ReportError(f"{path}：数据库是只读的，无法{doing}（{text}）")
    if "malformed" in text or "corrupt" in text:
        return ReportError(f"{path}：数据库文件已损坏（{text}）")
    return ReportError(f"{path}：无法{doing}数据库（{text}）")


def _inspect(conn: sqlite3.Connection, path: Path) -> list[str] | None:
    """What budgetqa's schema lacks in this file ([] when complete, None when it has no tables).

    Raises ReportError for another application's file, a newer budgetqa's, or one whose
    documents cannot be read again (the text they were parsed from is missing).
    """
    app_id = conn.execute("pragma application_id").fetchone()[0]
    version = conn.execute("pragma user_version").fetchone()[0]
    tables = {r[0]: {c[1] for c in conn.execute(f"pragma table_info([{r[0]}])")}
              for r in conn.execute("select name from sqlite_master where type = 'table'")}
    if not tables and app_id in (0, APPLICATION_ID):
        return None
    ours = app_id == APPLICATION_ID or (
        app_id == 0 and "line_items" in tables and {"department", "year", "kind"} <= tables.get("documents", set()))
    if not ours:
        names = "、".join(sorted(tables)[:8]) or "无"
        raise ReportError(f"{path}：不是 budgetqa 的数据库（是别的程序的 SQLite 文件，其中的表：{names}）；"
                          "budgetqa 不会写入它，请换一个 --db 文件")
    if version > SCHEMA_VERSION:
        raise ReportError(f"{path}：由更新版本的 budgetqa 写入（结构版本 {version}，这个版本只认到 "
                          f"{SCHEMA_VERSION}）；请升级 budgetqa")
    missing = [f"{name}.{column}" if name in tables else name
               for name, columns in SCHEMA.items() for column in columns
               if column not in tables.get(name, ())]
    missing = list(dict.fromkeys(missing))
    lost = [m for m in missing if m in _REREAD_FROM or m in _REREAD_COLUMNS]
    if lost:
        raise ReportError(f"{path}：数据库缺少 {'、'.join(lost)}，无法从原文重新读取其中的报告")
    return missing


def _all_ids(conn: sqlite3.Connection) -> list[int]:
    return [r[0] for r in conn.execute("select id from documents order by id")]


def _stale(conn: sqlite3.Connection) -> list[int]:
    """Documents stored by another version of the parser (their figures may be read differently now)."""
    return [r[0] for r in conn.execute("select id from documents where parser_version is not ? order by id",
                                       [PARSER_VERSION])]


def _upgrade(path: Path, missing: list[str]) -> None:
    """Add the tables and columns an older (or damaged) budgetqa database lacks, in one transaction."""
    import sqlite_utils

    conn = _open(path)
    try:
        conn.execute("begin immediate")
        if _inspect(conn, path):
            ensure_schema(sqlite_utils.Database(conn))
            _stamp(conn)
        conn.execute("commit")
    except sqlite3.Error as exc:
        raise ReportError(f"{path}：数据库缺少 {'、'.join(missing[:6])}，需要补上但无法写入（{exc}）") from None
    finally:
        if conn.in_transaction:
            conn.execute("rollback")
        conn.close()


def _reparse(path: Path, ids: list[int]) -> None:
    """Read documents again from the text the database keeps, each in its own transaction.

    A document the current parser refuses stays as it was stored; nothing is lost.
    """
    from budgetqa.parser import parse_text

    conn = _open(path)
    try:
        stale = [(doc_id, conn.execute("select d.source_name, d.sha256, t.text from documents d join"
                                       " document_texts t on t.document_id = d.id where d.id = ?", [doc_id]).fetchone())
                 for doc_id in ids]
    finally:
        conn.close()
    for doc_id, row in stale:
        if row is None:
            continue
        source_name, sha256, text = row
        try:
            store_document(path, parse_text(text, source_name, sha256), replace_id=doc_id)
        except Exception:  # noqa: BLE001 - whatever goes wrong, the stored document stays as it was
            continue


def _stamp(conn: sqlite3.Connection) -> None:
    """Mark the file as budgetqa's, with the schema version it follows (inside the transaction)."""
    conn.execute(f"pragma application_id = {APPLICATION_ID}")
    conn.execute(f"pragma user_version = {SCHEMA_VERSION}")


@dataclass
class Stored:
    """What a load did: the new document's id, and the documents it replaced."""

    id: int
    replaced: list[dict] = field(default_factory=list)  # id, source_name, loaded_at of each


def load_document(path: str | Path, doc: Document, findings: list | None = None) -> int:
    """Store ``doc`` in one transaction, replacing the same department+year+kind; return its id."""
    return store_document(path, doc, findings).id


def store_document(path: str | Path, doc: Document, findings: list | None = None, *,
                   replace_id: int | None = None) -> Stored:
    """Store ``doc`` in one transaction, replacing the same department+year+kind (and ``replace_id``).

    The transaction starts with BEGIN IMMEDIATE, so a load running in another process is waited
    for (up to the busy timeout) instead of failing; a file that is not budgetqa's is never written.
    """
    import sqlite_utils

    from budgetqa.checks import check_document

    if findings is None:
        findings = check_document(doc)
    path = Path(path)
    created = not path.exists()
    conn = _open(path, create=True)
    ok = False
    try:
        conn.execute("begin immediate")
        _inspect(conn, path)
        db = sqlite_utils.Database(conn)
        ensure_schema(db)
        replaced = [dict(r) for r in db.query(
            "select id, source_name, loaded_at from documents where (department = ? and year is ? and kind = ?)"
            " or id is ? order by id", [doc.department, doc.year, doc.kind, replace_id])]
        # A new load never takes back a replaced document's id: an id names one load only.
        next_id = conn.execute("select coalesce(max(id), 0) + 1 from documents").fetchone()[0]
        for old in replaced:
            delete_document(db, old["id"])
        doc_id = db["documents"].insert(
            {
                "id": next_id,
                "department": doc.department, "year": doc.year, "kind": doc.kind,
                "unit": doc.unit, "source_name": doc.source_name, "sha256": doc.sha256,
                "loaded_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "line_count": len(doc.lines), "parser_version": PARSER_VERSION,
                **document_row(doc),
            }
        ).last_pk
        insert_document(db, doc_id, doc, findings)
        _stamp(conn)
        conn.execute("commit")
        ok = True
    except sqlite3.Error as exc:
        raise database_error(exc, path, "写入") from None
    finally:
        if conn.in_transaction:
            conn.execute("rollback")
        conn.close()
        if not ok and created and is_new(path):  # a load that failed leaves no empty file behind
            path.unlink(missing_ok=True)
    return Stored(doc_id, replaced)


def documents(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """All loaded documents, newest load first."""
    return conn.execute("select * from documents order by id desc").fetchall()


def document_label(doc) -> str:
    """'3：上海市普陀区规划和自然资源局 2024 决算' — how messages name a stored document."""
    return f"{doc['id']}：{doc['department']} {doc['year']} {doc['kind']}"


def _squash(text: str) -> str:
    return "".join(str(text).split())


def find_document(conn: sqlite3.Connection, selector: str | None) -> sqlite3.Row:
    """The document an id or a name chooses (the newest when None); anything else is refused.

    A number is an id only (never a part of a year). A name is the file name, or the department's
    name (or a part of it), optionally followed by a year and 预算/决算 ('规划和自然资源局2024',
    '2024年决算'); it must choose exactly one document.
    """
    docs = documents(conn)
    if not docs:
        raise ReportError("数据库里还没有报告：先用 budgetqa load 报告文件 载入一份")
    if selector is None or not selector.strip():
        return docs[0]
    wanted = _squash(selector)
    loaded = "；".join(document_label(d) for d in docs[:8]) + ("；…" if len(docs) > 8 else "")
    if wanted.isdigit():
        for d in docs:
            if d["id"] == int(wanted):
                return d
        raise ReportError(f"没有编号为 {wanted} 的文档；已载入：{loaded}")
    matches = [d for d in docs if wanted in (_squash(d["source_name"] or ""), _squash(Path(d["source_name"] or "").stem))]
    if not matches:
        matches = _by_name(docs, wanted)
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise ReportError(f"没有与「{selector}」对应的文档（用编号或部门名称）；已载入：{loaded}")
    names = "；".join(document_label(d) for d in matches)
    raise ReportError(f"「{selector}」对应多份文档（{names}），请用编号")


def _by_name(docs: list[sqlite3.Row], wanted: str) -> list[sqlite3.Row]:
    """Documents a department name (whole, or a part of two characters or more), a year and a kind choose."""
    name, year, kind = re.fullmatch(r"(.*?)(?:(\d{4})年?度?)?(预算|决算)?", wanted).groups()
    docs = [d for d in docs if (not year or d["year"] == int(year)) and (not kind or d["kind"] == kind)]
    if not name:
        return docs if year or kind else []
    exact = [d for d in docs if _squash(d["department"] or "") == name]
    if exact or len(name) < 2:
        return exact
    return [d for d in docs if name in _squash(d["department"] or "")]
