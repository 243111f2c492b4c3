"""The web pages in a real browser (Debian's Chromium, headless): a whole route by keyboard
alone, a whole route with JavaScript off (downloads and Print included), and axe-core on each
kind of page (welcome, info, multi, choice, red flag, summary, error) in two themes.

Needs Chromium at /usr/bin/chromium and the Playwright and axe-playwright-python packages;
no browser is downloaded, and every request to anywhere but the test server is refused.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.web.test_serve_e2e import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    SCREEN_SECONDS,
    free_port,
    loopback_only,
    stop,
    wait_for_port,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.e2e

TREE = "tests/trees/example.yaml"
SERIOUS = frozenset({"serious", "critical"})


def serve_command(port: int, *options: str, tree_path: str = TREE) -> list[str]:
    return [sys.executable, "-m", "wizard", "serve", tree_path, "--port", str(port), *options]


def start_server(log_dir: Path, *options: str, tree_path: str = TREE,
                 port: int = 0, env: dict[str, str] | None = None) -> Iterator[str]:
    port = port or free_port()
    log = log_dir / "server.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            serve_command(port, *options, tree_path=tree_path), cwd=ROOT, env=env,
            stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    try:
        wait_for_port(port, server, log)
        yield f"http://127.0.0.1:{port}/"
    finally:
        stop(server)


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from start_server(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def kiosk_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A kiosk that asks "Still there?" after 1 s (and starts over 30 s later)."""
    yield from start_server(tmp_path_factory.mktemp("kiosk"), "--kiosk", "--idle-timeout", "1")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    # `make test` installs both; a missing browser must fail loudly, never pass as a skip.
    assert Path(CHROMIUM).exists(), f"no Chromium at {CHROMIUM}: run `make test` (apt chromium)"
    import playwright.sync_api as sync_api

    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=SCREEN_SECONDS * 1000)
        try:
            yield launched
        finally:
            launched.close()


def new_page(browser: Browser, server_url: str, **options: Any) -> Page:
    page = browser.new_page(viewport={"width": 1000, "height": 800}, **options)
    page.set_default_timeout(SCREEN_SECONDS * 1000)
    page.route("**/*", loopback_only)
    page.goto(server_url)
    return page


def focused(page: Page) -> str:
    """The focused control, as `tag:type:value:label` (enough to know where the focus is)."""
    text: str = page.evaluate("""() => {
        const e = document.activeElement;
        const label = e.labels && e.labels.length ? e.labels[0].textContent : e.textContent;
        return [e.tagName.toLowerCase(), e.type || '', e.value || '', (label || '').trim()]
            .join(':');
    }""")
    return text


def tab_to(page: Page, wanted: str, most: int = 30) -> None:
    """Press Tab until the focused control's description contains `wanted`."""
    seen = []
    for _ in range(most):
        page.keyboard.press("Tab")
        seen.append(focused(page))
        if wanted in seen[-1]:
            return
    pytest.fail(f"Tab never reached {wanted!r}; focus went: {seen}")


def fern_to_summary(page: Page) -> None:
    """From the welcome page to the summary of the example tree's fern route, by the mouse."""
    page.click("text=Start")
    page.click("text=Continue")
    page.check("text=None of these")
    page.click("button[value=answer]")
    page.check("text=A fern")
    page.click("button[value=answer]")
    page.check("text=Yellow leaves")
    page.click("button[value=answer]")
    page.check("input[value=dry]")
    page.click("button[value=answer]")
    page.click("text=Show my summary")
    page.wait_for_selector("h1:has-text('Your plant plan')")


def heading(page: Page) -> str:
    return page.locator("h1").first.inner_text()


def test_a_whole_route_by_keyboard_alone(browser: Browser, server_url: str) -> None:
    page = new_page(browser, server_url)
    try:
        assert heading(page) == "Helping a tired houseplant"
        tab_to(page, "button:submit:start")
        page.keyboard.press("Enter")
        page.wait_for_selector("text=We will ask a few questions")
        tab_to(page, "button:submit:answer")
        page.keyboard.press("Enter")
        page.wait_for_selector("text=Is any of this happening right now?")
        tab_to(page, "None of these")
        page.keyboard.press("Space")
        page.keyboard.press("Enter")  # the form's first button: Next
        page.wait_for_selector("text=What kind of plant is it?")
        tab_to(page, "radio:cactus")  # the group takes focus at its first radio
        page.keyboard.press("ArrowDown")  # moves to, and picks, "A fern"
        assert page.is_checked("input[value=fern]")
        page.keyboard.press("Enter")
        page.wait_for_selector("text=What do you see?")
        tab_to(page, "Yellow leaves")
        page.keyboard.press("Space")
        tab_to(page, "Drooping")
        page.keyboard.press("Space")
        page.keyboard.press("Enter")
        page.wait_for_selector("text=Is the air in the room dry?")
        tab_to(page, "radio:dry")
        page.keyboard.press("Space")
        page.keyboard.press("Enter")
        page.wait_for_selector("h1:has-text('Check your answers')")
        tab_to(page, "button:submit:summary")
        page.keyboard.press("Enter")
        page.wait_for_selector("h1:has-text('Your plant plan')")
        summary = page.locator("main").inner_text()
        assert "Water less" in summary and "Raise the humidity" in summary  # "At a glance"
        assert "Yellow leaves, Drooping" not in summary  # the answers are in a folded section
        tab_to(page, "summary:::What you told us")  # the fold's title, reached by Tab
        page.keyboard.press("Enter")
        assert "Yellow leaves, Drooping" in page.locator("main").inner_text()
        tab_to(page, "summary:::Sources")
        page.keyboard.press("Space")  # Space opens a fold too
        assert page.locator("details.fold[open]").count() == 2
    finally:
        page.close()


def test_a_whole_route_with_javascript_off(browser: Browser, server_url: str,
                                          tmp_path: Path) -> None:
    context = browser.new_context(java_script_enabled=False, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(SCREEN_SECONDS * 1000)
    page.route("**/*", loopback_only)
    try:
        page.goto(server_url)
        page.click("text=Start")
        page.click("text=Continue")
        page.check("text=Smoke from the lamp")
        page.click("text=Next")
        assert page.locator("[role=alert]").inner_text().startswith("URGENT: get help now")
        page.click("text=I have read this: continue")
        page.check("text=A cactus")
        page.click("text=Next")
        page.check("text=Every day")
        page.click("text=Next")
        page.click("text=Next")  # nothing picked: the page says so, next to the question
        assert "Please pick at least one answer." in page.locator("[role=alert]").inner_text()
        page.check("text=Spots")
        page.click("text=Next")
        page.click("text=Show my summary")
        page.wait_for_selector("h1:has-text('Your plant plan')")
        assert "URGENT: get help now" in page.locator("main").inner_text()
        with page.expect_download() as download:
            page.click("text=Save as text (Markdown)")
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
        assert saved.name == "garden-summary.md" and "# Your plant plan" in saved.read_text()
        page.click("text=Print")  # without a script: a page of its own, for the browser to print
        page.wait_for_selector("h1:has-text('Your plant plan')")
        assert "/print?s=" in page.url
        assert page.locator("main .summary").count() == 1
        page.click("text=Back to the summary")
        page.wait_for_selector("button[data-print=browser]")
    finally:
        context.close()


def axe_problems(page: Page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} at "
            f"{[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"] if v.get("impact") in SERIOUS]


@pytest.mark.parametrize("theme", ["Dark", "High contrast", "Light"])
def test_every_kind_of_page_passes_axe(browser: Browser, server_url: str, theme: str) -> None:
    page = new_page(browser, server_url)
    problems: dict[str, list[str]] = {}
    try:
        page.check(f"text={theme}")
        page.click("text=Apply")
        problems["welcome"] = axe_problems(page)
        page.click("text=Start")
        problems["info"] = axe_problems(page)
        page.click("text=Continue")
        problems["multi"] = axe_problems(page)
        page.check("text=A pet ate the leaves")
        page.click("text=Next")
        problems["red flag"] = axe_problems(page)
        page.click("text=I have read this: continue")
        page.click("text=Next")
        problems["choice with an error"] = axe_problems(page)
        page.check("text=A fern")
        page.click("text=Next")
        page.check("text=Brown tips")
        page.click("text=Next")
        page.check("input[value=moist]")
        page.click("text=Next")
        page.wait_for_selector("h1:has-text('Check your answers')")
        problems["check your answers"] = axe_problems(page)
        page.click("text=Show my summary")
        page.wait_for_selector("h1:has-text('Your plant plan')")
        problems["summary"] = axe_problems(page)
        page.click("text=Start over")
        page.wait_for_selector("h1:has-text('Start over?')")
        problems["start over?"] = axe_problems(page)
        page.click("text=Keep my answers")
        page.wait_for_selector("h1:has-text('Your plant plan')")
        summary_url = page.url
        page.goto(summary_url.replace("/page?", "/print?"))
        page.wait_for_selector("text=Back to the summary")
        problems["print"] = axe_problems(page)
        page.click("text=Back to the summary")
        page.wait_for_selector("h1:has-text('Your plant plan')")
        page.evaluate("document.querySelectorAll('input[name=state]').forEach(e => e.value = 'x')")
        page.click("text=Start over")
        page.wait_for_selector("h1:has-text('This page cannot be used')")
        problems["error"] = axe_problems(page)
    finally:
        page.close()
    found = {kind: found for kind, found in problems.items() if found}
    assert not found, found


@pytest.mark.parametrize("scripts", [True, False], ids=["scripts on", "scripts off"])
def test_kiosk_asks_still_there_and_clears_on_done(browser: Browser, kiosk_url: str,
                                                  scripts: bool) -> None:
    context = browser.new_context(java_script_enabled=scripts)
    page = context.new_page()
    page.set_default_timeout(SCREEN_SECONDS * 1000)
    page.route("**/*", loopback_only)
    try:
        page.goto(kiosk_url)
        page.click("text=Start")
        page.click("text=Continue")
        page.check("text=None of these")
        page.click("button[value=answer]")  # ("text=Next" would also find "the next person")
        page.wait_for_selector("text=What kind of plant is it?")
        assert page.locator("text=Save as").count() == 0
        page.wait_for_selector(".still-there", state="visible")  # after the idle second
        if scripts:
            assert axe_problems(page) == []
        page.click("text=I am still here")
        page.wait_for_selector("text=Question 2 of about")  # the same question, a fresh page
        page.click("text=I'm done")
        page.wait_for_selector("h1:has-text('Helping a tired houseplant')")
        assert page.locator("text=I'm done").count() == 0
    finally:
        context.close()
