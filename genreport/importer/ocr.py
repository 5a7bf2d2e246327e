"""Scanned pages (a PDF page that is only an image) → words with boxes, by RapidOCR.

Optional (``pip install genreport[ocr]``): RapidOCR 1.4 runs PP-OCR's ONNX models, shipped inside
its wheel, offline on the CPU. Each text box becomes a word shaped like pdfplumber's (``x0``,
``x1``, ``top``, ``bottom`` in PDF points, ``text``) plus ``confidence``, so the PDF reader puts
scanned words into lines and cells by the same geometry as printed ones.

Chosen over Tesseract (``chi_sim``) on a rasterised page of the project's own report: Tesseract
read the ruled tables poorly (rules taken for characters, most single digits lost even with the
rules erased) while RapidOCR read every label and number; see docs/import.md for the figures.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from functools import cache
from typing import Any

from .limits import LimitError, not_a_report

DPI = 200  # sharp enough for 3号/小四 body text and 10.5-point table digits
MAX_PIXELS = 60_000_000  # one rendered page; A4 at 200 dpi is ~3.9 million
#: Below this a box's text is not trusted: its numbers are reported and commented for checking.
SURE = 0.9

INSTALL_HINT = (
    "需要文字识别（OCR）才能读取，但没有安装识别引擎。请安装 genreport 的 ocr 扩展："
    "pip install 'genreport[ocr]'（约 200 MB，离线运行，不需要网络）；"
    "或者找到这份报告的 Word 文件或文字版 PDF 导入"
)

Word = dict[str, Any]


_ENGINE = "rapidocr_onnxruntime"  # imported only when a scan is read: it loads ONNX Runtime


def available() -> bool:
    return importlib.util.find_spec(_ENGINE) is not None


@cache
def _engine() -> Any:
    # The angle classifier only matters for text printed upside down; scans are upright.
    return importlib.import_module(_ENGINE).RapidOCR(use_cls=False, print_verbose=False)


def page_words(page: Any) -> list[Word]:
    """The words of a pdfplumber page, read from its pixels."""
    numpy = importlib.import_module("numpy")  # a dependency of the OCR engine
    scale = DPI / 72
    pixels = float(page.width) * float(page.height) * scale * scale
    if pixels > MAX_PIXELS:
        raise not_a_report(f"页面尺寸为 {page.width:.0f}×{page.height:.0f} 点")
    try:
        image = page.to_image(resolution=DPI).original.convert("L")
    except (MemoryError, ValueError) as exc:
        raise LimitError(f"无法把页面转为图像进行文字识别（{exc}）") from None
    result, _ = _engine()(numpy.asarray(image))
    words: list[Word] = []
    for box, text, score in result or []:
        xs = [float(p[0]) / scale for p in box]
        ys = [float(p[1]) / scale for p in box]
        words.append(
            {
                "text": str(text),
                "x0": min(xs),
                "x1": max(xs),
                "top": min(ys),
                "bottom": max(ys),
                "confidence": float(score),
            }
        )
    return words


_NUMERAL = "[一二三四五六七八九十]{1,2}"
#: A subheading's numbering as OCR leaves it: a bracket lost or half-width (``一）`` ``(一)``
#: ``〔一〕``), or both lost, the numeral then a box of its own (``二 存在的主要问题``).
_BRACKETED = re.compile(
    rf"\s*(?:[（(〔【\[]\s*(?P<a>{_NUMERAL})\s*[)）〕】\]]?|(?P<b>{_NUMERAL})\s*[)）〕】\]])\s*"
)
_BARE = re.compile(rf"\s*(?P<c>{_NUMERAL})\s+(?=[^\s、.．，,])")
_SUBHEADING_MAX = 40  # a bare numeral counts only before a line as short as a subheading


def mend_numbering(text: str) -> str:
    """An OCR line that starts a subheading, with the format's numbering (``（一）``)."""
    match = _BRACKETED.match(text)
    if match is None:
        match = _BARE.match(text)
        if match is None or len(text) - match.end() > _SUBHEADING_MAX:
            return text
    numeral = next(n for n in match.groupdict().values() if n)
    return f"（{numeral}）{text[match.end() :]}"
