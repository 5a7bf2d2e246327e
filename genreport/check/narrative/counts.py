"""R15 and R16: what the narrative says about the tables must agree with them.

R15: every count the narrative states ("收到依申请公开申请 17 件", "行政复议 1 起") equals the cell
it names, and "未发生行政复议" means the 复议 total is 0. R16: "未收到依申请公开申请" while T3 一 > 0,
or a count of received applications while T3 一 is 0.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from ...model import Report
from ..base import INFO, WARNING
from ..context import PreviousYear
from . import targets as t
from .mentions import MAX_CANDIDATES, Mention, mentions
from .nones import none_statements
from .scan import passages


def _expected(candidates: list[tuple[str, int]]) -> str:
    """ "表三「…」总计为 95（加上年结转为 98）": the first reading, then the others that differ."""
    (label, value), *others = candidates
    extra = "，".join(f"{lab}为 {v}" for lab, v in others if v != value)
    return f"{label}为 {value}" + (f"（{extra}）" if extra else "")


def _contradiction(report: Report, mention: Mention) -> Finding | None:
    candidates = mention.target.candidates(report)
    said = mention.number.value
    values = [v for _, v in candidates]
    if said in values or (
        said is not None and mention.plus is not None and said + mention.plus in values
    ):
        return None
    rule = "R15"
    if mention.target.name.startswith("本年新收") and said and candidates[0][1] == 0:
        rule = "R16"
    return mention.passage.finding(
        report,
        rule,
        WARNING,
        mention.number.start,
        f"正文说“{mention.phrase}”，但{_expected(candidates)}",
        mention.target.cell,
    )


def r15_r16_narrative_counts(report: Report, _: PreviousYear | None) -> Iterator[Finding]:
    for passage in passages(report):
        stopped: list[int] = []
        for mention in mentions(report, passage, stopped):
            finding = _contradiction(report, mention)
            if finding is not None:
                yield finding
        for statement in none_statements(passage, report.year, stopped):
            if statement.what == "申请":
                rule, target = "R16", t.RECEIVED_TARGET
                candidates = target.candidates(report)[:1]
            else:
                rule = "R15"
                target = t.REVIEW if statement.what == "行政复议" else t.LITIGATION
                candidates = target.candidates(report)
            if candidates[0][1] > 0:
                yield passage.finding(
                    report,
                    rule,
                    WARNING,
                    statement.start,
                    f"正文说“{statement.phrase}”，但{_expected(candidates)}",
                    target.cell,
                )
        if stopped:
            yield passage.finding(
                report,
                "R15",
                INFO,
                min(stopped),
                f"正文提到的件数超过 {MAX_CANDIDATES} 处，从这里起没有再与表格核对",
            )
