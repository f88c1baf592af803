"""Read a report file into text: detect its encoding, refuse binary files, extract PDFs."""

from __future__ import annotations

import codecs
import hashlib
import sys
from pathlib import Path

from budgetqa.models import ReportError

# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}


def read_report(path: str | Path) -> tuple[str, str]:
    """Return (text, sha256 of the file's bytes); raise ReportError with a readable reason."""
    path = Path(path)
    if not path.exists():
        raise ReportError(f"{path}：没有这个文件")
    if path.is_dir():
        raise ReportError(f"{path}：是一个目录，不是报告文件")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportError(f"{path}：无法读取（{exc.strerror or exc}）") from None
    digest = hashlib.sha256(data).hexdigest()
    if data.startswith(b"%PDF"):
        return pdf_text(path), digest
    return decode_report(data, str(path)), digest


def decode_report(data: bytes, name: str = "input") -> str:
    """Decode report bytes: UTF-8 (with or without BOM), UTF-16 (LE/BE) or GB18030."""
    if not data.strip():
        raise ReportError(f"{name}：文件是空的")
    if data.startswith(codecs.BOM_UTF8):
        text = _decode(data[3:], "utf-8", name)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode(data, "utf-16", name)
    elif _looks_utf16(data):
        encoding = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
        text = _decode(data, encoding, name)
    else:
        if b"\x00" in data:
            raise ReportError(f"{name}：是二进制文件，不是文本报告")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            _refuse_if_cut(exc, data, "UTF-8", name)
            text = _decode(data, "gb18030", name)
    control = sum(1 for ch in text[:20000] if ord(ch) in _CONTROL)
    if control > max(8, len(text[:20000]) // 200):
        raise ReportError(f"{name}：是二进制文件，不是文本报告")
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
    except UnicodeDecodeError as exc:
        _refuse_if_cut(exc, data, encoding.upper(), name)
        raise ReportError(f"{name}：无法识别文字编码（试过 UTF-8、UTF-16 和 GB18030）") from None


def _refuse_if_cut(exc: UnicodeDecodeError, data: bytes, encoding: str, name: str) -> None:
    """A file whose only undecodable bytes are a character cut off at its very end was cut short."""
    if exc.end == len(data) and exc.reason in ("unexpected end of data", "truncated data"):
        raise ReportError(f"{name}：文件不完整，在第 {len(data)} 字节处截断在一个 {encoding} 字符中间"
                          "（下载或复制没有完成？）") from None


def pdf_text(path: Path) -> str:
    """Extract a PDF's text page by page with pdfplumber (the optional ``pdf`` extra)."""
    try:
        import pdfplumber
    except ImportError:
        raise ReportError(
            f"{path}：读取 PDF 需要 pdfplumber：{sys.executable} -m pip install 'pdfplumber>=0.11,<0.12'"
            "（在源码目录也可以 pip install -e '.[pdf]'）"
        ) from None
    try:
        with pdfplumber.open(path) as pdf:
            pages = [page.extract_text() or "" for page in pdf.pages]
    except Exception as exc:  # pdfminer raises many unrelated types on damaged files
        raise ReportError(f"{path}：PDF 已损坏或无法读取（{type(exc).__name__}）") from None
    text = "\n".join(pages)
    if not text.strip():
        raise ReportError(f"{path}：PDF 没有文字层（扫描件？）")
    return normalise_newlines(text)
