"""Places where a table can be read more than one way, each way a ``Reading``.

The table readers read literally (numbers in order, the first of two rows with one label) and
record, where the source allows other readings, what those would put in the table; the printed
totals then decide between them (``by_totals``). Such places are: a row with more or fewer
numbers than columns (which column is missing, which number is extra, two numbers run together
by OCR or a copy), and two source rows that claim one standard row (which row is which).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .document import Cell, Loc
from .notes import Note
from .rows import Slot
from .values import read_value

Key = tuple[str, ...]
#: A row's numbers as a reading puts them: the columns, and the printed 总计 (None: not printed).
Cells = tuple[tuple[int, ...], int | None]


@dataclass(frozen=True)
class Reading:
    how: str  # what this reading takes the source to say, completing “……读作{how}”
    rows: dict[Key, Cells] = field(default_factory=dict)  # rows it sets, the rest as read
    notes: tuple[Note, ...] = ()  # what it must tell the user when chosen (blank cells …)
    replaces: tuple[Note, ...] = ()  # the literal reading's notes it makes untrue


@dataclass(frozen=True)
class Choice:
    what: str  # the ambiguous place, for messages: 表三「…」一行印了 8 个数
    loc: Loc
    readings: tuple[Reading, ...]  # [0] is the literal reading, the one already in the table


def layouts(
    values: tuple[Slot, ...], columns: int, *, keep_last: bool = True
) -> Iterator[tuple[str, list[Slot | None]]]:
    """The other ways ``values`` can fill ``columns`` cells than the literal one.

    More numbers than columns: any run of ``columns`` numbers (the literal one is the last run,
    or the first unless ``keep_last``). Fewer: the printed numbers in order with the missing
    cells anywhere (the literal one: missing at the end), and (one short) a number of several
    digits that is two numbers run together.
    """
    n = len(values)
    if n > columns:
        for start in range(0 if keep_last else 1, n - columns + (0 if keep_last else 1)):
            yield f"第 {start + 1}–{start + columns} 个数", list(values[start : start + columns])
        return
    if n == columns or n < columns - 2:
        return
    for missing in _gaps(columns, columns - n):
        if missing == tuple(range(n, columns)):
            continue  # the literal reading: in order, the last cells (总计) not printed
        slots: list[Slot | None] = list(values)
        for index in missing:
            slots.insert(index, None)
        shown = "、".join(f"第 {i + 1} 列" for i in missing)
        yield f"{shown}没有印（按 0）", slots
    if n != columns - 1:
        return
    for k, slot in enumerate(values):
        text = slot.value.text
        if not text.isdigit():
            continue
        for cut in range(1, len(text)):
            head, tail = text[:cut], text[cut:]
            if len(tail) > 1 and tail.startswith("0"):
                continue
            parts = [_part(slot, head), _part(slot, tail)]
            yield (
                f"“{text}”是连在一起的两个数“{head}”“{tail}”",
                [
                    *values[:k],
                    *parts,
                    *values[k + 1 :],
                ],
            )


def _gaps(columns: int, count: int) -> Iterator[tuple[int, ...]]:
    if count == 1:
        yield from ((i,) for i in range(columns))
    elif count == 2:
        yield from ((i, j) for i in range(columns) for j in range(i + 1, columns))


def _part(slot: Slot, text: str) -> Slot:
    cell = slot.cell
    return Slot(slot.index, Cell(text, cell.loc, cell.origin, cell.ocr_score), read_value(text))
