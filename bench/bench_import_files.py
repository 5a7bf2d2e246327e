"""Benchmark: importing .docx/.doc/.wps/.odt/.rtf, and OCR seconds per scanned page.

    python bench/bench_import_files.py [--repeat 3] [--ocr-pages 2]

Each office file is the reference report of tests/importer (LibreOffice's saves of the rendered
.docx, tests/importer/fixtures/office/); one import is ``genreport.importer.import_file`` in this
process (LibreOffice started per file, as ``genreport import`` does). OCR: the rendered report
built to PDF by LibreOffice, rasterised by pdftoppm at 200 dpi, rebuilt as an image-only PDF; the
time is RapidOCR reading a page (engine loaded once, as in one ``genreport import``). Cells right
are counted against the reference, out of every printed cell of 表二、表三、表四.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "importer"))

import pdfplumber  # noqa: E402
from importer_helpers import REFERENCE, printed_cells  # noqa: E402
from PIL import Image  # noqa: E402

from genreport.importer import import_file, ocr  # noqa: E402
from genreport.load import load_text  # noqa: E402
from genreport.pipeline import check_files  # noqa: E402
from genreport.render import renderer_for  # noqa: E402
from genreport.render.pdf import docx_to_pdf  # noqa: E402

OFFICE = REPO / "tests" / "importer" / "fixtures" / "office"


def cells_right(written: Path, expected: dict[str, tuple[object, ...]]) -> tuple[int, int]:
    report = load_text(written.read_bytes(), str(written), 2023).report
    assert report is not None
    got = printed_cells(report)
    total = sum(len(v) for v in expected.values())
    right = sum(a == b for k, v in expected.items() for a, b in zip(v, got[k], strict=True))
    return right, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--ocr-pages", type=int, default=4)
    args = parser.parse_args()
    [checked] = check_files([REFERENCE])
    assert checked.report is not None
    expected = printed_cells(checked.report)
    docx = renderer_for(None).render(checked.report, ("docx",))["docx"]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "shiliju.docx").write_bytes(docx)
        sources = [
            folder / "shiliju.docx",
            *(OFFICE / f"shiliju{s}" for s in (".doc", ".wps", ".odt", ".rtf")),
        ]
        for source in sources:
            samples = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                outcome = import_file(source, folder / "inputs", slug="r", force=True)
                samples.append(time.perf_counter() - start)
            assert outcome.written, [f.format() for f in outcome.findings]
            right, total = cells_right(folder / "inputs" / "2023" / "r.yaml", expected)
            print(
                f"  {source.suffix:<6} median {statistics.median(samples):6.2f} s   cells {right}/{total}"
            )
        if not ocr.available():
            print("  OCR: genreport[ocr] not installed")
            return
        pdf = docx_to_pdf(docx)
        (folder / "printed.pdf").write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-r", "200", "-gray", "-png", str(folder / "printed.pdf"), str(folder / "p")],
            check=True, timeout=300,
        )  # fmt: skip
        pages = sorted(folder.glob("p-*.png"))
        images = [Image.open(p).convert("L") for p in pages]
        out = io.BytesIO()
        images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=200)
        scan = folder / "scan.pdf"
        scan.write_bytes(out.getvalue())
        start = time.perf_counter()
        ocr._engine()
        print(f"  OCR engine load {time.perf_counter() - start:6.2f} s")
        with pdfplumber.open(scan) as document:
            for page in document.pages[: args.ocr_pages]:
                start = time.perf_counter()
                words = ocr.page_words(page)
                print(
                    f"  OCR page {page.page_number}: {time.perf_counter() - start:6.2f} s, {len(words)} boxes"
                )
        start = time.perf_counter()
        outcome = import_file(scan, folder / "inputs", slug="scan", force=True)
        elapsed = time.perf_counter() - start
        right, total = cells_right(folder / "inputs" / "2023" / "scan.yaml", expected)
        unsure = sum("是文字识别读出的" in f.message for f in outcome.findings)
        print(
            f"  scanned PDF ({len(pages)} pages) import {elapsed:6.2f} s   cells {right}/{total}, {unsure} flagged unsure"
        )


if __name__ == "__main__":
    main()
