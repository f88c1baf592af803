"""What a load stores for every corpus report, row for row, against the digest kept in tests/data.

Work that makes loading faster must not change a stored byte. When a change to what is stored is
meant (the parser reads something new, the lexicon grows), write the digest again:
``python bench/dump_store.py --digest tests/data/store_digest.json`` (and say so in the commit).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from dump_store import dump_all  # noqa: E402

DIGEST = ROOT / "tests/data/store_digest.json"
REGENERATE = "python bench/dump_store.py --digest tests/data/store_digest.json"


def _differences(got: dict, want: dict) -> list[str]:
    return [f"{report} {table}: {got.get(report, {}).get(table)} != {want.get(report, {}).get(table)}"
            for report in sorted(set(got) | set(want))
            for table in sorted(set(got.get(report, {})) | set(want.get(report, {})))
            if got.get(report, {}).get(table) != want.get(report, {}).get(table)]


def test_every_table_of_every_corpus_report_is_stored_as_before():
    want = json.loads(DIGEST.read_text(encoding="utf-8"))
    differ = _differences(dump_all(), want)
    assert not differ, (f"{len(differ)} stored tables changed (rows, digest); if the change is meant, run "
                        f"{REGENERATE}:\n" + "\n".join(differ[:20]))


def test_a_load_stores_the_same_rows_in_the_same_order_whatever_the_hash_seed():
    # A set's order follows PYTHONHASHSEED: rows built by iterating one came out in a different
    # order from one process to the next (names of a table's title and its core).
    digests = []
    for seed in ("1", "2"):
        out = subprocess.run([sys.executable, "-c", "import json, sys; sys.path.insert(0, 'bench');"
                              " from dump_store import dump_all; print(json.dumps(dump_all()))"],
                             cwd=ROOT, capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONHASHSEED": seed})
        digests.append(json.loads(out.stdout))
    assert not _differences(*digests)
