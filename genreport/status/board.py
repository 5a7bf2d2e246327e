"""The rows of the status board: who reported, when, with how many problems, and key figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..check.dates import deadline
from ..figures import Figures, figures
from ..findings import Finding, Severity
from ..pipeline import Loader
from ..rollup import unit_path
from ..workspace import Workspace


@dataclass(frozen=True)
class Row:
    slug: str
    file: str
    #: False: listed under some 汇总 but there is no file (缺报).
    present: bool
    agency: str | None = None
    listed_by: tuple[str, ...] = ()  # slugs of the reports whose 汇总 lists this one
    units: tuple[str, ...] = ()  # this report's own 汇总
    published: dt.date | None = None
    due: dt.date | None = None
    findings: tuple[Finding, ...] = ()
    figures: Figures | None = None  # None when the report (or its roll-up) cannot be read

    @property
    def errors(self) -> int:
        return sum(f.severity is Severity.ERROR for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity is Severity.WARNING for f in self.findings)

    @property
    def late_days(self) -> int | None:
        """Days past the deadline (R22); 0 when on time; None without a date."""
        if self.published is None or self.due is None:
            return None
        return max((self.published - self.due).days, 0)


@dataclass
class Board:
    year: int
    rows: list[Row] = field(default_factory=list)

    @property
    def missing(self) -> list[Row]:
        return [r for r in self.rows if not r.present]


def make_board(workspace: Workspace, year: int, loader: Loader | None = None) -> Board:
    """Every file of ``inputs/YEAR/``, then every slug some 汇总 lists that has no file."""
    loader = loader or Loader(workspace)
    paths = workspace.year_files(year)
    rows: list[Row] = []
    listed: dict[str, list[str]] = {}
    for path in paths:
        raw = loader.load(path).report
        if raw is not None and raw.rollup is not None:
            for slug in raw.rollup.units:
                listed.setdefault(slug, []).append(path.stem)
    for path in paths:
        rows.append(_row(loader, path, tuple(listed.get(path.stem, ()))))
    present = {p.stem for p in paths}
    folder = workspace.inputs / str(year)
    for slug in sorted(set(listed) - present):
        file = workspace.show(unit_path(folder / "_", slug))
        rows.append(Row(slug, file, present=False, listed_by=tuple(listed[slug])))
    return Board(year, rows)


def _row(loader: Loader, path: Path, listed_by: tuple[str, ...]) -> Row:
    checked = loader.check(path)
    raw = loader.load(path).report  # the file as written: its name and date even when a sum fails
    return Row(
        slug=path.stem,
        file=checked.file,
        present=True,
        agency=raw.agency if raw else None,
        listed_by=listed_by,
        units=raw.rollup.units if raw and raw.rollup else (),
        published=raw.published if raw else None,
        due=deadline(raw) if raw else None,
        findings=tuple(checked.findings),
        figures=figures(checked.report) if checked.report else None,
    )
