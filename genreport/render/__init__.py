"""Render stage: a checked ``Report`` → the standard report as Word, HTML, Markdown (and PDF).

``context.py`` turns a report into the render-neutral view (``tables.py`` holds the one table
model all outputs share); ``docx.py``, ``html.py`` and ``markdown.py`` lay it out; ``pdf.py``
converts the Word file with LibreOffice. Pure: bytes in, bytes out; writing is ``build.py``'s job.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .context import ReportView, build_view
    from .renderer import Renderer, environment, renderer_for

#: Every output format, in the order they are written.
FORMATS = ("docx", "html", "md", "pdf")
DEFAULT_FORMATS = ("docx", "html", "md")

#: Names importable from here; their modules (docxtpl, lxml, Jinja) load on first use, so that
#: importing a light submodule such as ``render.tables`` or ``render.pdf`` stays light.
_LAZY = {
    "ReportView": "context",
    "build_view": "context",
    "Renderer": "renderer",
    "environment": "renderer",
    "renderer_for": "renderer",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module  # noqa: PLC0415

    return getattr(import_module(f".{_LAZY[name]}", __name__), name)


__all__ = [
    "DEFAULT_FORMATS",
    "FORMATS",
    "Renderer",
    "ReportView",
    "build_view",
    "environment",
    "renderer_for",
]
