"""A seeded fuzzer: mutated input files must give findings, never a traceback, hang or blow-up.

Each case mutates one seed file (the demo inputs and the test fixtures) with one or more of: byte
flips, deletions, duplications, Unicode insertions (control characters, bidi overrides, U+FFFE,
full-width punctuation), huge numbers, deep nesting, long lines, other encodings, anchors and
aliases, YAML tags and narrative expressions. The case is checked with ``genreport check
--format json`` in a worker process under a memory limit; it fails when the command ends in
anything but exit 0 or 1, when the exit code does not match the errors it reports, when it takes
more than ``MAX_SECONDS`` of CPU, or when its peak memory passes ``MAX_MEGABYTES``. Time is CPU
time (the worker's and its children's), not wall-clock time, so a loaded machine does not fail a
case; memory is the worker's peak resident size during the case.

    python -m tests.trust.fuzz --cases 20000 --seed 1 [--jobs 4]

prints each failing case (seed, mutations, what went wrong), then the number of cases, the failures
by kind, the slowest case's CPU time and the largest peak memory; it ends with exit 1 if any failed.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typer.testing import Result

REPO = Path(__file__).resolve().parents[2]
SEED_GLOBS = ("inputs/*/*.yaml", "tests/check/fixtures/*/*.yaml", "tests/load/fixtures/*/*.yaml")
MAX_SECONDS = 2.0
MAX_MEGABYTES = 500
#: A case still running after this much CPU hangs: the kernel ends its worker.
HANG_SECONDS = 60.0
#: No case ending in this long (wall clock) means one hangs without spending CPU (a deadlock).
STALL_SECONDS = 900.0
#: Address-space cap per worker: a blow-up fails the case with MemoryError instead of the host.
ADDRESS_SPACE = 3 * 1024**3

_UNICODE = [
    "\x00",
    "\x07",
    "\x1b[2J",
    "\u202e",
    "\u2066",
    "\ufffe",
    "\ufeff",
    "\u3000",
    "：",
    "，",
    "、",
    "［",
    "］",
    "１２",
    "\u00a0",
    "\u200b",
    "\U0001f600",
    "\r",
    "\t",
    "𠀀",
    "\\ud800",
]
_EXPRESSIONS = [
    "{{ 1/0 }}",
    "{{ 1 + 'a' }}",
    "{{ 0|cn_number }}",
    "{% include 'x' %}",
    "{{ 'x' * 10**8 }}",
    "{% for i in range(10**9) %}{% endfor %}",
    "{{ 9 ** 99 ** 99 }}",
    "{{ " * 50,
    "{% " * 50,
    "{# " * 50,
    "{{ 依申请公开.本年新收.总计 }}",
    "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
    "{{ lipsum() }}",
    "{{ 机关.__class__ }}",
    "{{ " + "(" * 400 + "1" + ")" * 400 + " }}",
]
_TAGS = ["!!str ", "!!python/object:os.system ", "!!binary ", "!custom ", "!!map ", "!!int "]


def _position(rng: random.Random, data: bytes) -> int:
    return rng.randrange(len(data) + 1)


def _flip(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    i = rng.randrange(len(data))
    return data[:i] + bytes([data[i] ^ (1 << rng.randrange(8))]) + data[i + 1 :]


def _delete(rng: random.Random, data: bytes) -> bytes:
    i = _position(rng, data)
    return data[:i] + data[i + rng.randint(1, 200) :]


def _duplicate(rng: random.Random, data: bytes) -> bytes:
    i = _position(rng, data)
    j = min(len(data), i + rng.randint(1, 400))
    return data[:j] + data[i:j] * rng.randint(1, 50) + data[j:]


def _insert(rng: random.Random, data: bytes, text: str) -> bytes:
    i = _position(rng, data)
    return data[:i] + text.encode("utf-8", "surrogatepass") + data[i:]


def _unicode(rng: random.Random, data: bytes) -> bytes:
    return _insert(rng, data, rng.choice(_UNICODE))


def _huge_number(rng: random.Random, data: bytes) -> bytes:
    digits = rng.choice([19, 400, 4301, 20000])
    return _insert(rng, data, "9" * digits)


def _nesting(rng: random.Random, data: bytes) -> bytes:
    depth = rng.choice([100, 1000, 20000])
    opener = rng.choice(["[", "{", "- "])
    return _insert(rng, data, opener * depth)


def _long_line(rng: random.Random, data: bytes) -> bytes:
    return _insert(rng, data, rng.choice(["字", "a", " ", "，"]) * rng.choice([10_000, 300_000]))


def _encoding(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", "replace")
    codec = rng.choice(["gbk", "utf-16", "utf-16-be", "latin-1", "utf-8-sig", "big5"])
    return text.encode(codec, "replace")


def _anchor(rng: random.Random, data: bytes) -> bytes:
    return _insert(rng, data, rng.choice(["&a ", "*a", "&a [1, 2]\n", "<<: *a\n", "*undefined "]))


def _tag(rng: random.Random, data: bytes) -> bytes:
    return _insert(rng, data, rng.choice(_TAGS))


def _expression(rng: random.Random, data: bytes) -> bytes:
    return _insert(rng, data, rng.choice(_EXPRESSIONS))


MUTATIONS: dict[str, Callable[[random.Random, bytes], bytes]] = {
    "flip": _flip,
    "delete": _delete,
    "duplicate": _duplicate,
    "unicode": _unicode,
    "huge number": _huge_number,
    "nesting": _nesting,
    "long line": _long_line,
    "encoding": _encoding,
    "anchor": _anchor,
    "tag": _tag,
    "expression": _expression,
}


def seeds() -> list[Path]:
    return sorted(p for pattern in SEED_GLOBS for p in REPO.glob(pattern))


@dataclass(frozen=True)
class Case:
    number: int
    seed: str  # the seed file, relative to the repository
    mutations: tuple[str, ...]
    data: bytes


def make_case(number: int, master_seed: int, files: list[Path]) -> Case:
    rng = random.Random(f"{master_seed}:{number}")
    seed = rng.choice(files)
    data = seed.read_bytes()
    names = tuple(rng.choice(list(MUTATIONS)) for _ in range(rng.choice([1, 1, 2, 3])))
    for name in names:
        data = MUTATIONS[name](rng, data)
    return Case(number, seed.relative_to(REPO).as_posix(), names, data[: 1024 * 1024 + 4096])


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def _reset_peak() -> None:
    """Start this case's peak memory afresh: a worker runs many cases, and ``VmHWM`` otherwise
    keeps the largest of all of them, failing every later case of the worker."""
    clear = Path("/proc/self/clear_refs")
    if clear.exists():
        clear.write_text("5")


def _peak_megabytes() -> float:
    """This worker's peak resident memory since ``_reset_peak`` (or since it started).

    ``VmHWM`` belongs to the address space the worker got at exec; ``ru_maxrss`` survives exec on
    Linux, so it would report the (large) test process the worker was started from.
    """
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass(frozen=True)
class Outcome:
    """How one case went: what went wrong (None when it behaved), its CPU time and peak memory."""

    problem: str | None
    seconds: float
    megabytes: float


def _cpu_seconds() -> float:
    """CPU time of this worker and of any process it waited for: the case's own work, whatever
    else the shared machine is doing (wall-clock time would count the other engineers' jobs)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _limit_cpu(seconds: float) -> None:
    """The kernel ends this worker (SIGXCPU) when the case spends ``seconds`` more of CPU: a case
    that spins, even inside C code, dies instead of holding up the run."""
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = int(_cpu_seconds() + seconds) + 1
    unlimited = hard == resource.RLIM_INFINITY
    resource.setrlimit(resource.RLIMIT_CPU, (soft if unlimited else min(soft, hard), hard))


def run_case(case: Case) -> Outcome:
    """In a worker: check the case like a user would, and judge what it did."""
    from typer.testing import CliRunner  # noqa: PLC0415

    from genreport.cli import app  # noqa: PLC0415

    folder = Path(tempfile.mkdtemp(prefix="genreport-fuzz-"))
    try:
        for year in ("2022", "2023"):
            (folder / "inputs" / year).mkdir(parents=True)
        shutil.copy(REPO / "inputs/2022/shijianju.yaml", folder / "inputs/2022/case.yaml")
        (folder / "inputs/2023/case.yaml").write_bytes(case.data)
        _reset_peak()
        _limit_cpu(HANG_SECONDS)
        start = _cpu_seconds()
        result = CliRunner().invoke(app, ["-C", str(folder), "check", "2023", "--format", "json"])
        seconds = _cpu_seconds() - start
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    peak = _peak_megabytes()
    return Outcome(_judge(result, seconds, peak), seconds, peak)


def _judge(result: Result, seconds: float, peak: float) -> str | None:
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        return f"traceback: {type(result.exception).__name__}: {str(result.exception)[:200]}"
    if result.exit_code not in (0, 1):
        return f"exit code {result.exit_code}: {result.output[-300:]}"
    try:
        errors = json.loads(result.stdout)["summary"]["errors"]
    except (ValueError, KeyError) as exc:
        return f"output is not the JSON document ({exc}): {result.stdout[:200]}"
    if result.exit_code != (1 if errors else 0):
        return f"exit code {result.exit_code} with {errors} errors"
    if seconds > MAX_SECONDS:
        return f"{seconds:.1f} s of CPU"
    if peak > MAX_MEGABYTES:
        return f"peak memory {peak:.0f} MB"
    return None


def kind(problem: str) -> str:
    """The failure's kind for the summary: traceback, exit code, CPU, memory, worker died …"""
    for word in ("traceback", "exit code", "output", "of CPU", "peak memory", "worker died"):
        if word in problem:
            return word.removeprefix("of ")
    return problem


@dataclass
class Run:
    """What a fuzz run found: the failing cases, and the slowest and largest case of all."""

    cases: int = 0
    failures: list[tuple[Case, str]] = field(default_factory=list)
    slowest: tuple[float, int] = (0.0, -1)  # CPU seconds, case number
    largest: tuple[float, int] = (0.0, -1)  # peak MB, case number
    #: Print the summary so far to stderr every this many cases (0: never), for long runs.
    every: int = 0

    def add(self, case: Case, outcome: Outcome) -> None:
        self.cases += 1
        self.slowest = max(self.slowest, (outcome.seconds, case.number))
        self.largest = max(self.largest, (outcome.megabytes, case.number))
        if outcome.problem is not None:
            self.failures.append((case, outcome.problem))
            if self.every:
                print(describe(case, outcome.problem), file=sys.stderr, flush=True)
        if self.every and self.cases % self.every == 0:
            print(f"so far: {self.summary()}", file=sys.stderr, flush=True)

    def summary(self) -> str:
        kinds = Counter(kind(problem) for _, problem in self.failures)
        by_kind = f" ({', '.join(f'{k}: {n}' for k, n in sorted(kinds.items()))})" if kinds else ""
        return (
            f"{self.cases} cases, {len(self.failures)} failures{by_kind}; slowest case "
            f"{self.slowest[0]:.2f} s of CPU (case {self.slowest[1]}), peak memory "
            f"{self.largest[0]:.0f} MB (case {self.largest[1]})"
        )


def _pool(jobs: int) -> ProcessPoolExecutor:
    # fresh workers (spawn, not fork): a forked worker would count the test process's own memory
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_limit_memory)


Work = Callable[[Case], Outcome]


def _run(cases: Iterator[Case], jobs: int, run: Run, work: Work, stall: float) -> list[Case]:
    """Run ``cases`` in a pool, at most two per worker in flight so a long run holds only a few
    inputs in memory. When a worker dies (killed over its CPU or memory limit, or a crash in C)
    the pool breaks, and when no case ends in ``stall`` seconds the workers are killed: either
    way the cases in flight are returned, not judged."""
    with _pool(jobs) as pool:
        in_flight: dict[Future[Outcome], Case] = {}
        while True:
            while len(in_flight) < 2 * jobs and (case := next(cases, None)) is not None:
                try:
                    in_flight[pool.submit(work, case)] = case
                except BrokenProcessPool:  # a worker died since the last wait
                    return [case, *in_flight.values()]
            if not in_flight:
                return []
            done, _ = wait(in_flight, timeout=stall, return_when=FIRST_COMPLETED)
            if not done:
                for worker in multiprocessing.active_children():
                    worker.kill()
                return list(in_flight.values())
            broken = []
            for future in done:
                case = in_flight.pop(future)
                try:
                    run.add(case, future.result())
                except BrokenProcessPool:
                    broken.append(case)
            if broken:
                return [*broken, *in_flight.values()]


def fuzz(
    cases: int,
    master_seed: int,
    jobs: int,
    work: Work = run_case,
    every: int = 0,
    stall: float = STALL_SECONDS,
) -> Run:
    """Run ``cases`` seeded cases; each is made when a worker is free for it."""
    files = seeds()
    run = Run(every=every)
    remaining = (make_case(number, master_seed, files) for number in range(cases))
    while suspects := _run(remaining, jobs, run, work, stall):
        # one at a time: only the case that kills or hangs its worker fails
        for case in suspects:
            if _run(iter([case]), 1, run, work, stall):
                why = f"worker died (over its CPU or memory limit, crashed, or silent for {stall:g} s)"
                run.add(case, Outcome(why, 0, 0))
    run.failures.sort(key=lambda f: f[0].number)
    return run


def describe(case: Case, problem: str) -> str:
    return f"case {case.number} ({case.seed} + {', '.join(case.mutations)}): {problem}"


def main() -> None:
    parser = argparse.ArgumentParser(description="Fuzz genreport check with mutated input files.")
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    start = time.monotonic()
    run = fuzz(args.cases, args.seed, args.jobs, every=1000)
    for case, problem in run.failures:
        print(describe(case, problem), flush=True)
    print(f"{run.summary()}; {time.monotonic() - start:.0f} s")
    sys.exit(1 if run.failures else 0)


if __name__ == "__main__":
    main()
