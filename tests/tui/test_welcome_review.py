"""The welcome screen says how current the content is, and never calls content reviewed that
changed after its last review (the bundled tree's December 2026 edits await sign-off)."""

from __future__ import annotations

from tests.tui.pilots import shown_text
from wizard.tui.app import WizardApp
from wizard.tui.screens.welcome import WelcomeScreen


async def test_the_welcome_screen_says_the_content_changed_after_review(
    bundled_app: WizardApp,
) -> None:
    async with bundled_app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert isinstance(bundled_app.screen, WelcomeScreen)
        line = " ".join(shown_text(bundled_app, "#welcome-version").split())
        assert line == (
            "Content version 2026.12.0 · last reviewed 2026-11-21 · changed on 2026-12-05 and "
            "not yet reviewed again"
        )


async def test_a_tree_unchanged_since_review_says_only_when_it_was_reviewed(
    example_app: WizardApp,
) -> None:
    async with example_app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        line = " ".join(shown_text(example_app, "#welcome-version").split())
        assert line.endswith("· last reviewed 2026-11-21") and "changed" not in line
