"""Which rows belong to which table: T2, T3 or T4, decided by labels, section headings aside.

Rows are routed in document order. A row that names its table (a T2 caption or row label, the T3
note, applicant columns or a numbered T3 label, the 行政复议 / 行政诉讼 header) switches the
route; other rows (numbers only, sub-headers) follow the table before them. Headings 二、三、四
switch too, so a table that lost its labels still lands in its section. Text lines there (a PDF
copied as text, labels broken over lines) are read as rows by ``text_rows``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .document import Document, Paragraph, Row, Table
from .labels import T3_HEADER_WORDS, canon, is_t3_note, match_t3, segments, t3_column
from .normalize import squash
from .sections import match_heading
from .t2 import is_t2_label
from .t4 import is_t4_header
from .text_rows import has_numbers, line_row
from .values import Kind, is_footer, read_value

_T3_ONLY_COLUMNS = {0, 1, 2, 3, 4}  # 自然人 … 法律服务机构 (其他 and 总计 also head other tables)
#: A short line of text among the tables may be a header line or the rest of a broken label.
_BROKEN_LABEL_MAX = 40


@dataclass
class Routed:
    t2: list[Row] = field(default_factory=list)
    t3: list[Row] = field(default_factory=list)
    t4: list[Row] = field(default_factory=list)
    absorbed: list[Paragraph] = field(default_factory=list)  # text lines read as table rows

    def of(self, name: str) -> list[Row]:
        rows: list[Row] = getattr(self, name)
        return rows


def _signal(row: Row) -> str | None:
    texts = [c.text for c in row.cells if c.text.strip()]
    if any(is_t4_header(t) for t in texts):
        return "t4"
    if any(is_t2_label(t) for t in texts):
        return "t2"
    for text in texts:
        if (
            is_t3_note(text)
            or canon(text) in T3_HEADER_WORDS
            or t3_column(text) in _T3_ONLY_COLUMNS
        ):
            return "t3"
        if read_value(text).kind is not Kind.TEXT:
            continue
        for segment in segments(text):
            match = match_t3(segment, None)
            if segment.kind and match is not None and match.exact:
                return "t3"
    return None


def route(doc: Document) -> Routed:
    routed = Routed()
    current: str | None = None
    heading = -1
    run = 0  # table index shared by consecutive text lines read as rows
    for number, block in enumerate(doc.blocks):
        rows: tuple[Row, ...]
        if isinstance(block, Paragraph):
            found = match_heading(block, heading)
            if found is not None:
                heading = found.index
                current = {1: "t2", 2: "t3", 3: "t4"}.get(heading)
                continue
            if is_footer(block.text):
                continue
            if not _is_table_line(block, heading, current):
                run = 0
                continue
            run = run or -1 - number
            rows = (line_row(block, run),)
            routed.absorbed.append(block)
        elif isinstance(block, Table):
            rows = block.rows
            run = 0
        else:
            continue
        for row in rows:
            signal = _signal(row)
            if signal is not None:
                current = signal
            if current is not None:
                routed.of(current).append(row)
    return routed


def _is_table_line(paragraph: Paragraph, heading: int, current: str | None) -> bool:
    """A text line among the tables (sections 二–四): a row of words and numbers, or a short
    line of words (a header line, or the rest of a label broken over lines)."""
    if current is None or heading >= 4:
        return False
    return has_numbers(paragraph) or len(squash(paragraph.text)) <= _BROKEN_LABEL_MAX
