"""A table of contents (目录) at the start of a report: its lines repeat the six section
headings, often with dot leaders and page numbers (``一、总体情况……………1``). Taken for the
sections themselves, they would hold none of the text and the real headings would come too late
to be seen (or start a second copy of the report). They are left out before anything else reads
the document.

A run of paragraphs is a table of contents when it lists at least two section headings in
order, each line a heading or a subheading, with a page number or leader after it, or under a
``目录`` line, or (three headings or more with nothing between them) followed within a preface's
length by 一、总体情况 again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Document, Paragraph
from .labels import segments
from .normalize import squash
from .sections import match_heading

_MARKS = {"目录", "目次"}
#: A heading's page number, after a dot leader or spaces: ``一、总体情况……………1``, ``… 1``.
_PAGE = re.compile(r"(?P<head>.*?)(?P<leader>[.…·．。⋯\-—_－\s]*)(?P<page>[0-9]{1,3})?\s*")
_LEADER_MIN = 2  # dots in a row that are a leader, not the end of a sentence
_ENTRY_MAX = 50
_PREFACE_LINES = 12  # paragraphs between the contents and 一、总体情况 (a preface)


@dataclass(frozen=True)
class Entry:
    section: int | None  # 0–5 for a section heading, None for a subheading
    paged: bool  # printed with a page number or a dot leader


def _entry(paragraph: Paragraph) -> Entry | None:
    text = paragraph.text.strip()
    if not text or len(text) > _ENTRY_MAX:
        return None
    match = _PAGE.fullmatch(text)
    assert match is not None  # every group may be empty
    head, leader = match["head"], match["leader"]
    paged = bool(match["page"]) or len(leader.strip()) >= _LEADER_MIN
    if match["page"] and not leader:
        return None  # ``…2`` glued to the heading is not a page reference we can tell apart
    heading = match_heading(Paragraph(head, paragraph.loc), -1)
    if heading is not None and not heading.rest:
        return Entry(heading.index, paged)
    parts = segments(head)
    if parts and parts[0].kind == "paren" and len(parts) == 1:
        return Entry(None, paged)
    return None


@dataclass(frozen=True)
class Contents:
    """Where the table of contents is in ``Document.blocks``, and what is left without it."""

    start: int
    end: int
    document: Document


def without_contents(doc: Document) -> Contents | None:
    """The document without its table of contents, None when it has none."""
    blocks = doc.blocks
    i = 0
    while i < len(blocks):
        block = blocks[i]
        marked = isinstance(block, Paragraph) and squash(block.text) in _MARKS
        j = i + 1 if marked else i
        sections, paged, last = 0, False, -1
        while j < len(blocks) and isinstance(blocks[j], Paragraph):
            entry = _entry(blocks[j])  # type: ignore[arg-type]
            if entry is None or (entry.section is not None and entry.section <= last):
                break
            if entry.section is not None:
                sections, last = sections + 1, entry.section
            paged = paged or entry.paged
            j += 1
        if sections >= 2 and (marked or paged or (sections >= 3 and _starts_over(doc, j))):
            kept = Document(doc.file, blocks[:i] + blocks[j:], doc.page_title, doc.notices)
            return Contents(i, j, kept)
        i = max(i + 1, j)  # a run that is no table of contents holds none from a later start
    return None


def _starts_over(doc: Document, j: int) -> bool:
    """The headings begin again soon after the run: 一、总体情况 after the contents (and the
    preface, when the contents come first)."""
    for block in doc.blocks[j : j + _PREFACE_LINES]:
        if not isinstance(block, Paragraph):
            return False
        heading = match_heading(block, -1)
        if heading is not None:
            return heading.index == 0
    return False
