"""build/YEAR/status.html: one self-contained page (inline CSS and script, nothing fetched).

Sortable by any column (a small inline script; each cell carries its sort key), readable on a
phone (the table scrolls sideways, the agency column stays in view), missing reports in red, and
every error and warning count links to the findings as ``file:line:col`` text.
"""

from __future__ import annotations

from html import escape

from ..figures import FIGURE_LABELS, RATE_LABELS, Figures
from ..findings import Finding, Severity
from .board import Board, Row

_STYLE = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1rem;color:#222;line-height:1.5}
h1{font-size:1.3rem}h2{font-size:1.1rem;margin-top:1.5rem}
.wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;font-size:.9rem;white-space:nowrap}
th,td{border:1px solid #bbb;padding:.25rem .5rem}td.n{text-align:right}
th{background:#eef;vertical-align:bottom}th button{all:unset;cursor:pointer;font-weight:bold}
th small{display:block;font-weight:normal;color:#555;white-space:normal;min-width:8em}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
tbody th{position:sticky;left:0;background:#fff;text-align:left}
tr.missing td,tr.missing th{background:#fde8e8;color:#b00020}
.late{color:#b00020}.bad{color:#b00020;font-weight:bold}
li code{background:#f4f4f4}li small{display:block;color:#555}
@media (max-width:600px){body{margin:.5rem}table{font-size:.8rem}}
""".strip()

_SCRIPT = """
(function () {
  var table = document.getElementById('board');
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, i) {
    th.querySelector('button').addEventListener('click', function () {
      var asc = th.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var numeric = th.getAttribute('data-type') === 'number';
      rows.sort(function (a, b) {
        var x = a.cells[i].getAttribute('data-sort'), y = b.cells[i].getAttribute('data-sort');
        if (x === '' || y === '') { return (x === '') - (y === ''); }
        var c = numeric ? Number(x) - Number(y) : x.localeCompare(y, 'zh-CN');
        return asc ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
})();
""".strip()


def _cell(text: str, sort: str | int, *, numeric: bool = False, extra: str = "") -> str:
    cls = ' class="n"' if numeric else ""
    return f'<td{cls} data-sort="{escape(str(sort))}"{extra}>{text}</td>'


def _columns() -> list[tuple[str, str, str]]:
    """(label, explanation shown under it, sort type)."""
    columns = [
        ("简称", "", "text"),
        ("状态", "", "text"),
        ("发布日期", "期限：部门 1月31日，人民政府 3月31日", "text"),
        ("逾期天数", "R22", "number"),
        ("错误", "", "number"),
        ("警告", "", "number"),
    ]
    columns += [(label, "", "number") for label in FIGURE_LABELS.values()]
    columns += [(label, formula, "number") for label, formula in RATE_LABELS.values()]
    return columns


def _head() -> str:
    cells = ['<th scope="col" data-type="text"><button type="button">机关</button></th>']
    for label, note, kind in _columns():
        small = f"<small>{escape(note)}</small>" if note else ""
        cells.append(
            f'<th scope="col" data-type="{kind}"><button type="button">{escape(label)}</button>'
            f"{small}</th>"
        )
    return "<thead><tr>" + "".join(cells) + "</tr></thead>"


def _count_link(row: Row, count: int, kind: str) -> str:
    if not count:
        return _cell("0", 0, numeric=True)
    link = f'<a href="#f-{escape(row.slug)}-{kind}" class="bad">{count}</a>'
    return _cell(link, count, numeric=True)


def _figure_cells(figs: Figures | None) -> list[str]:
    if figs is None:
        blanks = len(FIGURE_LABELS) + len(RATE_LABELS)
        return [_cell("—", "", numeric=True)] * blanks
    cells = [_cell(str(v), v, numeric=True) for v in figs.counts().values()]
    for rate in figs.rates().values():
        title = f' title="{rate.numerator} ÷ {rate.denominator}"'
        sort = "" if rate.value is None else str(rate.value)
        cells.append(_cell(escape(rate.percent()), sort, numeric=True, extra=title))
    return cells


def _row(row: Row) -> str:
    name = escape(row.agency or row.slug)
    if not row.present:
        by = "、".join(row.listed_by)
        status = f"缺报（{escape(by)} 汇总）"
    else:
        status = f"已报（汇总 {len(row.units)} 个单位）" if row.units else "已报"
    late = row.late_days
    late_text = "—" if late is None else (f'<span class="late">{late}</span>' if late else "0")
    published = row.published.isoformat() if row.published else ""
    cells = [
        f'<th scope="row" data-sort="{escape(row.agency or row.slug)}">{name}</th>',
        _cell(escape(row.slug), row.slug),
        _cell(status, "1" if row.present else "0"),
        _cell(published or "—", published),
        _cell(late_text, "" if late is None else late, numeric=True),
        _count_link(row, row.errors, "e"),
        _count_link(row, row.warnings, "w"),
        *_figure_cells(row.figures),
    ]
    cls = ' class="missing"' if not row.present else ""
    return f"<tr{cls}>" + "".join(cells) + "</tr>"


def _finding(f: Finding) -> str:
    cell = f"<small>表格位置：{escape(f.cell)}</small>" if f.cell else ""
    return (
        f"<li><code>{escape(f.location())}</code> {escape(f.severity.value)} {escape(f.rule)} "
        f"{escape(f.message)}{cell}</li>"
    )


def _findings(row: Row) -> str:
    parts = []
    for severity, kind in ((Severity.ERROR, "e"), (Severity.WARNING, "w")):
        found = [f for f in row.findings if f.severity is severity]
        if found:
            parts.append(
                f'<h3 id="f-{escape(row.slug)}-{kind}">{escape(severity.value)}（{len(found)}）</h3>'
                "<ol>" + "".join(_finding(f) for f in found) + "</ol>"
            )
    if not parts:
        return ""
    title = f"{escape(row.agency or row.slug)}（{escape(row.file)}）"
    return f"<section><h2>{title}</h2>{''.join(parts)}</section>"


def board_html(board: Board) -> str:
    rows = board.rows
    present = [r for r in rows if r.present]
    summary = (
        f"共 {len(rows)} 个机关：已报 {len(present)} 个，缺报 {len(board.missing)} 个，"
        f"有错误 {sum(1 for r in rows if r.errors)} 个，"
        f"逾期发布 {sum(1 for r in rows if r.late_days)} 个。点击列名排序。"
    )
    formulas = "".join(
        f"<li>{escape(label)} = {escape(formula)}；分母为 0 时显示“—”</li>"
        for label, formula in RATE_LABELS.values()
    )
    title = f"{board.year} 年度政府信息公开工作年度报告报送情况"
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>\n{_STYLE}\n</style>\n</head>\n<body>\n"
        f"<h1>{escape(title)}</h1>\n<p>{escape(summary)}</p>\n"
        f'<div class="wrap"><table id="board">{_head()}\n<tbody>\n'
        + "\n".join(_row(r) for r in rows)
        + f"\n</tbody></table></div>\n<ul>{formulas}</ul>\n"
        + "".join(_findings(r) for r in rows)
        + f"\n<script>\n{_SCRIPT}\n</script>\n</body>\n</html>\n"
    )
