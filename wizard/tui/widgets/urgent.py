"""A red flag's advice as a card on a page: "⚠ URGENT" in its border, the title in bold, then
the advice.

The alert (screens/red_flag.py) closes once read; this card stays on the page shown under it,
so the person can follow the advice while they act on it. Tree text, so shown literally.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from wizard.render.pageview import UrgentView
from wizard.render.words import t
from wizard.tui.widgets.tree_text import literal


def urgent_card(urgent: UrgentView) -> Static:
    """The card for one flag (class `urgent-advice`, styled in screens/walk.tcss)."""
    text = Content("\n").join(
        [literal(urgent.heading, "bold"), literal("\n\n".join(urgent.advice))]
    )
    card = Static(text, classes="urgent-advice")
    card.border_title = t("urgent_badge")
    return card
