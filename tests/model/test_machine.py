"""The Session every front end shares: answering, skipping, going back, changing answers."""

from __future__ import annotations

import pytest

from wizard.model.machine import AnswerError, MissingAnswer, OffRoute, Session, replay, walk
from wizard.model.tree import Tree
from wizard.render.words import refusal


def test_a_session_starts_at_the_start_and_info_nodes_take_no_options(example_tree: Tree) -> None:
    session = Session(example_tree)
    assert session.current.id == "welcome"
    with pytest.raises(AnswerError):
        session.answer(["x"])
    session.answer([])
    assert session.current.id == "danger"


def test_single_choice_needs_exactly_one_known_option(example_tree: Tree) -> None:
    session = walk_to(example_tree, "kind")
    with pytest.raises(AnswerError) as refused:
        session.answer(["cactus", "fern"])
    assert refusal(refused.value) == "Please pick one answer."
    with pytest.raises(AnswerError) as refused:
        session.answer(["catcus"])
    assert refused.value.reason == "unknown"  # a fact; the words are the vocabulary's
    assert (
        refusal(refused.value) == "'catcus' is not one of the answers here; did you mean 'cactus'?"
    )
    assert session.current.id == "kind"  # nothing changed
    session.answer(["cactus"])
    assert session.current.id == "cactus_water"


def test_multi_enforces_min_max_and_exclusive(example_tree: Tree) -> None:
    session = walk_to(example_tree, "symptoms", kind="fern")
    with pytest.raises(AnswerError) as refused:
        session.answer([])
    assert refusal(refused.value) == "Please pick at least one answer."
    with pytest.raises(AnswerError) as refused:
        session.answer(["yellow", "brown", "droop", "spots"])
    assert refusal(refused.value) == "Please pick no more than 3."
    with pytest.raises(AnswerError) as refused:
        session.answer(["yellow", "nothing"])
    assert refusal(refused.value) == "'Nothing of these' cannot be picked together with others."
    session.answer(["spots", "yellow"])
    assert session.history[-1].options == ("yellow", "spots")  # the tree's order


def test_toggle_makes_exclusive_options_clear_each_other(example_tree: Tree) -> None:
    session = walk_to(example_tree, "symptoms", kind="fern")
    selection = session.toggle((), "yellow")
    selection = session.toggle(selection, "brown")
    assert selection == ("yellow", "brown")
    assert session.toggle(selection, "nothing") == ("nothing",)
    assert session.toggle(("nothing",), "droop") == ("droop",)
    assert session.toggle(("droop",), "droop") == ()


def test_routes_follow_guards_and_option_next(example_tree: Tree) -> None:
    cactus = walk_to(example_tree, "kind")
    cactus.answer(["cactus"])
    assert cactus.current.id == "cactus_water"
    unsure = walk_to(example_tree, "kind")
    unsure.answer(["unsure"])
    assert unsure.current.id == "photo"


def test_nodes_whose_when_fails_are_skipped(example_tree: Tree) -> None:
    session = walk(
        example_tree,
        {
            "danger": ["none"],
            "kind": ["cactus"],
            "cactus_water": ["weekly"],
            "symptoms": ["yellow"],
        },
    )
    assert session.finished and session.skipped == ("humidity",)
    asked = walk(
        example_tree,
        {"danger": ["none"], "kind": ["fern"], "symptoms": ["yellow"], "humidity": ["moist"]},
    )
    assert asked.finished and asked.skipped == ()


def test_back_restores_the_previous_question_with_its_answer(example_tree: Tree) -> None:
    session = walk_to(example_tree, "symptoms", kind="fern")
    session.answer(["yellow", "brown"])
    assert session.current.id == "humidity"
    assert "brown" in session.facts
    assert session.back()
    assert session.current.id == "symptoms"
    assert session.preselected == ("yellow", "brown")
    assert "brown" not in session.facts  # facts come only from answers that stand


def test_back_at_the_start_does_nothing(example_tree: Tree) -> None:
    session = Session(example_tree)
    assert not session.back()
    assert session.current.id == "welcome"


def test_changing_an_earlier_answer_drops_what_no_longer_applies(example_tree: Tree) -> None:
    session = walk(
        example_tree,
        {"danger": ["pets"], "kind": ["cactus"], "cactus_water": ["daily"], "symptoms": ["yellow"]},
    )
    assert {"overwater", "cactus", "pet"} <= session.facts
    assert [f.id for f in session.red_flags] == ["pets"]
    session.change_answer("kind", ["fern"])
    # cactus_water is no longer on the route: its fact is gone; symptoms still applies and is
    # replayed; humidity is now asked (fern) and had no answer, so the walk waits there.
    assert session.current.id == "humidity"
    assert "overwater" not in session.facts and "cactus" not in session.facts
    assert {"fern", "yellow", "pet"} <= session.facts
    assert [a.node for a in session.history] == ["welcome", "danger", "kind", "symptoms"]
    session.change_answer("danger", ["none"])
    assert session.red_flags == ()
    assert "pet" not in session.facts


def test_an_invalid_change_changes_nothing(example_tree: Tree) -> None:
    session = walk_to(example_tree, "symptoms", kind="fern")
    before = (session.history, session.facts, session.current.id)
    with pytest.raises(AnswerError):
        session.change_answer("kind", ["cactus", "fern"])
    assert (session.history, session.facts, session.current.id) == before


def test_go_to_a_breadcrumb_and_restart(example_tree: Tree) -> None:
    session = walk_to(example_tree, "symptoms", kind="fern")
    assert session.go_to("danger")
    assert session.current.id == "danger" and session.preselected == ("none",)
    assert not session.go_to("humidity")  # never answered
    session.restart()
    assert session.current.id == "welcome"
    assert session.history == () and session.facts == frozenset() and session.preselected == ()


def test_red_flags_are_raised_the_moment_they_are_answered(example_tree: Tree) -> None:
    session = walk_to(example_tree, "danger")
    raised = session.answer(["fire", "pets"])
    assert [f.id for f in raised] == ["fire", "pets"]
    assert [f.id for f in session.red_flags] == ["fire", "pets"]


def test_progress_counts_questions_not_pages(example_tree: Tree) -> None:
    session = Session(example_tree)
    welcome = session.progress()
    assert welcome.step == 0  # a page to read: no question answered yet
    # danger, kind, (cactus_water or the photo page), symptoms, humidity: 4 to 5 questions
    assert (welcome.fewest, welcome.most) == (4, 5)
    session.answer([])
    assert session.progress() == welcome.__class__(1, 4, 5)  # the first question is number 1
    session.answer(["none"])
    session.answer(["unsure"])  # to the photo page: two questions answered, none counted here
    assert session.progress().step == 2


def test_walk_names_the_first_unanswered_question(example_tree: Tree) -> None:
    with pytest.raises(MissingAnswer) as missing:
        walk(example_tree, {"danger": ["none"]})
    assert missing.value.node.id == "kind"


def test_sessions_are_independent(example_tree: Tree) -> None:
    one, two = Session(example_tree), Session(example_tree)
    one.answer([])
    assert two.current.id == "welcome"


def walk_to(tree: Tree, node_id: str, kind: str = "fern") -> Session:
    """A session stopped at `node_id`, answering the example's questions on the way."""
    answers = {"welcome": [], "danger": ["none"], "kind": [kind], "cactus_water": ["weekly"]}
    session = Session(tree)
    while session.current.id != node_id:
        session.answer(answers[session.current.id])
    return session


def test_what_if_changes_a_fork_and_leaves_the_session_alone(example_tree: Tree) -> None:
    from wizard.render.reasons import compare

    session = walk(
        example_tree,
        {"danger": ["none"], "kind": ["cactus"], "cactus_water": ["daily"], "symptoms": ["yellow"]},
    )
    before = session.summary()
    other = session.what_if("cactus_water", ["monthly"])
    assert [a.options for a in session.history if a.node == "cactus_water"] == [("daily",)]
    assert other.finished
    change = compare(before, other.summary())
    assert change.added == ("Keep doing what you do",)
    assert change.dropped == ()  # yellow leaves still list "Water less"
    fern = session.what_if("kind", ["fern"])
    assert fern.current.id == "humidity"  # a question the new route meets, never answered
    assert compare(before, before).unchanged


def test_replay_walks_a_recorded_route_or_says_where_it_breaks(example_tree: Tree) -> None:
    """One strict replay for every saved route (web state, covering routes): it walks exactly
    as recorded, or names the node where the record stops fitting."""
    route = [("welcome", ()), ("danger", ("none",)), ("kind", ("fern",))]
    session = replay(example_tree, route)
    assert [a.node for a in session.answered] == ["danger", "kind"]  # questions answered
    with pytest.raises(OffRoute) as off:
        replay(example_tree, [("welcome", ()), ("kind", ("fern",))])
    assert (off.value.reason, off.value.node) == ("off_route", "kind")
    with pytest.raises(AnswerError) as refused:
        replay(example_tree, [("welcome", ()), ("danger", ("none", "fire"))])
    assert refused.value.node == "danger" and not isinstance(refused.value, OffRoute)
