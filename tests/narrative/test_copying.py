"""R23: text repeated from last year's report, and names left over from another report."""

from __future__ import annotations

import pytest

from genreport.check.narrative import r23_copied_text as rule
from genreport.check.narrative.copying import containment, normalise

from .helpers import OVERVIEW, PREVIOUS_FILE, load, overview_with, run, yaml_text

LONG_2022 = (
    "2022年，本局把依申请公开答复文书的说理作为重点，逐件说明依据和救济途径，"
    "全年收到申请 60 件，答复全部在法定期限内完成，并建立了申请办理台账和到期提醒机制。"
)
LONG_2023 = LONG_2022.replace("2022", "2023").replace("60", "95")
NEW_2023 = (
    "2023年，本局重点抓复杂申请的沟通，对可能无法提供的申请先电话联系申请人核实需求，"
    "减少了补正和重复申请；答复文书范本在各科室统一使用，审核时间平均缩短两天。"
)


def previous(**narrative: object) -> object:
    text = yaml_text(year=2022, **narrative)  # type: ignore[arg-type]
    return load(text, PREVIOUS_FILE)


def test_containment_ignores_numbers_and_punctuation() -> None:
    assert normalise("2023年，收到 {{ x }} 件！") == "#年收到#件"
    assert containment(LONG_2023, LONG_2022) == 1.0
    assert containment("太短的文字", "太短的文字") is None


def test_a_part_repeating_last_year_is_a_warning_with_the_ratio() -> None:
    last = previous(overview=overview_with("依申请公开", LONG_2022))
    result = run(rule, previous=last, overview=overview_with("依申请公开", LONG_2023))
    assert result.located == [
        (
            *result.at("2023年，本局把"),
            f"R23 总体情况.依申请公开：与上一年度报告（{PREVIOUS_FILE}）的同一部分文字重合 100%"
            "（按连续 10 个字的片段计，超过 50%），请按本年度的实际情况撰写",
        )
    ]


def test_a_rewritten_part_and_a_part_with_a_new_paragraph() -> None:
    last = previous(overview=overview_with("依申请公开", LONG_2022))
    assert run(rule, previous=last, overview=overview_with("依申请公开", NEW_2023)).messages == []
    half_new = f"{LONG_2023}\n\n{NEW_2023}"  # 46 % of its shingles are last year's
    assert run(rule, previous=last, overview=overview_with("依申请公开", half_new)).messages == []
    extended = f"{LONG_2023}\n\n网站栏目完成优化。"
    messages = run(rule, previous=last, overview=overview_with("依申请公开", extended)).messages
    assert len(messages) == 1
    assert "重合 88%" in messages[0]


def test_short_standard_sentences_may_repeat() -> None:
    last = previous(other="本年度未收取信息处理费，无其他需要报告的事项。")
    assert (
        run(rule, previous=last, other="本年度未收取信息处理费，无其他需要报告的事项。").messages
        == []
    )


def test_free_text_overview_is_compared_whole() -> None:
    last = previous(overview=f"{LONG_2022}\n\n门户网站完成栏目优化。")
    result = run(rule, previous=last, overview=f"{LONG_2023}\n\n门户网站完成栏目优化。")
    assert [m.split("：")[0] for m in result.messages] == ["R23 总体情况"]


def test_section_five_compared_across_its_subtitles() -> None:
    last = previous(problems={"上一年度问题整改情况": LONG_2022})
    result = run(rule, previous=last, problems={"上一年度问题整改情况": LONG_2023})
    assert [(f.line, f.column) for f in result.findings] == [result.at("2023年，本局把")]
    assert result.messages[0].startswith("R23 存在的主要问题及改进情况：与上一年度报告")


@pytest.mark.parametrize(
    ("text", "needle", "message"),
    [
        (
            "本年度合肥市商务局门户网站完成改版。",
            "合肥市商务局",
            "R23 总体情况.平台建设：正文出现“合肥市商务局”，地名与本报告机关“青禾市商务局”不同，"
            "可能是从其他机关的报告复制后遗留的",
        ),
        (
            "2021年，我局完成门户网站改版。",
            "2021",
            "R23 总体情况.平台建设：正文“2021年，我局”写的是 2021 年，本报告是 2023 年度报告，"
            "可能是从往年报告复制后未改",
        ),
    ],
)
def test_copy_paste_names_and_years(text: str, needle: str, message: str) -> None:
    result = run(rule, overview=overview_with("平台建设", text))
    assert result.located == [(*result.at(needle), message)]


def test_another_agency_presenting_the_report() -> None:
    result = run(rule, preface="现将青禾市财政局2023年政府信息公开工作年度报告公布如下。")
    assert result.located == [
        (
            *result.at("青禾市财政局"),
            "R23 前言：正文以“青禾市财政局”的名义介绍本报告，但本报告机关是“青禾市商务局”，"
            "可能是从其他机关的报告复制后遗留的",
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        "青禾市商务局门户网站完成改版。",
        "按照白沙市商务局的通知要求，完成门户网站改版。",
        "赴白沙市商务局学习门户网站建设经验。",
        "本市商务局系统的网站统一改版。",
        "2022年，我局完成门户网站改版，本年度继续优化。",
        "2024年，我局将推进网站集约化。",
        "2021年存在问题的整改情况已在上年度报告中说明。",
        "门户网站沿用2020年我局建立的审核制度。",
        "现将本局2023年政府信息公开工作年度报告公布如下。",
        "现将我局编制的2023年政府信息公开工作年度报告公布如下。",
    ],
)
def test_own_names_dealings_and_nearby_years_are_fine(text: str) -> None:
    assert run(rule, overview=overview_with("平台建设", text)).messages == []


def test_base_report_is_clean_without_and_with_a_different_previous_year() -> None:
    assert run(rule).messages == []
    last = previous(overview={**OVERVIEW, "主动公开": NEW_2023})
    assert run(rule, previous=last).messages == []


LAST_YEAR_SUBJECT = (
    "正文“{found}”写的是 2022 年，本报告是 2023 年度报告，可能是从往年报告复制后未改"
)
PLATFORM = "正文中的平台“{name}”以“{prefix}”开头，而本报告机关是“青禾市商务局”，可能是从其他地方的报告复制后遗留的"

LEFTOVERS = [
    ("2022年，我局扎实推进政务公开工作。", "2022", LAST_YEAR_SUBJECT.format(found="2022年，我局")),
    ("2022年度，本局组织业务培训 3 次。", "2022", LAST_YEAR_SUBJECT.format(found="2022年度，本局")),
    (
        "门户网站运行平稳。2022年我局新开设专栏 4 个。",
        "2022",
        LAST_YEAR_SUBJECT.format(found="2022年我局"),
    ),
    (
        "2020年，本局完成门户网站改版。",
        "2020",
        "正文“2020年，本局”写的是 2020 年，本报告是 2023 年度报告，可能是从往年报告复制后未改",
    ),
    (
        "通过“合肥商务”微信公众号发布信息 120 条。",
        "合肥商务",
        PLATFORM.format(name="合肥商务", prefix="合肥"),
    ),
    (
        "在“芜湖市商务”网站发布政策解读。",
        "芜湖市商务",
        PLATFORM.format(name="芜湖市商务", prefix="芜湖市"),
    ),
    (
        "“白沙商务”政务微博全年发布 300 条。",
        "白沙商务",
        PLATFORM.format(name="白沙商务", prefix="白沙"),
    ),
]

LEFTOVER_NEAR_MISSES = [
    "2022年，我局收到申请 60 件，2023年收到 95 件。",
    "2022年，我局收到申请 60 件，本年度有所增加。",
    "2022年，我局门户网站访问量较低，今年明显改善。",
    "2022年，我局在栏目建设方面存在不足。",
    "2022年，我局建立的审核制度继续执行。",
    "2022年以来，我局持续推进政务公开。",
    "本局2022年建立的制度继续执行。",
    "通过“青禾商务”微信公众号发布信息 120 条。",
    "通过“青禾市商务局”门户网站发布信息。",
    "转发“安徽商务”微信公众号文章 20 篇。",
    "通过“商务青禾”公众号推送政策。",
    "通过“i青禾”客户端提供查询。",
    "通过“中国商务”客户端学习政策。",
    "通过“青禾发布”微信公众号发布信息。",
    "通过“合肥发布”微信公众号转载本局信息。",
]


@pytest.mark.parametrize(("text", "needle", "message"), LEFTOVERS, ids=[t for t, _, _ in LEFTOVERS])
def test_last_years_subject_and_other_cities_platforms(
    text: str, needle: str, message: str
) -> None:
    result = run(rule, overview=overview_with("平台建设", text))
    assert result.located == [(*result.at(needle), f"R23 总体情况.平台建设：{message}")]


@pytest.mark.parametrize("text", LEFTOVER_NEAR_MISSES)
def test_comparisons_history_and_own_platforms_are_fine(text: str) -> None:
    assert run(rule, overview=overview_with("平台建设", text)).messages == []


def test_last_year_in_section_five_is_its_business() -> None:
    result = run(rule, problems="2022年，我局公开栏目更新不及时。本年度已完成整改。")
    assert result.messages == []
