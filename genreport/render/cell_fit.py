"""How text wraps in a table cell or a line: characters per line from the width and font size.

Word, WPS and LibreOffice set CJK characters one em wide and break between any two of them, except
that closing punctuation never starts a line and opening punctuation never ends one (禁则); ASCII
letters and digits are half an em and a run of them stays whole. ``wrap`` follows those rules, so
column widths can be chosen (and tested) such that no label leaves one character on a line.
"""

from __future__ import annotations

import re

#: Twips (1/20 pt) per half-point of font size: one em of a font of ``size`` half-points.
TWIPS_PER_HALF_POINT = 10
_CLOSING = set("、，。；：！？）】》」』”’")
_OPENING = set("（【《「『“‘")
_TOKEN = re.compile(r"[\x21-\x7e]+|.", re.S)


def em(text: str) -> float:
    """Printed width in ems: ASCII is half-width, everything else full-width."""
    return sum(0.5 if ch.isascii() else 1.0 for ch in text)


def capacity(width_twips: int, margins_twips: int, size_half_points: int) -> float:
    """Ems that fit on one line of a cell ``width_twips`` wide with ``margins_twips`` in total."""
    return (width_twips - margins_twips) / (size_half_points * TWIPS_PER_HALF_POINT)


def wrap(text: str, per_line: float) -> list[str]:
    """The lines ``text`` breaks into when ``per_line`` ems fit on a line (greedy, with 禁则)."""
    lines: list[list[str]] = [[]]
    used = 0.0
    for token in _TOKEN.findall(text):
        width = em(token)
        line = lines[-1]
        if line and used + width > per_line:
            carried: list[str] = []
            if token in _CLOSING and len(line) > 1:
                carried.append(line.pop())  # a closing mark takes the character before it along
            while len(line) > 1 and line[-1] in _OPENING:
                carried.insert(0, line.pop())
            lines.append(carried)
            line = lines[-1]
            used = sum(em(t) for t in carried)
        line.append(token)
        used += width
    return ["".join(line) for line in lines if line]


def balanced(lines: list[str], per_line: float) -> bool:
    """One line; or every line holds at least two characters and a third of a full line."""
    return len(lines) == 1 or min(em(line) for line in lines) >= max(2.0, per_line / 3)


__all__ = ["balanced", "capacity", "em", "wrap"]
