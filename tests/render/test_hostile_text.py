"""Tree text is data in every output: hostile text in a tree shows as those characters, and never
becomes markup, a link, an image, a script or a terminal sequence.

The tree is changed in memory, past the checker (which may refuse control characters), because
the outputs must hold on their own.
"""

from __future__ import annotations

import dataclasses
import json
import re
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from textual.widgets import Static

from tests.render.summary_reading import ViewApp, screen_lines, widget_text
from wizard.model.machine import walk
from wizard.model.summary import Summary
from wizard.model.tree import Group, RedFlag, Source, Tree
from wizard.render.html import render_html
from wizard.render.json import render_json
from wizard.render.markdown import render_markdown
from wizard.render.outline import safe_url
from wizard.render.text import render_text
from wizard.tui.widgets.summary_view import SummaryView

CLICK = "[@click=app.quit]x[/]"
CLOSE = "Drug [/]"
BRACKETS = "Rituximab [Rituxan]"
IMAGE = "![](https://evil/x.png)"
LINK = "[a](javascript:alert(1))"
SCRIPT = "<script>alert(1)</script>"
TITLE_SEQUENCE = "\x1b]0;t\x07"
BREAKOUT_URL = 'https://ok.example/a"><img src=x onerror=alert(1)>'
JS_URL = "javascript:alert(2)"
EVERYTHING = f"{CLICK} {CLOSE} {BRACKETS} {IMAGE} {LINK} {SCRIPT} {TITLE_SEQUENCE}end"
SHOWN = EVERYTHING.replace(TITLE_SEQUENCE, "]0;t")  # what is left once control codes are gone
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def hostile_tree(tree: Tree) -> Tree:
    """The example tree with hostile text in every kind of place the summary shows."""
    treatments = {
        key: dataclasses.replace(
            t, name=f"{BRACKETS} {CLICK} {CLOSE}", about=EVERYTHING, brief=EVERYTHING
        )
        for key, t in tree.treatments.items()
    }
    resources = {
        key: dataclasses.replace(r, name=CLOSE, about=EVERYTHING, url=JS_URL)
        for key, r in tree.resources.items()
    }
    sources = {
        "rhs": Source("rhs", EVERYTHING, EVERYTHING, BREAKOUT_URL),
        "book": Source("book", LINK, "", JS_URL),
    }
    red_flags = {
        key: RedFlag(f.id, f"{CLICK} {TITLE_SEQUENCE}", EVERYTHING, f.sources)
        for key, f in tree.red_flags.items()
    }
    groups = tuple(Group(g.id, f"{IMAGE} {CLOSE}", EVERYTHING) for g in tree.groups)
    return dataclasses.replace(
        tree,
        version="hostile",
        title=EVERYTHING,
        disclaimer=EVERYTHING,
        treatments=treatments,
        resources=resources,
        sources=sources,
        red_flags=red_flags,
        groups=groups,
    )


def hostile_summary(example_tree: Tree) -> Summary:
    answers = {
        "danger": ["fire", "pets"],
        "kind": ["cactus"],
        "cactus_water": ["daily"],
        "symptoms": ["yellow", "spots"],
    }
    return walk(hostile_tree(example_tree), answers).summary()


def test_text_shows_hostile_text_literally_without_control_codes(example_tree: Tree) -> None:
    text = render_text(hostile_summary(example_tree))
    assert not CONTROL.search(text)
    flat = " ".join(text.split())
    assert SHOWN in flat and f"{BRACKETS} {CLICK} {CLOSE}" in flat


def test_json_keeps_the_words_and_drops_control_codes(example_tree: Tree) -> None:
    document = render_json(hostile_summary(example_tree))
    assert "\\u001b" not in document and "\\u0007" not in document
    data = json.loads(document)
    assert data["treatments"][0]["about"] == SHOWN
    assert data["red_flags"][0]["title"] == f"{CLICK} ]0;t"
    assert data["sources"][0]["url"] == BREAKOUT_URL  # data, not a link: kept as written


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs
        self.hrefs += [value or "" for name, value in attrs if name == "href"]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def assert_inert_html(page: str, headings: int) -> _Page:
    parser = _Page()
    parser.feed(page)
    assert not {"script", "img", "link", "iframe", "object", "embed"} & set(parser.tags)
    assert not [name for name, _ in parser.attrs if name.startswith("on") or name == "src"]
    assert parser.tags.count("h2") == headings
    for href in parser.hrefs:
        assert href.startswith(("https:", "http:", "mailto:", "tel:")), href
        assert not set(href) & set("\"'<> "), href
    assert not CONTROL.search(page)
    return parser


def test_html_escapes_everything_and_links_only_safe_addresses(example_tree: Tree) -> None:
    summary = hostile_summary(example_tree)
    page = render_html(summary)
    parser = assert_inert_html(page, headings=page.count("<h2"))
    assert parser.hrefs == [safe_url(BREAKOUT_URL)]  # the javascript: ones are text
    assert parser.hrefs[0] == "https://ok.example/a%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E"
    text = " ".join(" ".join(parser.text).split())
    assert SHOWN in text and JS_URL in text and SCRIPT in text
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_markdown_cannot_make_links_images_html_or_headings(example_tree: Tree) -> None:
    summary = hostile_summary(example_tree)
    markdown = render_markdown(summary)
    assert not CONTROL.search(markdown)
    # the worst reader: raw HTML allowed, bare addresses turned into links
    page = (
        MarkdownIt("commonmark", {"html": True, "linkify": True}).enable("linkify").render(markdown)
    )
    sections = len([line for line in markdown.splitlines() if line.startswith("## ")])
    parser = assert_inert_html(page, headings=sections)
    assert parser.tags.count("h1") == 1 and "h3" in parser.tags
    assert parser.hrefs == [safe_url(BREAKOUT_URL)]
    text = " ".join(" ".join(parser.text).split())
    assert SHOWN in text and f"{BRACKETS} {CLICK} {CLOSE}" in text


def test_a_url_is_a_link_only_with_a_safe_scheme() -> None:
    assert safe_url("https://example.org/a b") == "https://example.org/a%20b"
    assert safe_url("mailto:help@example.org") == "mailto:help@example.org"
    assert safe_url("tel:+44 100") == "tel:+44%20100"
    for bad in (
        JS_URL,
        " JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,x",
        "//evil",
    ):
        assert safe_url(bad) is None, bad


async def test_the_summary_widget_shows_hostile_text_literally(example_tree: Tree) -> None:
    summary = hostile_summary(example_tree)
    app = ViewApp(summary)
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(SummaryView)
        cards = [w for w in view.query(".card").results(Static)]
        shown = " ".join(widget_text(w) for w in view.query(Static).results(Static))
        shown = " ".join(shown.split())
        assert SHOWN in shown and "\x1b" not in shown
        treatment = next(w for w in cards if "Rituximab" in widget_text(w))
        await pilot.click(treatment, offset=(6, 0))  # on the name in the border
        await pilot.pause()
        assert app.is_running  # `[@click=app.quit]` is text, not an action
        drawn = "\n".join(screen_lines(app.export_screenshot()))
        assert f"{BRACKETS} {CLICK} {CLOSE}" in drawn  # the card's border title, as written
