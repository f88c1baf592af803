"""The check compares a figure only with the figure of the same scope (fund, table, side of a
sentence): the university reports' false contradictions stay away, their real ones are reported.
Every figure below was checked by hand against the text."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from budgetqa.checks import CONTRADICTION, check_document
from budgetqa.parser import parse_file

D = Decimal
CORPUS = Path(__file__).parent / "data" / "corpus"
BUDGET_2021 = "budget_chongqing_swu_university_2021_dept.txt"
FINAL_2023 = "final_chongqing_swu_university_2023.txt"
FINAL_2024 = "final_chongqing_swu_university_2024.txt"


@pytest.fixture(scope="module")
def findings():
    cache = {}

    def get(name):
        if name not in cache:
            cache[name] = check_document(parse_file(CORPUS / name))
        return cache[name]

    return get


def test_a_two_sided_total_is_split_on_each_side_of_the_sentence(findings):
    """Line 190: 「收支总预算 490,808.40 万元，其中本年收入预算 390,140.45 万元，使用非财政拨款结余
    18,953.73 万元，上年结转 81,714.17 万元；本年支出预算 415,808.40 万元，结转下年 75,000.00 万元」
    is two splits of one total: income (which prints 18,953.73 where 表1 and line 202 print
    18,953.78, so it makes 490,808.35: a real gap) and spending (which adds up)."""
    totals = [f for f in findings(BUDGET_2021) if f.kind == "narrative_total"]
    assert [(f.severity, f.stated, f.computed) for f in totals] == [
        (CONTRADICTION, D("490808.40"), D("490808.35"))]
    assert "本年支出预算" not in totals[0].subject and "上年结转" in totals[0].subject
    assert not [f for f in findings(BUDGET_2021) if f.computed == D("981616.75")]


@pytest.mark.parametrize("name, basic, project", [
    (FINAL_2023, D("199015.13"), D("38084.87")),
    (FINAL_2024, D("209899.51"), D("56884.05")),
])
def test_a_fiscal_split_is_compared_with_the_fiscal_table(findings, name, basic, project):
    """「财政拨款支出总计…其中基本支出 199,015.13 万元…项目支出 38,084.87 万元」 is 表4's
    财政拨款 spending, which prints the same figures; 表3 (all funds) prints 359,781.59 and 97,895.15."""
    wrong = [f for f in findings(name) if f.kind == "narrative_table" and f.stated in (basic, project)]
    assert wrong == []


@pytest.mark.parametrize("name, total", [(FINAL_2023, D("569496.54")), (FINAL_2024, D("609139.01"))])
def test_the_summary_tables_last_row_is_the_sides_grand_total(findings, name, total):
    """表1 ends each side with 「合计」 = 本年收入合计 + 使用非财政拨款结余 + 上年结转和结余 (and
    本年支出合计 + 结余分配 + 年末结转和结余): not a sum of the numbered items."""
    assert not [f for f in findings(name) if f.subject.startswith("表1「合计」")]
    assert not [f for f in findings(name) if f.stated == total and f.severity == CONTRADICTION]


def test_a_real_share_gap_of_the_university_stays(findings):
    """Line 384: 授予小微企业合同金额 7,295.12 万元 is 60.16% of 12,127.08 万元, printed 60.02%."""
    shares = [f for f in findings(FINAL_2024) if f.kind == "narrative_share"]
    assert [(f.severity, f.stated, f.computed) for f in shares] == [(CONTRADICTION, D("60.02"), D("60.16"))]


def _changed(name: str, old: str, new: str):
    text = (CORPUS / name).read_text(encoding="utf-8")
    assert text.count(old) == 1
    from budgetqa.parser import parse_text

    return check_document(parse_text(text.replace(old, new), name))


def test_a_changed_fiscal_figure_is_found_against_the_fiscal_table():
    """The fiscal split is still compared, with 表4: a 基本支出 printed 199,015.93 is 0.80 off."""
    found = _changed(FINAL_2023, "其中基本支出 199,015.13 万元", "其中基本支出 199,015.93 万元")
    wrong = [f for f in found if f.kind == "narrative_table"]
    assert [(f.stated, f.computed) for f in wrong] == [(D("199015.93"), D("199015.13"))]
    assert "表4" in wrong[0].subject


def test_a_changed_carry_over_breaks_the_sides_grand_total():
    """The 合计 row is still checked, as 本年收入合计 + 使用非财政拨款结余 + 上年结转和结余."""
    found = _changed(FINAL_2023, "上年结转和结余 93,660.54", "上年结转和结余 93,660.64")
    totals = [f for f in found if f.kind == "summary_total"]
    assert [(f.severity, f.stated, f.computed) for f in totals] == [(CONTRADICTION, D("569496.54"), D("569496.64"))]


@pytest.mark.parametrize("name, stated", [
    ("final_shanghai_putuo_caizhengju_2024.txt", [(D("0.3"), D("2961.68"))]),  # line 499 against 表4's 总计
    ("final_shanghai_putuo_guihuaziyuanju_2024.txt", []),  # 收入支出总计 9859.38, 财政拨款… 9746.50: as printed
    ("final_shanghai_putuo_shehuigongzuobu_2024.txt", []),
])
def test_a_stated_grand_total_is_compared_with_its_tables_total(findings, name, stated):
    """「财政拨款收入支出总计 X 万元」 names the 总计 of the table titled 财政拨款收入支出决算总表."""
    wrong = [(f.stated, f.computed) for f in findings(name) if f.kind == "narrative_table" and "总计" in f.subject]
    assert wrong == stated
