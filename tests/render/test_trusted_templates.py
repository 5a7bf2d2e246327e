"""Report templates are trusted files and run unsandboxed; YAML narrative stays in the sandbox.

The templates (the package's and a workspace's ``templates/``) only print strings the sandbox
already evaluated: text from the YAML is never compiled by the templates' environment.
"""

from __future__ import annotations

from pathlib import Path

from jinja2.sandbox import SandboxedEnvironment
from typer.testing import CliRunner

from genreport.cli import app
from genreport.render import renderer_for
from genreport.render.templates import DEFAULTS
from genreport.sandbox import NarrativeEnvironment

runner = CliRunner()


def test_template_environments_are_plain_and_the_narrative_one_sandboxed() -> None:
    renderer = renderer_for(None)
    assert not isinstance(renderer.env, SandboxedEnvironment)
    assert not isinstance(renderer.docx_env, SandboxedEnvironment)
    assert isinstance(NarrativeEnvironment(), SandboxedEnvironment)


def test_a_workspace_template_may_use_python_attributes(workspace: Path) -> None:
    """What the sandbox refused in a template (``__class__``) now renders: templates are code."""
    (workspace / "templates").mkdir()
    md = (DEFAULTS / "report.md.j2").read_text("utf-8") + "类型：{{ agency.__class__.__name__ }}\n"
    (workspace / "templates/report.md.j2").write_text(md, "utf-8")
    result = runner.invoke(app, ["build", "inputs/2023/shijianju.yaml", "--format", "md"])
    assert result.exit_code == 0, result.output
    assert (workspace / "build/2023/shijianju.md").read_text("utf-8").endswith("类型：str\n")


def test_narrative_expressions_are_still_refused_by_the_sandbox(workspace: Path) -> None:
    source = workspace / "inputs/2023/shijianju.yaml"
    text = source.read_text("utf-8")
    source.write_text(text + "\n前言: 本机关为 {{ 机关.__class__ }}。\n", "utf-8")
    result = runner.invoke(app, ["build", "inputs/2023/shijianju.yaml", "--format", "md,html"])
    assert result.exit_code == 1
    assert "J1" in result.output and "不允许访问“__class__”" in result.output
    assert not (workspace / "build/2023/shijianju.md").exists()


def test_text_the_sandbox_produced_is_printed_not_evaluated_again(workspace: Path) -> None:
    """A narrative that evaluates to ``{{ … }}`` prints it: the templates never compile data."""
    source = workspace / "inputs/2023/shijianju.yaml"
    text = source.read_text("utf-8")
    source.write_text(text + "\n前言: 写法 {{ '{{ 机关.__class__ }}' }} 原样显示。\n", "utf-8")
    result = runner.invoke(app, ["build", "inputs/2023/shijianju.yaml", "--format", "md,html"])
    assert result.exit_code == 0, result.output
    for name in ("shijianju.md", "shijianju.html"):
        printed = (workspace / "build/2023" / name).read_text("utf-8")
        assert "写法 {{ 机关.__class__ }} 原样显示" in printed.replace("\\_", "_"), name
