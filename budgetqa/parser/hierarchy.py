"""Which rows must add up to which: codes (类 = Σ款 = Σ项), economic classes, project groups,
numbered items of the two-sided tables and the grand totals."""

from __future__ import annotations

import re
from bisect import bisect_left

from budgetqa.models import ECONOMIC_CLASSES, Row, Table
from budgetqa.parser.text import compact

# 经济分类 类 rows of the basic-expenditure table, parents of the rows below them.
GRAND_TOTALS = ("合计", "总计", "部门合计", "本年支出合计", "本年收入合计")


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
        groups += _economic_groups(rows, set(kids))
    if table.kind in ("projects", "projects_carryover") or (
        table.kind == "three_public" and any(r.depth for r in rows)
    ):
        groups += _indented_groups(rows)
    if table.two_sided:
        groups += _item_groups(rows)
    totals = [r for r in rows if not r.code and compact(r.name) in GRAND_TOTALS + SIDE_TOTALS]
    if not totals:
        return groups
    current = [r.row_no for r in rows if compact(r.name) in ("本年收入合计", "本年支出合计")]
    carried = bool(current)
    top_rows = _top_rows(table, rows)
    for r in totals:
        name = compact(r.name)
        if table.two_sided and not _sums_items(name, carried):
            continue  # 总计 = 本年合计 + 结转: the document check compares those
        if table.two_sided and current and min(current) < r.row_no:
            continue  # a 合计 below 本年收入合计 (and the carried rows) is the side's 总计
        if name in SIDE_TOTALS and not table.two_sided:
            continue
        top = top_rows(r)
        if top:
            groups.append((r, top))
    return groups


SIDE_TOTALS = ("收入总计", "支出总计")


def _indented_groups(rows: list[Row]) -> list[tuple[Row, list[Row]]]:
    """Each row over the rows one level deeper below it, up to the next row at its own level or
    above (project groups). One pass with a stack of the rows still open: linear in rows."""
    children: dict[int, list[Row]] = {}
    stack: list[tuple[int, Row]] = []
    for i, s in enumerate(rows):
        while stack and stack[-1][1].depth >= s.depth:
            stack.pop()
        if stack and stack[-1][1].depth == s.depth - 1:
            children.setdefault(stack[-1][0], []).append(s)
        stack.append((i, s))
    return [(rows[i], kids) for i, kids in sorted(children.items())]
_CN_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
_DIGIT_ORDINAL = re.compile(r"^\d+[、.．]")


def _sums_items(name: str, carried: bool) -> bool:
    """In a two-sided table a 本年…合计 row sums the items; 总计 rows do so only when the side
    has no 本年…合计 row (``carried``: something was carried over)."""
    if name in ("本年支出合计", "本年收入合计", "合计", "部门合计"):
        return True
    return not carried


def _item_groups(rows: list[Row]) -> list[tuple[Row, list[Row]]]:
    """一、财政拨款收入 over the 1、2、3、 items printed under it."""
    groups = []
    for i, r in enumerate(rows):
        if not _CN_ORDINAL.match(compact(r.name)):
            continue
        children = []
        for s in rows[i + 1:]:
            if not _DIGIT_ORDINAL.match(compact(s.name)):
                break
            children.append(s)
        if children:
            groups.append((r, children))
    return groups


def _economic_groups(rows: list[Row], coded: set[str]) -> list[tuple[Row, list[Row]]]:
    """Economic classes over their items (when codes did not say it), and 人员经费合计 /
    公用经费合计 over the classes of their half."""
    groups: list[tuple[Row, list[Row]]] = []
    current: Row | None = None
    members: list[Row] = []
    for r in rows:
        if compact(r.name) in ECONOMIC_CLASSES or (r.code and len(r.code) == 3):
            if current and members and current.code not in coded:
                groups.append((current, members))
            current, members = r, []
        elif current and not r.is_total:
            members.append(r)
    if current and members and current.code not in coded:
        groups.append((current, members))
    classes: list[Row] = []
    for r in rows:
        name = compact(r.name)
        if r.code and len(r.code) == 3:
            classes.append(r)
        elif not r.code and name.endswith("合计") and name not in GRAND_TOTALS:
            if classes:
                groups.append((r, classes))
            classes = []
    return groups


def _top_rows(table: Table, rows: list[Row]):
    """total row -> the rows it sums: 类 rows, economic classes, or a side's numbered items
    before it (worked out once per table, so that many total rows cost no more than one)."""
    if any(r.code for r in rows):
        classes = [r for r in rows if r.code and len(r.code) == 3]
        return lambda total: classes
    if table.kind == "basic_economic":
        named = [r for r in rows if compact(r.name) in ECONOMIC_CLASSES]
        return lambda total: named
    if table.two_sided:
        items = sorted((r for r in rows if _CN_ORDINAL.match(compact(r.name)) and not r.is_total),
                       key=lambda r: r.row_no)
        numbers = [r.row_no for r in items]
        return lambda total: items[:bisect_left(numbers, total.row_no)]
    if table.kind == "operating_cost":
        others = [r for r in rows if not r.is_total]  # a grand total is itself a total row
        return lambda total: others
    return lambda total: []
