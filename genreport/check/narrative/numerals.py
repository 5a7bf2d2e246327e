"""Numbers as reports write them: ``44``, ``1,234``, ``４４`` and ``四十四``.

Narrative counts are written both ways, often in the same report, so the narrative rules read
both. A run that is not a well-formed number (``十十``, ``一二``) yields None rather than a guess:
a wrong value would become a false warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...lazy_regex import LazyRegex

_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_MYRIAD = "万"
CHINESE_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_UNITS) + _MYRIAD

#: Arabic digits (ASCII or full-width) with optional ``,`` thousands groups; a decimal part is
#: captured so that ``1.5`` is recognised as one non-count token instead of ``1`` and ``5``.
_ARABIC = r"[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:\.[0-9]+)?"
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
#: No count in a report has more digits; longer runs are serial numbers (or an attack).
_COUNT_DIGITS = 15
NUMBER = LazyRegex(rf"(?P<arabic>{_ARABIC})|(?P<chinese>[{CHINESE_NUMERAL_CHARS}]+)")


@dataclass(frozen=True)
class Number:
    """A number in a text: where it is, how it was written, and its value (None: not a count)."""

    start: int
    end: int
    written: str
    value: int | None


def parse_arabic(written: str) -> int | None:
    """``1,234`` → 1234; decimals, and runs too long to be a count, are not counts → None."""
    plain = written.replace(",", "").translate(_FULL_WIDTH)
    return int(plain) if plain.isdigit() and len(plain) <= _COUNT_DIGITS else None


def _below_myriad(text: str) -> int | None:
    """A number below 10 000: ``四十四``, ``一百零五``, ``十二``, ``三千``."""
    if not text:
        return None
    if all(c in _DIGITS for c in text):
        # "四" alone is a number; "一二" is not (that is how years are read, never counts).
        return _DIGITS[text] if len(text) == 1 else None
    total, digit, last_unit, zero = 0, None, 10_000, False
    for char in text:
        if char in _DIGITS:
            if digit is not None and digit != 0:  # only "零" may precede a digit
                return None
            zero = zero or _DIGITS[char] == 0
            digit = _DIGITS[char]
        elif char in _UNITS:
            unit = _UNITS[char]
            if unit >= last_unit:
                return None
            if digit is None:
                if unit != 10 or total:  # a bare "十" may only lead: "十五"
                    return None
                digit = 1
            if digit == 0:
                return None
            total += digit * unit
            digit, last_unit = None, unit
        else:
            return None
    if digit:
        if last_unit > 10 and not zero:
            return None  # "一百五" is colloquial 150, not 105: do not guess
        total += digit
    return total


def parse_chinese(text: str) -> int | None:
    """``四十四`` → 44, ``一万二千`` → 12000; anything else → None."""
    if text.count(_MYRIAD) > 1 or text.startswith(_MYRIAD):
        return None
    high, _, low = text.partition(_MYRIAD)
    if _MYRIAD not in text:
        return _below_myriad(text)
    if len(low) == 1 and low != "零":
        return None  # "一万二" is colloquial 12 000: do not guess
    upper = _below_myriad(high)
    lower = _below_myriad(low) if low else 0
    if upper is None or lower is None:
        return None
    return upper * 10_000 + lower


def as_number(match: re.Match[str]) -> Number:
    """The Number a match of ``NUMBER`` found."""
    written = match.group()
    value = parse_arabic(written) if match.group("arabic") else parse_chinese(written)
    return Number(match.start(), match.end(), written, value)


def numbers(text: str) -> Iterator[Number]:
    """Every number-looking run of ``text``, left to right."""
    for match in NUMBER.finditer(text):
        yield as_number(match)
