"""`genreport build` and `genreport init` as a user runs them: files, messages, exit codes."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from genreport import build as build_module
from genreport import output
from genreport.build import BuildOptions, Status, build
from genreport.cli import app
from genreport.render.templates import DEFAULTS, NAMES
from genreport.workspace import Workspace

runner = CliRunner()
REPO = Path(__file__).resolve().parents[2]
OUTPUTS = ("shijianju", "shizhengfu")


def outputs(root: Path, year: int = 2023) -> dict[str, bytes]:
    folder = root / "build" / str(year)
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.startswith(".")}


def test_build_writes_three_formats_per_input(workspace: Path) -> None:
    result = runner.invoke(app, ["build", "2023"])
    assert result.exit_code == 0, result.output
    assert sorted(outputs(workspace)) == [
        f"{s}.{e}" for s in OUTPUTS for e in ("docx", "html", "md")
    ]
    assert result.output.endswith("生成 2 个，跳过 0 个（没有变化），失败 0 个；输出在 build/\n")
    document = docx.Document(io.BytesIO(outputs(workspace)["shijianju.docx"]))
    assert [p.text for p in document.paragraphs[:2]] == [
        "青禾市市场监督管理局",
        "2023年政府信息公开工作年度报告",
    ]
    assert len(document.tables) == 3


def test_unchanged_inputs_are_skipped_and_changes_rebuild(workspace: Path) -> None:
    assert runner.invoke(app, ["build", "2023"]).exit_code == 0
    again = runner.invoke(app, ["build", "2023"])
    assert "生成 0 个，跳过 2 个（没有变化）" in again.output
    # the previous year's file is part of what a report is made from (cross-year checks)
    previous = workspace / "inputs/2022/shijianju.yaml"
    previous.write_text(previous.read_text("utf-8") + "\n", encoding="utf-8")
    assert "生成 1 个，跳过 1 个" in runner.invoke(app, ["build", "2023"]).output
    # so is the template
    (workspace / "templates").mkdir()
    shutil.copy(DEFAULTS / "report.md.j2", workspace / "templates/report.md.j2")
    with (workspace / "templates/report.md.j2").open("a", encoding="utf-8") as handle:
        handle.write("\n（本报告由 genreport 生成）\n")
    assert "生成 2 个，跳过 0 个" in runner.invoke(app, ["build", "2023"]).output
    assert outputs(workspace)["shijianju.md"].endswith("（本报告由 genreport 生成）\n".encode())
    # an output edited by hand (or deleted) is rebuilt
    (workspace / "build/2023/shizhengfu.html").write_text("edited", encoding="utf-8")
    assert "生成 1 个，跳过 1 个" in runner.invoke(app, ["build", "2023"]).output
    # --force rebuilds everything
    assert "生成 2 个，跳过 0 个" in runner.invoke(app, ["build", "2023", "--force"]).output


def test_errors_stop_the_build_of_that_file_with_findings(workspace: Path) -> None:
    path = workspace / "inputs/2023/shijianju.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("予以公开:     [24, 5,", "予以公开:     [25, 5,"), "utf-8")
    result = runner.invoke(app, ["build", "2023"])
    assert result.exit_code == 1
    assert "inputs/2023/shijianju.yaml:43:16: 错误 R1 依申请公开（自然人）" in result.output
    assert (
        "失败 inputs/2023/shijianju.yaml：有错误，未生成（改正后重试，或加 --force）"
        in result.output
    )
    assert result.output.endswith("生成 1 个，跳过 0 个（没有变化），失败 1 个；输出在 build/\n")
    assert sorted(outputs(workspace)) == [f"shizhengfu.{e}" for e in ("docx", "html", "md")]
    forced = runner.invoke(app, ["build", "2023", "--force"])
    assert forced.exit_code == 0
    assert "已强制生成 inputs/2023/shijianju.yaml：检查有错误，报告不能照此发布" in forced.output
    assert "生成 2 个（其中 1 个有错误、已强制生成）" in forced.output
    assert "shijianju.docx" in outputs(workspace)


def test_undefined_name_in_narrative_fails_at_its_line(workspace: Path) -> None:
    path = workspace / "inputs/2023/shizhengfu.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if "{{" in line)
    column = lines[number].index("{{") + 1
    lines[number] = lines[number][: column - 1] + "{{ 不存在的名称 }}" + lines[number][column - 1 :]
    path.write_text("".join(lines), encoding="utf-8")
    result = runner.invoke(app, ["build", str(path)])
    assert result.exit_code == 1
    assert f"inputs/2023/shizhengfu.yaml:{number + 1}:{column}: 错误 J1" in result.output
    assert "没有名为“不存在的名称”的数据" in result.output


def test_format_option(workspace: Path) -> None:
    result = runner.invoke(app, ["build", "inputs/2023/shijianju.yaml", "--format", "md,html"])
    assert result.exit_code == 0, result.output
    assert sorted(outputs(workspace)) == ["shijianju.html", "shijianju.md"]
    bad = runner.invoke(app, ["build", "2023", "--format", "docx,xls"])
    assert bad.exit_code == 2
    assert "--format 只能是 docx,html,md,pdf 中的一个或多个" in bad.output


def test_pdf_without_libreoffice_says_what_to_install(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GENREPORT_SOFFICE", str(workspace / "no-such-soffice"))
    result = runner.invoke(app, ["build", "2023", "--format", "pdf"])
    assert result.exit_code == 2
    assert "没有找到 soffice 命令" in result.output
    assert "sudo apt-get install libreoffice-writer" in result.output
    assert not (workspace / "build").exists()


def test_two_builds_give_identical_bytes(workspace: Path, tmp_path: Path) -> None:
    assert runner.invoke(app, ["build", "2023"]).exit_code == 0
    first = outputs(workspace)
    time.sleep(1.1)  # a zip timestamp taken from the clock would now differ
    assert runner.invoke(app, ["build", "2023", "--force"]).exit_code == 0
    assert outputs(workspace) == first
    for name, data in first.items():
        if name.endswith(".docx"):
            infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
            assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_parallel_build_equals_sequential(workspace: Path) -> None:
    folder = workspace / "inputs/2023"
    for i in range(4):
        shutil.copy(folder / "shijianju.yaml", folder / f"copy{i}.yaml")
    ws = Workspace(workspace)
    files = ws.year_files(2023)
    parallel = build(ws, files, BuildOptions(jobs=2))
    assert [r.status for r in parallel.results] == [Status.BUILT] * 6
    built = outputs(workspace)
    sequential = build(ws, files, BuildOptions(jobs=1, force=True))
    assert [r.status for r in sequential.results] == [Status.BUILT] * 6
    assert outputs(workspace) == built


def test_failed_write_leaves_the_previous_output(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert runner.invoke(app, ["build", "2023"]).exit_code == 0
    before = outputs(workspace)

    def crash(*_: object) -> None:
        raise KeyboardInterrupt  # as if the build were interrupted between write and rename

    path = workspace / "inputs/2023/shijianju.yaml"
    path.write_text(
        path.read_text("utf-8").replace("青禾市市场监督管理局", "青禾市市场监管局"), "utf-8"
    )
    monkeypatch.setattr(output.os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        build(Workspace(workspace), [path], BuildOptions(jobs=1))
    assert outputs(workspace) == before
    assert not [p for p in (workspace / "build/2023").iterdir() if p.name.endswith(".tmp")]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_build_killed_midway_leaves_complete_outputs(workspace: Path) -> None:
    folder = workspace / "inputs/2023"
    for i in range(30):
        shutil.copy(folder / "shijianju.yaml", folder / f"copy{i:02d}.yaml")
    command = [sys.executable, "-c", "from genreport.cli import main; main()", "build", "2023"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    assert subprocess.run(command, env=env, capture_output=True, check=False).returncode == 0
    before = outputs(workspace)
    for path in folder.iterdir():
        path.write_text(path.read_text("utf-8").replace("2024-01-26", "2024-01-25"), "utf-8")
    process = subprocess.Popen(
        [*command, "-j", "1"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and outputs(workspace) == before:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    after = outputs(workspace)
    changed = [name for name in after if after[name] != before[name]]
    assert changed and len(changed) < len(before), "the kill should land midway"
    assert set(after) == set(before)
    for name, data in after.items():
        if name.endswith(".docx"):
            assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None  # complete, not truncated
        if name.endswith(".html"):
            assert data.endswith(b"</html>\n")
    # the next build finishes the job
    done = subprocess.run(command, env=env, capture_output=True, check=False)
    assert done.returncode == 0


def test_init_creates_a_workspace_that_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init", "ws", "--agency", "某县测试局", "--slug", "ceshi", "--year", "2023"])  # fmt: skip
    assert result.exit_code == 0, result.output
    root = tmp_path / "ws"
    assert (root / ".gitignore").read_text("utf-8").endswith("/build/\n")
    for name in NAMES:
        assert (root / "templates" / name).read_bytes() == (DEFAULTS / name).read_bytes()
    assert "机关: 某县测试局" in (root / "inputs/2023/ceshi.yaml").read_text("utf-8")
    built = runner.invoke(app, ["-C", "ws", "build", "2023"])
    assert built.exit_code == 0, built.output
    assert (root / "build/2023/ceshi.docx").is_file()
    again = runner.invoke(app, ["init", "ws"])
    assert again.output.count("已存在，未改动") == 2 + len(NAMES)


def test_workspace_templates_override_package_defaults(workspace: Path) -> None:
    (workspace / "templates").mkdir()
    html = (DEFAULTS / "report.html.j2").read_text("utf-8").replace("<h1 ", '<h1 class="mine" ')
    (workspace / "templates/report.html.j2").write_text(html, "utf-8")
    assert runner.invoke(app, ["build", "2023", "--format", "html"]).exit_code == 0
    assert b'<h1 class="mine" ' in outputs(workspace)["shijianju.html"]


def test_broken_user_template_fails_with_its_name(workspace: Path) -> None:
    (workspace / "templates").mkdir()
    (workspace / "templates/report.md.j2").write_text("{{ 不存在 }}", "utf-8")
    result = runner.invoke(app, ["build", "inputs/2023/shijianju.yaml", "--format", "md"])
    assert result.exit_code == 1
    assert "report.md.j2" in result.output and "不存在" in result.output


def test_progress_bar_for_many_files_keeps_summary(workspace: Path) -> None:
    folder = workspace / "inputs/2023"
    for i in range(3):
        shutil.copy(folder / "shijianju.yaml", folder / f"copy{i}.yaml")
    result = runner.invoke(app, ["build", "2023", "-j", "1"])
    assert result.exit_code == 0
    assert result.output.endswith("生成 5 个，跳过 0 个（没有变化），失败 0 个；输出在 build/\n")


def test_tool_fingerprint_covers_the_renderer() -> None:
    assert len(build_module.tool_fingerprint()) == 64


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in soffice is a shell script")
def test_pdf_build_warns_about_missing_fonts(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The font check is the machine's own (fc-list); LibreOffice is a stand-in that writes a PDF."""
    from genreport.fonts import font_statuses, missing_fonts_warning  # noqa: PLC0415

    soffice = workspace / "soffice"
    soffice.write_text(
        '#!/bin/sh\nfor a; do :; done\nout=$(dirname "$a")\nprintf "%%PDF-1.4" > "$out/report.pdf"\n',
        encoding="utf-8",
    )
    soffice.chmod(0o755)
    monkeypatch.setenv("GENREPORT_SOFFICE", str(soffice))
    result = runner.invoke(app, ["build", "inputs/2023/shijianju.yaml", "--format", "pdf"])
    assert result.exit_code == 0, result.output
    assert (workspace / "build/2023/shijianju.pdf").read_bytes() == b"%PDF-1.4"
    warning = missing_fonts_warning(font_statuses())
    if warning is None:
        assert "缺少公文字体" not in result.output
    else:
        assert f"注意 {warning}" in result.output.replace("\n", "")
