"""The few python-docx operations a report's render needs, done with lxml alone.

Importing python-docx costs more than rendering a report, and its element classes are needed
only to prepare the template (``docx_prepared.prepare``). Per report, the signature placement and
the core properties need a handful of its operations; each is written here as python-docx does
it (the same parser options, child order, element creation and serialization), so the bytes are
the same: tests/render/test_docx_prepared.py compares them with python-docx's own.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

NSMAP = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}

#: python-docx's parser for package parts (``docx.opc.oxml``, ``docx.oxml.parser``).
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)


def qn(tag: str) -> str:
    """``w:ind`` → ``{namespace}ind``."""
    prefix, local = tag.split(":")
    return f"{{{NSMAP[prefix]}}}{local}"


def parse_part(xml: bytes | str) -> Any:
    return etree.fromstring(xml, _PARSER)


def serialize_part(element: Any) -> bytes:
    return etree.tostring(element, encoding="UTF-8", standalone=True)  # type: ignore[no-any-return]


def new_element(tag: str) -> Any:
    """A loose element declaring its own prefix, as python-docx's ``OxmlElement`` makes it."""
    prefix = tag.split(":", maxsplit=1)[0]
    return _PARSER.makeelement(qn(tag), nsmap={prefix: NSMAP[prefix]})


def get_or_add(parent: Any, tag: str, successors: tuple[str, ...] = ()) -> Any:
    """The child ``tag``, else a new one before the first of ``successors`` found (in their
    order, as python-docx searches), else at the end."""
    child = parent.find(qn(tag))
    if child is not None:
        return child
    child = new_element(tag)
    for name in successors:
        successor = parent.find(qn(name))
        if successor is not None:
            successor.addprevious(child)
            return child
    parent.append(child)
    return child


#: The children of ``w:pPr`` in schema order (python-docx's ``CT_PPr._tag_seq``).
PPR_SEQUENCE = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
    "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
    "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
    "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
    "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
    "w:sectPr", "w:pPrChange",
)  # fmt: skip


def get_or_add_ppr(p_pr: Any, tag: str) -> Any:
    """A paragraph property element, inserted where the schema puts it."""
    return get_or_add(p_pr, tag, PPR_SEQUENCE[PPR_SEQUENCE.index(tag) + 1 :])


EMU_PER_TWIP = 635
_UNITS = {"mm": 36000, "cm": 360000, "in": 914400, "pt": 12700, "pc": 152400, "pi": 152400}


def measure(value: str | None, signed: bool = False) -> int | None:
    """A measure attribute in EMU as python-docx reads it (``ST_TwipsMeasure``, ``signed``:
    ``ST_SignedTwipsMeasure``); None when the attribute is absent."""
    if value is None:
        return None
    if "i" in value or "m" in value or "p" in value:
        return round(float(value[:-2]) * _UNITS[value[-2:]])
    return (round(float(value)) if signed else int(value)) * EMU_PER_TWIP


_CORE_TEXT = {
    "author": "dc:creator",
    "category": "cp:category",
    "comments": "dc:description",
    "identifier": "dc:identifier",
    "keywords": "cp:keywords",
    "language": "dc:language",
    "last_modified_by": "cp:lastModifiedBy",
    "subject": "dc:subject",
    "title": "dc:title",
}
_CORE_DATES = {"created": "dcterms:created", "modified": "dcterms:modified"}


class CoreProperties:
    """``docProps/core.xml`` as python-docx's ``CoreProperties`` writes it, for the properties a
    report sets."""

    element: Any

    def __init__(self, element: Any) -> None:
        object.__setattr__(self, "element", element)

    def __getattr__(self, name: str) -> str:
        if name not in _CORE_TEXT:
            raise AttributeError(name)
        child = self.element.find(qn(_CORE_TEXT[name]))
        return "" if child is None or child.text is None else str(child.text)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _CORE_TEXT:
            text = value if isinstance(value, str) else str(value)
            if len(text) > 255:
                raise ValueError(f"exceeded 255 char limit for property, got:\n\n'{text}'")
            get_or_add(self.element, _CORE_TEXT[name]).text = text
        elif name in _CORE_DATES:
            self._set_date(_CORE_DATES[name], value)
        elif name == "revision":
            if not isinstance(value, int) or value < 1:
                raise ValueError(f"revision property requires positive int, got '{value}'")
            get_or_add(self.element, "cp:revision").text = str(value)
        else:
            raise AttributeError(name)

    def _set_date(self, tag: str, value: dt.datetime) -> None:
        child = get_or_add(self.element, tag)
        child.text = value.strftime("%Y-%m-%dT%H:%M:%SZ")
        # python-docx declares xsi on the root through a passing attribute, not on the child
        self.element.set(qn("xsi:foo"), "bar")
        child.set(qn("xsi:type"), "dcterms:W3CDTF")
        del self.element.attrib[qn("xsi:foo")]
