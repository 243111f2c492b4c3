"""Save writes the full summary as Markdown and HTML, never overwriting without asking; Copy."""

from __future__ import annotations

from pathlib import Path

from tests.tui.pilots import click, press, shown_text
from wizard.app import WizardApp
from wizard.render.html import render_html
from wizard.render.markdown import render_markdown
from wizard.render.text import render_text
from wizard.screens.overwrite import OverwriteModal
from wizard.screens.summary import SummaryScreen

TO_SUMMARY = ("enter", "enter", "2", "enter", "enter", "2", "1", "2", "enter", "1")  # pets, fern


async def walk_to_summary(pilot: object) -> None:
    await press(pilot, *TO_SUMMARY)  # type: ignore[arg-type]


async def test_save_writes_both_files_with_the_full_summary(
    example_app: WizardApp, tmp_path: Path
) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await walk_to_summary(pilot)
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        await press(pilot, "s")
        markdown = tmp_path / "garden-summary.md"
        html = tmp_path / "garden-summary.html"
        assert markdown.read_text(encoding="utf-8") == render_markdown(screen.summary)
        assert html.read_text(encoding="utf-8") == render_html(screen.summary)
        text = markdown.read_text(encoding="utf-8")
        for expected in (
            "A pet may be poisoned",
            "Water less",
            "Raise the humidity",
            "A local plant shop",
            "How much light does it need?",
            "This guide gives general ideas",
        ):
            assert expected in text
        assert "<html" in html.read_text(encoding="utf-8").lower()
        message = shown_text(app, "#status")
        assert str(markdown) in message
        assert html.name in message


async def test_save_asks_before_replacing(example_app: WizardApp, tmp_path: Path) -> None:
    app = example_app
    old = tmp_path / "garden-summary.md"
    old.write_text("keep me", encoding="utf-8")
    async with app.run_test(size=(80, 24)) as pilot:
        await walk_to_summary(pilot)
        await press(pilot, "s")
        assert isinstance(app.screen, OverwriteModal)
        await press(pilot, "escape")
        assert old.read_text(encoding="utf-8") == "keep me"
        assert shown_text(app, "#status") == "Not saved."
        await press(pilot, "s", "enter")  # the focus is on "New name"
        assert old.read_text(encoding="utf-8") == "keep me"
        assert (tmp_path / "garden-summary-2.md").exists()
        assert (tmp_path / "garden-summary-2.html").exists()
        await press(pilot, "s")
        await click(pilot, "#rename")
        assert (tmp_path / "garden-summary-3.md").exists()
        await press(pilot, "s")
        await click(pilot, "#replace")
        assert old.read_text(encoding="utf-8").startswith("#")
        assert not (tmp_path / "garden-summary-4.md").exists()


async def test_copy_puts_the_plain_text_summary_on_the_clipboard(
    example_app: WizardApp,
) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await walk_to_summary(pilot)
        assert isinstance(app.screen, SummaryScreen)
        await click(pilot, "#copy")
        assert app.clipboard == render_text(app.screen.summary)
        assert shown_text(app, "#status").startswith("Copied the summary")
