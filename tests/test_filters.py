"""Formatting filters used by every output."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from genreport.filters import cn_date, cn_number, count, money, paren_number


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"), (99, "九十九")],
)
def test_cn_number(n: int, text: str) -> None:
    assert cn_number(n) == text


def test_cn_number_outside_range_is_refused() -> None:
    with pytest.raises(ValueError, match="1 到 99"):
        cn_number(100)


def test_paren_number() -> None:
    assert paren_number(3) == "（三）"


@pytest.mark.parametrize(
    ("value", "text"), [("0", "0"), ("12.3650", "12.3650"), ("1.10", "1.10"), ("1E+1", "10")]
)
def test_money_keeps_typed_digits_and_never_uses_exponents(value: str, text: str) -> None:
    assert money(Decimal(value)) == text


def test_count_and_date() -> None:
    assert count(0) == "0"
    assert cn_date(dt.date(2024, 1, 5)) == "2024年1月5日"
