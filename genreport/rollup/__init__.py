"""汇总 (roll-up): a report whose tables are the sum of other reports of the same year.

``sums`` adds tables up; ``compute`` turns a loaded report and its units into the report every
later stage sees (computed tables filled in, typed tables checked against the sum: R24) plus the
findings about the units themselves (R25: missing, unreadable, in a cycle, or with errors).
Walking the units (loading, nesting, cycles) is the loader's job (``genreport/pipeline.py``).
"""

from __future__ import annotations

from .compute import MAX_DEPTH, TABLE_KEYS, Unit, compute, unit_errors, untyped_tables
from .files import rollup_inputs, unit_path

__all__ = [
    "MAX_DEPTH",
    "TABLE_KEYS",
    "Unit",
    "compute",
    "rollup_inputs",
    "unit_errors",
    "unit_path",
    "untyped_tables",
]
