"""Load stage: a YAML file → a validated ``Report`` with source positions, or findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..findings import Finding, Severity, has_errors
from ..gc_paused import gc_paused
from ..model import Report
from ..workspace import folder_year
from .characters import in_escapes as characters_in_escapes
from .characters import in_text as characters_in_text
from .nodes import compose, duplicate_keys
from .parse import Parser
from .source import Source, SourceError, decode_source, read_source


@dataclass
class Loaded:
    file: str
    report: Report | None
    findings: list[Finding] = field(default_factory=list)


def load_text(data: bytes, file: str, expected_year: int | None = None) -> Loaded:
    """Parse a file's bytes; ``expected_year`` is the year of the folder it sits in."""
    try:
        source = decode_source(data, file)
    except SourceError as exc:
        return Loaded(file, None, [exc.finding])
    return _load(source, expected_year)


def _load(source: Source, expected_year: int | None) -> Loaded:
    with gc_paused():
        return _parse(source, expected_year)


def _parse(source: Source, expected_year: int | None) -> Loaded:
    file = source.file
    characters = characters_in_text(file, source.text)
    if has_errors(characters):
        return Loaded(file, None, characters)
    try:
        nodes = compose(source)
    except SourceError as exc:
        return Loaded(file, None, [*characters, exc.finding])
    characters += characters_in_escapes(file, source.text, nodes)
    parser = Parser(source)
    parser.findings.extend(duplicate_keys(source, nodes))
    parser.findings.extend(f for f in characters if f.is_error)
    report = parser.report(nodes[0])
    findings = parser.findings + [f for f in characters if not f.is_error]
    if report is not None and expected_year is not None and report.year != expected_year:
        pos = report.pos("年度")
        findings.append(
            Finding(
                "R19",
                Severity.ERROR,
                file,
                pos.line,
                pos.column,
                f"年度写的是 {report.year}，但文件在 {expected_year} 年的文件夹里；"
                f"请改正年度，或把文件移到 {report.year} 文件夹",
            )
        )
        report = None
    return Loaded(file, report, findings)


def load_file(path: Path, file: str | None = None) -> Loaded:
    display = file or str(path)
    try:
        source = read_source(path, display)
    except SourceError as exc:
        return Loaded(display, None, [exc.finding])
    return _load(source, folder_year(path))
