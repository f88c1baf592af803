"""An amount typed and asked what it is (35.89万是什么钱, 23.83对应哪个科目, 602.58万这个数是什么意思): every
place the report prints that amount — a table's rows and columns, a figure the narrative states, a performance
sheet's funds — each said with its name, table and line. Nothing is guessed: an amount printed nowhere is
said to be printed nowhere, and one printed under several names shows them all.
"""

from __future__ import annotations

import re
from decimal import Decimal

from budgetqa import patterns
from budgetqa.answer.build import answer
from budgetqa.question.numbers import typed_value
from budgetqa.answer.model import Answer, amount_text
from budgetqa.answer.resolve import NARRATIVE, Value
from budgetqa.models import Document
from budgetqa.question.query import Query
from budgetqa.textnorm import strip_ordinal

# What a typed amount is asked to be (是什么钱, 指的是什么, 对应哪个科目, 是哪一块支出, 干什么用的).
WHAT_ASKED = patterns.compile(r"是(?:什么|啥|哪)|指(?:的)?(?:是)?(?:什么|啥|哪)|对应|什么(?:钱|意思|经费|支出|科目|项目|费)"
                        r"|哪(?:一)?(?:项|块|个|栏|笔|类|种)|干(?:什么|啥|嘛)(?:用)?的|用(?:来|于)(?:干|做)"
                        r"|(?:挂|归|放|列|记|算|落|出|编)(?:在|到|于|自)?(?:哪|什么|啥)")

# Words between the amount and the question (35.89万这个数是什么, 23.83万元到底对应哪个科目).
_POINTER = patterns.compile(r"(?:万元|万|元)?(?:的)?(?:这个数字?|这笔钱?|这一?项|这个|那个)?(?:在[^，,。？?]{0,12}?(?:表|说明|报告|文件|[预决]算(?![表报说]))(?:里|中|上)?)?"
                      r"(?:到底|究竟|具体)?")

# The question asked before the amount (哪一行是0.87万, 哪项写着1,220,000元).
_WHICH_IS = patterns.compile(r"哪(?:一)?(?:行|项|个|笔|栏)(?:是|为|写着|印着|填的是|对应)$")

_MOST = 8  # names shown at most; the rest are counted


def amount_printed(doc: Document, q: Query) -> Answer | None:
    """The names the report prints a typed amount under, when a question types one amount, names nothing
    and asks what it is."""
    places_named = [m for m in q.subjects + ([q.whole] if q.whole else []) if m.kinds in ({"table"}, {"list"})]
    if len(places_named) != len(q.subjects) + (q.whole is not None) or len(q.amounts) != 1 \
            or q.comparator not in (None, "eq") or q.amounts[0].about:
        return None  # (a table or project list named is where to look: 上年结转项目里哪一行是0.87万)
    typed = q.amounts[0]
    raw, after = q.squashed[typed.start:typed.end], q.squashed[typed.end:]
    pointer = _POINTER.match(after)
    alone = not q.squashed[:typed.start].strip() and not re.sub(r"[？?。！!呢啊吗]", "", after[pointer.end():])
    asked_first = _WHICH_IS.search(q.squashed[:typed.start]) and not re.sub(r"[？?。！!呢啊吗]|万元|万|元", "", after)
    if not (typed.unit or "." in raw) or not (alone or asked_first or WHAT_ASKED.match(after[pointer.end():])):
        return None  # (最大的一笔: no amount; 服务类10万，供应商是哪家: the amount is not what is asked about; an
        # amount typed alone, 13.5, asks what it is)
    places: dict[str, list[tuple[str, int, Decimal, str]]] = {}  # name -> (where, line, amount, unit)
    whose: dict[str, tuple[str, str]] = {}  # name -> (the code or project it is of, its name): what a follow-up leans on
    tables = {int(m.term.key) for m in places_named if m.kinds == {"table"}}
    projects = any(m.kinds == {"list"} for m in places_named)
    for table in doc.tables:
        if tables and table.no not in tables or projects and not table.kind.startswith("projects"):
            continue
        want = typed_value(typed, table.unit)
        for row in table.rows:
            for cell in row.cells:
                if cell.amount != want or row.name == doc.department:
                    continue
                leaf = cell.column.rsplit("/", 1)[-1]
                name = f"{row.name}（{leaf}栏）" if row.is_total else " ".join(
                    x for x in (row.code, strip_ordinal(row.name)) if x)
                # (a row's figure in a column other than its first: which column, 779.70 is 20131's 项目支出)
                where = table.label if row.is_total or cell is row.cells[0] else f"{table.label} {leaf}栏"
                places.setdefault(name, []).append((where, cell.line, cell.amount, table.unit))
                if not row.is_total:
                    whose[name] = (row.code or f"project:{strip_ordinal(row.name)}", strip_ordinal(row.name))
    stated = [f for f in doc.facts if f.kind in ("amount", "change") and abs(f.value) == typed_value(typed, f.unit)
              and not places_named]
    for f in stated:
        name = f"{f.label}（说明中所写{'的增减' if f.kind == 'change' else ''}）"
        places.setdefault(name, []).append((f"{NARRATIVE} {f.section}".strip(), f.line, abs(f.value), f.unit))
    for sheet in doc.performance if not places_named else []:
        for key, value in sheet.funds.items():
            if value == typed_value(typed, sheet.unit) and value:
                name = f"{sheet.project_name} {key.replace('/', '')}"
                places.setdefault(name, []).append((sheet.title, sheet.fund_lines.get(key, sheet.line), value, sheet.unit))
                whose[name] = (f"project:{sheet.project_name}", sheet.project_name)
    places = {name: _one_per_line(spots) for name, spots in _without_lone_parents(places).items()}
    shown = f"{typed.value}{typed.unit or ''}"
    if not places:
        looked = "、".join(t.label for t in doc.tables if t.no in tables) or ("项目表" if projects else "")
        return Answer(False, "about", f"{looked}里没有印 {shown} 这个数。" if looked else
                      f"报告（{doc.label}）的表格、说明和绩效表里都没有印 {shown} 这个数。",
                      understood=f"按「{shown} 在报告中印在哪里」理解")
    listed = list(places.items())
    said = "；".join(f"{name}（{_under(doc, name)}" + "、".join(f"{where} 第{line}行" for where, line, _, _ in spots[:3])
                    + (f" 等 {len(spots)} 处" if len(spots) > 3 else "") + "）" for name, spots in listed[:_MOST])
    more = f"；另有 {len(listed) - _MOST} 处名称" if len(listed) > _MOST else ""
    quoted = f"原文：{stated[0].sentence.strip()}（第{stated[0].line}行）" if stated else ""
    a = answer("about", f"{shown} 在报告中印在哪里",
               f"报告中印着 {shown} 的有 {len(listed)} 个名目：{said}{more}。{quoted}")
    for name, spots in listed[:_MOST]:
        where, line, value, unit = spots[0]
        a.figure(name, value, unit, where, line)
        a.source(where, line, name)
    of = {whose[name] for name, _ in listed if name in whose}
    if len(of) == 1:  # one thing printed it (a project's row, its sheet, the text on it): 它的… asks of it
        (key, name), = of
        where, line, value, unit = listed[0][1][0]
        a.focus = [Value(name, value, unit, where, line, key)]
    return a


def _one_per_line(spots: list[tuple]) -> list[tuple]:
    """Each line once, as first found: a row printing the amount in its total and in one column is one place."""
    seen: set[tuple] = set()
    return [spot for spot in spots if (spot[1], spot[2]) not in seen and not seen.add((spot[1], spot[2]))]


def _under(doc: Document, name: str) -> str:
    """Where a code sits (2013202 sits under 201 and 20132): its parents as the tables print them."""
    code = name.split(" ", 1)[0]
    if not code.isdigit() or len(code) <= 3:
        return ""
    names = {r.code: strip_ordinal(r.name) for t in doc.tables for r in t.rows if r.code}
    parents = [f"{p} {names[p]}" for p in (code[:3], code[:5]) if p != code and p in names]
    return f"属于 {' › '.join(parents)}；" if parents else ""


def _without_lone_parents(places: dict) -> dict:
    """A code printed with the amount of its one child below it (221 with 22102 with 2210201) is the child."""
    codes = [name.split(" ", 1)[0] for name in places if name.split(" ", 1)[0].isdigit()]

    def lone_parent(name: str) -> bool:
        code = name.split(" ", 1)[0]
        return code.isdigit() and any(other != code and other.startswith(code) for other in codes)

    return {name: spots for name, spots in places.items() if not lone_parent(name)}
