"""Fuzzed questions through budgetqa.answer.ask: no exception, and a bounded time for each.

Questions are made from the public question sets (the "q" of every tests/data/*.jsonl) by
mutations: characters deleted, doubled or swapped, punctuation, digits, pinyin, emoji, control and
odd characters put in, two questions mixed, and very long pastes. Each is asked alone (a new
Session) and, in turn, in one Session that runs through the whole stream (follow-ups lean on what
came before), on a database holding the bundled report and on one holding four corpus reports.

Prints the count, the exceptions (the first few with their question and traceback), p50/p99/max of
the time per question, the 10 slowest questions, and where the slowest one spends its time
(cProfile). Then a 25,000-character question with four reports loaded (target < 0.5 s).
Targets (issue 11): 0 exceptions, p99 ≤ 30 ms.

Usage: python bench/bench_fuzz_ask.py [--count 100000] [--minutes 15] [--seed 1]
A question still running after --limit seconds (default 10) is stopped and counted as that long.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import random
import signal
import statistics
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).parent.parent
# Four reports of four templates (a 预算 and a 决算, 万元 and 元).
FOUR_REPORTS = ("budget_shanghai_putuo_sifaju_2026_dept.txt", "final_shanghai_putuo_guihuaziyuanju_2024.txt",
                "budget_chongqing_swu_university_2024_dept.txt", "budget_shanghai_putuo_shiquanlu_street_2026_unit.txt")
PUNCTUATION = list("，。？！、；：“”‘’（）《》【】…—,.?!;:'\"()[]{}<>/\\|-+=*&^%$#@~` 　")
PINYIN = ["sangong", "jbzc", "xmzc", "renyuanjingfei", "rygf", "gongyongjingfei", "zhichu", "shouru", "sgjf",
          "jiguanyunxing", "caigou", "zongji", "heji", "duoshao", "ma", "ne", "xmzc2024"]
EMOJI = ["😀", "💰", "📊", "🤔", "👍", "🇨🇳", "❤️", "🧾", "\u200d", "👨‍👩‍👧"]
ODD = ["\x00", "\x08", "\t", "\n", "\r\n", "\u3000", "\ufeff", "\u202e", "\u0301", "\ud7ff", "ﾞ", "Ⅻ", "①", "㈠",
       "壹", "萬", "億", "％", "‰", "¥", "￥", "＄", "\u00a0"]
DIGITS = ["2013105", "201", "20131", "0", "00", "1", "12.5", "1,084.38", "-3", "100%", "2024", "2023年", "3.14159",
          "999999999999", "1e5", "½", "一百二十", "第3", "表3", "前5", "0.001", "１２３"]
LONG_PASTE = (1_000, 5_000, 25_000)


def public_questions() -> list[str]:
    """Every "q" of the public question sets, once each, in file order."""
    out: dict[str, None] = {}
    for path in sorted((ROOT / "tests/data").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                q = json.loads(line).get("q")
                if isinstance(q, str) and q:
                    out[q] = None
    return list(out)


def _spot(rng: random.Random, text: str) -> int:
    return rng.randrange(len(text) + 1)


def mutate(rng: random.Random, base: str, pool: list[str]) -> tuple[str, str]:
    """One mutation of ``base`` (questions of ``pool`` to mix in): (kind, question)."""
    kind = rng.choice(["delete", "duplicate", "swap", "punctuation", "digits", "pinyin", "emoji", "odd", "mix",
                       "mix", "several", "case", "truncate", "repeat", "long", "chars", "original"])
    q = base
    if kind == "long" and rng.random() < 0.9:  # long pastes are rare: most "long" draws are a few hundred chars
        kind = "repeat"
    if kind == "delete" and q:
        for _ in range(rng.randint(1, max(1, len(q) // 3))):
            if q:
                i = rng.randrange(len(q))
                q = q[:i] + q[i + rng.randint(1, 3):]
    elif kind == "duplicate" and q:
        i = rng.randrange(len(q))
        j = min(len(q), i + rng.randint(1, 6))
        q = q[:j] + q[i:j] * rng.randint(1, 4) + q[j:]
    elif kind == "swap" and len(q) > 1:
        chars = list(q)
        for _ in range(rng.randint(1, 4)):
            i = rng.randrange(len(chars) - 1)
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        q = "".join(chars)
    elif kind in ("punctuation", "digits", "pinyin", "emoji", "odd"):
        source = {"punctuation": PUNCTUATION, "digits": DIGITS, "pinyin": PINYIN, "emoji": EMOJI, "odd": ODD}[kind]
        for _ in range(rng.randint(1, 5)):
            i = _spot(rng, q)
            q = q[:i] + rng.choice(source) + q[i:]
        if kind == "punctuation" and rng.random() < 0.1:
            q = "".join(rng.choice(PUNCTUATION) for _ in range(rng.randint(1, 8)))  # punctuation only
    elif kind == "mix":
        other = rng.choice(pool)
        if rng.random() < 0.5:
            q = q[: _spot(rng, q)] + other[_spot(rng, other):]
        else:  # interleaved characters
            q = "".join(a + b for a, b in zip(q, other)) + q[len(other):] + other[len(q):]
    elif kind == "several":
        q = rng.choice(["，", "。", "？", "；", " ", "\n", ""]).join([q, *rng.sample(pool, rng.randint(1, 4))])
    elif kind == "case":
        q = q.swapcase() if rng.random() < 0.5 else "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in q)
    elif kind == "truncate" and q:
        q = q[: rng.randrange(len(q))] if rng.random() < 0.5 else q[rng.randrange(len(q)):]
    elif kind == "repeat":
        q = (q + rng.choice(["", "，", " "])) * rng.randint(2, max(2, 400 // max(1, len(q))))
    elif kind == "long":
        size = rng.choice(LONG_PASTE)
        q = (q * (size // max(1, len(q)) + 1))[:size]
    elif kind == "chars":
        q = "".join(chr(rng.choice([rng.randint(0x20, 0x7e), rng.randint(0x4e00, 0x9fff), rng.randint(0x3000, 0x303f),
                                    rng.randint(0xff00, 0xffef), rng.randint(0x80, 0x2fff)]))
                    for _ in range(rng.randint(0, 40)))
    return kind, q


def questions(seed: int, count: int) -> list[tuple[str, str]]:
    """``count`` (kind, question) pairs, the same for the same seed."""
    rng = random.Random(seed)
    pool = public_questions()
    return [mutate(rng, rng.choice(pool), pool) for _ in range(count)]


def make_databases(folder: Path) -> dict[str, Path]:
    """{'bundled': a database with the bundled report, 'four': one with four corpus reports}."""
    from budgetqa.parser import parse_file
    from budgetqa.store import bundled_report, load_document

    bundled, four = folder / "bundled.db", folder / "four.db"
    load_document(bundled, parse_file(bundled_report()))
    for name in FOUR_REPORTS:
        load_document(four, parse_file(ROOT / "tests/data/corpus" / name))
    return {"bundled": bundled, "four": four}


class _Stopped(Exception):
    pass


@dataclass
class Asked:
    """One question asked: where, how, how long, and what went wrong."""

    db: str
    mode: str  # alone | session
    kind: str
    question: str
    seconds: float
    cpu: float = 0.0  # CPU seconds (wall time on a shared machine includes others' work)
    error: str = ""  # the traceback
    stopped: bool = False


@dataclass
class Run:
    asked: list[Asked] = field(default_factory=list)
    cpu: float = 0.0


def ask_timed(conn, question: str, session, limit: float) -> tuple[float, float, str, bool]:
    """(seconds, CPU seconds, traceback or '', stopped) of one ask(); stopped at ``limit`` seconds by SIGALRM."""
    from budgetqa.answer import Answer, ask

    def stop(signum, frame):
        raise _Stopped

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, limit)
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        answer = ask(conn, question, session)
        if not isinstance(answer, Answer):
            raise TypeError(f"ask returned {type(answer).__name__}")
        return time.perf_counter() - t0, time.process_time() - c0, "", False
    except _Stopped:
        return limit, limit, "", True
    except Exception:  # noqa: BLE001 - every exception is a finding
        return time.perf_counter() - t0, time.process_time() - c0, traceback.format_exc(), False
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run(dbs: dict[str, Path], stream: list[tuple[str, str]], limit: float, deadline: float | None = None) -> Run:
    """Ask each question alone and in one running Session, on each database, until ``deadline``."""
    from budgetqa.answer import Session, ask
    from budgetqa.store import connect

    out = Run()
    conns = {name: connect(path, create_default=False) for name, path in dbs.items()}
    sessions = {name: Session() for name in dbs}
    for conn in conns.values():
        ask(conn, "预热", Session())  # the documents are read once per process, then kept
    c0 = time.process_time()
    for kind, q in stream:
        if deadline is not None and time.monotonic() > deadline:
            break
        for name, conn in conns.items():
            for mode, session in (("alone", Session()), ("session", sessions[name])):
                seconds, cpu, error, stopped = ask_timed(conn, q, session, limit)
                out.asked.append(Asked(name, mode, kind, q, seconds, cpu, error, stopped))
                if error or stopped:  # a session that failed may be in any state: start a new one
                    sessions[name] = Session()
    out.cpu = time.process_time() - c0
    for conn in conns.values():
        conn.close()
    return out


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def shown(q: str, width: int = 70) -> str:
    text = repr(q)
    return text if len(text) <= width else f"{text[:width]}… ({len(q):,} chars)"


_CONNS: dict[Path, object] = {}


def retime(db: Path, question: str) -> float:
    """Seconds one ask() of ``question`` alone takes now."""
    from budgetqa.answer import Session, ask
    from budgetqa.store import connect

    conn = _CONNS.get(db) or _CONNS.setdefault(db, connect(db, create_default=False))
    t0 = time.perf_counter()
    ask(conn, question, Session())
    return time.perf_counter() - t0


def profile_of(db: Path, question: str, mode_session, top: int = 14) -> str:
    """cProfile of one ask() (the question asked once before, so the profile is of the question)."""
    from budgetqa.answer import Session, ask
    from budgetqa.store import connect

    conn = connect(db, create_default=False)
    ask(conn, question, Session())
    profile = cProfile.Profile()
    profile.enable()
    ask(conn, question, mode_session or Session())
    profile.disable()
    conn.close()
    text = io.StringIO()
    pstats.Stats(profile, stream=text).sort_stats("cumulative").print_stats(top)
    lines = [line for line in text.getvalue().splitlines() if line.strip()]
    start = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
    return "\n".join(lines[start:])


def report(result: Run, dbs: dict[str, Path], traces: int = 5) -> None:
    asked = result.asked
    times = [a.seconds for a in asked]
    errors = [a for a in asked if a.error]
    stopped = [a for a in asked if a.stopped]
    questions_asked = len(asked) // (2 * len(dbs)) if dbs else 0
    print(f"{questions_asked:,} fuzzed questions, each asked alone and in one session on {len(dbs)} databases: "
          f"{len(asked):,} asks in {result.cpu:.0f} CPU-s")
    print(f"EXCEPTIONS: {len(errors)}; stopped at the limit: {len(stopped)}")
    cpus = [a.cpu for a in asked]
    print(f"TIME per question: p50 {statistics.median(times) * 1000:.2f} ms, p99 {pct(times, 0.99) * 1000:.2f} ms, "
          f"max {max(times) * 1000:.0f} ms (target p99 ≤ 30 ms); CPU p50 {statistics.median(cpus) * 1000:.2f} ms, "
          f"p99 {pct(cpus, 0.99) * 1000:.2f} ms, max {max(cpus) * 1000:.0f} ms")
    for db in dbs:
        for mode in ("alone", "session"):
            part = [a.seconds for a in asked if a.db == db and a.mode == mode]
            if part:
                print(f"  {db:8s} {mode:8s} p50 {statistics.median(part) * 1000:6.2f} ms  p99 "
                      f"{pct(part, 0.99) * 1000:7.2f} ms  max {max(part) * 1000:7.0f} ms  (n={len(part)})")
    by_kind: dict[str, list[float]] = {}
    for a in asked:
        by_kind.setdefault(a.kind, []).append(a.seconds)
    print("  by mutation: " + "; ".join(f"{k} p99 {pct(v, 0.99) * 1000:.1f}" for k, v in sorted(by_kind.items())))
    seen: set[str] = set()
    for a in errors:
        first = a.error.strip().splitlines()[-1]
        if first in seen:
            continue
        seen.add(first)
        if len(seen) > traces:
            break
        print(f"--- exception on {a.db} ({a.mode}, {a.kind}): {shown(a.question, 200)}\n{a.error}")
    if errors:
        kinds: dict[str, int] = {}
        for a in errors:
            last = a.error.strip().splitlines()[-1]
            kinds[last] = kinds.get(last, 0) + 1
        print("exceptions by message: " + "; ".join(f"{n} × {k[:120]}" for k, n in sorted(kinds.items(), key=lambda x: -x[1])))
    # Slowest by CPU time (wall time on a shared machine counts others' work); each asked again
    # alone, best of three, to tell a question's own cost from a first-time cost or a pause.
    slowest: list[Asked] = []
    for a in sorted(asked, key=lambda a: -a.cpu):
        if (a.db, a.question) not in {(s.db, s.question) for s in slowest}:
            slowest.append(a)
        if len(slowest) == 10:
            break
    print("10 slowest (CPU; again = asked again alone, best of 3):")
    again = {}
    for a in slowest:
        again[id(a)] = min(retime(dbs[a.db], a.question) for _ in range(3))
        print(f"  {a.cpu * 1000:7.1f} ms CPU {a.seconds * 1000:7.1f} ms wall, again {again[id(a)] * 1000:6.1f} ms  "
              f"{a.db:7s} {a.mode:7s} {a.kind:11s} {shown(a.question)}")
    ordinary = sorted((a for a in slowest if len(a.question) <= 500), key=lambda a: -again[id(a)])
    worst = sorted(slowest, key=lambda a: -again[id(a)])
    for label, a in (("slowest", worst[0] if worst else None),
                     ("slowest of at most 500 characters", ordinary[0] if ordinary else None)):
        if a is not None:
            print(f"profile of the {label} again ({a.db}, asked alone): {shown(a.question)}")
            print(profile_of(dbs[a.db], a.question, None))


def long_question(dbs: dict[str, Path], limit: float) -> None:
    """The issue's case: a pasted 25,000-character question with four reports loaded (target < 0.5 s)."""
    from budgetqa.answer import Session
    from budgetqa.store import connect

    conn = connect(dbs["four"], create_default=False)
    for base in ("各部门人员经费对比", "基本支出多少", "2013105"):
        q = (base * (25_000 // len(base) + 1))[:25_000]
        seconds, _, error, stopped = ask_timed(conn, q, Session(), limit)
        state = "stopped" if stopped else ("EXCEPTION " + error.strip().splitlines()[-1] if error else "answered")
        print(f"LONG: {base!r} × to 25,000 characters, four reports: {seconds * 1000:.0f} ms ({state}; target < 500 ms)")
    conn.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=100_000, help="fuzzed questions (each asked 4 times)")
    ap.add_argument("--minutes", type=float, default=15.0, help="stop asking after this long")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--limit", type=float, default=10.0, help="seconds before one question is stopped")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="fuzz-ask-") as tmp:
        dbs = make_databases(Path(tmp))
        stream = questions(args.seed, args.count)
        result = run(dbs, stream, args.limit, time.monotonic() + args.minutes * 60)
        report(result, dbs)
        long_question(dbs, args.limit)
    sys.exit(1 if any(a.error or a.stopped for a in result.asked) else 0)


if __name__ == "__main__":
    main()
