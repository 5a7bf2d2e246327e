"""Regular expressions compiled by their first use, not by the import of their module.

``re`` compiles a class of Chinese characters (``[\\u4e00-\\u9fff]``) by walking its 20,992 code
points in Python, about a millisecond each. The check's rules hold a hundred such patterns and
one file's check uses under half of them, so a short ``genreport check FILE`` should not pay for
the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyRegex:
    """Behaves as ``re.compile(source, flags)`` for the methods genreport uses.

    The first use compiles the pattern and makes each method the compiled pattern's own, so
    later calls cost what ``re``'s do (the loader matches several hundred values a file).
    """

    __slots__ = ("flags", "pattern", *_METHODS)

    search: Callable[..., re.Match[str] | None]
    match: Callable[..., re.Match[str] | None]
    fullmatch: Callable[..., re.Match[str] | None]
    finditer: Callable[..., Iterator[re.Match[str]]]
    findall: Callable[..., list[Any]]
    sub: Callable[..., str]
    subn: Callable[..., tuple[str, int]]
    split: Callable[..., list[str | Any]]

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str) -> Any:
        """Reached only while a method's slot is empty, that is before the first use."""
        if name not in _METHODS:
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self.flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyRegex({self.pattern!r})"
