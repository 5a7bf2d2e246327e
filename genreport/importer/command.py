"""`genreport import`: read each report, match it, write its input file. The I/O of the import.

Reading (``readers``), matching (``assemble``) and writing YAML (``yaml_writer``) are separate;
this module only decides the target path, refuses to overwrite without ``force``, checks that the
written file loads without a finding, and says what happened in lines the CLI prints.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..findings import Finding, Severity, sort_findings
from ..load import load_text
from ..output import write_atomic
from ..workspace import UsageError, Workspace
from .assemble import Options, assemble
from .quiet import quiet_libraries
from .readers import ReadError, read_document
from .rules import WARNING
from .workbook import WORKBOOK_SUFFIXES, read_workbook
from .yaml_writer import to_yaml

_SLUG = re.compile(r"[^\w\-]+")


@dataclass
class Outcome:
    source: str  # the report as the user named it
    target: str | None = None  # where the input file was (or would have been) written
    written: bool = False
    findings: list[Finding] = field(default_factory=list)
    problem: str | None = None  # why nothing was written, when it is not a finding

    @property
    def failed(self) -> bool:
        return not self.written or any(f.is_error for f in self.findings)


def default_slug(path: Path) -> str:
    """The input file's stem: the report's own file name, made safe for a path."""
    return _SLUG.sub("-", path.stem).strip("-") or "report"


def import_file(
    path: Path,
    out: Path,
    *,
    year: int | None = None,
    slug: str | None = None,
    agency: str | None = None,
    published: dt.date | None = None,
    force: bool = False,
) -> Outcome:
    source = Workspace.display(path)
    outcome = Outcome(source)
    try:
        with quiet_libraries():
            document = read_document(path, source)
    except ReadError as exc:
        outcome.findings = [exc.finding]
        return outcome
    report, notes = assemble(document, Options(year, agency, published))
    for loc, message in document.notices:
        notes.add(None, loc, "I8", WARNING, message)
    outcome.findings = sort_findings(notes.findings)
    if report is None:
        return outcome
    target = out / str(report.year) / f"{slug or default_slug(path)}.yaml"
    return write_input(
        outcome, target, report.year, lambda file: to_yaml(report, notes.comments(), file), force
    )


def write_input(
    outcome: Outcome, target: Path, year: int, text_for: Callable[[str], str], force: bool
) -> Outcome:
    """Write one imported input file: never over an existing one without ``force``, and only when
    the text loads back without a finding."""
    display = Workspace.display(target)
    outcome.target = display
    if target.exists() and not force:
        outcome.problem = f"{display} 已存在，未覆盖；确要覆盖请加 --force"
        return outcome
    text = text_for(display)
    loaded = load_text(text.encode("utf-8"), display, year)
    if loaded.findings:  # a defect of the import itself: never leave such a file behind
        outcome.findings += loaded.findings
        outcome.problem = f"生成的 {display} 无法通过读取检查（见上），未写出；请报告这个问题"
        return outcome
    write_atomic(target, text.encode("utf-8"))
    outcome.written = True
    return outcome


def import_files(
    paths: list[Path],
    out: Path,
    *,
    year: int | None = None,
    slug: str | None = None,
    agency: str | None = None,
    published: dt.date | None = None,
    force: bool = False,
) -> list[Outcome]:
    if slug is not None and len(paths) > 1:
        raise UsageError("--slug 只能用于导入单个文件（多个文件会写到同一个文件名）")
    if slug is not None and default_slug(Path(slug)) != slug:
        raise UsageError(f"--slug “{slug}”只能包含字母、数字、汉字、“-”和“_”")
    outcomes: list[Outcome] = []
    for p in paths:
        if p.suffix.lower() in WORKBOOK_SUFFIXES:
            if slug is not None or agency is not None:
                raise UsageError(
                    f"{Workspace.display(p)} 是统计工作簿：每行的简称和机关取自工作簿，不能用 --slug 或 --agency"
                )
            outcomes.extend(_import_workbook(p, out, year, published, force))
        else:
            outcomes.append(
                import_file(
                    p, out, year=year, slug=slug, agency=agency, published=published, force=force
                )
            )
    return outcomes


def _import_workbook(
    path: Path, out: Path, year: int | None, published: dt.date | None, force: bool
) -> list[Outcome]:
    source = Workspace.display(path)
    try:
        rows = read_workbook(path, source, year, published)
    except ReadError as exc:
        return [Outcome(source, findings=[exc.finding])]
    outcomes = []
    for row in rows:
        outcome = Outcome(f"{source}（{row.slug}）", findings=sort_findings(row.notes.findings))
        if row.report is not None:
            target = out / str(row.report.year) / f"{row.slug}.yaml"
            write_input(outcome, target, row.report.year, row.yaml, force)
        outcomes.append(outcome)
    return outcomes


def report_json(outcomes: list[Outcome]) -> dict[str, Any]:
    """What ``--format json`` prints: per source, the file written (or why none) and findings."""
    return {
        "sources": [
            {
                "source": o.source,
                "target": o.target,
                "written": o.written,
                "problem": o.problem,
                "findings": [f.to_json() for f in o.findings],
            }
            for o in outcomes
        ],
        "summary": {"sources": len(outcomes), "written": sum(o.written for o in outcomes)},
    }


def report_lines(outcomes: list[Outcome]) -> list[tuple[Severity | None, str]]:
    """What the CLI prints: each finding, then where each file went, then a summary."""
    lines: list[tuple[Severity | None, str]] = []
    for outcome in outcomes:
        lines.extend((f.severity, f.format()) for f in outcome.findings)
        count = {s: sum(f.severity is s for f in outcome.findings) for s in Severity}
        tally = "，".join(f"{count[s]} 个{s.value}" for s in Severity if count[s])
        tally = f"（{tally}）" if tally else ""
        if outcome.written:
            lines.append((None, f"已写入 {outcome.target}：导入自 {outcome.source}{tally}"))
        elif outcome.problem:
            lines.append((Severity.ERROR, f"{outcome.source}：{outcome.problem}"))
        else:
            lines.append((Severity.ERROR, f"{outcome.source}：未写出输入文件{tally}"))
    written = sum(o.written for o in outcomes)
    lines.append((None, f"导入了 {len(outcomes)} 份报告，写出 {written} 个输入文件。"))
    return lines
