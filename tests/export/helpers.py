"""Workspaces with flawed agencies, and reading a worksheet the way a person reads it."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def add_flawed_agencies(workspace: Path) -> None:
    """wrongsum.yaml: another department with one R1 slip; broken.yaml: a file that does not load."""
    year = workspace / "inputs/2023"
    text = (year / "shijianju.yaml").read_text(encoding="utf-8")
    text = _numbers_only(text.replace("机关: 青禾市市场监督管理局", "机关: 青禾市城市管理局"))
    (year / "wrongsum.yaml").write_text(
        text.replace("予以公开:     [24, 5,", "予以公开:     [25, 5,"), encoding="utf-8"
    )
    (year / "broken.yaml").write_text("机关: [青禾市\n", encoding="utf-8")


_NARRATIVE = ("前言:", "总体情况:", "存在的主要问题及改进情况:", "其他需要报告的事项:")


def _numbers_only(text: str) -> str:
    """The file with its narrative sections empty (a copied narrative would be R27's business,
    not export's); the keys stay, as every file must have them."""
    kept, skipping = [], False
    for line in text.splitlines(keepends=True):
        if line[:1] not in (" ", "\n", "#", ""):
            skipping = line.startswith(_NARRATIVE)
            if skipping and not line.startswith("前言:"):
                kept.append(line.split(":", 1)[0] + ":\n")
        if not skipping:
            kept.append(line)
    return "".join(kept)


def sheet_rows(sheet: Any) -> list[tuple[Any, ...]]:
    """Row 1 of the sheet at index 1, as people number them (index 0 is a blank row)."""
    return [(), *sheet.iter_rows(values_only=True)]


def header_of(sheet: Any, column: int, depth: int) -> tuple[str, ...]:
    """The labels a reader sees above ``column``: each header row's cell, or the merged cell over it."""
    labels = []
    for row in range(2, depth + 2):
        value = sheet.cell(row, column).value
        for merged in sheet.merged_cells.ranges:
            if (
                merged.min_row <= row <= merged.max_row
                and merged.min_col <= column <= merged.max_col
            ):
                value = sheet.cell(merged.min_row, merged.min_col).value
        labels.append(value)
    return tuple(labels)
