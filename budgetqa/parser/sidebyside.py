"""Economic-classification tables printed as two lists side by side on each line.

The 决算 template prints 基本支出 by economic class in two halves: 人员经费 classes (301, 303) on
the left, 公用经费 classes (302, 310) on the right, one "code name amount" run of each per line,
with 人员经费合计 and 公用经费合计 closing the halves. When one half has run out, a line holds one
run only; its code's class tells which half it continues. Long names wrap around the line of
their code as in other tables. Rows are stored half after half, each with the half as category.
"""

from __future__ import annotations

import re
from decimal import Decimal

from budgetqa.models import Cell, Row, Table
from budgetqa.parser import sidebyside_split as split
from budgetqa.parser.rows import EMPTY_NOTE
from budgetqa.parser.text import compact, is_noise, looks_like_code, parent_code, to_decimal

_HANZI = re.compile(r"[\u4e00-\u9fff]")

_CODE = re.compile(r"^\d{3}(?:\d{2})?$")
_AMOUNT = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|0|[1-9]\d*)(?:\.\d+)?$")  # 01 is a code's part


# One "code name amount" run of a line: the same record the codes-apart reader builds.
_Run = split.Entry


def is_side_by_side(header_lines: list[str]) -> bool:
    """True when the header names the classification twice (two lists on each line)."""
    text = compact("".join(header_lines))
    amounts = max(text.count(w) for w in ("决算数", "预算数", "金额"))
    return amounts >= 2 and (text.count("科目名称") >= 2 or text.count("经济分类") >= 2)


def _runs(line: str, line_no: int) -> list[_Run]:
    runs: list[_Run] = []
    current: _Run | None = None
    tokens = line.split()
    for k, token in enumerate(tokens):
        starts = current is None or current.raw is not None
        # A code followed by a name starts a run even where an amount was expected (a blank
        # form prints codes and names with no figures: 301 工资福利支出 302 商品和服务支出).
        named = k + 1 < len(tokens) and _HANZI.match(tokens[k + 1])
        # A code right after a code with neither name nor figure is the other half's code (301 302).
        bare_before = current is not None and current.code and not current.name and current.raw is None
        if _CODE.match(token) and (starts or named or bare_before or looks_like_code(token)):
            current = _Run(token, [], None, line_no)
            runs.append(current)
        elif current is not None and current.code and not current.name and current.raw is None \
                and len(current.code) == 3 and re.fullmatch(r"\d{2}", token):
            current.code += token  # economic codes printed "301 01"
        elif _AMOUNT.match(token) and current is not None and current.raw is None:
            current.raw = token
        else:
            if starts:
                current = _Run(None, [], None, line_no)
                runs.append(current)
            current.name.append(token)
    return runs


def read(table: Table, lines: list[str], header_lines: list[str], start: int, end: int) -> None:
    """Fill ``table`` with the rows of both halves and the single amount column."""
    header = compact("".join(header_lines))
    table.columns = [next((w for w in ("决算数", "预算数", "金额") if w in header), "金额")]
    if split.codes_apart(lines, start, end):
        halves, totals = split.read(lines, start, end)
        both = {side: halves[side] + totals[side] for side in halves}
        table.rows = _rows(table, both, both)
        return
    halves: dict[str, list[_Run]] = {"left": [], "right": []}
    classes = {"left": "", "right": ""}
    left_over = False  # the left half has run out: lone runs continue the right half
    loose: list[str] = []
    last: list[_Run] = []  # runs of the previous line with figures
    for idx in range(start, end):
        line = lines[idx]
        text = compact(line)
        if not text or is_noise(line) or EMPTY_NOTE.search(text) or text.startswith(("注", "说明")):
            continue
        runs = [r for r in _runs(line, idx + 1) if r.raw is not None]
        if not runs:
            loose.append(text)
            continue
        if len(runs) >= 2:
            placed = [("left", runs[0]), ("right", runs[-1])]
        else:
            run = runs[0]
            side = "right" if left_over else "left"
            if run.code and run.code[:3] in (classes["left"], classes["right"]):
                side = "left" if run.code[:3] == classes["left"] else "right"
            left_over = left_over or side == "right"
            placed = [(side, run)]
        for side, run in placed:
            if run.code and len(run.code) == 3:
                classes[side] = run.code
        _share(loose, last, [r for _, r in placed])
        loose = []
        for side, run in placed:
            halves[side].append(run)
        last = [r for _, r in placed]
    _share(loose, last, [])
    table.rows = _rows(table, halves, halves)


def _rows(table: Table, named: dict[str, list[_Run]], halves: dict[str, list[_Run]]) -> list[Row]:
    """Rows of both halves, half after half, each with its half (named by its 合计 line) as category."""
    rows: list[Row] = []
    for side in ("left", "right"):
        runs = halves[side]
        total = next((r for r in named[side] if not r.code and "".join(r.name).endswith("合计")), None)
        category = "".join(total.name)[:-2] if total and len("".join(total.name)) > 2 else None
        for run in runs:
            name = "".join(run.head + run.name + run.tail)
            amount = to_decimal(run.raw or "") or Decimal(0)
            rows.append(Row(
                row_no=len(rows) + 1, name=name, line=run.line, code=run.code,
                parent_code=parent_code(run.code) if run.code and len(run.code) == 5 else None,
                category=category,
                # a row printed without a figure has no cell (the split layout's blank rows)
                cells=[Cell(table.columns[0], amount, run.raw, run.line)] if run.raw is not None else [],
            ))
    return rows


def _share(loose: list[str], above: list[_Run], below: list[_Run]) -> None:
    """Name pieces between two lines of figures: a piece ends a name the row above began above its
    figures, or begins the name of a row below printed without one (as in other tables)."""
    if not loose:
        return
    bare_below = next((r for r in below if r.bare), None)
    headed_above = next((r for r in above if r.head and not r.tail), None)
    if headed_above and (len(loose) >= 2 or bare_below is None):
        headed_above.tail, loose = loose[:1], loose[1:]
    if loose:
        target = bare_below or (below[0] if below else (above[-1] if above else None))
        if target is None:
            return
        if target in below:
            target.head = loose
        else:
            target.tail = target.tail + loose
