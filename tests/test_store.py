"""The SQLite file: schema, exact amounts, one transaction per load, replacing a document."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest
import sqlite_utils

from budgetqa import store
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

    monkeypatch.setattr(store, "_insert_items", broken)
    with pytest.raises(ReportError, match="could not be written"):
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
    with pytest.raises(ReportError, match="no loaded document"):
        store.find_document(conn, "教育局")


def test_a_new_default_database_starts_with_the_bundled_report(tmp_path):
    conn = store.connect(tmp_path / "fresh.db")
    docs = store.documents(conn)
    assert [d["department"] for d in docs] == ["中国共产党长治市屯留区委办公室"]


def test_a_file_that_is_not_a_budgetqa_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    sqlite3.connect(path).execute("create table t (x)").connection.commit()
    with pytest.raises(ReportError, match="not a budgetqa database"):
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
