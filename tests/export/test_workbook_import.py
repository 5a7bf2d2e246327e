"""`genreport import tables.xlsx`: a coordinator's workbook back into one input file per agency."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from genreport.cli import app
from genreport.export.columns import COLUMNS, values
from genreport.importer import workbook
from genreport.load import load_file

from .helpers import add_flawed_agencies

runner = CliRunner()


def _export(workspace: Path) -> Path:
    result = runner.invoke(app, ["export", "2023"])
    assert result.exit_code == 0, result.output
    return workspace / "build/2023/tables.xlsx"


def test_export_then_import_gives_back_every_number(workspace: Path) -> None:
    add_flawed_agencies(workspace)
    book = _export(workspace)
    result = runner.invoke(app, ["import", str(book.relative_to(workspace)), "--out", "back"])
    assert result.output.splitlines() == [
        "build/2023/tables.xlsx: 错误 I3 工作表“机关”A3：机关表中有 broken，但各统计表中都没有它的行（原文件无法读取？），未导入",
        "build/2023/tables.xlsx（broken）：未写出输入文件（1 个错误）",
        "已写入 back/2023/shijianju.yaml：导入自 build/2023/tables.xlsx（shijianju）",
        "已写入 back/2023/shizhengfu.yaml：导入自 build/2023/tables.xlsx（shizhengfu）",
        "已写入 back/2023/wrongsum.yaml：导入自 build/2023/tables.xlsx（wrongsum）",
        "导入了 4 份报告，写出 3 个输入文件。",
    ]
    assert result.exit_code == 1  # one row could not be imported
    for slug in ("shijianju", "shizhengfu", "wrongsum"):
        original = load_file(workspace / f"inputs/2023/{slug}.yaml").report
        back = load_file(workspace / f"back/2023/{slug}.yaml")
        assert back.findings == [] and back.report is not None and original is not None
        assert values(back.report) == values(original), slug
        assert (back.report.agency, back.report.agency_type, back.report.published) == (
            original.agency,
            original.agency_type,
            original.published,
        )
    checked = runner.invoke(app, ["check", "back/2023/shijianju.yaml"])
    assert checked.exit_code == 0, checked.output  # only 【待填写】 warnings: the numbers add up
    checked = runner.invoke(app, ["check", "back/2023/wrongsum.yaml"])
    assert checked.exit_code == 1 and "错误 R1 依申请公开（自然人）" in checked.output


def _hand_made(path: Path) -> None:
    """A coordinator's own sheet: columns in another order, a note column, odd cells, no 机关 sheet."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "汇总"
    keys = [
        "机关",
        "备注",
        "依申请公开.本年新收.商业企业",
        "简称",
        "依申请公开.本年新收.自然人",
        "依申请公开.本年新收.总计",
        "行政复议.结果维持",
        "行政复议.总计",
        "主动公开.行政事业性收费",
    ]
    sheet.append(["各单位 2023 年数据"])
    sheet.append(keys)
    sheet.append(["青禾市教育局", "已核", 3, "jiaoyuju", 10, 14, "/", 2, "0.5"])
    sheet.append(
        ["青禾市卫生健康委员会", None, None, "weijianwei", "7", "=SUM(C4,E4)", 1, None, 1.25]
    )
    book.save(path)


def test_a_hand_made_workbook_reads_by_column_keys_and_marks_every_guess(workspace: Path) -> None:
    _hand_made(workspace / "collected.xlsx")
    result = runner.invoke(app, ["import", "collected.xlsx", "--year", "2023", "--out", "back"])
    lines = result.output.splitlines()
    assert result.exit_code == 0, result.output
    findings = [line for line in lines if line.startswith("collected.xlsx")]
    missing = sum(1 for c in COLUMNS if not c.sums) - 4  # the sheet has four of the cells
    gap = (
        f"工作簿中这个机关缺少 {missing} 列（主动公开.规章.本年制发、主动公开.规章.本年废止、"
        "主动公开.规章.现行有效等），这些单元格按 0 导入"
    )
    assert findings == [  # each agency's findings in the order of their rule
        "collected.xlsx: 警告 I2 工作表“汇总”D3：工作簿没有写发布日期，暂按发布期限 2024-01-31 填写",
        "collected.xlsx: 提示 I2 工作表“汇总”D3：工作簿没有写机关类型，按机关名称推断为部门",
        f"collected.xlsx: 警告 I3 工作表“汇总”D3：{gap}",
        "collected.xlsx: 警告 I4 工作表“汇总”G3：行政复议.结果维持 是“/”，不是非负整数，按 0 导入",
        "collected.xlsx: 警告 I2 工作表“汇总”D4：工作簿没有写发布日期，暂按发布期限 2024-01-31 填写",
        "collected.xlsx: 提示 I2 工作表“汇总”D4：工作簿没有写机关类型，按机关名称推断为部门",
        f"collected.xlsx: 警告 I3 工作表“汇总”D4：{gap}",
        "collected.xlsx: 警告 I4 工作表“汇总”C4：依申请公开.本年新收.商业企业 是空白，不是非负整数，按 0 导入",
    ]
    education = load_file(workspace / "back/2023/jiaoyuju.yaml").report
    health = load_file(workspace / "back/2023/weijianwei.yaml").report
    assert education is not None and health is not None
    received = education.t3.rows[("本年新收",)]
    assert (received.values[:2], received.stated_total) == (
        (10, 3),
        14,
    )  # typed total kept: R3 checks it
    assert education.t4.blocks[("行政复议",)].stated_total == 2
    assert str(education.t2.fee) == "0.5" and str(health.t2.fee) == "1.25"
    assert health.t3.rows[("本年新收",)].stated_total is None  # a formula is computed, not stated
    text = (workspace / "back/2023/jiaoyuju.yaml").read_text(encoding="utf-8")
    assert (
        "行政复议: [0, 0, 0, 0, 2]  # 四、[结果维持, 结果纠正, 其他结果, 尚未审结]  "
        "# 导入：行政复议.结果维持 是“/”，不是非负整数，按 0 导入（原文工作表“汇总”G3）；"
        "导入：工作簿中没有结果纠正、其他结果、尚未审结列，按 0 导入\n"
    ) in text
    assert "  行政许可: 0  # 本年处理决定数量  # 导入：工作簿中没有这一列，按 0 导入\n" in text
    checked = runner.invoke(app, ["check", "back/2023/jiaoyuju.yaml"])
    assert "错误 R3 依申请公开.本年新收：总计写的是 14" in checked.output
    assert "错误 R8 行政复议：总计写的是 2" in checked.output


def test_workbook_refusals(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (workspace / "fake.xlsx").write_text("机关,年度\n", encoding="utf-8")
    result = runner.invoke(app, ["import", "fake.xlsx"])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "fake.xlsx: 错误 I1 不是 .xlsx 工作簿（无法按 zip 打开）；请在 Excel 或 WPS 中另存为 .xlsx"
    )
    book = _export(workspace)
    monkeypatch.setattr(workbook, "MAX_UNPACKED", 1000)
    result = runner.invoke(app, ["import", str(book)])
    assert "不像是统计工作簿，未读取" in result.output and result.exit_code == 1
    monkeypatch.setattr(workbook, "MAX_UNPACKED", 10**9)
    monkeypatch.setattr(workbook, "MAX_ROWS", 3)
    result = runner.invoke(app, ["import", str(book)])
    assert "工作表“机关”超过 3 行，不像是统计工作簿，未读取" in result.output
    result = runner.invoke(app, ["import", str(book), "--slug", "x"])
    assert result.exit_code == 2 and "是统计工作簿：每行的简称和机关取自工作簿" in result.output
    empty = openpyxl.Workbook()
    empty.save(workspace / "empty.xlsx")
    result = runner.invoke(app, ["import", "empty.xlsx"])
    assert "工作簿中没有找到统计表" in result.output


def test_existing_files_are_not_overwritten(workspace: Path) -> None:
    book = _export(workspace)
    result = runner.invoke(app, ["import", str(book.relative_to(workspace))])
    assert result.exit_code == 1
    assert "inputs/2023/shijianju.yaml 已存在，未覆盖；确要覆盖请加 --force" in result.output


def test_an_agency_missing_from_one_sheet_is_flagged_not_zeroed_silently(workspace: Path) -> None:
    book_path = _export(workspace)
    book = openpyxl.load_workbook(book_path)
    t4 = book["表四 复议诉讼"]
    row = next(r[0].row for r in t4.iter_rows(min_row=5) if r[0].value == "shizhengfu")
    t4.delete_rows(row)
    book.save(workspace / "edited.xlsx")
    result = runner.invoke(app, ["import", "edited.xlsx", "--out", "back"])
    assert (
        "edited.xlsx: 警告 I3 工作表“表二 主动公开”A7：工作簿中这个机关缺少 12 列"
        "（行政复议.结果维持、行政复议.结果纠正、行政复议.其他结果等），这些单元格按 0 导入"
    ) in result.output.splitlines()
    assert (
        "已写入 back/2023/shijianju.yaml：导入自 edited.xlsx（shijianju）"
        in result.output.splitlines()
    )
