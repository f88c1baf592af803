"""Synthetic reports made from the real ones: other departments and years, amounts scaled.

``mixed_report(i)`` is report number i of a province: 1,280 departments (8 cities × 8 counties ×
20 bureaus), each printing one of the four real templates (the bundled 预算 and the three of
tests/data/corpus, one of them a 决算 and one in 元) every year from 2019 to 2026, its amounts
scaled by a factor of its own that grows a little each year. Numbers 0–7 are one department's eight
years, 8–15 the next department's, and so on.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from budgetqa.store import bundled_report

ROOT = Path(__file__).parent.parent
DEPARTMENT = "中国共产党长治市屯留区委办公室"
_AMOUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)\.(\d{2})(?![\d.%])")
_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+)(?![\d.,%])")

# (file, the forms its department is printed in, its year)
TEMPLATES = [
    (ROOT / "data/tunliu_party_committee_office_2024_budget.txt",
     ("中国共产党长治市屯留区委办公室", "中共长治市屯留区委办公室"), 2024),
    (ROOT / "tests/data/corpus/budget_chongqing_swu_university_2024_dept.txt", ("西南大学",), 2024),
    (ROOT / "tests/data/corpus/budget_shanghai_putuo_shiquanlu_street_2026_unit.txt",
     ("上海市普陀区人民政府石泉路街道办事处（本级）",), 2026),
    (ROOT / "tests/data/corpus/final_shanghai_putuo_guihuaziyuanju_2024.txt",
     ("上海市普陀区规划和自然\n资源局", "上海市普陀区规划和自然资源局", "上海市普陀区规划与自然资源局",
      "上海市规划和自然资源局"), 2024),
]
CITIES = ("江城市", "河阳市", "青州市", "云岭市", "海宁市", "平川市", "松原市", "柳泉市")
COUNTIES = ("东安", "西平", "南丰", "北宁", "长乐", "永和", "新华", "广济")
BUREAUS = ("财政局", "教育局", "卫生健康委员会", "规划和自然资源局", "公安局", "民政局", "人力资源和社会保障局",
           "住房和城乡建设局", "交通运输局", "农业农村局", "水利局", "商务局", "文化和旅游局", "市场监督管理局",
           "审计局", "统计局", "生态环境局", "应急管理局", "医疗保障局", "退役军人事务局")
YEARS = tuple(range(2019, 2027))
_TEXTS: dict[Path, str] = {}


def department(d: int) -> str:
    """Department number d: 江城市东安县财政局 …"""
    city = CITIES[d // (len(COUNTIES) * len(BUREAUS)) % len(CITIES)]
    county = COUNTIES[d // len(BUREAUS) % len(COUNTIES)]
    return f"{city}{county}县{BUREAUS[d % len(BUREAUS)]}"


def mixed_meta(i: int) -> tuple[str, int, int]:
    """(department, year, template number) of report number i."""
    d = i // len(YEARS)
    return department(d), YEARS[i % len(YEARS)], d % len(TEMPLATES)


def factor(i: int) -> Decimal:
    """How much report i's amounts are scaled: the department's own size, growing 4% a year."""
    d, year = i // len(YEARS), YEARS[i % len(YEARS)]
    size = Decimal(50 + (d * 37) % 400) / 100
    return (size * (1 + Decimal("0.04") * (year - YEARS[0]))).quantize(Decimal("0.0001"))


def scale(text: str, by: Decimal) -> str:
    """Every amount printed with two decimals (and every one with thousands separators) times ``by``."""
    def decimals(m: re.Match[str]) -> str:
        value = Decimal(m.group(1).replace(",", "") + "." + m.group(2)) * by
        return str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))

    def thousands(m: re.Match[str]) -> str:
        return f"{int((Decimal(m.group(1).replace(',', '')) * by).quantize(Decimal(1), rounding=ROUND_HALF_UP)):,}"

    return _THOUSANDS.sub(thousands, _AMOUNT.sub(decimals, text))


def retitle(text: str, names: tuple[str, ...], new_name: str, year: int, new_year: int) -> str:
    """The report under another department's name and for another year (the year before moves too)."""
    for name in names:
        text = text.replace(name, new_name)
    for old, mark in ((year, "\x00Y\x00"), (year - 1, "\x00P\x00")):
        text = re.sub(rf"(?<!\d){old}(?!\d)", mark, text)
    return text.replace("\x00Y\x00", str(new_year)).replace("\x00P\x00", str(new_year - 1))


def _template(path: Path) -> str:
    if path not in _TEXTS:
        _TEXTS[path] = path.read_text(encoding="utf-8")
    return _TEXTS[path]


def mixed_report(i: int) -> str:
    """Report number i of the synthetic province (see the module's docstring)."""
    name, year, template = mixed_meta(i)
    path, names, printed_year = TEMPLATES[template]
    return retitle(scale(_template(path), factor(i)), names, name, printed_year, year)


def write_reports(folder: Path, count: int) -> list[Path]:
    """Write reports 0…count-1 to ``folder`` as UTF-8 text files; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"report_{i:05d}.txt"
        path.write_text(mixed_report(i), encoding="utf-8")
        paths.append(path)
    return paths


def synthetic_report(i: int) -> str:
    """Report number i made from the bundled one only: a made-up department, a year between 2015
    and 2034, amounts × a factor."""
    text = scale(bundled_report().read_text(encoding="utf-8"), Decimal(100 + (i * 37) % 400) / 100)
    return retitle(text, TEMPLATES[0][1], f"示例市第{i}号测试局", 2024, 2015 + i % 20)
