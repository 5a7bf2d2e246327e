"""Printed labels → layout rows, by their words rather than their place in the table.

A label cell is split into segments at its numbering (``三、`` ``（三）`` ``1.``), because merged
cells arrive glued together (``三、本年度办理结果 (三)不予公开``). Each segment is compared with the
labels of ``layout`` by ``canon`` key: equal keys are exact; otherwise the closest label that the
numbering allows is taken when it is close enough, and the match is reported as loose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..layout import (
    RESULTS_LABEL,
    T3_COLUMNS,
    T3_GROUPS,
    T3_NOTE,
    T3_ROWS,
    T3Row,
)
from .normalize import canon

_CJK_NUMERALS = "一二三四五六七八九十"
_MARKER = re.compile(
    rf"(?P<top>[{_CJK_NUMERALS}]、)|(?P<paren>\([{_CJK_NUMERALS}]\))|(?P<digit>(?<![0-9.])[0-9]{{1,2}}\.(?![0-9]))"
)


@dataclass(frozen=True)
class Segment:
    """One numbered piece of a label: ``kind`` is top (``三、``), paren (``（三）``), digit or ''."""

    kind: str
    ordinal: int
    core: str  # canon text after the numbering

    @property
    def text(self) -> str:
        return _marker_text(self.kind, self.ordinal) + self.core


def _marker_text(kind: str, ordinal: int) -> str:
    if kind == "top":
        return f"{_CJK_NUMERALS[ordinal - 1]}、"
    if kind == "paren":
        return f"({_CJK_NUMERALS[ordinal - 1]})"
    if kind == "digit":
        return f"{ordinal}."
    return ""


def _ordinal(marker: str) -> int:
    digits = re.sub(r"[^0-9]", "", marker)
    if digits:
        return int(digits)
    numeral = next(ch for ch in marker if ch in _CJK_NUMERALS)
    return _CJK_NUMERALS.index(numeral) + 1


def segments(text: str) -> list[Segment]:
    """``三、本年度办理结果(三)不予公开`` → [top 3 本年度办理结果, paren 3 不予公开]."""
    key = canon(text)
    result: list[Segment] = []
    starts = [m for m in _MARKER.finditer(key)]
    if not starts or starts[0].start() > 0:
        head = key[: starts[0].start()] if starts else key
        if head:
            result.append(Segment("", 0, head))
    for i, match in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(key)
        kind = match.lastgroup or ""
        result.append(Segment(kind, _ordinal(match.group()), key[match.end() : end]))
    return result


def similarity(a: str, b: str) -> float:
    """How alike two canon texts are; an abbreviation contained in the label scores high."""
    if not a or not b:
        return 0.0
    ratio = SequenceMatcher(None, a, b).ratio()
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 2 and short in long_:
        ratio = max(ratio, 0.8)
    return ratio


# --- T3 -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class T3Target:
    """What a label segment can stand for in T3."""

    kind: str  # "row" | "group" | "results"
    segment: Segment  # the standard label
    row: T3Row | None = None
    group: str | None = None
    aliases: tuple[str, ...] = ()  # input-file key names, accepted as abbreviations


def _only(text: str) -> Segment:
    found = segments(text)
    return found[-1]


def _t3_targets() -> tuple[T3Target, ...]:
    targets = [T3Target("results", _only(RESULTS_LABEL))]
    for row in T3_ROWS:
        aliases = (row.name,) if row.group else ()
        targets.append(T3Target("row", _only(row.label), row, row.group, aliases))
    for group, (label, _) in T3_GROUPS.items():
        targets.append(T3Target("group", _only(label), None, group, (group,)))
    return tuple(targets)


T3_TARGETS = _t3_targets()
T3_COLUMN_KEYS = {canon(name): i for i, name in enumerate(T3_COLUMNS)}
#: Header words of T3 that are not data columns.
T3_HEADER_WORDS = {canon(w) for w in ("申请人情况", "法人或其他组织", "法人或者其他组织")}
_NOTE_WORDS = ("勾稽关系", "第一项加第二项之和", "等于第三项加第四项之和")


def is_t3_note(text: str) -> bool:
    key = canon(text)
    return key == canon(T3_NOTE) or any(w in key for w in _NOTE_WORDS)


def t3_column(text: str) -> int | None:
    """Index in ``T3_COLUMNS`` of a header cell (自然人 … 其他, 总计), None for anything else."""
    return T3_COLUMN_KEYS.get(canon(text))


@dataclass(frozen=True)
class Match:
    target: T3Target
    exact: bool
    score: float


def match_t3(segment: Segment, group: str | None) -> Match | None:
    """The T3 label a segment stands for; ``group`` (the current （三）–（六）) breaks ties."""
    exact = [t for t in T3_TARGETS if t.segment.core == segment.core]
    if len(exact) > 1 and segment.kind:
        exact = [t for t in exact if t.segment.kind == segment.kind] or exact
    if len(exact) == 1:
        return Match(exact[0], True, 1.0)
    best: tuple[float, T3Target] | None = None
    runner_up = 0.0
    for target in T3_TARGETS:
        names = (target.segment.core, *(canon(a) for a in target.aliases))
        score = max(similarity(segment.core, name) for name in names)
        if segment.kind:
            same_marker = (segment.kind, segment.ordinal) == (
                target.segment.kind,
                target.segment.ordinal,
            )
            score += 0.15 if same_marker else -0.15
        if group is not None and target.group == group:
            score += 0.05
        if best is None or score > best[0]:
            runner_up = best[0] if best else 0.0
            best = (score, target)
        elif score > runner_up:
            runner_up = score
    if best is None or best[0] < 0.7 or best[0] - runner_up < 0.05:
        return None
    return Match(best[1], False, best[0])


def printed_label(row: T3Row) -> str:
    """The standard printed label of a T3 row, with its group for sub-rows."""
    return row.label if row.group_label is None else f"{row.group_label}{row.label}"


__all__ = [
    "T3_COLUMNS",
    "Match",
    "Segment",
    "T3Target",
    "canon",
    "is_t3_note",
    "match_t3",
    "printed_label",
    "segments",
    "similarity",
    "t3_column",
]
