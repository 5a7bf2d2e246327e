"""J1: every Jinja expression in the narrative evaluates (a typo must not reach the build)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model import Report
from ..narrative import NarrativeEvaluator
from .context import PreviousYear


def j1_expressions(report: Report, previous: PreviousYear | None) -> Iterator[Finding]:
    evaluator = NarrativeEvaluator(report, previous=previous)
    evaluator.report_texts()
    yield from evaluator.findings
