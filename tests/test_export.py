"""CSV and XLSX export: BOM for Excel, exact figures, neutralised formulas, no silent overwrite."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from budgetqa.export import safe_cell, suggest_name, with_unit, write_csv, write_table, write_xlsx


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


class _DiskFull:
    """A cell whose text cannot be written: what a full disk does in the middle of a CSV export."""

    def __str__(self) -> str:
        raise OSError(28, "No space left on device")


@pytest.fixture(params=[".csv", ".xlsx"])
def failing_rows(request, monkeypatch):
    """(suffix, rows) whose writing fails half-way, as on a full disk."""
    if request.param == ".xlsx":
        from openpyxl import Workbook

        def save_half(self, filename):
            Path(filename).write_bytes(b"PK\x03\x04")  # the start of the zip, then the disk is full
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(Workbook, "save", save_half)
        return request.param, [["专项业务"]]
    return request.param, [["专项业务"]] * 50 + [[_DiskFull()]]


def test_a_failed_export_keeps_the_old_file_and_leaves_nothing_behind(tmp_path, failing_rows):
    suffix, rows = failing_rows
    path = tmp_path / f"out{suffix}"
    path.write_bytes(b"the old export")
    with pytest.raises(OSError):
        write_table(path, ["名称"], rows, overwrite=True)
    assert path.read_bytes() == b"the old export"
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_a_failed_new_export_leaves_no_empty_file_that_blocks_a_retry(tmp_path, failing_rows):
    suffix, rows = failing_rows
    path = tmp_path / f"out{suffix}"
    with pytest.raises(OSError):
        write_table(path, ["名称"], rows)
    assert list(tmp_path.iterdir()) == []


def test_replacing_a_file_keeps_its_permissions(tmp_path):
    path = tmp_path / "out.csv"
    write_csv(path, ["a"], [])
    path.chmod(0o640)
    write_csv(path, ["b"], [], overwrite=True)
    assert path.stat().st_mode & 0o777 == 0o640
    assert path.read_bytes() == b"\xef\xbb\xbfb\r\n"


def test_xlsx_drops_control_characters_that_excel_cannot_hold(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "out.xlsx"
    write_xlsx(path, ["名\x01称", "金额"], [["山西\x08画报\x1f订阅费", Decimal("13.60")], ["制表\t换行\n", None]])
    ws = load_workbook(path).active
    assert [c.value for c in ws[1]] == ["名称", "金额"]
    assert ws["A2"].value == "山西画报订阅费"
    assert ws["A3"].value == "制表\t换行\n"  # tab and newline are legal in a cell


def test_xlsx_amounts_keep_their_printed_decimals_and_exactness(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "out.xlsx"
    huge = Decimal("12345678901234567.89")  # more digits than a spreadsheet number holds
    write_xlsx(path, ["名称", "金额"], [["a", Decimal("60.00")], ["b", Decimal("0.20")], ["c", Decimal("1084.38")],
                                     ["d", Decimal("246")], ["e", Decimal("-0.01")], ["f", huge]])
    ws = load_workbook(path).active
    cells = [(c.value, c.number_format) for c in ws["B"][1:]]
    assert cells == [(60, "#,##0.00"), (0.2, "#,##0.00"), (1084.38, "#,##0.00"), (246, "#,##0"),
                     (-0.01, "#,##0.00"), ("12345678901234567.89", "General")]
    assert ws["A1"].number_format == "General"


def test_xlsx_sheet_is_named_after_the_table(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "out.xlsx"
    write_table(path, ["a"], [], sheet="表3 2024年预算支出总表")
    assert load_workbook(path).sheetnames == ["表3 2024年预算支出总表"]
    write_table(path, ["a"], [], sheet="[表/1]: 很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长的标题?*", overwrite=True)
    (name,) = load_workbook(path).sheetnames
    assert len(name) <= 31 and not set(name) & set("[]:*?/\\") and name.startswith("表1")
    write_table(path, ["a"], [], overwrite=True)
    assert load_workbook(path).sheetnames == ["budgetqa"]


def test_one_unit_convention_the_unit_in_the_header(conn):
    """Answers (a 单位 column) and tables (one unit) are exported the same way: 金额（万元）."""
    from budgetqa.answer import Session, ask
    from budgetqa.browse import layout

    answer = ask(conn, "2013105", Session())
    assert "单位" in answer.columns
    columns, rows = with_unit(answer.columns, answer.rows, answer.unit)
    assert "单位" not in columns and "金额（万元）" in columns
    assert all(len(r) == len(columns) for r in rows)
    assert [r[columns.index("金额（万元）")] for r in rows] == [r[answer.columns.index("金额")] for r in answer.rows]

    view = layout(conn, 1, "3")
    columns, rows = with_unit(view.columns, view.rows, view.unit)
    assert columns[:3] == ["科目编码", "项目", "2024年预算数/合计（万元）"] and rows == view.rows

    # Rows in different units keep their 单位 column (no header can say both).
    mixed = [["a", Decimal("1.00"), "万元"], ["b", Decimal("2.00"), "%"]]
    assert with_unit(["名称", "数值", "单位"], mixed, "万元") == (["名称", "数值", "单位"], mixed)


async def test_the_app_exports_a_name_with_a_control_character_to_xlsx_and_keeps_running(db_path, tmp_path, monkeypatch):
    """ctrl+e to .xlsx of a row holding \\x08 used to raise IllegalCharacterError and close the app."""
    from openpyxl import load_workbook

    from budgetqa.tui.app import BudgetApp, Export

    monkeypatch.chdir(tmp_path)
    app = BudgetApp(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.start_export(Export("测试", "画报", ["名称", "金额（万元）"], [["山西\x08画报", Decimal("13.60")]]))
        await pilot.pause()
        app.screen.filename.value = "画报.xlsx"
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and app.last_export == tmp_path / "画报.xlsx"
    ws = load_workbook(tmp_path / "画报.xlsx").active
    assert (ws["A2"].value, ws["B2"].value, ws["B2"].number_format) == ("山西画报", 13.6, "#,##0.00")
