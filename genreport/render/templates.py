"""Where templates come from: the workspace's ``templates/`` first, then the package defaults.

The defaults ship inside the package (``genreport/defaults/templates``), so an installed genreport
builds reports outside this repository; an agency overrides any of them by keeping a file of the
same name in its workspace's ``templates/`` (``genreport init`` copies them there).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

DEFAULTS = Path(__file__).resolve().parent.parent / "defaults" / "templates"
DOCX = "report.docx"
HTML = "report.html.j2"
MARKDOWN = "report.md.j2"
TABLE_MACROS = "_table.html.j2"
#: Every template a build reads; their bytes are part of what decides whether to rebuild.
NAMES = (DOCX, HTML, MARKDOWN, TABLE_MACROS)


class TemplateProblem(Exception):
    """A template that cannot render (usually one a user edited): says which, where and why."""


@dataclass(frozen=True)
class Templates:
    dirs: tuple[Path, ...]  # searched in order

    def find(self, name: str) -> Path:
        for folder in self.dirs:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        raise FileNotFoundError(f"找不到模板 {name}（查找了：{'、'.join(map(str, self.dirs))}）")

    def digest(self) -> str:
        """A hash of the templates a build would use (which file wins, and its bytes)."""
        h = hashlib.sha256()
        for name in NAMES:
            data = self.find(name).read_bytes()
            h.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
        return h.hexdigest()


def templates_for(workspace_templates: Path | None) -> Templates:
    dirs = [DEFAULTS]
    if (
        workspace_templates is not None
        and workspace_templates.is_dir()
        and workspace_templates.resolve() != DEFAULTS
    ):
        dirs.insert(0, workspace_templates.resolve())
    return Templates(tuple(dirs))
