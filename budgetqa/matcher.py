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

from budgetqa.catalogue import FILLERS, INTENTS, SCOPE_CARRYOVER, SCOPE_CURRENT, SYNONYMS, Intent
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
    _numbers(p)
    p.scope = _scope(squashed)
    p.entities = find_entities(squashed, doc)
    p.skeleton = _skeleton(p)
    p.residue = _residue(p)
    p.intents = rank_intents(p)
    return p


def _scope(squashed: str) -> str | None:
    if any(w in squashed for w in SCOPE_CARRYOVER) and not any(w in squashed for w in ("不含结转", "不含上年结转")):
        return "上年结转"
    if any(w in squashed for w in SCOPE_CURRENT):
        return "本年"
    return None


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


def _resolve_pinyin(text: str, doc: DocData) -> str:
    """Replace runs of latin letters that spell a known name in pinyin (or its initials)."""
    runs = list(re.finditer(r"[a-z]{2,}", text))
    if not runs:
        return text
    names = [n for n in doc.names if n["initials"]]
    for m in reversed(runs):
        word = m.group()
        best = None
        for n in names:
            if word in (n["initials"], n["pinyin"]):
                score = 100
            elif len(word) >= 6 and n["pinyin"].startswith(word):
                score = 90
            elif len(word) >= 3 and n["initials"].startswith(word) and len(n["initials"]) - len(word) <= 1:
                score = 85
            else:
                continue
            if best is None or score > best[0] or (score == best[0] and len(n["name"]) < len(best[1])):
                best = (score, n["name"])
        if best:
            target = best[1]
            if n and any(x["kind"] == "synonym" and x["name"] == target for x in names):
                target = next(x["ref"] for x in names if x["kind"] == "synonym" and x["name"] == target)
            text = text[: m.start()] + target + text[m.end():]
    return text


def _candidates(doc: DocData) -> list[tuple[str, str, str, str]]:
    """(squashed name, kind, printed name, ref) for every name of the document."""
    cached = getattr(doc, "_candidates", None)
    if cached is not None:
        return cached
    out = []
    for n in doc.names:
        if n["kind"] == "synonym":
            continue
        out.append((squash(n["name"]), n["kind"], n["name"], n["ref"] or ""))
    present = {c[0] for c in out}
    for column in COLUMN_ITEMS:
        if column not in present:
            out.append((column, "column", column, ""))
    doc._candidates = out  # type: ignore[attr-defined]
    return out


def find_entities(squashed: str, doc: DocData) -> list[Entity]:
    """Names in the question: codes, exact names, synonyms, then fuzzy matches for typos."""
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
    found = _prefer_longest(found)
    residue = _strip_fillers(_mask(squashed, found))
    if len(residue) >= 3:
        found += _fuzzy(residue, squashed, candidates, found)
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


def _fuzzy(residue: str, squashed: str, candidates, found: list[Entity]) -> list[Entity]:
    """Names written with a typo or a missing character (山西画抱 -> 山西画报订阅费用)."""
    out: list[Entity] = []
    words = [w for w in residue.split(" ") if len(w) >= 3 and len(set(w) - _GENERIC) >= 2]
    taken = {(e.kind, e.name, e.ref) for e in found}
    choices = {i: c[0] for i, c in enumerate(candidates) if len(c[0]) >= 3}
    for word in words:
        hits = process.extract(word, choices, scorer=fuzz.partial_ratio, processor=None, score_cutoff=74, limit=8)
        if not hits:
            continue
        best = hits[0][1]
        for _, score, idx in hits:
            key, kind, name, ref = candidates[idx]
            if score < best - 3 or (kind, name, ref) in taken:
                continue
            common = len((set(word) & set(key)) - _GENERIC)
            if common < 2 or common < min(len(set(word) - _GENERIC), 3) * 0.66:
                continue
            start = squashed.find(word)
            out.append(Entity(kind, name, ref, max(start, 0), max(start, 0) + len(word), score * 0.95, "fuzzy"))
    return out


def _prefer_longest(entities: list[Entity]) -> list[Entity]:
    """Drop a name found inside a longer name's span (一般公共预算 inside 一般公共预算当年支出)."""
    keep: list[Entity] = []
    for e in sorted(entities, key=lambda e: (-(e.end - e.start), -e.score)):
        inside = any(k.start <= e.start and e.end <= k.end and (k.end - k.start) > (e.end - e.start) for k in keep)
        if not inside:
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
    scored = []
    for intent in INTENTS:
        templates = _TEMPLATE_CACHE.setdefault(intent.name, [squash(t) for t in intent.templates])
        hit = process.extractOne(p.skeleton, templates, scorer=fuzz.ratio, processor=None)
        template_score = hit[1] if hit else 0
        cues = [c for c in intent.cues if c in p.squashed]
        cue_score = (40 + 8 * (len(cues) - 1) + 2 * max(len(c) for c in cues)) if cues else 0
        score = intent.weight * (0.6 * template_score + cue_score)
        if intent.needs and not (set(intent.needs) & slots):
            score *= 0.3
        scored.append((round(score, 2), intent))
    scored.sort(key=lambda s: -s[0])
    return scored
