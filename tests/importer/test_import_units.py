"""Small pieces of the import: label keys, cell values, signature dates, fee sentences."""

from __future__ import annotations

import pytest

from genreport.importer.document import Loc, Paragraph
from genreport.importer.labels import match_t3, segments
from genreport.importer.metadata import can_make_rules, find_fee
from genreport.importer.normalize import canon, restore
from genreport.importer.sections import date_of
from genreport.importer.values import Kind, is_footer, read_value


@pytest.mark.parametrize(
    ("printed", "standard"),
    [
        (
            "（二） 部分 公开（区分处理的，只计这一情形，不计其他情形）",
            "(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
        ),
        ("1、属于国家秘密", "1.属于国家秘密"),
        ("\u2f00、本年新收", "一、本年新收"),  # Kangxi ⼀
        ("人\u2ea0", "人民"),  # CJK radical ⺠, which NFKC leaves alone
        ("3.危及“三安全一稳定”", "3.危及三安全一稳定"),
    ],
)
def test_canon_erases_rendering_variants(printed: str, standard: str) -> None:
    assert canon(printed) == standard


def test_restore_keeps_the_agencys_punctuation() -> None:
    assert restore("人\u2ea0群众（满意）：是") == "人民群众（满意）：是"


def test_merged_label_cells_split_at_their_numbering() -> None:
    parts = segments("三、本年度办理结果 (三)不予公开")
    assert [(p.kind, p.ordinal, p.core) for p in parts] == [
        ("top", 3, "本年度办理结果"),
        ("paren", 3, "不予公开"),
    ]


def test_ambiguous_fragment_matches_nothing() -> None:
    [segment] = segments("信息公开申请")  # inside both 一、本年新收… and 二、上年结转…
    assert match_t3(segment, None) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("12", Kind.NUMBER),
        ("12.5000", Kind.NUMBER),
        ("０", Kind.NUMBER),
        ("", Kind.BLANK),
        ("/", Kind.MARKER),
        ("—", Kind.MARKER),
        ("自然人", Kind.TEXT),
    ],
)
def test_cell_values(text: str, kind: Kind) -> None:
    assert read_value(text).kind is kind


@pytest.mark.parametrize("text", ["- 3 -", "—12—", "第 3 页", "第3页 共10页", "3/10"])
def test_page_footers(text: str) -> None:
    assert is_footer(text)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2024年1月18日", (2024, 1, 18)),
        ("二〇二四年一月十八日", (2024, 1, 18)),
        ("二O二三年十二月二十九日", (2023, 12, 29)),
        ("2024 年 3 月 5 日", (2024, 3, 5)),
    ],
)
def test_signature_dates(text: str, date: tuple[int, int, int]) -> None:
    assert date_of(text) == date


@pytest.mark.parametrize(
    ("sentence", "yuan"),
    [
        ("本年度未收取任何政府信息公开信息处理费。", "0"),
        ("无收取信息处理费用的事项。", "0"),
        ("信息处理费为0元。", "0"),
        ("本年度共收取信息处理费 120 元。", "120"),
        ("收取信息处理费0.015万元。", "150"),
    ],
)
def test_fee_sentences(sentence: str, yuan: str) -> None:
    fee = find_fee([Paragraph(sentence, Loc(1, 1))])
    assert fee is not None
    assert fee.yuan == yuan


def test_rule_making_power_from_the_name() -> None:
    assert can_make_rules("南阳市人民政府", "人民政府") is True
    assert can_make_rules("某省人民政府", "人民政府") is True
    assert can_make_rules("某县人民政府", "人民政府") is False
    assert can_make_rules("某市工业和信息化局", "部门") is None
