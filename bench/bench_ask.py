"""Question latency in-process (p50, p99) on the seed database and on a 1,000-document one,
next to a bare rapidfuzz extract over the same names; and `budgetqa ask` as a whole process.

Targets: p99 ≤ 5 ms on the seed, ≤ 30 ms at 1,000 documents; a whole `budgetqa ask` ≤ 0.3 s.
Usage: python bench/bench_ask.py [--count 1000]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import mixed_report, synthetic_report  # noqa: E402

import budgetqa  # noqa: E402
from budgetqa.answer import Session, ask, preload  # noqa: E402
from budgetqa.parser import parse_text  # noqa: E402
from budgetqa.store import bundled_report, connect, load_document  # noqa: E402

ROOT = Path(__file__).parent.parent
QUESTIONS = [json.loads(line)["q"] for line in (ROOT / "tests/data/paraphrases.jsonl").read_text(encoding="utf-8").splitlines()]


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def measure(conn, rounds: int = 5) -> tuple[list[float], list[float]]:
    """Per-question latency of ask(), and of a bare rapidfuzz extract over the document's names."""
    from rapidfuzz import fuzz, process

    names = {i: r["name"] for i, r in enumerate(conn.execute("select name from names where document_id = "
                                                             "(select max(id) from documents)"))}
    # warmed as the app warms itself while it starts (the document read, the patterns compiled): a long session
    preload(conn, conn.execute("select max(id) from documents").fetchone()[0])
    times, baseline = [], []
    for _ in range(rounds):
        for q in QUESTIONS:
            t0 = time.perf_counter()
            ask(conn, q, Session())
            times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            process.extract(q, names, scorer=fuzz.WRatio, limit=5)
            baseline.append(time.perf_counter() - t0)
    return times, baseline


def report(label: str, times: list[float], baseline: list[float]) -> None:
    print(f"{label}: ask p50 {statistics.median(times) * 1000:.2f} ms, p99 {pct(times, 0.99) * 1000:.2f} ms "
          f"over {len(times)} questions; baseline rapidfuzz extract p50 {statistics.median(baseline) * 1000:.3f} ms, "
          f"p99 {pct(baseline, 0.99) * 1000:.3f} ms")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--mixed", action="store_true", help="the 1,000 documents cycle through four templates")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        seed_db = Path(tmp) / "seed.db"
        conn = connect(seed_db)
        report("seed (target p99 ≤ 5 ms)", *measure(conn))
        many = Path(tmp) / "many.db"
        make = mixed_report if args.mixed else synthetic_report
        for i in range(args.count - 1):
            load_document(many, parse_text(make(i), f"synthetic_{i}.txt"))
        load_document(many, parse_text(bundled_report().read_text(encoding="utf-8"), "seed.txt"))
        conn = connect(many)
        t0 = time.perf_counter()
        ask(conn, "2013105", Session())
        cold = time.perf_counter() - t0
        report(f"{args.count} documents (target p99 ≤ 30 ms; first question {cold * 1000:.1f} ms)", *measure(conn, 2))
        exe = Path(sys.executable).with_name("budgetqa")
        # an installed package runs from compiled bytecode (pip writes it at install); compile it here too, so the
        # figure is what a user waits for, whatever PYTHONDONTWRITEBYTECODE says. A run from source alone (an
        # empty bytecode cache) is timed beside it.
        compileall.compile_dir(Path(budgetqa.__file__).parent, quiet=1)
        env = dict(os.environ, BUDGETQA_DB=str(seed_db))
        cold_env = dict(env, PYTHONPYCACHEPREFIX=str(Path(tmp) / "empty-cache"), PYTHONDONTWRITEBYTECODE="1")
        runs, from_source, bare = [], [], []
        for _ in range(10):
            bare.append(timed([sys.executable, "-c", "pass"], None))
            runs.append(timed([str(exe), "ask", "2013105"], env))
            from_source.append(timed([str(exe), "ask", "2013105"], cold_env))
        print(f"budgetqa ask as a process: median {statistics.median(runs) * 1000:.0f} ms, max {max(runs) * 1000:.0f} ms "
              f"(bare python -c pass: {statistics.median(bare) * 1000:.0f} ms; target ≤ 300 ms); "
              f"from source with no bytecode: median {statistics.median(from_source) * 1000:.0f} ms")


def timed(command: list[str], env: dict[str, str] | None) -> float:
    t0 = time.perf_counter()
    subprocess.run(command, env=env, capture_output=True, check=True)
    return time.perf_counter() - t0

if __name__ == "__main__":
    main()
