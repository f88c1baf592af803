"""CSV and XLSX export: BOM for Excel, exact figures, neutralised formulas, no silent overwrite."""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest

from budgetqa.export import safe_cell, suggest_name, write_csv, write_xlsx


@pytest.mark.parametrize(
    ("value", "written"),
    [("=SUM(A1:A2)", "'=SUM(A1:A2)"), ("+1+2", "'+1+2"), ("-cmd", "'-cmd"), ("@x", "'@x"),
     ("\t=1", "'\t=1"), (Decimal("-12.50"), "-12.50"), ("-12.50", "-12.50"), ("专项业务", "专项业务"), (None, "")],
)
def test_safe_cell(value, written):
    assert safe_cell(value) == written


def test_csv_has_bom_exact_figures_and_refuses_overwrite(tmp_path):
    path = tmp_path / "out.csv"
    write_csv(path, ["名称", "金额（万元）"], [["专项业务", Decimal("246.89")], ["=HYPERLINK(\"x\")", Decimal("13.60")]])
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows == [["名称", "金额（万元）"], ["专项业务", "246.89"], ["'=HYPERLINK(\"x\")", "13.60"]]
    with pytest.raises(FileExistsError):
        write_csv(path, ["a"], [])
    assert path.read_bytes() == raw


def test_xlsx_keeps_numbers_and_neutralises_formulas(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "out.xlsx"
    write_xlsx(path, ["名称", "金额"], [["=1+1", Decimal("246.89")]])
    ws = load_workbook(path).active
    assert ws["A2"].value == "'=1+1"
    assert ws["B2"].value == pytest.approx(246.89)
    with pytest.raises(FileExistsError):
        write_xlsx(path, ["a"], [])


def test_suggest_name_never_returns_an_existing_file(tmp_path):
    first = suggest_name("表3 支出", folder=tmp_path)
    first.write_text("x")
    second = suggest_name("表3 支出", folder=tmp_path)
    assert first != second and not second.exists()
