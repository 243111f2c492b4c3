"""Live preview (`wizard run --watch`): saving the tree file reloads it in the running app.

The reload is triggered by calling `check_tree_file` (what the app's timer calls), with the
timer itself set far beyond the test, so nothing here waits on the clock.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.pilots import page, press, settle, shown_text
from wizard.model.loader import load_tree
from wizard.tui.config import AppConfig
from wizard.tui.live import LiveApp
from wizard.tui.screens.problems import ProblemsModal
from wizard.tui.screens.question import QuestionScreen

SMALL = Path(__file__).resolve().parents[2] / "tests" / "trees" / "cover.yaml"


@pytest.fixture
def tree_file(tmp_path: Path) -> Path:
    path = tmp_path / "tree.yaml"
    path.write_text(SMALL.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def _edit(path: Path, before: str, after: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert before in text
    path.write_text(text.replace(before, after), encoding="utf-8")


def _app(path: Path, tmp_path: Path) -> LiveApp:
    return LiveApp(load_tree(path), AppConfig(save_dir=tmp_path), poll_seconds=3600)


async def test_saving_reloads_and_keeps_the_place(tree_file: Path, tmp_path: Path) -> None:
    app = _app(tree_file, tmp_path)
    async with app.run_test() as pilot:
        app.start_session()
        app.submit_answer("flags", ["none"])
        app.submit_answer("road", ["left"])
        await settle(pilot)
        assert app.check_tree_file() is False  # nothing saved yet
        _edit(tree_file, "prompt: Pick some", "prompt: Pick a few")
        assert app.check_tree_file() is True
        await settle(pilot)
        screen = page(app)
        assert isinstance(screen, QuestionScreen) and screen.node.id == "picks"
        assert shown_text(app, "#prompt") == "Pick a few"
        assert [a.node for a in app.session.history] == ["flags", "road"]
        assert app.reloads == 1


async def test_errors_are_shown_and_the_old_tree_keeps_running(
    tree_file: Path, tmp_path: Path
) -> None:
    app = _app(tree_file, tmp_path)
    async with app.run_test() as pilot:
        app.start_session()
        app.submit_answer("flags", ["none"])
        await settle(pilot)
        _edit(tree_file, "next: picks", "next: nowhere")
        app.check_tree_file()
        await settle(pilot)
        assert isinstance(app.screen, ProblemsModal)
        assert any("node 'nowhere' does not exist" in p for p in app.problems)
        assert "nowhere" in shown_text(app, "#problems")
        await pilot.press("escape")
        await settle(pilot)
        app.submit_answer("road", ["left"])  # the old tree still works
        await settle(pilot)
        assert app.session.current.id == "picks"
        # Fixed and saved again: the dialog goes, the answers stay.
        _edit(tree_file, "next: nowhere", "next: picks")
        app.check_tree_file()
        await settle(pilot)
        assert not isinstance(app.screen, ProblemsModal)
        assert app.problems == ()
        assert app.session.current.id == "picks"


async def test_an_answer_gone_is_dropped_and_said(tree_file: Path, tmp_path: Path) -> None:
    app = _app(tree_file, tmp_path)
    async with app.run_test() as pilot:
        app.start_session()
        app.submit_answer("flags", ["none"])
        app.submit_answer("road", ["left"])
        await settle(pilot)
        _edit(tree_file, "{id: left, label: Left,", "{id: ahead, label: Ahead,")
        app.check_tree_file()
        await settle(pilot)
        assert app.session.current.id == "road"
        assert any("left is no longer in the tree" in n.message for n in app._notifications)


def test_the_factory_makes_a_live_app_for_watch(tree_file: Path, tmp_path: Path) -> None:
    """`wizard run --watch` goes through the same factory as every other run."""
    from wizard.tui.app import WizardApp
    from wizard.tui.launch import create_app

    tree = load_tree(tree_file)
    assert isinstance(create_app(tree, save_dir=tmp_path, watch=True), LiveApp)
    assert type(create_app(tree, save_dir=tmp_path)) is WizardApp


async def test_a_slow_check_runs_beside_the_app_and_then_shows_its_first_problems(
    tree_file: Path, tmp_path: Path
) -> None:
    """A 4.9 MB file with 447,577 problems froze the app for 18 s: the check now runs on a
    worker thread. Here the check is held until the test lets it go (no clock), and the app
    answers a key meanwhile; then the dialog lists the first problems, not all of them."""
    import threading

    from wizard.model.errors import Diagnostic
    from wizard.tui.screens.problems import MOST_SHOWN
    from wizard.tui.watch import Reload

    app = _app(tree_file, tmp_path)
    release, started = threading.Event(), threading.Event()
    many = tuple(Diagnostic(str(tree_file), n, 1, "error", f"problem {n}")
                 for n in range(1, 100_001))

    def slow_poll() -> Reload:
        started.set()
        assert release.wait(timeout=60)  # a safety net only; the test releases it
        return Reload(None, many)

    app.tree_file.poll = slow_poll  # type: ignore[method-assign]
    async with app.run_test() as pilot:
        app.start_session()
        await settle(pilot)
        app.poll_in_background()
        app.poll_in_background()  # a second tick while the first check runs starts nothing
        for _ in range(1000):  # the worker starts from the app's loop: let it run
            if started.is_set():
                break
            await settle(pilot)
        assert started.is_set()
        theme = app.theme
        await press(pilot, "ctrl+t")  # the app still answers keys while the check runs
        assert app.theme != theme and app.polling
        release.set()
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert isinstance(app.screen, ProblemsModal) and not app.polling
        assert len(app.problems) == MOST_SHOWN and app.problems[0].endswith("problem 1")
        assert "problem 50\n" in shown_text(app, "#problems") + "\n"
        assert "problem 51\n" not in shown_text(app, "#problems") + "\n"
