"""The statistics workbook (tables.xlsx): a sheet of agencies, then one sheet per table.

Written with XlsxWriter, which stores each formula's result beside the formula, so programs that
do not recalculate (viewers, openpyxl, pandas) still see the totals; Excel, WPS and LibreOffice
recalculate them. Only plain features all three open the same way: merged header cells, SUM
formulas, fills, frozen panes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from .agencies import INFO_COLUMNS, AgencyRow
from .columns import SHEETS, Column, Sheet, values

INFO_SHEET = "机关"
#: The fixed columns in front of every table sheet: they say whose row it is.
ROW_KEYS = (("简称", 12), ("机关", 30))


def header_merges(headers: Sequence[tuple[str, ...]]) -> list[tuple[int, int, int, int, str]]:
    """(first level, first column, last level, last column, text) of every header cell.

    Neighbouring columns that share the labels down to a level share that level's cell; a label
    that repeats on the level below (a row label printed across two levels) spans both.
    """
    depth = max(len(h) for h in headers)
    covered = [[False] * len(headers) for _ in range(depth)]
    cells = []
    for level in range(depth):
        col = 0
        while col < len(headers):
            if covered[level][col]:
                col += 1
                continue
            ident = headers[col][: level + 1]
            end = col
            while end + 1 < len(headers) and headers[end + 1][: level + 1] == ident:
                end += 1
            bottom = level
            while bottom + 1 < depth and all(
                headers[c][bottom + 1] == headers[c][level] for c in range(col, end + 1)
            ):
                bottom += 1
            for lv in range(level, bottom + 1):
                for c in range(col, end + 1):
                    covered[lv][c] = True
            cells.append((level, col, bottom, end, headers[col][level]))
            col = end + 1
    return cells


class _Formats:
    def __init__(self, book: Any) -> None:
        base = {"font_name": "宋体", "font_size": 10, "border": 1, "valign": "vcenter"}
        self.title = book.add_format({"bold": True, "font_size": 14, "font_name": "宋体"})
        self.head = book.add_format({**base, "bold": True, "align": "center", "text_wrap": True})
        self.key = book.add_format({**base, "font_size": 8, "font_color": "#666666"})
        self.text = book.add_format(base)
        self.number = book.add_format({**base, "num_format": "0"})
        self.money = book.add_format({**base, "num_format": "0.0000"})
        self.total = book.add_format({**base, "num_format": "0", "bg_color": "#EEEEEE"})
        self.flagged = book.add_format({**base, "bg_color": "#F8D7DA"})


def _info_sheet(book: Any, formats: _Formats, rows: list[AgencyRow], year: int) -> None:
    sheet = book.add_worksheet(INFO_SHEET)
    sheet.write(0, 0, f"{year} 年度政府信息公开工作年度报告 统计表：机关", formats.title)
    for col, (key, width) in enumerate(INFO_COLUMNS):
        sheet.write(1, col, key, formats.head)
        sheet.set_column(col, col, width)
    for r, row in enumerate(rows, start=2):
        style = formats.flagged if row.flagged else formats.text
        for col, value in enumerate(row.info(year)):
            sheet.write(r, col, value, style)
    sheet.freeze_panes(2, 1)


def _table_sheet(
    book: Any, formats: _Formats, spec: Sheet, rows: list[AgencyRow], year: int
) -> None:
    sheet = book.add_worksheet(spec.name)
    columns = spec.columns
    first = len(ROW_KEYS)
    depth = max(len(c.header) for c in columns)
    key_row = depth + 1
    sheet.write(0, 0, f"{year} 年度 {spec.title}", formats.title)
    for col, (name, width) in enumerate(ROW_KEYS):
        sheet.merge_range(1, col, depth, col, name, formats.head)
        sheet.write(key_row, col, name, formats.key)
        sheet.set_column(col, col, width)
    for level, c0, bottom, c1, text in header_merges([c.header for c in columns]):
        if (level, c0) == (bottom, c1):
            sheet.write(1 + level, first + c0, text, formats.head)
        else:
            sheet.merge_range(1 + level, first + c0, 1 + bottom, first + c1, text, formats.head)
    sheet.set_column(first, first + len(columns) - 1, 9)
    for col, column in enumerate(columns, start=first):
        sheet.write(key_row, col, column.key, formats.key)
    place = {column.key: first + i for i, column in enumerate(columns)}
    r = key_row
    for row in rows:
        if row.report is None:
            continue
        r += 1
        cells = values(row.report)
        row_style = formats.flagged if row.flagged else formats.text
        sheet.write(r, 0, row.slug, row_style)
        sheet.write(r, 1, row.report.agency, row_style)
        for col, column in enumerate(columns, start=first):
            _cell(sheet, formats, r, col, column, cells, place)
    sheet.freeze_panes(key_row + 1, first)


def _cell(
    sheet: Any,
    formats: _Formats,
    r: int,
    col: int,
    column: Column,
    cells: dict[str, Any],
    place: dict[str, int],
) -> None:
    value = cells[column.key]
    if column.sums:
        refs = ",".join(xl_rowcol_to_cell(r, place[k]) for k in column.sums)
        sheet.write_formula(r, col, f"=SUM({refs})", formats.total, value)
    elif column.money:
        sheet.write_number(r, col, float(value), formats.money)
    else:
        sheet.write_number(r, col, value, formats.number)


def workbook_bytes(rows: list[AgencyRow], year: int) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    # a fixed creation time keeps the bytes the same between runs
    book.set_properties(
        {
            "title": f"{year} 年度政府信息公开工作年度报告统计表",
            "author": "genreport",
            "created": dt.datetime(year + 1, 1, 1, tzinfo=dt.timezone.utc),
        }
    )
    book.set_calc_mode("auto")
    formats = _Formats(book)
    _info_sheet(book, formats, rows, year)
    for spec in SHEETS:
        _table_sheet(book, formats, spec, rows, year)
    book.close()
    return buffer.getvalue()
