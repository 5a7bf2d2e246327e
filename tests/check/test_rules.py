"""One fixture per arithmetic, cross-year and date rule: exact message, position and table cell."""

from __future__ import annotations

from pathlib import Path

import pytest

from genreport.findings import Finding, Severity
from genreport.pipeline import check_files

FIXTURES = Path(__file__).parent / "fixtures"
# The rules of the inputs-and-checks issue; narrative rules have their own tests.
RULES = {"R1", "R2", "R3", "R4", "R6", "R8", "R11", "R12", "R13", "R19", "R22", "J1"}
PREV = "tests/check/fixtures/2022"


def findings(name: str, *, notes: bool = False) -> list[Finding]:
    path = FIXTURES / "2023" / f"{name}.yaml"
    [checked] = check_files([path])
    return [
        f
        for f in checked.findings
        if f.rule in RULES and (notes or f.severity is not Severity.INFO)
    ]


def lines(name: str, *, notes: bool = False) -> list[str]:
    return [
        f"{f.line}:{f.column}: {f.severity.value} {f.rule} {f.message}"
        for f in findings(name, notes=notes)
    ]


def test_r1_received_plus_carried_equals_done_plus_carried_over() -> None:
    [finding] = findings("r1")
    assert finding.format() == (
        "tests/check/fixtures/2023/r1.yaml:5:10: 错误 R1 依申请公开（自然人）："
        "本年新收 5 + 上年结转 0 = 5，但办理结果总计 4 + 结转下年度 0 = 4"
    )
    assert finding.cell == "表三第1行「一、本年新收政府信息公开申请数量」·「自然人」列"


def test_r2_stated_results_total_must_add_up() -> None:
    [finding] = findings("r2")
    assert (finding.line, finding.column, finding.rule) == (10, 10, "R2")
    assert finding.message == (
        "依申请公开（自然人）：（七）总计写的是 4，但各项办理结果之和为 予以公开 3 + 部分公开 0 + "
        "不予公开 0 + 无法提供 2 + 不予处理 0 + 其他处理 0 = 5"
    )
    assert finding.cell == "表三第24行「（七）总计」·「自然人」列"


def test_r3_stated_row_total_must_add_up() -> None:
    assert lines("r3") == [
        "5:28: 错误 R3 依申请公开.本年新收：总计写的是 7，但 自然人 5 + 商业企业 1 + 科研机构 0 + "
        "社会公益组织 0 + 法律服务机构 0 + 其他 0 = 6"
    ]


def test_r6_carry_over_continues_from_last_year() -> None:
    [finding] = findings("r6")
    assert finding.format() == (
        "tests/check/fixtures/2023/r6.yaml:5:13: 错误 R6 依申请公开.上年结转（商业企业）：写的是 0，"
        f"但 2022 年报告（{PREV}/r6.yaml:11）的结转下年度继续办理为 1"
    )
    assert finding.cell == "表三第2行「二、上年结转政府信息公开申请数量」·「商业企业」列"


def test_r8_each_t4_block_adds_up() -> None:
    assert lines("r8") == [
        "4:20: 错误 R8 行政复议：总计写的是 0，但 结果维持 1 + 结果纠正 0 + 其他结果 0 + 尚未审结 1 = 2",
        "7:23: 错误 R8 行政诉讼·复议后起诉：总计写的是 3，但 结果维持 0 + 结果纠正 2 + 其他结果 0 + 尚未审结 0 = 2",
    ]
    assert [f.cell for f in findings("r8")] == [
        "表四「行政复议」·「总计」列",
        "表四「行政诉讼·复议后起诉」·「总计」列",
    ]


def test_r11_documents_in_force_continue_from_last_year() -> None:
    assert lines("r11") == [
        "5:19: 警告 R11 主动公开.行政规范性文件：现行有效写的是 11，但上年现行有效 10"
        f"（{PREV}/r11.yaml:5） + 本年制发 3 − 本年废止 1 = 12；如因到期失效或集中清理造成差异，请在报告中说明"
    ]


def test_r12_cannot_repeal_more_than_existed() -> None:
    assert lines("r12") == [
        "5:16: 错误 R12 主动公开.行政规范性文件：本年废止 12 件，多于上年现行有效 10"
        f"（{PREV}/r12.yaml:5） + 本年制发 1 = 11 件"
    ]


def test_r13_rules_from_an_agency_without_rule_making_power() -> None:
    assert lines("r13") == [
        "5:7: 警告 R13 主动公开.规章：规章只能由国务院部门和省、设区的市、自治州人民政府制定，"
        "但本机关的规章一行不为零（本年制发 1、本年废止 0、现行有效 1）；"
        "如本机关确有规章制定权，请在文件中写“规章制定权: 有”"
    ]


def test_r19_published_before_the_year_ended() -> None:
    assert lines("r19") == [
        "3:7: 错误 R19 发布日期 2023-12-28 不晚于统计期限的最后一天 2023-12-31："
        "2023 年度报告只能在该年结束后发布，请核对年度和发布日期"
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("r22", "4:7: 警告 R22 发布日期 2024-04-02 晚于人民政府的发布期限 2024-03-31（逾期 2 天；"),
        (
            "r22_department",
            "3:7: 警告 R22 发布日期 2024-02-01 晚于部门的发布期限 2024-01-31（逾期 1 天；",
        ),
    ],
)
def test_r22_deadline_depends_on_agency_type(name: str, expected: str) -> None:
    assert lines(name) == [expected + "《政府信息公开条例》第四十九、五十条）"]


def test_j1_undefined_names_in_narrative_point_at_the_expression() -> None:
    hint = "可用的名称与输入文件的键相同，如 {{ 依申请公开.本年新收.总计 }}；正文中要写“{{”本身，请写成 {{ '{{' }}"
    assert lines("j1") == [
        "11:12: 错误 J1 总体情况.依申请公开：表达式 {{ 依申请公开.办理结果.予以公开.合计 }} 无法求值"
        f"（没有“合计”这一项）。{hint}",
        f"12:17: 错误 J1 存在的主要问题及改进情况：表达式 {{{{ 依申请 }}}} 无法求值（没有名为“依申请”的数据）。{hint}",
    ]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("prev_missing", f"未找到上一年度（2022 年）同一机关的文件 {PREV}/prev_missing.yaml"),
        ("prev_invalid", f"上一年度文件 {PREV}/prev_invalid.yaml 本身有错误，无法读取"),
    ],
)
def test_missing_previous_year_is_said_not_silently_skipped(name: str, reason: str) -> None:
    assert lines(name, notes=True) == [f"6:1: 提示 R6 {reason}，跨年度规则 R6、R11、R12 未检查"]


def test_consistent_years_pass() -> None:
    assert lines("clean") == []


def test_findings_of_a_file_are_sorted_by_position() -> None:
    found = findings("r8")
    assert found == sorted(found, key=lambda f: (f.line, f.column))
