"""The narrative rules through `check`: real files, the demo inputs, and the printed line."""

from __future__ import annotations

from pathlib import Path

import pytest

from genreport.check import RULES
from genreport.check.narrative import __all__ as NARRATIVE_RULES
from genreport.pipeline import check_files

from .helpers import overview_with, yaml_text

REPO = Path(__file__).resolve().parents[2]
NARRATIVE_IDS = {"R15", "R16", "R17", "R19", "R21", "R23", "R26", "R28", "R29"}


def test_every_narrative_rule_is_registered() -> None:
    assert {rule.__name__ for rule in RULES} >= set(NARRATIVE_RULES)


@pytest.mark.parametrize("path", sorted((REPO / "inputs").glob("20*/*.yaml")), ids=str)
def test_demo_inputs_raise_no_narrative_finding(path: Path) -> None:
    [checked] = check_files([path])
    assert [f.format() for f in checked.findings if f.rule in NARRATIVE_IDS] == []


def test_check_names_both_numbers_and_the_line_of_the_narrative_number(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = yaml_text(
        overview=overview_with(
            "依申请公开",
            "本年度共收到依申请公开申请 17 件，\n因政府信息公开引起行政复议 3 件、行政诉讼 1 件。",
        ),
        fee="0",
    )
    folder = tmp_path / "inputs" / "2023"
    folder.mkdir(parents=True)
    (folder / "test.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    [checked] = check_files([Path("inputs/2023/test.yaml")])
    assert [f.format() for f in checked.findings if f.rule in NARRATIVE_IDS] == [
        "inputs/2023/test.yaml:9:19: 警告 R15 总体情况.依申请公开：正文说“收到依申请公开申请 17 件”，"
        "但表三「一、本年新收政府信息公开申请数量」总计为 95（加上年结转为 98）",
        "inputs/2023/test.yaml:10:19: 警告 R15 总体情况.依申请公开：正文说“行政复议 3 件”，"
        "但表四「行政复议」总计为 2",
        "inputs/2023/test.yaml:10:28: 警告 R15 总体情况.依申请公开：正文说“行政诉讼 1 件”，"
        "但表四「行政诉讼」未经复议直接起诉与复议后起诉的总计之和为 2",
    ]
