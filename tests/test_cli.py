"""The budgetqa command through click's CliRunner, on real database files."""

from __future__ import annotations

import json
import re
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from budgetqa.cli import cli
from conftest import CORPUS
from test_store import read_only_dir  # noqa: F401 - a fixture

README = Path(__file__).parent.parent / "README.md"


@pytest.fixture
def run(db_path):
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(cli, [*args, "--db", str(db_path)] if args and args[0] not in ("--help", "--version") else list(args), input=input)

    return invoke


def test_every_command_has_help_with_an_example_and_is_in_the_readme():
    readme = README.read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example:" in result.output, name
        assert f"budgetqa {name}" in readme, name


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and "budgetqa" in result.output


def test_ask_prints_the_figure_and_its_source(run):
    result = run("ask", "2013105")
    assert result.exit_code == 0
    assert "246.89" in result.output and "表3" in result.output and "第230行" in result.output


def test_ask_json_object(run):
    result = run("ask", "--json", "基本支出占总支出的比例")
    obj = json.loads(result.output)
    assert obj["matched"] is True and obj["intent"] == "share"
    assert any(f["value"] == 28.0 for f in obj["figures"])
    assert set(obj) >= {"matched", "intent", "answer", "figures", "columns", "rows", "sources"}


def test_ask_json_reads_one_question_per_line(run):
    questions = ["2013105", "水电费多少", "", "画报", "a\x0bb"]
    result = run("ask", "--json", "-", input="\n".join(questions) + "\n")
    lines = result.output.strip("\n").split("\n")
    assert len(lines) == len(questions)
    answers = [json.loads(line) for line in lines]
    assert [a["matched"] for a in answers] == [True, False, False, True, False]
    assert "246.89" in answers[0]["answer"]
    assert answers[1]["figures"] == []


def test_unanswerable_question_exits_non_zero_with_suggestions(run):
    result = run("ask", "水电费多少")
    assert result.exit_code == 2
    assert "可以试试" in result.output


def test_load_bad_file_prints_one_line_and_keeps_the_database(run, tmp_path, db_path):
    before = db_path.read_bytes()
    bad = tmp_path / "notice.txt"
    bad.write_text("会议通知", encoding="utf-8")
    result = run("load", str(bad))
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert "notice.txt" in result.output and "不是部门预算或决算公开报告" in result.output
    assert "Traceback" not in result.output
    assert db_path.read_bytes() == before


def test_documents_tables_show_check(run):
    docs = json.loads(run("documents", "--json").output)
    assert docs[0]["department"] == "中国共产党长治市屯留区委办公室"
    tables = run("tables").output
    assert "2024年预算支出总表" in tables and "本表无数据" in tables
    shown = run("show", "表三").output
    assert "2013105" in shown and "246.89" in shown and "1,084.38" in shown
    findings = json.loads(run("check", "--json").output)
    assert sum(1 for f in findings if f["severity"] == "contradiction") == 1
    assert "矛盾" in run("check").output


def test_show_unknown_table_fails_clearly(run):
    result = run("show", "表二十")
    assert result.exit_code == 1 and "没有「表二十」这张表" in result.output


def test_export_writes_csv_and_refuses_to_overwrite(run, tmp_path):
    out = tmp_path / "t3.csv"
    assert run("export", "3", "-o", str(out)).exit_code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig").splitlines()
    assert text[0].startswith("科目编码,项目,2024年预算数/合计（万元）")
    assert "2013105,专项业务,246.89,,246.89" in text
    again = run("export", "3", "-o", str(out))
    assert again.exit_code == 1 and "已存在" in again.output
    assert run("export", "3", "-o", str(out), "--force").exit_code == 0


# -- one error path for the database, for every command -----------------------------------------

COMMANDS = [["documents"], ["tables"], ["show", "3"], ["check"], ["ask", "2013105"], ["ask", "--json", "2013105"],
            ["export", "3", "-o", "{tmp}/out.csv"], ["load", "{seed}"], ["open"]]


def bad_databases(tmp_path, seed_path) -> list[tuple[str, Path]]:
    """Database paths a user can give that no command can use."""
    from test_store import foreign_database

    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    text = tmp_path / "report.db"
    text.write_bytes(seed_path.read_bytes())
    newer = tmp_path / "newer.db"
    conn = sqlite3.connect(newer)
    conn.execute("create table documents (id integer primary key, department, year, kind)")
    conn.execute("create table line_items (id)")
    conn.execute("pragma user_version = 99")
    conn.commit()
    conn.close()
    return [("no such directory", tmp_path / "no" / "such" / "dir" / "x.db"),
            ("a file on the way", a_file / "x.db"),
            ("a directory", tmp_path),
            ("another application's", foreign_database(tmp_path / "other.db")),
            ("not SQLite", text),
            ("a newer budgetqa's", newer)]


def test_every_command_fails_in_one_line_on_a_database_it_cannot_use(tmp_path, seed_path):
    runner = CliRunner()
    for what, db in bad_databases(tmp_path, seed_path):
        before = db.read_bytes() if db.is_file() else None
        for command in COMMANDS:
            args = [a.format(tmp=tmp_path, seed=seed_path) for a in command]
            result = runner.invoke(cli, [*args, "--db", str(db)])
            where = f"{what}: {' '.join(command)}"
            assert result.exit_code == 1, (where, result.output, result.exception)
            assert result.stdout == "", where
            assert result.stderr.startswith("budgetqa: ") and result.stderr.count("\n") == 1, (where, result.stderr)
            assert "Traceback" not in result.output
        if before is not None:
            assert db.read_bytes() == before, what  # never written into
        assert not (tmp_path / "no").exists()
        assert not (tmp_path / "out.csv").exists()


def test_a_read_only_directory_is_one_line_for_load_and_for_a_new_database(tmp_path, seed_path, read_only_dir):
    db = read_only_dir / "budgetqa-test.db"
    for command in (["load", str(seed_path)], ["documents"]):
        result = CliRunner().invoke(cli, [*command, "--db", str(db)])
        assert result.exit_code == 1 and result.stderr.count("\n") == 1, result.output
        assert not db.exists()


def test_a_damaged_schema_is_repaired_or_refused_in_one_line(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("alter table names drop column initials")
    conn.execute("drop table glossary")
    conn.commit()
    conn.close()
    runner = CliRunner()
    for command in (["show", "3"], ["documents"], ["check"], ["ask", "2013105"]):
        result = runner.invoke(cli, [*command, "--db", str(db_path)])
        assert result.exit_code == 0, (command, result.output)
    conn = sqlite3.connect(db_path)
    conn.execute("alter table document_texts drop column text")
    conn.commit()
    conn.close()
    for command in (["show", "3"], ["export", "3", "-o", str(db_path.parent / "x.csv")], ["ask", "2013105"]):
        result = runner.invoke(cli, [*command, "--db", str(db_path)])
        assert result.exit_code == 1 and "document_texts.text" in result.stderr, result.output
        assert "内部错误" not in result.output


def test_a_new_db_path_starts_with_the_bundled_report_and_says_so(tmp_path):
    """`budgetqa ask --db new.db` answers from the bundled report, and a line on stderr says it was loaded."""
    new = tmp_path / "new.db"
    result = CliRunner().invoke(cli, ["ask", "--json", "2013105", "--db", str(new)])
    assert result.exit_code == 0 and json.loads(result.stdout)["figures"][0]["value"] == 246.89
    assert "随附的报告" in result.stderr and str(new) in result.stderr
    again = CliRunner().invoke(cli, ["documents", "--json", "--db", str(new)])
    assert again.stderr == "" and len(json.loads(again.stdout)) == 1


def test_the_default_database_starts_with_the_bundled_report_and_says_so(tmp_path):
    fresh = tmp_path / "default.db"
    result = CliRunner().invoke(cli, ["documents", "--json"], env={"BUDGETQA_DB": str(fresh)})
    assert result.exit_code == 0
    assert [d["department"] for d in json.loads(result.stdout)] == ["中国共产党长治市屯留区委办公室"]
    assert "随附的报告" in result.stderr and str(fresh) in result.stderr
    again = CliRunner().invoke(cli, ["documents", "--json"], env={"BUDGETQA_DB": str(fresh)})
    assert again.stderr == ""


def test_load_says_which_document_it_replaced(run, seed_path, tmp_path):
    edited = tmp_path / seed_path.name  # the same report with other bytes (the same bytes are skipped)
    edited.write_text(seed_path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    result = run("load", str(edited))
    assert result.exit_code == 0
    assert "替换" in result.stdout and "文档 1" in result.stdout and seed_path.name in result.stdout
    other = run("load", str(CORPUS / "final_shanghai_putuo_guihuaziyuanju_2024.txt"))
    assert other.exit_code == 0 and "替换" not in other.stdout and "已载入" in other.stdout


@pytest.mark.parametrize("selector", ["0", "2", "4", "2024", "教育局"])
def test_doc_refuses_what_names_no_loaded_document(run, selector):
    for command in (["tables"], ["check"], ["show", "3"], ["ask", "2013105"]):
        result = run(*command, "--doc", selector)
        assert result.exit_code == 1 and "已载入" in result.stderr, (command, selector, result.output)


def test_doc_takes_an_id_or_a_name(run):
    for selector in ("1", "中国共产党长治市屯留区委办公室", "屯留", "2024年预算"):
        assert run("tables", "--doc", selector).exit_code == 0, selector


def test_ask_json_exits_2_when_it_did_not_answer(run):
    result = run("ask", "--json", "水电费多少")
    assert result.exit_code == 2 and json.loads(result.stdout)["matched"] is False
    assert run("ask", "--json", "2013105").exit_code == 0
    assert run("ask", "--json", "-", input="2013105\n画报\n").exit_code == 0
    assert run("ask", "--json", "-", input="2013105\n水电费多少\n").exit_code == 2
    assert run("ask", "-", input="2013105\n\n").exit_code == 0  # a blank line is not a question


def test_ask_json_keeps_the_printed_text_of_each_figure(run):
    for question in ("基本支出占总支出的比例", "2013105", "基本工资+津贴补贴+奖金"):
        obj = json.loads(run("ask", "--json", question).stdout)
        assert obj["figures"], question
        for figure in obj["figures"]:
            assert Decimal(figure["printed"]) == Decimal(str(figure["value"]))
    share = json.loads(run("ask", "--json", "基本支出占总支出的比例").stdout)
    assert "28.00" in [f["printed"] for f in share["figures"]]


ENGLISH = re.compile(r"[A-Za-z]{3,}")
# Names a user types: the command, its options, the extra views (`budgetqa show projects`).
ALLOWED = {"budgetqa", "load", "force", "json", "csv", "xlsx", "PDF", "UTF", "doc",
           "projects", "performance", "indicators", "findings", "facts"}


def english_words(text: str, *names: str) -> set[str]:
    for name in names:
        text = text.replace(name, "")
    return {w for w in ENGLISH.findall(text) if w not in ALLOWED}


def test_what_a_user_reads_is_chinese(run, tmp_path, db_path, seed_path):
    check = run("check")
    lines = check.stdout.splitlines()
    assert lines[0] == "中国共产党长治市屯留区委办公室 2024 预算：4 处不一致（1 处矛盾，3 处尾数差），见于 18 处"
    # One gap seen in several tables is printed once, its places listed under it (the 1,084.38 total is
    # 0.01 off in 13 places); the contradiction comes first.
    assert lines[2].startswith("[矛盾] 说明「本单位机关运行经费财政拨款预算」")
    assert lines[3] == "[尾数差] 印 1,084.38 万元，算得 1,084.39 万元，差 -0.01 万元，见于 13 处："
    assert sum(line.startswith("    ") for line in lines) == 17
    assert english_words(check.stdout) == set()
    assert english_words(run("tables").stdout) == set()
    assert english_words(run("check", "--csv").stdout) == set()
    assert english_words(run("show", "facts", "--csv").stdout) == set()
    assert run("documents").stdout.split()[:3] == ["编号", "部门", "年度"]
    out = tmp_path / "t3.csv"
    written = run("export", "3", "-o", str(out))
    again = run("export", "3", "-o", str(out))
    unknown = run("show", "表二十")
    loaded = run("load", str(seed_path))
    for result in (written, again, unknown, loaded):
        assert english_words(result.output, str(out), str(db_path), seed_path.name) == set(), result.output
    # JSON keys are an interface: they stay as documented.
    assert set(json.loads(run("documents", "--json").stdout)[0]) == {
        "id", "department", "year", "kind", "unit", "source_name", "loaded_at"}
    assert set(json.loads(run("check", "--json").stdout)[0]) == {
        "severity", "kind", "subject", "stated", "computed", "difference", "unit", "lines"}


def test_export_xlsx_from_the_command_line(run, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "projects.xlsx"
    result = run("export", "projects", "-o", str(out))
    assert result.exit_code == 0
    ws = load_workbook(out).active
    assert ws.title == "项目（本年与上年结转）"
    header = [c.value for c in ws[1]]
    assert "金额（万元）" in header and "单位" not in header
    amounts = [row[header.index("金额（万元）")] for row in ws.iter_rows(min_row=2)]
    assert all(c.number_format == "#,##0.00" for c in amounts if c.value is not None)


def test_export_into_a_missing_folder_is_one_line_and_leaves_nothing(run, tmp_path):
    result = run("export", "3", "-o", str(tmp_path / "nope" / "t3.csv"))
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and "目录不存在" in result.stderr
    assert not (tmp_path / "nope").exists()
