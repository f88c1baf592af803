"""Damaged real reports through the real load path (read → parse → check → store, as ``budgetqa
load`` does), then questions to whatever loaded: a load succeeds or fails with one ReportError,
a failed load leaves the database file byte-identical, and every question gets an Answer.

The mutations are bench/mutate.py's (lines lost, doubled, swapped, garbled; giant lines; thousands
of rows; a cut at a byte; other encodings; stray bytes); bench/stress_load.py runs thousands of
them for a release. Hypothesis draws the corpus report and the random choices, so a failure
shrinks to a small one.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budgetqa import store
from budgetqa.answer import Answer, Session, ask
from budgetqa.models import ReportError
from budgetqa.parser import parse_file, parse_text
from budgetqa.reading import read_report
from conftest import CORPUS

sys.path.insert(0, str(Path(__file__).parent.parent / "bench"))
from mutate import mutate  # noqa: E402

REPORTS = sorted(CORPUS.glob("*.txt")) + [store.bundled_report()]
TEXTS = [read_report(path)[0] for path in REPORTS]
# The reports whose tables print figures (not the prose-only one, not the blank template).
TABULATED = [k for k, text in enumerate(TEXTS)
             if any(r.cells for t in parse_text(text, REPORTS[k].name).tables for r in t.rows)]
QUESTIONS = ["合计多少", "基本支出占比", "三公经费", "项目有哪些", "2013105", "一致性检查", "支出最多的前三项"]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def base_db(tmp_path_factory, seed_doc) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "base.db"
    store.load_document(path, seed_doc)
    return path


@settings(max_examples=250, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large])
@given(report=st.integers(0, len(TEXTS) - 1), rng=st.randoms(use_true_random=False))
def test_a_damaged_report_loads_or_is_refused_and_a_refusal_changes_no_byte(base_db, report, rng):
    with tempfile.TemporaryDirectory() as tmp:
        path, db = Path(tmp) / "damaged.txt", Path(tmp) / "budgetqa.db"
        path.write_bytes(mutate(TEXTS[report], rng))
        shutil.copyfile(base_db, db)
        before = digest(db)
        try:
            doc_id = store.load_document(db, parse_file(path))
        except ReportError as exc:
            assert str(exc) and "\n" not in str(exc)
            assert digest(db) == before
            return
        conn = store.connect(db)
        try:
            assert conn.execute("select count(*) from documents where id = ?", [doc_id]).fetchone()[0] == 1
            for question in rng.sample(QUESTIONS, 2):
                answer = ask(conn, question, Session())
                assert isinstance(answer, Answer) and answer.text
        finally:
            conn.close()


@pytest.mark.parametrize("report", TABULATED, ids=[REPORTS[k].stem[:28] for k in TABULATED])
def test_a_report_cut_inside_its_tables_is_refused_or_ends_with_a_whole_table(report):
    """Cut at every seventh line between its first table and its last figure, a report is refused
    as truncated, or the cut fell between two tables (every table it holds has all its rows) of a
    report that promised no more (no contents listing its tables)."""
    full = parse_text(TEXTS[report], REPORTS[report].name)
    rows = {t.no: len(t.rows) for t in full.tables}
    lines = TEXTS[report].split("\n")
    first = full.tables[0].line
    last = max(c.line for t in full.tables for r in t.rows for c in r.cells)
    for end in range(first, last, 7):
        try:
            doc = parse_text("\n".join(lines[:end]), "cut.txt")
        except ReportError as exc:
            assert "被截断" in str(exc) or "不是部门预算或决算公开报告" in str(exc), end
            continue
        tail = doc.tables[-1]
        assert len(tail.rows) == rows[tail.no], (end, tail.title)
