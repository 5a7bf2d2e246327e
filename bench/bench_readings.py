"""Measure the import where copied or scanned text leaves several readings of a table.

    python bench/bench_readings.py [--repo PATH] [--repeat 3]

Material: the import tests' reference report with 表三 as a PDF viewer copies it (one space
between cells), spoiled one way per case as tests/importer/test_import_by_totals.py does (a stray
number after a row, two numbers run together, a blank cell that left no gap, a label printed
twice, a label like two rows), and RapidOCR's reading of its four pages
(tests/importer/fixtures/ocr_words_shiliju.json, the OCR engine replaced by those words). Cells
right, wrong with a ``# 导入：`` comment at their row (flagged), wrong without (silent), out of the
200 printed cells; seconds per import (median). ``--repo`` measures another checkout's
``genreport`` (e.g. the commit before) on the same material.
"""

from __future__ import annotations

import argparse
import copy
import importlib
import io
import json
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent / "tests" / "importer"


def _repo(argv: list[str]) -> Path:
    """``--repo`` before anything is imported: it decides which ``genreport`` is measured."""
    for i, arg in enumerate(argv):
        if arg == "--repo" and i + 1 < len(argv):
            return Path(argv[i + 1]).resolve()
        if arg.startswith("--repo="):
            return Path(arg.removeprefix("--repo=")).resolve()
    return HERE.parent


sys.path[:0] = [str(_repo(sys.argv)), str(TESTS), str(HERE)]

from importer_helpers import REFERENCE  # noqa: E402
from PIL import Image  # noqa: E402
from test_import_by_totals import replace_line, spaced, t4_spaced  # noqa: E402

from genreport.importer import ocr  # noqa: E402
from genreport.pipeline import check_files  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=HERE.parent)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    # Imported after genreport: it puts this checkout first on sys.path.
    measure = importlib.import_module("bench_import").measure  # the counting of bench_import.py
    [checked] = check_files([REFERENCE])
    reference = checked.report
    assert reference is not None

    def twice(lines: list[str]) -> None:
        [n] = [i for i, line in enumerate(lines) if line.startswith("3.其他")]
        lines.insert(n - 3, "3.其他")

    def like_two(lines: list[str]) -> None:
        [n] = [i for i, line in enumerate(lines) if line.startswith("4.保护第三方合法权益")]
        lines[n] = lines[n].replace("4.保护第三方合法权益", "保护第三方内部事务信息")
        [m] = [i for i, line in enumerate(lines) if line.startswith("5.属于三类内部事务信息")]
        del lines[m]

    row = "三、本年度办理结果 （一）予以公开"
    texts: dict[str, Callable[[], str]] = {
        "stray number after a row": lambda: spaced(reference, replace_line(row, f"{row} 10 2 0 1 0 2 15 3")),
        "two numbers run together": lambda: spaced(reference, replace_line(row, f"{row} 102 0 1 0 2 15")),
        "blank cell, no gap": lambda: spaced(reference, replace_line("2.重复申请", "2.重复申请 1 0 0 0 0 1")),
        "T4 numbers run together": lambda: t4_spaced(reference, "12 0 1 4 0 1 1 0 2 1 0 0 0 1"),
        "T4 zero lost": lambda: t4_spaced(reference, "1 2 0 1 4 0 1 1 0 2 1 0 0 1"),
        "label line read as a row": lambda: spaced(reference, twice),
        "one label, two rows": lambda: spaced(
            reference,
            replace_line("（五）不予处理 1.信访举报投诉类申请", "（五）不予处理 2.重复申请 0 0 0 0 0 0 0"),
        ),
        "label like two rows": lambda: spaced(reference, like_two),
    }  # fmt: skip
    words = json.loads((TESTS / "fixtures" / "ocr_words_shiliju.json").read_text(encoding="utf-8"))
    ocr.available = lambda: True  # type: ignore[assignment]
    ocr.page_words = lambda page: copy.deepcopy(words[page.page_number - 1])  # type: ignore[assignment]
    images = [Image.new("L", (827, 1170), 255) for _ in words]
    scan = io.BytesIO()
    images[0].save(scan, "PDF", save_all=True, append_images=images[1:], resolution=100)

    print(f"genreport from {Path(ocr.__file__).parent.parent}")
    print(f"{'source':28} {'right':>9} {'flagged':>8} {'silent':>7} {'s/report':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        made = {
            name: (folder / f"{n}.txt", make().encode())
            for n, (name, make) in enumerate(texts.items())
        }
        made["OCR words (4 pages)"] = (folder / "scan.pdf", scan.getvalue())
        for name, (path, content) in made.items():
            path.write_bytes(content)
            samples, result = [], (0, 0, 0, 0, 0.0)
            for _ in range(args.repeat):
                result = measure(reference, path, folder / "out")
                samples.append(result[4])
            right, flagged, silent, total, _ = result
            print(
                f"{name:28} {right:>4}/{total:<4} {flagged:>8} {silent:>7} {statistics.median(samples):>9.2f}"
            )


if __name__ == "__main__":
    main()
