"""`genreport export`: the workbook and CSV a 政务公开办 sends upward, as the user opens them."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from genreport.cli import app
from genreport.export.columns import COLUMNS, SHEETS, values
from genreport.load import load_file

from .helpers import add_flawed_agencies, header_of, sheet_rows

runner = CliRunner()


@pytest.fixture
def exported(workspace: Path) -> Path:
    add_flawed_agencies(workspace)
    result = runner.invoke(app, ["export", "2023"])
    assert result.exit_code == 0, result.output
    return workspace / "build/2023"


def test_cli_says_what_it_wrote_and_which_rows_are_flagged(workspace: Path) -> None:
    add_flawed_agencies(workspace)
    result = runner.invoke(app, ["export", "2023"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "已标红 inputs/2023/broken.yaml：无法读取（1 个错误），没有导出数字",
        "已标红 inputs/2023/wrongsum.yaml：有 1 个错误：数字未经核实，请先改正",
        "已导出 4 个机关：build/2023/tables.xlsx、build/2023/tables.csv",
    ]


def test_usage_errors(workspace: Path) -> None:
    result = runner.invoke(app, ["export", "23"])
    assert result.exit_code == 2
    assert "年度应为四位数字，如 2023，这里是“23”" in result.output
    result = runner.invoke(app, ["export", "2031"])
    assert result.exit_code == 2
    assert "没有 inputs/2031 文件夹（已有的年度：2022、2023）" in result.output


def test_sheets_and_agency_sheet(exported: Path) -> None:
    book = openpyxl.load_workbook(exported / "tables.xlsx")
    assert book.sheetnames == ["机关", "表二 主动公开", "表三 依申请公开", "表四 复议诉讼"]
    rows = sheet_rows(book["机关"])
    assert rows[1] == ("2023 年度政府信息公开工作年度报告 统计表：机关", *(None,) * 8)
    assert rows[2] == (
        "简称",
        "机关",
        "机关类型",
        "发布日期",
        "年度",
        "错误",
        "警告",
        "检查结果",
        "文件",
    )
    assert rows[3:] == [
        (
            "broken",
            None,
            None,
            None,
            2023,
            1,
            0,
            "无法读取（1 个错误），没有导出数字",
            "inputs/2023/broken.yaml",
        ),
        (
            "shijianju",
            "青禾市市场监督管理局",
            "部门",
            "2024-01-26",
            2023,
            0,
            0,
            "通过",
            "inputs/2023/shijianju.yaml",
        ),
        (
            "shizhengfu",
            "青禾市人民政府",
            "人民政府",
            "2024-03-29",
            2023,
            0,
            0,
            "通过",
            "inputs/2023/shizhengfu.yaml",
        ),
        (
            "wrongsum",
            "青禾市城市管理局",
            "部门",
            "2024-01-26",
            2023,
            1,
            2,  # R21: no narrative
            "有 1 个错误：数字未经核实，请先改正",
            "inputs/2023/wrongsum.yaml",
        ),
    ]
    flagged = book["机关"]["A3"].fill.fgColor.rgb
    assert flagged.endswith("F8D7DA") and not book["机关"]["A4"].fill.fgColor.rgb.endswith("F8D7DA")


def test_headers_are_the_printed_labels_merged(exported: Path) -> None:
    book = openpyxl.load_workbook(exported / "tables.xlsx")
    for spec in SHEETS:
        sheet = book[spec.name]
        depth = max(len(c.header) for c in spec.columns)
        key_row = [c.value for c in sheet[depth + 2]]
        assert key_row == ["简称", "机关", *(c.key for c in spec.columns)]
        for i, column in enumerate(spec.columns, start=3):
            assert header_of(sheet, i, depth) == column.header, column.key
    t3 = book["表三 依申请公开"]
    merged = {str(r): t3.cell(r.min_row, r.min_col).value for r in t3.merged_cells.ranges}
    assert merged["C2:I4"] == "一、本年新收政府信息公开申请数量"
    assert merged["Q2:FN2"] == "三、本年度办理结果"
    assert merged["AE3:CH3"] == "（三）不予公开"
    assert merged["AE4:AK4"] == "1.属于国家秘密"
    assert merged["A2:A5"] == "简称"
    t4 = book["表四 复议诉讼"]
    merged = {str(r): t4.cell(r.min_row, r.min_col).value for r in t4.merged_cells.ranges}
    assert merged == {
        "A2:A4": "简称",
        "B2:B4": "机关",
        "C2:G3": "行政复议",
        "H2:Q2": "行政诉讼",
        "H3:L3": "未经复议直接起诉",
        "M3:Q3": "复议后起诉",
    }


def test_cells_hold_the_reports_numbers_and_totals_are_formulas(exported: Path) -> None:
    formulas = openpyxl.load_workbook(exported / "tables.xlsx")
    cached = openpyxl.load_workbook(exported / "tables.xlsx", data_only=True)
    expected = {
        slug: values(load_file(exported.parent.parent / f"inputs/2023/{slug}.yaml").report)  # type: ignore[arg-type]
        for slug in ("shijianju", "shizhengfu")
    }
    for spec in SHEETS:
        depth = max(len(c.header) for c in spec.columns)
        rows = {r[0]: r for r in sheet_rows(cached[spec.name])[depth + 3 :]}
        assert list(rows) == ["shijianju", "shizhengfu", "wrongsum"]  # broken.yaml has no numbers
        for slug, numbers in expected.items():
            got = dict(zip((c.key for c in spec.columns), rows[slug][2:], strict=True))
            assert got == {c.key: _cell(numbers[c.key]) for c in spec.columns}
        sheet = formulas[spec.name]
        for i, column in enumerate(spec.columns, start=3):
            text = sheet.cell(depth + 3, i).value
            assert isinstance(text, str) == bool(column.sums), column.key
            if column.sums:
                assert text.startswith("=SUM(") and text.count(",") == len(column.sums) - 1


def _cell(value: object) -> object:
    """A number as a workbook cell holds it: money as a float."""
    return float(value) if isinstance(value, Decimal) else value


def test_csv_has_one_row_per_agency_keyed_by_input_paths(exported: Path) -> None:
    data = (exported / "tables.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # so Excel on Chinese Windows reads UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:12] == [
        "简称",
        "机关",
        "机关类型",
        "发布日期",
        "年度",
        "错误",
        "警告",
        "检查结果",
        "文件",
        "主动公开.规章.本年制发",
        "主动公开.规章.本年废止",
        "主动公开.规章.现行有效",
    ]
    assert rows[0][9:] == [c.key for c in COLUMNS]
    assert len(rows[0]) == len(set(rows[0])) == 9 + 10 + 175 + 15  # T2, T3 (25 rows × 7), T4
    by_slug = {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert by_slug["broken"]["依申请公开.本年新收.自然人"] == ""
    shijianju = by_slug["shijianju"]
    assert shijianju["依申请公开.本年新收.自然人"] == "70"
    assert shijianju["依申请公开.办理结果.总计.总计"] == "84"
    assert shijianju["行政复议.总计"] == "5"
    assert shijianju["主动公开.行政事业性收费"] == "10.8200"  # money keeps the digits typed


def test_export_is_reproducible(exported: Path) -> None:
    first = (exported / "tables.xlsx").read_bytes(), (exported / "tables.csv").read_bytes()
    result = runner.invoke(app, ["export", "2023"])
    assert result.exit_code == 0
    assert (
        (exported / "tables.xlsx").read_bytes(),
        (exported / "tables.csv").read_bytes(),
    ) == first
