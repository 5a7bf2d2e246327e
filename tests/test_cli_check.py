"""`genreport check`, `new` and `schema` as a user runs them: output, exit codes, files written."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from genreport.cli import app
from genreport.load.required import REQUIRED_PARTS
from genreport.schema import input_schema, schema_json

runner = CliRunner()
REPO = Path(__file__).resolve().parent.parent


def test_demo_inputs_pass(workspace: Path) -> None:
    result = runner.invoke(app, ["check", "2023"])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("检查了 2 个文件：0 个错误，0 个警告，0 个提示。通过\n")


def test_arithmetic_slip_fails_with_line_rule_and_cell(workspace: Path) -> None:
    path = workspace / "inputs/2023/shijianju.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("予以公开:     [24, 5,", "予以公开:     [25, 5,"), encoding="utf-8"
    )
    result = runner.invoke(app, ["check", "2023"])
    assert result.exit_code == 1
    assert (
        "inputs/2023/shijianju.yaml:43:16: 错误 R1 依申请公开（自然人）：本年新收 70 + 上年结转 4 = 74，"
        "但办理结果总计 72 + 结转下年度 3 = 75\n"
        "    表格位置：表三第1行「一、本年新收政府信息公开申请数量」·「自然人」列\n"
    ) in result.output
    assert "1 个错误" in result.output and "未通过" in result.output


def test_json_output_carries_every_field(workspace: Path) -> None:
    path = workspace / "inputs/2023/shijianju.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "行政复议: [3, 1, 1, 0]", "行政复议: [3, 1, 1, 0, 4]"
        ),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", "inputs/2023/shijianju.yaml", "--format", "json"])
    assert result.exit_code == 1
    document = json.loads(result.output)
    assert document["summary"] == {"files": 1, "errors": 1, "warnings": 0, "notes": 0}
    assert document["findings"] == [
        {
            "rule": "R8",
            "severity": "错误",
            "severity_code": "error",
            "file": "inputs/2023/shijianju.yaml",
            "line": 70,
            "column": 20,
            "message": "行政复议：总计写的是 4，但 结果维持 3 + 结果纠正 1 + 其他结果 1 + 尚未审结 0 = 5",
            "cell": "表四「行政复议」·「总计」列",
        }
    ]


def test_warnings_pass_unless_strict(workspace: Path) -> None:
    path = workspace / "inputs/2023/shijianju.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("发布日期: 2024-01-26", "发布日期: 2024-02-05"),
        encoding="utf-8",
    )
    assert runner.invoke(app, ["check", "2023"]).exit_code == 0
    strict = runner.invoke(app, ["check", "2023", "--strict"])
    assert strict.exit_code == 1
    assert "警告 R22 发布日期 2024-02-05 晚于部门的发布期限 2024-01-31（逾期 5 天" in strict.output


def test_load_errors_are_reported_without_traceback(workspace: Path) -> None:
    (workspace / "inputs/2023/bad.yaml").write_bytes(
        "机关: 坏\n年度: 2023\n\t发布日期: x\n".encode()
    )
    result = runner.invoke(app, ["check", "2023"])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "inputs/2023/bad.yaml:3:1: 错误 L2 缩进中有制表符（Tab）" in result.output


def test_usage_errors_exit_2(workspace: Path) -> None:
    missing_year = runner.invoke(app, ["check", "2031"])
    assert missing_year.exit_code == 2
    assert "没有 inputs/2031 文件夹（已有的年度：2022、2023）" in missing_year.output
    assert runner.invoke(app, ["check", "nothing.yaml"]).exit_code == 2
    assert runner.invoke(app, ["check", "--format", "xml"]).exit_code == 2


def test_no_arguments_checks_every_year(workspace: Path) -> None:
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 0
    assert "检查了 4 个文件" in result.output


def test_new_scaffolds_next_year_and_never_overwrites(workspace: Path) -> None:
    result = runner.invoke(app, ["new", "2024", "--from", "shijianju"])
    assert result.exit_code == 0, result.output
    assert (
        "已创建 inputs/2024/shijianju.yaml（以 inputs/2023/shijianju.yaml 为基础）" in result.output
    )
    created = workspace / "inputs/2024/shijianju.yaml"
    text = created.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../genreport.schema.json\n")
    data = yaml.safe_load(text)
    assert data["依申请公开"]["上年结转"] == [3, 1, 0, 0, 0, 0]
    assert data["主动公开"]["行政规范性文件"] == [0, 0, 16]
    assert data["发布日期"].isoformat() == "2025-01-31"
    assert (workspace / "inputs/genreport.schema.json").is_file()

    created.write_text(text + "# 用户的修改\n", encoding="utf-8")
    again = runner.invoke(app, ["new", "2024", "--all"])
    assert "已存在，未改动 inputs/2024/shijianju.yaml" in again.output
    assert "已创建 inputs/2024/shizhengfu.yaml" in again.output
    assert created.read_text(encoding="utf-8").endswith("# 用户的修改\n")


def test_new_scaffold_loads_and_continues_last_year(workspace: Path) -> None:
    runner.invoke(app, ["new", "2024", "--all"])
    result = runner.invoke(app, ["check", "2024"])
    # the carried-over applications are not yet handled in the scaffold: R1 says so, R6 is happy
    assert "R6" not in result.output
    assert "错误 R1 依申请公开（自然人）：本年新收 0 + 上年结转 3 = 3" in result.output


def test_scaffolds_write_every_required_part(workspace: Path) -> None:
    """`new` and `init` write files with every required key: only their placeholders fail."""
    assert runner.invoke(app, ["new", "2024", "--all"]).exit_code == 0
    assert runner.invoke(app, ["init", "ws", "--year", "2024"]).exit_code == 0
    files = [*(workspace / "inputs/2024").glob("*.yaml"), workspace / "ws/inputs/2024/jiguan.yaml"]
    assert len(files) == 3
    for path in files:
        assert set(REQUIRED_PARTS) <= set(yaml.safe_load(path.read_text("utf-8"))), path
    checked = (
        runner.invoke(app, ["check", "2024"]).output
        + runner.invoke(app, ["-C", "ws", "check", "2024"]).output
    )
    assert "缺少必填项" not in checked
    assert "机关名称中还有占位文字“【待填写】”" in checked


def test_new_needs_a_choice_when_last_year_has_several_agencies(workspace: Path) -> None:
    result = runner.invoke(app, ["new", "2024"])
    assert result.exit_code == 2
    assert "有多个机关（shijianju、shizhengfu），请用 --from 指定一个，或用 --all" in result.output
    assert runner.invoke(app, ["new", "2030", "--all"]).exit_code == 2
    assert runner.invoke(app, ["new", "abcd"]).exit_code == 2


def test_schema_command_writes_the_schema(workspace: Path) -> None:
    target = workspace / "inputs/genreport.schema.json"
    target.unlink()
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8")) == input_schema()
    stdout = runner.invoke(app, ["schema", "-o", "-"])
    assert json.loads(stdout.output) == input_schema()


def test_committed_schema_is_current() -> None:
    committed = (REPO / "inputs/genreport.schema.json").read_text(encoding="utf-8")
    assert committed == schema_json(), "运行 genreport schema 重新生成 inputs/genreport.schema.json"


def test_demo_inputs_validate_against_the_schema() -> None:
    schema = input_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    for path in sorted((REPO / "inputs").glob("*/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["发布日期"] = data["发布日期"].isoformat()
        jsonschema.validate(data, schema)


def test_schema_rejects_what_the_loader_rejects() -> None:
    validator = jsonschema.Draft202012Validator(input_schema())
    base = {
        "机关": "测试局",
        "年度": 2023,
        "机关类型": "部门",
        "发布日期": "2024-01-20",
        "主动公开": {},
        "依申请公开": {},
        "行政复议": [0, 0, 0, 0],
        "行政诉讼": {},
        "总体情况": None,
        "存在的主要问题及改进情况": None,
        "其他需要报告的事项": None,
    }
    assert not list(validator.iter_errors(base))
    # a missing section is an error, section 六 excepted when 信息处理费 gives its sentence
    del base["其他需要报告的事项"]
    assert list(validator.iter_errors(base))
    assert not list(validator.iter_errors({**base, "信息处理费": 0}))
    assert list(validator.iter_errors({k: v for k, v in base.items() if k != "总体情况"}))
    assert list(validator.iter_errors({**base, "机关类行": "部门"}))
    assert list(validator.iter_errors({**base, "依申请公开": {"本年新收": [1, 2, 3]}}))
    assert list(validator.iter_errors({**base, "行政复议": [1, 0, 0, -1]}))


def test_help_is_chinese_with_examples() -> None:
    result = runner.invoke(app, ["check", "--help"])
    assert result.exit_code == 0
    for text in ("检查数据文件", "示例", "genreport check 2023", "显示本帮助并退出", "选项"):
        assert text in result.output
    for command in ("new", "schema"):
        assert "示例" in runner.invoke(app, [command, "--help"]).output


def test_click_errors_are_translated() -> None:
    result = runner.invoke(app, ["check", "--bogus"])
    assert result.exit_code == 2
    assert "没有选项 --bogus" in result.output
    assert "缺少参数“年度”" in runner.invoke(app, ["new"]).output


def test_shell_completion_is_offered() -> None:
    assert "--install-completion" in runner.invoke(app, ["--help"]).output


def test_years_complete_in_the_shell(workspace: Path) -> None:
    result = runner.invoke(
        app,
        [],
        prog_name="genreport",
        env={
            "_GENREPORT_COMPLETE": "complete_bash",
            "COMP_WORDS": "genreport check 20",
            "COMP_CWORD": "2",
        },
    )
    assert result.output.split() == ["2022", "2023"]


def test_a_usage_error_with_no_program_arguments_is_still_a_usage_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``sys.argv`` may hold the program alone (a runner, a wrapper): usage errors still exit 2."""
    monkeypatch.setattr(sys, "argv", ["genreport"])
    result = runner.invoke(app, ["build", "--jobs", "x"])
    assert result.exit_code == 2, result.output
    assert "参数“--jobs”的值无效" in result.output
