"""ask(): the one function every front end calls to answer a question about a loaded report."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import replace
from decimal import Decimal

from budgetqa.answer.model import Answer, Figure, Session, Source
from budgetqa.catalogue import INTENTS
from budgetqa.docdata import DocData, load
from budgetqa.matcher import Parsed, parse
from budgetqa.textnorm import squash

__all__ = ["Answer", "Figure", "Session", "Source", "ask", "ask_doc", "preload"]

# Documents read back from a database, by (database file, document id, load time).
_DOC_CACHE: dict[tuple[str, int, str], DocData] = {}
# Topic intents: when one is clearly asked and the report is silent on it, say so.
_TOPICS = {"procurement": "政府采购", "three_public": "三公经费", "operating_cost": "机关运行经费",
           "performance": "绩效目标", "assets": "国有资产"}
_FOLLOW_UP = ("呢", "那", "它", "其", "该", "这个", "这项", "此项", "上面", "刚才", "那个")


def ask(conn: sqlite3.Connection, question: str, session: Session | None = None) -> Answer:
    """Answer one question about a loaded report.

    The report is the session's document (the newest loaded one by default), unless the question
    names another by department or year; questions that compare (各部门…对比, 2023和2024年比较)
    are answered from every document they concern.
    """
    from budgetqa.answer.documents import all_documents, named_documents, wants_comparison

    session = session or Session()
    docs = all_documents(conn)
    if not docs:
        return Answer(False, "none", "数据库里还没有报告：先用 budgetqa load FILE 载入一份。")
    current = next((d for d in docs if d.id == session.document_id), docs[0])
    if len(docs) > 1:
        named, by_department = named_documents(question, docs)
        if wants_comparison(question, docs) and len(named) != 1:
            from budgetqa.answer.compare import compare

            return compare(conn, question, named if len(named) >= 2 else docs, _load)
        if named:
            current = max(named, key=lambda d: (d.year or 0, d.id))
            missing_year = _missing_year(question, named) if by_department else ""
            if missing_year:
                return Answer(False, "out_of_scope", missing_year, document=current.label)
    doc = _load(conn, current.id)
    answer = ask_doc(doc, question, session)
    if len(docs) > 1 and answer.matched:
        answer.text += f"（出自 {doc.label}）"
    return answer


def preload(conn: sqlite3.Connection, doc_id: int) -> None:
    """Read a document and warm the matcher before the first question (for the app's start-up)."""
    import cn2an  # noqa: F401  (imported on first use otherwise: tens of milliseconds)

    ask_doc(_load(conn, doc_id), "前五个项目", Session(document_id=doc_id))


def _missing_year(question: str, named) -> str:
    """A year asked about that none of the named department's loaded reports covers."""
    years = {int(y) for y in re.findall(r"(20\d{2})\s*年", question)}
    have = {d.year for d in named}
    asked = {y for y in years if y not in have and y + 1 not in have}
    if asked and not (years & have):
        held = "、".join(sorted(f"{d.year}年{d.kind}" for d in named))
        return f"已载入的「{named[0].department}」报告只有 {held}，没有 {min(asked)} 年的数据。"
    return ""


def _load(conn: sqlite3.Connection, doc_id: int) -> DocData:
    """A document read back from the database, kept for the next questions."""
    path = conn.execute("pragma database_list").fetchone()[2] or f"memory:{id(conn)}"
    loaded = conn.execute("select loaded_at || sha256 from documents where id = ?", [doc_id]).fetchone()
    key = (path, doc_id, loaded[0] if loaded else "")
    doc = _DOC_CACHE.get(key)
    if doc is None:
        doc = load(conn, doc_id)
        if len(_DOC_CACHE) >= 8:
            _DOC_CACHE.pop(next(iter(_DOC_CACHE)))
        _DOC_CACHE[key] = doc
    return doc


def ask_doc(doc: DocData, question: str, session: Session) -> Answer:
    """Answer a question about an already loaded document."""

    question = (question or "").strip()
    if not squash(question):
        return _unmatched(doc, "none", "问题是空的：请输入想查的科目、项目或数字，例如「2013105」或「基本支出多少」。")
    chosen = _pick_choice(question, session)
    if chosen:
        question = chosen
    parts = [part for part in re.split(r"[？?]", question) if len(squash(part)) >= 2]
    if len(parts) >= 2 and not chosen:
        return _several_questions(doc, parts, session)
    from budgetqa.answer.documents import strip_department

    if session.continuing and session.last_entities and squash(question).startswith(("占", "在")) and "占" in question:
        subject = min((e for e in session.last_entities if e.kind != "table"), default=None,
                      key=lambda e: (_SUBJECT_RANK.get(e.kind, 9), -len(e.name)))
        if subject is not None:
            question = subject.name + question  # 其他收入是多少？占本年收入预算的比重是多少？
    p = parse(strip_department(question, doc.department, doc.printed_names), doc)
    p = _with_context(p, question, session, doc)
    out_of_scope = _out_of_scope(p, doc) or _other_year(p, doc)
    if out_of_scope:
        return _unmatched(doc, "out_of_scope", out_of_scope, p)
    for score, intent in p.intents[:6]:
        if score < 30:
            break
        handler = _handler(intent.name)
        answer = handler(doc, p) if handler else None
        if answer is not None:
            answer.document = doc.label
            _convert_units(answer, p)
            _remember(session, p, answer, question)
            return answer
        if intent.name in _TOPICS and score >= 60 and not p.items:
            # The report says nothing on this topic: do not fall back to some other figure.
            return _unmatched(doc, "no_match", f"报告（{doc.label}）没有关于「{_TOPICS[intent.name]}」的内容，没有给出任何数字。", p)
    return _unmatched(doc, "no_match", "", p)


_WAN = Decimal(10000)


def _convert_units(answer: Answer, p: Parsed) -> None:
    """多少元 of a figure printed in 万元 (or 多少万 of one in 元): say it in the unit asked for too."""
    wants_yuan = p.has("多少元", "几元", "多少块", "元？", "元?") or p.squashed.endswith("元")
    wants_wan = p.has("多少万", "几万", "万元")
    if wants_yuan and not wants_wan:
        source_unit, target_unit, factor = "万元", "元", _WAN
    elif wants_wan:
        source_unit, target_unit, factor = "元", "万元", 1 / _WAN
    else:
        return
    converted = []
    for figure in answer.figures[:3]:
        if figure.unit == source_unit:
            value = (figure.value * factor).normalize()
            value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value
            converted.append(Figure(f"{figure.label}（折合{target_unit}）", value, target_unit, figure.table, figure.line))
    if converted:
        answer.text += "（折合：" + "；".join(f"{f.label.split('（折合')[0]} {f.value:,} {target_unit}" for f in converted) + "）"
        answer.figures += converted


def _against_computed(previous: Answer, part: str) -> Answer | None:
    """…相加是多少？与说明中的5377.64万元相差多少？: the figure just computed against the one quoted."""
    computed = next((f for f in previous.figures if f.label.endswith("（计算）")), None) if previous.matched else None
    quoted = re.search(r"(?<![\d.])(\d[\d,]*\.\d+|\d[\d,]{3,})\s*(万元|元)?", part)
    if computed is None or quoted is None or not re.search(r"相差|差多少|差额|差距|差了", part):
        return None
    other = Decimal(quoted.group(1).replace(",", ""))
    if quoted.group(2) and quoted.group(2) != computed.unit:
        return None
    diff = computed.value - other
    a = Answer(True, "difference", "", understood=f"{computed.label.removesuffix('（计算）')} 与 {other}")
    a.text = (f"按「{a.understood}」理解：算得 {computed.value}{computed.unit}，与所给 {other}{computed.unit} "
              f"相差 {abs(diff)}{computed.unit}（{computed.value} − {other}）。")
    a.figure("差额（计算）", diff, computed.unit)
    return a


# Which of the last question's names is its subject, when the next part of the line leaves it out.
_SUBJECT_RANK = {"project": 0, "code": 1, "subject": 1, "economic": 2, "three_public": 3, "summary_item": 4}


def _several_questions(doc: DocData, parts: list[str], session: Session) -> Answer:
    """'行政运行预算多少？比2025年减少了百分之几？': each question in turn, the later ones following up."""
    answers = []
    for i, part in enumerate(parts):
        session.continuing = i > 0  # a later question of the same line refers to the earlier ones
        against = _against_computed(answers[-1], part) if answers else None
        answers.append(against or ask_doc(doc, part, session))
    session.continuing = False
    matched = [a for a in answers if a.matched]
    if not matched:
        return answers[0]
    combined = Answer(True, matched[0].intent, "", understood="；".join(a.understood for a in matched if a.understood),
                      document=doc.label)
    texts = []
    for part, answer in zip(parts, answers):
        texts.append(answer.text if answer.matched else f"「{part.strip()}」：{answer.text}")
        combined.figures += answer.figures if answer.matched else []
        combined.sources += [s for s in answer.sources if s not in combined.sources]
    combined.text = " ".join(texts)
    first_rows = next((a for a in matched if a.rows), None)
    if first_rows:
        combined.columns, combined.rows = first_rows.columns, first_rows.rows
    combined.figures = combined.figures[:40]
    return combined


def _handler(name: str):
    """The function answering an intent (one per intent of the catalogue)."""
    from budgetqa.answer import computed, consistency, lists, lookup, topics

    for module in (lookup, topics, computed, lists, consistency):
        fn = getattr(module, name, None)
        if callable(fn) and not name.startswith("_"):
            return fn
    return None


def _pick_choice(question: str, session: Session) -> str | None:
    """A follow-up that picks one of the previous answer's numbered choices ('1', '第二个')."""
    if not session.choices:
        return None
    from budgetqa.matcher import chinese_numbers

    text = chinese_numbers(squash(question))
    m = re.fullmatch(r"(?:选|要|看)?(?:第)?(\d{1,2})(?:个|项|条)?(?:吧|呢)?", text)
    if not m:
        return None
    index = int(m.group(1)) - 1
    if 0 <= index < len(session.choices):
        return session.choices[index][1]
    return None


def _with_context(p: Parsed, question: str, session: Session, doc: DocData) -> Parsed:
    """Follow-ups ('那上年结转呢', '它的绩效目标', '占比多少', '前五个呢') reuse the last subject."""
    if not session.last_entities:
        return p
    short = len(p.squashed) <= 12
    refers = any(w in p.squashed for w in _FOLLOW_UP) or session.continuing
    exact_items = [e for e in p.items if e.via in ("exact", "synonym")]
    if exact_items or not (short or refers):
        return p
    # The last question's names, placed outside this question's text so they mask nothing here.
    carried = [replace(e, start=10_000 + e.start, end=10_000 + e.end) for e in session.last_entities]
    p.entities = carried + [e for e in p.entities if e.via in ("exact", "synonym") or e.kind == "table"]
    if p.scope is None and (not refers or session.continuing):  # 本年项目…几个项目？合计多少？
        p.scope = session.last_scope
    if p.top_n is None and session.last_top_n is not None and p.has("呢"):
        p.top_n = session.last_top_n
    from budgetqa.matcher import _skeleton, rank_intents

    p.skeleton = _skeleton(p)
    ranked = rank_intents(p)
    if ranked and ranked[0][0] < 45 and session.last_intent:
        ranked = sorted(((s + (60 if i.name == session.last_intent else 0), i) for s, i in ranked), key=lambda si: -si[0])
    p.intents = ranked
    return p


def _out_of_scope(p: Parsed, doc: DocData) -> str:
    """Questions about another department, year or kind of report, people or the future."""
    if p.other_department:
        return f"这份报告是 {doc.label}，不包含「{p.other_department}」的数据。"
    if p.out_of_scope:
        return f"预算报告只有部门和科目的金额，没有人员、人均、数量单价、执行进度或以后年度的数据（{doc.label}）。"
    if p.missing_item and not any(e.via == "exact" for e in p.items):
        return f"报告（{doc.label}）没有列出「{p.missing_item}」这一项，没有可给的数字。"
    other_years = [y for y in p.years if doc.year and y not in (doc.year, doc.year - 1)]
    if other_years:
        return f"这份报告是 {doc.label}，没有 {other_years[0]} 年的数据。"
    if p.has("决算") and doc.kind == "预算" and not any("决算" in e.name for e in p.entities):
        return f"这份报告是{doc.kind}报告（{doc.label}），不含决算数。"
    return ""


_CHANGE_WORDS = ("比", "相比", "对比", "增长", "增加", "减少", "下降", "变化", "变动", "同比", "较", "增减", "差")


def _other_year(p: Parsed, doc: DocData) -> str:
    """2023年公务接待费 asked of a 2024 report: it has no such figure (a stated change is answered by yoy)."""
    if not doc.year or not p.years or doc.year in p.years or p.has(*_CHANGE_WORDS):
        return ""
    named = {e.name for e in p.items if e.kind == "fact"}
    if any(f["label"] in named and any(f"{y}年" in f["sentence"] for y in p.years) for f in doc.facts):
        return ""  # 2025年当年预算执行数: the narrative does state a figure of that year
    if p.previous_year:
        from budgetqa.answer.computed import yoy

        if any(e.kind != "table" for e in p.items) or p.has("三公", "机关运行", "总", "收入", "支出"):
            answer = yoy(doc, p)
            if answer is not None and answer.matched:
                return ""  # the report states the change: yoy gives last year's figure from it
    return f"报告（{doc.label}）只有 {doc.year} 年的数字，没有 {'、'.join(map(str, sorted(set(p.years))))} 年的；没有可给的数字。"


def _remember(session: Session, p: Parsed, answer: Answer, question: str) -> None:
    session.last_intent = answer.intent
    session.last_question = question
    if p.items:
        session.last_entities = [replace(e, start=e.start % 10_000, end=e.end % 10_000) for e in p.items]
        session.last_scope = p.scope
    if p.top_n is not None:
        session.last_top_n = p.top_n
    session.choices = answer.choices
    session.history.append(question)


def _unmatched(doc: DocData, intent: str, message: str, p: Parsed | None = None) -> Answer:
    suggestions = _suggest(doc, p)
    if not message:
        message = "没有在报告中找到与这个问题对应的内容，没有给出任何数字。"
        if p and p.residue:
            message = f"报告中没有「{p.residue.strip()}」相关的内容，没有给出任何数字。"
    return Answer(False, intent, message, document=doc.label, suggestions=suggestions)


def _suggest(doc: DocData, p: Parsed | None) -> list[str]:
    """Up to three questions that can be answered, close to what was asked when possible."""
    out: list[str] = []
    if p is not None and p.residue:
        from rapidfuzz import fuzz, process

        names = {i: n["name"] for i, n in enumerate(doc.names) if n["kind"] in ("subject", "economic", "project")}
        for name, score, _ in process.extract(p.residue.replace(" ", ""), names, scorer=fuzz.partial_ratio,
                                              processor=None, limit=3, score_cutoff=40):
            out.append(f"{name}多少")
    for intent in INTENTS:
        if len(out) >= 3:
            break
        if intent.examples and intent.name in ("lookup", "basic_vs_project", "share", "ranking"):
            out.append(intent.examples[0])
    return out[:3]
