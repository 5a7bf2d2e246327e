"""``genreport doctor``: is this computer and this workspace ready to build the reports?

It lists what a build depends on beyond Python: the GB/T 9704 fonts (``fonts.py``), LibreOffice
for PDF, pandoc for importing Word and web pages, and the workspace itself (inputs, the editor
schema, templates), each with what was found and, when something is missing or stale, what to do.
Pure: the CLI prints the items; every program runs with a timeout and a memory cap.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .bounded import MIB, ProgramError, run_bounded
from .fonts import INSTALL_HINT, FontSystem, font_statuses
from .render.pdf import INSTALL_HINT as SOFFICE_HINT
from .render.pdf import find_soffice
from .render.templates import DEFAULTS, NAMES
from .schema import SCHEMA_FILE, schema_json
from .workspace import Workspace

VERSION_TIMEOUT = 60  # soffice --version starts most of LibreOffice
VERSION_MEMORY = 4096 * MIB


@dataclass(frozen=True)
class Item:
    topic: str  # 字体 / LibreOffice / pandoc / 工作区
    ok: bool
    found: str
    hint: str | None = None  # what to do when not ok (or worth knowing)


def _version(program: str) -> str | None:
    try:
        done = run_bounded(
            [program, "--version"], what=program, timeout=VERSION_TIMEOUT, memory=VERSION_MEMORY
        )
    except ProgramError:
        return None
    if done.returncode != 0:
        return None
    lines = done.stdout.decode("utf-8", "replace").strip().splitlines()
    return lines[0].strip() if lines else ""


def _pandoc_path() -> str | None:
    try:
        import pypandoc  # noqa: PLC0415  (loads only for doctor and import)

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError):
        return None


@dataclass(frozen=True)
class Machine:
    """How programs are found and asked their version; tests pass their own."""

    fonts: FontSystem = field(default_factory=FontSystem)
    soffice: Callable[[], str | None] = find_soffice
    pandoc: Callable[[], str | None] = _pandoc_path
    version: Callable[[str], str | None] = _version


def font_items(machine: Machine) -> list[Item]:
    statuses = font_statuses(machine.fonts)
    if statuses is None:
        return [Item("字体", False, "无法检查（没有 fc-list，也不是 Windows）", INSTALL_HINT)]
    items = []
    for status in statuses:
        label = f"{status.font.name}（{status.font.role}）"
        if status.installed:
            items.append(Item("字体", True, f"{label}：已安装"))
        else:
            instead = f"，LibreOffice 会以“{status.substitute}”代替" if status.substitute else ""
            items.append(Item("字体", False, f"{label}：没有安装{instead}"))
    missing = [i for i, item in enumerate(items) if not item.ok]
    if missing:  # one hint, under the last missing font
        last = items[missing[-1]]
        items[missing[-1]] = Item(last.topic, last.ok, last.found, INSTALL_HINT)
    return items


def program_items(machine: Machine) -> list[Item]:
    items = []
    soffice = machine.soffice()
    if soffice is None:
        items.append(Item("LibreOffice", False, "没有找到（--format pdf 需要它）", SOFFICE_HINT))
    else:
        version = machine.version(soffice)
        if version is None:
            items.append(Item("LibreOffice", False, f"{soffice} 无法运行", SOFFICE_HINT))
        else:
            items.append(Item("LibreOffice", True, f"{version}（{soffice}）"))
    pandoc = machine.pandoc()
    version = machine.version(pandoc) if pandoc else None
    if pandoc is None or version is None:
        hint = "重新安装 genreport（它依赖的 pypandoc-binary 自带 pandoc）：pip install --force-reinstall pypandoc-binary"
        items.append(Item("pandoc", False, "没有找到（导入 .docx、.html 需要它）", hint))
    else:
        items.append(Item("pandoc", True, f"{version}（{pandoc}）"))
    return items


def workspace_items(workspace: Workspace) -> list[Item]:
    shown = Workspace.display
    if not workspace.inputs.is_dir():
        hint = "在工作区目录中运行，或用 -C 指定工作区；新建工作区：genreport init 目录"
        return [Item("工作区", False, f"{shown(workspace.inputs)}/ 不存在", hint)]
    years = workspace.years()
    counts = (
        "、".join(f"{y} 年 {len(workspace.year_files(y))} 个" for y in years) or "没有年度文件夹"
    )
    items = [
        Item(
            "工作区",
            bool(years),
            f"数据文件：{counts}",
            None if years else "genreport new 年度 --all",
        )
    ]
    schema = workspace.inputs / SCHEMA_FILE
    if not schema.is_file():
        items.append(Item("工作区", False, f"{shown(schema)} 不存在", "运行 genreport schema 生成"))
    elif schema.read_text("utf-8", errors="replace") != schema_json():
        items.append(
            Item("工作区", False, f"{shown(schema)} 不是最新的", "运行 genreport schema 更新")
        )
    else:
        items.append(Item("工作区", True, f"{shown(schema)} 是最新的"))
    items.extend(_template_items(workspace))
    return items


def _template_items(workspace: Workspace) -> list[Item]:
    own = [n for n in NAMES if (workspace.templates / n).is_file()]
    if not own:
        return [Item("工作区", True, f"模板：使用内置模板（{shown_names(NAMES)}）")]
    items = [
        Item(
            "工作区",
            True,
            f"模板：{Workspace.display(workspace.templates)}/ 中的 {shown_names(own)}",
        )
    ]
    for name in own:
        if (workspace.templates / name).read_bytes() != (DEFAULTS / name).read_bytes():
            items.append(
                Item(
                    "工作区",
                    True,
                    f"{Workspace.display(workspace.templates / name)} 与本版 genreport 的内置模板不同",
                    "如果不是有意修改的，删除它即可改用新版内置模板（版式修正都在内置模板中）",
                )
            )
    return items


def shown_names(names: tuple[str, ...] | list[str]) -> str:
    return "、".join(names)


def diagnose(workspace: Workspace, machine: Machine | None = None) -> list[Item]:
    """Everything ``doctor`` reports, in the order it prints."""
    machine = machine or Machine()
    return [*font_items(machine), *program_items(machine), *workspace_items(workspace)]


__all__ = ["Item", "Machine", "diagnose"]
