"""Topics a report treats in a table or a paragraph of its own: 三公经费, 机关运行经费, 政府采购,
国有资产 and the performance targets. A topic the report says it has none of is answered with that
statement (本部门无“三公”经费预算), never with a figure of something else."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from budgetqa import lexicon, patterns
from budgetqa.answer.build import add, answer, cited, pct, stated_reason
from budgetqa.answer.model import Answer, amount_text
from budgetqa.answer.resolve import NARRATIVE, none_statement, topic_values
from budgetqa.models import Document
from budgetqa.question.query import Query
from budgetqa.textnorm import squash, strip_ordinal


# --------------------------------------------------------------------------- topics
def topic_answer(doc: Document, q: Query, topic: str) -> Answer | None:
    """三公经费, 机关运行经费, 政府采购, 国有资产, 绩效目标: read from their own table or paragraph."""
    if topic == "三公经费":
        return three_public(doc, q)
    if topic == "机关运行经费":
        return operating_cost(doc, q)
    if topic == "政府采购":
        return procurement(doc, q)
    if topic == "国有资产":
        return assets(doc, q)
    if topic == "绩效目标":
        return performance_overview(doc)
    return None


# The three kinds of 三公 spending, each a row of its table (its 购置费 / 运行维护费 are parts of the second).
_THREE_KINDS = ("因公出国境费", "公务用车购置及运行费", "公务用车购置及运行维护费", "公务接待费")  # (squashed)
THREE_PUBLIC_PARTS = ("因公出国（境）费", "公务用车购置及运行费", "公务用车购置费", "公务用车运行维护费", "公务接待费")


# Whether something counts as a 三公 expense (培训费算不算三公, 三公经费包不包括会议费).
_IN_THREE_PUBLIC = patterns.compile(r"(?:算不算|属不属于|属于|算是|是不是|算|归|计入|列入)(?:在)?[“\"「]?三公"
                              r"|三公(?:经费)?[”\"」]?(?:里|中|里面)?(?:包不包括|包括|包含|含不含|含|有没有|算不算|算)")
# The words of a 三公 line, and the word of a thing named (公车 is 公务用车, 接待 is 公务接待, 出国 is 因公出国).
_THREE_PUBLIC_WORDS = ("因公出国", "出国", "出境", "公务用车", "公车", "公务接待", "接待")


def three_public_member(doc: Document, q: Query, name: str) -> Answer | None:
    """培训费算不算三公: whether the thing named is one of the 三公 expenses, by the definition (因公出国（境）费、
    公务用车购置及运行费、公务接待费), quoted from the report's own glossary where it prints one."""
    if not name or "三公" in name or not _IN_THREE_PUBLIC.search(q.squashed):
        return None
    member = any(w in name for w in _THREE_PUBLIC_WORDS)
    said = next((f.sentence for f in doc.facts if "三公" in f.sentence and re.search(r"指|是指|包括", f.sentence)), "")
    line = next((f.line for f in doc.facts if f.sentence == said), 0) if said else 0
    text = (f"「{name}」{'属于' if member else '不属于'}三公经费：三公经费指因公出国（境）费、公务用车购置及运行费"
            f"和公务接待费三项。")
    a = answer("check", f"{name} 是否属于三公经费", text + (f"报告的说明：「{said.strip()}」（第{line}行）。" if said else ""))
    if said:
        a.source("名词解释", line, said.strip()[:40])
    return a


def three_public(doc: Document, q: Query) -> Answer | None:
    """三公 expenses and their parts, in the column a 预算 or 决算 reports (预算数 / 决算数)."""
    table = doc.table("three_public")
    named = [t.name for m in q.subjects for t in m.terms if t.kind == "row" and any(p[:4] in t.name for p in THREE_PUBLIC_PARTS)]
    if table is None or not table.has_data:
        statement = none_statement(doc, "三公")
        what = "、".join(dict.fromkeys(named)) or "三公经费"
        if table is None and statement is None:
            return None
        a = answer("value", what, f"{what}：无（0 万元）。")
        if table is not None:
            a.text += f"{table.label} 注明本表无数据。"
            a.figure(f"{what}（报告写明无）", Decimal(0), table.unit, table.label, table.line)
        if statement:
            a.text += f"情况说明：{statement[1]}（第{statement[0]}行）"
            a.source(NARRATIVE, statement[0], "三公经费")
        return a
    wanted = [c for c in table.columns if ("预算数" in c or "决算数" in c)]
    # a table with a column no row prints a figure in (a noisy extraction): its figures are quoted, not placed
    placed = all(any(r.cell(c) is not None for r in table.rows) for c in wanted)
    completion = doc.kind == "决算" and q.has("完成率", "执行率", "完成预算", "完成了多少", "completion")
    budget = q.has("预算数", "年初预算", "全年预算", "budget") or doc.kind == "决算" and q.has("预算")
    both = budget and q.has("决算", "实际", "actual", "花了") or completion
    if len(wanted) > 1 and not both:
        word = "预算数" if doc.kind == "预算" or budget else "决算数"  # (a 决算's 三公预算多少: its 预算数 column)
        wanted = [c for c in wanted if word in c][:1]
    a = answer("value", ("、".join(dict.fromkeys(named)) or "三公经费") + (f"（{wanted[0].rsplit('/', 1)[-1]}）" if len(wanted) == 1 else ""), "")
    parts = []
    for r in table.rows:
        if named and r.name not in named and not r.is_total:
            continue
        cells = [r.cell(c) for c in wanted] if wanted else r.cells[:1]
        shown = [c for c in cells if c is not None]
        if shown:
            parts.append(f"{r.name} " + "，".join(f"{c.column.rsplit('/', 1)[-1] + ' ' if len(shown) > 1 else ''}"
                                                f"{amount_text(c.amount, table.unit)}" for c in shown))
            for c in shown:
                a.figure(f"{r.name}" + (f" {c.column.rsplit('/', 1)[-1]}" if len(shown) > 1 else ""), c.amount, table.unit,
                         table.label, c.line)
    printed = {r.name for r in table.rows if (any(r.cell(c) is not None for c in wanted) if wanted else r.cells)}
    for name in [n for n in dict.fromkeys(named) if n not in printed]:
        # a line the table prints no cell for (a blank 购置费 under 公务用车购置及运行费): as the narrative states it
        f = next((f for f in doc.facts if f.kind == "amount" and squash(strip_ordinal(f.label)) == squash(name)), None)
        if f is not None:
            parts.append(f"{name} {amount_text(f.value, f.unit)}（表中未单列，{NARRATIVE}第{f.line}行）")
            a.figure(name, f.value, f.unit, NARRATIVE, f.line)
    bought = next((f for f in doc.facts if f.kind == "count" and "购置车辆" in f.label), None)
    if bought is not None and any("用车购置" in n for n in named):  # (vehicles to buy, counted: said beside the money)
        parts.append(f"报告另写明 {bought.label} {bought.value.normalize()} {bought.unit}（第{bought.line}行）")
        a.figure(bought.label, bought.value, bought.unit, NARRATIVE, bought.line)
    if not parts or not placed:  # the table's figures could not be placed under its columns: quoted as printed
        printed = sorted({c.line for r in table.rows for c in r.cells})
        if not printed or not doc.lines:
            return None
        quoted = "；".join(f"「{doc.lines[n - 1].strip()}」（第{n}行）" for n in printed[:3])
        a.text = f"{a.understood}：{table.label} 印有数字，但无法确定各自属于哪一栏：{quoted}。"
        a.figures = []
        a.source(table.label, printed[0], "三公经费")
        anchor = next((f for f in doc.facts if f.kind == "amount" and "三公" in f.label), None)
        stated = [f for f in doc.facts if anchor is not None and f.sentence == anchor.sentence and f.kind == "amount"]
        if stated:  # (the narrative's sentence of the same figures: 三公经费…年初预算为0.95万元，支出决算为0.00万元)
            a.text += f"{NARRATIVE}第{anchor.line}行写明：" + "，".join(
                f"{f.label.strip('“”')} {amount_text(f.value, f.unit)}" for f in stated) + "。"
            for f in stated:
                a.figure(f.label.strip("“”"), f.value, f.unit, NARRATIVE, f.line)
        return a
    a.text += "；".join(parts) + f"（{table.label}）。"
    if len(wanted) <= 1 and not named:  # the three kinds as rows: what 三项里哪个最多 / 最多的那项 of the next question rank
        column = wanted[0] if wanted else None
        three = three_kinds(table, column)
        if three:
            a.columns = ["名称", "金额", "单位", "行"]
            a.rows = [[r.name, x, table.unit, r.line] for r, x in three]
    if len(wanted) == 2 and doc.kind == "决算":
        _completion(doc, a, table, wanted)
    return a


def three_kinds(table, column: str | None) -> list[tuple]:
    """The three kinds of 三公 spending a table prints (因公出国（境）费, 公务用车购置及运行费, 公务接待费), each
    with its figure in the column (its first when none is given); nothing unless all three are printed."""
    three = [(r, r.amount(column) if column else r.first) for r in table.rows if squash(r.name).lstrip("①②③") in _THREE_KINDS]
    return three if len(three) == 3 and all(x is not None for _, x in three) else []


def _completion(doc: Document, a: Answer, table, columns: list[str]) -> None:
    """决算数 ÷ 预算数 of the table's total, and the completion the narrative states (完成预算的13.68%)."""
    total = table.total_row()
    budget_col = next((c for c in columns if "预算数" in c), None)
    final_col = next((c for c in columns if "决算数" in c), None)
    if total is None or budget_col is None or final_col is None or not total.amount(budget_col) \
            or total.amount(final_col) is None:
        return
    rate = pct(total.amount(final_col), total.amount(budget_col))
    a.text += f"完成预算的 {rate}%（{total.amount(final_col)} ÷ {total.amount(budget_col)} × 100）"
    a.figure("完成率（计算）", rate, "%")
    for no, line in enumerate(doc.lines, 1):
        m = re.search(r"完成(?:了)?(?:年初)?预算的\s*([\d.]+)\s*[%％]", line.replace(" ", ""))
        if m and "三公" in "".join(doc.lines[max(0, no - 4):no]):
            stated = Decimal(m.group(1))
            a.text += f"，情况说明第{no}行写明 {stated}%" + ("，一致" if abs(stated - rate) <= Decimal("0.01") else "，与计算不一致")
            a.figure("报告所述完成率", stated, "%", NARRATIVE, no)
            break
    a.text += "。"


def operating_cost(doc: Document, q: Query) -> Answer | None:
    """机关运行经费: its table's total (or the stated figure), with the stated change."""
    found = topic_values(doc, "机关运行经费")
    if not found:
        return None
    v = found[0]
    a = answer("value", "机关运行经费", f"{cited(v)}。")
    add(a, v)
    change = next((f for f in doc.facts if f.kind == "change" and "运行经费" in f.subject), None)
    if change is not None:
        reason = stated_reason(doc, change.sentence, change.line)
        a.text += (f"比{change.basis}{'增加' if change.value > 0 else '减少'} {amount_text(abs(change.value), change.unit)}"
                   f"{'，' + reason if reason else ''}（第{change.line}行）。")
    return a


# What procurement is split by in the reports' sentences: what is bought, and for which firms it is
# reserved or to which it is awarded (面向中小企业预留…、授予小微企业合同金额…).
_PROCUREMENT_PARTS = ("货物", "工程", "服务", "中小企业", "小微企业")
_PROCUREMENT_STAGES = ("预留", "授予", "合同")


def procurement(doc: Document, q: Query) -> Answer | None:
    """政府采购 and its split into goods, works and services (stated or tabled)."""
    facts = [f for f in doc.facts if "采购" in f.label and f.kind == "amount"]
    if not facts:
        statement = none_statement(doc, "采购")
        if statement is None:
            return None
        a = answer("value", "政府采购", f"情况说明：{statement[1]}（第{statement[0]}行）")
        a.source(NARRATIVE, statement[0], "政府采购")
        return a
    asked = [w for w in _PROCUREMENT_PARTS if w in q.squashed]
    # 总额多少，其中服务多少 asks the whole with its part; 其中服务呢 opening a follow-up asks the part
    whole_too = q.has("总额", "合计", "一共", "总共") or "其中" in q.squashed.lstrip("那")[1:]
    parts = [] if whole_too or len(asked) == 1 and q.each else asked  # 货物、工程、服务各多少: those three
    chosen = [f for f in facts if any(p in f.label for p in parts)]
    # (面向小微企业预留的: the amount reserved, not the amount awarded, of the same firms)
    stage = [w for w in _PROCUREMENT_STAGES if w in q.squashed]
    chosen = [f for f in chosen if any(w in f.label for w in stage)] or chosen if stage else chosen
    chosen = chosen or facts
    part = len(parts) == 1 and len(chosen) < len(facts)
    a = answer("value", chosen[0].label if part else "政府采购", "")
    shown = chosen[:1] if part else chosen[:max(5, len(parts))]
    a.text += "；".join(f"{f.label} {amount_text(f.value, f.unit)}" for f in shown) + f"（{NARRATIVE} 第{shown[0].line}行）。"
    for f in shown:
        a.figure(f.label, f.value, f.unit, NARRATIVE, f.line)
    if len(parts) == 2 and len(shown) == 2 and shown[0].unit == shown[1].unit:
        _parts_compared(a, q, sorted(shown, key=lambda f: min(q.squashed.find(p) for p in parts if p in f.label)))
    return a


def _parts_compared(a: Answer, q: Query, pair: list) -> None:
    """Two stated parts of a topic set against each other in the order typed, as asked: 工程比货物多出多少 (the
    gap), 服务是货物的几倍 (the ratio, when the second is not nil)."""
    first, second = pair
    if re.search(r"比[^，,。？?]*?(?:多|少)|相差|差(?:了|额)?(?:多少|几)", q.squashed):
        gap = first.value - second.value
        a.text += (f"{first.label} 比 {second.label} {'多' if gap >= 0 else '少'} {amount_text(abs(gap), first.unit)}"
                   f"（{first.value} − {second.value}）。")
        a.figure("差额（计算）", abs(gap), first.unit)
    elif re.search(r"几倍|多少倍", q.squashed) and second.value:
        times = (first.value / second.value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        a.text += f"{first.label} 是 {second.label} 的 {times} 倍（{first.value} ÷ {second.value}）。"
        a.figure("倍数（计算）", times, "倍")


def assets(doc: Document, q: Query) -> Answer | None:
    """Vehicles, office space and equipment (国有资产占有使用情况)."""
    items = doc.items_of("asset")
    if q.has("值多少", "多少钱", "价值多少", "原值多少", "估值", "多少万元"):
        return None  # what an asset is worth: the report counts vehicles and measures space, it prices nothing
    named = [i for m in q.subjects for t in m.terms if t.kind == "asset" for i in items if i.name == t.name]
    date_asked = lexicon.DATE_ASKED.search(q.squashed)
    if named and not date_asked:
        chosen = named
        if q.has("还是", "哪种", "哪类", "什么车", "别的", "其他", "吗", "是不是", "是否"):
            # 算领导用车还是别的 / 是领导坐的专车吗: the kinds it has, too
            chosen += [i for i in items if i.unit == named[0].unit and i.value and i not in named]
    elif q.has(*lexicon.ASSET_WORDS["平方米"]):
        chosen = [i for i in items if i.unit == "平方米"]
    elif q.has("车", "辆"):  # (公车有几台: vehicles, whatever they are counted in)
        chosen = [i for i in items if i.unit == "辆"]
    elif q.has(*lexicon.ASSET_WORDS["台"], "台"):
        chosen = [i for i in items if "设备" in i.name]
        picked = [i for i in chosen if any(f"{a.value.normalize():f}万" in i.name for a in q.amounts)]
        chosen = picked or chosen
    elif (date_asked or q.has("截至", "截止", "日期", "哪天", "什么时候", "时间")) and items:
        dated = _asset_date(doc, min(i.line for i in items) - 8, max(i.line for i in items))
        if dated is None:
            return None
        no, date = dated
        a = answer("text", "国有资产数据的日期", f"国有资产占有使用情况的数据截至 {date}（第{no}行）。")
        a.source("国有资产占有使用情况", no, date)
        return a
    elif q.has("总额", "总计", "总资产", "净资产", "负债", "合计"):
        return None  # 资产总额 and the like: the reports state none
    else:  # 资产情况 / 国有资产占有使用情况: what the paragraph counts (vehicles held, space, equipment)
        chosen = [i for i in items if i.unit != "辆" or "实有" in i.name or "编制" in i.name]
    chosen = [i for i in chosen if i.value is not None]
    # the vehicles the year's budget buys, beside those held
    bought = [i for i in items if "购置" in i.name and i.unit == "辆" and i.value is not None]
    if bought and any(i.unit == "辆" for i in chosen) and q.has("购置", "买", "购买", "新购", "添置", "采购", "新车"):
        chosen = bought
    if not chosen:
        return None
    head = next((i for i in chosen if "实有" in i.name), chosen[0]) if chosen[0].unit == "辆" and not named else chosen[0]
    # as the report writes a count (其他用车2辆); a space only where the name itself ends in a digit
    text = "，".join(f"{i.name}{' ' if i.name[-1:].isdigit() else ''}{i.value}{i.unit}" for i in chosen if i.value or i is head)
    # an asset figure is a count on a date: say which (vehicles the budget buys are of the budget's year)
    dated = _asset_date(doc, head.line - 4, head.line) if "购置" not in head.name else None
    when = f"截至 {dated[1]}；" if dated else ""
    a = answer("value", head.name, f"{text}（{when}国有资产占有使用情况 第{head.line}行）。")
    a.figure(head.name, head.value, head.unit, "国有资产占有使用情况", head.line)
    a.columns = ["名称", "数量", "单位", "行"]
    a.rows = [[i.name, i.value, i.unit, i.line] for i in chosen]
    return a


def _asset_date(doc: Document, first: int, last: int) -> tuple[int, str] | None:
    """The nearest 截至YYYY年M月D日 on the lines first..last (the latest line first)."""
    for no in range(min(last, len(doc.lines)), max(1, first) - 1, -1):
        m = re.search(r"截[至止]\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)", doc.lines[no - 1])
        if m:
            return no, re.sub(r"\s", "", m.group(1))
    return None


def performance_overview(doc: Document, scope: str | None = None) -> Answer | None:
    """How many target sheets, and what the narrative says of 绩效 (项目个数, 涉及资金); with a scope of
    projects (本年, 上年结转, 全部), how many of those projects have a sheet, and their share."""
    # (绩效工资 is a kind of pay, not a word of performance management)
    stated = [f for f in doc.facts if re.search(r"绩效(?!工资)", f.sentence) and f.kind in ("count", "amount")]
    sheets = doc.target_sheets()
    if not sheets and not stated:
        return None
    a = answer("text", "项目绩效目标", "")
    if sheets:
        names = "、".join(s.project_name for s in sheets[:12])
        more = f"等 {len(sheets)} 张" if len(sheets) > 12 else f"共 {len(sheets)} 张"
        a.text += f"项目绩效目标表{more}：{names}。"
        a.figure("绩效目标表数量", Decimal(len(sheets)), "张")
    projects = [p for p in doc.projects if scope in (None, "全部") or p.scope == scope] if scope else []
    if projects and sheets:  # (本年的项目是不是都公开了绩效目标: those of the list with a sheet, and their share)
        named = {squash(s.project_name) for s in sheets}
        has = [p for p in projects if squash(p.name) in named or any(n in squash(p.name) or squash(p.name) in n for n in named)]
        missing = [p.name for p in projects if p not in has]
        which = {"本年": "本年新安排的项目", "上年结转": "上年结转项目"}.get(scope, "全部项目")
        a.text += (f"{which}共 {len(projects)} 个，其中 {len(has)} 个有绩效目标表，占 {pct(Decimal(len(has)), Decimal(len(projects)))}%"
                   + (f"；没有的：{'、'.join(missing)}。" if missing else "，全部公开。"))
        a.figure("有绩效目标表的项目", Decimal(len(has)), "个")
        a.figure("有绩效目标表的项目占比", pct(Decimal(len(has)), Decimal(len(projects))), "%")
    if stated:
        a.text += f"情况说明：{stated[0].sentence}（第{stated[0].line}行）。"
        for f in stated[:4]:
            a.figure(f.label, f.value, f.unit, "情况说明", f.line)
    return a
