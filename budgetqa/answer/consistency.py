"""Consistency questions: is a total, a subtotal or a stated growth rate right?"""

from __future__ import annotations

import re

from decimal import ROUND_HALF_UP, Decimal


from budgetqa.answer.common import new_answer as _answer
from budgetqa.answer.model import Answer, amount_text
from budgetqa.answer.values import table_label
from budgetqa.docdata import DocData
from budgetqa.answer.lists import _domain
from budgetqa.matcher import Entity, Parsed


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


# --------------------------------------------------------------------------- consistency
def _balance(doc: DocData) -> Answer | None:
    """收支平衡吗: 收入总计 against 支出总计 of the summary table."""
    summary = doc.table("summary")
    if summary is None:
        return None
    income = next((r for r in summary.rows if r.side == "收入" and "总计" in r.name and r.first is not None), None)
    spending = next((r for r in summary.rows if r.side == "支出" and "总计" in r.name and r.first is not None), None)
    if income is None or spending is None:
        return None
    gap = income.first - spending.first
    verdict = "收支平衡" if gap == 0 else f"{'收入多于支出' if gap > 0 else '支出多于收入'} {amount_text(abs(gap), summary.unit)}"
    a = _answer("consistency", "收入总计与支出总计是否相等",
                f"{income.name} {amount_text(income.first, summary.unit)}，{spending.name} {amount_text(spending.first, summary.unit)}，{verdict}（{table_label(summary)}）。")
    a.figure(income.name, income.first, summary.unit, table_label(summary), income.line)
    a.figure(spending.name, spending.first, summary.unit, table_label(summary), spending.line)
    return a


def _figure_check(doc: DocData, p: Parsed) -> Answer | None:
    """拨付工作经费是不是0.87万元: the printed figure of the named item against the one asked about."""
    from budgetqa.answer.lookup import _best_value, _spans

    spans = _spans(p)
    value = _best_value(doc, p, spans[0]) if spans else None
    if value is None:
        return None
    asked = p.numbers[0]
    if value.unit == "元" and p.has("万"):
        asked *= 10000
    same = asked == value.amount
    a = _answer("consistency", f"{value.label} 是否为 {p.numbers[0]}",
                f"{value.label} 印 {amount_text(value.amount, value.unit)}（{value.where} 第{value.line}行），"
                + ("与所问一致。" if same else f"不是 {p.numbers[0]}，差 {abs(value.amount - asked)}。"))
    a.figure(value.label, value.amount, value.unit, value.where, value.line)
    return a


def _named_parts_check(doc: DocData, p: Parsed) -> Answer | None:
    """人员经费加公用经费等于基本支出吗: the named parts added up and set against the named whole."""
    from budgetqa.answer.computed import _span_values

    m = re.search(r"等于|=|相等|一致|对得上|吻合", p.squashed)
    values = _span_values(doc, p)
    spans = sorted({(e.start, e.end) for e in p.items})
    if m is None or len(values) < 3 or len(values) != len(spans):
        return None
    before = [v for v, s in zip(values, spans) if s[1] <= m.start()]
    after = [v for v, s in zip(values, spans) if s[0] >= m.end()]
    if not after and len(before) >= 3:  # A+B+C，与D+E，两边是否相等: the two sides split at 与 after a pause
        split = next((i for i in range(1, len(spans)) if spans[i - 1][1] in p.breaks
                      and p.squashed[spans[i - 1][1]:spans[i][0]].startswith(("与", "和", "跟"))), None)
        if split is not None:
            return _two_sides(p, before[:split], before[split:])
    if len(after) == 1 and len(before) >= 2:
        parts, whole = before, after[0]
    elif len(before) == 1 and len(after) >= 2:  # 基本支出等于人员经费加公用经费吗
        parts, whole = after, before[0]
    else:
        return None
    if any(v.unit != whole.unit for v in parts):
        return None
    total = Decimal(0)
    for v in parts:
        total += v.amount
    diff = total - whole.amount
    if diff == 0:
        verdict = "相等"
    else:
        verdict = f"不相等，差 {amount_text(abs(diff), whole.unit)}"
        if abs(diff) <= Decimal("0.01") * len(parts):
            verdict += "，在分项四舍五入的范围内（尾数差）"
    a = _answer("consistency", f"{' + '.join(v.label for v in parts)} 是否等于 {whole.label}",
                " + ".join(f"{v.label} {v.amount}" for v in parts) + f" = {amount_text(total, whole.unit)}；"
                f"{whole.label} {amount_text(whole.amount, whole.unit)}（{whole.where}）：{verdict}。")
    a.figure("分项之和（计算）", total, whole.unit)
    for v in parts + [whole]:
        a.figure(v.label, v.amount, v.unit, v.where, v.line)
    if diff:
        a.figure("差额", abs(diff), whole.unit)
    return a


def _two_sides(p: Parsed, left: list, right: list) -> Answer | None:
    """Two sums set against each other (收入一侧 vs 支出一侧 of a two-sided table)."""
    if len({v.unit for v in left + right}) != 1:
        return None
    totals = []
    for side in (left, right):
        total = Decimal(0)
        for v in side:
            total += v.amount
        totals.append(total)
    unit = left[0].unit
    diff = totals[0] - totals[1]
    verdict = "相等" if diff == 0 else f"不相等，差 {amount_text(abs(diff), unit)}"
    a = _answer("consistency", " + ".join(v.label for v in left) + " 与 " + " + ".join(v.label for v in right),
                " + ".join(f"{v.label} {v.amount}" for v in left) + f" = {amount_text(totals[0], unit)}；"
                + " + ".join(f"{v.label} {v.amount}" for v in right) + f" = {amount_text(totals[1], unit)}：{verdict}。")
    a.figure("一侧之和（计算）", totals[0], unit)
    a.figure("另一侧之和（计算）", totals[1], unit)
    for v in left + right:
        a.figure(v.label, v.amount, v.unit, v.where, v.line)
    return a


def consistency(doc: DocData, p: Parsed) -> Answer | None:
    """Is a total, share or growth rate right? Recomputed, with the document check's findings."""
    if (p.has("平衡", "赤字", "收支相等", "收支相抵") and not p.items) or (
            p.has("收入总计") and p.has("支出总计") and p.has("等于", "相等", "一致", "持平")):
        answer = _balance(doc)
        if answer is not None:
            return answer
    if p.percents:
        answer = _rate_check(doc, p)
        if answer is not None:
            return answer
    if len(p.numbers) == 1 and p.items and not p.has("加起来", "之和", "合计", "下面", "明细"):
        answer = _figure_check(doc, p)
        if answer is not None:
            return answer
    counted = [n for n in p.numbers if not re.search(rf"(?<![\d.]){n}(?:列|项|个|类|款)", p.squashed)]  # 三列之和
    if not counted and p.has("等于", "=", "相等", "一致", "对得上", "吻合"):
        answer = _named_parts_check(doc, p)
        if answer is not None:
            return answer
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
    names = list(dict.fromkeys([e.name for e in p.items] + [e.name for e in p.entities if e.kind == "glossary"]))
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
