"""`genreport status`: the board as text, JSON, CSV and a page checked in headless Chromium."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from genreport.cli import app

from .conftest import edit

runner = CliRunner()
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def board(region: Path) -> Path:
    """The region with one department missing and one published late."""
    (region / "inputs/2023/xq_jiaoyuju.yaml").unlink()
    edit(region, "dq_fagaiju", "发布日期: 2024-01-25", "发布日期: 2024-02-03")
    return region


CSV = """\
slug,agency,file,present,listed_by,published,deadline,late_days,errors,warnings,received,closed,carried_out,review_total,litigation_total,disclosure_rate,review_correction_rate,litigation_correction_rate
dongqu,青禾市东湖区人民政府,inputs/2023/dongqu.yaml,yes,shi,2024-03-20,2024-03-31,0,0,0,26,24,3,2,1,0.7917,0.5000,1.0000
dq_benji,青禾市东湖区人民政府办公室,inputs/2023/dq_benji.yaml,yes,dongqu,2024-01-25,2024-01-31,0,0,0,8,7,1,0,0,0.8571,,
dq_fagaiju,青禾市东湖区发展和改革局,inputs/2023/dq_fagaiju.yaml,yes,dongqu,2024-02-03,2024-01-31,3,0,1,12,12,1,1,1,0.7500,0.0000,1.0000
dq_jiaoyuju,青禾市东湖区教育局,inputs/2023/dq_jiaoyuju.yaml,yes,dongqu,2024-01-25,2024-01-31,0,0,0,6,5,1,1,0,0.8000,1.0000,
shi,青禾市人民政府,inputs/2023/shi.yaml,yes,,2024-03-20,2024-03-31,0,1,0,,,,,,,,
xiqu,青禾市西湖区人民政府,inputs/2023/xiqu.yaml,yes,shi,2024-03-20,2024-03-31,0,1,0,,,,,,,,
xq_benji,青禾市西湖区人民政府办公室,inputs/2023/xq_benji.yaml,yes,xiqu,2024-01-25,2024-01-31,0,0,0,7,6,1,0,0,0.6667,,
xq_fagaiju,青禾市西湖区发展和改革局,inputs/2023/xq_fagaiju.yaml,yes,xiqu,2024-01-25,2024-01-31,0,0,0,11,10,2,3,1,0.9000,0.0000,0.0000
xq_jiaoyuju,,inputs/2023/xq_jiaoyuju.yaml,no,xiqu,,,,0,0,,,,,,,,
"""


def test_csv_is_one_line_per_agency_missing_ones_included(board: Path) -> None:
    result = runner.invoke(app, ["status", "2023", "--format", "csv"])
    assert result.exit_code == 0
    assert result.stdout == CSV
    assert (board / "build/2023/status.html").is_file()


def _rate(n: int, d: int, value: str | None, percent: str, formula: str) -> dict[str, Any]:
    return {
        "numerator": n,
        "denominator": d,
        "value": value,
        "percent": percent,
        "formula": formula,
    }


def test_json_carries_figures_rates_with_formulas_and_findings(board: Path) -> None:
    result = runner.invoke(app, ["status", "2023", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["year"] == 2023 and data["missing"] == ["xq_jiaoyuju"]
    by_slug = {a["slug"]: a for a in data["agencies"]}
    assert list(by_slug) == [
        "dongqu",
        "dq_benji",
        "dq_fagaiju",
        "dq_jiaoyuju",
        "shi",
        "xiqu",
        "xq_benji",
        "xq_fagaiju",
        "xq_jiaoyuju",
    ]
    assert by_slug["xq_jiaoyuju"] == {
        "slug": "xq_jiaoyuju",
        "agency": None,
        "file": "inputs/2023/xq_jiaoyuju.yaml",
        "present": False,
        "listed_by": ["xiqu"],
        "units": [],
        "published": None,
        "deadline": None,
        "late_days": None,
        "errors": 0,
        "warnings": 0,
        "figures": None,
        "rates": None,
        "findings": [],
    }
    assert by_slug["shi"]["figures"] is None and by_slug["shi"]["findings"] == [
        {
            "rule": "R25",
            "severity": "错误",
            "file": "inputs/2023/shi.yaml",
            "line": 6,
            "column": 14,
            "message": "汇总的单位 xiqu（inputs/2023/xiqu.yaml）有错误，无法读取或汇总，不能相加；"
            "请先改正该文件",
            "cell": None,
        }
    ]
    fagaiju = by_slug["dq_fagaiju"]
    assert fagaiju["late_days"] == 3 and fagaiju["warnings"] == 1
    assert fagaiju["findings"][0]["rule"] == "R22"
    assert fagaiju["figures"] == {
        "received": 12,
        "closed": 12,
        "carried_out": 1,
        "review_total": 1,
        "litigation_total": 1,
    }
    assert fagaiju["rates"] == {
        "disclosure_rate": _rate(9, 12, "0.7500", "75.0%", "（予以公开 + 部分公开）÷（七）总计"),
        "review_correction_rate": _rate(0, 1, "0.0000", "0.0%", "行政复议结果纠正 ÷ 行政复议总计"),
        "litigation_correction_rate": _rate(
            1, 1, "1.0000", "100.0%", "行政诉讼结果纠正 ÷ 行政诉讼总计"
        ),
    }
    assert by_slug["dq_benji"]["rates"]["review_correction_rate"]["percent"] == "—"


def test_terminal_table(board: Path) -> None:
    result = runner.invoke(app, ["status", "2023"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "2023 年度报告报送情况"
    # columns line up on screen: CJK characters take two cells
    header, rule = lines[1], lines[2]
    assert header.startswith("机关" + " " * 24 + "简称" + " " * 9 + "状态")
    assert rule.startswith("─" * 26 + "  " + "─" * 11 + "  ")
    fagaiju = next(line for line in lines if "dq_fagaiju" in line)
    cells = re.split(r" {2,}", fagaiju)
    assert cells == [
        "青禾市东湖区发展和改革局",
        "dq_fagaiju",
        "已报",
        "2024-02-03",
        "3",
        "0",
        "1",
        "12",
        "12",
        "1",
        "1",
        "1",
        "75.0%",
        "0.0%",
        "100.0%",
    ]
    assert "缺报（xiqu 汇总）" in next(line for line in lines if "xq_jiaoyuju" in line)
    assert lines[-2].startswith(
        "共 9 个机关，缺报 1 个。公开率 = （予以公开 + 部分公开）÷（七）总计"
    )
    assert lines[-1] == "已写入 build/2023/status.html"


def test_unknown_year_and_format_are_usage_errors(region: Path) -> None:
    result = runner.invoke(app, ["status", "2019"])
    assert result.exit_code == 2 and "没有 inputs/2019 文件夹（已有的年度：2023）" in result.output
    result = runner.invoke(app, ["status", "2023", "--format", "xml"])
    assert result.exit_code == 2 and "--format 只能是 text、json 或 csv" in result.output


# --- the page in a real browser ------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (.ci/run installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield chromium
        finally:
            chromium.close()


def _column(page: Any, index: int) -> list[str]:
    return list(
        page.eval_on_selector_all(
            "#board tbody tr", f"rows => rows.map(r => r.cells[{index}].textContent)"
        )
    )


def test_page_rows_sorting_red_rows_and_links_in_chromium(board: Path, browser: Any) -> None:
    assert runner.invoke(app, ["status", "2023"]).exit_code == 0
    page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
    try:
        page.goto((board / "build/2023/status.html").as_uri())
        slugs = _column(page, 1)
        assert slugs == CSV_SLUGS
        # missing reports are red, the others are not
        colours = page.eval_on_selector_all(
            "#board tbody tr", "rows => rows.map(r => getComputedStyle(r.cells[1]).color)"
        )
        red = [s for s, c in zip(slugs, colours, strict=True) if c == "rgb(176, 0, 32)"]
        assert red == ["xq_jiaoyuju"]
        # sort by 本年新收 (column 8), ascending then descending; rows without figures stay last
        page.click("#board thead th:nth-child(8) button")
        assert _column(page, 1) == [
            "dq_jiaoyuju", "xq_benji", "dq_benji", "xq_fagaiju", "dq_fagaiju", "dongqu",
            "shi", "xiqu", "xq_jiaoyuju",
        ]  # fmt: skip
        assert page.get_attribute("#board thead th:nth-child(8)", "aria-sort") == "ascending"
        page.click("#board thead th:nth-child(8) button")
        assert _column(page, 7)[:6] == ["26", "12", "11", "8", "7", "6"]
        # by name, in pinyin order (东 dōng < 人 rén < 西 xī)
        page.click("#board thead th:nth-child(1) button")
        assert _column(page, 0) == [
            "青禾市东湖区发展和改革局", "青禾市东湖区教育局", "青禾市东湖区人民政府",
            "青禾市东湖区人民政府办公室", "青禾市人民政府", "青禾市西湖区发展和改革局",
            "青禾市西湖区人民政府", "青禾市西湖区人民政府办公室", "xq_jiaoyuju",
        ]  # fmt: skip
        # the warning count links to the finding's file:line text
        page.click("#board tbody tr:has-text('dq_fagaiju') a")
        assert page.evaluate("location.hash") == "#f-dq_fagaiju-w"
        finding = page.text_content("#f-dq_fagaiju-w + ol li")
        assert finding is not None and finding.startswith(
            "inputs/2023/dq_fagaiju.yaml:4:7 警告 R22 发布日期 2024-02-03 晚于部门的发布期限"
        )
        # readable on a phone: the page does not overflow, the table scrolls inside its box
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        # self-contained: nothing but the page itself was requested
        assert page.evaluate("performance.getEntriesByType('resource').length") == 0
    finally:
        page.close()


CSV_SLUGS = [line.split(",")[0] for line in CSV.splitlines()[1:]]
