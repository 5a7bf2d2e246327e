"""PDF reports → ``Document``, through pdfplumber.

Ruled tables come from pdfplumber's table finder (merged cells arrive as one cell and empty
positions). Text outside them becomes paragraphs, one per printed line; a line whose words stand
apart in columns (an unruled table) becomes a row of cells. Page numbers are dropped. A page that
is only an image (a scan) is read by OCR (``ocr``) into words with boxes, which then take the
same way as printed words. Pages, drawing instructions and glyphs are counted before the work
they cause (``pdf_limits``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber

from . import ocr
from .document import Block, Cell, Document, Loc, Paragraph, Row, Table
from .limits import LimitError
from .pdf_limits import Budget, check_pages
from .t4 import is_t4_header
from .values import is_footer, read_value

_LINE_TOLERANCE = 3.0  # points: words whose tops differ less sit on one line
_COLUMN_GAP = 1.5  # in font sizes: a wider gap between words separates cells


def _inside(word: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (word["x0"] + word["x1"]) / 2
    y = (word["top"] + word["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _lines(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= _LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _cells(line: list[dict[str, Any]]) -> list[tuple[str, float | None]]:
    """The line's cells: text, and the OCR confidence when read from a scan (else None).

    An OCR box already holds one cell's text (the engine groups characters by their gaps), so
    boxes are never joined; printed words join when they stand closer than the column gap.
    """
    cells: list[tuple[str, float | None]] = []
    previous: dict[str, Any] | None = None
    for word in line:
        size = max(word["bottom"] - word["top"], 1.0)
        score = word.get("confidence")
        if (
            previous is None
            or score is not None
            or word["x0"] - previous["x1"] > _COLUMN_GAP * size
        ):
            cells.append((word["text"], score))
        else:
            gap = word["x0"] - previous["x1"]
            text, _ = cells[-1]
            # two words are apart on the page; glue them only where CJK text was cut
            ascii_pair = previous["text"][-1].isascii() and word["text"][0].isascii()
            cells[-1] = (
                text + (" " if gap > size * 0.2 or ascii_pair else "") + word["text"],
                None,
            )
        previous = word
    return cells


class _PdfReader:
    def __init__(self, file: str) -> None:
        self.file = file
        self.blocks: list[Block] = []
        self.tables = 0
        self.loose_rows: list[Row] = []

    def flush_rows(self) -> None:
        if self.loose_rows:
            self.blocks.append(Table(tuple(self.loose_rows), self.loose_rows[0].loc))
            self.loose_rows = []

    def page(self, number: int, page: Any, scanned: bool) -> None:
        if scanned:
            found, words = [], ocr.page_words(page)
        else:
            found = page.find_tables()
            boxes = [t.bbox for t in found]
            words = [w for w in page.extract_words(keep_blank_chars=False) if not _inside(w, boxes)]
        items: list[tuple[float, Any]] = [(t.bbox[1], t) for t in found]
        items.extend((line[0]["top"], line) for line in _lines(words))
        items.sort(key=lambda item: item[0])
        line_number = 0
        for _, item in items:
            if isinstance(item, list):
                line_number += 1
                self.line(number, line_number, item, scanned)
            else:
                self.flush_rows()
                self.table(number, item)
        self.flush_rows()

    def line(self, page: int, number: int, words: list[dict[str, Any]], scanned: bool) -> None:
        loc = Loc(where=f"第 {page} 页第 {number} 行")
        cells = _cells(words)
        text = " ".join(c for c, _ in cells)
        if is_footer(text):
            return
        # Words in columns: a row of an unruled table. A scan's table rules are pixels, so there
        # a label and one number (表二「行政许可 57」) or 表四's 「行政复议 行政诉讼」 make a row too.
        pair = scanned and len(cells) == 2
        if len(cells) >= 3 or (
            pair and (read_value(cells[1][0]).is_value or any(is_t4_header(c) for c, _ in cells))
        ):
            if not self.loose_rows:
                self.tables += 1
            built = tuple(Cell(c, loc, ocr_score=score) for c, score in cells)
            self.loose_rows.append(Row(built, loc, self.tables - 1, False))
            return
        self.flush_rows()
        self.blocks.append(Paragraph(ocr.mend_numbering(text) if scanned else text, loc))

    def table(self, page: int, table: Any) -> None:
        self.tables += 1
        number = self.tables
        rows = []
        for r, cells in enumerate(table.extract()):
            built = []
            for c, text in enumerate(cells):
                loc = Loc(where=f"第 {page} 页第 {number} 个表格第 {r + 1} 行第 {c + 1} 列")
                if text is None:
                    built.append(Cell("", loc, origin=False))
                else:
                    lines = [x.strip() for x in str(text).splitlines() if x.strip()]
                    built.append(Cell("".join(lines), loc))
            row_loc = Loc(where=f"第 {page} 页第 {number} 个表格第 {r + 1} 行")
            rows.append(Row(tuple(built), row_loc, number - 1, True))
        if rows:
            self.blocks.append(Table(tuple(rows), rows[0].loc))


def read_pdf(path: Path, file: str) -> Document:
    reader = _PdfReader(file)
    with pdfplumber.open(path) as pdf:
        check_pages(len(pdf.pages))
        budget = Budget(pdf)
        scanned = [budget.page(number, page) for number, page in enumerate(pdf.pages, start=1)]
        pages = [n for n, is_scan in enumerate(scanned, start=1) if is_scan]
        if pages and not ocr.available():
            raise LimitError(f"{_pages(pages)}是图片（扫描件），{ocr.INSTALL_HINT}")
        for number, page in enumerate(pdf.pages, start=1):
            reader.page(number, page, scanned[number - 1])
        title = pdf.metadata.get("Title")
    notices: tuple[tuple[Loc, str], ...] = ()
    if pages:
        message = (
            f"{_pages(pages)}是图片（扫描件），已用文字识别（OCR）读出：把握不大的数已逐个列出并在"
            "数据文件中注明；识别出的正文请对照原件校对"
        )
        notices = ((Loc(where=f"第 {pages[0]} 页"), message),)
    page_title = title if isinstance(title, str) else ""
    return Document(file, tuple(reader.blocks), page_title, notices)


def _pages(numbers: list[int]) -> str:
    if len(numbers) > 5:
        return f"第 {numbers[0]}–{numbers[-1]} 页中的 {len(numbers)} 页"
    return "第 " + "、".join(map(str, numbers)) + " 页"
