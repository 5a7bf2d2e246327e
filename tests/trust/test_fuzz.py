"""The fuzz test: mutated demo and test inputs give findings and exit 0 or 1 — never a traceback,
a case over 2 s of CPU, or a worker over 500 MB (tests/trust/fuzz.py says how and why).

CI runs a few hundred seeded cases; for 20,000:

    python -m tests.trust.fuzz --cases 20000 --seed 1
"""

from __future__ import annotations

import random

from tests.trust.fuzz import MUTATIONS, describe, fuzz, make_case, seeds

CI_CASES = 150


def test_mutated_inputs_never_crash_hang_or_blow_up() -> None:
    failures = fuzz(CI_CASES, master_seed=20261202, jobs=2)
    assert [describe(case, problem) for case, problem in failures] == []


def test_cases_are_reproducible_from_their_seed_and_use_every_mutation() -> None:
    files = seeds()
    assert len(files) > 20
    first = [make_case(n, 5, files) for n in range(400)]
    again = [make_case(n, 5, files) for n in range(400)]
    assert first == again
    assert {m for case in first for m in case.mutations} == set(MUTATIONS)
    rng = random.Random(0)
    assert MUTATIONS["tag"](rng, b"a: 1\n") != b"a: 1\n"
