"""A document that holds two reports (issue 10, item 3): the asked year's copy is imported, or
nothing is written; the other year's numbers never are."""

from __future__ import annotations

import io

import pytest
from importer_helpers import printed_cells, text_report
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

from genreport.model import Report


def _year_before(reference: Report) -> str:
    """The same agency's 2022 report: other years, and 行政许可 44 instead of 57."""
    text = text_report(reference).replace("2023", "2022").replace("2024年1月18日", "2023年1月18日")
    assert "行政许可\t57" in text
    return text.replace("行政许可\t57", "行政许可\t44")


def _both(reference: Report) -> str:
    return _year_before(reference) + "\n" + text_report(reference)


def test_asked_year_is_the_second_copy(importer, reference: Report) -> None:
    text = _both(reference)
    second = text.splitlines().index("示例市数据管理局2023年政府信息公开工作年度报告") + 1
    result = importer("both.txt", text, year=2023)
    assert result.messages == [
        f"both.txt:1:1: 提示 I1 原文中有 2 份报告（第 1 行起：2022 年；第 {second} 行起：2023 年）："
        f"按 --year 导入 2023 年的那份（第 {second} 行起）"
    ]
    assert printed_cells(result.report) == printed_cells(reference)
    assert result.report is not None and result.report.published.isoformat() == "2024-01-18"


def test_asked_year_is_the_first_copy(importer, reference: Report) -> None:
    result = importer("both.txt", _both(reference), year=2022)
    assert result.report is not None
    assert result.report.t2.decisions["行政许可"] == 44
    assert result.report.published.isoformat() == "2023-01-18"


def test_without_a_year_or_with_another_nothing_is_written(importer, reference: Report) -> None:
    result = importer("both.txt", _both(reference))
    assert not result.outcome.written
    [message] = result.messages
    assert message.startswith("both.txt:1:1: 错误 I1 原文中有 2 份报告（第 1 行起：2022 年；")
    assert message.endswith("请用 --year 指定导入哪一年，未写出输入文件（不会把另一年的数写进来）")
    result = importer("both.txt", _both(reference), year=2021)
    assert not result.outcome.written
    assert result.messages[0].endswith("2023 年），没有 2021 年的；未写出输入文件")


def test_second_copy_without_a_title_starts_where_the_sections_start_over(importer, reference):
    second = text_report(reference, title=None)
    result = importer("both.txt", _year_before(reference) + second, year=2023)
    assert printed_cells(result.report) == printed_cells(reference)


def test_same_report_printed_twice(importer, reference: Report) -> None:
    text = text_report(reference)
    result = importer("twice.txt", text + text)
    assert len(result.messages) == 1
    assert result.messages[0].endswith("是同一年度的；按第一份导入，请核对两份是否一致")
    assert result.messages[0].startswith("twice.txt:1:1: 警告 I1 原文中有 2 份报告")
    assert printed_cells(result.report) == printed_cells(reference)


@pytest.mark.parametrize("year", [2022, 2023])
def test_pdf_with_two_reports(importer, reference: Report, year: int) -> None:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("b", fontName="STSong-Light", fontSize=10, leading=14)
    story: list[object] = []
    for text in (_year_before(reference), text_report(reference)):
        story += [Paragraph(" ".join(x.split()), body) for x in text.splitlines() if x.strip()]
        story.append(PageBreak())
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)  # type: ignore[arg-type]
    result = importer("both.pdf", buffer.getvalue(), year=year)
    assert result.report is not None
    assert result.report.t2.decisions["行政许可"] == (44 if year == 2022 else 57)
    assert [m for m in result.messages if "I1" not in m] == []
