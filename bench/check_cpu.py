"""Benchmark: where the CPU of `genreport check YEAR` of many files goes, main process vs workers.

    python bench/check_cpu.py [--sizes 50,200,500,2000] [--jobs 1,2] [--repeat 3] [--tree DIR]

On a shared machine wall time says more about the neighbours than about genreport; CPU time
does not. For each size and ``-j`` this runs the CLI as users do (bytecode cached) and reports
the median wall time, the CPU of the CLI process itself, and the CPU of the whole process tree
(the CLI, the forkserver and every worker), each also in ms a file. The orphaned forkserver and
workers are collected by making this process their subreaper (Linux only).

``--tree DIR`` runs the genreport package found in DIR (e.g. an exported older commit), so two
versions can be measured side by side on the same generated workspaces.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from perf import ENV, generate  # bench/perf.py: the same generated agencies

_PR_SET_CHILD_SUBREAPER = 36


def _cpu(usage: resource.struct_rusage) -> float:
    return usage.ru_utime + usage.ru_stime


def measure(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds of the CLI process, CPU seconds of its whole tree."""
    before = _cpu(resource.getrusage(resource.RUSAGE_CHILDREN))
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    while True:  # the forkserver and workers, reparented here when the CLI ended
        try:
            os.wait()
        except ChildProcessError:
            break
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited {process.returncode}")
    return wall, _cpu(usage), _cpu(resource.getrusage(resource.RUSAGE_CHILDREN)) - before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,200,500,2000")
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--tree", type=Path, help="run the genreport package in this folder")
    args = parser.parse_args()
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise SystemExit("cannot become a subreaper (Linux only)")
    env = dict(ENV)
    if args.tree:
        env["PYTHONPATH"] = str(args.tree.resolve())
    command = [sys.executable, "-c", "from genreport.cli import main; main()", "check", "2023"]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, median of {args.repeat}")
    print(f"{'files':>6} {'-j':>3} {'wall s':>7} {'CLI ms/file':>12} {'all ms/file':>12}")
    for size in [int(s) for s in args.sizes.split(",")]:
        root = Path(tempfile.mkdtemp(prefix="genreport-cpu-"))
        try:
            generate(root, size)
            measure(command, root, env)  # bytecode and disk cache, as users have them
            for jobs in [int(j) for j in args.jobs.split(",")]:
                runs = [measure([*command, "-j", str(jobs)], root, env) for _ in range(args.repeat)]
                wall, cli, tree = (statistics.median(r[i] for r in runs) for i in range(3))
                print(
                    f"{size:>6} {jobs:>3} {wall:>7.2f} {cli / size * 1000:>12.2f} "
                    f"{tree / size * 1000:>12.2f}"
                )
        finally:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
