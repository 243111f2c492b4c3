"""Kiosk mode: no way out for visitors, a clean slate after each, nothing written to disk."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest
from textual.command import CommandPalette

from tests.tui.modes.drive import (
    ManualClock,
    advance,
    drawn_text,
    stack_text,
    type_keys,
    type_to_summary,
    wait_for,
)
from tests.tui.pilots import click, settle
from wizard.model.tree import Tree
from wizard.render.text import render_text
from wizard.tui.app import WizardApp
from wizard.tui.kiosk import ADMIN_KEY, KioskApp
from wizard.tui.launch import create_app
from wizard.tui.screens.admin_pin import AdminPinModal
from wizard.tui.screens.check import CheckScreen
from wizard.tui.screens.confirm import ConfirmModal
from wizard.tui.screens.help import HelpModal
from wizard.tui.screens.info import InfoScreen
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.screens.red_flag import RedFlagModal
from wizard.tui.screens.still_there import StillThereModal
from wizard.tui.screens.summary import SummaryScreen
from wizard.tui.screens.welcome import WelcomeScreen

ESCAPES = ("q", "ctrl+q", "ctrl+c", "ctrl+z", "ctrl+backslash", "ctrl+p")
# Welcome, info, "danger" (multi: pets raises a red flag), kind (fern), symptoms, humidity (dry).
TO_SUMMARY = ("enter", "enter", "2", "enter", "enter", "2", "1", "2", "enter", "1")
# Every kind of screen, reached from the one before: (what it is, keys to get there, its type).
TOUR: tuple[tuple[str, tuple[str, ...], type], ...] = (
    ("welcome", (), WelcomeScreen),
    ("info", ("enter",), InfoScreen),
    ("multi-select", ("enter",), QuestionScreen),
    ("red flag", ("2", "enter"), RedFlagModal),
    ("single choice", ("enter",), QuestionScreen),
    ("check your answers", ("2", "1", "2", "enter", "1"), CheckScreen),
    ("summary", ("enter",), SummaryScreen),
    ("help", ("question_mark",), HelpModal),
    ("start over?", ("escape", "ctrl+r"), ConfirmModal),
)


def kiosk(tree: Tree, **options: object) -> KioskApp:
    """A kiosk on a clock the test moves (keys typed with `type_keys`, a person's pace)."""
    options.setdefault("clock", ManualClock())
    app = create_app(tree, kiosk=True, **options)  # type: ignore[arg-type]
    assert isinstance(app, KioskApp)
    return app


def still_running(app: WizardApp) -> bool:
    return app.is_running and app.return_code is None


async def test_no_key_leaves_the_app_on_any_screen(example_tree: Tree, empty_cwd: Path) -> None:
    app = kiosk(example_tree)
    async with app.run_test(size=(80, 24)) as pilot:
        for name, keys, kind in TOUR:
            await type_keys(pilot, *keys)
            top = app.screen
            assert isinstance(top, kind), name
            for key in ESCAPES:
                await type_keys(pilot, key)
                assert still_running(app), (name, key)
                assert app.screen is top, (name, key)
                assert not isinstance(app.screen, CommandPalette), (name, key)
                assert len(app._notifications) == 0, (name, key)  # no "press ^q to quit"
        await type_keys(pilot, ADMIN_KEY)  # no PIN set: the admin key does nothing
        assert isinstance(app.screen, ConfirmModal)
        assert still_running(app)
    assert list(empty_cwd.iterdir()) == []


async def test_admin_key_and_pin(example_tree: Tree) -> None:
    app = kiosk(example_tree, admin_pin="4711")
    async with app.run_test(size=(80, 24)) as pilot:
        await type_keys(pilot, "enter", "enter")
        await type_keys(pilot, ADMIN_KEY)
        assert isinstance(app.screen, AdminPinModal)
        for key in ESCAPES:  # typed or pressed inside the PIN dialog: still no way out
            await type_keys(pilot, key)
            assert still_running(app)
        await type_keys(pilot, *"0000", "enter")
        assert isinstance(app.screen, AdminPinModal)
        assert "not right" in drawn_text(app)
        assert still_running(app)
        await type_keys(pilot, "escape")
        assert isinstance(app.screen, QuestionScreen)
        await type_keys(pilot, ADMIN_KEY, *"4711", "enter")
        await wait_for(pilot, lambda: not app.is_running)
    assert app.return_code == 0


async def test_three_wrong_pins_close_the_dialog(example_tree: Tree) -> None:
    app = kiosk(example_tree, admin_pin="4711")
    async with app.run_test(size=(80, 24)) as pilot:
        await type_keys(pilot, ADMIN_KEY)
        for _ in range(3):
            await type_keys(pilot, *"12", "enter")
        assert isinstance(app.screen, WelcomeScreen)
        assert still_running(app)


async def test_idle_visitor_is_forgotten(example_tree: Tree, empty_cwd: Path) -> None:
    app = kiosk(example_tree, idle_timeout=90, countdown=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_keys(pilot, "enter", "enter", "3", "enter", "2", "1", "2")  # none; fern; ticks
        old_session, old_page = app.session, app.screen
        assert isinstance(old_page, QuestionScreen)
        assert "Yellow leaves" in stack_text(app)
        await advance(pilot, 89)
        assert app.screen is old_page  # not yet
        await advance(pilot, 1)
        assert isinstance(app.screen, StillThereModal)
        assert "Still there?" in drawn_text(app)
        assert "cleared in 30 seconds" in drawn_text(app)
        await advance(pilot, 29)
        assert "cleared in 1 second." in drawn_text(app)
        assert app.resets == 0 and app.session is old_session
        await advance(pilot, 1)
        assert isinstance(app.screen, WelcomeScreen)
        assert app.resets == 1
        assert len(app.screen_stack) == 2  # Textual's base screen and the new welcome
        assert app.session is not old_session
        assert app.session.history == () and app.session.facts == frozenset()
        assert app.session.skipped == () and app.session.summary().answers == ()
        assert not old_page.is_attached
        for key in ("escape", "backspace", "ctrl+z"):  # Back leads nowhere
            await type_keys(pilot, key)
            assert isinstance(app.screen, WelcomeScreen)
            assert len(app.screen_stack) == 2
        seen = drawn_text(app) + stack_text(app)
        for theirs in ("A fern", "Yellow leaves", "Brown tips", "None of these", "Your answers"):
            assert theirs not in seen
        await type_keys(pilot, "enter", "enter")  # the next visitor starts with nothing selected
        assert app.session.preselected == ()
        assert "[x]" not in drawn_text(app)
    assert list(empty_cwd.iterdir()) == []


async def test_an_untouched_welcome_screen_never_asks(example_tree: Tree) -> None:
    app = kiosk(example_tree, idle_timeout=90, countdown=30)
    async with app.run_test(size=(80, 24)) as pilot:
        welcome = app.screen
        await advance(pilot, 3600)
        assert app.screen is welcome and app.resets == 0


@pytest.mark.parametrize("how", ["key", "click", "blocked key"])
async def test_activity_during_the_countdown_keeps_the_answers(
    example_tree: Tree, how: str
) -> None:
    app = kiosk(example_tree, idle_timeout=90, countdown=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_keys(pilot, "enter", "enter", "3", "enter")
        page = app.screen
        assert isinstance(page, QuestionScreen) and page.node.id == "kind"
        await advance(pilot, 90)
        assert isinstance(app.screen, StillThereModal)
        await advance(pilot, 29)  # one second left
        if how == "key":
            await type_keys(pilot, "2")  # cancels only: it does not also pick "A fern"
        elif how == "click":
            assert await pilot.click(offset=(1, 1))
            await settle(pilot)
        else:
            await type_keys(pilot, "ctrl+q")
        assert app.screen is page
        assert app.session.current.id == "kind"
        assert [a.node for a in app.session.answered] == ["danger"]
        await advance(pilot, 60)
        assert app.screen is page  # the idle clock started again at the key or click
        assert app.resets == 0
        assert still_running(app)
        await advance(pilot, 30)
        assert isinstance(app.screen, StillThereModal)  # and runs out as before


async def test_im_done_resets_at_once(example_tree: Tree) -> None:
    app = kiosk(example_tree)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_to_summary(pilot, *TO_SUMMARY)
        assert isinstance(app.screen, SummaryScreen)
        await click(pilot, "#done")
        assert isinstance(app.screen, WelcomeScreen)
        assert len(app.screen_stack) == 2
        assert app.session.history == ()
        assert "A fern" not in drawn_text(app) + stack_text(app)


async def test_a_reset_mid_change_leaves_nothing_of_the_check(example_tree: Tree) -> None:
    app = kiosk(example_tree, idle_timeout=90, countdown=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_keys(pilot, *TO_SUMMARY, "2")  # Check your answers: change the plant
        assert isinstance(app.screen, QuestionScreen) and app.screen.node.id == "kind"
        await advance(pilot, 90)  # the visitor walked away mid-change: Still there?
        await advance(pilot, 30)  # and nobody answered it
        assert isinstance(app.screen, WelcomeScreen)
        assert len(app.screen_stack) == 2
        assert not app.checking and app.session.history == ()
        await type_keys(pilot, "escape", "a", "2", "enter")  # no way back to the old answers
        seen = drawn_text(app) + stack_text(app)
        assert "A fern" not in seen and "Check your answers" not in seen
        await type_keys(pilot, *TO_SUMMARY[1:])
        check = app.screen  # the next visitor's own answers, and nothing said of the last one's
        assert isinstance(check, CheckScreen) and check.no_longer == ()
        assert not check.query("#check-no-longer")
        await type_to_summary(pilot)
        assert isinstance(app.screen, SummaryScreen)


async def test_a_visitor_who_leaves_at_the_check_is_forgotten(example_tree: Tree) -> None:
    app = kiosk(example_tree, idle_timeout=90, countdown=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_keys(pilot, *TO_SUMMARY)
        check = app.screen
        assert isinstance(check, CheckScreen) and app.checking
        assert "A fern" in drawn_text(app)
        await advance(pilot, 90)
        await advance(pilot, 30)
        assert isinstance(app.screen, WelcomeScreen) and len(app.screen_stack) == 2
        assert not app.checking and app.session.history == () and not check.is_attached
        await type_keys(pilot, "escape", "enter", "a", "2")  # Back, then keys of the old check
        assert "A fern" not in drawn_text(app) + stack_text(app)
        assert app.session.answered == ()


async def test_start_over_at_a_kiosk_is_a_full_reset(example_tree: Tree) -> None:
    app = kiosk(example_tree)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_keys(pilot, "enter", "enter", "3", "enter", "2")
        old = app.session
        await type_keys(pilot, "ctrl+r", "y")
        assert isinstance(app.screen, WelcomeScreen)
        assert app.session is not old and app.session.history == ()
        assert app.resets == 1


async def test_no_save_no_copy_and_no_print_without_a_command(
    example_tree: Tree, empty_cwd: Path
) -> None:
    app = kiosk(example_tree)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_to_summary(pilot, *TO_SUMMARY)
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        for hidden in ("#save", "#copy", "#print"):
            assert not screen.query(hidden), hidden
        await type_keys(pilot, "s", "c", "p")
        assert app.clipboard == ""
        assert screen.saved is None
        assert still_running(app)
    assert list(empty_cwd.iterdir()) == []


async def test_print_sends_the_plain_text_summary(
    example_tree: Tree, tmp_path: Path, empty_cwd: Path
) -> None:
    out = tmp_path / "printer" / "job.txt"
    out.parent.mkdir()
    script = f"import sys; open({str(out)!r}, 'w', encoding='utf-8').write(sys.stdin.read())"
    app = kiosk(example_tree, print_command=shlex.join([sys.executable, "-c", script]))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_to_summary(pilot, *TO_SUMMARY)
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        await click(pilot, "#print")
        await wait_for(pilot, lambda: "Sent to the printer" in drawn_text(app))
        printed = out.read_text(encoding="utf-8")
        assert printed == render_text(screen.summary, page_break=True)
        assert printed.count("\f") == 1  # the details start on a new sheet
    assert list(empty_cwd.iterdir()) == []


async def test_a_failing_printer_is_reported_in_words(example_tree: Tree) -> None:
    command = shlex.join([sys.executable, "-c", "import sys; sys.stdin.read(); sys.exit(2)"])
    app = kiosk(example_tree, print_command=command)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_to_summary(pilot, *TO_SUMMARY)
        await type_keys(pilot, "p")
        await wait_for(pilot, lambda: "could not be printed" in drawn_text(app))
        assert "ask a member of staff" in drawn_text(app)


async def test_the_keys_list_offers_no_quit_save_or_copy(example_tree: Tree) -> None:
    app = kiosk(example_tree, print_command="lp")
    async with app.run_test(size=(80, 24)) as pilot:
        await type_keys(pilot, "question_mark")
        assert isinstance(app.screen, HelpModal)
        text = stack_text(app)
        assert "Print it" in text
        for gone in ("Quit", "Save it", "Copy it"):
            assert gone not in text
        assert "Quit" not in drawn_text(app)


def test_kiosk_defaults_to_high_contrast_unless_a_theme_is_given(example_tree: Tree) -> None:
    assert kiosk(example_tree).config.theme == "high-contrast"
    assert kiosk(example_tree, theme="light").config.theme == "light"
    assert create_app(example_tree).config.theme == "default"


async def test_forty_presses_of_print_print_one_copy(example_tree: Tree, tmp_path: Path) -> None:
    """The printer is slow (it waits for the test); every press while it works is refused in
    words, and the one job that runs is the one copy."""
    jobs, release = tmp_path / "jobs", tmp_path / "release"
    script = (
        "import pathlib, sys, time; sys.stdin.read(); "
        f"open({str(jobs)!r}, 'a').write('job\\n'); "
        f"[time.sleep(0.02) for _ in iter(lambda: pathlib.Path({str(release)!r}).exists(), True)]"
    )
    app = kiosk(example_tree, print_command=shlex.join([sys.executable, "-c", script]))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_to_summary(pilot, *TO_SUMMARY)
        await type_keys(pilot, "p")
        for _ in range(2000):  # a count, not a time: until the fake printer has the job
            if jobs.exists():
                break
            await pilot.pause(0.01)
        await type_keys(pilot, *["p"] * 39)
        assert "already printing" in drawn_text(app)
        release.touch()
        await wait_for(pilot, lambda: "Sent to the printer" in drawn_text(app))
    assert jobs.read_text() == "job\n"
