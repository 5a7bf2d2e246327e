"""`genreport init DIR`: a new workspace for an agency starting from scratch.

Creates ``inputs/YEAR/<slug>.yaml`` (every row present, numbers at zero, narrative placeholders),
the JSON Schema editors use, a copy of the default templates in ``templates/`` (to restyle in Word
or WPS and keep), and a ``.gitignore`` that keeps ``build/`` out of git. Never overwrites a file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from .layout import T2_COUNT_ROWS, T2_DOC_ROWS, T3_INPUT_ROWS, T4_BLOCKS
from .model import T2, T3, T4, Narrative, Pos, Report, zero_counts
from .output import create_new
from .render.templates import DEFAULTS, NAMES
from .scaffold import PLACEHOLDER, scaffold_text
from .schema import SCHEMA_FILE, schema_json

GITIGNORE = "# genreport：生成的报告可以随时重新生成\n/build/\n"
DEFAULT_SLUG = "jiguan"


@dataclass(frozen=True)
class Created:
    path: Path
    created: bool  # False: it was there already and was left alone


def _blank(agency: str, year: int) -> Report:
    """An all-zero report for ``year``: the base ``scaffold`` starts the next year from."""
    nowhere = Pos(1, 1)
    empty = Narrative((), nowhere)
    return Report(
        file="",
        agency=agency,
        year=year,
        agency_type="部门",
        published=dt.date(year + 1, 1, 1),
        can_make_rules=False,
        preface=None,
        overview=empty,
        t2=T2(
            {row: zero_counts(3) for row in T2_DOC_ROWS},
            dict.fromkeys(T2_COUNT_ROWS, 0),
            Decimal(0),
        ),
        t3=T3({row.key: zero_counts() for row in T3_INPUT_ROWS}),
        t4=T4({block: zero_counts(4) for block in T4_BLOCKS}),
        problems=empty,
        info_fee_yuan=Decimal(0),
        other_matters=empty,
    )


def init_workspace(
    root: Path, year: int, agency: str | None = None, slug: str = DEFAULT_SLUG
) -> list[Created]:
    agency = agency or f"{PLACEHOLDER}机关全称"
    first = root / "inputs" / str(year) / f"{slug}.yaml"
    files: list[tuple[Path, bytes]] = [
        (first, scaffold_text(_blank(agency, year - 1), first.as_posix()).encode("utf-8")),
        (root / "inputs" / SCHEMA_FILE, schema_json().encode("utf-8")),
        *((root / "templates" / name, (DEFAULTS / name).read_bytes()) for name in NAMES),
        (root / ".gitignore", GITIGNORE.encode("utf-8")),
    ]
    return [Created(path, create_new(path, data)) for path, data in files]
