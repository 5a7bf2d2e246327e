"""The rules across the files checked together (L4 within the set, R27 within each year), then
each file's 说明 over everything found, in two steps: what one file contributes (``Facts``, plain
data a worker process sends back instead of the report) and the join over all files in order.
One process and many workers run the same two steps, so they find the same, in the same order.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .check.agencies import Claim, claim_of, l4_claims
from .check.same_year import Unit, r27_copying, units_of
from .explanations import apply_explanations
from .findings import Finding, sort_findings
from .model import Explanation, Report


@dataclass(frozen=True)
class Facts:
    """What the rules across files and the 说明 read of one report."""

    file: str
    year: int
    claim: Claim
    units: tuple[Unit, ...]
    explanations: tuple[Explanation, ...]


def facts_of(path: Path, report: Report) -> Facts:
    return Facts(
        report.file, report.year, claim_of(path, report), units_of(report), report.explanations
    )


@dataclass
class Entry:
    """One file being joined: its name as shown, its own findings, its facts (None: no report)."""

    file: str
    findings: list[Finding]
    facts: Facts | None


def join(entries: list[Entry]) -> None:
    """Adds the findings across ``entries`` to each, applies its 说明 and sorts its findings."""
    by_file = {entry.file: entry for entry in entries}
    known = [entry.facts for entry in entries if entry.facts is not None]
    for finding in l4_claims(facts.claim for facts in known):
        by_file[finding.file].findings = [*by_file[finding.file].findings, finding]
    by_year: defaultdict[int, list[Facts]] = defaultdict(list)
    for facts in known:
        by_year[facts.year].append(facts)
    for year_facts in by_year.values():
        if len(year_facts) > 1:
            copied = r27_copying([u for facts in year_facts for u in facts.units], len(year_facts))
            for entry in entries:
                if entry.facts is not None:
                    entry.findings = [*entry.findings, *copied.get(entry.facts.file, [])]
    for entry in entries:
        if entry.facts is not None:
            entry.findings = apply_explanations(entry.facts, entry.findings)
        entry.findings = sort_findings(entry.findings)
