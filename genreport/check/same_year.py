"""R27: narrative copied between agencies of the same year ("与其他单位雷同", which assessors deduct).

R23 compares a report with its own previous year; this compares every report of a year with every
other, so it runs over the whole set of files checked together (``across.join``), not inside a
per-report rule; what it needs of each report (``units_of``) is plain data, made where the report
was checked (in a worker, when there are many). All pairs of full texts would be quadratic in the number of agencies; instead an
inverted index maps each 10-character shingle (R23's measure) to the sections holding it, and only
sections that share shingles are ever compared: the work is proportional to the shingles, plus the
pairs that actually share text. Candidates come from a stable quarter of the shingles (the same
text is sampled the same way everywhere, so a copy keeps its sampled shingles); each candidate pair
is then measured exactly on all of them (counted only when there is a candidate at all).

Standard text does not count: the preface (依据、统计期限、获取方式 are the same in every report),
sentences giving the statistics period or presenting the report, and any shingle that more than
5% of the year's reports use (at least 10): a phrase that common is the region's stock wording,
not one agency's copy of another's.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from ..findings import Finding
from ..model import Report
from .base import WARNING
from .narrative.copying import MIN_LENGTH, SHINGLE, THRESHOLD, comparable_sections, normalise
from .narrative.scan import PREFACE, SENTENCE_END, Passage

#: Sentences every report may contain word for word.
_STANDARD = re.compile(
    "统计期限|统计时限|统计期间|本报告|以下简称|年度报告格式|电子版|查阅或下载|如对.{0,6}有.{0,4}疑问|"
    "特此报告|政府信息公开条例》和"
)
_SENTENCE = re.compile(f"[^{re.escape(SENTENCE_END)}]+[{re.escape(SENTENCE_END)}]?")
COMMON_SHARE = 0.05
COMMON_MIN = 10
SAMPLE = 4
#: A pair is measured exactly when its sampled shingles suggest at least this overlap.
CANDIDATE = 0.3


@dataclass(frozen=True)
class Unit:
    """One comparable section of a report, as R27 compares it: plain data, small enough for a
    worker process to send back instead of the report."""

    file: str
    agency: str
    where: str
    #: The finding at the section's first passage, its message after "where：" still to come.
    anchor: Finding
    #: The section's own words (standard sentences left out), normalised; at least MIN_LENGTH.
    words: str
    #: Its shingles that ``_sample`` picks: a shingle's count among these is its count in all.
    sampled: tuple[str, ...]


def _words(parts: list[Passage]) -> str:
    kept = []
    for part in parts:
        for sentence in _SENTENCE.finditer(part.flat):
            if not _STANDARD.search(sentence.group()):
                kept.append(normalise(sentence.group()))
    return "".join(kept)


def units_of(report: Report) -> tuple[Unit, ...]:
    """What R27 compares of one report: each section but the preface, long enough to judge."""
    units = []
    for where, parts in comparable_sections(report).items():
        if where == PREFACE:
            continue
        words = _words(parts)
        if len(words) < MIN_LENGTH:
            continue
        anchor = parts[0].finding(report, "R27", WARNING, 0, "", where=where)
        sampled = _sample(_shingles(words))
        units.append(Unit(report.file, report.agency, where, anchor, words, sampled))
    return tuple(units)


def _shingles(words: str) -> frozenset[str]:
    return frozenset(words[i : i + SHINGLE] for i in range(len(words) - SHINGLE + 1))


def _sample(shingles: frozenset[str]) -> tuple[str, ...]:
    """One shingle in SAMPLE, chosen by a stable hash: the same text is sampled the same way in
    every report, so a copy shares its sampled shingles exactly."""
    crc32 = zlib.crc32
    return tuple(s for s in shingles if not crc32(s.encode("utf-8")) % SAMPLE)


def _pairs(units: list[Unit], picked: list[list[str]]) -> Counter[tuple[int, int]]:
    """Sections of different reports that share sampled shingles, with how many they share."""
    index: defaultdict[str, list[int]] = defaultdict(list)
    for number, shingles in enumerate(picked):
        for shingle in shingles:
            index[shingle].append(number)
    shared: Counter[tuple[int, int]] = Counter()
    for holders in index.values():
        for i, a in enumerate(holders):
            for b in holders[i + 1 :]:
                if units[a].file != units[b].file:
                    shared[a, b] += 1
    return shared


def r27_same_year_copying(reports: list[Report]) -> dict[str, list[Finding]]:
    """Findings by file, for reports of one year checked together."""
    return r27_copying([unit for report in reports for unit in units_of(report)], len(reports))


def r27_copying(units: list[Unit], reports: int) -> dict[str, list[Finding]]:
    """Findings by file, for the ``units_of`` each of ``reports`` reports of one year, in order.

    Candidates need only the sampled shingles; all of them are counted only when there are
    candidates to measure (most years have none).
    """
    common = max(COMMON_MIN, int(reports * COMMON_SHARE))
    sampled = Counter(shingle for unit in units for shingle in unit.sampled)
    picked = [[s for s in unit.sampled if sampled[s] <= common] for unit in units]
    # The rest are far below the threshold even allowing for sampling. In order, so that of two
    # equal overlaps the first pair's twin is named, whatever the order of the shingles.
    candidates = sorted(
        (a, b)
        for (a, b), count in _pairs(units, picked).items()
        if count >= CANDIDATE * min(len(picked[a]), len(picked[b]))
    )
    if not candidates:
        return {}
    shingled = [_shingles(unit.words) for unit in units]
    frequency = Counter(shingle for shingles in shingled for shingle in shingles)
    own = [frozenset(s for s in shingles if frequency[s] <= common) for shingles in shingled]
    best: dict[int, tuple[float, int]] = {}
    for a, b in candidates:
        both = len(own[a] & own[b])
        for this, other in ((a, b), (b, a)):
            ratio = both / len(own[this]) if own[this] else 0.0
            if ratio > THRESHOLD and ratio > best.get(this, (0.0, -1))[0]:
                best[this] = (ratio, other)
    findings: defaultdict[str, list[Finding]] = defaultdict(list)
    for number in sorted(best):
        ratio, other = best[number]
        unit, twin = units[number], units[other]
        message = (
            f"与同年度{twin.agency}的报告（{twin.file}）"
            f"“{twin.where}”部分文字重合 {round(ratio * 100)}%"
            f"（按连续 {SHINGLE} 个字的片段计，超过 {round(THRESHOLD * 100)}%；"
            "依据、统计期限等标准表述和多数报告共用的说法不计），"
            "评审时会按“与其他单位雷同”扣分，请按本机关的实际情况撰写"
        )
        findings[unit.file].append(replace(unit.anchor, message=unit.anchor.message + message))
    return dict(findings)
