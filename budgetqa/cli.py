"""The budgetqa command: a thin click group over the library (the app is imported only to open it)."""

from __future__ import annotations

import functools
import json
import sys
from decimal import Decimal
from pathlib import Path

import click

from budgetqa import __version__
from budgetqa.models import ReportError


class _Group(click.Group):
    """`budgetqa FILE` opens the app on a report; `budgetqa` alone opens the default database."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["open", *args]
        return super().parse_args(ctx, args)


def _fail(message: str) -> None:
    click.echo(f"budgetqa: {message}", err=True)
    sys.exit(1)


def db_option(fn):
    """--db PATH (or $BUDGETQA_DB); the default database lives in the user's data directory."""

    @click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
                  help="Database file (default: $BUDGETQA_DB or the user data directory).")
    @functools.wraps(fn)
    def wrapper(*args, db_path: Path | None = None, **kwargs):
        from budgetqa.store import default_db_path

        return fn(*args, db_path=db_path or default_db_path(), **kwargs)

    return wrapper


def doc_option(fn):
    """--doc ID|TEXT chooses the document (default: the newest loaded)."""
    return click.option("--doc", "doc_selector", default=None,
                        help="Document id, or part of its department/year (default: newest).")(fn)


def output_options(fn):
    """--json / --csv / plain table: the same output choices for every listing command."""
    fn = click.option("--csv", "as_csv", is_flag=True, help="Output CSV.")(fn)
    fn = click.option("--json", "as_json", is_flag=True, help="Output JSON.")(fn)
    return fn


def _jsonable(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and "." not in str(value) else float(value)
    return value


def emit(columns: list[str], rows: list[list], as_json: bool, as_csv: bool) -> None:
    """Print rows as JSON objects, CSV, or an aligned plain table."""
    if as_json:
        click.echo(json.dumps([{c: _jsonable(v) for c, v in zip(columns, row)} for row in rows],
                              ensure_ascii=False, indent=2))
    elif as_csv:
        import csv

        from budgetqa.export import safe_cell

        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([safe_cell(v) for v in row])
    else:
        from budgetqa.render import text_table

        click.echo(text_table(columns, rows))


def _open(db_path: Path):
    from budgetqa.store import connect

    try:
        return connect(db_path)
    except ReportError as exc:
        _fail(str(exc))


def _document(conn, selector: str | None):
    from budgetqa.store import find_document

    try:
        return find_document(conn, selector)
    except ReportError as exc:
        _fail(str(exc))


def _table_view(db_path: Path, selector: str | None, table: str):
    """One table of the chosen document laid out as in the report (or one clear error line)."""
    from budgetqa.browse import layout

    conn = _open(db_path)
    doc = _document(conn, selector)
    try:
        return layout(conn, doc["id"], table)
    except ReportError as exc:
        _fail(str(exc))


@click.group(cls=_Group, invoke_without_command=True)
@click.version_option(__version__, prog_name="budgetqa")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Ask questions about Chinese government budget disclosures (部门预算/决算).

    With no command, opens the app on the default database (the bundled report on first use).

    Example: budgetqa ask "2013105 多少"
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(open_app)


@cli.command("open")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@db_option
def open_app(files: tuple[Path, ...], db_path: Path) -> None:
    """Open the app, loading report FILES first if given.

    Example: budgetqa open report.txt
    """
    loaded = _load_files(files, db_path) if files else []
    _open(db_path).close()
    from budgetqa.tui import run  # Textual is imported only here

    run(db_path, loaded[-1][1] if loaded else None)  # the report just loaded is the one to open


def _load_files(files, db_path: Path) -> list[tuple[str, int]]:
    from budgetqa.parser import parse_file
    from budgetqa.store import load_document

    loaded, failed = [], 0
    for path in files:
        try:
            doc = parse_file(path)
            doc_id = load_document(db_path, doc)
        except ReportError as exc:
            click.echo(f"budgetqa: {exc}", err=True)
            failed += 1
            continue
        loaded.append((f"{doc.department} {doc.year} {doc.kind}", doc_id))
    if failed:
        sys.exit(1)
    return loaded


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
def load(files: tuple[Path, ...], db_path: Path) -> None:
    """Parse report FILES (text in UTF-8/GB18030/UTF-16, or PDF) and store them.

    Loading the same department + year + kind again replaces it. Each file loads in one
    transaction: a file that fails leaves the database as it was.

    Example: budgetqa load report.txt --db budget.db
    """
    for label, doc_id in _load_files(files, db_path):
        click.echo(f"loaded {label} as document {doc_id} into {db_path}")


@cli.command()
@db_option
@output_options
def documents(db_path: Path, as_json: bool, as_csv: bool) -> None:
    """List the loaded documents.

    Example: budgetqa documents --json
    """
    from budgetqa.store import documents as all_documents

    conn = _open(db_path)
    rows = [[d["id"], d["department"], d["year"], d["kind"], d["unit"], d["source_name"], d["loaded_at"]]
            for d in all_documents(conn)]
    emit(["id", "department", "year", "kind", "unit", "source_name", "loaded_at"], rows, as_json, as_csv)


@cli.command()
@db_option
@doc_option
@output_options
def check(db_path: Path, doc_selector: str | None, as_json: bool, as_csv: bool) -> None:
    """List the document's inconsistencies: totals vs parts, across tables, narrative figures.

    Example: budgetqa check --json
    """
    conn = _open(db_path)
    doc = _document(conn, doc_selector)
    findings = conn.execute("select * from findings where document_id = ? order by rowid", [doc["id"]]).fetchall()
    columns = ["severity", "kind", "subject", "stated", "computed", "difference", "unit", "lines"]
    rows = [[f["severity"], f["kind"], f["subject"], Decimal(f["stated"]), Decimal(f["computed"]),
             Decimal(f["difference"]), f["unit"], f["lines"]] for f in findings]
    if as_json or as_csv:
        emit(columns, rows, as_json, as_csv)
        return
    contradictions = sum(1 for f in findings if f["severity"] == "contradiction")
    click.echo(f"{doc['department']} {doc['year']} {doc['kind']}: {len(findings)} findings "
               f"({contradictions} contradictions, {len(findings) - contradictions} rounding gaps)")
    for f in findings:
        label = "矛盾" if f["severity"] == "contradiction" else "尾数差"
        click.echo(f"[{label}] {f['subject']}: 印 {f['stated']}{f['unit']}, 算得 {f['computed']}{f['unit']}, "
                   f"差 {f['difference']}{f['unit']} (lines {f['lines']})")


@cli.command()
@db_option
@doc_option
@output_options
def tables(db_path: Path, doc_selector: str | None, as_json: bool, as_csv: bool) -> None:
    """List the document's tables (and the extra views: projects, performance, findings, facts).

    Example: budgetqa tables
    """
    from budgetqa.browse import EXTRA_VIEWS, list_tables

    conn = _open(db_path)
    doc = _document(conn, doc_selector)
    rows = [[t["table_no"], t["title"], t["unit"], t["row_count"], t["cell_count"], "本表无数据" if t["empty"] else ""]
            for t in list_tables(conn, doc["id"])]
    rows += [[key, title, "", "", "", ""] for key, title in EXTRA_VIEWS.items()]
    emit(["table", "title", "unit", "rows", "cells", "note"], rows, as_json, as_csv)


@cli.command()
@click.argument("table")
@db_option
@doc_option
@output_options
def show(table: str, db_path: Path, doc_selector: str | None, as_json: bool, as_csv: bool) -> None:
    """Show one table as laid out in the report (TABLE: 3, 表三, a title word, or projects …).

    Example: budgetqa show 表三
    """
    view = _table_view(db_path, doc_selector, table)
    if not (as_json or as_csv):
        click.echo(f"{view.title}（单位：{view.unit}）" + ("  本表无数据" if view.empty else ""))
    emit(view.columns, view.rows, as_json, as_csv)


@cli.command()
@click.argument("table")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="File to write: .csv (UTF-8 with BOM) or .xlsx.")
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@db_option
@doc_option
def export(table: str, output: Path, force: bool, db_path: Path, doc_selector: str | None) -> None:
    """Export one table to CSV or XLSX, with the unit in the header and exact figures.

    Example: budgetqa export 表三 -o expenditure.csv
    """
    from budgetqa.export import header_with_unit, write_table

    view = _table_view(db_path, doc_selector, table)
    columns = header_with_unit(view.columns, view.rows, view.unit)
    try:
        write_table(output, columns, view.rows, overwrite=force)
    except FileExistsError:
        _fail(f"{output} exists: use --force to replace it")
    except OSError as exc:
        _fail(f"{output}: cannot write ({exc.strerror or exc})")
    click.echo(f"wrote {len(view.rows)} rows of {view.title} to {output}")


@cli.command()
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (one per line with -).")
@click.option("--session", "keep_context", is_flag=True,
              help="With -: let each question follow up on the previous one.")
@db_option
@doc_option
def ask(question: str, as_json: bool, keep_context: bool, db_path: Path, doc_selector: str | None) -> None:
    """Answer a question; QUESTION '-' reads one question per line from standard input.

    Example: budgetqa ask "基本支出占比"
    """
    from budgetqa.answer import Session
    from budgetqa.answer import ask as answer_question

    conn = _open(db_path)
    doc = _document(conn, doc_selector)
    if question != "-":
        answer = _safe_ask(answer_question, conn, question, Session(document_id=doc["id"]))
        click.echo(json.dumps(answer.to_json(), ensure_ascii=False) if as_json else _readable(answer))
        if not answer.matched and not as_json:
            sys.exit(2)
        return
    session = Session(document_id=doc["id"])
    out = sys.stdout
    for raw in sys.stdin.buffer:
        line = raw.decode("utf-8", errors="replace").rstrip("\n")
        if not keep_context:
            session = Session(document_id=doc["id"])
        answer = _safe_ask(answer_question, conn, line, session)
        out.write((json.dumps(answer.to_json(), ensure_ascii=False) if as_json else _readable(answer) + "\n") + "\n")
        out.flush()


def _safe_ask(answer_question, conn, question: str, session):
    """An unexpected failure answers 'not understood' instead of a traceback (it is a bug to report)."""
    from budgetqa.answer import Answer

    try:
        return answer_question(conn, question, session)
    except Exception as exc:  # a bug must not kill a batch of questions
        return Answer(False, "error", f"内部错误，未能回答（{type(exc).__name__}）。请报告这个问题：{question}")


def _readable(answer) -> str:
    from budgetqa.render import fmt_amount, text_table

    parts = [answer.text]
    if answer.figures:
        parts.append("  " + "；".join(f"{f.label}: {fmt_amount(f.value, f.unit)}" for f in answer.figures[:8]))
    if answer.rows:
        parts.append(text_table(answer.columns, answer.rows[:30]))
    if answer.choices:
        parts.append("  " + "  ".join(f"[{i}] {label}" for i, (label, _) in enumerate(answer.choices, 1)))
    if answer.sources:
        parts.append("来源：" + "；".join(f"{s.where} 第{s.line}行" for s in answer.sources[:6]))
    if answer.suggestions:
        parts.append("可以试试：" + "；".join(answer.suggestions))
    return "\n".join(parts)


def main() -> None:
    """Console entry point."""
    cli(prog_name="budgetqa")
