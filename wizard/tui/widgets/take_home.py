"""The take-home box on a kiosk's summary: a QR code and a short code that open the same
summary on a phone, through the clinic's `wizard serve --public-url` (as the web kiosk shows).

The code and its address come from wizard/model/takehome.py and the QR code's modules from
wizard/render/qr.py, the same as the web kiosk's, so a phone cannot tell which kiosk made it.
The symbol is drawn with half-block characters, dark on light whatever the theme (a reader needs
that contrast, and the quiet zone around it), two rows of modules to a line of text.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from wizard.render.qr import half_blocks, modules
from wizard.render.words import t


class TakeHomeBox(Vertical):
    """The heading, what to do, the QR code, the code and its address."""

    DEFAULT_CSS = """
    TakeHomeBox { height: auto; margin: 1 0; }
    TakeHomeBox #take-home-title { text-style: bold; }
    TakeHomeBox #take-home-qr {
        width: auto; height: auto; margin: 1 0;
        color: #000000; background: #ffffff; text-opacity: 100%;
    }
    TakeHomeBox #take-home-code { text-style: bold; }
    """

    def __init__(self, code: str, address: str) -> None:
        super().__init__(id="take-home")
        self.code = code
        self.address = address
        self.qr_lines = half_blocks(modules(address))
        """The QR code as drawn: one string per line of text."""

    def compose(self) -> ComposeResult:
        yield Static(t("take_home_title"), id="take-home-title", markup=False)
        yield Static(t("take_home_text"), id="take-home-text", markup=False)
        qr = Static(Content("\n".join(self.qr_lines)), id="take-home-qr", markup=False)
        qr.tooltip = t("take_home_qr")
        yield qr
        yield Static(Content(self.code), id="take-home-code", markup=False)
        yield Static(Content(self.address), id="take-home-address", markup=False)
