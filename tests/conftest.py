"""Shared fixtures: a throwaway copy of the demo workspace, and the CLI runner."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Path]:
    """A copy of the repo's demo inputs in a temporary folder, which is also the current folder."""
    shutil.copytree(REPO / "inputs", tmp_path / "inputs")
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(cwd)
