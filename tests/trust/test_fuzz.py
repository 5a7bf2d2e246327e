"""The fuzz test: mutated demo and test inputs give findings and exit 0 or 1 — never a traceback,
a case over 2 s of CPU, or a worker over 500 MB (tests/trust/fuzz.py says how and why).

CI runs a few hundred seeded cases; for 20,000:

    python -m tests.trust.fuzz --cases 20000 --seed 1
"""

from __future__ import annotations

import os
import random
import signal

from tests.trust.fuzz import MUTATIONS, Case, Outcome, describe, fuzz, make_case, seeds

CI_CASES = 150


def test_mutated_inputs_never_crash_hang_or_blow_up() -> None:
    run = fuzz(CI_CASES, master_seed=20261202, jobs=2)
    assert [describe(case, problem) for case, problem in run.failures] == []
    assert run.cases == CI_CASES


def test_cases_are_reproducible_from_their_seed_and_use_every_mutation() -> None:
    files = seeds()
    assert len(files) > 20
    first = [make_case(n, 5, files) for n in range(400)]
    again = [make_case(n, 5, files) for n in range(400)]
    assert first == again
    assert {m for case in first for m in case.mutations} == set(MUTATIONS)
    rng = random.Random(0)
    assert MUTATIONS["tag"](rng, b"a: 1\n") != b"a: 1\n"


def _dies_on_case_3(case: Case) -> Outcome:
    """A worker's work that kills the worker on one case, as the kernel does over a limit."""
    if case.number == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return Outcome("2.5 s of CPU" if case.number == 5 else None, case.number / 10, 40 + case.number)


def test_a_case_that_kills_its_worker_fails_alone_and_the_run_goes_on() -> None:
    run = fuzz(8, master_seed=1, jobs=2, work=_dies_on_case_3)
    assert [(case.number, problem) for case, problem in run.failures] == [
        (3, "worker died (killed over its CPU or memory limit, or crashed)"),
        (5, "2.5 s of CPU"),
    ]
    assert run.summary() == (
        "8 cases, 2 failures (CPU: 1, worker died: 1); slowest case 0.70 s of CPU (case 7), "
        "peak memory 47 MB (case 7)"
    )
