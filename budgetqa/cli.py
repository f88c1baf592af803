"""The budgetqa command: a thin click group over the library (the app is imported only to open it)."""

from __future__ import annotations

import errno
import functools
import json
import sqlite3
import sys
from decimal import Decimal
from pathlib import Path

import click

from budgetqa import __version__
from budgetqa.models import ReportError


class _Group(click.Group):
    """`budgetqa FILE` opens the app on a report; `budgetqa` alone opens the default database.

    Every command shares one error path: a ReportError or an SQLite error is one line on stderr
    and exit status 1, never a traceback.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["open", *args]
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ReportError as exc:
            _fail(str(exc))
        except sqlite3.Error as exc:
            from budgetqa.store import database_error

            _fail(str(database_error(exc, ctx.meta.get(_DB_KEY, "数据库"))))


_DB_KEY = "budgetqa.db"
_DEFAULT_KEY = "budgetqa.db_is_default"


def _fail(message: str) -> None:
    click.echo(f"budgetqa: {' '.join(message.split())}", err=True)
    sys.exit(1)


def db_option(fn):
    """--db PATH (or $BUDGETQA_DB); the default database lives in the user's data directory."""

    @click.option("--db", "db_path", type=click.Path(path_type=Path), default=None,
                  help="Database file (default: $BUDGETQA_DB or the user data directory).")
    @functools.wraps(fn)
    def wrapper(*args, db_path: Path | None = None, **kwargs):
        from budgetqa.store import default_db_path

        ctx = click.get_current_context()
        ctx.meta[_DEFAULT_KEY] = db_path is None
        ctx.meta[_DB_KEY] = db_path = db_path or default_db_path()
        return fn(*args, db_path=db_path, **kwargs)

    return wrapper


def doc_option(fn):
    """--doc ID|NAME chooses the document (default: the newest loaded)."""
    return click.option("--doc", "doc_selector", default=None,
                        help="Document id, or its department name (default: the newest loaded).")(fn)


def output_options(fn):
    """--json / --csv / plain table: the same output choices for every listing command."""
    fn = click.option("--csv", "as_csv", is_flag=True, help="Output CSV.")(fn)
    fn = click.option("--json", "as_json", is_flag=True, help="Output JSON.")(fn)
    return fn


def _jsonable(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and "." not in str(value) else float(value)
    return value


def emit(columns: list[str], rows: list[list], as_json: bool, as_csv: bool, keys: list[str] | None = None) -> None:
    """Print rows as JSON objects (under ``keys``, the stable interface), CSV, or an aligned plain table."""
    if as_json:
        click.echo(json.dumps([{c: _jsonable(v) for c, v in zip(keys or columns, row)} for row in rows],
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
    """The database; the default one starts with the bundled report on first use, and says so.

    A path given with --db is never filled with the bundled report: only `load` creates a database.
    """
    from budgetqa.store import connect, create_default_database, is_new

    if click.get_current_context().meta.get(_DEFAULT_KEY) and is_new(db_path):
        label = create_default_database(db_path)
        click.echo(f"budgetqa: 首次使用：已把随附的报告（{label}）载入 {db_path}", err=True)
    return connect(db_path, create_default=False)


def _document(conn, selector: str | None):
    from budgetqa.store import find_document

    return find_document(conn, selector)


def _table_view(db_path: Path, selector: str | None, table: str):
    """One table of the chosen document laid out as in the report."""
    from budgetqa.browse import layout

    conn = _open(db_path)
    doc = _document(conn, selector)
    return layout(conn, doc["id"], table)


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
    if files:
        _load_files(files, db_path)
    _open(db_path).close()
    from budgetqa.tui import run  # Textual is imported only here

    run(db_path)


def _load_files(files, db_path: Path) -> list[str]:
    """Load each file in its own transaction; one line per file that fails, exit 1 if any did."""
    from budgetqa.parser import parse_file
    from budgetqa.store import store_document

    loaded, failed = [], 0
    for path in files:
        try:
            doc = parse_file(path)
            stored = store_document(db_path, doc)
        except ReportError as exc:
            click.echo(f"budgetqa: {' '.join(str(exc).split())}", err=True)
            failed += 1
            continue
        line = f"已载入 {doc.department} {doc.year} {doc.kind}，存为文档 {stored.id}（{db_path}）"
        for old in stored.replaced:
            line += (f"；替换了之前载入的同一部门、年度、类型的文档 {old['id']}"
                     f"（{old['source_name']}，{old['loaded_at']} 载入）")
        loaded.append(line)
        loaded += [f"  {how}" for how in _how_read(vars(doc.quality) if doc.quality else {}, doc.notes)]
    if failed:
        sys.exit(1)
    return loaded


def _how_read(quality: dict, notes: list[str]) -> list[str]:
    """How well a report was read (the documents columns) and what was guessed about it."""
    out = []
    if quality.get("tables_titled") is not None:
        out.append(f"读取：认出表格 {quality['tables_read']}/{quality['tables_titled']} 张，"
                   f"表中数字放入单元格 {quality['numbers_placed']}/{quality['numbers_seen']} 个，"
                   f"合计与分项对得上 {quality['totals_reconciled']}/{quality['totals_checked']} 处")
    return out + [f"注意：{n}" for n in notes]


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
def load(files: tuple[Path, ...], db_path: Path) -> None:
    """Parse report FILES (text in UTF-8/GB18030/UTF-16, or PDF) and store them.

    Loading the same department + year + kind again replaces it. Each file loads in one
    transaction: a file that fails leaves the database as it was.

    Example: budgetqa load report.txt --db budget.db
    """
    for line in _load_files(files, db_path):
        click.echo(line)


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
    emit(["编号", "部门", "年度", "类型", "单位", "文件", "载入时间"], rows, as_json, as_csv,
         keys=["id", "department", "year", "kind", "unit", "source_name", "loaded_at"])


@cli.command()
@db_option
@doc_option
@output_options
def check(db_path: Path, doc_selector: str | None, as_json: bool, as_csv: bool) -> None:
    """List the document's inconsistencies: totals vs parts, across tables, narrative figures.

    Example: budgetqa check --json
    """
    from budgetqa.render import check_kind, fmt_amount, severity_label

    conn = _open(db_path)
    doc = _document(conn, doc_selector)
    findings = conn.execute("select * from findings where document_id = ? order by rowid", [doc["id"]]).fetchall()
    if as_json:
        rows = [[f["severity"], f["kind"], f["subject"], Decimal(f["stated"]), Decimal(f["computed"]),
                 Decimal(f["difference"]), f["unit"], f["lines"]] for f in findings]
        emit([], rows, True, False,
             keys=["severity", "kind", "subject", "stated", "computed", "difference", "unit", "lines"])
        return
    if as_csv:
        rows = [[severity_label(f["severity"]), check_kind(f["kind"]), f["subject"], Decimal(f["stated"]),
                 Decimal(f["computed"]), Decimal(f["difference"]), f["unit"], f["lines"]] for f in findings]
        emit(["类型", "检查项", "比较", "印", "算得", "差", "单位", "行"], rows, False, True)
        return
    contradictions = sum(1 for f in findings if f["severity"] == "contradiction")
    head = f"{doc['department']} {doc['year']} {doc['kind']}："
    keys = doc.keys()
    how = _how_read({k: doc[k] for k in keys}, json.loads(doc["notes"]) if "notes" in keys and doc["notes"] else [])
    if not findings:
        click.echo("\n".join([head + "没有发现不一致", *how]))
        return
    click.echo(head + f"{len(findings)} 处不一致（{contradictions} 处矛盾，{len(findings) - contradictions} 处尾数差）")
    for line in how:
        click.echo(line)
    for f in findings:
        amounts = [fmt_amount(Decimal(f[k]), f["unit"] or "") for k in ("stated", "computed", "difference")]
        lines = "、".join(f["lines"].split(",")) if f["lines"] else ""
        if f["kind"] in ("narrative_name", "narrative_year"):  # names or years: the subject says it all
            click.echo(f"[{severity_label(f['severity'])}] {f['subject']}" + (f"（第 {lines} 行）" if lines else ""))
            continue
        click.echo(f"[{severity_label(f['severity'])}] {f['subject']}：印 {amounts[0]}，算得 {amounts[1]}，"
                   f"差 {amounts[2]}" + (f"（第 {lines} 行）" if lines else ""))


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
    emit(["表号", "标题", "单位", "行数", "数字个数", "说明"], rows, as_json, as_csv,
         keys=["table", "title", "unit", "rows", "cells", "note"])


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
    from budgetqa.export import with_unit, write_table

    view = _table_view(db_path, doc_selector, table)
    columns, rows = with_unit(view.columns, view.rows, view.unit)
    try:
        write_table(output, columns, rows, overwrite=force, sheet=view.title)
    except FileExistsError:
        _fail(f"{output} 已存在：加 --force 覆盖它")
    except OSError as exc:
        _fail(f"{output}：无法写入（{_os_reason(exc)}）")
    click.echo(f"已把 {view.title} 的 {len(rows)} 行写入 {output}")


_OS_REASONS = {errno.ENOENT: "目录不存在", errno.EACCES: "没有写权限", errno.EPERM: "没有写权限",
               errno.ENOSPC: "磁盘已满", errno.EROFS: "只读的文件系统", errno.EISDIR: "是一个目录",
               errno.ENOTDIR: "路径中有一段不是目录", errno.ENAMETOOLONG: "文件名太长"}


def _os_reason(exc: OSError) -> str:
    """Why a file could not be written, in words a user reads."""
    return _OS_REASONS.get(exc.errno, exc.strerror or str(exc))


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
        if not answer.matched:
            sys.exit(2)
        return
    session = Session(document_id=doc["id"])
    out = sys.stdout
    unanswered = 0
    for raw in sys.stdin.buffer:
        line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        if not keep_context:
            session = Session(document_id=doc["id"])
        answer = _safe_ask(answer_question, conn, line, session)
        unanswered += bool(line.strip()) and not answer.matched
        out.write((json.dumps(answer.to_json(), ensure_ascii=False) if as_json else _readable(answer) + "\n") + "\n")
        out.flush()
    if unanswered:
        sys.exit(2)


def _safe_ask(answer_question, conn, question: str, session):
    """An unexpected failure answers 'not understood' instead of a traceback (it is a bug to report).

    A database error is not a question's bug: it goes to the one error path for the database.
    """
    from budgetqa.answer import Answer

    try:
        return answer_question(conn, question, session)
    except sqlite3.Error:
        raise
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
