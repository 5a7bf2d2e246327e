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
from genreport.check.cells import t3_cell, t4_cell
from genreport.findings import Finding
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


def _printed_row(row: str) -> str:
    """The place a finding names for a row of ``printed_cells`` (表二「…」行, 表三第N行「…」)."""
    table, name = row.split(" ", 1)
    if table == "T2":
        return f"表二「{name}」行"
    if table == "T3":
        return t3_cell(tuple(name.split(".")))
    return t4_cell(tuple(name.split("."))).rsplit("·「", 1)[0]


def unflagged_wrong_cells(got: Report, reference: Report, findings: list[Finding]) -> list[str]:
    """Every cell that differs from the reference with no finding at its row: must be none."""
    places = [f.cell or "" for f in findings]
    mine, theirs = printed_cells(got), printed_cells(reference)
    return [
        f"{row}[{n}]: {b} ≠ {a}"
        for row, values in theirs.items()
        for n, (a, b) in enumerate(zip(values, mine[row], strict=True))
        if a != b and not any(p.startswith(_printed_row(row)) for p in places)
    ]


def cells_right(got: Report, reference: Report) -> tuple[int, int]:
    mine, theirs = printed_cells(got), printed_cells(reference)
    pairs = [
        (a, b) for row, values in theirs.items() for a, b in zip(values, mine[row], strict=True)
    ]
    return sum(a == b for a, b in pairs), len(pairs)


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
    unsure = [
        f for f in result.outcome.findings if "是文字识别读出的，把握不大（置信度" in f.message
    ]
    assert unsure and {f.rule for f in unsure} == {"I4"}
    assert unflagged_wrong_cells(result.report, reference, result.outcome.findings) == []
    right, total = cells_right(result.report, reference)
    assert total == 200 and right >= 190, (right, total)
    errors = [f.format() for f in result.outcome.findings if f.is_error]
    assert errors == []
    assert any("第 2、3 页是图片（扫描件），已用文字识别（OCR）读出" in m for m in result.messages)
    assert result.text is not None
    assert result.text.count("是文字识别读出的，把握不大") == len(unsure)
    # A flagged wrong cell shows in the totals; with every cell right, check finds nothing.
    faults = {f.rule for f in check_report(result.report) if f.is_error}
    assert faults == set() if right == total else faults <= {"R1", "R2", "R3", "R8"}


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
    assert printed_cells(result.report)["T2 行政许可"] == (51,)
    assert unflagged_wrong_cells(result.report, reference, result.outcome.findings) == []
    message = "表二「行政许可」的“51”是文字识别读出的，把握不大（置信度 42%）；请对照原件核对"
    assert f"扫描件.pdf: 警告 I4 第 2 页第 10 行：{message}" in result.messages
    assert result.text is not None
    assert (
        f"行政许可: 51  # 本年处理决定数量  # 导入：{message}（原文第 2 页第 10 行）" in result.text
    )
    unsure = [m for m in result.messages if "是文字识别读出的" in m]
    low = [w for page in words for w in page if w["confidence"] < ocr.SURE and w["text"].isdigit()]
    assert 0 < len(unsure) <= len(low)
    # OCR lost the 一 of 部分公开's “只计这一情形”: the label's last line (“情形，不计其他情形”) was
    # read as 3.其他 with no numbers, before the real 3.其他; the printed totals tell them apart.
    other = ("办理结果", "其他处理", "其他")
    assert printed_cells(result.report)["T3 " + ".".join(other)] == reference.t3.shown_row(other)
    assert (
        "扫描件.pdf: 警告 I10 第 3 页第 32 行：表三「（六）其他处理3.其他」一行在原文出现了两次"
        "（第 2 页第 32 行与第 3 页第 32 行），可以有几种读法：读作「3.其他」是第 2 页第 32 行的一行时 R2 "
        "的合计不符，只有读作「3.其他」是第 3 页第 32 行的一行时印出的合计都相符，已按此导入"
        "表三「（六）其他处理3.其他」一行；请对照原表核对"
    ) in result.messages
    assert not [m for m in result.messages if "一行出现了两次" in m or "整行空白" in m]
    assert [f.format() for f in result.outcome.findings if f.is_error] == []
