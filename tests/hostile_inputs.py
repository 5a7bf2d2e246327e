"""Near-1 MiB hostile inputs (the limit is 1 MiB): each a valid report padded with one shape.

Used by tests/load/test_hostile_inputs.py (the finding each one gives) and by
bench/bench_hostile_inputs.py (how long loading and checking take, on both YAML parsers).
"""

from __future__ import annotations

from collections.abc import Callable

from genreport.load.source import MAX_BYTES

BASE = (
    "机关: 测试市测试局\n年度: 2023\n机关类型: 部门\n发布日期: 2024-01-20\n"
    "主动公开: {}\n依申请公开: {}\n行政诉讼: {}\n总体情况:\n存在的主要问题及改进情况:\n信息处理费: 0\n"
)
REVIEW = "行政复议: [0, 0, 0, 0]\n"


def fill(prefix: str, unit: str | Callable[[int], str], suffix: str) -> str:
    """``prefix + units + suffix`` as large as fits under the limit in UTF-8.

    ``unit`` is a string repeated, or a function of the unit's number (for distinct keys).
    """
    room = MAX_BYTES - len((BASE + prefix + suffix).encode()) - 16
    if isinstance(unit, str):
        return BASE + prefix + unit * (room // len(unit.encode())) + suffix
    parts, size, number = [], 0, 0
    while size + len(unit(number).encode()) <= room:
        parts.append(unit(number))
        size += len(parts[-1].encode())
        number += 1
    return BASE + prefix + "".join(parts) + suffix


OTHER = "其他需要报告的事项: "
CASES = {
    "control characters": fill(OTHER, "\x01", "\n" + REVIEW),
    "bidi controls": fill(OTHER, "\u202e", "\n" + REVIEW),
    "full-width digits row": fill("行政复议: [", "１, ", "0]\n"),
    "ASCII digits row": fill("行政复议: [", "0, ", "0]\n"),
    "deep flow nesting": fill(REVIEW + OTHER, "[", "\n"),
    "huge integer": fill("行政复议: [", "9", ", 0, 0, 0]\n"),
    "narrative with IME punctuation": fill(
        REVIEW + "其他需要报告的事项: |\n  ", "一是：宣传，解读、［见］　", "\n"
    ),
    "one huge line": fill(REVIEW + OTHER, "本年度无其他需要报告的事项，", "\n"),
    "long block scalar": fill(REVIEW + "其他需要报告的事项: |\n", "  本年度收到申请1件。\n", ""),
    "100,000 narrative titles": fill(
        REVIEW + "其他需要报告的事项:\n", lambda i: f"  第{i}项: 无\n", ""
    ),
    "100,000 unknown keys": fill(REVIEW, lambda i: f"键{i}: 1\n", ""),
    "many short lines": fill(REVIEW + "说明:\n", "- 规则: R1\n  理由: 无\n", ""),
    "unclosed quotes": fill(REVIEW + OTHER, "'a ", "\n"),
    "unclosed brackets on lines": fill(REVIEW + "其他需要报告的事项:\n", "  x: [1, 2\n", ""),
    "unclosed braces in a row": fill("行政复议: [", "{a: ", "\n"),
    "tabs in text": fill(REVIEW + "其他需要报告的事项: |\n", "  本年度\t无\n", ""),
    "escapes in double quotes": fill(REVIEW + OTHER + '"', "\\u4e2d\\t", '"\n'),
    "U+FEFF in text": fill(REVIEW + OTHER, "本年度无\ufeff其他事项，", "\n"),
}
