"""Word and HTML reports: the project's own renderings round-trip, and odd hand-made layouts
(merged cells, split tables, line breaks inside cells, blank cells) import by their labels."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from importer_helpers import (
    NARRATIVE,
    Imported,
    printed_cells,
    run_import,
    t2_rows,
    t3_header,
    t3_rows,
    t4_rows,
)

from genreport.layout import RESULTS_LABEL, T3_GROUPS, T3_ROWS
from genreport.model import Report
from genreport.render import DEFAULT_FORMATS, renderer_for
from genreport.render.cjk_spacing import tighten


@pytest.fixture(scope="module")
def rendered(reference: Report) -> dict[str, bytes]:
    return renderer_for(None).render(reference, DEFAULT_FORMATS)


@pytest.mark.parametrize("fmt", DEFAULT_FORMATS)
def test_build_then_import_reproduces_every_cell(
    rendered: dict[str, bytes], reference: Report, tmp_path: Path, monkeypatch, fmt: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path(f"shiliju.{fmt}").write_bytes(rendered[fmt])
    result = run_import(Path(f"shiliju.{fmt}"), Path("inputs"))
    assert result.messages == []
    report = result.report
    assert report is not None
    assert printed_cells(report) == printed_cells(reference)
    assert (report.agency, report.year, report.published) == (
        reference.agency,
        reference.year,
        reference.published,
    )
    assert report.info_fee_yuan == reference.info_fee_yuan
    assert [p.key for p in report.overview.parts] == [p.key for p in reference.overview.parts]
    assert [p.key for p in report.problems.parts] == [p.key for p in reference.problems.parts]
    for mine, theirs in zip(report.overview.parts, reference.overview.parts, strict=True):
        # printed as official text sets it: no space between Chinese and numbers
        assert mine.text.value.strip() == tighten(theirs.text.value.strip())


# --- a hand-made Word file ------------------------------------------------------------------------


def _word_table(document: docx.document.Document, rows: list[list[str]], merges=()) -> None:
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for r1, c1, r2, c2 in merges:
        keep = table.cell(r1, c1).text
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                table.cell(r, c).text = ""
        merged = table.cell(r1, c1).merge(table.cell(r2, c2))
        merged.text = keep


def _odd_word_report(reference: Report) -> bytes:
    """T3 in two tables (header repeated), labels merged down their rows, a label broken inside
    its cell, a Kangxi 行 in T2, and the 自然人 cell of （二）部分公开 left blank."""
    document = docx.Document()
    document.add_heading("示例市数据管理局2023年政府信息公开工作年度报告", level=0)
    document.add_paragraph("一、总体情况")
    for line in NARRATIVE["一"]:
        document.add_paragraph(line)
    document.add_paragraph("二、主动公开政府信息情况")
    t2 = t2_rows(reference)
    t2 = [[c.replace("行政许可", "\u2f8f政许可") for c in r] for r in t2]
    _word_table(document, t2, merges=[(0, 0, 0, 3), (4, 0, 4, 3), (5, 1, 5, 3), (6, 1, 6, 3)])
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    header = t3_header()
    rows = t3_rows(reference, repeat_merged=False)
    rows[1][0] = "二、上年结转政府信息公开\n申请数量"
    partly = next(i for i, r in enumerate(rows) if r[1].startswith("（二）部分公开"))
    rows[partly][3] = ""
    cut = next(i for i, r in enumerate(rows) if r[1] == "（四）无法提供")
    first, second = [*header, *rows[:cut]], [*header, *rows[cut:]]
    merges = [(0, 0, 2, 2), (0, 3, 0, 9), (1, 3, 2, 3), (1, 4, 1, 8), (1, 9, 2, 9)]
    _word_table(
        document,
        first,
        merges=[*merges, (3, 0, 3, 2), (4, 0, 4, 2), (5, 0, cut + 2, 0), (7, 1, cut + 2, 1)],
    )
    document.add_paragraph("- 5 -")
    _word_table(document, second, merges=[*merges, (3, 1, 5, 1), (6, 1, 10, 1), (11, 1, 13, 1)])
    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    _word_table(
        document,
        t4_rows(reference),
        merges=[(0, 0, 0, 4), (0, 5, 0, 14), (1, 5, 1, 9), (1, 10, 1, 14)],
    )
    document.add_paragraph("五、存在的主要问题及改进情况")
    document.add_paragraph(NARRATIVE["五"][0])
    document.add_paragraph("六、其他需要报告的事项")
    document.add_paragraph(NARRATIVE["六"][0])
    document.add_paragraph("示例市数据管理局")
    document.add_paragraph("2024年1月18日")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_hand_made_word_file_with_merged_cells(importer, reference: Report) -> None:
    result: Imported = importer("odd.docx", _odd_word_report(reference))
    assert result.messages == [
        "odd.docx: 警告 I4 第 2 个表格第 7 行第 4 列：表三「（二）部分公开（区分处理的，只计这一情形，"
        "不计其他情形）」的「自然人」列为空白，按 0 导入"
    ]
    cells = printed_cells(reference)
    row = cells["T3 办理结果.部分公开"]
    cells["T3 办理结果.部分公开"] = (0, *row[1:])
    assert printed_cells(result.report) == cells
    [finding] = result.outcome.findings
    assert (
        finding.cell
        == "表三第4行「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」·「自然人」列"
    )


# --- a hand-made web page -------------------------------------------------------------------------


def _odd_html(reference: Report) -> str:
    """Group labels printed once with rowspan, a <br> inside a label, &nbsp; for a blank, the
    T4 header with colspans, and the T3 header's spans the way web editors write them."""

    def cells(values: tuple[int, ...]) -> str:
        return "".join(f"<td>{v}</td>" for v in values)

    t3 = reference.t3
    body = [
        '<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，'
        '等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>',
        '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
        "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>",
        f'<tr><td colspan="3">一、本年新收<br>政府信息公开申请数量</td>{cells(t3.shown_row(("本年新收",)))}</tr>',
        f'<tr><td colspan="3">二、上年结转政府信息公开申请数量</td>{cells(t3.shown_row(("上年结转",)))}</tr>',
    ]
    results = [r for r in T3_ROWS if r.key[0] == "办理结果"]
    body.append(
        f'<tr><td rowspan="{len(results)}">{RESULTS_LABEL}</td><td colspan="2">{results[0].label}</td>'
        f"{cells(t3.shown_row(results[0].key))}</tr>"
    )
    for row in results[1:]:
        values = t3.shown_row(row.key)
        if row.group is None:
            body.append(f'<tr><td colspan="2">{row.label}</td>{cells(values)}</tr>')
            continue
        subs = T3_GROUPS[row.group][1]
        head = f'<td rowspan="{len(subs)}">{row.group_label}</td>' if row.name == subs[0][0] else ""
        shown = cells(values)
        if row.name == "重复申请":
            shown = shown.replace("<td>1</td>", "<td>&nbsp;</td>", 1)
        body.append(f"<tr>{head}<td>{row.label}</td>{shown}</tr>")
    body.append(
        f'<tr><td colspan="3">四、结转下年度继续办理</td>{cells(t3.shown_row(("结转下年度",)))}</tr>'
    )
    t4 = reference.t4
    numbers = "".join(cells((*t4.blocks[b].values, t4.blocks[b].shown_total)) for b in t4.blocks)
    outcomes = "".join(
        f"<td>{c}</td>" for c in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    )
    t2 = "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in r if c) + "</tr>" for r in t2_rows(reference)
    )
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>年报</title></head><body>
<h1>示例市数据管理局2023年政府信息公开工作年度报告</h1>
<p>一、总体情况</p>{"".join(f"<p>{x}</p>" for x in NARRATIVE["一"])}
<p><strong>二、主动公开政府信息情况</strong></p><table border="1">{t2}</table>
<p><strong>三、收到和处理政府信息公开申请情况</strong></p><table border="1">{"".join(body)}</table>
<p><strong>四、政府信息公开行政复议、行政诉讼情况</strong></p>
<table border="1"><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr>{outcomes.replace("<td>", '<td rowspan="2">')}<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr>{outcomes}{outcomes}</tr><tr>{numbers}</tr></table>
<p>五、存在的主要问题及改进情况</p><p>{NARRATIVE["五"][0]}</p>
<p>六、其他需要报告的事项</p><p>{NARRATIVE["六"][0]}</p>
<p style="text-align:right">示例市数据管理局<br>2024年1月18日</p></body></html>"""


def test_hand_made_web_page_with_row_and_column_spans(importer, reference: Report) -> None:
    result = importer("odd.html", _odd_html(reference))
    assert result.messages == [
        "odd.html: 警告 I4 第 2 个表格第 20 行第 4 列：表三「（五）不予处理2.重复申请」的「自然人」列"
        "为空白，按 0 导入"
    ]
    cells = printed_cells(reference)
    cells["T3 办理结果.不予处理.重复申请"] = (0, 0, 0, 0, 0, 0, 1)
    assert printed_cells(result.report) == cells
    assert result.report.published.isoformat() == "2024-01-18"
