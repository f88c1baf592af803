"""Read a report file into text: detect its encoding, refuse binary files, extract PDFs."""

from __future__ import annotations

import codecs
import hashlib
import io
import logging
import os
import re
import stat
import sys
from pathlib import Path

from budgetqa.models import ReportError

# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}
_STRAY = {c: None for c in _CONTROL}
_CONTROL_CHAR = re.compile("[\x00-\x08\x0b\x0e-\x1f]")

# Real reports are a few hundred kilobytes of text and a few dozen pages; these limits are far
# above any of them and keep a wrong file (a log, a disk image, a report pasted a hundred times)
# from filling memory or taking minutes.
MOST_TEXT_BYTES = 5 * 1024 * 1024
MOST_PDF_BYTES = 50 * 1024 * 1024
MOST_PDF_PAGES = 300


def read_report(path: str | Path) -> tuple[str, str]:
    """Return (text, sha256 of the file's bytes); raise ReportError with a readable reason.

    Only regular files are read (a pipe, a device or a directory is refused before any byte is
    read), and no more than the size limit (a larger file is refused before it is read)."""
    path = Path(path)
    data = _read_bytes(path)
    digest = hashlib.sha256(data).hexdigest()
    if data.startswith(b"%PDF"):
        return pdf_text(path, data), digest
    return decode_report(data, str(path)), digest


def _read_bytes(path: Path) -> bytes:
    """The file's bytes: a text file up to MOST_TEXT_BYTES, a PDF up to MOST_PDF_BYTES."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ReportError(f"{path}：没有这个文件") from None
    except OSError as exc:
        raise ReportError(f"{path}：无法读取（{exc.strerror or exc}）") from None
    if stat.S_ISDIR(info.st_mode):
        raise ReportError(f"{path}：是一个目录，不是报告文件")
    if not stat.S_ISREG(info.st_mode):
        raise ReportError(f"{path}：不是普通文件（是设备、管道或套接字），不是报告文件")
    try:
        # O_NONBLOCK: should the path have been replaced by a pipe since, opening it does not wait.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise ReportError(f"{path}：无法读取（{exc.strerror or exc}）") from None
    try:
        with open(fd, "rb", closefd=True) as f:
            info = os.fstat(f.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise ReportError(f"{path}：不是普通文件（是设备、管道或套接字），不是报告文件")
            head = f.read(4)
            limit, what = (MOST_PDF_BYTES, "PDF") if head == b"%PDF" else (MOST_TEXT_BYTES, "文本")
            if info.st_size > limit:
                raise ReportError(_too_large(path, info.st_size, limit, what))
            # One byte past the limit tells a file that grew, or whose size the system does not tell.
            data = head + f.read(limit + 1 - len(head))
    except OSError as exc:
        raise ReportError(f"{path}：无法读取（{exc.strerror or exc}）") from None
    if len(data) > limit:
        raise ReportError(_too_large(path, len(data), limit, what, more=True))
    return data


def _too_large(path: Path, size: int, limit: int, what: str, more: bool = False) -> str:
    return (f"{path}：文件太大，不像预算报告（{'超过 ' if more else ''}{size / 1024 / 1024:.1f} MB；"
            f"{what}最多 {limit // 1024 // 1024} MB）")


def decode_report(data: bytes, name: str = "input") -> str:
    """Decode report bytes: UTF-8 (with or without BOM), UTF-16 (LE/BE) or GB18030."""
    if not data.strip():
        raise ReportError(f"{name}：文件是空的")
    utf16 = _utf16_without_bom(data)
    if data.startswith(codecs.BOM_UTF8):
        text = _decode(data[3:], "utf-8", name)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode(data, "utf-16", name)
    elif utf16:
        text = _decode(data, utf16, name)
    else:
        if data.count(0) > max(8, len(data) // 1000):  # a few stray NULs are damage, not binary
            raise ReportError(f"{name}：是二进制文件，不是文本报告")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            _refuse_if_cut(exc, data, "UTF-8", name)
            text = _decode(data, "gb18030", name)
    control = len(_CONTROL_CHAR.findall(text, 0, 20000))
    if control > max(8, len(text[:20000]) // 200):
        raise ReportError(f"{name}：是二进制文件，不是文本报告")
    return _without_stray(normalise_newlines(text))


def _without_stray(text: str) -> str:
    """A few stray control characters (a NUL from a damaged UTF-16 file) would end up in names."""
    return text.translate(_STRAY) if _CONTROL_CHAR.search(text) else text


def normalise_newlines(text: str) -> str:
    """CRLF and CR to LF; form feeds (page breaks) dropped so line numbers stay those of the file."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "")


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for UTF-16 without a BOM: NUL bytes (the high half of ASCII
    characters) nearly all on one parity, and the sample read that way is text. Chinese text has
    few ASCII characters, so few NULs: the reading decides, not their number."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if max(even, odd) < 4 or min(even, odd) >= max(even, odd) // 4:
        return None
    encoding = "utf-16-le" if odd > even else "utf-16-be"
    text = sample[: len(sample) // 2 * 2].decode(encoding, errors="replace")
    return encoding if sum(map(_texty, text)) >= 0.9 * len(text) else None


def _texty(ch: str) -> bool:
    """A character of a report: CJK, ASCII, full-width forms, CJK and general punctuation."""
    code = ord(ch)
    return (32 <= code < 127 or ch in "\t\n\r\f" or 0x4E00 <= code <= 0x9FFF or 0x3000 <= code <= 0x303F
            or 0xFF00 <= code <= 0xFFEF or 0x2000 <= code <= 0x206F or 0x2460 <= code <= 0x25FF)


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


def pdf_text(path: Path, data: bytes | None = None) -> str:
    """Extract a PDF's text page by page with pdfplumber (the optional ``pdf`` extra); at most
    ``MOST_PDF_PAGES`` pages and ``MOST_TEXT_BYTES`` of text."""
    try:
        import pdfplumber
    except ImportError:
        raise ReportError(
            f"{path}：读取 PDF 需要 pdfplumber：{sys.executable} -m pip install 'pdfplumber>=0.11,<0.12'"
            "（在源码目录也可以 pip install -e '.[pdf]'）"
        ) from None
    _quiet_pdf_logs()
    source = io.BytesIO(data) if data is not None else path
    pages: list[str] = []
    size = 0
    try:
        # Only the pages up to one past the limit are made into page objects.
        with pdfplumber.open(source, pages=range(1, MOST_PDF_PAGES + 2)) as pdf:
            if len(pdf.pages) > MOST_PDF_PAGES:
                raise ReportError(f"{path}：页数太多，不像预算报告（超过 {MOST_PDF_PAGES} 页；报告一般几十页）")
            for page in pdf.pages:
                pages.append(page.extract_text() or "")
                size += len(pages[-1].encode("utf-8"))
                if size > MOST_TEXT_BYTES:
                    raise ReportError(f"{path}：提取出的文字太多，不像预算报告（超过 "
                                      f"{MOST_TEXT_BYTES // 1024 // 1024} MB）")
    except ReportError:
        raise
    except Exception as exc:  # pdfminer raises many unrelated types on damaged files
        raise ReportError(f"{path}：PDF 已损坏或无法读取（{type(exc).__name__}）") from None
    text = "\n".join(pages)
    if not text.strip():
        raise ReportError(f"{path}：PDF 没有文字层（扫描件？）")
    return _without_stray(normalise_newlines(text))


def _quiet_pdf_logs() -> None:
    """pdfminer logs every repair it makes on a damaged file; with no logging set up, Python
    prints those warnings to stderr (over the app's screen, before budgetqa's one line). A
    NullHandler keeps them out of stderr and leaves them to whoever configures logging."""
    for name in ("pdfminer", "pdfplumber"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())
