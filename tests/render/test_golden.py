"""Golden files for the three formats, from tests/render/fixtures/inputs/2023/ceshiju.yaml.

Word is compared as its text, paragraph styles, table cells and merges (helpers.describe_docx),
HTML and Markdown as text. After an intended change: ``GENREPORT_UPDATE_GOLDEN=1 pytest
tests/render`` and review the diff of tests/render/golden/.
"""

from __future__ import annotations

from .helpers import check_golden, describe_docx


def test_docx_golden(outputs: dict[str, bytes]) -> None:
    check_golden("ceshiju.docx.txt", describe_docx(outputs["docx"]))


def test_html_golden(outputs: dict[str, bytes]) -> None:
    check_golden("ceshiju.html", outputs["html"].decode("utf-8"))


def test_markdown_golden(outputs: dict[str, bytes]) -> None:
    check_golden("ceshiju.md", outputs["md"].decode("utf-8"))
