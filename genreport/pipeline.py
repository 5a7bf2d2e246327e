"""load → check for a set of files: what `check` prints and what `build` renders from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .check import PreviousYear, check_report
from .crash import Crash
from .findings import Finding, has_errors, sort_findings
from .load import Loaded, load_file
from .model import Report
from .workspace import Workspace, previous_year_file


@dataclass
class Checked:
    path: Path
    file: str
    report: Report | None
    findings: list[Finding] = field(default_factory=list)
    #: genreport failed on this file (an X1 finding says so); the traceback is for --debug.
    crash: Crash | None = None

    @property
    def ok(self) -> bool:
        return self.report is not None and not has_errors(self.findings)


class Loader:
    """Loads each file once, so a year's reports and their previous years share the work."""

    def __init__(self) -> None:
        self._cache: dict[Path, Loaded] = {}

    def load(self, path: Path) -> Loaded:
        key = path.resolve()
        if key not in self._cache:
            self._cache[key] = load_file(path, Workspace.display(path))
        return self._cache[key]

    def previous(self, path: Path) -> PreviousYear:
        prev_path = previous_year_file(path)
        if prev_path is None:
            return PreviousYear(Workspace.display(path.parent), None, "no-year-folder")
        file = Workspace.display(prev_path)
        if not prev_path.is_file():
            return PreviousYear(file, None, "missing")
        loaded = self.load(prev_path)
        return PreviousYear(file, loaded.report, None if loaded.report else "invalid")


def check_files(paths: list[Path], loader: Loader | None = None) -> list[Checked]:
    """Each file loaded and checked; a bug in genreport on one file is an X1 finding for it."""
    loader = loader or Loader()
    return [check_one(path, loader) for path in paths]


def check_one(path: Path, loader: Loader) -> Checked:
    try:
        loaded = loader.load(path)
        findings = list(loaded.findings)
        if loaded.report is not None:
            findings += check_report(loaded.report, loader.previous(path))
        return Checked(path, loaded.file, loaded.report, sort_findings(findings))
    except Exception as exc:  # a bug: contained to this file
        crash = Crash.of(exc)
        file = Workspace.display(path)
        return Checked(path, file, None, [crash.finding(file, "检查")], crash)
