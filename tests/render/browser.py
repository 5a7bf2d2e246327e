"""A real headless browser for the HTML tests: the system Chromium driven by Playwright.

Playwright is the test extra's; the browser is Debian's ``chromium`` (``.ci/run`` installs it), so
nothing is downloaded. Every browser operation has a timeout, and the JavaScript heap is capped.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

#: Milliseconds for any one browser operation (launch, load, evaluate, screenshot).
TIMEOUT_MS = 60_000
_STYLE_BLOCK = re.compile(r"<style>.*?</style>\n?", re.DOTALL)


def chromium_path() -> str | None:
    for name in (os.environ.get("GENREPORT_CHROMIUM"), "chromium", "chromium-browser"):
        found = shutil.which(name) if name else None
        if found:
            return found
    return None


def without_style_block(page: str) -> str:
    """The page as a CMS usually keeps it: the <style> block dropped, everything else as is."""
    stripped, count = _STYLE_BLOCK.subn("", page)
    assert count == 1
    return stripped


@contextmanager
def launched() -> Iterator[Any]:
    executable = chromium_path()
    if executable is None:
        pytest.skip("Chromium is not installed: the page is not tested in a browser")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=["--no-sandbox", "--js-flags=--max-old-space-size=512"],
            timeout=TIMEOUT_MS,
        )
        try:
            yield browser
        finally:
            browser.close()


def open_page(browser: Any, html: str, width: int, height: int = 900) -> Any:
    """A fresh tab of ``width`` CSS pixels showing ``html``, fonts loaded."""
    page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
    page.set_default_timeout(TIMEOUT_MS)
    page.set_content(html, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    return page
