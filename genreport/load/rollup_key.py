"""The ``汇总`` key: which files of the same year a report adds up, read strictly.

Two shapes: ``汇总: [fagaiju, jiaoyuju, benji]`` (every table summed), or a mapping that also says
how T2's 规章/规范性文件 rows are counted::

    汇总:
      单位: [fagaiju, jiaoyuju, benji]
      规章和规范性文件: benji      # 合计 (the default) | the slug of the unit that is the 本级
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..lazy_regex import LazyRegex
from ..model import DOCUMENTS_SUMMED, Pos, Rollup

if TYPE_CHECKING:
    from .parse import Parser

KEY = "汇总"
#: The top-level keys a roll-up computes when the file leaves them out, each on its own.
COMPUTED_KEYS = ("主动公开", "依申请公开", "行政复议", "行政诉讼")
UNITS = "单位"
DOCUMENTS = "规章和规范性文件"
SLUG = LazyRegex(r"[A-Za-z0-9_\-\u4e00-\u9fff]+")


def pos_of(node: Node) -> Pos:
    return Pos(node.start_mark.line + 1, node.start_mark.column + 1)


def read_rollup(parser: Parser, key: Node, value: Node) -> Rollup | None:
    parser.positions[(KEY,)] = pos_of(key)
    documents = DOCUMENTS_SUMMED
    units_node = value
    if isinstance(value, MappingNode):
        entries = parser.mapping(value, (KEY,), (UNITS, DOCUMENTS), "汇总的单位")
        parser.positions[(KEY,)] = pos_of(key)
        if UNITS not in entries:
            parser.error("L3", pos_of(value), f"{KEY}：缺少“{UNITS}: [简称, ...]”")
            return None
        units_node = entries[UNITS][1]
        if DOCUMENTS in entries:
            doc_node = entries[DOCUMENTS][1]
            parser.positions[(KEY, DOCUMENTS)] = pos_of(doc_node)
            documents = str(doc_node.value).strip() if isinstance(doc_node, ScalarNode) else ""
    if not isinstance(units_node, SequenceNode) or not units_node.value:
        parser.error(
            "L3",
            pos_of(units_node),
            f"{KEY}：应为要相加的文件简称的列表，如 [fagaiju, jiaoyuju]（同一年度文件夹中的文件名，不含 .yaml）",
        )
        return None
    units: list[str] = []
    ok = True
    for item in units_node.value:
        slug = str(item.value).strip() if isinstance(item, ScalarNode) else ""
        if not SLUG.fullmatch(slug):
            shown = slug or "（不是简称）"
            parser.error(
                "L3",
                pos_of(item),
                f"{KEY}：“{shown}”不是文件简称；简称只能包含字母、数字、汉字、- 和 _，不含 .yaml",
            )
            ok = False
        elif slug in units:
            parser.error("L3", pos_of(item), f"{KEY}：{slug} 列了两次，每个单位只能相加一次")
            ok = False
        else:
            units.append(slug)
            parser.positions[(KEY, slug)] = pos_of(item)
    if documents != DOCUMENTS_SUMMED and documents not in units:
        where = parser.positions.get((KEY, DOCUMENTS), pos_of(value))
        parser.error(
            "L3",
            where,
            f"{KEY}.{DOCUMENTS}只能是 {DOCUMENTS_SUMMED}（各单位相加），或所列单位之一的简称"
            f"（只取该单位的，即本级），这里是“{documents}”",
        )
        ok = False
    return Rollup(tuple(units), documents) if ok else None
