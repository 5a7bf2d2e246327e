"""The libraries' own warnings stay out of what users see while a report is read.

pypandoc echoes pandoc's stderr (``[WARNING] Duplicate identifier``, ``Could not fetch
resource``) and pdfminer logs font trouble (``Could not get FontBBox from font descriptor``)
for nearly every real PDF; none of it is about the report's content, and what matters for the
import is said as findings.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

LIBRARIES = ("pypandoc", "pdfminer", "pdfplumber")


@contextmanager
def quiet_libraries() -> Iterator[None]:
    loggers = [logging.getLogger(name) for name in LIBRARIES]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
