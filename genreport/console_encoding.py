"""Output streams that cannot crash on a character the console's code page lacks.

On Windows a redirected stream (``genreport check > 结果.txt``) or a legacy console writes in the
ANSI code page, GBK (cp936) on Chinese Windows. A character outside it — a Kangxi radical copied
from a PDF, an emoji in a narrative — would raise UnicodeEncodeError halfway through the findings.
Such a stream keeps its encoding (a file redirected on Chinese Windows is expected in GBK) and
prints ``?`` for what it cannot encode. UTF-8 and UTF-16 streams (POSIX terminals, the Windows
console itself) can encode everything and are left alone.
"""

from __future__ import annotations

import codecs
import io
from typing import TextIO

_UNICODE = {"utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}


def encodes_everything(encoding: str | None) -> bool:
    try:
        return codecs.lookup(encoding or "ascii").name in _UNICODE
    except LookupError:
        return False


def make_safe(stream: TextIO | None) -> None:
    """Replace unencodable characters instead of raising; None (no console, pythonw) is fine."""
    if (
        isinstance(stream, io.TextIOWrapper)
        and stream.errors == "strict"
        and not encodes_everything(stream.encoding)
    ):
        stream.reconfigure(errors="replace")
