"""Check stage: rules over loaded reports → findings. Pure: no files, no terminal.

Each rule is a function ``(report, previous_year) -> findings`` in the module named after what it
reads (t2, t3, t4, cross_year, dates, expressions, and the narrative/ package for R15–R23);
``RULES`` lists them all in the order of format.md §5.
"""

from __future__ import annotations

from itertools import islice

from ..findings import Finding, Severity, sort_findings
from ..gc_paused import gc_paused
from ..model import Report
from . import cross_year, dates, expressions, jumps, narrative, t2, t3, t4
from .base import Rule
from .context import PreviousYear

RULES: tuple[Rule, ...] = (
    t3.r1_balance,
    t3.r2_results,
    t3.r3_row_totals,
    cross_year.previous_year_note,
    cross_year.r6_carry_over,
    t4.r8_block_totals,
    cross_year.r11_r12_documents,
    t2.r13_rules_without_power,
    narrative.r15_r16_narrative_counts,
    narrative.r17_processing_fee,
    dates.r19_publication_year,
    narrative.r19_narrative_year,
    narrative.r21_required_content,
    dates.r22_deadline,
    narrative.r23_copied_text,
    jumps.r26_year_over_year_jump,
    narrative.r28_narrative_contradictions,
    narrative.r29_text_quality,
    expressions.j1_expressions,
)


#: Findings one rule may report for one file: past this, more lines help no one, and stopping
#: the rule there keeps a file with a hundred thousand slips from taking seconds.
MAX_FINDINGS_PER_RULE = 200


def check_report(report: Report, previous: PreviousYear | None = None) -> list[Finding]:
    """All findings for one report, sorted by position."""
    with gc_paused():
        return _check(report, previous)


def _check(report: Report, previous: PreviousYear | None) -> list[Finding]:
    findings = []
    for rule in RULES:
        found = list(islice(rule(report, previous), MAX_FINDINGS_PER_RULE + 1))
        if len(found) > MAX_FINDINGS_PER_RULE:
            last = found.pop()
            found.append(
                Finding(
                    last.rule,
                    Severity.INFO,
                    last.file,
                    last.line,
                    last.column,
                    f"{last.rule} 的问题超过 {MAX_FINDINGS_PER_RULE} 处，从这里起没有再列出",
                )
            )
        findings += found
    return sort_findings(findings)


__all__ = ["RULES", "PreviousYear", "check_report"]
