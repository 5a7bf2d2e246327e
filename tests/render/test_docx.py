"""The Word output as python-docx and Word read it: headings, every cell, merges, page layout."""

from __future__ import annotations

import io

import docx
import pytest
from docx.shared import Mm

from genreport.layout import SECTION_HEADINGS, T3_ROWS
from genreport.model import Report

from .helpers import W, part, word_grid, word_rows, word_tables

NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
ORGANISATIONS = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]


def test_python_docx_finds_the_six_headings(outputs: dict[str, bytes]) -> None:
    document = docx.Document(io.BytesIO(outputs["docx"]))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    assert headings == list(SECTION_HEADINGS)
    title = [p.text for p in document.paragraphs if p.style.name == "Title"]
    assert title == ["示例市测试管理局", "2023年政府信息公开工作年度报告"]  # broken after the name
    assert document.paragraphs[2].text == ""  # 标题下空一行
    assert [p.text for p in document.paragraphs[-2:]] == ["示例市测试管理局", "2024年1月20日"]


def test_t3_header_is_merged_exactly_as_format_section_3(outputs: dict[str, bytes]) -> None:
    rows = word_rows(word_tables(outputs["docx"])[1])
    header = [[(c.text, c.span, c.vmerge) for c in row] for row in rows[:3]]
    assert header == [
        [(NOTE, 3, "restart"), ("申请人情况", 7, None)],
        [("", 3, "continue"), ("自然人", 1, "restart"), ("法人或其他组织", 5, None),
         ("总计", 1, "restart")],
        [("", 3, "continue"), ("", 1, "continue"), *((n, 1, None) for n in ORGANISATIONS),
         ("", 1, "continue")],
    ]  # fmt: skip


def test_t3_label_merges(outputs: dict[str, bytes]) -> None:
    rows = word_rows(word_tables(outputs["docx"])[1])[3:]
    assert len(rows) == 25
    # rows 1, 2 and 25 span all three label columns
    for n in (1, 2, 25):
        assert rows[n - 1][0].span == 3 and rows[n - 1][0].vmerge is None
    # "三、本年度办理结果" is one cell over rows 3–24
    assert (rows[2][0].text, rows[2][0].vmerge) == ("三、本年度办理结果", "restart")
    assert all(rows[n - 1][0].vmerge == "continue" for n in range(4, 25))
    # rows 3, 4 and 24 span label columns 2–3
    for n, label in ((3, "（一）予以公开"), (4, "（二）部分公开"), (24, "（七）总计")):
        assert rows[n - 1][1].span == 2 and rows[n - 1][1].text.startswith(label)
    # （三）–（六） span their sub-rows; sub-labels sit in the third label column
    for first, size, label in ((5, 8, "（三）不予公开"), (13, 3, "（四）无法提供"),
                               (16, 5, "（五）不予处理"), (21, 3, "（六）其他处理")):  # fmt: skip
        assert (rows[first - 1][1].text, rows[first - 1][1].vmerge) == (label, "restart")
        for n in range(first + 1, first + size):
            assert rows[n - 1][1].vmerge == "continue"
            assert rows[n - 1][2].text.startswith(f"{n - first + 1}.")
        assert rows[first - 1][2].text.startswith("1.")
    assert all(sum(c.span for c in row) == 10 for row in rows)


def test_every_number_in_its_cell(outputs: dict[str, bytes], report: Report) -> None:
    t2, t3, t4 = (word_grid(t) for t in word_tables(outputs["docx"]))
    # T3: find each printed row by its label, then its seven numbers
    by_label = {row.label: row for row in T3_ROWS}
    seen = 0
    for slots in t3[3:]:
        row = by_label[slots[2]]
        assert slots[3:] == [str(v) for v in report.t3.shown_row(row.key)], row.label
        seen += 1
    assert seen == 25
    assert t3[3][3:] == ["8", "2", "1", "0", "1", "0", "12"]  # 一、本年新收 as typed
    assert t3[26][3:] == ["8", "2", "1", "0", "1", "0", "12"]  # （七）总计, computed
    assert t3[27][3:] == ["1", "0", "0", "0", "0", "0", "1"]  # 四、结转下年度
    # T2: the values typed in the fixture, the fee with its four decimals
    assert t2[2] == ["规章", "0", "0", "0"]
    assert t2[3] == ["行政规范性文件", "3", "1", "7"]
    assert t2[6] == ["行政许可", "12", "12", "12"]  # one cell spanning three columns
    assert t2[9][:2] == ["行政处罚", "4"] and t2[10][:2] == ["行政强制", "1"]
    assert t2[13][:2] == ["行政事业性收费", "1.2050"]
    # T4: outcomes and the computed totals of the three blocks
    assert t4[3] == ["1", "0", "0", "1", "2", "0", "1", "0", "0", "1", "0", "0", "0", "1", "1"]


def test_widths_on_table_grid_and_cells_agree(outputs: dict[str, bytes]) -> None:
    section = docx.Document(io.BytesIO(outputs["docx"])).sections[0]
    assert section.page_width and section.left_margin and section.right_margin
    text_width = (section.page_width - section.left_margin - section.right_margin) // 635
    assert text_width == pytest.approx(156 * 1440 / 25.4, abs=1)  # 版心 156 mm
    for table in word_tables(outputs["docx"]):
        width = table.find(f"{W}tblPr/{W}tblW")
        assert width is not None
        assert (width.get(f"{W}type"), int(width.get(f"{W}w") or 0)) == ("dxa", text_width)
        grid = [int(c.get(f"{W}w") or 0) for c in table.iter(f"{W}gridCol")]
        assert sum(grid) == text_width
        for row in word_rows(table):
            assert sum(c.width for c in row) == text_width
        layout = table.find(f"{W}tblPr/{W}tblLayout")
        assert layout is not None and layout.get(f"{W}type") == "fixed"


def test_header_rows_repeat_across_pages(outputs: dict[str, bytes]) -> None:
    _, t3, t4 = word_tables(outputs["docx"])
    for table in (t3, t4):
        repeated = [tr.find(f"{W}trPr/{W}tblHeader") is not None for tr in table.iter(f"{W}tr")]
        assert repeated[:3] == [True, True, True] and not any(repeated[3:])


def _style(docx_bytes: bytes, style_id: str) -> dict[str, str]:
    styles = part(docx_bytes, "word/styles.xml")
    for style in styles.iter(f"{W}style"):
        if style.get(f"{W}styleId") == style_id:
            props = {}
            for element in style.iter():
                for name, value in element.attrib.items():
                    props[f"{element.tag.split('}')[1]}.{name.split('}')[1]}"] = value
            return props
    raise AssertionError(style_id)


@pytest.mark.parametrize(
    ("style", "east_asia", "size"),
    [
        ("Normal", "仿宋_GB2312", "32"),  # 3号
        ("Title", "方正小标宋简体", "44"),  # 2号
        ("Heading1", "黑体", "32"),
        ("Heading2", "楷体_GB2312", "32"),
        ("Footer", "宋体", "28"),  # 4号
    ],
)
def test_gbt_9704_fonts_are_set_for_east_asian_text(
    outputs: dict[str, bytes], style: str, east_asia: str, size: str
) -> None:
    props = _style(outputs["docx"], style)
    assert props["rFonts.eastAsia"] == east_asia
    assert props["sz.val"] == size


def test_body_indent_and_fixed_line_spacing(outputs: dict[str, bytes]) -> None:
    props = _style(outputs["docx"], "Normal")
    assert (props["spacing.line"], props["spacing.lineRule"]) == ("579", "exact")  # 28.95 pt
    assert props["ind.firstLineChars"] == "200"
    defaults = part(outputs["docx"], "word/styles.xml").find(f"{W}docDefaults")
    assert defaults is not None
    fonts = defaults.find(f".//{W}rFonts")
    assert fonts is not None and fonts.get(f"{W}eastAsia") == "仿宋_GB2312"


def test_a4_page_and_margins(outputs: dict[str, bytes]) -> None:
    section = docx.Document(io.BytesIO(outputs["docx"])).sections[0]
    assert (section.page_width, section.page_height) == pytest.approx((Mm(210), Mm(297)), abs=Mm(0.1))  # fmt: skip
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert margins == pytest.approx((Mm(37), Mm(35), Mm(28), Mm(26)), abs=Mm(0.05))


def test_page_numbers_odd_right_even_left(outputs: dict[str, bytes]) -> None:
    document = docx.Document(io.BytesIO(outputs["docx"]))
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        paragraph = footer._element.find(f"{W}p")
        assert paragraph is not None
        jc = paragraph.find(f"{W}pPr/{W}jc")
        assert jc is not None and jc.get(f"{W}val") == side
        instructions = "".join(t.text or "" for t in paragraph.iter(f"{W}instrText"))
        assert instructions.strip() == "PAGE"
        assert footer.paragraphs[0].text == "— 1 —"


def test_core_properties_are_the_reports(outputs: dict[str, bytes]) -> None:
    props = docx.Document(io.BytesIO(outputs["docx"])).core_properties
    assert props.title == "示例市测试管理局2023年政府信息公开工作年度报告"
    assert props.author == "示例市测试管理局"
    assert props.created is not None and props.created.date().isoformat() == "2024-01-20"
