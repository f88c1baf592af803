"""BudgetApp: chat with a budget report; browse its tables, export, read the source, see the check."""

from __future__ import annotations

import gc
import sqlite3
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Iterable

from textual import events, getters, on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.containers import VerticalScroll
from textual.content import Content
from textual.css.query import NoMatches
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Footer, Static

from budgetqa.answer import Answer, Session
from budgetqa.browse import Layout, layout
from budgetqa.export import suggest_name, with_unit, write_table
from budgetqa.findings import count_line, finding_from_row, group_findings
from budgetqa.models import ReportError
from budgetqa.store import connect, documents, find_document
from budgetqa.tui.chat import AnswerCard, NameSuggester, QuestionInput
from budgetqa.tui.dialogs import ConfirmDialog, ExportDialog, Palette, Picker
from budgetqa.tui.report import (answerable_examples, document_label, identity, remember_choice, remembered_choice,
                                 welcome_text)
from budgetqa.tui.tables import TableScreen, table_choices
from budgetqa.tui.views import ChartScreen, HelpScreen, SourceScreen, help_examples

MAX_CARDS = 30  # older answers leave the transcript, so that it stays light
# Textual 8.2.8 keeps the render caches of up to 1024 removed widgets alive (StylesCache.get_inner_outer is
# an lru_cache on an instance method), so the heap settles near 300k objects and a full garbage collection
# takes ~0.2 s. Collecting while the reader reads keeps that pause off the Enter key.
IDLE_COLLECT_SECONDS = 0.5
# The keys that act on the focused answer card, what the card needs for each, and why a key cannot act.
CARD_ACTIONS = {"export": "rows", "source": "sources", "chart": "chart", "copy_answer": "text"}
WHY_NOT = {
    "export": "这个回答没有表格行，没有可导出的内容",
    "source": "这个回答没有原文行号",
    "chart": "这个回答没有图表：排名、构成类的问题才有",
    "copy_answer": "还没有可复制的回答",
}


@dataclass
class Export:
    """Rows to write: what they are (shown in the dialog), a file name stem, header and rows."""

    what: str
    stem: str
    columns: list[str]
    rows: list[list]


class BudgetApp(App[None]):
    """The budgetqa app on one database; it opens on the report the user last chose (else the newest)."""

    CSS_PATH = "app.tcss"
    TITLE = "budgetqa"
    BINDINGS = [
        Binding("ctrl+t", "tables", "表格"),
        # A card key that cannot act on the focused answer leaves the Footer; pressed anyway, it says why.
        Binding("ctrl+e", "export", "导出", priority=True),
        Binding("ctrl+e", "why_not('export')", show=False, priority=True),
        Binding("ctrl+o", "source", "原文"),
        Binding("ctrl+o", "why_not('source')", show=False),
        Binding("ctrl+g", "chart", "图表"),
        Binding("ctrl+g", "why_not('chart')", show=False),
        Binding("ctrl+y", "copy_answer", "复制"),
        Binding("ctrl+y", "why_not('copy_answer')", show=False),
        Binding("f3", "findings", "检查"),
        Binding("f2", "documents", "文档"),
        Binding("f1", "help", "帮助"),
        Binding("ctrl+q", "quit", "退出", priority=True),
        Binding("ctrl+p", "command_palette", "命令", show=False, priority=True),
        # When the question line has the focus it handles ? and digits itself (QuestionInput).
        Binding("question_mark", "help", "帮助", show=False),
        Binding("escape", "focus_question", "输入", show=False),
        *(Binding(str(n), f"pick({n})", f"选 {n}", show=False) for n in range(1, 10)),
    ]

    transcript = getters.query_one("#transcript", VerticalScroll)
    question_input = getters.query_one("#question", QuestionInput)
    status = getters.query_one("#status", Static)
    welcome = getters.query_one("#welcome", Static)

    def __init__(self, db_path: str | Path, document: int | None = None) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.requested = document  # a report just loaded from the command line: the user's choice
        self.conn: sqlite3.Connection | None = None
        self.doc: sqlite3.Row | None = None
        self.sessions: dict[int, Session] = {}
        self.texts: dict[int, str] = {}
        self.examples: dict[int, list[str]] = {}
        self.problem = ""  # why there is nothing to ask about (no database, no document)
        self.data_version: int | None = None
        self.loaded: list[tuple] = []  # (id, loaded_at, sha256) of every document, to notice changes
        self.last_export: Path | None = None
        self.asked = 0
        self.footer_keys: tuple[bool, ...] = ()
        self.collect_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="transcript"):
            yield Static(id="welcome")
        yield QuestionInput(id="question", placeholder="输入问题，Enter 提问（F1 帮助）")
        yield Static(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.question_input.focus()
        try:  # SQLite is opened here, in the thread that uses it (Textual's event loop)
            self.conn = connect(self.db_path)
            newest = find_document(self.conn, None)
        except ReportError as exc:
            self.show_problem(str(exc))
            return
        docs = documents(self.conn)
        self.data_version = self.database_version()
        self.loaded = [self.signature(d) for d in docs]
        requested = next((d for d in docs if d["id"] == self.requested), None)
        if requested is not None:
            remember_choice(self.db_path, requested)
        chosen = requested or remembered_choice(self.db_path, docs) or newest
        self.open_document(chosen["id"])
        self.run_worker(partial(self.preload, chosen["id"]), thread=True, exclusive=True, group="preload")

    def preload(self, doc_id: int) -> None:
        """Import the question reader and read the document, in a thread after the first screen is shown:
        the first question is then answered as fast as the others, and start-up does not wait for it."""
        from budgetqa.answer import preload

        conn = connect(self.db_path, create_default=False)  # a connection of its own: this is another thread
        try:
            preload(conn, doc_id)
        finally:
            conn.close()

    def show_problem(self, problem: str) -> None:
        """Nothing to ask about: say why in the status bar."""
        self.problem = problem
        self.doc = None
        self.status.update(Content.styled(problem, "$text-error"))
        self.refresh_bindings()

    # -- the document -------------------------------------------------------------------------

    @property
    def session(self) -> Session:
        """The follow-up context of the current document (one Session per document)."""
        doc_id = self.doc["id"] if self.doc is not None else 0
        return self.sessions.setdefault(doc_id, Session(document_id=doc_id or None))

    @property
    def several_documents(self) -> bool:
        """More than one report is loaded (cards then say which one answered)."""
        return len(self.loaded) > 1

    @staticmethod
    def signature(row: sqlite3.Row) -> tuple:
        """A loaded document as it is now: a reload changes it even when the id is reused."""
        return (row["id"], row["loaded_at"], row["sha256"])

    def database_version(self) -> int | None:
        """SQLite's count of changes committed by other connections (PRAGMA data_version)."""
        try:
            return self.conn.execute("pragma data_version").fetchone()[0] if self.conn else None
        except sqlite3.Error:
            return None

    def open_document(self, doc_id: int, notice: str = "") -> None:
        """Make a document current: status bar, completion, session, welcome (or a divider)."""
        assert self.conn is not None
        switching = self.doc is not None and self.doc["id"] != doc_id
        row = self.conn.execute("select * from documents where id = ?", [doc_id]).fetchone()
        if row is None:
            self.show_problem(f"文档 {doc_id} 已不在数据库中")
            return
        self.doc = row
        self.problem = ""
        names = self.conn.execute(
            "select name, ref, kind, pinyin, initials from names where document_id = ?", [doc_id]
        ).fetchall()
        self.question_input.suggester = NameSuggester([tuple(r) for r in names])
        self.question_input.choice_count = len(self.session.choices)
        self.update_status()
        welcome = welcome_text(self.conn, row)
        if not switching and not notice:
            self.welcome.update(Content.styled(welcome, "dim"))
        else:
            title = notice or f"切换到 {document_label(row)}"
            self.transcript.mount(Static(Content.assemble((f"—— {title} ——", "bold $accent"), "\n", (welcome, "dim")),
                                         classes="divider"))
        self.refresh_bindings()

    def choose_document(self, key: str | None) -> None:
        """The user picked a report (F2): open it, and open it next time too."""
        if key and self.conn is not None:
            self.sync_documents()
            self.open_document(int(key))
            if self.doc is not None:
                remember_choice(self.db_path, self.doc)

    def sync_documents(self) -> None:
        """Notice what another process did to the database: a report added, replaced or deleted.

        Cheap when nothing changed (one PRAGMA). When the open report was replaced, its new version is
        opened (the same department, year and kind), else the remembered or newest one; the
        transcript says so.
        """
        version = self.database_version()
        if self.conn is None or version is None or version == self.data_version:
            return
        self.data_version = version
        try:
            docs = documents(self.conn)
        except sqlite3.Error as exc:
            self.show_problem(f"数据库无法读取：{exc}")
            return
        loaded = [self.signature(d) for d in docs]
        if loaded == self.loaded:
            return
        self.loaded = loaded
        self.refresh_bindings()  # F2 may apply now, or no longer
        old = self.doc
        if old is not None and self.signature(old) in loaded:
            return
        if not docs:
            self.show_problem("数据库里已经没有报告：先用 budgetqa load FILE 载入一份")
            return
        if old is not None:
            self.sessions.pop(old["id"], None)
            self.texts.pop(old["id"], None)
            self.examples.pop(old["id"], None)
        same = next((d for d in docs if old is not None and identity(d) == identity(old)), None)
        target = same or remembered_choice(self.db_path, docs) or docs[0]
        if old is None:
            notice = f"数据库里有了报告：{document_label(target)}"
        elif same is not None:
            notice = f"{document_label(old)} 已在别处重新载入，下面的回答出自新载入的版本"
        else:
            notice = f"{document_label(old)} 已不在数据库中，切换到 {document_label(target)}"
        self.open_document(target["id"], notice=notice)
        for screen in self.screen_stack:
            if isinstance(screen, TableScreen):
                view = self.table_layout(screen.view.key)
                if view is not None:
                    screen.show(view)

    def on_app_focus(self, event: events.AppFocus) -> None:
        """Back from another window (where a report may have been loaded): look again."""
        self.sync_documents()

    def update_status(self) -> None:
        """The status bar: the document, and how many inconsistencies its check found."""
        assert self.conn is not None and self.doc is not None
        self.conn.row_factory = sqlite3.Row
        groups = group_findings([finding_from_row(r) for r in self.conn.execute(
            "select * from findings where document_id = ? order by rowid", [self.doc["id"]])])
        if groups:
            contradictions = any(g.severity == "contradiction" for g in groups)
            badge = (f"检查：{count_line(groups)}", "bold $text-warning" if contradictions else "")
        else:
            badge = ("检查：未发现不一致", "$text-success")
        self.status.update(Content.assemble(document_label(self.doc), " │ ", badge, (" F3", "dim")))

    # -- asking -------------------------------------------------------------------------------

    @on(QuestionInput.Submitted, "#question")
    async def _question_submitted(self, event: QuestionInput.Submitted) -> None:
        question = event.value.strip()
        if question:
            with self.batch_update():  # one layout and one paint for the cleared line and the new card
                self.question_input.clear()
                await self.ask_question(question)

    @on(QuestionInput.HelpWanted)
    def _help_wanted(self) -> None:
        self.action_help()

    @on(QuestionInput.ChoicePicked)
    async def _choice_picked(self, event: QuestionInput.ChoicePicked) -> None:
        await self.action_pick(event.number)

    @on(AnswerCard.AskAbout)
    async def _ask_about(self, event: AnswerCard.AskAbout) -> None:
        await self.ask_question(event.question)

    async def ask_question(self, question: str, shown: str | None = None) -> AnswerCard:
        """Answer a question with the current session and add its card to the transcript."""
        self.sync_documents()
        try:
            if self.conn is None or self.doc is None:
                answer = Answer(False, "none", self.problem)
            else:
                from budgetqa.answer import ask  # imported after the first screen (see preload)

                answer = ask(self.conn, question, self.session)
        except Exception as exc:  # a bug in the core must not close the app; the card says so
            self.log.error(exc)
            answer = Answer(False, "error", f"内部错误，未能回答（{type(exc).__name__}）。请报告这个问题：{question}")
        self.question_input.remember(question)
        self.question_input.choice_count = len(self.session.choices)
        self.asked += 1
        card = AnswerCard(shown or question, answer, self.asked, self.several_documents)
        cards = self.transcript.query(AnswerCard)
        for old in list(cards)[: max(0, len(cards) - MAX_CARDS + 1)]:
            old.remove()
        # A transcript longer than its view is anchored to the bottom: the new card shows in the frame that
        # lays it out (scrolling it into view afterwards would take a second frame). A shorter one stays at
        # the top: anchored, Textual would push short content to the bottom.
        transcript = self.transcript
        transcript.anchor(transcript.max_scroll_y > 0)
        await transcript.mount(card)
        self.call_after_refresh(self.show_top_of, card)
        keys = tuple(bool(getattr(answer, needs)) for needs in CARD_ACTIONS.values())
        if keys != self.footer_keys:  # the Footer is rebuilt on refresh: only when a key changes state
            self.footer_keys = keys
            self.refresh_bindings()
        self.collect_when_idle()
        return card

    def show_top_of(self, card: AnswerCard) -> None:
        """Bring a new card into view if anchoring did not, and show a tall card from its first line."""
        view = self.transcript.scrollable_content_region
        if card.is_attached and (card.outer_size.height > view.height or not card.region.overlaps(view)):
            card.scroll_visible(top=True, animate=False)

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
        if number > len(self.session.choices):
            return
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

    def card_can(self, action: str) -> bool:
        """Whether the focused answer card has what a card key needs (rows, sources, a chart, text)."""
        card = self.focused_card() if self.screen is self.default_screen else None
        return card is not None and bool(getattr(card.answer, CARD_ACTIONS[action]))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that apply only where they make sense; a key that cannot act is not in the Footer."""
        screen = self.screen
        on_chat = screen is self.default_screen
        on_table = isinstance(screen, TableScreen)
        if action == "pick":
            return on_chat and int(str(parameters[0])) <= len(self.session.choices)
        if action == "help":
            return not isinstance(screen, (ModalScreen, HelpScreen))
        if action == "why_not":
            return on_chat and not self.card_can(str(parameters[0]))
        if self.conn is None or self.doc is None:
            return action not in ("documents", "tables", "findings", *CARD_ACTIONS)
        if action == "documents":
            return on_chat and self.several_documents
        if action in ("tables", "findings"):
            return on_chat or on_table
        if action in ("export", "source") and on_table:
            return True
        if action in CARD_ACTIONS:
            return on_chat and self.card_can(action)
        if action == "focus_question":
            return on_chat
        return True

    def action_why_not(self, action: str) -> None:
        """A card key pressed where it cannot act: say why."""
        reason = WHY_NOT[action] if self.focused_card() is not None else "还没有回答：先问一个问题"
        self.notify(reason, severity="warning")

    def action_help_quit(self) -> None:
        """Ctrl+C (which quits many terminal programs) says how to quit."""
        self.notify("按 Ctrl+Q 退出", title="要退出吗？")

    # -- screens ------------------------------------------------------------------------------

    async def ask_from_screen(self, question: str | None) -> None:
        """A screen closed with a question (a row of a table, an example): ask it in the chat."""
        if question:
            while self.screen is not self.default_screen:
                await self.pop_screen()
            self.question_input.focus()
            await self.ask_question(question)

    def help_examples(self, doc_id: int | None) -> list[str]:
        """The help screen's examples: the open report's own, then those of the catalogue it answers.

        Asking the catalogue's examples takes ~0.2 s: done when Help is first opened on a report, not at
        start-up, where it would hold up the first keys typed.
        """
        if doc_id is None or self.conn is None:
            return help_examples()
        if doc_id not in self.examples:
            self.examples[doc_id] = answerable_examples(self.conn, doc_id, help_examples())
        return self.examples[doc_id]

    def action_help(self) -> None:
        self.sync_documents()
        self.push_screen(HelpScreen(self.help_examples(self.doc["id"] if self.doc else None)), self.ask_from_screen)

    def table_choices(self) -> list[tuple[str, str]]:
        """(key, label) of the open document's tables and views (TableSource)."""
        self.sync_documents()
        if self.conn is None or self.doc is None:
            return []
        return table_choices(self.conn, self.doc["id"])

    def table_layout(self, key: str) -> Layout | None:
        """A table or view of the open document (TableSource); None, with a notice, when there is none."""
        self.sync_documents()
        if self.conn is None or self.doc is None:
            return None
        try:
            return layout(self.conn, self.doc["id"], key)
        except ReportError as exc:
            self.notify(f"无法打开表格：{exc}", severity="warning")
            return None

    def action_tables(self) -> None:
        choices = self.table_choices()
        if choices:
            self.push_screen(Picker("打开表格", choices), self.open_table)

    def open_table(self, key: str | None) -> None:
        """Open a table or view of the current document in the browser."""
        view = self.table_layout(key) if key else None
        if view is None:
            return
        if isinstance(self.screen, TableScreen):
            self.screen.show(view)
        else:
            self.push_screen(TableScreen(self, view), self.ask_from_screen)

    def action_findings(self) -> None:
        self.open_table("findings")

    def action_documents(self) -> None:
        self.sync_documents()
        if self.conn is None or self.doc is None:
            return
        choices = [(str(d["id"]), f"{d['id']}: {document_label(d)}（{d['source_name']}）") for d in documents(self.conn)]
        self.push_screen(Picker("切换文档", choices, str(self.doc["id"])), self.choose_document)

    def action_source(self) -> None:
        """The report text at the focused answer's first source (or the browsed row)."""
        self.sync_documents()
        if self.conn is None or self.doc is None:
            return
        if isinstance(self.screen, TableScreen):
            line = self.screen.current_line
            places = [(self.screen.view.title, line)] if line else []
        else:
            card = self.focused_card()
            places = [(s.where, s.line) for s in card.answer.sources] if card else []
        if not places:
            self.notify(WHY_NOT["source"], severity="warning")
            return
        doc_id = self.doc["id"]
        if doc_id not in self.texts:
            row = self.conn.execute("select text from document_texts where document_id = ?", [doc_id]).fetchone()
            self.texts[doc_id] = row["text"] if row else ""
        self.push_screen(SourceScreen(self.texts[doc_id], places))

    def action_chart(self) -> None:
        card = self.focused_card()
        if card is None or not card.answer.chart:
            self.notify(WHY_NOT["chart"], severity="warning")
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
            self.notify(WHY_NOT["copy_answer"], severity="warning")
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
                self.notify(WHY_NOT["export"], severity="warning")
                return
            answer = card.answer
            export = Export(f"回答「{card.question}」的 {len(answer.rows)} 行", card.question,
                            *with_unit(answer.columns, answer.rows, answer.unit))
        self.start_export(export)

    @work(exclusive=True, group="export")
    async def start_export(self, export: Export) -> None:
        """Ask for a file name, write it, and ask before replacing a file that exists.

        Whatever goes wrong while writing (a folder that cannot be written, a cell a spreadsheet
        refuses) is a notification: an export never closes the app.
        """
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
        except Exception as exc:  # noqa: BLE001 - reported, never fatal
            self.log.error(exc)
            self.notify(f"没有导出 {path.name}：{type(exc).__name__}（{exc}）", severity="error")
            return
        self.last_export = path
        self.notify(f"已导出 {len(export.rows)} 行到 {path}")

    # -- command palette ----------------------------------------------------------------------

    def action_command_palette(self) -> None:
        """The command palette, searching in Chinese."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(Palette(placeholder="搜索命令……", id="--command-palette"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action, and every table, in the command palette (Ctrl+P), in Chinese."""
        yield SystemCommand("帮助", "按键和问题示例（F1）", self.action_help)
        yield SystemCommand("浏览表格", "打开报表或附加视图（Ctrl+T）", self.action_tables)
        yield SystemCommand("导出", "把当前回答或表格导出为 CSV 或 XLSX 文件（Ctrl+E）", self.action_export)
        yield SystemCommand("复制回答", "把回答文字复制到剪贴板（Ctrl+Y）", self.action_copy_answer)
        yield SystemCommand("查看原文", "报告原文，来源行高亮（Ctrl+O）", self.action_source)
        yield SystemCommand("图表", "把排名、构成类回答画成条形图（Ctrl+G）", self.action_chart)
        yield SystemCommand("检查结果", "一致性检查发现的不一致（F3）", self.action_findings)
        if self.several_documents:
            yield SystemCommand("切换文档", "选择要提问的报告（F2）", self.action_documents)
        if screen.maximized is not None:
            yield SystemCommand("还原", "把放大的部分还原", screen.action_minimize)
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand("放大", "把当前部分放大到整个屏幕", screen.action_maximize)
        yield SystemCommand("退出", "关闭 budgetqa（Ctrl+Q）", self.action_quit)
        if self.conn is not None and self.doc is not None:
            for key, label in table_choices(self.conn, self.doc["id"]):
                yield SystemCommand(f"打开 {label}", "在表格浏览器中打开", partial(self.open_table, key), discover=False)
