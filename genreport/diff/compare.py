"""Two years of one agency's report → what changed: table cells and narrative sections.

Cells are compared as printed (``render.tables.report_values``), so the diff names the same cells
a reader sees in the published tables. Narrative is compared as printed too (expressions
evaluated), section by section: the overlap ratio is R23's measure (share of this year's
10-character shingles already in last year's text), and sentences are matched with numbers
blanked, so "收到 30 件" → "收到 41 件" is a table change, not a rewritten sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..check.context import PreviousYear
from ..check.narrative.copying import containment, normalise
from ..filters import money, year_on_year
from ..layout import (
    OVERVIEW_GOVERNMENT_PART,
    OVERVIEW_INTRO,
    OVERVIEW_PARTS,
    T2_BLOCKS,
    T2_DOC_COLUMN_LABELS,
    T2_DOC_ROWS,
    T2_FEE_ROW,
    T3_COLUMNS,
    T3_ROWS,
    T4_BLOCKS,
    T4_COLUMNS,
)
from ..model import Report
from ..narrative import Evaluated, NarrativeEvaluator, paragraphs
from ..render.tables import report_values, t2_key, t3_key, t4_key

_SENTENCE = re.compile(r"[^。；！？!?;]+[。；！？!?;]?")


def _cell_labels() -> dict[str, tuple[str, str]]:
    """Every number cell key → (table, the cell as a reader finds it)."""
    labels: dict[str, tuple[str, str]] = {}
    for b, block in enumerate(T2_BLOCKS, start=1):
        for r, name in enumerate(block.rows, start=1):
            if name in T2_DOC_ROWS:
                for c, column in enumerate(T2_DOC_COLUMN_LABELS, start=1):
                    labels[t2_key(b, r, c)] = ("表二", f"「{name}」「{column}」")
            else:
                labels[t2_key(b, r)] = ("表二", f"「{name}」「{block.column_label}」")
    for row in T3_ROWS:
        label = row.label if row.group_label is None else f"{row.group_label}{row.label}"
        for c, column in enumerate(T3_COLUMNS, start=1):
            labels[t3_key(row.number, c)] = ("表三", f"第{row.number}行「{label}」「{column}」")
    for b, t4_block in enumerate(T4_BLOCKS, start=1):
        name = "·".join(t4_block)
        for c, column in enumerate(T4_COLUMNS, start=1):
            labels[t4_key(b, c)] = ("表四", f"「{name}」「{column}」")
    return labels


CELL_LABELS = _cell_labels()
FEE_KEY = next(
    t2_key(b, r)
    for b, block in enumerate(T2_BLOCKS, start=1)
    for r, name in enumerate(block.rows, start=1)
    if name == T2_FEE_ROW
)


@dataclass(frozen=True)
class CellChange:
    table: str  # 表二 / 表三 / 表四
    label: str  # e.g. 第1行「一、本年新收政府信息公开申请数量」「自然人」
    key: str
    before: str
    after: str

    @property
    def delta(self) -> str:
        """ "+11" / "−3" / "+0.30"."""
        difference = Decimal(self.after) - Decimal(self.before)
        return ("+" if difference > 0 else "−") + money(abs(difference))

    @property
    def change(self) -> str:
        """The 同比 wording: "增长 18.6%"; from 0, "增加 5 件"."""
        unit = "万元" if self.key == FEE_KEY else None
        return year_on_year(Decimal(self.after), Decimal(self.before), unit)

    def to_json(self) -> dict[str, str]:
        return {
            "table": self.table,
            "cell": self.label,
            "key": self.key,
            "before": self.before,
            "after": self.after,
            "delta": self.delta.replace("−", "-"),
            "change": self.change,
        }


@dataclass(frozen=True)
class SectionChange:
    where: str  # 前言, 总体情况.依申请公开, 存在的主要问题及改进情况, …
    overlap: float | None  # None: too short to measure (R23 skips it too)
    before: tuple[str, ...]  # paragraphs as printed
    after: tuple[str, ...]
    added: tuple[str, ...]  # sentences of this year not in last year's section
    removed: tuple[str, ...]

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed)

    def to_json(self) -> dict[str, Any]:
        return {
            "section": self.where,
            "overlap": None if self.overlap is None else round(self.overlap, 3),
            "added": list(self.added),
            "removed": list(self.removed),
        }


@dataclass(frozen=True)
class ReportDiff:
    slug: str
    agency: str
    year: int
    base_year: int
    file: str
    base_file: str
    cells: tuple[CellChange, ...]
    sections: tuple[SectionChange, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "agency": self.agency,
            "year": self.year,
            "base_year": self.base_year,
            "file": self.file,
            "base_file": self.base_file,
            "cells": [c.to_json() for c in self.cells],
            "sections": [s.to_json() for s in self.sections],
        }


def _units(report: Report, previous: PreviousYear | None) -> dict[str, list[str]]:
    """The printed narrative, section by section, as paragraphs."""
    texts = NarrativeEvaluator(report, previous=previous).report_texts()
    units: dict[str, list[str]] = {}
    if texts.preface is not None:
        units["前言"] = paragraphs(texts.preface)
    titles = {OVERVIEW_INTRO: OVERVIEW_INTRO, **OVERVIEW_PARTS}
    titles[OVERVIEW_GOVERNMENT_PART[0]] = OVERVIEW_GOVERNMENT_PART[1]

    def add(section: str, parts: list[Evaluated]) -> None:
        for part in parts:
            where = section if part.title is None else f"{section}.{part.title}"
            units.setdefault(where, []).extend(part.paragraphs)

    add("总体情况", texts.overview)
    add("存在的主要问题及改进情况", texts.problems)
    add("其他需要报告的事项", texts.other_matters)
    return units


def sentences(paragraphs_: list[str]) -> list[str]:
    return [
        m.group().strip() for p in paragraphs_ for m in _SENTENCE.finditer(p) if m.group().strip()
    ]


def _new_sentences(these: list[str], those: list[str]) -> tuple[str, ...]:
    known = {normalise(s) for s in those}
    return tuple(s for s in these if normalise(s) and normalise(s) not in known)


def compare(
    report: Report,
    base: Report,
    file: str,
    base_file: str,
    previous: PreviousYear | None = None,
    base_previous: PreviousYear | None = None,
) -> ReportDiff:
    """``report`` against ``base`` (its previous year, or the year ``--from`` names)."""
    now, before = report_values(report), report_values(base)
    cells = tuple(
        CellChange(*CELL_LABELS[key], key, before[key], now[key])
        for key in now
        if now[key] != before[key]
    )
    this, last = _units(report, previous), _units(base, base_previous)
    sections = []
    for where in dict.fromkeys([*this, *last]):
        after, earlier = this.get(where, []), last.get(where, [])
        ratio = containment("\n".join(after), "\n".join(earlier)) if after and earlier else None
        new, old = sentences(after), sentences(earlier)
        sections.append(
            SectionChange(
                where,
                ratio,
                tuple(earlier),
                tuple(after),
                _new_sentences(new, old),
                _new_sentences(old, new),
            )
        )
    return ReportDiff(
        report.slug, report.agency, report.year, base.year, file, base_file, cells, tuple(sections)
    )
