"""Findings: what every stage reports instead of raising.

A finding is data (rule id, severity, file, line, column, message, printed-table cell) so the CLI
can print it, JSON can carry it, and tests can compare it exactly.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    ERROR = "错误"
    WARNING = "警告"
    INFO = "提示"

    @property
    def code(self) -> str:
        """``error`` / ``warning`` / ``info``: stable for programs, whatever the labels say."""
        return _CODES[self]


_CODES = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}


#: Rule ids that are not in format.md §5: problems of the file itself rather than of its numbers.
LOAD_RULES = {
    "L1": "文件无法读取（为空、过大、编码不是 UTF-8）",
    "L2": (
        "YAML 语法错误（语法、缩进中的制表符、重复的键、锚点和别名、标签、嵌套过深、"
        "中文输入法打出的符号、控制字符和非字符）"
    ),
    "L3": "结构错误（未知的键、缺少必填项、类型或取值不对、机关名称中的占位文字）",
    "L4": "同一年度有两个文件是同一个机关（多半是忘了删的副本）",
    "L5": "文字中有双向文本控制字符（显示的顺序与实际不同）",
    "J1": "正文中的模板表达式无法求值",
    "X1": "genreport 内部错误（不是数据文件的问题，请报告）",
}


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    file: str
    line: int
    column: int
    message: str
    #: Where the value sits in the printed report, e.g. "表三 第1行「一、本年新收…」·「自然人」列".
    cell: str | None = None
    #: The YAML key path of the value the finding is about, e.g. ("主动公开", "行政规范性文件",
    #: "现行有效"): what a 说明's 位置 is matched against. Not part of the printed finding.
    path: tuple[str, ...] = field(default=(), compare=False)

    def location(self) -> str:
        """``file:line:col``; just ``file`` when the source has no lines (docx, html, pdf)."""
        return f"{self.file}:{self.line}:{self.column}" if self.line else self.file

    def format(self) -> str:
        """One line, as editors and CI log parsers expect: ``file:line:col: 严重性 规则 消息``."""
        return f"{self.location()}: {self.severity.value} {self.rule} {self.message}"

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        del data["path"]
        data["severity"] = self.severity.value
        data["severity_code"] = self.severity.code
        return data

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.file, f.line, f.column, f.rule, f.message))


def has_errors(findings: list[Finding]) -> bool:
    return any(f.is_error for f in findings)
