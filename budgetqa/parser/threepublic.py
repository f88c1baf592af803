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
from itertools import permutations

from budgetqa.models import Cell, Row, Table
from budgetqa.parser.columns import ranked_placements
from budgetqa.parser.layout import find_words, printed_order
from budgetqa.parser.text import AMOUNT, compact, is_noise, table_numbers, to_decimal

# role -> header words that name it (full-width brackets), in the standard order of the roles
_ROLES = {
    "total": ["合计", "总计"],
    "abroad": ["因公出国（境）费", "因公出国（境）费用", "因公出国费"],
    "car": ["公务用车购置及运行维护费", "公务用车购置及运行费"],
    "car_total": ["小计"],
    "purchase": ["公务用车购置费", "购置费"],
    "running": ["公务用车运行维护费", "公务用车运行费", "运行维护费", "运行费"],
    "reception": ["公务接待费"],
    "meeting": ["会议费"],
    "training": ["培训费"],
    "operating": ["机关运行经费"],
}
_ROLE_OF = {w: role for role, words in _ROLES.items() for w in words}
_VOCABULARY = [w for words in _ROLES.values() for w in words]
_RANK = {w: i for i, w in enumerate(_VOCABULARY)}
_CAR_PARTS = ("car", "car_total", "purchase", "running")
_ROW_NAME = {"total": "合计", "abroad": "因公出国（境）费", "reception": "公务接待费", "meeting": "会议费",
             "training": "培训费"}
# The three parts of “三公” (and what a printed 合计 may add to them: 会议费, 培训费).
_THREE = ("abroad", "car", "reception")
_MAX_ORDERS = 720


def _bracketed(text: str) -> str:
    return text.replace("(", "（").replace(")", "）")


def column_oriented(header_lines: list[str]) -> bool:
    """True when the header names the 三公 components (they are columns, not rows)."""
    text = _bracketed(compact("".join(header_lines)))
    return "公务接待" in text and "因公出国" in text


def side_by_side(header_lines: list[str]) -> bool:
    """True when two components share a line (columns), not each on a line of its own (rows)."""
    words = ("合计", "因公出国", "公务用车", "公务接待", "会议费", "培训费")
    return any(sum(1 for w in words if w in compact(line)) >= 2 for line in header_lines)


def read(table: Table, lines: list[str], header_lines: list[str], start: int, end: int) -> Table | None:
    """Fill ``table`` with one row per component; return the 机关运行经费 table if printed beside.

    Extracted headers do not say where a group printed higher (公务用车 over 小计/购置费/运行费)
    stands among its neighbours: every order the header's lines allow is tried, and the one whose
    figures add up (合计 = the parts, 小计 = 购置 + 运行) and agree with the text wins.
    """
    found = find_words([_bracketed(l) for l in header_lines], _VOCABULARY)
    units = {w: "car" for w in _VOCABULARY if _ROLE_OF[w] in _CAR_PARTS}
    header = compact("".join(header_lines))
    pairs = header.count("预算数") >= 2 and header.count("决算数") >= 2
    amounts = ["预算数", "决算数"] if pairs else (["决算数"] if "决算数" in header and "预算数" not in header else ["预算数"])
    table.columns = list(amounts)
    figures = _figures(lines, start, end)
    if not figures or not found:
        return None
    values = [to_decimal(raw) or Decimal(0) for raw, _ in figures]
    best = None
    extras = [(True,), (True, False)][any(_ROLE_OF[f.word] in ("meeting", "training") for f in found)]
    for n, order in enumerate(_orders(found, units)):
        roles = _roles(order)
        for with_extras in extras:  # a printed 合计 may or may not include 会议费 and 培训费
            layout = _layout(roles, amounts, lines, table.unit, with_extras)
            if layout is None:
                continue
            columns, relations, expected = layout
            placement = ranked_placements(values, len(columns), relations, None, expected)[0]
            score = _agreement(placement, values, relations, expected)
            if best is None or score > best[0]:
                best = (score, n, roles, columns, placement)
        if best and best[0] == 2 * len(relations) + len(expected) and relations:
            break  # every total adds up and every figure agrees with the text: no better order
    if best is None:
        return None
    _, _, roles, columns, placement = best
    present = {r for r, _ in roles}
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
    names = {role: _row_name(role, word) for role, word in roles}
    table.parts["三公经费"] = [names[r] for r in _THREE if r in names]
    if names.get("car") and {"purchase", "running"} & set(names):
        table.parts[names["car"]] = [names[r] for r in ("purchase", "running") if r in names]
    return operating


def _figures(lines: list[str], start: int, end: int) -> list[tuple[str, int]]:
    """The line of figures (it may wrap onto the next lines)."""
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
    return figures


def _orders(found, units: dict[str, str]):
    """Header words in every left-to-right order the lines allow, the likeliest first."""
    first = printed_order(found, _RANK, units)
    yield first
    groups: dict[str, list] = {}
    for f in first:
        groups.setdefault(units.get(f.word, f.word), []).append(f)
    keys = list(groups)
    if len(keys) > 6:
        return
    before = _shared_line_order(found, units)
    for n, perm in enumerate(permutations(keys)):
        if n >= _MAX_ORDERS:
            return
        if list(perm) == keys or any(perm.index(b) < perm.index(a) for a, b in before if a in perm and b in perm):
            continue
        yield [f for k in perm for f in groups[k]]


def _shared_line_order(found, units: dict[str, str]) -> set[tuple[str, str]]:
    pairs = set()
    for a in found:
        for b in found:
            ka, kb = units.get(a.word, a.word), units.get(b.word, b.word)
            if ka == kb:
                continue
            if any(la == lb and sa < sb for la, sa in a.pieces for lb, sb in b.pieces):
                pairs.add((ka, kb))
    return {(a, b) for a, b in pairs if (b, a) not in pairs}


def _roles(order) -> list[tuple[str, str]]:
    roles: list[tuple[str, str]] = []  # (role, printed word) in printed order
    for f in order:
        role = _ROLE_OF[f.word]
        if role not in {r for r, _ in roles}:
            roles.append((role, f.word))
    return roles


def _layout(roles, amounts: list[str], lines: list[str], unit: str, with_extras: bool = True):
    """(columns, relations, expected figures) of one order of the header's words."""
    present = {r for r, _ in roles}
    # The 公务用车 group is a figure of its own only when no 小计 is printed under it.
    slots = [(r, w) for r, w in roles if not (r == "car" and "car_total" in present)]
    if not slots:
        return None
    columns = [(role, amount) for role, _ in slots for amount in amounts]
    index = {c: i for i, c in enumerate(columns)}
    relations = []
    car = "car_total" if "car_total" in present else "car"
    for amount in amounts:
        extra = ("meeting", "training") if with_extras else ()
        parts = [index[(r, amount)] for r in ("abroad", car, "reception", *extra) if (r, amount) in index]
        if ("total", amount) in index and parts:
            relations.append((index[("total", amount)], parts))
        low = [index[(r, amount)] for r in ("purchase", "running") if (r, amount) in index]
        if (car, amount) in index and low and car == "car_total":
            relations.append((index[(car, amount)], low))
    stated = _stated(lines, dict(roles), unit)
    expected = {i: stated[role] for (role, _), i in index.items() if role in stated}
    return columns, relations, expected


def _agreement(placement, values, relations, expected) -> int:
    """How many totals add up and how many figures agree with the text, for one placement."""
    by_col = dict(zip(placement, values))
    score = 0
    for total, parts in relations:
        if total in by_col and by_col[total] == sum((by_col.get(p, Decimal(0)) for p in parts), Decimal(0)):
            score += 2
    for col, want in expected.items():
        if by_col.get(col, Decimal(0)) in want:
            score += 1
    return score


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
        if role in ("total", "car_total", "operating", "meeting", "training"):
            continue
        names = [word] + ([f"公务用车{word}"] if not word.startswith("公务用车") else [])
        for name in names:
            for m in re.finditer(rf"{re.escape(name)}[^\d，。；,]{{0,8}}?({AMOUNT})万元", text):
                value = to_decimal(m.group(1))
                if value is not None:
                    out.setdefault(role, set()).add(value)
    return out
