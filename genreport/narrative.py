"""Narrative text: the data its Jinja expressions see, their evaluation, and paragraphs.

Narrative fields may say ``{{ 依申请公开.本年新收.总计 }}`` so that a number in the text cannot
contradict the table. Evaluation happens in the bounded sandbox (``sandbox.py``); a name that does
not exist, or any other failure, becomes a finding (J1) at the line and column of its ``{{``.
"""

from __future__ import annotations

import decimal
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

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
from .template_spans import EXPRESSIONS, spans

if TYPE_CHECKING:
    from .check.context import PreviousYear
    from .sandbox import NarrativeEnvironment

#: The name under which expressions read the previous year's data: {{ 上年.依申请公开.本年新收.总计 }}.
LAST_YEAR = "上年"


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
        env: NarrativeEnvironment | None = None,
        previous: PreviousYear | None = None,
    ) -> None:
        self.report = report
        self._env = env
        self.context = data_context(report)
        self.previous = previous
        if previous is not None and previous.report is not None:
            self.context[LAST_YEAR] = data_context(previous.report)
        self.findings: list[Finding] = []

    @property
    def env(self) -> NarrativeEnvironment:
        """The sandbox, imported with Jinja only once a text has an expression to evaluate."""
        if self._env is None:
            from .sandbox import shared_environment  # noqa: PLC0415  (Jinja, only when needed)

            self._env = shared_environment()
        return self._env

    def text(self, text: Text, where: str) -> str:
        if "{{" not in text.value and "{%" not in text.value:
            return text.value
        from .sandbox import render_bounded  # noqa: PLC0415  (Jinja, only when needed)

        try:
            return render_bounded(self.env, text.value, self.context)
        except Exception as exc:
            offset, expression = self._culprit(text.value, exc)
            pos = text.locate(offset)
            self.findings.append(
                Finding(
                    "J1",
                    Severity.ERROR,
                    self.report.file,
                    pos.line,
                    pos.column,
                    f"{where}：表达式 {expression} 无法求值（{self._no_last_year(exc) or explain(exc)}）。"
                    "可用的名称与输入文件的键相同，如 {{ 依申请公开.本年新收.总计 }}；"
                    "正文中要写“{{”本身，请写成 {{ '{{' }}",
                )
            )
            return text.value

    def _no_last_year(self, exc: Exception) -> str | None:
        """ "上年" is undefined because there is no previous-year file: say which file."""
        message = str(getattr(exc, "message", None) or exc)
        if LAST_YEAR in self.context or f"'{LAST_YEAR}' is undefined" not in message:
            return None
        year = self.report.year - 1
        previous = self.previous
        if previous is None or previous.problem == "no-year-folder":
            return f"“{LAST_YEAR}”读取上一年度（{year} 年）的同名文件，但本文件不在年度文件夹中"
        if previous.problem == "invalid":
            return f"“{LAST_YEAR}”读取上一年度的文件 {previous.file}，但它本身有错误，无法读取"
        return f"“{LAST_YEAR}”读取上一年度的文件 {previous.file}，但没有这个文件"

    def _culprit(self, value: str, error: Exception) -> tuple[int, str]:
        """The expression to point at: on the line the error names, the first that fails alone
        the same way (else the first that fails at all: ``{% if %}`` alone always fails).

        Without a line (the output or time limit), the same among the first few expressions.
        """
        found = list(spans(value, EXPRESSIONS))
        line = _template_line(error)
        if line is not None:
            first = _line_start(value, line)
            after = value.find("\n", first)
            end = len(value) if after < 0 else after
            found = [s for s in found if first <= s[0] < end] or found
        candidates = found[:_CULPRIT_TRIES]
        failing = []
        from .sandbox import render_bounded  # noqa: PLC0415  (loaded: an evaluation failed)

        for start, end in candidates:
            try:
                render_bounded(self.env, value[start:end], self.context)
            except Exception as exc:
                if type(exc) is type(error) and explain(exc) == explain(error):
                    return start, _shown(value[start:end])
                failing.append((start, end))
        start, end = (failing or candidates or [(max(value.find("{"), 0), len(value))])[0]
        return start, _shown(value[start:end])

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


def explain(exc: BaseException) -> str:
    """An evaluation error in words a user can act on: which name does not exist, what failed."""
    from jinja2 import TemplateError, TemplateSyntaxError  # noqa: PLC0415  (an evaluation failed)

    from .sandbox import ExpressionLimit  # noqa: PLC0415

    if isinstance(exc, ExpressionLimit):
        return str(exc)
    for kind, words in _EXCEPTION_WORDS:
        if isinstance(exc, kind):
            return words
    message = _shown(str(getattr(exc, "message", None) or exc), _MESSAGE_CHARS)
    for pattern, words in _MESSAGE_WORDS:
        found = pattern.search(message)
        if found:
            return words.format(found.group(1))
    if isinstance(exc, TemplateSyntaxError):
        return f"语法错误：{message}"
    if isinstance(exc, TypeError):
        return f"运算对象的类型不对：{message}"
    if isinstance(exc, ValueError):
        return "数字超过 4300 位" if "4300" in message else message
    if not isinstance(exc, TemplateError):
        return f"{type(exc).__name__}：{message}"
    return message


_MESSAGE_WORDS = (
    (re.compile(r"'([^']+)' is undefined"), "没有名为“{}”的数据"),
    (re.compile(r"No filter named '([^']+)'"), "没有名为“{}”的过滤器"),
    (re.compile(r"attribute '([^']+)' of .* is unsafe"), "不允许访问“{}”"),
    (re.compile(r"has no attribute '([^']+)'"), "没有“{}”这一项"),
)
#: Exceptions whose English text would not help an office user.
_EXCEPTION_WORDS: tuple[tuple[type[BaseException], str], ...] = (
    (ZeroDivisionError, "除数为零"),
    (decimal.DivisionByZero, "除数为零"),
    (decimal.InvalidOperation, "无效的算术运算"),
    (OverflowError, "数值超出范围"),
    (RecursionError, "嵌套过深"),
    (MemoryError, "需要的内存过多"),
)
#: How long an expression or error text may be in a message.
_SHOWN_CHARS = 60
_MESSAGE_CHARS = 200
#: How many expressions are evaluated alone to find the one that failed.
_CULPRIT_TRIES = 20


def _shown(text: str, limit: int = _SHOWN_CHARS) -> str:
    """``text`` cut to ``limit`` characters for a message, huge numbers included."""
    return text if len(text) <= limit else text[:limit] + "…"


def _line_start(value: str, line: int) -> int:
    """Offset of the first character of 1-based ``line`` of ``value``."""
    start = 0
    for _ in range(line - 1):
        start = value.find("\n", start) + 1
        if start == 0:
            return len(value)
    return start


def _template_line(exc: BaseException) -> int | None:
    """The template line an error happened on (Jinja rewrites tracebacks to template lines)."""
    from jinja2 import TemplateSyntaxError  # noqa: PLC0415  (an evaluation failed)

    line = getattr(exc, "lineno", None) if isinstance(exc, TemplateSyntaxError) else None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line if isinstance(line, int) else None
