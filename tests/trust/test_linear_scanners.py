"""Every rule finishes an adversarial 1 MiB file quickly: no scanner over user text is super-linear.

Each input repeats what once made a scanner quadratic (unclosed ``{{``, ``{%``, ``{#``; 处理费 in
one endless sentence; hundreds of thousands of counts, none statements, places, years, …). The
bound is CPU time, and generous (the machine may be loaded): a quadratic scanner takes minutes.
Per-rule figures: ``python bench/bench_adversarial.py``.
"""

from __future__ import annotations

import time

import pytest

from genreport.check import MAX_FINDINGS_PER_RULE, check_report
from genreport.load import load_text
from genreport.load.source import MAX_BYTES
from tests.trust.adversarial import PIECES, adversarial_yaml

FILE = "inputs/2023/test.yaml"


@pytest.mark.parametrize("name", list(PIECES))
def test_a_1_mib_adversarial_file_checks_in_bounded_time(name: str) -> None:
    text = adversarial_yaml(PIECES[name])
    assert MAX_BYTES - 100_000 < len(text.encode()) <= MAX_BYTES
    start = time.process_time()
    loaded = load_text(text.encode(), FILE, 2023)
    assert loaded.report is not None, [f.format() for f in loaded.findings]
    findings = check_report(loaded.report)
    assert time.process_time() - start < 5
    per_rule: dict[str, int] = {}
    for finding in findings:
        per_rule[finding.rule] = per_rule.get(finding.rule, 0) + 1
    assert max(per_rule.values(), default=0) <= MAX_FINDINGS_PER_RULE + 2


def test_findings_past_the_limit_are_summed_up_in_one_note() -> None:
    loaded = load_text(adversarial_yaml(PIECES["places"]).encode(), FILE, 2023)
    assert loaded.report is not None
    r23 = [f for f in check_report(loaded.report) if f.rule == "R23"]
    assert len(r23) == MAX_FINDINGS_PER_RULE + 1
    assert r23[-1].message == f"R23 的问题超过 {MAX_FINDINGS_PER_RULE} 处，从这里起没有再列出"
    assert r23[0].message == (
        "其他需要报告的事项：正文出现“合肥市商务局”，地名与本报告机关“青禾市商务局”不同，"
        "可能是从其他机关的报告复制后遗留的"
    )
