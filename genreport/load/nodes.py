"""YAML text → PyYAML node tree, with the checks PyYAML does not make.

We stop at the node graph (``compose``) and never let PyYAML construct Python values: its
YAML 1.1 resolver turns ``010`` into 8 and ``no`` into False without a word. The node graph keeps
every scalar's raw text, quoting style and position, which is what strict typing needs.
"""

from __future__ import annotations

import yaml
from yaml.events import AliasEvent, NodeEvent
from yaml.nodes import MappingNode, Node, ScalarNode

from ..escaping import quoted
from ..findings import Finding, Severity
from . import composer, slips
from .composer import MAX_DEPTH, Refused
from .source import Source, SourceError

#: PyYAML's problem texts users meet most, in words an office clerk can act on.
_HINTS = {
    "mapping values are not allowed here": (
        "这里不能出现“: ”。如果正文中有英文冒号，请把整段写成块文本：键后写 |，正文另起一行并缩进"
    ),
    "could not find expected ':'": "缺少“: ”（冒号后要有空格），或上一行的引号没有闭合",
    "expected <block end>, but found": "缩进不一致：这一行比同一层的其他行缩进多或少",
    "found unexpected end of stream": "文件在引号或括号闭合之前就结束了",
    "found unknown escape character": "双引号中的反斜杠“\\”要写成“\\\\”，或改用单引号",
    "expected ',' or ']', but got": "方括号列表中的数要用英文逗号“,”隔开，并以“]”结束",
    "expected ',' or '}', but got": "花括号中的各项要用英文逗号“,”隔开，并以“}”结束",
    "expected a single document in the stream": "一个文件只能有一份数据，请删除多余的“---”分隔线",
    composer.INVALID_ESCAPE: (
        "双引号中的转义写出的不是有效的字符（Unicode 最大到 \\U0010FFFF）：请改正或删除它"
    ),
}

#: libyaml's wording of the same problems → PyYAML's, so both paths give one message.
_LIBYAML_WORDING = {
    "mapping values are not allowed in this context": "mapping values are not allowed here",
    "did not find expected key": "expected <block end>, but found",
    "did not find expected '-' indicator": "expected <block end>, but found",
    "did not find expected ',' or ']'": "expected ',' or ']', but got",
    "did not find expected ',' or '}'": "expected ',' or '}', but got",
}


def _hint(problem: str) -> str | None:
    problem = _LIBYAML_WORDING.get(problem, problem)
    return next((h for k, h in _HINTS.items() if problem.startswith(k)), None)


def _error(source: Source, line: int, column: int, message: str) -> SourceError:
    return SourceError(Finding("L2", Severity.ERROR, source.file, line, column, message))


def _tag_message(text: str, index: int) -> str:
    tag = (text[index : index + 100].split(maxsplit=1) or ["!"])[0]
    return (
        f"不支持 YAML 标签“{quoted(tag)}”：数据文件中的值不需要也不能标注类型，请删除它"
        "（如果“!”是文字的一部分，请给整段文字加上引号）"
    )


_TAG_CONTEXTS = ("while parsing a tag", "while scanning a tag")


def _refusal(text: str) -> composer.Refuse:
    """Anchors and aliases (how alias bombs work), tags, and nesting past MAX_DEPTH."""

    def refuse(event: NodeEvent, depth: int) -> str | None:
        if isinstance(event, AliasEvent) or event.anchor:
            return "不支持 YAML 锚点和别名（& 与 *），请把数值直接写出来"
        if getattr(event, "tag", None) is not None:
            return _tag_message(text, event.start_mark.index if event.start_mark else 0)
        if depth >= MAX_DEPTH:
            return f"嵌套超过 {MAX_DEPTH} 层：年度报告的数据最多只有几层，请检查这里的括号或缩进"
        return None

    return refuse


def compose(source: Source) -> Node:
    try:
        node = composer.compose(source.text, _refusal(source.text))
    except Refused as exc:
        raise _error(source, exc.mark.line + 1, exc.mark.column + 1, exc.message) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if exc.problem == "found unknown escape character":
            column += 1  # libyaml marks the backslash, PyYAML the character after it
        elif exc.problem == composer.INVALID_ESCAPE and mark is not None:
            column -= mark.index - source.text.rfind("\\", 0, mark.index + 1)  # at the backslash
        tag_mark = exc.context_mark or mark
        if tag_mark is not None and (
            exc.context in _TAG_CONTEXTS or (exc.problem or "").startswith("found undefined tag")
        ):
            message = _tag_message(source.text, tag_mark.index)
            raise _error(source, tag_mark.line + 1, tag_mark.column + 1, message) from None
        slip = slips.in_structure(source.text, line)
        if slip is not None:
            raise _error(source, slip.line, slip.column, slip.message) from None
        problem = exc.problem or exc.context or "无法解析"
        hint = _hint(problem) or _hint(exc.context or "")
        message = f"YAML 语法错误：{hint}" if hint else f"YAML 语法错误（{problem}）"
        start = exc.context_mark
        if start is not None and mark is not None and start.line != mark.line:
            message += f"（问题从第 {start.line + 1} 行开始）"
        raise _error(source, line, column, message) from None
    except yaml.YAMLError as exc:
        raise _error(source, 1, 1, f"YAML 语法错误（{exc}）") from None
    if node is None:
        raise SourceError(
            Finding(
                "L1",
                Severity.ERROR,
                source.file,
                1,
                1,
                "文件是空的（只有空白或注释），没有任何数据",
            )
        )
    return node


def duplicate_keys(source: Source, node: Node) -> list[Finding]:
    """Every key written twice in one mapping; PyYAML would silently keep the last."""
    findings = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, MappingNode):
            seen: dict[str, Node] = {}
            for key, value in current.value:
                if isinstance(key, ScalarNode):
                    if key.value in seen:
                        first = seen[key.value].start_mark.line + 1
                        findings.append(
                            _error(
                                source,
                                key.start_mark.line + 1,
                                key.start_mark.column + 1,
                                f"键“{quoted(key.value)}”重复出现（第 {first} 行已有），"
                                "请删除或合并其中一处",
                            ).finding
                        )
                    else:
                        seen[key.value] = key
                stack.append(value)
        elif isinstance(current.value, list):
            stack.extend(current.value)
    return findings
