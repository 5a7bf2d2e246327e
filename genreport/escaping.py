"""User text made safe to quote: invisible and control characters shown as escapes.

Every message that quotes a key or a value the user typed goes through ``quoted``, and the CLI
passes whole findings through ``visible`` before printing, so a key holding an escape sequence
cannot drive the terminal and a right-to-left override cannot reorder what the user reads.
"""

from __future__ import annotations

from .lazy_regex import LazyRegex

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
#: Characters that no report text needs and that no output format shows faithfully.
FORBIDDEN = f"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff{_NONCHARACTERS}"
_INVISIBLE = LazyRegex(f"[\t\n\r{FORBIDDEN}{BIDI_CONTROLS}\u200b\ufeff]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def escape_char(char: str) -> str:
    """``\\n``, ``\\x1b``, ``\\u202e``: how one invisible character is shown."""
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def visible(text: str) -> str:
    """``text`` with every control, invisible and direction-changing character escaped."""
    return _INVISIBLE.sub(lambda m: escape_char(m.group()), text)


def quoted(text: str, limit: int = 40) -> str:
    """``visible(text)``, cut to ``limit`` characters (saying how long it was) for a message."""
    if len(text) > limit:
        return f"{visible(text[:limit])}…（共 {len(text)} 个字符）"
    return visible(text)


def code_point(char: str) -> str:
    return f"U+{ord(char):04X}"
