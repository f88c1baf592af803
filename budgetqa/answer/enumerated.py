"""Numbered points of the report's text: the reasons it gives (一是…二是…三是…), the steps of a plan
(1. 2. 3.), the items of a list of contents. How many it lists, and what the N-th (or the last) says.

Read from the report's lines at question time; each list is found by the words before its first point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from budgetqa.answer.build import answer
from budgetqa.answer.model import Answer
from budgetqa.models import Document
from budgetqa.question.query import Query
from budgetqa.textnorm import chinese_ordinal, compact

_CN = "一二三四五六七八九十"
# How a question asks for the points of a list: their number, or one of them by its place.
_HOW_MANY = re.compile(r"(?:几|多少)(?:条|点|步|个方面|方面|大项|大类|个步骤|个阶段|项(?:内容|措施|原因|举措|工作))")
_WHICH = re.compile(rf"第([{_CN}\d]{{1,2}})(?:条|点|步|个方面|方面|大项|项)|最后一(?:条|点|步|项)|末(?:条|点|项)")
# Words asking what a point says.
_SAYS = re.compile(r"是什么|是啥|是哪|干什么|干啥|做什么|写的(?:是)?(?:什么|啥)|写了(?:什么|啥)|说的(?:是)?(?:什么|啥)|说了(?:什么|啥)"
                   r"|讲的(?:是)?(?:什么|啥)|内容|指什么|怎么说")
# Words that are the question's own, not the list's (they would match every list).
_ASKING = re.compile(rf"(?:报告|说明|里面?|中|写了|列了|提了|点了|分了|分成|分为|一共|总共|共|有|几|多少|是什么|是啥|干什么|干啥|"
                     rf"什么|哪|呢|吗|第[{_CN}\d]{{1,2}}|条|点|步|项|最后|其中|的|是|了)")


@dataclass(frozen=True)
class Points:
    """One numbered list of the text: the words before it, its points, the line of each."""

    lead: str
    points: tuple[str, ...]
    lines: tuple[int, ...]


@lru_cache(maxsize=64)
def _lists(lines: tuple[str, ...]) -> tuple[Points, ...]:
    """Every numbered list of the text: inline (一是…二是…) and at line starts (1. / （1） / ①)."""
    found: list[Points] = []
    text, starts = "", []
    for line in lines:
        starts.append(len(text))
        text += compact(line)

    def line_at(offset: int) -> int:
        return max(k for k, s in enumerate(starts) if s <= offset) + 1

    for first in re.finditer(r"一是", text):
        marks, at = [first], first.end()
        for n in _CN[1:]:
            nxt = re.compile(f"{n}是").search(text, at, at + 400)
            if nxt is None:
                break
            marks.append(nxt)
            at = nxt.end()
        if len(marks) >= 2 and not text[first.start() - 1:first.start()].isdigit():
            ends = [m.start() for m in marks[1:]] + [_sentence_end(text, marks[-1].end())]
            found.append(Points(_lead(text, first.start()), tuple(text[m.end():e].strip("，,；;。、") for m, e in zip(marks, ends)),
                                tuple(line_at(m.start()) for m in marks)))
    for pattern in (r"(\d{1,2})[.．、](?!\d)", r"[（(](\d{1,2})[）)]", r"([①②③④⑤⑥⑦⑧⑨⑩])"):
        numbered = [(k, m) for k, line in enumerate(lines) if (m := re.match(r"\s*" + pattern, line))]
        run: list[tuple[int, re.Match]] = []
        for k, m in numbered + [(-1, None)]:
            number = _number(m.group(1)) if m else 0
            if run and number == _number(run[-1][1].group(1)) + 1 and k - run[-1][0] <= 12:
                run.append((k, m))
                continue
            if len(run) >= 2 and (points := _line_points(lines, starts, text, run)) is not None:
                found.append(points)
            run = [(k, m)] if m is not None and number == 1 else []
    return tuple(found)


def _number(mark: str) -> int:
    return "①②③④⑤⑥⑦⑧⑨⑩".index(mark) + 1 if mark in "①②③④⑤⑥⑦⑧⑨⑩" else int(mark)


def _line_points(lines: tuple[str, ...], starts: list[int], text: str, run: list) -> Points | None:
    """A list whose points open lines: each point runs to the next one (the last to its sentence's end)."""
    offsets = [starts[k] + len(compact(lines[k][:m.end()])) for k, m in run]
    ends = [starts[k] for k, _ in run[1:]] + [_sentence_end(text, offsets[-1])]
    said = [text[s:e] for s, e in zip(offsets, ends)]
    if any("……" in p or len(re.findall(r"\d", p)) > len(p) / 3 for p in said):
        return None  # the rows of a table or of the contents, not points of the text
    return Points(_lead(text, starts[run[0][0]]), tuple(text[s:e].strip("，,；;。、") for s, e in zip(offsets, ends)),
                  tuple(k + 1 for k, _ in run))


def _sentence_end(text: str, start: int) -> int:
    end = text.find("。", start)
    return min(end + 1 if end >= 0 else len(text), start + 200)


def _lead(text: str, start: int) -> str:
    """The words before a list's first point, back to the sentence before (at most 80 characters)."""
    before = text[max(0, start - 80):start]
    cut = max(before.rfind("。", 0, len(before) - 1), before.rfind("\f"))
    if cut < 0 and start > 80:  # (the window starts inside a sentence: from its next clause)
        cut = min((i for i in (before.find("，"), before.find("；")) if i >= 0), default=-1)
    return before[cut + 1:].strip()


def enumerated(doc: Document, q: Query) -> Answer | None:
    """几条原因 / 分了几步 / 第三条是什么: the list of points whose words before it the question shares most."""
    many, which = _HOW_MANY.search(q.squashed), _WHICH.search(q.squashed)
    if not (many or which and _SAYS.search(q.squashed)) or not doc.lines:
        return None  # (第6点写的两个数自洽吗: a figure of that point is asked, not what it says)
    words = _ASKING.sub(" ", q.squashed)
    pairs = {w[i:i + 2] for w in words.split() for i in range(len(w) - 1)}
    if len(pairs) < 2:
        return None
    scored = [(sum(p in (points.lead + "".join(points.points)[:40]) for p in pairs)
               + 2 * sum(p in points.lead for p in pairs), points) for points in _lists(tuple(doc.lines))]
    best = max(scored, key=lambda s: s[0], default=(0, None))
    if best[1] is None or best[0] < 6:
        return None
    points = best[1]
    n = len(points.points)
    said = "；".join(f"{k}. {p}" for k, p in enumerate(points.points, 1))
    a = answer("text", f"「{points.lead[-30:]}」所列各点", f"报告在「{points.lead[-30:]}」下列了 {n} 点：{said}（第{points.lines[0]}行起）。")
    a.figure("所列条数", Decimal(n), "条")
    if which:
        place = n if which.group(1) is None else (int(which.group(1)) if which.group(1).isdigit() else chinese_ordinal(which.group(1)))
        if 1 <= place <= n:
            a.text += f"第 {place} 点：{points.points[place - 1]}（第{points.lines[place - 1]}行）。"
    a.columns, a.rows = ["序号", "内容", "行"], [[k, p, line] for k, (p, line) in enumerate(zip(points.points, points.lines), 1)]
    return a
