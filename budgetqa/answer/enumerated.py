"""Numbered points of the report's text: the reasons it gives (一是…二是…三是…), the steps of a plan
(1. 2. 3.), the items of a list of contents. How many it lists, and what the N-th (or the last) says.

Read from the report's lines at question time; each list is found by the words before its first point.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from budgetqa import patterns
from budgetqa.answer.build import answer
from budgetqa.answer.model import Answer
from budgetqa.answer.text import sheet_asked
from budgetqa.models import Document
from budgetqa.question.query import Query
from budgetqa.textnorm import chinese_ordinal, compact

_CN = "一二三四五六七八九十"
# How a question asks for the points of a list: their number, or one of them by its place.
_HOW_MANY = patterns.compile(r"(?<!哪)(?:几|多少)(?:条|点|步|个方面|方面|大项|个步骤|个阶段|项(?:内容|措施|原因|举措|工作))")
_WHICH = patterns.compile(rf"第([{_CN}\d]{{1,2}})(?:条|点|步|个方面|方面|大项|项)|最后一(?:条|点|步|项)|末(?:条|点|项)")
# Words asking what a point says.
_SAYS = patterns.compile(r"是什么|是啥|是哪|干什么|干啥|做什么|写的(?:是)?(?:什么|啥)|写了(?:什么|啥)|说的(?:是)?(?:什么|啥)|说了(?:什么|啥)"
                   r"|讲的(?:是)?(?:什么|啥)|内容|指什么|怎么说")
# Words that are the question's own, not the list's (they would match every list).
_ASKING = patterns.compile(rf"(?:报告|说明|里面?|中|写了|列了|提了|点了|分了|分成|分为|一共|总共|共|有|几|多少|是什么|是啥|干什么|干啥|"
                     rf"什么|哪|呢|吗|第[{_CN}\d]{{1,2}}|条|点|步|项|最后|其中|的|是|了)")


@dataclass(frozen=True)
class Points:
    """One numbered list of the text: the words before it, its points, the line of each."""

    lead: str
    points: tuple[str, ...]
    lines: tuple[int, ...]


@lru_cache(maxsize=64)
def _lists(lines: tuple[str, ...]) -> tuple[Points, ...]:
    """Every numbered list of the report's text."""
    text, starts = "", []
    for line in lines:
        starts.append(len(text))
        text += compact(line)
    return tuple(_points_in(text, lambda offset: bisect_right(starts, offset)))


# How points are numbered: 一是…二是…, 1. 2. (or 1、), （1）（2）, ①②. Each mark is searched for after the one before.
# A list keeps one way of numbering: 1. 2. or 1、2、, never the one then the other.
_MARKS = ((lambda n: f"{_CN[n - 1]}是", 400, 10), (lambda n: rf"(?<![\d.．]){n}[.．](?![\d])", 1500, 30),
          (lambda n: rf"(?<![\d.．]){n}、", 1500, 30), (lambda n: rf"[（(]{n}[）)]", 1500, 30),
          (lambda n: "①②③④⑤⑥⑦⑧⑨⑩"[n - 1], 1500, 10))


def _points_in(text: str, line_at) -> list[Points]:
    """The numbered lists of one text (``line_at``: the report's line of an offset)."""
    found = []
    for mark, reach, most in _MARKS:
        taken = -1
        for first in re.finditer(mark(1), text):
            if first.start() <= taken:
                continue
            marks, at = [first], first.end()
            for n in range(2, most + 1):
                nxt = re.compile(mark(n)).search(text, at, at + reach)
                if nxt is None:
                    break
                marks.append(nxt)
                at = nxt.end()
            if len(marks) < 2:
                continue
            ends = [m.start() for m in marks[1:]] + [_sentence_end(text, marks[-1].end())]
            said = [text[m.end():e].strip("，,；;。、 ") for m, e in zip(marks, ends)]
            if any("……" in p or len(re.findall(r"\d", p)) > len(p) / 3 for p in said):
                continue  # the rows of a table or of the contents, not points of the text
            taken = marks[-1].start()
            found.append(Points(_lead(text, first.start()), tuple(said), tuple(line_at(m.start()) for m in marks)))
    return found


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
    sheet = sheet_asked(doc, q) if q.field_name else None
    field = sheet.fields.get(q.field_name, "") if sheet is not None else ""
    own = _points_in(compact(field), lambda _: sheet.field_lines.get(q.field_name, sheet.line)) if field else []
    if own:  # 某项目的年度目标一共几条: the points of that sheet's field
        points = replace(own[0], lead=f"{sheet.project_name} {q.field_name}")
    else:
        scored = [(sum(p in (points.lead + "".join(points.points)[:40]) for p in pairs)
                   + 2 * sum(p in points.lead for p in pairs), points) for points in _lists(tuple(doc.lines))]
        best = max(scored, key=lambda s: s[0], default=(0, None))
        if best[1] is None or best[0] < 6:
            return None
        points = best[1]
    n = len(points.points)
    brief = n > 5  # (a long list is named point by point, each by its opening words; its table holds them whole)
    said = "；".join(f"{k}. {p[:30] + '…' if brief and len(p) > 30 else p}" for k, p in enumerate(points.points, 1))
    a = answer("text", f"「{points.lead[-30:]}」所列各点", f"报告在「{points.lead[-30:]}」下列了 {n} 点：{said}（第{points.lines[0]}行起）。")
    a.figure("所列条数", Decimal(n), "条")
    if which:
        place = n if which.group(1) is None else (int(which.group(1)) if which.group(1).isdigit() else chinese_ordinal(which.group(1)))
        if 1 <= place <= n:
            a.text += f"第 {place} 点：{points.points[place - 1]}（第{points.lines[place - 1]}行）。"
    a.columns, a.rows = ["序号", "内容", "行"], [[k, p, line] for k, (p, line) in enumerate(zip(points.points, points.lines), 1)]
    return a
