"""Benchmark: `genreport check YEAR` of many files, one process against all cores.

    python bench/bench_check.py [--sizes 20,50,200,500,2000] [--repeat 3]

For each size a workspace of generated agencies (the two demo reports under unique names, two
years each, so the cross-year rules run and every file passes) is checked with ``-j 1`` and with
the default (one worker per core), alternately; medians, ms per file (is the cost linear?) and
the speed-up are printed. The smallest sizes show where ``parallel_check.PARALLEL_FROM`` pays.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from perf import ENV, generate  # bench/perf.py: the same generated agencies


def genreport() -> list[str]:
    script = Path(sys.executable).parent / ("genreport.exe" if os.name == "nt" else "genreport")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "from genreport.cli import main; main()"]


def run(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}:\n{done.stdout.decode()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20,50,200,500,2000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, median of {args.repeat} runs")
    print(
        f"  {'files':>6} {'-j 1':>9} {'ms/file':>8} {'all cores':>10} {'ms/file':>8} {'speed-up':>9}"
    )
    for size in sizes:
        root = Path(tempfile.mkdtemp(prefix="genreport-check-"))
        try:
            generate(root, size)
            command = [*genreport(), "check", "2023"]
            run(command, root)  # warm the disk cache and __pycache__
            serial, parallel = [], []
            for _ in range(args.repeat):
                serial.append(run([*command, "-j", "1"], root))
                parallel.append(run(command, root))
        finally:
            shutil.rmtree(root)
        a, b = statistics.median(serial), statistics.median(parallel)
        print(
            f"  {size:>6} {a:8.2f}s {a / size * 1000:8.1f} {b:9.2f}s {b / size * 1000:8.1f}"
            f" {a / b:8.2f}×"
        )


if __name__ == "__main__":
    main()
