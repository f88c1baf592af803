"""The tables themselves: what a table's columns, rows, column numbers (栏次), notes and title are, as
printed, and the same of the performance sheets (their printed title, their indicator levels).

A question about a table's layout names the table (by number, by words of its title, by a topic printed
in one table, or 这张表 for the one just shown) and one or more aspects of it; the answer says each
aspect asked, with the line where the table starts.
"""

from __future__ import annotations

import re
from decimal import Decimal

from budgetqa import patterns
from budgetqa.answer.build import answer, joined
from budgetqa.answer.model import Answer, amount_text
from budgetqa.answer.resolve import TOPIC_TABLES
from budgetqa.models import Document, Table
from budgetqa.textnorm import compact, squash

# A table's columns asked (三公经费那张表分哪几栏, 支出决算表有哪些栏目, 最后一栏是什么): its headings, not its figures.
COLUMNS_ASKED = patterns.compile(r"(?:分|有|列了?|设了?)(?:了)?(?:哪几|哪些|几)(?:个)?[\u4e00-\u9fff]{0,4}?(?:栏|(?<!并)列|栏目)(?!入|出|示|支)"
                           r"|[几两三四五六七八九十\d](?:个)?[栏列](?:数|金额)?(?:分别)?(?:叫|是)(?:什么|啥)|栏目|表头(?:是|有|写的?|上|里)?(?:的)?(?:哪|什么|啥|几|怎么)"
                           r"|按哪(?:几|些)[\u4e00-\u9fff]{0,5}分列"
                           r"|(?:最后|最左|最右|第[一二三四五六七八九十\d]{1,2})(?:一|1)?[栏列](?:是|叫|写)")

# Which of a table's columns (or, of a summary table, which items of a side) hold figures or are empty.
_FILLED_ASKED = patterns.compile(r"空|没(?:有)?(?:数|填|金额)|无数|(?<!没)有数|有数字|有金额|填了")
FILLED_COLUMNS_ASKED = patterns.compile(r"(?:哪一?|这些|那些|这几|那几)(?:个)?(?:列|栏)[^，,。？?]{0,6}(?:空|没(?:有)?数|无数|有数)"
                                  r"|(?:空|没(?:有)?数|无数|有数)[^，,。？?]{0,6}(?:哪一?|哪几)(?:个)?(?:列|栏)")

# The other things a table's layout is asked by: the rows it lists (一行一行列的是什么, 有哪几行), the column
# numbers printed under its headings (栏次), its note (没数据是怎么标注的, 表下面的注), its printed title (表名全称).
ASPECTS: dict[str, patterns.LazyPattern] = {
    "rows": patterns.compile(r"一行一行|每一?行(?:是|列|写)|各行(?:是|列|写)|哪(?:几|些)行|行(?:名|标题)|(?:按|分)行列"),
    "numbering": patterns.compile(r"栏次|(?:栏|列)(?:的)?(?:编号|序号)|编到几|编了几"),
    "note": patterns.compile(r"(?:怎么|如何|咋)(?:标注|注明|标明|标的|注的)|标注|注明|备注|表注|注释|下面的注|底下的注|脚注"),
    "position": patterns.compile(r"第几张|第几个表|是第[一二三四五六七八九十\d]{1,2}张(?:表)?(?:吗|吧|么|嘛|不)"),
    "levels": patterns.compile(r"[一二三]级指标"),
    "title": patterns.compile(r"表名|全称|全名|标题(?:是|叫|怎么写|写的是什么)|表的?名字"
                        r"|(?:表[\d一二三四五六七八九十]{0,3}|张)(?:的)?(?:名字)?叫(?:什么|啥)(?:名字)?$|张(?:表)?是(?:什么|啥)(?:表)?$"),
}


# Figures asked: a question about the rows of a table that asks their figures is a question about figures.
_FIGURES_ASKED = patterns.compile(r"多少|金额|求和|筛选|排序|降序|升序|合计|总计|占")


def aspects_asked(squashed: str) -> list[str]:
    """The aspects of a table's layout a question asks about, in the order they are said."""
    found = [(m.start(), name) for name, pattern in ASPECTS.items() if (m := pattern.search(squashed))
             and not (name == "rows" and _FIGURES_ASKED.search(squashed))]
    if COLUMNS_ASKED.search(squashed) or FILLED_COLUMNS_ASKED.search(squashed):
        found.append((min(m.start() for p in (COLUMNS_ASKED, FILLED_COLUMNS_ASKED) if (m := p.search(squashed))), "columns"))
    return [name for _, name in sorted(found)]


def table_named(doc: Document, q) -> Table | None:
    """The table a question names: by number or title words, by the table it is read in, or by a topic
    printed in a table of its own (三公经费那张表)."""
    nos = [int(t.key) for m in q.subjects for t in m.terms if t.kind == "table"] or ([q.table] if q.table else [])
    if nos:
        return doc.table_no(nos[0])
    kinds = [TOPIC_TABLES[t.key] for m in q.subjects for t in m.terms if t.kind == "topic" and t.key in TOPIC_TABLES]
    return doc.table(kinds[0]) if kinds else None


def layout(doc: Document, q, aspects: list[str]) -> Answer | None:
    """The aspects asked of the table a question names; None when it names no table or the table has
    nothing to say of them (a column question of a table read without columns)."""
    table = table_named(doc, q)
    if table is None:
        return None
    said = []
    for aspect in dict.fromkeys(aspects):
        part = _ASPECT_ANSWERS[aspect](doc, table, q)
        if part is not None:
            said.append(part)
    if not said:
        return None
    if len(said) == 1:
        return said[0]
    first = joined(said)
    first.understood = f"{table.label} 的表式"
    return first


def _columns(doc: Document, table: Table, q) -> Answer | None:
    """The column headings of a table; of a two-sided table, those of the side named (支出那边分哪几栏)."""
    if not table.columns:
        return None
    if _FILLED_ASKED.search(q.squashed):
        return _filled(table, q)
    side = _side_named(q.squashed)
    columns = table.side_columns.get(side, table.columns) if side and table.two_sided else table.columns
    headings = list(dict.fromkeys(c.replace("/", "—") for c in columns))
    where = f"{table.label} {side}方" if side and table.two_sided else table.label
    text = f"{where} 共 {len(headings)} 栏：{'；'.join(headings)}"
    if len(headings) > 1:
        text += f"（最后一栏：{headings[-1]}）"
    if table.kind in ("three_public", "operating_cost") and table.rows:  # (its items are printed across, each split
        items = list(dict.fromkeys(r.name for r in table.rows))  # into those columns; read here as rows)
        text += f"；分项 {len(items)} 个，各分上述各栏：{'、'.join(items)}"
    labels = _label_headings(doc, table)
    if labels:
        text += f"；数字栏左侧的名称栏：{'、'.join(labels)}"
    a = answer("about", f"{where} 的栏目", f"{text}（第{table.line}行起）。")
    a.source(table.label, table.line, "表头")
    return a


def _side_named(squashed: str) -> str | None:
    if re.search(r"收入(?:方|侧|那边|这边|栏|部分)", squashed):
        return "收入"
    return "支出" if re.search(r"支出(?:方|侧|那边|这边|栏|部分)", squashed) else None


def _filled(table: Table, q) -> Answer:
    """The columns of a table that hold a figure in some row and those empty in every row; of a two-sided
    summary table (its items printed as rows of one 决算数/预算数 column), the items of the side asked."""
    empty_asked = bool(re.search(r"空|没(?:有)?(?:数|填|金额)|无数", q.squashed))
    side = _side_named(q.squashed)
    if table.two_sided or len(table.columns) <= 2 and side:
        rows = [r for r in table.rows if side is None or r.side == side]
        names = [r.name for r in rows if bool(r.cells) != empty_asked and not re.search(r"合计|总计", r.name)]
        what = f"{side + '方' if side else ''}各项"
    else:
        with_figures = {c.column for r in table.rows for c in r.cells if c.amount}
        names = [c.replace("/", "—") for c in table.columns if (c in with_figures) != empty_asked]
        what = "各栏"
    state = "没有数字" if empty_asked else "有数字"
    a = answer("about", f"{table.label} {what}中{state}的", f"{table.label} {what}中{state}的有 {len(names)} 个："
               f"{'、'.join(names) if names else '（无）'}（第{table.line}行起）。")
    if not empty_asked and not table.two_sided:
        total = next((r for r in table.rows if re.search(r"合计|总计", r.name)), None)
        for c in total.cells if total is not None else []:
            if c.column.replace("/", "—") in names:
                a.text += f"{total.name}行 {c.column} {amount_text(c.amount, table.unit)}（第{c.line}行）。"
                a.figure(f"{total.name} {c.column}", c.amount, table.unit, table.label, c.line)
    a.source(table.label, table.line, "表头")
    return a


def _label_headings(doc: Document, table: Table) -> list[str]:
    """The headings of a table's name columns (科目编码, 部门预算支出经济科目名称), as printed above its first
    row (a heading wrapped over two lines is read whole)."""
    first = min((r.line for r in table.rows), default=0)
    if not doc.lines or not first or first - table.line > 40:
        return []
    head = "".join(compact(line) for line in doc.lines[table.line:first - 1] if not re.search(r"单位[:：]|公开表", line))
    for word in sorted({w for c in table.columns for w in c.split("/")}, key=len, reverse=True):
        head = head.replace(compact(word), " ")  # (the number columns' own headings)
    return list(dict.fromkeys(re.findall(r"(?:(?:部门|政府)预算支出经济|(?:支出)?(?:功能|经济)分类)?(?:科目|项目|单位)(?:名称|编码|代码)", head)))


def _rows(doc: Document, table: Table, q) -> Answer | None:
    """The rows a table lists, in order, with the figure of its first column where it prints one."""
    rows = [r for r in table.rows if r.name or r.code]
    if not rows:
        return None
    names = [f"{r.code or ''} {r.name}".strip() for r in rows]
    state = "，本表无数据" if not table.has_data else ""
    a = answer("about", f"{table.label} 的行", f"{table.label} 共 {len(rows)} 行{state}：{'；'.join(names)}"
               f"（第{rows[0].line}—{rows[-1].line}行）。")
    a.columns = ["行", "名称", table.columns[0].replace("/", "—") if table.columns else "金额"]
    a.rows = [[r.line, f"{r.code or ''} {r.name}".strip(), amount_text(r.first, table.unit) if r.first is not None else ""]
              for r in rows]
    a.source(table.label, rows[0].line, "首行")
    return a


def _note_lines(doc: Document, table: Table) -> list[tuple[int, str]]:
    """The notes printed with a table (注：本表无数据), with their line numbers."""
    if not doc.lines:
        return []
    later = [t.line for t in doc.tables if t.line > table.line]
    end = min(later + [len(doc.lines) + 1]) - 1
    if table.body:
        end = min(end, table.body[1] + 3)
    return [(i + 1, doc.lines[i].strip()) for i in range(table.line, min(end, len(doc.lines)))
            if re.match(r"\s*(?:注|说明|备注)\s*[:：0-9１-９]", doc.lines[i]) or "本表无数据" in doc.lines[i]]


def _note(doc: Document, table: Table, q) -> Answer | None:
    """What the report prints under a table (注：本表无数据), or that it prints nothing there."""
    notes = _note_lines(doc, table)
    if notes:
        text = f"{table.label} 印有：" + "；".join(f"「{note}」（第{line}行）" for line, note in notes)
    else:
        text = f"{table.label} 没有印注释" + ("，本表无数据" if not table.has_data else "")
    a = answer("about", f"{table.label} 的注", text + "。")
    a.source(table.label, notes[0][0] if notes else table.line, "注")
    return a


def _numbering(doc: Document, table: Table, q) -> Answer | None:
    """The column numbers printed under a table's headings (栏次 1 2 3 …), as printed."""
    first = min((r.line for r in table.rows), default=table.line + 30)
    for i in range(table.line, min(first, len(doc.lines))):
        numbers = re.findall(r"\d+", doc.lines[i])
        if len(numbers) >= 2 and re.fullmatch(r"[\s\d栏次]+", doc.lines[i].strip()) \
                and [int(n) for n in numbers] == list(range(1, len(numbers) + 1)):
            a = answer("about", f"{table.label} 的栏次",
                       f"{table.label} 表头下印有栏次 1—{len(numbers)}（共 {len(numbers)} 栏编号，第{i + 1}行）。")
            a.figure(f"{table.label} 栏次", Decimal(len(numbers)), "栏", table.label, i + 1)
            return a
    a = answer("about", f"{table.label} 的栏次", f"{table.label} 表头下没有印栏次编号（第{table.line}行起）。")
    a.source(table.label, table.line, "表头")
    return a


def _title(doc: Document, table: Table, q) -> Answer | None:
    """A table's title as printed, with its number and line."""
    state = f"有数据，共 {len(table.rows)} 行" if table.has_data else "本表无数据"
    a = answer("about", f"{table.label} 的表名", f"第{table.no}张表的表名印作「{table.title}」（第{table.line}行）；{state}。")
    a.source(table.label, table.line, "表名")
    return a


def _position(doc: Document, table: Table, q) -> Answer | None:
    """Where a table stands among the report's tables."""
    place = [t.no for t in doc.tables].index(table.no) + 1 if table in doc.tables else table.no
    a = answer("about", f"{table.label} 的位置", f"「{table.title}」是报告的第{place}张表（表{table.no}，"
               f"共 {len(doc.tables)} 张表，第{table.line}行）。")
    a.source(table.label, table.line, "表名")
    return a


# (the indicator levels are the performance sheets', answered by sheet_layout: no table has them)
_ASPECT_ANSWERS = {"position": _position, "levels": lambda doc, table, q: None, "columns": _columns, "rows": _rows,
                   "numbering": _numbering, "note": _note, "title": _title}


# --------------------------------------------------------------------------- performance sheets
SHEETS_NAMED = patterns.compile(r"绩效(?:目标)?(?:表|申报表)")
_LEVEL_ASKED = patterns.compile(r"([一二三])级指标")


def sheet_layout(doc: Document, q, aspects: list[str]) -> Answer | None:
    """The performance sheets' printed title, or the indicators of one level they use (一级指标分哪几类)."""
    if not doc.performance or not SHEETS_NAMED.search(q.squashed):
        return None
    level = _LEVEL_ASKED.search(q.squashed)
    if level is not None:
        field = {"一": "level1", "二": "level2", "三": "level3"}[level.group(1)]
        values = list(dict.fromkeys(getattr(i, field) for s in doc.performance for i in s.indicators if getattr(i, field)))
        if not values:
            return None
        first = doc.performance[0]
        a = answer("about", f"绩效目标表的{level.group(0)}",
                   f"{len(doc.performance)} 张项目绩效目标表的{level.group(0)}共 {len(values)} 类：{'、'.join(values)}"
                   f"（第{first.indicators[0].line}行起）。")
        a.source("项目绩效目标表", first.indicators[0].line, level.group(0))
        return a
    if "title" not in aspects:
        return None
    printed = _printed_sheet_titles(doc)
    if not printed:
        return None
    names = list(dict.fromkeys(title for _, title in printed))
    a = answer("about", "项目绩效目标表的表名",
               f"{len(doc.performance)} 张项目绩效目标表的表名印作：" + "；".join(
                   f"「{name}」（第{next(line for line, t in printed if t == name)}行起）" for name in names) + "。")
    a.source("项目绩效目标表", printed[0][0], "表名")
    return a


def _printed_sheet_titles(doc: Document) -> list[tuple[int, str]]:
    """Each sheet's title line as printed (屯留区县(区)级预算部门（单位）项目支出绩效目标表), found just above it."""
    out = []
    for sheet in doc.performance:
        key = squash(sheet.title or "绩效目标表")
        for i in range(sheet.line - 1, max(0, sheet.line - 8), -1):
            if i < len(doc.lines) and key in squash(doc.lines[i]):
                out.append((i + 1, doc.lines[i].strip()))
                break
    return out
