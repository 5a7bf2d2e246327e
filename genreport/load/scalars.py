"""Strict reading of YAML scalars as counts, money, years and dates.

Each reader returns the value, or raises ``ScalarError`` with a message that says what was typed,
how YAML 1.1 would have misread it, and what to type instead.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from yaml.nodes import Node, ScalarNode, SequenceNode

from ..escaping import quoted
from ..lazy_regex import LazyRegex
from . import slips

_COUNT = LazyRegex(r"0|[1-9][0-9]*")
_MONEY = LazyRegex(r"(0|[1-9][0-9]*)(\.[0-9]+)?")
_LEADING_ZERO = LazyRegex(r"0[0-9]+(\.[0-9]*)?")
_HEX = LazyRegex(r"[-+]?0[xXoObB][0-9a-fA-F_]+")
_FLOAT = LazyRegex(r"[0-9]+\.[0-9]*|\.[0-9]+")
_THOUSANDS = LazyRegex(r"[0-9]{1,3}([,，][0-9]{3})+")
_EXPONENT = LazyRegex(r"[0-9.]+[eE][-+]?[0-9]+")
#: More digits than any real count or amount has; also keeps int() under Python's 4300-digit limit.
MAX_DIGITS = 12
MAX_DECIMALS = 10
_DATE = LazyRegex(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_BOOLEANS = {"yes", "no", "on", "off", "true", "false", "y", "n"}
_NULLS = {"", "~", "null"}


class ScalarError(Exception):
    """A value of the wrong kind; ``rule`` is R4 for numbers, L2 for a keyboard slip, else L3.

    ``at`` (line, column) when the problem is one character inside the value; ``bare`` when the
    message already says where it is and needs no path in front.
    """

    def __init__(
        self, rule: str, message: str, at: tuple[int, int] | None = None, *, bare: bool = False
    ) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message
        self.at = at
        self.bare = bare


def _no_slip(text: str, node: Node) -> None:
    """A number, date or choice typed with the IME on (``１２``, ``0，0``, ``部门　``) is L2.

    ``text`` is the file's text, which the node's marks index.
    """
    slip = slips.in_value(node, text)
    if slip is not None:
        raise ScalarError("L2", slip.message, (slip.line, slip.column), bare=True)


def _kind(node: Node) -> str:
    return "列表" if isinstance(node, SequenceNode) else "映射（键: 值）"


def _plain(text: str, node: Node, what: str) -> str:
    """The raw text of a plain scalar; quoted or block text where a number belongs is an error."""
    if not isinstance(node, ScalarNode):
        raise ScalarError("R4", f"这里应填{what}，却是一个{_kind(node)}")
    _no_slip(text, node)
    raw = node.value
    if node.style in ("'", '"', "|", ">"):
        looks_numeric = _MONEY.fullmatch(raw.strip()) is not None
        hint = "：请去掉引号" if looks_numeric else ""
        raise ScalarError("R4", f"这里应填{what}，却是文本“{quoted(raw.strip())}”{hint}")
    return str(raw)


def _number_mistake(raw: str, what: str, *, count: bool) -> ScalarError:
    if len(raw) > MAX_DIGITS + MAX_DECIMALS + 2:
        return ScalarError("R4", f"这里应填{what}，却是“{quoted(raw, 24)}”")
    raw = quoted(raw)
    low = raw.lower()
    if low in _NULLS:
        return ScalarError("R4", f"{what}为空；没有就填 0（空白和“/”都不是 0）")
    if raw.startswith("-") and _MONEY.fullmatch(raw[1:]):
        return ScalarError("R4", f"{what}不能是负数（{raw}）")
    if _HEX.fullmatch(raw):
        return ScalarError("R4", f"“{raw}”是十六进制或八进制写法，{what}请直接写十进制数")
    if _LEADING_ZERO.fullmatch(raw):
        if count and "." not in raw:
            return ScalarError(
                "R4",
                f"“{raw}”以 0 开头，YAML 1.1 会把它当作八进制数；请去掉开头的 0，写成 {int(raw)}",
            )
        return ScalarError("R4", f"“{raw}”以 0 开头，请去掉多余的 0")
    if low in _BOOLEANS:
        return ScalarError(
            "R4", f"“{raw}”在 YAML 1.1 中是布尔值（是/否），不是数字；{what}请填 0 或实际数"
        )
    if count and _FLOAT.fullmatch(raw):
        extra = f"（YAML 会把 {raw} 读成 {float(raw):g}）" if raw.endswith("0") else ""
        return ScalarError("R4", f"件数必须是整数，这里是小数 {raw}{extra}")
    if _THOUSANDS.fullmatch(raw):
        return ScalarError("R4", f"“{raw}”中有千位分隔符，请写成 {re.sub('[,，]', '', raw)}")
    if "_" in raw and raw.replace("_", "").isdigit():
        return ScalarError("R4", f"“{raw}”中有下划线，请写成 {raw.replace('_', '')}")
    if _EXPONENT.fullmatch(raw):
        return ScalarError("R4", f"“{raw}”是科学计数法，请直接写出数值")
    if raw.startswith("+"):
        return ScalarError("R4", f"“{raw}”前面不要加正号")
    return ScalarError("R4", f"这里应填{what}，却是“{raw}”")


def read_count(text: str, node: Node) -> int:
    if node.__class__ is ScalarNode and node.style is None and _COUNT.fullmatch(node.value):
        raw = node.value  # ASCII digits: no slip, nothing more to check than the length
    else:
        raw = _plain(text, node, "件数（非负整数）")
    if _COUNT.fullmatch(raw):
        if len(raw) > MAX_DIGITS:
            raise _too_many_digits("件数", raw, len(raw))
        return int(raw)
    raise _number_mistake(raw, "件数", count=True)


def read_money(text: str, node: Node, unit: str) -> Decimal:
    """Money keeps the digits typed: ``1.10`` stays ``Decimal('1.10')``, never a float."""
    raw = _plain(text, node, f"金额（{unit}，非负数）")
    if match := _MONEY.fullmatch(raw):
        whole, decimals = len(match[1]), len(match[2] or ".") - 1
        if whole > MAX_DIGITS or decimals > MAX_DECIMALS:
            raise ScalarError(
                "R4",
                f"金额“{quoted(raw, 24)}”位数过多（整数部分 {whole} 位、小数 {decimals} 位；"
                f"最多 {MAX_DIGITS} 位整数、{MAX_DECIMALS} 位小数），请核对单位（{unit}）和数值",
            )
        return Decimal(raw)
    raise _number_mistake(raw, "金额", count=False)


def _too_many_digits(what: str, raw: str, digits: int) -> ScalarError:
    return ScalarError(
        "R4", f"{what}“{quoted(raw, 24)}”有 {digits} 位数，不像是实际的{what}，请核对"
    )


def read_year(text: str, node: Node) -> int:
    raw = _plain(text, node, "四位数的年份")
    if re.fullmatch(r"(19|20)[0-9]{2}", raw):
        return int(raw)
    raise ScalarError("L3", f"年度应为四位数的年份，如 2023，这里是“{quoted(raw)}”")


def read_date(text: str, node: Node) -> dt.date:
    if not isinstance(node, ScalarNode):
        raise ScalarError("L3", f"发布日期应写成 2024-01-20 这样的日期，却是一个{_kind(node)}")
    _no_slip(text, node)
    raw = node.value.strip()
    match = _DATE.fullmatch(raw)
    if match:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            raise ScalarError("L3", f"发布日期“{raw}”不是一个存在的日期") from None
    raise ScalarError(
        "L3", f"发布日期应写成 2024-01-20 这样的日期（年-月-日），这里是“{quoted(raw)}”"
    )


def read_text(node: Node, what: str) -> str:
    if not isinstance(node, ScalarNode):
        raise ScalarError("L3", f"{what}应为文本，却是一个{_kind(node)}")
    return str(node.value)


def read_choice(text: str, node: Node, what: str, choices: tuple[str, ...]) -> str:
    _no_slip(text, node)
    value = read_text(node, what).strip()
    if value not in choices:
        options = " 或 ".join(choices)
        raise ScalarError("L3", f"{what}只能是 {options}，这里是“{quoted(value)}”")
    return value
