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
import functools
import os
from collections.abc import Callable
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.error import Mark
from yaml.events import (
    AliasEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
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

#: A report has a few hundred values (keys, numbers, texts); 20,000 is a file of something else,
#: and every stage after this one costs time per node.
MAX_NODES = 20_000

#: ``GENREPORT_YAML=python`` forces the pure-Python scanner (tests run both paths).
ENV_SWITCH = "GENREPORT_YAML"

_MAP_TAG = BaseResolver.DEFAULT_MAPPING_TAG
_SEQ_TAG = BaseResolver.DEFAULT_SEQUENCE_TAG
_STR_TAG = BaseResolver.DEFAULT_SCALAR_TAG


NextEvent = Callable[[], Event | None]


class Refused(Exception):
    """Well-formed YAML a report file must not contain, starting at ``mark``.

    ``reason`` is ANCHOR (an anchor or an alias: how alias bombs work), TAG, DEPTH (a node
    nested deeper than MAX_DEPTH) or SIZE (the node past MAX_NODES).
    """

    def __init__(self, reason: str, mark: Any) -> None:
        super().__init__(reason)
        self.reason, self.mark = reason, mark


ANCHOR, TAG, DEPTH, SIZE = "anchor", "tag", "depth", "size"


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


def compose(text: str) -> list[Node]:
    """The single document in ``text`` as PyYAML's ``yaml.compose`` builds it: all its nodes in
    document order, the root first (none if the text holds no document).

    Raises ``Refused`` for anchors, aliases, tags, depth and size, and PyYAML's errors for
    malformed YAML, as PyYAML would.
    """
    if not uses_libyaml(text):
        return _python(text)
    from yaml._yaml import CParser  # noqa: PLC0415  (present only with libyaml)

    try:
        return _stream(CParser(text).get_event, text)
    except yaml.MarkedYAMLError as exc:
        if exc.problem in _PYYAML_ACCEPTS:
            return _python(text)
        mark = exc.problem_mark
        if exc.problem == _TOO_DEEP and mark is not None:
            # libyaml's scanner looks ahead through brackets and stops at 1000 levels, before
            # the parser has produced the events MAX_DEPTH refuses: those lie before that point.
            with contextlib.suppress(yaml.YAMLError):
                _stream(CParser(text[: mark.index]).get_event, text)
        raise


#: What libyaml refuses and PyYAML reads: escapes of surrogates (found as characters later,
#: with their own message), and directives other than %YAML and %TAG.
_PYYAML_ACCEPTS = ("found invalid Unicode character escape code", "found unknown directive name")
_TOO_DEEP = "exceeded maximum nesting depth"
INVALID_ESCAPE = _PYYAML_ACCEPTS[0]


def _python(text: str) -> list[Node]:
    parser = _PythonParser(text)
    try:
        return _stream(parser.get_event)
    except ValueError:  # chr() of an escape past U+10FFFF, which PyYAML's scanner does not check
        mark = parser.get_mark()
        raise ScannerError(
            "while scanning a double-quoted scalar", None, INVALID_ESCAPE, mark
        ) from None


def _stream(next_event: NextEvent, libyaml_text: str | None = None) -> list[Node]:
    """``libyaml_text`` is the text when libyaml produces the events (see ``_document``)."""
    next_event()  # StreamStartEvent
    event = next_event()
    if isinstance(event, StreamEndEvent):
        return []
    nodes = _document(next_event, libyaml_text)
    root = nodes[0]
    next_event()  # DocumentEndEvent
    event = next_event()
    if event is not None and not isinstance(event, StreamEndEvent):
        raise ComposerError(
            "expected a single document in the stream",
            root.start_mark,
            "but found another document",
            event.start_mark,  # type: ignore[arg-type]
        )
    return nodes


def _document(next_event: NextEvent, libyaml_text: str | None) -> list[Node]:
    """One document's nodes; the parser guarantees that starts and ends nest.

    Where libyaml's events differ from PyYAML's they are made PyYAML's: an empty value in a
    flow mapping (``{a: }``) starts after its colon, not at the next token, and a sequence at
    its mapping's indentation (``a:\n- x``) has no flow style rather than block style.
    """
    nodes: list[Node] = []
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
                return nodes
            continue
        if kind is AliasEvent or event.anchor is not None:
            raise Refused(ANCHOR, event.start_mark)
        if event.tag is not None:
            raise Refused(TAG, event.start_mark)
        if len(open_nodes) >= MAX_DEPTH:
            raise Refused(DEPTH, event.start_mark)
        if len(nodes) >= MAX_NODES:
            raise Refused(SIZE, event.start_mark)
        node: Node
        if kind is ScalarEvent:
            value = event.value
            if not event.implicit[0]:
                tag = _STR_TAG
            elif len(value) <= _CACHED:
                tag = _plain_tag(value)
            else:
                tag = _plain_tag.__wrapped__(value)
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
        else:
            raise ComposerError(None, None, f"unexpected {kind.__name__}", event.start_mark)
        nodes.append(node)
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
            return nodes
        if kind is not ScalarEvent:
            open_nodes.append(node)
            keys.append(None)


_resolve = Resolver().resolve
#: Plain scalars up to this length have their tag cached: the same few values ("0", "部门" …)
#: recur in every file, and resolving one takes several regular expressions.
_CACHED = 64


@functools.lru_cache(maxsize=4096)
def _plain_tag(value: str) -> str:
    """The tag PyYAML resolves a plain scalar to (it depends on the text only)."""
    return _resolve(ScalarNode, value, (True, False))  # type: ignore[no-any-return,no-untyped-call]


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
