"""“三公” tables printed as one line of figures under a header of components.

Some templates print 三公经费 as columns (合计, 因公出国（境）费, 公务用车购置及运行费 with 小计 /
购置费 / 运行费, 公务接待费), sometimes with 机关运行经费 beside them and sometimes as 预算数/决算数
pairs. Empty cells are dropped by the extractor, so the figures are placed by arithmetic
(合计 = 出国 + 公务用车 + 接待, 小计 = 购置 + 运行) and, where that cannot tell, by the figures the
report states for the same components in its text. The table is stored one row per component
(like the templates that print components as rows); 机关运行经费 becomes a table of its own.
"""

from __future__ import annotations

import re
from decimal import Decimal

from budgetqa.models import Cell, Row, Table
from budgetqa.parser.columns import ranked_placements
from budgetqa.parser.layout import find_words, printed_order
from budgetqa.parser.text import AMOUNT, compact, is_noise, table_numbers, to_decimal

# role -> header words that name it (full-width brackets), in the standard order of the roles
_ROLES = {
    "total": ["合计"],
    "abroad": ["因公出国（境）费"],
    "car": ["公务用车购置及运行维护费", "公务用车购置及运行费"],
    "car_total": ["小计"],
    "purchase": ["公务用车购置费", "购置费"],
    "running": ["公务用车运行维护费", "公务用车运行费", "运行维护费", "运行费"],
    "reception": ["公务接待费"],
    "operating": ["机关运行经费"],
}
_ROLE_OF = {w: role for role, words in _ROLES.items() for w in words}
_VOCABULARY = [w for words in _ROLES.values() for w in words]
_RANK = {w: i for i, w in enumerate(_VOCABULARY)}
_CAR_PARTS = ("car", "car_total", "purchase", "running")
_ROW_NAME = {"total": "合计", "abroad": "因公出国（境）费", "reception": "公务接待费"}


def _bracketed(text: str) -> str:
    return text.replace("(", "（").replace(")", "）")


def column_oriented(header_lines: list[str]) -> bool:
    """True when the header names the 三公 components (they are columns, not rows)."""
    text = _bracketed(compact("".join(header_lines)))
    return "公务接待" in text and "因公出国" in text


def read(table: Table, lines: list[str], header_lines: list[str], start: int, end: int) -> Table | None:
    """Fill ``table`` with one row per component; return the 机关运行经费 table if printed beside."""
    found = printed_order(
        find_words([_bracketed(l) for l in header_lines], _VOCABULARY), _RANK,
        {w: "car" for w in _VOCABULARY if _ROLE_OF[w] in _CAR_PARTS},
    )
    roles: list[tuple[str, str]] = []  # (role, printed word) in printed order
    for f in found:
        role = _ROLE_OF[f.word]
        if role not in {r for r, _ in roles}:
            roles.append((role, f.word))
    present = {r for r, _ in roles}
    # The 公务用车 group is a figure of its own only when no 小计 is printed under it.
    slots = [(r, w) for r, w in roles if not (r == "car" and "car_total" in present)]
    words = dict(roles)
    header = compact("".join(header_lines))
    pairs = header.count("预算数") >= 2 and header.count("决算数") >= 2
    amounts = ["预算数", "决算数"] if pairs else (["决算数"] if "决算数" in header and "预算数" not in header else ["预算数"])
    table.columns = list(amounts)
    figures: list[tuple[str, int]] = []
    for idx in range(start, end):
        line = lines[idx]
        text = compact(line)
        if not text or is_noise(line):
            continue
        numbers = table_numbers(line)
        if not numbers or re.search(r"[\u4e00-\u9fff]", text):
            if figures:
                break  # the line of figures is over
            continue
        figures += [(m.group(1), idx + 1) for m in numbers]
    if not figures or not slots:
        return None
    columns = [(role, amount) for role, _ in slots for amount in amounts]
    index = {c: i for i, c in enumerate(columns)}
    relations = []
    for amount in amounts:
        car = "car_total" if "car_total" in present else "car"
        top = [index[(r, amount)] for r in ("abroad", car, "reception") if (r, amount) in index]
        if ("total", amount) in index and top:
            relations.append((index[("total", amount)], top))
        low = [index[(r, amount)] for r in ("purchase", "running") if (r, amount) in index]
        if (car, amount) in index and low and car == "car_total":
            relations.append((index[(car, amount)], low))
    stated = _stated(lines, words, table.unit)
    expected = {i: stated[role] for (role, _), i in index.items() if role in stated}
    values = [to_decimal(raw) or Decimal(0) for raw, _ in figures]
    placement = ranked_placements(values, len(columns), relations, None, expected)[0]
    cells: dict[str, list[Cell]] = {}
    for k, col in enumerate(placement):
        role, amount = columns[col]
        raw, line_no = figures[k]
        cells.setdefault(role, []).append(Cell(amount, values[k], raw, line_no))
    line_no = figures[0][1]
    operating = None
    for role, word in roles:
        if role == "operating":
            operating = _operating_table(table, word, cells.get(role, []), line_no)
            continue
        if role == "car_total":
            continue
        own = cells.get("car_total" if role == "car" and "car_total" in present else role, [])
        depth = 0 if role == "total" else 2 if role in ("purchase", "running") else 1
        table.rows.append(Row(len(table.rows) + 1, _row_name(role, word), line_no, depth=depth, cells=own))
    return operating


def _row_name(role: str, word: str) -> str:
    if role in _ROW_NAME:
        return _ROW_NAME[role]
    return word if word.startswith("公务用车") else f"公务用车{word}"


def _operating_table(table: Table, word: str, cells: list[Cell], line_no: int) -> Table:
    """机关运行经费 printed beside 三公: a table of its own, as other templates print it."""
    other = Table(no=0, kind="operating_cost", title=table.title, unit=table.unit, line=table.line,
                  columns=list(table.columns))
    other.rows.append(Row(1, word, line_no, cells=cells))
    return other


def _stated(lines: list[str], words: dict[str, str], unit: str) -> dict[str, set[Decimal]]:
    """Figures the report's text states for the components ('公务接待费1.53万元')."""
    if unit != "万元":
        return {}
    text = _bracketed("".join(compact(l) for l in lines))
    out: dict[str, set[Decimal]] = {}
    for role, word in words.items():
        if role in ("total", "car_total", "operating"):
            continue
        names = [word] + ([f"公务用车{word}"] if not word.startswith("公务用车") else [])
        for name in names:
            for m in re.finditer(rf"{re.escape(name)}[^\d，。；,]{{0,8}}?({AMOUNT})万元", text):
                value = to_decimal(m.group(1))
                if value is not None:
                    out.setdefault(role, set()).add(value)
    return out
