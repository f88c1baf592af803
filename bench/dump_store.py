"""Every row budgetqa stores for each report of the corpus, dumped in order, to compare two versions.

A change meant to make loading faster must not change a byte of what is stored. This loads each
report (tests/data/corpus/*.txt, data/*.txt) into a fresh database through the real load path, then
all of them into one database (replacing, ids), and writes every table of each (rows in rowid order,
the schema, the FTS shadow tables) as JSON lines; only ``documents.loaded_at`` (the clock) is masked.

tests/test_store_digest.py compares a digest of each table with tests/data/store_digest.json; when a
change to what is stored is meant (a parser or lexicon change), write it again with --digest.

Usage:
    python bench/dump_store.py OUT.jsonl            # dump
    python bench/dump_store.py OUT.jsonl --compare BEFORE.jsonl   # dump, then say what differs
    python bench/dump_store.py --digest tests/data/store_digest.json   # the digest the test compares
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).parent.parent


def report_paths() -> list[Path]:
    """The corpus reports and the bundled one, in name order."""
    return sorted((ROOT / "tests/data/corpus").glob("*.txt")) + sorted((ROOT / "data").glob("*.txt"))


def dump_database(path: Path) -> list[dict]:
    """Every table of a database as records {table, row} in rowid order (schema first)."""
    conn = sqlite3.connect(path)
    out = [{"table": "sqlite_master", "row": list(r)} for r in
           conn.execute("select type, name, tbl_name, sql from sqlite_master order by type, name")]
    out.append({"table": "pragma", "row": [conn.execute("pragma application_id").fetchone()[0],
                                           conn.execute("pragma user_version").fetchone()[0]]})
    tables = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table'"
                                         " and sql not like 'CREATE VIRTUAL%' order by name")]
    for table in tables:
        columns = [c[1] for c in conn.execute(f"pragma table_info([{table}])")]
        without_rowid = "WITHOUT ROWID" in (conn.execute("select sql from sqlite_master where name = ?",
                                                         [table]).fetchone()[0] or "").upper()
        order = "" if without_rowid else " order by rowid"
        for row in conn.execute(f"select * from [{table}]{order}"):
            row = [v.hex() if isinstance(v, bytes) else v for v in row]
            if table == "documents":
                row[columns.index("loaded_at")] = "<loaded_at>"
            out.append({"table": table, "row": row})
    conn.close()
    return out


def dump_all(out=None) -> dict[str, dict[str, str]]:
    """Load every report alone, then all together; write the dumps to ``out`` (when given); return the
    sha256 of each table of each database, with its row count: {report: {table: "rows sha256"}}."""
    from budgetqa.parser import parse_file
    from budgetqa.store import load_document

    digests = {}
    with tempfile.TemporaryDirectory(prefix="dump-store-") as tmp:
        together = Path(tmp) / "all.db"
        cases = []
        for path in report_paths():
            alone = Path(tmp) / f"{path.stem}.db"
            load_document(alone, parse_file(path))
            load_document(together, parse_file(path))
            cases.append((path.name, alone))
        load_document(together, parse_file(report_paths()[0]))  # a replacement: a new id, old rows gone
        cases.append(("<all reports in one database>", together))
        for name, db in cases:
            tables: dict[str, list[str]] = {}
            for record in dump_database(db):
                line = json.dumps({"report": name, **record}, ensure_ascii=False)
                if out is not None:
                    out.write(line + "\n")
                tables.setdefault(record["table"], []).append(line)
            digests[name] = {table: f"{len(lines)} {hashlib.sha256(chr(10).join(lines).encode()).hexdigest()}"
                             for table, lines in tables.items()}
    return digests


def compare(before: Path, after: Path, limit: int = 20) -> int:
    """Print the first records that differ, per report and table; return how many differ."""
    def read(path):
        groups: dict[tuple[str, str], list[str]] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            groups.setdefault((record["report"], record["table"]), []).append(line)
        return groups

    a, b = read(before), read(after)
    differ = 0
    for key in sorted(set(a) | set(b)):
        rows_a, rows_b = a.get(key, []), b.get(key, [])
        if rows_a == rows_b:
            continue
        differ += 1
        reordered = " (the same rows in another order)" if sorted(rows_a) == sorted(rows_b) else ""
        print(f"DIFFERS: {key[0]} {key[1]}: {len(rows_a)} rows before, {len(rows_b)} after{reordered}")
        shown = 0
        for i, (x, y) in enumerate(zip(rows_a, rows_b)):
            if x != y and shown < 3:
                print(f"  row {i}:\n    before {x[:300]}\n    after  {y[:300]}")
                shown += 1
        if differ >= limit:
            break
    total = sum(len(v) for v in b.values())
    print(f"{len(b)} tables of {len({k[0] for k in b})} databases, {total} rows: "
          + ("identical" if not differ else f"{differ} tables differ"))
    return differ


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path, nargs="?")
    ap.add_argument("--compare", type=Path, default=None, help="a dump to compare with")
    ap.add_argument("--digest", type=Path, default=None, help="write the digest of each table here")
    args = ap.parse_args()
    if args.digest:
        digests = dump_all()
        args.digest.write_text(json.dumps(digests, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                               encoding="utf-8")
        return
    with args.out.open("w", encoding="utf-8") as out:
        dump_all(out)
    if args.compare:
        sys.exit(1 if compare(args.compare, args.out) else 0)


if __name__ == "__main__":
    main()
