"""What the narrative rules read: every narrative text of a report, with Jinja masked out.

A number written as ``{{ 依申请公开.本年新收.总计 }}`` is consistent by construction, so the rules
never look inside an expression; masking keeps offsets unchanged, so a finding still points at the
right line and column of the YAML block scalar.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ...findings import Finding, Severity
from ...model import Narrative, Part, Report, Text
from ...template_spans import spans

#: Stands for a masked expression: not a digit, not a CJK character, not punctuation.
MASK = "\ufffc"

PREFACE = "前言"
OVERVIEW = "总体情况"
PROBLEMS = "存在的主要问题及改进情况"
OTHER = "其他需要报告的事项"


def mask(value: str) -> str:
    """``value`` with every ``{{ … }}``, ``{% … %}`` and ``{# … #}`` replaced by MASK characters."""
    pieces, done = [], 0
    for start, end in spans(value):
        pieces += [value[done:start], MASK * (end - start)]
        done = end
    pieces.append(value[done:])
    return "".join(pieces)


class Origin:
    """Where each character of a flattened text came from: pieces copied whole, so a list of
    (flat offset, source offset) per piece, not one integer per character."""

    def __init__(self) -> None:
        self.flat: list[int] = []
        self.source: list[int] = []
        self.length = 0

    def add(self, source: int, length: int) -> None:
        self.flat.append(self.length)
        self.source.append(source)
        self.length += length

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, offset: int) -> int:
        if not 0 <= offset < self.length:
            raise IndexError(offset)
        piece = bisect_right(self.flat, offset) - 1
        return self.source[piece] + offset - self.flat[piece]


def flatten(value: str) -> tuple[str, Origin]:
    """``value`` as one line per paragraph, and the offset in ``value`` of each kept character.

    A line break inside a paragraph is only the editor's wrap (see ``narrative.paragraphs``), so
    "收到依申请公开" + newline + "申请 17 件" must read as one phrase; a blank line stays a break.
    """
    pieces: list[str] = []
    origin = Origin()
    last = ""  # the last character kept
    for match in re.finditer(r"[^\n]+|\n(?:[ \t]*\n)*", value):
        piece = match.group()
        if piece.startswith("\n"):
            if "\n" in piece[1:] and last not in ("", "\n"):
                pieces.append("\n")
                origin.add(match.start(), 1)
                last = "\n"
            continue
        stripped = piece.lstrip(" \t")
        start = match.start() + len(piece) - len(stripped)
        stripped = stripped.rstrip(" \t")
        if last not in ("", "\n") and last.isascii() and stripped[:1].isascii():
            pieces.append(" ")
            origin.add(start, 1)
            last = " "
        if stripped:
            pieces.append(stripped)
            origin.add(start, len(stripped))
            last = stripped[-1]
    return "".join(pieces), origin


@dataclass(frozen=True)
class Passage:
    """One narrative text: the YAML key path it came from and its masked, flattened value.

    Rules scan ``flat``; ``origin`` maps each of its characters back to the source text.
    """

    path: tuple[str, ...]  # e.g. ("总体情况", "依申请公开") or ("前言",)
    text: Text
    flat: str
    origin: Origin

    @classmethod
    def of(cls, path: tuple[str, ...], text: Text) -> Passage:
        return cls(path, text, *flatten(mask(text.value)))

    @property
    def where(self) -> str:
        return ".".join(self.path)

    @property
    def key(self) -> str | None:
        return self.path[1] if len(self.path) > 1 else None

    def finding(
        self,
        report: Report,
        rule: str,
        severity: Severity,
        offset: int,
        message: str,
        cell: str | None = None,
        where: str | None = None,
    ) -> Finding:
        """A finding at character ``offset`` of ``flat``, its message prefixed with where it is."""
        source = self.origin[offset] if offset < len(self.origin) else len(self.text.value)
        pos = self.text.locate(source)
        where = where or self.where
        return Finding(
            rule,
            severity,
            report.file,
            pos.line,
            pos.column,
            f"{where}：{message}",
            cell,
            self.path,
        )


def _passage(section: str, part: Part) -> Passage:
    path = (section,) if part.key is None else (section, part.key)
    return Passage.of(path, part.text)


def section_passages(section: str, narrative: Narrative) -> list[Passage]:
    return [_passage(section, part) for part in narrative.parts]


def passages(report: Report) -> Iterator[Passage]:
    """Every narrative text of ``report``, in document order (made once per report: every
    narrative rule reads them, and masking and flattening a long text is not free)."""
    cached = _passages.get(id(report))
    if cached is None or cached[0] is not report:
        found: list[Passage] = []
        if report.preface is not None:
            found.append(Passage.of((PREFACE,), report.preface))
        found += section_passages(OVERVIEW, report.overview)
        found += section_passages(PROBLEMS, report.problems)
        found += section_passages(OTHER, report.other_matters)
        if len(_passages) >= _PASSAGES_KEPT:
            _passages.clear()
        cached = _passages[id(report)] = (report, tuple(found))
    yield from cached[1]


#: The passages of the last few reports, by id (the report is kept so its id stays its own).
_passages: dict[int, tuple[Report, tuple[Passage, ...]]] = {}
_PASSAGES_KEPT = 4


#: Sentence ends in a flattened text: a mention never reaches across one of these.
SENTENCE_END = "。；;！!？?\n"
#: A rule reads at most this many characters of a sentence on either side of a word: a longer
#: "sentence" is no sentence a reader follows, and the bound keeps every rule linear.
SENTENCE_REACH = 300


@lru_cache(maxsize=32)
def positions(text: str, chars: str) -> list[int]:
    """Sorted offsets of every character of ``chars`` in ``text`` (cached: rules ask per match)."""
    return [m.start() for m in re.finditer(f"[{re.escape(chars)}]", text)]


def last_before(text: str, chars: str, offset: int) -> int:
    """Offset of the last character of ``chars`` before ``offset``, or -1 (like ``rfind``)."""
    found = positions(text, chars)
    index = bisect_left(found, offset)
    return found[index - 1] if index else -1


def sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    """Start and end of the sentence holding ``offset`` (paragraphs never merge), at most
    SENTENCE_REACH characters away from it on either side."""
    ends = positions(text, SENTENCE_END)
    index = bisect_left(ends, offset)
    start = ends[index - 1] + 1 if index else 0
    end = ends[index] if index < len(ends) else len(text)
    return max(start, offset - SENTENCE_REACH), min(end, offset + SENTENCE_REACH)
