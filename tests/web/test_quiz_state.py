"""The quiz's sealed state (wizard/web/quiz_state.py): it round-trips through a token and a
replay into the model's QuizRun at every step of a quiz, a token that is not exactly ours is
refused, and the memory of reveals refuses any page from before a reveal, within its bounds."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.model.loader import load_tree
from wizard.model.quiz import QuizRun, build_quiz
from wizard.model.tree import Tree
from wizard.web.quiz_state import (
    QuizSealer,
    QuizState,
    Revealed,
    make_quiz,
    new_attempt,
    replay,
)
from wizard.web.state import DAY, Expired, Stale, Tampered, seal

TREES = Path(__file__).parents[1] / "trees"
EXAMPLE = load_tree(TREES / "example.yaml")
NOW = 1_800_000_000.0


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> float:
        return self.now


def walk_states(tree: Tree, seed: int, cases: int | None, choose: random.Random
                ) -> list[QuizState]:
    """Every state a learner passes through, taking random steps (Back included) to the end."""
    state = new_attempt(seed, cases, "", NOW)
    states = [state]
    run = replay(make_quiz(tree, state), state)
    while not run.finished:
        question = run.question
        if run.revealed:
            run.next_case()
        elif question is None:
            if choose.random() < 0.3:
                run.back()
            else:
                run.reveal()
        elif run.question_index and choose.random() < 0.2:
            run.back()
        else:
            count = choose.randint(1, len(question.choices)) if question.several else 1
            run.predict([c.id for c in choose.sample(question.choices, count)
                         if count == 1 or c.id != "-nothing-"] or [question.choices[0].id])
        state = state.after(run)
        states.append(state)
    return states


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**63), cases=st.one_of(st.none(), st.integers(1, 6)),
       steps=st.integers(0, 2**32))
def test_every_state_of_a_quiz_round_trips(seed: int, cases: int | None, steps: int) -> None:
    sealer = QuizSealer(b"secret", "v1", Clock())
    for state in walk_states(EXAMPLE, seed, cases, random.Random(steps)):
        loaded = sealer.load(sealer.dump(state))
        assert loaded == state
        run = replay(make_quiz(EXAMPLE, loaded), loaded)
        assert state.after(run) == state  # the replayed run is where the learner was


def test_the_replayed_run_scores_as_the_model_does() -> None:
    states = walk_states(EXAMPLE, 7, None, random.Random(1))
    quiz = build_quiz(EXAMPLE, seed=7)
    last = replay(quiz, states[-1])
    direct = QuizRun(quiz)
    for picks in states[-1].done:
        for picked in picks:
            direct.predict(picked)
        direct.reveal()
        direct.next_case()
    assert last.finished and last.score == direct.score
    assert [r.score for r in last.results] == [r.score for r in direct.results]


def test_a_token_not_exactly_ours_is_refused() -> None:
    clock = Clock()
    sealer = QuizSealer(b"secret", "v1", clock)
    token = sealer.dump(new_attempt(1, None, "", NOW))
    for changed in (token[:-2], token[:40] + ("A" if token[40] != "A" else "B") + token[41:],
                    "x" * 20_000, "not a token", "é"):
        with pytest.raises(Tampered):
            sealer.load(changed)
    with pytest.raises(Tampered):  # another process (or this one before a restart)
        QuizSealer(b"secret", "v1", clock).load(token)
    clock.now += DAY
    with pytest.raises(Expired):
        sealer.load(token)
    clock.now -= 1
    sealer.version = "v2"  # the tree changed since
    with pytest.raises(Stale):
        sealer.load(token)


@pytest.mark.parametrize("field, value", [
    ("seed", -1), ("seed", 2**64), ("seed", "1"), ("seed", True), ("cases", 0),
    ("a", 5), ("d", "x"), ("d", [["a"]]), ("c", [[1]]), ("r", 1), ("at", -1),
    ("p", "anything"), ("n", "web_welcome"), ("o", [None]),
])
def test_sealed_contents_that_no_page_of_ours_holds_are_refused(field: str, value: object
                                                                ) -> None:
    sealer = QuizSealer(b"secret", "v1", Clock())
    data = {"v": "v1", "seed": 1, "cases": None, "a": "x", "b": 0, "d": [], "c": [], "at": 0,
            "r": False, "t": "", "p": "", "o": [], "n": ""}
    assert sealer.load(seal(sealer._fernet, data, NOW)) == QuizState(seed=1, attempt="x")
    data[field] = value
    with pytest.raises(Tampered):
        sealer.load(seal(sealer._fernet, data, NOW))
    with pytest.raises(Tampered):
        sealer.load(seal(Fernet(Fernet.generate_key()), data, NOW))


def test_a_replay_the_model_refuses_is_tampered() -> None:
    quiz = build_quiz(EXAMPLE, seed=3)
    good = new_attempt(3, None, "", NOW)
    first = quiz.cases[0].questions[0]
    for bad in (
        replace(good, current=(("not-a-choice",),), at=1),
        replace(good, current=((first.choices[0].id,),), at=2),  # further than predicted
        replace(good, revealed=True),  # revealed before any prediction
        replace(good, done=((),)),  # a case passed with no predictions
        replace(good, done=tuple(((c.questions[0].choices[0].id,),) for c in quiz.cases)),
    ):
        with pytest.raises(Tampered):
            replay(quiz, bad)


def revealed_state(attempt: str, reveals: int, begun: int = 0) -> QuizState:
    return QuizState(seed=1, attempt=attempt, begun=begun, done=((),) * (reveals - 1),
                     revealed=True)


def test_a_page_from_before_a_reveal_goes_back_to_the_reveal() -> None:
    memory = Revealed(Clock())
    before = QuizState(seed=1, attempt="a", current=(("x",),), at=1)
    assert memory.check(before) is None
    shown = revealed_state("a", 1)
    memory.record(shown, "page of the first reveal")
    assert memory.check(before) == "page of the first reveal"  # the browser's Back
    assert memory.check(shown) is None  # the reveal itself, and anything after it, opens
    assert memory.check(replace(shown, done=((),), revealed=False)) is None
    memory.record(revealed_state("a", 1), "again")  # an older reveal never replaces a later one
    memory.record(revealed_state("a", 2), "page of the second reveal")
    memory.record(revealed_state("a", 1), "late")
    assert memory.check(shown) == "page of the second reveal"
    assert memory.check(replace(before, attempt="b")) is None  # another learner


def test_the_memory_is_bounded_and_never_reopens_a_revealed_case() -> None:
    clock = Clock()
    memory = Revealed(clock, lifetime=100, most=3)
    for number in range(5):
        clock.now += 1
        memory.record(revealed_state(f"a{number}", 1, begun=number), f"page {number}")
    assert len(memory) == 3
    with pytest.raises(Expired):  # forgotten, so refused: never rewound
        memory.check(QuizState(seed=1, attempt="a1", begun=1))
    assert memory.check(revealed_state("a4", 1, begun=4)) is None  # remembered: opens
    assert memory.check(QuizState(seed=1, attempt="a4", begun=4)) == "page 4"
    assert memory.check(QuizState(seed=1, attempt="new", begun=9)) is None
    clock.now += 100  # every page from before those reveals has expired: nothing to keep
    memory.record(revealed_state("late", 1, begun=10), "late page")
    assert len(memory) == 1
