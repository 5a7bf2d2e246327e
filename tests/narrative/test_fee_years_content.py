"""R17 (信息处理费), R19 (the year named in the text) and R21 (required content)."""

from __future__ import annotations

import pytest

from genreport.check.narrative import (
    r17_processing_fee,
    r19_narrative_year,
    r21_required_content,
)

from .helpers import OVERVIEW, run

NO_FEE = (
    "R17 其他需要报告的事项：没有写明信息处理费的收取情况（国办函〔2020〕109号；未收取的写“未收取”"
    "或 0 元）；也可以在文件中写“信息处理费: 0”，生成报告时会补上标准表述"
)
UNPAID = (
    "R17 依申请公开.办理结果.其他处理.逾期不缴费：表三（六）2「申请人逾期未按收费通知要求缴纳费用」"
    "总计为 1，但{why}；没有发出收费通知就不会有逾期未缴费，请核对"
)

# --- R17 --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("other", "fee", "expected"),
    [
        ("本年度无其他需要报告的事项。", None, [NO_FEE]),
        ("本年度无其他需要报告的事项。", "0", []),
        ("本年度未收取信息处理费。", None, []),
        ("本年度没有收取政府信息公开信息处理费。", None, []),
        ("本年度收取信息处理费 150 元。", None, []),
        ("本年度信息处理费为 0 元。", None, []),
        ("本年度收取信息处理费 {{ 信息处理费 }} 元。", None, []),
        (
            "信息处理费按国办函〔2020〕109号规定的标准执行。",
            None,
            [NO_FEE.replace("没有写明信息处理费的收取情况", "提到了信息处理费，但没有写明金额")],
        ),
    ],
)
def test_section_six_states_the_fee(other: str, fee: str | None, expected: list[str]) -> None:
    assert run(r17_processing_fee, other=other, fee=fee).messages == expected


def test_missing_fee_statement_points_at_section_six() -> None:
    result = run(r17_processing_fee, other="本年度无其他需要报告的事项。")
    line, column = result.at("其他需要报告的事项: |")
    assert [(f.line, f.column) for f in result.findings] == [
        (line, column + len("其他需要报告的事项: "))
    ]


@pytest.mark.parametrize(
    ("other", "fee", "expected"),
    [
        ("本年度无其他需要报告的事项。", "0", [UNPAID.format(why="信息处理费写的是 0 元")]),
        (
            "本年度未收取信息处理费。",
            None,
            [UNPAID.format(why="其他需要报告的事项说本年度未收取信息处理费")],
        ),
        ("本年度向 1 名申请人发出收费通知，收取信息处理费 0 笔。", "200", []),
        ("本年度收取信息处理费 200 元。", None, []),
    ],
)
def test_unpaid_fees_need_a_fee(other: str, fee: str | None, expected: list[str]) -> None:
    assert run(r17_processing_fee, other=other, fee=fee, unpaid=1).messages == expected


# --- R19 --------------------------------------------------------------------------------------

PERIOD_2022 = "本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。"


def test_statistics_period_of_another_year_is_an_error_at_each_year() -> None:
    result = run(r19_narrative_year, preface=f"根据《条例》编制本报告。{PERIOD_2022}")
    message = "R19 前言：统计期限写的是“2022年1月1日起至2022年12月31日止”，但本报告是 2023 年度报告"
    assert result.located == [
        (*result.at("2022年1月1日"), message),
        (*result.at("2022年12月31日"), message),
    ]
    assert {f.severity.value for f in result.findings} == {"错误"}


@pytest.mark.parametrize(
    ("preface", "expected"),
    [
        (
            "现将本局2022年政府信息公开工作年度报告公布如下。",
            [
                "R19 前言：报告名称写的是“现将本局2022年政府信息公开工作年度报告公布如下”，但本报告是 2023 年度报告"
            ],
        ),
        (
            "本报告是青禾市商务局 2022 年度政府信息公开工作年度报告。",
            [
                "R19 前言：报告名称写的是“2022 年度政府信息公开工作年度报告”，但本报告是 2023 年度报告"
            ],
        ),
        ("本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。", []),
        ("统计期限为2023年1月1日至12月31日。", []),
        ("现将本局2023年政府信息公开工作年度报告公布如下。", []),
        (
            "根据《关于做好2022年政府信息公开工作年度报告发布工作的通知》要求编制本报告。",
            [],
        ),
        ("2022年1月1日起施行的办法已在网站公开。", []),
    ],
)
def test_years_naming_this_report(preface: str, expected: list[str]) -> None:
    assert run(r19_narrative_year, preface=preface).messages == expected


@pytest.mark.parametrize(
    "problems",
    [
        "2022年政府信息公开工作年度报告中指出的问题已整改完毕。",
        "（一）2022年存在问题的整改情况：栏目更新不及时的问题已经整改。",
        "2021年至2022年建立的制度继续执行。",
    ],
)
def test_other_years_in_section_five_are_not_errors(problems: str) -> None:
    assert run(r19_narrative_year, problems=problems).messages == []


# --- R21 --------------------------------------------------------------------------------------

OVERVIEW_PARTS_NOTE = (
    "（第一部分应写主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面）"
)
NO_RECTIFICATION = (
    "R21 存在的主要问题及改进情况：没有写上一年度（2022 年）报告所列问题的整改情况"
    "（如“上一年度问题整改情况”）"
)


def test_overview_parts_missing_as_keys() -> None:
    overview = {k: v for k, v in OVERVIEW.items() if k not in ("平台建设", "监督保障")}
    result = run(r21_required_content, overview=overview)
    assert result.located == [
        (
            *result.at("总体情况:"),
            f"R21 总体情况：缺少（四）政府信息公开平台建设、（五）监督保障{OVERVIEW_PARTS_NOTE}",
        )
    ]


@pytest.mark.parametrize(
    ("overview", "expected"),
    [
        (
            "本年度主动公开政策文件，网站栏目完成优化，公开前逐条保密审查，并纳入考核。",
            [f"R21 总体情况：正文没有写到（二）依申请公开{OVERVIEW_PARTS_NOTE}"],
        ),
        (
            "本年度主动公开政策文件；依申请公开按时答复；公开前逐条保密审查；"
            "门户网站栏目完成优化；政务公开纳入年度考核。",
            [],
        ),
        ({"概述": "本年度工作平稳推进。", **OVERVIEW}, []),
    ],
)
def test_overview_in_free_text(overview: str | dict[str, str], expected: list[str]) -> None:
    assert run(r21_required_content, overview=overview).messages == expected


@pytest.mark.parametrize(
    ("overview", "expected"),
    [
        (
            OVERVIEW,
            [
                "R21 总体情况：人民政府的报告应写工作考核、社会评议和责任追究结果，正文没有写到"
                "社会评议、责任追究（可加“工作考核”一项）"
            ],
        ),
        ({**OVERVIEW, "工作考核": "政务公开纳入绩效考核。"}, []),
        (
            {**OVERVIEW, "监督保障": "开展年度考核和社会评议，未发生责任追究情形。"},
            [],
        ),
    ],
)
def test_governments_report_assessment(overview: dict[str, str], expected: list[str]) -> None:
    result = run(
        r21_required_content, overview=overview, agency="青禾市人民政府", agency_type="人民政府"
    )
    assert result.messages == expected


@pytest.mark.parametrize(
    ("problems", "expected"),
    [
        ("本年度存在解读形式单一的问题，下一步将丰富解读形式。", [NO_RECTIFICATION]),
        ("上年度提出的栏目更新不及时问题。", [NO_RECTIFICATION]),
        ("上一年度报告所列问题已全部整改。本年度存在解读形式单一的问题。", []),
        ("2022年存在的栏目更新不及时问题已经整改。", []),
        (
            {"上一年度问题整改情况": "已完成。", "存在的主要问题": "解读形式单一。"},
            [],
        ),
        (
            None,
            [
                "R21 存在的主要问题及改进情况：没有正文（应写上一年度问题的整改情况、"
                "本年度存在的问题和改进措施）"
            ],
        ),
    ],
)
def test_section_five_reports_last_years_problems(
    problems: str | dict[str, str] | None, expected: list[str]
) -> None:
    assert run(r21_required_content, problems=problems).messages == expected


def test_placeholders_left_by_the_scaffold_are_flagged_where_they_are() -> None:
    result = run(
        r21_required_content,
        overview={**OVERVIEW, "平台建设": "门户网站完成栏目优化。\n【待填写】新媒体情况"},
        other="本年度未收取信息处理费。【请填写其他事项】",
    )
    assert result.located == [
        (*result.at("【待填写】"), "R21 总体情况.平台建设：还有未填写的占位文字“【待填写】”"),
        (
            *result.at("【请填写"),
            "R21 其他需要报告的事项：还有未填写的占位文字“【请填写其他事项】”",
        ),
    ]
