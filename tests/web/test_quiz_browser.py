"""`wizard serve --quiz` in Chromium: a whole quiz by keyboard alone, with JavaScript on and off
(Back before the reveal keeps the prediction; the browser's Back after it comes back to the
answers shown; the results download), and axe-core on every kind of quiz page in two themes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.web.test_serve_e2e import SCREEN_SECONDS, loopback_only
from tests.web.test_web_browser import axe_problems, browser, focused, start_server, tab_to

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.e2e
__all__ = ["browser"]


@pytest.fixture(scope="module")
def quiz_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from start_server(tmp_path_factory.mktemp("quiz"), "--quiz", "--seed", "42",
                            "--cases", "2")


def open_page(browser: Browser, address: str, scripts: bool) -> Page:
    context = browser.new_context(java_script_enabled=scripts, accept_downloads=True,
                                  viewport={"width": 1000, "height": 800})
    page = context.new_page()
    page.set_default_timeout(SCREEN_SECONDS * 1000)
    page.route("**/*", loopback_only)
    page.goto(address)
    return page


def progress(page: Page) -> str:
    return page.locator("p.progress").inner_text()


def enter(page: Page) -> None:
    """Press Enter on the focused control and wait for the page it leads to."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def click(page: Page, selector: str) -> None:
    with page.expect_navigation():
        page.click(selector)


def pick_first_by_keyboard(page: Page) -> None:
    """Tab to the first choice and take it with Space (a radio or a checkbox alike), unless it
    is taken already (a prediction kept after Back)."""
    tab_to(page, "input:")
    if not page.is_checked("#option-1"):
        page.keyboard.press("Space")
    assert page.is_checked("#option-1")


@pytest.mark.parametrize("scripts", [True, False], ids=["scripts on", "scripts off"])
def test_a_whole_quiz_by_keyboard_alone(browser: Browser, quiz_url: str, scripts: bool,
                                        tmp_path: Path) -> None:
    page = open_page(browser, quiz_url, scripts)
    try:
        tab_to(page, "button:submit:start")
        enter(page)
        page.wait_for_selector("text=Case 1 of 2 · Question 1 of")
        pick_first_by_keyboard(page)
        enter(page)  # the form's first button: Next
        page.wait_for_selector("text=Case 1 of 2 · Question 2 of")
        tab_to(page, "button:submit:back")  # Back, before the answers are shown
        enter(page)
        page.wait_for_selector("text=Case 1 of 2 · Question 1 of")
        assert page.is_checked("#option-1")  # the prediction is still there
        for case in (1, 2):
            while page.locator("button[value=answer]").count():
                pick_first_by_keyboard(page)
                enter(page)
            assert page.locator("h1").inner_text() == f"Case {case} of 2"
            tab_to(page, "button:submit:reveal")
            enter(page)
            page.wait_for_selector("text=Case score:")
            assert page.locator("button[value=back]").count() == 0
            if case == 1:  # the browser's Back after the reveal: the answers shown, unchanged
                shown = page.locator(".quiz-answer").all_inner_texts()
                page.go_back()  # the browser's own Back (its shortcut is not the page's)
                page.wait_for_selector("text=The answers are shown now; they cannot be changed.")
                assert page.locator("button[value=reveal]").count() == 0
                assert page.locator(".quiz-answer").all_inner_texts() == shown
            tab_to(page, "button:submit:next")
            enter(page)
        page.wait_for_selector("h1:has-text('Quiz results')")
        results = page.locator("main").inner_text()
        assert "Score:" in results and "Case 1 of 2" in results and "Case 2 of 2" in results
        assert "Seed 42" in results
        tab_to(page, "button:submit:json")
        with page.expect_download() as download:
            page.keyboard.press("Enter")
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
        data = json.loads(saved.read_text())
        assert saved.name == "garden-quiz-results.json" and data["quiz"]["seed"] == 42
        assert f"Score: {data['score']['right']} of {data['score']['asked']}" in results
        print_button = page.locator("button[data-print=browser]")
        assert print_button.is_visible() == scripts  # without scripts, the hint says how
    finally:
        page.context.close()


@pytest.mark.parametrize("theme", ["Dark", "High contrast"])
def test_every_kind_of_quiz_page_passes_axe(browser: Browser, quiz_url: str, theme: str) -> None:
    page = open_page(browser, quiz_url, True)
    problems: dict[str, list[str]] = {}
    try:
        page.check(f"text={theme}")
        click(page, "text=Apply")
        problems["start"] = axe_problems(page)
        click(page, "text=Start the quiz")
        problems["question"] = axe_problems(page)
        click(page, "button[value=answer]")  # nothing picked
        page.wait_for_selector(".error-summary")
        assert focused(page).startswith("div:")  # the focus moved to the problem
        problems["question with an error"] = axe_problems(page)
        while page.locator("button[value=answer]").count():
            page.locator("#option-1").check()
            click(page, "button[value=answer]")
        problems["ready"] = axe_problems(page)
        click(page, "button[value=reveal]")
        page.wait_for_selector("text=Case score:")
        problems["answers"] = axe_problems(page)
        page.go_back()
        page.wait_for_selector("text=The answers are shown now")
        problems["answers, after Back"] = axe_problems(page)
        click(page, "button[value=next]")
        while page.locator("button[value=answer]").count():
            page.locator("#option-1").check()
            click(page, "button[value=answer]")
        click(page, "button[value=reveal]")
        click(page, "button[value=next]")
        page.wait_for_selector("h1:has-text('Quiz results')")
        problems["results"] = axe_problems(page)
        page.evaluate("document.querySelectorAll('input[name=state]').forEach(e => e.value = 'x')")
        page.click("button[value=again]")
        page.wait_for_selector("h1:has-text('This quiz page cannot be used')")
        problems["error"] = axe_problems(page)
    finally:
        page.context.close()
    found = {kind: found for kind, found in problems.items() if found}
    assert not found, found


@pytest.fixture(scope="module")
def own_seed_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A quiz without the server's seed: each learner may type one."""
    yield from start_server(tmp_path_factory.mktemp("quiz-own-seed"), "--quiz", "--cases", "1")


@pytest.mark.parametrize("scripts", [True, False], ids=["scripts on", "scripts off"])
def test_a_typed_seed_by_keyboard_and_its_error(browser: Browser, own_seed_url: str,
                                                scripts: bool) -> None:
    page = open_page(browser, own_seed_url, scripts)
    try:
        if scripts:  # axe-core runs as a script in the page
            assert axe_problems(page) == []
        tab_to(page, "input:text")
        page.keyboard.type("four")
        enter(page)  # Enter in the field starts, as the form's only button does
        page.wait_for_selector(".error-summary")
        assert page.title().startswith("Error: ")
        if scripts:
            assert focused(page).startswith("div:")  # the focus moved to the problem
            assert axe_problems(page) == []
        tab_to(page, "input:text")
        page.keyboard.type("42")
        enter(page)
        page.wait_for_selector("text=Case 1 of 1 · Question 1 of")
    finally:
        page.context.close()
