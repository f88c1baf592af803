"""Read-only screens: the original report text at a line, a bar chart, and help."""

from __future__ import annotations

from decimal import Decimal

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from budgetqa.catalogue import INTENTS
from budgetqa.render import cut, fmt_amount, pad, width

# (keys, what they do): the help screen lists these; the bindings themselves live with the screens.
KEYS: tuple[tuple[str, str], ...] = (
    ("Enter", "提问"),
    ("↑ ↓", "之前问过的问题"),
    ("→", "接受灰色的补全"),
    ("1 … 9", "选编号选项（输入框为空时）"),
    ("Tab", "在回答和输入框之间移动"),
    ("Esc", "回到输入框"),
    ("Ctrl+T", "浏览表格和附加视图"),
    ("Ctrl+E", "导出回答或表格（CSV/XLSX）"),
    ("Ctrl+Y", "复制回答文字"),
    ("Ctrl+O", "查看原文，来源行高亮"),
    ("Ctrl+G", "图表（排名、构成类回答）"),
    ("F3", "一致性检查结果"),
    ("F2", "切换文档（载入多份时）"),
    ("Ctrl+P", "命令面板"),
    ("F1", "帮助（输入框为空时也可按 ?）"),
    ("Ctrl+Q", "退出"),
    ("", ""),
    ("表格中", ""),
    ("↑↓ PgUp PgDn", "移动"),
    ("Home End", "首行、末行"),
    ("/   n", "查找、下一个"),
    ("s", "按当前列排序（升、降、原序）"),
    ("t   [   ]", "换表、上一表、下一表"),
    ("Enter", "就这一行提问，回到对话"),
    ("Ctrl+E  Ctrl+O", "导出此表、看这一行的原文"),
    ("Esc", "返回"),
)


def help_examples() -> list[str]:
    """One or two example questions per intent of the catalogue."""
    out: list[str] = []
    for intent in INTENTS:
        out.extend(q for q in intent.examples[:2] if q not in out)
    return out


class HelpScreen(Screen[str | None]):
    """Keys on the left, example questions on the right (Enter asks one): those the open report answers."""

    BINDINGS = [Binding("escape,f1,q", "dismiss(None)", "关闭")]

    keys_panel = getters.query_one("#help-keys", VerticalScroll)
    examples = getters.query_one("#examples", OptionList)

    def __init__(self, examples: list[str] | None = None) -> None:
        super().__init__()
        self.questions = examples if examples is not None else help_examples()

    def compose(self) -> ComposeResult:
        key_width = max(width(k) for k, _ in KEYS) + 2
        lines = [Content.assemble((pad(k, key_width), "bold $accent"), v) for k, v in KEYS]
        with Horizontal():
            with VerticalScroll(id="help-keys"):
                yield Static(Content("\n").join(lines))
            yield OptionList(*(Option(Content(q)) for q in self.questions), id="examples")
        yield Footer()

    def on_mount(self) -> None:
        self.keys_panel.border_title = "按键"
        self.examples.border_title = "问题示例（Enter 提问）"
        self.examples.focus()

    @on(OptionList.OptionSelected, "#examples")
    def _ask_example(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(str(event.option.prompt))


class SourceScreen(Screen[None]):
    """The original report text, scrolled to a source line which is highlighted; n / p walk the sources."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "返回"),
        Binding("n", "step(1)", "下一处"),
        Binding("p", "step(-1)", "上一处"),
    ]

    text_area = getters.query_one("#source-text", TextArea)
    heading = getters.query_one("#source-title", Static)

    def __init__(self, text: str, places: list[tuple[str, int]]) -> None:
        super().__init__()
        self.text = text
        self.places = places or [("", 1)]
        self.index = 0

    def compose(self) -> ComposeResult:
        yield Static(id="source-title")
        yield TextArea(self.text, id="source-text", read_only=True, show_line_numbers=True, soft_wrap=True)
        yield Footer()

    def on_mount(self) -> None:
        self.call_after_refresh(self.go, 0)  # centring needs the text area's size

    @property
    def line(self) -> int:
        """The 1-based line shown now."""
        return self.places[self.index][1]

    def go(self, index: int) -> None:
        """Scroll to the index-th source line and select (highlight) it."""
        self.index = index % len(self.places)
        where, line = self.places[self.index]
        area = self.text_area
        area.move_cursor((line - 1, 0), center=True)
        area.select_line(line - 1)
        count = f"（{self.index + 1}/{len(self.places)}）" if len(self.places) > 1 else ""
        self.heading.update(Content.assemble(("原文", "bold"), f" 第{line}行 ", (where, "$accent"), count))
        area.focus()

    def action_step(self, step: int) -> None:
        self.go(self.index + step)


class BarChart(Widget):
    """Horizontal bars of block characters; CJK labels aligned by terminal width."""

    BLOCKS = " ▏▎▍▌▋▊▉█"

    def __init__(self, items: list[tuple[str, Decimal]], unit: str) -> None:
        super().__init__()
        self.items = items
        self.unit = unit

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.items)

    def render(self) -> Content:
        return Content("\n").join(bar_lines(self.items, self.unit, self.size.width))


def bar_lines(items: list[tuple[str, Decimal]], unit: str, total_width: int) -> list[Content]:
    """One line per item: label padded, a bar in eighths of a cell, the amount."""
    if not items:
        return []
    label_width = min(max(width(label) for label, _ in items), max(8, total_width * 2 // 5))
    values = [fmt_amount(value, unit) for _, value in items]
    value_width = max(width(v) for v in values)
    bar_width = max(4, total_width - label_width - value_width - 3)
    largest = max(abs(value) for _, value in items) or Decimal(1)
    lines = []
    for (label, value), text in zip(items, values):
        eighths = int(abs(value) / largest * bar_width * 8)
        bar = "█" * (eighths // 8) + (BarChart.BLOCKS[eighths % 8] if eighths % 8 else "")
        style = "$error" if value < 0 else "$accent"
        label_text = pad(cut(label, label_width), label_width)
        lines.append(Content.assemble(label_text, " ", (pad(bar, bar_width), style), " ", pad(text, value_width, True)))
    return lines


class ChartScreen(Screen[None]):
    """The answer's chart: its question on top, bars below."""

    BINDINGS = [Binding("escape,q", "dismiss(None)", "返回")]

    def __init__(self, title: str, items: list[tuple[str, Decimal]], unit: str) -> None:
        super().__init__()
        self.title_text = title
        self.items = items
        self.unit = unit

    def compose(self) -> ComposeResult:
        yield Static(Content.assemble(("图表 ", "bold"), self.title_text), id="chart-title")
        with VerticalScroll(id="chart"):
            yield BarChart(self.items, self.unit)
        yield Footer()
