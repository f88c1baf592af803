"""The names a question can use for the things one report prints, built once per document.

Every term says what kind of thing it names and how to find it again in the document model:
a classification code, an economic item, a row of another table, a column header, a project, a
performance sheet, a stated figure, a term of the glossary, a unit, an asset, a table, a topic, a
group of items, the department. Synonyms from the lexicon point at the names this report prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from budgetqa import lexicon, patterns
from budgetqa.models import Document
from budgetqa.textnorm import compact, strip_ordinal
from budgetqa.textnorm import squash

# Row kinds of tables whose rows are items of the economic classification.
ECONOMIC_TABLES = ("basic_economic",)
_GENERIC_COLUMNS = {"合计", "小计", "总计", "金额", "预算数", "决算数", "本年收入", "本年支出", "项目", "科目名称", "科目编码"}
_FACT_OPENING = patterns.compile(r"^(?:学校|本校|全校|本单位|本部门|我单位|我部门)?(?:\d{4}年度?)?(?:各项)?")
_JUNK_FACT = patterns.compile(r"^(?:涉及|共计|金额|资金|合计|总额|其中|占有使用价值|价值|实有)")
# Stated figures whose label names no subject (2026年预算安排1672.67万元, 全年预算为52.00万元): what they
# are a figure of is in the sentence, not the label, so the label names nothing a question could mean.
_SUBJECTLESS_FACT = patterns.compile(r"^(?:\d{4}年度?)?(?:预算安排|全年预算|年初预算|调整预算|调整后预算|支出决算|预算执行数"
                               r"|当年预算执行数|预算数|决算数|执行数)$")


@dataclass(frozen=True)
class Term:
    """One thing a question can name: its kind, the key the document finds it by, its printed name."""

    kind: str  # code, item, row, column, project, target, fact, term, unit, asset, table, topic, group, department
    key: str
    name: str


@dataclass
class Vocabulary:
    """Every name of one document, by the squashed form a question is compared in."""

    by_name: dict[str, list[Term]] = field(default_factory=dict)
    synonyms: dict[str, list[Term]] = field(default_factory=dict)  # typed word -> the printed names it may mean
    codes: dict[str, Term] = field(default_factory=dict)  # classification code -> what it names
    purposes: dict[str, list[Term]] = field(default_factory=dict)  # what the narrative says a code's money is for
    spellings: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> (pinyin, initials)

    def add(self, kind: str, key: str, name: str, spelled: str | None = None) -> None:
        """Add a term under its squashed name (and under ``spelled``, another way to write it)."""
        for form in {squash(name), squash(spelled or name)}:
            if len(form) >= 2:
                terms = self.by_name.setdefault(form, [])
                term = Term(kind, key, name)
                if term not in terms:
                    terms.append(term)

    @cached_property
    def pieces(self) -> dict[str, list[str]]:
        """Every stretch of 2 to 10 characters of every name -> the names holding it (for partial names)."""
        return _stretches(self.by_name, 2, 10)

    @cached_property
    def purpose_pieces(self) -> dict[str, list[str]]:
        """Every stretch of 4 to 16 characters of every stated purpose -> the purposes holding it."""
        return _stretches(self.purposes, 4, 16)

    @cached_property
    def printed(self) -> frozenset[str]:
        """Every printed name, squashed (for telling what a report does not print)."""
        return frozenset(squash(t.name) for terms in self.by_name.values() for t in terms)

    @cached_property
    def longest_first(self) -> list[tuple[str, list[Term]]]:
        """Names longest first, for exact matching."""
        return sorted(self.by_name.items(), key=lambda kv: -len(kv[0]))


def _stretches(keys, shortest: int, longest: int) -> dict[str, list[str]]:
    """Every stretch of shortest to longest characters of every key -> the keys holding it, in order."""
    out: dict[str, list[str]] = {}
    for key in keys:
        for size in range(shortest, min(len(key), longest) + 1):
            for i in range(len(key) - size + 1):
                holders = out.setdefault(key[i:i + size], [])
                if not holders or holders[-1] != key:
                    holders.append(key)
    return out


_CACHE: dict[int, tuple[Document, Vocabulary]] = {}


def vocabulary(doc: Document) -> Vocabulary:
    """The document's vocabulary (built on first use, kept while the document object lives)."""
    cached = _CACHE.get(id(doc))
    if cached is not None and cached[0] is doc:
        return cached[1]
    if len(_CACHE) >= 16:
        _CACHE.pop(next(iter(_CACHE)))
    v = _build(doc)
    _CACHE[id(doc)] = (doc, v)
    return v


def printed_text(doc: Document) -> str:
    """The report's whole text squashed into one line (a sentence wraps across lines), built once per document."""
    v = vocabulary(doc)
    cached = getattr(v, "_printed_text", None)
    if cached is None:
        cached = v._printed_text = squash("".join(doc.lines))
    return cached


def table_core(title: str, department: str) -> str:
    """What a title says a table holds: 2024年一般公共预算支出预算表（不含上年结转） -> 一般公共预算支出."""
    text = compact(title).replace(compact(department), "")
    text = re.sub(r"^\d{4}年度?", "", text)
    text = re.sub(r"[（(][^）)]*[）)]$", "", text)
    text = re.sub(r"^(?:预算单位|部门|单位|财政拨款安排)", "", text) if not text.startswith("财政拨款收") else text
    return re.sub(r"(?:预算|决算)?(?:总表|表)$", "", text)


def _build(doc: Document) -> Vocabulary:
    v = Vocabulary(spellings=doc.spellings)
    _tables(v, doc)
    for p in doc.projects:
        v.add("project", p.name, p.name, re.sub(r"^20\d{2}年度?", "", p.name))
    for scope in {p.scope for p in doc.projects}:  # 上年结转项目 / 本年项目支出: a project list's total
        for word in lexicon.LIST_NAMES.get(scope, ()):
            v.add("list", scope, word)
    projects = {squash(p.name) for p in doc.projects}
    for sheet in doc.performance:
        bare = re.sub(r"^(?:[\d\-－—\s]+|\d{4}年度?)", "", sheet.project_name).strip("-－— ")
        kind = "project" if squash(sheet.project_name) in projects else "target"
        v.add(kind, sheet.project_name, sheet.project_name, bare if len(bare) >= 4 else None)
    for fact in doc.facts:
        if fact.kind in ("amount", "count") and len(fact.label) >= 3 and not _JUNK_FACT.match(fact.label) \
                and not fact.label.endswith(("以上", "以下")) and not _SUBJECTLESS_FACT.match(fact.label):
            # 学校2024年度收入总计: also named without who and when (收入总计)
            bare = _FACT_OPENING.sub("", fact.label)
            v.add("fact", fact.label, fact.label, bare if len(bare) >= 3 else None)
            yearless = re.sub(r"\s*20\d{2}\s*年度?\s*", "", fact.label)  # 绩效自评的2024年度项目: 绩效自评的项目
            if yearless != fact.label and len(yearless) >= 4:
                v.add("fact", fact.label, yearless)
    kinds = {"glossary": "term", "internal_unit": "unit", "subordinate_unit": "unit", "asset": "asset"}
    for item in doc.items:
        if item.kind == "glossary":  # 基本支出预算：指…: the term is 基本支出 (预算 is what the report is)
            plain = re.sub(r"(?:预算|决算)$", "", item.name)
            v.add("term", item.name, plain if len(plain) >= 3 else item.name)
        elif item.kind in kinds:
            v.add(kinds[item.kind], item.name, item.name)
    for column in lexicon.COLUMN_ITEMS:
        v.add("column", column, column)
    for topic, words in lexicon.TOPICS.items():
        for word in (topic, *words):
            v.add("topic", topic, word)
    v.add("department", doc.department, doc.department)
    _groups(v, doc)
    _synonyms(v)
    _purposes(v, doc)
    return v


def _tables(v: Vocabulary, doc: Document) -> None:
    for table in doc.tables:
        v.add("table", str(table.no), table.title)
        core = table_core(table.title, doc.department)
        # a 决算 title's last words in either order (收入决算表 is asked as 决算收入表)
        # (高等学校支出决算表 is asked without who issues it: 支出决算表)
        issuer = re.sub(r"^[\u4e00-\u9fff]{0,2}(?:学校|学院|大学)(?=收|支|财)", "", compact(table.title))
        # a title ending in the scope of its money (项目支出预算表（本年预算）) is asked with it before (本年项目支出预算表)
        scope = re.search(r"[（(](本年|当年|上年结转)(?:预算|安排)?[）)]$", compact(table.title))
        scoped = {scope.group(1) + core + tail for tail in ("表", "预算表")} if scope else set()
        for key in {core, re.sub(r"(?:支出|收入)$", "", core), issuer} | _swapped_tail(table, doc.tables) | scoped:
            if len(key) >= 5 and key not in lexicon.COLUMN_ITEMS:
                v.add("table", str(table.no), key)
        for column in table.columns:
            leaf = column.rsplit("/", 1)[-1].removeprefix("其中：").removeprefix("其中")
            if len(leaf) >= 2 and leaf not in _GENERIC_COLUMNS and not leaf.startswith("第") and not re.match(r"\d{4}", leaf):
                v.add("column", leaf, leaf)
        for row in table.rows:
            _row(v, table, row, doc.department)


def _swapped_tail(table, tables) -> set[str]:
    """A 决算 title's last words in the other order (收入决算表 asked as 决算收入表), when no other table
    of the report ends in the same words."""
    tail = re.search(r"(收入|支出)决算表$", table.title)
    if tail is None or sum(t.title.endswith(tail.group(0)) for t in tables) > 1:
        return set()
    return {f"决算{tail.group(1)}表"}


_BARE_TOTALS = {"合计", "总计", "小计", "部门合计", "总合计"}
_BARE_WORDS = {"支出", "收入", "出", "入", "支", "费", "经费", "资金"}


def _row(v: Vocabulary, table, row, department: str = "") -> None:
    if table.kind.startswith("projects") or compact(row.name) in _BARE_TOTALS and not row.code:
        return
    if department and compact(department) in compact(row.name):
        return  # the department's own total row: the department is named to pick the report
    if row.code and row.code[0] == "3" or table.kind in ECONOMIC_TABLES:
        v.add("item", compact(row.name), row.name)
        if row.code:
            v.codes.setdefault(row.code, Term("item", compact(row.name), row.name))
    elif row.code:
        v.codes.setdefault(row.code, Term("code", row.code, row.name))
        if compact(row.name) not in _BARE_WORDS:  # a wrapped name's tail (支出) names nothing: the code still does
            v.add("code", row.code, row.name)
    else:
        name = strip_ordinal(compact(row.name))
        short = re.sub(r"(?:合计|总计)$", "", name)  # 本年收入合计 is said 本年收入
        v.add("row", name, name, short if len(short) >= 4 and short != name else None)
        part = re.sub(r"^其中[：:]?", "", name)  # 其中：政府性基金预算财政拨款 is said without its 其中
        if part != name and len(part) >= 4:
            v.add("row", name, name, part)


def _groups(v: Vocabulary, doc: Document) -> None:
    """A group word counts when the report prints at least two of its members."""
    printed = {squash(name) for name, terms in v.by_name.items() if any(t.kind in ("item", "code") for t in terms)}
    for word, members in lexicon.GROUPS.items():  # (a report printing the word itself means that line)
        if squash(word) not in printed \
                and sum(any(lexicon.holds_member(name, m) for name in printed) for m in members) >= 2:
            v.add("group", word, word)


def _synonyms(v: Vocabulary) -> None:
    """Typed words of the lexicon, pointing at every printed name they may mean (first choice first)."""
    for alias, names in lexicon.SYNONYMS.items():
        key = squash(alias)
        if key in v.by_name and any(t.kind not in ("topic", "column") for t in v.by_name[key]):
            continue  # the report prints the word itself
        found = [t for name in names for t in v.by_name.get(squash(name), [])]
        if not found:  # 律师 -> 法律顾问: the projects whose printed name holds the word (2024年法律顾问费用)
            wanted = [squash(name) for name in names if len(name) >= 4]  # (squashed once, not per printed name)
            held = [t for want in wanted for printed, terms in v.by_name.items()
                    if want in printed for t in terms if t.kind in ("project", "target")]
            found = held if len({t.key for t in held}) <= 3 else []
        if found:
            v.synonyms[key] = list(dict.fromkeys(found))


_PURPOSE_SAID = patterns.compile(r"主要用于[：:]?([^。；]+)")
_SUBJECT_SAID = patterns.compile(r"[（(](\d{7})[）)]|([\u4e00-\u9fff]+?)[（(](?:\d{2})?项[）)]")
_BRANCH_SAID = patterns.compile(r"([\u4e00-\u9fff]+?)[（(](?:\d{2})?款[）)]")


def _purposes(v: Vocabulary, doc: Document) -> None:
    """What the narrative says a subject's money is for (…司法（款）基层司法业务（项）…主要用于：人民调解、医患纠纷…):
    each thing it is for names that subject too, in the report's own words."""
    if not any("主要用于" in line for line in doc.lines):
        return
    text = "".join(compact(line) for line in doc.lines)
    for m in _PURPOSE_SAID.finditer(text):
        before = text[max(0, m.start() - 120):m.start()]
        before = before[before.rfind("。", 0, max(len(before) - 60, 0)) + 1:]  # (this paragraph's subject)
        said = list(_SUBJECT_SAID.finditer(before))
        if not said:
            continue
        term = _code_said(v, said[-1], before[:said[-1].start()])
        if term is None:
            continue
        for phrase in re.split(r"[、，,；;]|以及", m.group(1)):
            phrase = squash(re.sub(r"等.*$", "", re.sub(r"^(?:用于|开展|支付)", "", phrase)))
            if len(phrase) >= 4 and phrase not in v.by_name:
                terms = v.purposes.setdefault(phrase, [])
                if term not in terms:
                    terms.append(term)


def _code_said(v: Vocabulary, said: re.Match, before: str) -> Term | None:
    """The code a narrative paragraph is about: typed (（2040604）) or named as its 项, told apart from
    namesakes by the 款 named before it (…统战事务（款）-一般行政管理事务（项）)."""
    if said.group(1):
        return v.codes.get(said.group(1))
    name = compact(said.group(2)).lstrip("-－—")
    named = [t for code, t in v.codes.items() if len(code) == 7 and compact(t.name) == name]
    if len(named) > 1:
        branch = list(_BRANCH_SAID.finditer(before))
        if branch:
            parent = compact(branch[-1].group(1)).lstrip("-－—")
            named = [t for t in named if compact(v.codes.get(t.key[:5], Term("", "", "")).name) == parent] or named
    return named[0] if len(named) == 1 else None
