"""Every dialog works by keyboard alone: Tab, Shift+Tab and the arrow keys move between its
buttons (wrapping round), every button is reachable, and Enter presses the focused one. The
arrow keys come from the one shared base, wizard/tui/screens/dialog.py."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from tests.tui.pilots import page, press, shown_text
from tests.tui.test_save_copy import walk_to_summary
from wizard.model.tree import Tree
from wizard.tui.app import WizardApp
from wizard.tui.kiosk import KioskApp
from wizard.tui.launch import create_app
from wizard.tui.screens.admin_pin import AdminPinModal
from wizard.tui.screens.confirm import ConfirmModal
from wizard.tui.screens.dialog import Dialog
from wizard.tui.screens.help import HelpModal, keys_for
from wizard.tui.screens.overwrite import OverwriteModal
from wizard.tui.screens.red_flag import RedFlagModal
from wizard.tui.screens.save import SaveModal
from wizard.tui.screens.still_there import StillThereModal
from wizard.tui.screens.summary import SummaryScreen
from wizard.tui.screens.welcome import WelcomeScreen

TO_RED_FLAG = ("enter", "enter", "2", "enter")  # "A pet ate the leaves" raises the alert


async def focus_after(pilot: Pilot[None], *keys: str) -> list[str | None]:
    """The id of the focused widget after each key."""
    seen: list[str | None] = []
    for key in keys:
        await press(pilot, key)
        focused = pilot.app.screen.focused
        seen.append(None if focused is None else focused.id)
    return seen


def button_ids(app: WizardApp) -> set[str]:
    assert isinstance(app.screen, Dialog)
    return {str(control.id) for control in app.screen.controls()}


async def test_confirm_by_keys(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "enter", "enter", "ctrl+r")
        assert isinstance(app.screen, ConfirmModal)
        assert app.screen.focused is not None and app.screen.focused.id == "no"
        assert await focus_after(pilot, "right", "right", "left", "down", "up") == [
            "yes", "no", "yes", "no", "yes"
        ]  # fmt: skip
        assert await focus_after(pilot, "tab", "shift+tab") == ["no", "yes"]
        await press(pilot, "enter")  # "Start over", reached by keys alone
        assert isinstance(page(app), WelcomeScreen)
        assert not isinstance(app.screen, ConfirmModal)


async def test_overwrite_by_keys(example_app: WizardApp, tmp_path: Path) -> None:
    app = example_app
    (tmp_path / "garden-summary.md").write_text("keep me", encoding="utf-8")
    async with app.run_test(size=(80, 24)) as pilot:
        await walk_to_summary(pilot)
        await press(pilot, "s", "enter")
        assert isinstance(app.screen, OverwriteModal)
        assert await focus_after(pilot, "right", "right", "right") == [
            "cancel", "replace", "rename"
        ]  # fmt: skip
        assert set(await focus_after(pilot, "tab", "tab", "tab")) >= button_ids(app)
        assert set(await focus_after(pilot, "shift+tab", "shift+tab", "shift+tab")) >= {
            "replace", "rename", "cancel"
        }  # fmt: skip
        while app.screen.focused is None or app.screen.focused.id != "replace":
            await press(pilot, "left")
        await press(pilot, "enter")
        assert isinstance(app.screen, SummaryScreen)
        assert (tmp_path / "garden-summary.md").read_text(encoding="utf-8").startswith("#")


async def test_save_dialog_by_keys(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await walk_to_summary(pilot)
        await press(pilot, "s")
        assert isinstance(app.screen, SaveModal)
        assert button_ids(app) == {"folder", "save-here", "cancel"}
        assert await focus_after(pilot, "down", "down", "down", "up") == [
            "save-here", "cancel", "folder", "cancel"
        ]  # fmt: skip
        assert await focus_after(pilot, "tab", "tab", "shift+tab") == [
            "folder", "save-here", "folder"
        ]  # fmt: skip
        await press(pilot, "left", "right")  # inside the field, ← → move the cursor
        assert app.screen.focused is not None and app.screen.focused.id == "folder"
        await press(pilot, "up", "enter")  # Cancel
        assert isinstance(app.screen, SummaryScreen)
        assert shown_text(app, "#status") == "Not saved."


async def test_help_by_keys(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpModal)
        await press(pilot, "left", "right", "tab", "shift+tab")
        assert app.screen.focused is not None and app.screen.focused.id == "close"
        await press(pilot, "enter")
        assert isinstance(app.screen, WelcomeScreen)


async def test_red_flag_by_keys(example_app: WizardApp) -> None:
    app = example_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *TO_RED_FLAG)
        assert isinstance(app.screen, RedFlagModal)
        await press(pilot, "left", "right", "escape")
        assert isinstance(app.screen, RedFlagModal)  # an alert waits for its button
        assert app.screen.focused is not None and app.screen.focused.id == "read"
        await press(pilot, "enter")
        assert not isinstance(app.screen, RedFlagModal)


async def test_admin_pin_by_keys(example_tree: Tree) -> None:
    app = create_app(example_tree, kiosk=True, admin_pin="4711")
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "ctrl+x")
        assert isinstance(app.screen, AdminPinModal)
        assert button_ids(app) == {"pin", "cancel"}
        assert await focus_after(pilot, "down", "up", "tab", "shift+tab", "right") == [
            "cancel", "pin", "cancel", "pin", "pin"  # → moves the cursor in the PIN box
        ]  # fmt: skip
        await press(pilot, "down", "enter")  # Cancel
        assert isinstance(app.screen, WelcomeScreen)
        assert app.is_running


async def test_still_there_by_keys(example_tree: Tree) -> None:
    """Any key means "still here", the button's Enter too; either keeps the answers."""
    for key in ("enter", "tab", "right"):
        app = create_app(example_tree, kiosk=True)
        assert isinstance(app, KioskApp)
        async with app.run_test(size=(80, 24)) as pilot:
            await press(pilot, "enter", "enter")
            answered = page(app)
            app.ask_still_there()
            await pilot.pause()
            assert isinstance(app.screen, StillThereModal)
            assert app.screen.focused is not None and app.screen.focused.id == "still-here"
            await press(pilot, key)
            assert page(app) is answered, key
            assert not isinstance(app.screen, StillThereModal), key


def test_the_keys_list_names_the_dialog_keys(example_app: WizardApp) -> None:
    rows = dict(dict(keys_for(example_app.config))["In a pop-up box"])
    assert {"Tab, Shift+Tab", "← → ↑ ↓", "Enter", "Esc", "y, n"} <= set(rows)


async def test_what_if_page_by_tab(example_tree: Tree, tmp_path: Path) -> None:
    """The educator's What if… is a full page over the summary, not a dialog: its arrows belong
    to its lists, and Tab and Shift+Tab reach its buttons."""
    app = create_app(example_tree, educator=True, save_dir=tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await walk_to_summary(pilot)
        await press(pilot, "w")
        assert app.screen.id == "what-if"
        forward = await focus_after(pilot, "tab", "tab", "tab")
        assert {"what-if-back", "what-if-close"} <= set(forward)
        backward = await focus_after(pilot, "shift+tab", "shift+tab", "shift+tab")
        assert {"what-if-back", "what-if-close"} <= set(backward)
        while app.screen.focused is None or app.screen.focused.id != "what-if-close":
            await press(pilot, "tab")
        await press(pilot, "enter")
        assert isinstance(app.screen, SummaryScreen)
