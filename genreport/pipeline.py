"""load → roll up → check for a set of files: what `check` prints and what `build` renders from."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from . import rollup
from .across import Entry, Facts, facts_of, join
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
    #: The same agency's previous year, as the rules and ``{{ 上年.… }}`` saw it.
    previous: PreviousYear | None = None
    #: genreport failed on this file (an X1 finding says so); the traceback is for --debug.
    crash: Crash | None = None

    @property
    def ok(self) -> bool:
        return self.report is not None and not has_errors(self.findings)


@dataclass(frozen=True)
class Outcome:
    """What ``check`` shows of one file, without the report: its findings, whether it passed."""

    path: Path
    file: str
    findings: list[Finding]
    ok: bool
    crash: Crash | None = None

    @classmethod
    def of(cls, checked: Checked) -> Outcome:
        return cls(checked.path, checked.file, checked.findings, checked.ok, checked.crash)


class Loader:
    """Loads, rolls up and checks each file once, so a year's reports, their 汇总 units and their
    previous years share the work.

    Files are named relative to ``workspace`` (by default the one found from the current folder).
    """

    def __init__(self, workspace: Workspace | None = None) -> None:
        self.workspace = workspace or Workspace.find(Path.cwd())
        self._cache: dict[Path, Loaded] = {}
        self._rolled: dict[Path, Loaded] = {}
        self._checked: dict[Path, Checked] = {}
        #: Roll-ups being computed, outermost first: meeting one again is a cycle.
        self._active: list[Path] = []
        #: Files found on a cycle → the cycle's slugs starting (and ending) at that file.
        self._cycles: dict[Path, tuple[str, ...]] = {}
        self._resolved: dict[Path, Path] = {}

    def _key(self, path: Path) -> Path:
        """The file ``path`` names, once per run: resolving costs a system call per folder."""
        key = self._resolved.get(path)
        if key is None:
            key = self._resolved[path] = path.resolve()
        return key

    def load(self, path: Path) -> Loaded:
        """The file as written (tables a 汇总 computes are still absent)."""
        key = self._key(path)
        if key not in self._cache:
            self._cache[key] = load_file(path, self.workspace.show(path))
        return self._cache[key]

    def rolled(self, path: Path) -> Loaded:
        """The file as every later stage sees it: 汇总 tables computed, roll-up findings added."""
        key = self._key(path)
        if key in self._rolled:
            return self._rolled[key]
        loaded = self.load(path)
        if loaded.report is None or loaded.report.rollup is None:
            result = loaded
        else:
            self._active.append(key)
            try:
                units = [self._unit(path, slug) for slug in loaded.report.rollup.units]
            finally:
                self._active.pop()
            cycle = self._cycles.get(key)
            if cycle:  # every file on a cycle says so, at the entry that leads around it
                units = [
                    rollup.Unit(u.slug, u.file, None, "cycle", cycle) if u.slug == cycle[1] else u
                    for u in units
                ]
            report, findings = rollup.compute(loaded.report, units)
            result = Loaded(loaded.file, report, [*loaded.findings, *findings])
        self._rolled[key] = result
        return result

    def _unit(self, parent: Path, slug: str) -> rollup.Unit:
        path = rollup.unit_path(parent, slug)
        file = self.workspace.show(path)
        if not path.is_file():
            return rollup.Unit(slug, file, None, "missing")
        key = self._key(path)
        if len(self._active) >= rollup.MAX_DEPTH:
            return rollup.Unit(slug, file, None, "too-deep")
        if key in self._active:
            members = self._active[self._active.index(key) :]
            slugs = [p.stem for p in members]
            for i, member in enumerate(members):
                self._cycles[member] = (*slugs[i:], *slugs[:i], slugs[i])
            return rollup.Unit(slug, file, None, "cycle", self._cycles[self._active[-1]])
        loaded = self.rolled(path)
        return rollup.Unit(slug, file, loaded.report, None if loaded.report else "invalid")

    def previous(self, path: Path) -> PreviousYear:
        prev_path = previous_year_file(path)
        if prev_path is None:
            return PreviousYear(self.workspace.show(path.parent), None, "no-year-folder")
        file = self.workspace.show(prev_path)
        if not prev_path.is_file():
            return PreviousYear(file, None, "missing")
        loaded = self.rolled(prev_path)
        return PreviousYear(file, loaded.report, None if loaded.report else "invalid")

    def check(self, path: Path) -> Checked:
        key = self._key(path)
        if key in self._checked:
            return self._checked[key]
        loaded = self.rolled(path)
        findings = list(loaded.findings)
        report = loaded.report
        previous = None
        if report is not None:
            previous = self.previous(path)
            findings += check_report(report, previous)
            if report.rollup is not None:
                findings += self._unit_errors(path, report)
        checked = Checked(path, loaded.file, report, sort_findings(findings), previous)
        self._checked[key] = checked
        return checked

    def _unit_errors(self, path: Path, report: Report) -> list[Finding]:
        """A unit with errors makes its parent say so: the parent cannot be right while it is wrong.

        Only reached when every unit rolled up, so there is no cycle to walk into.
        """
        assert report.rollup is not None
        findings = []
        for slug in report.rollup.units:
            unit_path = rollup.unit_path(path, slug)
            unit = self.check(unit_path)
            errors = sum(f.is_error for f in unit.findings)
            if errors:
                findings.append(
                    rollup.unit_errors(report, rollup.Unit(slug, unit.file, unit.report), errors)
                )
        return findings


def check_files(paths: list[Path], loader: Loader | None = None) -> list[Checked]:
    """Every file's rules, then the rules across the files checked together (L4 within the set,
    R27 within each year), then each file's 说明 applied to what the rules found."""
    loader = loader or Loader()
    return across_files([contained(loader, path) for path in paths])


def across_files(results: list[Checked]) -> list[Checked]:
    """Each file's results (in the order given) with the rules across them added, 说明 applied."""
    facts: dict[int, Facts] = {}  # a report met twice (one file by two names) is one report
    for r in results:
        if r.report is not None and id(r.report) not in facts:
            facts[id(r.report)] = facts_of(r.path, r.report)
    entries = [
        Entry(r.file, r.findings, facts[id(r.report)] if r.report is not None else None)
        for r in results
    ]
    join(entries)
    for result, entry in zip(results, entries, strict=True):
        result.findings = entry.findings
    return results


def contained(loader: Loader, path: Path) -> Checked:
    """One file checked; a bug in genreport on it is an X1 finding for it, the others go on."""
    try:
        return dataclasses.replace(loader.check(path))
    except Exception as exc:
        crash = Crash.of(exc)
        file = loader.workspace.show(path)
        return Checked(path, file, None, [crash.finding(file, "检查")], crash=crash)
