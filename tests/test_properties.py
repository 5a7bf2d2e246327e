"""Properties: any consistent report passes every rule; any single-cell change is caught.

Reports are generated as the model, written with the YAML writer and loaded back, so the loader,
the writer and the rules are exercised together and positions are real.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from genreport.check import PreviousYear, check_report
from genreport.dump import dump_report
from genreport.findings import Severity
from genreport.layout import (
    CARRIED_IN,
    CARRIED_OUT,
    RECEIVED,
    RESULTS_TOTAL,
    T2_COUNT_ROWS,
    T2_DOC_ROWS,
    T3_RESULT_ROWS,
    T4_BLOCKS,
)
from genreport.load import load_text
from genreport.model import T2, T3, T4, Counts, Narrative, Pos, Report

NOWHERE = Pos(1, 1)
small = st.integers(min_value=0, max_value=30)


def stated(values: tuple[int, ...]) -> Counts:
    return Counts(values, sum(values))


@st.composite
def consistent_reports(draw: st.DrawFn) -> Report:
    rows: dict[tuple[str, ...], Counts] = {}
    for row in T3_RESULT_ROWS:
        rows[row.key] = stated(tuple(draw(small) for _ in range(6)))
    done = [sum(rows[r.key].values[i] for r in T3_RESULT_ROWS) for i in range(6)]
    carried_out = [draw(small) for _ in range(6)]
    carried_in = [draw(st.integers(0, done[i] + carried_out[i])) for i in range(6)]
    received = [done[i] + carried_out[i] - carried_in[i] for i in range(6)]
    rows[RECEIVED] = stated(tuple(received))
    rows[CARRIED_IN] = stated(tuple(carried_in))
    rows[CARRIED_OUT] = stated(tuple(carried_out))
    t4 = {block: stated(tuple(draw(small) for _ in range(4))) for block in T4_BLOCKS}
    return Report(
        file="inputs/2023/x.yaml",
        agency="测试市测试局",
        year=2023,
        agency_type="部门",
        published=dt.date(2024, 1, 20),
        can_make_rules=False,
        preface=None,
        overview=Narrative((), NOWHERE),
        t2=T2(
            {row: Counts((0, 0, 0)) for row in T2_DOC_ROWS},
            dict.fromkeys(T2_COUNT_ROWS, 0),
            Decimal(0),
        ),
        t3=T3(rows, stated(tuple(done))),
        t4=T4(t4),
        problems=Narrative((), NOWHERE),
        info_fee_yuan=Decimal(0),
        other_matters=Narrative((), NOWHERE),
    )


def errors_of(report: Report) -> list[tuple[str, int]]:
    loaded = load_text(dump_report(report).encode(), "inputs/2023/x.yaml", 2023)
    assert loaded.report is not None, [f.format() for f in loaded.findings]
    found = check_report(loaded.report, PreviousYear("", None, "missing"))
    return [(f.rule, f.line) for f in found if f.severity is Severity.ERROR]


@settings(max_examples=60, deadline=None)
@given(consistent_reports())
def test_consistent_reports_pass(report: Report) -> None:
    assert errors_of(report) == []


T3_CELLS = [(row.key, i) for row in (*T3_RESULT_ROWS,) for i in range(7)] + [
    (key, i) for key in (RECEIVED, CARRIED_IN, CARRIED_OUT, RESULTS_TOTAL) for i in range(7)
]


def bump(counts: Counts, index: int, delta: int) -> Counts:
    if index == len(counts.values):
        assert counts.stated_total is not None
        return Counts(counts.values, counts.stated_total + delta)
    values = list(counts.values)
    values[index] += delta
    return Counts(tuple(values), counts.stated_total)


def expected_rules_t3(key: tuple[str, ...], index: int) -> set[str]:
    if index == 6:
        return {"R3"}
    if key == RESULTS_TOTAL:
        return {"R1", "R2", "R3"}
    if key in (RECEIVED, CARRIED_IN, CARRIED_OUT):
        return {"R1", "R3"}
    return {"R2", "R3"}


@settings(max_examples=80, deadline=None)
@given(consistent_reports(), st.sampled_from(T3_CELLS), st.integers(1, 9))
def test_any_t3_cell_change_is_caught(
    report: Report, cell: tuple[tuple[str, ...], int], delta: int
) -> None:
    key, index = cell
    t3 = report.t3
    if key == RESULTS_TOTAL:
        assert t3.stated_results_total is not None
        changed = T3(t3.rows, bump(t3.stated_results_total, index, delta))
    else:
        changed = T3({**t3.rows, key: bump(t3.rows[key], index, delta)}, t3.stated_results_total)
    changed_report = dataclasses.replace(report, t3=changed)
    found = errors_of(changed_report)
    assert expected_rules_t3(key, index) <= {rule for rule, _ in found}
    loaded = load_text(dump_report(changed_report).encode(), "x.yaml", 2023).report
    assert loaded is not None
    assert loaded.pos("依申请公开", *key).line in {line for _, line in found}


@settings(max_examples=40, deadline=None)
@given(consistent_reports(), st.sampled_from(T4_BLOCKS), st.integers(0, 4), st.integers(1, 9))
def test_any_t4_cell_change_is_caught(
    report: Report, block: tuple[str, ...], index: int, delta: int
) -> None:
    blocks = {**report.t4.blocks, block: bump(report.t4.blocks[block], index, delta)}
    changed_report = dataclasses.replace(report, t4=T4(blocks))
    found = errors_of(changed_report)
    loaded = load_text(dump_report(changed_report).encode(), "x.yaml", 2023).report
    assert loaded is not None
    assert found == [("R8", loaded.pos(*block).line)]
