"""The Word file's signature block (GB/T 9704-2012 §7.3.5), what keeps with what across pages, and
its document properties: read back from the docx XML."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import zipfile

import docx
import pytest
from lxml import etree

from genreport.model import Report
from genreport.render import renderer_for
from genreport.render.cell_fit import em
from genreport.render.docx import document_time

from .helpers import W, part, text_of, word_tables


def _docx(report: Report) -> bytes:
    return renderer_for(None).render(report, ("docx",))["docx"]


CHAR = 320  # twips: one 3号 character


def _text_width(docx_bytes: bytes) -> int:
    """Twips between the left and right margins, from the section properties."""
    sect = part(docx_bytes, "word/document.xml").find(f"{W}body/{W}sectPr")
    assert sect is not None
    size, margins = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar")
    assert size is not None and margins is not None
    return int(size.get(f"{W}w")) - int(margins.get(f"{W}left")) - int(margins.get(f"{W}right"))


def _signature(docx_bytes: bytes) -> dict[str, tuple[str, str, etree._Element]]:
    """Style → (text, alignment, w:ind) of the 署名 and 成文日期 paragraphs."""
    found = {}
    body = part(docx_bytes, "word/document.xml").find(f"{W}body")
    assert body is not None
    for p in body.findall(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val") in ("Signature", "Date"):
            ind, jc = p.find(f"{W}pPr/{W}ind"), p.find(f"{W}pPr/{W}jc")
            assert ind is not None and jc is not None
            found[style.get(f"{W}val")] = (text_of(p), jc.get(f"{W}val"), ind)
    return found


@pytest.mark.parametrize(
    ("agency", "name_right", "date_start"),
    [
        ("示例市测试管理局", 2, 8),  # 8 characters; the date (6.5) starts two to the right
        ("青禾市人民政府", 2, 7),  # the case: the date no longer sticks out on the left
        ("青禾局", 7.5, 8.5),  # the date is longer: it ends 右空二字, the name moves left
    ],
)
def test_signature_geometry(
    report: Report, agency: str, name_right: float, date_start: float
) -> None:
    """Characters from the right edge of the text block, read from the docx XML."""
    rendered = _docx(dataclasses.replace(report, agency=agency))
    signature = _signature(rendered)
    name, name_align, name_ind = signature["Signature"]
    date, date_align, date_ind = signature["Date"]
    assert (name, date) == (agency, "2024年1月20日")
    # 署名: right-aligned, its right indent in characters (and the same in twips)
    assert name_align == "right"
    assert int(name_ind.get(f"{W}rightChars")) / 100 == name_right
    assert int(name_ind.get(f"{W}right")) == round(name_right * CHAR)
    # 成文日期: left-aligned where it starts, so wider digits in a substitute font cannot move it
    assert date_align == "left"
    assert (_text_width(rendered) - int(date_ind.get(f"{W}left"))) / CHAR == date_start
    # its line reaches two characters past the text block (not the style's right indent), so
    # the date never wraps, even in a Latin font whose digits are 0.65 em wide
    assert (date_ind.get(f"{W}right"), date_ind.get(f"{W}rightChars")) == ("-640", "-200")
    assert date_start + 2 >= em(date) + 6 * 0.15
    # its first character is two characters right of the name's first
    assert (name_right + em(name)) - date_start == 2
    # 右空二字 for whichever is longer
    assert (date_start - em(date) if em(date) > em(name) else name_right) == 2


def test_signature_follows_the_text_after_one_blank_line_and_keeps_with_the_date() -> None:
    from genreport.render.docx_template import LINE, STYLES  # noqa: PLC0415

    [signature] = [etree.fromstring(s) for s in STYLES if 'w:styleId="Signature"' in s]
    spacing = signature.find(f"{W}pPr/{W}spacing")
    assert spacing is not None and spacing.get(f"{W}before") == str(LINE)
    assert signature.find(f"{W}pPr/{W}keepNext") is not None


def _kept(table: etree._Element) -> list[bool]:
    return [
        all(p.find(f"{W}pPr/{W}keepNext") is not None for p in tr.iter(f"{W}p"))
        for tr in table.findall(f"{W}tr")
    ]


def test_headings_keep_with_their_first_block_only(outputs: dict[str, bytes]) -> None:
    t2, t3, t4 = (_kept(t) for t in word_tables(outputs["docx"]))
    # T2: each 第二十条 block (caption, header, rows) stays together; blocks may part
    first, fifth, sixth, eighth = (
        [True] * 3 + [False],
        [True] * 2 + [False],
        [True] * 3 + [False],
        [True] * 2 + [False],
    )
    assert t2 == first + fifth + sixth + eighth
    # T3: the three header rows keep with the first row of numbers, the rest may break
    assert t3 == [True, True, True] + [False] * 25
    # T4: four rows, one block
    assert t4 == [True, True, True, False]


def test_core_properties(outputs: dict[str, bytes]) -> None:
    props = docx.Document(io.BytesIO(outputs["docx"])).core_properties
    assert props.title == "示例市测试管理局2023年政府信息公开工作年度报告"
    assert props.author == "示例市测试管理局"
    assert props.comments == "" and props.keywords == ""  # no template description left
    assert (
        props.created == props.modified == dt.datetime(2024, 1, 20, tzinfo=dt.timezone.utc)
    )  # 发布日期
    app = part(outputs["docx"], "docProps/app.xml")
    ns = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
    assert app.findtext(f"{ns}Company") == "示例市测试管理局"
    assert app.findtext(f"{ns}Template") is None  # not python-docx's Normal.dotm
    core = zipfile.ZipFile(io.BytesIO(outputs["docx"])).read("docProps/core.xml").decode()
    assert "genreport 生成的模板" not in core and "{{" not in core


def test_source_date_epoch_fixes_the_dates(report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    assert document_time(dt.date(2024, 1, 20), {}) == dt.datetime(2024, 1, 20)
    assert document_time(dt.date(2024, 1, 20), {"SOURCE_DATE_EPOCH": "1700000000"}) == dt.datetime(
        2023, 11, 14, 22, 13, 20
    )
    assert document_time(dt.date(2024, 1, 20), {"SOURCE_DATE_EPOCH": "soon"}) == dt.datetime(
        2024, 1, 20
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first, second = _docx(report), _docx(report)
    assert first == second  # reproducible bytes
    props = docx.Document(io.BytesIO(first)).core_properties
    assert (
        props.created
        == props.modified
        == dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.timezone.utc)
    )


def test_no_automatic_space_between_chinese_and_digits(outputs: dict[str, bytes]) -> None:
    """Word and LibreOffice widen the gap between 汉字 and digits unless told not to."""
    styles = part(outputs["docx"], "word/styles.xml")
    [normal] = [s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == "Normal"]
    for name in ("autoSpaceDE", "autoSpaceDN"):
        setting = normal.find(f"{W}pPr/{W}{name}")
        assert setting is not None and setting.get(f"{W}val") == "0", name
