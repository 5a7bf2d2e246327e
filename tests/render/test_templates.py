"""The committed templates are what the generator and the package defaults say they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from genreport.render.docx_template import build_template
from genreport.render.templates import DEFAULTS, NAMES

REPO = Path(__file__).resolve().parents[2]


def test_generation_is_deterministic() -> None:
    assert build_template() == build_template()


@pytest.mark.parametrize("copy", [REPO / "templates/report.docx", DEFAULTS / "report.docx"])
def test_committed_word_template_equals_a_fresh_generation(copy: Path) -> None:
    assert copy.read_bytes() == build_template(), (
        f"{copy.relative_to(REPO)} is stale: run python templates/make_report_docx.py and commit"
    )


@pytest.mark.parametrize("name", NAMES)
def test_workspace_templates_are_the_package_defaults(name: str) -> None:
    assert (REPO / "templates" / name).read_bytes() == (DEFAULTS / name).read_bytes()


def test_word_template_has_no_docxtpl_merge_tags() -> None:
    """Merges are static in the template; docxtpl's {% vm %}/{% hm %} would depend on data."""
    import zipfile, io  # noqa: E401, I001, PLC0415

    xml = zipfile.ZipFile(io.BytesIO(build_template())).read("word/document.xml").decode()
    assert "{% vm" not in xml and "{% hm" not in xml and "{%tc" not in xml
    assert xml.count("{{ n.") == 10 + 25 * 7 + 15  # one placeholder per number cell
