"""Intents that compute: shares, sums, differences, rankings, counts, thresholds, changes, checks.

All arithmetic is Decimal on the printed figures; every computed figure names what it was
computed from (the denominator of a share, the items of a sum).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from rapidfuzz import fuzz

from budgetqa.answer.common import add_value as _add_value
from budgetqa.answer.common import new_answer as _answer
from budgetqa.answer.common import pct as _pct
from budgetqa.answer.model import Answer, amount_text
from budgetqa.answer.values import Value, column_value, entity_values, table_label
from budgetqa.docdata import DocData, RowData
from budgetqa.matcher import Entity, Parsed

_KIND_PRIORITY = {"code": 0, "subject": 1, "project": 2, "economic": 3, "column": 4, "summary_item": 5, "fact": 6,
                  "three_public": 7, "asset": 8}


def _span_values(doc: DocData, p: Parsed) -> list[Value]:
    """One value per mentioned span (a name printed in two tables counts once)."""
    spans: dict[tuple[int, int], list[Entity]] = {}
    for e in p.items:
        spans.setdefault((e.start, e.end), []).append(e)
    values: list[Value] = []
    for _, group in sorted(spans.items()):
        group.sort(key=lambda e: _KIND_PRIORITY.get(e.kind, 9))
        if p.scope:
            scoped = [e for e in group if e.kind != "project" or e.ref == p.scope]
            group = scoped or group
        for e in group:
            found = entity_values(doc, e, p)
            if found:
                values.append(found[0])
                break
    return values


def _dedupe_values(values: list[Value]) -> list[Value]:
    seen, out = set(), []
    for v in values:
        if (v.key, v.label) not in seen:
            seen.add((v.key, v.label))
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
    values = _span_values(doc, p)
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
        scope = entity.ref
        table = doc.table("projects_carryover" if scope == "上年结转" else "projects")
        if table and table.rows and table.rows[0].first is not None:
            return Value(f"{scope}项目支出合计", table.rows[0].first, table.unit, table_label(table), table.rows[0].line, "projects")
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


def _stated_share(doc: DocData, label: str, base: Value | None) -> tuple[dict, dict] | None:
    """A share the report states for this item (and the amount it was stated of)."""
    for f in doc.facts:
        if f["kind"] != "share" or not f["subject"]:
            continue
        if f["subject"] == label or (len(label) >= 3 and label in f["subject"]):
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


def share(doc: DocData, p: Parsed) -> Answer | None:
    """The share of one figure in another: stated where the report states it, else computed."""
    spans: dict[tuple[int, int], list[Entity]] = {}
    for e in p.items:
        spans.setdefault((e.start, e.end), []).append(e)
    if not spans:
        return None
    ordered = [sorted(g, key=lambda e: _KIND_PRIORITY.get(e.kind, 9)) for _, g in sorted(spans.items())]
    keys = sorted(spans)
    if len(keys) >= 2:
        between = p.squashed[keys[0][1]:keys[1][0]]
        for lead in ("的占比", "占比", "的比例", "比例"):
            if between.startswith(lead):
                between = between[len(lead):]
                break
        if between[:1] in ("和", "与", "及", "跟") or (keys[0][1] in p.breaks and not between.startswith(("占", "在"))):
            listed = _stated_shares(doc, [g[0] for g in ordered])
            if listed is not None:
                return listed
    item_group = ordered[0]
    values = _span_values(doc, p)
    if not values:
        return None
    item = values[0]
    entity = item_group[0]
    base = values[1] if len(values) > 1 else _base_from_words(doc, p)
    stated = None
    for e in item_group:
        stated = _stated_share(doc, e.name, base)
        if stated:
            break
    if base is None:
        if stated and stated[1]:
            d = stated[1]
            base = Value(d["label"], Decimal(d["value"]), d["unit"], f"情况说明 {d['section']}", d["source_line"], f"fact:{d['label']}")
        else:
            base = _default_base(doc, p, item, entity)
    if base is None or base.amount == 0 or base.unit != item.unit:
        return None
    computed = _pct(item.amount, base.amount)
    text = (f"{item.label} {amount_text(item.amount, item.unit)} 占 {base.label} {amount_text(base.amount, base.unit)} "
            f"的 {computed}%（{item.amount} ÷ {base.amount} × 100，分母为{base.label}，{base.where}）。")
    if stated:
        f = stated[0]
        value = Decimal(f["value"])
        agree = abs(value - computed) <= Decimal("0.01")
        text += f"报告第{f['source_line']}行写明占 {value}%" + ("，与计算一致。" if agree else f"，与计算的 {computed}% 不一致。")
    a = _answer("share", f"{item.label} 占 {base.label}", text)
    a.figure(f"{item.label}占{base.label}的比例", computed, "%")
    if stated:
        a.figure("报告所述占比", Decimal(stated[0]["value"]), "%", "情况说明", stated[0]["source_line"])
    _add_value(a, item)
    _add_value(a, base)
    return a


# --------------------------------------------------------------------------- rankings and counts


def _table_rows(doc: DocData, table_no: int) -> tuple[str, list[tuple[str, Decimal, str, int, str]]]:
    """The detail rows of a named table (no totals, no rows that group other rows)."""
    table = doc.tables[table_no]
    groups = {r.parent_code for r in table.rows if r.parent_code}
    from budgetqa.parser.columns import ECONOMIC_CLASSES

    rows = [r for r in table.rows if not r.is_total and r.first is not None and r.code not in groups
            and r.name not in ECONOMIC_CLASSES and not (table.kind.startswith("projects") and r.depth < 2)]
    return (f"{table_label(table)} 的明细行",
            [(f"{r.code} {r.name}" if r.code else r.name, r.first, table.unit, r.line, table_label(table)) for r in rows])


def _domain(doc: DocData, p: Parsed) -> tuple[str, list[tuple[str, Decimal, str, int, str]]]:
    """What a ranking, count or filter is over: (description, [(name, amount, unit, line, where)])."""
    tables = [int(e.ref) for e in p.entities if e.kind == "table" and e.ref.isdigit() and int(e.ref) in doc.tables]
    if tables:
        return _table_rows(doc, tables[0])
    if p.has("类", "款", "功能分类", "科目") and not p.has("项目"):
        level = "款" if p.has("款") else "项" if p.has("项级") else "类"
        table = doc.table("expenditure") or doc.table("gp_expenditure")
        if p.scope == "本年":
            table = doc.table("gp_expenditure") or table
        if table is None:
            return "", []
        rows = [r for r in table.rows if r.code and r.level == level]
        out = [(f"{r.code} {r.name}", r.first or Decimal(0), table.unit, r.line, table_label(table)) for r in rows]
        if p.has("有钱", "有预算", "有数", "有金额", "非零"):
            out = [o for o in out if o[1] != 0]
        return f"{table_label(table)} 中的{level}级科目", out
    if p.has("经济科目", "经济分类", "人员经费", "公用经费", "工资福利", "商品和服务") and not p.has("项目"):
        table = doc.table("basic_economic")
        if table is None:
            return "", []
        groups = ("工资福利支出", "商品和服务支出", "对个人和家庭的补助", "资本性支出")
        rows = [r for r in table.rows if not r.is_total and r.name not in groups and r.first is not None]
        return f"{table_label(table)} 的经济科目", [(r.name, r.first, table.unit, r.line, table_label(table)) for r in rows]
    scope = None if p.scope == "全部" else p.scope
    projects = [q for q in doc.projects if scope is None or q["scope"] == scope]
    where = {"本年": "本年新安排的项目（表十二）", "上年结转": "上年结转项目（表十三）"}.get(scope or "", "全部项目（本年与上年结转）")
    return where, [(f"{q['name']}" + ("" if scope else f"（{q['scope']}）"), Decimal(q["amount"]), q["unit"],
                    q["source_line"], table_label(doc.tables[q["table_no"]]) if q["table_no"] in doc.tables else "")
                   for q in projects if q["amount"] is not None]


def ranking(doc: DocData, p: Parsed) -> Answer | None:
    """The largest or smallest items within a stated scope."""
    where, rows = _domain(doc, p)
    if not rows:
        return None
    ascending = p.has("最少", "最小", "最低", "倒数", "从低到高", "从小到大") and not p.has("最多", "最大", "最高")
    if p.top_n is not None and p.top_n < 0:
        ascending, n = True, -p.top_n
    elif p.has("排序", "从高到低", "从大到小", "由高到低", "由大到小", "从低到高", "从小到大", "排一下", "排个序", "排名") and not p.top_n:
        n = len(rows)
    else:
        n = p.top_n or (3 if p.has("几个", "哪些") else 1)
    ranked = sorted(rows, key=lambda r: r[1], reverse=not ascending)[: max(1, n)]
    word = "最少" if ascending else "最多"
    head = ranked[0]
    listing = "；".join(f"{i}. {r[0]} {amount_text(r[1], r[2])}" for i, r in enumerate(ranked, 1))
    text = (f"{where}中{word}的是 {head[0]}，{amount_text(head[1], head[2])}。" if n == 1
            else f"{where}中{word}的 {len(ranked)} 个：{listing}。")
    if p.scope is None and where.startswith("全部项目") and n == 1:
        current = sorted([q for q in doc.projects if q["scope"] == "本年" and q["amount"]], key=lambda q: Decimal(q["amount"]), reverse=not ascending)
        if current:
            text += f"只看本年新安排的项目，{word}的是 {current[0]['name']} {amount_text(Decimal(current[0]['amount']), current[0]['unit'])}。"
    a = _answer("ranking", f"{where}，按金额{'从小到大' if ascending else '从大到小'}", text)
    for r in ranked:
        a.figure(r[0], r[1], r[2], r[4], r[3])
    a.columns = ["名次", "名称", "金额", "单位", "行"]
    a.rows = [[i, r[0], r[1], r[2], r[3]] for i, r in enumerate(ranked, 1)]
    a.chart = [(r[0], r[1]) for r in ranked]
    return a


def count(doc: DocData, p: Parsed) -> Answer | None:
    """How many projects, subjects, units, duties or targets."""
    if p.has("内设机构", "科室", "下属单位"):
        from budgetqa.answer.handlers import units

        return units(doc, p)
    if p.has("职责"):
        n = len(doc.duties)
        a = _answer("count", "本部门职责", f"本部门职责共 {n} 条。")
        a.figure("职责条数", Decimal(n), "条")
        return a
    if p.has("绩效", "目标表"):
        n = len(doc.targets)
        a = _answer("count", "项目绩效目标表", f"共有 {n} 张项目支出绩效目标表：{'、'.join(t['project_name'] for t in doc.targets)}。")
        a.figure("绩效目标表数量", Decimal(n), "张")
        return a
    where, rows = _domain(doc, p)
    if not rows:
        return None
    a = _answer("count", where, f"{where}共 {len(rows)} 个：{'、'.join(r[0] for r in rows)}。")
    a.figure(f"{where}个数", Decimal(len(rows)), "个")
    a.columns = ["序号", "名称", "金额", "单位", "行"]
    a.rows = [[i, r[0], r[1], r[2], r[3]] for i, r in enumerate(rows, 1)]
    for r in rows:
        a.source(r[4], r[3], r[0])
    return a


def filter(doc: DocData, p: Parsed) -> Answer | None:  # noqa: A001 - the intent's name
    """Items above or below a threshold (超过50万的项目)."""
    if not p.numbers or p.has("设备", "车", "辆", "面积", "平米"):
        return None
    where, rows = _domain(doc, p)
    if not rows:
        return None
    threshold = p.numbers[0]
    unit = rows[0][2]
    if unit == "元" and p.has("万"):
        threshold *= 10000
    below = p.has("低于", "小于", "以下", "不足", "不到", "少于")
    chosen = [r for r in rows if (r[1] < threshold if below else r[1] > threshold)]
    if p.has("以上", "不少于", "及以上") and not below:
        chosen = [r for r in rows if r[1] >= threshold]
    word = "低于" if below else "超过"
    listing = "、".join(f"{r[0]} {amount_text(r[1], r[2])}" for r in chosen) or "没有"
    a = _answer("filter", f"{where}中金额{word} {amount_text(threshold, unit)}", f"{where}中金额{word} {amount_text(threshold, unit)}的有 {len(chosen)} 个：{listing}。")
    for r in chosen[:20]:
        a.figure(r[0], r[1], r[2], r[4], r[3])
    a.columns = ["名称", "金额", "单位", "行"]
    a.rows = [[r[0], r[1], r[2], r[3]] for r in chosen]
    return a


def list_projects(doc: DocData, p: Parsed) -> Answer | None:
    """The project lists, this year's and / or carried over."""
    where, rows = _domain(doc, p)
    if not rows or p.has("类", "款") and not p.has("项目"):
        return None
    total = Decimal(0)
    for r in rows:
        total += r[1]
    listing = "；".join(f"{r[0]} {amount_text(r[1], r[2])}" for r in rows)
    a = _answer("list_projects", where, f"{where}共 {len(rows)} 个，合计 {amount_text(total, rows[0][2])}（计算）：{listing}。")
    a.columns = ["名称", "金额", "单位", "行"]
    a.rows = [[r[0], r[1], r[2], r[3]] for r in rows]
    for r in rows:
        a.source(r[4], r[3], r[0])
    a.chart = [(r[0], r[1]) for r in rows]
    return a


def children(doc: DocData, p: Parsed) -> Answer | None:
    """The rows under a subject code (221类下面有啥)."""
    codes = [e.ref for e in p.items if e.kind in ("code", "subject") and e.ref]
    if not codes:
        return _economic_children(doc, p)
    code = codes[0]
    table = doc.table("expenditure") or doc.table("gp_expenditure") or doc.table("income")
    if table is None:
        return None
    parent = next((r for r in table.rows if r.code == code), None)
    below = [r for r in table.rows if r.code and r.code != code and r.code.startswith(code)]
    if parent is None or not below:
        return None
    listing = "；".join(f"{r.code} {r.name} {amount_text(r.first or Decimal(0), table.unit)}" for r in below)
    a = _answer("children", f"{code} {parent.name} 的下级科目", f"{code} {parent.name}（{amount_text(parent.first or Decimal(0), table.unit)}）下有：{listing}（{table_label(table)}）。")
    a.figure(f"{code} {parent.name}", parent.first or Decimal(0), table.unit, table_label(table), parent.line)
    a.columns = ["科目编码", "科目名称", "级次"] + table.columns
    a.rows = [[r.code, r.name, r.level] + [r.amount(c) for c in table.columns] for r in below]
    for r in below:
        a.source(table_label(table), r.line, f"{r.code} {r.name}")
    a.chart = [(f"{r.code} {r.name}", r.first or Decimal(0)) for r in below if r.level == _next_level(parent)]
    return a


def _rate_check(doc: DocData, p: Parsed) -> Answer | None:
    """Is a stated growth rate or share right? Recomputed from the figures it rests on."""
    wanted = p.percents[0]
    for f in doc.facts:
        if f["kind"] != "rate" or abs(Decimal(f["value"])) != wanted:
            continue
        change = next((c for c in doc.facts if c["kind"] == "change" and c["subject"] == f["subject"]), None)
        current = next((c for c in doc.facts if c["kind"] == "amount" and c["label"] == f["subject"]), None)
        if change is None or current is None:
            continue
        delta = Decimal(change["value"])
        before = Decimal(current["value"]) - delta
        if before == 0:
            continue
        computed = (abs(delta) / before * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        same = abs(computed - wanted) <= Decimal("0.01")
        a = _answer("consistency", f"「{f['subject']}」的变动率 {wanted}%",
                    f"{f['subject']} 本年 {current['value']}，比{change['basis']}{'增加' if delta > 0 else '减少'} {abs(delta)}，"
                    f"{change['basis']}应为 {before}；{abs(delta)} ÷ {before} × 100 = {computed}%，"
                    + ("与报告所写一致。" if same else f"与报告所写 {wanted}% 不符（矛盾）。"))
        a.figure(f"{change['basis']}数（推算）", before, current["unit"])
        a.figure("变动率（计算）", computed, "%")
        a.figure("变动率（报告）", wanted, "%", "情况说明", f["source_line"])
        return a
    return None


def _children_sum(doc: DocData, p: Parsed, e: Entity) -> Answer | None:
    """Does a printed subtotal equal the sum of the rows under it (工资福利支出 vs its items)?"""
    from budgetqa.parser.columns import ECONOMIC_CLASSES

    if e.kind == "economic":
        table = doc.table("basic_economic")
        if table is None:
            return None
        index = next((i for i, r in enumerate(table.rows) if r.name == e.name), None)
        if index is None or table.rows[index].name not in ECONOMIC_CLASSES:
            return None
        parent = table.rows[index]
        below = []
        for r in table.rows[index + 1:]:
            if r.name in ECONOMIC_CLASSES or r.is_total:
                break
            below.append(r)
    else:
        table = doc.table("expenditure") or doc.table("gp_expenditure")
        parent = next((r for r in table.rows if r.code == e.ref), None) if table else None
        below = [r for r in table.rows if r.parent_code == e.ref] if table else []
    if parent is None or not below or parent.first is None:
        return None
    total = Decimal(0)
    for r in below:
        total += r.first or Decimal(0)
    stated = p.numbers[0] if p.numbers else parent.first
    diff = total - stated
    kind = "" if diff == 0 else ("，属尾数差（分项四舍五入造成）" if abs(diff) <= Decimal("0.01") * len(below) else "，属矛盾")
    label = f"{parent.code} {parent.name}" if parent.code else parent.name
    a = _answer("consistency", f"{label} 与其下 {len(below)} 行之和",
                f"{label} 印 {amount_text(parent.first, table.unit)}，其下 {len(below)} 行相加 = {total}，"
                f"{'相等' if diff == 0 else f'差 {abs(diff)}'}{kind}（{table_label(table)} 第{parent.line}行起）。")
    a.figure("其下各行之和（计算）", total, table.unit)
    a.figure(f"{label}（印）", parent.first, table.unit, table_label(table), parent.line)
    a.figure("差额", abs(diff), table.unit)
    a.columns = ["名称", "金额", "单位", "行"]
    a.rows = [[r.name, r.first, table.unit, r.line] for r in below]
    return a


def _economic_children(doc: DocData, p: Parsed) -> Answer | None:
    """The items under an economic class of the basic-expenditure table (商品和服务支出包括哪些)."""
    from budgetqa.parser.columns import ECONOMIC_CLASSES

    table = doc.table("basic_economic")
    named = [e.name for e in p.items if e.kind == "economic" and e.name in ECONOMIC_CLASSES]
    if table is None or not named:
        return None
    index = next(i for i, r in enumerate(table.rows) if r.name == named[0])
    below = []
    for r in table.rows[index + 1:]:
        if r.name in ECONOMIC_CLASSES or r.is_total:
            break
        below.append(r)
    if not below:
        return None
    parent = table.rows[index]
    listing = "；".join(f"{r.name} {amount_text(r.first or Decimal(0), table.unit)}" for r in below)
    a = _answer("children", f"{parent.name} 的明细", f"{parent.name}（{amount_text(parent.first or Decimal(0), table.unit)}）包括：{listing}（{table_label(table)}）。")
    a.figure(parent.name, parent.first or Decimal(0), table.unit, table_label(table), parent.line)
    a.columns = ["名称", "类别", "金额", "单位", "行"]
    a.rows = [[r.name, r.category or "", r.first, table.unit, r.line] for r in below]
    a.chart = [(r.name, r.first or Decimal(0)) for r in below]
    return a


def _next_level(row: RowData) -> str:
    return {"类": "款", "款": "项"}.get(row.level or "", "项")


# --------------------------------------------------------------------------- year on year


def _overlap(a: str, b: str) -> float:
    generic = set("的年度本预算")
    sa = set(a) - generic
    return len(sa & set(b)) / max(1, len(sa))


def yoy(doc: DocData, p: Parsed) -> Answer | None:
    """Change from the previous year and the growth rate the narrative states (recomputed)."""
    changes = [f for f in doc.facts if f["kind"] == "change"]
    if not changes:
        return None
    names = [e.name for e in p.items] + [e.name for e in p.entities if e.kind == "glossary"]

    def score(f: dict) -> float:
        subject = f["subject"]
        bonus = 100 if any(n and (n in subject or subject in n) for n in names) else 0
        return bonus + 50 * _overlap(subject, p.squashed) + fuzz.partial_ratio(subject, p.squashed) / 10

    best = max(changes, key=score)
    if score(best) < 30:
        return None
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
    reason = _reason(best["sentence"])
    if reason:
        text += f"。{reason}"
    if p.previous_year and current:
        before = Decimal(current["value"]) - change
        text = f"{best['basis']}{subject}约为 {amount_text(before, current['unit'])}（本年 {current['value']} {'减' if change > 0 else '加'} {abs(change)} 推算）。" + text
    a.text += text + f"（情况说明 第{best['source_line']}行）。"
    return a


def _reason(sentence: str) -> str:
    """The stated reason of a change ('原因是人员增加，…')."""
    import re

    m = re.search(r"(?:主要)?原因(?:是|为|：|:)?([^。；]+)", sentence)
    return f"原因：{m.group(1).strip('，, ')}" if m else ""


# --------------------------------------------------------------------------- consistency


def consistency(doc: DocData, p: Parsed) -> Answer | None:
    """Is a total, share or growth rate right? Recomputed, with the document check's findings."""
    findings = doc.findings
    tables = [int(e.ref) for e in p.entities if e.kind == "table" and e.ref.isdigit()]
    if len(p.numbers) >= 3 and p.has("=", "等于", "+", "加"):
        stated, parts = p.numbers[0], p.numbers[1:]
        if max(p.numbers) != stated and max(p.numbers) in parts:
            stated = max(p.numbers)
            parts = [n for n in p.numbers if n != stated]
        total = Decimal(0)
        for n in parts:
            total += n
        diff = total - stated
        verdict = "相等" if diff == 0 else f"差 {abs(diff)}"
        text = f"{' + '.join(str(n) for n in parts)} = {total}，与 {stated} {verdict}"
        related = [f for f in findings if not tables or any(f["subject"].startswith(f"表{t}") for t in tables)]
        related = [f for f in related if f["stated"] == str(stated) or f["computed"] == str(total)]
        if diff:
            kind = "尾数差（分项四舍五入造成）" if abs(diff) <= Decimal("0.01") * len(parts) else "矛盾"
            text += f"，属{kind}"
        a = _answer("consistency", f"{stated} 是否等于 {' + '.join(str(n) for n in parts)}", text + "。")
        a.figure("分项之和（计算）", total, doc.unit)
        a.figure("报告所印", stated, doc.unit)
        a.figure("差额", abs(diff), doc.unit)
        for f in related[:3]:
            for line in f["lines"].split(","):
                if line:
                    a.source(f["subject"], int(line))
        return a
    if p.percents:
        answer = _rate_check(doc, p)
        if answer is not None:
            return answer
    named = [e for e in p.items if e.kind in ("economic", "code", "subject")]
    if named and p.has("下面", "明细", "分项", "之和", "加起来", "子项", "各项"):
        answer = _children_sum(doc, p, named[0])
        if answer is not None:
            return answer
    if len(p.numbers) == 1 and (p.has("项目", "加起来", "之和", "合计") or tables):
        stated = p.numbers[0]
        where, rows = _domain(doc, p)
        if rows:
            total = Decimal(0)
            for r in rows:
                total += r[1]
            diff = total - stated
            verdict = "相等" if diff == 0 else f"差 {abs(diff)}"
            kind = "" if diff == 0 else ("，属尾数差（分项四舍五入造成）" if abs(diff) <= Decimal("0.01") * len(rows) else "，属矛盾")
            a = _answer("consistency", f"{where}之和 与 {stated}",
                        f"{where}共 {len(rows)} 个，逐项相加 = {total}，与 {stated} {verdict}{kind}。")
            a.figure("逐项之和（计算）", total, rows[0][2])
            a.figure("所问数字", stated, rows[0][2])
            a.figure("差额", abs(diff), rows[0][2])
            a.columns = ["名称", "金额", "单位", "行"]
            a.rows = [[r[0], r[1], r[2], r[3]] for r in rows]
            return a
    wanted = findings
    if tables:
        wanted = [f for f in findings if any(f["subject"].startswith(f"表{t}") for t in tables)]
    names = [e.name for e in p.items] + [e.name for e in p.entities if e.kind == "glossary"]
    if names:
        by_name = [f for f in findings if any(n in f["subject"] for n in names)]
        if by_name or not tables:
            wanted = by_name
    if p.has("增长", "增长率", "下降", "变动率") and not tables:
        wanted = [f for f in wanted if f["kind"] == "narrative_rate"] or wanted
    if p.has("占比", "比例") and not tables:
        wanted = [f for f in wanted if f["kind"] == "narrative_share"] or wanted
    scope = f"表{tables[0]}" if tables else ("、".join(names) if names else "整份报告")
    if not wanted:
        a = _answer("consistency", f"核对{scope}", f"核对{scope}：合计与分项、跨表数字和文字说明中的比例、增长率均一致，未发现问题。")
        return a
    contradictions = [f for f in wanted if f["severity"] == "contradiction"]
    lines = []
    a = _answer("consistency", f"核对{scope}", "")
    for f in wanted[:6]:
        label = "矛盾" if f["severity"] == "contradiction" else "尾数差"
        lines.append(f"[{label}] {f['subject']}：印 {f['stated']}{f['unit']}，算得 {f['computed']}{f['unit']}，差 {f['difference']}（行 {f['lines']}）")
        first_line = int(f["lines"].split(",")[0]) if f["lines"] else 0
        a.source(f["subject"], first_line)
    head = f"核对{scope}：发现 {len(wanted)} 处不一致，其中矛盾 {len(contradictions)} 处、尾数差 {len(wanted) - len(contradictions)} 处。"
    a.text += head + "；".join(lines) + ("。" if len(wanted) <= 6 else f"；另有 {len(wanted) - 6} 处见「检查结果」。")
    for f in wanted[:3]:
        a.figure(f"{f['subject']}（印）", Decimal(f["stated"]), f["unit"])
        a.figure(f"{f['subject']}（算得）", Decimal(f["computed"]), f["unit"])
    a.columns = ["类型", "比较", "印", "算得", "差", "单位", "行"]
    a.rows = [["矛盾" if f["severity"] == "contradiction" else "尾数差", f["subject"], Decimal(f["stated"]),
               Decimal(f["computed"]), Decimal(f["difference"]), f["unit"], f["lines"]] for f in wanted]
    return a
