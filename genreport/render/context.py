"""Report → the render-neutral view every output format prints.

The view holds the report as printed: title, preface, the six sections as headings, subheadings
and paragraphs (narrative already evaluated), the three tables (``tables.py``) with every number
formatted, and the signature. Renderers only lay it out; nothing here knows about Word or HTML.

Standard texts live here too: the preface when the file has none, and the 信息处理费 sentence
when section 六 does not state the fee (format.md §1; 国办函〔2020〕109号).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..explanations import printed_notes
from ..fee_statement import FEE_WORD, mentions, statements
from ..filters import cn_date, money, paren_number
from ..findings import Finding
from ..layout import OVERVIEW_GOVERNMENT_PART, OVERVIEW_INTRO, OVERVIEW_PARTS, SECTION_HEADINGS
from ..model import Report
from ..narrative import Evaluated, NarrativeEvaluator, data_context, paragraphs
from .cjk_spacing import tighten
from .tables import Table, report_values, tables

if TYPE_CHECKING:
    from ..check.context import PreviousYear

#: A title the user numbered by hand, e.g. "（一）整改情况" or "一、整改情况": we number again.
_HAND_NUMBERED = re.compile(
    r"^\s*(?:[（(]\s*[一二三四五六七八九十]+\s*[)）]|[一二三四五六七八九十]+\s*[、.．])\s*"
)
#: The subheading of the printed 说明 when section 六 has subheadings of its own.
NOTES_TITLE = "有关数据的说明"


@dataclass(frozen=True)
class Block:
    """One paragraph of a section: a （一） subheading (``h2``) or body text (``p``)."""

    kind: str
    text: str


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: tuple[Block, ...]
    table: Table | None = None


@dataclass(frozen=True)
class ReportView:
    slug: str
    title: str
    agency: str
    year: int
    date: str  # 2024年1月20日
    preface: tuple[str, ...]
    sections: tuple[Section, ...]
    values: dict[str, str]  # number cell key → printed text
    data: dict[str, Any]  # the report's data under the input file's Chinese keys

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(s.table for s in self.sections if s.table is not None)

    def context(self) -> dict[str, Any]:
        """What templates see: the view's fields, plus the data under its Chinese names."""
        return {
            **self.data,
            "slug": self.slug,
            "title": self.title,
            "title_lines": title_lines(self.agency, self.year),
            "title_parts": [self.agency, f"{self.year}{TITLE_REST}"],
            "agency": self.agency,
            "year": self.year,
            "date": self.date,
            "preface": list(self.preface),
            "sections": list(self.sections),
            "overview": [_block_dict(b) for b in self.sections[0].blocks],
            "problems": [_block_dict(b) for b in self.sections[4].blocks],
            "other": [_block_dict(b) for b in self.sections[5].blocks],
            "tables": {t.id: t for t in self.tables},
            "n": dict(self.values),
        }


def _block_dict(block: Block) -> dict[str, str]:
    return {"kind": block.kind, "text": block.text}


TITLE_REST = "年政府信息公开工作年度报告"
#: A line of the 2号 title holds about 20 characters in the 156 mm text block.
TITLE_LINE = 20


def report_title(report: Report) -> str:
    return f"{report.agency}{report.year}{TITLE_REST}"


def _width(text: str) -> float:
    return sum(0.5 if ch.isascii() else 1 for ch in text)


def title_lines(agency: str, year: int) -> list[str]:
    """The title as printed: one line when it fits, else broken after the agency's name."""
    title = f"{agency}{year}{TITLE_REST}"
    if _width(title) <= TITLE_LINE:
        return [title]
    return [agency, f"{year}{TITLE_REST}"]


def standard_preface(report: Report) -> list[str]:
    """The preface most agencies print, from the layout's own headings (format.md §1)."""
    parts = "、".join(h.split("、", 1)[1].replace("、", "和") for h in SECTION_HEADINGS)
    y = report.year
    return [
        "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和"
        "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制，"
        f"全文包括{parts}共六部分。"
        f"本报告所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。"
        f"本报告电子版可在{report.agency}门户网站查阅或下载。"
        f"如对本报告有疑问，请与{report.agency}联系。"
    ]


def fee_sentence(fee_yuan: Decimal, mentioned: bool = False) -> str:
    """The 信息处理费 statement section 六 must make (国办函〔2020〕109号); shorter when the text
    already speaks of the fee without stating it."""
    if fee_yuan == 0:
        return f"本年度本机关未收取{FEE_WORD}。"
    if mentioned:
        return f"本年度共收取{FEE_WORD}{money(fee_yuan)}元。"
    return f"本年度本机关依据《政府信息公开信息处理费管理办法》收取{FEE_WORD}{money(fee_yuan)}元。"


def _title(key: str) -> str:
    return _HAND_NUMBERED.sub("", key).strip()


def _blocks(parts: list[tuple[str | None, str]]) -> list[Block]:
    """Untitled parts are paragraphs; titled parts get （一）（二）… in the order given."""
    blocks: list[Block] = []
    number = 0
    for title, text in parts:
        if title is not None:
            number += 1
            blocks.append(Block("h2", paren_number(number) + tighten(_title(title))))
        blocks.extend(Block("p", tighten(p)) for p in paragraphs(text))
    return blocks


def _overview_parts(evaluated: list[Evaluated]) -> list[tuple[str | None, str]]:
    """Section 一 in the format's order: 概述 untitled, then the five parts, then 工作考核."""
    by_key = {e.title: e for e in evaluated}
    parts: list[tuple[str | None, str]] = [(None, e.text) for e in evaluated if e.title is None]
    if OVERVIEW_INTRO in by_key:
        parts.append((None, by_key[OVERVIEW_INTRO].text))
    printed = {**OVERVIEW_PARTS, OVERVIEW_GOVERNMENT_PART[0]: OVERVIEW_GOVERNMENT_PART[1]}
    parts.extend((label, by_key[key].text) for key, label in printed.items() if key in by_key)
    return parts


def _plain_parts(evaluated: list[Evaluated]) -> list[tuple[str | None, str]]:
    return [(e.title, e.text) for e in evaluated]


def _other_matters(report: Report, evaluated: list[Evaluated]) -> list[Block]:
    """Section 六, with the standard fee sentence when the text does not state the fee itself
    (what "states" means is ``fee_statement``'s, as for R17 and import)."""
    parts = _plain_parts(evaluated)
    blocks = _blocks(parts)
    texts = [f"{title}：{text}" if title else text for title, text in parts]
    if report.info_fee_yuan is not None and not any(statements(t) for t in texts):
        sentence = fee_sentence(report.info_fee_yuan, any(mentions(t) for t in texts))
        if any(title is not None for title, _ in parts):
            parts.append((f"{FEE_WORD}收取情况", sentence))
            blocks = _blocks(parts)
        else:
            blocks.append(Block("p", sentence))
    notes = printed_notes(report)
    if notes:
        if any(title is not None for title, _ in parts):
            parts.append((NOTES_TITLE, "\n\n".join(notes)))
            blocks = _blocks(parts)
        else:
            blocks.extend(Block("p", tighten(note)) for note in notes)
    return blocks


def build_view(
    report: Report, previous: PreviousYear | None = None
) -> tuple[ReportView, list[Finding]]:
    """The printed report; findings are expressions that failed (J1, already a check error)."""
    evaluator = NarrativeEvaluator(report, previous=previous)
    texts = evaluator.report_texts()
    preface = standard_preface(report) if texts.preface is None else paragraphs(texts.preface)
    preface = [tighten(p) for p in preface]
    values = report_values(report)
    t2, t3, t4 = tables(values.__getitem__)
    overview = _blocks(_overview_parts(texts.overview))
    problems = _blocks(_plain_parts(texts.problems))
    other = _other_matters(report, texts.other_matters)
    sections = (
        Section(SECTION_HEADINGS[0], tuple(overview)),
        Section(SECTION_HEADINGS[1], (), t2),
        Section(SECTION_HEADINGS[2], (), t3),
        Section(SECTION_HEADINGS[3], (), t4),
        Section(SECTION_HEADINGS[4], tuple(problems)),
        Section(SECTION_HEADINGS[5], tuple(other)),
    )
    view = ReportView(
        slug=report.slug,
        title=report_title(report),
        agency=report.agency,
        year=report.year,
        date=cn_date(report.published),
        preface=tuple(preface),
        sections=sections,
        values=values,
        data=evaluator.context,
    )
    return view, evaluator.findings


def view_of(report: Report, previous: PreviousYear | None = None) -> ReportView:
    return build_view(report, previous)[0]


__all__ = ["Block", "ReportView", "Section", "build_view", "data_context", "view_of"]
