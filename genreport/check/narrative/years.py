"""R19 in the words: the statistics period and the report's own title name the report's year.

Only the two unambiguous places are errors: a sentence giving the 统计期限 (全年 1月1日 至 12月31日
of a year) and a sentence that presents this report ("现将…2022年…报告如下", "2022年政府信息公开
工作年度报告" outside 《》). Other years are legitimate in a report — section 五 must speak of last
year's problems — and are left to R23's copy-paste check.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from ...lazy_regex import LazyRegex
from ...model import Report
from ..base import ERROR
from ..context import PreviousYear
from .scan import PREFACE, Passage, last_before, passages, sentence_bounds

_YEAR = r"((?:19|20)[0-9]{2})\s*年"
_PERIOD = LazyRegex(
    rf"{_YEAR}\s*1\s*月\s*1\s*日\s*起?\s*[至到—\-~－]\s*(?:{_YEAR}\s*)?12\s*月\s*31\s*日\s*止?"
)
_TITLE = LazyRegex(rf"{_YEAR}\s*度?\s*的?\s*政府信息公开工作\s*(?:年度|情况)?\s*报告")
_HERE_FOLLOWS = LazyRegex(
    rf"现将[^。；;]{{0,30}}?{_YEAR}\s*度?[^。；;]{{0,30}}?(?:报告|公布|发布)如下"
)
_PRESENTS = LazyRegex("现将|现公布|现予公布|予以公布|本报告|特此|编制")
_ABOUT_ANOTHER = LazyRegex("上年|上一年|去年|以往|整改|问题|通知|关于|针对|对照")


def _in_title_marks(text: str, offset: int) -> bool:
    """Inside 《…》: the name of a document, e.g. a notice about last year's reports."""
    return last_before(text, "《", offset) > last_before(text, "》", offset)


def _years(passage: Passage, report: Report) -> Iterator[tuple[int, int, str, str]]:
    """(offset, year, quoted phrase, what it is) for every year that names the reporting year."""
    flat = passage.flat
    for match in _PERIOD.finditer(flat):
        start, end = sentence_bounds(flat, match.start())
        if "统计" in flat[start:end]:
            for group in (1, 2):
                if match.group(group):
                    yield match.start(group), int(match.group(group)), match.group(), "统计期限"
    for match in _HERE_FOLLOWS.finditer(flat):
        if not _in_title_marks(flat, match.start(1)):
            yield match.start(1), int(match.group(1)), match.group(), "报告名称"
    for match in _TITLE.finditer(flat):
        if _in_title_marks(flat, match.start()):
            continue
        start, end = sentence_bounds(flat, match.start())
        sentence = flat[start:end]
        presents = passage.path[0] == PREFACE or _PRESENTS.search(sentence)
        if presents and not _ABOUT_ANOTHER.search(sentence):
            yield match.start(1), int(match.group(1)), match.group(), "报告名称"


def r19_narrative_year(report: Report, _: PreviousYear | None) -> Iterator[Finding]:
    for passage in passages(report):
        seen: set[int] = set()
        for offset, year, phrase, what in _years(passage, report):
            if year == report.year or offset in seen:
                continue
            seen.add(offset)
            yield passage.finding(
                report,
                "R19",
                ERROR,
                offset,
                f"{what}写的是“{phrase}”，但本报告是 {report.year} 年度报告",
            )
