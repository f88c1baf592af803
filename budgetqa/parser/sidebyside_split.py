"""Two lists side by side, printed with codes, names and figures on lines of their own.

A PDF extractor gives some 决算 reports' 基本支出 table one printed row as several lines: the two
codes ("301 01 302"), then the two names with the right code's last two digits between them
("基本工资 01 办公费"), then the two figures ("262.33 21.21"); a figure may stand on the names'
line ("津贴补贴 1,238.58 02 印刷费"), a long name may begin on the codes' line and end below.
Each line's left part belongs to the left list, its right part to the right list. A line that
holds one figure or one piece of a name and nothing to tell its half by goes to the half that
still lacks it, left first; where both lack a figure, the table's own sums decide (each 类 the sum
of its 款, each half's 合计 the sum of its 类), and without a clear answer the left keeps it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal

from budgetqa.parser.text import compact, is_noise, to_decimal

_CLASS = re.compile(r"^\d{3}$")
_SUFFIX = re.compile(r"^\d{2}$")
_AMOUNT = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|0|[1-9]\d*)(?:\.\d+)?$")
_HANZI = re.compile(r"[\u4e00-\u9fff]")
# More undecided figures than this are left where they fell (2^n assignments are tried).
_MOST_UNDECIDED = 14


@dataclass
class Entry:
    """One row of one half: its code, name pieces and printed figure."""

    code: str | None
    name: list[str]
    raw: str | None
    line: int
    head: list[str] = field(default_factory=list)
    tail: list[str] = field(default_factory=list)
    begun_above: bool = False  # the name began on the codes' line (so it may end below)

    @property
    def bare(self) -> bool:
        """A code printed with no name beside it."""
        return bool(self.code) and not self.name


def _codes_only(tokens: list[str]) -> bool:
    return bool(tokens) and all(_CLASS.match(t) or _SUFFIX.match(t) for t in tokens) \
        and sum(bool(_CLASS.match(t)) for t in tokens) >= 2


def codes_apart(lines: list[str], start: int, end: int) -> bool:
    """True when rows print their two codes on a line of their own ("301 302", "301 01 302")."""
    return sum(_codes_only(lines[i].split()) for i in range(start, end)) >= 3


def _take(entry: Entry, tokens: list[str]) -> None:
    for token in tokens:
        if _AMOUNT.match(token) and entry.raw is None:
            entry.raw = token
        else:
            entry.name.append(token)


def _code(tokens: list[str], k: int) -> tuple[str, int]:
    """The code at ``tokens[k]`` with its last two digits when printed apart, and the next index."""
    if k + 1 < len(tokens) and _SUFFIX.match(tokens[k + 1]):
        return tokens[k] + tokens[k + 1], k + 2
    return tokens[k], k + 1


def read(lines: list[str], start: int, end: int) -> tuple[dict[str, list[Entry]], dict[str, list[Entry]]]:
    """The entries of both halves and their 合计 lines."""
    halves: dict[str, list[Entry]] = {"left": [], "right": []}
    totals: dict[str, list[Entry]] = {"left": [], "right": []}
    classes = {"left": "", "right": ""}
    left_over = False
    undecided: list[tuple[Entry, Entry]] = []  # (left, right) entries of a lone figure put on the left
    block: dict[str, Entry] = {}
    for idx in range(start, end):
        line = lines[idx]
        text = compact(line)
        tokens = line.split()
        # a class code alone on its line ("302" above "40 税金及附加费用") is no page number
        # nor the last two digits of a code printed apart ("310" "07" "信息网络……")
        digits = bool(block) and bool(_SUFFIX.match(text))
        if not text or (is_noise(line) and not digits and not _lone_code(lines, idx, end)) \
                or text.startswith(("注", "说明")):
            continue
        if "合计" in text:
            _totals(tokens, idx + 1, totals)
            block = {}
            continue
        if _CLASS.match(tokens[0]):
            block = _open(tokens, idx + 1, classes, left_over)
            if "left" not in block:
                left_over = True
            for side, entry in block.items():
                halves[side].append(entry)
                if len(entry.code or "") == 3:
                    classes[side] = entry.code
            continue
        if not block:
            continue
        _continue(block, tokens, undecided)
    _decide(halves, totals, undecided)
    return halves, totals


def _lone_code(lines: list[str], idx: int, end: int) -> bool:
    if not _CLASS.match(lines[idx].strip()):
        return False
    below = next((lines[k].split() for k in range(idx + 1, end) if lines[k].strip()), [])
    return bool(below) and bool(_SUFFIX.match(below[0]) or _HANZI.match(below[0]))


def _open(tokens: list[str], line_no: int, classes: dict[str, str], left_over: bool) -> dict[str, Entry]:
    """The entries a codes' line opens: one per half, or one when a half has run out."""
    code, k = _code(tokens, 0)
    second = next((j for j in range(k, len(tokens)) if _CLASS.match(tokens[j])), None)
    first = Entry(code, [], None, line_no)
    if second is None:
        _take(first, tokens[k:])
        first.begun_above = bool(first.name)
        if code[:3] in (classes["left"], classes["right"]):
            side = "left" if code[:3] == classes["left"] else "right"
        else:
            side = "right" if left_over else "left"
        return {side: first}
    _take(first, tokens[k:second])
    first.begun_above = bool(first.name)
    right_code, k = _code(tokens, second)
    right = Entry(right_code, [], None, line_no)
    _take(right, tokens[k:])
    right.begun_above = bool(right.name)
    return {"left": first, "right": right}


def _continue(block: dict[str, Entry], tokens: list[str], undecided: list[tuple[Entry, Entry]]) -> None:
    """Give a line's tokens to the entries of the row being read."""
    right = block.get("right")
    if len(block) == 1:
        entry = next(iter(block.values()))
        if len(entry.code or "") == 3 and _SUFFIX.match(tokens[0]):
            entry.code += tokens[0]
            tokens = tokens[1:]
        _take(entry, tokens)
        return
    left = block["left"]
    pending = len(right.code or "") == 3 and len(left.code or "") > 3 or (
        len(right.code or "") == 3 and not right.name and not right.raw)
    suffix = next((k for k, t in enumerate(tokens) if _SUFFIX.match(t)), None) if pending else None
    if suffix is not None:
        _take(left, tokens[:suffix])
        right.code += tokens[suffix]
        _take(right, tokens[suffix + 1:])
        return
    amounts = [k for k, t in enumerate(tokens) if _AMOUNT.match(t)]
    if len(amounts) >= 2 or (amounts and amounts[0] < len(tokens) - 1):
        # two figures, or a figure then a name: the left part ends with the first figure
        _take(left, tokens[:amounts[0] + 1])
        _take(right, tokens[amounts[0] + 1:])
        return
    if tokens == [tokens[0]] and amounts:
        if left.raw is None and right.raw is None:
            left.raw = tokens[0]
            undecided.append((left, right))
        else:
            _take(left if left.raw is None else right, tokens)
        return
    # pieces of a name (with the figure after them): the half whose name began on the codes' line
    side = right if right.begun_above and not left.begun_above else left
    _take(side, tokens)


def _totals(tokens: list[str], line_no: int, totals: dict[str, list[Entry]]) -> None:
    """人员经费合计 2,152.26 公用经费合计 184.65: name then figure, left then right."""
    entries: list[Entry] = []
    for token in tokens:
        if _AMOUNT.match(token) and entries and entries[-1].raw is None:
            entries[-1].raw = token
        elif _HANZI.search(token):
            if not entries or entries[-1].raw is not None:
                entries.append(Entry(None, [], None, line_no))
            entries[-1].name.append(token)
    for side, entry in zip(("left", "right"), entries):
        totals[side].append(entry)


def _decide(halves: dict[str, list[Entry]], totals: dict[str, list[Entry]],
            undecided: list[tuple[Entry, Entry]]) -> None:
    """Move lone figures to the right where that makes the table's sums hold better."""
    if not undecided or len(undecided) > _MOST_UNDECIDED:
        return
    raws = [left.raw for left, _ in undecided]
    best, best_error = None, None
    for choice in itertools.product((False, True), repeat=len(undecided)):
        for (left, right), raw, to_right in zip(undecided, raws, choice):
            left.raw, right.raw = (None, raw) if to_right else (raw, None)
        error = _misfit(halves, totals)
        if best_error is None or error < best_error - Decimal("0.005"):
            best, best_error = choice, error
    for (left, right), raw, to_right in zip(undecided, raws, best):
        left.raw, right.raw = (None, raw) if to_right else (raw, None)


def _misfit(halves: dict[str, list[Entry]], totals: dict[str, list[Entry]]) -> Decimal:
    """How far the table's sums are from holding: each 类 against its 款, each 合计 against its 类."""
    error = Decimal(0)
    for side, entries in halves.items():
        figures = {e.code: to_decimal(e.raw or "") or Decimal(0) for e in entries if e.code}
        classes = [c for c in figures if len(c) == 3]
        for cls in classes:
            parts = [v for c, v in figures.items() if len(c) == 5 and c.startswith(cls)]
            if parts:
                error += abs(figures[cls] - sum(parts))
        for total in totals[side]:
            if classes:
                error += abs((to_decimal(total.raw or "") or Decimal(0)) - sum(figures[c] for c in classes))
    return error
