"""A loaded report with 汇总 and its loaded units → the report later stages see, and findings.

Tables the file leaves out become the sum of the units; tables it types are compared with that
sum cell by cell (R24). A unit that is missing (缺报), unreadable or part of a cycle makes the sum
impossible: those are R25 and the report has no computed tables at all, rather than a partial sum
that would look right. Computed values point at the 汇总 key, so any later finding about them
(R1, R6, R15 …) lands on the line that made them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..check.cells import t2_cell, t3_cell, t4_cell
from ..findings import Finding, Severity
from ..layout import (
    APPLICANT_COLUMNS,
    T2_COUNT_ROWS,
    T2_DOC_COLUMNS,
    T2_DOC_ROWS,
    T2_FEE_ROW,
    T3_INPUT_ROWS,
    T4_BLOCKS,
    T4_OUTCOMES,
)
from ..load.rollup_key import COMPUTED_KEYS, KEY
from ..model import DOCUMENTS_SUMMED, T4, Counts, Pos, Report
from .sums import add_t2, add_t3, add_t4

#: The top-level keys a roll-up computes or checks, each on its own.
TABLE_KEYS = COMPUTED_KEYS
#: Levels of 汇总 below a report (city → district → department is 2); deeper is surely a mistake,
#: and walking it would only exhaust the stack.
MAX_DEPTH = 12
#: Contributing units named in an R24 message before "等 N 个单位".
_NAMED = 8

Value = int | Decimal


@dataclass(frozen=True)
class Unit:
    """One listed unit as the loader found it: its (rolled-up) report, or why there is none."""

    slug: str
    file: str
    report: Report | None
    #: None, "missing" (no file), "invalid" (the file or its own roll-up has errors), "cycle" or
    #: "too-deep" (more than MAX_DEPTH levels of 汇总).
    problem: str | None = None
    cycle: tuple[str, ...] = ()  # the slugs around the cycle, first repeated at the end


@dataclass(frozen=True)
class _Cell:
    table: str
    path: tuple[str, ...]
    name: str  # as messages spell it: 依申请公开.本年新收（自然人）
    label: str  # the printed cell
    get: Callable[[Report], Value]
    documents: bool = False  # a 规章/规范性文件 cell (see Rollup.documents)


def _document(row: str, i: int) -> Callable[[Report], Value]:
    return lambda r: r.t2.documents[row].values[i]


def _decision(row: str) -> Callable[[Report], Value]:
    return lambda r: r.t2.decisions[row]


def _t3(key: tuple[str, ...], i: int) -> Callable[[Report], Value]:
    return lambda r: r.t3.rows[key].values[i]


def _t4(block: tuple[str, ...], i: int) -> Callable[[Report], Value]:
    return lambda r: r.t4.blocks[block].values[i]


def _cells() -> tuple[_Cell, ...]:
    cells: list[_Cell] = []
    for row in T2_DOC_ROWS:
        for i, column in enumerate(T2_DOC_COLUMNS):
            cells.append(
                _Cell(
                    "主动公开",
                    ("主动公开", row, column),
                    f"主动公开.{row}（{column}）",
                    t2_cell(row, column),
                    _document(row, i),
                    documents=True,
                )
            )
    for row in T2_COUNT_ROWS:
        cells.append(
            _Cell(
                "主动公开",
                ("主动公开", row),
                f"主动公开.{row}",
                t2_cell(row),
                _decision(row),
            )
        )
    cells.append(
        _Cell(
            "主动公开",
            ("主动公开", T2_FEE_ROW),
            f"主动公开.{T2_FEE_ROW}",
            t2_cell(T2_FEE_ROW),
            lambda r: r.t2.fee,
        )
    )
    for t3_row in T3_INPUT_ROWS:
        for i, column in enumerate(APPLICANT_COLUMNS):
            cells.append(
                _Cell(
                    "依申请公开",
                    ("依申请公开", *t3_row.key, column),
                    f"依申请公开.{'.'.join(t3_row.key)}（{column}）",
                    t3_cell(t3_row.key, column),
                    _t3(t3_row.key, i),
                )
            )
    for block in T4_BLOCKS:
        for i, outcome in enumerate(T4_OUTCOMES):
            cells.append(
                _Cell(
                    block[0],
                    (*block, outcome),
                    f"{'.'.join(block)}（{outcome}）",
                    t4_cell(block, outcome),
                    _t4(block, i),
                )
            )
    return tuple(cells)


CELLS = _cells()


def untyped_tables(report: Report) -> frozenset[str]:
    """The table keys the file does not write: with 汇总, these are computed."""
    return frozenset(key for key in TABLE_KEYS if (key,) not in report.positions)


def _finding(
    report: Report, rule: str, path: tuple[str, ...], message: str, cell: str | None = None
) -> Finding:
    pos = report.pos(*path)
    return Finding(
        rule,
        Severity.ERROR,
        report.file,
        pos.line,
        pos.column,
        message,
        cell,
    )


def _unit_problems(report: Report, units: Sequence[Unit]) -> list[Finding]:
    findings = []
    missing = [u for u in units if u.problem == "missing"]
    if missing:
        names = "、".join(f"{u.slug}（{u.file}）" for u in missing)
        findings.append(
            _finding(
                report,
                "R25",
                (KEY,),
                f"缺报：汇总所列单位中有 {len(missing)} 个没有 {report.year} 年的文件：{names}；"
                "收齐之前不能计算汇总数",
            )
        )
    for unit in units:
        if unit.problem == "invalid":
            message = (
                f"汇总的单位 {unit.slug}（{unit.file}）有错误，无法读取或汇总，不能相加；"
                "请先改正该文件"
            )
        elif unit.problem == "too-deep":
            message = f"汇总的层级超过 {MAX_DEPTH} 层（到 {unit.slug} 为止）：请检查各文件的汇总是否列错了单位"
        elif unit.problem == "cycle":
            message = f"汇总出现循环：{' → '.join(unit.cycle)}；一个报告不能直接或间接地汇总它自己"
        else:
            continue
        findings.append(_finding(report, "R25", (KEY, unit.slug), message))
    return findings


def unit_errors(report: Report, unit: Unit, errors: int) -> Finding:
    """A unit that loads but fails its own checks: the parent's sum cannot be right either."""
    return _finding(
        report,
        "R25",
        (KEY, unit.slug),
        f"汇总的单位 {unit.slug}（{unit.file}）有 {errors} 个错误：它改正之前，本报告的汇总数不可靠",
    )


def _contributions(cell: _Cell, units: Sequence[tuple[str, Report]]) -> str:
    terms = [(slug, cell.get(r)) for slug, r in units if cell.get(r) != 0]
    if not terms:
        return "各单位均为 0"
    shown = " + ".join(f"{slug} {value}" for slug, value in terms[:_NAMED])
    return shown + (f" 等 {len(terms)} 个单位" if len(terms) > _NAMED else "")


def compute(report: Report, units: Sequence[Unit]) -> tuple[Report | None, list[Finding]]:
    rollup = report.rollup
    assert rollup is not None
    findings = _unit_problems(report, units)
    counted = [(u.slug, u.report) for u in units if u.report is not None]
    if len(counted) < len(units):
        return None, findings
    reports = [r for _, r in counted]
    own_documents = dict(counted).get(rollup.documents)
    summed = dataclasses.replace(
        report,
        t2=add_t2([r.t2 for r in reports], own_documents.t2 if own_documents else None),
        t3=add_t3([r.t3 for r in reports]),
        t4=add_t4([r.t4 for r in reports]),
    )
    computed = untyped_tables(report)
    for cell in CELLS:
        if cell.table in computed:
            continue
        typed, total = cell.get(report), cell.get(summed)
        if typed == total:
            continue
        if cell.documents and rollup.documents != DOCUMENTS_SUMMED:
            source = f"本级单位 {rollup.documents} 的数为 {total}"
        else:
            source = (
                f"所汇总的 {len(counted)} 个单位之和为 {total}（{_contributions(cell, counted)}）"
            )
        findings.append(
            _finding(
                report, "R24", cell.path, f"{cell.name}：写的是 {typed}，但{source}", cell.label
            )
        )
    blocks: dict[tuple[str, ...], Counts] = {
        block: (summed if block[0] in computed else report).t4.blocks[block] for block in T4_BLOCKS
    }
    positions = dict(report.positions)
    here = positions.get((KEY,), Pos(1, 1))
    for key in computed:
        positions[(key,)] = here
    rolled = dataclasses.replace(
        report,
        t2=summed.t2 if "主动公开" in computed else report.t2,
        t3=summed.t3 if "依申请公开" in computed else report.t3,
        t4=T4(blocks),
        positions=positions,
        computed=computed,
    )
    return rolled, findings


__all__ = ["CELLS", "MAX_DEPTH", "TABLE_KEYS", "Unit", "compute", "unit_errors", "untyped_tables"]
