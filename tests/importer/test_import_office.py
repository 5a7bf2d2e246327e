""".doc, .wps, .odt and .rtf: LibreOffice's saves of the project's own rendered report import
every cell; without LibreOffice, and for a damaged file, the user is told what to do.

The four files are made by ``fixtures/office/make_office_files.py`` from ``shiliju.yaml``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from importer_helpers import FIXTURES, REFERENCE, printed_cells, run_import

from genreport.model import Report
from genreport.render.pdf import find_soffice

OFFICE = FIXTURES / "office"
needs_soffice = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) 未安装")


@needs_soffice
@pytest.mark.parametrize("suffix", [".doc", ".wps", ".odt", ".rtf"])
def test_office_file_imports_every_cell(
    suffix: str, reference: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(OFFICE / f"shiliju{suffix}", f"shiliju{suffix}")
    result = run_import(Path(f"shiliju{suffix}"), Path("inputs"))
    assert result.messages == []
    assert result.report is not None
    assert printed_cells(result.report) == printed_cells(reference)
    assert (result.report.agency, result.report.published) == (
        reference.agency,
        reference.published,
    )
    assert result.report.overview.parts[0].text.value == reference.overview.parts[0].text.value


def test_wps_fixture_is_an_ole_file_written_as_by_wps() -> None:
    data = (OFFICE / "shiliju.wps").read_bytes()
    assert data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    assert b"KSOProductBuildVer" in data
    assert REFERENCE.is_file()


@pytest.mark.parametrize("suffix", [".doc", ".wps", ".odt", ".rtf"])
def test_without_libreoffice_says_what_to_install_or_how_to_save(
    suffix: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GENREPORT_SOFFICE", str(tmp_path / "no-soffice"))
    shutil.copy(OFFICE / f"shiliju{suffix}", f"shiliju{suffix}")
    result = run_import(Path(f"shiliju{suffix}"), Path("inputs"))
    apps = "WPS 或 Word" if suffix in (".doc", ".wps") else "WPS、Word 或 LibreOffice"
    assert result.messages == [
        f"shiliju{suffix}: 错误 I1 导入 {suffix} 文件需要 LibreOffice 把它转换为 .docx，"
        "但没有找到 soffice 命令。可以：\n"
        f"  1. 在 {apps} 中打开这个文件，“另存为”Word 文档（.docx），再导入 .docx；或者\n"
        "  2. 安装 LibreOffice：Debian/Ubuntu：sudo apt-get install libreoffice-writer-nogui；"
        "CentOS/麒麟/统信：sudo dnf install libreoffice-writer；macOS：brew install --cask libreoffice；"
        "Windows：从 https://www.libreoffice.org/download/ 安装，并把 program 文件夹加入 PATH"
        "（或设置环境变量 GENREPORT_SOFFICE 为 soffice 的完整路径）"
    ]
    assert not result.outcome.written


@pytest.mark.parametrize(
    ("suffix", "name"),
    [(".doc", "Word 97–2003"), (".wps", "WPS 文字"), (".odt", "OpenDocument"), (".rtf", "RTF")],
)
def test_damaged_file_is_not_read_as_plain_text(suffix: str, name: str, importer) -> None:
    result = importer(f"坏{suffix}", "二、主动公开政府信息情况\n" * 20)
    assert result.messages == [
        f"坏{suffix}: 错误 I1 文件的内容不是 {name} 格式（可能已损坏，或扩展名不对）；"
        "请在 WPS 或 Word 中打开，另存为 .docx 后再导入"
    ]


@needs_soffice
def test_doc_that_libreoffice_cannot_open(importer) -> None:
    result = importer("坏.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096)
    assert result.messages == [
        "坏.doc: 错误 I1 LibreOffice 无法打开这个文件（不是有效的 Word 97–2003 文档，或已损坏）；"
        "请在 WPS 或 Word 中打开，另存为 .docx 后再导入"
    ]
