"""`wizard serve --quiz` end to end through aiohttp's test client: a whole quiz (predictions,
Back, errors, reveals, the score and the results), a learner who goes back after a reveal (the
server refuses, whatever they post), the seed, and pages that are not the quiz's."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from html import unescape
from urllib.parse import parse_qs, urlsplit

from tests.web.conftest import EXAMPLE, Clock
from tests.web.visitor import Visitor, state_of
from wizard.model.loader import load_tree
from wizard.model.quiz import NOTHING, Prediction, QuizRun, build_quiz
from wizard.render.quiz import story as story_words
from wizard.web.quiz_state import QuizSettings
from wizard.web.state import DAY

OPTIONS = re.compile(r'name="option" value="([^"]*)"')
GO = "/quiz/go"


def text_of(page: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def choices_on(page: str) -> list[str]:
    return [unescape(v) for v in OPTIONS.findall(page)]


def wrong_for(question: Prediction) -> list[str]:
    """A prediction the model will mark wrong."""
    others = [c.id for c in question.choices if c.id not in question.right]
    if question.several:
        return others[:1] if others and others[0] != NOTHING else [sorted(question.right)[0]]
    return others[:1]


async def quiz_visitor(make_visitor: Callable[..., object], **settings: object) -> Visitor:
    visitor = await make_visitor(quiz=QuizSettings(**settings))  # type: ignore[operator, arg-type]
    assert isinstance(visitor, Visitor)
    await visitor.open("/")
    return visitor


async def test_a_whole_quiz_scored_as_the_model_scores_it(
        make_visitor: Callable[..., object]) -> None:
    visitor = await quiz_visitor(make_visitor, seed=11, cases=3)
    assert "Quiz: Helping a tired houseplant" in visitor.page
    assert "Everyone here gets the same 3 cases" in text_of(visitor.page)
    await visitor.post(GO, do="start")
    model = QuizRun(build_quiz(load_tree(EXAMPLE), seed=11, cases=3))
    wrong_once = True
    while not model.finished:
        question = model.question
        heading = f"Case {model.case_index + 1} of 3"
        if question is not None:
            assert heading in text_of(visitor.page)
            assert choices_on(visitor.page) == [c.id for c in question.choices]
            kind = "checkbox" if question.several else "radio"
            assert f'type="{kind}"' in visitor.page
            picks = wrong_for(question) if wrong_once else sorted(question.right)
            wrong_once = False
            model.predict(picks)
            await visitor.post(GO, do="answer", option=picks)
        elif not model.revealed:
            assert "Show the answers" in visitor.page and 'value="back"' in visitor.page
            result = model.reveal()
            await visitor.post(GO, do="reveal")
            shown = text_of(visitor.page)
            assert f"Case score: {result.score} of {result.total}" in shown
            assert 'value="back"' not in visitor.page  # no Back once the answers are shown
            for marked in result.marks:
                assert ("Right." if marked.correct else "Not quite.") in shown
        else:
            model.next_case()
            await visitor.post(GO, do="next")
    right, asked = model.score
    shown = text_of(visitor.page)
    assert visitor.status == 200 and "Quiz results" in shown
    assert f"Score: {right} of {asked}" in shown and right < asked  # one wrong prediction
    assert "Missed:" in shown or "Picked, but not right:" in shown
    assert "Seed 11" in shown
    await visitor.post("/quiz/results", format="json")
    saved = json.loads(visitor.page)
    assert saved["score"] == {"right": right, "asked": asked}
    assert saved["quiz"]["seed"] == 11 and len(saved["cases"]) == 3
    assert saved["statements"][-1]["verb"]["display"]["en-US"] == "completed"
    assert visitor.response is not None
    assert "quiz-results.json" in visitor.response.headers["Content-Disposition"]


async def test_results_leave_only_as_asked_in_each_format(
        make_visitor: Callable[..., object]) -> None:
    visitor = await finished_quiz(make_visitor)
    score_page = visitor.page
    for fmt, kind, start in (("md", "text/markdown", "# Quiz results"),
                             ("html", "text/html", "<!DOCTYPE html>"),
                             ("anything", "application/json", "{")):
        await visitor.post("/quiz/results", state=state_of(score_page), format=fmt)
        assert visitor.response is not None
        assert visitor.response.content_type == kind and visitor.page.startswith(start)
        assert visitor.response.headers["Cache-Control"] == "no-store"


async def finished_quiz(make_visitor: Callable[..., object], **settings: object) -> Visitor:
    settings = {"seed": 5, "cases": 2, **settings}
    visitor = await quiz_visitor(make_visitor, **settings)
    await visitor.post(GO, do="start")
    model = QuizRun(build_quiz(load_tree(EXAMPLE), seed=5, cases=2))
    while not model.finished:
        if model.question is not None:
            picks = sorted(model.question.right)
            model.predict(picks)
            await visitor.post(GO, do="answer", option=picks)
        elif not model.revealed:
            model.reveal()
            await visitor.post(GO, do="reveal")
        else:
            model.next_case()
            await visitor.post(GO, do="next")
    return visitor


async def test_back_changes_a_prediction_before_the_reveal(
        make_visitor: Callable[..., object]) -> None:
    visitor = await quiz_visitor(make_visitor, seed=2)
    await visitor.post(GO, do="start")
    assert 'value="back"' not in visitor.page  # the first question has nothing before it
    await visitor.post(GO, do="back")
    assert "This is the first question of this case." in text_of(visitor.page)
    first = choices_on(visitor.page)
    picked = first[:1]
    await visitor.post(GO, do="answer", option=picked)
    assert "Question 2 of" in text_of(visitor.page)
    await visitor.post(GO, do="back")
    assert "Question 1 of" in text_of(visitor.page)
    assert re.search(rf'value="{re.escape(picked[0])}" id="option-1" checked', visitor.page)


async def test_a_refused_prediction_says_why_beside_the_question(
        make_visitor: Callable[..., object]) -> None:
    visitor = await quiz_visitor(make_visitor, seed=2)
    await visitor.post(GO, do="start")
    await visitor.post(GO, do="answer")
    assert visitor.status == 200
    assert "<title>Error: " in visitor.page and 'role="alert"' in visitor.page
    assert "Pick" in text_of(visitor.page)
    await visitor.post(GO, do="answer", option=["not-a-choice"])
    assert "That is not one of the answers." in text_of(visitor.page)
    for early in ("reveal", "next"):  # out of order: said, and nothing moves
        await visitor.post(GO, do=early)
        assert "Answer every question of this case first." in text_of(visitor.page)
        assert "Question 1 of" in text_of(visitor.page)


async def test_a_learner_cannot_go_back_and_change_a_revealed_answer(
        make_visitor: Callable[..., object]) -> None:
    visitor = await quiz_visitor(make_visitor, seed=4, cases=2)
    await visitor.post(GO, do="start")
    model = QuizRun(build_quiz(load_tree(EXAMPLE), seed=4, cases=2))
    pages: list[str] = []  # the addresses of the browser's history
    while model.question is not None:
        pages.append(visitor_url(visitor))
        picks = wrong_for(model.question)
        model.predict(picks)
        await visitor.post(GO, do="answer", option=picks)
    ready = visitor.page
    pages.append(visitor_url(visitor))
    result = model.reveal()
    await visitor.post(GO, do="reveal")
    revealed = visitor.page
    score = f"Case score: {result.score} of {result.total}"
    assert score in text_of(revealed)

    await visitor.post(GO, do="back")  # a Back posted after the reveal (no button offers it)
    assert "The answers are shown now; they cannot be changed." in text_of(visitor.page)
    assert score in text_of(visitor.page)
    for address in pages:  # the browser's Back to any page before the reveal
        await visitor.open(address)
        assert "The answers are shown now; they cannot be changed." in text_of(visitor.page)
        assert score in text_of(visitor.page) and "Show the answers" not in visitor.page
    # a new prediction, or the reveal, posted from the old "ready" page
    for action, picks in (("back", []), ("reveal", []), ("answer", ["x"])):
        await visitor.post(GO, state=state_of(ready), do=action, option=picks)
        assert score in text_of(visitor.page) and "cannot be changed" in visitor.page
    # on to the next case, then the browser's Back to the reveal: that still opens
    await visitor.post(GO, state=state_of(revealed), do="next")
    assert "Case 2 of 2" in text_of(visitor.page)
    await visitor.post(GO, state=state_of(revealed), do="next")
    assert "Case 2 of 2" in text_of(visitor.page)


def visitor_url(visitor: Visitor) -> str:
    assert visitor.response is not None
    url = visitor.response.url
    return f"{url.path}?{url.query_string}"


async def test_reload_shows_the_same_page_and_theme_keeps_the_place(
        make_visitor: Callable[..., object]) -> None:
    visitor = await quiz_visitor(make_visitor, seed=8)
    await visitor.post(GO, do="start")
    first = choices_on(visitor.page)
    await visitor.post(GO, do="answer", option=first[:1])
    address = visitor_url(visitor)
    before = text_of(visitor.page)
    await visitor.open(address)
    assert text_of(visitor.page) == before
    await visitor.post(GO, do="theme", theme="light")
    assert 'class="theme-light"' in visitor.page and "Question 2 of" in text_of(visitor.page)


async def test_start_again_gives_the_same_cases_and_a_new_quiz_another_seed(
        make_visitor: Callable[..., object]) -> None:
    visitor = await finished_quiz(make_visitor)
    assert "Start a new quiz" not in visitor.page  # the server's seed is everyone's
    score_page = visitor.page
    await visitor.post(GO, do="again")
    assert "Case 1 of 2" in text_of(visitor.page) and "Question 1 of" in text_of(visitor.page)
    await visitor.post(GO, state=state_of(score_page), do="new")  # refused: the seed is fixed
    assert "Quiz results" in text_of(visitor.page)


async def test_without_a_seed_each_learner_is_given_one_to_repeat(
        make_visitor: Callable[..., object]) -> None:
    visitor = await quiz_visitor(make_visitor, cases=1)
    assert "Everyone here" not in visitor.page
    await visitor.post(GO, do="start")
    story = re.search(r'<p class="quiz-story" id="quiz-story">([^<]*)</p>', visitor.page)
    assert story is not None
    while "Show the answers" not in visitor.page:
        await visitor.post(GO, do="answer", option=choices_on(visitor.page)[:1])
    await visitor.post(GO, do="reveal")
    await visitor.post(GO, do="next")
    seed = re.search(r"Seed (\d+): Start again gives the same cases", text_of(visitor.page))
    assert seed is not None and "Start a new quiz" in visitor.page
    quiz = build_quiz(load_tree(EXAMPLE), seed=int(seed.group(1)), cases=1)
    assert unescape(story.group(1)) == story_words(quiz.cases[0])  # the seed repeats it
    await visitor.post(GO, do="again")
    assert unescape(story.group(1)) in text_of(visitor.page)


async def test_pages_that_are_not_this_quizs_are_refused_in_a_sentence(
        make_visitor: Callable[..., object], clock: Clock) -> None:
    visitor = await quiz_visitor(make_visitor, seed=1)
    await visitor.post(GO, do="start")
    token = state_of(visitor.page)
    other = await quiz_visitor(make_visitor, seed=1)  # another process, the same secret
    await other.open("/quiz?s=" + token)
    assert other.status == 410 and "This quiz page cannot be used" in other.page
    for bad in (token[:-3], "nonsense", "é"):
        await visitor.post(GO, state=bad, do="answer")
        assert visitor.status == 410
    guide = await make_visitor()  # type: ignore[operator]
    assert isinstance(guide, Visitor)
    await guide.open("/")
    await visitor.open("/quiz?s=" + state_of(guide.page))  # a guide's page is not a quiz's
    assert visitor.status == 410
    await visitor.open("/page")  # and the guide's pages are not served
    assert visitor.status == 404
    clock.now += DAY
    await visitor.open("/quiz?s=" + token)
    assert visitor.status == 410
    # an error page's own theme form still works, and leads to the start
    await visitor.post(GO, do="theme", theme="high-contrast")
    assert visitor.status == 200 and 'class="theme-high-contrast"' in visitor.page
    assert "Start the quiz" in visitor.page


async def test_a_tree_without_cases_quizzes_on_its_cover_routes(
        make_visitor: Callable[..., object]) -> None:
    cover = load_tree(EXAMPLE.parent / "cover.yaml")
    visitor = await make_visitor(cover, quiz=QuizSettings(seed=1))  # type: ignore[operator]
    assert isinstance(visitor, Visitor)
    await visitor.open("/")
    await visitor.post(GO, do="start")
    assert "They said:" in text_of(visitor.page)


async def test_the_address_holds_no_prediction_in_the_clear(
        make_visitor: Callable[..., object]) -> None:
    visitor = await quiz_visitor(make_visitor, seed=3)
    await visitor.post(GO, do="start")
    first = choices_on(visitor.page)
    await visitor.post(GO, do="answer", option=first[:1])
    query = parse_qs(urlsplit(visitor_url(visitor)).query)
    assert first[0] not in query["s"][0]


async def test_random_steps_back_and_old_pages_never_change_a_revealed_answer(
        make_visitor: Callable[..., object]) -> None:
    """A monkey: random steps, junk choices, old pages opened and posted again; no step is a
    server error, and a case's revealed answers, once shown, always read the same."""
    visitor = await quiz_visitor(make_visitor, seed=6, cases=3)
    await visitor.post(GO, do="start")
    for seed in range(6):
        choose = random.Random(seed)
        await visitor.post(GO, do="again")
        history = [visitor_url(visitor)]
        tokens = [state_of(visitor.page)]
        revealed: dict[str, str] = {}
        for _ in range(60):
            roll = choose.random()
            if roll < 0.15:
                await visitor.open(choose.choice(history))  # the browser's Back or Forward
            elif roll < 0.25:
                action = choose.choice(["answer", "back", "reveal", "next"])
                await visitor.post(GO, state=choose.choice(tokens), do=action,
                                   option=choose.sample([*choices_on(visitor.page), "junk"], 1))
            else:
                choices = choices_on(visitor.page)
                picks = choose.sample(choices, choose.randint(0, min(2, len(choices))))
                action = choose.choice(["answer"] * 6 + ["back", "reveal", "next", "bogus"])
                await visitor.post(GO, do=action, option=picks)
            assert visitor.status == 200, visitor.page
            if "Quiz results" in visitor.page or "name=\"state\"" not in visitor.page:
                break
            history.append(visitor_url(visitor))
            tokens.append(state_of(visitor.page))
            if "Case score:" in visitor.page:
                heading = re.search(r"<h1>Case (\d+) of 3</h1>", visitor.page)
                assert heading is not None
                answers = text_of(visitor.page.split("<h1>", 1)[1].split("<form", 1)[0])
                assert revealed.setdefault(heading.group(1), answers) == answers
            predicting = re.search(r"Case (\d+) of 3 · Question|<h1>Case (\d+) of 3</h1>"
                                   r"(?=.*Show the answers)", visitor.page, re.S)
            if predicting:  # never a prediction of a case whose answers were shown
                assert (predicting.group(1) or predicting.group(2)) not in revealed


async def test_a_learner_may_type_a_seed_to_repeat_a_quiz(
        make_visitor: Callable[..., object]) -> None:
    visitor = await quiz_visitor(make_visitor, cases=2)
    assert 'name="seed"' in visitor.page
    start = state_of(visitor.page)
    for typed in ("forty-two", "-1", "1.5", "²", str(2**63 + 1), "9" * 40):
        await visitor.post(GO, state=start, do="start", seed=typed)
        assert visitor.status == 200 and "<title>Error: " in visitor.page
        assert "Type the seed as a whole number, such as 42" in text_of(visitor.page)
        assert 'aria-describedby="seed-hint seed-error"' in visitor.page
        assert '<li><a href="#seed">' in visitor.page  # the error summary leads to the field
    await visitor.post(GO, state=start, do="start", seed=" 42 ")
    quiz = build_quiz(load_tree(EXAMPLE), seed=42, cases=2)
    assert story_words(quiz.cases[0]) in text_of(visitor.page)
    fixed = await quiz_visitor(make_visitor, seed=3)
    assert 'name="seed"' not in fixed.page  # the server's seed is everyone's
    await fixed.post(GO, do="start", seed="42")
    assert story_words(build_quiz(load_tree(EXAMPLE), seed=3).cases[0]) in text_of(fixed.page)
