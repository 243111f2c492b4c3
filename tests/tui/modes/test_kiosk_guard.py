"""The kiosk against a stranger with a script or a keyboard-emulating device: the admin PIN
cannot be guessed quickly, and a flood of typed keys is dropped instead of queued.

Time comes from a clock the test moves (tests/modes/drive.py), so "30 minutes" takes none and
every count is exact."""

from __future__ import annotations

from textual.widgets import Input

from tests.tui.modes.drive import ManualClock, advance, drawn_text, type_keys
from tests.tui.pilots import key_event, settle
from wizard.model.tree import Tree
from wizard.tui.kiosk import ADMIN_KEY, KEY_BURST, KeyBudget, KioskApp
from wizard.tui.launch import create_app
from wizard.tui.pin import FREE_TRIES, MAX_LENGTH, PinGuard, pin_problem, wait_words
from wizard.tui.screens.admin_pin import AdminPinModal
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.screens.welcome import WelcomeScreen

PIN = "4711"


def guesses_in(seconds: float) -> int:
    """How many wrong PINs a script that retries the moment it may gets compared in `seconds`."""
    clock = ManualClock(0)
    guard = PinGuard(PIN, clock)
    compared = 0
    for guess in (f"{n:04d}" for n in range(10_000)):
        if guess == PIN:
            continue
        if clock() + guard.wait() > seconds:
            break
        clock.advance(guard.wait())
        assert guard.attempt(guess) is False
        compared += 1
    return compared


def test_a_script_gets_a_handful_of_guesses_in_half_an_hour() -> None:
    tries = guesses_in(30 * 60)
    assert FREE_TRIES < tries <= 10, tries  # of 10,000 four-digit PINs
    assert guesses_in(24 * 3600) < 40  # a whole day: well under 1% of the PINs


def test_too_soon_is_not_compared_and_the_right_pin_clears_the_count() -> None:
    clock = ManualClock(0)
    guard = PinGuard(PIN, clock)
    for _ in range(FREE_TRIES):
        assert guard.wait() == 0
        assert guard.attempt("0000") is False
    assert guard.wait() == 30
    assert guard.attempt(PIN) is None  # even the right PIN waits: nothing is compared
    clock.advance(30)
    assert guard.attempt("0000") is False
    assert guard.wait() == 60  # doubled
    clock.advance(60)
    assert guard.attempt(PIN) is True
    assert guard.failures == 0 and guard.wait() == 0


def test_pin_rules_and_words() -> None:
    assert pin_problem("1" * MAX_LENGTH) is None
    assert "at most 64" in (pin_problem("1" * (MAX_LENGTH + 1)) or "")
    assert pin_problem("12\n34") is not None
    assert [wait_words(s) for s in (0.2, 1, 45, 60, 61, 3600)] == [
        "1 second", "1 second", "45 seconds", "1 minute", "2 minutes", "60 minutes",
    ]


async def test_the_pin_box_says_when_to_try_again_across_dialogs(example_tree: Tree) -> None:
    app = create_app(example_tree, kiosk=True, admin_pin=PIN, clock=ManualClock())
    assert isinstance(app, KioskApp)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_keys(pilot, ADMIN_KEY)
        box = app.screen
        assert isinstance(box, AdminPinModal)
        assert box.query_one(Input).max_length == MAX_LENGTH
        for _ in range(FREE_TRIES):
            await type_keys(pilot, *"0000", "enter")
        assert isinstance(app.screen, WelcomeScreen)  # three wrong: the box closed
        await type_keys(pilot, ADMIN_KEY)  # opened again at once: it remembers
        assert "try again in 30 seconds" in drawn_text(app)
        await advance(pilot, 10)
        await type_keys(pilot, *PIN, "enter")  # too soon, even for the right PIN
        assert app.is_running and isinstance(app.screen, AdminPinModal)
        assert "try again in 20 seconds" in drawn_text(app)
        await advance(pilot, 20)
        await type_keys(pilot, *PIN, "enter")
        assert not app.is_running
    assert app.return_code == 0


def test_the_key_budget_refills_by_the_clock() -> None:
    clock = ManualClock(0)
    budget = KeyBudget(clock, burst=5, rate=2)
    assert [budget.take() for _ in range(7)] == [True] * 5 + [False] * 2
    clock.advance(1)
    assert [budget.take() for _ in range(3)] == [True, True, False]
    clock.advance(3600)
    assert sum(budget.take() for _ in range(10)) == 5  # never more than a burst at once
    assert budget.dropped == 8


async def test_a_key_flood_is_dropped_not_queued(example_tree: Tree) -> None:
    """100 KB of keys typed at once (no paste brackets): a burst is handled, the rest dropped
    as it is posted; the kiosk answers the next person's keys at once."""
    clock = ManualClock()
    app = create_app(example_tree, kiosk=True, clock=clock)
    assert isinstance(app, KioskApp)
    flood = ("enter", "3", "x", "down", "space", "a") * (100_000 // 6)
    async with app.run_test(size=(80, 24)) as pilot:
        queued = sum(app.post_message(key_event(key)) for key in flood)
        assert queued == KEY_BURST
        assert app.keys.dropped == len(flood) - KEY_BURST
        await settle(pilot)
        assert app.is_running
        await advance(pilot, 90)  # the device stops: what its keys did is wiped as usual
        await advance(pilot, 30)
        assert isinstance(app.screen, WelcomeScreen)
        await type_keys(pilot, "enter", "enter")
        assert isinstance(app.screen, QuestionScreen)  # keys work again
