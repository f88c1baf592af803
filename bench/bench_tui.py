"""How fast the app is ready and answers, next to a bare Textual App, and its peak memory.

Run: .venv/bin/python bench/bench_tui.py [--runs 10] [--questions 100]   (about a minute)

Targets: ready ≤ 0.35 s and within 2× of a bare App; Enter → rendered answer ≤ 50 ms; peak RSS ≤ 150 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUESTIONS = [
    "2013105", "一般行政管理事务", "2", "基本支出占比", "画报", "占比多少", "今年新安排的项目里哪个钱最多",
    "前五个呢", "表三合计对不对", "什么是三公经费", "公车几辆", "机关运行经费比2023年增加多少",
]

COLD = """
import asyncio, sys, time
start = time.perf_counter()
if sys.argv[1] == "bare":
    from textual.app import App
    app = App()
else:
    from budgetqa.tui.app import BudgetApp
    app = BudgetApp(sys.argv[2])
async def main():
    async with app.run_test(size=(100, 30)):
        print(time.perf_counter() - start)
asyncio.run(main())
"""


def skeleton_app():
    """A bare App with the chat's widgets and no data: what Textual itself needs to show that screen."""
    from textual.app import App
    from textual.containers import VerticalScroll
    from textual.widgets import Footer, Input, Static

    class Skeleton(App):
        def compose(self):
            with VerticalScroll():
                yield Static("welcome")
            yield Input()
            yield Static("status")
            yield Footer()

    return Skeleton()


def percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` of the values fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


async def ready_time(make_app) -> float:
    """Seconds from constructing the app to ready: first screen composed and mounted, on_mount done."""
    start = time.perf_counter()
    app = make_app()
    async with app.run_test(size=(100, 30)):
        return time.perf_counter() - start


async def answer_times(db: Path, count: int) -> tuple[list[float], list[float], list[float]]:
    """Seconds from the Enter key event to the new answer card on screen, the CPU seconds the process
    spent meanwhile (what other processes on a shared machine do not inflate), and ask() alone.

    Pilot.press() waits for the CPU to be idle (about 80 ms even in an empty app), so the Enter key is
    posted as an event and the card is awaited: placed by the compositor (it has a region) with its
    first line inside the transcript's view, which is the refresh that paints it. (A card placed below
    the view and scrolled up in a later refresh is not on screen until then.)
    """
    from textual import events

    from budgetqa.answer import Session, ask
    from budgetqa.store import connect
    from budgetqa.tui.app import BudgetApp
    from budgetqa.tui.chat import AnswerCard

    app = BudgetApp(db)
    app_times, cpu_times = [], []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for i in range(count):
            app.question_input.value = QUESTIONS[i % len(QUESTIONS)]
            await pilot.pause()  # typed (and completed) before Enter is pressed
            previous = app.transcript.children[-1]
            start, cpu = time.perf_counter(), time.process_time()
            app.post_message(events.Key("enter", "\r"))
            while True:
                card, view = app.transcript.children[-1], app.transcript.region
                if (card is not previous and isinstance(card, AnswerCard) and card.region.height
                        and view.y <= card.region.y < view.bottom):
                    break
                await asyncio.sleep(0.0002)
            app_times.append(time.perf_counter() - start)
            cpu_times.append(time.process_time() - cpu)
            await pilot.pause(0.6)  # a person reads the answer before the next question (the app collects garbage)
    conn = connect(db)
    session = Session()
    core_times = []
    for i in range(count):
        start = time.perf_counter()
        ask(conn, QUESTIONS[i % len(QUESTIONS)], session)
        core_times.append(time.perf_counter() - start)
    return app_times, cpu_times, core_times


def cold_start(kind: str, db: Path, runs: int) -> float:
    """Median seconds of a fresh interpreter importing and showing the app (imports included)."""
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", COLD, kind, str(db)], capture_output=True, text=True, check=True)
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--questions", type=int, default=100)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        # store.connect loads the bundled report; in another process, so that parsing is not in the RSS.
        subprocess.run([sys.executable, "-c", "import sys; from budgetqa.store import connect; connect(sys.argv[1])",
                        str(db)], check=True)
        # One session of questions first: the peak RSS is then that of a person using the app.
        app_times, cpu_times, core_times = asyncio.run(answer_times(db, args.questions))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux

        from textual.app import App

        from budgetqa.tui.app import BudgetApp

        asyncio.run(ready_time(App))  # warm up once
        asyncio.run(ready_time(lambda: BudgetApp(db)))
        bare = [asyncio.run(ready_time(App)) for _ in range(args.runs)]
        skeleton = [asyncio.run(ready_time(skeleton_app)) for _ in range(args.runs)]
        ours = [asyncio.run(ready_time(lambda: BudgetApp(db))) for _ in range(args.runs)]
        cold_bare = cold_start("bare", db, args.runs)
        cold_ours = cold_start("app", db, args.runs)

    ms = 1000
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (other processes slow the wall-clock figures)")
    bare_ready, our_ready = statistics.median(bare), statistics.median(ours)
    print(f"launch → ready, new interpreter (imports included), median of {args.runs}:")
    print(f"    BudgetApp {cold_ours:.3f} s   bare App {cold_bare:.3f} s   "
          f"ratio {cold_ours / cold_bare:.2f}×   (target ≤ 0.35 s, ≤ 2×)")
    print(f"launch → ready, in process (imports done), median of {args.runs}:")
    print(f"    BudgetApp {our_ready * ms:.1f} ms   bare App {bare_ready * ms:.1f} ms   "
          f"ratio {our_ready / bare_ready:.2f}×   (same widgets, no data: {statistics.median(skeleton) * ms:.1f} ms)")
    print(f"Enter → answer card on screen, {len(app_times)} questions:")
    print(f"    median {statistics.median(app_times) * ms:.1f} ms   p99 {percentile(app_times, 0.99) * ms:.1f} ms"
          f"   max {max(app_times) * ms:.1f} ms   (target ≤ 50 ms)")
    print(f"    CPU: median {statistics.median(cpu_times) * ms:.1f} ms   p99 {percentile(cpu_times, 0.99) * ms:.1f} ms"
          f"   (wall − CPU: time other processes held the cores)")
    print(f"    of which ask(): median {statistics.median(core_times) * ms:.1f} ms   "
          f"p99 {percentile(core_times, 0.99) * ms:.1f} ms")
    print(f"peak RSS after the question session: {peak:.0f} MB   (target ≤ 150 MB)")


if __name__ == "__main__":
    main()
