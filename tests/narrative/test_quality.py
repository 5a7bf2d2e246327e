"""R29: repeated words, half-width punctuation in Chinese sentences, unclosed brackets and quotes."""

from __future__ import annotations

import pytest

from genreport.check.narrative import r29_text_quality as rule

from .helpers import overview_with, run

WHERE = "总体情况.依申请公开："

TRIPS: list[tuple[str, list[tuple[str, str]]]] = [
    ("做好政府信息公开情况情况统计。", [("情况情况", "“情况情况”中“情况”重复了一次")]),
    ("加强专项资金资金使用情况公开。", [("资金资金", "“资金资金”中“资金”重复了一次")]),
    ("公开前逐条进行保密审查审查。", [("审查审查", "“审查审查”中“审查”重复了一次")]),
    ("依申请公开,共收到申请。", [(",共", "中文句子中用了半角标点“,”，应为全角“，”")]),
    ("主要包括:门户网站、政务新媒体。", [(":门", "中文句子中用了半角标点“:”，应为全角“：”")]),
    ("是否答复?均已答复。", [("?均", "中文句子中用了半角标点“?”，应为全角“？”")]),
    ("严格落实制度;按期答复。", [(";按", "中文句子中用了半角标点“;”，应为全角“；”")]),
    ("详见附件(附表一)。", [("(附", "中文句子中用了半角标点“(”，应为全角“（”")]),
    ("门户网站建设（含栏目优化。", [("（含", "左括号“（”没有对应的右括号“）”")]),
    ("开设“政策解读栏目。", [("“政策", "左双引号没有对应的右双引号")]),
    ("依据《条例》第二十条）规定公开。", [("）规定", "右括号“）”前面没有对应的左括号“（”")]),
    ("按照《政府信息公开条例要求办理。", [("《政府", "左书名号“《”没有对应的右书名号“》”")]),
    (
        "情况情况说明（一）。\n\n第二段（未闭合。",
        [("情况情况", "“情况情况”中“情况”重复了一次"), ("（未", "左括号“（”没有对应的右括号“）”")],
    ),
]

NEAR_MISSES = [
    "全年收到申请 1,234 件，12:30 前受理的当日登记。",
    "常常、天天、人人都关注政务公开。",
    "各科室要研究研究新情况。",
    "1）建立台账；2）按期答复。",
    "（1）建立台账（2）按期答复。",
    "依据《中华人民共和国政府信息公开条例》（以下简称《条例》）办理。",
    "访问 www.gov.cn/xxgk 查看。",
    "English words, here: ok (fine).",
    "答复率100%!",
    "开设“政务公开”“政府信息公开”专栏。",
    "{{ 机关 }}{{ 机关 }}按期答复。",
    "数据{{ 年度 }}数据已核对。",
    "一是完善制度；二是加强培训。",
    "讨论通过《年度工作要点》。",
]


@pytest.mark.parametrize(("text", "expected"), TRIPS, ids=[t for t, _ in TRIPS])
def test_slips_are_notes_at_the_character(text: str, expected: list[tuple[str, str]]) -> None:
    result = run(rule, overview=overview_with("依申请公开", text))
    wanted = [(*result.at(needle), f"R29 {WHERE}{message}") for needle, message in expected]
    assert result.located == wanted
    assert {f.severity.value for f in result.findings} == {"提示"}


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_numbers_urls_enumerators_and_balanced_marks_are_not_flagged(text: str) -> None:
    assert run(rule, overview=overview_with("依申请公开", text)).messages == []
