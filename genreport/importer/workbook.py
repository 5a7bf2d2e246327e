"""A statistics workbook (tables.xlsx as `genreport export` writes it) → one report per agency.

Coordinators often collect the numbers in a spreadsheet before anyone writes YAML. Columns are
found by the key row under the printed headers (the input file's own paths, see
``genreport.export.columns``), not by position, so inserted or reordered columns still read right;
rows by the 简称 column. Every value that is not a plain number becomes a note, as in any import.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ..check.dates import deadline
from ..dump import dump_report
from ..export.agencies import INFO_COLUMNS
from ..export.columns import BY_KEY, COLUMNS, TOTAL, Column
from ..layout import AGENCY_TYPES, RESULTS_TOTAL, T2_DOC_ROWS, T3_INPUT_ROWS, T4_BLOCKS
from ..model import T2, T3, T4, Counts, Report, blank_report
from ..scaffold import with_placeholders
from .document import Loc
from .metadata import agency_type
from .notes import Notes
from .readers import ReadError
from .rules import ERROR, INFO, WARNING, finding
from .yaml_writer import add_comments

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
#: A workbook of a region's agencies is a few hundred KB; far larger means it is not one.
MAX_UNPACKED = 200 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLUMNS = 1_000
#: How far down the key row under the printed headers may be.
KEY_ROW_WITHIN = 12
SLUG = INFO_COLUMNS[0][0]
AGENCY = INFO_COLUMNS[1][0]
_INFO_KEYS = {key for key, _ in INFO_COLUMNS}


@dataclass
class WorkbookRow:
    """One agency of the workbook: its report (None when it cannot be made) and the notes."""

    slug: str
    notes: Notes
    report: Report | None = None
    source: str = ""

    def yaml(self, file: str) -> str:
        assert self.report is not None
        text = dump_report(with_placeholders(self.report))
        header = (
            f"# 由 genreport import 从 {self.source} 导入（统计工作簿，只有数字）。"
            "正文为【待填写】；带“导入：”的注释是导入时的推断，核对后即可删除"
        )
        modeline, _, rest = text.partition("\n")
        return add_comments(f"{modeline}\n{header}\n{rest}", self.notes.comments())


@dataclass
class _Cell:
    value: Any
    loc: Loc


@dataclass
class _Agency:
    cells: dict[str, _Cell] = field(default_factory=dict)
    first: Loc = field(default_factory=Loc)


def _fail(file: str, message: str) -> ReadError:
    return ReadError(finding(file, Loc(), "I1", ERROR, message))


def _open(path: Path, file: str) -> Any:
    import openpyxl  # noqa: PLC0415  (only imports of workbooks need it)

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        raise _fail(
            file, "不是 .xlsx 工作簿（无法按 zip 打开）；请在 Excel 或 WPS 中另存为 .xlsx"
        ) from None
    if unpacked > MAX_UNPACKED:
        raise _fail(
            file, f"工作簿解压后有 {unpacked // 1024 // 1024} MiB，不像是统计工作簿，未读取"
        )
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # a damaged workbook: say so, never crash
        raise _fail(file, f"无法读取这个工作簿（{type(exc).__name__}: {str(exc)[:200]}）") from None


def _where(sheet: str, row: int, col: int) -> Loc:
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    return Loc(where=f"工作表“{sheet}”{get_column_letter(col)}{row}")


def _key_row(rows: list[tuple[Any, ...]]) -> int | None:
    """Index of the row that holds the column keys: 简称 and at least one known key."""
    for i, row in enumerate(rows[:KEY_ROW_WITHIN]):
        texts = {str(v).strip() for v in row if v is not None}
        if SLUG in texts and (texts & BY_KEY.keys() or len(texts & _INFO_KEYS) > 2):
            return i
    return None


def _rows(sheet: Any, file: str) -> list[tuple[Any, ...]]:
    """The sheet's values, refusing sizes no region's workbook has (the dimension tag can lie)."""
    rows = []
    for row in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS):
        rows.append(row)
        if len(rows) > MAX_ROWS:
            raise _fail(file, f"工作表“{sheet.title}”超过 {MAX_ROWS} 行，不像是统计工作簿，未读取")
    return rows


def read_workbook(
    path: Path, file: str, year: int | None = None, published: dt.date | None = None
) -> list[WorkbookRow]:
    book = _open(path, file)
    try:
        agencies: dict[str, _Agency] = {}
        info: dict[str, dict[str, _Cell]] = {}
        for sheet in book.worksheets:
            rows = _rows(sheet, file)
            k = _key_row(rows)
            if k is None:
                continue
            keys = {c: str(v).strip() for c, v in enumerate(rows[k]) if v is not None}
            slug_col = next(c for c, v in keys.items() if v == SLUG)
            table_keys = {c: v for c, v in keys.items() if v in BY_KEY}
            for r, row in enumerate(rows[k + 1 :], start=k + 2):
                slug = str(row[slug_col]).strip() if slug_col < len(row) and row[slug_col] else ""
                if not slug:
                    continue
                cells = {
                    key: _Cell(row[c] if c < len(row) else None, _where(sheet.title, r, c + 1))
                    for c, key in keys.items()
                }
                if table_keys:
                    agency = agencies.setdefault(slug, _Agency(first=cells[SLUG].loc))
                    agency.cells.update({k2: v for k2, v in cells.items() if k2 in BY_KEY})
                    agency.cells.setdefault(AGENCY, cells.get(AGENCY, _Cell(None, Loc())))
                else:
                    info[slug] = cells
    finally:
        book.close()
    if not agencies:
        raise _fail(
            file,
            "工作簿中没有找到统计表：表头下应有一行列代码（简称、依申请公开.本年新收.自然人……），"
            "可用 genreport export 生成的 tables.xlsx 作为模板",
        )
    result = []
    for slug in dict.fromkeys([*info, *agencies]):
        if slug in agencies:
            result.append(_row(slug, agencies[slug], info.get(slug, {}), file, year, published))
            continue
        notes = Notes(file)
        notes.add(
            None,
            info[slug][SLUG].loc,
            "I3",
            ERROR,
            f"机关表中有 {slug}，但各统计表中都没有它的行（原文件无法读取？），未导入",
        )
        result.append(WorkbookRow(slug, notes))
    return result


def _row(
    slug: str,
    agency: _Agency,
    info: dict[str, _Cell],
    file: str,
    year: int | None,
    published: dt.date | None,
) -> WorkbookRow:
    notes = Notes(file)
    result = WorkbookRow(slug, notes, source=f"{file}（{slug}）")
    where = agency.first
    name_cell = info.get(AGENCY) or agency.cells.get(AGENCY)
    name = str(name_cell.value).strip() if name_cell and name_cell.value else ""
    if not name:
        notes.add(("机关",), where, "I2", ERROR, f"{slug} 没有写机关名称，未导入")
        return result
    report_year = year or _year(info.get("年度"), notes)
    if report_year is None:
        notes.add(
            ("年度",), where, "I2", ERROR, "工作簿没有写年度（机关表的“年度”列）；请用 --year 给出"
        )
        return result
    missing = [c for c in COLUMNS if not c.sums and c.key not in agency.cells]
    if missing:
        shown = "、".join(c.key for c in missing[:3]) + ("等" if len(missing) > 3 else "")
        notes.add(
            None,
            where,
            "I3",
            WARNING,
            f"工作簿中这个机关缺少 {len(missing)} 列（{shown}），这些单元格按 0 导入",
        )
        by_row: dict[tuple[str, ...], list[str]] = {}
        for column in missing:
            by_row.setdefault(column.path, []).append(column.key.rsplit(".", 1)[-1])
        for path, names in by_row.items():
            which = "这一列" if names == [path[-1]] else f"{'、'.join(names)}列"
            notes.comment(path, f"工作簿中没有{which}，按 0 导入")
    values = {c.key: _number(c, agency.cells.get(c.key), notes) for c in COLUMNS}
    report = blank_report(name, report_year, f"{slug}.yaml")
    kind = _agency_type(info.get("机关类型"), name, notes, where)
    report = dataclasses.replace(
        report, agency_type=kind, t2=_t2(values), t3=_t3(values), t4=_t4(values)
    )
    date = _date(info.get("发布日期"), notes)
    if date is None:
        date = published or deadline(report)
        if published is None:
            notes.add(
                ("发布日期",),
                where,
                "I2",
                WARNING,
                f"工作簿没有写发布日期，暂按发布期限 {date.isoformat()} 填写",
            )
    result.report = dataclasses.replace(report, published=date)
    return result


def _number(column: Column, cell: _Cell | None, notes: Notes) -> int | Decimal | None:
    """The cell's number; None for a total left to its formula (computed, not stated)."""
    if cell is None:
        return None if column.sums else 0
    value = cell.value
    if isinstance(value, str) and value.startswith("="):
        return None
    if column.money:
        try:
            amount = Decimal(str(value).strip())
        except (InvalidOperation, ValueError):
            amount = Decimal(-1)
        if value is not None and amount.is_finite() and amount >= 0:
            return amount
    elif isinstance(value, bool):
        pass
    elif isinstance(value, int) and value >= 0:
        return value
    elif isinstance(value, float) and value.is_integer() and value >= 0:
        return int(value)
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return int(value.strip())
    if column.sums and value is None:
        return None
    shown = "空白" if value is None or str(value).strip() == "" else f"“{value}”"
    notes.add(
        column.path, cell.loc, "I4", WARNING, f"{column.key} 是{shown}，不是非负整数，按 0 导入"
    )
    return 0


def _by_path(values: dict[str, Any], path: tuple[str, ...]) -> Counts:
    total = ".".join((*path, TOTAL))
    parts = [c for c in COLUMNS if c.path == path and c.key != total]
    return Counts(tuple(values[c.key] or 0 for c in parts), values.get(total))


def _t2(values: dict[str, Any]) -> T2:
    documents = {row: _by_path(values, ("主动公开", row)) for row in T2_DOC_ROWS}
    decisions = {row: values[f"主动公开.{row}"] for row in ("行政许可", "行政处罚", "行政强制")}
    return T2(documents, decisions, values["主动公开.行政事业性收费"])


def _t3(values: dict[str, Any]) -> T3:
    rows = {row.key: _by_path(values, ("依申请公开", *row.key)) for row in T3_INPUT_ROWS}
    path = ("依申请公开", *RESULTS_TOTAL)
    typed = [c for c in COLUMNS if c.path == path and values[c.key] is not None]
    stated = None
    if typed:
        computed = T3(rows).results_total.values
        cells = [c for c in COLUMNS if c.path == path][:-1]
        stated = Counts(
            tuple(
                values[c.key] if values[c.key] is not None else computed[i]
                for i, c in enumerate(cells)
            ),
            values[".".join((*path, TOTAL))],
        )
    return T3(rows, stated)


def _t4(values: dict[str, Any]) -> T4:
    return T4({block: _by_path(values, block) for block in T4_BLOCKS})


def _year(cell: _Cell | None, notes: Notes) -> int | None:
    if cell is None or cell.value is None:
        return None
    text = str(cell.value).strip().removesuffix(".0")
    if text.isdigit() and len(text) == 4:
        return int(text)
    notes.add(("年度",), cell.loc, "I2", ERROR, f"年度“{cell.value}”不是四位数的年份")
    return None


def _date(cell: _Cell | None, notes: Notes) -> dt.date | None:
    if cell is None or cell.value in (None, ""):
        return None
    value = cell.value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        notes.add(
            ("发布日期",),
            cell.loc,
            "I2",
            WARNING,
            f"发布日期“{value}”不是 2024-01-20 这样的日期，未采用",
        )
        return None


def _agency_type(cell: _Cell | None, name: str, notes: Notes, where: Loc) -> str:
    text = str(cell.value).strip() if cell and cell.value else ""
    if text in AGENCY_TYPES:
        return text
    guess = agency_type(name)
    if text:
        notes.add(
            ("机关类型",),
            cell.loc if cell else where,
            "I2",
            WARNING,
            f"机关类型“{text}”不是{'或'.join(AGENCY_TYPES)}，按机关名称推断为{guess}",
        )
    else:
        notes.add(
            ("机关类型",), where, "I2", INFO, f"工作簿没有写机关类型，按机关名称推断为{guess}"
        )
    return guess
