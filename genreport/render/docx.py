"""Word output: the report view rendered into ``report.docx`` with docxtpl.

The template's tables are merged statically; docxtpl fills ``{{ n.<key> }}`` in their cells and runs
the ``{%p for %}`` loops over the narrative, in the templates' StrictUndefined Jinja environment
(``templating``) with XML escaping on, so ``<``, ``&`` and ``{{`` typed in the data print as typed.
The template is prepared once per process (``docx_prepared``); each report only renders its parts.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment, Template, TemplateError

from ..templating import make_environment
from .build_cache import BuildCache, TemplateBytecode, compiled_from_string
from .cell_fit import TWIPS_PER_HALF_POINT
from .context import ReportView
from .docx_package import APP_PART, app_xml
from .docx_prepared import PreparedDocx
from .docx_template import BODY_SIZE
from .docx_xml import EMU_PER_TWIP, NSMAP, get_or_add_ppr, measure, qn
from .signature import RIGHT_SPACE, SignatureLayout
from .templates import TemplateProblem


def docx_environment(cache: BuildCache | None = None) -> Environment:
    """The project's environment, XML-escaping, remembering the parts it has compiled.

    docxtpl compiles each part of the template (the whole body is one Jinja template of some
    hundred kilobytes) on every render; a build renders the same template for every report, so
    compiling once per process saves most of the time docxtpl spends per document, and ``cache``
    keeps the compiled parts for the next process.
    """
    env = make_environment(
        bytecode_cache=None if cache is None else TemplateBytecode(cache, "docx")
    )
    env.autoescape = True
    compile_part = env.from_string
    compiled: dict[str, Template] = {}

    def from_string(source: Any, *args: Any, **kwargs: Any) -> Template:
        if args or kwargs or not isinstance(source, str):
            return compile_part(source, *args, **kwargs)
        if source not in compiled:
            compiled[source] = compiled_from_string(env, source)
        return compiled[source]

    env.from_string = from_string  # type: ignore[method-assign]
    return env


def render_docx(
    view: ReportView,
    template: Path | bytes | PreparedDocx,
    published: dt.date,
    env: Environment | None = None,
) -> bytes:
    """The .docx bytes; the same view and template always give the same bytes.

    Pass the same ``PreparedDocx`` and ``env`` (``docx_environment()``) to render many reports
    quickly.
    """
    if isinstance(template, PreparedDocx):
        prepared = template
    else:
        prepared = PreparedDocx(template.read_bytes() if isinstance(template, Path) else template)
    layout = SignatureLayout.of(view.agency, view.date)
    when = document_time(published, os.environ)
    try:
        return prepared.render(
            view.context(),
            env or docx_environment(),
            finish=lambda root: place_signature(root, layout),
            properties=lambda props: set_properties(props, view, when),
            replace={APP_PART: app_xml(view.agency)},
        )
    except TemplateError as exc:
        name = template.name if isinstance(template, Path) else "report.docx"
        raise TemplateProblem(f"Word 模板 {name} 无法套用：{exc.message or exc}") from exc


def document_time(published: dt.date, environ: Mapping[str, str]) -> dt.datetime:
    """Created and modified: ``SOURCE_DATE_EPOCH`` when set (reproducible-builds.org), else the
    report's 发布日期; never the time of the build, so the same inputs give the same bytes."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).replace(tzinfo=None)
    return dt.datetime(published.year, published.month, published.day)


def set_properties(props: Any, view: ReportView, when: dt.datetime) -> None:
    """File → 属性 shows the report, not the template: title, the agency as author, no comment."""
    props.title = view.title
    props.subject = "政府信息公开工作年度报告"
    props.author = view.agency
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.last_modified_by = view.agency
    props.revision = 1
    props.created = props.modified = when


#: Candidates only (lxml's search is fast, python-docx's per-paragraph properties are not); the
#: loop checks each the way python-docx reads a paragraph's style.
_STYLED = "./w:body//w:p[w:pPr/w:pStyle/@w:val = 'Signature' or w:pPr/w:pStyle/@w:val = 'Date']"


def place_signature(root: Any, layout: SignatureLayout) -> None:
    """The 署名 (style Signature) right-aligned ``name_right`` characters in; the 成文日期 (style
    Date) left-aligned where ``date_start`` says, so its first character sits two characters right
    of the name's whatever font prints its digits. Indents in twips and, for the name, also in
    characters (``w:rightChars``, hundredths)."""
    text_width = _text_width(root)
    char = BODY_SIZE * TWIPS_PER_HALF_POINT
    for paragraph in root.xpath(_STYLED, namespaces=NSMAP):
        props = paragraph.find(qn("w:pPr"))
        style_element = None if props is None else props.find(qn("w:pStyle"))
        style = None if style_element is None else style_element.get(qn("w:val"))
        if style not in ("Signature", "Date"):
            continue
        indent = get_or_add_ppr(props, "w:ind")
        indent.attrib.clear()
        indent.set(qn("w:firstLineChars"), "0")
        indent.set(qn("w:firstLine"), "0")
        if style == "Signature":
            indent.set(qn("w:rightChars"), str(round(layout.name_right * 100)))
            indent.set(qn("w:right"), str(round(layout.name_right * char)))
            align = "right"
        else:
            indent.set(qn("w:left"), str(round(text_width - layout.date_start * char)))
            # Room up to the page margin rather than the text block's edge: a substitute Latin
            # font's wider digits then never wrap the date (with the right fonts it ends inside).
            indent.set(qn("w:rightChars"), str(round(-RIGHT_SPACE * 100)))
            indent.set(qn("w:right"), str(round(-RIGHT_SPACE * char)))
            align = "left"
        get_or_add_ppr(props, "w:jc").set(qn("w:val"), align)


_SECTIONS = "./w:body/w:p/w:pPr/w:sectPr | ./w:body/w:sectPr"


def _text_width(root: Any) -> int:
    """The first section's page width less its left and right margins, in twips."""
    section = root.xpath(_SECTIONS, namespaces=NSMAP)[0]  # python-docx's Document.sections[0]
    size, margins = section.find(qn("w:pgSz")), section.find(qn("w:pgMar"))
    width = measure(None if size is None else size.get(qn("w:w")))
    left, right = (
        measure(None if margins is None else margins.get(qn(side)), signed=True)
        for side in ("w:left", "w:right")
    )
    if width is None or left is None or right is None:
        raise TemplateProblem(
            "Word 模板 report.docx 的页面设置缺少纸张宽度或左右页边距，无法排署名和日期"
        )
    return (width - left - right) // EMU_PER_TWIP
