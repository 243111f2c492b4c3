"""Teach-back on the web pages in a real browser: offered on the summary, answered by keyboard
alone with scripts on and off (a wrong answer, nothing picked, the count, back to the summary),
and axe-core on every teach-back page. Same browser and rules as test_web_browser.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.web.test_serve_e2e import SCREEN_SECONDS, loopback_only
from tests.web.test_web_browser import (  # noqa: F401  (browser: a fixture used by name)
    TREE,
    axe_problems,
    browser,
    fern_to_summary,
    start_server,
    tab_to,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.e2e

TEACH = """
teach_back:
  - id: water-less
    prompt: What does your plan say about watering?
    about: treatment:less-water
    when: yellow
    explain: Roots need air as well as water, so wet soil all the time harms them.
    options:
      - {id: less, label: Let the soil dry first, right: true}
      - {id: more, label: Water more often}
  - id: mist
    prompt: What helps with dry air?
    about: treatment:mist
    when: dry_air
    explain: Thin leaves lose water fast in dry air.
    options:
      - {id: sun, label: More sun}
      - {id: mist, label: Mist the leaves, right: true}
"""


@pytest.fixture(scope="module")
def teach_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example tree with two teach-back questions about the fern route below."""
    folder = tmp_path_factory.mktemp("teach")
    tree = folder / "teach.yaml"
    tree.write_text((Path(__file__).parents[2] / TREE).read_text() + TEACH)
    yield from start_server(folder, tree_path=str(tree))


def press_enter_and_load(page: Page, wanted: str) -> None:
    page.keyboard.press("Enter")
    page.wait_for_selector(f"text={wanted}")
    page.wait_for_load_state("load")


@pytest.mark.parametrize("scripts", [True, False], ids=["scripts on", "scripts off"])
def test_teach_back_by_keyboard_alone(browser: Browser, teach_url: str,  # noqa: F811
                                      scripts: bool) -> None:
    context = browser.new_context(java_script_enabled=scripts)
    page = context.new_page()
    page.set_default_timeout(SCREEN_SECONDS * 1000)
    page.route("**/*", loopback_only)
    problems: dict[str, list[str]] = {}
    try:
        page.goto(teach_url)
        fern_to_summary(page)
        if scripts:
            problems["summary"] = axe_problems(page)
        tab_to(page, "button:submit:teach:Check what you understood")
        press_enter_and_load(page, "Question 1 of 2")
        assert page.locator("legend h1").inner_text() == "What does your plan say about watering?"
        if scripts:
            problems["question"] = axe_problems(page)
        tab_to(page, "radio:less")  # the group takes focus at its first radio
        page.keyboard.press("ArrowDown")  # picks "Water more often": not what the plan says
        assert page.is_checked("input[value=more]")
        press_enter_and_load(page, "Not quite.")  # Enter: the form's first button, the answer
        reminder = page.locator(".reminder").inner_text()
        assert "Roots need air as well as water" in reminder  # the author's other words
        assert "Water less" in reminder  # the summary's own entry
        assert "Question 1 of 2" in page.locator("main").inner_text()  # asked again
        if scripts:
            problems["reminder"] = axe_problems(page)
        tab_to(page, "radio:less")
        page.keyboard.press("Space")
        press_enter_and_load(page, "Question 2 of 2")
        assert page.locator(".reminder").count() == 0
        tab_to(page, "button:submit:teach_answer")  # nothing picked
        press_enter_and_load(page, "Please pick one answer.")
        assert page.locator("[role=alert]").first.inner_text().startswith("There is a problem")
        if scripts:
            problems["nothing picked"] = axe_problems(page)
        tab_to(page, "radio:sun")
        page.keyboard.press("ArrowDown")
        assert page.is_checked("input[value=mist]")
        press_enter_and_load(page, "You went over 2 points of your summary.")
        if scripts:
            problems["done"] = axe_problems(page)
        tab_to(page, "button:submit:summary:Back to your summary")
        press_enter_and_load(page, "At a glance")
        assert page.locator("h1").first.inner_text() == "Your plant plan"
    finally:
        context.close()
    found = {kind: found for kind, found in problems.items() if found}
    assert not found, found


@pytest.mark.parametrize("theme", ["High contrast", "Light"])
def test_teach_back_pages_pass_axe_in_every_theme(browser: Browser, teach_url: str,  # noqa: F811
                                                  theme: str) -> None:
    page = browser.new_page(viewport={"width": 1000, "height": 800})
    page.set_default_timeout(SCREEN_SECONDS * 1000)
    page.route("**/*", loopback_only)
    problems: dict[str, list[str]] = {}
    try:
        page.goto(teach_url)
        page.check(f"text={theme}")
        page.click("text=Apply")
        fern_to_summary(page)
        page.click("text=Check what you understood")
        page.check("text=Water more often")
        page.click("button[value=teach_answer]")
        page.wait_for_selector(".reminder")
        problems["reminder"] = axe_problems(page)
        page.check("text=Let the soil dry first")
        page.click("button[value=teach_answer]")
        page.click("button[value=teach_answer]")  # nothing picked
        page.wait_for_selector(".error-summary")
        problems["nothing picked"] = axe_problems(page)
        page.check("text=Mist the leaves")
        page.click("button[value=teach_answer]")
        page.wait_for_selector("text=You went over 2 points")
        problems["done"] = axe_problems(page)
    finally:
        page.close()
    found = {kind: found for kind, found in problems.items() if found}
    assert not found, found
