"""Narrative evaluation and paragraphs, and where inside a block scalar a character is."""

from __future__ import annotations

from report_text import complete

from genreport.load import load_text
from genreport.model import Pos
from genreport.narrative import NarrativeEvaluator, paragraphs

HEADER = "机关: 测试市<测试>&局\n年度: 2023\n发布日期: 2024-01-20\n"


def test_paragraphs_split_on_blank_lines_and_join_wrapped_lines() -> None:
    text = "第一段第一行\n第一段第二行\n\n  第二段 with\nEnglish words\n\n\n第三段\n"
    assert paragraphs(text) == ["第一段第一行第一段第二行", "第二段 with English words", "第三段"]


def test_expressions_see_the_data_and_computed_totals() -> None:
    text = HEADER + (
        "依申请公开:\n  本年新收: [3, 1, 0, 0, 0, 0]\n  办理结果:\n    予以公开: [3, 1, 0, 0, 0, 0]\n"
        "其他需要报告的事项: 共 {{ 依申请公开.本年新收.总计 }} 件，办结 {{ 依申请公开.办理结果.总计.总计 }} 件。\n"
    )
    report = load_text(complete(text).encode(), "x.yaml", 2023).report
    assert report is not None
    evaluator = NarrativeEvaluator(report)
    [part] = evaluator.narrative(report.other_matters, "其他需要报告的事项")
    assert part.text == "共 4 件，办结 4 件。"
    assert evaluator.findings == []


def test_data_is_never_evaluated_as_a_template() -> None:
    text = (
        HEADER.replace("测试市<测试>&局", '"{{ 年度 }}局"')
        + "其他需要报告的事项: 本机关为{{ 机关 }}。\n"
    )
    report = load_text(complete(text).encode(), "x.yaml", 2023).report
    assert report is not None
    [part] = NarrativeEvaluator(report).narrative(report.other_matters, "六")
    assert part.text == "本机关为{{ 年度 }}局。"


def test_locate_maps_offsets_inside_literal_blocks() -> None:
    text = HEADER + "其他需要报告的事项: |\n  第一行\n\n  第三行有 17 件\n"
    report = load_text(complete(text).encode(), "x.yaml", 2023).report
    assert report is not None
    part = report.other_matters.parts[0].text
    offset = part.value.index("17")
    assert part.locate(offset) == Pos(7, 8)
    assert part.locate(0) == Pos(5, 3)
