"""The SQLite file: schema, exact amounts, one transaction per load, replacing a document."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from decimal import Decimal
from pathlib import Path

import pytest
import sqlite_utils

from budgetqa import schema, store
from budgetqa.models import ReportError
from budgetqa.parser import parse_file
from conftest import CORPUS


def dump(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_schema_is_usable_with_sqlite_utils(seed_db_file):
    db = sqlite_utils.Database(seed_db_file)
    for name, columns in store.SCHEMA.items():
        assert name in db.table_names()
        assert [c.name for c in db[name].columns] == list(columns)
    assert db["line_items"].count == 225
    assert db["documents"].count == 1


def test_amounts_are_stored_exactly_as_printed(conn):
    rows = conn.execute(
        "select column_name, amount, unit, source_line from line_items where code = '2013105' and table_no = 3"
    ).fetchall()
    assert [tuple(r) for r in rows] == [
        ("2024年预算数/合计", "246.89", "万元", 230),
        ("2024年预算数/项目支出", "246.89", "万元", 230),
    ]
    total = sum(Decimal(r[0]) for r in conn.execute("select amount from projects where scope = '本年'"))
    assert total == Decimal("246.89")


def test_a_stated_breakdown_is_read_back_with_the_total_it_breaks_down(tmp_path):
    """其中：基本支出…；项目支出…, each stating its own change: the parts point at the total they add up to,
    in the document the answer layer reads back from SQLite, not only in the one the parser built."""
    from budgetqa.readback import read_document

    path = tmp_path / "narrative.db"
    doc_id = store.load_document(path, parse_file(CORPUS / "narrative_chongqing_jiaotongwei_2018_dept_budget.txt"))
    doc = read_document(store.connect(path), doc_id)
    parts = {f.label: f.part_of for f in doc.facts if f.kind == "amount" and f.part_of is not None}
    assert {label: (whole.label, whole.value) for label, whole in parts.items()
            if label in ("基本支出", "项目支出")} == {
        "基本支出": ("一般公共预算财政拨款支出", Decimal("324970.32")),
        "项目支出": ("一般公共预算财政拨款支出", Decimal("324970.32")),
    }


def test_loading_the_same_document_again_replaces_it(db_path, seed_doc):
    before = dump(db_path)
    doc_id = store.load_document(db_path, seed_doc)
    conn = sqlite3.connect(db_path)
    assert conn.execute("select count(*) from documents").fetchone()[0] == 1
    assert conn.execute("select count(*) from line_items where document_id = ?", [doc_id]).fetchone()[0] == 225
    assert len(dump(db_path)) == len(before)


def test_a_failed_load_leaves_the_database_as_it_was(db_path, monkeypatch):
    doc = parse_file(CORPUS / "budget_chongqing_swu_university_2024_dept.txt")
    before = dump(db_path)

    def broken(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(schema, "_insert_targets", broken)
    with pytest.raises(ReportError, match="无法写入"):
        store.load_document(db_path, doc)
    assert dump(db_path) == before


def test_many_documents_in_one_database(db_path):
    doc = parse_file(CORPUS / "final_shanghai_putuo_guihuaziyuanju_2024.txt")
    new_id = store.load_document(db_path, doc)
    conn = store.connect(db_path)
    kinds = {(d["year"], d["kind"]) for d in store.documents(conn)}
    assert kinds == {(2024, "预算"), (2024, "决算")}
    assert store.find_document(conn, None)["id"] == new_id
    assert store.find_document(conn, "屯留")["department"] == "中国共产党长治市屯留区委办公室"
    with pytest.raises(ReportError, match="没有与「教育局」对应的文档"):
        store.find_document(conn, "教育局")
    assert store.find_document(conn, "规划和自然资源局2024")["id"] == new_id
    assert store.find_document(conn, "2024年决算")["id"] == new_id
    assert store.find_document(conn, "上海市普陀区规划和自然资源局 2024 决算")["id"] == new_id
    with pytest.raises(ReportError, match="对应多份文档"):
        store.find_document(conn, "2024年")
    with pytest.raises(ReportError, match="没有与「规划和自然资源局2023」对应的文档"):
        store.find_document(conn, "规划和自然资源局2023")


def test_a_new_default_database_starts_with_the_bundled_report(tmp_path):
    conn = store.connect(tmp_path / "fresh.db")
    docs = store.documents(conn)
    assert [d["department"] for d in docs] == ["中国共产党长治市屯留区委办公室"]


def test_a_file_that_is_not_a_budgetqa_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    sqlite3.connect(path).execute("create table t (x)").connection.commit()
    with pytest.raises(ReportError, match="不是 budgetqa 的数据库"):
        store.connect(path)


def test_a_database_from_an_older_parser_is_read_again_from_its_text(db_path):
    """Upgrading budgetqa must not leave answers coming from figures the old parser read."""
    old = sqlite3.connect(db_path)
    old.execute("alter table facts drop column topic")  # a column added since
    old.execute("alter table documents drop column parser_version")
    old.execute("delete from line_items where code = '2013105'")  # what the old parser missed
    old.commit()
    old.close()
    conn = store.connect(db_path)
    amounts = [r[0] for r in conn.execute(
        "select amount from line_items where code = '2013105' and table_no = 3 order by source_line, id")]
    assert amounts[:2] == ["246.89", "246.89"]
    assert [tuple(r) for r in conn.execute("select department, parser_version from documents")] == [
        ("中国共产党长治市屯留区委办公室", store.PARSER_VERSION)]
    assert "topic" in {r[1] for r in conn.execute("pragma table_info(facts)")}


def test_a_stored_document_the_parser_now_refuses_is_kept(db_path):
    old = sqlite3.connect(db_path)
    old.execute("update documents set parser_version = 0")
    old.execute("update document_texts set text = 'not a report any more'")
    old.commit()
    old.close()
    conn = store.connect(db_path)
    assert conn.execute("select count(*) from line_items").fetchone()[0] == 225


# -- one error path for the database -------------------------------------------------------------


@pytest.fixture
def read_only_dir(tmp_path):
    """A directory no database can be created in (root ignores permissions: use /sys there)."""
    if os.geteuid() != 0:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
    elif Path("/sys").is_dir():
        yield Path("/sys")
    else:
        pytest.skip("no read-only directory available to root")


def unusable_paths(tmp_path, read_only_dir):
    """Database paths a user can type that cannot hold a database, each with what its error says."""
    a_file = tmp_path / "report.txt"
    a_file.write_text("x")
    return [
        (tmp_path / "no" / "such" / "dir" / "x.db", "不存在"),
        (a_file / "x.db", "不是目录"),
        (tmp_path, "是一个目录"),
        (read_only_dir / "budgetqa-test.db", "无法"),
    ]


def test_a_load_into_a_path_that_cannot_hold_a_database_fails_with_one_reason(tmp_path, read_only_dir, seed_doc):
    for path, reason in unusable_paths(tmp_path, read_only_dir):
        with pytest.raises(ReportError, match=reason) as err:
            store.load_document(path, seed_doc)
        assert "\n" not in str(err.value)
        assert not path.exists() or path.is_dir()
    assert not (tmp_path / "no").exists()  # no directory is created for a path given by hand


def test_opening_a_path_that_holds_no_database_fails_with_one_reason(tmp_path, read_only_dir):
    for path, reason in unusable_paths(tmp_path, read_only_dir):
        with pytest.raises(ReportError, match=reason):
            store.connect(path)
    with pytest.raises(ReportError, match="没有这个数据库"):
        store.connect(tmp_path / "new.db", create_default=False)
    assert not (tmp_path / "new.db").exists()


def foreign_database(path: Path) -> Path:
    """Another application's SQLite file, with a table of its own called documents."""
    conn = sqlite3.connect(path)
    conn.execute("create table documents (id integer primary key, title text, body blob)")
    conn.execute("insert into documents (title) values ('合同')")
    conn.execute("create table line_items (id integer primary key, invoice text)")
    conn.commit()
    conn.close()
    return path


def test_load_never_writes_into_another_applications_database(tmp_path, seed_doc):
    path = foreign_database(tmp_path / "other.db")
    before = path.read_bytes()
    with pytest.raises(ReportError, match="不是 budgetqa 的数据库") as err:
        store.load_document(path, seed_doc)
    assert "documents" in str(err.value)
    assert path.read_bytes() == before
    with pytest.raises(ReportError, match="不是 budgetqa 的数据库"):
        store.connect(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_refused(tmp_path, seed_doc, seed_path):
    path = tmp_path / "report.db"
    path.write_bytes(seed_path.read_bytes())
    with pytest.raises(ReportError, match="不是 SQLite 数据库"):
        store.connect(path)
    with pytest.raises(ReportError, match="不是 SQLite 数据库"):
        store.load_document(path, seed_doc)
    assert path.read_bytes() == seed_path.read_bytes()


def test_budgetqa_marks_its_files_with_an_application_id_and_a_schema_version(db_path):
    conn = sqlite3.connect(db_path)
    assert conn.execute("pragma application_id").fetchone()[0] == store.APPLICATION_ID
    assert conn.execute("pragma user_version").fetchone()[0] == store.SCHEMA_VERSION


def test_a_database_from_a_newer_budgetqa_is_refused_and_left_alone(db_path, seed_doc):
    conn = sqlite3.connect(db_path)
    conn.execute(f"pragma user_version = {store.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(ReportError, match="更新版本的 budgetqa"):
        store.connect(db_path)
    with pytest.raises(ReportError, match="更新版本的 budgetqa"):
        store.load_document(db_path, seed_doc)
    assert db_path.read_bytes() == before


def test_a_database_missing_a_table_or_a_column_is_read_again_from_its_text(db_path):
    old = sqlite3.connect(db_path)
    old.execute("drop table names")
    old.execute("alter table line_items drop column unit")
    old.commit()
    old.close()
    conn = store.connect(db_path)
    assert conn.execute("select count(*) from names").fetchone()[0] > 100
    assert {r[0] for r in conn.execute("select distinct unit from line_items")} == {"万元"}
    assert conn.execute("select count(*) from documents").fetchone()[0] == 1


def test_a_database_missing_what_its_documents_are_read_from_is_refused(db_path):
    old = sqlite3.connect(db_path)
    old.execute("drop table document_texts")
    old.commit()
    old.close()
    before = db_path.read_bytes()
    with pytest.raises(ReportError, match="document_texts"):
        store.connect(db_path)
    assert db_path.read_bytes() == before


def test_two_loads_at_once_wait_for_each_other(db_path):
    """A second load waits for the first one's transaction (busy timeout, BEGIN IMMEDIATE)."""
    other = parse_file(CORPUS / "final_shanghai_putuo_guihuaziyuanju_2024.txt")
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("begin immediate")  # another process in the middle of its load
    holder.execute("insert into duties (document_id, number, text, source_line) values (1, '九', '临时', 1)")
    outcome = {}

    def load():
        try:
            outcome["id"] = store.load_document(db_path, other)
        except ReportError as exc:
            outcome["error"] = str(exc)

    worker = threading.Thread(target=load)
    start = time.monotonic()
    worker.start()
    time.sleep(1.5)
    holder.execute("commit")
    holder.close()
    worker.join(30)
    assert outcome.get("error") is None
    assert time.monotonic() - start >= 1.5
    conn = sqlite3.connect(db_path)
    assert conn.execute("select count(*) from documents").fetchone()[0] == 2


def test_a_replaced_document_is_reported(db_path, seed_doc):
    stored = store.store_document(db_path, seed_doc)
    assert [r["id"] for r in stored.replaced] == [1]
    assert stored.id == 2  # a replacement never takes back the id it replaced
    assert stored.replaced[0]["source_name"] == seed_doc.source_name
    other = store.store_document(db_path, parse_file(CORPUS / "final_shanghai_putuo_guihuaziyuanju_2024.txt"))
    assert other.replaced == []


def test_doc_resolves_an_id_or_a_name_exactly_or_refuses(db_path):
    """--doc 2 with one document loaded must not pick the only one because 2 is in 2024."""
    conn = store.connect(db_path)
    for selector in ("0", "2", "4", "2024", "教育局", "预算局"):
        with pytest.raises(ReportError, match="已载入"):
            store.find_document(conn, selector)
    assert store.find_document(conn, "1")["id"] == 1
    for name in ("中国共产党长治市屯留区委办公室", "屯留", "中国共产党长治市屯留区委办公室 2024", "2024年预算",
                 "tunliu_party_committee_office_2024_budget.txt", "tunliu_party_committee_office_2024_budget"):
        assert store.find_document(conn, name)["id"] == 1, name


@pytest.mark.parametrize("name", ["budget_shanghai_putuo_sifaju_2026_dept.txt", "final_chongqing_swu_university_2023.txt"])
def test_a_document_reads_back_as_the_parser_read_it(tmp_path, name):
    from budgetqa.readback import read_document

    parsed = parse_file(CORPUS / name)
    path = tmp_path / "r.db"
    doc_id = store.load_document(path, parsed)
    conn = store.connect(path)
    back = read_document(conn, doc_id)
    assert (back.department, back.year, back.kind, back.scope, back.notes) == (
        parsed.department, parsed.year, parsed.kind, parsed.scope, parsed.notes)
    assert back.quality == parsed.quality and back.quality is not None
    assert [(t.no, t.kind, t.parts) for t in back.tables] == [(t.no, t.kind, t.parts) for t in parsed.tables]
    cells = lambda d: [(t.no, r.name, c.column, c.amount, c.line) for t in d.tables for r in t.rows for c in r.cells]
    assert cells(back) == cells(parsed) and len(cells(back)) > 200
