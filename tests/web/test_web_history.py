"""The browser's Back, Forward and Reload on the web pages, in Chromium, with JavaScript on and
off: every form answers with a redirect to an address that loads again (POST-redirect-GET), no
answer is readable in an address, and at a kiosk nothing brings back a finished visit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from tests.web.test_serve_e2e import SCREEN_SECONDS, loopback_only
from tests.web.test_web_browser import browser, heading, server_url, start_server

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.e2e
__all__ = ["browser", "server_url"]  # fixtures shared with test_web_browser
SCRIPTS = pytest.mark.parametrize("scripts", [True, False], ids=["scripts on", "scripts off"])


@pytest.fixture(scope="module")
def done_kiosk_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from start_server(tmp_path_factory.mktemp("kiosk"), "--kiosk")


def open_page(browser: Browser, url: str, scripts: bool) -> Page:
    context = browser.new_context(java_script_enabled=scripts)
    page = context.new_page()
    page.set_default_timeout(SCREEN_SECONDS * 1000)
    page.route("**/*", loopback_only)
    page.goto(url)
    return page


def walk_three_questions(page: Page) -> list[str]:
    """Welcome, info, multi, choice; the addresses seen on the way."""
    seen = [page.url]
    page.click("text=Start")
    seen.append(page.url)
    page.click("text=Continue")
    seen.append(page.url)
    page.check("text=None of these")
    page.click("button[value=answer]")
    page.wait_for_selector("h1:has-text('What kind of plant is it?')")
    seen.append(page.url)
    page.check("text=A fern")
    page.click("button[value=answer]")
    page.wait_for_selector("h1:has-text('What do you see?')")
    seen.append(page.url)
    return seen


@SCRIPTS
def test_back_forward_and_reload_show_the_pages_again(browser: Browser, server_url: str,
                                                      scripts: bool) -> None:
    page = open_page(browser, server_url, scripts)
    try:
        seen = walk_three_questions(page)
        assert all("fern" not in url and "none" not in url for url in seen), seen
        response = page.go_back()
        assert response is not None and response.status == 200
        assert heading(page) == "What kind of plant is it?"
        assert page.is_checked("input[value=fern]")  # the answer given is still picked
        page.go_back()
        assert heading(page) == "Is any of this happening right now?"
        page.go_forward()
        assert heading(page) == "What kind of plant is it?"
        page.reload()  # a plain GET again: no "Confirm form resubmission"
        assert heading(page) == "What kind of plant is it?"
        page.check("text=A cactus")  # a new answer from an earlier page takes its own route
        page.click("button[value=answer]")
        page.wait_for_selector("h1:has-text('How often do you water it?')")
        page.go_forward()  # nothing ahead any more
        assert heading(page) == "How often do you water it?"
    finally:
        page.context.close()


@SCRIPTS
def test_at_a_kiosk_nothing_brings_back_a_finished_visit(browser: Browser, done_kiosk_url: str,
                                                         scripts: bool) -> None:
    page = open_page(browser, done_kiosk_url, scripts)
    try:
        walk_three_questions(page)
        page.click("text=I'm done")
        page.wait_for_selector("h1:has-text('Helping a tired houseplant')")
        for move in (page.go_back, page.reload, page.go_back, page.go_forward, page.reload):
            move()
            shown = page.locator("body").inner_text()
            assert "What do you see?" not in shown and "A fern" not in shown, move
            assert heading(page) in ("This session was cleared", "Helping a tired houseplant")
    finally:
        page.context.close()


@SCRIPTS
def test_after_the_idle_reset_nothing_brings_back_the_visit(browser: Browser, done_kiosk_url: str,
                                                            scripts: bool) -> None:
    """The fresh start after the idle time plus the countdown (120 s here): with scripts, the
    page's timer, run on Playwright's clock; without, the <noscript> refresh's address, opened
    as the refresh would (its delay checked, not waited for). Either way it ends the visit."""
    context = browser.new_context(java_script_enabled=scripts)
    if scripts:
        context.clock.install()
    page = context.new_page()
    page.set_default_timeout(SCREEN_SECONDS * 1000)
    page.route("**/*", loopback_only)
    try:
        page.goto(done_kiosk_url)
        walk_three_questions(page)
        if scripts:
            # The script is deferred: its timers exist only once the page has loaded, and a
            # fast-forward before that would skip nothing.
            page.wait_for_load_state("load")
            assert page.evaluate("document.documentElement.classList.contains('scripted')")
            page.clock.fast_forward(121_000)
        else:
            refresh = page.locator("noscript").first.inner_html()
            delay, _, address = refresh.partition(";url=")
            assert delay.endswith('content="120') and address.startswith("/reset?s="), refresh
            page.goto(done_kiosk_url.rstrip("/") + address.split('"')[0].replace("&amp;", "&"))
        page.wait_for_selector("h1:has-text('Helping a tired houseplant')")
        for move in (page.go_back, page.reload, page.go_back, page.go_forward, page.reload):
            move()
            shown = page.locator("body").inner_text()
            assert "What do you see?" not in shown and "A fern" not in shown, move
            assert heading(page) in ("This session was cleared", "Helping a tired houseplant")
    finally:
        context.close()


@SCRIPTS
def test_an_error_summary_takes_the_focus_and_links_to_the_answer(
        browser: Browser, server_url: str, scripts: bool) -> None:
    page = open_page(browser, server_url, scripts)
    try:
        page.click("text=Start")
        page.click("text=Continue")
        page.click("button[value=answer]")  # nothing picked
        page.wait_for_selector(".error-summary")
        assert page.title().startswith("Error: Is any of this happening right now?")
        assert page.evaluate("document.activeElement.className") == "error-summary"
        assert page.locator(".error-summary h2").inner_text() == "There is a problem"
        page.click(".error-summary a")
        assert page.evaluate("location.hash") == "#option-1"
        assert "Please pick at least one answer." in page.locator("#error").inner_text()
    finally:
        page.context.close()


def test_start_over_asks_first_in_the_browser(browser: Browser, server_url: str) -> None:
    page = open_page(browser, server_url, False)
    try:
        walk_three_questions(page)
        page.check("text=Yellow leaves")
        page.click("button[value=answer]")
        page.check("input[value=dry]")
        page.click("button[value=answer]")
        page.click("text=Show my summary")
        page.wait_for_selector("h1:has-text('Your plant plan')")
        page.click("text=Start over")
        assert heading(page) == "Start over?"
        page.click("text=Keep my answers")
        assert heading(page) == "Your plant plan"
        page.click("text=Start over")
        page.click("text=Yes, start over")
        assert heading(page) == "Helping a tired houseplant"
    finally:
        page.context.close()


@SCRIPTS
def test_change_links_go_straight_to_the_question_and_come_back(
        browser: Browser, server_url: str, scripts: bool) -> None:
    page = open_page(browser, server_url, scripts)
    try:
        walk_three_questions(page)
        page.check("text=Yellow leaves")
        page.click("button[value=answer]")
        page.check("input[value=dry]")
        page.click("button[value=answer]")
        assert heading(page) == "Check your answers"
        page.click("a:has-text('Change your answer to: What do you see?')")
        assert heading(page) == "What do you see?"
        page.uncheck("text=Yellow leaves")
        page.check("text=Spots")
        page.click("button[value=answer]")
        assert heading(page) == "Check your answers"
        rows = page.locator(".check-row").all_inner_texts()
        assert any("What do you see?" in row and "Spots" in row for row in rows), rows
        assert any("Is the air in the room dry?" in row and "Yes" in row for row in rows), rows
        page.go_back()  # the browser's Back: the question page as it was
        assert heading(page) == "What do you see?"
        page.go_forward()
        assert heading(page) == "Check your answers"
        page.click("text=Show my summary")
        page.click("text=Check or change your answers")
        assert heading(page) == "Check your answers"
    finally:
        page.context.close()
