"""Loading many report files into one database: read in parallel processes, stored by one writer.

    files ──worker processes: read, parse, check, rows──▶ one writer ──batches of savepoints──▶ SQLite

A file whose bytes were loaded before (the same sha256) is skipped, so a load that was interrupted
resumes where it stopped. An interrupt (SIGINT) stops at the next document: every document stored
until then is committed, none is half-written.
"""

from __future__ import annotations

import hashlib
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from budgetqa.models import ReportError

# Suffixes of the report files a directory is searched for (a file named on its own is read whatever its name).
REPORT_SUFFIXES = (".txt", ".pdf")
# Commit the open batch after this many seconds: an interrupt or a crash loses at most this much work
# (and never half a document), while a commit's fsync is paid once per batch, not per document.
BATCH_SECONDS = 1.0
# Below this many files the reports are read in this process (starting workers costs more).
PARALLEL_FROM = 4

LOADED, REPLACED, SKIPPED, REFUSED = "loaded", "replaced", "skipped", "refused"


@dataclass
class Outcome:
    """What became of one file."""

    path: Path
    status: str  # loaded, replaced, skipped, refused
    label: str = ""  # 部门 年度 类型 of the report
    document_id: int | None = None  # the stored document (for skipped: the one already loaded)
    reason: str = ""  # why a file was refused
    replaced: list[dict] = field(default_factory=list)  # id, source_name, loaded_at of each replaced document
    read: dict = field(default_factory=dict)  # how well the report was read: the documents row (tables_read …, notes)


@dataclass
class Summary:
    """What a load did, file by file, and whether it was interrupted."""

    outcomes: list[Outcome] = field(default_factory=list)
    total: int = 0  # files found
    interrupted: bool = False
    seconds: float = 0.0

    def count(self, *statuses: str) -> int:
        """How many files ended in one of these statuses."""
        return sum(1 for o in self.outcomes if o.status in statuses)

    @property
    def refused(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == REFUSED]


def report_files(paths: Iterable[str | Path]) -> list[Path]:
    """Each file given, and the report files (.txt, .pdf) under each directory given, in name order.

    Hidden files and folders are left out; a path that does not exist is kept (its load says so).
    """
    out: list[Path] = []
    for path in map(Path, paths):
        if not path.is_dir():
            out.append(path)
            continue
        found = []
        for folder, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found += [Path(folder) / f for f in files
                      if not f.startswith(".") and f.lower().endswith(REPORT_SUFFIXES)]
        out += sorted(found)
    return list(dict.fromkeys(out))


def file_sha256(path: Path) -> str:
    """The sha256 of a file's bytes (what documents.sha256 holds)."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_LOADED: frozenset[str] = frozenset()  # in a worker: the sha256 of the files already loaded


def _start_worker(loaded: frozenset[str]) -> None:
    """A worker leaves interrupts to the process that writes, and knows what is already loaded."""
    global _LOADED
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _LOADED = loaded


def prepare_file(path: Path) -> tuple:
    """Read, parse and check one file into the rows it becomes (run in a worker process).

    Returns (status, detail, prepared): ('skipped', sha256, None), ('refused', reason, None),
    or ('parsed', label, Prepared).
    """
    from budgetqa.checks import check_document
    from budgetqa.parser import parse_file
    from budgetqa.schema import document_rows

    try:
        if path.is_file() and file_sha256(path) in _LOADED:
            return SKIPPED, "", None
        doc = parse_file(path)
        prepared = document_rows(doc, check_document(doc))
    except ReportError as exc:
        return REFUSED, " ".join(str(exc).split()), None
    except OSError as exc:
        return REFUSED, f"{path}：无法读取（{exc.strerror or exc}）", None
    except Exception as exc:  # noqa: BLE001 - a bug in reading one report must not stop the others
        return REFUSED, f"{path}：读取时出错（{type(exc).__name__}: {exc}），请报告这个问题", None
    return "parsed", f"{doc.department} {doc.year or ''} {doc.kind}".replace("  ", " "), prepared


class _Interrupts:
    """Turns SIGINT into a flag while a load runs (in the main thread), so it stops between documents."""

    def __init__(self) -> None:
        self.stop = False
        self._previous = None

    def __enter__(self) -> _Interrupts:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def _handle(self, signum, frame) -> None:
        self.stop = True

    def __exit__(self, *exc) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


def load_files(db_path: str | Path, paths: Iterable[str | Path], *, jobs: int | None = None,
               on_outcome: Callable[[Outcome, int, int], None] | None = None) -> Summary:
    """Load report files and folders into one database; return what became of each file.

    Files are read in ``jobs`` worker processes (default: one per core) and stored, in the order
    given, by this process; a file whose bytes are already loaded is skipped. ``on_outcome`` is
    called with each file's outcome, the number done and the number of files. A SIGINT stops the
    load after the document being stored: the summary says it was interrupted.
    A database that cannot be written raises ReportError (the documents stored until then stay).
    """
    from budgetqa.store import Writer

    start = time.monotonic()
    files = report_files(paths)
    summary = Summary(total=len(files))
    if not files:
        return summary
    with Writer(db_path) as writer:
        loaded = {sha: doc for sha, doc in writer.loaded().items()}
    jobs = max(1, jobs or os.cpu_count() or 1)
    parallel = jobs > 1 and len(files) >= PARALLEL_FROM
    # Workers start before the writer opens its connection: a forked process must not inherit it.
    results = _parallel(files, jobs, frozenset(loaded)) if parallel else _serial(files, frozenset(loaded))
    with _Interrupts() as interrupts, Writer(db_path) as writer:
        batch_started = None
        try:
            for path, (status, detail, prepared) in results:
                outcome = Outcome(path, status)
                if status == SKIPPED or (prepared is not None and prepared.document["sha256"] in loaded):
                    sha = prepared.document["sha256"] if prepared is not None else None
                    known = loaded.get(sha) if sha else loaded.get(file_sha256(path))
                    outcome.status = SKIPPED
                    if known:
                        outcome.document_id = known["id"]
                        outcome.label = f"{known['department']} {known['year'] or ''} {known['kind']}".replace("  ", " ")
                elif status == REFUSED:
                    outcome.reason = detail
                else:
                    if batch_started is None:
                        writer.begin_batch()
                        batch_started = time.monotonic()
                    stored = writer.store(prepared)
                    outcome.status = REPLACED if stored.replaced else LOADED
                    outcome.document_id, outcome.label, outcome.replaced = stored.id, detail, stored.replaced
                    doc = outcome.read = prepared.document
                    loaded[doc["sha256"]] = {"id": stored.id, "department": doc["department"], "year": doc["year"],
                                             "kind": doc["kind"], "source_name": doc["source_name"]}
                    if time.monotonic() - batch_started >= BATCH_SECONDS:
                        writer.commit()
                        batch_started = None
                summary.outcomes.append(outcome)
                if on_outcome is not None:
                    on_outcome(outcome, len(summary.outcomes), len(files))
                if interrupts.stop:
                    summary.interrupted = True
                    break
            writer.commit()
        except ReportError:
            _keep_what_was_stored(writer)
            raise
        finally:
            results.close()
    summary.seconds = time.monotonic() - start
    return summary


def _keep_what_was_stored(writer) -> None:
    """After a failed store, commit the documents stored before it in the batch (if the database still can)."""
    try:
        writer.commit()
    except ReportError:
        pass


def _serial(files: list[Path], loaded: frozenset[str]):
    """Each file read in this process, in order."""
    _start_loaded(loaded)
    for path in files:
        yield path, prepare_file(path)


def _start_loaded(loaded: frozenset[str]) -> None:
    global _LOADED
    _LOADED = loaded


class _parallel:
    """Each file read in a worker process; results in the order of the files, a few ahead at most
    (the prepared rows of a whole folder would not fit in memory). The workers start here, before
    the caller opens its database connection."""

    def __init__(self, files: list[Path], jobs: int, loaded: frozenset[str]):
        from concurrent.futures import ProcessPoolExecutor

        self.pool = ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(loaded,))
        self.pending: deque = deque()
        self.queue = iter(files)
        for path in self.queue:
            self.pending.append((path, self.pool.submit(prepare_file, path)))
            if len(self.pending) >= jobs * 4:
                break

    def __iter__(self):
        while self.pending:
            path, future = self.pending.popleft()
            result = future.result()
            following = next(self.queue, None)
            if following is not None:
                self.pending.append((following, self.pool.submit(prepare_file, following)))
            yield path, result

    def close(self) -> None:
        """Stop the workers (each finishes the file it is reading; the others are not started)."""
        self.pool.shutdown(wait=True, cancel_futures=True)
