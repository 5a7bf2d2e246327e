"""`genreport export YEAR`: every agency's tables of a year as build/YEAR/tables.xlsx and .csv.

What a 政务公开办 sends upward: one row per agency, one column per printed cell, totals as
formulas. Reports are read and checked through the same pipeline as `check`, so a row whose file
has errors is exported but flagged, and a file that does not load is listed without numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..output import write_atomic
from ..pipeline import check_files
from ..workspace import Workspace
from .agencies import AgencyRow
from .table_csv import csv_bytes
from .workbook import workbook_bytes

WORKBOOK = "tables.xlsx"
CSV = "tables.csv"


@dataclass(frozen=True)
class Exported:
    rows: list[AgencyRow]
    outputs: tuple[Path, ...]

    @property
    def flagged(self) -> list[AgencyRow]:
        return [row for row in self.rows if row.flagged]


def export_year(workspace: Workspace, year: int) -> Exported:
    """Raises ``UsageError`` when the year has no folder."""
    rows = [AgencyRow.from_checked(c) for c in check_files(workspace.year_files(year))]
    folder = workspace.build / str(year)
    targets = (folder / WORKBOOK, folder / CSV)
    write_atomic(targets[0], workbook_bytes(rows, year))
    write_atomic(targets[1], csv_bytes(rows, year))
    return Exported(rows, targets)


__all__ = ["CSV", "WORKBOOK", "Exported", "export_year"]
