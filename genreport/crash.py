"""When genreport itself fails: one file's bug becomes an X1 finding, never a traceback.

A bug must not look like a bad report (exit 1) nor stop the other files: the stage that failed
records an X1 error for the file it was working on, keeps the traceback for ``--debug``, and
goes on. The CLI then exits 3 so CI can tell "genreport is broken" from "the report is wrong".
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass

from .findings import Finding, Severity

RULE = "X1"
#: Exit code of a run in which genreport itself failed (1 = errors found, 2 = usage).
EXIT_CODE = 3


@dataclass(frozen=True)
class Crash:
    """What went wrong inside genreport, in one line and in full."""

    summary: str
    traceback: str

    @classmethod
    def of(cls, exc: BaseException) -> Crash:
        detail = _short(str(exc))
        summary = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        return cls(summary, text)

    def finding(self, file: str, during: str) -> Finding:
        return Finding(RULE, Severity.ERROR, file, 0, 0, message(during, self.summary))


def message(during: str, summary: str) -> str:
    return (
        f"genreport 内部错误（{during}时 {summary}），这不是数据文件的问题，请报告"
        "（加 --debug 可显示详细信息）"
    )


def _short(text: str, limit: int = 200) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[:limit] + "…"
