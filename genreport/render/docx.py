"""Word output: the report view rendered into ``report.docx`` with docxtpl.

The template's tables are merged statically; docxtpl fills ``{{ n.<key> }}`` in their cells and runs
the ``{%p for %}`` loops over the narrative, in the project's one sandboxed, StrictUndefined Jinja
environment with XML escaping on, so ``<``, ``&`` and ``{{`` typed in the data print as typed.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import Template, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from ..templating import make_environment
from .context import ReportView
from .docx_package import normalize
from .templates import TemplateProblem


def docx_environment() -> SandboxedEnvironment:
    """The project's environment, XML-escaping, remembering the parts it has compiled.

    docxtpl compiles each part of the template (the whole body is one Jinja template of some
    hundred kilobytes) on every render; a build renders the same template for every report, so
    compiling once per process saves most of the time docxtpl spends per document.
    """
    env = make_environment()
    env.autoescape = True
    compile_part = env.from_string
    compiled: dict[str, Template] = {}

    def from_string(source: Any, *args: Any, **kwargs: Any) -> Template:
        if args or kwargs or not isinstance(source, str):
            return compile_part(source, *args, **kwargs)
        if source not in compiled:
            compiled[source] = compile_part(source)
        return compiled[source]

    env.from_string = from_string  # type: ignore[method-assign]
    return env


def render_docx(
    view: ReportView,
    template: Path | bytes,
    published: dt.date,
    env: SandboxedEnvironment | None = None,
) -> bytes:
    """The .docx bytes; the same view and template always give the same bytes.

    Pass the same ``env`` (``docx_environment()``) to render many reports quickly.
    """
    source = template.read_bytes() if isinstance(template, Path) else template
    document = DocxTemplate(io.BytesIO(source))
    try:
        document.render(view.context(), jinja_env=env or docx_environment(), autoescape=True)
    except TemplateError as exc:
        name = template.name if isinstance(template, Path) else "report.docx"
        raise TemplateProblem(f"Word 模板 {name} 无法套用：{exc.message or exc}") from exc
    props = document.docx.core_properties
    props.title = view.title
    props.author = view.agency
    props.last_modified_by = "genreport"
    props.revision = 1
    # Reproducible: the report's own date, never the time of the build.
    props.created = props.modified = dt.datetime(published.year, published.month, published.day)
    out = io.BytesIO()
    document.save(out)
    return normalize(out.getvalue())
