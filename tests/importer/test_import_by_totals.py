"""Choosing between readings of a table by its printed totals (issue 10, item 4).

Text copied out of a PDF loses what tells cells apart: a blank cell leaves no gap, two numbers
run together, a stray number follows a row, a label comes out twice. Each fixture spoils one row
of the reference report's 表三 (or 表四) so that the literal reading is wrong; the printed totals
decide, and the import says which reading it took. Where the totals cannot decide, every cell
the readings disagree on is a finding and a comment at its value.
"""

from __future__ import annotations

from collections.abc import Callable

from importer_helpers import Imported, printed_cells, t3_header, t3_rows, text_report

from genreport.check import check_report
from genreport.model import Report

ARITHMETIC = {"R1", "R2", "R3", "R8"}


def spaced(reference: Report, edit: Callable[[list[str]], None] | None = None) -> str:
    """The reference report with 表三 as a PDF viewer copies it: cells separated by one space."""
    lines = [" ".join(c for c in row if c) for row in [*t3_header()[1:], *t3_rows(reference)]]
    if edit:
        edit(lines)
    text = text_report(reference)
    heading = "三、收到和处理政府信息公开申请情况\n"
    start = text.index(heading) + len(heading)
    end = text.index("四、政府信息公开行政复议")
    return text[:start] + "\n".join(lines) + "\n" + text[end:]


def replace_line(prefix: str, new: str) -> Callable[[list[str]], None]:
    def edit(lines: list[str]) -> None:
        [n] = [i for i, line in enumerate(lines) if line.startswith(prefix)]
        lines[n] = new

    return edit


def line_of(text: str, prefix: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(prefix))


def t4_spaced(reference: Report, numbers: str) -> str:
    """``spaced`` with 表四's header over three lines and its numbers as given."""
    text = spaced(reference)
    start = text.index("四、政府信息公开行政复议、行政诉讼情况\n")
    end = text.index("五、存在的主要问题及改进情况")
    t4 = [
        "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议 行政诉讼",
        "结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉",
        " ".join(["结果维持 结果纠正 其他结果 尚未审结 总计"] * 2),
        numbers,
    ]
    return text[:start] + "\n".join(t4) + "\n" + text[end:]


def assert_right(result: Imported, reference: Report) -> None:
    assert result.report is not None
    assert printed_cells(result.report) == printed_cells(reference)
    assert [f for f in check_report(result.report) if f.rule in ARITHMETIC] == []


RESULTS_ROW = "三、本年度办理结果 （一）予以公开"


def test_a_number_after_the_row_is_left_out_where_the_totals_say(importer, reference) -> None:
    text = spaced(reference, replace_line(RESULTS_ROW, f"{RESULTS_ROW} 10 2 0 1 0 2 15 3"))
    result = importer("r.txt", text)
    line = line_of(text, RESULTS_ROW)
    message = (
        "表三「（一）予以公开」一行印了 8 个数，可以有几种读法：读作最后 7 个数时 R2、R3 的合计不符，"
        "只有读作第 1–7 个数时印出的合计都相符，已按此导入表三「（一）予以公开」一行；请对照原表核对"
    )
    # The literal reading's I6 (“按最后 7 个导入”) is withdrawn: it is no longer what was done.
    assert result.messages == [f"r.txt:{line}:1: 警告 I10 {message}"]
    assert_right(result, reference)
    assert result.text is not None
    assert (
        f"予以公开: [10, 2, 0, 1, 0, 2, 15]  # 导入：{message}（原文第 {line} 行）" in result.text
    )


def test_two_numbers_run_together_are_split_where_the_totals_say(importer, reference) -> None:
    text = spaced(reference, replace_line(RESULTS_ROW, f"{RESULTS_ROW} 102 0 1 0 2 15"))
    result = importer("r.txt", text)
    assert result.messages == [
        f"r.txt:{line_of(text, RESULTS_ROW)}:1: 警告 I10 表三「（一）予以公开」一行印了 6 个数，"
        "可以有几种读法：读作六列、没有印总计时 R2 的合计不符，只有读作“102”是连在一起的两个数“10”“2”"
        "时印出的合计都相符，已按此导入表三「（一）予以公开」一行；请对照原表核对"
    ]
    assert_right(result, reference)


def test_a_blank_cell_that_left_no_gap_is_placed_by_the_column_sums(importer, reference) -> None:
    text = spaced(reference, replace_line("2.重复申请", "2.重复申请 1 0 0 0 0 1"))
    result = importer("r.txt", text)
    # In order, the last 1 would be 其他 and 总计 unprinted: 其他's column sum (R2) breaks.
    assert result.messages == [
        f"r.txt:{line_of(text, '2.重复申请')}:1: 警告 I10 表三「（五）不予处理2.重复申请」一行印了 6 个数，"
        "可以有几种读法：读作六列、没有印总计时 R2 的合计不符，只有读作第 2 列没有印（按 0）时印出的"
        "合计都相符，已按此导入表三「（五）不予处理2.重复申请」一行；请对照原表核对"
    ]
    assert_right(result, reference)


def test_t4_numbers_run_together_are_split_where_the_totals_say(importer, reference) -> None:
    text = t4_spaced(reference, "12 0 1 4 0 1 1 0 2 1 0 0 0 1")
    result = importer("r.txt", text)
    line = line_of(text, "12 0 1 4")
    assert result.messages == [
        f"r.txt:{line}:1: 警告 I10 表四印了 14 个数，可以有几种读法：读作依次是前 14 列时 R8 的合计不符，"
        f"只有读作“12”是连在一起的两个数“1”“2”时印出的合计都相符，已按此导入表四「{block}」；"
        "请对照原表核对"
        for block in ("行政复议", "行政诉讼·复议后起诉", "行政诉讼·未经复议直接起诉")
    ]
    assert_right(result, reference)


def test_where_the_totals_cannot_decide_every_differing_cell_is_flagged(
    importer, reference
) -> None:
    """A 0 lost from 复议后起诉 (1 0 0 0 1): which of its outcomes was the blank, the total
    cannot tell; the literal reading stays and each cell the readings disagree on is named."""
    text = t4_spaced(reference, "1 2 0 1 4 0 1 1 0 2 1 0 0 1")
    result = importer("r.txt", text)
    line = line_of(text, "1 2 0 1 4")
    flagged = (
        "表四印了 14 个数，有几种读法印出的合计都相符，无法判定哪种对，按原样（依次是前 14 列）导入。"
        "表四「行政诉讼·复议后起诉」：「结果维持」列导入为 1，读作第 11 列没有印（按 0）时是 0；"
        "「结果纠正」列导入为 0，读作第 11 列没有印（按 0）时是 1；「尚未审结」列导入为 1，"
        "读作第 11 列没有印（按 0）时是 0，读作第 12 列没有印（按 0）时是 0；「总计」列导入为 2，"
        "读作第 11 列没有印（按 0）时是 1，读作第 12 列没有印（按 0）时是 1。请对照原表核对"
    )
    assert result.messages == [
        f"r.txt:{line}:1: 警告 I10 {flagged}",
        f"r.txt:{line}:1: 错误 I6 表四有 14 个数，表头又无法对应（应为 15 个：三块各 结果维持、结果纠正、"
        "其他结果、尚未审结、总计）；按顺序导入，缺的按 0，请对照原表核对",
        f"r.txt:{line}:1: 警告 I6 表四没有印「行政诉讼·复议后起诉·总计」这一列；总计将按各项计算",
    ]
    assert result.text is not None
    [row] = [t for t in result.text.splitlines() if t.startswith("  复议后起诉: [1, 0, 0, 1]  # ")]
    assert f"导入：{flagged}（原文第 {line} 行）" in row


def test_a_label_printed_twice_the_totals_tell_which_row_holds_the_numbers(
    importer, reference
) -> None:
    """A wrapped label's last line read as a row of its own (as OCR leaves it, 部分公开's
    “……不计其他情形” taken for 3.其他) claims 3.其他 before the real row: R2 decides."""

    def edit(lines: list[str]) -> None:
        [n] = [i for i, line in enumerate(lines) if line.startswith("3.其他")]
        lines.insert(n - 3, "3.其他")

    text = spaced(reference, edit)
    result = importer("r.txt", text)
    first, second = line_of(text, "3.其他"), line_of(text, "3.其他 ")
    assert result.messages == [
        f"r.txt:{second}:1: 警告 I10 表三「（六）其他处理3.其他」一行在原文出现了两次（第 {first} 行与"
        f"第 {second} 行），可以有几种读法：读作「3.其他」是第 {first} 行的一行时 R2 的合计不符，只有读作"
        f"「3.其他」是第 {second} 行的一行时印出的合计都相符，已按此导入表三「（六）其他处理3.其他」一行；"
        "请对照原表核对"
    ]
    assert_right(result, reference)


def test_two_rows_with_one_label_and_a_row_missing_flag_both_rows(importer, reference) -> None:
    """信访 (all 0) printed with 重复申请's label: the totals hold whichever of the two lines
    is 重复申请 (1 0 0 0 0 0 1), so both rows are flagged and check shows the R2 fault."""
    text = spaced(
        reference,
        replace_line(
            "（五）不予处理 1.信访举报投诉类申请", "（五）不予处理 2.重复申请 0 0 0 0 0 0 0"
        ),
    )
    result = importer("r.txt", text)
    first = line_of(text, "（五）不予处理 2.重复申请")
    second = first + 1
    flagged = [m for m in result.messages if " I10 " in m]
    assert flagged == [
        f"r.txt:{second}:1: 警告 I10 表三「（五）不予处理2.重复申请」一行在原文出现了两次（第 {first} 行与"
        f"第 {second} 行），有几种读法印出的合计都相符，无法判定哪种对，按原样（「2.重复申请」是第 {first} "
        f"行的一行）导入。表三「（五）不予处理{row}」一行：「自然人」列导入为 0，读作{how}时是 1；"
        f"「总计」列导入为 0，读作{how}时是 1。请对照原表核对"
        for row, how in (
            (
                "1.信访举报投诉类申请",
                f"第 {second} 行的一行是「1.信访举报投诉类申请」、第 {first} 行的一行是「2.重复申请」",
            ),
            ("2.重复申请", f"「2.重复申请」是第 {second} 行的一行"),
        )
    ]
    assert result.report is not None
    assert {f.rule for f in check_report(result.report) if f.rule in ARITHMETIC} == {"R2"}


def test_a_label_like_two_rows_one_of_them_missing_flags_both(importer, reference) -> None:
    """保护第三方合法权益's numbers under a label that resembles 属于三类内部事务信息 more, that
    row's own line lost: the totals hold either way, so both rows are flagged."""

    def edit(lines: list[str]) -> None:
        [n] = [i for i, line in enumerate(lines) if line.startswith("4.保护第三方合法权益")]
        lines[n] = lines[n].replace("4.保护第三方合法权益", "保护第三方内部事务信息")
        [m] = [i for i, line in enumerate(lines) if line.startswith("5.属于三类内部事务信息")]
        del lines[m]

    text = spaced(reference, edit)
    result = importer("r.txt", text)
    line = line_of(text, "保护第三方内部事务信息")
    start = (
        f"r.txt:{line}:1: 警告 I10 表三第 {line} 行的标签「保护第三方内部事务信息」与标准格式的几行都只是近似，"
        "有几种读法印出的合计都相符，无法判定哪种对，按原样（这一行是「5.属于三类内部事务信息」）导入。"
    )
    how = "读作这一行是「4.保护第三方合法权益」时是"
    assert [m for m in result.messages if " I10 " in m] == [
        f"{start}表三「（三）不予公开4.保护第三方合法权益」一行：「自然人」列导入为 0，{how} 1；"
        f"「其他」列导入为 0，{how} 1；「总计」列导入为 0，{how} 2。请对照原表核对",
        f"{start}表三「（三）不予公开5.属于三类内部事务信息」一行：「自然人」列导入为 1，{how} 0；"
        f"「其他」列导入为 1，{how} 0；「总计」列导入为 2，{how} 0。请对照原表核对",
    ]


def test_a_table_printed_without_its_total_column_has_nothing_to_choose(
    importer, reference
) -> None:
    """Every row six numbers (no 总计 column): reading a zero row's last 0 as its total would
    add up too, but prints the same cells — no reading to choose, no I10."""

    def drop_totals(lines: list[str]) -> None:
        for n, line in enumerate(lines):
            words = line.split()
            if len(words) >= 8 and all(w.isdigit() for w in words[-7:]):
                lines[n] = " ".join(words[:-1])

    result = importer("r.txt", spaced(reference, drop_totals))
    assert not [m for m in result.messages if " I10 " in m]
    assert_right(result, reference)


def test_a_row_left_out_for_its_label_lands_where_the_totals_say(importer, reference) -> None:
    """A label like two rows of 其他处理 (逾期不补正 and 逾期不缴费) names neither for certain, so
    the row was left out (I9); only one of them is missing, and with the row there R2 adds up."""

    def edit(lines: list[str]) -> None:
        [n] = [i for i, line in enumerate(lines) if "1.申请人无正当理由逾期不补正" in line]
        lines[n] = "逾期不补正不缴费 " + " ".join(lines[n].split()[-7:])

    text = spaced(reference, edit)
    result = importer("r.txt", text)
    label = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    line = line_of(text, "逾期不补正不缴费")
    # The I9 (“已略去”) and the I3 for the row not found are withdrawn: neither is true now.
    assert result.messages == [
        f"r.txt:{line}:1: 警告 I10 表三第 {line} 行的一行（标签「逾期不补正不缴费」）不能确定是哪一行，"
        f"可以有几种读法：读作略去这一行时 R2 的合计不符，只有读作这一行是「{label}」时印出的合计都相符，"
        f"已按此导入表三「（六）其他处理{label}」一行；请对照原表核对"
    ]
    assert_right(result, reference)
