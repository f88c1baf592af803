"""Lookups: one figure by code, subject, item, project or stated fact; totals; basic vs project."""

from __future__ import annotations

import json
from decimal import Decimal

from rapidfuzz import fuzz

from budgetqa.answer.common import add_value as _add_value
from budgetqa.answer.common import new_answer as _answer
from budgetqa.answer.model import Answer, amount_text
from budgetqa.answer.values import Value, code_value, column_value, entity_values, fund_table, table_label, titled_tables
from budgetqa.docdata import DocData
from budgetqa.matcher import Entity, Parsed


_EACH_WORDS = ("分别", "各是", "各为", "各多少", "各自")
_COLUMN_WORDS = ("当年预算安排", "上年结转安排", "基本支出", "项目支出", "人员经费", "公用经费")


def _requested_columns(p: Parsed) -> list[str]:
    """Column words the question names (基本支出、项目支出 …), in order."""
    return sorted((c for c in _COLUMN_WORDS if c in p.squashed), key=p.squashed.index)


def _requested_column(p: Parsed) -> str | None:
    columns = _requested_columns(p)
    return columns[0] if columns else None


def _dedupe(values: list[Value]) -> list[Value]:
    seen, out = set(), []
    for v in values:
        k = (v.key or v.label, v.where)
        if k not in seen:
            seen.add(k)
            out.append(v)
    return out


# --------------------------------------------------------------------------- lookups
_TIER_A = ("code", "subject", "economic", "project", "three_public", "column", "summary_item")


def _spans(p: Parsed) -> list[list[Entity]]:
    """Item entities grouped by the stretch of the question they were found in, in order."""
    groups: dict[tuple[int, int], list[Entity]] = {}
    for e in p.items:
        groups.setdefault((e.start, e.end), []).append(e)
    return [groups[k] for k in sorted(groups)]


def lookup(doc: DocData, p: Parsed) -> Answer | None:
    """One figure by code, subject name, economic item, project or stated fact."""
    spans = _spans(p)
    if not spans:
        return None
    from budgetqa.answer.topics import procurement, three_public

    entities = [e for group in spans for e in group]
    if p.has("哪张表", "哪个表", "哪些表", "哪一张表", "哪几张表", "什么表", "哪个报表"):
        answer = _which_tables(doc, entities)
        if answer is not None:
            return answer
    others = [e for e in entities if e.kind in _TIER_A and e.kind != "three_public"]
    if any(e.kind == "three_public" for e in entities) or (p.has("三公") and not others):
        return three_public(doc, p)
    if p.has("采购") and not others:
        return procurement(doc, p)
    if p.previous_year:
        from budgetqa.answer.computed import yoy

        answer = yoy(doc, p)
        if answer is not None:
            return answer
        if p.years and not p.has("比"):  # 2023年山西画报订阅费用: the report gives no figure for that year
            names = "、".join(dict.fromkeys(e.name for e in entities[:2]))
            return Answer(False, "out_of_scope",
                          f"报告（{doc.label}）没有「{names}」{p.years[0]}年的数字，只有本年的；没有给出数字。")
    if p.has("年初预算", "决算数", "支出决算", "完成率", "完成年初"):
        answer = _topic_answer(doc, p)
        if answer is not None:
            return answer
    scoped_rows = [e for e in entities if e.kind == "summary_item" and p.table_scope
                   and e.ref.partition(":")[0] == str(p.table_scope)]
    if scoped_rows:  # 表一里一般公共服务支出…当年预算安排和上年结转安排: that table's row
        asked = _asked_columns(doc, p, scoped_rows[0])
        if asked and p.has("合计", "总计", "总数") and not any("合计" in c for c in asked):
            asked = [c for c in _row_table_columns(doc, scoped_rows[0]) if "合计" in c.rsplit("/", 1)[-1]][:1] + asked
        answer = _row_columns(doc, p, scoped_rows[0], asked) if asked else None
        others = list({e.start: e for e in scoped_rows if e.start != scoped_rows[0].start}.values())
        if answer is not None and others and p.has(*_EACH_WORDS):  # 一般公共预算和政府性基金预算…分别
            for e in others:
                more = _row_columns(doc, p, e, _asked_columns(doc, p, e) or _row_table_columns(doc, e)[:1])
                if more is not None:
                    answer.text = answer.text.rstrip("。") + "；" + more.text.split("理解：", 1)[-1]
                    answer.figures += more.figures
                    answer.sources += [s for s in more.sources if s not in answer.sources]
        if answer is not None:
            return answer
    codes = [e for e in entities if e.kind in ("code", "subject") and e.ref]
    column = _requested_column(p)
    if codes and column and len({e.ref for e in codes}) == 1:
        return _code_answer(doc, p, codes[0].ref)
    if codes and len({e.ref for e in codes}) == 1 and len(spans) > 1:
        qualified = _qualified_code_table(doc, p, codes[0].ref)  # 财政拨款安排的高中教育支出
        others = [g for g in spans if not any(e.kind in ("code", "subject") for e in g)]
        if qualified is not None and all(e.kind in ("summary_item", "column", "fact", "glossary") for g in others for e in g):
            return _scoped_code_answer(doc, p, codes[0].ref, qualified)
    tables = list(dict.fromkeys(int(e.ref) for e in p.entities if e.kind == "table" and e.ref.isdigit()))
    if len(tables) == 2 and column and p.has("不一样", "不同", "相差", "差多少", "区别", "差异", "为什么", "为何"):
        from budgetqa.answer.computed import _across_tables

        answer = _across_tables(doc, tables, column)  # 表五和表三的项目支出为什么不一样
        if answer is not None:
            return answer
    table_no = p.table_scope or (_qualified_table(doc, p, column) if column else None)
    named = any(e.kind in ("code", "subject", "economic", "project") for e in entities)
    if table_no and column and not named:
        values = [v for c in _requested_columns(p) if (v := column_value(doc, c, p.scope, table_no))]
        if values:  # 表三口径下基本支出和项目支出: every column asked, from that table
            a = _answer("lookup", f"{values[0].where} " + "、".join(_requested_columns(p)),
                        "；".join(f"{v.label} {amount_text(v.amount, v.unit)}" for v in values)
                        + f"（{values[0].where} 第{values[0].line}行）。")
            for v in values:
                _add_value(a, v)
            return a
    spans = _within(p, spans)
    spans = [g for g in spans if not (codes and all(e.kind == "column" for e in g))]
    if len(spans) > 1 and p.scope == "上年结转" and any(e.kind == "project" for g in spans for e in g):
        # 去年结转的办公室日常办公经费: 上年结转 says which project, it is not asked about itself.
        spans = [g for g in spans if not all(e.name == "上年结转" for e in g)] or spans
    if len(spans) > 1:
        return _several(doc, p, spans)
    group = spans[0]
    codes = list(dict.fromkeys(e.ref for e in group if e.kind in ("code", "subject") and e.ref))
    if len(codes) > 1:
        return _choose_codes(doc, p, codes)
    if codes and not any(e.kind == "economic" for e in group):
        return _code_answer(doc, p, codes[0])
    rows = [e for e in group if e.kind == "summary_item"]
    if rows:
        asked = _asked_columns(doc, p, rows[0])
        if asked:
            return _row_columns(doc, p, rows[0], asked)
    projects = [e for e in group if e.kind == "project"]
    if projects:
        scoped = [e for e in projects if p.scope in (None, "全部") or e.ref == p.scope] or projects
        names = list(dict.fromkeys((e.name, e.ref) for e in scoped))
        if len(names) > 1:
            return _choose_projects(doc, names)
        return _project_answer(doc, p, *names[0])
    column = _requested_column(p)
    strong = [v for e in group if e.kind in _TIER_A
              for v in entity_values(doc, e, p, column if e.kind == "summary_item" else None)]
    weak = [v for e in group if e.kind not in _TIER_A for v in entity_values(doc, e, p)]
    strong, weak = _dedupe(strong), _dedupe(weak)
    if not strong and not weak:
        return _empty_row_answer(doc, p, group)
    values = strong or weak
    first = values[0]
    if len({v.amount for v in values}) > 1:
        return _choose_values(values)
    sources = values + [v for v in weak if v.amount == first.amount and strong]
    where = "；".join(dict.fromkeys(f"{v.where} 第{v.line}行" for v in sources))
    note = f"（{first.note}）" if first.note else ""
    quote = ""
    if not strong and first.key.startswith("fact:"):
        sentence = next((f["sentence"] for f in doc.facts if f["label"] == first.label), "")
        quote = f"原文：{sentence}。" if sentence and len(sentence) < 90 else ""
    a = _answer("lookup", first.label, f"{first.label} {amount_text(first.amount, first.unit)}{note}。{quote}出处：{where}。")
    for v in sources:
        _add_value(a, v)
    return a


def _within(p: Parsed, spans: list[list[Entity]]) -> list[list[Entity]]:
    """一般公共预算基本支出中，绩效工资: the names before 中 only say where the asked item is."""
    for i in range(len(spans) - 1, 0, -1):
        before = spans[i - 1][0]
        after = p.squashed[before.end:spans[i][0].start]
        if after.startswith(("中", "里", "当中", "之中")) and any(e.kind in ("economic", "project", "code", "subject")
                                                            for g in spans[i:] for e in g):
            return spans[i:]
    return spans


def _which_tables(doc: DocData, entities: list[Entity]) -> Answer | None:
    """哪张表列了项目支出: the tables printing the name as a column or a row, with the line."""
    names = list(dict.fromkeys(e.name for e in entities if e.kind != "table"))
    found = []
    for table in sorted(doc.tables.values(), key=lambda t: t.no):
        for name in names:
            column = next((c for c in table.columns if c.rsplit("/", 1)[-1] == name), None)
            row = next((r for r in table.rows if r.name == name or (r.code and f"{r.code}" == name)), None)
            if column or row or name in table.title:
                kind = "列" if column else "行" if row else "表名"
                found.append((table, name, kind, row.line if row else table.line))
                break
    if not found:
        return None
    a = _answer("table", f"列出「{'、'.join(names[:2])}」的表", "")
    a.text += "；".join(f"{table_label(t)}（作为{kind}，第{line}行）" for t, _, kind, line in found) + "。"
    for t, name, _, line in found:
        a.source(table_label(t), line, name)
    a.columns = ["表", "名称", "位置", "行"]
    a.rows = [[table_label(t), name, kind, line] for t, name, kind, line in found]
    return a


def _choose_values(values: list[Value]) -> Answer:
    """Several figures printed under one name: show them all, numbered, to pick from."""
    shown = values[:4]
    text = "；".join(f"{i}. {v.label} {amount_text(v.amount, v.unit)}（{v.where}）" for i, v in enumerate(shown, 1))
    a = _answer("lookup", "、".join(dict.fromkeys(v.label for v in shown)),
                f"这个名称对应 {len(shown)} 个不同的数字：{text}。输入序号查看其中一个。")
    for v in shown:
        _add_value(a, v)
    a.choices = [(f"{v.label} {amount_text(v.amount, v.unit)}", v.key if v.key.isdigit() else v.label) for v in shown]
    a.columns = ["序号", "名称", "金额", "单位", "出处", "行"]
    a.rows = [[i, v.label, v.amount, v.unit, v.where, v.line] for i, v in enumerate(shown, 1)]
    return a


def _best_value(doc: DocData, p: Parsed, group: list[Entity]) -> Value | None:
    from rapidfuzz.distance import LCSseq

    from budgetqa.textnorm import squash

    kinds = _TIER_A + ("fact", "asset")
    order = sorted(group, key=lambda e: (kinds.index(e.kind) if e.kind in kinds else 99,
                                         -LCSseq.similarity(squash(e.name), p.squashed), -e.score))
    if p.scope in ("本年", "上年结转"):
        scoped = [e for e in order if e.kind != "project" or e.ref == p.scope]
        order = scoped or order
    for e in order:
        found = entity_values(doc, e, p)
        if found:
            return found[0]
    return None


def _several(doc: DocData, p: Parsed, spans: list[list[Entity]]) -> Answer | None:
    """Several names in one question (基本支出多少？项目支出多少？): each one's figure."""
    values = []
    for group in spans:
        best = _best_value(doc, p, group)
        if best is None:
            continue
        values.append(best)
        if best.key.startswith("fact:"):  # a stated figure printed twice with different scopes
            values += [v for e in group if e.kind == "fact" for v in entity_values(doc, e, p)[1:]]
    values = _dedupe(values)
    if not values:
        return None
    if len(values) == 1:
        v = values[0]
        a = _answer("lookup", v.label, f"{v.label} {amount_text(v.amount, v.unit)}（{v.where} 第{v.line}行）。")
        _add_value(a, v)
        return a
    text = "；".join(f"{v.label} {amount_text(v.amount, v.unit)}（{v.where} 第{v.line}行）" for v in values)
    a = _answer("lookup", "、".join(v.label for v in values), text + "。")
    for v in values:
        _add_value(a, v)
    a.columns = ["名称", "金额", "单位", "出处", "行"]
    a.rows = [[v.label, v.amount, v.unit, v.where, v.line] for v in values]
    return a


def _empty_row_answer(doc: DocData, p: Parsed, items: list[Entity]) -> Answer | None:
    e = items[0]
    if e.kind in ("summary_item", "three_public"):
        a = _answer("lookup", e.name, f"报告列有「{e.name}」，但金额栏为空：本年无此项预算。")
        return a
    return None


def _choose_codes(doc: DocData, p: Parsed, codes: list[str]) -> Answer:
    values = [code_value(doc, c, p.scope) for c in codes]
    values = [v for v in values if v]
    lines = "；".join(f"{i}. {v.label} {amount_text(v.amount, v.unit)}" for i, v in enumerate(values, 1))
    a = _answer("lookup", "、".join(v.label for v in values),
                f"这个名称对应 {len(values)} 个科目：{lines}。输入序号查看其中一个。")
    for v in values:
        _add_value(a, v)
    a.choices = [(f"{v.label} {amount_text(v.amount, v.unit)}", v.key) for v in values]
    a.columns = ["序号", "科目", "金额", "单位", "出处"]
    a.rows = [[i, v.label, v.amount, v.unit, f"{v.where} 第{v.line}行"] for i, v in enumerate(values, 1)]
    return a


def _qualified_code_table(doc: DocData, p: Parsed, code: str):
    """财政拨款安排的高中教育支出: the table whose title carries the fund named before the code."""
    first = min((e.start for e in p.items if e.kind in ("code", "subject") and e.ref == code), default=None)
    if first is None:
        return None
    for e in p.entities:
        negated = p.squashed[max(0, e.start - 3):e.start].endswith(("非", "非仅", "不仅", "不含", "不是", "而非", "除"))
        if e.end <= first and e.kind in ("summary_item", "column", "fact", "glossary") and not negated:
            table = fund_table(doc, e.name, code)
            if table is not None:
                return table
    return None


def _code_answer(doc: DocData, p: Parsed, code: str) -> Answer | None:
    """A subject code's figure, with this year's part and the carried-over part."""
    scoped = doc.tables.get(p.table_scope) if p.table_scope else _qualified_code_table(doc, p, code)
    if scoped is not None and any(r.code == code for r in scoped.rows):
        return _scoped_code_answer(doc, p, code, scoped)
    wants_current = p.scope == "本年" or p.has("当年", "今年安排", "本年安排")
    wants_carry = p.scope == "上年结转"
    total = code_value(doc, code, None)
    if total is None:
        return None
    columns = [c for c in _requested_columns(p) if c not in ("当年预算安排", "上年结转安排")]
    if columns:
        values = [code_value(doc, code, None, c) for c in columns]
        a = _answer("lookup", total.label, "；".join(f"{v.label} {amount_text(v.amount, v.unit)}" for v in values)
                    + f"（{values[0].where} 第{values[0].line}行）。")
        for v in values:
            _add_value(a, v)
        _code_rows(doc, a, code)
        return a
    income = doc.table("income")
    row = next((r for r in income.rows if r.code == code), None) if income else None
    current = row.amount(income.columns[0]) if row and income.columns else None
    carried = row.amount("上年结转") if row and income and "上年结转" in income.columns else None
    parts = []
    if row is not None:
        parts.append(f"当年预算安排 {amount_text(current or Decimal(0), income.unit)}")
        if income and "上年结转" in income.columns:
            parts.append(f"上年结转 {amount_text(carried or Decimal(0), income.unit)}")
    split = f"，其中{'，'.join(parts)}（{table_label(income)} 第{row.line}行）" if parts else ""
    if wants_current and row is not None:
        head = f"{total.label} 当年预算安排 {amount_text(current or Decimal(0), income.unit)}"
        text = f"{head}；支出合计 {amount_text(total.amount, total.unit)}（{total.where}）{split}。"
        if not current and carried:
            text += f"该科目 {amount_text(carried, income.unit)} 全部来自上年结转。"
        a = _answer("lookup", total.label, text)
        a.figure(f"{total.label} 当年预算安排", current or Decimal(0), income.unit, table_label(income), row.line)
        _add_value(a, total)
    elif wants_carry and row is not None:
        a = _answer("lookup", total.label, f"{total.label} 上年结转 {amount_text(carried or Decimal(0), income.unit)}"
                    f"（{table_label(income)} 第{row.line}行）；支出合计 {amount_text(total.amount, total.unit)}。")
        a.figure(f"{total.label} 上年结转", carried or Decimal(0), income.unit, table_label(income), row.line)
        _add_value(a, total)
    else:
        a = _answer("lookup", total.label, f"{total.label} 支出预算 {amount_text(total.amount, total.unit)}"
                    f"（{total.where} 第{total.line}行）{split}。")
        _add_value(a, total)
        if row is not None:
            a.source(table_label(income), row.line, total.label)
    _code_rows(doc, a, code)
    return a


def _scoped_code_answer(doc: DocData, p: Parsed, code: str, table) -> Answer:
    """A subject code in the table the question names (一般公共预算支出功能分类预算表中…)."""
    row = next(r for r in table.rows if r.code == code)
    columns = [c for c in table.columns if c.rsplit("/", 1)[-1] in _requested_columns(p)] or list(row.cells)[:1]
    parts = [f"{c.rsplit('/', 1)[-1]} {amount_text(row.amount(c) or Decimal(0), table.unit)}" for c in columns]
    others = [f"{c.rsplit('/', 1)[-1]} {amount_text(v, table.unit)}" for c, (v, _) in row.cells.items() if c not in columns]
    where = table_label(table)
    a = _answer("lookup", f"{where} {code} {row.name}",
                f"{code} {row.name} " + "，".join(parts) + (f"（其中 {'，'.join(others)}）" if others else "")
                + f"（{where} 第{row.line}行）。")
    for c in columns:
        a.figure(f"{code} {row.name} {c.rsplit('/', 1)[-1]}", row.amount(c) or Decimal(0), table.unit, where, row.line_of(c))
    _code_rows(doc, a, code)
    return a


def _topic_answer(doc: DocData, p: Parsed) -> Answer | None:
    """What a 决算 paragraph says of one subject (年初预算, 支出决算, 完成年初预算的比例)."""
    found = topic_facts(doc, p)
    if found is None:
        return None
    topic, facts = found
    a = _answer("lookup", topic, "")
    parts = []
    for f in facts:
        value = Decimal(f["value"])
        parts.append(f"{f['label']} {amount_text(value, f['unit'])}" if f["unit"] != "%" else f"{f['label']} {value}%")
        a.figure(f["label"], value, f["unit"], "情况说明", f["source_line"])
    a.text += f"{topic}：" + "，".join(parts) + f"（情况说明 第{facts[0]['source_line']}行）。"
    return a


def topic_facts(doc: DocData, p: Parsed) -> tuple[str, list[dict]] | None:
    """The 决算 paragraph about the subject asked for, and the figures it states."""
    from budgetqa.textnorm import squash

    names = [e.name for e in p.items if e.kind in ("code", "subject")]
    level = "（项）" if p.has("项") else "（款）" if p.has("款") else ""
    topics = list(dict.fromkeys(f["topic"] for f in doc.facts if f["topic"]))
    # The subject must be the one the paragraph is about (its last, most detailed name).
    fitting = [t for t in topics if any(squash(t).endswith(squash(n) + lv) for n in names for lv in ("项", "款", "类", ""))]
    parents = [r.name for e in p.items if e.kind in ("code", "subject") and len(e.ref) == 7
               for r in doc.rows_with_code(e.ref[:5])[:1]]
    if len(fitting) > 1 and parents:  # 行政运行 under several 款: the one under the code's own 款
        fitting = [t for t in fitting if any(squash(parent) in squash(t) for parent in parents)] or fitting
    if level:
        fitting = [t for t in fitting if any(squash(t).endswith(squash(n + level)) for n in names)] or fitting
    if not fitting:
        return None
    topic = fitting[0]
    facts = [f for f in doc.facts if f["topic"] == topic and f["kind"] in ("amount", "share")]
    return (topic, facts) if facts else None


def _qualified_table(doc: DocData, p: Parsed, column: str) -> int | None:
    """财政拨款基本支出 / 一般公共预算项目支出: the table whose title carries the qualifier and the column."""
    for e in p.entities:
        if e.kind not in ("summary_item", "fact", "column") or e.name == column:
            continue
        for t in titled_tables(doc, e.name):
            if any(c.rsplit("/", 1)[-1] == column for c in t.columns):
                return t.no
    return None


def _code_rows(doc: DocData, a: Answer, code: str) -> None:
    a.columns = ["表", "科目编码", "科目名称", "栏目", "金额", "单位", "行"]
    for t in doc.tables.values():
        for r in t.rows:
            if r.code == code:
                for col, (value, line) in r.cells.items():
                    a.rows.append([f"表{t.no}", code, r.name, col, value, t.unit, line])
                a.source(table_label(t), r.line, f"{code} {r.name}")


def _row_table_columns(doc: DocData, e: Entity) -> list[str]:
    """The columns a summary row (table:row) has: its side's columns in a two-sided table."""
    table_no, _, row_no = e.ref.partition(":")
    table = doc.tables.get(int(table_no)) if table_no.isdigit() else None
    row = next((r for r in table.rows if str(r.row_no) == row_no), None) if table else None
    if row is None:
        return []
    return table.side_columns.get(row.side, table.columns) if table.side_columns else table.columns


def _asked_columns(doc: DocData, p: Parsed, e: Entity) -> list[str]:
    """Columns of a row's table that the question names (上年结转 names 上年结转安排)."""
    columns = _row_table_columns(doc, e)
    masked = p.squashed.replace(e.name, " ")
    asked = []
    for column in columns:
        leaf = column.rsplit("/", 1)[-1]
        if leaf in masked or (len(leaf) > 4 and leaf[:4] in masked):
            asked.append(column)
    return asked


def _row_columns(doc: DocData, p: Parsed, e: Entity, columns: list[str]) -> Answer | None:
    from budgetqa.answer.values import row_value

    values = [row_value(doc, e.ref, c) for c in columns]
    values = [v for v in values if v]
    if not values:
        return None
    text = "，".join(f"{v.label} {amount_text(v.amount, v.unit)}" for v in values)
    a = _answer("totals", e.name, f"{text}（{values[0].where} 第{values[0].line}行）。")
    for v in values:
        _add_value(a, v)
    return a


def _choose_projects(doc: DocData, names: list[tuple[str, str]]) -> Answer:
    from budgetqa.answer.values import project_value

    values = [v for v in (project_value(doc, n, s) for n, s in names) if v]
    lines = "；".join(f"{i}. {v.label} {amount_text(v.amount, v.unit)}" for i, v in enumerate(values, 1))
    a = _answer("lookup", "、".join(v.label for v in values), f"有 {len(values)} 个相近的项目：{lines}。输入序号查看其中一个。")
    for v in values:
        _add_value(a, v)
    a.choices = [(f"{v.label} {amount_text(v.amount, v.unit)}", n) for v, (n, _) in zip(values, names)]
    a.columns = ["序号", "项目", "金额", "单位", "出处"]
    a.rows = [[i, v.label, v.amount, v.unit, f"{v.where} 第{v.line}行"] for i, v in enumerate(values, 1)]
    return a


def _project_answer(doc: DocData, p: Parsed, name: str, scope: str) -> Answer | None:
    from budgetqa.answer.values import project_value

    v = project_value(doc, name, scope)
    if v is None:
        return None
    similar = [q for q in doc.projects if q["name"] != name and _similar(q["name"], name)]
    note = ""
    if similar:
        q = similar[0]
        note = f"另有相近的{q['scope']}项目「{q['name']}」{amount_text(Decimal(q['amount']), q['unit'])}，未计入。"
    project = next(q for q in doc.projects if q["name"] == name and q["scope"] == scope)
    split = [(c.rsplit("/", 1)[-1], Decimal(x)) for c, x in json.loads(project["amounts"] or "{}").items()
             if c != "合计" and Decimal(x)]
    funds = f"其中 {'，'.join(f'{c} {amount_text(x, v.unit)}' for c, x in split)}；" if split else ""
    a = _answer("lookup", f"{name}（{scope}）", f"{v.label} {amount_text(v.amount, v.unit)}（{funds}{v.where} 第{v.line}行）。{note}")
    _add_value(a, v)
    a.columns = ["范围", "项目名称", "金额", "单位", "行"]
    a.rows = [[scope, name, v.amount, v.unit, v.line]]
    return a


def _similar(a: str, b: str) -> bool:

    return fuzz.ratio(a, b) >= 70 or (len(a) >= 4 and (a in b or b in a))


# --------------------------------------------------------------------------- totals
def totals(doc: DocData, p: Parsed) -> Answer | None:
    """Income and expenditure totals, by side and fund source."""
    items = p.items
    if items:
        return lookup(doc, p)
    summary = doc.table("summary")
    if summary is None:
        return None
    wanted = []
    for name in ("收入总计", "支出总计", "本年收入合计", "本年支出合计", "上年结转"):
        if name == "上年结转" and p.scope == "本年":
            continue  # 不含上年结转 excludes it
        if name in p.squashed or (name == "收入总计" and p.has("总收入")) or (name == "支出总计" and p.has("总支出")):
            wanted.append(name)
    if not wanted and p.has("总盘子", "盘子", "总规模", "预算规模", "总预算", "总额", "一共多少", "总共多少", "规模"):
        wanted = ["收入总计", "支出总计"]
    if not wanted:
        return None
    a = _answer("totals", "、".join(wanted), "")
    parts = []
    for name in wanted:
        row = next((r for r in summary.rows if r.name == name), None)
        if row and row.first is not None:
            a.figure(name, row.first, summary.unit, table_label(summary), row.line)
            parts.append(f"{name} {amount_text(row.first, summary.unit)}")
    if not parts:
        return None
    a.text += "，".join(parts) + f"（{table_label(summary)}）。"
    return a


def basic_vs_project(doc: DocData, p: Parsed) -> Answer | None:
    """基本支出 and 项目支出 (含上年结转 from the expenditure table; 本年 from 表五)."""
    if any(e.kind in ("code", "subject", "project", "economic") for e in p.items):
        return lookup(doc, p)
    wanted = [c for c in ("基本支出", "项目支出", "人员经费", "公用经费") if c in p.squashed] or ["基本支出", "项目支出"]
    table_no = next((int(e.ref) for e in p.of("table") if e.ref.isdigit()), None)
    values = [column_value(doc, c, p.scope, table_no) for c in wanted]
    values = [v for v in values if v]
    if not values:
        return None
    text = "，".join(f"{v.label} {amount_text(v.amount, v.unit)}" for v in values)
    a = _answer("basic_vs_project", "、".join(wanted), text + f"（{values[0].where}）。")
    for v in values:
        _add_value(a, v)
    if "项目支出" in wanted and p.scope is None:
        gp = column_value(doc, "项目支出", "本年")
        if gp and gp.amount != values[wanted.index("项目支出")].amount if "项目支出" in wanted else False:
            a.text += f"不含上年结转的项目支出为 {amount_text(gp.amount, gp.unit)}（{gp.where}）。"
    return a


def table(doc: DocData, p: Parsed) -> Answer | None:
    """A table asked for as a whole (表二, 表六的合计): its total row and its rows."""
    titles = [e for e in p.entities if e.kind == "table"]
    if any(not any(t.start <= e.start < t.end for t in titles) for e in p.items):
        return None  # something inside the table is asked about (words of the table's own title are not)
    numbers = [int(e.ref) for e in p.entities if e.kind == "table" and e.ref.isdigit() and int(e.ref) in doc.tables]
    if not numbers:
        return None
    t = doc.tables[numbers[0]]
    where = table_label(t)
    if t.empty or not any(r.cells for r in t.rows):
        a = _answer("table", where, f"{where}：本表无数据。")
        from rapidfuzz.distance import LCSseq

        core = next((e.name for e in p.entities if e.kind == "table"), t.title)
        said = [f for f in doc.facts if f["kind"] == "amount" and LCSseq.similarity(core, f["label"]) >= min(6, len(core))]
        for f in said[:2]:  # the narrative's own word on it (政府性基金预算拨款收入0万元)
            a.text += f"情况说明：{f['label']} {amount_text(Decimal(f['value']), f['unit'])}（第{f['source_line']}行）。"
            a.figure(f["label"], Decimal(f["value"]), f["unit"], "情况说明", f["source_line"])
        return a
    total = t.total_row("支出") if t.side_columns else t.total_row()
    if total is None and t.kind.startswith("projects") and t.rows and t.rows[0].depth == 0:
        total = t.rows[0]  # a project list opens with the department's row: its total
    a = _answer("table", where, "")
    if total is not None:
        parts = [f"{name.rsplit('/', 1)[-1]} {amount_text(value, t.unit)}" for name, (value, _) in total.cells.items()]
        a.text = f"按「{where}」理解：{total.name}：" + "，".join(parts) + f"（第{total.line}行）；共 {len(t.rows)} 行，见下表。"
        for name, (value, line) in total.cells.items():
            a.figure(f"{total.name} {name}", value, t.unit, where, line)
    else:
        a.text += f"{where} 共 {len(t.rows)} 行，见下表。"
    a.columns = ["科目编码", "名称"] + (list(t.columns) if not t.side_columns else ["金额"])
    for r in t.rows:
        values = [r.amount(c) for c in t.columns] if not t.side_columns else [r.first]
        a.rows.append([r.code or "", r.name] + values)
    return a
