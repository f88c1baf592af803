"""The Textual app driven with run_test() and Pilot on a real database, plus a few SVG snapshots."""

from __future__ import annotations

import csv
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from budgetqa.render import width
from budgetqa.models import ReportError
from budgetqa.store import connect, find_document
from budgetqa.tui.app import BudgetApp, Export
from budgetqa.tui.chat import AnswerCard, NameSuggester
from budgetqa.tui.dialogs import ConfirmDialog, ExportDialog, Picker
from budgetqa.tui.tables import TableScreen
from budgetqa.tui.views import ChartScreen, HelpScreen, SourceScreen, bar_lines

SIZE = (100, 30)


@pytest.fixture
def tui_db(db_path) -> Path:
    """A private copy of the seed database (conftest) for one test."""
    return db_path


def no_blink(app: BudgetApp) -> None:
    """Stop the cursor blinking in every input on the screen (stable pictures and timings)."""
    for widget in app.screen.query(Input):
        widget.cursor_blink = False


async def ask(pilot, question: str) -> AnswerCard:
    """Type a question into the input and press Enter; return the new card."""
    app = pilot.app
    app.question_input.value = question
    await pilot.press("enter")
    await pilot.pause()
    return app.transcript.query(AnswerCard).last()


def card_text(card: AnswerCard) -> str:
    """All the text the card's Statics show."""
    return "\n".join(str(s.render()) for s in card.query(Static))


async def test_lookup_card_shows_figure_sources_and_understood(tui_db):
    app = BudgetApp(tui_db)
    async with app.run_test(size=SIZE) as pilot:
        card = await ask(pilot, "2013105")
        assert card.answer.matched
        assert [f.value for f in card.answer.figures] == [Decimal("246.89")]
        text = card_text(card)
        assert "246.89 万元" in text
        assert "按「2013105 专项业务」理解" in text
        assert "第230行" in text
        assert app.question_input.value == ""
        assert app.question_input.has_focus


async def test_status_bar_counts_findings_and_contradictions(tui_db):
    db = sqlite3.connect(tui_db)
    total, contradictions = db.execute(
        "select count(*), sum(severity = 'contradiction') from findings").fetchone()
    app = BudgetApp(tui_db)
    async with app.run_test(size=SIZE) as pilot:
        status = str(app.status.render())
        assert "中国共产党长治市屯留区委办公室 2024年预算" in status
        assert f"检查：{total} 处不一致（矛盾 {contradictions}）" in status
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, TableScreen)
        assert app.screen.view.key == "findings"
        assert len(app.screen.visible_rows()) == total
        assert sum(row[0] == "矛盾" for row in app.screen.visible_rows()) == contradictions


async def test_ambiguous_name_offers_choices_and_a_digit_picks_one(tui_db):
    app = BudgetApp(tui_db)
    async with app.run_test(size=SIZE) as pilot:
        card = await ask(pilot, "一般行政管理事务")
        assert [label.split()[0] for label, _ in card.answer.choices] == ["2013102", "2013202"]
        assert "[2] 2013202 一般行政管理事务 1.07 万元" in card_text(card)
        await pilot.press("2")
        await pilot.pause()
        picked = app.transcript.query(AnswerCard).last()
        assert picked is not card
        assert app.question_input.value == ""  # the digit picked; it was not typed
        assert [f.value for f in picked.answer.figures] == [Decimal("1.07")]
        assert "2013202" in picked.answer.text


async def test_digits_are_typed_when_there_is_nothing_to_pick(tui_db):
    app = BudgetApp(tui_db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "0", "1")
        assert app.question_input.value == "201"
        card = await ask(pilot, "一般行政管理事务")
        app.question_input.insert_text_at_cursor("表")
        await pilot.press("1")  # not empty: typed, not picked
        assert app.question_input.value == "表1"
        assert app.transcript.query(AnswerCard).last() is card


async def test_follow_up_keeps_the_subject(tui_db):
    app = BudgetApp(tui_db)
    async with app.run_test(size=SIZE) as pilot:
        first = await ask(pilot, "画报")
        assert "山西画报订阅费用" in first.answer.text
        follow = await ask(pilot, "占比多少")
        assert follow.answer.intent == "share"
        assert "山西画报订阅费用" in follow.answer.text
        assert "14.54%" in follow.answer.text


async def test_history_walks_back_and_forth(tui_db):
    app = BudgetApp(tui_db)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "2013105")
        await ask(pilot, "基本支出")
        app.question_input.value = "草稿"
        await pilot.press("up")
        assert app.question_input.value == "基本支出"
        await pilot.press("up", "up")
        assert app.question_input.value == "2013105"
        await pilot.press("down", "down")
        assert app.question_input.value == "草稿"


async def test_completion_of_codes_names_and_pinyin_initials(tui_db):
    db = sqlite3.connect(tui_db)
    rows = db.execute("select name, ref, kind, pinyin, initials from names").fetchall()
    suggester = NameSuggester(rows)
    assert (await suggester.get_suggestion("20131")).startswith("20131")
    assert await suggester.get_suggestion("sxhb") == "sxhb→山西画报订阅费用"
    assert await suggester.get_suggestion("山西画") == "山西画报订阅费用"
    assert await suggester.get_suggestion("问") is None
    app = BudgetApp(tui_db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"sxhb")
        await pilot.pause()
        await pilot.press("right")  # accept the completion: the pinyin becomes the name
        await pilot.pause()
        assert app.question_input.value == "山西画报订阅费用"


async def open_table(pilot, number: int) -> TableScreen:
    """Ctrl+T, then choose the table with that number in the picker."""
    await pilot.press("ctrl+t")
    await pilot.pause()
    assert isinstance(pilot.app.screen, Picker)
    await pilot.press(*["down"] * (number - 1), "enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, TableScreen)
    return screen


async def test_table_browser_find_sort_and_ask_about_a_row(tui_db):
    app = BudgetApp(tui_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_table(pilot, 3)
        assert screen.view.title == "表3 2024年预算支出总表"
        assert screen.table.row_count == len(screen.view.rows)

        await pilot.press("slash")
        assert screen.find_input.has_focus
        await pilot.press(*"医疗", "enter")
        assert "医疗" in screen.current_row[1]
        first = screen.table.cursor_row
        await pilot.press("escape", "n")  # close the finder, then find the next match
        assert screen.table.cursor_row > first and "医疗" in screen.current_row[1]

        total = screen.view.columns.index("2024年预算数/合计")
        await pilot.press("home", *["right"] * total, "s")
        values = [row[total] for row in screen.visible_rows()]
        assert values == sorted(values)  # exact Decimals, ascending
        await pilot.press("s")
        values = [row[total] for row in screen.visible_rows()]
        assert values == sorted(values, reverse=True)
        assert values[0] == Decimal("1084.38")
        assert "↓" in str(screen.heading.render())

        await pilot.press("home", "down", "down", "down")  # 2013102 一般行政管理事务 532.81
        assert screen.current_row[0] == "2013102"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.default_screen
        card = app.transcript.query(AnswerCard).last()
        assert card.question == "2013102"
        assert Decimal("532.81") in [f.value for f in card.answer.figures]


async def test_table_browser_switches_tables_and_opens_extra_views(tui_db):
    app = BudgetApp(tui_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_table(pilot, 1)
        await pilot.press("right_square_bracket")
        assert screen.view.key == "2"
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert screen.view.key == "facts"  # wraps round to the last extra view
        app.open_table("projects")
        await pilot.pause()
        assert app.screen is screen and screen.view.key == "projects"
        await pilot.press("escape")
        assert app.screen is app.default_screen


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))


async def test_export_answer_rows_to_csv_and_never_overwrite_silently(tui_db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = BudgetApp(tui_db)
    async with app.run_test(size=SIZE) as pilot:
        card = await ask(pilot, "2013105")
        await pilot.press("ctrl+e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.filename.value == "2013105.csv"
        await pilot.press("enter")
        await pilot.pause()
        written = tmp_path / "2013105.csv"
        assert app.last_export == written
        assert written.read_bytes().startswith(b"\xef\xbb\xbf")
        rows = read_csv(written)
        # The unit in the header, as the command line's export writes it (one convention).
        assert rows[0] == ["金额（万元）" if c == "金额" else c for c in card.answer.columns if c != "单位"]
        assert ["表3", "2013105", "专项业务", "2024年预算数/合计", "246.89", "230"] in rows

        # Rows built here go through the same path: a formula-looking cell is neutralised.
        export = Export("测试", "cells", ["名称", "金额"], [["=1+2", Decimal("-0.01")], ["@SUM(A1)", None]])
        app.start_export(export)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert read_csv(tmp_path / "cells.csv") == [["名称", "金额"], ["'=1+2", "-0.01"], ["'@SUM(A1)", ""]]

        # A second export proposes a new name; typing the old one asks before replacing it.
        before = written.read_bytes()
        app.start_export(Export("测试", "2013105", ["x"], [["y"]]))
        await pilot.pause()
        assert app.screen.filename.value == "2013105-2.csv"
        app.screen.filename.value = "2013105.csv"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert written.read_bytes() == before
        app.start_export(Export("测试", "2013105", ["x"], [["y"]]))
        await pilot.pause()
        app.screen.filename.value = "2013105.csv"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert read_csv(written) == [["x"], ["y"]]


async def test_export_browsed_table_as_xlsx_with_unit_in_header(tui_db, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    monkeypatch.chdir(tmp_path)
    app = BudgetApp(tui_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_table(pilot, 3)
        await pilot.press("ctrl+e")
        await pilot.pause()
        app.screen.filename.value = "表3.xlsx"
        await pilot.press("enter")
        await pilot.pause()
        sheet = load_workbook(tmp_path / "表3.xlsx").active
        assert sheet.title == "表3 2024年预算支出总表"
        assert sheet["C3"].number_format == "#,##0.00"
        header = [c.value for c in sheet[1]]
        assert header[:3] == ["科目编码", "项目", "2024年预算数/合计（万元）"]
        assert sheet.max_row == len(screen.view.rows) + 1
        assert app.screen is screen


async def test_export_without_rows_says_so(tui_db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = BudgetApp(tui_db)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "基本支出占比")
        assert not app.check_action("export", ())
        app.action_export()
        await pilot.pause()
        assert app.screen is app.default_screen
        assert list(tmp_path.glob("*.csv")) == []


async def test_help_opens_with_f1_and_question_mark_and_asks_an_example(tui_db):
    app = BudgetApp(tui_db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert app.screen is app.default_screen
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("enter")  # the first example
        await pilot.pause()
        assert app.screen is app.default_screen
        assert app.transcript.query(AnswerCard).last().question == "你能回答什么"
        app.question_input.insert_text_at_cursor("多少")
        await pilot.press("question_mark")  # typing: the ? is text
        assert app.question_input.value == "多少?"


async def test_source_view_highlights_the_first_source_line(tui_db):
    app = BudgetApp(tui_db)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "2013105")
        await pilot.press("ctrl+o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SourceScreen)
        assert screen.line == 230
        assert screen.text_area.selected_text.startswith("2013105 专项业务 246.89")
        await pilot.press("n")
        assert screen.line == 181
        await pilot.press("escape")
        assert app.screen is app.default_screen


async def test_chart_and_copy(tui_db):
    app = BudgetApp(tui_db)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "今年新安排的项目里哪个钱最多")
        card = await ask(pilot, "前五个呢")
        assert len(card.answer.chart) == 5
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, ChartScreen)
        await pilot.press("escape")
        await pilot.press("ctrl+y")
        assert app.clipboard.startswith(card.answer.text)


def test_bar_lines_align_chinese_labels():
    items = [("安可替代工程", Decimal("497.52")), ("2024年办公室日常工作经费", Decimal("60")), ("差", Decimal("-1.5"))]
    lines = [line.plain for line in bar_lines(items, "万元", 70)]
    assert len({width(line) for line in lines}) == 1  # amounts right-aligned at one edge
    assert len({width(line[: line.index("█")]) for line in lines if "█" in line}) == 1  # bars start together
    assert lines[0].count("█") > lines[1].count("█") > 0
    assert lines[2].endswith("-1.5 万元")


async def test_document_switcher_keeps_one_session_per_document(tui_db):
    from budgetqa.parser import parse_file
    from budgetqa.store import bundled_report, load_document

    other = parse_file(bundled_report())
    other.department = "测试部门"
    other_id = load_document(tui_db, other)
    app = BudgetApp(tui_db)
    async with app.run_test(size=SIZE) as pilot:
        assert app.doc["id"] == other_id  # the newest document opens first
        await ask(pilot, "画报")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, Picker)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.doc["id"] != other_id
        assert "测试部门" not in str(app.status.render())
        assert app.session.history == []
        assert app.sessions[other_id].history == ["画报"]


async def test_enter_on_a_row_of_an_answer_asks_about_it(tui_db):
    app = BudgetApp(tui_db)
    async with app.run_test(size=SIZE) as pilot:
        card = await ask(pilot, "今年新安排的项目里哪个钱最多")
        table = card.query_one(DataTable)
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        asked = app.transcript.query(AnswerCard).last()
        assert asked is not card
        assert asked.question == "乡镇档案室标准化建设"


async def test_a_database_without_documents_says_so(tui_db):
    db = sqlite3.connect(tui_db)
    db.execute("delete from documents")
    db.commit()
    with pytest.raises(ReportError) as problem:
        find_document(connect(tui_db), None)
    app = BudgetApp(tui_db)
    async with app.run_test(size=SIZE) as pilot:
        assert str(problem.value) in str(app.status.render())
        card = await ask(pilot, "2013105")
        assert not card.answer.matched and not card.answer.figures
        await pilot.press("ctrl+t", "f3", "ctrl+o")
        assert app.screen is app.default_screen


async def test_command_palette_lists_the_actions(tui_db):
    app = BudgetApp(tui_db)
    async with app.run_test(size=SIZE):
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in ("帮助 Help", "浏览表格 Tables", "导出 Export", "复制回答 Copy", "查看原文 Source",
                      "图表 Chart", "检查结果 Findings", "打开 表3 2024年预算支出总表（19 行）"):
            assert title in titles


# -- pictures: what only a snapshot shows -------------------------------------------------------


def test_snapshot_chat_with_an_answer_card_at_80x24(snap_compare, tui_db):
    async def run_before(pilot):
        no_blink(pilot.app)
        await ask(pilot, "一般行政管理事务")

    assert snap_compare(BudgetApp(tui_db), terminal_size=(80, 24), run_before=run_before)


def test_snapshot_table_browser_sorted(snap_compare, tui_db):
    async def run_before(pilot):
        await open_table(pilot, 5)
        await pilot.press("right", "right", "s", "s")

    assert snap_compare(BudgetApp(tui_db), terminal_size=(80, 24), run_before=run_before)


def test_snapshot_chart(snap_compare, tui_db):
    async def run_before(pilot):
        no_blink(pilot.app)
        await ask(pilot, "今年新安排的项目里哪个钱最多")
        await ask(pilot, "前五个呢")
        await pilot.press("ctrl+g")

    assert snap_compare(BudgetApp(tui_db), terminal_size=(80, 24), run_before=run_before)
