"""Reproducible .docx bytes: the same document always zips to the same bytes.

A .docx is a zip; zip entries carry a timestamp and python-docx writes the parts in whatever order
it holds them. ``normalize`` rewrites the archive with a fixed date, fixed permissions and a fixed
entry order, so two builds of the same inputs are byte-identical and can be committed and diffed.
"""

from __future__ import annotations

import io
import zipfile

#: 1980-01-01 is the earliest date a zip entry can hold.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_FIRST = "[Content_Types].xml"


APP_PART = "docProps/app.xml"


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as XML text needs them (``xml.sax.saxutils.escape``, whose module
    imports urllib.request: a third of a cold build's imports of the standard library)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(text: str) -> str:
    """``text`` as a quoted XML attribute value, as ``xml.sax.saxutils.quoteattr`` writes it."""
    text = escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"{}"'.format(text.replace('"', "&quot;"))


def app_xml(company: str) -> bytes:
    """The extended properties: who the document is from (Word's 单位 field), nothing else; the
    default template's claims (Normal.dotm, Microsoft Macintosh Word, page counts) were untrue."""
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f"<Application>genreport</Application><Company>{escape(company)}</Company>"
        "</Properties>"
    ).encode()


def normalize(data: bytes, replace: dict[str, bytes] | None = None) -> bytes:
    """Rewrite a zip with fixed entry dates, permissions and compression, entries sorted;
    ``replace`` gives new contents for some of its entries."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = {name: source.read(name) for name in source.namelist()}
    return write_package(replaced(entries, replace or {}))


def replaced(entries: dict[str, bytes], replace: dict[str, bytes]) -> dict[str, bytes]:
    """``entries`` with new contents for those named in ``replace`` (others are not added)."""
    return {name: replace.get(name, content) for name, content in entries.items()}


def write_package(entries: dict[str, bytes]) -> bytes:
    """A zip of ``entries`` as ``normalize`` writes it: sorted, fixed dates and permissions."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in sorted(entries, key=lambda n: (n != _FIRST, n)):
            content = entries[name]
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o644 << 16
            target.writestr(info, content, compresslevel=9)
    return out.getvalue()
