"""Benchmark: CPU seconds of loading and of each rule on the adversarial ~1 MiB inputs.

    python bench/bench_adversarial.py [NAME ...]

The inputs are those of tests/trust/test_linear_scanners.py (tests/trust/adversarial.py); set
ADVERSARIAL_BYTES to try other sizes (doubling it should about double every figure).
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from genreport.check import RULES
from genreport.load import load_text
from tests.trust.adversarial import PIECES, adversarial_yaml


def main(names: list[str]) -> None:
    for name in names or list(PIECES):
        text = adversarial_yaml(PIECES[name]).encode()
        start = time.process_time()
        loaded = load_text(text, "inputs/2023/x.yaml", 2023)
        figures = [f"load {time.process_time() - start:.2f}"]
        if loaded.report is None:
            print(f"{name}: does not load", flush=True)
            continue
        for rule in RULES:
            start = time.process_time()
            count = sum(1 for _ in rule(loaded.report, None))
            figures.append(f"{rule.__name__} {time.process_time() - start:.2f} ({count})")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(f"{name} [{len(text)} bytes, peak {peak} MB]: " + ", ".join(figures), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
