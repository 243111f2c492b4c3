"""The quiz mode of the app (`wizard quiz`), driven by keys through Pilot, and its screens'
snapshots."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.tui.pilots import click, press, settle, shown_text
from wizard.model.quiz import Prediction, Quiz, build_quiz
from wizard.model.tree import Tree
from wizard.tui.quiz_app import QuizApp, create_quiz_app
from wizard.tui.screens.quiz_question import QuizQuestionScreen
from wizard.tui.screens.quiz_reveal import QuizRevealScreen
from wizard.tui.screens.quiz_score import QuizScoreScreen


def right_keys(question: Prediction) -> list[str]:
    """The keys a learner who knows the answer presses: digits, then Enter for pick-several."""
    numbers = [str(n) for n, c in enumerate(question.choices, 1) if c.id in question.right]
    return [*numbers, "enter"] if question.several else numbers


def wrong_keys(question: Prediction) -> list[str]:
    number = next(n for n, c in enumerate(question.choices, 1) if c.id not in question.right)
    return [str(number), "enter"] if question.several else [str(number)]


async def answer_case(pilot: Pilot[None], app: QuizApp, keys: Callable[[Prediction], list[str]]) -> None:
    while isinstance(app.screen, QuizQuestionScreen):
        await press(pilot, *keys(app.screen.question))


async def test_a_whole_quiz_by_keyboard_with_results(bundled_tree: Tree, tmp_path: Path) -> None:
    quiz = build_quiz(bundled_tree, seed=4, cases=2)
    results = tmp_path / "r.json"
    app = create_quiz_app(quiz, results)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, QuizQuestionScreen)
        await answer_case(pilot, app, right_keys)
        assert isinstance(app.screen, QuizRevealScreen) and app.screen.result is None
        await press(pilot, "enter")  # reveal
        assert app.screen.result is not None
        first = quiz.cases[0]
        score = shown_text(app, "#quiz-case-score")
        assert score == f"Case score: {len(first.questions)} of {len(first.questions)}"
        await press(pilot, "escape")  # Back after the reveal does nothing
        assert isinstance(app.screen, QuizRevealScreen) and app.screen.result is not None
        await press(pilot, "enter")  # next case
        await answer_case(pilot, app, wrong_keys)
        await press(pilot, "enter", "enter")  # reveal, then see the score
        assert isinstance(app.screen, QuizScoreScreen)
        right = len(first.questions)
        asked = right + len(quiz.cases[1].questions)
        assert shown_text(app, "#quiz-score") == f"Score: {right} of {asked}"
        assert "Results saved to" in shown_text(app, "#quiz-saved")
    saved = json.loads(results.read_text(encoding="utf-8"))
    assert saved["score"] == {"right": right, "asked": asked}
    assert saved["quiz"]["seed"] == 4


async def test_back_changes_a_prediction_before_the_reveal(bundled_tree: Tree) -> None:
    quiz = build_quiz(bundled_tree, seed=9, cases=1)
    app = create_quiz_app(quiz)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, QuizQuestionScreen)
        await press(pilot, "escape")  # nothing before the first question
        assert "first question of this case" in shown_text(app, "#message")
        first = app.screen.question
        await press(pilot, *wrong_keys(first))
        await press(pilot, "escape")
        assert isinstance(app.screen, QuizQuestionScreen) and app.screen.question == first
        assert app.run_.picked  # the earlier prediction is still ticked, to change
        if first.several:
            await press(pilot, *wrong_keys(first)[:-1])  # untick it
        await answer_case(pilot, app, right_keys)
        await press(pilot, "escape")  # from "ready", back to the last question
        assert isinstance(app.screen, QuizQuestionScreen)
        await answer_case(pilot, app, right_keys)
        await press(pilot, "enter")
        result = app.run_.results[0]
        assert result.score == result.total  # the wrong first prediction was taken back


async def test_an_empty_pick_several_is_refused_in_words(bundled_tree: Tree) -> None:
    quiz = build_quiz(bundled_tree, seed=1, cases=1)
    app = create_quiz_app(quiz)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, QuizQuestionScreen) and app.screen.question.several
        await click(pilot, "#predict")  # Enter on an answer would tick it
        assert shown_text(app, "#message") == "⚠ Pick at least one answer."


def _quiz(example_text: str) -> Quiz:
    from tests.model.test_quiz import CASES
    from wizard.model.loader import check_text

    tree, _ = check_text(example_text + CASES, "t.yaml")
    assert tree is not None
    return build_quiz(tree, seed=3, cases=1)


def test_quiz_question_snapshot(snap_compare: Callable[..., bool], example_text: str) -> None:
    app: Any = create_quiz_app(_quiz(example_text))
    assert snap_compare(app, terminal_size=(80, 24))


def test_quiz_reveal_snapshot(snap_compare: Callable[..., bool], example_text: str) -> None:
    quiz = _quiz(example_text)
    app: Any = create_quiz_app(quiz)

    async def keys(pilot: Pilot[None]) -> None:
        await settle(pilot)
        while isinstance(app.screen, QuizQuestionScreen):
            await press(pilot, *wrong_keys(app.screen.question))
        await press(pilot, "enter")

    assert snap_compare(app, run_before=keys, terminal_size=(80, 40))
