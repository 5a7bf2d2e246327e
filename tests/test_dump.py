"""The YAML writer (used by `new` and `import`) writes what the loader reads back unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_text import complete

from genreport.dump import block, dump_report, scalar
from genreport.load import load_file, load_text

DEMO = sorted((Path(__file__).resolve().parent.parent / "inputs").glob("*/*.yaml"))


@pytest.mark.parametrize("path", DEMO, ids=[f"{p.parent.name}/{p.stem}" for p in DEMO])
def test_demo_round_trips(path: Path) -> None:
    original = load_file(path).report
    assert original is not None
    again = load_text(dump_report(original).encode(), original.file, original.year).report
    assert again is not None
    for field in ("agency", "year", "agency_type", "published", "t2", "t3", "t4", "info_fee_yuan"):
        assert getattr(again, field) == getattr(original, field), field
    for field in ("overview", "problems", "other_matters"):
        before = [(p.key, p.text.value.strip()) for p in getattr(original, field).parts]
        after = [(p.key, p.text.value.strip()) for p in getattr(again, field).parts]
        assert after == before


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("测试局", "测试局"),
        ("yes", '"yes"'),
        ("a: b", '"a: b"'),
        ("#1", '"#1"'),
        ("2023", '"2023"'),
    ],
)
def test_scalars_are_quoted_when_yaml_would_misread_them(text: str, written: str) -> None:
    assert scalar(text) == written


def test_block_keeps_paragraphs_and_leading_spaces() -> None:
    text = "  缩进开头\n\n第二段 {{ 年度 }} <b>&"
    yaml = "机关: 测试局\n年度: 2023\n发布日期: 2024-01-20\n前言: " + block(text, 2) + "\n"
    report = load_text(complete(yaml).encode(), "x.yaml", 2023).report
    assert report is not None and report.preface is not None
    assert report.preface.value == text + "\n"


def test_stated_totals_survive() -> None:
    yaml = "机关: 测试局\n年度: 2023\n发布日期: 2024-01-20\n行政复议: [1, 0, 0, 0, 0]\n"
    report = load_text(complete(yaml).encode(), "x.yaml", 2023).report
    assert report is not None
    again = load_text(dump_report(report).encode(), "x.yaml", 2023).report
    assert again is not None
    assert again.t4 == report.t4
