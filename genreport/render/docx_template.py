"""Generate ``templates/report.docx``: the docxtpl template, laid out per GB/T 9704-2012.

The template is generated rather than drawn by hand so that it can be rebuilt and reviewed:
``python templates/make_report_docx.py`` writes it, and a test checks the committed file equals a
fresh generation (the output is deterministic). Agencies may open the result in Word or WPS,
restyle it and keep their own copy in their workspace's ``templates/``.

python-docx builds the package (parts, footers, settings); the styles, paragraphs and tables are
written as raw WordprocessingML because python-docx has no API for East Asian fonts, character-unit
indents, odd/even footers with fields or merged cells with widths that WPS honours.

Layout (GB/T 9704-2012 党政机关公文格式):

* A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (版心 156 mm × 225 mm);
* title 2号 (22 pt) 方正小标宋简体, centred, one blank line below;
* body 3号 (16 pt) 仿宋_GB2312, first line indented two characters, line spacing fixed 28.95 pt
  (22 lines a page); 一、 headings 黑体, （一） headings 楷体_GB2312;
* page numbers ``— 1 —`` in 4号 (14 pt) 宋体, 7 mm under the text block, odd pages on the right and
  even pages on the left, one character in from the edge of the text block;
* signature (agency, then date) at the end, right-aligned, placed per report by ``signature.py``.

The three tables are printed exactly as the national format: labels and merges come from
``tables.py`` (and so from ``layout.py``), merged statically here (docxtpl only fills the
``{{ n.<key> }}`` placeholders), widths set on the table, its grid and every cell.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
from typing import Any

from ..layout import SECTION_HEADINGS
from .docx_package import APP_PART, app_xml, escape, normalize, quoteattr
from .tables import Cell, Table, placeholder, tables
from .typefaces import FANGSONG, HEITI, KAITI, LATIN, SONGTI, XIAOBIAOSONG

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = f'xmlns:w="{W_NS}"'

# --- page geometry (twips: 1/20 pt, 1440 per inch) -----------------------------------------------


def mm(value: float) -> int:
    return round(value * 1440 / 25.4)


PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838  # A4
MARGIN_TOP, MARGIN_BOTTOM = mm(37), mm(35)
MARGIN_LEFT, MARGIN_RIGHT = mm(28), mm(26)
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 156 mm
#: The page number's line sits 7 mm under the text block; 4号 text is about 6.5 mm tall.
FOOTER_DISTANCE = MARGIN_BOTTOM - mm(7) - mm(6.5)

LINE = 579  # 28.95 pt, fixed
BODY_SIZE = 32  # half-points: 3号 16 pt
TITLE_SIZE = 44  # 2号 22 pt
PAGE_NUMBER_SIZE = 28  # 4号 14 pt
TABLE_SIZE = 21  # 五号 10.5 pt
TABLE_CELL_MARGIN = mm(1)


#: The template's own core properties; docxtpl renders the placeholders per report.
TEMPLATE_DATE = dt.datetime(2021, 1, 1)


# --- styles ---------------------------------------------------------------------------------------


def _fonts(east_asia: str, latin: str = LATIN) -> str:
    return (
        f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asia}" w:cs="{latin}"/>'
    )


def _size(half_points: int) -> str:
    return f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'


def _style(
    style_id: str,
    name: str,
    p_pr: str,
    r_pr: str,
    *,
    based_on: str | None = "Normal",
    default: bool = False,
    extra: str = "",
) -> str:
    default_attr = ' w:default="1"' if default else ""
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (
        f'<w:style {_NS} w:type="paragraph"{default_attr} w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/>{based}<w:next w:val="Normal"/>{extra}<w:qFormat/>'
        f"<w:pPr>{p_pr}</w:pPr><w:rPr>{r_pr}</w:rPr></w:style>"
    )


_FIXED = f'<w:spacing w:before="0" w:after="0" w:line="{LINE}" w:lineRule="exact"/>'
_INDENT_2 = f'<w:ind w:firstLineChars="200" w:firstLine="{2 * BODY_SIZE * 10}"/>'
_NO_INDENT = '<w:ind w:firstLineChars="0" w:firstLine="0"/>'

STYLES = (
    # Body text: 3号仿宋, two-character indent, fixed 28.95 pt, justified.
    _style(
        "Normal",
        "Normal",
        # No punctuation hanging into the margin: the text block stays 156 mm wide. No extra
        # space between Chinese and Latin letters or digits (Word and LibreOffice add a quarter
        # em by default; official text sets 2024年 flush).
        '<w:widowControl w:val="0"/><w:overflowPunct w:val="0"/>'
        f'<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>{_FIXED}{_INDENT_2}'
        '<w:jc w:val="both"/>',
        f'{_fonts(FANGSONG)}<w:kern w:val="2"/>{_size(BODY_SIZE)}'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>',
        based_on=None,
        default=True,
    ),
    _style(
        "Title",
        "Title",
        f'<w:keepNext/>{_FIXED}{_NO_INDENT}<w:jc w:val="center"/>',
        f"{_fonts(XIAOBIAOSONG, XIAOBIAOSONG)}{_size(TITLE_SIZE)}",
    ),
    _style(
        "Heading1",
        "heading 1",
        f'<w:keepNext/>{_FIXED}{_INDENT_2}<w:outlineLvl w:val="0"/>',
        f"{_fonts(HEITI)}{_size(BODY_SIZE)}",
    ),
    _style(
        "Heading2",
        "heading 2",
        f'<w:keepNext/>{_FIXED}{_INDENT_2}<w:outlineLvl w:val="1"/>',
        f"{_fonts(KAITI)}{_size(BODY_SIZE)}",
    ),
    # Table text: 五号仿宋, single-spaced, no indent; header and numbers centred.
    _style(
        "TableText",
        "Table Text",
        '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
        f'{_NO_INDENT}<w:jc w:val="center"/>',
        f"{_fonts(FANGSONG)}{_size(TABLE_SIZE)}",
    ),
    _style(
        "TableLabel",
        "Table Label",
        '<w:jc w:val="left"/>',
        "",
        based_on="TableText",
    ),
    # 署名 one blank line under the text, right, two characters in; 成文日期 under it. Each
    # report's indents are set when it is rendered (signature.py, GB/T 9704 7.3.5).
    _style(
        "Signature",
        "Signature",
        f'<w:keepNext/><w:spacing w:before="{LINE}" w:after="0" w:line="{LINE}" w:lineRule="exact"/>'
        '<w:ind w:firstLineChars="0" w:firstLine="0" w:rightChars="200" '
        f'w:right="{2 * BODY_SIZE * 10}"/><w:jc w:val="right"/>',
        "",
    ),
    _style(
        "Date",
        "Date",
        '<w:ind w:firstLineChars="0" w:firstLine="0" w:rightChars="0" w:right="0"/>'
        '<w:jc w:val="left"/>',
        "",
    ),
    _style(
        "Footer",
        "footer",
        '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>',
        f"{_fonts(SONGTI, SONGTI)}{_size(PAGE_NUMBER_SIZE)}",
    ),
)

#: Every run inherits these: without w:eastAsia, Chinese text silently falls back to a Latin font.
DOC_DEFAULTS = (
    f"<w:docDefaults {_NS}><w:rPrDefault><w:rPr>{_fonts(FANGSONG)}{_size(BODY_SIZE)}"
    '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "</w:pPrDefault></w:docDefaults>"
)

#: Styles kept from python-docx's default template (the rest are replaced or dropped).
KEPT_STYLES = {"DefaultParagraphFont", "TableNormal", "NoList"}


# --- body -----------------------------------------------------------------------------------------


def _text(value: str) -> str:
    return f'<w:t xml:space="preserve">{escape(value)}</w:t>'


def paragraph(style: str, text: str = "") -> str:
    run = f"<w:r>{_text(text)}</w:r>" if text else ""
    return f'<w:p {_NS}><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{run}</w:p>'


def block_loop(name: str) -> list[str]:
    """A section's narrative: （一） subheadings and paragraphs, each in its own style."""
    return [
        paragraph("Normal", f"{{%p for b in {name} %}}"),
        paragraph("Normal", '{%p if b.kind == "h2" %}'),
        paragraph("Heading2", "{{ b.text }}"),
        paragraph("Normal", "{%p else %}"),
        paragraph("Normal", "{{ b.text }}"),
        paragraph("Normal", "{%p endif %}"),
        paragraph("Normal", "{%p endfor %}"),
    ]


def _grid(table: Table) -> list[int]:
    """Column widths in twips that add up to the text width exactly."""
    edges = [0]
    total = 0
    for width in table.widths:
        total += width
        edges.append(round(TEXT_WIDTH * total / 1000))
    return [b - a for a, b in itertools.pairwise(edges)]


def _cell_xml(cell: Cell, origin: bool, width: int, first_row: bool, keep: bool) -> str:
    props = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if cell.colspan > 1:
        props.append(f'<w:gridSpan w:val="{cell.colspan}"/>')
    if cell.rowspan > 1:
        props.append('<w:vMerge w:val="restart"/>' if first_row else "<w:vMerge/>")
    props.append('<w:vAlign w:val="center"/>')
    style = "TableLabel" if cell.kind == "label" and cell.rowspan == 1 else "TableText"
    if not origin:
        text = ""
    elif cell.kind == "number":
        assert cell.key is not None
        text = placeholder(cell.key)
    else:
        text = cell.text
    run = f"<w:r>{_text(text)}</w:r>" if text else ""
    keep_next = "<w:keepNext/>" if keep else ""
    return (
        f"<w:tc><w:tcPr>{''.join(props)}</w:tcPr>"
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{keep_next}</w:pPr>{run}</w:p></w:tc>'
    )


def keep_with_next(table: Table) -> list[bool]:
    """Which rows stay on the page of the row after them.

    A heading keeps with its first block only, not with the whole table (which left a quarter
    page empty): the header rows stay with the first body row, each 第二十条 block of T2 stays
    together (its caption row is the block's heading), T4's three header rows and one row of
    numbers stay together. Everything else may break, and T3 repeats its header.
    """
    last = len(table.rows) - 1
    if table.id == "t2":
        return [r < last and table.rows[r + 1][0].kind != "caption" for r in range(last + 1)]
    if table.id == "t4":
        return [r < last for r in range(last + 1)]
    return [r < table.header_rows for r in range(last + 1)]


def table_xml(table: Table) -> str:
    """One statically merged table: gridSpan for column spans, vMerge for row spans."""
    keep_rows = keep_with_next(table)
    grid = _grid(table)
    border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    borders = "".join(
        border.format(side) for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    margin = TABLE_CELL_MARGIN
    parts = [
        f'<w:tbl {_NS}><w:tblPr><w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/>'
        '<w:jc w:val="center"/>'
        f"<w:tblBorders>{borders}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{margin}" w:type="dxa"/>'
        f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar>'
        f'<w:tblLook w:val="0000"/><w:tblCaption w:val={quoteattr(table.caption)}/>'
        "</w:tblPr><w:tblGrid>",
        *(f'<w:gridCol w:w="{w}"/>' for w in grid),
        "</w:tblGrid>",
    ]
    slots = table.grid()
    for r, slot_row in enumerate(slots):
        header = "<w:tblHeader/>" if r < table.header_rows else ""
        parts.append(f"<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>")
        c = 0
        while c < table.columns:
            cell, origin = slot_row[c]
            width = sum(grid[c : c + cell.colspan])
            first_row = r == 0 or slots[r - 1][c][0] is not cell
            parts.append(_cell_xml(cell, origin, width, first_row, keep_rows[r]))
            c += cell.colspan
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)


def body_xml() -> list[str]:
    """The report's paragraphs and tables, in the order of format.md §1."""
    t2, t3, t4 = tables(placeholder)
    narrative = {0: "overview", 4: "problems", 5: "other"}
    table_of = {1: t2, 2: t3, 3: t4}
    body = [
        # The title breaks after the agency's name rather than mid-word (context.title_lines);
        # one blank line under it (GB/T 9704 7.3.1).
        paragraph("Normal", "{%p for line in title_lines %}"),
        paragraph("Title", "{{ line }}"),
        paragraph("Normal", "{%p endfor %}"),
        paragraph("Normal"),
        paragraph("Normal", "{%p for p in preface %}"),
        paragraph("Normal", "{{ p }}"),
        paragraph("Normal", "{%p endfor %}"),
    ]
    for index, heading in enumerate(SECTION_HEADINGS):
        body.append(paragraph("Heading1", heading))
        if index in narrative:
            body.extend(block_loop(narrative[index]))
        else:
            body.append(table_xml(table_of[index]))
    body += [paragraph("Signature", "{{ agency }}"), paragraph("Date", "{{ date }}")]
    return body


# --- page number footers --------------------------------------------------------------------------


def _page_number_runs() -> str:
    def run(inner: str) -> str:
        return f"<w:r>{inner}</w:r>"

    return "".join(
        (
            run(_text("— ")),
            run('<w:fldChar w:fldCharType="begin"/>'),
            run('<w:instrText xml:space="preserve"> PAGE </w:instrText>'),
            run('<w:fldChar w:fldCharType="separate"/>'),
            run(_text("1")),
            run('<w:fldChar w:fldCharType="end"/>'),
            run(_text(" —")),
        )
    )


def footer_paragraph(odd: bool) -> str:
    """单页码居右空一字，双页码居左空一字 (GB/T 9704 7.5)."""
    one_char = PAGE_NUMBER_SIZE * 10
    indent = (
        f'<w:ind w:right="{one_char}"/><w:jc w:val="right"/>'
        if odd
        else f'<w:ind w:left="{one_char}"/><w:jc w:val="left"/>'
    )
    return (
        f'<w:p {_NS}><w:pPr><w:pStyle w:val="Footer"/>{indent}</w:pPr>{_page_number_runs()}</w:p>'
    )


# --- the document ---------------------------------------------------------------------------------


def build_template() -> bytes:
    """The template's bytes; the same on every run."""
    from docx import Document  # noqa: PLC0415  (rendering needs the constants here, not docx)
    from docx.oxml import parse_xml  # noqa: PLC0415
    from docx.shared import Twips  # noqa: PLC0415

    doc = Document()
    _drop_unused_parts(doc)

    styles = doc.styles.element
    for style in list(styles.findall(f"{{{W_NS}}}style")):
        if style.get(f"{{{W_NS}}}styleId") not in KEPT_STYLES:
            styles.remove(style)
    old_defaults = styles.find(f"{{{W_NS}}}docDefaults")
    styles.replace(old_defaults, parse_xml(DOC_DEFAULTS))
    for xml in STYLES:
        styles.append(parse_xml(xml))

    body = doc.element.body
    for child in list(body):
        if child.tag != f"{{{W_NS}}}sectPr":
            body.remove(child)
    sect_pr = body.sectPr
    for xml in body_xml():
        sect_pr.addprevious(parse_xml(xml))

    section = doc.sections[0]
    section.page_width, section.page_height = Twips(PAGE_WIDTH), Twips(PAGE_HEIGHT)
    section.top_margin, section.bottom_margin = Twips(MARGIN_TOP), Twips(MARGIN_BOTTOM)
    section.left_margin, section.right_margin = Twips(MARGIN_LEFT), Twips(MARGIN_RIGHT)
    section.header_distance = Twips(mm(15))
    section.footer_distance = Twips(FOOTER_DISTANCE)
    doc.settings.odd_and_even_pages_header_footer = True
    for footer, odd in ((section.footer, True), (section.even_page_footer, False)):
        element = footer._element
        for child in list(element):
            element.remove(child)
        element.append(parse_xml(footer_paragraph(odd)))
    for child in list(sect_pr):
        if child.tag == f"{{{W_NS}}}docGrid":
            sect_pr.remove(child)

    # Rendering replaces all of these with the report's own (docx.set_properties).
    props = doc.core_properties
    props.title = "政府信息公开工作年度报告模板"
    props.author = ""
    props.subject = "政府信息公开工作年度报告"
    props.comments = ""
    props.keywords = ""
    props.last_modified_by = "genreport"
    props.revision = 1
    props.created = props.modified = TEMPLATE_DATE

    out = io.BytesIO()
    doc.save(out)
    return normalize(out.getvalue(), {APP_PART: app_xml("")})


#: Parts of python-docx's default template a report does not need: Word 2010's duplicate of the
#: styles (which would keep the old ones alive), a bibliography store and a preview picture.
_UNUSED_RELATIONSHIPS = ("/stylesWithEffects", "/customXml", "/thumbnail")


def _drop_unused_parts(doc: Any) -> None:
    for owner in (doc.part, doc.part.package):
        for r_id, rel in list(owner.rels.items()):
            if rel.reltype.endswith(_UNUSED_RELATIONSHIPS):
                del owner.rels[r_id]
