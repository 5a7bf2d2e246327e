"""Where the signature block sits: GB/T 9704-2012 §7.3.5, a document without a seal.

署名 right-aligned with two characters to spare (右空二字); 成文日期 on the next line, its first
character two characters right of the 署名's first. When the date is longer than the name, the
date is set 右空二字 and the name moves left to keep that two-character step. Distances are in
characters of the body font, counted as printed (Arabic digits are half a character).
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
    name_right: float  # characters between the name's last character and the text block's edge
    date_right: float

    @staticmethod
    def of(agency: str, date: str) -> SignatureLayout:
        name, when = em(agency), em(date)
        if when > name:
            return SignatureLayout(RIGHT_SPACE + when + STEP - name, RIGHT_SPACE)
        return SignatureLayout(RIGHT_SPACE, RIGHT_SPACE + name - STEP - when)


__all__ = ["SignatureLayout"]
