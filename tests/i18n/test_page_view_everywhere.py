"""One page, three front ends: the Textual app, `ask` and the web pages draw the same page view.

Two pages of the bundled tree, in English and in Spanish: the red-flag question (a multi-select
of 11 answers with a pick rule and an answer that goes "on its own") and the page after a red
flag (its urgent advice raised on the way in). For each, the page view (wizard/render/pageview.py)
says what the page holds; each front end must show every piece of it (heading, progress words,
pick rule, each answer's label with its number or key, its hint and its "on its own" mark, the
urgent heading and advice), and none may show the other language's progress words or pick rule.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from rich.console import Console

from tests.tui.pilots import press
from tests.web.visitor import Visitor
from wizard.ask.session import run_ask
from wizard.model.machine import Session
from wizard.model.tree import Tree
from wizard.render.pageview import PageView, build_page
from wizard.render.words import use_language
from wizard.tui.widgets.answer_list import AnswerList

CLOT = "clot"  # the 10th answer of the red-flag question: key "a", number 10


@dataclass(frozen=True)
class Pages:
    """The page views of the two pages, built from a session, in the language being spoken."""

    question: PageView
    after_flag: PageView


def views(tree: Tree) -> Pages:
    session = Session(tree)
    session.answer(())  # the welcome page
    question = build_page(session)
    assert question.node == "red_flags" and question.many and len(question.options) == 11
    session.answer([CLOT])
    after = build_page(session)
    assert after.urgent, "the page after a red flag carries its advice"
    return Pages(question, after)


def spoken(tree_of: Callable[[str], Tree], language: str) -> tuple[Tree, Pages, Pages]:
    """The tree in `language`, its page views, and the other language's (to check none leaks)."""
    other = "en" if language == "es" else "es"
    use_language(other)
    others = views(tree_of(other))
    use_language(language)
    tree = tree_of(language)
    return tree, views(tree), others


@pytest.fixture
def tree_of(english_tree: Tree, spanish_tree: Tree) -> Callable[[str], Tree]:
    return lambda language: spanish_tree if language == "es" else english_tree


def _squash(text: str) -> str:
    return " ".join(text.split())


def shows_question(text: str, view: PageView, other: PageView, *, marker: str) -> None:
    """`text` shows the question page of `view`; `marker` words an answer's number or key."""
    flat = _squash(text)
    assert view.heading in flat
    assert view.progress in flat and other.progress not in flat
    assert view.rule and view.rule in flat and other.rule not in flat
    place = 0
    for option in view.options:
        row = _squash(f"{marker.format(number=option.number, key=option.key)} {option.label}")
        found = flat.find(row, place)
        assert found >= 0, f"{row!r} not shown in order"
        place = found + len(row)
        if option.alone:
            assert flat.startswith(option.alone_words, place + 1), option.id
        if option.help:
            assert _squash(option.help) in flat, option.id
    assert sum(option.alone for option in view.options) == 1


def shows_urgent(text: str, view: PageView, *, heading: bool = True) -> None:
    flat = _squash(text)
    for urgent in view.urgent:
        assert (urgent.heading if heading else urgent.title) in flat
        for paragraph in urgent.advice:
            assert _squash(paragraph) in flat


# -- the Textual app -----------------------------------------------------------------------------
def _rows(answers: AnswerList) -> Iterator[str]:
    console = Console(width=400, record=True, color_system=None)
    for index in range(answers.option_count):
        console.print(answers.get_option_at_index(index).prompt)
    yield console.export_text()


@pytest.mark.parametrize("language", ["en", "es"])
async def test_the_app_draws_the_page_view(
    language: str, tree_of: Callable[[str], Tree]
) -> None:
    tree, pages, others = spoken(tree_of, language)
    from wizard.tui.launch import create_app

    app = create_app(tree)
    async with app.run_test(size=(100, 60)) as pilot:
        await press(pilot, "enter", "enter")  # the start screen, then the welcome page
        screen = app.screen
        answers = screen.query_one(AnswerList)
        text = "\n".join(
            [
                str(screen.query_one("#top-progress").render()),
                str(screen.query_one("#prompt").render()),
                str(screen.query_one("#hint").render()),
                *_rows(answers),
            ]
        )
        shows_question(text, pages.question, others.question, marker="{key} [ ]")
        await press(pilot, "a", "enter")  # the clot, by its key; Enter on it goes on
        await press(pilot, "enter")  # the alert: "I have read this"
        cards = [str(card.render()) for card in app.screen.query(".urgent-advice")]
        shows_urgent("\n".join(cards), pages.after_flag)
        progress = str(app.screen.query_one("#top-progress").render())
        assert progress == pages.after_flag.progress


# -- ask -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["en", "es"])
def test_ask_draws_the_page_view(language: str, tree_of: Callable[[str], Tree]) -> None:
    tree, pages, others = spoken(tree_of, language)
    out = io.StringIO()
    run_ask(tree, io.StringIO("\n?\n10\n"), out)
    text = out.getvalue()
    start = text.index(pages.question.progress)
    shows_question(text[start:], pages.question, others.question, marker="{number}.")
    shows_urgent(text[start:], pages.after_flag, heading=False)
    assert pages.after_flag.progress in text[start:]


# -- the web pages ---------------------------------------------------------------------------------
def _web_text(page: str) -> str:
    body = page.split("<main", 1)[1].split("</main>", 1)[0]
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


@pytest.mark.parametrize("language", ["en", "es"])
async def test_the_web_pages_draw_the_page_view(
    language: str, tree_of: Callable[[str], Tree], make_visitor: Callable[..., object]
) -> None:
    tree, pages, others = spoken(tree_of, language)
    visitor = await make_visitor(tree)  # type: ignore[operator]
    assert isinstance(visitor, Visitor)
    await visitor.open()
    await visitor.do("start")
    page = await visitor.do("answer")
    numbered = re.sub(
        r'<label for="option-(\d+)">', lambda m: f"[{m.group(1)}] ", page
    )  # the web shows no numbers: a label's place is its input's id
    shows_question(_web_text(numbered), pages.question, others.question, marker="[{number}]")
    await visitor.do("answer", CLOT)  # the alert page
    after = await visitor.do("continue")
    shows_urgent(_web_text(after), pages.after_flag)
    assert pages.after_flag.progress in _web_text(after)
