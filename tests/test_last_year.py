"""{{ 上年.… }} in narrative expressions, and the 同比 filter's wording."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from jinja2.exceptions import FilterArgumentError
from typer.testing import CliRunner

from genreport.cli import app
from genreport.filters import year_on_year
from genreport.pipeline import check_files

runner = CliRunner()
FILE = "inputs/2023/shijianju.yaml"
OLD = "法人或其他组织提出的申请明显增多"
NEW = (
    "上年收到 {{ 上年.依申请公开.本年新收.总计 }} 件，本年同比"
    "{{ 依申请公开.本年新收.总计 | 同比(上年.依申请公开.本年新收.总计) }}，"
    "法人或其他组织提出的申请较上年"
    "{{ 依申请公开.本年新收.商业企业 | 同比(上年.依申请公开.本年新收.商业企业, '件') }}"
)


def _write(workspace: Path) -> Path:
    path = workspace / FILE
    path.write_text(path.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
    return path


def test_last_year_reads_the_previous_file_in_check_and_build(workspace: Path) -> None:
    _write(workspace)
    assert check_files([workspace / FILE])[0].findings == []
    result = runner.invoke(app, ["build", FILE, "--format", "md"])
    assert result.exit_code == 0, result.output
    text = (workspace / "build/2023/shijianju.md").read_text(encoding="utf-8")
    assert "上年收到72件，本年同比增长15.3%，法人或其他组织提出的申请较上年增加2件" in text


def test_without_the_previous_file_last_year_is_j1_naming_the_file(workspace: Path) -> None:
    path = _write(workspace)
    (workspace / "inputs/2022/shijianju.yaml").unlink()
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "上年收到" in text)
    j1 = [f.format() for f in check_files([path])[0].findings if f.rule == "J1"]
    assert j1 == [
        f"{FILE}:{line}:10: 错误 J1 总体情况.依申请公开：表达式 {{{{ 上年.依申请公开.本年新收.总计 }}}} "
        "无法求值（“上年”读取上一年度的文件 inputs/2022/shijianju.yaml，但没有这个文件）。"
        "可用的名称与输入文件的键相同，如 {{ 依申请公开.本年新收.总计 }}；正文中要写“{{”本身，"
        "请写成 {{ '{{' }}"
    ]
    result = runner.invoke(app, ["build", FILE, "--format", "md"])
    assert result.exit_code == 1
    assert "但没有这个文件" in result.output


def test_a_previous_file_with_errors_is_named_as_such(workspace: Path) -> None:
    path = _write(workspace)
    (workspace / "inputs/2022/shijianju.yaml").write_text("机关: [\n", encoding="utf-8")
    j1 = [f.message for f in check_files([path])[0].findings if f.rule == "J1"]
    assert len(j1) == 1
    assert "“上年”读取上一年度的文件 inputs/2022/shijianju.yaml，但它本身有错误，无法读取" in j1[0]


WORDING = [
    (90, 80, None, "增长 12.5%"),
    (80, 90, None, "下降 11.1%"),
    (83, 72, None, "增长 15.3%"),
    (2, 1, None, "增长 100%"),
    (0, 5, None, "下降 100%"),
    (7, 3, None, "增长 133.3%"),
    (1001, 1000, None, "增长 0.1%"),
    (100001, 100000, None, "增长不到 0.1%"),
    (99999, 100000, None, "下降不到 0.1%"),
    (5, 5, None, "持平"),
    (0, 0, None, "持平"),
    (5, 0, None, "增加 5 件"),
    (77, 80, "件", "减少 3 件"),
    (83, 80, "件", "增加 3 件"),
    (3, 3, "件", "持平"),
    (4, 1, "起", "增加 3 起"),
    (Decimal("1.50"), Decimal("1.20"), "万元", "增加 0.30 万元"),
    (Decimal("1.2"), Decimal("1.5"), None, "下降 20%"),
]


@pytest.mark.parametrize(("now", "before", "unit", "text"), WORDING)
def test_year_on_year_wording(now: object, before: object, unit: str | None, text: str) -> None:
    assert year_on_year(now, before, unit) == text


@pytest.mark.parametrize("bad", ["12", None, True, 1.5])
def test_year_on_year_refuses_what_is_not_a_table_number(bad: object) -> None:
    with pytest.raises(FilterArgumentError, match="同比的上年数应是表格中的数字"):
        year_on_year(5, bad)


def test_a_bad_argument_is_j1_not_a_traceback(workspace: Path) -> None:
    path = workspace / FILE
    text = path.read_text(encoding="utf-8").replace(
        OLD, "同比{{ 依申请公开.本年新收.总计 | 同比(机关) }}"
    )
    path.write_text(text, encoding="utf-8")
    [j1] = [f.message for f in check_files([path])[0].findings if f.rule == "J1"]
    assert "同比的上年数应是表格中的数字，这里是“青禾市市场监督管理局”" in j1
