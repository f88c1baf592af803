"""ask() with several real reports loaded: which report answers, and questions across reports.

The database holds the real reports of tests/data/corpus and the bundled one (西南大学's 2021 and
2024 budgets and 2023 and 2024 finals, five 普陀 departments, 屯留), and one report made from a real
one for a department whose name shares words with the functional classes (江城市东安县卫生健康委员会,
bench/synthetic.py), loaded last. Cross-report figures are checked against SQL written here from the
printed amounts and their units, not from amount_fen.
"""

from __future__ import annotations

import sqlite3
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from budgetqa.answer import Session, ask
from budgetqa.answer import compare as compare_module
from budgetqa.answer.compare import figures_named
from budgetqa.answer.documents import department_reports, report_of, reports_named, wants_comparison
from budgetqa.parser import parse_file, parse_text
from budgetqa.store import bundled_report, connect, load_document
from conftest import CORPUS
from test_questions import has_number

sys.path.insert(0, str(Path(__file__).parent.parent / "bench"))
from synthetic import mixed_meta, mixed_report  # noqa: E402

REPORTS = ["budget_chongqing_swu_university_2021_dept.txt", "budget_chongqing_swu_university_2024_dept.txt",
           "final_chongqing_swu_university_2023.txt", "final_chongqing_swu_university_2024.txt",
           "budget_shanghai_putuo_sifaju_2026_dept.txt", "final_shanghai_putuo_caizhengju_2024.txt",
           "final_shanghai_putuo_shehuigongzuobu_2024.txt", "final_shanghai_putuo_guihuaziyuanju_2024.txt",
           "budget_shanghai_putuo_shiquanlu_street_2026_unit.txt"]
HEALTH = 20  # report number 20 of the synthetic province: 江城市东安县卫生健康委员会's 2023 budget
TO_WAN = {"元": Decimal("0.0001"), "万元": Decimal(1)}


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("across_ask") / "reports.db"
    for name in REPORTS:
        load_document(path, parse_file(CORPUS / name))
    load_document(path, parse_file(bundled_report()))
    assert mixed_meta(HEALTH)[0] == "江城市东安县卫生健康委员会"
    load_document(path, parse_text(mixed_report(HEALTH), "health_commission.txt"))
    return path


@pytest.fixture()
def conn(db) -> sqlite3.Connection:
    return connect(db)


def doc_id(conn, department_part: str, year: int, kind: str) -> int:
    return conn.execute("select id from documents where department like ? and year = ? and kind = ?",
                        [f"%{department_part}%", year, kind]).fetchone()[0]


def printed_figures(conn, figure: str, where: str = "1", params=()) -> list[tuple[str, Decimal]]:
    """(report label, amount in 万元) of every report printing the figure, largest first, from the
    printed amount and its unit."""
    rows = conn.execute(
        "select d.department, d.year, d.kind, f.amount, f.unit from report_figures f join documents d"
        f" on d.id = f.document_id where f.figure = ? and {where}", [figure, *params]).fetchall()
    out = [(f"{r[0]} {r[1]}年{r[2]}", Decimal(r[3]) * TO_WAN[r[4]]) for r in rows]
    return sorted(out, key=lambda item: (-item[1], item[0]))


# --------------------------------------------------------------------------- which report answers
def test_a_class_name_sharing_words_with_a_department_is_asked_of_the_open_report(conn):
    """卫生健康类 names a functional class, not 卫生健康委员会: the open report answers."""
    tunliu = doc_id(conn, "屯留", 2024, "预算")
    answer = ask(conn, "卫生健康类下面的行政单位医疗", Session(document_id=tunliu))
    assert answer.matched and "屯留区委办公室" in answer.document
    assert has_number(answer, 5.83)
    assert not any("卫生健康委员会" in f.label for f in answer.figures)


def test_a_named_department_is_answered_from_its_report_and_its_year(conn):
    tunliu = doc_id(conn, "屯留", 2024, "预算")
    answer = ask(conn, "西南大学2023年决算基本支出", Session(document_id=tunliu))
    assert answer.matched and answer.document == "西南大学 2023年决算"
    expected = printed_figures(conn, "基本支出", "d.department = '西南大学' and d.year = 2023")[0][1]
    assert has_number(answer, float(expected))
    missing = ask(conn, "西南大学2019年支出总计", Session(document_id=tunliu))
    assert not missing.matched and missing.figures == [] and "没有 2019 年" in missing.text


def test_a_project_period_question_is_not_a_comparison(conn):
    tunliu = doc_id(conn, "屯留", 2024, "预算")
    answer = ask(conn, "项目期几年", Session(document_id=tunliu))
    assert answer.intent != "compare" and answer.document.startswith("中国共产党长治市屯留区委办公室")


@pytest.mark.parametrize("question, scope", [
    ("项目期几年", None),
    ("西南大学2024年基本支出", None),
    ("西南大学基本支出和项目支出对比", None),
    ("下属各单位的预算", None),
    ("哪个部门人员经费最多", "every"),
    ("各部门三公经费对比", "every"),
    ("前三个单位的机关运行经费", "every"),
    ("西南大学和规划资源局人员经费对比", "named"),
    ("规划资源局和西大的人员经费比一比", "named"),
    ("西南大学2023和2024年决算支出总计", "years"),
    ("西南大学历年支出总计", "years"),
])
def test_which_questions_compare_reports(conn, question, scope):
    current = report_of(conn, doc_id(conn, "屯留", 2024, "预算"))
    named = reports_named(conn, question, lambda: [])
    plan = wants_comparison(question, named, current, department_reports(conn, current.department))
    assert (plan.scope if plan else None) == scope


@pytest.mark.parametrize("question, figures, narrowed", [
    ("公车费用最多的部门", ["公务用车购置及运行费"], False),
    ("各部门总支出", ["支出总计"], False),
    ("因公出国（境）费最多", ["因公出国（境）费"], False),
    ("人头费对比", ["人员经费"], False),
    ("三公经费占支出总计比例最高", ["三公经费", "支出总计"], False),
    ("财政拨款人员经费对比", [], True),
    ("差旅费最多的部门", [], False),
])
def test_the_standard_figure_a_question_names(question, figures, narrowed):
    assert figures_named(question) == (figures, narrowed)


# --------------------------------------------------------------------------- across reports
def test_the_department_with_the_most_is_the_one_sql_gives(conn):
    answer = ask(conn, "2024年决算人员经费最多的部门", Session())
    expected = printed_figures(conn, "人员经费", "d.year = 2024 and d.kind = '决算'")
    assert answer.matched and answer.intent == "rank"
    assert [(row[1], row[3]) for row in answer.rows] == expected
    top_label, top = expected[0]
    assert answer.text.split("；")[0].startswith(f"{answer.understood}：人员经费最多的是 {top_label} {top:,}")
    assert answer.figures[0].value == top and answer.figures[0].line > 0 and answer.figures[0].table
    reports = conn.execute("select count(*) from documents where year = 2024 and kind = '决算'").fetchone()[0]
    lacking = reports - len(expected)
    assert (f"其中 {lacking} 份没有列出人员经费" if lacking else "都列出了人员经费") in answer.text
    assert answer.chart == [(label, value) for label, value in expected]


def test_every_department_without_a_year_is_each_department_s_newest_report(conn):
    answer = ask(conn, "各部门三公经费对比", Session())
    newest = conn.execute(
        "select id from documents d where not exists (select 1 from documents e where e.department = d.department"
        " and (e.year > d.year or (e.year = d.year and e.id > d.id)))").fetchall()
    ids = ",".join(str(r[0]) for r in newest)
    expected = printed_figures(conn, "三公经费", f"d.id in ({ids})")
    assert answer.intent == "compare" and [(row[1], row[3]) for row in answer.rows] == expected
    assert f"（{len(newest)} 份；没有说年度）" in answer.text


def test_top_n_of_a_year(conn):
    answer = ask(conn, "2024年支出总计最高的前2个单位", Session())
    expected = printed_figures(conn, "支出总计", "d.year = 2024")[:2]
    assert [(row[1], row[3]) for row in answer.rows] == expected
    assert all(has_number(answer, float(value)) for _, value in expected)


def test_named_departments_side_by_side(conn):
    answer = ask(conn, "西南大学和规划资源局2024年基本支出对比", Session())
    expected = printed_figures(conn, "基本支出", "d.year = 2024 and (d.department = '西南大学' or d.department like '%规划%')")
    assert answer.intent == "compare"
    assert sorted((row[0], row[2]) for row in answer.rows) == sorted(expected)
    assert all(f.line > 0 for f in answer.figures)


def test_one_department_over_its_years_with_each_change(conn):
    answer = ask(conn, "西南大学历年基本支出", Session())
    assert answer.intent == "compare" and len(answer.rows) == 4
    finals = printed_figures(conn, "基本支出", "d.department = '西南大学' and d.kind = '决算'")
    by_year = {label: value for label, value in finals}
    change = by_year["西南大学 2024年决算"] - by_year["西南大学 2023年决算"]
    row = next(r for r in answer.rows if r[0] == "西南大学 2024年决算")
    assert row[2] == by_year["西南大学 2024年决算"] and row[3] == change
    assert has_number(answer, float(abs(change)))


def test_a_sum_across_reports_with_each_share(conn):
    answer = ask(conn, "2024年决算各部门机关运行经费合计", Session())
    expected = printed_figures(conn, "机关运行经费", "d.year = 2024 and d.kind = '决算'")
    total = sum(value for _, value in expected)
    assert answer.intent == "compare" and answer.figures[0].value == total
    assert f"{len(expected)} 份报告的机关运行经费合计 {total:,}" in answer.text


def test_a_ranking_on_a_share_of_the_total(conn):
    answer = ask(conn, "2024年三公经费占支出总计比例最高的部门", Session())
    parts = dict(printed_figures(conn, "三公经费", "d.year = 2024"))
    wholes = dict(printed_figures(conn, "支出总计", "d.year = 2024"))
    shares = sorted(((Fraction(parts[k]) / Fraction(wholes[k]), k) for k in parts if wholes.get(k)), reverse=True)
    assert answer.intent == "rank" and answer.rows[0][1] == shares[0][1]
    assert answer.rows[0][2] == (Decimal(shares[0][0].numerator) * 100 / shares[0][0].denominator).quantize(Decimal("0.01"))


def test_a_figure_that_is_not_standard_is_asked_of_each_of_a_few_reports(conn, monkeypatch):
    answer = ask(conn, "西南大学和规划资源局2024年差旅费对比", Session())
    assert answer.intent == "compare" and answer.rows
    monkeypatch.setattr(compare_module, "MAX_ASKED", 3)
    refused = ask(conn, "各部门差旅费对比", Session())
    assert not refused.matched and refused.figures == []
    assert "只能比较各报告都有的标准数字" in refused.text and "公务用车购置及运行费" in refused.text


def test_the_departments_of_a_place(conn):
    answer = ask(conn, "2024年普陀区各部门公用经费一共多少", Session())
    expected = printed_figures(conn, "公用经费", "d.year = 2024 and d.department like '%普陀区%'")
    assert len(expected) >= 2 and answer.figures[0].value == sum(value for _, value in expected)
    assert "普陀区2024年的" in answer.understood


def test_a_figure_that_is_not_standard_ordered_over_a_few_reports(conn):
    answer = ask(conn, "2026年哪个单位差旅费最多", Session())
    assert answer.intent == "rank" and answer.text.split("：")[1].startswith("最多的是 上海市普陀区司法局 2026年预算 95,000.00 元")


# --------------------------------------------------------------------------- two reports in one conversation
def test_two_reports_visited_are_put_together_when_asked(conn):
    """两家加起来多少 / 是社工部的几倍 after one figure asked of two departments in turn: those two figures,
    added and divided exactly (the figures are the ones the conversation's answers gave)."""
    session = Session(document_id=doc_id(conn, "屯留", 2024, "预算"))
    first = ask(conn, "普陀区财政局2024年决算，机关运行经费是多少？", session)
    second = ask(conn, "区委社会工作部2024年的机关运行经费呢？", session)
    a, b = first.figures[0].value, second.figures[0].value
    assert a > b > 0, (first.text, second.text)
    answer = ask(conn, "两家加起来多少？财政局大约是社工部的几倍？", session)
    assert has_number(answer, float(a + b)), answer.text
    assert has_number(answer, float((a / b).quantize(Decimal("0.01")))), answer.text


def test_a_department_said_short_after_its_year_and_beside_another(conn):
    """同一年区委社会工作部…呢: the year said before a name is not part of it; 规划资源局是社工部的几倍: a
    party committee's department said without its 区委 (社工部) is named beside another."""
    session = Session(document_id=doc_id(conn, "屯留", 2024, "预算"))
    first = ask(conn, "普陀区规划和自然资源局2024年决算，本年支出合计是多少？", session)
    second = ask(conn, "同一年区委社会工作部的本年支出合计呢？", session)
    assert has_number(first, 9759.38) and has_number(second, 307.82), (first.text, second.text)
    answer = ask(conn, "规划资源局是社工部的几倍？", session)
    assert has_number(answer, 31.70), answer.text


def test_a_name_two_codes_print_said_under_its_parent_is_the_one_under_it(conn):
    """超长期特别国债安排的那笔高等教育: 2059802 (under 20598), not 2050205; its 上一级 next is 20598."""
    session = Session(document_id=doc_id(conn, "西南大学", 2024, "决算"))
    first = ask(conn, "超长期特别国债安排的那笔高等教育支出是多少？", session)
    assert has_number(first, 6304.68) and "2059802" in first.text and "401,718.61" not in first.text, first.text
    up = ask(conn, "上一级是哪个款？", session)
    assert up.intent == "parent" and "20598 超长期特别国债安排的支出" in up.text, up.text


def test_one_department_s_two_years_give_their_difference_and_change(conn):
    """比2023年多了多少 of 西南大学's 2024 决算: the two years' printed figures, their difference and the
    change in per cent; 那它增长了百分之几 next asks of the same figure."""
    session = Session(document_id=doc_id(conn, "屯留", 2024, "预算"))
    answer = ask(conn, "西南大学2024年度决算，财政拨款收入多少？比2023年多了多少？", session)
    by_year = {row[0]: row[2] for row in answer.rows}
    new, old = by_year["西南大学 2024年决算"], by_year["西南大学 2023年决算"]
    assert has_number(answer, float(new - old)), answer.text
    rate = ((new - old) * 100 / old).quantize(Decimal("0.01"))
    assert has_number(answer, float(rate)), answer.text
    again = ask(conn, "那它增长了百分之几？", session)
    assert has_number(again, float(rate)), again.text


def test_a_report_named_alone_asks_the_last_question_of_it(conn):
    """那西南大学2024年决算呢 after a question of its 2023 决算: the same question, of the 2024 report."""
    session = Session(document_id=doc_id(conn, "屯留", 2024, "预算"))
    ask(conn, "西南大学2023年决算的基本支出是多少？", session)
    answer = ask(conn, "那西南大学2024年决算呢？", session)
    direct = ask(conn, "西南大学2024年决算的基本支出是多少？", Session(document_id=doc_id(conn, "屯留", 2024, "预算")))
    assert answer.matched and answer.document == "西南大学 2024年决算", answer.text
    assert [f.value for f in answer.figures] == [f.value for f in direct.figures], (answer.text, direct.text)


def test_the_stated_rates_that_pass_a_threshold(conn):
    """增幅超过20%的有哪些 / 比上年增长的有几个 in 西南大学's 2024 决算: the subjects its text states a rate for,
    filtered by the rates the store holds."""
    session = Session(document_id=doc_id(conn, "西南大学", 2024, "决算"))
    rates = conn.execute("select topic, value from facts where document_id = ? and kind = 'rate' and topic != ''",
                         [session.document_id]).fetchall()
    rising = [t for t, v in rates if Decimal(v) > 0]
    over = [t for t, v in rates if Decimal(v) > 20]
    counted = ask(conn, "写明比2023年度增长的科目有几个？", session)
    assert counted.intent == "filter" and has_number(counted, len(rising)), counted.text
    listed = ask(conn, "增幅超过20%的有哪些？", session)
    assert over and all(t in listed.text for t in over) and f"有 {len(over)} 个" in listed.text, listed.text


def test_procurement_reserved_for_small_firms_is_its_own_figure(conn):
    """面向中小企业预留和面向小微企业预留的预算金额: the two reserved amounts the text states, not the split by goods."""
    session = Session(document_id=doc_id(conn, "规划和自然资源局", 2024, "决算"))
    answer = ask(conn, "面向中小企业预留和面向小微企业预留的预算金额各是多少？", session)
    stated = dict(conn.execute("select label, value from facts where document_id = ? and label like '%预留%'",
                               [session.document_id]).fetchall())
    assert len(stated) == 2 and all(has_number(answer, float(v)) for v in stated.values()), answer.text
    assert "货物" not in answer.text, answer.text


def test_a_share_of_a_base_named_first_is_read_in_a_spending_table(conn):
    """按本年支出合计415,808.40万元算，教育支出占百分之几: the base named first is the whole; 教育支出 is read in a
    spending table (its income-table row would be another figure), against that whole."""
    session = Session(document_id=doc_id(conn, "西南大学", 2021, "预算"))
    answer = ask(conn, "按本年支出合计415,808.40万元算，教育支出占百分之几", session)
    spent = conn.execute("select i.amount from line_items i join report_tables t on t.document_id = i.document_id"
                         " and t.table_no = i.table_no where i.document_id = ? and t.kind = 'expenditure' and i.code = '205'"
                         " order by i.id limit 1", [session.document_id]).fetchone()
    assert spent is not None
    share = (Decimal(spent[0]) * 100 / Decimal("415808.40")).quantize(Decimal("0.01"))
    assert has_number(answer, float(share)), answer.text


def test_lower_by_what_per_cent_is_a_rate_of_change(conn):
    """今年预算比执行数低了百分之几 after a subject's year-before figure: the rate the report states for it, not a share."""
    session = Session(document_id=doc_id(conn, "石泉路", 2026, "预算"))
    answer = ask(conn, "城乡社区管理事务的行政运行，2025年预算执行数是多少，今年预算比执行数低了百分之几？", session)
    stated = conn.execute("select value from facts where document_id = ? and kind = 'rate' and topic like '%行政运行%'",
                          [session.document_id]).fetchall()
    assert stated and any(has_number(answer, abs(float(v))) for (v,) in stated), answer.text
    assert "占" not in answer.understood, answer.understood


def test_a_report_named_after_last_year_asked_gives_the_figure_of_that_report(conn):
    """财政拨款收入 of 西南大学's 2021 budget, 上一年是多少 (worked back from the change it states), then 2024年的
    预算呢: the 2024 budget's own 财政拨款收入, not a change asked of it."""
    session = Session(document_id=doc_id(conn, "屯留", 2024, "预算"))
    ask(conn, "西南大学2021年部门预算，财政拨款收入是多少？", session)
    before = ask(conn, "上一年是多少？", session)
    stated = conn.execute("select value from facts where document_id = ? and kind = 'change' and label like '%财政拨款收入%'",
                          [doc_id(conn, "西南大学", 2021, "预算")]).fetchone()
    assert stated is not None and has_number(before, float(abs(Decimal(stated[0])))), before.text
    answer = ask(conn, "2024年的预算呢？", session)
    direct = ask(conn, "西南大学2024年预算的财政拨款收入是多少？", Session(document_id=doc_id(conn, "屯留", 2024, "预算")))
    assert answer.matched and answer.document == "西南大学 2024年预算", answer.text
    assert direct.figures and has_number(answer, float(direct.figures[0].value)), (answer.text, direct.text)


def test_two_procurement_parts_compared(conn):
    """工程比货物多出多少: the two parts the text states, the first typed against the second."""
    session = Session(document_id=doc_id(conn, "西南大学", 2024, "决算"))
    answer = ask(conn, "政府采购里工程比货物多出多少？", session)
    stated = dict(conn.execute("select label, value from facts where document_id = ? and (label like '%采购工程%'"
                               " or label like '%采购货物%')", [session.document_id]).fetchall())
    works = next(Decimal(v) for k, v in stated.items() if "工程" in k)
    goods = next(Decimal(v) for k, v in stated.items() if "货物" in k)
    assert has_number(answer, float(works - goods)), answer.text


def test_the_earlier_year_worked_back_from_a_stated_change_and_rate(conn):
    """说比2023年下降27.78%，那2023年的公务接待费是多少: the change's amount over its rate, as the text states both."""
    session = Session(document_id=doc_id(conn, "规划和自然资源局", 2024, "决算"))
    stated = dict(conn.execute("select kind, value from facts where document_id = ? and sentence like '%公务接待费支出决算减少%'",
                               [session.document_id]).fetchall())
    earlier = (abs(Decimal(stated["change"])) / abs(Decimal(stated["rate"])) * 100).quantize(Decimal("0.01"))
    answer = ask(conn, "说比2023年下降27.78%，那2023年的公务接待费是多少？", session)
    assert answer.matched and has_number(answer, float(earlier)), answer.text


def test_the_reports_a_conversation_visited_are_ranked_together(conn):
    """这三家里谁的三公最多 after one figure asked of three departments: those three, largest first; a
    share of three figures added is each one's part of their sum."""
    session = Session()
    for question in ("石泉路街道2026年三公经费预算多少？", "换成司法局看看", "规划资源局2024年三公决算多少"):
        ask(conn, question, session)
    ranked = ask(conn, "这三家里谁的三公最多", session)
    assert ranked.matched and ranked.text.index("司法局") < ranked.text.index("石泉路"), ranked.text
    assert has_number(ranked, 10.81) and has_number(ranked, 8.53), ranked.text


def test_a_figure_asked_again_of_another_year_then_its_change(conn):
    """收支总预算 of 2021, 那2024年那份呢, 涨了多少: the two reports' figures set against each other."""
    session = Session()
    ask(conn, "西大2021年部门预算，收支总预算多少", session)
    ask(conn, "那2024年那份呢？", session)
    change = ask(conn, "涨了多少", session)
    assert change.matched and has_number(change, 91467.95), change.text


def test_one_year_s_outturn_after_its_budget_and_the_rate_spent(conn):
    """决算出来实际是多少 after a budget figure: the same figure in that year's 决算; 执行率 then: 决算 ÷ 预算."""
    session = Session()
    ask(conn, "西大2024年部门预算里，教育支出安排了多少？", session)
    final = ask(conn, "决算出来实际是多少", session)
    assert final.matched and has_number(final, 448061.80), final.text
    rate = ask(conn, "执行率呢？决算除以预算", session)
    assert rate.matched and has_number(rate, 98.97), rate.text


def test_a_department_said_by_its_kind_or_with_its_place_unmarked(conn):
    """街道 / 区委办 for the one loaded body of that kind; 普陀规资局 for 普陀区's 规划和自然资源局."""
    gap = ask(conn, "都折成万元的话，石泉路街道比屯留区委办支出总计多出多少万？", Session())
    short = ask(conn, "都折成万元的话，街道比区委办支出总计多出多少万？", Session())
    assert gap.matched and short.matched and has_number(short, 6546.2334), (gap.text, short.text)
    bought = ask(conn, "普陀规资局2024年政府采购金额呢", Session())
    assert bought.matched and has_number(bought, 2319.21), bought.text


def test_a_fund_asked_of_another_year_keeps_the_name_and_an_item_not_printed_is_said_so(conn):
    """其中财政拨款呢, then 2024年预算的财政拨款呢: the same name from that fund, in the report moved to; a name
    marked as an item (教师进修这一项) that the report moved to prints nowhere is said so, with no figure."""
    session = Session()
    ask(conn, "西南大学2021年支出预算里住房公积金多少", session)
    funded = ask(conn, "其中财政拨款呢", session)
    assert funded.matched and has_number(funded, 7136.05), funded.text
    moved = ask(conn, "2024年预算的财政拨款呢", session)
    assert moved.matched and has_number(moved, 7443.57), moved.text
    missing = ask(conn, "2024年预算里还有教师进修这一项吗？安排了多少", session)
    assert not missing.figures and "教师进修" in missing.text, missing.text


def test_an_earlier_year_s_outturn_is_not_its_budget(conn):
    """三公 compared with 2025年预算, then 2025年实际花了多少: the report gives no outturn of that year."""
    session = Session()
    ask(conn, "石泉路街道2026年三公经费预算多少", session)
    ask(conn, "三公合计比2025年预算少了多少", session)
    actual = ask(conn, "那2025年三公实际花了多少", session)
    assert not actual.matched and "实际支出" in actual.text, actual.text


def test_a_code_with_a_fund_and_outturn_words_is_read_in_that_fund_s_table(conn):
    answer = ask(conn, "西南大学2024年决算里高等教育（2050205）财政拨款支出决算多少", Session())
    assert answer.matched and has_number(answer, 206360.32), answer.text


def test_the_item_of_a_list_whose_name_holds_the_words_typed(conn):
    """名字里带“运行”的那个 after a code's items: the one item whose name holds 运行, asked its columns."""
    session = Session()
    ask(conn, "司法局2026年司法款（20406）下面各项预算分别多少", session)
    answer = ask(conn, "名字里带“运行”的那个，基本支出和项目支出各多少", session)
    assert answer.matched and has_number(answer, 16726725.44) and "行政运行" in answer.text, answer.text


def test_what_the_larger_of_two_items_is_for_is_read_from_the_paragraph_stating_its_amount(conn):
    """多的那项主要用于什么 after a fund's two 类: the paragraph headed by that 类 which states the amount its table
    prints (338万 of 城市建设支出), not the one whose heading only ends with the same name (其他城乡社区支出)."""
    session = Session()
    ask(conn, "石泉路街道2026年政府性基金预算支出有哪几项", session)
    answer = ask(conn, "多的那项主要用于什么", session)
    assert answer.matched and "武宁路沿线风貌提升工程" in answer.text, answer.text
