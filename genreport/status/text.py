"""The board as aligned plain-text lines for the terminal (CJK characters are two columns wide).

Laid out here rather than by a table widget: a year of 500 agencies must print in a blink, and
the CLI only colours the lines.
"""

from __future__ import annotations

import unicodedata

from ..figures import FIGURE_LABELS, RATE_LABELS
from .board import Board, Row

HEADERS = (
    "机关",
    "简称",
    "状态",
    "发布日期",
    "逾期",
    "错误",
    "警告",
    *FIGURE_LABELS.values(),
    *(label for label, _ in RATE_LABELS.values()),
)
_LEFT = 4  # columns 机关 … 发布日期 are text; the rest are numbers, aligned right


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cells(row: Row) -> list[str]:
    if row.figures is None:
        numbers = ["—"] * (len(FIGURE_LABELS) + len(RATE_LABELS))
    else:
        numbers = [str(v) for v in row.figures.counts().values()]
        numbers += [rate.percent() for rate in row.figures.rates().values()]
    status = "已报" if row.present else f"缺报（{'、'.join(row.listed_by)} 汇总）"
    return [
        row.agency or row.slug,
        row.slug,
        status,
        row.published.isoformat() if row.published else "—",
        "—" if row.late_days is None else str(row.late_days),
        str(row.errors),
        str(row.warnings),
        *numbers,
    ]


def board_lines(board: Board) -> list[tuple[str, bool]]:
    """(line, is a missing report) for the header, a rule, and one line per agency."""
    table = [list(HEADERS), *(_cells(r) for r in board.rows)]
    widths = [max(width(row[i]) for row in table) for i in range(len(HEADERS))]

    def line(cells: list[str]) -> str:
        padded = []
        for i, (cell, w) in enumerate(zip(cells, widths, strict=True)):
            pad = " " * (w - width(cell))
            padded.append(cell + pad if i < _LEFT else pad + cell)
        return "  ".join(padded).rstrip()

    lines = [(line(table[0]), False), ("  ".join("─" * w for w in widths), False)]
    lines += [
        (line(cells), not row.present) for cells, row in zip(table[1:], board.rows, strict=True)
    ]
    return lines
