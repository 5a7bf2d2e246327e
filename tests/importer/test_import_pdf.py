"""A PDF report made with reportlab: ruled tables with spans, T3 split over two pages with its
header repeated, labels wrapping inside cells, page numbers, and Kangxi / CJK-radical code points
in the extracted text (format.md §7)."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from importer_helpers import NARRATIVE, printed_cells, t2_rows, t3_header, t3_rows, t4_rows
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from genreport.model import Report

#: A TrueType CJK font keeps Kangxi code points (⼀ ⾏) in the extracted text, as real PDFs do;
#: the built-in CID font maps them back to ordinary ideographs.
UMING = Path("/usr/share/fonts/truetype/arphic/uming.ttc")

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
BODY = ParagraphStyle("body", fontName="STSong-Light", fontSize=10, leading=14)
CELL = ParagraphStyle("cell", fontName="STSong-Light", fontSize=7, leading=9)


def _grid(rows: list[list[str]], spans=(), widths=None, repeat=0, font="STSong-Light") -> Table:
    style_ = ParagraphStyle("c", parent=CELL, fontName=font)
    cells = [[Paragraph(c, style_) if len(c) > 6 else c for c in r] for r in rows]
    table = Table(cells, colWidths=widths, repeatRows=repeat)
    style = [
        ("FONT", (0, 0), (-1, -1), font, 7),
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    style += [("SPAN", a, b) for a, b in spans]
    table.setStyle(TableStyle(style))
    return table


def _page_number(canvas, doc) -> None:
    canvas.setFont("STSong-Light", 9)
    canvas.drawCentredString(landscape(A4)[0] / 2, 20, f"- {doc.page} -")


def make_pdf(reference: Report, kangxi_font: str | None) -> bytes:
    t2 = t2_rows(reference)
    header = t3_header()
    rows = t3_rows(reference)
    if kangxi_font:
        rows[0][0] = rows[0][0].replace("一、", "\u2f00、")  # ⼀、本年新收…
        t2 = [[c.replace("行政许可", "\u2f8f政许可") for c in r] for r in t2]
    story = [
        Paragraph("示例市人\u2ea0政府2023年政府信息公开工作年度报告", BODY),  # ⺠ for 民
        Paragraph("一、总体情况", BODY),
        *(Paragraph(x, BODY) for x in NARRATIVE["一"]),
        Paragraph("二、主动公开政府信息情况", BODY),
        _grid(
            t2,
            spans=[((0, 0), (3, 0)), ((0, 4), (3, 4)), ((1, 5), (3, 5)), ((0, 7), (3, 7))],
            font=kangxi_font or "STSong-Light",
        ),
        Spacer(1, 120),
        Paragraph("三、收到和处理政府信息公开申请情况", BODY),
        _grid(
            [*header, *rows],
            spans=[
                ((0, 0), (2, 2)),
                ((3, 0), (9, 0)),
                ((3, 1), (3, 2)),
                ((4, 1), (8, 1)),
                ((9, 1), (9, 2)),
                ((0, 3), (2, 3)),
                ((0, 4), (2, 4)),
                ((0, 27), (2, 27)),
            ],
            widths=[90, 90, 160, *[45] * 7],
            repeat=3,
            font=kangxi_font or "STSong-Light",
        ),
        Paragraph("四、政府信息公开行政复议、行政诉讼情况", BODY),
        _grid(
            t4_rows(reference),
            spans=[((0, 0), (4, 0)), ((5, 0), (14, 0)), ((5, 1), (9, 1)), ((10, 1), (14, 1))],
        ),
        Paragraph("五、存在的主要问题及改进情况", BODY),
        Paragraph(NARRATIVE["五"][0], BODY),
        Paragraph("六、其他需要报告的事项", BODY),
        Paragraph(NARRATIVE["六"][0], BODY),
        Paragraph("示例市人民政府", BODY),
        Paragraph("2024年3月20日", BODY),
    ]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=landscape(A4)).build(
        story, onFirstPage=_page_number, onLaterPages=_page_number
    )
    return buffer.getvalue()


def test_pdf_report_imports_every_cell(importer, reference: Report) -> None:
    result = importer("report.pdf", make_pdf(reference, None))
    assert result.messages == []
    assert printed_cells(result.report) == printed_cells(reference)
    report = result.report
    assert (report.agency, report.agency_type) == ("示例市人民政府", "人民政府")
    assert report.published.isoformat() == "2024-03-20"


def test_pdf_with_kangxi_code_points(importer, reference: Report) -> None:
    if not UMING.exists():
        pytest.skip("needs the AR PL UMing TrueType font (fonts-arphic-uming)")
    pdfmetrics.registerFont(TTFont("UMing", str(UMING), subfontIndex=0))
    data = make_pdf(reference, "UMing")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = "".join(page.extract_text() for page in pdf.pages)
    assert "\u2f00、本年新收" in text and "\u2f8f政许可" in text  # the variant is really there
    result = importer("report.pdf", data)
    assert result.messages == []
    assert printed_cells(result.report) == printed_cells(reference)
