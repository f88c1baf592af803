"""Load thousands of damaged real reports (bench/mutate.py) through the real load path and report
what went wrong: tracebacks, loads over 5 s, hangs, and failed loads that changed the database.

Each mutation is loaded as ``budgetqa load`` does (parse_file, then load_document, which checks the
document and stores it in one transaction) into a copy of a database holding the bundled report,
in worker processes that are killed and replaced when a load hangs. A failed load must leave the
database file byte-identical. Every line of the summary names the mutation's seed: replay one with
``--replay SEED``. Targets: 0 tracebacks, 0 hangs, 0 loads over 5 s, 0 changed databases.
Usage: python bench/stress_load.py [--count 10000] [--jobs 2] [--seed 1] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing as mp
import random
import shutil
import statistics
import sys
import tempfile
import time
import traceback
from collections import Counter
from multiprocessing.connection import wait
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from mutate import mutate  # noqa: E402

ROOT = Path(__file__).parent.parent
SLOW = 5.0  # seconds: a load slower than this is reported
HANG = 60.0  # seconds: a worker still busy after this is killed and the mutation counted as a hang
MEMORY = 2 * 1024**3  # bytes a worker may use (past it a load fails with MemoryError, a traceback)
FILE_SIZE = 2 * 1024**3  # bytes a worker may write to one file (a database past it fails to write)
HUGE = 200 * 1024**2  # bytes: a database this large after loading one report is reported


def corpus_files(extra: Path | None) -> list[Path]:
    files = sorted((ROOT / "tests" / "data" / "corpus").glob("*.txt")) + sorted((ROOT / "data").glob("*.txt"))
    if extra:
        files += sorted(p for p in extra.glob("*.txt") if p.name not in {f.name for f in files})
    return files


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "missing"


def load_one(texts: list[str], seed: int, work: Path, base_db: Path) -> dict:
    """Make mutation ``seed``, load it into a fresh copy of the base database, say what happened."""
    from budgetqa.models import ReportError
    from budgetqa.parser import parse_file
    from budgetqa.store import load_document

    rng = random.Random(seed)
    source = rng.randrange(len(texts))
    data = mutate(texts[source], rng)
    path = work / f"mutated_{seed}.txt"
    path.write_bytes(data)
    db = work / "stress.db"
    shutil.copyfile(base_db, db)
    before = digest(db)
    result = {"seed": seed, "source": source, "bytes": len(data)}
    t0 = time.perf_counter()
    try:
        load_document(db, parse_file(path))
        result["outcome"] = "loaded"
    except ReportError as exc:
        result["outcome"] = "refused"
        result["reason"] = _reason(str(exc))
    except BaseException as exc:  # noqa: BLE001 - everything else is what this script looks for
        result["outcome"] = "traceback"
        frames = traceback.extract_tb(exc.__traceback__)
        where = next((f for f in reversed(frames) if "budgetqa" in f.filename), frames[-1] if frames else None)
        result["reason"] = f"{type(exc).__name__} at {Path(where.filename).name}:{where.lineno} {where.name}" if where else type(exc).__name__
        result["detail"] = "".join(traceback.format_exception(exc))[-2000:]
    result["seconds"] = time.perf_counter() - t0
    if result["outcome"] != "loaded":
        result["db_unchanged"] = digest(db) == before
    result["db_bytes"] = db.stat().st_size
    path.unlink()
    return result


_REASONS = {
    "truncated": "truncated", "截断": "cut inside a character", "二进制文件": "binary file",
    "not a budget disclosure": "not a budget disclosure", "文件太大": "too large",
    "figures on one row": "too many figures on a row", "characters; a report's lines": "giant line",
    "无法识别文字编码": "not readable as text", "文件是空的": "empty", "could not be written": "database not written",
}


def _reason(message: str) -> str:
    """The kind of refusal, without the file name and the figures."""
    return next((kind for key, kind in _REASONS.items() if key in message), message.split("：")[-1][:60])


def worker(conn, texts: list[str], work: Path, base_db: Path) -> None:
    try:
        import resource
        import signal

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
        # A write past FILE_SIZE fails (EFBIG) instead of killing the worker.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_SIZE, FILE_SIZE))
    except (ImportError, ValueError, OSError, AttributeError):
        pass
    while True:
        seed = conn.recv()
        if seed is None:
            return
        conn.send(load_one(texts, seed, work, base_db))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=10_000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1, help="first mutation's seed (the others follow)")
    ap.add_argument("--corpus", type=Path, help="a folder of more report .txt files")
    ap.add_argument("--replay", type=int, help="load one mutation in this process and print what happened")
    args = ap.parse_args()

    from budgetqa.parser import parse_file
    from budgetqa.reading import read_report
    from budgetqa.store import bundled_report, load_document

    files = corpus_files(args.corpus)
    texts = [read_report(f)[0] for f in files]
    tmp = Path(tempfile.mkdtemp(prefix="budgetqa-stress-"))
    base_db = tmp / "base.db"
    load_document(base_db, parse_file(bundled_report()))
    if args.replay is not None:
        result = load_one(texts, args.replay, tmp, base_db)
        print(result.pop("detail", ""), result, f"source {files[result['source']].name}")
        shutil.rmtree(tmp)
        return

    ctx = mp.get_context("fork" if sys.platform != "win32" else "spawn")
    seeds = iter(range(args.seed, args.seed + args.count))
    busy: dict = {}  # connection -> (process, seed, started)

    def start(slot: int):
        work = tmp / f"worker{slot}"
        work.mkdir(exist_ok=True)
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=worker, args=(child, texts, work, base_db), daemon=True)
        proc.start()
        return parent, proc

    idle = [start(k) + (k,) for k in range(args.jobs)]
    results: list[dict] = []
    t_all = time.perf_counter()
    done = False
    while not done or busy:
        while idle and not done:
            seed = next(seeds, None)
            if seed is None:
                done = True
                break
            conn, proc, slot = idle.pop()
            conn.send(seed)
            busy[conn] = (proc, seed, time.monotonic(), slot)
        if not busy:
            break
        for conn in wait(list(busy), timeout=1.0):
            proc, seed, _, slot = busy.pop(conn)
            try:
                results.append(conn.recv())
            except EOFError:  # the worker died (killed by the system for memory, a crash)
                results.append({"seed": seed, "outcome": "traceback", "reason": "worker died", "seconds": 0.0})
                conn, proc = start(slot)
            idle.append((conn, proc, slot))
            if len(results) % 500 == 0:
                print(f"  {len(results)} done, {time.perf_counter() - t_all:.0f} s", file=sys.stderr)
        now = time.monotonic()
        for conn, (proc, seed, started, slot) in list(busy.items()):
            if now - started > HANG:
                proc.kill()
                proc.join()
                busy.pop(conn)
                results.append({"seed": seed, "outcome": "hang", "seconds": now - started})
                idle.append(start(slot) + (slot,))
    for conn, proc, _ in idle:
        conn.send(None)
        proc.join(timeout=5)
    shutil.rmtree(tmp, ignore_errors=True)
    report(results, files, time.perf_counter() - t_all)


def report(results: list[dict], files: list[Path], elapsed: float) -> None:
    outcomes = Counter(r["outcome"] for r in results)
    seconds = sorted(r["seconds"] for r in results)
    slow = [r for r in results if r["seconds"] > SLOW]
    failed = [r for r in results if r["outcome"] in ("refused", "traceback")]
    changed = [r for r in failed if not r.get("db_unchanged", True)]
    huge = [r for r in results if r.get("db_bytes", 0) > HUGE or r.get("reason") == "database not written"]
    sizes = [r["db_bytes"] for r in results if "db_bytes" in r]
    print(f"{len(results)} mutations of {len(files)} reports in {elapsed:.0f} s: "
          + ", ".join(f"{n} {k}" for k, n in outcomes.most_common()))
    print(f"load time: median {statistics.median(seconds) * 1000:.0f} ms, "
          f"p99 {seconds[int(0.99 * (len(seconds) - 1))] * 1000:.0f} ms, max {seconds[-1]:.2f} s; "
          f"over {SLOW:.0f} s: {len(slow)}")
    print(f"failed loads that changed the database: {len(changed)} of {len(failed)}")
    print(f"largest database after one load: {max(sizes, default=0) / 1024**2:.1f} MB; "
          f"over {HUGE // 1024**2} MB or not writable: {len(huge)}")
    refusals = Counter(r["reason"] for r in results if r["outcome"] == "refused")
    print("refused: " + ", ".join(f"{n} {k}" for k, n in refusals.most_common(8)))
    for label, rows in (("traceback", [r for r in results if r["outcome"] == "traceback"]),
                        ("hang", [r for r in results if r["outcome"] == "hang"]),
                        ("slow", slow), ("changed database", changed), ("huge database", huge)):
        by_reason: dict[str, list[int]] = {}
        for r in rows:
            by_reason.setdefault(r.get("reason", label), []).append(r["seed"])
        for reason, seeds in by_reason.items():
            print(f"  {label}: {reason} ×{len(seeds)} (seeds {', '.join(map(str, seeds[:8]))}; replay one with --replay SEED)")
    if outcomes["traceback"] or outcomes["hang"] or slow or changed or huge:
        sys.exit(1)


if __name__ == "__main__":
    main()
