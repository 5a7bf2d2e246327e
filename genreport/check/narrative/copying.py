"""R23: narrative carried over from last year's report, or from another agency's.

Overlap is measured on character shingles, because Chinese has no spaces to split words on. Before
shingling, numbers and Jinja expressions become one placeholder and punctuation and spaces go, so
"2022年收到申请 30 件" copied as "2023年收到申请 41 件" still counts as copied: assessors see the
same sentence. A shingle is 10 characters — longer than the fixed terms every report shares
("政府信息公开工作" is 8), short enough that a reworded sentence shares few. The ratio is
containment (the share of this year's shingles already in last year's text), not Jaccard: adding
a paragraph to last year's text must not make it look new. Sections shorter than 40 characters
are skipped: a one-line standard statement ("本年度未收取信息处理费") may repeat every year.

The copy-paste names are read conservatively: another place in front of this agency's own name
("合肥市投资促进局" in 青禾市投资促进局's report), another agency introducing "this" report
("现将××局2023年…报告如下"), and a year two or more years off in "2021年，我局…".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...findings import Finding
from ...lazy_regex import LazyRegex
from ...model import Narrative, Report
from ..base import WARNING
from ..context import PreviousYear
from .scan import (
    MASK,
    OTHER,
    OVERVIEW,
    PREFACE,
    PROBLEMS,
    Passage,
    mask,
    passages,
    section_passages,
    sentence_bounds,
)

SHINGLE = 10
THRESHOLD = 0.5
MIN_LENGTH = 40

_NUMBER = LazyRegex(rf"[0-9０-９]+(?:[.,][0-9]+)*|{MASK}+")
_NOT_WORDS = LazyRegex(r"[^\w#]|_")


def normalise(text: str) -> str:
    """Words only: numbers and expressions as ``#``, no punctuation or spaces."""
    return _NOT_WORDS.sub("", _NUMBER.sub("#", mask(text)))


def shingles(text: str) -> set[str]:
    return {text[i : i + SHINGLE] for i in range(len(text) - SHINGLE + 1)}


def containment(current: str, previous: str) -> float | None:
    """Share of ``current``'s shingles found in ``previous``; None when too short to judge."""
    now, before = normalise(current), normalise(previous)
    if len(now) < MIN_LENGTH or not before:
        return None
    mine = shingles(now)
    return len(mine & shingles(before)) / len(mine)


def comparable_sections(report: Report) -> dict[str, list[Passage]]:
    """Comparable units: the preface, each part of 一 (or all of it), 五 and 六."""
    units: dict[str, list[Passage]] = {}
    if report.preface is not None:
        units[PREFACE] = [Passage.of((PREFACE,), report.preface)]
    overview = section_passages(OVERVIEW, report.overview)
    if overview and all(p.key for p in overview):
        units.update({p.where: [p] for p in overview})
    elif overview:
        units[OVERVIEW] = overview
    for name, narrative in ((PROBLEMS, report.problems), (OTHER, report.other_matters)):
        parts = section_passages(name, narrative)
        if parts:
            units[name] = parts
    return units


def _text(parts: list[Passage]) -> str:
    return "\n".join(p.flat for p in parts)


def _whole(narrative: Narrative) -> str:
    return "\n".join(p.text.value for p in narrative.parts)


def _overlap(report: Report, previous: PreviousYear) -> Iterator[Finding]:
    assert previous.report is not None
    before = comparable_sections(previous.report)
    for where, parts in comparable_sections(report).items():
        if where in before:
            old = _text(before[where])
        elif where.startswith(OVERVIEW) and OVERVIEW in before:
            old = _text(before[OVERVIEW])  # last year wrote 一 as one text
        elif where == OVERVIEW:
            old = _whole(previous.report.overview)
        else:
            continue
        ratio = containment(_text(parts), old)
        if ratio is not None and ratio > THRESHOLD:
            yield parts[0].finding(
                report,
                "R23",
                WARNING,
                0,
                f"与上一年度报告（{previous.file}）的同一部分文字重合 {round(ratio * 100)}%"
                f"（按连续 {SHINGLE} 个字的片段计，超过 {round(THRESHOLD * 100)}%），"
                "请按本年度的实际情况撰写",
                where=where,
            )


_PLACE = LazyRegex(r"^(.{2,8}?(?:自治州|自治县|市|县|区|州|旗))(.{3,})$")
_NOT_PLACE = set("本我全该各此其省市县区州的在对向与和及为是于由按照据了")
_DEALINGS = LazyRegex(
    "按照|根据|依据|要求|转发|印发|通知|部署|指导|督查|检查|考核|评估|举办|组织|召开|学习|考察|"
    "借鉴|交流|联合|配合|协调|上级"
)
_INTRODUCES = LazyRegex(
    r"(?:现将|现公布|现予公布|现就)\s*([\u4e00-\u9fff（）()]{4,30}?"
    r"(?:局|委员会|委|办公室|办|厅|中心|人民政府|政府|管委会|区|县|市))\s*(?:19|20)[0-9]{2}\s*年"
)
_SELF = LazyRegex(
    r"((?:19|20)[0-9]{2})\s*年度?\s*[，,]?\s*"
    "(?:我局|我委|我办|我厅|我中心|我单位|本机关|本单位|本局|本委|我区|我市|我县|全局|本部门|我部门)"
)


def _other_places(report: Report, passage: Passage) -> Iterator[Finding]:
    """This agency's name with another place in front: "合肥市投资促进局" for 青禾市投资促进局."""
    match = _PLACE.match(report.agency)
    if not match:
        return
    place, organ = match.groups()
    flat = passage.flat
    for found in re.finditer(re.escape(organ), flat):
        start = found.start()
        if flat.endswith(place, 0, start) or start < 3:
            continue
        other = flat[start - 3 : start]
        if other[-1] not in "市县区州旗" or any(c in _NOT_PLACE for c in other[:2]):
            continue
        sentence = flat[slice(*sentence_bounds(flat, start))]
        if _DEALINGS.search(sentence) or not all("\u4e00" <= c <= "\u9fff" for c in other):
            continue
        yield passage.finding(
            report,
            "R23",
            WARNING,
            start - 3,
            f"正文出现“{other}{organ}”，地名与本报告机关“{report.agency}”不同，"
            "可能是从其他机关的报告复制后遗留的",
        )


def _other_agency(report: Report, passage: Passage) -> Iterator[Finding]:
    """ "现将××局2023年…报告如下" naming an agency that is not this one."""
    for match in _INTRODUCES.finditer(passage.flat):
        name = match.group(1)
        if name.startswith(("我", "本")) or name in report.agency or report.agency in name:
            continue
        yield passage.finding(
            report,
            "R23",
            WARNING,
            match.start(1),
            f"正文以“{name}”的名义介绍本报告，但本报告机关是“{report.agency}”，"
            "可能是从其他机关的报告复制后遗留的",
        )


def _other_years(report: Report, passage: Passage) -> Iterator[Finding]:
    """A sentence opening "2021年，我局…" in a 2023 report: a copied report's year.

    Only where a copied report's year sits, at the start of a sentence: "沿用2020年我局建立的制度"
    is history, not a leftover. Two or more years off is always suspect; last year only when the
    sentence is not a comparison ("2022年收到 60 件，2023年…", "较上年增加") and not in section 五,
    which must speak of last year's problems.
    """
    flat = passage.flat
    for match in _SELF.finditer(flat):
        year = int(match.group(1))
        start, end = sentence_bounds(flat, match.start())
        if flat[start : match.start()].strip() != "" or year in (report.year, report.year + 1):
            continue
        sentence = flat[start:end]
        if year == report.year - 1 and (
            passage.path[0] == PROBLEMS
            or _COMPARES.search(sentence)
            or str(report.year) in sentence
        ):
            continue
        yield passage.finding(
            report,
            "R23",
            WARNING,
            match.start(1),
            f"正文“{match.group()}”写的是 {year} 年，本报告是 {report.year} 年度报告，"
            "可能是从往年报告复制后未改",
        )


#: A sentence about last year that compares it with this year, or builds on it.
_COMPARES = LazyRegex(
    "较|同比|相比|比上年|增长|下降|增加|减少|持平|上升|整改|问题|不足|以来|起|开始|基础上|延续|继续|沿用|"
    "本年|今年|当年"
)
_PLATFORM = LazyRegex(
    r"[“「《]([\u4e00-\u9fff]{2,12})[”」》]\s*"
    "(?:微信公众号|公众号|政务微博|微博|客户端|APP|App|抖音号|头条号|视频号|门户网站|网站|政务新媒体)"
)
_ORGAN_SUFFIX = LazyRegex("(?:管理局|委员会|办公室|局|委|办|厅|中心)$")
_PLACE_SUFFIX = LazyRegex("(?:自治州|自治县|市|县|区|州|旗)$")
_NATIONAL = ("中国", "全国", "国家", "中央", "中华")


def _other_platforms(report: Report, passage: Passage) -> Iterator[Finding]:
    """A platform named after another place: "“合肥商务”微信公众号" in 青禾市商务局's report.

    Only names that carry this agency's own field ("商务") after a place that is not its own, in a
    sentence where the agency uses the platform (not one that forwards or follows another's).
    """
    match = _PLACE.match(report.agency)
    if not match:
        return
    place, organ = match.groups()
    core = _ORGAN_SUFFIX.sub("", organ)
    short = _PLACE_SUFFIX.sub("", place)
    if len(core) < 2:
        return
    flat = passage.flat
    for found in _PLATFORM.finditer(flat):
        name = found.group(1)
        at = name.find(core)
        prefix = name[:at]
        if at < 2 or short in prefix or prefix.startswith(("本", "我", *_NATIONAL)):
            continue
        if prefix.endswith("省") or len(prefix) > 4:
            continue
        if _DEALINGS.search(flat[slice(*sentence_bounds(flat, found.start()))]):
            continue
        yield passage.finding(
            report,
            "R23",
            WARNING,
            found.start(1),
            f"正文中的平台“{name}”以“{prefix}”开头，而本报告机关是“{report.agency}”，"
            "可能是从其他地方的报告复制后遗留的",
        )


def r23_copied_text(report: Report, previous: PreviousYear | None) -> Iterator[Finding]:
    if previous is not None and previous.report is not None:
        yield from _overlap(report, previous)
    for passage in passages(report):
        yield from _other_places(report, passage)
        yield from _other_agency(report, passage)
        yield from _other_years(report, passage)
        yield from _other_platforms(report, passage)
