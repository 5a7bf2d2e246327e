"""Helpers of the import tests: the reference report, renderings of it, and how to compare.

The reference is ``fixtures/inputs/2023/shiliju.yaml`` (a fictional agency; every cell differs so
a misread column shows). ``text_report`` prints it the way published reports are found
(tab-separated, one cell per line, ``|`` after every cell, Markdown), with labels from
``genreport.layout``; tests then spoil one thing at a time (format.md §7).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from genreport.importer import Outcome, import_file
from genreport.layout import (
    APPLICANT_COLUMNS,
    RESULTS_LABEL,
    T2_BLOCKS,
    T2_DOC_COLUMN_LABELS,
    T3_NOTE,
    T3_ROWS,
    T4_BLOCKS,
    T4_COLUMNS,
    T4_OUTCOMES,
)
from genreport.load import load_text
from genreport.model import Report

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
REFERENCE = FIXTURES / "inputs" / "2023" / "shiliju.yaml"

Cells = dict[str, tuple[object, ...]]


def printed_cells(report: Report) -> Cells:
    """Every cell of T2, T3 and T4 as the rendered report prints it (stated totals as stated)."""
    cells: Cells = {}
    for name, counts in report.t2.documents.items():
        cells[f"T2 {name}"] = counts.values
    for name, value in report.t2.decisions.items():
        cells[f"T2 {name}"] = (value,)
    cells["T2 行政事业性收费"] = (str(report.t2.fee),)
    for row in T3_ROWS:
        cells[f"T3 {'.'.join(row.key)}"] = report.t3.shown_row(row.key)
    for block in T4_BLOCKS:
        counts = report.t4.blocks[block]
        cells[f"T4 {'.'.join(block)}"] = (*counts.values, counts.shown_total)
    return cells


@dataclass
class Imported:
    outcome: Outcome
    text: str | None  # the written YAML
    report: Report | None  # the written YAML, loaded
    messages: list[str] = field(default_factory=list)  # every finding, as printed

    def by_rule(self, rule: str) -> list[str]:
        return [f.format() for f in self.outcome.findings if f.rule == rule]


def run_import(path: Path, out: Path, **options: object) -> Imported:
    outcome = import_file(path, out, **options)  # type: ignore[arg-type]
    text = report = None
    if outcome.written:
        assert outcome.target is not None
        written = Path(outcome.target)
        text = written.read_text(encoding="utf-8")
        year = int(written.parent.name)
        loaded = load_text(text.encode(), outcome.target, year)
        assert loaded.findings == [], [f.format() for f in loaded.findings]
        report = loaded.report
    return Imported(outcome, text, report, [f.format() for f in outcome.findings])


# --- the reference report as published text ----------------------------------------------------

Row = list[str]


def t2_rows(report: Report) -> list[Row]:
    t2 = report.t2
    rows: list[Row] = []
    for block in T2_BLOCKS:
        rows.append([block.caption, "", "", ""])
        if block.rows == ("规章", "行政规范性文件"):
            rows.append(["信息内容", *T2_DOC_COLUMN_LABELS])
            for name in block.rows:
                rows.append([name, *map(str, t2.documents[name].values)])
        else:
            rows.append(["信息内容", block.column_label, "", ""])
            for name in block.rows:
                value = str(t2.fee) if name == "行政事业性收费" else str(t2.decisions[name])
                rows.append([name, value, "", ""])
    return rows


def t3_header() -> list[Row]:
    return [
        [T3_NOTE, "", "", "申请人情况", "", "", "", "", "", ""],
        ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
        ["", "", "", "", *APPLICANT_COLUMNS[1:], ""],
    ]


def t3_rows(report: Report, *, repeat_merged: bool = False) -> list[Row]:
    """Three label columns then seven numbers; merged labels printed once unless repeated."""
    rows: list[Row] = []
    seen: set[str] = set()
    for row in T3_ROWS:
        numbers = [str(v) for v in report.t3.shown_row(row.key)]
        if row.key[0] != "办理结果":
            rows.append([row.label, "", "", *numbers])
            continue
        results = RESULTS_LABEL if (repeat_merged or "results" not in seen) else ""
        seen.add("results")
        if row.group_label is None:
            rows.append([results, row.label, "", *numbers])
            continue
        group = row.group_label if (repeat_merged or row.group_label not in seen) else ""
        seen.add(row.group_label)
        rows.append([results, group, row.label, *numbers])
    return rows


def t4_rows(report: Report) -> list[Row]:
    values = []
    for block in T4_BLOCKS:
        counts = report.t4.blocks[block]
        values += [*map(str, counts.values), str(counts.shown_total)]
    return [
        ["行政复议", "", "", "", "", "行政诉讼", *[""] * 9],
        [*T4_COLUMNS, "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
        ["", "", "", "", "", *T4_COLUMNS, *T4_COLUMNS],
        values,
    ]


NARRATIVE = {
    "intro": "本局按照条例要求做好政府信息公开工作。",
    "一": [
        "（一）主动公开",
        "全年主动公开政府信息 88 条。",
        "（二）依申请公开",
        "本年新收申请 31 件。",
        "（三）政府信息管理",
        "落实发布前保密审查。",
        "（四）政府信息公开平台建设",
        "门户网站设公开专栏。",
        "（五）监督保障",
        "开展一次业务培训。",
    ],
    "五": ["上一年度问题已整改。本年度解读形式单一，将增加图解。"],
    "六": ["本年度未收取信息处理费。"],
}


def text_report(
    report: Report,
    style: str = "tabs",
    *,
    t3: list[Row] | None = None,
    t2: list[Row] | None = None,
    t4: list[Row] | None = None,
    title: str | None = "示例市数据管理局2023年政府信息公开工作年度报告",
    signature: tuple[str, ...] = ("示例市数据管理局", "2024年1月18日"),
    six: list[str] | None = None,
) -> str:
    """The reference report as a text copy, its tables in ``style``: tabs, cells, pipes, md."""
    lines: list[str] = []
    if title:
        lines += [title, ""]
    lines += [
        "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。",
        "",
        "一、总体情况",
        NARRATIVE["intro"],
        *NARRATIVE["一"],
        "二、主动公开政府信息情况",
        *table(t2 if t2 is not None else t2_rows(report), style),
        "三、收到和处理政府信息公开申请情况",
        *table(t3 if t3 is not None else [*t3_header(), *t3_rows(report)], style),
        "四、政府信息公开行政复议、行政诉讼情况",
        *table(t4 if t4 is not None else t4_rows(report), style),
        "五、存在的主要问题及改进情况",
        *NARRATIVE["五"],
        "六、其他需要报告的事项",
        *(six if six is not None else NARRATIVE["六"]),
        *signature,
    ]
    return "\n".join(lines) + "\n"


def table(rows: list[Row], style: str) -> list[str]:
    if style == "tabs":
        return ["", *("\t".join(r) for r in rows), ""]
    if style == "cells":  # one cell per line (a .docx copied as text); spans collapsed
        out = [""]
        for r in rows:
            out += [f"\t{c}" for c in r if c] + [""]
        return out
    if style == "pipes":  # `|` after every cell, one cell per line (an HTML page copied)
        out = []
        for r in rows:
            out.append("|")
            out += [f"{c} |" for c in r if c]
        return out
    if style == "md":
        width = max(len(r) for r in rows)
        out = [""]
        for i, r in enumerate(rows):
            cells = [*r, *[""] * (width - len(r))]
            out.append("| " + " | ".join(cells) + " |")
            if i == 0:
                out.append("|" + "---|" * width)
        return [*out, ""]
    raise ValueError(style)


__all__ = ["T4_OUTCOMES", "printed_cells", "text_report"]
