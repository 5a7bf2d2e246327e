"""A report file → ``Document``, by its suffix. The only module of the import that reads files."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..findings import Finding
from . import office
from .document import Document, Loc, Table
from .limits import MAX_BYTES, LimitError, check_zip
from .pandoc import pandoc_json, pandoc_json_text
from .read_pandoc import read_pandoc_json, word_title
from .read_pdf import read_pdf
from .read_text import read_text
from .rules import ERROR, finding

SUFFIXES = (".docx", ".html", ".htm", ".md", ".txt", ".pdf", *office.SUFFIXES)


class ReadError(Exception):
    def __init__(self, item: Finding) -> None:
        super().__init__(item.message)
        self.finding = item


def _fail(file: str, message: str) -> ReadError:
    return ReadError(finding(file, Loc(), "I1", ERROR, message))


def decode(data: bytes, file: str) -> str:
    """UTF-8 (with or without BOM), else GB18030, which Chinese Windows tools still write."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _fail(file, "文件既不是 UTF-8 也不是 GBK 编码的文本，无法读取")


def html_tables(fragment: str) -> list[Table]:
    """The tables of an HTML fragment, through pandoc (for ``<table>`` inside Markdown)."""
    return read_pandoc_json(pandoc_json_text(fragment, "html"), "").tables


def read_document(path: Path, file: str) -> Document:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise _fail(file, f"不支持“{path.suffix or '无扩展名'}”文件；可导入 {'、'.join(SUFFIXES)}")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise _fail(file, "文件不存在") from None
    except OSError as exc:
        raise _fail(file, f"文件无法读取：{exc.strerror}") from None
    if size > MAX_BYTES:
        raise _fail(file, f"文件过大（{size // 1024 // 1024} MiB），不像是一份年度报告")
    if size == 0:
        raise _fail(file, "文件是空的")
    try:
        if suffix == ".txt":
            return read_text(decode(path.read_bytes(), file), file)
        if suffix == ".md":
            return read_text(decode(path.read_bytes(), file), file, html_tables)
        if suffix == ".pdf":
            return read_pdf(path, file)
        if suffix in (".html", ".htm"):
            return read_pandoc_json(pandoc_json(path, "html"), file)
        if suffix in office.SUFFIXES:
            return _converted(path, file)
        return _word(path, file)
    except ReadError:
        raise
    except (LimitError, office.ConvertError) as exc:
        raise _fail(file, str(exc)) from None
    except Exception as exc:  # a damaged PDF or Word file: say so, never crash
        raise _fail(file, f"无法读取这个文件（{type(exc).__name__}: {str(exc)[:200]}）") from None


def _converted(path: Path, file: str) -> Document:
    """.doc/.wps/.odt/.rtf: LibreOffice makes a .docx, read like any other."""
    docx = office.to_docx(path)
    with tempfile.TemporaryDirectory(prefix="genreport-import-") as tmp:
        converted = Path(tmp) / "converted.docx"
        converted.write_bytes(docx)
        return _word(converted, file)


def _word(path: Path, file: str) -> Document:
    check_zip(path)
    return read_pandoc_json(
        pandoc_json(path, "docx"), file, word=True, title_lines=word_title(path)
    )
