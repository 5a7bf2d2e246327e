"""What the narrative rules read: every narrative text of a report, with Jinja masked out.

A number written as ``{{ 依申请公开.本年新收.总计 }}`` is consistent by construction, so the rules
never look inside an expression; masking keeps offsets unchanged, so a finding still points at the
right line and column of the YAML block scalar.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...findings import Finding, Severity
from ...model import Narrative, Part, Report, Text

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
#: Stands for a masked expression: not a digit, not a CJK character, not punctuation.
MASK = "\ufffc"

PREFACE = "前言"
OVERVIEW = "总体情况"
PROBLEMS = "存在的主要问题及改进情况"
OTHER = "其他需要报告的事项"


def mask(value: str) -> str:
    """``value`` with every ``{{ … }}``, ``{% … %}`` and ``{# … #}`` replaced by MASK characters."""
    return _JINJA.sub(lambda m: MASK * len(m.group()), value)


def flatten(value: str) -> tuple[str, tuple[int, ...]]:
    """``value`` as one line per paragraph, and the offset in ``value`` of each kept character.

    A line break inside a paragraph is only the editor's wrap (see ``narrative.paragraphs``), so
    "收到依申请公开" + newline + "申请 17 件" must read as one phrase; a blank line stays a break.
    """
    chars: list[str] = []
    origin: list[int] = []
    for match in re.finditer(r"[^\n]+|\n(?:[ \t]*\n)*", value):
        piece = match.group()
        if piece.startswith("\n"):
            if "\n" in piece[1:] and chars and chars[-1] != "\n":
                chars.append("\n")
                origin.append(match.start())
            continue
        stripped = piece.lstrip(" \t")
        start = match.start() + len(piece) - len(stripped)
        stripped = stripped.rstrip(" \t")
        if chars and chars[-1] != "\n" and chars[-1].isascii() and stripped[:1].isascii():
            chars.append(" ")
            origin.append(start)
        chars.extend(stripped)
        origin.extend(range(start, start + len(stripped)))
    return "".join(chars), tuple(origin)


@dataclass(frozen=True)
class Passage:
    """One narrative text: the YAML key path it came from and its masked, flattened value.

    Rules scan ``flat``; ``origin`` maps each of its characters back to the source text.
    """

    path: tuple[str, ...]  # e.g. ("总体情况", "依申请公开") or ("前言",)
    text: Text
    flat: str
    origin: tuple[int, ...]

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
    """Every narrative text of ``report``, in document order."""
    if report.preface is not None:
        yield Passage.of((PREFACE,), report.preface)
    yield from section_passages(OVERVIEW, report.overview)
    yield from section_passages(PROBLEMS, report.problems)
    yield from section_passages(OTHER, report.other_matters)


#: Sentence ends in a flattened text: a mention never reaches across one of these.
SENTENCE_END = "。；;！!？?\n"


def sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    """Start and end of the sentence holding ``offset`` (paragraphs never merge)."""
    start = max(text.rfind(c, 0, offset) for c in SENTENCE_END) + 1
    ends = [i for i in (text.find(c, offset) for c in SENTENCE_END) if i >= 0]
    return start, min(ends, default=len(text))
