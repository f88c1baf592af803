"""Put each printed number in its column, using the header, arithmetic and (weakly) whitespace.

Extracted text drops empty cells, so "532.81  532.81" could be 合计+基本支出 or 合计+项目支出.
Every way of placing a row's numbers in order is scored: a 合计 column must equal the sum of its
part columns; parent rows must equal the sum of their children (类 = Σ款 = Σ项, 合计 = Σ类, a
project group = Σ its projects); the spacing of the extracted line counts as a hint only.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import combinations, product
from typing import TYPE_CHECKING

from budgetqa.models import Cell, Row, Table
from budgetqa.parser.headers import column_relations
from budgetqa.parser.text import compact, strip_ordinal, to_decimal

if TYPE_CHECKING:
    from budgetqa.parser.tables import RawRow

Placement = tuple[int, ...]

_EXHAUSTIVE = 64  # combinations tried one by one; larger groups are improved row by row
# 经济分类 类 rows of the basic-expenditure table, parents of the rows below them.
ECONOMIC_CLASSES = ("工资福利支出", "商品和服务支出", "对个人和家庭的补助", "资本性支出", "对企业补助", "其他支出")
GRAND_TOTALS = ("合计", "总计", "部门合计", "本年支出合计", "本年收入合计")


def assign_columns(table: Table, raw_rows: list[RawRow]) -> None:
    """Fill ``row.cells`` of every row of ``table`` from the raw rows' printed numbers."""
    sides = list(table.side_columns) if table.two_sided else [None]
    for side in sides:
        columns = table.columns_for(side)
        pairs = [(row, raw) for row, raw in zip(table.rows, raw_rows) if row.side == side]
        widest = max((len(raw.values) for _, raw in pairs), default=0)
        while len(columns) < widest:  # more numbers than header words: keep them all
            columns.append(f"第{len(columns) + 1}列")
        if not columns:
            continue
        relations = column_relations(columns)
        choices: dict[int, list[Placement]] = {}
        values: dict[int, list[Decimal]] = {}
        for row, raw in pairs:
            nums = [to_decimal(v) or Decimal(0) for v, _ in raw.values]
            if not nums:
                continue
            values[row.row_no] = nums
            choices[row.row_no] = _ranked(nums, len(columns), relations, _hint(raw.tail, len(nums)))
        groups = hierarchy(table, [row for row, _ in pairs])
        _resolve(groups, choices, values, len(columns))
        for row, raw in pairs:
            if row.row_no not in choices:
                continue
            placement = choices[row.row_no][0]
            row.cells = [
                Cell(columns[col], values[row.row_no][k], raw.values[k][0], raw.values[k][1])
                for k, col in enumerate(placement)
            ]
    if table.two_sided:
        table.columns = [c for cols in table.side_columns.values() for c in cols]


def _hint(tail: str, count: int) -> Placement | None:
    """Column positions suggested by the spacing: each empty cell leaves one extra space."""
    if tail.startswith(" "):
        tail = tail[1:]
    slots = tail.split(" ")
    filled = tuple(i for i, s in enumerate(slots) if s)
    return filled if len(filled) == count else None


def _ranked(nums: list[Decimal], ncols: int, relations, hint: Placement | None) -> list[Placement]:
    """All placements of a row's numbers, best first; only the equally good ones are kept."""
    n = min(len(nums), ncols)
    scored = []
    for placement in combinations(range(ncols), n):
        scored.append((_score(placement, nums, relations, hint), placement))
    scored.sort(key=lambda sp: -sp[0])
    best = scored[0][0]
    return [p for s, p in scored if s >= best - 1.5] or [scored[0][1]]


def _score(placement: Placement, nums: list[Decimal], relations, hint: Placement | None) -> float:
    by_col = dict(zip(placement, nums))
    score = 0.0
    for total, parts in relations:
        present = [by_col[p] for p in parts if p in by_col]
        if total in by_col:
            if not present:
                score -= 6
                continue
            diff = abs(by_col[total] - sum(present))
            if diff == 0:
                score += 10
            elif diff <= Decimal("0.01") * len(present):
                score += 8
            else:
                score -= 10
        elif present:
            score -= 6
    if hint is not None and placement == hint:
        score += 1
    # Prefer the earlier columns a little: reports fill from the left.
    return score - 0.001 * sum(placement)


def hierarchy(table: Table, rows: list[Row]) -> list[tuple[Row, list[Row]]]:
    """(parent, children) groups whose figures must add up, deepest parents first."""
    groups: list[tuple[Row, list[Row]]] = []
    by_code = {r.code: r for r in rows if r.code}
    kids: dict[str, list[Row]] = {}
    for r in rows:
        if r.code and r.parent_code in by_code:
            kids.setdefault(r.parent_code, []).append(r)
    for code in sorted(kids, key=len, reverse=True):
        groups.append((by_code[code], kids[code]))
    if table.kind == "basic_economic":
        current: Row | None = None
        members: list[Row] = []
        for r in rows:
            if compact(r.name) in ECONOMIC_CLASSES or (r.code and len(r.code) == 3):
                if current and members:
                    groups.append((current, members))
                current, members = r, []
            elif current and not r.is_total:
                members.append(r)
        if current and members:
            groups.append((current, members))
    if table.kind in ("projects", "projects_carryover"):
        for i, r in enumerate(rows):
            children = []
            for s in rows[i + 1:]:
                if s.depth <= r.depth:
                    break
                if s.depth == r.depth + 1:
                    children.append(s)
            if children:
                groups.append((r, children))
    for r in rows:
        if r.code or compact(r.name) not in GRAND_TOTALS:
            continue
        top = _top_rows(table, rows, r)
        if top:
            groups.append((r, top))
    return groups


def _top_rows(table: Table, rows: list[Row], total: Row) -> list[Row]:
    """The rows a grand-total row sums: 类 rows, economic classes, or a side's numbered items."""
    if any(r.code for r in rows):
        return [r for r in rows if r.code and len(r.code) == 3]
    if table.kind == "basic_economic":
        return [r for r in rows if compact(r.name) in ECONOMIC_CLASSES]
    if table.two_sided:
        before = [r for r in rows if r.row_no < total.row_no]
        return [r for r in before if strip_ordinal(r.name) != r.name and not r.is_total]
    if table.kind == "operating_cost":
        return [r for r in rows if r is not total and not r.is_total]
    return []


def _resolve(groups, choices: dict[int, list[Placement]], values, ncols: int) -> None:
    """Pick, group by group, the placements that make parents equal the sum of their children.

    A group fixes its open rows only when one combination is strictly best, so that a group
    that cannot tell (a 款 and its single 项 agree either way) leaves the choice to a group above.
    """
    vectors: dict[tuple[int, Placement], list[Decimal]] = {}

    def vector(row_no: int, placement: Placement) -> list[Decimal]:
        key = (row_no, placement)
        if key not in vectors:
            out = [Decimal(0)] * ncols
            for k, col in enumerate(placement):
                out[col] = values[row_no][k]
            vectors[key] = out
        return vectors[key]

    changed = True
    while changed:
        changed = False
        for parent, children in groups:
            members = [r for r in [parent, *children] if r.row_no in choices]
            open_rows = [r for r in members if len(choices[r.row_no]) > 1]
            if not open_rows:
                continue
            options = [choices[r.row_no] for r in open_rows]
            total = 1
            for o in options:
                total *= len(o)
            fixed_sum = [Decimal(0)] * ncols
            for child in children:
                if child.row_no in choices and len(choices[child.row_no]) == 1:
                    for col, v in enumerate(vector(child.row_no, choices[child.row_no][0])):
                        fixed_sum[col] += v
            parent_fixed = parent.row_no in choices and len(choices[parent.row_no]) == 1
            zero = [Decimal(0)] * ncols

            def score(combo) -> float:
                top = vector(parent.row_no, choices[parent.row_no][0]) if parent_fixed else zero
                sums = list(fixed_sum)
                for r, placement in zip(open_rows, combo):
                    if r is parent:
                        top = vector(r.row_no, placement)
                    else:
                        for col, v in enumerate(vector(r.row_no, placement)):
                            if v:
                                sums[col] += v
                return _agreement(top, sums, len(children))

            if total <= _EXHAUSTIVE:
                scored = [(score(combo), combo) for combo in product(*options)]
                scored.sort(key=lambda sc: -sc[0])
            else:
                # Too many rows to try every combination: improve one row at a time, and accept
                # the result only when every column of the parent adds up.
                combo = [o[0] for o in options]
                best = score(combo)
                improved = True
                while improved:
                    improved = False
                    for i, opts in enumerate(options):
                        for placement in opts:
                            trial = combo[:i] + [placement] + combo[i + 1:]
                            value = score(trial)
                            if value > best:
                                combo, best, improved = trial, value, True
                if best < ncols:
                    continue
                scored = [(best, tuple(combo))]
            if scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
                for r, p in zip(open_rows, scored[0][1]):
                    choices[r.row_no] = [p]
                changed = True


def _agreement(top: list[Decimal], sums: list[Decimal], children: int) -> float:
    """How many columns of a parent equal the sum of its children (rounding gaps count less)."""
    tolerance = Decimal("0.01") * max(1, children)
    score = 0.0
    for a, b in zip(top, sums):
        if a == b:
            score += 1 if a else 0.2
        elif abs(a - b) <= tolerance:
            score += 0.8
    return score
