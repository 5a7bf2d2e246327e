"""A region in one workspace: 青禾市 sums two districts, each summing three departments."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).parent
YEAR = HERE / "workspace" / "inputs" / "2023"


@pytest.fixture
def region(tmp_path: Path) -> Iterator[Path]:
    """A copy of tests/region/workspace, which is also the current folder."""
    shutil.copytree(HERE / "workspace", tmp_path, dirs_exist_ok=True)
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(cwd)


def edit(root: Path, slug: str, old: str, new: str, year: int = 2023) -> None:
    """Replace ``old`` (which must occur exactly once) in a unit's file."""
    path = root / "inputs" / str(year) / f"{slug}.yaml"
    text = path.read_text("utf-8")
    assert text.count(old) == 1, (slug, old)
    path.write_text(text.replace(old, new), "utf-8")


def line_of(root: Path, slug: str, needle: str, year: int = 2023) -> int:
    lines = (root / "inputs" / str(year) / f"{slug}.yaml").read_text("utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)
