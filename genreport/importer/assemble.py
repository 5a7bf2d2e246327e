"""``Document`` → ``ImportedReport`` plus notes: the pure heart of the import (no I/O).

Every value comes with where it was found; whatever had to be assumed becomes a note, printed as a
finding and written as a comment at that value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..layout import OVERVIEW_GOVERNMENT_PART, OVERVIEW_INTRO, OVERVIEW_PARTS, SECTION_HEADINGS
from .by_totals import choose_readings
from .copies import split_copies
from .document import Document, Loc, Paragraph
from .imported import ImportedReport, Narrative
from .metadata import (
    DISPATCHED,
    agency_candidates,
    agency_type,
    can_make_rules,
    find_fee,
    has_place,
    page_date,
    published_date,
    year_candidates,
)
from .notes import Notes
from .rules import ERROR, INFO, WARNING
from .sections import Sections, split_sections, subsections, text_of
from .t2 import T2Data, read_t2
from .t3 import read_t3
from .t4 import read_t4
from .tables import route

_PART_WORDS = {
    **{key: (key, label) for key, label in OVERVIEW_PARTS.items()},
    OVERVIEW_GOVERNMENT_PART[0]: (OVERVIEW_GOVERNMENT_PART[0], "社会评议", "责任追究"),
}
_PART_ORDER = (*OVERVIEW_PARTS, OVERVIEW_GOVERNMENT_PART[0])
_JINJA = ("{{", "{%", "{#")


@dataclass(frozen=True)
class Options:
    """What the user states on the command line; each overrides what the report says."""

    year: int | None = None
    agency: str | None = None
    published: dt.date | None = None


def assemble(doc: Document, options: Options | None = None) -> tuple[ImportedReport | None, Notes]:
    options = options or Options()
    notes = Notes(doc.file)
    start = Loc(1, 1) if doc.blocks and doc.blocks[0].loc.line else Loc(where="文件开头")
    chosen = _one_copy(doc, options, notes, start)
    if chosen is None:
        return None, notes
    doc = chosen
    sections = split_sections(doc)
    routed = route(doc)
    t2 = read_t2(routed.t2, notes, start)
    t3 = read_t3(routed.t3, notes, start)
    t4 = read_t4(routed.t4, notes, start)
    if t2 is None and t3 is None and t4 is None:
        _not_a_report(doc, sections, notes, start)
        return None, notes
    for table, name, path in (
        (t2, "表二（主动公开政府信息情况）", "主动公开"),
        (t3, "表三（收到和处理政府信息公开申请情况）", "依申请公开"),
        (t4, "表四（行政复议、行政诉讼情况）", "行政复议"),
    ):
        if table is None:
            notes.add(
                (path,),
                start,
                "I3",
                ERROR,
                f"找不到{name}（可能是图片，或标签与标准格式相差太远）；这张表各项按 0 导入，请对照原表填写",
            )
    agency = _agency(sections, doc.page_title, options, notes, start)
    year = _year(sections, options, notes, start)
    if agency is None or year is None:
        return None, notes
    kind = agency_type(agency)
    if DISPATCHED.search(agency):
        notes.add(
            ("机关类型",),
            start,
            "I2",
            INFO,
            f"“{agency}”不是人民政府（管委会、办事处等派出机构）：机关类型按“部门”导入"
            "（发布期限 1 月 31 日）；如这是本级政府的年度报告，请改为“人民政府”",
        )
    published = _published(sections, options, notes, year, kind, start)
    rules = _rule_making(agency, kind, t2, notes, start)
    _headings(sections, notes)
    _leftovers(sections, routed.absorbed, notes)
    fee = _fee(sections, notes, start)
    report = ImportedReport(
        source=doc.file,
        agency=agency,
        year=year,
        agency_type=kind,
        published=published,
        rule_making=rules,
        preface=_escape(text_of(sections.before), ("前言",), notes, start) or None,
        overview=_overview(sections.parts.get(0, []), notes),
        t2=t2,
        t3=t3,
        t4=t4,
        problems=_titled(sections.parts.get(4, []), "存在的主要问题及改进情况", notes),
        fee_yuan=fee,
        other=_titled(sections.parts.get(5, []), "其他需要报告的事项", notes),
    )
    return choose_readings(report, notes), notes


def _one_copy(doc: Document, options: Options, notes: Notes, start: Loc) -> Document | None:
    """The one report to import when the document holds several; None (and why) if none fits."""
    copies = split_copies(doc)
    if len(copies) == 1:
        return doc
    listed = "；".join(f"{c.where}起：{f'{c.year} 年' if c.year else '年度不明'}" for c in copies)
    what = f"原文中有 {len(copies)} 份报告（{listed}）"
    if options.year is not None:
        fitting = [c for c in copies if c.year == options.year]
        if not fitting:
            notes.add(None, start, "I1", ERROR, f"{what}，没有 {options.year} 年的；未写出输入文件")
            return None
        notes.add(
            None,
            start,
            "I1",
            INFO,
            f"{what}：按 --year 导入 {options.year} 年的那份（{fitting[0].where}起）",
        )
        return fitting[0].document
    years = {c.year for c in copies}
    if len(years) > 1 or None in years:
        notes.add(
            None,
            start,
            "I1",
            ERROR,
            f"{what}；请用 --year 指定导入哪一年，未写出输入文件（不会把另一年的数写进来）",
        )
        return None
    notes.add(
        None,
        start,
        "I1",
        WARNING,
        f"{what}，是同一年度的；按第一份导入，请核对两份是否一致",
    )
    return copies[0].document


def _not_a_report(doc: Document, sections: Sections, notes: Notes, start: Loc) -> None:
    found = len(sections.headings)
    if sections.title is not None and found == len(SECTION_HEADINGS):
        notes.add(
            None,
            start,
            "I1",
            ERROR,
            "标题和六个部分的标题都找到了，但表二、表三、表四一张也读不出（可能是图片或扫描件，"
            "或表格的文字与标准格式相差太远）；未写出输入文件",
        )
        return
    what = "没有标题“……政府信息公开工作年度报告”" if sections.title is None else "虽有标题"
    notes.add(
        None,
        start,
        "I1",
        ERROR,
        f"这不像是政府信息公开工作年度报告：{what}，六个部分的标题只找到 {found} 个，"
        "也找不到表二、表三、表四中的任何一张；未写出输入文件",
    )


def _agency(
    sections: Sections, page_title: str, options: Options, notes: Notes, start: Loc
) -> str | None:
    found = agency_candidates(sections, page_title)
    if options.agency:
        return options.agency
    if not found:
        notes.add(
            ("机关",),
            start,
            "I2",
            ERROR,
            "原文的标题、前言、落款和页面标题都没有写出机关名称；请用 --agency 指定，未写出输入文件",
        )
        return None
    first = found[0]
    if first.how != "标题":
        notes.add(
            ("机关",),
            first.loc,
            "I2",
            INFO,
            f"标题中没有机关名称：机关名称“{first.value}”取自{first.how}，请核对",
        )
    for other in found[1:]:
        if other.value != first.value and other.value not in first.value:
            notes.add(
                ("机关",),
                other.loc,
                "I2",
                WARNING,
                f"{other.how}写的机关名称是“{other.value}”，与{first.how}的“{first.value}”不同"
                f"（{first.loc.describe()}）；按{first.how}导入，请核对",
            )
    if not has_place(first.value):
        notes.add(
            ("机关",),
            first.loc,
            "I2",
            INFO,
            f"{first.how}中的机关名称“{first.value}”不含地名，可能不完整；按原文导入，请核对",
        )
    return first.value


def _year(sections: Sections, options: Options, notes: Notes, start: Loc) -> int | None:
    found = year_candidates(sections)
    if options.year is not None:
        if found and int(found[0].value) != options.year:
            notes.add(
                ("年度",),
                found[0].loc,
                "I2",
                WARNING,
                f"{found[0].how}写的年度是 {found[0].value}，按 --year 指定的 {options.year} 导入",
            )
        return options.year
    if not found:
        notes.add(
            ("年度",),
            start,
            "I2",
            ERROR,
            "原文的标题和前言都没有写出报告年度；请用 --year 指定，未写出输入文件",
        )
        return None
    first = found[0]
    for other in found[1:]:
        if other.value != first.value:
            notes.add(
                ("年度",),
                other.loc,
                "I2",
                WARNING,
                f"{other.how}写的年度是 {other.value}，与{first.how}的 {first.value} 不同"
                f"（R19）；按{first.how}导入",
            )
    if first.how != "标题":
        notes.add(
            ("年度",), first.loc, "I2", INFO, f"原文没有标题；年度 {first.value} 取自{first.how}"
        )
    return int(first.value)


def _published(
    sections: Sections, options: Options, notes: Notes, year: int, kind: str, start: Loc
) -> dt.date:
    if options.published is not None:
        return options.published
    found = published_date(sections)
    if found is not None:
        return found[0]
    dated = page_date(sections)
    if dated is not None:
        notes.add(
            ("发布日期",),
            dated[1],
            "I2",
            INFO,
            f"原文末尾没有落款日期：发布日期取自页面上的“{dated[2]}”",
        )
        return dated[0]
    due = dt.date(year + 1, 3 if kind == "人民政府" else 1, 31)
    notes.add(
        ("发布日期",),
        start,
        "I2",
        WARNING,
        f"原文末尾没有落款日期：发布日期暂填为{kind}的发布期限 {due.isoformat()}，"
        "请改为实际发布日期（或用 --published 指定）",
    )
    return due


def _rule_making(agency: str, kind: str, t2: T2Data | None, notes: Notes, start: Loc) -> str:
    rules = t2.documents.get("规章", (0, 0, 0)) if t2 is not None else (0, 0, 0)
    if t2 is None or not any(rules):
        return "无"
    verdict = can_make_rules(agency, kind)
    loc = t2.locs.get("规章", start)
    if verdict:
        notes.add(
            ("规章制定权",),
            loc,
            "I2",
            INFO,
            f"表二「规章」一行不为零，且“{agency}”是省、设区的市或自治州人民政府：规章制定权按“有”导入",
        )
        return "有"
    notes.add(
        ("规章制定权",),
        loc,
        "I2",
        WARNING,
        f"表二「规章」一行不为零，但无法从名称判断“{agency}”有无规章制定权：按“无”导入"
        "（check 将报 R13）；如确有，请改为“有”",
    )
    return "无"


def _headings(sections: Sections, notes: Notes) -> None:
    found = {h.index: h for h in sections.headings}
    for heading in sections.headings:
        if not heading.exact:
            notes.add(
                None,
                heading.paragraph.loc,
                "I8",
                INFO,
                f"标题「{heading.paragraph.text.strip()}」与标准格式的「{SECTION_HEADINGS[heading.index]}」"
                "不同，按后者导入",
            )
    for index in (0, 4, 5):
        if index not in found:
            notes.add(
                None,
                Loc(where="全文"),
                "I8",
                WARNING,
                f"没有找到「{SECTION_HEADINGS[index]}」这一部分的标题；这部分正文未导入",
            )


def _leftovers(sections: Sections, absorbed: list[Paragraph], notes: Notes) -> None:
    if sections.dropped:
        shown = "、".join(f"「{p.text.strip()}」" for p in sections.dropped)
        notes.add(None, sections.dropped[0].loc, "I8", INFO, f"已略去网页或文档中的杂项：{shown}")
    for p in sections.in_tables:
        text = p.text.strip()
        if p in absorbed:
            continue
        if len(text) > 10:
            notes.add(
                None,
                p.loc,
                "I8",
                INFO,
                f"表格部分中的文字「{text[:30]}{'…' if len(text) > 30 else ''}」不属于任何一张表，未导入",
            )


def _fee(sections: Sections, notes: Notes, start: Loc) -> str | None:
    six = sections.parts.get(5, [])
    fee = find_fee(six)
    where_else = False
    if fee is None:
        rest = [p for i, ps in sorted(sections.parts.items()) if i != 5 for p in ps]
        fee = find_fee(rest)
        where_else = fee is not None
    if fee is None:
        loc = six[0].loc if six else start
        notes.add(
            ("信息处理费",),
            loc,
            "I8",
            WARNING,
            "第六部分没有写明信息处理费（R17）；未导入“信息处理费”，请按实际收取的金额（元）补上",
        )
        return None
    if fee.converted:
        notes.add(
            ("信息处理费",),
            fee.loc,
            "I8",
            INFO,
            f"信息处理费以万元写出（“{fee.sentence}”），按 {fee.yuan} 元导入",
        )
    if where_else:
        notes.add(
            ("信息处理费",),
            fee.loc,
            "I8",
            INFO,
            f"信息处理费不在第六部分，取自“{fee.sentence}”",
        )
    return fee.yuan


def _escape(text: str, path: tuple[str, ...], notes: Notes, loc: Loc) -> str:
    """Narrative is a template: ``{{`` typed in the report must stay text."""
    if not any(mark in text for mark in _JINJA):
        return text
    notes.add(
        path,
        loc,
        "I8",
        INFO,
        "正文中有“{{”“{%”或“{#”，已写成 {{ '{{' }} 这样的转义，保证原样输出",
    )
    for mark in _JINJA:
        text = text.replace(mark, "\0" + mark)
    for mark in _JINJA:
        text = text.replace("\0" + mark, "{{ '" + mark + "' }}")
    return text


def _overview(paragraphs: list[Paragraph], notes: Notes) -> Narrative | None:
    path = ("总体情况",)
    if not paragraphs:
        return None
    intro, parts = subsections(paragraphs)
    if not parts:
        return _escape(text_of(paragraphs), path, notes, paragraphs[0].loc) or None
    result: dict[str, str] = {}
    if intro:
        result[OVERVIEW_INTRO] = text_of(intro)
    for part in parts:
        key = _part_key(part.ordinal, part.title)
        if key is None:
            notes.add(
                path,
                part.loc,
                "I8",
                WARNING,
                f"总体情况中的「（{'一二三四五六七八九十'[part.ordinal - 1]}）{part.title}」"
                "对应不到标准的五个部分，并入前一部分",
            )
            key = next(reversed(result)) if result else OVERVIEW_INTRO
            body = [Paragraph(part.title, part.loc), *part.paragraphs]
        else:
            words = _PART_WORDS[key]
            keep_title = part.title and not any(w in part.title for w in words)
            if keep_title:
                notes.add(
                    (*path, key),
                    part.loc,
                    "I8",
                    INFO,
                    f"小标题「{part.title}」与标准的「{OVERVIEW_PARTS.get(key, OVERVIEW_GOVERNMENT_PART[1])}」"
                    f"不同：按第 {part.ordinal} 部分导入，小标题保留在正文开头",
                )
            body = (
                [Paragraph(part.title + ("" if part.standalone else "。"), part.loc)]
                if keep_title
                else []
            ) + part.paragraphs
        text = text_of(body)
        result[key] = f"{result[key]}\n\n{text}" if key in result else text
    return {k: _escape(v, (*path, k), notes, paragraphs[0].loc) for k, v in result.items() if v}


def _part_key(ordinal: int, title: str) -> str | None:
    for key in _PART_ORDER:
        if any(w in title for w in _PART_WORDS[key]):
            return key
    if 1 <= ordinal <= len(_PART_ORDER):
        return _PART_ORDER[ordinal - 1]
    return None


def _titled(paragraphs: list[Paragraph], key: str, notes: Notes) -> Narrative | None:
    """Sections 五 and 六: {小标题: 正文} when every part has a heading line, else free text."""
    if not paragraphs:
        return None
    path = (key,)
    intro, parts = subsections(paragraphs)
    if parts and not intro and all(p.standalone and p.title for p in parts):
        titles = [p.title for p in parts]
        if len(set(titles)) == len(titles):
            return {
                p.title: _escape(text_of(p.paragraphs), (*path, p.title), notes, p.loc)
                for p in parts
            }
    return _escape(text_of(paragraphs), path, notes, paragraphs[0].loc) or None


__all__ = ["Options", "assemble"]
