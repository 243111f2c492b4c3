"""The terminal kiosk's take-home code (`wizard run --kiosk --public-url URL`): the summary shows
the same QR code and short code as the web kiosk, made by wizard/model/takehome.py, and the QR
code as drawn on the screen (characters and colours) is read back with a real QR reader
(zxing-cpp). Without a public address the summary says nothing of a take-home code.

The codes are sealed on a clock the test fixes: no test reads the wall clock."""

from __future__ import annotations

from typing import Any

import pytest
from rich.color import Color
from textual.geometry import Region
from textual.widgets import Static

from tests.tui.modes.drive import ManualClock, advance, drawn_text, stack_text, type_to_summary
from tests.tui.pilots import click
from wizard.model.sealed import Tampered, tree_version
from wizard.model.takehome import TakeHome
from wizard.model.tree import Tree
from wizard.tui.kiosk import KioskApp
from wizard.tui.launch import create_app
from wizard.tui.screens.summary import SummaryScreen
from wizard.tui.screens.welcome import WelcomeScreen
from wizard.tui.widgets.take_home import TakeHomeBox

SECRET = b"one secret for the kiosk and the clinic's pages"
PUBLIC = "https://clinic.example/guide/"
SEALED_AT = 490_000 * 3600.0
"""The hour the codes are sealed in (a fixed clock, so the snapshot and codes never change)."""
FERN = ("enter", "enter", "3", "enter", "2", "1", "2", "enter", "1")
"""None of the dangers; a fern; yellow leaves and brown tips; dry air (nothing urgent)."""
PET = ("enter", "enter", "2", "enter", "enter", "2", "1", "2", "enter", "1")
"""A pet ate the leaves (an alert, then urgent advice in full on the summary), then as FERN."""


def codes(tree: Tree) -> TakeHome:
    return TakeHome(SECRET, tree, tree_version(tree), clock=lambda: SEALED_AT)


def kiosk(tree: Tree, public_url: str = PUBLIC) -> KioskApp:
    app = create_app(tree, kiosk=True, clock=ManualClock(), take_home=codes(tree),
                     public_url=public_url)
    assert isinstance(app, KioskApp)
    return app


def drawn_qr(qr: Static) -> list[list[bool]]:
    """The QR code's modules as the widget draws them: each character cell is one module wide
    and two tall (the glyph's ink in the foreground colour, the rest in the background), and a
    module is dark when its colour is."""

    def dark(color: Color | None) -> bool:
        assert color is not None, "the QR code is drawn without an explicit colour"
        red, green, blue = color.get_truecolor()
        return red + green + blue < 3 * 128

    width, height = qr.size
    rows: list[list[bool]] = []
    for strip in qr.render_lines(Region(0, 0, width, height)):
        top: list[bool] = []
        bottom: list[bool] = []
        for segment in strip:
            style = segment.style
            assert style is not None
            ink, paper = dark(style.color), dark(style.bgcolor)
            for character in segment.text:
                top.append(ink if character in "▀█" else paper)
                bottom.append(ink if character in "▄█" else paper)
        rows += [top, bottom]
    return rows


def read_qr(modules: list[list[bool]], scale: int = 6) -> str:
    """What a phone would read: the modules as an image, through ZXing's reader."""
    import zxingcpp
    from PIL import Image

    image = Image.new("L", (len(modules[0]), len(modules)), 255)
    for y, row in enumerate(modules):
        for x, is_dark in enumerate(row):
            if is_dark:
                image.putpixel((x, y), 0)
    image = image.resize((image.width * scale, image.height * scale), Image.Resampling.NEAREST)
    found = zxingcpp.read_barcodes(image)
    assert len(found) == 1, "no QR code (or more than one) in the drawing"
    return str(found[0].text)


@pytest.mark.parametrize(("route", "theme"), [(FERN, "high-contrast"), (PET, "default")])
async def test_the_qr_code_on_the_summary_opens_the_same_answers(
    example_tree: Tree, route: tuple[str, ...], theme: str
) -> None:
    app = create_app(example_tree, kiosk=True, clock=ManualClock(), take_home=codes(example_tree),
                     public_url=PUBLIC, theme=theme)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_to_summary(pilot, *route)
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        box = screen.query_one(TakeHomeBox)
        code = box.code
        assert box.address == f"{PUBLIC.rstrip('/')}/h/{code.replace('-', '')}"
        texts = [str(screen.query_one(f"#take-home-{part}", Static).render())
                 for part in ("title", "code", "address")]
        assert texts == ["Take your summary home", code, box.address]
        # after "At a glance" and anything urgent in full, never before them
        order = list(screen.query("#summary > *"))
        urgent = [w for w in order if "urgent" in w.classes]
        assert order.index(box) > max((order.index(w) for w in urgent), default=0)
        qr = screen.query_one("#take-home-qr", Static)
        qr.scroll_visible(animate=False)
        await pilot.pause()
        assert read_qr(drawn_qr(qr)) == box.address
        opened = codes(example_tree).session(code)  # what `wizard serve` does with /h/CODE
        assert opened.history == app.session.history
        assert opened.summary() == app.session.summary()


async def test_a_code_from_another_secret_does_not_open(example_tree: Tree) -> None:
    app = kiosk(example_tree)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_to_summary(pilot, *FERN)
        code = app.screen.query_one(TakeHomeBox).code
    other = TakeHome(b"another clinic", example_tree, tree_version(example_tree),
                     clock=lambda: SEALED_AT)
    with pytest.raises(Tampered):
        other.session(code)


async def test_without_a_public_address_nothing_is_said_of_taking_it_home(
    example_tree: Tree,
) -> None:
    app = create_app(example_tree, kiosk=True, clock=ManualClock(), take_home=codes(example_tree))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_to_summary(pilot, *FERN)
        assert not app.screen.query(TakeHomeBox)
        assert "Take your summary home" not in stack_text(app)
        assert "/h/" not in stack_text(app)


async def test_the_next_visitor_sees_nothing_of_the_code(example_tree: Tree) -> None:
    app = kiosk(example_tree)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_to_summary(pilot, *FERN)
        code = app.screen.query_one(TakeHomeBox).code
        await click(pilot, "#done")
        assert isinstance(app.screen, WelcomeScreen)
        await advance(pilot, 1)
        assert code not in drawn_text(app) + stack_text(app)
        assert not app.query(TakeHomeBox)


def test_the_kiosk_summary_with_its_take_home_code(snap_compare: Any, example_tree: Tree) -> None:
    """The box whole: tall enough for the QR code, the code and its address (an address wider
    than the screen folds onto a second line, Textual's default for a word that long)."""
    app: Any = kiosk(example_tree)

    async def to_the_code(pilot: Any) -> None:
        await type_to_summary(pilot, *FERN)
        app.screen.query_one(TakeHomeBox).scroll_visible(animate=False, top=True)
        await pilot.pause()

    assert snap_compare(app, run_before=to_the_code, terminal_size=(80, 46))
