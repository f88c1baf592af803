"""The loaded reports' departments, held in memory, and the reports a question names.

A question names a department the way people write it — in full, without its city or county, or
shortened (规划资源局 for 规划和自然资源局, 卫健委) — and often names years. The directory of
departments is read once per state of the database (a few thousand names); a rare character of the
question shortlists the names that hold it and an in-order alignment scores them, so a question
never scans every report.
"""

from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass

from budgetqa import patterns
from budgetqa.textnorm import normalise, squash

__all__ = ["Report", "Match", "Named", "find_reports", "named_reports", "NAMED_FROM"]


@dataclass(frozen=True)
class Report:
    """A loaded report: its document id, department, year and kind (预算/决算)."""

    id: int
    department: str
    year: int | None
    kind: str

    @property
    def label(self) -> str:
        """'西南大学 2024年预算'."""
        return f"{self.department} {self.year}年{self.kind}" if self.year else f"{self.department} {self.kind}"


_YEAR = patterns.compile(r"(?<!\d)(20\d{2})(?![\d多余万])\s*年?")  # (少了两千多万: 2000多万 is an amount, no year)
# A year said short (23年决算, 24年度): counted when a loaded report is of that year.
_SHORT_YEAR = patterns.compile(r"(?<![\d.])(\d\d)(?=年)")
# A year with its figure typed (跟2021年的216,552.53万元比): a figure to compare with, not a report to read.
_FIGURE_OF_YEAR = patterns.compile(r"(?:跟|和|与|比|同|较)(?:20\d{2})\s*年度?(?:的|是|为)?[^，,。？?\d]{0,8}?\d[\d,.]*\s*(?:万元|万|亿元|元)")


@dataclass
class Match:
    """A department a text names, how strongly (0–1), and its loaded reports."""

    department: str
    score: float
    reports: list[Report]
    span: tuple[int, int] = (0, 0)  # where in the text (normalised, squashed) the name is spelt


@dataclass
class Named:
    """The reports a question names: by department (fuzzy) and by year."""

    reports: list[Report]  # the named departments' reports in the named years (every report of a year named alone)
    departments: list[Match]  # the departments named, best first ([] when none)
    years: list[int]  # the years named


# Words of a department's name that questions leave out, and the short forms they use.
_GENERIC_PREFIXES = ("中国共产党", "中共")
_SHORT_FORMS = (("委员会", "委"), ("办事处", ""), ("（本级）", ""), ("(本级)", ""), ("本级", ""), ("人民政府", "政府"))
# A leading place (上海市普陀区, 江城市东安县): questions often leave it out, so its characters weigh less.
_PLACE = patterns.compile(r"^(?:[\u4e00-\u9fff]{1,7}?(?:省|自治区|市|自治州|州|地区|盟)){0,2}(?:[\u4e00-\u9fff]{1,6}?(?:区|县|旗|市))?")
_PLACE_WEIGHT = 0.3


def _core(text: str) -> str:
    """A name (or a question) in the form compared: normalised, squashed, short forms (委员会 -> 委)."""
    text = _squash(text)
    for long, short in _SHORT_FORMS:
        text = text.replace(long, short)
    return text


def _name_core(department: str) -> tuple[str, list[float]]:
    """A department's name as compared, and the weight of each of its characters."""
    core = _core(department)
    for prefix in _GENERIC_PREFIXES:
        if core.startswith(prefix) and len(core) > len(prefix) + 2:
            core = core[len(prefix):]
    place = _PLACE.match(core)
    places = len(place.group()) if place and len(core) - len(place.group()) >= 2 else 0
    if places and core[places] == "委" and len(core) - places >= 4:
        places += 1  # (区委社会工作部: the 委 of the place's party committee, left out as the place is: 社工部)
    return core, [_PLACE_WEIGHT if i < places else 1.0 for i in range(len(core))]


def _alignment(question: str, core: str, weights: list[float]) -> tuple[float, int, int]:
    """How much of a name a stretch of the question spells, in order (0–1), ending with the name's last
    character: the characters of the name it matches (skipping some is an abbreviation: 规划资源局) less
    one for each character of the stretch that is not in the name. Returns (score, start, end) of the stretch."""
    last = len(core) - 1
    best = (0.0, 0, 0)
    none = (float("-inf"), 0)
    # previous[j]: (the best alignment ending at an earlier question character matched to a name
    # character before j, plus that question character's index; where its stretch starts).
    previous = [none] * (len(core) + 1)
    for i, qc in enumerate(question):
        current = previous[:]
        for j, cc in enumerate(core):
            if qc != cc:
                continue
            carried, begin = previous[j]
            gain = carried - i + 1
            score, begin = (weights[j] + gain, begin) if gain > 0 else (weights[j], i)
            if j == last and score > best[0]:
                best = (score, begin, i + 1)
            if score + i > current[j + 1][0]:
                current[j + 1] = (score + i, begin)
        for j in range(1, len(current)):
            if current[j - 1][0] > current[j][0]:
                current[j] = current[j - 1]
        previous = current
    total = sum(weights)
    return best[0] / total, best[1], best[2]


class _Directory:
    """Every loaded report's department, year and kind, in memory, with an index of the characters
    of the department names (a rare character shortlists the names that hold it)."""

    def __init__(self, rows: list[tuple]):
        self.reports = [Report(*r) for r in rows]
        self.by_department: dict[str, list[Report]] = {}
        for report in self.reports:
            self.by_department.setdefault(report.department, []).append(report)
        self.names = list(self.by_department)
        self.cores = [_name_core(name) for name in self.names]
        self.chars: dict[str, list[int]] = {}
        for i, (core, _) in enumerate(self.cores):
            for char in set(core):
                self.chars.setdefault(char, []).append(i)
        count = len(self.names)
        self.weight = {c: math.log((count + 1) / (len(ids) + 0.5)) for c, ids in self.chars.items()}
        self.common = max(50, count // 5)  # a character in more names than this shortlists none

    def search(self, text: str, limit: int, shortlist: int = 200) -> list[Match]:
        question = _core(text)
        present = set(question)
        shared: dict[int, float] = {}
        rare = [c for c in present if c in self.chars and len(self.chars[c]) <= self.common]
        for char in rare or [c for c in present if c in self.chars]:
            for i in self.chars[char]:
                shared[i] = shared.get(i, 0.0) + self.weight[char]
        candidates = sorted((i for i in shared if self.cores[i][0][-1] in present),
                            key=lambda i: -shared[i])[:shortlist]
        scores = []
        for i in candidates:
            core = self.cores[i][0]
            at = question.find(core)
            score, begin, end = (1.0, at, at + len(core)) if at >= 0 else _alignment(question, *self.cores[i])
            if score > 0:
                scores.append((score, begin, end, i))
        scores.sort(key=lambda item: (-item[0], self.names[item[3]]))
        return [Match(self.names[i], round(score, 4), self.by_department[self.names[i]], (begin, end))
                for score, begin, end, i in scores[:limit]]


def _squash(text: str) -> str:
    return squash(normalise(text))


_DIRECTORIES: dict[tuple, _Directory] = {}


def _directory(conn: sqlite3.Connection) -> _Directory:
    """The directory of the loaded reports (read again only when the documents change)."""
    path = conn.execute("pragma database_list").fetchone()[2] or f"memory:{id(conn)}"
    # Every load takes a new id (and a replaced document goes only with a new one coming): the newest id
    # names the state of the documents; data_version, any commit by another connection.
    key = (path, id(conn), conn.execute("select max(id) from documents").fetchone()[0],
           conn.execute("pragma data_version").fetchone()[0])
    directory = _DIRECTORIES.get(key)
    if directory is None:
        _DIRECTORIES.clear()
        directory = _DIRECTORIES[key] = _Directory(
            conn.execute("select id, department, year, kind from documents order by department, year, id").fetchall())
    return directory


# A department counts as named from this score on (the share of its name's weight the text covers),
# and every department within _CLOSE of the best one is named with it (the text does not tell them apart).
NAMED_FROM = 0.4
_CLOSE = 0.05


def find_reports(conn: sqlite3.Connection, text: str, *, limit: int = 10) -> list[Match]:
    """The departments a text names, best first (fuzzy: 规划资源局 finds 上海市普陀区规划和自然资源局),
    each with its score and its loaded reports; at most ``limit``, whatever their score."""
    return _directory(conn).search(text, limit)


def named_reports(conn: sqlite3.Connection, question: str, *, kind: str | None = None) -> Named:
    """The reports a question names by department and year (of ``kind`` when given).

    A department counts as named when a stretch of the question spells at least NAMED_FROM of its
    name, ending with its last character (a leading place weighs less: questions leave it out). Each
    stretch names its best department, and every one scored within a small gap of it (教育局 alone
    names every 教育局); other stretches name others (东安县财政局和西平县教育局). Years alone
    (2023和2024年) name every report of those years.
    """
    directory = _directory(conn)
    typed = _FIGURE_OF_YEAR.sub("", normalise(question))
    loaded = {r.year for r in directory.reports if r.year}
    years = sorted({int(y) for y in _YEAR.findall(typed)}
                   | {2000 + int(y) for y in _SHORT_YEAR.findall(typed) if 2000 + int(y) in loaded})
    matches = []
    for m in directory.search(question, 500, shortlist=500):
        if m.score < NAMED_FROM:
            break
        rivals = [n for n in matches if n.span[0] < m.span[1] and m.span[0] < n.span[1]]
        # the best name of each stretch of the question, and those it does not tell apart from it
        if all(m.score >= n.score - _CLOSE for n in rivals):
            matches.append(m)
    pool = [r for m in matches for r in m.reports] if matches else (directory.reports if years else [])
    chosen = [r for r in pool if (not years or r.year in years) and (kind is None or r.kind == kind)]
    return Named(chosen, matches, years)
