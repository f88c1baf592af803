"""A province in one database: 10,000 synthetic mixed reports loaded with `budgetqa load DIR`, then
cross-report functions, a one-report question in process, and `budgetqa ask` as a process.

Targets (issue 12): the load ≤ 10 minutes on 2 cores (and the database size); budgetqa.across
p99 ≤ 200 ms; a one-report question p99 ≤ 30 ms in process; `budgetqa ask` ≤ 0.3 s as a process.
Baselines in the same run: reading and hashing every file (the load's floor of I/O), a bare
indexed SQL lookup (the floor of a cross-report query), a rapidfuzz extract over the report's
names (a question's floor), and `python -c pass` (a process's floor).

Usage: python bench/bench_scale.py [--count 10000] [--db PATH] [--jobs 2] [--parts across,report,process]
With --db naming a database that exists, the reports are not made and loaded again.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import YEARS, mixed_meta, write_reports  # noqa: E402

ROOT = Path(__file__).parent.parent
EXE = Path(sys.executable).with_name("budgetqa")
QUESTIONS = [json.loads(line)["q"] for line in (ROOT / "tests/data/paraphrases.jsonl").read_text(encoding="utf-8").splitlines()]


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def ms(values: list[float]) -> str:
    return f"p50 {statistics.median(values) * 1000:.2f} ms, p99 {pct(values, 0.99) * 1000:.2f} ms (n={len(values)})"


def timed(fn, *args, **kwargs) -> float:
    t0 = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - t0


def load(db: Path, count: int, jobs: int, tmp: Path) -> None:
    folder = tmp / "reports"
    t0 = time.perf_counter()
    files = write_reports(folder, count)
    made = time.perf_counter() - t0
    t0 = time.perf_counter()
    for path in files:
        hashlib.sha256(path.read_bytes()).hexdigest()
    floor = time.perf_counter() - t0
    size = sum(p.stat().st_size for p in files) / 1e6
    print(f"made {count} reports ({size:.0f} MB of text) in {made:.0f} s; baseline: read and hash them all {floor:.1f} s")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    run = subprocess.run([str(EXE), "load", str(folder), "--db", str(db), "--jobs", str(jobs)],
                         capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr[-2000:])
    print(f"LOAD: {count} reports in {elapsed:.0f} s ({elapsed / count * 1000:.1f} ms a report, {jobs} workers; "
          f"target ≤ 600 s); database {db.stat().st_size / 1e9:.2f} GB; the load used {cpu:.0f} CPU-seconds "
          f"(on 2 cores of its own: ≥ {cpu / 2:.0f} s; machine load average then {os.getloadavg()[0]:.1f})")


def across_figures(conn: sqlite3.Connection, rounds: int) -> None:
    from budgetqa import across

    rng = random.Random(12)
    departments = [r[0] for r in conn.execute("select distinct department from documents")]
    ids = [r[0] for r in conn.execute("select id from documents")]
    figures = ["人员经费", "支出总计", "三公经费", "基本支出", "政府采购", "机关运行经费", "公务接待费"]
    questions = ["规划资源局2024年基本支出", "东安县教育局2020年人员经费", "哪个部门人员经费最多", "2023和2024年比较",
                 "西平县财政局和南丰县教育局对比三公经费", "江城市长乐县卫健委历年基本支出", "永和县审计局"]
    calls = {
        "rank top 10": lambda: across.rank(conn, rng.choice(figures), n=10),
        "rank top 5 of a year and kind": lambda: across.rank(conn, rng.choice(figures), n=5, year=rng.choice(YEARS), kind="预算"),
        "rank ascending above a threshold": lambda: across.rank(conn, rng.choice(figures), n=10, ascending=True, minimum=100),
        "compare 5 named reports": lambda: across.compare(conn, rng.choice(figures), rng.sample(ids, 5)),
        "one department over the years": lambda: across.over_years(conn, rng.choice(figures), rng.choice(departments)),
        "total of a year with shares": lambda: across.total(conn, rng.choice(figures), year=rng.choice(YEARS)),
        "share of another figure": lambda: across.share_rank(conn, "三公经费", "支出总计", n=10, year=rng.choice(YEARS)),
        "reports a question names": lambda: across.named_reports(conn, rng.choice(questions)),
    }
    first = timed(across.named_reports, conn, "预热")  # the in-memory directory is built once
    print(f"across: the directory of departments built in {first * 1000:.0f} ms (once per process and database state)")
    everything = []
    for label, call in calls.items():
        times = [timed(call) for _ in range(rounds)]
        everything += times
        print(f"  {label}: {ms(times)}")
    floor = [timed(lambda: conn.execute("select amount_fen from report_figures where document_id = ? and figure = ?",
                                        [rng.choice(ids), "人员经费"]).fetchone()) for _ in range(rounds)]
    print(f"ACROSS: all cross-report calls {ms(everything)} (target p99 ≤ 200 ms); baseline one indexed lookup {ms(floor)}")


def one_report(conn: sqlite3.Connection, rounds: int, limit: float = 10.0) -> None:
    from rapidfuzz import fuzz, process

    from bench_across_ask import limited as _limited  # a question stopped after ``limit`` seconds

    from budgetqa.answer import Session, ask

    doc_id = conn.execute("select max(id) from documents").fetchone()[0]
    names = {i: r[0] for i, r in enumerate(conn.execute("select name from names where document_id = ?", [doc_id]))}
    t0 = time.perf_counter()
    ask(conn, "2013105", Session(document_id=doc_id))
    print(f"ask: first question {1000 * (time.perf_counter() - t0):.0f} ms (reads the document)")
    times, floor, slow = [], [], {}
    for _ in range(rounds):
        for q in QUESTIONS:
            spent = _limited(limit, ask, conn, q, Session(document_id=doc_id))
            times.append(spent)
            if spent >= 0.1:
                slow[q] = max(spent, slow.get(q, 0))
            floor.append(timed(process.extract, q, names, scorer=fuzz.WRatio, limit=5))
    print(f"ONE REPORT in process: ask {ms(times)} (target p99 ≤ 30 ms; a question stopped at {limit:.0f} s counts "
          f"{limit:.0f} s); baseline rapidfuzz extract {ms(floor)}")
    for q, spent in sorted(slow.items(), key=lambda item: -item[1]):
        print(f"  slow: {spent * 1000:.0f} ms {q}")
    db = conn.execute("pragma database_list").fetchone()[2]
    for q in ("哪个部门人员经费最多", "各部门人员经费对比"):
        t0 = time.perf_counter()
        try:
            answer = subprocess.run([str(EXE), "ask", q, "--db", db], capture_output=True, text=True, timeout=60)
            print(f"  across through budgetqa ask: {q}: {time.perf_counter() - t0:.1f} s ({answer.stdout.strip()[:70]}…)")
        except subprocess.TimeoutExpired:
            print(f"  across through budgetqa ask: {q}: did not finish in 60 s")


def as_process(db: Path, runs: int = 10) -> None:
    # An installed package has its bytecode; a checkout run with PYTHONDONTWRITEBYTECODE=1 compiles every
    # module at each start (half a second): compile them once, as an install would.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "budgetqa")], check=True, capture_output=True)
    env = dict(os.environ, BUDGETQA_DB=str(db))
    bare, asked = [], []
    for _ in range(runs):
        bare.append(timed(subprocess.run, [sys.executable, "-c", "pass"], check=True))
        asked.append(timed(subprocess.run, [str(EXE), "ask", "2013105"], env=env, capture_output=True))
    print(f"PROCESS: budgetqa ask median {statistics.median(asked) * 1000:.0f} ms, max {max(asked) * 1000:.0f} ms "
          f"(target ≤ 300 ms); baseline python -c pass median {statistics.median(bare) * 1000:.0f} ms")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=10_000)
    ap.add_argument("--db", type=Path, default=None, help="reuse (or make and keep) this database")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--rounds", type=int, default=100)
    ap.add_argument("--parts", default="across,report,process", help="which measures to take (comma-separated)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        db = args.db or Path(tmp) / "province.db"
        if not db.exists():
            load(db, args.count, args.jobs, Path(tmp))
        from budgetqa.store import connect

        conn = connect(db, create_default=False)
        count = conn.execute("select count(*) from documents").fetchone()[0]
        print(f"{count} reports loaded ({db.stat().st_size / 1e9:.2f} GB); e.g. {mixed_meta(count - 1)[0]}")
        parts = args.parts.split(",")
        if "across" in parts:
            across_figures(conn, args.rounds)
        if "report" in parts:
            one_report(conn, max(1, args.rounds // 50))
        if "process" in parts:
            as_process(db)


if __name__ == "__main__":
    main()
