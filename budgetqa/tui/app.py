"""BudgetApp: chat with a budget report; browse its tables, export, read the source, see the check."""

from __future__ import annotations

import gc
import sqlite3
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Iterable

from textual import getters, on, work
from textual.css.query import NoMatches
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Static

from budgetqa.answer import Answer, Session, ask, preload
from budgetqa.browse import layout
from budgetqa.export import suggest_name, with_unit, write_table
from budgetqa.models import ReportError
from budgetqa.store import connect, documents, find_document
from budgetqa.tui.chat import AnswerCard, NameSuggester, QuestionInput
from budgetqa.tui.dialogs import ConfirmDialog, ExportDialog, Picker
from budgetqa.tui.tables import TableScreen, table_choices
from budgetqa.tui.views import ChartScreen, HelpScreen, SourceScreen

MAX_CARDS = 30  # older answers leave the transcript, so that it stays light
# Textual 8.2.8 keeps the render caches of up to 1024 removed widgets alive (StylesCache.get_inner_outer is
# an lru_cache on an instance method), so the heap settles near 300k objects and a full garbage collection
# takes ~0.2 s. Collecting while the reader reads keeps that pause off the Enter key.
IDLE_COLLECT_SECONDS = 0.5


@dataclass
class Export:
    """Rows to write: what they are (shown in the dialog), a file name stem, header and rows."""

    what: str
    stem: str
    columns: list[str]
    rows: list[list]


def document_label(row: sqlite3.Row) -> str:
    """'中国共产党长治市屯留区委办公室 2024年预算'."""
    year = f" {row['year']}年" if row["year"] else " "
    return f"{row['department']}{year}{row['kind']}"


class BudgetApp(App[None]):
    """The budgetqa app on one database; the newest document is open first."""

    CSS_PATH = "app.tcss"
    TITLE = "budgetqa"
    BINDINGS = [
        Binding("ctrl+t", "tables", "表格"),
        Binding("ctrl+e", "export", "导出", priority=True),
        Binding("ctrl+o", "source", "原文"),
        Binding("ctrl+g", "chart", "图表"),
        Binding("ctrl+y", "copy_answer", "复制"),
        Binding("f3", "findings", "检查"),
        Binding("f2", "documents", "文档"),
        Binding("f1", "help", "帮助"),
        Binding("ctrl+p", "command_palette", "命令", show=False, priority=True),
        Binding("question_mark", "help", "帮助", show=False, priority=True),
        Binding("escape", "focus_question", "输入", show=False),
        *(Binding(str(n), f"pick({n})", f"选 {n}", show=False, priority=True) for n in range(1, 10)),
    ]

    transcript = getters.query_one("#transcript", VerticalScroll)
    question_input = getters.query_one("#question", QuestionInput)
    status = getters.query_one("#status", Static)

    def __init__(self, db_path: str | Path) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.conn: sqlite3.Connection | None = None
        self.doc: sqlite3.Row | None = None
        self.sessions: dict[int, Session] = {}
        self.texts: dict[int, str] = {}
        self.problem = ""  # why there is nothing to ask about (no database, no document)
        self.last_export: Path | None = None
        self.asked = 0
        self.footer_keys: tuple[bool, ...] = ()
        self.collect_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="transcript"):
            yield Static(Content.styled("问一个关于这份预算的问题：科目编码（2013105）、名称（一般行政管理事务）、"
                                        "「基本支出占比」「今年新安排的项目里哪个钱最多」…… F1 看帮助。", "dim"),
                         id="welcome")
        yield QuestionInput(id="question", placeholder="输入问题，Enter 提问（F1 帮助）")
        yield Static(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.question_input.focus()
        try:  # SQLite is opened here, in the thread that uses it (Textual's event loop)
            self.conn = connect(self.db_path)
            newest = find_document(self.conn, None)
        except ReportError as exc:
            self.problem = str(exc)
            self.status.update(Content.styled(self.problem, "$text-error"))
            return
        self.open_document(newest["id"])
        self.call_after_refresh(preload, self.conn, newest["id"])  # reads the document before the first question

    # -- the document -------------------------------------------------------------------------

    @property
    def session(self) -> Session:
        """The follow-up context of the current document (one Session per document)."""
        doc_id = self.doc["id"] if self.doc is not None else 0
        return self.sessions.setdefault(doc_id, Session(document_id=doc_id or None))

    def open_document(self, doc_id: int) -> None:
        """Make a document current: status bar, completion, session."""
        assert self.conn is not None
        switching = self.doc is not None and self.doc["id"] != doc_id
        self.doc = find_document(self.conn, str(doc_id))
        names = self.conn.execute(
            "select name, ref, kind, pinyin, initials from names where document_id = ?", [doc_id]
        ).fetchall()
        self.question_input.suggester = NameSuggester([tuple(r) for r in names])
        self.update_status()
        if switching:
            self.transcript.mount(Static(Content.styled(f"—— 切换到 {document_label(self.doc)} ——", "bold $accent"),
                                         classes="divider"))
        self.refresh_bindings()

    def update_status(self) -> None:
        """The status bar: the document, and how many inconsistencies its check found."""
        assert self.conn is not None and self.doc is not None
        total, contradictions = self.conn.execute(
            "select count(*), coalesce(sum(severity = 'contradiction'), 0) from findings where document_id = ?",
            [self.doc["id"]],
        ).fetchone()
        if total:
            style = "bold $text-warning" if contradictions else ""
            badge = (f"检查：{total} 处不一致（矛盾 {contradictions}）", style)
        else:
            badge = ("检查：未发现不一致", "$text-success")
        self.status.update(Content.assemble(document_label(self.doc), " │ ", badge, (" F3", "dim")))

    # -- asking -------------------------------------------------------------------------------

    @on(Input.Submitted, "#question")
    async def _question_submitted(self, event: Input.Submitted) -> None:
        question = event.value.strip()
        if question:
            self.question_input.clear()
            await self.ask_question(question)

    @on(AnswerCard.AskAbout)
    async def _ask_about(self, event: AnswerCard.AskAbout) -> None:
        await self.ask_question(event.question)

    async def ask_question(self, question: str, shown: str | None = None) -> AnswerCard:
        """Answer a question with the current session and add its card to the transcript."""
        try:
            answer = ask(self.conn, question, self.session) if self.conn else Answer(False, "none", self.problem)
        except Exception as exc:  # a bug in the core must not close the app; the card says so
            self.log.error(exc)
            answer = Answer(False, "error", f"内部错误，未能回答（{type(exc).__name__}）。请报告这个问题：{question}")
        self.question_input.remember(question)
        self.asked += 1
        card = AnswerCard(shown or question, answer, self.asked)
        cards = self.transcript.query(AnswerCard)
        for old in list(cards)[: max(0, len(cards) - MAX_CARDS + 1)]:
            old.remove()
        await self.transcript.mount(card)
        card.scroll_visible(top=True, animate=False)
        keys = (bool(answer.rows), bool(answer.sources), bool(answer.chart))
        if keys != self.footer_keys:  # the Footer is rebuilt on refresh: only when a key changes state
            self.footer_keys = keys
            self.refresh_bindings()
        self.collect_when_idle()
        return card

    def collect_when_idle(self) -> None:
        """Collect garbage soon, unless a question is being typed by then (see IDLE_COLLECT_SECONDS)."""
        if self.collect_timer is not None:
            self.collect_timer.stop()
        self.collect_timer = self.set_timer(IDLE_COLLECT_SECONDS, self._collect_garbage)

    def _collect_garbage(self) -> None:
        """Collect while the reader reads: not while typing, not while the app is closing."""
        try:
            typing = bool(self.question_input.value)
        except NoMatches:  # another screen is on top, or the app is shutting down
            return
        if typing:
            self.collect_when_idle()
        else:
            gc.collect()

    async def action_pick(self, number: int) -> None:
        """Ask the numbered choice of the last answer (with the same session)."""
        label = self.session.choices[number - 1][0]
        await self.ask_question(str(number), shown=f"{number} → {label}")

    def action_focus_question(self) -> None:
        self.question_input.focus()

    def focused_card(self) -> AnswerCard | None:
        """The answer card that has the focus (or holds it), else the newest card."""
        if self.focused is not None:
            for node in self.focused.ancestors_with_self:
                if isinstance(node, AnswerCard):
                    return node
        cards = self.transcript.query(AnswerCard)
        return cards.last() if cards else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that apply only where they make sense; None shows a key dimmed in the Footer."""
        screen = self.screen
        on_chat = screen is self.default_screen
        on_table = isinstance(screen, TableScreen)
        if action == "pick":
            return on_chat and not self.question_input.value and int(str(parameters[0])) <= len(self.session.choices)
        if action == "help":
            typing = isinstance(self.focused, Input) and bool(self.focused.value)
            return not typing and not isinstance(screen, (ModalScreen, HelpScreen))
        if self.conn is None or self.doc is None:
            return action not in ("documents", "tables", "findings", "source", "export", "chart", "copy_answer")
        if action == "documents":
            return on_chat and len(documents(self.conn)) > 1
        if action in ("tables", "findings"):
            return on_chat or on_table
        if action in ("export", "source") and on_table:
            return True
        if action in ("export", "source", "chart", "copy_answer"):
            if not on_chat:
                return False
            card = self.focused_card()
            needs = {"export": "rows", "source": "sources", "chart": "chart", "copy_answer": "text"}[action]
            return True if card is not None and getattr(card.answer, needs) else None
        if action == "focus_question":
            return on_chat
        return True

    # -- screens ------------------------------------------------------------------------------

    async def ask_from_screen(self, question: str | None) -> None:
        """A screen closed with a question (a row of a table, an example): ask it in the chat."""
        if question:
            while self.screen is not self.default_screen:
                await self.pop_screen()
            self.question_input.focus()
            await self.ask_question(question)

    def action_help(self) -> None:
        self.push_screen(HelpScreen(), self.ask_from_screen)

    def action_tables(self) -> None:
        if self.conn is None or self.doc is None:
            return
        self.push_screen(Picker("打开表格", table_choices(self.conn, self.doc["id"])), self.open_table)

    def open_table(self, key: str | None) -> None:
        """Open a table or view of the current document in the browser."""
        if not key or self.conn is None or self.doc is None:
            return
        if isinstance(self.screen, TableScreen):
            self.screen.show(layout(self.conn, self.doc["id"], key))
        else:
            self.push_screen(TableScreen(self.conn, self.doc["id"], key), self.ask_from_screen)

    def action_findings(self) -> None:
        self.open_table("findings")

    def action_documents(self) -> None:
        if self.conn is None or self.doc is None:
            return
        choices = [(str(d["id"]), f"{d['id']}: {document_label(d)}（{d['source_name']}）") for d in documents(self.conn)]
        self.push_screen(Picker("切换文档", choices, str(self.doc["id"])),
                         lambda key: self.open_document(int(key)) if key else None)

    def action_source(self) -> None:
        """The report text at the focused answer's first source (or the browsed row)."""
        if self.conn is None or self.doc is None:
            return
        if isinstance(self.screen, TableScreen):
            line = self.screen.current_line
            places = [(self.screen.view.title, line)] if line else []
        else:
            card = self.focused_card()
            places = [(s.where, s.line) for s in card.answer.sources] if card else []
        if not places:
            self.notify("这一项没有原文行号", severity="warning")
            return
        doc_id = self.doc["id"]
        if doc_id not in self.texts:
            row = self.conn.execute("select text from document_texts where document_id = ?", [doc_id]).fetchone()
            self.texts[doc_id] = row["text"] if row else ""
        self.push_screen(SourceScreen(self.texts[doc_id], places))

    def action_chart(self) -> None:
        card = self.focused_card()
        if card is None or not card.answer.chart:
            self.notify("这个回答没有图表：排名、构成类的问题才有", severity="warning")
            return
        answer = card.answer
        unit = answer.unit or (answer.figures[0].unit if answer.figures else "")
        if not unit and self.doc is not None:
            unit = self.doc["unit"]
        title = f"{card.question}（{answer.understood}）" if answer.understood else card.question
        self.push_screen(ChartScreen(title, answer.chart, unit))

    def action_copy_answer(self) -> None:
        card = self.focused_card()
        if card is None:
            return
        sources = "；".join(f"{s.where} 第{s.line}行" for s in card.answer.sources)
        self.copy_to_clipboard(card.answer.text + (f"\n来源：{sources}" if sources else ""))
        self.notify("已复制回答文字")

    # -- export -------------------------------------------------------------------------------

    def action_export(self) -> None:
        """Export the browsed table (in the order shown) or the focused answer's rows."""
        if isinstance(self.screen, TableScreen):
            view, rows = self.screen.view, self.screen.visible_rows()
            export = Export(f"「{view.title}」 {len(rows)} 行", view.title, *with_unit(view.columns, rows, view.unit))
        else:
            card = self.focused_card()
            if card is None or not card.answer.rows:
                self.notify("这个回答没有可导出的表格", severity="warning")
                return
            answer = card.answer
            export = Export(f"回答「{card.question}」的 {len(answer.rows)} 行", card.question,
                            *with_unit(answer.columns, answer.rows, answer.unit))
        self.start_export(export)

    @work(exclusive=True, group="export")
    async def start_export(self, export: Export) -> None:
        """Ask for a file name, write it, and ask before replacing a file that exists."""
        proposed = suggest_name(export.stem[:40], ".csv", Path.cwd())
        name = await self.push_screen_wait(ExportDialog(export.what, proposed.name))
        if not name:
            return
        path = Path(name).expanduser()
        path = path if path.is_absolute() else Path.cwd() / path
        try:
            try:
                write_table(path, export.columns, export.rows, sheet=export.stem)
            except FileExistsError:
                if not await self.push_screen_wait(ConfirmDialog(f"{path.name} 已存在，要覆盖吗？")):
                    self.notify("没有导出：文件已存在", severity="warning")
                    return
                write_table(path, export.columns, export.rows, overwrite=True, sheet=export.stem)
        except OSError as exc:
            self.notify(f"无法写入 {path}：{exc.strerror or exc}", severity="error")
            return
        self.last_export = path
        self.notify(f"已导出 {len(export.rows)} 行到 {path}")

    # -- command palette ----------------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action, and every table, in the command palette (Ctrl+P)."""
        yield from super().get_system_commands(screen)
        yield SystemCommand("帮助 Help", "按键和问题示例（F1）", self.action_help)
        yield SystemCommand("浏览表格 Tables", "打开报表或附加视图（Ctrl+T）", self.action_tables)
        yield SystemCommand("导出 Export", "把当前回答或表格导出为 CSV / XLSX（Ctrl+E）", self.action_export)
        yield SystemCommand("复制回答 Copy", "把回答文字复制到剪贴板（Ctrl+Y）", self.action_copy_answer)
        yield SystemCommand("查看原文 Source", "报告原文，来源行高亮（Ctrl+O）", self.action_source)
        yield SystemCommand("图表 Chart", "把排名、构成类回答画成条形图（Ctrl+G）", self.action_chart)
        yield SystemCommand("检查结果 Findings", "一致性检查发现的不一致（F3）", self.action_findings)
        if self.conn is not None and len(documents(self.conn)) > 1:
            yield SystemCommand("切换文档 Documents", "选择要提问的报告（F2）", self.action_documents)
        if self.conn is not None and self.doc is not None:
            for key, label in table_choices(self.conn, self.doc["id"]):
                yield SystemCommand(f"打开 {label}", "在表格浏览器中打开", partial(self.open_table, key), discover=False)
