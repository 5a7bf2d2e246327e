"""libyaml and the pure-Python fallback build the same node tree and give the same findings.

The loader reads marks (line, column, index), styles, values and tags from the tree; a difference
between the two parsers would be a different position or message depending on how PyYAML was
installed. Each input is composed through both, outside the conftest's parametrization.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from report_text import complete
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from genreport.load import composer, load_text
from genreport.load.composer import ENV_SWITCH
from genreport.load.nodes import compose
from genreport.load.source import Source

pytestmark = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml")

Row = tuple[object, ...]


@pytest.fixture(autouse=True)
def _both_yaml_parsers() -> str:
    """Not once per parser, as elsewhere in tests/load: each test here runs both itself."""
    return "both"


def flatten(node: Node | None) -> Iterator[Row]:
    """Every node in document order with everything the loader reads from it."""
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        start, end = current.start_mark, current.end_mark
        marks = (start.line, start.column, start.index, end.line, end.column, end.index)
        if isinstance(current, ScalarNode):
            yield ("scalar", current.tag, current.value, current.style, *marks)
        else:
            yield (type(current).__name__, current.tag, current.flow_style, *marks)
            if isinstance(current, MappingNode):
                stack.extend(n for pair in reversed(current.value) for n in reversed(pair))
            elif isinstance(current, SequenceNode):
                stack.extend(reversed(current.value))


def tree(text: str, parser: str) -> list[Row] | str:
    """The flattened tree through one parser, or the finding it ended in."""
    old = os.environ.get(ENV_SWITCH)
    os.environ[ENV_SWITCH] = "" if parser == "libyaml" else "python"
    try:
        assert composer.uses_libyaml(text) == (parser == "libyaml" and "\ufeff" not in text)
        return list(flatten(compose(Source("x.yaml", text))))
    except Exception as exc:  # a SourceError: compare its finding
        finding = getattr(exc, "finding", None)
        if finding is None:
            raise
        return str(finding.format())
    finally:
        if old is None:
            del os.environ[ENV_SWITCH]
        else:
            os.environ[ENV_SWITCH] = old


def same_on_both(text: str) -> list[Row] | str:
    fast, fallback = tree(text, "libyaml"), tree(text, "python")
    assert fast == fallback
    return fast


TRICKY = {
    "CJK keys and values": "机关: 青禾市测试局\n总体情况:\n  概述: 本年度，我局认真贯彻落实。\n",
    "astral characters": "a: 𠀀𠀁😀 x\n'𝒳': \"𝒴 😀\"\nb: [😀, 𠀀]\n",
    "full-width punctuation": "说明: 一是：宣传，解读、［见］　完\n",
    "tab inside quotes and block": "a: 'x\ty'\nb: \"x\ty\"\nc: |\n  x\ty\n   \tz\n",
    "CRLF": "a: 1\r\nb:\r\n  - x\r\n  - 'y\r\n    z'\r\nc: |\r\n  p\r\n  q\r\n",
    "lone CR": "a: 1\rb: 2\r",
    "flow styles": "a: [1, 2, {x: 3, y: [4]}]\nb: {}\nc: []\nd: {p: , q}\n",
    "block styles": "a:\n  - 1\n  -\n    - 2\n  - x: 3\n    y: 4\nb:\n- z\n",
    "multi-line plain": "a: one\n  two\n\n  three\nb: 2\n",
    "multi-line quoted": "a: 'one\n  two\n\n  three'\nb: \"x\\\n  y \\u4e2d\"\n",
    "literal and folded": "a: |+\n  x\n\n  y\n\nb: >-\n  p\n  q\n\n   r\nc: |2\n    indented\n",
    "empty values": "a:\nb: ~\nc: ''\nd: \"\"\ne: [ ]\n",
    "comments": "# head\na: 1 # one\n# between\nb: # none\n  - 2 #two\n",
    "document markers": "---\na: 1\n...\n",
    "explicit keys": "? a\n: 1\n? [x, y]\n: 2\n",
    "YAML 1.1 scalars": "a: 010\nb: 0x1F\nc: yes\nd: 1_000\ne: 1.10\nf: 2024-01-20\ng: .inf\nh: 12:30\n",
    "long line": "a: " + "中文" * 5000 + "\n",
    "long key": "键" * 1000 + ": 1\n",
    "spaces and indicators": "a: b:c\nd: -1\ne: x #not\nf: '#'\ng: '@'\n",
    "escapes": 'a: "\\x41\\u4e2d\\U0001F600\\t\\n\\\\ \\""\n',
    "U+FEFF inside (the fallback reads it)": "a: x\ufeffy\n\ufeffb: 2\n",
    "NEL and line separators": "a: 'x\x85y'\nb: 1\n",
    "escaped surrogate (libyaml refuses it, the fallback reads it)": 'a: "x\\ud800"\n',
}


@pytest.mark.parametrize("name", list(TRICKY))
def test_tricky_input_gives_the_same_tree(name: str) -> None:
    result = same_on_both(TRICKY[name])
    assert isinstance(result, list) and result, result


BROKEN = {
    "colon in text": "a: 说明: 正文\n",
    "flow row not closed": "a: [1, 2\nb: 1\n",
    "flow map not closed": "a: {x: 1\n",
    "flow map without commas": "a: {x: 1 y: 2}\n",
    "key out of line": "a:\n  b: 1\n c: 2\n",
    "item out of line": "a:\n  - 1\n - 2\n",
    "item after a key": "a: 1\n- b\n",
    "indented key": "a: 1\n  b: 2\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "unknown escape": 'a: "x\\qy"\n',
    "escape past U+10FFFF": 'a: "x\\U00110000"\n',
    "unclosed quote": "a: 'abc\n",
    "unclosed double quote": 'a: "abc\nb: 1\n',
    "tag": "a: !!str 1\n",
    "local tag": "a: !表二 {}\n",
    "undefined tag handle": "a: !x!y 1\n",
    "broken tag": "a: !<x 1\n",
    "anchor": "a: &x 1\nb: *x\n",
    "alias alone": "a: *x\n",
    "deep flow": "a: " + "[" * 20 + "]" * 20 + "\n",
    "very deep flow": "a: " + "[" * 5000 + "\n",
    "deep block": "".join(" " * i + f"k{i}:\n" for i in range(20)),
    "empty": "# nothing\n",
    "key too long": "a" * 1100 + ": 1\n",
    "block scalar not closed right": "a: |\n    b\n  c\nd: 1\n",
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_broken_input_gives_the_same_finding(name: str) -> None:
    result = same_on_both(BROKEN[name])
    assert isinstance(result, str) and result.startswith("x.yaml:"), result
    assert "YAML 语法错误（" not in result, "a libyaml or PyYAML problem text reached the user"


def test_the_hints_name_the_problem_in_chinese() -> None:
    assert same_on_both(BROKEN["flow map without commas"]) == (
        "x.yaml:1:11: 错误 L2 YAML 语法错误：花括号中的各项要用英文逗号“,”隔开，并以“}”结束"
    )
    assert same_on_both(BROKEN["escape past U+10FFFF"]) == (
        "x.yaml:1:6: 错误 L2 YAML 语法错误：双引号中的转义写出的不是有效的字符"
        "（Unicode 最大到 \\U0010FFFF）：请改正或删除它"
    )
    assert same_on_both(BROKEN["item out of line"]) == (
        "x.yaml:3:2: 错误 L2 YAML 语法错误：缩进不一致：这一行比同一层的其他行缩进多或少"
        "（问题从第 1 行开始）"
    )


def test_an_escaped_surrogate_is_read_by_the_fallback_and_named() -> None:
    text = complete(
        '机关: 测试市测试局\n年度: 2023\n发布日期: 2024-01-20\n其他需要报告的事项: "x\\ud800"\n'
    )
    messages = [f.message for f in load_text(text.encode(), "x.yaml", 2023).findings]
    assert messages[0] == (
        "双引号中的转义写出了不可见的单独的代理项 U+D800（不是有效的字符），生成报告时会出错："
        "请删除它（\\ud800）"
    )


def test_without_libyaml_the_pure_python_parser_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_SWITCH, raising=False)
    assert composer.uses_libyaml("a: 1\n")
    monkeypatch.setattr(yaml, "__with_libyaml__", False)
    assert not composer.uses_libyaml("a: 1\n")
    text = complete("机关: 测试市测试局\n年度: 2023\n发布日期: 2024-01-20\n")
    loaded = load_text(text.encode(), "x.yaml", 2023)
    assert loaded.findings == [] and loaded.report is not None


# Documents PyYAML's own emitter writes in every style, from values with the characters users type.
_TEXT = st.text(
    st.sampled_from([*"ab 09:#-,[]{}'\"\\\t\n中文，：、１", "😀", "𠀀", "\u3000", "\xa0"]),
    max_size=30,
)
_SCALARS = st.one_of(_TEXT, st.integers(min_value=0, max_value=10**6), st.booleans(), st.none())
_VALUES = st.recursive(
    _SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(_TEXT, children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    value=st.dictionaries(_TEXT, _VALUES, min_size=1, max_size=5),
    style=st.sampled_from([None, "'", '"', "|", ">"]),
    flow=st.sampled_from([None, True, False]),
    width=st.integers(min_value=10, max_value=80),
    indent=st.integers(min_value=2, max_value=6),
    crlf=st.booleans(),
)
def test_any_emitted_document_gives_the_same_tree(
    value: dict[str, object],
    style: str | None,
    flow: bool | None,
    width: int,
    indent: int,
    crlf: bool,
) -> None:
    text = yaml.dump(
        value,
        allow_unicode=True,
        default_style=style,
        default_flow_style=flow,
        width=width,
        indent=indent,
        line_break="\r\n" if crlf else "\n",
        sort_keys=False,
    )
    same_on_both(text)
