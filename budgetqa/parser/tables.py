"""Find the financial tables of a report and read their rows (labels, codes, printed numbers)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from budgetqa.models import Table
from budgetqa.parser import headers, sidebyside, threepublic
from budgetqa.parser.columns import assign_columns
from budgetqa.parser.rows import EMPTY_NOTE, SECTION, build_rows, collect_rows
from budgetqa.parser.text import compact, is_noise, split_code, starts_with_ordinal, table_numbers

_HANZI = re.compile(r"[\u4e00-\u9fff]")

_UNIT = re.compile(r"单\s*位\s*[:：]\s*(万元|元|千元|亿元)")
_DEPARTMENT = re.compile(
    r"(?:部门名称|单位名称|编制单位|编制部门|预算单位|部门)\s*[:：]\s*(?!单\s*位\s*[:：])(\S+?)\s*(?:单\s*位\s*[:：]|$)"
)


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
    """A title is a table's (not a contents entry's) when what follows is a table: its unit line,
    its 部门名称 or 预算公开表N label, column words and then figures, or a 本表无数据 note."""
    kind = headers.classify_title(lines[i])[0]
    header_words = False
    for j in range(i, min(len(lines), i + 25)):
        if j > i + 1 and headers.classify_title(lines[j]) and headers.classify_title(lines[j])[0] != kind:
            return False
        if j >= i + 12 and not header_words:
            return False
        text = compact(lines[j])
        if _UNIT.search(lines[j]) or (j > i and (_DEPARTMENT.search(lines[j]) or headers.table_label_number(lines[j]))):
            return True
        if j > i and ("合计" in text or "科目编码" in text or "科目名称" in text or "项目名称" in text):
            header_words = True
        elif header_words and (len(table_numbers(lines[j])) >= 2 or EMPTY_NOTE.search(text)):
            return True
    return False


def _label_number_near(lines: list[str], i: int) -> int | None:
    for j in range(max(0, i - 3), min(len(lines), i + 6)):
        number = headers.table_label_number(lines[j])
        if number:
            return number
    return None


def read_table(lines: list[str], span: TableSpan, stop_at: int | None = None,
               known: list[Table] = ()) -> tuple[list[Table], str]:
    """Read one table: unit, columns, rows with their numbers in columns; also the department.

    A table that prints two tables' figures (三公 with 机关运行经费 beside it) gives two tables.
    """
    end = stop_at if stop_at is not None else span.end
    unit, department = "万元", ""
    header_lines: list[str] = []
    body_start = end
    # 三公 components printed as columns: everything down to the line of figures is header.
    figures_at = None
    if span.kind == "three_public":
        figures_at = next((i for i in range(span.start + 1, end) if _figures_only(lines[i])), None)
        header_end = figures_at if figures_at is not None else _note_at(lines, span.start + 1, end)
        if not threepublic.column_oriented(lines[span.start + 1:header_end]):
            figures_at = None
        elif figures_at is None:
            if threepublic.side_by_side(lines[span.start + 1:header_end]):
                figures_at = header_end  # components printed as columns, and no figure: nothing to read
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
        if figures_at is not None and idx < figures_at:
            header_lines.append(line)
            continue
        if headers.is_header_piece(line, span.kind):
            header_lines.append(line)  # the rest of a wrapped column word (收费 收入)
            continue
        if _is_body_line(line, span.kind) or _begins_name(lines, idx, end):
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
    table.body = (body_start, body_end)
    table.closed = body_end < len(lines) and any(compact(l) and not is_noise(l) for l in lines[body_end:])
    header_text = "\n".join(header_lines)
    note_lines = [compact(lines[k]) for k in range(span.start, end)]
    table.empty = any(EMPTY_NOTE.search(t) for t in note_lines if t.startswith(("注", "说明")) or "本表无数据" in t)
    if span.kind == "three_public" and threepublic.column_oriented(header_lines):
        extra = threepublic.read(table, lines, header_lines, body_start, body_end)
        return [table] + ([extra] if extra else []), department
    if span.kind == "basic_economic" and sidebyside.is_side_by_side(header_lines):
        sidebyside.read(table, lines, header_lines, body_start, body_end)
        return [table], department
    table.columns, table.side_columns = headers.table_columns(span.kind, header_lines)
    # A second column of text beside the name: the other classification, a purchase's category.
    with_category = "政府预算支出经济科目" in compact(header_text) or (
        span.kind in ("procurement", "purchased_services") and re.search(r"品目|类别|采购方式|服务类别", compact(header_text)))
    # A table continued over pages prints its header again: those lines are not rows.
    repeated = {compact(l) for l in header_lines if headers.is_header_line(l)}
    raw_rows = collect_rows(lines, body_start, body_end, table.two_sided, repeated,
                            len(table.side_columns.get("收入", ())), len(table.side_columns.get("支出", ())),
                            len(table.columns))
    table.rows = build_rows(table, raw_rows, with_category)
    assign_columns(table, raw_rows, known)
    return [table], department


def _note_at(lines: list[str], start: int, end: int) -> int:
    """The first note line (注：… / 说明：… / 本表无数据) of a table, or its end."""
    for i in range(start, end):
        text = compact(lines[i])
        if text.startswith(("注", "说明")) or EMPTY_NOTE.search(text):
            return i
    return end


def _figures_only(line: str) -> bool:
    """A line of figures and nothing else (the one data line of a column-oriented table)."""
    return bool(table_numbers(line)) and not _HANZI.search(line)


def _begins_name(lines: list[str], idx: int, end: int) -> bool:
    """A piece of text that is no header word, right above a coded row: the start of a row's
    name printed above its code (long names wrap around the code line)."""
    if headers.is_header_line(lines[idx]) or table_numbers(lines[idx]):
        return False
    for j in range(idx + 1, min(end, idx + 3)):
        if compact(lines[j]):
            code, _ = split_code(lines[j])
            return bool(code)
    return False


def _is_body_line(line: str, kind: str) -> bool:
    text = compact(line)
    if EMPTY_NOTE.search(text) or text.startswith(("注", "说明")):
        return True
    code, rest = split_code(line)
    if code and rest:
        return True
    if text in ("合计", "总计"):
        return True
    if headers.is_header_line(line):
        return False  # column words, name-column labels or side titles only
    if starts_with_ordinal(text) and len(text) > 3 and not text[0].isdigit():
        # A numbered row, even with column words in its name and its figures on the next line
        # (一、一般公共预算财政拨款收入 一、一般公共服务支出).
        return True
    if not table_numbers(line) and len(headers.header_terms(text)) >= 2:
        return False  # column words with pieces of wrapped ones
    if text.startswith(("合计", "总计", "部门合计", "因公出国", "本年收入", "收入总计")):
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
        if SECTION.match(text) and "报表" not in text and "表" not in text[-3:]:
            return idx
        if "绩效目标表" in text and len(text) < 60:
            return idx
        if len(text) > 40 and "，" in text and _NUMBERED_ITEM.match(text):
            return idx
        if _PROSE_HEADING.match(text) or (text.count("，") >= 2 and not text.startswith(("注", "说明"))):
            return idx  # the report's text goes on after the table
    return end


_NUMBERED_ITEM = re.compile(r"^[一二三四五六七八九十]+、")
# Headings of the text after the tables: 三、部门预算情况说明 / 其他相关情况说明.
_PROSE_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+、)?[^\d，。]{0,16}(?:情况说明|预算情况|决算情况)$"
    r"|^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)[^\d，。]{0,20}(?:说明|名词解释)$"
)
