"""load → check for a set of files: what `check` prints and what `build` renders from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .check import PreviousYear, check_report
from .check.agencies import l4_same_agency
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

    @property
    def ok(self) -> bool:
        return self.report is not None and not has_errors(self.findings)


class Loader:
    """Loads each file once, so a year's reports and their previous years share the work.

    Files are named relative to ``workspace`` (by default the one found from the current folder).
    """

    def __init__(self, workspace: Workspace | None = None) -> None:
        self.workspace = workspace or Workspace.find(Path.cwd())
        self._cache: dict[Path, Loaded] = {}

    def load(self, path: Path) -> Loaded:
        key = path.resolve()
        if key not in self._cache:
            self._cache[key] = load_file(path, self.workspace.show(path))
        return self._cache[key]

    def previous(self, path: Path) -> PreviousYear:
        prev_path = previous_year_file(path)
        if prev_path is None:
            return PreviousYear(self.workspace.show(path.parent), None, "no-year-folder")
        file = self.workspace.show(prev_path)
        if not prev_path.is_file():
            return PreviousYear(file, None, "missing")
        loaded = self.load(prev_path)
        return PreviousYear(file, loaded.report, None if loaded.report else "invalid")


def check_files(paths: list[Path], loader: Loader | None = None) -> list[Checked]:
    """Load and check each file; rules across files (L4) see the files checked together."""
    loader = loader or Loader()
    results = []
    for path in paths:
        loaded = loader.load(path)
        findings = list(loaded.findings)
        if loaded.report is not None:
            findings += check_report(loaded.report, loader.previous(path))
        results.append(Checked(path, loaded.file, loaded.report, findings))
    reports = [(r.path, r.report) for r in results if r.report is not None]
    by_file = {r.file: r for r in results}
    for finding in l4_same_agency(reports):
        by_file[finding.file].findings.append(finding)
    for result in results:
        result.findings = sort_findings(result.findings)
    return results
