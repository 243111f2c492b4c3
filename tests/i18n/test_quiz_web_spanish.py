"""The quiz's web pages in Spanish (`serve --quiz --lang es`): the interface words, the cases'
stories and choices from the overlay, the draft notice on the start page, and the reveal."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from tests.web.visitor import Visitor
from wizard.model.quiz import build_quiz
from wizard.model.tree import Tree
from wizard.render.quiz import story
from wizard.render.words import WORDS, t, use_language
from wizard.web.quiz_state import QuizSettings

DRAFT_ES = "Esta traducción es un borrador"


async def test_the_quiz_pages_in_spanish(
    make_visitor: Callable[..., object], spanish_tree: Tree, english_tree: Tree
) -> None:
    use_language("es")
    visitor = await make_visitor(spanish_tree, quiz=QuizSettings(seed=3, cases=1))  # type: ignore[misc]
    assert isinstance(visitor, Visitor)
    page = html.unescape(await visitor.open())
    assert '<html lang="es"' in page and DRAFT_ES in page
    assert t("quiz_web_start") in page and t("quiz_web_start") != WORDS["quiz_web_start"]
    page = html.unescape(await visitor.post("/quiz/go", do="start"))
    case = build_quiz(spanish_tree, seed=3, cases=1).cases[0]
    english = build_quiz(english_tree, seed=3, cases=1).cases[0]
    assert story(case) in page and story(english) not in page
    assert "Caso 1 de 1 · Pregunta 1 de" in page
    while "name=\"option\"" in page:
        first = re.search(r'name="option" value="([^"]*)"', page)
        assert first is not None
        page = html.unescape(await visitor.post("/quiz/go", do="answer", option=[first.group(1)]))
    assert t("quiz_reveal") in page and t("quiz_reveal") != WORDS["quiz_reveal"]
    page = html.unescape(await visitor.post("/quiz/go", do="reveal"))
    assert "Puntuación del caso:" in page
    assert t("quiz_mark_right") in page and WORDS["quiz_mark_right"] not in page
