"""load → check for a set of files: what `check` prints and what `build` renders from."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .check import PreviousYear, check_report
from .check.same_year import r27_same_year_copying
from .explanations import apply_explanations
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
    #: The same agency's previous year, as the rules and ``{{ 上年.… }}`` saw it.
    previous: PreviousYear | None = None

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
    """Every file's rules, then the rules across the files of a year checked together (R27), then
    each file's 说明 applied to what the rules found."""
    loader = loader or Loader()
    results = []
    for path in paths:
        loaded = loader.load(path)
        findings = list(loaded.findings)
        previous = None
        if loaded.report is not None:
            previous = loader.previous(path)
            findings += check_report(loaded.report, previous)
        results.append(Checked(path, loaded.file, loaded.report, findings, previous))
    by_year: defaultdict[int, list[Report]] = defaultdict(list)
    for result in results:
        if result.report is not None:
            by_year[result.report.year].append(result.report)
    for reports in by_year.values():
        if len(reports) > 1:
            copied = r27_same_year_copying(reports)
            for result in results:
                if result.report is not None:
                    result.findings += copied.get(result.report.file, [])
    for result in results:
        if result.report is not None:
            result.findings = apply_explanations(result.report, result.findings)
        result.findings = sort_findings(result.findings)
    return results
