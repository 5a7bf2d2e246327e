"""Benchmark: `genreport status` of 500 agencies and `check` of a 500-unit 汇总.

    python bench/bench_region.py [--units 500] [--repeat 5]

Measured side by side in one run, each a fresh process as users run it, on a temporary workspace
whose units are copies of the six departments of tests/region/workspace and whose city file lists
every unit under 汇总 (all its tables computed):

* ``check 2023`` of the units alone (the baseline: no roll-up), and with the city added;
* ``check inputs/2023/city.yaml`` alone: it must load, sum and check all the units;
* ``status 2023`` (terminal table and status.html) against ``check 2023`` of the same folder.

Prints medians and ratios.
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

REPO = Path(__file__).resolve().parent.parent
REGION = REPO / "tests/region/workspace/inputs/2023"
PYTHON = sys.executable
GENREPORT = [PYTHON, "-c", "from genreport.cli import main; main()"]


def run(command: list[str], cwd: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "200"}
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(
            f"{' '.join(command)} failed:\n{done.stdout.decode()[-3000:]}{done.stderr.decode()}"
        )
    return elapsed


def workspace(units: int, with_city: bool) -> Path:
    root = Path(tempfile.mkdtemp(prefix="genreport-bench-region-"))
    folder = root / "inputs/2023"
    folder.mkdir(parents=True)
    sources = sorted(p for p in REGION.glob("*.yaml") if "汇总" not in p.read_text("utf-8"))
    slugs = [f"u{i:03d}" for i in range(units)]
    for i, slug in enumerate(slugs):
        shutil.copy(sources[i % len(sources)], folder / f"{slug}.yaml")
    if with_city:
        city = (REGION / "shi.yaml").read_text("utf-8")
        city = city.replace("汇总: [dongqu, xiqu]", f"汇总: [{', '.join(slugs)}]")
        city = city.replace("48 件", "{{ 依申请公开.本年新收.总计 }} 件").replace(
            "上年结转 2 件", "上年结转 {{ 依申请公开.上年结转.总计 }} 件"
        )
        (folder / "city.yaml").write_text(city, "utf-8")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    plain, region = workspace(args.units, False), workspace(args.units, True)
    n = args.units
    cases: dict[str, list[float]] = {
        f"check 2023: {n} units, no 汇总": [],
        f"check 2023: {n} units + a city summing them": [],
        f"check city.yaml alone ({n}-unit 汇总)": [],
        f"status 2023: {n + 1} agencies (table + status.html)": [],
    }
    names = list(cases)
    for _ in range(args.repeat):  # interleaved, so drift hits every case alike
        cases[names[0]].append(run([*GENREPORT, "check", "2023"], plain))
        cases[names[1]].append(run([*GENREPORT, "check", "2023"], region))
        cases[names[2]].append(run([*GENREPORT, "check", "inputs/2023/city.yaml"], region))
        cases[names[3]].append(run([*GENREPORT, "status", "2023"], region))
    medians = {name: statistics.median(samples) for name, samples in cases.items()}
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, median of {args.repeat} runs")
    for name, value in medians.items():
        print(f"  {name:<52} {value:7.3f} s")
    overhead = medians[names[1]] / medians[names[0]]
    status = medians[names[3]] / medians[names[1]]
    print(f"  ratio check with city / without (cost of the roll-up):   {overhead:5.2f}")
    print(f"  ratio status / check of the same folder:                  {status:5.2f}")
    print(f"  check with city: {medians[names[1]] / (n + 1) * 1000:.1f} ms per file")
    shutil.rmtree(plain)
    shutil.rmtree(region)


if __name__ == "__main__":
    main()
