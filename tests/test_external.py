"""External programs run with a timeout and a memory cap, and never raise for their own sake."""

from __future__ import annotations

import sys

import pytest

from genreport.external import MIB, run


def test_a_program_that_finishes() -> None:
    done = run([sys.executable, "-c", "print('好')"], timeout=60, memory=1024 * MIB)
    assert done.ok and done.text().strip() == "好"


def test_a_program_that_hangs_is_stopped() -> None:
    done = run([sys.executable, "-c", "import time; time.sleep(60)"], timeout=1, memory=1024 * MIB)
    assert not done.ok and done.error == "超过 1 秒仍未完成，已终止"


@pytest.mark.skipif(sys.platform == "win32", reason="no RLIMIT_AS on Windows")
def test_a_program_that_balloons_is_capped() -> None:
    grab = "x = bytearray(1024 * 1024 * 1024); print('got it')"
    done = run([sys.executable, "-c", grab], timeout=60, memory=512 * MIB)
    assert not done.ok and b"MemoryError" in done.stderr and b"got it" not in done.stdout


def test_a_missing_program_is_an_error_not_an_exception() -> None:
    done = run(["genreport-no-such-program"], timeout=5, memory=64 * MIB)
    assert not done.ok and done.error is not None and done.error.startswith("无法运行：")
