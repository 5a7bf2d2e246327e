"""Statements that something did not happen: "未收到依申请公开申请", "未发生行政复议、行政诉讼".

They are numbers too (zero), and the commonest contradiction after a copy from last year: the
text still says none while the table now has some. Only plain statements count: a qualified one
("未收到纸质申请", "未发生行政复议被纠错的情况") is about a subset and says nothing of the total.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...lazy_regex import LazyRegex
from .mentions import MAX_CANDIDATES, other_time
from .scan import Passage, sentence_bounds

_NEGATION = LazyRegex(  # the lookahead spares trying every alternative at every position
    "(?=[未没暂尚无零])(?:(?:未|没有|没|暂未|尚未|未曾)(?:收到|接到|受理|接收|收悉|有|发生|出现|产生)"
    "|(?:暂无|无)(?=依申请|政府信息公开申请|公开申请)|零申请)"
)
_CLAUSE_END = LazyRegex("[，,；;。！？!?\n]")
#: A qualified "none": of one kind, channel or outcome only.
_QUALIFIED = LazyRegex(
    "涉及|关于|有关|类|以外|之外|纸质|信函|邮寄|当面|现场|网络|网上|传真|电子邮件|逾期|超期|补正|"
    "重复|建议|提案|信访|投诉|举报|咨询|处理费|收费|许可|审批|登记|被纠|纠错|纠正|败诉|撤销|确认违法|"
    "维持|赔偿"
)
_GI_CONTEXT = LazyRegex("信息公开|依申请|公开申请")


@dataclass(frozen=True)
class NoneStatement:
    """ "未收到 … 申请" (what = "申请") or "未发生 … 行政复议" (what = "行政复议" / "行政诉讼")."""

    passage: Passage
    start: int
    end: int
    what: str

    @property
    def phrase(self) -> str:
        return self.passage.flat[self.start : self.end]


def none_statements(
    passage: Passage, year: int, stopped: list[int] | None = None
) -> Iterator[NoneStatement]:
    """Plain "none" statements, up to MAX_CANDIDATES negations read (``stopped`` as in mentions)."""
    flat = passage.flat
    for index, match in enumerate(_NEGATION.finditer(flat)):
        if index >= MAX_CANDIDATES:
            if stopped is not None:
                stopped.append(match.start())
            return
        sentence_start, sentence_end = sentence_bounds(flat, match.start())
        clause_end_match = _CLAUSE_END.search(flat, match.end(), sentence_end)
        clause_end = clause_end_match.start() if clause_end_match else sentence_end
        clause = flat[match.start() : clause_end]
        if _QUALIFIED.search(clause) or other_time(flat[sentence_start : match.start()], year):
            continue
        end = min(clause_end, match.start() + 30)
        if "复议" in clause or "诉讼" in clause or "起诉" in clause:
            sentence = flat[sentence_start:sentence_end]
            if not (passage.key == "依申请公开" or _GI_CONTEXT.search(sentence)):
                continue
            for what, pattern in (("行政复议", "复议"), ("行政诉讼", "诉讼|起诉")):
                if re.search(pattern, clause):
                    yield NoneStatement(passage, match.start(), end, what)
        elif re.search("申请(?!人)", clause[:30]) and (
            passage.key == "依申请公开" or _GI_CONTEXT.search(clause)
        ):
            yield NoneStatement(passage, match.start(), end, "申请")
