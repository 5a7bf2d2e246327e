"""A no-op build trusts an output whose size and modification time are those recorded, and
hashes any other: a touched output is still current, one with other bytes is rebuilt."""

from __future__ import annotations

import json
import os
from pathlib import Path

from typer.testing import CliRunner

from genreport.build import MANIFEST
from genreport.cli import app

runner = CliRunner()


def _stats(workspace: Path) -> dict[str, list[int]]:
    manifest = json.loads((workspace / "build" / MANIFEST).read_text("utf-8"))
    stats: dict[str, list[int]] = manifest["inputs"]["inputs/2023/shijianju.yaml"]["stats"]
    return stats


def test_manifest_records_each_outputs_size_and_time(workspace: Path) -> None:
    assert runner.invoke(app, ["build", "2023"]).exit_code == 0
    html = workspace / "build/2023/shijianju.html"
    info = html.stat()
    assert _stats(workspace)["build/2023/shijianju.html"] == [info.st_size, info.st_mtime_ns]


def test_a_touched_output_is_verified_by_hash_and_its_time_recorded_again(workspace: Path) -> None:
    assert runner.invoke(app, ["build", "2023"]).exit_code == 0
    html = workspace / "build/2023/shijianju.html"
    later = html.stat().st_mtime_ns + 5_000_000_000
    os.utime(html, ns=(later, later))  # a copy or a checkout of build/: same bytes, new time
    assert "生成 0 个，跳过 2 个（没有变化）" in runner.invoke(app, ["build", "2023"]).output
    assert _stats(workspace)["build/2023/shijianju.html"][1] == later


def test_an_output_with_other_bytes_of_the_same_size_is_rebuilt(workspace: Path) -> None:
    assert runner.invoke(app, ["build", "2023"]).exit_code == 0
    md = workspace / "build/2023/shijianju.md"
    data = md.read_bytes()
    md.write_bytes(data[:-2] + b"xx")  # same size, so only the new time tells
    assert "生成 1 个，跳过 1 个" in runner.invoke(app, ["build", "2023"]).output
    assert md.read_bytes() == data
