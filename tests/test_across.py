"""Questions across reports (budgetqa.across), checked against SQL written here independently.

The database holds the four real reports and 32 made from them (four departments of a made-up
province, 2019–2026, amounts scaled; bench/synthetic.py), loaded as a folder.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from budgetqa import across
from budgetqa.bulk import load_files
from conftest import CORPUS

sys.path.insert(0, str(Path(__file__).parent.parent / "bench"))
from synthetic import mixed_meta, write_reports  # noqa: E402

REAL = [Path(__file__).parent.parent / "data/tunliu_party_committee_office_2024_budget.txt",
        *(CORPUS / name for name in ("budget_chongqing_swu_university_2024_dept.txt",
                                     "budget_shanghai_putuo_shiquanlu_street_2026_unit.txt",
                                     "final_shanghai_putuo_guihuaziyuanju_2024.txt"))]
FEN = {"元": 100, "万元": 1_000_000}


@pytest.fixture(scope="session")
def many(tmp_path_factory) -> sqlite3.Connection:
    folder = tmp_path_factory.mktemp("reports")
    write_reports(folder / "synthetic", 32)
    for path in REAL:
        shutil.copy(path, folder / path.name)
    db = folder / "many.db"
    summary = load_files(db, [folder], jobs=2)
    assert summary.count("loaded") == 36 and not summary.refused
    return sqlite3.connect(db)


def independent(conn, figure: str, where: str = "1", params=()) -> list[tuple[int, Decimal]]:
    """(document id, amount in 万元) of every report printing the figure, largest first: from the printed
    amount text and its unit, not from amount_fen."""
    rows = conn.execute(
        "select d.id, d.department, d.year, f.amount, f.unit from report_figures f join documents d on d.id = f.document_id"
        f" where f.figure = ? and {where}"
        " order by cast(f.amount as real) * (case f.unit when '万元' then 10000 when '元' then 1 end) desc,"
        " d.department, d.year", [figure, *params]).fetchall()
    return [(r[0], Decimal(r[3]) * FEN[r[4]] / FEN["万元"]) for r in rows]


@pytest.mark.parametrize("figure", ["人员经费", "支出总计", "三公经费", "政府采购", "机关运行经费"])
def test_a_ranking_is_the_one_sql_gives(many, figure):
    expected = independent(many, figure)
    ranked = across.rank(many, figure, n=5)
    assert [(f.report.id, f.value) for f in ranked.figures] == expected[:5]
    lacking = many.execute("select count(*) from documents where id not in"
                           " (select document_id from report_figures where figure = ?)", [figure]).fetchone()[0]
    assert (ranked.reports, ranked.lacking) == (36, lacking)
    bottom = across.rank(many, figure, n=3, ascending=True)
    assert [f.value for f in bottom.figures] == sorted(v for _, v in expected)[:3]


def test_a_ranking_with_filters_and_a_threshold(many):
    expected = independent(many, "人员经费", "d.year = ? and d.kind = ?", (2024, "预算"))
    ranked = across.rank(many, "人员经费", n=None, year=2024, kind="预算")
    assert [(f.report.id, f.value) for f in ranked.figures] == expected
    reports = many.execute("select count(*) from documents where year = 2024 and kind = '预算'").fetchone()[0]
    assert ranked.reports == reports and ranked.printing == len(expected) and ranked.lacking == reports - len(expected)
    above = across.rank(many, "人员经费", n=None, year=2024, kind="预算", minimum="300")
    assert [f.value for f in above.figures] == [v for _, v in expected if v >= 300]
    assert above.within == len(above.figures) < above.printing
    two_years = across.rank(many, "支出总计", n=None, year=[2023, 2024])
    assert {f.report.year for f in two_years.figures} == {2023, 2024}


def test_reports_in_yuan_and_in_wan_yuan_are_ranked_in_one_unit(many):
    ranked = across.rank(many, "支出总计", n=None)
    units = {f.printed_unit for f in ranked.figures}
    assert units == {"元", "万元"}
    street = next(f for f in ranked.figures if f.report.department.endswith("石泉路街道办事处（本级）"))
    assert (street.printed, street.printed_unit, street.value, street.unit) == ("76,306,134", "元", Decimal("7630.6134"), "万元")
    assert across.rank(many, "支出总计", n=1, unit="元").figures[0].value == ranked.figures[0].value * 10000
    values = [f.value for f in ranked.figures]
    assert values == sorted(values, reverse=True)


def test_every_ranked_figure_carries_its_report_table_and_line(many):
    for f in across.rank(many, "人员经费", n=None).figures:
        line = many.execute("select text from document_texts where document_id = ?", [f.report.id]).fetchone()[0]
        printed = line.split("\n")[f.line - 1]
        assert f.printed in printed.replace(" ", ""), (f.report.label, f.line, printed)
        assert f.where.startswith(f"表{f.table_no} ")


def test_compare_named_reports_in_the_order_named(many):
    ids = [r[0] for r in many.execute("select id from documents order by department desc, year limit 4")]
    university = many.execute("select id from documents where department = '西南大学'").fetchone()[0]
    compared = across.compare(many, "人员经费", [*ids, university, 9999])
    expected = dict(independent(many, "人员经费"))
    assert [(f.report.id, f.value) for f in compared.figures] == [(i, expected[i]) for i in ids if i in expected]
    assert [r.id for r in compared.lacking] == [university] and compared.unknown == [9999]


def test_one_department_over_the_years_with_each_change(many):
    department = mixed_meta(16)[0]  # printed in 元
    series = across.over_years(many, "基本支出", department)
    rows = many.execute("select d.year, f.amount, f.unit from report_figures f join documents d on d.id = f.document_id"
                        " where d.department = ? and f.figure = '基本支出' order by d.year", [department]).fetchall()
    values = [Decimal(a) * FEN[u] / FEN["万元"] for _, a, u in rows]
    assert [s.figure.report.year for s in series.steps] == [y for y, _, _ in rows] == list(range(2019, 2027))
    assert [s.figure.value for s in series.steps] == values
    assert series.steps[0].change is None
    for step, before, now in zip(series.steps[1:], values, values[1:]):
        assert step.change == now - before
        assert step.percent == ((now - before) * 100 / before).quantize(Decimal("0.01"))


def test_a_sum_across_reports_and_each_one_s_share(many):
    total = across.total(many, "政府采购", year=2024, n=3)
    expected = independent(many, "政府采购", "d.year = ?", (2024,))
    whole = sum(v for _, v in expected)
    assert total.total == whole and total.printing == len(expected)
    assert abs(total.mean - whole / len(expected)) <= Decimal("0.0000005")
    assert [s.figure.report.id for s in total.largest] == [i for i, _ in expected[:3]]
    assert [s.percent for s in total.largest] == [(v * 100 / whole).quantize(Decimal("0.01")) for _, v in expected[:3]]


def test_a_ranking_on_one_figure_s_share_of_another(many):
    rows = many.execute(
        "select p.document_id, p.amount, p.unit, w.amount, w.unit from report_figures p join report_figures w"
        " on w.document_id = p.document_id and w.figure = '支出总计' where p.figure = '三公经费'").fetchall()
    shares = {r[0]: Fraction(Decimal(r[1]) * FEN[r[2]]) / Fraction(Decimal(r[3]) * FEN[r[4]]) for r in rows}
    ranked = across.share_rank(many, "三公经费", "支出总计", n=4)
    assert [p.report.id for p, _, _ in ranked.rows] == sorted(shares, key=lambda i: -shares[i])[:4]
    for p, w, percent in ranked.rows:
        assert percent == (Decimal(p.fen) * 100 / Decimal(w.fen)).quantize(Decimal("0.01"))
    assert ranked.printing == len(shares) and ranked.lacking == 36 - len(shares)


def test_an_unknown_figure_or_unit_is_refused(many):
    with pytest.raises(ValueError, match="standard figure"):
        across.rank(many, "差旅费")
    with pytest.raises(ValueError, match="unit"):
        across.rank(many, "人员经费", unit="美元")


@pytest.mark.parametrize("question, departments, years", [
    ("规划资源局2024年基本支出", ["上海市普陀区规划和自然资源局", "江城市东安县规划和自然资源局"], [2024]),
    ("东安县教育局2020年人员经费", ["江城市东安县教育局"], [2020]),
    ("屯留区委办公室的三公经费", ["中国共产党长治市屯留区委办公室"], []),
    ("石泉路街道人员经费", ["上海市普陀区人民政府石泉路街道办事处（本级）"], []),
    ("卫健委历年基本支出", ["江城市东安县卫生健康委员会"], []),
    ("西南大学和屯留区委办公室比较", ["西南大学", "中国共产党长治市屯留区委办公室"], []),
    ("东安县财政局和教育局对比人员经费", ["江城市东安县财政局", "江城市东安县教育局"], []),
    ("哪个部门人员经费最多", [], []),
    ("教育支出多少", [], []),
    ("2023和2024年比较", [], [2023, 2024]),
])
def test_the_reports_a_question_names(many, question, departments, years):
    named = across.named_reports(many, question)
    assert sorted(m.department for m in named.departments) == sorted(departments)
    assert named.years == years
    expected = {r[0] for r in many.execute("select id, department, year from documents")
                if (not departments or r[1] in departments) and (not years or r[2] in years)
                and (departments or years)}
    assert {r.id for r in named.reports} == expected


def test_named_reports_of_one_kind(many):
    named = across.named_reports(many, "规划资源局2024年", kind="决算")
    assert {r.kind for r in named.reports} == {"决算"} and len(named.reports) == 2
    assert across.named_reports(many, "规划资源局2024年", kind="预算").reports == []
