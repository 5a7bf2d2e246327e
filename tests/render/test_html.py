"""The HTML page: valid, self-contained, zh-CN, semantic tables with the printed spans."""

from __future__ import annotations

import re

import pytest

from .helpers import HtmlCell, html_grid, parse_html

NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


@pytest.fixture(scope="module")
def page(outputs: dict[str, bytes]) -> str:
    return outputs["html"].decode("utf-8")


def spans(row: list[HtmlCell]) -> list[tuple[str, int, int]]:
    return [(c.text, c.rowspan, c.colspan) for c in row]


def test_valid_html5_document(page: str) -> None:
    parsed = parse_html(page)  # every element closed, in order
    assert page.startswith("<!DOCTYPE html>\n")
    assert ("html", {"lang": "zh-CN"}) in parsed.attrs
    assert ("meta", {"charset": "utf-8"}) in parsed.attrs
    ids = [a["id"] for _, a in parsed.attrs if "id" in a]
    assert len(ids) == len(set(ids))
    assert [t for t, _ in parsed.attrs].count("h1") == 1
    assert [t for t, _ in parsed.attrs].count("h2") == 6


def test_self_contained(page: str) -> None:
    parsed = parse_html(page)
    assert not [a for _, a in parsed.attrs if "src" in a or "href" in a]
    assert "@import" not in page and "url(" not in page
    assert [t for t, _ in parsed.attrs].count("style") == 1  # inline CSS only


def test_readable_on_a_phone_and_printable_on_a4(page: str) -> None:
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert page.count('class="gr-table" role="region"') == 3
    assert page.count('tabindex="0" style="overflow-x:auto;') == 3  # tables scroll, not squash
    assert "@page { size: A4; margin: 37mm 26mm 35mm 28mm; }" in page
    assert "@media print" in page and "display: table-header-group" in page


def test_tables_are_named_by_their_headings_and_have_scoped_headers(page: str) -> None:
    parsed = parse_html(page)
    assert parsed.captions == {}  # a caption would show twice where a CMS drops the stylesheet
    headings = {a["id"]: a for t, a in parsed.attrs if t == "h2"}
    labels = {a["id"]: a["aria-labelledby"] for t, a in parsed.attrs if t == "table"}
    assert labels == {"t2": "s2", "t3": "s3", "t4": "s4"}
    assert set(labels.values()) <= set(headings)
    for rows in parsed.tables.values():
        for cell in (c for row in rows for c in row if c.tag == "th"):
            assert cell.scope in ("col", "colgroup", "row", "rowgroup") or cell.text == NOTE
        for cell in (c for row in rows for c in row if c.tag == "td"):
            assert re.fullmatch(r"[0-9]+(\.[0-9]+)?", cell.text)


def test_t3_spans_as_printed(page: str) -> None:
    rows = parse_html(page).tables["t3"]
    assert spans(rows[0]) == [(NOTE, 3, 3), ("申请人情况", 1, 7)]
    assert spans(rows[1]) == [("自然人", 2, 1), ("法人或其他组织", 1, 5), ("总计", 2, 1)]
    assert [c.text for c in rows[2]] == [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    assert spans(rows[3])[0] == ("一、本年新收政府信息公开申请数量", 1, 3)
    assert spans(rows[5])[:2] == [("三、本年度办理结果", 22, 1), ("（一）予以公开", 1, 2)]
    assert spans(rows[7])[:2] == [("（三）不予公开", 8, 1), ("1.属于国家秘密", 1, 1)]
    assert spans(rows[15])[0] == ("（四）无法提供", 3, 1)
    assert spans(rows[18])[0] == ("（五）不予处理", 5, 1)
    assert spans(rows[23])[0] == ("（六）其他处理", 3, 1)
    assert spans(rows[26])[0] == ("（七）总计", 1, 2)
    assert spans(rows[27])[0] == ("四、结转下年度继续办理", 1, 3)
    grid = html_grid(rows)
    assert (len(grid), len(grid[0])) == (28, 10)
    assert [c.text for c in grid[26][3:]] == ["8", "2", "1", "0", "1", "0", "12"]


def test_t2_and_t4_spans_as_printed(page: str) -> None:
    tables = parse_html(page).tables
    t2 = tables["t2"]
    assert [spans(r) for r in t2[4:7]] == [
        [("第二十条第（五）项", 1, 4)],
        [("信息内容", 1, 1), ("本年处理决定数量", 1, 3)],
        [("行政许可", 1, 1), ("12", 1, 3)],
    ]
    assert (len(html_grid(t2)), len(html_grid(t2)[0])) == (14, 4)
    t4 = tables["t4"]
    assert spans(t4[0]) == [("行政复议", 1, 5), ("行政诉讼", 1, 10)]
    assert spans(t4[1])[4:] == [("总计", 2, 1), ("未经复议直接起诉", 1, 5), ("复议后起诉", 1, 5)]
    assert len(t4[2]) == 10 and len(t4[3]) == 15
