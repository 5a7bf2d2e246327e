"""Where the ``{{ … }}``, ``{% … %}`` and ``{# … #}`` of a narrative text are, in linear time.

The regex ``\\{\\{.*?\\}\\}|\\{%.*?%\\}`` rescans the rest of the text from every unclosed opener, so
a text of repeated ``{{`` took quadratic time. Here each closer is searched for at most once per
stretch of text: once a kind has no closer left, no later opener of that kind can close either.
"""

from __future__ import annotations

from collections.abc import Iterator

_CLOSERS = {"{{": "}}", "{%": "%}", "{#": "#}"}
ALL = tuple(_CLOSERS)
EXPRESSIONS = ("{{", "{%")


def spans(text: str, kinds: tuple[str, ...] = ALL) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each span, left to right, as the lazy regex over ``kinds`` finds them."""
    next_close = dict.fromkeys(kinds, -2)  # -2: not searched yet; -1: none left
    position = text.find("{")
    while position >= 0:
        opener = text[position : position + 2]
        if opener in next_close:
            close = next_close[opener]
            if close != -1 and close < position + 2:
                close = text.find(_CLOSERS[opener], position + 2)
                next_close[opener] = close
            if close >= 0:
                yield position, close + 2
                position = text.find("{", close + 2)
                continue
        position = text.find("{", position + 1)
