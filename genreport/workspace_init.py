"""`genreport init DIR`: a new workspace for an agency starting from scratch.

Creates ``inputs/YEAR/<slug>.yaml`` (every row present, numbers at zero, narrative placeholders),
the JSON Schema editors use, a copy of the default templates in ``templates/`` (to restyle in Word
or WPS and keep), and a ``.gitignore`` that keeps ``build/`` out of git. Never overwrites a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .model import blank_report
from .output import create_new
from .render.templates import DEFAULTS, NAMES
from .scaffold import PLACEHOLDER, scaffold_text
from .schema import SCHEMA_FILE, schema_json
from .workspace import DEFAULT_SLUG

GITIGNORE = "# genreport：生成的报告可以随时重新生成\n/build/\n"


@dataclass(frozen=True)
class Created:
    path: Path
    created: bool  # False: it was there already and was left alone


def init_workspace(
    root: Path, year: int, agency: str | None = None, slug: str = DEFAULT_SLUG
) -> list[Created]:
    agency = agency or f"{PLACEHOLDER}机关全称"
    first = root / "inputs" / str(year) / f"{slug}.yaml"
    files: list[tuple[Path, bytes]] = [
        (first, scaffold_text(blank_report(agency, year - 1), first.as_posix()).encode("utf-8")),
        (root / "inputs" / SCHEMA_FILE, schema_json().encode("utf-8")),
        *((root / "templates" / name, (DEFAULTS / name).read_bytes()) for name in NAMES),
        (root / ".gitignore", GITIGNORE.encode("utf-8")),
    ]
    return [Created(path, create_new(path, data)) for path, data in files]
