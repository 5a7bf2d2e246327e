"""What counts as stating the 信息处理费 (shared by R17, the build and import)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from genreport.fee_statement import mentions, statements


@pytest.mark.parametrize(
    ("text", "yuan"),
    [
        ("本年度收取信息处理费 200 元。", Decimal(200)),
        ("本年度共收取信息处理费200元。", Decimal(200)),
        ("收取信息处理费0.015万元。", Decimal(150)),
        ("本年度未收取信息处理费。", Decimal(0)),
        ("本年度没有收取政府信息公开信息处理费。", Decimal(0)),
        ("信息处理费为0元。", Decimal(0)),
        ("本年度信息处理费为零。", Decimal(0)),
        ("无收取信息处理费用的事项。", Decimal(0)),
        # an amount after the word wins over a "none" elsewhere in the sentence
        ("对1名申请人收取信息处理费200元，其余申请均未收取", Decimal(200)),
        ("收取信息处理费 \ufffc\ufffc 元。", None),  # an expression gives the amount
    ],
)
def test_statements(text: str, yuan: Decimal | None) -> None:
    [statement] = statements(text)
    assert statement.yuan == yuan


@pytest.mark.parametrize(
    "text",
    [
        "本年度依据《政府信息公开信息处理费管理办法》，对 1 名申请人的申请收取信息处理费；",
        "信息处理费按国办函〔2020〕109号规定的标准执行。",
        "收取 200 元信息处理费。",  # the amount must follow the word
    ],
)
def test_mentions_that_state_nothing(text: str) -> None:
    assert mentions(text) and statements(text) == []


def test_each_sentence_on_its_own() -> None:
    text = "本年度依据办法收取信息处理费；共收取信息处理费300元。另有事项。"
    [statement] = statements(text)
    assert (statement.start, statement.sentence, statement.amount) == (
        text.index("共"),
        "共收取信息处理费300元",
        "300",
    )
