"""Fixtures of the import tests (helpers live in importer_helpers.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from importer_helpers import REFERENCE, Imported, run_import

from genreport.model import Report
from genreport.pipeline import check_files
from genreport.render import renderer_for
from genreport.render.pdf import docx_to_pdf, find_soffice


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


@pytest.fixture(scope="session")
def reference_pdf(reference: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference report as genreport prints it: Word, converted by LibreOffice (a few
    seconds, once per session). Skipped where LibreOffice is not installed."""
    if find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    docx = renderer_for(None).render(reference, ("docx",))["docx"]
    path = tmp_path_factory.mktemp("pdf") / "shiliju.pdf"
    path.write_bytes(docx_to_pdf(docx))
    return path
