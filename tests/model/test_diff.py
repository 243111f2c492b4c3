"""`wizard diff OLD NEW` (model/diff.py, render/diff.py): two editions of a small tree walked on
the same routes, differences grouped by what changed and on which routes."""

from __future__ import annotations

from pathlib import Path

import pytest

from wizard.model.diff import compare_trees, cover_routes, diff_trees, spans, walk_route
from wizard.model.loader import load_tree
from wizard.model.tree import Tree
from wizard.render.diff import render_markdown, render_text

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "tests" / "trees" / "cover.yaml"
EDITS = {
    # right_x now needs Y instead of X: dropped where right+x, added where right+y.
    "when: {all: [right, x]}": "when: {all: [right, y]}",
    "about: Always listed.": "about: Listed for everyone.",
    # Option c is gone: routes that picked it must say so.
    "      - {id: c, label: C, sets: [c]}\n": "",
    "  - {text: Never asked (route)?, when: {all: [right, c]}}\n": "",
    "- {text: Ask about C?, when: c}": "- {text: Ask about option C?, when: b}",
}


@pytest.fixture(scope="module")
def old() -> Tree:
    return load_tree(SMALL)


@pytest.fixture(scope="module")
def new(tmp_path_factory: pytest.TempPathFactory) -> Tree:
    text = SMALL.read_text(encoding="utf-8")
    for before, after in EDITS.items():
        assert before in text
        text = text.replace(before, after)
    never = "  never_route:\n    {name: Never (route), group: g, about: right and c., "
    never += "when: {all: [right, c]}, sources: [s]}\n"
    assert never in text
    text = text.replace(never, "")
    path = tmp_path_factory.mktemp("v2") / "cover.yaml"
    path.write_text(text.replace('version: "1"', 'version: "2"'), encoding="utf-8")
    return load_tree(path)


def test_same_tree_is_equal(old: Tree) -> None:
    diff = compare_trees(old, old, cover_routes(old), "cover")
    assert diff.equal
    assert "no differences" in render_text(diff)


def test_items_added_and_dropped_on_the_right_routes(old: Tree, new: Tree) -> None:
    diff = compare_trees(old, new, cover_routes(old, new), "cover")
    assert not diff.equal
    answers = {r.number: r.answers for r in diff.routes}
    changes = {(c.category, c.sign, c.key): c.routes for c in diff.changes}
    dropped = changes[("treatment", "-", "right_x")]
    added = changes[("treatment", "+", "right_x")]
    assert all("road=right" in answers[n] and "tail=x" in answers[n] for n in dropped)
    assert all("road=right" in answers[n] and "tail=y" in answers[n] for n in added)
    assert ("care-team question", "-", "Ask about C?") in changes
    assert ("care-team question", "+", "Ask about option C?") in changes


def test_texts_changed_by_id(old: Tree, new: Tree) -> None:
    diff = compare_trees(old, new, cover_routes(old), "cover")
    texts = {t.where: (t.old, t.new) for t in diff.texts}
    assert texts["the about of resource 'everyone'"] == ("Always listed.", "Listed for everyone.")
    assert texts["the label of option 'c' of node 'picks'"] == ("C", None)


def test_an_answer_gone_from_the_new_version_is_noted(old: Tree, new: Tree) -> None:
    """A route that picked only c cannot pick it on the new version: the walk says so and
    answers the fixed way instead."""
    steps = (("flags", ("none",)), ("road", ("left",)), ("picks", ("c",)), ("tail", ("x",)))
    walked = walk_route(new, steps)
    assert walked.outcome == "end"
    assert any("no option c" in note for note in walked.notes)
    assert "picks=nothing" in walked.answers


def test_text_and_markdown_reports(old: Tree, new: Tree) -> None:
    diff = compare_trees(old, new, cover_routes(old, new), "cover")
    text = render_text(diff)
    assert "Treatments listed" in text and "- right_x (Right and X): dropped on route" in text
    assert "Texts changed" in text and "Routes named above (answers)" in text
    markdown = render_markdown(diff)
    assert "## Treatments listed" in markdown and "right\\_x" in markdown


def test_spans() -> None:
    assert spans([5, 1, 2, 3, 7, 8]) == "1-3, 5, 7-8"


def test_an_incomplete_comparison_does_not_claim_equal(old: Tree) -> None:
    """When a cap kept some routes out, "no differences" is said of these routes only."""
    diff = compare_trees(old, old, cover_routes(old), "capped", complete=False)
    assert diff.equal
    assert "no differences found on these routes, but NOT every route" in render_text(diff)


def test_a_new_question_on_a_route_is_a_step_added_and_noted(
    old: Tree, tmp_path: Path
) -> None:
    """A question inserted after the left road: routes that take it gain a step, answer it
    the fixed way (its first option) and say so."""
    text = SMALL.read_text(encoding="utf-8")
    text = text.replace(
        "      - {id: left, label: Left, sets: [left]}",
        "      - {id: left, label: Left, sets: [left], next: extra}",
    ).replace(
        "  picks:\n",
        "  extra:\n    kind: choice\n    prompt: A new question\n    options:\n"
        "      - {id: yes, label: 'Yes'}\n      - {id: no, label: 'No'}\n    next: picks\n"
        "  picks:\n",
    )
    path = tmp_path / "v3.yaml"
    path.write_text(text, encoding="utf-8")
    new = load_tree(path)
    diff = compare_trees(old, new, cover_routes(old), "cover")
    added = [c for c in diff.changes if c.category == "step" and c.key == "extra"]
    assert added and added[0].sign == "+" and added[0].label == "A new question"
    left = {r.number for r in diff.routes if "road=left" in r.answers}
    assert set(added[0].routes) == left
    assert all(
        any("'extra' is not answered" in note for n, note in diff.notes if n == number)
        for number in left
    )


def _edited(tmp_path: Path, before: str, after: str) -> Tree:
    text = SMALL.read_text(encoding="utf-8")
    assert before in text
    path = tmp_path / "edited.yaml"
    path.write_text(text.replace(before, after), encoding="utf-8")
    return load_tree(path)


def test_a_reworded_group_heading_and_paragraph_is_a_difference(
    old: Tree, tmp_path: Path
) -> None:
    """Once missed: group headings were in no list the diff compared."""
    new = _edited(tmp_path, "{id: g, title: Group}", "{id: g, title: Grouped, about: New words.}")
    diff = diff_trees(old, new)
    assert not diff.equal and diff.differing
    assert "Grouped" in render_text(diff)


def test_a_rule_that_matters_off_the_cover_routes_is_found(old: Tree, tmp_path: Path) -> None:
    """The search walks both editions in lock step, so a rule change is found on whatever
    route it matters, not only on the cover sets'."""
    new = _edited(tmp_path, "when: {all: [a, b]}", "when: {all: [a, b, {not: y}]}")
    diff = diff_trees(old, new)
    assert not diff.equal
    dropped = [c for c in diff.changes if c.key == "both" and c.sign == "-"]
    answers = {r.number: r.answers for r in diff.routes}
    assert dropped and all("tail=y" in answers[n] for n in dropped[0].routes)
    assert all("a,b" in answers[n] for n in dropped[0].routes)


def test_the_same_rule_in_other_words_is_no_difference(old: Tree, tmp_path: Path) -> None:
    new = _edited(tmp_path, "when: {all: [right, x]}", "when: {all: [right, x, always]}")
    diff = diff_trees(old, new)
    assert diff.equal and diff.complete
    assert "no differences: every route reads the same" in render_text(diff)


def test_a_search_cut_short_never_says_no_differences(old: Tree, tmp_path: Path) -> None:
    new = _edited(tmp_path, "when: {all: [right, x]}", "when: {all: [right, x, always]}")
    diff = diff_trees(old, new, states=2)
    assert diff.equal and not diff.complete
    text = render_text(diff)
    assert "NOT every route was compared" in text and "limit of 2 states" in text
    assert "no differences:" not in text


def test_the_search_work_is_bounded_and_said(tmp_path: Path) -> None:
    """Bounded work: a rule change on one treatment of the bundled tree is settled in a few
    hundred search states (only the facts the changed item reads are followed once both
    editions agree on everything ahead), and any search stops at its documented limit with
    one sentence. Work is counted in states, never timed."""
    from wizard.model.diff import search

    bundled = ROOT / "trees" / "paraneoplastic.yaml"
    text = bundled.read_text(encoding="utf-8")
    old = load_tree(bundled)
    assert search(old, old).states == 0 and search(old, old).complete
    edited = text.replace("    group: ease-symptoms\n    when: {any: [lems, mg]}\n",
                          "    group: ease-symptoms\n    when: {any: [lems, mg, sx_speech]}\n", 1)
    assert edited != text
    path = tmp_path / "edited.yaml"
    path.write_text(edited, encoding="utf-8")
    new = load_tree(path)
    found = search(old, new)
    assert found.differing and found.states <= 2_000
    cut = search(old, load_tree(path), states=10)
    assert cut.states <= 10
    short = search(old, _reading_grade(tmp_path, text), states=10)
    assert not short.complete and not short.differing
    assert any("limit of 10 states" in why for why in short.why)


def _reading_grade(tmp_path: Path, text: str) -> Tree:
    """The same guide with a source nothing cites: no route shows it, yet the search cannot
    narrow (sources are shared by every route), so only the limit ends a small search."""
    path = tmp_path / "grade.yaml"
    unused = '\nsources:\n  unused-source: {title: Unused, url: "https://example.org/unused"}'
    assert "\nsources:" in text
    path.write_text(text.replace("\nsources:", unused, 1), "utf-8")
    return load_tree(path)


def test_a_part_outside_the_routes_counts_as_a_difference(tmp_path: Path) -> None:
    """Teach-back questions, the quiz, any key added to the format later: the route search does
    not walk them, so a change there is reported as a difference, never passed as equal."""
    from wizard.model.diff import other_parts

    bundled = ROOT / "trees" / "paraneoplastic.yaml"
    old = load_tree(bundled)
    if not getattr(old, "teach_back", ()):
        pytest.skip("the bundled tree has no teach-back questions")
    first = old.teach_back[0]  # type: ignore[attr-defined]
    text = bundled.read_text(encoding="utf-8")
    assert text.count(first.prompt) >= 1
    path = tmp_path / "teach.yaml"
    path.write_text(text.replace(first.prompt, first.prompt + " Really?", 1), "utf-8")
    new = load_tree(path)
    assert other_parts(old, new) == ("teach_back",)
    diff = compare_trees(old, new, [], "none")
    assert not diff.equal and "teach_back" in render_text(diff)
