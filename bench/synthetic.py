"""Synthetic reports made from the bundled one: other departments and years, amounts scaled."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from budgetqa.store import bundled_report

DEPARTMENT = "中国共产党长治市屯留区委办公室"
_AMOUNT = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)\.(\d{2})(?![\d.%])")


def synthetic_report(i: int) -> str:
    """Report number i: a made-up department, a year between 2015 and 2034, amounts × a factor."""
    text = bundled_report().read_text(encoding="utf-8")
    factor = Decimal(100 + (i * 37) % 400) / 100

    def scale(m: re.Match[str]) -> str:
        value = Decimal(m.group(1).replace(",", "") + "." + m.group(2)) * factor
        return str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))

    text = _AMOUNT.sub(scale, text)
    year = 2015 + i % 20
    text = text.replace("2024", str(year)).replace("2023", str(year - 1))
    return text.replace(DEPARTMENT, f"示例市第{i}号测试局").replace("中共长治市屯留区委办公室", f"示例市第{i}号测试局")
