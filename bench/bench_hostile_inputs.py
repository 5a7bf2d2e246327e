"""Benchmark: loading and checking near-1 MiB hostile inputs (the limit is 1 MiB), on both parsers.

    python bench/bench_hostile_inputs.py [--repeat 3] [--python-repeat 1] [--no-python] [NAME ...]

Each case (tests/hostile_inputs.py) is a valid report padded to just under 1 MiB with one kind of
input the loader or the rules scan: control characters, bidi controls, a row of full-width digits,
deep flow nesting, a huge integer, narrative full of full-width punctuation (which must stay text),
one huge line, 100,000 keys, a long block scalar, many unclosed quotes and brackets, many short
lines.
Prints the median seconds of ``load_text`` through PyYAML's pure-Python parser (the fallback
without libyaml) and through libyaml side by side, then ``check_report`` on the loaded report and
the findings, so a scan that is not linear shows up as seconds instead of milliseconds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from genreport.check import check_report
from genreport.load import load_text
from genreport.load.composer import ENV_SWITCH
from tests.hostile_inputs import CASES

PATHS = {"python": "python", "libyaml": ""}


def timed(data: bytes, path: str, repeat: int) -> tuple[float, float | None, list[str]]:
    """Median seconds of loading and of checking (None when it does not load), and findings."""
    os.environ[ENV_SWITCH] = PATHS[path]
    loads, checks = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        loaded = load_text(data, "x.yaml", 2023)
        loads.append(time.perf_counter() - start)
        if loaded.report is not None:
            start = time.perf_counter()
            findings = check_report(loaded.report)
            checks.append(time.perf_counter() - start)
    found = [f.format() for f in loaded.findings]
    if loaded.report is not None:
        found += [f.format() for f in findings]
    return statistics.median(loads), statistics.median(checks) if checks else None, found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("names", nargs="*", help="cases to run (default: all)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per case on libyaml")
    parser.add_argument("--python-repeat", type=int, default=1, help="runs on the fallback")
    parser.add_argument("--no-python", action="store_true", help="skip the pure-Python parser")
    args = parser.parse_args()
    run_python = not args.no_python
    print(f"libyaml available: {yaml.__with_libyaml__}")
    print(
        f"{'case':32} {'size':>8} {'python':>8} {'libyaml':>8} {'ratio':>6} {'check':>7}  findings"
    )
    for name in args.names or list(CASES):
        data = CASES[name].encode()
        fast, check, found = timed(data, "libyaml", args.repeat)
        slow = timed(data, "python", args.python_repeat) if run_python else None
        if slow is not None and slow[2] != found:
            print(f"  {name}: the two parsers disagree: {slow[2][:1]} != {found[:1]}")
        python = f"{slow[0]:8.2f}" if slow else f"{'—':>8}"
        ratio = f"{slow[0] / fast:5.0f}×" if slow else f"{'—':>6}"
        checked = f"{check:7.2f}" if check is not None else f"{'—':>7}"
        first = found[0][:60] if found else "—"
        print(
            f"{name:32} {len(data) / 1024:5.0f} KiB {python} {fast:8.2f} {ratio} {checked}"
            f"  {len(found):6} {first}",
            flush=True,
        )


if __name__ == "__main__":
    main()
