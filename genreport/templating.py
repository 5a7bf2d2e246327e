"""The one Jinja environment factory: narrative, HTML, Markdown and docxtpl all use it.

Sandboxed, because narrative text is user input evaluated as a template; StrictUndefined, because a
misspelt name must become a finding, never an empty string in a published report.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined, select_autoescape
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .filters import FILTERS


def make_environment(template_dirs: list[Path] | None = None) -> ImmutableSandboxedEnvironment:
    """HTML templates (``*.html``, ``*.html.j2``) autoescape; other outputs escape in their renderer."""
    env = ImmutableSandboxedEnvironment(
        loader=FileSystemLoader([str(d) for d in template_dirs]) if template_dirs else None,
        undefined=StrictUndefined,
        autoescape=select_autoescape(
            enabled_extensions=("html", "html.j2"), default_for_string=False
        ),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    return env
