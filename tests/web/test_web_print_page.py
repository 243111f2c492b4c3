"""The first part of a summary printed from a browser fits one sheet, in Chromium.

A kiosk's `--print-command` gets plain text, and tests/content/test_first_page.py proves its
first part fits a sheet on every route. A person who prints from a browser (the web kiosk's
Print page, or the saved HTML at home) gets the print stylesheets of wizard/render/html.py and
wizard/web/static/site.css instead: compact type (10 pt), an 8 mm by 12 mm page margin, and the
details starting on a new sheet. Here Chromium lays out the saved HTML of every single-choice
route of the content tests (every syndrome, antibody answer and cancer status, and the other
body systems) and of every syndrome with everything ticked, in English and in Spanish, for US
Letter and A4, and the first part ends inside the first sheet on all of them; Chromium's own PDF
of the longest agrees, one sheet. The web Print page is checked the same way, on the longest
single-choice route of each language, reached by the mouse through a real server.

Not every route fits in a browser: with the fever alert's long advice ticked, the first part of
some routes runs a line or two onto a second sheet of US Letter (A4 holds it; the checklists
move whole). The README gives the numbers; the plain text a print command gets is the one that
fits on every route.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.content.routes import TREE, all_routes, route_id, summary_of
from tests.content.test_first_page import everything_ticked, first_part
from tests.web.test_serve_e2e import SCREEN_SECONDS, loopback_only
from tests.web.test_web_browser import browser, start_server
from wizard.model.loader import load_tree
from wizard.model.translation import translate_tree
from wizard.render.html import render_html
from wizard.render.outline import build_outline
from wizard.render.words import speaking

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.e2e
__all__ = ["browser"]

MM = 96 / 25.4
"""CSS pixels in a millimetre."""
MARGIN_MM = (8, 12)
"""The print stylesheets' @page margin: top and bottom, left and right."""
SHEETS_MM = {"Letter": (215.9, 279.4), "A4": (210.0, 297.0)}
"""Paper, width by height."""
LAID_OUT = """body => {
    document.body.innerHTML = body;
    const details = document.querySelector('h2.details');
    return details.getBoundingClientRect().top + window.scrollY
        - parseFloat(getComputedStyle(details).marginTop);
}"""
"""Lay out this body, and say where its first part ends: the top of the details' heading."""
DETAILS_REMOVED = """() => {
    const details = document.querySelector('h2.details');
    let node = details.closest('details') || details;
    while (node) { const next = node.nextElementSibling; node.remove(); node = next; }
}"""


def box(paper: str) -> tuple[int, float]:
    """The printable area of a sheet in CSS pixels: width (whole), height."""
    width, height = SHEETS_MM[paper]
    return int((width - 2 * MARGIN_MM[1]) * MM), (height - 2 * MARGIN_MM[0]) * MM


def body_of(html: str) -> str:
    """What the <body> of a saved page holds (one page is laid out again and again, with the
    head and style every saved page shares: much faster than loading each)."""
    return html.split("<body>", 1)[1].rsplit("</body>", 1)[0]


def sheets(page: Page, paper: str) -> int:
    """How many sheets Chromium prints this page on (the page objects of its PDF)."""
    return len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format=paper)))


@pytest.fixture(scope="module")
def trees() -> dict[str, Any]:
    english = load_tree(TREE)
    spanish, overlay = translate_tree(english, "es")
    assert overlay is not None
    return {"en": english, "es": spanish}


def longest(tree: Any, language: str) -> dict[str, list[str]]:
    """The single-choice route whose plain-text first part is longest."""
    with speaking(language):
        return max(all_routes(), key=lambda a: first_part(build_outline(summary_of(tree, a))))


@pytest.fixture(scope="module")
def saved_pages(trees: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(language, route, saved HTML) for every route walked: each single-choice route, and
    every syndrome with everything ticked."""
    pages = []
    for language, tree in trees.items():
        with speaking(language):
            for answers in itertools.chain(all_routes(), everything_ticked(tree)):
                html = render_html(summary_of(tree, answers))
                pages.append((language, route_id(answers), html))
    return pages


@pytest.mark.parametrize("paper", list(SHEETS_MM))
def test_the_saved_html_prints_its_first_part_on_one_sheet(
    browser: Browser, trees: dict[str, Any], saved_pages: list[tuple[str, str, str]], paper: str
) -> None:
    width, height = box(paper)
    page = browser.new_page(viewport={"width": width, "height": 800})
    try:
        page.emulate_media(media="print")
        deepest: dict[str, tuple[float, str]] = {}
        page.set_content(saved_pages[0][2])  # every saved page has the same head and style
        for language, route, html in saved_pages:
            end: float = page.evaluate(LAID_OUT, body_of(html))
            assert end <= height, (language, paper, round(end), route)
            deepest[language] = max(deepest.get(language, (0.0, "")), (end, html))
        for language, (end, html) in deepest.items():
            page.set_content(html)  # Chromium's own PDF of the longest agrees: one sheet
            page.evaluate(DETAILS_REMOVED)
            assert sheets(page, paper) == 1, (language, paper)
            assert end > height * 0.9, language  # some routes are long
        assert len(saved_pages) > 1900
    finally:
        page.close()


def walk_by_mouse(page: Page, answers: dict[str, list[str]]) -> None:
    """From the welcome page to the summary, ticking each answer in turn."""
    page.click("button[value=start]")
    pending: list[Sequence[str]] = list(answers.values())
    while not page.locator("button[value=summary]").count():
        if page.locator("input[name=option]").count():
            for option in pending.pop(0):
                page.check(f"input[name=option][value='{option}']")
        page.click("button[value=answer]")
    assert not pending, pending
    page.click("button[value=summary]")
    page.wait_for_selector(".summary h2.details")


@pytest.fixture(scope="module", params=["en", "es"])
def language_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    folder: Path = tmp_path_factory.mktemp(f"print-{request.param}")
    for url in start_server(folder, "--lang", request.param, tree_path=str(TREE)):
        yield request.param, url


def test_the_web_print_page_puts_the_first_part_on_one_sheet(
    browser: Browser, trees: dict[str, Any], language_url: tuple[str, str]
) -> None:
    language, url = language_url
    page = browser.new_page(viewport={"width": 1000, "height": 800})
    try:
        page.set_default_timeout(SCREEN_SECONDS * 1000)
        page.route("**/*", loopback_only)
        page.goto(url)
        walk_by_mouse(page, longest(trees[language], language))
        page.goto(page.url.replace("/page?", "/print?"))
        page.emulate_media(media="print")
        page.evaluate(DETAILS_REMOVED)
        for paper in SHEETS_MM:
            assert sheets(page, paper) == 1, (language, paper)
    finally:
        page.close()
