"""Report files in other encodings and line endings load the same; bad files fail clearly."""

from __future__ import annotations

import codecs

import pytest

from budgetqa.models import ReportError
from budgetqa.parser import parse_file, parse_text


def cells(doc):
    return [(t.no, r.name, c.column, c.amount, c.line) for t in doc.tables for r in t.rows for c in r.cells]


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda t: t.encode("gb18030"), id="gb18030"),
        pytest.param(lambda t: t.encode("utf-16"), id="utf-16-bom"),
        pytest.param(lambda t: t.encode("utf-16-le"), id="utf-16-le-no-bom"),
        pytest.param(lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), id="utf-8-bom"),
        pytest.param(lambda t: t.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
        pytest.param(lambda t: t.replace("\n 表", "\n\f 表").encode("utf-8"), id="form-feeds"),
    ],
)
def test_encodings_and_line_ends_give_the_same_document(tmp_path, seed_path, seed_doc, encode):
    path = tmp_path / "report.txt"
    path.write_bytes(encode(seed_path.read_text(encoding="utf-8")))
    doc = parse_file(path)
    assert cells(doc) == cells(seed_doc)
    assert doc.department == seed_doc.department
    assert [f.line for f in doc.facts] == [f.line for f in seed_doc.facts]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "文件是空的"),
        (b"   \n\n  ", "文件是空的"),
        (bytes(range(256)) * 20, "二进制文件"),
        ("这是一份会议通知，请各单位准时参加。\n".encode(), "不是部门预算或决算公开报告"),
        ("\ufeff第一部分 概况\n一、本部门职责\n负责全区工作。\n".encode(), "不是部门预算或决算公开报告"),
    ],
)
def test_files_that_are_not_reports_fail_with_a_reason(tmp_path, content, reason):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    with pytest.raises(ReportError) as err:
        parse_file(path)
    assert reason in str(err.value)
    assert "input.txt" in str(err.value)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ReportError, match="没有这个文件"):
        parse_file(tmp_path / "nope.txt")
    with pytest.raises(ReportError, match="是一个目录"):
        parse_file(tmp_path)


@pytest.mark.parametrize("last_line", [61, 100, 147, 176, 222, 236, 300, 386, 412, 430, 466, 486, 573, 646, 687])
def test_a_report_cut_inside_a_table_is_refused(seed_path, last_line):
    text = "\n".join(seed_path.read_text(encoding="utf-8").split("\n")[:last_line])
    with pytest.raises(ReportError, match="被截断"):
        parse_text(text, "cut.txt")


def test_a_report_cut_in_the_narrative_still_loads(seed_path):
    text = "\n".join(seed_path.read_text(encoding="utf-8").split("\n")[:760])
    doc = parse_text(text, "cut.txt")
    assert len(doc.tables) == 13


def test_a_report_that_prints_no_unit_lines_loses_no_table(seed_path, seed_doc):
    text = seed_path.read_text(encoding="utf-8").replace("单位：万元", "").replace("单位:万元", "")
    doc = parse_text(text, "no-units.txt")
    assert [t.no for t in doc.tables] == list(range(1, 14))
    assert cells(doc) == cells(seed_doc)


@pytest.mark.parametrize(
    "reshape",
    [
        pytest.param(lambda t: "\n".join(l.rstrip() for l in t.split("\n")), id="no-trailing-spaces"),
        pytest.param(lambda t: "\n".join(" ".join(l.split()) for l in t.split("\n")), id="single-spaces"),
        pytest.param(lambda t: "\n".join(l for l in t.split("\n") if l.strip()), id="no-blank-lines"),
    ],
)
def test_other_extractors_whitespace_gives_the_same_cells(seed_path, seed_doc, reshape):
    """Whitespace is a hint only: the seed as another extractor would print it parses the same."""
    doc = parse_text(reshape(seed_path.read_text(encoding="utf-8")), "reshaped.txt")
    key = lambda d: sorted((t.no, r.name, c.column, c.amount) for t in d.tables for r in t.rows for c in r.cells)  # noqa: E731
    assert key(doc) == key(seed_doc)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le", "utf-16"])
def test_a_file_cut_in_the_middle_of_a_character_is_reported_as_cut(tmp_path, seed_path, encoding):
    data = seed_path.read_text(encoding="utf-8").encode(encoding)
    cut = len(data) // 2
    if encoding == "utf-8":
        while data[cut] & 0xC0 != 0x80:  # inside a three-byte character
            cut += 1
    else:
        cut |= 1  # an odd number of bytes ends inside a UTF-16 unit
    path = tmp_path / "cut.txt"
    path.write_bytes(data[:cut])
    with pytest.raises(ReportError) as err:
        parse_file(path)
    assert "截断" in str(err.value) and "无法识别" not in str(err.value)
    assert "cut.txt" in str(err.value)


def test_the_pdf_hint_gives_a_command_that_works(tmp_path, monkeypatch):
    import sys

    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # the pdf extra is not installed
    with pytest.raises(ReportError) as err:
        parse_file(path)
    message = str(err.value)
    assert "budgetqa[pdf]" not in message.replace("'.[pdf]'", "")
    assert f"{sys.executable} -m pip install" in message


def test_plain_chinese_numerals_read_alike_without_cn2an():
    """Numerals below ten thousand are read without cn2an's start-up; every one as cn2an reads it."""
    import cn2an

    from budgetqa.question.numbers import small_numeral

    for n in range(1, 10000):
        spelled = cn2an.an2cn(n)
        got = small_numeral(spelled)
        assert got is None or got == n, (spelled, got)
    assert small_numeral("两") == 2 and small_numeral("十五") == 15 and small_numeral("三百五") is None
