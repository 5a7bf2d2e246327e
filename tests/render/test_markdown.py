"""Markdown: headings as Markdown, tables as HTML, text that renders back to what was typed."""

from __future__ import annotations

import pypandoc
import pytest

from genreport.render.markdown import md_text

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
    assert set(rendered.tables) == {"t2", "t3", "t4"}
    t3 = rendered.tables["t3"]
    assert [(c.rowspan, c.colspan) for c in t3[0]] == [(3, 3), (1, 7)]
    assert (len(html_grid(t3)), len(html_grid(t3)[0])) == (28, 10)


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
