"""`genreport check` of many files in worker processes prints exactly what one process prints.

The workspace holds 48 agencies over two years, varied as real ones are: arithmetic slips, a file
that is not YAML, a carry-over that does not match last year's (R6, cross-year), two files for one
agency (L4), two agencies sharing a paragraph (R27), agencies without a previous year.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from genreport import workers
from genreport.cli import app
from genreport.parallel_check import PARALLEL_FROM

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
