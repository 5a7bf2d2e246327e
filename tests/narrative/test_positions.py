"""Positions inside block scalars that are followed by another key (the usual case)."""

from __future__ import annotations

from genreport.model import Pos

from .helpers import load, overview_with, yaml_text


def test_locate_in_a_part_followed_by_a_less_indented_key() -> None:
    text = yaml_text(overview=overview_with("依申请公开", "第一行\n共收到 17 件"))
    report = load(text)
    part = report.overview.part("依申请公开")
    assert part is not None
    line = text.splitlines().index("    共收到 17 件") + 1
    assert part.text.locate(part.text.value.index("17")) == Pos(line, 9)
