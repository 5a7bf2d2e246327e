"""Word output: the report view rendered into ``report.docx`` with docxtpl.

The template's tables are merged statically; docxtpl fills ``{{ n.<key> }}`` in their cells and runs
the ``{%p for %}`` loops over the narrative, in the project's one sandboxed, StrictUndefined Jinja
environment with XML escaping on, so ``<``, ``&`` and ``{{`` typed in the data print as typed.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import TemplateError

from ..templating import make_environment
from .context import ReportView
from .docx_package import normalize
from .templates import TemplateProblem


def render_docx(view: ReportView, template: Path | bytes, published: dt.date) -> bytes:
    """The .docx bytes; the same view and template always give the same bytes."""
    source = template.read_bytes() if isinstance(template, Path) else template
    document = DocxTemplate(io.BytesIO(source))
    try:
        document.render(view.context(), jinja_env=make_environment(), autoescape=True)
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
