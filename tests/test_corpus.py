"""The parser on the three corpus documents (other provinces' templates, a university, a 决算, a
PDF): metadata, totals, rows of every level with all their cells, the layouts that differ from
the seed, and the document check. Expected figures were read off the text files by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetqa.checks import CONTRADICTION, ROUNDING, check_document
from budgetqa.parser import parse_file
from conftest import CORPUS

D = Decimal
STREET = "budget_shanghai_putuo_shiquanlu_street_2026_unit.txt"
UNIVERSITY = "budget_chongqing_swu_university_2024_dept.txt"
FINAL = "final_shanghai_putuo_guihuaziyuanju_2024.txt"
FINAL_PDF = "final_shanghai_putuo_guihuaziyuanju_2024.pdf"


@pytest.fixture(scope="module")
def docs():
    return {name: parse_file(CORPUS / name) for name in (STREET, UNIVERSITY, FINAL, FINAL_PDF)}


def cells(row) -> dict[str, tuple[str, int]]:
    """column leaf -> (printed figure, line)."""
    return {c.column.rsplit("/", 1)[-1]: (c.raw, c.line) for c in row.cells}


def row(table, name=None, code=None, side=None):
    found = [r for r in table.rows if (code is None or r.code == code) and (name is None or r.name == name)
             and (side is None or r.side == side)]
    assert len(found) == 1, (name, code, side, [(r.code, r.name) for r in table.rows])
    return found[0]


@pytest.mark.parametrize("name, department, year, kind, unit", [
    (STREET, "上海市普陀区人民政府石泉路街道办事处（本级）", 2026, "预算", "元"),
    (UNIVERSITY, "西南大学", 2024, "预算", "万元"),
    (FINAL, "上海市普陀区规划和自然资源局", 2024, "决算", "万元"),
    (FINAL_PDF, "上海市普陀区规划和自然资源局", 2024, "决算", "万元"),
])
def test_metadata(docs, name, department, year, kind, unit):
    doc = docs[name]
    assert (doc.department, doc.year, doc.kind, doc.unit) == (department, year, kind, unit)


# ---------------------------------------------------------------------- 石泉路 (上海, 元)


def test_street_tables_are_numbered_in_the_order_printed(docs):
    doc = docs[STREET]
    assert [(t.no, t.kind) for t in doc.tables] == [
        (1, "summary"), (2, "income"), (3, "expenditure"), (4, "fiscal_summary"), (5, "gp_expenditure"),
        (6, "fund_expenditure"), (7, "state_capital"), (8, "basic_economic"), (9, "three_public"),
        (10, "operating_cost"),
    ]
    assert doc.table("state_capital").empty


def test_street_summary_totals_and_its_basic_columns(docs):
    summary = docs[STREET].table("summary")
    assert cells(row(summary, "收入总计", side="收入")) == {"预算数": ("76,306,134", 183)}
    assert cells(row(summary, "支出总计", side="支出")) == {
        "合计": ("76,306,134", 183), "人员经费": ("23,057,828", 183), "公用经费": ("3,860,162", 183),
        "项目支出": ("49,388,144", 183),
    }
    # 七、卫生健康支出 1,225,800 1,025,800 200,000: 人员经费 and 项目支出 (no 公用经费)
    assert cells(row(summary, "七、卫生健康支出")) == {
        "合计": ("1,225,800", 179), "人员经费": ("1,025,800", 179), "项目支出": ("200,000", 179),
    }


def test_street_two_rows_on_one_line(docs):
    summary = docs[STREET].table("summary")
    # 176: "3、国有资本经营预算 四、科学技术支出 100,000 100,000"
    assert row(summary, "3、国有资本经营预算").side == "收入"
    assert row(summary, "3、国有资本经营预算").cells == []
    science = row(summary, "四、科学技术支出")
    assert science.side == "支出" and science.line == 176
    assert cells(science) == {"合计": ("100,000", 176), "项目支出": ("100,000", 176)}
    # 174: "1、一般公共预算 72,626,134 二、公共安全支出 3,181,500 3,181,500"
    assert cells(row(summary, "1、一般公共预算")) == {"预算数": ("72,626,134", 174)}
    assert cells(row(summary, "二、公共安全支出")) == {"合计": ("3,181,500", 174), "项目支出": ("3,181,500", 174)}


def test_street_expenditure_rows_of_every_level(docs):
    table = docs[STREET].table("expenditure")
    assert table.columns == ["合计", "基本支出", "项目支出"]
    assert cells(row(table, code="208")) == {
        "合计": ("8,568,532", 300), "基本支出": ("4,787,960", 300), "项目支出": ("3,780,572", 300)}
    assert cells(row(table, code="20805")) == {
        "合计": ("4,882,960", 301), "基本支出": ("4,787,960", 301), "项目支出": ("95,000", 301)}
    item = row(table, code="2080505")  # printed glued: 2080505机关事业单位基本养老保险缴费支出
    assert item.name == "机关事业单位基本养老保险缴费支出" and item.level == "项"
    assert cells(item) == {"合计": ("1,736,800", 303), "基本支出": ("1,641,800", 303), "项目支出": ("95,000", 303)}
    assert cells(row(table, code="2010506")) == {"合计": ("1,200", 272), "项目支出": ("1,200", 272)}
    assert cells(row(table, "合计")) == {
        "合计": ("76,306,134", 342), "基本支出": ("26,917,990", 342), "项目支出": ("49,388,144", 342)}


def test_street_table_continued_over_pages(docs):
    table = docs[STREET].table("gp_expenditure")
    assert table.columns == ["合计", "基本支出", "项目支出"]  # 一般公共预算支出 is a caption
    assert not [r for r in table.rows if "科目" in r.name or "类款项" in r.name]
    assert [r.line for r in table.rows if r.line in range(376, 382)] == [376, 381]
    assert cells(row(table, code="2013802")) == {"合计": ("225,872", 381), "项目支出": ("225,872", 381)}
    assert cells(row(table, code="212")) == {
        "合计": ("44,163,930", 425), "基本支出": ("16,879,230", 425), "项目支出": ("27,284,700", 425)}
    assert cells(row(table, "合计")) == {
        "合计": ("72,626,134", 448), "基本支出": ("26,917,990", 448), "项目支出": ("45,708,144", 448)}


def test_street_fund_tables(docs):
    doc = docs[STREET]
    fund = doc.table("fund_expenditure")
    # all 政府性基金 spending is 项目支出 (the 支出预算总表 has no 基本支出 on 2120803)
    assert cells(row(fund, code="2120803")) == {"合计": ("3,380,000", 457), "项目支出": ("3,380,000", 457)}
    assert cells(row(fund, "合计")) == {"合计": ("3,680,000", 461), "项目支出": ("3,680,000", 461)}
    fiscal = doc.table("fiscal_summary")
    assert cells(row(fiscal, "支出总计")) == {
        "合计": ("76,306,134", 357), "一般公共预算": ("72,626,134", 357), "政府性基金预算": ("3,680,000", 357)}
    assert cells(row(fiscal, "八、城乡社区支出")) == {
        "合计": ("47,543,930", 354), "一般公共预算": ("43,863,930", 354), "政府性基金预算": ("3,680,000", 354)}


def test_street_economic_codes_split_in_two(docs):
    table = docs[STREET].table("basic_economic")
    assert table.columns == ["合计", "人员经费", "公用经费"]
    assert (row(table, code="30101").name, cells(row(table, code="30101"))) == (
        "基本工资", {"合计": ("2,724,912", 477), "人员经费": ("2,724,912", 477)})
    assert cells(row(table, code="302")) == {"合计": ("3,860,162", 485), "公用经费": ("3,860,162", 485)}
    assert row(table, code="30301").cells == []
    assert cells(row(table, "合计")) == {
        "合计": ("26,917,990", 509), "人员经费": ("23,057,828", 509), "公用经费": ("3,860,162", 509)}


def test_street_three_public_and_operating_cost_side_by_side(docs):
    doc = docs[STREET]
    three = doc.table("three_public")
    # "8.53 1.53 7 7 386.02" under 合计 / 因公出国 / 公务接待费 / 公务用车(小计, 购置费, 运行费) / 机关运行经费
    got = {r.name: cells(r) for r in three.rows}
    assert got == {
        "合计": {"预算数": ("8.53", 516)},
        "因公出国（境）费": {},
        "公务接待费": {"预算数": ("1.53", 516)},
        "公务用车购置及运行费": {"预算数": ("7", 516)},
        "公务用车购置费": {},
        "公务用车运行费": {"预算数": ("7", 516)},
    }
    operating = doc.table("operating_cost")
    assert [(r.name, cells(r)) for r in operating.rows] == [("机关运行经费", {"预算数": ("386.02", 516)})]


# ---------------------------------------------------------------------- 西南大学 (教育部, 万元)


def test_university_summary_with_carry_over(docs):
    summary = docs[UNIVERSITY].table("summary")
    assert cells(row(summary, "收入总计")) == {"预算数": ("582,276.35", 143)}
    assert cells(row(summary, "支出总计")) == {"预算数": ("582,276.35", 143)}
    assert cells(row(summary, "使用非财政拨款结余")) == {"预算数": ("30,367.97", 140)}
    assert cells(row(summary, "上年结转")) == {"预算数": ("106,848.41", 142)}
    carried = row(summary, "结转下年")  # its figure is printed on the line below
    assert carried.side == "支出" and cells(carried) == {"预算数": ("95,721.40", 141)}


def test_university_income_table_with_a_wrapped_header(docs):
    income = docs[UNIVERSITY].table("income")
    assert income.columns == ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "其中：教育收费",
                              "经营收入", "附属单位缴款", "其他收入"]
    assert cells(income.rows[0]) == {
        "本年收入合计": ("445,059.97", 152), "财政拨款收入": ("244,675.66", 152), "事业收入": ("141,934.81", 152),
        "其中：教育收费": ("86,701.51", 152), "其他收入": ("58,449.50", 152)}


def test_university_expenditure_rows_of_every_level(docs):
    table = docs[UNIVERSITY].table("expenditure")
    assert cells(row(table, code="205")) == {
        "合计": ("452,738.18", 157), "基本支出": ("344,338.18", 157), "项目支出": ("108,400.00", 157)}
    assert cells(row(table, code="20506")) == {"合计": ("1,170.85", 162), "基本支出": ("1,170.85", 162)}
    assert cells(row(table, code="20599")) == {"合计": ("1,858.28", 165), "项目支出": ("1,858.28", 165)}
    assert cells(row(table, code="2050205")) == {
        "合计": ("410,576.01", 161), "基本支出": ("306,012.89", 161), "项目支出": ("104,563.12", 161)}
    assert cells(row(table, "合计")) == {
        "合计": ("486,554.95", 182), "基本支出": ("376,880.37", 182), "项目支出": ("109,674.58", 182)}
    fiscal = docs[UNIVERSITY].table_no(4)
    assert fiscal.kind == "fiscal_expenditure"
    assert cells(row(fiscal, "合计")) == {
        "合计": ("244,675.66", 212), "基本支出": ("207,010.97", 212), "项目支出": ("37,664.69", 212)}


def test_university_performance_sheets(docs):
    sheets = docs[UNIVERSITY].performance
    assert len(sheets) == 26
    first = sheets[0]
    assert (first.project_name, first.line, first.unit) == ("236中央高校教育教学改革专项", 295, "万元")
    assert first.fields["实施单位"] == "西南大学本级"
    assert first.funds == {"年度/资金总额": D("1960.35"), "年度/财政拨款": D("1930.00"), "年度/上年结转": D("30.35")}
    assert first.fund_lines["年度/资金总额"] == 297
    # the goal printed beside 年/度/总/体/目/标, one character a line
    assert first.fields["总体目标/年度"].startswith("1.加强教育教学改革研究，培育和推广优秀教学成果")
    assert first.fields["总体目标/年度"].endswith("7.组织实验技术人员交流培训,强化实验技术队伍建设。")
    got = {i.level3: (i.level1, i.level2, i.value, i.line) for i in first.indicators}
    assert got["双学士学位人才培养项目"] == ("产出指标", "数量指标", "≥1个", 329)
    # a name wrapped around its line (and around the vertical 标)
    assert got["教改项目、论文等获省市级以上奖励数量"] == ("产出指标", "数量指标", "≥15个", 334)
    # a value wrapped around its line
    assert got["设备更新"] == ("产出指标", "数量指标", "≥32台、件、套", 343)
    assert got["学生满意度"] == ("满意度指标", "服务对象满意度指标", "≥90%", 359)
    assert len(first.indicators) == 18
    second = {i.level3: (i.level2, i.value) for i in sheets[1].indicators}
    assert second["奖助学生人次"] == ("数量指标", "≥2100人次")
    last = sheets[-1]
    assert last.project_name == "236高校思想政治工作专项经费" and last.funds["年度/资金总额"] == D("98.00")


# ---------------------------------------------------------------------- 规划资源局 决算 (万元)


def test_final_summary_totals_and_carry_over(docs):
    summary = docs[FINAL].table("summary")
    assert summary.side_columns == {"收入": ["决算数"], "支出": ["决算数"]}
    assert cells(row(summary, "总计", side="收入")) == {"决算数": ("9859.38", 133)}
    assert cells(row(summary, "总计", side="支出")) == {"决算数": ("9859.38", 133)}
    assert cells(row(summary, "年初结转和结余")) == {"决算数": ("112.88", 132)}
    assert row(summary, "年初结转和结余").side == "收入"
    assert cells(row(summary, "年末结转和结余")) == {"决算数": ("100.00", 132)}
    assert row(summary, "年末结转和结余").side == "支出"
    assert cells(row(summary, "本年支出合计")) == {"决算数": ("9759.38", 130)}


def test_final_expenditure_rows_of_every_level(docs):
    table = docs[FINAL].table("expenditure")
    assert table.columns == ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]
    assert cells(row(table, code="212")) == {
        "本年支出合计": ("3845.24", 196), "基本支出": ("1585.59", 196), "项目支出": ("2259.65", 196)}
    assert cells(row(table, code="21201")) == {
        "本年支出合计": ("1105.68", 197), "基本支出": ("1096.91", 197), "项目支出": ("8.77", 197)}
    item = row(table, code="2080505")  # name wrapped onto the next line: 险缴费支出
    assert item.name == "机关事业单位基本养老保险缴费支出"
    assert cells(item) == {"本年支出合计": ("446.11", 186), "基本支出": ("446.11", 186), "项目支出": ("0.00", 186)}
    assert cells(row(table, "合计")) == {
        "本年支出合计": ("9759.38", 181), "基本支出": ("5377.64", 181), "项目支出": ("4381.74", 181)}
    income = docs[FINAL].table("income")
    assert income.columns == ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入",
                              "附属单位上缴收入", "其他收入"]


def test_final_names_wrapped_around_the_code_line(docs):
    table = docs[FINAL].table("gp_expenditure")
    assert [(r.code, r.name) for r in table.rows[:3]] == [
        ("208", "社会保障和就业支出"), ("20805", "行政事业单位养老支出"), ("2080501", "行政单位离退休")]
    assert row(table, code="2080505").name == "机关事业单位基本养老保险缴费支出"
    assert row(table, code="2101101").name == "行政单位医疗"
    assert row(table, code="2200199").name == "其他自然资源事务支出"
    assert row(table, code="22102").name == "住房改革支出"  # code at the foot of a page, name on the next
    assert cells(row(table, code="208")) == {"合计": ("754.75", 257), "基本支出": ("754.75", 257), "项目支出": ("0.00", 257)}
    assert cells(row(table, "合计")) == {"合计": ("9746.50", 314), "基本支出": ("5364.75", 314), "项目支出": ("4381.74", 314)}


def test_final_fiscal_summary_with_wrapped_fund_columns(docs):
    fiscal = docs[FINAL].table("fiscal_summary")
    assert fiscal.side_columns["支出"] == ["合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]
    assert cells(row(fiscal, "本年支出合计")) == {"合计": ("9746.50", 242), "一般公共预算财政拨款": ("9746.50", 242)}
    assert row(fiscal, "二十二、灾害防治及应急管理支出").side == "支出"


def test_final_two_classifications_side_by_side(docs):
    table = docs[FINAL].table("basic_economic")
    assert table.columns == ["决算数"]
    pension = row(table, code="30108")  # 机关事业单位基本养老保 / 30108 446.11 30206 电费 18.86 / 险缴费
    assert (pension.name, cells(pension), pension.category) == (
        "机关事业单位基本养老保险缴费", {"决算数": ("446.11", 328)}, "人员经费")
    assert (row(table, code="30206").name, cells(row(table, code="30206"))) == ("电费", {"决算数": ("18.86", 328)})
    assert row(table, code="31007").name == "信息网络及软件购置更新"
    assert (row(table, code="310").category, cells(row(table, code="310"))) == ("公用经费", {"决算数": ("39.76", 351)})
    assert cells(row(table, "人员经费合计")) == {"决算数": ("4884.09", 363)}
    assert cells(row(table, "公用经费合计")) == {"决算数": ("480.66", 363)}
    # left: 301 + 13 items, 303 + 12 items, 人员经费合计; right: 302 + 27 items, 310 + 9 items, 公用经费合计
    assert [r.category for r in table.rows].count("人员经费") == 28
    assert [r.category for r in table.rows].count("公用经费") == 39


def test_final_three_public_in_budget_and_final_pairs(docs):
    three = docs[FINAL].table("three_public")
    assert three.columns == ["预算数", "决算数"]
    got = {r.name: cells(r) for r in three.rows}
    assert got["合计"] == {"预算数": ("2.85", 374), "决算数": ("0.39", 374)}
    assert got["公务接待费"] == {"预算数": ("2.85", 374), "决算数": ("0.39", 374)}
    assert got["公务用车运行维护费"] == {"预算数": ("0.00", 374), "决算数": ("0.00", 374)}
    assert list(got) == ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "公务用车购置费", "公务用车运行维护费", "公务接待费"]


def test_the_pdf_loads_to_the_same_cells_as_its_text(docs):
    def all_cells(doc):
        return sorted((t.no, t.kind, r.side or "", r.code or "", r.name, c.column, c.raw, c.line)
                      for t in doc.tables for r in t.rows for c in r.cells)

    assert all_cells(docs[FINAL_PDF]) == all_cells(docs[FINAL])
    assert len(all_cells(docs[FINAL])) > 250


# ---------------------------------------------------------------------- the document check


def test_the_check_finds_nothing_in_documents_that_agree(docs):
    assert check_document(docs[UNIVERSITY]) == []
    # The street's tables agree; its text compares two figures with the wrong year (line 96:
    # "2025年当年预算执行数5.57万元，2026年预算安排10万元，比2024年预算执行数增加"; line 122 the same
    # with 持平) and states 124.27 → 130.95 as +5.40% (it is +5.38%), checked by hand.
    got = [(f.severity, f.kind, f.stated, f.computed, min(f.lines)) for f in check_document(docs[STREET])]
    assert sorted(got) == sorted([
        (CONTRADICTION, "narrative_year", D(2024), D(2025), 96),
        (CONTRADICTION, "narrative_year", D(2024), D(2025), 122),
        (CONTRADICTION, "narrative_rate", D("5.40"), D("5.38"), 125),
    ])


# (severity, kind, stated, computed, first line) of every disagreement of the 决算, checked by hand.
FINAL_FINDINGS = [
    (ROUNDING, "hierarchy", D("9746.50"), D("9746.49"), 223),  # 表4 本年支出合计 vs its items (合计)
    (ROUNDING, "hierarchy", D("9746.50"), D("9746.49"), 223),  # (一般公共预算财政拨款 column)
    (ROUNDING, "row_total", D("3832.36"), D("3832.35"), 287),  # 表5 212 = 1572.70 + 2259.65
    (ROUNDING, "row_total", D("1092.80"), D("1092.79"), 289),  # 表5 21201 = 1084.02 + 8.77
    (ROUNDING, "row_total", D("1092.80"), D("1092.79"), 292),  # 表5 2120101
    (ROUNDING, "row_total", D("9746.50"), D("9746.49"), 314),  # 表5 合计 = 5364.75 + 4381.74
    (ROUNDING, "hierarchy", D("440.90"), D("440.88"), 321),  # 表6 302 vs its 27 items
    (ROUNDING, "hierarchy", D("4884.09"), D("4884.10"), 321),  # 表6 人员经费合计 = 301 + 303
    (ROUNDING, "cross_table", D("236.63"), D("236.64"), 114),  # 表1 卫生健康支出 vs 表3 210
    (ROUNDING, "cross_table", D("3845.25"), D("3845.24"), 116),  # 表1 城乡社区支出 vs 表3 212
    (ROUNDING, "narrative_total", D("2319.21"), D("2319.22"), 571),  # 政府采购 = 货物 + 工程 + 服务
    (CONTRADICTION, "narrative_table", D("5377.64"), D("5364.75"), 314),  # 说明 基本支出 vs 表5
    (CONTRADICTION, "narrative_table", D("4896.98"), D("4884.09"), 363),  # 说明 人员经费 vs 表6
]


def test_the_check_reports_the_final_accounts_own_disagreements(docs):
    got = [(f.severity, f.kind, f.stated, f.computed, min(f.lines)) for f in check_document(docs[FINAL])]
    assert sorted(got) == sorted(FINAL_FINDINGS)
    basic = next(f for f in check_document(docs[FINAL]) if f.stated == D("5377.64"))
    assert "基本支出" in basic.subject and sorted(basic.lines) == [314, 500]


def test_numbers_printed_below_their_blanks_fill_them_even_a_lone_one():
    # The PDF text layer of this 决算 prints the filled-in figures on the line under their sentence
    # (…设备（不含车辆） 台（套）。 / 2). A lone number under a gap before a unit is that figure, not a page number.
    doc = parse_file(CORPUS / "final_shanghai_putuo_caizhengju_2024.txt")
    assets = {a.name: (a.value, a.line) for a in doc.items_of("asset")}
    assert assets["单价100万元以上设备（不含车辆）"] == (D("2"), 667)
    assert assets["车辆"] == (D("0"), 661)
    purchases = [(f.label, f.value, f.line) for f in doc.facts if f.kind == "amount" and 652 <= f.line <= 658]
    assert ("采购金额", D("246.47"), 654) in purchases and ("采购金额", D("0"), 656) in purchases
    assert ("采购金额", D("4.79"), 658) in purchases


def test_figures_under_a_sentence_fill_its_places_past_the_quotes_and_by_kind():
    # 财政局's 三公 paragraph: the quotes of “三公” sit on the line of the figures below the sentence
    # (“ ” 0.95 0.00), and a later line mixes a rate and an amount (0% 0.00 0%) for places of each kind.
    doc = parse_file(CORPUS / "final_shanghai_putuo_caizhengju_2024.txt")
    stated = [(f.kind, f.label, f.value, f.line) for f in doc.facts if 600 <= f.line <= 604]
    assert ("amount", "三公经费财政拨款支出年初预算", D("0.95"), 601) in stated
    assert ("amount", "支出决算", D("0.00"), 601) in stated
    assert ("amount", "因公出国（境）费决算", D("0.00"), 603) in stated
