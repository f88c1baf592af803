"""Questions across reports, answered in SQL over the standard figures (table report_figures).

Rankings, comparisons of named reports, one department's years, sums and shares: each reads only
the rows it needs (indexes on report_figures and documents, never every report into memory),
compares and adds exact integers in 分, and answers in one unit with exact decimals. Every figure
keeps its report, table and line; every answer says how many of the reports it looked at do not
print the figure. The reports a question names are found in a small in-memory directory of the
loaded departments (budgetqa.departments; re-exported here), never by a scan of every row.

    rank(conn, "人员经费", n=5, year=2024)            top five departments of 2024 on 人员经费
    compare(conn, "三公经费", [3, 7, 9])              three named reports side by side
    over_years(conn, "基本支出", "西南大学")          one department's years, with each change
    total(conn, "政府采购", year=2024)                the sum over reports, each one's share
    share_rank(conn, "三公经费", "支出总计")          reports ranked on one figure's share of another
    named_reports(conn, "规划资源局2024年基本支出")   the reports a question names
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from budgetqa.departments import Match, Named, Report, find_reports, named_reports
from budgetqa.standard import FEN_PER_UNIT, FIGURES

__all__ = ["FIGURES", "Report", "Figure", "Ranking", "Comparison", "Change", "Series", "Total", "Share",
           "ShareRanking", "Match", "Named", "rank", "compare", "over_years", "total", "share_rank",
           "find_reports", "named_reports", "in_unit"]

UNITS = ("万元", "元", "亿元")  # the units an answer can be given in
_PERCENT = Decimal("0.01")


# --------------------------------------------------------------------------- values
@dataclass
class Figure:
    """One report's standard figure, in the answer's unit, with where the report prints it."""

    report: Report
    figure: str  # the standard figure (a key of FIGURES)
    value: Decimal  # in ``unit``, exact
    unit: str  # the answer's unit
    printed: str  # the amount as the report prints it ('76,306,134'; '' for a table printed empty)
    printed_unit: str  # the report's unit for it
    label: str  # what the report calls it (支出总计, 人员经费合计 …)
    table_no: int | None  # None when stated in the narrative
    where: str  # 表3 2024年预算支出总表 / 情况说明 …
    line: int
    fen: int  # the amount in 分 (what is compared and added)
    note: str = ""  # 本表无数据: the table is printed empty, so the figure is zero


@dataclass
class Ranking:
    """Reports ranked on one figure: the top ones, and how many were looked at and lack it."""

    figure: str
    unit: str
    ascending: bool
    figures: list[Figure]  # best first (largest, or smallest when ascending)
    reports: int  # reports that pass the filters (year, kind, documents)
    printing: int  # of those, the reports that print the figure
    within: int  # of those, the reports within the threshold (all of them without one)
    filters: dict = field(default_factory=dict)

    @property
    def lacking(self) -> int:
        """Reports that pass the filters but do not print the figure."""
        return self.reports - self.printing


@dataclass
class Comparison:
    """Named reports side by side on one figure, in the order they were named."""

    figure: str
    unit: str
    figures: list[Figure]
    lacking: list[Report]  # named reports that do not print the figure
    unknown: list[int]  # ids that name no loaded report


@dataclass
class Change:
    """One year of a department's figure, and its change from the year before (same kind)."""

    figure: Figure
    previous: Figure | None
    change: Decimal | None  # in the answer's unit
    percent: Decimal | None  # None when there is no previous year or it was zero


@dataclass
class Series:
    """One department's figure year by year."""

    figure: str
    unit: str
    department: str
    steps: list[Change]  # by kind, then year
    lacking: list[Report]  # the department's reports that do not print the figure


@dataclass
class Share:
    """One report's figure and its share of the total."""

    figure: Figure
    percent: Decimal


@dataclass
class Total:
    """A figure summed over reports, with the largest reports' shares of the sum."""

    figure: str
    unit: str
    total: Decimal
    mean: Decimal | None
    reports: int
    printing: int
    largest: list[Share]
    filters: dict = field(default_factory=dict)

    @property
    def lacking(self) -> int:
        return self.reports - self.printing


@dataclass
class ShareRanking:
    """Reports ranked on one figure's share of another (三公经费 of 支出总计)."""

    part: str
    whole: str
    ascending: bool
    rows: list[tuple[Figure, Figure, Decimal]]  # part, whole, percent
    reports: int
    printing: int  # reports that print both figures, the whole above zero
    filters: dict = field(default_factory=dict)

    @property
    def lacking(self) -> int:
        return self.reports - self.printing


def in_unit(fen: int, unit: str) -> Decimal:
    """An amount in 分 as an exact decimal of ``unit`` (two decimals at least: 1084.38, 7630.6134)."""
    value = Decimal(fen) / FEN_PER_UNIT[unit]
    cents = value.quantize(_PERCENT)
    return cents if cents == value else value.normalize()


def _percent(part: int, whole: int) -> Decimal | None:
    if whole == 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(_PERCENT, rounding=ROUND_HALF_UP)


def _check(figure: str, unit: str) -> None:
    if figure not in FIGURES:
        raise ValueError(f"not a standard figure: {figure!r} (one of {', '.join(FIGURES)})")
    if unit not in UNITS:
        raise ValueError(f"not a unit of money: {unit!r} (one of {', '.join(UNITS)})")


# --------------------------------------------------------------------------- SQL
_FIGURE_COLUMNS = ("f.document_id, d.department, d.year, d.kind, f.figure, f.amount_fen, f.printed, f.unit, f.label,"
                   " f.table_no, f.table_title, f.source_line, f.note")


def _figure(row, unit: str) -> Figure:
    report = Report(row[0], row[1], row[2], row[3])
    return Figure(report, row[4], in_unit(row[5], unit), unit, row[6] or "", row[7], row[8] or "", row[9],
                  row[10] or "", row[11], row[5], row[12] or "")


def _filters(year, kind, documents, alias: str = "d") -> tuple[str, list, dict]:
    """SQL conditions on documents for the filters given (and the filters, to report them)."""
    where, params, shown = [], [], {}
    if year is not None:
        years = [year] if isinstance(year, int) else sorted(set(year))
        where.append(f"{alias}.year in ({', '.join('?' * len(years))})")
        params += years
        shown["year"] = years[0] if isinstance(year, int) else years
    if kind is not None:
        where.append(f"{alias}.kind = ?")
        params.append(kind)
        shown["kind"] = kind
    if documents is not None:
        ids = sorted(set(documents))
        where.append(f"{alias}.id in (select value from json_each(?))")
        params.append(str(ids))
        shown["documents"] = len(ids)
    return (" and ".join(where) or "1"), params, shown


def _joined(where: str) -> str:
    """The figures joined to their reports, in the order that reads fewest rows: through the figure's
    index when no filter narrows the reports, else through the reports the filters choose (SQLite
    keeps the order of a CROSS JOIN; without statistics it would walk every report's figure)."""
    if where == "1":
        return "report_figures f join documents d on d.id = f.document_id and f.figure = ?"
    return "documents d cross join report_figures f on f.document_id = d.id and f.figure = ?"


def _count(conn: sqlite3.Connection, figure: str, where: str, params: list, bounds: str = "",
           bound_params: tuple = ()) -> tuple[int, int]:
    """(reports that print the figure, the sum of their figures in 分), within the filters and bounds."""
    if where == "1":
        sql = f"select count(*), coalesce(sum(f.amount_fen), 0) from report_figures f where f.figure = ?{bounds}"
        return conn.execute(sql, [figure, *bound_params]).fetchone()
    sql = f"select count(*), coalesce(sum(f.amount_fen), 0) from {_joined(where)} where {where}{bounds}"
    return conn.execute(sql, [figure, *params, *bound_params]).fetchone()


def _reports(conn: sqlite3.Connection, where: str, params: list) -> int:
    return conn.execute(f"select count(*) from documents d where {where}", params).fetchone()[0]


def _threshold(value: Decimal | int | str | None, unit: str) -> int | None:
    if value is None:
        return None
    return int((Decimal(str(value)) * FEN_PER_UNIT[unit]).to_integral_value(rounding=ROUND_HALF_UP))


def rank(conn: sqlite3.Connection, figure: str, *, n: int | None = 10, ascending: bool = False,
         year: int | Iterable[int] | None = None, kind: str | None = None, documents: Iterable[int] | None = None,
         minimum: Decimal | int | str | None = None, maximum: Decimal | int | str | None = None,
         unit: str = "万元") -> Ranking:
    """Reports ranked on a standard figure: the top ``n`` (all when None), largest first or ``ascending``.

    Filters: ``year`` (one or several), ``kind`` (预算/决算), ``documents`` (ids), and a threshold:
    only figures ≥ ``minimum`` and ≤ ``maximum`` (in ``unit``). Ties are ordered by department and
    year. The ranking says how many reports pass the filters, how many of them print the figure,
    and how many are within the threshold.
    """
    _check(figure, unit)
    where, params, shown = _filters(year, kind, documents)
    low, high = _threshold(minimum, unit), _threshold(maximum, unit)
    bounds, bound_params = "", []
    # Reports read first: a bound must not turn the lookup of each report's figure into a range scan.
    amount = "+f.amount_fen" if where != "1" else "f.amount_fen"
    if low is not None:
        bounds += f" and {amount} >= ?"
        bound_params.append(low)
        shown["minimum"] = minimum
    if high is not None:
        bounds += f" and {amount} <= ?"
        bound_params.append(high)
        shown["maximum"] = maximum
    order = "asc" if ascending else "desc"
    limit = "" if n is None else f" limit {int(n)}"
    # A few named reports: read them; otherwise walk the figure's index in order until n are found.
    joined = _joined(where) if documents is not None else _joined("1")
    rows = conn.execute(
        f"select {_FIGURE_COLUMNS} from {joined} where {where}{bounds}"
        f" order by f.amount_fen {order}, d.department, d.year, d.id{limit}",
        [figure, *params, *bound_params]).fetchall()
    reports = _reports(conn, where, params)
    printing = _count(conn, figure, where, params)[0]
    within = _count(conn, figure, where, params, bounds, bound_params)[0] if bounds else printing
    return Ranking(figure, unit, ascending, [_figure(r, unit) for r in rows], reports, printing, within, shown)


def compare(conn: sqlite3.Connection, figure: str, documents: Iterable[int], *, unit: str = "万元") -> Comparison:
    """Named reports (document ids) side by side on a standard figure, in the order given."""
    _check(figure, unit)
    ids = list(dict.fromkeys(documents))
    rows = conn.execute(
        f"select {_FIGURE_COLUMNS} from report_figures f join documents d on d.id = f.document_id"
        f" where f.figure = ? and f.document_id in (select value from json_each(?))", [figure, str(ids)]).fetchall()
    by_id = {r[0]: _figure(r, unit) for r in rows}
    known = {r[0]: Report(*r) for r in conn.execute(
        "select id, department, year, kind from documents where id in (select value from json_each(?))", [str(ids)])}
    return Comparison(figure, unit, [by_id[i] for i in ids if i in by_id],
                      [known[i] for i in ids if i in known and i not in by_id], [i for i in ids if i not in known])


def over_years(conn: sqlite3.Connection, figure: str, department: str, *, kind: str | None = None,
               unit: str = "万元") -> Series:
    """One department's figure year by year (its department name exactly as loaded), with the
    change from the year before of the same kind (预算 to 预算, 决算 to 决算)."""
    _check(figure, unit)
    kinds, kind_params = ("and d.kind = ?", [kind]) if kind else ("", [])
    rows = conn.execute(
        f"select {_FIGURE_COLUMNS} from {_joined('d.department = ?')} where d.department = ? {kinds}"
        " order by d.kind, d.year, d.id", [figure, department, *kind_params]).fetchall()
    steps: list[Change] = []
    for row in rows:
        current = _figure(row, unit)
        previous = steps[-1].figure if steps and steps[-1].figure.report.kind == current.report.kind else None
        if previous is not None and previous.report.year is not None and current.report.year is not None \
                and current.report.year - previous.report.year != 1:
            previous = None  # a year is missing between them: no change to state
        change = in_unit(current.fen - previous.fen, unit) if previous else None
        steps.append(Change(current, previous, change, _percent(current.fen - previous.fen, previous.fen) if previous else None))
    lacking = [Report(*r) for r in conn.execute(
        f"select id, department, year, kind from documents d where d.department = ? {kinds} and not exists"
        " (select 1 from report_figures f where f.document_id = d.id and f.figure = ?) order by d.kind, d.year",
        [department, *kind_params, figure])]
    return Series(figure, unit, department, steps, lacking)


def total(conn: sqlite3.Connection, figure: str, *, year: int | Iterable[int] | None = None,
          kind: str | None = None, documents: Iterable[int] | None = None, n: int = 5,
          unit: str = "万元") -> Total:
    """A standard figure summed over the reports that pass the filters (exactly, in 分), their mean,
    and the ``n`` largest reports with their share of the sum (percent, two decimals)."""
    _check(figure, unit)
    where, params, shown = _filters(year, kind, documents)
    printing, fen = _count(conn, figure, where, params)
    reports = _reports(conn, where, params)
    top = rank(conn, figure, n=n, year=year, kind=kind, documents=documents, unit=unit).figures if n else []
    mean = None
    if printing:
        mean = (Decimal(fen) / printing / FEN_PER_UNIT[unit]).quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)
        mean = mean.quantize(_PERCENT) if mean == mean.quantize(_PERCENT) else mean.normalize()
    largest = [Share(f, _percent(f.fen, fen) or Decimal(0)) for f in top]
    return Total(figure, unit, in_unit(fen, unit), mean, reports, printing, largest, shown)


def share_rank(conn: sqlite3.Connection, part: str, whole: str, *, n: int | None = 10, ascending: bool = False,
               year: int | Iterable[int] | None = None, kind: str | None = None,
               documents: Iterable[int] | None = None, unit: str = "万元") -> ShareRanking:
    """Reports ranked on one standard figure's share of another in the same report (三公经费 of
    支出总计), largest share first or ``ascending``; reports whose whole is zero are left out."""
    _check(part, unit)
    _check(whole, unit)
    where, params, shown = _filters(year, kind, documents)
    order = "asc" if ascending else "desc"
    # SQLite orders by a binary fraction; the candidates are then ordered exactly (a few more than n,
    # so that two shares too close for a double cannot push the right one out).
    limit = "" if n is None else f" limit {int(n) + 20}"
    columns = _FIGURE_COLUMNS + ", w.amount_fen, w.printed, w.unit, w.label, w.table_no, w.table_title, w.source_line, w.note"
    pair = f"{_joined(where)} cross join report_figures w on w.document_id = f.document_id and w.figure = ?"
    rows = conn.execute(
        f"select {columns} from {pair} where +w.amount_fen > 0 and {where}"
        f" order by f.amount_fen * 1.0 / w.amount_fen {order}, d.department, d.year, d.id{limit}",
        [part, whole, *params]).fetchall()
    pairs = []
    for r in rows:
        p = _figure(r[:13], unit)
        w = Figure(p.report, whole, in_unit(r[13], unit), unit, r[14] or "", r[15], r[16] or "", r[17], r[18] or "",
                   r[19], r[13], r[20] or "")
        pairs.append((p, w))
    pairs.sort(key=lambda pw: (Fraction(pw[0].fen, pw[1].fen) * (1 if ascending else -1), pw[0].report.department,
                               pw[0].report.year or 0, pw[0].report.id))
    if n is not None:
        pairs = pairs[:n]
    reports = _reports(conn, where, params)
    printing = conn.execute(f"select count(*) from {pair} where +w.amount_fen > 0 and {where}",
                            [part, whole, *params]).fetchone()[0]
    return ShareRanking(part, whole, ascending, [(p, w, _percent(p.fen, w.fen)) for p, w in pairs], reports,
                        printing, shown)
