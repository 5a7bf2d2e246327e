"""Plain-text and Markdown reports → ``Document``.

The renderings found in practice (format.md §7): tab-separated rows; one cell per line (from .docx
copies: each cell on a line starting with a tab, rows separated by blank lines, long cells broken
over lines); ``|`` after every cell, one cell per line (from HTML copies); and Markdown tables.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from .document import Block, Cell, Document, Loc, Paragraph, Row, Table

#: Parses an HTML fragment (a ``<table>`` inside Markdown) into tables; readers pass pandoc's.
HtmlTables = Callable[[str], list[Table]]

_PIPE_CELL = re.compile(r"^(?P<text>.*?)\s*\|(?P<more>(?:\s*\|)*)\s*$")
_MD_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_ARTIFACTS = re.compile(r"\[bookmark:[^\]]*\]|\{#[^}]*\}")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_BREAK = re.compile(r"<br\s*/?>", re.I)


def _is_md_row(line: str) -> bool:
    s = line.strip()
    return s.startswith("|") and len(s) > 1 and s.count("|") >= 2


def _is_pipe_line(line: str) -> bool:
    s = line.strip()
    return s == "|" or (s.endswith("|") and not s.startswith("|"))


def _is_one_cell_line(line: str) -> bool:
    return line.startswith("\t") and line.count("\t") == 1


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \u3000\t"))


class _TextReader:
    def __init__(self, text: str, file: str, html_tables: HtmlTables | None) -> None:
        self.lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.file = file
        self.html_tables = html_tables
        self.blocks: list[Block] = []
        self.tables = 0

    def cell(self, text: str, number: int, column: int) -> Cell:
        return Cell(_ARTIFACTS.sub("", text).strip(), Loc(number, column))

    def table(self, rows: list[list[Cell]], positional: bool) -> None:
        rows = [r for r in rows if r]
        if not rows:
            return
        index = self.tables
        self.tables += 1
        built = tuple(Row(tuple(r), r[0].loc, index, positional) for r in rows)
        self.blocks.append(Table(built, built[0].loc))

    def read(self) -> Document:
        i = 0
        lines = self.lines
        while i < len(lines):
            line = lines[i]
            if not line.strip():
                i += 1
            elif self.html_tables and line.lstrip().lower().startswith("<table"):
                i = self.html_table(i)
            elif _is_md_row(line):
                i = self.markdown(i)
            elif _is_pipe_line(line):
                i = self.pipes(i)
            elif "\t" in line and line.strip():
                i = self.tabs(i)
            else:
                self.paragraph(i)
                i += 1
        return Document(self.file, tuple(self.blocks))

    def html_table(self, i: int) -> int:
        """A ``<table>`` inside Markdown (as genreport's own Markdown writes merged cells)."""
        end = i
        while end < len(self.lines) and "</table>" not in self.lines[end].lower():
            end += 1
        assert self.html_tables is not None
        for table in self.html_tables("\n".join(self.lines[i : end + 1])):
            index = self.tables
            self.tables += 1
            rows = tuple(
                Row(
                    tuple(Cell(c.text, _moved(c.loc, i + 1), c.origin) for c in row.cells),
                    _moved(row.loc, i + 1),
                    index,
                    row.positional,
                )
                for row in table.rows
            )
            if rows:
                self.blocks.append(Table(rows, rows[0].loc))
        return end + 1

    def paragraph(self, i: int) -> None:
        raw = _ARTIFACTS.sub("", self.lines[i])
        if self.html_tables and _TAG.search(raw):  # inline HTML in Markdown: <p>, <br>
            parts = html.unescape(_TAG.sub("", _BREAK.sub("\n", raw))).split("\n")
            for part in parts:
                if part.strip():
                    self.blocks.append(Paragraph(part.strip(), Loc(i + 1, 1)))
            return
        text = raw.strip(" \u3000\t")
        if not text:
            return
        level = 0
        heading = _MD_HEADING.match(text)
        if heading:
            level, text = len(heading.group(1)), heading.group(2)
        text = re.sub(r"^\*\*(.*)\*\*$", r"\1", text)
        self.blocks.append(Paragraph(text, Loc(i + 1, _indent(raw) + 1), level))

    def markdown(self, i: int) -> int:
        rows: list[list[Cell]] = []
        while i < len(self.lines) and _is_md_row(self.lines[i]):
            line = self.lines[i]
            if not _MD_SEPARATOR.match(line.strip()):
                start = line.index("|")
                parts = line[start + 1 :].rstrip().removesuffix("|").split("|")
                column = start + 2
                cells = []
                for part in parts:
                    cells.append(self.cell(part, i + 1, column + _indent(part)))
                    column += len(part) + 1
                rows.append(cells)
            i += 1
        self.table(rows, positional=True)
        return i

    def pipes(self, i: int) -> int:
        """``|`` alone starts a row; ``text |`` is a cell; ``text | ||`` adds empty cells."""
        rows: list[list[Cell]] = []
        current: list[Cell] = []
        carry, carry_line = "", 0
        while i < len(self.lines):
            line = self.lines[i]
            stripped = line.strip()
            if stripped == "|":
                if current:
                    rows.append(current)
                current = []
            elif _is_pipe_line(line):
                match = _PIPE_CELL.match(stripped)
                assert match is not None
                text = carry + match.group("text")
                start = carry_line if carry else i + 1
                current.append(self.cell(text, start, _indent(line) + 1))
                carry, carry_line = "", 0
                current.extend(
                    self.cell("", i + 1, len(line.rstrip()))
                    for _ in range(match.group("more").count("|"))
                )
            elif (
                stripped
                and i + 1 < len(self.lines)
                and _is_pipe_line(self.lines[i + 1])
                and (self.lines[i + 1].strip() != "|")
            ):
                carry, carry_line = carry + stripped, i + 1  # a cell broken over lines
            else:
                break
            i += 1
        if current:
            rows.append(current)
        self.table(rows, positional=False)
        return i

    def tabs(self, i: int) -> int:
        end = i
        while end < len(self.lines):
            line = self.lines[end]
            if "\t" in line or (
                not line.strip() and end + 1 < len(self.lines) and "\t" in self.lines[end + 1]
            ):
                end += 1
            elif (
                line.strip()
                and end > i
                and _is_one_cell_line(self.lines[end - 1])
                and all(_is_one_cell_line(x) for x in self.lines[i:end] if "\t" in x)
            ):
                end += 1  # the rest of a cell broken over lines
            else:
                break
        region = range(i, end)
        if all(_is_one_cell_line(self.lines[n]) for n in region if "\t" in self.lines[n]):
            self.one_cell_per_line(region)
        else:
            self.tab_separated(region)
        return end

    def one_cell_per_line(self, region: range) -> None:
        rows: list[list[Cell]] = []
        current: list[Cell] = []
        for n in region:
            line = self.lines[n]
            if not line.strip() and "\t" not in line:
                if current:
                    rows.append(current)
                current = []
            elif line.startswith("\t"):
                current.append(self.cell(line[1:], n + 1, 2))
            elif current:  # continuation: a cell broken over lines
                last = current[-1]
                current[-1] = Cell(last.text + line.strip(), last.loc)
        if current:
            rows.append(current)
        self.table(rows, positional=False)

    def tab_separated(self, region: range) -> None:
        rows: list[list[Cell]] = []
        for n in region:
            line = self.lines[n]
            if not line.strip():
                self.table(rows, positional=True)
                rows = []
                continue
            column = 1
            cells = []
            for part in line.split("\t"):
                cells.append(self.cell(part, n + 1, column + _indent(part)))
                column += len(part) + 1
            rows.append(cells)
        self.table(rows, positional=True)


def _moved(loc: Loc, line: int) -> Loc:
    """A place inside an HTML table of a Markdown file: the line the table starts on, and which cell."""
    return Loc(where=f"第 {line} 行起的表格{loc.where.split('个表格', 1)[-1]}")


def read_text(text: str, file: str, html_tables: HtmlTables | None = None) -> Document:
    """``html_tables`` (Markdown only) reads ``<table>`` blocks; without it they stay text."""
    return _TextReader(text, file, html_tables).read()
