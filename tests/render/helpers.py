"""Reading outputs back the way a user's software does: Word XML, HTML tables, golden files."""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
GOLDEN = Path(__file__).parent / "golden"
FIXTURES = Path(__file__).parent / "fixtures"


def check_golden(name: str, actual: str) -> None:
    """Compare with tests/render/golden/<name>; ``GENREPORT_UPDATE_GOLDEN=1 pytest`` rewrites it."""
    path = GOLDEN / name
    if os.environ.get("GENREPORT_UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, (
        f"{name} differs from the golden file; if the change is intended, run "
        "GENREPORT_UPDATE_GOLDEN=1 pytest tests/render and review the diff"
    )


# --- docx ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WordCell:
    text: str
    span: int  # gridSpan
    vmerge: str | None  # "restart", "continue" or None
    width: int  # tcW


def part(docx: bytes, name: str) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read(name))


def text_of(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def word_paragraphs(docx: bytes) -> list[tuple[str, str]]:
    """(style id, text) of every body paragraph outside tables."""
    body = part(docx, "word/document.xml").find(f"{W}body")
    assert body is not None
    result = []
    for p in body.findall(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        result.append((style.get(f"{W}val") if style is not None else "", text_of(p)))
    return result


def word_tables(docx: bytes) -> list[etree._Element]:
    return list(part(docx, "word/document.xml").iter(f"{W}tbl"))


def word_rows(table: etree._Element) -> list[list[WordCell]]:
    rows = []
    for tr in table.findall(f"{W}tr"):
        cells = []
        for tc in tr.findall(f"{W}tc"):
            span = tc.find(f"{W}tcPr/{W}gridSpan")
            vmerge = tc.find(f"{W}tcPr/{W}vMerge")
            merge = None
            if vmerge is not None:
                merge = vmerge.get(f"{W}val") or "continue"
            width = tc.find(f"{W}tcPr/{W}tcW")
            assert width is not None
            cells.append(
                WordCell(
                    text_of(tc),
                    int(span.get(f"{W}val")) if span is not None else 1,
                    merge,
                    int(width.get(f"{W}w") or 0),
                )
            )
        rows.append(cells)
    return rows


def word_grid(table: etree._Element) -> list[list[str]]:
    """The printed table: every grid slot with the text of the (merged) cell covering it."""
    grid: list[list[str]] = []
    for r, row in enumerate(word_rows(table)):
        slots: list[str] = []
        for cell in row:
            c = len(slots)
            text = grid[r - 1][c] if cell.vmerge == "continue" else cell.text
            slots.extend([text] * cell.span)
        grid.append(slots)
    return grid


def describe_docx(docx: bytes) -> str:
    """Text, styles, table cells and merges in body order: what a golden file compares."""
    body = part(docx, "word/document.xml").find(f"{W}body")
    assert body is not None
    lines = []
    for child in body:
        if child.tag == f"{W}p":
            style = child.find(f"{W}pPr/{W}pStyle")
            name = style.get(f"{W}val") if style is not None else ""
            lines.append(f"[{name}] {text_of(child)}")
        elif child.tag == f"{W}tbl":
            lines.append("<table>")
            for row in word_rows(child):
                lines.append(
                    " | ".join(
                        (c.text or "·")
                        + (f" <span={c.span}>" if c.span > 1 else "")
                        + (f" <{c.vmerge}>" if c.vmerge else "")
                        for c in row
                    )
                )
            lines.append("</table>")
    return "\n".join(lines) + "\n"


# --- html --------------------------------------------------------------------------------------------

VOID = {"meta", "col", "br", "link", "img", "hr", "input", "wbr", "source"}


@dataclass
class HtmlCell:
    tag: str
    text: str
    rowspan: int
    colspan: int
    scope: str | None


class StrictHtml(HTMLParser):
    """A well-formedness check (every element closed, in order) that also collects tables."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tables: dict[str, list[list[HtmlCell]]] = {}
        self.captions: dict[str, str] = {}
        self.attrs: list[tuple[str, dict[str, str | None]]] = []
        self._table: str | None = None
        self._cell: HtmlCell | None = None
        self._caption = False
        self.doctype: str | None = None

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.attrs.append((tag, a))
        if tag not in VOID:
            self.stack.append(tag)
        if tag == "table":
            self._table = a.get("id") or f"table{len(self.tables)}"
            self.tables[self._table] = []
        elif tag == "tr" and self._table:
            self.tables[self._table].append([])
        elif tag in ("td", "th") and self._table:
            self._cell = HtmlCell(
                tag, "", int(a.get("rowspan") or 1), int(a.get("colspan") or 1), a.get("scope")
            )
            self.tables[self._table][-1].append(self._cell)
        elif tag == "caption":
            self._caption = True

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else '-'}>")
            return
        self.stack.pop()
        if tag in ("td", "th"):
            self._cell = None
        elif tag == "caption":
            self._caption = False
        elif tag == "table":
            self._table = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.text += data
        elif self._caption and self._table:
            self.captions[self._table] = self.captions.get(self._table, "") + data


def parse_html(text: str) -> StrictHtml:
    parser = StrictHtml()
    parser.feed(text)
    parser.close()
    assert not parser.errors, parser.errors
    assert not parser.stack, f"unclosed: {parser.stack}"
    return parser


def html_grid(rows: list[list[HtmlCell]]) -> list[list[HtmlCell]]:
    """Place cells on the grid the way a browser does (rowspan/colspan)."""
    grid: dict[tuple[int, int], HtmlCell] = {}
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in grid:
                c += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    assert (r + dr, c + dc) not in grid, f"overlap at {(r + dr, c + dc)}"
                    grid[(r + dr, c + dc)] = cell
            c += cell.colspan
    height = max(r for r, _ in grid) + 1
    width = max(c for _, c in grid) + 1
    assert len(grid) == height * width, "the table is not rectangular"
    return [[grid[(r, c)] for c in range(width)] for r in range(height)]
