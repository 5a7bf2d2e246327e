"""Worker processes for many files (build, check): one per core, never outliving the CLI.

Pure orchestration: the caller gives a module-level function and picklable jobs; results come
back as each job ends. A worker that dies (killed, out of memory) fails its job, not the run.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from .output import process_running

Job = TypeVar("Job")
Result = TypeVar("Result")

#: How often a worker checks that the CLI still runs.
_WATCH_SECONDS = 0.5


def start_method(platform: str, available: list[str]) -> str:
    """forkserver where there is one (never fork a threaded CLI); spawn on Windows and macOS.

    Under spawn each worker starts a fresh interpreter and imports the module of the worker
    function: jobs and the function are module-level and picklable, and nothing runs at import.
    """
    if "forkserver" in available and platform not in ("darwin", "win32"):
        return "forkserver"
    return "spawn"


def executor(jobs: int, preload: str) -> Executor:
    """A pool of ``jobs`` processes; under forkserver each starts with ``preload`` imported."""
    method = start_method(sys.platform, multiprocessing.get_all_start_methods())
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload([preload])
    return ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_exit_with_parent, initargs=(os.getpid(),)
    )


def _exit_with_parent(cli: int) -> None:
    """In a worker: end when the CLI ends, even by SIGKILL (a pool never outlives its run)."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(_WATCH_SECONDS)
            if os.getppid() != parent or not process_running(cli):
                os._exit(1)

    threading.Thread(target=watch, name="genreport-parent-watch", daemon=True).start()


def completed(
    work: Callable[[Job], Result],
    jobs: list[Job],
    workers: int,
    crashed: Callable[[Job, BaseException], Result],
) -> Iterable[Result]:
    """``work(job)`` for every job in ``workers`` processes, each result as its job ends.

    ``crashed(job, error)`` stands for the result of a job whose worker died. A dying worker
    breaks the whole pool, failing every job not yet done: those are done again one after the
    other in a worker of their own (a new one after each death), so only a job that kills its
    worker again fails, whatever the number of jobs.
    """
    broken: set[int] = set()
    with executor(min(workers, len(jobs)), work.__module__) as pool:
        futures = {pool.submit(work, job): number for number, job in enumerate(jobs)}
        try:
            for future in as_completed(futures):
                try:
                    yield future.result()
                except BrokenProcessPool:
                    broken.add(futures[future])
                except Exception as exc:  # the job itself failed
                    yield crashed(jobs[futures[future]], exc)
        finally:
            for future in futures:
                future.cancel()
    alone: Executor | None = None
    try:
        for number in sorted(broken):
            alone = alone or executor(1, work.__module__)
            try:
                yield alone.submit(work, jobs[number]).result()
            except BrokenProcessPool as exc:  # it killed its worker again
                alone.shutdown()
                alone = None
                yield crashed(jobs[number], exc)
            except Exception as exc:
                yield crashed(jobs[number], exc)
    finally:
        if alone is not None:
            alone.shutdown()
