"""Section text lands in its section (issue 10, item 5): headings run into their first sentence
or broken over two lines are still headings, so 五 is not lost and 六's fee sentence stays in 六."""

from __future__ import annotations

import pytest
from importer_helpers import printed_cells, text_report

from genreport.model import Report

PROBLEMS = "上一年度问题已整改。本年度解读形式单一，将增加图解。"


def _sections(result):
    report = result.report
    assert report is not None
    return (
        report.overview.parts[0].text.value.strip(),
        report.problems.text.strip(),
        report.other_matters.text.strip(),
        report.info_fee_yuan,
    )


@pytest.mark.parametrize("stop", ["。", "：", " "])
def test_headings_run_into_their_text(importer, reference: Report, stop: str) -> None:
    text = text_report(reference)
    for heading, first in (
        ("一、总体情况", "本局按照条例要求做好政府信息公开工作。"),
        ("五、存在的主要问题及改进情况", PROBLEMS),
        ("六、其他需要报告的事项", "本年度未收取信息处理费。"),
    ):
        text = text.replace(f"{heading}\n{first}", f"{heading}{stop}{first}")
    result = importer("r.txt", text)
    assert result.messages == []
    assert _sections(result) == (
        "本局按照条例要求做好政府信息公开工作。",
        PROBLEMS,
        "本年度未收取信息处理费。",
        0,
    )
    assert printed_cells(result.report) == printed_cells(reference)


def test_heading_broken_over_two_lines(importer, reference: Report) -> None:
    text = text_report(reference).replace(
        "五、存在的主要问题及改进情况\n", "五、存在的主要问题及改进\n情况\n"
    )
    result = importer("r.txt", text)
    assert result.messages == []
    assert _sections(result)[1:] == (PROBLEMS, "本年度未收取信息处理费。", 0)


def test_altered_heading_run_into_its_text(importer, reference: Report) -> None:
    text = text_report(reference).replace(
        "六、其他需要报告的事项\n本年度", "六、其他需要报告事项：本年度"
    )
    result = importer("r.txt", text)
    line = next(n for n, x in enumerate(text.splitlines(), 1) if x.startswith("六、"))
    assert result.messages == [
        f"r.txt:{line}:1: 提示 I8 标题「六、其他需要报告事项」与标准格式的「六、其他需要报告的事项」不同，按后者导入"
    ]
    assert _sections(result)[1:] == (PROBLEMS, "本年度未收取信息处理费。", 0)
