#!/usr/bin/env python3
"""Score question sets in process, asked alone, in one shuffled conversation, or as dialogues.

Usage:
    python tools/score.py SET.jsonl [SET.jsonl …] [--session] [--seed N] [--docs FILE …] [-v]

A set is JSON Lines in the format of the public scorer (id, q, expect, kind). A line may carry
"file" (the report it is about: that report alone is loaded for it) and "dialogue" (the
conversation it belongs to: its lines are asked in order in one session). Without --docs the
bundled report is loaded; the corpus sets of tests/data load the four reports they were written
for. --session asks every question of a set one after another in one conversation, in an order
shuffled with --seed, as the app asks them. The judgement is the public scorer's: every expected
number among the numbers the answer states, every expected string somewhere in its JSON.
"""

from __future__ import annotations

import argparse
import atexit
import json
import random
import re
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from budgetqa.answer import Session, ask  # noqa: E402
from budgetqa.parser import parse_file  # noqa: E402
from budgetqa.models import ReportError  # noqa: E402
from budgetqa.store import bundled_report, connect, load_document  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "corpus"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
# The reports the corpus sets of tests/data were written against, loaded together.
CORPUS_SET_DOCS = ("budget_shanghai_putuo_shiquanlu_street_2026_unit.txt", "budget_chongqing_swu_university_2024_dept.txt",
                   "final_shanghai_putuo_guihuaziyuanju_2024.txt")
NUM = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def numbers_in(text: str) -> list[float]:
    return [float(m.group().replace(",", "")) for m in NUM.finditer(text or "")]


def close(a: float, b: float) -> bool:
    a, b = abs(a), abs(b)
    return abs(a - b) <= 0.006 or (b != 0 and abs(a - b) / b <= 0.001)


def judge(gold: dict, got: dict) -> str | None:
    """Why an answer fails its gold line (None: it passes), as the public scorer judges."""
    if gold.get("kind") == "no_answer":
        return None if got.get("matched") is False else "expected matched=false (no answer)"
    if got.get("matched") is not True:
        return "matched is not true"
    shown = numbers_in(got.get("answer", ""))
    if len(shown) > 60 or len(got.get("figures") or []) > 40:
        return "answer states too many figures to be a direct answer"
    for f in got.get("figures") or []:
        v = f.get("value")
        if isinstance(v, (int, float)):
            shown.append(float(v))
        elif isinstance(v, str):
            shown.extend(numbers_in(v))
    blob = json.dumps(got, ensure_ascii=False)
    for e in gold.get("expect", []):
        if isinstance(e, (int, float)) and not isinstance(e, bool):
            if not any(close(s, float(e)) for s in shown):
                return f"number {e} not in answer/figures"
        elif str(e) not in blob:
            return f"text {e!r} not in output"
    return None


def find_report(name: str) -> Path:
    for folder in (CORPUS, SHARED_CORPUS, ROOT / "data"):
        if (folder / name).exists():
            return folder / name
    raise SystemExit(f"report not found: {name}")


_DBS: dict[tuple[str, ...], Path | None] = {}


def database(reports: tuple[str, ...]) -> Path | None:
    """A database holding these reports (the bundled one for an empty tuple), made once per run;
    None when a report is refused (its questions then count as unanswered)."""
    if reports not in _DBS:
        folder = tempfile.mkdtemp()
        atexit.register(shutil.rmtree, folder, True)  # (a run leaves no databases behind in the temp folder)
        path = Path(folder) / "score.db"
        for name in reports:
            try:
                load_document(path, parse_file(find_report(name)))
            except ReportError as exc:
                print(f"refused: {exc}", file=sys.stderr)
                _DBS[reports] = None
                return None
        if not reports or reports == CORPUS_SET_DOCS:
            load_document(path, parse_file(bundled_report()))
        _DBS[reports] = path
    return _DBS[reports]


def run(golds: list[dict], conn, session: Session | None) -> list[tuple[dict, dict]]:
    out = []
    for gold in golds:
        answer = ask(conn, gold["q"], session if session is not None else Session())
        out.append((gold, answer.to_json()))
    return out


def score(path: Path, in_session: bool, seed: int, docs: tuple[str, ...] | None) -> list[tuple[dict, dict]]:
    golds = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    default = docs if docs is not None else (CORPUS_SET_DOCS if path.name.startswith("corpus_questions") else ())
    groups: dict[tuple[str, ...], list[dict]] = defaultdict(list)
    # a dialogue that moves to another report (再看X的决算) is one conversation over a database holding the
    # reports it names, its first report loaded last (the one a question naming none is about)
    spans: dict[str, list[str]] = defaultdict(list)
    for gold in golds:
        if gold.get("dialogue") and gold.get("file") and gold["file"] not in spans[gold["dialogue"]]:
            spans[gold["dialogue"]].append(gold["file"])
    for gold in golds:
        files = spans.get(gold.get("dialogue", ""), [])
        groups[tuple(reversed(files)) if len(files) > 1 else (gold["file"],) if gold.get("file") else default].append(gold)
    results = []
    for reports, members in groups.items():
        path = database(reports)
        if path is None:
            results += [(gold, {"matched": False}) for gold in members]
            continue
        conn = connect(path)
        dialogues: dict[str, list[dict]] = defaultdict(list)
        for gold in members:
            dialogues[gold.get("dialogue", "")].append(gold)
        singles = dialogues.pop("", [])
        for turns in dialogues.values():
            results += run(turns, conn, Session())
        if in_session:
            order = singles[:]
            random.Random(seed).shuffle(order)
            results += run(order, conn, Session())
        else:
            results += run(singles, conn, None)
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sets", nargs="+", type=Path)
    ap.add_argument("--session", action="store_true", help="ask each set in one shuffled conversation")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--docs", nargs="*", help="report files to load instead of the defaults")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    total_ok = total = 0
    for path in a.sets:
        results = score(path, a.session, a.seed, tuple(a.docs) if a.docs is not None else None)
        failed = [(g, got, why) for g, got in results if (why := judge(g, got))]
        by_kind_all = Counter(g.get("kind", "?") for g, _ in results)
        by_kind_bad = Counter(g.get("kind", "?") for g, _, _ in failed)
        if a.verbose:
            for g, got, why in sorted(failed, key=lambda f: f[0]["id"]):
                print(f"FAIL {g['id']} [{g.get('kind')}] {g['q']!r}: {why} | {got.get('answer', '')[:200]!r}")
            print("  " + ", ".join(f"{k} {by_kind_all[k] - by_kind_bad[k]}/{by_kind_all[k]}" for k in sorted(by_kind_all)))
        ok = len(results) - len(failed)
        total_ok, total = total_ok + ok, total + len(results)
        print(f"{path.name}: {ok}/{len(results)} ({100 * ok / max(1, len(results)):.1f}%)"
              + (" in one conversation" if a.session else ""))
    if len(a.sets) > 1:
        print(f"all: {total_ok}/{total} ({100 * total_ok / max(1, total):.1f}%)")
    return 0 if total_ok == total else 1


if __name__ == "__main__":
    sys.exit(main())
