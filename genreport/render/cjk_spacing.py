"""No space between Chinese and numbers: ``决定 2035 项`` prints as ``决定2035项``.

Official Chinese text sets numbers flush against the characters around them. Users write
``收到申请 {{ … }} 件`` (the spaces keep the YAML readable) and the standard sentences used to do
the same, so every text of the view passes through ``tighten`` once, for every output format.
Spaces inside Latin text stay: ``Windows 10``, ``GB/T 9704``, ``v2 版`` and ``http://…/1 查阅``
keep theirs, only the gap between a standalone number and a CJK character goes.
"""

from __future__ import annotations

import re

#: Han ideographs (with extension A and compatibility forms), CJK punctuation, full-width forms.
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"

#: Either CJK, spaces, then a digit; or a number standing alone (not glued to a Latin word, a
#: path or a decimal point on its left), spaces, then CJK. Each match starts only right after a
#: CJK character or at the first digit of a number, and its space run is scanned once: linear.
_GAP = re.compile(
    rf"(?<=[{_CJK}]) +(?=[0-9])"
    rf"|(?<![A-Za-z0-9_./:\\])([0-9]+(?:[.,][0-9]+)*%?) +(?=[{_CJK}])"
)


def tighten(text: str) -> str:
    """``text`` without the ASCII spaces between CJK characters and numbers."""
    if " " not in text:
        return text
    return _GAP.sub(lambda m: m.group(1) or "", text)


__all__ = ["tighten"]
