"""A diff as one self-contained, printable web page: both years side by side.

No external files (styles inline), ``lang="zh-CN"``, A4 landscape when printed. Every text comes
from user data and is escaped.
"""

from __future__ import annotations

from html import escape

from .compare import ReportDiff, SectionChange, sentences

_STYLE = """
body { font-family: "Noto Serif CJK SC", "SimSun", serif; margin: 2em auto; max-width: 72em;
       line-height: 1.6; color: #222; }
h1 { font-size: 1.5em; text-align: center; } h2 { font-size: 1.2em; margin-top: 1.6em; }
h3 { font-size: 1.05em; margin: 1.2em 0 .4em; }
table { border-collapse: collapse; width: 100%; margin: .5em 0; }
th, td { border: 1px solid #999; padding: .25em .5em; vertical-align: top; }
th { background: #f0f0f0; } td.n { text-align: right; white-space: nowrap; }
td.year { width: 50%; } td.year p { margin: 0 0 .5em; text-indent: 2em; }
ins { background: #d9f2d9; text-decoration: none; } del { background: #f9d6d6; }
.meta { color: #555; text-align: center; } .none { color: #555; }
.wrap { overflow-x: auto; }
@media print { @page { size: A4 landscape; margin: 15mm; } body { margin: 0; max-width: none; }
  h2, h3 { break-after: avoid; } tr { break-inside: avoid; } }
"""


def _marked(paragraph: str, marked: set[str], tag: str) -> str:
    """A paragraph with the sentences in ``marked`` wrapped in <ins> or <del>."""
    parts = []
    for sentence in sentences([paragraph]):
        text = escape(sentence)
        parts.append(f"<{tag}>{text}</{tag}>" if sentence in marked else text)
    return "".join(parts)


def _section(section: SectionChange, base_year: int, year: int) -> str:
    overlap = "—" if section.overlap is None else f"{round(section.overlap * 100)}%"
    head = (
        f"<h3>{escape(section.where)}</h3><p>与上一年度重合 {overlap}；"
        f"新增 {len(section.added)} 句，删去 {len(section.removed)} 句</p>"
    )
    before = "".join(f"<p>{_marked(p, set(section.removed), 'del')}</p>" for p in section.before)
    after = "".join(f"<p>{_marked(p, set(section.added), 'ins')}</p>" for p in section.after)
    empty = '<p class="none">（无）</p>'
    return (
        head
        + f'<table><tr><th>{base_year} 年</th><th>{year} 年</th></tr><tr><td class="year">'
        + (before or empty)
        + '</td><td class="year">'
        + (after or empty)
        + "</td></tr></table>"
    )


def render_html(diff: ReportDiff) -> str:
    title = f"{diff.agency}政府信息公开工作年度报告 {diff.base_year}—{diff.year} 年对照"
    rows = "".join(
        f"<tr><td>{escape(c.table)}</td><td>{escape(c.label)}</td><td class=n>{escape(c.before)}</td>"
        f"<td class=n>{escape(c.after)}</td><td class=n>{escape(c.delta)}</td>"
        f"<td class=n>{escape(c.change)}</td></tr>"
        for c in diff.cells
    )
    cells = (
        f'<div class="wrap"><table><tr><th>表格</th><th>单元格</th><th>{diff.base_year} 年</th>'
        f"<th>{diff.year} 年</th><th>增减</th><th>同比</th></tr>{rows}</table></div>"
        if diff.cells
        else '<p class="none">表格数字与上一年度完全相同。</p>'
    )
    changed = [s for s in diff.sections if s.changed]
    narrative = "".join(_section(s, diff.base_year, diff.year) for s in changed) or (
        '<p class="none">正文与上一年度相同。</p>'
    )
    same = [s.where for s in diff.sections if not s.changed]
    unchanged = f'<p class="none">未改动的部分：{escape("、".join(same))}</p>' if same else ""
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{escape(title)}</h1>\n"
        f'<p class="meta">{escape(diff.base_file)} → {escape(diff.file)}</p>\n'
        f"<h2>一、表格（{len(diff.cells)} 个单元格有变化）</h2>\n{cells}\n"
        f"<h2>二、正文（{len(changed)} 个部分有改动）</h2>\n{narrative}\n{unchanged}\n"
        "</body>\n</html>\n"
    )
