"""Inputs that used to hang or crash a load, each timed through parse + check + store.

Every one must load or be refused in under 2 s (issue 11): a row of 400 figures, 1,000 and 5,000
rows under one parent, 3,000 projects in one unit, a run-on narrative of 6,000 figures, an
asset paragraph of 120,000 characters without punctuation, a 50 MB file. Prints the outcome and the time of each.
Usage: python bench/bench_bounds.py
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from budgetqa.models import ReportError
from budgetqa.parser import parse_file
from budgetqa.store import bundled_report, load_document


def variants(lines: list[str]) -> dict[str, str]:
    def at(after: int, extra: list[str]) -> str:
        return "\n".join(lines[:after] + extra + lines[after:])

    project = next(i for i, line in enumerate(lines) if "乡镇档案室标准化建设 90.00" in line) + 1
    prose = next(i for i, line in enumerate(lines) if line.startswith("人员经费290.03万元"))
    run_on = ["，".join(f"第{k}项经费{k}.00万元" for k in range(j, j + 60)) + "，" for j in range(0, 6000, 60)]
    assets = next(i for i, line in enumerate(lines) if "国有资产占有使用情况" in line) + 1
    unpunctuated = ["本部门车辆和房屋面积情况" * 600 for _ in range(20)]  # 120,000 characters, no stop
    return {
        "a row of 400 figures": at(230, ["2013199 其他 " + " ".join(["1.00"] * 400)]),
        "a row of 60 figures": at(230, ["2013199 其他 " + " ".join(["1.00"] * 60)]),
        "1,000 rows of 0.00 under one parent": at(231, [f"2013199 其他{i} 0.00  0.00" for i in range(1000)]),
        "1,000 rows of 1.00 under one parent": at(231, [f"2013199 其他{i} 1.00  1.00" for i in range(1000)]),
        "5,000 rows of 1.00 under one parent": at(231, [f"2013199 其他{i} 1.00  1.00" for i in range(5000)]),
        "3,000 projects in one unit": at(project, [f"　　项目{i}经费 1.00 1.00     " for i in range(3000)]),
        "6,000 figures in one run-on sentence": at(prose, run_on),
        "an asset paragraph without punctuation": at(assets, unpunctuated),
    }


def main() -> None:
    seed = bundled_report()
    lines = seed.read_text(encoding="utf-8").split("\n")
    with tempfile.TemporaryDirectory() as tmp:
        cases = {name: text.encode("utf-8") for name, text in variants(lines).items()}
        big = Path(tmp) / "big.txt"
        with big.open("wb") as f:
            f.write(seed.read_bytes())
            f.truncate(50 * 1024 * 1024)
        for name in [*cases, "a 50 MB file"]:
            path = big if name == "a 50 MB file" else Path(tmp) / "case.txt"
            if path != big:
                path.write_bytes(cases[name])
            db = Path(tmp) / "bench.db"
            db.unlink(missing_ok=True)
            t0 = time.perf_counter()
            try:
                load_document(db, parse_file(path))
                outcome = "loaded"
            except ReportError as exc:
                outcome = "refused: " + str(exc).split(": ", 1)[-1][:70]
            print(f"{name:<38} {time.perf_counter() - t0:6.2f} s  {outcome}")


if __name__ == "__main__":
    main()
