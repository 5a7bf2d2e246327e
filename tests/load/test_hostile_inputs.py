"""Each near-1 MiB hostile shape gives its one clear finding (or loads and checks), on libyaml.

No timing is asserted here: bench/bench_hostile_inputs.py measures both parsers side by side.
The fast scans behind these are also compared with their plain definitions.
"""

from __future__ import annotations

import re

import pytest
import yaml
from hostile_inputs import CASES
from hypothesis import given
from hypothesis import strategies as st

from genreport.check import MAX_FINDINGS_PER_RULE, check_report
from genreport.escaping import FORBIDDEN
from genreport.load import characters, load_text, source
from genreport.load.composer import ENV_SWITCH

TOO_MANY = (
    "错误 L2 文件中的值超过 20000 个（一份年度报告只有几百个），不像是一份年度报告的数据文件："
    "请检查从这里开始的内容是否重复或多余"
)
DEEP = "错误 L2 嵌套超过 16 层：年度报告的数据最多只有几层，请检查这里的括号或缩进"
CONTROL = "错误 L2 这里有不可见的控制字符 U+0001，生成报告时会出错：请删除它"

#: name → (the first finding, how many findings) of files that do not load
REFUSED = {
    "control characters": (f"11:12: {CONTROL}", 20),
    "full-width digits row": (f"11:59939: {TOO_MANY}", 1),
    "ASCII digits row": (f"11:59939: {TOO_MANY}", 1),
    "deep flow nesting": (f"12:27: {DEEP}", 1),
    "huge integer": (
        "11:8: 错误 R4 行政复议.结果维持：件数“999999999999999999999999…（共 1048323 个字符）”"
        "有 1048323 位数，不像是实际的件数，请核对",
        1,
    ),
    "100,000 narrative titles": (f"9998:11: {TOO_MANY}", 1),
    "100,000 unknown keys": (f"9998:8: {TOO_MANY}", 1),
    "many short lines": (f"8001:3: {TOO_MANY}", 1),
    "unclosed quotes": (
        "12:16: 错误 L2 YAML 语法错误：缩进不一致：这一行比同一层的其他行缩进多或少（问题从第 1 行开始）",
        1,
    ),
    "unclosed brackets on lines": (
        "14:4: 错误 L2 YAML 语法错误：方括号列表中的数要用英文逗号“,”隔开，并以“]”结束"
        "（问题从第 13 行开始）",
        1,
    ),
    "unclosed braces in a row": (f"11:61: {DEEP}", 1),
}
#: name → the load findings of files that load (and are then checked)
LOADED = {
    "bidi controls": 20,
    "narrative with IME punctuation": 0,
    "one huge line": 0,
    "long block scalar": 0,
    "tabs in text": 0,
    "escapes in double quotes": 0,
    "U+FEFF in text": 0,
}


@pytest.fixture(autouse=True)
def _both_yaml_parsers(monkeypatch: pytest.MonkeyPatch) -> str:
    """libyaml only: the fallback takes seconds per 1 MiB file (the bench compares both)."""
    if not yaml.__with_libyaml__:
        pytest.skip("PyYAML without libyaml")
    monkeypatch.setenv(ENV_SWITCH, "")
    return "libyaml"


def test_every_case_has_an_expectation() -> None:
    assert sorted(CASES) == sorted([*REFUSED, *LOADED])


@pytest.mark.parametrize("name", list(REFUSED))
def test_a_hostile_file_is_refused_with_one_clear_finding(name: str) -> None:
    loaded = load_text(CASES[name].encode(), "x.yaml", 2023)
    first, count = REFUSED[name]
    assert loaded.report is None
    assert loaded.findings[0].format() == f"x.yaml:{first}"
    assert len(loaded.findings) == count


@pytest.mark.parametrize("name", list(LOADED))
def test_a_hostile_file_that_loads_is_checked_with_bounded_findings(name: str) -> None:
    loaded = load_text(CASES[name].encode(), "x.yaml", 2023)
    assert loaded.report is not None, [f.format() for f in loaded.findings[:3]]
    assert len(loaded.findings) == LOADED[name]
    per_rule: dict[str, int] = {}
    for finding in check_report(loaded.report):
        per_rule[finding.rule] = per_rule.get(finding.rule, 0) + 1
    assert max(per_rule.values(), default=0) <= MAX_FINDINGS_PER_RULE + 1


_CHARACTERS = st.text(
    st.sampled_from(["a", "中", "😀", "\x01", "\x85", "\u2028", "\ufdd0", "\ufffe", "\U0001fffe"])
    | st.sampled_from(["\U0010ffff", "\U0001ffff", "\U0002fffe", "\t", "\n"]),
    max_size=60,
)


@given(_CHARACTERS)
def test_forbidden_characters_are_found_as_the_plain_character_class_finds_them(text: str) -> None:
    expected = [m.start() for m in re.finditer(f"[{FORBIDDEN}]", text)][: characters.MAX_REPORTED]
    assert characters._forbidden(text) == expected


def _tab_in_indentation_by_lines(text: str) -> tuple[int, int] | None:
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" \t")
        indent = line[: len(line) - len(stripped)]
        if stripped and "\t" in indent:
            return number, indent.index("\t") + 1
    return None


@given(st.lists(st.sampled_from([" ", "\t", "\n", "\r", "\r\n", "a", "#", "\x0c", "\u2028"])))
def test_a_tab_in_indentation_is_found_where_a_line_by_line_scan_finds_it(
    pieces: list[str],
) -> None:
    text = "".join(pieces)
    assert source._tab_in_indentation(text) == _tab_in_indentation_by_lines(text)
