"""Loading never hangs, never crashes: rows that are too wide or too many, special files, sizes,
damaged and truncated reports. Each input is the bundled report (or a corpus report) changed the
way a damaged file or a careless paste changes it, loaded through the real load path."""

from __future__ import annotations

import sqlite3
import sys

import pytest

from budgetqa import store
from budgetqa.checks import check_document
from budgetqa.models import ReportError
from budgetqa.parser import parse_file, parse_text
from budgetqa.parser import columns
from conftest import CORPUS


def dump(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture(scope="module")
def seed_lines(seed_path) -> list[str]:
    return seed_path.read_text(encoding="utf-8").split("\n")


def _depth() -> int:
    frame, depth = sys._getframe(), 0
    while frame:
        frame, depth = frame.f_back, depth + 1
    return depth


def with_lines(lines: list[str], after: int, extra: list[str]) -> str:
    """The report with ``extra`` inserted after line ``after`` (1-based, like sed's ``a``)."""
    return "\n".join(lines[:after] + extra + lines[after:])


def test_a_row_of_400_figures_is_refused_naming_its_line(seed_lines):
    text = with_lines(seed_lines, 230, ["2013199 其他 " + " ".join(["1.00"] * 400)])
    with pytest.raises(ReportError, match=r"第 231 行：表3「.*」一行有 400 个数字"):
        parse_text(text, "wide.txt")


def test_a_row_of_40_figures_loads_and_the_other_rows_keep_their_columns(seed_lines, seed_doc):
    """40 figures widen the table to 40 columns: the other rows have thousands of placements
    each, searched with a bound, and still land where the seed puts them."""
    text = with_lines(seed_lines, 230, ["2013199 其他 " + " ".join(["1.00"] * 40)])
    doc = parse_text(text, "wide.txt")
    table, seed_table = doc.table_no(3), seed_doc.table_no(3)
    wide = next(r for r in table.rows if r.line == 231)
    assert len(wide.cells) == 40
    seed_cells = {(r.line, c.column, c.amount) for r in seed_table.rows for c in r.cells}
    cells = {(r.line if r.line < 231 else r.line - 1, c.column, c.amount) for r in table.rows if r is not wide
             for c in r.cells}
    assert cells == seed_cells
    # The rows placed without comparing every placement are named in the table's note.
    assert "未经逐一比较" in table.note and "220" in table.note


@pytest.mark.parametrize("amount", ["0.00", "1.00"])
def test_a_thousand_rows_under_one_parent_load_without_recursion(seed_lines, amount):
    rows = [f"2013199 其他{i} {amount}  {amount}" for i in range(1000)]
    text = with_lines(seed_lines, 231, rows)
    # No recursion whose depth follows the rows: a stack far smaller than a thousand frames will do.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(_depth() + 200)
    try:
        doc = parse_text(text, "many.txt")
    finally:
        sys.setrecursionlimit(limit)
    added = [r for r in doc.table_no(3).rows if r.name.startswith("其他") and r.code == "2013199"]
    assert len(added) == 1000
    assert all(len(r.cells) == 2 and r.cells[0].column == "2024年预算数/合计" for r in added)
    check_document(doc)


def test_the_exact_group_search_is_bounded_per_table(seed_lines, monkeypatch):
    """5,000 rows of 1.00 under one parent: the search that makes the parent add up stops at its
    step budget and says which rows it could not compare (the old search took minutes)."""
    steps = []
    search = columns._search

    def counted(*args):
        found, used = search(*args)
        steps.append(used)
        return found, used

    monkeypatch.setattr(columns, "_search", counted)
    text = with_lines(seed_lines, 231, [f"2013199 其他{i} 1.00  1.00" for i in range(5000)])
    doc = parse_text(text, "many.txt")
    assert max(steps) <= columns._GROUP_WORK + 1  # the one search that ran out
    assert sum(steps) < 2 * columns._GROUP_WORK  # every other table needs a few hundred
    assert "未经逐一比较" in doc.table_no(3).note


def test_a_project_total_row_without_figures_is_checked_without_error(seed_lines, tmp_path):
    """A coded row pasted into the project table leaves its first row without cells."""
    text = with_lines(seed_lines, 627, ["206 科学技术支出 1,512.90 1,512.90"])
    doc = parse_text(text, "pasted.txt")
    check_document(doc)
    store.load_document(tmp_path / "x.db", doc)


def test_thousands_of_projects_in_one_unit(seed_lines):
    at = next(i for i, line in enumerate(seed_lines) if "乡镇档案室标准化建设 90.00" in line) + 1
    text = with_lines(seed_lines, at, [f"　　项目{i}经费 1.00 1.00     " for i in range(3000)])
    doc = parse_text(text, "projects.txt")
    assert len([p for p in doc.projects if p.scope == "本年"]) >= 3000
    check_document(doc)


# --- files that are not report files, or far too large -----------------------------------------

def load_in_a_process(path, db, timeout=30):
    """``budgetqa load`` in its own process: what a user sees on stderr, and no test that hangs."""
    import subprocess

    return subprocess.run(
        [sys.executable, "-c", "from budgetqa.cli import main; main()", "load", str(path), "--db", str(db)],
        capture_output=True, text=True, timeout=timeout,
    )


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    import os

    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    result = load_in_a_process(fifo, tmp_path / "x.db")
    assert result.returncode == 1
    assert result.stderr.strip().endswith("不是普通文件（是设备、管道或套接字），不是报告文件")


@pytest.mark.skipif(not __import__("os").path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_device_is_refused_before_reading(tmp_path):
    result = load_in_a_process("/dev/zero", tmp_path / "x.db")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "不是普通文件" in result.stderr


def test_a_50_mb_file_is_refused_by_its_size(tmp_path, seed_path):
    path = tmp_path / "report.txt"
    with path.open("wb") as f:
        f.write(seed_path.read_bytes())
        f.truncate(50 * 1024 * 1024)  # the rest a hole: nothing to write
    with pytest.raises(ReportError, match=r"report.txt：文件太大，不像预算报告（50.0 MB；文本最多 5 MB）"):
        parse_file(path)


def test_a_report_repeated_past_the_limit_is_refused(tmp_path, seed_path):
    text = seed_path.read_bytes()
    path = tmp_path / "repeated.txt"
    path.write_bytes(text * (6 * 1024 * 1024 // len(text) + 1))
    with pytest.raises(ReportError, match="文件太大"):
        parse_file(path)


def test_a_pdf_past_the_page_limit_is_refused(tmp_path, monkeypatch):
    pytest.importorskip("pdfplumber")
    from budgetqa import reading

    monkeypatch.setattr(reading, "MOST_PDF_PAGES", 20)  # the corpus PDF has 30 pages
    with pytest.raises(ReportError, match=r"页数太多，不像预算报告（超过 20 页"):
        parse_file(CORPUS / "final_shanghai_putuo_guihuaziyuanju_2024.pdf")


def test_a_damaged_pdf_prints_nothing_but_budgetqa_s_own_line(tmp_path):
    """A cross-reference entry whose offset is not a number: pdfminer repairs it and logs a
    warning, which Python printed to stderr (over the app's screen) when nothing set up logging."""
    pytest.importorskip("pdfplumber")
    import re

    data = bytearray((CORPUS / "final_shanghai_putuo_guihuaziyuanju_2024.pdf").read_bytes())
    xref = data.find(b"xref\r\n0 ")
    entry = xref + re.search(rb"\n(\d{10}) \d{5} n", data[xref:]).start(1)
    data[entry:entry + 3] = b"0p0"
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(bytes(data))
    result = load_in_a_process(damaged, tmp_path / "x.db")
    assert result.stderr == ""
    assert result.returncode == 0
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(bytes(data[: len(data) // 2]))
    result = load_in_a_process(cut, tmp_path / "x.db")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and result.stderr.endswith(f"{cut}：PDF 已损坏或无法读取（PdfminerException）\n")


def test_a_utf16_file_with_stray_nuls_stores_a_clean_department_name(tmp_path, seed_path, seed_doc):
    name = seed_doc.department
    text = seed_path.read_text(encoding="utf-8").replace(name, name[:5] + "\x00" + name[5:])
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode("utf-16"))
    doc = parse_file(path)
    assert doc.department == seed_doc.department
    assert "\x00" not in "\n".join(doc.lines)
    store.load_document(tmp_path / "x.db", doc)
    conn = sqlite3.connect(tmp_path / "x.db")
    assert conn.execute("select department from documents").fetchone()[0] == seed_doc.department


# --- reports cut off inside their tables ------------------------------------------------------

SIFAJU = CORPUS / "budget_shanghai_putuo_sifaju_2026_dept.txt"


def test_the_whole_sifaju_report_loads_with_all_its_tables():
    doc = parse_file(SIFAJU)
    assert [t.no for t in doc.tables] == list(range(1, 11))


def test_a_report_cut_at_a_byte_inside_its_second_table_is_refused(tmp_path):
    """Cut at byte 15,464 the 司法局 report holds 2 of its 10 tables; its contents list nine."""
    path = tmp_path / "sifaju_cut.txt"
    path.write_bytes(SIFAJU.read_bytes()[:15464])
    with pytest.raises(ReportError, match=r"被截断）：正文在第 135 行、表2「2026年部门收入预算总表」之中结束；"
                                          r"目录列出 9 张表，其中 7 张没有出现"):
        parse_file(path)


@pytest.mark.parametrize("last_line", [136, 143, 156, 170, 193, 200, 225, 233, 250, 270])
def test_a_report_whose_contents_promise_more_tables_is_refused_wherever_it_is_cut(last_line):
    lines = SIFAJU.read_text(encoding="utf-8").split("\n")
    with pytest.raises(ReportError, match="被截断"):
        parse_text("\n".join(lines[:last_line]), "cut.txt")


@pytest.mark.parametrize(("last_line", "after"), [
    (440, "停在「22102 住房改革支出」之后，它下面的各行都没有"),  # a 款 whose 项 were cut off
    (488, "停在「对个人和家庭的补助」之后，它下面的各行都没有"),  # an economic class without its items
    (633, "停在「中国共产党长治市屯留区委办公室」之后，它下面的各行都没有"),  # a project list's own row
])
def test_a_last_table_that_ends_on_a_parent_row_is_refused(seed_lines, last_line, after):
    """The seed prints its totals first, and every parent it prints adds up: only the shape says
    that the rows under the last parent never came."""
    with pytest.raises(ReportError, match=after):
        parse_text("\n".join(seed_lines[:last_line]), "cut.txt")


def test_a_report_cut_before_its_first_table_is_not_read_as_prose_only():
    """A report of prose alone loads (its tables were images); one cut before its first table,
    whose contents list nine, is truncated."""
    lines = SIFAJU.read_text(encoding="utf-8").split("\n")
    with pytest.raises(ReportError, match="目录列出 9 张表，正文在第一张表之前就结束了"):
        parse_text("\n".join(lines[:100]), "cut.txt")


def test_a_last_table_cut_right_after_its_total_row_is_refused():
    """The university's 决算 tables print 合计 first: cut there, the table holds its total alone."""
    lines = (CORPUS / "final_chongqing_swu_university_2023.txt").read_text(encoding="utf-8").split("\n")
    with pytest.raises(ReportError, match=r"第 250 行、表4「高等学校财政拨款支出决算表」之中结束：停在合计行之后"):
        parse_text("\n".join(lines[:250]), "cut.txt")


def test_a_last_table_cut_before_its_total_row_is_refused():
    """The university's tables print 合计 last and its contents list no tables: the expenditure
    table stops after some subjects, every printed parent adding up."""
    lines = (CORPUS / "budget_chongqing_swu_university_2024_dept.txt").read_text(encoding="utf-8").split("\n")
    with pytest.raises(ReportError, match=r"第 170 行、表3「西南大学支出预算表」之中结束，没有合计行"):
        parse_text("\n".join(lines[:170]), "cut.txt")


def test_chinese_text_in_utf16_without_a_bom_is_read(tmp_path):
    """The 司法局 report opens with a contents page of Chinese and leader dots: hardly a NUL byte
    in its first kilobytes, yet it is UTF-16."""
    text = SIFAJU.read_text(encoding="utf-8")
    for encoding in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        assert parse_file(path).department == "上海市普陀区司法局"


# --- giant lines and run-on text ---------------------------------------------------------------

def test_a_line_of_a_million_characters_is_refused_naming_it(seed_lines):
    text = with_lines(seed_lines, 700, ["人员经费" * 250_000])
    with pytest.raises(ReportError, match=r"第 701 行有 1,000,000 个字符"):
        parse_text(text, "giant.txt")


def test_figures_of_a_run_on_text_each_quote_a_bounded_part_of_it(seed_lines, tmp_path):
    """Sentence ends lost (a damaged extraction): 3,000 figures in one 'sentence' of 60,000
    characters. Each stored fact quoted the whole of it (3,000 × 60,000 characters in the
    database; a real run-on file made 32 GB)."""
    at = next(i for i, line in enumerate(seed_lines) if line.startswith("人员经费290.03万元"))
    run_on = ["，".join(f"第{k}项经费{k}.00万元" for k in range(j, j + 100)) + "，" for j in range(0, 3000, 100)]
    doc = parse_text(with_lines(seed_lines, at, run_on), "run-on.txt")
    quoted = [f for f in doc.facts if "第1500项经费" in f.label]
    assert quoted and all(len(f.sentence) <= 1000 for f in doc.facts)
    assert "第1500项经费1500.00万元" in quoted[0].sentence
    store.load_document(tmp_path / "x.db", doc)
    assert (tmp_path / "x.db").stat().st_size < 20 * 1024 * 1024


def test_a_figure_too_large_for_an_integer_column_keeps_no_fen():
    """A damaged figure of forty digits has no exact 分 in SQLite's integers: none is stored, and
    ordinary figures keep theirs exactly."""
    from decimal import Decimal

    from budgetqa.standard import to_fen

    assert to_fen(Decimal("1" + "0" * 40), "万元") is None
    assert to_fen(Decimal("1084.38"), "万元") == 1084380000
    assert to_fen(Decimal("12.345"), "元") == 1235


def test_names_are_spelt_alike_whether_a_question_or_a_load_imported_pypinyin_first():
    """A question imports pypinyin without its phrase dictionary (faster); a load after it in the same
    process must still spell names by their words (银行 yinhang), as a load alone does."""
    import subprocess
    import sys

    code = ("from budgetqa.textnorm import character_pinyin, pinyin_keys\n"
            "{first}\nprint(pinyin_keys('银行存款'), pinyin_keys('单位资金'), pinyin_keys('重庆市交通委员会'))")
    question_first = subprocess.run([sys.executable, "-c", code.format(first="character_pinyin()")],
                                    capture_output=True, text=True, check=True).stdout
    load_alone = subprocess.run([sys.executable, "-c", code.format(first="")],
                                capture_output=True, text=True, check=True).stdout
    assert question_first == load_alone
    assert "yinhangcunkuan" in question_first
