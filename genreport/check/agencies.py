"""L4: two files of one year for the same agency — usually a forgotten copy (``x - 副本.yaml``).

The one rule that reads several files at once: it runs over the reports checked together, grouped
by the folder they sit in, and warns in each file of a group, naming the others.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..findings import Finding
from ..model import Report
from .base import WARNING, at


def _key(name: str) -> str:
    """The agency's name as compared: spaces of either width do not make another agency."""
    return "".join(name.split())


def l4_same_agency(reports: Iterable[tuple[Path, Report]]) -> Iterator[Finding]:
    groups: dict[tuple[Path, int, str], list[Report]] = defaultdict(list)
    for path, report in reports:
        groups[(path.resolve().parent, report.year, _key(report.agency))].append(report)
    for group in groups.values():
        if len(group) < 2:
            continue
        for report in group:
            others = "、".join(
                f"{other.file}:{other.pos('机关').line}" for other in group if other is not report
            )
            yield at(
                report,
                "L4",
                WARNING,
                ("机关",),
                f"{report.year} 年还有别的文件也是“{report.agency}”（{others}）："
                "一个机关每年只应有一份报告；如果其中一个是副本，请删除它",
            )
