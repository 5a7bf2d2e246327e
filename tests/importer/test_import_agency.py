"""Where the agency's name comes from (issue 10, item 1): the title, also printed on two lines;
else the preface, the signature, the page's own title, in that order, and the import says which."""

from __future__ import annotations

import io

from importer_helpers import printed_cells, text_report
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate

from genreport.model import Report

TITLE = "2023年政府信息公开工作年度报告"
DATE_ONLY = ("2024年3月20日",)


def test_title_on_two_lines(importer, reference: Report) -> None:
    text = text_report(reference, title=f"示例市人民政府\n{TITLE}", signature=DATE_ONLY)
    result = importer("r.txt", text)
    assert result.messages == []
    assert result.report is not None
    assert (result.report.agency, result.report.agency_type) == ("示例市人民政府", "人民政府")


def test_title_broken_inside_its_words(importer, reference: Report) -> None:
    title = "示例市数据管理局2023年政府信息\n公开工作年度报告"
    result = importer("r.txt", text_report(reference, title=title, signature=DATE_ONLY))
    assert result.report is not None and result.report.agency == "示例市数据管理局"


def test_agency_from_the_preface_is_named_as_such(importer, reference: Report) -> None:
    text = text_report(reference, title=TITLE, signature=DATE_ONLY)
    text = text.replace(
        "本报告所列数据", "本报告由示例市人民政府办公室根据条例编制。本报告所列数据", 1
    )
    result = importer("r.txt", text)
    assert result.messages == [
        "r.txt:3:1: 提示 I2 标题中没有机关名称：机关名称“示例市人民政府”取自前言，请核对"
    ]
    assert result.report is not None and result.report.agency_type == "人民政府"


def test_agency_from_the_signature(importer, reference: Report) -> None:
    text = text_report(reference, title=TITLE)
    result = importer("r.txt", text)
    line = text.splitlines().index("示例市数据管理局") + 1
    assert result.messages == [
        f"r.txt:{line}:1: 提示 I2 标题中没有机关名称：机关名称“示例市数据管理局”取自落款，请核对"
    ]


def test_agency_from_the_html_title_last(importer, reference: Report) -> None:
    html = (
        "<html><head><title>示例市数据管理局2023年政府信息公开工作年度报告_示例市门户网站</title>"
        f"</head><body><h1>{TITLE}</h1><p>本报告所列数据的统计期限自2023年1月1日起至2023年"
        "12月31日止。</p><h2>一、总体情况</h2><p>正文。</p><h2>二、主动公开政府信息情况</h2>"
        "<table><tr><td>第二十条第（五）项</td></tr><tr><td>行政许可</td><td>3</td></tr></table>"
        "</body></html>"
    )
    result = importer("r.html", html)
    assert (
        "r.html: 提示 I2 网页或文件属性中的标题：标题中没有机关名称：机关名称“示例市数据管理局”"
        "取自页面标题，请核对" in result.messages
    )
    assert result.report is not None and result.report.agency == "示例市数据管理局"


def test_pdf_with_a_two_line_title_and_no_name_in_the_signature(importer, reference) -> None:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("t", fontName="STSong-Light", fontSize=16, leading=24)
    body = ParagraphStyle("b", fontName="STSong-Light", fontSize=10, leading=14)
    text = text_report(reference, title=None, signature=DATE_ONLY)
    story = [Paragraph("示例市人民政府", style), Paragraph(TITLE, style)]
    story += [Paragraph(" ".join(x.split()) or "&nbsp;", body) for x in text.splitlines()]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    result = importer("r.pdf", buffer.getvalue())
    assert result.report is not None
    assert result.report.agency == "示例市人民政府"
    assert not [m for m in result.messages if "I2" in m or "I8" in m]
    assert printed_cells(result.report) == printed_cells(reference)
