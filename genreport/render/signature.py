"""Where the signature block sits: GB/T 9704-2012 §7.3.5, a document without a seal.

署名 right-aligned with two characters to spare (右空二字); 成文日期 on the next line, its first
character two characters right of the 署名's first. When the date is longer than the name, the
date is set 右空二字 and the name moves left to keep that two-character step. Distances are in
characters of the body font, counted as printed (Arabic digits are half a character).

The name is all Chinese, so its width is exact in any font; the date's digits are not (a
substituted Latin font prints them wider). So the date is placed by where it starts, measured
from the name, never by where it ends: its first character is two characters right of the name's
first whatever font prints the digits.
"""

from __future__ import annotations

from dataclasses import dataclass

from .cell_fit import em

#: 右空二字.
RIGHT_SPACE = 2.0
#: The date starts this many characters right of the name's first character.
STEP = 2.0


@dataclass(frozen=True)
class SignatureLayout:
    """In characters from the right edge of the text block."""

    name_right: float  # to the name's last character (the name is right-aligned)
    date_start: float  # to the date's first character (the date is left-aligned there)

    @staticmethod
    def of(agency: str, date: str) -> SignatureLayout:
        name, when = em(agency), em(date)
        name_right = RIGHT_SPACE + when + STEP - name if when > name else RIGHT_SPACE
        return SignatureLayout(name_right, name_right + name - STEP)


__all__ = ["SignatureLayout"]
