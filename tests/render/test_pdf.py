"""One LibreOffice conversion (it takes a few seconds): the PDF has the GB/T 9704 page layout.

Skipped where LibreOffice is not installed; the CI script installs it (libreoffice-writer-nogui
and fonts-noto-cjk; the install takes about a minute, the conversion 2–5 seconds).
"""

from __future__ import annotations

import io

import pdfplumber
import pytest

from genreport.render.pdf import docx_to_pdf, find_soffice

MM = 72 / 25.4
HANGING = "。，、；：！？）”’"

pytestmark = pytest.mark.skipif(
    find_soffice() is None, reason="LibreOffice (soffice) is not installed: PDF output not tested"
)


def test_pdf_is_a4_with_gbt_9704_margins_and_page_numbers(outputs: dict[str, bytes]) -> None:
    pdf = pdfplumber.open(io.BytesIO(docx_to_pdf(outputs["docx"])))
    assert len(pdf.pages) >= 3
    date_line = _signature(pdf.pages[-1])
    for number, page in enumerate(pdf.pages, start=1):
        assert (page.width, page.height) == pytest.approx((210 * MM, 297 * MM), abs=1)
        words = page.extract_words()
        footer = [w for w in words if w["top"] > page.height - 35 * MM]
        body = [w for w in words if w["top"] <= page.height - 35 * MM and w not in date_line]
        assert "".join(w["text"] for w in footer).replace(" ", "") == f"—{number}—"
        # the text block: 28 mm from the left edge, 26 mm from the right, 37 mm from the top
        assert min(w["x0"] for w in body) >= 28 * MM - 1
        # (LibreOffice hangs a closing 。，、 into the margin although the template forbids it,
        # w:overflowPunct="0"; Word and WPS keep it inside. Allow that one character.)
        right = [w["x1"] - (16 if w["text"][-1] in HANGING else 0) for w in body]
        assert max(right) <= page.width - 26 * MM + 1
        assert min(w["top"] for w in body) >= 37 * MM - 2
        # odd page numbers on the right, even on the left
        middle = (min(w["x0"] for w in footer) + max(w["x1"] for w in footer)) / 2
        assert (middle > page.width / 2) == (number % 2 == 1)
    first = pdf.pages[0].extract_text()
    assert "示例市测试管理局2023年政府信息公开工作年度报告" in first.replace("\n", "").replace(
        " ", ""
    )


def _signature(page: pdfplumber.page.Page) -> list[dict[str, object]]:
    """The 成文日期's words, after checking the signature's geometry on the printed page: the
    name 右空二字, the date's first character two characters right of the name's first.

    The date may reach past the text block here: LibreOffice sets the substitute Latin font's
    wider digits with extra space around them, and the date keeps its start, not its end.
    """
    char = 16  # 3号
    words = page.extract_words()
    [name] = [w for w in words if w["text"] == "示例市测试管理局"]
    date = [w for w in words if abs(w["top"] - name["top"] - 28.95) < 3]
    assert "".join(w["text"] for w in date) == "2024年1月20日"
    right = page.width - 26 * MM
    assert (right - name["x1"]) / char == pytest.approx(2, abs=0.05)
    assert (date[0]["x0"] - name["x0"]) / char == pytest.approx(2, abs=0.05)
    assert max(w["x1"] for w in date) <= right + 2 * char
    return date
