"""Console markup (``[bold red]错误[/] …``) printed without importing rich on the common paths.

Importing rich costs a command about as much as checking a file. The CLI's lines use a small
subset of rich's markup — named colours, bold, dim — with user text passed through ``escape``.
Where the stream is not a terminal (a pipe, a file, CI, tests) the lines are plain text, as rich
prints them there; on a POSIX terminal they get the same ANSI styles. A Windows console goes to the
``windows_console`` the CLI gives (rich, which knows its legacy console API), else plain text.
rich's ``:emoji:`` codes are not replaced: nothing genreport prints means one, and user text
quoted in a message should stay as typed.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable
from typing import Any, TextIO

#: rich.markup's tag and escape syntax: ``[style]``, ``[/]``, ``\\[`` for a literal bracket.
_TAG = re.compile(r"((\\*)\[([a-z#/@][^[]*?)])")
_TO_ESCAPE = re.compile(r"(\\*)(\[[a-z#/@][^[]*?])")
#: What rich removes from printed text (bell, backspace, vertical tab, form feed, carriage return).
_CONTROL = dict.fromkeys((7, 8, 11, 12, 13))
_ATTRIBUTES = {"bold": "1", "dim": "2", "italic": "3", "underline": "4", "reverse": "7"}
_COLOURS = {
    name: str(30 + i)
    for i, name in enumerate(("black", "red", "green", "yellow", "blue", "magenta", "cyan"))
} | {"white": "37"}
_RESET = "\x1b[0m"
_WINDOWS = os.name == "nt"


def escape(text: str) -> str:
    """``text`` that prints as itself inside markup (rich.markup.escape)."""

    def double(match: re.Match[str]) -> str:
        backslashes, tag = match.groups()
        return f"{backslashes}{backslashes}\\{tag}"

    text = _TO_ESCAPE.sub(double, text)
    if text.endswith("\\") and not text.endswith("\\\\"):
        return text + "\\"
    return text


def pieces(markup: str) -> list[tuple[str, tuple[str, ...]]]:
    """``markup`` as (text, styles in force) pieces, tags removed and escapes undone."""
    result: list[tuple[str, tuple[str, ...]]] = []
    stack: list[str] = []
    position = 0
    for match in _TAG.finditer(markup):
        full, escapes, tag = match.groups()
        start, end = match.span()
        if start > position:
            result.append((markup[position:start], tuple(stack)))
        position = end
        if escapes:
            backslashes, escaped = divmod(len(escapes), 2)
            if backslashes:
                result.append(("\\" * backslashes, tuple(stack)))
            if escaped:
                result.append((full[len(escapes) :], tuple(stack)))
                continue
        if tag == "/":
            if not stack:
                raise ValueError(f"markup closes a style it never opened: {markup!r}")
            stack.pop()
        elif tag.startswith("/"):
            if tag[1:].strip() not in stack:
                raise ValueError(f"markup closes [{tag}] it never opened: {markup!r}")
            del stack[len(stack) - 1 - stack[::-1].index(tag[1:].strip())]
        else:
            stack.append(tag)
    if position < len(markup):
        result.append((markup[position:], tuple(stack)))
    # an escaped bracket that opens no tag, as rich prints it
    return [(text.replace("\\[", "["), styles) for text, styles in result]


def sgr(styles: tuple[str, ...], colour: bool = True) -> str:
    """The ANSI select-graphic-rendition sequence for rich style names like ``bold red``."""
    codes = []
    for word in " ".join(styles).split():
        if word in _ATTRIBUTES:
            codes.append(_ATTRIBUTES[word])
        elif word in _COLOURS:
            codes.extend([_COLOURS[word]] if colour else [])
        else:
            raise ValueError(f"no such style: {word}")
    return f"\x1b[{';'.join(codes)}m" if codes else ""


def _environment_says_terminal(stream: TextIO) -> bool:
    """rich's rule: TTY_COMPATIBLE, then FORCE_COLOR, then whether the stream is a tty."""
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    force = os.environ.get("FORCE_COLOR")
    if force is not None:
        return force != ""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or closed at the end of a test run
        return False


class Terminal:
    """``print`` in rich's markup to stdout or stderr, looked up at each call (tests swap them)."""

    def __init__(
        self, stderr: bool = False, windows_console: Callable[[bool], Any] | None = None
    ) -> None:
        self.stderr = stderr
        #: Makes the console that prints on a Windows terminal (given ``stderr``).
        self.windows_console = windows_console
        self._windows: Any = None

    @property
    def stream(self) -> TextIO:
        return sys.stderr if self.stderr else sys.stdout

    def styles(self) -> bool | None:
        """True: ANSI styles; False: plain text; None: the Windows console's own printer."""
        if not _environment_says_terminal(self.stream):
            return False
        if _WINDOWS:
            return None if self.windows_console is not None else False
        return os.environ.get("TERM", "").lower() not in ("dumb", "unknown")

    def shows_live(self) -> bool:
        """A terminal that shows a live display such as a progress bar (elsewhere it shows none)."""
        return self.styles() is not False

    def print(self, text: str = "", *, markup: bool = True, end: str = "\n") -> None:
        styled = self.styles()
        if styled is None:
            self._windows_console().print(text, markup=markup, end=end)
            return
        if not markup:
            out = text.translate(_CONTROL)
        elif styled:
            colour = os.environ.get("NO_COLOR", "") == ""
            parts = []
            for part, styles in pieces(text):
                code, plain = sgr(styles, colour), part.translate(_CONTROL)
                parts.append(f"{code}{plain}{_RESET}" if code else plain)
            out = "".join(parts)
        else:
            out = "".join(part for part, _ in pieces(text)).translate(_CONTROL)
        stream = self.stream
        stream.write(out + end)
        stream.flush()

    def print_json(self, text: str) -> None:
        """JSON for programs, indented as rich's ``print_json`` (not coloured)."""
        self.print(json.dumps(json.loads(text), indent=2, ensure_ascii=False), markup=False)

    def _windows_console(self) -> Any:
        if self._windows is None:
            assert self.windows_console is not None
            self._windows = self.windows_console(self.stderr)
        return self._windows
