"""PDF output: the Word file converted by LibreOffice, headless.

Optional: genreport runs without LibreOffice, and ``--format pdf`` says exactly what to install
when it is missing. Each process keeps its own LibreOffice profile, so parallel builds do not
fight over one (a shared profile makes concurrent ``soffice`` calls fail silently).
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path, PureWindowsPath

from ..bounded import MIB, ProgramError, run_bounded

INSTALL_HINT = (
    "--format pdf 需要 LibreOffice 把 Word 文件转换为 PDF，但没有找到 soffice 命令。请安装：\n"
    "  Debian/Ubuntu：sudo apt-get install libreoffice-writer fonts-noto-cjk\n"
    "  CentOS/麒麟/统信（yum/dnf）：sudo dnf install libreoffice-writer google-noto-sans-cjk-fonts\n"
    "  macOS：brew install --cask libreoffice\n"
    "  Windows：从 https://www.libreoffice.org/download/ 安装（装在默认的 Program Files 下即可找到）\n"
    "也可以设置环境变量 GENREPORT_SOFFICE 指向 soffice 的完整路径。"
)
_MAC_APP = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
#: Where the LibreOffice installer puts soffice.exe, under %ProgramFiles% and %ProgramFiles(x86)%.
_WINDOWS_PROGRAM = ("LibreOffice", "program", "soffice.exe")
TIMEOUT_SECONDS = 300
#: LibreOffice reserves much address space up front; 4 GiB leaves room for any report.
MEMORY_LIMIT = 4096 * MIB


class PdfError(Exception):
    """LibreOffice is missing or failed; the message says what to do."""


def soffice_candidates(platform: str, environ: Mapping[str, str]) -> list[str]:
    """Where LibreOffice lives when it is not on PATH (the Windows installer does not add it)."""
    if platform == "win32":
        roots = [environ.get(v) for v in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")]
        folders = dict.fromkeys(r for r in (*roots, r"C:\Program Files") if r)
        return [str(PureWindowsPath(root, *_WINDOWS_PROGRAM)) for root in folders]
    if platform == "darwin":
        return [_MAC_APP]
    return []


def find_soffice(
    platform: str = sys.platform,
    environ: Mapping[str, str] = os.environ,
    which: Callable[[str], str | None] = shutil.which,
    is_file: Callable[[str], bool] = os.path.isfile,
) -> str | None:
    """GENREPORT_SOFFICE, then soffice on PATH, then the installer's usual folders."""
    configured = environ.get("GENREPORT_SOFFICE")
    if configured:
        return configured if is_file(configured) else None
    found = which("soffice") or which("libreoffice")
    if found:
        return found
    return next((c for c in soffice_candidates(platform, environ) if is_file(c)), None)


def require_soffice() -> str:
    soffice = find_soffice()
    if soffice is None:
        raise PdfError(INSTALL_HINT)
    return soffice


@cache
def _profile() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="genreport-soffice-"))
    atexit.register(shutil.rmtree, folder, True)
    return folder


def docx_to_pdf(docx: bytes, soffice: str | None = None) -> bytes:
    """Convert Word bytes to PDF bytes with LibreOffice."""
    soffice = soffice or require_soffice()
    with tempfile.TemporaryDirectory(prefix="genreport-pdf-") as tmp:
        source = Path(tmp) / "report.docx"
        source.write_bytes(docx)
        command = [
            soffice,
            f"-env:UserInstallation={_profile().as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            tmp,
            str(source),
        ]
        try:
            done = run_bounded(
                command, what="LibreOffice 转换 PDF", timeout=TIMEOUT_SECONDS, memory=MEMORY_LIMIT
            )
        except ProgramError as exc:
            raise PdfError(f"{exc}（{soffice}）") from None
        target = source.with_suffix(".pdf")
        if done.returncode != 0 or not target.is_file():
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip()
            raise PdfError(f"LibreOffice 未能生成 PDF（退出码 {done.returncode}）：{detail}")
        return target.read_bytes()
