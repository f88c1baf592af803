"""Is the report right? A total against its parts, a stated rate recomputed, a figure the question
quotes against the printed one, and the findings of `budgetqa check` — judged by the one rule of
budgetqa.checks (a gap within the printed figures' rounding is 尾数差, anything larger 矛盾).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from budgetqa import lexicon, patterns
from budgetqa.answer.model import Answer, amount_text
from budgetqa.findings import CONTRADICTION, SEVERITY_LABEL, SHARE_TOLERANCE, share_operands
from budgetqa.answer import build
from budgetqa.answer.build import add, answer, cited, verdict
from budgetqa.question.numbers import typed_value
from budgetqa.answer.figures import combine
from budgetqa.answer.compute import PASSES, changes_added, family_total, rate_only, share_against, sheets_asked, subject_value, subject_values, to_unit
from budgetqa.answer.lists import domain, side
from budgetqa.answer.resolve import (NARRATIVE, TOPIC_FACT_WORDS, Value, children_rows, code_place, code_values, list_total,
                                     measure_column, table_no_of, table_total, values)
from budgetqa.models import ECONOMIC_CLASSES, Document, Table
from budgetqa.question.query import Query, read
from budgetqa.textnorm import squash, strip_ordinal

_EQUALS = patterns.compile(r"等不等于|等于|=|相等|一致|对得上|对的上|吻合|相符|能对上|加得上")


def check(doc: Document, q: Query) -> Answer | None:
    """The consistency question, by what it names."""
    for attempt in (_all_of_it, _balance, changes_added, _rate, _completion, share_against, _stated_shares, _against_sheet, _sheets_against, _stated_parts_sum, _parts_named, _parts_of_whole, _parts_of_their_total,
                    _name_in_two_tables, _two_figures, _numbers_only, under_named,
                    _list_against, _one_figure):
        found = attempt(doc, q)
        if found is not None:
            return found
    return _findings(doc, q)


# A claim that one thing is all of another (X全部是Y, X都用于Y, X全是Y的钱).
_ALL_OF = patterns.compile(r"(?:全部|全都|全|都)(?:是|用于|用在|花在|属于|为)")


def _all_of_it(doc: Document, q: Query) -> Answer | None:
    """卫生健康支出全部是行政单位医疗，对吗: the part's figure against the whole's, with the whole's parts beside them."""
    codes = [m for m in q.subjects if m.of("code")]
    said = _ALL_OF.search(q.squashed)
    if len(q.subjects) != 2 or len(codes) != 2 or said is None or not codes[0].end <= said.start() < codes[1].start:
        return None
    whole = code_place(doc, codes[0].of("code")[0].key, q)
    part = code_place(doc, codes[1].of("code")[0].key, q)
    if whole is None or part is None or not part[1].code.startswith(whole[1].code) or whole[1].first is None:
        return None
    (table, row), (_, inner) = whole, part
    parts = children_rows(table, row)
    while len(parts) == 1 and children_rows(table, parts[0]):  # (one 款 says nothing: its 项 are the parts)
        parts = children_rows(table, parts[0])
    right = inner.first == row.first
    a = answer("check", f"{row.label} 是否全部是 {inner.label}",
               f"{'对' if right else '不对'}：{row.label} {amount_text(row.first, table.unit)}，其中 {inner.label} "
               f"{amount_text(inner.first or Decimal(0), table.unit)}" + ("，就是全部。" if right else "，不是全部。")
               + "它下面各项：" + "；".join(f"{r.label} {amount_text(r.first or Decimal(0), table.unit)}" for r in parts)
               + f"（{table.label}）。")
    for r in [row] + parts:
        a.figure(r.label, r.first or Decimal(0), table.unit, table.label, r.line)
    return a


_EXTREME_ASKED = patterns.compile(r"(?:是不是|是否|是)[^，。？?]{0,16}?(最多|最大|最高|最少|最小|最低)")


def extreme_of_list(doc: Document, q: Query) -> Answer | None:
    """X是不是本年8个项目里最多的 / 公用经费里是不是X最多: X's place in that list (or among the parts of the
    whole named), by amount."""
    m = _EXTREME_ASKED.search(q.squashed)
    named = [s for s in q.subjects if s.kinds & {"project", "code", "item"}]
    if m is None or len(named) != 1 or not (q.scope or q.level or q.domain in ("projects", "subjects", "items") or q.whole):
        return None
    d = domain(doc, replace(q, subjects=[s for s in q.subjects if s is not named[0] and s.kinds == {"list"}]))
    name = squash(named[0].term.name)
    mine = next((v for v in d.rows if name in squash(v.label)), None)
    if mine is None or len(d.rows) < 2:
        return None
    most = m.group(1) in ("最多", "最大", "最高")
    ranked = sorted(d.rows, key=lambda v: v.amount, reverse=most)
    top, place = ranked[0], 1 + sum(1 for v in d.rows if (v.amount > mine.amount if most else v.amount < mine.amount))
    said_ = f"{mine.label} {amount_text(mine.amount, mine.unit)}"
    verdict_ = f"是，{d.where}共 {len(d.rows)} 项，{said_} {m.group(1)}" if place == 1 else \
        f"不是：{d.where}共 {len(d.rows)} 项，{m.group(1)}的是 {top.label} {amount_text(top.amount, top.unit)}，{said_} 排第 {place}"
    a = answer("check", f"{mine.label} 是否为{d.where}中{m.group(1)}", verdict_ + f"（{mine.where}）。")
    add(a, mine)
    if top is not mine:
        add(a, top)
    return a


def _stated_parts_sum(doc: Document, q: Query) -> Answer | None:
    """货物、工程、服务三项之和与总额是否相符: the parts a sentence states, added, against the total it states."""
    # (…251.25万，货物、工程、服务加起来等于这个数吗: the total is the figure typed)
    said_total = re.search(r"总额|总数|总计|总金额|(?:这个|该|此)数", q.squashed)
    if not lexicon.ADDED.search(q.squashed) or not said_total and not q.amounts:
        return None
    named = q.subjects + ([q.whole] if q.whole is not None else [])
    words = {TOPIC_FACT_WORDS.get(t.key, t.key) for m in named for t in m.terms if t.kind in ("fact", "topic")}
    if not words or not all(m.kinds <= {"fact", "topic", "term"} for m in named):
        return None
    sentences = [f.sentence for f in doc.facts if f.kind == "amount" and any(w in f.label for w in words)]
    for sentence in dict.fromkeys(sentences):
        stated = [f for f in doc.facts if f.kind == "amount" and f.sentence == sentence]
        first = min(f.line for f in stated)  # (…总额12.00万元。其中：货物…: the total may close the sentence before)
        head = next((f for f in stated if re.search(r"总额|总计|合计", f.label)), None) or next(
            (f for f in doc.facts if f.kind == "amount" and 0 <= first - f.line <= 2 and re.search(r"总额|总计|合计", f.label)
             and any(f.label[i:i + 2] in stated[0].label for i in range(len(f.label) - 1))), None)
        opening = min(stated, key=lambda f: (f.line, f.sentence.find(f"{f.value}")))
        if head is None and opening.value == max(f.value for f in stated):
            head = opening  # 本部门政府采购预算1486.42万元，其中…: the figure the sentence opens with, when largest
        stated = stated + ([head] if head is not None and head not in stated else [])
        parts = [f for f in stated if f is not head and f.unit == head.unit and f.value <= head.value
                 and not re.search(r"中小|小微|预留", f.label)] if head is not None else []
        if len(parts) >= 2 and (said_total or any(a.value == head.value for a in q.amounts)):  # (or the total typed)
            values = [Value(f.label, f.value, f.unit, NARRATIVE, f.line, f"fact:{f.label}") for f in parts]
            return _parts_answer(values, Value(head.label, head.value, head.unit, NARRATIVE, head.line, f"fact:{head.label}"))
    return None


def _balance(doc: Document, q: Query) -> Answer | None:
    """收支平衡吗: 收入总计 against 支出总计."""
    names = {t.key for m in q.subjects for t in m.terms}
    if not (q.has("平衡", "赤字", "收支相等", "收支相抵") and not q.subjects or {"收入总计", "支出总计"} <= names):
        return None
    summary = doc.table("summary")
    if summary is None:
        return None
    income = next((r for r in summary.rows if r.side == "收入" and "总计" in r.name and r.first is not None), None)
    spending = next((r for r in summary.rows if r.side == "支出" and "总计" in r.name and r.first is not None), None)
    if income is None or spending is None:
        return None
    gap = income.first - spending.first
    said = "收支平衡" if gap == 0 else f"{'收入多于支出' if gap > 0 else '支出多于收入'} {amount_text(abs(gap), summary.unit)}"
    a = answer("check", "收入总计与支出总计是否相等",
               f"{income.name} {amount_text(income.first, summary.unit)}，{spending.name} "
               f"{amount_text(spending.first, summary.unit)}，{said}（{summary.label}）。")
    a.figure(income.name, income.first, summary.unit, summary.label, income.line)
    a.figure(spending.name, spending.first, summary.unit, summary.label, spending.line)
    return a


def _rate(doc: Document, q: Query) -> Answer | None:
    """Are the stated growth rates typed right (增幅10.85%和5.20%对不对)? Each recomputed from its change
    and current figure; one card for them all."""
    found = [a for wanted in dict.fromkeys(q.percents) if (a := _one_rate(doc, q, wanted)) is not None]
    return None if not found else found[0] if len(found) == 1 else combine("check", found)


def _one_rate(doc: Document, q: Query, wanted: Decimal) -> Answer | None:
    """One stated rate, recomputed."""
    names = [squash(t.name) for m in q.subjects for t in m.terms]
    rates = [f for f in doc.facts if f.kind == "rate" and abs(f.value) == wanted]
    # (two paragraphs may print the same rate: the one about the subject named first)
    for f in sorted(rates, key=lambda f: not any(n and n in squash(f.topic or f.subject or "") for n in names)):
        change = next((c for c in doc.facts if c.kind == "change" and c.subject == f.subject), None)
        current = next((c for c in doc.facts if c.kind == "amount" and c.label == f.subject), None)
        if change is None and (found := rate_only(doc, f)).figures[-1].label.endswith("（按所列两数计算）"):
            found.intent = "check"  # a rate stated beside two amounts (2025年执行数…, 2026年安排…): from those
            return found
        if change is None or current is None or current.value == change.value:
            continue
        before = current.value - change.value
        computed = (abs(change.value) / before * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        same = abs(computed - wanted) <= Decimal("0.01")
        a = answer("check", f"「{f.subject}」的变动率 {wanted}%",
                   f"{f.subject} 本年 {current.value}，比{change.basis}{'增加' if change.value > 0 else '减少'} "
                   f"{abs(change.value)}，{change.basis}应为 {before}；{abs(change.value)} ÷ {before} × 100 = {computed}%，"
                   + ("与报告所写一致。" if same else f"与报告所写 {wanted}% 不符（矛盾）。"))
        a.figure(f"{change.basis}数（推算）", before, current.unit)
        a.figure("变动率（计算）", computed, "%")
        a.figure("变动率（报告）", wanted, "%", "情况说明", f.line)
        a.figure(f.subject, current.value, current.unit, "情况说明", current.line)  # (the figures it rests on:
        a.figure(f"比{change.basis}变动", change.value, change.unit, "情况说明", change.line)  # what 再压缩10% acts on)
        return a
    return None


def _completion(doc: Document, q: Query) -> Answer | None:
    """完成年初预算的95.89%对得上吗: a stated completion rate recomputed from the outturn and each budget the
    same passage prints (年初预算, 全年预算), saying which budget it matches, whichever the report names."""
    stated = next((f for f in doc.facts if f.kind == "share" and f.label.startswith("完成") and f.value in q.percents), None)
    if stated is None:
        return None
    near = [f for f in doc.facts if f.kind == "amount" and f.section == stated.section and stated.line - 3 <= f.line <= stated.line]
    outturn = next((f for f in reversed(near) if re.search(r"决算|执行|实际支出", f.label)), None)
    budgets = [f for f in near if re.search(r"预算(?:数)?$", f.label) and f is not outturn]
    if outturn is None or not budgets:
        return None
    a = answer("check", f"报告所写{stated.label.removesuffix('的比例')} {stated.value}%",
               f"报告第{stated.line}行写{stated.label.removesuffix('的比例')} {stated.value}%。")
    parts, matched = [], []
    for b in budgets:
        name = re.sub(r"^.*?(年初预算|全年预算|调整(?:后)?预算|预算)(?:数)?$", r"\1", b.label)
        if not b.value:
            parts.append(f"{outturn.label} {outturn.value} ÷ {name} {b.value}：{name}为 0，无法计算完成率")
        else:
            rate = (outturn.value / b.value * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            same = abs(rate - stated.value) <= SHARE_TOLERANCE
            parts.append(f"{outturn.label} {outturn.value} ÷ {name} {b.value} × 100 = {rate}%"
                         + ("，与报告所写一致" if same else "，与报告所写不同"))
            if same:
                matched.append(name)
            a.figure(f"完成{name}的比例（计算）", rate, "%")
        a.figure(name, b.value, b.unit, NARRATIVE, b.line)
    a.text += "；".join(parts) + "。"
    if matched and not any(m in stated.label for m in matched):  # the rate is right, the budget it names is not
        a.text += f"报告所写比例是按{matched[0]}算的，与它所称的「{stated.label.removesuffix('的比例')}」不符。"
    a.figure(outturn.label, outturn.value, outturn.unit, NARRATIVE, outturn.line)
    a.figure("报告所写比例", stated.value, "%", NARRATIVE, stated.line)
    return a


def _stated_shares(doc: Document, q: Query) -> Answer | None:
    """基本支出占28.00%对不对 / 四个类的占比核一下: every share the report states of what is named (or of
    the shares typed), recomputed from the figures it rests on."""
    if not (q.percents or q.has("占比", "比例", "比重")):
        return None
    names = [t.name for m in q.subjects + ([q.whole] if q.whole else []) for t in m.terms]
    stated = [f for f in doc.facts if f.kind == "share" and f.subject and (
        any(f.value == p for p in q.percents) or any(n and (n == f.subject or n in f.section) for n in names))]
    stated.sort(key=lambda f: f.value not in q.percents)  # (X占Y的95.96%对得上吗: the share typed first)
    rows = []
    for f in stated:  # (the same operands and tolerance as budgetqa check)
        operands = share_operands(f, doc.facts)
        if operands is None:
            continue
        part, denominator = operands
        computed = (part.value / denominator.value * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        rows.append((f, part, denominator, computed))
    if not rows:
        return None
    a = answer("check", "报告所述占比", "")
    parts = []
    for f, part, denominator, computed in rows[:8]:
        same = abs(computed - f.value) <= SHARE_TOLERANCE
        parts.append(f"{f.subject} {part.value} ÷ {denominator.label} {denominator.value} = {computed}%，报告写 {f.value}%"
                     + ("，一致" if same else "，不一致"))
        a.figure(f"{f.subject}占比（计算）", computed, "%")
        a.figure(f"{f.subject}占比（报告）", f.value, "%", "情况说明", f.line)
    a.text += "；".join(parts) + "。"
    return a


_OTHER_BASE = patterns.compile(r"若以|如果以|假如以|以[^，,。？?]{0,16}为分母|按[^，,。？?]{0,16}(?:算|计算|口径)|换成[^，,。？?]{0,12}(?:做|作)?分母")


def stated_share_on(doc: Document, q: Query) -> Answer | None:
    """报告说占项目支出总额的100%，按表三项目支出算实际占多少 / 若以780.77万元为分母: the part the report's stated
    share rests on, over the denominator the question gives (typed, or a figure it names), beside the share stated."""
    if not _OTHER_BASE.search(q.squashed) or not re.search(r"占|比重|比例|覆盖", q.squashed):
        return None
    stated = [f for f in doc.facts if f.kind == "share" and f.subject and f.basis and (
        any(abs(f.value - p) < Decimal("0.005") for p in q.percents) or squash(f.basis)[-6:] in q.squashed)]
    if len(stated) != 1:
        return None
    f = stated[0]
    part = next((p for p in reversed(doc.facts) if p.kind == "amount" and p.label == f.subject and p.line <= f.line), None)
    if part is None:
        return None
    typed = [t for t in q.amounts if t.unit in ("万元", "元") and typed_value(t, part.unit) != part.value]
    if typed:
        base_label, base = "所给的数", typed_value(typed[0], part.unit)
    else:
        said = re.search(r"(?:按|以)([^，,。？?]{2,20}?)(?:来?算|计算|为分母|做分母|作分母|口径)", q.squashed)
        if said is None:
            return None  # (按数算实际是多少: the report's own figures, rechecked elsewhere)
        base_q = read(said.group(1), doc)  # (按表三项目支出总额算: the figure named there)
        named = [v for m in base_q.subjects if (v := subject_value(doc, base_q, m)) is not None and v.unit == part.unit
                 and v.amount not in (part.value, 0)]
        if not named:
            return None
        base_label, base = f"{named[0].label}（{named[0].where}）", named[0].amount
    share = (part.value / base * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    a = answer("share", f"{f.subject} 占 {base_label}",
               f"报告写{f.subject} {amount_text(part.value, part.unit)} 占{f.basis}的 {f.value}%（第{f.line}行）；"
               f"以{base_label} {amount_text(base, part.unit)} 为分母，占 {share}%（{part.value} ÷ {base} × 100）。")
    a.figure(f"{f.subject}占比（按所问分母计算）", share, "%")
    a.figure(f.subject, part.value, part.unit, NARRATIVE, part.line)
    a.figure(f"{f.subject}占比（报告）", f.value, "%", NARRATIVE, f.line)
    return a


# The total said right after a name (公用经费合计), or after a table's name (支出总表的支出合计).
_OWN_TOTAL = patterns.compile(r"(的(?:本年)?(?:支出|收入)?)?(?:合计|总计)")


def _name_in_two_tables(doc: Document, q: Query) -> Answer | None:
    """收支决算总表的社会保障和就业支出和支出决算表对得上吗: a name and a table named with no total of its own,
    the name's figure in that table set against its figure where else the report prints it (in the table the
    question names before it, when it names one)."""
    tables = [m for m in q.subjects if m.kinds == {"table"}]
    names = [m for m in q.subjects if m not in tables]
    if q.amounts or not _EQUALS.search(q.squashed) and not q.has("一致", "相同", "一样"):
        return None
    placed = [next((t for t in doc.tables if t.no == m.table), None) for m in names]
    column_said = q.fund or q.measures or any(f in q.squashed for f in lexicon.FUNDS)  # (一般公共预算数: a column, not the row's first)
    if not column_said and len(names) == 2 and names[0].term.key == names[1].term.key and all(placed) and placed[0] is not placed[1] \
            and all(pair := [_row_in(t, names[0].term.name) for t in placed]):  # A表的X和B表的X一致吗: X in each
        return _figures_set(pair[0], pair[1])
    if len(tables) != 1 or len(names) != 1:
        return None
    table = next((t for t in doc.tables if t.no == int(tables[0].term.key)), None)
    printed = [v for t in names[0].terms for v in values(doc, t, replace(q, table=None)) if v.unit not in ("%", "")]
    other = next((t for t in doc.tables if names[0].table is not None and t.no == names[0].table), None)
    pair = [_row_in(t, names[0].term.name) for t in (other, table) if t is not None]
    if other is not None and not column_said and other is not table and len(pair) == 2 and all(pair):  # 表一和表四的支出总计: in each
        return _figures_set(pair[0], pair[1])
    if _OWN_TOTAL.match(q.squashed, tables[0].end):
        return None
    there = next((v for v in printed if table is not None and v.where == table.label), None)
    if there is None:
        return None
    before = q.squashed[:names[0].start]  # (the table named before the name: 收支决算总表的X)
    elsewhere = sorted((v for v in printed if v.where not in (there.where, NARRATIVE)),
                       key=lambda v: -sum(ch in before for ch in set(v.where)))
    return _figures_set(elsewhere[0], there) if elsewhere else None


def _row_in(table: Table, name: str) -> Value | None:
    """The first figure of the row of that name in one table (its side's, of a two-sided table)."""
    row = next((r for r in table.rows if squash(strip_ordinal(r.name)) == squash(name) and r.first is not None), None)
    return Value(f"{strip_ordinal(row.name)}（表{table.no}）", row.first, table.unit, table.label, row.line, f"row:{table.no}:{row.row_no}") \
        if row is not None else None


def _two_figures(doc: Document, q: Query) -> Answer | None:
    """A和B一致吗 / 表六公用经费和表十一机关运行经费是否一致: two printed figures set against each other."""
    text = q.squashed
    for m in q.subjects:  # 公用经费合计 / 支出总表的合计: a name's or a table's own total, not a sum asked
        own = _OWN_TOTAL.match(text, m.end) if 0 <= m.end < 10_000 else None
        if own is not None and (own.group(1) is None or "table" in m.kinds):
            text = text[:m.end] + " " * (own.end() - m.end) + text[own.end():]
    if len(q.subjects) != 2 or not _EQUALS.search(q.squashed) and not q.has("一致", "是否相同", "相同", "一样", "同一个数", "一回事",
                                                                              "差异", "相差", "差额", "差多少") \
            or q.amounts or re.search(r"加|\+|之和|合计|总计|相加", text):
        return None  # A加B等于合计吗: parts against a whole, not two figures
    first, second = (subject_value(doc, q, m) for m in q.subjects)
    if first is None or second is None or (first.where, first.line, first.label) == (second.where, second.line, second.label):
        return None  # (one printed figure read twice is no check of two places)
    return _figures_set(first, second)


def _figures_set(first: Value, second: Value) -> Answer | None:
    """Two printed figures set against each other: equal, equal once rounded to the other's unit, or apart."""
    same = to_unit(second, first.unit)  # 386.02 万元 against 3,860,162 元: in the unit of the first
    if same.unit != first.unit:
        return None
    gap = first.amount - same.amount
    # a figure in 元 rounded to the 万元 the other is printed in: equal within half its last digit
    places = -first.amount.as_tuple().exponent if first.amount.as_tuple().exponent < 0 else 0
    rounding = same.unit != second.unit and abs(gap) <= Decimal(5) / Decimal(10) ** (places + 1)
    said_second = f"{second.label} {amount_text(second.amount, second.unit)}（{second.where} 第{second.line}行）" + (
        f"，即 {amount_text(same.amount, same.unit)}" if same.unit != second.unit else "")
    a = answer("check", f"{first.label} 与 {second.label}",
               f"{first.label} {amount_text(first.amount, first.unit)}（{first.where} 第{first.line}行），{said_second}："
               + ("一致。" if gap == 0 else "四舍五入后一致。" if rounding
                  else f"不一致，差 {amount_text(abs(gap), first.unit)}。"))
    add(a, first)
    add(a, second)
    if gap and not rounding:
        a.figure("差额", abs(gap), first.unit)
    return a


def _sheets_against(doc: Document, q: Query) -> Answer | None:
    """绩效表年度资金总额加总后与本年项目支出合计一致吗: the sheets' totals added, against one printed
    figure (元 against 万元, converted exactly)."""
    sheets = next((m for m in q.subjects if sheets_asked(q, m)), None)
    others = [m for m in q.subjects if m is not sheets]
    if sheets is None or len(others) != 1:
        return None
    total, other = subject_value(doc, q, sheets), subject_value(doc, q, others[0])
    if total is None or other is None:
        return None
    same = to_unit(other, total.unit)
    if same.unit != total.unit:
        return None
    gap = total.amount - same.amount
    a = answer("check", f"{total.label} 与 {other.label}",
               f"{total.label} {amount_text(total.amount, total.unit)}（计算）；{other.label} "
               f"{amount_text(other.amount, other.unit)}（{other.where} 第{other.line}行）"
               + (f"，即 {amount_text(same.amount, same.unit)}" if same.unit != other.unit else "") + "："
               + ("一致。" if gap == 0 else f"不一致，差 {amount_text(abs(gap), total.unit)}。"))
    a.figure(total.label, total.amount, total.unit)
    add(a, other)
    return a


def _against_sheet(doc: Document, q: Query) -> Answer | None:
    """A project's figure in the project table against its target sheet (万元 against 元), both columns."""
    names = {t.key for m in q.subjects for t in m.terms if t.kind == "project"}
    project = next((p for p in doc.projects if p.name in names and p.total is not None), None)
    sheet = next((s for s in doc.performance if s.project_name in names), None)
    if project is None or sheet is None or not q.has("绩效", "目标表", "实施期", "年度"):
        return None
    factor = Decimal(10000) if project.unit == "万元" and sheet.unit == "元" else Decimal(1)
    printed = project.total * factor
    a = answer("check", f"{project.name}：项目表与绩效目标表",
               f"{project.name} 项目表 {amount_text(project.total, project.unit)}（第{project.line}行），即 "
               f"{amount_text(printed, sheet.unit)}；")
    a.figure(f"{project.name}（项目表）", project.total, project.unit, f"表{project.table_no}", project.line)
    parts = []
    for key, value in sheet.funds.items():
        if "总额" not in key:
            continue
        same = "一致" if value == printed else f"不一致，差 {amount_text(abs(value - printed), sheet.unit)}"
        parts.append(f"绩效目标表{key.split('/')[0]}资金总额 {amount_text(value, sheet.unit)}，{same}")
        a.figure(f"{project.name} {key.replace('/', '')}", value, sheet.unit, sheet.title, sheet.fund_lines.get(key, sheet.line))
    if not parts:
        return None
    a.text += "；".join(parts) + "。"
    return a


def _parts_named(doc: Document, q: Query) -> Answer | None:
    """A加B等于C吗 / C等于A+B吗 / A+B+C，与D+E，两边是否相等: the named figures added and compared."""
    m = _EQUALS.search(q.squashed) or re.search(r"是不是|是否|核对|对比|差多少|相差|差额|多还是少|多多少|少多少"
                                                r"|哪个(?:大|多|高|小|少|低)|谁(?:大|多|高|小|少|低)", q.squashed)
    # an amount typed right after a name is that name's figure as the asker read it (人员经费290.03是否等于…)
    labels = [a for a in q.amounts if any(0 <= a.start - s.end <= 1 for s in q.subjects)]
    counted = [a for a in q.amounts if a not in labels and not re.match(r"(?:列|项|个|类|款)", q.squashed[a.end:a.end + 1])]
    added = re.search(r"加|\+|之和|合计|相加|总和|一共|合起来|加起来", q.squashed)
    typed_last = max((s.end for s in q.subjects if s.end < 10_000), default=-1)  # (names from the conversation: none)
    if m is not None and added and len(counted) == 1 and len(q.subjects) >= 2 and counted[0].start >= max(typed_last, m.start()):
        parts = [subject_value(doc, q, s) for s in q.subjects]  # A加B是否等于1015.19: the parts against the sum typed
        if all(parts) and len({v.unit for v in parts}) == 1:
            return _parts_against_amount(parts, counted[0])
    made_of = len(q.subjects) >= 3 and re.match(r"(?:合计)?(?:能否|能不能|是否|是不是)?由", q.squashed[q.subjects[0].end:q.subjects[1].start])
    if made_of and not counted:  # X能否由A和B相加得到: X is the whole, the rest its parts
        whole, *parts = [subject_value(doc, q, s) for s in q.subjects]
        if whole is not None and all(parts) and all(v.unit == whole.unit for v in parts):
            return _parts_answer(parts, _read_alike(doc, q, parts, whole), doc)
    if m is not None and not counted:
        found = _columns_against_table_total(doc, q, m.start())
        if found is not None:
            return found
    if m is None or counted or len(q.subjects) < 3:
        return None
    pairs = [(subject_value(doc, q, s), s) for s in q.subjects]
    if any(v is None for v, _ in pairs):
        return None
    before = [v for v, s in pairs if s.end <= m.start()]
    after = [v for v, s in pairs if s.start >= m.end()]
    if not after and len(before) >= 3:
        split = next((i for i in range(1, len(q.subjects)) if _sides_split(q, i)), None)
        return _two_sides(before[:split], before[split:]) if split else None
    if len(after) == 1 and len(before) >= 2:
        parts, whole = before, after[0]
    elif len(before) == 1 and len(after) >= 2:
        parts, whole = after, before[0]
    else:
        return None
    if any(v.unit != whole.unit for v in parts):
        return None
    return _parts_answer(parts, _read_alike(doc, q, parts, whole), doc)


def _sides_split(q: Query, i: int) -> bool:
    """The two sides compared part at subject i: after a break (A+B+C，与D+E), or after figures added
    (A加B与C / A和B加起来，比C)."""
    between = q.squashed[q.subjects[i - 1].end:q.subjects[i].start]
    if q.subjects[i - 1].end in q.breaks and between.startswith(("与", "和", "跟")):
        return True
    added = re.search(r"加|\+|之和|合起来|相加", q.squashed[:q.subjects[i].start])
    return bool(added) and bool(re.fullmatch(r"(?:加起来|合起来|相加|之和|合计)?(?:的和)?[，,]?(?:与|跟|和|同|比|较)", between))


def _parts_of_whole(doc: Document, q: Query) -> Answer | None:
    """Parts the conversation supplies, added, against the whole the question names (这三项相加是否等于20131)."""
    if q.whole is None or len(q.subjects) < 2 or not re.search(r"加|之和|合计|总和|合起来", q.squashed):
        return None
    parts, whole = subject_values(doc, replace(q, whole=None)), subject_value(doc, q, q.whole)
    if whole is None or len(parts) < 2 or any(v.unit != whole.unit for v in parts):
        return None
    return _parts_answer(parts, _read_alike(doc, q, parts, whole), doc)


# a total the question speaks of without naming it (加起来是不是等于总数)
_TOTAL_UNNAMED = patterns.compile(r"总数|总额|总计|合计数|总金额|总的|整体|全部")


def _parts_of_their_total(doc: Document, q: Query) -> Answer | None:
    """A和B加起来是不是正好等于总数: the parts named, added, against the total the report states them to be
    parts of (the amount its 其中 list breaks down), when every part is of that one total."""
    said = q.squashed[max((s.end for s in q.subjects if s.end < 10_000), default=0):]  # (names from the conversation: all of it)
    if q.whole is not None or len(q.subjects) < 2 or q.amounts or not _TOTAL_UNNAMED.search(said) \
            or not re.search(r"加|之和|合计|总和|合起来", q.squashed):
        return None
    parts = subject_values(doc, q)
    wholes = {(w.label, w.amount, w.line): w for w in (family_total(doc, v) for v in parts) if w is not None}
    if len(parts) < 2 or len(parts) != len(q.subjects) or len(wholes) != 1:
        return None
    whole = next(iter(wholes.values()))
    return _parts_answer(parts, whole, doc) if all(v.unit == whole.unit for v in parts) else None


def _children_not_named(doc: Document, parts: list[Value], whole: Value) -> list:
    """The rows printed under a whole code, in the table it was read in, that none of the parts is."""
    no = table_no_of(whole.where)
    if no is None or not whole.key.isdigit() or not all(v.key.startswith(whole.key) for v in parts):
        return []
    t = doc.table_no(no)
    row = next((r for r in t.rows if r.code == whole.key), None) if t is not None else None
    if row is None:
        return []
    return [r for r in children_rows(t, row) if r.first and not any(v.key.startswith(r.code) for v in parts)]


def _read_alike(doc: Document, q: Query, parts: list[Value], whole: Value) -> Value:
    """The whole read in the table its parts were read in, when that table prints it: a 款 against its 项
    of one table, not the 款 of another table that also counts other money (the carried-over part)."""
    wheres = {v.where for v in parts}
    no = table_no_of(next(iter(wheres))) if len(wheres) == 1 else None
    if no is None or whole.where in wheres or not (whole.key.isdigit() and all(v.key.isdigit() for v in parts)):
        return whole
    found = code_values(doc, whole.key, replace(q, table=no, measures=[], whole=None))
    return found[0] if found and found[0].where in wheres else whole


def _columns_against_table_total(doc: Document, q: Query, equals: int) -> Answer | None:
    """表N：A加B是否等于合计数: columns named, read in the table named, against that table's total."""
    tables = [int(s.term.key) for s in q.subjects if s.kinds == {"table"}] or ([q.table] if q.table is not None else [])
    parts = [s for s in q.subjects if s.kinds != {"table"}]
    after = max((s.end for s in parts), default=equals)  # (A与B相加，与合计数是否相符: the total said after the parts)
    if not tables or len(parts) < 2 or not all("column" in s.kinds for s in parts) or not re.search(r"合计|总计|总数|总额", q.squashed[after:]) \
            or any(s.start >= equals for s in parts):
        return None
    whole = table_total(doc, tables[0], side(q))
    values = [subject_value(doc, q, s) for s in parts]
    if whole is None or not all(values) or any(v.unit != whole.unit for v in values):
        return None
    return _parts_answer(values, whole)


def _parts_against_amount(parts: list[Value], typed) -> Answer:
    """Parts added and set against the total the question types, in the parts' unit."""
    unit = parts[0].unit
    claimed = typed_value(typed, unit)
    computed = build.total(parts)
    a = answer("check", f"{' + '.join(v.label for v in parts)} 是否等于 {typed.value}",
               " + ".join(f"{v.label} {v.amount}" for v in parts) + f" = {amount_text(computed, unit)}；所问 "
               f"{amount_text(claimed, unit)}：{verdict(claimed, [v.amount for v in parts], unit)}。")
    a.figure("分项之和（计算）", computed, unit)
    for v in parts:
        add(a, v)
    if computed != claimed:
        a.figure("差额", abs(computed - claimed), unit)
    return a


def _parts_answer(parts: list[Value], whole: Value, doc: Document | None = None) -> Answer:
    """Parts added and set against a whole, judged by the one rule; a code's parts that leave out some of
    the rows printed under it are short by those rows, which is no fault of the report."""
    computed = build.total(parts)
    left_out = _children_not_named(doc, parts, whole) if doc is not None else []
    judged = verdict(whole.amount, [v.amount for v in parts], whole.unit)
    if left_out and computed != whole.amount:
        rest = "、".join(f"{r.code} {r.name} {r.first}" for r in left_out)
        judged = f"不相等，差 {amount_text(abs(computed - whole.amount), whole.unit)}：{whole.label} 下还有未列入的 {rest}，不是报告的矛盾"
    a = answer("check", f"{' + '.join(v.label for v in parts)} 是否等于 {whole.label}",
               " + ".join(f"{v.label} {v.amount}" for v in parts) + f" = {amount_text(computed, whole.unit)}；"
               f"{whole.label} {amount_text(whole.amount, whole.unit)}（{whole.where}）：{judged}。")
    a.figure("分项之和（计算）", computed, whole.unit)
    for v in parts + [whole]:
        add(a, v)
    if computed != whole.amount:
        a.figure("差额", abs(computed - whole.amount), whole.unit)
    return a


def _two_sides(left: list[Value], right: list[Value]) -> Answer | None:
    if not right or len({v.unit for v in left + right}) != 1:
        return None
    unit = left[0].unit
    sums = [build.total(left), build.total(right)]
    a = answer("check", " + ".join(v.label for v in left) + " 与 " + " + ".join(v.label for v in right),
               " + ".join(f"{v.label} {v.amount}" for v in left) + f" = {amount_text(sums[0], unit)}；"
               + " + ".join(f"{v.label} {v.amount}" for v in right) + f" = {amount_text(sums[1], unit)}："
               + ("相等" if sums[0] == sums[1] else f"不相等，差 {amount_text(abs(sums[0] - sums[1]), unit)}") + "。")
    if sums[0] != sums[1]:
        larger = left if sums[0] > sums[1] else right
        a.text += f"较大的一方：{' + '.join(v.label for v in larger)}。"
        a.figure("两侧之差（计算）", abs(sums[0] - sums[1]), unit)
    a.figure("一侧之和（计算）", sums[0], unit)
    a.figure("另一侧之和（计算）", sums[1], unit)
    for v in left + right:
        add(a, v)
    return a


def _numbers_only(doc: Document, q: Query) -> Answer | None:
    """1084.38等于303.62+780.77吗: the figures the question gives, added and compared."""
    numbers = [a.value for a in q.amounts]
    if len(numbers) == 2 and re.search(r"\+|加", q.squashed) and q.has("总数", "总计", "合计", "总额", "总的"):
        return _typed_sum_printed(doc, numbers)  # A+B等于总数吗: their sum, and where the report prints it
    if len(numbers) < 3 or not q.has("=", "等于", "+", "加", "合计", "之和", "相加", "一共", "总共"):
        return None
    stated = max(numbers) if max(numbers) != numbers[0] and max(numbers) in numbers[1:] else numbers[0]
    parts = list(numbers)
    parts.remove(stated)
    computed = sum(parts, Decimal(0))
    a = answer("check", f"{stated} 是否等于 {' + '.join(str(n) for n in parts)}",
               f"{' + '.join(str(n) for n in parts)} = {computed}，与 {stated} {verdict(stated, parts, '')}。")
    a.figure("分项之和（计算）", computed, doc.unit)
    a.figure("报告所印", stated, doc.unit)
    a.figure("差额", abs(computed - stated), doc.unit)
    related = [f for f in doc.findings if str(f.stated) == str(stated) or str(f.computed) == str(computed)]
    for f in related[:3]:
        for line in f.lines[:3]:
            a.source(f.subject, line)
    return a


def _typed_sum_printed(doc: Document, numbers: list[Decimal]) -> Answer:
    """Two figures typed and added: the sum, and the totals the report prints that equal it."""
    computed = sum(numbers, Decimal(0))
    near = Decimal("0.01") * len(numbers)  # (within the rounding of the figures added: a 尾数差)
    printed = [(f.label, f.value, f"{NARRATIVE} 第{f.line}行") for f in doc.facts
               if f.kind == "amount" and abs(f.value - computed) <= near]
    printed += [(r.label, r.first, f"{t.label} 第{r.line}行") for t in doc.tables for r in t.rows
                if r.is_total and r.first is not None and abs(r.first - computed) <= near]
    printed = sorted(dict.fromkeys(printed), key=lambda p: abs(p[1] - computed))[:3]
    said = "；".join(f"{label} {value}（{where}）：{verdict(value, numbers, '')}" for label, value, where in printed)
    a = answer("check", f"{' + '.join(str(n) for n in numbers)} 与报告所印的合计",
               f"{' + '.join(str(n) for n in numbers)} = {computed}；" + (f"报告所印的合计：{said}。" if said else
                                                                        "报告中没有印出等于这个和的合计。"))
    a.figure("两数之和（计算）", computed, doc.unit)
    if printed and printed[0][1] != computed:
        a.figure("差额", abs(printed[0][1] - computed), doc.unit)
    return a


def under_named(doc: Document, q: Query) -> Answer | None:
    """Does a printed subtotal equal the rows printed under it (工资福利支出 and its items; 公用经费 and the
    items in its column)?"""
    if not q.subjects or not q.has("下面", "明细", "分项", "之和", "加起来", "子项", "各项", "下级", "合计", "小计") \
            or len(q.subjects) > 2:
        return None  # (A、B、C、D四类加起来和T一致吗: the parts named, added, against T)
    for term in q.subjects[0].terms:
        if term.kind == "column" and term.key in lexicon.BASIC_HALVES:
            found = _half_against_items(doc, q, term.key)
            if found is not None:
                return found
            continue
        if term.kind == "code":
            place = code_place(doc, term.key, q)
        elif term.kind == "item":
            table = doc.table("basic_economic")
            row = next((r for r in table.rows if r.name == term.name), None) if table else None
            place = (table, row) if row else None
        else:
            continue
        if place is None:
            continue
        table, row = place
        below = children_rows(table, row)
        if not below or row.first is None:
            continue
        return _against_parts(q, table, row.label, row.first, row.line, [(r.label, r.first, r.line) for r in below])
    return None


def _half_against_items(doc: Document, q: Query, half: str) -> Answer | None:
    """人员经费 / 公用经费 of the basic-expenditure table against the items printed in its column."""
    table = doc.table("basic_economic")
    column = next((c for c in table.columns if c.rsplit("/", 1)[-1] == half), None) if table else None
    total = table.total_row() if column else None
    if total is None or total.amount(column) is None:
        return None
    items = [(r.label, r.amount(column), r.line) for r in table.rows
             if not r.is_total and r.name not in ECONOMIC_CLASSES and r.amount(column) is not None]
    return _against_parts(q, table, half, total.amount(column), total.line, items) if items else None


def _against_parts(q: Query, table, label: str, printed: Decimal, line: int, below: list[tuple]) -> Answer:
    """A printed figure against the rows under it, added."""
    stated = q.amounts[0].value if q.amounts else printed
    parts = [x or Decimal(0) for _, x, _ in below]
    computed = sum(parts, Decimal(0))
    a = answer("check", f"{label} 与其下 {len(below)} 行之和",
               f"{label} 印 {amount_text(printed, table.unit)}，其下 {len(below)} 行相加 = {computed}，"
               f"{verdict(stated, parts, table.unit)}（{table.label} 第{line}行起）。")
    a.figure("其下各行之和（计算）", computed, table.unit)
    a.figure(f"{label}（印）", printed, table.unit, table.label, line)
    a.figure("差额", abs(computed - stated), table.unit)
    for name, x, at in below[:20]:
        a.figure(name, x or Decimal(0), table.unit, table.label, at)
    a.columns = ["名称", "金额", "单位", "行"]
    a.rows = [[name, x, table.unit, at] for name, x, at in below]
    return a


def _list_against(doc: Document, q: Query) -> Answer | None:
    """上年结转七个项目加起来是不是533.88 / 项目表逐项加起来等不等于表上的合计: the items of a list
    added and set against the figure given, or against the total the table prints."""
    if len(q.amounts) > 1 or not (q.has("项目", "加起来", "之和", "合计", "相加", "加总") or q.table is not None):
        return None
    if not q.amounts:
        return _list_against_total(doc, q)
    if q.comparator in PASSES and q.subjects and not q.has("加起来", "之和", "相加", "加总"):
        return None  # 项目支出总额有没有超过750万元: the named figure against a threshold (below), not a sum claimed
    d = domain(doc, q)
    if not d.rows:
        return None
    typed, unit = q.amounts[0], d.rows[0].unit
    parts = [v.amount for v in d.rows]
    computed = sum(parts, Decimal(0))
    if typed.unit and typed.unit != unit:  # 217.83万 against items in 元: the sum in the unit and places typed
        places = Decimal(1).scaleb(min(typed.value.as_tuple().exponent, 0))
        shown = (typed_value(replace(typed, value=computed, unit=unit), typed.unit)).quantize(places, rounding=ROUND_HALF_UP)
        same = shown == typed.value
        a = answer("check", f"{d.where}之和 与 {typed.value}{typed.unit}",
                   f"{d.where}共 {len(d.rows)} 个，逐项相加 = {computed} {unit}，折合 {shown} {typed.unit}，与 {typed.value}"
                   f"{typed.unit} {'一致（按所写位数四舍五入）' if same else f'不一致，差 {abs(shown - typed.value)}{typed.unit}'}。")
        a.figure("逐项之和（计算）", computed, unit)
        a.figure(f"逐项之和（折合{typed.unit}）", shown, typed.unit)
        a.figure("所问数字", typed.value, typed.unit)
    else:
        stated = typed.value
        a = answer("check", f"{d.where}之和 与 {stated}",
                   f"{d.where}共 {len(d.rows)} 个，逐项相加 = {computed}，与 {stated} {verdict(stated, parts, unit)}。")
        a.figure("逐项之和（计算）", computed, unit)
        a.figure("所问数字", stated, unit)
        a.figure("差额", abs(computed - stated), unit)
    build.value_rows(a, d.rows)
    return a


def _list_against_total(doc: Document, q: Query) -> Answer | None:
    d = domain(doc, q)
    tables = [int(m.term.key) for m in q.subjects if m.kinds == {"table"}] or ([q.table] if q.table else [])
    # (rows read in a column are set against the total row's figure in that same column)
    printed = table_total(doc, tables[0], side(q), grand=True, column=d.column) if tables else (
        list_total(doc, q.scope) if q.scope in ("本年", "上年结转") and d.column is None else None)
    if not d.rows or printed is None:
        return None
    parts = [v.amount for v in d.rows]
    computed = sum(parts, Decimal(0))
    a = answer("check", f"{d.where}之和 与 {printed.label}",
               f"{d.where}共 {len(d.rows)} 个，逐项相加 = {computed}；{printed.label} 印 "
               f"{amount_text(printed.amount, printed.unit)}：{verdict(printed.amount, parts, printed.unit)}。")
    a.figure("逐项之和（计算）", computed, printed.unit)
    add(a, printed)
    if computed != printed.amount:
        a.figure("差额", abs(computed - printed.amount), printed.unit)
    build.value_rows(a, d.rows)
    return a


def _one_figure(doc: Document, q: Query) -> Answer | None:
    """拨付工作经费是不是0.87万元: the printed figure of the named item against the one asked about."""
    if len(q.amounts) != 1 or not q.subjects:
        return None
    vals = subject_values(doc, q)
    if not vals:
        return None
    v, budget = _outturn_of(doc, q, vals[0]), vals[0]
    asked = typed_value(q.amounts[0], v.unit)
    said = f"{v.label} 印 {amount_text(v.amount, v.unit)}（{v.where} 第{v.line}行），"
    if v is not budget:  # (a 决算's row read in its outturn column: its budget beside it, a claim may be of either)
        said = said.removesuffix("，") + f"，预算数 {amount_text(budget.amount, budget.unit)}，"
    if q.comparator in PASSES:  # 有没有超过30万 / 不低于N吗: whether the figure passes the amount
        word, test = PASSES[q.comparator]
        passes = test(v.amount, asked)
        a = answer("check", f"{v.label} 是否{word} {amount_text(asked, v.unit)}",
                   said + f"{'' if passes else '没有'}{word} {amount_text(asked, v.unit)}（相差 {amount_text(abs(v.amount - asked), v.unit)}）。")
    elif q.amounts[0].about:  # 530多万 / 300万左右: a guess, right when the figure lies where the guess says
        guess = q.amounts[0]
        step = typed_value(replace(guess, value=Decimal(10) ** max(0, len(str(int(guess.value))) - 2)), v.unit)
        near = asked <= v.amount < asked + step if guess.about == "多" else abs(v.amount - asked) <= asked * Decimal("0.05")
        typed = f"{guess.value}{'多' if guess.about == '多' else ''}{'万' if guess.unit == '万元' else '元' if guess.unit else ''}" \
            f"{'左右' if guess.about == '左右' else ''}"
        a = answer("check", f"{v.label} 是否约为 {typed}", said + (f"大致是{typed}，准确数是 {amount_text(v.amount, v.unit)}。"
                   if near else f"不是{typed}，准确数是 {amount_text(v.amount, v.unit)}（相差 {amount_text(abs(v.amount - asked), v.unit)}）。"))
    else:
        same, whole = asked == v.amount, q.amounts[0].value == q.amounts[0].value.to_integral_value()
        rounded = not same and whole and abs(v.amount - asked) < typed_value(replace(q.amounts[0], value=Decimal(1)), v.unit)
        a = answer("check", f"{v.label} 是否为 {q.amounts[0].value}", said + (
            "与所问一致。" if same else f"取整是 {q.amounts[0].value}，准确数是 {amount_text(v.amount, v.unit)}（差 {abs(v.amount - asked)}）。"
            if rounded else f"不是 {q.amounts[0].value}，差 {abs(v.amount - asked)}。"))  # (1084万对吗 of 1084.38: said whole)
    add(a, v)
    if v is not budget:
        add(a, budget)
    return a


def _outturn_of(doc: Document, q: Query, v: Value) -> Value:
    """In a 决算, a row read in its table's first column when the table prints a 决算 column too (三公经费: 预算数,
    决算数): the outturn, which is what a 决算's figure for it is, unless a column is asked."""
    table = doc.table_no(table_no_of(v.where) or 0) if doc.kind == "决算" and not q.measures else None
    row = next((r for r in table.rows if r.line == v.line and r.first == v.amount), None) if table else None
    column = measure_column(table, "决算") if row is not None else None
    if column is None or column == table.columns[0] or row.cell(column) is None:
        return v
    return Value(f"{v.label}（{column.rsplit('/', 1)[-1]}）", row.amount(column), table.unit, table.label, row.line, v.key)


def _findings(doc: Document, q: Query) -> Answer:
    """The check's findings about what the question names (a table, a name, or the whole report)."""
    tables = [q.table] if q.table is not None else [int(m.term.key) for m in q.subjects if m.kinds == {"table"}]
    wanted = [f for f in doc.findings if not tables or any(f.subject.startswith(f"表{t}") for t in tables)]
    names = list(dict.fromkeys(t.name for m in q.subjects for t in m.terms if t.kind != "table"))
    spoken: set[int] = set()
    if names:
        # a finding names its subject, or sits on a line where the report speaks of it (a paragraph's rate)
        keys = [squash(n) for n in names]
        spoken = {f.line for f in doc.facts if any(k and k in squash((f.topic or "") + f.label) for k in keys)}
        by_name = [f for f in doc.findings if any(n in f.subject for n in names) or spoken & set(f.lines)]
        if by_name or not tables:
            wanted = by_name
    if q.has("增长", "增长率", "下降", "变动率") and not tables:
        wanted = [f for f in wanted if f.kind == "narrative_rate"] or wanted
    if q.has("占比", "比例") and not tables:
        wanted = [f for f in wanted if f.kind == "narrative_share"] or wanted
    scope = f"表{tables[0]}" if tables else ("、".join(names) if names else "整份报告")
    if not wanted:
        a = answer("check", f"核对{scope}", f"核对{scope}：合计与分项、跨表数字和文字说明中的比例、增长率均一致，未发现问题。")
        _show_compared(doc, q, a)
        titled = any(squash(n) in squash(re.sub(r"[“”\"「」]", "", t.title)) for n in names for t in doc.tables)
        if names and not tables and not a.figures and not spoken and not titled:  # nothing of it printed: nothing checked
            return Answer(False, "check", f"报告（{doc.label}）没有印「{scope}」的数字，无从核对。",
                          understood=f"按「核对{scope}」理解", document=doc.label)
        return a
    contradictions = [f for f in wanted if f.severity == CONTRADICTION]
    a = answer("check", f"核对{scope}", f"核对{scope}：发现 {len(wanted)} 处不一致，其中矛盾 {len(contradictions)} 处、"
               f"尾数差 {len(wanted) - len(contradictions)} 处。")
    shown = sorted(wanted, key=lambda f: f.severity != CONTRADICTION)[:6]
    a.text += "；".join(f"[{SEVERITY_LABEL[f.severity]}] {f.subject}：印 {f.stated}{f.unit}，算得 {f.computed}{f.unit}，"
                       f"差 {abs(f.difference)}（行 {', '.join(map(str, sorted(set(f.lines))))}）" for f in shown)
    a.text += "。" if len(wanted) <= 6 else f"；另有 {len(wanted) - 6} 处见「检查结果」。"
    if q.has("倒推", "反推", "推算", "推一下", "应该是", "应为", "哪个对", "谁对"):
        for f in shown:  # (拿收入总计倒推一下哪个对: the named part as the total would have it)
            _implied_part(f, names, a)
    for f in shown[:3]:
        a.figure(f"{f.subject}（印）", f.stated, f.unit)
        a.figure(f"{f.subject}（算得）", f.computed, f.unit)
        if f.lines:
            a.source(f.subject, f.lines[0])
    if len(names) == 1 and len(wanted) <= 2:  # 表里和文字说明写得一样吗: the figures of the thing named, beside what was found
        _show_compared(doc, q, a)
    a.columns = ["类型", "比较", "印", "算得", "差", "单位", "行"]
    a.rows = [[SEVERITY_LABEL[f.severity], f.subject, f.stated, f.computed, abs(f.difference), f.unit,
               ",".join(map(str, sorted(set(f.lines))))] for f in wanted]
    return a


def _implied_part(f, names: list[str], a: Answer) -> None:
    """A stated total whose parts do not add up, one of them named in the question (拿收入总计倒推一下):
    what that part would be if the total is right, worked back from the total and the other parts."""
    if f.kind != "narrative_total" or not f.detail or "与其中 " not in f.subject:
        return
    labels = f.subject.split("与其中 ", 1)[1].split(" + ")
    values = [Decimal(v) for v in f.detail.split(" + ")]
    if len(labels) != len(values):
        return
    for label, value in zip(labels, values):
        if any(squash(n) in squash(label) or squash(label) in squash(n) for n in names):
            implied = f.stated - (f.computed - value)
            total = f.subject.split("「", 1)[1].split("」", 1)[0]
            a.text += f"若「{total}」所印 {f.stated}{f.unit} 无误，{label} 应为 {implied}{f.unit}（{f.stated} 减其余各项，计算；报告印 {value}）。"
            a.figure(f"{label}（按总数倒推，计算）", implied, f.unit)


def _show_compared(doc: Document, q: Query, a: Answer) -> None:
    """A check that finds nothing still shows what it compared: each named thing's figure in every table
    and sentence that prints it."""
    shown: dict[tuple, Value] = {}
    for m in q.subjects[:3]:
        for term in m.terms[:6]:
            if term.kind == "table":
                continue
            for v in values(doc, term, q)[:4]:
                shown.setdefault((v.where, v.line, v.amount), v)
    compared = list(shown.values())[:8]
    if compared:
        a.text += "所核对的数字：" + "；".join(cited(v) for v in compared) + "。"
        for v in compared:
            add(a, v)
