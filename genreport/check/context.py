"""What a rule needs besides the report: the previous year's report, when there is one."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Report


@dataclass(frozen=True)
class PreviousYear:
    """The same agency's report for the year before, or why it is missing."""

    file: str
    report: Report | None
    #: Why ``report`` is None: "missing" (no such file) or "invalid" (it has load errors).
    problem: str | None = None
