"""The app's three themes: a calm default, a light one and a high-contrast one.

Theme names live here without importing Textual, so the command line can offer them as
`--theme` choices and stay quick; the Theme objects are built only when the app starts.
Colour never carries meaning on its own in this app (markers and words do), so a theme only has
to make text readable and the cursor easy to find.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.theme import Theme

DEFAULT_THEME = "default"
THEME_NAMES: tuple[str, ...] = ("default", "light", "high-contrast")


def next_theme(name: str) -> str:
    """The theme after `name` in the cycle (ctrl+t); an unknown name starts the cycle over."""
    if name not in THEME_NAMES:
        return THEME_NAMES[0]
    return THEME_NAMES[(THEME_NAMES.index(name) + 1) % len(THEME_NAMES)]


def build_themes() -> list[Theme]:
    """The Theme objects to register with the app, in cycle order."""
    from textual.theme import Theme

    default = Theme(
        name="default",
        primary="#5B9BD5",
        secondary="#3A6EA5",
        accent="#E3B75B",
        warning="#E3B75B",
        error="#F08080",
        success="#6CC08B",
        foreground="#E8E6E3",
        background="#1B1F24",
        surface="#22272E",
        panel="#2D333B",
        dark=True,
        variables={
            "footer-key-foreground": "#E3B75B",
        },
    )
    light = Theme(
        name="light",
        primary="#1F5FA8",
        secondary="#2F7BC0",
        accent="#8A4B00",
        warning="#8A4B00",
        error="#B3261E",
        success="#1E7B3A",
        foreground="#1E1E1E",
        background="#F6F5F2",
        surface="#FFFFFF",
        panel="#E8E6E1",
        dark=False,
        variables={
            "footer-key-foreground": "#1F5FA8",
            "text-muted": "#4A4A4A",
        },
    )
    high_contrast = Theme(
        name="high-contrast",
        primary="#FFFF00",
        secondary="#00FFFF",
        accent="#FFFF00",
        warning="#FFFF00",
        error="#FF6E6E",
        success="#00FF66",
        foreground="#FFFFFF",
        background="#000000",
        surface="#000000",
        panel="#000000",
        boost="#000000",
        dark=True,
        variables={
            "text": "#FFFFFF",
            "text-muted": "#FFFFFF",
            "text-primary": "#FFFF00",
            "text-error": "#FF6E6E",
            "text-warning": "#FFFF00",
            "block-cursor-background": "#FFFF00",
            "block-cursor-foreground": "#000000",
            "block-cursor-text-style": "bold",
            "block-cursor-blurred-background": "#FFFFFF",
            "block-cursor-blurred-foreground": "#000000",
            "block-cursor-blurred-text-style": "none",
            "block-hover-background": "#333333",
            "border": "#FFFF00",
            "border-blurred": "#FFFFFF",
            "footer-background": "#000000",
            "footer-key-foreground": "#FFFF00",
            "footer-description-foreground": "#FFFFFF",
            "button-foreground": "#FFFFFF",
            "button-color-foreground": "#000000",
            "scrollbar": "#FFFFFF",
            "scrollbar-hover": "#FFFF00",
            "scrollbar-active": "#FFFF00",
            "scrollbar-background": "#333333",
            "link-color": "#00FFFF",
        },
    )
    return [default, light, high_contrast]
