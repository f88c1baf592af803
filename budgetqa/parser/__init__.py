"""Parse a budget disclosure's text into a Document (tables, projects, targets, narrative)."""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from pathlib import Path

from budgetqa.models import ECONOMIC_CLASSES, PARSER_VERSION, Document, ReportError
from budgetqa.parser import narrative, performance
from budgetqa.parser.metadata import placeholders, read_metadata
from budgetqa.parser.quality import measure
from budgetqa.parser.projects import projects_from_tables
from budgetqa.parser.tables import find_tables, read_table
from budgetqa.parser.text import compact
from budgetqa.reading import read_report

__all__ = ["PARSER_VERSION", "parse_file", "parse_text"]

# Characters on one line: real reports print at most a few hundred (the widest table of the corpus
# 731); a longer line is a damaged text, and every name or label taken from it would carry it.
LONGEST_LINE = 10_000


def parse_file(path: str | Path) -> Document:
    """Read and parse a report file (text in any common encoding, or PDF)."""
    text, digest = read_report(path)
    return parse_text(text, Path(path).name, digest)


def parse_text(text: str, source_name: str = "report.txt", sha256: str | None = None) -> Document:
    """Parse report text; raise ReportError when it is not a budget disclosure."""
    if sha256 is None:
        sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    lines = text.split("\n")
    if max(map(len, lines)) > LONGEST_LINE:
        longest = next(i for i, line in enumerate(lines) if len(line) > LONGEST_LINE)
        raise ReportError(f"{source_name}：第 {longest + 1} 行有 {len(lines[longest]):,} 个字符，报告的一行最多几百个"
                          f"（文本损坏了，或者不是报告？）")
    spans = find_tables(lines)
    if not spans and not narrative.is_budget_narrative(lines):
        raise ReportError(f"{source_name}：不是部门预算或决算公开报告（找不到预算表格）")
    doc = Document(department="", year=None, kind="预算", unit="万元", source_name=source_name,
                   sha256=sha256, lines=lines)
    performance_start = performance.first_sheet(lines)
    departments: list[str] = []
    used: set[int] = set()
    # Templates that print no table numbers are numbered in the order the tables appear.
    printed = any(span.number for span in spans)
    for span in spans:
        stop = performance_start if span.start < performance_start < span.end else None
        tables, department = read_table(lines, span, stop, doc.tables)
        for table in tables:
            if not printed:
                table.no = len(doc.tables) + 1
            if table.no in used:
                table.no = max(used | {13}) + 1
            used.add(table.no)
            doc.tables.append(table)
        if department:
            departments.append(department)
    meta = read_metadata(lines, doc.tables, source_name, departments)
    doc.department, doc.year, doc.kind, doc.scope = meta.department, meta.year, meta.kind, meta.scope
    doc.notes = meta.notes
    doc.projects = projects_from_tables(doc.tables)
    doc.performance = performance.parse_sheets(lines) + performance.parse_statements(lines)
    doc.facts, doc.items = narrative.parse(lines, doc)
    doc.unit = _main_unit(doc)
    if not doc.tables:
        doc.notes.append("没有表格（只有说明文字）：只能回答说明里写出的数字和文字"
                         + (f"；表格是图片（{len(_IMAGES.findall(text))} 张）" if _IMAGES.search(text) else ""))
    holes = placeholders(lines)
    if holes >= 5:
        doc.notes.append(f"空白模板：有 {holes} 处占位符（XX、XXX），不是真实数字，不读作金额")
    if doc.tables:
        _check_complete(doc, lines)
    elif _contents(lines, len(lines)):
        # Read as prose only, yet its contents list tables: cut off before the first of them.
        raise _truncated(source_name, f"目录列出 {len(_contents(lines, len(lines)))} 张表，正文在第一张表之前就结束了")
    # Rows whose columns were not compared one by one (a bounded search gave up): say so.
    doc.notes += [f"表{t.no}：{t.note}" for t in doc.tables if t.note]
    doc.quality = measure(doc, lines, spans)
    if doc.quality.poor:
        doc.notes.append(f"读得不完整：{doc.quality.describe()}；回答前请对照原文")
    return doc


_IMAGES = re.compile(r"\[图片表格|\[图片|<img", re.I)


def _main_unit(doc: Document) -> str:
    units = [t.unit for t in doc.tables if t.rows]
    if not units:
        units = [f.unit for f in doc.facts if f.kind == "amount"]
    if not units:
        return "万元"
    main = max(set(units), key=units.count)
    others = sorted({t.unit for t in doc.tables if t.rows and t.unit != main})
    if others:
        tables = "、".join(f"表{t.no}" for t in doc.tables if t.rows and t.unit != main)
        doc.notes.append(f"金额单位：{main}；{tables} 以{'、'.join(others)}为单位")
    return main


def _truncated(source_name: str, what: str) -> ReportError:
    """The refusal of a text cut off before its end."""
    return ReportError(f"{source_name}：文件不完整（被截断）：{what}")


def _check_complete(doc: Document, lines: list[str]) -> None:
    """Refuse a file cut off inside a table: the text must not stop before a table is whole."""
    from budgetqa.parser.headers import classify_title
    from budgetqa.parser.text import is_noise

    content = [i for i, line in enumerate(lines) if compact(line) and not is_noise(line)]
    last = doc.tables[-1]
    for i in content[-12:]:
        if i >= last.line and classify_title(lines[i]) and i + 1 != last.line:
            raise _truncated(doc.source_name, f"正文在一张表的标题之后就结束了（第 {i + 1} 行）")
    if last.closed:
        return
    end = max([last.line] + [r.line for r in last.rows] + [c.line for r in last.rows for c in r.cells])
    where = f"表{last.no}「{last.title}」（第 {last.line} 行）"
    if not last.rows and not last.empty:
        raise _truncated(doc.source_name, f"{where}没有数据行")
    if not last.empty and not any(r.cells for r in last.rows):
        raise _truncated(doc.source_name, f"{where}在出现数字之前就结束了")
    if last.two_sided and not any("总计" in r.name or r.name in ("合计", "收入合计", "支出合计") for r in last.rows):
        raise _truncated(doc.source_name, f"{where}在总计行之前就结束了")
    if last.rows and not _closes(last):
        raise _truncated(doc.source_name, f"正文在{where}之中结束（第 {end} 行），各行还加不到合计")
    _check_promised(doc, lines, end)
    _check_last_rows(doc, end)


def _check_promised(doc: Document, lines: list[str], end: int) -> None:
    """Refuse a text that stops before tables its table of contents lists (the tables it holds
    reached, in the contents' order, and the ones after them missing)."""
    last = doc.tables[-1]
    promised = _contents(lines, doc.tables[0].line - 1)
    found = {t.kind for t in doc.tables}
    reached = max((i for i, kind in enumerate(promised) if kind in found), default=-1)
    missing = [kind for kind in promised[reached + 1:] if kind not in found]
    if missing:
        raise _truncated(doc.source_name, f"正文在第 {end} 行、表{last.no}「{last.title}」之中结束；"
                                            f"目录列出 {len(promised)} 张表，其中 {len(missing)} 张没有出现")


def _check_last_rows(doc: Document, end: int) -> None:
    """Refuse a last table whose rows stop on a parent or before the total row it prints."""
    last = doc.tables[-1]
    tail = last.rows[-1] if last.rows else None
    # A table that prints rows under its 类 (款, 项; economic items under their class) does not end
    # on a class: the rows under the last one were cut off.
    coded = [r for r in last.rows if r.code]
    classes = [r for r in last.rows if compact(r.name) in ECONOMIC_CLASSES] if last.kind == "basic_economic" else []
    # A project list does not end on the department's (or a unit's) own row either.
    department = compact(doc.department)
    grouped = last.kind.startswith("projects") and tail is not None and len(department) >= 4 and (
        compact(tail.name) in department or department in compact(tail.name))
    if (coded and coded[-1] is tail and any(len(r.code) > len(tail.code) for r in coded)) or (
        classes and classes[-1] is tail and len(classes) < len([r for r in last.rows if not r.is_total])
    ) or grouped:
        raise _truncated(doc.source_name, f"正文在第 {end} 行、表{last.no}「{last.title}」之中结束："
                                            f"停在{_label(tail)}之后，它下面的各行都没有")
    if not last.empty and last.rows and all(_is_total(r) for r in last.rows) and any(
            c.amount for r in last.rows for c in r.cells):
        raise _truncated(doc.source_name, f"正文在第 {end} 行、表{last.no}「{last.title}」之中结束："
                                            f"停在合计行之后，合计所加的各行都没有")
    if last.kind in _TOTALLED and not last.empty and not any(_is_total(r) for r in last.rows):
        raise _truncated(doc.source_name, f"正文在第 {end} 行、表{last.no}「{last.title}」之中结束，"
                                            f"没有合计行")


# Tables that print a 合计 (or 总计, 人员经费合计 …) row; a project list's total is its first row.
_TOTALLED = ("summary", "income", "expenditure", "fiscal_summary", "gp_expenditure", "fund_income",
             "fund_expenditure", "state_capital", "basic_economic", "three_public", "fiscal_expenditure")
_LEADER = re.compile(r"(?:[…⋯]+|[.．·]{3,})\d*$")  # the dots of a contents line and its page number


def _label(row) -> str:
    return f"「{row.code} {row.name}」" if row.code else f"「{row.name}」"


def _is_total(row) -> bool:
    return row.is_total or compact(row.name) in ("合计", "总计")


def _contents(lines: list[str], first_table: int) -> list[str]:
    """The kinds of the tables a table of contents lists before the tables (in its order): lines
    with leader dots, or any line in the 60 after a 目录 heading, that read as a table title."""
    from budgetqa.parser.headers import classify_title

    kinds: list[str] = []
    contents_end = -1
    for i, line in enumerate(lines[:first_table]):
        text = compact(line)
        if text in ("目录", "目次"):
            contents_end = i + 60
            continue
        entry = _LEADER.sub("", text)
        if entry == text and i > contents_end:
            continue
        found = classify_title(entry)
        if found:
            kinds.append(found[0])
    return kinds


def _closes(table) -> bool:
    """True when a table that ends the text looks complete (its children reach its totals)."""
    from budgetqa.parser.columns import hierarchy

    for parent, children in hierarchy(table, table.rows):
        if parent.row_no > children[-1].row_no or not parent.cells:
            continue
        column = parent.cells[0].column
        got = sum((c.amount(column) or 0 for c in children), start=Decimal(0))
        # Rows cut off leave the children short of their total; a report whose figures merely
        # disagree is loaded (and its check says so).
        shortfall = parent.cells[0].amount - got
        if shortfall > Decimal("0.011") * len(children):
            return False
    return True
