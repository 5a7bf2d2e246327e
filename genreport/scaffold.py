"""`genreport new`: next year's input file, started from this year's.

Carried forward: the agency's details, 上年结转 = last year's 结转下年度 (R6), and 现行有效 as the
starting point for T2 (R11). Everything counted afresh starts at zero, and every narrative part is a
placeholder that `check` flags until it is written. A roll-up (汇总) keeps its list and leaves out
again the tables it computed, so next year's sums come from next year's units.
"""

from __future__ import annotations

import dataclasses

from .check.dates import deadline
from .dump import dump_report
from .layout import (
    CARRIED_IN,
    CARRIED_OUT,
    OVERVIEW_GOVERNMENT_PART,
    OVERVIEW_PARTS,
    T2_DOC_ROWS,
)
from .model import T3, Counts, Narrative, Part, Pos, Report, Text, blank_report
from .rollup import untyped_tables

PLACEHOLDER = "【待填写】"
_NOWHERE = Pos(1, 1)


def _part(key: str | None, hint: str) -> Part:
    return Part(key, Text(f"{PLACEHOLDER}{hint}", _NOWHERE), _NOWHERE)


def with_placeholders(report: Report, previous_year: int | None = None) -> Report:
    """Every narrative part the format asks for, as a placeholder `check` flags until written."""
    year = report.year
    overview_keys = list(OVERVIEW_PARTS)
    if report.agency_type == "人民政府":
        overview_keys.append(OVERVIEW_GOVERNMENT_PART[0])
    overview = Narrative(
        tuple(
            _part(k, f"{year}年{OVERVIEW_PARTS.get(k, OVERVIEW_GOVERNMENT_PART[1])}情况")
            for k in overview_keys
        ),
        _NOWHERE,
    )
    last = previous_year or year - 1
    problems = Narrative(
        (
            _part("上一年度问题整改情况", f"{last}年报告所列问题的整改情况"),
            _part("存在的主要问题", f"{year}年存在的主要问题"),
            _part("改进措施", "下一步改进措施"),
        ),
        _NOWHERE,
    )
    other = Narrative(
        (_part(None, "其他需要报告的事项；无则写“无其他需要报告的事项。”"),), _NOWHERE
    )
    return dataclasses.replace(report, overview=overview, problems=problems, other_matters=other)


def next_year(previous: Report, file: str) -> Report:
    year = previous.year + 1
    blank = blank_report(previous.agency, year, file)
    documents = {row: Counts((0, 0, previous.t2.documents[row].values[2])) for row in T2_DOC_ROWS}
    rows = {**blank.t3.rows, CARRIED_IN: Counts(previous.t3.rows[CARRIED_OUT].values)}
    draft = dataclasses.replace(
        blank,
        agency_type=previous.agency_type,
        can_make_rules=previous.can_make_rules,
        t2=dataclasses.replace(blank.t2, documents=documents),
        t3=T3(rows),
    )
    draft = with_placeholders(draft, previous.year)
    if previous.rollup is not None:
        draft = dataclasses.replace(
            draft, rollup=previous.rollup, computed=untyped_tables(previous)
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
