"""Run an external program (pandoc, LibreOffice, pdftoppm, tesseract) with a time and memory limit.

A hostile or merely huge input must not hang genreport or exhaust the machine: the program runs
in its own process group (so helpers it starts die with it), under an address-space limit where
the system has one (POSIX ``RLIMIT_AS``), and is killed when the time is up. Failures come back
as ``ProgramError`` with a Chinese sentence a user can act on.
"""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

try:
    import resource
except ImportError:  # Windows: the time limit still applies
    resource = None  # type: ignore[assignment]

MIB = 1024 * 1024


class ProgramError(Exception):
    """The program could not run, ran out of time or memory, or failed; ``str()`` says which."""


def _limit_memory(memory: int) -> Callable[[], None] | None:
    if resource is None:
        return None

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return apply


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, AttributeError):
        process.kill()


def run_bounded(
    command: Sequence[str],
    *,
    what: str,
    timeout: float,
    memory: int,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``command``; ``what`` names it in messages (“pandoc 读取文件”). Non-zero exit is the
    caller's to judge, except when it is the memory limit or a signal."""
    try:
        process = subprocess.Popen(
            list(command),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            preexec_fn=_limit_memory(memory),  # noqa: PLW1509 (no threads start children here)
            start_new_session=True,
        )
    except OSError as exc:
        raise ProgramError(
            f"无法运行{what}所需的程序 {command[0]}：{exc.strerror or exc}"
        ) from None
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        process.communicate()
        raise ProgramError(f"{what}超过 {timeout:g} 秒仍未完成，已停止") from None
    finally:
        if process.poll() is None:
            _kill_group(process)
            process.wait()
    done = subprocess.CompletedProcess(list(command), process.returncode, stdout, stderr)
    if _out_of_memory(done):
        raise ProgramError(f"{what}所需内存超过 {memory // MIB} MiB 的上限，已停止")
    if done.returncode < 0:
        name = signal.Signals(-done.returncode).name
        raise ProgramError(f"{what}异常终止（{name}）")
    return done


def _out_of_memory(done: subprocess.CompletedProcess[bytes]) -> bool:
    text = done.stderr.decode("utf-8", "replace").lower()
    markers = (
        "heap exhausted",
        "out of memory",
        "bad_alloc",
        "cannot allocate memory",
        "memoryerror",
    )
    return done.returncode != 0 and any(m in text for m in markers)
