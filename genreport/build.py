"""Build stage: checked inputs → build/YEAR/<slug>.docx, .html, .md (and .pdf).

For each input file: check it (errors stop that file unless ``force``), render the formats asked,
write each output atomically. A small manifest in ``build/`` remembers, per input, a hash of what
the outputs were made from (the input, the previous year's file the checks compare with, the
templates and the tool itself) and the outputs' own hashes; an input whose hash and outputs are
unchanged is skipped. Many files are built in parallel processes, one per core.

Pure orchestration: no terminal. The CLI passes ``progress`` to hear about each file as it ends.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .crash import Crash
from .file_lock import locked
from .findings import Finding, has_errors
from .output import remove_stray_temporaries, write_atomic, write_problem
from .pipeline import Loader, check_files
from .render import DEFAULT_FORMATS, FORMATS
from .render.pdf import PdfError, docx_to_pdf, require_soffice
from .render.templates import TemplateProblem, Templates, templates_for
from .rollup import rollup_inputs
from .workspace import UsageError, Workspace, previous_year_file

if TYPE_CHECKING:
    from .render.renderer import Renderer

MANIFEST = ".genreport-manifest.json"
MANIFEST_LOCK = ".genreport-manifest.lock"
MANIFEST_VERSION = 1
#: Below this many files to build, worker processes cost more than they save.
PARALLEL_FROM = 3


class Status(str, Enum):
    BUILT = "built"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True)
class BuildOptions:
    formats: tuple[str, ...] = DEFAULT_FORMATS
    force: bool = False
    jobs: int | None = None  # worker processes; None = one per core


@dataclass
class FileResult:
    source: Path
    file: str  # the input as the user sees it
    status: Status
    outputs: tuple[Path, ...] = ()
    findings: list[Finding] = field(default_factory=list)
    #: Built although the checks found errors (``--force``).
    forced: bool = False
    #: Why the file failed, when it was not its findings (a template, LibreOffice, the disk).
    message: str | None = None
    key: str = ""
    digests: dict[str, str] = field(default_factory=dict)  # output path → sha256
    stats: dict[str, list[int]] = field(default_factory=dict)  # output path → size, mtime (ns)
    #: genreport itself failed on this file (``message`` says so); the traceback is for --debug.
    crash: Crash | None = None
    #: Outputs of an earlier build of this file, deleted because this build of it failed.
    removed: tuple[Path, ...] = ()


@dataclass
class BuildResult:
    results: list[FileResult]
    build_dir: Path
    #: Warnings about the whole build, e.g. the fonts a PDF will lack.
    notes: list[str] = field(default_factory=list)
    #: The manifest could not be saved (the outputs are complete; the next build redoes them).
    manifest_error: str | None = None

    def count(self, status: Status) -> int:
        return sum(r.status is status for r in self.results)

    @property
    def ok(self) -> bool:
        return self.count(Status.FAILED) == 0


def parse_formats(text: str) -> tuple[str, ...]:
    """``"docx,html"`` → ``("docx", "html")``, in the canonical order; unknown names are errors."""
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    aliases = {"markdown": "md", "word": "docx", "htm": "html"}
    names = [aliases.get(n, n) for n in names]
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        raise UsageError(
            f"--format 只能是 {','.join(FORMATS)} 中的一个或多个（用逗号分隔），这里是“{text}”"
        )
    return tuple(f for f in FORMATS if f in names)


# --- what an output is made from ---------------------------------------------------------------


@cache
def tool_fingerprint() -> str:
    """The version and the code: a changed renderer rebuilds even without a version bump."""
    h = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for source in sorted(package.rglob("*.py")):
        h.update(source.relative_to(package).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(source.read_bytes()).digest())
    return h.hexdigest()


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _file_digest(path: Path) -> bytes:
    data = _read(path)
    return b"-" if data is None else hashlib.sha256(data).digest()


def input_key(path: Path, templates_digest: str, formats: tuple[str, ...]) -> str:
    h = hashlib.sha256()
    h.update(tool_fingerprint().encode() + templates_digest.encode() + ",".join(formats).encode())
    # the Word file's dates follow SOURCE_DATE_EPOCH when it is set (render/docx.document_time)
    h.update(os.environ.get("SOURCE_DATE_EPOCH", "").encode() + b"\0")
    data = _read(path)
    h.update(b"-" if data is None else hashlib.sha256(data).digest())
    previous = previous_year_file(path)
    if previous is not None:
        h.update(_file_digest(previous))
    with contextlib.suppress(OSError):
        for unit in [] if data is None else rollup_inputs(path, data):
            h.update(unit.name.encode() + b"\0" + _file_digest(unit))
    return h.hexdigest()


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _stat(path: Path) -> list[int] | None:
    """A regular file's size and modification time (ns), as the manifest records them."""
    try:
        info = path.stat()
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns] if stat.S_ISREG(info.st_mode) else None


# --- manifest -----------------------------------------------------------------------------------


class ManifestError(Exception):
    """build/.genreport-manifest.json could not be written (disk full, no permission)."""


class Manifest:
    """build/.genreport-manifest.json: per input, its key and the outputs it produced.

    Saving merges this run's changes into what is on disk under a lock, so two builds at once
    keep each other's entries.
    """

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.path = workspace.build / MANIFEST
        self.lock = workspace.build / MANIFEST_LOCK
        self.entries = self._read()
        self.changes: dict[str, dict[str, Any] | None] = {}  # None: forget the input
        self._root = workspace.root.resolve()
        self._folders: dict[Path, Path] = {}

    def _read(self) -> dict[str, dict[str, Any]]:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            data = json.loads(self.path.read_text("utf-8"))
            if data.get("version") == MANIFEST_VERSION:
                return dict(data.get("inputs", {}))
        return {}

    def name(self, path: Path) -> str:
        resolved = self._resolve(path)
        try:
            return resolved.relative_to(self._root).as_posix()
        except ValueError:
            return resolved.as_posix()

    def _resolve(self, path: Path) -> Path:
        """``path.resolve()``, each folder resolved once per build (a system call per component)."""
        if path.name in ("", "..") or path.is_symlink():
            return path.resolve()
        folder = path.parent.absolute()
        if folder not in self._folders:
            self._folders[folder] = folder.resolve()
        return self._folders[folder] / path.name

    def up_to_date(self, path: Path, key: str) -> tuple[Path, ...] | None:
        """The outputs of ``path`` when they are current and untouched since written, else None.

        An output whose size and modification time are those recorded is taken as written; any
        other is hashed (a copy or checkout of build/ changes the times, not the contents) and
        its times recorded again.
        """
        source = self.name(path)
        entry = self.entries.get(source)
        if not entry or entry.get("key") != key:
            return None
        recorded = entry.get("stats", {})
        outputs, stats = [], {}
        for name, digest in entry.get("outputs", {}).items():
            output = self.workspace.root / name
            now = _stat(output)
            if now is None:
                return None
            if recorded.get(name) != now and _file_digest(output).hex() != digest:
                return None
            stats[name] = now
            outputs.append(output)
        if stats != recorded:
            self.entries[source] = self.changes[source] = {**entry, "stats": stats}
        return tuple(outputs) if outputs else None

    def record(self, result: FileResult) -> None:
        outputs = {self.name(Path(p)): d for p, d in result.digests.items()}
        stats = {self.name(Path(p)): s for p, s in result.stats.items()}
        entry = {"key": result.key, "outputs": outputs, "stats": stats}
        name = self.name(result.source)
        self.entries[name] = self.changes[name] = entry

    def remove_outputs(self, source: Path) -> list[Path]:
        """Delete the outputs last built from ``source`` (it now fails: they are not current)."""
        name = self.name(source)
        entry = self.entries.pop(name, None)
        self.changes[name] = None
        removed = []
        for output_name in (entry or {}).get("outputs", {}):
            output = self.workspace.root / output_name
            with contextlib.suppress(FileNotFoundError):
                output.unlink()
                removed.append(output)
        return removed

    def save(self) -> None:
        if not self.changes:
            return
        try:
            with locked(self.lock):
                entries = self._read()
                for name, entry in self.changes.items():
                    if entry is None:
                        entries.pop(name, None)
                    else:
                        entries[name] = entry
                data = {"version": MANIFEST_VERSION, "inputs": dict(sorted(entries.items()))}
                text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
                write_atomic(self.path, text.encode("utf-8"), durable=False)
        except OSError as exc:
            raise ManifestError(
                f"无法写入 {self.workspace.show(self.path)}（{exc.strerror or exc}）。"
                "已生成的文件都是完整的，但下次生成时会全部重新生成"
            ) from exc


# --- one file -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Job:
    source: Path
    file: str
    build_dir: Path
    template_dirs: tuple[Path, ...]
    templates_digest: str
    formats: tuple[str, ...]
    force: bool
    key: str
    soffice: str | None
    root: Path


_renderers: dict[tuple[tuple[Path, ...], str, Path], Renderer] = {}


def _renderer(dirs: tuple[Path, ...], digest: str, build_dir: Path) -> Renderer:
    """One renderer per template set and process: templates are read and compiled once, and
    what that makes is kept in ``build/.genreport-cache`` for the next process (``build_cache``).

    Keyed by the templates' contents too, so a long-lived process never renders with a template
    that has since changed on disk.
    """
    from .render.build_cache import FOLDER  # noqa: PLC0415  (a no-op build never renders)
    from .render.renderer import Renderer  # noqa: PLC0415

    key = (dirs, digest, build_dir)
    if key not in _renderers:
        _renderers.clear()
        _renderers[key] = Renderer(Templates(dirs), build_dir / FOLDER)
    return _renderers[key]


def _build_one(job: _Job) -> FileResult:
    """One file built; a bug in genreport is this file's failure, not the whole build's."""
    try:
        return _build_checked(job)
    except Exception as exc:
        return _crashed(job, exc)


def _crashed(job: _Job, exc: BaseException) -> FileResult:
    crash = Crash.of(exc)
    finding = crash.finding(job.file, "生成")
    result = FileResult(job.source, job.file, Status.FAILED, findings=[finding], key=job.key)
    result.message, result.crash = finding.message, crash
    return result


def _build_checked(job: _Job) -> FileResult:
    checked = check_files([job.source], Loader(Workspace(job.root)))[0]
    result = FileResult(job.source, job.file, Status.FAILED, findings=checked.findings, key=job.key)
    report = checked.report
    if checked.crash is not None:
        result.message, result.crash = checked.findings[0].message, checked.crash
    if report is None:
        return result
    if has_errors(checked.findings):
        if not job.force:
            return result
        result.forced = True
    try:
        renderer = _renderer(job.template_dirs, job.templates_digest, job.build_dir)
        rendered = renderer.render(report, job.formats, checked.previous, result.forced)
        if "pdf" in job.formats:
            rendered["pdf"] = docx_to_pdf(rendered["docx"], job.soffice)
        folder = job.build_dir / str(report.year)
        outputs = []
        for fmt in job.formats:
            target = folder / f"{report.slug}.{fmt}"
            try:
                write_atomic(target, rendered[fmt], durable=False)
            except OSError as exc:
                raise OSError(write_problem(Workspace.display(target), exc)) from exc
            result.digests[str(target)] = _sha256(rendered[fmt])
            result.stats[str(target)] = _stat(target) or []
            outputs.append(target)
    except (TemplateProblem, PdfError, OSError) as exc:
        result.message = str(exc)
        return result
    result.outputs = tuple(outputs)
    result.status = Status.BUILT
    return result


def _run(jobs: list[_Job], workers: int) -> Iterable[FileResult]:
    if workers <= 1 or len(jobs) < PARALLEL_FROM:
        for job in jobs:
            yield _build_one(job)
        return
    from .workers import completed  # noqa: PLC0415  (process pools cost a one-file build)

    yield from completed(_build_one, jobs, workers, _crashed)


# --- many files -----------------------------------------------------------------------------------


def build(
    workspace: Workspace,
    paths: list[Path],
    options: BuildOptions | None = None,
    progress: Callable[[FileResult], None] | None = None,
) -> BuildResult:
    """Build every file in ``paths``; ``progress`` hears about each file as it is done."""
    options = options or BuildOptions()
    soffice = require_soffice() if "pdf" in options.formats else None
    notes = []
    if soffice is not None:
        from .fonts import font_statuses, missing_fonts_warning  # noqa: PLC0415  (PDF only)

        fonts = missing_fonts_warning(font_statuses())
        notes += [fonts] if fonts else []
    templates = templates_for(workspace.templates)
    templates_digest = templates.digest()
    manifest = Manifest(workspace)
    results: list[FileResult] = []
    jobs: list[_Job] = []

    def done(result: FileResult) -> None:
        results.append(result)
        if result.status is Status.BUILT:
            manifest.record(result)
        elif result.status is Status.FAILED:
            result.removed = tuple(manifest.remove_outputs(result.source))
        if progress is not None:
            progress(result)

    remove_stray_temporaries(workspace.build)

    for path in paths:
        key = input_key(path, templates_digest, options.formats)
        file = workspace.show(path)
        current = None if options.force else manifest.up_to_date(path, key)
        if current is not None:
            done(FileResult(path, file, Status.SKIPPED, outputs=current, key=key))
            continue
        jobs.append(
            _Job(
                path,
                file,
                workspace.build,
                templates.dirs,
                templates_digest,
                options.formats,
                options.force,
                key,
                soffice,
                workspace.root,
            )
        )
    workers = options.jobs or os.cpu_count() or 1
    manifest_error = None
    try:
        for result in _run(jobs, workers):
            done(result)
    finally:
        try:
            manifest.save()
        except ManifestError as exc:
            manifest_error = str(exc)
    order = {path: i for i, path in enumerate(paths)}
    results.sort(key=lambda r: order.get(r.source, len(order)))
    return BuildResult(results, workspace.build, notes, manifest_error)


__all__ = [
    "BuildOptions",
    "BuildResult",
    "FileResult",
    "PdfError",
    "Status",
    "build",
    "parse_formats",
]
