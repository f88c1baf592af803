"""The report's own outline: its cover, its parts and the numbered points under a section, as headed in the text.

这是哪个单位的预算 / 是预算还是决算 / 什么时候公开的 is read off the cover: the lines before the contents, which
title the report (2024 年度部门预算, 2026年区级单位预算) and may date it (2024 年 4 月, 更新时间：2018-03-06).

第二部分讲什么 is the second part's heading and what it holds; 名词解释第五条 / 其他相关情况说明第四点 /
预算情况说明的第四小节 is the fifth (fourth) numbered point under the section of that name. A report heads its
parts 第一部分… or only numbers them 一、二、…; a section's points are the first numbered level below its
heading (一、, （一）, 1.), read in order from 1 until the numbering stops.
"""

from __future__ import annotations

import re
from decimal import Decimal

from budgetqa import patterns
from budgetqa.answer.build import answer
from budgetqa.answer.model import Answer
from budgetqa.models import Document
from budgetqa.question.numbers import small_numeral
from budgetqa.question.query import Query
from budgetqa.textnorm import compact

# The report itself asked after: whose and which year's it is (这是哪个单位的预算, 这份决算是哪个部门的), which kind
# (预算还是决算), or when it came out (什么时候公开的, 更新时间).
WHOSE_REPORT = patterns.compile(r"^(?:这|本|该)(?:份|个|是)?(?:报告|预算|决算|文件)?(?:是)?(?:哪个|哪家|什么|哪一个)(?:部门|单位|机关)的"
                                r"(?:部门)?(?:预算|决算|报告|文件)?(?:报告)?(?:啊|呀|呢)?$")
KIND_ASKED = patterns.compile(r"(?:预算|决算)还是(?:预算|决算)|(?:这|本|该)(?:份|个)?(?:报告|文件)?(?:是|属于)(?:预算|决算)(?:报告)?(?:吗|么)")
DATE_ASKED = patterns.compile(r"(?:什么|啥|哪个?)(?:时候|时间|日子|日期|月份?)(?:对外)?(?:公开|发布|公布|出|印发|更新|编|挂|上网)"
                              r"|(?:何时|哪天|哪一天|几月|几号)(?:对外)?(?:公开|发布|公布|出|印发|更新|编)"
                              r"|(?:公开|发布|公布|更新|印发|编制|落款)(?:的)?(?:时间|日期)")
_CONTENTS = re.compile(r"^\s*(?:目\s*录|第一部分|一、)")
_COVER_DATE = re.compile(r"^\s*(20\d\d\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)\s*$"
                         r"|(?:更新|发布|公开|印发)(?:时间|日期)\s*[:：]\s*([\d][\d\-./年月日 ]*\d日?)")
_COVER_LINES = 8


_THE_REPORT = re.compile(r"(?:这|本|该|此)(?:份|个|一份)?(?:部门|单位)?(?:预算|决算|报告|文件|说明)(?:报告|说明)?")


def of_the_report(q: Query) -> bool:
    """Whether a question names nothing but the report itself (这份预算是什么时候公开的: 这份预算 is the report)."""
    return all(_THE_REPORT.fullmatch(q.squashed[m.start:m.end]) or _THE_REPORT.search(q.squashed[max(0, m.start - 2):m.end + 2])
               and m.via == "synonym" for m in q.subjects_typed) and len(q.subjects_typed) == len(q.subjects)


def cover(doc: Document) -> tuple[str, int, tuple[str, int] | None]:
    """The report's title as its cover prints it (the lines before the contents or the first heading, joined),
    the number of those lines, and the date the cover prints with its line (None when it prints none)."""
    lines: list[str] = []
    for line in doc.lines[:_COVER_LINES]:
        if _CONTENTS.match(line):
            break
        lines.append(line)
    date = next(((next(g for g in m.groups() if g).strip(), n) for n, line in enumerate(lines, 1)
                 if (m := _COVER_DATE.search(line))), None)
    title = "".join(compact(x) for x in lines if not _COVER_DATE.search(x) and not x.strip().isdigit() and not re.search("[:：]", x))
    return (title if re.search(r"预算|决算|情况说明", title) else ""), len(lines), date


def whose_report(doc: Document) -> Answer:
    """这是哪个单位的预算 / 是预算还是决算: the department, year and kind of the report, with its cover's title and date."""
    title, lines, date = cover(doc)
    return answer("about", "报告本身", f"这是 {doc.department} 的 {doc.year or ''}年{doc.kind}报告（{doc.source_name}）。"
                  + (f"封面题为「{title}」（第1–{lines}行）。" if title else "")
                  + (f"封面所署日期：{date[0]}（第{date[1]}行）。" if date else ""))


def report_date(doc: Document) -> Answer:
    """什么时候公开的: the date the cover prints; a report that prints none is said to print none."""
    title, _, date = cover(doc)
    if date is None:
        return Answer(False, "about", f"报告（{doc.label}）的封面没有印公开或更新的日期。",
                      understood="按「报告的公开日期」理解", document=doc.label)
    a = answer("about", "报告的日期", f"{doc.label}{f'（封面「{title}」）' if title else ''} 所署日期：{date[0]}"
               f"（第{date[1]}行）。这是报告自己印的日期，实际公开的日子以发布的网站为准。")
    a.source("报告封面", date[1], date[0])
    return a


# A part named by its number (第二部分讲什么), or a numbered point of a section named before it (名词解释第五条,
# 说明里第三点, 其他相关情况说明第四点讲的是什么).
_PART_NAMED = patterns.compile(r"第([一二三四五六七八九十\d]{1,3})部分(?:的)?(?:主要)?(?:讲|说|写|是|包括|包含|有|内容|标题|叫|介绍)"
                               r"(?:了|的|些)?(?:是)?(?:什么|啥|哪些|哪几|内容)(?!.*(?:几|多少)(?:张|个|项))")
_POINT_NAMED = patterns.compile(r"([\u4e00-\u9fff]{2,16}?)(?:里面|里|中|当中)?(?:的)?第([一二三四五六七八九十\d]{1,3})"
                                r"(点|条|项|个问题|小节|节|部分|段)")
_PARTS_ASKED = patterns.compile(r"(?:分|有|包括|由)(?:哪几|哪些|几|多少)个?部分|目录")
# The words of a section's name that say only whose or which report it is (西南大学2021年预算情况说明 -> 情况说明).
_OWNER = patterns.compile(r"^.*?(?:20\d\d年度?)|^(?:这份|本|该)?(?:报告|预算|决算)(?:的|里)?")

# A numbered heading: 第一部分 …, 一、…, （一）…, 1. … — its kind is the index of the numbering matched.
_HEADING = re.compile(r"^\s*(?:第([一二三四五六七八九十]+)部分|([一二三四五六七八九十]+)、|[（(]([一二三四五六七八九十]+)[）)]"
                      r"|(\d{1,2})[.．、](?![\d.．]))\s*(.*)$")
_LEADER = re.compile(r"[.…·．。\s]+\d*$")  # the dots and page number a contents line ends with
_AMOUNT = re.compile(r"\d[\d,]*\.\d\d|\d{1,3}(?:,\d{3})+")  # a table row's figures: no heading


def _heading(line: str) -> tuple[int, int, str] | None:
    """(kind, number, text) of a numbered heading line; a glossary entry's heading is its term (一、财政拨款收入：指…)."""
    m = _HEADING.match(line)
    if m is None:
        return None
    kind = next(i for i in range(4) if m.group(i + 1))
    said = m.group(kind + 1)
    n = int(said) if said.isdigit() else small_numeral(said)
    text = _LEADER.sub("", re.split(r"[：:]", m.group(5), maxsplit=1)[0]).strip()
    if not n or not text or _AMOUNT.search(text) or len(compact(text)) > 40:
        return None
    return kind, n, compact(text)


def _outside_tables(doc: Document) -> list[tuple[int, str]]:
    """(line number, text) of the report's lines that no table's body holds."""
    inside = {i for t in doc.tables if t.body for i in range(*t.body)}
    return [(i + 1, line) for i, line in enumerate(doc.lines) if i not in inside]


def _run(lines: list[tuple[int, str]], kind: int, start: int = 0, stop_kinds: tuple = ()) -> list[tuple[int, str]]:
    """The headings of one kind numbered 1, 2, 3 … in order from ``start``: (line, text); the run ends where the
    numbering does not go on, or at a heading of a kind above it."""
    out: list[tuple[int, str]] = []
    for no, line in lines[start:]:
        h = _heading(line)
        if h is None:
            continue
        if h[0] in stop_kinds and out:
            break
        if h[0] != kind:
            continue
        if h[1] == len(out) + 1:
            out.append((no, h[2]))
        elif out:
            break
    return out


def parts(doc: Document) -> list[tuple[int, int, str]]:
    """The report's parts: (number, line, heading). Headed 第一部分… (the body's, not the contents'), or else
    its longest run of 一、二、… headings."""
    found: dict[int, tuple[int, int, str]] = {}
    lines = _outside_tables(doc)
    for no, line in lines:
        h = _heading(line)
        if h is not None and h[0] == 0:
            found[h[1]] = (h[1], no, compact(line))  # (listed in the contents first: the last one is the body's)
    if found:
        return sorted(found.values())
    best: list[tuple[int, str]] = []
    for i, (_, line) in enumerate(lines):
        h = _heading(line)
        if h is not None and h[0] == 1 and h[1] == 1 and len(run := _run(lines, 1, i)) > len(best):
            best = run
    if len(best) < 2:
        return []
    out, after = [], best[-1][0]
    for n, (no, text) in enumerate(best, 1):  # (a contents' run: each part where the body heads it again)
        again = next((m for m, line in lines if m > after and _named_line(line) == text), None)
        out.append((n, again or no, f"{_NUMERALS[n]}、{text}"))
        after = again or after
    return out


def _named_line(line: str) -> str:
    """What a line heads, numbered or not (一、部门预算表 / 部门预算表)."""
    h = _heading(line)
    return h[2] if h else _LEADER.sub("", compact(line))


_NUMERALS = dict(enumerate("零一二三四五六七八九十", 0)) | {n: f"十{'一二三四五六七八九'[n - 11]}" for n in range(11, 20)}


def section_points(doc: Document, name: str) -> tuple[int, str, list[tuple[int, str]]] | None:
    """The numbered points under the section a name says (名词解释, 其他相关情况说明, 预算情况说明): (line, heading,
    points). The section is the heading most like the name (the body's, later, over the contents'), whose
    first numbered heading below starts at 1."""
    lines = _outside_tables(doc)
    scored = []
    for i, (no, line) in enumerate(lines):
        text = compact(line)
        h = _heading(line)
        head = h[2] if h else _LEADER.sub("", text)
        if not head or len(head) > 24 or not (h or len(head) <= 16):
            continue
        # the longest end of the name the heading holds (屯留区委办预算情况说明 → 预算情况说明 in 2024年度部门预算情况说明)
        common = next((k for k in range(len(name), 1, -1) if name[-k:] in head), 0)
        if common >= min(4, len(name)) or head in name and len(head) >= 4:
            scored.append((max(common, len(head) if head in name else 0), i, no, head, h))
    # the most alike, then the highest level (第三部分…情况说明 over a 五、…情况说明 inside it), then the body's
    for common, i, no, head, h in sorted(scored, key=lambda s: (-s[0], s[4][0] if s[4] else 1, -s[1])):
        below = next(((j, hh) for j, (_, x) in enumerate(lines[i + 1:i + 40], i + 1) if (hh := _heading(x))), None)
        if below is None or below[1][1] != 1 or (h is not None and below[1][0] <= h[0]):
            continue  # (a contents line: the next heading goes on with the list, it does not start a new one)
        above = tuple(range(h[0] + 1)) if h is not None else tuple(range(below[1][0]))
        points = [(no, _numbered(below[1][0], i, text))
                  for i, (no, text) in enumerate(_run(lines, below[1][0], below[0], stop_kinds=above), 1)]
        if points:
            return no, head, points
    return None


def part_named(doc: Document, q: Query) -> Answer | None:
    """第二部分讲什么: that part's heading and what it holds; 名词解释第五条: that section's fifth point; 报告分哪几部分:
    the parts."""
    part, point = _PART_NAMED.search(q.squashed), _POINT_NAMED.search(q.squashed)
    if q.subjects or q.amounts:
        return None  # (第三部分写着X万元，由哪几块构成: X is asked, the part only says where)
    if point is not None and (point.group(3) != "部分" or re.search(r"说明|解释|情况", point.group(1))):
        found = _point(doc, point)  # (情况说明第四部分: a point of that section; 报告第二部分: a part of the report)
        if found is not None or point.group(3) != "部分":
            return found
        part = _PART_NAMED.search(q.squashed)  # (预算情况说明第四部分 of a report that is that 说明 alone: its part)
    found = parts(doc)
    if part is None and found and _PARTS_ASKED.search(q.squashed):
        a = answer("about", "报告的组成", f"{doc.label} 分为 {len(found)} 个部分：" + "；".join(h for _, _, h in found) + "。")
        for _, line, head in found:
            a.source("报告原文", line, head)
        a.figure("部分的个数", Decimal(len(found)), "个")
        return a
    if part is None or not found:
        return None
    n = _number(part.group(1))
    this = next((p for p in found if p[0] == n), None)
    if this is None:
        return None
    end = next((p[1] for p in found if p[1] > this[1]), len(doc.lines) + 1)
    tables = [t.label for t in doc.tables if this[1] <= t.line < end]
    lines = _outside_tables(doc)
    start = next((i for i, (no, _) in enumerate(lines) if no > this[1]), len(lines))
    kinds = {h[0] for no, x in lines[start:] if no < end and (h := _heading(x))}
    below = _run(lines, min(kinds), start) if kinds else []
    points = [_numbered(min(kinds), i, text) for i, (no, text) in enumerate(below, 1) if no < end]
    listed = f"{doc.label} 分为 {len(found)} 个部分；" if _PARTS_ASKED.search(q.squashed) else ""  # (分几部分？第三部分…)
    a = answer("text", f"第{n}部分", f"{listed}第{n}部分是「{this[2]}」（第{this[1]}行）" + (
        f"，印有 {len(tables)} 张表：" + "；".join(tables) if tables else "，其下分为：" + "；".join(points[:12]) if points else "") + "。")
    a.source("报告原文", this[1], this[2])
    if listed:
        a.figure("部分的个数", Decimal(len(found)), "个")
    return a


def _point(doc: Document, point: re.Match[str]) -> Answer | None:
    """The n-th numbered point under the section named before it (说明 alone: the narrative's)."""
    name = _OWNER.sub("", point.group(1)) or point.group(1)
    if re.search(r"职责|职能", name):
        return None  # (the department's duties are listed and counted as such, not as a section's points)
    if name in ("说明", "文字", "文字说明"):
        name = "情况说明"
    n = _number(point.group(2))
    found = section_points(doc, name)
    if found is None or not n or n > len(found[2]):
        return None
    line, head = found[2][n - 1]
    a = answer("text", f"{found[1]}第{n}点", f"「{found[1]}」（第{found[0]}行）下的第{n}点是「{head}」（第{line}行）。")
    a.source("报告原文", line, head)
    return a


def _numbered(kind: int, n: int, text: str) -> str:
    """A point's heading with its number as such headings print it (三、X, （三）X, 3.X)."""
    said = _NUMERALS.get(n, str(n))
    return (f"第{said}部分{text}", f"{said}、{text}", f"（{said}）{text}", f"{n}.{text}")[kind]


def _number(said: str) -> int | None:
    return int(said) if said.isdigit() else small_numeral(said)
