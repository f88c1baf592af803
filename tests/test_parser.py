"""The parser on the real seed report: every printed number in the right cell of the right row."""

from __future__ import annotations

import csv
import re
from decimal import Decimal

import pytest

from conftest import CORPUS, DATA

from budgetqa.parser import parse_file

CELL_FIELDS = ["table_no", "side", "code", "name", "column_name", "amount", "source_line"]


def test_every_table_cell_of_the_seed_matches_the_hand_checked_record(seed_doc):
    expected = {tuple(r[k] for k in CELL_FIELDS) for r in csv.DictReader(open(DATA / "seed_cells.csv", encoding="utf-8"))}
    got = {
        (str(t.no), r.side or "", r.code or "", r.name, c.column, c.raw, str(c.line))
        for t in seed_doc.tables for r in t.rows for c in r.cells
    }
    assert len(expected) == 225
    assert sorted(expected - got) == []
    assert sorted(got - expected) == []


def test_every_performance_sheet_field_matches_the_hand_checked_record(seed_doc):
    got = {}
    for sheet in seed_doc.performance:
        for key, value in sheet.fields.items():
            got[(sheet.project_name, key)] = (value, sheet.field_lines[key])
        for key, value in sheet.funds.items():
            got[(sheet.project_name, key)] = (str(value), sheet.fund_lines[key])
    rows = list(csv.DictReader(open(DATA / "seed_performance.csv", encoding="utf-8")))
    assert len(rows) == 144
    for row in rows:
        assert got.get((row["project_name"], row["field"])) == (row["value"], int(row["source_line"])), row


def test_metadata(seed_doc):
    assert seed_doc.department == "中国共产党长治市屯留区委办公室"
    assert seed_doc.year == 2024
    assert seed_doc.kind == "预算"
    assert seed_doc.unit == "万元"
    assert [t.no for t in seed_doc.tables] == list(range(1, 14))
    assert {t.no for t in seed_doc.tables if t.empty} == {7, 8, 9, 10}
    assert all(t.unit == "万元" for t in seed_doc.tables)


def test_two_sided_tables_keep_income_and_expenditure_sides(seed_doc):
    summary = seed_doc.table_no(1)
    assert summary.side_columns == {"收入": ["2024年"], "支出": ["2024年合计", "当年预算安排", "上年结转安排"]}
    income = [r.name for r in summary.rows if r.side == "收入"]
    assert income[:5] == ["一、一般公共预算", "二、政府性基金预算", "三、国有资本经营预算", "四、财政专户管理资金", "五、单位资金"]
    assert "三十、抗疫特别国债安排的支出" in [r.name for r in summary.rows if r.side == "支出"]


def test_subject_rows_have_levels_and_parents(seed_doc):
    rows = {r.code: r for r in seed_doc.table_no(3).rows if r.code}
    assert rows["201"].level == "类" and rows["201"].parent_code is None
    assert rows["20131"].level == "款" and rows["20131"].parent_code == "201"
    assert rows["2013105"].level == "项" and rows["2013105"].parent_code == "20131"
    assert rows["2013105"].amount("2024年预算数/项目支出") == Decimal("246.89")


def test_projects_this_year_and_carried_over(seed_doc):
    current = {p.name: p.total for p in seed_doc.projects if p.scope == "本年"}
    carried = {p.name: p.total for p in seed_doc.projects if p.scope == "上年结转"}
    assert len(current) == 8 and len(carried) == 7
    assert current["山西画报订阅费用"] == Decimal("35.89")
    assert current["移动、联通、电信三家公司视频会议系统及线路费用租赁"] == Decimal("37.00")
    assert carried["安可替代工程"] == Decimal("497.52")
    assert sum(current.values()) == Decimal("246.89")


def test_performance_indicators(seed_doc):
    sheet = next(s for s in seed_doc.performance if s.project_name == "山西画报订阅费用")
    yearly = {(i.level2, i.level3): i.value for i in sheet.indicators if i.scope == "年度"}
    assert yearly[("质量指标", "推介内容")] == "屯留区所有工作、及宣传"
    assert sheet.fields["填报日期"] == "20231031161430"


def test_narrative_facts_carry_figures_and_lines(seed_doc):
    facts = {(f.kind, f.label): (f.value, f.line) for f in seed_doc.facts}
    assert facts[("amount", "预算收入总计")] == (Decimal("1084.38"), 701)
    assert facts[("change", "预算收入总计变动")] == (Decimal("-602.58"), 703)
    assert facts[("rate", "预算收入总计变动率")] == (Decimal("-35.72"), 703)
    assert facts[("share", "基本支出占比")] == (Decimal("28.00"), 725)
    assert facts[("rate", "本单位机关运行经费财政拨款预算变动率")] == (Decimal("0.69"), 776)
    assert facts[("amount", "政府采购服务预算")] == (Decimal("10.00"), 784)
    assert facts[("count", "纳入绩效目标管理的二级项目")] == (Decimal("8"), 811)


@pytest.mark.parametrize(("name", "count"), [("budget_shanghai_putuo_sifaju_2026_dept.txt", 10),
                                             ("final_shanghai_putuo_caizhengju_2024.txt", 12)])
def test_duties_after_a_colon_and_a_list_printed_twice(name, count):
    """（一） right after 主要职责是： opens the list; a list printed twice over is counted once, and its last
    duty ends before the sentence that opens the repetition."""
    duties = [i for i in parse_file(CORPUS / name).items if i.kind == "duty"]
    assert [d.name for d in duties][:2] == ["一", "二"] and len(duties) == count
    assert duties[-1].text == "完成区委、区政府交办的其他任务。"


def test_duties_written_as_one_sentence_are_its_clauses():
    """主要职责是：A；B；…等。 with no numbering: one duty per clause between semicolons."""
    duties = [i for i in parse_file(CORPUS / "final_shanghai_putuo_shehuigongzuobu_2024.txt").items if i.kind == "duty"]
    assert [d.name for d in duties] == ["1", "2", "3", "4", "5", "6"]
    assert duties[0].text == "统筹指导人民信访工作，指导人民建议征集工作" and duties[0].line == 36


def test_duties_units_assets_glossary(seed_doc):
    kinds = {}
    for item in seed_doc.items:
        kinds.setdefault(item.kind, []).append(item)
    assert [d.name for d in kinds["duty"]] == ["一", "二", "三", "四", "五", "六", "七"]
    assert [u.name for u in kinds["internal_unit"]] == ["综合股", "文秘信息股", "督查股", "会务股", "档案法规股"]
    assert [u.name for u in kinds["subordinate_unit"]] == ["长治市屯留区改革发展研究中心", "长治市屯留区委信息化中心"]
    assets = {a.name: a.value for a in kinds["asset"]}
    assert assets["公务用车实有"] == 1 and assets["办公用房建筑总面积"] == 405
    assert len(kinds["glossary"]) == 16  # 12 entries and the four 三公 items explained after 其中
    assert {g.name for g in kinds["glossary"]} >= {"三公经费", "上年结转", "机关运行经费", "财政拨款"}


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("2024年部门收支总体情况表", "summary"), ("部门收入总体情况表", "income"), ("部门支出总体情况表", "expenditure"),
        ("财政拨款收支总体情况表", "fiscal_summary"), ("一般公共预算支出情况表", "gp_expenditure"),
        ("一般公共预算基本支出情况表", "basic_economic"), ("一般公共预算“三公”经费支出情况表", "three_public"),
        ("政府性基金预算支出情况表", "fund_expenditure"), ("2026年预算单位财务收支预算总表", "summary"),
        ("收入支出决算总表", "summary"), ("一般公共预算财政拨款基本支出决算表", "basic_economic"),
        ("表十三2024年项目支出预算表（上年结转）", "projects_carryover"),
    ],
)
def test_table_titles_of_several_templates(title, kind):
    """Templates are recognised from their titles (the central template says 总体情况表)."""
    from budgetqa.parser.headers import classify_title

    assert classify_title(title)[0] == kind


@pytest.mark.parametrize("name, count, term, opening", [
    # entries numbered 一、 whose short lines looked like headings (11, and the three 三公 items its
    # 三公经费 entry explains one by one after 其中)
    ("final_shanghai_putuo_shehuigongzuobu_2024.txt", 14, "机关运行经费", "指行政单位和参照公务员法管理的事业"),
    ("final_shanghai_putuo_shehuigongzuobu_2024.txt", 14, "公务接待费", "公务接待费反映全国性专业会议、国家重大政策调研"),
    # entries numbered （一）
    ("budget_shanghai_putuo_sifaju_2026_dept.txt", 8, "基本支出预算", "是区级预算主管部门及所属预算单位为保障其机构正常运转"),
    # entries under a sub-heading of the glossary (（一）收入科目 / 1.财政拨款收入：), and under a heading of
    # their own below it (（二）支出科目 / 1.教育支出 / （1）高等教育：反映…): 5 income entries, 12 spending ones
    ("budget_chongqing_swu_university_2024_dept.txt", 17, "上年结转", "指以前年度预算已经开始执行但尚未完成"),
    ("budget_chongqing_swu_university_2024_dept.txt", 17, "实验室及相关设施", "反映教育部直属高校国家重点实验室的支出"),
    ("budget_chongqing_swu_university_2024_dept.txt", 17, "购房补贴", "反映按房改政策规定，单位向符合条件职工"),
])
def test_glossary_of_other_templates(name, count, term, opening):
    from conftest import CORPUS

    glossary = {g.name: g.text for g in parse_file(CORPUS / name).items if g.kind == "glossary"}
    assert len(glossary) == count
    assert glossary[term].startswith(opening)


def test_glossary_items_explained_one_by_one_after_qizhong(seed_doc):
    """三公经费：指… 其中：因公出国（境）费用反映…；公务用车购置费反映…: each item its own entry, as printed."""
    glossary = {g.name: (g.text, g.line) for g in seed_doc.items if g.kind == "glossary"}
    assert glossary["公务用车运行维护费"][0] == ("公务用车运行维护费反映单位按规定保留的公务用车燃料费、维修费、过路过桥费、"
                                                 "保险费、安全奖励费用等支出")
    assert glossary["因公出国（境）费用"][0].endswith("住宿费、伙食费、培训费、公杂费等支出")
    assert glossary["因公出国（境）费用"][1] == 1503
    assert {"公务用车购置费", "公务接待费"} <= set(glossary)
    assert glossary["三公经费"][0].startswith("指省直部门用财政拨款安排的因公出国（境）费用")


def test_classification_codes_explained_are_not_glossary_terms():
    """高中教育（2050204）：反映… under 名词解释 explains a code; the code's own rows answer for it."""
    from conftest import CORPUS

    names = [g.name for g in parse_file(CORPUS / "final_chongqing_swu_university_2024.txt").items if g.kind == "glossary"]
    assert names and not any(re.search(r"\d{7}", n) for n in names)


def test_report_units_named_in_one_sentence():
    """我校2021年度部门预算包括大学、附属中学及附属小学。: the units the report is made of, each one item."""
    from conftest import CORPUS

    doc = parse_file(CORPUS / "budget_chongqing_swu_university_2021_dept.txt")
    assert [(i.name, i.line) for i in doc.items if i.kind == "report_unit"] == [
        ("大学", 99), ("附属中学", 99), ("附属小学", 99)]


def test_report_units_named_in_a_sentence_that_wraps():
    """我校纳入2024年度部门预算的单位包括西南大学本级、/西南大学附属中学、西南大学附属小学。: read across the break."""
    from conftest import CORPUS

    doc = parse_file(CORPUS / "budget_chongqing_swu_university_2024_dept.txt")
    assert [(i.name, i.line) for i in doc.items if i.kind == "report_unit"] == [
        ("西南大学本级", 126), ("西南大学附属中学", 126), ("西南大学附属小学", 126)]


def test_count_label_starts_after_the_count_before_it():
    """获批国家重点研发计划项目8项、国家自然科学基金项目702项: each count its own label."""
    from conftest import CORPUS

    doc = parse_file(CORPUS / "final_chongqing_swu_university_2023.txt")
    counts = {f.label: f.value for f in doc.facts if f.kind == "count"}
    assert counts["国家自然科学基金项目"] == 702
    assert counts["获批国家重点研发计划项目"] == 8
