"""One function per intent of the catalogue: each returns an Answer, or None when it cannot."""

from __future__ import annotations

from decimal import Decimal

from budgetqa.answer.common import add_value as _add_value
from budgetqa.answer.common import new_answer as _answer
from budgetqa.answer.model import Answer, amount_text
from budgetqa.answer.values import Value, code_value, column_value, entity_values, table_label
from budgetqa.catalogue import INTENTS
from budgetqa.docdata import DocData
from budgetqa.matcher import Entity, Parsed

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


def _primary_entities(p: Parsed) -> list[Entity]:
    """The item entities; with one span matched by several names keep them all (ambiguity)."""
    return p.items


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
    entities = [e for group in spans for e in group]
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
    codes = [e for e in entities if e.kind in ("code", "subject") and e.ref]
    column = _requested_column(p)
    if codes and column and len({e.ref for e in codes}) == 1:
        return _code_answer(doc, p, codes[0].ref, others=[])
    table_no = next((int(e.ref) for e in p.entities if e.kind == "table" and e.ref.isdigit()), None)
    if table_no and column:
        v = column_value(doc, column, p.scope, table_no)
        if v:
            a = _answer("lookup", f"{v.where} {column}", f"{v.label} {amount_text(v.amount, v.unit)}（{v.where} 第{v.line}行）。")
            _add_value(a, v)
            return a
    spans = [g for g in spans if not (codes and all(e.kind == "column" for e in g))]
    if len(spans) > 1:
        return _several(doc, p, spans)
    group = spans[0]
    codes = list(dict.fromkeys(e.ref for e in group if e.kind in ("code", "subject") and e.ref))
    if len(codes) > 1:
        return _choose_codes(doc, p, codes)
    if codes and not any(e.kind == "economic" for e in group):
        return _code_answer(doc, p, codes[0], others=[])
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
    order = sorted(group, key=lambda e: (_TIER_A + ("fact", "asset")).index(e.kind) if e.kind in _TIER_A + ("fact", "asset") else 99)
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


def _code_answer(doc: DocData, p: Parsed, code: str, others: list[Entity]) -> Answer | None:
    column = _requested_column(p)
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


def _code_rows(doc: DocData, a: Answer, code: str) -> None:
    a.columns = ["表", "科目编码", "科目名称", "栏目", "金额", "单位", "行"]
    for t in doc.tables.values():
        for r in t.rows:
            if r.code == code:
                for col, (value, line) in r.cells.items():
                    a.rows.append([f"表{t.no}", code, r.name, col, value, t.unit, line])
                a.source(table_label(t), r.line, f"{code} {r.name}")


def _asked_columns(doc: DocData, p: Parsed, e: Entity) -> list[str]:
    """Columns of a row's table that the question names (上年结转 names 上年结转安排)."""
    table_no, _, row_no = e.ref.partition(":")
    table = doc.tables.get(int(table_no)) if table_no.isdigit() else None
    row = next((r for r in table.rows if str(r.row_no) == row_no), None) if table else None
    if row is None:
        return []
    columns = table.side_columns.get(row.side, table.columns) if table.side_columns else table.columns
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
    a = _answer("lookup", f"{name}（{scope}）", f"{v.label} {amount_text(v.amount, v.unit)}（{v.where} 第{v.line}行）。{note}")
    _add_value(a, v)
    a.columns = ["范围", "项目名称", "金额", "单位", "行"]
    a.rows = [[scope, name, v.amount, v.unit, v.line]]
    return a


def _similar(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

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


# --------------------------------------------------------------------------- topics


def three_public(doc: DocData, p: Parsed) -> Answer | None:
    """三公 expenses and their components."""
    instead = _computed_instead(doc, p)
    if instead is not None:
        return instead
    table = doc.table("three_public")
    stated = [f for f in doc.facts if "三公" in f["sentence"]]
    sentence = next((f["sentence"] for f in stated), "")
    if table is None and not stated:
        none = next((l for l in _narrative_lines(doc, "三公")), None)
        if none:
            a = _answer("three_public", "三公经费", f"{none[1]}（第{none[0]}行）")
            a.source("情况说明", none[0], "三公经费")
            return a
        return None
    component = next((e.name for e in p.entities if e.kind == "three_public"), None)
    if table is not None and (table.empty or all(not r.cells for r in table.rows)):
        line = next((l for l in _narrative_lines(doc, "三公")), None)
        said = f"情况说明：{line[1]}" if line else ""
        what = component or "三公经费"
        a = _answer("three_public", what, f"{what}：无。{table_label(table)} 注明本表无数据。{said}")
        a.source(table_label(table), table.line, "三公经费")
        if line:
            a.source("情况说明", line[0], "三公经费")
        return a
    if table is not None:
        a = _answer("three_public", component or "三公经费", "")
        parts = []
        for r in table.rows:
            if component and r.name != component and not r.is_total:
                continue
            if r.first is not None:
                parts.append(f"{r.name} {amount_text(r.first, table.unit)}")
                a.figure(r.name, r.first, table.unit, table_label(table), r.line)
        a.text += "；".join(parts) + f"（{table_label(table)}）。"
        return a
    return None


def _narrative_lines(doc: DocData, word: str) -> list[tuple[int, str]]:
    """(line, text) of statements that mention a word and say there is none (本部门无“三公”经费预算)."""
    return [
        (i + 1, line.strip()) for i, line in enumerate(doc.lines)
        if word in line and ("无" in line or "没有" in line) and len(line.strip()) < 80
    ]


def operating_cost(doc: DocData, p: Parsed) -> Answer | None:
    """机关运行经费: the table figure and the stated change."""
    if p.previous_year or p.has("增加", "减少", "增长", "下降", "比上年", "同比", "变化", "比去年", "原因", "为啥", "为什么"):
        from budgetqa.answer.computed import yoy

        return yoy(doc, p)
    table = doc.table("operating_cost")
    a = None
    if table is not None:
        row = table.total_row() or (table.rows[0] if table.rows else None)
        if row is not None and row.first is not None:
            a = _answer("operating_cost", "机关运行经费", f"机关运行经费 {amount_text(row.first, table.unit)}（{table_label(table)} 第{row.line}行）。")
            a.figure("机关运行经费", row.first, table.unit, table_label(table), row.line)
    fact = next((f for f in doc.facts if "机关运行经费" in f["label"] and f["kind"] == "amount"), None)
    if a is None and fact:
        a = _answer("operating_cost", "机关运行经费", f"{fact['label']} {amount_text(Decimal(fact['value']), fact['unit'])}（情况说明 第{fact['source_line']}行）。")
        a.figure(fact["label"], Decimal(fact["value"]), fact["unit"], "情况说明", fact["source_line"])
    if a is None:
        return None
    change = next((f for f in doc.facts if f["kind"] == "change" and "机关运行经费" in f["subject"]), None)
    if change:
        a.text += f"比{change['basis']}{'增加' if Decimal(change['value']) > 0 else '减少'} {amount_text(abs(Decimal(change['value'])), change['unit'])}。"
    return a


def _computed_instead(doc: DocData, p: Parsed) -> Answer | None:
    """A topic question that asks for a share, a difference or a sum is answered by that intent."""
    from budgetqa.answer import computed

    for name, cues in (("share", ("占比", "比例", "比重", "百分之几", "占")), ("difference", ("相差", "差多少", "多多少", "少多少")),
                       ("sum", ("加起来", "之和", "+"))):
        if p.has(*cues):
            answer = getattr(computed, name)(doc, p)
            if answer is not None:
                return answer
    return None


def procurement(doc: DocData, p: Parsed) -> Answer | None:
    """政府采购 and its split into goods, works and services."""
    instead = _computed_instead(doc, p)
    if instead is not None:
        return instead
    facts = [f for f in doc.facts if "采购" in f["label"] and f["kind"] == "amount"]
    if not facts:
        return None
    asked = [w for w in ("货物", "工程", "服务") if w in p.squashed]
    part = asked[0] if len(asked) == 1 and not p.has("分别", "总额", "各") else None
    chosen = [f for f in facts if part and part in f["label"]] or facts
    head = chosen[0]
    a = _answer("procurement", head["label"], "")
    if part:
        a.text += f"{head['label']} {amount_text(Decimal(head['value']), head['unit'])}（情况说明 第{head['source_line']}行）。"
        a.figure(head["label"], Decimal(head["value"]), head["unit"], "情况说明", head["source_line"])
    else:
        a.text += "；".join(f"{f['label']} {amount_text(Decimal(f['value']), f['unit'])}" for f in facts[:5])
        a.text += f"（情况说明 第{facts[0]['source_line']}行）。"
        for f in facts[:5]:
            a.figure(f["label"], Decimal(f["value"]), f["unit"], "情况说明", f["source_line"])
    return a


# --------------------------------------------------------------------------- text topics


def glossary(doc: DocData, p: Parsed) -> Answer | None:
    """A term's definition from 名词解释."""
    terms = [e for e in p.entities if e.kind == "glossary"]
    if not terms:
        return None
    term = max(terms, key=lambda e: len(e.name))
    entry = next((g for g in doc.glossary if g["term"] == term.name), None)
    if entry is None:
        return None
    a = _answer("glossary", entry["term"], f"{entry['term']}：{entry['definition']}（名词解释 第{entry['source_line']}行）")
    a.source("名词解释", entry["source_line"], entry["term"])
    return a


def duties(doc: DocData, p: Parsed) -> Answer | None:
    """The department's numbered duties."""
    if not doc.duties:
        return None
    if p.has("三大", "几大职能", "职能定位", "性质"):
        said = next((u for u in doc.units if u["kind"] == "机构设置说明"), None)
        if said:
            sentence = next((s_ for s_ in said["name"].split("。") if "职能" in s_), said["name"])
            a = _answer("duties", "部门职能", f"{sentence}（机构设置情况 第{said['source_line']}行）。")
            a.source("机构设置情况", said["source_line"], "职能")
            return a
    a = _answer("duties", "本部门职责", f"共 {len(doc.duties)} 条职责：" + "".join(f"（{d['number']}）{d['text']}" for d in doc.duties))
    a.columns = ["序号", "职责", "行"]
    a.rows = [[d["number"], d["text"], d["source_line"]] for d in doc.duties]
    for d in doc.duties:
        a.source("本部门职责", d["source_line"], f"（{d['number']}）")
    return a


def units(doc: DocData, p: Parsed) -> Answer | None:
    """Internal units (内设机构) and subordinate units (下属单位)."""
    want = "下属单位" if p.has("下属", "所属单位", "二级单位", "事业单位") else "内设机构" if p.has("内设", "科室", "股室") else None
    rows = [u for u in doc.units if (want is None or u["kind"] == want) and u["kind"] != "机构设置说明"]
    if not rows:
        return None
    groups: dict[str, list[dict]] = {}
    for u in rows:
        groups.setdefault(u["kind"], []).append(u)
    text = "；".join(f"{k}{len(v)}个：{'、'.join(u['name'] for u in v)}" for k, v in groups.items())
    a = _answer("units", want or "机构设置", text + "。")
    if p.has("几个", "多少个"):
        for k, v in groups.items():
            a.figure(f"{k}数量", Decimal(len(v)), "个")
    a.columns = ["类别", "名称", "行"]
    a.rows = [[u["kind"], u["name"], u["source_line"]] for u in rows]
    for u in rows:
        a.source("机构设置情况", u["source_line"], u["name"])
    return a


def assets(doc: DocData, p: Parsed) -> Answer | None:
    """Vehicles, office space and equipment (国有资产占有使用情况)."""
    if not doc.assets:
        return None
    if p.has("面积", "用房", "房屋", "平方", "平米", "办公楼", "楼"):
        chosen = [a for a in doc.assets if a["unit"] == "平方米"]
    elif p.has("设备", "台"):
        chosen = [a for a in doc.assets if "设备" in a["name"]]
        if p.numbers:
            picked = [a for a in chosen if any(f"{n.normalize():f}万" in a["name"] for n in p.numbers)]
            chosen = picked or chosen
    else:
        chosen = [a for a in doc.assets if a["unit"] == "辆"]
    if not chosen:
        return None
    head = chosen[0]
    if head["unit"] == "辆":
        actual = next((x for x in chosen if "实有" in x["name"]), None)
        head = actual or head
    text = "，".join(f"{x['name']} {x['value']}{x['unit']}" for x in chosen if x["value"] not in (None, "0") or x is head)
    a = _answer("assets", head["name"], f"{text}（国有资产占有使用情况 第{head['source_line']}行）。")
    a.figure(head["name"], Decimal(head["value"]), head["unit"], "国有资产占有使用情况", head["source_line"])
    a.columns = ["名称", "数量", "单位", "行"]
    a.rows = [[x["name"], Decimal(x["value"]), x["unit"], x["source_line"]] for x in chosen]
    return a


_TARGET_FIELDS = {
    "项目属性": "attribute", "项目期": "period", "主管部门": "department", "实施单位": "implementer",
    "项目概况": "overview", "立项依据": "basis", "必要性": "necessity", "措施": "measures",
    "实施计划": "plan", "总体目标": "goal_year", "年度目标": "goal_year", "实施期目标": "goal_period",
    "填报日期": "filled_date",
}


def performance(doc: DocData, p: Parsed) -> Answer | None:
    """A project's performance target sheet, or one field of it."""
    projects = [e for e in p.entities if e.kind == "project"]
    target = None
    for e in sorted(projects, key=lambda e: -len(e.name)):
        target = next((t for t in doc.targets if t["project_name"] == e.name), None)
        if target:
            break
    if target is None:
        if not projects and doc.targets and p.has("绩效"):
            names = "、".join(t["project_name"] for t in doc.targets)
            counts = [f for f in doc.facts if "绩效" in f["label"] and f["kind"] == "count"]
            a = _answer("performance", "项目绩效目标", f"共有 {len(doc.targets)} 张项目绩效目标表：{names}。")
            a.figure("绩效目标表数量", Decimal(len(doc.targets)), "张")
            for f in counts[:2]:
                a.source("情况说明", f["source_line"], f["label"])
            return a
        return None
    name = target["project_name"]
    for i in target["indicators"]:
        for label in (i["level3"], i["level2"]):
            if label and len(label) >= 2 and label in p.squashed and label not in ("数量指标", "质量指标"):
                a = _answer("performance", f"{name} 的指标「{label}」",
                            f"{name} 的{i['level2']}「{i['level3']}」指标值：{i['value']}（{i['scope']}，绩效目标表 第{i['source_line']}行）。")
                a.source("项目支出绩效目标表", i["source_line"], label)
                return a
    for word, key in _TARGET_FIELDS.items():
        if word in p.squashed and target.get(key):
            a = _answer("performance", f"{name} 的{word}", f"{name} 的{word}：{target[key]}（绩效目标表 第{target['source_line']}行起）。")
            a.source("项目支出绩效目标表", target["source_line"], name)
            return a
    funds = {f"{f['scope']}/{f['item']}": f for f in target["funds"]}
    if p.has("资金", "金额", "多少钱", "元"):
        scope = "实施期" if p.has("实施期") else "年度"
        key = next((k for k in funds if k.startswith(scope) and "总额" in k), None)
        if key:
            f = funds[key]
            value = Decimal(f["amount"])
            a = _answer("performance", f"{name} {key}", f"{name} {scope}资金总额 {amount_text(value, f['unit'])}（绩效目标表 第{f['source_line']}行）。")
            a.figure(f"{name} {scope}资金总额", value, f["unit"], "项目支出绩效目标表", f["source_line"])
            return a
    indicators = target["indicators"]
    text = (f"{name}：项目属性 {target['attribute'] or '—'}，项目期 {target['period'] or '—'}；"
            f"年度目标：{target['goal_year'] or '—'}；共 {len([i for i in indicators if i['scope'] == '年度'])} 项年度指标。")
    a = _answer("performance", f"{name} 的绩效目标", text)
    total = funds.get("年度/资金总额")
    if total:
        a.figure(f"{name} 年度资金总额", Decimal(total["amount"]), total["unit"], "项目支出绩效目标表", total["source_line"])
    a.columns = ["范围", "一级指标", "二级指标", "三级指标", "指标值"]
    a.rows = [[i["scope"], i["level1"], i["level2"], i["level3"], i["value"]] for i in indicators if i["scope"] == "年度"]
    a.source("项目支出绩效目标表", target["source_line"], name)
    return a


def help(doc: DocData, p: Parsed) -> Answer | None:  # noqa: A001 - the intent's name
    """What can be asked, with an example for each kind of question."""
    lines = [f"{i.description}：{'、'.join(i.examples)}" for i in INTENTS if i.examples]
    a = _answer("help", "", f"可以问 {doc.label} 的这些内容——" + "；".join(lines) + "。")
    a.columns = ["可以问", "例子"]
    a.rows = [[i.description, "、".join(i.examples)] for i in INTENTS if i.examples]
    return a
