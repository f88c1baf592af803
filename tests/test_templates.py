"""Any department's report: metadata from every clue, tables by their family, nothing invented,
how well a report was read, and the check that inspectors made, on the corpus documents."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from budgetqa.checks import CONTRADICTION, check_document
from budgetqa.models import ReportError
from budgetqa.parser import parse_file, parse_text
from budgetqa.parser.headers import TABLE_KINDS, classify_title, table_label_number
from budgetqa.store import connect, load_document
from conftest import CORPUS
from relayout import provincial

D = Decimal
SIFAJU = "budget_shanghai_putuo_sifaju_2026_dept.txt"


@pytest.fixture(scope="module")
def docs():
    cache = {}

    def get(name):
        if name not in cache:
            cache[name] = parse_file(CORPUS / name)
        return cache[name]

    return get


# ---------------------------------------------------------------------------------- metadata


@pytest.mark.parametrize("name, department, year, kind, scope", [
    ("budget_chongqing_swu_university_2021_dept.txt", "西南大学", 2021, "预算", "部门"),
    ("budget_chongqing_swu_university_2024_dept.txt", "西南大学", 2024, "预算", "部门"),
    ("budget_shanghai_putuo_shiquanlu_street_2026_unit.txt", "上海市普陀区人民政府石泉路街道办事处（本级）", 2026, "预算", "单位"),
    (SIFAJU, "上海市普陀区司法局", 2026, "预算", "部门"),
    ("budget_shanghai_putuo_sifaju_2026_dept.layout.txt", "上海市普陀区司法局", 2026, "预算", "部门"),
    ("budget_shanghai_putuo_sifaju_2026_dept.pdf", "上海市普陀区司法局", 2026, "预算", "部门"),
    ("final_chongqing_swu_university_2023.txt", "西南大学", 2023, "决算", "部门"),
    ("final_chongqing_swu_university_2024.txt", "西南大学", 2024, "决算", "部门"),
    ("final_shanghai_putuo_caizhengju_2024.txt", "上海市普陀区财政局", 2024, "决算", "部门"),
    ("final_shanghai_putuo_guihuaziyuanju_2024.txt", "上海市普陀区规划和自然资源局", 2024, "决算", "部门"),
    ("final_shanghai_putuo_guihuaziyuanju_2024.pdf", "上海市普陀区规划和自然资源局", 2024, "决算", "部门"),
    ("final_shanghai_putuo_shehuigongzuobu_2024.txt", "中共上海市普陀区委社会工作部", 2024, "决算", "部门"),
    ("narrative_chongqing_jiaotongwei_2018_dept_budget.txt", "重庆市交通委员会", 2018, "预算", "部门"),
    ("template_shanghai_district_dept_final_2024.txt", "上海市XX局", 2024, "决算", "部门"),
])
def test_every_corpus_document_loads_with_its_department_year_and_kind(docs, name, department, year, kind, scope):
    doc = docs(name)
    assert (doc.department, doc.year, doc.kind, doc.scope) == (department, year, kind, scope)
    assert not any(word in doc.department for word in ("年度", "部门预算", "部门决算"))


def test_the_bundled_report_keeps_its_metadata(seed_doc):
    assert (seed_doc.department, seed_doc.year, seed_doc.kind, seed_doc.scope) == (
        "中国共产党长治市屯留区委办公室", 2024, "预算", "部门")
    assert seed_doc.notes == []


def test_a_year_printed_on_a_line_of_its_own_is_the_reports_year(docs):
    """上海市普陀区财政局 / 年度部门决算 / 2024 on the cover: was 「上海市普陀区财政局年度」, year None."""
    doc = docs("final_shanghai_putuo_caizhengju_2024.txt")
    assert doc.department == "上海市普陀区财政局" and doc.year == 2024


def test_what_was_guessed_is_said():
    text = (CORPUS / "final_shanghai_putuo_shehuigongzuobu_2024.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    # Without the cover and part headings the year can come only from the narrative or the file name.
    blind = "\n".join(l.replace("2024", "") if i < 60 else l for i, l in enumerate(lines))
    doc = parse_text(blind, "final_shanghai_putuo_shehuigongzuobu_2024.txt")
    assert doc.year == 2024
    assert any("年份 2024 取自" in n for n in doc.notes), doc.notes


def test_units_of_tables_that_differ_are_noted(docs):
    doc = docs(SIFAJU)
    assert doc.unit == "元"
    assert doc.table("three_public").unit == "万元"
    assert any("万元" in n for n in doc.notes)


# ----------------------------------------------------------------------------- table families


@pytest.mark.parametrize("title, kind, number", [
    ("表 1：高等学校收支决算总表", "summary", 1),
    ("表3-1 一般公共预算基本支出预算表", "basic_economic", 3),
    ("公开01表 部门收支总表", "summary", 1),
    ("部门收入总表 公开02表", "income", 2),
    ("2024年部门支出总表（公开03表）", "expenditure", 3),
    ("表四2024年财政拨款收支总表", "fiscal_summary", 4),
    ("一、收入支出决算总表", "summary", 1),
    ("一般公共预算“三公”经费、会议费、培训费支出预算表", "three_public", None),
    ("部门（单位）政府采购预算表", "procurement", None),
    ("2024年机关运行经费预算表", "operating_cost", None),
    ("高等学校财政拨款支出决算表", "fiscal_expenditure", None),
    ("2026年部门一般公共预算支出功能分类预算表", "gp_expenditure", None),
    ("2024年项目支出预算表（上年结转）", "projects_carryover", None),
    ("政府购买服务预算表", "purchased_services", None),
])
def test_titles_in_any_numbering_are_recognised_by_their_words(title, kind, number):
    assert classify_title(title) == (kind, number, classify_title(title)[2])


def test_labels_on_a_line_of_their_own_give_the_number():
    assert [table_label_number(t) for t in ("预算公开表3", "公开03表", "表3", "第3页")] == [3, 3, 3, None]


def test_every_kind_the_parser_gives_is_documented(docs, seed_doc):
    kinds = {t.kind for t in seed_doc.tables}
    for name in (SIFAJU, "final_chongqing_swu_university_2023.txt", "final_shanghai_putuo_shehuigongzuobu_2024.txt"):
        kinds |= {t.kind for t in docs(name).tables}
    assert kinds <= set(TABLE_KINDS)
    assert all(TABLE_KINDS[k] for k in TABLE_KINDS)


def test_a_university_final_account_of_four_tables_loads(docs):
    """Was refused as 'not a budget disclosure' (titles 表 1：高等学校…)."""
    for name in ("final_chongqing_swu_university_2023.txt", "final_chongqing_swu_university_2024.txt"):
        doc = docs(name)
        assert [(t.no, t.kind) for t in doc.tables] == [
            (1, "summary"), (2, "income"), (3, "expenditure"), (4, "fiscal_expenditure")]
    fiscal = docs("final_chongqing_swu_university_2023.txt").table("fiscal_expenditure")
    assert fiscal.columns == ["本年支出合计", "基本支出", "项目支出", "其中：基本建设资金支出"]


def test_the_other_templates_families(docs):
    """The 司法局 report printed as a provincial template prints it (tests/relayout.provincial)."""
    text = provincial((CORPUS / SIFAJU).read_text(encoding="utf-8"))
    doc = parse_text(text, "provincial.txt")
    assert [t.kind for t in doc.tables][-3:] == ["three_public", "operating_cost", "procurement"]
    # a third spending category beside 基本支出 and 项目支出, kept as printed
    expenditure = doc.table("expenditure")
    assert expenditure.columns == ["合计", "基本支出", "项目支出", "单位预留机动经费"]
    assert all(r.amount("单位预留机动经费") == 0 for r in expenditure.rows)
    # 三公 with 会议费 and 培训费: the printed 合计 is not the 三公 total; its parts are recorded
    three = doc.table("three_public")
    figures = {r.name: r.cells[0].amount for r in three.rows}
    assert figures["合计"] == D("12.91") and figures["会议费"] == D("0.50") and figures["培训费"] == D("1.60")
    assert three.parts["三公经费"] == ["因公出国（境）费", "公务用车购置及运行费", "公务接待费"]
    assert sum(figures[p] for p in three.parts["三公经费"]) == D("10.81")
    # 机关运行经费 in a table of its own; 政府采购 with its rows by name
    assert doc.table("operating_cost").rows[0].amount("预算数") == D("217.83")
    procurement = doc.table("procurement")
    assert procurement.columns == ["合计", "货物", "工程", "服务"]
    project = next(r for r in procurement.rows if r.name == "人民调解服务")
    assert (project.category, project.amount("服务")) == ("服务", D("795.00"))
    assert doc.quality.tables_read == doc.quality.tables_titled == 11


def test_three_public_columns_placed_in_the_order_their_figures_add_up(docs):
    """10.81 0 0.83 9.98 0 9.98 217.83 under 合计 因公出国 公务接待费 and 公务用车 (小计 购置费 运行费)
    printed higher: 公务接待费 is 0.83 (the text says so), 公务用车 9.98 = 0 + 9.98."""
    three = docs(SIFAJU).table("three_public")
    figures = {r.name: r.cells[0].raw for r in three.rows}
    assert figures == {"合计": "10.81", "因公出国（境）费": "0", "公务接待费": "0.83", "公务用车购置及运行费": "9.98",
                       "公务用车购置费": "0", "公务用车运行费": "9.98"}


# ------------------------------------------------------------------------- nothing invented


def test_a_blank_template_yields_no_amount(docs):
    doc = docs("template_shanghai_district_dept_final_2024.txt")
    assert [c for t in doc.tables for r in t.rows for c in r.cells] == []
    # (its text prints one real figure: 单价100万元（含）以上设备 … XX台; the XX is read as nothing)
    assert all(f"{f.value}" in f.sentence.replace(",", "") for f in doc.facts)
    assert not any(f.unit == "台（套）" for f in doc.facts)
    assert any("空白模板" in n for n in doc.notes)


def test_a_classification_code_is_never_an_amount(docs):
    for name in ("template_shanghai_district_dept_final_2024.txt", "final_shanghai_putuo_caizhengju_2024.txt"):
        for t in docs(name).tables:
            for r in t.rows:
                assert not any(c.raw in ("201", "06", "01", "20799", "302", "30201") for c in r.cells), (name, r)


def test_a_narrative_only_report_loads_as_narrative(docs, tmp_path):
    doc = docs("narrative_chongqing_jiaotongwei_2018_dept_budget.txt")
    assert doc.tables == [] and any("没有表格" in n for n in doc.notes)
    facts = {f.label: f.value for f in doc.facts if f.kind == "amount"}
    assert facts["基本支出"] == D("61042.17")
    path = tmp_path / "narrative.db"
    load_document(path, doc)
    from budgetqa.answer import ask

    answer = ask(connect(path), "基本支出多少")
    assert answer.matched and "61,042.17" in answer.text
    pictures = len(re.findall(r"\[图片表格", (CORPUS / "narrative_chongqing_jiaotongwei_2018_dept_budget.txt").read_text(encoding="utf-8")))
    tables = ask(connect(path), "表格都是以图片形式附的吧？一共几张？")  # (their count, and that their figures cannot be read)
    assert pictures and any(f.value == pictures and f.unit == "张" for f in tables.figures) and "读不出" in tables.text, tables.text


def test_text_that_is_no_budget_report_is_still_refused():
    with pytest.raises(ReportError, match="不是部门预算或决算公开报告"):
        parse_text("关于召开年度工作会议的通知\n各单位：定于下周召开会议。\n", "notice.txt")


# ------------------------------------------------------------------------------ read quality


def test_how_well_a_report_was_read_is_counted_and_stored(docs, tmp_path):
    doc = docs(SIFAJU)
    q = doc.quality
    assert (q.tables_read, q.tables_titled, q.numbers_placed, q.numbers_seen) == (9, 9, 366, 366)
    assert q.totals_reconciled == q.totals_checked > 100
    path = tmp_path / "q.db"
    load_document(path, doc)
    row = connect(path).execute("select * from documents").fetchone()
    assert (row["tables_read"], row["numbers_placed"], row["totals_reconciled"]) == (9, 366, q.totals_reconciled)


def test_a_poorly_read_report_says_so(docs):
    """上海市普陀区财政局 2024 决算 is read completely; with the lines of its 基本支出 table that print
    only codes ("301 01 302") lost, the figures below them cannot all be placed, and it says so."""
    doc = docs("final_shanghai_putuo_caizhengju_2024.txt")
    assert doc.quality.numbers_placed == doc.quality.numbers_seen == 195
    assert not any("读得不完整" in n for n in doc.notes)
    body = range(*next(t.body for t in doc.tables if t.kind == "basic_economic"))
    damaged = [line for k, line in enumerate(doc.lines)
               if not (k in body and re.fullmatch(r"\d{3}(?: \d{2,3})+", line.strip()))]
    worse = parse_text("\n".join(damaged), "damaged.txt")
    assert worse.quality.numbers_placed < worse.quality.numbers_seen
    assert any("读得不完整" in n for n in worse.notes)


# ---------------------------------------------------------------------- the inspectors' check


def test_the_check_finds_what_the_inspectors_found(docs):
    """inspection_shanghai_putuo_sifaju_2026_dept_budget_checklist.tsv: five comparisons with the
    wrong year (2026 compared with 2026), 3845.49 vs 43269.3 called +17.62%, 住房公积金 208.8 vs
    201.50, the old name 医疗卫生与计划生育支出 of 210; and where the figures agree, nothing."""
    findings = check_document(docs(SIFAJU))
    assert all(f.severity == CONTRADICTION for f in findings)
    years = [f for f in findings if f.kind == "narrative_year"]
    assert [(f.stated, f.computed, f.lines) for f in years] == [
        (D(2026), D(2025), [81]), (D(2026), D(2025), [83]), (D(2026), D(2025), [84]),
        (D(2026), D(2025), [84]), (D(2026), D(2025), [85])]
    rates = {f.stated: f.computed for f in findings if f.kind == "narrative_rate"}
    assert rates[D("17.62")] == D("-91.11")
    housing = [f for f in findings if f.kind == "narrative_table"]
    assert [(f.stated, f.computed) for f in housing] == [(D("201.50"), D("208.80"))]
    names = [f for f in findings if f.kind == "narrative_name"]
    assert len(names) == 1 and "医疗卫生与计划生育支出" in names[0].subject and "卫生健康支出" in names[0].subject
    # Beyond the inspectors' list: 77.99 → 91.97 is +17.93%, printed +17.66%; and 5.27% follows
    # from 208.8, not from the 201.50 the sentence states. Nothing else.
    assert sorted(rates) == [D("5.27"), D("17.62"), D("17.66")]
    assert len(findings) == 5 + 3 + 1 + 1


def test_load_and_check_say_how_well_the_report_was_read(tmp_path):
    from click.testing import CliRunner

    from budgetqa.cli import cli

    db = tmp_path / "cli.db"
    runner = CliRunner()
    loaded = runner.invoke(cli, ["load", str(CORPUS / "template_shanghai_district_dept_final_2024.txt"), "--db", str(db)])
    assert loaded.exit_code == 0, loaded.output
    assert "读取：认出表格 9/9 张，表中数字放入单元格 0/0 个" in loaded.output
    assert "注意：空白模板" in loaded.output
    checked = runner.invoke(cli, ["check", "--db", str(db)])
    assert checked.output.splitlines()[1].startswith("读取：认出表格 9/9 张")


def test_a_department_whose_name_holds_a_digit_keeps_it():
    """Digits may be part of a name (上海市第2中学), only a year or a figure is not."""
    text = (CORPUS / "final_shanghai_putuo_shehuigongzuobu_2024.txt").read_text(encoding="utf-8")
    doc = parse_text(text.replace("中共上海市普陀区委社会工作部", "上海市第2中学"), "school.txt")
    assert doc.department == "上海市第2中学"


def test_a_small_figure_sits_where_its_parent_has_one(docs):
    """财政局's 收入决算表 prints 2010601 行政运行 as 1,511.90 1,511.89 0.01 with the empty columns left out:
    the 0.01 is 其他收入, where 20106 财政事务 prints 6.20 (= 0.01 + 6.19), not 上级补助收入, which is empty
    there (an empty column against a printed figure is no rounding gap)."""
    table = next(t for t in docs("final_shanghai_putuo_caizhengju_2024.txt").tables if t.title == "收入决算表")
    row = next(r for r in table.rows if r.code == "2010601")
    assert {c.column: c.amount for c in row.cells} == {"本年收入合计": D("1511.90"), "财政拨款收入": D("1511.89"),
                                                     "其他收入": D("0.01")}
