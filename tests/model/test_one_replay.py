"""The one replay of answers into a Session (`Session.replay` and its modes), and a scan that no
other code feeds answers into a session one by one."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from wizard.model.loader import load_tree
from wizard.model.machine import (
    AnswerError,
    MissingAnswer,
    Mode,
    OffRoute,
    Session,
    replay,
    walk,
)
from wizard.model.tree import Node, Tree

SMALL = Path(__file__).resolve().parents[1] / "trees" / "cover.yaml"
WIZARD = Path(__file__).resolve().parents[2] / "wizard"


@pytest.fixture(scope="module")
def small() -> Tree:
    return load_tree(SMALL)


# -- strict: ROUTE and WALK raise, naming the node -----------------------------------------------
def test_a_route_replays_exactly_as_recorded(small: Tree) -> None:
    route = [("flags", ("smoke",)), ("road", ("right",)), ("right_page", ()), ("tail", ("x",))]
    replayed = Session(small).replay(route, Mode.ROUTE)
    assert replayed.session.finished
    assert [step.node for step in replayed.steps] == ["flags", "road", "right_page", "tail"]
    assert [flag.id for flag in replayed.raised] == ["smoke"]


def test_a_route_answer_that_does_not_fit_raises_naming_its_node(small: Tree) -> None:
    with pytest.raises(AnswerError) as refused:
        replay(small, [("flags", ("none",)), ("road", ("left", "right"))])
    assert refused.value.node == "road" and refused.value.reason == "pick_one"
    assert str(refused.value) == "road: pick_one"
    assert not isinstance(refused.value, OffRoute)


def test_a_route_step_elsewhere_or_past_the_end_raises_off_route(small: Tree) -> None:
    with pytest.raises(OffRoute) as off:
        replay(small, [("flags", ("none",)), ("tail", ("x",))])  # 'road' comes first
    assert (off.value.reason, off.value.node) == ("off_route", "tail")
    assert str(off.value) == "tail: off_route"
    done = [("flags", ("none",)), ("road", ("right",)), ("right_page", ()), ("tail", ("x",))]
    with pytest.raises(OffRoute) as past:
        replay(small, [*done, ("picks", ("a",))])
    assert (past.value.reason, past.value.node) == ("past_end", "picks")


def test_walk_raises_at_a_question_without_an_answer_or_an_answer_refused(small: Tree) -> None:
    with pytest.raises(MissingAnswer) as missing:
        walk(small, {"flags": ["none"], "road": ["left"]})
    assert missing.value.node.id == "picks" and "picks" in str(missing.value)
    with pytest.raises(AnswerError) as refused:
        walk(small, {"flags": ["none"], "road": ["left"], "picks": ["a", "b", "c"]})
    assert (refused.value.node, refused.value.reason) == ("picks", "too_many")
    assert refused.value.values == {"most": "2"}


def test_walk_goes_past_pages_and_leaves_answers_off_the_route_unused(small: Tree) -> None:
    answers = {"flags": ("none",), "road": ("right",), "tail": ("y",), "picks": ("a",)}
    replayed = Session(small).replay(answers.items(), Mode.WALK)
    assert replayed.session.finished
    assert [a.node for a in replayed.session.history] == ["flags", "road", "right_page", "tail"]
    assert replayed.unused == ("picks",)


# -- lenient: CARRY stops and says which answers no longer fit ------------------------------------
def test_carry_stops_at_the_first_answer_that_no_longer_fits_and_says_which(small: Tree) -> None:
    answers = [("flags", ("none",)), ("road", ("left",)), ("picks", ("a", "b", "c")),
               ("tail", ("x",))]
    replayed = Session(small).replay(answers, Mode.CARRY)  # no exception
    assert replayed.session.current.id == "picks"
    refused = replayed.refused
    assert refused is not None and refused.node == "picks"
    assert refused.refused is not None and refused.refused.reason == "too_many"
    assert [a.node for a in replayed.session.history] == ["flags", "road"]
    assert replayed.unused == ("tail",)


def test_carry_leaves_out_options_the_tree_no_longer_has(small: Tree) -> None:
    answers = [("flags", ("none", "fog")), ("road", ("left",))]
    replayed = Session(small).replay(answers, Mode.CARRY)
    first = replayed.steps[0]
    assert (first.node, first.given, first.answer, first.left_out) == (
        "flags", ("none", "fog"), ("none",), ("fog",))
    assert replayed.refused is None
    assert replayed.session.current.id == "picks"  # no answer for it: the replay waits there


def test_carry_stops_at_a_page_the_person_has_not_read(small: Tree) -> None:
    answers = [("flags", ("none",)), ("road", ("right",)), ("tail", ("x",))]
    carried = Session(small).replay(answers, Mode.CARRY)
    assert carried.session.current.id == "right_page" and carried.unused == ("tail",)
    assert walk(small, dict(answers)).finished  # WALK goes on past it


def test_carry_continues_a_session_from_where_it_stands(small: Tree) -> None:
    session = walk(small, {"flags": ["none"], "road": ["left"], "picks": ["a"], "tail": ["x"]})
    changed = session.fork()
    raised = changed.change_answer("flags", ["smoke"])  # the later answers all still fit
    assert changed.finished and [flag.id for flag in raised] == ["smoke"]
    assert [a.node for a in changed.history] == ["flags", "road", "picks", "tail"]
    assert session.history[0].options == ("none",)


# -- FILL: to an outcome whatever happens -------------------------------------------------------
def _first(node: Node) -> tuple[str, ...]:
    return (node.options[0].id,)


def test_fill_answers_what_was_not_given_or_does_not_fit(small: Tree) -> None:
    answers = [("flags", ("none",)), ("picks", ("a", "b", "c"))]
    replayed = Session(small).replay(answers, Mode.FILL, _first)
    assert replayed.session.finished and replayed.refused is None
    by_node = {step.node: step for step in replayed.steps}
    assert by_node["road"].given is None and by_node["road"].filled
    assert by_node["road"].answer == ("left",)
    assert by_node["picks"].given == ("a", "b", "c") and by_node["picks"].filled
    assert by_node["picks"].answer == ("a",)
    assert not by_node["flags"].filled and by_node["tail"].filled


def test_fill_stops_when_its_own_answer_is_refused_too(small: Tree) -> None:
    replayed = Session(small).replay((), Mode.FILL, lambda node: ())
    refused = replayed.refused
    assert refused is not None and refused.node == "flags" and refused.filled
    assert refused.refused is not None and refused.refused.reason == "too_few"
    assert replayed.session.current.id == "flags" and not replayed.session.history


def test_only_fill_takes_a_fill(small: Tree) -> None:
    with pytest.raises(TypeError):
        Session(small).replay((), Mode.FILL)
    with pytest.raises(TypeError):
        Session(small).replay((), Mode.CARRY, _first)


# -- one replay: nobody else feeds answers into a session one by one ----------------------------
# Single answers are fine anywhere (a front end answering for the person). A call of `.answer(`
# inside a loop is a replay by hand, except where a search explores one new answer per branch.
EXPLORING = {
    ("model/paths.py", "_walk"): "wizard paths: the last answer of a branch carries on",
    ("model/diff.py", "search"): "wizard diff: one answer per branch of the search",
    ("ask/session.py", "teach_back"): "a teach-back run, not a Session",
}


_LOOPS = (ast.For, ast.AsyncFor, ast.While, ast.ListComp, ast.SetComp, ast.DictComp,
          ast.GeneratorExp)


def _answers_in_loops(path: Path) -> list[tuple[str, int]]:
    """(enclosing function, line) of every `.answer(...)` call inside a for or while loop."""
    found: list[tuple[str, int]] = []

    def visit(node: ast.AST, function: str, looped: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                visit(child, child.name, False)
                continue
            in_loop = looped or isinstance(child, _LOOPS)
            if (in_loop and isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute)
                    and child.func.attr == "answer"):
                found.append((function, child.lineno))
            visit(child, function, in_loop)

    visit(ast.parse(path.read_text(encoding="utf-8")), "", False)
    return found


def test_no_module_but_the_machine_replays_answers_by_hand() -> None:
    by_hand = []
    for path in sorted(WIZARD.rglob("*.py")):
        where = path.relative_to(WIZARD).as_posix()
        if where == "model/machine.py":
            continue
        for function, line in _answers_in_loops(path):
            if (where, function) not in EXPLORING:
                by_hand.append(f"wizard/{where}:{line} in {function}()")
    assert not by_hand, (
        "answers fed to a Session in a loop; use Session.replay with a Mode instead: "
        + "; ".join(by_hand)
    )


def test_the_scan_finds_a_replay_by_hand(tmp_path: Path) -> None:
    """The scan above can fail: a hand-written replay like the old ones is caught."""
    copy = tmp_path / "hand.py"
    copy.write_text(
        "def again(session, answers):\n"
        "    for answer in answers:\n"
        "        session.answer(answer)\n"
        "    while not session.finished:\n"
        "        if True:\n"
        "            session.answer(())\n",
        encoding="utf-8",
    )
    assert _answers_in_loops(copy) == [("again", 3), ("again", 6)]
