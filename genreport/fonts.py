"""Are the GB/T 9704 fonts installed, and what prints in place of each one that is not?

The Word template names 仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体 and 宋体 (Times New Roman for
digits and Latin letters). LibreOffice, Word and WPS silently print a missing font in another one,
so a PDF made on a machine without them looks nothing like an official document. fontconfig
(``fc-list``, ``fc-match``, on Linux and macOS) says what is installed and what LibreOffice will
use instead; on Windows the fonts folder is read. Each call has a timeout and a memory cap.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .bounded import MIB, ProgramError, run_bounded
from .render.typefaces import FANGSONG, HEITI, KAITI, LATIN, SONGTI, XIAOBIAOSONG

TIMEOUT_SECONDS = 30  # the first fc-list of a session may build the font cache
MEMORY_LIMIT = 512 * MIB


@dataclass(frozen=True)
class Font:
    name: str  # as the template names it
    role: str  # what it prints
    aliases: tuple[str, ...]  # other family names of the same font
    windows_files: tuple[str, ...]  # its usual file names under C:\Windows\Fonts (lower case)
    cjk: bool = True


FONTS = (
    Font(FANGSONG, "正文", ("FangSong_GB2312",), ("仿宋_gb2312.ttf", "fs_gb2312.ttf")),
    Font(XIAOBIAOSONG, "标题", ("FZXiaoBiaoSong-B05S",), ("方正小标宋简体.ttf", "fzxbsjw.ttf")),
    Font(HEITI, "“一、”标题", ("SimHei",), ("simhei.ttf",)),
    Font(KAITI, "“（一）”标题", ("KaiTi_GB2312",), ("楷体_gb2312.ttf", "kt_gb2312.ttf")),
    Font(SONGTI, "页码", ("SimSun",), ("simsun.ttc",)),
    Font(LATIN, "数字和字母", (), ("times.ttf",), cjk=False),
)

INSTALL_HINT = (
    "这些字体随 Windows、WPS 或方正字库提供（方正小标宋简体需要方正的授权）。Linux：把字体文件复制到 "
    "~/.local/share/fonts/ 后运行 fc-cache -f；macOS：双击字体文件安装。也可以在装有这些字体的电脑上"
    "用 Word 或 WPS 打开 .docx，另存为 PDF"
)


@dataclass(frozen=True)
class FontStatus:
    font: Font
    installed: bool
    substitute: str | None = None  # the family printed instead, when it can be told


#: Runs a command; its standard output, or None when it could not run, failed or timed out.
Runner = Callable[[Sequence[str]], str | None]


def _run(command: Sequence[str]) -> str | None:
    try:
        done = run_bounded(command, what="检查字体", timeout=TIMEOUT_SECONDS, memory=MEMORY_LIMIT)
    except ProgramError:
        return None
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else None


@dataclass(frozen=True)
class FontSystem:
    """Where font facts come from; tests pass their own."""

    platform: str = sys.platform
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    which: Callable[[str], str | None] = shutil.which
    runner: Runner = _run
    list_dir: Callable[[Path], list[str]] = os.listdir


def _fontconfig(system: FontSystem) -> list[FontStatus] | None:
    fc_list, fc_match = system.which("fc-list"), system.which("fc-match")
    if fc_list is None or fc_match is None:
        return None
    listed = system.runner([fc_list, "--format", "%{family}\n"])
    if listed is None:
        return None
    families = {name.strip() for line in listed.splitlines() for name in line.split(",")}
    statuses = []
    for font in FONTS:
        if {font.name, *font.aliases} & families:
            statuses.append(FontStatus(font, True))
            continue
        pattern = f"{font.name}:lang=zh-cn" if font.cjk else font.name
        matched = system.runner([fc_match, "--format", "%{family}", pattern]) or ""
        substitute = matched.split(",")[0].strip()
        statuses.append(FontStatus(font, False, substitute or None))
    return statuses


def _windows(system: FontSystem) -> list[FontStatus] | None:
    folder = Path(system.environ.get("WINDIR") or system.environ.get("SystemRoot") or r"C:\Windows")
    try:
        files = {name.lower() for name in system.list_dir(folder / "Fonts")}
    except OSError:
        return None
    return [FontStatus(f, any(n in files for n in f.windows_files)) for f in FONTS]


def font_statuses(system: FontSystem | None = None) -> list[FontStatus] | None:
    """Each template font and whether it is installed; None when this system cannot tell."""
    system = system or FontSystem()
    if system.platform == "win32":
        return _windows(system)
    return _fontconfig(system)


def missing_fonts_warning(statuses: list[FontStatus] | None) -> str | None:
    """One Chinese sentence for ``--format pdf``: which fonts are missing and what replaces them."""
    if statuses is None:
        return "无法检查是否安装了公文字体（没有 fc-list）；缺少字体时 PDF 会改用其他字体"
    missing = [s for s in statuses if not s.installed]
    if not missing:
        return None
    parts = []
    for status in missing:
        instead = f"，将以“{status.substitute}”代替" if status.substitute else ""
        parts.append(f"{status.font.name}（{status.font.role}{instead}）")
    return f"缺少公文字体：{'、'.join(parts)}。PDF 与正式公文的字体不同。{INSTALL_HINT}。"


__all__ = ["FONTS", "Font", "FontStatus", "FontSystem", "font_statuses", "missing_fonts_warning"]
