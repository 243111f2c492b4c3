"""The page view: what a step's page says, decided once from a Session for every front end."""

from __future__ import annotations

from dataclasses import replace

from wizard.model.machine import Session
from wizard.model.tree import Node, Tree
from wizard.render.pageview import OPTION_KEYS, build_page, option_key
from wizard.render.words import t


def test_a_page_to_read_counts_no_question_and_cannot_go_back(example_tree: Tree) -> None:
    view = build_page(Session(example_tree))
    assert (view.kind, view.heading, view.question) == ("page", "Welcome", False)
    assert view.paragraphs == ("We will ask a few questions about your plant.",)
    assert view.help == ("It takes about a minute.",)
    assert view.progress == "Questions answered: 0 of about 5"
    assert not view.can_go_back and view.options == () and view.rule == ""


def test_a_multi_select_states_its_rule_keys_and_the_answer_on_its_own(
    example_tree: Tree,
) -> None:
    session = Session(example_tree)
    session.answer(())
    view = build_page(session)
    assert view.kind == "many" and view.can_go_back
    assert view.progress == "Question 1 of about 5"  # the welcome page is not a question
    assert view.rule == "Pick all that apply."
    assert [(o.number, o.key, o.label) for o in view.options] == [
        (1, "1", "Smoke from the lamp"), (2, "2", "A pet ate the leaves"), (3, "3", "None of these"),
    ]  # fmt: skip
    assert [o.alone_words for o in view.options] == ["", "", t("on_its_own")]
    session.answer(["none"])
    session.answer(["fern"])
    limited = build_page(session)
    assert limited.node == "symptoms" and limited.rule == "Pick 1 to 3."  # from min and max


def test_the_page_after_a_red_flag_carries_its_advice_once(example_tree: Tree) -> None:
    session = Session(example_tree)
    session.answer(())
    session.answer(["fire", "pets"])
    view = build_page(session)
    assert [u.id for u in view.urgent] == ["fire", "pets"]
    assert view.urgent[0].heading == t("urgent_line", title=view.urgent[0].title)
    session.answer(["fern"])
    assert build_page(session).urgent == ()  # said on the page it led to, not on every page


def test_the_answer_given_before_going_back_is_shown_chosen(example_tree: Tree) -> None:
    session = Session(example_tree)
    session.answer(())
    session.answer(["pets"])
    session.back()
    assert [o.chosen for o in build_page(session).options] == [False, True, False]
    assert [o.chosen for o in build_page(session, ["fire"]).options] == [True, False, False]


def test_every_answer_has_one_key_and_q_is_never_one() -> None:
    assert len(set(OPTION_KEYS)) == len(OPTION_KEYS) and "q" not in OPTION_KEYS
    assert [option_key(i) for i in (0, 8, 9, 10)] == ["1", "9", "a", "b"]
    assert option_key(len(OPTION_KEYS)) == ""


def test_a_draft_translation_says_so_on_each_page(example_tree: Tree) -> None:
    draft = replace(example_tree, translation="draft")
    assert build_page(Session(draft)).draft == t("draft_translation")
    assert build_page(Session(example_tree)).draft == ""


def test_tree_text_reaches_the_view_without_control_characters(example_tree: Tree) -> None:
    welcome = example_tree.nodes["welcome"]
    hostile: Node = replace(welcome, prompt="Wel\x1b[31mcome", text="a\x07b")
    tree = replace(example_tree, nodes={**example_tree.nodes, "welcome": hostile})
    view = build_page(Session(tree))
    assert "\x1b" not in view.heading and view.paragraphs == ("ab",)
