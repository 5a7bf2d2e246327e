"""`genreport new`: next year's input file, started from this year's.

Carried forward: the agency's details, 上年结转 = last year's 结转下年度 (R6), and 现行有效 as the
starting point for T2 (R11). Everything counted afresh starts at zero, and every narrative part is a
placeholder that `check` flags until it is written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from .check.dates import deadline
from .dump import dump_report
from .layout import (
    CARRIED_IN,
    CARRIED_OUT,
    OVERVIEW_GOVERNMENT_PART,
    OVERVIEW_PARTS,
    T2_COUNT_ROWS,
    T2_DOC_ROWS,
    T3_INPUT_ROWS,
    T4_BLOCKS,
)
from .model import T2, T3, T4, Counts, Narrative, Part, Pos, Report, Text, zero_counts

PLACEHOLDER = "【待填写】"
_NOWHERE = Pos(1, 1)


def _part(key: str | None, hint: str) -> Part:
    return Part(key, Text(f"{PLACEHOLDER}{hint}", _NOWHERE), _NOWHERE)


def next_year(previous: Report, file: str) -> Report:
    year = previous.year + 1
    overview_keys = list(OVERVIEW_PARTS)
    if previous.agency_type == "人民政府":
        overview_keys.append(OVERVIEW_GOVERNMENT_PART[0])
    overview = Narrative(
        tuple(
            _part(k, f"{year}年{OVERVIEW_PARTS.get(k, OVERVIEW_GOVERNMENT_PART[1])}情况")
            for k in overview_keys
        ),
        _NOWHERE,
    )
    documents = {row: Counts((0, 0, previous.t2.documents[row].values[2])) for row in T2_DOC_ROWS}
    rows = {row.key: zero_counts() for row in T3_INPUT_ROWS}
    rows[CARRIED_IN] = Counts(previous.t3.rows[CARRIED_OUT].values)
    draft = Report(
        file=file,
        agency=previous.agency,
        year=year,
        agency_type=previous.agency_type,
        published=dt.date(year + 1, 1, 1),
        can_make_rules=previous.can_make_rules,
        preface=None,
        overview=overview,
        t2=T2(documents, dict.fromkeys(T2_COUNT_ROWS, 0), Decimal(0)),
        t3=T3(rows),
        t4=T4({block: zero_counts(4) for block in T4_BLOCKS}),
        problems=Narrative(
            (
                _part("上一年度问题整改情况", f"{previous.year}年报告所列问题的整改情况"),
                _part("存在的主要问题", f"{year}年存在的主要问题"),
                _part("改进措施", "下一步改进措施"),
            ),
            _NOWHERE,
        ),
        info_fee_yuan=Decimal(0),
        other_matters=Narrative(
            (_part(None, "其他需要报告的事项；无则写“无其他需要报告的事项。”"),), _NOWHERE
        ),
    )
    return dataclasses.replace(draft, published=deadline(draft))


def scaffold_text(previous: Report, file: str) -> str:
    report = next_year(previous, file)
    comments: dict[tuple[str, ...], str] = {
        ("发布日期",): "发布期限；请改为实际发布日期",
        ("依申请公开", *CARRIED_IN): f"= {previous.year} 年的结转下年度",
        **{
            ("主动公开", row): f"现行有效从 {previous.year} 年带入，请加上本年制发、减去本年废止"
            for row in T2_DOC_ROWS
        },
    }
    return dump_report(report, comments)
