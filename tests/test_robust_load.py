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
    with pytest.raises(ReportError, match=r"line 231: 400 figures on one row of table 3"):
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
    assert max(steps) <= columns._GROUP_STEPS + 1  # the one search that ran out
    assert sum(steps) < 2 * columns._GROUP_STEPS  # every other table needs a few hundred
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
