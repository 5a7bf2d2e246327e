"""genreport.terminal prints the CLI's markup as rich did, without importing rich.

rich stays the reference: where output is not a terminal (pipes, files, CI) every line must come
out byte for byte as rich's Console printed it; on a terminal the same styles as ANSI codes.
"""

from __future__ import annotations

import contextlib
import io
import os
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.markup import escape as rich_escape

from genreport.terminal import Terminal, escape, sgr

SAMPLES = [
    "检查了 2 个文件：0 个错误，0 个警告，0 个提示。[bold green]通过[/]",
    "[bold red]错误：[/]工作区目录“x”不存在",
    "    [dim]表格位置：表三第1行「一、本年新收」·「自然人」列[/]",
    f"[yellow]已存在，未改动[/] {escape('inputs/[2023]/a.yaml')}",
    "[green]已写入[/] " + escape("C:\\报告\\"),
    escape("[bold]不是样式[/] 与 \\[转义\\] 与 结尾的反斜杠\\"),
    f"[bold red]{escape('[red]x[/]')}[/]",
    "列表 [1] 与 [2]，路径 a\\[b 与 \\[",
    "响铃\x07回车\r换页\x0c",
    "",
]


def rich_plain(markup: str, *, use_markup: bool = True, end: str = "\n") -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, highlight=False, soft_wrap=True)
    console.print(markup, markup=use_markup, end=end)
    return buffer.getvalue()


class Printed:
    """What the test printed to stdout (pytest swaps sys.stdout itself for each phase)."""

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self.capsys = capsys

    def getvalue(self) -> str:
        return self.capsys.readouterr().out


@pytest.fixture
def stdout(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Printed:
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    return Printed(capsys)


@pytest.mark.parametrize("markup", SAMPLES)
def test_plain_output_is_richs(markup: str, stdout: Printed) -> None:
    Terminal().print(markup)
    Terminal().print(markup, markup=False, end="")
    assert stdout.getvalue() == rich_plain(markup) + rich_plain(markup, use_markup=False, end="")


@given(st.text(alphabet=st.sampled_from("ab[]/\\=# 中\n")))
def test_escaped_text_prints_as_itself_and_escapes_as_rich_does(text: str) -> None:
    assert escape(text) == rich_escape(text)
    for markup in (escape(text), f"[bold]{escape(text)}[/] x"):
        out = io.StringIO()
        with contextlib.redirect_stdout(out), mock.patch.dict(os.environ, clear=True):
            Terminal().print(markup)
        assert out.getvalue() == rich_plain(markup)


def test_json_is_indented_as_richs_print_json(stdout: Printed) -> None:
    text = '{"reports": [{"file": "inputs/2023/a.yaml", "差": [1, 2.5, null, true]}]}'
    Terminal().print_json(text)
    buffer = io.StringIO()
    Console(file=buffer, highlight=False, soft_wrap=True).print_json(text)
    assert stdout.getvalue() == buffer.getvalue()


def test_a_terminal_gets_ansi_styles(stdout: Printed, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    Terminal().print("[bold red]错误[/] R1 [dim]表格[/]")
    assert stdout.getvalue() == "\x1b[1;31m错误\x1b[0m R1 \x1b[2m表格\x1b[0m\n"


def test_no_color_keeps_bold_and_dim_only(stdout: Printed, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm")
    Terminal().print("[bold red]错误[/] [green]通过[/]")
    assert stdout.getvalue() == "\x1b[1m错误\x1b[0m 通过\n"


def test_a_dumb_terminal_gets_plain_text(stdout: Printed, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    Terminal().print("[bold red]错误[/]")
    assert stdout.getvalue() == "错误\n"


def test_a_windows_console_goes_to_the_given_console(
    stdout: Printed, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed: list[tuple[str, bool]] = []

    class Fake:
        def print(self, text: str, *, markup: bool, end: str) -> None:
            printed.append((text + end, markup))

    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setattr("genreport.terminal._WINDOWS", True)
    Terminal(windows_console=lambda stderr: Fake()).print("[red]x[/]")
    Terminal().print("[red]y[/]")  # no console given: plain text
    assert printed == [("[red]x[/]\n", True)]
    assert stdout.getvalue() == "y\n"


def test_a_style_we_never_use_is_a_bug_not_silence(stdout: Printed) -> None:
    with pytest.raises(ValueError, match="no such style"):
        sgr(("blink",))
    with pytest.raises(ValueError, match="never opened"):
        Terminal().print("x[/]")


def test_emoji_codes_stay_as_typed(stdout: Printed) -> None:
    """rich would print :smile: as an emoji; user text quoted in a message stays as typed."""
    Terminal().print("机关名称 :smile: 有误")
    assert stdout.getvalue() == "机关名称 :smile: 有误\n"
