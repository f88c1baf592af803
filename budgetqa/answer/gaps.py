"""Where a gap between two tables comes from: one subject printed in two tables with different figures
(基本支出 in the spending table and in the 一般公共预算 table), compared code by code below it, so the
subjects whose figures differ are named with both figures and the gap (差在哪个科目)."""

from __future__ import annotations

import re
from decimal import Decimal

from budgetqa import patterns
from budgetqa.answer.build import answer
from budgetqa.answer.model import Answer, Figure, amount_text
from budgetqa.answer.resolve import best_values, table_no_of
from budgetqa.models import Document, Row, Table
from budgetqa.question.query import Query
from budgetqa.textnorm import squash, strip_ordinal

# 出在哪个科目 / 差在哪 / 差的那部分是哪个款 / 哪个科目造成的
GAP_ASKED = patterns.compile(r"(?:出在|差在|来自|源于|在于|体现在)(?:了)?(?:哪|什么)"
                       r"|(?:差(?:额|的|出来的)?|多出(?:来)?的?|少(?:了)?的)(?:那部分|部分|这块|那块|钱)?(?:是|在|出在)?"
                       r"(?:哪个|哪些|哪几个|什么)(?:科目|款|类|项)"
                       r"|哪(?:个|些)(?:科目|款|类|项)(?:造成|导致|引起)")
_LEVEL_LENGTH = {"类": 3, "款": 5, "项": 7}


def gap_source(doc: Document, q: Query, shown: list[Figure]) -> Answer | None:
    """The subjects below one figure whose amounts differ between two tables: the two figures the last
    answer gave from different tables, or the subject asked in the table named and in the last one."""
    asked = GAP_ASKED.search(q.squashed)
    if asked is None:
        return None
    level = next((w for w in _LEVEL_LENGTH if w in asked.group()), None)  # (这个类…差的是哪个款: 款)
    placed = [p for f in shown if (p := _placed(doc, f)) is not None]
    pairs = [(a, b) for i, a in enumerate(placed) for b in placed[i + 1:] if a[0] is not b[0] and a[0].unit == b[0].unit]
    pair = next((p for p in pairs if _leaf(p[0][2]) == _leaf(p[1][2])), pairs[0] if pairs else None)  # (the same column first)
    code = next((m.term.key for m in q.subjects if "code" in m.kinds), None)
    if q.table is not None and code is not None:  # 表5里这个类只有X，差的那部分是哪个款: the code in both tables
        last = next((t for t, _, _ in placed if t.no != q.table), None) or doc.table("expenditure")
        here = next((t for t in doc.tables if t.no == q.table), None)
        rows = [(t, next((r for r in t.rows if r.code == code and r.cells), None)) for t in (last, here) if t is not None]
        if len(rows) == 2 and last is not here and all(r is not None for _, r in rows):
            pair = tuple((t, r, r.cells[0].column) for t, r in rows)
    if pair is None:
        return None
    return _rows_differing(pair[0], pair[1], level)


def _placed(doc: Document, f: Figure) -> tuple[Table, Row, str] | None:
    """The table, row and column a shown figure was read from."""
    no = table_no_of(f.table or "")
    table = next((t for t in doc.tables if t.no == no), None) if no else None
    row = next((r for r in table.rows if r.line == f.line), None) if table is not None else None
    cell = next((c for c in row.cells if c.amount == f.value), None) if row is not None else None
    return (table, row, cell.column) if cell is not None else None


def _below(table: Table, row: Row) -> dict[str, Row]:
    """The coded rows under a row (every coded row under a total)."""
    return {r.code: r for r in table.rows if r.code and r.cells and (not row.code or r.code.startswith(row.code) and r.code != row.code)}


def _leaf(column: str) -> str:
    return column.rsplit("/", 1)[-1]


def _amount(row: Row | None, column: str) -> Decimal:
    cell = next((c for c in row.cells if _leaf(c.column) == _leaf(column)), None) if row is not None else None
    return cell.amount if cell is not None and cell.amount is not None else Decimal(0)


def _rows_differing(a: tuple[Table, Row, str], b: tuple[Table, Row, str], level: str | None) -> Answer | None:
    (ta, ra, ca), (tb, rb, cb) = a, b
    below_a, below_b = _below(ta, ra), _below(tb, rb)
    codes = set(below_a) | set(below_b)
    if level in _LEVEL_LENGTH:
        codes = {c for c in codes if len(c) == _LEVEL_LENGTH[level]}
    else:  # the most particular subjects
        codes = {c for c in codes if not any(o != c and o.startswith(c) for o in codes)}
    gaps = sorted(((c, _amount(below_a.get(c), ca), _amount(below_b.get(c), cb)) for c in codes),
                  key=lambda g: (-abs(g[1] - g[2]), g[0]))
    gaps = [g for g in gaps if g[1] != g[2]]
    if not gaps:
        return None
    unit = ta.unit
    whole = _amount(ra, ca) - _amount(rb, cb)
    name = lambda c: (below_a.get(c) or below_b.get(c)).label  # noqa: E731
    a = answer("difference", f"表{ta.no} 与 表{tb.no} 的差额出在哪些科目",
               f"表{ta.no} {_said(ra, ca)} {amount_text(_amount(ra, ca), unit)}，表{tb.no} {_said(rb, cb)} "
               f"{amount_text(_amount(rb, cb), unit)}，相差 {amount_text(abs(whole), unit)}；差在 {len(gaps)} 个科目："
               + "；".join(f"{name(c)}（表{ta.no} {amount_text(x, unit)}，表{tb.no} {amount_text(y, unit)}，差 {amount_text(abs(x - y), unit)}）"
                           for c, x, y in gaps[:5]) + ("" if len(gaps) <= 5 else f"；另有 {len(gaps) - 5} 个") + "。")
    a.figure("差额（计算）", abs(whole), unit)
    for c, x, y in gaps[:5]:
        a.figure(f"{name(c)} 差额（计算）", abs(x - y), unit)
        a.source(ta.label, (below_a.get(c) or below_b.get(c)).line)
    a.columns = ["科目编码", "名称", f"表{ta.no}", f"表{tb.no}", "差额", "单位"]
    a.rows = [[c, (below_a.get(c) or below_b.get(c)).name, x, y, abs(x - y), unit] for c, x, y in gaps]
    return a


def _said(row: Row, column: str) -> str:
    """'212 城乡社区支出', or '合计 基本支出' for a column of a total row."""
    leaf = column.rsplit("/", 1)[-1]
    return row.label if row.code or leaf in ("合计", "金额", "决算数", "预算数") else f"{row.label} {leaf}"


# 对得上吗 / 一样吗 / 差多少: two figures of one subject set against each other
_AGREE_ASKED = patterns.compile(r"对得上|对不上|对的上|一致|一样|相符|吻合|差多少|相差|差额|差了多少|差几")


def _core(label: str) -> str:
    """A figure's subject without its code, ordinal or column (八、城乡社区支出 一般公共预算 -> 城乡社区支出)."""
    return squash(strip_ordinal(re.sub(r"^\d{3,7}\s*", "", label)).split(" ")[0])


def same_subject(doc: Document, q: Query, shown: list[Figure]) -> Answer | None:
    """One subject read in two tables, the two set against each other: the subject asked in the table
    named against its figure just given from another table (和表5里的城乡社区支出对得上吗), or, with nothing
    named, the two figures of one subject the last answer gave (差多少)."""
    if not _AGREE_ASKED.search(q.squashed) or len(q.subjects) > 1:
        return None
    if q.table is None and len(q.subjects) == 1 and shown and (tables := _tables_said(doc, q)):
        # 和三公表里的对得上吗: the name just given, read in the table named (by its title or its topic)
        return next(filter(None, (_in_table_named(doc, t, shown) for t in tables)), None)
    if q.subjects:
        if q.table is None:
            return None
        found = best_values(doc, q.subjects[0].terms, q)
        if not found:
            return None
        now = Figure(found[0].label, found[0].amount, found[0].unit, found[0].where, found[0].line)
        before = next((f for f in shown if f.table and f.table != now.table and f.unit == now.unit
                       and _core(f.label) == _core(now.label)), None)
        pair = (before, now) if before is not None else None
    else:
        pair = next(((a, b) for i, a in enumerate(shown) for b in shown[i + 1:] if a.table and b.table and a.table != b.table
                     and a.unit == b.unit and _core(a.label) == _core(b.label)), None)
    if pair is None or not _core(pair[0].label):
        return None
    a_, b_ = pair
    gap = abs(a_.value - b_.value)
    verdict = "一致" if not gap else f"不一致，相差 {amount_text(gap, a_.unit)}"
    a = answer("check", f"{a_.label}（{a_.table}）与 {b_.label}（{b_.table}）",
               f"{a_.label} {amount_text(a_.value, a_.unit)}（{a_.table} 第{a_.line}行）与 {b_.label} "
               f"{amount_text(b_.value, b_.unit)}（{b_.table} 第{b_.line}行）{verdict}。")
    for f in pair:
        a.figure(f.label, f.value, f.unit, f.table, f.line)
    a.figure("差额（计算）", gap, a_.unit)
    return a


def _tables_said(doc: Document, q: Query) -> list[Table]:
    """The tables the one name of a question stands for: a table named, or a topic said with 表 (三公表: every table
    whose title holds the topic)."""
    m = q.subjects[0]
    numbers = {int(t.key) for t in m.terms if t.kind == "table"}
    said = q.squashed[m.start:m.end + 1]
    words = {t.name for t in m.terms if t.kind == "topic"} if said.endswith("表") else set()
    return [t for t in doc.tables if t.no in numbers or any(w in re.sub(r"[“”\"「」]", "", t.title) for w in words)]


def _in_table_named(doc: Document, table: Table | None, shown: list[Figure]) -> Answer | None:
    """The figure just given set against the row of the same name in another table, in that table's unit: equal
    when the two agree once the first is put in the second's unit and rounded to the places it prints."""
    before = next((f for f in shown if f.table and f.line), None)
    if table is None or before is None or before.table == table.label:
        return None
    row = next((r for r in table.rows if r.first is not None and _core(r.name) == _core(before.label)), None)
    if row is None or {before.unit, table.unit} - {"元", "万元"}:
        return None
    factor = {("元", "万元"): Decimal("0.0001"), ("万元", "元"): Decimal(10000)}.get((before.unit, table.unit), Decimal(1))
    converted = before.value * factor
    places = Decimal(1).scaleb(row.first.as_tuple().exponent)  # (0.83 is printed to 0.01: 0.8265 rounds to it)
    agree = converted.quantize(places) == row.first
    said = f"{amount_text(before.value, before.unit)}（{before.table} 第{before.line}行）"
    if factor != 1:
        said += f"，折合 {converted.normalize()} {table.unit}"
    a = answer("check", f"{before.label}（{before.table}）与 {strip_ordinal(row.name)}（{table.label}）",
               f"{before.label} {said}；{table.label} 第{row.line}行印 {strip_ordinal(row.name)} {amount_text(row.first, table.unit)}："
               + ("一致" + ("（按表中小数位四舍五入后相同）" if converted != row.first else "") if agree
                  else f"不一致，相差 {amount_text(abs(converted - row.first), table.unit)}") + "。")
    a.figure(before.label, before.value, before.unit, before.table, before.line)
    a.figure(strip_ordinal(row.name), row.first, table.unit, table.label, row.line)
    return a
