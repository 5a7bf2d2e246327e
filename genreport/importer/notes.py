"""Findings of the import, each tied to the input-file value it is about.

The same note is printed after the import (a ``Finding`` pointing into the source report) and
written into the YAML as a comment at that value, so nothing assumed goes unmarked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..findings import Finding, Severity
from .document import Loc
from .rules import finding

YamlPath = tuple[str, ...]


@dataclass(frozen=True)
class Note:
    path: YamlPath | None  # the value in the written YAML, None when it has no place there
    finding: Finding
    comment: str  # the YAML comment: what was assumed, and where in the source


@dataclass
class Notes:
    file: str
    items: list[Note] = field(default_factory=list)
    comments_only: list[tuple[YamlPath, str]] = field(default_factory=list)

    def add(
        self,
        path: YamlPath | None,
        loc: Loc,
        rule: str,
        severity: Severity,
        message: str,
        cell: str | None = None,
    ) -> Note:
        item = finding(self.file, loc, rule, severity, message, cell)
        comment = f"导入：{message}（原文{loc.describe()}）"
        note = Note(path, item, comment)
        self.items.append(note)
        return note

    def withdraw(self, notes: list[Note]) -> None:
        """Take back notes made for a reading of a table that was not chosen."""
        gone = {id(n) for n in notes}
        self.items = [n for n in self.items if id(n) not in gone]

    def comment(self, path: YamlPath, text: str) -> None:
        """A YAML comment only, for a value a finding already printed covers (one per table)."""
        self.comments_only.append((path, f"导入：{text}"))

    @property
    def findings(self) -> list[Finding]:
        return [n.finding for n in self.items]

    def comments(self) -> dict[YamlPath, list[str]]:
        result: dict[YamlPath, list[str]] = {}
        for note in self.items:
            if note.path is not None:
                result.setdefault(note.path, []).append(note.comment)
        for path, text in self.comments_only:
            result.setdefault(path, []).append(text)
        return result
