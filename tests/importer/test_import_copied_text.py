"""Text copied out of a PDF (a viewer, ``pdftotext``, pdfplumber's ``extract_text``): cells
separated by single spaces, labels wrapped around their numbers, merged labels one or two
characters a line, headers over several lines, page footers among the rows (issue 10, item 2).

The PDFs are genreport's own rendering of the reference report (Word → LibreOffice), so the
layout is a real one; the texts are derived from them with the tools users have.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from importer_helpers import Imported, printed_cells, t3_header, t3_rows, text_report

from genreport.check import check_report
from genreport.model import Report

ARITHMETIC = {"R1", "R2", "R3", "R8"}


def _pdftotext(pdf: Path, *options: str) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run(
        ["pdftotext", *options, str(pdf), "-"], capture_output=True, timeout=60, check=True
    )
    return done.stdout.decode("utf-8")


def _plumber(pdf: Path) -> str:
    with pdfplumber.open(pdf) as document:
        return "\n".join(page.extract_text() for page in document.pages)


def _assert_clean(result: Imported, reference: Report) -> None:
    assert result.messages == []
    assert result.report is not None
    assert printed_cells(result.report) == printed_cells(reference)
    assert [f for f in check_report(result.report) if f.rule in ARITHMETIC] == []


def test_pdf_made_by_libreoffice(importer, reference: Report, reference_pdf: Path) -> None:
    result = importer("shiliju.pdf", reference_pdf.read_bytes())
    _assert_clean(result, reference)
    assert result.report is not None
    assert result.report.agency == "示例市数据管理局"


@pytest.mark.parametrize("tool", ["pdfplumber", "pdftotext -layout"])
def test_text_extracted_from_the_pdf(importer, reference: Report, reference_pdf: Path, tool):
    text = _plumber(reference_pdf) if tool == "pdfplumber" else _pdftotext(reference_pdf, "-layout")
    assert "一、本年新收政府信息公开申请数量 20 3 1 2 1 4 31" in " ".join(text.split())
    result = importer("copied.txt", text)
    _assert_clean(result, reference)


def _spaced(rows: list[list[str]]) -> list[str]:
    return [" ".join(c for c in row if c) for row in rows]


def test_single_spaces_vertical_label_wrapped_label_footer(importer, reference: Report) -> None:
    """The cases of the issue, written by hand: every cell still lands in its row."""
    rows = t3_rows(reference)
    lines = _spaced([*t3_header()[1:], *rows])
    results = next(i for i, line in enumerate(lines) if line.startswith("三、本年度办理结果"))
    lines[results] = lines[results].removeprefix("三、本年度办理结果 ")
    lines[results:results] = list("三、本年度办理结果")  # one character a line
    partly = next(i for i, line in enumerate(lines) if line.startswith("（二）部分公开"))
    numbers = " ".join(map(str, reference.t3.shown_row(("办理结果", "部分公开"))))
    lines[partly : partly + 1] = ["（二）部分公开（区分处理的，只计这一情", numbers, "形，不计其他情形）"]  # fmt: skip
    lines.insert(partly + 4, "- 4 -")
    totals = [(*c.values, c.shown_total) for c in reference.t4.blocks.values()]
    t4 = [
        "行政复议 行政诉讼",
        "结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉",
        " ".join(["结果维持 结果纠正 其他结果 尚未审结 总计"] * 2),
        " ".join(str(v) for block in totals for v in block),
    ]
    text = text_report(reference)
    heading = "三、收到和处理政府信息公开申请情况\n"
    start = text.index(heading) + len(heading)
    end = text.index("五、存在的主要问题及改进情况")
    body = "\n".join([*lines, "四、政府信息公开行政复议、行政诉讼情况", *t4])
    text = text[:start] + body + "\n" + text[end:]
    result = importer("copied.txt", text)
    _assert_clean(result, reference)
