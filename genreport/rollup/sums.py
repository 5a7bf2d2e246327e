"""Adding tables up, cell by cell: the arithmetic of a roll-up, nothing else."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ..layout import T2_COUNT_ROWS, T2_DOC_ROWS, T3_INPUT_ROWS, T4_BLOCKS
from ..model import T2, T3, T4, Counts


def add_counts(rows: Sequence[Counts], width: int) -> Counts:
    """Column sums of the values; a stated total of a unit is that unit's business (R3)."""
    return Counts(tuple(sum(row.values[i] for row in rows) for i in range(width)))


def add_t2(tables: Sequence[T2], documents_from: T2 | None = None) -> T2:
    """``documents_from``: take 规章/规范性文件 from that one table instead of summing them."""
    if documents_from is None:
        documents = {row: add_counts([t.documents[row] for t in tables], 3) for row in T2_DOC_ROWS}
    else:
        documents = dict(documents_from.documents)
    decisions = {row: sum(t.decisions[row] for t in tables) for row in T2_COUNT_ROWS}
    return T2(documents, decisions, sum((t.fee for t in tables), Decimal(0)))


def add_t3(tables: Sequence[T3]) -> T3:
    return T3({row.key: add_counts([t.rows[row.key] for t in tables], 6) for row in T3_INPUT_ROWS})


def add_t4(tables: Sequence[T4]) -> T4:
    return T4({block: add_counts([t.blocks[block] for t in tables], 4) for block in T4_BLOCKS})
