"""The Answer every front end renders, and the session that carries follow-up context."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from budgetqa.render import fmt_amount


@dataclass
class Figure:
    """A headline figure with its unit and where it was printed."""

    label: str
    value: Decimal
    unit: str
    table: str = ""
    line: int = 0


@dataclass
class Source:
    """Where a figure came from: a table (or section) and a line of the original text."""

    where: str
    line: int
    row: str = ""


@dataclass
class Answer:
    """What ask() returns: the sentence, figures, rows behind them, sources, what was understood."""

    matched: bool
    intent: str
    text: str
    understood: str = ""
    document: str = ""
    figures: list[Figure] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    choices: list[tuple[str, str]] = field(default_factory=list)  # (label, question to ask)
    suggestions: list[str] = field(default_factory=list)
    chart: list[tuple[str, Decimal]] = field(default_factory=list)
    unit: str = ""
    focus: list = field(default_factory=list)  # what the answer picked out (a ranking's first), for follow-ups

    def figure(self, label: str, value: Decimal, unit: str, table: str = "", line: int = 0) -> Figure:
        """Add a headline figure (and its source)."""
        fig = Figure(label, value, unit, table, line)
        self.figures.append(fig)
        if line:
            self.source(table or label, line, label)
        return fig

    def source(self, where: str, line: int, row: str = "") -> None:
        """Add a source once."""
        if line and not any(s.where == where and s.line == line for s in self.sources):
            self.sources.append(Source(where, line, row))

    def to_json(self) -> dict:
        """The `ask --json` object (README documents every key)."""
        return {
            "matched": self.matched,
            "intent": self.intent,
            "answer": self.text,
            "understood": self.understood,
            "document": self.document,
            "figures": [
                {"label": f.label, "value": _num(f.value), "printed": _printed(f.value), "unit": f.unit,
                 "table": f.table, "line": f.line}
                for f in self.figures
            ],
            "columns": self.columns,
            "rows": [[_num(v) if isinstance(v, Decimal) else v for v in row] for row in self.rows],
            "sources": [{"table": s.where, "line": s.line, "row": s.row} for s in self.sources],
            "choices": [label for label, _ in self.choices],
            "suggestions": self.suggestions,
        }


def _num(value: Decimal) -> int | float:
    """A Decimal as a JSON number (90.00 becomes 90.0: the printed form is in ``_printed``)."""
    return int(value) if value == value.to_integral_value() and value.as_tuple().exponent >= 0 else float(value)


def _printed(value: Decimal) -> str:
    """The figure as printed (or computed), with its decimals and without exponent notation: '90.00'."""
    return format(value, "f")


@dataclass
class Session:
    """A conversation: the report it is about, the last question as read (a follow-up fills its gaps
    from it), the last answer's numbered choices, and what was asked."""

    document_id: int | None = None
    comparing: bool = False  # one report's side of a question asked of several (each gives what it prints)
    last_query: object | None = None  # budgetqa.question.query.Query
    last_focus: list = field(default_factory=list)  # what the last answer picked out (Mentions)
    earlier: list = field(default_factory=list)  # the subjects of the questions before the last (Mentions)
    shown: list = field(default_factory=list)  # the labels of figures recent answers showed, latest first
    last_shown: list = field(default_factory=list)  # the labels of the last answer's figures
    listed: list = field(default_factory=list)  # the items the last listing answer named, in order (前者, 第二类)
    listed_amounts: list = field(default_factory=list)  # their amounts, where the answer shows them (最大的那个)
    listed_unit: str | None = None  # the unit of those amounts (这四个大类加起来)
    listed_at: int = -2  # how many lines had been asked when that list was shown (平均每款多少 asks of a list just shown)
    listed_top: int = 0  # how many of the listed items the last ranking or 前N picked out (剩下的呢: the others)
    listed_sentences: bool = False  # the listed items are sentences (the duties): pointed at, they are said
    last_figures: list = field(default_factory=list)  # the last answer's figures (差在哪个科目: of the two it gave)
    results: list = field(default_factory=list)  # (what, figure, intent) of the last answers, oldest first (两者差多少)
    unanswered: object | None = None  # the last question not answered, as read: a later part of its line asks of it
    last_reason: tuple[str, str] | None = None  # (what, the reason) the last answer quoted from the report, if any
    rates: list = field(default_factory=list)  # the rates of change recent answers gave (两个降幅差几个百分点), oldest first
    # why the last question was refused, when it was (department:…, unit:…, person, …; report: and the question,
    # when refused for its year or kind)
    refused: str = ""
    line: tuple | None = None  # the parts of the last line of several questions, the name its first part said, its kinds
    line_figures: list = field(default_factory=list)  # every figure the last line's answer showed (用这两个数复核: of them)
    layout_asked: list = field(default_factory=list)  # the aspects of a table the last answer gave (栏次, 注): asked again of another table
    asked_names: list = field(default_factory=list)  # the names the last line asked figures of, as typed (同样这三个数呢)
    choices: list[tuple[str, str]] = field(default_factory=list)
    history: list[str] = field(default_factory=list)
    visited: list[int] = field(default_factory=list)  # the reports the conversation has been about, latest last (两家)
    moved_from: int | None = None  # the report the last line moved from, asking its question of another (那2024年那份呢)
    kept_unit: str | None = None  # a unit asked for the rest of the conversation (接下来都用元说)
    kept_places: int | None = None  # decimal places asked for the rest of the conversation (后面都保留一位小数)
    per_asked: str | None = None  # the last question, when it asked a figure per period (每月合多少元 … 公用经费呢)


def amount_text(value: Decimal, unit: str) -> str:
    """How answers write an amount: 1,084.38 万元."""
    return fmt_amount(value, unit)
