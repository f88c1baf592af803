"""Names in a question: codes, printed names, synonyms, pinyin, partial and misspelt names.

Names come from the document's gazetteer (the names table: subjects, economic items, projects,
stated facts, terms, units) plus the synonym catalogue. They are found exactly, through synonyms,
through pinyin (full or initials), as part of a longer name, and for typos by the longest common
subsequence (rapidfuzz), which must explain most of what was typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from budgetqa.catalogue import COMMON_WORDS, FILLERS, SYNONYMS
from budgetqa.docdata import DocData
from budgetqa.textnorm import squash

# Column names questions use as items (基本支出, 人员经费 …): found in table headers, not rows.
COLUMN_ITEMS = ("基本支出", "项目支出", "人员经费", "公用经费", "当年预算安排", "上年结转安排", "一般公共预算",
                "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "单位资金")


@dataclass
class Entity:
    """A name recognised in the question."""

    kind: str
    name: str
    ref: str
    start: int
    end: int
    score: float
    via: str = "exact"  # exact, synonym, pinyin, fuzzy



def resolve_pinyin(text: str, doc: DocData) -> str:
    """Replace runs of latin letters that spell a known name in pinyin or its initials.

    A run may also be the initials of the start of a name typed on in characters
    (sxhb订阅费用 -> 山西画报订阅费用): it is replaced by that many leading characters.
    """
    text = re.sub(r"(?<=[a-z])\s+(?=[a-z])", "", text)  # anke tidai gongcheng -> ankeditaigongcheng
    runs = list(re.finditer(r"[a-z]{2,}", text))
    if not runs:
        return text
    names = [n for n in doc.names if n["initials"]]
    for m in reversed(runs):
        word, after = m.group(), text[m.end():]
        best = None
        for n in names:
            hanzi = "".join(ch for ch in squash(n["name"]) if "\u4e00" <= ch <= "\u9fff")
            replacement = n["ref"] if n["kind"] == "synonym" and n["ref"] else n["name"]
            if word in (n["initials"], n["pinyin"]):
                score = 100
            elif len(word) >= 6 and n["pinyin"].startswith(word):
                score = 90
            elif len(word) >= 3 and n["initials"].startswith(word):
                rest = hanzi[len(word):]
                if len(n["initials"]) - len(word) <= 1:
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
        elif len(word) >= 4:
            spelled = _spell_out(word, names)
            if spelled:
                text = text[: m.start()] + spelled + text[m.end():]
    return text


# Words a question is made of besides names: spelled in pinyin they are found too.
_QUERY_WORDS = ("资金来源", "来源", "多少", "占比", "比例", "比重", "下属单位", "内设机构", "质量指标", "数量指标",
                "时效指标", "指标", "绩效", "绩效目标", "项目", "支出", "收入", "预算", "合计", "总计", "三公", "经费",
                "三公经费", "增长", "减少", "增加", "排名", "最多", "最少", "哪个", "几个", "职责", "面积", "车辆")


def _pinyin_dictionary(names: list[dict]) -> dict[str, str]:
    """Full pinyin -> words: the document's names, the catalogue's cue words and synonyms."""
    from budgetqa.catalogue import INTENTS
    from budgetqa.textnorm import pinyin_keys

    words = set(_QUERY_WORDS) | set(SYNONYMS) | set(COLUMN_ITEMS)
    words |= {c for intent in INTENTS for c in intent.cues if re.fullmatch(r"[\u4e00-\u9fff]{2,}", c)}
    out = {pinyin_keys(w)[0]: w for w in words}
    out.update({n["pinyin"]: (n["ref"] if n["kind"] == "synonym" and n["ref"] else n["name"]) for n in names if n["pinyin"]})
    return {k: v for k, v in out.items() if len(k) >= 4}


def _spell_out(word: str, names: list[dict]) -> str:
    """A run of pinyin made of several words (zhufangbaozhangzhichuzhanbi -> 住房保障支出占比), one
    letter off allowed in long words (sanggong -> 三公); '' when most of it stays unexplained."""
    from rapidfuzz.distance import Levenshtein

    dictionary = _pinyin_dictionary(names)
    best: list[tuple[int, str] | None] = [None] * (len(word) + 1)  # covered letters, words so far
    best[0] = (0, "")
    for i in range(len(word)):
        if best[i] is None:
            continue
        covered, spelled = best[i]
        if best[i + 1] is None or best[i + 1][0] < covered:
            best[i + 1] = (covered, spelled)  # skip one letter
        for key, chinese in dictionary.items():
            for size in {len(key), len(key) - 1, len(key) + 1}:
                piece = word[i:i + size]
                if len(piece) != size or size < 4:
                    continue
                if piece != key and (len(key) < 6 or Levenshtein.distance(piece, key) > 1):
                    continue
                candidate = (covered + size, spelled + chinese)
                if best[i + size] is None or best[i + size][0] < candidate[0]:
                    best[i + size] = candidate
    covered, spelled = best[len(word)]
    return spelled if covered >= 0.75 * len(word) else ""


def _candidates(doc: DocData) -> list[tuple[str, str, str, str]]:
    """(squashed name, kind, printed name, ref) for every name of the document."""
    cached = getattr(doc, "_candidates", None)
    if cached is not None:
        return cached
    out = []
    for n in doc.names:
        if n["kind"] == "synonym" or (n["kind"] == "fact" and not _useful_fact(n["name"])):
            continue
        out.append((squash(n["name"]), n["kind"], n["name"], n["ref"] or ""))
    for column in COLUMN_ITEMS:
        out.append((column, "column", column, ""))
    # Names printed with a year in front are also asked for without it (2024年法律顾问费用).
    for key, kind, name, ref in list(out):
        bare = re.sub(r"^20\d{2}年度?", "", key)
        if bare != key and len(bare) >= 4:
            out.append((bare, kind, name, ref))
    doc._candidates = out  # type: ignore[attr-defined]
    return out


_JUNK_FACT = re.compile(r"^(?:涉及|共计|金额|资金|合计|总额|其中|占有使用价值|价值|实有)")


def _useful_fact(label: str) -> bool:
    """Narrative labels worth matching (not 金额, 涉及资金 and other fragments)."""
    return len(label) >= 3 and not _JUNK_FACT.match(label) and not label.endswith(("以上", "以下"))


_SEPARATORS = re.compile(r"[\s\u3000“”\"'‘’「」『』《》〈〉【】\[\]（）()，,。！!？?；;：:、·~～…—_/\\|*#@&^`]+")


def find_entities(squashed: str, doc: DocData, spaced: str | None = None) -> list[Entity]:
    """Names in the question: codes, exact names, synonyms, then partial and fuzzy matches.

    ``squashed`` has no punctuation (names are compared without it); ``spaced`` keeps the
    question's punctuation as spaces, so that the words left over for fuzzy matching stay
    apart (法律顾问、山西画报、视频会议).
    """
    found: list[Entity] = []
    for m in re.finditer(r"(?<![\d.])(\d{3}|\d{5}|\d{7})(?![\d.]|年(?!初)|%)", squashed):
        code = m.group(1)
        rows = doc.rows_with_code(code)
        if rows:
            found.append(Entity("code", rows[0].name, code, m.start(), m.end(), 100))
    for m in re.finditer(r"表\s*(?:([一二三四五六七八九十]{1,3})|(\d{1,2})(?!\d))", squashed):  # 表五20131
        from budgetqa.parser.headers import chinese_ordinal

        no = int(m.group(2)) if m.group(2) else chinese_ordinal(m.group(1))
        if no in doc.tables:
            found.append(Entity("table", doc.tables[no].title, str(no), m.start(), m.end(), 100))
    found += _table_by_ending(squashed, doc)
    candidates = _candidates(doc)
    by_name: dict[str, list[tuple[str, str, str, str]]] = {}
    for cand in candidates:
        by_name.setdefault(cand[0], []).append(cand)
    for key, group in by_name.items():
        if len(key) < 2:
            continue
        start = squashed.find(key)
        while start >= 0:
            for _, kind, name, ref in group:
                found.append(Entity(kind, name, ref, start, start + len(key), 100))
            start = squashed.find(key, start + 1)
    if "的" in squashed:  # 一般公共预算财政拨款支出的年初预算: a printed name with 的 typed inside it
        kept = [i for i, ch in enumerate(squashed) if ch != "的"]
        lite = "".join(squashed[i] for i in kept)
        for key, group in by_name.items():
            if len(key) < 6 or "的" in key:
                continue
            start = lite.find(key)
            while start >= 0:
                first, last = kept[start], kept[start + len(key) - 1] + 1
                if "的" in squashed[first:last]:
                    for _, kind, name, ref in group:
                        found.append(Entity(kind, name, ref, first, last, 100))
                start = lite.find(key, start + 1)
    for alias in sorted(SYNONYMS, key=len, reverse=True):
        start = squashed.find(alias)
        if start < 0 or any(e.start < start < e.end < start + len(alias) for e in found):
            continue  # 基本支出差多少: 出差 straddles the end of a name already found
        # Every printed name the abbreviation may mean (医疗: 行政事业单位医疗 and 职工基本医疗保险缴费),
        # the catalogue's first choice scoring highest; the answer shows them when their figures differ.
        for rank, canonical in enumerate(SYNONYMS[alias]):
            for _, kind, name, ref in by_name.get(squash(canonical), []):
                found.append(Entity(kind, name, ref, start, start + len(alias), 95 - rank, "synonym"))
    exact = [e for e in found if e.via == "exact"]
    residue = spaced if spaced is not None else squashed
    for e in sorted(exact, key=lambda e: e.start - e.end):
        residue = residue.replace(squashed[e.start:e.end], " ")
    residue = strip_fillers(residue)
    found += _contained(residue, squashed, candidates)
    found += _fuzzy(residue, squashed, candidates, found)
    found = prefer_longest(found, squashed)
    found.sort(key=lambda e: (e.start, -e.score))
    return found


def _table_by_ending(squashed: str, doc: DocData) -> list[Entity]:
    """基本支出决算表: a table named by the end of its title, when only one title ends that way."""
    if "表" not in squashed:
        return []
    titles = {no: squash(re.sub(r"[（(][^）)]*[）)]$", "", t.title)) for no, t in doc.tables.items()}
    out = []
    for m in re.finditer("表", squashed):
        for start in range(max(0, m.start() - 14), m.start() - 3):
            ending = squashed[start:m.end()]
            owners = [no for no, title in titles.items() if title.endswith(ending)]
            if len(owners) == 1:
                out.append(Entity("table", doc.tables[owners[0]].title, str(owners[0]), start, m.end(), 96))
                break
    return out


def mask(squashed: str, entities: list[Entity]) -> str:
    chars = list(squashed)
    for e in entities:
        for i in range(e.start, min(e.end, len(chars))):
            chars[i] = " "
    return "".join(chars)


def strip_fillers(text: str) -> str:
    for word in sorted(FILLERS, key=len, reverse=True):
        text = text.replace(word, " ")
    text = re.sub(r"[\d.%]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


_GENERIC = set("费支出经项目资金预算收入合计年度元万的和及与")
_CONTAINED_KINDS = ("project", "subject", "economic", "glossary", "internal_unit", "subordinate_unit", "fact",
                    "three_public", "asset")


_LIST_BREAK = re.compile(r"[和与及、]|[两三四五六七八九十几]个|[两三四五六七八九十几]项")


def _contained(residue: str, squashed: str, candidates) -> list[Entity]:
    """A short word that is part of a few names (画报 -> 山西画报订阅费用; 关工委 -> two projects)."""
    out: list[Entity] = []
    words = [w for word in residue.split(" ") for w in ([word] + (_LIST_BREAK.split(word) if _LIST_BREAK.search(word) else []))]
    for word in words:
        if len(word) < 2 or len(set(word) - _GENERIC) < 2 or word in COMMON_WORDS:
            continue
        hits = [c for c in candidates if word in c[0] and c[1] in _CONTAINED_KINDS and c[0] != word
                and (c[1] != "fact" or len(word) >= 5)]
        names = {(c[1], c[2], c[3]) for c in hits}
        if not hits or len(names) > 6:
            continue
        start = squashed.find(word)
        for kind, name, ref in sorted(names):
            out.append(Entity(kind, name, ref, start, start + len(word), 90, "partial"))
    return out


def _fuzzy(residue: str, squashed: str, candidates, found: list[Entity]) -> list[Entity]:
    """Names written with a typo or missing characters (山西画抱, 乡镇档按室建设, 职工医保缴费).

    The score is the longest common subsequence of the typed word and a name, relative to the
    word (how much of what was typed the name explains) and to the name (how much of the name
    was typed); both must be high, so a shared 费 or 支出 never makes a match.
    """
    from rapidfuzz.distance import LCSseq

    out: list[Entity] = []
    taken = {(e.kind, e.name, e.ref) for e in found if e.via == "exact"}
    for word in residue.split(" "):
        core = set(word) - _GENERIC
        if len(word) < 3 or len(core) < 2:
            continue
        scored = []
        for key, kind, name, ref in candidates:
            if len(key) < 3 or (kind, name, ref) in taken or kind in ("table", "department"):
                continue
            common = LCSseq.similarity(word, key)
            if common < 3:
                continue
            of_word, of_name = common / len(word), common / len(key)
            if of_word < 0.75:
                continue
            if of_name < 0.5 and fuzz.partial_ratio(word, key) < 70:
                continue  # the shared characters are scattered over a long name
            if len(core & set(key)) < max(2, len(core) * 0.6):
                continue
            scored.append((100 * (0.6 * of_word + 0.4 * of_name), kind, name, ref))
        if not scored:
            continue
        scored.sort(key=lambda s: -s[0])
        best = scored[0][0]
        start = squashed.find(word)
        for score, kind, name, ref in scored[:6]:
            if score >= best - 4:
                out.append(Entity(kind, name, ref, max(start, 0), max(start, 0) + len(word), score * 0.95, "fuzzy"))
    return out


def prefer_longest(entities: list[Entity], text: str = "") -> list[Entity]:
    """Drop a name whose span lies inside a longer match (一般公共预算 inside 一般公共预算当年支出),
    a weaker match on the same span when an exact one exists, and a name that overlaps another
    only to take a generic word after it (高等教育支出: 高等教育, not also 教育支出)."""
    keep: list[Entity] = []
    for e in sorted(entities, key=lambda e: (-(e.end - e.start), -e.score)):
        inside = any(k.start <= e.start and e.end <= k.end and (k.end - k.start) > (e.end - e.start) for k in keep)
        weaker = any(k.start == e.start and k.end == e.end and k.score - e.score >= 8 for k in keep)
        if not inside and not weaker:
            keep.append(e)
    if text:
        keep = [e for e in keep if not any(k.start < e.start < k.end < e.end and text[k.end:e.end] in _GENERIC_TAILS
                                           for k in keep)]
    return keep


_GENERIC_TAILS = {"支出", "经费", "费用", "费", "资金", "预算", "收入", "支出数", "预算数"}


