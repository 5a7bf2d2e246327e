"""The environment narrative expressions run in: the data, genreport's filters, plain operators.

Narrative text is user input evaluated as a Jinja template, so everything it can do is bounded:
no includes, imports, macros or recursive loops; no method calls but ``items``/``keys``/``values``;
at most ``MAX_EXPRESSIONS`` expressions per text; operators refuse results longer than ``MAX_TEXT`` characters or ``MAX_DIGITS`` digits; ``range``
and all loops together stop at ``MAX_LOOPS``; output stops at the source length plus ``MAX_TEXT``;
one evaluation stops after ``MAX_SECONDS``. A violation raises ``ExpressionLimit`` with a Chinese
reason, which the evaluator turns into a J1 finding.

This environment is only for YAML narrative. The report templates are trusted files and use
``templating.make_environment``; keep the two apart.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import cache
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateError, Undefined, nodes
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer

from .expression_limits import (
    MAX_DIGITS,
    MAX_EXPONENT,
    MAX_EXPRESSIONS,
    MAX_LOOPS,
    MAX_SECONDS,
    MAX_TEXT,
)
from .filters import FILTERS
from .template_spans import EXPRESSIONS, spans

#: Compiled texts an environment keeps (a few per report; the culprit search adds pieces).
_COMPILED = 2048

_LOOP = "__genreport_loop"
_JOIN = "__genreport_join"

#: Jinja statements a narrative has no use for, and what to tell the user instead.
_FORBIDDEN: dict[type[nodes.Node], str] = {
    nodes.Include: "不能用 include 引入其他模板",
    nodes.Import: "不能用 import 引入其他模板",
    nodes.FromImport: "不能用 import 引入其他模板",
    nodes.Extends: "不能用 extends 继承其他模板",
    nodes.Block: "不能定义 block",
    nodes.Macro: "不能定义 macro",
    nodes.CallBlock: "不能使用 call",
    nodes.AssignBlock: "不能使用成块的 set（请用 {% set 名称 = 值 %}）",
    nodes.FilterBlock: "不能使用成块的 filter（请用 {{ 值|过滤器 }}）",
}
#: Jinja's built-in filters that are bounded and useful for numbers in a sentence.
_BUILTIN_FILTERS = ("abs", "round")
_DICT_METHODS = frozenset({"items", "keys", "values"})


class ExpressionLimit(TemplateError):
    """A narrative expression asked for more than a report sentence can need (or may do)."""


def _length(value: Any) -> int | None:
    return len(value) if isinstance(value, (str, list, tuple)) else None


def _check_number(value: Any) -> Any:
    if isinstance(value, int) and value.bit_length() > MAX_DIGITS * 3.33:
        raise ExpressionLimit(f"运算结果超过 {MAX_DIGITS} 位数字")
    return value


def _check_text(value: Any) -> Any:
    size = _length(value)
    if size is not None and size > MAX_TEXT:
        raise ExpressionLimit(f"运算结果超过 {MAX_TEXT} 个字符")
    return value


def _bits(value: Any) -> float:
    """About how many binary digits the integer part of a number has (0 for anything else)."""
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return value.bit_length()
    if isinstance(value, float):
        return max(math.frexp(value)[1], 0) if math.isfinite(value) else math.inf
    if isinstance(value, Decimal):
        return max(value.adjusted() * 3.33, 0) if value.is_finite() else math.inf
    return 0


class Budget:
    """Loop iterations and time left for one evaluation."""

    def __init__(self) -> None:
        self.loops = MAX_LOOPS
        self.deadline = time.monotonic() + MAX_SECONDS

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise ExpressionLimit(f"求值超过 {MAX_SECONDS:g} 秒")

    def loop(self, iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            self.loops -= 1
            if self.loops < 0:
                raise ExpressionLimit(f"循环次数超过 {MAX_LOOPS} 次")
            self.tick()
            yield item

    def join(self, *parts: Any) -> str:
        """``a ~ b``: Jinja joins constants at compile time, values here, with a length check."""
        text = "".join(str(p) for p in parts)
        self.tick()
        return str(_check_text(text))

    def names(self) -> dict[str, Any]:
        return {_LOOP: self.loop, _JOIN: self.join}


def bounded_range(*args: int) -> range:
    """``range`` that refuses more than MAX_LOOPS numbers (``range(10**9)`` is one)."""
    numbers = range(*args)
    if len(numbers) > MAX_LOOPS:
        raise ExpressionLimit(f"range 最多产生 {MAX_LOOPS} 个数")
    return numbers


class _Guard(NodeTransformer):
    """Refuses the statements in ``_FORBIDDEN`` and routes loops and ``~`` through the budget."""

    def generic_visit(self, node: nodes.Node, *args: Any, **kwargs: Any) -> nodes.Node:
        problem = _FORBIDDEN.get(type(node))
        if problem is None and isinstance(node, nodes.For) and node.recursive:
            problem = "不能使用递归循环（recursive）"
        if (
            problem is None
            and isinstance(node, nodes.Name)
            and node.ctx != "load"
            and node.name.startswith("_")
        ):
            problem = f"名称“{node.name}”不能以下划线开头"
        if problem is not None:
            raise ExpressionLimit(f"正文中{problem}")
        result: nodes.Node = super().generic_visit(node, *args, **kwargs)
        if isinstance(result, nodes.For):
            result.iter = _call(_LOOP, [result.iter], result.lineno)
        elif isinstance(result, nodes.Concat):
            return _call(_JOIN, result.nodes, result.lineno)
        return result


def _call(name: str, args: list[Any], lineno: int) -> nodes.Call:
    return nodes.Call(nodes.Name(name, "load"), args, [], None, None, lineno=lineno)


class NarrativeEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox for narrative text; see the module docstring for what it allows."""

    intercepted_binops = frozenset({"+", "*", "**", "%"})

    def __init__(self) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=False, optimized=False)
        self.globals = {"range": bounded_range}
        builtin = {name: self.filters[name] for name in _BUILTIN_FILTERS}
        self.filters = {**builtin, **FILTERS}
        self._compiled: dict[str, Template] = {}

    def compiled(self, source: str) -> Template:
        """``from_string``, remembered: the check and then the build evaluate every text of a
        report, and compiling costs more than evaluating. Each evaluation gets its own context
        and budget, so nothing but the compiled code is shared."""
        template = self._compiled.get(source)
        if template is None:
            if len(self._compiled) >= _COMPILED:
                self._compiled.clear()
            template = self._compiled[source] = self.from_string(source)
        return template

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        template = super()._parse(source, name, filename)
        guarded: nodes.Template = _Guard().visit(template)
        return guarded

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            exponent: Any = abs(right) if isinstance(right, (int, float, Decimal)) else None
            if exponent is None:
                raise ExpressionLimit("乘方的指数应是数字")
            if exponent > MAX_EXPONENT:
                raise ExpressionLimit(f"乘方的指数不能超过 {MAX_EXPONENT}")
            if _bits(left) * float(exponent) > MAX_DIGITS * 3.33:
                raise ExpressionLimit(f"运算结果超过 {MAX_DIGITS} 位数字")
        elif operator == "*":
            count, item = (right, left) if _length(left) is not None else (left, right)
            size = _length(item)
            if size is not None and isinstance(count, int) and size * count > MAX_TEXT:
                raise ExpressionLimit(f"重复后的文字超过 {MAX_TEXT} 个字符")
            if _bits(left) + _bits(right) > MAX_DIGITS * 3.33:
                raise ExpressionLimit(f"运算结果超过 {MAX_DIGITS} 位数字")
        elif operator == "%" and isinstance(left, str):
            raise ExpressionLimit("正文中不能用 % 格式化文字")
        elif operator == "+":
            sizes = (_length(left), _length(right))
            if None not in sizes and sum(s or 0 for s in sizes) > MAX_TEXT:
                raise ExpressionLimit(f"运算结果超过 {MAX_TEXT} 个字符")
        result = super().call_binop(context, operator, left, right)
        return _check_number(result)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        owner = getattr(__obj, "__self__", None)
        allowed = (
            isinstance(__obj, Undefined)  # calling it raises "… is undefined": a finding
            or __obj is bounded_range
            or (isinstance(owner, Budget) and getattr(__obj, "__name__", "") in ("loop", "join"))
            or (isinstance(owner, dict) and getattr(__obj, "__name__", "") in _DICT_METHODS)
        )
        if not allowed:
            name = getattr(__obj, "__name__", type(__obj).__name__)
            raise ExpressionLimit(f"正文表达式中只能使用数据、过滤器和运算符，不能调用“{name}”")
        return super().call(__context, __obj, *args, **kwargs)


@cache
def shared_environment() -> NarrativeEnvironment:
    """One environment per process, so that a text compiled by the check is not compiled again
    by the build."""
    return NarrativeEnvironment()


def render_bounded(env: NarrativeEnvironment, source: str, data: dict[str, Any]) -> str:
    """``source`` evaluated against ``data``, within the limits (else ExpressionLimit & co.)."""
    budget = Budget()
    if sum(1 for _ in spans(source, EXPRESSIONS)) > MAX_EXPRESSIONS:
        raise ExpressionLimit(f"一段正文中的表达式超过 {MAX_EXPRESSIONS} 个")
    template = env.compiled(source)
    limit = len(source) + MAX_TEXT
    pieces: list[str] = []
    size = 0
    for piece in template.generate({**data, **budget.names()}):
        size += len(piece)
        if size > limit:
            raise ExpressionLimit(f"求值结果超过 {limit} 个字符")
        budget.tick()
        pieces.append(piece)
    return "".join(pieces)
