"""Word (.docx) and HTML reports → ``Document``, through pandoc's JSON AST.

pandoc's table model keeps row and column spans; each table becomes a grid in which a spanned
cell's text reaches every position it covers (so a merged label is seen on each of its rows),
while only its top-left position counts as a value.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import docx

from .document import Block, Cell, Document, Loc, Paragraph, Row, Table
from .limits import MAX_CELLS, MAX_SPAN, not_a_report

Json = Any  # pandoc's AST: nested lists and dicts


def inline_text(inlines: list[Json]) -> str:
    parts: list[str] = []
    for item in inlines:
        kind = item.get("t")
        content = item.get("c")
        if kind == "Str":
            parts.append(content)
        elif kind in ("Space",):
            parts.append(" ")
        elif kind in ("SoftBreak", "LineBreak"):
            parts.append("\n")
        elif kind in (
            "Emph",
            "Strong",
            "Underline",
            "Strikeout",
            "Superscript",
            "Subscript",
            "SmallCaps",
        ):
            parts.append(inline_text(content))
        elif kind in ("Span",) or kind in ("Link",):
            parts.append(inline_text(content[1]))
        elif kind == "Quoted":
            quote = ("“", "”") if content[0].get("t") == "DoubleQuote" else ("‘", "’")
            parts.append(quote[0] + inline_text(content[1]) + quote[1])
        elif kind == "Code":
            parts.append(content[1])
        elif kind == "Note":
            continue
    return "".join(parts)


def block_text(blocks: list[Json]) -> str:
    """The text of a cell's blocks; paragraphs inside a cell join with line breaks."""
    return "\n".join(t for t in (_flat(b) for b in blocks) if t)


def _flat(block: Json) -> str:
    kind, content = block.get("t"), block.get("c")
    if kind in ("Plain", "Para"):
        return inline_text(content)
    if kind == "Header":
        return inline_text(content[2])
    if kind == "LineBlock":
        return "\n".join(inline_text(line) for line in content)
    if kind in ("BulletList", "OrderedList"):
        items = content if kind == "BulletList" else content[1]
        return "\n".join(block_text(item) for item in items)
    if kind == "Div":
        return block_text(content[1])
    return ""


def _join_cell_lines(text: str) -> str:
    """A label broken over lines inside a cell: CJK lines join without a space."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    joined = ""
    for line in lines:
        space = " " if joined and joined[-1].isascii() and line[0].isascii() else ""
        joined += space + line
    return joined


class _PandocReader:
    def __init__(self, file: str) -> None:
        self.file = file
        self.blocks: list[Block] = []
        self.tables = 0
        self.paragraphs = 0

    def walk(self, blocks: list[Json]) -> None:
        for block in blocks:
            kind, content = block.get("t"), block.get("c")
            if kind == "Table":
                self.table(content)
            elif kind in ("Para", "Plain"):
                self.paragraph(inline_text(content), 0)
            elif kind == "Header":
                self.paragraph(inline_text(content[2]), content[0])
            elif kind == "LineBlock":
                for line in content:
                    self.paragraph(inline_text(line), 0)
            elif kind in ("BulletList", "OrderedList"):
                items = content if kind == "BulletList" else content[1]
                for item in items:
                    self.walk(item)
            elif kind in ("Div", "BlockQuote"):
                self.walk(content[1] if kind == "Div" else content)

    def paragraph(self, text: str, level: int) -> None:
        for line in text.split("\n"):
            if line.strip():
                self.paragraphs += 1
                where = f"第 {self.paragraphs} 段"
                self.blocks.append(Paragraph(line.strip(), Loc(where=where), level))

    def table(self, content: list[Json]) -> None:
        _, _, colspecs, head, bodies, foot = content
        rows: list[Json] = list(head[1])
        for body in bodies:
            rows.extend(body[2])
            rows.extend(body[3])
        rows.extend(foot[1])
        self.tables += 1
        number = self.tables
        width = len(colspecs)
        grid: dict[tuple[int, int], Cell] = {}
        for r, row in enumerate(rows):
            c = 0
            for cell in row[1]:
                while (r, c) in grid:
                    c += 1
                # A span never reaches past the table's last row; the grid stays bounded.
                rowspan = min(max(cell[2], 1), len(rows) - r)
                colspan = min(max(cell[3], 1), MAX_SPAN)
                if len(grid) + rowspan * colspan > MAX_CELLS:
                    raise not_a_report(
                        f"第 {number} 个表格展开合并单元格后超过 {MAX_CELLS} 格（上限）"
                    )
                text = _join_cell_lines(block_text(cell[4]))
                where = f"第 {number} 个表格第 {r + 1} 行第 {c + 1} 列"
                for dr in range(rowspan):
                    for dc in range(colspan):
                        origin = dr == 0 and dc == 0
                        grid[(r + dr, c + dc)] = Cell(text, Loc(where=where), origin)
                c += colspan
                width = max(width, c)
        if len(rows) * width > MAX_CELLS:
            raise not_a_report(
                f"第 {number} 个表格有 {len(rows)} 行 {width} 列（上限 {MAX_CELLS} 格）"
            )
        built = []
        for r in range(len(rows)):
            cells = tuple(
                grid.get(
                    (r, c), Cell("", Loc(where=f"第 {number} 个表格第 {r + 1} 行第 {c + 1} 列"))
                )
                for c in range(width)
            )
            built.append(
                Row(cells, Loc(where=f"第 {number} 个表格第 {r + 1} 行"), number - 1, True)
            )
        if built:
            self.blocks.append(Table(tuple(built), built[0].loc))


def word_title(path: Path) -> list[str]:
    """The lines of a Word file's title: its leading “Title”-style paragraphs. pandoc keeps only
    the last of them (``2023年政府信息公开工作年度报告`` without the agency above it)."""
    lines = []
    for paragraph in docx.Document(str(path)).paragraphs:
        if not paragraph.text.strip():
            continue
        if paragraph.style is None or paragraph.style.name != "Title":
            break
        lines.append(paragraph.text.strip())
    return lines


def read_pandoc_json(
    data: str, file: str, *, word: bool = False, title_lines: list[str] | None = None
) -> Document:
    """``word``: the document title is part of the report (Word's “Title” style lands in pandoc's
    metadata, or comes as ``title_lines``); an HTML page's <title> is the browser tab's: only the
    page title."""
    ast = json.loads(data)
    reader = _PandocReader(file)
    title = ast.get("meta", {}).get("title")
    text = inline_text(title["c"]).strip() if title and title.get("t") == "MetaInlines" else ""
    if word:
        for line in title_lines or ([text] if text else []):
            reader.blocks.append(Paragraph(line, Loc(where="标题"), 1))
    reader.walk(ast.get("blocks", []))
    return Document(file, tuple(reader.blocks), "" if word else text)
