"""Smaller points of issue 10 (item 9): the page's date line, fee sentences without the word
处理费, 管委会 and other dispatched offices, library warnings kept away from users, and what the
exit code and ``--format json`` say."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from importer_helpers import text_report
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate
from typer.testing import CliRunner

from genreport.cli import app
from genreport.model import Report

runner = CliRunner()


@pytest.mark.parametrize(
    "line",
    [
        "发布时间：2024-03-08 10:20 来源：示例市数据管理局",
        "发布日期：2024年3月8日",
        "时间：2024/3/8",
    ],
)
def test_page_date_line_is_the_published_date(importer, reference: Report, line: str) -> None:
    text = line + "\n" + text_report(reference, signature=("示例市数据管理局",))
    result = importer("r.txt", text)
    assert result.report is not None
    assert result.report.published.isoformat() == "2024-03-08"
    assert (
        f"r.txt:1:1: 提示 I2 原文末尾没有落款日期：发布日期取自页面上的“{line}”" in result.messages
    )
    assert result.report.preface is not None and "2024" not in result.report.preface.value


def test_signature_date_wins_over_the_page_date(importer, reference: Report) -> None:
    result = importer("r.txt", "发布日期：2024-03-08\n" + text_report(reference))
    assert result.report is not None and result.report.published.isoformat() == "2024-01-18"


@pytest.mark.parametrize("sentence", ["本年度未发生收费情况。", "依申请公开工作未收取任何费用。"])
def test_no_charge_sentences_mean_zero(importer, reference: Report, sentence: str) -> None:
    result = importer("r.txt", text_report(reference, six=[sentence]))
    assert result.report is not None and result.report.info_fee_yuan == 0
    assert not [m for m in result.messages if "信息处理费" in m]


@pytest.mark.parametrize(
    ("agency", "kind", "noted"),
    [
        ("示例市高新技术产业开发区管委会", "部门", True),
        ("示例区东城街道办事处", "部门", True),
        ("示例县政府", "人民政府", False),
        ("示例市人民政府办公室", "部门", False),
        ("示例镇人民政府", "人民政府", False),
    ],
)
def test_agency_type(importer, reference: Report, agency: str, kind: str, noted: bool) -> None:
    title = f"{agency}2023年政府信息公开工作年度报告"
    result = importer(
        "r.txt", text_report(reference, title=title, signature=(agency, "2024年1月18日"))
    )
    assert result.report is not None and result.report.agency_type == kind
    note = f"r.txt:1:1: 提示 I2 “{agency}”不是人民政府（管委会、办事处等派出机构）：机关类型按“部门”导入"
    assert any(m.startswith(note) for m in result.messages) == noted


def _report_pdf(reference: Report) -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("b", fontName="STSong-Light", fontSize=10, leading=14)
    story = [
        Paragraph(" ".join(x.split()), body)
        for x in text_report(reference).splitlines()
        if x.strip()
    ]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, pageCompression=0).build(story)  # type: ignore[arg-type]
    return buffer.getvalue()


def _library_warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    """What the libraries logged (outside pytest it goes to stderr)."""
    return [
        r.getMessage() for r in caplog.records if r.name.split(".")[0] in ("pdfminer", "pypandoc")
    ]


def test_pdf_font_warnings_do_not_reach_the_user(
    tmp_path, monkeypatch, capfd, caplog, reference
) -> None:
    monkeypatch.chdir(tmp_path)
    data = _report_pdf(reference)
    assert b"/FontBBox" in data
    Path("r.pdf").write_bytes(data.replace(b"/FontBBox", b"/FontBBoy"))  # as WPS exports lack it
    result = runner.invoke(app, ["import", "r.pdf"])
    assert result.exit_code == 0, result.output
    captured = capfd.readouterr()
    assert "FontBBox" not in result.output + captured.out + captured.err
    assert _library_warnings(caplog) == []
    assert "已写入 inputs/2023/r.yaml" in result.output


def test_pandoc_warnings_do_not_reach_the_user(
    tmp_path, monkeypatch, capfd, caplog, reference
) -> None:
    monkeypatch.chdir(tmp_path)
    html = "<h2 id='x'>一、总体情况</h2><h2 id='x'>二、主动公开政府信息情况</h2>"
    Path("r.html").write_text(f"<html><body>{html}</body></html>", encoding="utf-8")
    runner.invoke(app, ["import", "r.html"])
    captured = capfd.readouterr()
    assert "Duplicate identifier" not in captured.out + captured.err
    assert _library_warnings(caplog) == []


def test_exit_code_and_json_say_what_was_written(tmp_path, monkeypatch, reference) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(text_report(reference), encoding="utf-8")
    Path("b.txt").write_text("会议纪要\n", encoding="utf-8")
    result = runner.invoke(app, ["import", "a.txt", "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["sources"] == [
        {
            "source": "a.txt",
            "target": "inputs/2023/a.yaml",
            "written": True,
            "problem": None,
            "findings": [],
        }
    ]
    result = runner.invoke(app, ["import", "a.txt", "b.txt", "--format", "json"])
    assert result.exit_code == 1  # a.txt exists now, b.txt is no report: nothing written
    document = json.loads(result.output)
    first, second = document["sources"]
    assert (first["written"], first["problem"]) == (
        False,
        "inputs/2023/a.yaml 已存在，未覆盖；确要覆盖请加 --force",
    )
    assert second["findings"][0]["rule"] == "I1" and second["target"] is None
    assert document["summary"] == {"sources": 2, "written": 0}
    assert runner.invoke(app, ["import", "a.txt", "--format", "xml"]).exit_code == 2


def test_written_with_errors_still_exits_zero(tmp_path, monkeypatch, reference) -> None:
    """An import that wrote its file exits 0 although it has findings to check: the file is there."""
    monkeypatch.chdir(tmp_path)
    Path("r.txt").write_text(text_report(reference, t2=[]), encoding="utf-8")
    result = runner.invoke(app, ["import", "r.txt"])
    assert "错误 I3 找不到表二" in result.output
    assert "已写入 inputs/2023/r.yaml" in result.output
    assert result.exit_code == 0
