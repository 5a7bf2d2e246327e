"""``说明``: warnings a report accepts with a reason, applied after all rules have run.

A rule never knows about explanations: the pipeline runs every rule, then this step turns each
warning an explanation covers into a 提示 "已说明：…" (so ``--strict`` passes), and reports the
explanations that cover nothing (a typo in 规则 or 位置 must not hide silently) or that try to
cover an error (errors are wrong numbers; they are corrected, not explained).
"""

from __future__ import annotations

from typing import Protocol

from .findings import Finding, Severity
from .model import Explanation, Report


class Explained(Protocol):
    """What applying explanations reads of a report (a worker sends just this back)."""

    @property
    def file(self) -> str: ...

    @property
    def explanations(self) -> tuple[Explanation, ...]: ...


#: 位置's first key → how the printed report names that part.
_PRINTED_PARTS = {
    "主动公开": "表二",
    "依申请公开": "表三",
    "行政复议": "表四",
    "行政诉讼": "表四",
}


def covers(explanation: Explanation, finding: Finding) -> bool:
    if finding.rule != explanation.rule:
        return False
    path = explanation.path
    return path is None or finding.path[: len(path)] == path


def _sentence(text: str) -> str:
    return text if text.endswith(("。", "！", "？", ".", "）")) else f"{text}。"


def _explained(finding: Finding, explanation: Explanation) -> Finding:
    return Finding(
        finding.rule,
        Severity.INFO,
        finding.file,
        finding.line,
        finding.column,
        f"已说明：{_sentence(explanation.reason)}原警告：{finding.message}",
        finding.cell,
        finding.path,
    )


def _about(report: Explained, index: int, explanation: Explanation, message: str) -> Finding:
    pos = explanation.pos
    where = f"说明第 {index} 项（{explanation.rule}"
    where += f"，{explanation.where}）" if explanation.where else "）"
    return Finding(
        explanation.rule,
        Severity.WARNING,
        report.file,
        pos.line,
        pos.column,
        f"{where}：{message}",
        path=("说明", str(index)),
    )


def _unmatched(report: Explained, explanation: Explanation, findings: list[Finding]) -> str:
    scope = f"“{explanation.where}”处" if explanation.where else ""
    message = f"本文件{scope}没有 {explanation.rule} 警告，这条说明没有对应的问题"
    elsewhere = sorted(
        {".".join(f.path) for f in findings if f.rule == explanation.rule and f.path}
    )
    warned = [f for f in findings if f.rule == explanation.rule and f.severity is Severity.WARNING]
    if warned and elsewhere:
        message += f"（本文件的 {explanation.rule} 警告在：{'、'.join(elsewhere)}）"
    return message + "；请改正“规则”或“位置”，或删除这条说明"


def apply_explanations(report: Explained, findings: list[Finding]) -> list[Finding]:
    """``findings`` of ``report`` with its explanations applied (see the module docstring)."""
    if not report.explanations:
        return findings
    used: set[int] = set()
    result: list[Finding] = []
    for finding in findings:
        index = next(
            (
                i
                for i, e in enumerate(report.explanations)
                if finding.severity is Severity.WARNING and covers(e, finding)
            ),
            None,
        )
        if index is None:
            result.append(finding)
        else:
            used.add(index)
            result.append(_explained(finding, report.explanations[index]))
    for index, explanation in enumerate(report.explanations):
        if index in used:
            continue
        errors = [f for f in findings if f.is_error and covers(explanation, f)]
        if errors:
            lines = "、".join(f"第 {f.line} 行" for f in errors)
            message = (
                f"{explanation.rule} 是错误（{lines}），错误不能用说明免除，请改正数据；"
                "说明只适用于警告"
            )
        else:
            message = _unmatched(report, explanation, findings)
        result.append(_about(report, index + 1, explanation, message))
    return result


def _label(path: tuple[str, ...]) -> str:
    part = _PRINTED_PARTS.get(path[0])
    if part is None:
        return "“" + "·".join(path) + "”"
    rest = path[1:] if path[0] not in ("行政复议", "行政诉讼") else path
    return part + ("“" + "·".join(rest) + "”" if rest else "")


def printed_notes(report: Report) -> list[str]:
    """The reasons marked ``打印: 是``, as sentences for section 六 of the printed report."""
    notes = []
    for explanation in report.explanations:
        if not explanation.printed:
            continue
        reason = _sentence(explanation.reason)
        notes.append(f"关于{_label(explanation.path)}：{reason}" if explanation.path else reason)
    return notes
