"""Understand a question: normalise it, find the names it mentions, pick the intent template.

Names come from the document's gazetteer (subjects, economic items, projects, stated facts,
terms, units) plus the synonym catalogue; they are found exactly, through synonyms, through
pinyin (full or initials) and, for typos, with rapidfuzz. Intents are chosen by comparing the
question, with what was recognised replaced by slot names, against the catalogue's templates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from rapidfuzz import fuzz, process

from budgetqa.catalogue import (
    FILLERS,
    INTENTS,
    OUT_OF_SCOPE,
    SCOPE_ALL,
    SCOPE_CARRYOVER,
    SCOPE_CURRENT,
    SCOPE_EXCLUDING,
    COMMON_WORDS,
    SCOPE_PHRASES,
    SYNONYMS,
    Intent,
)
from budgetqa.docdata import DocData
from budgetqa.textnorm import normalise, squash

# Entity kinds that stand for a figure a question can ask about.
ITEM_KINDS = ("subject", "economic", "project", "fact", "summary_item", "three_public", "column")
_SLOT = {
    "code": "{code}", "subject": "{subject}", "economic": "{item}", "project": "{project}",
    "fact": "{item}", "glossary": "{term}", "summary_item": "{subject}", "table": "{table}",
    "asset": "{item}", "internal_unit": "{unit}", "subordinate_unit": "{unit}", "department": "{department}",
    "three_public": "{item}", "column": "{item}", "duty": "{item}",
}
# Column names questions use as items (基本支出, 人员经费 …): found in table headers, not rows.
COLUMN_ITEMS = ("基本支出", "项目支出", "人员经费", "公用经费", "当年预算安排", "上年结转安排", "一般公共预算",
                "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "单位资金")
_CN_NUMERAL = "零一二两三四五六七八九十百千万"
_NUMBER = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])")


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


@dataclass
class Parsed:
    """What the matcher understood of a question."""

    raw: str
    text: str
    squashed: str
    entities: list[Entity] = field(default_factory=list)
    numbers: list[Decimal] = field(default_factory=list)
    percents: list[Decimal] = field(default_factory=list)
    top_n: int | None = None
    choice: int | None = None
    years: list[int] = field(default_factory=list)
    scope: str | None = None
    intents: list[tuple[float, Intent]] = field(default_factory=list)
    skeleton: str = ""
    residue: str = ""
    previous_year: bool = False  # asks about the year before the report's

    other_department: str = ""  # an organisation named in the question that is not the report's
    missing_item: str = ""  # a standard economic item the question names and the report does not print
    breaks: frozenset[int] = frozenset()  # offsets in ``squashed`` where punctuation separated words

    def cue_at(self, cue: str, text: str | None = None) -> bool:
        """True when a cue word occurs without straddling punctuation (多少、项目 is not 多少项)."""
        text = self.squashed if text is None else text
        start = text.find(cue)
        while start >= 0:
            if not any(start < b < start + len(cue) for b in self.breaks):
                return True
            start = text.find(cue, start + 1)
        return False

    @property
    def out_of_scope(self) -> bool:
        """Asks about people, the future or per-head figures, which reports do not hold."""
        return any(w in self.squashed for w in OUT_OF_SCOPE)

    def of(self, *kinds: str) -> list[Entity]:
        """Entities of the given kinds, in question order."""
        return [e for e in self.entities if e.kind in kinds]

    @property
    def items(self) -> list[Entity]:
        """Entities that stand for a figure."""
        return [e for e in self.entities if e.kind in ITEM_KINDS or e.kind == "code"]

    def has(self, *cues: str) -> bool:
        """True when any cue word occurs in the question."""
        return any(c in self.squashed for c in cues)


_CN_PATTERNS = (
    (re.compile(r"百分之([零一二两三四五六七八九十百点]+)"), "{}%"),
    (re.compile(r"(?<=前|后|第)([一二两三四五六七八九十]+)"), "{}"),
    (re.compile(r"(?<=倒数)([一二两三四五六七八九十]+)"), "{}"),
    (re.compile(r"([一二两三四五六七八九十][零一二两三四五六七八九十百千]*)(?=万)"), "{}"),
)


def chinese_numbers(text: str) -> str:
    """Chinese numerals where they count: 前三 -> 前3, 五十万 -> 50万, 百分之十 -> 10%."""
    if not any(ch in _CN_NUMERAL for ch in text):
        return text
    for pattern, template in _CN_PATTERNS:
        if not pattern.search(text):
            continue
        import cn2an  # loaded only for questions that spell numbers in Chinese

        def convert(m: re.Match[str]) -> str:
            try:
                return template.format(cn2an.cn2an(m.group(1), "normal"))
            except (ValueError, KeyError, IndexError):
                return m.group(0)

        text = pattern.sub(convert, text)
    return text


def parse(question: str, doc: DocData) -> Parsed:
    """Normalise the question and find its names, numbers, scope and candidate intents."""
    text = normalise(question)
    text = _resolve_pinyin(text, doc)
    text = chinese_numbers(text)
    squashed = squash(text)
    p = Parsed(raw=question, text=text, squashed=squashed)
    p.breaks = _breaks(text)
    _numbers(p)
    p.scope, searchable = _scope(squashed)
    spaced = _scope(_SEPARATORS.sub(" ", text))[1]
    p.previous_year = bool(doc.year and (doc.year - 1) in p.years) or bool(_PREVIOUS_YEAR.search(squashed))
    p.entities = find_entities(searchable, doc, spaced)
    if searchable != squashed and not any(e.kind in ITEM_KINDS or e.kind == "code" for e in p.entities):
        # The scope words were the name asked about (上年结转是什么意思).
        p.entities = find_entities(squashed, doc, _SEPARATORS.sub(" ", text))
    p.other_department = _other_department(p, doc)
    p.missing_item = _missing_item(p, doc)
    p.skeleton = _skeleton(p)
    p.residue = _residue(p)
    p.intents = rank_intents(p)
    return p


# 上年/去年 asked for as a year of its own (not 比上年 comparisons, not 上年结转 money).
_PREVIOUS_YEAR = re.compile(r"(?<![比较与跟和同])(?:上年度?|去年|上一年)(?!结转|相比|比|结余)")


def _breaks(text: str) -> frozenset[int]:
    """Offsets in the squashed question at which the typed text had punctuation."""
    out, pos, pending = set(), 0, False
    for ch in _DECIMAL_SAFE.sub("0", text):
        if _SEPARATORS.fullmatch(ch):
            pending = True
            continue
        if pending:
            out.add(pos)
            pending = False
        pos += 1
    return frozenset(out)


_DECIMAL_SAFE = re.compile(r"(?<=\d)\.(?=\d)")


def _scope(squashed: str) -> tuple[str | None, str]:
    """(本年 / 上年结转 / 全部 / None, the question with its scope words blanked out)."""
    scope = None
    if any(w in squashed for w in SCOPE_EXCLUDING):
        scope = "本年"
    elif any(w in squashed for w in SCOPE_ALL):
        scope = "全部"
    elif any(w in squashed for w in SCOPE_CARRYOVER):
        scope = "上年结转"
    elif any(w in squashed for w in SCOPE_CURRENT):
        scope = "本年"
    blanked = squashed
    for word in sorted(SCOPE_PHRASES, key=len, reverse=True):
        blanked = blanked.replace(word, " " * len(word))
    return scope, blanked


def _numbers(p: Parsed) -> None:
    text = p.squashed
    for m in re.finditer(r"(\d+(?:\.\d+)?)%", text):
        p.percents.append(Decimal(m.group(1)))
    for m in re.finditer(r"(?:前|top|排名前|最高的|最大的)(\d{1,2})(?!\d)", text):
        p.top_n = int(m.group(1))
    m = re.search(r"(?:后|倒数|最少的|最小的|最低的)(\d{1,2})(?!\d)", text)
    if m:
        p.top_n = -int(m.group(1))
    m = re.fullmatch(r"(?:选|要|看)?(?:第)?(\d{1,2})(?:个|项|条)?(?:吧|呢)?", text)
    if m:
        p.choice = int(m.group(1))
    for m in re.finditer(r"(20\d{2})年", text):
        p.years.append(int(m.group(1)))
    for m in _NUMBER.finditer(text):
        raw = m.group(1)
        after = text[m.end():m.end() + 1]
        if after in ("%", "年") or (len(raw) in (3, 5, 7) and "." not in raw and after != "万"):
            continue
        value = Decimal(raw)
        if after == "万" and text[m.end():m.end() + 2] != "万元" and "元" not in text[m.end():m.end() + 3]:
            pass
        p.numbers.append(value)


_ORGANISATION = re.compile(r"([\u4e00-\u9fff]{1,10}?(?:局|委员会|委|办公室|办|厅|院|街道|大学|学校))")


def _other_department(p: Parsed, doc: DocData) -> str:
    """An organisation the question names that is neither the report's department nor its units."""
    from rapidfuzz.distance import LCSseq

    text = _mask(p.squashed, p.entities)
    known = [doc.department] + [n["name"] for n in doc.names if n["kind"] in ("subordinate_unit", "internal_unit", "department")]
    for m in _ORGANISATION.finditer(text):
        name = m.group(1).strip()
        if len(name) < 3:
            continue
        if any(LCSseq.similarity(name, k) >= len(name) * 0.75 for k in known if k):
            continue
        return name
    return ""


def _missing_item(p: Parsed, doc: DocData) -> str:
    """A standard 经济分类 item (会议费, 水电费) named in the question but printed nowhere in the report."""
    from budgetqa.catalogue import STANDARD_ECONOMIC_ITEMS

    text = _mask(p.squashed, [e for e in p.entities if e.via == "exact"])
    printed = {squash(n["name"]) for n in doc.names}
    for item in sorted(STANDARD_ECONOMIC_ITEMS, key=len, reverse=True):
        key = squash(item)
        if key in text and key not in printed and not any(key in name for name in printed):
            return item
    return ""


def _resolve_pinyin(text: str, doc: DocData) -> str:
    """Replace runs of latin letters that spell a known name in pinyin or its initials.

    A run may also be the initials of the start of a name typed on in characters
    (sxhb订阅费用 -> 山西画报订阅费用): it is replaced by that many leading characters.
    """
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
    return text


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
    for m in re.finditer(r"(?<![\d.])(\d{3}|\d{5}|\d{7})(?![\d.]|年|%)", squashed):
        code = m.group(1)
        rows = doc.rows_with_code(code)
        if rows:
            found.append(Entity("code", rows[0].name, code, m.start(), m.end(), 100))
    for m in re.finditer(r"表\s*([一二三四五六七八九十]{1,3}|\d{1,2})(?![\d])", squashed):
        from budgetqa.parser.headers import chinese_ordinal

        no = int(m.group(1)) if m.group(1).isdigit() else chinese_ordinal(m.group(1))
        if no in doc.tables:
            found.append(Entity("table", doc.tables[no].title, str(no), m.start(), m.end(), 100))
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
    for alias in sorted(SYNONYMS, key=len, reverse=True):
        start = squashed.find(alias)
        if start < 0:
            continue
        for canonical in SYNONYMS[alias]:
            group = by_name.get(squash(canonical))
            if group:
                for _, kind, name, ref in group:
                    found.append(Entity(kind, name, ref, start, start + len(alias), 95, "synonym"))
                break
    exact = [e for e in found if e.via == "exact"]
    residue = spaced if spaced is not None else squashed
    for e in sorted(exact, key=lambda e: e.start - e.end):
        residue = residue.replace(squashed[e.start:e.end], " ")
    residue = _strip_fillers(residue)
    found += _contained(residue, squashed, candidates)
    found += _fuzzy(residue, squashed, candidates, found)
    found = _prefer_longest(found)
    found.sort(key=lambda e: (e.start, -e.score))
    return found


def _mask(squashed: str, entities: list[Entity]) -> str:
    chars = list(squashed)
    for e in entities:
        for i in range(e.start, min(e.end, len(chars))):
            chars[i] = " "
    return "".join(chars)


def _strip_fillers(text: str) -> str:
    for word in sorted(FILLERS, key=len, reverse=True):
        text = text.replace(word, " ")
    text = re.sub(r"[\d.%]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


_GENERIC = set("费支出经项目资金预算收入合计年度元万的和及与")
_CONTAINED_KINDS = ("project", "subject", "economic", "glossary", "internal_unit", "subordinate_unit", "fact",
                    "three_public", "asset")


def _contained(residue: str, squashed: str, candidates) -> list[Entity]:
    """A short word that is part of a few names (画报 -> 山西画报订阅费用; 关工委 -> two projects)."""
    out: list[Entity] = []
    for word in residue.split(" "):
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
    taken = {(e.kind, e.name, e.ref) for e in found if e.via in ("exact", "synonym")}
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


def _prefer_longest(entities: list[Entity]) -> list[Entity]:
    """Drop a name whose span lies inside a longer match (一般公共预算 inside 一般公共预算当年支出),
    and a weaker match on the same span when an exact one exists."""
    keep: list[Entity] = []
    for e in sorted(entities, key=lambda e: (-(e.end - e.start), -e.score)):
        inside = any(k.start <= e.start and e.end <= k.end and (k.end - k.start) > (e.end - e.start) for k in keep)
        weaker = any(k.start == e.start and k.end == e.end and k.score - e.score >= 8 for k in keep)
        if not inside and not weaker:
            keep.append(e)
    return keep


def _skeleton(p: Parsed) -> str:
    text = p.squashed
    for e in sorted(p.entities, key=lambda e: -e.start):
        if e.start < len(text):
            text = text[: e.start] + _SLOT.get(e.kind, "{item}") + text[e.end:]
    text = re.sub(r"\d+(?:\.\d+)?%", "{percent}", text)
    text = re.sub(r"\d+(?:\.\d+)?", "{amount}", text)
    return text


def _residue(p: Parsed) -> str:
    return _strip_fillers(_mask(p.squashed, p.entities))


_TEMPLATE_CACHE: dict[str, list[str]] = {}
_MASKED_FOR_CUES = ("code", "subject", "economic", "project", "summary_item", "column")


def rank_intents(p: Parsed) -> list[tuple[float, Intent]]:
    """Every intent scored: template similarity (rapidfuzz) plus cue words, best first."""
    kinds = {e.kind for e in p.entities}
    slots = set()
    for k in kinds:
        slots.add(k)
        if k in ITEM_KINDS or k == "code":
            slots.add("item")
        if k in ("subject", "summary_item"):
            slots.add("subject")
        if k == "glossary":
            slots.add("term")
    if p.numbers:
        slots.add("amount")
    in_text = any(e.start < 10_000 for e in p.entities if e.kind in ITEM_KINDS or e.kind == "code")
    # Cue words count only outside recognised names (绩效工资 is not a question about 绩效).
    masked = _mask(p.squashed, [e for e in p.entities if e.kind in _MASKED_FOR_CUES])
    scored = []
    for intent in INTENTS:
        templates = _TEMPLATE_CACHE.setdefault(intent.name, [squash(t) for t in intent.templates])
        hit = process.extractOne(p.skeleton, templates, scorer=fuzz.ratio, processor=None)
        template_score = hit[1] if hit else 0
        cues = [c for c in intent.cues if p.cue_at(c, masked)]
        if intent.name == "ranking" and p.top_n:
            cues.append("前N")
        if intent.name == "yoy" and p.previous_year:
            cues.append("上年数")
        cue_score = (intent.cue_weight + 8 * (len(cues) - 1) + 2 * max(len(c) for c in cues)) if cues else 0
        score = intent.weight * (0.6 * template_score + cue_score)
        if intent.needs and not (set(intent.needs) & slots):
            score *= 0.3
        if intent.requires_cue and not cues:
            score *= 0.3
        if not intent.requires_cue and intent.needs and set(intent.needs) & slots and in_text:
            score += 22  # a name typed alone is a question about its figure
        scored.append((round(score, 2), intent))
    scored.sort(key=lambda s: -s[0])
    return scored
