"""`check` of many files in worker processes, with the findings of the serial run, in its order.

Each file's own rules (and its previous year and 汇总 units, which it loads itself) run in a
worker, over contiguous runs of the files; the worker also gathers what the rules across files
need of each report (``across.Facts``) and sends back only that and the findings, not the
reports. This process then joins them (L4, R27, the 说明) as the serial run does.
Below ``PARALLEL_FROM`` files, starting the workers costs more than it saves.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path

from .across import Entry, Facts, facts_of, join
from .crash import Crash
from .findings import Finding, has_errors
from .gc_paused import gc_paused
from .pipeline import Loader, Outcome, check_files, contained
from .workspace import Workspace

#: Starting the pool (the forkserver importing the rules, each worker its __main__) costs about
#: as much CPU as checking 15 files; from about twice that, two workers finish first.
PARALLEL_FROM = 40
#: Runs of files per worker: enough that the last run to end leaves the other workers idle only
#: briefly; a run costs a few milliseconds (sending it, its Loader), so not one file each.
RUNS_PER_WORKER = 16
#: Files a run holds at least.
RUN_FILES = 8


@dataclass(frozen=True)
class _Run:
    index: int
    root: Path
    cwd: Path  # paths outside the workspace are shown relative to it, as in the CLI
    paths: tuple[Path, ...]


@dataclass(frozen=True)
class _Sent:
    """One file as a worker sends it back: its own findings and the facts for the join."""

    path: Path
    file: str
    findings: list[Finding]
    facts: Facts | None  # None: the file has no report
    crash: Crash | None


def check_many(paths: list[Path], workspace: Workspace, jobs: int | None = None) -> list[Outcome]:
    """What ``check`` shows of ``pipeline.check_files(paths)``, in ``jobs`` processes (None: one
    per core)."""
    workers = jobs or os.cpu_count() or 1
    if workers <= 1 or len(paths) < PARALLEL_FROM:
        with gc_paused():  # as in a worker's run
            return [Outcome.of(checked) for checked in check_files(paths, Loader(workspace))]
    size = run_size(len(paths), workers)
    cwd = Path.cwd()
    runs = [
        _Run(i, workspace.root, cwd, tuple(paths[start : start + size]))
        for i, start in enumerate(range(0, len(paths), size))
    ]
    from .workers import completed  # noqa: PLC0415  (multiprocessing only when it pays)

    done: dict[int, list[_Sent]] = {}
    for index, sent in completed(_check_run, runs, workers, _crashed):
        done[index] = sent
    files = [one for i in range(len(runs)) for one in done[i]]
    entries = [Entry(one.file, one.findings, one.facts) for one in files]
    join(entries)
    return [
        Outcome(one.path, one.file, entry.findings, _passed(one, entry), one.crash)
        for one, entry in zip(files, entries, strict=True)
    ]


def run_size(files: int, workers: int) -> int:
    """How many files each run holds (the last may hold fewer)."""
    return max(RUN_FILES, math.ceil(files / (workers * RUNS_PER_WORKER)))


def _passed(one: _Sent, entry: Entry) -> bool:
    return one.facts is not None and not has_errors(entry.findings)


def _check_run(run: _Run) -> tuple[int, list[_Sent]]:
    """In a worker: each file of the run checked on its own, as ``check_files`` does."""
    os.chdir(run.cwd)
    loader = Loader(Workspace(run.root))
    facts: dict[int, Facts] = {}  # a report met twice (one file by two names) is one report
    sent = []
    with gc_paused():  # checking makes no reference cycles: collecting would find nothing
        for path in run.paths:
            checked = contained(loader, path)
            report = checked.report
            if report is not None and id(report) not in facts:
                facts[id(report)] = facts_of(path, report)
            known = facts[id(report)] if report is not None else None
            sent.append(_Sent(path, checked.file, checked.findings, known, checked.crash))
    return run.index, sent


def _crashed(run: _Run, exc: BaseException) -> tuple[int, list[_Sent]]:
    """The worker died (killed, out of memory): each of its files says so, the others go on."""
    crash = Crash.of(exc)
    workspace = Workspace(run.root)
    sent = []
    for path in run.paths:
        file = workspace.show(path)
        sent.append(_Sent(path, file, [crash.finding(file, "检查")], None, crash))
    return run.index, sent
