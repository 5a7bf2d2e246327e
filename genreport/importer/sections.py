"""The report's narrative: title, preface, the six section headings, and the parts of 一, 五, 六.

Headings are found by their words in order (``五、存在主要问题及改进情况`` still is section 五),
never inside tables. Each part's text keeps the agency's wording; only line breaks from page
layout are mended and web-page or Word leftovers are dropped (and reported).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..layout import SECTION_HEADINGS
from .document import Document, Loc, Paragraph, Table
from .labels import segments, similarity
from .normalize import restore, squash
from .values import is_footer

_TERMINAL = tuple("。！？；…：:!?;")
_CHROME = re.compile(
    r"(我要收藏|公共资源调用站点|文章分享|分享到.*|打印本页|关闭窗口|【?打印】?|【?关闭】?|扫一扫.*|"
    r"文件下载[:：]?|附件[:：]?|相关附件[:：]?|公开方式[:：].{0,8}|信息来源[:：].{0,20}|"
    r"浏览次数[:：].{0,10}|字号[:：].{0,10}|【?字体[:：]?.{0,10})"
)
_PAREN_HEAD = re.compile(r"^\s*[（(]\s*([一二三四五六七八九十])\s*[)）]\s*")
_DATE = re.compile(r"((?:19|20)[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日")
_CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "Ｏ": 0,
    "O": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_DATE = re.compile(
    r"([〇零○OＯ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日"
)
_HEADING_CORES = [segments(h)[-1].core for h in SECTION_HEADINGS]


@dataclass(frozen=True)
class Heading:
    index: int  # 0 for 一 … 5 for 六
    paragraph: Paragraph
    exact: bool
    rest: str = ""  # the text that followed the heading in the same paragraph


@dataclass
class Sections:
    title: Paragraph | None = None
    before: list[Paragraph] = field(default_factory=list)  # between title and 一 (the preface)
    parts: dict[int, list[Paragraph]] = field(default_factory=dict)  # section index → paragraphs
    headings: list[Heading] = field(default_factory=list)
    signature: list[Paragraph] = field(default_factory=list)  # agency name and date at the end
    dropped: list[Paragraph] = field(default_factory=list)  # web-page and Word leftovers
    in_tables: list[Paragraph] = field(default_factory=list)  # text among sections 二–四


#: A web page's date line: ``发布时间：2024-03-08 10:20 来源：…``, ``日期：2024年3月8日``.
DATE_LINE = re.compile(
    r"(?:发布|发表|成文|公开)?(?:时间|日期)[:：]"
    r"(?P<year>(?:19|20)[0-9]{2})(?:[-/.年])(?P<month>[0-9]{1,2})(?:[-/.月])(?P<day>[0-9]{1,2})日?"
)


def is_chrome(text: str) -> bool:
    text = squash(text)
    return _CHROME.fullmatch(text) is not None or DATE_LINE.match(text) is not None


def match_heading(paragraph: Paragraph, after: int) -> Heading | None:
    """Section heading ``after + 1`` … 六 that the paragraph is, if any; also a heading run into
    its first sentence (``六、其他需要报告的事项。本年度未收取信息处理费。``), the sentence kept
    in ``rest``."""
    whole = _whole_heading(paragraph, after)
    if whole is not None and whole.exact:
        return whole
    return _run_in_heading(paragraph, after) or whole


#: Where a heading run into its text ends: the first stop, colon or space after the heading.
_RUN_IN_END = re.compile(r"[。：:；;]|\s+")
_RUN_IN_REST = " \u3000。：:；;"


def _completes(heading: Heading, paragraph: Paragraph) -> bool:
    """The line after a heading is its end (``五、存在的主要问题及改进`` / ``情况``)."""
    joined = squash(heading.paragraph.text) + squash(paragraph.text)
    return joined == squash(SECTION_HEADINGS[heading.index])


def _run_in_heading(paragraph: Paragraph, after: int) -> Heading | None:
    text = paragraph.text.strip()
    start = segments(text[:3])
    if not start or start[0].kind != "top":
        return None
    for index in range(after + 1, len(SECTION_HEADINGS)):
        standard = squash(SECTION_HEADINGS[index])
        for cut in range(len(standard), min(len(text), len(standard) + 8) + 1):
            if squash(text[:cut]) == standard:
                rest = text[cut:].lstrip(_RUN_IN_REST)
                return Heading(index, Paragraph(text[:cut], paragraph.loc), True, rest)
    end = _RUN_IN_END.search(text, 0, 40)
    if end is None:
        return None
    heading = _whole_heading(Paragraph(text[: end.start()], paragraph.loc), after)
    if heading is None:
        return None
    rest = text[end.start() :].lstrip(_RUN_IN_REST)
    return Heading(heading.index, heading.paragraph, heading.exact, rest)


def _whole_heading(paragraph: Paragraph, after: int) -> Heading | None:
    text = squash(paragraph.text)
    if not text or len(text) > 40:
        return None
    parts = segments(text)
    first = parts[0]
    if len(parts) > 1 or (first.kind and first.kind != "top"):
        return None
    if first.kind == "top":
        index = first.ordinal - 1
        if not after < index < len(SECTION_HEADINGS):
            return None
        score = similarity(first.core, _HEADING_CORES[index])
        if score >= 0.6:
            return Heading(index, paragraph, first.core == _HEADING_CORES[index])
        return None
    for index in range(after + 1, len(SECTION_HEADINGS)):
        if first.core == _HEADING_CORES[index]:  # numbering lost (Word automatic numbering)
            return Heading(index, paragraph, True)
    return None


_SIGNED = re.compile(r"(?P<name>.*?)(?P<date>(?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日)")


def signature_in_one(text: str) -> tuple[str, str] | None:
    """``某局2024年1月18日`` (name and date in one line, as HTML spans join): (name, date)."""
    match = _SIGNED.fullmatch(squash(text))
    if match and looks_like_agency(match["name"]):
        return match["name"], match["date"]
    return None


def date_of(text: str) -> tuple[int, int, int] | None:
    text = squash(text)
    match = _DATE.fullmatch(text)
    if match:
        return int(match[1]), int(match[2]), int(match[3])
    match = _CN_DATE.fullmatch(text)
    if match:
        year = int("".join(str(_CN_DIGITS[c]) for c in match[1]))
        return year, _cn_number(match[2]), _cn_number(match[3])
    return None


def _cn_number(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGITS[text[1]]
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _CN_DIGITS[tens] * 10 + (_CN_DIGITS[ones] if ones else 0)
    return _CN_DIGITS[text]


def split_sections(doc: Document) -> Sections:
    result = Sections()
    current = -1
    for block in doc.blocks:
        if isinstance(block, Table):
            continue
        if is_footer(block.text):  # a page number between paragraphs: not part of the text
            continue
        if is_chrome(block.text):
            result.dropped.append(block)
            continue
        last = result.headings[-1] if result.headings else None
        if last is not None and not last.exact and not last.rest and _completes(last, block):
            result.headings[-1] = Heading(last.index, last.paragraph, True)  # broken over lines
            continue
        heading = match_heading(block, current)
        if heading is not None:
            result.headings.append(heading)
            current = heading.index
            result.parts.setdefault(current, [])
            if heading.rest:
                rest = Paragraph(heading.rest, block.loc)
                if current in (1, 2, 3):
                    result.in_tables.append(rest)
                else:
                    result.parts[current].append(rest)
            continue
        if current == -1:
            title = _title(result.before, block) if result.title is None else None
            if title is not None:
                result.title = title
                result.dropped.extend(result.before)  # a letterhead or the name above the title
                result.before = []
            else:
                result.before.append(block)
        elif current in (1, 2, 3):
            result.in_tables.append(block)
        else:
            result.parts[current].append(block)
    _take_signature(result)
    return result


TITLE = re.compile(r"(?P<agency>.*?)(?P<year>(?:19|20)[0-9]{2})年度?政府信息公开工作年度报告")


def _looks_like_title(text: str) -> bool:
    text = squash(text)
    return len(text) <= 60 and TITLE.fullmatch(text) is not None


def _title(before: list[Paragraph], block: Paragraph) -> Paragraph | None:
    """The title, also when printed on two lines: ``某某市人民政府`` / ``2024 年政府信息公开工作
    年度报告``, or broken inside (``…2023年政府信息`` / ``公开工作年度报告``). The line before
    then leaves ``before`` (it is part of the title, not a letterhead)."""
    previous = before[-1] if before else None
    if _looks_like_title(block.text):
        match = TITLE.fullmatch(squash(block.text))
        assert match is not None
        if not match["agency"] and previous is not None and looks_like_agency(previous.text):
            before.pop()
            return Paragraph(squash(previous.text) + squash(block.text), previous.loc)
        return block
    if previous is not None and _looks_like_title(previous.text + block.text):
        before.pop()
        return Paragraph(squash(previous.text) + squash(block.text), previous.loc)
    return None


def _take_signature(result: Sections) -> None:
    """The agency and date that close the report, and what follows them, leave section 六."""
    last = max(result.parts) if result.parts else None
    if last is None:
        return
    paragraphs = result.parts[last]
    for i in range(len(paragraphs) - 1, max(len(paragraphs) - 5, -1), -1):
        joined = signature_in_one(paragraphs[i].text)
        if joined:
            loc = paragraphs[i].loc
            result.signature = [Paragraph(joined[0], loc), Paragraph(joined[1], loc)]
            result.dropped.extend(paragraphs[i + 1 :])
            result.parts[last] = paragraphs[:i]
            return
        if date_of(paragraphs[i].text):
            start = i
            name = paragraphs[i - 1] if i > 0 else None
            if name is not None and looks_like_agency(name.text):
                start = i - 1
            result.signature = paragraphs[start : i + 1]
            result.dropped.extend(paragraphs[i + 1 :])
            result.parts[last] = paragraphs[:start]
            return


_AGENCY_END = re.compile(
    r"(局|委|委员会|办|办公室|厅|部|院|政府|中心|署|所|站|队|会|处|室|区|县|市|馆|社|行|公司)$"
)


def looks_like_agency(text: str) -> bool:
    text = squash(text)
    return (
        2 <= len(text) <= 30
        and not re.search(r"[。，,；;：:！？]", text)
        and bool(_AGENCY_END.search(text))
    )


# --- paragraphs → text ------------------------------------------------------------------------


def mend(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Join a paragraph that a page break cut (no closing punctuation) with the one after it."""
    result: list[Paragraph] = []
    for p in paragraphs:
        text = p.text.strip()
        if not text:
            continue
        if (
            result
            and len(result[-1].text) > 20
            and not result[-1].text.endswith(_TERMINAL)
            and not _starts_item(text)
            and result[-1].heading == 0
            and not (_starts_item(result[-1].text) and len(result[-1].text) <= 40)
        ):
            prev = result[-1]
            space = " " if prev.text[-1].isascii() and text[0].isascii() else ""
            result[-1] = Paragraph(prev.text + space + text, prev.loc, prev.heading)
            continue
        result.append(Paragraph(text, p.loc, p.heading))
    return result


def _starts_item(text: str) -> bool:
    return bool(segments(text)[0].kind) or text.startswith(("一是", "二是", "三是", "四是"))


def text_of(paragraphs: list[Paragraph]) -> str:
    return "\n\n".join(restore(p.text).strip() for p in mend(paragraphs))


@dataclass(frozen=True)
class Subsection:
    ordinal: int
    title: str  # the printed subheading without its numbering ("" when inline title was kept)
    paragraphs: list[Paragraph]
    loc: Loc
    standalone: bool


def subsections(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], list[Subsection]]:
    """Paragraphs before the first （一）, and each （一）（二）… part."""
    intro: list[Paragraph] = []
    parts: list[Subsection] = []
    for p in mend(paragraphs):
        text = restore(p.text)
        match = _PAREN_HEAD.match(text)
        if match:
            ordinal = "一二三四五六七八九十".index(match.group(1)) + 1
            rest = text[match.end() :].strip()
            head, dot, body = rest.partition("。")
            standalone = not body.strip() and len(rest) <= 40
            if standalone:
                parts.append(Subsection(ordinal, rest.rstrip("。"), [], p.loc, True))
            else:
                title = head if dot and len(head) <= 40 else ""
                first = body.strip() if title else rest
                parts.append(
                    Subsection(
                        ordinal, title, [Paragraph(first, p.loc)] if first else [], p.loc, False
                    )
                )
            continue
        if parts:
            parts[-1].paragraphs.append(p)
        else:
            intro.append(p)
    return intro, parts


def title_at(blocks: tuple[Paragraph | Table, ...], i: int) -> int | None:
    """Where a title that ends at ``blocks[i]`` starts (``i``, or ``i - 1`` for a title on two
    lines), None when ``blocks[i]`` ends no title."""
    block = blocks[i]
    if not isinstance(block, Paragraph):
        return None
    previous = blocks[i - 1] if i > 0 and isinstance(blocks[i - 1], Paragraph) else None
    before = [previous] if isinstance(previous, Paragraph) else []
    title = _title(before, block)
    if title is None:
        return None
    return i - 1 if not before and previous is not None else i
