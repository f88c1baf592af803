"""The rows two versions of budgetqa store for the same inputs: the corpus reports and damaged
versions of them (bench/mutate.py), compared report by report.

A change meant only to make loading faster must give every input the same rows (or the same
refusal). This prints a digest of what each input becomes — every table's rows as document_rows
builds them, or the refusal's message — with one version, or compares two checkouts:

    python bench/compare_parse.py --count 2000 > after.txt
    PYTHONPATH=/path/to/other/checkout python /path/to/other/checkout/bench/compare_parse.py --count 2000 > before.txt
    diff before.txt after.txt   # or: python bench/compare_parse.py --diff before.txt after.txt

Inputs past the corpus are mutations seeded 0…count-1 (those the stress load makes), decoded as
the load decodes them; giant inputs are left out (--max-bytes) to keep the run short.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(Path(__file__).parent))


def inputs(count: int, max_bytes: int):
    """(name, bytes) of each corpus report, then of ``count`` seeded mutations of them."""
    from mutate import mutate

    reports = sorted((ROOT / "tests/data/corpus").glob("*.txt")) + sorted((ROOT / "data").glob("*.txt"))
    texts = [(p.name, p.read_bytes()) for p in reports]
    yield from texts
    for seed in range(count):
        rng = random.Random(seed)
        name, data = texts[seed % len(texts)]
        damaged = mutate(data.decode("utf-8"), rng)
        if len(damaged) <= max_bytes:
            yield f"{name}#mutation{seed}", damaged


def digest(name: str, data: bytes, folder: Path) -> str:
    """What one input becomes: a digest of its rows, or the refusal."""
    from budgetqa.checks import check_document
    from budgetqa.models import ReportError
    from budgetqa.parser import parse_file
    from budgetqa.schema import document_rows

    path = folder / "report.txt"
    path.write_bytes(data)
    try:
        doc = parse_file(path)
        prepared = document_rows(doc, check_document(doc))
    except ReportError as exc:
        message = str(exc).replace(str(folder), "<folder>")
        return "refused " + hashlib.sha256(message.encode()).hexdigest()[:16]
    except Exception as exc:  # noqa: BLE001 - a crash is an outcome to compare too
        return f"crashed {type(exc).__name__}"
    text = repr((prepared.document, sorted(prepared.rows.items()), prepared.targets))
    return "rows " + hashlib.sha256(text.encode()).hexdigest()[:16]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--max-bytes", type=int, default=400_000)
    ap.add_argument("--diff", nargs=2, type=Path, default=None, metavar=("BEFORE", "AFTER"))
    args = ap.parse_args()
    if args.diff:
        a, b = (dict(line.split("\t", 1) for line in p.read_text(encoding="utf-8").splitlines()) for p in args.diff)
        differ = [k for k in a if a[k] != b.get(k)] + [k for k in b if k not in a]
        for k in differ[:20]:
            print(f"{k}: {a.get(k, '-').strip()} != {b.get(k, '-').strip()}")
        print(f"{len(a)} inputs compared: {len(differ)} differ")
        sys.exit(1 if differ else 0)
    t0 = time.process_time()
    with tempfile.TemporaryDirectory(prefix="compare-parse-") as tmp:
        for name, data in inputs(args.count, args.max_bytes):
            print(f"{name}\t{digest(name, data, Path(tmp))}")
    print(f"{time.process_time() - t0:.1f} CPU-s", file=sys.stderr)


if __name__ == "__main__":
    main()
