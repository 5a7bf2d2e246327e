"""Text copies of a published report, in each rendering found in practice, import cell for cell."""

from __future__ import annotations

import pytest
from importer_helpers import printed_cells, text_report

from genreport.model import Report


@pytest.mark.parametrize("style", ["tabs", "cells", "pipes", "md"])
def test_every_rendering_imports_every_cell(importer, reference: Report, style: str) -> None:
    suffix = "md" if style == "md" else "txt"
    result = importer(f"shiliju.{suffix}", text_report(reference, style))
    assert result.messages == []
    assert result.report is not None
    assert printed_cells(result.report) == printed_cells(reference)
    assert result.outcome.target == "inputs/2023/shiliju.yaml"


def test_metadata_comes_from_title_and_signature(importer, reference: Report) -> None:
    result = importer("shiliju.txt", text_report(reference))
    report = result.report
    assert report is not None
    assert (report.agency, report.year, report.agency_type) == ("示例市数据管理局", 2023, "部门")
    assert report.published.isoformat() == "2024-01-18"
    assert report.info_fee_yuan == 0
    assert not report.can_make_rules


def test_narrative_lands_under_the_right_keys(importer, reference: Report) -> None:
    result = importer("shiliju.txt", text_report(reference))
    report = result.report
    assert report is not None
    parts = {p.key: p.text.value.strip() for p in report.overview.parts}
    assert parts == {
        "概述": "本局按照条例要求做好政府信息公开工作。",
        "主动公开": "全年主动公开政府信息 88 条。",
        "依申请公开": "本年新收申请 31 件。",
        "政府信息管理": "落实发布前保密审查。",
        "平台建设": "门户网站设公开专栏。",
        "监督保障": "开展一次业务培训。",
    }
    assert report.problems.text.strip() == "上一年度问题已整改。本年度解读形式单一，将增加图解。"
    assert report.other_matters.text.strip() == "本年度未收取信息处理费。"
    assert report.preface is not None
    assert report.preface.value.startswith("本报告所列数据的统计期限自2023年1月1日")


def test_written_file_starts_with_the_schema_modeline(importer, reference: Report) -> None:
    result = importer("shiliju.txt", text_report(reference))
    assert result.text is not None
    assert result.text.splitlines()[0] == "# yaml-language-server: $schema=../genreport.schema.json"
    assert "  本年新收: [20, 3, 1, 2, 1, 4, 31]" in result.text.splitlines()
    assert "  行政事业性收费: 12.5000  # 本年收费金额，万元" in result.text.splitlines()
