"""A Word template prepared once per process: docxtpl's work that does not depend on the report.

``DocxTemplate.render`` re-reads the whole package, re-runs its tag patching (``patch_xml``: some
dozen regular expressions over the 80 KB body) and re-serializes every part for each document.
Only the patching's output, a Jinja source per part, and the bytes of the parts no report changes
are the same every time; ``PreparedDocx`` keeps those and per report renders the sources, applies
the same post-processing docxtpl does (``render_xml_part``, ``fix_tables``, ``fix_docpr_ids``) and
zips the result. The bytes equal docxtpl's render and python-docx's save, normalized
(``docx_package.normalize``): tests/render/test_docx_prepared.py compares the two.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.coreprops import CoreProperties
from docx.opc.oxml import parse_xml, serialize_part_xml
from docxtpl import DocxTemplate
from jinja2 import Environment

from .docx_package import replaced, write_package

_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
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


class PreparedDocx:
    """``report.docx`` parsed and patched once; ``render`` makes one report's package bytes.

    ``finish`` runs on the rendered document element before it is serialized (the signature
    placement), ``properties`` on its core properties after docxtpl's own (the report's title,
    author and dates).
    """

    def __init__(self, template: bytes) -> None:
        self._tpl = tpl = DocxTemplate(io.BytesIO(template))
        tpl.init_docx()
        document = tpl.docx
        assert document is not None
        self._body = _for_render(tpl.patch_xml(tpl.get_xml()))
        self._root = copy.deepcopy(document.element)
        self._document_part = document.part.partname.membername
        self._headers_footers = [
            _Part(part.partname.membername, _for_render(tpl.patch_xml(xml)), encoding)
            for uri in (tpl.HEADER_URI, tpl.FOOTER_URI)
            for _, part in tpl.get_headers_footers(uri)
            for xml in [tpl.get_part_xml(part)]
            for encoding in [tpl.get_headers_footers_encoding(xml)]
        ]
        package = document.part.package
        self._footnotes = [
            (part.partname.membername, part.blob.decode("utf-8"))
            for part in package.parts
            if part.content_type == _FOOTNOTES
        ]
        core = document.core_properties  # python-docx adds the part when the template has none
        self._core = copy.deepcopy(core._element)
        (self._core_name,) = (
            p.partname.membername for p in package.parts if p.content_type == CT.OPC_CORE_PROPERTIES
        )
        self._property_sources = [getattr(core, name) for name in _TEMPLATED_PROPERTIES]
        out = io.BytesIO()
        document.save(out)
        self._entries = _entries(out.getvalue())

    def render(
        self,
        context: dict[str, Any],
        env: Environment,
        finish: Callable[[Any], None],
        properties: Callable[[CoreProperties], None],
        replace: dict[str, bytes],
    ) -> bytes:
        """The report's .docx: the template's parts, the rendered ones replaced, normalized."""
        tpl = self._tpl
        tpl.docx_ids_index = 1000
        entries = dict(self._entries)
        root = copy.deepcopy(self._root)
        tree = tpl.fix_tables(self._render(self._body, context, env))
        tpl.fix_docpr_ids(tree)
        root.replace(root.body, tree)
        del tree  # elements found from root now get python-docx's classes, as in DocxTemplate
        finish(root)
        entries[self._document_part] = serialize_part_xml(root)
        for part in self._headers_footers:
            xml = self._render(part.source, context, env).encode(part.encoding)
            entries[part.name] = serialize_part_xml(parse_xml(xml))  # type: ignore[arg-type]
        core = CoreProperties(copy.deepcopy(self._core))
        for name, source in zip(_TEMPLATED_PROPERTIES, self._property_sources, strict=True):
            setattr(core, name, env.from_string(source).render(context))
        properties(core)
        entries[self._core_name] = serialize_part_xml(core._element)
        sections = len(root.xpath(_SECTIONS))
        for name, source in self._footnotes:
            notes = source  # docxtpl renders them once per section, each time its last result
            for _ in range(sections):
                notes = self._render(_for_render(tpl.patch_xml(notes)), context, env)
            entries[name] = notes.encode("utf-8")
        return write_package(replaced(entries, replace))

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


def _entries(package: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(package)) as source:
        return {name: source.read(name) for name in source.namelist()}
