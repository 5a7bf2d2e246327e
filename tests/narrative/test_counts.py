"""R15 / R16: counts in the narrative against the tables (see helpers.TABLES for the numbers).

Each case is one short text of our own in 总体情况.依申请公开 and the findings it must produce,
each located by a needle: the finding must sit on the needle's first character in the YAML file.
"""

from __future__ import annotations

import pytest

from genreport.check.narrative import r15_r16_narrative_counts as rule

from .helpers import load, overview_with, run, yaml_text

WHERE = "总体情况.依申请公开："
RECEIVED = "表三「一、本年新收政府信息公开申请数量」总计为 95（加上年结转为 98）"
DONE = "表三「（七）总计」总计为 93"
REVIEW = "表四「行政复议」总计为 2"
LITIGATION = "表四「行政诉讼」未经复议直接起诉与复议后起诉的总计之和为 2"

TRIPS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "本年度共收到依申请公开申请 17 件。",
        [("17", f"R15 {WHERE}正文说“收到依申请公开申请 17 件”，但{RECEIVED}")],
    ),
    (
        "全年受理政府信息公开申请十七件。",
        [("十七", f"R15 {WHERE}正文说“受理政府信息公开申请十七件”，但{RECEIVED}")],
    ),
    (
        "全年新收申请一百零五件。",
        [("一百零五", f"R15 {WHERE}正文说“新收申请一百零五件”，但{RECEIVED}")],
    ),
    (
        "全年共收到政府信息公开申请 1,234 件。",
        [("1,234", f"R15 {WHERE}正文说“收到政府信息公开申请 1,234 件”，但{RECEIVED}")],
    ),
    ("办结 90 件，均在法定期限内答复。", [("90", f"R15 {WHERE}正文说“办结 90 件”，但{DONE}")]),
    (
        "本年度新收申请 95 件，上年结转 2 件。",
        [
            (
                "2 件",
                f"R15 {WHERE}正文说“上年结转 2 件”，"
                "但表三「二、上年结转政府信息公开申请数量」总计为 3",
            )
        ],
    ),
    (
        "另有 6 件需征求第三方意见，结转下年度 6 件。",
        [
            (
                "6 件。",
                f"R15 {WHERE}正文说“结转下年度 6 件”，但表三「四、结转下年度继续办理」总计为 5",
            )
        ],
    ),
    (
        "收到申请 95 件，其中予以公开 40 件、部分公开 11 件。",
        [("40", f"R15 {WHERE}正文说“予以公开 40 件”，但表三「（一）予以公开」总计为 45")],
    ),
    (
        "申请办理结果中，不予公开 8 件，无法提供 21 件。",
        [("8 件", f"R15 {WHERE}正文说“不予公开 8 件”，但表三「（三）不予公开」各项合计为 7")],
    ),
    (
        "收到申请 95 件，其中自然人 80 件、法人或其他组织 15 件。",
        [
            (
                "80",
                f"R15 {WHERE}正文说“自然人 80 件”，但表三「一、本年新收政府信息公开申请数量」"
                "「自然人」为 88（表三「（七）总计」「自然人」为 86，加上年结转为 90）",
            ),
            (
                "15",
                f"R15 {WHERE}正文说“法人或其他组织 15 件”，但表三「一、本年新收政府信息公开申请数量」"
                "「法人或其他组织」为 7（加上年结转为 8）",
            ),
        ],
    ),
    (
        "因政府信息公开被申请行政复议 1 件，被提起行政诉讼 3 起。",
        [
            ("1 件", f"R15 {WHERE}正文说“行政复议 1 件”，但{REVIEW}"),
            ("3 起", f"R15 {WHERE}正文说“行政诉讼 3 起”，但{LITIGATION}"),
        ],
    ),
    (
        "本年度未发生因政府信息公开引起的行政复议、行政诉讼。",
        [
            (
                "未发生",
                f"R15 {WHERE}正文说“未发生因政府信息公开引起的行政复议、行政诉讼”，但{REVIEW}",
            ),
            (
                "未发生",
                f"R15 {WHERE}正文说“未发生因政府信息公开引起的行政复议、行政诉讼”，但{LITIGATION}",
            ),
        ],
    ),
    (
        "本年度未收到依申请公开申请。",
        [
            (
                "未收到",
                f"R16 {WHERE}正文说“未收到依申请公开申请”，"
                "但表三「一、本年新收政府信息公开申请数量」总计为 95",
            )
        ],
    ),
    (
        "共受理政府信息公开申请 95 件（含上年结转 3 件）。",
        [
            (
                "95",
                f"R15 {WHERE}正文说“受理政府信息公开申请 95 件”，但表三「一、本年新收政府信息公开申请"
                "数量」总计 95 加「二、上年结转政府信息公开申请数量」总计 3，合计为 98",
            )
        ],
    ),
    (
        "本年度制发规范性文件 4 件，废止 1 件。",
        [
            (
                "4 件",
                f"R15 {WHERE}正文说“制发规范性文件 4 件”，但表二「行政规范性文件」「本年制发件数」为 3",
            )
        ],
    ),
    (
        "收到并办结依申请公开申请 95 件。",
        [("95", f"R15 {WHERE}正文说“收到并办结依申请公开申请 95 件”，但{DONE}")],
    ),
    (
        "全年收到依申请公开申请 {{ 依申请公开.本年新收.总计 }} 件，办结 90 件。",
        [("90", f"R15 {WHERE}正文说“办结 90 件”，但{DONE}")],
    ),
    # issue 12 item 8: a base + 新增 that does not add up is still a count of its own
    (
        "共办理 80 件，新增 10 件。",
        [
            (
                "80",
                f"R15 {WHERE}正文说“办理 80 件”，但{DONE}"
                "（表三「一、本年新收政府信息公开申请数量」总计为 95，加上年结转为 98）",
            )
        ],
    ),
    (
        "结转下年度继续办理 6 件。",
        [
            (
                "6 件",
                f"R15 {WHERE}正文说“结转下年度继续办理 6 件”，但表三「四、结转下年度继续办理」总计为 5",
            )
        ],
    ),
    (
        "结转至下一年度继续办理的申请 4 件。",
        [
            (
                "4 件",
                f"R15 {WHERE}正文说“结转至下一年度继续办理的申请 4 件”，"
                "但表三「四、结转下年度继续办理」总计为 5",
            )
        ],
    ),
]

NEAR_MISSES = [
    "本年度共收到依申请公开申请 95 件，办结 93 件，结转下年度 5 件。",
    "自2023年1月1日至2023年12月31日，共收到依申请公开申请 95 件。",
    "受理申请九十五件，办结九十三件，结转下年度五件。",
    "共受理政府信息公开申请 98 件（含上年结转 3 件）。",
    "共受理政府信息公开申请 98 件，全部按时答复。",
    "依据《条例》第三十三条，申请均在 20 个工作日内答复。",
    "按时答复率 100%，办结 93 件。",
    "门户网站发布信息 1,126 条，微信公众号推送 312 条；收到依申请公开申请 95 件。",
    "2022年收到申请 60 件，本年度有所增加。",
    "收到申请的数量较上年增加 12 件。",
    "其中通过网络受理 80 件，信函受理 15 件。",
    "通过网络受理申请 80 件，信函受理申请 15 件。",
    "本年度办结人大代表建议 37 件、政协提案 12 件。",
    "受理群众咨询 260 件，均已答复。",
    "行政复议和行政诉讼共 4 件。",
    "第一季度收到申请 20 件。",
    "收到申请 100 余件，约 90 件已经办结。",
    "2021年至2023年累计收到申请 200 件。",
    "近三年共收到申请 250 件。",
    "平均每月收到申请 8 件。",
    "予以公开和部分公开共 56 件。",
    "收到依申请公开申请 95 件，其中自然人 88 件、法人或其他组织 7 件；予以公开 45 件。",
    "上年度转入的 3 件已全部办结。",
    "行政复议 2 件，其中结果维持 1 件、结果纠正 1 件。",
    "受理行政许可申请 2000 件。",
    "全年收到依申请公开申请 {{ 依申请公开.本年新收.总计 }} 件。",
    "未收到纸质申请，申请均通过网络提交。",
    "2022年未收到依申请公开申请，本年度情况见下表。",
    "本年度未发生行政复议被纠错的情况。",
    "对逾期未收到申请人补充说明的，依法告知。",
    "答复前未收到申请人提出的异议。",
    "收到申请 95 件，与上一年度相比增加 35 件。",
    "收到申请后 15 个工作日内答复了 93 件。",
    "全年处理的 93 件中，予以公开的占四成以上。",
    # issue 12 item 8: a total given as existing + new, and the carry-over sentence
    "共办理 80 件，新增 13 件。",
    "办理申请 83 件，其中新增 10 件。",
    "结转下年度继续办理 5 件。",
    "结转至下一年度继续办理的申请 5 件。",
    "另有 5 件结转下年度继续办理。",
    "截至年底，仍有 5 件正在办理中。",
    # phrasings of the published seeds
    "通过网络、信函受理渠道，接收依申请公开信息 95 件，其中网络受理申请 80 件，信函受理申请 15 件，"
    "95 件已全部按要求及时办结。",
    "本年度高标准办结 37 件人大建议、政协提案。",
    "2023 年，我局制定印发的规范性文件 3 件。",
]


@pytest.mark.parametrize(("text", "expected"), TRIPS, ids=[t for t, _ in TRIPS])
def test_contradicting_counts_are_warnings_at_the_number(
    text: str, expected: list[tuple[str, str]]
) -> None:
    result = run(rule, overview=overview_with("依申请公开", text))
    wanted = []
    for needle, message in expected:
        line, column = result.at(needle)
        wanted.append((line, column, message))
    assert result.located == wanted


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_consistent_or_unrelated_numbers_are_not_flagged(text: str) -> None:
    assert run(rule, overview=overview_with("依申请公开", text)).messages == []


def test_a_count_of_applications_when_the_table_has_none_is_r16() -> None:
    text = yaml_text(overview=overview_with("依申请公开", "全年收到依申请公开申请 4 件。"))
    text = text.replace("本年新收: [88, 5, 1, 0, 1, 0]", "本年新收: [0, 0, 0, 0, 0, 0]")
    findings = list(rule(load(text), None))
    assert [f.format() for f in findings] == [
        "inputs/2023/test.yaml:9:17: 警告 R16 总体情况.依申请公开：正文说“收到依申请公开申请 4 件”，"
        "但表三「一、本年新收政府信息公开申请数量」总计为 0（加上年结转为 3）"
    ]


def test_no_applications_said_and_none_in_the_table_is_fine() -> None:
    text = yaml_text(overview=overview_with("依申请公开", "本年度未收到依申请公开申请。"))
    text = text.replace("本年新收: [88, 5, 1, 0, 1, 0]", "本年新收: [0, 0, 0, 0, 0, 0]")
    assert list(rule(load(text), None)) == []


def test_counts_are_read_in_every_section_and_wrapped_lines() -> None:
    result = run(
        rule,
        preface="本机关全年共收到依申请公开\n申请 17 件。",
        other="本年度未收取信息处理费。行政复议\n1 件。因政府信息公开提起诉讼 2 件。",
    )
    assert result.located == [
        (
            *result.at("17"),
            f"R15 前言：正文说“收到依申请公开申请 17 件”，但{RECEIVED}",
        ),
    ]


def test_the_finding_names_the_printed_cell() -> None:
    result = run(rule, overview=overview_with("依申请公开", "行政复议 5 件。"))
    assert [f.cell for f in result.findings] == ["表四「行政复议」·「总计」列"]
