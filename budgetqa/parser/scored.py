"""Performance sheets with 分值 columns whose merged cells come out one character per line.

The central-ministry template prints the goal under a vertical label 年/度/总/体/目/标 and the
indicators under 绩/效/指/标, one character per line beside the text. Its indicator rows end
with a score (分值); a cell that wraps prints one line above the row's figures and one below (a
three-line cell prints its middle beside them), and the 一级/二级 labels sit in the middle of the
rows they cover, on whatever line that is, often a line of their own.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from budgetqa.models import Indicator
from budgetqa.parser.text import compact, is_noise

_LEVEL1 = ("产出指标", "效益指标", "满意度指标", "成本指标")
_LEVEL2 = (
    "数量指标", "质量指标", "时效指标", "经济成本指标", "社会成本指标", "生态环境成本指标",
    "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标",
)
_LEVEL2_CUT = "服务对象满意"  # 服务对象满意度指标 wrapped: 服务对象满意 / 度指标
_LABEL_TAIL = {"标", "指标", "度指标", "度指", "指"}
_SCORE = re.compile(r"^\d{1,3}$")
_VALUE = re.compile(
    r"^(?:[≥≤=<>＞＜≧≦]|\d)"
    r"|^(?:显著|有效|是|否|按时|及时|很好|良好|明显|提升|提高|改善|符合|达标|优|合格|完成|效果|成效|不断)"
)
_HEADING = re.compile(r"^（[一二三四五六七八九十]+）")


def is_scored(lines: list[str], start: int, end: int) -> int | None:
    """Index of the indicator header line (一级 … 分值) when the sheet is of this template."""
    for idx in range(start, end):
        text = compact(lines[idx])
        if "一级" in text and "分值" in text:
            return idx
    return None


def _strip_vertical(line: str, letters: str, at: list[int]) -> str:
    """Drop the next letter of a vertical label printed at the start of the line."""
    text = line.strip()
    if at[0] < len(letters):
        head, _, rest = text.partition(" ")
        if head == letters[at[0]]:
            at[0] += 1
            return rest.strip()
    return text


def goal(lines: list[str], start: int, end: int) -> tuple[str, int] | None:
    """The 年度总体目标 text between the funds and the indicators, with its first line."""
    at = [0]
    parts: list[str] = []
    first = 0
    for idx in range(start, end):
        if is_noise(lines[idx]):
            continue
        text = _strip_vertical(lines[idx], "年度总体目标", at)
        if text:
            parts.append(compact(text))
            first = first or idx + 1
    return ("".join(parts), first) if parts else None


@dataclass
class _Row:
    line: int  # index of the line with the score
    level3: str
    value: str
    head: list[tuple[int, str]] = field(default_factory=list)
    tail: list[tuple[int, str]] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return bool(self.level3 and self.value)

    def extent(self) -> tuple[int, int]:
        spots = [self.line] + [i for i, _ in self.head + self.tail]
        return min(spots), max(spots)


def indicators(lines: list[str], header: int, end: int) -> list[Indicator]:
    """Indicator rows of a scored sheet (annual targets: scope 年度)."""
    at = [0]
    rows: list[_Row] = []
    loose: list[tuple[int, str]] = []
    labels: dict[int, list[tuple[int, str]]] = {1: [], 2: []}
    pages: dict[int, int] = {}
    page = 0
    label_only: set[int] = set()  # lines with labels only (they sit between rows)
    first = _header_end(lines, header, end)
    for idx in range(header, end):
        raw = lines[idx]
        if is_noise(raw):
            page += 1  # a page number ends the page
            continue
        pages[idx] = page
        text = _strip_vertical(raw, "绩效指标", at)
        if _HEADING.match(compact(text)) or "绩效目标表" in text:
            break
        if idx < first:
            continue
        tokens = text.split()
        while tokens and _label_level(tokens[0]):
            word = tokens.pop(0)
            labels[_label_level(word)].append((idx, _LEVEL2[-1] if word.startswith(_LEVEL2_CUT) else word))
        if tokens and tokens[0] in _LABEL_TAIL:
            tokens.pop(0)  # the end of a wrapped label (服务对象满意度 / 指标)
        if not tokens:
            label_only.add(idx)
            continue
        if len(tokens) >= 2 and _SCORE.match(tokens[-1]):
            row = _anchor(idx, tokens[:-1])
            _share(rows, loose, row)
            rows.append(row)
            loose = []
        else:
            loose.append((idx, "".join(tokens)))
    _share(rows, loose, None)
    level2 = _assign(rows, labels[2], pages, label_only)
    level1 = _assign(rows, labels[1], pages, label_only)
    named = {name for _, name in labels[1]}
    level1 = [_FAMILY.get(l2) if _FAMILY.get(l2) in named else l1 for l1, l2 in zip(level1, level2)]
    out = []
    for row, l1, l2 in zip(rows, level1, level2):
        head, tail = "".join(t for _, t in row.head), "".join(t for _, t in row.tail)
        if row.level3 and not row.value:
            level3, value = row.level3, head + tail  # the value wrapped around the row's line
        else:
            level3, value = head + row.level3 + tail, row.value
        out.append(Indicator(l1, l2, level3, value, "年度", row.line + 1))
    return out


def _header_end(lines: list[str], header: int, end: int) -> int:
    """Index of the first line after the indicator header (its last line prints （90）)."""
    for idx in range(header, min(end, header + 5)):
        if re.search(r"（\d+）", lines[idx]):
            return idx + 1
    for idx in range(header, min(end, header + 5)):
        if "三级指标" in compact(lines[idx]):
            return idx + 1
    return header + 1


def _anchor(idx: int, content: list[str]) -> _Row:
    """A row from the text before its score: 三级指标 and 指标值, either possibly wrapped away."""
    if len(content) >= 2:
        return _Row(idx, "".join(content[:-1]), content[-1])
    only = content[0]
    worded = not re.match(r"^[≥≤=<>＞＜≧≦\d]", only)
    if _VALUE.match(only) and not (worded and len(only) > 6):
        return _Row(idx, "", only)
    return _Row(idx, only, "")


def _label_level(token: str) -> int:
    if token in _LEVEL1:
        return 1
    if token in _LEVEL2 or token.startswith(_LEVEL2_CUT):
        return 2
    return 0


def _share(rows: list[_Row], loose: list[tuple[int, str]], below: _Row | None) -> None:
    """Pieces between two rows: the first ends the row above, the rest begin the row below; a lone
    piece ends the row above only when that row began above its line and the row below lacks
    nothing (cells wrap around the line of their row)."""
    above = rows[-1] if rows else None
    if above is not None and loose:
        wraps = bool(above.head) and not above.tail  # a cell that began above its row ends below it
        if below is None or len(loose) >= 2 or (below.complete and wraps):
            take = loose if below is None else loose[:1]
            above.tail += take
            loose = loose[len(take):]
    if below is not None:
        below.head = list(loose)


def _assign(rows: list[_Row], labels: list[tuple[int, str]], pages: dict[int, int], label_only: set[int]) -> list[str]:
    """The label of each row: labels cover consecutive rows and sit in the middle of those rows
    that are on the label's page (a group that goes on over a page is labelled on one page only).

    Heights are counted in lines of rows: a line with labels only lies between its neighbours.
    A 满意度 label covers the rows that name a 满意度, and only those.
    """
    n, m = len(rows), len(labels)
    if not m:
        return [""] * n
    if m > n:
        return [min(labels, key=lambda lb: abs(lb[0] - r.line))[1] for r in rows]
    height = _heights(pages, label_only)
    spans = [r.extent() for r in rows]
    extents = [(height[a], height[b]) for a, b in spans]
    page_of = [pages.get(r.line, 0) for r in rows]
    satisfaction = [0]  # prefix counts of rows that name a 满意度
    for r in rows:
        satisfaction.append(satisfaction[-1] + ("满意" in r.level3 + "".join(t for _, t in r.head)))
    on_page: dict[int, list[int]] = {}
    for x, pg in enumerate(page_of):
        on_page.setdefault(pg, []).append(x)
    big = 10_000.0
    # A label printed on a row's own lines labels that row.
    owner = [next((x for x, (a, b) in enumerate(spans) if a <= line <= b), None) for line, _ in labels]

    # best[k][j]: the least cost of labelling rows 0..j-1 with labels 0..k-1, label k-1 ending at
    # row j-1 (back[k][j]: the first row it covers, 1-based). The cost of label k over rows i..j
    # is how far its line is from the middle of those rows on its page, plus 2 for each row whose
    # 满意度 does not match it; big where it cannot be (its own row outside, none on its page).
    best = [[big * 10] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for k in range(1, m + 1):
        line, name = labels[k - 1]
        own = owner[k - 1]
        members = on_page.get(pages.get(line, 0), [])
        first = [bisect_left(members, i) for i in range(n)]  # the first member at or after row i
        last = [bisect_right(members, j) - 1 for j in range(n)]  # the last member at or before row j
        top = [extents[members[f]][0] if f < len(members) else 0.0 for f in first]  # where rows i.. begin
        middle = height[line]
        liked = "满意" in name
        before, here, came = best[k - 1], best[k], back[k]
        for j in range(k, n + 1):
            # Label k over rows i..j (1-based) is possible for i up to ``until``: a member of its page
            # at or after row i and at or before row j, and its own row (if any) among them.
            hi = last[j - 1]
            until = min(j, members[hi] + 1) if hi >= 0 else k - 1
            if own is not None:
                until = min(until, own + 1) if own <= j - 1 else k - 1
            end = extents[members[hi]][1] if hi >= 0 else 0.0
            named_to = satisfaction[j]
            if liked:
                values = [before[i - 1] + (abs((top[i - 1] + end) / 2 - middle)
                                           + 2 * (j - i + 1 - (named_to - satisfaction[i - 1])))
                          for i in range(k, until + 1)]
            else:
                values = [before[i - 1] + (abs((top[i - 1] + end) / 2 - middle) + 2 * (named_to - satisfaction[i - 1]))
                          for i in range(k, until + 1)]
            values += [before[i - 1] + big for i in range(max(k, until + 1), j + 1)]
            least = min(values)
            if least < here[j]:  # the first i with the least cost, as a scan with < finds it
                here[j], came[j] = least, k + values.index(least)
    out = [""] * n
    j = n
    for k in range(m, 0, -1):
        i = back[k][j]
        for x in range(i - 1, j):
            out[x] = labels[k - 1][1]
        j = i - 1
    return out


def _heights(pages: dict[int, int], label_only: set[int]) -> dict[int, float]:
    """A vertical position for each line: rows' lines count one each, label-only lines half."""
    out: dict[int, float] = {}
    y = 0.0
    for idx in sorted(pages):
        if idx in label_only:
            out[idx] = y + 0.5
        else:
            y += 1
            out[idx] = y
    return out


_FAMILY = {
    **dict.fromkeys(("数量指标", "质量指标", "时效指标"), "产出指标"),
    **dict.fromkeys(("经济成本指标", "社会成本指标", "生态环境成本指标"), "成本指标"),
    **dict.fromkeys(("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"), "效益指标"),
    "服务对象满意度指标": "满意度指标",
}
