"""build/.genreport-cache: outputs byte-identical whatever state the cache is in.

Each build runs the CLI as a user does; between builds the process's own renderer is forgotten, so
each build reads the cache from disk as a new process would. The reference is a render without
any cache (the goldens are checked against that one in test_golden.py).
"""

from __future__ import annotations

import hashlib
import io
import marshal
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from genreport import build as build_module
from genreport.cli import app
from genreport.pipeline import check_files
from genreport.render import DEFAULT_FORMATS, build_cache, docx_prepared, renderer_for
from genreport.render.build_cache import _MAGIC, FOLDER, BuildCache, versions
from genreport.render.templates import DEFAULTS

runner = CliRunner()
FILE = "inputs/2023/shijianju.yaml"


def uncached(root: Path) -> dict[str, bytes]:
    """The three outputs rendered in this process with no cache at all."""
    checked = check_files([root / FILE])[0]
    assert checked.report is not None
    rendered = renderer_for(root / "templates").render(checked.report, DEFAULT_FORMATS)
    return {f"shijianju.{fmt}": data for fmt, data in rendered.items()}


def built(root: Path) -> dict[str, bytes]:
    """``genreport build FILE --force`` as a fresh process runs it; its three outputs."""
    build_module._renderers.clear()
    result = runner.invoke(app, ["build", FILE, "--force"])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("生成 1 个，跳过 0 个（没有变化），失败 0 个；输出在 build/\n")
    folder = root / "build/2023"
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.suffix != ".pdf"}


def cache_folder(root: Path) -> Path:
    """Where this version's entries are."""
    return BuildCache(root / "build" / FOLDER).folder


def entries(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(cache_folder(root).iterdir())}


@pytest.fixture
def prepares(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Every time the Word template is prepared (docxtpl's work the cache saves)."""
    calls: list[bytes] = []
    prepare = docx_prepared.prepare

    def counted(template: bytes) -> docx_prepared.DocxParts:
        calls.append(template)
        return prepare(template)

    monkeypatch.setattr(docx_prepared, "prepare", counted)
    return calls


def test_a_warm_cache_gives_the_same_bytes_without_preparing_again(
    workspace: Path, prepares: list[bytes]
) -> None:
    reference = uncached(workspace)
    prepares.clear()
    assert built(workspace) == reference
    assert len(prepares) == 1
    kept = entries(workspace)
    assert sorted(name.split("-")[0] for name in kept) == ["docx"] + ["jinja"] * (len(kept) - 1)
    assert len(kept) > 3  # the Word parts and the three loader templates
    assert built(workspace) == reference
    assert len(prepares) == 1
    assert entries(workspace) == kept  # read, not written again


def _garbage(data: bytes) -> bytes:
    return bytes(b ^ 0x5A for b in data)


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _old_format(data: bytes) -> bytes:
    return data.replace(_MAGIC, b"genreport-cache 0\n", 1)


def _sealed_garbage(data: bytes) -> bytes:
    """A payload that is not what it claims, in an envelope whose checksum is right."""
    payload = b"\x00not a cached entry" * 8
    return _MAGIC + hashlib.sha256(payload).digest() + payload


def _empty(data: bytes) -> bytes:
    return b""


@pytest.mark.parametrize(
    "damage",
    [_garbage, _truncated, _old_format, _sealed_garbage, _empty],
    ids=["garbage", "truncated", "old-format", "sealed-garbage", "empty"],
)
def test_a_damaged_cache_is_made_again_and_changes_nothing(
    workspace: Path, prepares: list[bytes], damage: Callable[[bytes], bytes]
) -> None:
    reference = uncached(workspace)
    built(workspace)
    kept = entries(workspace)
    folder = cache_folder(workspace)
    for name, data in kept.items():
        (folder / name).write_bytes(damage(data))
    prepares.clear()
    assert built(workspace) == reference
    assert len(prepares) == 1
    assert entries(workspace) == kept  # every entry written again, as it was


def test_entries_of_other_versions_are_not_read(
    workspace: Path, prepares: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key holds the versions (Python, genreport and its code, docxtpl, python-docx, lxml,
    Jinja): an entry made under others is a different file, never read."""
    reference = uncached(workspace)
    built(workspace)
    old = cache_folder(workspace)
    key = hashlib.sha256((DEFAULTS / "report.docx").read_bytes()).digest()
    assert BuildCache(workspace / "build" / FOLDER).read("docx", key) is not None
    monkeypatch.setattr(build_cache, "__version__", "0.0.0-other")
    versions.cache_clear()
    try:
        assert BuildCache(workspace / "build" / FOLDER).read("docx", key) is None
        prepares.clear()
        assert built(workspace) == reference
        assert len(prepares) == 1
        # the other version's entries are gone: an upgrade does not leave them behind
        assert [p.name for p in (workspace / "build" / FOLDER).iterdir()] == [
            cache_folder(workspace).name
        ]
        assert not old.exists()
    finally:
        versions.cache_clear()


def _paragraph_text(docx_bytes: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(docx_bytes)).read("word/document.xml").decode("utf-8")


def test_a_changed_template_is_noticed(workspace: Path, prepares: list[bytes]) -> None:
    """The workspace's own templates, then edited: each build renders the templates it has."""
    built(workspace)
    templates = workspace / "templates"
    templates.mkdir()
    for name in ("report.docx", "report.md.j2"):
        (templates / name).write_bytes((DEFAULTS / name).read_bytes())
    assert built(workspace) == uncached(workspace)
    markdown = templates / "report.md.j2"
    markdown.write_text("第二版 " + markdown.read_text("utf-8"), encoding="utf-8")
    package = zipfile.ZipFile(io.BytesIO((templates / "report.docx").read_bytes()))
    changed = io.BytesIO()
    with zipfile.ZipFile(changed, "w") as target:
        for name in package.namelist():
            data = package.read(name)
            if name == "word/document.xml":
                data = data.replace(b"{{ agency }}", "署名：{{ agency }}".encode(), 1)
            target.writestr(name, data)
    (templates / "report.docx").write_bytes(changed.getvalue())
    prepares.clear()
    outputs = built(workspace)
    assert len(prepares) == 1
    assert outputs == uncached(workspace)
    assert outputs["shijianju.md"].startswith("第二版 ".encode())
    assert "署名：青禾市市场监督管理局" in _paragraph_text(outputs["shijianju.docx"])
    # the replaced template's entries are removed, its successor's kept
    assert sum(name.startswith("docx-") for name in entries(workspace)) == 1
    prepares.clear()
    assert built(workspace) == outputs
    assert prepares == []


def test_a_cache_that_cannot_be_written_is_skipped(workspace: Path) -> None:
    reference = uncached(workspace)
    (workspace / "build").mkdir()
    (workspace / "build" / FOLDER).write_text("not a folder", encoding="utf-8")
    assert built(workspace) == reference
    assert built(workspace) == reference
    assert (workspace / "build" / FOLDER).read_text("utf-8") == "not a folder"


@pytest.mark.parametrize(
    "value",
    [42, (), ("body",) * 8, (1, None, "d", (), (), "c", ("",) * 6, ()), [b"\x00"] * 8],
    ids=["number", "empty", "strings", "wrong-types", "list"],
)
def test_data_of_another_shape_is_not_taken_for_prepared_parts(value: object) -> None:
    assert docx_prepared.DocxParts.from_bytes(marshal.dumps(value)) is None
    assert docx_prepared.DocxParts.from_bytes(b"\xff" + marshal.dumps(value)) is None


def test_prepared_parts_survive_the_round_trip() -> None:
    parts = docx_prepared.prepare((DEFAULTS / "report.docx").read_bytes())
    assert docx_prepared.DocxParts.from_bytes(parts.to_bytes()) == parts
