"""J1: every Jinja expression in the narrative evaluates (a typo must not reach the build)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model import Report
from ..narrative import NarrativeEvaluator
from .context import PreviousYear


def j1_expressions(report: Report, _: PreviousYear | None) -> Iterator[Finding]:
    evaluator = NarrativeEvaluator(report)
    if report.preface is not None:
        evaluator.text(report.preface, "前言")
    evaluator.narrative(report.overview, "总体情况")
    evaluator.narrative(report.problems, "存在的主要问题及改进情况")
    evaluator.narrative(report.other_matters, "其他需要报告的事项")
    yield from evaluator.findings
