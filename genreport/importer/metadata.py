"""Who, which year, when, what kind of agency: read from the title, preface and signature."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from ..fee_statement import mentions, read_sentence
from .document import Loc, Paragraph
from .normalize import restore, squash
from .sections import DATE_LINE, TITLE, Sections, date_of, looks_like_agency

_PERIOD = re.compile(r"统计期限(?:为|是)?自?((?:19|20)[0-9]{2})年1月1日")
_PUBLISHED_AS = re.compile(
    r"现(?:予以)?公布(?P<agency>[^，。,；]{2,40}?)(?P<year>(?:19|20)[0-9]{2})年度?政府信息公开工作年度报告"
)
_YEAR_OF_WORK = re.compile(r"((?:19|20)[0-9]{2})年度")
_NAME = r"(?P<agency>[^，。,；;：:（）()“”]{2,30}?)"
#: Sentences of a preface that name the agency (the standard preface has the last two).
_PREFACE_NAMES = (
    re.compile(rf"本报告(?:是)?由{_NAME}(?:根据|依据|按照|依照|编制|制作|汇总)"),
    re.compile(rf"可在{_NAME}(?:门户)?(?:网站|政府网)"),
    re.compile(rf"请与{_NAME}联系"),
)
_PLACE = re.compile(r"[省市县区州旗盟镇乡国]|自治")
_RULE_MAKING_GOVERNMENT = re.compile(r"(省|自治区|直辖市|市|自治州)人民政府$")
_NOT_CITY = re.compile(r"(县|区|旗|镇|乡|街道)")


@dataclass(frozen=True)
class Found:
    """A detected value and the source place it came from."""

    value: str
    loc: Loc
    how: str  # 标题 / 前言 / 落款 / 统计期限 …


def agency_candidates(sections: Sections, page_title: str = "") -> list[Found]:
    """Every place that names the agency, most trusted first: the title, the preface, the
    signature, and the page's own title (HTML ``<title>``, PDF or Word properties)."""
    found = []
    if sections.title is not None:
        match = TITLE.fullmatch(squash(sections.title.text))
        if match and match["agency"]:
            name = match["agency"].removesuffix("关于")
            found.append(Found(name, sections.title.loc, "标题"))
    for p in sections.before:
        name = _preface_agency(squash(p.text))
        if name:
            found.append(Found(name, p.loc, "前言"))
            break
    if len(sections.signature) == 2:
        name = sections.signature[0]
        found.append(Found(squash(name.text), name.loc, "落款"))
    match = TITLE.search(squash(page_title))
    if match and match["agency"] and looks_like_agency(match["agency"]):
        found.append(Found(match["agency"], Loc(where="网页或文件属性中的标题"), "页面标题"))
    return found


def _preface_agency(text: str) -> str | None:
    match = _PUBLISHED_AS.search(text)
    if match:
        return match["agency"]
    for pattern in _PREFACE_NAMES:
        match = pattern.search(text)
        if match and looks_like_agency(match["agency"]):
            name = match["agency"]
            # 本报告由某某市人民政府办公室编制: the office compiles its government's report
            office = name.removesuffix("办公室")
            return office if office.endswith("人民政府") else name
    return None


def year_candidates(sections: Sections) -> list[Found]:
    found = []
    if sections.title is not None:
        match = TITLE.fullmatch(squash(sections.title.text))
        if match:
            found.append(Found(match["year"], sections.title.loc, "标题"))
    for p in sections.before[:4]:
        text = squash(p.text)
        match = _PUBLISHED_AS.search(text)
        if match:
            found.append(Found(match["year"], p.loc, "前言"))
        period = _PERIOD.search(text)
        if period:
            found.append(Found(period.group(1), p.loc, "统计期限"))
    if not found:
        for p in sections.before[:4]:
            work = _YEAR_OF_WORK.search(squash(p.text))
            if work:
                found.append(Found(work.group(1), p.loc, "前言"))
                break
    return found


def published_date(sections: Sections) -> tuple[dt.date, Loc] | None:
    for p in reversed(sections.signature):
        parts = date_of(p.text)
        if parts:
            try:
                return dt.date(*parts), p.loc
            except ValueError:
                return None
    return None


def page_date(sections: Sections) -> tuple[dt.date, Loc, str] | None:
    """The date line of a web page (``发布日期：2024-03-08``), kept out of the text as chrome."""
    for p in sections.dropped:
        match = DATE_LINE.match(squash(p.text))
        if match:
            try:
                day = dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
            except ValueError:
                continue
            return day, p.loc, p.text.strip()
    return None


def agency_type(agency: str) -> str:
    """``XX市人民政府`` (also ``XX县政府``) is a government; ``XX市人民政府办公室``, a 管委会 or a
    街道办事处 (offices sent out by a government) and everyone else a department."""
    return "人民政府" if agency.endswith("政府") else "部门"


#: Names that are neither a department nor a government by their last word: typed 部门, said so.
DISPATCHED = re.compile(r"(管委会|管理委员会|办事处|管理区|投资区|开发区|新区|园区)$")


def can_make_rules(agency: str, kind: str) -> bool | None:
    """True for governments of a province, 设区的市 or 自治州; None when the name cannot tell."""
    if kind != "人民政府":
        return None
    if not _RULE_MAKING_GOVERNMENT.search(agency):
        return False
    local = agency.removesuffix("人民政府")
    return None if _NOT_CITY.search(local[-3:]) else True


def has_place(agency: str) -> bool:
    return _PLACE.search(agency) is not None


# --- 信息处理费 ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fee:
    yuan: str  # digits in 元
    loc: Loc
    sentence: str
    converted: bool = False  # stated in 万元


def find_fee(paragraphs: list[Paragraph]) -> Fee | None:
    """The first statement of the fee, read as R17 and the build read it (``fee_statement``)."""
    for p in paragraphs:
        for start, sentence in mentions(restore(p.text)):
            statement = read_sentence(start, squash(sentence))
            if statement is None or statement.amount is None:
                continue
            if statement.unit == "万元":
                yuan = Decimal(statement.amount) * 10000
                return Fee(_plain(yuan), p.loc, sentence.strip(), converted=True)
            return Fee(statement.amount, p.loc, sentence.strip())
    return None


def _plain(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text


__all__ = [
    "DISPATCHED",
    "Found",
    "agency_candidates",
    "agency_type",
    "can_make_rules",
    "find_fee",
    "has_place",
    "looks_like_agency",
    "page_date",
    "published_date",
    "year_candidates",
]
