"""HTML output: one self-contained page (inline CSS, no external assets), ``lang="zh-CN"``.

The page is ``report.html.j2`` rendered in the project's Jinja environment; ``.html.j2`` templates
autoescape, so text from the data is always text.
"""

from __future__ import annotations

from jinja2 import Environment

from .context import ReportView
from .templates import HTML


def render_html(view: ReportView, env: Environment) -> str:
    return env.get_template(HTML).render(view.context())
