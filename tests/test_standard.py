"""The standard figures of one report, read at load from the document model (table report_figures)."""

from __future__ import annotations

from decimal import Decimal

from budgetqa.engine.resolve import column_values, row_values
from budgetqa.question.query import Query


def test_the_resolver_reads_a_row_and_a_column_of_a_real_report(seed_doc):
    """Tables are told apart by identity: the resolver keeps the tables it looked at in a dict."""
    assert [v.amount for v in row_values(seed_doc, "收入总计", Query())] == [Decimal("1084.38")]
    assert [v.amount for v in column_values(seed_doc, "人员经费", Query())] == [Decimal("290.03")]
