"""Names of printed-table cells, so a finding says where to look in the published report."""

from __future__ import annotations

from ..layout import T3_ROW_BY_KEY, T4_BLOCKS


def t2_cell(row: str, column: str | None = None) -> str:
    return f"表二「{row}」行" + (f"·「{column}件数」列" if column else "")


def t3_cell(key: tuple[str, ...], column: str | None = None) -> str:
    row = T3_ROW_BY_KEY[key]
    label = row.label if row.group_label is None else f"{row.group_label}{row.label}"
    cell = f"表三第{row.number}行「{label}」"
    return cell + (f"·「{column}」列" if column else "")


def t4_cell(block: tuple[str, ...], column: str = "总计") -> str:
    name = "行政复议" if block == T4_BLOCKS[0] else f"行政诉讼·{block[1]}"
    return f"表四「{name}」·「{column}」列"
