"""`budgetqa serve`: the database read-only in Datasette, with table descriptions and canned queries."""

from __future__ import annotations

import importlib.util
import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from budgetqa.serve import metadata, queries

EXE = Path(sys.executable).with_name("budgetqa")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 5.0) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - localhost only
        return response.read().decode("utf-8")


def test_the_metadata_describes_every_table_and_names_the_database(tmp_path):
    from budgetqa.schema import SCHEMA

    meta = metadata(tmp_path / "budget.db")
    assert set(meta["databases"]["budget"]["tables"]) >= set(SCHEMA)
    assert "rank_figure" in meta["databases"]["budget"]["queries"]


def test_every_canned_query_runs_on_a_real_database(db_path):
    from budgetqa.parser import parse_file
    from budgetqa.store import load_document
    from conftest import CORPUS

    load_document(db_path, parse_file(CORPUS / "budget_chongqing_swu_university_2024_dept.txt"))  # no 人员经费
    conn = sqlite3.connect(db_path)
    params = {"figure": "人员经费", "year": "2024", "kind": "", "department": "屯留", "first": "屯留",
              "second": "西南", "part": "人员经费", "whole": "支出总计", "code": "2013105", "name": ""}
    for name, query in queries().items():
        assert conn.execute(query["sql"], params).fetchall(), name
    ranked = conn.execute(queries()["rank_figure"]["sql"], {"figure": "支出总计", "year": "", "kind": ""}).fetchall()
    assert [tuple(r)[:1] + tuple(r)[3:6] for r in ranked] == [("西南大学", "支出总计", "582276.35", "582,276.35"),
                                                               ("中国共产党长治市屯留区委办公室", "支出总计", "1084.38", "1084.38")]
    lacking = conn.execute(queries()["lacking_figure"]["sql"], params).fetchall()
    assert [r[1] for r in lacking] == ["西南大学"]


@pytest.mark.skipif(importlib.util.find_spec("datasette") is None, reason="Datasette is not installed (the serve extra)")
def test_serve_answers_a_page_and_a_canned_query_on_localhost(db_path):
    port = free_port()
    before = db_path.read_bytes()
    process = subprocess.Popen([str(EXE), "serve", "--db", str(db_path), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}/{db_path.stem}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                page = fetch(base)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(process.stdout.read() if process.poll() is not None else "serve did not start")
                time.sleep(0.2)
        assert "report_figures" in page and "按标准数字给报告排名" in page
        query = urllib.parse.urlencode({"figure": "人员经费", "year": "", "kind": "", "_shape": "array"})
        rows = json.loads(fetch(f"{base}/rank_figure.json?{query}"))
        assert rows[0]["部门"] == "中国共产党长治市屯留区委办公室" and rows[0]["万元"] == "290.03" and rows[0]["行"] == 460
        # read-only: a write through the SQL page is refused
        write = urllib.parse.urlencode({"sql": "delete from documents", "_shape": "array"})
        try:
            fetch(f"{base}.json?{write}")
        except urllib.error.HTTPError as exc:
            assert exc.code in (400, 403)
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert db_path.read_bytes() == before
