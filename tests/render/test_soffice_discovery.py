"""Finding LibreOffice: GENREPORT_SOFFICE, PATH, then where installers put it (Windows, macOS).
Platform, environment and file system are injected, so both behaviours run everywhere."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from genreport.render import pdf
from genreport.render.pdf import find_soffice, soffice_candidates

WINDOWS = {"ProgramFiles": r"C:\Program Files", "ProgramFiles(x86)": r"C:\Program Files (x86)"}


def _nothing_on_path(_: str) -> None:
    return None


def test_windows_finds_soffice_exe_under_program_files() -> None:
    x86 = r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"
    found = find_soffice("win32", WINDOWS, _nothing_on_path, lambda p: p == x86)
    assert found == x86
    assert soffice_candidates("win32", WINDOWS) == [
        r"C:\Program Files\LibreOffice\program\soffice.exe",
        x86,
    ]


def test_windows_without_environment_tries_the_default_folder() -> None:
    assert soffice_candidates("win32", {}) == [r"C:\Program Files\LibreOffice\program\soffice.exe"]


def test_windows_prefers_path_and_the_configured_program() -> None:
    on_path = r"D:\LO\program\soffice.exe"
    assert (
        find_soffice("win32", WINDOWS, lambda n: on_path if n == "soffice" else None, bool)
        == on_path
    )
    configured = {**WINDOWS, "GENREPORT_SOFFICE": r"E:\soffice.exe"}
    assert find_soffice(
        "win32", configured, _nothing_on_path, lambda p: p == r"E:\soffice.exe"
    ) == (r"E:\soffice.exe")
    assert find_soffice("win32", configured, _nothing_on_path, lambda p: False) is None


def test_posix_uses_path_only_and_macos_the_app_bundle() -> None:
    assert find_soffice("linux", {}, _nothing_on_path, lambda p: True) is None
    assert (
        find_soffice("linux", {}, lambda n: "/usr/bin/soffice", lambda p: True)
        == "/usr/bin/soffice"
    )
    app = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
    assert find_soffice("darwin", {}, _nothing_on_path, lambda p: p == app) == app


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in soffice is a shell script")
def test_a_hanging_libreoffice_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    soffice = tmp_path / "soffice"
    soffice.write_text("#!/bin/sh\nsleep 60\n", encoding="utf-8")
    soffice.chmod(0o755)
    monkeypatch.setattr(pdf, "TIMEOUT_SECONDS", 1)
    with pytest.raises(pdf.PdfError) as caught:
        pdf.docx_to_pdf(b"not really a docx", str(soffice))
    assert str(caught.value) == f"LibreOffice 转换 PDF超过 1 秒仍未完成，已停止（{soffice}）"
