"""The first printed page stands alone, on every route of the bundled tree, in English and in
Spanish (issue 17).

A printed page holds `PAGE_LINES` lines of the plain text the printer gets (`render_text` at its
width). On every route, in both languages, the first part (the title, "At a glance", the
cautions, the safety net, what to bring and the first questions) fits one page, and the printer
starts the details on the next sheet. The routes are every route `wizard paths` lists, every
route of the content tests (each symptom and each treatment already had, with every syndrome,
antibody answer and cancer status), and every syndrome with every symptom and every treatment
ticked at once. Spanish takes more words than English to say the same thing, so the Spanish
overlay (trees/paraneoplastic.es.yaml) and the Spanish vocabulary (headings, the "other options"
line) say what the first page holds in as few words as the meaning allows; the same routes are
walked in Spanish, with the Spanish tree and interface words. A red flag ticked adds its advice
above the safety net and leaves room for the first question only: with any one of them, on every
route of the content tests, the whole first part still fits in both languages; with everything
else ticked too, the advice and the whole safety net are still on the first page.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.content.routes import (
    ANTIBODY,
    CANCER,
    SYNDROME_ROUTES,
    TREE,
    all_routes,
    every_route,
    neuro,
    route_id,
    summary_of,
)
from wizard.model.loader import load_tree
from wizard.model.paths import iter_paths
from wizard.model.translation import translate_tree
from wizard.render.html import render_html
from wizard.render.outline import (
    FIRST_PAGE,
    FIRST_PAGE_QUESTIONS,
    FIRST_PAGE_QUESTIONS_URGENT,
    Outline,
    Section,
    build_outline,
)
from wizard.render.printing import PAGE_LINES
from wizard.render.text import FORM_FEED, WIDTH, render_text, section_lines, text_parts, title_lines
from wizard.render.words import WORDS, speaking, t


@pytest.fixture(scope="module")
def tree() -> Any:
    return load_tree(TREE)


@pytest.fixture(scope="module", params=["en", "es"])
def language_tree(request: pytest.FixtureRequest, tree: Any) -> tuple[str, Any]:
    """The bundled tree in each language it has: English as written, Spanish through its
    overlay (the interface words follow with `speaking`)."""
    if request.param == "en":
        return "en", tree
    translated, overlay = translate_tree(tree, request.param)
    assert overlay is not None, request.param
    return request.param, translated


@functools.cache
def _lines(section: Section) -> int:
    """A section's lines of text (a section renders the same wherever it stands; many routes
    share their sections, so each is rendered once)."""
    return len(section_lines(section))


def first_part(outline: Outline, upto: str = "") -> int:
    """Lines of the first part (up to and including section `upto`, when given)."""
    lines = len(title_lines(outline))
    for section in outline.sections:
        if section.id not in FIRST_PAGE:
            break
        lines += _lines(section)
        if section.id == upto:
            break
    return lines


def routes_of_wizard_paths(tree: Any) -> Iterator[dict[str, list[str]]]:
    for route in iter_paths(tree):
        yield {step.node: list(step.options) for step in route.steps}


def everything_ticked(tree: Any) -> Iterator[dict[str, list[str]]]:
    """Every syndrome, antibody answer and cancer status with every symptom and every treatment
    already had (the most a person can tick besides red flags)."""
    def ticks(node: str) -> list[str]:
        return [o.id for o in tree.nodes[node].options if not o.exclusive and o.id != "unsure"]

    symptoms, taken = ticks("symptoms"), ticks("treatments_taken")
    for (syndrome, age), cancer, antibody in itertools.product(SYNDROME_ROUTES, CANCER, ANTIBODY):
        yield neuro(syndrome, symptoms, cancer=cancer, antibody=antibody, age=age, taken=taken)


def test_the_first_part_fits_one_printed_page_on_every_route(
    language_tree: tuple[str, Any],
) -> None:
    language, tree = language_tree
    worst, walked = 0, 0
    with speaking(language):
        for answers in itertools.chain(
            routes_of_wizard_paths(tree), every_route(), everything_ticked(tree)
        ):
            walked += 1
            worst = max(worst, _fits_one_page(tree, answers, language))
        assert language == "en" or t("glance") != WORDS["glance"]  # its own interface words
    assert walked > 7000 and worst > PAGE_LINES - 10  # the routes were walked, and some are long


def _fits_one_page(tree: Any, answers: dict[str, list[str]], language: str) -> int:
    """The first part's lines on this route, once checked against the page and the questions."""
    summary = summary_of(tree, answers)
    outline = build_outline(summary)
    lines = first_part(outline)
    assert lines <= PAGE_LINES, (language, lines, route_id(answers))
    questions = outline.section("questions")
    more = outline.section("more_questions")
    shown = len(questions.entries) if questions else 0
    assert shown == min(len(summary.questions), FIRST_PAGE_QUESTIONS), route_id(answers)
    assert shown + (len(more.entries) if more else 0) == len(summary.questions)
    return lines


def red_flag_options(tree: Any) -> list[str]:
    """One option of the first question for each red flag it can raise."""
    options = tree.nodes["red_flags"].options
    flags = {option.red_flag: option.id for option in options if option.red_flag}
    assert len(flags) >= 9
    return list(flags.values())


def test_one_red_flag_leaves_the_whole_first_part_on_the_first_page(
    language_tree: tuple[str, Any],
) -> None:
    language, tree = language_tree
    worst = 0
    with speaking(language):
        for flag, route in itertools.product(red_flag_options(tree), all_routes()):
            answers = {**route, "red_flags": [flag]}
            summary = summary_of(tree, answers)
            outline = build_outline(summary)
            assert [s.id for s in outline.sections][1:2] == ["urgent"], route_id(answers)
            lines = first_part(outline)
            assert lines <= PAGE_LINES, (language, lines, route_id(answers))
            worst = max(worst, lines)
            questions = outline.section("questions")
            assert questions is not None, route_id(answers)
            shown = [entry.title for entry in questions.entries]
            first = [q.item.text for q in summary.questions[:FIRST_PAGE_QUESTIONS_URGENT]]
            assert shown == first, route_id(answers)
    assert worst > PAGE_LINES - 8  # the longest advice (fever) was among them


def test_one_red_flag_with_everything_ticked_keeps_its_advice_and_the_safety_net(
    language_tree: tuple[str, Any],
) -> None:
    language, tree = language_tree
    with speaking(language):
        for flag, route in itertools.product(red_flag_options(tree), everything_ticked(tree)):
            answers = {**route, "red_flags": [flag]}
            outline = build_outline(summary_of(tree, answers))
            lines = first_part(outline, upto="safety_net")
            assert lines <= PAGE_LINES, (language, lines, route_id(answers))


def test_a_printer_gets_the_details_on_a_new_sheet(tree: Any) -> None:
    for answers in all_routes():
        summary = summary_of(tree, answers)
        first, details = text_parts(summary)
        printed = render_text(summary, page_break=True)
        assert printed.count(FORM_FEED) == 1, route_id(answers)
        assert printed.split(FORM_FEED)[0] == "\n".join(first) + "\n", route_id(answers)
        assert printed.split(FORM_FEED)[1].startswith(details[0])
        assert FORM_FEED not in render_text(summary)  # on screen and in `walk`, no form feed
        assert all(len(line) <= WIDTH for line in first), route_id(answers)


def test_printed_html_starts_the_details_on_a_new_page(tree: Any) -> None:
    style = re.compile(r"@media print \{[^@]*h2\.details \{ break-before: page; \}", re.S)
    for answers in all_routes():
        summary = summary_of(tree, answers)
        page = render_html(summary)
        assert style.search(page), route_id(answers)
        headings = re.findall(r"<h2( class=\"details\")?>([^<]*)</h2>", page)
        outline = build_outline(summary)
        first = [s for s in outline.sections if s.id in FIRST_PAGE]
        assert [bool(css) for css, _ in headings] == [
            n == len(first) for n in range(len(outline.sections))
        ], route_id(answers)
