"""Number and date formatting for every output, as tested Python rather than template logic."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一: the numbering of （一）… subheadings (1–99)."""
    if not 0 < n < 100:
        raise ValueError(f"cn_number handles 1–99, got {n}")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def paren_number(n: int) -> str:
    """1 → （一）."""
    return f"（{cn_number(n)}）"


def count(value: int) -> str:
    """Counts print as plain digits, zeros included: a blank cell is an assessor's fault."""
    return str(int(value))


def money(value: Decimal) -> str:
    """Money exactly as the agency typed it: 1.10 stays 1.10, 0 stays 0, never 1.1E+1."""
    return format(value, "f")


def cn_date(value: dt.date) -> str:
    """2024-01-05 → 2024年1月5日, the way dates are written under a signature."""
    return f"{value.year}年{value.month}月{value.day}日"


FILTERS = {
    "cn_number": cn_number,
    "paren_number": paren_number,
    "count": count,
    "money": money,
    "cn_date": cn_date,
}
