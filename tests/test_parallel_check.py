"""`genreport check` of many files in worker processes prints exactly what one process prints.

The workspace holds 48 agencies over two years, varied as real ones are: arithmetic slips, a file
that is not YAML, a carry-over that does not match last year's (R6, cross-year), two files for one
agency (L4), two agencies sharing a paragraph (R27), 说明 of one of the R27 warnings, of an error
and of nothing, agencies without a previous year.
"""

from __future__ import annotations

import os
import shutil
import signal
from dataclasses import astuple
from pathlib import Path

import pytest
from typer.testing import CliRunner

from genreport import parallel_check, workers
from genreport.cli import app
from genreport.parallel_check import PARALLEL_FROM, check_many
from genreport.workspace import Workspace

REPO = Path(__file__).resolve().parent.parent
runner = CliRunner()
AGENCIES = 48
SHARED = (
    "本年度我们在全市率先建立政务公开观察员制度，聘请十二名来自社区、企业和高校的观察员，"
    "每季度对政府网站的栏目设置、信息更新和政策解读进行暗访评议，评议结果纳入科室年度考核。"
)


def demo(year: int, stem: str) -> str:
    return (REPO / "inputs" / str(year) / f"{stem}.yaml").read_text("utf-8")


def agency_text(year: int, i: int) -> str:
    stem = ("shijianju", "shizhengfu")[i % 2]
    text = demo(year, stem)
    name = text.split("机关: ", 1)[1].split("\n", 1)[0]
    unique = name.replace("青禾市", f"青禾市第{i if i != 14 else 12}区", 1)  # 12 and 14: L4
    text = text.replace(f"机关: {name}", f"机关: {unique}", 1)
    if year == 2023 and i in (6, 20):  # R27: a paragraph shared by two agencies
        text = text.replace("  监督保障: |\n", f"  监督保障: |\n    {SHARED}\n", 1)
    if year == 2023 and stem == "shijianju" and i % 7 == 3:  # R1
        text = text.replace("予以公开:     [24, 5,", "予以公开:     [25, 5,", 1)
    if year == 2023 and stem == "shijianju" and i % 9 == 4:  # against last year's carry-over
        text = text.replace("上年结转:       [4, 0,", "上年结转:       [6, 0,", 1)
    if year == 2023 and i in (20, 10, 30):  # 说明 of R27 (found in the join), an error, nothing
        rule, where = {
            20: ("R27", "总体情况.监督保障"),
            10: ("R1", "依申请公开"),
            30: ("R27", "机关"),
        }[i]
        text += f"说明:\n  - 规则: {rule}\n    位置: {where}\n    理由: 经核实属实\n"
    if year == 2023 and i % 11 == 5:  # not YAML at all
        text += "\n依申请公开: [1, 2\n"
    return text


@pytest.fixture
def many(tmp_path: Path) -> Path:
    for year in (2022, 2023):
        folder = tmp_path / "inputs" / str(year)
        folder.mkdir(parents=True)
        for i in range(AGENCIES):
            if year == 2022 and i % 5 == 0:
                continue  # no previous year for these
            (folder / f"a{i:02d}.yaml").write_text(agency_text(year, i), "utf-8")
    shutil.copy(REPO / "inputs/2023/shijianju.yaml", tmp_path / "outside.yaml")
    cwd = Path.cwd()
    os.chdir(tmp_path / "inputs")  # a subfolder: files are still named from the workspace root
    try:
        yield tmp_path
    finally:
        os.chdir(cwd)


def check(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["check", *args])
    return result.exit_code, result.stdout


def test_the_workspace_has_findings_of_every_kind(many: Path) -> None:
    code, output = check("2023", "-j", "1")
    assert code == 1
    for finding in ("错误 R1 ", "错误 R6 ", "提示 R6 ", "错误 L2 ", "警告 L4 ", "警告 R27 "):
        assert finding in output, finding
    assert (
        "a20.yaml:30:5: 提示 R27 已说明：经核实属实。原警告：总体情况.监督保障：与同年度" in output
    )
    assert "a10.yaml:89:9: 警告 R1 说明第 1 项（R1，依申请公开）：R1 是错误（第 " in output
    assert "a30.yaml:" in output and "本文件“机关”处没有 R27 警告" in output
    assert AGENCIES >= PARALLEL_FROM


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github"])
def test_workers_print_byte_for_byte_what_one_process_prints(
    many: Path, output_format: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs: list[int] = []
    real = workers.completed

    def counted(*args: object, **kwargs: object) -> object:
        runs.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(workers, "completed", counted)
    targets = ["2022", "2023", "../outside.yaml"]
    serial = check(*targets, "--format", output_format, "-j", "1")
    assert runs == []
    parallel = check(*targets, "--format", output_format, "-j", "2")
    assert runs == [1]
    assert parallel == serial


def test_few_files_stay_in_one_process(many: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "completed", None)  # would fail if called
    code, output = check("../inputs/2023/a01.yaml", "../inputs/2023/a02.yaml", "-j", "4")
    assert code == 0, output
    assert output.endswith("检查了 2 个文件：0 个错误，0 个警告，0 个提示。通过\n")


def test_workers_find_what_one_process_finds_to_the_last_field(many: Path) -> None:
    workspace = Workspace(many)
    paths = workspace.resolve(["2022", "2023", "../outside.yaml"])
    serial, parallel = check_many(paths, workspace, 1), check_many(paths, workspace, 2)
    assert [(r.file, r.ok, r.crash) for r in parallel] == [(r.file, r.ok, r.crash) for r in serial]
    assert [[(*astuple(f), f.path) for f in r.findings] for r in parallel] == [
        [(*astuple(f), f.path) for f in r.findings] for r in serial
    ]
    found = {f.rule for r in serial for f in r.findings}
    assert {"L4", "R27", "R1"} <= found


_real_check_run = parallel_check._check_run


def _dies_on_the_second_run(run: parallel_check._Run) -> object:
    """A worker's work that kills its worker on one run, as the kernel does over a memory limit."""
    if run.index == 1:
        os.kill(os.getpid(), signal.SIGKILL)
    return _real_check_run(run)


def test_a_worker_that_dies_fails_its_files_and_the_others_are_still_checked(
    many: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = sorted(p.name for p in (many / "inputs/2023").iterdir())
    size = parallel_check.run_size(len(files), 2)
    died = set(files[size : 2 * size])  # the second run
    survivors = [f"../inputs/2023/{name}" for name in files if name not in died]
    _, serial = check(*survivors, "-j", "1")  # the other files checked without the dead ones
    monkeypatch.setattr(parallel_check, "_check_run", _dies_on_the_second_run)
    code, output = check("2023", "-j", "2")
    assert code == 3
    x1 = (
        "错误 X1 genreport 内部错误（检查时 BrokenProcessPool: A process in the process pool "
        "was terminated abruptly while the future was running or pending.），"
        "这不是数据文件的问题，请报告（加 --debug 可显示详细信息）"
    )
    found = _by_file(serial)
    expected = [
        line
        for name in files
        for line in ([f"inputs/2023/{name}: {x1}"] if name in died else found.get(name, []))
    ]
    assert output.splitlines()[:-1] == expected
    errors = sum(line.split(": ", 1)[1].startswith("错误") for line in expected if line[0] != " ")
    assert output.splitlines()[-1].startswith(f"检查了 48 个文件：{errors} 个错误，")


def _by_file(output: str) -> dict[str, list[str]]:
    """Printed lines by file name (a 表格位置 line goes with the finding before it)."""
    found: dict[str, list[str]] = {}
    name = ""
    for line in output.splitlines()[:-1]:
        if not line.startswith(" "):
            name = line.split(":", 1)[0].rsplit("/", 1)[1]
        found.setdefault(name, []).append(line)
    return found


def _square_or_die(n: int) -> tuple[str, int, int]:
    if n == 2:
        os.kill(os.getpid(), signal.SIGKILL)
    return ("ok", n, n * n)


def test_only_the_job_that_kills_its_worker_again_fails_however_many_were_pending() -> None:
    def died(n: int, exc: BaseException) -> tuple[str, int, int]:
        return (type(exc).__name__, n, 0)

    results = sorted(
        workers.completed(_square_or_die, list(range(30)), 2, died), key=lambda r: r[1]
    )
    assert results == [
        ("BrokenProcessPool", n, 0) if n == 2 else ("ok", n, n * n) for n in range(30)
    ]
