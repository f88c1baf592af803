"""budgetqa.patterns.Rewrites: the substitutions of the lexicon made behind one search must leave every question
exactly as the substitutions made one by one leave it."""
import json
from pathlib import Path

import pytest

from budgetqa import lexicon, patterns

DATA = Path(__file__).parent / "data"
QUESTIONS = sorted({json.loads(line)["q"] for path in DATA.glob("*.jsonl")
                    for line in path.read_text(encoding="utf-8").splitlines() if line.strip()})


def one_by_one(rewrites: patterns.Rewrites, text: str) -> str:
    for pattern, replacement in rewrites:
        text = pattern.sub(replacement, text)
    return text


@pytest.mark.parametrize("name", ["ENGLISH", "SHORT_PAIRS", "REGIONAL"])
def test_rewrites_behind_one_search_change_what_one_by_one_changes(name):
    rewrites = getattr(lexicon, name)
    changed = [q for q in QUESTIONS if one_by_one(rewrites, q) != q]
    assert changed, f"no question of tests/data uses {name}"  # (else the comparison below proves nothing)
    assert [q for q in QUESTIONS if rewrites.apply(q) != one_by_one(rewrites, q)] == []


def test_every_english_word_needs_a_latin_letter():
    """ENGLISH skips a question with no Latin letter: no pattern of it may match one."""
    letterless = [q for q in QUESTIONS if not any("a" <= ch.lower() <= "z" for ch in q)]
    assert len(letterless) > 1000
    assert [(p.pattern, q) for p, _ in lexicon.ENGLISH for q in letterless if p.search(q)] == []


def test_rewrites_refuse_a_backreference():
    with pytest.raises(ValueError):
        patterns.Rewrites(((r"(基本)\1", "基本"),))
    assert patterns.Rewrites(((r"几钿", "多少钱"), (r"多少钱(?=呢)", "多少"))).apply("这个几钿呢") == "这个多少呢"
