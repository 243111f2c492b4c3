"""FHIR outputs: the tree as a Questionnaire, a session's answers as a QuestionnaireResponse.

Both are validated with `fhir.resources` (its R4B models, whose Questionnaire and
QuestionnaireResponse are R4's), plus the value sets that library does not check. The enableWhen
mapping is checked on small trees one rule at a time, and against the session itself: on every
route, each question the session asks is enabled by the Questionnaire's own rules, and each one
it skips for its `when` is not.
"""

from __future__ import annotations

import dataclasses
import itertools
import textwrap
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from tests.conftest import EXAMPLE, ROOT
from tests.content.routes import all_routes, neuro
from wizard.model.loader import check_text, load_tree
from wizard.model.machine import Session, walk
from wizard.model.tree import Node, Tree
from wizard.render.fhir import (
    DROPPED_EXTENSION,
    build_questionnaire,
    build_response,
    option_system,
    questionnaire_url,
)

BUNDLED = ROOT / "trees" / "paraneoplastic.yaml"
HOSTILE = Path(__file__).parents[1] / "trees" / "hostile.yaml"
WHEN = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)
CACTUS = {"danger": ["pets"], "kind": ["cactus"], "cactus_water": ["daily"], "symptoms": ["yellow"]}


# -- reading the resources back ----------------------------------------------------------------
def valid_questionnaire(data: dict[str, Any]) -> Questionnaire:
    """Validated by fhir.resources, plus the codes it leaves unchecked."""
    model = Questionnaire.model_validate(data)
    assert data["status"] in {"draft", "active", "retired", "unknown"}
    for item in data["item"]:
        assert item["type"] in {"choice", "display"}
        assert item.get("enableBehavior", "all") in {"all", "any"}
        for test in item.get("enableWhen", ()):
            assert test["operator"] in {"=", "!="}
    return model


def valid_response(data: dict[str, Any]) -> QuestionnaireResponse:
    model = QuestionnaireResponse.model_validate(data)
    assert data["status"] in {"in-progress", "completed"}
    return model


def enabled(questionnaire: Mapping[str, Any], answers: Mapping[str, set[str]]) -> set[str]:
    """The items a FHIR form filler enables for these answers (R4 rules: an answer to a disabled
    item counts as no answer; `!=` holds when no answer equals)."""
    on: set[str] = set()
    for item in questionnaire["item"]:
        tests = item.get("enableWhen", [])
        results = []
        for test in tests:
            given = answers.get(test["question"], set()) if test["question"] in on else set()
            code = test["answerCoding"]["code"]
            results.append(code in given if test["operator"] == "=" else code not in given)
        combine = any if item.get("enableBehavior") == "any" else all
        if not tests or combine(results):
            on.add(item["linkId"])
    return on


def dropped_ids(questionnaire: Mapping[str, Any]) -> set[str]:
    return {
        item["linkId"]
        for item in questionnaire["item"]
        if any(e["url"] == DROPPED_EXTENSION for e in item.get("extension", ()))
    }


def small_tree(nodes: str) -> Tree:
    """A tree with just these nodes (YAML, under `nodes:`), starting at `a`, ending at `end`."""
    text = (
        textwrap.dedent(
            """\
        format: 1
        id: small
        title: Small
        version: "1"
        review: {last_reviewed: 2026-01-01, next_review: 2027-01-01}
        disclaimer: Test only.
        start: a
        nodes:
        """
        )
        + textwrap.indent(textwrap.dedent(nodes), "  ")
        + "  end: {kind: outcome, title: End}\n"
    )
    tree, diagnostics = check_text(text, "small.yaml")
    assert tree is not None, [str(d) for d in diagnostics]
    return tree


def items_of(tree: Tree) -> dict[str, dict[str, Any]]:
    data = build_questionnaire(tree).resource
    valid_questionnaire(data)
    return {item["linkId"]: item for item in data["item"]}


def rule(item: Mapping[str, Any]) -> tuple[str | None, list[tuple[str, str, str]]]:
    """(enableBehavior, [(question, operator, code)]) in a form easy to compare."""
    tests = [
        (t["question"], t["operator"], t["answerCoding"]["code"])
        for t in item.get("enableWhen", ())
    ]
    return item.get("enableBehavior"), tests


# -- every route of a tree, by the session ---------------------------------------------------------
def _picks(node: Node) -> Iterator[tuple[str, ...]]:
    if node.kind == "info":
        yield ()
        return
    singles = [(o.id,) for o in node.options]
    yield from singles
    if node.kind == "multi" and node.max_picks >= 2:
        plain = [o.id for o in node.options if not o.exclusive]
        yield from itertools.combinations(plain, 2)


def every_route(tree: Tree, limit: int = 5000) -> Iterator[Session]:
    """Sessions at the outcome for every answer (multi: each option, and each pair)."""
    stack = [Session(tree)]
    count = 0
    while stack and count < limit:
        session = stack.pop()
        if session.finished:
            count += 1
            yield session
            continue
        for pick in _picks(session.current):
            twin = session.fork()
            twin.answer(pick)
            stack.append(twin)


def assert_session_matches(questionnaire: Mapping[str, Any], session: Session) -> None:
    answers = {a.node: set(a.options) for a in session.history}
    on = enabled(questionnaire, answers)
    asked = [a.node for a in session.history]
    assert set(asked) <= on, f"asked but disabled: {set(asked) - on} ({answers})"
    hidden = set(session.skipped) - dropped_ids(questionnaire)
    assert not hidden & on, f"skipped but enabled: {hidden & on} ({answers})"


# -- the bundled tree and the example ------------------------------------------------------------
@pytest.mark.parametrize("path", [BUNDLED, EXAMPLE], ids=["bundled", "example"])
def test_questionnaire_is_valid_fhir_with_an_item_per_node(path: Path) -> None:
    tree = load_tree(path)
    data = build_questionnaire(tree).resource
    model = valid_questionnaire(data)
    assert model.url == questionnaire_url(tree) and model.version == tree.version
    assert model.title == tree.title and data["lastReviewDate"] == tree.review.last_reviewed
    ids = [item["linkId"] for item in data["item"]]
    assert sorted(ids) == sorted(n for n, node in tree.nodes.items() if node.kind != "outcome")
    position = {link: n for n, link in enumerate(ids)}
    for item in data["item"]:
        node = tree.nodes[item["linkId"]]
        assert item["type"] == ("display" if node.kind == "info" else "choice")
        assert item.get("repeats", False) == (node.kind == "multi")
        codings = [o["valueCoding"] for o in item.get("answerOption", ())]
        assert [(c["code"], c["display"]) for c in codings] == [
            (o.id, o.label) for o in node.options
        ]
        assert {c["system"] for c in codings} <= {option_system(tree, node.id)}
        for test in item.get("enableWhen", ()):  # earlier questions only, never a display item
            assert position[test["question"]] < position[item["linkId"]]
            assert tree.nodes[test["question"]].is_question


def test_bundled_questionnaire_expresses_every_condition_and_the_body_system_branches() -> None:
    export = build_questionnaire(load_tree(BUNDLED))
    items = {item["linkId"]: item for item in export.resource["item"]}
    assert export.dropped == () and "extension" not in export.resource
    assert rule(items["syndrome"]) == (
        "any",
        [("body_system", "=", "nervous"), ("body_system", "=", "unsure")],
    )
    assert rule(items["hormones_info"]) == (None, [("body_system", "=", "hormones")])
    assert rule(items["omx_age"]) == (None, [("syndrome", "=", "omx")])
    assert "enableWhen" not in items["cancer_status"]


def test_example_routes_agree_with_the_session() -> None:
    tree = load_tree(EXAMPLE)
    questionnaire = build_questionnaire(tree).resource
    sessions = list(every_route(tree))
    assert len(sessions) > 50
    for session in sessions:
        assert_session_matches(questionnaire, session)
        response = build_response(session.summary(), WHEN)
        valid_response(response)


def test_bundled_routes_agree_with_the_session() -> None:
    tree = load_tree(BUNDLED)
    questionnaire = build_questionnaire(tree).resource
    routes = [*all_routes(), neuro("lems", red_flags=["breathing"]), neuro("mg", ["none"])]
    for answers in routes:
        assert_session_matches(questionnaire, walk(tree, answers))


@pytest.mark.parametrize("path", [BUNDLED, EXAMPLE], ids=["bundled", "example"])
def test_response_is_valid_fhir_and_answers_the_questionnaires_options(path: Path) -> None:
    tree = load_tree(path)
    answers = CACTUS if path == EXAMPLE else neuro("lems", ["weakness"], taken=["ivig_plex"])
    data = build_response(walk(tree, answers).summary(), WHEN)
    model = valid_response(data)
    assert model.questionnaire == f"{questionnaire_url(tree)}|{tree.version}"
    assert data["status"] == "completed" and data["authored"] == "2026-11-22T09:30:00+00:00"
    items = {i["linkId"]: i for i in build_questionnaire(tree).resource["item"]}
    picked = {}
    for item in data["item"]:
        offered = [o["valueCoding"] for o in items[item["linkId"]]["answerOption"]]
        for answer in item["answer"]:
            assert answer["valueCoding"] in offered
        picked[item["linkId"]] = [a["valueCoding"]["code"] for a in item["answer"]]
    expected = {k: v for k, v in answers.items() if tree.nodes[k].is_question}
    assert picked == expected


def test_response_of_an_unfinished_session_is_in_progress() -> None:
    tree = load_tree(EXAMPLE)
    session = Session(tree)
    session.answer([])
    session.answer(["none"])
    data = build_response(session.summary(), WHEN)
    valid_response(data)
    assert data["status"] == "in-progress"
    assert [i["linkId"] for i in data["item"]] == ["danger"]


# -- enableWhen, rule by rule -------------------------------------------------------------------
A_CHOICE = """\
a:
  kind: choice
  prompt: A?
  options:
    - {id: x, label: X, sets: [fx, shared]}
    - {id: y, label: Y, sets: [fy]}
    - {id: z, label: Z, sets: [shared]}
  next: m
m:
  kind: multi
  prompt: M?
  options:
    - {id: p, label: P, sets: [fp]}
    - {id: q, label: Q, sets: [fq]}
    - {id: n, label: None, exclusive: true}
  next: b
"""


def b_when(condition: str) -> Tree:
    return small_tree(
        A_CHOICE
        + f"""\
b:
  kind: choice
  prompt: B?
  when: {condition}
  options:
    - {{id: k, label: K, sets: [fk]}}
    - {{id: l, label: L}}
  next: end
"""
    )


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ("fx", (None, [("a", "=", "x")])),
        ("shared", ("any", [("a", "=", "x"), ("a", "=", "z")])),
        ("{any: [fy, fp]}", ("any", [("a", "=", "y"), ("m", "=", "p")])),
        ("{all: [fx, fp, fq]}", ("all", [("a", "=", "x"), ("m", "=", "p"), ("m", "=", "q")])),
        ("{not: fx}", (None, [("a", "!=", "x")])),
        ("{not: shared}", ("all", [("a", "!=", "x"), ("a", "!=", "z")])),
        ("{not: {any: [fx, fp]}}", ("all", [("a", "!=", "x"), ("m", "!=", "p")])),
        ("{all: [fy, {not: fp}]}", ("all", [("a", "=", "y"), ("m", "!=", "p")])),
        ("{any: [fy, {not: fp}]}", ("any", [("a", "=", "y"), ("m", "!=", "p")])),
        ("{any: [always, fx]}", (None, [])),
        ("{all: [always, fx]}", (None, [("a", "=", "x")])),
    ],
)
def test_a_when_that_flattens_becomes_enable_when(
    condition: str, expected: tuple[str | None, list[tuple[str, str, str]]]
) -> None:
    tree = b_when(condition)
    assert rule(items_of(tree)["b"]) == expected
    assert build_questionnaire(tree).dropped == ()
    questionnaire = build_questionnaire(tree).resource
    for session in every_route(tree):
        assert_session_matches(questionnaire, session)


@pytest.mark.parametrize(
    "condition",
    ["{all: [shared, fp]}", "{any: [{all: [fx, fp]}, fq]}", "{all: [{not: fx}, {any: [fp, fq]}]}"],
)
def test_a_when_that_does_not_flatten_is_left_out_and_said(condition: str) -> None:
    tree = b_when(condition)
    export = build_questionnaire(tree)
    item = {i["linkId"]: i for i in export.resource["item"]}["b"]
    assert "enableWhen" not in item
    assert [node for node, _ in export.dropped] == ["b"]
    note = [e["valueString"] for e in item["extension"] if e["url"] == DROPPED_EXTENSION]
    assert len(note) == 1 and note[0].startswith("when ")
    assert [e["valueString"] for e in export.resource["extension"]] == [
        f"b: {export.dropped[0][1]}"
    ]
    assert "- b: when" in export.resource["description"]
    valid_questionnaire(export.resource)
    for session in every_route(tree):  # left out: shown more often, never hidden wrongly
        assert_session_matches(export.resource, session)


def test_only_answers_that_can_come_earlier_count() -> None:
    """A fact set by the node itself or a later one cannot hold when the node is met."""
    tree = small_tree(
        """\
a:
  kind: choice
  prompt: A?
  options:
    - {id: x, label: X, sets: [early]}
    - {id: y, label: Y}
  next: b
b:
  kind: choice
  prompt: B?
  when: {any: [early, late]}
  options:
    - {id: k, label: K, sets: [late]}
    - {id: l, label: L}
  next: c
c:
  kind: info
  prompt: C
  when: never_before
  next: d
d:
  kind: choice
  prompt: D?
  options:
    - {id: s, label: S, sets: [never_before]}
  next: end
"""
    )
    export = build_questionnaire(tree)
    items = {i["linkId"]: i for i in export.resource["item"]}
    assert rule(items["b"]) == (None, [("a", "=", "x")])
    assert "enableWhen" not in items["c"]
    assert export.dropped == (("c", "when never_before: no earlier answer can make it hold"),)


def test_a_node_reached_only_by_given_answers_is_enabled_by_them() -> None:
    tree = small_tree(
        """\
a:
  kind: choice
  prompt: A?
  options:
    - {id: x, label: X, sets: [fx], next: side}
    - {id: y, label: Y, next: side}
    - {id: z, label: Z}
  next: b
side:
  kind: info
  prompt: Side
  next: b
b:
  kind: choice
  prompt: B?
  options:
    - {id: k, label: K, next: only_k}
    - {id: l, label: L}
  next: end
only_k:
  kind: choice
  prompt: Only K?
  when: fx
  options:
    - {id: s, label: S}
  next: end
"""
    )
    items = items_of(tree)
    assert rule(items["side"]) == ("any", [("a", "=", "x"), ("a", "=", "y")])
    assert "enableWhen" not in items["b"]  # reached whatever was picked
    assert rule(items["only_k"]) == ("all", [("b", "=", "k"), ("a", "=", "x")])
    for session in every_route(tree):
        assert_session_matches(build_questionnaire(tree).resource, session)


# -- tree text is data --------------------------------------------------------------------------
def _hostile() -> Tree:
    """hostile.yaml with control characters added in memory (the checker refuses them)."""
    tree = load_tree(HOSTILE)
    nodes = dict(tree.nodes)
    danger = nodes["danger"]
    nodes["danger"] = dataclasses.replace(
        danger,
        prompt=danger.prompt + "\x1b]0;owned\x07\u202e",
        options=(
            dataclasses.replace(danger.options[0], label="Urgent\x1b[2J"),
            *danger.options[1:],
        ),
    )
    return dataclasses.replace(tree, nodes=nodes, description=tree.description + " [x](y)\x1b[31m")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_hostile_text_stays_plain_strings_without_control_characters() -> None:
    tree = _hostile()
    data = build_questionnaire(tree).resource
    valid_questionnaire(data)
    session = walk(tree, {"danger": ["urgent"], "drug": ["ritux"]})
    response = build_response(session.summary(), WHEN)
    valid_response(response)
    for text in [*_strings(data), *_strings(response)]:
        assert not any(ord(c) < 32 and c not in "\n\t" for c in text), repr(text)
        assert "\x1b" not in text and "\u202e" not in text and "\x7f" not in text
    items = {i["linkId"]: i for i in data["item"]}
    assert items["danger"]["text"] == "Question Drug [/]]0;owned"  # as written, nothing escaped
    assert items["drug"]["answerOption"][0]["valueCoding"]["display"] == "Rituximab [Rituxan]"
    assert response["item"][0]["answer"][0]["valueCoding"]["display"] == "Urgent[2J"
    # `description` is FHIR markdown: the tree's brackets there are escaped, never a link
    assert r"Rituximab \[Rituxan\]" in data["description"]
    assert r"\[x\](y)" in data["description"] and "[x](y)" not in data["description"]


def test_a_response_with_nothing_answered_yet_has_no_empty_item_list() -> None:
    data = build_response(Session(load_tree(EXAMPLE)).summary(), WHEN)
    valid_response(data)
    assert "item" not in data and data["status"] == "in-progress"
