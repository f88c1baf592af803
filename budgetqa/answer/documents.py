"""Which loaded report a question is about, and what a question across reports asks.

The reports a question names are found by budgetqa.departments (an in-memory directory of the
loaded departments: fast and fuzzy). Here: the one report a question about one report is answered
from (the named department's, else the conversation's); the questions that really compare reports
(各部门, 哪个部门…最, two departments, one department's years); and what they compare (the standard
figure named, 前N, 最少, the unit, the place before 各部门).
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import LCSseq

from budgetqa import lexicon, patterns
from budgetqa.departments import Match, Named, Report, named_reports
from budgetqa.lexicon import FILLERS, SYNONYMS
from budgetqa.question.numbers import chinese_numbers
from budgetqa.question.mentions import heard_as
from budgetqa.question.query import full_mention, other_level
from budgetqa.textnorm import normalise, squash

_ORGANISATION = patterns.compile(r"([\u4e00-\u9fff]{2,14}?(?:局|委员会|委|办公室|办|厅|院|街道|大学|学校|中心|部))")
# Words shared by many departments' names: they identify nobody (places are found by their suffix).
_COMMON = ("中国共产党", "中共", "人民政府", "本级", "办事处", "委员会", "办公室")
_CITY = patterns.compile(r"^[\u4e00-\u9fff]{1,6}?(?:省|自治区|市|自治州|地区|盟)")
_DISTRICT = patterns.compile(r"^[\u4e00-\u9fff]{1,6}?(?:区|县|旗|市)")


def _distinctive(department: str) -> str:
    """A department's name without the places and words every department of them shares."""
    text = department
    for word in _COMMON:
        text = text.replace(word, "")
    city = _CITY.sub("", text, count=1)
    local = _DISTRICT.sub("", city, count=1).lstrip("委")
    text = local if len(local) >= 3 else city
    return re.sub(r"[（）()]", "", text)


_LEAD = patterns.compile(r"^(?:请问|根据|依据|按照|参照|关于|对于|在|从|查询|查|看看|看一下|看|换成|换到|换|切到|切换到?|转到|改看|再看|回到|那)+")


def strip_department(question: str, department: str, printed: list[str]) -> str:
    """The question without its mention of the report's own department (规划和自然资源局 2200150…).

    Those words say which report, not which row: left in, they match rows by accident (规划 ->
    城乡社区规划与管理). Words that are part of a name the report prints stay (党委办公厅…).
    """
    full = squash(department)
    if not full:
        return question

    def own(piece: str) -> bool:
        return LCSseq.similarity(piece, full) >= 0.8 * len(piece) and not any(piece in name for name in printed)

    text = question
    undetermined = re.sub(r"那个|这个|(?:^|(?<=[。，,！!？?\s]))(?:那么|那|这)", lambda m: " " * len(m.group(0)), question)  # (那(个)区委办公室: the name after the pointing word)
    for m in _ORGANISATION.finditer(undetermined):
        mention = full_mention(undetermined, m)
        mention = lexicon.ASKING_LEAD.sub("", _LEAD.sub("", mention))  # 根据/请问规划和自然资源局: not part of the name
        if len(mention) >= 3 and own(mention) and not other_level(mention, full):
            # (那个区委办公室今年…: the word pointing at the department goes with it)
            text = re.sub(f"(?:那个|这个|那么|咱们|我们|咱|俺们|那|这)?{re.escape(mention)}", " ", text)
    key = _distinctive(full)
    for size in range(min(len(key), 12), 2, -1):
        for i in range(len(key) - size + 1):
            piece = key[i:i + size]
            if piece in text and own(piece):
                at, rest = text.find(piece) + size, key[i + size:]
                heard = 0  # (石泉路街到: the rest of the name typed as it sounds goes with it)
                while heard < len(rest) and at + heard < len(text) and heard_as(text[at + heard], rest[heard]):
                    heard += 1
                text = text.replace(text[at - size:at + heard], " ").replace(piece, " ")
    # 这个单位 / 本单位 / 咱们单位: the department itself (not the unit of amounts, nor a unit it lists)
    text = re.sub(r"(?:这个|这|本|该|咱们|咱|我们|你们|贵)单位(?![里中]?(?:的)?(?:下属|内设|所属|有几|有哪|是什么|是啥|是元|是万元))", " ", text)
    return text if squash(text) else question




# --------------------------------------------------------------------------- which reports
class _ShortNames:
    """The loaded departments by short forms budgetqa.departments does not count as naming them: the
    start of a name without its place and ending (石泉路 for 上海市普陀区人民政府石泉路街道办事处（本级）),
    an organisation shortened inside (规划局 for 规划和自然资源局), 西大 for 西南大学."""

    def __init__(self, departments: list[str]):
        self.keys = {d: _distinctive(squash(d)) for d in departments}
        self.by_start: dict[str, list[str]] = {}
        self.by_last: dict[str, list[str]] = {}
        self.by_place: dict[str, list[str]] = {}
        for department, key in self.keys.items():
            if len(key) >= 4:  # a start of three characters, and more of the name after it
                self.by_start.setdefault(key[:3], []).append(department)
            if len(key) >= 4 and key[2] in "区县市旗":  # 屯留 for 屯留区委办公室: its place, said without 区
                self.by_place.setdefault(key[:2], []).append(department)
            if len(key) >= 3:
                self.by_last.setdefault(key[-1], []).append(department)

    def search(self, question: str, printed) -> list[tuple[str, tuple[int, int]]]:
        """(department, where the question names it), for every short form the question holds."""
        text = squash(question)
        found: dict[str, tuple[int, int]] = {}
        for m in _ORGANISATION.finditer(text):  # 规划局: the name's first and last characters, others in order
            mention = _LEAD.sub("", full_mention(text, m))
            core = _distinctive(mention)
            core = core if len(core) >= 3 else mention
            for department in self.by_last.get(core[-1], []) if len(core) >= 3 else []:
                key = self.keys[department]
                # (普陀规资局: its place said without 区 before the short form)
                bare = core[2:] if re.search(re.escape(core[:2]) + "[区县市旗]", squash(department)) else core
                if any(len(c) >= 3 and key[0] == c[0] and _in_order(c, key) for c in (core, bare)):
                    found.setdefault(department, (m.start(), m.end()))
        for i in range(len(text) - 2):  # 石泉路: the start of the name, not a printed item's words (卫生健康类)
            for department in self.by_start.get(text[i:i + 3], []):
                key = self.keys[department]
                size = 3
                while size < len(key) and i + size < len(text) and text[i + size] == key[size]:
                    size += 1
                after = text[i + size:i + size + 1]
                if after and after in "类款项支经费收" or any(key[:size] in name for name in printed()):
                    continue
                found.setdefault(department, (i, i + size))
        for i in range(len(text) - 1):  # 屯留: a place the name starts with, when no item's name holds it
            for department in self.by_place.get(text[i:i + 2], []):
                if not any(text[i:i + 2] in name for name in printed()):
                    found.setdefault(department, (i, i + 2 + (text[i + 2:i + 3] == self.keys[department][2])))
        for m in _KIND_OF_BODY.finditer(text):  # 街道, 区委办: the one loaded department of that kind
            holders = [d for d in self.keys if m.group(0) in squash(d)]
            if len(holders) == 1 and not any(m.group(0) in name for name in printed()):
                found.setdefault(holders[0], m.span())
        for m in re.finditer(r"([\u4e00-\u9fff])大(?!学|[0-9]{0,2}万|于|额|类|项|头|多|概|约|专|型|会)", text):  # 西大
            for department in self.by_last.get("学", []):
                if department.endswith("大学") and department.startswith(m.group(1)) and len(department) >= 4:
                    found.setdefault(department, (m.start(), m.end()))
        return list(found.items())


# Kinds of body a department is, said alone for the one loaded of that kind (街道 for 石泉路街道办事处).
_KIND_OF_BODY = patterns.compile(r"街道|[区县市]委办|大学")


def _in_order(short: str, name: str) -> bool:
    it = iter(name)
    return all(char in it for char in short)


_SHORT: dict[tuple, _ShortNames] = {}


def _short_names(conn: sqlite3.Connection) -> _ShortNames:
    path = conn.execute("pragma database_list").fetchone()[2] or f"memory:{id(conn)}"
    key = (path, id(conn), *conn.execute("select count(*), max(id) from documents").fetchone())
    if key not in _SHORT:
        _SHORT.clear()
        _SHORT[key] = _ShortNames([r[0] for r in conn.execute("select distinct department from documents")])
    return _SHORT[key]


_NEWEST: dict[tuple, list[int]] = {}


def newest_reports(conn: sqlite3.Connection, kind: str | None = None) -> list[int]:
    """Each department's newest report (of ``kind`` when given): 各部门 without a year."""
    path = conn.execute("pragma database_list").fetchone()[2] or f"memory:{id(conn)}"
    key = (path, id(conn), kind, *conn.execute("select count(*), max(id) from documents").fetchone())
    if key not in _NEWEST:
        _NEWEST.clear()
        where, params = ("where kind = ?", [kind]) if kind else ("", [])
        _NEWEST[key] = [r[0] for r in conn.execute(
            "select id from (select id, row_number() over (partition by department order by year desc, id desc) as n"
            f" from documents {where}) where n = 1", params)]
    return _NEWEST[key]


_MAX_SHORT = 50  # departments a short form may name (more: it names none of them in particular)


def reports_named(conn: sqlite3.Connection, question: str, printed) -> Named:
    """The reports a question names (budgetqa.departments.named_reports), with the departments its
    short forms name besides (石泉路, 规划局, 西大: 规划资源局和西大比一比). ``printed()``: the names
    the open report prints (words of an item, not of a department)."""
    named = named_reports(conn, question)
    known = {m.department for m in named.departments}
    found = [(d, span) for d, span in _short_names(conn).search(question, printed) if d not in known]
    if not found or len(found) > _MAX_SHORT:
        return named
    matches = named.departments + [Match(d, 0.5, department_reports(conn, d), span) for d, span in found]
    years = named.years
    return Named([r for m in matches for r in m.reports if not years or r.year in years], matches, years)


def report_of(conn: sqlite3.Connection, doc_id: int | None) -> Report | None:
    """The report with this id, else the newest loaded (None when none is loaded)."""
    sql = "select id, department, year, kind from documents"
    row = conn.execute(f"{sql} where id = ?", [doc_id]).fetchone() if doc_id is not None else None
    row = row or conn.execute(f"{sql} order by id desc limit 1").fetchone()
    return Report(*row) if row else None


# Departments set against each other (在全区各部门里排第几, 跟其他部门比): no one report answers that.
_AMONG_DEPARTMENTS = patterns.compile(r"(?:全区|全市|全县|全省|全国|各|所有|全部|其他|其它|别的)(?:的)?(?:各个?)?部门"
                                      r"(?:里|中|之间|当中|间)?[^，,。？?]{0,6}?(?:排|名次|第几|最|(?<!占)比(?!例|重)|谁)")


def among_departments(question: str) -> bool:
    """The question sets the department against other departments (在全区各部门里排第几)."""
    return bool(_AMONG_DEPARTMENTS.search(squash(normalise(question))))


def several_loaded(conn: sqlite3.Connection) -> bool:
    """More than one report is loaded."""
    return conn.execute("select count(*) from (select 1 from documents limit 2)").fetchone()[0] > 1


def department_reports(conn: sqlite3.Connection, department: str) -> list[Report]:
    """One department's loaded reports, by year (the index on department, year and kind)."""
    return [Report(*r) for r in conn.execute(
        "select id, department, year, kind from documents where department = ? order by year, id", [department])]


def stretches(named: Named) -> list[list[Match]]:
    """The departments named, grouped by the stretch of the question that names them (教育局 alone
    names every 教育局: one stretch; 东安县财政局和西平县教育局: two)."""
    groups: list[list[Match]] = []
    for m in named.departments:
        for group in groups:
            if any(n.span[0] < m.span[1] and m.span[0] < n.span[1] for n in group):
                group.append(m)
                break
        else:
            groups.append([m])
    return groups


_FUND_NAMES = patterns.compile(r"一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算|预算拨款|年初预算|调整预算|全年预算|预算数")


def asked_kind(question: str) -> str | None:
    """预算 or 决算 when the question names one of them only."""
    text = _FUND_NAMES.sub("", squash(question))
    final, budget = "决算" in text, "预算" in text.replace("决算", "")
    return "决算" if final and not budget else "预算" if budget and not final else None


# 比2023年增长多少: the year before the report's, which the report prints beside its own.
_CHANGE = patterns.compile(r"比|较|同比|增|减|变化|变动|上年|去年")


@dataclass
class Choice:
    """The report a question about one report is answered from, or why none is."""

    report: Report | None
    refusal: str = ""  # the named department has no report of the year asked
    others: list[str] = field(default_factory=list)  # departments the question names as well as this one


# What a question that only names another report says besides its name (那西南大学2024年决算呢, 换成2023年的呢).
_REPORT_ONLY = patterns.compile(r"(?:那|那么|再看|换成|换到|换|切换到?|看看|看一下|切到|转到|改看|回到)?(?:本级)?(?:部门|单位)?(?:的)?"
                          r"(?:决算|预算)?(?:报告)?(?:那份|这份|那本|那一份)?"
                          r"(?:的|里|中|那边|这边|呢|吧|怎么样|如何|又是多少|是多少|看|看看|来看|也|再|查一下|查查|看一下|说说|说一下)*"
                          # (…呢，也按万元说: the unit asked again, of that report)
                          r"(?:(?:也|还是|都|同样)?(?:按|用|以|换成|折成|折合)(?:万元|元|亿元)(?:说|算|表示|计|来)?(?:吧|呢)?)?")


def without_report(question: str, named: Named) -> str:
    """The question without the report it names: its departments, years and 预算/决算 (西南大学2023年决算的X
    多少 -> 的X多少)."""
    text = question
    for m in named.departments:
        text = strip_department(text, m.department, [])
    text = re.sub(r"20\d{2}\s*年?度?(?:部门|单位)?(?:决算|预算)?", "", normalise(text))
    return re.sub(r"\s+", " ", text).strip()  # (spaces kept: staff cost is two English words)


def names_report_only(question: str, named: Named) -> bool:
    """那西南大学2024年决算呢: the question names a report and asks nothing of its own (so asks what the last
    question asked, of that report); 决算里呢 names one by its kind."""
    return bool(named.departments or named.years or asked_kind(question)) and bool(
        _REPORT_ONLY.fullmatch(re.sub(r"[？?。！!，,]", "", squash(without_report(question, named)))))


# Words moving the conversation to another report (换成, 切到, 再看, 看看…的).
_SWITCHED = patterns.compile(r"换成|换到|切到|切换到?|转到|改看|再看|回到|看看|那份|那本")
# A year said of a report as a document (2023年那份, 2023年的报告).
_YEAR_REPORT = patterns.compile(r"(20\d\d)年度?(?:的)?(?:那份|这份|那本|那一份|报告)")
_KIND_NAMED = patterns.compile(r"(?:20\d\d年度?的?|换成|换到|切到|切换到|转到|改看|再看|回到|看看)(决算|预算)")


def chosen_report(question: str, named: Named, current: Report, own: list[Report], missing_year,
                  visited: list[int] = ()) -> Choice:
    """The report a question about one report is about.

    A named department's report of the year named (or the year after, which prints the year before),
    of the kind named, else its newest; the conversation's department when the question names it
    among others it does not tell apart. A question that names no department stays on the
    conversation's department: on another of its reports when it names that report's year and the
    current one does not cover it. ``missing_year(question, reports)`` says when none covers the year.
    ``visited``: the reports the conversation has been about (预算里… after one of them was the budget: that one).
    """
    years, kind = named.years, asked_kind(question)
    if not named.departments:
        dated = [r for r in own if r.year in years]
        document = _YEAR_REPORT.search(squash(question))  # (2023年那份说…比2022年: that report, not the one after it)
        covered = current.year in years or (current.year and current.year - 1 in years and _CHANGE.search(question)) \
            and not (document and int(document.group(1)) != current.year and any(r.year == int(document.group(1)) for r in own))
        if document and not covered:
            years = [int(document.group(1))]
            dated = [r for r in own if r.year in years]
        said = _KIND_NAMED.search(squash(question))  # (2024年度决算…比预算少多少: the report named is the 决算)
        kind = said.group(1) if said else kind
        other_kind = [r for r in own if r.kind == kind != current.kind and r.year in (years or [current.year])]
        if other_kind and (kind == "决算" or _SWITCHED.search(squash(question)) or any(r.id in visited for r in other_kind)):
            # 换到2024年度决算 on the 2024 budget: the outturn is in the department's 决算 of that year (a 决算
            # prints budget figures too, so 预算 moves from one only when the question says to move, or goes back
            # to a budget the conversation has read)
            return Choice(_preferred(other_kind, years or [current.year], kind))
        # (another year of the same department: of the kind the conversation is reading, unless one is named)
        return Choice(current if not years or covered or not dated else _preferred(dated, years, kind or current.kind))
    group = stretches(named)[0]
    matches = [m for m in group if m.department == current.department] or group
    best = matches[0]
    others = [m.department for m in group if m.department != best.department]
    if years and not any(r.year in years for r in best.reports):
        refusal = missing_year(question, best.reports)
        if refusal:
            return Choice(None, refusal, others)
    return Choice(_preferred(best.reports, years, kind), "", others)


def _preferred(reports: list[Report], years: list[int], kind: str | None) -> Report:
    def rank(r: Report) -> tuple:
        year = r.year or 0
        return (year in years, year + 1 in years, kind is None or r.kind == kind, year, r.id)

    return max(reports, key=rank)


# --------------------------------------------------------------------------- comparisons
# Every department: 各部门, 所有单位 … (哪个部门 and 前N个单位 ask for an order, below).
_NOT_ACROSS = patterns.compile(r"(?:下属|所属|二级|内设|基层|预算)(?:各|所有|全部)?(?:单位|部门|机构)")  # a department's own units
_N = r"[\d一二两三四五六七八九十百]{1,4}"
_EVERY = patterns.compile(r"(?:各|所有|每个|每一个|全部|全体|全|各个)(?:部门|单位)|部门间|单位间")
_WHICH = patterns.compile(rf"(?:哪个|哪些|哪几个|哪一个|哪家|哪几家|什么)(?:部门|单位)|(?:部门|单位)(?:排名|排行|排序|排第)"
                    rf"|前{_N}(?:个|名|家|位)?(?:的)?(?:部门|单位)|(?:最多|最高|最大|最少|最低|最小|第一)的(?:部门|单位)"
                    rf"|(?:部门|单位)(?:中|里)?(?:谁|哪个)")
_ORDER = patterns.compile(rf"最|前{_N}|排名|排行|排序|排第|第一|倒数|top|从高到低|从低到高|从大到小|从小到大")
_COMPARE_WORDS = patterns.compile(r"对比|比较|相比|比一比|比一下|pk|差距|谁多|谁少|谁高|谁低|哪个多|哪个少|哪个高|哪个低")
_YEARS_WORDS = patterns.compile(r"历年|逐年|各年|各年度|近几年|这几年|近年来|年度变化|变化趋势|这两年|近两年|最近两年")
_TWO_YEARS = patterns.compile(r"这两年|近两年|最近两年")


# The reports the conversation was about, counted (两家, 两个部门, 两份报告, 这三家, 几个部门; 两年 of one
# department's two years), not two units within one report (这两个单位, 两家下属单位, 下属两个单位) nor a span of
# years (近两年, 两年内). 两 said after 这/那 points at two things of one report; three or more are reports.
_VISITED = patterns.compile(r"(?<![这那属括含有])(?:(两)家(?!下属|所属)|(两)个部门|(两)份报告|(两)个报告)|(?<![前后近这那])(两年)(?![前后内以里])"
                      r"|([三四五六几])(?:家(?!下属|所属)|个部门|份报告|个报告)")
_COUNT = {"两": 2, "三": 3, "四": 4, "五": 5, "六": 6}


def both_visited(conn: sqlite3.Connection, question: str, visited: list[int]) -> Across | None:
    """两家加起来多少 / 这三家谁最多 / 两年差多少, when the conversation has been about that many reports
    (``visited``: their ids, latest last; 几家: all of them; 两年: of one department): those, the same figure
    asked of each, in order when the question asks one."""
    text = squash(normalise(question))
    said = _VISITED.search(text) if len(visited) >= 2 else None
    if said is None:
        return None
    word = next(g for g in said.groups() if g)
    count = len(visited) if word == "几" else _COUNT.get(word[0], 2)
    if count > len(visited):
        return None
    reports = [report_of(conn, i) for i in visited[-count:]]
    same = len({r.department for r in reports}) == 1
    if said.group(5) and not (same and len({r.year for r in reports}) == count):
        return None
    ordered = count > 2 and bool(_ORDER.search(text) or re.search(r"谁|哪家|哪个", text))
    return Across("years" if same else "named", reports[0].department if same else "", reports, ordered=ordered)


# One year's 预算 set against its 决算 (决算比预算少多少, 比当年预算呢 asked of a 决算): the department's two
# reports of that year. (年初预算, 预算数: columns a 决算 prints itself; 一般公共预算: a fund, not the report.)
_OTHER_KIND = {"预算": "决算", "决算": "预算"}


def _budget_and_final(text: str, current: Report, reports: list[Report], years: list[int]) -> list[Report] | None:
    year = years[0] if years else current.year
    pair = [next((r for r in reports if r.year == year and r.kind == kind), None) for kind in ("预算", "决算")]
    if None in pair:
        return None
    text = _FUND_NAMES.sub("", text)
    other = _OTHER_KIND.get(current.kind, "")
    said = "预算" in text and "决算" in text or bool(other) and bool(
        re.search(rf"比(?:当年|同年|今年|本年|该年|同一年)?(?:的)?{other}(?:报告)?(?:里|中|的)?(?:多|少|高|低|差|超|增|减)", text))
    return pair if said else None


# A figure set against another year's (比2021年预算多出多少, 跟2021年比增长了多少).
_AGAINST_YEAR = patterns.compile(r"(?:比|较|跟|和|与|同)(?:20)?\d\d年[^，,。？?]{0,8}?(?:多|少|增|减|涨|降|变|差|高|低|相比|比)")


@dataclass
class Across:
    """A question across reports: which reports, and how they are compared."""

    scope: str  # "every" (every department), "named" (several departments), "years" (one department's years)
    department: str = ""  # for "years"
    reports: list[Report] = field(default_factory=list)  # the reports named ("named", "years")
    ordered: bool = False  # asks for an order (哪个…最, 前N)
    others: list[str] = field(default_factory=list)  # departments a name fits as well as the one taken


# The report open in the conversation, pointed at (这份说明, 本报告).
_THIS_REPORT = patterns.compile(r"(?:这|本|此)(?:份|个|一份)?(?:报告|说明|决算|预算|文件|材料)|这份")


def wants_comparison(question: str, named: Named, current: Report, own: list[Report]) -> Across | None:
    """The comparison a question asks across reports, or None for a question about one report.

    Every department: 各部门, 哪个部门/单位…最, 前N个部门. Several departments: two named apart
    (东安县财政局和西平县教育局), or one name several departments share with 对比/比较. One
    department's years (the one named, else the conversation's): 历年/逐年, two or more years named,
    这两年 — when two of its reports are loaded. Not 项目期几年, not a department and one year.
    """
    text = squash(normalise(question))
    for m in named.departments:  # the names themselves say nothing about comparing (卫生健康委员会 …)
        text = text.replace(squash(m.department), " ")
    text = _NOT_ACROSS.sub(" ", text)
    if _EVERY.search(text) or (_WHICH.search(text) and _ORDER.search(text)):
        return Across("every", ordered=bool(_ORDER.search(text)))
    groups = stretches(named)
    years = named.years
    # Each stretch names one department: the conversation's when it is among those the name fits.
    taken = [next((m for m in group if m.department == current.department), group[0]) for group in groups]
    others = [m.department for group, best in zip(groups, taken) for m in group if m is not best]
    if len(groups) >= 2 or (groups and len(groups[0]) >= 2 and _COMPARE_WORDS.search(text)):
        chosen = taken if len(groups) >= 2 else groups[0]
        reports = [r for m in chosen for r in m.reports if not years or r.year in years]
        if len({r.department for r in reports}) >= 2:
            return Across("named", reports=reports, ordered=bool(_ORDER.search(text)),
                          others=others if len(groups) >= 2 else [])
    department, reports = (taken[0].department, taken[0].reports) if groups else (current.department, own)
    if current.year and sorted(years) == [current.year - 1, current.year] and _THIS_REPORT.search(text):
        return None  # 24年这份说明里比2023年增加多少: this report, and the year before it prints beside its own
    if len(years) <= 1 and (pair := _budget_and_final(text, current, reports, years)) is not None:
        return Across("years", department, pair, others=others)
    if len(years) == 1 and current.year and years[0] not in (current.year, current.year - 1) \
            and department == current.department and _AGAINST_YEAR.search(text):
        # 比2021年预算多出多少, asked of the 2024 budget: a year the report cannot print beside its own, set against it
        kinds = [k for k in ("预算", "决算") if k in text] or [current.kind]
        dated = [r for r in reports if r.year == years[0] and r.kind == kinds[0]]
        if dated:
            return Across("years", department, [dated[0], current], others=others)
    if len(years) >= 2:
        dated = [r for r in reports if r.year in years]
        kinds = [k for k in ("预算", "决算") if k in text]
        if len(kinds) == 1:  # (2024年度部门决算…比2023年: the 决算 of those years, not the same year's 预算 beside it)
            dated = [r for r in dated if r.kind == kinds[0]]
        elif not kinds:  # (24年那份呢？比21年多了多少, asked of a 预算: of each year, the report of its kind)
            dated = [r for r in dated if r.kind == current.kind
                     or not any(o.year == r.year and o.kind == current.kind for o in dated)]
        if len({r.year for r in dated}) >= 2:
            return Across("years", department, dated, others=others)
    elif not years and _YEARS_WORDS.search(text) and len(reports) >= 2:
        if _TWO_YEARS.search(text):
            anchor = current.year if current.department == department and current.year else max(r.year or 0 for r in reports)
            reports = [r for r in reports if r.year in (anchor - 1, anchor)]
            if len({r.year for r in reports}) < 2:
                return None
        return Across("years", department, reports, others=others)
    return None


# --------------------------------------------------------------------------- what is compared
@lru_cache(maxsize=1)
def _figure_words() -> list[tuple[str, str]]:
    """(word as squashed, standard figure): the figures' own names, then the lexicon's words for them,
    longest first."""
    from budgetqa.standard import FIGURES  # budgetqa.standard reads figures through this package

    keys = {squash(f): f for f in FIGURES}
    words = dict(keys)
    for word, names in SYNONYMS.items():
        figure = next((keys[squash(n)] for n in names if squash(n) in keys), None)
        if figure and squash(word) not in words:
            words[squash(word)] = figure
    return sorted(words.items(), key=lambda item: -len(item[0]))


# A fund before a figure (财政拨款的人员经费) asks for part of it: not the standard figure.
_FUND = patterns.compile(r"(?:财政拨款|一般公共预算|政府性基金|国有资本经营|财政专户|单位资金|事业收入)(?:的|中|里|安排)?$")
# Words that say which reports or how to compare, not which figure.
_CUES = patterns.compile(r"各个|各|所有|每个|每一个|全部|全体|部门|单位|哪个|哪些|哪几个|哪一个|哪家|哪几家|前[\d]{1,3}(?:个|名|家|位)?"
                   r"|对比|比较|相比|比一比|比一下|排名|排行|排序|排第|第一|倒数|最多|最高|最大|最少|最低|最小|从高到低|从低到高"
                   r"|历年|逐年|各年|每年|近几年|这几年|这两年|近两年|情况|变化|趋势|多少|合计|一共|总共|总额|总和|加起来|汇总|共计|平均"
                   r"|报告|数据|谁|多|少|高|低|大|小|列出|看看|年度|年|的|和|与|跟|同|及|、|是|呢|吗|怎么样|如何|top|pk")
# Said of money in general (哪个部门花钱最多): the whole of it.
MONEY_WORDS = {"支出": "支出总计", "花钱": "支出总计", "花的钱": "支出总计", "开支": "支出总计", "经费": "支出总计", "钱": "支出总计",
          "预算": "支出总计", "规模": "支出总计", "预算规模": "支出总计", "收入": "收入总计"}


def figures_named(question: str) -> tuple[list[str], bool]:
    """(the standard figures a question names, in the order named; whether it names something else —
    another figure, or a standard one narrowed to a fund)."""
    text = squash(normalise(question))
    taken = [False] * len(text)
    found: list[tuple[int, str]] = []
    narrowed = False
    for word, figure in _figure_words():
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            if not any(taken[start:end]):
                taken[start:end] = [True] * len(word)
                if _FUND.search(text[:start]):
                    narrowed = True
                else:
                    found.append((start, figure))
            start = text.find(word, end)
    figures = list(dict.fromkeys(f for _, f in sorted(found)))
    return figures, narrowed


def residue(question: str, named: Named) -> str:
    """What the question asks besides reports, years, figures and comparison words ('' when nothing)."""
    text = question
    for m in named.departments:
        text = strip_department(text, m.department, [])
    text = squash(normalise(text))
    text = re.sub(r"20\d{2}年?度?|\d{1,3}", " ", chinese_numbers(text))
    for word, _ in _figure_words():
        text = text.replace(word, " ")
    text = _CUES.sub(" ", text)
    for word in sorted(FILLERS, key=len, reverse=True):
        text = text.replace(word, " ")
    return re.sub(r"\s+", "", text)


def order_asked(question: str) -> tuple[int | None, bool]:
    """(n of 前N / 后N, None when not given; whether the smallest come first)."""
    text = chinese_numbers(squash(normalise(question)))
    ascending = bool(re.search(r"最少|最低|最小|倒数|从低到高|从小到大|由低到高|由小到大|(?<!以)后\d", text))
    m = re.search(r"(?:前|top|排名前|最高的|最大的|最多的|最少的|最低的|最小的|后|倒数)(\d{1,3})(?!\d|年)", text)
    return (int(m.group(1)) if m else None), ascending


def unit_asked(question: str) -> str:
    return "元" if re.search(r"多少元|以元为单位|按元|折合元|换成元|元为单位", squash(question)) else "万元"


# 普陀区各部门, 江城市东安县所有单位: the departments of a place.
_PLACE_EVERY = patterns.compile(r"((?:[\u4e00-\u9fff]{1,6}?(?:省|自治区|市|州|地区|盟|区|县|旗))+)(?:的)?(?:各|所有|每个|每一个|全部|全)(?:部门|单位)")


def place_reports(conn, question: str) -> tuple[str, list[int] | None]:
    """(the place a question puts before 各部门, the ids of the reports whose department holds it)."""
    text = re.sub(r"20\d{2}年?度?", " ", squash(normalise(question)))
    m = _PLACE_EVERY.search(text)
    place = m.group(1) if m else ""
    while len(place) >= 2:  # 请问普陀区各部门: the place is the end of the words before 各部门
        ids = [r[0] for r in conn.execute("select id from documents where department like ?", [f"%{place}%"])]
        if ids:
            return place, ids
        place = place[1:]
    return "", None
