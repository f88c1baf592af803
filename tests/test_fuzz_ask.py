"""Fuzzed questions (bench/bench_fuzz_ask.py's mutations of the public question sets) asked through
ask() alone and in one session, on the bundled report and on four corpus reports: no exception, and
each answered within a bound (a hang detector, far above the bench's p99; the bench measures)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "bench"))

from bench_fuzz_ask import LONG_PASTE, ask_timed, make_databases, questions, run  # noqa: E402

COUNT = 250
BOUND = 3.0  # seconds for one question, on a shared machine


@pytest.fixture(scope="module")
def dbs(tmp_path_factory):
    return make_databases(tmp_path_factory.mktemp("fuzz-ask"))


def test_the_stream_holds_every_kind_of_mutation():
    kinds = {kind for kind, _ in questions(7, COUNT)}
    assert {"delete", "duplicate", "swap", "punctuation", "digits", "pinyin", "emoji", "odd", "mix", "several",
            "repeat", "chars"} <= kinds


def test_fuzzed_questions_raise_nothing_and_each_is_answered_within_the_bound(dbs):
    result = run(dbs, questions(7, COUNT), limit=BOUND * 2)
    assert len(result.asked) == COUNT * 4
    errors = [a for a in result.asked if a.error]
    assert not errors, f"{len(errors)} exceptions; first on {errors[0].question!r}:\n{errors[0].error}"
    slow = sorted((a for a in result.asked if a.seconds > BOUND), key=lambda a: -a.seconds)
    assert not slow, f"{len(slow)} questions over {BOUND} s; slowest {slow[0].seconds:.1f} s: {slow[0].question[:80]!r}"


@pytest.mark.parametrize("base", ["各部门人员经费对比", "绩效工姿"])
def test_a_pasted_question_of_25000_characters_is_answered_or_refused_with_four_reports(dbs, base):
    from budgetqa.answer import Session
    from budgetqa.store import connect

    conn = connect(dbs["four"], create_default=False)
    question = (base * (max(LONG_PASTE) // len(base) + 1))[:max(LONG_PASTE)]
    seconds, _, error, stopped = ask_timed(conn, question, Session(), BOUND * 2)
    conn.close()
    assert not error and not stopped
    assert seconds < BOUND
