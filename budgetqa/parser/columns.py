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

from budgetqa.models import Cell, Table
from budgetqa.parser.headers import column_relations
from budgetqa.parser.hierarchy import ECONOMIC_CLASSES, GRAND_TOTALS, hierarchy
from budgetqa.parser.hints import TOTAL_NAMES, empty_in_whole, fund_hints, summary_hints
from budgetqa.parser.text import compact, to_decimal

if TYPE_CHECKING:
    from budgetqa.parser.rows import RawRow

Placement = tuple[int, ...]
__all__ = ["ECONOMIC_CLASSES", "GRAND_TOTALS", "assign_columns", "hierarchy", "ranked_placements"]

_EXHAUSTIVE = 64  # combinations tried one by one; larger groups are improved row by row


def assign_columns(table: Table, raw_rows: list[RawRow], known: list[Table] = ()) -> None:
    """Fill ``row.cells`` of every row of ``table`` from the raw rows' printed numbers.

    ``known`` are the tables read before this one: a part of the expenditure table (one fund's
    table) has nothing where the whole expenditure table has nothing.
    """
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
        hints = fund_hints(table, side, columns) or summary_hints(table, columns, known)
        bound = empty_in_whole(table, columns, known)
        within = [(i - 1, i) for i, c in enumerate(columns) if i and c.rsplit("/", 1)[-1].startswith("其中")]
        choices: dict[int, list[Placement]] = {}
        values: dict[int, list[Decimal]] = {}
        for row, raw in pairs:
            nums = [to_decimal(v) or Decimal(0) for v, _ in raw.values]
            if not nums:
                continue
            values[row.row_no] = nums
            expected = dict(bound(row))
            if compact(row.name) in TOTAL_NAMES:
                expected.update(hints)
            choices[row.row_no] = ranked_placements(
                nums, len(columns), relations, _hint(raw.tail, len(nums)), expected or None, within,
            )
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


def ranked_placements(nums: list[Decimal], ncols: int, relations, hint: Placement | None,
                      expected: dict[int, set[Decimal]] | None = None,
                      within: list[tuple[int, int]] = ()) -> list[Placement]:
    """All placements of a row's numbers, best first; only the equally good ones are kept.

    ``expected`` holds figures stated elsewhere for some columns (an empty cell counts as 0);
    ``within`` pairs (column, 其中 column) where the second is part of the first.
    """
    n = min(len(nums), ncols)
    scored = []
    for placement in combinations(range(ncols), n):
        score = _score(placement, nums, relations, hint)
        if expected or within:
            by_col = dict(zip(placement, nums))
            if expected:
                score += sum(2 if by_col.get(col, Decimal(0)) in want else -2 for col, want in expected.items())
            for whole, part in within:
                if part in by_col and by_col[part] > by_col.get(whole, Decimal(0)):
                    score -= 10
        scored.append((score, placement))
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
                # Too many rows to try every combination one by one: search the combinations that
                # make every column add up, pruning sums that already overshoot; fix the rows that
                # every such combination places alike.
                agreed = _exact(parent, children, open_rows, options, choices, fixed_sum, vector, ncols)
                if agreed:
                    for row_no, p in agreed.items():
                        choices[row_no] = [p]
                    changed = True
                    continue
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


_MAX_SOLUTIONS = 32
_MAX_STEPS = 200_000


def _exact(parent, children, open_rows, options, choices, fixed_sum, vector, ncols) -> dict | None:
    """{row number: placement} for the open rows that all exact solutions of a group place alike."""
    parent_open = any(r is parent for r in open_rows)
    kids = [(r, o) for r, o in zip(open_rows, options) if r is not parent]
    tops = choices.get(parent.row_no, [])
    if not tops:
        return None
    # Whole numbers in the smallest printed unit keep the search fast and exact.
    every = [v for r, opts in kids for p in opts for v in vector(r.row_no, p)] + list(fixed_sum)
    every += [v for p in tops for v in vector(parent.row_no, p)]
    exponent = min((v.as_tuple().exponent for v in every if v), default=0)
    scale = Decimal(10) ** max(0, -exponent)
    whole = lambda vec: tuple(int(v * scale) for v in vec)  # noqa: E731
    tolerance = int(Decimal("0.01") * max(1, len(children)) * scale)
    vectors = [[whole(vector(r.row_no, p)) for p in opts] for r, opts in kids]
    negative = any(v < 0 for vs in vectors for vec in vs for v in vec)
    solutions: list[tuple[Placement, tuple[int, ...]]] = []
    steps = 0
    count = len(kids)

    def search(i: int, sums: tuple[int, ...], picked: list[int], top: tuple[int, ...], top_p: Placement) -> None:
        nonlocal steps
        steps += 1
        if len(solutions) >= _MAX_SOLUTIONS or steps > _MAX_STEPS:
            return
        if i == count:
            if all(abs(a - b) <= tolerance for a, b in zip(top, sums)):
                solutions.append((top_p, tuple(picked)))
            return
        for k, vec in enumerate(vectors[i]):
            new = tuple(a + b for a, b in zip(sums, vec))
            if not negative and any(n > t + tolerance for n, t in zip(new, top)):
                continue
            picked.append(k)
            search(i + 1, new, picked, top, top_p)
            picked.pop()

    start = whole(fixed_sum)
    for top_p in (tops if parent_open else tops[:1]):
        search(0, start, [], whole(vector(parent.row_no, top_p)), top_p)
    if not solutions or len(solutions) >= _MAX_SOLUTIONS or steps > _MAX_STEPS:
        return None
    agreed = {}
    if parent_open and len({s[0] for s in solutions}) == 1:
        agreed[parent.row_no] = solutions[0][0]
    for i, (r, opts) in enumerate(kids):
        picks = {s[1][i] for s in solutions}
        if len(picks) == 1:
            agreed[r.row_no] = opts[picks.pop()]
    return agreed or None


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
