"""Year and date rules decided from the data: R19 (one year throughout) and R22 (deadline)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..findings import Finding
from ..model import Report
from .base import ERROR, WARNING, at
from .context import PreviousYear


def deadline(report: Report) -> dt.date:
    """《条例》第四十九条: departments by 31 January, people's governments by 31 March."""
    month = 3 if report.agency_type == "人民政府" else 1
    return dt.date(report.year + 1, month, 31)


def r19_publication_year(report: Report, _: PreviousYear | None) -> Iterator[Finding]:
    period_end = dt.date(report.year, 12, 31)
    if report.published <= period_end:
        yield at(
            report,
            "R19",
            ERROR,
            ("发布日期",),
            f"发布日期 {report.published.isoformat()} 不晚于统计期限的最后一天 "
            f"{period_end.isoformat()}：{report.year} 年度报告只能在该年结束后发布，"
            "请核对年度和发布日期",
        )


def r22_deadline(report: Report, _: PreviousYear | None) -> Iterator[Finding]:
    due = deadline(report)
    if report.published > due:
        days = (report.published - due).days
        yield at(
            report,
            "R22",
            WARNING,
            ("发布日期",),
            f"发布日期 {report.published.isoformat()} 晚于{report.agency_type}的发布期限 "
            f"{due.isoformat()}（逾期 {days} 天；《政府信息公开条例》第四十九、五十条）",
        )
