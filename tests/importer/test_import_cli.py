"""`genreport import` as a user runs it: what it prints, exit codes, --force, and import → build."""

from __future__ import annotations

from pathlib import Path

import pytest
from importer_helpers import printed_cells, run_import, t4_rows, text_report
from typer.testing import CliRunner

from genreport.cli import app
from genreport.model import Report

runner = CliRunner()


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_import_prints_where_it_wrote_and_never_overwrites(here: Path, reference: Report) -> None:
    Path("年报.txt").write_text(text_report(reference), encoding="utf-8")
    first = runner.invoke(app, ["import", "年报.txt", "--slug", "shiliju"])
    assert first.exit_code == 0, first.output
    assert first.output == (
        "已写入 inputs/2023/shiliju.yaml：导入自 年报.txt\n导入了 1 份报告，写出 1 个输入文件。\n"
    )
    assert Path("inputs/genreport.schema.json").is_file()  # the modeline's target
    again = runner.invoke(app, ["import", "年报.txt", "--slug", "shiliju"])
    assert again.exit_code == 1
    assert "年报.txt：inputs/2023/shiliju.yaml 已存在，未覆盖；确要覆盖请加 --force" in again.output
    forced = runner.invoke(app, ["import", "年报.txt", "--slug", "shiliju", "--force"])
    assert forced.exit_code == 0, forced.output


def test_findings_are_printed_and_errors_set_the_exit_code(here: Path, reference: Report) -> None:
    Path("notes.txt").write_text("会议纪要\n\n大家讨论了食堂菜单。\n", encoding="utf-8")
    t4 = t4_rows(reference)
    t4[3][4] = "/"
    Path("r.txt").write_text(text_report(reference, t4=t4), encoding="utf-8")
    result = runner.invoke(app, ["import", "notes.txt", "r.txt", "--out", "data"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith("notes.txt:1:1: 错误 I1 这不像是政府信息公开工作年度报告")
    assert lines[1] == "notes.txt：未写出输入文件（1 个错误）"
    assert (
        lines[2].startswith("r.txt:")
        and "警告 I4 表四「行政复议·总计」印的是“/”，按 0 导入" in lines[2]
    )
    assert lines[3] == "已写入 data/2023/r.yaml：导入自 r.txt（1 个警告）"
    assert lines[4] == "导入了 2 份报告，写出 1 个输入文件。"


def test_usage_errors(here: Path, reference: Report) -> None:
    result = runner.invoke(app, ["import", "a.txt", "b.txt", "--slug", "x"])
    assert result.exit_code == 2
    assert "--slug 只能用于导入单个文件" in result.output
    result = runner.invoke(app, ["import", "a.txt", "--published", "2024年1月"])
    assert result.exit_code == 2
    assert "--published 应写成 2023-01-20 这样的日期，这里是“2024年1月”" in result.output


def test_import_then_build_reproduces_every_cell(here: Path, reference: Report) -> None:
    Path("年报.txt").write_text(text_report(reference), encoding="utf-8")
    assert runner.invoke(app, ["import", "年报.txt", "--slug", "shiliju"]).exit_code == 0
    built = runner.invoke(app, ["build", "2023", "--format", "md,html"])
    assert built.exit_code == 0, built.output
    for fmt in ("md", "html"):
        again = run_import(Path(f"build/2023/shiliju.{fmt}"), Path(f"again-{fmt}"))
        assert again.messages == []
        assert printed_cells(again.report) == printed_cells(reference)
