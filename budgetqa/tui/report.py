"""The open report as the app presents it: its label, the choice remembered between runs, its examples."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from pathlib import Path

from budgetqa.answer import Session

# Questions every 部门预算 and 部门决算 can answer (their tables are prescribed).
GENERAL_EXAMPLES = ("基本支出占比", "三公经费多少")


def document_label(row: sqlite3.Row) -> str:
    """'中国共产党长治市屯留区委办公室 2024年预算'."""
    year = f" {row['year']}年" if row["year"] else " "
    return f"{row['department']}{year}{row['kind']}"


def identity(row: sqlite3.Row) -> tuple:
    """What a report is, whatever its id: loading the same department, year and kind replaces it."""
    return (row["department"], row["year"], row["kind"])


def state_path(db_path: Path) -> Path:
    """The small file beside the database that remembers the report the user last chose."""
    return db_path.with_suffix(".app.json")


def remember_choice(db_path: Path, row: sqlite3.Row) -> None:
    """Remember the chosen report by what it is (not its id, which a reload changes).

    Written to a temporary file and renamed, so that two apps never leave half a file; a folder that
    cannot be written only means the choice is not remembered.
    """
    path = state_path(db_path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    department, year, kind = identity(row)
    try:
        tmp.write_text(json.dumps({"department": department, "year": year, "kind": kind}, ensure_ascii=False),
                       encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def remembered_choice(db_path: Path, docs: list[sqlite3.Row]) -> sqlite3.Row | None:
    """The loaded report the user last chose, if it is still loaded."""
    try:
        state = json.loads(state_path(db_path).read_text(encoding="utf-8"))
        wanted = (state["department"], state["year"], state["kind"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return next((d for d in docs if identity(d) == wanted), None)


def report_examples(conn: sqlite3.Connection, doc_id: int) -> tuple[str, str]:
    """A subject code and a name from the report itself: its largest 项 and its largest project
    (or its second largest 项 when it lists no projects)."""
    items = conn.execute(
        """select code, name from line_items where document_id = ? and length(code) = 7
           group by code order by max(cast(amount as real)) desc limit 2""", [doc_id]).fetchall()
    project = conn.execute(
        "select name from projects where document_id = ? order by cast(amount as real) desc limit 1",
        [doc_id]).fetchone()
    code = items[0]["code"] if items else ""
    if project is not None:
        name = project["name"]
    else:
        name = items[-1]["name"] if len(items) > 1 else ""
    return code, name


def welcome_text(conn: sqlite3.Connection, row: sqlite3.Row) -> str:
    """The first line of the transcript: what to ask this report, with its own code and name."""
    code, name = report_examples(conn, row["id"])
    examples = ([f"科目编码（{code}）"] if code else []) + ([f"名称（{name}）"] if name else [])
    examples.append("".join(f"「{q}」" for q in GENERAL_EXAMPLES))
    return f"问一个关于这份{row['kind']}的问题：{'、'.join(examples)}…… F1 看帮助。"


def answerable_examples(conn: sqlite3.Connection, doc_id: int, questions: list[str]) -> list[str]:
    """The report's own code and name first, then those of ``questions`` that this report answers."""
    from budgetqa.answer import ask  # the question reader: not needed to show the first screen

    code, name = report_examples(conn, doc_id)
    out = [q for q in (code, name) if q]
    for question in questions:
        if question in out:
            continue
        answer = ask(conn, question, Session(document_id=doc_id))
        if answer.matched:
            out.append(question)
    return out
