"""Markdown: headings as Markdown, tables as HTML, text that renders back to what was typed."""

from __future__ import annotations

import re

import pypandoc
import pytest

from genreport.layout import T3_ROWS
from genreport.render.markdown import md_text

from .githost import render_like_a_git_host
from .helpers import html_grid, parse_html


def to_html(markdown: str) -> str:
    """What a git host shows: GitHub-flavoured Markdown with raw HTML allowed."""
    return str(pypandoc.convert_text(markdown, "html", format="gfm"))


def test_headings_and_paragraphs(outputs: dict[str, bytes]) -> None:
    text = outputs["md"].decode("utf-8")
    lines = text.splitlines()
    assert lines[0] == "# 示例市测试管理局2023年政府信息公开工作年度报告"
    assert [line for line in lines if line.startswith("## ")] == [
        "## 一、总体情况",
        "## 二、主动公开政府信息情况",
        "## 三、收到和处理政府信息公开申请情况",
        "## 四、政府信息公开行政复议、行政诉讼情况",
        "## 五、存在的主要问题及改进情况",
        "## 六、其他需要报告的事项",
    ]
    assert "### （一）主动公开" in lines
    assert "\n\n\n" not in text  # one blank line between blocks: quiet diffs


def test_tables_survive_a_markdown_renderer_with_their_spans(outputs: dict[str, bytes]) -> None:
    rendered = parse_html(to_html(outputs["md"].decode("utf-8")))
    assert len(rendered.tables) == 3  # no ids: git hosts drop them
    t3 = list(rendered.tables.values())[1]
    assert [(c.rowspan, c.colspan) for c in t3[0]] == [(3, 3), (1, 7)]
    assert (len(html_grid(t3)), len(html_grid(t3)[0])) == (28, 10)


def test_tables_as_a_git_host_shows_them(outputs: dict[str, bytes]) -> None:
    """Through the host's renderer and sanitizer: spans kept, no caption text, labels not <th>."""
    html = render_like_a_git_host(outputs["md"].decode("utf-8"))
    parsed = parse_html(html)
    t2, t3, t4 = parsed.tables.values()  # the host drops ids
    assert [(c.rowspan, c.colspan) for c in t3[0]] == [(3, 3), (1, 7)]
    assert [(c.rowspan, c.colspan) for c in t3[5][:2]] == [(22, 1), (1, 2)]
    assert [(len(html_grid(t)), len(html_grid(t)[0])) for t in (t2, t3, t4)] == [
        (14, 4),
        (28, 10),
        (4, 15),
    ]
    labels = {row.label for row in T3_ROWS} | {"三、本年度办理结果", "（三）不予公开"}
    label_cells = [c for row in t3[3:] for c in row if c.text in labels]
    assert len(label_cells) == 25 + 1 + 1 and {c.tag for c in label_cells} == {"td"}
    assert {c.tag for c in t2[2]} == {"td"}  # 规章 | 0 | 0 | 0
    numbers = re.findall(r"<td[^>]*>[0-9.]+</td>", html)
    assert len(numbers) == 10 + 25 * 7 + 15
    assert all(' align="center"' in n for n in numbers)
    # Between a heading and its table nothing but the table: a caption would be stray text there.
    for table in re.findall(r"<table>.*?</table>", html, re.DOTALL):
        outside_cells = re.sub(r"<(td|th)[^>]*>.*?</\1>", "", table, flags=re.DOTALL)
        assert re.sub(r"<[^>]+>", "", outside_cells).strip() == ""
    assert "</h2>\n<table>" in html


def test_tables_are_one_row_per_line(outputs: dict[str, bytes]) -> None:
    rows = [line for line in outputs["md"].decode("utf-8").splitlines() if "<tr>" in line]
    assert len(rows) == 14 + 28 + 4
    assert all(line.startswith("<tr>") and line.endswith("</tr>") for line in rows)


@pytest.mark.parametrize(
    "typed",
    [
        "文件标题写作“A<B & C”",
        "<script>alert(1)</script>",
        "&amp; 与 &#60; 原样",
        "*不是强调* 和 _也不是_ 和 `代码`",
        "# 不是标题",
        "1. 不是列表",
        "- 不是列表",
        "> 不是引用",
        "[不是链接](地址)",
        "反斜杠 \\ 和竖线 | 原样",
        "{{ 年度 }} 原样",
    ],
)
def test_text_renders_back_as_typed(typed: str) -> None:
    html = to_html(md_text(typed) + "\n")
    parsed = parse_html(html)
    assert [t for t, _ in parsed.attrs] == ["p"], html
    assert html.strip().removeprefix("<p>").removesuffix("</p>") == (
        typed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    )


def test_plain_text_stays_readable() -> None:
    assert md_text("本年度收到申请 12 件，同比增长 20%。") == "本年度收到申请 12 件，同比增长 20%。"
    assert md_text("件数 1<2 & 3>2") == "件数 1<2 & 3>2"  # nothing a renderer would misread
