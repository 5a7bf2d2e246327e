"""What the import says and writes: stated totals kept for `check`, errors, metadata, --force."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from importer_helpers import printed_cells, t2_rows, t4_rows, text_report

from genreport.check import check_report
from genreport.importer import import_file, report_lines
from genreport.model import Report
from genreport.narrative import NarrativeEvaluator


def _line_of(text: str, prefix: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(prefix))


def test_t4_total_published_as_zero_is_kept_and_check_reports_r8(importer, reference) -> None:
    t4 = t4_rows(reference)
    t4[3][4] = "0"  # 行政复议 总计 printed as 0 while its outcomes are 1, 2, 0, 1
    result = importer("r.txt", text_report(reference, t4=t4))
    assert result.messages == []
    assert result.text is not None and result.report is not None
    assert (
        "行政复议: [1, 2, 0, 1, 0]  # 四、[结果维持, 结果纠正, 其他结果, 尚未审结]" in result.text
    )
    findings = [f for f in check_report(result.report) if f.rule == "R8"]
    line = _line_of(result.text, "行政复议:")
    column = result.text.splitlines()[line - 1].index("[1, 2, 0, 1, 0]") + len("[1, 2, 0, 1, ") + 1
    assert [f.format() for f in findings] == [
        f"inputs/2023/r.yaml:{line}:{column}: 错误 R8 行政复议：总计写的是 0，"
        "但 结果维持 1 + 结果纠正 2 + 其他结果 0 + 尚未审结 1 = 4"
    ]


def test_consistent_report_passes_the_arithmetic_rules(importer, reference) -> None:
    result = importer("r.txt", text_report(reference))
    arithmetic = {"R1", "R2", "R3", "R8"}
    assert [f for f in check_report(result.report) if f.rule in arithmetic] == []


def test_not_an_annual_report_is_a_clear_error_and_nothing_is_written(importer, tmp_path) -> None:
    text = "会议纪要\n\n一、会议议程\n\n大家讨论了食堂菜单。\n\n二、下一步\n\n下周再议。\n"
    result = importer("minutes.txt", text)
    assert result.messages == [
        "minutes.txt:1:1: 错误 I1 这不像是政府信息公开工作年度报告：没有标题“……政府信息公开工作年度报告”，"
        "六个部分的标题只找到 0 个，也找不到表二、表三、表四中的任何一张；未写出输入文件"
    ]
    assert not result.outcome.written
    assert not (tmp_path / "inputs").exists()


def test_unsupported_and_missing_files(importer, tmp_path: Path) -> None:
    result = importer("report.xlsx", b"PK\x03\x04")
    assert result.messages == [
        "report.xlsx: 错误 I1 不支持“.xlsx”文件；可导入 .docx、.html、.htm、.md、.txt、.pdf、.doc、.wps、.odt、.rtf"
    ]
    outcome = import_file(Path("nowhere.pdf"), Path("inputs"))
    assert [f.message for f in outcome.findings] == ["文件不存在"]


def test_broken_docx_is_reported_not_raised(importer) -> None:
    result = importer("broken.docx", b"this is not a zip file")
    assert result.messages == [
        "broken.docx: 错误 I1 文件已损坏，或者不是它的扩展名所说的格式（不是有效的 zip 压缩包）"
    ]
    assert not result.outcome.written


def test_never_overwrites_without_force(importer, reference) -> None:
    text = text_report(reference)
    first = importer("r.txt", text)
    assert first.outcome.written
    target = Path("inputs/2023/r.yaml")
    target.write_text("# 用户改过的文件\n", encoding="utf-8")
    second = importer("r.txt", text)
    assert not second.outcome.written
    assert second.outcome.problem == "inputs/2023/r.yaml 已存在，未覆盖；确要覆盖请加 --force"
    assert target.read_text(encoding="utf-8") == "# 用户改过的文件\n"
    third = importer("r.txt", text, force=True)
    assert third.outcome.written
    assert target.read_text(encoding="utf-8").startswith("# yaml-language-server")


def test_report_lines_say_where_the_file_went(importer, reference) -> None:
    result = importer("r.txt", text_report(reference, signature=("示例市数据管理局",)))
    lines = [text for _, text in report_lines([result.outcome])]
    assert lines[-2:] == [
        "已写入 inputs/2023/r.yaml：导入自 r.txt（1 个警告）",
        "导入了 1 份报告，写出 1 个输入文件。",
    ]


def test_missing_date_is_a_placeholder_with_a_warning_and_a_comment(importer, reference) -> None:
    result = importer("r.txt", text_report(reference, signature=()))
    assert result.messages == [
        "r.txt:1:1: 警告 I2 原文末尾没有落款日期：发布日期暂填为部门的发布期限 2024-01-31，"
        "请改为实际发布日期（或用 --published 指定）"
    ]
    assert result.report is not None
    assert result.report.published.isoformat() == "2024-01-31"
    assert result.text is not None
    line = next(x for x in result.text.splitlines() if x.startswith("发布日期:"))
    assert line.startswith("发布日期: 2024-01-31  # 导入：原文末尾没有落款日期")


def test_options_override_the_text(importer, reference) -> None:
    result = importer(
        "r.txt",
        text_report(reference),
        year=2023,
        agency="示例市数据局",
        slug="shuju",
        published=dt.date(2024, 1, 20),
    )
    assert result.outcome.target == "inputs/2023/shuju.yaml"
    assert result.report is not None
    assert (result.report.agency, result.report.published.isoformat()) == (
        "示例市数据局",
        "2024-01-20",
    )
    other = importer("r.txt", text_report(reference), year=2022)
    assert other.messages[0] == "r.txt:1:1: 警告 I2 标题写的年度是 2023，按 --year 指定的 2022 导入"


def test_year_and_agency_must_be_found_or_given(importer, reference) -> None:
    text = text_report(reference, title=None, signature=())
    text = text.replace("本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。", "")
    result = importer("r.txt", text)
    assert (
        "r.txt:1:1: 错误 I2 原文的标题、前言、落款和页面标题都没有写出机关名称；请用 --agency 指定，未写出输入文件"
        in result.messages
    )
    assert (
        "r.txt:1:1: 错误 I2 原文的标题和前言都没有写出报告年度；请用 --year 指定，未写出输入文件"
        in result.messages
    )
    assert not result.outcome.written
    given = importer("r.txt", text, year=2023, agency="示例市数据管理局")
    assert given.outcome.written
    assert printed_cells(given.report) == printed_cells(reference)


def test_government_title_and_rule_making(importer, reference) -> None:
    t2 = t2_rows(reference)
    t2[2] = ["规章", "1", "0", "5"]
    title = "示例市人民政府2023年政府信息公开工作年度报告"
    result = importer(
        "r.txt",
        text_report(reference, t2=t2, title=title, signature=("示例市人民政府", "2024年3月20日")),
    )
    assert result.report is not None
    assert result.report.agency_type == "人民政府"
    assert result.report.can_make_rules
    line = next(
        n
        for n, x in enumerate(text_report(reference, t2=t2, title=title).splitlines(), 1)
        if x.startswith("规章\t")
    )
    assert (
        f"r.txt:{line}:1: 提示 I2 表二「规章」一行不为零，且“示例市人民政府”是省、设区的市或自治州人民政府：规章制定权按“有”导入"
        in result.messages
    )
    office = importer(
        "o.txt",
        text_report(reference, t2=t2, title="示例市人民政府办公室2023年政府信息公开工作年度报告"),
    )
    assert office.report is not None
    assert office.report.agency_type == "部门"
    assert not office.report.can_make_rules
    assert any("无法从名称判断“示例市人民政府办公室”有无规章制定权" in m for m in office.messages)


def test_fee_statements(importer, reference) -> None:
    stated = importer("a.txt", text_report(reference, six=["本年度共收取信息处理费 120 元。"]))
    assert stated.report.info_fee_yuan == 120
    missing = importer("b.txt", text_report(reference, six=["无其他需要报告的事项。"]))
    assert missing.report.info_fee_yuan is None
    line = next(
        n
        for n, x in enumerate(
            text_report(reference, six=["无其他需要报告的事项。"]).splitlines(), 1
        )
        if x == "无其他需要报告的事项。"
    )
    assert missing.messages == [
        f"b.txt:{line}:1: 警告 I8 第六部分没有写明信息处理费（R17）；未导入“信息处理费”，请按实际收取的金额（元）补上"
    ]
    assert (
        "# 信息处理费: （原文未写明，单位：元）  # 导入：第六部分没有写明信息处理费" in missing.text
    )


def test_braces_in_the_narrative_stay_text(importer, reference: Report) -> None:
    six = ["本年度未收取信息处理费。模板写法 {{ 年度 }} 不应被求值。"]
    result = importer("r.txt", text_report(reference, six=six))
    assert result.report is not None
    evaluator = NarrativeEvaluator(result.report)
    [part] = evaluator.narrative(result.report.other_matters, "其他需要报告的事项")
    assert part.text.strip() == "本年度未收取信息处理费。模板写法 {{ 年度 }} 不应被求值。"
    assert evaluator.findings == []
