"""R26: a table total that jumped since last year (a misplaced digit, a wrong column, a lost row).

Assessors compare with last year's report first. A total more than five times last year's, or
below a fifth of it, is worth a second look, and so is a row that was large and is now empty. Small
numbers move a lot for no reason (1 → 6 is one busy month), so ratios are taken on values raised to
a floor. A real change is accepted with a 说明 (R26 at the row's 位置).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..findings import Finding
from ..layout import CARRIED_OUT, RECEIVED, RESULTS_TOTAL, T3_RESULT_ROWS, T4_BLOCKS
from ..model import Report
from .base import WARNING, at
from .cells import t3_cell, t4_cell
from .context import PreviousYear

FACTOR = 5
#: Values below the floor count as the floor when comparing: 1 → 6 is not a jump, 2 → 60 is.
FLOOR = 10
#: A row that had at least this many last year and none this year is reported too.
LARGE = 20


@dataclass(frozen=True)
class _Total:
    path: tuple[str, ...]  # in the input file
    cell: str
    ratio: bool  # compared by ratio (totals); otherwise only "large → 0" (result rows)


def _totals() -> tuple[_Total, ...]:
    t3 = [
        _Total(("依申请公开", *key), t3_cell(key, "总计"), True)
        for key in (RECEIVED, RESULTS_TOTAL, CARRIED_OUT)
    ]
    rows = [_Total(("依申请公开", *r.key), t3_cell(r.key, "总计"), False) for r in T3_RESULT_ROWS]
    t4 = [_Total(block, t4_cell(block), True) for block in T4_BLOCKS]
    return (*t3, *rows, *t4)


TOTALS = _totals()


def _value(report: Report, path: tuple[str, ...]) -> int:
    if path[0] == "依申请公开":
        return report.t3.shown_row(path[1:])[6]
    return report.t4.blocks[path].shown_total


def _jump(now: int, before: int, by_ratio: bool) -> str | None:
    """How the value moved, in words, when it moved too much; else None."""
    if before >= LARGE and now == 0:
        return f"本年度为 0，上一年度为 {before}"
    if not by_ratio:
        return None
    high, low = max(now, FLOOR), max(before, FLOOR)
    if high > FACTOR * low:
        times = "" if before == 0 else f"，是上一年度的 {now / before:.1f} 倍"
        return f"本年度为 {now}，上一年度为 {before}{times}"
    if high * FACTOR < low:
        return f"本年度为 {now}，上一年度为 {before}，不到上一年度的五分之一"
    return None


def r26_year_over_year_jump(report: Report, previous: PreviousYear | None) -> Iterator[Finding]:
    if previous is None or previous.report is None:
        return
    last = previous.report
    for total in TOTALS:
        now, before = _value(report, total.path), _value(last, total.path)
        moved = _jump(now, before, total.ratio)
        if moved is None:
            continue
        where = f"{previous.file}:{last.pos(*total.path).line}"
        yield at(
            report,
            "R26",
            WARNING,
            total.path,
            f"{'.'.join(total.path)}：总计{moved}（{where}）；请核实数字，"
            f"确属实际变化的，在“说明”中写明原因（规则: R26，位置: {'.'.join(total.path)}）",
            total.cell,
        )
