"""Markdown output: readable as plain text and in a diff, rendered well by git hosts.

Headings and paragraphs are Markdown; the three tables are HTML tables (pipe tables cannot merge
cells) from the same macros as the HTML page. Text from the data is escaped for Markdown and for
the HTML that Markdown lets through, so ``*``, ``<`` or ``&`` typed by a user print as typed.
"""

from __future__ import annotations

import re

from jinja2 import Environment
from markupsafe import Markup

from .context import ReportView
from .templates import MARKDOWN

_INLINE = re.compile(r"([\\`*_\[\]|~])")
#: What would start a block at the beginning of a paragraph: heading, list, quote, rule, fence.
_BLOCK_START = re.compile(r"^(#|[-+=>])")
_ORDERED_LIST = re.compile(r"^(\d+)([.)])(?=\s|$)")


#: ``<`` and ``&`` only need escaping where a renderer would read a tag or an entity; elsewhere
#: they stay as typed so the plain text reads well.
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")


def md_text(value: object) -> Markup:
    """A paragraph of plain text as Markdown that renders back to the same text."""
    text = _ENTITY.sub("&amp;", str(value))
    text = _TAG_START.sub("&lt;", text)
    text = _INLINE.sub(r"\\\1", text)
    if _BLOCK_START.match(text):
        text = "\\" + text
    text = _ORDERED_LIST.sub(r"\1\\\2", text)
    return Markup(text)


def render_markdown(view: ReportView, env: Environment) -> str:
    return env.get_template(MARKDOWN).render(view.context())
