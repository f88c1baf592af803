"""Parse + load time of the bundled report, and of 1,000 synthetic reports into one database.

Prints median / p99 per document and the database size. Targets: ≤ 30 ms per document,
≤ 60 s for 1,000. The baseline in the same run is reading the file and splitting its lines.
Usage: python bench/bench_load.py [--count 1000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import mixed_report, synthetic_report  # noqa: E402

from budgetqa.parser import parse_file, parse_text  # noqa: E402
from budgetqa.store import bundled_report, load_document  # noqa: E402


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--mixed", action="store_true", help="cycle through the four templates (issue: any province)")
    args = ap.parse_args()
    seed = bundled_report()
    baseline, parse_times, load_times, cpu_times = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        load_document(Path(tmp) / "seed.db", parse_file(seed))  # imports, first-use caches
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            seed.read_text(encoding="utf-8").split("\n")
            baseline.append(time.perf_counter() - t0)
            t0, c0 = time.perf_counter(), time.process_time()
            doc = parse_file(seed)
            t1 = time.perf_counter()
            load_document(Path(tmp) / "seed.db", doc)
            t2 = time.perf_counter()
            parse_times.append(t1 - t0)
            load_times.append(t2 - t1)
            cpu_times.append(time.process_time() - c0)
        total = [a + b for a, b in zip(parse_times, load_times)]
        # CPU time too: on a shared machine the wall time counts other processes' work.
        print(f"seed: parse median {statistics.median(parse_times) * 1000:.1f} ms, "
              f"store median {statistics.median(load_times) * 1000:.1f} ms, "
              f"parse+load median {statistics.median(total) * 1000:.1f} ms, p99 {pct(total, 0.99) * 1000:.1f} ms, "
              f"CPU median {statistics.median(cpu_times) * 1000:.1f} ms "
              f"(baseline read+split {statistics.median(baseline) * 1000:.2f} ms; target ≤ 30 ms)")
        if not args.count:
            return
        db = Path(tmp) / "many.db"
        make = mixed_report if args.mixed else synthetic_report
        texts = [make(i) for i in range(args.count)]
        per_doc = []
        t_all = time.perf_counter()
        for i, text in enumerate(texts):
            t0 = time.perf_counter()
            load_document(db, parse_text(text, f"synthetic_{i}.txt"))
            per_doc.append(time.perf_counter() - t0)
        elapsed = time.perf_counter() - t_all
        size = db.stat().st_size / 1e6
        kind = "mixed (4 templates)" if args.mixed else "synthetic"
        print(f"{args.count} {kind} documents: {elapsed:.1f} s in all, per document median "
              f"{statistics.median(per_doc) * 1000:.1f} ms, p99 {pct(per_doc, 0.99) * 1000:.1f} ms, "
              f"database {size:.1f} MB (target ≤ 60 s; mixed ≤ 120 s)")


if __name__ == "__main__":
    main()
