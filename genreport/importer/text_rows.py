"""A line of text inside a table section → a table row, for text copied out of a PDF.

PDF viewers, ``pdftotext`` and pdfplumber's ``extract_text`` print a table row as one line in
which cells are separated by single spaces (``一、本年新收政府信息公开申请数量 20 3 1 2 1 4 31``);
labels that wrap in their cell continue on the lines around it, and header cells come one word or
one character at a time. Such a line becomes a row: the words before the trailing numbers are one
label cell (numbering splits it later), each trailing number is a cell of its own; a line without
numbers becomes one cell per word, so header words are seen one by one. The cells keep no column
positions (``positional=False``): the table readers take the numbers in order.
"""

from __future__ import annotations

import re

from .document import Cell, Loc, Paragraph, Row
from .values import Kind, read_value

_WORD = re.compile(r"[^\s\u3000]+")
_GLUED = re.compile(r"(?P<label>.*[^\x00-\x7f])(?P<number>[0-9]+(?:\.[0-9]+)?)")
#: Stand-ins printed instead of a number that are safe to read as cells in a line of words
#: (``无`` is left out: it also ends labels such as ``（四）无``).
_MARKERS = {"/", "\\", "-", "—", "–", "－", "×", "*"}


def _loc(paragraph: Paragraph, start: int) -> Loc:
    if paragraph.loc.line:
        return Loc(paragraph.loc.line, paragraph.loc.column + start)
    return paragraph.loc


def _is_number(word: str) -> bool:
    value = read_value(word)
    return value.kind is Kind.NUMBER or (value.kind is Kind.MARKER and word in _MARKERS)


def _words(text: str) -> list[tuple[int, str]]:
    """The words of a line, a number glued to the label before it split off: no printed label
    of the national format ends in a digit, so ``规章0`` is the label 规章 and the number 0
    (PDF extraction drops the narrow gap between them)."""
    words = []
    for match in _WORD.finditer(text):
        word, start = match.group(), match.start()
        glued = _GLUED.fullmatch(word)
        if glued:
            words.append((start, glued["label"]))
            words.append((start + glued.start("number"), glued["number"]))
        else:
            words.append((start, word))
    return words


def line_row(paragraph: Paragraph, table: int) -> Row:
    """The row a line of words stands for (the line must not be empty)."""
    words = _words(paragraph.text)
    first_value = len(words)
    while first_value > 0 and _is_number(words[first_value - 1][1]):
        first_value -= 1
    cells: list[Cell] = []
    if first_value == len(words):  # no numbers: header words, or a piece of a label
        cells = [Cell(word, _loc(paragraph, start)) for start, word in words]
    else:
        if first_value:
            start = words[0][0]
            end = words[first_value - 1][0] + len(words[first_value - 1][1])
            cells.append(Cell(paragraph.text[start:end], _loc(paragraph, start)))
        cells += [Cell(word, _loc(paragraph, start)) for start, word in words[first_value:]]
    return Row(tuple(cells), cells[0].loc, table, positional=False)


def has_numbers(paragraph: Paragraph) -> bool:
    words = _words(paragraph.text)
    return bool(words) and _is_number(words[-1][1])
