"""The standard figures of one report, read at load from the document model (table report_figures)."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest

from budgetqa.answer.resolve import column_values, row_values
from budgetqa.parser import parse_file
from budgetqa.question.query import Query
from budgetqa.standard import FIGURES, standard_figures, to_fen
from conftest import CORPUS

FINAL = CORPUS / "final_shanghai_putuo_guihuaziyuanju_2024.txt"
STREET = CORPUS / "budget_shanghai_putuo_shiquanlu_street_2026_unit.txt"
UNIVERSITY = CORPUS / "budget_chongqing_swu_university_2024_dept.txt"


def figures_of(path) -> dict:
    return {f.figure: f for f in standard_figures(parse_file(path))}


def test_the_resolver_reads_a_row_and_a_column_of_a_real_report(seed_doc):
    """Tables are told apart by identity: the resolver keeps the tables it looked at in a dict."""
    assert [v.amount for v in row_values(seed_doc, "收入总计", Query())] == [Decimal("1084.38")]
    assert [v.amount for v in column_values(seed_doc, "人员经费", Query())] == [Decimal("290.03")]


def test_the_bundled_report_s_figures_with_table_and_line(seed_doc):
    found = {f.figure: f for f in standard_figures(seed_doc)}
    expected = {  # figure: (printed, table, line), read off the report
        "收入总计": ("1084.38", 1, 151), "支出总计": ("1084.38", 1, 151), "本年收入合计": ("550.51", 1, 147),
        "上年结转": ("533.88", 1, 149), "基本支出": ("303.62", 3, 220), "项目支出": ("780.77", 3, 220),
        "人员经费": ("290.03", 6, 460), "公用经费": ("13.59", 6, 460), "机关运行经费": ("13.59", 11, 602),
        "政府采购": ("12.00", None, 782), "政府采购服务": ("10.00", None, 784),
    }
    for name, (printed, table, line) in expected.items():
        f = found[name]
        assert (f.printed, f.table_no, f.line, f.unit) == (printed, table, line, "万元"), name
        assert f.fen == int(Decimal(printed) * 1_000_000)
    assert list(found) == [name for name in FIGURES if name in found]  # in the listed order


def test_a_three_public_table_printed_empty_states_zero(seed_doc):
    found = {f.figure: f for f in standard_figures(seed_doc)}
    for name in ("三公经费", "因公出国（境）费", "公务接待费", "公务用车运行维护费"):
        assert (found[name].amount, found[name].printed, found[name].note, found[name].table_no) == (0, "", "本表无数据", 10)


def test_a_final_account_reads_the_spent_column_not_the_budgeted_one():
    found = figures_of(FINAL)
    # 表7 prints 预算数 2.85 and 决算数 0.39 on line 374: a 决算 reports what was spent.
    assert (found["三公经费"].printed, found["三公经费"].line) == ("0.39", 374)
    assert found["公务接待费"].printed == "0.39"
    # 收入支出决算总表 prints 总计 on both sides.
    assert (found["收入总计"].printed, found["支出总计"].printed) == ("9859.38", "9859.38")
    assert (found["机关运行经费"].printed, found["机关运行经费"].table_no) == ("142.80", None)  # stated in the text


def test_a_report_in_yuan_keeps_its_unit_and_converts_exactly():
    found = figures_of(STREET)
    assert (found["支出总计"].printed, found["支出总计"].unit, found["支出总计"].fen) == ("76,306,134", "元", 7_630_613_400)
    assert (found["三公经费"].printed, found["三公经费"].unit, found["三公经费"].fen) == ("8.53", "万元", 8_530_000)


def test_a_report_that_does_not_print_a_figure_has_none():
    found = figures_of(UNIVERSITY)
    assert "人员经费" not in found and "三公经费" not in found and "政府采购" not in found
    assert found["支出总计"].printed == "582,276.35"


def test_fen_is_exact_for_every_amount_printed_to_the_fen():
    assert to_fen(Decimal("0.000001"), "万元") == 1
    assert to_fen(Decimal("1084.38"), "万元") == 1_084_380_000
    assert to_fen(Decimal("76306134"), "元") == 7_630_613_400
    assert to_fen(Decimal("12.5"), "亿元") == 125_000_000_000
    assert to_fen(Decimal("3"), "平方米") is None


@pytest.mark.parametrize("path", [FINAL, STREET, UNIVERSITY], ids=lambda p: p.stem)
def test_the_figures_stored_are_those_read(tmp_path, path):
    from budgetqa.store import load_document

    db = tmp_path / "one.db"
    doc_id = load_document(db, parse_file(path))
    conn = sqlite3.connect(db)
    stored = conn.execute("select figure, amount, printed, unit, amount_fen, table_no, source_line from report_figures"
                          " where document_id = ? order by rowid", [doc_id]).fetchall()
    read = [(f.figure, str(f.amount), f.printed, f.unit, f.fen, f.table_no, f.line) for f in standard_figures(parse_file(path))]
    assert stored == read and stored


def _as_schema_1(path) -> None:
    """The file as budgetqa wrote it before report_figures and amount_fen (schema version 1)."""
    old = sqlite3.connect(path)
    old.execute("drop table report_figures")
    old.execute("alter table line_items drop column amount_fen")
    old.execute("pragma user_version = 1")
    old.commit()
    old.close()


def test_opening_an_older_database_fills_the_standard_figures(db_path):
    from budgetqa.schema import SCHEMA_VERSION
    from budgetqa.store import connect

    _as_schema_1(db_path)
    conn = connect(db_path)
    assert conn.execute("select amount from report_figures where figure = '人员经费'").fetchone()[0] == "290.03"
    assert conn.execute("select count(*) from line_items where amount_fen is null").fetchone()[0] == 0
    assert conn.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION


def test_loading_into_an_older_database_reads_its_documents_again(db_path):
    from budgetqa.store import connect, load_document

    _as_schema_1(db_path)
    load_document(db_path, parse_file(UNIVERSITY))
    conn = connect(db_path)
    departments = [r[0] for r in conn.execute("select distinct d.department from report_figures f join documents d"
                                              " on d.id = f.document_id order by 1")]
    assert departments == ["中国共产党长治市屯留区委办公室", "西南大学"]


def test_opening_a_schema_2_database_reads_the_sheet_titles(tmp_path):
    """A file written before performance_targets.title (schema version 2) is read again from its stored
    text on opening: 司法局's project statement then carries its printed title."""
    from budgetqa.readback import read_document
    from budgetqa.schema import SCHEMA_VERSION
    from budgetqa.store import connect, load_document

    db = tmp_path / "old.db"
    load_document(db, parse_file(CORPUS / "budget_shanghai_putuo_sifaju_2026_dept.txt"))
    old = sqlite3.connect(db)
    old.execute("alter table performance_targets drop column title")
    old.execute("pragma user_version = 2")
    old.commit()
    old.close()
    conn = connect(db)
    assert conn.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION
    doc = read_document(conn, conn.execute("select max(id) from documents").fetchone()[0])
    assert [s.title for s in doc.performance] == ["人民调解项目经费情况说明"]
