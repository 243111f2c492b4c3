"""A summary that leaves the room, in Chromium: printed black on white from every theme, and
reflowed at 320 px (WCAG 1.4.10) with no sideways scrolling, long addresses included."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from tests.web.test_serve_e2e import ROOT, SCREEN_SECONDS, loopback_only
from tests.web.test_web_browser import browser, fern_to_summary, start_server

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.e2e
__all__ = ["browser"]
LONG = ("https://plants.example.org/care-guides/indoor-plants/ferns-and-other-moisture-loving-"
        "plants/yellow-leaves-and-drooping-what-it-means")
THEMES = ["Dark", "Light", "High contrast"]


@pytest.fixture(scope="module")
def long_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("long")
    text = (ROOT / "tests" / "trees" / "example.yaml").read_text()
    tree = folder / "example.yaml"
    tree.write_text(text.replace('"https://example.org/rhs"', f'"{LONG}"'))
    yield from start_server(folder, "--theme", "default", tree_path=str(tree))


def to_summary(browser: Browser, url: str, width: int, theme: str = "Dark") -> Page:
    page = browser.new_page(viewport={"width": width, "height": 700})
    page.set_default_timeout(SCREEN_SECONDS * 1000)
    page.route("**/*", loopback_only)
    page.goto(url)
    page.check(f"text={theme}")
    page.click("text=Apply")
    fern_to_summary(page)
    return page


def sideways(page: Page) -> int:
    """How far the page scrolls sideways, in CSS pixels (0: it fits)."""
    value: int = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth")
    return value


def colours(page: Page) -> set[tuple[str, str]]:
    """(colour, background) of every element with text of its own in <main>."""
    found: list[list[str]] = page.evaluate("""() => {
        const seen = [];
        for (const e of document.querySelectorAll('main *')) {
            const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
            if (!own || !e.offsetParent) continue;
            let bg = 'rgba(0, 0, 0, 0)';
            for (let p = e; p && bg === 'rgba(0, 0, 0, 0)'; p = p.parentElement)
                bg = getComputedStyle(p).backgroundColor;
            seen.push([getComputedStyle(e).color, bg]);
        }
        return seen;
    }""")
    return {(colour, background) for colour, background in found}


@pytest.mark.parametrize("theme", THEMES)
def test_printing_is_black_on_white_from_every_theme(browser: Browser, long_url: str,
                                                    theme: str) -> None:
    page = to_summary(browser, long_url, 1000, theme)
    try:
        for address in (page.url, page.url.replace("/page?", "/print?")):
            page.goto(address)
            page.emulate_media(media="print")
            seen = colours(page)
            assert seen, address
            assert seen <= {("rgb(0, 0, 0)", "rgb(255, 255, 255)"),
                            ("rgb(0, 0, 0)", "rgba(0, 0, 0, 0)")}, seen
            page.emulate_media(media="screen")
    finally:
        page.close()


def test_printing_starts_the_details_on_a_new_page(browser: Browser, long_url: str) -> None:
    """The first page stands alone: printed, the first section of the details starts a sheet,
    on the summary and on the printable page; on screen nothing breaks."""
    page = to_summary(browser, long_url, 1000)
    try:
        for address in (page.url, page.url.replace("/page?", "/print?")):
            page.goto(address)
            breaks = "() => [...document.querySelectorAll('main h2')].map(" \
                     "h => getComputedStyle(h).breakBefore)"
            assert "page" not in page.evaluate(breaks), address
            page.emulate_media(media="print")
            found: list[str] = page.evaluate(breaks)
            assert found.count("page") == 1, (address, found)
            first = page.evaluate("document.querySelector('main h2.details').textContent")
            assert first and found.index("page") > 0, address
            page.emulate_media(media="screen")
    finally:
        page.close()


def test_the_folded_details_open_on_screen_by_click_and_all_when_printed(
    browser: Browser, long_url: str
) -> None:
    """On screen each section of the details is a closed <details>; printed, every one shows
    (the print stylesheet alone, as no print dialog runs the script here), then folds again."""
    page = to_summary(browser, long_url, 1000)
    try:
        answers = page.locator("details.fold", has_text="What you told us")
        inside = answers.locator("li").first
        assert page.locator("details.fold").count() >= 4
        assert page.locator("details.fold[open]").count() == 0 and not inside.is_visible()
        page.emulate_media(media="print")
        folded = page.locator("details.fold li, details.fold h3")
        assert folded.count() > 0
        assert all(folded.nth(n).is_visible() for n in range(folded.count()))
        assert not page.locator(".details-hint").is_visible()
        page.emulate_media(media="screen")
        assert not inside.is_visible()
        answers.locator("summary").click()
        assert inside.is_visible()
    finally:
        page.close()


def test_at_320_px_nothing_scrolls_sideways(browser: Browser, long_url: str) -> None:
    page = to_summary(browser, long_url, 320)
    try:
        assert page.locator(f"a[href='{LONG}']").count() >= 1
        assert sideways(page) == 0
        page.goto(page.url.replace("/page?", "/print?"))
        assert sideways(page) == 0
        page.go_back()
        page.click("button[value=back]")  # a question page too
        assert sideways(page) == 0
    finally:
        page.close()
