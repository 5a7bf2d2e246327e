"""The validated report: plain values, plus where each value was written.

Positions live beside the values (``Report.positions``, keyed by the value's path in the YAML
file) so the numbers stay plain ints for arithmetic while every finding can still point at the
exact line and column the user typed.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, lru_cache

from .layout import (
    APPLICANT_COLUMNS,
    RESULTS_TOTAL,
    T2_COUNT_ROWS,
    T2_DOC_ROWS,
    T3_GROUPS,
    T3_INPUT_ROWS,
    T3_RESULT_ROWS,
    T4_BLOCKS,
)

Path_ = tuple[str, ...]


@dataclass(frozen=True)
class Pos:
    """1-based line and column, as editors show them."""

    line: int
    column: int


@lru_cache(maxsize=32)
def _newlines(value: str) -> list[int]:
    return [m.start() for m in re.finditer("\n", value)]


@dataclass(frozen=True)
class Text:
    """A narrative string and enough of its source to locate any character of it.

    ``line_starts`` maps each line of ``value`` to the source position of its first character
    when the scalar kept lines one-to-one (literal blocks and single-line scalars); otherwise it
    is empty and positions fall back to ``pos``.
    """

    value: str
    pos: Pos
    line_starts: tuple[Pos, ...] = ()

    def locate(self, offset: int) -> Pos:
        if not self.line_starts:
            return self.pos
        newlines = _newlines(self.value)
        line = bisect_left(newlines, offset)  # newlines before offset: a rule may ask per match
        if line >= len(self.line_starts):
            return self.pos
        start = newlines[line - 1] + 1 if line else 0
        first = self.line_starts[line]
        return Pos(first.line, first.column + (offset - start))


@dataclass(frozen=True)
class Part:
    """One part of a narrative section: free text (``key`` None) or a titled subsection."""

    key: str | None
    text: Text
    key_pos: Pos


@dataclass(frozen=True)
class Narrative:
    parts: tuple[Part, ...]
    pos: Pos

    def part(self, key: str) -> Part | None:
        return next((p for p in self.parts if p.key == key), None)

    @property
    def text(self) -> str:
        """All the section's words, titles included, for rules that read the whole section."""
        chunks = []
        for p in self.parts:
            if p.key:
                chunks.append(p.key)
            chunks.append(p.text.value)
        return "\n".join(chunks)


@dataclass(frozen=True)
class Counts:
    """A row of counts with the total the user stated, if any (checked, never trusted)."""

    values: tuple[int, ...]
    stated_total: int | None = None

    @property
    def total(self) -> int:
        return sum(self.values)

    @property
    def shown_total(self) -> int:
        """What the printed report shows: the stated total when given, else the computed one."""
        return self.total if self.stated_total is None else self.stated_total


@dataclass(frozen=True)
class T2:
    documents: dict[str, Counts]  # 规章 / 行政规范性文件 → (本年制发, 本年废止, 现行有效)
    decisions: dict[str, int]  # 行政许可 / 行政处罚 / 行政强制
    fee: Decimal  # 行政事业性收费, 万元, as typed


@dataclass(frozen=True)
class T3:
    rows: dict[Path_, Counts]  # every input row (see layout.T3_INPUT_ROWS), missing ones as zeros
    stated_results_total: Counts | None = None  # 办理结果.总计 when the user typed it

    def row(self, key: Path_) -> Counts:
        if key == RESULTS_TOTAL:
            return self.results_total
        return self.rows[key]

    @cached_property
    def results_total(self) -> Counts:
        """（七）总计 computed from the result rows, column by column (R2); once, as rules and
        expressions ask for it again and again (rows never change after loading)."""
        columns = [sum(self.rows[r.key].values[i] for r in T3_RESULT_ROWS) for i in range(6)]
        return Counts(tuple(columns))

    def shown_row(self, key: Path_) -> tuple[int, ...]:
        """The seven printed cells of a row: stated values where the user typed them."""
        if key == RESULTS_TOTAL and self.stated_results_total is not None:
            counts = self.stated_results_total
        else:
            counts = self.row(key)
        return (*counts.values, counts.shown_total)

    def group_total(self, group: str) -> Counts:
        keys = [("办理结果", group, name) for name, _ in T3_GROUPS[group][1]]
        return Counts(tuple(sum(self.rows[k].values[i] for k in keys) for i in range(6)))


@dataclass(frozen=True)
class T4:
    blocks: dict[Path_, Counts]  # keyed by layout.T4_BLOCKS, values in layout.T4_OUTCOMES order

    @property
    def litigation_total(self) -> int:
        return sum(self.blocks[b].shown_total for b in T4_BLOCKS[1:])


#: How a roll-up counts T2's 规章 and 行政规范性文件 rows: the sum of every listed unit.
DOCUMENTS_SUMMED = "合计"


@dataclass(frozen=True)
class Rollup:
    """汇总: the files of the same year this report adds up (see genreport/rollup/)."""

    units: tuple[str, ...]  # slugs, in the order written
    #: ``DOCUMENTS_SUMMED``, or the slug of the one unit whose 规章/规范性文件 rows are the
    #: report's own (a government's 本级), since those are often not summed across departments.
    documents: str = DOCUMENTS_SUMMED


@dataclass(frozen=True)
class Explanation:
    """One entry of ``说明``: why a warning of ``rule`` (at ``path``, or anywhere) is acceptable."""

    rule: str
    path: tuple[str, ...] | None  # 位置 split at "."; None: the rule anywhere in the file
    reason: str
    printed: bool  # 打印: 是 — the reason also appears in the report
    pos: Pos  # the entry's "规则" line, where findings about the explanation itself point

    @property
    def where(self) -> str | None:
        return ".".join(self.path) if self.path else None


@dataclass(frozen=True)
class Report:
    file: str  # the path as the user should see it in messages
    agency: str
    year: int
    agency_type: str
    published: dt.date
    can_make_rules: bool
    preface: Text | None
    overview: Narrative
    t2: T2
    t3: T3
    t4: T4
    problems: Narrative
    info_fee_yuan: Decimal | None  # 信息处理费, 元; None when the file does not say
    other_matters: Narrative
    positions: dict[tuple[str, ...], Pos] = field(default_factory=dict, compare=False)
    rollup: Rollup | None = None
    #: Top-level table keys (主动公开, 依申请公开, 行政复议, 行政诉讼) computed from ``rollup``.
    computed: frozenset[str] = frozenset()
    explanations: tuple[Explanation, ...] = ()

    def pos(self, *path: str) -> Pos:
        """Position of the value at ``path``, or of its nearest written ancestor."""
        key = tuple(path)
        while key:
            if key in self.positions:
                return self.positions[key]
            key = key[:-1]
        return Pos(1, 1)

    @property
    def slug(self) -> str:
        return self.file.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]


def zero_counts(n: int = len(APPLICANT_COLUMNS)) -> Counts:
    return Counts((0,) * n)


def blank_report(agency: str, year: int, file: str = "") -> Report:
    """A report with every count at zero and no narrative: what generated files start from."""
    nowhere = Pos(1, 1)
    empty = Narrative((), nowhere)
    return Report(
        file=file,
        agency=agency,
        year=year,
        agency_type="部门",
        published=dt.date(year + 1, 1, 1),
        can_make_rules=False,
        preface=None,
        overview=empty,
        t2=T2(
            {row: zero_counts(3) for row in T2_DOC_ROWS},
            dict.fromkeys(T2_COUNT_ROWS, 0),
            Decimal(0),
        ),
        t3=T3({row.key: zero_counts() for row in T3_INPUT_ROWS}),
        t4=T4({block: zero_counts(4) for block in T4_BLOCKS}),
        problems=empty,
        info_fee_yuan=Decimal(0),
        other_matters=empty,
    )
