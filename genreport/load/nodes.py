"""YAML text → PyYAML node tree, with the checks PyYAML does not make.

We stop at the node graph (``compose``) and never let PyYAML construct Python values: its
YAML 1.1 resolver turns ``010`` into 8 and ``no`` into False without a word. The node graph keeps
every scalar's raw text, quoting style and position, which is what strict typing needs.
"""

from __future__ import annotations

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode

from ..findings import Finding, Severity
from .source import Source, SourceError

#: PyYAML's problem texts users meet most, in words an office clerk can act on.
_HINTS = {
    "mapping values are not allowed here": (
        "这里不能出现“: ”。如果正文中有英文冒号，请把整段写成块文本：键后写 |，正文另起一行并缩进"
    ),
    "could not find expected ':'": "缺少“: ”（冒号后要有空格），或上一行的引号没有闭合",
    "did not find expected key": "缩进不一致：同一层的键必须对齐",
    "did not find expected '-' indicator": "缩进不一致：列表项“- ”必须对齐",
    "expected <block end>, but found": "缩进不一致：这一行比同一层的其他行缩进多或少",
    "found unexpected end of stream": "文件在引号或括号闭合之前就结束了",
    "found unknown escape character": "双引号中的反斜杠“\\”要写成“\\\\”，或改用单引号",
    "expected ',' or ']', but got": "方括号列表中的数要用英文逗号“,”隔开，并以“]”结束",
    "expected a single document in the stream": "一个文件只能有一份数据，请删除多余的“---”分隔线",
}


def _error(source: Source, line: int, column: int, message: str) -> SourceError:
    return SourceError(Finding("L2", Severity.ERROR, source.file, line, column, message))


class _StrictLoader(yaml.SafeLoader):
    """Refuses anchors and aliases: a report needs none, and they are how alias bombs work."""

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
            mark = event.start_mark
            raise _AnchorError(mark.line + 1, mark.column + 1)
        return super().compose_node(parent, index)


class _AnchorError(Exception):
    def __init__(self, line: int, column: int) -> None:
        super().__init__()
        self.line, self.column = line, column


def compose(source: Source) -> Node:
    try:
        node = yaml.compose(source.text, Loader=_StrictLoader)
    except _AnchorError as exc:
        raise _error(
            source,
            exc.line,
            exc.column,
            "不支持 YAML 锚点和别名（& 与 *），请把数值直接写出来",
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "无法解析"
        hint = next((h for k, h in _HINTS.items() if problem.startswith(k)), None)
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
                                f"键“{key.value}”重复出现（第 {first} 行已有），请删除或合并其中一处",
                            ).finding
                        )
                    else:
                        seen[key.value] = key
                stack.append(value)
        elif isinstance(current.value, list):
            stack.extend(current.value)
    return findings
