"""Chinese-keyboard slips: full-width characters typed where YAML needs their ASCII twins.

An IME left on types ``：`` for ``:``, ``，`` or ``、`` between numbers, ``［］`` for ``[]``, a
full-width space ``　`` in indentation or after a value, ``５`` for ``5``. PyYAML then reports a
puzzling syntax error somewhere else, or reads a number as text. Each slip is named here, at its
own line and column, with the fix. Narrative text is never scanned: there these characters are
simply Chinese (only a ``｜`` or ``＞`` typed where a text block's ``|`` or ``>`` belongs).
"""

from __future__ import annotations

from dataclasses import dataclass

from yaml.nodes import Node, ScalarNode

from ..escaping import quoted
from ..lazy_regex import LazyRegex

_FULLWIDTH_DIGITS = "０１２３４５６７８９"
_TO_ASCII = str.maketrans(_FULLWIDTH_DIGITS, "0123456789")
IDEOGRAPHIC_SPACE = "\u3000"

#: A line that starts like ``key：`` (a key, then a full-width colon before any ASCII colon).
_KEY_FULLWIDTH_COLON = LazyRegex(r"[ \u3000]*(?:-[ \u3000]+)?[^\s:：#'\"\[\]{}|>,][^:：#]*?：")
#: ``，`` or ``、`` right after a number or a closing bracket: a separator typed on an IME.
_SEPARATOR_SLIP = LazyRegex(r"[0-9０-９\]}］] *([，、])")
_BLOCK_INDICATOR = LazyRegex(r"[|>][-+0-9]*")
#: A full-width space after a closing bracket: ``[0, 0, 0, 0]　`` (the IME's space after a row).
_SPACE_AFTER_FLOW = LazyRegex(r"[\]}］] *(\u3000)")
#: ``信息处理费:200``: a Chinese key, then a colon with no space before its value.
_NO_SPACE_AFTER_COLON = LazyRegex(r" *(?:- +)?([\u4e00-\u9fff（）]+):(?=[^\s#])")


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
    match = _DIGITS.match(raw, offset)
    return match.group() if match else ""


#: Any character ``in_value`` looks for, and those ``in_key`` looks for.
_SLIP_CHARACTER = LazyRegex(f"[，、［］{_FULLWIDTH_DIGITS}{IDEOGRAPHIC_SPACE}]")
_KEY_SLIP_CHARACTER = LazyRegex(f"[：{IDEOGRAPHIC_SPACE}]")
_DIGITS = LazyRegex(f"[{_FULLWIDTH_DIGITS}]+")


def may_be_in(node: Node, text: str) -> bool:
    """Whether the text of ``node`` (a whole row, say) has a character a slip is made of.

    One search in C instead of one ``in_value`` per item: a row without them has no slip.
    """
    return _SLIP_CHARACTER.search(text, node.start_mark.index, node.end_mark.index) is not None


def in_value(node: Node, text: str) -> Slip | None:
    """The first slip inside a plain scalar where a number, date or choice belongs.

    ``text`` is the file's text, which the node's marks index.
    """
    if not isinstance(node, ScalarNode) or node.style is not None:
        return None
    start = node.start_mark.index
    found = _SLIP_CHARACTER.search(text, start, node.end_mark.index)
    if found is None:
        return None
    raw, offset, char = text[start : node.end_mark.index], found.start() - start, found.group()
    line, column = _inside(node, raw, offset)
    typed = _digits_at(raw, offset) if char in _FULLWIDTH_DIGITS else char
    return Slip(line, column, _message(line, column, typed))


#: Full-width twins of the block-scalar indicators ``|`` and ``>``.
_FULLWIDTH_BLOCK = {"｜": "|", "＞": ">"}


def in_block_indicator(node: Node) -> Slip | None:
    """``键: ｜`` typed for ``键: |``: YAML reads the ｜ and the paragraphs under it as one plain
    line, so the report would print “｜” and lose every paragraph break."""
    if not isinstance(node, ScalarNode) or node.style is not None:
        return None
    char = node.value[:1]
    if char not in _FULLWIDTH_BLOCK:
        return None
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    kind = "竖线" if char == "｜" else "大于号"
    return Slip(
        line,
        column,
        f"第 {line} 行第 {column} 列用了全角{kind}“{char}”，正文块请用英文“{_FULLWIDTH_BLOCK[char]}”"
        f"（写成“键: {_FULLWIDTH_BLOCK[char]}”，正文另起一行并缩进）",
    )


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
    start, column_before = node.start_mark.index, node.start_mark.column
    found = _KEY_SLIP_CHARACTER.search(text, start, node.end_mark.index)
    if found is None:
        return None
    raw, offset, char = text[start : node.end_mark.index], found.start() - start, found.group()
    line, column = _inside(node, raw, offset)
    starts_line = offset == 0 and not text[start - column_before : start].strip(" ")
    return Slip(line, column, _message(line, column, char, indent=starts_line))


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
        # only where the error is: a plain text's own line may hold 共收到:3件 and read fine
        colon = _NO_SPACE_AFTER_COLON.match(line) if number >= last_line - 1 else None
        if colon:
            column = colon.end()
            typed = quoted(line[column:].split(" #", 1)[0].strip(), 20)
            message = (
                f"第 {number} 行第 {column} 列的冒号“:”后面要有一个空格："
                f"请写成“{colon.group(1)}: {typed}”"
            )
            return Slip(number, column, message)
        if _opens_block(line):
            block_indent = indent
    return None


def _in_flow_or_after_colon(number: int, line: str) -> Slip | None:
    """``[1，2]``, ``{a: 1，b: 2}``, ``[0, 0]，``, ``key:　value`` and ``[0, 0]　`` on one
    structural line."""
    if ":" + IDEOGRAPHIC_SPACE in line:
        column = line.index(":" + IDEOGRAPHIC_SPACE) + 2
        return Slip(number, column, _message(number, column, IDEOGRAPHIC_SPACE))
    after = _SPACE_AFTER_FLOW.search(line.split(" #", 1)[0])
    if after:
        column = after.start(1) + 1
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
