"""Plain-text and Markdown reports → ``Document``.

The renderings found in practice (format.md §7): tab-separated rows; one cell per line (from .docx
copies: each cell on a line starting with a tab, rows separated by blank lines, long cells broken
over lines); ``|`` after every cell, one cell per line (from HTML copies); and Markdown tables.
"""

from __future__ import annotations

import re

from .document import Block, Cell, Document, Loc, Paragraph, Row, Table

_PIPE_CELL = re.compile(r"^(?P<text>.*?)\s*\|(?P<more>(?:\s*\|)*)\s*$")
_MD_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_ARTIFACTS = re.compile(r"\[bookmark:[^\]]*\]|\{#[^}]*\}")


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
    def __init__(self, text: str, file: str) -> None:
        self.lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.file = file
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

    def paragraph(self, i: int) -> None:
        raw = _ARTIFACTS.sub("", self.lines[i])
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


def read_text(text: str, file: str) -> Document:
    return _TextReader(text, file).read()
