"""Fixtures of the import tests (helpers live in importer_helpers.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from importer_helpers import REFERENCE, Imported, run_import

from genreport.model import Report
from genreport.pipeline import check_files


@pytest.fixture(scope="session")
def reference() -> Report:
    [checked] = check_files([REFERENCE])
    assert checked.report is not None
    return checked.report


@pytest.fixture
def importer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Imported]:
    """``importer(name, content, **options)``: write a source file, import it into tmp/inputs."""
    monkeypatch.chdir(tmp_path)

    def run(name: str, content: str | bytes, **options: object) -> Imported:
        path = tmp_path / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        return run_import(Path(name), Path("inputs"), **options)

    return run
