"""A bug in genreport: one Chinese line per file (X1), the others still checked and built, exit 3.

The bugs are planted with monkeypatch in a rule, in the renderer and in the command itself: the
point is what the user sees when genreport fails, whatever the cause.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import genreport.check
from genreport import cli, render
from genreport.check.base import Rule
from genreport.cli import app
from genreport.findings import Finding
from genreport.model import Report

runner = CliRunner()
X1_CHECK = (
    "inputs/2023/shijianju.yaml: 错误 X1 genreport 内部错误（检查时 ZeroDivisionError: 规则出错），"
    "这不是数据文件的问题，请报告（加 --debug 可显示详细信息）"
)


def _broken_for(slug: str) -> Rule:
    def rule(report: Report, _: object) -> Iterator[Finding]:
        if report.slug == slug:
            raise ZeroDivisionError("规则出错")
        yield from ()

    return rule


@pytest.fixture
def broken_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        genreport.check, "RULES", (*genreport.check.RULES, _broken_for("shijianju"))
    )


def test_a_crash_in_one_file_is_x1_and_the_others_are_still_checked(
    workspace: Path, broken_rule: None
) -> None:
    result = runner.invoke(app, ["check", "2023"])
    assert result.exit_code == 3
    lines = result.stdout.splitlines()
    assert lines == [X1_CHECK, "检查了 2 个文件：1 个错误，0 个警告，0 个提示。未通过"]
    assert "Traceback" not in result.output


def test_debug_shows_the_traceback(workspace: Path, broken_rule: None) -> None:
    result = runner.invoke(app, ["--debug", "check", "2023"])
    assert result.exit_code == 3
    assert "Traceback (most recent call last)" in result.stderr
    assert 'raise ZeroDivisionError("规则出错")' in result.stderr


def test_json_carries_the_internal_error(workspace: Path, broken_rule: None) -> None:
    result = runner.invoke(app, ["check", "2023", "--format", "json"])
    assert result.exit_code == 3
    [finding] = json.loads(result.stdout)["findings"]
    assert (finding["rule"], finding["line"], finding["file"]) == (
        "X1",
        0,
        "inputs/2023/shijianju.yaml",
    )


def test_a_crash_while_building_one_file_leaves_the_others_built(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = render.Renderer.render

    def render_or_fail(self: render.Renderer, report: Report, *args: object) -> dict[str, bytes]:
        if report.slug == "shijianju":
            raise KeyError("模板数据")
        return original(self, report, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(render.Renderer, "render", render_or_fail)
    result = runner.invoke(app, ["build", "2023", "-j", "1", "--format", "md"])
    assert result.exit_code == 3
    assert (
        "失败 inputs/2023/shijianju.yaml：genreport 内部错误（生成时 KeyError: '模板数据'），"
        "这不是数据文件的问题，请报告（加 --debug 可显示详细信息）"
    ) in " ".join(result.stderr.split())
    assert "生成 1 个，跳过 0 个（没有变化），失败 1 个" in result.stdout
    assert sorted(p.name for p in (workspace / "build/2023").iterdir()) == ["shizhengfu.md"]


def test_a_crash_outside_any_file_is_one_line_and_exit_3(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*_: object, **__: object) -> None:
        raise RuntimeError("意外")

    monkeypatch.setattr(cli, "check_many", explode)
    result = runner.invoke(cli.app, ["check", "2023"])
    assert result.exit_code == 3
    assert result.stderr == (
        "genreport 内部错误（运行时 RuntimeError: 意外），这不是数据文件的问题，请报告"
        "（加 --debug 可显示详细信息）\n"
    )
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("command", "target"),
    [
        (["export", "2023"], "genreport.export.export_year"),
        (["status", "2023"], "genreport.status.make_board"),
        (["diff", "2023"], "genreport.diff.diff_files"),
        (["doctor"], "genreport.doctor.diagnose"),
    ],
)
def test_every_command_turns_a_crash_into_one_line_and_exit_3(
    workspace: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], target: str
) -> None:
    def explode(*_: object, **__: object) -> None:
        raise RuntimeError("意外")

    monkeypatch.setattr(target, explode)
    result = runner.invoke(cli.app, command)
    assert result.exit_code == 3, result.output
    assert result.stderr.startswith("genreport 内部错误（运行时 RuntimeError: 意外）")
