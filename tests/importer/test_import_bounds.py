"""Hostile files: each limit of ``genreport.importer.limits`` stops its file with a clear message
before the work it bounds (zip bombs, spans, pages, glyphs, pandoc's memory and time)."""

from __future__ import annotations

import io
import json
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from importer_helpers import printed_cells

from genreport.bounded import MIB, ProgramError, run_bounded
from genreport.importer import limits
from genreport.importer.read_pandoc import read_pandoc_json
from genreport.model import Report
from genreport.render import renderer_for

HOSTILE = "，远超任何一份年度报告，可能是损坏或恶意构造的文件；未导入"


@pytest.fixture(scope="module")
def docx(reference: Report) -> bytes:
    return renderer_for(None).render(reference, ("docx",))["docx"]


def _replace_part(docx: bytes, name: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(docx)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item.filename, data if item.filename == name else source.read(item))
    return out.getvalue()


def test_docx_zip_bomb_is_refused_before_unpacking(docx: bytes, importer) -> None:
    xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml")
    padded = xml.replace(b"<w:body>", b"<w:body>" + b" " * (40 * MIB))
    bomb = _replace_part(docx, "word/document.xml", padded)
    assert len(bomb) < MIB
    result = importer("bomb.docx", bomb)
    size = len(padded) // MIB
    assert result.messages == [
        f"bomb.docx: 错误 I1 其中的 word/document.xml 解压后有 {size} MiB（上限 32 MiB）{HOSTILE}"
    ]


def test_zip_with_many_parts_is_refused(importer) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for n in range(limits.MAX_ENTRIES + 1):
            archive.writestr(f"p{n}", b"")
    result = importer("many.docx", out.getvalue())
    assert result.messages == [f"many.docx: 错误 I1 压缩包中有 5001 个文件（上限 5000）{HOSTILE}"]


def test_pandoc_heap_limit_stops_pandoc(
    docx: bytes, importer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("genreport.importer.pandoc.PANDOC_HEAP", "-M4m")
    paragraphs = "".join(f"<p>第 {n} 段：政府信息公开。</p>" for n in range(20000))
    result = importer("big.html", f"<html><body>{paragraphs}</body></html>")
    assert result.messages == [
        "big.html: 错误 I1 pandoc 读取文件所需内存超过 1024 MiB 的上限，已停止；文件过于庞大或已损坏，未导入"
    ]


def test_bounded_run_stops_at_the_time_limit() -> None:
    with pytest.raises(ProgramError) as caught:
        run_bounded(
            [sys.executable, "-c", "import time; time.sleep(30)"],
            what="测试程序",
            timeout=0.5,
            memory=512 * MIB,
        )
    assert str(caught.value) == "测试程序超过 0.5 秒仍未完成，已停止"


def test_bounded_run_caps_memory() -> None:
    with pytest.raises(ProgramError) as caught:
        run_bounded(
            [sys.executable, "-c", "x = bytearray(2 * 1024 ** 3)"],
            what="测试程序",
            timeout=60,
            memory=512 * MIB,
        )
    assert str(caught.value) == "测试程序所需内存超过 512 MiB 的上限，已停止"


# --- spans and grids ----------------------------------------------------------------------------


def _pandoc_table(rows: list[list[tuple[int, int]]], width: int) -> str:
    """A pandoc JSON table whose cells have the given (rowspan, colspan)."""

    def cell(rowspan: int, colspan: int, n: int) -> list[object]:
        text = [{"t": "Plain", "c": [{"t": "Str", "c": str(n)}]}]
        return [["", [], []], {"t": "AlignDefault"}, rowspan, colspan, text]

    body = [[["", [], []], [cell(rs, cs, n) for n, (rs, cs) in enumerate(row)]] for row in rows]
    table = [
        ["", [], []],
        [None, []],
        [[{"t": "AlignDefault"}, {"t": "ColWidthDefault"}]] * width,
        [["", [], []], []],
        [[["", [], []], 0, [], body]],
        [["", [], []], []],
    ]
    return json.dumps(
        {"pandoc-api-version": [1, 23], "meta": {}, "blocks": [{"t": "Table", "c": table}]}
    )


def test_rowspan_past_the_table_is_cut_at_its_last_row() -> None:
    rows = [[(100_000, 1), (1, 1)], [(1, 1)], [(1, 1)]]
    [table] = read_pandoc_json(_pandoc_table(rows, 2), "t.html").tables
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["0", "1"],
        ["0", "0"],
        ["0", "0"],
    ]
    assert [[c.origin for c in row.cells] for row in table.rows] == [
        [True, True],
        [False, True],
        [False, True],
    ]


def test_grid_larger_than_the_limit_is_refused() -> None:
    rows = [[(1, 1000)] for _ in range(21)]
    with pytest.raises(limits.LimitError) as caught:
        read_pandoc_json(_pandoc_table(rows, 1000), "t.html")
    assert str(caught.value) == f"第 1 个表格展开合并单元格后超过 20000 格（上限）{HOSTILE}"


def test_html_rowspan_100000_is_cut_and_every_cell_still_imports(
    reference: Report, importer
) -> None:
    html = renderer_for(None).render(reference, ("html",))["html"].decode()
    last_row = html.rindex("<tr><td>1</td>")
    hostile = (
        html[:last_row]
        + '<tr><td rowspan="100000">1</td>'
        + html[last_row + len("<tr><td>1</td>") :]
    )
    assert len(hostile) - len(html) == len(' rowspan="100000"')
    result = importer("span.html", hostile)
    assert result.messages == []
    assert result.report is not None
    assert printed_cells(result.report) == printed_cells(reference)


# --- PDFs ----------------------------------------------------------------------------------------


def tiny_pdf(contents: list[bytes]) -> bytes:
    """A valid PDF with one page per content stream (Flate-compressed), Helvetica for text."""
    objects: list[bytes] = [b"", b""]  # 1: catalog, 2: pages, then font, then page/stream pairs
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    kids = []
    for content in contents:
        packed = zlib.compress(content, 9)
        stream = len(objects) + 2
        kids.append(f"{len(objects) + 1} 0 R".encode())
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents " + f"{stream} 0 R".encode() + b" >>"
        )
        objects.append(
            f"<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n".encode()
            + packed
            + b"\nendstream"
        )
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + f"] /Count {len(kids)} >>".encode()
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{n} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def test_pdf_with_two_million_glyphs_stops_at_the_character_limit(importer) -> None:
    glyphs = b"BT /F1 1 Tf 10 10 Td (" + b"A" * 2_000_000 + b") Tj ET"
    pdf = tiny_pdf([glyphs])
    assert len(pdf) < 100_000
    result = importer("glyphs.pdf", pdf)
    assert result.messages == [
        f"glyphs.pdf: 错误 I1 PDF 到第 1 页为止的文字超过 1000000 个字符（上限）{HOSTILE}"
    ]


def test_pdf_content_bomb_is_refused_before_inflating(importer) -> None:
    pdf = tiny_pdf([b"BT /F1 9 Tf 10 10 Td (x) Tj ET", b" " * (64 * MIB)])
    result = importer("bomb.pdf", pdf)
    assert result.messages == [f"bomb.pdf: 错误 I1 第 2 页的绘制指令解压后超过 8 MiB{HOSTILE}"]


def test_pdf_with_too_many_pages(importer) -> None:
    pdf = tiny_pdf([b"BT /F1 9 Tf 10 10 Td (x) Tj ET"] * (limits.MAX_PAGES + 1))
    result = importer("pages.pdf", pdf)
    assert result.messages == [f"pages.pdf: 错误 I1 PDF 有 301 页（上限 300 页）{HOSTILE}"]


def test_limits_are_far_above_a_real_report(tmp_path: Path) -> None:
    assert limits.MAX_PART > 10 * MIB and limits.MAX_CELLS > 40 * 20 and limits.MAX_PAGES >= 100
