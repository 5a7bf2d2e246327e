"""The five published reports in shared/seeds, transcribed by hand (numbers only), pass every rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from genreport.findings import Severity
from genreport.pipeline import check_files

SEEDS = sorted((Path(__file__).parent / "seeds").glob("*.yaml"))


def test_all_five_seeds_are_here() -> None:
    assert len(SEEDS) == 5


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_transcription_passes(path: Path) -> None:
    [checked] = check_files([path])
    assert checked.report is not None
    errors = [f.format() for f in checked.findings if f.severity is Severity.ERROR]
    assert errors == []


def test_nanyang_numbers_are_transcribed() -> None:
    [checked] = check_files([p for p in SEEDS if p.stem.startswith("003")])
    report = checked.report
    assert report is not None
    assert report.t3.shown_row(("本年新收",)) == (44, 0, 0, 0, 0, 0, 44)
    assert report.t3.shown_row(("办理结果", "总计")) == (44, 0, 0, 0, 0, 0, 44)
    assert report.t2.documents["行政规范性文件"].values == (1, 0, 1)
