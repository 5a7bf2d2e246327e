"""The import stage's rule ids and the one way it makes a finding.

Import findings point into the *source* report (the .docx, .html, .pdf or text being read), so a
user can look up the cell that was assumed; text sources give line and column, the others say
page, table, row and column in the message.
"""

from __future__ import annotations

from ..findings import Finding, Severity
from .document import Loc

#: Rule ids of the import stage (not in format.md §5): what could not be read as printed.
IMPORT_RULES = {
    "I1": "不是政府信息公开工作年度报告，或文件无法读取",
    "I2": "机关名称、年度、发布日期、机关类型、规章制定权：未写明或由导入推断",
    "I3": "找不到某张表格或某一行",
    "I4": "单元格空白、为“/”或无法读成数，按 0 处理；扫描件中文字识别把握不大的数",
    "I5": "标签与标准格式只是近似相符（改动、缩写的标签）",
    "I6": "一行中数的个数与表头不符（缺列、多出的单元格）",
    "I7": "2019 年格式的遗留（R20），已按 2021 年格式读入",
    "I8": "正文：信息处理费未写明、标题与标准不同、已略去的网页杂项等",
    "I9": "表格中夹带的页脚、页码或无标签的数，已略去",
    "I10": "表格有几种读法：按印出的合计选定的读法，或合计无法判定时读法不同的格",
}

ERROR = Severity.ERROR
WARNING = Severity.WARNING
INFO = Severity.INFO


def finding(
    file: str, loc: Loc, rule: str, severity: Severity, message: str, cell: str | None = None
) -> Finding:
    """A finding at ``loc`` in the source; sources without lines name the place in the message."""
    if rule not in IMPORT_RULES:
        raise ValueError(f"unknown import rule {rule}")
    text = f"{loc.where}：{message}" if loc.where and not loc.line else message
    return Finding(rule, severity, file, loc.line, loc.column, text, cell)
