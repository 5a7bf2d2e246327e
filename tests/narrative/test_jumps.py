"""R26: totals that jumped since last year (current tables in helpers.TABLES: 本年新收 95,
（七）总计 93, 结转下年度 5; 行政复议 2, 未经复议直接起诉 1, 复议后起诉 1)."""

from __future__ import annotations

import pytest

from genreport.check.jumps import _jump
from genreport.check.jumps import r26_year_over_year_jump as rule

from .helpers import PREVIOUS_FILE, load, run, yaml_text

CURRENT_ROWS = {
    "received": "本年新收: [88, 5, 1, 0, 1, 0]",
    "review": "行政复议: [1, 1, 0, 0]",
}


def _previous(**rows: str) -> object:
    text = yaml_text(year=2022)
    for key, row in rows.items():
        text = text.replace(CURRENT_ROWS[key], row) if key in CURRENT_ROWS else text + row
    return load(text, PREVIOUS_FILE)


def _findings(previous: object) -> list[str]:
    return [f.format() for f in run(rule, previous=previous).findings]  # type: ignore[arg-type]


def _message(path: str, moved: str, line: int) -> str:
    return (
        f"{path}：总计{moved}（{PREVIOUS_FILE}:{line}）；请核实数字，确属实际变化的，"
        f"在“说明”中写明原因（规则: R26，位置: {path}）"
    )


def test_a_total_five_times_last_year_is_a_warning_at_the_row() -> None:
    findings = _findings(_previous(received="本年新收: [15, 0, 0, 0, 0, 0]"))
    assert findings == [
        "inputs/2023/test.yaml:24:9: 警告 R26 "
        + _message("依申请公开.本年新收", "本年度为 95，上一年度为 15，是上一年度的 6.3 倍", 24)
    ]


def test_a_total_below_a_fifth_of_last_year_is_a_warning() -> None:
    findings = _findings(_previous(received="本年新收: [500, 0, 0, 0, 0, 0]"))
    assert findings == [
        "inputs/2023/test.yaml:24:9: 警告 R26 "
        + _message("依申请公开.本年新收", "本年度为 95，上一年度为 500，不到上一年度的五分之一", 24)
    ]


def test_a_large_row_that_is_now_zero_is_a_warning() -> None:
    text = yaml_text(year=2022).replace(
        "      重复申请: [5, 0, 0, 0, 0, 0]",
        "      重复申请: [5, 0, 0, 0, 0, 0]\n      无正当理由大量反复申请: [30, 0, 0, 0, 0, 0]",
    )
    findings = _findings(load(text, PREVIOUS_FILE))
    path = "依申请公开.办理结果.不予处理.无正当理由大量反复申请"
    assert findings == [
        "inputs/2023/test.yaml:34:5: 警告 R26 " + _message(path, "本年度为 0，上一年度为 30", 36)
    ]


def test_a_review_total_that_collapsed_is_a_warning_in_t4() -> None:
    findings = _findings(_previous(review="行政复议: [40, 20, 0, 0]"))
    assert findings == [
        "inputs/2023/test.yaml:40:7: 警告 R26 "
        + _message("行政复议", "本年度为 2，上一年度为 60，不到上一年度的五分之一", 40)
    ]


NEAR_MISSES = {
    "same tables": {},
    "exactly five times": {"received": "本年新收: [19, 0, 0, 0, 0, 0]"},
    "exactly a fifth": {"received": "本年新收: [475, 0, 0, 0, 0, 0]"},
    "small numbers move": {"review": "行政复议: [0, 0, 0, 0]"},
    "from nine to two": {"review": "行政复议: [9, 0, 0, 0]"},
    "below five times the floor": {"review": "行政复议: [45, 0, 0, 0]"},
}


@pytest.mark.parametrize("rows", NEAR_MISSES.values(), ids=list(NEAR_MISSES))
def test_ordinary_changes_are_not_flagged(rows: dict[str, str]) -> None:
    assert _findings(_previous(**rows)) == []


@pytest.mark.parametrize(
    ("now", "before", "flagged"),
    [(6, 1, False), (60, 2, True), (50, 0, False), (51, 0, True), (0, 19, False), (0, 20, True)],
)
def test_the_floor_keeps_small_numbers_quiet(now: int, before: int, flagged: bool) -> None:
    assert (_jump(now, before, True) is not None) is flagged


def test_without_a_previous_year_nothing_is_compared() -> None:
    assert run(rule).findings == []
