"""Write rows to CSV (UTF-8 with BOM, for Excel) or XLSX: exact figures, neutralised formulas, atomic files."""

from __future__ import annotations

import contextlib
import csv
import os
import re
import secrets
from decimal import Decimal
from pathlib import Path

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Characters an XLSX cell cannot hold (XML 1.0 forbids them; openpyxl raises IllegalCharacterError).
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Characters Excel refuses in a sheet name, and its length limit.
_SHEET_ILLEGAL = re.compile(r"[\[\]:*?/\\]")
_SHEET_MAX = 31
# A spreadsheet number holds 15 significant digits; an amount with more is written as text.
_XLSX_DIGITS = 15
UNIT_COLUMN = "单位"


def safe_cell(value) -> str:
    """A cell as text; text that a spreadsheet would run as a formula gets a leading quote.

    Numbers (including negative amounts) are written as they are: they are data, not formulas.
    """
    if value is None:
        return ""
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    if text.startswith(_FORMULA_START) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return text.strip() == text and text[:1] in "+-0123456789."


@contextlib.contextmanager
def _atomic_file(path: Path, overwrite: bool):
    """Yield a temporary file beside ``path``; on success it becomes ``path`` in one rename.

    A failure (a full disk, an error in the rows) leaves ``path`` as it was and removes the
    temporary file, so neither a half-written export nor an empty file that blocks a retry is left.
    Without ``overwrite`` an existing file is never replaced, even one created meanwhile.
    """
    if path.exists() and not overwrite:
        raise FileExistsError(path)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    os.close(fd)
    try:
        yield tmp
        with contextlib.suppress(OSError):
            os.chmod(tmp, path.stat().st_mode & 0o7777)  # a replaced file keeps its permissions
        if overwrite:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _link_new(tmp: Path, path: Path) -> None:
    """Move ``tmp`` to ``path`` unless ``path`` exists (a hard link fails if it does)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then rename
        if path.exists():
            raise FileExistsError(path) from None
        os.replace(tmp, path)
        return
    tmp.unlink()


def write_csv(path: str | Path, columns: list[str], rows: list[list], *, overwrite: bool = False) -> Path:
    """Write a header row and the rows as UTF-8 with BOM; refuse to replace a file unless asked."""
    path = Path(path)
    with _atomic_file(path, overwrite) as tmp:
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([safe_cell(c) for c in columns])
            for row in rows:
                writer.writerow([safe_cell(v) for v in row])
            fh.flush()
            os.fsync(fh.fileno())
    return path


def xlsx_value(value) -> tuple[object, str]:
    """(cell value, number format) for XLSX: amounts as numbers showing their printed decimals.

    An amount with more digits than a spreadsheet number holds is written as text, exactly.
    """
    if isinstance(value, Decimal) and value.is_finite():
        _, digits, exponent = value.as_tuple()
        if len(digits) <= _XLSX_DIGITS:
            decimals = max(0, -exponent)
            number = int(value) if decimals == 0 else float(value)
            return number, "#,##0" + ("." + "0" * decimals if decimals else "")
        return str(value), "General"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value, "General"
    return _XLSX_ILLEGAL.sub("", safe_cell(value)), "General"


def sheet_title(title: str | None) -> str:
    """A name Excel accepts for a sheet: no []:*?/\\, at most 31 characters."""
    name = _SHEET_ILLEGAL.sub("", _XLSX_ILLEGAL.sub("", title or "")).strip().strip("'")
    return name[:_SHEET_MAX].strip() or "budgetqa"


def write_xlsx(path: str | Path, columns: list[str], rows: list[list], *, overwrite: bool = False,
               sheet: str | None = None) -> Path:
    """Write an XLSX workbook with one sheet named after the table; figures exact, formulas neutralised."""
    from openpyxl import Workbook

    path = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title(sheet)
    ws.append([xlsx_value(c)[0] for c in columns])
    for r, row in enumerate(rows, start=2):
        for c, v in enumerate(row, start=1):
            value, number_format = xlsx_value(v)
            if value == "":
                continue
            cell = ws.cell(row=r, column=c, value=value)
            if number_format != "General":
                cell.number_format = number_format
    with _atomic_file(path, overwrite) as tmp:
        wb.save(tmp)
    return path


def write_table(path: str | Path, columns: list[str], rows: list[list], *, overwrite: bool = False,
                sheet: str | None = None) -> Path:
    """CSV or XLSX by the file's suffix (``sheet`` names the XLSX sheet)."""
    if str(path).lower().endswith(".xlsx"):
        return write_xlsx(path, columns, rows, overwrite=overwrite, sheet=sheet)
    return write_csv(path, columns, rows, overwrite=overwrite)


def with_unit(columns: list[str], rows: list[list], unit: str) -> tuple[list[str], list[list]]:
    """The one way exports state the unit: on the header of every amount column ('合计（万元）').

    A 单位 column whose rows all say the same unit becomes that header suffix; one whose rows
    differ (万元 beside %) stays, since no header can say both.
    """
    columns, rows = list(columns), [list(r) for r in rows]
    if UNIT_COLUMN in columns:
        at = columns.index(UNIT_COLUMN)
        units = {r[at] for r in rows if at < len(r) and r[at] not in (None, "")}
        if len(units) > 1:
            return columns, rows
        unit = next(iter(units), unit)
        columns.pop(at)
        rows = [r[:at] + r[at + 1:] for r in rows]
    if not unit:
        return columns, rows
    amount = [any(isinstance(r[i], Decimal) for r in rows if i < len(r)) for i in range(len(columns))]
    return [f"{c}（{unit}）" if is_amount and not c.endswith(f"（{unit}）") else c
            for c, is_amount in zip(columns, amount)], rows


def suggest_name(stem: str, suffix: str = ".csv", folder: Path | None = None) -> Path:
    """A file name in ``folder`` that does not exist yet: stem.csv, stem-2.csv, …"""
    folder = folder or Path.cwd()
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in stem).strip("_") or "budgetqa"
    candidate = folder / f"{safe}{suffix}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{safe}-{n}{suffix}"
        n += 1
    return candidate
