"""Shared fixtures: a throwaway copy of the demo workspace, and the CLI runner."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from genreport.load.composer import ENV_SWITCH

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


@pytest.fixture(params=["libyaml", "python"])
def yaml_parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test once through libyaml and once through PyYAML's pure-Python parser.

    The fallback is what users without libyaml get; both must give the same findings.
    """
    if request.param == "libyaml" and not yaml.__with_libyaml__:
        pytest.skip("PyYAML is installed without libyaml")
    monkeypatch.setenv(ENV_SWITCH, "" if request.param == "libyaml" else "python")
    return str(request.param)
