"""File patterns on the command line (``下载/*.html``) expanded by genreport itself.

POSIX shells expand patterns before genreport starts; PowerShell and cmd.exe pass them on as typed.
An argument that names no existing file but holds ``*``, ``?`` or ``[`` is expanded here, sorted, so
the same command works in every shell. A pattern that matches nothing stays as typed and is then
reported as a missing file.
"""

from __future__ import annotations

import glob
from pathlib import Path

_MAGIC = ("*", "?", "[")


def expand(arguments: list[str]) -> list[str]:
    expanded: list[str] = []
    for argument in arguments:
        if any(m in argument for m in _MAGIC) and not Path(argument).exists():
            matches = sorted(glob.glob(argument))
            expanded.extend(matches or [argument])
        else:
            expanded.append(argument)
    return expanded
