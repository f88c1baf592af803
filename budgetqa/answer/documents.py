"""Which loaded document a question is about, and questions that compare documents."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import LCSseq

from budgetqa.question.query import full_mention, other_level
from budgetqa.textnorm import squash

_ORGANISATION = re.compile(r"([\u4e00-\u9fff]{2,14}?(?:局|委员会|委|办公室|办|厅|院|街道|大学|学校|中心|部))")
_YEAR = re.compile(r"(20\d{2})\s*年?")
# Words shared by many departments' names: they identify nobody (places are found by their suffix).
_COMMON = ("中国共产党", "中共", "人民政府", "本级", "办事处", "委员会", "办公室")
_CITY = re.compile(r"^[\u4e00-\u9fff]{1,6}?(?:省|自治区|市|自治州|地区|盟)")
_DISTRICT = re.compile(r"^[\u4e00-\u9fff]{1,6}?(?:区|县|旗|市)")
_COMPARE = ("对比", "比较", "各部门", "各单位", "所有部门", "所有单位", "每个部门", "哪个部门", "哪个单位", "各年",
            "历年", "逐年", "两年", "几年")


@dataclass
class DocRef:
    """A loaded document as listed in the documents table."""

    id: int
    department: str
    year: int | None
    kind: str

    @property
    def label(self) -> str:
        """'西南大学 2024年预算'."""
        return f"{self.department} {self.year or ''}年{self.kind}".replace(" 年", " ")


_CACHE: dict[tuple, list[DocRef]] = {}


def all_documents(conn: sqlite3.Connection) -> list[DocRef]:
    """Every loaded document, newest load first (read once per state of the database)."""
    stamp = conn.execute("select count(*), max(id), max(loaded_at) from documents").fetchone()
    key = (conn.execute("pragma database_list").fetchone()[2], *stamp)
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = [DocRef(r["id"], r["department"], r["year"], r["kind"])
                       for r in conn.execute("select id, department, year, kind from documents order by id desc")]
    return _CACHE[key]


@lru_cache(maxsize=4096)
def _chars(department: str) -> frozenset[str]:
    return frozenset(squash(department))


@lru_cache(maxsize=4096)
def _pairs(department: str) -> frozenset[str]:
    """Two-character pieces of a department's full name, to find quickly who a question may name."""
    text = squash(department)
    return frozenset(text[i:i + 2] for i in range(len(text) - 1))


def _distinctive(department: str) -> str:
    """A department's name without the places and words every department of them shares."""
    text = department
    for word in _COMMON:
        text = text.replace(word, "")
    city = _CITY.sub("", text, count=1)
    local = _DISTRICT.sub("", city, count=1).lstrip("委")
    text = local if len(local) >= 3 else city
    return re.sub(r"[（）()]", "", text)


_LEAD = re.compile(r"^(?:请问|根据|依据|按照|参照|关于|对于|在|从|查询|查|看看|看)+")


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
    for m in _ORGANISATION.finditer(question):
        mention = full_mention(question, m)
        mention = _LEAD.sub("", mention)  # 根据规划和自然资源局: 根据 is not part of the name
        if len(mention) >= 3 and own(mention) and not other_level(mention, full):
            text = text.replace(mention, " ")
    key = _distinctive(full)
    for size in range(min(len(key), 12), 2, -1):
        for i in range(len(key) - size + 1):
            piece = key[i:i + size]
            if piece in text and own(piece):
                text = text.replace(piece, " ")
    return text if squash(text) else question


def department_score(question: str, department: str) -> float:
    """How strongly a question names a department (0: not at all, 1: fully)."""
    full = squash(department)
    key = _distinctive(full)
    best = 0.0
    for m in _ORGANISATION.finditer(question):
        mention = _LEAD.sub("", m.group(1))
        core = _distinctive(mention)  # 上海市普陀区教育局 is judged by 教育局, not by 上海市普陀区
        core = core if len(core) >= 2 else mention
        common = LCSseq.similarity(core, full)
        if common >= 2 and LCSseq.similarity(mention, full) >= 3:
            best = max(best, common / len(core))
    for size in range(min(len(key), 8), 2, -1):  # a distinctive piece of the name typed on its own
        if any(key[i:i + size] in question for i in range(len(key) - size + 1)):
            best = max(best, 0.6 + 0.05 * size)
            break
    if full.endswith("大学") and len(full) >= 4 and re.search(f"{full[0]}大(?!学|[0-9]{{0,2}}万)", question):
        best = max(best, 0.8)  # 西大 for 西南大学
    return best


def named_documents(question: str, docs: list[DocRef]) -> tuple[list[DocRef], bool]:
    """(documents the question names by department and/or year, whether a department was named)."""
    text = squash(question)
    pieces = {text[i:i + 2] for i in range(len(text) - 1)}
    # Only departments sharing at least two two-character pieces (石泉路) with the question, or all the
    # characters of an organisation it names (规划局), are scored.
    mentions = [frozenset(m.group(1)) for m in _ORGANISATION.finditer(text) if len(m.group(1)) >= 3]
    shortlist = [d for d in docs if len(_pairs(d.department) & pieces) >= 2
                 or any(m <= _chars(d.department) for m in mentions)
                 or (d.department.endswith("大学") and f"{d.department[0]}大" in text)]
    scores = {d.id: department_score(text, d.department) if d in shortlist else 0.0 for d in docs}
    best = max(scores.values(), default=0.0)
    by_department = [d for d in docs if best >= 0.75 and scores[d.id] >= best - 0.05]
    years = {int(y) for y in _YEAR.findall(text)}
    candidates = by_department or docs
    if years:
        dated = [d for d in candidates if d.year in years]
        if dated:
            return dated, bool(by_department)
    if by_department:
        return by_department, True
    return [], False


def wants_comparison(question: str, docs: list[DocRef]) -> bool:
    """'各部门人员经费对比', '2023和2024年比较': a question across documents."""
    text = squash(question)
    if len(docs) < 2:
        return False
    years = set(_YEAR.findall(text))
    return any(w in text for w in _COMPARE) or len(years) >= 2


def strip_document_words(question: str, docs: list[DocRef]) -> str:
    """The question without the department, year and comparison words (left: what is asked)."""
    text = question
    for d in docs:
        key = _distinctive(d.department)
        for size in range(len(key), 2, -1):
            for i in range(len(key) - size + 1):
                piece = key[i:i + size]
                if piece in text:
                    text = text.replace(piece, " ")
    for m in _ORGANISATION.finditer(text):
        if any(department_score(squash(m.group(1)), d.department) >= 0.75 for d in docs):
            text = text.replace(m.group(1), " ")
    text = re.sub(r"20\d{2}\s*年?(?:度)?", " ", text)
    for word in sorted(_COMPARE + ("和", "与", "跟", "之间", "的", "在"), key=len, reverse=True):
        text = text.replace(word, " ") if word in _COMPARE else text
    return re.sub(r"\s+", " ", text).strip() or question
