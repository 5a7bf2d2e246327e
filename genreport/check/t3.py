"""T3 arithmetic: R1 (the printed 勾稽 note), R2 (results add up), R3 (rows add up)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..layout import (
    APPLICANT_COLUMNS,
    CARRIED_IN,
    CARRIED_OUT,
    RECEIVED,
    RESULTS_TOTAL,
    T3_GROUPS,
    T3_INPUT_ROWS,
)
from ..model import Counts, Report
from .base import ERROR, at, plus
from .cells import t3_cell
from .context import PreviousYear

ROOT = "依申请公开"


def _column_path(key: tuple[str, ...], column: str) -> tuple[str, ...]:
    return (ROOT, *key, column)


def r1_balance(report: Report, _: PreviousYear | None) -> Iterator[Finding]:
    """一 + 二 = （七） + 四, in each applicant column.

    The 总计 column balances whenever the six columns do and every stated total adds up, which
    R3 checks where the total was typed; checking it here too would only repeat those findings.
    """
    t3 = report.t3
    for i, column in enumerate(APPLICANT_COLUMNS):
        new, carried_in = t3.shown_row(RECEIVED)[i], t3.shown_row(CARRIED_IN)[i]
        done, carried_out = t3.shown_row(RESULTS_TOTAL)[i], t3.shown_row(CARRIED_OUT)[i]
        if new + carried_in != done + carried_out:
            yield at(
                report,
                "R1",
                ERROR,
                _column_path(RECEIVED, column),
                f"依申请公开（{column}）：本年新收 {new} + 上年结转 {carried_in} = {new + carried_in}，"
                f"但办理结果总计 {done} + 结转下年度 {carried_out} = {done + carried_out}",
                t3_cell(RECEIVED, column),
            )


def r2_results(report: Report, _: PreviousYear | None) -> Iterator[Finding]:
    """A stated （七）总计 equals the sum of the result rows (computed totals always do)."""
    t3 = report.t3
    stated = t3.stated_results_total
    if stated is None:
        return
    for i, column in enumerate(APPLICANT_COLUMNS):
        terms = [
            ("予以公开", t3.rows[("办理结果", "予以公开")].values[i]),
            ("部分公开", t3.rows[("办理结果", "部分公开")].values[i]),
            *((group, t3.group_total(group).values[i]) for group in T3_GROUPS),
        ]
        if stated.values[i] != sum(v for _, v in terms):
            yield at(
                report,
                "R2",
                ERROR,
                _column_path(RESULTS_TOTAL, column),
                f"依申请公开（{column}）：（七）总计写的是 {stated.values[i]}，"
                f"但各项办理结果之和为 {plus(terms)}",
                t3_cell(RESULTS_TOTAL, column),
            )


def _stated_total_mismatch(report: Report, key: tuple[str, ...], counts: Counts) -> Finding | None:
    if counts.stated_total is None or counts.stated_total == counts.total:
        return None
    name = "办理结果.总计" if key == RESULTS_TOTAL else ".".join(key)
    return at(
        report,
        "R3",
        ERROR,
        _column_path(key, "总计"),
        f"依申请公开.{name}：总计写的是 {counts.stated_total}，"
        f"但 {plus(zip(APPLICANT_COLUMNS, counts.values, strict=True))}",
        t3_cell(key, "总计"),
    )


def r3_row_totals(report: Report, _: PreviousYear | None) -> Iterator[Finding]:
    """Every stated row total equals the sum of its six applicant columns."""
    rows = [(row.key, report.t3.rows[row.key]) for row in T3_INPUT_ROWS]
    if report.t3.stated_results_total is not None:
        rows.append((RESULTS_TOTAL, report.t3.stated_results_total))
    for key, counts in rows:
        finding = _stated_total_mismatch(report, key, counts)
        if finding:
            yield finding
