"""Key figures and rates: the numbers the status board and the export print."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from genreport.figures import Rate, figures
from genreport.model import T3, T4, Counts, blank_report


def _report() -> object:
    blank = blank_report("某局", 2023)
    rows = dict(blank.t3.rows)
    rows[("本年新收",)] = Counts((20, 1, 0, 0, 0, 0))
    rows[("上年结转",)] = Counts((1, 0, 0, 0, 0, 0))
    rows[("办理结果", "予以公开")] = Counts((12, 1, 0, 0, 0, 0))
    rows[("办理结果", "部分公开")] = Counts((3, 0, 0, 0, 0, 0))
    rows[("办理结果", "无法提供", "本机关不掌握相关政府信息")] = Counts((5, 0, 0, 0, 0, 0))
    rows[("结转下年度",)] = Counts((1, 0, 0, 0, 0, 0))
    blocks = {
        ("行政复议",): Counts((2, 1, 0, 0)),
        ("行政诉讼", "未经复议直接起诉"): Counts((1, 1, 0, 1)),
        ("行政诉讼", "复议后起诉"): Counts((0, 0, 0, 0)),
    }
    return dataclasses.replace(blank, t3=T3(rows), t4=T4(blocks))


def test_figures_and_rates() -> None:
    f = figures(_report())  # type: ignore[arg-type]
    assert f.counts() == {
        "received": 21,
        "closed": 21,
        "carried_out": 1,
        "review_total": 3,
        "litigation_total": 3,
    }
    assert f.disclosure_rate == Rate(16, 21)
    assert f.disclosure_rate.percent() == "76.2%"
    assert f.disclosure_rate.value == Decimal("0.7619")
    assert f.review_correction_rate.percent() == "33.3%"
    assert f.litigation_correction_rate == Rate(1, 3)


def test_nothing_to_divide_by_is_a_dash_not_zero() -> None:
    f = figures(blank_report("某局", 2023))
    assert f.disclosure_rate.percent() == "—"
    assert f.disclosure_rate.value is None
    assert Rate(0, 4).percent() == "0.0%"
