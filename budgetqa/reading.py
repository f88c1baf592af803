"""Read a report file into text: detect its encoding, refuse binary files, extract PDFs."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

from budgetqa.models import ReportError

# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}


def read_report(path: str | Path) -> tuple[str, str]:
    """Return (text, sha256 of the file's bytes); raise ReportError with a readable reason."""
    path = Path(path)
    if not path.exists():
        raise ReportError(f"{path}: no such file")
    if path.is_dir():
        raise ReportError(f"{path}: is a directory, not a report file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    digest = hashlib.sha256(data).hexdigest()
    if data.startswith(b"%PDF"):
        return pdf_text(path), digest
    return decode_report(data, str(path)), digest


def decode_report(data: bytes, name: str = "input") -> str:
    """Decode report bytes: UTF-8 (with or without BOM), UTF-16 (LE/BE) or GB18030."""
    if not data.strip():
        raise ReportError(f"{name}: the file is empty")
    if data.startswith(codecs.BOM_UTF8):
        text = _decode(data[3:], "utf-8", name)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode(data, "utf-16", name)
    elif _looks_utf16(data):
        encoding = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
        text = _decode(data, encoding, name)
    else:
        if b"\x00" in data:
            raise ReportError(f"{name}: binary file, not a text report")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode(data, "gb18030", name)
    control = sum(1 for ch in text[:20000] if ord(ch) in _CONTROL)
    if control > max(8, len(text[:20000]) // 200):
        raise ReportError(f"{name}: binary file, not a text report")
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    """CRLF and CR to LF; form feeds (page breaks) dropped so line numbers stay those of the file."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "")


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: many NUL bytes on one parity."""
    sample = data[:4000]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return max(even, odd) > len(sample) // 8 and min(even, odd) < max(even, odd) // 4


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise ReportError(
            f"{name}: not readable as text (tried UTF-8, UTF-16 and GB18030)"
        ) from None


def pdf_text(path: Path) -> str:
    """Extract a PDF's text page by page with pdfplumber (the optional ``pdf`` extra)."""
    try:
        import pdfplumber
    except ImportError:
        raise ReportError(
            f"{path}: reading PDF needs the pdf extra: pip install 'budgetqa[pdf]'"
        ) from None
    try:
        with pdfplumber.open(path) as pdf:
            pages = [page.extract_text() or "" for page in pdf.pages]
    except Exception as exc:  # pdfminer raises many unrelated types on damaged files
        raise ReportError(f"{path}: damaged or unreadable PDF ({type(exc).__name__})") from None
    text = "\n".join(pages)
    if not text.strip():
        raise ReportError(f"{path}: the PDF has no text layer (scanned pages?)")
    return normalise_newlines(text)
