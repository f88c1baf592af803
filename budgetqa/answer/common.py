"""Helpers shared by the intent handlers: building an Answer and adding figures."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from budgetqa.answer.model import Answer
from budgetqa.answer.values import Value

HUNDRED = Decimal(100)


def pct(part: Decimal, whole: Decimal) -> Decimal:
    """part / whole as a percentage rounded to 0.01 (half up, as reports round)."""
    return (part / whole * HUNDRED).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def new_answer(intent: str, understood: str, text: str) -> Answer:
    """A matched answer that starts by saying what it understood."""
    head = f"按「{understood}」理解：" if understood else ""
    return Answer(True, intent, head + text, understood=f"按「{understood}」理解" if understood else "")


def add_value(a: Answer, v: Value) -> None:
    """Add a resolved value as a headline figure with its source."""
    a.figure(v.label, v.amount, v.unit, v.where, v.line)
