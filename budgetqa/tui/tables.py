"""The table browser: every report table and extra view in a DataTable, with find and exact sort."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from typing import Protocol

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from budgetqa.browse import EXTRA_VIEWS, Layout, list_tables
from budgetqa.render import cell_text, width
from budgetqa.tui.chat import fill_table, row_question
from budgetqa.tui.dialogs import Picker


def table_choices(conn: sqlite3.Connection, doc_id: int) -> list[tuple[str, str]]:
    """(key, label) of every table of the document, then the extra views."""
    out = []
    for t in list_tables(conn, doc_id):
        note = "（本表无数据）" if t["empty"] else f"（{t['row_count']} 行）"
        out.append((str(t["table_no"]), f"表{t['table_no']} {t['title']}{note}"))
    out += list(EXTRA_VIEWS.items())
    return out


def sort_key(value) -> tuple:
    """Amounts by their exact value, then text; empty cells are handled by the caller."""
    if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        return (0, Decimal(value), "")
    return (1, Decimal(0), str(value))


def is_empty(value) -> bool:
    """A cell with nothing in it (sorted last either way)."""
    return value is None or (isinstance(value, str) and not value.strip())


class TableSource(Protocol):
    """Where the browser gets its tables: the app, which knows the open document (and notices when
    another process replaces it)."""

    def table_choices(self) -> list[tuple[str, str]]:
        """(key, label) of every table and view of the open document."""
        ...

    def table_layout(self, key: str) -> Layout | None:
        """A table or view of the open document, or None (the app says why)."""
        ...


def pinned_order(view: Layout, order: list[int]) -> list[int]:
    """A sorted order with the total rows put back: those above the first item on top, the others below."""
    totals = view.total_rows()
    if not totals:
        return order
    first_item = next((i for i in range(len(view.rows)) if i not in totals), len(view.rows))
    top = [i for i in sorted(totals) if i < first_item]
    bottom = [i for i in sorted(totals) if i >= first_item]
    return top + [i for i in order if i not in totals] + bottom


def wrap_widths(view: Layout, total_width: int) -> dict[int, int]:
    """The width of the view's wrapping column: what the other columns leave of the screen."""
    if view.wrap not in view.columns:
        return {}
    at = view.columns.index(view.wrap)
    used = sum(max([width(c)] + [width(cell_text(r[i])) for r in view.rows if i < len(r)]) + 2
               for i, c in enumerate(view.columns) if i != at)
    return {at: max(24, total_width - used - 4)}


class BrowserTable(DataTable):
    """A DataTable whose Home/End go to the first/last row."""

    BINDINGS = [
        Binding("home", "scroll_top", "首行", show=False),
        Binding("end", "scroll_bottom", "末行", show=False),
    ]


class TableScreen(Screen[str | None]):
    """One table at a time; dismisses with a question when Enter is pressed on a row."""

    BINDINGS = [
        Binding("escape", "back", "返回"),
        Binding("slash", "find", "查找"),
        Binding("n", "find_next", "下一个", show=False),
        Binding("s", "sort", "排序"),
        Binding("t", "pick", "换表"),
        Binding("left_square_bracket", "step(-1)", "上一表", show=False),
        Binding("right_square_bracket", "step(1)", "下一表", show=False),
    ]

    table = getters.query_one("#browser", BrowserTable)
    find_input = getters.query_one("#find", Input)
    heading = getters.query_one("#table-title", Static)

    def __init__(self, source: TableSource, view: Layout) -> None:
        super().__init__()
        self.source = source
        self.view = view
        self.order: list[int] = list(range(len(self.view.rows)))
        self.sorted_by: tuple[int, bool] | None = None  # (column, descending)

    def compose(self) -> ComposeResult:
        yield Static(id="table-title")
        yield BrowserTable(id="browser", zebra_stripes=True, cursor_type="cell")
        yield Input(id="find", placeholder="查找：输入文字后 Enter 跳到下一个匹配行，Esc 关闭")
        yield Footer()

    def on_mount(self) -> None:
        self.show(self.view)

    def show(self, view: Layout) -> None:
        """Show another table (report order, cursor on the first row)."""
        self.view = view
        self.order = list(range(len(view.rows)))
        self.sorted_by = None
        self.table.fixed_columns = view.frozen
        self.fill()
        self.update_heading()
        self.table.focus()

    def fill(self) -> None:
        """Put the rows into the table in the order shown (a wrapping column takes the width left)."""
        fill_table(self.table, self.view.columns, self.visible_rows(), keys=[str(i) for i in self.order],
                   wrap=wrap_widths(self.view, self.size.width or self.app.size.width))

    def on_resize(self) -> None:
        if self.view.wrap:  # the wrapping column follows the screen's width
            row, column = self.table.cursor_row, self.table.cursor_column
            self.fill()
            self.table.move_cursor(row=row, column=column)

    def update_heading(self) -> None:
        """Title, unit, row count, and the sort in force."""
        view = self.view
        parts = [(view.title, "bold")]
        if view.unit:
            parts.append(f"（单位：{view.unit}）")
        parts.append((f"  {len(view.rows)} 行", "dim"))
        if view.empty:
            parts.append(("  本表无数据", "$warning"))
        if self.sorted_by is not None:
            column, descending = self.sorted_by
            parts.append((f"  按「{view.columns[column]}」{'↓' if descending else '↑'}", "$accent"))
        self.heading.update(Content.assemble(*parts))

    @property
    def current_row(self) -> list | None:
        """The raw cells of the row under the cursor."""
        if not self.view.rows:
            return None
        return self.view.rows[self.order[self.table.cursor_row]]

    @property
    def current_line(self) -> int:
        """The report line of the row under the cursor (0: none)."""
        if not self.view.rows:
            return 0
        return self.view.lines[self.order[self.table.cursor_row]]

    def visible_rows(self) -> list[list]:
        """The rows in the order shown (what export writes)."""
        return [self.view.rows[i] for i in self.order]

    def action_back(self) -> None:
        if self.find_input.display:
            self.find_input.display = False
            self.table.focus()
        else:
            self.dismiss(None)

    def action_find(self) -> None:
        self.find_input.display = True
        self.find_input.focus()

    @on(Input.Submitted, "#find")
    def _find_submitted(self, event: Input.Submitted) -> None:
        self.action_find_next()

    def action_find_next(self) -> None:
        """Move the cursor to the next row (after the cursor, wrapping) whose text contains the term."""
        term = self.find_input.value.strip().casefold()
        if not term or not self.view.rows:
            return
        start = self.table.cursor_row
        count = len(self.order)
        for step in range(1, count + 1):
            index = (start + step) % count
            row = self.view.rows[self.order[index]]
            if any(term in cell_text(v).casefold() for v in row):
                self.table.move_cursor(row=index)
                return
        self.notify(f"没有找到「{term}」", severity="warning")

    def action_sort(self) -> None:
        """Sort by the cursor's column: ascending, then descending, then report order (exact values)."""
        if not self.view.rows:
            return
        column = self.table.cursor_column
        if self.sorted_by == (column, False):
            self.sorted_by = (column, True)
        elif self.sorted_by == (column, True):
            self.sorted_by = None
        else:
            self.sorted_by = (column, False)
        current = self.order[self.table.cursor_row]
        rows = self.view.rows
        if self.sorted_by is None:
            self.order = list(range(len(rows)))
        else:
            filled = [i for i in range(len(rows)) if not is_empty(rows[i][column])]
            filled.sort(key=lambda i: sort_key(rows[i][column]), reverse=self.sorted_by[1])
            self.order = pinned_order(self.view, filled + [i for i in range(len(rows)) if is_empty(rows[i][column])])
        self.fill()
        self.table.move_cursor(row=self.order.index(current), column=column)
        self.update_heading()

    def action_pick(self) -> None:
        self.app.push_screen(Picker("打开表格", self.source.table_choices(), self.view.key), self._open)

    def action_step(self, step: int) -> None:
        keys = [key for key, _ in self.source.table_choices()]
        if keys:
            index = keys.index(self.view.key) if self.view.key in keys else 0
            self._open(keys[(index + step) % len(keys)])

    def _open(self, key: str | None) -> None:
        view = self.source.table_layout(key) if key else None
        if view is not None:
            self.show(view)

    @on(DataTable.CellSelected, "#browser")
    def _ask_about_row(self, event: DataTable.CellSelected) -> None:
        row = self.current_row
        if row is None:
            return
        question = row_question(self.view.columns, row, event.coordinate.column)
        if question:
            self.dismiss(question)
