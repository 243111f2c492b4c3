"""Read a rendered summary back as (heading, text under it) pairs, whatever the format.

The tests compare these readings with the outline: same sections, in the same order, under the
same headings, with the same entries in the same order.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets import Static

from wizard.model.summary import Summary
from wizard.render.html import render_html
from wizard.render.json import render_json
from wizard.render.markdown import render_markdown
from wizard.render.text import render_text
from wizard.tui.widgets.summary_view import SummaryView

Reading = list[tuple[str, str]]


def flat(text: str) -> str:
    return " ".join(text.split())


class _Sections(HTMLParser):
    """HTML -> (h2 text, every text after it until the next h2)."""

    def __init__(self) -> None:
        super().__init__()
        self.reading: Reading = []
        self.in_h2 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h2":
            self.in_h2 = True
            self.reading.append(("", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2":
            self.in_h2 = False

    def handle_data(self, data: str) -> None:
        if not self.reading:
            return
        heading, body = self.reading[-1]
        if self.in_h2:
            self.reading[-1] = (heading + data, body)
        else:
            self.reading[-1] = (heading, body + " " + data)


def read_html(page: str) -> Reading:
    parser = _Sections()
    parser.feed(page)
    return [(flat(heading), flat(body)) for heading, body in parser.reading]


def read_markdown(markdown: str) -> Reading:
    """Markdown as a CommonMark renderer shows it (escapes undone), by its `##` sections."""
    return read_html(MarkdownIt("commonmark").render(markdown))


def read_text(text: str) -> Reading:
    """Plain text: a heading is a line "-- Heading ----" (or "!! Heading !!!!" when urgent),
    the heading on a rule across the page; a form feed (a printer's new sheet) is no text."""
    reading: Reading = []
    for line in text.replace("\f", "").splitlines():
        heading = re.fullmatch(r"(-- (.+) -+)|(!! (.+) !+)", line)
        if heading:
            reading.append((heading.group(2) or heading.group(4), ""))
        elif reading:
            reading[-1] = (reading[-1][0], reading[-1][1] + " " + line)
    return [(heading, flat(body)) for heading, body in reading]


def read_json(document: str) -> Reading:
    data = json.loads(document)
    return [
        (section["heading"], " ".join(entry["title"] for entry in section["entries"]))
        for section in data["outline"]
    ]


class ViewApp(App[None]):
    """The summary widget alone, as the summary screen shows it."""

    def __init__(self, summary: Summary, rules: bool = False) -> None:
        super().__init__()
        self.summary = summary
        self.rules = rules

    def compose(self) -> ComposeResult:
        yield SummaryView(self.summary, id="summary", rules=self.rules)


def screen_lines(svg: str) -> list[str]:
    """The rows of text of a Textual screenshot (SVG), top to bottom, as drawn."""
    rows: dict[float, list[tuple[float, str]]] = {}
    for match in re.finditer(
        r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>', svg
    ):
        x, y = float(match.group(1)), float(match.group(2))
        rows.setdefault(y, []).append((x, html.unescape(match.group(3)).replace("\xa0", " ")))
    return ["".join(text for _, text in sorted(rows[y])) for y in sorted(rows)]


def widget_text(widget: Static) -> str:
    """What a Static shows: its border title (read back from markup), then its content."""
    title = Content.from_markup(widget.border_title).plain if widget.border_title else ""
    return f"{title} {widget.render()}"


async def read_widget(summary: Summary) -> Reading:
    app = ViewApp(summary)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(SummaryView)
        reading: Reading = []
        for child in view.children:
            assert isinstance(child, Static)
            if "heading" in child.classes:
                reading.append((flat(str(child.render())), ""))
            elif reading:
                reading[-1] = (reading[-1][0], reading[-1][1] + " " + widget_text(child))
        return [(heading, flat(body)) for heading, body in reading]


def readings(summary: Summary) -> dict[str, Reading]:
    """Every file format's reading of one summary (the widget's is async: read_widget)."""
    return {
        "text": read_text(render_text(summary)),
        "markdown": read_markdown(render_markdown(summary)),
        "html": read_html(render_html(summary)),
        "json": read_json(render_json(summary)),
    }
