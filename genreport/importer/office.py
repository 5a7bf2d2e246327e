""".doc, .wps, .odt and .rtf → .docx, by LibreOffice headless, so one Word reader reads them all.

The same soffice the PDF output uses (``render.pdf.find_soffice``), with its own profile, a time
limit and a memory cap. Kingsoft WPS writes ``.wps`` in the Word 97 binary format (an OLE
compound file); LibreOffice's type detection would take the extension for Microsoft Works, so an
OLE ``.wps`` is opened with the Word 97 filter by name.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..bounded import MIB, ProgramError, run_bounded
from ..render.pdf import _profile as profile
from ..render.pdf import find_soffice
from .limits import check_zip

SUFFIXES = (".doc", ".wps", ".odt", ".rtf")
TIMEOUT_SECONDS = 120
MEMORY = 2048 * MIB
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_RTF = b"{\\rtf"
_MARKUP = (b"<", b"mime-version")  # Word's “web page” and .mht saved under .doc
_NAMES = {".doc": "Word 97–2003", ".wps": "WPS 文字", ".odt": "OpenDocument", ".rtf": "RTF"}


class ConvertError(Exception):
    """No LibreOffice, or it failed; the message says what to do."""


def install_hint(suffix: str) -> str:
    return (
        f"导入 {suffix} 文件需要 LibreOffice 把它转换为 .docx，但没有找到 soffice 命令。可以：\n"
        f"  1. 在 {'WPS 或 Word' if suffix in ('.doc', '.wps') else 'WPS、Word 或 LibreOffice'} "
        "中打开这个文件，“另存为”Word 文档（.docx），再导入 .docx；或者\n"
        "  2. 安装 LibreOffice：Debian/Ubuntu：sudo apt-get install libreoffice-writer-nogui；"
        "CentOS/麒麟/统信：sudo dnf install libreoffice-writer；macOS：brew install --cask libreoffice；"
        "Windows：从 https://www.libreoffice.org/download/ 安装，并把 program 文件夹加入 PATH"
        "（或设置环境变量 GENREPORT_SOFFICE 为 soffice 的完整路径）"
    )


def _looks_like(data: bytes, suffix: str) -> bool:
    """Whether the bytes are a document LibreOffice reads as one: it opens anything else as plain
    text, which would turn a damaged file into a page of garbage instead of an error."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if suffix == ".odt":
        return head.startswith(_ZIP)
    if suffix == ".rtf":
        return head.startswith(_RTF)
    return head.startswith((_OLE, _ZIP, _RTF)) or head.lower().startswith(_MARKUP)


def to_docx(path: Path) -> bytes:
    """The file converted to .docx bytes."""
    suffix = path.suffix.lower()
    data = path.read_bytes()
    if not _looks_like(data, suffix):
        raise ConvertError(
            f"文件的内容不是 {_NAMES[suffix]} 格式（可能已损坏，或扩展名不对）；"
            "请在 WPS 或 Word 中打开，另存为 .docx 后再导入"
        )
    if suffix == ".odt":
        check_zip(path)
    soffice = find_soffice()
    if soffice is None:
        raise ConvertError(install_hint(suffix))
    with tempfile.TemporaryDirectory(prefix="genreport-import-") as tmp:
        source = Path(tmp) / f"report{suffix}"
        source.write_bytes(data)
        command = [
            soffice,
            f"-env:UserInstallation={profile().as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
        ]
        if suffix == ".wps" and data.startswith(_OLE):
            command.append("--infilter=MS Word 97")
        out = Path(tmp) / "out"
        command += ["--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(source)]
        try:
            done = run_bounded(
                command,
                what=f"LibreOffice 转换 {suffix} 文件",
                timeout=TIMEOUT_SECONDS,
                memory=MEMORY,
            )
        except ProgramError as exc:
            raise ConvertError(str(exc)) from None
        target = out / "report.docx"
        if done.returncode != 0 or not target.is_file():
            raise ConvertError(
                f"LibreOffice 无法打开这个文件（不是有效的 {_NAMES[suffix]} 文档，或已损坏）；"
                "请在 WPS 或 Word 中打开，另存为 .docx 后再导入"
            )
        return target.read_bytes()
