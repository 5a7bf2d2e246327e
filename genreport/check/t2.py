"""T2 rules decided within one year: R13 (规章 from an agency that cannot make them)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..layout import T2_DOC_COLUMNS
from ..model import Report
from .base import WARNING, at
from .cells import t2_cell
from .context import PreviousYear


def r13_rules_without_power(report: Report, _: PreviousYear | None) -> Iterator[Finding]:
    row = report.t2.documents["规章"]
    if report.can_make_rules or not any(row.values):
        return
    shown = "、".join(f"{c} {v}" for c, v in zip(T2_DOC_COLUMNS, row.values, strict=True))
    yield at(
        report,
        "R13",
        WARNING,
        ("主动公开", "规章"),
        f"主动公开.规章：规章只能由国务院部门和省、设区的市、自治州人民政府制定，"
        f"但本机关的规章一行不为零（{shown}）；如本机关确有规章制定权，请在文件中写“规章制定权: 有”",
        t2_cell("规章"),
    )
