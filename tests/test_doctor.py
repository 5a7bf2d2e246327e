"""genreport doctor and the font check behind --format pdf: what is installed, what replaces what,
and what to do, in Chinese. Fonts and programs are injected; one CLI run asks the real machine."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from genreport.cli import app
from genreport.doctor import Item, Machine, diagnose, font_items, program_items, workspace_items
from genreport.fonts import INSTALL_HINT, FontSystem, font_statuses, missing_fonts_warning
from genreport.render.templates import DEFAULTS
from genreport.schema import SCHEMA_FILE, schema_json
from genreport.workspace import Workspace

FC_LIST = "DejaVu Serif\nNoto Sans CJK SC,Noto Sans CJK SC Regular\nSimHei,黑体\n"


def fontconfig(listing: str = FC_LIST, *, fails: bool = False) -> FontSystem:
    def runner(command: Sequence[str]) -> str | None:
        if fails:
            return None
        if command[0] == "/bin/fc-list":
            return listing
        if ":lang=zh-cn" in command[-1]:
            return "Noto Sans CJK SC,Noto Sans CJK SC Regular"
        return "DejaVu Serif"

    return FontSystem("linux", {}, lambda name: f"/bin/{name}", runner)


def test_fontconfig_says_what_is_missing_and_what_replaces_it() -> None:
    statuses = font_statuses(fontconfig())
    assert statuses is not None
    assert [(s.font.name, s.installed, s.substitute) for s in statuses] == [
        ("仿宋_GB2312", False, "Noto Sans CJK SC"),
        ("方正小标宋简体", False, "Noto Sans CJK SC"),
        ("黑体", True, None),  # listed under its English name and its Chinese one
        ("楷体_GB2312", False, "Noto Sans CJK SC"),
        ("宋体", False, "Noto Sans CJK SC"),
        ("Times New Roman", False, "DejaVu Serif"),
    ]
    assert missing_fonts_warning(statuses) == (
        "缺少公文字体：仿宋_GB2312（正文，将以“Noto Sans CJK SC”代替）、"
        "方正小标宋简体（标题，将以“Noto Sans CJK SC”代替）、"
        "楷体_GB2312（“（一）”标题，将以“Noto Sans CJK SC”代替）、"
        "宋体（页码，将以“Noto Sans CJK SC”代替）、"
        "Times New Roman（数字和字母，将以“DejaVu Serif”代替）。"
        f"PDF 与正式公文的字体不同。{INSTALL_HINT}。"
    )


def test_all_fonts_installed_means_no_warning() -> None:
    listing = "仿宋_GB2312\n方正小标宋简体\n黑体\n楷体_GB2312\nSimSun,宋体\nTimes New Roman\n"
    statuses = font_statuses(fontconfig(listing))
    assert statuses is not None and all(s.installed for s in statuses)
    assert missing_fonts_warning(statuses) is None


def test_without_fontconfig_the_check_says_it_cannot_tell() -> None:
    assert font_statuses(FontSystem("linux", {}, lambda name: None)) is None
    assert font_statuses(fontconfig(fails=True)) is None
    assert missing_fonts_warning(None) == (
        "无法检查是否安装了公文字体（没有 fc-list）；缺少字体时 PDF 会改用其他字体"
    )


def test_windows_reads_the_fonts_folder() -> None:
    seen: list[Path] = []

    def list_dir(folder: Path) -> list[str]:
        seen.append(folder)
        return ["SIMHEI.TTF", "simsun.ttc", "times.ttf", "仿宋_GB2312.ttf"]

    system = FontSystem("win32", {"WINDIR": r"C:\Windows"}, lambda name: None, list_dir=list_dir)
    statuses = font_statuses(system)
    assert statuses is not None
    assert [s.font.name for s in statuses if not s.installed] == ["方正小标宋简体", "楷体_GB2312"]
    assert seen == [Path(r"C:\Windows") / "Fonts"]


def test_font_items_give_one_hint() -> None:
    items = font_items(Machine(fonts=fontconfig()))
    assert items[0] == Item(
        "字体", False, "仿宋_GB2312（正文）：没有安装，LibreOffice 会以“Noto Sans CJK SC”代替"
    )
    assert items[2] == Item("字体", True, "黑体（“一、”标题）：已安装")
    assert [i.hint for i in items].count(INSTALL_HINT) == 1 and items[-1].hint == INSTALL_HINT


def test_programs_found_missing_and_broken() -> None:
    def version(program: str) -> str | None:
        return None if "broken" in program else f"{Path(program).name} 1.0"

    found = Machine(soffice=lambda: "/usr/bin/soffice", pandoc=lambda: "/p/pandoc", version=version)
    assert program_items(found) == [
        Item("LibreOffice", True, "soffice 1.0（/usr/bin/soffice）"),
        Item("pandoc", True, "pandoc 1.0（/p/pandoc）"),
    ]
    missing = Machine(soffice=lambda: None, pandoc=lambda: "/broken/pandoc", version=version)
    office, pandoc = program_items(missing)
    assert (office.ok, office.found) == (False, "没有找到（--format pdf 需要它）")
    assert office.hint is not None and "sudo apt-get install libreoffice-writer" in office.hint
    assert (pandoc.ok, pandoc.found) == (False, "没有找到（导入 .docx、.html 需要它）")


def test_workspace_schema_and_templates(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path)
    assert workspace_items(workspace) == [
        Item(
            "工作区",
            False,
            f"{Workspace.display(tmp_path / 'inputs')}/ 不存在",
            "在工作区目录中运行，或用 -C 指定工作区；新建工作区：genreport init 目录",
        )
    ]
    (tmp_path / "inputs" / "2023").mkdir(parents=True)
    (tmp_path / "inputs" / "2023" / "a.yaml").write_text("机关: 甲\n", encoding="utf-8")
    schema = tmp_path / "inputs" / SCHEMA_FILE
    schema.write_text("{}", encoding="utf-8")
    (tmp_path / "templates").mkdir()
    shutil.copy(DEFAULTS / "report.html.j2", tmp_path / "templates")
    (tmp_path / "templates" / "report.docx").write_bytes(b"an older template")
    items = workspace_items(workspace)
    assert [(i.ok, i.found) for i in items] == [
        (True, "数据文件：2023 年 1 个"),
        (False, f"{Workspace.display(schema)} 不是最新的"),
        (
            True,
            f"模板：{Workspace.display(tmp_path / 'templates')}/ 中的 report.docx、report.html.j2",
        ),
        (
            True,
            f"{Workspace.display(tmp_path / 'templates' / 'report.docx')} 与本版 genreport 的内置模板不同",
        ),
    ]
    assert items[1].hint == "运行 genreport schema 更新"
    schema.write_text(schema_json(), encoding="utf-8")
    assert workspace_items(workspace)[1] == Item(
        "工作区", True, f"{Workspace.display(schema)} 是最新的"
    )


def test_diagnose_lists_fonts_then_programs_then_workspace(tmp_path: Path) -> None:
    machine = Machine(fonts=fontconfig(), soffice=lambda: None, pandoc=lambda: None)
    topics = [i.topic for i in diagnose(Workspace(tmp_path), machine)]
    assert topics == ["字体"] * 6 + ["LibreOffice", "pandoc", "工作区"]


REPO = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="fontconfig is not installed")
def test_doctor_command_on_this_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(app, ["doctor"])
    lines = result.output.splitlines()
    statuses = font_statuses()
    assert statuses is not None
    missing = sum(not s.installed for s in statuses)
    assert sum(line.startswith("✗ 字体：") for line in lines) == missing
    assert any(line.startswith(("✓ LibreOffice：", "✗ LibreOffice：")) for line in lines)
    assert any(line.startswith("✓ pandoc：pandoc ") for line in lines)
    assert "✓ 工作区：inputs/genreport.schema.json 是最新的" in lines
    assert result.exit_code == (1 if "✗" in result.output else 0)
    assert lines[-1] == (
        "一切就绪" if result.exit_code == 0 else f"有 {result.output.count('✗')} 项需要处理"
    )
