"""PDF output: the Word file converted by LibreOffice, headless.

Optional: genreport runs without LibreOffice, and ``--format pdf`` says exactly what to install
when it is missing. Each process keeps its own LibreOffice profile, so parallel builds do not
fight over one (a shared profile makes concurrent ``soffice`` calls fail silently).
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

INSTALL_HINT = (
    "--format pdf 需要 LibreOffice 把 Word 文件转换为 PDF，但没有找到 soffice 命令。请安装：\n"
    "  Debian/Ubuntu：sudo apt-get install libreoffice-writer fonts-noto-cjk\n"
    "  CentOS/麒麟/统信（yum/dnf）：sudo dnf install libreoffice-writer google-noto-sans-cjk-fonts\n"
    "  macOS：brew install --cask libreoffice\n"
    "  Windows：从 https://www.libreoffice.org/download/ 安装，并把安装目录下的 program 文件夹加入 PATH\n"
    "也可以设置环境变量 GENREPORT_SOFFICE 指向 soffice 的完整路径。"
)
_MAC_APP = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
TIMEOUT_SECONDS = 300


class PdfError(Exception):
    """LibreOffice is missing or failed; the message says what to do."""


def find_soffice() -> str | None:
    configured = os.environ.get("GENREPORT_SOFFICE")
    if configured:
        return configured if Path(configured).is_file() else None
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    return _MAC_APP if Path(_MAC_APP).is_file() else None


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
            done = subprocess.run(
                command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False
            )
        except subprocess.TimeoutExpired:
            raise PdfError(f"LibreOffice 转换 PDF 超过 {TIMEOUT_SECONDS} 秒仍未完成") from None
        except OSError as exc:
            raise PdfError(f"无法运行 LibreOffice（{soffice}）：{exc}") from None
        target = source.with_suffix(".pdf")
        if done.returncode != 0 or not target.is_file():
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip()
            raise PdfError(f"LibreOffice 未能生成 PDF（退出码 {done.returncode}）：{detail}")
        return target.read_bytes()
