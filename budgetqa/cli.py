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
    """The database; a new one (the default, or a path given with --db that holds nothing yet) starts
    with the bundled report, and a line on stderr says so. A file that is not budgetqa's is refused."""
    from budgetqa.store import connect, create_default_database, is_new

    if is_new(db_path):
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
    loaded = _load_files(files, db_path) if files else []
    _open(db_path).close()
    from budgetqa.tui import run  # Textual is imported only here

    run(db_path, loaded[-1][1] if loaded else None)  # the report just loaded is the one to open


# Up to this many files, load prints a line for each; past it, the summary only.
_FILE_LINES = 20


def _load_files(paths, db_path: Path, jobs: int | None = None) -> None:
    """Load files and folders (one line per file, or a progress bar and a summary); exit 1 if any
    file was refused, 130 if interrupted."""
    from budgetqa.bulk import REFUSED, SKIPPED, load_files, report_files

    total = len(report_files(paths))
    each = total <= _FILE_LINES
    bar = None
    if not each and sys.stderr.isatty():
        bar = click.progressbar(length=total, label="载入报告", file=sys.stderr, show_pos=True, show_eta=True)

    def on_outcome(outcome, done: int, total: int) -> None:
        if bar is not None:
            bar.update(1)
        if not each:
            return
        if outcome.status == REFUSED:
            click.echo(f"budgetqa: {outcome.reason}", err=True)
        elif outcome.status == SKIPPED:
            click.echo(f"跳过 {outcome.path.name}：与已载入的文档 {outcome.document_id}（{outcome.label}）内容相同")
        else:
            click.echo(_loaded_line(outcome, db_path))
            notes = json.loads(outcome.read.get("notes") or "[]")
            for how in _how_read(outcome.read, notes):
                click.echo(f"  {how}")

    try:
        summary = load_files(db_path, paths, jobs=jobs, on_outcome=on_outcome)
    finally:
        if bar is not None:
            bar.render_finish()
    if total > 1:
        click.echo(_summary_line(summary, db_path))
    if not each and summary.refused:
        click.echo("未能载入：", err=True)
        for outcome in summary.refused[:30]:
            click.echo(f"  {outcome.reason}", err=True)
        if len(summary.refused) > 30:
            click.echo(f"  …另有 {len(summary.refused) - 30} 份", err=True)
    if summary.interrupted:
        click.echo(f"budgetqa: 已中断：已处理的 {len(summary.outcomes)} 份都已保存（没有只存了一半的报告）；"
                   f"再次运行同一命令会跳过已载入的文件，从中断处继续", err=True)
        sys.exit(130)
    if summary.refused:
        sys.exit(1)


def _loaded_line(outcome, db_path: Path) -> str:
    line = f"已载入 {outcome.label}，存为文档 {outcome.document_id}（{db_path}）"
    for old in outcome.replaced:
        line += (f"；替换了之前载入的同一部门、年度、类型的文档 {old['id']}"
                 f"（{old['source_name']}，{old['loaded_at']} 载入）")
    return line


def _summary_line(summary, db_path: Path) -> str:
    from budgetqa.bulk import LOADED, REFUSED, REPLACED, SKIPPED

    stored = summary.count(LOADED, REPLACED)
    parts = [f"载入 {stored} 份报告" + (f"（其中 {summary.count(REPLACED)} 份替换了同一部门、年度、类型的旧文档）"
                                      if summary.count(REPLACED) else "")]
    if summary.count(SKIPPED):
        parts.append(f"跳过 {summary.count(SKIPPED)} 份（已载入，内容相同）")
    if summary.count(REFUSED):
        parts.append(f"{summary.count(REFUSED)} 份未能载入")
    if summary.interrupted:
        parts.append(f"{summary.total - len(summary.outcomes)} 份因中断未处理")
    return "，".join(parts) + f"；共 {summary.total} 个文件，用时 {summary.seconds:.1f} 秒（{db_path}）"


def _how_read(quality: dict, notes: list[str]) -> list[str]:
    """How well a report was read (the documents columns) and what was guessed about it."""
    out = []
    if quality.get("tables_titled") is not None:
        out.append(f"读取：认出表格 {quality['tables_read']}/{quality['tables_titled']} 张，"
                   f"表中数字放入单元格 {quality['numbers_placed']}/{quality['numbers_seen']} 个，"
                   f"合计与分项对得上 {quality['totals_reconciled']}/{quality['totals_checked']} 处")
    return out + [f"注意：{n}" for n in notes]


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--jobs", "-j", type=click.IntRange(1), default=None,
              help="Worker processes that read reports (default: one per core).")
@db_option
def load(paths: tuple[Path, ...], jobs: int | None, db_path: Path) -> None:
    """Parse report files, or every .txt/.pdf under DIR, and store them.

    Reports are read in parallel and stored by one writer, with a progress bar on a terminal and a
    summary (loaded, replaced, skipped, refused and why). The same department + year + kind loaded
    again replaces it; a file whose bytes are already loaded is skipped, so running the same
    command again after an interrupt (ctrl+c) resumes. Each report is stored whole or not at all.

    Example: budgetqa load reports/ --db budget.db
    """
    _load_files(paths, db_path, jobs)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", "-p", type=click.IntRange(0, 65535), default=8001, show_default=True, help="Port to listen on.")
@db_option
def serve(host: str, port: int, db_path: Path) -> None:
    """Share the database read-only in a browser (Datasette, the `serve` extra), with its tables
    described and canned queries for comparing reports.

    Example: budgetqa serve --db budget.db --port 8001
    """
    import tempfile

    from budgetqa.serve import serve as run_datasette

    _open(db_path).close()  # a database budgetqa can read (an older one is brought up to date first)
    with tempfile.TemporaryDirectory(prefix="budgetqa-serve-") as folder:
        run_datasette(db_path, host=host, port=port, metadata_dir=folder)


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
    from budgetqa.findings import count_line, finding_from_row, group_findings
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
    head = f"{doc['department']} {doc['year']} {doc['kind']}："
    keys = doc.keys()
    how = _how_read({k: doc[k] for k in keys}, json.loads(doc["notes"]) if "notes" in keys and doc["notes"] else [])
    if not findings:
        click.echo("\n".join([head + "没有发现不一致", *how]))
        return
    groups = group_findings([finding_from_row(f) for f in findings])
    click.echo(head + count_line(groups))
    for line in how:
        click.echo(line)
    # One gap once, then every place that shows it; contradictions first.
    for group in sorted(groups, key=lambda g: g.severity != "contradiction"):
        label = f"[{severity_label(group.severity)}] "
        places = [(p.subject, "、".join(map(str, p.lines))) for p in group.places]
        if group.places[0].kind in ("narrative_name", "narrative_year"):  # names or years: the subject says it all
            for subject, lines in places:
                click.echo(label + subject + (f"（第 {lines} 行）" if lines else ""))
            continue
        amounts = [fmt_amount(n, group.unit) for n in (group.stated, group.computed, group.difference)]
        gap = f"印 {amounts[0]}，算得 {amounts[1]}，差 {amounts[2]}"
        if len(places) == 1:
            subject, lines = places[0]
            click.echo(f"{label}{subject}：{gap}" + (f"（第 {lines} 行）" if lines else ""))
            continue
        click.echo(f"{label}{gap}，见于 {len(places)} 处：")
        for subject, lines in places:
            click.echo(f"    {subject}" + (f"（第 {lines} 行）" if lines else ""))


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
