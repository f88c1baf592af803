"""What an answer card shows: the answer once, the rows that support it once, then the sources.

An Answer can say one thing several times (the sentence quotes a figure that is also a headline figure
and a row; a source is cited in the sentence and listed again). The card keeps each thing in one place:
a figure the sentence or a row already states is not listed again, a column whose value is the same in
every row becomes one caption (or nothing, when the sentence already says it), and a source the sentence
cites or a row carries is not listed again. Plain data: no Textual here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from budgetqa.answer import Answer, Figure, Source
from budgetqa.render import cell_text

_UNDERSTOOD = re.compile(r"按「(.+)」理解")
# What separates the terms of an understanding (A、B; A + B; A 占 B).
_TERMS = re.compile(r"[、，,+＋]|\s占\s|\s与\s")
LINE_COLUMN = "行"


def plain(text: str) -> str:
    """Text without spaces and thousands separators, for 'is this already shown' tests."""
    return re.sub(r"[\s,，]", "", text)


def states_amount(text: str, value: Decimal, unit: str = "") -> bool:
    """Whether ``text`` writes the amount (1084.38 or 1,084.38, then the unit when there is one)."""
    number = re.escape(plain(cell_text(value)))
    pattern = rf"(?<![\d.]){number}(?![\d])" + (re.escape(plain(unit)) if unit else "")
    return re.search(pattern, plain(text)) is not None


@dataclass
class CardParts:
    """The parts of an answer a card shows, each stated once."""

    understood: str  # '按「…」理解', or '' when the sentence names every term of it
    sentence: str
    document: str  # the document that answered (shown when several are loaded), or ''
    figures: list[Figure] = field(default_factory=list)
    choices: list[tuple[int, str]] = field(default_factory=list)  # (number, label) the sentence does not list
    caption: list[tuple[str, str]] = field(default_factory=list)  # (column, value) the same in every row
    columns: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)
    row_keys: list[int] = field(default_factory=list)  # index of each shown row in answer.rows
    sources: list[str] = field(default_factory=list)


def card_parts(answer: Answer, several_documents: bool = False) -> CardParts:
    """Split an answer into what the card shows, dropping what another part already shows."""
    sentence = answer.text
    document = ""
    if several_documents and answer.document:
        document = answer.document
        sentence = sentence.removesuffix(f"（出自 {answer.document}）")
    understood = answer.understood
    if understood and sentence.startswith(understood):
        sentence = sentence[len(understood):].lstrip("：: ")
    inner = _UNDERSTOOD.fullmatch(understood)
    if inner and all(plain(term) in plain(sentence) for term in _TERMS.split(inner.group(1)) if term.strip()):
        understood = ""  # the sentence names everything that was understood
    parts = CardParts(understood, sentence, document)
    table_rows = answer.rows if not answer.choices else []
    if answer.choices:
        parts.choices = [(n, label) for n, (label, _) in enumerate(answer.choices[:9], 1)
                         if plain(label) not in plain(sentence)]
    else:
        parts.figures = [f for f in answer.figures[:6]
                         if not states_amount(sentence, f.value, f.unit) and not _in_rows(f, table_rows)]
    head = "\n".join([understood, sentence] + [f"{f.label} {cell_text(f.value)}{f.unit}" for f in parts.figures])
    _rows(parts, answer.columns, table_rows, head)
    parts.sources = _sources(answer.sources, sentence, answer.columns, table_rows)
    return parts


def _in_rows(figure: Figure, rows: list[list]) -> bool:
    """A row holds the figure: its amount, and a name that the figure's label contains."""
    label = plain(figure.label)
    return any(
        any(isinstance(v, Decimal) and v == figure.value for v in row)
        and any(isinstance(v, str) and len(plain(v)) >= 2 and plain(v) in label for v in row)
        for row in rows
    )


def _shown(value, text: str) -> bool:
    """Whether a cell's value is already written in ``text``."""
    if isinstance(value, Decimal):
        return states_amount(text, value)
    words = plain(cell_text(value))
    return bool(words) and words in plain(text)


def _rows(parts: CardParts, columns: list[str], rows: list[list], head: str) -> None:
    """The columns that vary from row to row; a column with one value becomes a caption, or goes; a
    single row the sentence already states entirely goes too."""
    keep = list(range(len(columns)))
    if len(rows) == 1 and all(not cell_text(v) or _shown(v, head) for v in rows[0]):
        return  # the one row says nothing the sentence does not
    if len(rows) >= 2:
        keep = []
        for i, column in enumerate(columns):
            values = {cell_text(r[i]) if i < len(r) else "" for r in rows}
            if len(values) > 1:
                keep.append(i)
                continue
            value = rows[0][i] if i < len(rows[0]) else None
            if cell_text(value) and not _shown(value, head):
                parts.caption.append((column, cell_text(value)))
    if not keep:
        return
    parts.columns = [columns[i] for i in keep]
    seen: set[tuple[str, ...]] = set()
    for index, row in enumerate(rows):
        shown = [row[i] if i < len(row) else None for i in keep]
        key = tuple(cell_text(v) for v in shown)
        if key not in seen:
            seen.add(key)
            parts.rows.append(shown)
            parts.row_keys.append(index)


def _sources(sources: list[Source], sentence: str, columns: list[str], rows: list[list]) -> list[str]:
    """Each place once, with its lines ('表3 2024年预算支出总表 第228、236行'): not a line the sentence
    cites, nor one a row shows with its place; a place without lines when the rows show them."""
    line_at = columns.index(LINE_COLUMN) if LINE_COLUMN in columns else None
    places: dict[str, list[int]] = {}
    lines_seen: set[int] = set()
    for source in sources:
        if source.line in lines_seen:
            continue
        lines_seen.add(source.line)
        if plain(f"{source.where} 第{source.line}行") in plain(sentence):
            continue
        on_line = [r for r in rows if line_at is not None and line_at < len(r) and _has_line(r[line_at], source.line)]
        if any(_same_place(source.where, v) for r in on_line for v in r if isinstance(v, str)):
            continue
        lines = places.setdefault(source.where, [])
        if not on_line:
            lines.append(source.line)
    return [f"{where} 第{'、'.join(map(str, lines))}行" if lines else where for where, lines in places.items()]


def _has_line(cell, line: int) -> bool:
    """A 行 cell (230, or '220,222,238') that holds the line."""
    return str(line) in re.split(r"[,，、\s]+", str(cell))


def _same_place(where: str, cell: str) -> bool:
    """A cell naming the source's place: '表2' for '表2 2024年预算收入总表' (not for '表21 …'), or all of it."""
    return bool(cell) and (where == cell or where.startswith(cell + " "))
