"""Where things are in an agency's workspace: inputs/YEAR/*.yaml, templates/, build/."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

YEAR = re.compile(r"[0-9]{4}")
INPUT_SUFFIXES = (".yaml", ".yml")


class UsageError(Exception):
    """The user named something that does not exist; the CLI exits 2 with this message."""


@dataclass(frozen=True)
class Workspace:
    root: Path

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
            raise UsageError(f"没有 {self.display(folder)} 文件夹（已有的年度：{known}）")
        return sorted(p for p in folder.iterdir() if p.suffix in INPUT_SUFFIXES and p.is_file())

    def resolve(self, targets: list[str]) -> list[Path]:
        """``[YEAR | FILE ...]`` → input files; nothing given means every year."""
        if not targets:
            return [f for year in self.years() for f in self.year_files(year)]
        files: list[Path] = []
        for target in targets:
            path = Path(target)
            if YEAR.fullmatch(target) and not path.is_file():
                files.extend(self.year_files(int(target)))
            elif path.is_file():
                files.append(path)
            elif path.is_dir():
                files.extend(sorted(p for p in path.iterdir() if p.suffix in INPUT_SUFFIXES))
            else:
                raise UsageError(f"找不到“{target}”：请给出年度（如 2023）或 YAML 文件的路径")
        return list(dict.fromkeys(files))

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
    return None if year is None else path.parent.parent / str(year - 1) / path.name
