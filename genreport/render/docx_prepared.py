"""A Word template prepared once: docxtpl's work that does not depend on the report.

``DocxTemplate.render`` re-reads the whole package, re-runs its tag patching (``patch_xml``: some
dozen regular expressions over the 80 KB body) and re-serializes every part for each document.
Only the patching's output, a Jinja source per part, and the bytes of the parts no report changes
are the same every time; ``PreparedDocx`` keeps those and per report renders the sources, applies
the same post-processing docxtpl does (``render_xml_part``, ``fix_tables``, ``fix_docpr_ids``) and
zips the result. The bytes equal docxtpl's render and python-docx's save, normalized
(``docx_package.normalize``): tests/render/test_docx_prepared.py compares the two.

Preparing (``prepare``) needs docxtpl and python-docx; what it yields (``DocxParts``) is plain data
that ``build_cache`` keeps between processes, and rendering from it needs only lxml and Jinja
(``docx_xml``), docxtpl being imported only for a repair a report needs (``fix_tables`` etc.).
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import io
import marshal
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from jinja2 import Environment
from lxml import etree  # type: ignore[import-untyped]

from .build_cache import BuildCache
from .docx_package import replaced, write_package
from .docx_xml import NSMAP, CoreProperties, parse_part, qn, serialize_part

_W_NS = NSMAP["w"]
_W = f"{{{_W_NS}}}"
_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_CORE = "application/vnd.openxmlformats-package.core-properties+xml"
#: The core properties docxtpl renders as templates, in its order (``render_properties``).
_TEMPLATED_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
_SECTIONS = "./w:body/w:p/w:pPr/w:sectPr | ./w:body/w:sectPr"
#: The characters ``resolve_listing`` turns into Word tabs, breaks and paragraphs.
_LISTING = ("\t", "\a", "\n", "\f")


@dataclass(frozen=True)
class _Part:
    """A header or footer: its name in the zip, its patched Jinja source, its encoding."""

    name: str
    source: str
    encoding: str


@dataclass(frozen=True)
class DocxParts:
    """What preparing a template yields, all plain data: what ``build_cache`` keeps on disk.

    ``frame`` is the body's surroundings (``_Frame``) or None, ``footnotes`` each footnotes part
    and its source, ``entries`` every part of the template package as python-docx saves it.
    """

    body: str
    frame: tuple[str, str, str] | None
    document_part: str
    headers_footers: tuple[tuple[str, str, str], ...]
    footnotes: tuple[tuple[str, str], ...]
    core_name: str
    property_sources: tuple[str, ...]
    entries: tuple[tuple[str, bytes], ...]

    def to_bytes(self) -> bytes:
        return marshal.dumps(tuple(getattr(self, f.name) for f in fields(self)))

    @classmethod
    def from_bytes(cls, data: bytes) -> DocxParts | None:
        """The parts ``to_bytes`` wrote, or None for anything else."""
        try:
            parts = cls(*marshal.loads(data))
        except (EOFError, ValueError, TypeError):
            return None
        return parts if parts.well_formed() else None

    def well_formed(self) -> bool:
        """Every field of the type it is declared (marshal reads any data, not only these)."""

        def strings(value: object, n: int) -> bool:
            return (
                isinstance(value, tuple)
                and len(value) == n
                and all(isinstance(s, str) for s in value)
            )

        def rows(value: object, n: int) -> bool:
            return isinstance(value, tuple) and all(strings(row, n) for row in value)

        entries = self.entries
        if not (
            isinstance(entries, tuple)
            and all(
                isinstance(e, tuple)
                and len(e) == 2
                and isinstance(e[0], str)
                and isinstance(e[1], bytes)
                for e in entries
            )
        ):
            return False
        names = {name for name, _ in entries}
        return (
            isinstance(self.body, str)
            and (self.frame is None or strings(self.frame, 3))
            and rows(self.headers_footers, 3)
            and rows(self.footnotes, 2)
            and strings(self.property_sources, len(_TEMPLATED_PROPERTIES))
            and isinstance(self.document_part, str)
            and isinstance(self.core_name, str)
            and {self.document_part, self.core_name} <= names
        )


def prepare(template: bytes) -> DocxParts:
    """docxtpl's work on ``template`` that does not depend on the report (some 100 ms)."""
    from docxtpl import DocxTemplate  # noqa: PLC0415  (a cached template needs no docxtpl)

    tpl = DocxTemplate(io.BytesIO(template))
    tpl.init_docx()
    document = tpl.docx
    assert document is not None
    body = _for_render(tpl.patch_xml(tpl.get_xml()))
    frame = _frame(document.element, body)
    headers_footers = tuple(
        (part.partname.membername, _for_render(tpl.patch_xml(xml)), encoding)
        for uri in (tpl.HEADER_URI, tpl.FOOTER_URI)
        for _, part in tpl.get_headers_footers(uri)
        for xml in [tpl.get_part_xml(part)]
        for encoding in [tpl.get_headers_footers_encoding(xml)]
    )
    package = document.part.package
    footnotes = tuple(
        (part.partname.membername, part.blob.decode("utf-8"))
        for part in package.parts
        if part.content_type == _FOOTNOTES
    )
    core = document.core_properties  # python-docx adds the part when the template has none
    (core_name,) = (p.partname.membername for p in package.parts if p.content_type == _CORE)
    sources = tuple(getattr(core, name) for name in _TEMPLATED_PROPERTIES)
    out = io.BytesIO()
    document.save(out)
    return DocxParts(
        body,
        None if frame is None else (frame.head, frame.start, frame.tail),
        document.part.partname.membername,
        headers_footers,
        footnotes,
        core_name,
        sources,
        tuple(_entries(out.getvalue()).items()),
    )


def prepared(template: bytes, cache: BuildCache | None = None) -> PreparedDocx:
    """The template prepared, its parts read from ``cache`` when it has them (else kept there)."""
    if cache is None:
        return PreparedDocx(template)
    key = hashlib.sha256(template).digest()
    data = cache.read("docx", key)
    parts = None if data is None else DocxParts.from_bytes(data)
    if parts is not None:
        with contextlib.suppress(etree.LxmlError, KeyError):
            return PreparedDocx(template, parts)
    parts = prepare(template)
    cache.forget("docx", "jinja-docx")  # a new template: the old one's entries are no use
    cache.write("docx", key, parts.to_bytes())
    return PreparedDocx(template, parts)


class PreparedDocx:
    """``report.docx`` parsed and patched once; ``render`` makes one report's package bytes.

    Made from the template's bytes, or from ``parts`` a cache kept (then docxtpl is imported only
    if a report needs one of its repairs). ``finish`` runs on the rendered document element before
    it is serialized (the signature placement), ``properties`` on its core properties after
    docxtpl's own (the report's title, author and dates).
    """

    def __init__(self, template: bytes, parts: DocxParts | None = None) -> None:
        self._template = template
        parts = parts or prepare(template)
        self._body = parts.body
        self._frame = None if parts.frame is None else _Frame(*parts.frame)
        self._document_part = parts.document_part
        self._headers_footers = [_Part(*p) for p in parts.headers_footers]
        self._footnotes = list(parts.footnotes)
        self._core_name = parts.core_name
        self._property_sources = list(parts.property_sources)
        self._entries = dict(parts.entries)
        self._core = parse_part(self._entries[self._core_name])
        self._docxtpl: Any = None

    @property
    def _tpl(self) -> Any:
        """docxtpl, for the repairs only some reports need (tables, listings, footnotes)."""
        if self._docxtpl is None:
            from docxtpl import DocxTemplate  # noqa: PLC0415

            self._docxtpl = DocxTemplate(io.BytesIO(self._template))
        return self._docxtpl

    @property
    def _root(self) -> Any:
        """The template's document element, for docxtpl's way of placing a body."""
        return parse_part(self._entries[self._document_part])

    def render(
        self,
        context: dict[str, Any],
        env: Environment,
        finish: Callable[[Any], None],
        properties: Callable[[CoreProperties], None],
        replace: dict[str, bytes],
    ) -> bytes:
        """The report's .docx: the template's parts, the rendered ones replaced, normalized."""
        entries = dict(self._entries)
        root = self._document(self._render(self._body, context, env))
        _number_drawings(root)
        finish(root)
        entries[self._document_part] = serialize_part(root)
        for part in self._headers_footers:
            xml = self._render(part.source, context, env).encode(part.encoding)
            entries[part.name] = serialize_part(parse_part(xml))
        core = CoreProperties(copy.deepcopy(self._core))
        for name, source in zip(_TEMPLATED_PROPERTIES, self._property_sources, strict=True):
            setattr(core, name, env.from_string(source).render(context))
        properties(core)
        entries[self._core_name] = serialize_part(core.element)
        sections = len(root.xpath(_SECTIONS, namespaces=NSMAP))
        for name, source in self._footnotes:
            notes = source  # docxtpl renders them once per section, each time its last result
            for _ in range(sections):
                notes = self._render(_for_render(self._tpl.patch_xml(notes)), context, env)
            entries[name] = notes.encode("utf-8")
        return write_package(replaced(entries, replace))

    def _document(self, body: str) -> Any:
        """The document element around a rendered body, as docxtpl makes it.

        docxtpl parses the body alone (``fix_tables``) and moves it into the document, which
        revisits every element. Parsed inside the document's own start and end tags, it comes out
        the same whenever ``fix_tables`` has nothing to fix and the XML needed no recovery; when
        either is not so, docxtpl's own steps run.
        """
        if self._frame is not None and body.startswith(self._frame.start):
            parser = etree.XMLParser(recover=True)
            text = self._frame.head + body[len(self._frame.start) :] + self._frame.tail
            root = etree.fromstring(text, parser)
            if not parser.error_log and _tables_as_fix_tables_leaves_them(root):
                return root
        root = self._root
        root.replace(root.find(qn("w:body")), self._tpl.fix_tables(body))
        return root

    def _render(self, source: str, context: dict[str, Any], env: Environment) -> str:
        """``DocxTemplate.render_xml_part`` on an already patched source."""
        xml = env.from_string(source).render(context)
        xml = _NEWLINE_PARAGRAPH.sub(r"<w:p\1", xml)
        xml = (
            xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        )
        if any(c in xml for c in _LISTING):
            xml = self._tpl.resolve_listing(xml)
        return xml


_PARAGRAPH = re.compile(r"<w:p([ >])")
_NEWLINE_PARAGRAPH = re.compile(r"\n<w:p([ >])")


def _for_render(patched: str) -> str:
    """The first step of ``render_xml_part``: a line per paragraph, so Jinja errors have lines."""
    return _PARAGRAPH.sub(r"\n<w:p\1", patched)


@dataclass(frozen=True)
class _Frame:
    """The document element as text around its body: ``head`` ends with the body's start tag as
    lxml serializes it inside the document (the namespace declarations the document makes
    removed), ``start`` is that tag as it begins the body's source, ``tail`` follows the body."""

    head: str
    start: str
    tail: str


def _frame(root: Any, body: str) -> _Frame | None:
    start = body[: body.find(">") + 1]
    if not start.startswith("<w:body") or start.endswith("/>") or "{" in start:
        return None
    if root.nsmap.get("w") != _W_NS:
        return None
    skeleton = copy.deepcopy(root)
    skeleton.replace(skeleton.body, etree.fromstring(start + "</w:body>"))
    text = etree.tostring(skeleton, encoding="unicode")
    if text.count("<w:body") != 1:
        return None
    at = text.index("<w:body")
    end = text.index("/>", at) + 2
    inner = text[at : end - 2] + ">"
    return _Frame(text[:at] + inner, start, text[end:])


def _tables_as_fix_tables_leaves_them(root: Any) -> bool:
    """Whether docxtpl's ``fix_tables`` would change no table: no row has more cells than the
    grid has columns, and the widest row (counting column spans) fills the grid."""
    for table in root.iter(f"{_W}tbl"):
        grid = table.find(f"{_W}tblGrid")
        if grid is None:
            return False
        columns = len(grid.findall(f"{_W}gridCol"))
        widest = 0
        for row in table.iter(f"{_W}tr"):
            cells = row.findall(f"{_W}tc")
            if len(cells) > columns:
                return False
            width = 0
            for cell in cells:
                span = cell.find(f"{_W}tcPr/{_W}gridSpan")
                value = "1" if span is None else span.get(f"{_W}val", "")
                if not value.isdigit():
                    return False
                width += int(value)
            widest = max(widest, width)
        if widest < columns:
            return False
    return True


_DRAWINGS = etree.XPath("//wp:docPr", namespaces=NSMAP)


def _number_drawings(root: Any) -> None:
    """docxtpl's ``fix_docpr_ids``: drawings numbered from 1001, so no two share an id."""
    for number, drawing in enumerate(_DRAWINGS(root), start=1001):
        drawing.attrib["id"] = str(number)


def _entries(package: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(package)) as source:
        return {name: source.read(name) for name in source.namelist()}
