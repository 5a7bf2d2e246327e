"""The table cells a narrative phrase can name, and the values that make the phrase true.

A target lists its candidate cells, the first being the one the phrase most plainly names. Some
phrasings are honestly ambiguous ("办理 20 件" may count this year's applications or those handled;
"自然人 40 件" may mean received or handled): a number that equals any candidate is accepted, so a
correct report is never flagged for choosing one reading over another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ...layout import (
    APPLICANT_COLUMNS,
    CARRIED_IN,
    CARRIED_OUT,
    RECEIVED,
    RESULTS,
    RESULTS_TOTAL,
    T2_DOC_COLUMN_LABELS,
    T2_DOC_COLUMNS,
    T3_GROUPS,
    T3_ROW_BY_KEY,
    T4_BLOCKS,
)
from ...model import Report
from ..cells import t2_cell, t3_cell, t4_cell

Candidates = Callable[[Report], list[tuple[str, int]]]


@dataclass(frozen=True)
class Target:
    name: str
    candidates: Candidates
    cell: str
    #: A total of all applications (or reviews, lawsuits): "其中…" before it means a subset.
    total: bool = False
    #: Counts applications: the phrase must be about 政府信息公开申请, not 建议、投诉, ….
    applications: bool = True
    #: How many characters may sit between the keyword and the number.
    reach: int = 30


def _t3_total(report: Report, key: tuple[str, ...]) -> int:
    return report.t3.shown_row(key)[6]


def _row_label(key: tuple[str, ...]) -> str:
    row = T3_ROW_BY_KEY[key]
    label = row.label if row.group_label is None else f"{row.group_label}{row.label}"
    return f"表三「{label}」"


RECEIVED_LABEL = f"{_row_label(RECEIVED)}总计"
_CARRIED_IN_LABEL = f"{_row_label(CARRIED_IN)}总计"
_CARRIED_OUT_LABEL = f"{_row_label(CARRIED_OUT)}总计"
_DONE_LABEL = "表三「（七）总计」总计"


def received(report: Report) -> int:
    return _t3_total(report, RECEIVED)


def _received(report: Report) -> list[tuple[str, int]]:
    new, carried = received(report), _t3_total(report, CARRIED_IN)
    return [(RECEIVED_LABEL, new), ("加上年结转", new + carried)]


def _received_with_carried(report: Report) -> list[tuple[str, int]]:
    """ "受理 20 件（含上年结转 3 件）": the 20 is 一 + 二."""
    new, carried = received(report), _t3_total(report, CARRIED_IN)
    label = f"{RECEIVED_LABEL} {new} 加{_CARRIED_IN_LABEL.removeprefix('表三')} {carried}，合计"
    return [(label, new + carried)]


def _done(report: Report) -> list[tuple[str, int]]:
    return [(_DONE_LABEL, _t3_total(report, RESULTS_TOTAL))]


def _handled(report: Report) -> list[tuple[str, int]]:
    return [*_done(report), *_received(report)]


def _row(key: tuple[str, ...]) -> Candidates:
    return lambda report: [(f"{_row_label(key)}总计", _t3_total(report, key))]


def _group(group: str) -> Candidates:
    label = f"表三「{T3_GROUPS[group][0]}」各项合计"
    return lambda report: [(label, report.t3.group_total(group).total)]


def _columns(name: str, columns: tuple[int, ...]) -> Candidates:
    """An applicant column: received first, then handled, then received + carried over."""

    def candidates(report: Report) -> list[tuple[str, int]]:
        t3 = report.t3

        def cell(key: tuple[str, ...]) -> int:
            return sum(t3.shown_row(key)[i] for i in columns)

        return [
            (f"{_row_label(RECEIVED)}「{name}」", cell(RECEIVED)),
            (f"{_row_label(RESULTS_TOTAL)}「{name}」", cell(RESULTS_TOTAL)),
            ("加上年结转", cell(RECEIVED) + cell(CARRIED_IN)),
        ]

    return candidates


def _t4(blocks: tuple[tuple[str, ...], ...], label: str) -> Candidates:
    return lambda report: [(label, sum(report.t4.blocks[b].shown_total for b in blocks))]


def _t2(row: str, column: int) -> Candidates:
    label = f"表二「{row}」「{T2_DOC_COLUMN_LABELS[column]}」"
    return lambda report: [(label, report.t2.documents[row].values[column])]


RECEIVED_TARGET = Target("本年新收", _received, t3_cell(RECEIVED, "总计"), total=True)
RECEIVED_WITH_CARRIED = Target(
    "本年新收加上年结转", _received_with_carried, t3_cell(RECEIVED, "总计"), total=True
)
DONE = Target("办结", _done, t3_cell(RESULTS_TOTAL, "总计"), total=True)
HANDLED = Target("办理", _handled, t3_cell(RESULTS_TOTAL, "总计"), total=True)
CARRIED_IN_TARGET = Target("上年结转", _row(CARRIED_IN), t3_cell(CARRIED_IN, "总计"), total=True)
CARRIED_OUT_TARGET = Target(
    "结转下年度", _row(CARRIED_OUT), t3_cell(CARRIED_OUT, "总计"), total=True
)
REVIEW = Target(
    "行政复议",
    _t4(T4_BLOCKS[:1], "表四「行政复议」总计"),
    t4_cell(T4_BLOCKS[0]),
    total=True,
    applications=False,
)
LITIGATION = Target(
    "行政诉讼",
    _t4(T4_BLOCKS[1:], "表四「行政诉讼」未经复议直接起诉与复议后起诉的总计之和"),
    t4_cell(T4_BLOCKS[1]),
    total=True,
    applications=False,
)
LITIGATION_DIRECT = Target(
    "未经复议直接起诉",
    _t4(T4_BLOCKS[1:2], "表四「行政诉讼·未经复议直接起诉」总计"),
    t4_cell(T4_BLOCKS[1]),
    applications=False,
)
LITIGATION_AFTER_REVIEW = Target(
    "复议后起诉",
    _t4(T4_BLOCKS[2:], "表四「行政诉讼·复议后起诉」总计"),
    t4_cell(T4_BLOCKS[2]),
    applications=False,
)

_SHORT = 10  # a result or applicant keyword sits right before its number


def result_row(key: tuple[str, ...]) -> Target:
    return Target(key[-1], _row(key), t3_cell(key, "总计"), reach=_SHORT)


def result_group(group: str) -> Target:
    first = (RESULTS, group, T3_GROUPS[group][1][0][0])
    return Target(group, _group(group), t3_cell(first, "总计"), reach=_SHORT)


def applicant(name: str, columns: tuple[int, ...]) -> Target:
    cell = t3_cell(RECEIVED, APPLICANT_COLUMNS[columns[0]] if len(columns) == 1 else None)
    return Target(name, _columns(name, columns), cell, reach=_SHORT)


def documents(row: str, column: int) -> Target:
    """规章 / 行政规范性文件 × 本年制发 / 本年废止 / 现行有效 (T2)."""
    name = T2_DOC_COLUMNS[column]
    return Target(
        f"{row}{name}", _t2(row, column), t2_cell(row, name), applications=False, reach=15
    )
