"""A table row split into its label cells and its value cells."""

from __future__ import annotations

from dataclasses import dataclass

from .document import Cell, Row
from .notes import Notes
from .rules import INFO
from .values import Kind, Value, is_footer, read_value


@dataclass(frozen=True)
class Slot:
    index: int  # column in the printed table when the row is positional
    cell: Cell
    value: Value


@dataclass(frozen=True)
class SplitRow:
    row: Row
    labels: tuple[Cell, ...]  # the text cells before the values, merged-cell copies collapsed
    values: tuple[Slot, ...]  # first to last number or “/”, blanks between them included
    footers: tuple[Cell, ...]  # page footers found among the cells, left out of both

    @property
    def label_text(self) -> str:
        return " ".join(c.text for c in self.labels)

    @property
    def is_empty(self) -> bool:
        return not self.labels and not self.values


def split_row(row: Row) -> SplitRow:
    footers = tuple(c for c in row.cells if c.text and is_footer(c.text))
    cells = [(i, c, read_value(c.text)) for i, c in enumerate(row.cells) if c not in footers]
    last_text = max((n for n, (_, _, v) in enumerate(cells) if v.kind is Kind.TEXT), default=-1)
    labels: list[Cell] = []
    for _, cell, value in cells[: last_text + 1]:
        if value.kind is Kind.BLANK:
            continue
        if labels and labels[-1].text == cell.text and not cell.origin:
            continue  # the copies a span leaves behind
        labels.append(cell)
    rest = [(i, c, v) for i, c, v in cells[last_text + 1 :] if c.origin]
    marks = [n for n, (_, _, v) in enumerate(rest) if v.is_value]
    values = rest[marks[0] : marks[-1] + 1] if marks else []
    return SplitRow(row, tuple(labels), tuple(Slot(i, c, v) for i, c, v in values), footers)


def split_and_note_footers(row: Row, notes: Notes) -> SplitRow:
    """``split_row``, reporting each page footer found among the cells (I9)."""
    split = split_row(row)
    for footer in split.footers:
        notes.add(None, footer.loc, "I9", INFO, f"表格中的页脚「{footer.text}」已略去")
    return split
