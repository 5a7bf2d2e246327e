"""R29: slips of the pen assessors still notice — a word typed twice, half-width punctuation in a
Chinese sentence, a bracket or quotation mark left open. Notes (提示), never warnings.

Each scan is one pass over the text. Masked expressions (``{{ … }}``) are neither words nor
punctuation, so "{{ a }}{{ b }}" is never a repetition and an expression never closes a bracket.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from ...lazy_regex import LazyRegex
from ...model import Report
from ..base import INFO
from ..context import PreviousYear
from .scan import Passage, passages

_HAN = "\u4e00-\u9fff"
#: A word of two to four characters typed twice: "情况情况", "资金资金", "政府信息政府信息".
_REPEATED = LazyRegex(rf"([{_HAN}]{{2,4}})\1")
#: Reduplications that are words in their own right.
_WORDS = {"研究研究", "讨论讨论", "商量商量", "学习学习", "了解了解"}
#: ASCII , ; : ? ! between Chinese characters (not 1,234 or 12:30, which have digits around).
_HALF_WIDTH = LazyRegex(rf"(?<=[{_HAN}])[,;:?!](?=[{_HAN}“‘（《])|(?<=[{_HAN}])\((?=[{_HAN}])")
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（"}
_PAIRS = {"（": "）", "(": ")", "“": "”", "‘": "’", "《": "》", "【": "】", "〔": "〕"}
_CLOSERS = {close: open_ for open_, close in _PAIRS.items()}
_NAMES = {
    "（": "左括号“（”",
    "(": "左括号“(”",
    "“": "左双引号",
    "‘": "左单引号",
    "《": "左书名号“《”",
    "【": "左方头括号“【”",
    "〔": "左六角括号“〔”",
    "）": "右括号“）”",
    ")": "右括号“)”",
    "”": "右双引号",
    "’": "右单引号",
    "》": "右书名号“》”",
    "】": "右方头括号“】”",
    "〕": "右六角括号“〕”",
}
#: "1）" "二）" at the start of a clause number an item; they close nothing.
_ENUMERATOR = LazyRegex(r"(?:^|(?<=[\s，,；;。：:、]))[0-9一二三四五六七八九十]{1,2}$")


def _repeats(report: Report, passage: Passage) -> Iterator[Finding]:
    for match in _REPEATED.finditer(passage.flat):
        if match.group() in _WORDS or len(set(match.group(1))) == 1:
            continue
        yield passage.finding(
            report,
            "R29",
            INFO,
            match.start(),
            f"“{match.group()}”中“{match.group(1)}”重复了一次",
        )


def _half_width(report: Report, passage: Passage) -> Iterator[Finding]:
    for match in _HALF_WIDTH.finditer(passage.flat):
        char = match.group()
        yield passage.finding(
            report,
            "R29",
            INFO,
            match.start(),
            f"中文句子中用了半角标点“{char}”，应为全角“{_FULL[char]}”",
        )


def _brackets(report: Report, passage: Passage) -> Iterator[Finding]:
    """Per paragraph, per kind: an opening mark never closed, or a closing mark never opened."""
    flat = passage.flat
    open_at: dict[str, list[int]] = {o: [] for o in _PAIRS}
    paragraph_start = 0
    for offset, char in enumerate(flat + "\n"):
        if char == "\n":
            for opener, stack in open_at.items():
                if stack:
                    yield passage.finding(
                        report,
                        "R29",
                        INFO,
                        stack[0],
                        f"{_NAMES[opener]}没有对应的{_NAMES[_PAIRS[opener]]}",
                    )
                    stack.clear()
            paragraph_start = offset + 1
        elif char in _PAIRS:
            open_at[char].append(offset)
        elif char in _CLOSERS:
            stack = open_at[_CLOSERS[char]]
            if stack:
                stack.pop()
            elif char in "）)" and _ENUMERATOR.search(
                flat, max(paragraph_start, offset - 3), offset
            ):
                continue
            else:
                yield passage.finding(
                    report,
                    "R29",
                    INFO,
                    offset,
                    f"{_NAMES[char]}前面没有对应的{_NAMES[_CLOSERS[char]]}",
                )


def r29_text_quality(report: Report, _: PreviousYear | None) -> Iterator[Finding]:
    for passage in passages(report):
        yield from _repeats(report, passage)
        yield from _half_width(report, passage)
        yield from _brackets(report, passage)
