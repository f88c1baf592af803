"""`budgetqa load DIR`: reports read in parallel, one writer, a summary, resuming, interrupts."""

from __future__ import annotations

import os
import pty
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from budgetqa.bulk import load_files, report_files
from budgetqa.cli import cli
from budgetqa.parser import parse_file
from conftest import CORPUS

sys.path.insert(0, str(Path(__file__).parent.parent / "bench"))
from synthetic import write_reports  # noqa: E402

EXE = Path(sys.executable).with_name("budgetqa")
REPORTS = ["budget_chongqing_swu_university_2024_dept.txt", "budget_shanghai_putuo_shiquanlu_street_2026_unit.txt",
           "final_shanghai_putuo_guihuaziyuanju_2024.txt"]


@pytest.fixture
def folder(tmp_path) -> Path:
    """Five real reports, one of them twice under another name, a note that is not a report, and a
    hidden file and a file of another kind that are not read."""
    root = tmp_path / "reports"
    (root / "corpus").mkdir(parents=True)
    for path in [*(CORPUS / name for name in REPORTS), Path(__file__).parent.parent / "data/tunliu_party_committee_office_2024_budget.txt"]:
        shutil.copy(path, root / "corpus" / path.name)
    shutil.copy(CORPUS / "final_shanghai_putuo_guihuaziyuanju_2024.pdf", root / "final.pdf")
    shutil.copy(CORPUS / "budget_chongqing_swu_university_2024_dept.txt", root / "copy_of_swu.txt")
    (root / "notice.txt").write_text("会议通知：下午三点开会", encoding="utf-8")
    (root / ".hidden.txt").write_text("x", encoding="utf-8")
    (root / "table.xlsx").write_bytes(b"PK")
    return root


def test_a_folder_s_report_files_in_name_order(folder):
    names = [p.relative_to(folder).as_posix() for p in report_files([folder])]
    assert names == ["copy_of_swu.txt", "corpus/budget_chongqing_swu_university_2024_dept.txt",
                     "corpus/budget_shanghai_putuo_shiquanlu_street_2026_unit.txt",
                     "corpus/final_shanghai_putuo_guihuaziyuanju_2024.txt",
                     "corpus/tunliu_party_committee_office_2024_budget.txt", "final.pdf", "notice.txt"]


def test_load_a_folder_then_again(folder, tmp_path):
    db = tmp_path / "folder.db"
    first = CliRunner().invoke(cli, ["load", str(folder), "--db", str(db), "--jobs", "2"])
    assert first.exit_code == 1  # one file is not a report
    assert "notice.txt" in first.stderr and "不是部门预算或决算公开报告" in first.stderr
    # the copy is the same bytes as the corpus file: skipped; the PDF is the 决算 the text also gives: replaced
    assert "载入 5 份报告（其中 1 份替换了同一部门、年度、类型的旧文档），跳过 1 份（已载入，内容相同），1 份未能载入" in first.stdout
    conn = sqlite3.connect(db)
    assert conn.execute("select count(*) from documents").fetchone()[0] == 4
    again = CliRunner().invoke(cli, ["load", str(folder), "--db", str(db)])
    # the text of the 决算 was replaced by its PDF, so it is not loaded: it replaces the PDF's document
    assert "载入 1 份报告（其中 1 份替换了同一部门、年度、类型的旧文档），跳过 5 份（已载入，内容相同），1 份未能载入" in again.stdout
    assert conn.execute("select count(*) from documents").fetchone()[0] == 4


def test_a_folder_of_nothing_but_refusals_leaves_no_database(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("不是报告", encoding="utf-8")
    result = CliRunner().invoke(cli, ["load", str(tmp_path / "in"), "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and not (tmp_path / "none.db").exists()


def test_the_same_department_year_and_kind_twice_in_one_load_is_replaced(tmp_path):
    source = CORPUS / "budget_shanghai_putuo_shiquanlu_street_2026_unit.txt"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(source.read_bytes())
    (tmp_path / "in" / "b.txt").write_bytes(source.read_bytes() + b"\n")
    summary = load_files(tmp_path / "twice.db", [tmp_path / "in"], jobs=1)
    assert [o.status for o in summary.outcomes] == ["loaded", "replaced"]
    assert summary.outcomes[1].replaced[0]["id"] == summary.outcomes[0].document_id


def run_load(args, stderr=subprocess.PIPE) -> subprocess.Popen:
    return subprocess.Popen([str(EXE), "load", *map(str, args)], stdout=subprocess.PIPE, stderr=stderr, text=True)


def count(db: Path, sql: str = "select count(*) from documents") -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
        try:
            return conn.execute(sql).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0


def test_an_interrupted_load_keeps_every_finished_report_whole_and_resumes(tmp_path):
    files = write_reports(tmp_path / "in", 80)
    db = tmp_path / "interrupted.db"
    process = run_load([tmp_path / "in", "--db", db, "--jobs", "2"])
    deadline = time.monotonic() + 120
    while count(db) < 2 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 130, (out, err)
    assert "已中断" in err and "因中断未处理" in out
    stored = sqlite3.connect(db).execute("select id, source_name from documents order by id").fetchall()
    assert 2 <= len(stored) < len(files)
    conn = sqlite3.connect(db)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    for doc_id, name in stored:  # every report stored is whole: as many rows as a load of it alone
        doc = parse_file(tmp_path / "in" / name)
        cells = sum(len(r.cells) for t in doc.tables for r in t.rows)
        assert conn.execute("select count(*) from line_items where document_id = ?", [doc_id]).fetchone()[0] == cells
        assert conn.execute("select count(*) from document_texts where document_id = ?", [doc_id]).fetchone()[0] == 1
    resumed = run_load([tmp_path / "in", "--db", db, "--jobs", "2"])
    out, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, err
    assert f"载入 {len(files) - len(stored)} 份报告，跳过 {len(stored)} 份（已载入，内容相同）" in out
    assert count(db) == len(files)


def test_the_progress_bar_shows_on_a_terminal_only(tmp_path):
    write_reports(tmp_path / "in", 24)
    quiet = CliRunner().invoke(cli, ["load", str(tmp_path / "in"), "--db", str(tmp_path / "quiet.db")])
    assert quiet.exit_code == 0 and quiet.stderr == ""
    assert "载入 24 份报告" in quiet.stdout and "已载入" not in quiet.stdout  # past 20 files: the summary only
    master, slave = pty.openpty()
    process = run_load([tmp_path / "in", "--db", tmp_path / "terminal.db"], stderr=slave)
    os.close(slave)
    seen = b""
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    process.wait(timeout=60)
    os.close(master)
    assert "载入报告" in seen.decode("utf-8", "replace") and "24/24" in seen.decode("utf-8", "replace")
