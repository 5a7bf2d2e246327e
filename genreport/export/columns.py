"""The statistics tables flattened into columns: one column per printed cell, one row per agency.

Built from ``layout.py`` alone, so the workbook's headers are the printed labels and the column
keys are the input file's own paths (``依申请公开.办理结果.不予公开.属于国家秘密.自然人``): a key
says where the value goes in the YAML, and stays the same as long as the national format does.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..layout import (
    APPLICANT_COLUMNS,
    RESULTS,
    RESULTS_LABEL,
    RESULTS_TOTAL,
    T2_BLOCKS,
    T2_DOC_COLUMN_LABELS,
    T2_DOC_COLUMNS,
    T2_DOC_ROWS,
    T2_FEE_ROW,
    T3_COLUMNS,
    T3_RESULT_ROWS,
    T3_ROWS,
    T4_BLOCKS,
    T4_COLUMNS,
    T4_OUTCOMES,
)
from ..model import Report

Value = int | Decimal
TOTAL = "总计"


@dataclass(frozen=True)
class Column:
    key: str  # the value's path in the input file, dot-joined; the CSV header
    path: tuple[str, ...]  # the YAML path of the row (T2 and T4 blocks, T3 rows)
    index: int | None  # the element of the row's list; None for a single value
    #: Printed labels from the top header row down; equal neighbours are merged.
    header: tuple[str, ...]
    money: bool = False
    #: Keys of the cells this total adds up (an Excel formula); empty for a typed cell.
    sums: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sheet:
    name: str
    title: str
    columns: tuple[Column, ...]


def _key(path: tuple[str, ...], name: str | None = None) -> str:
    return ".".join((*path, name) if name else path)


def _t2_columns() -> tuple[Column, ...]:
    columns = []
    for block in T2_BLOCKS:
        for row in block.rows:
            path = ("主动公开", row)
            if row in T2_DOC_ROWS:
                for i, (name, label) in enumerate(
                    zip(T2_DOC_COLUMNS, T2_DOC_COLUMN_LABELS, strict=True)
                ):
                    columns.append(Column(_key(path, name), path, i, (block.caption, row, label)))
            else:
                header = (block.caption, row, block.column_label)
                columns.append(Column(_key(path), path, None, header, money=row == T2_FEE_ROW))
    return tuple(columns)


def _t3_header(row_key: tuple[str, ...]) -> tuple[str, str, str]:
    row = next(r for r in T3_ROWS if r.key == row_key)
    if row.key[0] != RESULTS:
        return (row.label, row.label, row.label)
    if row.group_label is None:
        return (RESULTS_LABEL, row.label, row.label)
    return (RESULTS_LABEL, row.group_label, row.label)


def _t3_columns() -> tuple[Column, ...]:
    columns = []
    for row in T3_ROWS:
        path = ("依申请公开", *row.key)
        keys = [_key(path, name) for name in APPLICANT_COLUMNS]
        for i, name in enumerate(APPLICANT_COLUMNS):
            sums: tuple[str, ...] = ()
            if row.key == RESULTS_TOTAL:
                sums = tuple(_key(("依申请公开", *r.key), name) for r in T3_RESULT_ROWS)
            columns.append(Column(keys[i], path, i, (*_t3_header(row.key), name), sums=sums))
        header = (*_t3_header(row.key), T3_COLUMNS[-1])
        columns.append(Column(_key(path, TOTAL), path, len(keys), header, sums=tuple(keys)))
    return tuple(columns)


def _t4_columns() -> tuple[Column, ...]:
    columns = []
    for block in T4_BLOCKS:
        header_top = (block[0], block[-1]) if len(block) > 1 else (block[0], block[0])
        keys = [_key(block, name) for name in T4_OUTCOMES]
        for i, name in enumerate(T4_OUTCOMES):
            columns.append(Column(keys[i], block, i, (*header_top, name)))
        total_header = (*header_top, T4_COLUMNS[-1])
        columns.append(Column(_key(block, TOTAL), block, 4, total_header, sums=tuple(keys)))
    return tuple(columns)


SHEETS = (
    Sheet("表二 主动公开", "二、主动公开政府信息情况", _t2_columns()),
    Sheet("表三 依申请公开", "三、收到和处理政府信息公开申请情况", _t3_columns()),
    Sheet("表四 复议诉讼", "四、政府信息公开行政复议、行政诉讼情况", _t4_columns()),
)
COLUMNS = tuple(column for sheet in SHEETS for column in sheet.columns)
BY_KEY = {column.key: column for column in COLUMNS}


def values(report: Report) -> dict[str, Value]:
    """Every cell of the three tables; totals are computed, as the workbook's formulas compute them."""
    result: dict[str, Value] = {}
    t2 = report.t2
    for row in T2_DOC_ROWS:
        for name, value in zip(T2_DOC_COLUMNS, t2.documents[row].values, strict=True):
            result[_key(("主动公开", row), name)] = value
    for row, value in t2.decisions.items():
        result[_key(("主动公开", row))] = value
    result[_key(("主动公开", T2_FEE_ROW))] = t2.fee
    for t3_row in T3_ROWS:
        counts = report.t3.row(t3_row.key)
        path = ("依申请公开", *t3_row.key)
        for name, value in zip(APPLICANT_COLUMNS, counts.values, strict=True):
            result[_key(path, name)] = value
        result[_key(path, TOTAL)] = counts.total
    for block in T4_BLOCKS:
        counts = report.t4.blocks[block]
        for name, value in zip(T4_OUTCOMES, counts.values, strict=True):
            result[_key(block, name)] = value
        result[_key(block, TOTAL)] = counts.total
    return result
