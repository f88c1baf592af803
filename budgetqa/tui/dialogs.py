"""Small modal screens: pick one of a list, name an export file, confirm an overwrite."""

from __future__ import annotations

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from rich.align import Align
from rich.text import Text


class Picker(ModalScreen[str | None]):
    """Choose one of a list (Enter) or close (Esc); dismisses with the chosen key."""

    BINDINGS = [Binding("escape", "dismiss(None)", "关闭")]

    options = getters.query_one("#picker", OptionList)

    def __init__(self, title: str, choices: list[tuple[str, str]], current: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        yield OptionList(*(Option(Content(label), id=key) for key, label in self.choices), id="picker")

    def on_mount(self) -> None:
        self.options.border_title = f"{self.title_text}（Enter 选定，Esc 关闭）"
        keys = [key for key, _ in self.choices]
        if self.current in keys:
            self.options.highlighted = keys.index(self.current)

    @on(OptionList.OptionSelected, "#picker")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_id)


class ExportDialog(ModalScreen[str | None]):
    """Propose a file name; Enter writes (.csv or .xlsx by the suffix), Esc cancels."""

    BINDINGS = [Binding("escape", "dismiss(None)", "取消")]

    filename = getters.query_one("#filename", Input)

    def __init__(self, what: str, proposed: str) -> None:
        super().__init__()
        self.what = what
        self.proposed = proposed

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(f"导出{self.what}"), classes="dialog-title")
            yield Input(self.proposed, id="filename", select_on_focus=False)
            yield Static(Content.styled(".csv（UTF-8，Excel 可开）或 .xlsx · Enter 导出 · Esc 取消", "dim"))

    @on(Input.Submitted, "#filename")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)


class ConfirmDialog(ModalScreen[bool]):
    """Ask yes or no: y / Enter on 是, n / Esc for no."""

    BINDINGS = [
        Binding("y", "dismiss(True)", "是"),
        Binding("n,escape", "dismiss(False)", "否"),
    ]

    no_button = getters.query_one("#no", Button)

    def __init__(self, question: str, yes: str = "覆盖", no: str = "取消") -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.question), classes="dialog-title")
            with Horizontal(classes="buttons"):
                yield Button(f"{self.yes} (y)", id="yes", variant="warning")
                yield Button(f"{self.no} (n)", id="no", variant="primary")

    def on_mount(self) -> None:
        self.no_button.focus()  # the safe answer is the default

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _no(self) -> None:
        self.dismiss(False)


class Palette(CommandPalette):
    """Textual's command palette, saying in Chinese that nothing matches (Textual writes that line in
    English inside the method below: this is its body with the text changed; textual is pinned)."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text("没有匹配的命令", style="not bold")), disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
