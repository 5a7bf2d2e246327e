"""T4 arithmetic: R8, each block's outcomes add up to its 总计."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..layout import T4_BLOCKS, T4_OUTCOMES, t4_block_label
from ..model import Report
from .base import ERROR, at, plus
from .cells import t4_cell
from .context import PreviousYear


def r8_block_totals(report: Report, _: PreviousYear | None) -> Iterator[Finding]:
    for block in T4_BLOCKS:
        counts = report.t4.blocks[block]
        if counts.stated_total is None or counts.stated_total == counts.total:
            continue
        yield at(
            report,
            "R8",
            ERROR,
            (*block, "总计"),
            f"{t4_block_label(block)}：总计写的是 {counts.stated_total}，"
            f"但 {plus(zip(T4_OUTCOMES, counts.values, strict=True))}",
            t4_cell(block),
        )
