"""The workspace is found from any folder inside it, like git: same findings, same build/."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from typer.testing import CliRunner

from genreport.cli import app
from genreport.workspace import Workspace, previous_year_file

runner = CliRunner()


@contextmanager
def inside(folder: Path) -> Iterator[None]:
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(cwd)


def _break_carry_over(workspace: Path) -> None:
    """An R6 error only the cross-year rules see: 上年结转 no longer equals 2022's 结转下年度."""
    path = workspace / "inputs/2023/shijianju.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("上年结转:       [4, 0, 0, 0, 0, 1]", "上年结转:       [4, 0, 0, 0, 0, 2]"),
        encoding="utf-8",
    )


def test_check_gives_identical_findings_from_every_folder(workspace: Path) -> None:
    _break_carry_over(workspace)
    runs = {
        "root": (workspace, ["check", "2023"]),
        "inputs": (workspace / "inputs", ["check", "2023"]),
        "year folder": (workspace / "inputs/2023", ["check", "shijianju.yaml", "shizhengfu.yaml"]),
        "year folder, dot": (workspace / "inputs/2023", ["check", "."]),
        "elsewhere, -C": (workspace / "inputs/2022", ["-C", "../2023", "check", "2023"]),
    }
    outputs = {}
    for name, (folder, args) in runs.items():
        with inside(folder):
            result = runner.invoke(app, args)
        assert result.exit_code == 1, (name, result.output)
        outputs[name] = result.output
    expected = outputs["root"]
    assert "inputs/2023/shijianju.yaml:44:" in expected and "错误 R6" in expected
    assert "（inputs/2022/shijianju.yaml:" in expected
    assert "未找到上一年度" not in expected
    assert {name: out for name, out in outputs.items() if out != expected} == {}


def test_build_writes_to_the_workspace_build_folder_from_every_folder(workspace: Path) -> None:
    (workspace / "templates").mkdir()
    (workspace / "templates/report.md.j2").write_text("{{ 机关 }}（工作区模板）\n", "utf-8")
    summaries = []
    for folder, args in (
        (workspace, ["build", "2023", "--format", "md"]),
        (workspace / "inputs", ["build", "2023", "--format", "md", "--force"]),
        (workspace / "inputs/2023", ["build", "shijianju.yaml", "--format", "md", "--force"]),
    ):
        with inside(folder):
            result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        summaries.append(result.output.splitlines()[-1])
    assert summaries == [
        "生成 2 个，跳过 0 个（没有变化），失败 0 个；输出在 build/",
        "生成 2 个，跳过 0 个（没有变化），失败 0 个；输出在 build/",
        "生成 1 个，跳过 0 个（没有变化），失败 0 个；输出在 build/",
    ]
    built = workspace / "build/2023/shijianju.md"
    assert built.read_text("utf-8") == "青禾市市场监督管理局（工作区模板）\n"
    assert not (workspace / "inputs/build").exists()
    assert not (workspace / "inputs/2023/build").exists()
    # the manifest is the workspace's too: an unchanged file is skipped from any folder
    with inside(workspace / "inputs/2023"):
        again = runner.invoke(app, ["build", "shijianju.yaml", "--format", "md"])
    assert again.output.splitlines()[-1].startswith("生成 0 个，跳过 1 个")


def test_no_workspace_above_is_a_usage_error(tmp_path: Path) -> None:
    with inside(tmp_path):
        result = runner.invoke(app, ["check"])
    assert result.exit_code == 2
    assert (
        f"错误：在 {tmp_path.as_posix()} 及其上级文件夹中都没有找到 inputs/ 文件夹："
        "请在工作区中运行，或用 -C 指定工作区"
    ) in " ".join(result.output.split())


def test_workspace_is_the_nearest_folder_holding_inputs(tmp_path: Path) -> None:
    (tmp_path / "inputs/2023").mkdir(parents=True)
    assert Workspace.find(tmp_path / "inputs/2023") == Workspace(tmp_path)
    assert Workspace.find(tmp_path / "inputs/2023/../..") == Workspace(tmp_path)
    assert Workspace.find(tmp_path / "inputs") == Workspace(tmp_path)
    assert Workspace(tmp_path).show(tmp_path / "inputs/2023/a.yaml") == "inputs/2023/a.yaml"


def test_previous_year_of_a_relative_path(workspace: Path) -> None:
    with inside(workspace / "inputs/2023"):
        previous = previous_year_file(Path("shijianju.yaml"))
    assert previous == workspace / "inputs/2022/shijianju.yaml"


def test_a_copy_of_a_file_in_the_same_year_is_a_warning_in_both(workspace: Path) -> None:
    original = workspace / "inputs/2023/shijianju.yaml"
    (workspace / "inputs/2023/shijianju - 副本.yaml").write_bytes(original.read_bytes())
    result = runner.invoke(app, ["check", "2023"])
    assert result.exit_code == 0, result.output
    message = (
        "警告 L4 2023 年还有别的文件也是“青禾市市场监督管理局”（{}:3）："
        "一个机关每年只应有一份报告；如果其中一个是副本，请删除它"
    )
    lines = result.output.splitlines()
    copied = [line for line in lines if " 警告 R27 " in line]  # the copy's text is R27's, too
    assert copied and all(line.startswith("inputs/2023/shijianju") for line in copied)
    assert [line for line in lines[:-1] if line not in copied] == [
        "inputs/2023/shijianju - 副本.yaml:3:5: " + message.format("inputs/2023/shijianju.yaml"),
        "inputs/2023/shijianju - 副本.yaml:44:15: 提示 R6 未找到上一年度（2022 年）同一机关的文件 "
        "inputs/2022/shijianju - 副本.yaml，跨年度规则 R6、R11、R12 未检查",
        "inputs/2023/shijianju.yaml:3:5: " + message.format("inputs/2023/shijianju - 副本.yaml"),
    ]
    assert runner.invoke(app, ["check", "2023", "--strict"]).exit_code == 1
    # the same agency's file of another year is not a copy
    (workspace / "inputs/2023/shijianju - 副本.yaml").unlink()
    every_year = runner.invoke(app, ["check"])
    assert "检查了 4 个文件" in every_year.output and "L4" not in every_year.output


def test_init_without_an_agency_name_fails_check_on_its_placeholder(tmp_path: Path) -> None:
    with inside(tmp_path):
        assert runner.invoke(app, ["init", "ws", "--year", "2024"]).exit_code == 0
    with inside(tmp_path / "ws/inputs/2024"):
        result = runner.invoke(app, ["check", "jiguan.yaml"])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "inputs/2024/jiguan.yaml:2:5: 错误 L3 机关名称中还有占位文字“【待填写】”：请填写机关全称，与报告标题一致"
    )
