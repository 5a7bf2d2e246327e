"""Chinese-keyboard slips: full-width characters typed where YAML needs their ASCII twins.

An IME left on types ``：`` for ``:``, ``，`` or ``、`` between numbers, ``［］`` for ``[]``, a
full-width space ``　`` in indentation or after a value, ``５`` for ``5``. PyYAML then reports a
puzzling syntax error somewhere else, or reads a number as text. Each slip is named here, at its
own line and column, with the fix. Narrative text is never scanned: there these characters are
simply Chinese.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from yaml.nodes import Node, ScalarNode

_FULLWIDTH_DIGITS = "０１２３４５６７８９"
_TO_ASCII = str.maketrans(_FULLWIDTH_DIGITS, "0123456789")
IDEOGRAPHIC_SPACE = "\u3000"

#: A line that starts like ``key：`` (a key, then a full-width colon before any ASCII colon).
_KEY_FULLWIDTH_COLON = re.compile(r"[ \u3000]*(?:-[ \u3000]+)?[^\s:：#'\"\[\]{}|>,][^:：#]*?：")
#: ``，`` or ``、`` right after a number or a closing bracket: a separator typed on an IME.
_SEPARATOR_SLIP = re.compile(r"[0-9０-９\]}］] *([，、])")
_BLOCK_INDICATOR = re.compile(r"[|>][-+0-9]*")


@dataclass(frozen=True)
class Slip:
    line: int
    column: int
    message: str


def _message(line: int, column: int, char: str, *, indent: bool = False) -> str:
    where = f"第 {line} 行第 {column} 列"
    if char == "：":
        return f"{where}用了中文冒号“：”，请改为英文冒号加空格"
    if char in ("，", "、"):
        name = "中文逗号" if char == "，" else "顿号"
        return f"{where}用了{name}“{char}”，数与数之间请用英文逗号加空格隔开，如 [1, 0, 0]"
    if char in ("［", "］"):
        ascii_char = "[" if char == "［" else "]"
        return f"{where}用了全角方括号“{char}”，请改为英文方括号“{ascii_char}”"
    if char == IDEOGRAPHIC_SPACE:
        if indent:
            return f"{where}用了全角空格“　”缩进，缩进只能用英文（半角）空格"
        return f"{where}有一个全角空格“　”，请删除它（需要空格的地方用英文（半角）空格）"
    return f"{where}用了全角数字“{char}”，请改为半角数字 {char.translate(_TO_ASCII)}"


def _digits_at(raw: str, offset: int) -> str:
    end = offset
    while end < len(raw) and raw[end] in _FULLWIDTH_DIGITS:
        end += 1
    return raw[offset:end]


def in_value(node: Node, text: str) -> Slip | None:
    """The first slip inside a plain scalar where a number, date or choice belongs.

    ``text`` is the file's text, which the node's marks index.
    """
    if not isinstance(node, ScalarNode) or node.style is not None:
        return None
    raw = text[node.start_mark.index : node.end_mark.index]
    for offset, char in enumerate(raw):
        if char in "，、［］" or char in _FULLWIDTH_DIGITS or char == IDEOGRAPHIC_SPACE:
            line, column = _inside(node, raw, offset)
            typed = _digits_at(raw, offset) if char in _FULLWIDTH_DIGITS else char
            return Slip(line, column, _message(line, column, typed))
    return None


def _inside(node: Node, raw: str, offset: int) -> tuple[int, int]:
    """Line and column of ``raw[offset]``, ``raw`` being the node's text: linear in the node only."""
    newlines = raw.count("\n", 0, offset)
    if newlines == 0:
        return node.start_mark.line + 1, node.start_mark.column + 1 + offset
    return node.start_mark.line + 1 + newlines, offset - raw.rfind("\n", 0, offset)


def in_key(text: str, node: Node) -> Slip | None:
    """A full-width space around a key or a full-width colon inside one (``{自然人：3}``)."""
    if not isinstance(node, ScalarNode) or node.style is not None:
        return None
    raw = text[node.start_mark.index : node.end_mark.index]
    for offset, char in enumerate(raw):
        if char in "：" + IDEOGRAPHIC_SPACE:
            line, column = _inside(node, raw, offset)
            start, column_before = node.start_mark.index, node.start_mark.column
            starts_line = offset == 0 and not text[start - column_before : start].strip(" ")
            return Slip(line, column, _message(line, column, char, indent=starts_line))
    return None


def in_structure(text: str, last_line: int) -> Slip | None:
    """The first slip on a structural line up to ``last_line``: used to explain a syntax error.

    Lines inside block scalars (``|``, ``>``) and comments are skipped; one pass, linear.
    """
    block_indent: int | None = None  # indentation of the key that opened a block scalar
    for number, line in enumerate(text.split("\n")[:last_line], start=1):
        stripped = line.lstrip(" " + IDEOGRAPHIC_SPACE)
        indent = len(line) - len(stripped)
        if block_indent is not None:
            if not stripped or indent > block_indent:
                continue
            block_indent = None
        if not stripped or stripped.startswith("#"):
            continue
        if IDEOGRAPHIC_SPACE in line[:indent]:
            column = line.index(IDEOGRAPHIC_SPACE) + 1
            return Slip(number, column, _message(number, column, IDEOGRAPHIC_SPACE, indent=True))
        match = _KEY_FULLWIDTH_COLON.match(line)
        if match:
            column = match.end()
            return Slip(number, column, _message(number, column, "："))
        brackets = [i for i in (line.find("［"), line.find("］")) if i >= 0]
        value = line.split(": ", 1)[1] if ": " in line else stripped
        if brackets and ("[" in line or "]" in line or value.lstrip(" -").startswith("［")):
            column = min(brackets) + 1
            return Slip(number, column, _message(number, column, line[column - 1]))
        slip = _in_flow_or_after_colon(number, line)
        if slip is not None:
            return slip
        if _opens_block(line):
            block_indent = indent
    return None


def _in_flow_or_after_colon(number: int, line: str) -> Slip | None:
    """``[1，2]``, ``{a: 1，b: 2}``, ``[0, 0]，`` and ``key:　value`` on one structural line."""
    if ":" + IDEOGRAPHIC_SPACE in line:
        column = line.index(":" + IDEOGRAPHIC_SPACE) + 2
        return Slip(number, column, _message(number, column, IDEOGRAPHIC_SPACE))
    if "[" in line or "{" in line:
        match = _SEPARATOR_SLIP.search(line)
        if match:
            column = match.start(1) + 1
            return Slip(number, column, _message(number, column, match.group(1)))
    return None


def _opens_block(line: str) -> bool:
    """``key: |`` or ``- >-`` (a comment may follow): the lines under it are a block scalar."""
    head = line.split(" #", 1)[0].rstrip()
    before, _, last = head.rpartition(" ")
    if not _BLOCK_INDICATOR.fullmatch(last):
        return False
    before = before.rstrip()
    return not before or before.endswith((":", "-"))
