"""Random and mutated input: the parser raises only ReportError; ask() always answers."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budgetqa.answer import Answer, Session, ask
from budgetqa.models import ReportError
from budgetqa.parser import parse_text
from budgetqa.reading import decode_report
from budgetqa.store import bundled_report

SEED_LINES = bundled_report().read_text(encoding="utf-8").split("\n")


@st.composite
def mutated_reports(draw):
    lines = list(SEED_LINES)
    for _ in range(draw(st.integers(1, 12))):
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "garble", "cut"]))
        i = draw(st.integers(0, len(lines) - 1))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "garble":
            lines[i] = draw(st.text(max_size=40))
        else:
            lines = lines[: max(1, i)]
        if not lines:
            break
    return "\n".join(lines)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_reports())
def test_mutated_reports_parse_or_fail_with_report_error(text):
    try:
        parse_text(text, "mutated.txt")
    except ReportError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_random_text_parses_or_fails_with_report_error(text):
    try:
        parse_text(text, "random.txt")
    except ReportError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_decode_or_fail_with_report_error(data):
    try:
        decode_report(data, "random.bin")
    except ReportError:
        pass


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_any_question_gets_an_answer(conn, question):
    answer = ask(conn, question, Session())
    assert isinstance(answer, Answer)
    assert answer.text
    assert answer.matched or not answer.figures


@pytest.mark.parametrize("question", ["\x0b", "\u2028", "a\x85b", "表" * 500, "1" * 200, "前100000000000个项目", "百分之"])
def test_odd_questions(conn, question):
    assert isinstance(ask(conn, question, Session()), Answer)
