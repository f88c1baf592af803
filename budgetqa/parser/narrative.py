"""The report's prose: stated figures (情况说明), duties, units, assets and the glossary."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from decimal import Decimal

from budgetqa.models import Document, Fact, TextItem
from budgetqa.parser.text import AMOUNT, compact, is_noise, to_decimal

_HEADING = re.compile(
    r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[、.．])"
)
_NUMBERED = re.compile(r"(?:^|(?<=[。；;：:]))\s*(?:（([一二三四五六七八九十]+)）|(\d{1,2})[.．、])")
_GLOSSARY_ENTRY = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[.．、]|（[\d一二三四五六七八九十]+）)(.{1,24}?)(?:[：:]|是指|是对|指)")

_AMOUNT_FACT = re.compile(rf"({AMOUNT})\s*(万元|亿元|元)")
_SHARE = re.compile(rf"占(?:比)?(?:([^，,；。]{{0,12}}?)的)?\s*({AMOUNT})\s*%")
_CHANGE = re.compile(
    rf"比\s*(上年|上一年|上年度|\d{{4}}\s*年(?:度)?(?:预算|决算)?(?:数)?)?\s*(增加|减少|增长|下降)\s*({AMOUNT})\s*(万元|元)"
)
# The subject a 决算 paragraph opens with: 城乡社区规划与管理（项） / 8.实验室及相关设施（2060204）
_SUBJECT_TOPIC = re.compile(r"(?:^\d+[.．]|^|\d+、)([^。；，,]{2,60}?[（(](?:\d{0,2}项|\d{7}|\d{5})[）)])")
_VERB_END = re.compile(r"(?:增加|减少|增长|下降)$")
_COMPLETION = re.compile(rf"完成(年初|全年|调整)?预算数?的\s*({AMOUNT})\s*%")
_COMPARED = re.compile(r"(?:与|较|同|和)\s*(上年|上一年|上年度|\d{4}\s*年度?)\s*(?:相比|比较)")
_IMPLICIT_CHANGE = re.compile(rf"^(.{{0,24}}?)(增加|减少|增长|下降)\s*({AMOUNT})\s*(万元|元)")
_RATE = re.compile(rf"(增长|下降|降低|上升|减少|增加)(?:[（(][^）)]{{0,4}}[）)])?\s*({AMOUNT})\s*%")
_COUNT = re.compile(rf"({AMOUNT})\s*(个|辆|台（套）|台|套|人次|人|项|平方米)")
# A score a sentence states (绩效自评…平均得分99.33分): the self-evaluation's when the sentence is about one.
_SCORE = re.compile(rf"(平均得分|得分|评分)\s*(?:为|是)?\s*({AMOUNT})\s*分")
_LABEL_NOISE = re.compile(
    r"^(?:\d{4}\s*年度?|其中|主要包括|包括|主要用于以下方面|主要用于|共计|合计|为|是|：|:|，|、|\s"
    r"|\(\d+\)|（\d+）|\d+[、.．])+"
)
_SENTENCE_MARK = re.compile(r"[，。；]")
_CLAUSE_MARK = re.compile(r"[，。；：:]")
_LABEL_VERB = re.compile(r"(?<![合总共])(?:为|是|达到|达|约)$|共计$")
_COUNT_VERB = re.compile(r"(?:共有|共计|合计|总计|共|有)$")
_LABEL_NOTE = re.compile(r"[（(][^）)]{0,20}[）)]$")
_LABEL_YEAR = re.compile(r"^.*?(?:年度|年)(?=[^\d])")
_YEAR_START = re.compile(r"^\d{4}")
_LABEL_CUT = re.compile(r"[、：:]")
# a count's label starts after a comma or colon, or after the count listed before it (…项目8项、国家自然科学基金项目702项)
_COUNT_LABEL_CUT = re.compile(r"[，,：:]|(?<=\d[个辆台套人项次])、")
_DIGIT_ITEM = re.compile(r"^\d+、")
_LEVEL_MARK = re.compile(r"（[类款项]）")
_SENTENCE = re.compile(r"[^。；;]+")
_DIGIT = re.compile(r"\d")  # what every AMOUNT begins with (any Unicode digit, as \d in AMOUNT)
# Clauses end at Chinese commas and at ASCII commas that are not thousands separators.
_CLAUSE = re.compile(r"(?:[^，,]|(?<=\d),(?=\d{3}))+")


class _Text:
    """Joined paragraph text with a map from character offset to original line number."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.lines: list[int] = []
        self.last: tuple[int, str, int] = (0, "", 0)

    def add(self, text: str, line: int, raw: str = "") -> None:
        self.last = (len(self.chars), raw, line)  # where the last line starts, as printed (for _fill_slots)
        self.chars.extend(text)
        self.lines.extend([line] * len(text))

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def line_at(self, offset: int) -> int:
        if not self.lines:
            return 0
        return self.lines[min(offset, len(self.lines) - 1)]


def parse(lines: list[str], doc: Document) -> tuple[list[Fact], list[TextItem]]:
    """Stated facts and text items of the report's prose (outside the tables)."""
    sections = _doc_sections(doc)
    facts: list[Fact] = []
    items: list[TextItem] = []
    project = ""
    for title, body in sections:
        named = _PROJECT_NOTE.match(compact(title))
        project = named.group(1) if named else project
        found = _facts(title, body, doc.department)
        facts.extend(found or _headed_amount(project, title, body))
        items.extend(_items(title, body))
    return facts, items + _report_units(lines)


# 人民调解项目经费情况说明: a project described under headings (概述, 立项依据, 实施周期, 年度预算安排 …).
_PROJECT_NOTE = re.compile(r"^(.{2,30}?项目)(?:经费)?(?:情况)?说明$")
_BUDGET_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、)?((?:年度)?预算安排|项目预算|预算金额|资金(?:总额|安排))$")


def _headed_amount(project: str, title: str, body: _Text) -> list[Fact]:
    """An amount alone under a heading that says what it is (六、年度预算安排 / 795万元), in a project's note."""
    heading = _BUDGET_HEADING.match(compact(title))
    alone = re.fullmatch(rf"\s*({AMOUNT})\s*(万元|元)\s*", body.text)
    value = to_decimal(alone.group(1)) if heading and alone and project else None
    if value is None:
        return []
    return [Fact(title, f"{project}{heading.group(1)}", value, alone.group(2), "amount", body.line_at(alone.start(1)),
                 body.text.strip(), topic=project)]


def _doc_sections(doc: Document) -> list[tuple[str, _Text]]:
    """The prose's sections, read once per document (the facts, the passages and the check use them)."""
    key = (len(doc.lines), len(doc.tables), len(doc.performance))
    cached = doc.__dict__.get("_prose_sections")
    if cached is None or cached[0] != key:
        cached = (key, _sections(doc.lines, _table_lines(doc)))
        doc.__dict__["_prose_sections"] = cached
    return cached[1]


def _table_lines(doc: Document) -> set[int]:
    covered: set[int] = set()
    for table in doc.tables:
        last = max([table.line] + [r.line for r in table.rows])
        covered.update(range(table.line, last + 1))
    for sheet in doc.performance:
        end = max([sheet.line] + list(sheet.field_lines.values()) + [i.line for i in sheet.indicators])
        covered.update(range(sheet.line - 4, end + 1))
    return covered


_TOPIC = re.compile(r"(?:主要职能|机构设置|名词解释|编制说明|情况说明|单位构成|概况)$")


def _sections(lines: list[str], covered: set[int]) -> list[tuple[str, _Text]]:
    """Split prose into (heading, text) sections; wrapped lines are joined."""
    sections: list[tuple[str, _Text]] = []
    title, body = "", _Text()
    prose = [len(compact(l)) for i, l in enumerate(lines) if i + 1 not in covered and len(compact(l)) > 10]
    # A line as long as the text's lines is the first line of a wrapped paragraph, not a heading.
    full = sorted(prose)[int(len(prose) * 0.75)] * 0.9 if len(prose) > 20 else 1000
    for idx, line in enumerate(lines):
        no = idx + 1
        if no in covered:
            continue
        if is_noise(line):  # (a lone 2 is a page number, unless it fills the one gap before 台（套） above it)
            if _NUMBERS_ONLY.fullmatch(line) and _unit_holes(body.last[1]) == len(line.split()):
                _fill_slots(body, line, no)
            continue
        text = compact(line)
        if not text:
            continue
        numbered = (
            _HEADING.match(text)
            and len(text) <= 30
            and not _SENTENCE_MARK.search(text[:-1])
            and (not text.endswith(("。", "：", ":", "；")) or text.endswith(("说明。", "情况。")))
            and (len(text) < full or not _HEADING.match(text).group().rstrip("、.．")[-1:].isdigit())
        )
        topic = len(text) <= 40 and _TOPIC.search(text) and not _CLAUSE_MARK.search(text)
        if "名词解释" in title and _GLOSSARY_ENTRY.match(text):
            numbered = topic = False  # 一、财政拨款收入：指…: an entry of the glossary, not a heading
        # (“ ” 0.95 0.00: the quotes of a word above, pulled onto the line of its sentence's numbers)
        if _fill_slots(body, _QUOTES.sub(" ", line) if _QUOTES.search(line) else line, no):
            continue
        if numbered or topic:
            if body.chars or title:
                sections.append((title, body))
            # a sub-heading inside the glossary ((一)收入科目, 1.教育支出) keeps it: its entries are read as
            # entries; a part of the report's own numbering (五、项目绩效目标表) ends it
            inside = "名词解释" in title and not re.match(r"[一二三四五六七八九十]+、", text)
            title, body = (f"名词解释 {text}" if inside else text), _Text()
            continue
        body.add(text, no, line)
    sections.append((title, body))
    return sections


# An amount's place left empty where the text layer moved its number to a line of its own
# (年初预算为 万元，支出决算为 万元。 / 135.90 135.25).
_EMPTY_SLOT = re.compile(r"(?<=[为是达])(?=万元|亿元|元)")
_EMPTY_RATE = re.compile(r"(?<=预算的)(?=[。，；,])")  # 完成年初预算的 。 / 98.20%
# A gap between two printed characters, neither a digit, where a number was left out of the line.
_HOLE = re.compile(r"(?<=[^\d\s])\s+(?=[^\d\s])")
_NUMBERS_ONLY = re.compile(r"\s*(?:\d[\d,]*\.\d+|\d+)%?(?:\s+(?:\d[\d,]*\.\d+|\d+)%?)*\s*")


# Quotation marks the text layer moved off the word they quote (“三公”), and a pair left quoting nothing.
_QUOTES = re.compile(r"[“”\"‘’]")
_BARE_QUOTES = re.compile(r"“\s*”|\"\s*\"|‘\s*’")
# A gap that a count or an amount left, before the unit it is counted in (设备 台（套）, 共有车辆 辆).
_UNIT_AFTER_HOLE = re.compile(r"台|辆|套|万元|亿元|元|平方米|个|人|项|%|年|月|日")


def _unit_holes(raw: str) -> int:
    """How many gaps the line has, when every one of them is right before a unit (else 0)."""
    holes = list(_HOLE.finditer(raw))
    return len(holes) if holes and all(_UNIT_AFTER_HOLE.match(raw, h.end()) for h in holes) else 0


def _fill_slots(body: _Text, line: str, no: int) -> bool:
    """Put the numbers of a line that holds only numbers into the empty amount places of the sentence
    before it, in order, when there are exactly as many (else the line is read as it is)."""
    if not _NUMBERS_ONLY.fullmatch(line):
        return False
    numbers = line.split()
    start, raw, at_line = body.last
    holes = list(_HOLE.finditer(raw))
    if raw and holes and len(holes) == len(numbers) and len(body.chars) - start == len(compact(raw)):
        # the line before has a gap where each number was (机关运行经费支出 万元，比 年度增加 万元，增长 。)
        filled = raw
        for hole, number in reversed(list(zip(holes, numbers))):
            filled = filled[:hole.start()] + number + filled[hole.end():]
        del body.chars[start:], body.lines[start:]
        body.add(compact(filled), at_line, filled)
        return True
    tail = body.text[-160:]
    start = len(body.chars) - len(tail)
    rates = [n.endswith("%") for n in numbers]
    if all(rates) or not any(rates):
        empty = _EMPTY_RATE if all(rates) else _EMPTY_SLOT
        slots = [start + m.start() for m in empty.finditer(tail)]
    else:  # (完成预算的 ，…决算为 万元，完成预算的 ； / 0% 0.00 0%: rates and amounts, each in a place of its kind)
        places = sorted([(m.start(), True) for m in _EMPTY_RATE.finditer(tail)] + [(m.start(), False) for m in _EMPTY_SLOT.finditer(tail)])
        slots = [start + at for at, _ in places] if [rate for _, rate in places] == rates else []
    if not slots or len(slots) != len(numbers):
        return False
    for at, number in reversed(list(zip(slots, numbers))):
        body.chars[at:at] = list(number)
        body.lines[at:at] = [no] * len(number)
    return True


def _clean_label(label: str, department: str) -> str:
    if department:
        label = label.replace(department, "")
    label = _LABEL_VERB.sub("", label)  # 年初预算为 -> 年初预算
    label = _LABEL_NOTE.sub("", label)  # 政府采购金额（以合同签订为准）
    label = _LABEL_YEAR.sub(lambda m: "" if _YEAR_START.match(m.group()) else m.group(), label)
    label = _LABEL_NOISE.sub("", _BARE_QUOTES.sub("", label))  # (“”三公经费…: quotes the text layer emptied)
    return label.strip("，,：:、的 ")


@dataclass
class _Reading:
    """What the sentences of a section have said so far: their facts, the amounts, the subject of
    the last change (a rate that follows is that change's rate)."""

    section: str
    body: _Text
    department: str
    facts: list[Fact] = field(default_factory=list)
    amounts: list[tuple[int, Fact]] = field(default_factory=list)  # (offset in text, fact)
    sentence: str = ""
    sentence_start: int = 0  # where the sentence starts in the section's text
    first_compared: re.Match[str] | None = None  # the sentence's first 与上年相比
    first_amount: Fact | None = None
    last_amount: Fact | None = None
    last_change: str = ""
    since_change: list = field(default_factory=list)  # amounts stated since the sentence's last change
    compared_in_text: list[re.Match[str]] | None = None  # every 与…相比 of the section, when asked

    def add(self, label: str, value: Decimal, unit: str, kind: str, offset: int, **kw) -> Fact:
        fact = Fact(self.section, label, value, unit, kind, self.body.line_at(offset),
                    _quote(self.sentence, offset - self.sentence_start), **kw)
        self.facts.append(fact)
        return fact

    def compared_before(self, text: str, offset: int) -> re.Match[str] | None:
        """The last 与 2022 年度相比 of the section's text that ends before ``offset`` (found once
        for the section, then by binary search: not by reading the text before each figure)."""
        if self.compared_in_text is None:
            self.compared_in_text = list(_COMPARED.finditer(text))
        ends = [m.end() for m in self.compared_in_text]
        k = bisect_left(ends, offset + 1)
        return self.compared_in_text[k - 1] if k else None


def _facts(section: str, body: _Text, department: str) -> list[Fact]:
    text = body.text
    r = _Reading(section, body, department)
    # A 决算 paragraph names its subject: 9、城乡社区支出（类）…城乡社区规划与管理（项）. When the
    # numbered start was read as a heading, the heading holds the first part of the name.
    heading = _DIGIT_ITEM.sub("", section) if _LEVEL_MARK.search(section) else ""
    topic = heading
    for s_match in _SENTENCE.finditer(text):
        sentence = s_match.group()
        named = _SUBJECT_TOPIC.search(sentence)
        if named:
            # (具体包括：1.小学教育（2050202）: the subject after a lead-in and its number)
            topic = (heading if s_match.start() == 0 else "") + re.sub(r"^(?:.*?[：:])?\s*\d*[.．、]?", "", named.group(1))
        sentence_start = len(r.facts)
        r.sentence, r.first_amount, r.last_amount, r.last_change, r.since_change = sentence, None, None, "", []
        if not _DIGIT.search(sentence):
            continue  # every figure a clause states has a digit: a sentence without one states none
        r.sentence_start, r.first_compared = s_match.start(), _COMPARED.search(sentence)
        for clause in _CLAUSE.finditer(sentence):
            if _DIGIT.search(clause.group()):  # (a clause without a digit states nothing either)
                _clause_facts(r, text, clause.group(), s_match.start() + clause.start(), clause.start(), topic)
        for fact in r.facts[sentence_start:]:
            fact.topic = topic
    _link_breakdowns(text, r.amounts)
    return r.facts


def _clause_facts(r: _Reading, text: str, ctext: str, cbase: int, at: int, topic: str) -> None:
    """The facts of one clause (between commas) of a sentence; ``at`` is where it starts in it."""
    change_spans = [m.span() for m in _CHANGE.finditer(ctext)]
    compared = None if change_spans else _compared_before(r.sentence, r.first_compared, at)
    implicit = _IMPLICIT_CHANGE.match(ctext) if compared else None
    if implicit:
        change_spans.append(implicit.span())
    clause_amount = _clause_amounts(r, text, ctext, cbase, change_spans)
    for m in _CHANGE.finditer(ctext):
        subject = clause_amount or _changed(r, at)
        value = to_decimal(m.group(3))
        if value is None:
            continue
        sign = -1 if m.group(2) in ("减少", "下降") else 1
        # No amount before it: the words before 比 say what changed (“三公”经费…决算数比2023年度减少).
        subject_label = subject.label if subject else _clean_label(_before(ctext, m.start()), r.department)
        r.add(f"{subject_label}变动", value * sign, m.group(4), "change", cbase + m.start(),
              subject=subject_label, basis=compact(m.group(1) or "上年"))
        r.last_change, r.since_change = subject_label, []
    if implicit:  # 与2023年度相比，收入支出总计增加1062.85万元
        label = _clean_label(implicit.group(1), r.department)
        value = to_decimal(implicit.group(3))
        if value is not None:
            sign = -1 if implicit.group(2) in ("减少", "下降") else 1
            subject_label = label or (r.first_amount.label if r.first_amount else "")
            r.add(f"{subject_label}变动", value * sign, implicit.group(4), "change", cbase + implicit.start(3),
                  subject=subject_label, basis=compact(compared.group(1)))
            r.last_change = subject_label
    _clause_ratios(r, ctext, cbase, clause_amount, topic)


def _clause_amounts(r: _Reading, text: str, ctext: str, cbase: int, change_spans) -> Fact | None:
    """The amounts a clause states (not those of its changes); the first one, or None."""
    clause_amount = None
    label_from = 0
    for m in _AMOUNT_FACT.finditer(ctext):
        if any(a <= m.start() < b for a, b in change_spans):
            continue
        before = _LABEL_CUT.split(ctext[label_from : m.start()])
        label_from = m.end()
        label = _clean_label(before[-1] or "".join(before), r.department)
        value = to_decimal(m.group(1))
        if value is None or not label:
            continue
        verb = _VERB_END.search(label)
        if verb and label[: verb.start()]:
            # 其中：财政拨款收入增加 14,458.07 万元 — a change of its subject, not an amount.
            sign = -1 if verb.group() in ("减少", "下降") else 1
            prior = r.compared_before(text, cbase)  # 与 2022 年度相比 … 其中：
            r.add(f"{label[: verb.start()]}变动", value * sign, m.group(2), "change", cbase + m.start(),
                  subject=label[: verb.start()], basis=compact(prior.group(1)) if prior else "上年")
            continue
        fact = r.add(label, value, m.group(2), "amount", cbase + m.start())
        r.amounts.append((cbase + m.start(), fact))
        clause_amount = clause_amount or fact
        r.last_amount = fact
        r.first_amount = r.first_amount or fact
        r.since_change.append(fact)
    return clause_amount


def _changed(r: _Reading, at: int) -> Fact | None:
    """What a change with no amount in its own clause is of: the one amount stated since the last
    change (严控290.5万元，比上年减少26.7万元); of several, the total their 其中 splits (收入总计…，其中：
    本年收入…，上年结转…，比上年减少…), else the last (收入…，支出…，比上年增加…)."""
    if len(r.since_change) == 1:
        return r.since_change[0]
    if r.since_change and "其中" not in r.sentence[:at]:
        return r.since_change[-1]
    return r.first_amount


def _clause_ratios(r: _Reading, ctext: str, cbase: int, clause_amount: Fact | None, topic: str) -> None:
    """A clause's rates, completion ratios, shares and counts."""
    for m in _RATE.finditer(ctext):
        subject = clause_amount or r.first_amount
        value = to_decimal(m.group(2))
        if value is None:
            continue
        sign = -1 if m.group(1) in ("下降", "降低", "减少") else 1
        subject_label = r.last_change or (subject.label if subject else "")
        r.add(f"{subject_label}变动率", value * sign, "%", "rate", cbase + m.start(), subject=subject_label)
    for m in _COMPLETION.finditer(ctext):
        value = to_decimal(m.group(2))
        if value is not None:  # (完成预算的 X%: of the budget at the start of the year, as most reports mean)
            r.add(f"完成{m.group(1) or '年初'}预算的比例", value, "%", "share", cbase + m.start(), subject=topic or r.section)
    for m in _SHARE.finditer(ctext):
        subject = clause_amount or r.last_amount
        value = to_decimal(m.group(2))
        if value is None:
            continue
        r.add(f"{subject.label if subject else ''}占比", value, "%", "share", cbase + m.start(),
              subject=subject.label if subject else "",
              basis=compact(m.group(1) or ""))  # the whole it is a share of, when named
    for m in _COUNT.finditer(ctext):
        if ctext[m.start() - 1 : m.start()] in ("（", "(") and ctext[m.end() : m.end() + 1] in ("）", ")"):
            continue  # 行政运行（01项）: a subject's code, not a count
        label = _clean_label(_COUNT_LABEL_CUT.split(_before(ctext, m.start()))[-1], r.department)
        label = _COUNT_VERB.sub("", label).rstrip("的")  # (编报绩效目标的项目共41个: the projects, not 项目共)
        value = to_decimal(m.group(1))
        if value is None or not label:
            continue
        r.add(label, value, m.group(2), "count", cbase + m.start())
    for m in _SCORE.finditer(ctext):
        value = to_decimal(m.group(2))
        if value is not None:
            about = "绩效自评" if "自评" in ctext[max(0, m.start() - 80):m.start()] else ""
            r.add(f"{about}{m.group(1)}", value, "分", "count", cbase + m.start())


_STOPS = tuple(re.compile(p) for p in (r"。", r"其中", r"比\s*(?:上年|上一年|\d{4})"))
_SEMICOLON = re.compile(r"；")


_LONGEST_QUOTE = 1000  # characters; real sentences have at most a few hundred


def _before(clause: str, end: int) -> str:
    """The clause up to ``end``: at most _LONGEST_QUOTE characters (a label is the few words before
    its figure; a run-on clause with many figures would be re-read whole for each)."""
    return clause[max(0, end - _LONGEST_QUOTE): end]


def _quote(sentence: str, at: int) -> str:
    """The sentence a figure is quoted from; from a run-on text with no sentence ends (a damaged
    file), the 300 characters around the figure, so that a thousand figures do not each carry it."""
    if len(sentence) <= _LONGEST_QUOTE:
        return sentence
    return sentence[max(0, at - 150): at + 150]


def _compared_before(sentence: str, first: re.Match[str] | None, end: int) -> re.Match[str] | None:
    """The first 与上年相比 of the sentence that ends before ``end`` (a clause's start), found from
    the sentence's first one (searching each clause's prefix again costs the square of a run-on
    sentence)."""
    if first is None or first.start() >= end:
        return None
    return first if first.end() <= end else _COMPARED.search(sentence, 0, end)


def _link_breakdowns(text: str, amounts: list[tuple[int, Fact]]) -> None:
    """'总额12.00万元。其中：货物2.00万元、服务10.00万元' -> the parts point at their total.

    ``amounts`` are in text order. Every look-up below is a binary search over offsets, so that a
    long text with many 其中 costs about as much as the amounts in it (not their product)."""
    offsets = [off for off, _ in amounts]
    running = [Decimal(0)]
    for _, fact in amounts:
        running.append(running[-1] + fact.value)
    stops = [[m.start() for m in pattern.finditer(text)] for pattern in _STOPS]
    unlinked: list[Fact] = []  # amounts before the current 其中 that no earlier 其中 took as parts
    pushed = 0
    for m in re.finditer(r"其中", text):
        while pushed < len(amounts) and offsets[pushed] < m.start():
            fact = amounts[pushed][1]
            if fact.part_of is None:
                unlinked.append(fact)
            pushed += 1
        if not unlinked:
            continue
        total = unlinked[-1]
        stop = len(text)
        for positions in stops:
            k = bisect_left(positions, m.end())
            if k < len(positions):
                stop = min(stop, positions[k])
        first = bisect_left(offsets, m.end())
        last = bisect_left(offsets, stop)

        def makes_total(start: int, end: int) -> bool:
            return end - start >= 2 and abs(running[end] - running[start] - total.value) <= Decimal("0.01") * (end - start)

        if last - first < 2:  # 其中：A…，比上年增加…；B…，比上年减少…: parts that each state a change, up to the
            k = bisect_left(stops[0], m.end())  # sentence's end, when they add up to the total
            end = bisect_left(offsets, stops[0][k] if k < len(stops[0]) else len(text))
            wider = next((e for e in range(end, first + 1, -1) if makes_total(first, e)), None)
            last = wider if wider is not None else last

        # A semicolon ends the list when the parts before it already make the total (what
        # follows is a new statement: "…上年结转 106,848.41 万元；本年支出预算 …"). When the parts
        # after it make the total too, or the total is a 收支 total (income and spending of one
        # sum), they are a second split of the same total: "收支总预算 490,808.40 万元，其中本年
        # 收入预算…上年结转…；本年支出预算…结转下年…" adds each side, never both.
        splits = [(first, last, m.start() + 1)]
        for semi in _SEMICOLON.finditer(text, m.end(), stop):
            at = bisect_left(offsets, semi.start())
            two_sided = at - first >= 2 and last - at >= 2 and ("收支" in total.label or makes_total(at, last))
            if two_sided:
                splits = [(first, at, m.start() + 1), (at, last, semi.start() + 1)]
                break
            if makes_total(first, at):
                splits = [(first, at, m.start() + 1)]
                break
        for start, end, number in splits:
            if end - start >= 2:
                for _, part in amounts[start:end]:
                    part.part_of = total
                    part.breakdown = number


def _items(section: str, body: _Text) -> list[TextItem]:
    text = body.text
    items: list[TextItem] = []
    if any(k in section for k in ("职责", "主要职能", "职能")):
        seen = set()
        for number, (start, end) in _numbered_spans(text) or _semicolon_spans(text):
            duty = text[start:end].strip()
            if (number, duty) not in seen:  # (a list printed twice over is one list)
                items.append(TextItem("duty", number, duty, body.line_at(start)))
                seen.add((number, duty))
    if "机构设置" in section or "单位构成" in section:
        for kind, pattern in (("internal_unit", r"内设机构(?:包括|有)?[：:]?"), ("subordinate_unit", r"下属单位(?:包括|有)?[：:]?")):
            m = re.search(pattern + r"([^。]+)", text)
            if m:
                for name in re.split(r"[、，,和及]", m.group(1)):
                    name = name.strip("。 ")
                    if name:
                        items.append(TextItem(kind, name, name, body.line_at(m.start(1) + m.group(1).find(name))))
        if text:
            items.append(TextItem("organisation", text, text, body.line_at(0)))
    if "名词解释" in section:
        items.extend(_glossary(body))
    if "国有资产" in section or "车辆" in section or "房屋" in section:
        items.extend(_assets(body))
    return items


# The units a department's report is made of: 纳入…编制范围的单位包括：/ 部门预算是包括…，具体包括：
_UNITS_LEAD = re.compile(r"(?:编制范围的单位|单位构成|具体)包括[：:]?")
_UNIT_END = re.compile(r"(?:本级|本部|局|中心|大队|支队|总队|所|站|院|馆|校|大学|中学|小学|幼儿园|办公室|委员会|处|队|会|社|部|厅|司|单位)"
                       r"(?:[（(][^）)]{1,16}[）)])?$")


# …部门预算包括大学、附属中学及附属小学。/ …部门决算反映A、B、C的经费收支情况。: the units named in one sentence
_UNITS_INLINE = re.compile(r"(?:预算|决算)(?:的单位)?(?:包括|反映了?|涵盖了?)([^。：:；;]{4,80}?)(?:的(?:经费|财务)?收支(?:情况)?)?。")


def _report_units(lines: list[str]) -> list[TextItem]:
    """The units listed after a lead-in (one a line, numbered; a name may wrap, its note in brackets on
    a line of its own), or named in one sentence: each a report_unit item. Nothing unless every name read
    ends like a unit's."""
    compacted = [compact(line) for line in lines]
    for k, line in enumerate(compacted):  # (the sentence may wrap onto the next line: one that starts on this one)
        m = _UNITS_INLINE.search(line)
        if m is None and (m := _UNITS_INLINE.search(line + (compacted[k + 1] if k + 1 < len(compacted) else ""))) \
                and m.start() >= len(line):
            m = None
        named = [n for n in re.split(r"[、，,]|及|和", m.group(1)) if n] if m else []
        if len(named) >= 2 and all(_UNIT_END.search(n) for n in named):
            return [TextItem("report_unit", n, n, k + 1) for n in named]
    for k, line in enumerate(compacted):
        if "包括" not in line:
            continue
        before = [b for b in compacted[max(0, k - 3):k] if not b.isdigit()]
        tail = before[-1][-12:] if before else ""  # (the lead-in may wrap: 编 / 制范围的单位包括：; a year moved out between)
        m = _UNITS_LEAD.search(tail + line)
        if m is not None and m.end() > len(tail):
            found = _units_from(lines, k, m.end() - len(tail))
            if found:
                return found
    return []


def _units_from(lines: list[str], first: int, at: int) -> list[TextItem]:
    names: list[tuple[str, int]] = []
    for k in range(first, min(first + 30, len(lines))):
        raw = compact(lines[k])[at:] if k == first else compact(lines[k])
        s = re.sub(r"^序号单位名称备注|^\d{1,2}[.．、]?", "", raw)
        if not s:
            continue  # (a number on a line of its own)
        if "。" in s or len(s) > 40 or s.endswith("表") or names and len(s) < 8 and not _UNIT_END.search(s) \
                and not s.startswith(("（", "(")):
            break  # (the next heading: 名词解释)
        if names and (re.fullmatch(r"[（(][^）)]{1,16}[）)]", s) or not _UNIT_END.search(names[-1][0])):
            names[-1] = (names[-1][0] + s, names[-1][1])  # a note, or the rest of a wrapped name
            continue
        names.append((s, k + 1))
    if not names or not all(_UNIT_END.search(n) for n, _ in names):
        return []
    return [TextItem("report_unit", n, n, line) for n, line in names]


def _semicolon_spans(text: str) -> list[tuple[str, tuple[int, int]]]:
    """主要职责是：A；B；C等。: duties written as one sentence, one per clause between semicolons (numbered 1, 2 …)."""
    m = re.search(r"主要职责(?:是|为|包括|有)?[：:]", text)
    if m is None:
        return []
    end = text.find("。", m.end())
    end = len(text) if end < 0 else end + 1
    spans, start = [], m.end()
    for semi in re.finditer(r"[；;]|$", text[m.end():end]):
        stop = m.end() + semi.start()
        if stop - start >= 4:
            spans.append((str(len(spans) + 1), (start, stop)))
        start = m.end() + semi.end()
    return spans if len(spans) >= 2 else []


def _numbered_spans(text: str) -> list[tuple[str, tuple[int, int]]]:
    marks = [(m.group(1) or m.group(2), m.start(), m.end()) for m in _NUMBERED.finditer(text)]
    spans = []
    for k, (number, _, end) in enumerate(marks):
        stop = marks[k + 1][1] if k + 1 < len(marks) else len(text)
        if k + 1 < len(marks) and marks[k + 1][0] in ("一", "1") and "。" in text[end:stop]:
            stop = text.index("。", end) + 1  # the numbering starts again: what comes before it opens another list
        spans.append((number, (end, stop)))
    return spans


def _glossary(body: _Text) -> list[TextItem]:
    """名词解释 entries: the term before its colon (or 指/是指) and the definition after."""
    items = []
    text = body.text
    # an entry opens a sentence; a bracketed number opens one after a heading too (1.教育支出（1）高等教育：反映…)
    starts = [m.start() for m in re.finditer(r"(?:(?<=[。])|^)(?:[一二三四五六七八九十]+、|\d+[.．])|（[\d一二三四五六七八九十]+）", text)]
    for k, start in enumerate(starts):
        chunk = text[start : starts[k + 1] if k + 1 < len(starts) else len(text)]
        m = _GLOSSARY_ENTRY.match(chunk)
        if not m:
            continue
        term = re.sub(r"[“”\"]", "", m.group(1))
        if re.search(r"\d{3,7}", term):
            continue  # 高中教育（2050204）：反映…: a classification code explained, not a term of the glossary
        items.append(TextItem("glossary", term, chunk[m.end():].strip("：: "), body.line_at(start)))
        items.extend(_glossary_parts(body, start, chunk, term))
    return items


_GLOSSARY_PART = re.compile(r"([^，,；;。：:、\s]{3,16}?)(?:反映|是指|指)")


def _glossary_parts(body: _Text, start: int, chunk: str, term: str) -> list[TextItem]:
    """The items an entry explains one by one after 其中 (三公经费：… 其中：因公出国（境）费用反映…；
    公务用车购置费反映…): each its own entry, its clause as printed."""
    where = chunk.find("其中")
    if where < 0:
        return []
    out, offset = [], where + 2
    for clause in re.split(r"[；;。]", chunk[offset:]):
        m = _GLOSSARY_PART.match(clause.lstrip("：: "))
        if m and m.group(1) != term:
            out.append(TextItem("glossary", m.group(1), clause.strip("：: "), body.line_at(start + offset)))
        offset += len(clause) + 1
    return out


# The words before a figure are read within 200 characters (a real clause has a few dozen): an
# unbounded run tried from every start of a text with no punctuation costs its length squared.
_VEHICLE = re.compile(rf"([^，,；;：:。、]{{0,200}}?(?:用车|车辆|编制|实有)[^，,；;：:。、\d]{{0,200}}?)\s*({AMOUNT})\s*辆")
_AREA = re.compile(rf"([^，,；;：:。]{{0,200}}?面积)\s*({AMOUNT})\s*平方米")
_EQUIPMENT = re.compile(rf"(价值|单价)\s*({AMOUNT})\s*万元[^，,；;。]{{0,200}}?以上的?([^，,；;。\d]{{0,200}}?)\s*({AMOUNT})\s*台")


_VEHICLES = re.compile(rf"{AMOUNT}\s*辆")
_SQUARE_METRES = re.compile(rf"{AMOUNT}\s*平方米")
_UNITS = re.compile(rf"{AMOUNT}\s*台")


def _before_figures(pattern: re.Pattern[str], figure: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """``pattern``'s matches, each looked for only in the 600 characters up to a figure it ends on
    (the figures are few; trying the pattern from every character of a long unpunctuated text
    costs the square of its length)."""
    found: list[re.Match[str]] = []
    done = 0
    for f in figure.finditer(text):
        m = pattern.search(text, max(done, f.start() - 600), f.end())
        if m:
            found.append(m)
            done = m.end()
    return found


def _assets(body: _Text) -> list[TextItem]:
    items = []
    text = body.text
    for m in _before_figures(_VEHICLE, _VEHICLES, text):
        name = re.sub(r"^.*?(?:共有|其中)", "", m.group(1)).strip("，,：: ")
        if "车" not in name:
            name = f"公务用车{name}"
        items.append(TextItem("asset", name or "车辆", m.group(0), body.line_at(m.start(2)), to_decimal(m.group(2)), "辆"))
    for m in _before_figures(_AREA, _SQUARE_METRES, text):
        name = re.sub(r"^.*?使用的", "", m.group(1))
        items.append(TextItem("asset", name, m.group(0), body.line_at(m.start(2)), to_decimal(m.group(2)), "平方米"))
    for m in _before_figures(_EQUIPMENT, _UNITS, text):
        name = f"{m.group(1)}{m.group(2)}万元以上{m.group(3)}".strip()
        items.append(TextItem("asset", name, m.group(0), body.line_at(m.start(4)), to_decimal(m.group(4)), "台（套）"))
    return items


def passages(doc: Document) -> list[tuple[str, int, str]]:
    """(section heading, line, sentence) for every sentence of the prose, wrapped lines joined:
    what a question about the text (not a table) is answered from."""
    out = []
    for title, body in _doc_sections(doc):
        text = body.text
        for m in re.finditer(r"[^。；;！？!?]+[。；;！？!?]?", text):
            sentence = m.group().strip()
            if len(sentence) >= 4:
                out.append((title, body.line_at(m.start()), sentence))
    return out


_BUDGET_TITLE = re.compile(r"(?:部门|单位)(?:预算|决算)|预算(?:情况)?说明|决算(?:情况)?说明|预算公开|决算公开")
_BUDGET_WORDS = ("财政拨款", "基本支出", "项目支出", "三公", "一般公共预算", "机关运行经费", "政府采购")


def is_budget_narrative(lines: list[str]) -> bool:
    """True for a report with no tables that still is a budget disclosure: its title says 预算/决算
    and its text states figures of the budget (财政拨款…万元, 三公, 基本支出)."""
    head = compact("".join(lines[:8]))
    if not _BUDGET_TITLE.search(head):
        return False
    text = compact("".join(lines[:400]))
    words = sum(1 for w in _BUDGET_WORDS if w in text)
    return words >= 3 and len(_AMOUNT_FACT.findall(text)) >= 3


def prose(doc: Document) -> list[tuple[str, str, callable]]:
    """(section heading, text, offset -> line) for every section of the prose, wrapped lines joined."""
    return [(title, body.text, body.line_at) for title, body in _doc_sections(doc)]
