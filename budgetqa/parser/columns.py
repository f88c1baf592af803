"""Put each printed number in its column, using the header, arithmetic and (weakly) whitespace.

Extracted text drops empty cells, so "532.81  532.81" could be 合计+基本支出 or 合计+项目支出.
Every way of placing a row's numbers in order is scored: a 合计 column must equal the sum of its
part columns; parent rows must equal the sum of their children (类 = Σ款 = Σ项, 合计 = Σ类, a
project group = Σ its projects); the spacing of the extracted line counts as a hint only.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import combinations, product
from operator import add, gt, sub
from typing import TYPE_CHECKING

from budgetqa.models import Cell, ReportError, Table
from budgetqa.parser.headers import column_relations
from budgetqa.parser.hierarchy import ECONOMIC_CLASSES, GRAND_TOTALS, hierarchy
from budgetqa.parser.hints import TOTAL_NAMES, empty_in_whole, fund_hints, summary_hints
from budgetqa.parser.text import compact, to_decimal

if TYPE_CHECKING:
    from budgetqa.parser.rows import RawRow

Placement = tuple[int, ...]
__all__ = ["ECONOMIC_CLASSES", "GRAND_TOTALS", "assign_columns", "hierarchy", "ranked_placements"]

_EXHAUSTIVE = 64  # combinations tried one by one; larger groups are improved row by row
# Every cost below is bounded, whatever the text holds: a row's placements are scored one by one
# only while there are few of them, else searched column by column keeping the best few; a table
# scores at most _TABLE_PLACEMENTS placements in all (rows printed alike are placed once), then
# its rows take the spacing's placement or fill from the left; a group's exact search has a step
# budget per table. The table's note names the rows placed without the full comparison.
_ENUMERATED = 5000  # placements of one row scored one by one (real rows have at most a few dozen)
_KEPT = 64  # equally good placements of a row handed to the group search
_BEAM = 64  # partial placements kept per column when a row has too many placements to score
_MOST_FIGURES = 64  # no budget table prints more figures on one row
_GROUP_WORK = 10_000  # row vectors built, search steps and trials per table side (real: at most 1,300)
_PASSES = 16  # rounds over the groups (real tables settle in four)
_TABLE_PLACEMENTS = 50_000  # placements scored per table side (real tables score a few thousand)


def assign_columns(table: Table, raw_rows: list[RawRow], known: list[Table] = ()) -> None:
    """Fill ``row.cells`` of every row of ``table`` from the raw rows' printed numbers.

    ``known`` are the tables read before this one: a part of the expenditure table (one fund's
    table) has nothing where the whole expenditure table has nothing.
    """
    sides = list(table.side_columns) if table.two_sided else [None]
    unsure: set[int] = set()
    for side in sides:
        columns = table.columns_for(side)
        pairs = [(row, raw) for row, raw in zip(table.rows, raw_rows) if row.side == side]
        for row, raw in pairs:
            if len(raw.values) > _MOST_FIGURES:
                raise ReportError(
                    f"第 {raw.line} 行：表{table.no}「{table.title}」一行有 {len(raw.values)} 个数字，"
                    f"没有哪张预算表有这么多列（文本损坏了？）"
                )
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
        cost_left = _TABLE_PLACEMENTS
        # Rows printed alike (the same figures, spacing and stated figures) are placed alike.
        placed: dict[tuple, tuple[list[Placement], bool]] = {}
        for row, raw in pairs:
            nums = [to_decimal(v) or Decimal(0) for v, _ in raw.values]
            if not nums:
                continue
            values[row.row_no] = nums
            expected = dict(bound(row))
            if compact(row.name) in TOTAL_NAMES:
                expected.update(hints)
            hint = _hint(raw.tail, len(nums))
            key = (tuple(nums), hint, tuple(sorted((c, tuple(sorted(v))) for c, v in expected.items())))
            if key not in placed:
                count = _count(len(columns), len(nums))
                if count <= _ENUMERATED and count <= cost_left:
                    candidates, sure = combinations(range(len(columns)), min(len(nums), len(columns))), True
                    cost_left -= count
                elif _BEAM * 2 * len(columns) <= cost_left:
                    candidates, sure = None, False  # searched column by column
                    cost_left -= _BEAM * 2 * len(columns)
                else:
                    candidates, sure = _plain(len(nums), len(columns), hint), False
                placed[key] = (_ranked(nums, len(columns), relations, hint, expected or None, within, candidates), sure)
            choices[row.row_no], sure = placed[key]
            if not sure:
                unsure.add(row.line)
        groups = hierarchy(table, [row for row, _ in pairs])
        unsure |= {r.line for r in _resolve(groups, choices, values, len(columns))}
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
    if unsure:
        lines = "、".join(str(n) for n in sorted(unsure)[:10]) + ("等" if len(unsure) > 10 else "")
        table.note = f"第{lines}行的数字所在列未经逐一比较，按最可能的位置放置"


def _hint(tail: str, count: int) -> Placement | None:
    """Column positions suggested by the spacing: each empty cell leaves one extra space."""
    if tail.startswith(" "):
        tail = tail[1:]
    slots = tail.split(" ")
    filled = tuple(i for i, s in enumerate(slots) if s)
    return filled if len(filled) == count else None


def _count(ncols: int, n: int) -> int:
    """How many placements a row of ``n`` figures has in ``ncols`` columns, counted only up to
    one past ``_ENUMERATED`` (never a huge binomial)."""
    n = min(n, ncols)
    count = 1
    for i in range(min(n, ncols - n)):
        count = count * (ncols - i) // (i + 1)
        if count > _ENUMERATED:
            return _ENUMERATED + 1
    return count


def _plain(n: int, ncols: int, hint: Placement | None) -> list[Placement]:
    """The placements tried when a table has used up its search: the spacing's, or from the left."""
    n = min(n, ncols)
    found = [hint] if hint is not None and len(hint) == n and hint[-1] < ncols else []
    return [*found, tuple(range(n))]


def ranked_placements(nums: list[Decimal], ncols: int, relations, hint: Placement | None,
                      expected: dict[int, set[Decimal]] | None = None,
                      within: list[tuple[int, int]] = ()) -> list[Placement]:
    """The placements of a row's numbers, best first; only the equally good ones are kept.

    ``expected`` holds figures stated elsewhere for some columns (an empty cell counts as 0);
    ``within`` pairs (column, 其中 column) where the second is part of the first. A row with
    few placements has each one scored; a wider one is searched column by column (bounded).
    """
    n = min(len(nums), ncols)
    candidates = combinations(range(ncols), n) if _count(ncols, n) <= _ENUMERATED else None
    return _ranked(nums, ncols, relations, hint, expected, within, candidates)


def _ranked(nums: list[Decimal], ncols: int, relations, hint: Placement | None,
            expected: dict[int, set[Decimal]] | None, within, candidates) -> list[Placement]:
    """``candidates`` scored, best first (None: found by the column-by-column search)."""
    if candidates is None:
        candidates = _searched(nums[: min(len(nums), ncols)], ncols, relations, hint, expected, within)
    scored = [(_placement_score(p, nums, relations, hint, expected, within), p) for p in candidates]
    scored.sort(key=lambda sp: -sp[0])
    best = scored[0][0]
    return [p for s, p in scored if s >= best - 1.5][:_KEPT] or [scored[0][1]]


def _placement_score(placement: Placement, nums: list[Decimal], relations, hint: Placement | None,
                     expected: dict[int, set[Decimal]] | None, within) -> float:
    score = _score(placement, nums, relations, hint)
    if expected or within:
        by_col = dict(zip(placement, nums))
        if expected:
            score += sum(2 if by_col.get(col, Decimal(0)) in want else -2 for col, want in expected.items())
        for whole, part in within:
            if part in by_col and by_col[part] > by_col.get(whole, Decimal(0)):
                score -= 10
    return score


def _score(placement: Placement, nums: list[Decimal], relations, hint: Placement | None) -> float:
    by_col = dict(zip(placement, nums))
    score = 0
    for total, parts in relations:  # _relation_score, written out (it runs for every placement of every row)
        present = [by_col[p] for p in parts if p in by_col]
        if total in by_col:
            if not present:
                score -= 6
                continue
            diff = abs(by_col[total] - sum(present))
            score += 10 if diff == 0 else 8 if diff <= _CENT * len(present) else -10
        elif present:
            score -= 6
    if hint is not None and placement == hint:
        score += 1
    # Prefer the earlier columns a little: reports fill from the left.
    return score - 0.001 * sum(placement)


def _relation_score(total: int, parts: list[int], by_col: dict[int, Decimal]) -> float:
    """A 合计 column against its part columns: equal sums score, a total or parts alone cost."""
    present = [by_col[p] for p in parts if p in by_col]
    if total in by_col:
        if not present:
            return -6
        diff = abs(by_col[total] - sum(present))
        if diff == 0:
            return 10
        return 8 if diff <= _CENT * len(present) else -10
    return -6 if present else 0


def _searched(nums: list[Decimal], ncols: int, relations, hint: Placement | None,
              expected: dict[int, set[Decimal]] | None, within) -> list[Placement]:
    """Candidate placements of a row with too many to score one by one: a beam search over the
    columns, left to right, that scores each relation as soon as all its columns are decided and
    keeps the best few partial placements; plus the spacing's hint. Cost: columns × beam."""
    n = len(nums)
    decided: dict[int, list] = {}
    for total, parts in relations:
        decided.setdefault(max(total, *parts), []).append(("relation", total, parts))
    for col, want in (expected or {}).items():
        if col < ncols:
            decided.setdefault(col, []).append(("expected", col, want))
    for whole, part in within:
        decided.setdefault(max(whole, part), []).append(("within", whole, part))
    # Past the last column any term looks at, the cheapest completion fills the next columns.
    horizon = min(ncols, max(decided, default=-1) + 1)
    beam: list[tuple[float, Placement]] = [(0.0, ())]
    for c in range(horizon):
        grown = []
        for score, p in beam:
            if n - len(p) <= ncols - c - 1:
                grown.append((score, p))  # column c left empty
            if len(p) < n:
                grown.append((score - 0.001 * c, (*p, c)))
        terms = decided.get(c)
        if terms:
            grown = [(s + _decided_score(terms, p, nums), p) for s, p in grown]

        def rank(sp: tuple[float, Placement], c=c) -> float:
            # What is left to place costs at least the next columns' preference for the left.
            rest = n - len(sp[1])
            return sp[0] - 0.001 * (rest * (c + 1) + rest * (rest - 1) / 2)

        grown.sort(key=rank, reverse=True)
        beam = grown[:_BEAM]
    found = [(*p, *range(horizon, horizon + n - len(p))) for _, p in beam]
    if hint is not None and len(hint) == n and hint[-1] < ncols:
        found.append(hint)
    return list(dict.fromkeys(found))


def _decided_score(terms, placement: Placement, nums: list[Decimal]) -> float:
    by_col = dict(zip(placement, nums))
    score = 0.0
    for kind, a, b in terms:
        if kind == "relation":
            score += _relation_score(a, b, by_col)
        elif kind == "expected":
            score += 2 if by_col.get(a, Decimal(0)) in b else -2
        elif b in by_col and by_col[b] > by_col.get(a, Decimal(0)):
            score -= 10
    return score


def _resolve(groups, choices: dict[int, list[Placement]], values, ncols: int) -> list:
    """Pick, group by group, the placements that make parents equal the sum of their children.

    A group fixes its open rows only when one combination is strictly best, so that a group
    that cannot tell (a 款 and its single 项 agree either way) leaves the choice to a group above.
    Returns the rows of groups whose exact search ran out of its step budget (placed by the
    row-by-row improvement, or left at their own best placement).
    """
    budget = [_GROUP_WORK]
    unsure: dict[int, object] = {}
    sums = _RowSums(values, ncols)
    vector, printed, zero, scale = sums.vector, sums.printed, sums.zero, sums.scale

    # A group tried every combination of and fixed nothing with: its members' placements then. It
    # fixes nothing again until one of them changes (the trial has no other input), so it is skipped.
    settled: dict[int, tuple] = {}
    changed, passes = True, 0
    while changed and passes < _PASSES:
        changed, passes = False, passes + 1
        for number, (parent, children) in enumerate(groups):
            members = [r for r in [parent, *children] if r.row_no in choices]
            open_rows = [r for r in members if len(choices[r.row_no]) > 1]
            if not open_rows:
                continue
            options = [choices[r.row_no] for r in open_rows]
            total = 1
            for o in options:
                total *= len(o)
                if total > _EXHAUSTIVE:
                    break
            if total <= _EXHAUSTIVE:
                state = tuple(tuple(choices[r.row_no]) for r in members)
                if settled.get(number) == state:
                    continue
            fixed_sum = [zero] * ncols
            fixed = [(child.row_no, choices[child.row_no][0]) for child in children
                     if child.row_no in choices and len(choices[child.row_no]) == 1]
            for row_no, placement in fixed:
                for col, v in enumerate(vector(row_no, placement)):
                    fixed_sum[col] += v
            parent_fixed = parent.row_no in choices and len(choices[parent.row_no]) == 1
            within = sums.tolerance(len(children))
            if total <= _EXHAUSTIVE:
                top = vector(parent.row_no, choices[parent.row_no][0]) if parent_fixed else [zero] * ncols
                scored = [(_combination_score(parent, within, open_rows, combo, top, fixed_sum, vector, printed),
                           combo)
                          for combo in product(*options)]
                scored.sort(key=lambda sc: -sc[0])
            else:
                # Too many rows to try every combination one by one: search the combinations that
                # make every column add up, pruning sums that already overshoot; fix the rows that
                # every such combination places alike.
                as_printed = fixed_sum if scale is None else sums.printed_sum(fixed)
                agreed = _exact(parent, children, open_rows, options, choices, as_printed, values, ncols, budget)
                if agreed is None:
                    unsure.update((r.row_no, r) for r in open_rows)
                elif agreed:
                    for row_no, p in agreed.items():
                        choices[row_no] = [p]
                    changed = True
                    continue
                combo, best = _improved(parent, within, open_rows, options, choices, fixed_sum, vector,
                                        parent_fixed, ncols, budget, zero)
                if budget[0] <= 0:
                    unsure.update((r.row_no, r) for r in open_rows)
                if best < ncols:
                    continue
                scored = [(best, tuple(combo))]
            if scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
                for r, p in zip(open_rows, scored[0][1]):
                    choices[r.row_no] = [p]
                    unsure.pop(r.row_no, None)
                changed = True
            elif total <= _EXHAUSTIVE:
                settled[number] = state
    return list(unsure.values())


class _RowSums:
    """Rows' figures placed in columns, as vectors to add: exact in whole numbers of the smallest
    printed unit (Decimal rounds past 28 digits, so figures too large for that to be sure of are
    added as Decimals, as printed). Each row's vector of a placement is built once."""

    def __init__(self, values: dict[int, list[Decimal]], ncols: int):
        self.values, self.ncols = values, ncols
        self.scale = _whole_scale(values)
        if self.scale is not None:
            self.amounts = {row_no: [int(v * self.scale) for v in nums] for row_no, nums in values.items()}
            self.zero = 0
        else:
            self.amounts, self.zero = values, Decimal(0)
        self._vectors: dict[tuple[int, Placement], list] = {}
        self._figures: dict[tuple[int, Placement], list] = {}

    def tolerance(self, children: int):
        """A cent per child (at least one), in the unit the vectors add in."""
        if self.scale is not None:
            return max(1, children) * int(_CENT * self.scale)
        return _CENT * max(1, children)

    def vector(self, row_no: int, placement: Placement) -> list:
        key = (row_no, placement)
        if key not in self._vectors:
            out = [self.zero] * self.ncols
            for k, col in enumerate(placement):
                out[col] = self.amounts[row_no][k]
            self._vectors[key] = out
        return self._vectors[key]

    def printed_sum(self, rows) -> list[Decimal]:
        """The sum of the rows' vectors as printed (Decimals: the exact search scales them itself)."""
        out = [Decimal(0)] * self.ncols
        for row_no, placement in rows:
            for k, col in enumerate(placement):
                out[col] += self.values[row_no][k]
        return out

    def printed(self, row_no: int, placement: Placement) -> list:
        """(column, amount) of the row's non-zero amounts placed so, in column order."""
        key = (row_no, placement)
        if key not in self._figures:
            self._figures[key] = [(col, v) for col, v in enumerate(self.vector(row_no, placement)) if v]
        return self._figures[key]


def _whole_scale(values: dict[int, list[Decimal]]) -> Decimal | None:
    """10 to the power of the most decimals printed (at least 2, the cent of the tolerance), when
    every figure times it is a whole number small enough that no sum of them reaches Decimal's 28
    digits (each under 10^20, however many are added); None otherwise."""
    places = 2
    for nums in values.values():
        for v in nums:
            if v:
                exponent = v.as_tuple().exponent
                if not isinstance(exponent, int) or exponent < -8 or v.adjusted() >= 12:
                    return None
                places = max(places, -exponent)
    return Decimal(10) ** places


def _combination_score(parent, tolerance, open_rows, combo, top, fixed_sum, vector, printed) -> float:
    """How well a group adds up with the open rows placed as ``combo`` (the parent's row on top)."""
    sums = list(fixed_sum)
    for r, placement in zip(open_rows, combo):
        if r is parent:
            top = vector(r.row_no, placement)
        else:
            for col, v in printed(r.row_no, placement):
                sums[col] += v
    return _agreement(top, sums, tolerance)


def _improved(parent, tolerance, open_rows, options, choices, fixed_sum, vector, parent_fixed,
              ncols: int, budget: list[int], zero=Decimal(0)) -> tuple[list[Placement], float]:
    """Improve the rows' placements one row at a time while the group agrees better (each trial
    changes one row: its vector is taken out of the running sums and the new one put in). Each
    trial spends one unit of ``budget``; the search stops where the budget does."""
    combo = [o[0] for o in options]
    top = vector(parent.row_no, choices[parent.row_no][0]) if parent_fixed else [zero] * ncols
    sums = list(fixed_sum)
    for r, placement in zip(open_rows, combo):
        if r is parent:
            top = vector(r.row_no, placement)
        else:
            for col, v in enumerate(vector(r.row_no, placement)):
                sums[col] += v
    best = _agreement(top, sums, tolerance)
    improved = True
    while improved and budget[0] > 0:
        improved = False
        for i, (r, opts) in enumerate(zip(open_rows, options)):
            budget[0] -= len(opts)
            if budget[0] < 0:
                break
            for placement in opts:
                if r is parent:
                    trial_top, trial_sums = vector(r.row_no, placement), sums
                else:
                    old, new = vector(r.row_no, combo[i]), vector(r.row_no, placement)
                    trial_top, trial_sums = top, [s - a + b for s, a, b in zip(sums, old, new)]
                value = _agreement(trial_top, trial_sums, tolerance)
                if value > best:
                    combo[i], best, improved = placement, value, True
                    top, sums = trial_top, trial_sums
    return combo, best


_MAX_SOLUTIONS = 32
_MAX_STEPS = 200_000


def _exact(parent, children, open_rows, options, choices, fixed_sum, values, ncols: int,
           budget: list[int]) -> dict | None:
    """{row number: placement} for the open rows that all exact solutions of a group place alike;
    {} when they disagree on every row, None when the search ran out of steps (``budget`` holds
    the steps left for the table)."""
    parent_open = any(r is parent for r in open_rows)
    kids = [(r, o) for r, o in zip(open_rows, options) if r is not parent]
    tops = choices.get(parent.row_no, [])
    if not tops:
        return {}
    building = sum(len(o) for o in options) + len(tops)  # the row vectors made below
    if building > budget[0]:
        budget[0] = 0
        return None
    budget[0] -= building
    # Whole numbers in the smallest printed unit keep the search fast and exact. Every placement of
    # a row places the same figures (its first len(placement)), so each row's are scaled once.
    placed = [values[r.row_no][:len(opts[0])] for r, opts in kids] + [values[parent.row_no][:len(tops[0])]]
    every = [v for figures in placed for v in figures] + list(fixed_sum)
    exponent = min((v.as_tuple().exponent for v in every if v), default=0)
    scale = Decimal(10) ** max(0, -exponent)
    scaled = [[int(v * scale) for v in figures] for figures in placed]

    def whole(figures: list[int], placement: Placement) -> tuple[int, ...]:
        out = [0] * ncols
        for k, col in enumerate(placement):
            out[col] = figures[k]
        return tuple(out)

    tolerance = int(Decimal("0.01") * max(1, len(children)) * scale)
    vectors = [[whole(figures, p) for p in opts] for figures, (_, opts) in zip(scaled, kids)]
    negative = any(v < 0 for vs in vectors for vec in vs for v in vec)
    solutions: list[tuple[Placement, tuple[int, ...]]] = []
    limit = min(_MAX_STEPS, budget[0])
    steps = 0
    start = tuple(int(v * scale) for v in fixed_sum)
    for top_p in (tops if parent_open else tops[:1]):
        top = whole(scaled[-1], top_p)
        found, used = _search(vectors, start, top, tolerance, negative, limit - steps, _MAX_SOLUTIONS - len(solutions))
        steps += used
        solutions += [(top_p, picks) for picks in found]
        if steps > limit or len(solutions) >= _MAX_SOLUTIONS:
            break
    budget[0] -= steps
    if steps > limit:
        return None
    if not solutions or len(solutions) >= _MAX_SOLUTIONS:
        return {}
    agreed = {}
    if parent_open and len({s[0] for s in solutions}) == 1:
        agreed[parent.row_no] = solutions[0][0]
    for i, (r, opts) in enumerate(kids):
        picks = {s[1][i] for s in solutions}
        if len(picks) == 1:
            agreed[r.row_no] = opts[picks.pop()]
    return agreed


def _search(vectors: list[list[tuple[int, ...]]], start: tuple[int, ...], top: tuple[int, ...], tolerance: int,
            negative: bool, steps_left: int, wanted: int) -> tuple[list[tuple[int, ...]], int]:
    """Depth-first search (an explicit stack, not recursion: the depth is the number of rows) for
    the picks of one option per row whose vectors add up to ``top``; returns (solutions, steps)."""
    count = len(vectors)
    ceiling = tuple(t + tolerance for t in top)
    solutions: list[tuple[int, ...]] = []
    picked: list[int] = []
    # Each node counts one step: the search stops past ``steps_left``. A node at depth ``count``
    # (one pick per row) is a solution when every column is within ``tolerance`` of ``top``.
    steps = 1
    if steps > steps_left:
        return solutions, steps
    if count == 0:
        if not any(map(tolerance.__lt__, map(abs, map(sub, top, start)))):
            solutions.append(())
        return solutions, steps
    frames = [[0, start, 0]]
    while frames and steps <= steps_left and len(solutions) < wanted:
        frame = frames[-1]
        i, sums, k = frame
        if k == len(vectors[i]):
            frames.pop()
            if picked:
                picked.pop()
            continue
        frame[2] = k + 1
        new = tuple(map(add, sums, vectors[i][k]))
        if not negative and any(map(gt, new, ceiling)):
            continue
        steps += 1
        if steps > steps_left:
            continue
        if i + 1 == count:
            if not any(map(tolerance.__lt__, map(abs, map(sub, top, new)))):
                solutions.append((*picked, k))
            continue
        picked.append(k)
        frames.append([i + 1, new, 0])
    return solutions, steps


_CENT = Decimal("0.01")


def _agreement(top: list, sums: list, tolerance) -> float:
    """How many columns of a parent equal the sum of its children (rounding gaps, up to
    ``tolerance``: a cent for each child, count less; an empty column against printed figures is no
    rounding gap, however small they are)."""
    score = 0.0
    for a, b in zip(top, sums):
        if a == b:
            score += 1 if a else 0.2
        elif a and b and abs(a - b) <= tolerance:
            score += 0.8
    return score
