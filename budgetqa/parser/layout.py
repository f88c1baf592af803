"""Column words of headers whose cells wrap: find each word, whole or cut over lines, and their order.

Extracted text prints a header row by row, so a cell that wraps ("上 级 补" above "助收入",
"一般公共 / 预算财政 / 拨款") is cut into pieces on different lines, and a cell printed lower than
its neighbours comes out on a line of its own. The words are found against a vocabulary: whole on
one line, or as pieces that each fill whole tokens on successive lines. Their left-to-right order
comes from the lines where two words share a line; the vocabulary's order (the standard template's)
settles the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field

_WINDOW = 4  # a wrapped cell spans at most this many lines


@dataclass
class _Line:
    text: str  # the line without spaces
    bounds: set[int]  # offsets in text where a printed token starts or ends
    used: bytearray = field(default_factory=bytearray)

    def free(self, start: int, end: int) -> bool:
        return not any(self.used[start:end])

    def take(self, start: int, end: int) -> None:
        self.used[start:end] = b"\x01" * (end - start)


@dataclass
class Found:
    """One vocabulary word of a header and where its pieces were printed (line, offset)."""

    word: str
    pieces: list[tuple[int, int]]


def _prepare(lines: list[str]) -> list[_Line]:
    out = []
    for line in lines:
        tokens = line.replace("\u3000", " ").split()
        bounds, pos = {0}, 0
        for token in tokens:
            pos += len(token)
            bounds.add(pos)
        text = "".join(tokens)
        out.append(_Line(text, bounds, bytearray(len(text))))
    return out


def find_words(lines: list[str], vocabulary: list[str]) -> list[Found]:
    """Every vocabulary word printed in ``lines``: whole words first (longest first), then words
    cut over successive lines, in vocabulary order, each piece filling whole printed tokens."""
    prepared = _prepare(lines)
    found: list[Found] = []
    missing: list[str] = []
    # A longer word cut into pieces that are whole tokens (事业单位 / 经营收入) is that word, not
    # a shorter word standing alone: cut words are looked for before the shorter whole words.
    for word in sorted(vocabulary, key=len, reverse=True):
        spots = _whole(prepared, word)
        if spots:
            found.extend(Found(word, [spot]) for spot in spots)
            continue
        pieces = _cut(prepared, word) if _pieces_are_words(prepared, word, vocabulary) else None
        if pieces:
            found.append(Found(word, pieces))
        else:
            missing.append(word)
    for word in [w for w in vocabulary if w in missing]:
        if any(f.word == word for f in found):
            continue
        pieces = _cut(prepared, word)
        if pieces:
            found.append(Found(word, pieces))
    return found


def _pieces_are_words(prepared: list[_Line], word: str, vocabulary: list[str]) -> bool:
    """True when ``word`` ends with a shorter vocabulary word printed whole on a line of its own
    beneath a token that is the rest of it (the lower line of a wrapped header cell)."""
    for short in vocabulary:
        if short == word or not word.endswith(short) or len(short) >= len(word):
            continue
        head = word[: -len(short)]
        for i, line in enumerate(prepared):
            start = line.text.find(head)
            if start < 0 or start not in line.bounds or start + len(head) not in line.bounds:
                continue
            for below in prepared[i + 1 : i + _WINDOW]:
                at = below.text.find(short)
                if at >= 0 and at in below.bounds and at + len(short) in below.bounds:
                    return True
    return False


def _whole(prepared: list[_Line], word: str) -> list[tuple[int, int]]:
    spots = []
    for i, line in enumerate(prepared):
        start = line.text.find(word)
        while start >= 0:
            end = start + len(word)
            if line.free(start, end):
                line.take(start, end)
                spots.append((i, start))
            start = line.text.find(word, end)
    return spots


def _cut(prepared: list[_Line], word: str) -> list[tuple[int, int]] | None:
    """The word printed as 2 or 3 pieces on successive lines, leftmost free pieces first."""
    n = len(word)
    splits = [(a,) for a in range(2, n)] + [(a, b) for a in range(2, n) for b in range(a + 2, n)]
    for i, first in enumerate(prepared):
        for cut in splits:
            parts = [word[s:e] for s, e in zip((0,) + cut, cut + (n,))]
            spot = _piece(first, parts[0])
            if spot is None:
                continue
            placed = _rest(prepared, i, parts[1:])
            if placed is None:
                continue
            pieces = [(i, spot)] + placed
            for (line_no, start), part in zip(pieces, parts):
                prepared[line_no].take(start, start + len(part))
            return pieces
    return None


def _rest(prepared: list[_Line], after: int, parts: list[str]) -> list[tuple[int, int]] | None:
    if not parts:
        return []
    for j in range(after + 1, min(len(prepared), after + _WINDOW)):
        spot = _piece(prepared[j], parts[0])
        if spot is None:
            continue
        tail = _rest(prepared, j, parts[1:])
        if tail is not None:
            return [(j, spot)] + tail
    return None


def _piece(line: _Line, part: str, need_end: bool = True) -> int | None:
    """Offset of a free occurrence of ``part`` that fills whole printed tokens."""
    start = line.text.find(part)
    while start >= 0:
        end = start + len(part)
        if start in line.bounds and end in line.bounds and line.free(start, end):
            return start
        start = line.text.find(part, start + 1)
    return None


def printed_order(found: list[Found], rank: dict[str, int], unit_of: dict[str, str] | None = None) -> list[Found]:
    """Words in left-to-right order: from the lines two words share, then by ``rank``.

    ``unit_of`` maps a word to the unit it belongs to (a group and its sub-columns move together);
    order is first decided between units, then within each unit.
    """
    unit_of = unit_of or {}

    def unit(f: Found) -> str:
        return unit_of.get(f.word, f.word)

    units: dict[str, list[Found]] = {}
    for f in found:
        units.setdefault(unit(f), []).append(f)
    order = _toposort(list(units), _constraints(found, unit), lambda u: min(rank.get(f.word, 99) for f in units[u]))
    out: list[Found] = []
    for u in order:
        members = units[u]
        if len(members) > 1:
            inner = _toposort([f.word for f in members], _constraints(members, lambda f: f.word), lambda w: rank.get(w, 99))
            members = sorted(members, key=lambda f: inner.index(f.word))
        out.extend(members)
    return out


def _constraints(found: list[Found], key) -> set[tuple[str, str]]:
    """(a, b) pairs where a is printed left of b on some line (pairs seen both ways are dropped)."""
    pairs: set[tuple[str, str]] = set()
    for a in found:
        for b in found:
            if key(a) == key(b):
                continue
            for line_a, start_a in a.pieces:
                for line_b, start_b in b.pieces:
                    if line_a == line_b and start_a < start_b:
                        pairs.add((key(a), key(b)))
    return {(a, b) for a, b in pairs if (b, a) not in pairs}


def _toposort(nodes: list[str], before: set[tuple[str, str]], rank) -> list[str]:
    done: list[str] = []
    left = list(dict.fromkeys(nodes))
    while left:
        ready = [n for n in left if not any((m, n) in before for m in left if m != n)]
        pick = min(ready or left, key=rank)
        done.append(pick)
        left.remove(pick)
    return done
