"""In Spanish too, content changed after its last review says so: the welcome line (app and
web page) and the summary's closing line, with the same dates as the English."""

from __future__ import annotations

import html
from collections.abc import Callable

from tests.i18n.conftest import ROUTE
from tests.web.visitor import Visitor
from wizard.model.machine import walk
from wizard.model.tree import Tree
from wizard.render.json import summary_data
from wizard.render.review_lines import version_line
from wizard.render.text import render_text
from wizard.render.words import use_language

WELCOME_ES = (
    "Versión del contenido 2026.12.0 · última revisión 2026-11-21 · modificado el 2026-12-05 y "
    "todavía sin revisar de nuevo"
)
CLOSING_ES = (
    "Contenido revisado por última vez el 2026-11-21; modificado el 2026-12-05 y todavía sin "
    "revisar de nuevo; próxima revisión prevista el 2027-11-21."
)


def test_the_spanish_lines_say_the_content_changed(spanish_tree: Tree) -> None:
    use_language("es")
    assert version_line(spanish_tree) == WELCOME_ES
    summary = walk(spanish_tree, ROUTE).summary()
    assert summary_data(summary)["review"]["text"] == CLOSING_ES
    assert CLOSING_ES in " ".join(render_text(summary).split())


async def test_the_spanish_welcome_page_says_so(
    make_visitor: Callable[..., object], spanish_tree: Tree
) -> None:
    use_language("es")
    visitor = await make_visitor(spanish_tree)  # type: ignore[operator]
    assert isinstance(visitor, Visitor)
    page = html.unescape(await visitor.open())
    assert f'<p class="version">{WELCOME_ES}</p>' in page
