"""Computed figures: sums, differences, shares (stated or computed, naming the denominator), changes.

All arithmetic is Decimal on the printed figures; every computed figure says what it was computed from."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from budgetqa.answer.common import add_value as _add_value
from budgetqa.answer.common import new_answer as _answer
from budgetqa.answer.common import pct as _pct
from budgetqa.answer.model import Answer, amount_text
from budgetqa.answer.values import Value, code_value, column_value, entity_values, fund_table, table_label, titled_tables
from budgetqa.docdata import DocData
from budgetqa.matcher import Entity, Parsed
from budgetqa.textnorm import squash


_KIND_PRIORITY = {"code": 0, "subject": 1, "project": 2, "economic": 3, "column": 4, "summary_item": 5, "fact": 6,
                  "three_public": 7, "asset": 8}


def _span_values(doc: DocData, p: Parsed) -> list[Value]:
    """One value per thing the question names, in order.

    A table named just before a name scopes it (表五项目支出 vs 表三项目支出); a table followed by
    合计 stands for its total row; a qualifier printed in a table's title joins the column after it
    (一般公共预算 + 基本支出); 上年结转 that only qualifies named projects, and a whole that the
    question asks within (基本支出中人员经费比公用经费…), are not values of their own.
    """
    groups: dict[tuple[int, int], list[Entity]] = {}
    for e in p.items:
        groups.setdefault((e.start, e.end), []).append(e)
    tables = sorted((e for e in p.entities if e.kind == "table" and e.ref.isdigit()), key=lambda e: e.start)
    spans = sorted(groups)
    if p.scope == "上年结转" and any(e.kind == "project" for e in p.items):
        spans = [s for s in spans if not all(e.name == "上年结转" for e in groups[s])] or spans
    points: list[tuple[int, Value]] = []
    skip = set()
    for a, b in zip(spans, spans[1:]):  # 自然资源海洋气象等支出中项目支出: the subject's total and its column
        code = next((e.ref for e in groups[a] if e.kind in ("code", "subject") and e.ref), None)
        column = next((e.name for e in groups[b] if e.kind == "column"), None)
        if code and column and p.squashed[a[1]:b[0]] in ("中", "里", "当中", "中的", "里的", "的") \
                and all(e.kind in ("column", "fact", "glossary") for e in groups[b]):
            whole, part = code_value(doc, code), code_value(doc, code, None, column)
            if whole is not None and part is not None and part.amount != whole.amount:
                if p.squashed[a[1]:b[0]].startswith(("中", "里", "当中")):  # X中Y占多少: X is the whole
                    points.append((a[0], whole))
                points.append((b[0], replace(part, key=f"{code}:{column}")))  # X的Y: just the part
                skip.update((a, b))
    for a, b in zip(spans, spans[1:]):  # 财政拨款安排的高等教育支出: the subject's row in that fund's table
        code = next((e.ref for e in groups[b] if e.kind in ("code", "subject") and e.ref), None)
        if not code or a in skip or p.squashed[a[1]:b[0]] not in ("", "的", "安排", "安排的", "拨款安排的"):
            continue
        if not all(e.kind in ("summary_item", "column", "fact", "glossary") for e in groups[a]):
            continue
        table = next((t for e in groups[a] if (t := fund_table(doc, e.name, code))), None)
        row = code_value(doc, code, None, None, table.no) if table else None
        if row is not None:
            points.append((a[0], replace(row, key=f"{code}@{table.no}", label=f"{row.label}（{table_label(table)}）")))
            skip.update((a, b))
    spans = [s for i, s in enumerate(spans) if s in skip or
             not (i + 1 < len(spans) and p.squashed[s[1]:s[1] + 3].startswith(("中", "里", "当中", "下的", "下面的"))
                  and len(spans) > 2)]
    for t in tables:  # 表十二合计 / 表五的合计 / 表三支出合计 / 表十二本年项目支出合计
        after = _TABLE_TOTAL.match(p.squashed, t.end)
        if (not after and not p.squashed.startswith("表", t.start) and not any(_scopes(p, t, s) for s in spans)
                and (t.end >= len(p.squashed) or p.squashed[t.end:].lstrip("的").startswith(_RELATIONS))):
            total = _table_total(doc, int(t.ref))  # 机关运行经费占…: a table named by what it is about
            if total is not None:
                points.append((t.start, total))
        elif after:
            total = _table_total(doc, int(t.ref), "收入" if "收入" in after.group(0) else "支出")
            if total is not None:
                points.append((t.start, total))
                skip.update(s for s in spans if t.end <= s[0] < after.end())
    named = any(e.kind in ("code", "subject", "economic", "project") for e in p.items)
    for s in spans:  # 行政单位离退休与事业单位离退休的支出决算合计: 支出决算 says which figure, it is not a thing
        if named and all(e.kind in ("fact", "glossary", "column") and e.name in _MEASURES for e in groups[s]):
            skip.add(s)
    skip.update(_named_with_code(groups))  # 一般行政管理事务（2120102）: the code says which of the names
    for i, s in enumerate(spans):  # 关工委今年的办公经费和结转的工作经费: a heading narrows the partial names after it
        if not all(e.via == "partial" for e in groups[s]):
            continue
        heading = {e.name for e in groups[s]}
        later = [t for t in spans[i + 1:] if all(e.via in ("partial", "fuzzy") for e in groups[t])]
        narrowed = {t: [e for e in groups[t] if e.name in heading] for t in later}
        if len(later) >= 2 and all(narrowed.values()):
            for t, kept in narrowed.items():
                groups[t] = kept
            skip.add(s)
    for s in spans:  # 关工委的钱：本年的关工委办公经费加上结转的关工委工作经费: the heading names no extra thing
        names = {e.name for e in groups[s]}
        narrower = [t for t in spans if t != s and len({o.name for o in groups[t]}) < len(names)]
        if all(e.via == "partial" for e in groups[s]) and all(
                any(o.name == e.name for t in narrower for o in groups[t]) for e in groups[s]):
            skip.add(s)
    rows_named = [s for s in spans if any(e.kind in ("code", "subject", "summary_item", "economic") for e in groups[s])]
    for s in spans:  # 一般公共服务支出的合计数，以及其中当年预算安排和上年结转安排: columns of that row
        if rows_named and rows_named[0][1] <= s[0] and all(e.kind == "column" for e in groups[s]) and (
                "其中" in p.squashed[rows_named[0][1]:s[0]] or p.squashed[rows_named[0][1]:s[0]] in ("", "的")):
            skip.add(s)
    for a, b in zip(spans, spans[1:]):  # 上年结转项目支出: 上年结转 only says which projects
        if p.squashed[a[1]:b[0]] in ("", "的") and all(e.name in _PROJECT_SCOPES for e in groups[a]) \
                and any(e.kind == "column" and e.name == "项目支出" for e in groups[b]):
            skip.add(a)
    for i, span in enumerate(spans):
        if span in skip:
            continue
        group = groups[span]
        table_no = next((int(t.ref) for t in reversed(tables) if _scopes(p, t, span)), None)
        if table_no is None:  # 上年结转项目支出合计（表十三）
            table_no = next((int(t.ref) for t in tables if 0 <= t.start - span[1] <= 3
                             and p.squashed[span[1]:t.start] in ("", "（", "(", "合计（", "合计(")), None)
        if any(e.kind == "column" and e.name == "项目支出" for e in group):
            total = _project_total(doc, p, span, table_no)
            if total is not None:
                points.append((span[0], total))
                continue
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        if nxt and nxt[0] == span[1] and any(e.kind == "column" for e in groups[nxt]):
            qualified = _qualified(doc, group, groups[nxt], p)
            if qualified is not None:
                points.append((span[0], qualified))
                skip.add(nxt)
                continue
        group.sort(key=lambda e: (-LCSseq.similarity(squash(e.name), p.squashed), _KIND_PRIORITY.get(e.kind, 9), -e.score))
        if p.scope and any(e.kind == "project" and e.ref == p.scope for e in group):
            group = [e for e in group if e.kind != "project" or e.ref == p.scope]
        for e in group:
            if table_no and e.kind == "column":
                found = [column_value(doc, e.name, p.scope, table_no)]
            else:
                found = entity_values(doc, e, p)
            found = [v for v in found if v]
            if found:
                points.append((span[0], found[0]))
                break
    values: list[Value] = []
    for _, v in sorted(points, key=lambda pv: pv[0]):
        if not (values and values[-1].key == v.key):  # 2013102一般行政管理事务: code and name are one thing
            values.append(v)
    return values


_TABLE_TOTAL = re.compile(r"的?(?:本年|上年结转)?(?:项目)?(?:支出|收入)?(?:合计|总计)")


def _project_total(doc: DocData, p: Parsed, span: tuple[int, int], table_no: int | None) -> Value | None:
    """本年项目支出 / 上年结转项目支出合计 / 表十三项目支出: the total of a project list."""
    before = p.squashed[max(0, span[0] - 7):span[0]].removesuffix("的")
    table = doc.tables.get(table_no) if table_no else None
    if table is None or not table.kind.startswith("projects"):
        scope = ("上年结转" if before.endswith(("上年结转", "结转")) else
                 "本年" if before.endswith(("本年", "今年新安排", "本年预算安排", "本年安排", "当年预算安排", "当年安排"))
                 else "")
        if not scope:
            return None
        table = doc.table("projects_carryover" if scope == "上年结转" else "projects")
    return _list_total(table)


def _named_with_code(groups: dict[tuple[int, int], list[Entity]]) -> list[tuple[int, int]]:
    """Spans of a name written just before its own code (行政运行（2120101）): the code span stands for both."""
    spans = sorted(groups)
    out = []
    for a, b in zip(spans, spans[1:]):
        code = next((e.ref for e in groups[b] if e.kind == "code"), None)
        if code and code in {e.ref for e in groups[a]} and b[0] - a[1] <= 1:
            out.append(a)
    return out


def _list_total(table) -> Value | None:
    """A project list's total: the department's row it opens with."""
    if table is None or not table.rows or table.rows[0].first is None:
        return None
    scope = "上年结转" if table.kind == "projects_carryover" else "本年"
    return Value(f"{scope}项目支出合计", table.rows[0].first, table.unit, table_label(table), table.rows[0].line,
                 f"projects:{table.no}")


_PROJECT_SCOPES = ("上年结转", "本年", "本年预算安排", "当年预算安排", "本年安排", "当年安排")
_MEASURES = ("支出决算", "决算数", "预算数", "决算", "支出预算", "年初预算数", "执行数", "金额", "数额")
_RELATIONS = ("占", "比", "和", "与", "加", "减", "及", "是", "、", "跟", "同")


def _scopes(p: Parsed, table: Entity, span: tuple[int, int]) -> bool:
    """表五项目支出 / 表三中的基本支出 / 表三口径下…: the table says where the name after it is read."""
    return table.end <= span[0] and p.squashed[table.end:span[0]] in ("", "的", "中", "里", "中的", "里的", "口径", "口径下", "口径的")


def _table_total(doc: DocData, table_no: int, side: str = "支出") -> Value | None:
    """A table's total row, first figure (表十二合计, 表三支出合计; 收入 or 支出 in a two-sided table)."""
    table = doc.tables.get(table_no)
    if table is None:
        return None
    row = (table.total_row(side) if table.side_columns else table.total_row()) or (
        table.rows[0] if table.rows and table.kind.startswith("projects") else None)
    if row is None or row.first is None:
        return None
    return Value(f"{table_label(table)} {row.name if table.side_columns else '合计'}", row.first, table.unit, table_label(table), row.line, f"total:{table_no}")


def _qualified(doc: DocData, qualifier: list[Entity], column: list[Entity], p: Parsed) -> Value | None:
    """一般公共预算基本支出: the column of the table whose title carries the qualifier."""
    name = next((e.name for e in column if e.kind == "column"), None)
    for e in qualifier:
        for table in titled_tables(doc, e.name):
            if any(c.rsplit("/", 1)[-1] == name for c in table.columns):
                return column_value(doc, name, p.scope, table.no)
    return None


def _dedupe_values(values: list[Value]) -> list[Value]:
    """One value per thing: the same name and figure printed in two tables counts once."""
    seen, out = set(), []
    for v in values:
        if (v.key, v.label) not in seen and (v.label, v.amount) not in seen:
            seen.add((v.key, v.label))
            seen.add((v.label, v.amount))
            out.append(v)
    return out


def _drop_descendants(values: list[Value]) -> tuple[list[Value], list[Value]]:
    """Never double-count: a 项 inside a summed 款 or 类 is left out (and said so)."""
    codes = [v.key for v in values if v.key.isdigit()]
    keep, dropped = [], []
    for v in values:
        if v.key.isdigit() and any(c != v.key and v.key.startswith(c) for c in codes):
            dropped.append(v)
        else:
            keep.append(v)
    return keep, dropped


def sum(doc: DocData, p: Parsed) -> Answer | None:  # noqa: A001 - the intent's name
    """The sum of named items."""
    adding = p.has("加", "+", "之和", "合起来", "加起来", "加在一起", "一起")
    if not adding and (p.has("几个", "多少个", "多少项", "几项") or ("其中" in p.squashed and p.has(*_EACH))):
        return None
    if p.has("等于", "相等", "一致", "对得上", "吻合") and p.has("吗", "是否", "对不对", "对吗", "？", "?"):
        return None  # A和B加起来等于C吗: a check of C, not a sum of all three  # 一共有几个项目 counts; 合计多少，其中…分别多少 asks for a row's parts
    values = _span_values(doc, p)
    spans = {(e.start, e.end) for e in p.items}
    if len(values) < 2 and len(spans) == 1:
        # One word that names several projects (两个档案室项目): add them all.
        alternatives = [e for e in p.items if e.kind == "project"]
        values = _dedupe_values([v for e in alternatives for v in entity_values(doc, e, p)])
    values = _dedupe_values(values)
    if len(values) < 2:
        return None
    values, dropped = _drop_descendants(values)
    units = {v.unit for v in values}
    if len(units) > 1:
        return None
    total = Decimal(0)
    for v in values:
        total += v.amount
    unit = values[0].unit
    expr = " + ".join(f"{v.amount}" for v in values)
    a = _answer("sum", " + ".join(v.label for v in values),
                f"{expr} = {amount_text(total, unit)}（{'、'.join(v.label for v in values)}）。")
    if dropped:
        a.text += f"未重复计入已包含在上级科目中的：{'、'.join(v.label for v in dropped)}。"
    a.figure("合计（计算）", total, unit)
    for v in values:
        _add_value(a, v)
    a.columns = ["项目", "金额", "单位", "出处", "行"]
    a.rows = [[v.label, v.amount, v.unit, v.where, v.line] for v in values]
    return a


def difference(doc: DocData, p: Parsed) -> Answer | None:
    """The difference between two named items."""
    if p.has("年初预算") and p.has("决算"):  # 行政运行年初预算与决算数相差多少: both from its 决算 paragraph
        answer = _budget_vs_outturn(doc, p)
        if answer is not None:
            return answer
    tables = list(dict.fromkeys(int(e.ref) for e in p.entities if e.kind == "table" and e.ref.isdigit()))
    columns = list(dict.fromkeys(e.name for e in p.items if e.kind == "column"))
    if len(tables) == 2 and len(columns) == 1:  # 表五和表三的项目支出为什么不一样
        answer = _across_tables(doc, tables, columns[0])
        if answer is not None:
            return answer
    values = _dedupe_values(_span_values(doc, p))
    if len(values) != 2 or values[0].unit != values[1].unit:
        return None
    a_, b_ = values
    diff = a_.amount - b_.amount
    word = "多" if diff >= 0 else "少"
    a = _answer("difference", f"{a_.label} 与 {b_.label}",
                f"{a_.label} {amount_text(a_.amount, a_.unit)} 比 {b_.label} {amount_text(b_.amount, b_.unit)} "
                f"{word} {amount_text(abs(diff), a_.unit)}（{a_.amount} − {b_.amount}）。")
    a.figure("差额（计算）", diff, a_.unit)
    _add_value(a, a_)
    _add_value(a, b_)
    return a


def _across_tables(doc: DocData, tables: list[int], column: str) -> Answer | None:
    """One column in two tables: both figures, their difference, and what the titles say about it."""
    values = [column_value(doc, column, None, no) for no in tables]
    if any(v is None for v in values) or values[0].unit != values[1].unit:
        return None
    a_, b_ = values
    diff = a_.amount - b_.amount
    a = _answer("difference", f"{a_.where} 与 {b_.where} 的{column}",
                f"{a_.where} {column} {amount_text(a_.amount, a_.unit)}，{b_.where} {column} "
                f"{amount_text(b_.amount, b_.unit)}，相差 {amount_text(abs(diff), a_.unit)}（{a_.amount} − {b_.amount}）。")
    titles = [doc.tables[no].title for no in tables]
    excluding = [i for i, t in enumerate(titles) if "不含上年结转" in t]
    if len(excluding) == 1:
        carried = column_value(doc, "上年结转", None, tables[1 - excluding[0]])
        a.text += f"{values[excluding[0]].where} 不含上年结转，另一张含上年结转"
        projects = doc.table("projects_carryover")
        carried_projects = projects.rows[0].first if projects is not None and projects.rows else None
        if column == "项目支出" and carried_projects is not None and carried_projects == abs(diff):
            a.text += f"：相差的正是上年结转项目支出 {amount_text(carried_projects, projects.unit)}（{table_label(projects)}）"
        elif carried is not None and carried.amount == abs(diff):
            a.text += f"：相差的正是上年结转 {amount_text(carried.amount, carried.unit)}"
        a.text += "。"
    a.figure("差额（计算）", diff, a_.unit)
    _add_value(a, a_)
    _add_value(a, b_)
    return a


def _budget_vs_outturn(doc: DocData, p: Parsed) -> Answer | None:
    from budgetqa.answer.lookup import topic_facts

    found = topic_facts(doc, p)
    if found is None:  # 一般公共预算财政拨款支出年初预算为…，支出决算为…: the sentence that states both
        named = next((f for e in p.items if e.kind == "fact" and "年初预算" in e.name
                      for f in doc.facts if f["label"] == e.name and f["kind"] == "amount"), None)
        if named is None:
            return None
        found = (named["label"].replace("年初预算", "") or named["section"],
                 [f for f in doc.facts if f["sentence"] == named["sentence"] and f["kind"] == "amount"])
    topic, facts = found
    budget = next((f for f in facts if "年初预算" in f["label"] and f["unit"] != "%"), None)
    outturn = next((f for f in facts if "决算" in f["label"] and f["unit"] != "%"), None)
    if budget is None or outturn is None or budget["unit"] != outturn["unit"]:
        return None
    b, o = Decimal(budget["value"]), Decimal(outturn["value"])
    diff = o - b
    a = _answer("difference", f"{topic} 年初预算与决算",
                f"{topic}：{outturn['label']} {amount_text(o, outturn['unit'])} 比 {budget['label']} "
                f"{amount_text(b, budget['unit'])} {'多' if diff >= 0 else '少'} {amount_text(abs(diff), budget['unit'])}"
                f"（{o} − {b}；情况说明 第{budget['source_line']}行）。")
    a.figure("差额（计算）", diff, budget["unit"])
    a.figure(budget["label"], b, budget["unit"], "情况说明", budget["source_line"])
    a.figure(outturn["label"], o, outturn["unit"], "情况说明", outturn["source_line"])
    return a


# --------------------------------------------------------------------------- shares
_TOTAL_WORDS = {
    "总支出": "expenditure", "支出总计": "expenditure", "支出合计": "expenditure", "总预算": "expenditure",
    "全部支出": "expenditure", "总收入": "income", "收入总计": "income", "收入合计": "income",
}


def _base_from_words(doc: DocData, p: Parsed) -> Value | None:
    for word, side in _TOTAL_WORDS.items():
        if word in p.squashed:
            summary = doc.table("summary")
            if summary is None:
                continue
            name = "支出总计" if side == "expenditure" else "收入总计"
            row = next((r for r in summary.rows if r.name == name), None)
            if row and row.first is not None:
                return Value(name, row.first, summary.unit, table_label(summary), row.line, name)
    return None


def _default_base(doc: DocData, p: Parsed, item: Value, entity: Entity) -> Value | None:
    if entity.kind == "project":
        total = _list_total(doc.table("projects_carryover" if entity.ref == "上年结转" else "projects"))
        if total is not None:
            return total
    if entity.kind == "economic":
        table = doc.table("basic_economic")
        row = table.total_row() if table else None
        if row and row.first is not None:
            return Value("基本支出合计（经济分类）", row.first, table.unit, table_label(table), row.line, "basic")
    summary = doc.table("summary")
    if summary:
        row = next((r for r in summary.rows if r.name == "支出总计"), None)
        if row and row.first is not None:
            return Value("支出总计", row.first, summary.unit, table_label(summary), row.line, "total")
    return None


def _stated_share(doc: DocData, label: str, base: Value | None, context: str = "") -> tuple[dict, dict] | None:
    """A share the report states for this item (and the amount it was stated of).

    ``context`` (a table or fund the question names, e.g. 财政拨款支出) prefers the statement
    made in the section about it.
    """
    candidates = [f for f in doc.facts if f["kind"] == "share" and f["subject"]
                  and (f["subject"] == label or (len(label) >= 3 and label in f["subject"]))]
    if context:
        candidates.sort(key=lambda f: -LCSseq.similarity(context, f["section"] + f["sentence"][:30]))
    for f in candidates:
        section_amounts = [g for g in doc.facts if g["section"] == f["section"] and g["kind"] == "amount"]
        denominator = section_amounts[0] if section_amounts else None
        if base is not None and denominator is not None and base.key.startswith("fact:"):
            if denominator["label"] != base.key[5:] and fuzz.ratio(denominator["label"], base.label) < 70:
                continue
        return f, denominator
    return None


def _stated_shares(doc: DocData, entities: list[Entity]) -> Answer | None:
    """The shares the report states for several items (基本支出占比和项目支出占比)."""
    found = []
    for e in entities:
        stated = _stated_share(doc, e.name, None)
        if stated is None:
            return None
        found.append((e, stated))
    a = _answer("share", "、".join(e.name for e, _ in found) + " 的占比", "")
    parts = []
    for e, (f, base) in found:
        base_label = base["label"] if base else "总额"
        parts.append(f"{e.name} 占{base_label} {f['value']}%（第{f['source_line']}行）")
        a.figure(f"{e.name}占比", Decimal(f["value"]), "%", "情况说明", f["source_line"])
    a.text += "；".join(parts) + "。"
    return a


def _completion(doc: DocData, p: Parsed) -> Answer | None:
    """完成年初预算的百分之几: the completion rate a 决算 states, for the subject asked about."""
    rates = [f for f in doc.facts if f["kind"] == "share" and f["label"].startswith("完成")]
    if not rates:
        return None
    names = [squash(e.name) for e in p.items]

    def fit(f: dict) -> int:
        where = squash(f["topic"] or f["subject"] or f["section"])
        return max((LCSseq.similarity(n, where) for n in names), default=0) - len(where) // 50

    best = max(rates, key=fit)
    related = [f for f in doc.facts if f["sentence"] == best["sentence"] and f["kind"] == "amount"]
    what = best["topic"] or best["subject"] or best["section"]
    a = _answer("share", f"{what} 完成年初预算的比例", "")
    parts = [f"{f['label']} {amount_text(Decimal(f['value']), f['unit'])}" for f in related]
    a.text += f"{what}：" + "，".join(parts + [f"完成年初预算的 {best['value']}%"]) + f"（情况说明 第{best['source_line']}行）。"
    for f in related:
        a.figure(f["label"], Decimal(f["value"]), f["unit"], "情况说明", f["source_line"])
    a.figure("完成年初预算的比例", Decimal(best["value"]), "%", "情况说明", best["source_line"])
    return a


def share(doc: DocData, p: Parsed) -> Answer | None:
    """The share of one figure in another: stated where the report states it, else computed."""
    if p.has("完成") and any(f["label"].startswith("完成") for f in doc.facts if f["kind"] == "share"):
        return _completion(doc, p)
    spans: dict[tuple[int, int], list[Entity]] = {}
    for e in p.items:
        spans.setdefault((e.start, e.end), []).append(e)
    if not spans:
        return None
    for span in _named_with_code(spans):  # 城乡社区规划与管理（2120201）: one thing, named twice
        del spans[span]
    ordered = [sorted(g, key=lambda e: _KIND_PRIORITY.get(e.kind, 9)) for _, g in sorted(spans.items())]
    keys = sorted(spans)
    coordinated = _coordinated(p, keys)
    if coordinated is not None:
        answer = _coordinated_shares(doc, p, [ordered[i] for i in coordinated[0]],
                                     ordered[coordinated[1]] if coordinated[1] is not None else None)
        if answer is not None:
            return answer
    if len(keys) >= 2:
        between = p.squashed[keys[0][1]:keys[1][0]]
        if between[:1] in ("类", "款", "项") and keys[0][1] + 1 in p.breaks:  # 自然资源海洋气象等支出（类）占…
            between = between[1:]
        for lead in ("的占比", "占比", "的比例", "比例"):
            if between.startswith(lead):
                between = between[len(lead):]
                break
        if between[:1] in ("和", "与", "及", "跟") or (keys[0][1] in p.breaks and between == ""):
            listed = _stated_shares(doc, [g[0] for g in ordered])
            if listed is not None:
                return listed
    item_group = ordered[0]
    values = _span_values(doc, p)
    if not values:
        return None
    if len(keys) >= 2 and len(values) >= 2 and p.squashed[keys[0][1]:keys[1][0]].startswith(("里", "中", "当中", "之中")):
        # 项目支出里上年结转占多少: the first name is the whole, the second the part.
        values = [values[1], values[0]] + values[2:]
        item_group = ordered[1]
    item = values[0]
    entity = item_group[0]
    base = values[1] if len(values) > 1 else _base_from_words(doc, p)
    if base is not None and p.numbers and base.amount not in p.numbers:  # 占今年项目支出（246.89万）
        base = (_as_stated(doc, p, ordered[1:] if len(ordered) > 1 else [], item)
                or _printed_figure(doc, p.numbers, item, p.table_scope) or base)
    stated = None
    context = "".join(e.name for e in p.entities if e.kind == "table")
    for e in item_group:
        if item.key.startswith(("projects:", "total:")) or (item.key[:1].isdigit() and ":" in item.key):
            break  # a list's or table's total, or one column of a subject, is not what the report's sentences give shares of
        if e.name not in item.label:
            continue  # the share stated for this name is not the share of the figure being divided
        stated = _stated_share(doc, e.name, base, context)
        if stated:
            break
    if base is None and p.numbers:  # 占支出预算合计（76,306,134元）: the printed figure the question quotes
        base = _printed_figure(doc, p.numbers, item, p.table_scope)
    if base is None:
        if stated and stated[1]:
            d = stated[1]
            base = Value(d["label"], Decimal(d["value"]), d["unit"], f"情况说明 {d['section']}", d["source_line"], f"fact:{d['label']}")
        else:
            base = _default_base(doc, p, item, entity)
    if base is not None and {base.unit, item.unit} == {"元", "万元"}:  # the tables in 元, the narrative in 万元
        base = replace(base, amount=base.amount * 10000 if base.unit == "万元" else base.amount / 10000, unit=item.unit,
                       label=f"{base.label}（{amount_text(base.amount, base.unit)}）")
    if base is None or base.amount == 0 or base.unit != item.unit or base.key == item.key:
        return None
    if p.has("几倍", "多少倍", "倍数", "的倍"):
        return _ratio(item, base)
    computed = _pct(item.amount, base.amount)
    text = (f"{item.label} {amount_text(item.amount, item.unit)} 占 {base.label} {amount_text(base.amount, base.unit)} "
            f"的 {computed}%（{item.amount} ÷ {base.amount} × 100，分母为{base.label}，{base.where}）。")
    if stated:
        f, denominator = stated
        value = Decimal(f["value"])
        same_base = denominator is None or Decimal(denominator["value"]) == base.amount
        if same_base:
            agree = abs(value - computed) <= Decimal("0.01")
            text += f"报告第{f['source_line']}行写明占 {value}%" + ("，与计算一致。" if agree else f"，与计算的 {computed}% 不一致。")
        else:
            text += f"另：报告第{f['source_line']}行写明它占{denominator['label']}（{denominator['value']}）的 {value}%。"
    a = _answer("share", f"{item.label} 占 {base.label}", text)
    a.figure(f"{item.label}占{base.label}的比例", computed, "%")
    if stated:
        a.figure("报告所述占比", Decimal(stated[0]["value"]), "%", "情况说明", stated[0]["source_line"])
    _add_value(a, item)
    _add_value(a, base)
    return a


_JOINS = ("和", "与", "及", "、", "以及", "跟", "")
_EACH = ("分别", "各占", "各自", "各是", "各为", "各多少", "各有")


def _coordinated(p: Parsed, keys: list[tuple[int, int]]) -> tuple[list[int], int | None] | None:
    """A和B分别占C / C中A和B各占多少: the listed parts and the whole (if named), as span indexes."""
    if len(keys) < 2 or not p.has(*_EACH):
        return None
    for start in range(len(keys) - 1):
        run = [start]
        while run[-1] + 1 < len(keys):
            a, b = keys[run[-1]], keys[run[-1] + 1]
            if a[1] > b[0] or p.squashed[a[1]:b[0]] not in _JOINS or (p.squashed[a[1]:b[0]] == "" and a[1] not in p.breaks):
                break
            run.append(run[-1] + 1)
        if len(run) < 2:
            continue
        base = None
        if start > 0 and p.squashed[keys[start - 1][1]:keys[start][0]].lstrip("的") in ("中", "里", "当中", "之中", "中的"):
            base = start - 1
        elif run[-1] + 1 < len(keys) and "占" in p.squashed[keys[run[-1]][1]:keys[run[-1] + 1][0]]:
            base = run[-1] + 1
        return run, base
    return None


def _group_value(doc: DocData, p: Parsed, group: list[Entity]) -> Value | None:
    for e in sorted(group, key=lambda e: (-LCSseq.similarity(squash(e.name), p.squashed), _KIND_PRIORITY.get(e.kind, 9))):
        found = [v for v in entity_values(doc, e, p) if v]
        if found:
            return found[0]
    return None


def _coordinated_shares(doc: DocData, p: Parsed, parts: list[list[Entity]], whole: list[Entity] | None) -> Answer | None:
    """Each listed part's share of the same whole: stated where the report states it, else computed."""
    base = _group_value(doc, p, whole) if whole else _base_from_words(doc, p)
    context = "".join(e.name for e in p.entities if e.kind == "table")
    rows = []
    for group in parts:
        item = _group_value(doc, p, group)
        if item is None:
            return None
        stated = next((s for e in group if (s := _stated_share(doc, e.name, base, context))), None)
        rows.append((item, stated))
    if base is None:
        denominators = {s[1]["label"]: s[1] for _, s in rows if s and s[1]}
        if len(denominators) == 1:
            d = next(iter(denominators.values()))
            base = Value(d["label"], Decimal(d["value"]), d["unit"], f"情况说明 {d['section']}", d["source_line"], f"fact:{d['label']}")
    if base is None or base.amount == 0 or any(item.unit != base.unit or item.key == base.key for item, _ in rows):
        return None
    a = _answer("share", "、".join(item.label for item, _ in rows) + f" 各占 {base.label}", "")
    parts_text = []
    for item, stated in rows:
        computed = _pct(item.amount, base.amount)
        line = f"{item.label} {amount_text(item.amount, item.unit)} 占 {computed}%"
        if stated and (stated[1] is None or Decimal(stated[1]["value"]) == base.amount):
            value = Decimal(stated[0]["value"])
            agree = abs(value - computed) <= Decimal("0.01")
            line += f"（报告第{stated[0]['source_line']}行写明 {value}%" + ("，一致）" if agree else "，与计算不一致）")
            a.figure(f"{item.label}占比（报告所述）", value, "%", "情况说明", stated[0]["source_line"])
        parts_text.append(line)
        a.figure(f"{item.label}占{base.label}的比例", computed, "%")
        _add_value(a, item)
    a.text += (f"以 {base.label} {amount_text(base.amount, base.unit)} 为分母（{base.where}）：" + "；".join(parts_text) + "。")
    _add_value(a, base)
    return a


def _as_stated(doc: DocData, p: Parsed, groups: list[list[Entity]], item: Value) -> Value | None:
    """The reading of a name whose figure is the one the question itself gives (项目支出（246.89万）)."""
    for group in groups:
        for scope in (None, "本年", "上年结转"):
            for e in group:
                for v in entity_values(doc, e, replace(p, scope=scope)):
                    if v and v.amount in p.numbers and v.key != item.key:
                        return v
        if any(e.kind == "column" and e.name == "项目支出" for e in group):
            for kind in ("projects", "projects_carryover"):
                total = _list_total(doc.table(kind))
                if total is not None and total.amount in p.numbers:
                    return total
    return None


def _printed_figure(doc: DocData, numbers: list[Decimal], item: Value, table_no: int | None = None) -> Value | None:
    """Where the report prints a figure the question quotes: in the table named, on total rows first."""
    for table in sorted(doc.tables.values(), key=lambda t: (t.no != table_no, not t.kind.startswith(("summary", "expenditure")), t.no)):
        for row in sorted(table.rows, key=lambda r: not r.is_total):
            for column, (amount, line) in row.cells.items():
                if amount in numbers and amount != item.amount:
                    leaf = column.rsplit("/", 1)[-1]
                    label = f"{row.name}（{leaf}）" if len(row.cells) > 1 and leaf != row.name else row.name
                    return Value(label, amount, table.unit, table_label(table), line, f"printed:{table.no}:{row.line}")
    return None


def _ratio(item: Value, base: Value) -> Answer:
    """项目支出是基本支出的几倍: item ÷ base, to two decimals."""
    ratio = (item.amount / base.amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = (f"{item.label} {amount_text(item.amount, item.unit)} 是 {base.label} {amount_text(base.amount, base.unit)} "
            f"的 {ratio} 倍（{item.amount} ÷ {base.amount}）。")
    a = _answer("share", f"{item.label} 是 {base.label} 的几倍", text)
    a.figure(f"{item.label}与{base.label}之比", ratio, "倍")
    _add_value(a, item)
    _add_value(a, base)
    return a


# --------------------------------------------------------------------------- year on year
def _overlap(a: str, b: str) -> float:
    generic = set("的年度本预算")
    sa = set(a) - generic
    return len(sa & set(b)) / max(1, len(sa))


def yoy(doc: DocData, p: Parsed) -> Answer | None:
    """Change from the previous year and the growth rate the narrative states (recomputed)."""
    changes = [f for f in doc.facts if f["kind"] == "change"]
    changes += [f for f in doc.facts if f["kind"] == "rate"
                and not any(c["subject"] == f["subject"] and abs(c["source_line"] - f["source_line"]) <= 2 for c in changes)]
    if not changes:
        return None
    names = [squash(e.name) for e in p.items] + [squash(e.name) for e in p.entities if e.kind == "glossary"]
    names += [e.ref for e in p.items if e.kind in ("code", "subject") and e.ref]

    def score(f: dict) -> float:
        subject = squash(f["subject"] or f["sentence"][:40])
        if f["kind"] == "rate" and not f["subject"]:
            subject = squash(f["sentence"][:60])
        bonus = 100 if any(n and (n in subject or subject in n) for n in names) else 0
        topic = squash(f.get("topic") or "")
        if topic and any(n and topic.endswith(n + level) for n in names for level in ("项", "款", "类")):
            bonus += 120  # the paragraph is about the subject asked for
        pairs = {subject[i:i + 2] for i in range(len(subject) - 1)} - _GENERIC_PAIRS
        shared = len([pair for pair in pairs if pair in p.squashed])  # (sum is this module's intent)
        return bonus + 12 * shared + 50 * _overlap(subject, p.squashed) + fuzz.partial_ratio(subject, p.squashed) / 10

    best = max(changes, key=score)
    if score(best) < 30:
        named = [e for e in p.items if e.kind in ("project", "economic", "code", "subject")]
        if named and p.has(*_CHANGE_CUES):  # 办公室日常工作经费比上年增长了多少: the report gives no such change
            return Answer(False, "yoy", f"报告（{doc.label}）没有给出「{named[0].name}」与上年相比的数字，"
                          "只有本年的金额；没有可给的增减额或增长率。", understood=f"{named[0].name} 与上年相比")
        if names or not p.has("比上年", "同比", "较上年", "比去年", "增长", "下降", "增加", "减少", "变化", "变动"):
            return None
        best = min(changes, key=lambda f: f["source_line"])  # nothing named: the report's headline change
    if best["kind"] == "rate":
        return _rate_only(doc, best)
    subject = best["subject"]
    change = Decimal(best["value"])
    rate = next((f for f in doc.facts if f["kind"] == "rate" and f["subject"] == subject and f["source_line"] >= best["source_line"] - 1), None)
    current = next((f for f in doc.facts if f["kind"] == "amount" and f["label"] == subject), None)
    word = "增加" if change > 0 else "减少"
    text = f"{subject} 比{best['basis']}{word} {amount_text(abs(change), best['unit'])}"
    a = _answer("yoy", f"{subject} 与{best['basis']}相比", "")
    a.figure(f"{subject}变动额", abs(change), best["unit"], "情况说明", best["source_line"])
    if rate:
        stated = abs(Decimal(rate["value"]))
        text += f"，{'增长' if change > 0 else '下降'} {stated}%"
        a.figure(f"{subject}变动率（报告）", stated, "%", "情况说明", rate["source_line"])
    if current:
        now = Decimal(current["value"])
        before = now - change
        text += f"。本年 {amount_text(now, current['unit'])}，据此推算{best['basis']} {amount_text(before, current['unit'])}"
        a.figure(f"{best['basis']}数（推算）", before, current["unit"])
        if rate and before:
            computed = (abs(change) / before * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            stated = abs(Decimal(rate["value"]))
            if abs(computed - stated) > Decimal("0.01"):
                text += f"；按 {abs(change)} ÷ {before} 计算变动率应为 {computed}%，与报告所写 {stated}% 不符"
                a.figure(f"{subject}变动率（计算）", computed, "%")
    reason = _reason(best["sentence"]) or _reason_near(doc, best["source_line"])
    if reason:
        text += f"。{reason}"
    if p.previous_year and current:
        before = Decimal(current["value"]) - change
        text = f"{best['basis']}{subject}约为 {amount_text(before, current['unit'])}（本年 {current['value']} {'减' if change > 0 else '加'} {abs(change)} 推算）。" + text
    a.text += text + f"（情况说明 第{best['source_line']}行）。"
    return a


_CHANGE_CUES = ("比上年", "较上年", "比去年", "较去年", "同比", "与上年相比", "和上年比", "跟去年比", "上年相比", "去年相比")
_GENERIC_PAIRS = {"预算", "支出", "收入", "资金", "经费", "年度", "本年", "财政", "拨款"}


def _rate_only(doc: DocData, rate: dict) -> Answer:
    """A change stated only as a percentage (比2025年预算执行数减少1.58%), with its stated reason."""
    value = Decimal(rate["value"])
    word = "增长" if value > 0 else "下降"
    subject = (rate.get("topic") or "").lstrip("0123456789.、“ ") or rate["subject"] or "所述项目"
    reason = _reason(rate["sentence"]) or _reason_near(doc, rate["source_line"])
    a = _answer("yoy", f"{subject} 的变动率", f"{subject}：{word} {abs(value)}%。原文：{rate['sentence'][:80]}"
                f"{'。' + reason if reason else ''}（情况说明 第{rate['source_line']}行）。")
    a.figure(f"{subject}变动率（报告）", abs(value), "%", "情况说明", rate["source_line"])
    return a


def _reason_near(doc: DocData, line: int) -> str:
    """The reason stated right after a change, in the next sentence of the paragraph (主要原因：…)."""
    if not doc.lines or line <= 0:
        return ""
    text = "".join(x.strip() for x in doc.lines[line - 1:line + 4])
    m = re.search(r"(?:主要)?原因(?:是|为)?[：:]?([^。]+)", text)
    return f"原因：{m.group(1).strip('，, ')}" if m and m.start() < 120 else ""


def _reason(sentence: str) -> str:
    """The stated reason of a change ('原因是人员增加，…')."""

    m = re.search(r"(?:主要)?原因(?:是|为)?[：:]?([^。；]+)", sentence)
    return f"原因：{m.group(1).strip('，, ')}" if m else ""
