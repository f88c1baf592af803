"""The budgetqa command through click's CliRunner, on real database files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from budgetqa.cli import cli

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
    assert "notice.txt" in result.output and "not a budget disclosure" in result.output
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
    assert result.exit_code == 1 and "no table" in result.output


def test_export_writes_csv_and_refuses_to_overwrite(run, tmp_path):
    out = tmp_path / "t3.csv"
    assert run("export", "3", "-o", str(out)).exit_code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig").splitlines()
    assert text[0].startswith("科目编码,项目,2024年预算数/合计（万元）")
    assert "2013105,专项业务,246.89,,246.89" in text
    again = run("export", "3", "-o", str(out))
    assert again.exit_code == 1 and "exists" in again.output
    assert run("export", "3", "-o", str(out), "--force").exit_code == 0
