"""A blank national template (every number cell empty) reads as blank cells, not as “no table”
(issue 10, item 6): each row is zero with a finding at it, so `check` has nothing to add."""

from __future__ import annotations

import io

import pytest
from importer_helpers import t2_rows, t3_header, t3_rows, t4_rows, text_report
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from genreport.check import check_report
from genreport.layout import T2_DOC_ROWS, T3_ROWS
from genreport.model import Report

T2_NAMES = (*T2_DOC_ROWS, "行政许可", "行政处罚", "行政强制", "行政事业性收费")


def _blank(rows: list[list[str]]) -> list[list[str]]:
    """Every number of the rows left empty."""
    return [[c if not c.replace(".", "").isdigit() else "" for c in r] for r in rows]


def _blank_tables(reference: Report) -> dict[str, list[list[str]]]:
    t4 = t4_rows(reference)
    t4[3] = [""] * 15
    return {
        "t2": _blank(t2_rows(reference)),
        "t3": [*t3_header(), *_blank(t3_rows(reference))],
        "t4": t4,
    }


def _check_blank(result) -> None:
    report = result.report
    assert report is not None
    assert all(not any(c.values) for c in report.t3.rows.values())
    stated = report.t3.stated_results_total
    assert stated is None or not any(stated.values)
    assert not any(report.t2.decisions.values()) and report.t2.fee == 0
    blank_t3 = [m for m in result.messages if "整行空白" in m and "表三" in m]
    assert len(blank_t3) == len(T3_ROWS)
    blank_t2 = [m for m in result.messages if "没有印数（空白）" in m]
    assert len(blank_t2) == len(T2_NAMES)
    assert any("表四只有表头，没有印数（数字一行空白）" in m for m in result.messages)
    assert not [m for m in result.messages if "找不到" in m]
    arithmetic = {"R1", "R2", "R3", "R8"}
    assert [f for f in check_report(report) if f.rule in arithmetic] == []
    assert result.text is not None
    assert (
        "本年新收: [0, 0, 0, 0, 0, 0]  # 导入：表三「一、本年新收政府信息公开申请数量」一行没有印数"
        in (result.text)
    )


@pytest.mark.parametrize("style", ["tabs", "pipes", "md"])
def test_blank_template_as_text(importer, reference: Report, style: str) -> None:
    suffix = "md" if style == "md" else "txt"
    result = importer(f"blank.{suffix}", text_report(reference, style, **_blank_tables(reference)))
    _check_blank(result)


def test_blank_template_as_pdf(importer, reference: Report) -> None:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("b", fontName="STSong-Light", fontSize=9, leading=12)
    cell = ParagraphStyle("c", fontName="STSong-Light", fontSize=6, leading=8)
    tables = _blank_tables(reference)
    lines = text_report(reference, t2=[], t3=[], t4=[]).splitlines()
    story: list[object] = []
    for line in lines:
        if not line.strip():
            continue
        story.append(Paragraph(line, body))
        key = {"二": "t2", "三": "t3", "四": "t4"}.get(line[0]) if "、" in line[:2] else None
        if key:
            rows = [[Paragraph(c, cell) if len(c) > 6 else c for c in r] for r in tables[key]]
            table = Table(rows)
            table.setStyle(
                TableStyle(
                    [
                        ("FONT", (0, 0), (-1, -1), "STSong-Light", 6),
                        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                    ]
                )
            )
            story.append(table)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=landscape(A4)).build(story)  # type: ignore[arg-type]
    _check_blank(importer("blank.pdf", buffer.getvalue()))


def test_tables_missing_altogether_is_said_without_contradiction(importer, reference) -> None:
    """Title and six headings present, the tables are pictures: say that, not “只找到 6 个”."""
    result = importer("r.txt", text_report(reference, t2=[], t3=[], t4=[]))
    assert result.messages == [
        "r.txt:1:1: 错误 I1 标题和六个部分的标题都找到了，但表二、表三、表四一张也读不出"
        "（可能是图片或扫描件，或表格的文字与标准格式相差太远）；未写出输入文件"
    ]
