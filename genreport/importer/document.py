"""What a reader hands on: a published report as paragraphs and table rows, each with its place.

Readers (one per input kind) build a ``Document``; everything after works on it without I/O.
A cell keeps the text as printed; normalising is the matcher's job, so messages can quote the
source verbatim.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Loc:
    """Where something sits in the source.

    ``line``/``column`` are 1-based for text sources (.txt, .md); sources without lines (.docx,
    .html, .pdf) leave them 0 and say in ``where`` which page, table, row and column it is.
    """

    line: int = 0
    column: int = 0
    where: str = ""

    def describe(self) -> str:
        if self.where:
            return self.where
        if self.line:
            return f"第 {self.line} 行"
        return "原文"


@dataclass(frozen=True)
class Cell:
    text: str
    loc: Loc
    #: False for the copies a row or column span leaves in the cells it covers: they repeat the
    #: text (so a merged label reaches every row) but never count as a value of their own.
    origin: bool = True
    #: The OCR engine's confidence (0–1) when the text was read from a scanned page.
    ocr_score: float | None = None


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    loc: Loc
    table: int  # index of the table block the row belongs to (paragraph lines get their own)
    #: True when a cell's index is its column in the printed table (grids, tab-separated text);
    #: False when spans were collapsed (one cell per line, ``|`` after every cell).
    positional: bool = True


@dataclass(frozen=True)
class Paragraph:
    text: str
    loc: Loc
    heading: int = 0  # heading level when the source marks one (Markdown #, Word/HTML headings)


@dataclass(frozen=True)
class Table:
    rows: tuple[Row, ...]
    loc: Loc


Block = Paragraph | Table


@dataclass(frozen=True)
class Document:
    file: str  # the source path as the user should see it
    blocks: tuple[Block, ...]
    #: The title the file gives itself outside the text (HTML ``<title>``, PDF or Word
    #: properties): the least trusted place for the agency's name.
    page_title: str = ""
    #: What the reader itself must tell the user (pages read by OCR), as (where, message).
    notices: tuple[tuple[Loc, str], ...] = ()

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]
