"""`check` of many files in worker processes, with the findings of the serial run, in its order.

Each file's own rules (and its previous year and 汇总 units, which it loads itself) run in a
worker, over contiguous runs of the files; the rules across files (L4, R27) and the 说明 run
afterwards in this process over all of them (``pipeline.across_files``), as they do serially.
Below ``PARALLEL_FROM`` files, starting the workers costs more than it saves.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, replace
from pathlib import Path

from .crash import Crash
from .pipeline import Checked, Loader, across_files, check_files, contained
from .workspace import Workspace

#: Starting the pool (the forkserver importing the rules, each worker its __main__) costs about
#: as much CPU as checking 15 files; from about twice that, two workers finish first.
PARALLEL_FROM = 40
#: Runs of files per worker: enough that one slow run does not leave the other workers idle.
RUNS_PER_WORKER = 4


@dataclass(frozen=True)
class _Run:
    index: int
    root: Path
    cwd: Path  # paths outside the workspace are shown relative to it, as in the CLI
    paths: tuple[Path, ...]


def check_many(paths: list[Path], workspace: Workspace, jobs: int | None = None) -> list[Checked]:
    """``pipeline.check_files(paths)`` in ``jobs`` processes (None: one per core).

    The results are the serial ones, except that ``previous`` is not sent back (it would double
    what crosses between processes, and no caller of many files needs it).
    """
    workers = jobs or os.cpu_count() or 1
    if workers <= 1 or len(paths) < PARALLEL_FROM:
        return check_files(paths, Loader(workspace))
    size = math.ceil(len(paths) / (workers * RUNS_PER_WORKER))
    cwd = Path.cwd()
    runs = [
        _Run(i, workspace.root, cwd, tuple(paths[start : start + size]))
        for i, start in enumerate(range(0, len(paths), size))
    ]
    from .workers import completed  # noqa: PLC0415  (multiprocessing only when it pays)

    done: dict[int, list[Checked]] = {}
    for index, results in completed(_check_run, runs, workers, _crashed):
        done[index] = results
    return across_files([checked for i in range(len(runs)) for checked in done[i]])


def _check_run(run: _Run) -> tuple[int, list[Checked]]:
    """In a worker: each file of the run checked on its own, as ``check_files`` does."""
    os.chdir(run.cwd)
    loader = Loader(Workspace(run.root))
    return run.index, [replace(contained(loader, path), previous=None) for path in run.paths]


def _crashed(run: _Run, exc: BaseException) -> tuple[int, list[Checked]]:
    """The worker died (killed, out of memory): each of its files says so, the others go on."""
    crash = Crash.of(exc)
    workspace = Workspace(run.root)
    results = []
    for path in run.paths:
        file = workspace.show(path)
        results.append(Checked(path, file, None, [crash.finding(file, "检查")], crash=crash))
    return run.index, results
