"""Measure `genreport import`: cells right, cells wrong with and without a finding, time per report.

    python bench/bench_import.py [--reports N]

Material: the demo inputs (inputs/2023/*.yaml) and the import tests' reference report, each
rendered by genreport (Word → LibreOffice PDF, HTML), then turned into the sources users have:
the PDF itself, text from pdfplumber's ``extract_text``, ``pdftotext -layout`` and plain
``pdftotext``, the Word file and the web page. Every cell of T2, T3 and T4 (200 a report) is
compared with the input it was rendered from; a wrong cell counts as flagged when its line in the
written YAML carries a ``# 导入：`` comment. Needs soffice and pdftotext; sources whose tool is
missing are skipped.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from genreport.importer import import_file  # noqa: E402
from genreport.importer.yaml_writer import key_lines  # noqa: E402
from genreport.layout import T3_ROWS, T4_BLOCKS  # noqa: E402
from genreport.load import load_text  # noqa: E402
from genreport.model import Report  # noqa: E402
from genreport.pipeline import check_files  # noqa: E402
from genreport.render import renderer_for  # noqa: E402
from genreport.render.pdf import docx_to_pdf, find_soffice  # noqa: E402

Cell = tuple[tuple[str, ...], int]  # the YAML path of the row, and the index in it


def cells(report: Report) -> dict[Cell, str]:
    found: dict[Cell, str] = {}
    for name, counts in report.t2.documents.items():
        for i, v in enumerate(counts.values):
            found[(("主动公开", name), i)] = str(v)
    for name, value in report.t2.decisions.items():
        found[(("主动公开", name), 0)] = str(value)
    found[(("主动公开", "行政事业性收费"), 0)] = str(report.t2.fee)
    for row in T3_ROWS:
        for i, v in enumerate(report.t3.shown_row(row.key)):
            found[(("依申请公开", *row.key), i)] = str(v)
    for block in T4_BLOCKS:
        counts = report.t4.blocks[block]
        for i, v in enumerate((*counts.values, counts.shown_total)):
            found[(block, i)] = str(v)
    return found


def sources(report: Report, folder: Path) -> dict[str, Path]:
    rendered = renderer_for(None).render(report, ("docx", "html"))
    made: dict[str, Path] = {}
    for fmt in ("docx", "html"):
        made[fmt] = folder / f"r.{fmt}"
        made[fmt].write_bytes(rendered[fmt])
    if find_soffice() is None:
        return made
    pdf = folder / "r.pdf"
    pdf.write_bytes(docx_to_pdf(rendered["docx"]))
    made["pdf (LibreOffice)"] = pdf
    with pdfplumber.open(pdf) as document:
        text = "\n".join(page.extract_text() for page in document.pages)
    made["text: pdfplumber"] = folder / "plumber.txt"
    made["text: pdfplumber"].write_text(text, encoding="utf-8")
    if shutil.which("pdftotext"):
        for name, options in (("text: pdftotext -layout", ["-layout"]), ("text: pdftotext", [])):
            target = folder / f"{name.split()[-1].strip('-')}.txt"
            subprocess.run(["pdftotext", *options, str(pdf), str(target)], check=True, timeout=60)
            made[name] = target
    return made


def measure(report: Report, source: Path, out: Path) -> tuple[int, int, int, int, float]:
    """(right, flagged wrong, silent wrong, total, seconds)."""
    start = time.perf_counter()
    outcome = import_file(source, out, year=report.year, force=True)
    seconds = time.perf_counter() - start
    want = cells(report)
    if not outcome.written or outcome.target is None:
        return 0, len(want), 0, len(want), seconds
    text = Path(outcome.target).read_text(encoding="utf-8")
    loaded = load_text(text.encode("utf-8"), outcome.target, report.year)
    assert loaded.report is not None
    got = cells(loaded.report)
    lines = text.splitlines()
    where = key_lines(text)
    right = flagged = silent = 0
    for cell, value in want.items():
        if got.get(cell) == value:
            right += 1
            continue
        path = cell[0]
        line = lines[where[path]] if path in where else ""
        if "# 导入：" in line:
            flagged += 1
        else:
            silent += 1
    return right, flagged, silent, len(want), seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=3)
    args = parser.parse_args()
    files = [
        REPO / "tests/importer/fixtures/inputs/2023/shiliju.yaml",
        *sorted((REPO / "inputs/2023").glob("*.yaml")),
    ][: args.reports]
    totals: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n, path in enumerate(files):
            [checked] = check_files([path])
            assert checked.report is not None
            folder = Path(tmp) / str(n)
            folder.mkdir()
            for kind, source in sources(checked.report, folder).items():
                result = measure(checked.report, source, folder / "out")
                row = totals.setdefault(kind, [0, 0, 0, 0, 0.0, 0])
                for i, value in enumerate(result):
                    row[i] += value
                row[5] += 1
    print(f"{'source':26} {'right':>11} {'flagged':>8} {'silent':>7} {'s/report':>9}")
    for kind, (right, flagged, silent, total, seconds, count) in totals.items():
        print(
            f"{kind:26} {int(right):>5}/{int(total):<5} {int(flagged):>8} {int(silent):>7}"
            f" {seconds / count:>9.2f}"
        )


if __name__ == "__main__":
    main()
