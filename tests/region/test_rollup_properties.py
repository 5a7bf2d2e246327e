"""Properties: the sum of consistent units is consistent, and equals a parent that types it.

Units are generated as models (tests/test_properties.py), written with the YAML writer and loaded
back through the same loader as ``check``; the parent either leaves its tables out or types the
sum, and then any single cell off by one is exactly one R24, at that cell's line.
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from test_properties import consistent_reports

from genreport.dump import dump_report
from genreport.layout import APPLICANT_COLUMNS, T3_INPUT_ROWS
from genreport.model import T3, Counts, Report, Rollup
from genreport.pipeline import Loader
from genreport.rollup.sums import add_t2, add_t3, add_t4

UNITS = st.lists(consistent_reports(), min_size=1, max_size=4)


def _write(folder: Path, units: list[Report], parent: Report) -> None:
    for i, unit in enumerate(units):
        (folder / f"u{i}.yaml").write_text(dump_report(unit), "utf-8")
    (folder / "p.yaml").write_text(dump_report(parent), "utf-8")


def _parent(units: list[Report], typed: bool) -> Report:
    base = dataclasses.replace(
        units[0], agency="测试市人民政府", rollup=Rollup(tuple(f"u{i}" for i in range(len(units))))
    )
    if not typed:
        return dataclasses.replace(
            base, computed=frozenset({"主动公开", "依申请公开", "行政复议", "行政诉讼"})
        )
    return dataclasses.replace(
        base,
        t2=add_t2([u.t2 for u in units]),
        t3=add_t3([u.t3 for u in units]),
        t4=add_t4([u.t4 for u in units]),
    )


def _errors(folder: Path) -> list[tuple[str, int, str | None]]:
    checked = Loader().check(folder / "p.yaml")
    return [(f.rule, f.line, f.cell) for f in checked.findings if f.is_error]


@settings(max_examples=25, deadline=None)
@given(UNITS)
def test_computed_parent_of_consistent_units_passes(units: list[Report]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "inputs/2023"
        folder.mkdir(parents=True)
        _write(folder, units, _parent(units, typed=False))
        assert _errors(folder) == []
        report = Loader().check(folder / "p.yaml").report
        assert report is not None
        for row in T3_INPUT_ROWS:
            want = tuple(sum(u.t3.rows[row.key].values[i] for u in units) for i in range(6))
            assert report.t3.rows[row.key].values == want


@settings(max_examples=25, deadline=None)
@given(UNITS, st.sampled_from(T3_INPUT_ROWS), st.integers(0, 5))
def test_typed_parent_off_by_one_is_one_r24_at_that_line(
    units: list[Report], row: object, column: int
) -> None:
    parent = _parent(units, typed=True)
    key = row.key  # type: ignore[attr-defined]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "inputs/2023"
        folder.mkdir(parents=True)
        _write(folder, units, parent)
        assert _errors(folder) == []
        counts = parent.t3.rows[key]
        bumped = list(counts.values)
        bumped[column] += 1
        rows = {**parent.t3.rows, key: Counts(tuple(bumped))}
        _write(folder, units, dataclasses.replace(parent, t3=T3(rows)))
        r24 = [e for e in _errors(folder) if e[0] == "R24"]
        text = (folder / "p.yaml").read_text("utf-8").splitlines()
        assert len(r24) == 1
        line = text[r24[0][1] - 1]
        assert line.strip().startswith(f"{key[-1]}:"), line
        assert r24[0][2] is not None and f"「{APPLICANT_COLUMNS[column]}」列" in r24[0][2]
