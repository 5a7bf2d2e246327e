"""The Jinja environment of the report templates (Word, HTML, Markdown): trusted files.

The templates are genreport's own and the workspace's ``templates/``, files the agency keeps in
git like its code, so they run in a plain environment, without the sandbox's check on every
attribute access (most of the time HTML and Markdown took). Text from the YAML never reaches them
as a template: narrative expressions are evaluated in ``sandbox.NarrativeEnvironment`` first and
the templates only print the resulting strings, and no filter here evaluates text.

StrictUndefined, because a misspelt name must become an error, never an empty string in a
published report.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    select_autoescape,
)

from .filters import FILTERS


def make_environment(
    template_dirs: list[Path] | None = None, bytecode_cache: BytecodeCache | None = None
) -> Environment:
    """HTML templates (``*.html``, ``*.html.j2``) autoescape; other outputs escape in their renderer.

    ``bytecode_cache`` keeps compiled templates between processes (``render.build_cache``).
    """
    env = Environment(
        loader=FileSystemLoader([str(d) for d in template_dirs]) if template_dirs else None,
        undefined=StrictUndefined,
        autoescape=select_autoescape(
            enabled_extensions=("html", "html.j2"), default_for_string=False
        ),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=bytecode_cache,
    )
    env.filters.update(FILTERS)
    return env
