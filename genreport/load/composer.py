"""YAML events → PyYAML's node tree, without recursion, refusing what a report never needs.

libyaml (PyYAML's C extension) scans and parses when it is installed; without it PyYAML's
pure-Python scanner and parser produce the same events, about 25 times slower. Either way the
tree is composed here, in one loop, so the refusals (anchors and aliases, tags, nesting past
MAX_DEPTH) and the nodes' marks are the same on both paths. Only line, column and index are read
from a mark: libyaml's marks carry no ``buffer``/``pointer``.

The two scanners disagree about one character: PyYAML does not count U+FEFF in columns and
libyaml skips it at the start of any line, so text holding one is read by the pure-Python path.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.error import Mark
from yaml.events import (
    Event,
    MappingEndEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver, Resolver
from yaml.scanner import Scanner, ScannerError

#: A report is at most six levels deep (依申请公开.办理结果.不予公开.row.column); anything much
#: deeper is a stray bracket, and unbounded depth is unbounded memory for the parser's stack.
MAX_DEPTH = 16

#: ``GENREPORT_YAML=python`` forces the pure-Python scanner (tests run both paths).
ENV_SWITCH = "GENREPORT_YAML"

_MAP_TAG = BaseResolver.DEFAULT_MAPPING_TAG
_SEQ_TAG = BaseResolver.DEFAULT_SEQUENCE_TAG
_STR_TAG = BaseResolver.DEFAULT_SCALAR_TAG


NextEvent = Callable[[], Event | None]
#: Asked about each node's event with its depth (the root is 0): a message refuses it.
Refuse = Callable[[NodeEvent, int], str | None]


class Refused(Exception):
    """Well-formed YAML that a report file must not contain; ``mark`` is where it starts."""

    def __init__(self, mark: Any, message: str) -> None:
        super().__init__(message)
        self.mark, self.message = mark, message


class _PythonParser(Reader, Scanner, Parser):
    """PyYAML's pure-Python reader, scanner and parser: events only, no composer."""

    def __init__(self, text: str) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)


def uses_libyaml(text: str) -> bool:
    return (
        yaml.__with_libyaml__
        and os.environ.get(ENV_SWITCH, "") != "python"
        and "\ufeff" not in text
    )


def compose(text: str, refuse: Refuse) -> Node | None:
    """The single document in ``text`` as PyYAML's ``yaml.compose`` builds it, or None if empty.

    ``refuse(event, depth)`` is asked about every node's event before it is composed; a message
    stops composing with ``Refused``. Raises PyYAML's errors for malformed YAML, as it would.
    """
    if not uses_libyaml(text):
        return _python(text, refuse)
    from yaml._yaml import CParser  # noqa: PLC0415  (present only with libyaml)

    try:
        return _stream(CParser(text).get_event, refuse, text)
    except yaml.MarkedYAMLError as exc:
        if exc.problem in _PYYAML_ACCEPTS:
            return _python(text, refuse)
        mark = exc.problem_mark
        if exc.problem == _TOO_DEEP and mark is not None:
            # libyaml's scanner looks ahead through brackets and stops at 1000 levels, before
            # the parser has produced the events MAX_DEPTH refuses: those lie before that point.
            with contextlib.suppress(yaml.YAMLError):
                _stream(CParser(text[: mark.index]).get_event, refuse, text)
        raise


#: What libyaml refuses and PyYAML reads: escapes of surrogates (found as characters later,
#: with their own message), and directives other than %YAML and %TAG.
_PYYAML_ACCEPTS = ("found invalid Unicode character escape code", "found unknown directive name")
_TOO_DEEP = "exceeded maximum nesting depth"
INVALID_ESCAPE = _PYYAML_ACCEPTS[0]


def _python(text: str, refuse: Refuse) -> Node | None:
    parser = _PythonParser(text)
    try:
        return _stream(parser.get_event, refuse)
    except ValueError:  # chr() of an escape past U+10FFFF, which PyYAML's scanner does not check
        mark = parser.get_mark()
        raise ScannerError(
            "while scanning a double-quoted scalar", None, INVALID_ESCAPE, mark
        ) from None


def _stream(next_event: NextEvent, refuse: Refuse, libyaml_text: str | None = None) -> Node | None:
    """``libyaml_text`` is the text when libyaml produces the events (see ``_document``)."""
    next_event()  # StreamStartEvent
    event = next_event()
    if isinstance(event, StreamEndEvent):
        return None
    root = _document(next_event, refuse, libyaml_text)
    next_event()  # DocumentEndEvent
    event = next_event()
    if event is not None and not isinstance(event, StreamEndEvent):
        raise ComposerError(
            "expected a single document in the stream",
            root.start_mark,
            "but found another document",
            event.start_mark,  # type: ignore[arg-type]
        )
    return root


def _document(next_event: NextEvent, refuse: Refuse, libyaml_text: str | None) -> Node:
    """One document's nodes; the parser guarantees that starts and ends nest.

    Where libyaml's events differ from PyYAML's they are made PyYAML's: an empty value in a
    flow mapping (``{a: }``) starts after its colon, not at the next token, and a sequence at
    its mapping's indentation (``a:\n- x``) has no flow style rather than block style.
    """
    tags: dict[str, str] = {}  # a plain scalar's tag depends on its text only
    resolve = Resolver().resolve
    open_nodes: list[Any] = []  # MappingNode | SequenceNode
    keys: list[Node | None] = []  # per open collection: a mapping's key waiting for its value
    while True:
        # Any: libyaml's marks are ``yaml._yaml.Mark`` (no ``buffer``/``pointer``), which the
        # node classes' stubs do not admit although they hold any mark
        event: Any = next_event()
        kind = type(event)
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            collection = open_nodes.pop()
            keys.pop()
            collection.end_mark = event.end_mark
            if not open_nodes:
                return collection  # type: ignore[no-any-return]
            continue
        message = refuse(event, len(open_nodes))
        if message is not None:
            raise Refused(event.start_mark, message)
        node: Node
        if kind is ScalarEvent:
            value = event.value
            if event.implicit[0]:
                tag = tags.get(value)
                if tag is None:
                    tag = tags[value] = resolve(ScalarNode, value, event.implicit)  # type: ignore[no-untyped-call]
            else:
                tag = _STR_TAG
            start, end, style = event.start_mark, event.end_mark, event.style or None
            if (
                libyaml_text is not None
                and not value
                and style is None
                and open_nodes
                and keys[-1] is not None
                and open_nodes[-1].flow_style
            ):
                start = end = _after_colon(libyaml_text, keys[-1].end_mark) or start
            node = ScalarNode(tag, value, start, end, style)
        elif kind is MappingStartEvent:
            node = MappingNode(_MAP_TAG, [], event.start_mark, None, event.flow_style)
        elif kind is SequenceStartEvent:
            flow_style = event.flow_style
            if (
                libyaml_text is not None
                and flow_style is False
                and keys
                and keys[-1] is not None
                and open_nodes[-1].start_mark.column == event.start_mark.column
            ):
                flow_style = None  # PyYAML's "indentless sequence"
            node = SequenceNode(_SEQ_TAG, [], event.start_mark, None, flow_style)
        else:  # an alias ``refuse`` let through: there are no anchors for it to name
            raise ComposerError(None, None, "found undefined alias", event.start_mark)
        if open_nodes:
            parent = open_nodes[-1]
            if type(parent) is SequenceNode:
                parent.value.append(node)
            elif keys[-1] is None:
                keys[-1] = node
            else:
                parent.value.append((keys[-1], node))
                keys[-1] = None
        elif kind is ScalarEvent:
            return node
        if kind is not ScalarEvent:
            open_nodes.append(node)
            keys.append(None)


def _after_colon(text: str, key_end: Any) -> Mark | None:
    """The mark just after the ``:`` that follows a key in a flow mapping, if there is one."""
    index, line, column = key_end.index, key_end.line, key_end.column
    while index < len(text):
        char = text[index]
        if char == ":":
            return Mark(key_end.name, index + 1, line, column + 1, None, index + 1)
        if char in " \t":
            index, column = index + 1, column + 1
        elif char in "\r\n":
            index += 2 if text.startswith("\r\n", index) else 1
            line, column = line + 1, 0
        elif char == "#":
            while index < len(text) and text[index] not in "\r\n":
                index += 1
        else:
            return None
    return None
