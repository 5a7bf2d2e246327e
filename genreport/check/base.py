"""The small vocabulary every rule module shares."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..findings import Finding, Severity
from ..model import Report
from .context import PreviousYear

Rule = Callable[[Report, PreviousYear | None], Iterable[Finding]]

ERROR = Severity.ERROR
WARNING = Severity.WARNING
INFO = Severity.INFO


def at(
    report: Report,
    rule: str,
    severity: Severity,
    path: tuple[str, ...],
    message: str,
    cell: str | None = None,
) -> Finding:
    """A finding at the value ``path`` (or its nearest written ancestor) in ``report``'s file."""
    pos = report.pos(*path)
    return Finding(rule, severity, report.file, pos.line, pos.column, message, cell, path)


def plus(terms: Iterable[tuple[str, int]]) -> str:
    """``自然人 44 + 商业企业 0 = 44``: the arithmetic shown in messages."""
    terms = list(terms)
    total = sum(v for _, v in terms)
    return " + ".join(f"{name} {value}" for name, value in terms) + f" = {total}"
