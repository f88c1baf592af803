"""ask(): the one function every front end calls to answer a question about the loaded reports.

    question ──read──▶ Query (with the conversation's gaps filled) ──execute──▶ Answer

The report is the one the question names (by department or year), else the conversation's, else
the newest loaded. A line holding several questions is read part by part, each later part leaning
on the earlier ones, and answered in one card.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from budgetqa import lexicon, patterns
from budgetqa.answer.model import Answer, Figure, Session, Source, amount_text
from budgetqa.answer.resolve import REPORT_TOTALS, TOPIC_FACT_WORDS
from budgetqa.answer import check as checks
from budgetqa.answer import build, compute, figures, gaps, layout, lists, outline, printed, summary, text, topics, typed
from budgetqa.answer.enumerated import enumerated
from budgetqa.answer.documents import (Across, among_departments, asked_kind, both_visited, chosen_report, department_reports,
                                       names_report_only, report_of, reports_named, several_loaded, strip_department,
                                       wants_comparison, without_report)
from budgetqa.departments import Named, Report
from budgetqa.models import ECONOMIC_CLASSES, Document
from budgetqa.question.numbers import chinese_numbers, plain
from budgetqa.question.vocabulary import printed_text
from budgetqa.question.query import (MAX_QUESTION, UNIT_DOMAINS, Query, measure_word, names_fund_only, pointed_item, pointed_pair, read, read_places, same_reading,
                                     scope_parts,
                                     shown_mentions, shown_whole, unexplained, with_context, without_loose_totals)
from budgetqa.readback import read_document
from budgetqa.textnorm import normalise, squash, strip_ordinal, to_simplified

__all__ = ["Answer", "Figure", "Session", "Source", "ask", "ask_doc", "preload"]

# The operation each intent names, and the function that carries it out.
OPERATIONS = {
    "value": figures.value, "breakdown": figures.breakdown, "parent": figures.parent,
    "list": lists.list_answer, "rank": lists.rank, "count": lists.count, "mean": lists.mean, "filter": lists.filter_,
    "sum": compute.sum_, "difference": compute.difference, "share": compute.share, "ratio": compute.ratio,
    "change": compute.change, "check": checks.check,
    "text": text.text, "define": text.define, "about": text.about, "help": text.help_answer,
    "summary": summary.summary,
}
_MIN_SCORE = 30
# Operations that answer with a list of items (not with figures the question named).
LISTING_OPS = ("breakdown", "list", "filter", "rank", "count")
# Operations clearly asked for that no other operation may stand in for: a breakdown the report does
# not print is not answered with the total.
_NOT_SUBSTITUTED = {"breakdown": "明细或构成", "parent": "上级科目", "rank": "排序所需的数字", "text": "相关说明"}
# Operations whose subject is a topic the report may say nothing about: say so, give no figure.
_TOPIC_WORDS = {"三公": "三公经费", "机关运行": "机关运行经费", "采购": "政府采购", "绩效": "绩效目标"}


def ask(conn: sqlite3.Connection, question: str, session: Session | None = None) -> Answer:
    """Answer one question about the loaded reports (see the module docstring)."""
    from budgetqa.answer.compare import across_answer

    session = session or Session()
    current = report_of(conn, session.document_id)
    if current is None:
        return Answer(False, "none", "数据库里还没有报告：先用 budgetqa load FILE 载入一份。")
    others: list[str] = []
    several = several_loaded(conn)
    if not several and len(question) <= MAX_QUESTION and among_departments(question):  # (a cut one is said cut)
        return Answer(False, "out_of_scope", f"只载入了一份报告（{current.label}），没有其他部门的数字，"
                                             "不能在部门之间排名或比较；可以先用 budgetqa load 载入其他部门的报告。",
                      document=current.label)
    if several:
        question = _pick(question, session) or question  # a numbered choice names its report
        question = _year_swapped(question, session)
        named = reports_named(conn, question, _printed_by(conn, current.id))
        own = department_reports(conn, current.department)
        moved, session.moved_from = session.moved_from, None
        plan = wants_comparison(question, named, current, own) or both_visited(conn, question, session.visited) \
            or _change_across_move(conn, question, moved, current)
        if plan is not None:
            question = _with_last_subject(conn, question, named, session)
            answer = across_answer(conn, question, plan, named, asked_kind(question), read_document, ask_doc)
            if answer.matched and plan.reports:
                _compared_in_session(conn, without_report(question, named), plan.reports, current, session)
            return answer
        choice = chosen_report(question, named, current, own, _missing_year, session.visited)
        if choice.report is None:
            session.refused = "report:" + question
            return Answer(False, "out_of_scope", choice.refusal, document=current.label)
        if choice.report.id != session.document_id and session.history:
            carried = _carried_to(conn, question, named, session, choice.report)
            session.moved_from = session.document_id if carried != question else None  # (the last asked again)
            question = carried
        current, others = choice.report, choice.others
    doc = read_document(conn, current.id)
    if session.document_id != doc.id:
        session.last_query = None  # another report: what was said of the last one does not carry over
    session.document_id = doc.id
    session.visited = [i for i in session.visited if i != doc.id] + [doc.id]
    answer = ask_doc(conn, doc, question, session)
    answer.document = doc.label
    if several and answer.matched:
        if others:  # the question's name fits other departments as well: say which, never choose silently
            listed = "、".join(others[:3]) + (f" 等 {len(others)} 个部门" if len(others) > 3 else "")
            answer.text += f"（问题中的名称也可指 {listed}，写出全称可选定）"
        answer.text += f"（出自 {doc.label}）"
    return answer


def _what_is_asked(doc: Document, question: str) -> str:
    """The question without the report's own department, greetings, who is asking and how to answer."""
    stripped = _SELF.sub(" ", strip_department(question, doc.department, _printed(doc)))
    if stripped != question and _DUTY_ASKED.match(stripped):
        stripped = "本部门" + stripped.lstrip()  # (区委办是干什么的: the department's own work, whatever was asked before)
    question = _GREETING.sub("", stripped) or question
    before = None
    while before != question:  # (您好，我是乡镇的，想学习一下你们的做法，麻烦问一下…: each said before the question)
        before, question = question, _WANT_TO_KNOW.sub("", _INTRODUCTION.sub("", question)) or question
    question = _FORMAT_WISH.sub("", question) or question  # (…各多少，给三个数就行: how to answer, not what)
    corrected = _CORRECTED.search(question)  # (专项业务多少钱，哦不对，我是说事业运行: the words after the correction)
    question = question[corrected.end():] if corrected and question[corrected.end():].strip() else question
    return _FIGURES_WANTED.sub("", question) or question


# A line that corrects itself (…，哦不对，我是说X / …，说错了，是X): what follows the correction is asked (a line
# opening with 不对 corrects the question before it, a follow-up).
_CORRECTED = patterns.compile(r"[，,。；;！!？?]\s*(?:哦|噢|呃|啊|额|嗯)?[，,]?(?:不对|说错了|搞错了|口误)"
                              r"(?:[，,。！!]|(?=我是说|我是问|我问的是|应该是))\s*(?:我是说|我是问|我问的是|应该是|是)?")


# The department said as 本部门 / 贵单位 before the year or the report it asks of: which report, not which row.
_SELF = patterns.compile(r"(?:本|贵|我|咱们|我们)(?:部门|单位)(?=(?:20\d\d年度?|今年|去年|的)?(?:部门)?(?:预算|决算))")

# What a department named alone is asked (区委办是干什么的, 区委办主要负责哪些工作)
_DUTY_ASKED = patterns.compile(r"\s*(?:的|是|都|主要|具体)*(?:干|做|管|负责)(?:什么|啥|嘛|哪些)")


def _year_swapped(question: str, session: Session) -> str:
    """那2024年的呢 / 那2024年的总额呢 right after a question refused for its year (no report of it is
    loaded): that question, of the year now named."""
    said = re.fullmatch(r"(?:那|那么)?(20\d\d)年度?的?[^，,。？?]{0,8}?呢[？?]?", squash(question))
    if said is None or not session.refused.startswith("report:"):
        return question
    return re.sub(r"20\d\d(?=年)", said.group(1), session.refused.removeprefix("report:"))


def _carried_to(conn: sqlite3.Connection, question: str, named: Named, session: Session, report: Report) -> str:
    """A question moving the conversation to another report: one naming only the report (那西南大学2024年决算呢)
    asks the last question of it; one leaning on the last (同一口径换到规划资源局：年初预算多少) naming no figure
    of its own asks of the figure the last question asked."""
    if names_report_only(question, named):
        last = session.history[-1]
        if session.last_query is not None and session.last_query.previous_year and (typed := _last_typed(session)):
            return typed + "是多少"  # (上一年是多少？2024年的预算呢: the figure itself, in that year's report)
        carried = session.last_query is not None and session.last_query.subjects and session.last_query.op == "value" \
            and all(m.start >= 10_000 for m in session.last_query.subjects)
        if carried and (typed := _last_typed(session)):  # (X多少元？折成万元呢？Y呢: X, in the unit last asked)
            unit = session.last_query.unit
            return typed + "是多少" + (f"，按{unit}" if unit else "")
        return without_report(last, reports_named(conn, last, _printed_by(conn, session.document_id)))
    stripped = without_report(question, named)
    if _SAME_FIGURES.match(squash(stripped)):
        return question  # (同样这三个数呢: the names the last line asked, each)
    doc, typed = read_document(conn, report.id), _last_typed(session)
    q = read(stripped, doc)
    q = read(_parts(stripped)[0], doc) if q.subjects else q  # (又安排了多少？其中项目支出多少: its first question leans)
    bare = q.op == "value" and q.whole is None and not (q.domain or q.table or q.field_name or q.level)
    funded = names_fund_only(q) and session.last_query is not None and session.last_query.fund is not None
    if q.subjects and not funded or q.missing or not (q.follow_up or bare or funded or re.search(r"同一?口径|同样|一样的", q.squashed)) \
            or not typed:
        return question  # (决算出来实际是多少, naming nothing: the figure just asked, in the report moved to)
    if funded:  # (2024年预算的财政拨款呢: the figure just asked, from that fund, in the report moved to)
        return typed.removesuffix(f"的{session.last_query.fund}") + "的" + re.sub(r"^(?:那|那么)?的?", "", stripped)
    return typed + "，" + question


# A change asked with nothing named (涨了多少, 比那年多了多少, 差多少呢)
_BARE_CHANGE = patterns.compile(r"(?:那|那么)?(?:比(?:上一份|那年|那份|之前|以前|20\d\d年)?)?(?:涨|增长|增加|多|少|减少|下降|降|变化|变动|差)"
                          r"(?:了)?(?:多少|几|百分之几|多少钱|多少万)?(?:呢|啊)?[？?]?")


def _change_across_move(conn: sqlite3.Connection, question: str, moved: int | None, current: Report) -> Across | None:
    """涨了多少 right after the last question was asked again of another year's report of the same department
    (收支总预算多少 → 那2024年那份呢): the change between the two reports' figures."""
    other = report_of(conn, moved) if moved is not None else None
    if other is None or other.department != current.department or other.year == current.year \
            or not _BARE_CHANGE.fullmatch(squash(question)):
        return None
    return Across("years", current.department, [other, current])


def _compared_in_session(conn: sqlite3.Connection, question: str, reports: list[Report], current: Report,
                         session: Session) -> None:
    """After a few reports compared, the conversation is about the figure compared (那它增长了多少), in its
    report among them, else the newest of them; all of them were visited (两家 next)."""
    ordered = sorted(reports, key=lambda r: (r.id == current.id, r.year or 0))
    session.visited = [i for i in session.visited if i not in {r.id for r in ordered}] + [r.id for r in ordered]
    session.document_id = ordered[-1].id
    session.last_query = read(_parts(question)[0], read_document(conn, session.document_id))  # (the reports unnamed)
    session.history.append(question)


def _with_last_subject(conn: sqlite3.Connection, question: str, named: Named, session: Session) -> str:
    """两家加起来多少 / 司法局比石泉路多多少 naming no figure (the reports named are not one): the figure the last
    question asked, as typed, asked of each."""
    typed = _last_typed(session)
    if not typed or read(without_report(question, named), read_document(conn, session.document_id)).subjects:
        return question
    return typed + "，" + question


def _last_typed(session: Session) -> str:
    """The names the last question asked of, as typed, with the 收入/支出 typed after a name the reader took
    without it (当年财政拨款收入); a name the last question took from the one before it, as printed."""
    last = session.last_query
    if last is None:
        return ""
    typed = [last.squashed[m.start:m.end] + re.match(r"(?:收入|支出)?", last.squashed[m.end:]).group(0) if m.start < 10_000
             else m.term.name for m in last.subjects]
    whole = last.whole
    within = last.squashed[whole.start:whole.end] if whole is not None and whole.start < 10_000 and len(last.subjects) == 1 \
        and whole.end <= last.subjects[0].start else ""
    # (财政拨款支出里高中教育: read in that table; 住房公积金的财政拨款: from that fund)
    fund = f"的{last.fund}" if last.fund and len(typed) == 1 and last.fund not in typed[0] and not within else ""
    return (f"{within}里" if within else "") + "、".join(dict.fromkeys(typed)) + fund


def preload(conn: sqlite3.Connection, doc_id: int) -> None:
    """Read a document and warm the reader before the first question (for the app's start-up)."""
    import cn2an  # noqa: F401  (imported on first use otherwise: tens of milliseconds)
    from budgetqa.textnorm import character_pinyin

    character_pinyin()  # (the first misheard name would otherwise pay for the import)
    patterns.compile_all()  # (a question would otherwise pay for the patterns it is the first to use)

    ask_doc(conn, read_document(conn, doc_id), "前五个项目", Session(document_id=doc_id))


def _printed_by(conn: sqlite3.Connection, doc_id: int):
    """The names a report prints, read when first asked for."""
    names: list[list[str]] = []

    def printed() -> list[str]:
        if not names:
            names.append(_printed(read_document(conn, doc_id)))
        return names[0]
    return printed


def _missing_year(question: str, named) -> str:
    """A year asked about that none of the named department's loaded reports covers."""
    years = {int(y) for y in re.findall(r"(20\d{2})\s*年", question)}
    have = {d.year for d in named}
    asked = {y for y in years if y not in have and y + 1 not in have}
    if asked and not (years & have):
        held = "、".join(sorted(f"{d.year}年{d.kind}" for d in named))
        return f"已载入的「{named[0].department}」报告只有 {held}，没有 {min(asked)} 年的数据。"
    return ""


# A question ending the way a dialect speaker asks (好多钱嘛？): its dialect words are read as asking words.
_DIALECT_ASKING = patterns.compile(r"[嘛？?呢]\s*$|嘛")
# How big the premises are, asked without the word 面积
_PREMISES_SIZE = patterns.compile(r"(?:办公室|办公楼|办公用房|房子|用房|地方)(?:有)?(?:多大|多少平(?:方)?米?)(?:呀|啊|呢)?"
                            r"|(?:有)?(?:好)?几(?:千|百|十)平(?:方)?米?")
# A clause asking how many or how much, and a clause typed with a name before its asking word.
_COUNT_ASKED = patterns.compile(r"几[个辆张项人条类台套批]|多少")
_FOUR_WORDS = patterns.compile(r"[\u4e00-\u9fff]{4}")


def _mandarin(question: str) -> str:
    """A question with the asking words of other dialects (几钿, 系咪, 咋整) put as Mandarin says them."""
    return lexicon.REGIONAL.apply(question)


# --------------------------------------------------------------------------- one report
def ask_doc(conn: sqlite3.Connection | None, doc: Document, question: str, session: Session) -> Answer:
    """Answer a question about one report, in the session's conversation."""
    question = _mandarin(to_simplified((question or "").strip()))  # every word below is matched in simplified Mandarin
    if "多少" not in question and _DIALECT_ASKING.search(question):
        question = lexicon.DIALECT_WORDS.sub(lambda m: lexicon.DIALECT[m.group()], question)  # (好多钱嘛: 多少钱)
    question = lexicon.ABBREVIATED.sub(lambda m: lexicon.ABBREVIATIONS[m.group()], question)
    if "面积" not in question:  # 办公室有多大 / 有好几千平吗: the size of the premises, which the report states as 办公用房面积
        question = _PREMISES_SIZE.sub("办公用房面积是多少", question, count=1)
    if not squash(question):
        return _unmatched(doc, "none", "问题是空的：请输入想查的科目、项目或数字，例如「2013105」或「基本支出多少」。")
    question = _standing_form(question, session)
    if not squash(question):
        return _standing_said(session)
    question = _year_swapped(question, session)
    picked = _pick(question, session)
    if picked:
        question = picked
    question = _what_is_asked(doc, question)
    lead = _TOPIC_OPENING.match(question)
    if lead and read(lead.group(1), doc).subjects:
        question = lead.group(1)  # 再问下结转结余：年初…、年末…分别多少: the topic said first, then asked by its own names
    switch = _SWITCH.match(question)
    if switch and squash(switch.group(1)) in squash(switch.group(2)):
        question = switch.group(2)  # 换成项目支出看，X下面哪几个项有项目支出: the question after it says it again
    if _SAME_FIGURES.match(squash(question)) and len(session.asked_names) >= 2:
        question = "、".join(session.asked_names) + "各是多少"  # 再看X报告，同样这三个数呢: those names, of this report
    question = _pointed_back(_TURNING.sub("", question) or question, session)  # (最后看X，…: the words turning to X ask nothing)
    returned = _returning(doc, question, session)
    question = returned or question
    parts = _line_again(doc, question, session) or _named_then_asked(doc, _parts(question))
    session.line = None
    if len(parts) == 1:
        answer = _answer_part(conn, doc, parts[0], session, continuing=bool(returned))
    else:
        answers, asked, figures = [], [], []
        units = {u for u, words in lexicon.UNIT_WORDS.items() if words.search(squash(question))}
        for i, part in enumerate(parts):
            kept = session.last_query, session.last_focus
            if answers and answers[-1].intent == "out_of_scope":  # a part after one refused leans on nothing older
                session.last_query, session.last_focus = None, []
                if _of_refused(doc, part, session):
                    continue
            if answers and not answers[-1].matched and answers[-1].intent != "out_of_scope" \
                    and session.unanswered is not None and session.unanswered.subjects:
                # a part after one not answered leans on what that part named (差旅费上年多少 同比增减多少)
                session.last_query, session.last_focus = session.unanswered, []
            if answers and _total_of_last(part, answers[-1]):
                unit = "元" if re.search(r"(?<!万)元", part) else "万元" if "万" in part else None
                if unit and session.last_query is not None:  # (合计多少元: that total in the unit asked)
                    convert_units(answers[-1], replace(session.last_query, unit=unit))
                continue  # …有几个，合计多少: the total of what the part before picked out, which it states
            if answers and _stated_before(part, answers[-1]):
                continue
            before, earlier = session.last_query, list(session.earlier)
            session.refused = ""
            answers.append(_answer_part(conn, doc, part, session, continuing=i > 0 or bool(returned)))
            asked.append(part)
            if len(units) == 1 and answers[-1].matched and session.last_query is not None \
                    and session.last_query is not before and session.last_query.unit is None:
                convert_units(answers[-1], replace(session.last_query, unit=next(iter(units))))  # (…多少万元？A和B各多少: in 万元 too)
            if i and _same_subject(before, session.last_query):
                session.earlier = earlier  # (parts of one line asking of one name: one subject said, not two)
            if i == 0 and answers[0].matched and session.last_query is not None:
                said = [m for m in session.last_query.subjects if m.start < 10_000]
                if len(said) == 1 and session.last_query.op == "value":
                    session.line = (parts, session.last_query.squashed[said[0].start:said[0].end], said[0].kinds)
            if session.last_query is None or session.last_query is session.unanswered:
                session.last_query, session.last_focus = kept
            elif answers[-1].matched and session.last_query.op == "value":
                figures.append(session.last_query)
        answer = _together(doc, asked, answers)
        _all_figures_asked(session, figures)
    _remember_names_asked(session, answer, figures if len(parts) > 1 else [])
    if len(question) > MAX_QUESTION:
        answer.text += f"（问题超过 {MAX_QUESTION} 字，只读了前 {MAX_QUESTION} 字。）"
    _in_kept_form(answer, question, session)
    session.choices = answer.choices
    session.line_figures = list(answer.figures)
    session.history.append(question)
    return answer


def _standing_form(question: str, session: Session) -> str:
    """A unit or rounding asked for the rest of the conversation (接下来都用元说, 后面都保留一位小数) is kept in the
    session; a clause that asks only that is taken out of the question."""
    if not lexicon.FROM_NOW_ON.search(squash(question)):
        return question
    kept = []
    for clause in re.split(r"(?<=[。；;，,：:！!])", question):
        typed = squash(clause)
        unit, places = _unit_said(typed), lexicon.PLACES_WORDS.search(typed)
        if lexicon.FROM_NOW_ON.search(typed) and (unit or places):
            session.kept_unit = unit or session.kept_unit
            session.kept_places = read_places(places) if places else session.kept_places
            if not _ASKS.search(typed):
                continue  # (接下来都用元说。: said, not asked)
        kept.append(clause)
    return "".join(kept)


def _standing_said(session: Session) -> Answer:
    """The unit and rounding kept, said back when a line asks nothing else."""
    unit, places = session.kept_unit, session.kept_places
    said = "、".join(x for x in (f"折合成{unit}" if unit else "", f"保留{places}位小数" if places else "取整" if places == 0 else "") if x)
    return build.answer("help", "", f"好的：接下来的回答中的数字都{said}给出（原表数字照印不变）。")


def _in_kept_form(answer: Answer, question: str, session: Session) -> None:
    """The unit and rounding kept for the conversation, given with the figures of an answer that asks none of
    its own."""
    if not answer.matched or session.kept_unit is None and session.kept_places is None:
        return
    typed = squash(question)
    if session.kept_unit and _unit_said(typed) is None:
        convert_units(answer, Query(unit=session.kept_unit))
    if session.kept_places is not None and not lexicon.PLACES_WORDS.search(typed):
        round_figures(answer, Query(places=session.kept_places))


# 差额呢 / 完成率是多少 with nothing else named: a figure the last answer gave under that name (its qualifiers in
# brackets, 不含上年结转, are not its name)
_PARENTHESISED = patterns.compile(r"[（(][^（）()]*[）)]")
_SHOWN_ASKED = patterns.compile(r"^(?:那)?([\u4e00-\u9fff]{2,5}?)(?:呢|是多少|多少|是几)[？?]?$")


def _figure_shown(question: str, shown: list[Figure]) -> Answer | None:
    """A question the report answers nothing to that names a figure the last answer gave: that figure again."""
    m = _SHOWN_ASKED.match(squash(question))
    # (the name, not the words of its qualifiers: 上年呢 names no figure labelled 人员经费（…不含上年结转）)
    found = [f for f in shown if m and m.group(1) in _PARENTHESISED.sub("", _PARENTHESISED.sub("", f.label))] if m else []
    if len(found) != 1:
        return None
    f = found[0]
    a = build.answer("value", f.label, f"{f.label} {amount_text(f.value, f.unit) if f.unit != '%' else f'{f.value}%'}（上一个回答中给出）。")
    a.figures.append(f)
    return a


# Words that ask something of a name (占比呢, 差多少呢): a follow-up holding one is not a name alone.
_ASKING_OF_NAME = patterns.compile(r"占|比|差|加|减|最|几|多少|哪|什么|啥|吗|排|平均|总")


# One short word and nothing asked (上年？ / 明细 / 执行率), typed after a question about a subject.
_BARE_WORD = patterns.compile(r"^[\u4e00-\u9fff]{2,4}[？?]*$")


def _bare_follow_up(question: str, doc: Document, session: Session) -> str:
    """A follow-up of one short word that names nothing in the report asks it of the last subject, as the same
    word with 呢 does (上年？ is 上年呢); a word that names something (基本支出) is asked for itself."""
    typed = squash(question)
    if session.last_query is None or not session.last_query.subjects or not _BARE_WORD.match(typed):
        return question
    word = typed.rstrip("？?")
    if _ASKING_OF_NAME.search(word) or re.search(r"[呢吗嘛吧啊呀]$", word) or read(word, doc).subjects:
        return question  # (占比？ / 加起来呢 ask something themselves)
    asked = read(word + "呢", doc)  # (a word of the reader's own: a measure, a year, a scope, an operation's cue;
    # 要得 / 好的 acknowledge and ask nothing)
    known = asked.cued or asked.previous_year or asked.measures or asked.scope or asked.fund \
        or any(word in words for words in lexicon.MEASURES.values())
    return word + "呢" if known else question


def _answer_part(conn, doc: Document, question: str, session: Session, continuing: bool = False) -> Answer:
    """One question of a line. One asked per period or per thing counted (平均每月多少, 三家平均每家) is the
    figure it names over them, or the last answer's figure when it names none (三项加起来多少？平均每月是多少); so is
    one supposing a change by a fraction (压减10%还剩多少); one nothing answers that names a figure the last answer
    gave (差额呢) is that figure."""
    question = _bare_follow_up(question, doc, session)
    if typed.scaled_asked(question) is not None:
        rest = typed.without_scale(question)
        if read(rest, doc).subjects or not session.last_figures:
            found = _answer_part(conn, doc, rest, session, continuing)
        else:
            found = _last_figure_restated(session, "value", "")
        if typed.scaled(question, found) is not None:
            session.last_figures = list(found.figures)  # (压减以后平均每月多少: of the figure after the change)
        return found
    if not typed.asks_per(question):
        named = _name_alone(question)  # (公用经费呢 after a figure per month: per month too)
        shown, per = list(session.last_figures), session.per_asked if named and not _ASKING_OF_NAME.search(named) else None
        session.per_asked = None
        after_change = session.last_query is not None and session.last_query.op == "change"
        found = _answer(conn, doc, question, session, continuing)
        if named and after_change and not found.matched and found.intent == "change":
            # (公务接待费呢 after a change the report states of another name: it states none of this one; its figure)
            figure = _answer(conn, doc, f"{named}是多少", session, continuing)
            if figure.matched:
                figure.text += found.text
                return figure
        if found.matched and per is not None and typed.per_period(per, found, doc) is not None:  # (adds it to found)
            session.per_asked = per  # (平均每月多少元 … 公用经费呢: that one per month too)
        return found if found.matched else _figure_shown(question, shown) or found
    session.per_asked = question
    rest = typed.without_period(question)
    if (read(rest, doc).subjects and not typed.after_change(rest)) or not session.last_figures:
        found = _answer(conn, doc, rest, session, continuing)
        return typed.per_period(question, found, doc) or found
    a = _last_figure_restated(session, "sum", " 按期平均")
    return typed.per_period(question, a, doc) or _answer(conn, doc, question, session, continuing)


def _last_figure_restated(session: Session, intent: str, how: str) -> Answer:
    """The last answer's headline figure said again, for what a question naming nothing computes from it (a
    figure the answer worked back, the year before's, or the change it gave, is not its subject's own: the first
    printed one is)."""
    base = next(iter(typed.own_figures(session.last_figures)), session.last_figures[0])  # (要是翻一番呢 after a change)
    a = build.answer(intent, f"{base.label}{how}", f"{base.label} {amount_text(base.value, base.unit)}；")
    a.figures.append(base)
    return a


def _of_refused(doc: Document, part: str, session: Session) -> bool:
    """A part after one refused that asks of what was refused, so is refused with it: of the body refused when it
    names nothing (执法大队单独的决算是多少？在哪张表能看到), or a part of the year refused (2025年预算安排了多少、
    其中项目支出多少、比上年增长多少) when it names no year of its own (one after 比 is what it is compared with)."""
    said = read(part, doc)
    if session.refused.startswith(("department:", "unit:")) and not said.subjects:
        return True
    own_year = re.search(r"今年|本年|当年|20\d\d年", re.sub(r"(?:比|较|与|和|同|跟)20\d\d年", "", said.squashed))
    return said.squashed.startswith(("其中", "比", "较")) and not own_year


# (那)X呢 / X那块呢: a name and nothing asked of it
_NAME_ONLY = patterns.compile(r"^(?:那|那么|那再|再看|换成|换到|还有)?(.{2,24}?)(?:那块|那部分|这块|那一项|这一项)?呢$"
                        r"|^(?:换成|换到|改成|改为|换)(.{2,24}?)$")  # (换成X: X in place of the last name)


def _name_alone(question: str) -> str:
    """The name a follow-up says and nothing else ((那)X呢, 换成X), or ''."""
    bare = _NAME_ONLY.match(squash(question))
    return (bare.group(1) or bare.group(2)) if bare is not None else ""


def _line_again(doc: Document, question: str, session: Session) -> list[str]:
    """(那)X呢 after a line of several questions about one name: each of those questions, of X."""
    name = _name_alone(question)
    if session.line is None or not name or re.search(r"多少|几|吗|是否|哪|什么|啥", name):
        return []
    parts, said, kinds = session.line
    named = read(name, doc)  # (a name of the same kind: 信息化建设 after 财政委托业务支出, not 差旅费 after 公车)
    if not named.subjects or not all(m.kinds & kinds for m in named.subjects) or said not in squash(parts[0]) \
            or len({m.term.key for m in named.subjects}) != len(named.subjects):
        return []  # (附中、附小的X呢: each of the names, when a name is picked out for each)
    first = re.sub(re.escape(said) + r"(?:[（(]\d{3,7}[）)])?", lambda _: name, squash(parts[0]), count=1)
    return [first] + parts[1:]  # (X（2050205）的事业收入 → 那Y呢: Y's, without X's code)


def _same_subject(before: Query | None, after: Query | None) -> bool:
    """Two parts of a line asked of one name in one table."""
    return before is not None and after is not None and bool(before.subjects) and bool(after.subjects) \
        and before.subjects[0].term.key == after.subjects[0].term.key and before.table == after.table


def _total_of_last(part: str, last: Answer) -> bool:
    """…有几个？(结转)加起来多少: the total of what the part before counted or listed (added to it when it
    states none yet)."""
    typed = squash(part)
    lead = re.match(r"(.{0,8}?)(?=合计|一共|总共|加起来|共计|总计|总额)", typed)
    if lead is None or not _TOTAL_ONLY.match(typed[lead.end():]):
        return False
    said = lead.group(1).strip("的那这些")
    if said and said not in last.understood:
        return False
    if any(f.label == "合计（计算）" for f in last.figures):
        return True
    if last.intent != "count" or "金额" not in last.columns:
        return False
    at, unit_at = last.columns.index("金额"), last.columns.index("单位") if "单位" in last.columns else None
    units = {row[unit_at] for row in last.rows} if unit_at is not None else {""}
    if not last.rows or len(units) != 1 or not all(isinstance(row[at], Decimal) for row in last.rows):
        return False
    whole, unit = sum((row[at] for row in last.rows), Decimal(0)), units.pop()
    name = last.columns.index("名称") if "名称" in last.columns else None
    if name is not None and len(last.rows) <= 20:  # (each one's amount, then their total)
        last.text += "金额：" + "；".join(f"{row[name]} {amount_text(row[at], unit)}" for row in last.rows) + "，"
        for row in last.rows:
            last.figure(str(row[name]), row[at], unit)
    last.figure("合计（计算）", whole, unit)
    last.text += f"合计 {amount_text(whole, unit)}（计算）。"
    return True


# The figures of the last line asked again, of the report now named (同样这三个数呢, 这两个数分别是多少)
_SAME_FIGURES = patterns.compile(r"^(?:那|那么|再看|换成|换到|看看)?(?:办事处|本级|街道|学校)?(?:20\d\d年度?)?(?:部门|单位)?(?:预算|决算)?(?:里|中|的)?"
                           r"(?:同样|也是|一样)?(?:的)?(?:(?:这|那|上面|刚才)(?:的)?(?:[两二三四五六七八九几]个?|些)?|[两二三四五六七八九]个)"
                           r"(?:数|数字|指标)(?:呢|分别是多少|各是多少|各多少|是多少|分别多少)?[？?。]?$")  # (a pointer or a count said)


def _remember_names_asked(session: Session, answer: Answer, parts: list[Query]) -> None:
    """The names a line asked the figures of (A、B、C各多少, or one a part), as typed, for 同样这几个数 next."""
    queries = parts or ([session.last_query] if session.last_query is not None and session.last_query.op == "value" else [])
    names = list(dict.fromkeys(q.squashed[m.start:m.end] for q in queries for m in q.subjects if m.start < 10_000))
    if answer.matched and len(names) >= 2:
        session.asked_names = names


def _all_figures_asked(session: Session, queries: list[Query]) -> None:
    """After a line asking the figures of several subjects part by part, the conversation is about all of
    them (加起来 / 哪个多 / 占比呢 next asks of each), not only of the last part's."""
    if len(queries) < 2 or session.last_query is not queries[-1]:
        return
    subjects = list({m.term.key: m for q in queries for m in q.subjects}.values())
    read_alike = len({(q.scope, q.fund, q.table) for q in queries}) == 1 or all("project" in m.kinds for m in subjects)
    if len(subjects) >= 2 and read_alike:  # (a project's name says its year; a code read in one scope each is not)
        session.last_query, session.last_focus = replace(queries[-1], subjects=subjects, whole=None), []


def _printed(doc: Document) -> list[str]:
    from budgetqa.question.vocabulary import vocabulary

    return [t.name for terms in vocabulary(doc).by_name.values() for t in terms if t.kind not in ("department", "table")]


# Words that only turn the conversation to what follows (最后看, 接下来看看, 然后说一下).
_TURNING = patterns.compile(r"^\s*(?:最后|然后|接着|接下来|下面|现在)(?:来|再)?(?:看|说|聊)(?:看|一下|一看)?")

# 回到X，… / 说回X，…: the conversation goes back to X; what follows is asked of it unless it names its own subject.
_RETURN = patterns.compile(r"^(?:再)?(?:回到|说回|回头说|回头看)([^，,。：:？?]{1,24})[，,。：:]\s*(\S.*)$")


def _returning(doc: Document, question: str, session: Session) -> str:
    """The question after a 回到X opening ('' without one), with X made the conversation's last
    subject: what follows is then read as a later question of the same line."""
    m = _RETURN.match(question)
    if m is None:
        return ""
    topic = read(m.group(1), doc)
    if not topic.subjects:  # 回到刚才那个工程: the subject said earlier in the conversation whose name has that word
        word = re.sub(r"^(?:刚才|前面|之前|上面|开头)?(?:的)?(?:那|这)?(?:个|项|笔)?", "", squash(m.group(1)))
        said = [x for x in reversed(session.earlier) if len(word) >= 2 and any(word in t.name for t in x.terms)]
        topic = replace(topic, subjects=said[:1])
    if topic.subjects:
        session.last_query, session.last_focus = topic, []
    return m.group(2)


# The subject the conversation began with, pointed at (回到最开始那个, 刚才第一个问的那项): that subject.
_BACK = patterns.compile(r"(?:回到|再看|说回)?(?:最开始|一开始|最早|开头|刚开始|第一个问题?里?|刚才第一个|前面第一个)"
                         r"(?:问|说|提|查)?(?:到)?(?:的)?(?:那个数|那一项|那个项目|那个科目|那个|那项|那笔|那一个)")


# The subject asked first, pointed at with a name of it (回到第一个问的政府性基金总额，…): the name said may be looser.
_BACK_NAMED = patterns.compile(r"(?:回到|再看|说回)?(?:最开始|一开始|最早|开头|刚开始|第一个|刚才第一个|前面第一个)(?:问|说|提|查)(?:到)?的"
                               r"([\u4e00-\u9fff]{2,16}?)(?=[，,。？?]|比|占|的|是|有|多少|$)")


def _pointed_back(question: str, session: Session) -> str:
    """刚才第一个问的那项占多少 / 回到最开始那个，…: the words pointing at the subject asked first replaced by its
    name (the question as it is when none point back; the conversation keeps its last five subjects). Said with a
    name (第一个问的政府性基金总额), the name is the first subject's when the two share a word of two characters."""
    if not session.earlier:
        return question
    said = session.earlier[0]
    m = _BACK.search(question)
    if m is None and (named := _BACK_NAMED.search(question)) is not None:
        typed, name = squash(named.group(1)), squash(strip_ordinal(said.term.name))
        if any(typed[i:i + 2] in name for i in range(len(typed) - 1)):
            return question[:named.start()] + said.term.name + question[named.end():]
    if m is None:
        return question
    return question[:m.start()] + ("回到" if m.group(0).startswith("回到") else "") + said.term.name + question[m.end():]


_TOTAL_ONLY = patterns.compile(r"^(?:那)?(?:合计|一共|总共|加起来|共计|总计|总额){1,2}(?:是|有|为)?多少(?:钱|万元|万|元)?[？?]?$")
_FIGURE_ONLY = patterns.compile(r"^(?:那)?(?:是|有|为|增长了?|增加了?|下降了?|减少了?|涨了?|降了?)?"
                          r"(?:多少|多少钱|多少元|多少万元|金额多少|金额是多少|数额多少)[？?]?$")
# 想看每个项目多少钱，该看哪张表: a clause saying what the asker wants to see is not a question of its own when
# the next asks only which table shows it; the two are read together.
_WANTS = patterns.compile(r"^(?:我们?)?(?:想|要|需要|打算)(?:看|查|了解|知道|核对|找)")
_WHERE_ONLY = patterns.compile(r"^(?:那|该|应该|应|要|得)?(?:去)?(?:看|查|在|印在|列在|见)?(?:哪|什么)(?:一)?(?:张|个)表(?:里|上|中)?(?:呢|啊|吗)?[？?]?$")
_GAP_ONLY = patterns.compile(r"^(?:那)?(?:(?:多|少|差|相差|差了|差额|差额是|差距|差距是|高|低)(?:了)?)?(?:是)?多少(?:钱|万元|元)?[？?]?$")
_TIES = patterns.compile(r"^(?:那)?(?:有)?(?:几个|几项|多少个)并列[？?]?$")  # (最少的是多少？有几个并列: the ranking says its ties)
# A part that asks only what the answer to the part before states, by that answer's operation (a check states a
# gap only when it set two sides against each other: 两侧之差).
_STATED_BY = {"rank": patterns.compile(f"{_FIGURE_ONLY.pattern}|{_TIES.pattern}"), "list": _FIGURE_ONLY, "filter": _FIGURE_ONLY,
              "value": patterns.compile(r"^(?:多少|多少钱|金额多少|是多少)[？?]?$"),
              "difference": _GAP_ONLY,
              "check": patterns.compile(r"^(?:那)?(?:差|相差|差了|差额|差额是|差距|差距是)(?:是)?多少(?:钱|万元|元)?[？?]?$")}
# 年初预算和决算差多少 after a part that picked an item and stated its budget, outturn and gap (相差…)
_GAP_AGAIN = patterns.compile(r"^(?:那|它的?)?(?:(?:年初|全年|调整)?预算数?(?:和|与|跟)决算数?|决算数?(?:和|与|跟|比)(?:年初|全年|调整)?预算数?)?"
                        r"(?:之间)?(?:差|相差|差了|差额|差距|少了?|多了?|超了?|超支了?|结余了?)(?:是|有)?多少(?:钱|万元|万|元)?[？?]?$")
_PART_END = patterns.compile(r"[？?！!；;。]+")
# 我是审计局的，… / 作为人大代表我想问：…: who is asking says nothing about what is asked.
_INTRODUCTION = patterns.compile(r"^(?:(?i:(?:(?:i'?m|we'?re|i\s+am|we\s+are)\s+)?(?:working\s+on|preparing|writing|drafting|putting\s+together)"
                           r"\s+[^.?？。]{0,60}[.。:：]\s*)|我是(?!说|问|指|讲)[^，,。：:？?]{1,16}?(?:的)?[，,。：:]|作为[^，,。：:？?]{1,16}?(?:我想问|我问一下|想问)?[，,：:]?"
                           r"|我(?:们)?也?(?:在|正在)(?:核对|核实|复核|整理|查|看|写|准备|编|编制|做)[^，,。：:？?]{0,24}[，,。：:]"  # (what the asker is doing)
                           r"|(?:我们|咱们|俺们|我)[^，,。：:？?]{0,8}?(?:想|要|准备|打算)(?:照着|参照|参考|学习|仿照|按照|借鉴)[^，,。：:？?]{0,20}[，,。：:]"  # (what they model theirs on)
                           r"|我(?:刚|新|才)(?:到|来|调到|调来|进|入职|接手|上岗)[^，,。：:？?]{0,14}[，,。：:]"  # (who they have become)
                           r"|(?:审计|我们)?(?:核对|核实|确认|了解)一下[：:，,]|(?:换|转)个话题[，,：:]?|简单说(?!说|下|一下)[，,：:]?"
                           r"|再问一下[，,：:]?|另外(?:问下|问一下)?[，,：:]|先不说这个[，,：:]?|(?:请)?(?:判断|填空|选择)(?:题)?(?:一下)?[：:，,]"
                           r"|请(?:予|您)?(?:说明|列示|列出|提供|核实|分列)(?:一下)?[：:，,]?"  # (请予说明X: X is asked)
                           r"|(?:说明|列出|列示|给出|列举)(?:一下)?(?![里中上书的是部写内文材来])(?=[\u4e00-\u9fff]))")  # (说明区委办…: a demand)
# …麻烦给我三个数：A、B、C: a request for figures, opening the list of what is asked
_FIGURES_WANTED = patterns.compile(r"^[^：:？?]{0,60}?(?:麻烦|请)?(?:给|帮|告诉)(?:我|一下)?(?:[一二三两四五六七八九十\d]+|几)个(?:数字?|数据|金额|指标)[：:]\s*(?=\S)")
# 再问下X： / 说说X： opening a question that names what it asks itself.
_TOPIC_OPENING = patterns.compile(r"^(?:再|另外|还|接着)?(?:问下|问一下|说说|说下|看下|看看|聊聊)[^，,。：:？?]{1,12}[：:]\s*(\S.*)$")
# A bare question after the reason the last answer quoted (主要原因是怎么说的, 为什么): that reason.
_REASON_ASKED = patterns.compile(r"^(?:那)?(?:它|这个|这项|那项|其)?(?:没完成|未完成|没花完|没用完|完成得?不好|减少|增加|下降|变化)?(?:的)?"
                           r"(?:主要)?(?:原因|理由)(?:是)?(?:怎么说的|是什么|是啥|呢|有哪些|写的什么|说的什么)?[？?]?$"
                           r"|^(?:那)?(?:它|这个|这项|那项|其)?(?:为什么|为啥|为何)(?:没完成|没花完|会这样)?(?:呢)?[？?]?$"
                           r"|^(?:那)?(?:它|这个|这项|那项)(?:没完成|未完成|没花完)(?:是)?(?:什么|啥)原因[？?]?$")
# A greeting opening a question, and the words of wanting to know before what is asked.
_GREETING = patterns.compile(r"^(?:同志|领导|老师)?(?:你好|您好)[，,！!。]\s*(?=\S)")
_WANT_TO_KNOW = patterns.compile(r"^(?:我(?:想|要)?(?:了解|咨询|请教|打听)(?:一下|下)?"
                                 r"|(?:麻烦|劳驾|劳烦)(?:您|你)?(?:问一下|问下|打听一下)[，,：:]?"
                                 r"|(?:想|要|准备|打算)(?:照着|参照|参考|学习|仿照|借鉴)[^，,。：:？?]{0,20}[，,。：:])")
# How the asker wants the answer given, said after the question (给三个数就行, 只要数字).
_FORMAT_WISH = patterns.compile(r"[，,。]?\s*(?:请|麻烦)?(?:给(?:我)?|说|报)?(?:[一二三两四五六七八九十\d]+个)?(?<!小)数(?:字)?就(?:行|好|可以)了?"
                          r"|[，,。]?\s*只要数字?就?(?:行|好|可以)?"
                          # (…下面有哪几个项级科目？列一下编码: the codes are shown with the names anyway)
                          r"|[，,。？?]\s*(?:请|麻烦)?(?:列|写|标|带|附|给)(?:一下|上|出|明)?(?:科目)?(?:编码|代码|编号)[。.]?$")
# 换成项目支出看，… / 改看X，…: a measure switched to, said before the question that uses it.
_SWITCH = patterns.compile(r"^(?:那)?(?:换成|换到|改成|改看|切换到|切到|换个口径看?)([^，,。？?]{1,12}?)(?:来看|看|口径)?[，,]\s*(\S.+)$")
_ASIDE = patterns.compile(r"(?:我们?|本人)[局部委办处科室校院]?(?:想|要|在|是|打算|准备|会|正在)|谢谢|多谢|麻烦(?:了|您|你)|辛苦")
_COURTESY = patterns.compile(r"(?:同志|领导|老师)?(?:您好|你好|谢谢|多谢|感谢|劳烦|麻烦您|麻烦你|辛苦|打扰|不好意思|好的|明白了|了解了)"
                       r"|(?:哇塞?|天哪|好家伙|嚯|哦|噢|啊|呀)?(?:好多|这么多|真多|不少|好少|这么少)(?:啊|呀|哦|呢)?$")  # (哇好多！: said, not asked)
# A doubt said beside a question (你确定吗，…): the question says what would settle it.
_DOUBT = patterns.compile(r"(?:你|您)?(?:确定|肯定)(?:吗|嘛|么)|真的(?:吗|嘛|么)|没(?:错|搞错|弄错)(?:吧|吗)|不会错吧")
# A clause that only sets things aside for the next one (把这几个去掉，剩下的…): it asks nothing of its own.
_SETS_ASIDE = patterns.compile(r"(?:先)?把[^，,。？?]{1,12}(?:去掉|扣掉|除去|剔除|拿掉|排除|刨去|减掉)")
_CLAUSE_END = patterns.compile(r"(，|,(?!\d{3}(?!\d))|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff]))")  # (not the comma of 47,543,930)
# Words that make a clause a question of its own (多少, 几个, 是否 …); a clause without one says
# where or what, and is read together with the next (那几类 points at a level's items: it asks nothing).
_ASKS = patterns.compile(r"(?i)how\s+much|how\s+many|share|percent|ratio|which|多少|(?<!那)几|(?<=那)几(?![类款项])|哪|什么|啥|吗|有没有|还是(?![减少降跌增多涨升加高低大小])|分开(?:说|讲|列)|拆开(?:说|讲)|分别(?:说|讲)|有无|等不等于|对得上|对不上|(?<![这那多])么|呢|是否|是不是|占比|比例|比重|百分比|对不对|对吧|是吧|没错吧|怎么|咋|如何|为何|为什么|原因|多长|多久|多大|多高|用来干|干嘛用|干啥用|用途"
                   r"|(?:金额|数额)\s*$"  # (请列示X科目金额，及其…: a figure asked in writing)
                   r"|^\s*(?:合计|总计|一共|总共|共计|加起来|合起来|加总)\s*(?:呢|是)?\s*[？?]*\s*$"  # (…各多少，合计？: their total)
                   # 买不买 / 还买新车不 ask whether of their own; 算不算 / 一样不 ask it of the clause before
                   r"|(?!算)([\u4e00-\u9fff])[不没]\1|(?<!一样)(?<!相同)(?<!一致)(?<!对得上)(?<!相等)(?<!等于)(?<!算)[不没]\s*$")


# A clause that ends asking (公车有几辆 / 多少钱): a space after it starts another question.
# 及其列入基本支出抑或项目支出: a clause asking something more of what the one before names.
# 支出口径呢 / 项目这块呢 opening a line whose next clause asks its own question: the topic that question is of.
_TOPIC_LEAD = patterns.compile(r"^(?:那|再看|说说)?\S{1,8}?(?:口径|方面|角度|层面)(?:的话|来看|看)?呢?$")
_OF_IT = patterns.compile(r"(?:及|以及|并)其")
_ENDS_ASKING = patterns.compile(r"(?:多少(?:钱|元|万元|万)?|几[个辆张项人条类台套]?|吗|呢|么|啥|什么|哪些|哪个)\s*$")
# 哪几类，各占多少 / 有哪些，分别多少: a clause opening with 各 or 分别 asks of the things the one before names.
_EACH_OF = patterns.compile(r"(?:那)?(?:各|分别|各自|每(?:一)?(?:类|款|项|块|部分)(?:分别|各)?(?:是)?(?:多少|几))(?!.*(?:是否|等于|相加|加起来|对得上|一致))")  # (各类相加是否等于X: a check of its own)


# A part asking a comparison of its own (A和B差多少): a 各 part after it asks something else of the same names.
_COMPUTED_ASKED = patterns.compile(r"差(?:了)?多少|多多少|少多少|相差|几倍")  # (一共多少，分别落在哪: its parts, one question)
# 比X多了多少？涨幅多少: the rate of the gap just asked, answered with it (the gap over the figure compared with).
_RATE_OF_GAP = patterns.compile(r"^(?:那)?(?:涨幅|增幅|降幅|增长率|增速|幅度|变动率)(?:是|有)?(?:多少|几)")
_GAP_ASKED = patterns.compile(r"[多少差](?:了)?多少")


_ON_BASE = patterns.compile(r"(?:若|如果|假如|要是)?以[^，,。？?]{1,20}(?:为分母|做分母|作分母|为基数)"
                      r"|(?:若|如果|假如|要是)(?:按|拿|用)[^，,。？?]{1,20}(?:来?算|计算)"
                      r"|(?:那)?(?:这|该|此)(?:个)?(?:百分比|比例|比率|增幅|降幅|说法|数字?)")
# A statement of what the asker is checking (我核一下总表。…): it says where the question after it looks
_CHECKING = patterns.compile(r"(?:我|咱)?(?:想|要|来)?(?:核|查|看|对|复核|核对)(?:一下|下)?[^，,。？?]{1,10}")


# A figure the report states, said before a question that contrasts with it (表里写1084.38，可A加B是多少):
# not a figure to add, but the other side of a gap asked later on the line (差多少 / 两者相差多少).
_STATED_FIRST = patterns.compile(r"^(?P<said>[^，,。？?]*?(?:写|说|称|列|显示|为|是)[^，,。？?]*?(?<![\d.])(?P<n>\d[\d,]*(?:\.\d+)?\s*(?:亿元|万元|元|万)?))"
                           r"[，,]\s*(?:可是?|但是?|而|不过)?(?P<rest>.+)$")
_SIDELESS_GAP = patterns.compile(r"^(?:那)?(?:两者|二者|两个数?|两张表|两处|两边|它们)?(?:之间)?(?:相差|差额是|差额有|差了?)(?:多少|几)")


def _stated_first(question: str) -> tuple[str, str | None]:
    """The line without a figure stated before its question, and that figure when a gap is asked of it."""
    m = _STATED_FIRST.match(question)
    first = re.split(r"[？?。；;]", m["rest"])[0] if m is not None else ""
    if m is not None and not re.search(r"[，,]\s*(?:可是?|但是?|而|不过)", m.group(0)) and (
            not re.search(r"多少|几", first) or re.search(r"下面|其中|明细|加起来|相加|之和|合计|一致|对得上", first)):
        return question, None  # (X写的287.35万，下面9个明细加起来是多少: the parts of the figure stated, checked)
    if m is None or not re.search(r"相差|差额|差(?:了)?多少|差几", m["rest"]) \
            or re.match(r"[^，,。？?]*?(?:写|说|称|列|显示|为|是)[^，,。？?]*?\d", m["rest"]):
        # (…而Y为326.72万元: two figures stated, set against each other)
        return question, None
    return m["rest"], m["n"]


def _parts(question: str) -> list[str]:
    """The questions of one line: split at question marks and semicolons, and at commas between
    clauses that each ask something (a clause that asks nothing joins the next)."""
    rest, stated = _stated_first(question)
    if stated is not None:  # the gap asked with no side of its own is against the figure stated first
        parts = _split_parts(rest)
        for i, part in enumerate(parts):
            if _SIDELESS_GAP.match(squash(part)):
                parts[i] = f"跟{stated}相差多少"
                return parts
    return _split_parts(question)


def _split_parts(question: str) -> list[str]:
    pieces = []
    # 合计多少其中项目支出多少: a question ends where 其中/另外 opens another, typed without a comma
    question = re.sub(r"(多少(?:钱|万元|元)?|几[个项张]?|吗|呢)(?=其中|另外)", r"\1，", question[:MAX_QUESTION])
    question = re.sub(r"(多少(?:钱|万元|元)?|几[个项张辆台套名位人间处])、", r"\1，", question)  # 收入多少、支出多少 / 公车几辆、办公用房多少平: two questions
    # …, and how much of it is…: an English line of two questions, joined by a comma and "and"
    question = re.sub(r"[,，]\s*and\s+(?=(?:how|what|which|who|when|where|why|is|are|was|were|does|do|did)\b)", "? ",
                      question, flags=re.IGNORECASE)
    for sentence in _PART_END.split(question):
        # clauses with the separator typed before each (a comma, or the spaces of 公车有几辆 其中领导用车几辆)
        split = _CLAUSE_END.split(sentence)
        clauses = [(sep, c) for sep, c in zip([""] + split[1::2], split[0::2]) if squash(c)]
        merged: list[str] = []
        for sep, clause in clauses:
            if merged and (not _ASKS.search(merged[-1]) or _SETS_ASIDE.fullmatch(squash(merged[-1])) or not sep.strip() and not _ENDS_ASKING.search(merged[-1])
                           and not (_COUNT_ASKED.search(merged[-1]) and _FOUR_WORDS.match(_ASKS.split(clause)[0]))):
                # (一共有几辆公车 公务接待来了几批: two questions typed with a space between)
                merged[-1] += (sep if sep.strip() else " ") + clause
            else:
                merged.append(clause)
        if len(merged) > 1 and not _ASKS.search(merged[-1]) and not _OF_IT.match(squash(merged[-1])):
            last = merged.pop()
            merged[-1] += "，" + last
        pieces += merged
    out: list[str] = []
    for piece in pieces:
        if len(pieces) > 1 and (not _ASKS.search(piece) and (_COURTESY.match(squash(piece)) or _ASIDE.match(squash(piece)))
                                and not _how_wanted(squash(piece)) or _DOUBT.fullmatch(squash(piece))):
            continue  # 谢谢您。/ 劳烦您告知 / 我想就宣传开支提个建议: said to the listener, wherever it stands, it asks nothing
            # (你确定吗，文字里X写的是多少: the doubt is what the question beside it asks)
        of_it = _OF_IT.match(squash(piece))
        if out and _TOPIC_LEAD.match(squash(out[-1])) and _ASKS.search(piece):
            out[-1] = re.sub(r"(?:的话)?呢$", "", out[-1].rstrip("，, ")) + "，" + piece  # 支出口径呢，A和B各占多少: A, B of 支出
            continue
        if out and (len(squash(out[-1])) < 2 or not (_ASKS.search(piece) or of_it)
                    or not _ASKS.search(out[-1]) and (_ON_BASE.match(squash(piece)) or _CHECKING.fullmatch(squash(out[-1])))
                    or _EACH_OF.match(squash(piece)) and not _COMPUTED_ASKED.search(squash(out[-1]))
                    or _RATE_OF_GAP.match(squash(piece)) and _GAP_ASKED.search(squash(out[-1]))
                    or _WHERE_ONLY.match(squash(piece)) and _WANTS.match(squash(out[-1]))):
            # （含上年结转）/ 各占多少: a part that asks nothing new qualifies the one before; a statement before a
            # question of another base (报告称占100%。若以780.77万元为分母…) is what it asks about
            out[-1] += "，" + piece
        else:
            out.append(piece)
    return out or [question]


# A part that only names what the next one asks of (那X呢，干啥用的), and what that asks: what for, why, or where
# its money came from.
_WHAT_FOR = patterns.compile(r"干嘛|干啥|干什么|做什么|用途|用来|拿来|用在|用于|为什么|为啥|原因|怎么回事|来自|从哪|哪来|来源|什么钱")
_NAMED_ONLY = patterns.compile(r"(?:那|那么)?(.{2,30}?)呢")


def _named_then_asked(doc: Document, parts: list[str]) -> list[str]:
    """那其他住房保障支出呢，干啥用的: the name said first (asked as the last question was) is what the question
    after it, naming nothing, asks of."""
    said = _NAMED_ONLY.fullmatch(squash(parts[0])) if len(parts) == 2 else None
    if said is None or not _WHAT_FOR.search(parts[1]) or not read(said.group(1), doc).subjects or read(parts[1], doc).subjects:
        return parts  # (上年结转呢，占多少: a figure asked after it leans on the part before, as it did)
    return [parts[0], said.group(1) + parts[1]]


def _stated_before(part: str, before: Answer) -> bool:
    """What the part before already states: 哪个最大？多少？ / 哪个多？多多少？; a gap it gives (完成率最低的是哪项？
    年初预算和决算差多少 / 支出决算是多少？比年初预算少了多少)."""
    typed = squash(part)
    against = compute.AGAINST_TYPED.fullmatch(typed)  # (…和10.23对得上吗 after a check that set its sum against 10.23)
    if against and before.intent == "check" and any(str(f.value) == against.group(1).replace(",", "") for f in before.figures):
        return True
    if before.figures and any(before.intent == op and asked_again.match(typed) for op, asked_again in _STATED_BY.items()) \
            and (before.intent != "check" or any("之差" in f.label for f in before.figures)):
        return True
    return bool(_GAP_AGAIN.match(typed)) and (before.intent == "rank" and "相差" in before.text or before.intent == "difference"
                                              and any(f.label == "差额（计算）" for f in before.figures))


def _how_wanted(text: str) -> bool:
    """The clause says how the answer is wanted (我要换成元, 保留一位小数): it qualifies the question it follows."""
    return _unit_said(text) is not None or bool(lexicon.PLACES_WORDS.search(text))


def _unit_said(text: str) -> str | None:
    """The first unit a (squashed) text asks its figures in (多少元, 换成亿元), if any."""
    return next((unit for unit, words in lexicon.UNIT_WORDS.items() if words.search(text)), None)


def _pick(question: str, session: Session) -> str | None:
    """A follow-up that picks one of the last answer's numbered choices ('1', '第二个')."""
    if not session.choices:
        return None
    m = re.fullmatch(r"(?:选|要|看)?(?:第)?(\d{1,2})(?:个|项|条)?(?:吧|呢)?", chinese_numbers(squash(question)))
    if not m:
        return None
    index = int(m.group(1)) - 1
    return session.choices[index][1] if 0 <= index < len(session.choices) else None


def _of_last_list(doc: Document, q: Query, question: str, session: Session,
                  picked: bool) -> tuple[Query, bool, bool, Answer | None]:
    """The question with the items of the last list it points at put by their names: two at once
    (第一名是倒数第一的几倍, 最大的比最小的多多少) or one (后者属于哪个款, 第一类占多少); a sentence of a listed
    set of sentences pointed at is said as printed."""
    typed = re.sub(r"[“”\"「」『』]", "", chinese_numbers(normalise(question)))  # (the pointing words are read unquoted)
    pair = pointed_pair(q, session.listed, session.listed_amounts) if session.listed and not picked else []
    if pair:
        if all(word in typed for word, _ in pair):
            for word, name in pair:
                typed = typed.replace(word, name, 1)
            q, picked = _picked(doc, read(typed, doc), session)
    pointed = _pointed(q, session) if session.listed and not picked and not pair else None
    if pointed is not None:
        word, name = pointed
        if session.listed_sentences:  # 最后一条给我念一下 after the duties: that sentence, as printed
            return q, picked, True, Answer(True, "text", f"按「{word}」理解：{name}", understood=f"按「{word}」理解",
                                           document=doc.label)
        if word in typed:
            q = _of_listed_whole(read(typed.replace(word, name, 1), doc), session.last_query)
    return q, picked, pointed is not None, None


# 最大的那个项目 / 今年新安排的最贵的项目: a thing named by its place in a ranking of its kind.
_RANKED_NAME = patterns.compile(r"(?:(?:今年|本年|当年)?新安排的?|(?:上年)?结转的?)?(?:最大|最多|最贵|最高|最小|最少|最便宜|最低)"
                          r"(?:的)?(?:那个|那一个|一个|那)?(?:项目|科目|类|款)")
# Parts asked of a thing (往下分了哪几款, 下面有哪些项): the thing named by its place is broken down.
_PARTS_OF = patterns.compile(r"往下|下面|下级|底下|分(?:了|成|为)|包括|包含|构成|明细|细分|由哪")


def _ranked_named(doc: Document, q: Query, question: str) -> Query:
    """A comparison naming one side by its place in a ranking (它是今年新安排的最大那个项目的几倍), or the
    parts of a thing so named (最大的那类往下分了哪几款): that thing is the item the ranking puts there, by its name."""
    typed = chinese_numbers(normalise(question))
    if q.op not in ("ratio", "difference", "share") and not re.search(r"几倍|多少倍|差多少|多多少|少多少|相差|占", typed) \
            and not _PARTS_OF.search(typed):
        return q
    m = _RANKED_NAME.search(typed)
    if m is None or len(m.group(0)) == len(squash(typed)):
        return q
    found = lists.rank(doc, read(m.group(0) + "是哪个", doc))
    if found is None or not found.matched or len(found.focus) != 1:
        return q
    return read(typed.replace(m.group(0), found.focus[0].label.split("（")[0], 1), doc)


def _table_shown(session: Session) -> int | None:
    """The table the last question was about, when it was about one (它的合计 … 第一行呢: a row of it)."""
    last = session.last_query
    if last is None:
        return None
    said = [int(s.term.key) for s in last.subjects if s.kinds == {"table"}]
    return said[0] if said else last.table


def _asked_outright(doc: Document, q: Query, question: str, session: Session) -> Answer | None:
    """Asked before the conversation fills anything in: 主要原因是怎么说的 after an answer quoting the report's
    reason (that reason, as quoted), and a table's columns (三公经费那张表分哪几栏: its headings, which a blank
    template has too)."""
    if not q.subjects and session.last_reason and _REASON_ASKED.match(squash(question)):
        what, reason = session.last_reason
        return Answer(True, "text", f"{what}，报告给出的原因：{reason}。", understood=what, document=doc.label)
    if q.table is None and session.last_figures and _SOURCE_ASKED.search(q.squashed) \
            and (shown := _figures_asked_of(q, session.last_figures)):
        return _source_of_last(doc, shown)
    if text.LABELS_ASKED.search(q.squashed) and (found := text.printed_labels(doc, q)) is not None:
        return found  # 表九的表号写法跟别的表一样吗: the table numbers as printed
    if (found := lists.row_at(doc, q, _table_shown(session))) is not None:
        return found  # 表二倒数第二行是什么: that row as printed
    if not q.subjects and (outline.WHOSE_REPORT.match(q.squashed) or outline.KIND_ASKED.search(q.squashed)):
        return outline.whose_report(doc)  # 这是哪个单位的预算 / 预算还是决算: the report itself
    if outline.DATE_ASKED.search(q.squashed) and outline.of_the_report(q):
        return outline.report_date(doc)  # 什么时候公开的: the date its cover prints
    if (found := lists.same_amounts(doc, q)) is not None:
        return found  # 哪几个项目金额一样: those sharing a figure
    if (found := outline.part_named(doc, q)) is not None:
        return found  # 第二部分讲什么 / 说明里第三点: that part of the report, as headed
    if (found := text.tables_with_column(doc, q)) is not None:
        return found  # 哪张表有X这一列: the tables whose headings have it
    if (found := printed.amount_printed(doc, q)) is not None:  # 35.89万是什么钱: where the amount is printed,
        if focus := _focus(found, doc):  # and what printed it is what 它 asks of next
            session.last_query, session.last_focus = replace(q, subjects=focus, op="value"), []
        return found
    named = q.missing or next((m.term.name for m in q.subjects if "三公" not in m.term.name), "")
    if (found := topics.three_public_member(doc, q, named)) is not None:
        return found  # 培训费算不算三公: by the definition, whether or not the report prints the item
    if figures.counted_under_class(q) and (found := figures.government_class(doc, q)) is not None:
        return found  # 归到办公经费的那几项加起来多少: the items under that class, summed
    return _table_layout(doc, q, session)


# Where the figure just given was printed, asked of it (这个数是从哪张表来的, 出自哪一行, 在哪张表第几行).
_SOURCE_ASKED = patterns.compile(r"(?:这|那|该|它|其)[^，,。？?]{0,6}(?:(?:从|在|出自|来自|取自)(?:哪|那)(?:一)?(?:张|个)表|出处|出自哪|哪一?行|第几行)"
                                 r"|^(?:出自|来自|取自)(?:哪|那)(?:一)?(?:张|个)表")
# A figure just given pointed at by the name it was given under (财政拨款那个数在哪张表里).
_FIGURE_POINTED = patterns.compile(r"(?:那|这)(?:个|一)?(?:数|数字|金额|笔钱)")


def _figures_asked_of(q: Query, figures: list) -> list:
    """The figures of the last answer a question about their source is asked of: all of them when it names
    nothing; those given under the name it says when it points at a figure by name (财政拨款那个数)."""
    if not q.subjects:
        return figures
    if not _FIGURE_POINTED.search(q.squashed):
        return []
    names = [squash(t.name) for m in q.subjects for t in m.terms if t.name]
    return [f for f in figures if any(n and n in squash(f"{f.label}{f.table or ''}") for n in names)]


def _source_of_last(doc: Document, figures: list) -> Answer:
    """The table and line of each figure the last answer gave (a computed one says it was computed)."""
    printed = {t.label: text.as_printed(doc, t) for t in doc.tables}  # (表13（表十三）: the number as the report prints it)
    said = [f"{f.label} {amount_text(f.value, f.unit)}：" + (f"出自{printed.get(f.table, f.table)} 第{f.line}行"
                                                          if f.table and f.line else "为计算所得") for f in figures[:6]]
    a = build.answer("about", "上一个回答中数字的出处", "；".join(said) + "。")
    a.document = doc.label
    for f in figures[:6]:
        a.figure(f.label, f.value, f.unit, f.table, f.line)
    return a


# The table just shown, pointed at (它支出那边分哪几栏, 这张表没数据怎么标注).
_POINTED_TABLE = patterns.compile(r"^(?:那|这)?它|(?:这|那|该|本)(?:一)?(?:张|个)?表|^其")
# A table named and nothing else asked of it (上年结转那张项目表呢): the same of it as of the table before.
_TABLE_AGAIN = patterns.compile(r"(?:那|这)?(?:个|张)?(?:呢|吧|怎么样|如何)?[？?。]*$")


def _table_layout(doc: Document, q: Query, session: Session) -> Answer | None:
    """A table's columns, rows, 栏次, notes or title asked (三公经费那张表分哪几栏, 这张表没数据是怎么标注的),
    of the table named, else of the table just shown; the performance sheets' title and indicator levels."""
    aspects = layout.aspects_asked(q.squashed)
    named = [m for m in q.subjects if "table" in m.kinds]
    if not aspects and session.layout_asked and len(named) == 1 and len(q.subjects) == 1 \
            and _TABLE_AGAIN.match(q.squashed[named[0].end:]):
        aspects = session.layout_asked
    session.layout_asked = []
    if not aspects:
        return None
    if (found := layout.sheet_layout(doc, q, aspects)) is not None:
        return found
    last = session.last_query
    if q.table is None and not any(t.kind == "table" for m in q.subjects for t in m.terms) and last is not None \
            and (not q.subjects and aspects == ["columns"] or _POINTED_TABLE.search(q.squashed)):
        shown = last.table or next((int(t.key) for m in last.subjects for t in m.terms[:1] if t.kind == "table"), None)
        q = replace(q, table=shown)  # 这些列里哪一列有数: the columns of the table just shown
    found = layout.layout(doc, q, aspects)
    if found is not None and (q.table or q.subjects):
        session.last_query = q  # (the table shown is what a follow-up about its layout is of)
        session.layout_asked = aspects
    return found


def _as_later_part(q: Query, question: str) -> Query:
    """A later question of a line leans on the one before unless it names its own subject."""
    q = without_loose_totals(q)
    if q.subjects and all(m.via == "whole" for m in q.subjects) and not re.search(r"收入|支出", question):
        # 2013105是什么，多少钱: of 2013105 (收入多少、支出多少: the side named is the report's total of it)
        q = replace(q, subjects=[])
    elif q.subjects and all(m.via == "synonym" and squash(m.term.name).endswith(REPORT_TOTALS) for m in q.subjects) \
            and not re.search(r"收入|支出|总|一共|全部|合计|全年|一年", question):
        q = replace(q, subjects=[])  # X收进来多少，实际花出去多少: X's spending, not the report's whole
    q.follow_up = q.follow_up or not q.subjects or all(measure_word(q, m) for m in q.subjects)
    return q


def _computed_asked(doc: Document, q: Query, question: str, session: Session, picked: bool) -> Answer | None:
    """Arithmetic on figures typed (303.62加780.77等于多少), on the figure just given (上一个的一半是多少), or a
    stated rate recomputed from the figures just shown (报告写95.45%，用这两个数复核)."""
    found = typed.arithmetic(doc, q) if not picked else None
    found = found or typed.of_last_figure(question, session.last_figures) or typed.off_last_figure(q, question, session.last_figures)
    return found or typed.rate_of_shown(q, question, session.line_figures)


def _picked(doc: Document, q: Query, session: Session) -> tuple[Query, bool]:
    """Words picking figures just shown (the last answer's first) or stated in the same sentences as a
    total or topic named: the question asked of those figures. A topic named with them (服务类采购占多少
    after 政府采购's parts) only says whose parts they are."""
    stated = _stated_beside(doc, q)  # (货物占政府采购总额多少: the figures stated with the total named)
    # (a question naming a table or a list of its own picks nothing shown: 表六里…最大和最小的分别是哪个)
    topical = all(m.kinds == {"topic"} for m in q.subjects) and (q.subjects or q.table is None and not q.domain) \
        or bool(stated)
    labels = list(dict.fromkeys(session.shown + stated))
    if q.subjects and all(m.kinds == {"fact"} and m.via == "partial" and m.term.name in stated for m in q.subjects):
        return q, False  # (政府采购里工程采购多少: the stated figure whose label the words open is the one asked)
    picked = (shown_mentions(q, session.last_shown, doc) or shown_mentions(q, labels, doc)) \
        if (session.shown or stated) and topical else []
    op = "value" if q.op in ("help", "text", "about") or not q.cued else q.op  # (货物部分呢: its figure, no operation asked)
    whole = shown_whole(labels, picked, doc) if picked and op == "share" else None
    if whole is not None:  # (服务类占采购总额多少: the total named is the whole, not a part; 占采购总额多少
        picked = [m for m in picked if m.term.key != whole.term.key]  # alone names no part: the last one's)
    if not picked:
        return q, False
    return replace(q, subjects=picked, follow_up=False, op=op, ops=[(100.0, op)] + q.ops, whole=whole), True


def _stated_beside(doc: Document, q: Query) -> list[str]:
    """When every name a question types is a figure the text states, or a topic it states figures of: the
    labels of the figures stated in the same sentences (政府采购预算总额 → its 货物, 工程, 服务)."""
    named = q.subjects + ([q.whole] if q.whole is not None else [])
    if not named or not all(m.kinds <= {"fact", "topic"} for m in named):
        return []
    words = {t.name for m in named for t in m.terms if t.kind == "fact"}
    words |= {TOPIC_FACT_WORDS.get(t.key, t.key) for m in named for t in m.terms if t.kind == "topic"}
    sentences = {f.sentence for f in doc.facts if f.kind == "amount" and (f.label in words or any(w in f.label for w in words))}
    return [f.label for f in doc.facts if f.kind == "amount" and f.sentence in sentences]


def _column_against_last_table(doc: Document, q: Query, session: Session) -> Answer | None:
    """表五的项目支出只有246.89，差额是多少: a column read in a table named, set against the same column just
    given from another table (their gap, and what the two titles say of it)."""
    if q.op != "difference" or q.table is None or len(q.subjects) != 1 or "column" not in q.subjects[0].kinds:
        return None
    column = q.subjects[0].term.name
    for _, figure, _ in reversed(session.results):
        other = next((t.no for t in doc.tables if t.label == figure.table and t.no != q.table), None)
        if other is not None and column in figure.label:
            return compute.across_tables(doc, [other, q.table], column)
    return None


def _on_listed(doc: Document, q: Query, session: Session) -> Answer | None:
    """A question of the items the last list showed (这几项加起来, 前三个, 剩下的呢, 这俩差多少), answered of them."""
    last = session.last_query
    found = compute.on_listed(doc, q, session.listed, session.listed_amounts, session.listed_unit,
                              fresh=len(session.history) - session.listed_at <= 1,
                              listing=last is not None and last.op in LISTING_OPS and len(last.subjects) <= 1,
                              top=session.listed_top,
                              complete=last is not None and last.op in ("list", "filter", "breakdown"),
                              narrowed=_narrowed(session))
    if found is not None:
        if found.intent == "rank":  # (第二个呢 after 按金额排一下: the second of that order)
            session.listed = [row[1] for row in found.rows]
            session.listed_amounts = [row[2] for row in found.rows]
        _remember_result(session, found)  # (前三个加起来多少，占X多少: of that sum)
        session.listed_at = len(session.history)  # (前三加起来 … 剩下的呢: the list is still the one in use,
        session.listed_top = compute.first_n(q) or session.listed_top  # its first three picked)
    return found


# The largest or smallest of a list set aside (去掉最大的那个，剩下的合计多少 / 不算最少的那项).
_EXTREME_SET_ASIDE = patterns.compile(r"(去掉|除去|扣掉|扣除|不算|除了|刨去|拿掉|减掉|排除|剔除)(?:金额)?(?:最大|最多|最高|最贵|(最小|最少|最低|最便宜))"
                                      r"的?(?:那个|那项|那一项|一项|那笔|那一笔|一个|那一个|那类|那一类)?")


def _extreme_named(question: str, session: Session) -> str:
    """去掉最大的那个 right after a list showing amounts: the item it points at, by its name (as 去掉X says it)."""
    amounts = session.listed_amounts
    m = _EXTREME_SET_ASIDE.search(question)
    if m is None or len(session.history) - session.listed_at > 1 or len(session.listed) < 2 \
            or len(amounts) != len(session.listed) or any(a is None for a in amounts):
        return question
    pick = (min if m.group(2) else max)(range(len(amounts)), key=lambda i: amounts[i])
    if sum(a == amounts[pick] for a in amounts) > 1:
        return question  # (two of the same amount: no one item is pointed at)
    name = re.sub(r"^\d{3,7}\s*", "", session.listed[pick])  # (a code's item by its name: 去掉X, as typed)
    return question[:m.start()] + m.group(1) + name + question[m.end():]


def _shown_parts_named(question: str, session: Session) -> str:
    """买东西和买服务各多少 after 政府采购's parts were shown: those parts, by the names they were shown with."""
    for word, part in lexicon.SHOWN_PART_WORDS.items():
        if word in question and any(part in label and "采购" in label for label in session.shown):
            question = re.sub(f"(?<!购){word}", part, question)  # (政府购买服务 is a name of its own)
    return question


# A ranked place named inside a question that asks something else of it (结转项目里最大的那个占结转总额多少,
# 最大的一项比最小的一项多多少, 本年项目里最大的比第二大的多多少), and the words asking that something else.
_PLACE_SAID = patterns.compile(r"(?:第([一二三四五六七八九十\d])|最)(大|多|高|贵|小|少|低|便宜)的(?:那个项目|那一项|那个|那项|一项|那笔|一个|项目)?")
_ASKED_OF_PLACE = patterns.compile(r"比|占|相差|差多少|差额")


def _places_named(conn, doc: Document, question: str) -> str:
    """Each ranked place the question names, where it asks something else of them, said by the name of the
    one ranked there (the ranking read in what the question names before the first place): 结转项目里最大的那个
    占结转总额多少 is 安可替代工程占结转总额多少. The question as typed when a place ranks nothing."""
    typed = squash(normalise(question))
    places = list(_PLACE_SAID.finditer(typed))
    if not places or not places[0].start() or not _ASKED_OF_PLACE.search(_PLACE_SAID.sub(" ", typed[places[0].end():])) \
            or re.search(r"的(?:那个|那项|一项)?(?:和|与|跟|及)(?:最|第)", typed):
        return question  # (asked after the place, not before it: 比上年降幅最大的; both ends joined: a ranking's own)
    within, names = typed[:places[0].start()], []
    for m in places:
        ranked = _answer(conn, doc, f"{within}{m.group(0)}是哪个", Session())
        if not ranked.matched or ranked.intent != "rank" or not ranked.focus:
            return question
        names.append(ranked.focus[0].label)
    if len(set(names)) < len(names):
        return question
    rest, at = "", 0
    for m, name in zip(places, names):
        rest += typed[at:m.start()] + name
        at = m.end()
    return (rest + typed[at:])[len(within):]


def _answer(conn, doc: Document, question: str, session: Session, continuing: bool = False) -> Answer:
    """Read one question, fill its gaps from the conversation, refuse or execute it."""
    session.unanswered = None
    question = _places_named(conn, doc, question)
    question = _extreme_named(_shown_parts_named(question, session), session)
    q = read(question, doc)
    if continuing:  # a later question of the line: 基本支出和项目支出各多少 asks it of the one before
        q = _as_later_part(q, question)
    if len(session.history) - session.listed_at <= 1 and (
            rest := compute.rest_of_filter(doc, q, session.last_query, session.listed)) is not None:
        return rest  # 剩下的项目合计多少 after a filter: the ones it left out
    q, picked = _picked(doc, q, session)
    q, picked, pointed, said = _of_last_list(doc, q, question, session, picked)
    if said is not None:
        return said
    q = _ranked_named(doc, q, question) if not picked and not pointed else q
    q = compute.in_table_of_whole(doc, q)
    if (found := _computed_asked(doc, q, question, session, picked or pointed)) is not None:
        _remember_result(session, found)  # (A加B是多少？跟X差多少: of that sum)
        return found
    if (found := _asked_outright(doc, q, question, session)) is not None:
        return found
    if not picked and (found := compute.rest_of_last(doc, q, session.last_query)) is not None:
        return found  # 剩下的呢 after a share (其余的财政拨款支出: the rest's words may name its whole)
    if not picked and (found := _on_listed(doc, q, session) or _column_against_last_table(doc, q, session)) is not None:
        return found
    if (found := (compute.rate_gap(q, session.rates) if not q.subjects else None) or compute.points_against(q, session.last_figures)):
        return found  # 比44.90%高几个百分点
    found = compute.on_last_result(doc, q, session.results) if not picked and not pointed else None
    if found is not None:
        _remember_result(session, found)  # (再加上X, then 这几项占Y: of the new total)
        return found
    summed = session.last_query is not None and session.last_query.op == "sum" and len(session.last_query.subjects) >= 2
    if not (q.subjects and q.op not in ("share", "check") and not compute.names_last_two(q, session.results)) \
            and not picked and not pointed \
            and not (continuing and summed and not re.search(r"上面|刚才|前面|之前|上一个", question)):
        # (A与B分别多少，差多少: those two, not an older result; 跟上面那个差多少: the older one)
        found = compute.of_last_results(doc, q, session.last_figures, session.results)  # 哪个多 / 三家加起来
        if found is not None:  # (the two results stay the last two: 哪个多, then 两者加起来占多少)
            return found
    unknown = _unknown_part(doc, q)
    if unknown:  # 那其中公路建设安排了多少: a part the report does not print is not the last subject's figure
        session.unanswered = q
        return _unmatched(doc, "no_match", f"报告（{doc.label}）没有列出「{unknown}」的金额，没有它的数字。", q)
    last = session.last_query
    if (last is None or last.subjects and all(m.via == "whole" for m in last.subjects)) \
            and (found := compute.headline_measure(doc, q)) is not None:
        return found  # 年初预算多少, first asked of a 决算 or after its total: the department's own
    q = _table_of_last_figures(_names_shown(q, session), session)
    q = _scopes_of_last(doc, q, question, session) or with_context(q, session.last_query, session.last_focus, tuple(session.earlier), doc)
    q = scope_parts(same_reading(q, session.last_query, doc), doc)
    found = gaps.gap_source(doc, q, session.last_figures) or gaps.same_subject(doc, q, session.last_figures)
    if found is not None:  # 差在哪个科目 / 和表5里的X对得上吗: of the figures just given
        return found
    if q.previous_year and (q.op == "value" or q.follow_up and q.op not in ("change", "check")) \
            and not (q.op in ("rank", "count", "list") and q.ops[0][0] >= 60) \
            and not any(_year_figure_typed(q, y) for y in q.years):
        # last year's figure (那上年呢) from a stated change; not a year's figure typed, nor items ranked (去年X里哪项最多)
        q = replace(q, op="change", ops=[(100.0, "change")])
    refusal = refuse(doc, q, session.comparing)
    found = _answered_anyway(conn, doc, q, refusal)
    if found is not None:
        return found
    if refusal:
        first = q.subjects[0] if q.subjects and not q.follow_up else None
        if first is not None and first.via == "exact" and first.start < 10_000 and first.kinds & {"project", "code", "item"}:
            # (安可替代工程采购了哪些设备, refused: 它 next is still that project)
            session.last_query = replace(q, subjects=[first], op="value", ops=[(100.0, "value")])
            session.last_focus = []
        session.refused = q.refused or f"report:{q.text}"  # (another year or kind: 那2024年的呢 asks it again)
        return _unmatched(doc, "out_of_scope", refusal, q)
    answer = execute(conn, doc, q)
    if answer is None or not answer.matched:
        session.unanswered = q
    if answer is None:
        return _unmatched(doc, "no_match", _silent_topic(doc, q), q)
    if answer.matched:
        _remember(session, _also_of_last_code(conn, doc, q, answer, session), q, doc)
        _as_asked(answer, q)
    return answer


def _also_of_last_code(conn, doc: Document, q: Query, answer: Answer, session: Session) -> Answer:
    """基本支出和项目支出各多少 right after one code: read as the report's own (as most ask it), with that code's
    figures in the same columns beside them, the other close reading of the same words."""
    last = session.last_query
    if last is None or q.follow_up or len(q.subjects) < 2 or len(last.subjects) != 1 or not last.subjects[0].of("code") \
            or not all("column" in m.kinds and m.start < 10_000 for m in q.subjects):
        return answer
    code = last.subjects[0].of("code")[0].key
    if any(f.label.startswith(code) for f in answer.figures):
        return answer  # (read of the code already)
    words = "和".join(q.squashed[m.start:m.end] for m in q.subjects)
    other = execute(conn, doc, read(f"{code}的{words}各多少", doc))
    if other is None or not other.matched or not other.figures:
        return answer
    said = re.sub(r"^按「[^」]*」理解：", "", other.text)
    answer.text += f"（若问的是刚才的 {' '.join(other.figures[0].label.split(' ')[:2])}：{said}）"
    answer.figures += other.figures
    return answer


# Whether the figure asked again elsewhere is the one just given (表5里也是这个数吗, 也一样吗).
_SAME_AS_LAST = patterns.compile(r"也是(?:这个|这|那个)?(?:数|金额|这么多)|也一样|一样吗|相同吗|也对得上")


def _set_against_last(answer: Answer, q: Query, last_figures: list) -> None:
    """表5里也是这个数吗 after a row's figure: the figure found, said equal to the one just given or not, and by
    how much."""
    if answer.intent != "value" or not _SAME_AS_LAST.search(q.squashed) or not answer.figures:
        return
    found = answer.figures[0]
    before = next((f for f in last_figures if f.label == found.label and f.unit == found.unit and "计算" not in f.label
                   and (f.table, f.line) != (found.table, found.line)), None)
    if before is None:
        return
    where = f"{before.table} 第{before.line}行" if before.table else "刚才的回答"
    if before.value == found.value:
        answer.text += f"与{where}的 {amount_text(before.value, before.unit)} 一致。"
        return
    gap = abs(before.value - found.value)
    answer.text += f"与{where}的 {amount_text(before.value, before.unit)} 不一致，差 {amount_text(gap, found.unit)}。"
    answer.figure(before.label, before.value, before.unit, before.table, before.line)
    answer.figure("两处之差（计算）", gap, found.unit)


def _as_asked(answer: Answer, q: Query) -> None:
    """The answer's figures in the unit and to the places asked (多少元, 保留一位小数); a figure asked of with
    one unit typed (标题写208.8万元…到底多少) in the unit the figures were typed in."""
    units = {a.unit for a in q.amounts if a.unit}
    asked = sorted((m.start(), unit) for unit, words in lexicon.UNIT_WORDS.items() if (m := words.search(q.squashed)))
    for _, unit in asked[:-1]:  # (换算成元是多少？再换成亿元: each unit asked, in the order asked)
        convert_units(answer, replace(q, unit=unit))
    convert_units(answer, q if q.unit or len(units) != 1 or answer.intent != "value" else replace(q, unit=units.pop()))
    round_figures(answer, q)
    _column_holding(answer, q)


def _column_holding(answer: Answer, q: Query) -> None:
    """X算基本支出还是项目支出: of the columns asked between, the one that holds its money, said in words."""
    if answer.intent != "value" or len(q.measures) < 2 or not re.search(r"还是|或是|或者", q.squashed):
        return
    held = {c: [f.value for f in answer.figures if f.label.endswith(f" {c}")] for c in q.measures}
    if not all(held.values()):
        return
    nonzero = [c for c in q.measures if any(held[c])]
    if len(nonzero) == 1:
        answer.text += f"即全部列在{nonzero[0]}（{'、'.join(c for c in q.measures if c not in nonzero)}为 0）。"
    elif nonzero:
        answer.text += f"{'和'.join(nonzero)}都有数。"


def _remember(session: Session, answer: Answer, q: Query, doc: Document) -> None:
    """What an answer leaves for the next question to lean on: its query and focus, the reason it quoted,
    the figures it showed, the list it gave, its result and the rate of change it gave. A question about the report
    itself that names nothing (单位是什么, 一共几张表) leaves the conversation's subject where it was."""
    if answer.intent == "about" and not q.subjects and q.table is None and not answer.figures and session.last_query is not None:
        return
    _set_against_last(answer, q, session.last_figures)  # (before the figures it is set against are forgotten)
    if session.last_query is not None:  # (a ranking said the item it picked: 最贵的那个, then 排第二的, are 这两个)
        said = session.last_focus[:1] if session.last_query.op == "rank" and session.last_focus else session.last_query.subjects[:1]
        session.earlier = (session.earlier + said)[-5:]
    ranked = session.last_query is not None and session.last_query.op == "rank" and session.listed_at == len(session.history)
    session.last_query, session.last_focus = _budget_remembered(q, answer, doc), _focus(answer, doc)
    stated = re.search(r"原因[：:]([^（]+)", answer.text)
    session.last_reason = (answer.understood, stated.group(1).rstrip("。；; ")) if stated else None
    session.last_figures = list(answer.figures)
    shown = [f.label for f in answer.figures]  # figures of recent answers, latest first
    session.shown = list(dict.fromkeys(shown + session.shown))[:40]
    session.last_shown = shown
    listed, amounts = _listed(answer)
    if ranked and answer.intent in ("count", "list") and amounts and set(session.listed) <= set(listed) \
            and len(session.listed_amounts) >= 2:  # (…排第一的是哪个？总共几个: the items counted, in the order just ranked)
        descending = session.listed_amounts[0] >= session.listed_amounts[-1]
        order = sorted(zip(listed, amounts), key=lambda pair: -pair[1] if descending else pair[1])
        listed, amounts = [n for n, _ in order], [a for _, a in order]
    if not listed and answer.intent in ("filter", "list"):
        session.listed, session.listed_amounts = [], []  # (a list of none or one: the older list is not the one shown)
    if listed and answer.intent not in ("ratio", "difference", "share"):  # (a computation of two keeps the list they came from)
        session.listed, session.listed_amounts = listed, amounts
        session.listed_unit = answer.rows[0][answer.columns.index("单位")] if "单位" in answer.columns and answer.rows else None
        session.listed_at = len(session.history)
        session.listed_sentences = "名称" not in answer.columns
        # the places up to the last one the ranking picked (第四位: the four before and at it)
        picked = max((listed.index(v.label) + 1 for v in answer.focus if v.label in listed), default=len(answer.focus))
        session.listed_top = picked if answer.intent == "rank" and picked < len(listed) else 0
    _remember_result(session, answer, q)
    rate = next((f for f in answer.figures if "变动率" in f.label and f.unit == "%"), None)
    if answer.intent == "change" and rate is not None and not (session.rates and session.rates[-1][1].label == rate.label):
        session.rates = (session.rates + [(rate.label.split("变动率")[0], rate)])[-2:]


def _budget_remembered(q: Query, answer: Answer, doc: Document) -> Query:
    """A 决算's outturn set against a budget its text states: that budget is a column the question asked (那X呢 and
    差了多少 ask it again), though no table prints it."""
    if doc.kind != "决算" or answer.intent != "difference" or any(b in q.measures for b in lexicon.BUDGETS) \
            or not compute.asks_budget_vs_outturn(doc, q):
        return q
    asked = [b for b in lexicon.BUDGETS if q.has(b)] or [b for b in lexicon.BUDGETS if any(b in f.label for f in answer.figures)]
    return replace(q, measures=q.measures + asked[:1]) if asked else q


def _of_listed_whole(q: Query, last: Query | None) -> Query:
    """最大的那个款占多少比例: an item picked from a list of parts has its share taken of the whole whose
    parts were just listed; an item picked from a fund's ranking is read in that fund's money."""
    if q.op == "share" and q.whole is None and last is not None and last.op in ("breakdown", "count", "list", "rank") \
            and len(last.subjects) == 1 and last.subjects[0].kinds & {"code", "row", "column"}:
        return replace(q, whole=replace(last.subjects[0], start=10_000, end=10_000))
    if last is not None and last.fund and q.fund is None and q.op == "value" and last.op in ("rank", "list", "filter") \
            and len(q.subjects) == 1 \
            and q.subjects[0].kinds & {"code", "item"} and q.subjects[0].fund is None:
        # (最后一个是哪个 after 财政拨款支出 ranked: the item's figure of that fund, as ranked)
        return replace(q, fund=last.fund, subjects=[replace(q.subjects[0], fund=last.fund)])
    return q


_WITHIN_FIGURE = patterns.compile(r"(?:那|那么)?(?:其中|(?:这|那)?\d[\d.,]*(?:万元|万|元)?(?:里面|里头|当中|中间)"
                                  r"|(?:这|那)一?(?:部分|块|笔)(?:支出|钱|资金|经费)?(?=里|中|当中|按|，|,))")


def _scopes_of_last(doc: Document, q: Query, question: str, session: Session) -> Query | None:
    """本年新安排的和上年结转的各是多少 after one name's figure: that name's figure of each scope, read as if
    the name were typed before them."""
    last = session.last_query
    if q.subjects or q.scope != "全部" or not re.search(r"各|分别", q.squashed) or last is None or len(last.subjects) != 1:
        return None
    again = read(last.subjects[0].term.name + question, doc)
    return again if len(again.subjects) >= 2 else None


def _unknown_part(doc: Document, q: Query) -> str:
    """其中X… / 那38610万元里面X…: the X asked for within what was just given, when the reader knows no such
    name and the report never prints it."""
    if q.subjects or q.excluded or not _WITHIN_FIGURE.match(q.squashed) or not re.search(r"多少|金额", q.squashed):
        return ""  # (这部分里再去掉差旅费: a name set aside is a name known)
    scope_words = {w for words in lexicon.SCOPE_WORDS.values() for w in words}
    words = [w for w in unexplained(q) if not any(w in c or c in w for c in q.cue_words) and w not in scope_words
             and not w.startswith(("其中", "那其中")) and not re.search(r"[哪几谁]|什么", w)]
    printed = printed_text(doc)
    figured = [f.label for f in doc.facts if f.kind == "amount"] + [r.name for t in doc.tables for r in t.rows]
    # (主要用于铁路建设…: a name the text mentions with no amount of its own is no figure either)
    return next((w for w in words if len(w) >= 2 and (w not in printed or not any(w in label for label in figured))), "")


_SAID_BEFORE = patterns.compile(r"刚才|刚刚|前面|上面|之前|先前|方才")


def _names_shown(q: Query, session: Session) -> Query:
    """刚才说的行政运行、一般行政管理事务和城市建设支出: a name several codes print is the one of them recent
    answers showed."""
    if not _SAID_BEFORE.search(q.squashed) or not session.shown:
        return q
    shown = " ".join(session.shown)
    subjects, narrowed = [], False
    for m in q.subjects:
        codes = [t for t in m.terms if t.kind == "code"]
        seen = [t for t in codes if re.search(rf"(?<!\d){t.key}(?!\d)", shown)]
        if len(codes) >= 2 and len(seen) == 1:
            m, narrowed = replace(m, terms=seen), True
        subjects.append(m)
    return replace(q, subjects=subjects) if narrowed else q


# The table the conversation is at, pointed at (这张表各项目加起来…, 该表合计).
_THIS_TABLE = patterns.compile(r"(?:这|该|此)(?:一)?(?:张|个)?表")


def _table_of_last_figures(q: Query, session: Session) -> Query:
    """这张表… when the last question named no table: the one table every figure of the last answer came from."""
    last = session.last_query
    if q.table is not None or q.subjects or last is None or last.table is not None or not _THIS_TABLE.search(q.squashed):
        return q  # (X与该表是否一致: X against the table it is printed in, found from X)
    tables = {int(m.group(1)) for f in session.last_figures if f.table and (m := re.match(r"表(\d+)", f.table))}
    sourced = all(f.table for f in session.last_figures if "计算" not in f.label and f.unit != "%")
    return replace(q, table=tables.pop()) if len(tables) == 1 and sourced else q


def _narrowed(session: Session) -> bool:
    """The list just shown is what a filter picked out (a ranking naming nothing then ranks those)."""
    return session.last_query is not None and session.last_query.op == "filter" \
        and len(session.history) - session.listed_at <= 1


def _pointed(q: Query, session: Session) -> tuple[str, str] | None:
    """The item of the last list the question points at (its words, the item); 第二个 after a ranking
    is its second place, which the conversation's context gives, not the second row shown."""
    if q.domain in ("duties",) + UNIT_DOMAINS and not session.listed_sentences:
        return None  # 职责第六条: a place in the list it names, not in the last one shown
    pointed = pointed_item(q, session.listed, session.listed_amounts, _narrowed(session))
    if pointed is not None and q.op == "rank" and q.cued and re.match(r"第\d+(?:名|位)|倒数", pointed[0]) \
            and (re.search(r"排|按|金额|最|大|小|高|低|前|后", q.squashed.replace(pointed[0], ""))
                 or session.last_query is not None and session.last_query.op == "rank"):
        return None  # 按金额排序，第三位是哪个: a place in the ranking it asks, not in the last list (倒数第二个是多少: the list's)
    if pointed is not None and pointed[0].startswith("倒数") and q.subjects:
        return None  # 上年结转项目中倒数第二: a place in the list it names
    ranked = session.last_query is not None and session.last_query.op == "rank"
    later = pointed is not None and pointed[0].startswith("第") and not pointed[0].startswith(("第1", "第一"))
    return None if ranked and later else pointed  # (第一名占多少 after a ranking: its first, shown)


def _listed(answer: Answer) -> tuple[list[str], list]:
    """The items an answer lists, in order (code and name when it shows codes), and their amounts when
    it shows one for each: what 前者, 第二类, 最后一项 and 最大的那个 of the next question point at.
    Nothing when it lists fewer than two, unless it ranks."""
    cols = answer.columns
    text = next((c for c in ("职责", "内容", "指标") if c in cols), None)
    if "名称" not in cols and text is not None:  # a list of sentences (the duties): each as printed
        line = cols.index("行") if "行" in cols else None
        said = [str(row[cols.index(text)]) + (f"（第{row[line]}行）" if line is not None else "") for row in answer.rows]
        return (said, []) if len(said) >= 2 else ([], [])
    if "名称" in cols:
        name, code = cols.index("名称"), cols.index("科目编码") if "科目编码" in cols else None
        # the amounts: a 金额 column, or the one column after the names that a column asked is shown in
        after = name + 1 if name + 1 < len(cols) and cols[name + 1] not in ("单位", "行") \
            and not re.search(r"%|率|占比|比重", cols[name + 1]) and all(isinstance(row[name + 1], Decimal) for row in answer.rows) else None
        at = cols.index("金额") if "金额" in cols else after
        rows = [(f"{row[code]} {row[name]}" if code is not None and row[code] else str(row[name]),
                 row[at] if at is not None else None) for row in answer.rows]
    else:  # figures named by their code (2013102 一般行政管理事务)
        rows = [(f.label, None) for f in answer.figures if re.match(r"\d{3,7} ", f.label)]
    rows = [(n, a) for n, a in rows if n and not re.search(r"合计|总计", n)]
    if len(rows) < (1 if answer.intent == "rank" else 2):  # (a ranking's first alone: 第一名占多少)
        return [], []
    amounts = [a for _, a in rows]
    return [n for n, _ in rows], amounts if all(isinstance(a, Decimal) for a in amounts) else []


def _remember_result(session: Session, answer: Answer, q: Query | None = None) -> None:
    """The figure an answer gives (a computed total where it states one), for 两者差多少 / 再加上X;
    the columns asked of one row (基本支出、项目支出各多少) are that many results."""
    if not answer.figures:
        return
    if q is not None and len(q.measures) >= 2 and len(answer.figures) >= len(q.measures):
        named = [next((f for f in answer.figures if f.label.endswith(" " + m)), None) for m in q.measures]
        # (the columns' own figures, not the row's total the answer shows first)
        asked = named if all(named) and len(set(map(id, named))) == len(named) else answer.figures[:len(q.measures)]
        session.results = (session.results + [(f.label, f, answer.intent) for f in asked])[-4:]
        return
    readings = re.findall(r"按「(.+?)」理解", answer.understood)
    if len(readings) >= 2 and q is not None and q.each:  # A和B各多少: a result for each name asked, with its figure
        found = [(r, next((f for f in answer.figures if f.label.startswith(r)), None)) for r in readings]
        session.results = (session.results + [(r, f, answer.intent) for r, f in found if f is not None])[-4:]
        return
    given = [f for f in answer.figures if "计算" not in f.label]
    if len(readings) <= 1 and q is not None and q.each and 2 <= len(given) <= 4 and len({f.unit for f in given}) == 1:
        session.results = (session.results + [(f.label, f, answer.intent) for f in given])[-4:]
        return  # X的实施期资金和年度资金各多少: one reading, a result for each figure it gives
    what = answer.understood[2:-3] if answer.understood.startswith("按「") else answer.figures[0].label
    what = what.split("：")[0]  # (五险一金：养老、医疗…: the group's own name)
    result = next((f for f in answer.figures if f.label == "合计（计算）"), answer.figures[0])
    session.results = (session.results + [(what, result, answer.intent)])[-4:]


def _focus(answer: Answer, doc: Document) -> list:
    """What the answer picked out (排第二的是哪个 -> that project), as names a follow-up can lean on
    (它的绩效目标)."""
    from budgetqa.question.mentions import Mention
    from budgetqa.question.vocabulary import vocabulary

    v = vocabulary(doc)
    picked = []
    for value in answer.focus:
        name = value.key.split(":")[-1] if value.key.startswith("project:") else value.label.split("（")[0]
        code = value.key if value.key.isdigit() else None  # (一、财政拨款收入: a summary line's name, its ordinal aside)
        terms = [v.codes[code]] if code in v.codes else v.by_name.get(squash(name)) or v.by_name.get(squash(strip_ordinal(name)), [])
        if terms:
            picked.append(Mention(10_000, 10_000, list(terms), via="context"))
    return picked


# How something is done (通过什么方式, 怎么开展, 主要干了什么, 修的是哪栋楼): told by sentences, not by a figure
_HOW = patterns.compile(r"什么方式|什么形式|哪种方式|什么途径|通过什么|(?:怎么|怎样|如何)(?:做|干|保障|开展|实施|落实|弄|搞)"
                  r"|(?:主要)?(?:干|做|搞)了?(?:什么|啥|哪些)(?:事|工作)?[？?]?$|修(?:的)?是?(?:哪|那)")


# A code asked of a name (差旅费的经济分类科目编码, 项目编码是多少)
_CODE_ASKED = patterns.compile(r"(?:科目|项目|经济分类|功能分类)?(?:编码|代码|编号)(?:是|为)?(?:多少|什么|啥|几)"
                         r"|哪个[^，,。？?]{0,8}?(?:编码|代码|编号)|的(?:科目|经济分类|功能分类)?(?:编码|代码|编号)(?:呢)?[？?]?$")


def _code_asked(doc: Document, q: Query) -> Answer | None:
    """The code of one named item or project (or of a table's rows): the code its rows print, or that the
    report prints none."""
    if not _CODE_ASKED.search(q.squashed) or len(q.subjects) != 1 or "code" in q.subjects[0].kinds:
        return None
    m = q.subjects[0]
    if m.kinds == {"table"}:  # 表十二里每个项目的项目编码: what that table prints
        table = next((t for t in doc.tables if t.no == int(m.term.key)), None)
        rows = [(table, r) for r in table.rows] if table is not None else []
        names = {squash(strip_ordinal(r.name)) for _, r in rows}
    else:
        names = {squash(t.name) for t in m.terms if t.kind in ("item", "row", "project", "target", "column")}
        rows = [(t, r) for t in doc.tables for r in t.rows if squash(strip_ordinal(r.name)) in names]
    if not names:
        return None
    coded = [(t, r) for t, r in rows if r.code]
    name = m.term.name
    if coded:
        a = build.answer("value", f"{name} 的科目编码",
                         "；".join(f"{r.code} {r.name}（{t.label} 第{r.line}行）" for t, r in coded[:3]) + "。")
        for t, r in coded[:3]:
            a.source(t.label, r.line, r.name)
        return a
    if m.kinds == {"table"}:
        return Answer(False, "value", f"报告（{doc.label}）的{rows[0][0].label if rows else name}没有印出各行的编码；"
                      "没有可给的编码。", understood=name)
    printed = f"（{rows[0][0].label} 第{rows[0][1].line}行）" if rows else ""
    return Answer(False, "value", f"报告（{doc.label}）列出了「{name}」{printed}，但没有印出它的编码；没有可给的编码。",
                  understood=name)


# A count in a measure word money does not take (几份, 多少人次, 几辆)
_UNCOUNTED = patterns.compile(r"(?:(?<!第)几|多少)(份|人次|人|名|位|辆|台|套|册|本|场|篇|期|批|家|所|张|间|座|平方米|亩|天)"
                        r"(?=$|[？?。，,！!呢啊呀吗嘛的]|左右)")

# Things counted by their measure word, whatever follows (几家敬老院, 多少张床位)
_THINGS_COUNTED = patterns.compile(r"(?:(?<!第)几|多少)(份|人次|人|名|位|辆|台|套|册|本|场|篇|期|批|家|所|张|间|座)")

# Money asked (多少钱, 经费是多少, 金额): a figure in a count (702 项) does not answer it
_MONEY_ASKED = patterns.compile(r"多少钱|(?:经费|资金|金额|钱)(?:具体)?(?:是|有|为)?多少|多少(?:万元|万|元)")
_COUNT_UNITS = ("个", "项", "辆", "台", "套", "台（套）", "人", "人次", "平方米", "分")


def execute(conn, doc: Document, q: Query) -> Answer | None:
    """Carry out the best-ranked operation that can answer; the question's words are not read again.
    A code asked of a name is what its rows print (or that none is printed); a count in a measure word money
    does not take is not answered with money, nor money with a count; how something is done also gets the
    sentences that tell it."""
    found = _code_asked(doc, q) or _execute(conn, doc, q)
    if found is not None and found.matched and found.intent == "value" and q.op == "difference":
        compute.against_typed(q, found)  # 机关运行经费比142.80万少多少: the one figure found, against the one typed
    typed = compute.exact_amounts_typed(q)
    if q.op == "change" and q.subjects and (found is None or not found.matched) and len(typed) == 1 \
            and re.search(r"(?:比|较)[^，,。？?]{0,14}$", q.squashed[:typed[0].start]) \
            and (value := _execute(conn, doc, replace(q, op="value", ops=[(100.0, "value")]))) is not None \
            and value.matched and value.intent == "value":
        compute.against_typed(q, value, rate=True)  # 比2021年的398593.09万元增加了多少: a change the report does not
        if value.intent == "difference":  # state, from the figure it prints and the one typed
            return value
    counted = _UNCOUNTED.search(q.squashed)
    if counted and found is not None and found.matched and found.intent == "value" and found.figures \
            and all(f.unit in ("万元", "元") for f in found.figures):  # 订几份: a count the report gives only as money
        return Answer(False, "value", f"报告（{doc.label}）没有给出所问的{counted.group(1)}数，只有金额："
                      + found.text.split("理解：", 1)[-1], understood=found.understood)
    things = _THINGS_COUNTED.search(q.squashed)
    if things and found is not None and found.matched and found.text.split("理解：", 1)[-1].startswith("报告中相关的说明") \
            and not re.search(rf"\d\s*{things.group(1)}", found.text):  # 几家敬老院: a passage that counts none of them
        return Answer(False, "text", f"报告（{doc.label}）没有给出所问的{things.group(1)}数。"
                      + found.text.split("理解：", 1)[-1], understood=found.understood)
    if found is not None and found.matched and found.intent == "value" and found.figures and _MONEY_ASKED.search(q.squashed) \
            and all(f.unit in _COUNT_UNITS for f in found.figures):  # 基金经费多少钱: the report counts it, gives no money
        return Answer(False, "value", f"报告（{doc.label}）没有给出所问的金额，只有数量："
                      + found.text.split("理解：", 1)[-1], understood=found.understood)
    if found is None or not found.matched or not _HOW.search(q.squashed) or found.text.startswith("报告中相关的说明"):
        return found
    told = text.passages(conn, doc, q, limit=2)
    return figures.combine(found.intent, [found, told]) if told is not None and told.matched else found


def _execute(conn, doc: Document, q: Query) -> Answer | None:
    """The best-ranked operation that can answer.

    An operation that finds its subject but no figure for it (no stated change, say) answers only
    when nothing else does, not even a sentence of the report."""
    if (found := checks.stated_share_on(doc, q)) is not None:
        return found  # 报告说占100%，按表三项目支出算实际占多少: the stated share's part over that denominator
    if q.op in ("list", "filter", "count", "breakdown", "value") and (found := lists.zero_items(doc, q)):
        return found  # 收入来源里哪几项是零: the figures stated as nil
    if q.op in ("list", "filter", "count", "breakdown", "value", "share") and (found := compute.share_filter(doc, q)):
        return found  # 哪个大类超过了总支出的一半: those above that part of the whole
    special = _by_subject(doc, q) or enumerated(doc, q)  # (原因列了几条 / 第三步是什么: the text's numbered points)
    if special is not None:
        return special
    if q.subjects and q.op in ("value", "count", "rank", "check", "share") and (found := text.sheet_indicator(doc, q)) is not None:
        return found  # X对高质量论文要求多少篇: the indicator of its sheet
    if q.op in ("rank", "check") and (found := checks.extreme_of_list(doc, q)) is not None:
        return found  # X是不是本年项目里最多的: X's place in that list
    if doc.performance and all(m.kinds <= {"asset", "fact", "term", "topic"} for m in q.subjects) \
            and (found := text.indicator_across_sheets(doc, q)) is not None:
        return found  # 高质量论文要求多少篇: an indicator of the sheets, by most of its label
    if q.op == "sum" and len(q.subjects) == 1 and q.subjects[0].kinds & {"code", "item"} \
            and re.search(r"明细|各项|逐项|分项|子项|[那这](?:\d+|几)(?:项|个|笔|行)", q.squashed) \
            and (found := checks.under_named(doc, q)) is not None:
        return found  # X下9个明细加总: its rows added, against what it prints
    if (found := lists.completion_asked(doc, q)) is not None:
        return found  # 完成率最低的 / 完成率100%的有几项: the 决算's subjects stated with budget and outturn
    if (found := lists.rate_filter(doc, q)) is not None:
        return found  # 增幅超过20%的有哪些 / 比上年增长的有几个: the stated rates that pass
    if lists.RATE_RANK.search(q.squashed) and re.search(r"最|排名|排第|前\d", q.squashed) \
            and not any(m.kinds & {"code", "item", "project", "row"} for m in q.subjects) \
            and (found := lists.rate_rank(doc, q)) is not None:
        return found  # 比上年增长最快的是哪个: the stated rates ranked
    if q.excluded and (q.op in ("breakdown", "list") and re.search(r"哪几|哪些|有哪|什么|啥", q.squashed)
                       or re.search(r"还有(?:哪|什么|啥|别的)|(?:还剩|剩下|其余|其他)(?:的)?(?:是)?(?:哪|什么|啥)", q.squashed)) \
            and (found := lists.list_answer(doc, replace(q, op="list"))) is not None:
        return found  # X下面除了Y还有哪几个: the others, listed (not X less Y)
    if not q.excluded and (found := lists.rest_after_extreme(doc, q)) is not None:
        return found  # 去掉最大的那个还剩多少: the rest of the list, its largest set aside
    if q.excluded and (q.op in ("value", "sum", "difference", "breakdown", "list")
                       or q.has("合计", "一共", "总共", "还剩", "剩下", "其余", "还有多少", "共计", "加起来")) \
            and (found := compute.remainder(doc, q)) is not None:
        return found
    if q.op in ("value", "difference", "change", "share", "text") and compute.asks_budget_vs_outturn(doc, q) \
            and not any("topic" in m.kinds for m in q.subjects):  # a topic (三公) answers from its own table
        found = compute.each_budget_vs_outturn(doc, q) or compute.budget_vs_outturn(doc, q)  # a 决算's budget against its outturn
        if found is not None:
            return found
    # 哪块收入掉下来了: the part of a stated change (of two or more things named: which of them, asked below)
    found = (compute.part_moved(doc, q) if len(q.subjects) < 2 else None) or compute.moved(doc, q) or compute.row_in_two_tables(doc, q)
    if found is not None:
        return found
    if q.subjects:  # X主要用在哪 / 说明里写的X是多少: what its paragraph says it is for, or the figures it states
        found = text.purpose(doc, q) or text.stated_figures(doc, q)
        if found is not None:
            return found
    unbudgeted = None
    for i, (score, op) in enumerate(q.ops[:6]):
        if score < _MIN_SCORE:
            break
        found = OPERATIONS[op](doc, replace(q, op=op))
        if found is not None:  # answered, or understood and not in the report (said so)
            settled = _budget_not_printed(doc, q, found)
            if found.matched and not settled.matched:
                unbudgeted = unbudgeted or settled  # (a budget asked, an outturn found: another operation may find it)
                continue
            return _account_table_empty(doc, q, _claim_settled(q, _share_in_form_asked(q, _class_chosen(q, settled))))
        if i == 0 and q.cued and op in _NOT_SUBSTITUTED and q.subjects and score - q.ops[1][0] >= 25:
            if op == "text" and all(m.via == "partial" for m in q.subjects):  # (保密和密码方面负责什么: a few
                found = text.passages(conn, doc, q)  # words of a name are no subject; the sentences saying them are)
                if found is not None:
                    return found
            what = "、".join(q.names()) or "所问内容"
            return Answer(False, op, f"报告（{doc.label}）没有给出「{what}」的{_NOT_SUBSTITUTED[op]}；没有可给的数字。",
                          understood=what)
    if unbudgeted is not None:
        return unbudgeted
    if not q.previous_year and (q.op in ("text", "define", "about", "value", "breakdown") or not q.subjects):
        return text.passages(conn, doc, q)
    return None


# The two accounts besides the general budget that a report gives a table of its own, printed empty when the
# department has no money from them (政府性基金预算, 国有资本经营预算).
_ACCOUNTS = ("政府性基金", "国有资本经营")


def _account_table_empty(doc: Document, q: Query, found: Answer) -> Answer:
    """国有资本经营预算有没有安排: a nil figure of an account whose own table the report prints empty says
    that table too, with its note (本表无数据): the report's own word that there is none."""
    account = next((a for a in _ACCOUNTS if a in q.squashed), None)
    if account is None or found.intent != "value" or any(f.value for f in found.figures if isinstance(f.value, Decimal)):
        return found
    empty = [t for t in doc.tables if account in t.title and not t.has_data]
    if not empty:
        return found
    found.text += "".join(f"{t.label} 印为空表" + (f"（{t.note.strip('（）() ')}）" if t.note else "") + "。" for t in empty)
    return found


# A budget asked of a final account (年初预算 / 全年预算 / 调整预算 / 预算数), as against what was spent.
_BUDGET_OF_FINAL = patterns.compile(r"年初预算|全年预算|调整(?:后)?预算|预算数")


def _budget_not_printed(doc: Document, q: Query, found: Answer) -> Answer:
    """城乡社区支出年初预算多少 of a 决算 that prints no budget for it: its outturn, said to be no budget."""
    asked = _BUDGET_OF_FINAL.search(q.squashed)
    if doc.kind != "决算" or not asked or not found.matched or found.intent != "value" or _BUDGET_OF_FINAL.search(found.text):
        return found
    stated = compute.budget_vs_outturn(doc, q)  # (the budget its paragraph states, read there)
    if stated is not None and stated.matched:
        return stated
    said = found.text.split("理解：", 1)[-1]
    return Answer(False, "value", f"报告（{doc.label}）没有列出所问的{asked.group(0)}；它印的是决算数：{said}",
                  understood=found.understood)


# The classes a thing is asked to be put in (X算基本支出还是项目支出 / 是今年安排的还是上年结转的), and the words
# by which an answer shows where the report prints it: an economic item of the basic-spending table (and the half
# its figure stands in), a project of this year's or of the carried-over table.
_CLASS_SHOWN = {
    "基本支出": ("基本支出分经济科目表", "基本支出决算表", "人员经费", "公用经费"), "项目支出": ("本年项目", "上年结转项目", "项目支出预算表"),
    "人员经费": ("人员经费",), "公用经费": ("公用经费",),
    "本年": ("本年项目", "（本年预算）"), "上年结转": ("上年结转项目", "（上年结转）"),
}
_CLASS_WORDS = {"基本支出": "基本支出", "项目支出": "项目支出", "人员经费": "人员经费", "公用经费": "公用经费",
                "今年安排": "本年", "当年安排": "本年", "本年安排": "本年", "今年新安排": "本年", "新安排": "本年", "上年结转": "上年结转",
                "去年结转": "上年结转", "结转": "上年结转"}
_CLASS_CHOICE = patterns.compile(r"(?:算|是|属于|归|列入|计入|放在|列在)(?:在)?(?:哪)?(?:的)?"
                                 rf"({'|'.join(sorted(_CLASS_WORDS, key=len, reverse=True))})(?:的)?(?:还是|或是|或者)"
                                 rf"({'|'.join(sorted(_CLASS_WORDS, key=len, reverse=True))})")


def _class_chosen(q: Query, found: Answer) -> Answer:
    """X算基本支出还是项目支出: which of the two the answer shows X printed as, said in words."""
    m = _CLASS_CHOICE.search(q.squashed)
    if m is None or not found.matched or len(q.subjects) != 1:
        return found
    first = found.text.split("。", 1)[0]
    shown = [_CLASS_WORDS[w] for w in m.groups() if any(k in first for k in _CLASS_SHOWN[_CLASS_WORDS[w]])]
    if len(shown) == 1:
        found.text += f"按报告所列，「{q.subjects[0].term.name}」属于{shown[0]}。"
    return found


# A change said as a claim (比上年增加了，对吗): the direction claimed, and the words the answer states its change in.
_CLAIMED_WAY = patterns.compile(r"(?:比|较|与|跟|同)(?:上年|去年|上一年|20\d\d年度?)[^，,。？?]{0,8}?(增加|增长|上升|多|涨|减少|下降|降低|压减|少|降)")
_STATED_WAY = patterns.compile(r"(增加|增长|上升|减少|下降|降低)")


def _claim_settled(q: Query, found: Answer) -> Answer:
    """机关运行经费比上年增加了，对吗: whether the change the report states went the way claimed."""
    claimed = _CLAIMED_WAY.search(q.squashed)
    stated = _STATED_WAY.search(found.text.split("理解：", 1)[-1]) if claimed and found.matched and found.intent == "change" else None
    if stated is None or not re.search(r"对吗|对不对|是吗|是不是|对吧|没错|是否|吗", q.squashed):
        return found
    up = claimed.group(1) in ("增加", "增长", "上升", "多", "涨")
    agrees = up == (stated.group(1) in ("增加", "增长", "上升"))
    found.text += f"报告写的是{stated.group(1)}，{'与所说一致' if agrees else '与所说相反'}。"
    return found




def _share_in_form_asked(q: Query, found: Answer) -> Answer:
    """差旅费占基本支出的千分之几 / 占几成 / 几分之几: the share computed, said again in that form."""
    m = lexicon.SHARE_FORM.search(q.squashed)
    share = next((f for f in found.figures if f.unit == "%"), None) if m and found.matched and found.intent == "share" else None
    if share is None:
        return found
    if m.group(1):
        found.text += f"即约千分之 {plain(share.value * 10)}（{plain(share.value * 10)}‰）。"
    elif m.group(2):
        found.text += f"即约 {(share.value / 10).quantize(Decimal('0.1'))} 成。"
    else:
        near = Fraction(share.value / 100).limit_denominator(10)
        found.text += f"约为 {near.numerator}/{near.denominator}（{near.denominator}分之{near.numerator}）。"
    return found


def _answered_anyway(conn, doc: Document, q: Query, refusal: str) -> Answer | None:
    """What the report does state of a question that reads as one it cannot answer."""
    # a count no table holds may be a sentence's (培训300名, 接待2批次26人次): a count in a measure word no
    # amount takes (几批, 多少人次, 几期) is sought in the sentences first, whatever its subject
    if (refusal and q.refused == "person" or not refusal and re.search(r"(?:几|多少)(?:批|人次|期|场|篇|册)", q.squashed)) \
            and text.COUNT_ASKED.search(q.squashed) and not re.search(r"[人生]均|每", q.squashed):
        stated = text.passages(conn, doc, q)
        if stated is not None and stated.matched:
            return stated
    if refusal and q.refused == "person" and re.search(r"买(?:了|的)?(?:什么|啥|哪些)", q.squashed) and len(q.subjects) == 1 \
            and q.subjects[0].term.name in ECONOMIC_CLASSES:  # 资本性支出…买什么: the items of that class are what it buys
        found = figures.breakdown(doc, replace(q, op="breakdown"))
        if found is not None and found.matched:
            return found
    return None


def _classes_printed(doc: Document, missing: str) -> str:
    """For a functional 类 the report does not print: the 类 it does print, to ask about instead."""
    if missing not in lexicon.STANDARD_FUNCTION_CLASSES:
        return ""
    table = next((t for k in ("expenditure", "gp_expenditure", "fiscal_expenditure") for t in doc.tables if t.kind == k), None)
    classes = [r.label for r in table.rows if r.code and r.level == "类"] if table is not None else []
    return f"报告列出的支出功能分类（类）有：{'、'.join(classes)}（{table.label}）。" if classes else ""


def _by_subject(doc: Document, q: Query) -> Answer | None:
    """Questions whose subject has one place to be read, whatever is asked of it: the units, the
    duties, the assets (国有资产占有使用情况)."""
    figure_kinds = {"code", "item", "project", "row", "target", "fact"}
    if q.domain in UNIT_DOMAINS and not any(
            m.via in ("exact", "synonym") and m.kinds & figure_kinds for m in q.subjects):
        return text.units(doc, q)
    dated = lexicon.DATE_ASKED.search(q.squashed)  # (the date of an asset figure)
    if any(m.kinds == {"topic"} and m.term.key == "国有资产" or "asset" in m.kinds and (
            m.via in ("exact", "context") or m.via == "partial" and dated) for m in q.subjects):
        if q.op == "change" and not any(f.kind in ("change", "rate") and re.search(r"资产|房|车|面积", f.subject) for f in doc.facts):
            return Answer(False, "change", f"报告（{doc.label}）只给出国有资产的现有数量，没有与上年相比的数字；没有可给的增减。",
                          understood="国有资产 与上年相比")  # (办公用房面积比上年增加还是减少)
        return topics.assets(doc, q)
    return None


_STRUCTURE_ASKED = patterns.compile(r"(?:几|多少|哪些|哪几)(?:个|张|项)?(?:表|栏|列|名词|术语|部分|内容)|名词解释.{0,8}(?:几|多少|哪些)")


def refuse(doc: Document, q: Query, comparing: bool = False) -> str:
    """Why the report cannot answer (another department, a person, the future, another year or kind). When
    ``comparing`` (one report's side of a question asked of several) a budget gives its budget for an outturn."""
    if q.op not in ("about", "help", "define") and any(n.startswith("空白模板") for n in doc.notes) \
            and not _STRUCTURE_ASKED.search(q.squashed):  # (its tables, columns, terms and parts are there to ask about)
        return (f"这份文件（{doc.label}）是空白模板：表格没有填数，文字里的 XX 是占位符，"
                "没有真实的数字或情况可答。")
    if q.refused.startswith("department:"):
        return f"这份报告是 {doc.label}，不包含「{q.refused.split(':', 1)[1]}」的数据。"
    if q.missing_table:
        return f"报告（{doc.label}）共 {len(doc.tables)} 张表，没有「{q.missing_table}」。"
    if q.refused.startswith("unit:"):
        return (f"报告（{doc.label}）只有全部门（含所属单位）汇总的数字，没有「{q.refused.split(':', 1)[1]}」"
                "单独的数字。")
    if q.refused.startswith("split:"):
        return (f"报告把「{q.refused.split(':', 1)[1]}」作为一项列出，只有一个合计数，"
                f"没有按所问的各部分分列；可以问这一项的金额（{doc.label}）。")
    if q.refused == "person":
        return f"预算报告只有部门和科目的金额，没有人员、人均、数量单价、分到各乡镇村的金额、执行进度或以后年度的数据（{doc.label}）。"
    if q.missing and not any(m.via == "exact" and m.kinds & {"item", "code", "row"} for m in q.subjects_typed):
        near = f"相近的名称：{'、'.join(q.missing_near[:3])}。" if q.missing_near else ""
        return f"报告（{doc.label}）没有列出「{q.missing}」这一项，没有可给的数字。" + near + _classes_printed(doc, q.missing)
    other = [y for y in q.years if doc.year and y not in (doc.year, doc.year - 1) and not _year_quoted(doc, q, y)
             and not _year_figure_typed(q, y)]
    if other:
        return f"这份报告是 {doc.label}，没有 {other[0]} 年的数据。"
    if doc.kind == "预算" and (q.has("决算") and not any("决算" in t.name for m in q.subjects for t in m.terms)
                              or _OUTTURN_ASKED.search(q.squashed) and not _AGAINST_BUDGET.search(q.squashed) and not comparing
                              and not any(_OUTTURN_PRINTED.search(x) for x in doc.lines)):
        return f"这份报告是{doc.kind}报告（{doc.label}），不含决算数（实际支出）。"
    if q.previous_year and q.op not in ("change", "check") and doc.year:
        return _last_year(doc, q)
    unprinted = [m.term.key for m in q.subjects if m.kinds == {"topic"} and m.via == "exact"
                 and m.term.key in ("三公经费", "机关运行经费", "政府采购")]
    if unprinted and len(q.subjects) > 1 and re.search(r"多少|几[个辆项张]|金额", q.squashed) and not (
            (found := topics.topic_answer(doc, q, unprinted[0])) is not None and found.matched):
        # 三公经费一共花了多少 of a report that prints no 三公 figure: said so (not answered with another total)
        return f"报告（{doc.label}）没有关于「{unprinted[0]}」的数字。"
    return ""


# Money actually spent, asked in everyday words (实际花了多少, 执行率, 到目前花出去多少了): a budget report
# answers it only when it prints an outturn of its own (a year's 执行数, as some budget reports state).
_OUTTURN_ASKED = patterns.compile(r"实际(?:上)?(?:花|支出|开支|用了|使用|发生|执行|拨付|完成)|执行(?:数|率|了多少)"
                            r"|花出去(?:了)?多少了|已经花了|(?:目前|现在|截至|截止)[^，,。？?]{0,8}花了")
_OUTTURN_PRINTED = patterns.compile(r"执行数|实际支出|执行情况")
_AGAINST_BUDGET = patterns.compile(r"(?:比|与|和|跟|同|较|对比)(?:年初)?预算")  # (an outturn set against this budget: both asked)


def _year_figure_typed(q: Query, year: int) -> bool:
    """跟2021年的216,552.53万元比多了多少: that year's figure is typed, to compare with; nothing of it is asked."""
    return q.op in ("difference", "ratio", "change", "check") and bool(
        re.search(rf"{year}年度?(?:的|是|为)?[^，,。？?\d]{{0,8}}?\d[\d,.]*(?:万元|万|元|亿元|%)", q.squashed))


def _year_quoted(doc: Document, q: Query, year: int) -> bool:
    """A year the question quotes with the words the report prints after it (比2024年预算执行数增加79.53%
    in a 2026 budget): the report's own words, not another year asked."""
    printed = printed_text(doc)
    return any(m.group(1)[:4] and f"{year}年{m.group(1)[:4]}" in printed
               for m in re.finditer(rf"{year}年度?([\u4e00-\u9fff]{{4}})", q.squashed))


def _last_year(doc: Document, q: Query) -> str:
    """Last year's figure is given only when the report states the change (then it is derived); last year's
    items ranked, counted or listed never (去年X里哪项最多)."""
    earlier_columns = any(re.search(rf"上年(?!结转)|上一年|{doc.year - 1}", c) for t in doc.tables for c in t.columns)
    if q.op in ("rank", "count", "list") and q.ops[0][0] >= 60 and not earlier_columns \
            and not re.search(r"[增减涨降跌升]|幅|变化|变动|[多少]了", q.squashed):  # (比2023年降得最多的: the stated changes)
        return f"报告（{doc.label}）只有 {doc.year} 年各项的数字，没有 {doc.year - 1} 年各项的；没有可给的数字。"
    if q.op in ("rank", "count", "list", "filter") and any(f.kind in ("change", "rate") for f in doc.facts):
        return ""  # (比2023年降得最多的是哪项: among the changes the report states)
    if any(f.kind == "amount" and f"{doc.year - 1}年" in f.sentence and any(t.name == f.label for m in q.subjects for t in m.terms)
           for f in doc.facts):
        return ""
    found = compute.change(doc, replace(q, op="change"))
    if found is not None and found.matched:
        return ""
    return f"报告（{doc.label}）只有 {doc.year} 年的数字，没有 {doc.year - 1} 年的；没有可给的数字。"


def _silent_topic(doc: Document, q: Query) -> str:
    """A topic the question clearly asks about and the report says nothing on."""
    for word, topic in _TOPIC_WORDS.items():
        if word in q.squashed and not q.subjects:
            return f"报告（{doc.label}）没有关于「{topic}」的内容，没有给出任何数字。"
    return ""


_WAN = Decimal(10000)


# The units a figure may be asked in, and what a figure printed in another unit is multiplied by.
_UNIT_FACTORS = {"元": {"万元": _WAN}, "万元": {"元": 1 / _WAN}, "千元": {"元": Decimal("0.001"), "万元": Decimal(10)},
                 "亿元": {"元": Decimal("1e-8"), "万元": 1 / _WAN}}


def convert_units(answer: Answer, q: Query) -> None:
    """多少元 of a figure printed in 万元 (or 多少万 of one in 元, 多少千元 of either): the figure in the unit
    asked for too."""
    target = q.unit
    factors = _UNIT_FACTORS.get(target or "", {})
    if not factors:
        return
    converted = []
    totals = [f for f in answer.figures if f.label == "合计（计算）"] if answer.intent in ("filter", "list") else []

    def scaled(value: Decimal, source: str) -> Decimal:
        value = (value * factors[source]).normalize()
        return value.quantize(Decimal(1)) if value == value.to_integral_value() else value

    # (a ranking: each place; A、B、C和D各多少万元: each name asked)
    shown = answer.figures[:20] if answer.intent in ("rank", "breakdown") or q.each else answer.figures[:3]
    for f in totals or shown:
        if f.unit in factors and "（折合" not in f.label:  # (a figure converted already is not converted again)
            converted.append(Figure(f"{f.label}（折合{target}）", scaled(f.value, f.unit), target, f.table, f.line))
    if (not converted or totals) and {"名称", "金额", "单位"} <= set(answer.columns) and len(answer.rows) <= 12:
        name, amount, unit = (answer.columns.index(c) for c in ("名称", "金额", "单位"))
        for row in answer.rows:  # a short list's rows (各多少万元 of rows printed in 元)
            if row[unit] in factors and isinstance(row[amount], Decimal):
                converted.append(Figure(f"{row[name]}（折合{target}）", scaled(row[amount], row[unit]), target))
    if converted:
        answer.text += "（折合：" + "；".join(f"{f.label.split('（折合')[0]} {f.value:,} {target}" for f in converted) + "）"
        answer.figures += converted


def round_figures(answer: Answer, q: Query) -> None:
    """保留一位小数 / 取整: the figures the answer gives (in the unit asked, when converted), each exact and
    then rounded half up to the places asked; a figure already that short is left as it is."""
    if q.places is None:
        return
    converted = [f for f in answer.figures if "（折合" in f.label]  # (with the rates given beside them)
    shown = converted + [f for f in answer.figures[:3] if f.unit == "%"] if converted else (
        answer.figures[:20] if answer.intent in ("rank", "breakdown") or q.each else answer.figures[:3])
    step = Decimal(1).scaleb(-q.places)
    said = "取整" if q.places == 0 else f"保留{'两' if q.places == 2 else '零一二三四五六七八九'[q.places % 10]}位小数"
    rounded = [(f, f.value.quantize(step, ROUND_HALF_UP)) for f in shown if isinstance(f.value, Decimal)]
    rounded = [(f, v) for f, v in rounded if v != f.value]
    if rounded:
        answer.text += f"（{said}：" + "；".join(f"{f.label.split('（折合')[0]} 约 {v:,} {f.unit}" for f, v in rounded) + "）"
        answer.figures += [Figure(f"{f.label}（{said}）", v, f.unit, f.table, f.line) for f, v in rounded]


def _together(doc: Document, parts: list[str], answers: list[Answer]) -> Answer:
    """The answers to the questions of one line, as one card."""
    # 为什么没用完 after an answer of the line that gives the stated reason: said once, not computed again
    given = [i for i, (p, a) in enumerate(zip(parts, answers))
             if i and _already_said(p, earlier := " ".join(x.text for x in answers[:i] if x.matched))
             and all(reason in earlier for reason in re.findall(r"原因[：:][^。]*", a.text))]  # (no reason of its own)
    parts = [p for i, p in enumerate(parts) if i not in given]
    answers = [a for i, a in enumerate(answers) if i not in given]
    matched = [a for a in answers if a.matched]
    if not matched:
        return answers[0]
    combined = figures.combine(matched[0].intent, matched)
    said = " ".join(a.text for a in matched)
    texts: list[str] = []
    for p, a in zip(parts, answers):
        if a.matched and not any(a.text in t for t in texts):
            texts.append(a.text)  # a later part answered by the same card (执行率呢 after 全年预算和决算) is said once
        elif not a.matched and not _already_said(p, said):
            texts.append(f"「{p.strip()}」：{a.text}")
    # an answer a later part's answer repeats and goes on from (哪一类最多？占比多少: the ranking, then its share) is said once
    combined.text = " ".join(t for t in texts if not any(len(u) > len(t) and t in u for u in texts))
    return combined


def _already_said(part: str, said: str) -> bool:
    """A later part asking why, when an earlier answer of the line already gives the stated reason."""
    return bool(re.search(r"原因|为什么|为啥|为何|咋回事", part)) and "原因：" in said


def _unmatched(doc: Document, intent: str, message: str, q: Query | None = None) -> Answer:
    if not message:
        message = "没有在报告中找到与这个问题对应的内容，没有给出任何数字。"
    return Answer(False, intent, message, document=doc.label, suggestions=_suggest(doc, q))


def _suggest(doc: Document, q: Query | None) -> list[str]:
    """Up to three questions that can be answered, close to what was asked when possible."""
    from rapidfuzz import fuzz, process

    from budgetqa.catalogue import INTENTS
    from budgetqa.question.mentions import strip_fillers
    from budgetqa.question.vocabulary import vocabulary

    out: list[str] = []
    residue = strip_fillers(q.squashed).replace(" ", "") if q is not None else ""
    if residue:
        names = {key: terms[0].name for key, terms in vocabulary(doc).by_name.items()
                 if terms[0].kind in ("code", "item", "project")}
        for _, score, key in process.extract(residue, names, scorer=fuzz.partial_ratio, processor=None, limit=3,
                                             score_cutoff=40) if names else []:
            out.append(f"{names[key]}多少")
    for intent in INTENTS:
        if len(out) >= 3:
            break
        if intent.examples and intent.op in ("value", "share", "rank"):
            out.append(intent.examples[0])
    return list(dict.fromkeys(out))[:3]
