"""Atomic file writes: a reader (or a crash) never sees half a file."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sys
import tempfile
import time
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: mkstemp creates files readable by their owner only; a written report must get the permissions
#: any other new file gets (a web server or a colleague has to read build/ outputs).
_MODE = 0o666 & ~_umask()


def write_atomic(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write to a temporary file beside ``path``, flush it to disk, then rename over ``path``.

    ``os.replace`` is atomic on POSIX and Windows when both names are on one file system, which a
    sibling temporary file guarantees. ``durable=False`` skips the flush to disk (an fsync costs
    more than rendering a report): for files that can be made again, i.e. build outputs, whose
    manifest keeps their hashes so that one a power cut left empty or torn is rebuilt. Inputs
    (``new``, ``import``) are always flushed.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    prefix = f".{path.name}.{os.getpid()}."  # the pid tells a later run whether it is stray
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=_TMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(tmp, _MODE)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


_TMP_SUFFIX = ".tmp"
_TMP_NAME = re.compile(r"^\..+\.([0-9]+)\.[^.]+\.tmp$")
#: Where the writer's pid cannot be checked, a temporary file this old is a killed run's.
_STRAY_AGE = 3600.0


def process_running(pid: int) -> bool:
    """Whether process ``pid`` still runs (on Windows always True: os.kill would end it)."""
    if sys.platform == "win32":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stray_temporaries(folder: Path) -> list[Path]:
    """Delete the temporary files a killed run of write_atomic left in ``folder`` (recursively):
    those whose writer is no longer running. Returns what was deleted."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    now = time.time()
    for path in folder.rglob(f".*{_TMP_SUFFIX}"):
        match = _TMP_NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        try:
            stray = not process_running(int(match.group(1))) or (
                sys.platform == "win32" and now - path.stat().st_mtime > _STRAY_AGE
            )
            if stray:
                path.unlink()
                removed.append(path)
        except OSError:
            continue  # another run removed it, or it is not ours to remove
    return removed


def create_new(path: Path, data: bytes) -> bool:
    """Write ``path`` only if it does not exist yet; False when it does (nothing is touched)."""
    if path.exists():
        return False
    write_atomic(path, data)
    return True


def write_problem(shown: str, exc: OSError) -> str:
    """Why the file shown as ``shown`` could not be written, for the user.

    On Windows a file open in Word or WPS cannot be replaced (PermissionError, WinError 32 or 5):
    the usual cause of a failed build there, and worth saying so.
    """
    if isinstance(exc, PermissionError):
        return f"无法写入 {shown}：文件可能正在 Word、WPS 或其他程序中打开，或没有写入权限；关闭它后重试"
    if exc.errno == errno.ENOSPC:
        return f"无法写入 {shown}：磁盘已满"
    return f"无法写入 {shown}：{exc.strerror or exc}"
