"""Every label of T2, T3 and T4 wraps, if at all, into balanced lines: characters per line from each
cell's width (tcW), the cell margins and the table font size, as the Word file states them."""

from __future__ import annotations

import pytest

from genreport.render.cell_fit import balanced, capacity, em, wrap

from .helpers import W, part, text_of, word_tables

TABLE_STYLES = ("TableText", "TableLabel")


def _table_font_size(docx: bytes) -> int:
    sizes = set()
    for style in part(docx, "word/styles.xml").iter(f"{W}style"):
        if style.get(f"{W}styleId") in TABLE_STYLES:
            size = style.find(f".//{W}sz")
            base = style.find(f"{W}basedOn")
            if size is not None:
                sizes.add(int(size.get(f"{W}val") or 0))
            else:
                assert base is not None and base.get(f"{W}val") in TABLE_STYLES
    [size] = sizes
    return size


def _labels(docx: bytes) -> list[tuple[str, str, float]]:
    """(table, label, ems per line) of every cell that holds text rather than a number."""
    size = _table_font_size(docx)
    found = []
    for name, table in zip(("T2", "T3", "T4"), word_tables(docx), strict=True):
        mar = table.find(f"{W}tblPr/{W}tblCellMar")
        assert mar is not None
        margins = sum(int(mar.find(f"{W}{side}").get(f"{W}w")) for side in ("left", "right"))
        for tc in table.iter(f"{W}tc"):
            text = text_of(tc)
            if not text or text.replace(".", "").isdigit():
                continue
            width = int(tc.find(f"{W}tcPr/{W}tcW").get(f"{W}w"))
            found.append((name, text, capacity(width, margins, size)))
    return found


def test_table_text_is_wuhao(outputs: dict[str, bytes]) -> None:
    assert _table_font_size(outputs["docx"]) == 21  # 五号 10.5 pt


def test_every_label_wraps_into_balanced_lines(outputs: dict[str, bytes]) -> None:
    labels = _labels(outputs["docx"])
    assert len(labels) == 20 + 40 + 19  # every caption, header, note and label cell
    unbalanced = [
        (table, wrap(text, per_line), round(per_line, 2))
        for table, text, per_line in labels
        if not balanced(wrap(text, per_line), per_line)
    ]
    assert unbalanced == []


def test_t3_label_columns_as_designed(outputs: dict[str, bytes]) -> None:
    per_line = {text: p for table, text, p in _labels(outputs["docx"]) if table == "T3"}
    assert wrap("三、本年度办理结果", per_line["三、本年度办理结果"]) == [
        "三、本",
        "年度办",
        "理结果",
    ]
    assert wrap("（三）不予公开", per_line["（三）不予公开"]) == ["（三）不", "予公开"]
    for label in (
        "2.其他法律行政法规禁止公开",
        "1.本机关不掌握相关政府信息",
        "2.没有现成信息需要另行制作",
    ):
        assert wrap(label, per_line[label]) == [
            label
        ]  # the issue's …禁止公 / 开, …信 / 息, …制 / 作
    assert wrap("自然人", per_line["自然人"]) == ["自然人"]


@pytest.mark.parametrize(
    ("text", "per_line", "lines"),
    [
        ("2.其他法律行政法规禁止公开", 12.9, ["2.其他法律行政法规禁止公", "开"]),
        ("1.申请人无正当理由逾期不补正", 10, ["1.申请人无正当理由逾", "期不补正"]),
        ("逾期不补正、行政", 5, ["逾期不补", "正、行政"]),  # 、 never starts a line
        ("甲乙（丙丁", 3, ["甲乙", "（丙丁"]),  # （ never ends a line
        ("共ABCDEF", 2, ["共", "ABCDEF"]),  # a Latin run stays whole
    ],
)
def test_wrap_model(text: str, per_line: float, lines: list[str]) -> None:
    assert wrap(text, per_line) == lines
    assert em("2.其他") == 3
