"""The parts every report file must have, and what to say when one is missing.

An empty table the agency really had is written with zeros; an absent one is a mistake: the printed
report would lack it, or show zeros nobody typed. So a missing part is an L3 error that names the
part, says what goes in it, and points at where it belongs (before the next part that is there).
Placeholders a scaffold leaves in the agency's name are errors too: a report cannot be published
under "【待填写】机关全称".

The narrative sections 一, 五 and 六 are parts too: without the key the printed report lacks the
section. Section 六's one required content is the 信息处理费 statement, and the build writes the
standard sentence from ``信息处理费``; so a file that gives ``信息处理费`` is complete without
``其他需要报告的事项`` (its section 六 is that sentence). A section that is present but empty is a
content question for R21 and R17, not a missing part.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping, Sequence

from yaml.nodes import Node

from ..layout import OVERVIEW_PARTS, SECTION_HEADINGS, T4_OUTCOMES
from ..model import Pos

_T4_ROW = f"[{', '.join(T4_OUTCOMES)}]"
_T4_ZEROS = f"[{', '.join('0' for _ in T4_OUTCOMES)}]"

#: Each required top-level key → what it is and how to write it.
REQUIRED_PARTS: dict[str, str] = {
    "机关": "机关全称，与报告标题一致，如“机关: 某市工业和信息化局”",
    "年度": "报告年度，如“年度: 2023”",
    "机关类型": "写“机关类型: 部门”或“机关类型: 人民政府”，它决定发布期限和必须报告的内容",
    "发布日期": "落款日期，如“发布日期: 2024-01-20”",
    "主动公开": f"{SECTION_HEADINGS[1]}（表二），各行没有的数填 0",
    "依申请公开": f"{SECTION_HEADINGS[2]}（表三），没有收到申请也要写出，各行填 0",
    "行政复议": f"表四的行政复议，写成“行政复议: {_T4_ROW}”；没有案件也要写“行政复议: {_T4_ZEROS}”",
    "行政诉讼": (
        f"表四的行政诉讼，分“未经复议直接起诉”“复议后起诉”两行，每行 {_T4_ROW}；"
        f"没有案件也要写，每行 {_T4_ZEROS}"
    ),
    "总体情况": f"{SECTION_HEADINGS[0]}，写{'、'.join(OVERVIEW_PARTS)}五个方面的情况",
    "存在的主要问题及改进情况": (
        f"{SECTION_HEADINGS[4]}，写上一年度问题的整改情况、本年度存在的问题和改进措施"
    ),
    "其他需要报告的事项": (
        f"{SECTION_HEADINGS[5]}，写明信息处理费的收取情况（未收取写“未收取”），"
        "没有其他事项写“无其他需要报告的事项。”；也可以只写“信息处理费: 0”（单位元），"
        "生成报告时补上标准表述"
    ),
}
#: A part the build writes a standard text for when the file gives the other key.
GENERATED_FROM: dict[str, str] = {"其他需要报告的事项": "信息处理费"}

#: Text a scaffold or a template leaves where a real name belongs.
PLACEHOLDER = re.compile(r"【[^】\n]*】|待填写|请填写|[×xX＊*]{2,}|某某|ＸＸ")


def missing_parts(
    order: Sequence[str], present: Mapping[str, Node], root: Node, optional: Collection[str] = ()
) -> Iterator[tuple[Pos, str]]:
    """(where it belongs, message) for each required key absent from ``present``.

    ``order`` is the canonical order of the top-level keys; a missing part belongs before the
    next part in that order that the file has, or at the end of the file. ``optional`` keys are
    not required in this file (the tables a 汇总 computes).
    """
    for index, key in enumerate(order):
        if key not in REQUIRED_PARTS or key in present or key in optional:
            continue
        if GENERATED_FROM.get(key) in present:
            continue
        following = next((k for k in order[index + 1 :] if k in present), None)
        if following is None:
            end = root.end_mark
            pos, where = Pos(end.line + (1 if end.column == 0 else 2), 1), "请加在文件末尾"
        else:
            mark = present[following].start_mark
            pos, where = Pos(mark.line + 1, mark.column + 1), f"请加在“{following}”之前"
        yield pos, f"缺少必填项“{key}”：{REQUIRED_PARTS[key]}；{where}"


def placeholder_in(text: str) -> str | None:
    """The first placeholder in a one-line value such as 机关, if any."""
    match = PLACEHOLDER.search(text)
    return match.group() if match else None
