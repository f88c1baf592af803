"""Where a load of the bundled report spends its time: the parser's steps and the store's, in ms.

Each step is timed on its own (time.perf_counter and time.process_time, medians of --repeat runs),
in the order load_document runs them; `--profile` prints cProfile's top functions instead.
Usage: python bench/load_splits.py [--repeat 30] [--profile] [--file REPORT]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import tempfile
import time
from pathlib import Path

from budgetqa.checks import check_document
from budgetqa.parser import parse_file
from budgetqa.reading import read_report
from budgetqa.schema import _passages, _table_tuples, document_rows
from budgetqa.store import Writer, bundled_report, load_document


def steps(path: Path, db: Path) -> list[tuple[str, callable]]:
    from budgetqa.gazetteer import name_rows
    from budgetqa.standard import standard_figures

    state = {}

    def parse():
        state["doc"] = parse_file(path)

    def check():
        state["findings"] = check_document(state["doc"])

    def rows():
        state["prepared"] = document_rows(state["doc"], state["findings"])

    def write():
        with Writer(db) as writer:
            writer.store(state["prepared"])

    return [
        ("read file", lambda: read_report(path)),
        ("parse (incl. read)", parse),
        ("  check_document", check),
        ("  document_rows", rows),
        ("    tables/rows/items tuples", lambda: _table_tuples(state["doc"])),
        ("    names (gazetteer)", lambda: name_rows(0, state["doc"])),
        ("    standard figures", lambda: standard_figures(state["doc"])),
        ("    passages", lambda: list(_passages(state["doc"]))),
        ("  write (open, delete old, insert, commit)", write),
    ]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--file", type=Path, default=None)
    args = ap.parse_args()
    path = args.file or bundled_report()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "splits.db"
        load_document(db, parse_file(path))  # imports, and a database to replace into
        if args.profile:
            profile = cProfile.Profile()
            profile.enable()
            for _ in range(args.repeat):
                load_document(db, parse_file(path))
            profile.disable()
            pstats.Stats(profile).sort_stats("tottime").print_stats(40)
            return
        named = steps(path, db)
        wall = {name: [] for name, _ in named}
        cpu = {name: [] for name, _ in named}
        for _ in range(args.repeat):
            for name, step in named:
                w, c = time.perf_counter(), time.process_time()
                step()
                wall[name].append(time.perf_counter() - w)
                cpu[name].append(time.process_time() - c)
        for name, _ in named:
            print(f"{name:45s} wall {statistics.median(wall[name]) * 1000:6.2f} ms   "
                  f"cpu {statistics.median(cpu[name]) * 1000:6.2f} ms")


if __name__ == "__main__":
    main()
