"""The document check finds every inconsistency of the seed, with both figures and lines, and
raises nothing where the figures agree."""

from __future__ import annotations

from decimal import Decimal

from budgetqa.checks import CONTRADICTION, ROUNDING, check_document
from budgetqa.parser import parse_text

D = Decimal

# (severity, kind, stated, computed, first line) of every disagreement in the seed, checked by hand.
EXPECTED = [
    (ROUNDING, "row_total", D("1084.38"), D("1084.39"), 147),  # 表一 本年支出合计 = 当年 + 结转
    (ROUNDING, "row_total", D("1084.38"), D("1084.39"), 151),  # 表一 支出总计 = 当年 + 结转
    (ROUNDING, "hierarchy", D("1084.38"), D("1084.39"), 60),  # 表一 本年支出合计 vs its four items
    (ROUNDING, "summary_total", D("1084.38"), D("1084.39"), 147),  # 表一 收入总计 = 本年收入 + 上年结转
    (ROUNDING, "row_total", D("1084.38"), D("1084.39"), 220),  # 表三 合计 = 基本 + 项目
    (ROUNDING, "hierarchy", D("1084.38"), D("1084.39"), 220),  # 表三 合计 vs its 类 rows
    (ROUNDING, "hierarchy", D("1084.38"), D("1084.39"), 277),  # 表四 小计 vs items
    (ROUNDING, "hierarchy", D("1084.38"), D("1084.39"), 277),  # 表四 一般公共预算 vs items
    (ROUNDING, "summary_total", D("1084.38"), D("1084.39"), 384),  # 表四 收入总计
    (ROUNDING, "hierarchy", D("287.35"), D("287.34"), 462),  # 表六 工资福利支出 vs its 9 items
    (ROUNDING, "hierarchy", D("287.35"), D("287.34"), 462),  # (人员经费 column)
    (ROUNDING, "hierarchy", D("533.88"), D("533.89"), 682),  # 表十三 vs its 7 projects
    (ROUNDING, "hierarchy", D("533.88"), D("533.89"), 682),  # (一般公共预算 column)
    (CONTRADICTION, "narrative_rate", D("0.69"), D("69.88"), 776),  # 机关运行经费 growth rate
    (ROUNDING, "narrative_total", D("1084.38"), D("1084.39"), 701),  # 收入总计 = 本年收入 + 上年结转
    (ROUNDING, "narrative_total", D("1084.38"), D("1084.39"), 705),  # 支出总计 = 当年 + 结转
    (ROUNDING, "narrative_total", D("1084.38"), D("1084.39"), 723),  # 支出 = 基本 + 项目
    (ROUNDING, "narrative_total", D("1084.38"), D("1084.39"), 729),  # 财政拨款 = 当年 + 结转
]


def test_the_seed_findings_are_exactly_the_known_ones(seed_doc):
    got = [(f.severity, f.kind, f.stated, f.computed, min(f.lines)) for f in check_document(seed_doc)]
    assert sorted(got) == sorted(EXPECTED)


def test_findings_say_what_was_compared_and_where(seed_doc):
    rate = next(f for f in check_document(seed_doc) if f.kind == "narrative_rate")
    assert "机关运行经费" in rate.subject
    assert rate.difference == D("-69.19")
    assert rate.lines == [776, 776, 776]
    assert "矛盾" in rate.describe() and "69.88" in rate.describe()


def test_a_changed_figure_is_found_as_a_contradiction(seed_path):
    text = seed_path.read_text(encoding="utf-8").replace("2013105 专项业务 246.89  246.89\n\n2013150 事业运行 124.01 124.01",
                                                         "2013105 专项业务 246.89  246.89\n\n2013150 事业运行 134.01 134.01", 1)
    findings = check_document(parse_text(text, "changed.txt"))
    contradictions = [f for f in findings if f.severity == CONTRADICTION and f.kind == "hierarchy"]
    assert any(f.stated == D("1014.12") and f.computed == D("1024.12") for f in contradictions)


def test_a_consistent_table_raises_nothing(seed_doc):
    findings = check_document(seed_doc)
    assert not [f for f in findings if f.subject.startswith(("表2", "表5", "表11", "表12"))]
