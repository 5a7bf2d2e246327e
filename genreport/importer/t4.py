"""Table T4 (四、政府信息公开行政复议、行政诉讼情况): one row of numbers under a 3-row header.

The header's outcome labels are read in order and aligned with the standard 15 columns, so a
truncated header (``结果`` for 结果维持) or a missing column (no last 总计) still tells which number
is which; without a usable header, 15 numbers are the standard columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..check.cells import t4_cell
from ..layout import T4_BLOCKS, T4_COLUMNS, t4_block_label
from .document import Loc, Row
from .labels import canon
from .notes import Note, Notes
from .readings import Cells, Choice, Reading, layouts
from .rows import Slot, split_and_note_footers
from .rules import ERROR, INFO, WARNING
from .unsure import note_if_unsure
from .values import is_count, unreadable

STANDARD = [(block, column) for block in T4_BLOCKS for column in T4_COLUMNS]
_OUTCOMES = [canon(c) for c in T4_COLUMNS]
_BLOCK_WORDS = {canon(w) for w in ("行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉")}


@dataclass
class T4Data:
    blocks: dict[tuple[str, ...], tuple[tuple[int, ...], int | None]] = field(default_factory=dict)
    #: Places the printed numbers can be read another way, decided by the totals (by_totals).
    choices: list[Choice] = field(default_factory=list)


def is_t4_header(text: str) -> bool:
    return canon(text) in {canon("行政复议"), canon("行政诉讼")}


def _compatible(label: str, standard: str) -> bool:
    return label == standard or (len(label) >= 2 and standard.startswith(label))


class T4Reader:
    def __init__(self, notes: Notes) -> None:
        self.notes = notes
        self.started = False
        self.labels: list[tuple[int, str, Loc]] = []  # (column, canon text, where)
        self.positional = True
        self.values: list[Slot] = []
        self.loc: Loc | None = None
        self.done = False

    def feed(self, row: Row) -> None:
        if self.done:
            return
        split = split_and_note_footers(row, self.notes)
        if split.labels and not split.values:
            if any(is_t4_header(c.text) for c in split.labels):
                self.started = True
                self.loc = self.loc or split.labels[0].loc
            if self.started and not self.values:
                self.positional = self.positional and row.positional
                for i, cell in enumerate(row.cells):
                    key = canon(cell.text)
                    if cell.origin and key and key not in _BLOCK_WORDS:
                        self.labels.append((i, key, cell.loc))
            elif self.values:
                self.done = True
            return
        if self.started and split.values and not split.labels:
            self.values.extend(split.values)
            self.positional = self.positional and row.positional
            if len(self.values) >= len(STANDARD):
                self.done = True

    def align(self) -> list[int] | None:
        """For each header label, its index in STANDARD; None when they cannot be aligned."""
        result: list[int] = []
        j = 0
        for _, label, _ in self.labels:
            while j < len(STANDARD) and not _compatible(label, _OUTCOMES[j % len(T4_COLUMNS)]):
                j += 1
            if j == len(STANDARD):
                return None
            result.append(j)
            j += 1
        return result

    def finish(self, where: Loc) -> T4Data | None:
        if not self.started:
            return None
        loc = self.loc or where
        if not self.values:
            self.notes.add(
                ("行政复议",),
                loc,
                "I4",
                WARNING,
                "表四只有表头，没有印数（数字一行空白）；表四各项按 0 导入",
            )
            return T4Data({block: ((0,) * 4, None) for block in T4_BLOCKS})
        start = len(self.notes.items)
        slots, in_order = self.place(loc)
        data = T4Data(self.blocks(slots))
        if in_order:
            said = tuple(self.notes.items[start:])
            data.choices = self.other_layouts(data, said)
        return data

    def other_layouts(self, data: T4Data, said: tuple[Note, ...]) -> list[Choice]:
        """Numbers that do not fill the 15 columns: the other ways they could."""
        readings = []
        for how, slots in layouts(tuple(self.values), len(STANDARD), keep_last=False):
            kept, self.notes = self.notes, Notes(self.notes.file)
            try:
                blocks = self.blocks({i: s for i, s in enumerate(slots) if s is not None})
                notes = tuple(self.notes.items)
            finally:
                self.notes = kept
            changed = {b: cells for b, cells in blocks.items() if cells != data.blocks.get(b)}
            readings.append(Reading(how, changed, notes, said))
        if not readings:
            return []
        n = len(self.values)
        literal = Reading(f"前 {len(STANDARD)} 个数" if n > len(STANDARD) else f"依次是前 {n} 列")
        return [Choice(f"表四印了 {n} 个数", self.values[0].cell.loc, (literal, *readings))]

    def blocks(self, slots: dict[int, Slot]) -> dict[tuple[str, ...], Cells]:
        result: dict[tuple[str, ...], Cells] = {}
        for block in T4_BLOCKS:
            values = []
            total: int | None = None
            for column in T4_COLUMNS:
                index = STANDARD.index((block, column))
                slot = slots.get(index)
                if slot is None:
                    if column == "总计":
                        self.notes.add(
                            block,
                            self.values[0].cell.loc,
                            "I6",
                            WARNING,
                            f"表四没有印「{t4_block_label(block)}·总计」这一列；总计将按各项计算",
                            t4_cell(block),
                        )
                    else:
                        self.notes.add(
                            block,
                            self.values[0].cell.loc,
                            "I6",
                            ERROR,
                            f"表四没有印「{t4_block_label(block)}·{column}」这一列，按 0 导入",
                            t4_cell(block, column),
                        )
                        values.append(0)
                    continue
                number = self.count(block, column, slot)
                if column == "总计":
                    total = number
                else:
                    values.append(number)
            result[block] = (tuple(values), total)
        return result

    def place(self, loc: Loc) -> tuple[dict[int, Slot], bool]:
        """Each number's index in STANDARD, and whether they were taken in order."""
        values = self.values[: len(STANDARD)]
        aligned = self.align() if self.labels else None
        if aligned is not None and self.positional:
            by_column = {self.labels[k][0]: aligned[k] for k in range(len(aligned))}
            if all(s.index in by_column for s in values if s.value.is_value):
                self.report_truncated()
                return {by_column[s.index]: s for s in values if s.index in by_column}, False
        if aligned is not None and len(aligned) == len(values):
            self.report_truncated()
            return {aligned[k]: values[k] for k in range(len(values))}, False
        if len(values) == len(STANDARD):
            return dict(enumerate(values)), len(self.values) > len(STANDARD)
        if len(values) == 12:
            self.notes.add(
                ("行政复议",),
                values[0].cell.loc,
                "I6",
                WARNING,
                "表四有 12 个数，没有印三个「总计」列：按每块 4 个（结果维持、结果纠正、其他结果、"
                "尚未审结）导入，总计按各项计算",
            )
            outcomes = [i for i, (_, c) in enumerate(STANDARD) if c != "总计"]
            return dict(zip(outcomes, values, strict=True)), False
        self.notes.add(
            ("行政复议",),
            values[0].cell.loc,
            "I6",
            ERROR,
            f"表四有 {len(values)} 个数，表头又无法对应（应为 15 个：三块各 结果维持、结果纠正、"
            "其他结果、尚未审结、总计）；按顺序导入，缺的按 0，请对照原表核对",
        )
        return dict(enumerate(values)), True

    def report_truncated(self) -> None:
        short = [(text, loc) for _, text, loc in self.labels if text not in _OUTCOMES]
        if short:
            shown = "、".join(f"「{t}」" for t in dict.fromkeys(t for t, _ in short))
            self.notes.add(
                None,
                short[0][1],
                "I5",
                INFO,
                f"表四表头有被截断的标签（{shown}），按标准格式的列顺序导入",
            )

    def count(self, block: tuple[str, ...], column: str, slot: Slot) -> int:
        if is_count(slot.value):
            where = f"表四「{t4_block_label(block)}·{column}」"
            note_if_unsure(self.notes, block, slot, where, t4_cell(block, column))
            return int(slot.value.text)
        problem = unreadable(slot.value)
        self.notes.add(
            block,
            slot.cell.loc,
            "I4",
            WARNING,
            f"表四「{t4_block_label(block)}·{column}」{problem}，按 0 导入",
            t4_cell(block, column),
        )
        return 0


def read_t4(rows: list[Row], notes: Notes, where: Loc) -> T4Data | None:
    reader = T4Reader(notes)
    for row in rows:
        reader.feed(row)
    return reader.finish(where)
