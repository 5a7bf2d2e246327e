"""Help and usage errors as a user sees them in an 80-column terminal: Chinese, nothing cut off.

Typer prints some words itself (usage line, value types, completion options, validation messages);
genreport.cli translates them through private hooks, which these tests pin across typer upgrades.
"""

from __future__ import annotations

import re

import pytest
import typer.main
from typer.testing import CliRunner

from genreport.cli import app

runner = CliRunner()
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def words(text: str) -> set[str]:
    return set(text.split())


#: ASCII words help may contain besides options and examples: formats, programs, folder names.
ALLOWED = words(
    "genreport YAML JSON Schema Word WPS HTML Markdown PDF LibreOffice VS Code CI CPU shell "
    "Excel CSV pandoc text json csv docx html htm md txt pdf xlsx yaml gitignore "
    "SARIF sarif GitHub Actions github OCR docs doc wps odt rtf "
    "inputs build templates schema yaml-language-server genreport.schema.json "
    "gongxinju jiguan"  # the last two: example and default agency slugs
)
OPTION = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.\-]*[A-Za-z0-9]|[A-Za-z]")
#: Chinese never starts a line with closing punctuation nor ends one with an opening bracket
#: (the analogue of a word cut in two).
CLOSING = "，。、；：？！）》」』”’"
OPENING = "（《「『“‘"


def help_of(args: list[str]) -> str:
    result = runner.invoke(app, [*args, "--help"], env={"COLUMNS": "80", "TERMINAL_WIDTH": "80"})
    assert result.exit_code == 0, result.output
    return result.output


def ascii_words(output: str) -> set[str]:
    prose = "\n".join(
        line for line in output.splitlines() if not line.strip(" │").startswith("genreport ")
    )
    prose = re.sub(
        r"\bR\d+\b|[\w-]+\.(?:xlsx|csv|html|md|json|yaml|docx|pdf|txt)\b",
        " ",
        OPTION.sub(" ", prose),
    )
    return set(WORD.findall(prose))


def segments(output: str) -> list[str]:
    """Each line's pieces of text as laid out (panel columns are separated by 2+ spaces)."""
    pieces = []
    for line in output.splitlines():
        pieces.extend(p for p in re.split(r"\s{2,}|[│╭╮╰╯─]+", line) if p.strip())
    return pieces


@pytest.mark.parametrize(
    "command", [[], *[[c] for c in COMMANDS]], ids=lambda c: " ".join(c) or "genreport"
)
def test_help_is_chinese_and_fits_80_columns(command: list[str]) -> None:
    output = help_of(command)
    assert max(len(line) for line in output.splitlines()) <= 80
    assert output.lstrip().startswith("用法：genreport")
    assert ascii_words(output) <= ALLOWED | set(COMMANDS), output
    assert "…" not in output  # nothing cut off
    assert not [s for s in segments(output) if s.strip()[0] in CLOSING], output
    assert not [s for s in segments(output) if s.strip()[-1] in OPENING], output


@pytest.mark.parametrize(
    "command", [[], *[[c] for c in COMMANDS]], ids=lambda c: " ".join(c) or "genreport"
)
def test_no_ascii_token_is_broken_across_lines(command: list[str]) -> None:
    """Every file name, option and example in the help texts is printed whole on one line."""
    click_command = typer.main.get_command(app)
    for name in command:
        click_command = click_command.commands[name]  # type: ignore[attr-defined]
    context = click_command.make_context("genreport", [], resilient_parsing=True)
    texts = [click_command.help or ""] + [p.help or "" for p in click_command.get_params(context)]  # type: ignore[attr-defined]
    output = help_of(command)
    # an ASCII run with the characters touching it: a line break inside would split the needle
    for text in texts:
        for run in re.finditer(r"[\x21-\x7e]{2,}", text):
            needle = text[max(run.start() - 1, 0) : run.end() + 1].strip()
            assert needle in output, f"{needle!r} is broken across lines"
    for text in texts:
        for example in re.findall(r"^\s*(genreport .*)$", text, re.MULTILINE):
            assert example in output, f"example {example!r} does not fit on one line"


def test_usage_line_and_completion_are_chinese() -> None:
    output = help_of([])
    assert "用法：genreport [选项] 命令 [参数]..." in output
    assert "--install-completion" in output and "为当前的命令行（shell）安装自动补全" in output
    assert "<路径>" in output and "<bool>" not in output
    assert "用法：genreport check [选项] [年度|文件]..." in help_of(["check"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "-j", "abc"], "参数“--jobs”的值无效：应为整数"),
        (["build", "-j", "0"], "参数“--jobs”的值无效：应不小于 1"),
        (["init", "x", "--year", "abc"], "参数“--year”的值无效：应为整数"),
        (["import", "a.txt", "--year", "二〇二三"], "参数“--year”的值无效：应为整数"),
        (["check", "--job"], "没有选项 --job。是不是 --jobs？"),
        (["build", "--forc"], "没有选项 --forc。是不是 --force、--format 之一？"),
    ],
)
def test_invalid_values_are_explained_in_chinese(args: list[str], message: str) -> None:
    result = runner.invoke(app, args, env={"COLUMNS": "80", "TERMINAL_WIDTH": "80"})
    assert result.exit_code == 2
    flat = re.sub(r"[│╭╮╰╯─\s]+", "", result.output)
    assert re.sub(r"\s", "", message) in flat, result.output
    assert "Input" not in result.output and "Usage" not in result.output
