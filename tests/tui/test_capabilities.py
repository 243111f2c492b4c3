"""The run's configuration says what is offered; screens read those capabilities, never the
mode (wizard/tui/config.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import textual.app

from wizard.model.tree import Tree
from wizard.tui.config import AppConfig
from wizard.tui.launch import create_app

TUI = Path(__file__).parents[2] / "wizard" / "tui"
MODES = {"kiosk", "educator"}


def test_screens_and_widgets_never_ask_which_mode_is_on() -> None:
    readers = [
        f"{path.relative_to(TUI)}:{node.lineno} .{node.attr}"
        for folder in ("screens", "widgets")
        for path in sorted((TUI / folder).glob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and node.attr in MODES
    ]
    assert readers == []


def test_each_mode_is_a_set_of_capabilities() -> None:
    plain, kiosk, educator = (
        AppConfig.for_mode(),
        AppConfig.for_mode(kiosk=True, print_command="lp"),
        AppConfig.for_mode(educator=True),
    )
    assert plain.can_quit and plain.can_save and plain.can_copy and plain.can_open_links
    assert not (plain.offers_done or plain.shows_tree or plain.can_what_if or plain.can_print)
    assert not (kiosk.can_quit or kiosk.can_save or kiosk.can_copy or kiosk.can_open_links)
    assert kiosk.offers_done and kiosk.can_print and kiosk.theme == "high-contrast"
    assert educator.shows_tree and educator.shows_rules and educator.can_what_if
    with pytest.raises(ValueError, match="unknown theme 'sepia'"):
        AppConfig.for_mode(theme="sepia")


@pytest.mark.parametrize("allowed", [True, False])
def test_links_open_only_where_the_run_allows(
    example_tree: Tree, monkeypatch: pytest.MonkeyPatch, allowed: bool
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(textual.app.App, "open_url", lambda self, url, **kw: opened.append(url))
    app = create_app(example_tree, AppConfig(can_open_links=allowed))
    app.open_url("https://example.org/")
    assert opened == (["https://example.org/"] if allowed else [])


def test_a_kiosk_opens_no_link(example_tree: Tree, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(textual.app.App, "open_url", lambda self, url, **kw: opened.append(url))
    create_app(example_tree, kiosk=True).open_url("https://example.org/")
    assert opened == []
