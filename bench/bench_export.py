"""Benchmark: `genreport export` of a region against `genreport check` of the same files.

    python bench/bench_export.py [--agencies 500] [--repeat 5]

Export reads and checks every file through the same pipeline as check, then writes the workbook
and the CSV, so check of the same files is its floor; the ratio says what the two outputs add.
Both run as whole processes (cold), side by side in one run, on copies of the demo inputs in a
temporary workspace; the in-process cost of writing the workbook alone is measured too.
Prints medians.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build import PYTHON, REPO, run, workspace


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    root = workspace(args.agencies)
    cli = [PYTHON, "-c", "from genreport.cli import main; main()"]
    try:
        check, export = [], []
        for _ in range(args.repeat):
            check.append(run([*cli, "check", "2023"], root))
            export.append(run([*cli, "export", "2023"], root))
        sys.path.insert(0, str(REPO))
        from genreport.export.agencies import AgencyRow  # noqa: PLC0415
        from genreport.export.table_csv import csv_bytes  # noqa: PLC0415
        from genreport.export.workbook import workbook_bytes  # noqa: PLC0415
        from genreport.pipeline import check_files  # noqa: PLC0415

        files = sorted((root / "inputs/2023").glob("*.yaml"))
        rows = [AgencyRow.from_checked(c) for c in check_files(files)]
        writing = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            workbook_bytes(rows, 2023)
            csv_bytes(rows, 2023)
            writing.append(time.perf_counter() - start)
        size = (root / "build/2023/tables.xlsx").stat().st_size
    finally:
        shutil.rmtree(root, ignore_errors=True)
    c, e, w = (statistics.median(x) for x in (check, export, writing))
    print(f"{args.agencies} agencies, median of {args.repeat}:")
    print(f"  genreport check 2023 (whole process)            {c:6.2f} s")
    print(f"  genreport export 2023 (whole process)           {e:6.2f} s  ({e / c:.2f}× check)")
    print(
        f"  writing tables.xlsx + tables.csv (in process)   {w:6.2f} s  ({w / args.agencies * 1000:.1f} ms an agency)"
    )
    print(f"  tables.xlsx: {size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
