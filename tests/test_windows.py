"""What differs on Windows, tested both ways on any host: the platform is injected, not assumed.

Console streams in a code page (GBK) that lacks a character; the worker-pool start method (spawn
on Windows and macOS, which re-imports genreport in every worker); file patterns that PowerShell
passes on unexpanded.
"""

from __future__ import annotations

import errno
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from genreport import output, workers
from genreport.build import BuildOptions, Status, build
from genreport.cli import app
from genreport.console_encoding import encodes_everything, make_safe
from genreport.globbing import expand
from genreport.schema import schema_json
from genreport.workers import start_method
from genreport.workspace import Workspace

#: A Kangxi radical as PDFs extract it (U+2F00) and an emoji: neither exists in GBK.
NOT_IN_GBK = "⼀😀"
ALL_METHODS = ["fork", "spawn", "forkserver"]


def test_a_gbk_console_prints_question_marks_instead_of_crashing() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="gbk")
    with pytest.raises(UnicodeEncodeError):
        stream.write(f"错误 R1 {NOT_IN_GBK}\n")
        stream.flush()
    raw.seek(0), raw.truncate()
    make_safe(stream)
    stream.write(f"错误 R1 {NOT_IN_GBK}–\n")
    stream.flush()
    assert raw.getvalue().decode("gbk") == "错误 R1 ??–\n"  # Chinese and the en dash stay


def test_a_utf8_console_is_left_alone() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8")
    make_safe(stream)
    assert stream.errors == "strict"
    stream.write(NOT_IN_GBK)
    stream.flush()
    assert raw.getvalue().decode("utf-8") == NOT_IN_GBK


def test_no_console_at_all_is_fine() -> None:
    make_safe(None)  # pythonw.exe on Windows has no stdout


@pytest.mark.parametrize(
    ("encoding", "everything"),
    [
        ("utf-8", True),
        ("UTF8", True),
        ("utf-16-le", True),
        ("gbk", False),
        ("cp936", False),
        ("cp1252", False),
        (None, False),
        ("no-such-codec", False),
    ],
)
def test_which_encodings_can_print_everything(encoding: str | None, everything: bool) -> None:
    assert encodes_everything(encoding) is everything


@pytest.mark.parametrize(
    ("platform", "available", "method"),
    [
        ("linux", ALL_METHODS, "forkserver"),
        ("win32", ["spawn"], "spawn"),
        ("darwin", ALL_METHODS, "spawn"),
        ("linux", ["fork", "spawn"], "spawn"),
    ],
)
def test_worker_start_method(platform: str, available: list[str], method: str) -> None:
    assert start_method(platform, available) == method


def test_parallel_build_works_under_spawn_as_on_windows(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers that start from nothing (Windows) build the same bytes as one process."""
    folder = workspace / "inputs/2023"
    for i in range(2):
        shutil.copy(folder / "shijianju.yaml", folder / f"copy{i}.yaml")
    ws = Workspace(workspace)
    files = ws.year_files(2023)
    used: list[str] = []
    real = workers.start_method

    def as_on_windows(platform: str, available: list[str]) -> str:
        used.append(real("win32", available))
        return used[-1]

    monkeypatch.setattr(workers, "start_method", as_on_windows)
    parallel = build(ws, files, BuildOptions(jobs=2, formats=("html", "md")))
    assert used == ["spawn"]
    assert [r.status for r in parallel.results] == [Status.BUILT] * 4
    built = {p.name: p.read_bytes() for p in (workspace / "build/2023").iterdir()}
    sequential = build(ws, files, BuildOptions(jobs=1, force=True, formats=("html", "md")))
    assert [r.status for r in sequential.results] == [Status.BUILT] * 4
    assert {p.name: p.read_bytes() for p in (workspace / "build/2023").iterdir()} == built


def test_check_on_a_gbk_console_reports_instead_of_crashing(workspace: Path) -> None:
    """The whole CLI, its output redirected as on Chinese Windows (GBK), a key the code page lacks."""
    path = workspace / "inputs/2023/shijianju.yaml"
    text = path.read_text("utf-8").replace("年度: 2023", "😀备注: x\n年度: 2023", 1)
    path.write_text(text, "utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "gbk"}
    done = subprocess.run(
        [sys.executable, "-c", "from genreport.cli import main; main()", "check", "2023"],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr.decode("gbk", "replace")
    output = done.stdout.decode("gbk")
    assert "错误 L3 顶层没有“?备注”这一项" in output
    assert output.endswith("检查了 2 个文件：1 个错误，0 个警告，0 个提示。未通过\n")


def test_patterns_are_expanded_as_a_posix_shell_would(tmp_path: Path) -> None:
    """PowerShell passes ``下载\\*.html`` on unexpanded; a POSIX shell has already expanded it."""
    for name in ("b.html", "a.html", "c.pdf", "[1].html"):
        (tmp_path / name).write_text("x", "utf-8")
    folder = str(tmp_path)
    assert expand([f"{folder}/*.html"]) == [
        f"{folder}/[1].html",
        f"{folder}/a.html",
        f"{folder}/b.html",
    ]
    already = [f"{folder}/a.html", f"{folder}/b.html"]  # what bash hands over
    assert expand(already) == already
    assert expand([f"{folder}/[1].html"]) == [f"{folder}/[1].html"]  # an existing name is a name
    assert expand([f"{folder}/*.docx"]) == [f"{folder}/*.docx"]  # no match: reported as missing


def test_check_with_a_pattern_as_typed_in_powershell(workspace: Path) -> None:
    result = CliRunner().invoke(app, ["check", "inputs/2023/*.yaml"])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("检查了 2 个文件：0 个错误，0 个警告，0 个提示。通过\n")
    missing = CliRunner().invoke(app, ["check", "inputs/2023/*.yml"])
    assert missing.exit_code == 2
    assert "找不到“inputs/2023/*.yml”" in missing.output


def test_schema_to_a_gbk_console_is_still_utf8(workspace: Path) -> None:
    """Editors read JSON as UTF-8: ``genreport schema -o - > x.json`` on Chinese Windows too."""
    done = subprocess.run(
        [sys.executable, "-c", "from genreport.cli import main; main()", "schema", "-o", "-"],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "gbk"},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("gbk", "replace")
    assert done.stdout.decode("utf-8") == schema_json()


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (
            PermissionError(13, "The process cannot access the file"),
            "文件可能正在 Word、WPS 或其他程序中打开，或没有写入权限；关闭它后重试",
        ),
        (OSError(errno.ENOSPC, "No space left on device"), "磁盘已满"),
        (OSError(errno.EIO, "Input/output error"), "Input/output error"),
    ],
)
def test_a_report_that_cannot_be_written_says_why(
    workspace: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, message: str
) -> None:
    """On Windows a .docx open in Word cannot be replaced: the build says so, in Chinese."""

    def refuse(*_: object) -> None:
        raise error

    monkeypatch.setattr(output.os, "replace", refuse)
    result = CliRunner().invoke(app, ["build", "inputs/2023/shijianju.yaml", "--format", "docx"])
    assert result.exit_code == 1
    flat = result.output.replace("\n", "")
    assert f"失败 inputs/2023/shijianju.yaml：无法写入 build/2023/shijianju.docx：{message}" in flat
    assert not list((workspace / "build/2023").glob("*.tmp"))
