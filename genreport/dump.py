"""Report → YAML text in the shape of input.md, for files genreport writes for people to edit.

`genreport new` and `genreport import` both write through here, so every generated file looks like
the documented example: every row and every section present (empty ones too), one row per line,
Chinese comments naming the columns, and an optional comment at any value (``comments`` keyed by
the value's path).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

from .filters import money
from .layout import (
    APPLICANT_COLUMNS,
    CARRIED_IN,
    CARRIED_OUT,
    RECEIVED,
    RESULTS,
    T2_COUNT_ROWS,
    T2_DOC_COLUMNS,
    T2_DOC_ROWS,
    T2_FEE_ROW,
    T3_GROUPS,
    T4_OUTCOMES,
)
from .model import DOCUMENTS_SUMMED, Counts, Narrative, Report, Rollup
from .schema import SCHEMA_FILE

MODELINE = f"# yaml-language-server: $schema=../{SCHEMA_FILE}"
_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`0-9][^\n#:]*")

Comments = Mapping[tuple[str, ...], str]


def scalar(text: str) -> str:
    """A one-line string as plain YAML when that is unambiguous, else double-quoted."""
    if _PLAIN.fullmatch(text) and text == text.strip() and text.lower() not in _RESERVED:
        return text
    return json.dumps(text, ensure_ascii=False)


_RESERVED = {"yes", "no", "on", "off", "true", "false", "y", "n", "null", "~"}


def block(text: str, indent: int) -> str:
    """A literal block scalar (``|``) so paragraphs and blank lines survive as typed."""
    body = text.strip("\n")
    if not body:
        return '""'
    pad = " " * indent
    header = "|" if not body[0].isspace() else f"|{indent}"
    lines = [(pad + line) if line.strip() else "" for line in body.split("\n")]
    return header + "\n" + "\n".join(lines)


class _Writer:
    def __init__(self, comments: Comments) -> None:
        self.lines: list[str] = []
        self.comments = comments

    def put(self, indent: int, key: str, value: str, path: tuple[str, ...], note: str = "") -> None:
        comment = self.comments.get(path) or note
        suffix = f"  # {comment}" if comment and "\n" not in value else ""
        self.lines.append(f"{' ' * indent}{key}: {value}{suffix}")

    def head(self, indent: int, key: str, path: tuple[str, ...], note: str = "") -> None:
        comment = self.comments.get(path) or note
        self.lines.append(f"{' ' * indent}{key}:" + (f"  # {comment}" if comment else ""))

    def row(
        self, indent: int, key: str, counts: Counts, path: tuple[str, ...], note: str = ""
    ) -> None:
        values = list(counts.values)
        if counts.stated_total is not None:
            values.append(counts.stated_total)
        self.put(indent, key, "[" + ", ".join(map(str, values)) + "]", path, note)

    def narrative(self, indent: int, key: str, narrative: Narrative, path: tuple[str, ...]) -> None:
        if not narrative.parts:
            # written empty: every section is a required key, and `check` flags it as empty
            self.head(indent, key, path)
            return
        if len(narrative.parts) == 1 and narrative.parts[0].key is None:
            self.put(indent, key, block(narrative.parts[0].text.value, indent + 2), path)
            return
        self.head(indent, key, path)
        for part in narrative.parts:
            title = part.key or "正文"
            self.put(indent + 2, scalar(title), block(part.text.value, indent + 4), (*path, title))


def dump_report(report: Report, comments: Comments | None = None) -> str:
    w = _Writer(comments or {})
    w.lines.append(MODELINE)
    w.put(0, "机关", scalar(report.agency), ("机关",))
    w.put(0, "年度", str(report.year), ("年度",))
    w.put(0, "机关类型", report.agency_type, ("机关类型",), "部门 | 人民政府")
    w.put(0, "发布日期", report.published.isoformat(), ("发布日期",))
    if report.can_make_rules:
        w.put(0, "规章制定权", "有", ("规章制定权",))
    if report.preface is not None:
        w.put(0, "前言", block(report.preface.value, 2), ("前言",))
    if report.rollup is not None:
        _rollup(w, report.rollup)
    w.lines.append("")
    w.narrative(0, "总体情况", report.overview, ("总体情况",))
    w.lines.append("")
    _tables(w, report)
    w.narrative(0, "存在的主要问题及改进情况", report.problems, ("存在的主要问题及改进情况",))
    if report.info_fee_yuan is not None:
        w.put(0, "信息处理费", money(report.info_fee_yuan), ("信息处理费",), "元")
    w.narrative(0, "其他需要报告的事项", report.other_matters, ("其他需要报告的事项",))
    return "\n".join(w.lines).rstrip("\n") + "\n"


def _rollup(w: _Writer, rollup: Rollup) -> None:
    units = "[" + ", ".join(rollup.units) + "]"
    if rollup.documents == DOCUMENTS_SUMMED:
        w.put(0, "汇总", units, ("汇总",), "未写的表格 = 这些单位之和")
        return
    w.head(0, "汇总", ("汇总",), "未写的表格 = 这些单位之和")
    w.put(2, "单位", units, ("汇总", "单位"))
    w.put(2, "规章和规范性文件", rollup.documents, ("汇总", "规章和规范性文件"), "只取本级")


def _tables(w: _Writer, report: Report) -> None:
    """The tables the file types: with 汇总, the ones it leaves out are computed, not written."""
    if "主动公开" not in report.computed:
        _t2(w, report)
    if "依申请公开" not in report.computed:
        _t3(w, report)
    _t4(w, report)


def _t2(w: _Writer, report: Report) -> None:
    w.head(0, "主动公开", ("主动公开",), "二、主动公开政府信息情况")
    for row in T2_DOC_ROWS:
        w.row(
            2,
            row,
            report.t2.documents[row],
            ("主动公开", row),
            "[" + ", ".join(T2_DOC_COLUMNS) + "]",
        )
    for row in T2_COUNT_ROWS:
        w.put(2, row, str(report.t2.decisions[row]), ("主动公开", row), "本年处理决定数量")
    w.put(2, T2_FEE_ROW, money(report.t2.fee), ("主动公开", T2_FEE_ROW), "本年收费金额，万元")
    w.lines.append("")


def _t3(w: _Writer, report: Report) -> None:
    t3 = report.t3
    w.head(0, "依申请公开", ("依申请公开",), "三、收到和处理政府信息公开申请情况")
    w.lines.append(f"  # 列: [{', '.join(APPLICANT_COLUMNS)}]（可加第 7 个数作为总计）")
    for key in (RECEIVED, CARRIED_IN):
        w.row(2, key[0], t3.rows[key], ("依申请公开", *key))
    w.head(2, RESULTS, ("依申请公开", RESULTS))
    for name in ("予以公开", "部分公开"):
        w.row(4, name, t3.rows[(RESULTS, name)], ("依申请公开", RESULTS, name))
    for group, (_, subs) in T3_GROUPS.items():
        w.head(4, group, ("依申请公开", RESULTS, group))
        for name, _ in subs:
            w.row(6, name, t3.rows[(RESULTS, group, name)], ("依申请公开", RESULTS, group, name))
    if t3.stated_results_total is not None:
        w.row(4, "总计", t3.stated_results_total, ("依申请公开", RESULTS, "总计"))
    w.row(2, CARRIED_OUT[0], t3.rows[CARRIED_OUT], ("依申请公开", *CARRIED_OUT))
    w.lines.append("")


def _t4(w: _Writer, report: Report) -> None:
    outcomes = "[" + ", ".join(T4_OUTCOMES) + "]"
    if "行政复议" not in report.computed:
        w.row(0, "行政复议", report.t4.blocks[("行政复议",)], ("行政复议",), f"四、{outcomes}")
    if "行政诉讼" not in report.computed:
        w.head(0, "行政诉讼", ("行政诉讼",))
        for name in ("未经复议直接起诉", "复议后起诉"):
            w.row(2, name, report.t4.blocks[("行政诉讼", name)], ("行政诉讼", name))
    if not {"行政复议", "行政诉讼"} <= report.computed:
        w.lines.append("")
