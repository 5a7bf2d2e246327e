"""`genreport diff` on the demo years: terminal, HTML, Markdown and JSON; --from; files it cannot compare."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from genreport.check.narrative.copying import containment
from genreport.cli import app
from genreport.diff import diff_files

runner = CliRunner()
FILE = "inputs/2023/shijianju.yaml"


def test_terminal_lists_changed_cells_and_sections(workspace: Path) -> None:
    result = runner.invoke(app, ["diff", FILE])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert (
        lines[0] == "inputs/2023/shijianju.yaml 与 inputs/2022/shijianju.yaml 比较（2022 → 2023）"
    )
    assert "  表格：71 个单元格有变化" in lines
    assert (
        "    表三第1行「一、本年新收政府信息公开申请数量」「总计」  72 → 83  +11  增长 15.3%"
        in lines
    )
    assert "    表二「行政处罚」「本年处理决定数量」  415 → 388  −27  下降 6.5%" in lines
    assert (
        "    表二「行政事业性收费」「本年收费金额（单位：万元）」  12.3650 → 10.8200  −1.5450  "
        "减少 1.5450 万元"
    ) in lines
    assert "    总体情况.依申请公开  与上一年度重合 0%，新增 2 句，删去 4 句" in lines
    assert "      − 全年新收政府信息公开申请 72 件，上年结转 4 件。" in lines
    assert (
        "      + 本年度新收申请 83 件，加上上年结转的 5 件，共办结 84 件，另有 4 件转入下一年度办理。"
        in lines
    )
    assert lines[-1] == "  已写出 build/2023/diff/shijianju.html、build/2023/diff/shijianju.md"


def test_html_is_self_contained_printable_and_side_by_side(workspace: Path) -> None:
    assert runner.invoke(app, ["diff", "2023"]).exit_code == 0
    html = (workspace / "build/2023/diff/shijianju.html").read_text(encoding="utf-8")
    assert html.startswith('<!DOCTYPE html>\n<html lang="zh-CN">')
    assert not re.search(r"<link|<script|src=|https?://", html)
    assert "@media print" in html and "size: A4 landscape" in html
    assert "<tr><th>2022 年</th><th>2023 年</th></tr>" in html
    assert "<del>全年新收政府信息公开申请 72 件，上年结转 4 件。</del>" in html
    assert "<ins>另有 1 件申请因申请人逾期未缴纳费用而终止处理。</ins>" in html
    assert (
        "<tr><td>表三</td><td>第1行「一、本年新收政府信息公开申请数量」「总计」</td>"
        "<td class=n>72</td><td class=n>83</td><td class=n>+11</td><td class=n>增长 15.3%</td></tr>"
    ) in html
    assert (workspace / "build/2023/diff/shizhengfu.html").is_file()


def test_markdown_has_the_cell_table_and_sentences(workspace: Path) -> None:
    assert runner.invoke(app, ["diff", FILE]).exit_code == 0
    md = (workspace / "build/2023/diff/shijianju.md").read_text(encoding="utf-8")
    assert md.startswith("# 青禾市市场监督管理局政府信息公开工作年度报告 2022—2023 年对照\n")
    assert (
        "| 表三 | 第1行「一、本年新收政府信息公开申请数量」「总计」 | 72 | 83 | +11 | 增长 15.3% |"
        in md
    )
    assert "- 删去：全年新收政府信息公开申请 72 件，上年结转 4 件。" in md


def test_json_carries_cells_and_sections(workspace: Path) -> None:
    result = runner.invoke(app, ["diff", FILE, "--format", "json"])
    assert result.exit_code == 0, result.output
    [report] = json.loads(result.output)["reports"]
    diff = report["diff"]
    assert (diff["year"], diff["base_year"], diff["base_file"]) == (
        2023,
        2022,
        "inputs/2022/shijianju.yaml",
    )
    assert {
        "table": "表二",
        "cell": "「行政处罚」「本年处理决定数量」",
        "key": "t2_b3_r1",
        "before": "415",
        "after": "388",
        "delta": "-27",
        "change": "下降 6.5%",
    } in diff["cells"]
    section = next(s for s in diff["sections"] if s["section"] == "总体情况.依申请公开")
    assert section["removed"][0] == "全年新收政府信息公开申请 72 件，上年结转 4 件。"
    assert report["outputs"] == ["build/2023/diff/shijianju.html", "build/2023/diff/shijianju.md"]


def test_overlap_is_r23s_measure_and_unchanged_sections_are_listed(workspace: Path) -> None:
    old = workspace / "inputs/2022/shijianju.yaml"
    (workspace / "inputs/2021").mkdir()
    shutil.copy(old, workspace / "inputs/2021/shijianju.yaml")
    text = old.read_text(encoding="utf-8").replace("年度: 2022", "年度: 2021")
    (workspace / "inputs/2021/shijianju.yaml").write_text(text, encoding="utf-8")
    [result] = diff_files([old], 2021)
    assert result.diff is not None
    assert all(s.overlap in (1.0, None) and not s.changed for s in result.diff.sections)
    [real] = diff_files([workspace / FILE])
    assert real.diff is not None
    part = next(s for s in real.diff.sections if s.where == "总体情况.主动公开")
    assert part.overlap == containment("\n".join(part.after), "\n".join(part.before))


def test_from_another_year_and_a_missing_base(workspace: Path) -> None:
    result = runner.invoke(app, ["diff", FILE, "--from", "2021"])
    assert result.exit_code == 0
    assert (
        "未比较 没有 inputs/2021/shijianju.yaml，inputs/2023/shijianju.yaml 无法比较"
        in result.output
    )
    assert not (workspace / "build/2023/diff/shijianju.html").exists()


def test_a_file_with_load_errors_fails_with_its_finding(workspace: Path) -> None:
    path = workspace / FILE
    path.write_text(
        path.read_text(encoding="utf-8").replace("年度: 2023", "年度: 二〇二三"), encoding="utf-8"
    )
    result = runner.invoke(app, ["diff", FILE])
    assert result.exit_code == 1
    assert "inputs/2023/shijianju.yaml:4:" in result.output and "错误 L3" in result.output


def test_bad_format_is_a_usage_error(workspace: Path) -> None:
    result = runner.invoke(app, ["diff", FILE, "--format", "xml"])
    assert result.exit_code == 2


@pytest.mark.skipif(
    shutil.which("chromium") is None or shutil.which("pdfinfo") is None,
    reason="chromium or poppler-utils is not installed",
)
def test_the_html_prints_on_a4_landscape_in_chromium(workspace: Path, tmp_path: Path) -> None:
    assert runner.invoke(app, ["diff", FILE]).exit_code == 0
    page = workspace / "build/2023/diff/shijianju.html"
    pdf = tmp_path / "diff.pdf"
    subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    info = subprocess.run(
        ["pdfinfo", str(pdf)], check=True, capture_output=True, text=True, timeout=30
    ).stdout
    size = re.search(r"Page size:\s+([0-9.]+) x ([0-9.]+) pts", info)
    assert size is not None, info
    width, height = float(size.group(1)), float(size.group(2))
    assert (round(width), round(height)) == (842, 595)  # A4 landscape
    pages = int(re.search(r"Pages:\s+([0-9]+)", info).group(1))  # type: ignore[union-attr]
    assert pages >= 2
