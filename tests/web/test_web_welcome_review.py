"""The web welcome page says how current the content is, the same line the app shows, and
says so plainly when the content changed after its last review."""

from __future__ import annotations

import html
from collections.abc import Callable

from tests.web.visitor import Visitor
from wizard.model.bundled import resolve_tree
from wizard.model.loader import load_tree

CHANGED = (
    "Content version 2026.12.0 · last reviewed 2026-11-21 · changed on 2026-12-05 and not yet "
    "reviewed again"
)


async def test_the_welcome_page_says_the_content_changed_after_review(
    make_visitor: Callable[..., object],
) -> None:
    visitor = await make_visitor(load_tree(resolve_tree(None)))  # type: ignore[operator]
    assert isinstance(visitor, Visitor)
    page = html.unescape(await visitor.open())
    assert f'<p class="version">{CHANGED}</p>' in page
    assert page.index("This guide is for information only") < page.index(CHANGED)  # after it


async def test_a_tree_unchanged_since_review_says_when_it_was_reviewed(visitor: Visitor) -> None:
    page = html.unescape(await visitor.open())
    assert "· last reviewed 2026-11-21</p>" in page and "not yet reviewed" not in page
