"""What a rule needs besides the report: the previous year's report, when there is one."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Report


@dataclass(frozen=True)
class PreviousYear:
    """The same agency's report for the year before, or why it is missing."""

    file: str
    report: Report | None
    #: Why ``report`` is None: "missing" (no such file), "invalid" (it has load errors) or
    #: "no-year-folder" (the checked file is not in inputs/YEAR/, so there is no year before it).
    problem: str | None = None
