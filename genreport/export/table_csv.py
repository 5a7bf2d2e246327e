"""tables.csv: the same rows as the workbook, one column per cell, keyed by the input paths."""

from __future__ import annotations

import csv
import io

from ..filters import money
from .agencies import INFO_COLUMNS, AgencyRow
from .columns import COLUMNS, values


def csv_bytes(rows: list[AgencyRow], year: int) -> bytes:
    """UTF-8 with a byte-order mark: Excel on Chinese Windows then opens it without mojibake."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([key for key, _ in INFO_COLUMNS] + [c.key for c in COLUMNS])
    for row in rows:
        cells = values(row.report) if row.report else {}
        numbers = [
            (money(cells[c.key]) if c.money else str(cells[c.key])) if cells else ""  # type: ignore[arg-type]
            for c in COLUMNS
        ]
        writer.writerow([*row.info(year), *numbers])
    return buffer.getvalue().encode("utf-8-sig")
