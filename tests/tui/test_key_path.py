"""Work kept off the key path: the walk is made ready while the welcome screen shows, and an
answer row is drawn once per width however often the option list asks for it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rich.console import Console, ConsoleOptions
from rich.measure import Measurement
from rich.segment import Segment

from wizard.render.pageview import OptionView
from wizard.tui.app import WizardApp
from wizard.tui.screens.base import WalkScreen
from wizard.tui.widgets.answer_list import DrawnOnce, row

LABELS = [
    ("Yes", ""),
    ("A fern, or something else with fronds and no flowers at all", ""),
    ("Nervous system and muscles", "For example weakness, seizures, balance or speech."),
]


async def test_start_parses_no_stylesheet_once_the_welcome_screen_has_shown(
    example_app: WizardApp,
) -> None:
    async with example_app.run_test() as pilot:
        walk_css = [
            str(path) for path in WalkScreen(example_app.session, example_app.config).css_path
        ]
        for _ in range(200):  # the warm-up runs shortly after the first paint
            if all(example_app.stylesheet.has_source(path, "") for path in walk_css):
                break
            await pilot.pause(0.01)
        else:
            pytest.fail("the walk's stylesheet was never loaded while the welcome screen showed")
        parsed: list[None] = []
        reparse = example_app.stylesheet.reparse

        def counting_reparse() -> None:
            parsed.append(None)
            reparse()

        example_app.stylesheet.reparse = counting_reparse  # type: ignore[method-assign]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(example_app.screen, WalkScreen)
        assert parsed == []


@pytest.mark.parametrize(("label", "help_text"), LABELS)
def test_a_kept_row_draws_and_measures_as_the_row_itself(label: str, help_text: str) -> None:
    console = Console(width=120, force_terminal=True, color_system="truecolor")
    option = OptionView("a", 1, "1", label, help_text, True, "(on its own)", True)
    kept = DrawnOnce(row(option, "› 1 ○", chosen=True))
    for width in (8, 12, 20, 33, 60, 119):
        options = console.options.update_width(width)
        fresh = row(option, "› 1 ○", chosen=True)
        for _ in range(2):  # the second time from what was kept
            assert list(console.render(kept, options)) == list(console.render(fresh, options))
            assert Measurement.get(console, options, kept) == Measurement.get(
                console, options, fresh
            )


class Counting:
    """A renderable that counts how often it is drawn."""

    def __init__(self) -> None:
        self.drawn = 0

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        self.drawn += 1
        yield Segment("x" * options.max_width)


def test_a_kept_row_is_drawn_once_per_width() -> None:
    console = Console(width=80)
    counting = Counting()
    kept = DrawnOnce(counting)
    for _ in range(3):
        for width in (20, 40):
            list(console.render(kept, console.options.update_width(width)))
    assert counting.drawn == 2
