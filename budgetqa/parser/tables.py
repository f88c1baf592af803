"""Find the financial tables of a report and read their rows (labels, codes, printed numbers)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from budgetqa.models import Row, Table
from budgetqa.parser import headers
from budgetqa.parser.columns import assign_columns
from budgetqa.parser.text import (
    code_level,
    compact,
    is_noise,
    parent_code,
    split_code,
    starts_with_ordinal,
    table_numbers,
    to_decimal,
)

_UNIT = re.compile(r"单\s*位\s*[:：]\s*(万元|元|千元|亿元)")
_DEPARTMENT = re.compile(r"(?:部门名称|单位名称|编制单位|预算单位|部门)\s*[:：]\s*(\S+?)\s*(?:单\s*位\s*[:：]|$)")
_EMPTY_NOTE = re.compile(r"本表无数据|故本表为空|本表为空|无数据")
_SECTION = re.compile(r"^第[一二三四五六七八九十]+部分")


@dataclass
class Piece:
    """A run of label text followed by the numbers printed after it on one line."""

    label: str
    numbers: list[tuple[str, int]]  # (raw text, column offset in line)
    tail: str  # the text after the label: numbers and the spaces between them
    line: int


@dataclass
class RawRow:
    """A row before its numbers are placed in columns."""

    label: str
    line: int
    values: list[tuple[str, int]] = field(default_factory=list)  # (raw, line)
    tail: str = ""
    side: str | None = None
    indent: int = 0


@dataclass
class TableSpan:
    """Where a table lies in the text."""

    kind: str
    number: int | None
    title: str
    start: int  # index of the title line
    end: int  # index one past the last line


def find_tables(lines: list[str]) -> list[TableSpan]:
    """Locate financial tables by their titles (confirmed by a 单位 line close below)."""
    spans: list[TableSpan] = []
    i = 0
    n = len(lines)
    while i < n:
        found = headers.classify_title(lines[i])
        if not found or not _confirmed(lines, i):
            i += 1
            continue
        kind, number, title = found
        if number is None:
            number = _label_number_near(lines, i)
        # Skip the repeated title and labels up to the unit line.
        j = i + 1
        while j < n and j < i + 12 and not _UNIT.search(lines[j]):
            j += 1
        spans.append(TableSpan(kind, number, title, i, n))
        i = j + 1
    for a, b in zip(spans, spans[1:]):
        a.end = b.start
    return spans


def _confirmed(lines: list[str], i: int) -> bool:
    """A title is a table's (not a contents entry's) when its unit line follows closely."""
    for j in range(i + 1, min(len(lines), i + 12)):
        if _UNIT.search(lines[j]):
            return True
        if j > i + 1 and headers.classify_title(lines[j]) and headers.classify_title(lines[j])[0] != headers.classify_title(lines[i])[0]:
            return False
    return False


def _label_number_near(lines: list[str], i: int) -> int | None:
    for j in range(max(0, i - 3), min(len(lines), i + 6)):
        number = headers.table_label_number(lines[j])
        if number:
            return number
    return None


def read_table(lines: list[str], span: TableSpan, stop_at: int | None = None) -> tuple[Table, str]:
    """Read one table: unit, columns, rows with their numbers in columns; also the department."""
    end = stop_at if stop_at is not None else span.end
    unit, department = "万元", ""
    header_lines: list[str] = []
    body_start = end
    for idx in range(span.start + 1, end):
        line = lines[idx]
        text = compact(line)
        if not text or is_noise(line):
            continue
        m = _UNIT.search(line)
        if m:
            unit = m.group(1)
        d = _DEPARTMENT.search(line)
        if d and not department:
            department = d.group(1)
        if m or d or headers.table_label_number(line) or headers.classify_title(line):
            continue
        if _is_body_line(line, span.kind):
            body_start = idx
            break
        header_lines.append(line)
    table = Table(
        no=span.number or headers.STANDARD_NUMBER.get(span.kind, 0),
        kind=span.kind,
        title=span.title,
        unit=unit,
        line=span.start + 1,
    )
    body_end = _body_end(lines, body_start, end)
    table.closed = body_end < len(lines) and any(compact(l) and not is_noise(l) for l in lines[body_end:])
    header_text = "\n".join(header_lines)
    note_lines = [compact(lines[k]) for k in range(span.start, end)]
    table.empty = any(_EMPTY_NOTE.search(t) for t in note_lines if t.startswith(("注", "说明")) or "本表无数据" in t)
    if span.kind in headers.TWO_SIDED:
        left, right = headers.split_two_sided_header(header_text)
        table.side_columns = {
            "收入": headers.build_columns(headers.header_terms(left)) or ["金额"],
            "支出": headers.build_columns(headers.header_terms(right)) or ["金额"],
        }
        table.columns = [c for side in table.side_columns.values() for c in side]
    else:
        table.columns = headers.build_columns(headers.header_terms(header_text))
    with_category = "政府预算支出经济科目" in compact(header_text)
    raw_rows = collect_rows(lines, body_start, body_end, two_sided=table.two_sided)
    table.rows = build_rows(table, raw_rows, with_category)
    assign_columns(table, raw_rows)
    return table, department


def _is_body_line(line: str, kind: str) -> bool:
    text = compact(line)
    if _EMPTY_NOTE.search(text) or text.startswith(("注", "说明")):
        return True
    code, rest = split_code(line)
    if code and rest:
        return True
    if "".join(headers.header_terms(text)) == text:
        return False  # a line of column words only
    if text.startswith(("合计", "总计", "部门合计", "因公出国", "本年收入", "收入总计")):
        return True
    if starts_with_ordinal(text) and len(text) > 3 and not text[0].isdigit():
        return True
    nums = table_numbers(line)
    if nums:
        raw = [m.group(1) for m in nums]
        # A row of column numbers (1 2 3 4 5) is part of the header.
        if all(r.isdigit() and len(r) <= 2 for r in raw):
            return False
        return True
    return False


def _body_end(lines: list[str], start: int, end: int) -> int:
    for idx in range(start, end):
        text = compact(lines[idx])
        if _SECTION.match(text) and "报表" not in text and "表" not in text[-3:]:
            return idx
        if "绩效目标表" in text and len(text) < 60:
            return idx
        if re.match(r"^[一二三四五六七八九十]+、", text) and len(text) > 40 and "，" in text:
            return idx
    return end


def split_pieces(line: str, line_no: int) -> list[Piece]:
    """Cut a line into label + numbers runs (two-sided tables print two runs on a line)."""
    matches = table_numbers(line)
    pieces: list[Piece] = []
    pos, k = 0, 0
    while pos < len(line):
        label_end = matches[k].start(1) if k < len(matches) else len(line)
        label = line[pos:label_end]
        nums: list[re.Match[str]] = []
        while k < len(matches):
            m = matches[k]
            if nums and line[nums[-1].end(1):m.start(1)].strip():
                break
            nums.append(m)
            k += 1
        next_label = len(line)
        if nums:
            rest = line[nums[-1].end(1):]
            if rest.strip():
                next_label = nums[-1].end(1) + len(rest) - len(rest.lstrip())
        tail = line[pos + len(label.rstrip()):next_label]
        pieces.append(Piece(label.strip(), [(m.group(1), m.start(1)) for m in nums], tail, line_no))
        pos = next_label
    return pieces


def collect_rows(lines: list[str], start: int, end: int, two_sided: bool) -> list[RawRow]:
    """Join wrapped labels and value lines into raw rows, keeping the whitespace after labels."""
    rows: list[RawRow] = []
    pending: RawRow | None = None
    padded = any(l.endswith(" ") for l in lines[start:end])

    def flush() -> None:
        nonlocal pending
        if pending is not None:
            rows.append(pending)
            pending = None

    for idx in range(start, end):
        line = lines[idx]
        text = compact(line)
        if is_noise(line) and not table_numbers(line):
            continue
        if _EMPTY_NOTE.search(text) or text.startswith(("注：", "注:", "说明：", "说明:")):
            continue
        if headers.table_label_number(line) or headers.classify_title(line):
            continue
        if _SECTION.match(text) and "报表" in text:
            continue
        if not text:
            if line and pending is not None:  # a line of spaces: the pending row's empty cells
                pending.tail = line
                flush()
            continue
        indent = len(line) - len(line.lstrip(" \u3000"))
        code, rest = split_code(line)
        if code:
            pieces = split_pieces(rest, idx + 1)
            if pieces:
                pieces[0].label = f"{code} {pieces[0].label}".strip()
            else:
                pieces = [Piece(code, [], "", idx + 1)]
        else:
            pieces = split_pieces(line, idx + 1)
        if two_sided:
            pieces = [q for p in pieces for q in _split_labels(p)]
        for p_i, piece in enumerate(pieces):
            label = piece.label
            if not label and piece.numbers and pending is not None:
                pending.values = [(raw, idx + 1) for raw, _ in piece.numbers]
                pending.tail = piece.tail
                flush()
                continue
            if not label and piece.numbers and rows:
                # Numbers alone on a line: the previous row's values wrapped down.
                prev = rows[-1]
                if not prev.values:
                    prev.values = [(raw, idx + 1) for raw, _ in piece.numbers]
                    prev.tail = piece.tail
                continue
            new_row = _starts_row(label)
            if pending is not None and not new_row:
                pending.label += label.strip()
                if piece.numbers:
                    pending.values = [(raw, idx + 1) for raw, _ in piece.numbers]
                    pending.tail = piece.tail
                    flush()
                elif padded and line.endswith(" "):
                    pending.tail = piece.tail
                    flush()
                continue
            flush()
            row = RawRow(label.strip(), idx + 1, indent=indent if p_i == 0 else 0)
            if piece.numbers:
                row.values = [(raw, idx + 1) for raw, _ in piece.numbers]
                row.tail = piece.tail
                rows.append(row)
            elif padded and not line.endswith(" ") and p_i == len(pieces) - 1:
                pending = row  # the label goes on on the next line
            else:
                row.tail = piece.tail
                rows.append(row)
    flush()
    return rows


_SECOND_LABEL = re.compile(
    r"\s+(?=[一二三四五六七八九十]+、|本年支出合计|支出总计|年终结转|年末结转|结转下年)"
    r"|(?<=[^\s])(?=年终结转|年末结转|结转下年)"
)


def _split_labels(piece: Piece) -> list[Piece]:
    """Two labels with no number between them ('二、政府性基金预算  二、外交支出')."""
    parts = [p for p in _SECOND_LABEL.split(piece.label) if p.strip()]
    if len(parts) <= 1:
        return [piece]
    out = [Piece(p.strip(), [], " ", piece.line) for p in parts[:-1]]
    out.append(Piece(parts[-1].strip(), piece.numbers, piece.tail, piece.line))
    return out


def _starts_row(label: str) -> bool:
    text = compact(label)
    if not text:
        return False
    code, rest = split_code(label)
    if code and rest:
        return True
    return starts_with_ordinal(text) or text.startswith(("合计", "总计", "本年", "上年", "收入总计", "支出总计", "年终", "年末", "年初"))


def build_rows(table: Table, raw_rows: list[RawRow], with_category: bool) -> list[Row]:
    """Turn raw rows into model rows: code, name, level, parent, side and category."""
    rows: list[Row] = []
    for n, raw in enumerate(raw_rows, start=1):
        code, name = split_code(raw.label)
        name = compact(name) if re.search(r"[\u4e00-\u9fff]", name) else name
        category = None
        if with_category and " " in raw.label.strip():
            first, _, second = raw.label.strip().partition(" ")
            name, category = compact(first), compact(second) or None
        row = Row(
            row_no=n,
            name=name,
            line=raw.line,
            code=code,
            level=code_level(code) if code and table.kind != "basic_economic" else None,
            parent_code=parent_code(code) if code and len(code) in (5, 7) else None,
            category=category,
        )
        if table.two_sided:
            row.side = raw.side = side_of(name, raw)
        rows.append(row)
    _set_depths(table, rows, raw_rows)
    return rows


_EXPENSE_WORDS = ("支出", "预备费", "结转下年", "年终结转", "年末结转", "结余分配")


def side_of(name: str, raw: RawRow) -> str:
    """收入 or 支出 for a row of a two-sided table, from its label."""
    text = compact(name)
    if "支出" in text or any(w in text for w in _EXPENSE_WORDS):
        return "支出"
    return "收入"


def _set_depths(table: Table, rows: list[Row], raw_rows: list[RawRow]) -> None:
    if table.kind not in ("projects", "projects_carryover"):
        return
    indents = sorted({r.indent for r in raw_rows})
    for row, raw in zip(rows, raw_rows):
        row.depth = indents.index(raw.indent) if raw.indent in indents else 0
