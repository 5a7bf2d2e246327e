"""The three statistics tables as one render-neutral model: rows of cells with their spans.

Built from ``layout.py`` alone, so every renderer (the Word template generator, HTML, Markdown)
prints the same labels with the same merges. A number cell carries a ``key`` (``t3_r01_c1``):
the HTML and Markdown renderers read its ``text``; the Word template holds ``{{ n.<key> }}`` in
that cell and the render context maps each key to its formatted value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..filters import count, money
from ..layout import (
    APPLICANT_COLUMNS,
    LITIGATION_AFTER_REVIEW,
    LITIGATION_DIRECT,
    RESULTS,
    RESULTS_LABEL,
    REVIEW,
    SECTION_HEADINGS,
    T2_BLOCKS,
    T2_DOC_COLUMN_LABELS,
    T2_DOC_ROWS,
    T2_FEE_ROW,
    T3_COLUMNS,
    T3_NOTE,
    T3_ROWS,
    T4_BLOCKS,
    T4_COLUMNS,
)
from ..model import Report

#: Cell kinds. ``caption``: a T2 block caption row; ``head``: a column header; ``label``: a row
#: label; ``note``: T3's printed 勾稽 note; ``number``: a value.
CellKind = str

#: Where the value of a number cell comes from: key → printed text.
Values = Callable[[str], str]


@dataclass(frozen=True)
class Cell:
    text: str
    kind: CellKind
    rowspan: int = 1
    colspan: int = 1
    key: str | None = None  # number cells only

    @property
    def is_header(self) -> bool:
        return self.kind != "number"

    @property
    def scope(self) -> str | None:
        """The HTML ``<th scope>``: what this header cell labels."""
        if self.kind == "number":
            return None
        if self.kind in ("caption", "note"):
            return "colgroup" if self.kind == "caption" else None
        if self.kind == "head":
            return "colgroup" if self.colspan > 1 else "col"
        return "rowgroup" if self.rowspan > 1 else "row"


@dataclass(frozen=True)
class Table:
    id: str  # t2 | t3 | t4
    caption: str
    columns: int
    #: Leading rows that are the column header (repeated when the table breaks across pages).
    header_rows: int
    rows: tuple[tuple[Cell, ...], ...]  # each row lists only the cells that start in it
    #: Relative column widths in per mille of the table's width (they sum to 1000).
    widths: tuple[int, ...]

    def grid(self) -> list[list[tuple[Cell, bool]]]:
        """Every slot of the table: the cell covering it and whether the cell starts there."""
        slots: list[list[tuple[Cell, bool] | None]] = [
            [None] * self.columns for _ in range(len(self.rows))
        ]
        for r, row in enumerate(self.rows):
            c = 0
            for cell in row:
                while slots[r][c] is not None:
                    c += 1
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        if slots[r + dr][c + dc] is not None:
                            raise ValueError(f"{self.id}: cells overlap at row {r + dr}")
                        slots[r + dr][c + dc] = (cell, dr == 0 and dc == 0)
                c += cell.colspan
        complete = []
        for r, slot_row in enumerate(slots):
            if any(s is None for s in slot_row):
                raise ValueError(f"{self.id}: row {r} is not fully covered")
            complete.append([s for s in slot_row if s is not None])
        return complete

    @property
    def numbers(self) -> list[Cell]:
        return [cell for row in self.rows for cell in row if cell.kind == "number"]


def t2_key(block: int, row: int, column: int | None = None) -> str:
    """1-based block, row within the block and (for 规章 / 行政规范性文件) column."""
    return f"t2_b{block}_r{row}" + (f"_c{column}" if column is not None else "")


def t3_key(row: int, column: int) -> str:
    """1-based printed row number (1–25) and data column (1–7, 7 = 总计)."""
    return f"t3_r{row:02d}_c{column}"


def t4_key(block: int, column: int) -> str:
    """1-based block (行政复议, 未经复议直接起诉, 复议后起诉) and column (5 = 总计)."""
    return f"t4_b{block}_c{column}"


def report_values(report: Report) -> dict[str, str]:
    """Every number cell of the three tables, formatted as printed (zeros included)."""
    values: dict[str, str] = {}
    t2 = report.t2
    for b, block in enumerate(T2_BLOCKS, start=1):
        for r, name in enumerate(block.rows, start=1):
            if name in T2_DOC_ROWS:
                for c, value in enumerate(t2.documents[name].values, start=1):
                    values[t2_key(b, r, c)] = count(value)
            elif name == T2_FEE_ROW:
                values[t2_key(b, r)] = money(t2.fee)
            else:
                values[t2_key(b, r)] = count(t2.decisions[name])
    for row in T3_ROWS:
        for c, value in enumerate(report.t3.shown_row(row.key), start=1):
            values[t3_key(row.number, c)] = count(value)
    for b, block_key in enumerate(T4_BLOCKS, start=1):
        counts = report.t4.blocks[block_key]
        for c, value in enumerate((*counts.values, counts.shown_total), start=1):
            values[t4_key(b, c)] = count(value)
    return values


def _caption(index: int) -> str:
    return SECTION_HEADINGS[index].split("、", 1)[1]


def t2_table(values: Values) -> Table:
    rows: list[tuple[Cell, ...]] = []
    for b, block in enumerate(T2_BLOCKS, start=1):
        rows.append((Cell(block.caption, "caption", colspan=4),))
        if block.rows == T2_DOC_ROWS:
            rows.append(
                (Cell("信息内容", "head"), *(Cell(label, "head") for label in T2_DOC_COLUMN_LABELS))
            )
            for r, name in enumerate(block.rows, start=1):
                keys = [t2_key(b, r, c) for c in range(1, 4)]
                rows.append(
                    (
                        Cell(name, "label"),
                        *(Cell(values(k), "number", key=k) for k in keys),
                    )
                )
        else:
            rows.append((Cell("信息内容", "head"), Cell(block.column_label, "head", colspan=3)))
            for r, name in enumerate(block.rows, start=1):
                key = t2_key(b, r)
                rows.append((Cell(name, "label"), Cell(values(key), "number", colspan=3, key=key)))
    return Table("t2", _caption(1), 4, 0, tuple(rows), (310, 230, 230, 230))


def t3_table(values: Values) -> Table:
    people = APPLICANT_COLUMNS[0]
    organisations = APPLICANT_COLUMNS[1:]
    rows: list[tuple[Cell, ...]] = [
        (
            Cell(T3_NOTE, "note", rowspan=3, colspan=3),
            Cell("申请人情况", "head", colspan=7),
        ),
        (
            Cell(people, "head", rowspan=2),
            Cell("法人或其他组织", "head", colspan=5),
            Cell(T3_COLUMNS[-1], "head", rowspan=2),
        ),
        tuple(Cell(name, "head") for name in organisations),
    ]
    results = [r for r in T3_ROWS if r.key[0] == RESULTS]
    first_result = results[0].number
    seen_groups: set[str] = set()
    for row in T3_ROWS:
        numbers = tuple(
            Cell(values(key), "number", key=key)
            for key in (t3_key(row.number, c) for c in range(1, len(T3_COLUMNS) + 1))
        )
        labels: list[Cell] = []
        if row.number == first_result:
            labels.append(Cell(RESULTS_LABEL, "label", rowspan=len(results)))
        if row not in results:
            labels.append(Cell(row.label, "label", colspan=3))
        elif row.group is None:
            labels.append(Cell(row.label, "label", colspan=2))
        else:
            if row.group not in seen_groups:
                seen_groups.add(row.group)
                size = sum(1 for r in T3_ROWS if r.group == row.group)
                labels.append(Cell(row.group_label or row.group, "label", rowspan=size))
            labels.append(Cell(row.label, "label"))
        rows.append((*labels, *numbers))
    # Sized for 五号 text (tests/render/test_table_fit.py): the first label column holds three
    # characters a line (三、本/年度办/理结果), the second four (（三）不/予公开), the third the
    # longest single-line labels whole (13); 自然人 needs three, the other headers two.
    widths = (88, 112, 328, 88, *(64,) * 6)
    return Table("t3", _caption(2), 10, 3, tuple(rows), widths)


def t4_table(values: Values) -> Table:
    outcome_heads = tuple(Cell(name, "head") for name in T4_COLUMNS)
    rows: tuple[tuple[Cell, ...], ...] = (
        (
            Cell(REVIEW[0], "head", colspan=5),
            Cell(LITIGATION_DIRECT[0], "head", colspan=10),
        ),
        (
            *(Cell(name, "head", rowspan=2) for name in T4_COLUMNS),
            Cell(LITIGATION_DIRECT[1], "head", colspan=5),
            Cell(LITIGATION_AFTER_REVIEW[1], "head", colspan=5),
        ),
        (*outcome_heads, *outcome_heads),
        tuple(
            Cell(values(key), "number", key=key)
            for key in (
                t4_key(b, c)
                for b in range(1, len(T4_BLOCKS) + 1)
                for c in range(1, len(T4_COLUMNS) + 1)
            )
        ),
    )
    widths = (67,) * 10 + (66,) * 5
    return Table("t4", _caption(3), 15, 3, rows, widths)


def tables(values: Values) -> tuple[Table, Table, Table]:
    return t2_table(values), t3_table(values), t4_table(values)


def placeholder(key: str) -> str:
    """What the Word template holds in a number cell."""
    return f"{{{{ n.{key} }}}}"
