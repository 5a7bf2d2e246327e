"""Findings for programs: JSON, SARIF 2.1.0 (code-scanning tools) and GitHub Actions annotations.

Pure functions from findings to text; the CLI chooses one with ``--format``. Severities travel as
stable codes (``error``/``warning``/``info``) beside the Chinese labels, so a CI script never has
to match 错误.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from . import __version__
from .findings import LOAD_RULES, Finding, Severity

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
_SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITHUB_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
FORMATS = ("text", "json", "sarif", "github")


def json_document(
    findings: list[Finding], files: list[dict[str, Any]], summary: dict[str, int]
) -> str:
    document = {"findings": [f.to_json() for f in findings], "files": files, "summary": summary}
    return json.dumps(document, ensure_ascii=False, indent=2)


def json_usage_error(message: str) -> str:
    """A usage error (exit 2) for a program that asked for JSON: still JSON."""
    return json.dumps({"error": {"code": "usage", "message": message}}, ensure_ascii=False)


def _text(finding: Finding) -> str:
    return f"{finding.message}（表格位置：{finding.cell}）" if finding.cell else finding.message


def sarif_document(findings: list[Finding]) -> str:
    """One SARIF run; a finding without a line (X1, unreadable file) points at the file only."""
    rule_ids = sorted({f.rule for f in findings})
    rules = [
        {
            "id": rule,
            **({"shortDescription": {"text": LOAD_RULES[rule]}} if rule in LOAD_RULES else {}),
        }
        for rule in rule_ids
    ]
    results = []
    for finding in findings:
        location: dict[str, Any] = {"artifactLocation": {"uri": finding.file}}
        if finding.line:
            location["region"] = {"startLine": finding.line, "startColumn": max(finding.column, 1)}
        results.append(
            {
                "ruleId": finding.rule,
                "ruleIndex": rule_ids.index(finding.rule),
                "level": _SARIF_LEVELS[finding.severity],
                "message": {"text": _text(finding)},
                "locations": [{"physicalLocation": location}],
            }
        )
    run = {
        "tool": {
            "driver": {
                "name": "genreport",
                "version": __version__,
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    document = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, ensure_ascii=False, indent=2)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_lines(findings: Iterable[Finding]) -> list[str]:
    """``::error file=…,line=…,col=…,title=R1::message``, escaped as the Actions runner expects."""
    lines = []
    for finding in findings:
        properties = [f"file={_escape_property(finding.file)}"]
        if finding.line:
            properties += [f"line={finding.line}", f"col={max(finding.column, 1)}"]
        properties.append(f"title={_escape_property(f'{finding.rule} {finding.severity.value}')}")
        message = finding.message + (f"\n表格位置：{finding.cell}" if finding.cell else "")
        command = _GITHUB_COMMANDS[finding.severity]
        lines.append(f"::{command} {','.join(properties)}::{_escape_data(message)}")
    return lines
