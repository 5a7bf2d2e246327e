"""A seeded fuzzer: mutated input files must give findings, never a traceback, hang or blow-up.

Each case mutates one seed file (the demo inputs and the test fixtures) with one or more of: byte
flips, deletions, duplications, Unicode insertions (control characters, bidi overrides, U+FFFE,
full-width punctuation), huge numbers, deep nesting, long lines, other encodings, anchors and
aliases, YAML tags and narrative expressions. The case is checked with ``genreport check
--format json`` in a worker process under a memory limit; it fails when the command ends in
anything but exit 0 or 1, when the exit code does not match the errors it reports, when it takes
more than ``MAX_SECONDS`` of CPU, or when the worker's peak memory passes ``MAX_MEGABYTES``.

    python -m tests.trust.fuzz --cases 20000 --seed 1 [--jobs 4]

prints each failing case (seed, mutations, what went wrong) and ends with exit 1 if there was any.
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
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, TimeoutError, as_completed
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEED_GLOBS = ("inputs/*/*.yaml", "tests/check/fixtures/*/*.yaml", "tests/load/fixtures/*/*.yaml")
MAX_SECONDS = 2.0
MAX_MEGABYTES = 500
#: A worker whose case has not ended after this long (wall clock, on a loaded machine) hangs.
HANG_SECONDS = 60.0
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


def _peak_megabytes() -> float:
    """This worker's peak resident memory since it started.

    ``VmHWM`` belongs to the address space the worker got at exec; ``ru_maxrss`` survives exec on
    Linux, so it would report the (large) test process the worker was started from.
    """
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_case(case: Case) -> str | None:
    """In a worker: check the case like a user would; None when it behaved, else what went wrong."""
    from typer.testing import CliRunner  # noqa: PLC0415

    from genreport.cli import app  # noqa: PLC0415

    folder = Path(tempfile.mkdtemp(prefix="genreport-fuzz-"))
    try:
        for year in ("2022", "2023"):
            (folder / "inputs" / year).mkdir(parents=True)
        shutil.copy(REPO / "inputs/2022/shijianju.yaml", folder / "inputs/2022/case.yaml")
        (folder / "inputs/2023/case.yaml").write_bytes(case.data)
        start = time.process_time()
        result = CliRunner().invoke(app, ["-C", str(folder), "check", "2023", "--format", "json"])
        seconds = time.process_time() - start
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    peak = _peak_megabytes()
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


def fuzz(cases: int, master_seed: int, jobs: int) -> list[tuple[Case, str]]:
    """Run ``cases`` cases; the failing ones with what went wrong."""
    files = seeds()
    failures: list[tuple[Case, str]] = []
    # fresh workers (spawn, not fork): a forked worker would count the test process's own memory
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_limit_memory
    ) as pool:
        futures = {}
        for number in range(cases):
            case = make_case(number, master_seed, files)
            futures[pool.submit(run_case, case)] = case
        for future in as_completed(futures, timeout=HANG_SECONDS * max(1, cases // jobs)):
            case = futures[future]
            try:
                problem = future.result(timeout=HANG_SECONDS)
            except TimeoutError:
                problem = f"no answer after {HANG_SECONDS:g} s"
            except Exception as exc:  # the worker died: out of memory, or a crash in C
                problem = f"worker died: {type(exc).__name__}: {exc}"
            if problem is not None:
                failures.append((case, problem))
    return sorted(failures, key=lambda f: f[0].number)


def describe(case: Case, problem: str) -> str:
    return f"case {case.number} ({case.seed} + {', '.join(case.mutations)}): {problem}"


def main() -> None:
    parser = argparse.ArgumentParser(description="Fuzz genreport check with mutated input files.")
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    start = time.monotonic()
    failures = fuzz(args.cases, args.seed, args.jobs)
    for case, problem in failures:
        print(describe(case, problem), flush=True)
    print(f"{args.cases} cases, {len(failures)} failures, {time.monotonic() - start:.0f} s")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
