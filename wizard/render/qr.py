"""A QR code of an address, made once by segno and drawn for the screen at hand.

The web pages draw it as inline SVG (wizard/web/pages.py); a terminal draws it with half-block
characters, two rows of modules to a line, as `half_blocks` gives them. Both start from
`qr_code`, so the two kiosks' take-home codes and the classroom's join box are the same symbol
for the same address. Segno gives the module matrix; nothing here draws pixels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import segno

QUIET_ZONE = 4
"""Light modules around the symbol, as the standard asks: readers find the code by its edge."""

_HALVES = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}
"""(top dark, bottom dark) -> the character whose ink is the dark halves."""


def qr_code(address: str) -> segno.QRCode:
    """The QR code of `address` (medium error correction: a screen smudge or glare still reads)."""
    import segno

    return segno.make(address, error="m")


def modules(address: str, border: int = QUIET_ZONE) -> list[list[bool]]:
    """The symbol's modules, row by row, True for dark, with `border` light modules around."""
    return [[bool(cell) for cell in row] for row in qr_code(address).matrix_iter(border=border)]


def half_blocks(matrix: list[list[bool]]) -> list[str]:
    """Two rows of modules per line of text: the ink is dark, the background light. A terminal
    cell is about twice as tall as it is wide, so each module is drawn square. An odd last row
    is paired with a light one (the quiet zone makes that row light anyway)."""
    lines = []
    for top in range(0, len(matrix), 2):
        upper = matrix[top]
        lower = matrix[top + 1] if top + 1 < len(matrix) else [False] * len(upper)
        lines.append("".join(_HALVES[pair] for pair in zip(upper, lower, strict=True)))
    return lines
