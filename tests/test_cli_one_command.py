"""`genreport X …` builds only command X's parameters, and behaves exactly as the whole app does.

typer turns every command's signature into click parameters before parsing; ``cli.main`` gives
it only the invoked command (``cli.for_command``). These tests pin that the choice is right and
that help, errors and results are the same either way.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from genreport.cli import _VALUED_OPTIONS, _command_name, app, for_command

runner = CliRunner()
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["check", "2023"], "check"),
        (["-C", "somewhere", "check"], "check"),
        (["--workspace", "check", "build", "2023"], "build"),
        (["-Csomewhere", "build"], "build"),
        (["--workspace=check", "status"], "status"),
        (["--debug", "status", "2023"], "status"),
        (["--", "check"], "check"),
        (["--help"], None),
        (["--version"], None),
        ([], None),
        (["-C"], None),
    ],
)
def test_the_invoked_command_is_the_first_argument_that_is_not_an_option(
    args: list[str], name: str | None
) -> None:
    assert _command_name(args) == name


@pytest.mark.parametrize("args", [["check", "2023"], ["-C", ".", "build", "2023", "-j", "1"]])
def test_a_command_gets_an_app_with_that_command_only(args: list[str]) -> None:
    one = for_command(args)
    assert [c.name for c in one.registered_commands] == [_command_name(args)]
    assert len(app.registered_commands) == len(COMMANDS)


@pytest.mark.parametrize("args", [[], ["--help"], ["chekc", "2023"], ["--version"]])
def test_help_and_a_mistyped_command_keep_every_command(args: list[str]) -> None:
    assert for_command(args) is app


def test_shell_completion_keeps_every_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_GENREPORT_COMPLETE", "complete_bash")
    assert for_command(["check"]) is app


@pytest.mark.parametrize("command", COMMANDS)
def test_help_of_each_command_is_the_same_as_with_the_whole_app(command: str) -> None:
    args = [command, "--help"]
    whole = runner.invoke(app, args, prog_name="genreport")
    one = runner.invoke(for_command(args), args, prog_name="genreport")
    assert whole.exit_code == 0
    assert (one.exit_code, one.output) == (whole.exit_code, whole.output)


@pytest.mark.parametrize(
    "args",
    [
        ["check", "inputs/2023/shijianju.yaml"],
        ["check", "2023", "--format", "json"],
        ["check", "--nope"],
        ["status", "2023"],
        ["build", "2023", "-j", "zero"],
        ["new"],
    ],
)
def test_runs_and_usage_errors_are_the_same_as_with_the_whole_app(
    args: list[str], workspace: Path
) -> None:
    whole = runner.invoke(app, args, prog_name="genreport")
    one = runner.invoke(for_command(args), args, prog_name="genreport")
    assert (one.exit_code, one.output) == (whole.exit_code, whole.output)


def test_every_main_option_that_takes_a_value_is_known_to_skip() -> None:
    """A new global option with a value must join ``_VALUED_OPTIONS``, else its value would be
    taken for the command's name."""
    group = typer.main.get_command(app)
    valued = {
        name
        for param in group.params
        if not getattr(param, "is_flag", True) and param.param_type_name == "option"
        for name in (*param.opts, *param.secondary_opts)
    }
    assert valued == set(_VALUED_OPTIONS)
