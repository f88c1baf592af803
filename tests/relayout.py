"""Re-lay a report's tables the way other templates and extractors print the same figures.

Each change touches only the tables (from the first table's title to the narrative after the last
one) and can be applied alone or with the others:

- ``yuan``: amounts in 元 with thousands separators (1084.38 万元 → 10,843,800.00 元);
- ``labels``: 公开NN表 labels instead of 表一 … / 预算公开表N;
- ``split_codes``: classification codes split into 类 款 项 columns (2013105 → 201 31 05);
- ``whitespace``: another extractor's wide gaps between cells and trailing spaces on every line;
- ``page_breaks``: form feeds and page numbers every few lines, inside tables too;
- ``wrapped_names``: long row names wrapped, the rest of the name on the line below the figures.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

CHANGES = ("yuan", "labels", "split_codes", "whitespace", "page_breaks", "wrapped_names")

_CN = "一二三四五六七八九十"
_TITLE = re.compile(rf"^(\s*)表([{_CN}]{{1,3}})(?=\d{{4}}年)")
_LABEL = re.compile(r"^(\s*)预算公开表(\d{1,2})(\s*)$")
_AMOUNT = re.compile(r"(?<![\d.,])(-?\d+)\.(\d{2})(?![\d%.])")
_UNIT = re.compile(r"单\s*位\s*[:：]\s*万元")
_CODE = re.compile(r"^(\s*)(\d{3})(\d{2})?(\d{2})?(?=\s+[^\d\s])")
_NAME_ROW = re.compile(r"^(\s*(?:\d{3}(?:\s\d{2}){0,2}\s+)?)([^\d\s][^\s]{7,})(\s+-?[\d,]+\.\d{2}.*)$")


def table_region(lines: list[str]) -> tuple[int, int]:
    """(first, end) indexes of the lines holding the tables: the first table title to the part after them."""
    first = next(i for i, line in enumerate(lines) if _TITLE.match(line))
    end = next((i for i in range(first, len(lines)) if re.match(r"^\s*第[三四五]部分", lines[i])), len(lines))
    return max(0, first - 1), end


def relayout(text: str, changes: tuple[str, ...] | list[str], seed: int = 7) -> str:
    """The text with the given changes applied to its tables."""
    unknown = set(changes) - set(CHANGES)
    if unknown:
        raise ValueError(f"unknown changes: {sorted(unknown)}")
    rng = random.Random(seed)
    lines = text.split("\n")
    first, end = table_region(lines)
    head, body, tail = lines[:first], lines[first:end], lines[end:]
    for change in CHANGES:  # always in the same order, whichever are asked
        if change in changes:
            body = _APPLY[change](body, rng)
    return "\n".join(head + body + tail)


def to_yuan(raw: str) -> str:
    """A 万元 figure as the same money in 元, with thousands separators."""
    value = Decimal(raw.replace(",", "")) * 10000
    return f"{value:,.2f}"


def _yuan(lines: list[str], rng) -> list[str]:
    out = []
    for line in lines:
        line = _UNIT.sub("单位：元", line)
        out.append(_AMOUNT.sub(lambda m: to_yuan(m.group()), line))
    return out


def _labels(lines: list[str], rng) -> list[str]:
    out = []
    for line in lines:
        line = _TITLE.sub(lambda m: m.group(1), line)
        line = _LABEL.sub(lambda m: f"{m.group(1)}公开{int(m.group(2)):02d}表{m.group(3)}", line)
        out.append(line)
    return out


def _split_codes(lines: list[str], rng) -> list[str]:
    def split(m: re.Match) -> str:
        return m.group(1) + " ".join(g for g in m.groups()[1:] if g)

    return [_CODE.sub(split, line) for line in lines]


def _whitespace(lines: list[str], rng) -> list[str]:
    out = []
    for line in lines:
        if not line.strip():
            out.append(" " * rng.randint(0, 6))
            continue
        line = re.sub(r"(?<=\S) (?=\S)", lambda m: " " * rng.randint(2, 7), line)
        out.append(line + " " * rng.randint(1, 5))
    return out


def _page_breaks(lines: list[str], rng) -> list[str]:
    out, page, since = [], 3, 0
    for line in lines:
        since += 1
        if since >= rng.randint(18, 30) and line.strip():
            page += 1
            out.append(f"- {page} -")
            line = "\f" + line
            since = 0
        out.append(line)
    return out


def _wrapped_names(lines: list[str], rng) -> list[str]:
    """Long names wrapped as extractors print them: the rest below the line of figures, or (for a
    coded row, as pdfplumber prints a centred cell) the start above and the rest below a line
    holding only the code and the figures."""
    out = []
    for line in lines:
        m = _NAME_ROW.match(line)
        if not m or "合计" in m.group(2) or "总计" in m.group(2):
            out.append(line)
            continue
        name = m.group(2)
        cut = rng.randint(4, min(7, len(name) - 2))
        indent = re.match(r"[ \u3000]*", m.group(1)).group()
        if m.group(1).strip() and rng.random() < 0.5:
            out.append(indent + name[:cut])
            out.append(m.group(1).rstrip() + m.group(3))
            out.append(indent + name[cut:])
            continue
        out.append(m.group(1) + name[:cut] + m.group(3))
        out.append(indent + name[cut:])
    return out


_APPLY = {
    "yuan": _yuan, "labels": _labels, "split_codes": _split_codes, "whitespace": _whitespace,
    "page_breaks": _page_breaks, "wrapped_names": _wrapped_names,
}
