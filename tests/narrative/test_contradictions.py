"""R28: "全部办结" with applications carried over, refusals contrary to the 条例, "none" against the
tables (see helpers.TABLES: 结转下年度 5; 行政规范性文件 制发 3 废止 1; 规章 0; 许可 120, 处罚 8, 强制 1).

Each case is a text of our own in 总体情况.依申请公开 and the R28 findings it must produce, each at its
needle's first character.
"""

from __future__ import annotations

import pytest

from genreport.check.narrative import r28_narrative_contradictions as rule

from .helpers import load, overview_with, run, yaml_text

WHERE = "总体情况.依申请公开："
CARRIED = "但表三「四、结转下年度继续办理」总计为 5，还有申请没有办结"
TIAOLI = (
    "，与《中华人民共和国政府信息公开条例》不符：公民、法人或者其他组织可以申请获取政府信息（第二十七条），"
    "以信件、数据电文等书面形式提出的申请都应受理（第二十九条）；如只是指某一类请求，请写明"
)

TRIPS: list[tuple[str, str, str]] = [
    ("收到的申请已全部办结。", "已全部办结", f"正文说“已全部办结”，{CARRIED}"),
    ("全年收到的 95 件申请均已按时办结。", "均已按时办结", f"正文说“均已按时办结”，{CARRIED}"),
    ("对收到的申请，均已办理完毕。", "均已办理完毕", f"正文说“均已办理完毕”，{CARRIED}"),
    ("工作流程规范，全部按期办结。", "全部按期办结", f"正文说“全部按期办结”，{CARRIED}"),
    ("本机关不受理依申请公开申请。", "不受理", f"正文说“不受理依申请公开申请”{TIAOLI}"),
    ("暂不接受政府信息公开申请。", "暂不接受", f"正文说“暂不接受政府信息公开申请”{TIAOLI}"),
    ("即日起暂停受理网上提交的申请。", "暂停受理", f"正文说“暂停受理网上提交的申请”{TIAOLI}"),
    (
        "不再接收信函方式的申请，请到窗口提交。",
        "不再接收",
        f"正文说“不再接收信函方式的申请”{TIAOLI}",
    ),
    (
        "本年度未制发规范性文件。",
        "未制发",
        "正文说“未制发规范性文件”，但表二「行政规范性文件」「本年制发件数」为 3",
    ),
    (
        "本年度没有废止行政规范性文件。",
        "没有废止",
        "正文说“没有废止行政规范性文件”，但表二「行政规范性文件」「本年废止件数」为 1",
    ),
    (
        "全年未作出行政处罚决定。",
        "未作出",
        "正文说“未作出行政处罚”，但表二「行政处罚」「本年处理决定数量」为 8",
    ),
    (
        "本年度未实施行政强制。",
        "未实施",
        "正文说“未实施行政强制”，但表二「行政强制」「本年处理决定数量」为 1",
    ),
    (
        "本年度无结转下年度的申请。",
        "无结转",
        "正文说“无结转下年度”，但表三「四、结转下年度继续办理」总计为 5",
    ),
    (
        "申请均已及时处理完毕，无需结转下年度办理。",
        "无需结转",
        "正文说“无需结转下年度”，但表三「四、结转下年度继续办理」总计为 5",
    ),
    ("年底前申请已全部办结，", "已全部办结", f"正文说“已全部办结”，{CARRIED}"),
]

NEAR_MISSES = [
    "上年结转的 3 件申请已全部办结。",
    "除结转下年度的 5 件外，其余申请均已办结。",
    "2022年收到的申请已全部办结。",
    "收到的人大代表建议均已办结。",
    "申请均已按时答复。",
    "杜绝不受理申请的情况。",
    "严禁以任何理由不受理申请。",
    "对信访事项不予受理，告知申请人通过信访渠道反映。",
    "不接受电话申请，申请人可通过网上或信函提交。",
    "对重复申请不予重复处理。",
    "不受理重复申请。",
    "对不属于本机关公开职责的申请，不予受理。",
    "本年度未制定规章。",
    "未制发涉及群众切身利益的规范性文件。",
    "2022年未作出行政处罚决定。",
    "未发生行政处罚被复议纠错的情况。",
    "未发生因行政许可引起的行政复议。",
    "未作出行政许可以外的决定。",
    "2021年曾暂停受理网上申请，现已恢复。",
    "自10月起暂停受理网上提交的申请。",
    "在法定期限内全部办结的申请 88 件。",
]


@pytest.mark.parametrize(("text", "needle", "message"), TRIPS, ids=[t for t, _, _ in TRIPS])
def test_contradictions_are_warnings_at_the_phrase(text: str, needle: str, message: str) -> None:
    result = run(rule, overview=overview_with("依申请公开", text))
    assert result.located == [(*result.at(needle), f"R28 {WHERE}{message}")]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_parts_denials_and_other_years_are_not_flagged(text: str) -> None:
    assert run(rule, overview=overview_with("依申请公开", text)).messages == []


def test_all_done_without_carry_over_is_fine() -> None:
    text = yaml_text(overview=overview_with("依申请公开", "收到的申请已全部办结。"))
    text = text.replace("结转下年度: [4, 1, 0, 0, 0, 0]", "结转下年度: [0, 0, 0, 0, 0, 0]")
    assert list(rule(load(text), None)) == []


def test_all_done_outside_the_application_part_needs_the_word_application() -> None:
    result = run(rule, overview=overview_with("平台建设", "网站改版工作已全部办结。"))
    assert result.messages == []
