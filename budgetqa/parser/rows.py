"""Rows of a table body: labels, codes and printed numbers, with wrapped names joined."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from budgetqa.lexicon import EMPTY_NOTE
from budgetqa.models import Row, Table
from budgetqa.parser import headers
from budgetqa.parser.text import (
    code_level,
    compact,
    is_noise,
    looks_like_code,
    parent_code,
    split_code,
    starts_with_ordinal,
    table_numbers,
    to_decimal,
)

_HANZI = re.compile(r"[\u4e00-\u9fff]")
_FIGURE_CHARS = re.compile(r"[\d,.\-\s]")

SECTION = re.compile(r"^第[一二三四五六七八九十]+部分")
_CODE_ONLY = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
_NON_SPACE = re.compile(r"\S")


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
            # The next label starts at the first character after the numbers that is not a space
            # (searched from there, not by copying the rest of the line: linear in giant lines).
            more = _NON_SPACE.search(line, nums[-1].end(1))
            if more:
                next_label = more.start()
        tail = line[pos + len(label.rstrip()):next_label]
        pieces.append(Piece(label.strip(), [(m.group(1), m.start(1)) for m in nums], tail, line_no))
        pos = next_label
    return pieces


def _skipped(line: str, text: str, repeated: set[str], decimals: bool = False) -> bool:
    """Lines inside a table body that are not rows: notes, titles, repeated page headers, and page
    numbers (a small whole number alone on its line, where the table prints decimals)."""
    if is_noise(line) and (not table_numbers(line) or (decimals and text.isdigit()) or not text.isdigit()):
        return True  # (- 22 - and 第 3 页 are page numbers whatever the table prints)
    if EMPTY_NOTE.search(text) or text.startswith(("注：", "注:", "说明：", "说明:")):
        return True
    if headers.table_label_number(line) or headers.classify_title(line):
        return True
    if SECTION.match(text) and "报表" in text:
        return True
    return text in repeated


def _line_pieces(line: str, idx: int, two_sided: bool) -> list[Piece]:
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
    return pieces


def collect_rows(lines: list[str], start: int, end: int, two_sided: bool, repeated: set[str] = frozenset(),
                 income_columns: int = 1, expenditure_columns: int = 1, columns: int = 0) -> list[RawRow]:
    """Join wrapped labels and value lines into raw rows, keeping the whitespace after labels.

    ``income_columns``: how many figure columns the income side of a two-sided table has (a line
    of figures below a line of two names gives the income name at most that many), and
    ``expenditure_columns`` the other side's; ``columns``: how many a one-sided table has (0:
    not known)."""
    if not two_sided and any(lines[i].lstrip()[:1].isdigit() and (_bare_code(lines[i]) or _lone_code(lines, i, start, end))
                             for i in range(start, end)):
        return collect_centered(lines, start, end, repeated, columns)
    reader = _RowReader(lines, start, end, two_sided, income_columns, expenditure_columns)
    decimals = prints_decimals(lines, start, end)
    gap = False  # a blank line since the last line read
    # Whitespace is no signal here: extractors differ in gaps and trailing spaces. A row starts
    # with a code, an ordinal or a total's word, or with a name beside its figures; other text
    # goes on the name of the row being read, ends the name of the row above (printed below its
    # figures), or begins the next row's (printed above figures standing alone).
    for idx in range(start, end):
        line = lines[idx]
        text = compact(line)
        if not text:
            gap = True
            continue
        if _skipped(line, text, repeated, decimals) and not reader.completes_cut_name(text):
            continue
        # Where rows stand a blank line apart, a name after a blank line is a row of its own.
        apart, gap = reader.spaced and gap, False
        reader.read_line(line.replace("\f", ""), idx, apart)  # a page break is not indentation
    reader.flush()
    rows = reader.rows
    if not _spacing_counts_cells(lines, start, end):
        for row in rows:
            row.tail = ""  # wide or uneven gaps: the spaces between figures say nothing of empty cells
    return rows


class _RowReader:
    """The rows read so far, and the row whose name is printed and whose figures may follow."""

    def __init__(self, lines: list[str], start: int, end: int, two_sided: bool, income_columns: int = 1,
                 expenditure_columns: int = 1) -> None:
        self.lines, self.end, self.two_sided = lines, end, two_sided
        self.income_columns = max(income_columns, 1)
        self.expenditure_columns = max(expenditure_columns, 1)
        self.line_rows: list[RawRow] = []  # the rows begun on the last line read
        self.spaced = _double_spaced(lines, start, end)
        self.rows: list[RawRow] = []
        self.pending: RawRow | None = None
        self.last_line = -1  # index of the last line that gave rows

    def flush(self) -> None:
        if self.pending is not None:
            self.rows.append(self.pending)
            self.pending = None

    def read_line(self, line: str, idx: int, apart: bool) -> None:
        indent = len(line) - len(line.lstrip(" \u3000"))
        pieces = _line_pieces(line, idx, self.two_sided)
        starts = [p for p in pieces if p.label]
        previous, self.line_rows = self.line_rows, []
        for p_i, piece in enumerate(pieces):
            values = [(raw, idx + 1) for raw, _ in piece.numbers]
            if not piece.label and values:
                self._figures_alone(values, piece.tail, idx, previous if p_i == 0 else [])
                continue
            new_row = _starts_row(piece.label) or (apart and p_i == 0 and not pending_wants_name(self.pending))
            if not new_row and self._continues(piece, values, len(pieces), idx, indent):
                continue
            self.flush()
            row = RawRow(piece.label.strip(), idx + 1, indent=indent if p_i == 0 else 0, tail=piece.tail)
            two_rows = self.two_sided and len(starts) >= 2
            if two_rows:
                row.side = "收入" if piece is starts[0] else "支出" if piece is starts[-1] else None
            self.line_rows.append(row)
            if values:
                row.values = values
                self.rows.append(row)
            elif p_i == len(pieces) - 1 and not two_rows:
                self.pending = row  # its name may go on, its figures may follow
            else:
                self.rows.append(row)
        self.last_line = idx

    def completes_cut_name(self, text: str) -> bool:
        """True when ``text`` is the rest of a two-sided table's name cut on the line above (款
        after 二、政府性基金预算财政拨), though the header printed the same piece."""
        recent = self.rows + ([self.pending] if self.pending is not None else [])
        return self.two_sided and bool(recent) and recent[-1].line - 1 == self.last_line \
            and _cut_row(recent, text) is not None

    def _figures_alone(self, values, tail: str, idx: int, above: list[RawRow]) -> None:
        """Figures on a line of their own: the figures of the name(s) printed on the line above."""
        waiting = [r for r in above if not r.values and r is not self.pending]
        if self.pending is not None:
            self.pending.values, self.pending.tail = values, tail
            self.flush()
        elif self.two_sided and len(waiting) == 2 and len(values) >= 2:
            # A line of two names (income, expenditure), then the line of their figures: the
            # left figures are the income side's, the rest the expenditure side's.
            income, spending = waiting
            k = min(self.income_columns, len(values) - 1)
            income.values, spending.values = values[:k], values[k:]
            income.tail = " " + " ".join(raw for raw, _ in values[:k])
            spending.tail = " " + " ".join(raw for raw, _ in values[k:])
        elif self.two_sided and len(waiting) == 1:
            # One name of the line above still wants its figures (the other's stood beside it).
            waiting[0].values, waiting[0].tail = values, tail
        elif self.two_sided and above and not waiting and above[-1].side == "支出" \
                and len(above[-1].values) + len(values) <= self.expenditure_columns:
            # The expenditure side's figures went on below the line of its name and first figure
            # (本年支出合计 2,940.05 / 2,940.05): the rest of that row's columns.
            above[-1].values = above[-1].values + values
            above[-1].tail = above[-1].tail.rstrip() + " " + tail.strip()
        elif self.rows and not self.rows[-1].values:
            # Numbers alone on a line: the previous row's values wrapped down.
            self.rows[-1].values, self.rows[-1].tail = values, tail
        elif not self.rows:
            # One line of figures without a name: the table's only (total) row.
            self.rows.append(RawRow("合计", idx + 1, values, tail))

    def _continues(self, piece: Piece, values, count: int, idx: int, indent: int) -> bool:
        """True when a piece of text that starts no row was taken as part of a name."""
        label = piece.label.strip()
        if self.pending is not None and self.two_sided and not values:
            # A piece that completes the other side's name cut on the line above, not this one's.
            cut = _cut_row(self.rows + [self.pending], label)
            if cut is not None and cut is not self.pending:
                cut.label += label
                return True
        if self.pending is not None:
            self.pending.label += label  # the name goes on
            if values:
                self.pending.values, self.pending.tail = values, piece.tail
                self.flush()
            return True
        rows = self.rows
        if values or not rows or count != 1 or rows[-1].line - 1 > self.last_line:
            return False
        # (Where rows stand apart, a line right under a row's figures is the rest of its name.)
        if rows[-1].values and not self.spaced and _figures_follow(self.lines, idx + 1, self.end):
            self.pending = RawRow(label, idx + 1, indent=indent)  # a name above its figures
            return True
        # The previous row's name wrapped onto this line (in a two-sided table, the name of that
        # line that stops short of a whole word: 一、一般公 / 共预算).
        _wrapped_row(rows, self.two_sided, label).label += label
        return True


def _spacing_counts_cells(lines: list[str], start: int, end: int) -> bool:
    """True when one space stands between the figures of a full row (so that more spaces stand for
    empty cells, as the seed's extractor prints them); False for column-aligned or uneven layouts."""
    runs = []
    for idx in range(start, end):
        numbers = table_numbers(lines[idx])
        runs.append([lines[idx][a.end(1):b.start(1)] for a, b in zip(numbers, numbers[1:])])
    widest = max((len(r) for r in runs), default=0)
    gaps = [g for r in runs if len(r) == widest for g in r]
    return bool(gaps) and all(g == " " for g in gaps)


_WHOLE_END = ("支出", "收入", "资金", "预算", "合计", "总计", "结余", "结转", "拨款", "分配", "安排", "经费", "费", "费用")


def _wrapped_row(rows: list[RawRow], two_sided: bool, piece: str) -> RawRow:
    """The row whose name a line of text goes on: the last one, or in a two-sided table the one of
    the last line whose name does not end a word (else the left one, unless that would say a word
    twice: 年终结转 / 结转)."""
    if not two_sided:
        return rows[-1]
    same = [r for r in rows if r.line == rows[-1].line]
    cut = [r for r in same if not compact(r.label).endswith(_WHOLE_END)]
    if cut:
        return cut[0]
    earlier = _cut_row(rows, piece)
    if earlier is not None:
        return earlier
    plain = [r for r in same if not compact(r.label).endswith(compact(piece))]
    return (plain or same)[0]


def _cut_row(rows: list[RawRow], piece: str) -> RawRow | None:
    """A numbered name of the last few lines cut short of a whole word, that ``piece`` completes
    (二、政府性基金预算财政拨 / 二、外交支出 / 款): the other side's name stood on the line between."""
    last = rows[-1].line
    for row in reversed(rows):
        if row.line < last - 2:
            break
        label = compact(row.label)
        if row.values or not starts_with_ordinal(label) or label.endswith(_WHOLE_END):
            continue
        if compact(label + piece).endswith(_WHOLE_END):
            return row
    return None


def pending_wants_name(row: RawRow | None) -> bool:
    """True for a row whose name was cut in the middle of a word (it ends with an open bracket)."""
    return row is not None and row.label.rstrip().endswith(("（", "(", "、"))


def _double_spaced(lines: list[str], start: int, end: int) -> bool:
    """True when most lines of text are followed by a blank line (an extractor's double spacing)."""
    content = [i for i in range(start, end) if compact(lines[i])]
    if len(content) < 4:
        return False
    apart = sum(1 for i in content if i + 1 < end and not compact(lines[i + 1]))
    return apart * 2 >= len(content)


def prints_decimals(lines: list[str], start: int, end: int) -> bool:
    """True when most figures of the lines have decimals (a lone whole number is then a page number)."""
    raw = [m.group(1) for i in range(start, end) for m in table_numbers(lines[i])]
    return sum(1 for r in raw if "." in r) * 2 > len(raw)


def _figures_follow(lines: list[str], start: int, end: int) -> bool:
    """True when, after name pieces, the next figures stand on a line of their own (the name above
    belongs to them), rather than beside a name of their own."""
    for idx in range(start, min(end, start + 6)):
        line = lines[idx]
        if not compact(line):
            continue
        code, rest = split_code(line)
        if code:
            return False  # a coded row of its own follows
        numbers = table_numbers(line)
        if numbers:
            return not line[: numbers[0].start()].strip()
        if _starts_row(line.strip()):
            return False
    return False


def _lone_code(lines: list[str], i: int, start: int, end: int, figures_below: bool = False) -> bool:
    """A 3-digit code alone on its line between two pieces of its name (文化旅游体育 / 207 /
    与传媒支出): a code, not a figure or a page number. ``figures_below``: the second piece may
    carry the row's figures (社会保障和就业 / 208 / 支出 15,171.49 15,171.49)."""
    text = compact(lines[i])
    if not (len(text) == 3 and looks_like_code(text)):
        return False
    around = [compact(lines[j]) for j in (i - 1, i + 1) if start <= j < end]
    if len(around) != 2 or not all(t and _HANZI.search(t) for t in around) or table_numbers(around[0]):
        return False
    if figures_below:
        return bool(_HANZI.match(around[1]))
    return not table_numbers(around[1])


def _bare_code(line: str) -> bool:
    """A code printed without its name (the name wrapped onto the lines around it)."""
    code, rest = split_code(line)
    return bool(code) and not _FIGURE_CHARS.sub("", rest)


def collect_centered(lines: list[str], start: int, end: int, repeated: set[str] = frozenset(),
                     columns: int = 0) -> list[RawRow]:
    """Rows of a table whose long names wrap around the line of their code and figures.

    The extractor prints a name of two lines as one line above the figures and one below, a name
    of three lines with its middle beside the code; a one-line name sits beside the code or just
    above it. Of the name pieces between two rows, the first ends the row above and the rest
    begin the row below; a lone piece begins the row below when that row printed no name beside
    its code (or its code stood alone on its line, the figures beside the name's second piece),
    else it ends the row above. A lower cell's figures can stand beside the name's second piece
    (社会保障和就业 / 208 15,171.49 15,077.81 / 支出 93.68): see _took_second_piece.
    """
    anchors: list[tuple[RawRow, str | None, str]] = []  # (row, code, name printed beside it)
    heads: dict[int, list[str]] = {}
    tails: dict[int, list[str]] = {}
    loose: list[str] = []
    pending_code: str | None = None
    decimals = prints_decimals(lines, start, end)

    def place(row: RawRow | None, bare: bool) -> None:
        nonlocal loose
        if anchors and loose:
            above = anchors[-1][0]
            if row is None:
                tails[id(above)], loose = loose, []
            elif len(loose) >= 2 or not bare:
                tails[id(above)], loose = loose[:1], loose[1:]
        if row is not None:
            heads[id(row)] = loose
        loose = []

    for idx in range(start, end):
        line = lines[idx]
        text = compact(line)
        if not text:
            continue
        if _CODE_ONLY.match(text) and (not _skipped(line, text, repeated, decimals)
                                       or _code_between_pieces(lines, idx, start, end, anchors)):
            pending_code = text
            continue
        if _skipped(line, text, repeated, decimals):
            continue
        code, rest = split_code(line)
        pieces = split_pieces(rest if code else line, idx + 1)
        piece = pieces[0] if pieces else Piece("", [], "", idx + 1)
        name = piece.label
        numbers = [p for p in pieces if p.numbers]
        if not numbers and not code and not _starts_row(piece.label):
            loose.append(text)
            continue
        if numbers and not code and not pending_code and compact(name) and not loose and anchors \
                and _took_second_piece(anchors[-1], heads, tails, lines, idx, end, name, numbers, columns):
            continue
        if numbers and not code and not pending_code and not compact(name) and not loose and anchors \
                and not anchors[-1][0].values:
            # Figures alone below a row printed without any (合计 / 2,946.25 2,940.05 6.20): its figures.
            above = anchors[-1][0]
            above.values = [(raw, idx + 1) for p in numbers for raw, _ in p.numbers]
            above.tail = numbers[-1].tail
            continue
        alone = bool(pending_code) and not code  # the code stood on a line of its own
        if alone:
            code = pending_code
        pending_code = None
        row = RawRow(name, idx + 1)
        if numbers:
            row.values = [(raw, idx + 1) for p in numbers for raw, _ in p.numbers]
            row.tail = numbers[-1].tail
        name = compact(name)
        place(row, alone or (bool(code) and not name))
        anchors.append((row, code, name))
    place(None, False)
    anchors = _join_split_rows(anchors, heads, tails)
    out = []
    for row, code, name in anchors:
        full = "".join(heads.get(id(row), [])) + name + "".join(tails.get(id(row), []))
        row.label = f"{code} {full}" if code else full
        out.append(row)
    return out


def _code_between_pieces(lines: list[str], idx: int, start: int, end: int, anchors) -> bool:
    """A class code alone on its line between its name's pieces, the second beside the figures, and
    after the class of the last code read (codes run in order): a code, not a page number."""
    if not _lone_code(lines, idx, start, end, figures_below=True):
        return False
    last = next((c for _, c, _ in reversed(anchors) if c), None)
    return last is None or compact(lines[idx]) > last[:3]


def _took_second_piece(anchor, heads: dict, tails: dict, lines: list[str], idx: int, end: int,
                       piece: str, numbers: list[Piece], columns: int) -> bool:
    """Give the row on the line above a name's second piece and its figures, and say so, when that
    row is a coded row with figures and no name beside its code, whose first piece stood above it
    (社会保障和就业 / 208 15,171.49 15,077.81 / 支出 93.68), only with these figures its first figure
    is the sum of the rest, it then has no more figures than the table has ``columns``, and no
    code without a name follows (a layout that prints a name with figures above its code:
    信息化建设 135.25 / 201 06 07 135.25)."""
    row, code, name = anchor
    if not code or name or not heads.get(id(row)) or not row.values or row.line != idx \
            or _starts_row(piece) or compact(piece).startswith("其中"):
        return False
    values = row.values + [(raw, idx + 1) for p in numbers for raw, _ in p.numbers]
    if (columns and len(values) > columns) or _adds_up(row.values) or not _adds_up(values) \
            or _bare_code_next(lines, idx + 1, end):
        return False
    row.values = values
    row.tail = ""  # spaces on two lines say nothing of the empty cells between
    tails[id(row)] = [compact(piece)]
    return True


def _adds_up(values: list[tuple[str, int]]) -> bool:
    """True when the first figure is the sum of the others (a row's total and its parts; a cent
    of rounding per part)."""
    amounts = [to_decimal(raw) for raw, _ in values]
    if len(amounts) < 2 or any(a is None for a in amounts):
        return False
    return abs(amounts[0] - sum(amounts[1:])) <= Decimal("0.01") * (len(amounts) - 1)


def _bare_code_next(lines: list[str], start: int, end: int) -> bool:
    """True when the next line of text is a code printed without a name beside it (the name with
    figures above it is that row's: 信息化建设 135.25 / 201 06 07 135.25)."""
    for idx in range(start, end):
        if compact(lines[idx]):
            return _bare_code(lines[idx])
    return False


def _join_split_rows(anchors, heads: dict, tails: dict) -> list:
    """A row printed over two lines, its name with some figures on one and its code (if it has one)
    with the rest on the next (行政运行 1,503.52 / 201 06 01 1,511.89 8.37; 合计 2,336.91 603.14 /
    2,940.05): one row, its total first.

    Only where one of the figures is the sum of the others (the row's total and its parts), so
    that two rows of their own are never joined; that figure goes first, the rest keep their order.
    """
    out: list = []
    for anchor in anchors:
        row, code, name = anchor
        if out and not name and not heads.get(id(row)) and row.values:
            above, above_code, above_name = out[-1]
            if above_code is None and above_name and above.values and not tails.get(id(above)) \
                    and row.line == above.line + 1:
                values = above.values + row.values
                total = _total_of_parts(values)
                if total is not None:
                    row.values = [values[total]] + values[:total] + values[total + 1:]
                    heads[id(row)] = heads.get(id(above), [])
                    out[-1] = (row, code, above_name)
                    continue
        out.append(anchor)
    return out


def _total_of_parts(values: list[tuple[str, int]]) -> int | None:
    """The index of the figure that is the sum of the others (to a cent per part), if one is."""
    amounts = [to_decimal(raw) for raw, _ in values]
    if len(amounts) < 2 or any(a is None for a in amounts):
        return None
    whole = sum(amounts)
    for i, amount in enumerate(amounts):
        if abs(amount * 2 - whole) <= Decimal("0.01") * (len(amounts) - 1):
            return i
    return None


_SECOND_LABEL = re.compile(
    r"\s+(?=[一二三四五六七八九十]+、|本年支出合计|支出总计|年终结转|年末|结转下年|结余分配|总计)"
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
    return starts_with_ordinal(text) or text.startswith(
        ("合计", "总计", "本年", "上年", "收入总计", "支出总计", "年终", "年末", "年初", "使用", "结余分配", "结转下年")
    )


def build_rows(table: Table, raw_rows: list[RawRow], with_category: bool) -> list[Row]:
    """Turn raw rows into model rows: code, name, level, parent, side and category."""
    rows: list[Row] = []
    for n, raw in enumerate(raw_rows, start=1):
        raw.label = _LABELS_BEFORE.sub("", raw.label)
        code, name = split_code(raw.label)
        name = compact(name) if _HANZI.search(name) else name
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
            row.side = raw.side = raw.side or side_of(name, raw)
        rows.append(row)
    _set_depths(table, rows, raw_rows)
    return rows


# The name columns' labels printed on the first row's line: 类 款 项 合计 237,100.00 …
_LABELS_BEFORE = re.compile(r"^\s*类\s*款\s*项\s*(?=合计|总计)")
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
