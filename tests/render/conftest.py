"""The render tests' report: tests/render/fixtures/inputs/2023/ceshiju.yaml, rendered once."""

from __future__ import annotations

from pathlib import Path

import pytest

from genreport.model import Report
from genreport.pipeline import check_files
from genreport.render import DEFAULT_FORMATS, renderer_for

from .helpers import FIXTURES

FIXTURE = FIXTURES / "inputs/2023/ceshiju.yaml"


def load_report(path: Path) -> Report:
    checked = check_files([path])[0]
    assert checked.ok, [f.format() for f in checked.findings]
    assert checked.report is not None
    return checked.report


@pytest.fixture(scope="session")
def report() -> Report:
    return load_report(FIXTURE)


@pytest.fixture(scope="session")
def outputs(report: Report) -> dict[str, bytes]:
    return renderer_for(None).render(report, DEFAULT_FORMATS)
