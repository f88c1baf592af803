"""ask() with many reports loaded: questions about one report and questions across reports.

Opens an existing database read-only (it is never written) and asks, in process, the one-report
questions of tests/data/paraphrases.jsonl and a few that share words with many departments' names
(卫生健康类下面的行政单位医疗), then questions across reports (rankings, named departments side by
side, one department's years, sums, shares). Each question is stopped at --limit seconds (it then
counts that long and is not asked again). Baselines in the same run: a rapidfuzz extract over the
report's names (a one-report question's floor) and the bare across.rank call (a cross-report
question's floor). With --process-db, `budgetqa ask` as a whole process too, on that database
(a copy: opening a database written by another parser version reads its reports again).

Targets (issue 12): a one-report question p99 ≤ 30 ms, a cross-report question p99 ≤ 200 ms, both
in process; `budgetqa ask` ≤ 0.3 s as a process.

Usage: python bench/bench_across_ask.py --db /tmp/province.db [--rounds 20] [--limit 10] [--process-db COPY]
Make a database with bench/synthetic.py's write_reports and `budgetqa load DIR --db PATH`.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT))
EXE = Path(sys.executable).with_name("budgetqa")

from budgetqa.answer import Session, ask  # noqa: E402

ONE_REPORT = [json.loads(line)["q"] for line in (ROOT / "tests/data/paraphrases.jsonl").read_text(encoding="utf-8").splitlines()]
# Questions sharing words with many departments' names (卫生健康委员会, 财政局) or with comparison words.
ONE_REPORT += ["卫生健康类下面的行政单位医疗", "项目期几年", "财政拨款收入多少", "公共安全支出多少", "教育支出多少"]
ACROSS = ["哪个部门人员经费最多", "各部门人员经费对比", "2024年三公经费最高的前5个部门", "2024年人员经费最少的部门",
          "东安县财政局和西平县教育局三公经费对比", "江城市长乐县卫健委历年基本支出", "2023年各部门政府采购合计",
          "三公经费占支出总计比例最高的部门", "2025年公车费用最多的前3个单位", "东安县财政局2023和2024年支出总计比较"]


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def ms(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1000:.2f} ms, p99 {pct(values, 0.99) * 1000:.2f} ms (n={len(values)})"


class _TooLong(Exception):
    pass


def limited(seconds: float, fn, *args) -> float:
    """The time fn takes, or ``seconds`` when it is stopped there."""
    def stop(signum, frame):
        raise _TooLong

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    t0 = time.perf_counter()
    try:
        fn(*args)
        return time.perf_counter() - t0
    except _TooLong:
        return seconds
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def timed(fn, *args, **kwargs) -> float:
    t0 = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - t0


def asked(conn, questions: list[str], doc_id: int, rounds: int, limit: float) -> tuple[list[float], dict[str, float]]:
    """Every question ``rounds`` times (a question stopped at ``limit`` is not asked again)."""
    times, slowest, stopped = [], {}, set()
    for _ in range(rounds):
        for q in questions:
            if q in stopped:
                times.append(limit)
                continue
            spent = limited(limit, ask, conn, q, Session(document_id=doc_id))
            times.append(spent)
            slowest[q] = max(spent, slowest.get(q, 0.0))
            if spent >= limit:
                stopped.add(q)
    return times, slowest


def show_slow(slowest: dict[str, float], over: float) -> None:
    for q, spent in sorted(slowest.items(), key=lambda item: -item[1]):
        if spent >= over:
            print(f"    slowest {spent * 1000:.0f} ms  {q}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--limit", type=float, default=10.0, help="seconds after which a question is stopped")
    ap.add_argument("--process-db", type=Path, default=None, help="a copy of the database for `budgetqa ask` runs")
    args = ap.parse_args()
    from rapidfuzz import fuzz, process

    from budgetqa import across

    conn = sqlite3.connect(f"{args.db.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    conn.row_factory = sqlite3.Row
    count = conn.execute("select count(*) from documents").fetchone()[0]
    doc_id = conn.execute("select max(id) from documents").fetchone()[0]
    print(f"{count} reports loaded; the session's report: {tuple(conn.execute('select department, year, kind from documents where id = ?', [doc_id]).fetchone())}")
    first = timed(ask, conn, "2013105", Session(document_id=doc_id))
    print(f"first question {first * 1000:.0f} ms (reads the report and the directory of departments)")

    times, slowest = asked(conn, ONE_REPORT, doc_id, max(1, args.rounds // 4), args.limit)
    names = {i: r[0] for i, r in enumerate(conn.execute("select name from names where document_id = ?", [doc_id]))}
    floor = [timed(process.extract, q, names, scorer=fuzz.WRatio, limit=5) for q in ONE_REPORT]
    print(f"ONE REPORT: ask {ms(times)} (target p99 ≤ 30 ms); baseline rapidfuzz extract {ms(floor)}")
    show_slow(slowest, 0.03)

    times, slowest = asked(conn, ACROSS, doc_id, args.rounds, args.limit)
    floor = [timed(across.rank, conn, "人员经费", n=10) for _ in range(args.rounds * 3)]
    print(f"ACROSS: ask {ms(times)} (target p99 ≤ 200 ms); baseline across.rank {ms(floor)}")
    for q in ACROSS:
        print(f"    {slowest.get(q, args.limit) * 1000:8.1f} ms (slowest)  {q}")

    if args.process_db:
        # An install has its bytecode; compile once as an install would.
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "budgetqa")], check=True, capture_output=True)
        env = dict(os.environ, BUDGETQA_DB=str(args.process_db))
        for question in ("2013105", "哪个部门人员经费最多"):
            runs, bare = [], []
            for _ in range(7):
                bare.append(timed(subprocess.run, [sys.executable, "-c", "pass"], check=True))
                try:
                    runs.append(timed(subprocess.run, [str(EXE), "ask", question], env=env, capture_output=True,
                                      timeout=args.limit * 6))
                except subprocess.TimeoutExpired:
                    runs.append(args.limit * 6)
                    break
            print(f"PROCESS: budgetqa ask {question}: median {statistics.median(runs) * 1000:.0f} ms, max "
                  f"{max(runs) * 1000:.0f} ms (target ≤ 300 ms); baseline python -c pass {statistics.median(bare) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
