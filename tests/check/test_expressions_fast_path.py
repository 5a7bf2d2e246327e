"""J1 looks up plain data paths instead of compiling them; it must find exactly what the sandbox finds.

Each generated text mixes paths that exist and that do not, filters, operators, statements,
comments, stray braces and long values; J1's findings on it must equal those of evaluating every
text in the sandbox, and a text it does not evaluate must be one the sandbox renders.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from genreport.check.expressions import j1_expressions, plainly_evaluates
from genreport.load import load_file
from genreport.model import Narrative, Part, Pos, Report, Text
from genreport.narrative import NarrativeEvaluator, data_context
from genreport.sandbox import MAX_TEXT

DEMO = Path(__file__).resolve().parents[2] / "inputs/2023/shijianju.yaml"

PIECES = [
    "全年收到申请",
    "件，",
    " ",
    "\n",
    "{{ 依申请公开.本年新收.总计 }}",
    "{{依申请公开.结转下年度.总计}}",
    "{{ 主动公开.行政许可 }}",
    "{{ 机关 }}",
    "{{ 发布日期 }}",
    "{{ 依申请公开 }}",
    "{{ 依申请公开.本年新收.总 }}",  # no such key
    "{{ 依申请公开.本年新收.总计.多 }}",  # past a number
    "{{ 上年.依申请公开.本年新收.总计 }}",  # no previous year here
    "{{ 主动公开.行政许可 + 1 }}",
    "{{ 主动公开.行政许可|cn_number }}",
    "{{ items }}",
    "{{ 1 }}",
    "{{ }}",
    "{{ 主动公开.行政许可",
    "}}",
    "{{",
    "{%",
    "{% if 机关 %}是{% endif %}",
    "{# 注释 #}",
    "{{ '}}' }}",
    "{{ 机关 * 100000 }}",
]


def _report() -> Report:
    report = load_file(DEMO).report
    assert report is not None
    return report


REPORT = _report()


def _with_text(value: str) -> Report:
    text = Text(value, Pos(1, 1), ())
    return dataclasses.replace(
        REPORT, other_matters=Narrative((Part(None, text, Pos(1, 1)),), Pos(1, 1))
    )


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=8))
def test_j1_finds_what_the_sandbox_finds(pieces: list[str]) -> None:
    value = "".join(pieces)
    report = _with_text(value)
    everything = NarrativeEvaluator(report)
    everything.report_texts()
    assert list(j1_expressions(report, None)) == everything.findings
    if plainly_evaluates(value, data_context(report)):
        assert everything.findings == [] or all(
            "其他需要报告的事项" not in f.message for f in everything.findings
        )


def test_a_long_value_printed_many_times_goes_to_the_sandbox() -> None:
    report = _with_text("{{ 机关 }}" * 2)
    context = data_context(report)
    assert plainly_evaluates("{{ 机关 }}" * 2, context)
    context["机关"] = "局" * MAX_TEXT
    assert not plainly_evaluates("{{ 机关 }}" * 2, context)
