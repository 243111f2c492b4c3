"""Save shows the folder first, writes the full summary as Markdown and HTML, never overwrites
without asking, and survives disk faults with one sentence; Copy."""

from __future__ import annotations

import errno
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from textual.widgets import Button, Input

from tests.faults import cannot_create, disk_full, listing, rename_fails
from tests.tui.pilots import click, press, shown_text, to_summary
from wizard.render.html import render_html
from wizard.render.markdown import render_markdown
from wizard.render.text import render_text
from wizard.tui.app import WizardApp
from wizard.tui.screens.overwrite import OverwriteModal
from wizard.tui.screens.save import SaveModal
from wizard.tui.screens.summary import SummaryScreen

TO_SUMMARY = ("enter", "enter", "2", "enter", "enter", "2", "1", "2", "enter", "1")  # pets, fern


async def walk_to_summary(pilot: object) -> None:
    await to_summary(pilot, *TO_SUMMARY)  # type: ignore[arg-type]


async def test_save_writes_both_files_with_the_full_summary(
    example_app: WizardApp, tmp_path: Path
) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await walk_to_summary(pilot)
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        await press(pilot, "s")
        assert isinstance(app.screen, SaveModal)
        assert not (tmp_path / "garden-summary.md").exists()  # nothing before the folder is seen
        await press(pilot, "enter")  # the folder field has the focus, with the whole path
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
        assert shown_text(app, "#status") == (
            f"Saved {markdown} and {html} (open the .html file to print it)."
        )


async def test_save_asks_before_replacing(example_app: WizardApp, tmp_path: Path) -> None:
    app = example_app
    old = tmp_path / "garden-summary.md"
    old.write_text("keep me", encoding="utf-8")
    async with app.run_test(size=(80, 24)) as pilot:
        await walk_to_summary(pilot)
        await press(pilot, "s", "enter")
        assert isinstance(app.screen, OverwriteModal)
        await press(pilot, "escape")
        assert old.read_text(encoding="utf-8") == "keep me"
        assert shown_text(app, "#status") == "Not saved."
        await press(pilot, "s", "enter", "enter")  # the focus is on "New name"
        assert old.read_text(encoding="utf-8") == "keep me"
        assert (tmp_path / "garden-summary-2.md").exists()
        assert (tmp_path / "garden-summary-2.html").exists()
        await press(pilot, "s", "enter")
        await click(pilot, "#rename")
        assert (tmp_path / "garden-summary-3.md").exists()
        await press(pilot, "s")
        await click(pilot, "#save-here")
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


# -- where the files go --------------------------------------------------------------------------
async def type_folder(pilot: object, folder: str) -> None:
    """Clear the folder field and type `folder`, key by key."""
    await press(pilot, "ctrl+u", *folder)  # type: ignore[arg-type]


async def test_the_folder_is_shown_whole_and_can_be_changed(
    example_app: WizardApp, tmp_path: Path
) -> None:
    app = example_app
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    async with app.run_test(size=(80, 24)) as pilot:
        await walk_to_summary(pilot)
        await press(pilot, "s")
        assert isinstance(app.screen, SaveModal)
        assert app.screen.query_one("#folder", Input).value == str(tmp_path)
        assert "garden-summary.md" in shown_text(app, ".dialog-text")
        assert "garden-summary.html" in shown_text(app, ".dialog-text")
        await type_folder(pilot, str(elsewhere))
        await press(pilot, "enter")
        assert (elsewhere / "garden-summary.md").exists()
        assert not (tmp_path / "garden-summary.md").exists()
        await press(pilot, "s")  # the folder chosen last is offered again
        assert app.screen.query_one("#folder", Input).value == str(elsewhere)
        await press(pilot, "escape")
        assert isinstance(app.screen, SummaryScreen)
        assert shown_text(app, "#status") == "Not saved."


async def test_a_missing_folder_is_created_only_when_asked_twice(
    example_app: WizardApp, tmp_path: Path
) -> None:
    app = example_app
    new = tmp_path / "new" / "summaries"
    async with app.run_test(size=(80, 24)) as pilot:
        await walk_to_summary(pilot)
        await press(pilot, "s")
        await type_folder(pilot, str(new))
        await press(pilot, "enter")
        assert isinstance(app.screen, SaveModal)
        assert not new.exists()
        assert shown_text(app, "#save-message") == (
            f"There is no folder {new} yet: press Save again to create it."
        )
        await click(pilot, "#save-here")
        assert (new / "garden-summary.md").exists()
        assert shown_text(app, "#status").startswith(f"Saved {new}/garden-summary.md and ")


async def test_a_file_is_not_a_folder(example_app: WizardApp, tmp_path: Path) -> None:
    app = example_app
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    async with app.run_test(size=(80, 24)) as pilot:
        await walk_to_summary(pilot)
        await press(pilot, "s")
        await type_folder(pilot, str(tmp_path / "notes.txt"))
        await press(pilot, "enter")
        assert isinstance(app.screen, SaveModal)
        assert shown_text(app, "#save-message") == f"{tmp_path}/notes.txt is a file, not a folder."


# -- the confirmation ----------------------------------------------------------------------------
async def test_the_confirmation_is_in_the_page_and_covers_no_button(
    example_app: WizardApp, tmp_path: Path
) -> None:
    app = example_app
    async with app.run_test(size=(60, 20)) as pilot:
        await walk_to_summary(pilot)
        await press(pilot, "s", "enter")
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        status = screen.query_one("#status")
        assert f"{tmp_path}/garden-summary.html" in shown_text(app, "#status")
        assert not screen.query("Toast")  # no notification floats over the page
        for button in screen.query(Button):
            assert not status.region.overlaps(button.region), button.id
            assert button.region.height > 0


# -- disk faults, on the summary screen ----------------------------------------------------------
EARLIER = {"garden-summary.md": b"# earlier\n", "garden-summary.html": b"<p>earlier</p>"}


def earlier_pair(folder: Path) -> None:
    for name, data in EARLIER.items():
        (folder / name).write_bytes(data)


@pytest.mark.parametrize(
    ("fault", "why"),
    [
        (disk_full, "the disk is full"),
        (cannot_create, "the folder is on a read-only disk"),
        (partial(cannot_create, code=errno.ENOENT), "the folder is no longer there"),
    ],
    ids=["full", "read-only", "vanished"],
)
async def test_a_disk_fault_keeps_earlier_files_and_the_summary(
    example_app: WizardApp,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fault: Callable[[pytest.MonkeyPatch, Path], None],
    why: str,
) -> None:
    app = example_app
    earlier_pair(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await walk_to_summary(pilot)
        summary_page = app.screen
        with monkeypatch.context() as patched:
            fault(patched, tmp_path)
            await press(pilot, "s", "enter")  # the folder
            await click(pilot, "#replace")
            assert listing(tmp_path) == EARLIER  # whole, and nothing partial or temporary
            await press(pilot, "s", "enter", "enter")  # "New name": a -2 pair, same fault
            assert listing(tmp_path) == EARLIER
        assert app.screen is summary_page
        assert shown_text(app, "#status") == (
            f"Not saved, because {why}; nothing in {tmp_path} was changed."
        )
        await press(pilot, "s", "enter")  # the fault is gone: try again
        await click(pilot, "#replace")
        assert shown_text(app, "#status").startswith("Saved ")
        assert (tmp_path / "garden-summary.md").read_bytes() != EARLIER["garden-summary.md"]


async def test_a_vanished_folder_is_offered_again_to_create(
    example_app: WizardApp, tmp_path: Path
) -> None:
    app = example_app
    folder = tmp_path / "usb"
    folder.mkdir()
    app.save_folder = folder
    async with app.run_test(size=(80, 24)) as pilot:
        await walk_to_summary(pilot)
        await press(pilot, "s")
        folder.rmdir()  # the stick was pulled out while the dialog was open
        await press(pilot, "enter")
        assert shown_text(app, "#save-message") == (
            f"There is no folder {folder} yet: press Save again to create it."
        )
        await press(pilot, "escape")
        assert not folder.exists()


async def test_half_a_pair_is_never_silent(
    example_app: WizardApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await walk_to_summary(pilot)
        with monkeypatch.context() as patched:
            rename_fails(patched, tmp_path / "garden-summary.html", errno.ENOSPC)
            await press(pilot, "s", "enter")
        assert shown_text(app, "#status") == (
            f"Saved only {tmp_path}/garden-summary.md, not garden-summary.html, because the "
            "disk is full; try again."
        )
        assert sorted(listing(tmp_path)) == ["garden-summary.md"]
