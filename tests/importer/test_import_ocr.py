"""Scanned pages: the project's own report, built to PDF by LibreOffice, its two table pages
rasterised by pdftoppm and put back as images (a report stamped and scanned in part). OCR reads
them; every cell is right or flagged at its value, and checking the import finds no fault.

The OCR test needs the ``ocr`` extra (RapidOCR), LibreOffice and pdftoppm; ``.ci/run`` installs
all three. Without the engine, the user is told what to install.
"""

from __future__ import annotations

import copy
import io
import json
import shutil
import subprocess
from pathlib import Path

import pypdfium2
import pytest
from importer_helpers import FIXTURES, Imported, printed_cells, run_import
from PIL import Image

from genreport.check import check_report
from genreport.importer import ocr
from genreport.model import Report
from genreport.render import renderer_for
from genreport.render.pdf import docx_to_pdf, find_soffice

SCANNED = (2, 3)  # 1-based: the pages holding 表二, 表三 and 表四
needs_tools = pytest.mark.skipif(
    find_soffice() is None or shutil.which("pdftoppm") is None,
    reason="LibreOffice 或 pdftoppm 未安装",
)
needs_ocr = pytest.mark.skipif(not ocr.available(), reason="未安装 genreport[ocr]")


def image_pdf(images: list[Image.Image], dpi: int) -> bytes:
    out = io.BytesIO()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return out.getvalue()


def rasterise(pdf: bytes, page: int, dpi: int, tmp: Path) -> Image.Image:
    (tmp / "in.pdf").write_bytes(pdf)
    prefix = tmp / f"page{page}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", "-f", str(page), "-l",
         str(page), str(tmp / "in.pdf"), str(prefix)],
        check=True, timeout=120,
    )  # fmt: skip
    return Image.open(f"{prefix}.png").convert("L")


def partly_scanned(printed: bytes, scanned: dict[int, bytes]) -> bytes:
    """``printed`` with the pages in ``scanned`` (1-based) replaced by one-page image PDFs."""
    source = pypdfium2.PdfDocument(printed)
    result = pypdfium2.PdfDocument.new()
    for number in range(1, len(source) + 1):
        if number in scanned:
            result.import_pages(pypdfium2.PdfDocument(scanned[number]))
        else:
            result.import_pages(source, [number - 1])
    out = io.BytesIO()
    result.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def printed_pdf(reference: Report) -> bytes:
    return docx_to_pdf(renderer_for(None).render(reference, ("docx",))["docx"])


@pytest.fixture(scope="module")
def scanned_import(printed_pdf: bytes, tmp_path_factory: pytest.TempPathFactory) -> Imported:
    tmp = tmp_path_factory.mktemp("scan")
    pages = {n: image_pdf([rasterise(printed_pdf, n, 200, tmp)], 200) for n in SCANNED}
    (tmp / "扫描件.pdf").write_bytes(partly_scanned(printed_pdf, pages))
    return run_import(tmp / "扫描件.pdf", tmp / "inputs")


@needs_tools
@needs_ocr
def test_scanned_pages_every_cell_right_or_flagged(
    scanned_import: Imported, reference: Report
) -> None:
    result = scanned_import
    assert result.report is not None, result.messages
    unsure = [f for f in result.outcome.findings if f.rule == "I4"]
    assert all("是文字识别读出的，把握不大（置信度" in f.message for f in unsure)
    mine, theirs = printed_cells(result.report), printed_cells(reference)
    wrong = [
        (row, n)
        for row, values in theirs.items()
        for n, (a, b) in enumerate(zip(values, mine[row], strict=True))
        if a != b
    ]
    assert wrong == []
    errors = [f.format() for f in result.outcome.findings if f.is_error]
    assert errors == []
    assert any("第 2、3 页是图片（扫描件），已用文字识别（OCR）读出" in m for m in result.messages)
    assert result.text is not None
    assert result.text.count("是文字识别读出的，把握不大") == len(unsure)
    assert [f for f in check_report(result.report) if f.is_error] == []


@needs_tools
def test_scan_without_the_engine_says_what_to_install(
    printed_pdf: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    page = image_pdf([Image.new("L", (1654, 2339), 255)], 200)
    (tmp_path / "扫描件.pdf").write_bytes(partly_scanned(printed_pdf, {2: page, 3: page}))
    monkeypatch.chdir(tmp_path)
    result = run_import(Path("扫描件.pdf"), Path("inputs"))
    assert result.messages == [
        "扫描件.pdf: 错误 I1 第 2、3 页是图片（扫描件），需要文字识别（OCR）才能读取，但没有安装识别引擎。"
        "请安装 genreport 的 ocr 扩展：pip install 'genreport[ocr]'（约 200 MB，离线运行，不需要网络）；"
        "或者找到这份报告的 Word 文件或文字版 PDF 导入"
    ]


# --- OCR words → tables, without the engine ------------------------------------------------------

#: What RapidOCR read from the four pages of shiliju's report rasterised at 200 dpi (boxes in PDF
#: points, confidence 0–1), so the geometry after OCR is tested on every machine.
WORDS = json.loads((FIXTURES / "ocr_words_shiliju.json").read_text(encoding="utf-8"))


def test_ocr_words_become_tables_by_geometry_and_unsure_numbers_are_flagged(
    reference: Report, importer, monkeypatch: pytest.MonkeyPatch
) -> None:
    words = copy.deepcopy(WORDS)
    [misread] = [w for w in words[1] if w["text"] == "57"]
    misread.update(text="51", confidence=0.42)
    monkeypatch.setattr(ocr, "available", lambda: True)
    monkeypatch.setattr(ocr, "page_words", lambda page: words[page.page_number - 1])
    blank = image_pdf([Image.new("L", (827, 1170), 255) for _ in WORDS], 100)
    result = importer("扫描件.pdf", blank)
    assert result.report is not None
    expected = printed_cells(reference)
    expected["T2 行政许可"] = (51,)
    assert printed_cells(result.report) == expected
    message = "表二「行政许可」的“51”是文字识别读出的，把握不大（置信度 42%）；请对照原件核对"
    assert f"扫描件.pdf: 警告 I4 第 2 页第 10 行：{message}" in result.messages
    assert result.text is not None
    assert (
        f"行政许可: 51  # 本年处理决定数量  # 导入：{message}（原文第 2 页第 10 行）" in result.text
    )
    unsure = [m for m in result.messages if "是文字识别读出的" in m]
    low = [w for page in words for w in page if w["confidence"] < ocr.SURE and w["text"].isdigit()]
    assert len(unsure) == len(low)
    assert [f.format() for f in result.outcome.findings if f.is_error] == []
