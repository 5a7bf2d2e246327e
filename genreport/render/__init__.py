"""Render stage: a checked ``Report`` → the standard report as Word, HTML, Markdown (and PDF).

``context.py`` turns a report into the render-neutral view (``tables.py`` holds the one table
model all outputs share); ``docx.py``, ``html.py`` and ``markdown.py`` lay it out; ``pdf.py``
converts the Word file with LibreOffice. Pure: bytes in, bytes out; writing is ``build.py``'s job.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from jinja2.sandbox import SandboxedEnvironment

from ..model import Report
from ..templating import make_environment
from .context import ReportView, build_view
from .docx import render_docx
from .html import render_html
from .markdown import md_text, render_markdown
from .templates import DOCX, Templates, templates_for

#: Formats rendered in-process, in the order they are written.
TEXT_FORMATS = ("html", "md")
FORMATS = ("docx", "html", "md", "pdf")
DEFAULT_FORMATS = ("docx", "html", "md")


def environment(templates: Templates) -> SandboxedEnvironment:
    """The project's Jinja environment over the template folders, plus the Markdown filter."""
    env = make_environment(list(templates.dirs))
    env.filters["md"] = md_text
    return env


@dataclass
class Renderer:
    """Renders reports with one set of templates; reuse it for many reports (templates load once)."""

    templates: Templates

    def __post_init__(self) -> None:
        self.env = environment(self.templates)
        self._docx: bytes | None = None

    @property
    def docx_template(self) -> bytes:
        if self._docx is None:
            self._docx = self.templates.find(DOCX).read_bytes()
        return self._docx

    def render(self, report: Report, formats: tuple[str, ...]) -> dict[str, bytes]:
        """``{"docx": ..., "html": ..., "md": ...}`` for the formats asked (pdf is build's job)."""
        view = build_view(report)[0]
        return self.render_view(view, report.published, formats)

    def render_view(
        self, view: ReportView, published: dt.date, formats: tuple[str, ...]
    ) -> dict[str, bytes]:
        outputs: dict[str, bytes] = {}
        if "docx" in formats or "pdf" in formats:
            outputs["docx"] = render_docx(view, self.docx_template, published)
        if "html" in formats:
            outputs["html"] = render_html(view, self.env).encode("utf-8")
        if "md" in formats:
            outputs["md"] = render_markdown(view, self.env).encode("utf-8")
        return outputs


def renderer_for(workspace_templates: Path | None) -> Renderer:
    return Renderer(templates_for(workspace_templates))


__all__ = [
    "DEFAULT_FORMATS",
    "FORMATS",
    "Renderer",
    "ReportView",
    "build_view",
    "environment",
    "renderer_for",
]
