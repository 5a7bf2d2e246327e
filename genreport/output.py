"""Atomic file writes: a reader (or a crash) never sees half a file."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: mkstemp creates files readable by their owner only; a written report must get the permissions
#: any other new file gets (a web server or a colleague has to read build/ outputs).
_MODE = 0o666 & ~_umask()


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, flush it to disk, then rename over ``path``.

    ``os.replace`` is atomic on POSIX and Windows when both names are on one file system, which a
    sibling temporary file guarantees.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _MODE)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


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
