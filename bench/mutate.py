"""Damaged versions of real reports, the way files get damaged: lines lost, doubled, swapped or
garbled, giant lines, thousands of rows, the file cut at a byte, other encodings, stray bytes.

``mutate(text, rng)`` returns the bytes of one damaged file; ``rng`` is a ``random.Random`` (the
stress script seeds one per mutation so that any failure can be replayed; the fuzz tests pass
hypothesis's, so that a failure shrinks).
"""

from __future__ import annotations

import random
import re

_ROW = re.compile(r"^\s*(\d{3}(?:\s?\d{2}){0,2})\s*[^\d\s]")
_NUMBERS = re.compile(r"-?\d[\d,]*\.\d+")
_CHARS = "0123456789.,-— 　合计总计支出收入项目一二三四五六七八九十、：:（）()表万元\t%…·"

ENCODINGS = ("utf-8", "utf-8", "utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be")


def _amount(rng: random.Random) -> str:
    return rng.choice(["0.00", "1.00", "12.34", "1,084.38", str(rng.randint(0, 99999)) + ".00"])


def _row_like(lines: list[str], rng: random.Random) -> str:
    """A table row of the report (a line that starts with a subject code), or a made-up one."""
    rows = [line for line in lines if _ROW.match(line)]
    return rng.choice(rows) if rows else "2013199 其他 1.00 1.00"


def _delete(lines, rng):
    i = rng.randrange(len(lines))
    del lines[i:i + rng.randint(1, 3)]


def _duplicate(lines, rng):
    i = rng.randrange(len(lines))
    lines[i:i] = lines[i:i + rng.randint(1, 30)]


def _swap(lines, rng):
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]


def _move_block(lines, rng):
    i = rng.randrange(len(lines))
    block = lines[i:i + rng.randint(1, 40)]
    del lines[i:i + len(block)]
    j = rng.randrange(len(lines) + 1)
    lines[j:j] = block


def _garble(lines, rng):
    i = rng.randrange(len(lines))
    lines[i] = "".join(rng.choice(_CHARS) for _ in range(rng.randint(0, 60)))


def _splice_chars(lines, rng):
    """Stray characters inside a line: control characters, a NUL, odd punctuation."""
    i = rng.randrange(len(lines))
    line = lines[i]
    k = rng.randint(0, len(line))
    lines[i] = line[:k] + rng.choice(["\x00", "\x08", "\x1b", "\u2028", "\ufeff", "\u3000", "%", "..", "-"]) + line[k:]


def _giant_row(lines, rng):
    """A row followed by many figures (a whole table pasted onto one line)."""
    i = rng.randrange(len(lines))
    code = _ROW.match(_row_like(lines, rng))
    head = (code.group(1) if code else "2013199") + " 其他 "
    count = rng.choice([20, 40, 63, 65, 200, 400, 2000])
    lines.insert(i, head + " ".join(_amount(rng) for _ in range(count)))


def _giant_text(lines, rng):
    """One very long line: a paragraph repeated, or figures without a label."""
    i = rng.randrange(len(lines))
    size = rng.choice([10_000, 100_000, 1_000_000])
    piece = lines[i] or "各部门人员经费对比 "
    if rng.random() < 0.5:
        piece = " ".join(_amount(rng) for _ in range(20)) + " "
    lines.insert(i, (piece * (size // max(1, len(piece)) + 1))[:size])


def _many_rows(lines, rng):
    """Hundreds or thousands of rows under one parent (a department with many projects)."""
    table_rows = [k for k, line in enumerate(lines) if _ROW.match(line)]
    i = rng.choice(table_rows) + 1 if table_rows else rng.randrange(len(lines))
    code = _ROW.match(lines[i - 1]) if table_rows else None
    prefix = code.group(1).replace(" ", "") if code else "2013199"
    count = rng.choice([100, 1000, 5000])
    amount = rng.choice(["0.00", "1.00"])
    lines[i:i] = [f"{prefix} 其他{k} {amount}  {amount}" for k in range(count)]


def _repeat_report(lines, rng):
    lines[:] = lines * rng.randint(2, 4)


def _strip_spaces(lines, rng):
    """Another extractor: runs of spaces squeezed, or blank lines dropped."""
    if rng.random() < 0.5:
        lines[:] = [" ".join(line.split()) for line in lines]
    else:
        lines[:] = [line for line in lines if line.strip()]


LINE_MUTATIONS = [
    (_delete, 6), (_duplicate, 6), (_swap, 5), (_move_block, 3), (_garble, 4), (_splice_chars, 3),
    (_giant_row, 2), (_giant_text, 1), (_many_rows, 1), (_repeat_report, 0.3), (_strip_spaces, 0.5),
]


def mutate(text: str, rng: random.Random) -> bytes:
    """One damaged file made from ``text``: one to four line mutations, then an encoding, then
    sometimes byte damage (a cut at a random byte, a byte dropped or changed)."""
    lines = text.split("\n")
    functions, weights = zip(*LINE_MUTATIONS)
    for _ in range(rng.randint(1, 4)):
        if not lines:
            lines = [""]
        rng.choices(functions, weights)[0](lines, rng)
    newline = rng.choice(["\n", "\n", "\n", "\r\n", "\r"])
    data = newline.join(lines).encode(rng.choice(ENCODINGS), errors="replace")
    roll = rng.random()
    if roll < 0.15 and data:
        data = data[: rng.randrange(len(data))]  # cut off
    elif roll < 0.20 and data:
        k = rng.randrange(len(data))
        data = data[:k] + data[k + 1:]  # a byte lost (UTF-16 out of step)
    elif roll < 0.25 and data:
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        data = bytes(damaged)
    return data
