"""pandoc (the binary pypandoc ships) → its JSON AST, under a time limit and two memory limits:
pandoc's own heap (``+RTS -M``, a clean “heap exhausted”) and the process (``RLIMIT_AS``)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pypandoc

from ..bounded import ProgramError, run_bounded
from .limits import (
    MAX_PANDOC_OUTPUT,
    PANDOC_HEAP,
    PANDOC_MEMORY,
    PANDOC_SECONDS,
    LimitError,
    not_a_report,
)


def pandoc_json(source: Path, source_format: str) -> str:
    with tempfile.TemporaryDirectory(prefix="genreport-pandoc-") as tmp:
        target = Path(tmp) / "ast.json"
        command = [
            pypandoc.get_pandoc_path(),
            "--from",
            source_format,
            "--to",
            "json",
            "--output",
            str(target),
            str(source),
            "+RTS",
            PANDOC_HEAP,
            "-RTS",
        ]
        try:
            done = run_bounded(
                command, what="pandoc 读取文件", timeout=PANDOC_SECONDS, memory=PANDOC_MEMORY
            )
        except ProgramError as exc:
            raise LimitError(f"{exc}；文件过于庞大或已损坏，未导入") from None
        if done.returncode != 0 or not target.is_file():
            detail = done.stderr.decode("utf-8", "replace").strip()
            raise LimitError(f"pandoc 无法读取这个文件（{detail[:200]}）")
        size = target.stat().st_size
        if size > MAX_PANDOC_OUTPUT:
            raise not_a_report(f"pandoc 读出的内容有 {size // 1024 // 1024} MiB")
        return target.read_text(encoding="utf-8")


def pandoc_json_text(text: str, source_format: str) -> str:
    with tempfile.TemporaryDirectory(prefix="genreport-pandoc-") as tmp:
        source = Path(tmp) / "fragment"
        source.write_text(text, encoding="utf-8")
        return pandoc_json(source, source_format)
