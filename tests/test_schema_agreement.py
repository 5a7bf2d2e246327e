"""The JSON Schema editors validate with and the loader agree on every fixture.

Every good and bad input file of the test suite and the demo goes through both. Where a JSON
Schema can express the rule, the verdicts must be equal; the few files whose problem a schema
cannot see (YAML 1.1 readings, duplicate keys, anchors, the folder's year) are listed with the
reason, and must still be rejected by the loader.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from genreport.load import load_file
from genreport.schema import input_schema

REPO = Path(__file__).resolve().parent.parent
FILES = sorted(
    [
        *(REPO / "tests/load/fixtures").rglob("*.yaml"),
        *(REPO / "tests/check/fixtures").rglob("*.yaml"),
        *(REPO / "inputs").glob("*/*.yaml"),
        *(REPO / "tests/seeds").glob("*.yaml"),
    ]
)
#: What the loader rejects that a schema over the parsed data cannot see.
SCHEMA_CANNOT_SEE = {
    "tests/load/fixtures/2023/duplicate_key.yaml": "重复的键在解析时只剩最后一个",
    "tests/load/fixtures/2023/hex.yaml": "YAML 1.1 把 0x10 读成 16",
    "tests/load/fixtures/2023/octal.yaml": "YAML 1.1 把 010 读成 8",
    "tests/check/fixtures/2022/prev_invalid.yaml": "YAML 1.1 把 010 读成 8",
    "tests/load/fixtures/2023/year_mismatch.yaml": "年度与文件夹不符（schema 不知道文件在哪个文件夹）",
}
VALIDATOR = jsonschema.Draft202012Validator(input_schema())


def _json(value: Any) -> Any:
    """What an editor's YAML parser hands to the schema: dates as their text."""
    if isinstance(value, dict):
        return {str(k): _json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def schema_accepts(path: Path) -> bool:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError):
        return False
    return VALIDATOR.is_valid(_json(data))


def loader_accepts(path: Path) -> bool:
    return load_file(path, path.name).report is not None


def test_every_fixture_set_is_found() -> None:
    assert len(FILES) > 80
    assert {name(p) for p in FILES} >= set(SCHEMA_CANNOT_SEE)


def name(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


@pytest.mark.parametrize("path", FILES, ids=name)
def test_schema_and_loader_give_the_same_verdict(path: Path) -> None:
    loader, schema = loader_accepts(path), schema_accepts(path)
    if name(path) in SCHEMA_CANNOT_SEE:
        assert not loader and schema, SCHEMA_CANNOT_SEE[name(path)]
    else:
        assert loader == schema, (
            f"loader {'接受' if loader else '拒绝'}，schema {'接受' if schema else '拒绝'}"
        )


def _subschemas(schema: Any) -> list[dict[str, Any]]:
    found = []
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            found.append(node)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


def test_editors_show_chinese_messages_for_values() -> None:
    """yaml-language-server shows ``errorMessage`` for a wrong type, enum value or pattern."""
    checked = [s for s in _subschemas(input_schema()) if {"enum", "pattern"} & s.keys()]
    checked += [s for s in _subschemas(input_schema()) if s.get("type") in ("integer", "number")]
    assert len(checked) > 30
    for schema in checked:
        assert "\u4e00" <= schema.get("errorMessage", " ")[0] <= "\u9fff", schema
