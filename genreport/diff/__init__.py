"""``genreport diff``: each agency's report against its previous year (or the year ``--from`` names).

Reads through the pipeline's loader, so a file is loaded once whether it is compared or compared
against; ``compare.py`` computes the changes, ``html.py`` and ``markdown.py`` print them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..findings import Finding
from ..pipeline import Loader
from ..workspace import Workspace, folder_year
from .compare import CellChange, ReportDiff, SectionChange, compare
from .html import render_html
from .markdown import render_markdown


@dataclass
class DiffResult:
    path: Path
    file: str
    diff: ReportDiff | None = None
    #: Why there is no diff: load errors of either file …
    findings: list[Finding] = field(default_factory=list)
    #: … or no base file to compare with.
    note: str | None = None


def base_file(path: Path, base_year: int | None) -> Path | None:
    """inputs/2024/x.yaml → inputs/2023/x.yaml, or inputs/<base_year>/x.yaml."""
    year = folder_year(path)
    if year is None:
        return None
    return path.parent.parent / str(base_year if base_year is not None else year - 1) / path.name


def diff_files(
    paths: list[Path], base_year: int | None = None, loader: Loader | None = None
) -> list[DiffResult]:
    loader = loader or Loader()
    results = []
    for path in paths:
        loaded = loader.load(path)
        result = DiffResult(path, loaded.file)
        results.append(result)
        base = base_file(path, base_year)
        if loaded.report is None:
            result.findings = list(loaded.findings)
            continue
        if base is None:
            result.note = f"{loaded.file} 不在年度文件夹（inputs/年度/）中，找不到可比较的文件"
            continue
        shown = Workspace.display(base)
        if not base.is_file():
            result.note = f"没有 {shown}，{loaded.file} 无法比较"
            continue
        earlier = loader.load(base)
        if earlier.report is None:
            result.findings = list(earlier.findings)
            result.note = f"{shown} 有错误，无法比较"
            continue
        result.diff = compare(
            loaded.report,
            earlier.report,
            loaded.file,
            shown,
            loader.previous(path),
            loader.previous(base),
        )
    return results


__all__ = [
    "CellChange",
    "DiffResult",
    "ReportDiff",
    "SectionChange",
    "base_file",
    "diff_files",
    "render_html",
    "render_markdown",
]
