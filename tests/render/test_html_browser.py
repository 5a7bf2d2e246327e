"""The HTML page in a real browser, as a portal shows it: with its <style> block and without it.

A CMS usually drops the page's <style> block when the article is pasted in; the page must look the
same without it (borders, alignment, widths on the elements; nothing that needs CSS to stay hidden).
On a phone (390 px) wide tables scroll with a visible cue and the title breaks after the agency.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator
from typing import Any

import pytest
from PIL import Image, ImageChops

from genreport.model import Report
from genreport.render import renderer_for

from .browser import launched, open_page, without_style_block

DESKTOP, PHONE = 1200, 390

CELLS = """() => [...document.querySelectorAll('table')].map(t => ({
  id: t.id,
  label: t.getAttribute('aria-labelledby'),
  cells: [...t.querySelectorAll('th, td')].map(c => {
    const s = getComputedStyle(c);
    const sides = ['Top', 'Right', 'Bottom', 'Left'];
    return {
      text: c.textContent, tag: c.tagName.toLowerCase(), scope: c.getAttribute('scope'),
      border: [...new Set(sides.map(d =>
        [s['border' + d + 'Width'], s['border' + d + 'Style'], s['border' + d + 'Color']].join(' ')))],
      align: s.textAlign, weight: s.fontWeight,
      overflows: c.scrollWidth > c.clientWidth + 1 || c.scrollHeight > c.clientHeight + 1,
    };
  }),
}))"""

TITLE_LINES = """() => {
  const lines = []; let top = null;
  const walker = document.createTreeWalker(document.querySelector('h1'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      const range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + 1);
      const rect = range.getBoundingClientRect();
      if (top === null || rect.top > top + rect.height / 2) { lines.push(''); top = rect.top; }
      lines[lines.length - 1] += node.data[i];
    }
  }
  return lines;
}"""

SCROLLERS = """() => [...document.querySelectorAll('.gr-table')].map(d => {
  const id = d.querySelector('table').id;
  return {id, overflows: d.scrollWidth > d.clientWidth,
          hint: document.getElementById(id + '-hint').getBoundingClientRect().height > 0};
})"""

BOX = """id => { const r = document.getElementById(id).getBoundingClientRect();
  return [r.left + scrollX, r.top + scrollY, r.right + scrollX, r.bottom + scrollY]; }"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched() as b:
        yield b


@pytest.fixture(scope="module")
def page_html(outputs: dict[str, bytes]) -> str:
    return outputs["html"].decode("utf-8")


def html_for(report: Report) -> str:
    return renderer_for(None).render(report, ("html",))["html"].decode("utf-8")


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_without_style_block_every_cell_has_its_border_and_alignment(
    browser: Any, page_html: str, width: int
) -> None:
    page = open_page(browser, without_style_block(page_html), width)
    tables = page.evaluate(CELLS)
    headings = page.evaluate(
        "() => [...document.querySelectorAll('h2')].map(h => [h.id, h.textContent])"
    )
    page.close()
    assert [t["id"] for t in tables] == ["t2", "t3", "t4"]
    by_id = dict(headings)
    assert [by_id[t["label"]] for t in tables] == [
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
    ]
    for table in tables:
        for cell in table["cells"]:
            assert cell["border"] == ["1px solid rgb(0, 0, 0)"], (table["id"], cell)
            assert not cell["overflows"], (table["id"], width, cell["text"])
            assert cell["weight"] == "400", cell  # printed headers are not bold
            row_label = cell["tag"] == "th" and cell["scope"] in ("row", "rowgroup")
            assert cell["align"] == ("left" if row_label else "center"), cell


def test_page_looks_the_same_without_its_style_block(browser: Any, page_html: str) -> None:
    """One screenshot of the whole page each way: the same pixels, and the tables' rules drawn."""
    shots = []
    for html in (page_html, without_style_block(page_html)):
        page = open_page(browser, html, DESKTOP)
        text = page.evaluate("() => document.body.innerText")
        boxes = {t: page.evaluate(BOX, t) for t in ("t2", "t3")}
        shot = Image.open(io.BytesIO(page.screenshot(full_page=True))).convert("L")
        page.close()
        shots.append((text, boxes, shot))
    (styled_text, _, styled), (bare_text, boxes, bare) = shots
    assert bare_text == styled_text  # nothing hidden by the stylesheet shows without it
    assert bare.size == styled.size
    diff = ImageChops.difference(styled, bare).point(lambda v: 255 if v > 64 else 0)
    assert diff.histogram()[255] <= 0.001 * bare.size[0] * bare.size[1]
    # Full-length black rules of the style-less page: T2 has 14 rows without row spans (15
    # horizontal rules) and caption rows across all 4 columns (only the 2 outer vertical rules);
    # T3's note spans the 3 label columns and 申请人情况 the 7 data columns (3 vertical rules).
    assert rules(bare, boxes["t2"]) == (15, 2)
    assert rules(bare, boxes["t3"])[1] == 3


def rules(image: Image.Image, box: list[float]) -> tuple[int, int]:
    """(horizontal, vertical) lines that are dark across the whole table box (corners aside)."""
    left, top, right, bottom = (round(v) for v in box)
    crop = image.crop((left, top, right, bottom)).point(lambda v: 1 if v < 96 else 0)
    width, height = crop.size
    data = crop.load()
    assert data is not None
    rows = [sum(data[x, y] for x in range(width)) >= width - 2 for y in range(height)]
    columns = [sum(data[x, y] for y in range(height)) >= height - 2 for x in range(width)]
    return runs(rows), runs(columns)


def runs(flags: list[bool]) -> int:
    return sum(1 for i, flag in enumerate(flags) if flag and (i == 0 or not flags[i - 1]))


@pytest.mark.parametrize("styled", [True, False])
def test_phone_page_does_not_scroll_sideways_and_tables_do(
    browser: Any, page_html: str, styled: bool
) -> None:
    html = page_html if styled else without_style_block(page_html)
    page = open_page(browser, html, PHONE)
    page_width = page.evaluate("() => document.documentElement.scrollWidth")
    scrollers = page.evaluate(SCROLLERS)
    page.close()
    assert page_width <= PHONE
    assert [s["overflows"] for s in scrollers] == [True, True, True]
    # the cue is the stylesheet's: without it the tables still scroll, and nothing stray shows
    assert [s["hint"] for s in scrollers] == [styled] * 3


@pytest.mark.parametrize(
    ("width", "shown"), [(DESKTOP, []), (700, ["t4"]), (PHONE, ["t2", "t3", "t4"])]
)
def test_scroll_cue_shows_exactly_when_a_table_scrolls(
    browser: Any, page_html: str, width: int, shown: list[str]
) -> None:
    page = open_page(browser, page_html, width)
    scrollers = page.evaluate(SCROLLERS)
    page.close()
    assert [s["id"] for s in scrollers if s["overflows"]] == shown
    assert [s["id"] for s in scrollers if s["hint"]] == shown


@pytest.mark.parametrize(
    "agency",
    ["示例市测试管理局", "青禾市人民政府", "示例省示例市示例区人民政府办公室"],
)
def test_title_breaks_after_the_agency_on_a_phone(
    browser: Any, report: Report, agency: str
) -> None:
    html = html_for(dataclasses.replace(report, agency=agency))
    lines = {}
    for width in (DESKTOP, PHONE):
        page = open_page(browser, html, width)
        lines[width] = page.evaluate(TITLE_LINES)
        page.close()
    title = f"{agency}2023年政府信息公开工作年度报告"
    assert lines[DESKTOP] == [title]
    assert lines[PHONE] == [agency, "2023年政府信息公开工作年度报告"]
