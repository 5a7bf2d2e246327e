"""Pausing Python's cyclic garbage collector while a large tree of objects is built.

Loading a file builds one object per YAML node and position, none of them in reference cycles.
With the collector running, every few hundred allocations it walks the young objects, and ever
more often the old ones too: on a 1 MiB file of 200,000 values that was half the loading time.
Whatever cycles are made meanwhile are collected when the collector runs again.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
