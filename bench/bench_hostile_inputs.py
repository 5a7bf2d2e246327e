"""Benchmark: the loader on near-1 MiB hostile inputs (the limit is 1 MiB).

    python bench/bench_hostile_inputs.py [--repeat 3]

Each case is a valid report padded to just under 1 MiB with one kind of input the loader's own
checks scan: control characters, bidi controls, a row of full-width digits, deep flow nesting,
a huge integer, and a long narrative full of full-width punctuation (which must stay text).
Prints the median time of ``load_text`` and the findings it returned, so a scan that is not
linear shows up as seconds instead of milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import time

from genreport.load import load_text
from genreport.load.source import MAX_BYTES

BASE = (
    "机关: 测试市测试局\n年度: 2023\n机关类型: 部门\n发布日期: 2024-01-20\n"
    "主动公开: {}\n依申请公开: {}\n行政诉讼: {}\n"
)


def fill(prefix: str, unit: str, suffix: str) -> str:
    """``prefix + unit * n + suffix`` as large as fits under the limit in UTF-8."""
    room = MAX_BYTES - len((BASE + prefix + suffix).encode()) - 16
    return BASE + prefix + unit * (room // len(unit.encode())) + suffix


CASES = {
    "control characters": fill("其他需要报告的事项: ", "\x01", "\n行政复议: [0, 0, 0, 0]\n"),
    "bidi controls": fill("其他需要报告的事项: ", "\u202e", "\n行政复议: [0, 0, 0, 0]\n"),
    "full-width digits row": fill("行政复议: [", "１, ", "0]\n"),
    "deep flow nesting": fill("行政复议: [0, 0, 0, 0]\n其他需要报告的事项: ", "[", "\n"),
    "huge integer": fill("行政复议: [", "9", ", 0, 0, 0]\n"),
    "narrative with IME punctuation": fill(
        "行政复议: [0, 0, 0, 0]\n其他需要报告的事项: |\n  ", "一是：宣传，解读、［见］　", "\n"
    ),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for name, text in CASES.items():
        data = text.encode()
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            loaded = load_text(data, "x.yaml", 2023)
            times.append(time.perf_counter() - start)
        first = loaded.findings[0].format()[:70] if loaded.findings else "—"
        print(
            f"{name:32} {len(data) / 1024:7.0f} KiB {statistics.median(times):7.2f} s  "
            f"{len(loaded.findings):3} findings  {first}"
        )


if __name__ == "__main__":
    main()
