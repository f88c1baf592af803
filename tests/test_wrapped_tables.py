"""Tables printed the way a PDF extractor gives them: a line of names, then a line of the numbers
that belong to those names (上海市普陀区财政局 2024 决算, in no other file of the corpus)."""

from __future__ import annotations

import pytest

from budgetqa.parser import parse_file, parse_text
from conftest import CORPUS

CAIZHENGJU = "final_shanghai_putuo_caizhengju_2024.txt"


@pytest.fixture(scope="module")
def doc():
    return parse_file(CORPUS / CAIZHENGJU)


def figures(table, name, side=None) -> list[str]:
    """The printed figures of the one row called ``name`` (on ``side``), in column order."""
    found = [r for r in table.rows if r.name == name and (side is None or r.side == side)]
    assert len(found) == 1, (name, side, [(r.side, r.name) for r in table.rows])
    return [c.raw for c in found[0].cells]


def table(doc, kind):
    return next(t for t in doc.tables if t.kind == kind)


@pytest.mark.parametrize("name, side, printed", [
    # lines 98-134: each line of two names is followed by the line of their two numbers
    ("一、一般公共预算财政拨款收入", "收入", ["2,940.05"]),
    ("一、一般公共服务支出", "支出", ["2,106.66"]),
    ("八、其他收入", "收入", ["6.20"]),
    ("八、社会保障和就业支出", "支出", ["326.71"]),
    ("九、卫生健康支出", "支出", ["60.99"]),  # a lone name, its number below it
    ("十九、住房保障支出", "支出", ["445.69"]),
    ("本年收入合计", "收入", ["2,946.25"]),
    ("本年支出合计", "支出", ["2,940.05"]),
    ("年初结转和结余", "收入", ["49.14"]),
    ("年末结转和结余", "支出", ["55.34"]),
    ("总计", "收入", ["2,995.39"]),
    ("总计", "支出", ["2,995.39"]),
    # names with no number stay empty
    ("二、政府性基金预算财政拨款收入", "收入", []),
    ("二、外交支出", "支出", []),
    ("使用非财政拨款结余（含专用结余）", "收入", []),
    ("结余分配", "支出", []),
])
def test_summary_numbers_below_their_names(doc, name, side, printed):
    assert figures(table(doc, "summary"), name, side) == printed


def test_summary_has_no_row_made_of_numbers_alone(doc):
    names = [r.name for r in table(doc, "summary").rows]
    assert "合计" not in names and "" not in names


@pytest.mark.parametrize("name, side, printed", [
    # lines 240-292: one side's number beside its name, the other's on the line below
    ("一、一般公共服务支出", "支出", ["2,106.66", "2,106.66"]),
    ("八、社会保障和就业支出", "支出", ["326.71", "326.71"]),
    ("本年收入合计", "收入", ["2,940.05"]),
    ("本年支出合计", "支出", ["2,940.05", "2,940.05"]),
    ("年初财政拨款结转和结余", "收入", ["21.63"]),
    ("年末财政拨款结转和结余", "支出", ["21.63", "21.63"]),
    ("总计", "收入", ["2,961.68"]),
    ("总计", "支出", ["2,961.68", "2,961.68"]),
    # a name wrapped onto a line of its own goes on the name it continues, not the line above
    ("三、国防支出", "支出", []),
    ("七、文化旅游体育与传媒支出", "支出", []),
])
def test_fiscal_summary_numbers_below_their_names(doc, name, side, printed):
    assert figures(table(doc, "fiscal_summary"), name, side) == printed


def test_fiscal_summary_the_same_name_in_this_year_and_in_the_carry_over(doc):
    """一、一般公共预算财政拨款 is printed twice on the income side: this year's (2,940.05 beside it)
    and, under 年初财政拨款结转和结余, the carry-over's (21.63 on the line below)."""
    t = table(doc, "fiscal_summary")
    twice = {name: [[c.raw for c in r.cells] for r in t.rows if r.name == name and r.side == "收入"]
             for name in ("一、一般公共预算财政拨款", "二、政府性基金预算财政拨款", "三、国有资本经营预算财政拨款")}
    assert twice == {"一、一般公共预算财政拨款": [["2,940.05"], ["21.63"]],
                     "二、政府性基金预算财政拨款": [[], []], "三、国有资本经营预算财政拨款": [[], []]}


def test_fiscal_summary_columns_of_the_expenditure_side(doc):
    t = table(doc, "fiscal_summary")
    row = next(r for r in t.rows if r.name == "本年支出合计")
    assert [c.column for c in row.cells] == ["合计", "一般公共预算"]


@pytest.mark.parametrize("kind, printed", [
    ("income", ["2,946.25", "2,940.05", "6.20"]),  # 合计 / 2,946.25 2,940.05 6.20
    ("gp_expenditure", ["2,940.05", "2,336.91", "603.14"]),  # 合计 / 2,940.05 2,336.91 603.14
])
def test_a_total_above_its_numbers(doc, kind, printed):
    t = table(doc, kind)
    assert figures(t, "合计") == printed
    assert "" not in [r.name for r in t.rows]


def test_two_names_and_one_line_of_their_numbers_in_a_made_up_summary():
    """The rule, not this report: the left number to the income side, the right to the other."""
    text = "\n".join([
        "收入支出决算总表", "单位：万元", "收入 支出", "项目 决算数 项目 决算数",
        "一、财政拨款收入 一、教育支出", "120.00 80.00",
        "二、事业收入 二、科学技术支出", "30.00 70.00",
        "本年收入合计 本年支出合计", "150.00 150.00",
        "年初结转和结余 年末结转和结余", "10.00 10.00",
        "总计 总计", "160.00 160.00",
    ])
    t = parse_text(text, "made_up_final_2024.txt").tables[0]
    assert figures(t, "一、财政拨款收入", "收入") == ["120.00"]
    assert figures(t, "一、教育支出", "支出") == ["80.00"]
    assert figures(t, "二、事业收入", "收入") == ["30.00"]
    assert figures(t, "二、科学技术支出", "支出") == ["70.00"]
    assert figures(t, "本年收入合计", "收入") == ["150.00"]
    assert figures(t, "本年支出合计", "支出") == ["150.00"]
    assert figures(t, "总计", "收入") == figures(t, "总计", "支出") == ["160.00"]


@pytest.mark.parametrize("code, name, printed", [
    # lines 191-199: a row's name with some figures on one line, its code with the rest on the next
    (None, "合计", ["2,940.05", "2,336.91", "603.14"]),  # 合计 2,336.91 603.14 / 2,940.05
    ("201", "一般公共服务支出", ["2,106.66", "1,503.52", "603.14"]),  # … / 201 2,106.66
    ("2010601", "行政运行", ["1,511.89", "1,503.52", "8.37"]),  # 行政运行 1,503.52 / 201 06 01 1,511.89 8.37
])
def test_expenditure_rows_printed_over_two_lines(doc, code, name, printed):
    t = table(doc, "expenditure")
    found = [r for r in t.rows if r.code == code and r.name == name]
    assert len(found) == 1, [(r.code, r.name) for r in t.rows]
    assert [c.raw for c in found[0].cells] == printed
    assert [c.column for c in found[0].cells] == ["本年支出合计", "基本支出", "项目支出"]
    assert all(r.name for r in t.rows) and all(r.code or r.name == "合计" for r in t.rows)


# lines 347-445: 一般公共预算财政拨款基本支出决算表 as two lists side by side, each line a left part
# (人员经费) and a right part (公用经费), codes on a line of their own ("301 01 302"), the right
# code's last two digits before its name ("基本工资 01 办公费"), figures below ("262.33 21.21").
# A lone figure's half follows from the table's sums: 301 2,082.85 = 262.33 + 1,238.58 + 160.75
# + 80.38 + 60.99 + 1.61 + 187.19 + 91.03 (2,082.86, rounding); 303 69.41 = 69.10 + 0.31;
# 302 171.07 = 21.21 + 7.61 + 0.09 + 4.88 + 1.20 + 2.83 + 4.05 + 2.01 + 24.42 + 42.77 + 48.49
# + 11.53 (171.09, rounding); 310 13.58 = 13.58; 人员经费 2,152.26 = 2,082.85 + 69.41,
# 公用经费 184.65 = 171.07 + 13.58.
BASIC_ECONOMIC = {
    "301": ("工资福利支出", "2,082.85"), "30101": ("基本工资", "262.33"), "30102": ("津贴补贴", "1,238.58"),
    "30103": ("奖金", ""), "30108": ("机关事业单位基本养老保险缴费", "160.75"),
    "30109": ("职业年金缴费", "80.38"), "30110": ("职工基本医疗保险缴费", "60.99"),
    "30112": ("其他社会保障缴费", "1.61"), "30113": ("住房公积金", "187.19"), "30114": ("医疗费", ""),
    "30199": ("其他工资福利支出", "91.03"), "303": ("对个人和家庭的补助", "69.41"),
    "30301": ("离休费", ""), "30302": ("退休费", "69.10"), "30304": ("抚恤金", ""),
    "30307": ("医疗费补助", ""), "30309": ("奖励金", "0.31"), "30311": ("代缴社会保险费", ""),
    "30399": ("其他对个人和家庭的补助", ""),
    "302": ("商品和服务支出", "171.07"), "30201": ("办公费", "21.21"), "30202": ("印刷费", "7.61"),
    "30204": ("手续费", "0.09"), "30206": ("电费", ""), "30207": ("邮电费", "4.88"),
    "30211": ("差旅费", "1.20"), "30212": ("因公出国（境）费用", ""), "30213": ("维修（护）费", "2.83"),
    "30215": ("会议费", ""), "30216": ("培训费", "4.05"), "30224": ("被装购置费", ""),
    "30226": ("劳务费", "2.01"), "30228": ("工会经费", "24.42"), "30229": ("福利费", "42.77"),
    "30231": ("公务用车运行维护费", ""), "30239": ("其他交通费用", "48.49"),
    "30240": ("税金及附加费用", ""), "30299": ("其他商品和服务支出", "11.53"),
    "310": ("资本性支出", "13.58"), "31002": ("办公设备购置", "13.58"), "31007": ("信息网络及软件购置更新", ""),
    "31099": ("其他资本性支出", ""),
}


def test_basic_economic_two_lists_side_by_side(doc):
    basic = table(doc, "basic_economic")
    rows = {r.code: r for r in basic.rows if r.code}
    got = {code: (rows[code].name, "".join(c.raw for c in rows[code].cells)) if code in rows else None
           for code in BASIC_ECONOMIC}
    assert not rows["30103"].cells  # printed without a figure: no cell, no invented zero
    assert got == BASIC_ECONOMIC
    assert len(rows) == (1 + 13) + (1 + 11) + (1 + 27) + (1 + 9)  # 301, 303, 302, 310 and their 款
    totals = {r.name: r.cells[0].raw for r in basic.rows if not r.code}
    assert totals == {"人员经费合计": "2,152.26", "公用经费合计": "184.65"}
    halves = {r.code: r.category for r in basic.rows if r.code}
    assert {halves["30229"], halves["310"]} == {"公用经费"} and halves["30302"] == "人员经费"
