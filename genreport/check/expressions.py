"""J1: every Jinja expression in the narrative evaluates (a typo must not reach the build).

Most narrative expressions are a plain path into the data (``{{ 依申请公开.本年新收.总计 }}``).
A text whose expressions are all such paths, each naming a value the data has, cannot fail, so J1
looks them up instead of compiling the text as a template (which took most of ``check``'s time
for a file); any other text is evaluated in the sandbox, which finds and words the failures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..expression_limits import MAX_EXPRESSIONS, MAX_TEXT
from ..findings import Finding
from ..model import Report, Text
from ..narrative import NarrativeEvaluator
from .context import PreviousYear

#: ``{{ 键.键 }}``: names of non-ASCII word characters (no Jinja keyword, constant or number
#: looks like one), joined by dots, with nothing else inside the braces.
_PATH = re.compile(r"\{\{ *([^\W\d]\w*(?:\.[^\W\d]\w*)*) *\}\}")


def _shown(context: dict[str, Any], path: str) -> str | None:
    """What ``{{ path }}`` prints, if every name is a key of the data (a dict) at its step."""
    value: Any = context
    for name in path.split("."):
        if name.isascii() or not name.isidentifier() or not isinstance(value, dict):
            return None
        if name not in value:
            return None
        value = value[name]
    return str(value)


def plainly_evaluates(value: str, context: dict[str, Any]) -> bool:
    """Whether every expression in ``value`` is a path to a value in ``context``, and the text
    they print stays within the sandbox's output limit.

    Conservative: anything else (statements, comments, filters, operators, a name the data
    lacks, too many expressions) is left to the sandbox.
    """
    if "{%" in value or "{#" in value:
        return False
    matches = list(_PATH.finditer(value))
    if not (len(matches) == value.count("{{") == value.count("}}") <= MAX_EXPRESSIONS):
        return False
    size = len(value)
    for match in matches:
        shown = _shown(context, match.group(1))
        if shown is None:
            return False
        size += len(shown) - len(match.group())
    return size <= len(value) + MAX_TEXT


class _Checker(NarrativeEvaluator):
    """Evaluates only what can fail: J1 keeps the findings, not the text."""

    def text(self, text: Text, where: str) -> str:
        if plainly_evaluates(text.value, self.context):
            return text.value
        return super().text(text, where)


def j1_expressions(report: Report, previous: PreviousYear | None) -> Iterator[Finding]:
    evaluator = _Checker(report, previous=previous)
    evaluator.report_texts()
    yield from evaluator.findings
