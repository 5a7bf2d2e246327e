"""The Word template prepared once (docx_prepared) gives exactly docxtpl's bytes, report after report.

The reference is what render_docx did before: a fresh DocxTemplate per document, rendered by
docxtpl, the signature placed and the properties set through python-docx, saved and normalized.
Compared on the package default and on a template with what ours lacks: a header whose tag Word
split over runs, Jinja in the core properties, footnotes, text after the signature.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docxtpl import DocxTemplate

from genreport.model import Report
from genreport.render.cell_fit import TWIPS_PER_HALF_POINT
from genreport.render.context import ReportView, build_view
from genreport.render.docx import (
    _STYLED,
    document_time,
    docx_environment,
    render_docx,
    set_properties,
)
from genreport.render.docx_package import APP_PART, app_xml, normalize
from genreport.render.docx_prepared import PreparedDocx
from genreport.render.docx_template import BODY_SIZE
from genreport.render.signature import RIGHT_SPACE, SignatureLayout
from genreport.render.templates import DEFAULTS, TemplateProblem

from .conftest import load_report
from .helpers import FIXTURES, part, text_of

REPO = Path(__file__).resolve().parents[2]
DEFAULT = (DEFAULTS / "report.docx").read_bytes()

_FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_FOOTNOTES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:id="1"><w:p><w:r><w:t>注：{{ agency }}</w:t></w:r><w:r><w:t> {{ year }}</w:t>'
    "</w:r></w:p></w:footnote></w:footnotes>"
)


def python_docx_place_signature(root: Any, layout: SignatureLayout) -> None:
    """``docx.place_signature`` as it was, through python-docx's element classes."""
    section = root.sectPr_lst[0]
    text_width = (section.page_width - section.left_margin - section.right_margin) // 635
    char = BODY_SIZE * TWIPS_PER_HALF_POINT
    for paragraph in root.xpath(_STYLED):
        props = paragraph.pPr
        style = props.pStyle.val if props is not None and props.pStyle is not None else None
        if style not in ("Signature", "Date"):
            continue
        indent = props.get_or_add_ind()
        indent.attrib.clear()
        indent.set(qn("w:firstLineChars"), "0")
        indent.set(qn("w:firstLine"), "0")
        if style == "Signature":
            indent.set(qn("w:rightChars"), str(round(layout.name_right * 100)))
            indent.set(qn("w:right"), str(round(layout.name_right * char)))
            align = "right"
        else:
            indent.set(qn("w:left"), str(round(text_width - layout.date_start * char)))
            indent.set(qn("w:rightChars"), str(round(-RIGHT_SPACE * 100)))
            indent.set(qn("w:right"), str(round(-RIGHT_SPACE * char)))
            align = "left"
        props.get_or_add_jc().set(qn("w:val"), align)


def docxtpl_reference(view: ReportView, template: bytes, published: dt.date) -> bytes:
    """render_docx as it was: docxtpl and python-docx for every document."""
    document = DocxTemplate(io.BytesIO(template))
    document.render(view.context(), jinja_env=docx_environment(), autoescape=True)
    python_docx_place_signature(document.docx.element, SignatureLayout.of(view.agency, view.date))
    set_properties(document.docx.core_properties, view, document_time(published, os.environ))
    out = io.BytesIO()
    document.save(out)
    return normalize(out.getvalue(), {APP_PART: app_xml(view.agency)})


def _with_footnotes(package: bytes) -> bytes:
    """A package with a footnotes part (python-docx cannot add one) related from the document."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            data = source.read(name).decode("utf-8")
            if name == "[Content_Types].xml":
                data = data.replace(
                    "</Types>",
                    f'<Override PartName="/word/footnotes.xml" ContentType="{_FOOTNOTES_TYPE}"/>'
                    "</Types>",
                )
            elif name == "word/_rels/document.xml.rels":
                data = data.replace(
                    "</Relationships>",
                    f'<Relationship Id="rId99" Type="{_FOOTNOTES_REL}" Target="footnotes.xml"/>'
                    "</Relationships>",
                )
            target.writestr(name, data)
        target.writestr("word/footnotes.xml", _FOOTNOTES)
    return out.getvalue()


def custom_template() -> bytes:
    document = docx.Document(io.BytesIO(DEFAULT))
    header = document.sections[0].header
    header.is_linked_to_previous = False
    runs = header.paragraphs[0]
    runs.add_run("{{ ag")
    runs.add_run("ency }}").bold = True  # Word splits a tag over runs when formatting changes
    runs.add_run(" {{ year }}年")
    document.core_properties.identifier = "{{ slug }}"
    document.core_properties.language = "zh-CN"
    first = document.paragraphs[0].insert_paragraph_before("前置 {{ date }} ")
    first.add_run("{%").italic = True
    first.add_run(" if draft is defined %}草稿{% endif %}")
    document.add_paragraph("尾注 {{ date }}\t{{ agency }}")  # a tab: docxtpl's resolve_listing
    for paragraph in document.paragraphs:  # the indent and alignment go between these
        if paragraph.style.name == "Signature":
            props = paragraph._p.get_or_add_pPr()
            props.append(parse_xml(f"<w:rPr {nsdecls('w')}><w:b/></w:rPr>"))
            props.insert(1, parse_xml(f'<w:spacing {nsdecls("w")} w:before="0"/>'))
    margins = document.sections[0]._sectPr.find(qn("w:pgMar"))
    margins.set(qn("w:left"), "28.5mm")  # a measure with units, read as python-docx reads it
    out = io.BytesIO()
    document.save(out)
    return _with_footnotes(out.getvalue())


CUSTOM = custom_template()


def grown_table_template() -> bytes:
    """A table row a ``{%tc for %}`` loop grows beyond its grid: docxtpl's fix_tables adds columns."""
    document = docx.Document(io.BytesIO(DEFAULT))
    cells = document.add_table(rows=1, cols=3).rows[0].cells
    for cell, text in zip(
        cells, ("{%tc for i in range(5) %}", "{{ i }}", "{%tc endfor %}"), strict=True
    ):
        cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def unescaped_template() -> bytes:
    """Text printed unescaped (``|safe``): a name with ``<&>`` makes the XML malformed, and the
    parser's recovery decides what is left."""
    document = docx.Document(io.BytesIO(DEFAULT))
    document.add_paragraph("{{ agency|safe }}")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def views() -> list[tuple[ReportView, dt.date]]:
    """Reports that differ in agency, narrative and draft mark; one with a tab and XML specials."""
    files = [FIXTURES / "inputs/2023/ceshiju.yaml", *sorted((REPO / "inputs/2023").glob("*.yaml"))]
    reports: list[Report] = [load_report(f) for f in files]
    reports.append(dataclasses.replace(reports[0], agency="示例<&>\"'局\t分局"))
    result = [(build_view(r)[0], r.published) for r in reports]
    return [*result, (dataclasses.replace(result[1][0], draft=True), result[1][1])]


VIEWS = views()


@pytest.mark.parametrize(
    ("template", "repairs"),
    [(DEFAULT, 0), (CUSTOM, 0), (grown_table_template(), len(VIEWS)), (unescaped_template(), 1)],
    ids=["default", "custom", "grown-table", "unescaped"],
)
def test_prepared_template_gives_docxtpl_bytes(
    template: bytes, repairs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bytes equal to docxtpl's; docxtpl's own steps run exactly when a body needs repair."""
    prepared, env = PreparedDocx(template), docx_environment()
    calls = []
    fix_tables = DocxTemplate.fix_tables

    def counted(self: DocxTemplate, xml: str) -> object:
        calls.append(xml)
        return fix_tables(self, xml)

    for view, published in VIEWS:
        expected = docxtpl_reference(view, template, published)
        with monkeypatch.context() as patch:
            patch.setattr(DocxTemplate, "fix_tables", counted)
            rendered = render_docx(view, prepared, published, env)
        assert rendered == expected, view.slug
    assert len(calls) == repairs


def test_custom_template_parts_are_rendered() -> None:
    """The comparison above is not vacuous: header, properties and footnotes hold report data."""
    view, published = VIEWS[0]
    rendered = render_docx(view, CUSTOM, published)
    package = zipfile.ZipFile(io.BytesIO(rendered))
    assert f"{view.agency} {view.year}年" in text_of(part(rendered, "word/header1.xml"))
    assert f"注：{view.agency} {view.year}" in text_of(part(rendered, "word/footnotes.xml"))
    assert "<w:tab/>" in package.read("word/document.xml").decode()
    assert docx.Document(io.BytesIO(rendered)).core_properties.identifier == view.slug


def test_reports_rendered_in_turn_equal_fresh_renders_and_share_nothing() -> None:
    """One prepared template for report A, B, A, B: each equals a render on a fresh template,
    and nothing of A (its agency, its narrative) is left in B."""
    (a, published_a), (b, published_b) = VIEWS[0], VIEWS[1]
    fresh = {
        a.slug: render_docx(a, DEFAULT, published_a),
        b.slug: render_docx(b, DEFAULT, published_b),
    }
    prepared, env = PreparedDocx(DEFAULT), docx_environment()
    for view, published in (VIEWS[0], VIEWS[1], VIEWS[0], VIEWS[1]):
        assert render_docx(view, prepared, published, env) == fresh[view.slug]
    text_a = text_of(part(fresh[a.slug], "word/document.xml"))
    text_b = text_of(part(fresh[b.slug], "word/document.xml"))
    narrative_a = a.sections[0].blocks[0].text
    assert a.agency in text_a and narrative_a in text_a
    assert a.agency not in text_b and narrative_a not in text_b


def test_a_template_without_margins_is_a_template_problem() -> None:
    """python-docx failed with a TypeError here (an internal error); it is the template's fault."""
    document = docx.Document(io.BytesIO(DEFAULT))
    sect_pr = document.sections[0]._sectPr
    sect_pr.remove(sect_pr.find(qn("w:pgMar")))
    out = io.BytesIO()
    document.save(out)
    view, published = VIEWS[0]
    with pytest.raises(TemplateProblem) as problem:
        render_docx(view, out.getvalue(), published)
    assert str(problem.value) == (
        "Word 模板 report.docx 的页面设置缺少纸张宽度或左右页边距，无法排署名和日期"
    )
