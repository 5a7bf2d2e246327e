"""No ASCII space between Chinese and numbers; spaces inside Latin text stay."""

from __future__ import annotations

import re

import pytest

from genreport.render.cjk_spacing import tighten

from .helpers import describe_docx


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("决定 2035 项", "决定2035项"),
        ("收取信息处理费 200 元。", "收取信息处理费200元。"),
        ("2023 年，本局", "2023年，本局"),
        ("共 12.3650 万元", "共12.3650万元"),
        ("做到 100% 覆盖", "做到100%覆盖"),
        ("收到 1,234 件", "收到1,234件"),
        ("上年结转  4   件", "上年结转4件"),  # runs of spaces
        ("（ 3 ）", "（3）"),  # full-width punctuation counts as CJK
        ("第 1 名申请人", "第1名申请人"),
        ("第3.5 项", "第3.5项"),  # a decimal number is one number
        ("使用 Windows 10 系统", "使用 Windows 10系统"),  # Latin words keep their own spaces
        ("依据 GB/T 9704 规定", "依据 GB/T 9704规定"),
    ],
)
def test_spaces_between_chinese_and_numbers_go(text: str, expected: str) -> None:
    assert tighten(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Windows 10 and Office 2016",  # Latin text
        "GB/T 9704-2012",
        "模板写法 {{ 年度 }} 原样显示",  # not a number
        "系统 v2 版本",  # a number glued to a Latin word
        "详见 http://example.gov.cn/2023 查阅",  # the end of an address
        "文件 A 与文件 B",  # Latin letters, not numbers
        "2023年1月",  # nothing to remove
        "打印 A3 纸",  # A3 is a Latin token, not a number
    ],
)
def test_spaces_inside_latin_text_stay(text: str) -> None:
    assert tighten(text) == text


def test_long_runs_are_linear() -> None:
    """Adversarial input (huge space and digit runs that never complete a match) finishes: a
    quadratic scan of these 600 000 characters would not."""
    text = "字" + " " * 200_000 + "x" + "1" * 200_000 + " " * 200_000 + "x"
    assert tighten(text) == text
    assert tighten("字" + " " * 200_000 + "1") == "字1"


def test_no_space_between_chinese_and_numbers_in_any_output(outputs: dict[str, bytes]) -> None:
    """The fixture writes ``{{ … }}`` numbers with spaces around them, as the README teaches."""
    gap = re.compile(r"[\u4e00-\u9fff，。] +[0-9]|(?<![A-Za-z0-9])[0-9]+ +[\u4e00-\u9fff]")
    texts = {
        "docx": describe_docx(outputs["docx"]),
        "html": outputs["html"].decode("utf-8"),
        "md": outputs["md"].decode("utf-8"),
    }
    for fmt, text in texts.items():
        assert "申请12件，上年结转1件" in text, fmt
        assert gap.findall(text) == [], fmt
