"""How much work one imported file may cause, and the checks that stop a hostile or runaway one.

A file's size does not bound the work: a 1 MB .docx can unpack to gigabytes, a 3 KB HTML table
can span 100 000 rows, a 5 MB PDF can hold millions of glyphs. Each limit is far above any real
annual report (a few pages, three tables of at most ~40 rows, ~20 000 characters) and each is
checked before the work it bounds, with a message that says which limit and what to do.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..bounded import MIB

MAX_BYTES = 50 * MIB  # the file as given
MAX_UNPACKED = 200 * MIB  # all entries of a .docx/.odt together, uncompressed
MAX_PART = 32 * MIB  # one entry (document.xml, content.xml), uncompressed
MAX_ENTRIES = 5000
MAX_CELLS = 20_000  # one table's grid, rows × columns after spans
MAX_SPAN = 1000  # a row or column span
MAX_PAGES = 300  # pages of a PDF
MAX_CHARS = 1_000_000  # characters of a whole PDF
MAX_PAGE_CONTENT = 8 * MIB  # one PDF page's drawing instructions, decompressed
PANDOC_SECONDS = 60
PANDOC_MEMORY = 1024 * MIB  # the process; pandoc's own heap is held below this (+RTS -M)
PANDOC_HEAP = "-M768m"
MAX_PANDOC_OUTPUT = 64 * MIB


class LimitError(Exception):
    """A limit was reached; ``str()`` is the Chinese sentence for the user."""


def not_a_report(what: str) -> LimitError:
    return LimitError(f"{what}，远超任何一份年度报告，可能是损坏或恶意构造的文件；未导入")


def check_zip(path: Path) -> None:
    """A .docx or .odt: every entry's stated size, before anything unpacks it."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise LimitError(
            "文件已损坏，或者不是它的扩展名所说的格式（不是有效的 zip 压缩包）"
        ) from None
    if len(entries) > MAX_ENTRIES:
        raise not_a_report(f"压缩包中有 {len(entries)} 个文件（上限 {MAX_ENTRIES}）")
    total = 0
    for entry in entries:
        if entry.file_size > MAX_PART and not entry.filename.startswith(
            ("word/media/", "Pictures/")
        ):
            raise not_a_report(
                f"其中的 {entry.filename} 解压后有 {entry.file_size // MIB} MiB"
                f"（上限 {MAX_PART // MIB} MiB）"
            )
        total += entry.file_size
    if total > MAX_UNPACKED:
        raise not_a_report(f"解压后共 {total // MIB} MiB（上限 {MAX_UNPACKED // MIB} MiB）")
