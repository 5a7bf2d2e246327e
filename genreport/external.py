"""Running an external program (LibreOffice, fc-list, pandoc) with a timeout and a memory cap.

A converter that hangs or balloons on one document must not take the machine with it: every call
goes through ``run``, which kills the program after ``timeout`` seconds and, where the system
supports it (POSIX ``RLIMIT_AS``), caps its address space at ``memory`` bytes. On Windows the cap
is not available from the standard library; the timeout still applies.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

MIB = 1 << 20


@dataclass(frozen=True)
class Ran:
    """What a finished program left: its exit code and output; ``error`` when it did not finish."""

    returncode: int
    stdout: bytes
    stderr: bytes
    error: str | None = None  # 超时 / 无法运行: why there is no result

    @property
    def ok(self) -> bool:
        return self.error is None and self.returncode == 0

    def text(self) -> str:
        return self.stdout.decode("utf-8", "replace")


def _memory_cap(limit: int) -> Callable[[], None] | None:
    if sys.platform == "win32":
        return None
    import resource  # noqa: PLC0415  (POSIX only)

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return apply


def run(
    command: Sequence[str],
    *,
    timeout: float,
    memory: int,
    cwd: Path | None = None,
) -> Ran:
    """Run ``command`` to completion or until ``timeout``; never raises for the program's sake."""
    try:
        done = subprocess.run(
            list(command),
            capture_output=True,
            timeout=timeout,
            check=False,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            preexec_fn=_memory_cap(memory),  # only setrlimit runs between fork and exec
        )
    except subprocess.TimeoutExpired as exc:
        return Ran(-1, exc.stdout or b"", exc.stderr or b"", f"超过 {timeout:g} 秒仍未完成，已终止")
    except OSError as exc:
        return Ran(-1, b"", b"", f"无法运行：{exc}")
    return Ran(done.returncode, done.stdout, done.stderr)


__all__ = ["MIB", "Ran", "run"]
