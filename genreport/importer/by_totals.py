"""Choose between readings of a table by its printed totals (R1–R3 for 表三, R8 for 表四).

A report's printed totals are strong evidence of a correct reading: a number read in the wrong
column or row rarely leaves every 总计 adding up. Each combination of the readings recorded by the
table readers (``readings``) is checked with the check stage's own rules; faults every
combination shares are the report's own and decide nothing. When exactly one combination adds
up, it is taken and each row it changed is a finding; otherwise the literal reading stays and
every cell where the readings differ is a finding and a comment at its value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import product
from math import prod

from ..check.cells import t3_cell, t4_cell
from ..check.t3 import r1_balance, r2_results, r3_row_totals
from ..check.t4 import r8_block_totals
from ..layout import APPLICANT_COLUMNS, T3_ROW_BY_KEY, T4_COLUMNS, T4_OUTCOMES, t4_block_label
from .document import Loc
from .imported import ImportedReport
from .labels import printed_label
from .notes import Notes
from .readings import Cells, Choice, Key, Reading
from .rules import WARNING
from .t3 import ROOT, RowData, T3Data
from .t4 import T4Data
from .yaml_writer import to_model

#: Combinations tried together; beyond this each place is decided alone (the rest as read).
MAX_COMBINATIONS = 512
_T3_RULES = (r1_balance, r2_results, r3_row_totals)
_T4_RULES = (r8_block_totals,)
Picks = tuple[int, ...]


def choose_readings(report: ImportedReport, notes: Notes) -> ImportedReport:
    if report.t3 is not None and report.t3.choices:
        report = _decide(report, "t3", list(report.t3.choices), notes)
    if report.t4 is not None and report.t4.choices:
        report = _decide(report, "t4", list(report.t4.choices), notes)
    return report


def _decide(
    report: ImportedReport, table: str, choices: list[Choice], notes: Notes
) -> ImportedReport:
    if prod(len(c.readings) for c in choices) > MAX_COMBINATIONS:
        for choice in choices:
            report = _decide(report, table, [choice], notes)
        return report
    tried: dict[frozenset[tuple[Key, Cells]], tuple[Picks, Faults]] = {}
    for picks in product(*(range(len(c.readings)) for c in choices)):
        updates = _updates(choices, picks)
        if updates is None:
            continue
        outcome = frozenset(
            (key, cells) for key, cells in updates.items() if cells != _current(report, table, key)
        )
        if outcome not in tried:  # readings that fill the same cells are one reading
            tried[outcome] = (picks, _faults(_apply(report, table, updates, choices[0].loc), table))
    as_read = tried[frozenset()][1]
    shared = frozenset.intersection(*(faults.broken for _, faults in tried.values()))
    adding = [(picks, faults.held) for picks, faults in tried.values() if faults.broken == shared]
    most = max(held for _, held in adding)
    fitting = [picks for picks, held in adding if held == most]
    if fitting == [(0,) * len(choices)]:
        return report  # the literal reading adds up best
    if len(fitting) == 1:
        updates = _updates(choices, fitting[0])
        assert updates is not None
        broken = sorted({f.split(" ", 1)[0] for f in as_read.broken - shared})
        for choice, pick in zip(choices, fitting[0], strict=True):
            if pick:
                _say_chosen(choice, choice.readings[pick], table, broken, notes)
        return _apply(report, table, updates, choices[0].loc)
    considered = fitting if fitting else [picks for picks, _ in tried.values()]
    why = "有几种读法印出的合计都相符" if fitting else "每种读法印出的合计都不相符"
    for n, choice in enumerate(choices):
        picked = sorted({p[n] for p in considered} - {0})
        _flag_differences(report, table, choice, [choice.readings[k] for k in picked], why, notes)
    return report


def _updates(choices: list[Choice], picks: Picks) -> dict[Key, Cells] | None:
    """The rows ``picks`` change; None when two picked readings fill one row differently."""
    updates: dict[Key, Cells] = {}
    for choice, pick in zip(choices, picks, strict=True):
        if not pick:
            continue
        for key, cells in choice.readings[pick].rows.items():
            if updates.get(key, cells) != cells:
                return None
            updates[key] = cells
    return updates


def _apply(
    report: ImportedReport, table: str, updates: dict[Key, Cells], where: Loc
) -> ImportedReport:
    if table == "t3":
        assert report.t3 is not None
        rows = dict(report.t3.rows)
        for key, (values, total) in updates.items():
            old = rows.get(key)
            rows[key] = RowData(values, total, old.loc if old else where)
        return replace(report, t3=T3Data(rows, report.t3.choices))
    assert report.t4 is not None
    blocks = {**report.t4.blocks, **updates}
    return replace(report, t4=T4Data(blocks, report.t4.choices))


@dataclass(frozen=True)
class Faults:
    broken: frozenset[str]  # the relations that do not add up, each named by rule and cell
    held: int  # how many printed totals do add up: a reading that leaves one out proves less


def _faults(report: ImportedReport, table: str) -> Faults:
    model = to_model(report, report.source)
    rules = _T3_RULES if table == "t3" else _T4_RULES
    broken = frozenset(f"{f.rule} {f.cell}" for rule in rules for f in rule(model, None))
    if table == "t3":
        rows = [*model.t3.rows.values(), model.t3.stated_results_total]
        checked = len(APPLICANT_COLUMNS) * (2 if model.t3.stated_results_total else 1)
    else:
        rows = list(model.t4.blocks.values())
        checked = 0
    checked += sum(1 for row in rows if row is not None and row.stated_total is not None)
    return Faults(broken, checked - len(broken))


def _say_chosen(
    choice: Choice, reading: Reading, table: str, broken: list[str], notes: Notes
) -> None:
    notes.withdraw(list(reading.replaces))
    notes.items.extend(reading.notes)
    literal = choice.readings[0].how
    for key in reading.rows:
        notes.add(
            _path(table, key),
            choice.loc,
            "I10",
            WARNING,
            f"{choice.what}，可以有几种读法：读作{literal}时 {'、'.join(broken)} 的合计不符，"
            f"只有读作{reading.how}时印出的合计都相符，已按此导入{_row_name(table, key)}；"
            "请对照原表核对",
            _cell(table, key),
        )


def _flag_differences(
    report: ImportedReport,
    table: str,
    choice: Choice,
    others: Iterable[Reading],
    why: str,
    notes: Notes,
) -> None:
    """One finding per row the readings disagree on, naming each cell and what each reads."""
    literal = choice.readings[0].how
    differing: dict[Key, dict[int, list[str]]] = {}
    for reading in others:
        for key, cells in reading.rows.items():
            read = _shown(_current(report, table, key))
            for column, (a, b) in enumerate(zip(read, _shown(cells), strict=True)):
                if a != b:
                    says = f"读作{reading.how}时是 {b}"
                    cell = differing.setdefault(key, {}).setdefault(column, [])
                    if says not in cell:
                        cell.append(says)
    for key, columns in differing.items():
        read = _shown(_current(report, table, key))
        shown = "；".join(
            f"「{_column(table, column)}」列导入为 {read[column]}，{'，'.join(alternatives)}"
            for column, alternatives in columns.items()
        )
        notes.add(
            _path(table, key),
            choice.loc,
            "I10",
            WARNING,
            f"{choice.what}，{why}，无法判定哪种对，按原样（{literal}）导入。"
            f"{_row_name(table, key)}：{shown}。请对照原表核对",
            _cell(table, key),
        )


def _current(report: ImportedReport, table: str, key: Key) -> Cells:
    if table == "t3":
        assert report.t3 is not None
        row = report.t3.rows.get(key)
        return (row.values, row.total) if row else ((0,) * len(APPLICANT_COLUMNS), None)
    assert report.t4 is not None
    return report.t4.blocks.get(key, ((0,) * len(T4_OUTCOMES), None))


def _shown(cells: Cells) -> tuple[int, ...]:
    values, total = cells
    return (*values, sum(values) if total is None else total)


def _row_name(table: str, key: Key) -> str:
    if table == "t3":
        return f"表三「{printed_label(T3_ROW_BY_KEY[key])}」一行"
    return f"表四「{t4_block_label(key)}」"


def _path(table: str, key: Key) -> tuple[str, ...]:
    return (ROOT, *key) if table == "t3" else key


def _column(table: str, column: int) -> str:
    return (*APPLICANT_COLUMNS, "总计")[column] if table == "t3" else T4_COLUMNS[column]


def _cell(table: str, key: Key, column: str | None = None) -> str:
    if table == "t3":
        return t3_cell(key, column)
    return t4_cell(key, column or "总计")
