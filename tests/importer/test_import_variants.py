"""Each rendering variant of format.md §7, one at a time, on the reference report's tables.

Variants that only change how a label is printed (width, spaces, line breaks, Kangxi code points,
``1、``, merged cells) import without a word; variants that change what was printed (blanks, “/”,
altered or abbreviated labels, 2019 leftovers, missing numbers) import with a finding at the
source line and a comment at the value.
"""

from __future__ import annotations

import pytest
from importer_helpers import printed_cells, t2_rows, t3_header, t3_rows, t4_rows, text_report

from genreport.layout import T3_ROWS
from genreport.model import Report

RECEIVED = T3_ROWS[0].label  # 一、本年新收政府信息公开申请数量
CARRIED_IN = T3_ROWS[1].label


def _row(rows: list[list[str]], label: str) -> int:
    return next(i for i, r in enumerate(rows) if label in r)


def _lines(text: str, needle: str) -> int:
    """1-based number of the first line containing ``needle``."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def _column(text: str, line: int, cell: int) -> int:
    """1-based column of the ``cell``-th tab-separated cell on ``line``."""
    cells = text.splitlines()[line - 1].split("\t")
    return len("\t".join(cells[:cell])) + (2 if cell else 1)


def _import(importer, reference: Report, rows: list[list[str]], style: str = "tabs", **kw):
    text = text_report(reference, style, t3=rows, **kw)
    return text, importer("r.txt", text)


def test_half_width_brackets_and_colons(importer, reference: Report) -> None:
    rows = [
        [c.replace("（", "(").replace("）", ")").replace("：", ":") for c in r]
        for r in [*t3_header(), *t3_rows(reference)]
    ]
    _, result = _import(importer, reference, rows)
    assert result.messages == []
    assert printed_cells(result.report) == printed_cells(reference)


def test_spaces_inside_labels(importer, reference: Report) -> None:
    header = t3_header()
    header[2] = [c.replace("商业企业", "商业 企业") for c in header[2]]
    header[1] = [c.replace("总计", "总 计") for c in header[1]]
    rows = t3_rows(reference)
    rows[0][0] = "一、本年新收 政府信息 公开申请数量"
    rows[_row(rows, "1.属于国家秘密")][2] = "1. 属于 国家秘密"
    _, result = _import(importer, reference, [*header, *rows])
    assert result.messages == []
    assert printed_cells(result.report) == printed_cells(reference)


def test_label_broken_over_lines_in_tab_separated_text(importer, reference: Report) -> None:
    text = text_report(reference)
    numbers = "\t".join(map(str, reference.t3.shown_row(("上年结转",))))
    broken = f"二、上年结转政府信息公开申\n请数量\t\t\t{numbers}"
    text = text.replace(f"{CARRIED_IN}\t\t\t{numbers}", broken)
    assert broken in text
    result = importer("r.txt", text)
    assert result.messages == []
    assert printed_cells(result.report) == printed_cells(reference)


def test_label_broken_over_lines_in_one_cell_per_line_text(importer, reference: Report) -> None:
    text = text_report(reference, "cells")
    broken = "\t1.申请人无正当理由逾期不补正、\n行政机关不再处理其政府信息公开申请"
    text = text.replace(
        "\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", broken
    )
    assert broken in text
    result = importer("r.txt", text)
    assert result.messages == []
    assert printed_cells(result.report) == printed_cells(reference)


def test_t3_split_in_two_tables_with_a_repeated_header(importer, reference: Report) -> None:
    rows = t3_rows(reference)
    cut = _row(rows, "（四）无法提供")
    text = text_report(reference, t3=[*t3_header(), *rows[:cut]])
    second = "\n".join("\t".join(r) for r in [*t3_header(), *rows[cut:]])
    text = text.replace("四、政府信息公开行政复议", f"\n{second}\n\n四、政府信息公开行政复议")
    result = importer("r.txt", text)
    assert result.messages == []
    assert printed_cells(result.report) == printed_cells(reference)


def test_page_footers_inside_a_table(importer, reference: Report) -> None:
    """A footer in a cell of the grid is reported; one on a line of its own just drops out."""
    rows = t3_rows(reference)
    cut = _row(rows, "（四）无法提供")
    rows.insert(cut, ["", "- 3 -", ""])
    rows.insert(_row(rows, "（五）不予处理"), ["第 4 页"])
    text, result = _import(importer, reference, [*t3_header(), *rows])
    line = _lines(text, "- 3 -")
    assert result.messages == [f"r.txt:{line}:2: 提示 I9 表格中的页脚「- 3 -」已略去"]
    assert printed_cells(result.report) == printed_cells(reference)


@pytest.mark.parametrize("repeat", [False, True], ids=["printed-once", "repeated"])
def test_merged_labels_printed_once_or_repeated(importer, reference: Report, repeat: bool) -> None:
    rows = [*t3_header(), *t3_rows(reference, repeat_merged=repeat)]
    _, result = _import(importer, reference, rows)
    assert result.messages == []
    assert printed_cells(result.report) == printed_cells(reference)


def test_blank_cell_and_slash_become_zero_with_a_finding(importer, reference: Report) -> None:
    rows = t3_rows(reference)
    shown = _row(rows, "（一）予以公开")
    partly = _row(rows, T3_ROWS[3].label)
    rows[shown][3] = ""  # 自然人
    rows[partly][5] = "/"  # 科研机构
    text, result = _import(importer, reference, [*t3_header(), *rows])
    first, second = _lines(text, "（一）予以公开"), _lines(text, "（二）部分公开")
    assert result.messages == [
        f"r.txt:{first}:{_column(text, first, 3)}: 警告 I4 表三「（一）予以公开」的「自然人」列为空白，按 0 导入",
        f"r.txt:{second}:{_column(text, second, 5)}: 警告 I4 表三「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」"
        "的「科研机构」列印的是“/”，按 0 导入",
    ]
    cells = printed_cells(reference)
    cells["T3 办理结果.予以公开"] = (0, *cells["T3 办理结果.予以公开"][1:])
    row = cells["T3 办理结果.部分公开"]
    cells["T3 办理结果.部分公开"] = (*row[:2], 0, *row[3:])
    assert printed_cells(result.report) == cells
    assert result.text is not None
    comment = "  # 导入：表三「（一）予以公开」的「自然人」列为空白，按 0 导入（原文第"
    assert any(
        line.startswith("    予以公开: [0, 2, 0, 1, 0, 2, 15]" + comment)
        for line in result.text.splitlines()
    )


def test_kangxi_radicals_from_pdf_extraction(importer, reference: Report) -> None:
    header = t3_header()
    header[1] = [c.replace("自然人", "\u2f83然\u2f08") for c in header[1]]  # ⾃然⼈
    rows = t3_rows(reference)
    rows[0][0] = rows[0][0].replace("一、", "\u2f00、")  # ⼀、
    t2 = [[c.replace("行政许可", "\u2f8f政许可") for c in r] for r in t2_rows(reference)]
    six = ["本年度未收取信息处理费，人\u2ea0群众满意。"]  # ⺠ (CJK radical, not fixed by NFKC)
    text = text_report(reference, t3=[*header, *rows], t2=t2, six=six)
    result = importer("r.txt", text)
    assert result.messages == []
    assert printed_cells(result.report) == printed_cells(reference)
    assert result.report.other_matters.text.strip() == "本年度未收取信息处理费，人民群众满意。"


def test_numbering_with_enumeration_comma(importer, reference: Report) -> None:
    rows = [[c.replace("1.", "1、").replace("2.", "2、") for c in r] for r in t3_rows(reference)]
    _, result = _import(importer, reference, [*t3_header(), *rows])
    assert result.messages == []
    assert printed_cells(result.report) == printed_cells(reference)


def test_abbreviated_label_matches_loosely_with_a_finding(importer, reference: Report) -> None:
    rows = t3_rows(reference)
    i = _row(rows, T3_ROWS[20].label)  # 1.申请人无正当理由逾期不补正、…
    rows[i][2] = "1.逾期不补正"
    text, result = _import(importer, reference, [*t3_header(), *rows])
    line = _lines(text, "1.逾期不补正")
    assert result.messages == [
        f"r.txt:{line}:{_column(text, line, 2)}: 警告 I5 标签「1.逾期不补正」与标准格式的「（六）其他处理1.申请人无正当理由"
        "逾期不补正、行政机关不再处理其政府信息公开申请」不完全相同，按后者导入（这一行六列之和等于印出的总计）"
    ]
    assert printed_cells(result.report) == printed_cells(reference)


def test_loose_label_whose_row_does_not_add_up_is_flagged_as_a_likely_misreading(
    importer, reference: Report
) -> None:
    """R3 as evidence: numbers read under a loose label that do not add up to their 总计."""
    rows = t3_rows(reference)
    i = _row(rows, T3_ROWS[20].label)
    rows[i][2] = "1.逾期不补正"
    rows[i][3:] = ["1", "0", "0", "0", "0", "0", "3"]
    _, result = _import(importer, reference, [*t3_header(), *rows])
    [message] = [m for m in result.messages if " I5 " in m]
    assert message.endswith(
        "按后者导入；这一行六列之和 1 与印出的总计 3 不符，可能读错了行或列，请对照原表"
    )


def test_single_2019_other_row_goes_to_other_with_a_warning(importer, reference: Report) -> None:
    rows = t3_rows(reference)
    first = _row(rows, "（六）其他处理")
    sums = [sum(int(rows[first + k][c]) for k in range(3)) for c in range(3, 10)]
    rows[first : first + 3] = [["", "（六）其他处理", "", *map(str, sums)]]
    text, result = _import(importer, reference, [*t3_header(), *rows])
    line = _lines(text, "（六）其他处理")
    assert result.messages == [
        f"r.txt:{line}:2: 警告 I7 表三只有一行「（六）其他处理」（2019 年格式的遗留，R20）："
        "这一行的数按「3.其他」导入，「1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请」"
        "「2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请」按 0 导入"
    ]
    cells = printed_cells(result.report)
    assert cells["T3 办理结果.其他处理.其他"] == (1, 1, 0, 0, 0, 0, 2)
    assert cells["T3 办理结果.其他处理.逾期不补正"] == (0,) * 7
    assert cells["T3 办理结果.其他处理.逾期不缴费"] == (0,) * 7


def test_too_few_numbers_is_an_error_not_a_guess(importer, reference: Report) -> None:
    text = text_report(reference, "cells")
    numbers = "\n".join(f"\t{v}" for v in reference.t3.shown_row(("上年结转",)))
    assert numbers in text
    text = text.replace(f"\t{CARRIED_IN}\n{numbers}", f"\t{CARRIED_IN}\n\t2\n\t1\n\t0\n\t0")
    result = importer("r.txt", text)
    line = _lines(text, CARRIED_IN)
    assert result.messages == [
        f"r.txt:{line + 1}:2: 错误 I6 表三「二、上年结转政府信息公开申请数量」一行只有 4 个数，"
        "少于 6 列，无法确定各属哪一列；按顺序导入前 4 列，其余各列按 0 导入，请对照原表核对"
    ]
    assert result.outcome.failed


def test_six_numbers_without_positions_is_a_warning(importer, reference: Report) -> None:
    text = text_report(reference, "pipes")
    text = text.replace(
        f"{CARRIED_IN} |\n2 |\n1 |\n0 |\n0 |\n0 |\n0 |\n3 |",
        f"{CARRIED_IN} |\n2 |\n1 |\n0 |\n0 |\n0 |\n0 |",
    )
    result = importer("r.txt", text)
    line = _lines(text, CARRIED_IN)
    assert result.messages == [
        f"r.txt:{line + 1}:1: 警告 I6 表三「二、上年结转政府信息公开申请数量」一行只有 6 个数"
        "（应为 6 列 + 总计）；按「自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他」"
        "的顺序导入，总计视为未印"
    ]
    cells = printed_cells(result.report)
    assert cells["T3 上年结转"] == (2, 1, 0, 0, 0, 0, 3)


def test_t4_header_truncated_still_reads_by_the_standard_order(importer, reference: Report) -> None:
    t4 = t4_rows(reference)
    t4[1] = [c[:2] if c in ("结果纠正", "其他结果", "尚未审结") else c for c in t4[1]]
    t4[2] = [c[:2] if c not in ("总计",) else c for c in t4[2]]
    text = text_report(reference, t4=t4)
    result = importer("r.txt", text)
    line = _lines(text, "结果维持\t结果\t")
    assert result.messages == [
        f"r.txt:{line}:6: 提示 I5 表四表头有被截断的标签（「结果」、「其他」、「尚未」），按标准格式的列顺序导入"
    ]
    assert printed_cells(result.report) == printed_cells(reference)


def test_2019_leftovers_in_t2(importer, reference: Report) -> None:
    t2 = t2_rows(reference)
    licence = _row(t2, "行政许可")
    t2[licence] = ["行政许可", "40", "+17", "57"]  # 2019: 上一年项目数量, 本年增/减, 处理决定数量
    t2.insert(licence - 1, ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"])
    del t2[licence]  # the 2021 header row of that block
    t2 += [
        ["第二十条第（九）项", "", "", ""],
        ["信息内容", "采购项目数量", "采购总金额", ""],
        ["政府集中采购", "3", "120", ""],
    ]
    text = text_report(reference, t2=t2)
    result = importer("r.txt", text)
    legacy = "（R20）；2021 年格式没有这一项，未导入"
    header, purchase = _lines(text, "上一年项目数量"), _lines(text, "采购项目数量")
    assert result.messages == [
        f"r.txt:{header}:6: 警告 I7 表二印有 2019 年格式的「上一年项目数量」{legacy}",
        f"r.txt:{header}:14: 警告 I7 表二印有 2019 年格式的「本年增/减」{legacy}",
        f"r.txt:{header + 1}:1: 警告 I7 表二「行政许可」按 2019 年格式印了 3 个数"
        "（上一年项目数量、本年增/减、处理决定数量，R20）：按第 3 个「57」作为本年处理决定数量导入",
        f"r.txt:{purchase - 1}:1: 警告 I7 表二印有 2019 年格式的「第二十条第（九）项」{legacy}",
        f"r.txt:{purchase}:6: 警告 I7 表二印有 2019 年格式的「采购项目数量」{legacy}",
        f"r.txt:{purchase}:13: 警告 I7 表二印有 2019 年格式的「采购总金额」{legacy}",
        f"r.txt:{purchase + 1}:1: 警告 I7 表二印有 2019 年格式的「政府集中采购」{legacy}",
    ]
    assert printed_cells(result.report) == printed_cells(reference)
