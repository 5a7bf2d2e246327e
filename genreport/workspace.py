"""Where things are in an agency's workspace: inputs/YEAR/*.yaml, templates/, build/.

The workspace is found the way git finds its repository: the nearest folder, from where the user
stands upwards, that holds ``inputs/``. Year arguments, the previous year, ``build/``, ``templates/``
and the manifest are the workspace's; file arguments are relative to where they were typed; every
path a user is shown is relative to the workspace root, so findings read the same from any folder.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

YEAR = re.compile(r"[0-9]{4}")
INPUT_SUFFIXES = (".yaml", ".yml")
#: The agency slug `genreport init` names the first input file with when none is given.
DEFAULT_SLUG = "jiguan"


class UsageError(Exception):
    """The user named something that does not exist; the CLI exits 2 with this message."""


@dataclass(frozen=True)
class Workspace:
    root: Path

    @classmethod
    def find(cls, start: Path) -> Workspace:
        """The nearest folder at or above ``start`` that holds ``inputs/``; ``start`` if none does."""
        start = _absolute(start)
        for folder in (start, *start.parents):
            if (folder / "inputs").is_dir():
                return cls(folder)
        return cls(start)

    @property
    def found(self) -> bool:
        return self.inputs.is_dir()

    @property
    def inputs(self) -> Path:
        return self.root / "inputs"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def build(self) -> Path:
        return self.root / "build"

    def years(self) -> list[int]:
        if not self.inputs.is_dir():
            return []
        return sorted(
            int(p.name) for p in self.inputs.iterdir() if p.is_dir() and YEAR.fullmatch(p.name)
        )

    def year_files(self, year: int) -> list[Path]:
        folder = self.inputs / str(year)
        if not folder.is_dir():
            known = "、".join(map(str, self.years())) or "无"
            raise UsageError(f"没有 {self.show(folder)} 文件夹（已有的年度：{known}）")
        return sorted(p for p in folder.iterdir() if p.suffix in INPUT_SUFFIXES and p.is_file())

    def resolve(self, targets: list[str]) -> list[Path]:
        """``[YEAR | FILE ...]`` → input files (absolute); nothing given means every year.

        A year is the workspace's; a file or folder is relative to the current folder.
        """
        if not targets:
            return [f for year in self.years() for f in self.year_files(year)]
        files: list[Path] = []
        for target in targets:
            path = _absolute(Path(target))
            if YEAR.fullmatch(target) and not path.is_file():
                files.extend(self.year_files(int(target)))
            elif path.is_file():
                files.append(path)
            elif path.is_dir():
                files.extend(sorted(p for p in path.iterdir() if p.suffix in INPUT_SUFFIXES))
            else:
                raise UsageError(f"找不到“{target}”：请给出年度（如 2023）或 YAML 文件的路径")
        return list(dict.fromkeys(files))

    def show(self, path: Path) -> str:
        """A path as findings name it: relative to the workspace root, whatever the current folder.

        Paths outside the workspace are shown as ``display`` shows them.
        """
        absolute = _absolute(path)
        if absolute.is_relative_to(self.root):  # resolving (a system call per folder) is rarer
            return absolute.relative_to(self.root).as_posix()
        resolved, root = absolute.resolve(), self.root.resolve()
        if resolved.is_relative_to(root):
            return resolved.relative_to(root).as_posix()
        return self.display(path)

    @staticmethod
    def display(path: Path) -> str:
        """A path as the user would type it: relative to the current folder when possible."""
        try:
            relative = os.path.relpath(path)
        except ValueError:  # another drive on Windows
            return path.as_posix()
        return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def folder_year(path: Path) -> int | None:
    """inputs/2023/x.yaml → 2023: the year a file's folder names, if it is a year folder."""
    folder = path.resolve().parent.name
    return int(folder) if YEAR.fullmatch(folder) else None


def previous_year_file(path: Path) -> Path | None:
    """inputs/2023/x.yaml → inputs/2022/x.yaml (same stem = same agency); None outside a year folder.

    The folder names the year: a file whose 年度 differs from it does not load (R19).
    """
    year = folder_year(path)
    folder = _absolute(path).parent.parent
    return None if year is None else folder / str(year - 1) / path.name


def _absolute(path: Path) -> Path:
    """Absolute and normalized (``..`` removed) without following symlinks, so names stay typed."""
    return Path(os.path.normpath(path.absolute()))
