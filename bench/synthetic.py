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


CORPUS = [
    ("tests/data/corpus/budget_shanghai_putuo_shiquanlu_street_2026_unit.txt", "上海市普陀区人民政府石泉路街道办事处（本级）", "2026"),
    ("tests/data/corpus/budget_chongqing_swu_university_2024_dept.txt", "西南大学", "2024"),
    ("tests/data/corpus/final_shanghai_putuo_guihuaziyuanju_2024.txt", "上海市普陀区规划和自然资源局", "2024"),
]


def mixed_report(i: int) -> str:
    """Report number i of a mixed set: the bundled template and the three corpus templates in turn,
    each under a made-up department name and another year."""
    from pathlib import Path

    if i % 4 == 0:
        return synthetic_report(i)
    path, department, year = CORPUS[i % 4 - 1]
    text = (Path(__file__).parent.parent / path).read_text(encoding="utf-8")
    new_year = str(2015 + i % 20)
    return text.replace(department, f"示例市第{i}号测试单位").replace(year, new_year)
