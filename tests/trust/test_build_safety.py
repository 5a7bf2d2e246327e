"""Builds safe to interrupt and repeat: manifest failures, stray temporaries, concurrent builds,
stale outputs of a file that now fails, and no worker left behind when the CLI is killed."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from genreport import build as build_module
from genreport import output
from genreport.build import MANIFEST, BuildOptions, Status, build
from genreport.cli import app
from genreport.workspace import Workspace

runner = CliRunner()
REPO = Path(__file__).resolve().parents[2]


def _manifest(workspace: Path) -> dict[str, object]:
    data = json.loads((workspace / "build" / MANIFEST).read_text("utf-8"))
    return dict(data["inputs"])


def test_a_manifest_that_cannot_be_written_is_a_clear_error(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = output.write_atomic

    def disk_full(path: Path, data: bytes, **options: bool) -> None:
        if path.name == MANIFEST:
            raise OSError(errno.ENOSPC, "No space left on device")
        original(path, data, **options)

    monkeypatch.setattr(build_module, "write_atomic", disk_full)
    result = runner.invoke(app, ["build", "2023", "-j", "1", "--format", "md"])
    assert result.exit_code == 1
    assert (
        "错误：无法写入 build/.genreport-manifest.json（No space left on device）。"
        "已生成的文件都是完整的，但下次生成时会全部重新生成"
    ) in " ".join(result.stderr.split())
    assert sorted(p.name for p in (workspace / "build/2023").iterdir()) == [
        "shijianju.md",
        "shizhengfu.md",
    ]
    monkeypatch.undo()
    again = runner.invoke(app, ["build", "2023", "-j", "1", "--format", "md"])
    assert again.exit_code == 0 and "生成 2 个" in again.stdout


def test_stray_temporaries_of_a_killed_build_are_removed(workspace: Path) -> None:
    folder = workspace / "build/2023"
    folder.mkdir(parents=True)
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    stray = folder / f".shijianju.docx.{int(dead.stdout)}.abc123.tmp"
    stray.write_bytes(b"half a file")
    mine = folder / f".shijianju.html.{os.getpid()}.def456.tmp"
    mine.write_bytes(b"being written by a running build")
    assert runner.invoke(app, ["build", "2023", "-j", "1", "--format", "md"]).exit_code == 0
    assert not stray.exists()
    assert mine.exists()


def test_two_builds_at_once_keep_each_others_manifest_entries(workspace: Path) -> None:
    ws = Workspace(workspace)
    paths = sorted((workspace / "inputs/2023").glob("*.yaml"))
    barrier = threading.Barrier(2)

    def one(path: Path) -> None:
        barrier.wait()
        result = build(ws, [path], BuildOptions(("md",), jobs=1))
        assert result.results[0].status is Status.BUILT

    threads = [threading.Thread(target=one, args=(p,)) for p in paths]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(_manifest(workspace)) == [
        "inputs/2023/shijianju.yaml",
        "inputs/2023/shizhengfu.yaml",
    ]


def _slip(workspace: Path) -> None:
    path = workspace / "inputs/2023/shijianju.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("予以公开:     [24, 5,", "予以公开:     [25, 5,"), "utf-8")


def test_outputs_of_a_file_that_now_fails_are_removed(workspace: Path) -> None:
    assert runner.invoke(app, ["build", "2023", "--format", "md"]).exit_code == 0
    _slip(workspace)
    result = runner.invoke(app, ["build", "2023", "--format", "md"])
    assert result.exit_code == 1
    assert "已删除它上次生成的 build/2023/shijianju.md，以免被当作最新版本" in result.stderr
    assert sorted(p.name for p in (workspace / "build/2023").iterdir()) == ["shizhengfu.md"]
    assert sorted(_manifest(workspace)) == ["inputs/2023/shizhengfu.yaml"]


def test_a_forced_build_is_marked_as_a_draft_in_every_format(workspace: Path) -> None:
    _slip(workspace)
    result = runner.invoke(app, ["build", "inputs/2023/shijianju.yaml", "--force"])
    assert result.exit_code == 0
    mark = "【草稿·有错误·不得发布】"
    folder = workspace / "build/2023"
    markdown = (folder / "shijianju.md").read_text("utf-8")
    assert markdown.startswith(f"# {mark}青禾市市场监督管理局2023年政府信息公开工作年度报告\n")
    page = (folder / "shijianju.html").read_text("utf-8")
    assert f"<title>{mark}青禾市市场监督管理局2023年政府信息公开工作年度报告</title>" in page
    assert f'<span style="display:inline-block">{mark}</span>' in page
    first = next(p.text for p in docx.Document(str(folder / "shijianju.docx")).paragraphs if p.text)
    assert first == mark
    clean = runner.invoke(app, ["build", "inputs/2023/shizhengfu.yaml"])
    assert clean.exit_code == 0
    assert mark not in (folder / "shizhengfu.md").read_text("utf-8")


def _processes_with(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            status = (entry / "status").read_text()
        except OSError:
            continue
        if marker.encode() in environ and "State:\tZ" not in status:
            found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc")
def test_killing_the_cli_leaves_no_worker_processes(workspace: Path) -> None:
    folder = workspace / "inputs/2023"
    for i in range(20):
        (folder / f"copy{i:02d}.yaml").write_bytes((folder / "shijianju.yaml").read_bytes())
    marker = f"GENREPORT_TEST_RUN={os.getpid()}-{time.monotonic_ns()}"
    name, value = marker.split("=")
    env = {**os.environ, "PYTHONPATH": str(REPO), name: value}
    command = [sys.executable, "-c", "from genreport.cli import main; main()", "build", "2023"]
    process = subprocess.Popen(
        [*command, "-j", "2", "--format", "md"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(_processes_with(marker)) < 3:
        time.sleep(0.05)  # the CLI, the forkserver and at least one worker
    assert len(_processes_with(marker)) >= 3, "the build should have started its workers"
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and _processes_with(marker):
        time.sleep(0.1)
    assert _processes_with(marker) == []
