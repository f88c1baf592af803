"""Rows whose long names wrap around the line of their code (西南大学 2024 决算, tables 2-4).

Its text differs from the 2023 report of the same template in three ways: a row's last figure can
stand on the name's second line, below the code's line (表2: 社会保障和就业 / 208 15,171.49
15,077.81 / 支出 93.68); a code can stand alone with every figure on the name's second line (表3:
超长期特别国债 / 20598 / 安排的支出 6,304.68 6,304.68); and a class code alone on its line (208) is
no page number. Every figure below was checked by hand against the text (lines 155-311) and the
sums it must satisfy (row total = its parts, a parent = its children, 合计 = the classes).
"""

from __future__ import annotations

import pytest

from budgetqa.checks import CONTRADICTION, check_document
from budgetqa.parser import parse_file
from conftest import CORPUS

FINAL_2024 = "final_chongqing_swu_university_2024.txt"


@pytest.fixture(scope="module")
def doc():
    return parse_file(CORPUS / FINAL_2024)


def cells(doc, no: int, code: str | None, name: str | None = None) -> dict[str, str]:
    """{column: printed figure} of the one row of table ``no`` with this code (or name)."""
    table = next(t for t in doc.tables if t.no == no)
    found = [r for r in table.rows if (code is None or r.code == code) and (name is None or r.name == name)]
    assert len(found) == 1, (code, name, [(r.code, r.name) for r in table.rows])
    return {c.column.rsplit("/", 1)[-1]: c.raw for c in found[0].cells}


@pytest.mark.parametrize("code, name, printed", [
    # lines 186-196: the 其他收入 figure stands on the name's second line
    ("208", "社会保障和就业支出", {"本年收入合计": "15,171.49", "财政拨款收入": "15,077.81", "其他收入": "93.68"}),
    ("20805", "行政事业单位养老支出", {"本年收入合计": "15,171.49", "财政拨款收入": "15,077.81", "其他收入": "93.68"}),
    ("2080505", "机关事业单位基本养老保险缴费支出",
     {"本年收入合计": "9,637.93", "财政拨款收入": "9,575.43", "其他收入": "62.50"}),
    ("2080506", "机关事业单位职业年金缴费支出",
     {"本年收入合计": "5,533.56", "财政拨款收入": "5,502.38", "其他收入": "31.18"}),
    # line 163: four figures of eight columns; 事业收入 of 20502 is 144,017.87 = 1,044.55 +
    # 142,972.32 + 1.00, its 其他收入 44,991.16 = 9,017.39 + 34,991.35 + 982.43 (a cent of rounding)
    ("2050202", "小学教育", {"本年收入合计": "9,489.41", "财政拨款收入": "8,505.98", "事业收入": "1.00",
                          "其他收入": "982.43"}),
    # 合计 prints no 经营收入: the fifth figure of 205 and 20502 is their 其他收入
    ("205", "教育支出", {"本年收入合计": "444,291.14", "财政拨款收入": "255,282.10", "事业收入": "144,017.87",
                       "其中：教育收费": "81,823.76", "其他收入": "44,991.16"}),
    ("20502", "普通教育", {"本年收入合计": "419,522.12", "财政拨款收入": "230,513.08", "事业收入": "144,017.87",
                        "其中：教育收费": "81,823.76", "其他收入": "44,991.16"}),
])
def test_income_rows_with_a_figure_on_the_names_second_line(doc, code, name, printed):
    assert cells(doc, 2, code) == printed
    assert cells(doc, 2, code, name)


def test_no_income_row_is_made_of_a_names_second_line(doc):
    table = next(t for t in doc.tables if t.no == 2)
    assert [r.name for r in table.rows if r.code is None] == ["合计"]


@pytest.mark.parametrize("code, name, printed", [
    # lines 221-257: the code alone on its line, the figures beside the name's second line;
    # 205 项目支出 113,028.33 = 104,906.88 + 6,304.68 + 1,816.77, 206's 1,165.07 = 2060204's
    ("2050699", "其他留学教育支出", {"合计": "626.86", "基本支出": "626.86"}),
    ("20598", "超长期特别国债安排的支出", {"合计": "6,304.68", "项目支出": "6,304.68"}),
    ("20599", "其他教育支出", {"合计": "1,816.77", "项目支出": "1,816.77"}),
    ("2060201", "机构运行", {"合计": "823.93", "基本支出": "823.93"}),
    ("2060204", "实验室及相关设施", {"合计": "1,165.07", "项目支出": "1,165.07"}),
    # line 236: 208 alone on its line is the class's code, not a page number;
    # 合计 基本支出 367,180.56 = 335,033.47 + 823.93 + 15,171.49 + 16,151.67
    ("208", "社会保障和就业支出", {"合计": "15,171.49", "基本支出": "15,171.49"}),
    ("20805", "行政事业单位养老支出", {"合计": "15,171.49", "基本支出": "15,171.49"}),
    ("2080505", "机关事业单位基本养老保险缴费支出", {"合计": "9,637.93", "基本支出": "9,637.93"}),
    ("2080506", "机关事业单位职业年金缴费支出", {"合计": "5,533.56", "基本支出": "5,533.56"}),
    # 合计 项目支出 114,302.90 = 113,028.33 + 1,165.07 + 109.50
    ("229", "其他支出", {"合计": "109.50", "项目支出": "109.50"}),
    ("22960", "彩票公益金安排的支出", {"合计": "109.50", "项目支出": "109.50"}),
    ("2296004", "用于教育事业的彩票公益金支出", {"合计": "109.50", "项目支出": "109.50"}),
])
def test_spending_rows_whose_code_stands_alone(doc, code, name, printed):
    assert cells(doc, 3, code) == printed
    assert cells(doc, 3, code, name)


@pytest.mark.parametrize("code, printed", [
    # 表4 205 基本支出 186,373.11 = 185,202.26 + 1,170.85: 20599 is project spending;
    # 合计 项目支出 56,884.05 = 55,609.48 + 1,165.07 + 109.50: so is 229
    ("20599", {"本年支出合计": "1,816.77", "项目支出": "1,816.77"}),
    ("2059999", {"本年支出合计": "1,816.77", "项目支出": "1,816.77"}),
    ("229", {"本年支出合计": "109.50", "项目支出": "109.50"}),
    ("2296004", {"本年支出合计": "109.50", "项目支出": "109.50"}),
])
def test_fiscal_spending_rows_in_the_columns_whose_sums_they_satisfy(doc, code, printed):
    assert cells(doc, 4, code) == printed


def test_every_total_of_the_tables_agrees(doc):
    assert doc.quality.totals_reconciled == doc.quality.totals_checked


def test_only_the_real_contradiction_is_left():
    """Line 385: 授予小微企业合同金额 7,295.12 万元 is 60.16% of the 中小企业 amount, printed 60.02%."""
    found = [f for f in check_document(parse_file(CORPUS / FINAL_2024)) if f.severity == CONTRADICTION]
    assert [(f.kind, str(f.stated), str(f.computed)) for f in found] == [("narrative_share", "60.02", "60.16")]
