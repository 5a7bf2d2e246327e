"""R21: the sections say what the format requires, and no scaffold placeholder is left.

Section 一 covers its five parts (and, for a people's government, 工作考核、社会评议和责任追究);
section 五 reports how last year's problems were rectified. When a part is a key of its own the
check is exact; in free text it looks for the part's words, accepting any of several, so a short
but complete text is never flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...findings import Finding
from ...layout import OVERVIEW_GOVERNMENT_PART, OVERVIEW_PARTS
from ...lazy_regex import LazyRegex
from ...model import Report
from ..base import WARNING, at
from ..context import PreviousYear
from .scan import OVERVIEW, PROBLEMS, passages

_NUMBERS = "一二三四五"
#: Words any text about the part uses; several per part, so only an absent topic is flagged.
_PART_WORDS = {
    "主动公开": "主动公开",
    "依申请公开": "依申请|公开申请|申请公开",
    "政府信息管理": "管理|审核|审查|保密",
    "平台建设": "平台|网站|新媒体|公众号|专栏",
    "监督保障": "监督|保障|考核|培训|督查|检查|问责|追究|责任",
}
_GOVERNMENT_WORDS = {"工作考核": "考核", "社会评议": "评议", "责任追究": "追究|问责"}
_PLACEHOLDER = LazyRegex(r"【[^】\n]{0,16}(?:待填写|请填写|待补充)[^】\n]{0,16}】")


def _overview(report: Report) -> Iterator[Finding]:
    parts = report.overview.parts
    if not parts:
        yield at(report, "R21", WARNING, (OVERVIEW,), f"{OVERVIEW}：没有正文（应写五个方面的情况）")
        return
    keys = {p.key for p in parts if p.key}
    text = report.overview.text
    missing = [
        f"（{_NUMBERS[i]}）{label}"
        for i, (key, label) in enumerate(OVERVIEW_PARTS.items())
        if (key not in keys if keys - {"概述"} else not re.search(_PART_WORDS[key], text))
    ]
    if missing:
        how = "缺少" if keys - {"概述"} else "正文没有写到"
        yield at(
            report,
            "R21",
            WARNING,
            (OVERVIEW,),
            f"{OVERVIEW}：{how}{'、'.join(missing)}（第一部分应写主动公开、依申请公开、政府信息管理、"
            "政府信息公开平台建设、监督保障五个方面）",
        )
    government_key, government_label = OVERVIEW_GOVERNMENT_PART
    if report.agency_type == "人民政府" and government_key not in keys:
        absent = [name for name, words in _GOVERNMENT_WORDS.items() if not re.search(words, text)]
        if absent:
            yield at(
                report,
                "R21",
                WARNING,
                (OVERVIEW,),
                f"{OVERVIEW}：人民政府的报告应写{government_label}，正文没有写到"
                f"{'、'.join(absent)}（可加“{government_key}”一项）",
            )


def _problems(report: Report) -> Iterator[Finding]:
    text = report.problems.text
    if not text.strip():
        yield at(
            report,
            "R21",
            WARNING,
            (PROBLEMS,),
            f"{PROBLEMS}：没有正文（应写上一年度问题的整改情况、本年度存在的问题和改进措施）",
        )
        return
    last_year = re.search(rf"上一?年|去年|以往|{report.year - 1}\s*年", text)
    rectified = re.search("整改|改进|改正|解决|落实|完善", text)
    if not (last_year and rectified):
        yield at(
            report,
            "R21",
            WARNING,
            (PROBLEMS,),
            f"{PROBLEMS}：没有写上一年度（{report.year - 1} 年）报告所列问题的整改情况"
            "（如“上一年度问题整改情况”）",
        )


def _placeholders(report: Report) -> Iterator[Finding]:
    for passage in passages(report):
        for match in _PLACEHOLDER.finditer(passage.flat):
            yield passage.finding(
                report, "R21", WARNING, match.start(), f"还有未填写的占位文字“{match.group()}”"
            )


def r21_required_content(report: Report, _: PreviousYear | None) -> Iterator[Finding]:
    yield from _overview(report)
    yield from _problems(report)
    yield from _placeholders(report)
