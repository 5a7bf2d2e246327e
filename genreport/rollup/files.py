"""Where a roll-up's units are: files of the same year folder, named by their slugs."""

from __future__ import annotations

from pathlib import Path

from ..workspace import INPUT_SUFFIXES, previous_year_file

#: "汇总" in UTF-8: a file without it cannot add anything up.
_MARKER = "汇总".encode()


def unit_path(parent: Path, slug: str) -> Path:
    """``inputs/2023/city.yaml`` + ``fagaiju`` → ``inputs/2023/fagaiju.yaml`` (or ``.yml``)."""
    for suffix in INPUT_SUFFIXES:
        candidate = parent.parent / f"{slug}{suffix}"
        if candidate.is_file():
            return candidate
    return parent.parent / f"{slug}{INPUT_SUFFIXES[0]}"


def rollup_inputs(path: Path, data: bytes) -> list[Path]:
    """Every file the checks of ``path`` may read through 汇总: its year folder and the year before.

    Deliberately generous (any file mentioning 汇总): a build key that includes too much only
    rebuilds a roll-up report more often; one that includes too little would skip a stale one.
    """
    if _MARKER not in data:
        return []
    folders = [path.parent]
    previous = previous_year_file(path)
    if previous is not None:
        folders.append(previous.parent)
    found = []
    for folder in folders:
        if folder.is_dir():
            found += sorted(p for p in folder.iterdir() if p.suffix in INPUT_SUFFIXES and p != path)
    return found
