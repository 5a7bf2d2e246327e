"""What a cold ``genreport build`` would otherwise redo in every process, kept on disk.

Two kinds of entries: the prepared Word template (``docx_prepared.DocxParts``: docxtpl's patched
Jinja sources and the untouched part bytes) and Jinja's compiled bytecode of the trusted templates
(ours and the workspace's ``templates/``; never the narrative expressions from the YAML, which are
compiled in the sandbox for each file).

The cache lives in the workspace's ``build/.genreport-cache/``, next to the build manifest: it is
made from the same templates the outputs are, it goes away with ``build/`` (never committed, safe
to delete at any time), and genreport writes nowhere outside the workspace (office computers often
have no usable home folder, or one on a roaming profile).

Entries sit in a folder named by the versions of Python, genreport and its code, docxtpl,
python-docx, lxml and Jinja; each is named by a hash of what it is made from (the template's bytes
or source) and holds a header and a sha256 of its payload. A missing, stale, truncated or garbage
file reads as absent and is made again; a cache that cannot be written is skipped: neither is ever
an error nor changes an output.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sys
from collections.abc import Iterable
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import jinja2
from jinja2.bccache import Bucket, BytecodeCache

from .. import __version__
from ..output import write_atomic

FOLDER = ".genreport-cache"
_MAGIC = b"genreport-cache 1\n"
_DIGEST = 32


@cache
def versions() -> str:
    """Everything whose change can change a cached entry's meaning."""
    from lxml import etree  # type: ignore[import-untyped]  # noqa: PLC0415

    return "\0".join(
        (
            sys.version,
            __version__,
            _genreport_code(),
            _installed("docxtpl"),
            _installed("docx"),
            ".".join(map(str, etree.LXML_VERSION)),
            jinja2.__version__,
        )
    )


def _installed(package: str) -> str:
    """Which copy of ``package`` is installed, without importing it (importing docxtpl and
    python-docx is what the cache saves; their metadata costs more than a render): its location,
    and the size and time of its ``__init__.py``, which installing any other version rewrites."""
    spec = find_spec(package)
    if spec is None or spec.origin is None:
        return f"{package}:-"
    try:
        info = os.stat(spec.origin)
    except OSError:
        return f"{package}:{spec.origin}"
    return f"{package}:{spec.origin}:{info.st_size}:{info.st_mtime_ns}"


def _genreport_code() -> str:
    """The code too, as the build manifest has it: an edited renderer is a new cache."""
    from ..build import tool_fingerprint  # noqa: PLC0415

    return tool_fingerprint()


class BuildCache:
    """A folder of entries; each read checks its own integrity, each write is atomic.

    Entries live in a subfolder named by the versions, so an upgrade starts a new one and removes
    the others; ``forget`` removes the entries of a template that has changed. The cache so holds
    what the current templates and versions use, not every one a workspace ever had.
    """

    def __init__(self, folder: Path) -> None:
        self.root = folder
        digest = hashlib.sha256(versions().encode("utf-8")).hexdigest()
        self.folder = folder / digest[:16]
        self._tidied = False

    def _path(self, kind: str, key: bytes) -> Path:
        h = hashlib.sha256(kind.encode() + b"\0" + key)
        return self.folder / f"{kind}-{h.hexdigest()[:40]}"

    def read(self, kind: str, key: bytes) -> bytes | None:
        """The payload stored for ``key``, or None when there is none or it is damaged."""
        try:
            data = self._path(kind, key).read_bytes()
        except OSError:
            return None
        head = len(_MAGIC) + _DIGEST
        if not data.startswith(_MAGIC) or len(data) < head:
            return None
        payload = data[head:]
        if hashlib.sha256(payload).digest() != data[len(_MAGIC) : head]:
            return None
        return payload

    def write(self, kind: str, key: bytes, payload: bytes) -> None:
        """Store ``payload`` for ``key``; a folder that cannot be written means no cache."""
        if not self._tidied:
            self._tidied = True
            self._remove(p for p in self._listed(self.root) if p != self.folder)
        data = _MAGIC + hashlib.sha256(payload).digest() + payload
        with contextlib.suppress(OSError):
            write_atomic(self._path(kind, key), data, durable=False)

    def forget(self, *kinds: str) -> None:
        """Remove the entries of these kinds (those of a template that has been replaced)."""
        self._remove(p for p in self._listed(self.folder) if p.name.rsplit("-", 1)[0] in kinds)

    @staticmethod
    def _listed(folder: Path) -> list[Path]:
        try:
            return list(folder.iterdir())
        except OSError:
            return []

    @staticmethod
    def _remove(paths: Iterable[Path]) -> None:
        for path in paths:
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    path.unlink()


class TemplateBytecode(BytecodeCache):
    """Jinja's bytecode cache over a ``BuildCache``; ``flavor`` names the environment's options
    (autoescaping changes the code compiled from the same source)."""

    def __init__(self, cache: BuildCache, flavor: str) -> None:
        self.cache = cache
        self.flavor = flavor

    def _kind(self) -> str:
        return f"jinja-{self.flavor}"

    def load_bytecode(self, bucket: Bucket) -> None:
        payload = self.cache.read(self._kind(), bucket.key.encode())
        if payload is None:
            return
        try:
            bucket.bytecode_from_string(payload)  # checks Jinja's magic and the source checksum
        except Exception:  # an unreadable entry is only a miss
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.cache.write(self._kind(), bucket.key.encode(), bucket.bytecode_to_string())


def compiled_from_string(env: jinja2.Environment, source: str) -> jinja2.Template:
    """``env.from_string(source)``, its bytecode taken from and kept in the environment's cache.

    Jinja caches only templates from a loader; the Word template's parts are strings.
    """
    bytecode = env.bytecode_cache
    if bytecode is None:
        code: Any = env.compile(source)
    else:
        name = hashlib.sha256(source.encode("utf-8")).hexdigest()
        bucket = bytecode.get_bucket(env, name, None, source)
        code = bucket.code
        if code is None:
            code = env.compile(source)
            bucket.code = code
            bytecode.set_bucket(bucket)
    return env.template_class.from_code(env, code, env.make_globals(None), None)
