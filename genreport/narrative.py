"""Narrative text: the data its Jinja expressions see, their evaluation, and paragraphs.

Narrative fields may say ``{{ 依申请公开.本年新收.总计 }}`` so that a number in the text cannot
contradict the table. Evaluation happens in the sandboxed environment; a name that does not exist
becomes a finding (J1) at the line and column of its ``{{``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jinja2 import TemplateError
from jinja2.sandbox import SandboxedEnvironment

from .findings import Finding, Severity
from .layout import (
    APPLICANT_COLUMNS,
    CARRIED_IN,
    CARRIED_OUT,
    RECEIVED,
    RESULTS,
    T2_COUNT_ROWS,
    T2_DOC_COLUMNS,
    T2_DOC_ROWS,
    T2_FEE_ROW,
    T3_GROUPS,
    T4_BLOCKS,
    T4_OUTCOMES,
)
from .model import Counts, Narrative, Report, Text
from .templating import make_environment

if TYPE_CHECKING:
    from .check.context import PreviousYear

#: The name under which expressions read the previous year's data: {{ 上年.依申请公开.本年新收.总计 }}.
LAST_YEAR = "上年"

_EXPRESSION = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def _row(counts: Counts, columns: tuple[str, ...]) -> dict[str, int]:
    return {**dict(zip(columns, counts.values, strict=True)), "总计": counts.shown_total}


def data_context(report: Report) -> dict[str, Any]:
    """The report's data under the same Chinese keys as the input file, computed totals included."""
    t3 = report.t3
    results: dict[str, Any] = {
        name: _row(t3.rows[(RESULTS, name)], APPLICANT_COLUMNS) for name in ("予以公开", "部分公开")
    }
    for group, (_, subs) in T3_GROUPS.items():
        rows: dict[str, Any] = {
            name: _row(t3.rows[(RESULTS, group, name)], APPLICANT_COLUMNS) for name, _ in subs
        }
        rows["总计"] = _row(t3.group_total(group), APPLICANT_COLUMNS)
        results[group] = rows
    stated = t3.stated_results_total
    results["总计"] = _row(stated or t3.results_total, APPLICANT_COLUMNS)
    t4 = report.t4
    return {
        "机关": report.agency,
        "年度": report.year,
        "机关类型": report.agency_type,
        "发布日期": report.published,
        "主动公开": {
            **{row: _row(report.t2.documents[row], T2_DOC_COLUMNS) for row in T2_DOC_ROWS},
            **{row: report.t2.decisions[row] for row in T2_COUNT_ROWS},
            T2_FEE_ROW: report.t2.fee,
        },
        "依申请公开": {
            "本年新收": _row(t3.rows[RECEIVED], APPLICANT_COLUMNS),
            "上年结转": _row(t3.rows[CARRIED_IN], APPLICANT_COLUMNS),
            RESULTS: results,
            "结转下年度": _row(t3.rows[CARRIED_OUT], APPLICANT_COLUMNS),
        },
        "行政复议": _row(t4.blocks[T4_BLOCKS[0]], T4_OUTCOMES),
        "行政诉讼": {
            **{block[1]: _row(t4.blocks[block], T4_OUTCOMES) for block in T4_BLOCKS[1:]},
            "总计": t4.litigation_total,
        },
        "信息处理费": report.info_fee_yuan if report.info_fee_yuan is not None else 0,
    }


@dataclass(frozen=True)
class Evaluated:
    """A narrative part after its expressions were evaluated."""

    title: str | None
    text: str

    @property
    def paragraphs(self) -> list[str]:
        return paragraphs(self.text)


def paragraphs(text: str) -> list[str]:
    """Paragraphs are separated by blank lines; a line break inside one is only the editor's wrap.

    Chinese has no spaces between words, so wrapped lines join with nothing, unless both sides of
    the break are Latin letters or digits (then a space keeps the words apart).
    """
    result = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        joined = lines[0]
        for line in lines[1:]:
            space = " " if joined[-1].isascii() and line[0].isascii() else ""
            joined += space + line
        result.append(joined)
    return result


class NarrativeEvaluator:
    """Evaluates every narrative field of one report against its data (and last year's)."""

    def __init__(
        self,
        report: Report,
        env: SandboxedEnvironment | None = None,
        previous: PreviousYear | None = None,
    ) -> None:
        self.report = report
        self.env = env or make_environment()
        self.context = data_context(report)
        self.previous = previous
        if previous is not None and previous.report is not None:
            self.context[LAST_YEAR] = data_context(previous.report)
        self.findings: list[Finding] = []

    def text(self, text: Text, where: str) -> str:
        if "{{" not in text.value and "{%" not in text.value:
            return text.value
        try:
            return self.env.from_string(text.value).render(self.context)
        except TemplateError as exc:
            offset, expression = self._culprit(text.value)
            pos = text.locate(offset)
            detail = self._no_last_year(exc) or explain(exc)
            self.findings.append(
                Finding(
                    "J1",
                    Severity.ERROR,
                    self.report.file,
                    pos.line,
                    pos.column,
                    f"{where}：表达式 {expression} 无法求值（{detail}）。"
                    "可用的名称与输入文件的键相同，如 {{ 依申请公开.本年新收.总计 }}；"
                    "正文中要写“{{”本身，请写成 {{ '{{' }}",
                )
            )
            return text.value

    def _no_last_year(self, exc: TemplateError) -> str | None:
        """ "上年" is undefined because there is no previous-year file: say which file."""
        if LAST_YEAR in self.context or f"'{LAST_YEAR}' is undefined" not in str(exc.message):
            return None
        year = self.report.year - 1
        previous = self.previous
        if previous is None or previous.problem == "no-year-folder":
            return f"“{LAST_YEAR}”读取上一年度（{year} 年）的同名文件，但本文件不在年度文件夹中"
        if previous.problem == "invalid":
            return f"“{LAST_YEAR}”读取上一年度的文件 {previous.file}，但它本身有错误，无法读取"
        return f"“{LAST_YEAR}”读取上一年度的文件 {previous.file}，但没有这个文件"

    def _culprit(self, value: str) -> tuple[int, str]:
        """The first ``{{ … }}`` that fails alone, so the finding points at it."""
        for match in _EXPRESSION.finditer(value):
            try:
                self.env.from_string(match.group()).render(self.context)
            except TemplateError:
                return match.start(), match.group()
        start = value.find("{")
        return max(start, 0), value[start : start + 20] if start >= 0 else value[:20]

    def narrative(self, narrative: Narrative, where: str) -> list[Evaluated]:
        return [
            Evaluated(part.key, self.text(part.text, f"{where}.{part.key}" if part.key else where))
            for part in narrative.parts
        ]

    def report_texts(self) -> ReportTexts:
        """Every narrative field of the report, evaluated; failures land in ``findings``."""
        report = self.report
        return ReportTexts(
            preface=None if report.preface is None else self.text(report.preface, "前言"),
            overview=self.narrative(report.overview, "总体情况"),
            problems=self.narrative(report.problems, "存在的主要问题及改进情况"),
            other_matters=self.narrative(report.other_matters, "其他需要报告的事项"),
        )


@dataclass(frozen=True)
class ReportTexts:
    preface: str | None
    overview: list[Evaluated]
    problems: list[Evaluated]
    other_matters: list[Evaluated]


def explain(exc: TemplateError) -> str:
    """A Jinja error in words a user can act on: which name or key does not exist."""
    message = str(exc.message or exc)
    undefined = re.search(r"'([^']+)' is undefined", message)
    if undefined:
        return f"没有名为“{undefined.group(1)}”的数据"
    missing_key = re.search(r"has no attribute '([^']+)'", message)
    if missing_key:
        return f"没有“{missing_key.group(1)}”这一项"
    return message
