"""A document that holds more than one report: two years one after the other (a comparison), or
the same report printed twice. Each copy starts at a title or where the six sections start over.

The import never mixes copies: it takes the copy of the asked year, or refuses (issue 10, item 3).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from .document import Block, Document, Paragraph
from .metadata import year_candidates
from .sections import date_of, match_heading, split_sections, title_at

_PREFACE_LINES = 12  # a preface is a few paragraphs; farther back is the copy before


@dataclass(frozen=True)
class Copy:
    document: Document
    year: int | None
    where: str  # where it starts, as the user can find it


def split_copies(doc: Document) -> list[Copy]:
    starts = [0]
    current = -1
    for i, block in enumerate(doc.blocks):
        if not isinstance(block, Paragraph):
            continue
        title = title_at(doc.blocks, i)
        if title is not None and current >= 0:
            starts.append(title)
            current = -1
            continue
        heading = match_heading(block, current)
        if heading is None and current >= 0:
            heading = match_heading(block, -1)
            if heading is not None and heading.index == 0:
                starts.append(_preface_start(doc.blocks, i, starts[-1]))
                current = 0
                continue
        if heading is not None:
            current = heading.index
    bounds = [*starts, len(doc.blocks)]
    copies = []
    for start, end in pairwise(bounds):
        blocks = doc.blocks[start:end]
        if blocks:
            copies.append(_copy(doc, blocks))
    return copies


def _preface_start(blocks: tuple[Block, ...], heading: int, floor: int) -> int:
    """Where the copy whose 一、总体情况 is ``blocks[heading]`` starts: after the date that signs
    the copy before it, so that its preface (the statistics period) comes along."""
    for j in range(heading - 1, max(floor, heading - _PREFACE_LINES) - 1, -1):
        block = blocks[j]
        if not isinstance(block, Paragraph):
            break
        if date_of(block.text):
            return j + 1
    return heading


def _copy(doc: Document, blocks: tuple[Block, ...]) -> Copy:
    part = Document(doc.file, blocks, doc.page_title, doc.notices)
    found = year_candidates(split_sections(part))
    year = int(found[0].value) if found else None
    return Copy(part, year, blocks[0].loc.describe())
