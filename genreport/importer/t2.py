"""Table T2 (二、主动公开政府信息情况): rows found by label; counts and the fee as printed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..check.cells import t2_cell
from ..layout import T2_BLOCKS, T2_COUNT_ROWS, T2_DOC_COLUMNS, T2_DOC_ROWS, T2_FEE_ROW
from .document import Loc, Row
from .labels import canon, similarity
from .notes import Notes
from .rows import Slot, SplitRow, split_and_note_footers
from .rules import ERROR, WARNING
from .unsure import note_if_unsure
from .values import Kind, is_count, unreadable

ROOT = "主动公开"
T2_ROWS = (*T2_DOC_ROWS, *T2_COUNT_ROWS, T2_FEE_ROW)
_ROW_KEYS = {canon(name): name for name in T2_ROWS}
#: Labels of the 2019 trial format (国办公开办函〔2019〕60号) that the 2021 format dropped.
LEGACY_2019 = tuple(
    canon(w)
    for w in (
        "第二十条第（九）项",
        "政府集中采购",
        "其他对外管理服务事项",
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
        "上一年项目数量",
        "本年增/减",
        "采购项目数量",
        "采购总金额",
    )
)
_LEGACY_DOC_HEADER = (canon("本年新制作数量"), canon("对外公开总数量"))
CAPTIONS = tuple(canon(b.caption) for b in T2_BLOCKS)
HEADER_WORDS = (
    canon("信息内容"),
    *(canon(w) for w in ("本年制发件数", "本年废止件数", "现行有效件数")),
)
_UNIT = re.compile(r"单位:([^,)]*)")


@dataclass
class T2Data:
    documents: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    decisions: dict[str, int] = field(default_factory=dict)
    fee: str | None = None  # 万元, digits as printed
    locs: dict[str, Loc] = field(default_factory=dict)


def is_t2_label(text: str) -> bool:
    key = canon(text)
    return key in _ROW_KEYS or key in CAPTIONS or key in HEADER_WORDS or key in LEGACY_2019


class T2Reader:
    def __init__(self, notes: Notes) -> None:
        self.notes = notes
        self.data = T2Data()
        self.legacy_header = False
        self.fee_unit: tuple[str, Loc] | None = None
        self.reported_legacy: set[str] = set()
        self.pending: tuple[str, SplitRow] | None = None  # a row label whose numbers may follow

    def feed(self, row: Row) -> None:
        split = split_and_note_footers(row, self.notes)
        pending, self.pending = self.pending, None
        if not split.labels:
            if pending is not None and split.values:  # the numbers of the label line before
                self.read_row(pending[0], True, SplitRow(row, pending[1].labels, split.values, ()))
            elif pending is not None:
                self.pending = pending
            elif split.values:
                shown = " ".join(v.cell.text or "（空）" for v in split.values)
                self.notes.add(
                    None,
                    row.loc,
                    "I9",
                    WARNING,
                    f"表二中这一行的数（{shown}）没有标签，无法判断属于哪一行，已略去",
                )
            return
        if pending is not None:
            self.blank(*pending)
        label = canon(split.labels[0].text)
        for cell in split.labels:
            self.header_cell(cell.text, cell.loc)
        name, exact = self.match(label)
        if not split.values:
            if name is not None and exact and name not in self.data.locs:
                self.pending = (name, split)
            return
        self.read_row(name, exact, split)

    def blank(self, name: str, split: SplitRow) -> None:
        """A row printed with its label and no number (a blank form): zeros, said so."""
        loc = split.labels[0].loc
        self.data.locs[name] = loc
        self.notes.add(
            (ROOT, name),
            loc,
            "I4",
            WARNING,
            f"表二「{name}」一行没有印数（空白），按 0 导入",
            t2_cell(name),
        )
        if name in T2_DOC_ROWS:
            self.data.documents[name] = (0, 0, 0)
        elif name in T2_COUNT_ROWS:
            self.data.decisions[name] = 0
        else:
            self.data.fee = "0"

    def read_row(self, name: str | None, exact: bool, split: SplitRow) -> None:
        label = canon(split.labels[0].text)
        if name is None:
            if label in LEGACY_2019:
                return  # reported by header_cell
            self.notes.add(
                None,
                split.labels[0].loc,
                "I9",
                WARNING,
                f"表二中「{split.labels[0].text}」一行无法对应标准格式的任何一行，已略去",
            )
            return
        loc = split.labels[0].loc
        if name in self.data.locs:
            self.notes.add(
                (ROOT, name),
                loc,
                "I3",
                WARNING,
                f"表二「{name}」一行出现了两次（另一次在{self.data.locs[name].describe()}）；按第一次导入",
                t2_cell(name),
            )
            return
        self.data.locs[name] = loc
        if not exact:
            self.notes.add(
                (ROOT, name),
                loc,
                "I5",
                WARNING,
                f"标签「{split.labels[0].text}」与标准格式的「{name}」不完全相同，按后者导入",
                t2_cell(name),
            )
        if name in T2_DOC_ROWS:
            self.documents(name, split)
        elif name in T2_COUNT_ROWS:
            self.decision(name, split)
        else:
            self.fee(split)

    def match(self, label: str) -> tuple[str | None, bool]:
        if label in _ROW_KEYS:
            return _ROW_KEYS[label], True
        scored = sorted(((similarity(label, k), n) for k, n in _ROW_KEYS.items()), reverse=True)
        if scored and scored[0][0] >= 0.75 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            return scored[0][1], False
        return None, False

    def header_cell(self, text: str, loc: Loc) -> None:
        key = canon(text)
        if key in _LEGACY_DOC_HEADER:
            self.legacy_header = True
        if key in LEGACY_2019 and key not in self.reported_legacy:
            self.reported_legacy.add(key)
            self.notes.add(
                (ROOT,),
                loc,
                "I7",
                WARNING,
                f"表二印有 2019 年格式的「{text.strip()}」（R20）；2021 年格式没有这一项，未导入",
            )
        if "收费金额" in key:
            unit = _UNIT.search(key)
            self.fee_unit = (unit.group(1) if unit else "万元", loc)

    def count(self, name: str, column: str | None, slot: Slot | None, loc: Loc) -> int:
        where = f"表二「{name}」" + (f"的「{column}」" if column else "")
        if slot is None:
            self.notes.add(
                (ROOT, name), loc, "I6", ERROR, f"{where}没有印数，按 0 导入", t2_cell(name, column)
            )
            return 0
        if is_count(slot.value):
            note_if_unsure(self.notes, (ROOT, name), slot, where, t2_cell(name, column))
            return int(slot.value.text)
        problem = unreadable(slot.value)
        self.notes.add(
            (ROOT, name),
            slot.cell.loc,
            "I4",
            WARNING,
            f"{where}{problem}，按 0 导入",
            t2_cell(name, column),
        )
        return 0

    def documents(self, name: str, split: SplitRow) -> None:
        slots = list(split.values)
        loc = split.labels[0].loc
        if self.legacy_header and len(slots) == 3:
            self.notes.add(
                (ROOT, name),
                loc,
                "I7",
                WARNING,
                f"表二「{name}」按 2019 年格式印的是「本年新制作数量、本年新公开数量、对外公开总数量」"
                "（R20）：按 本年制发 = 本年新制作数量、现行有效 = 对外公开总数量 导入，本年废止按 0 导入",
                t2_cell(name),
            )
            made = self.count(name, "本年制发", slots[0], loc)
            valid = self.count(name, "现行有效", slots[2], loc)
            self.data.documents[name] = (made, 0, valid)
            return
        if len(slots) != len(T2_DOC_COLUMNS):
            self.notes.add(
                (ROOT, name),
                loc,
                "I6",
                ERROR,
                f"表二「{name}」一行有 {len(slots)} 个数，应为 3 个（{'、'.join(T2_DOC_COLUMNS)}）；"
                "按顺序导入，缺的按 0",
                t2_cell(name),
            )
        padded: list[Slot | None] = [*slots[:3], *([None] * (3 - len(slots[:3])))]
        made, repealed, valid = (
            self.count(name, column, slot, loc)
            for column, slot in zip(T2_DOC_COLUMNS, padded, strict=True)
        )
        self.data.documents[name] = (made, repealed, valid)

    def single(self, name: str, split: SplitRow, legacy_index: int) -> Slot | None:
        slots = list(split.values)
        loc = split.labels[0].loc
        if len(slots) == 1:
            return slots[0]
        if len(slots) == 3 and legacy_index >= 0:
            self.notes.add(
                (ROOT, name),
                loc,
                "I7",
                WARNING,
                f"表二「{name}」按 2019 年格式印了 3 个数（上一年项目数量、本年增/减、处理决定数量，R20）："
                f"按第 3 个「{slots[2].cell.text}」作为本年处理决定数量导入",
                t2_cell(name),
            )
            return slots[legacy_index]
        if not slots:
            return None
        self.notes.add(
            (ROOT, name),
            loc,
            "I6",
            ERROR,
            f"表二「{name}」一行有 {len(slots)} 个数，应为 1 个；按第一个「{slots[0].cell.text}」导入",
            t2_cell(name),
        )
        return slots[0]

    def decision(self, name: str, split: SplitRow) -> None:
        slot = self.single(name, split, 2)
        self.data.decisions[name] = self.count(name, None, slot, split.labels[0].loc)

    def fee(self, split: SplitRow) -> None:
        name = T2_FEE_ROW
        slot = self.single(name, split, -1)
        loc = split.labels[0].loc
        if slot is None or slot.value.kind is not Kind.NUMBER or slot.value.text[0] in "+-":
            self.count(name, None, slot, loc)  # reports the blank, “/” or text
            self.data.fee = "0"
            return
        self.data.fee = slot.value.text
        note_if_unsure(self.notes, (ROOT, name), slot, f"表二「{name}」", t2_cell(name))
        if self.fee_unit and "万元" not in self.fee_unit[0]:
            unit, unit_loc = self.fee_unit
            self.notes.add(
                (ROOT, name),
                unit_loc,
                "I5",
                WARNING,
                f"表二收费金额的单位印的是“{unit}”（标准格式为万元）：原数 {slot.value.text} "
                "按万元导入，请核对",
                t2_cell(name),
            )

    def finish(self, where: Loc) -> T2Data | None:
        if self.pending is not None:
            self.blank(*self.pending)
            self.pending = None
        if not self.data.locs:
            return None
        for name in T2_ROWS:
            if name not in self.data.locs:
                self.notes.add(
                    (ROOT, name),
                    where,
                    "I3",
                    WARNING,
                    f"表二没有找到「{name}」一行，按 0 导入",
                    t2_cell(name),
                )
        return self.data


def read_t2(rows: list[Row], notes: Notes, where: Loc) -> T2Data | None:
    reader = T2Reader(notes)
    for row in rows:
        reader.feed(row)
    return reader.finish(where)
