"""Changing one earlier answer ("Check your answers"): the others kept where they still fit,
and the ones the new route no longer asks named."""

from __future__ import annotations

from pathlib import Path

import pytest

from wizard.model.loader import load_tree
from wizard.model.machine import AnswerError, walk
from wizard.model.replay import change_answer, left_out

EXAMPLE = Path(__file__).parents[1] / "trees" / "example.yaml"
FERN = {"danger": ["none"], "kind": ["fern"], "symptoms": ["yellow", "droop"],
        "humidity": ["dry"]}


def test_a_change_on_the_same_route_keeps_every_other_answer() -> None:
    session = walk(load_tree(EXAMPLE), FERN)
    changed = change_answer(session, "symptoms", ["yellow"])
    assert changed.session.finished and changed.no_longer == ()
    answers = {a.node: a.options for a in changed.session.history}
    assert answers["symptoms"] == ("yellow",) and answers["humidity"] == ("dry",)
    assert {a.node: a.options for a in session.history}["symptoms"] == ("yellow", "droop")


def test_a_change_to_another_route_stops_at_the_new_question() -> None:
    session = walk(load_tree(EXAMPLE), FERN)
    changed = change_answer(session, "kind", ["cactus"])
    assert not changed.session.finished
    assert changed.session.current.id == "cactus_water"
    assert changed.no_longer == ()  # not known until the new route is finished
    changed.session.answer(["weekly"])
    for node in ("symptoms",):
        changed.session.answer(dict(FERN)[node])
    assert changed.session.finished  # a cactus with yellow leaves is not asked about the air
    assert left_out(changed.session, [a.node for a in session.history]) == ("humidity",)


def test_a_wrong_answer_or_an_unasked_question_is_refused() -> None:
    session = walk(load_tree(EXAMPLE), FERN)
    with pytest.raises(AnswerError):
        change_answer(session, "kind", [])
    with pytest.raises(AnswerError):
        change_answer(session, "water", ["daily"])


def test_a_new_urgent_answer_is_reported() -> None:
    session = walk(load_tree(EXAMPLE), FERN)
    changed = change_answer(session, "danger", ["fire"])
    assert [flag.id for flag in changed.raised] == ["fire"]
    assert changed.session.finished and changed.no_longer == ()
