"""Number and date formatting for every output, as tested Python rather than template logic."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from jinja2.exceptions import FilterArgumentError

_DIGITS = "零一二三四五六七八九"


def _shown(value: object) -> str:
    """A value named in an error message: short, and never a 5000-digit conversion."""
    if isinstance(value, int) and value.bit_length() > 64:
        return "一个很大的数"
    return repr(value)[:20]


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一: the numbering of （一）… subheadings (1–99)."""
    if isinstance(n, bool) or not isinstance(n, int) or not 0 < n < 100:
        raise ValueError(f"cn_number 只能用于 1 到 99 的整数，这里是 {_shown(n)}")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def paren_number(n: int) -> str:
    """1 → （一）."""
    return f"（{cn_number(n)}）"


def count(value: int) -> str:
    """Counts print as plain digits, zeros included: a blank cell is an assessor's fault."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"count 只能用于整数，这里是 {_shown(value)}")
    return str(value)


def money(value: Decimal) -> str:
    """Money exactly as the agency typed it: 1.10 stays 1.10, 0 stays 0, never 1.1E+1."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise ValueError(f"money 只能用于金额，这里是 {_shown(value)}")
    return format(Decimal(value), "f")


def cn_date(value: dt.date) -> str:
    """2024-01-05 → 2024年1月5日, the way dates are written under a signature."""
    if not isinstance(value, dt.date):
        raise ValueError(f"cn_date 只能用于日期，这里是 {_shown(value)}")
    return f"{value.year}年{value.month}月{value.day}日"


def _amount(value: object, what: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        shown = "空" if value is None else f"“{value}”"
        raise FilterArgumentError(f"同比的{what}应是表格中的数字，这里是{shown}")
    return Decimal(value)


def year_on_year(value: object, previous: object, unit: str | None = None) -> str:
    """ "增长 12.5%" / "下降 3.2%" / "持平"; with a unit, "增加 3 件" / "减少 3 件" / "持平".

    The wording of real reports ("同比增长12.5%", "较上年减少3件", "与上年持平"), so the text reads
    ``同比{{ 本年 | 同比(上年) }}``. A rise from 0 has no percentage: it is given as a count.
    """
    now, before = _amount(value, "本年数"), _amount(previous, "上年数")
    if now == before:
        return "持平"
    if unit is None and before == 0:
        unit = "件"
    if unit is not None:
        difference = money(abs(now - before))
        return f"{'增加' if now > before else '减少'} {difference} {unit}"
    percent = (abs(now - before) / before * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
    word = "增长" if now > before else "下降"
    if percent == 0:
        return f"{word}不到 0.1%"
    shown = format(percent, "f").removesuffix(".0")
    return f"{word} {shown}%"


FILTERS = {
    "cn_number": cn_number,
    "paren_number": paren_number,
    "count": count,
    "money": money,
    "cn_date": cn_date,
    "同比": year_on_year,
}
