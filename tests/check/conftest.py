"""Every test here runs through both YAML parsers (libyaml and the pure-Python fallback)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _both_yaml_parsers(yaml_parser: str) -> str:
    return yaml_parser
