"""R17: section 六 states the 信息处理费, and an unpaid-fee count implies a fee was asked for.

When the file gives ``信息处理费`` the build writes the standard sentence itself, so only a file
with neither the key nor a statement in the text is incomplete.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...findings import Finding
from ...layout import RESULTS
from ...model import Report
from ..base import WARNING, at
from ..cells import t3_cell
from ..context import PreviousYear
from .scan import MASK, OTHER, passages, sentence_bounds

_FEE = re.compile("处理费")
_NONE_CHARGED = re.compile(
    r"(?:未|不|没有|没|无|免|免予|暂未|均未|并未)\s*(?:收取|收|征收|产生|发生)|零元|为零|"
    r"(?<![0-9.])0\s*元|为\s*0(?![0-9.])"
)
_AMOUNT = re.compile(rf"[0-9０-９]+(?:\.[0-9]+)?\s*(?:元|万元)|{MASK}")
UNPAID = (RESULTS, "其他处理", "逾期不缴费")


def _fee_sentences(report: Report) -> list[str]:
    """Every sentence of section 六 that speaks of the 处理费, each once (however often it does)."""
    found = []
    for passage in passages(report):
        if passage.path[0] != OTHER:
            continue
        merged: list[list[int]] = []
        for match in _FEE.finditer(passage.flat):
            start, end = sentence_bounds(passage.flat, match.start())
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        found += [passage.flat[start:end] for start, end in merged]
    return found


def r17_processing_fee(report: Report, _: PreviousYear | None) -> Iterator[Finding]:
    sentences = _fee_sentences(report)
    none_said = any(_NONE_CHARGED.search(s) for s in sentences)
    stated = none_said or any(_AMOUNT.search(s) for s in sentences)
    if report.info_fee_yuan is None and not stated:
        detail = "提到了信息处理费，但没有写明金额" if sentences else "没有写明信息处理费的收取情况"
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
