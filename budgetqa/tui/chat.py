"""The chat: the question input (history, completion) and the answer cards of the transcript."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import partial

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import DataTable, Input, Static

from budgetqa.answer import Answer
from budgetqa.render import cell_text, cut, fmt_amount, width
from budgetqa.tui.card import card_parts

# Typed pinyin that the completion turns into a name: "sxhb" + "→山西画报订阅费用".
PINYIN_ARROW = "→"
_TRAILING_LATIN = re.compile(r"[a-z]{2,}$")
_TRAILING_CODE = re.compile(r"\d{3,}$")
DIGITS = frozenset("123456789")
# Keys closer together than this came in one burst (pasted, an input method, a fast typist).
BURST_SECONDS = 0.05


class NameSuggester(Suggester):
    """Completes the end of a question: codes, subject and project names, pinyin initials → name.

    Rows are (name, ref, kind, pinyin, initials) from the ``names`` table.
    """

    def __init__(self, rows: list[tuple[str, str, str, str, str]]) -> None:
        super().__init__(use_cache=True, case_sensitive=False)
        self.codes = sorted({(ref, name) for name, ref, kind, _, _ in rows if kind == "subject" and ref.isdigit()})
        preferred = ("subject", "project", "economic", "three_public", "fact", "glossary", "table")
        ranked = sorted((r for r in rows if r[2] in preferred), key=lambda r: (preferred.index(r[2]), len(r[0])))
        self.names = list(dict.fromkeys(r[0] for r in ranked))
        self.pinyin = [(r[4], r[3], r[0]) for r in ranked if r[4]]

    async def get_suggestion(self, value: str) -> str | None:
        """The value with its last word completed, or None."""
        code = _TRAILING_CODE.search(value)
        if code:
            for ref, name in self.codes:
                if ref.startswith(code.group()) and ref != code.group():
                    return value[: code.start()] + f"{ref} {name}"
            return None
        latin = _TRAILING_LATIN.search(value)
        if latin:
            word = latin.group()
            for initials, full, name in self.pinyin:
                if initials.startswith(word) or (len(word) >= 4 and full.startswith(word)):
                    return f"{value}{PINYIN_ARROW}{name}"
            return None
        for size in range(min(len(value), 8), 0, -1):
            tail = value[-size:]
            if width(tail) < 4:  # at least two Chinese characters before suggesting
                break
            for name in self.names:
                if name.startswith(tail) and name != tail:
                    return value[:-size] + name
        return None


class QuestionInput(Input):
    """The question line: ↑/↓ walk the questions asked before; → accepts the completion.

    A ``?`` or a digit typed alone on an empty line is a command: ``?`` opens help, a digit picks one of
    the last answer's numbered choices. "Alone" means nothing follows within BURST_SECONDS: a question
    typed fast, pasted, or sent by an input method in one burst (``基本工资+津贴补贴+奖金=?``,
    ``2013105`` after a numbered choice) keeps every character. The line judges each key itself, in the
    order typed; an app-level binding would see the line as it was when the burst began.
    """

    BINDINGS = [
        Binding("up", "history(-1)", "上一个问题", show=False),
        Binding("down", "history(1)", "下一个问题", show=False),
    ]

    @dataclass
    class HelpWanted(Message):
        """``?`` alone on an empty line."""

    @dataclass
    class ChoicePicked(Message):
        """A digit alone on an empty line, naming one of the numbered choices."""

        number: int

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.history: list[str] = []
        self.history_index = 0
        self.draft = ""
        self.choice_count = 0  # numbered choices of the last answer (the app sets it)

    def _on_key(self, event: events.Key) -> None:
        """Typed as usual (Input's own handler runs next); a possible command is decided a moment later."""
        character = event.character
        if self.value or character is None:
            return
        if character == "?" or (character in DIGITS and int(character) <= self.choice_count):
            self.set_timer(BURST_SECONDS, partial(self._command, character))

    def _command(self, character: str) -> None:
        """The ``?`` or digit is still all there is on the line: take it as a command."""
        if self.value != character:
            return  # more was typed: it is part of a question
        self.value = ""
        if character == "?":
            self.post_message(self.HelpWanted())
        else:
            self.post_message(self.ChoicePicked(int(character)))

    def remember(self, question: str) -> None:
        """Add a question to the history (not twice in a row) and reset the walk."""
        if question and (not self.history or self.history[-1] != question):
            self.history.append(question)
        self.history_index = len(self.history)
        self.draft = ""

    def action_history(self, step: int) -> None:
        """Show the previous (-1) or next (+1) question; past the newest, what was being typed."""
        if not self.history:
            return
        if self.history_index == len(self.history):
            self.draft = self.value
        self.history_index = max(0, min(len(self.history), self.history_index + step))
        self.value = self.draft if self.history_index == len(self.history) else self.history[self.history_index]
        self.cursor_position = len(self.value)

    @on(Input.Changed)
    def _pinyin_to_name(self, event: Input.Changed) -> None:
        """An accepted pinyin completion ('sxhb→山西画报订阅费用') becomes the name itself."""
        if PINYIN_ARROW in event.value:
            head, _, name = event.value.partition(PINYIN_ARROW)
            self.value = _TRAILING_LATIN.sub("", head) + name
            self.cursor_position = len(self.value)


def fill_table(table: DataTable, columns: list[str], rows: list[list], keys: list[str] | None = None,
               wrap: dict[int, int] | None = None) -> None:
    """Put columns and rows into a DataTable (amount columns right-aligned, long text cut).

    A column in ``wrap`` gets that width and its text wraps: its rows are as tall as they need.
    """
    wrap = wrap or {}
    numeric = [any(isinstance(r[i], Decimal) for r in rows if i < len(r)) for i in range(len(columns))]
    table.clear(columns=True)
    for i, (name, right) in enumerate(zip(columns, numeric)):
        table.add_column(Text(name, justify="right" if right else "left"), key=name, width=wrap.get(i))
    for index, row in enumerate(rows):
        cells = [Text(cell_text(v) if right or i in wrap else cut(cell_text(v), 40), justify="right" if right else "left")
                 for i, (v, right) in enumerate(zip(row, numeric))]
        table.add_row(*cells, key=keys[index] if keys else str(index), height=None if wrap else 1)


class AnswerCard(Vertical, can_focus=True):
    """One question and its answer: the answer once, the rows behind it once, then the sources."""

    @dataclass
    class AskAbout(Message):
        """Enter on a row of the card's table: ask about that row."""

        question: str

    def __init__(self, question: str, answer: Answer, number: int, several_documents: bool = False) -> None:
        super().__init__(classes="card" if answer.matched else "card unmatched")
        self.question = question
        self.answer = answer
        self.number = number
        self.parts = card_parts(answer, several_documents)

    def compose(self) -> ComposeResult:
        # As few widgets as the card needs (one Static, or Static, table, Static): every widget of every
        # card in the transcript is laid out again when a new card arrives.
        parts = self.parts
        head, foot = self.head_content(), self.foot_content()
        if not parts.rows:
            yield Static(Content("\n").join([head, foot]) if foot.plain else head, classes="head")
            return
        yield Static(head, classes="head")
        table: DataTable = DataTable(cursor_type="row", zebra_stripes=True, classes="rows")
        fill_table(table, parts.columns, parts.rows, keys=[str(i) for i in parts.row_keys])
        yield table
        if foot.plain:
            yield Static(foot, classes="foot")

    def head_content(self) -> Content:
        """The question (and the document, when several are loaded), what was understood, the sentence,
        the figures the sentence does not already state, or the numbered choices."""
        parts = self.parts
        first = [(f"{self.number}› ", "bold $accent"), (self.question, "bold")]
        if parts.document:
            first.append((f"  · {parts.document}", "$text-muted"))
        lines = [Content.assemble(*first)]
        if parts.understood:
            lines.append(Content.styled(parts.understood, "$text-muted"))
        lines.append(Content(parts.sentence))
        if self.answer.choices:  # each choice shows its figure: the figures would repeat them
            lines += [Content.assemble((f"[{n}] ", "bold $accent"), label) for n, label in parts.choices]
            count = min(9, len(self.answer.choices))
            lines.append(Content.styled(f"按数字键 1–{count} 选择（输入框为空时）", "dim italic"))
        elif parts.figures:
            lines.append(self.figures_content())
        if parts.caption:
            lines.append(Content.styled("　".join(f"{column}：{value}" for column, value in parts.caption),
                                        "$text-muted"))
        return Content("\n").join(lines)

    def foot_content(self) -> Content:
        """Where the figures came from (what the sentence and the rows do not already say), questions to try."""
        sources = self.parts.sources
        lines = []
        if sources:
            more = f" 等 {len(sources)} 处" if len(sources) > 4 else ""
            lines.append(Content.styled(f"来源：{'；'.join(sources[:4])}{more}", "$text-muted"))
        if self.answer.suggestions:
            lines.append(Content.styled("可以试试：" + "；".join(self.answer.suggestions), "italic"))
        return Content("\n").join(lines)

    def figures_content(self) -> Content:
        """The headline figures, one per line, amounts aligned."""
        figures = self.parts.figures
        label_width = min(36, max(width(f.label) for f in figures))
        lines = []
        for f in figures:
            label = cut(f.label, label_width)
            gap = " " * (label_width - width(label) + 2)
            lines.append(Content.assemble("  ", label, gap, (fmt_amount(f.value, f.unit), "bold")))
        return Content("\n").join(lines)

    @on(DataTable.RowSelected)
    def _ask_about_row(self, event: DataTable.RowSelected) -> None:
        event.stop()
        row = self.answer.rows[int(event.row_key.value or 0)]
        question = row_question(self.answer.columns, row, None)
        if question:
            self.post_message(self.AskAbout(question))


CODE_COLUMNS = ("科目编码", "编码", "科目")
NAME_COLUMNS = ("项目名称", "项目", "科目名称", "名称", "比较", "收入项目", "支出项目")


def row_question(columns: list[str], row: list, cursor_column: int | None) -> str:
    """What to ask about a table row: its code if it has one, else its name."""
    if "收入项目" in columns and "支出项目" in columns and cursor_column is not None:
        side = "支出项目" if cursor_column >= columns.index("支出项目") else "收入项目"
        names = [side, "收入项目" if side == "支出项目" else "支出项目"]
    else:
        names = list(NAME_COLUMNS)
    for column in CODE_COLUMNS:
        if column in columns:
            value = str(row[columns.index(column)] or "")
            code = re.match(r"\d{3,}", value)
            if code:
                return code.group()
    for column in names:
        if column in columns:
            value = str(row[columns.index(column)] or "").strip("　 ")
            if value:
                return re.sub(r"^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）", "", value)
    return next((str(v).strip("　 ") for v in row if isinstance(v, str) and v.strip()), "")
