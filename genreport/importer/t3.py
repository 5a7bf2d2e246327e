"""Table T3 (三、收到和处理政府信息公开申请情况): each row found by its label, wherever it is.

Rows are read in source order from every table of the report. A row's numbers are taken by the
header's columns when the table keeps column positions and the row fits them; otherwise in order:
seven numbers are the six applicant columns and the stated 总计. Fewer or more numbers, blanks and
“/” are kept as findings, never silently filled.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import TypeVar

from ..check.cells import t3_cell
from ..layout import APPLICANT_COLUMNS, RESULTS, RESULTS_TOTAL, T3_COLUMNS, T3_GROUPS, T3_ROWS
from .document import Cell, Loc, Row
from .labels import (
    T3_HEADER_WORDS,
    Match,
    canon,
    is_t3_note,
    match_t3,
    printed_label,
    segments,
    similarity,
    t3_column,
)
from .notes import Note, Notes, YamlPath
from .readings import Cells, Choice, Reading, layouts
from .rows import Slot, SplitRow, split_and_note_footers
from .rules import ERROR, INFO, WARNING
from .unsure import note_if_unsure
from .values import Kind, Value, is_count, unreadable

ROOT = "依申请公开"
Key = tuple[str, ...]
ROW_BY_KEY = {row.key: row for row in T3_ROWS}
TOTAL_INDEX = len(APPLICANT_COLUMNS)
_T = TypeVar("_T")


@dataclass(frozen=True)
class RowData:
    values: tuple[int, ...]  # the six applicant columns
    total: int | None  # the 总计 cell as printed, None when the row printed none
    loc: Loc


@dataclass
class T3Data:
    rows: dict[Key, RowData] = field(default_factory=dict)
    #: Places the printed numbers can be read another way, decided by the totals (by_totals).
    choices: list[Choice] = field(default_factory=list)


@dataclass(frozen=True)
class Claim:
    """A source row read as a standard row: its cells (None: printed blank), and its notes."""

    slots: list[Slot | None] | None
    loc: Loc
    notes: tuple[Note, ...]


def path_of(key: Key) -> YamlPath:
    return (ROOT, *key)


def _label(key: Key) -> str:
    return printed_label(ROW_BY_KEY[key])


class T3Reader:
    def __init__(self, notes: Notes) -> None:
        self.notes = notes
        self.data = T3Data()
        self.group_rows: dict[str, tuple[SplitRow, str]] = {}
        self.headers: dict[int, dict[int, int]] = {}
        self.data_seen: set[int] = set()
        self.missing_reported: set[tuple[int, int]] = set()
        self.group: str | None = None
        #: A label seen on a line of its own, waiting for its numbers on the next line.
        self.pending: Resolved | None = None
        self.pending_text = ""  # label text since the last row of numbers
        self.recent: list[str] = []  # the same, word by word
        self.loose: Loose | None = None  # reported unless the lines around complete its label
        self.in_header = False
        self.claims: dict[Key, Claim] = {}
        #: A standard row claimed twice: (key, the I3 note, the second claim).
        self.duplicates: list[tuple[Key, Note, Claim]] = []
        self.missing: dict[Key, Note] = {}  # rows not found, read as zeros
        #: Rows read under a label only like the standard one, with the label as printed.
        self.loosely: list[tuple[Key, str]] = []
        self.loose_notes: dict[Key, Note] = {}
        #: Rows with numbers whose label names no row for certain, left out (I9).
        self.unplaced: list[tuple[SplitRow, Note]] = []

    # --- rows -----------------------------------------------------------------------------------

    def feed(self, row: Row) -> None:
        split = split_and_note_footers(row, self.notes)
        if split.is_empty:
            return
        if not split.values:
            if self.completes_loose(split):
                return
            if self.header(row, split):
                self.in_header = True
                self.blank_pending()
                return
        else:
            self.flush_loose()
        resolved = self.resolve(split)
        key, match, decisive = resolved.key, resolved.match, resolved.text
        if not split.values and self.in_header and not (resolved.marked and match):
            return  # the rest of a header printed over several lines (自然 / 人, 商业 / 企业)
        self.in_header = False
        if key is None and match is not None and match.target.kind == "group" and split.values:
            group = match.target.group
            assert group is not None
            self.group_rows.setdefault(group, (split, decisive))
            self.forget_pending()
            return
        if not split.values:
            if key is not None:  # numbers, or the rest of the label, may be on the next line
                if self.pending is not None and self.pending.key != key:
                    self.blank_pending()
                self.pending = resolved
            self.pending_text += split.label_text.replace(" ", "")
            self.recent += _words(split.labels)
            return
        if key is None and not split.labels and self.pending is not None:
            resolved = self.pending
            key, match, decisive = resolved.key, resolved.match, resolved.text
        fragments = [*self.recent, *_words(split.labels)]
        if self.pending is not None and self.pending.key != key:
            self.blank_pending()
        self.forget_pending()
        if key is None:
            shown = " ".join(s.cell.text or "（空）" for s in split.values)
            what = (
                f"标签「{split.label_text}」无法对应表三的任何一行" if split.labels else "没有标签"
            )
            note = self.notes.add(
                None,
                split.row.loc,
                "I9",
                WARNING,
                f"表三中这一行的数（{shown}）{what}，无法判断属于哪一行，已略去",
            )
            if split.labels:
                self.unplaced.append((split, note))
            return
        self.data_seen.add(row.table)
        self.assign(key, split, match, decisive, resolved.cell, fragments)

    def forget_pending(self) -> None:
        self.pending, self.pending_text, self.recent = None, "", []

    def blank_pending(self) -> None:
        """A row printed with its label and no numbers at all (a blank form): zeros, said so."""
        pending = self.pending
        self.forget_pending()
        if pending is None or pending.key is None or pending.key in self.data.rows:
            return
        key = pending.key
        loc = pending.cell.loc if pending.cell else Loc()
        note = self.note_blank(key, loc)
        self.data.rows[key] = RowData((0,) * TOTAL_INDEX, None, loc)
        self.claims[key] = Claim(None, loc, (note,))

    def note_blank(self, key: Key, loc: Loc) -> Note:
        return self.notes.add(
            path_of(key),
            loc,
            "I4",
            WARNING,
            f"表三「{_label(key)}」一行没有印数（整行空白），按 0 导入",
            t3_cell(key),
        )

    def header(self, row: Row, split: SplitRow) -> bool:
        columns = [(i, t3_column(c.text)) for i, c in enumerate(row.cells)]
        found = [(i, col) for i, col in columns if col is not None]
        words = any(canon(c.text) in T3_HEADER_WORDS or is_t3_note(c.text) for c in split.labels)
        if len(found) < 2 and not words:
            return False
        if row.table in self.data_seen:  # a repeated header: the table was split
            self.headers.pop(row.table, None)
            self.data_seen.discard(row.table)
        if row.positional:
            mapping = self.headers.setdefault(row.table, {})
            for i, col in found:
                mapping[i] = col
        return True

    def resolve(self, split: SplitRow) -> Resolved:
        """The row key a label stands for, the match that decided it, and its printed segment.

        Each label cell is split at its numbering; the last segment that names a row or a group
        decides. A fragment left by the line before (a label broken over lines) is tried first.
        """
        attempts = []
        if self.pending_text and split.labels:
            first = split.labels[0]
            attempts.append([(first, self.pending_text + first.text), *_texts(split.labels[1:])])
        attempts.append(_texts(split.labels))
        for attempt in attempts:
            found = Resolved(None, None, "", None)
            group = self.group
            for cell, text in attempt:
                for segment in segments(text):
                    match = match_t3(segment, group)
                    if match is None or match.target.kind == "results":
                        continue
                    key = match.target.row.key if match.target.row else None
                    found = Resolved(key, match, segment.text, cell, bool(segment.kind))
                    if match.target.row is None:
                        group = match.target.group
                    else:
                        group = match.target.row.group or group
            if found.match is not None:
                self.group = group
                return found
        return Resolved(None, None, "", None)

    def completes_loose(self, split: SplitRow) -> bool:
        """A label-only line that ends the label of the row before (a label broken over lines).

        Text copied from a PDF interleaves a label's lines with its numbers and with pieces of
        the merged labels beside it (``本年`` ``度办`` of a vertical 三、本年度办理结果); the label is
        certain when the standard label is exactly some of these pieces, in order.
        """
        if self.loose is None or not split.labels:
            return False
        self.loose.fragments.extend(_words(split.labels))
        return self.settle_loose()

    def settle_loose(self) -> bool:
        assert self.loose is not None
        if _formed(self.loose.fragments, canon(ROW_BY_KEY[self.loose.key].label)):
            self.loose = None
            return True
        return False

    def flush_loose(self) -> None:
        if self.loose is None:
            return
        key, loc, decisive = self.loose.key, self.loose.loc, self.loose.decisive
        self.loose = None
        self.loose_notes[key] = self.notes.add(
            path_of(key),
            loc,
            "I5",
            WARNING,
            f"标签「{decisive}」与标准格式的「{_label(key)}」不完全相同，按后者导入"
            + _row_evidence(self.data.rows.get(key)),
            t3_cell(key),
        )

    # --- values ---------------------------------------------------------------------------------

    def assign(
        self,
        key: Key,
        split: SplitRow,
        match: Match | None,
        decisive: str,
        cell: Cell | None = None,
        fragments: list[str] | None = None,
    ) -> None:
        loc = cell.loc if cell else split.labels[0].loc if split.labels else split.row.loc
        if key in self.data.rows:
            first = self.data.rows[key].loc
            note = self.notes.add(
                path_of(key),
                loc,
                "I3",
                WARNING,
                f"表三「{_label(key)}」一行出现了两次（另一次在{first.describe()}）；按第一次导入",
                t3_cell(key),
            )
            (read, _), aside = self.aside(lambda: self.slots(key, split))
            self.duplicates.append((key, note, Claim(read, loc, tuple(aside))))
            return
        if match is not None and not match.exact:
            self.loose = Loose(key, loc, decisive, list(fragments or ()))
            self.settle_loose()
            self.loosely.append((key, decisive))
        start = len(self.notes.items)
        slots, in_order = self.slots(key, split)
        self.data.rows[key] = self.row_data(key, slots, loc)
        said = tuple(self.notes.items[start:])
        self.claims[key] = Claim(slots, loc, said)
        if in_order:
            self.other_layouts(key, split, loc, said)

    def slots(self, key: Key, split: SplitRow) -> tuple[list[Slot | None], bool]:
        """The row's seven cells, and whether they were taken in order (not by the header)."""
        by_header = self.positional(key, split)
        return (by_header, False) if by_header else (self.in_order(key, split), True)

    def row_data(self, key: Key, slots: list[Slot | None] | None, loc: Loc) -> RowData:
        if slots is None:
            return RowData((0,) * TOTAL_INDEX, None, loc)
        values = [self.value(key, col, slot) for col, slot in enumerate(slots[:TOTAL_INDEX])]
        total = self.value(key, TOTAL_INDEX, slots[TOTAL_INDEX]) if slots[TOTAL_INDEX] else None
        return RowData(tuple(values), total, loc)

    def aside(self, read: Callable[[], _T]) -> tuple[_T, list[Note]]:
        """``read()`` with its notes kept aside, for a reading that may not be chosen."""
        kept, self.notes = self.notes, Notes(self.notes.file)
        try:
            return read(), self.notes.items
        finally:
            self.notes = kept

    def other_layouts(self, key: Key, split: SplitRow, loc: Loc, said: tuple[Note, ...]) -> None:
        """A row whose numbers do not fill the seven columns: the other ways they could."""
        n = len(split.values)
        readings = []
        for how, slots in layouts(split.values, len(T3_COLUMNS)):
            row, notes = self.aside(partial(self.row_data, key, slots, loc))
            readings.append(Reading(how, {key: (row.values, row.total)}, tuple(notes), said))
        if readings:
            literal = Reading(_literal_layout(n))
            what = f"表三「{_label(key)}」一行印了 {n} 个数"
            self.data.choices.append(Choice(what, loc, (literal, *readings)))

    def claimed_twice(self, key: Key, note: Note, second: Claim) -> None:
        """Two source rows with one label: either may be the row, and the other may be a
        row not found near it (a label misread by OCR or broken over lines)."""
        first = self.claims.get(key)
        if first is None:
            return
        where = f"{first.loc.describe()}与{second.loc.describe()}"
        short = ROW_BY_KEY[key].label
        readings = [Reading(f"「{short}」是{first.loc.describe()}的一行")]
        cells, said = self.aside(lambda: self.claim_cells(key, second))
        readings.append(
            Reading(
                f"「{short}」是{second.loc.describe()}的一行",
                {key: cells},
                (*second.notes, *said),
                (note, *first.notes),
            )
        )
        for other in _near_rows(key, self.missing):
            gone = (note, self.missing[other])
            for row_claim, rest in ((first, second), (second, first)):
                (a, b), said = self.aside(partial(self.swapped, (other, row_claim), (key, rest)))
                replaced = (*gone, *first.notes) if row_claim is first else gone
                how = (
                    f"{row_claim.loc.describe()}的一行是「{ROW_BY_KEY[other].label}」、"
                    f"{rest.loc.describe()}的一行是「{short}」"
                )
                readings.append(Reading(how, {other: a, key: b}, (*said,), replaced))
        what = f"表三「{_label(key)}」一行在原文出现了两次（{where}）"
        self.data.choices.append(Choice(what, second.loc, tuple(readings)))

    def swapped(self, *claims: tuple[Key, Claim]) -> list[Cells]:
        return [self.claim_cells(key, claim) for key, claim in claims]

    def claim_cells(self, key: Key, claim: Claim) -> Cells:
        if claim.slots is None:
            self.note_blank(key, claim.loc)
        row = self.row_data(key, claim.slots, claim.loc)
        return row.values, row.total

    def positional(self, key: Key, split: SplitRow) -> list[Slot | None] | None:
        """The seven cells by the header's columns, when the row's numbers sit under them."""
        row = split.row
        mapping = self.headers.get(row.table) if row.positional else None
        if not mapping or len(mapping) < 3 or not split.values:
            return None
        if any(slot.index not in mapping for slot in split.values if slot.value.is_value):
            return None
        by_index = {s.index: s for s in split.values}
        columns = {col: i for i, col in mapping.items()}
        slots: list[Slot | None] = []
        for col in range(len(T3_COLUMNS)):
            index = columns.get(col)
            if index is None:
                slots.append(None)
                if col != TOTAL_INDEX:
                    self.missing_column(split, col)
                    self.notes.comment(path_of(key), f"原表没有「{T3_COLUMNS[col]}」列，按 0 导入")
                continue
            cell = row.cells[index] if index < len(row.cells) else None
            slot = by_index.get(index)
            if slot is None and cell is not None:
                slot = Slot(index, cell, _blank())
            slots.append(slot or Slot(index, _empty_cell(split), _blank()))
        return slots

    def missing_column(self, split: SplitRow, col: int) -> None:
        name = T3_COLUMNS[col]
        if (split.row.table, col) not in self.missing_reported:
            self.missing_reported.add((split.row.table, col))
            self.notes.add(
                None,
                split.row.loc,
                "I6",
                WARNING,
                f"表三的这张表的表头没有「{name}」列，各行的「{name}」按 0 导入",
            )

    def in_order(self, key: Key, split: SplitRow) -> list[Slot | None]:
        slots: list[Slot | None] = list(split.values)
        n = len(slots)
        where = f"表三「{_label(key)}」一行"
        loc = split.values[0].cell.loc
        if n > len(T3_COLUMNS):
            extra = split.values[: n - len(T3_COLUMNS)]
            shown = "、".join(f"「{s.cell.text or '空白'}」" for s in extra)
            harmless = all(
                s.value.kind is Kind.BLANK or s.value.text.strip("0") == "" for s in extra
            )
            self.notes.add(
                path_of(key),
                loc,
                "I6",
                INFO if harmless else WARNING,
                f"{where}有 {n} 个数，比 7 列（6 列 + 总计）多 {n - 7} 个；"
                f"按最后 7 个导入，略去了最前面的{shown}",
                t3_cell(key),
            )
            return slots[n - len(T3_COLUMNS) :]
        if n == len(T3_COLUMNS):
            return slots
        if n == len(APPLICANT_COLUMNS):
            self.notes.add(
                path_of(key),
                loc,
                "I6",
                WARNING,
                f"{where}只有 6 个数（应为 6 列 + 总计）；按「{'、'.join(APPLICANT_COLUMNS)}」"
                "的顺序导入，总计视为未印",
                t3_cell(key),
            )
            return [*slots, None]
        self.notes.add(
            path_of(key),
            loc,
            "I6",
            ERROR,
            f"{where}只有 {n} 个数，少于 6 列，无法确定各属哪一列；按顺序导入前 {n} 列，"
            "其余各列按 0 导入，请对照原表核对",
            t3_cell(key),
        )
        return [*slots, *([None] * (len(T3_COLUMNS) - n - 1)), None]

    def value(self, key: Key, col: int, slot: Slot | None) -> int:
        column = T3_COLUMNS[col]
        if slot is None:
            return 0
        where = f"表三「{_label(key)}」的「{column}」列"
        if is_count(slot.value):
            note_if_unsure(self.notes, (*path_of(key), column), slot, where, t3_cell(key, column))
            return int(slot.value.text)
        problem = unreadable(slot.value)
        self.notes.add(
            (*path_of(key), column),
            slot.cell.loc,
            "I4",
            WARNING,
            f"{where}{problem}，按 0 导入",
            t3_cell(key, column),
        )
        return 0

    # --- the table ------------------------------------------------------------------------------

    def finish(self, where: Loc) -> T3Data | None:
        self.flush_loose()
        self.blank_pending()
        if not self.data.rows and not self.group_rows:
            return None
        for group, (split, decisive) in self.group_rows.items():
            self.group_row(group, split, decisive)
        found = set(self.data.rows)
        for row in T3_ROWS:
            if row.key in found:
                continue
            if row.key == RESULTS_TOTAL:
                self.notes.add(
                    path_of((RESULTS,)),
                    where,
                    "I3",
                    INFO,
                    "表三没有找到「（七）总计」一行；总计将按各项办理结果计算",
                )
                continue
            if row.group == "其他处理" and "其他处理" in self.group_rows:
                continue  # reported with the 2019 single row
            self.missing[row.key] = self.notes.add(
                path_of(row.key),
                where,
                "I3",
                WARNING,
                f"表三没有找到「{printed_label(row)}」一行，按 0 导入",
                t3_cell(row.key),
            )
            self.data.rows[row.key] = RowData((0,) * TOTAL_INDEX, None, where)
        for key, note, second in self.duplicates:
            self.claimed_twice(key, note, second)
        for key, printed in self.loosely:
            self.matched_loosely(key, printed, where)
        for split, note in self.unplaced:
            self.left_out(split, note)
        return self.data

    def left_out(self, split: SplitRow, note: Note) -> None:
        """A row left out for its label may be a row not found that the label resembles."""
        printed = split.label_text
        near = [k for k in self.missing if _resembles(printed, k)]
        if not near:
            return
        readings = [Reading("略去这一行")]
        for key in near:
            cells, said = self.aside(partial(self.placed, key, split))
            label = ROW_BY_KEY[key].label
            readings.append(
                Reading(f"这一行是「{label}」", {key: cells}, (*said,), (note, self.missing[key]))
            )
        what = f"表三{split.row.loc.describe()}的一行（标签「{printed}」）不能确定是哪一行"
        self.data.choices.append(Choice(what, split.row.loc, tuple(readings)))

    def placed(self, key: Key, split: SplitRow) -> Cells:
        slots, _ = self.slots(key, split)
        row = self.row_data(key, slots, split.row.loc)
        return row.values, row.total

    def matched_loosely(self, key: Key, printed: str, where: Loc) -> None:
        """A row read by a label only like the standard one may be a row not found near it
        that the label resembles too."""
        claim = self.claims.get(key)
        near = [k for k in _near_rows(key, self.missing) if _resembles(printed, k)]
        if claim is None or not near:
            return
        readings = [Reading(f"这一行是「{ROW_BY_KEY[key].label}」")]
        loose = self.loose_notes.get(key)
        untrue = (*claim.notes, *((loose,) if loose else ()))
        for other in near:
            cells, said = self.aside(partial(self.moved, other, claim, key, where))
            readings.append(
                Reading(
                    f"这一行是「{ROW_BY_KEY[other].label}」",
                    {other: cells, key: ((0,) * TOTAL_INDEX, None)},
                    (*said,),
                    (self.missing[other], *untrue),
                )
            )
        what = f"表三{claim.loc.describe()}的标签「{printed}」与标准格式的几行都只是近似"
        self.data.choices.append(Choice(what, claim.loc, tuple(readings)))

    def moved(self, key: Key, claim: Claim, left: Key, where: Loc) -> Cells:
        """``claim`` read as ``key``; ``left``, the row it was read as, is then not found."""
        self.notes.add(
            path_of(left),
            where,
            "I3",
            WARNING,
            f"表三没有找到「{_label(left)}」一行，按 0 导入",
            t3_cell(left),
        )
        return self.claim_cells(key, claim)

    def group_row(self, group: str, split: SplitRow, decisive: str) -> None:
        subs = [(RESULTS, group, name) for name, _ in T3_GROUPS[group][1]]
        group_label = T3_GROUPS[group][0]
        loc = split.labels[0].loc if split.labels else split.row.loc
        if any(k in self.data.rows for k in subs):
            self.notes.add(
                None,
                loc,
                "I7",
                INFO,
                f"表三「{decisive}」一行印了小计（标准格式中（三）至（六）没有小计行），已略去",
            )
            return
        if group != "其他处理":
            self.notes.add(
                path_of((RESULTS, group)),
                loc,
                "I3",
                ERROR,
                f"表三「{group_label}」只有一行合计、没有分项，无法分到各小项；各小项按 0 导入，"
                "请对照原表填写",
            )
            for key in subs:
                self.data.rows[key] = RowData((0,) * TOTAL_INDEX, None, loc)
            return
        target = (RESULTS, group, "其他")
        self.assign(target, split, None, decisive)
        self.flush_loose()
        others = "」「".join(label for _, label in T3_GROUPS[group][1][:2])
        self.notes.add(
            path_of(target),
            loc,
            "I7",
            WARNING,
            f"表三只有一行「{group_label}」（2019 年格式的遗留，R20）：这一行的数按「3.其他」导入，"
            f"「{others}」按 0 导入",
            t3_cell(target),
        )
        for key in subs[:2]:
            self.data.rows[key] = RowData((0,) * TOTAL_INDEX, None, loc)
            self.notes.comment(path_of(key), "原表（2019 年格式）没有这一行，按 0 导入")


@dataclass(frozen=True)
class Resolved:
    key: Key | None
    match: Match | None
    text: str  # the deciding label segment, as compared
    cell: Cell | None  # the cell it was printed in
    marked: bool = False  # the segment has its numbering (``1.`` ``（三）``), not a bare word


@dataclass
class Loose:
    """A row read under a label that only resembles the standard one, until its lines are seen."""

    key: Key
    loc: Loc
    decisive: str
    fragments: list[str]  # the label's words as printed around its numbers


def _row_evidence(row: RowData | None) -> str:
    """What the row's printed 总计 says about a reading by a loose label (R3): a row read under
    the wrong label, or with a number taken from the row beside it, rarely adds up."""
    if row is None or row.total is None or not any((*row.values, row.total)):
        return ""
    if sum(row.values) == row.total:
        return "（这一行六列之和等于印出的总计）"
    return (
        f"；这一行六列之和 {sum(row.values)} 与印出的总计 {row.total} 不符，"
        "可能读错了行或列，请对照原表"
    )


def _literal_layout(n: int) -> str:
    if n > len(T3_COLUMNS):
        return f"最后 {len(T3_COLUMNS)} 个数"
    if n == TOTAL_INDEX:
        return "六列、没有印总计"
    return f"依次是前 {n} 列"


#: How alike a printed label and a row not found must be for the row to be another reading.
_RESEMBLES = 0.5
#: How far (in rows of the standard table) a row claimed twice may be from the row it stands for.
_NEAR = 4


def _resembles(printed: str, key: Key) -> bool:
    row, core = ROW_BY_KEY[key], _core(printed)
    names = (_core(row.label), canon(row.name))
    return max(similarity(core, name) for name in names) >= _RESEMBLES


def _core(label: str) -> str:
    found = segments(label)
    return found[-1].core if found else ""


def _near_rows(key: Key, missing: dict[Key, Note]) -> list[Key]:
    order = [row.key for row in T3_ROWS]
    here = order.index(key)
    return [k for k in order[max(0, here - _NEAR) : here + _NEAR + 1] if k in missing]


def _words(cells: tuple[Cell, ...]) -> list[str]:
    return [canon(w) for c in cells for w in c.text.split()]


def _formed(fragments: list[str], label: str) -> bool:
    """Whether ``label`` is the concatenation of some of ``fragments``, in order; the first
    piece may be the end of a fragment that also holds the merged label before it."""
    reached: set[int] = set()
    for fragment in fragments:
        found = {p + len(fragment) for p in reached if label.startswith(fragment, p)}
        for k in range(len(fragment)):
            if label.startswith(fragment[k:]):
                found.add(len(fragment) - k)
                break
        reached |= found
        if len(label) in reached:
            return True
    return False


def _texts(cells: tuple[Cell, ...]) -> list[tuple[Cell, str]]:
    return [(c, c.text) for c in cells]


def _blank() -> Value:
    return Value(Kind.BLANK, "")


def _empty_cell(split: SplitRow) -> Cell:
    return Cell("", split.row.loc)


def read_t3(rows: list[Row], notes: Notes, where: Loc) -> T3Data | None:
    reader = T3Reader(notes)
    for row in rows:
        reader.feed(row)
    return reader.finish(where)
