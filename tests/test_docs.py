"""The user documentation in docs/ stays complete as the code grows: every key, every rule, links."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from genreport.schema import input_schema

REPO = Path(__file__).resolve().parent.parent
DOCS = sorted((REPO / "docs").glob("*.md"))
LINK = re.compile(r"\]\(([^)#]+)(#[^)]*)?\)")


def keys(schema: dict[str, Any], prefix: str = "") -> list[str]:
    found = []
    for name, sub in schema.get("properties", {}).items():
        found.append(name)
        if isinstance(sub, dict):
            found.extend(keys(sub, f"{prefix}{name}."))
    return found


def test_every_input_key_is_documented() -> None:
    # in docs/input.md, or in the page of the feature that added the key
    text = "\n".join(page.read_text("utf-8") for page in DOCS)
    missing = [k for k in keys(input_schema()) if not re.search(rf"(^|[\s`{{]){k}:", text, re.M)]
    assert missing == []


def test_every_rule_the_tool_reports_is_documented() -> None:
    emitted = set()
    for source in (REPO / "genreport").rglob("*.py"):
        emitted |= set(re.findall(r'"([LJRI][0-9]{1,2})"', source.read_text("utf-8")))
    # a table row in docs/rules.md, or in the page of the feature that added the rule
    text = "\n".join(page.read_text("utf-8") for page in DOCS)
    documented = set(re.findall(r"^\| ([LJRI][0-9]{1,2}) \|", text, re.M))
    assert emitted - documented == set()


@pytest.mark.parametrize("page", [REPO / "README.md", *DOCS], ids=lambda p: p.name)
def test_links_stay_inside_the_repository_and_resolve(page: Path) -> None:
    for target, _ in LINK.findall(page.read_text("utf-8")):
        if target.startswith(("http://", "https://")):
            continue
        assert not target.startswith(".."), f"{page.name} links outside the repository: {target}"
        assert (page.parent / target).exists(), f"{page.name}: {target} does not exist"
