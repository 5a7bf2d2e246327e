"""L4: two files of one year for the same agency — usually a forgotten copy (``x - 副本.yaml``).

The one rule that reads several files at once: it runs over the reports checked together, grouped
by the folder they sit in, and warns in each file of a group, naming the others.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..findings import Finding
from ..model import Report
from .base import WARNING, at


def _key(name: str) -> str:
    """The agency's name as compared: spaces of either width do not make another agency."""
    return "".join(name.split())


@dataclass(frozen=True)
class Claim:
    """A file's claim to be its agency's report of its year, in its folder: what L4 compares,
    plain data a worker process can send back instead of the report."""

    group: tuple[Path, int, str]  # folder, year, the agency's name as compared
    year: int
    agency: str
    #: Where another file's warning names this one: ``file:line`` of its 机关.
    place: str
    #: The warning at this file's 机关, its message still to come.
    anchor: Finding


def claim_of(path: Path, report: Report) -> Claim:
    place = f"{report.file}:{report.pos('机关').line}"
    anchor = at(report, "L4", WARNING, ("机关",), "")
    group = (path.resolve().parent, report.year, _key(report.agency))
    return Claim(group, report.year, report.agency, place, anchor)


def l4_same_agency(reports: Iterable[tuple[Path, Report]]) -> Iterator[Finding]:
    return l4_claims(claim_of(path, report) for path, report in reports)


def l4_claims(claims: Iterable[Claim]) -> Iterator[Finding]:
    groups: dict[tuple[Path, int, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[claim.group].append(claim)
    for group in groups.values():
        if len(group) < 2:
            continue
        for claim in group:
            others = "、".join(other.place for other in group if other is not claim)
            yield replace(
                claim.anchor,
                message=f"{claim.year} 年还有别的文件也是“{claim.agency}”（{others}）："
                "一个机关每年只应有一份报告；如果其中一个是副本，请删除它",
            )
