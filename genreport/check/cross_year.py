"""Rules that compare a report with the same agency's previous year: R6, R11, R12."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..layout import APPLICANT_COLUMNS, CARRIED_IN, CARRIED_OUT, T2_DOC_ROWS
from ..model import Report
from .base import ERROR, INFO, WARNING, at
from .cells import t2_cell, t3_cell
from .context import PreviousYear


def previous_year_note(report: Report, previous: PreviousYear | None) -> Iterator[Finding]:
    """Say plainly when the cross-year rules could not run, and why."""
    if previous is None or previous.report is not None:
        return
    reasons = {
        "missing": f"未找到上一年度（{report.year - 1} 年）同一机关的文件 {previous.file}",
        "invalid": f"上一年度文件 {previous.file} 本身有错误，无法读取",
        "no-year-folder": f"文件所在的文件夹 {previous.file} 不是年度文件夹，找不到上一年度的文件",
    }
    reason = reasons[previous.problem or "missing"]
    yield at(
        report,
        "R6",
        INFO,
        ("依申请公开", *CARRIED_IN),
        f"{reason}，跨年度规则 R6、R11、R12 未检查",
    )


def _where(previous: PreviousYear, *path: str) -> str:
    assert previous.report is not None
    return f"{previous.file}:{previous.report.pos(*path).line}"


def r6_carry_over(report: Report, previous: PreviousYear | None) -> Iterator[Finding]:
    """二 (上年结转) this year = 四 (结转下年度) last year, in each applicant column (see R1 on 总计)."""
    if previous is None or previous.report is None:
        return
    this = report.t3.shown_row(CARRIED_IN)
    last = previous.report.t3.shown_row(CARRIED_OUT)
    for column, now, before in zip(APPLICANT_COLUMNS, this[:6], last[:6], strict=True):
        if now != before:
            yield at(
                report,
                "R6",
                ERROR,
                ("依申请公开", *CARRIED_IN, column),
                f"依申请公开.上年结转（{column}）：写的是 {now}，但 {previous.report.year} 年报告"
                f"（{_where(previous, '依申请公开', *CARRIED_OUT, column)}）"
                f"的结转下年度继续办理为 {before}",
                t3_cell(CARRIED_IN, column),
            )


def r11_r12_documents(report: Report, previous: PreviousYear | None) -> Iterator[Finding]:
    """现行有效 continues from last year (R11, a warning); 废止 cannot exceed what existed (R12)."""
    if previous is None or previous.report is None:
        return
    for row in T2_DOC_ROWS:
        made, repealed, in_force = report.t2.documents[row].values
        before = previous.report.t2.documents[row].values[2]
        where = _where(previous, "主动公开", row, "现行有效")
        if repealed > before + made:
            yield at(
                report,
                "R12",
                ERROR,
                ("主动公开", row, "本年废止"),
                f"主动公开.{row}：本年废止 {repealed} 件，多于上年现行有效 {before}（{where}）"
                f" + 本年制发 {made} = {before + made} 件",
                t2_cell(row, "本年废止"),
            )
        elif in_force != before + made - repealed:
            yield at(
                report,
                "R11",
                WARNING,
                ("主动公开", row, "现行有效"),
                f"主动公开.{row}：现行有效写的是 {in_force}，但上年现行有效 {before}（{where}）"
                f" + 本年制发 {made} − 本年废止 {repealed} = {before + made - repealed}；"
                "如因到期失效或集中清理造成差异，请在报告中说明",
                t2_cell(row, "现行有效"),
            )
