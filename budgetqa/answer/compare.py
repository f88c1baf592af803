"""Questions across reports: answered in SQL over the standard figures (budgetqa.across).

哪个部门X最多 / 前N个部门 rank every report; 各部门X对比 lists them in order; 各部门X合计 sums them;
X占支出总计比例最高的部门 ranks a share; two named departments, or one department's years, are set
side by side. X is one of the standard figures (budgetqa.standard.FIGURES), named as the reports
print it or in the lexicon's words (公车 → 公务用车购置及运行费). Any other figure is asked of each
named report, when there are few; over more reports the answer says which figures can be compared.
Every figure keeps its report, table and line; every answer says how many reports lack the figure.
"""

from __future__ import annotations

import re
import sqlite3
from decimal import ROUND_HALF_UP, Decimal

from budgetqa import across, patterns
from budgetqa.answer.build import joined
from budgetqa.answer.documents import (MONEY_WORDS, Across, figures_named, newest_reports, order_asked, place_reports, residue,
                                       strip_department, unit_asked)
from budgetqa.answer.model import Answer, Session, amount_text
from budgetqa.departments import Named, Report
from budgetqa.standard import FIGURES
from budgetqa.textnorm import chinese_ordinal, normalise, squash

MAX_ASKED = 20  # reports a figure that is not a standard one is asked of, one report at a time
SHOWN = 20  # rows of a ranking or comparison of every report (the sentence names the first ten)
_IN_TEXT = 10
_TO_WAN = {"元": Decimal("0.0001"), "万元": Decimal(1), "亿元": Decimal(10000)}


# --------------------------------------------------------------------------- the answer
def across_answer(conn: sqlite3.Connection, question: str, plan: Across, named: Named, kind: str | None,
                  load, ask_doc) -> Answer:
    """Answer a question across reports (``plan`` says which reports; see the module docstring)."""
    figures, narrowed = figures_named(question)
    rest = residue(question, named)
    years = named.years
    reports = plan.reports if plan.scope != "every" else None
    # 各部门 without a year: each department once, its newest report (not one department's eight years).
    newest = newest_reports(conn, kind) if plan.scope == "every" and not years else None
    place, ids = place_reports(conn, question) if plan.scope == "every" else ("", None)
    if ids is not None and newest is not None:
        ids = sorted(set(ids) & set(newest))
    ids = ids if ids is not None else newest
    scope = place + _scope(years, kind, newest is not None)
    assumed = ""
    if not figures and not narrowed:
        money = MONEY_WORDS.get(rest)
        if not rest or money:
            figures = [money or "支出总计"]
            assumed = "" if money else f"（没有说比较哪一项，按「{figures[0]}」比较）"
    if narrowed or not figures:
        if reports is None:
            count = len(ids) if ids is not None else _count(conn, years, kind)
            if count <= MAX_ASKED:
                reports = _reports(conn, years, kind, ids)
        else:
            count = len(reports)
        if count <= MAX_ASKED:
            return ask_each(conn, question, named, reports, load, ask_doc, plan.ordered)
        return _standard_only(count, question)
    unit = unit_asked(question)
    text = squash(normalise(question)).replace("总计", "")
    every = dict(year=years or None, kind=kind, documents=ids)
    if plan.scope == "every":
        if len(figures) >= 2 and "占" in text:
            answer = _share(conn, figures[0], figures[1], question, scope, every)
        elif len(figures) == 1 and re.search(r"占比|比重|占.{0,8}(?:比例|份额|百分比)", text):
            answer = _share(conn, figures[0], "支出总计", question, scope, every)
        elif re.search(r"合计|一共|总共|总额|总和|加起来|汇总|共计|平均|总数", text):
            answer = _join([_total(conn, f, scope, every, unit) for f in figures])
        else:
            answer = _join([_rank(conn, f, question, plan.ordered, scope, every, unit) for f in figures])
    elif plan.scope == "years":
        answer = _join([_years(conn, f, plan, unit, question) for f in figures])
    else:
        answer = _join([_compare(conn, f, plan.reports, unit, question, plan.ordered) for f in figures])
    if assumed:
        answer.understood += assumed
        answer.text = answer.text.replace("理解：", f"理解{assumed}：", 1)
    if plan.others and answer.matched:
        listed = "、".join(plan.others[:3]) + (f" 等 {len(plan.others)} 个部门" if len(plan.others) > 3 else "")
        answer.text += f"（问题中的名称也可指 {listed}，写出全称可选定）"
    return answer


def _filters(years: list[int], kind: str | None) -> tuple[str, list]:
    where, params = ["1"], []
    if years:
        where.append(f"year in ({', '.join('?' * len(years))})")
        params += years
    if kind:
        where.append("kind = ?")
        params.append(kind)
    return " and ".join(where), params


def _count(conn, years: list[int], kind: str | None) -> int:
    where, params = _filters(years, kind)
    return conn.execute(f"select count(*) from documents where {where}", params).fetchone()[0]


def _reports(conn, years: list[int], kind: str | None, ids: list[int] | None) -> list[Report]:
    where, params = _filters(years, kind)
    if ids is not None:
        where += " and id in (select value from json_each(?))"
        params.append(str(ids))
    return [Report(*r) for r in conn.execute(f"select id, department, year, kind from documents where {where}"
                                             " order by department, year", params)]


def _percent(part: int, whole: int) -> Decimal | None:
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) if whole else None


def _scope(years: list[int], kind: str | None, newest: bool) -> str:
    """How the reports compared are said, with {n} for their number: '2024年预算的 {n} 份报告' …"""
    if newest:
        return f"各部门最新一份{kind or '报告'}（{{n}} 份；没有说年度）"
    said = "、".join(f"{y}年" for y in years) + (kind or "")
    return f"{said}的 {{n}} 份报告" if said else "全部 {n} 份报告"


def _where(f: across.Figure) -> str:
    return f"{f.where} 第{f.line}行" if f.where else f"第{f.line}行"


def _said(f: across.Figure) -> str:
    """'江城市东安县财政局 2024年预算 290.03 万元（表7 … 第12行）'."""
    return f"{f.report.label} {amount_text(f.value, f.unit)}（{_where(f)}）"


def _printed(f: across.Figure) -> str:
    return f"{f.printed} {f.printed_unit}" if f.printed else (f.note or "")


def _add(a: Answer, f: across.Figure, label: str | None = None) -> None:
    a.figure(label or f"{f.report.label} {f.figure}", f.value, f.unit, f"{f.report.label} {f.where}", f.line)


def _lacking(count: int, printing: int, figure: str) -> str:
    lacking = count - printing
    if lacking:
        return f"共 {count} 份报告，其中 {lacking} 份没有列出{figure}。"
    return f"共 {count} 份报告，都列出了{figure}。"


def _documents(labels: list[str], count: int) -> str:
    labels = list(dict.fromkeys(labels))
    return "、".join(labels) if len(labels) <= 3 and count <= 3 else "、".join(labels[:3]) + f" 等 {count} 份报告"


def _rank(conn, figure: str, question: str, ordered: bool, scope: str, every: dict, unit: str) -> Answer:
    n, ascending = order_asked(question)
    shown = n if n else (SHOWN if not ordered else _IN_TEXT)
    r = across.rank(conn, figure, n=shown + 1, ascending=ascending, unit=unit, **every)
    beyond = r.figures[shown:]
    r.figures = r.figures[:shown]
    intent = "rank" if ordered else "compare"
    way = "从低到高" if ascending else "从高到低"
    understood = f"按「{figure}」在{scope.format(n=r.reports)}中{'排序' if ordered else '比较'}（{way}）理解"
    if not r.figures:
        return Answer(False, intent, f"{understood}：这些报告都没有列出{figure}，没有可给的数字。", understood=understood)
    a = Answer(True, intent, "", understood=understood, unit=unit)
    first = r.figures[0]
    tied = [f for f in r.figures if f.fen == first.fen]
    if ordered and not n:
        most = "最少" if ascending else "最多"
        head = f"{figure}{most}的是 " + "、".join(_said(f) for f in tied) + ("（并列）" if len(tied) > 1 else "")
        rest = r.figures[len(tied):_IN_TEXT]
        text = head + ("；其次：" + "；".join(_said(f) for f in rest) if rest else "") + "。"
    else:
        listed = r.figures[:_IN_TEXT]
        text = "；".join(f"{i}. {_said(f)}" for i, f in enumerate(listed, 1)) + "。"
        if len(r.figures) > len(listed):
            text += f"表中列出前 {len(r.figures)} 份。"
    if beyond and beyond[0].fen == r.figures[-1].fen:
        text += f"第 {len(r.figures)} 名之后还有报告与它同为 {amount_text(beyond[0].value, unit)}（并列，未列出）。"
    a.text = f"{understood}：{text}{_lacking(r.reports, r.printing, figure)}"
    for f in r.figures:
        _add(a, f)
    a.columns = ["名次", "报告", "项目", f"金额（{unit}）", "报告所列", "出处"]
    a.rows = [[i, f.report.label, f.label or figure, f.value, _printed(f), _where(f)] for i, f in enumerate(r.figures, 1)]
    a.chart = [(f.report.label, f.value) for f in r.figures]
    a.document = _documents([f.report.label for f in r.figures], r.printing)
    return a


def _total(conn, figure: str, scope: str, every: dict, unit: str) -> Answer:
    t = across.total(conn, figure, n=SHOWN, unit=unit, **every)
    understood = f"按「{figure}」在{scope.format(n=t.reports)}中合计理解"
    if not t.printing:
        return Answer(False, "compare", f"{understood}：这些报告都没有列出{figure}，没有可给的数字。", understood=understood)
    a = Answer(True, "compare", "", understood=understood, unit=unit)
    largest = t.largest[:_IN_TEXT]
    mean = t.mean.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    about = "" if mean == t.mean else "约 "
    text = (f"{t.printing} 份报告的{figure}合计 {amount_text(t.total, unit)}，平均每份{about}{amount_text(mean, unit)}；"
            f"最大的{'几' if len(largest) > 1 else '一'}份：" + "；".join(f"{_said(s.figure)}，占合计 {s.percent}%" for s in largest) + "。")
    a.text = f"{understood}：{text}{_lacking(t.reports, t.printing, figure)}"
    a.figure(f"{t.printing} 份报告的{figure}合计", t.total, unit)
    a.figure(f"{t.printing} 份报告的{figure}平均每份", t.mean, unit)
    for s in t.largest:
        _add(a, s.figure)
    a.columns = ["报告", "项目", f"金额（{unit}）", "占合计（%）", "报告所列", "出处"]
    a.rows = [[s.figure.report.label, s.figure.label or figure, s.figure.value, s.percent, _printed(s.figure),
               _where(s.figure)] for s in t.largest]
    a.chart = [(s.figure.report.label, s.figure.value) for s in t.largest]
    a.document = _documents([s.figure.report.label for s in t.largest], t.printing)
    return a


def _share(conn, part: str, whole: str, question: str, scope: str, every: dict) -> Answer:
    n, ascending = order_asked(question)
    s = across.share_rank(conn, part, whole, n=n or _IN_TEXT, ascending=ascending, **every)
    understood = f"按「{part}」占「{whole}」的比例在{scope.format(n=s.reports)}中排序（{'从低到高' if ascending else '从高到低'}）理解"
    if not s.rows:
        return Answer(False, "rank", f"{understood}：没有报告同时列出{part}和{whole}，没有可给的数字。", understood=understood)
    a = Answer(True, "rank", "", understood=understood, unit="%")
    said = [f"{p.report.label} {percent}%（{part} {amount_text(p.value, p.unit)}，{_where(p)}；"
            f"{whole} {amount_text(w.value, w.unit)}，{_where(w)}）" for p, w, percent in s.rows]
    most = "最低" if ascending else "最高"
    if n:
        text = "；".join(f"{i}. {x}" for i, x in enumerate(said, 1))
    else:
        text = f"比例{most}的是 {said[0]}" + ("；其次：" + "；".join(said[1:]) if len(said) > 1 else "")
    a.text = f"{understood}：{text}。{_lacking(s.reports, s.printing, f'{part}和{whole}（{whole}大于零）')}"
    for p, w, percent in s.rows:
        a.figure(f"{p.report.label} {part}占{whole}", percent, "%")
        _add(a, p)
        _add(a, w)
    a.columns = ["名次", "报告", "占比（%）", f"{part}（万元）", f"{whole}（万元）", "出处"]
    a.rows = [[i, p.report.label, percent, p.value, w.value, f"{_where(p)}；{_where(w)}"]
              for i, (p, w, percent) in enumerate(s.rows, 1)]
    a.chart = [(p.report.label, percent) for p, _, percent in s.rows]
    a.document = _documents([p.report.label for p, _, _ in s.rows], s.printing)
    return a


def _compare(conn, figure: str, reports: list[Report], unit: str, question: str, ordered: bool = False) -> Answer:
    """One figure of a few reports, side by side; largest first when ``ordered`` (这三家谁最多, 从高到低)."""
    reports = sorted(reports, key=lambda r: (r.department, r.kind, r.year or 0, r.id))
    c = across.compare(conn, figure, [r.id for r in reports], unit=unit)
    understood = f"按「{figure}」比较 {len({r.department for r in reports})} 个部门的 {len(reports)} 份报告理解"
    if not c.figures:
        return Answer(False, "compare", f"{understood}：这些报告都没有列出{figure}，没有可给的数字。", understood=understood)
    a = Answer(True, "rank" if ordered else "compare", "", understood=understood, unit=unit)
    head = ""
    if ordered:
        ascending = _ascending(question)
        c.figures.sort(key=lambda f: f.fen if ascending else -f.fen)
        head = f"{'最少' if ascending else '最多'}的是 "
    text = head + "；".join(_said(f) for f in c.figures[:_IN_TEXT]) + "。"
    if len(c.figures) > _IN_TEXT:
        text += f"其余 {len(c.figures) - _IN_TEXT} 份见表。"
    if len(c.figures) == 2:
        high, low = sorted(c.figures, key=lambda f: -f.fen)
        gap = across.in_unit(high.fen - low.fen, unit)
        text += f"{high.report.department if high.report.department != low.report.department else high.report.label}" \
                f"多 {amount_text(gap, unit)}。" if gap else "两者相等。"
    if c.lacking:
        text += f"没有列出{figure}的：{'、'.join(r.label for r in c.lacking)}。"
    a.text = f"{understood}：{text}"
    for f in c.figures:
        _add(a, f)
    if len(c.figures) > 2:  # (after each report's own figure, which a follow-up takes first)
        a.text += _of_several(a, question, [(f.report, f.value) for f in c.figures], unit)
    if len(c.figures) == 2:
        _between(a, question, [(f.report, f.value) for f in c.figures], unit, gap=False)
    a.columns = ["报告", "项目", f"金额（{unit}）", "报告所列", "出处"]
    a.rows = [[f.report.label, f.label or figure, f.value, _printed(f), _where(f)] for f in c.figures]
    a.rows += [[r.label, figure, None, "（该报告没有此项）", ""] for r in c.lacking]
    a.chart = [(f.report.label, f.value) for f in c.figures]
    a.document = _documents([f.report.label for f in c.figures], len(c.figures))
    return a


def _years(conn, figure: str, plan: Across, unit: str, question: str) -> Answer:
    ids = {r.id for r in plan.reports}
    series = across.over_years(conn, figure, plan.department, unit=unit)
    shown = [s.figure for s in series.steps if s.figure.report.id in ids]
    lacking = [r for r in series.lacking if r.id in ids]
    understood = f"按「{figure}」看 {plan.department} 的 {len(ids)} 份报告（各年）理解"
    if not shown:
        return Answer(False, "compare", f"{understood}：这些报告都没有列出{figure}，没有可给的数字。", understood=understood)
    a = Answer(True, "compare", "", understood=understood, unit=unit)
    said, rows = [], []
    for i, f in enumerate(shown):
        before = shown[i - 1] if i and shown[i - 1].report.kind == f.report.kind else None
        change = across.in_unit(f.fen - before.fen, unit) if before else None
        percent = _percent(f.fen - before.fen, before.fen) if before else None
        step = ""
        if before:
            way = "增加" if change > 0 else "减少" if change < 0 else "持平"
            step = f"，比{before.report.year}年{way}" + (f" {amount_text(abs(change), unit)}" if change else "")
            step += f"（{'+' if percent > 0 else ''}{percent}%）" if percent is not None and change else ""
        said.append(f"{f.report.year}年{f.report.kind} {amount_text(f.value, unit)}{step}（{_where(f)}）")
        rows.append([f.report.label, f.label or figure, f.value, change, percent, _printed(f), _where(f)])
        a.figure(f"{f.report.label} {figure}", f.value, unit, f"{f.report.label} {f.where}", f.line)
        if change is not None:
            a.figure(f"{f.report.year}年比{before.report.year}年{figure}增减", change, unit)
    text = "；".join(said) + "。"
    if lacking:
        text += f"没有列出{figure}的：{'、'.join(r.label for r in lacking)}。"
    a.text = f"{understood}：{text}"
    a.columns = ["报告", "项目", f"金额（{unit}）", f"比上一份（{unit}）", "增减（%）", "报告所列", "出处"]
    a.rows = rows
    a.chart = [(f"{f.report.year}年{f.report.kind}", f.value) for f in shown]
    a.document = _documents([f.report.label for f in shown], len(shown))
    if len(shown) == 2 and shown[0].report.kind != shown[1].report.kind:  # (one year's 预算 and 决算: no step between
        _between(a, question, [(f.report, f.value) for f in shown], unit)  # them, the gap asked is computed)
    return a


def _join(answers: list[Answer]) -> Answer:
    """The answers for several figures (人员经费和公用经费), as one card."""
    if len(answers) == 1:
        return answers[0]
    first = joined([a for a in answers if a.matched] or answers[:1])
    first.chart = []  # bars of two figures side by side would mislead
    return first


_SUM_ASKED = patterns.compile(r"加起来|加在一起|加一起|加一块|合起来|合一起|相加|之和|一共|总共|共计")
_SHARE_ASKED = patterns.compile(r"占(?:了)?(?:几成|多少|百分之|比|比例|比重|份额)")
_GAP_ASKED = patterns.compile(r"[多少差](?:了|出来|出)?(?:多少|好多|几多|啥)|相差|差额|差距|增[加长]了?多少|减少了?多少|增长了?多少")
_TIMES_ASKED = patterns.compile(r"几倍|多少倍|好多倍")
# The place a gap is taken against (比排第二的多多少, 和第三名差多少).
_PLACE_AGAINST = patterns.compile(r"(?:比|和|与|跟|同)(?:排(?:在)?|排名)?第([二三四五六七八九2-9])(?:名|位|个|家)?")
_EXECUTION_ASKED = patterns.compile(r"执行率|完成率|执行(?:了|得)?(?:多少|百分之几|几成|怎么样|如何)|完成(?:了)?(?:多少|百分之几|几成)|除以")
_RATE_ASKED = patterns.compile(r"百分之几|百分比|幅度|增幅|降幅|涨幅|增长率|下降率|变化率|[增降涨减跌]了?(?:多少|几)(?:个)?(?:%|％|百分点)")


def _between(a: Answer, question: str, sides: list[tuple[Report, Decimal]], unit: str, gap: bool = True) -> None:
    """The figure of two reports put together when the question asks it (比财政局多多少, 两家加起来,
    是社工部的几倍): their difference (and, for one department's two years, the change in per cent),
    sum or ratio, computed exactly in ``unit``; ``gap`` False when the difference is said already."""
    (ref1, one), (ref2, two) = sides
    (high_ref, high), (low_ref, low) = sorted(sides, key=lambda side: -side[1])
    said = []
    rate_asked = _RATE_ASKED.search(question)
    if gap and (_GAP_ASKED.search(question) or rate_asked):
        difference = high - low
        said.append(f"{high_ref.label} 比 {low_ref.label} 多 {amount_text(difference, unit)}（{high} − {low}）"
                    if difference else "两者相等")
        a.figure(f"{high_ref.label} 比 {low_ref.label} 多", difference, unit)
        if ref1.department == ref2.department and ref1.year and ref2.year and ref1.year != ref2.year:
            (old_ref, old), (new_ref, new) = sorted([(ref1, one), (ref2, two)], key=lambda item: item[0].year)
            if old:
                change = ((new - old) * 100 / old).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
                said[-1] += f"；{new_ref.year}年比{old_ref.year}年{'增长' if change >= 0 else '下降'} {abs(change)}%（计算）"
                a.figure(f"{new_ref.label} 比上一份增减率", change, "%")
    if _SUM_ASKED.search(question):
        a.figure("两份报告合计", one + two, unit)
        said.append(f"两者合计 {amount_text(one + two, unit)}（{one} + {two}）")
        if _SHARE_ASKED.search(question) and one + two:  # 街道占几成: each one's part of the two together
            for ref, value in sides:
                share = (value * 100 / (one + two)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
                a.figure(f"{ref.label} 占两者合计", share, "%")
                said.append(f"{ref.label} 占 {share}%（{value} ÷ {one + two}）")
    kinds = {ref1.kind: one, ref2.kind: two}
    if _EXECUTION_ASKED.search(question) and kinds.get("预算") and "决算" in kinds and ref1.year == ref2.year:
        rate = (kinds["决算"] * 100 / kinds["预算"]).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        a.figure("执行率（决算 ÷ 预算）", rate, "%")  # one year's 预算 and 决算: how much of the budget was spent
        said.append(f"执行率 {rate}%（决算 {kinds['决算']} ÷ 预算 {kinds['预算']}，计算）")
    if _TIMES_ASKED.search(question) and low:
        times = (high / low).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        a.figure(f"{high_ref.label} 是 {low_ref.label} 的倍数", times, "倍")
        said.append(f"{high_ref.label} 是 {low_ref.label} 的 {times} 倍")
    if said:
        a.text += "；".join(said) + "。"


def _of_several(a: Answer, question: str, sides: list[tuple[Report, Decimal]], unit: str) -> str:
    """The figures of three or more reports put together when the question asks it: the largest less the
    smallest (最多的那家比最少的多多少), their sum (三家加起来) and each one's share of it (占了百分之几)."""
    said = []
    if _GAP_ASKED.search(question):
        place = _PLACE_AGAINST.search(squash(question))
        ranked = sorted(sides, key=lambda s: -s[1])
        said_nth = place.group(1) if place else ""  # (比排第二的多多少: the first against the second)
        nth = int(said_nth) if said_nth.isdigit() else chinese_ordinal(said_nth) if said_nth else None
        (high_ref, high), (low_ref, low) = ranked[0], ranked[nth - 1] if nth and 1 < nth <= len(ranked) else ranked[-1]
        which = f"第 {nth} 名" if nth and 1 < nth <= len(ranked) else "最少的"
        said.append(f"最多的 {high_ref.label} 比{which} {low_ref.label} 多 {amount_text(high - low, unit)}（{high} − {low}）")
        a.figure(f"{high_ref.label} 比 {low_ref.label} 多", high - low, unit)
    total = sum(value for _, value in sides)
    if _SUM_ASKED.search(question):
        said.append(f"{len(sides)} 份报告合计 {amount_text(total, unit)}（{' + '.join(str(v) for _, v in sides)}）")
        a.figure(f"{len(sides)} 份报告合计", total, unit)
        if _SHARE_ASKED.search(question) and total:
            for ref, value in sides:
                share = (value * 100 / total).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
                a.figure(f"{ref.label} 占合计", share, "%")
                said.append(f"{ref.label} 占 {share}%（{value} ÷ {total}）")
    return "；".join(said) + "。" if said else ""


def _ascending(question: str) -> bool:
    """Whether the smallest is asked first; the largest when both ends are said (最大的比最小的多多少)."""
    return order_asked(question)[1] and not re.search(r"最多|最高|最大|从高|从大|由高|由大", squash(question))


def _standard_only(count: int, question: str) -> Answer:
    listed = "、".join(FIGURES)
    return Answer(False, "compare",
                  f"在 {count} 份报告之间比较，只能比较各报告都有的标准数字：{listed}。"
                  f"「{question.strip()}」问的不是其中之一；可以写出部门名称，问一两个部门的报告。",
                  suggestions=["哪个部门人员经费最多", "各部门三公经费对比", "各部门政府采购合计"])


# --------------------------------------------------------------------------- a few reports, one by one
def _asked(question: str, named: Named) -> str:
    """The question without the departments, years and comparison words (left: what is asked)."""
    text = question
    for m in named.departments:
        text = strip_department(text, m.department, [])
    text = re.sub(r"20\d{2}\s*年?(?:度)?|(?<!\d)\d{2}年(?:度)?", " ", text)
    text = re.sub(r"(?:[那这]份|报告)(?:里|中|的)?(?:呢)?[？?]?|(?:^|(?<=[ ，,]))(?:那|那么)", " ", text)
    # the reports themselves (决算比预算少多少, 比当年预算呢), not a fund's name (一般公共预算)
    text = re.sub(r"(?:比)?(?:当年|同年|该年|同一年)?(?:的)?(?<!公共)(?<!基金)(?<!经营)(?<!年初)(?<!调整)(?<!全年)(?:部门|单位)?"
                  r"(?:预算|决算)(?![数拨])(?:报告|那份)?(?:里|中|的)?(?:实际)?", " ", text)
    text = re.sub(r"(?:各|所有|每个|哪个|哪些)(?:部门|单位)|对比|比较|之间|相比|历年|逐年|各年|这两年|近两年"
                  r"|(?:这|那)?[两三四五六几](?:家|个部门|份报告|个报告)(?:里|中|之中|当中)?(?:面)?|谁(?:的)?|哪家(?:的)?"
                  r"|(?:再|也|来)?(?:看看|看一下|查查|查一下|瞧瞧)|[从由](?:高到低|低到高|大到小|小到大|多到少|少到多)|排(?:个|一下|一排|排)?序|排一?下"
                  r"|最多|最少|最高|最低|最大|最小|排名|排序|(?:的|是)$", " ", text)
    # what is done with the figures of the reports (their difference, change, sum, ratio): not asked of each
    text = re.sub(r"呢(?=[\s，,？?]|$)", " ", _EXECUTION_ASKED.sub(" ", text))  # (执行率: of the two figures, not asked of each)
    text = re.sub(r"[多少]了?(?:多少|好多)|差(?:了)?(?:多少|好多)|相差|增幅|涨幅|增长率|增长了?(?:百分之几|多少)"
                  r"|变化了?多少|[降减跌涨]了?(?:百分之几|多少)|加起来|加一起|合起来|是?[^，,。？?]{0,6}的?(?:几|多少|好多)倍|(?:^|(?<=[ ，,]))比(?=[ ，,？?])", " ", text)
    text = re.sub(r"[\s，,？?、]*([，,？?])[\s，,？?、]*", r"\1", text)  # (住房公积金， ？折成万元: one mark)
    return re.sub(r"\s+", " ", text).strip(" 的和与跟及、，,？?") or question


def ask_each(conn: sqlite3.Connection, question: str, named: Named, reports: list[Report], load, ask_doc,
             ordered: bool = False) -> Answer:
    """Ask the question of each report (``ask_doc``) and set the headline figures side by side (largest
    first, the first named, when ``ordered``: 哪个部门差旅费最多)."""
    asked = _asked(question, named)
    rows, answered = [], []
    for ref in sorted(reports, key=lambda d: (d.department, d.year or 0)):
        doc = load(conn, ref.id)
        answer = ask_doc(conn, doc, asked, Session(document_id=ref.id, comparing=True))
        if not answer.matched or not answer.figures:
            rows.append([ref.label, "（该报告没有此项）", None, "", None, ""])
            continue
        figure = answer.figures[0]
        wan = figure.value * _TO_WAN[figure.unit] if figure.unit in _TO_WAN else None
        rows.append([ref.label, figure.label, figure.value, figure.unit, wan, f"{figure.table} 第{figure.line}行"])
        answered.append((ref, figure, wan))
    if not answered:
        return Answer(False, "compare", f"比较的 {len(reports)} 份报告都没有「{asked}」这一项，没有给出数字。")
    a = Answer(True, "rank" if ordered else "compare", "", understood=f"按「{asked}」在 {len(reports)} 份报告中比较理解")
    mixed = len({fig.unit for _, fig, _ in answered}) > 1
    head = ""
    if ordered and all(wan is not None for _, _, wan in answered):
        ascending = _ascending(question)
        answered.sort(key=lambda item: item[2] if ascending else -item[2])
        rows.sort(key=lambda row: (row[4] is None, (row[4] or 0) if ascending else -(row[4] or 0)))
        head = f"{'最少' if ascending else '最多'}的是 "
    parts = [f"{ref.label} {amount_text(fig.value, fig.unit)}"
             + (f"，折合 {amount_text(wan.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP), '万元')}"
                if mixed and fig.unit != "万元" and wan is not None else "")
             + f"（{fig.table} 第{fig.line}行）" for ref, fig, wan in answered]
    if head:
        head += parts[0] + ("；其余：" if len(parts) > 1 else "")
        parts = parts[1:]
    a.text = f"{a.understood}：{head}" + "；".join(parts) + "。"
    if mixed:
        a.text += "单位不同，已折算为万元比较。"
    for ref, fig, _ in answered:
        a.figure(f"{ref.label} {fig.label}", fig.value, fig.unit, f"{ref.label} {fig.table}", fig.line)
    if len(answered) == 2:
        (ref1, fig1, wan1), (ref2, fig2, wan2) = answered
        in_wan = fig1.unit != "万元" and re.search(r"万元|多少万|几万", squash(question))  # (差多少万元 of figures in 元)
        if fig1.unit == fig2.unit and not (in_wan and wan1 is not None and wan2 is not None):
            _between(a, question, [(ref1, fig1.value), (ref2, fig2.value)], fig1.unit)
        elif wan1 is not None and wan2 is not None:
            _between(a, question, [(ref1, wan1.normalize()), (ref2, wan2.normalize())], "万元")
    elif not mixed:
        a.text += _of_several(a, question, [(ref, fig.value) for ref, fig, _ in answered], answered[0][1].unit)
    elif all(wan is not None for _, _, wan in answered):
        a.text += _of_several(a, question, [(ref, wan) for ref, _, wan in answered], "万元")
    missing = [r[0] for r in rows if r[2] is None]
    if missing:
        a.text += f"没有此项的报告：{'、'.join(missing)}。"
    a.columns = ["报告", "项目", "金额", "单位", "折合万元", "出处"]
    a.rows = rows
    a.chart = [(ref.label, wan) for ref, _, wan in answered if wan is not None]
    a.document = "、".join(ref.label for ref, _, _ in answered)
    return a
