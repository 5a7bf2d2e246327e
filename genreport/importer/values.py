"""What a table cell holds: a number as printed, a blank, a “/”, a page footer, or text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from .normalize import squash

_COUNT = re.compile(r"[0-9]+")
_DECIMAL = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")  # a sign: 2019's 本年增/减 column
_MARKERS = {"/", "\\", "-", "—", "——", "–", "－", "无", "空", "×", "x", "X", "*"}
_FOOTERS = (
    re.compile(r"[-—–－~]{1,2}[0-9]{1,3}[-—–－~]{1,2}"),  # - 3 -   —3—
    re.compile(r"第[0-9]{1,3}页(,?共[0-9]{1,3}页)?"),  # 第 3 页 共 10 页
    re.compile(r"[0-9]{1,3}/[0-9]{1,3}页?"),  # 3/10
)


class Kind(Enum):
    NUMBER = "number"
    BLANK = "blank"  # nothing printed
    MARKER = "marker"  # “/”, “-”, “无”: printed instead of a number
    TEXT = "text"


@dataclass(frozen=True)
class Value:
    kind: Kind
    text: str  # the number's digits as printed (money keeps its decimals), else the squashed text

    @property
    def is_value(self) -> bool:
        """A number or a stand-in printed where a number belongs."""
        return self.kind in (Kind.NUMBER, Kind.MARKER)


def read_value(raw: str) -> Value:
    text = squash(raw)
    if not text:
        return Value(Kind.BLANK, "")
    if _DECIMAL.fullmatch(text):
        return Value(Kind.NUMBER, text)
    if text in _MARKERS:
        return Value(Kind.MARKER, text)
    return Value(Kind.TEXT, text)


def is_count(value: Value) -> bool:
    return value.kind is Kind.NUMBER and _COUNT.fullmatch(value.text) is not None


def is_footer(raw: str) -> bool:
    """A page footer or page number that a PDF or Word export left inside a table."""
    text = squash(raw)
    return any(p.fullmatch(text) for p in _FOOTERS)


def unreadable(value: Value) -> str:
    """Why a cell is not a count, in the words every table's finding uses."""
    if value.kind is Kind.BLANK:
        return "为空白"
    if value.kind is Kind.MARKER:
        return f"印的是“{value.text}”"
    return f"是“{value.text}”，不是整数"
