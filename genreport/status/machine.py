"""The board for machines: JSON and CSV with stable English keys, one record per agency."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..figures import FIGURE_LABELS, RATE_LABELS
from .board import Board, Row

CSV_COLUMNS = (
    "slug",
    "agency",
    "file",
    "present",
    "listed_by",
    "published",
    "deadline",
    "late_days",
    "errors",
    "warnings",
    *FIGURE_LABELS,
    *RATE_LABELS,
)


def _record(row: Row) -> dict[str, Any]:
    record: dict[str, Any] = {
        "slug": row.slug,
        "agency": row.agency,
        "file": row.file,
        "present": row.present,
        "listed_by": list(row.listed_by),
        "units": list(row.units),
        "published": row.published.isoformat() if row.published else None,
        "deadline": row.due.isoformat() if row.due else None,
        "late_days": row.late_days,
        "errors": row.errors,
        "warnings": row.warnings,
        "figures": None,
        "rates": None,
        "findings": [f.to_json() for f in row.findings],
    }
    if row.figures is not None:
        record["figures"] = row.figures.counts()
        record["rates"] = {
            key: {
                "numerator": rate.numerator,
                "denominator": rate.denominator,
                "value": None if rate.value is None else str(rate.value),
                "percent": rate.percent(),
                "formula": RATE_LABELS[key][1],
            }
            for key, rate in row.figures.rates().items()
        }
    return record


def board_json(board: Board) -> str:
    data = {
        "year": board.year,
        "agencies": [_record(r) for r in board.rows],
        "missing": [r.slug for r in board.missing],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def board_csv(board: Board) -> str:
    """One line per agency; rates as fractions (0.7619), empty when there is nothing to divide."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in board.rows:
        record = _record(row)
        counts = record["figures"] or {}
        rates = record["rates"] or {}
        writer.writerow(
            [
                row.slug,
                row.agency or "",
                row.file,
                "yes" if row.present else "no",
                " ".join(row.listed_by),
                record["published"] or "",
                record["deadline"] or "",
                "" if row.late_days is None else row.late_days,
                row.errors,
                row.warnings,
                *(counts.get(key, "") for key in FIGURE_LABELS),
                *((rates[key]["value"] or "") if rates else "" for key in RATE_LABELS),
            ]
        )
    return out.getvalue()
