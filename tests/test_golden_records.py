"""Golden records: every printed cell of three more reports, hand-checked against the text as for
the bundled report (tests/data/seed_cells.csv), and the bundled report re-laid the way other
templates and extractors print it (tests/relayout.py) keeping every golden cell in its row."""

from __future__ import annotations

import csv
import re
from decimal import Decimal

import pytest

from budgetqa.parser import parse_file, parse_text
from conftest import CORPUS, DATA
from relayout import CHANGES, relayout

FIELDS = ["table_no", "side", "code", "name", "column_name", "amount", "source_line"]
SIFAJU = "budget_shanghai_putuo_sifaju_2026_dept"
# golden file -> (report, number of printed cells)
GOLDEN = {
    "golden_sifaju_2026_budget.csv": (f"{SIFAJU}.txt", 366),
    "golden_shehuigongzuobu_2024_final.csv": ("final_shanghai_putuo_shehuigongzuobu_2024.txt", 205),
    "golden_swu_university_2023_final.csv": ("final_chongqing_swu_university_2023.txt", 220),
}


def golden(name: str) -> list[dict]:
    return list(csv.DictReader(open(DATA / name, encoding="utf-8")))


def cells(doc, with_lines: bool = True) -> set[tuple]:
    return {
        (str(t.no), r.side or "", r.code or "", r.name, c.column, c.raw) + ((str(c.line),) if with_lines else ())
        for t in doc.tables for r in t.rows for c in r.cells
    }


@pytest.fixture(scope="module")
def parsed():
    return {}


def _doc(parsed, name):
    if name not in parsed:
        parsed[name] = parse_file(CORPUS / name)
    return parsed[name]


@pytest.mark.parametrize("golden_file", sorted(GOLDEN))
def test_every_printed_cell_matches_the_hand_checked_record(parsed, golden_file):
    report, count = GOLDEN[golden_file]
    expected = {tuple(r[k] for k in FIELDS) for r in golden(golden_file)}
    got = cells(_doc(parsed, report))
    assert len(expected) == count
    assert sorted(expected - got) == []
    assert sorted(got - expected) == []


@pytest.mark.parametrize("copy", [f"{SIFAJU}.layout.txt", f"{SIFAJU}.pdf"])
def test_the_layout_and_pdf_copies_give_the_same_cells(parsed, copy):
    """pdftotext -layout (column-aligned, wide gaps, blank lines) and the PDF itself read to the
    same cells as the text (lines differ)."""
    expected = {tuple(r[k] for k in FIELDS[:-1]) for r in golden("golden_sifaju_2026_budget.csv")}
    got = cells(_doc(parsed, copy), with_lines=False)
    assert sorted(expected - got) == []
    assert sorted(got - expected) == []


def test_the_golden_figures_add_up_where_the_report_says_they_do(parsed):
    """A guard on the records themselves: the 司法局 totals are the sums of their rows."""
    rows = golden("golden_sifaju_2026_budget.csv")
    by = {(r["table_no"], r["code"], r["name"], r["column_name"]): Decimal(r["amount"].replace(",", "")) for r in rows}
    for table in ("2", "3", "5"):
        first = "合计"
        classes = [k for k in by if k[0] == table and len(k[1]) == 3 and k[3] == first]
        assert sum(by[k] for k in classes) == by[(table, "", "合计", first)]
    assert by[("8", "", "合计", "人员经费")] + by[("8", "", "合计", "公用经费")] == by[("8", "", "合计", "合计")]


# ------------------------------------------------------------------------- re-laid bundled report


@pytest.fixture(scope="module")
def seed_text(seed_path):
    return seed_path.read_text(encoding="utf-8")


def _missing(text: str, changes) -> list[dict]:
    doc = parse_text(relayout(text, changes), "relaid.txt")
    got: dict[tuple, set] = {}
    for t in doc.tables:
        for r in t.rows:
            for c in r.cells:
                got.setdefault((str(t.no), r.side or "", r.code or "", r.name, c.column), set()).add(c.amount)
    scale = 10000 if "yuan" in changes else 1
    return [g for g in golden("seed_cells.csv")
            if Decimal(g["amount"]) * scale not in got.get((g["table_no"], g["side"], g["code"], g["name"],
                                                           g["column_name"]), ())]


@pytest.mark.parametrize("changes", [(c,) for c in CHANGES] + [CHANGES], ids=[*CHANGES, "all"])
def test_the_relaid_bundled_report_keeps_every_golden_cell_in_its_row(seed_text, changes):
    assert _missing(seed_text, changes) == []


def test_the_relayout_changes_what_it_says(seed_text):
    """The generator really re-lays the tables (a test of the test)."""
    text = relayout(seed_text, CHANGES)
    assert "公开01表" in text and "预算公开表1" not in text
    assert "10,843,800.00" in text and "单位：元" in text
    assert re.search(r"\n201 +31 +05 +专项业务", text) and "\f" in text
    assert text.split("第三部分")[1] == seed_text.split("第三部分")[1]  # the narrative is untouched
