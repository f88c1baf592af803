"""Read a question once into a Query: the operation asked for and its slots.

    question ──normalise──▶ text ──mentions, numbers, cue words──▶ Query

A Query is a value: it can be printed, compared in a test, and executed without the question.
The reader decides every slot here (what is asked about, within what, in which scope, table,
fund or column, with which threshold, order or unit); the executor never looks at the words again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from rapidfuzz import fuzz, process

from budgetqa import lexicon, patterns
from budgetqa.models import Document
from budgetqa.catalogue import INTENTS, Intent
from budgetqa.question.mentions import (ECONOMIC_CODE, homophone_fix, sounds_like, Mention, find_mentions, resolve_pinyin,
                                       strip_fillers)
from budgetqa.question.numbers import Amount, chinese_numbers, plain, read_numbers, small_numeral, typed_value
from budgetqa.question.vocabulary import Term, Vocabulary, printed_text, vocabulary
from budgetqa.textnorm import normalise, squash, strip_ordinal

_SEPARATORS = patterns.compile(r"[\s\u3000“”\"'‘’「」『』《》〈〉【】\[\]（）()，,。！!？?；;：:、·~～…—_/\\|*#@&^`]+")
# Words between two names that make the first the place the second is read in (X中Y, X下面的Y).
_WITHIN = ("当中的", "之中的", "下面的", "里面的", "里头的", "中的", "里的", "下的", "当中", "之中", "下面", "里面", "里头", "中", "里", "下",
           "拆成", "拆分成", "分成", "分为", "拆为")  # (X拆成A和B: A and B within X)
# Words between a table and the name after it that make the table where the name is read.
_IN_TABLE = ("", "的", "中", "里", "中的", "里的", "口径", "口径下", "口径的", "里面的", "上的", "上", "支出方", "收入方",
             "支出方的", "收入方的", "支出栏", "收入栏", "支出侧", "收入侧",
             "合计行", "合计行的", "合计栏", "合计栏的", "合计数的", "合计那一行的", "合计那行的")
_FUND_GAP = ("", "的", "安排", "安排的", "拨款安排的", "拨款的", "资金", "资金安排的")
_ROW_KINDS = ("code", "item", "row", "project", "target")
MAX_QUESTION = 500  # characters read of one question; the rest is cut and the answer says so


@dataclass
class Query:
    """What one question asks: an operation and its slots."""

    op: str = "value"
    subjects: list[Mention] = field(default_factory=list)  # what is asked about, in question order
    whole: Mention | None = None  # the whole a part is read within (X中Y) or divided by (Y占X)
    measures: list[str] = field(default_factory=list)  # columns asked of a row (基本支出, 上年结转, 决算 …)
    scope: str | None = None  # 本年 / 上年结转 / 全部
    fund: str | None = None  # a fund naming the table to read (一般公共预算, 财政拨款 …)
    table: int | None = None  # a table the question names as where to read
    level: str | None = None  # 类 / 款 / 项
    domain: str | None = None  # what a list, ranking, count or filter runs over (projects, items, subjects …)
    comparator: str | None = None  # gt, ge, lt, le, eq, between
    threshold: Amount | None = None
    upper: Amount | None = None  # the upper end of a range (between threshold and upper, both included)
    average: bool = False  # compared with the mean of the same rows
    n: int | None = None
    nth: int | None = None
    ascending: bool = False
    field_name: str | None = None  # a text field (总体目标, 立项依据 …) or indicator kind (质量 …)
    field_names: list[str] = field(default_factory=list)  # every sheet field named, in the order typed
    years: list[int] = field(default_factory=list)
    previous_year: bool = False  # the year before the report's, asked as a year of its own
    unit: str | None = None  # the unit the answer is wanted in
    places: int | None = None  # the decimal places wanted (保留一位小数: 1, 取整: 0)
    amounts: list[Amount] = field(default_factory=list)  # figures the question gives
    this_year_said: bool = False  # 去年 said of a 决算, meaning the year its accounts are of
    percents: list[Decimal] = field(default_factory=list)
    each: bool = False  # 分别 / 各: one answer per subject or measure
    together: bool = False  # 加起来占…: the subjects' sum taken as one figure
    refused: str = ""  # why the report cannot answer this (another department, a person, the future)
    missing: str = ""  # a standard item the question names that the report does not print
    missing_near: list[str] = field(default_factory=list)  # printed names close to it, to ask about instead
    follow_up: bool = False  # leans on the last answer (那…呢, 它的…, names nothing)
    cued: bool = False  # the operation was asked for in words, not assumed
    cue_words: tuple[str, ...] = ()  # the words that ask for an operation (哪几, 占多少), of every intent
    choice: int | None = None  # a pick from the last answer's numbered choices
    ops: list[tuple[float, str]] = field(default_factory=list)  # every operation, best first
    text: str = ""
    squashed: str = ""
    breaks: frozenset[int] = frozenset()
    cut: bool = False  # the question was longer than MAX_QUESTION
    relation: tuple[int, int] | None = None  # the words that tie the whole to its part (中, 下面的)
    scope_spans: list[tuple[int, int]] = field(default_factory=list)  # where scope phrases were typed
    subjects_typed: list[Mention] = field(default_factory=list)  # every name found, before roles were given
    excluded: list[Mention] = field(default_factory=list)  # names set aside (扣掉退休费, 不算安可替代工程)
    acronym: bool = False  # an acronym typed in capitals (GDP, CPI): a name, though no name of the report
    side: str | None = None  # 收入 / 支出: the side of a two-sided table asked about
    halves_short: bool = False  # 基本和项目: spending's two halves said by their first words (of what was just asked)
    levels: list[str] = field(default_factory=list)  # every level asked (属于哪个类、哪个款)
    missing_table: str = ""  # a table the question names that the report does not have (表十四)
    name_holds: str = ""  # words the names of the projects asked about hold (名称带“办公”的, 改善基本办学条件专项的项目)
    name_lacks: bool = False  # the names asked about are those that do not hold them (名字里没有“办公经费”的)

    def has(self, *words: str) -> bool:
        """True when any word occurs in the question (for slot reading inside this module)."""
        return any(w in self.squashed for w in words)

    def names(self) -> list[str]:
        """What each subject was read as, for 'what was understood'."""
        return [m.term.name for m in self.subjects]

    def describe(self) -> str:
        """A one-line summary (for tests and debugging)."""
        slots = {k: v for k, v in (("scope", self.scope), ("measures", self.measures), ("table", self.table),
                                   ("fund", self.fund), ("level", self.level), ("domain", self.domain),
                                   ("comparator", self.comparator), ("n", self.n), ("nth", self.nth),
                                   ("field", self.field_name), ("unit", self.unit)) if v}
        whole = f" within {self.whole.term.name}" if self.whole else ""
        return f"{self.op}({', '.join(self.names())}{whole}) {slots}"


# A word of hesitation said before a pause (嗯……那个，X / 就是，Y) points at nothing and asks nothing.
_HESITATION = patterns.compile(r"(?:^|(?<=[，,。！？!?….\s]))(?:(?:嗯+|呃+|额+|唉+|哦+|噢+|那个谁|那谁|那个什么|那什么|那个|这个|就是|然后|那啥)(?:[，,…。.\s]+)"
                         r"|(?:那个|这个|就是|然后)?(?:嗯+|呃+)(?:那个|就是)?)")  # (voice typing runs them in: 那个嗯区委办)


# What a clause says of the names before it (A和B都是项目支出表，区别在哪): it describes them, it names nothing
# asked; a clause that asks something (都是哪些, 都是结转的吗) is kept.
_PREMISE = patterns.compile(r"(?<=[^\s，,。？?；;])(?:都|均|也都|同)(?:是|为|属于)(?![^，,。？?；;]*(?:哪|什么|啥|多少|几|吗|呢|否|么))"
                      r"[^，,。？?；;]{1,12}(?=[，,；;])")


_TABLES_COUNTED = patterns.compile(r"(?:这|那)?([两二三四五])张([^，,。？?、和与]{2,14}?表)")


def _tables_counted(text: str, doc: Document) -> str:
    """两张项目支出预算表有什么区别 / 各自合计多少: the tables whose titles say so, named by their numbers
    (表12和表13), when there are as many as said and the tables themselves are compared."""
    m = _TABLES_COUNTED.search(text)
    if m is None or not re.search(r"区别|不同|差别|差异|不一样|各自(?:的)?合计|合计各", text):
        return text  # (两张项目表合在一起看，超过50万的项目: the projects they list, not the tables)
    typed = squash(m.group(2))[:-1]
    owners = [t.no for t in doc.tables if typed and typed in squash(t.title)]
    if len(owners) != {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5}[m.group(1)]:
        return text
    return text[:m.start()] + "和".join(f"表{no}" for no in owners) + text[m.end():]


# An acronym typed in capitals (GDP, CPI): a name, though none of the report's (the English the reader knows aside)
_ACRONYM = patterns.compile(r"(?<![A-Za-z])(?!TOP|KPI|OK|VS|PDF|CSV|YOY)[A-Z]{2,5}(?![A-Za-z])")


def _list_counted(q: Query, doc: Document) -> None:
    """八个项目逐项加起来: the list that has that many projects, whose total an everyday word for all the money asks."""
    counted = re.search(r"(\d{1,2}|[一二两三四五六七八九十]{1,3})个(?:绩效)?项目", q.squashed)
    if counted and q.scope is None and (q.domain == "projects" or not q.subjects):
        from budgetqa.textnorm import chinese_ordinal

        raw = counted.group(1)
        number = int(raw) if raw.isdigit() else chinese_ordinal(raw.replace("两", "二"))
        fits = _list_of_size(doc, {number})
        if fits in ("本年", "上年结转") and q.whole is None and re.search(r"占[^，,。？?]{0,4}$", q.squashed[:counted.start()]):
            # 占8个项目总额的百分之几: that list's total is the whole of the share
            q.whole = Mention(counted.start(), counted.end(), [Term("list", fits, f"{fits}项目")], via="count")
            return
        if fits:
            q.scope, q.domain = fits, "projects"
            q.subjects = [m for m in q.subjects if m.via != "synonym"]


# Digits typed one at a time with spaces between (2 0 1 3 2 0 2).
_SPELT_DIGITS = patterns.compile(r"(?<![\d.])\d(?:[ \u3000]\d){4,}(?![\d.])")


# Spending's two halves said by their first words (基本和项目, 项目比基本): no 支出 typed after either.
_HALVES_SHORT = patterns.compile(r"(?:基本|项目)(?:的|那块|部分)?\s*(?:[和与、跟及加]|还是|或者?|对比?|比)\s*(?:基本|项目)(?![支经])")


def _written_out(text: str) -> tuple[str, bool]:
    """The text with pairs and words said short written out in full (lexicon.SHORT_PAIRS), and whether spending's
    two halves were among them (基本和项目)."""
    halves_short = bool(_HALVES_SHORT.search(text))
    return lexicon.SHORT_PAIRS.apply(text), halves_short


# What a name means, asked (是什么意思, 指什么, 什么叫): of its glossary entry.
_MEANING_CUE = patterns.compile(r"什么意思|啥意思|指(?:的是)?(?:什么|啥)|什么叫|何为|含义|定义|怎么理解|什么概念|名词解释")


def _glossary_whole_name(mentions: list[Mention], squashed: str, v) -> list[Mention]:
    """A glossary term whose name ends in 预算 (一般公共预算：…) is listed by its name without it; a question asking
    what the whole name means is of that entry too."""
    if not _MEANING_CUE.search(squashed):
        return mentions
    out = []
    for m in mentions:
        typed = squashed[m.start:m.end]
        extra = [t for t in v.by_name.get(typed[:-2], []) if t.kind == "term" and t.key == typed] \
            if typed.endswith(("预算", "决算")) and "term" not in m.kinds else []
        out.append(replace(m, terms=m.terms + extra) if extra else m)
    return out


def read(question: str, doc: Document, heard: int = 0) -> Query:
    """Read one question (one part of a line) against the document's vocabulary (``heard``: how many
    misheard names were put right already; three at most)."""
    v = vocabulary(doc)
    cut = len(question) > MAX_QUESTION
    text = _HESITATION.sub("", normalise(question[:MAX_QUESTION]))
    text = lexicon.ENGLISH.apply(text)
    text = chinese_numbers(resolve_pinyin(text, v))
    text = _SPELT_DIGITS.sub(lambda m: re.sub(r"\s", "", m.group(0)), text)  # 2 0 1 3 2 0 2: one code, digit by digit
    text, halves_short = _written_out(_year_said_short(text, doc))
    text = _shared_head(text, v)
    text = _PREMISE.sub("", _tables_counted(text, doc))
    squashed = squash(text)
    q = Query(text=text, squashed=squashed, breaks=_breaks(text), cut=cut, acronym=_ACRONYM.search(question) is not None,
              halves_short=halves_short)
    numbers = read_numbers(squashed)
    q.amounts, q.percents, q.years, q.n, q.nth, q.choice = (numbers.amounts, numbers.percents, numbers.years,
                                                            numbers.n, numbers.nth, numbers.choice)
    q.amounts = [a for a in q.amounts if not _code_in_unit(a, q, v)]
    _scope(q)
    _missing_items(q, doc)
    blanked = _blank(_blank_qualifiers(squashed), q.missing)
    spaced = _blank(_blank_qualifiers(squash_spaced(text)), q.missing)
    mentions = [m for m in find_mentions(blanked, spaced, v, doc) if not _inside_number(m, q) and not _parent_word(q, m)]
    mentions = _unprinted(q, _glossary_whole_name(mentions, squashed, v), doc)
    # digits opening the codes of several branches (2013开头: 20131, 20132): each branch a subject
    mentions = [part for m in mentions for part in ([replace(m, terms=[t]) for t in m.terms] if m.via == "code" else [m])]
    fixed = homophone_fix(text, squashed, mentions, v, lambda: printed_text(doc)) if heard < 3 else None
    if fixed is not None:  # 差履费 typed for 差旅费: read again as the name sounds
        return read(fixed, doc, heard + 1)
    # a code typed split into 类 款 项 (204 06 99) holds no amounts (06, 99); a name's own figure typed after it
    # (2013105专项业务那246.89) says which figure, it is no threshold
    q.amounts = [a for a in q.amounts if not any(m.start <= a.start and a.end <= m.end and "code" in m.kinds
                                                 for m in mentions) and not _own_figure(a, q, mentions, doc)
                 and not _whole_figure(a, q)]
    _shape(q, doc)
    _roles(q, mentions, doc)
    if not q.subjects and q.percents:
        q.subjects = _quoted_rate(q, doc, v)
    if len(q.subjects) == 1 and q.whole is None:
        _part_named_within(q, v)
    _settle_names(q, v)
    _halves_of_item(q)
    _level_said_no_name(q)
    _spent_total(q, v)
    _column_as_table(q, doc)
    _paired_projects(q, doc)
    q.domain = _domain_named(q)
    _units_not_rows(q)
    _list_counted(q, doc)
    _scope_names_projects(q)
    if not q.subjects and q.domain is None and re.search(r"(?:干|做|管)(?:什么|啥|嘛)(?:的|工作)", q.squashed):
        q.domain = "duties"  # 区委办是干什么的 / 你们单位是做啥的: the department's duties
    if q.domain == "duties" and q.op != "count":  # 还管密码这些事吗: a few words of a name are the duty's words, not that name
        q.subjects = [m for m in q.subjects if m.via in ("exact", "synonym", "code")]
    _refusals(q, doc, mentions)
    _missing_table(q, doc)
    _bound_of_name(q)
    _rank(q)
    _table_not_column(q)
    _fund_spread(q)
    _stated_rate_typed(q, doc)
    _every_project_named(q)
    _sheets_counted(q)
    _scope_as_part(q, v)
    if q.domain == "duties" and not q.subjects and q.ops and q.ops[0][0] < 30:
        q.ops = [(60.0, "text")] + q.ops  # 还管密码吗: whether a duty is the department's, however weakly cued
        q.op = "text"
    _superlative_names(q)
    _table_as_place(q)
    _tables_compared(q)
    _list_in_its_table(q, doc)
    _settle_op(q, v, doc)
    _table_described(q, doc)
    _figure_typed(q, doc, v)
    _project_of_figure(q, doc, v)
    _names_holding(q, v)
    _whole_said(q)
    q.follow_up = _leans_on_context(q)
    return q


# A change from an earlier year said as a claim to be confirmed (比上年增加了，对吗 / 是不是比去年少了): no figure typed.
_CHANGE_CLAIMED = patterns.compile(r"(?:比|较|与|跟|同)(?:上年|去年|上一年|20\d\d年度?)(?:的)?(?:预算|决算)?数?(?:相比)?(?:是)?"
                                   r"(?:增加|减少|增长|下降|上升|降低|压减|多|少|涨|降)了?")
_CONFIRM = patterns.compile(r"对吗|对不对|是吗|是不是|对吧|没错吧|是否|吗$")


def _claimed_change(q: Query) -> None:
    """机关运行经费比上年增加了，对吗: whether it did is its change from that year, not a check of its figures."""
    if q.op == "check" and not q.amounts and not q.percents and _CHANGE_CLAIMED.search(q.squashed) \
            and _CONFIRM.search(q.squashed) and q.subjects:
        q.op, q.ops = "change", [(q.ops[0][0] + 1, "change")] + q.ops


def _bound_of_name(q: Query) -> None:
    """50万以上的通用设备有没有: an amount typed with 以上/以下 that the name it sits beside holds itself (价值50万元以上
    通用设备) is part of that name, no filter."""
    t = q.threshold
    if q.comparator is None or t is None:
        return

    def holds(term: Term) -> bool:
        return bool(re.search(rf"(?<![\d.]){plain(t.value)}(?:万元|万|元)(?:[（(]原值[）)])?(?:以上|以下)", term.name))

    if not any(holds(term) for m in q.subjects for term in m.terms):
        return
    q.subjects = [replace(m, terms=[term for term in m.terms if holds(term)]) if any(map(holds, m.terms)) else m
                  for m in q.subjects]  # (100万以上的通用设备: the one of them that name holds)
    q.comparator, q.threshold = None, None
    q.amounts = [a for a in q.amounts if a is not t]


def _units_not_rows(q: Query) -> None:
    """下属单位有几个: the department's units asked, where a row's name was only guessed from the words (附属单位
    上缴收入 for 下属单位)."""
    if q.domain is None and q.subjects and all(m.via == "fuzzy" for m in q.subjects) \
            and (unit := _domain_word(q.squashed)) in UNIT_DOMAINS:
        q.subjects, q.domain = [], unit


def _scope_names_projects(q: Query) -> None:
    """本年预算安排了哪些项目 / 上年结转安排的项目有几个: a scope's own name said of the projects says which
    projects, it is no whole of theirs (one said with its amount, or checked against them, is)."""
    if q.domain == "projects" and q.scope and q.subjects and not q.amounts and q.op != "check" and all("list" not in m.kinds and any(
            a == m.start and q.squashed[b:m.end] in ("", "安排", "资金") for a, b in q.scope_spans) for m in q.subjects):
        q.subjects = []
        if q.op == "breakdown":
            q.op, q.ops = "list", [(q.ops[0][0], "list")] + q.ops


def _year_said_short(text: str, doc: Document) -> str:
    """23年 / 24年度: a year said short, when it is one of the years the report speaks of; 前年 / 大前年: two (three)
    years before the reader's now: before the report's year for a budget, read in its year; a 决算 is read the
    year after its own, so its 前年 is the year it is compared with."""
    if not doc.year:
        return text
    now = doc.year + 1 if doc.kind == "决算" else doc.year
    text = re.sub(r"(?<![今明去后])(大)?前年(?!度)", lambda m: f"{now - (3 if m.group(1) else 2)}年", text)
    return re.sub(r"(?<![\d.])(\d\d)(?=年)", lambda m: f"20{m.group(1)}" if doc.year - 4 <= 2000 + int(m.group(1))
                  <= doc.year + 1 else m.group(1), text)


# A short word, a joining word, then a name: the first of two names sharing the second's head
_COORDINATED = patterns.compile(r"([\u4e00-\u9fff]{2,4})(和|与|及|、)(?=[\u4e00-\u9fff]{3})")


def _shared_head(text: str, v) -> str:
    """行政和事业单位医疗: two names sharing their head, the head written once; the first written out in full
    when the report prints it (行政单位医疗和事业单位医疗)."""
    def full(m: re.Match) -> str:
        first, after = m.group(1), squash(text[m.end():])
        if first in v.printed or first in v.by_name or first in v.synonyms or first in lexicon.FUNDS:
            return m.group(0)  # (a name of its own: 财政拨款、事业收入)
        for name in (n for n in v.printed if len(n) >= 4 and after.startswith(n)):
            for i in range(1, len(name) - 1):
                if name[:i] != first and first + name[i:] in v.printed:
                    return first + name[i:] + m.group(2)
        return m.group(0)
    return _COORDINATED.sub(full, text) if any(joining in text for joining in "和与及、") else text


def _level_said_no_name(q: Query) -> None:
    """其他类 / 其余几款 name the level's other items, not a name their words resemble (其他运转类项目)."""
    if q.level:
        said = re.compile(rf"(?:其他|其余|别的|剩下的?|另外的?)(?:的)?(?:几个|几)?{q.level}")
        q.subjects = [m for m in q.subjects if not (m.via == "fuzzy" and said.search(q.squashed[m.start:m.end + 2]))]


def _names_holding(q: Query, v: Vocabulary) -> None:
    """跟关工委有关的钱一共多少 / 名称带“办公”的项目: the projects whose names hold the words, listed with their
    total (in both scopes when both are said); 改善基本办学条件专项有几个项目: words several projects' names share."""
    holds = lexicon.NAME_HOLDS.search(q.text)
    q.name_holds = holds.group(1) if holds else ""
    q.name_lacks = holds is not None and lexicon.NAME_LACKS.search(q.text[max(0, holds.start() - 4):holds.start(1)]) is not None
    shared = _shared_by_projects(q, v) if holds is None else ""
    if shared:
        q.name_holds, q.subjects, q.domain = shared, [], "projects"
        if q.op == "breakdown":
            q.op, q.ops = "list", [(q.ops[0][0] + 1, "list")] + q.ops
        return
    if holds is None or any(m.kinds & {"code", "item", "project"} for m in q.subjects) \
            or q.op not in ("value", "sum", "list", "count") or q.domain not in (None, "projects"):
        return
    both = re.search(r"(?:新安排|本年|今年|当年).{0,6}(?:加上?|和|与|及|连同).{0,4}结转", q.squashed)
    q.subjects, q.domain = [m for m in q.subjects if "list" in m.kinds], "projects"
    q.scope = None if both else q.scope
    if q.op != "count":
        q.op, q.ops = "list", [(q.ops[0][0] + 1, "list")] + q.ops


def _shared_by_projects(q: Query, v: Vocabulary) -> str:
    """The words typed for several projects at once, read fuzzily as one of them, in a question asking which, how
    many or how much of projects (改善基本办学条件专项有哪些项目): the part of the name that two or more projects'
    names share, as a programme the report splits into projects; "" when the words are one project's own name."""
    if len(q.subjects) != 1 or q.op not in ("count", "list", "breakdown", "sum", "filter", "rank") \
            or q.domain not in (None, "projects") or "项目" not in q.squashed:
        return ""
    m = q.subjects[0]
    if m.start >= 10_000 or m.via in ("exact", "synonym", "code") or not m.kinds & {"project", "target"}:
        return ""
    names = {squash(t.name) for terms in v.by_name.values() for t in terms if t.kind in ("project", "target")}
    typed = q.squashed[m.start:m.end]
    for cut in range(0, 5):  # (a character of the words around it read into the name: 这几个改善…)
        for a in range(0, cut + 1):
            piece = typed[a:len(typed) - (cut - a)]
            holders = [n for n in names if piece in n]
            if len(piece) >= 4 and piece not in names and len(holders) >= 2:
                start = m.start + a  # (and a character typed before it that the same names hold: 中央高校…)
                while start > 0 and all(q.squashed[start - 1] + piece in n for n in holders):
                    start, piece = start - 1, q.squashed[start - 1] + piece
                return piece
    return ""


# 两项各占… / 这三个分别占…: the figures just given, each taken as a share of what follows
_THESE_TAKE = patterns.compile(r"(?:这|那|上述|以上)?(?:两|二|三|四|几)(?:项|个|者|笔|类|块)(?:分别|各自?)?(?:都)?占(?:了)?$")


# What opens a share whose part is not named: 占…, 它占…, 那又占…
_PART_UNSAID = patterns.compile(r"(?:那|那么)?(?:它|其|这个|这项|这一项|那个|该项)?(?:又|还|能)?占(?:了|到)?")


def _whole_said(q: Query) -> None:
    """Whether the whole a question names is one: 政府采购里授予中小企业的合同金额 asks a figure the text states
    of the topic itself; 对预算总额的占比 names the whole of a share whose part is what was just asked."""
    if q.op == "value" and q.whole is not None and q.whole.kinds == {"topic"} and q.subjects \
            and all(m.kinds <= {"fact"} for m in q.subjects):
        q.whole = None
    if q.op == "share" and q.whole is None and len(q.subjects) == 1 and (re.match(r"(?:那|那么)?(?:对|相对于|相对)", q.squashed)
                                                                          or _THESE_TAKE.search(q.squashed[:q.subjects[0].start])
                                                                          or _PART_UNSAID.fullmatch(q.squashed[:q.subjects[0].start])):
        q.whole, q.subjects = q.subjects[0], []  # (两项各占卫生健康支出的百分比 / 占教育支出多少: the whole, of what was just asked)
    if q.op == "share" and q.whole is None and len(q.subjects) == 2 and q.subjects[1].start < 10_000 \
            and re.fullmatch(r"\s*[/÷]\s*", _typed_between(q, q.subjects[0].end, q.subjects[1].start)):
        q.whole, q.subjects = q.subjects[1], q.subjects[:1]  # 差旅费/公用经费占比: a fraction, the second is the whole


def _typed_between(q: Query, end: int, start: int) -> str:
    """What was typed between two offsets of the squashed question, punctuation kept (squashing drops it)."""
    before, after = q.squashed[max(0, end - 4):end], q.squashed[start:start + 4]
    m = re.search(re.escape(before) + r"(.{0,12}?)" + re.escape(after), q.text) if before and after else None
    return m.group(1) if m else q.squashed[end:start]


# A figure typed as a thing pointed at (这780.77, 532.81那块): the row or column that prints it.
_FIGURE_POINTED = patterns.compile(r"^[这那][\d.]+|^.?[\d.]+(?:万元?|元)?(?:那块|这块|那部分|这部分|这个数|那个数|这笔|那笔|这项|那项)")


def _figure_typed(q: Query, doc: Document, v) -> None:
    """A figure typed with nothing named, asked what it is made of, where it belongs or which it is (13.59这个数
    由哪几项组成, 13.59对应哪一栏): the column or row that prints it (in the table named, if one is) when one
    name does; a column's total before a row that happens to equal it."""
    which_op = ("breakdown", "parent", "list", "count", "value") + (("filter",) if q.comparator is None else ())
    pointed = len(q.amounts) == 1 and _FIGURE_POINTED.search(q.squashed[max(0, q.amounts[0].start - 1):q.amounts[0].end + 3])
    if q.subjects or len(q.amounts) != 1 or q.whole is not None and not (pointed and q.op == "share") \
            or not (q.op in which_op and re.search(r"组成|构成|包括|明细|属于|对应|哪几项|哪些项|哪一?[栏列]|哪个科目|哪(?:几|些)个?科目"
                                                    r"|(?:分|落|用|花)(?:在|到)哪", q.squashed) or pointed and q.op == "share"):
        return
    want, columns, rows = q.amounts[0].value, set(), set()
    for t in doc.tables:
        if q.table is not None and t.no != q.table:
            continue
        for r in t.rows:
            for c in r.cells:  # (a total's column equal to the total itself is the whole again, no part of it)
                leaf = c.column.rsplit("/", 1)[-1]
                if c.amount != want or r.is_total and (re.search(r"合计|总计|小计", leaf) or c.amount == r.first) \
                        or r.name == doc.department:
                    continue
                (columns if r.is_total else rows).add(leaf if r.is_total else r.code or strip_ordinal(r.name))
    # a parent printing the figure because its one child does: the child (the most particular row)
    rows = {r for r in rows if not any(o != r and r.isdigit() and o.startswith(r) for o in rows)}
    names = columns if len(columns) == 1 else rows if not columns and len(rows) == 1 else set()
    name = next(iter(names)) if names else ""
    terms = [v.codes[name]] if name in v.codes else v.by_name.get(squash(name), []) if name else []
    if terms:
        a = q.amounts[0]
        q.subjects, q.amounts = [Mention(a.start, a.end, list(terms), via="amount")], []
        if q.op in ("count", "filter") or q.op == "breakdown" and re.search(r"哪个|哪一个|哪一行|什么科目", q.squashed) \
                and not re.search(r"哪些|哪几|组成|构成|明细|包括", q.squashed):  # (532.81对应哪个科目: which one it is)
            q.op, q.ops, q.domain = "value", [(max(q.ops[0][0] + 1, 60.0), "value")] + q.ops, None
        elif q.op == "list" and re.search(r"(?:分|落|用|花|安排)(?:在|到)哪", q.squashed):  # 这780.77分在哪几个科目上:
            # the subjects it falls in
            q.op, q.ops = "breakdown", [(max(q.ops[0][0] + 1, 60.0), "breakdown")] + q.ops


# Which project a question asks for (对应的是啥项目, 是哪个项目的钱).
_PROJECT_ASKED = patterns.compile(r"(?:哪个|哪一个|哪些|啥|什么)(?:个)?项目")


def _project_of_figure(q: Query, doc: Document, v) -> None:
    """A figure typed and the project it is asked of (1.07对应的是啥项目, 组织事务那个1.07是哪个项目的钱): the one
    project printed with that figure; a code named beside the figure says where it stands, it is not asked."""
    which = _PROJECT_ASKED.search(q.squashed)
    if len(q.amounts) != 1 or not (which or _PROJECT_OF_FIGURE.search(q.squashed)) \
            or any(not m.kinds & {"code", "row", "item", "list"} for m in q.subjects):
        return
    names = {r.name for t in doc.tables if t.kind.startswith("projects") for r in t.rows
             if r.first == typed_value(q.amounts[0], t.unit) and not r.is_total and r.name != doc.department and r.depth >= 2}
    terms = [t for name in names for t in v.by_name.get(squash(name), []) if t.kind == "project"]
    if len(names) == 1 and terms:
        a = q.amounts[0]
        q.subjects, q.amounts = [Mention(a.start, a.end, terms[:1], via="amount")], []
        if which:  # (which project it is: its figure; 24.34万元的项目是做什么的 keeps what it asks of it)
            q.op, q.ops, q.domain = "value", [(max(q.ops[0][0] + 1 if q.ops else 60.0, 60.0), "value")] + q.ops, None
        else:
            q.domain = None


# A project pointed at by its figure (有笔24.34万元的结转项目 / 90万的那个项目).
_PROJECT_OF_FIGURE = patterns.compile(r"[\d.]+(?:万元|万|元)(?:的|那个|这个)(?:本年|新安排的|上年结转的?|结转的?)?项目")



def _superlative_names(q: Query) -> None:
    """那个最大的 2013102 / 最多的那个安可替代工程: a superlative right before a name says which one was meant
    and the name says it; no ranking is asked."""
    if q.op != "rank":
        return
    for m in q.subjects:
        if m.via == "exact" and m.kinds & {"code", "project", "item"} \
                and re.search(r"最(?:大|多|高|小|少|低)的(?:那个|这个|那项|那笔)?$", q.squashed[max(0, m.start - 8):m.start]):
            q.ops = [o for o in q.ops if o[1] != "rank"]
            q.op = q.ops[0][1]
            return


def _table_as_place(q: Query) -> None:
    """A table named with a level asked of it (表5哪一类最多, 一般公共预算财政拨款支出按类看): a table has no
    parent, so it is where the classes are read, not a subject of its own."""
    ranked = q.op in ("share", "rank") and re.search(r"最(?:高|大|多|低|小|少)", q.squashed) \
        and not re.search(r"[增降涨跌减]幅|增长率|变动率|增速", q.squashed)  # (占比最高的是哪一类; rates are the report's)
    if not (q.op == "parent" or ranked) or not q.level or len(q.subjects) != 1 or q.subjects[0].term.kind != "table":
        return
    q.table, q.subjects = int(q.subjects[0].term.key), []
    _rank(q)


def _tables_compared(q: Query) -> None:
    """表3合计比表5合计多多少 / 支出总表比一般公共预算支出表多出多少: two tables set against each other are their
    totals, compared."""
    tables = [m for m in q.subjects if m.kinds == {"table"}]
    if len(tables) != 2 or len(q.subjects) != 2 or q.op == "difference" \
            or not re.search(r"比[^，,。？?]{0,30}?(?:多|少|高|低|大|小)(?:出|了)?(?:多少|几多)|相差|差多少|差额", q.squashed[tables[0].end:]):
        return
    _prefer(q, "difference")


def _list_in_its_table(q: Query, doc: Document) -> None:
    """表13七个结转项目: a list named with the table that prints it is one thing; the table says where."""
    tables = [m for m in q.subjects if m.kinds == {"table"} and len(m.terms) == 1]
    lists = [m for m in q.subjects if "list" in m.kinds]
    if len(tables) == 1 and len(q.subjects) == 1 \
            and re.search(r"(?:[几\d一二两三四五六七八九十]+个|各个?|每个|所有|全部|这些|哪些|哪几个)项目", q.squashed[tables[0].end:]):
        t = doc.table_no(int(tables[0].term.key))  # 本年预算那张项目表，八个项目加总: the projects that table lists
        rest = q.squashed[tables[0].end:]  # (their money or their number; 项目编码 is no figure the table prints)
        if t is not None and t.kind.startswith("projects") and not re.search(r"编码|代码|编号", rest) \
                and re.search(r"加|合计|一共|总共|金额|多少|几个|排", rest):
            q.table, q.subjects, q.domain = t.no, [], "projects"
            q.scope = q.scope or ("上年结转" if "carryover" in t.kind else "本年")
            if q.op in ("value", "sum", "breakdown"):
                _prefer(q, "list")
        return
    if len(tables) != 1 or len(lists) != 1 or len(q.subjects) != 2:
        return
    t = doc.table_no(int(tables[0].term.key))
    if t is not None and t.kind.startswith("projects"):
        q.table, q.subjects = t.no, lists
        _rank(q)


def _table_described(q: Query, doc: Document) -> None:
    """哪张表 asked of what a table's title says (不含上年结转的一般公共预算支出看哪张表, 经济科目明细在哪张表):
    the table whose title shares the most words with the question, when one clearly does."""
    if q.op != "about" or q.table is not None or not _WHICH_TABLE.search(q.squashed) \
            or any(m.kinds & {"code", "project", "item", "row"} for m in q.subjects):
        return  # (差旅费在哪张表: a row, found where it is printed)
    from difflib import SequenceMatcher

    asked = _WHICH_TABLE.sub("", q.squashed)
    named = {int(t.key) for m in q.subjects for t in m.terms if t.kind == "table"}  # (several titles say 一般公共预算支出)
    scores = []
    for table in doc.tables if not named else [t for t in doc.tables if t.no in named]:
        title = re.sub(r"^\d{4}年|[（）()]", "", squash(table.title))
        blocks = SequenceMatcher(None, title, asked, autojunk=False).get_matching_blocks()
        scores.append((sum(b.size for b in blocks if b.size >= 2), table.no))
    scores.sort(reverse=True)
    if scores and scores[0][0] >= 4 and (len(scores) == 1 or scores[0][0] > scores[1][0]):
        q.table = scores[0][1]


# Going down the classification from what was named or asked last (再往下, 下一层, 下面的款).
_DOWN = patterns.compile(r"往下|下一层|下一级|下级科目|下面的?(?:款|项|科目)|下面一层|下面呢|下面有"
                         r"|(?:细|细分|拆|落)到(?:具体|最细|最底层)?的?(?:科目|项级|款级|项|款)|" + lexicon.CODE_OPENING)
# A code's parts asked by how many there are (221 两项, 208下面三个款); 这一项 is the code itself.
_COUNTED_PARTS = patterns.compile(r"(?:下面|下边|下的|下|的)?(?:这|那)?(?:[2-9]|\d\d|[两二三四五六七八九十]{1,2})(?:个)?(?:项|款|科目|个科目)(?:各|分别)?(?:是)?"
                            r"(?:多少|几多)?(?:钱)?(?:呢)?")
_UP = patterns.compile(r"上面的?(?:款|类|一级|一层|科目)|上一级|上一层|往上|上面(?:的)?(?:两|二|几|各)(?:级|层)|上(?:两|二)(?:级|层)")


# A code's name asked just after it (2101101对应的科目名称是什么, 2101101叫什么).
_NAME_ASKED = patterns.compile(r"(?:这个(?:编码|代码|科目)?)?(?:对应|代表)?(?:的)?(?:是)?(?:哪个|什么|啥)?(?:科目)?(?:名称|名字|叫(?:什么|啥)|是(?:什么|啥|哪个)科目)")


# A share's whole said as the level its part lies in (占这一款多少, 占所属类的比重): that code's 类 or 款.
LEVEL_WHOLE = patterns.compile(r"占(?:了)?(?:它|其)?(?:所在|所属|这一?|该|本|上级|上一级|对应)?的?(?:那一?个?)?(类|款)(?!型|别)"
                               r"|在(?:它|其)?(?:所在|所属|这一?|该|本|上级|上一级|对应)?的?(?:那一?个?)?(类|款)(?:里|中|内|当中)(?:的)?占")


def _levels_against_code(q: Query) -> str | None:
    """A level word beside one code says which way to go: 2210201的款级和类级 names levels above it (its
    parents), 21011款下设哪几个项级 a level below it (its items); None when no level or no one code."""
    codes = [m.term.key for m in q.subjects if m.term.kind == "code" and len(m.term.key) in _LEVEL_OF_CODE]
    if len(codes) != 1 or len(q.subjects) != 1 or not q.levels or q.measures or LEVEL_WHOLE.search(q.squashed):
        return None
    order = ("类", "款", "项")
    own = order.index(_LEVEL_OF_CODE[len(codes[0])])
    asked = {order.index(lv) for lv in q.levels}
    if asked and max(asked) < own:
        return "parent"
    if min(asked) > own and re.search(r"下|包括|包含|含|有哪|有几|哪几|哪些|分为|构成|组成", q.squashed):
        return "breakdown"
    return None


def _parts_said(q: Query) -> None:
    """The parts of what is named, as the words say them: 几项 counted, a half of 基本支出, the levels below or above."""
    _name_under_parent(q)
    _counted_not_level(q)
    _half_of_basic(q)
    _down(q)


# The words between a subject and a name said under it (超长期特别国债安排的那笔高等教育, 普通教育的高等教育).
_UNDER_GAP = patterns.compile(r"(?:安排的|下的|下面的|里的|中的|的)?(?:那笔|那项|那个|这笔)?")


def _name_under_parent(q: Query) -> None:
    """A name several codes print, said right after the code it lies under (超长期特别国债安排的那笔高等教育:
    2059802, not 2050205): that one code, and the parent only says which."""
    for a, b in zip(q.subjects, q.subjects[1:]):
        parents = [t.key for t in a.terms if t.kind == "code"]
        under = [t for t in b.terms if t.kind == "code" and any(t.key.startswith(p) and t.key != p for p in parents)]
        codes = [t for t in b.terms if t.kind == "code"]
        if len(parents) == 1 and len(codes) >= 2 and len(under) == 1 and _UNDER_GAP.fullmatch(q.squashed[a.end:b.start]):
            q.subjects = [replace(m, terms=under) if m is b else m for m in q.subjects if m is not a]
            return


# The code just asked or picked, pointed at as the place of the names after it (这个款下面X和Y, 它下面的X).
_POINTED_PARENT = patterns.compile(r"(?:这|该|那)(?:个|一)?(?:类|款|科目)(?:下面|下边|底下|下的|下|里面|里|中)"
                                   r"|(?:它|其)(?:下面|下边|底下|下的|里面)")


def _names_under_last(q: Query, last: Query | None, focus: list | None) -> Query:
    """这个款下面行政运行和一般行政管理事务各多少: a name several codes print is the one code under the code the
    conversation is at (the last answer's pick, else the last subject)."""
    said = _POINTED_PARENT.search(q.squashed)
    if last is None or said is None or not q.subjects:
        return q
    parents = {t.key for m in (focus or last.subjects) for t in m.terms if t.kind == "code"}
    if len(parents) != 1:
        return q
    parent = parents.pop()
    subjects, narrowed = [], False
    for m in q.subjects:
        codes = [t for t in m.terms if t.kind == "code"]
        under = [t for t in codes if t.key.startswith(parent) and t.key != parent]
        if m.start > said.start() and len(codes) >= 2 and len(under) == 1:
            m, narrowed = replace(m, terms=under), True
        subjects.append(m)
    return replace(q, subjects=subjects) if narrowed else q


def _half_of_basic(q: Query) -> None:
    """基本支出的公用经费里超过1万元的 / 基本支出的人员经费有哪几项: the half is asked, said of its whole."""
    if q.op in ("filter", "rank", "count", "list", "breakdown", "mean") and len(q.subjects) == 2 \
            and q.squashed[q.subjects[0].end:q.subjects[1].start] == "的" \
            and squash(q.subjects[0].term.name).startswith("基本支出") and q.subjects[1].term.key in lexicon.BASIC_HALVES:
        q.subjects = q.subjects[1:]


def _counted_not_level(q: Query) -> None:
    """三公经费有哪几项 / 人员经费包括几项: 项 counts the parts of a thing named that is no subject code, it is not
    the 项 level of the functional classification (20131下面有哪几项 keeps it)."""
    if q.level == "项" and q.subjects and not q.table and not any(m.kinds & {"code"} for m in q.subjects) \
            and re.search(r"几项", q.squashed) and not re.search(r"项级|项科目|功能分类|科目", q.squashed):
        q.level = None
        q.levels = [lv for lv in q.levels if lv != "项"]
        if q.op in ("list", "breakdown"):  # (its parts, not a list of projects when it has none)
            q.ops = [(w, op) for w, op in q.ops if op != "list"]
            _prefer(q, "breakdown")


def _down(q: Query) -> None:
    """再往下两个项呢 / 下面的款: the items under what was named or asked last, unless counted or ranked;
    它上面的款和类: the levels above it; a level word above or below one code named (2210201的款级)."""
    if len(q.measures) >= 2 and q.op == "value":
        return  # 下面普通教育（款）的合计、基本支出、项目支出: that row's columns
    if LEVEL_WHOLE.search(q.squashed) and any(op == "share" for _, op in q.ops):
        _prefer(q, "share")  # 占所属类的比重: a share of the 类, not the 类 asked
        return
    way = _levels_against_code(q)
    if way and q.op != way and q.op not in ("rank", "count", "filter", "mean", "sum", "share"):
        q.ops = [(max(q.ops[0][0] + 1, 60.0), way)] + q.ops
        q.op, q.cued = way, True
        return
    if q.op == "breakdown" and len(q.subjects) == 1 and q.subjects[0].kinds & {"code", "row"} and not _DOWN.search(q.squashed) \
            and re.search(r"(?:下面|底下|下边|下头|下)的?$", q.squashed[:q.subjects[0].start]) \
            and re.search(r"多少|金额|几", q.squashed[q.subjects[0].end:]):
        _prefer(q, "value")  # 同一类下面的20132是多少: the name after 下面 is what is asked
        return
    if q.op == "breakdown" and len(q.subjects) == 1 and "code" in q.subjects[0].kinds and not _DOWN.search(q.squashed) \
            and _NAME_ASKED.match(q.squashed[q.subjects[0].end:]):
        _prefer(q, "value")  # 2101101对应的科目名称是什么: the code's name, which its figure is given with
        return
    if len(q.subjects) == 1 and "code" in q.subjects[0].kinds and _COUNTED_PARTS.fullmatch(q.squashed[q.subjects[0].end:]):
        q.ops = [(max(q.ops[0][0] + 1, 60.0), "breakdown")] + q.ops
        q.op, q.n, q.cued = "breakdown", None, True  # 221 两项 / 208下面三个款: the parts of the code, as many as said
        return
    down = _DOWN.search(q.squashed)
    named_below = down and any(down.end() <= m.start < 10_000 and m.kinds & {"code", "row"} for m in q.subjects)
    if named_below:
        return  # 下一级的X呢: X, the lower level, is named: it is asked, not its items
    if down and not q.measures and (q.op not in ("rank", "count", "filter", "mean", "sum", "share", "check") or q.ops[0][0] < 30):
        q.ops = [(max(q.ops[0][0] + 1, 60.0), "breakdown")] + q.ops
        q.op, q.n, q.cued = "breakdown", None, True
    elif _UP.search(q.squashed) and not q.measures and q.op != "parent" and q.ops[0][0] < 60:
        q.ops = [(max(q.ops[0][0] + 1, 60.0), "parent")] + q.ops
        q.op, q.cued = "parent", True


def _counts_stated(doc: Document, noun: str) -> bool:
    """Some sentence of the report counts the thing (两个办学校区, 8个二级事业单位)."""
    said = re.compile(r"[\d一二两三四五六七八九十]个[\u4e00-\u9fff]{0,3}?" + re.escape(noun))
    return bool(said.search(printed_text(doc)))


_RATE_AGAINST = patterns.compile(r"比[^，,。？?占]{0,14}?(?:高|低|多|少|增加|减少|下降|上升|增长|降低|涨|降)了?"
                           r"(?:百分之几|百分之多少|多少%|几个百分点|几成)")
_GAP_RATE = patterns.compile(r"^[^，,。？?]{0,3}?(?:高|低|多|少|大|小|贵|便宜)(?:出|了)?(?:出来)?(?:大约|大概)?"
                       r"(?:百分之几|百分之多少|多少%|多少个?百分比|几成|多少成)")


def _rate_against(q: Query) -> None:
    """今年预算比执行数低了百分之几: a rate of change, not a share; A比B高出百分之多少 (two things named, 比
    between them): their difference, as a share of the second."""
    if q.op == "share" and q.whole is None and _RATE_AGAINST.search(q.squashed) and any(op == "change" for _, op in q.ops[:3]):
        _prefer(q, "change")
    elif q.op in ("share", "value", "about") and q.whole is None and len(q.subjects) == 2 \
            and "比" in q.squashed[q.subjects[0].end:q.subjects[1].start] \
            and _GAP_RATE.search(q.squashed[q.subjects[1].end:]):
        _prefer(q, "difference")


# Figures added, then set against another: A加B与C差多少 / A和B加起来比C多还是少 / A+B跟C对得上吗 / A加B跟C比哪个大.
_SUM_AGAINST = patterns.compile(r"(?:加|\+|之和|加起来|合起来|相加|合计)[^，,。？?]{0,30}?[，,]?(?:与|跟|和|同|比|较|对比)"
                          r"[^，,。？?]{0,24}?(?:差多少|相差|差额|差了?多少|多还是少|多多少|少多少|一致|相等|等于|对得上|对不上|吻合"
                          r"|哪个(?:大|多|高|小|少|低)|谁(?:大|多|高|小|少|低)|大还是小|高还是低)")


# 项下所列项级科目 / 下设哪些科目: the subjects listed under a code, asked in written style.
_LISTED_UNDER = patterns.compile(r"[^，,。？?]{0,5}?(?:项下|之下|下设|下辖)(?:所列|列有|设有|有)?(?:的)?(?:哪些|哪几个?)?(?:项级|款级)?(?:科目|项)")


def _members_asked(q: Query) -> str | None:
    """A question read as asking a parent that asks of the parts under its subject instead: 归在X名下的几项
    (count), X下面有哪些 (breakdown), X下面哪个款最大 (rank); X细到项级是哪个 asks its parts at that level
    whatever the operation read, but for the largest of them (细到项级哪个最大: those parts ranked)."""
    if not q.subjects:
        return None
    after = q.squashed[q.subjects[-1].end:]
    if q.op not in ("breakdown", "count") and q.subjects[-1].kinds & {"code", "item", "row", "column", "fact"} \
            and not (q.op == "rank" and _WHICH_MOST.search(after)) and (re.match(r"[^，,。？?]{0,3}(?:细|具体|落实?|分|拆)到(?:项|款)级?", after)
                                                                   or _LISTED_UNDER.match(after) or len(q.subjects) == 1
                                and re.match(r"(?:的)?(?:下面|底下|下边|里面|里头)?(?:就|只有|有|是|共|包括)?(?:[一两三四五六七八九\d]|几)"
                                             r"(?:项|个|部分|块|类)(?:来源|组成)?(?:吧|吗|呢|嘛)?(?:[？?，,]*(?:分别|各|是啥|是什么|是哪)|[？?]*$)", after)):
        return "breakdown"  # (公用经费就两项？分别多少 / X底下就一项吗？是啥: its parts, each with its figure)
    if q.op != "parent":
        return None
    if re.search(r"(?:名下|下面|底下|下属|项下|之下)(?:的|有|都有|包括|所列|列有|设有)?(?:的)?(?:几项|几个|哪几|哪些|项级|款级|科目)", after):
        return "count" if re.search(r"几项|几个", q.squashed) else "breakdown"
    if re.search(r"(?:名下|下面|底下|下属)[^，,。？?]{0,4}[，,]?(?:哪|谁).{0,6}(?:最|第)", after):
        return "rank"
    return None


def _counted_elsewhere(q: Query, doc: Document) -> None:
    """涉及多少个村 / 多少个专职调解员 (people counted by their job): no table counts them, only a sentence
    stating it answers; when no sentence counts them, the report holds no such number."""
    counted = re.search(r"(?:多少|几)个(" + "|".join(lexicon.COUNTED_ELSEWHERE) + ")", q.squashed) \
        or re.search(r"(?:多少|几)(?:个|名|位)([\u4e00-\u9fff]{0,4}?(?:员|人员|干部|职工|律师|教师))(?![经支费])", q.squashed)
    if counted and q.op in ("sum", "value", "count"):
        _prefer(q, "text", 80.0)
        if not _counts_stated(doc, counted.group(1)):
            q.refused = q.refused or "person"


# What names the kind of the things just listed (A、B、C这三个本年项目, 以上几项): a description, not one more thing.
_THESE = patterns.compile(r"(?:这|那|以上|上述|前面)(?:[\d两二三四五六七八九十几]+|些)?(?:个|项|笔|类)?$")


def _kind_of_listed(q: Query) -> None:
    """A、B、C这三个本年项目一共多少: the list word after the names says what they are (and their scope)."""
    for i, m in enumerate(q.subjects):
        if i >= 2 and m.kinds == {"list"} and m.start < 10_000 and _THESE.search(q.squashed[q.subjects[i - 1].end:m.start]):
            q.subjects = q.subjects[:i] + q.subjects[i + 1:]
            if m.term.key in ("本年", "上年结转") and q.scope is None:
                q.scope = m.term.key
            return


def _two_figures_set(q: Query) -> None:
    """Two figures of one thing set against each other: the sheets whose 年度 and 实施期 totals differ (不相等的
    是哪些项目), listed; one figure asked of the table and of the text (表里和文字说明各写的多少), checked."""
    if q.op in ("breakdown", "text") and re.search(r"实施期", q.squashed) and re.search(r"年度", q.squashed) \
            and re.search(r"(?:不一致|不一样|不同|不相等|不等|对不上|不符)的?(?:是|有)?(?:哪些|哪几|哪个)", q.squashed):
        _prefer(q, "list")
    if q.op == "value" and q.subjects and _SOURCES_SET.search(q.squashed):
        _prefer(q, "check")


def _settle_op(q: Query, v, doc: Document) -> None:
    """The operation the ranked templates chose, settled by what the question's words say for certain."""
    _kind_of_listed(q)
    _parts_said(q)
    _split_by_scope(q)
    # 合计 as an item of the list (表5合计、A、B / A、B和合计), not a word of another item (实施期资金总额合计和…)
    listed_total = re.search(r"(?:^|表[\d一二三四五六七八九十]*|[的、，,])\s*(?:合计|总计)(?:数|行)?\s*[、，,和与及跟]"
                             r"|[、，,和与及跟]\s*(?:合计|总计)(?:数|行)?\s*(?:[、，,]|各|分别|$)", q.text)
    named_total = re.search(r"(?:收入|支出|本年|当年)合计", q.squashed)  # a column's name (本年收入合计、财政拨款各多少)
    columns = len(q.measures) >= 2 and q.subjects and q.op in ("sum", "breakdown")  # X的合计、基本支出、项目支出呢
    if (q.op == "sum" and q.each and (q.whole is not None or q.amounts or listed_total or named_total) or columns) \
            and not re.search(r"加|一共|总共|合起来|共计|之和|合计(?:是|为|有)?多少", q.squashed):
        # 合计X万元里A、B各多少 / 表5的合计和基本支出分别多少: each figure (合计 one of them), not a sum of them
        _prefer(q, "value")
    if q.op == "sum" and re.search(r"占[^，,。？?]{2,40}?(?:加上?|\+|和)[^，,。？?]{2,40}?(?:的)?(?:比重|比例|百分|几成|多少)", q.squashed) \
            and len(q.subjects) >= 2:
        _prefer(q, "share")  # A占“A+B”的比重: the added figures are the whole, a share is asked
    _counted_elsewhere(q, doc)
    _two_figures_set(q)
    if not q.subjects and re.fullmatch(r"(?:那|这|它|这个|那个|该)?(?:又|到底|究竟)?(?:是|指)(?:什么|啥)(?:意思)?(?:呢|啊)?", q.squashed):
        q.ops = [(max(q.ops[0][0] + 1, 60.0), "define")] + q.ops  # 是什么 / 这是啥: what the last subject means
        q.op, q.cued = "define", True
    if len(q.subjects) >= 2 and re.search(r"(?:啥|什么|哪些)(?:区别|不同|差别)|区别(?:是什么|在哪|是啥)", q.squashed) \
            and not re.search(r"多少|金额|几", q.squashed):
        q.ops = [(max(q.ops[0][0] + 1, 60.0), "define")] + q.ops  # 基本支出和项目支出有啥区别: what each means
        q.op, q.cued = "define", True
    if q.op in ("text", "breakdown") and re.search(r"最大头|大头|最多|最大|最高|花得最多", q.squashed) \
            and any(op == "rank" for _, op in q.ops[:3]) and not q.field_name:
        _prefer(q, "rank")  # 最大头是干什么用的: the largest first (its name says what for)
    _op_said(q)
    if q.whole is not None and len(q.subjects) >= 2:  # 基本支出中，A和B…占基本支出: the whole is not a part
        q.subjects = [m for m in q.subjects if m.term.key != q.whole.term.key] or q.subjects
    if re.search(r"涨幅|增幅|增速|增长率|降幅|减幅|完成率|执行率|完成.{0,6}比例", q.squashed) \
            and re.search(r"最|冠军|第一|垫底|倒数|排名|排第|前\d", q.squashed):
        _prefer(q, "rank", 80.0)  # 涨幅最大的科目: the stated rates ranked
    _level_ops(q)
    _fund_ranked(q)
    if q.domain == "subjects" and q.level and not q.subjects and q.ops[0][0] < 40 \
            and re.search(r"多少|支出数|金额|各自|分别|都是", q.squashed):
        q.ops = [(60.0, "list")] + q.ops  # 四个功能大类各自的支出数 / 各款分别多少: the subjects of that level
        q.op = "list"
    if _whole_money_asked(q):
        q.subjects = _report_total(q, v)
        if q.subjects:  # 一共多少经费: one figure, the total (not a sum of several), however weakly cued
            _prefer(q, "value", 60.0)
    compared = _compared_op(q) or _top_n_op(q)
    if compared:
        q.ops = [(max(q.ops[0][0] + 1, 60.0 if compared == "check" or q.comparator == "between" else 0.0), compared)] + q.ops
        q.op = compared
    if q.op == "value" and q.subjects and not re.search(r"多少|金额|几|数额", q.squashed) and (
            _MEANING_ASKED.search(q.squashed[q.subjects[-1].end:]) or "名词解释" in q.squashed):
        _prefer(q, "define")  # X主要反映什么支出 / 名词解释里X怎么说: what the glossary says it is, of a code's name too
    if q.op == "value" and q.whole is not None and re.search(r"占了?[^占，,。？?\d]{0,6}$", q.squashed[:q.whole.start]):
        _prefer(q, "share")  # 占(街道全部)支出的多少: a share of the whole named after 占
    elif q.op == "share" and "占" not in q.squashed and _AGAINST_LAST_YEAR.search(q.squashed):
        _prefer(q, "change")  # 比上年降了百分之几 / 相当于上年的百分之几: against last year, not a share
    members = _members_asked(q)
    if members:  # 归在X名下的几项 / X下面哪个款最大: X's parts, counted, listed or ranked
        q.ops = [(q.ops[0][0] + 1, members)] + q.ops
        q.op = members
    if re.search(r"指标值|目标值|指标(?:是|为|要求)(?:多少|几|什么)", q.squashed) and q.op != "text":
        q.ops = [(max(q.ops[0][0] + 1, 60.0), "text")] + q.ops  # 经费占比的指标值是多少: a sheet's indicator, as printed
        q.op, q.cued = "text", True
    elif q.op in ("about", "text") and re.search(r"占(?:了)?(?:多少|百分之几|几成|多大|比例|比重)", q.squashed) \
            and any(op == "share" for _, op in q.ops[:3]):
        _prefer(q, "share")  # …实际占多少: a share, whatever else the words describe
    if q.op == "check" and re.search(r"占[^，,。？?]{1,20}?(?:是不是|是否)(?:超过|不到|不足|低于|高于|少于|多于|达到|过)", q.squashed):
        _prefer(q, "share")  # A占B是不是不到三成: the share, set against the bound (no figure claimed)
    if q.op != "check" and _SUM_AGAINST.search(q.squashed) and len(q.subjects) + len(q.amounts) >= 3:
        _prefer(q, "check", 80.0)  # A加B与C差多少: the sum set against C
    _rate_against(q)
    if q.together and (q.op == "sum" or q.op == "check" and re.search(r"百分之|比例|比重|占比|几成", q.squashed)):
        _prefer(q, "share")  # 加起来占多少 / 这两项一共占X的百分之几: a share, of the sum
    _shape_said(q)
    if q.scope and len(q.subjects) >= 2 and q.op == "share" and _is(q.subjects[0], q, _SCOPE_NAMES):
        q.scope = None  # 上年结转在项目支出中占比: the scope is the part asked, not a qualifier of the whole
        for m in q.subjects[1:]:
            m.scope = None
    _scope_shares(q)
    _whole_said_first(q)


# One thing claimed larger or smaller than another (是不是比Y还少, 是否高于Y), nothing added or typed.
_CLAIMED_LARGER = patterns.compile(r"^(?!.*(?:加|之和|合计|相加|一致|对得上|对不上|等于|吻合|相符)).*(?:是不是|是否|难道)[^，,。？?]{0,4}"
                             r"(?:比[^，,。？?]{1,20}?(?:多|少|高|低|大|小)|(?:高|低|多|少|大|小)于)")
# A multiple of another claimed (是不是已经超过基本支出的两倍, 是否不到它的一半)
_CLAIMED_TIMES = patterns.compile(r"(?:是不是|是否|有没有|是)[^，,。？?]{0,16}?(?:[\d.两二三四五六七八九十]+倍|一半)")


def _shape_said(q: Query) -> None:
    """Operations settled by how the question is put, over the templates' ranking: X是不是比Y还少 sets the two
    side by side (no arithmetic of the report's to check); 支出预算按功能分类的类共有几个 counts that level (not
    the spending's figure); X是由哪两大块加起来的 asks the parts that add up to X (not X added to something)."""
    if q.op == "check" and len(q.subjects) == 2 and not q.amounts and not q.percents and _CLAIMED_LARGER.search(q.squashed):
        _prefer(q, "difference")
    if q.op in ("check", "value", "difference") and len(q.subjects) == 2 and _CLAIMED_TIMES.search(q.squashed):
        _prefer(q, "ratio")  # A是不是超过B的两倍: how many times B it is
    elif q.op in ("value", "filter") and len(q.subjects) == 2 and not q.amounts and _EXCEEDS_BY.search(q.squashed):
        _prefer(q, "difference")  # A超过B多少 / A比B高出多少: the gap between the two
    if q.level and q.op in ("breakdown", "value") and q.subjects and re.search(r"(?:几|多少)个", q.squashed) \
            and all(m.kinds <= {"fact", "row", "term"} and _SPENDING_AS_A_WHOLE.fullmatch(squash(m.term.name)) for m in q.subjects):
        q.subjects = []
        _prefer(q, "count")
    if q.op in ("sum", "value") and len(q.subjects) == 1 and _PARTS_ADDED.search(q.squashed):
        _prefer(q, "breakdown")
    if q.op == "check" and not (q.amounts or q.percents) and _MOVED_ASKED.search(q.squashed) \
            and not re.search(r"对不对|对吗|一致|对得上|相符|准确|算错", q.squashed):
        _prefer(q, "change")  # X是不是增加了 / 有没有减少: its change from last year, not the report's arithmetic


# How far one figure is above another, asked (A超过B多少 / 超出B几万).
_EXCEEDS_BY = patterns.compile(r"(?:超过|超出|高出|多出)[^，,。？?]{1,20}?(?:多少|几)")
# Whether a figure rose or fell, asked (是不是又增加了, 有没有减少, 是否比上年下降).
_MOVED_ASKED = patterns.compile(r"(?:是不是|是否|有没有|有无)(?:又|还|也)?(?:(?:比(?:上年|去年|20\d\d年度?)(?:预算)?)?(?:增加|减少|增长|下降|上涨|上升|压减|涨|降)"
                                r"|比(?:上年|去年|上一年|20\d\d年度?)(?:预算)?(?:多|少))")


# The report's spending or income as a whole, by the words that name it.
_SPENDING_AS_A_WHOLE = patterns.compile(r"(?:本年)?(?:支出|收入|收支)(?:预算|总预算|总计|合计|决算)?")
# Which parts add up to a figure (由哪几个科目相加, 是哪两大块加起来的).
_PARTS_ADDED = patterns.compile(rf"哪[^，,。？?]{{0,6}}?(?:{lexicon.ADDING}|组成|构成|凑成|加成)")
# 各占多少钱: money taken up, not a share; 这两个数: the figures just named; 本年项目数: how many a list holds;
# 各增了多少: each of the names; 跟谁签的合同: the other party, an organisation; 2025年实际执行了多少: spent, of the last name.
_MONEY_TAKEN = patterns.compile(r"占(?:了|用)?(?:多少|几)(?:钱|万元|万|元|块)")
_THESE_FIGURES = patterns.compile(r"[这那][两二三四五六七八九几]个(?:数|数字|金额|项)?")
_LIST_NUMBER = patterns.compile(r"的?(?:个数|数量|数(?![据字额值]))|(?:一共|总共|共)?(?:有)?(?:多少|几)个(?!百分点|钱)")
_EACH_VERB = patterns.compile(r"各(?:是|为|占|有|多少|自|分|给|拿|花|得|增|减|涨|降|变|比|安排|列|要|写|填|印|报|算|记)")
_PARTY_ASKED = patterns.compile(r"(?<=[跟和与同向找])谁(?=签|合作|购买|买|订)|谁(?=来?(?:承接|实施|提供|承担|负责实施))")
_SPENT_ASKED = patterns.compile(r"^(?:那)?(?:20\d\d年(?:度)?)?(?:实际)?(?:支出了|花了|花掉了?|用了|执行了?)多少")


# What a name is said to cover (主要反映什么支出): the glossary's words for it
_MEANING_ASKED = patterns.compile(r"^(?:这个科目|这项|这个)?[，,]?(?:主要)?反映(?:的是)?(?:什么|哪些|啥|哪方面|哪类)")


def _prefer(q: Query, op: str, floor: float | None = None) -> None:
    """Settle the operation on one the question's words say for certain, ranked above the templates' first
    (and at least at floor)."""
    q.ops = [(q.ops[0][0] + 1 if floor is None else max(q.ops[0][0] + 1, floor), op)] + q.ops
    q.op = op
    q.cued = True


# A multiple said of one figure against another (是不是…的20倍, 超过…的两倍了吗)
_MULTIPLE_CLAIMED = patterns.compile(r"的(\d+(?:\.\d+)?|[一二两三四五六七八九十百]+)倍")


def claimed_multiple(q: Query) -> Decimal | None:
    """The multiple a question claims of one figure against another (的20倍 → 20, 的两倍 → 2), if any."""
    said = _MULTIPLE_CLAIMED.search(q.squashed)
    if said is None:
        return None
    raw = said.group(1)
    if raw[0].isdigit():
        return Decimal(raw)
    n = small_numeral(raw)
    return Decimal(n) if n is not None else None


# A statistic of a list's amounts (its mean, median or range)
_STATISTIC = patterns.compile(r"平均|均值|中位数|中值|极差|最大(?:值)?(?:和|与|减)最小(?:值)?(?:之|的)?差")


# Whether a thing named is the largest or smallest (X是不是最多的, 是否所有类别里最大): its place, said yes or no.
CLAIMED_FIRST = patterns.compile(r"(?:是不是|是否|是)(?:[^，,。？?]{0,12}?(?:里|中|当中))?(?:的)?最(?:多|大|高|少|小|低)(?:的)?(?:吗|么|呢|一个|一项|一类)?$")
# Which one is the largest or smallest (哪个最大, 哪一项最少): a ranking's first asked.
_WHICH_MOST = patterns.compile(r"哪(?:个|一个|一|项|一项|款|类|些)?[^，,。？?]{0,4}?最(?:大|多|高|少|小|低)")


# The parts a figure is made of, asked by their number (是哪两项 / 由哪几块组成 / 包括哪三部分).
_PARTS_WHICH = patterns.compile(r"(?:是|由|包括|包含|分成|分为)哪(?:两|几|三|四|五|些)(?:项|个|块|部分|笔|款)(?:组成|构成|加起来|合成)?(?:的)?[？?]?$")
# This year's figure as a fraction of last year's (相当于上年的百分之几 / 是去年的多少).
OF_LAST_YEAR = patterns.compile(r"(?:相当于|是|为)(?:了)?(?:上年|去年|上一年|上年度)(?:的)?(?:百分之|多少|几成|几分之)")
# A figure set against last year's (比上年 / 同比 / 相当于上年的百分之几).
_AGAINST_LAST_YEAR = patterns.compile(r"(?:比|较|同)(?:上年|去年|上一年|20\d\d年)|同比|" + OF_LAST_YEAR.pattern)


def _op_said(q: Query) -> None:
    """An operation the question's words settle over the ranked templates: a fund asked is a value, money
    taken up (各占多少钱) is a value, the subject a purpose names is asked itself, a list's 数 is counted."""
    if q.op == "parent" and lexicon.FUND_ASKED.search(q.squashed):
        _prefer(q, "value")  # 用的是哪一类预算的钱: its fund, not its 类
        q.level, q.domain = None, None
    if q.op == "share" and q.whole is None and not q.amounts and _MONEY_TAKEN.search(q.squashed):
        _prefer(q, "value")  # 各占多少钱: how much money each is, not a share
    if q.op == "count" and len(q.subjects) >= 2 and _THESE_FIGURES.search(q.squashed) and re.search(r"各|分别", q.squashed):
        _prefer(q, "value")  # 这两个数各是多少: the figures of the names just said, not a count
    if q.op == "parent" and q.subjects and all(m.via == "purpose" for m in q.subjects):
        _prefer(q, "value")  # 人民调解的钱属于哪一项: the subject its money is said to be for
    if q.op in ("check", "value", "text") and any(t.kind == "topic" and t.key == "绩效目标" for m in q.subjects for t in m.terms) \
            and re.search(r"(?:公开|编制|填报|报送)(?:了)?(?:项目)?绩效目标|(?:全|都)(?:部|都)?(?:公开|有)", q.squashed):
        _prefer(q, "count")  # 本年的项目是不是全都公开了绩效目标: the projects with a sheet, counted against all
        q.domain = "targets"
    if q.op in ("check", "value") and re.search(r"占(?:了)?(?:一大半|大半|一半以上|过半|超过一半|绝大多数|绝大部分|多数)", q.squashed):
        _prefer(q, "share")  # 服务是不是占了一大半: its share, which says whether the claim holds
    if q.op in ("check", "value") and q.whole is None and len(q.subjects_typed) == 2 and _MULTIPLE_CLAIMED.search(q.squashed):
        _prefer(q, "ratio")  # 人员经费是不是公用经费的20倍还多: the ratio, which says whether the claim holds
        q.subjects = list(q.subjects_typed)
    if q.op in ("check", "value") and len(q.subjects) == 1 and CLAIMED_FIRST.search(q.squashed):
        _prefer(q, "rank")  # 住房保障支出是不是最多的: its place among its peers, not a check of its figures
    if q.op == "value" and len(q.subjects) == 1 and _PARTS_WHICH.search(q.squashed) and q.comparator is None \
            and q.subjects[0].kinds & {"code", "item", "column", "row"} and "list" not in q.subjects[0].kinds:
        _prefer(q, "breakdown")  # X那块234.42是哪两项: the parts it is made of, not its figure again
    if q.op == "about" and q.domain == "targets" and re.search(r"(?:几|多少)张", q.squashed):
        _prefer(q, "count")  # 附了几张项目绩效目标表: the sheets counted, not the report's tables
    if any("list" in m.kinds and _LIST_NUMBER.match(q.squashed[m.end:]) for m in q.subjects):
        _prefer(q, "count", 60.0)  # 本年项目数: how many the list holds
    if q.op in ("value", "sum", "text") and _STATISTIC.search(q.squashed) and q.comparator is None and q.threshold is None \
            and (q.domain or q.level or any(m.kinds & {"list", "table"} for m in q.subjects)
                 or re.search(r"平均每", q.squashed) and any(m.term.kind == "fact" for m in q.subjects)) \
            and (q.op != "text" or re.search(r"平均每", q.squashed)):
        _prefer(q, "mean")  # 本年项目的平均金额 / 中位数 / 极差 / 编报绩效目标的项目平均每个: a statistic, not a total
    if (q.op == "breakdown" and (q.n and q.n > 0 and "前N" in q.cue_words or _WHICH_MOST.search(q.squashed) or q.nth)
            or q.op == "parent" and q.nth and re.search(r"第[^，,。？?]{1,3}?(?:多|大|高|少|小|低)", q.squashed)) \
            and any(op == "rank" for _, op in q.ops[:2]):
        _prefer(q, "rank")  # X明细里金额前三的 / 具体到项级，哪个最大 / 排第二的来源: a place among its parts, not all


def _fund_ranked(q: Query) -> None:
    """一般公共预算财政拨款支出那5个类里第一是哪个: a fund's spending spread over its subjects, read in that
    fund's own table, not the total's one figure."""
    if q.op not in ("rank", "list", "count", "filter", "mean") or len(q.subjects) != 1 or not q.level \
            or q.subjects[0].start >= 10_000:
        return
    m = q.subjects[0]
    fund = _fund_of_dated(q.squashed[m.start:m.end])
    if fund and fund != "财政拨款" or fund == "财政拨款" and m.kinds <= {"fact", "row"}:
        # (财政拨款支出 as a table's row or column is named by the whole; as the text's total, it is the fund's money)
        q.fund, q.subjects, q.domain = fund, [], q.domain or "subjects"


def _whole_said_first(q: Query) -> None:
    """政府采购里给中小企业的合同金额占几成 / 本年收入合计多少，财政拨款占几成: two names before 占 that are not
    a list (A和B各占): the first is the whole, the one just before 占 the part."""
    at = q.squashed.find("占")
    if q.op != "share" or q.whole is not None or len(q.subjects) != 2 or at < 0:
        return
    first, second = q.subjects
    if re.search(r"(?:按|以|拿|用)$", q.squashed[max(0, first.start - 2):first.start]) and re.match(
            r"[\d.,]*(?:万元|亿元|元|万)?(?:来)?(?:算|计算|计|为基数|为分母|做分母|作分母|为准)", q.squashed[first.end:second.start]):
        q.whole, q.subjects = first, [second]  # 按本年支出合计415,808.40万元算，教育支出占百分之几: the base named first
        return
    between = re.sub(r"^\d[\d.,]*(?:万元|亿元|元|万)?", "", q.squashed[first.end:second.start])  # (X 56884.05万元中Y)
    if second.end > at or second.start < first.end or re.fullmatch(r"[和与及、跟同]|以及|还有", between.strip()):
        return
    if re.match(r"(?:资金|经费|的钱|这?那?部分|[这那]块)?的?(?:里|中|当中|里面|之中|里头|内)", between) \
            or re.search(r"多少|几|是", between):  # (上年结转资金里面，X占: the whole's money said as a noun)
        q.whole, q.subjects = first, [second]


# Which subjects a column's money is in (项目支出对应的是哪个科目, 基本支出落在哪些科目).
_COLUMN_PLACED = patterns.compile(r"(?:对应|用在|落在|花在|分布在|列在|安排在)(?:的是|了|到)?(?:哪|什么)(?:一)?(?:个|些|几个)?(?:功能)?(?:分类)?科目")


# Subjects asked to have a figure in each of several columns (既有A又有B, 同时有A和B, A和B都有).
_EVERY_COLUMN = patterns.compile(r"既(?:有|含|安排了?)[^，,。？?]{2,10}又(?:有|含|安排)|同时(?:有|含|安排)|都有(?!多少)|两(?:者|项|样|种)都")


def _level_ops(q: Query) -> None:
    """Questions over the subjects of a level, said in words: the one with the largest share (占比最高的是哪一类),
    those empty in a column (哪几类没有项目支出)."""
    if q.op in ("share", "parent") and re.search(r"(?:占比|比重|比例|份额)(?:是)?最(?:高|大|多|低|小|少)|最(?:高|大|多|低|小|少)的?(?:是)?哪"
                                     r"|哪[^，,。？?]{0,4}(?:占|是)大头", q.squashed) \
            and (any(op == "rank" for _, op in q.ops[:3])
                 or q.level and re.search(r"(?:占比|比重|比例|份额)最(?:高|大|多|低|小|少)的(?:一)?(?:类|款|项)", q.squashed)):
        _prefer(q, "rank")  # 占比最高的是哪一类: the largest, with its share
    if q.level and len(q.subjects) == 1 and q.subjects[0].kinds & {"column"} and re.search(r"哪|什么|啥", q.squashed) \
            and re.search(r"(?:为|等于|是)(?:0|零)|没有|没安排|一点.{0,8}都?没", q.squashed):
        q.ops = [(max(q.ops[0][0] + 1, 60.0), "breakdown")] + q.ops  # 哪几类没有项目支出: the subjects empty in that column
        q.op, q.comparator, q.threshold, q.amounts = "breakdown", None, None, []
    columns = all("column" in m.kinds and m.kinds <= {"column", "row", "fact", "term"} for m in q.subjects)
    if len(q.subjects) == 1 and columns and _COLUMN_PLACED.search(q.squashed) and not q.amounts:
        _prefer(q, "parent")  # 项目支出对应的是哪个科目: the subjects that column has a figure in
    if len(q.subjects) >= 2 and columns and (q.level or "科目" in q.squashed) and _EVERY_COLUMN.search(q.squashed):
        _prefer(q, "parent")  # 既有基本支出又有项目支出的款: the subjects with a figure in every column named
    if q.level and len(q.subjects) == 1 and q.subjects[0].kinds == {"table"} and q.op in ("value", "breakdown", "sum") \
            and re.search(r"各|分别|分组|按|汇总|每", q.squashed) and not re.search(r"最|前\d|哪", q.squashed):
        q.table, q.subjects = int(q.subjects[0].term.key), []  # 表3按类分组合计: that table's rows of the level, each
        q.domain = q.domain or "subjects"
        _prefer(q, "list")


def _scope_as_part(q: Query, v) -> None:
    """结转占收入总计百分之几: carried-over money said alone before 占 a whole that is a row is the report's own
    上年结转 row, the part of that whole."""
    if q.op != "share" or q.subjects or q.whole is None or q.scope != "上年结转" or "占" not in q.squashed \
            or q.whole.kinds & {"column", "list"} or not q.scope_spans \
            or not all(end <= q.squashed.index("占") for _, end in q.scope_spans):
        return
    terms = v.by_name.get("上年结转", [])
    if terms:
        start, end = q.scope_spans[0]
        q.subjects, q.scope = [Mention(start, end, list(terms), via="synonym")], None


def _scope_shares(q: Query) -> None:
    """上年结转占项目支出多少 / 项目支出中本年和结转各占 / 上年结转部分占项目支出: the whole's own parts of each
    scope, whether the scope was read as a name or only as the question's scope."""
    first = q.subjects[0] if q.subjects else None
    if q.op == "share" and q.whole is None and first is not None and first.kinds & {"code", "row", "column"} \
            and re.match(r"[\d.,]*(?:万元|元)?(?:里|中|当中|之中)", q.squashed[first.end:]) \
            and all(_scope_word(m, q) for m in q.subjects[1:]) \
            and re.search(r"本年|当年|今年|新安排", q.squashed) and re.search(r"结转", q.squashed):
        q.scope = None  # 一般公共服务支出里本年安排和上年结转各占多少: the row's own two parts
        q.measures = [c for c in q.measures if not re.search(r"结转|当年|本年", c)]  # (当年预算安排与上年结转安排: those parts)
        q.whole = replace(first, scope=None)
        q.subjects = [replace(first, scope=scope) for scope in ("本年", "上年结转")]
        return
    if q.op == "share" and q.whole is None and len(q.subjects) == 1 and q.subjects[0].kinds & {"column", "code", "row"} \
            and q.scope in ("上年结转", "本年") and "占" in q.squashed and q.subjects[0].start > q.squashed.index("占") \
            and q.scope_spans and all(end <= q.squashed.index("占") for _, end in q.scope_spans):
        # 本年安排的那部分占项目支出多少: the whole's own part of that scope, of the whole
        q.whole, q.subjects, q.scope = replace(q.subjects[0], scope=None), [replace(q.subjects[0], scope=q.scope)], None
        return
    if q.op != "share" or q.whole is None or not q.whole.kinds & {"column", "list"}:
        return
    projects = "项目" in q.whole.term.name and len(q.subjects) >= 2  # (本年新安排的项目和上年结转的项目各占项目支出: each list)
    if q.subjects and all(_scope_word(m, q) or projects and _scope_list(m) for m in q.subjects):
        scopes = [_scope_word(m, q) or _scope_list(m) for m in q.subjects]
    elif not q.subjects and q.scope in ("上年结转", "本年") and "占" in q.squashed \
            and all(end <= q.squashed.index("占") for _, end in q.scope_spans):  # (the scope said before 占, not the whole's)
        scopes = [q.scope]
    else:
        return
    q.scope = None
    q.whole = replace(q.whole, scope=None)
    q.subjects = [replace(q.whole, scope=scope) for scope in scopes]


def _split_by_scope(q: Query) -> None:
    """X中今年新安排的和上年结转的各是多少 / 项目支出拆成本年的和上年结转的两块: one subject asked once for
    each scope typed."""
    typed, named = _scopes_typed(q)
    if typed == {"本年", "上年结转"} and not named and q.whole is not None and q.whole.kinds & {"code", "row", "column"} \
            and not re.search(r"合计|总计|总额", q.whole.term.key):
        named, q.whole = [q.whole], None  # (项目支出里上年结转的和本年安排的: the whole is what is split; a total's
        # parts are rows or columns of their own: 本年支出合计里当年预算安排和上年结转)
    if typed != {"本年", "上年结转"} or len(named) != 1 or q.whole is not None:
        return
    q.subjects = [replace(named[0], scope="本年"), replace(named[0], scope="上年结转")]
    q.scope, q.op = None, "value"


def _scopes_typed(q: Query) -> tuple[set[str], list[Mention]]:
    """The scopes a question asking each of them types (本年, 上年结转), and the names it says besides them."""
    asked_twice = len(re.findall(r"多少|几多|几何", q.squashed)) >= 2  # (今年新安排的有多少，上年结转的又有多少)
    if not (q.each or asked_twice or q.op == "breakdown") or q.op not in ("value", "sum", "breakdown") or q.measures \
            or not q.scope_spans and not q.subjects:
        return set(), []  # (columns asked of a row say the split themselves)

    def said(m: Mention) -> str | None:  # a scope word (上年结转, 今年新给的), not a row's own name (本年收入合计)
        typed = q.squashed[m.start:m.end]
        if m.kinds == {"list"} and m.term.key in ("本年", "上年结转"):
            return m.term.key  # (上年结转的项目: the carried-over part)
        return next((scope for scope, words in lexicon.SCOPE_WORDS.items() if typed in words), None) or (
            _scope_word(m, q) if m.via == "synonym" else None)

    inside = [(m.start, m.end) for m in q.subjects if not said(m)]
    typed = {scope for a, b in q.scope_spans for scope, words in lexicon.SCOPE_WORDS.items()
             if q.squashed[a:b] in words and not any(s <= a and b <= e for s, e in inside)}
    typed |= {said(m) for m in q.subjects if said(m)}
    return typed, [m for m in q.subjects if not said(m)]


def _last_by_scope(q: Query, last: Query | None) -> Query | None:
    """其中今年新安排的有多少，上年结转的又有多少 after one name: that name, asked of each scope."""
    if last is None or len({m.term.key for m in last.subjects}) != 1 or q.whole is not None:
        return None
    kinds = last.subjects[0].kinds
    if re.search(r"总计|合计|总额", last.subjects[0].term.key) or not kinds & {"column", "item"} or "code" in kinds:
        return None  # (a total's or a code's 本年 and 上年结转 are rows or columns of their own: 其中本年收入、上年结转各多少)
    typed, named = _scopes_typed(q)
    if typed != {"本年", "上年结转"} or named:
        return None
    m = _carried(last.subjects[0])
    return replace(q, subjects=[replace(m, scope="本年"), replace(m, scope="上年结转")], scope=None, op="value",
                   ops=[(100.0, "value")] + q.ops, follow_up=False)


def _scope_list(m: Mention) -> str | None:
    """The scope of a list of projects named (本年新安排的项目, 上年结转项目): 本年 or 上年结转."""
    return m.term.key if m.kinds == {"list"} and m.term.key in ("本年", "上年结转") else None


def _scope_word(m: Mention, q: Query) -> str | None:
    """The scope a name says when it is only a scope word or a scope's summary row (上年结转, 本年预算安排)."""
    typed = q.squashed[m.start:m.end]
    for scope, words in lexicon.SCOPE_WORDS.items():
        if typed in words or m.term.name in words:
            return scope
    if m.term.name in _SCOPE_ROWS:
        return "上年结转" if "结转" in m.term.name else "本年"
    return None


def squash_spaced(text: str) -> str:
    """The question squashed, but with its punctuation kept as spaces (so typed words stay apart)."""
    return squash(_SEPARATORS.sub(" ", text).replace(" ", "\x02")).replace("\x02", " ") if text else ""


def _breaks(text: str) -> frozenset[int]:
    """Offsets in the squashed question at which the typed text had punctuation."""
    out, pos, pending = set(), 0, False
    for ch in re.sub(r"(?<=\d)\.(?=\d)", "0", text):
        if _SEPARATORS.fullmatch(ch):
            pending = True
            continue
        if pending:
            out.add(pos)
            pending = False
        pos += 1
    return frozenset(out)


_QUALIFIERS = sorted({w for scope in ("本年", "全部") for w in lexicon.SCOPE_WORDS[scope]
                      if w.startswith(lexicon.NEGATIONS + ("含", "包括", "包含", "连同", "加上", "本年加", "本年和", "本年与", "本年及"))},
                     key=len, reverse=True)


# 从收入来源看A和B: the point of view of the names after it (sources of money, which a code's columns are)
_SOURCE_VIEW = patterns.compile(r"(?:从|按)(?:收入|资金|经费)?(?:来源|渠道)(?:上|方面)?(?:来)?看(?=.)")


def _blank_qualifiers(text: str) -> str:
    """The question with its 含/不含 结转 phrases blanked: they set the scope, they name nothing; and the
    words a name is asked to hold (名称带“办公经费”的): they pick things, they name none."""
    for word in _QUALIFIERS:
        text = text.replace(word, " " * len(word))
    holds = lexicon.NAME_HOLDS.search(text)
    if holds:
        text = text[:holds.start(1)] + " " * len(holds.group(1)) + text[holds.end(1):]
    # 从收入来源看A和B: the point of view, before names it is said of
    return _SOURCE_VIEW.sub(lambda m: " " * len(m.group(0)), text)


def _blank(text: str, word: str) -> str:
    return text.replace(word, " " * len(word)) if word else text


_STANDARD_ITEMS = sorted((squash(i) for i in lexicon.STANDARD_ECONOMIC_ITEMS + lexicon.STANDARD_FUNCTION_CLASSES),
                         key=len, reverse=True)
_STANDARD_SET = frozenset(_STANDARD_ITEMS)


def _missing_items(q: Query, doc: Document) -> None:
    """A standard economic item (会议费, 水电费), functional 类 or code the report does not print: it names nothing
    here, and no other name may be read into it (会议费 is not 视频会议…)."""
    v = vocabulary(doc)
    for key in _STANDARD_ITEMS:
        if key in q.squashed and not any(key in name for name in v.printed):
            q.missing = key
            return
    for m in ECONOMIC_CODE.finditer(q.squashed):
        name = lexicon.ECONOMIC_CODES.get(m.group(1))  # (30201 of a report that prints no 办公费: named, not printed)
        if name is not None and m.group(1) not in v.codes and not v.by_name.get(squash(name)):
            q.missing = f"{m.group(1)} {name}"
            return
    for key, targets in lexicon.SYNONYMS.items():  # (农林水 of a report with no 农林水支出: a class it does not print)
        if len(key) >= 2 and key in q.squashed and not _crosses_word(q.squashed, key) \
                and all(squash(t) in _STANDARD_SET for t in targets) \
                and not any(squash(t) in name for t in targets for name in v.printed) and key not in printed_text(doc) \
                and not any(key in name and name in q.squashed for name in v.printed):
            q.missing = squash(targets[0])
            return
    for m in re.finditer(r"(?<![\d.])([23]\d{6}|2[0-3]\d(?:\d\d)?)(?![\d.]|年|%|万|元|个|项|张|名|人|条|辆)", q.squashed):
        if m.group(1) not in v.codes and not any(m.group(1) in name for name in v.printed):
            q.missing = m.group(1)  # (208 of a report that prints no 208; 236中央高校… is a project's name)
            return
    marked = _MARKED_ITEM.search(q.squashed)  # (还有教师进修这一项吗: a name marked as an item, printed nowhere here)
    name = marked and (marked["name"] or marked["called"] or marked["opening"])
    if name and not any(name in printed for printed in v.printed) and name not in printed_text(doc):
        # (one opening a clause may carry words of its own, 今年山西画报这一项: missing only when no three
        # characters of it are printed anywhere)
        pieces = [name[i:i + 3] for i in range(len(name) - 2)] if marked["opening"] else []
        if not any(p in printed for p in pieces for printed in (*v.printed, printed_text(doc))):
            q.missing = name


def _crosses_word(text: str, key: str) -> bool:
    """Every place a word is typed opens inside a common word before it (出差 in 支出差多少: 支出, then 差)."""
    starts, at = [], text.find(key)
    while at >= 0:
        starts.append(at)
        at = text.find(key, at + 1)
    return all(any(text[max(0, i - k):i + 1] in lexicon.COMMON_WORDS for k in (1, 2, 3)) for i in starts)


# A name the question marks as an item of the report (X这一项 / X这个科目 / 叫X的项目)
_MARKED_ITEM = patterns.compile(r"(?:有没有|还有|没有|有无|列了?)(?P<name>(?:(?!一个|一笔|请问|这|那)[\u4e00-\u9fff（）()]){2,10}?)"
                                r"(?:这一?项|这(?:一|个)?科目)(?:吗|呢|么|没有)?(?:[，,。？?]|$)"
                                r"|叫(?P<called>[\u4e00-\u9fff（）()]{2,10}?)的(?:项目|科目)"
                                r"|(?:^|[，,。？?；;])(?:那|那么|那个)?(?P<opening>(?:(?!这|那|请问|一个|一笔)[\u4e00-\u9fff（）()]){3,10}?)"
                                r"(?:这一?项|这(?:一|个)?科目)(?:有|是|的|花了|安排了|列了)?(?:多少|几)")


def _unprinted(q: Query, mentions: list[Mention], doc: Document) -> list[Mention]:
    """A name typed with a head of its own before the tail of printed names (党报党刊订阅费 against 山西画报订阅费用),
    and nothing else named: when the report prints that head nowhere, not even in its text (微型消防站运行经费 is
    said in a paragraph), the report does not print the name (the names it is near are said with the refusal).
    The names found, without these."""
    named = [m for m in mentions if m.via != "unprinted"]
    m = next((m for m in mentions if m.via == "unprinted"), None)
    if m is not None and not q.missing and not named and _head_unprinted(q.squashed[m.start:m.end], m, doc):
        q.missing = q.squashed[m.start:m.end]
        q.missing_near = list(dict.fromkeys(t.name for t in m.terms))
    return named


def _head_unprinted(typed: str, m: Mention, doc: Document) -> bool:
    """Whether the two characters typed before the piece a name's tail shares are printed nowhere in the report."""
    tail = max((len(p) for t in m.terms for k in range(len(typed)) if (p := typed[k:]) and p in t.name), default=0)
    return typed[:len(typed) - tail][-2:] not in printed_text(doc)


def _part_named_within(q: Query, v) -> None:
    """政府采购里头服务那块: a word after a name and 里/中 that, with the name, is one printed item
    (政府采购服务预算) is the part asked, the name its whole."""
    m = q.subjects[0]
    if m.start >= 10_000 or not re.match(r"(?:里头|里面|当中|之中|中|里)", q.squashed[m.end:]):
        return
    head = re.sub(r"(?:预算|决算|金额|总额|合计)$", "", q.squashed[m.start:m.end]) or squash(m.term.name)
    words = [re.sub(r"^(?:里头|里面|当中|之中|中的|里的|中|里|头|面)|(?:那块|这块|那部分|这部分|部分|方面|类)$", "", w)
             for w in unexplained(q)]
    hits = {t for w in words if len(w) >= 2 for name, terms in v.by_name.items()
            if head in name and w in name and name != head for t in terms}
    if len({t.name for t in hits}) == 1:
        q.whole, q.subjects = m, [Mention(10_000, 10_000, sorted(hits, key=lambda t: t.kind), via="context")]


def _quoted_rate(q: Query, doc: Document, v) -> list[Mention]:
    """报告说增长0.69%…: a rate the question quotes that the report states of one thing names it."""
    said = {f.subject or f.label.removesuffix("变动率") for f in doc.facts
            if f.kind == "rate" and abs(f.value) in [abs(p) for p in q.percents]}
    terms = v.by_name.get(squash(said.pop()), []) if len(said) == 1 else []
    return [Mention(10_000, 10_000, list(terms), via="context")] if terms else []


_PAIRED = patterns.compile(r"的?(?:和|与|跟|及)([\u4e00-\u9fff]{1,4}?)的")
_QUALIFIER_SCOPES = {"今年": "本年", "本年": "本年", "当年": "本年", "新安排": "本年", "去年结转": "上年结转", "往年结转": "上年结转",
                     "上年结转": "上年结转", "结转": "上年结转", "去年": "上年结转", "上年": "上年结转"}


def _paired_projects(q: Query, doc: Document) -> None:
    """档案室建设的钱，乡镇的和村里的加起来 / 办公室日常经费今年的和去年结转的: one name said of several
    projects, each picked by a word after it (a word of its name, or this year's / the carried-over list)."""
    if len(q.subjects) != 1 or not q.subjects[0].kinds & {"project", "target"}:
        return
    m = q.subjects[0]
    pair = _PAIRED.search(q.squashed, m.start)
    if pair is None or pair.start() > m.end + 6:
        return
    first = re.split(r"[的钱]", q.squashed[max(m.start, pair.start() - 4):pair.start()])[-1]
    core = set(q.squashed[m.start:m.end]) - set("的钱费经")
    similar = [p for p in doc.projects if core and len(core & set(p.name)) >= 0.6 * len(core)]
    if len(similar) < 2 or not first:
        return
    common = set.intersection(*(set(p.name) for p in similar))
    picked = []
    for word in (first, pair.group(1)):
        scope = next((s for w, s in _QUALIFIER_SCOPES.items() if word.startswith(w)), None)
        own = set(word) - common
        hits = [p for p in similar if (p.scope == scope if scope else own & set(p.name))]
        if len(hits) != 1:
            return
        picked.append(hits[0])
    if len({(p.name, p.scope) for p in picked}) != 2:
        return
    q.subjects = [replace(m, terms=[Term("project", p.name, p.name)], scope=p.scope) for p in picked]
    q.scope = None


def _column_as_table(q: Query, doc: Document) -> None:
    """基本支出经济科目里的X / 基本支出经济分类: the column named with 经济科目 or 经济分类 after it names the
    table breaking that column down by economic item, where X is read; it is not asked of its own."""
    table = doc.table("basic_economic")
    for m in list(q.subjects):
        if table is not None and len(q.subjects) > 1 and q.squashed[m.start:m.end] == "基本支出" \
                and re.match(r"(?:分|按)?经济(?:科目|分类)", q.squashed[m.end:]):
            q.subjects.remove(m)
            q.table = q.table if q.table is not None else table.no


def _unit_project(q: Query, v) -> None:
    """A unit named with 项目 after it (改革发展研究中心那个项目) names the project carrying the unit's name,
    however its words are ordered (2024年发展改革研究中心办公经费); several such projects are all read."""
    for i, m in enumerate(q.subjects):
        if m.kinds != {"unit"} or not re.match(r"(?:的|那个|这个|那|这)?项目", q.squashed[m.end:m.end + 5]):
            continue
        typed = set(q.squashed[m.start:m.end])
        projects = {t.key: t for terms in v.by_name.values() for t in terms if t.kind == "project"}
        overlap = {key: len(typed & set(key)) / len(typed) for key in projects}
        best = max(overlap.values(), default=0)
        if best >= 0.8:
            q.subjects[i] = replace(m, terms=[projects[k] for k, o in overlap.items() if o == best], via="partial")


def _code_typed_after(q: Query) -> None:
    """高等教育（2050205）: a name printed under several codes, followed by one of them, is that code."""
    for i, m in enumerate(q.subjects):
        codes = [t for t in m.terms if t.kind == "code"]
        typed = re.match(r"[（(]?(\d{3,7})", q.squashed[m.end:m.end + 9]) if len(codes) > 1 else None
        if typed and any(t.key == typed.group(1) for t in codes):
            q.subjects[i] = replace(m, terms=[t for t in m.terms if t.kind != "code" or t.key == typed.group(1)])


def _settle_names(q: Query, v) -> None:
    """What the names read say once all are found: abbreviations among listed items, a partly typed name
    narrowed, a table said first, a scope word that is part of the whole's name, the text's own figures."""
    _listed_abbreviations(q, v)
    keys = [frozenset(t.key for t in m.terms) for m in q.subjects]  # 302商品和服务支出: one thing, typed twice
    q.subjects = [m for i, m in enumerate(q.subjects) if not (i and keys[i] == keys[i - 1]
                                                               and 0 <= m.start - q.subjects[i - 1].end <= 1)]
    _unit_project(q, v)
    _code_typed_after(q)
    _narrowed_by_words_before(q)
    _table_said_first(q)
    if any(m.kinds & {"project", "target"} for m in q.subjects):  # 再看绩效表，X的…: the sheets are where X is read
        q.subjects = [m for m in q.subjects if not (m.kinds == {"topic"} and "绩效" in m.term.key)] or q.subjects
    if q.scope and q.whole is not None and q.whole.start < 10_000 and q.scope_spans and all(
            q.whole.start <= a and b <= q.whole.end for a, b in q.scope_spans):
        q.scope = None  # 占本年支出预算的比重: 本年 is part of the whole's name, not a scope of the part
    totals = [m for m in q.subjects if m.start < 10_000 and m.via == "exact" and re.search(r"合计|总计", m.term.name)]
    if q.scope and q.scope_spans and totals and all(any(m.start <= a and b <= m.end for m in totals)
                                                    for a, b in q.scope_spans):
        q.scope = None  # 跟本年支出合计对得上吗: 本年 is part of a printed total's name, not a scope of the question
    if re.search(r"情况说明|说明中|说明里|文字说明|文字里|文字中|文中|正文|报告里写的|报告中写的", q.squashed):
        # 情况说明中写的人员经费是多少: the figure the text states (a table may print another)
        q.subjects = [replace(m, terms=[t for t in m.terms if t.kind == "fact"])
                      if any(t.kind == "fact" for t in m.terms) and m.table is None else m for m in q.subjects]


def _table_said_first(q: Query) -> None:
    """表4财政拨款支出决算表“其中：X”一共多少: a table typed before the figure named in it says where to read
    it; it is not a second figure (unless the two are joined: 表4和X)."""
    tables = [m for m in q.subjects if m.kinds == {"table"} and m.start < 10_000]
    others = [m for m in q.subjects if m.kinds & {"code", "item", "row", "column", "project"} and m.start < 10_000]
    if len(tables) != 1 or not others or tables[0].start > others[0].start:
        return
    if re.search(r"和|与|跟|比|及|、|加", q.squashed[tables[0].end:others[0].start]) \
            or re.search(r"等不等于|等于|对不对|对吗|一致|相符|对得上|核对", q.squashed) \
            or re.search(r"合计|总计|总额|共计", q.squashed[tables[0].end:others[0].start + 12]):
        return  # (表5合计多少，其中项目支出多少 / 支出总表里基本加项目等不等于合计: the table's own total)
    q.table = int(tables[0].term.key)
    q.subjects = [m for m in q.subjects if m is not tables[0]]


def _narrowed_by_words_before(q: Query) -> None:
    """A partly typed name that fits several (档案室: 乡镇档案室…, 村级档案室…) is the one the characters
    typed just before it also name (村里的档案室: 村级档案室标准化建设)."""
    for i, m in enumerate(q.subjects):
        if m.via != "partial" or len(m.terms) < 2 or m.start >= 10_000:
            continue
        before = re.sub(r"[的里那这个些]", "", q.squashed[max(0, m.start - 4):m.start])
        kept = [t for t in m.terms if any(ch in t.name for ch in before)]
        if kept and len(kept) < len(m.terms):
            q.subjects[i] = replace(m, terms=kept)


def _listed_abbreviations(q: Query, v) -> None:
    """A word listed among items that is not one itself but begins exactly one item's name is that item
    (基本工资津贴奖金绩效: 绩效 is 绩效工资 there, not the performance sheets)."""
    items = [m for m in q.subjects if m.kinds & {"item", "code"}]
    if len(items) < 2:
        return
    for i, m in enumerate(q.subjects):
        if m.kinds & {"item", "code", "row", "project"} or m.start >= 10_000:
            continue
        typed = q.squashed[m.start:m.end]
        names = {t.name for key, terms in v.by_name.items() if key.startswith(typed) and key != typed
                 for t in terms if t.kind == "item"}
        if len(names) == 1:
            q.subjects[i] = Mention(m.start, m.end, list(v.by_name[squash(names.pop())]), via="partial")


def scope_said(q: Query) -> bool:
    """The question picks its scope by more than naming the year (当年支出 is the year's spending; 不含上年结转 /
    新安排 pick this year's new money)."""
    return bool(q.scope) and any(w in q.squashed for w in lexicon.SCOPE_WORDS[q.scope] if w not in ("当年", "本年"))


def _whole_money_asked(q: Query) -> bool:
    """今年一共多少经费 / 区委办的预算是多少: the report's money as a whole, asked as one figure."""
    clauses = [squash(c) for c in re.split(r"[，,。；;！!：:]", q.text) if squash(c)]
    if len(clauses) > 1 and not any(re.search(r"多少|几|什么|啥|哪|吗|呢|[？?]|它|其|该|[这那](?:个|项|笔|些)", c)
                                    for c in clauses[:-1]):
        clauses = clauses[-1:]  # 听说街道预算出来了，一共要花多少万: what is said before the question sets the scene
    asked = re.sub(r"[a-z]+", "", "".join(clauses))  # (English words left untranslated name the report: Shiquanlu Street)
    for words in lexicon.UNIT_WORDS.values():  # (以元为单位: the unit wanted, nothing asked)
        asked = words.sub("多少", asked)
    totals_only = re.fullmatch(r"(?:20\d\d年?度?)?(?:的)?(?:总数|总额|总盘子)(?:是|有)?(?:多少)?", q.squashed)  # (2024总数？)
    if re.fullmatch(r"(?:那|那么)?(?:决算|预算|年初预算|全年预算|调整预算|执行)(?:数)?(?:呢|啊|呀)", q.squashed):
        return False  # 决算呢 after a subject's budget: that subject's other measure, not the report's money
    return (not q.subjects and q.whole is None and q.table is None and not q.domain
            and (not q.scope or q.scope == "本年" and scope_said(q))  # (不算上年结转的话，一共多少: this year's money)
            and not q.amounts and not q.percents and not q.previous_year
            and not re.search(r"(?:年度|实施期)资金总额", q.squashed)  # (a field of a project's sheet)
            and (q.op in ("value", "sum") or q.op == "change" and not _CHANGE_SAID.search(q.squashed) or bool(totals_only))
            and bool(_WHOLE_MONEY.search(q.squashed) or totals_only) and not re.search(r"这|那|它|其|该|哪|为什么|为啥|为何|原因", asked)
            and len(re.sub(r"\s", "", _TOTAL_WORDS.sub("", strip_fillers(asked)))) <= 1)  # nothing else asked (苹果多少钱: no)


# A change asked in words (比上年, 增加, 降了): a question without them asks no change, however its template scores
_CHANGE_SAID = patterns.compile(r"比|较|增|减|涨|降|变|上年|去年|同比|差")


# What a question of the whole money says besides fillers.
_TOTAL_WORDS = patterns.compile(r"\d{4}年度?|年度?|钱|资金|经费|预算|决算|收入|支出|总共|一共|共计|总额|总数|合计|全部|全年|一年|今年|本年|花|用|了"
                          r"|多少|是|的|有|总|万元|万|元|啊|呀|喂|嘛|吧|呢|说|要|会|能|街道|单位|部门|学校|全校|本校|我校|本局|我局|我们|咱们")


def _spent_total(q: Query, v) -> None:
    """A word for all the money (总共多少钱) said of spending (都花到哪几块了) is the 支出总计, not the 收入总计;
    said of the two just asked (两个一共多少钱), it is their sum."""
    if re.search(r"两个(?![项款类])|两者|二者|两项|这俩|两笔", q.squashed) and all(
            m.via in ("synonym", "whole") and m.term.key in ("收入总计", "支出总计") for m in q.subjects):
        q.subjects = []  # 两个加一块一共多少钱: the two just asked, added (not all the money)
        return
    spent = v.by_name.get("支出总计", [])
    if spent and re.search(r"花|开支|用到|用在|支出", q.squashed):
        q.subjects = [replace(m, terms=list(spent)) if m.via in ("synonym", "whole") and m.term.key == "收入总计" else m
                      for m in q.subjects]


def _report_total(q: Query, v) -> list[Mention]:
    """The report's 支出总计 when spending is asked (花, 支出, 用), else its 收入总计; both when both are
    said (收入和支出各多少, 收支分别多少)."""
    both = re.search(r"收入(?:和|与|及|跟|、|以及)?支出|支出(?:和|与|及|跟|、|以及)?收入|收支", q.squashed)
    spent = re.search(r"花|支出|用|决算", q.squashed) and "收入" not in q.squashed  # (决算多少: the money spent)
    sides = ("收入", "支出") if both else ("支出",) if spent else ("收入",)
    # (a side said, 一共支出了多少, of a report whose summary prints no 支出总计 row: its 本年支出合计, else the grand
    # total of both sides; with no side said, 年初预算呢 of a 决算 asks no total of its summary)
    said = both or spent or "收入" in q.squashed
    # (this year's money alone, 不算上年结转: the income side's 本年收入合计; the spending total's column of it)
    found = [next((v.by_name[name] for name in ((f"本年{side}合计",) if q.scope == "本年" and side == "收入" else ())
                   + (f"{side}总计",) + ((f"本年{side}合计", "收入支出总计", "收支总计") if said else ())
                   if v.by_name.get(name)), []) for side in sides]
    return [Mention(10_000 + i, 10_000 + i, list(terms), via="whole") for i, terms in enumerate(found) if terms]


def _code_in_unit(amount, q: Query, v) -> bool:
    """A code the report prints, typed before the unit wanted (2080505 元, 2040601 万元?), is the code, not an
    amount of 2,080,505 元, unless the question compares with it (超过2080505元的项目)."""
    raw = q.squashed[amount.start:amount.end]
    return amount.unit in ("元", "万元") and raw in v.codes and not any(
        w in q.squashed for words in lexicon.COMPARATORS.values() for w in words)


def _own_figure(amount, q: Query, mentions: list[Mention], doc: Document) -> bool:
    """An amount typed right after a code (那, 的 or nothing between) that the code's row prints."""
    codes = [t.key for m in mentions if 0 <= amount.start - m.end <= 1 and q.squashed[m.end:amount.start] in ("", "那", "的")
             for t in m.terms if t.kind == "code"]
    if not codes or re.search(r"对吗|对不对|是否|是不是|一致|相符|对得上|没错|核对", q.squashed) \
            or re.match(r"(?:万元|元|万|亿元)?(?:里|中|当中|之中|里面)", q.squashed[amount.end:]):
        return False  # (2013105 246.89对吗: a figure claimed, to check; X 1015.19万元中: the whole, said with its figure)
    return any(r.code in codes and any(c.amount == amount.value for c in r.cells) for t in doc.tables for r in t.rows)


# A figure typed as the whole the question looks inside (结转那533.88里头, 上年结转533.88万元中最大的).
_INSIDE_FIGURE = patterns.compile(r"(?:万元|元|万|亿元)?(?:里头|里面|里|当中|之中|中)(?!央)")


def _whole_figure(amount, q: Query) -> bool:
    """A figure said of the whole a ranking or list looks inside: no threshold to filter by."""
    return bool(_INSIDE_FIGURE.match(q.squashed[amount.end:])) and not any(
        w in q.squashed for words in lexicon.COMPARATORS.values() for w in words) \
        and bool(re.search(r"最|第\d|前\d|排(?:名|序|第|在|前)|哪个|哪些|哪几", q.squashed[amount.end:]))


def _parent_word(q: Query, m: Mention) -> bool:
    """上级款 / 上级科目 / 它的上级是: the place above a code, not a row whose name starts with 上级 (上级补助收入)."""
    typed = q.squashed[m.start:m.end]
    return typed in ("上级", "上级补助", "上一级") and bool(re.match(r"(?:的)?(?:款|类|项|科目|是|为|叫|呢|一级|单位)", q.squashed[m.end:]))


def _inside_number(m: Mention, q: Query) -> bool:
    """A name found inside a figure the question gives is no name (2013105 is a code, 246.89 is not)."""
    return any(a.start <= m.start and m.end <= a.end for a in q.amounts)


# --------------------------------------------------------------------------- scope and shape
def _scope(q: Query) -> None:
    """本年 / 上年结转 / 全部 from the longest scope phrase typed (an excluded 结转 means this year's money)."""
    found = [(len(word), start, scope, word) for scope, words in lexicon.SCOPE_WORDS.items() for word in words
             if (start := q.squashed.find(word)) >= 0]
    found = [f for f in found if not any(g[1] < f[1] + f[0] and f[1] < g[1] + g[0] and g[0] > f[0] for g in found)]
    # (上年结转在全部项目支出中占多少: 在全部…中 names the whole a part is of, it is no scope)
    found = [f for f in found if not (f[2] == "全部" and q.squashed[max(0, f[1] - 1):f[1]] in ("在", "于")
                                      and re.match(r"[^，,。？?]{0,12}?(?:中|里|当中|之中)", q.squashed[f[1] + f[0]:]))]
    if re.search(r"(?:为什么|为啥|为何|咋|怎么)(?:会|还|都)?(?:没花完|没用完)", q.squashed):
        found = [f for f in found if f[3] not in ("没花完", "没用完")]  # why it was not spent: not carried-over money
    if not found:
        this_year = re.search(r"(?:今年|本年|当年)(?:的|安排的)?[\d一二两三四五六七八九十]+个项目", q.squashed)
        if this_year:  # 今年八个项目: a count of this year's projects names the list arranged this year
            q.scope, q.scope_spans = "本年", [this_year.span()]
        return
    if len({f[2] for f in found}) >= 2 and re.search(r"(?:本年|今年|当年|新安排|结转)[^，,。？?]{0,10}还是", q.squashed):
        q.scope_spans = [(start, start + len(word)) for _, start, _, word in found]
        return  # 是今年新安排的还是上年结转的: which of the two it asks, no scope of its own
    if re.search(r"(?:连(?:同)?|把).{0,8}?(?:一起算|也算|都算|一并|也加|算进去)", q.squashed):
        q.scope = "全部"  # 连去年结转的一起算 / 把去年结转的也算上: both
        q.scope_spans = [(start, start + len(word)) for _, start, _, word in found]
        return
    best = max(found)
    overlapping = [f for f in found if f[0] == best[0] and f[1] < best[1] < f[1] + f[0]]
    _, start, scope, word = min(overlapping, key=lambda f: f[1]) if overlapping else best  # (含结转的: 含结转, not 结转的)
    negated = q.squashed[max(0, start - 3):start].endswith(lexicon.NEGATIONS)
    q.scope = "本年" if scope == "上年结转" and negated else scope
    q.scope_spans = [(start, start + len(word)) for _, start, _, word in found]
    both = re.search(r"(?:本年|今年|当年)[^，,]{0,4}?(?:和|与|及|加上?)(?:上年|去年)?结转的?(?:[\d几]+个)?(?=都|一起|合计|加起来|(?:项目)?(?:合起来|加在一起|全部)|(?:项目)?(?:放在|放到|合在|混在|排在)一起)", q.squashed) \
        or re.search(r"(?:本年|今年|当年)[^，,的]{0,4}的(?:和|与|及|跟|以及|加上?|连同)(?:上年|去年|往年|以前年度|上一年)?(?:结转|截转)的?", q.squashed)
    if both:  # 本年的和结转的都算 / 今年新给的加上去年结转的: both lists (本年收入合计和上年结转 names two rows)
        q.scope = "全部"
        q.scope_spans.append(both.span())


def _compared_op(q: Query) -> str | None:
    """A question comparing with an amount: whether one named figure passes it (山西画报订阅费有没有超过30万,
    X超过20万了吗) is a check of that figure; a count, sum or list of the things compared (金额为3万元的有几个，
    合计多少; 不为0的科目有几个: those above nothing) is a filter; a range of amounts asks the things within it,
    however weakly cued."""
    if q.comparator and q.threshold is not None and q.op in ("filter", "value") and len(q.subjects) == 1 \
            and q.subjects[0].kinds & {"item", "code", "project", "row", "fact", "topic"} and "list" not in q.subjects[0].kinds \
            and not re.match(r"(?:的)?(?:里|中|下|当中|之中|各|哪|项目|科目|明细)", q.squashed[q.subjects[0].end:]) \
            and re.search(r"吗|吧|有没有|是否|是不是|了没|超没超|够不够|有无", q.squashed):
        return "check"
    if q.comparator == "ne" and q.op in ("rank", "value", "list", "count"):
        return "filter"  # (除了那几个3万的，最少的是哪个: the others, and the end of them)
    if q.comparator == "eq" and q.threshold is not None and q.op == "value" and q.domain == "projects" \
            and all("list" in m.kinds for m in q.subjects) and re.search(r"叫|是什么|是哪|哪个|哪些|名字|名称", q.squashed):
        return "filter"  # 8700块的那个结转项目叫什么: the projects of that amount, named
    if q.comparator == "between" or bool(q.comparator) and q.op in ("count", "sum", "list") \
            and (q.threshold is not None and (q.domain == "projects" or not q.threshold.value) or q.average):
        return "filter"
    return None


_TOP_N = patterns.compile(r"前\d+|(?:最大|最多|最高|最贵|最小|最少|最低|最便宜)的?\d+(?:个|项|名|笔|类|款)")


def _top_n_op(q: Query) -> str | None:
    """The first N of a ranking added or set against a whole (前两名加起来, 最大的三个项目合计占项目支出多少):
    the ranking, whose answer adds them and gives their share."""
    if q.n and abs(q.n) >= 2 and q.op in ("sum", "share", "list", "value") and q.domain and _TOP_N.search(q.squashed) \
            and lexicon.ADDED.search(q.squashed) and not q.each:
        return "rank"  # (前三各自占多少: each one's share, not theirs together)
    return None


_RANGE = patterns.compile(r"(?:在|介于|处于|位于)?\d[\d.,]*(?:万元|万|元|块钱|块)?(?:(?:到|至|~|～|－|—|-)\d[\d.,]*(?:万元|万|元|块钱|块)?"
                    r"(?:之间|以内|区间|范围)?|(?:和|与|跟)\d[\d.,]*(?:万元|万|元|块钱|块)?(?:之间|区间|范围))")


def read_places(said: re.Match) -> int:
    """The decimal places a match of lexicon.PLACES_WORDS asks for (保留一位小数: 1, 取整: 0)."""
    digits = said.group(1) or said.group(2) or "0"
    return int(digits) if digits.isdigit() else small_numeral(digits)


def _range(q: Query) -> None:
    """Two amounts joined as the ends of a range (10万到50万之间, 介于5万和20万, 5万元至20万元的): a filter
    between them, both ends included; an end typed without a unit takes the other's."""
    m = _RANGE.search(q.squashed)
    if m is None and re.search(r"\d\s*(?:万元|万|元)?\s*[-~～—－]+\s*\d", q.text):  # (3万-10万: the dash is not squashed)
        m = re.search(r"\d[\d.,]*(?:万元|万|元)\d[\d.,]*(?:万元|万|元)?", q.squashed)
    ends = [a for a in q.amounts if m and m.start() <= a.start < m.end()]
    if m is None or len(ends) != 2 or ends[0].value >= ends[1].value:
        return
    low, high = ends
    if not low.unit and high.unit:
        low = replace(low, unit=high.unit)
    q.comparator, q.threshold, q.upper = "between", low, high


_WHICH_ASKED = patterns.compile(r"哪|什么|啥|编码|名称|名字|叫")


def _near(q: Query, asked: bool = False) -> None:
    """One amount said roughly as the size of things (差不多五百万的, 二十多万的, 十来万的, 一百一十万左右的) in a
    question asking which things are of it: a filter of those within it. 多/来/余 reach up to the next step of
    its last digit (二十多万: 20 to 30万, 530多万: 530 to 540万); 左右/大概/差不多 a tenth either side. A
    question whether one figure is about it (是50万左右吗) is a check of that figure, not this."""
    said = q.amounts[0] if len(q.amounts) == 1 else None
    if q.comparator is not None or said is None or not said.about or not (asked or _WHICH_ASKED.search(q.squashed)) \
            or re.search(r"吗|是不是|对不对|是否|对吧", q.squashed) \
            or not re.match(r"(?:万元?|元|块钱?)?(?:左右|上下|出头)?的", q.squashed[said.end:]):
        return  # (少了六百多万，理由是什么: an amount stated, not the size of things sought)
    if said.about == "多":
        digits = str(int(said.value))
        low, high = said.value, said.value + Decimal(10) ** (len(digits) - len(digits.rstrip("0")))
    else:
        low, high = plain(said.value * Decimal("0.9")), plain(said.value * Decimal("1.1"))
    q.comparator, q.threshold, q.upper = "between", replace(said, value=low), replace(said, value=high)


def _comparison(q: Query, s: str) -> None:
    """The comparison a filter asks (超过, 不到, 为0的, 除了那几个3万的) and the amount it compares with: the amount
    after the comparing word (公用经费（10.23万元）里超过1万元的), else the first typed."""
    compared_at = None
    for comparator, words in lexicon.COMPARATORS.items():
        word = next((w for w in words if (w in s and not s[max(0, s.find(w) - 1):s.find(w)] == "不"
                                          or w in s and w.startswith("不"))
                     and (len(w) > 1 or re.search(rf"{w}(?:了)?[\d一二两三四五六七八九十百千万半]", s))), None)  # (过100万, not 反过来)
        if word:
            q.comparator = comparator
            compared_at = s.find(word)
            break
    if q.comparator is None and q.amounts and (re.search(r"(?:(?:金额|数额|预算|资金)?(?:为|是)|^|里|中|里面|当中)\d[\d.,]*(?:万元|元|万块钱|万块|万|块钱|块)的(?!占|比重|比例)", s)
                                               or re.search(r"哪[些几个].{0,8}(?:为|是)\d[\d.,]*(?:万元|元|万块钱|万块|万|块钱|块)$", s)):
        q.comparator = "eq"  # 金额为3万元的项目 / 3万块的项目: those of that amount (a filter, not a figure)
    if q.comparator is None and q.amounts and (re.search(r"(?:为|是|等于)(?:0|零)(?:万元|元)?的", s) or re.search(
            r"(?:为|是|等于)(?:0|零)(?:万元|元)?(?:吗|呢)?$", s) and re.search(r"几|多少个|哪些|哪几", s)):
        q.comparator = "eq"  # 决算数为0的科目 / 有几项是0: those of no amount
    if q.comparator is None and len(q.amounts) == 1 and re.search(r"除(?:了|去|掉|开)?(?:那|这)?(?:几个|些|个)?\d[\d.]*(?:万元?|元)?的", s):
        q.comparator = "ne"  # 除了那几个3万的: the others
    if q.amounts:  # (公用经费（10.23万元）里超过1万元的: the amount after the comparing word)
        q.threshold = next((a for a in q.amounts if q.comparator and compared_at is not None and a.start >= compared_at),
                           q.amounts[0])


def _shape(q: Query, doc: Document) -> None:
    """Order, comparison, unit, text field, years and the other slots read from words alone."""
    s = q.squashed
    q.each = any(w in s for w in lexicon.EACH if w != "各") or bool(_EACH_VERB.search(s)) \
        or len(_SHARE_NOUN.findall(s)) >= 2  # (X的占比比Y的占比高几个百分点: a share of each, not X over Y)
    q.together = bool(re.search(rf"(?:{lexicon.ADDING}|两项|几项|的和)(?:的)?(?:金额)?[，,]?占", s)
                      or re.search(r"(?<![增追附参])加(?!起来|在|一)[^占，,。？?]{2,16}?占", s))  # (A加B，占X的比例: their sum's share)
    desc = any(w in s for w in lexicon.ORDER_DESC if len(w) > 1)
    asc = any(w in s for w in lexicon.ORDER_ASC if len(w) > 1)
    q.ascending = (asc and not desc) or (q.n is not None and q.n < 0) or (q.nth is not None and q.nth < 0) \
        or bool(q.nth and re.search(rf"第{abs(q.nth)}(?:小|少|低)", s))
    _comparison(q, s)
    q.average = q.has("平均值", "平均数", "平均水平", "均值", "平均")
    _range(q)
    _near(q)
    nonzero = re.search(r"(?:不为|不是|不等于|非)(?:0|零)(?:元|万元)?|有(?:数|金额|发生额?)的", s)
    if nonzero and q.comparator in (None, "eq") and not any(a.value for a in q.amounts):
        # 决算数不为0的科目 / 有金额的: those above nothing
        q.comparator, q.threshold = "gt", Amount(Decimal(0), "", nonzero.start(), nonzero.end())
        q.amounts = [a for a in q.amounts if a.value]
    for unit, words in lexicon.UNIT_WORDS.items():
        if words.search(s):
            q.unit = unit
    if q.unit is None and s.endswith(("元", "元?")) and not s.endswith("万元"):
        q.unit = "元"
    if places := lexicon.PLACES_WORDS.search(s):
        q.places = read_places(places)
    plain = s.replace("项目", "□□")  # 项 of 项目 is not the 项 level
    q.levels = [lv for lv in ("类", "款", "项") if re.search(
        rf"(?:{lv}级|哪个{lv}|哪一{lv}|哪{lv}|什么{lv}|{lv}是(?:哪|什么|啥)|（{lv}）|\({lv}\))", plain)]
    q.level = next((lv for lv in ("类", "款", "项") if re.search(rf"(?:{lv}级|(?<![第\d])[2-9两二三四五六七八九]类(?=功能|支出|科目)|功能{lv}|到{lv}(?:是|为|有|的|$)|哪些{lv}(?![和与及、][类款项])|几个{lv}|哪个{lv}|哪一{lv}|哪{lv}|各{lv}|几{lv}|什么{lv}|个{lv}|{lv}科目|科目{lv}|{lv}一级|{lv}这一级|{lv}那一级|的{lv}$|的{lv}(?=是|有|为|中|里|各|共|一共|总共|及|以及)|这个{lv}|（{lv}）|\({lv}\)|按{lv}(?!级.{0,4}排)|大{lv}|每个{lv}|的支出{lv}(?=是|有|为|呢|中|里|$)|(?:其他|其余|别的|剩下的?|另外的?|那)(?:的)?(?:几个|几)?{lv}(?![型别目]))", plain)), None)
    digits = re.search(r"([357])位(?:数)?(?:的)?(?:科目|功能分类)?(?:编码|代码|编号)", s)
    if q.level is None and digits:  # 7位编码的行: the codes of that length, one level (3 类, 5 款, 7 项)
        q.level = {"3": "类", "5": "款", "7": "项"}[digits.group(1)]
    fields = sorted((min(s.find(w) for w in words if w in s), f) for f, words in lexicon.SHEET_FIELDS.items()
                    if any(w in s for w in words))
    q.field_names = [f for _, f in fields]  # 立项依据和项目属性: each, in the order typed
    stated = [f for f in q.field_names if all(re.match(r"(?:只有|仅|才|是|为|有)?[\d一二三两四五六七八九十]", s[at.end():])
                                              for w in lexicon.SHEET_FIELDS[f] for at in re.finditer(re.escape(w), s))]
    if stated and (len(stated) < len(q.field_names) or "资金总额" in s):
        # 项目期只有1年，可实施期资金总额…: a field whose value is stated is not what is asked
        q.field_names = [f for f in q.field_names if f not in stated]
    if re.search(r"实施期|中长期", s) and not re.search(r"年度目标", s):
        q.field_names = ["总体目标/实施期" if f == "总体目标/年度" else f for f in q.field_names]  # 实施期总体目标
    q.field_name = q.field_names[0] if q.field_names else None
    kind = next((k for k in lexicon.INDICATOR_KINDS if re.search(rf"{k}(?:指标|要求|目标|上|方面|标准)", s)
                 or len(k) >= 3 and k in s), None)
    if kind is None and re.search(r"多长时间|多久|时间多长|什么时候完成|完成时间", s):
        kind = "时效"
    if kind is None and re.search(r"好处|益处|受益|带来什么|起到什么效果", s):
        kind = "社会效益"  # 对老百姓有啥好处: the social-benefit indicators
    if q.field_name is None and kind is None and re.search(r"为(?:什么|何|啥)要?(?:订|设|搞|做|买|安排|花|建|开展|列|上|请)"
                                                           r"|图(?:个)?(?:啥|什么)|有(?:啥|什么)用(?!途)|(?:弄|搞)(?:啥|什么)用", s):
        q.field_name = "项目设立必要性"  # 为什么要订这个: why the project exists
    if kind:
        q.field_name = kind
    year = doc.year
    # (绩效表上年度资金总额: 上 of 表上 — on the sheet — and the sheet's 年度资金总额, no year before)
    said = re.search(r"(?<![比较与跟和同表单])(?:上年度?|去年|上一年|前一年)(?!资金总额|结转|截转|财政拨款结转|相比|比|结余|剩|没花|没用|没有花|没有用|转过来|转来|转入|留下)", s)
    if said and said.group(0) == "去年" and doc.kind == "决算" and not re.search(r"比|增|减|变|涨|降|上升|多了|少了", s):
        said = None  # 西大去年政府采购多少 of a 决算: the year the accounts are of (published the year after)
        q.this_year_said = True
    q.previous_year = bool(year and (year - 1) in q.years) or bool(said)
    q.domain = _domain_word(s)
    q.side = "支出" if re.search(r"支出方|支出栏|支出侧|支出一侧", s) else "收入" if re.search(r"收入方|收入栏|收入侧|收入一侧", s) else None


# Verbs of money received and money spent, said of a name whose row both an income and a spending table print.
_RECEIVED = patterns.compile(r"收(?:了|到|进|入了)|进账|到账|拨来|拨下来|收入(?:了|是|有|多少|为)")
_SPENT = patterns.compile(r"花(?:了|掉|出去|费了)|用(?:了|掉)|支出(?:了|是|有|多少|为)|开支(?:了)?")


def _domain_word(s: str) -> str | None:
    """What a list, ranking, count or filter runs over, when the words say it."""
    if re.search(r"绩效目标表|目标表|绩效目标管理|绩效目标的项目|绩效目标项目|(?:几|多少|哪些|哪几)个?项目(?:的|有|报了?)?绩效目标", s):
        return "targets"
    if re.search(r"内设机|内设|科室|股室|几个股|哪些股|哪几个股|各股", s):
        return "internal_units"
    if re.search(r"(?:下属|附属|直属).{0,4}单位|(?:下属|附属|直属)的?(?:那|这)(?:[一两三几\d]+)?(?:家|个)(?:预算|决算)?单位|所属单位|二级单位|下属事业单位|(?:下面|下头|底下).{0,5}单位|下级单位|下辖.{0,4}单位"
                 r"|管(?:着|理|辖)?(?:的)?(?:哪几个|哪些|几个|什么)单位", s):
        return "subordinate_units"
    if re.search(r"(?:包括|包含|合并了?).{0,6}(?:单位|本级)|(?:哪些|哪几个|哪个|几个)单位(?:被|是)?(?:包括|包含)|纳入.{0,16}单位|单位构成|构成单位|(?:几|多少)家(?:预算|决算)?单位"
                 r"|(?:部门|报告|决算|预算)(?:里|中)?(?:有|包括|一共有|共有|反映了?|涵盖了?|覆盖了?|汇总了?)?(?:几|多少|哪几|哪些)(?:个|家)?单位", s) \
            and "表" not in s and "名词" not in s:
        return "report_units"  # the units the report is made of (本级 and those below it)
    if "职责" in s or "职能" in s or re.search(r"管(?:些|什么|啥|哪些)|管的事|管哪些事|管几件事|归不归|管不管|归谁管|负不负责"
                                             r"|(?:还|也|是否|是不是)(?:管|负责)[^，,。？?]{1,14}(?:吗|么|不)|负责[^，,。？?]{1,14}(?:吗|么)", s):
        return "duties"
    if re.search(r"经济科目|经济分类|明细科目|明细经济", s):
        return "items"
    if re.search(r"功能科目|功能分类|[类款]级|项级|科目|大类|功能类|各[类款](?!别|型)|每(?:个|一)?[类款]", s) and "项目" not in s:
        return "subjects"
    if re.search(r"哪一块|哪块|哪方面|哪个方面|哪些方面|哪个领域|哪些领域|哪一类|哪类|什么方面|哪个口子", s):
        return "subjects"
    if "项目" in s:
        return "projects"
    return None


# --------------------------------------------------------------------------- roles of the names
def _is(m: Mention, q: Query, words) -> bool:
    return q.squashed[m.start:m.end] in words or m.term.name in words


_SCOPE_NAMES = {w for words in lexicon.SCOPE_WORDS.values() for w in words} | {"上年结转安排", "当年预算安排"}
# The summary rows that colloquial scope words name (今年新给的 -> 本年收入合计).
_SCOPE_ROWS = {"本年收入合计", "本年收入", "上年结转", "当年拨款收入", "上年结转收入", "上年结转安排", "当年预算安排"}
_MEASURE_NAMES = {w: key for key, words in lexicon.MEASURES.items() for w in words}
_SPENDING_COLUMNS = ("基本支出", "项目支出", "人员经费", "公用经费")


def _glosses(q: Query, ms: list[Mention]) -> list[Mention]:
    """A name said again in brackets after a name of the same line of codes: one thing. 卫生健康（看病医疗的钱）
    glosses the 类 with words of its 款: the 类 is meant; 一般行政管理事务（2013102） picks one of the codes the
    name has: that code is meant."""
    out: list[Mention] = []
    for m in ms:
        before = out[-1] if out else None
        outer = {t.key for t in before.terms if t.kind == "code"} if before is not None else set()
        inner = {t.key for t in m.terms if t.kind == "code"}
        if before is not None and outer and inner and m.start < 10_000 \
                and re.search(r"[（(][^）)]*$", _typed_between(q, before.end, m.start)) \
                and all(any(a.startswith(b) or b.startswith(a) for b in outer) for a in inner):
            if inner <= outer:
                out[-1] = replace(m, start=before.start)  # (where the name was typed: 城乡社区管理事务下的行政运行（2120101）)
            continue
        out.append(m)
    return out


def _roles(q: Query, mentions: list[Mention], doc: Document) -> None:
    """Which names are asked about, and which only say where to read (a table, a fund, a whole, a column)."""
    ms = [m for m in mentions if not (m.kinds == {"department"}) and not any(
        a <= m.start and m.end <= b and b - a > m.end - m.start for a, b in q.scope_spans) and not _names_the_report(q, m)]
    ms = _glosses(q, ms)
    ms = _headed(q, _one_name_read_in_two(q, ms))
    q.subjects_typed = ms
    q.excluded = []
    for i, m in enumerate(ms):  # 除了A和B: every name of the list set aside
        if _excluded(q, m) or q.excluded and ms[i - 1] is q.excluded[-1] \
                and q.squashed[ms[i - 1].end:m.start] in ("和", "与", "、", "及", "跟", "以及", "还有", "或"):
            q.excluded.append(m)
    ms = [m for m in ms if m not in q.excluded and not _own_department(q, m, doc)]
    pointers = [m for m in ms if _THIS_REPORT.fullmatch(q.squashed[m.start:m.end])]
    if pointers and len(ms) > len(pointers):  # 这份预算有没有政府性基金: the report pointed at, the fund asked
        ms = [m for m in ms if m not in pointers]
    ms = _restated(q, ms)
    ms = _one_name_in_two(q, ms)
    ms = _assets(q, ms)
    ms = _explained(q, ms)
    ms = _one_thing(q, _qualified(q, ms))
    ms = _narrowed(ms)
    ms = _group_heads(ms)
    ms = _total_tails(q, ms)
    ms = _short_totals(q, ms)
    ms = _spending_words(q, ms)
    ms = _source_after(q, _source_clause(q, ms))
    ms = _table_roles(q, ms)
    if q.side is None:  # 收了多少 / 实际花了多少: money received or money spent, said with a verb outside the names
        rest = _mask(q.squashed, ms)
        spent, received = _SPENT.search(rest), _RECEIVED.search(rest)
        q.side = "支出" if spent and not received else "收入" if received and not spent else None
    ms = _one_name_both_sides(q, _one_name_in_tables(q, ms), doc)
    ms = _period_rows(q, ms, doc)
    ms = _fund_roles(q, ms, doc)
    ms = _modifier_roles(q, ms)
    ms = _whole_roles(q, ms)
    rows = [m for m in ms if m.kinds & set(_ROW_KINDS) and not _is(m, q, _SCOPE_NAMES)]
    if rows:  # 2013105的项目支出, 201里基本支出和项目支出, 2013102上年结转: columns asked of the row
        later = [m for m in ms if m.start > rows[0].start and not m.kinds & {"code", "item", "project", "target"}]
        column = {id(m): _MEASURE_NAMES.get(q.squashed[m.start:m.end])
                  or (None if _is(m, q, _SCOPE_NAMES) else _column_beside(doc, rows[0], m)) for m in later}
        measures = [m for m in later if column[id(m)]]
        named_rows = [m for m in rows if m not in measures]  # (财政拨款收入 is a row too, and a column here)
        last_row = max((m.end for m in named_rows if measures and m.end <= measures[0].start), default=rows[0].end)
        between = q.squashed[last_row:measures[0].start] if measures else ""
        fund = rows[0].fund
        # 2013102的一般公共预算和上年结转各多少: the fund said of the row is its column too, listed first
        fund_listed = bool(fund and re.fullmatch(rf"[类款项]?的?{fund}(?:拨款)?(?:收入)?(?:当年数|本年数|当年|本年)?[和与及、跟]",
                                                 between))
        # 机关运行经费和(经济分类表的)公用经费: two names listed, not a column of the row
        row_named = "row" in named_rows[0].kinds and "code" not in named_rows[0].kinds
        listed = measures and (bool(re.search(r"[和与及、跟同加占比=]|除以|等于", between)) or row_named and any(
            last_row <= b <= measures[0].start for b in q.breaks) or _enumerated(q, last_row, measures[0].start)) \
            and not fund_listed  # (本年收入加上年结转, 本年收入、上年结转)
        fund_row = _fund_of(q.squashed[rows[0].start:rows[0].end]) if len(named_rows) == 1 else None
        if measures and fund_row and any(fund_row in t.title for t in doc.tables) \
                and all(column[id(m)] in _SPENDING_COLUMNS for m in measures):
            for m in measures:  # 一般公共预算550.51，基本和项目各多少: the fund's spending in those columns
                m.fund = fund_row
            ms = [m for m in ms if m is not rows[0]]
        elif measures and len(named_rows) <= 2 and not listed:
            q.measures = ([fund] if fund_listed else []) + [column[id(m)] for m in measures]
            if fund_listed:
                rows[0].fund = None
            ms = [m for m in ms if m not in measures]
            if re.search(r"合计|总数|总额|一共", q.squashed[rows[0].end:measures[0].start]):
                q.measures.insert(0, "合计")  # X的合计数，以及其中A和B: the row's total too
        elif re.search(r"基本(?:支出)?[和与、及]项目(?:支出)?", q.squashed[rows[0].end:]):
            q.measures = ["基本支出", "项目支出"]  # 2050204高中教育多少？基本和项目各多少
    q.subjects = ms


def _enumerated(q: Query, end: int, start: int) -> bool:
    """An enumeration mark (、) or a division (/, ÷) typed between two names: they are two things, the second is
    no column of the first."""
    return bool(re.fullmatch(r"\s*[、/÷]\s*", _typed_between(q, end, start)))


def _spending_words(q: Query, ms: list[Mention]) -> list[Mention]:
    """2050205总共花了多少: words for all the money spent (总共花, 一共花, 能花多少) name the report's total only
    when nothing else is named; with a name they ask how much that one spent."""
    def money_words(m: Mention) -> bool:
        return m.via == "synonym" and bool(re.search(r"花|用|钱", q.squashed[m.start:m.end])) \
            and any(re.search(r"(?:支出|收入)总计$", t.name) for t in m.terms)
    said = [m for m in ms if money_words(m)]
    named = [m for m in ms if not money_words(m) and m.kinds & {"code", "item", "project", "row", "column", "group"}]
    return [m for m in ms if m not in said] if said and named else ms


# The report itself, pointed at (这份预算, 本报告).
_THIS_REPORT = patterns.compile(r"(?:这|本|此|该)(?:份|个|一份)?(?:部门)?(?:预算|决算|报告)")


def _names_the_report(q: Query, m: Mention) -> bool:
    """司法局2026年部门预算，项目支出…: a year and the kind of report typed say which report, they are no part of
    a longer name (2026年部门预算安排购置车辆)."""
    typed = q.squashed[m.start:m.end]
    return m.via in ("partial", "fuzzy") and not re.sub(r"\d{4}|年度?|部门|单位|预算|决算|报告|公开|稿", "", typed)


def _short_totals(q: Query, ms: list[Mention]) -> list[Mention]:
    """本年支出 项目支出合计: a total said without its 合计 beside other names says which spending they are
    of, it is not asked itself; alone, or beside another such total (本年支出比本年收入多多少), it is."""
    def short(m: Mention) -> bool:
        typed, name = q.squashed[m.start:m.end], squash(m.term.name)
        return m.kinds == {"row"} and typed != name and name in (typed + "合计", typed + "总计")
    said = [m for m in ms if short(m)]
    others = [m for m in ms if m not in said]
    # (本年收入、上年结转各多少: two rows asked, each)
    return others if said and others and not any("row" in m.kinds for m in others) else ms


def _restated(q: Query, ms: list[Mention]) -> list[Mention]:
    """工资一共多少 就是表六里那个工资大项: the name after 就是 says what the name before meant."""
    said = re.search(r"(?:也就是|就是|我是说|我说的是|指的是|即)(?:说)?", q.squashed)
    if said is None:
        return ms
    named = {"item", "code", "row", "column", "group", "project", "fact"}
    before = [m for m in ms if m.end <= said.start() and m.kinds & named]
    after = [m for m in ms if m.start >= said.end() and m.kinds & named]
    members = [w for m in before for t in m.terms if t.kind == "group" for w in lexicon.GROUPS.get(t.key, ())]
    if not before or not after or members and all(
            any(lexicon.holds_member(t.name, w) for w in members for t in m.terms) for m in after):
        return ms  # (a group then its members: the group's own rule reads them)
    if {t.key for m in before for t in m.terms[:1]} == {t.key for m in after for t in m.terms[:1]}:
        return [m for m in ms if m not in after]  # (项目支出 就是 project支出: one name said twice)
    longest = [max(m.end - m.start for m in side) for side in (before, after)]
    if longest[0] == longest[1]:
        return ms
    vaguer = before if longest[0] < longest[1] else after  # the fuller name says what was meant
    return [m for m in ms if m not in vaguer]


def _column_beside(doc: Document, row: Mention, m: Mention) -> str | None:
    """高等教育的事业收入: a column name typed after a code, when a table prints that code's row
    under that column (the row's figure in it, not the report's row of the same name)."""
    column = next((t.key for t in m.terms if t.kind == "column"), None)
    code = next((t.key for t in row.terms if t.kind == "code"), None)
    said = strip_ordinal(m.term.name) if m.kinds <= {"row", "fact"} else None  # (财政拨款 said of 财政拨款收入)
    if column is None and not said or code is None:
        return None
    for table in doc.tables:
        leaves = {re.sub(r"^其中[：:]?", "", c.rsplit("/", 1)[-1]) for c in table.columns}
        if not any(r.code == code for r in table.rows):
            continue
        if column in leaves:
            return column
        if column is None and (hit := next((c for c in leaves if c.startswith(said) and len(c) - len(said) <= 2), None)):
            return hit
    return None


_EXCLUDING = ("不是", "不属于", "不包括", "不包含", "不含", "除了", "除去", "而非", "并非", "非", "不算", "扣除", "剔除", "刨去", "去掉",
              "扣掉", "减掉", "刨掉", "除开", "排除", "不要", "除")


def _own_department(q: Query, m: Mention, doc: Document) -> bool:
    """屯留区委办 typed to say which report: a loose reading of the report's own department name."""
    from rapidfuzz.distance import LCSseq

    typed = q.squashed[m.start:m.end]
    tail = re.match(r"(?:局|委员会|委|办公室|办|厅|部|街道|大学|学校)", q.squashed[m.end:])
    if tail and squash(doc.department).endswith(typed + tail.group(0)):
        return True  # 司法局说明那13条: the department's short name (上海市普陀区司法局), not the code 司法
    return m.via in ("partial", "fuzzy") and len(typed) >= 3 and LCSseq.similarity(typed, squash(doc.department)) >= len(typed) - 1 \
        and not any(typed in squash(t.name) and len(typed) >= 0.6 * len(squash(t.name)) for t in m.terms)


# The kind of money a short name is said of (医疗缴费, 养老、医疗这两项缴费): it picks that name's reading.
_HEADS = ("缴费", "保险", "补贴", "补助", "经费", "支出")
_COUNT_SAID = patterns.compile(r"(?:这|那)?(?:[两二三四五六七八九\d]|几)?(?:项|个|种|类)?的?")


# A share said as a noun of the name before it (X的占比, Y的比重).
_SHARE_NOUN = patterns.compile(r"的(?:占比|比重|比例)")


def _headed(q: Query, ms: list[Mention]) -> list[Mention]:
    """A short word of several readings (医疗: 行政事业单位医疗 or 职工基本医疗保险缴费) typed before a word of
    the kind of money it is, or in a list that word follows (养老、医疗、其他社保这三项缴费): the readings
    whose name holds that word first."""
    out = list(ms)
    for i, m in enumerate(ms):
        if len(m.terms) < 2:
            continue
        last = i
        while last + 1 < len(ms) and q.squashed[ms[last].end:ms[last + 1].start] in ("", "和", "与", "及", "跟", "以及"):
            last += 1
        tail = q.squashed[ms[last].end:]
        tail = tail[_COUNT_SAID.match(tail).end():]
        head = next((h for h in _HEADS if tail.startswith(h)), None)
        if head and not head in squash(m.term.name) and any(head in squash(t.name) for t in m.terms):
            out[i] = replace(m, terms=sorted(m.terms, key=lambda t: head not in squash(t.name)))
    return out


def _one_name_read_in_two(q: Query, ms: list[Mention]) -> list[Mention]:
    """A name read as two (非财政拨款结余: 财政拨款, then 结余 fitting 使用非财政拨款结余): the longer one, over the
    whole of what was typed for it, when its name holds all of that."""
    out: list[Mention] = []
    for m in ms:
        if out and m.start == out[-1].end and m.via == "partial" and out[-1].start < 10_000:
            names = [squash(t.name) for t in m.terms]
            if any(q.squashed[out[-1].start:m.end] in n for n in names):  # (the character before too: 非)
                opened = any(q.squashed[max(0, out[-1].start - 1):m.end] in n for n in names)
                out[-1] = replace(m, start=out[-1].start - (1 if opened else 0))
                continue
        out.append(m)
    return out


def _excluded(q: Query, m: Mention) -> bool:
    """A name the question sets aside (不是事业单位那块, 除了基本工资), or a list or scope name that a
    含/不含 phrase only qualifies (不含上年结转的项目支出: the scope slot says it)."""
    before = q.squashed[max(0, m.start - 3):m.start]
    if before.endswith(_EXCLUDING) and m.start not in q.breaks and not before.endswith("是不是"):
        return True  # (把X去掉，Y还有多少: 去掉 ends the clause before; 是不是X asks about X)
    after = q.squashed[m.end:m.end + 8]
    # 把工资福利支出去掉 / 工资福利支出除外 / 上年结转的不算: the name set aside, the removing word after it
    # (不算多 / 不算高 judge a figure, they set nothing aside)
    # (基本工资以外的工资奖金津补贴 / X之外的: the name before 以外 is set aside from what follows)
    if before.endswith("把") and after.startswith(_SET_ASIDE_AFTER) or after.startswith(("除外", "不算在内", "不计在内")) \
            or re.match(r"(?:以外|之外)的?(?=[\u4e00-\u9fff])", after) and m.end + 2 not in q.breaks:
        return True
    # (X的不算 ends its clause: 不算项目 / 不算上年结转 set aside what follows, not X)
    said = re.match(r"(?:的|那部分|部分)?(?:就|都|先)?(?:不算|不计)(?:了|吧|啊)?", after)
    return said is not None and (m.end + said.end() in q.breaks or m.end + said.end() == len(q.squashed))


# Words removing a name said before them (把X去掉, 把X扣除).
_SET_ASIDE_AFTER = ("去掉", "扣掉", "刨掉", "减掉", "除掉", "剔除", "扣除", "拿掉", "刨去", "排除", "不算", "去除")


def measure_word(q: Query, m: Mention) -> bool:
    """A name that is a column of a row when said of one (基本支出, 项目支出, 上年结转, 当年预算安排)."""
    return q.squashed[m.start:m.end] in _MEASURE_NAMES


def _modifier_roles(q: Query, ms: list[Mention]) -> list[Mention]:
    """上年结转的项目 / 本年的关工委经费 / 今年新安排的项目: scope words before a name or a list only
    say which money (the scope slot holds them); asked alone, they are the subject."""
    out = []
    for m in ms:  # (今年关工委的钱，连上年结转的一起算: the scope said for the whole question wins)
        m.scope = _scope_before(q, m) if q.scope != "全部" else None
    named = [m for m in ms if not _is(m, q, _SCOPE_NAMES)]
    if q.scope == "全部" and named:  # 把去年结转的也算上: the scope says it, nothing more is named
        ms = named
    for i, m in enumerate(ms):
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        after = q.squashed[m.end:]
        if _is(m, q, _SCOPE_NAMES) and (
                (nxt is not None and q.squashed[m.end:nxt.start] in ("", "的", "下来的", "部分的", "中的", "里的"))
                or re.match(r"(?:下来)?的?(?:项目|科目|资金安排的|部分)", after)):
            continue
        out.append(m)
    return out


_ASSET_WORDS = patterns.compile("|".join(w for words in lexicon.ASSET_WORDS.values() for w in words if w != "设备"))


def _assets(q: Query, ms: list[Mention]) -> list[Mention]:
    """Vehicles, office space and equipment are counted in the asset paragraph, not in a table."""
    words = [w for w in _ASSET_WORDS.finditer(q.squashed)
             if not any(m.start <= w.start() and w.end() <= m.end and (m.kinds & {"project", "target"} or m.via == "purpose")
                        for m in ms)]
    if not words or any(m.kinds & {"project", "code"} and m.via == "exact" for m in ms):
        return ms  # (房屋修缮项目: 房屋 inside a project's name is no asset asked)
    kept = [m for m in ms if m.kinds & {"asset"} and m.via == "exact"]
    return kept or [Mention(0, 0, [Term("topic", "国有资产", "国有资产")])]


_SOURCE = patterns.compile(r"^(?:请)?(?:根据|依据|按照|参照|按|在|从|对照)")


def _source_clause(q: Query, ms: list[Mention]) -> list[Mention]:
    """根据…支出预算表，…: an opening clause that names a table says where to read, it asks nothing."""
    opening = _SOURCE.match(q.squashed)
    end = min((b for b in q.breaks if opening and b > opening.end()), default=None)
    if opening is None or end is None or end >= len(q.squashed) - 2:
        return ms
    inside = [m for m in ms if m.end <= end]
    tables = [m for m in inside if m.kinds == {"table"}]
    if len(tables) == 1 and any(m.start >= end for m in ms):
        q.table = int(tables[0].term.key)
        general = {"fact", "term", "topic", "row", "column"}
        return [m for m in ms if m.start >= end or (m is not tables[0] and not m.kinds <= general)]
    return ms


# …，按支出总表看 / 以表三为准: a closing clause naming only a table says where to read what the line asks.
_SOURCE_AFTER = patterns.compile(r"(?:请)?(?:根据|依据|按照|参照|按|以|看|从|对照)?(?:表)?$")
_SOURCE_AFTER_END = patterns.compile(r"^(?:的口径)?(?:来看|看|为准|为依据|口径|里的|中的|的)?(?:吧|啊|哈)?$")


def _source_after(q: Query, ms: list[Mention]) -> list[Mention]:
    last = ms[-1] if ms else None
    start = max((b for b in q.breaks if last is not None and b <= last.start), default=None)
    if last is None or len(ms) < 2 or last.kinds != {"table"} or start is None or q.table is not None \
            or not _SOURCE_AFTER.fullmatch(q.squashed[start:last.start]) \
            or not _SOURCE_AFTER_END.match(q.squashed[last.end:]) or ms[-2].kinds == {"table"}:
        return ms
    q.table = int(last.term.key)
    return ms[:-1]


def _table_roles(q: Query, ms: list[Mention]) -> list[Mention]:
    """表五项目支出 / 表三中的基本支出: a table right before a name is where the name is read."""
    out = []
    tables = {int(m.term.key) for m in ms if m.kinds == {"table"}}
    for i, m in enumerate(ms):
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        if "table" in m.kinds and nxt is None and not out and (q.level or q.domain) and re.match(
                r"(?:里|中|里面|当中)", q.squashed[m.end:]) and re.search(r"哪|最", q.squashed[m.end:]):
            q.table = int(m.of("table")[0].key)  # 一般公共预算财政拨款支出里哪个类最多: read in that table
            continue
        if "table" in m.kinds and len({(t.kind, t.key) for t in m.terms}) == 1:
            between = q.squashed[m.end:nxt.start] if nxt is not None else ""
            # 表三功能分类中行政事业单位医疗: a few words saying which part of the table, then where the name is
            listed = nxt is not None and re.search(r"[、，,]$", _typed_between(q, m.end, nxt.start).strip())  # (合计行、A: an item)
            inside = between in _IN_TABLE and not listed or len(between) <= 8 and re.search(r"(?:中|里|里面|当中)(?:的)?$", between) \
                and not re.search(r"[、，,和与及跟同]", between)
            if nxt is not None and nxt.kinds != {"table"} and inside:
                nxt.table = int(m.term.key)
                if len(tables) == 1 and not any(o.kinds & {"code", "item", "row"} and o.start < 10_000 for o in out):
                    q.table = nxt.table  # (A与表六B核对: the table is B's, A is read where it is printed)
                continue
            before = q.squashed[out[-1].end:m.start] if out else ""
            if q.table is None and nxt is None and out and not ("table" in out[-1].kinds and out[-1].term.key != m.term.key) \
                    and not _listed(q, out[-1]) and (before in ("（", "(", "", "的") or re.fullmatch(
                    r"(?:安排|列支|支出|花)?(?:的)?(?:那|这)?(?:部分|块|笔|项|个)?(?:钱|资金)?[，,]?(?:在|看)?", before)
                    and re.match(r"(?:里|中|里面|当中)", q.squashed[m.end:])):
                q.table = int(m.term.key)  # 上年结转项目支出合计（表十三） / X的那部分，收入决算表里是多少
                continue
            after = q.squashed[m.end:]
            if nxt is not None and q.table is None and q.each and re.match(r"(?:的)?(?:合计|总计)", after):
                q.table = int(m.term.key)  # 表5合计、基本支出、项目支出各多少: the table's total, and the others in it
            if nxt is None and not out and (_domain_word(after) and re.search(r"哪几|哪些|有哪", after)
                                            or re.match(r"(?:里|中|里面|当中)", after) and q.scope):
                q.table = int(m.term.key)  # 收支总表支出方哪几个类有数 / 收入总表里这笔结转: where it is read
                continue
        out.append(m)
    return out


_QUALIFIER = patterns.compile(r"[（(]([^（）()]{1,8})[）)]$")


def _qualified(q: Query, ms: list[Mention]) -> list[Mention]:
    """附属中学的房屋修缮: of the projects a name fits, the one whose own qualifier (…项目（中学）) the
    question says beside the name."""
    out = []
    for m in ms:
        rest = _mask(q.squashed, [m]) if len(m.terms) > 1 else ""
        said = [t for t in m.terms if (k := _QUALIFIER.search(t.name)) and k.group(1) in rest]
        out.append(replace(m, terms=said) if len(said) == 1 and len(m.terms) > 1 else m)
    return out


# The narrative named as where a figure is read (说明文字, 文中, 情况说明)
_TEXT_SOURCE = patterns.compile(r"说明文字|文字说明|说明(?:里|中|部分)|文字部分|文中|正文|情况说明")


# Two places asked whether they print the same figure (一致, 是不是同一个数, 对不上, 差多少).
_SAME_ASKED = patterns.compile(r"一致|一样|相同|相符|同一个|一回事|对得上|对的上|对不上|不同|差")


def _one_name_in_tables(q: Query, ms: list[Mention]) -> list[Mention]:
    """高等教育在支出决算表和财政拨款支出决算表里各是多少: one name read in each table named; the text
    named as a source beside a table (说明文字和基本支出决算表给的数) reads the figure the text states."""
    tables = [m for m in ms if m.kinds == {"table"}]
    names = [m for m in ms if m not in tables]
    tables = [m for i, m in enumerate(tables) if m.term.key not in {t.term.key for t in tables[:i]}]  # (表4财政拨款支出决算表)
    funds = [f for m in names if (f := _fund_of(q.squashed[m.start:m.end]))] if len(names) > 1 else []
    if len(funds) == 1:  # (212 一般公共预算 表4 vs 表5: the fund said beside the name is read in each table)
        names = [m for m in names if not _fund_of(q.squashed[m.start:m.end])]
    said = _TEXT_SOURCE.search(q.squashed)
    same = _SAME_ASKED.search(q.squashed)  # (the table read from its title, 收支预算总表, when the two are compared)
    placed = len(tables) == 1 or not tables and q.table is not None and same
    if placed and len(names) == 1 and said and names[0].of("fact") and not q.amounts and (q.each or same):
        table = int(tables[0].term.key) if tables else q.table
        q.table = None if not tables else q.table
        in_text = replace(names[0], terms=names[0].of("fact"))
        in_table = replace(names[0], table=table, terms=[t for t in names[0].terms if t.kind != "fact"] or names[0].terms)
        return [in_text, in_table] if tables and said.start() < tables[0].start else [in_table, in_text]
    if len(tables) < 2 or len(names) != 1 or not names[0].kinds & {"code", "row", "item", "column"} \
            or not (q.each or _SAME_ASKED.search(q.squashed)
                    or len(q.amounts) == 1 and 0 <= q.amounts[0].start - tables[0].end <= 4):
        return ms  # (X在表A里是N，在表B里是多少: the figure read in each, the one typed among them)
    fund = funds[0] if len(funds) == 1 else names[0].fund
    return [replace(names[0], table=int(t.term.key), fund=fund) for t in tables]


_INCOME_SIDE = patterns.compile(r"收入|收了|收到|进账|到账|拨来|拨下来")
_SPENDING_SIDE = patterns.compile(r"支出|花|用了|用掉|开支")


def _one_name_both_sides(q: Query, ms: list[Mention], doc: Document) -> list[Mention]:
    """超长期特别国债安排的支出，收入有多少、实际支出多少: a code said with money received and money spent is
    read in the income table and in the spending table that both print it."""
    names = [m for m in ms if m.start < 10_000]
    if len(names) != 1 or "code" not in names[0].kinds or names[0].table is not None or q.table is not None:
        return ms
    rest = _mask(q.squashed, names)
    if not (_INCOME_SIDE.search(rest) and _SPENDING_SIDE.search(rest)):
        return ms
    code = names[0].of("code")[0].key
    tables = [next((t for t in doc.tables if t.kind == kind and any(r.code == code for r in t.rows)), None)
              for kind in ("income", "expenditure")]
    if None in tables:
        return ms
    return [replace(names[0], table=t.no) for t in tables]


# What may follow a fund's name and still name only the fund: its money's words, or a verb of paying
# (财政拨款出了多少, 一般公共预算负担的: the fund's part).
_PAID = r"资金|支出|收入|安排|出资|负担|承担|拨付|拨|出|给"
_FUND_TAIL = patterns.compile(rf"(?:拨款|{_PAID}|决算数?|执行数?)+$")  # (财政拨款支出决算: the fund, of an outturn)


def _domain_named(q: Query) -> str | None:
    """What the question's list runs over, by its words outside the names (项目支出最多的款: a column, no projects)."""
    if any("list" in m.kinds for m in q.subjects):
        return "projects"
    unnamed = _mask(q.squashed, [m for m in q.subjects + ([q.whole] if q.whole else []) if m.kinds & {"list", "column", "row"}])
    for measure in q.measures:
        unnamed = unnamed.replace(measure, " ")
    return _domain_word(unnamed)


def _halves_of_item(q: Query) -> None:
    """住房公积金算人员经费还是公用经费: the halves of basic spending divide economic items, so a name that is both a
    function code and an economic item is read as the item when only those halves are asked of it."""
    if not q.measures or not set(q.measures) <= set(lexicon.BASIC_HALVES):
        return
    for i, m in enumerate(q.subjects):
        if m.kinds >= {"item", "code"}:
            q.subjects[i] = replace(m, terms=[t for t in m.terms if t.kind == "item"])


def _fund_of(typed: str) -> str | None:
    """The fund a typed stretch names when it names nothing else (一般公共预算财政拨款, 财政拨款安排)."""
    rest = typed
    for fund in sorted(lexicon.FUNDS, key=len, reverse=True):
        rest = rest.replace(fund, "")
    if rest == typed or len(_FUND_TAIL.sub("", rest)) > 0:
        return None
    fund = re.sub(rf"(?:{_PAID}|决算数?|执行数?)+$", "", typed)  # (拨款 stays: 财政拨款 is a fund's own name)
    return fund.removesuffix("拨款") if fund not in lexicon.FUNDS and fund.removesuffix("拨款") in lexicon.FUNDS else fund


def names_fund_only(q: Query) -> bool:
    """The one name the question types is a fund's own name (那2024年的财政拨款呢), and nothing is asked of it but
    its figure: it says where to read, naming no figure (财政拨款收入 is a row of its own)."""
    return len(q.subjects) == 1 and q.op == "value" and q.whole is None and q.subjects[0].start < 10_000 \
        and q.squashed[q.subjects[0].start:q.subjects[0].end] in lexicon.FUNDS


def _fund_of_dated(typed: str) -> str | None:
    """The fund a stretch names when a year opens it (2023年财政拨款支出, 年一般公共预算…: what the year leaves)."""
    return _fund_of(re.sub(r"^(?:20\d\d)?年度?", "", typed))


def _listed(q: Query, m: Mention) -> bool:
    """The name is followed by a list mark in the text typed (财政拨款、事业收入 …)."""
    typed, at = q.squashed[m.start:m.end], -1
    while (at := q.text.find(typed, at + 1)) >= 0:  # (by str.find: a pattern per name would crowd re's cache)
        if q.text[at + len(typed):].lstrip()[:1] in tuple("、，,；;和及与跟"):
            return True
    return False


def _lead_fund(q: Query, m: Mention) -> str | None:
    """The fund a listed name opens with (财政拨款支出总计 -> 财政拨款), when a list follows it."""
    typed = q.squashed[m.start:m.end]
    return next((f for f in sorted(lexicon.FUNDS, key=len, reverse=True) if typed.startswith(f)), None) \
        if _listed(q, m) else None


_PERIODS = {"年初": "年初", "年头": "年初", "期初": "年初", "年末": "年末", "年底": "年末", "期末": "年末", "年终": "年末"}


def _period_rows(q: Query, ms: list[Mention], doc: Document) -> list[Mention]:
    """结转结余 said with the year's start or end (年底还结转结余了多少, 年初的结余) where the report prints a row
    for each end (年初结转和结余 / 年末结转和结余): that end's row."""
    said = {_PERIODS[w] for w in _PERIODS if w in q.squashed}
    if len(said) != 1:
        return ms
    period = said.pop()
    rows = vocabulary(doc).by_name
    ends = sorted((key for key in rows if key.startswith(period) and re.search(r"结转|结余", key)), key=len)
    if not ends or len(ends) > 1 and len(ends[0]) == len(ends[1]):
        return ms  # (年末结转和结余, not 年末财政拨款结转和结余: the plain one)
    out = [replace(m, terms=list(rows[ends[0]])) if re.search(r"结转|结余", q.squashed[m.start:m.end])
           and (m.via != "exact" or q.squashed[m.start:m.end] in ("结余", "结转", "结转结余", "结转和结余"))
           and not q.squashed[m.start:m.end].startswith(tuple(_PERIODS)) else m for m in ms]  # (结余分配 is a name)
    word = re.search(r"结转和?结余|结余|结转", q.squashed)
    if word and not any(m.start <= word.start() < m.end for m in ms) \
            and not any(squash(m.term.name) == ends[0] for m in out):  # (年底结余还有多少: the word alone names no row)
        out.append(Mention(word.start(), word.end(), list(rows[ends[0]]), 90, "partial"))
        out.sort(key=lambda m: m.start)
    return out


def _fund_roles(q: Query, ms: list[Mention], doc: Document) -> list[Mention]:
    """一般公共预算基本支出 / 财政拨款安排的高中教育支出: a fund typed before a name says which table
    to read it in (the fund may be a name of its own, or plain words before the name)."""
    out = []
    for i, m in enumerate(ms):
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        fund = _fund_of(q.squashed[m.start:m.end])
        negated = q.squashed[max(0, m.start - 3):m.start].endswith(lexicon.NEGATIONS)
        if fund and nxt is not None and not negated and not _listed(q, m) and q.squashed[m.end:nxt.start] in _FUND_GAP \
                and nxt.kinds & {"code", "column", "item", "row"} and any(fund in t.title for t in doc.tables):
            nxt.fund = fund
            continue
        prev = out[-1] if out else None
        if fund and prev is not None and prev.fund is None and not negated and prev.kinds & {"code", "item", "row"} \
                and not _listed(q, prev) and not _listed(q, m) \
                and re.sub(r"^[类款项]", "", q.squashed[prev.end:m.start]) in ("", "的", "中", "里", "其中", "中的", "里的",
                                                                           "里面", "里面的", "当中", "当中的") \
                and any(fund in t.title for t in doc.tables):
            prev.fund = fund  # 2050205财政拨款支出多少 / 住房公积金中的一般公共预算: the fund after the name (本年收入里
            continue          # 财政拨款、事业收入…: a list's first item, not a fund)
        out.append(m)
    for m in out:
        if m.fund is None:
            before = q.squashed[max(0, m.start - 16):m.start]
            for gap in sorted(_FUND_GAP, key=len, reverse=True):
                stem = before.removesuffix(gap) if gap else before
                fund = next((f for f in sorted(lexicon.FUNDS, key=len, reverse=True) if stem.endswith(f)), None)
                if fund and any(fund in t.title for t in doc.tables):
                    m.fund = fund
                    break
    for m, nxt in zip(out, out[1:]):  # 一般公共预算的基本支出和项目支出: the fund said before a list is of each name in it
        gap = q.squashed[m.end:nxt.start]  # (、 is squashed away: a break between the two)
        if m.fund and nxt.fund is None and (re.fullmatch(r"[和与及、跟]|以及", gap) or not gap and m.end in q.breaks) \
                and not _fund_of(q.squashed[nxt.start:nxt.end]) and nxt.kinds & m.kinds & {"code", "column", "item", "row"}:
            nxt.fund = m.fund
    lead = _lead_fund(q, out[0]) if out else None
    if lead and any(lead in t.title for t in doc.tables):  # 财政拨款支出总计、基本支出、项目支出各多少: the lead's fund for its columns
        for m in out[1:]:
            if m.fund is None and q.squashed[m.start:m.end] in _MEASURE_NAMES:
                m.fund = lead
    funds = {m.fund for m in out if m.fund}
    if len(funds) == 1 and all(m.fund for m in out if m.kinds & {"code", "column", "item", "row"}):
        q.fund = funds.pop()
    return out


def _one_name_in_two(q: Query, ms: list[Mention]) -> list[Mention]:
    """一般公共预算拨款支出: a name typed with a word left out is read as two (the fund, then 拨款支出 read loosely
    as the whole name): when the second's name opens with the first's words, they are that one name."""
    out: list[Mention] = []
    for m in ms:
        prev = out[-1] if out else None
        typed = q.squashed[prev.start:prev.end] if prev is not None else ""
        if prev is not None and m.start == prev.end and m.via in ("fuzzy", "partial") and len(typed) >= 4 \
                and m.term.name.startswith(typed) and len(m.term.name) > len(typed) + len(q.squashed[m.start:m.end]) - 2:
            out[-1] = replace(m, start=prev.start, via="fuzzy")
            continue
        out.append(m)
    return out


def _one_thing(q: Query, ms: list[Mention]) -> list[Mention]:
    """210卫生健康支出 / 行政运行（2120101）: a code and its own name typed together name one thing."""
    out: list[Mention] = []
    for m in ms:
        prev = out[-1] if out else None
        if prev is not None and m.start - prev.end <= 1 and {t.key for t in prev.terms if t.kind == "code"} & {
                t.key for t in m.terms if t.kind == "code"}:
            keys = {t.key for t in m.terms if t.kind == "code"}
            out[-1] = replace(prev, end=m.end, terms=[t for t in prev.terms if t.kind != "code" or t.key in keys])
            continue
        out.append(m)
    return out


def _explained(q: Query, ms: list[Mention]) -> list[Mention]:
    """Names in brackets right after a name explain it (社会保险缴费（养老、医疗、其他社保）): not asked apart."""
    spans, depth, pos, start = [], 0, 0, 0
    for ch in re.sub(r"(?<=\d)\.(?=\d)", "0", q.text):
        if ch in "（(":
            depth, start = depth + 1, pos
        elif ch in "）)" and depth:
            depth -= 1
            spans.append((start, pos))
        elif not _SEPARATORS.fullmatch(ch):
            pos += 1
    return [m for m in ms if not any(a <= m.start and m.end <= b and any(o.end == a for o in ms) for a, b in spans)]


def _group_heads(ms: list[Mention]) -> list[Mention]:
    """A group word typed beside some of its own members (工资、奖金、津补贴) means its head member
    (基本工资), not the whole group again."""
    for g in ms:  # 社保那几个一共多少 养老 医保 其他社保: the members typed after a group say what it holds
        key = next((t.key for t in g.terms if t.kind == "group"), "")
        members = lexicon.GROUPS.get(key, ())
        later = [m for m in ms if m.start > g.start]
        if members and key not in members[0] and later and all(
                any(lexicon.holds_member(t.name, w) for w in members for t in m.terms) for m in later):
            ms = [m for m in ms if m not in later]
            break
    names = {t.name for m in ms for t in m.terms if t.kind in ("item", "code")}
    out = []
    for m in ms:
        group = next((t.key for t in m.terms if t.kind == "group"), None)
        members = lexicon.GROUPS.get(group or "", ())
        if group and group in members[0] and any(lexicon.holds_member(name, member) for name in names for member in members):
            head = members[0]
            m = replace(m, terms=[Term("item", head, head)])
        out.append(m)
    return out


def _narrowed(ms: list[Mention]) -> list[Mention]:
    """Partial names that narrow each other: a heading before them (关工委的办公经费和工作经费) or a
    noun after a list (信息化中心、发展改革研究中心、关工委三个办公经费) keeps, of each partial name,
    the things it shares with the heading or the noun, and names nothing of its own."""
    partial = [m for m in ms if m.via in ("partial", "fuzzy") and m.kinds & {"project", "target"}]
    if len(partial) < 2:
        return ms
    for shared, others in ((partial[0], partial[1:]), (partial[-1], partial[:-1])):
        keys = {t.key for t in shared.terms}
        narrowed = [[t for t in m.terms if t.key in keys] for m in others]
        if all(narrowed) and any(len(n) < len(m.terms) for n, m in zip(narrowed, others)):
            for m, terms in zip(others, narrowed):
                m.terms = terms
            return [m for m in ms if m is not shared]
    return ms


_TOTAL_TAILS = ("预算总额", "总额", "总预算", "支出总额", "收入总额", "合计", "总计")
_LOOSE_TOTALS = ("总共多少钱", "一共多少钱", "总共有多少钱", "一共有多少钱", "一共多少", "总共多少", "花多少钱", "能花多少", "可以花多少",
                 "能用多少")


def _total_tails(q: Query, ms: list[Mention]) -> list[Mention]:
    """X预算总额 / 高等教育总预算: a total word typed right after a name is that name's total,
    not the report's (the lexicon reads 总预算 alone as 支出总计); 一共多少钱 names the report's
    total only when nothing else is named."""
    others = [m for m in ms if not (m.via == "synonym" and q.squashed[m.start:m.end] in _LOOSE_TOTALS)]
    return [m for i, m in enumerate(ms) if not (
        i > 0 and m.via == "synonym" and q.squashed[m.start:m.end] in _TOTAL_TAILS
        and q.squashed[ms[i - 1].end:m.start] in ("", "的")) and (m in others or not others)]


def without_loose_totals(q: Query) -> Query:
    """A later part of a line (…有几个，一共多少钱) whose only name is a loose total word: the total is
    of what the part before named, not the report's."""
    kept = [m for m in q.subjects if not (m.via == "synonym" and q.squashed[m.start:m.end] in _LOOSE_TOTALS)]
    return q if len(kept) == len(q.subjects) or kept else replace(q, subjects=kept, follow_up=True)


def _scope_before(q: Query, m: Mention) -> str | None:
    """The scope word typed right before a name (今年新安排的X / 结转的Y / 不含结转的Z): the longest one."""
    before = q.squashed[max(0, m.start - 10):m.start].removesuffix("的").removesuffix("下来").removesuffix("的")
    found = [(len(word), scope, word) for scope, words in lexicon.SCOPE_WORDS.items() for word in words if before.endswith(word)]
    if not found:
        return None
    _, scope, word = max(found)
    negated = before[:-len(word)].endswith(lexicon.NEGATIONS)
    return "本年" if scope == "上年结转" and negated else scope


# A whole said as the place a part is put in (在全部项目支出里, 放到整个部门的支出总计里): what precedes its name.
_PLACED_IN = patterns.compile(r"(?:[在于]|放到|放在|放进|搁到|搁在|算到|拿到)(?:全部|所有|整个|全体|全年)?"
                              r"(?:(?:本|这个|全)?(?:部门|单位|学校|全校)(?:的)?)?$")


def _whole_roles(q: Query, ms: list[Mention]) -> list[Mention]:
    """X中Y / X下面的Y: X is the whole Y is read within; Y占X, Y在X中占: X is the whole Y is divided by."""
    for i in range(len(ms) - 1):
        said_column = "column" in ms[i + 1].kinds and re.match(r"(?:的)?(?:那一|这一|那|这)?[列栏]", q.squashed[ms[i + 1].end:])
        if ms[i].kinds & {"row", "code", "item"} and said_column:  # 支出总计中一般公共预算那一列: the row's column
            q.measures = [ms[i + 1].of("column")[0].key]
            return ms[:i + 1] + ms[i + 2:]
        gap = re.sub(r"^(?:这一|这个)?(?:项目|[类款项级])|^(?:预算|决算|预算数|决算数|表|(?:财政)?拨款|(?:合同|采购)?(?:金额|资金|总额))", "",
                     q.squashed[ms[i].end:ms[i + 1].start])  # (政府采购合同金额中Y: within 政府采购)
        # X53,611.86万元中，Y / X中“其中：Y”: the figure typed, quotes and 其中 say nothing more
        gap = re.sub(r"^\d[\d.,]*(?:万元|亿元|元|万)?(?=[中里拆分])|^(?:的)?(?:结构|构成|盘子)(?=[中里])"
                     r"|(?<=[中里])(?:[，,：:“”\"「」]|其中)+$|(?<=[中里面])(?:是不是|是否)$", "", gap)  # (X里是不是Y最多)
        column_of_row = ms[i].kinds & {"code", "item", "project", "target"} and q.squashed[ms[i + 1].start:ms[i + 1].end] in _MEASURE_NAMES
        typed = q.squashed[ms[i].start:ms[i].end]
        negated = re.search(r"(?:非|非仅|不仅|不只|不含|不是|除了)$", q.squashed[:ms[i].start])
        said = re.sub(r"[“”\"「」：:，,]|其中", "", gap).strip()  # (表4财政拨款支出决算表“其中：X”: its title typed)
        if ms[i].kinds == {"table"} and ms[i + 1].kinds & {"code", "item", "row", "project", "column"} \
                and (not said or said in squash(ms[i].term.name)):
            q.table = int(ms[i].term.key)  # 表3 2050205: the row read in that table
            return ms[:i] + ms[i + 1:]
        fund = typed if typed in lexicon.FUNDS else _fund_of_dated(typed) \
            if "column" in ms[i + 1].kinds else None
        if gap in _WITHIN and fund and not q.fund and not negated:
            q.fund = fund  # 财政拨款里教育支出 / 财政拨款支出里项目支出: read in that fund's table, of its total
            return ms[:i] + ms[i + 1:]
        # (上年结转那533.88万元里: a scope said with its sum typed is the whole)
        figured = re.fullmatch(r"(?:那|这)?\d[\d.,]*(?:万元|亿元|元|万)?(?:里头|里面|里|当中|之中|中)", q.squashed[ms[i].end:ms[i + 1].start])
        scope = _is(ms[i], q, _SCOPE_NAMES)
        if (gap in _WITHIN and not scope or figured and scope) and not column_of_row:
            share_of = re.search(r"占(?:了)?(?!比|多少|几|百分|了|到)", q.squashed[ms[i + 1].end:])
            if share_of and any(m.start >= ms[i + 1].end + share_of.end() for m in ms[i + 2:]):
                ms = ms[:i] + ms[i + 1:]  # X里Y占Z: Z, said after 占, is the whole; X only says where Y lies
                break
            q.whole = ms[i]
            q.relation = (ms[i].end, ms[i + 1].start)
            if ms[i].kinds == {"table"}:  # 财政拨款支出预算中教育支出: read in that table
                q.table = int(ms[i].term.key)
            return ms[:i] + ms[i + 1:]
    for m in ms:  # Y在X中占多少 / Y在X里的比重; 在X里占多少 / 放到X里占几个点 leaves Y to the conversation
        placed = _PLACED_IN.search(q.squashed[:m.start])
        ahead = q.squashed[:placed.start() if placed else max(0, m.start - 1)]
        first = m is ms[0] and not strip_fillers(_PRONOUN.sub("", ahead)).strip()
        if m is ms[0] and not (first and re.search(r"占|比重|比例", q.squashed[m.end:])):
            continue
        if placed \
                and re.match(r"(?:的)?(?:钱|资金|经费|盘子)?(?:中|里|当中|之中|内)", q.squashed[m.end:]):  # (在全部项目支出里)
            if m.kinds == {"table"}:
                q.table = int(m.term.key)  # Y在收入总表里: the table Y is read in
            else:
                q.whole = m
            return [x for x in ms if x is not m]
    found = re.search(r"占(?:了)?(?!比|多少|几|百分|了|到)", q.squashed)
    if found is None:
        return ms
    scope_after = re.match(r"(?:上年结转|去年结转|结转)(?!的?项目支出)", q.squashed[found.end():])
    if scope_after and not any(m.start > found.start() for m in ms):  # 占结转的比例: of the carried-over money
        q.whole = Mention(found.end(), found.end() + scope_after.end(), [Term("list", "上年结转", "上年结转项目支出"),
                                                                       Term("row", "上年结转", "上年结转")])
        return ms
    after = [m for m in ms if m.start > found.start()]
    before = [m for m in ms if m.end <= found.start()]
    # (再往大了看，占X呢: 再 and the words of a change of view, lexicon.FILLERS, name no part of the share)
    lead = re.sub(r"一个|一项|一笔|单独|单单|自己|本身|[就光单都也再]", "", _PRONOUN.sub("", q.squashed[:found.start()]))
    # (这两项加起来占X / 两项合起来占X / 它们合计占X: the figures just given, the whole after 占; 们 is what
    # 它们 leaves once 它 is taken)
    lead = re.sub(rf"^(?:(?:这|那)(?:两|二|几|[\d])(?:项|个|笔|块|类)?|(?:两|二|几|[\d])(?:项|个|笔|块|者)|们|这些|那些|二者)"
                  rf"{lexicon.ADDING}?", "", lead)
    listed = q.domain is not None and re.search(r"各|分别|每", q.squashed[:found.start()] + q.squashed[found.end():])
    if after and (before or listed or not strip_fillers(lead).strip()):  # (它一个就占了X: 它, the conversation's;
        # 四个大类各占支出总计的比重: the things of the domain, each)
        q.whole = after[0]  # Y占X; a question that starts with 占X leaves Y to the conversation
        return [m for m in ms if m is not after[0]]
    return ms


# --------------------------------------------------------------------------- what the report cannot answer
_ORGANISATION = patterns.compile(r"(?<![这那个])([\u4e00-\u9fff]{1,12}?(?:局|委员会|委办|府办|政办|委|办公室|厅|院|街道|大学|学校)"
                           r"|[\u4e00-\u9fff]{0,4}?(?:组织|宣传|统战|社会工作|武装|政法|外事)部)")


def _stated_refusal_words(doc: Document) -> frozenset[str]:
    """Words that are refused because reports hold no figure for them, which this report states with an
    amount in a sentence of its own: asked of this report, they are answered."""
    v = vocabulary(doc)
    cached = getattr(v, "_stated_refusal_words", None)
    if cached is None:
        sentences = {squash(f.sentence) for f in doc.facts if f.kind == "amount"}
        # (X金额 / X得分 counts where one such sentence states X and the 金额 or 得分: 政府采购金额（以合同签订
        # 为准）for 合同金额, 绩效自评 … 平均得分 for 自评得分)
        def stated(word: str) -> bool:
            core = re.sub(r"(?:是多少|多少|几)$", "", word)
            figure = re.fullmatch(r"(.{2,})(金额|得分)", core)
            return len(core) >= 3 and any(core in s or figure and figure.group(1) in s and figure.group(2) in s
                                          for s in sentences)

        cached = frozenset(w for w in lexicon.OUT_OF_SCOPE if len(w) >= 3 and stated(w))
        v._stated_refusal_words = cached
    return cached


def _drawn_up_year_before(doc: Document) -> bool:
    """A budget that sets itself against the year before's 预算执行数 (the year not yet closed) was drawn up
    in that year: a reader speaking from there calls the report's own year 明年."""
    return doc.kind == "预算" and doc.year is not None and f"{doc.year - 1}年预算执行数" in printed_text(doc)


def _refusals(q: Query, doc: Document, mentions: list[Mention]) -> None:
    """Another department, a person or the future; a standard item the report does not print."""
    exact = [m for m in mentions if m.via in ("exact", "synonym")]
    text = re.sub(r"然后|随后|最后|前后", " ", q.squashed)  # (然后年度的占…: 后年 is no year there)
    if doc.kind == "决算":  # a 决算 report states how much of the budget was spent (执行率, 完成率)
        text = re.sub(r"执行率|执行进度|完成率", " ", text)
    if re.search(r"明年|下一年", text) and (doc.year in q.years or not q.years and _drawn_up_year_before(doc)):
        text = re.sub(r"明年|下一年", " ", text)  # 明年(2026) of the 2026 budget: the report's own year
    if q.field_name:  # 实施主体是谁: a field of a project's sheet, which names a body, not a person
        text = text.replace("谁", "哪个")
    # 跟谁签的合同 / 向谁购买 / 谁来实施: the other party of a contract or service is an organisation, not a person
    text = _PARTY_ASKED.sub("哪个单位", text)
    # 谁多 / 谁最少 / 谁排第一 / 谁占大头 compare or rank figures, 谁对 weighs two; they ask for no person
    text = re.sub(r"谁(?=更|最|排|占|花|用得?|拿得?|[多少大小高低对错准]|的[多少大小高低]|第|是对|正确|是(?:大头|最|第|老大|头名))", "哪个", text)
    if re.search(r"排名|排个名|排序|排一下|前[\d一二两三四五六七八九十]+(?:名|位)|第[\d一二三四五六七八九十]+(?:名|位)", text):
        text = text.replace("谁", "哪个")  # 前两名是谁: places of a ranking, not people
    if re.search(r"单位|机构|科室|处室|学校|学院", text):  # 几个预算单位，都有谁: the bodies included, not people
        text = re.sub(r"(?:都)?有谁", "有哪些", text)
    # a refusal word counts unless it runs into a name that reaches beyond it (多少人员经费 asks 人员经费;
    # 律师事务所 is asked, though 律师 is a word for a project)
    stated = _stated_refusal_words(doc)  # (合同金额 of a 决算 that states its procurement contracts: asked)
    asked = any(not any(m.start < i + len(w) and i < m.end and not (i <= m.start and m.end <= i + len(w)) for m in exact)
                for w in lexicon.OUT_OF_SCOPE if w not in stated for i in _positions(text, w)
                if not (nxt := text[i + len(w):i + len(w) + 1]) or nxt not in lexicon.OUT_OF_SCOPE_SPLIT.get(w, ""))
    # how many people (几个退休人员, 多少名干部): only where the report counts people itself
    headcount = lexicon.HEADCOUNT.search(q.squashed) and not any(f.kind == "count" and f.unit in ("人", "名")
                                                                  for f in doc.facts)
    given = _GIVEN_TO.search(q.squashed)  # 给志愿者发的补贴: money for people the report never names
    unnamed = given and given.group(1) not in printed_text(doc) and not any(
        given.start(1) < m.end and m.start < given.end(1) for m in exact)
    if (asked or headcount or unnamed or lexicon.PERSONAL_PAY.search(q.squashed)) and not q.field_name:
        q.refused = "person"
    other = _other_department(squash_spaced(q.text), [m for m in exact if m.via == "exact"], q, doc)
    if other and not _given_for_other(q, other):
        q.refused = f"department:{other}"
    unit = _ONE_UNIT.search(q.squashed)
    if unit and not q.refused:
        q.refused = f"unit:{unit.group(1)}"  # 执法大队单独的决算支出: the report adds its units together
    named_unit = _UNIT_NAMED.search(q.squashed)
    if named_unit and not q.refused and re.search(r"多少|预算|支出|经费|金额", q.squashed[named_unit.end():]) \
            and named_unit.group(1)[-6:] not in printed_text(doc):
        q.refused = f"unit:{named_unit.group(1)}"  # 社区事务受理服务中心的预算: a unit the report never names
    place = _PLACE.search(q.squashed)
    if place and not q.refused and not any(place.group(1) in t.name for m in mentions for t in m.terms) \
            and place.group(1) not in printed_text(doc):
        q.refused = f"unit:{place.group(1)}"  # 我们张店镇能分到多少: one place's share, which the report never prints
    names = {(m.term.kind, m.term.key) for m in q.subjects}
    if q.each and len(q.subjects) >= 2 and len(names) == 1 and all(len(m.terms) == 1 and m.via != "exact" for m in q.subjects):
        # 移动、联通、电信各多少 where all three are words of one project's name: a split the report
        # does not print (the name is one line with one figure)
        q.refused = "split:" + q.subjects[0].term.name
    for m in q.subjects:
        listed = m.term.name.split("、")  # 移动、联通、电信三家公司…: the name lists who shares it
        heads = [p for p in listed[:-1] + [listed[-1][:2]] if len(p) >= 2] if len(listed) > 1 else []
        shared = any(h in q.squashed for h in heads) or len(heads) >= 2 and m.via != "exact" and re.search(
            r"[几两三四五六七八九十\d](?:家|个单位|个公司)", q.squashed)  # (三家公司各分多少: the sharers counted)
        if shared and re.search(r"分多少|分了多少|分得|分到|各分|每家|各家|各给|各拿|各得", q.squashed):
            q.refused = "split:" + m.term.name  # 视频会议移动公司分多少: one of them, a share the report does not print


# People money is said to be given to (给志愿者发的补贴, 给困难群众的补助)
# (给干部发工资的钱: money given to the department's own staff is its pay, not money for people it never names)
_GIVEN_TO = patterns.compile(r"给((?!干部|职工|员工|工作人员|在职人员|在编人员|公务员|大家)[\u4e00-\u9fff]{2,6}?)们?(?:发放?|补)(?:的|了)?")
# A named town, village or community (张店镇, 李家村): a place whose own share a department's report never prints.
_PLACE = patterns.compile(r"((?![各每全本该这那哪个们我咱俺一几多少])[\u4e00-\u9fff]{2,3}(?<![乡城村区县市个设])(?:镇|村|社区))"
                    r"(?![级里的民委])(?=.{0,4}?(?:分|拿|得|给))")  # (村级/村里的/村民: no place named)
# A unit of the department asked on its own (一个下属单位单独的数字): reports print the department's sum.
# An organisation named in full (…服务中心, …大队, …卫生院): when the report never prints it, it has no figure of it.
_UNIT_NAMED = patterns.compile(r"([\u4e00-\u9fff]{2,14}?(?:服务中心|事务中心|管理中心|受理中心|卫生服务中心|大队|支队|分局|管理所|卫生院|幼儿园))")
_ONE_UNIT = patterns.compile(r"(?:下面的|下属的?|所属的?|请提供|请问|提供)?([\u4e00-\u9fff]{2,10}?(?:大队|支队|中心|所|站|分局|学院|医院|"
                       r"公司|管理处|管理段|机关)|(?<=下面的|下属的|所属的)[\u4e00-\u9fff]{2,8}?局|(?<=下属)[\u4e00-\u9fff]{2,8}?局)"
                       # (信息化中心这个下属单位自己的 / X中心作为Y下属单位，2026年它自己单独的)
                       r"(?:(?:这个|这家|作为)[^。？?]{0,12}?(?:单位|机构)[，,]?)?(?:\d{4}年度?)?(?:的)?(?:它|其)?(?:自己|本身|自身)?(?:单独|单列|自己)")


def _positions(text: str, word: str) -> list[int]:
    """Where ``word`` starts in ``text``, found with str.find: a pattern per word would crowd re's cache of 512
    patterns (there are a few hundred words of refusal), and every question would compile them again."""
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + len(word))
    return found


def _missing_table(q: Query, doc: Document) -> None:
    """表十四 asked of a report with thirteen tables: there is no such table."""
    from budgetqa.textnorm import chinese_ordinal

    for m in re.finditer(r"表\s*([一二三四五六七八九十]{1,3}|\d{1,2})(?![共起样般些直致下定时个张家成\d])|第([一二三四五六七八九十\d]{1,3})张表", q.squashed):
        raw = m.group(1) or m.group(2)
        if m.group(1) and not raw.isdigit() and m.start() and q.squashed[m.start() - 1] in "总算细览计":
            continue  # (收支决算总表 “六、其他收入”: a title's last word, then a row's ordinal)
        no = int(raw) if raw.isdigit() else chinese_ordinal(raw)
        if no and doc.tables and all(t.no != no for t in doc.tables):
            q.missing_table = m.group(0)


def _mask(text: str, mentions: list[Mention]) -> str:
    chars = list(text)
    for m in mentions:
        for i in range(m.start, min(m.end, len(chars))):
            chars[i] = " "
    return "".join(chars)


def other_level(mention: str, known: str) -> bool:
    """长治市委办公室 / 长治市潞州区委办公室 are not 长治市屯留区委办公室: a committee or government of
    another level, or of another place of the same level."""
    levels = re.findall(r"([\u4e00-\u9fff]{0,2}?)([省市区县镇乡])(?=委|政府|人民政府)", mention)
    theirs = re.findall(r"([\u4e00-\u9fff]{0,2}?)([省市区县镇乡])(?=委|政府|人民政府)", known)
    if not (levels and theirs):
        return False
    (place, level), (their_place, their_level) = levels[-1], theirs[-1]
    return level != their_level or (len(place) == 2 and len(their_place) == 2 and place != their_place
                                    and not sounds_like(place, their_place))  # 屯流 heard for 屯留


_ORGANISATION_TAIL = patterns.compile(r"[\u4e00-\u9fff]{0,3}?(?:部(?!门)|办公室|局)")


def full_mention(text: str, m: re.Match) -> str:
    """An organisation as typed, with the office inside a committee (区委 + 组织部, 区委办 + 公室)."""
    name = m.group(1)
    tail = _ORGANISATION_TAIL.match(text, m.end())
    if tail and name.endswith("委"):
        return name + tail.group(0)
    if name.endswith("办") and text.startswith("公室", m.end()):
        return name + "公室"
    return name


def _given_for_other(q: Query, other: str) -> bool:
    """规划资源局是142.80万，两家差多少 / 比规划资源局的44.90%高几个百分点: the other department's figure is
    typed, to set this report's against; nothing of that department is asked."""
    at = q.squashed.find(squash(other))
    return at >= 0 and bool(re.match(r"(?:的[^，,。？?\d]{0,10}?)?(?:是|为|有|约)?\d+(?:\.\d+)?(?:万|亿|元|%)",
                                     q.squashed[at + len(squash(other)):])) and bool(re.search(r"差|比|高|低|相比|对比", q.squashed))


def _other_department(spaced: str, exact: list[Mention], q: Query, doc: Document) -> str:
    """An organisation the question names that is neither the report's department nor one of its units."""
    from rapidfuzz.distance import LCSseq

    names = [t.name for terms in vocabulary(doc).by_name.values() for t in terms]
    known = [doc.department] + [i.name for i in doc.items if i.kind in ("internal_unit", "subordinate_unit")]
    printed = [q.squashed[m.start:m.end] for m in exact]
    for word in re.split(r"[ 和与及、跟]", spaced):
        for printed_name in printed:
            word = word.replace(printed_name, " ")
        for piece in word.split(" "):
            if re.match(r"(?:咱们|我们|本|我|这个|咱)(?:单位|部门|办公室|局|委|办|街道|学校|大学|院|中心)", piece):
                continue  # 咱们办公室: the report's own department
            for m in _ORGANISATION.finditer(piece):
                if re.match(r"(?:这边|这里|方面)?(?:想|要|需要)(?:看|了解|问|知道|核|查)", piece[m.end():]):
                    continue  # 人大财经委这边想看…: who is asking, not what is asked about
                name = re.split(r"是不是|是否|属于|属不属于|算不算|归不归|管不管|归|的|在|里面|里头|里|这个|那个|哪|有几个|有多少"
                                r"|有没有|有无|现在"
                                r"|还有|以及|加上|或者|还是|说|看到|报道",
                                full_mention(piece, m))[-1]
                name = name.strip("年和与及在、").lstrip("类款项级")  # 20131款党委办: the code's level, then a name
                # 我们区委办 / 你们局 / 想先弄清楚咱们局: what follows the asker's (or the addressee's) "our" is their own
                name = re.sub(r"^(?:我|咱|俺|本)", "", re.split(r"咱们|我们|你们|俺们|偶们|您们|贵|他们|她们|人家", name)[-1])
                # fillers and hearsay said before the name (嗯区委办, 网传区委办, 有人爆料区委办): not part of it
                name = _HEARSAY_LEAD.sub("", name)
                name = _YEAR_LEAD.sub("", name)  # 同一年区委社会工作部: the year said before the name
                # words of asking run into the name (请问区委办公室, 老同志关心关工委): the organisation follows them
                name = re.sub(r"^(?:下面|上面|下级|上级|其中|里面|下属|除了|除去|除开|不算|不含|不包括)(?:的)?", "", lexicon.ASKING_LEAD.sub("", name))
                name = re.sub(r"^(?:一|这|那|整|某|每)个", "", name)  # 一个区委办…: a determiner, then the name
                core = re.sub(r"(?:委员会|办公室|街道|大学|学校|中心|局|委|办|厅|院|部)$", "", name)
                if len(name) < 3 or len(core) < 2 or any(name in n for n in names) or re.search(r"只|仅|光是|就是|本身", name):
                    continue  # 办学校: one character before 学校 names no organisation; 预算只算大学: a scope, asked
                if any(re.search(r"[了见看说问查听把跟对是瞅瞧讲告诉楚下到照考仿观访换切转]", name[:i])
                       and (_own_name(name[i:], names, known) or name[i:] in _BARE_ORGANISATIONS) for i in range(1, len(name) - 1)):
                    continue  # 微信上瞅见区委办 / 翻了下学校 / 想照着区委办做 / 来参观区委办 / 换成区委社会工作部: words of saying run into a name of the report's own (or none)
                if re.search(r"[这那它该占给钱笔全整]", core) or re.search(r"给[^，,。？?]{0,20}" + re.escape(name), spaced):
                    continue  # 这笔钱占街道…: words of the question, not a name; 给敬老院装修: what money is for
                if _own_name(name, [], known):
                    continue
                if piece[m.end():m.end() + 1] == "会" and name[-2:] + "会" in printed_text(doc):
                    continue  # 修居委会活动室: a committee the report itself speaks of (居委会), not another department
                if any(name[i:] in p for i in range(len(name) - 2) for p in vocabulary(doc).purposes):
                    continue  # 敬老院装修: a place the report says money is for (石岚敬老院装修工程)
                return name
    return ""


_YEAR_LEAD = patterns.compile(r"^(?:同一|同|当|今|去|前|上一?|本|明|次|\d{2,4}|[〇零一二三四五六七八九]{2,4})年度?(?:的)?")
_HEARSAY_LEAD = patterns.compile(r"^(?:嗯|啊|呃|额|那个|就是|网传|网上说|网上|听说|听人说|有人说|有人爆料|爆料|据说|传言|传闻|据传)+")


# An organisation's kind said without its name (学校, 单位, 局): the report's own, or none in particular.
_BARE_ORGANISATIONS = {"学校", "本校", "单位", "部门", "局", "街道", "委员会", "办公室", "大学", "学院", "机关", "处", "科室"}


def _own_name(name: str, names: list[str], known: list[str]) -> bool:
    """A name the report prints, or one of the report's own department and units (in a shortened form)."""
    from rapidfuzz.distance import LCSseq

    return any(name in n for n in names) or any(
        LCSseq.similarity(name, k) >= len(name) * 0.8 and not other_level(name, k) for k in known if k)


# --------------------------------------------------------------------------- the operation
_SLOT = {"code": "{code}", "item": "{item}", "row": "{subject}", "project": "{project}", "target": "{project}",
         "fact": "{item}", "term": "{term}", "table": "{table}", "asset": "{item}", "unit": "{unit}",
         "department": "{department}", "topic": "{item}", "group": "{item}", "column": "{item}", "list": "{item}"}
_TEMPLATES: dict[str, list[str]] = {}
# Words for the report's money as a whole when no name is said (钱主要花哪了, 收入的构成)
_WHOLE_MONEY = patterns.compile(r"钱|资金|经费|收入|支出|预算|决算|(?:一共|总共|共|全年|总)(?:要|会|能)?(?:花|开支)")
_FIGURE_KINDS = {"code", "item", "row", "project", "target", "fact", "asset", "topic", "group", "column", "list"}
_MASKED_FOR_CUES = {"code", "item", "row", "project", "target", "column", "group", "list"}


def _skeleton(q: Query, mentions: list[Mention]) -> str:
    text = q.squashed
    for m in sorted((m for m in mentions if m.start < 10_000), key=lambda m: -m.start):
        text = text[:m.start] + _SLOT.get(m.term.kind, "{item}") + text[m.end:]
    text = re.sub(r"\d+(?:\.\d+)?%", "{percent}", text)
    return re.sub(r"\d+(?:\.\d+)?", "{amount}", text)


_POINTED_NAME = patterns.compile(r"(?:这|那|该|此)(?:个|一|笔)?(?:项目|科目|款|类|项)(?!目)")


def _slots(q: Query) -> set[str]:
    named = q.subjects + ([q.whole] if q.whole else [])
    slots = {t.kind for m in named for t in m.terms}
    if slots & _FIGURE_KINDS:
        slots.add("item")
    if slots & {"code", "row"}:
        slots.add("subject")
    if q.table is not None:
        slots.add("table")
    if not named and _POINTED_NAME.search(q.squashed):
        slots.add("pointed")  # 这个项目多少钱: a name pointed at fills the slot of one
    if q.amounts or q.average:
        slots.add("amount")
    if not named and q.table is None and _WHOLE_MONEY.search(q.squashed):
        slots.add("money")  # 钱主要花哪了 / 这些钱从哪来的: the report's money as a whole
    if not named and q.scope == "上年结转":
        slots.add("scope")  # 去年没花完留下的钱有多少: the carried-over money itself
    if not named and q.domain == "projects":
        slots.add("list")  # 八个项目加总是多少: the items of a list
    return slots


# A figure asked as what it rose or fell to (涨到多少了, 减少到多少): the figure itself, not the change.
_RISEN_TO = patterns.compile(r"(?:涨|增|增加|增长|升|降|减|减少|下降|跌)到(?:了)?(?:多少|几)")
# A table named by the half of spending it holds (基本支出经济分类表): a place, not that column asked.
_SPLIT_TABLE = patterns.compile(r"(?:基本|项目)支出[^，。？?]{0,8}?表")


def _table_not_column(q: Query) -> None:
    """在基本支出经济分类表里归哪一类: a table named by its half of spending, not that column asked.
    换成上年结转的，超过100万元的项目有哪些: the projects of that scope listed, not the scope's column."""
    if q.op == "parent" and _SPLIT_TABLE.search(q.squashed):
        q.measures = []
    listed = re.search(r"的[^，,。？?的]{0,4}?项目(?:都|一共|共)?(?:有|是)?(?:哪些|哪几|几个|多少个)", q.squashed)  # (零碎项目)
    if listed and q.scope in ("本年", "上年结转") and q.op in ("filter", "list", "count", "rank") and q.subjects \
            and all(_is(m, q, _SCOPE_NAMES) or m.term.name in _SCOPE_ROWS for m in q.subjects) \
            and all(m.end <= listed.start() for m in q.subjects):
        q.subjects, q.domain = [], "projects"


def _cues(q: Query, intent: Intent, masked: str) -> list[str]:
    found = [c for c in intent.cues if c in masked and _cue_at(q, c, masked)]  # (the test first: most cues are absent)
    if intent.op == "count" and re.search(r"[这那该此]个数(?!目|量)", masked):
        found = [c for c in found if c != "个数"]  # 这个数是多少: this figure, not a count
    if intent.op == "count" and re.search(r"哪(?:几|些)|那几[类款项](?!目)", masked):
        found = [c for c in found if not c.startswith("几")]  # 哪几个款 / 那几类: which ones, not how many
    if intent.op == "check" and re.search(r"(?:不一致|不一样|不同|不相符|对不上|不相等|不等|不符)的(?:项目|有|是|共|一共|都)"
                                          r"|(?:有)?几个[^，,。？?]{0,30}?(?:对不上|不一致|不一样|不同|不相符|不相等|不等)", masked):
        # 填得不一致的有几个 / 不一样的项目是哪些: those that differ, counted or listed (no claim to check)
        found = [c for c in found if not any(w in c for w in ("一致", "一样", "相符", "对不上", "不同", "相等", "不等", "不符"))]
    if intent.op == "check" and re.search(r"(?:是不是|是否)(?:都|就|根本|压根)?(?:没有|没|无|不存在)", masked):
        found = [c for c in found if c not in ("是不是", "是否")]  # 是不是没有三公经费: whether it is there, no claim
    if intent.op == "parent" and re.search(r"不(?:属于|归)", masked):
        found = [c for c in found if c not in ("属于", "归属", "归在")]  # 不属于X的: X set aside, no parent asked
    if intent.op == "check" and "=" in found and re.search(r"=(?:多少|几|\?|？)?$", q.text.strip()):
        found.remove("=")  # A+B=? asks for the sum, it checks nothing
    if intent.op == "sum" and re.search(r"=(?:多少|几|\?|？)?$", q.text.strip()):
        found.append("=?")
    if intent.op == "sum" and "合计" in found and not re.search(r"合计(?![行栏数那这])", masked):
        found.remove("合计")  # 合计行的基本支出 / 合计数: the total row named, no sum asked
    if intent.op == "share" and re.search(r"占[^，,。？?\d]*[%％](?:是)?(?:多少)?[？?]?$", masked):
        found.append("%")  # X 占 Y %: the per cent sign typed asks the share
    if intent.op == "sum" and re.search(r"占(?:本表|全表|该表|所在表)?(?:的)?(?:合计|总计)", masked):
        found = [c for c in found if c not in ("合计", "总计")]  # 占合计的%: the total is the whole of a share
    if intent.op == "define" and re.search(r"多少|金额|各自|各是|分别是", masked):
        found = [c for c in found if c not in ("分为", "哪几类", "包括哪", "包含哪")]  # 分为哪几类，各多少: its parts' figures
    if intent.op == "define" and any("term" in m.kinds and re.fullmatch(
            r"(?:的)?(?:是什么|是啥|指啥|是指什么|指的是什么)(?:意思)?[呢啊呀吗]?", q.squashed[m.end:]) for m in q.subjects):
        found.append("是什么")  # 机关运行经费是什么: the term's meaning (原因是什么 names no term)
    if intent.op == "difference" and any(q.squashed[a.end:b.start] in ("比", "较", "比起", "相比") for a, b in zip(q.subjects, q.subjects[1:])) \
            and re.search(r"[多少高低大小]", q.squashed[q.subjects[-1].end:]):
        found.append("比…多少")
    if intent.op == "change" and re.search(r"[表单]上年度", masked) and not q.previous_year:
        found = [c for c in found if not c.startswith("上年")]  # 绩效表上年度资金: 上 of 表上 and the sheet's 年度, no year before
    if intent.op == "about" and q.level and "表" not in masked:
        found = [c for c in found if "空" not in c]  # 哪几类有数，其余都是空的: the subjects of a level, not empty tables
    if intent.op == "about" and re.search(r"(?:几|多少)[张个份][^，。？?]{1,4}表", masked):
        found.append("几张表")  # 多少张预算报表 / 几个公开表: a count of the report's tables, whatever words stand between
    operator = _OPERATORS.get(intent.op)
    if operator and any(re.search(operator, q.squashed[a.end:b.start]) for a, b in zip(q.subjects, q.subjects[1:])):
        found.append("算式")  # A加B加C / A减B / A除以B: the operator typed between the names
    if intent.op == "check" and (not (q.amounts or q.percents) and re.search(r"多少|几", masked)
                                 or re.search(r"各(?:是|为)?多少|分别(?:是|为)?多少", masked)):
        found = [c for c in found if c not in _LOOK_UP]  # 核一下差旅费是多少: a figure looked up, no claim checked
    if intent.op == "check" and re.search(r"(?:大于|小于|高于|低于|多于|少于|超过|不少于|不低于)(?:或)?等于", masked):
        found = [c for c in found if c not in ("等于", "=")]  # 大于等于15万的有几个: a threshold, no claim
    if intent.op == "check" and re.search(r"(?:正好|恰好)?等于[\d.]+(?:万元|万|元)?的?(?:不算|不含|不包括|除外|不计)"
                                          r"|(?:不含|不包括|不包含|不算|除去)(?:正好|恰好)?等于", masked):
        found = [c for c in found if c != "等于"]  # 高于3万的几个，等于3万的不算: how strict the filter is, no claim
    if intent.op == "check" and set(found) <= {"是否", "是不是"} and re.search(
            r"(?:是否|是不是)(?:还)?(?:安排|有|设|列|编制|包含|包括|涉及|存在|开支)", masked):
        return []  # 是否安排了三公经费预算: whether there is such a figure (the figure or the report's words), no claim
    if intent.op == "check" and q.domain in _DEPARTMENT_WIDE:
        return []  # 保密工作是不是区委办的职责: a duty asked about, no figure checked
    if _RISEN_TO.search(masked) and intent.op in ("change", "value"):  # 涨到多少了: the figure it came to
        return [] if intent.op == "change" else found + ["涨到多少"]
    if intent.op == "parent" and re.search(r"(?:下面|下边|下属|之下|下级|底下)(?:的)?(?:是|有)?(?:哪|什么)", masked):
        return []  # 310下面是哪一款: what lies under it, not what it lies under
    if intent.op == "parent" and q.measures and not _SPLIT_TABLE.search(masked):
        return []  # 行政运行属于基本支出还是项目支出: its columns are asked, not its place (基本支出经济分类表里: a table)
    if intent.op == "text" and q.field_name and (any(m.kinds & {"project", "target"} for m in q.subjects) or q.domain in (
            "projects", "targets") and all(m.kinds == {"topic"} for m in q.subjects)):
        found.append("栏目")  # a field of a project's target sheet (为什么要设这个项目), or of all (这些项目的项目期)
    if intent.op == "breakdown" and re.search(r"按(?:[类款项]|科目|功能分类|经济分类)(?!.{0,6}排)", masked):
        found.append("按级次")  # 结转部分按款分别是多少: the parts, by that level
        if re.search(r"分别|各", masked):
            found.append("分别列出")
    if intent.op == "text" and found and set(found) <= {"说明", "原文", "提到"} and re.search(r"多少|几|金额", masked) \
            and any(m.kinds & {"code", "item", "row", "project", "fact"} for m in q.subjects):
        return []  # 编制说明第6条X，执行数写的多少: where the figure is printed, a figure asked
    if intent.op == "sum" and re.search(r"几(?:个|项|款|类|条|笔)|多少(?:个|项|款|类|条|笔)", masked):
        found = [c for c in found if c not in ("一共", "总共", "共")]  # 一共列了几个款: a count, not a sum
    if intent.op == "change" and not q.previous_year and "去年" in found and len(found) == 1 and q.this_year_said:
        found = []  # 去年花了多少 of a 决算: the year its accounts are of, no comparison
    if intent.op == "list" and lexicon.NAME_HOLDS.search(q.text):
        found.append("名称含")  # 项目名里带“密码”的是哪个: the items whose names hold those words
    if intent.op == "rank" and (q.n or q.nth):
        found.append("前N" if q.n else "第N")
    return found


# Check words that, with no figure to check and 多少 asked, ask for the figure itself.
_LOOK_UP = ("核一下", "核对一下", "核对", "复核", "核算", "检查")
# Operators typed between two names.
_OPERATORS = {"sum": r"^(?:再)?(?:加上?|\+)$", "difference": r"^(?:减去?|-|−)$", "ratio": r"^(?:除以|÷|/)$"}


# Cue words that begin longer words of another meaning, and the characters that make them so (之比重 is a share).
_CUE_NOT_BEFORE = {"之比": "重例率"}


def _cue_at(q: Query, cue: str, text: str) -> bool:
    """A cue word present without straddling punctuation (多少、项目 is not 多少项)."""
    start = text.find(cue)
    while start >= 0:
        amount = cue.startswith(("万元", "元")) and start > 0 and text[start - 1].isdigit()  # (2940.05万元算: an amount)
        field = q.field_name.split("/")[0] if q.field_name else ""
        at = text.find(field) if field else -1  # (实施单位是: the field's last words and the next, no cue)
        straddles = at >= 0 and at < start < at + len(field) < start + len(cue)
        after = text[start + len(cue):start + len(cue) + 1]
        longer = bool(after) and after in _CUE_NOT_BEFORE.get(cue, "")  # (之比重: a share)
        if not amount and not straddles and not longer and not any(start < b < start + len(cue) for b in q.breaks):
            return True
        start = text.find(cue, start + 1)
    return False


def _rank(q: Query) -> None:
    """Every operation scored: template similarity (rapidfuzz) plus cue words, best first."""
    named = q.subjects + ([q.whole] if q.whole else [])
    masked = _mask(q.squashed, [m for m in named + q.excluded if m.kinds & _MASKED_FOR_CUES and m.start < 10_000])
    for a, b in q.scope_spans:  # 去年没花完结转过来的: scope words, not a comparison with last year
        masked = masked[:a] + " " * (b - a) + masked[b:]
    if q.relation:
        masked = masked[:q.relation[0]] + " " * (q.relation[1] - q.relation[0]) + masked[q.relation[1]:]
    skeleton = _skeleton(q, named)
    if q.previous_year:  # 比2023年 said of a 2024 report is 比上年: the same operation
        masked, skeleton = (re.sub(r"(?<=[比较与跟同和])(?:20\d\d|\{amount\})年度?", "上年", x) for x in (masked, skeleton))
    slots = _slots(q)
    scored = []
    for intent in INTENTS:
        if intent.op not in _TEMPLATES:
            _TEMPLATES[intent.op] = [squash(t) for t in intent.templates]
        templates = _TEMPLATES[intent.op]
        hit = process.extractOne(skeleton, templates, scorer=fuzz.ratio, processor=None)
        cues = _cues(q, intent, masked)
        cue_score = (intent.cue_weight + 8 * (len(cues) - 1) + 2 * max(len(c) for c in cues)) if cues else 0
        score = intent.weight * (0.6 * (hit[1] if hit else 0) + cue_score)
        if intent.needs and not (set(intent.needs) & slots):
            score *= 0.3
        if intent.requires_cue and not cues:
            score *= 0.3
        if not intent.requires_cue and set(intent.needs) & slots - {"pointed"}:
            score += 22 if len(strip_fillers(masked).replace(" ", "")) <= 3 else 10  # a name typed alone asks for its figure
        scored.append((round(score, 2), intent.op, tuple(cues)))
    if any(cued and op != "value" and score >= 40 for score, op, cued in scored):
        # the figure itself is what is asked only when no other operation is asked for in words
        scored = [(round(score * 0.85, 2) if op == "value" else score, op, cued) for score, op, cued in scored]
    scored.sort(key=lambda s: -s[0])
    if scored[0][1] == "value" and scored[0][0] < 30 and any(m.via == "exact" and "code" in m.kinds for m in q.subjects):
        scored[0] = (30.0, "value", scored[0][2])  # a code typed among other words still asks its figure
    q.ops = [(score, op) for score, op, _ in scored]
    q.op = scored[0][1]
    q.cued = bool(scored[0][2])
    q.cue_words = tuple(dict.fromkeys(c for _, _, cues in scored for c in cues))
    _claimed_change(q)


_WHY = patterns.compile(r"为什么|为啥|为何|原因|缘故|咋(?:少|多|没|会|回事)|怎么(?:少|多|没|会|回事)|(?:怎么|如何|作何)解释")
_PURPOSE_ASKED = patterns.compile(r"主要用于|用在哪|干什么用|干啥用|做什么用|拿来干|用来干|用途")


# The two places a figure is printed, set against each other (说明里写的…跟表里, 文字和表格).
_SOURCES_SET = patterns.compile(r"(?:说明|文字|正文|文中)[^，,。？?]{0,12}(?:跟|和|与|同|对比|比)[^，,。？?]{0,4}(?:表|表格)"
                          r"|(?:表|表格)[^，,。？?]{0,12}(?:跟|和|与|同|对比|比)[^，,。？?]{0,4}(?:说明|文字|正文)"
                          r"|^(?:那|这|它)?(?:跟|和|与|同)(?:报告)?(?:的)?(?:文字说明|情况说明|文字|说明|正文)")  # (跟说明里的一样吗: the figure just given)

# 跟表上印的小计对得上吗: the figure just given set against the total the table prints
_PRINTED_TOTAL_SET = patterns.compile(r"^(?:那|这)?(?:跟|和|与|同)(?:表上|表里|表中)?(?:印的|列的|写的|给的)?(?:小计|合计|总计|总数|总额)")


# How the answer is wanted, said after the question (…呢，也是一位小数 / 保留两位小数就行).
_WANTED_AFTER = patterns.compile(rf"(?:也是|也|都|还是|同样|一样)?(?:{lexicon.PLACES_WORDS.pattern})(?:就行|就好|就可以|吧)?$")


def _leans_on_context(q: Query) -> bool:
    """A follow-up: it says so (那…呢, 它的…, 其中…), or names nothing yet asks something of a figure
    (占比呢, 前五个, 换成元是多少). A line that names nothing the report knows and asks nothing
    (qwerty, 印刷费, 🤔) is not one: it is answered on its own, as unknown."""
    if q.refused or q.missing or q.missing_table:
        return False
    # (a long name does not make a question long: 下一级的机关事业单位基本养老保险缴费支出呢 is short)
    short = len(_mask(q.squashed, q.subjects).replace(" ", "")) <= 14 and len(q.squashed) <= 40 \
        and bool(re.search(r"^那|呢$|^再", _WANTED_AFTER.sub("", q.squashed)))  # (X的呢，也是一位小数: still X的呢)
    pointer = re.search(r"它|其(?!他|余|中|次)|^(?:这|那)是|^(?:那)?(?:同一|同样(?:这|那)?(?:一)?)(?:项|个|科目|笔)(?!数)|^(?:这|那)(?:个)?钱|^该(?:金额|数)|(?:这|此|该)一?个?(?:款|类|科目)"
                        r"|(?:这|此|该)一?个项目(?!支出|经费)", q.squashed)
    marked = bool(lexicon.FOLLOW_UP.search(_without_determiners(q))) and (len(q.squashed) <= 20 or short) or bool(
        pointer) or bool(re.search(r"[这那该此]一?笔|这一?项|(?:^|的)[这那]一?(?:块|部分)", q.squashed)) and not any(
        not (_is(m, q, _SCOPE_NAMES) or q.squashed[m.start:m.end] in _MEASURE_NAMES) for m in q.subjects)
    named = q.subjects + ([q.whole] if q.whole else [])
    own = pointer and any("code" in m.kinds and m.end <= pointer.start() < 10_000 for m in named) \
        or re.search(r"(?:表[\d一二三四五六七八九十]+|\d{3,7}).{0,24}?(?:它|该款|该科目|该表)", q.squashed)
    if own and not re.search(r"^那|呢$|^再(?!看|来看|说|问)", q.squashed):
        marked = False  # 20131款下A和B相加，是否等于该款的基本支出 / 表五…，它的合计: what this question named
    # (招商引资宣传那笔结转资金: 那笔 of the name typed; 这一项全是项目支出吗: of the last one)
    # (an acronym typed in capitals, GDP, names something the report does not print: no follow-up)
    bare = not q.subjects and not q.excluded and q.table is None and not q.domain and not q.acronym
    asks = q.cued or q.scope or q.previous_year or q.unit or q.n or q.nth or q.percents or q.field_name
    leftover = strip_fillers(_mask(q.squashed, q.subjects + ([q.whole] if q.whole else [])))
    for cue in sorted(q.cue_words, key=len, reverse=True):
        leftover = leftover.replace(cue, "")
    # (English words no rule read are no name either; an acronym typed in capitals, GDP, is one)
    leftover = re.sub(r"[\s，,、。]" if q.acronym else r"[\s，,、。]|[a-z']+", "", leftover)
    unnamed = _mask(q.squashed, q.subjects + ([q.whole] if q.whole else []))  # (项目支出 said is a name, not money as a whole)
    compared = re.sub(r"(?:比|较|与|跟|同)(?:上年|去年|上一年|20\d\d年度?)(?:的)?(?:预算|决算)(?:数)?|(?<=多少)钱", "", unnamed)
    whole_money = bare and (_WHOLE_MONEY.search(compared) or re.search(r"(?:结转|截转|没花完)(?:的)?(?:部分|那部分|那块|的钱|资金)", unnamed)) \
        and not re.search(r"这|那(?!么)|它|其|该", q.squashed)  # (结转部分按款分别是多少: the carried-over money itself)
    # a short why that names nothing (为什么没完成, 咋少这么多): the reason of the last answer's figure
    # 再往下呢 / 上面的款 / 下面的款级科目有哪些: of the last subject
    # 落在哪几个项级科目: the subjects of one level that the last subject is spread over
    down = (bare or not q.subjects and not q.excluded and q.table is None and q.domain == "subjects") \
        and bool(_DOWN.search(q.squashed) or _UP.search(q.squashed) or q.op == "breakdown" and q.cued and not q.scope
                 and (q.level or _PLACED.search(q.squashed) and not _WHOLE_MONEY.search(unnamed)))  # (钱花在哪: all of it)
    why = bare and (len(q.squashed) <= 12 and bool(_WHY.search(q.squashed) or _PURPOSE_ASKED.search(q.squashed))
                    or bool(_SPENT_ASKED.search(q.squashed)))
    # the two just asked (两个加起来, 两者差多少): a sum or comparison of what the conversation named
    pair = bare and (re.search(r"两个|两者|二者|两项|俩|两笔|两块", q.squashed) and re.search(r"加|合计|一共|总共|差|比|哪个", q.squashed)
                     or re.search(r"前者|后者", q.squashed)  # (前者是后者的几倍)
                     or _WHICH_OF_SWEPT.match(q.squashed))  # (哪个完成预算的比例高: of the ones just asked)
    within = q.squashed.startswith(("其中", "那其中"))  # 其中X多少: a part of what was just asked
    counted = re.search(rf"(?<![第\d])[三四五六七八九十几]{{1,2}}(?:项|个|笔|类|块|样){lexicon.ADDING}", q.squashed)
    # 是X的几倍 / 比X多多少: a comparison opening with its verb, its first figure the one just given
    verb_first = q.op in ("ratio", "difference") and len(q.subjects) == 1 and bool(re.match(r"(?:那|那么)?(?:是|比|相当于)", q.squashed))
    # 都是什么车 / 分别是哪几种 after a count or figure: the kinds of the one just asked
    kinds_asked = bare and bool(re.fullmatch(r"(?:那)?(?:都|分别|各|具体)?(?:是)?(?:什么|啥|哪些|哪几种|哪几类|哪种)"
                                               r"[\u4e00-\u9fff]{0,2}?(?:呢|啊|呀)?", q.squashed))
    # 今年有没有 / 有吗 alone: whether the report has what was just named
    whether = bare and bool(re.fullmatch(r"(?:那)?(?:今年|本年|当年|去年|报告里|这里)?(?:有没有|有无|有吗|有不有|有没)(?:呢|啊|呀)?", q.squashed))
    # 占X多少 / 放到X里占几个点 / 再往大了看，占X呢: a share of the whole named, its part the one just asked
    part_left = q.op == "share" and q.whole is not None and not q.subjects and not re.search(r"各|分别|哪|每", q.squashed) \
        and bool(q.squashed.startswith(("占", "那占", "它占", "这占")) or _PLACED_IN.search(q.squashed[:q.whole.start]))
    # 这数是截到啥时候的: the date of the figure just given (an asset's count is dated)
    part_left = part_left or bare and bool(_DATE_OF_LAST.search(q.squashed))
    # 完成预算的比例是多少 right after a figure: how much of that figure's budget was spent
    part_left = part_left or bare and q.op in ("share", "change", "value", "ratio", "summary") and len(q.squashed) <= 16 and not q.amounts \
        and bool(re.match(r"(?:那)?(?:完成|执行)(?:了)?(?:(?:年初|全年|调整)?预算(?:的)?(?=百分|多少|几|比例|率|[0-9])|(?=百分|多少|几|率))", q.squashed))
    part_left = part_left or bare and bool(lexicon.FUND_ASKED.search(q.squashed))  # 用的哪一类预算的钱: of the last name
    # 决算比年初预算少多少 / 跟年初预算的缺口: the budget and outturn of what was just asked, named by measures only
    measures = not q.amounts and not q.percents and bool(_BUDGET_MEASURED.search(q.squashed)) \
        and len(_MEASURE_WORDS.sub("", leftover)) <= 3
    # 表4里又是多少 / 财政拨款支出预算表里也是这个数吗: what was just asked, read in the table named
    retold = bool(q.subjects) and all(m.kinds == {"table"} or _fund_of(q.squashed[m.start:m.end]) for m in q.subjects) \
        and bool(re.search(r"又|也|同样", q.squashed))  # (财政拨款的又是多少: the same, from that fund)
    # 说明里写的安排数跟表里对得上吗: a check naming nothing is of the figure just asked, not of the whole report
    checked = bare and q.op == "check" and not q.amounts and not q.percents \
        and bool(_SOURCES_SET.search(q.squashed) or _PRINTED_TOTAL_SET.search(q.squashed)) \
        and not re.search(r"整份|整个|全部|所有|全文|各表|每张|哪些|哪里|哪儿|哪几|有没有(?:问题|错)", q.squashed)
    changed = bare and q.op == "change" and q.cued and not whole_money and not (q.amounts or q.percents) and not measures \
        and not re.search(r"[两二三四五六七八九十几](?:项|个|类)|各|原因|解释", q.squashed)  # 跟上年比是多了还是少了: of the one just asked
    return marked or retold or within or bool(counted) or why or down or bool(pair) or verb_first or whether or part_left or checked \
        or changed or kinds_asked or _others_of_last_list(q) \
        or (bare and bool(asks) and len(leftover) <= 3 and not whole_money) or bare and bool(asks) and measures \
        or asks_sheet(q) or _one_sided(q) or (q.op == "parent" or _which_table_of_last(q)) and not q.subjects and q.table is None


def _others_of_last_list(q: Query) -> bool:
    """除了X还有哪些, naming no list: the others of the list just shown."""
    return bool(q.excluded) and not q.subjects and q.domain is None and q.table is None and not q.scope \
        and bool(re.search(r"还有|其他|其余|剩下|别的", q.squashed)) \
        and not re.search(r"[类款]|科目|支出|收入|经费", q.squashed[q.excluded[-1].end:])  # (其他几类支出: of its own)


# A budget set against its outturn or an earlier year's budget (决算比年初预算, 跟2025年度预算相比), and the
# words such a question is made of besides its name
_BUDGET_MEASURED = patterns.compile(r"决算|执行|完成|缺口|(?:比|较|与|跟|同)(?:20\d\d年度?)?(?:的)?预算|(?:年初|全年|调整)预算")
_MEASURE_WORDS = patterns.compile(r"决算数?|年初预算数?|全年预算数?|调整预算数?|预算数?|执行数|执行率|完成率|缺口|差距|20\d\d年度?|当年"
                            r"|相比|同比|比|较|跟|和|与|的|按|算|增长|增加|减少|下降|变动|了|万元|万|元")


# 落在/用在/花到哪些科目: where money is placed, which says there is money named before.
_PLACED = patterns.compile(r"(?:落|用|花|分布|投|分|摊|列)(?:在|到|于|向)(?:了)?哪")
_WHICH_TABLE = patterns.compile(r"(?:哪|什么|那)(?:一)?张表|哪个表|在哪里?(?:列|印|体现|反映)|出处")


# 这数是截到啥时候的, said alone: the date of the figure just given.
_DATE_OF_LAST = patterns.compile(r"截(?:至|止|到)(?:啥|什么|哪)|(?:啥|什么)时候的(?:数|数据)?$")


def _group_named_again(q: Query, named: list[Mention]) -> bool:
    """社会保障缴费那几项呢: a group pointed at by its items asks what was just asked, of that group (那几项
    names the group's members, it asks no count)."""
    return len(named) == 1 and "group" in named[0].kinds and not q.field_name \
        and bool(re.fullmatch(r"(?:那|这)(?:几|些)(?:项|个|笔)?(?:呢|的呢)?", q.squashed[named[0].end:]))


def _carry_subjects(filled: Query, q: Query, last: Query, doc: Document | None) -> None:
    """A follow-up naming nothing: the last question's subjects, whole, table, fund and scope."""
    filled.subjects = [_carried(m) for m in last.subjects]
    if doc is not None:
        _spent_total(filled, vocabulary(doc))  # 一共多少钱，都用在哪几块: the money spent
    # the whole of a share carries to a follow-up that asks a share again or asks nothing new (那上年结转呢),
    # not to one asking another operation (下面的款, 它全落在哪个科目: the subject's own parts)
    going = _DOWN.search(q.squashed) or _UP.search(q.squashed) or q.cued and q.op not in ("share", "ratio", "check")
    filled.whole = filled.whole or (_carried(last.whole) if last.whole and not going else None)
    if filled.whole is not None:  # 分别占基本支出的百分之几: the parts, not the whole again
        filled.subjects = [m for m in filled.subjects if m.term.key != filled.whole.term.key] or filled.subjects
    told = filled.table  # (表4里呢 / 财政拨款支出预算表里又是多少: the table this question names)
    filled.table = _table_carried(filled, q, last, doc)
    funded = told is None and filled.fund and filled.fund != last.fund
    if funded:
        filled.table = None  # (财政拨款的又是多少: read in that fund's table, not the one the name was read in before)
    if told is not None or funded:  # (the table this question names, not the one the name was read in before)
        filled.subjects = [replace(m, table=None) for m in filled.subjects]
    income = doc is not None and any(t.no == filled.table and t.kind == "income" for t in doc.tables)
    if income and re.search(r"支出了|花了|实际支出|花掉|用掉|用了", q.squashed):
        filled.table = None  # 实际支出了多少 after its income: the same code where its spending is printed
    filled.fund = filled.fund or last.fund
    if q.whole is None:  # (它占项目支出总额多少 after the largest carried-over project: of the whole named)
        filled.scope = filled.scope or last.scope
    if last.excluded and not q.excluded and q.op in ("sum", "count", "mean") and re.search(r"其余|剩下|剩余|余下|其他|别的", q.squashed):
        filled.excluded = list(last.excluded)  # (除了X还有哪些 … 其余的加起来多少: the list less X still)


def _asked_op(filled: Query, q: Query) -> Query:
    """The operation a follow-up asks in words, judged again with the subjects the conversation supplies."""
    _rank(filled)
    _down(filled)
    _rate_against(filled)
    _shape_said(filled)  # (what the words settle holds with the subjects supplied too: 是不是比上年多了 asks a change)
    if q.op == "value" and len(filled.measures) >= 2:
        filled.op, filled.ops = "value", [(filled.ops[0][0] + 1, "value")] + filled.ops  # (X的合计、基本支出、项目支出呢)
    if q.cued and q.op != "value" and filled.op == "value" or q.op == "share" and q.whole is not None \
            or q.cued and q.op == "text" and filled.op != "text":  # (…的指标值是多少: the sheet's words, whatever 占比 says)
        # (合计多少: a sum asked in words stays one; 这两项加起来占X: a share of X, whatever the parts add to)
        filled.op, filled.ops = q.op, [(filled.ops[0][0] + 1, q.op)] + filled.ops
    return filled


def _of_last_list(q: Query, last: Query | None) -> Query | None:
    """An average or a list asked after a list, naming none: of the list just given."""
    if last is not None and last.op == "mean" and q.average and q.domain in (None, last.domain) \
            and all(m.via == "context" for m in q.subjects):
        return replace(q, domain=last.domain, scope=q.scope or last.scope, subjects=[_carried(m) for m in last.subjects],
                       table=q.table if q.table is not None else last.table)  # 高于平均数的有几个: of the list just averaged
    if last is not None and not q.follow_up and q.domain == "projects" == last.domain and last.scope \
            and not q.scope and not q.subjects and q.op in ("mean", "count", "filter", "sum"):
        # 平均每个项目多少 after a list of this year's projects: of that list (a ranking or a list of projects
        # names its own list, and says which: 前三个项目 is of all of them)
        return replace(q, scope=last.scope)
    return None


def _share_in_last_whole(q: Query, last: Query | None) -> Query | None:
    """其中A和B各多少？A占多大比重: the share of a part just asked, in the whole it was asked within. 下面分成
    哪几款？A那款占多少: of a code just broken down, a code under it is a share of it."""
    if last is not None and last.op in ("breakdown", "list") and len(last.subjects) == 1 and q.op == "share" \
            and q.whole is None and len(q.subjects) == 1 and (code := q.subjects[0].of("code")) \
            and (parent := last.subjects[0].of("code")) and code[0].key.startswith(parent[0].key) \
            and code[0].key != parent[0].key:
        return replace(q, whole=_carried(last.subjects[0]), follow_up=False)
    if last is None or last.whole is None or q.op != "share" or q.whole is not None or not q.subjects:
        return None
    asked = {m.term.key for m in last.subjects}
    if not all(m.term.key in asked for m in q.subjects):
        return None
    return replace(q, whole=_carried(last.whole), follow_up=False)


def _this_table(q: Query, last: Query | None, doc: Document | None) -> Query:
    """该表…多少: read in the table the conversation is at; 该表合计 is that table's total. A table named
    and nothing else (支出决算呢, 表5里呢) after a row that table prints: that row, read there."""
    if last is not None and q.op == "about" and not q.subjects and last.subjects \
            and all(m.kinds == {"table"} for m in last.subjects) and re.match(r"(?:那)?(?:它|其|该表|这张|那张)", q.squashed):
        return replace(q, subjects=[_carried(m) for m in last.subjects], follow_up=False)  # 它里面有数据吗 after a table
    if last is not None and doc is not None and q.table is None and (named := _table_named_alone(q, doc)) is not None \
            and last.subjects and last.subjects[0].kinds & {"code", "row"} and _printed_in(doc, named, last.subjects[0]):
        return replace(q, table=named, subjects=[], follow_up=True, op="value", ops=[(100.0, "value")] + q.ops)
    pointed = re.search(r"(?:该|这张|此|那张|上面那张|这个)表", q.squashed)
    if last is None or last.table is None or q.table is not None or not pointed \
            or any(m.end == pointed.start() for m in q.subjects) or q.scope and q.scope != last.scope:
        return q  # (上年结转那张表: the table of what is named before it, not the one the conversation is at)
    q = replace(q, table=last.table)
    total = re.search(r"表(?:的)?(?:合计|总计)", q.squashed)
    title = next((t.title for t in doc.tables if t.no == last.table), "") if doc is not None else ""
    if total and title:  # 该表合计、A、B各多少: its total among them, as if the table were named there
        q.subjects = [Mention(total.start(), total.start() + 1, [Term("table", str(last.table), title)])] + q.subjects
        q.follow_up = False  # (it names all it asks now)
        if q.op == "sum" and len(q.subjects) == 1:
            q.op, q.ops = "value", [(100.0, "value")] + q.ops  # 该表合计多少: the total it prints
    return q


def _table_named_alone(q: Query, doc: Document) -> int | None:
    """The table a question names with nothing else said: by its number or title (表5呢, 收入决算表里呢), or
    by four or more words of one title only (支出决算呢), the shortest title holding them."""
    tables = {int(t.key) for m in q.subjects for t in m.terms[:1] if t.kind == "table"}
    placed = bool(re.search(r"在表|在[^，,。？?]{1,12}表(?:里|中|上)|表(?:里|中|上)(?:的)?(?:实际)?(?:收入|支出|决算数|预算数|金额|数)?"
                            r"(?:是|有|为|列)?(?:多少|几)", q.squashed))  # 在表三里合计多少 / 收入决算表里收入多少: the table is where

    if len(tables) > 1 or q.subjects and (len(tables) != 1 or len(q.subjects) > 1) or q.amounts or q.percents \
            or q.cued and not placed:
        return None
    shown = q.subjects + ([q.whole] if q.whole is not None and q.whole.term.kind == "table" else [])
    said = re.sub(r"同一?个?(?:上级|上一级)?(?:科目|项目|项|行)|这一?个?(?:科目|行)|该科目|它", "", _mask(q.squashed, shown))
    if placed:
        said = re.sub(r"合计数?|是多少|多少|金额|数额|列的|列了|实际(?:收入|支出)?|(?<=[里中上])(?:的)?(?:收入|支出|决算数|预算数)", "", said)
    said = re.sub(r"[那这呢的里中上看在是吗么表？?，,。\s]", "", strip_fillers(said))  # (同一个科目在支出总表里呢)
    if tables:
        return tables.pop() if not said else None
    titled = sorted((len(t.title), t.no) for t in doc.tables if len(said) >= 4 and said in squash(t.title))
    return titled[0][1] if titled and (len(titled) == 1 or titled[0][0] < titled[1][0]) else None


def _which_table_of_last(q: Query) -> bool:
    """哪张表 asked with nothing else said (印在哪张表, 出处呢): where the last subject is printed."""
    said = _WHICH_TABLE.sub("", q.squashed)
    said = re.sub(r"这个数字?|这一?数|这笔钱?|这个|该数|它|出自|来自|给我个?|告诉我", "", said)  # (这个数是哪张表里的: the last)
    return q.op == "about" and said != q.squashed and len(re.sub(r"[印列在是呢的里上中看见到能可以？?，,]", "", said)) <= 1


def _one_sided(q: Query) -> bool:
    """A comparison that names only what it is compared with (跟行政运行比哪个多, 比奖金多多少): the
    other side is the subject the conversation is about."""
    return q.op in ("difference", "ratio") and len(q.subjects) == 1 and q.whole is None \
        and not (q.amounts or q.percents or q.previous_year) \
        and bool(re.match(r"(?:那|再|它|这个数字?|这个金额|这一?数|该数|此数|这个|这笔钱?)?(?:跟|和|与|同|比|较|相比)", q.squashed))


def _without_determiners(q: Query) -> str:
    """The question with 那个/这个 blanked where they stand right before a name: they point at that name
    (那个一般公共预算支出合计多少), not at the last answer."""
    text = q.squashed
    for m in q.subjects:
        if 2 <= m.start < len(text) and text[m.start - 2:m.start] in ("那个", "这个"):
            text = text[:m.start - 2] + "  " + text[m.start:]
        # (人员经费290.03万元这个数是怎么来的: the pointer right after a name, its figure typed or not, is that name)
        after = _POINTER_AFTER.match(text, m.end) if m.end < 10_000 else None
        if after:
            text = text[:after.start(1)] + " " * len(after.group(1)) + text[after.end(1):]
    # 这个部门 / 本单位 / 该局: the department the report is of, not the last thing asked; how the answer is
    # wanted, said after the question (X的呢，也是一位小数), is not part of it
    return _WANTED_AFTER.sub("", _OWN_BODY.sub(lambda b: " " * len(b.group()), text))


_POINTER_AFTER = patterns.compile(r"(?:\d[\d,.]*(?:万元|元|万|亿元)?)?(?:的)?(这个数字?|这个金额|这笔钱|这个|这笔|该数)")
_OWN_BODY = patterns.compile(r"(?:这个|该|本|此|咱们?|我们?|你们)(?:部门|单位|局|委|机关|街道|学校)")


def asks_sheet(q: Query) -> bool:
    """A question of a performance sheet's field (总体目标, 项目期, 年度资金总额) that names no project:
    in a conversation it is asked of the project the conversation is about."""
    sheet = q.field_name or any(t.kind == "topic" and "绩效" in t.name for m in q.subjects for t in m.terms) \
        or re.search(r"(?:年度|实施期)资金总额", q.squashed) and not q.subjects  # (the money a sheet lists)
    # 多少张绩效目标表: the sheets themselves (绩效目标表里的年度资金总额: a field of one)
    counted = q.op in ("count", "list", "rank", "filter") or q.domain == "targets" and not (
        q.field_name or "资金总额" in q.squashed)
    whole = "整体" in q.squashed  # 部门整体绩效目标: the department's own, not a project's sheet
    return bool(sheet) and not counted and not whole and not every_sheet(q) and not any(
        m.kinds & {"project", "target"} for m in q.subjects)


def every_sheet(q: Query) -> bool:
    """八张绩效表… / 这些项目都…: all the sheets are asked about, not the project of the conversation."""
    return bool(re.search(r"这些|那些|所有|全部|各个|每个|每张|各张|[\d一二两三四五六七八九十]+张|几张|哪些|哪张|哪个项目|哪几个项目"
                          r"|都是|和别的|跟别的|与别的|其他项目", q.squashed))


def _table_of_stated(q: Query, last: Query, doc: Document | None) -> int | None:
    """该项支出中基本支出与项目支出 after a figure the text states (一般公共预算当年支出 550.51): the columns
    are read in the table whose total is that figure."""
    if doc is None or not q.subjects or not last.subjects or last.subjects[0].kinds != {"fact"} or q.table is not None \
            or not all(q.squashed[m.start:m.end] in _MEASURE_NAMES for m in q.subjects):
        return None
    stated = next((f.value for f in doc.facts if f.kind == "amount" and f.label == last.subjects[0].term.key), None)
    asked = {q.squashed[m.start:m.end] for m in q.subjects}
    if stated is None:
        return None
    totals = [t.no for t in doc.totalling(stated)
              if asked & {c.rsplit("/", 1)[-1] for c in t.columns}]  # (the table printing those columns)
    return totals[0] if len(totals) == 1 else None


def _sheet_funds_of_last(q: Query, last: Query, doc: Document | None) -> Query | None:
    """财政拨款、上年结转各多少 after a project's sheet: the sources of its money the sheet lists, read as if
    asked of it by name."""
    sources = set(lexicon.FUNDS) | {"上年结转", "结转", "其他资金", "财政资金"}
    project = next((m for m in last.subjects if m.kinds & {"project", "target"}), None)
    if doc is None or project is None or not any("topic" in m.kinds or "target" in m.kinds for m in last.subjects) \
            or not q.subjects or not all(q.squashed[m.start:m.end] in sources for m in q.subjects):
        return None
    said = re.sub(r"[\s，,、和与及]|各|分别|是|为|多少|呢|万元|元|金额|资金|那|的", "", strip_fillers(_mask(q.squashed, q.subjects)))
    if said:
        return None  # (西大2024年上年结转是多少: a figure of its own, of the report it names)
    return read(f"{project.term.name}的{q.text}", doc)


def _of_project(last: Query) -> bool:
    return bool(last.subjects) and bool(last.subjects[0].kinds & {"project", "target"})


_PERIOD_WORD = patterns.compile(r"(?:上|去|今|本|明|前)年(?:度)?|同期|往年")


def unexplained(q: Query) -> list[str]:
    """The words of a question that name nothing the reader recognised (货物、工程、服务)."""
    named = q.subjects + ([q.whole] if q.whole else [])
    masked = _mask(q.squashed, [m for m in named if m.start < 10_000])
    typed = "".join((" " if i in q.breaks else "") + ch for i, ch in enumerate(masked))  # 货物、工程: apart
    typed = lexicon.PLACES_WORDS.sub(" ", _PERIOD_WORD.sub(" ", typed))  # (跟上年比, 保留两位小数: no names)
    typed = lexicon.SHARE_FORM.sub(" ", typed)  # (占几分之几: the form a share is asked in, no name)
    return [w for w in re.split(r"[ 、和与及跟]+", strip_fillers(typed)) if len(w) >= 2]


def shown_mentions(q: Query, labels: list[str], doc: Document) -> list[Mention]:
    """Words of a follow-up that pick figures recent answers showed (政府采购 … 货物、服务各多少 ->
    政府采购货物预算, 政府采购服务预算): those figures' names, in the order typed; none unless every
    word the reader did not recognise picks exactly one of them."""
    v = vocabulary(doc)
    out = []
    for word in unexplained(q):
        # 分货物、工程、服务各多少 / 服务类占多少: the words around a part's name are not part of it
        # (工程两类, 货物这一块: a count or pointer said after the part's name)
        # (在采购总额中所占: where a share's whole is said, 中/里 and 所 after its name)
        word = re.sub(r"(?:[两二三四五六七八九几这那]|这两|那两)?(?:一)?(?:类|项|块|个|那块|这块|那部分|这部分|部分|方面)$", "",
                      re.sub(r"^(?:分成|分为|按|分|当中|之中|其中|里面|中|里|在)|(?:当中|之中|里面|中|里)所?$", "", word))
        word = lexicon.SHOWN_PART_WORDS.get(word, word)  # 买东西 -> 货物
        hits = [label for label in labels if word and word in label]
        hits = [h for h in hits if not any(o != h and o in h for o in hits)]  # (not a computed label naming two: A占B的比例)
        terms = v.by_name.get(squash(hits[0]), []) if len(hits) == 1 else []
        if not terms:
            return []  # a word that names none of them: the question is about something else
        out.append(Mention(10_000, 10_000, list(terms), via="context"))
    return out


# Words that point at one item of the last list by its place: 前者, 后一个, 第二类, 最后一项 (not 说明第四点: a
# numbered point of the report's section of that name).
_POINTER = patterns.compile(r"前者|后者|(?:前|后)面(?:的)?那[一1]?(?:个|项|类|款|笔|块|条)|(前|后|头|末)[一1](?:个|项|类|款|笔|块|条|点|步)|(?<!倒数)(?<!说明)(?<!解释)(?<!说明里)(?<!说明中)(?<!说明的)(?<!解释里)第(\d{1,2})(?:的那一?)?(?:个|项|类|款|笔|块|条|名|位|点|步)(?![大高小少低]|多(?!少)|问题)"
                      r"|最后(?:的)?(?:那)?[一1]?(?:个|项|类|款|笔|块|条|点|步)|倒数第(\d{1,2})(?:个|项|类|款|笔|块|条|名|位|点|步)?")


# The largest or smallest of the last list, pointed at (最大的那个, 最少的那一类).
_OF_TWO = patterns.compile(r"(?:那|其中)?(?:钱)?(?:比较|更)?([多大高贵少小低])(?:一些|一点)?的那(?:个|一个|项|一项|笔|类|款)(?!项目|科目|类|款|单位|支出|经费)")
_EXTREME = patterns.compile(r"(最大|最多|最高|最贵|最小|最少|最低|最便宜)(?:的(?:那个|那一个|那项|那一项|那类|那一类|那款|那笔|一个"
                      r"|(?=几倍|多少倍|的几倍|差|多|少))|那(?:个|一个|项|一项|类|一类|款|笔)(?!项目|科目|类|款|单位|支出|经费))")


# Either end of the last list, said in a question that names both (第一名是倒数第一的几倍, 最大的比最小的多多少).
_END = patterns.compile(r"(?:(最大|最多|最高|最贵)|(最小|最少|最低|最便宜))(?:的)?(?:那个|那一个|那项|那一项|那类|那笔|一个)?")


def pointed_pair(q: Query, listed: list[str], amounts: list | None = None) -> list[tuple[str, str]]:
    """Two items of the last list a question points at, each by its place (第一名, 倒数第一, 前者, 后者) or
    its size (最大的, 最便宜的), in the order said; nothing unless it points at two different items."""
    if len(listed) < 2 or q.subjects or q.scope or q.table is not None or q.domain:
        return []  # (表六里…最大和最小的: a list of its own, not the one just shown)
    sized = bool(amounts) and len(amounts) == len(listed) and all(a is not None for a in amounts)
    found = []
    ends = list(_END.finditer(q.squashed))
    for m in sorted([*_POINTER.finditer(q.squashed), *ends], key=lambda m: m.start()):
        if found and m.start() < found[-1][0].end():
            continue
        if m in ends:  # (最大的项目 names a kind: a ranking of its own, not the list just shown)
            if not sized or re.match(r"(?:的)?(?:项目|科目|类|款|项|单位|支出|经费)", q.squashed[m.end():]):
                continue
            pick = max if m.group(1) else min
            index = amounts.index(pick(amounts))
        else:
            index = _pointer_index(m)
        if -len(listed) <= index < len(listed):
            found.append((m, listed[index]))
    if len(found) != 2 or found[0][1] == found[1][1]:
        return []
    return [(m.group(0), name) for m, name in found]


def _pointer_index(m: re.Match) -> int:
    """The place in a list a pointer word says (0 the first, -1 the last)."""
    word = m.group(0)
    if m.group(3):  # 倒数第二: from the end
        return -int(m.group(3))
    if word == "后者" or word.startswith(("后", "末", "最后")):
        return -1
    return int(m.group(2)) - 1 if m.group(2) else 0


# The largest or smallest, said first with nothing named (其中最小的那个是哪个, 最多的是哪项).
_BARE_EXTREME = patterns.compile(r"^(?:那)?(?:其中|里面|当中)?(?:金额|钱)?(最大|最多|最高|最贵|最小|最少|最低|最便宜)(?:的)?"
                                 r"(?:那个|那一个|那项|那一项|一个|一项|那笔|那一笔)?")
# The largest or smallest of the items just listed, said of them (这几个里面最小的, 这些中最多的).
_AMONG_LISTED = patterns.compile(r"^(?:那)?(?:这几个|这几项|这几笔|这些|上面这些|刚才这些|它们)(?:里面|里头|里|中间|中|当中|之中)?(?:的)?"
                           r"(最大|最多|最高|最贵|最小|最少|最低|最便宜)")


def pointed_item(q: Query, listed: list[str], amounts: list | None = None,
                 narrowed: bool = False) -> tuple[str, str] | None:
    """The words of a follow-up that point at one item of the last list by its place (后者属于哪个款,
    第一类占多少: the first, the second, the last; 后者 of more than two is the last) or by its size
    when something is asked of it (最大的那个占总支出多少), and that item. ``narrowed``: the list is what a
    filter picked out, so a bare 最小的是哪个 is the smallest of those."""
    sized = bool(amounts) and len(amounts) == len(listed) and all(a is not None for a in amounts)
    extreme = _EXTREME.search(q.squashed) if sized else None
    among = _AMONG_LISTED.search(q.squashed) if sized else None
    if not among and narrowed and sized and q.op == "rank" and not q.subjects and not q.n and not q.domain and not q.scope:
        among = _BARE_EXTREME.match(q.squashed)
        extreme = None
    if among and not extreme:  # 这几个里面最小的呢: the smallest of those listed, itself
        pick = max if among.group(1) in ("最大", "最多", "最高", "最贵") else min
        return among.group(0), listed[amounts.index(pick(amounts))]
    if extreme and re.search(r"占|比重|比例|下面|明细|构成|组成|属于|剩下|倍|差多少|相差|多多少|少多少", q.squashed):
        pick = max if extreme.group(1) in ("最大", "最多", "最高", "最贵") else min
        return extreme.group(0), listed[amounts.index(pick(amounts))]
    of_two = _OF_TWO.match(q.squashed) if sized and len(listed) == 2 else None
    if of_two:  # 多的那项主要用于什么 after a list of two: the larger (少的那个: the smaller)
        pick = max if of_two.group(1) in "多大高贵" else min
        return of_two.group(0), listed[amounts.index(pick(amounts))]
    held = lexicon.NAME_HOLDS.search(q.squashed) if len(listed) >= 2 else None
    one = re.match(r"(?:那|这)(?:一)?(?:个|项|笔|类|款)", q.squashed[held.end():]) if held else None
    hits = [x for x in listed if squash(held.group(1)) in squash(x)] if one else []
    if len(hits) == 1:  # 名字里带“运行”的那个: the one item of the list whose name holds the words
        return q.squashed[held.start():held.end() + one.end()], hits[0]
    m = _POINTER.search(q.squashed)
    if m is None or not listed or len(listed) < 2 and not re.match(r"第[一1]|头[一1]", m.group(0)):
        return None  # (第一名占多少 after a ranking that named its first only: that one)
    word, index = m.group(0), _pointer_index(m)
    if not -len(listed) <= index < len(listed) or word.startswith(("前面", "后面")) and any(
            s.start == m.end() and s.kinds & {"project", "code", "item", "row", "target"} for s in q.subjects):
        return None  # (后面那个人民调解项目: the name said after it is the one meant)
    return word, listed[index]


def shown_whole(labels: list[str], parts: list[Mention], doc: Document) -> Mention | None:
    """The total among figures recently shown that the picked parts belong to (货物、服务各占多少 ->
    政府采购预算总额): a total-named figure whose name shares the parts' opening words."""
    v = vocabulary(doc)
    head = parts[0].term.name[:2]
    for label in labels:
        if label.startswith(head) and re.search(r"总额|合计|总计|总数", label):
            terms = v.by_name.get(squash(label), [])
            if terms:
                return Mention(10_000, 10_000, list(terms), via="context")
    return None


def _purpose_of_last(q: Query, last: Query | None) -> Query:
    """A short 是干什么的 / 具体干嘛的, naming nothing, right after a question about one project, code or item:
    what that is for (a follow-up), not the department's duties."""
    if last is not None and q.domain == "duties" and not q.subjects and len(q.squashed) <= 10 \
            and re.search(r"干嘛|干吗|干什么|干啥|做什么|用途|用来", q.squashed) \
            and not re.search(r"部门|单位|你们|咱们|区委|办公室|职责|职能|机构|管|负责", q.squashed) \
            and any(m.kinds & {"project", "target", "code", "item"} for m in last.subjects):
        return replace(q, domain=None, follow_up=True)
    if last is not None and q.field_name == "项目设立必要性" and not q.subjects and _PURPOSE_ASKED.search(q.squashed) \
            and last.subjects and all(m.kinds & {"code", "item"} and not m.kinds & {"project", "target"} for m in last.subjects):
        # 主要拿来干什么 after a 科目: what its paragraph says it is for (a 科目 has no performance sheet)
        return replace(q, field_name=None, field_names=[], follow_up=True, op="text", ops=[(60.0, "text")] + q.ops)
    return q


def _gap_rate(q: Query, last: Query | None) -> Query | None:
    """A percentage asked of nothing named right after a difference (少了百分之几): the gap as a share; a gap
    asked of nothing named right after a change from last year (差额, 差多少): that change again."""
    if last is not None and last.op == "difference" and not q.subjects and q.op in ("change", "share", "value") \
            and not q.previous_year and not q.years \
            and re.match(r"(?:那)?(?:多|少|差|高|低)?(?:了|出)?(?:百分之几|多少%|几成|百分之多少|多少个百分点)", q.squashed):
        return replace(last, squashed=f"{last.squashed}，{q.squashed}", follow_up=False)
    if last is not None and last.op == "change" and len(last.subjects) <= 1 and not q.subjects and q.op == "difference" \
            and q.whole is None and not q.amounts and len(q.squashed) <= 8:
        return replace(last, follow_up=False)
    return None


# A check that a figure's parts add up to it (明细加起来对得上吗): asked again of another name, it needs no claim.
_PARTS_CHECKED = patterns.compile(r"明细|加起来|加总|之和|逐项|各项|分项|子项")


def _new_name_after_list(filled: Query, q: Query, last: Query, named: list[Mention]) -> Query:
    """那今年新安排的关工委经费呢 after a list: the new name's figure; 公用经费呢 after 人员经费的明细 (or after 人员经费里
    哪项最多): a name of the same kind broken down (or its parts ranked) too."""
    if last.op in ("breakdown", "rank") and len(last.subjects) == 1 and len(named) == 1 and not q.cued \
            and named[0].kinds & last.subjects[0].kinds & {"code", "column", "item"}:
        filled.op, filled.ops = last.op, [(100.0, last.op)] + q.ops
        if last.op == "rank":
            filled.n, filled.nth, filled.ascending = last.n, last.nth, last.ascending
    return filled


def _op_carried(filled: Query, q: Query, last: Query, named: list[Mention], doc: Document | None) -> str:
    """The operation a follow-up asks: the last one, unless its words ask a figure, a reason or the report's
    sentences instead."""
    op = last.op
    if not named and _DATE_OF_LAST.search(q.squashed):
        filled.squashed = f"{last.squashed}，{q.squashed}"  # 这数是截到啥时候的: the last figure again, with its date
        return "value"
    if op == "define" and not named and lexicon.WHETHER_HAS.search(q.squashed) \
            and not re.search(r"多少|金额|几", q.squashed):
        op = "text"  # 政府购买服务是啥意思？今年有没有: what the report says of it, not its definition again
        filled.squashed = "".join(m.term.name for m in filled.subjects[:1]) + q.squashed  # (the sentences naming it)
    elif (op in ("parent", "text", "define", "about") or named and q.op == "value") and re.search(r"多少|金额|几|有没有|有无", q.squashed):
        op = "value"  # 属于哪个款？预算多少 / 那个X花多少钱: a figure asked, of the subject named or the same one
    if op in ("rank", "list", "filter", "count") and q.op == "value" and q.subjects and _PRONOUN.search(q.squashed) \
            and all(measure_word(q, m) for m in q.subjects):
        op = "value"  # 它算基本支出还是项目支出 after the largest: the columns of the one picked, not another ranking
    if op == "rank" and not named and re.search(r"它|该(?:项|科目|款)", q.squashed) and _BUDGET_MEASURED.search(q.squashed):
        op = "value"  # 它年初预算多少 after the largest: the budget of the one picked (against its outturn)
    if op == "check" and named and not (q.amounts or q.percents):
        if not _PARTS_CHECKED.search(last.squashed) or not last.subjects or last.subjects[0].start >= 10_000:
            op = "value"  # 退休费呢 after a check: that figure (a check needs a claim to check; its parts added need none)
        else:  # 公用经费呢 after 工资福利支出明细加起来对得上吗: the same check of the new name
            was = last.subjects[0]
            filled.squashed = last.squashed[:was.start] + q.squashed[named[0].start:named[0].end] + last.squashed[was.end:]
    if op == "change" and not named and filled.table is not None and filled.table != last.table \
            and not _CHANGE_SAID.search(q.squashed):
        op = "value"  # 收入决算表里呢 after its change from last year: its figure read in that table
    if op == "sum" and len(filled.subjects) == 1 and "group" not in filled.subjects[0].kinds:
        op = "value"  # 总共多少 of one subject was its figure: so is the follow-up
    if op == "value" and not q.subjects and _WHY.search(q.squashed) and not re.search(r"完成|预算|决算|花完|花到|执行", q.squashed):
        if doc is not None and doc.kind == "决算" and re.search(r"年初预算|全年预算|预算数|完成|执行", last.squashed):
            filled.squashed = f"{last.squashed}，{q.squashed}"  # (为什么差这么多 after its budget against its outturn)
        else:
            op = "change"  # 为什么这么多 after a figure: the reason the report gives for its change, or that it gives none
    return op


# The other part of the summary table's total, beside the one just given (收入总计 = 本年收入合计 + 上年结转).
_OTHER_PART = {"本年收入合计": "上年结转", "上年结转": "本年收入合计", "本年支出合计": "结转下年", "结转下年": "本年支出合计"}


def _scoped_total(q: Query, last: Query | None, doc: Document | None) -> Query:
    """其中今年新安排的呢 / 结转的呢 after the report's total: the total's part of that scope (本年收入合计,
    上年结转), as the summary table prints it."""
    if last is None or doc is None or q.subjects or len(last.subjects) != 1 or q.level or q.domain \
            or q.op in ("breakdown", "list", "rank", "count", "filter"):
        return q  # (结转部分按款分别是多少: its subjects, not the one figure)
    key = last.subjects[0].term.key
    rest = re.match(r"(?:那)?(?:剩下|剩余|其余|余下|另外)(?:的|那)?(?:一?部分|块|笔|些)?", q.squashed)
    if rest and key in _OTHER_PART and "list" not in last.subjects[0].kinds:
        # 剩下那部分是什么钱 after 本年收入合计: the summary table's other part (not after a list of projects)
        name = _OTHER_PART[key]
    elif q.scope in ("本年", "上年结转") and key in ("收入总计", "支出总计"):
        side = "收入" if key == "收入总计" else "支出"
        name = f"本年{side}合计" if q.scope == "本年" else "上年结转"
    else:
        return q
    terms = vocabulary(doc).by_name.get(name)
    if not terms:
        return q
    return replace(q, subjects=[Mention(10_000, 10_000, list(terms), via="context")], scope=None, follow_up=False,
                   op="value", ops=[(100.0, "value")] + q.ops)


def _pronoun_whole(q: Query, last: Query | None) -> Query:
    """基本工资占它百分之几 after 工资福利支出: a part named, divided by what was just asked; 它在X里排第几: the
    one just asked, placed in the list named; 主要花在哪几项上
    after X里有没有Y: the parts of X, the whole the last question looked in for Y (after X里Y多少: Y's parts)."""
    if last is not None and q.op in ("breakdown", "list") and not q.subjects and q.whole is None \
            and not _PRONOUN.search(q.squashed) and q.level in (None, "项") and not q.domain:
        looked_in = re.match(r"(.+?)(?:里面|里头|当中|之中|里|中)(?:有没有|是否有|有无|包不包括|包括|包含|含不含)", last.squashed)
        within = next((m for m in last.subjects if looked_in and m.end <= looked_in.end(1) < 10_000), None)
        if within is not None:
            return replace(q, subjects=[_carried(within)], follow_up=False, op="breakdown", level=None,
                           ops=[(max(q.ops[0][0] + 1, 60.0) if q.ops else 60.0, "breakdown")] + q.ops)
    if last is not None and q.op == "rank" and last.subjects and len(q.subjects) == 1 and "list" in q.subjects[0].kinds \
            and re.match(r"(?:那)?(?:它|其|该项目?|这个项目)", q.squashed) and re.search(r"排(?:在)?第几|第几(?:大|多|位|名)", q.squashed):
        # 它在上年结转的项目里排第几: the one just asked (the first of two), placed in the list named
        return replace(q, subjects=[_carried(last.subjects[0])], whole=q.subjects[0], domain=None, scope=None, follow_up=False)
    if last is not None and q.op == "share" and q.whole is None and len(q.subjects) == 1 and len(last.subjects) == 1 \
            and re.match(r"(?:那)?(?:它|其|这个|这项|该项)(?:在|占)", q.squashed) and q.subjects[0].start >= 2 \
            and last.subjects[0].term.key != q.subjects[0].term.key:
        # 它在整个司法款里占多大比重: the one just asked, within the one named
        return replace(q, subjects=[_carried(last.subjects[0])], whole=q.subjects[0], follow_up=False)
    if last is None or q.op != "share" or q.whole is not None or len(q.subjects) != 1 or len(last.subjects) != 1 \
            or not (re.search(r"占(?:了)?(?:它|其|这个|那个|该项?|上面这个|前面那个)", q.squashed)
                    or re.match(r"(?:呃|嗯|那个)?(?:那|这)?(?:里面|里头|当中|其中)", q.squashed)) \
            or last.subjects[0].term.key == q.subjects[0].term.key:
        return q  # (那里面X占了百分之多少: X within what was just asked)
    return replace(q, whole=_carried(last.subjects[0]), follow_up=False)


# Asking which subjects a sum is spread over (落在哪些科目, 具体到项各多少, 安排在哪两个科目上).
_SPREAD_ASKED = patterns.compile(r"(?:哪些|哪几|哪两|哪三|哪个|具体到|分别|都)(?:个)?(?:功能)?(?:科目|类|款|项)|(?:落|用|花|安排|分布|投)(?:在|到)哪")


def _fund_spread(q: Query) -> None:
    """政府性基金那368万元安排在哪两个科目上 / 基金的钱落在哪些科目上: the subjects of that fund's own table, listed
    (the fund's total named, or the fund said short as 基金, is where to read, not what is asked)."""
    if not (q.domain == "subjects" or q.domain is None and q.level) or q.fund or q.table is not None \
            or not _SPREAD_ASKED.search(q.squashed) or re.search(r"最(?:多|大|少|小|高|低)", q.squashed):
        return
    named = [m for m in q.subjects if m.start < 10_000]
    fund = None
    if len(named) == 1:
        if q.op == "breakdown":
            return  # (a fund's total broken down is read as its parts already)
        q.domain = q.domain or "subjects"  # (政府性基金落在哪个款、哪个项: the subjects its money is spread over)
        name = squash(named[0].term.name)
        fund = next((f for f in lexicon.FUNDS if f in name and f != "财政拨款"), None)
        if fund is None or re.sub(r"拨款|支出|预算|收入|安排|资金", "", name.replace(fund, "")):
            return
    elif not named and re.search(r"(?<!性)基金(?!会)", q.squashed):
        fund = "政府性基金"  # (基金 said alone in a budget report is the government fund)
        q.domain = q.domain or "subjects"
    if fund is None:
        return
    q.fund, q.subjects = fund, []
    if q.op in ("breakdown", "rank", "value", "parent"):
        q.op = "list"
        q.ops = [(max(q.ops[0][0], 40.0), "list")] + q.ops


# Words saying several things are meant (三个, 那几个, 这些).
_SEVERAL = patterns.compile(r"[两俩三四五六七八九十几]个|那些|这些|那几|这几")


def _every_project_named(q: Query) -> None:
    """本级、附小、附中三个房屋修缮项目加起来: a name several projects share, said of several and added up, is
    each of them (not a choice between them); said of the places that tell them apart, each one picked."""
    if len(q.subjects) != 1 or q.subjects[0].start >= 10_000:
        return
    if not _SEVERAL.search(q.squashed):
        _projects_picked_by_place(q)
        return
    m = q.subjects[0]
    projects = list(dict.fromkeys(t.key for t in m.terms if t.kind in ("project", "target")))
    if len(projects) < 2 or len(projects) != len({t.key for t in m.terms}):
        return
    if lexicon.ADDED.search(q.squashed) and q.op in ("value", "list", "breakdown", "sum"):
        q.subjects = [replace(m, terms=[t]) for t in dict.fromkeys(m.terms)]
        q.op = "sum"
        q.ops = [(max(q.ops[0][0], 40.0), "sum")] + q.ops
    else:
        _projects_picked_by_place(q)


def _projects_picked_by_place(q: Query) -> None:
    """附中、附小的房屋修缮项目分别多少 / …呢: a name several projects share, asked of each with the places that
    tell them apart listed before it (the qualifier each prints in brackets, 中学 for 附中; 本级 for the one with none)."""
    if len(q.subjects) != 1 or q.subjects[0].start >= 10_000:
        return
    m = q.subjects[0]
    terms = list(dict.fromkeys(t for t in m.terms if t.kind in ("project", "target")))
    if len({t.key for t in terms}) < 2:
        return
    words = [w for w in re.split(r"[、和与及跟,，\s]", re.sub(r"的$", "", q.squashed[:m.start])) if w][-4:]
    picked = []
    for t in terms:
        place = re.search(r"[（(]([^（）()]+)[）)]$", t.name)
        if place and any(place.group(1)[0] in w for w in words) or not place and any("本级" in w or "本部" in w for w in words):
            picked.append(t)
    if len(picked) >= 2 and len(picked) == len({t.key for t in picked}):
        q.subjects = [replace(m, terms=[t]) for t in picked]


def _sheets_counted(q: Query) -> None:
    """附属小学作为实施单位的项目有几个、加起来多少: the sheets a field's value picks, counted or added, not the field
    itself asked."""
    if q.field_name not in ("实施单位", "主管部门及代码") or q.op not in ("text", "about", "value") \
            or "项目" not in q.squashed or re.search(r"字段|去重|几个值|几种", q.squashed):
        return  # (实施单位字段去重后有几个值: the field's values themselves)
    op = "count" if re.search(r"几个|多少个|几项", q.squashed) else \
        "sum" if lexicon.ADDED.search(q.squashed) else None
    if op is not None:
        q.op = op
        q.ops = [(max(q.ops[0][0], 40.0), op)] + q.ops


def _stated_rate_typed(q: Query, doc: Document) -> None:
    """职业年金写增17.66%，91.97对77.99实际是多少: a rate the report states, typed with a name and asked of, is
    about that stated change (recomputed from its own figures), not the name's figure in a table."""
    if q.op not in ("value", "about", "text", "check") or not q.percents or q.table is not None or q.op != "value" and q.subjects:
        return
    if any(f.kind == "rate" and abs(f.value) == p for f in doc.facts for p in q.percents):
        q.op = "change"
        q.ops = [(max(q.ops[0][0], 40.0), "change")] + q.ops


def _fund_of_last(q: Query, last: Query | None) -> Query:
    """都用在哪些科目上 after a fund's total (政府性基金预算): the subjects of that fund's own table."""
    if last is None or q.subjects or q.fund or q.table is not None or len(last.subjects) != 1 \
            or not re.search(r"哪些|哪几|什么|啥", q.squashed) or not re.search(r"科目|用在|花在|用到|花到|类|款|项", q.squashed):
        return q
    name = squash(last.subjects[0].term.name)
    fund = next((f for f in lexicon.FUNDS if f in name and f != "财政拨款"), None)
    if fund is None or re.search(r"支出|收入|经费", name.replace(fund, "")):
        return q
    if q.op == "breakdown":  # (落在哪些科目: the rows of that table, not parts of a name)
        return replace(q, fund=fund, domain=q.domain or "subjects", follow_up=False, op="list",
                       ops=[(max(q.ops[0][0], 40.0), "list")] + q.ops)
    return replace(q, fund=fund, domain=q.domain or "subjects", follow_up=False)


_THREE_PUBLIC_LINE = patterns.compile(r"公务接待|公务用车|公车|因公出国|出国")


def _line_of_three_public(q: Query, last: Query | None) -> Query:
    """公车运行费占几成 right after the 三公 total was asked: that line's share of the 三公 total (the same
    as 其中公车运行费占几成), not of all spending."""
    if last is None or q.op != "share" or q.whole is not None or len(q.subjects) != 1 or len(last.subjects) != 1 \
            or last.subjects[0].term.key != "三公经费" or not _THREE_PUBLIC_LINE.search(q.subjects[0].term.name):
        return q
    return replace(q, whole=_carried(last.subjects[0]))


# A level of the code asked last, pointed at (这个款, 该类, 它所在的款, 往上到类级, 同一个款, 这个项).
_LEVEL_POINTED = patterns.compile(r"(?<![占比])(?:这个|这一|该|那个|它所在的?|其所在的?|往上到|同一个?|同个)(类|款|项(?!目))(?:级)?"
                            r"(?!(?:里|中|内|当中)(?:的)?占)")  # (在这一款里占: the whole of a share, not the 款 asked)


# The level named after 往上 or 上一级 (再往上一级是哪个类).
_LEVEL_WORD = patterns.compile(r"(类|款)(?:级)?")


def _ancestor_of_last(q: Query, last: Query | None, doc: Document | None, earlier: tuple = ()) -> Query:
    """A follow-up naming nothing but a level of the one code asked last: 这个款下面还有哪个项 / 再往上到类级呢
    ask of that code's 款 or 类 (of the code itself when it is of that level; 这个项 after its 类 was asked: the
    项 asked before); 再往上一级是哪个类 asks what the code is under."""
    pointed = _LEVEL_POINTED.search(q.squashed)
    m = pointed or (_UP.search(q.squashed) and _LEVEL_WORD.search(q.squashed))
    if m is None or q.subjects or last is None or doc is None:
        return q
    size = {"类": 3, "款": 5, "项": 7}[m.group(1)]
    said = [t.key for s in [*last.subjects, *q.excluded, *reversed(earlier)] for t in s.terms[:1] if t.kind == "code"]
    codes = said[:1] if not said or len(said[0]) >= size else [c for c in said if len(c) >= size][:1]
    if len(codes) != 1 or len(codes[0]) < size or not pointed and len(codes[0]) == size:
        return q
    # (再上一级的类 of a 项: two levels up, that 类 itself; 再往上一级是哪个类 of a 款: what the 款 is under)
    pointed = pointed or (len(codes[0]) - size > 2 and m)
    term = vocabulary(doc).codes.get(codes[0][:size] if pointed else codes[0])
    if term is None or term.kind != "code":
        return q
    below = re.search(r"下|包括|有哪|有几|其余|其他|别的", q.squashed[m.end():])
    counted = q.op != "count" or re.search(r"几|多少个|多少项|数量|个数", q.squashed)
    op = "parent" if not pointed else q.op if q.op in ("count", "rank", "filter", "mean", "sum", "share") and counted \
        else "breakdown" if below else "value"
    excluded = q.excluded
    if pointed and re.match(r"同", pointed.group(0)) and not excluded and re.search(r"另外|另一|其他|其余|别的|除了", q.squashed):
        own = vocabulary(doc).codes.get(codes[0])  # 同一个款下面另外那个项: the 款's items but the one asked
        excluded = [Mention(10_000, 10_000, [own], via="context")] if own is not None else []
    return replace(q, subjects=[Mention(m.start(), m.end(), [term], via="context")], follow_up=False, op=op,
                   excluded=excluded, ops=[(max(q.ops[0][0] + 1, 60.0) if q.ops else 60.0, op)] + q.ops)


def _carry_filter(filled: Query, q: Query, last: Query) -> None:
    """The comparison of the last question carried to its follow-up, unless it says its own."""
    if filled.comparator is None and last.comparator is not None:
        _near(filled, asked=True)  # 那二十多万的呢 after a filter: the things of about that amount
    filled.comparator = filled.comparator or last.comparator
    filled.threshold = filled.threshold or last.threshold
    if q.comparator == "ne" and filled.op in ("rank", "value", "list", "count"):
        filled.op, filled.ops = "filter", [(100.0, "filter")] + filled.ops  # (除了那几个3万的，最少的: of the last list)


_GRAND_TOTAL = patterns.compile(r"(?:那|那么)?(?:表里|这张表)?的?总计(?:数|金额)?(?:是|为)?(?:多少|呢)?(?:万元|元)?[？?。]?")


# One place on from the last place of a ranking asked (再往下一个, 下一位呢, 前一名是谁), naming nothing else.
_STEP = patterns.compile(r"(?:那|那么|再)?(?:接下来|紧接着)?(?:的)?(?:(?:往|向)?(下|后|上|前)(?:面)?[一1](?:个|位|名|项)|(?:往|向)(下|上)(?:面)?(?:一位|一名)?)"
                         r"(?:呢|是(?:哪个|谁|什么|啥)?|是多少)?")


# Another place of the ranking just asked, said alone (第二呢, 前三名呢, 倒数第二是哪个).
_PLACE_ALONE = patterns.compile(r"(?:那|那么|再)?(?:排)?(?:第|前|倒数第|倒数|后)\d{1,2}(?:名|位|个|项|大|多|高)?(?:的)?"
                                r"(?:是(?:哪个|哪一?项|哪些|谁|什么|啥)|是多少|有哪些)?")


# Two places of a ranking set against each other (第一名比第二名多多少, 第一和第三差多少).
TWO_PLACES = patterns.compile(r"第(\d{1,2})(?:名|位|大|多|个|项)?(?:的)?(?:比|和|与|跟|同|较)第(\d{1,2})(?:名|位|大|多|个|项)?")


def _step_in_ranking(q: Query, last: Query | None) -> Query | None:
    if last is None or last.op != "rank" or q.subjects:
        return None
    said = re.sub(r"[呢吗啊呀吧？?。，,！!\s]", "", q.squashed)
    if TWO_PLACES.search(said) or q.n and lexicon.ADDED.search(said):
        # places of the list just ranked, compared or added (前面说的前三名加起来多少): that list, these words added
        # (第一名 / 前三名 are the top of the ranking, whichever end the last question looked at, unless said)
        return replace(last, squashed=f"{last.squashed}，{q.squashed}", n=q.n, nth=None, follow_up=False,
                       ascending=q.ascending)
    if (q.nth or q.n or q.choice) and _PLACE_ALONE.fullmatch(said):  # the same list, another place: its words, as asked
        # (第二多的 says its end of the ranking; 第二呢 keeps the last one's)
        return replace(last, nth=q.nth or (q.choice if not q.n else None), n=q.n, follow_up=False,
                       ascending=q.ascending if re.search(r"\d(?:大|多|高)|倒数", said) else q.ascending or last.ascending)
    if not (step := _STEP.fullmatch(said)):
        return None
    place = (last.nth or 1) + (1 if (step.group(1) or step.group(2)) in "下后" else -1)
    return replace(last, nth=max(place, 1), n=None, follow_up=False) if place >= 1 else None


# A change said of all the money (总共少了多少, 整体比上年怎么样), naming nothing: the report's, not the last subject's.
_ALL_MONEY = patterns.compile(r"总共|一共|总体|整体|总的|总盘子|全部|总数|总额|总收入|总支出|总预算|总规模")


def _whole_of_share(q: Query, last: Query | None, doc: Document | None) -> Query | None:
    """跟上年比多了还是少了, naming nothing, after a share whose part's change the report states nowhere: the
    change of the whole it was a share of (the report's own total when none was named), which it states."""
    if doc is None or last is None or last.op != "share" or q.op != "change" or q.subjects or q.amounts \
            or re.match(r"那", q.squashed) or _BUDGET_MEASURED.search(q.squashed) or any(_change_stated(doc, m) for m in last.subjects):
        return None
    whole = [_carried(last.whole)] if last.whole is not None and last.whole.kinds & {"row", "column", "code", "fact"} else []
    return replace(q, subjects=whole, follow_up=False)


def _change_stated(doc: Document, m: Mention) -> bool:
    """Whether the report states a change of the thing named (a change or rate of it, in its text)."""
    names = {squash(t.name) for t in m.terms if len(t.name) >= 2} | {t.key for t in m.terms if t.key.isdigit()}
    return any(n in squash(f"{f.subject or ''}{f.label}{f.topic or ''}") for f in doc.facts
               if f.kind in ("change", "rate") for n in names)


def _whole_change(q: Query) -> bool:
    return q.op == "change" and not q.subjects and not q.amounts and bool(_ALL_MONEY.search(q.squashed)) \
        and not _PRONOUN.search(q.squashed) and not re.search(r"两|俩|几|[这那](?:个|些|项|笔|部分|块)|各", q.squashed)


def _halves_of_last_row(q: Query, last: Query | None) -> Query:
    """基本和项目分别多少 / 项目比基本多出多少 right after one coded row: a short question naming only the two halves
    of spending asks them of that row (the split of what was just asked), as 那基本支出呢 does; one half named
    alone (基本支出多少) is the report's own."""
    if last is None or q.follow_up or not q.halves_short or len(last.subjects) != 1 or not last.subjects[0].kinds & {"code"} \
            or len(q.subjects) != 2 or q.whole is not None or q.table is not None or q.scope or q.fund or len(q.squashed) > 16 \
            or q.op not in ("value", "difference", "ratio", "share") \
            or not all(squash(m.term.name).startswith(("基本支出", "项目支出")) and "column" in m.kinds for m in q.subjects):
        return q
    return replace(q, follow_up=True)


# Words that add to what was set aside before (再不算X / X也扣掉).
_MORE = patterns.compile(r"再|也|还|又|继续|另外|同时")


def _more_set_aside(q: Query, last: Query | None) -> Query | None:
    """这里面再不算X呢 / 再扣掉Y还剩多少 after a whole less what was set aside: the same whole, less X too."""
    if last is None or not last.excluded or not q.excluded or not _MORE.search(q.squashed):
        return None
    set_aside = {m.term.key for m in q.excluded}
    if q.whole is not None or any(m.term.key not in set_aside for m in q.subjects):
        return None  # (a whole of its own named: its remainder, not the last one's)
    more = [m for m in q.excluded if all(m.term.key != x.term.key for x in last.excluded)]
    return replace(last, excluded=last.excluded + more, follow_up=False)


def _sized_alone(q: Query) -> bool:
    """十几万的项目有哪些 / 二十三万多的那个是什么: things of a rough size asked, opening with nothing that points
    back (那…呢, 其中, 还有): a question of the report's things, whatever was asked before."""
    return q.comparator == "between" and q.threshold is not None and bool(q.threshold.about) and not q.subjects \
        and not re.match(r"(?:那|其中|这里面|里面|还有|再)", q.squashed) and not q.squashed.endswith("呢")


def with_context(q: Query, last: Query | None, focus: list | None = None, earlier: tuple = (),
                 doc: Document | None = None) -> Query:
    """Fill what a follow-up leaves out from the last question; never override what it says. 它 is what the last
    answer picked out (``focus``, _picked_of_last); ``earlier``: the subjects of the questions before (两个差多少)."""
    if (step := _step_in_ranking(q, last) or _last_by_scope(q, last) or _side_switched(q) or _narrowed_anew(q, last)) is not None:
        return step
    q = _halves_of_last_row(_ancestor_of_last(_names_under_last(q, last, focus), last, doc, earlier), last)
    q = _scoped_total(_pronoun_whole(_fund_of_last(_this_table(q, last, doc), last), last), last, doc)
    q = _line_of_three_public(q, last)
    if (part := _fund_part_of_last(q, last)) is not None:
        return part
    q, own = _set_aside(_scope_of_last_money(_purpose_of_last(q, last), last), last, focus)
    if own or (found := _more_set_aside(q, last) or _of_last_list(q, last) or _share_in_last_whole(q, last) or _gap_rate(q, last) or _whole_of_share(q, last, doc)
               or (_sheet_funds_of_last(q, last, doc) if last is not None else None) or _other_list_of_last(q, last)) is not None:
        return q if own else found
    which_table = _which_table_of_last(q)  # 印在哪张表: the table of the last subject
    if last is None or not q.follow_up or q.cued and q.op in ("about", "help") and not which_table \
            or q.domain in _DEPARTMENT_WIDE or _whole_change(q) or _sized_alone(q):
        return q  # questions about the report itself (its duties, its units) lean on nothing said of a figure
    if (among := _among_last(q, last, doc)) is not None:
        return among
    if (longer := _last_name_said_on(q, last, doc)) is not None:
        return longer
    if last.op == "rank" and q.op == "share" and not q.subjects and q.whole is None and not _BUDGET_MEASURED.search(q.squashed):
        return replace(last, squashed=f"{last.squashed}，{q.squashed}", follow_up=False,  # 占比呢: in the list ranked
                       amounts=q.amounts or last.amounts)  # (它完成了百分之几: of its first, below)
    if (table := _table_of_stated(q, last, doc)) is not None:
        return replace(q, table=table, follow_up=False)
    if last.table is not None and not q.subjects and _GRAND_TOTAL.fullmatch(q.squashed):
        # (…X多少？总计多少: the total of the table X was read in)
        return replace(q, table=last.table, follow_up=False, op="value", ops=[(100.0, "value")] + q.ops)
    if (q.field_name or "绩效" in q.squashed) and every_sheet(q):
        return q  # 这些项目都是一年干完的吗: every sheet, whatever the last question was about
    if asks_sheet(q) and not _of_project(last) and not _PRONOUN.search(q.squashed) and (doc is None or doc.performance):
        return q  # a sheet's field asked after a figure that has no sheet: of the report's sheets
    if _level_not_below(q, last):
        return q  # 哪个类最多 after a 类: the 类 of the report, not the parts of the last one
    if q.domain and q.domain != last.domain and q.op in ("rank", "list", "count", "filter", "mean") \
            and not re.search(r"它|其(?!他|余|中|次)|该", q.squashed):
        within = q.squashed.startswith(("其中", "那其中")) and q.table is None  # 其中最小的几个: of the last table's list
        return replace(q, scope=q.scope or last.scope, table=last.table if within else q.table)  # 结转项目里最小的那个 after a 科目: a list of its own
    last, before = _picked_of_last(q, last, focus), last
    filled = replace(q)
    filled.unit = filled.unit or last.unit  # 多少元 … 上年结转呢: the unit asked carries to the follow-ups
    filled.places = last.places if filled.places is None else filled.places  # (保留一位小数 … X呢: and the rounding)
    named = _named_in_follow_up(filled, q, last, doc)
    for rule in (_both_of_two, _counted_against_named, _added_to_last, _against_last, _part_of_last, _limit_of_last):
        found = rule(filled, q, last, named, earlier)
        if found is not None:
            return found
    if not named:
        _carry_subjects(filled, q, last, doc)
        if filled.domain in (None, last.domain):
            if not filled.name_holds:  # (…有几个项目？都列出来: the same projects)
                filled.name_holds, filled.name_lacks = last.name_holds, last.name_lacks
    filled.domain = filled.domain or _domain_carried(q, last, named)
    filled.level = filled.level or last.level
    if q.op == "share" and not named and len(filled.subjects) >= 2 and (
            last.op == "sum" or re.search(r"加起来|合起来|加在一起|一共|合计占", q.squashed)):
        filled.together = True  # 这两项加起来 … 占人员经费多少: the sum is the part
    if (q.cued or q.field_name) and not _group_named_again(q, named):
        return _asked_op(filled, q)
    if named and last.op in ("filter", "rank", "count", "list", "breakdown", "about"):
        return _new_name_after_list(filled, q, before if before.op == "rank" else last, named)
    if named and all(m.kinds <= {"term"} for m in named):
        return q  # 那政府购买服务呢: a word the report explains, asked of its own (it has no figure to compute)
    op = _op_carried(filled, q, last, named, doc)
    op = _levels_against_code(filled) or op  # 该款下的项级呢: a level below the subject is its items
    filled.op, filled.ops = op, [(100.0, op)] + q.ops
    if op == "share" and named and filled.whole is None and last.whole is not None \
            and all(m.term.key != last.whole.term.key for m in named):
        filled.whole = _carried(last.whole)  # 那办公用的那部分呢 after a share: of the same whole
    _carry_filter(filled, q, last)
    filled.field_name = filled.field_name or last.field_name
    if q.choice and filled.nth is None and last.op in ("rank", "list", "count", "filter"):
        filled.nth, filled.n = q.choice, None  # 第二个呢 after a ranking: the second of it
    if filled.n is None and filled.nth is None:
        filled.n, filled.nth, filled.ascending = last.n, last.nth, filled.ascending or last.ascending
    return filled


def _narrowed_anew(q: Query, last: Query | None) -> Query | None:
    """只看项目支出 after a total of the report's (or nothing): the column named is itself the subject; after a row
    (一般公共服务支出 … 只看基本支出的) it is that row's column, below. 那整个部门呢 after a row's column: that column
    of the department as a whole (the row's measure, no row)."""
    if last is not None and len(last.measures) == 1 and not q.subjects and _WHOLE_DEPARTMENT.fullmatch(q.squashed):
        column = Mention(10_000, 10_000, [Term("column", last.measures[0], last.measures[0])], via="context")
        return replace(last, subjects=[column], measures=[], whole=None, follow_up=False, squashed=last.measures[0])
    row = last.subjects[0] if last is not None and last.subjects else None
    if not q.follow_up or not _NARROWED.match(q.squashed) or not q.subjects or row is not None and (
            row.kinds & {"code", "item", "project"} or "row" in row.kinds and not re.search(r"合计|总计", row.term.key)):
        return None
    return replace(q, follow_up=False)


_WHOLE_DEPARTMENT = patterns.compile(r"(?:那|那么)?(?:整个|全|整体|全体)(?:部门|单位|局|院|学校|街道)?(?:的|整体|总的|合计)?"
                                     r"(?:呢|是多少|多少|有多少)?[？?]?")
_NARROWED = patterns.compile(r"(?:那)?(?:只|仅|光|单)(?:看|算|要|说|计)")


def _side_switched(q: Query) -> Query | None:
    """那花钱这边，最大的那块是啥 after the income: the other side of the report's money, asked anew."""
    return replace(q, follow_up=False) if q.follow_up and not q.subjects and _SIDE_SWITCHED.match(q.squashed) else None


# The other side of the report's money named as where the conversation turns to (那花钱这边, 收入方面呢).
_SIDE_SWITCHED = patterns.compile(r"^(?:那|那么)?(?:花钱|用钱|支出|花销|开支|收入|进钱|来钱|钱的来源)(?:的)?(?:这边|那边|方面|这块|那块|这头|那头|这一块|那一块)")


def _picked_of_last(q: Query, last: Query, focus: list | None) -> Query:
    """The last question as about what its answer picked out (``focus``: a ranking's first), unless the follow-up
    goes on with the same list (第二呢, 前五个呢) or asks the gap or ratio of the names it ranked (A和B哪个多？差多少:
    the two named, not the larger alone)."""
    among_named = last.op == "rank" and len(last.subjects) >= 2 and not q.subjects and q.op in ("difference", "ratio")
    if not focus or q.n or q.nth or q.choice and last.op == "rank" or q.op in ("rank", "count", "filter", "list") and q.cued \
            or among_named:
        return last
    return replace(last, subjects=focus, whole=None, domain=None)


def _domain_carried(q: Query, last: Query, named: list[Mention]) -> str | None:
    """The last question's domain, for a follow-up that names none: not the department's units or duties
    when it names a subject in full (那公车实有几辆 after the units), unless it asks within them (其中关于密码的)."""
    own = last.domain in _DEPARTMENT_WIDE and any(m.via in ("exact", "synonym", "code") for m in named) \
        and not q.squashed.startswith(("其中", "那其中"))
    return None if own else last.domain


def _other_list_of_last(q: Query, last: Query | None) -> Query | None:
    """那上年结转的项目呢 after the largest of this year's projects: the same ranking, count or filter asked of
    the other list of projects."""
    if last is None or last.op not in ("filter", "rank", "count", "mean") or last.domain != "projects" or not q.scope \
            or not q.subjects or not all(m.kinds == {"list"} for m in q.subjects) or q.scope == last.scope \
            or not re.fullmatch(r"(?:那|那么)?.{2,12}?(?:里|里面|中)?(?:的)?呢", q.squashed):
        return None
    return replace(last, scope=q.scope, subjects=[], whole=None, table=None, follow_up=False)


def _fund_part_of_last(q: Query, last: Query | None) -> Query | None:
    """其中财政拨的有多少 after one code's figure: that code's part in the fund's own table. Its share (它的财政拨款
    占比, or 财政拨款占多少 right after where the code's money came from was asked): of that code's figure."""
    if last is None or len(q.subjects) != 1 or len({m.term.key for m in last.subjects}) != 1 \
            or not last.subjects[0].kinds & {"code"}:
        return None
    share = q.op == "share" and q.whole is None
    m = q.subjects[0]
    typed = q.squashed[m.start:m.end]
    pointed = re.match(r"(?:这|那|该)(?:部分|块|一块|笔)", q.squashed[m.end:])  # 财政拨款这部分: that part of it
    if not q.squashed.startswith(("其中", "那其中")) and not pointed and not (share and (
            re.match(r"(?:那)?(?:它|其)(?!他|余|中)", q.squashed) or lexicon.MONEY_SOURCE_ASKED.search(last.squashed))):
        return None
    fund = _fund_of(typed + "款" if typed.endswith("拨") else typed) if m.start < 10_000 else None  # (财政拨的)
    if not fund:
        return None
    part = replace(_carried(last.subjects[0]), fund=fund)
    if share:
        return replace(q, subjects=[part], fund=fund, whole=_carried(last.subjects[0]), follow_up=False)
    if pointed and q.op != "value":  # (财政拨款这部分比上年变了多少: that part's change)
        return replace(q, subjects=[part], fund=fund, follow_up=False)
    return replace(q, subjects=[part], fund=fund, follow_up=False, op="value", ops=[(100.0, "value")] + q.ops)


_SET_IT_ASIDE = patterns.compile(r"(?:除了|除去|除开|不算|扣除|扣掉|去掉|刨去|刨除)(?:掉)?(?:它|这个|这一个|这项|这一项|这笔|这一笔|该项)")


def _set_aside(q: Query, last: Query | None, focus: list | None) -> tuple[Query, bool]:
    """除了它，其余几个结转项目加起来: what the conversation is about, set aside from what this question names
    (True: nothing more to fill in), or from what the last one did."""
    if last is None or q.excluded or not _SET_IT_ASIDE.search(q.squashed) or not (focus or last.subjects):
        return q, False
    aside = replace(q, excluded=[_carried((focus or last.subjects)[0])], follow_up=False)
    ranked = [m for m in last.subjects if "list" in m.kinds]
    if not q.subjects and not q.scope and ranked and q.domain in (None, last.domain):
        aside.subjects = [_carried(ranked[0])]  # 除了它，其余几个项目 after a list's first: the rest of that list
        aside.scope = ranked[0].term.key  # (and the next question of those projects goes on with that scope)
    return aside, bool(q.subjects or q.scope or q.domain)


def _scope_of_last_money(q: Query, last: Query | None) -> Query:
    """A list naming no scope, after a question that had one: 有哪些项目 after this year's project money
    (结转的先不算) lists this year's projects; a list question naming nothing after a list of projects
    (按金额排前两名 after 表十二的项目一共几个) is of that list."""
    if last is None or q.subjects or q.scope is not None or q.table is not None:
        return q
    if not q.follow_up and q.domain == "projects" and q.op == "list" and last.op in ("value", "sum") \
            and last.scope in ("本年", "上年结转") and _of_projects(last):
        return replace(q, scope=last.scope)
    listing = ("list", "rank", "count", "filter", "mean")
    if q.op in listing and (q.domain is None or q.domain == "projects" and last.table is not None) and not q.excluded \
            and last.op in listing + ("sum",) and last.domain == "projects" \
            and (last.scope in ("本年", "上年结转") or last.table is not None) and all("list" in m.kinds for m in last.subjects):
        # 按金额排前两名 after 表十二本年预算的项目一共几个: of that list (naming nothing); 哪个项目最大 after a
        # project table named: of that table
        return replace(q, scope=last.scope, table=last.table, domain="projects", subjects=[_carried(m) for m in last.subjects])
    return q


def _of_projects(q: Query) -> bool:
    """A question about the projects or their money (项目支出, a list of projects)."""
    return q.domain == "projects" or any("list" in m.kinds or m.term.key == "项目支出" for m in q.subjects)


# 从收入来源看 / 按资金来源分, what is left of it once fillers are gone: the names after it are sources of money,
# which a code's columns are (looser than _SOURCE_VIEW, which blanks the words before names are read)
_SOURCE_LENS = patterns.compile(r"(?:从|按|分)?(?:收入|资金|经费)?(?:来源|渠道)(?:上|来)?(?:看|分|划分)?")


def scope_parts(q: Query, doc: Document) -> Query:
    """The report's whole income or spending asked of this year's money and last year's carried over, each
    (总盘子里今年新安排的和上年结转的各多少): income as its two rows (本年收入合计, 上年结转), spending as its two
    columns (当年预算安排, 上年结转安排)."""
    names = {squash(m.term.name) for m in q.subjects}
    # (本年安排和上年结转各多少: the carried-over row named beside this year's money, no whole named: the income's two)
    if len(names) != 1 or not re.fullmatch(r"(?:收入|支出)总计|(?:上年|年初)结转", next(iter(names))) \
            or not re.search(r"各|分别|和|与", q.squashed) \
            or not any(w in q.squashed for w in lexicon.SCOPE_WORDS["本年"] if len(w) >= 2) \
            or not any(w in q.squashed for w in lexicon.SCOPE_WORDS["上年结转"] if len(w) >= 2):
        return q
    first = q.subjects[0]
    if next(iter(names)).startswith("支出"):
        return replace(q, subjects=[first], measures=["当年预算安排", "上年结转"], scope=None)
    table, v = doc.table("summary"), vocabulary(doc)
    rows = [r for r in table.rows if r.side == "收入" and "总计" not in r.name] if table is not None else []
    parts = [next((r for r in rows if re.search(p, squash(r.name))), None) for p in (r"^本年收入(?:合计)?$", r"^(?:上年结转|年初结转)")]
    terms = [v.by_name.get(squash(r.name), []) if r is not None else [] for r in parts]
    if not all(terms):
        return q
    return replace(q, subjects=[Mention(first.start, first.end, list(t), via=first.via) for t in terms], scope=None)


def same_reading(q: Query, last: Query | None, doc: Document | None = None) -> Query:
    """A subject just answered from one table, asked again with nothing said of where and nothing
    else typed (项目支出占比 after 表五的基本支出、项目支出各多少): read in that table again. Names that are
    all columns of the table a code was just read in (财政拨款和其他收入各是多少 after 208 in the income
    table), or of another table printing the code, ask that code's figures in those columns."""
    if last is not None and q.table is None and not (q.fund or q.scope) and q.subjects and len(last.subjects) == 1 \
            and last.subjects[0].kinds == {"table"} and all("column" in m.kinds and m.table is None for m in q.subjects) \
            and not re.search(r"表[\d一二三四五六七八九十]", q.squashed):
        no = int(last.subjects[0].term.key)  # 基本 项目各多少 after 表5合计多少: that table's columns
        if all(squash(m.term.name) in _columns_of_table(doc, no) for m in q.subjects):
            return replace(q, table=no, subjects=[replace(m, table=no) for m in q.subjects])
    if last is None or q.table is not None or q.fund or q.scope or not q.subjects:
        return q
    code = last.subjects[0] if len(last.subjects) == 1 and "code" in last.subjects[0].kinds else None
    said = re.sub(r"[和与及、，,各是为多少分别呢？?那\s]", "", _SOURCE_LENS.sub("", strip_fillers(_mask(q.squashed, q.subjects))))
    each = q.op == "breakdown" and re.search(r"各|分别", q.squashed)  # (从来源看A和B各多少: each one's figure)
    if code is not None and not said and (q.op in ("value", "sum") or each) and doc is not None \
            and not any(m.kinds & {"code", "project", "item"} for m in q.subjects):
        # (a code read where the report first prints it: only its sources of money are asked by their columns,
        # 财政拨款和其他收入各是多少; 基本支出多少 is the report's own)
        printing = [t.no for t in doc.tables if t.no != last.table and _printed_in(doc, t.no, code)
                    and (last.table is not None or t.kind == "income")]
        for table in ([last.table] if last.table is not None else []) + printing:
            columns = _columns_of_table(doc, table)
            beside = [next((t.key for t in m.terms if t.key in columns), None) for m in q.subjects]
            if all(beside):  # (基本支出和项目支出各多少 after its income row: where the code's spending is printed)
                return replace(q, subjects=[replace(_carried(code), table=table)], measures=beside, table=table)
    if last.table is None:
        return q
    keys = {t.key for m in last.subjects for t in m.terms}
    named = q.subjects + ([q.whole] if q.whole else [])
    leftover = strip_fillers(_mask(q.squashed, named))
    for cue in sorted(q.cue_words, key=len, reverse=True):
        leftover = leftover.replace(cue, "")
    if not re.sub(r"[\s，,、。？?]", "", leftover) and all(m.terms and m.terms[0].key in keys for m in named):
        return replace(q, table=last.table)
    return q


_PRONOUN = patterns.compile(r"^(?:这|那)是|它|其(?!他|余|中|次)|该(?:项目|科目|项|款|类)?|这个(?:项目|科目|款|类)?|那个(?:项目|科目)?|此项"
                      r"|这笔|那笔|这些钱|这部分钱|这一项|这一块|^(?:这|那)(?:个)?钱|(?:这|此)一?(?:款|类|科目)")


_LEVEL_OF_CODE = {3: "类", 5: "款", 7: "项"}
UNIT_DOMAINS = ("internal_units", "subordinate_units", "report_units")  # the department's units, of each kind
_DEPARTMENT_WIDE = ("duties",) + UNIT_DOMAINS


# The report's own totals: the classes of a level asked after one are the report's classes.
_WHOLE_REPORT = patterns.compile(r"^(?:收入|支出|收支|收入支出)总计$|^本年(?:收入|支出)合计$")
_CARRIED = patterns.compile(r"^上年结转(?:结余)?$|^年初结转和结余$")  # (the whole's other part, beside 本年收入合计)


def _level_not_below(q: Query, last: Query) -> bool:
    """A level asked (类/款/项) that is not below the last subject's code, or asked after the report's whole
    (按功能分类钱花在哪几大类 after 总盘子多少): no part of it."""
    names = [squash(m.term.name) for m in last.subjects]
    if q.level and not q.subjects and any(_WHOLE_REPORT.match(n) for n in names) \
            and all(_WHOLE_REPORT.match(n) or _CARRIED.match(n) for n in names) \
            and not _PRONOUN.search(q.squashed):
        return True
    codes = [t.key for m in last.subjects[:1] for t in m.terms if t.kind == "code"]
    if not q.level or not codes or _PRONOUN.search(q.squashed) or any("code" in m.kinds for m in q.subjects) or re.search(
            r"下面|下级|其中|里面|之下|属于|归|隶属|上级|所属|在哪", q.squashed):
        return False
    order = ("类", "款", "项")
    last_level = _LEVEL_OF_CODE.get(len(codes[0]))
    return last_level is not None and order.index(q.level) <= order.index(last_level)


def _columns_of_last_table(last: Query, doc: Document | None) -> set[str]:
    """The column names of the table the last row was read in (收入决算表: 财政拨款收入, 事业收入, 其他收入 …)."""
    return _columns_of_table(doc, last.table)


def _prints_column(doc: Document | None, row: Mention, typed: str, one_half: bool = True) -> bool:
    """Whether a table printing the row (a code's, or a row named like the mention) has the column typed:
    基本支出和项目支出各多少 after 收入总计 names two figures of their own, the summary table having no such columns."""
    column = _MEASURE_NAMES.get(typed, typed)
    names = {squash(t.name) for t in row.terms}
    economic = doc.table("basic_economic") if doc is not None and column in lexicon.BASIC_HALVES and one_half else None
    half = next((c for c in economic.columns if c.rsplit("/", 1)[-1] == column), None) if economic else None
    rows = [r for r in economic.rows if squash(strip_ordinal(r.name)) in names] if half else []
    if rows and all(r.amount(half) is None for r in rows):
        return False  # 公用经费呢 after 工资福利支出 (all 人员经费): a name of its own, not an empty half of that row
        # (它算人员经费还是公用经费 names both halves: which of them holds the row, asked of it)
    if doc is None or "code" in row.kinds or row.kinds - {"row", "column"}:
        return True
    tables = [t for t in doc.tables if any(squash(strip_ordinal(r.name)) in names for r in t.rows)]
    return not tables or any(column in _columns_of_table(doc, t.no) for t in tables)


def _columns_again(q: Query, named: list[Mention], last: Query, doc: Document | None) -> list[str]:
    """那X呢 naming only X: the columns asked of the last row, asked of X (a 决算's budget against its outturn; the
    columns X's tables print)."""
    if not named or not last.measures or not _only_names(q, named):
        return []
    if any(b in last.measures for b in lexicon.BUDGETS):
        return list(last.measures)
    if last.subjects and all(m.kinds & {"code", "row"} for m in named + last.subjects[:1]) \
            and all(set(last.measures) <= _columns_printed_for(doc, m) for m in named):
        return list(last.measures)
    return []


def _columns_for_whole(q: Query, carried: list[str]) -> list[str]:
    """The columns carried to a share whose whole is a column: none when that column is not one of them (它占基本支出的
    比例 after its 项目支出: the row as a whole, of that column's total; 占事业收入的多少 after its 事业收入: that
    column of the row, of the column's total)."""
    whole = q.squashed[q.whole.start:q.whole.end] if q.whole is not None and q.whole.start < 10_000 else ""
    if q.op == "share" and whole and "column" in q.whole.kinds and _MEASURE_NAMES.get(whole, whole) not in carried:
        return []
    return carried


def _columns_printed_for(doc: Document | None, m: Mention) -> set[str]:
    """The columns of every table that prints the code or row named."""
    keys = {squash(t.key) for t in m.terms if t.kind in ("code", "row")}
    tables = [t.no for t in doc.tables if any(r.code in keys or squash(r.name) in keys for r in t.rows)] if doc is not None else []
    return set().union(*(_columns_of_table(doc, no) for no in tables))


def _income_named(m: Mention, typed: str, last: Mention) -> bool:
    """An income the report prints under its own name, said after another income (事业收入 → 其他收入) or after the
    income total (本年收入合计 → 其中财政拨款收入): a name of its own, not the fund of the last row."""
    if m.via != "exact" or not typed.endswith("收入"):
        return False
    total = re.search(r"合计|总计|总额", last.term.name)
    return "fact" in m.kinds and not total or bool(m.kinds & {"row", "column"}) and bool(re.search(r"收入(?:合计|总计|总额)", last.term.name))


def _column_of_last_table(doc: Document | None, q: Query, m: Mention, last: Query) -> bool:
    """A header that names only a column (no row, code or item), printed by the table the last row was read in
    and not one of the measure words the reader knows already: a column of that row."""
    typed = q.squashed[m.start:m.end]
    return m.kinds == {"column"} and typed not in _MEASURE_NAMES and last.table is not None and len(last.subjects) == 1 \
        and bool(last.subjects[0].kinds & set(_ROW_KINDS)) and squash(m.term.name) in _columns_of_table(doc, last.table)


def _columns_of_table(doc: Document | None, table_no: int | None) -> set[str]:
    table = next((t for t in doc.tables if t.no == table_no), None) if doc is not None and table_no is not None else None
    return {c.rsplit("/", 1)[-1].removeprefix("其中：") for c in table.columns} if table is not None else set()


# The two halves a whole is split into (基本支出 = 人员经费 + 公用经费; 支出 = 基本支出 + 项目支出).
_HALVES = ({"人员经费", "公用经费"}, {"基本支出", "项目支出"})


def _other_half(one: Mention, other: Mention) -> bool:
    """Whether two names are the two halves of one whole, either way round."""
    names = {next((h for h in half if h in t.name), None) for t in (one.term, other.term) for half in _HALVES} - {None}
    return any(names == half for half in _HALVES)


def _named_in_follow_up(filled: Query, q: Query, last: Query, doc: Document | None = None) -> list[Mention]:
    """The names of a follow-up that name something new. Scope and column words said of the last
    row (那上年结转呢, 基本支出呢) become its slots; a table named with 它 says where to read it
    (表5里它也是这个数吗); a property named with 它 (它的绩效目标表) is asked of it."""
    row_last = bool(last.subjects) and bool(last.subjects[0].kinds & set(_ROW_KINDS))
    # 其中X / 跟X对得上吗: X is a name of its own, not a column or scope of the last row
    # (上年结转比它多多少: X compared with the last subject is a name too)
    within = q.squashed.startswith(("其中", "那其中"))
    part_of = within or q.op == "check" and bool(re.match(r"(?:跟|和|与|同)", q.squashed)) \
        or q.op in ("difference", "ratio") and bool(re.search(r"比(?:它|其|这个|那个|这项|那项)", q.squashed))
    pronoun = bool(_PRONOUN.search(_without_determiners(q)))  # (那个一般公共预算支出: points at that name)
    # a figure split into this year's and carried-over parts (a subject, a column, a project list);
    # a total or a stated figure is not, so a scope word after it names the scope's own figure
    split = bool(last.subjects) and bool(last.subjects[0].kinds & {"code", "column", "list", "project", "item", "group"})
    # a table named with 又/也 or as the place asked about (表4里又是多少, 表4里呢): the last row read there
    # (a column's total too: 支出决算表里基本支出多少 → 财政拨款支出表里呢 is that column there)
    read_in = row_last or bool(last.subjects) and "column" in last.subjects[0].kinds
    again = read_in and bool(re.search(r"又|也|同样|(?:里|中|里面)呢", q.squashed))
    asks_source = pronoun or re.search(r"来源|来自|从哪", q.squashed)  # (资金来源是当年拨款还是上年结转: of the last one)
    if asks_source and re.search(r"还是|吗|是不是|是否", q.squashed) and last.subjects and q.subjects and all(
            _is(m, q, _SCOPE_NAMES) or m.term.name in _SCOPE_ROWS for m in q.subjects):
        filled.scope = None
        return []  # 它是今年新给的还是去年剩下的: which of the two its money is, asked of it
    named, measures, scopes = [], [], []
    for m in q.subjects:
        typed = q.squashed[m.start:m.end]
        quoted = re.search(f"['‘“「\"『]{re.escape(typed)}['’”」\"』]", q.text)  # (那'上年结转'呢: the name itself)
        if (not part_of or within) and split and "table" not in m.kinds and not quoted \
                and (_is(m, q, _SCOPE_NAMES) and not (typed in _MEASURE_NAMES and row_last)):
            scopes.append(m)
            continue  # 那上年结转呢 / 其中上年结转的: the scope slot says it (a split figure's part of that scope)
        coded = "code" in last.subjects[0].kinds if last.subjects else False  # (20131合计多少 其中基本支出呢: its column)
        if q.op == "share" and q.whole is None and typed in _MEASURE_NAMES and row_last and not coded \
                and last.subjects[0].kinds <= {"row", "fact", "term", "column"}:
            named.append(m)  # 本年支出合计多少？基本支出占比多少: that part of the total just asked
            filled.whole = _carried(last.subjects[0])
        elif (not part_of or coded) and typed in _MEASURE_NAMES and row_last and not quoted and not (
                last.subjects[0].kinds == {"row"} and "row" in m.kinds) and _prints_column(doc, last.subjects[0], typed, sum(h in q.squashed for h in lexicon.BASIC_HALVES) == 1) \
                and last.subjects[0].via != "whole" \
                and not q.squashed[m.end:].startswith(("合计", "总计", "总额")):  # (公用经费合计: the column's total)
            measures.append(_MEASURE_NAMES[typed])  # (本年收入合计 → 上年结转呢: a row beside it, not its column;
            # the report's total asked as a whole (一共多少钱 → 项目支出呢): the column is the report's own)
        elif _column_of_last_table(doc, q, m, last) and not quoted:
            measures.append(m.term.name)  # 其中基本建设资金支出多少: that column of the row just read in its table
        elif row_last and (typed in lexicon.FUNDS or _fund_of(typed)) \
                and not ("row" in m.kinds and last.subjects[0].kinds <= {"row", "fact", "column"}) \
                and not _income_named(m, typed, last.subjects[0]) \
                and not re.search(r"(?<!合计|总计)收入$", last.subjects[0].term.name):  # (事业收入 → 那财政拨款呢: a sibling)
            # (收入总计 其中政府性基金预算: a row; 上年结转占比… 一般公共预算拨款收入呢: another income, not a fund of it)
            filled.fund = _fund_of(typed) or typed  # 其中财政拨款(支出)多少: the last row's figure from that fund
        elif (pronoun or again) and m.kinds == {"table"}:
            filled.table = int(m.term.key)
        elif pronoun and m.kinds <= {"topic", "term", "column", "table"} and last.subjects \
                and not any(t.kind == "topic" and t.key != "绩效目标" for t in m.terms):
            continue  # 它的绩效目标表: a property of the last subject (那它的三公经费: a subject of its own)
        elif _of_project(last) and m.kinds == {"topic"} and "绩效" in m.term.name:
            continue  # 绩效表里的年度资金总额: the sheet of the project just asked
        else:
            named.append(m)
    if named and scopes and all("row" in m.kinds for m in scopes):
        named = sorted(named + scopes, key=lambda m: m.start)  # 本年收入和上年结转各多少: rows of their own
    parent = _parent_of_last(q, last)
    if parent is not None and not named:
        named = [parent]
    filled.subjects = named
    first = next((m.start for m in q.subjects if q.squashed[m.start:m.end] in _MEASURE_NAMES), None)
    if measures and first is not None and re.search(r"合计|总额|总数|一共", q.squashed[:first]):
        measures.insert(0, "合计")  # 这个款的合计、基本支出、项目支出: the row's total too
    if named and not measures and last.table is not None and _only_names(q, named) \
            and all(_printed_in(doc, last.table, m) for m in named):
        filled.table, measures = last.table, list(last.measures)  # 那X呢 after a row read in a table: X there too
    measures = measures or _columns_again(q, named, last, doc)
    if measures or (not named and not any(_is(m, q, _SCOPE_NAMES) for m in q.subjects)):
        # the columns asked last time carry to a figure asked again, not to its place or its words
        filled.measures = measures or ([] if q.cued and q.op in ("parent", "text", "define", "about", "breakdown") else last.measures)
        filled.measures = filled.measures if measures else _columns_for_whole(q, filled.measures)
    if len(named) == 1 and filled.whole is None and last.whole is not None and len(last.subjects) == 1 \
            and q.op == "value" and not q.cued and _other_half(last.subjects[0], named[0]):
        filled.whole = last.whole  # 基本支出里人员经费多少 → 公用呢: the other half, of the same whole
    return named


def _among_last(q: Query, last: Query, doc: Document | None) -> Query | None:
    """其中哪块最多 after a question naming several: ranked among those it named. 这些项目 after a count of
    projects the report states (纳入绩效目标管理的二级项目8个): the project list that has that many."""
    if q.op == "rank" and not q.subjects and len(last.subjects) >= 2 and not (q.n or q.nth and abs(q.nth) > len(last.subjects)) \
            and re.match(r"(?:那)?(?:其中|这几|这[两三四五六]|它们|这些)", q.squashed):
        return replace(q, subjects=[_carried(m) for m in last.subjects], whole=None, table=last.table, scope=last.scope)
    if doc is None or q.scope or q.subjects or not re.search(r"这些项目|这几个项目|这\d+个项目", q.squashed):
        return None
    names = {squash(t.name) for m in last.subjects + ([last.whole] if last.whole else []) for t in m.terms}
    fits = _list_of_size(doc, {f.value for f in doc.facts if f.kind == "count" and squash(f.label) in names})
    return replace(q, scope=fits, domain="projects", subjects=[], whole=None) if fits else None


def _list_of_size(doc: Document, sizes: set) -> str | None:
    """The project list (本年 or 上年结转) that alone has one of these many projects."""
    fits = [scope for scope in ("本年", "上年结转") if sum(1 for p in doc.projects if p.scope == scope) in sizes]
    return fits[0] if len(fits) == 1 else None


def _table_carried(filled: Query, q: Query, last: Query, doc: Document | None) -> int | None:
    """The table the last subject was read in, unless this question names another, says a scope that table is
    not of, or asks columns that table does not print (基本支出和项目支出呢 after a row of the income table)."""
    if filled.table is not None:
        return filled.table
    if q.scope and q.scope != last.scope and last.table is not None and doc is not None and not any(
            t.no == last.table and q.scope in t.title for t in doc.tables):
        return None  # 换成上年结转那张表，最大的是哪个 after this year's project table: the scope said picks its own
    columns = _columns_of_last_table(last, doc) if filled.measures else set()
    if columns and not all(any(w in c for c in columns) for w in filled.measures):
        return q.table
    return last.table


def _only_names(q: Query, named: list[Mention]) -> bool:
    """Nothing typed but the names and the words of a follow-up (那X呢, 下一级的X那项呢)."""
    left = strip_fillers(_mask(q.squashed, named))
    left = _DOWN.sub("", re.sub(r"^(?:换成|换到|改成|改为|换)", "", left.strip()))  # (换成X: X in place of the last)
    return not re.sub(r"[\s，,、。？?的那这项个呢吗再还有]", "", left)


def _printed_in(doc: Document | None, table_no: int, m: Mention) -> bool:
    """A code or row the table prints."""
    table = next((t for t in doc.tables if t.no == table_no), None) if doc is not None else None
    if table is None:
        return False
    keys = {squash(t.key) for t in m.terms if t.kind in ("code", "row")}
    return bool(keys) and any(r.code in keys or squash(r.name) in keys for r in table.rows)


# Which of the things just asked one after another is more of something (哪个占比高 / 哪个涨得多 / 谁变化大): not a
# superlative (哪个最多 asks a ranking of the last one's parts), and not after a list (which ranks the list).
_WHICH_OF_SWEPT = patterns.compile(rf"^[^最，,]{{0,14}}?(?:这|那)?{lexicon.WHICH_ONE}(?!最)[^最]{{0,12}}?"
                                   r"(?:多(?!少)|(?<!多)少|高|低|大|小|快|慢|增|涨|升|降|减|跌)(?![类项款块头部])")


def _which_of_swept(q: Query, last: Query) -> bool:
    return bool(_WHICH_OF_SWEPT.match(q.squashed)) and "它" not in q.squashed and 1 <= len(last.subjects) <= 2 \
        and last.op not in ("list", "breakdown", "rank", "filter", "count", "parent")


# Adding asked alone (加起来呢, 合起来是多少), naming nothing and no count.
_ADDED_ALONE = patterns.compile(r"(?:那|那么)?(?:一起|合在一起)?" + lexicon.ADDING + r"(?:呢|是多少|多少|有多少)?")
_ONE_FIGURE = {"item", "code", "row", "project"}


def _added_alone(q: Query, last: Query, earlier) -> bool:
    """加起来呢 after two figures asked one after the other, each of one thing of the same kind: those two."""
    if last is None or last.op != "value" or len(last.subjects) != 1 or not earlier \
            or not _ADDED_ALONE.fullmatch(re.sub(r"[？?。！!]", "", q.squashed)):
        return False
    kinds = last.subjects[0].kinds & _ONE_FIGURE
    return bool(kinds) and bool(earlier[-1].kinds & kinds) and earlier[-1].term.key != last.subjects[0].term.key


def _both_of_two(filled, q, last, named, earlier) -> Query | None:
    """两个差多少 / 这两个加起来 / 前者是后者的几倍: the subjects of the last two questions (后者 said first: the
    second of them first)."""
    if named or not (re.search(r"两个(?![项款类])|两者|二者|两项|这俩|两笔|前者|后者", q.squashed) or _which_of_swept(q, last)
                     or _added_alone(q, last, earlier)) \
            or not (earlier or last.subjects) or _DOWN.search(q.squashed):
        return None
    projects = last.subjects[0].of("project") if len(last.subjects) == 1 else []
    if len({t.key for t in projects}) == 2:  # 关工委的两笔: the two projects the last name stood for
        filled.subjects = [_carried(replace(last.subjects[0], terms=[t])) for t in projects]
        filled.scope = None
    elif not earlier and len(last.subjects) < 2 or not last.subjects:
        return None  # (the question before named nothing: no two to take)
    elif len(last.subjects) >= 2:  # X和Y各多少？两者差多少: the two the last question named
        filled.subjects = [_carried(m) for m in last.subjects[:2]]
    else:  # (the one before the last that is another name: a question asked twice of one name counts once)
        mine = last.subjects[0]  # (one name read in two tables is two figures)
        other = next((m for m in reversed(earlier) if m.term.key != mine.term.key or m.table != mine.table), None)
        if other is None:
            return None
        filled.subjects = [_carried(other)] + [_carried(m) for m in last.subjects[:1]]
    if re.match(r"[^前]*后者", q.squashed) and "前者" in q.squashed:
        filled.subjects = filled.subjects[::-1]  # (后者是前者的几倍)
    if q.op == "share" and q.whole is None and len(filled.subjects) == 2 and re.search(r"前者|后者", q.squashed):
        filled.whole, filled.subjects = filled.subjects[1], filled.subjects[:1]  # (后者是前者的百分之几: of the other)
    _rank(filled)
    # (哪个涨得多 / 这两项哪个增加得多: each one's figure, set side by side)
    filled.each = filled.each or bool(re.search(lexicon.WHICH_ONE + r"(?!最)", q.squashed))
    if q.op == "share" and q.whole is not None:  # 这两项加起来占X: their sum's share of X
        filled.op, filled.together = "share", bool(lexicon.ADDED.search(q.squashed))
        filled.ops = [(filled.ops[0][0] + 1, "share")] + filled.ops
    return filled


# The figures just asked, counted or pointed at (这三项, 以上几个, 它们).
_COUNTED = patterns.compile(r"(?:这|那|以上|上述|前面)?([两二三四五六七八九十几\d]{1,2})(?:项|个|笔|块|者|类|款|科目)|它们|这些|以上各项|上述各项")


def _counted_against_named(filled, q, last, named, earlier) -> Query | None:
    """这三项相加是否等于20131款: the figures the last question asked, added, against the one named
    (read where they were read)."""
    if len(named) != 1 or len(last.subjects) < 2 or q.op != "check" \
            or not re.search(r"加|之和|合计|总和|合起来", q.squashed):
        return None
    m = _COUNTED.search(chinese_numbers(q.squashed[:named[0].start]))
    parts = [s for s in last.subjects if s.kinds & {"code", "item", "project"}]  # (…的一般公共预算数: a column, no part)
    parts = parts if len(parts) >= 2 else last.subjects
    if m is None or len(parts) < 2 or m.group(1) and m.group(1).isdigit() and int(m.group(1)) != len(parts):
        return None
    filled.subjects, filled.whole = [_carried(s) for s in parts], named[0]
    filled.table = filled.table if filled.table is not None else last.table
    filled.scope = filled.scope or last.scope
    return filled


def _added_to_last(filled, q, last, named, earlier) -> Query | None:
    """再加上公积金呢: the last sum's names and the new one."""
    if not named or not re.match(r"(?:那)?(?:再)?加上?", q.squashed) or last.op not in ("sum", "value"):
        return None  # 再加上公积金呢 after a sum; 加上今年新安排的X after a figure: the two added
    filled.subjects = [_carried(m) for m in last.subjects] + named
    filled.op, filled.ops = "sum", [(100.0, "sum")] + q.ops
    return filled


def _against_last(filled, q, last, named, earlier) -> Query | None:
    """…跟公用经费合计对得上吗 / 它比法律顾问那个多多少: an operation on two figures that names one
    takes the last subject as the other, first."""
    if len(named) != 1 or not last.subjects:
        return None
    if not (q.op == "check" and re.match(r"(?:该金额|这个金额|该数|这个数|这笔钱|这笔|它)?(?:跟|和|与|同)", q.squashed)
            or q.op in ("difference", "ratio")
            or q.op == "sum" and re.match(r"(?:那)?(?:把|将|拿)?(?:它|这个|这项|该项|这笔)(?:跟|和|与|同|加上?)|(?:那)?(?:再)?(?:跟|和|与|同)", q.squashed)):
        return None  # (它跟购房补贴加起来: the last subject and the one named, added)
    before = re.search(r"比(?:它|其|这个|那个|这项|那项)", q.squashed[named[0].end:])  # (X比它多多少: X first)
    filled.subjects = named + [_carried(last.subjects[0])] if before else [_carried(last.subjects[0])] + named
    return filled


def _part_of_last(filled, q, last, named, earlier) -> Query | None:
    """其中差旅费呢: a part of what was just asked."""
    if not named or not q.squashed.startswith(("其中", "那其中")) or not last.subjects:
        return None
    whole = last.subjects[0]
    in_table = int(whole.term.key) if whole.kinds == {"table"} and len(whole.terms) == 1 else last.table
    filled.table = filled.table if filled.table is not None else in_table  # (a part is read where its whole was)
    filled.scope = filled.scope or last.scope
    if q.cued and not (q.op == "share" and q.whole is None):
        if (len(named) >= 2 and q.each or len(named) == 1 and q.op == "value" and whole.kinds & {"row", "column", "code"}) \
                and q.whole is None and whole.kinds & {"fact", "row", "column", "code"}:
            filled.whole = _carried(whole)  # 其中A和B各多少 / 其中X多少: their whole, for a share asked next (A占多大比重)
        return None
    filled.whole = _carried(last.subjects[0])
    if q.op != "share":  # (其中X占多少 / 其中X在该类中的比重: X's share of it)
        filled.op, filled.ops = "value", [(100.0, "value")] + q.ops
    return filled


def _parent_of_last(q: Query, last: Query) -> Mention | None:
    """那个款 / 这个类: the 款 or 类 of the code the last question was about."""
    m = re.search(r"(?<!占)(?:那个|这个|该|那一|这一)([类款])(?!(?:里|中|内|当中)(?:的)?占)", q.squashed)  # (占这一款, 在这一款里占:
    # the whole of its share)
    codes = [t for s in last.subjects for t in s.terms if t.kind == "code"]
    if m is None or not codes or LEVEL_WHOLE.search(q.squashed):  # (占所属那一类: the whole of its share)
        return None
    if any(x.end in (m.start(), m.start() - 1) and x.start < 10_000 for x in [*q.subjects, *([q.whole] if q.whole else [])]):
        return None  # (住房改革支出那一款: the one named is that 款)
    size = {"类": 3, "款": 5}[m.group(1)]
    code = codes[0].key[:size]
    return Mention(10_000, 10_000, [Term("code", code, code)], via="context")


def _last_name_said_on(q: Query, last: Query, doc: Document | None) -> Query | None:
    """年初预算是多少 after 一般公共预算财政拨款支出: the last name with the words typed after it is a name the
    report prints (一般公共预算财政拨款支出年初预算): that name."""
    against = q.op in ("difference", "change") and re.search(r"比(?:年初|年末)", q.squashed)
    if doc is None or q.subjects or len(last.subjects) != 1 or q.op not in ("value", "change") and not against:
        return None
    said, names = squash(last.subjects[0].term.name), vocabulary(doc).by_name
    swapped = {"年初": "年末", "年末": "年初"}  # 年初又是多少 after 年末结转和结余: the other end's row
    for typed, other in swapped.items():
        key = said.replace(other, typed, 1)
        if typed in q.squashed and other in said and key in names and not q.squashed.startswith(said):
            at = q.squashed.find(typed)
            end = Mention(at, at + len(typed), list(names[key]), 95, "exact")
            if against:  # 比年初多了多少 after 年末结转和结余: the one against the other
                return replace(q, subjects=[_carried(last.subjects[0]), end], op="difference",
                               ops=[(100.0, "difference")] + q.ops, follow_up=False)
            return replace(q, subjects=[end], op="value", ops=[(100.0, "value")] + q.ops, follow_up=False)
    for key, terms in names.items():
        rest = key[len(said):] if key.startswith(said) else ""
        at = q.squashed.find(rest) if len(rest) >= 2 else -1
        if at >= 0 and terms[0].kind in ("fact", "row", "code", "item"):
            return replace(q, subjects=[Mention(at, at + len(rest), list(terms), 95, "exact")], op="value",
                           ops=[(100.0, "value")] + q.ops, follow_up=False)
    return None


def _limit_of_last(filled: Query, q: Query, last: Query, named: list[Mention], earlier) -> Query | None:
    """它超过50万了吗 / 这个有没有超过10万: whether the one just asked passes the limit typed (a check of its figure,
    not a filter of every item)."""
    if q.op != "filter" or q.comparator is None or q.threshold is None or named or not last.subjects \
            or not _PRONOUN.search(q.squashed) or not re.search(r"吗|是否|是不是|有没有|了没|没有", q.squashed):
        return None
    return replace(filled, op="check", ops=[(100.0, "check")] + q.ops, subjects=[_carried(m) for m in last.subjects],
                   domain=None, scope=last.scope, follow_up=False)


def _carried(m: Mention) -> Mention:
    """A name carried from the last question: placed outside this question's text."""
    return replace(m, start=10_000 + m.start % 10_000, end=10_000 + m.end % 10_000, via=m.via)
