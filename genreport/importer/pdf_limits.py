"""What one PDF may cost, counted before pdfplumber lays a page out (the expensive part).

Per page: its drawing instructions are inflated at most to ``MAX_PAGE_CONTENT`` (a compressed
bomb is caught without inflating it), then a cheap pass of pdfminer's interpreter counts the
bytes of shown text (at least one per glyph) against the document's ``MAX_CHARS`` and stops at
the limit; the same pass tells a scanned page (images, no text) from a printed one.
"""

from __future__ import annotations

import zlib
from typing import Any

from pdfminer.pdfdevice import PDFDevice
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.psparser import LIT

from .limits import MAX_CHARS, MAX_PAGE_CONTENT, MAX_PAGES, not_a_report

_FLATE = (LIT("FlateDecode"), LIT("Fl"))


class _Exhausted(Exception):
    pass


def check_pages(count: int) -> None:
    if count > MAX_PAGES:
        raise not_a_report(f"PDF 有 {count} 页（上限 {MAX_PAGES} 页）")


def _inflated_size(stream: PDFStream, limit: int) -> int:
    """The stream's decoded size, or ``limit + 1`` as soon as it exceeds ``limit``."""
    raw = stream.get_rawdata()
    if raw is None:  # pdfminer decoded it already
        return len(stream.get_data())
    filters = [f for f, _ in stream.get_filters()]
    if not filters:
        return len(raw)
    if filters[0] in _FLATE:
        try:
            inflated = zlib.decompressobj().decompress(raw, limit + 1)
        except zlib.error:
            return len(raw)  # pdfminer will report the damage
        # Further filters (rare in content streams) only ever shrink or keep the size.
        return len(inflated)
    return len(raw)


class _Counter(PDFDevice):
    """Counts shown text and images; raises when the text budget is spent."""

    def __init__(self, rsrcmgr: Any, budget: int) -> None:
        super().__init__(rsrcmgr)
        self.left = budget
        self.shown = 0
        self.images = 0

    def render_string(self, textstate: Any, seq: Any, ncs: Any, graphicstate: Any) -> None:
        for item in seq:
            if isinstance(item, bytes):
                self.shown += len(item)
        if self.shown > self.left:
            raise _Exhausted

    def render_image(self, name: str, stream: Any) -> None:
        self.images += 1


class Budget:
    """The glyph budget of one PDF, spent page by page."""

    def __init__(self, pdf: Any) -> None:
        self.pdf = pdf
        self.left = MAX_CHARS

    def page(self, number: int, page: Any) -> bool:
        """Check page ``number``; True when it is a scan (images and no text)."""
        contents = resolve1(page.page_obj.attrs.get("Contents"))
        streams = contents if isinstance(contents, list) else [contents]
        size = 0
        for item in streams:
            stream = resolve1(item)
            if isinstance(stream, PDFStream):
                size += _inflated_size(stream, MAX_PAGE_CONTENT - size)
            if size > MAX_PAGE_CONTENT:
                raise not_a_report(
                    f"第 {number} 页的绘制指令解压后超过 {MAX_PAGE_CONTENT // 1024 // 1024} MiB"
                )
        counter = _Counter(self.pdf.rsrcmgr, self.left)
        try:
            PDFPageInterpreter(self.pdf.rsrcmgr, counter).process_page(page.page_obj)
        except _Exhausted:
            raise not_a_report(
                f"PDF 到第 {number} 页为止的文字超过 {MAX_CHARS} 个字符（上限）"
            ) from None
        self.left -= counter.shown
        return counter.shown == 0 and counter.images > 0
