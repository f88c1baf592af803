"""Write rows to CSV (UTF-8 with BOM, for Excel) or XLSX, with formula-looking cells neutralised."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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


def write_csv(path: str | Path, columns: list[str], rows: list[list], *, overwrite: bool = False) -> Path:
    """Write a header row and the rows as UTF-8 with BOM; refuse to replace a file unless asked."""
    path = Path(path)
    mode = "w" if overwrite else "x"
    with path.open(mode, encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([safe_cell(c) for c in columns])
        for row in rows:
            writer.writerow([safe_cell(v) for v in row])
    return path


def write_xlsx(path: str | Path, columns: list[str], rows: list[list], *, overwrite: bool = False) -> Path:
    """Write an XLSX workbook; amounts stay text-exact and formula-looking text is neutralised."""
    from openpyxl import Workbook

    path = Path(path)
    if path.exists() and not overwrite:
        raise FileExistsError(path)
    wb = Workbook()
    ws = wb.active
    ws.append([safe_cell(c) for c in columns])
    for row in rows:
        out = []
        for v in row:
            if isinstance(v, Decimal):
                out.append(v)  # openpyxl stores Decimal as a number with its exact digits
            else:
                out.append(safe_cell(v))
        ws.append(out)
    wb.save(path)
    return path


def write_table(path: str | Path, columns: list[str], rows: list[list], *, overwrite: bool = False) -> Path:
    """CSV or XLSX by the file's suffix."""
    if str(path).lower().endswith(".xlsx"):
        return write_xlsx(path, columns, rows, overwrite=overwrite)
    return write_csv(path, columns, rows, overwrite=overwrite)


def header_with_unit(columns: list[str], rows: list[list], unit: str) -> list[str]:
    """The header with the unit on every amount column ('合计（万元）'), unless a 单位 column says it."""
    if not unit or "单位" in columns:
        return list(columns)
    amount = [any(isinstance(r[i], Decimal) for r in rows if i < len(r)) for i in range(len(columns))]
    return [f"{c}（{unit}）" if is_amount else c for c, is_amount in zip(columns, amount)]


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
