"""Numbers read by OCR with low confidence: each one a finding and a comment at its value."""

from __future__ import annotations

from .notes import Notes, YamlPath
from .ocr import SURE
from .rows import Slot
from .rules import WARNING


def note_if_unsure(
    notes: Notes, path: YamlPath, slot: Slot, where: str, cell: str | None = None
) -> None:
    score = slot.cell.ocr_score
    if score is None or score >= SURE:
        return
    notes.add(
        path,
        slot.cell.loc,
        "I4",
        WARNING,
        f"{where}的“{slot.value.text}”是文字识别读出的，把握不大（置信度 {score:.0%}）；请对照原件核对",
        cell,
    )
