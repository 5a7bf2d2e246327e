"""Which rows belong to which table: T2, T3 or T4, decided by labels, section headings aside.

Rows are routed in document order. A row that names its table (a T2 caption or row label, the T3
note, applicant columns or a numbered T3 label, the 行政复议 / 行政诉讼 header) switches the
route; other rows (numbers only, sub-headers) follow the table before them. Headings 二、三、四
switch too, so a table that lost its labels still lands in its section.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .document import Cell, Document, Paragraph, Row, Table
from .labels import T3_HEADER_WORDS, canon, is_t3_note, match_t3, segments, t3_column
from .sections import match_heading
from .t2 import is_t2_label
from .t4 import is_t4_header
from .values import Kind, is_footer, read_value

_T3_ONLY_COLUMNS = {0, 1, 2, 3, 4}  # 自然人 … 法律服务机构 (其他 and 总计 also head other tables)
#: A short line of text between T3 tables may be the rest of a label broken over lines.
_BROKEN_LABEL_MAX = 40


@dataclass
class Routed:
    t2: list[Row] = field(default_factory=list)
    t3: list[Row] = field(default_factory=list)
    t4: list[Row] = field(default_factory=list)
    absorbed: list[Paragraph] = field(default_factory=list)  # text lines read as T3 rows

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
    pending: list[Paragraph] = []
    for number, block in enumerate(doc.blocks):
        if isinstance(block, Paragraph):
            found = match_heading(block, heading)
            if found is not None:
                heading = found.index
                current = {1: "t2", 2: "t3", 3: "t4"}.get(heading)
                pending = []
            elif is_footer(block.text):
                continue
            elif current == "t3" and len(block.text.strip()) <= _BROKEN_LABEL_MAX:
                pending.append(block)
            else:
                pending = []
            continue
        if not isinstance(block, Table):
            continue
        for row in block.rows:
            signal = _signal(row)
            if signal is not None:
                current = signal
            if current is None:
                continue
            if pending and current == "t3":
                routed.t3.extend(_as_row(p, number) for p in pending)
                routed.absorbed.extend(pending)
            pending = []
            routed.of(current).append(row)
    return routed


def _as_row(paragraph: Paragraph, table: int) -> Row:
    """A line of text among T3's rows, as a one-cell row (a label broken over lines)."""
    return Row((Cell(paragraph.text, paragraph.loc),), paragraph.loc, -1 - table, False)
