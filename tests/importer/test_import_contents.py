"""A table of contents (目录) before the sections: its lines repeat the six headings, with or
without dot leaders and page numbers. The import leaves it out (one I8 note) and reads every
section and cell as it would without it — from text, Word, a web page and a PDF (issue 10)."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from importer_helpers import Imported, printed_cells, run_import, text_report

from genreport.layout import SECTION_HEADINGS
from genreport.model import Report
from genreport.render import renderer_for
from genreport.render.pdf import docx_to_pdf, find_soffice

TITLE = "示例市数据管理局2023年政府信息公开工作年度报告"
PAGES = (1, 2, 2, 4, 4, 5)
LEADERS = ["目  录", *(f"{h}……………………{p}" for h, p in zip(SECTION_HEADINGS, PAGES, strict=True))]
#: No 目录 line; page numbers after spaces and subheadings of 一 listed under it.
SPACED = [
    f"{SECTION_HEADINGS[0]} 1",
    "（一）主动公开 1",
    "（二）依申请公开 1",
    *(f"{h} {p}" for h, p in zip(SECTION_HEADINGS[1:], PAGES[1:], strict=True)),
]
PLAIN = list(SECTION_HEADINGS)  # the headings alone, one after the other


def same_as_without(got: Imported, plain: Imported) -> None:
    assert got.report is not None and plain.report is not None
    assert printed_cells(got.report) == printed_cells(plain.report)
    for part in ("overview", "problems", "other_matters"):
        mine, theirs = getattr(got.report, part), getattr(plain.report, part)
        assert [(p.key, p.text.value) for p in mine.parts] == [
            (p.key, p.text.value) for p in theirs.parts
        ]
    assert (got.report.agency, got.report.published) == (
        plain.report.agency,
        plain.report.published,
    )


@pytest.mark.parametrize(
    ("contents", "end"), [(LEADERS, 9), (SPACED, 10), (PLAIN, 8)], ids=["目录", "页码", "只有标题"]
)
def test_text_with_contents(importer, reference: Report, contents: list[str], end: int) -> None:
    plain = text_report(reference)
    text = plain.replace(f"{TITLE}\n\n", f"{TITLE}\n\n" + "\n".join(contents) + "\n", 1)
    result = importer("r.txt", text)
    assert result.messages == [
        f"r.txt:3:1: 提示 I8 原文开头的目录（第 3 行至第 {end} 行）已略去，各部分按正文中的标题读取"
    ]
    same_as_without(result, importer("plain.txt", plain))


def test_headings_one_after_another_without_text_are_no_contents(importer, reference) -> None:
    """A blank template's 五 and 六 with nothing under them stay sections."""
    text = text_report(reference, six=[]).replace(
        "五、存在的主要问题及改进情况\n上一年度问题已整改。本年度解读形式单一，将增加图解。\n",
        "五、存在的主要问题及改进情况\n",
    )
    result = importer("r.txt", text)
    assert not [m for m in result.messages if "目录" in m]


def _word_with_contents(rendered_docx: bytes, lines: list[str]) -> bytes:
    document = docx.Document(io.BytesIO(rendered_docx))
    title = next(p for p in document.paragraphs if p.text.endswith("政府信息公开工作年度报告"))
    for text in reversed(lines):
        paragraph = document.add_paragraph(text)
        title._p.addnext(paragraph._p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture(scope="session")
def rendered_docx(reference: Report) -> bytes:
    return renderer_for(None).render(reference, ("docx",))["docx"]


@pytest.fixture(scope="session")
def contents_pdf(rendered_docx: bytes, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference printed by LibreOffice with a 目录 (leaders, tab, page numbers) on top."""
    if find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    lines = ["目录", *(f"{h}\t{p}" for h, p in zip(SECTION_HEADINGS, PAGES, strict=True))]
    path = tmp_path_factory.mktemp("contents") / "目录.pdf"
    path.write_bytes(docx_to_pdf(_word_with_contents(rendered_docx, lines)))
    return path


def test_word_with_contents(importer, rendered_docx: bytes) -> None:
    lines = ["目录", *(f"{h}\t{p}" for h, p in zip(SECTION_HEADINGS, PAGES, strict=True))]
    result = importer("目录.docx", _word_with_contents(rendered_docx, lines))
    assert [m for m in result.messages if "目录" in m] == [
        "目录.docx: 提示 I8 第 1 段：原文开头的目录（第 1 段至第 7 段）已略去，各部分按正文中的标题读取"
    ]
    same_as_without(result, importer("plain.docx", rendered_docx))


def test_web_page_with_contents(importer, reference: Report) -> None:
    page = renderer_for(None).render(reference, ("html",))["html"]
    html = page.decode() if isinstance(page, bytes) else page
    links = "".join(f'<li><a href="#s{n}">{h}</a></li>' for n, h in enumerate(SECTION_HEADINGS, 1))
    nav = f"<nav><p>目录</p><ul>{links}</ul></nav>"
    result = importer("目录.html", html.replace("</h1>", "</h1>" + nav, 1))
    assert [m for m in result.messages if "目录" in m] == [
        "目录.html: 提示 I8 第 2 段：原文开头的目录（第 2 段至第 8 段）已略去，各部分按正文中的标题读取"
    ]
    same_as_without(result, importer("plain.html", html))


def test_pdf_with_contents(importer, contents_pdf: Path, reference_pdf: Path, tmp_path) -> None:
    result = run_import(contents_pdf, tmp_path / "a")
    assert [m for m in result.messages if "目录" in m] == [
        f"{contents_pdf}: 提示 I8 第 1 页第 3 行：原文开头的目录（第 1 页第 3 行至第 1 页第 9 行）已略去，"
        "各部分按正文中的标题读取"
    ]
    same_as_without(result, run_import(reference_pdf, tmp_path / "b"))


def test_pdftotext_of_a_pdf_with_contents(importer, contents_pdf: Path, reference_pdf) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")

    def text(pdf: Path) -> str:
        done = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, timeout=60, check=True
        )
        return done.stdout.decode("utf-8")

    result = importer("目录.txt", text(contents_pdf))
    assert [m for m in result.messages if "目录" in m] != []
    same_as_without(result, importer("plain.txt", text(reference_pdf)))
