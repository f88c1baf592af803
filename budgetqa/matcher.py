"""Understand a question: normalise it, find what it names (budgetqa.names), its numbers and
scope, and rank the intent templates.

Intents are chosen by comparing the question, with what was recognised replaced by slot names,
against the catalogue's templates (rapidfuzz), plus the catalogue's cue words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from rapidfuzz import fuzz, process

from budgetqa.catalogue import (
    INTENTS,
    OUT_OF_SCOPE,
    SCOPE_ALL,
    SCOPE_CARRYOVER,
    SCOPE_CURRENT,
    SCOPE_EXCLUDING,
    SCOPE_PHRASES,
    Intent,
)
from budgetqa.docdata import DocData
from budgetqa.names import (
    _SEPARATORS,
    COLUMN_ITEMS,
    Entity,
    find_entities,
    mask,
    resolve_pinyin,
    strip_fillers,
)
from budgetqa.textnorm import normalise, squash

__all__ = ["COLUMN_ITEMS", "Entity", "Parsed", "chinese_numbers", "parse", "rank_intents"]

# Entity kinds that stand for a figure a question can ask about.
ITEM_KINDS = ("subject", "economic", "project", "fact", "summary_item", "three_public", "column", "target")
_SLOT = {
    "code": "{code}", "subject": "{subject}", "economic": "{item}", "project": "{project}",
    "fact": "{item}", "glossary": "{term}", "summary_item": "{subject}", "table": "{table}",
    "asset": "{item}", "internal_unit": "{unit}", "subordinate_unit": "{unit}", "department": "{department}",
    "three_public": "{item}", "column": "{item}", "duty": "{item}", "target": "{project}",
}
_CN_NUMERAL = "零一二两三四五六七八九十百千万"
_NUMBER = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])")


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
    nth: int | None = None  # 排第二 / 第三大: one place in a ranking
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

    @property
    def table_scope(self) -> int | None:
        """The table the question names (表五, 财政拨款支出预算表 …), if any."""
        return next((int(e.ref) for e in self.entities if e.kind == "table" and e.ref.isdigit()), None)

    def has(self, *cues: str) -> bool:
        """True when any cue word occurs in the question."""
        return any(c in self.squashed for c in cues)


_CN_PATTERNS = (
    (re.compile(r"百分之([零一二两三四五六七八九十百点]+)"), "{}%"),
    (re.compile(r"(?<=前|后|第)([一二两三四五六七八九十]+)"), "{}"),
    (re.compile(r"(?<=倒数)([一二两三四五六七八九十]+)"), "{}"),
    (re.compile(r"(?<=最大的|最多的|最高的|最小的|最少的|最低的)([一二两三四五六七八九十]+)(?=个|项|名|笔)"), "{}"),
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
    text = resolve_pinyin(text, doc)
    text = chinese_numbers(text)
    squashed = squash(text)
    p = Parsed(raw=question, text=text, squashed=squashed)
    p.breaks = _breaks(text)
    _numbers(p)
    p.scope, searchable = _scope(squashed)
    spaced = _scope(_SEPARATORS.sub(" ", text))[1]
    p.previous_year = bool(doc.year and (doc.year - 1) in p.years) or bool(_PREVIOUS_YEAR.search(squashed))
    p.entities = find_entities(searchable, doc, spaced)
    if searchable != squashed and not p.entities and len(strip_fillers(searchable).replace(" ", "")) < 3:
        # The scope words were the name asked about (上年结转是什么意思).
        p.entities = find_entities(squashed, doc, _SEPARATORS.sub(" ", text))
    p.entities = _without_source_clause(p)
    p.other_department = _other_department(p, doc)
    p.missing_item = _missing_item(p, doc)
    p.skeleton = _skeleton(p)
    p.residue = _residue(p)
    p.intents = rank_intents(p)
    return p


_SOURCE_CLAUSE = re.compile(r"^(?:请)?(?:根据|依据|按照|参照)")


def _without_source_clause(p: Parsed) -> list[Entity]:
    """根据…支出决算结构情况，X占…: the opening clause says where to look; only a table named there counts."""
    m = _SOURCE_CLAUSE.match(p.squashed)
    ends = sorted(b for b in p.breaks if m and b > m.end())
    if not m or not ends or ends[0] > 40 or ends[0] >= len(p.squashed) - 2:
        return p.entities
    general = ("fact", "summary_item", "column", "glossary")  # a project or code named there is the subject
    if not any(e.start >= ends[0] and e.kind in ITEM_KINDS for e in p.entities):
        return p.entities
    return [e for e in p.entities if e.start >= ends[0] or e.kind not in general]


# 上年/去年 asked for as a year of its own (not 比上年 comparisons, not 上年结转 money).
_PREVIOUS_YEAR = re.compile(r"(?<![比较与跟和同])(?:上年度?|去年|上一年)(?!结转|财政拨款结转|相比|比|结余|剩下|剩余)")


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
    for m in re.finditer(r"(?:前|top|排名前|最高的|最大的|最多的)(\d{1,2})(?!\d)", text):
        p.top_n = int(m.group(1))
    m = re.search(r"(?:后|倒数|最少的|最小的|最低的)(\d{1,2})(?!\d)", text)
    if m:
        p.top_n = -int(m.group(1))
    m = re.search(r"(?:排|排名|排在|位列|位居|列)第(\d{1,2})(?!\d)|第(\d{1,2})(?:大|多|高|名|位|小|少|低)", text)
    if m:
        p.nth = int(m.group(1) or m.group(2))
    m = re.search(r"倒数第(\d{1,2})(?!\d)", text)
    if m:  # 倒数第二: the second from the bottom
        p.nth = -int(m.group(1))
    m = re.fullmatch(r"(?:选|要|看)?(?:第)?(\d{1,2})(?:个|项|条)?(?:吧|呢)?", text)
    if m:
        p.choice = int(m.group(1))
    for m in re.finditer(r"(?<![\d.])(20[0-4]\d)(?:年|(?![\d.万元%]))", text):  # 2023年, in 2023
        p.years.append(int(m.group(1)))
    for m in _NUMBER.finditer(text):
        raw = m.group(1)
        after = text[m.end():m.end() + 1]
        if after in ("%", "年") or (len(raw) in (3, 5, 7) and "." not in raw and after not in ("万", "元")):
            continue
        value = Decimal(raw)
        if after == "万" and text[m.end():m.end() + 2] != "万元" and "元" not in text[m.end():m.end() + 3]:
            pass
        p.numbers.append(value)


_ORGANISATION = re.compile(r"(?<![这那个])([\u4e00-\u9fff]{1,10}?(?:局|委员会|委办|府办|政办|委|办公室|厅|院|街道|大学|学校))")

def other_level(mention: str, known: str) -> bool:
    """长治市委办公室 / 长治市潞州区委办公室 are not 长治市屯留区委办公室: a party committee or government
    of another level, or of another place of the same level."""
    levels = re.findall(r"([\u4e00-\u9fff]{0,2}?)([省市区县镇乡])(?=委|政府|人民政府)", mention)
    theirs = re.findall(r"([\u4e00-\u9fff]{0,2}?)([省市区县镇乡])(?=委|政府|人民政府)", known)
    if not (levels and theirs):
        return False
    (place, level), (their_place, their_level) = levels[-1], theirs[-1]
    return level != their_level or (len(place) == 2 and len(their_place) == 2 and place != their_place)


_ORGANISATION_TAIL = re.compile(r"[\u4e00-\u9fff]{0,3}?(?:部(?!门)|办公室|局)")


def full_mention(text: str, m: re.Match) -> str:
    """An organisation as typed, with the office inside a committee (区委 + 组织部, 区委办 + 公室)."""
    name = m.group(1)
    tail = _ORGANISATION_TAIL.match(text, m.end())
    if tail and name.endswith("委"):
        return name + tail.group(0)
    if name.endswith("办") and text.startswith("公室", m.end()):
        return name + "公室"
    return name


def _other_department(p: Parsed, doc: DocData) -> str:
    """An organisation the question names that is neither the report's department nor its units."""
    from rapidfuzz.distance import LCSseq

    text = mask(p.squashed, p.entities)
    known = [doc.department] + [n["name"] for n in doc.names if n["kind"] in ("subordinate_unit", "internal_unit", "department")]
    for m in _ORGANISATION.finditer(text):
        name = full_mention(text, m).strip().lstrip("年的和与及在、")
        if any(name in n["name"] for n in doc.names):  # 关工委 inside a project's name
            continue
        if len(name) < 3:
            continue
        if any(LCSseq.similarity(name, k) >= len(name) * 0.8 and not other_level(name, k) for k in known if k):
            continue
        return name
    return ""


def _missing_item(p: Parsed, doc: DocData) -> str:
    """A standard 经济分类 item (会议费, 水电费) named in the question but printed nowhere in the report."""
    from budgetqa.catalogue import STANDARD_ECONOMIC_ITEMS

    text = mask(p.squashed, [e for e in p.entities if e.via == "exact"])
    printed = {squash(n["name"]) for n in doc.names}
    for item in sorted(STANDARD_ECONOMIC_ITEMS, key=len, reverse=True):
        key = squash(item)
        if key in text and key not in printed and not any(key in name for name in printed):
            return item
    return ""


def _skeleton(p: Parsed) -> str:
    text = p.squashed
    for e in sorted(p.entities, key=lambda e: -e.start):
        if e.start < len(text):
            text = text[: e.start] + _SLOT.get(e.kind, "{item}") + text[e.end:]
    text = re.sub(r"\d+(?:\.\d+)?%", "{percent}", text)
    text = re.sub(r"\d+(?:\.\d+)?", "{amount}", text)
    return text


def _residue(p: Parsed) -> str:
    return strip_fillers(mask(p.squashed, p.entities))


_COUNTED_TOTAL = re.compile(r"[两二三四五六七八九十几\d]+(?:项|个|者|笔)的?(?:合计|一共|总共|共计|之和|加起来|总额)")
_BETWEEN_ITEMS = re.compile(r"(?:比|较)(?!上年|去年|上一年)$|^(?:的)?(?:与|和|跟)")


def _between_first_two(p: Parsed, spans: set[tuple[int, int]]) -> str:
    """The words between the first two names, when the question goes on to ask how much more or less."""
    first, second = sorted(spans)[:2]
    if first[1] > second[0] or not re.search(r"(?:多|少|高|低|大|小|差)[\u4e00-\u9fff]{0,3}?(?:多少|几)|相差|差额|差距", p.squashed[second[0]:]):
        return ""
    return p.squashed[first[1]:second[0]]


_TEMPLATE_CACHE: dict[str, list[str]] = {}
_COMPARED_TO = re.compile(r"比(?:上年|去年|上一年|\d{4}年)")
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
    if p.numbers or p.has("平均值", "平均数", "均值", "平均水平"):  # 超过平均值的项目: the mean is the amount
        slots.add("amount")
    in_text = any(e.start < 10_000 for e in p.entities if e.kind in ITEM_KINDS or e.kind == "code")
    # Cue words count only outside recognised names (绩效工资 is not a question about 绩效).
    masked = mask(p.squashed, [e for e in p.entities if e.kind in _MASKED_FOR_CUES])
    # A misspelt or abbreviated name counts with its printed spelling (机关运形经费 -> 机关运行经费).
    masked += " " + " ".join(e.name for e in p.entities if e.via != "exact" and e.kind not in _MASKED_FOR_CUES)
    spans = {(e.start, e.end) for e in p.entities if e.kind in ITEM_KINDS or e.kind == "code"}
    scored = []
    for intent in INTENTS:
        templates = _TEMPLATE_CACHE.setdefault(intent.name, [squash(t) for t in intent.templates])
        hit = process.extractOne(p.skeleton, templates, scorer=fuzz.ratio, processor=None)
        template_score = hit[1] if hit else 0
        cues = [c for c in intent.cues if p.cue_at(c, masked)]
        if intent.name == "glossary" and "为什么是" in masked:
            cues = [c for c in cues if c != "什么是"]  # 三公经费表为什么是空的 asks why, not what
        if intent.name == "ranking" and (p.top_n or p.nth):
            cues.append("前N" if p.top_n else "第N")
        if intent.name == "sum" and len(spans) >= 2 and re.search(r"(?<![增追参附])加(?![班强快])", masked):
            cues.append("加")
        if intent.name == "sum" and len(spans) >= 2 and _COUNTED_TOTAL.search(p.squashed):
            cues.append("两项合计")  # 小学教育和高中教育两项合计多少
        if intent.name == "difference" and len(spans) >= 2 and _BETWEEN_ITEMS.search(_between_first_two(p, spans)):
            cues.append("比…多少")  # 视频会议线路租赁比山西画报订阅多多少钱 (a name may have swallowed 多)
        if intent.name == "glossary" and any(e.kind == "glossary" and p.squashed[e.end:].rstrip("呢啊呀")
                                             in ("是什么", "是啥", "是什么东西") for e in p.entities):
            cues.append("是什么")  # 机关运行经费是什么 (but not 原因是什么, 最少的两项是什么)
        if intent.name == "yoy" and (p.previous_year or _COMPARED_TO.search(masked)):
            cues.append("上年数")
        cue_score = (intent.cue_weight + 8 * (len(cues) - 1) + 2 * max(len(c) for c in cues)) if cues else 0
        score = intent.weight * (0.6 * template_score + cue_score)
        if intent.needs and not (set(intent.needs) & slots):
            score *= 0.3
        if intent.requires_cue and not cues:
            score *= 0.3
        if not intent.requires_cue and intent.needs and set(intent.needs) & slots and in_text:
            score += 22  # a name typed alone is a question about its figure
        if intent.name in ("totals", "lookup", "operating_cost") and _COMPARED_TO.search(masked):
            score *= 0.85  # 预算总额比上年: the change is asked, not the figure
        if intent.name in ("totals", "lookup", "sum") and re.search(r"(?<!哪)(?:几|多少)(?:个|项|条)", masked) \
                and not p.has("金额", "多少钱", "资金", "合计", "多少万", "共计", "总额"):
            score *= 0.8  # 本年项目支出预算一共有几个项目: a count, not the figure
        scored.append((round(score, 2), intent))
    scored.sort(key=lambda s: -s[0])
    return scored
