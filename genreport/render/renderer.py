"""Renders checked reports with one set of templates: Word, HTML and Markdown bytes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, TemplateError

from ..check.context import PreviousYear
from ..model import Report
from ..narrative import explain
from ..templating import make_environment
from .build_cache import BuildCache, TemplateBytecode
from .context import ReportView, build_view
from .docx import docx_environment, render_docx
from .docx_prepared import PreparedDocx, prepared
from .html import render_html
from .markdown import md_text, render_markdown
from .templates import DOCX, TemplateProblem, Templates, templates_for


def environment(templates: Templates, cache: BuildCache | None = None) -> Environment:
    """The project's Jinja environment over the template folders, plus the Markdown filter;
    compiled templates kept in ``cache``."""
    bytecode = None if cache is None else TemplateBytecode(cache, "templates")
    env = make_environment(list(templates.dirs), bytecode)
    env.filters["md"] = md_text
    return env


@dataclass
class Renderer:
    """Renders reports with one set of templates; reuse it for many reports (templates load once).

    With a ``cache`` folder, what preparing and compiling the templates makes is kept there for
    the next process (``build_cache``).
    """

    templates: Templates
    cache: Path | None = None

    def __post_init__(self) -> None:
        self._cache = None if self.cache is None else BuildCache(self.cache)
        self.env = environment(self.templates, self._cache)
        self.docx_env = docx_environment(self._cache)
        self._docx: PreparedDocx | None = None

    @property
    def docx_template(self) -> PreparedDocx:
        """The Word template, read and prepared on first use (HTML-only builds never do)."""
        if self._docx is None:
            self._docx = prepared(self.templates.find(DOCX).read_bytes(), self._cache)
        return self._docx

    def render(
        self,
        report: Report,
        formats: tuple[str, ...],
        previous: PreviousYear | None = None,
        draft: bool = False,
    ) -> dict[str, bytes]:
        """``{"docx": ..., "html": ..., "md": ...}`` for the formats asked (pdf is build's job);
        ``draft`` marks every format as a draft that must not be published."""
        view = build_view(report, previous)[0]
        if draft:
            view = dataclasses.replace(view, draft=True)
        return self.render_view(view, report.published, formats)

    def render_view(
        self, view: ReportView, published: dt.date, formats: tuple[str, ...]
    ) -> dict[str, bytes]:
        outputs: dict[str, bytes] = {}
        if "docx" in formats or "pdf" in formats:
            outputs["docx"] = render_docx(view, self.docx_template, published, self.docx_env)
        try:
            if "html" in formats:
                outputs["html"] = render_html(view, self.env).encode("utf-8")
            if "md" in formats:
                outputs["md"] = render_markdown(view, self.env).encode("utf-8")
        except TemplateError as exc:
            raise TemplateProblem(_where(exc, self.templates)) from exc
        return outputs


def _where(exc: TemplateError, templates: Templates) -> str:
    """Which template and line failed: syntax errors carry it, runtime errors are in the traceback
    (Jinja rewrites it so that frames point at template lines)."""
    file = getattr(exc, "filename", None)
    line = getattr(exc, "lineno", None)
    folders = tuple(str(d) for d in templates.dirs)
    tb = exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.startswith(folders):
            file, line = name, tb.tb_lineno
        tb = tb.tb_next
    at = f"{file}:{line}: " if file and line else (f"{file}: " if file else "")
    return f"{at}模板无法套用：{explain(exc)}"


def renderer_for(workspace_templates: Path | None) -> Renderer:
    return Renderer(templates_for(workspace_templates))
