"""R17: section 六 states the 信息处理费, and an unpaid-fee count implies a fee was asked for.

What "states" means is ``fee_statement``'s, shared with the build and import. When the file gives
``信息处理费`` and the text does not state it, the build writes the standard sentence, so only a
file with neither the key nor a statement in the text is incomplete.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...fee_statement import FeeStatement, mentions, read_sentence
from ...findings import Finding
from ...layout import RESULTS
from ...model import Report
from ..base import WARNING, at
from ..cells import t3_cell
from ..context import PreviousYear
from .scan import OTHER, passages

UNPAID = (RESULTS, "其他处理", "逾期不缴费")


def _section_six(report: Report) -> tuple[list[str], list[FeeStatement]]:
    """Sentences of section 六 that name the 处理费, and the statements among them.

    A part's title belongs to its first sentence: "信息处理费收取情况" over "本年度未收取。" states it.
    """
    named: list[str] = []
    found: list[FeeStatement] = []
    for passage in passages(report):
        if passage.path[0] != OTHER:
            continue
        text = f"{passage.key}：{passage.flat}" if passage.key else passage.flat
        for start, sentence in mentions(text):
            named.append(sentence)
            statement = read_sentence(start, sentence)
            if statement is not None:
                found.append(statement)
    return named, found


def r17_processing_fee(report: Report, _: PreviousYear | None) -> Iterator[Finding]:
    named, found = _section_six(report)
    none_said = any(s.amount == "0" for s in found)
    if report.info_fee_yuan is None and not found:
        detail = "提到了信息处理费，但没有写明金额" if named else "没有写明信息处理费的收取情况"
        yield at(
            report,
            "R17",
            WARNING,
            (OTHER,),
            f"{OTHER}：{detail}（国办函〔2020〕109号；未收取的写“未收取”或 0 元）；"
            "也可以在文件中写“信息处理费: 0”，生成报告时会补上标准表述",
        )
    unpaid = report.t3.shown_row(UNPAID)[6]
    if unpaid == 0:
        return
    if report.info_fee_yuan is not None:
        if report.info_fee_yuan != 0:
            return
        why = "信息处理费写的是 0 元"
    elif none_said:
        why = f"{OTHER}说本年度未收取信息处理费"
    else:
        return
    yield at(
        report,
        "R17",
        WARNING,
        ("依申请公开", *UNPAID),
        f"依申请公开.办理结果.其他处理.逾期不缴费：表三（六）2「申请人逾期未按收费通知要求缴纳费用」"
        f"总计为 {unpaid}，但{why}；没有发出收费通知就不会有逾期未缴费，请核对",
        t3_cell(UNPAID, "总计"),
    )
