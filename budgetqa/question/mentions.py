"""Find what a question names: codes, tables, printed names, synonyms, partial and misspelt names.

Names are found in the squashed question (no punctuation, simplified, lower case): exactly first,
then through the lexicon's synonyms, then as part of a longer printed name (画报 -> 山西画报订阅费用),
then for typos by the longest common subsequence, which must explain most of what was typed. A
stretch of the question may name several things (一般行政管理事务 is printed under two codes):
they stay together as one mention with several terms, the most likely first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import re
from functools import lru_cache
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from budgetqa import lexicon, patterns
from budgetqa.models import Document
from budgetqa.question.vocabulary import Term, Vocabulary
from budgetqa.textnorm import character_pinyin, squash

_GENERIC = set("费支出经项目资金预算收入合计年度元万的和及与")
_GENERIC_TAILS = {"支出", "经费", "费用", "费", "资金", "预算", "收入", "支出数", "预算数"}
_PARTIAL_KINDS = ("project", "target", "code", "item", "term", "unit", "fact", "row", "asset")
_LIST_BREAK = patterns.compile(r"[和与及、跟同]|[两三四五六七八九十几]个|[两三四五六七八九十几]项")
_CN_ORDINAL = "一二三四五六七八九十"
_TABLE_REF = patterns.compile(
    rf"(?:公开|预算公开|部门预算|决算公开)?表\s*(?:([{_CN_ORDINAL}]{{1,3}})(?![共起样般些直致下定时个张家成])|(\d{{1,2}})(?!\d))"
    rf"|第([{_CN_ORDINAL}\d]{{1,3}})张(?:(?:公开|预算|决算|报)?表|(?=叫|名|标题|是(?:什么|啥|哪)))|公开(\d{{1,2}})表")


@dataclass
class Mention:
    """A stretch of the question that names one thing (or several candidates for it)."""

    start: int
    end: int
    terms: list[Term]
    score: float = 100
    via: str = "exact"  # exact, synonym, partial, fuzzy
    scope: str | None = None  # the scope typed right before it (本年的…, 上年结转的…)
    table: int | None = None  # the table typed right before it (表五项目支出)
    fund: str | None = None  # the fund typed right before it (财政拨款安排的高等教育支出)

    @property
    def kinds(self) -> set[str]:
        return {t.kind for t in self.terms}

    @property
    def term(self) -> Term:
        """The most likely reading."""
        return self.terms[0]

    def of(self, *kinds: str) -> list[Term]:
        return [t for t in self.terms if t.kind in kinds]


@dataclass
class Found:
    """Every mention of a question, in order."""

    mentions: list[Mention] = field(default_factory=list)


def find_mentions(squashed: str, spaced: str, v: Vocabulary, doc: Document) -> list[Mention]:
    """The names in a question, longest readings kept, in question order."""
    found: list[Mention] = []
    found += _codes(squashed, v)
    found += _tables(squashed, doc)
    found += _titles_of_two(squashed, _exact(squashed, v), v)
    found += _synonyms(squashed, v, found)
    found += _purposes(squashed, v, found)
    found = [m for m in found if not _opens_longer(m, squashed, v)]
    exact = [m for m in found if m.via == "exact"]
    residue = spaced
    for m in sorted(exact, key=lambda m: m.start - m.end):
        residue = residue.replace(squashed[m.start:m.end], " ")
    residue = strip_fillers(residue, v)
    found += _partial(residue, squashed, v)
    found += _extended(residue, squashed, v, exact)
    found += _fuzzy(residue, squashed, v, found)
    unprinted = [m for m in found if m.via == "unprinted"]  # (said apart: they compete with no name found)
    found = _longest([m for m in found if m.via != "unprinted"], squashed)
    found += [m for m in unprinted if not any(o.start < m.end and m.start < o.end for o in found)]
    return sorted(found, key=lambda m: (m.start, -m.score))


# What a figure's label may say after its name (工程采购 of 工程采购金额).
_LABEL_TAIL = r"(?:金额|总额|预算数?|决算数?|数额|合计|支出|数)"


def _opens_longer(m: Mention, squashed: str, v: Vocabulary) -> bool:
    """A short name typed as the end of the words that open a longer one (工程采购 holds 采购, and opens
    工程采购金额): the short one is not what was meant."""
    if m.via != "exact" or m.end - m.start > 2:
        return False
    for size in (2, 3, 4):
        piece = squashed[max(0, m.start - size):m.end]
        if len(piece) == size + m.end - m.start and any(
                re.fullmatch(re.escape(piece) + _LABEL_TAIL, key) for key in v.pieces.get(piece, ())):
            return True
    return False


# A code of the departmental economic classification typed (302, 30201), not an amount or a count.
ECONOMIC_CODE = patterns.compile(r"(?<![\d.])(3\d{2}(?:\d\d)?)(?![\d.]|年|%|万|元|个|项|张|名|人|条|辆)")


def _codes(squashed: str, v: Vocabulary) -> list[Mention]:
    """Classification codes, typed whole (2013105) or split into 类 款 项 (201 31 05)."""
    out = []
    for m in re.finditer(r"(?<![\d.])(\d{3})(?: (\d{2}))?(?: (\d{2}))?(?![\d.]|年(?!初)|%)", squashed):
        code = "".join(g for g in m.groups() if g)
        if code in v.codes:
            out.append(Mention(m.start(), m.end(), [v.codes[code]]))
    for m in re.finditer(r"(?<![\d.])(\d{5}|\d{7})(?![\d.]|年(?!初)|%)", squashed):
        if m.group(1) in v.codes:
            out.append(Mention(m.start(), m.end(), [v.codes[m.group(1)]]))
    for m in ECONOMIC_CODE.finditer(squashed):
        name = lexicon.ECONOMIC_CODES.get(m.group(1))  # (30201 of a report that prints 办公费 without its code)
        if name is not None and m.group(1) not in v.codes and (terms := v.by_name.get(squash(name))):
            out.append(Mention(m.start(), m.end(), list(terms), via="code"))
    for m in re.finditer(r"(?<![\d.])(\d{3,6})(?=" + lexicon.CODE_OPENING + ")", squashed):
        tops = _codes_opened(m.group(1), v)
        if tops != [m.group(1)]:
            out += [Mention(m.start(), m.end(), [v.codes[top]], via="code") for top in tops]
    return out


def _codes_opened(digits: str, v: Vocabulary) -> list[str]:
    """The codes every code opening with the digits lies under, each one of them (2101 -> 21011,
    2013 -> 20131, 20132); none when the digits open no code or codes of more than three."""
    opened = sorted((c for c in v.codes if c.startswith(digits)), key=len)
    tops = [c for c in opened if not any(c != o and c.startswith(o) for o in opened)]
    return tops if len(tops) <= 3 else []


# What a table title says before its name that does not qualify it (the year, 预算/决算, 部门/单位).
_TITLE_QUALIFIER = patterns.compile(r"\d{4}年度?|预算|决算|部门|单位|本级|公开")


def _tables(squashed: str, doc: Document) -> list[Mention]:
    """表五 / 表5 / 公开05表 / 第五张表, and a table named by the end of its title (基本支出决算表)."""
    from budgetqa.textnorm import chinese_ordinal

    numbers = {t.no: t for t in doc.tables}
    out = []
    for m in _TABLE_REF.finditer(squashed):
        raw = next(g for g in m.groups() if g)
        if not raw.isdigit() and m.start() and squashed[m.start() - 1] in "总算细览计" and m.group(0).startswith("表"):
            continue  # 收支决算总表 “六、其他收入”: a title's last word, then a row's ordinal
        no = int(raw) if raw.isdigit() else chinese_ordinal(raw)
        if no in numbers:
            out.append(Mention(m.start(), m.end(), [Term("table", str(no), numbers[no].title)]))
    titles = {t.no: squash(re.sub(r"[（(][^）)]*[）)]$", "", t.title)) for t in doc.tables} \
        if "表" in squashed or "合计" in squashed or "总计" in squashed else {}
    for m in re.finditer("合计|总计", squashed):  # 财政拨款支出决算合计: a title said without 表, and its total
        for start in range(max(0, m.start() - 16), m.start() - 3):
            owners = [no for no, title in titles.items() if title.endswith(squashed[start:m.start()] + "表")]
            if len(owners) == 1 and not any(o.start <= start < o.end for o in out):
                out.append(Mention(start, m.start(), [Term("table", str(owners[0]), numbers[owners[0]].title)], 96))
                break
    if "表" in squashed:
        whole = {t.no: squash(t.title) for t in doc.tables}
        for m in re.finditer("表", squashed):
            for start in range(max(0, m.start() - 14), m.start() - 1):
                typed = squashed[start:m.start()]
                pieces = [p for p in _POINTING.split(typed) if p]
                if len(pieces) > 1 or pieces and pieces[0] != typed:
                    # 基本支出分经济科目的那张表 / 上年结转那张项目表: the words around 那张 all in one title
                    owners = [no for no, title in whole.items() if all(len(p) >= 2 and p in title for p in pieces)]
                elif len(typed) < 3:
                    continue
                else:
                    owners = [no for no, title in titles.items() if title.endswith(typed + "表")] or \
                             [no for no, title in titles.items() if len(typed) >= 4 and typed in title] or \
                             [no for no, title in titles.items() if len(typed) >= 5 and LCSseq.similarity(typed, title) == len(typed)]
                end = m.end()
                if len(owners) > 1:  # 项目支出预算表（上年结转）: the one whose title ends in the words typed after 表
                    tail = [no for no in owners if (rest := whole[no][len(titles[no]):]) and squashed.startswith(rest, m.end())]
                    if len(tail) == 1:
                        owners, end = tail, m.end() + len(whole[tail[0]]) - len(titles[tail[0]])
                if len(owners) > 1:  # 收支总表: the plain one (预算收支总表), not 财政拨款收支总表
                    bare = [no for no in owners if titles[no].endswith(typed + "表") and not _TITLE_QUALIFIER.sub(
                        "", titles[no][:-len(typed) - 1])]
                    owners = bare if len(bare) == 1 else owners
                if len(owners) == 1:  # 基本支出决算表 / 三公经费表: the one table whose title says so
                    out.append(Mention(start, end, [Term("table", str(owners[0]), numbers[owners[0]].title)], 96))
                    break
    return out


# Words pointing at a table rather than naming it (基本支出那张表, 上年结转的那个项目表).
_POINTING = patterns.compile(r"(?:的)?(?:那|这)(?:一)?(?:张|个|份)?|里(?:的)?|中的")


def _titles_of_two(squashed: str, exact: list[Mention], v: Vocabulary) -> list[Mention]:
    """三公经费和机关运行经费各多少: a table's title said without 表 that is two names joined by 和 (与, 及, 、)
    names those two, when each is a printed name of its own; asked with 表, it is the table."""
    out = []
    for m in exact:
        typed = squashed[m.start:m.end]
        parts = re.split(r"和|与|及|、", typed)
        said_table = "表" in typed or re.match(r"(?:的)?(?:预算|决算)?(?:明细)?表", squashed[m.end:])
        if m.kinds != {"table"} or said_table or len(parts) < 2 \
                or not all(any(t.kind != "table" for t in v.by_name.get(p, ())) for p in parts):
            out.append(m)
            continue
        at = m.start
        for p in parts:
            out.append(Mention(at, at + len(p), [t for t in v.by_name[p] if t.kind != "table"]))
            at += len(p) + 1
    return out


def _exact(squashed: str, v: Vocabulary) -> list[Mention]:
    """Printed names typed as printed (also with a 的 typed inside a long name)."""
    out = []
    for key, terms in v.longest_first:
        start = squashed.find(key)
        while start >= 0:
            out.append(Mention(start, start + len(key), list(terms)))
            start = squashed.find(key, start + 1)
    if "的" in squashed:
        kept = [i for i, ch in enumerate(squashed) if ch != "的"]
        lite = "".join(squashed[i] for i in kept)
        for key, terms in v.longest_first:
            if len(key) < 6 or "的" in key:
                continue
            start = lite.find(key)
            while start >= 0:
                first, last = kept[start], kept[start + len(key) - 1] + 1
                if "的" in squashed[first:last]:
                    out.append(Mention(first, last, list(terms)))
                start = lite.find(key, start + 1)
    return out


def _synonyms(squashed: str, v: Vocabulary, found: list[Mention]) -> list[Mention]:
    """Words of the lexicon for printed names (公积金, 社保, 去年剩下), unless they straddle a name."""
    out = []
    for alias in sorted(v.synonyms, key=len, reverse=True):
        start = squashed.find(alias)
        if start < 0 or any(m.start < start < m.end < start + len(alias) for m in found):
            continue
        out.append(Mention(start, start + len(alias), list(v.synonyms[alias]), 95, "synonym"))
    return out


def _purposes(squashed: str, v: Vocabulary, found: list[Mention]) -> list[Mention]:
    """Things the narrative says a code's money is for, typed whole or in good part (风貌提升工程 of
    武宁路沿线风貌提升工程): that code, where the words name nothing the report prints (a project's words
    name the project)."""
    out: list[Mention] = []
    if not v.purposes:
        return out
    named = [m for m in found if m.kinds - {"topic"} and m.via != "synonym"]
    start = 0
    while start <= len(squashed) - 4:
        for end in range(min(len(squashed), start + 16), start + 3, -1):
            holders = v.purpose_pieces.get(squashed[start:end])
            if holders and not any(m.start < end and start < m.end for m in named) \
                    and not any(t.kind in ("project", "target") for key in v.pieces.get(squashed[start:end], ())
                                for t in v.by_name[key]) \
                    and (any(end - start >= min(6, len(h)) or 2 * (end - start) >= len(h) for h in holders)
                         or len(holders) == 1 and squashed[start:end] not in v.pieces):  # (风貌提升: one purpose's own words)
                terms = list(dict.fromkeys(t for h in holders for t in v.purposes[h]))
                out.append(Mention(start, end, terms, 90, "purpose"))
                start = end - 1
                break
        start += 1
    return out


_FILLERS_LONGEST_FIRST = sorted(lexicon.FILLERS, key=len, reverse=True)


def strip_fillers(text: str, v: Vocabulary | None = None) -> str:
    """Text without the words that say nothing about what is asked (and without numbers). With the report's
    vocabulary, a stretch of four or more characters that is part of a printed name keeps its filler
    characters (通用设备 of 价值50万元以上通用设备 keeps its 用)."""
    kept = _name_stretches(text, v) if v is not None else []
    pieces = re.split("(" + "|".join(map(re.escape, kept)) + ")", text) if kept else [text]
    out = []
    for i, piece in enumerate(pieces):
        if i % 2 == 0:
            for word in _FILLERS_LONGEST_FIRST:
                piece = piece.replace(word, " ")
        out.append(f" {piece} " if i % 2 else piece)
    text = re.sub(r"[\d.%]+", " ", "".join(out))
    return re.sub(r"\s+", " ", text).strip()


_ONE_CHARACTER_FILLERS = frozenset(w for w in lexicon.FILLERS if len(w) == 1)
# The one-character fillers that are words of names as well (通用, 费用, 附加, 能源), not words of grammar (的, 和).
_NAME_FILLERS = _ONE_CHARACTER_FILLERS - set("的了和与及是在这那里都还吗吧呀呢啊嗯我咱各几有跟较为按请给")


def _name_stretches(text: str, v: Vocabulary) -> list[str]:
    """The longest stretches (4 to 10 characters) of the text that are part of a printed name and hold inside them
    a one-character filler that is a word of names too (the 用 of 通用设备; not the 的 of 安排的支出)."""
    found, i = [], 0
    while i < len(text):
        j = next((j for j in range(min(len(text), i + 10), i + 3, -1) if text[i:j] in v.pieces), None)
        stretch = text[i:j] if j is not None else ""
        said = re.sub(r"万元|万|元|以上|以下|以内|金额", "", "".join(c for c in stretch if c not in _ONE_CHARACTER_FILLERS))
        if j is not None and any(c in _NAME_FILLERS for c in stretch[1:-1]) and len(said) >= 3:
            found.append(text[i:j])
            i = j
        else:
            i += 1
    return found


def _words(residue: str) -> list[str]:
    return [w for word in residue.split(" ")
            for w in ([word] + (_LIST_BREAK.split(word) if _LIST_BREAK.search(word) else []))]


def _partial(residue: str, squashed: str, v: Vocabulary) -> list[Mention]:
    """A short word that is part of a few names (画报 -> 山西画报订阅费用; 关工委 -> two projects),
    also when more is typed around it (卫生健康类下面 holds 卫生健康 of 卫生健康支出)."""
    out = []
    for word in _words(residue):
        found = _longest_piece(word, v)
        if found is None:
            continue
        piece, keys = found
        hits = {t for key in keys if key != piece for t in v.by_name[key]
                if t.kind in _PARTIAL_KINDS and (t.kind != "fact" or len(piece) >= 5
                                                 or len(piece) >= 4 and re.fullmatch(re.escape(piece) + _LABEL_TAIL, key))}
        start = squashed.find(piece)
        if len({t.name for t in hits}) > 6:  # 财政拨款 of many names: the one it opens with a word more (财政拨款收入)
            close = [key for key in keys if key.startswith(piece) and 0 < len(key) - len(piece) <= 2]
            hits = {t for key in close for t in v.by_name[key] if t.kind in _PARTIAL_KINDS} if len(close) <= 2 else set()
        if hits and _qualified_otherwise(word[:word.find(piece)], piece, hits) and (at := squashed.find(word)) >= 0:
            # (a name the report does not print: read(), which says so, takes it out)
            out.append(Mention(at, at + word.find(piece) + len(piece), sorted(hits, key=lambda t: t.name), 0, "unprinted"))
            continue
        if hits and len({t.name for t in hits}) <= 6 and start >= 0:
            terms = sorted(hits, key=lambda t: (_PARTIAL_KINDS.index(t.kind), len(t.name)))
            out.append(Mention(start, start + len(piece), terms, 90, "partial"))
    return out


# Typed before a piece of a name, words that say when, which or what to do (今年的, 2024年, 这个, 看看) rather than what.
_NOT_QUALIFYING = set("0123456789年度今本上去明当该此这那个项笔块份种类看查问说讲算找列给请想知道")


def _qualified_otherwise(before: str, piece: str, hits: set[Term]) -> bool:
    """Whether a word typed with another head before the tail of names (党报党刊订阅费, 人民日报订阅费 against
    山西画报订阅费用) names another thing: every name ends with the piece (but for generic characters) after a
    head of its own, and the two characters typed just before the piece are held by none of the names and are
    no function, time or asking word. A piece that opens or is inside a name (国家财政拨款, 区委办法律顾问) is
    that name with more said."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{2}", before[-2:]):
        return False  # (letters may be a name's initials: fl顾问费)
    for t in hits:
        head, _, after = t.name.rpartition(piece)
        if set(after) - _GENERIC - {"用"} or len(set(re.sub(r"^\d{4}年度?", "", head)) - _GENERIC) < 2:
            return False
    held = set().union(*(t.name for t in hits))
    return not set(before[-2:]) & (held | _SAID_AROUND_NAMES | _NOT_QUALIFYING)


def _longest_piece(word: str, v: Vocabulary) -> tuple[str, list[str]] | None:
    """The longest stretch of a typed word that is part of some names (and says something)."""
    word = word[:16]
    for size in range(min(len(word), 10), 1 if len(word) <= 4 else 2, -1):
        for i in range(len(word) - size + 1):
            piece = word[i:i + size]
            if len(set(piece) - _GENERIC) < 2 or piece in lexicon.COMMON_WORDS:
                continue
            keys = v.pieces.get(piece)
            if keys and (size > 2 or len(word) == 2 or len(keys) <= 2):
                return piece, keys  # two characters of a longer word only when they are rare (订画报)
    return None


def _extended(residue: str, squashed: str, v: Vocabulary, exact: list[Mention]) -> list[Mention]:
    """A printed name typed with a word more (政府采购服务 for 政府采购服务预算, 政府采购总额 for
    政府采购预算总额): the name found and the word after it, when a longer name holds them all in order."""
    out, known = [], {}  # (a stretch typed again is looked up once: a pasted question repeats itself)
    for word in _words(residue):
        if len(word) < 2:
            continue
        for m in exact:
            if squashed[m.end:m.end + len(word)] != word:
                continue
            typed = squashed[m.start:m.end + len(word)]
            if typed not in known:
                known[typed] = _longer_names(typed, v)
            if known[typed]:
                out.append(Mention(m.start, m.end + len(word), known[typed], 93, "partial"))
    return out


def _longer_names(typed: str, v: Vocabulary) -> list[Term]:
    """The names that hold every character typed in order (or all but one of four or more), closest length first."""
    missed = 1 if len(typed) >= 4 else 0  # one character mistyped (绩效工姿)
    hits = [((common == len(typed), len(typed) / len(key)), t) for key, terms in v.by_name.items()
            if len(key) > len(typed) - 2 and (common := LCSseq.similarity(typed, key)) >= len(typed) - missed
            and len(typed) / len(key) >= 0.6 and key.startswith(typed[:2])
            for t in terms if t.kind not in ("table", "department")]
    if not hits:
        return []
    best = max(h[0] for h in hits)  # every character typed first, then the closest length
    return list(dict.fromkeys(t for r, t in sorted(hits, key=lambda h: h[0], reverse=True)
                              if r[0] == best[0] and r[1] >= best[1] - 0.05))


def _fuzzy(residue: str, squashed: str, v: Vocabulary, found: list[Mention]) -> list[Mention]:
    """Names typed with a typo or missing characters (山西画抱, 乡镇档按室建设, 职工医保缴费).

    The score is the longest common subsequence of the typed word and a name, relative to the
    word (how much of what was typed the name explains) and to the name (how much of it was
    typed); both must be high, so a shared 费 or 支出 never makes a match.
    """
    out = []
    taken = {t for m in found if m.via == "exact" for t in m.terms}
    for word in residue.split(" "):
        word = word.strip("中里的在和与及是")  # 表十二中信息化中心: the 中 belongs to the table
        core = set(word) - _GENERIC
        start = squashed.find(word)
        if len(word) < 3 or len(core) < 2 or start < 0:
            continue
        scored = []
        for key, terms in v.by_name.items():
            if len(key) < 3:
                continue
            common = LCSseq.similarity(word, key)
            if common < 3 or common / len(word) < 0.75:
                continue
            # 视频会议线路租赁 for a long name; 发改中心 for 发展改革研究中心…: every character in order, the
            # first opening the name and the last two printed together
            abbreviated = common == len(word) and (len(word) >= 6 and word[:3] in key or len(word) >= 4
                                                   and re.sub(r"^\d{4}年度?", "", key).startswith(word[0])
                                                   and word[-2:] in key)
            if common / len(key) < 0.5 and fuzz.partial_ratio(word, key) < 70 and not abbreviated:
                continue  # the shared characters are scattered over a long name
            if len(core & set(key)) < max(2, len(core) * 0.6):
                continue
            score = 100 * (0.6 * common / len(word) + 0.4 * max(common / len(key), 0.5 if abbreviated else 0))
            scored += [(score, t) for t in terms if t not in taken and t.kind not in ("table", "department")]
        if not scored:
            continue
        scored.sort(key=lambda s: -s[0])
        best = scored[0][0]
        terms = list(dict.fromkeys(t for s, t in scored[:6] if s >= best - 4))
        if all(t.kind == "term" for t in terms):  # a word the report explains: the closest name with a figure too
            terms += list(dict.fromkeys(t for s, t in scored if t.kind != "term" and s >= best - 15))[:2]
        end = _asking_tail(squashed, start, start + len(word), squash(terms[0].name))
        out.append(Mention(start, end, terms, best * 0.95, "fuzzy"))
    return out


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    from budgetqa.catalogue import INTENTS

    return frozenset(c for intent in INTENTS for c in intent.cues if len(c) >= 2)


def _asking_tail(squashed: str, start: int, end: int, name: str) -> int:
    """Where a loosely matched name ends: not in the characters after the name that the name does not hold
    and that open a word asking something (政府性基金落在哪些: 落在哪 asks, it is no slip of 预算)."""
    for cut in range(end - 1, start + 2, -1):
        if squashed[cut] in name:
            break
        if any(squashed.startswith(cue, cut) for cue in _cue_words()):
            return cut
    return end


def _longest(mentions: list[Mention], text: str) -> list[Mention]:
    """Keep the longest readings: drop a mention inside a longer one (一般公共预算 inside
    一般公共预算拨款收入), a weaker one on the same span, and one that overlaps another only to take
    a generic word after it (高等教育支出: 高等教育, not also 教育支出). Mentions on the same span merge."""
    keep: list[Mention] = []
    exact = [m for m in mentions if m.via in ("exact", "synonym") and m.kinds & {"code", "item", "row", "column"}]
    mentions = [m for m in mentions if m.via in ("exact", "synonym") or not any(
        m.start <= e.start and e.end <= m.end and _says_nothing(text[m.start:e.start] + text[e.end:m.end]) for e in exact)]
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), -m.score)):
        same = next((k for k in keep if k.start == m.start and k.end == m.end), None)
        if same is not None:
            if same.score - m.score < 8:
                same.terms += [t for t in m.terms if t not in same.terms]
            continue
        if any(k.start <= m.start and m.end <= k.end for k in keep):
            continue
        keep.append(m)
    keep = [m for m in keep if not any(k.start < m.start < k.end < m.end and text[k.end:m.end] in _GENERIC_TAILS
                                       for k in keep)]
    out: list[Mention] = []
    for m in sorted(keep, key=lambda m: m.start):  # 其他社|保就业: a reading overlapping the one before it whose
        k = out[-1] if out else None  # name holds its name (其他社会保障和就业支出 ⊃ 社会保障和就业支出) is that one
        if k is not None and k.start < m.start < k.end < m.end and m.term.name and (
                m.term.name in k.term.name or k.via == "partial" and _in_order(text[k.start:m.end], squash(k.term.name))):
            out[-1] = replace(k, end=m.end)  # (其他社|保 of 其他社会保障缴费: the longer name holds every character typed)
            continue
        out.append(m)
    return out


def _in_order(typed: str, name: str) -> bool:
    """Every character typed occurs in the name, in the order typed."""
    rest = iter(name)
    return all(ch in rest for ch in typed)


def _says_nothing(extra: str) -> bool:
    """Characters a weaker reading adds to an exact name that carry no meaning of their own (拨款, 的)."""
    rest = extra
    for word in sorted(lexicon.COMMON_WORDS, key=len, reverse=True):
        rest = rest.replace(word, "")
    return not (set(rest) - _GENERIC)


# --------------------------------------------------------------------------- pinyin
_QUERY_WORDS = ("资金来源", "来源", "多少", "占比", "比例", "比重", "下属单位", "内设机构", "质量指标", "数量指标",
                "时效指标", "指标", "绩效", "绩效目标", "项目", "支出", "收入", "预算", "合计", "总计", "三公", "经费",
                "三公经费", "增长", "减少", "增加", "排名", "最多", "最少", "哪个", "几个", "职责", "面积", "车辆",
                "政府采购", "采购", "货物", "工程", "服务", "总额")


def resolve_pinyin(text: str, v: Vocabulary) -> str:
    """Replace runs of latin letters that spell a known name in pinyin or its initials.

    A run may also be the initials of the start of a name typed on in characters
    (sxhb订阅费用 -> 山西画报订阅费用): it is replaced by that many leading characters.
    """
    if not re.search(r"[a-z]{2}", text):
        return text
    # anke tidai gongcheng / jiben gongzi: one name typed in words apart; zfcg yusuan, which read as one run
    # spells nothing: each of its words alone
    joined = _resolve_runs(re.sub(r"(?<=[a-z])\s+(?=[a-z])", "", text), v)
    for group in re.findall(r"[a-z]+(?:\s+[a-z]+)+", text):
        together = re.sub(r"\s+", "", group)
        if re.search(rf"(?<![a-z]){together}(?![a-z])", joined):
            joined = joined.replace(together, _resolve_runs(group, v), 1)
    return joined


def _resolve_runs(text: str, v: Vocabulary) -> str:
    """resolve_pinyin for the runs of latin letters as they stand."""
    runs = list(re.finditer(r"[a-z]{2,}", text))
    for m in reversed(runs):
        word, after = m.group(), text[m.end():]
        best = None
        for name, py, ini, hanzi in _spelled(v):
            replacement = name
            if word in (ini, py):
                score = 100
            elif len(word) >= 6 and py.startswith(word):
                score = 90
            elif len(word) >= 3 and ini.startswith(word):
                rest = hanzi[len(word):]
                if len(ini) - len(word) <= 1:
                    score = 85
                elif rest and after.startswith(rest[:2]):
                    score, replacement = 88, hanzi[: len(word)]
                else:
                    score = 60
            else:
                continue
            key = (score, -len(replacement))
            if best is None or key > best[0]:
                best = (key, replacement)
        if best and best[0][0] >= 80:
            text = text[: m.start()] + best[1] + text[m.end():]
        elif len(word) >= 3 and (words := _initials_of_words(word, v) or (_spell_out(word, v) if len(word) >= 4 else "")):
            text = text[: m.start()] + words + text[m.end():]
    return text


def _spelled(v: Vocabulary) -> list[tuple[str, str, str, str]]:
    """Each name with its pinyin, its initials and its Chinese characters, for names that have initials."""
    cached = getattr(v, "_spelled", None)
    if cached is None:
        cached = v._spelled = [(name, py, ini, "".join(ch for ch in squash(name) if "\u4e00" <= ch <= "\u9fff"))  # type: ignore[attr-defined]
                               for name, (py, ini) in v.spellings.items() if ini]
    return cached


def _initials_dictionary(v: Vocabulary) -> dict[str, str]:
    """Initials -> word, for the standard words of budgets (rygf 人员经费, czbk 财政拨款, ybgg 一般公共) and the
    report's names; initials two words share are left out. Built only when a question has latin letters."""
    from budgetqa.textnorm import pinyin_keys

    cached = getattr(v, "_initials_words", None)
    if cached is not None:
        return cached
    words = set(_QUERY_WORDS) | set(lexicon.COLUMN_ITEMS) | set(lexicon.FUNDS) | set(lexicon.MEASURES) \
        | set(lexicon.SYNONYMS) | {n for names in lexicon.SYNONYMS.values() for n in names} \
        | set(lexicon.ABBREVIATIONS) | set(lexicon.ABBREVIATIONS.values())
    seen: dict[str, set[str]] = {}
    for w in words:
        if re.fullmatch(r"[\u4e00-\u9fff]{2,8}", w):
            seen.setdefault(pinyin_keys(w)[1], set()).add(w)
    for name, (_, ini) in v.spellings.items():
        if ini and len(name) <= 8:
            seen.setdefault(ini, set()).add(name)
    v._initials_words = {ini: next(iter(ws)) for ini, ws in seen.items() if len(ws) == 1 and len(ini) >= 2}  # type: ignore[attr-defined]
    return v._initials_words  # type: ignore[attr-defined]


def _initials_of_words(word: str, v: Vocabulary) -> str:
    """A run of letters that is the initials of one or several standard words typed together (jbzc,
    ybggczbkjbzc -> 一般公共财政拨款基本支出): the words, when the whole run splits into them, each
    of three letters or more; '' otherwise."""
    dictionary = _initials_dictionary(v)
    best: list[str | None] = [None] * (len(word) + 1)
    best[0] = ""
    for i in range(len(word)):
        if best[i] is None:
            continue
        for j in range(i + 2, min(len(word), i + 8) + 1):
            found = _JOINING_PINYIN.get(word[i:j]) if i and j < len(word) else None
            found = found or (dictionary.get(word[i:j]) if j - i >= 3 else None)
            if found and best[j] is None:
                best[j] = best[i] + found
    if best[-1] or len(word) < 4:
        return best[-1] or ""
    # one letter typed for another in a word's initials (rygf for ryjf 人员经费): the one word it can be
    near = [w for ini, w in dictionary.items() if len(ini) == len(word) and sum(a != b for a, b in zip(ini, word)) == 1]
    return near[0] if len(near) == 1 else ""


# Words joining two names, typed in pinyin between initials (jbzc he xmzc).
_JOINING_PINYIN = {"he": "和", "yu": "与", "ji": "及", "gen": "跟", "han": "和"}


# Words a misheard name never takes a character from: words of asking, and the standard items typed in
# full (住房公积金预算 is not a misheard 政府性基金预算, even in a report that prints no 住房公积金)
_KEPT_AS_TYPED = ("合计", "总计") + tuple(w for w in lexicon.STANDARD_ECONOMIC_ITEMS if len(w) >= 4)


def homophone_fix(text: str, squashed: str, mentions: list[Mention], v: Vocabulary,
                  printed: Callable[[], str] | None = None) -> str | None:
    """The question with a misheard name put right (差履费 -> 差旅费, 公用经飞 -> 公用经费): a stretch
    of three or more characters that no name explains and that differs from a name or lexicon word of
    its length only in characters that can sound the same, sharing at least half of them. None when
    there is nothing to put right (pypinyin is imported only for a stretch that nearly spells a name)."""
    covered = set()
    for m in mentions:  # what was read exactly; a fuzzy reading may be a misheard name read wrong
        if m.via in ("exact", "synonym", "code", "table") or m.score >= 96:
            covered.update(range(m.start, m.end))
    for w in lexicon.OUT_OF_SCOPE + _KEPT_AS_TYPED:  # 人均经费 is asked as written (and refused), not heard as
        # 人员经费; 决算合计 is a table and its total, not a misheard 决算表
        at = squashed.find(w)  # (found by str.find: a pattern per word would crowd re's cache)
        while at >= 0:
            covered.update(range(at, at + len(w)))
            at = squashed.find(w, at + 1)
    rest = "".join(" " if i in covered else ch for i, ch in enumerate(squashed))
    verb = _verb_between_names(text, squashed, rest)
    if verb is not None:
        return verb
    runs = re.findall(r"[\u4e00-\u9fff]{3,}", rest)
    words, index = _sound_index(v) if runs else ([], {})
    for run in runs:
        for size in range(min(len(run), 12), 2, -1):
            for i in range(len(run) - size + 1):
                piece = run[i:i + size]
                if piece in v.pieces or piece not in text or size not in index:
                    continue
                for n, same in _same_in_place(piece, index[size]).items():  # names of this length sharing characters in place
                    # a name this report prints or a word for one, or a standard item it may lack (会议费: said so)
                    known = words[n] in v.by_name or words[n] in v.synonyms or words[n] in lexicon.STANDARD_ECONOMIC_ITEMS \
                        or words[n] in v.pieces
                    if known and same * 2 >= size and same < size and sounds_like(piece, words[n]) \
                            and not _function_word_at_edge(piece, words[n]):
                        return text.replace(piece, words[n], 1)
    slipped = _mistyped_name(text, squashed, covered, v)
    if slipped is not None:
        return slipped
    for run in re.finditer(r"[\u4e00-\u9fff]{2,}", rest):  # two-character budget words, misheard in one character (多少预酸, 知出总计)
        for at in range(run.start(), run.end() - 1):
            piece = squashed[at:at + 2]
            if piece in lexicon.SYNONYMS or any(piece in words for words in lexicon.SCOPE_WORDS.values()):
                continue  # a word of its own (截转 is a scope word)
            # (a class said short only where a class is said: 卫建支出)
            said_class = squashed[at + 2:at + 4] in ("支出", "经费") or squashed[at + 2:at + 3] == "类"
            for word in lexicon.SOUND_ALIKE_WORDS + (_CLASS_SHORT if said_class else ()):
                if piece != word and (piece[0] == word[0] or piece[1] == word[1]) and piece in text \
                        and sounds_like(piece, word) and not _printed_beside(squashed, at, printed):
                    return text.replace(piece, word, 1)
    return None


# The two-character words for the classes of the functional classification (卫健, 社保), misheard (卫建)
_CLASS_SHORT = tuple(k for k, targets in lexicon.SYNONYMS.items()
                     if len(k) == 2 and all(t in lexicon.STANDARD_FUNCTION_CLASSES for t in targets))


def _printed_beside(squashed: str, at: int, printed: Callable[[], str] | None) -> bool:
    """The two characters at ``at`` typed as the report prints them with a character beside them (经济效益: no
    绩效 misheard in 济效); the report's text is read only when a misheard word is about to be put right."""
    if printed is None:
        return False
    text = printed()
    return squashed[max(0, at - 1):at + 2] in text or squashed[at:at + 3] in text


def _verb_between_names(text: str, squashed: str, rest: str) -> str | None:
    """A one-character verb standing alone between two names, typed by its sound (差旅费站公用经费: 占)."""
    for i in range(1, len(rest) - 1):
        ch = rest[i]
        if rest[i - 1] != " " or rest[i + 1] != " " or not "\u4e00" <= ch <= "\u9fff":
            continue
        for word, typed in lexicon.SOUND_ALIKE_VERBS.items():
            around = squashed[i - 1:i + 2]
            if ch in typed and around in text:
                return text.replace(around, around[0] + word + around[2], 1)
    return None


# Words that stand before or after a name in a sentence (从支出功能分类看, 在基本支出里): a name that
# differs from the stretch only in one of these at its edge was not misheard, it was not typed.
_FUNCTION_CHARS = set("从在和与跟对把给向是的了也都就按比")
# Characters typed next to a name that are no slip of one of its characters
_SAID_AROUND_NAMES = _FUNCTION_CHARS | set("多少几呢吗啊呀各共总中里内外上下为何怎如要能会该还再又被让占有")


def _same_in_place(piece: str, index: dict[tuple[int, str], list[int]]) -> dict[int, int]:
    """Each indexed word of the piece's length, by how many characters it shares with the piece in place."""
    hits: dict[int, int] = {}
    for pos, ch in enumerate(piece):
        for n in index.get((pos, ch), ()):
            hits[n] = hits.get(n, 0) + 1
    return hits


def _mistyped_name(text: str, squashed: str, covered: set[int], v: Vocabulary) -> str | None:
    """The question with a long name put right that was mistyped in one character inside it, of like
    shape rather than sound (一般公共预箅): five or more characters, the slip not the first one (nor the last of
    five) and read as no name."""
    words, index = _sound_index(v)
    for run in re.finditer(r"[\u4e00-\u9fff]{5,}", squashed):
        for size in range(min(len(run.group()), 12), 4, -1):
            for i in range(len(run.group()) - size + 1):
                piece = run.group()[i:i + size]
                if piece in v.pieces or piece not in text or size not in index:
                    continue
                for n, same in _same_in_place(piece, index[size]).items():
                    if same != size - 1 or words[n] not in v.by_name:
                        continue
                    slip = next(k for k, (a, b) in enumerate(zip(piece, words[n])) if a != b)
                    at = run.start() + i + slip
                    last = slip == size - 1  # (a name typed short, then a word: 法律顾问费为什么, no slip)
                    if 0 < slip and (not last or size >= 6 and at - 1 not in covered) \
                            and piece[slip] not in _SAID_AROUND_NAMES and at not in covered:
                        return text.replace(piece, words[n], 1)
    return None


def _function_word_at_edge(piece: str, word: str) -> bool:
    differ = [i for i, (a, b) in enumerate(zip(piece, word)) if a != b]
    return differ in ([0], [len(piece) - 1]) and piece[differ[0]] in _FUNCTION_CHARS


def _sound_index(v: Vocabulary) -> tuple[list[str], dict[int, dict[tuple[int, str], list[int]]]]:
    """The names and lexicon words of three or more characters, indexed by length and by each
    character in its place."""
    cached = getattr(v, "_sound_index", None)
    if cached is None:
        names = {w for w in v.by_name if re.fullmatch(r"[\u4e00-\u9fff]{3,}", w)}
        names |= {w for w in (*lexicon.SYNONYMS, *lexicon.COLUMN_ITEMS, *lexicon.STANDARD_ECONOMIC_ITEMS)
                  if re.fullmatch(r"[\u4e00-\u9fff]{3,}", w)}
        # the opening of a long name, said alone and misheard (山西话报订越 for 山西画报订阅费用)
        # (at most 12 characters: no longer stretch is tried below, and a giant name must not cost its square)
        names |= {w[:size] for w in list(names) if len(w) >= 6 for size in range(4, min(len(w) - 1, 13))}
        # a short name said inside longer ones (关工委 of 关工委工作经费 and 2024年关工委办公经费): a three-character
        # opening that two or more names share, and no budget word opens with (一般公 is the opening of 一般公共预算)
        openings = Counter(w[:3] for w in v.by_name if len(w) >= 6 and re.fullmatch(r"[\u4e00-\u9fff]{3}", w[:3]))
        budget_words = (*lexicon.SYNONYMS, *lexicon.FUNDS, *lexicon.STANDARD_ECONOMIC_ITEMS, *lexicon.STANDARD_FUNCTION_CLASSES)
        names |= {w for w, n in openings.items() if n >= 2 and not any(x.startswith(w) for x in budget_words)}
        words = sorted(names)
        index: dict[int, dict[tuple[int, str], list[int]]] = {}
        for n, w in enumerate(words):
            for pos, ch in enumerate(w):
                index.setdefault(len(w), {}).setdefault((pos, ch), []).append(n)
        cached = v._sound_index = (words, index)  # type: ignore[attr-defined]
    return cached


def heard_as(typed: str, meant: str) -> bool:
    """One character typed that can be read the way the meant one usually is (到 for 道)."""
    return typed == meant or "\u4e00" <= typed <= "\u9fff" and _readings(meant, False) <= _readings(typed, True)


def sounds_like(typed: str, word: str) -> bool:
    """Same length, at least half the characters the same, and each other one typed able to be read
    the way the word's character usually is (履 lǚ for 旅 lǚ, 夲 for 本 běn; 均 is never yuán, so not 员)."""
    same = sum(a == b for a, b in zip(typed, word))
    if same == len(word) or same * 2 < len(word):
        return False
    return all(a == b or _readings(b, False) <= _readings(a, True) for a, b in zip(typed, word))


@lru_cache(maxsize=4096)
def _readings(ch: str, every: bool) -> frozenset[str]:
    """A character's usual reading, or all of its readings."""
    pypinyin = character_pinyin()
    return frozenset(pypinyin.pinyin(ch, style=pypinyin.Style.NORMAL, heteronym=every)[0])


def _pinyin_dictionary(v: Vocabulary) -> dict[str, str]:
    """Full pinyin -> words: the document's names, the question words and the lexicon's synonyms."""
    from budgetqa.textnorm import pinyin_keys

    cached = getattr(v, "_pinyin_words", None)
    if cached is not None:
        return cached
    words = set(_QUERY_WORDS) | set(lexicon.SYNONYMS) | set(lexicon.COLUMN_ITEMS)
    out = {pinyin_keys(w)[0]: w for w in words if re.fullmatch(r"[\u4e00-\u9fff]{2,}", w)}
    out.update({py: name for name, (py, _) in v.spellings.items() if py})
    v._pinyin_words = {k: w for k, w in out.items() if len(k) >= 4}  # type: ignore[attr-defined]
    return v._pinyin_words  # type: ignore[attr-defined]


def _pinyin_pieces(v: Vocabulary) -> dict[str, str]:
    """Pinyin of every run of two to four characters of every name -> those characters (shipinhuiyi ->
    视频会议), for pinyin typed for part of a long name. Built only when a question is typed in pinyin."""
    cached = getattr(v, "_pinyin_pieces", None)
    if cached is not None:
        return cached
    lazy_pinyin = character_pinyin().lazy_pinyin
    out: dict[str, str] = {}
    for name in v.spellings:
        hanzi = "".join(ch for ch in squash(name) if "\u4e00" <= ch <= "\u9fff")
        syllables = lazy_pinyin(hanzi)
        for size in (2, 3, 4):
            for i in range(len(syllables) - size + 1):
                out.setdefault("".join(syllables[i:i + size]), hanzi[i:i + size])
    v._pinyin_pieces = out  # type: ignore[attr-defined]
    return out


def _spell_out(word: str, v: Vocabulary) -> str:
    """A run of pinyin made of several words (zhufangbaozhangzhichuzhanbi -> 住房保障支出占比), one
    letter off allowed in long words (sanggong -> 三公); '' when most of it stays unexplained."""
    from rapidfuzz.distance import Levenshtein

    dictionary = _pinyin_dictionary(v)
    pieces = _pinyin_pieces(v)
    order = {key: n for n, key in enumerate(dictionary)}
    lengths: dict[int, list[str]] = {}
    for key in dictionary:
        if len(key) >= 6:
            lengths.setdefault(len(key), []).append(key)
    if not lengths:
        return ""
    best: list[tuple[int, str] | None] = [None] * (len(word) + 1)  # covered letters, words so far
    best[0] = (0, "")
    for i in range(len(word)):
        if best[i] is None:
            continue
        covered, spelled = best[i]
        if best[i + 1] is None or best[i + 1][0] < covered:
            best[i + 1] = (covered, spelled)  # skip one letter
        for size in range(4, min(len(word) - i, 40) + 1):
            piece = word[i:i + size]
            chinese = dictionary.get(piece) or pieces.get(piece)
            if chinese and (best[i + size] is None or best[i + size][0] < covered + size):
                best[i + size] = (covered + size, spelled + chinese)
        # a long word one letter off: the first such word in the dictionary's order, for each length of piece
        for size in range(min(lengths) - 1, min(max(lengths) + 1, len(word) - i) + 1):
            piece = word[i:i + size]
            near = [k for n in (size - 1, size, size + 1) for k in lengths.get(n, ())
                    if Levenshtein.distance(piece, k, score_cutoff=1) <= 1 and k != piece]
            if near and (best[i + size] is None or best[i + size][0] < covered + size):
                best[i + size] = (covered + size, spelled + dictionary[min(near, key=order.__getitem__)])
    covered, spelled = best[len(word)]
    return spelled if covered >= 0.75 * len(word) else ""
