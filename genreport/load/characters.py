"""Characters that pass YAML but break outputs or mislead readers, found at their position.

Control characters, non-characters (U+FFFE …), lone surrogates and line separators have no place
in a report and make Word, HTML or PDF output fail or lie: they are L2 errors. Bidirectional
controls (U+202E …) make text display in another order than it is stored: an L5 warning that shows
the text escaped. Raw characters are found in the file's text; the same characters written as
escapes inside double quotes (``"\\u202e"``) are found in the scalars PyYAML decoded.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from yaml.nodes import Node, ScalarNode

from ..escaping import BIDI_CONTROLS, FORBIDDEN, code_point, quoted, visible
from ..findings import Finding, Severity
from ..lazy_regex import LazyRegex

#: FORBIDDEN in two parts: a character class of BMP ranges scans a 1 MiB text in milliseconds,
#: one that also lists the 32 astral non-characters (U+1FFFE …) ten times slower.
_FORBIDDEN_BMP = LazyRegex("[" + "".join(c for c in FORBIDDEN if c <= "\uffff") + "]")
_FORBIDDEN_ASTRAL = tuple(c for c in FORBIDDEN if c > "\uffff")
_BIDI = LazyRegex(f"[{BIDI_CONTROLS}]")
#: One file's worth: after this many, the rest are the same mistake repeated.
MAX_REPORTED = 20


def _forbidden(text: str) -> list[int]:
    """Indexes of the first MAX_REPORTED forbidden characters in ``text``, in order."""
    found = [m.start() for m in islice(_FORBIDDEN_BMP.finditer(text), MAX_REPORTED)]
    for char in _FORBIDDEN_ASTRAL:
        index = text.find(char)
        for _ in range(MAX_REPORTED):
            if index < 0:
                break
            found.append(index)
            index = text.find(char, index + 1)
    return sorted(found)[:MAX_REPORTED]


def _what(char: str) -> str:
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return f"单独的代理项 {code_point(char)}（不是有效的字符）"
    if char in "\u2028\u2029":
        return f"行分隔符 {code_point(char)}"
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return f"控制字符 {code_point(char)}"
    return f"非字符 {code_point(char)}（不是有效的字符）"


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _context(text: str, index: int) -> str:
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    return quoted(text[start : end if end >= 0 else len(text)].strip(), 60)


def in_text(file: str, text: str) -> list[Finding]:
    """Errors for forbidden characters and warnings for bidi controls in the raw text."""
    findings = []
    for index in _forbidden(text):
        line, column = _position(text, index)
        findings.append(
            Finding(
                "L2",
                Severity.ERROR,
                file,
                line,
                column,
                f"这里有不可见的{_what(text[index])}，生成报告时会出错：请删除它",
            )
        )
    if len(findings) >= MAX_REPORTED:
        return findings
    for match in _BIDI.finditer(text):
        line, column = _position(text, match.start())
        findings.append(_bidi(file, line, column, match.group(), _context(text, match.start())))
        if len(findings) >= MAX_REPORTED:
            break
    return findings


def _bidi(file: str, line: int, column: int, char: str, shown: str) -> Finding:
    return Finding(
        "L5",
        Severity.WARNING,
        file,
        line,
        column,
        f"这里有双向文本控制字符 {code_point(char)}，它让文字显示的顺序与实际不同"
        f"（实际内容：{shown}）：如不是有意为之，请删除它",
    )


def in_escapes(file: str, text: str, nodes: list[Node]) -> Iterator[Finding]:
    """The same characters written as escapes in double-quoted scalars (keys included).

    ``nodes`` are the file's nodes in document order. A character typed as itself was already
    reported by ``in_text``.
    """
    count = 0
    for node in nodes:
        if count >= MAX_REPORTED:
            return
        if node.__class__ is not ScalarNode or node.style != '"':
            continue
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        value = str(node.value)
        bad = _forbidden(value)
        if bad:
            count += 1
            char = value[bad[0]]
            yield Finding(
                "L2",
                Severity.ERROR,
                file,
                line,
                column,
                f"双引号中的转义写出了不可见的{_what(char)}，生成报告时会出错："
                f"请删除它（{visible(char)}）",
            )
        elif (bidi := _BIDI.search(value)) and not _BIDI.search(
            text[node.start_mark.index : node.end_mark.index]
        ):
            count += 1
            yield _bidi(file, line, column, bidi.group(), quoted(value, 60))
