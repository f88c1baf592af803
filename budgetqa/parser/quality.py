"""How well a report was read: tables recognised of those titled, printed numbers placed in cells of
those seen on table lines, and totals that reconcile with their parts — counted at parse time."""

from __future__ import annotations

import re
from decimal import Decimal

from budgetqa.models import Document, ReadQuality
from budgetqa.parser.headers import table_label_number
from budgetqa.parser.sidebyside_split import codes_apart
from budgetqa.parser.text import compact, is_noise, looks_like_code, split_code, table_numbers


def measure(doc: Document, lines: list[str], spans) -> ReadQuality:
    """The read-quality counts of a parsed document."""
    quality = ReadQuality()
    heads = {t.line - 1: (t.body[0] if t.body else t.line + 12) for t in doc.tables}
    known = [(span.start, max(heads.get(span.start, span.start + 12), span.start + 1)) for span in spans]
    # A title printed twice (表一 … and again under its label) is one table.
    unknown = [i for i in _titles(lines) if not any(a <= i < b for a, b in known)]
    quality.tables_titled = len(spans) + len(unknown)
    quality.tables_read = len(spans)
    for table in doc.tables:
        if table.body is None:
            continue
        # Codes printed apart ("301 01 302", "基本工资 01 办公费"): a bare two-digit number ends a code.
        seen = _numbers_seen(lines, *table.body, codes_apart=codes_apart(lines, *table.body))
        # A 三公 table printed with 机关运行经费 beside it gives two tables from one body.
        placed = sum(1 for t in doc.tables if t.line == table.line for r in t.rows for c in r.cells
                     if table.body[0] < c.line <= table.body[1])
        quality.numbers_seen += max(seen, placed)
        quality.numbers_placed += placed
    for start in unknown:
        quality.numbers_seen += _numbers_seen(lines, start + 1, min(len(lines), start + 40))
    checked, reconciled = _totals(doc)
    quality.totals_checked, quality.totals_reconciled = checked, reconciled
    return quality


_CODE_END = re.compile(r"^\d{2}$")
_PROSE_MARK = re.compile(r"[，。；]|\.{3}|…")
_PART_HEADING = re.compile(r"(?:部门|单位)(?:预算|决算)报?表$|报表$")
_UNIT_LINE = re.compile(r"单\s*位\s*[:：]|金额单位")
_TITLE_SHAPE = re.compile(r"(?:表|明细表|情况表)(?:[（(][^）)]{1,12}[）)])?$")


def _titles(lines: list[str]) -> list[int]:
    """Indexes of lines shaped like a table's title and followed by a unit line: titled tables
    whether or not their family is known (contents entries are not followed by a unit)."""
    out = []
    for i, line in enumerate(lines):
        if not line.rstrip().endswith(("表", "）", ")")):
            continue
        text = compact(line)
        if not 4 <= len(text) <= 60 or not _TITLE_SHAPE.search(text) or _PROSE_MARK.search(text):
            continue
        if table_label_number(line):
            continue  # a label (公开01表) beside a title, not a title
        if "绩效" in text or "目录" in text or _PART_HEADING.search(text):
            continue  # a part's heading (…2024年度部门决算表, 二、部门预算报表), not a table
        if any(_UNIT_LINE.search(lines[j]) for j in range(i + 1, min(len(lines), i + 4))):
            out.append(i)
    return out


def _numbers_seen(lines: list[str], start: int, end: int, codes_apart: bool = False) -> int:
    """Printed amounts on the lines start..end (0-based, end exclusive): no codes, column numbers,
    page numbers or years."""
    count = 0
    for idx in range(start, min(end, len(lines))):
        line = lines[idx]
        if not compact(line) or is_noise(line):
            continue
        code, rest = split_code(line)
        raw = [m.group(1) for m in table_numbers(rest if code else line)]
        if raw and all(r.isdigit() and len(r) <= 2 for r in raw) and len(raw) >= 3:
            continue  # a row of column numbers: 1 2 3 4 5
        count += sum(1 for r in raw if not looks_like_code(r) and not (codes_apart and _CODE_END.match(r)))
    return count


def _totals(doc: Document) -> tuple[int, int]:
    """(totals compared, totals that agree with their parts within rounding)."""
    from budgetqa.findings import ROUNDING, judge
    from budgetqa.parser.columns import hierarchy
    from budgetqa.parser.headers import column_relations

    checked = reconciled = 0

    def compare(stated: Decimal, parts: list[Decimal]) -> None:
        nonlocal checked, reconciled
        checked += 1
        # the check's own rule (checks._compare finds nothing, or a rounding gap)
        if judge(stated, parts) in (None, ROUNDING):
            reconciled += 1

    for table in doc.tables:
        sides = list(table.side_columns) if table.two_sided else [None]
        for side in sides:
            columns = table.columns_for(side)
            rows = [r for r in table.rows if r.side == side]
            # Each row's amount under each column: the first cell of that column, as Row.amount reads it.
            amounts: dict[int, dict[str, Decimal]] = {}
            for row in rows:
                found: dict[str, Decimal] = {}
                for cell in row.cells:
                    found.setdefault(cell.column, cell.amount)
                amounts[id(row)] = found
            relations = column_relations(columns)
            for row in rows:
                found = amounts[id(row)]
                for total, parts in relations:
                    stated = found.get(columns[total])
                    values = [v for v in (found.get(columns[p]) for p in parts) if v is not None]
                    if stated is not None and values:
                        compare(stated, values)
            for parent, children in hierarchy(table, rows):
                for column in columns:
                    stated = amounts[id(parent)].get(column)
                    values = [v for v in (amounts[id(c)].get(column) for c in children) if v is not None]
                    if stated is not None and values:
                        compare(stated, values)
    return checked, reconciled
