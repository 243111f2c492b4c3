"""`wizard check`'s findings: each kind of problem, said where it is and how to mend it."""

from __future__ import annotations

import pytest

from tests.helpers import diagnose


def broken(example_text: str, old: str, new: str) -> list[str]:
    assert old in example_text, old
    return diagnose(example_text.replace(old, new, 1))


def test_the_example_tree_is_clean(example_text: str) -> None:
    assert diagnose(example_text) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "next: danger",
            "next: dangr",
            "error: node 'dangr' does not exist; did you mean 'danger'?",
        ),
        (
            "start: welcome",
            "start: welcom",
            "error: 'start' names node 'welcom', which does not exist; did you mean 'welcome'?",
        ),
        (
            "sets: [yellow]}",
            "sets: [yelow]}",
            "warning: fact 'yelow' is set here but no condition reads it",
        ),
        (
            "when: {any: [overwater, yellow]}",
            "when: {any: [overwater, yelow]}",
            "error: treatment 'less-water' reads fact 'yelow', which no answer sets; did you mean 'yellow'?",
        ),
        (
            "group: light\n    about: Dry",
            "group: lihgt\n    about: Dry",
            "error: treatment 'mist' refers to group 'lihgt', which does not exist; did you mean 'light'?",
        ),
        (
            "sources: [rhs, book]",
            "sources: [rhs, bok]",
            "error: treatment 'mist' refers to source 'bok', which does not exist; did you mean 'book'?",
        ),
        (
            "red_flag: fire}",
            "red_flag: fir}",
            "error: option 'fire' of node 'danger' refers to red flag 'fir', which does not exist; did you mean 'fire'?",
        ),
        (
            "kind: multi\n    prompt: Is any",
            "kind: mutli\n    prompt: Is any",
            "error: 'kind' of node 'danger' is 'mutli'; use one of info, choice, multi, outcome; did you mean 'multi'?",
        ),
        (
            "    about: Roots rot",
            "    abuot: Roots rot",
            "error: unknown key 'abuot' in treatment 'less-water'; did you mean 'about'?",
        ),
        (
            "format: 1",
            "format: 2",
            "error: unknown format the number 2; this program reads format 1",
        ),
        (
            "exclusive: true}\n    next: kind",
            "exclusive: yes}\n    next: kind",
            "error: 'exclusive' of an option of node 'danger' must be true or false, not 'yes'",
        ),
        (
            "min: 1\n    max: 3",
            "min: 4\n    max: 3",
            "error: node 'symptoms': min 4 and max 3 cannot be met with 5 options",
        ),
        (
            "      - go: symptoms",
            "      - {when: fern, go: symptoms}",
            "error: the last route of node 'kind' has a 'when'",
        ),
        (
            "    next: photo\n",
            "    next: photo\n  spare:\n    kind: info\n    prompt: Spare\n    next: done\n",
            "error: node 'spare' cannot be reached from the start",
        ),
        (
            "    text: A photo helps a shop tell you what plant it is.\n    next: symptoms",
            "    text: A photo helps a shop tell you what plant it is.\n    next: kind",
            "error: loop: kind -> photo -> kind",
        ),
        (
            "    text: A photo helps a shop tell you what plant it is.\n    next: symptoms\n",
            "    text: A photo helps a shop tell you what plant it is.\n",
            "error: node 'photo' has no 'next', so the walk stops here before an outcome",
        ),
        (
            "when: fine_water",
            "when: {all: [fine_water, overwater]}",
            "warning: treatment 'keep' can never apply",
        ),
        (
            "    sources: [book]\n\nresources",
            "\nresources",
            "warning: treatment 'keep' cites no source",
        ),
    ],
)
def test_each_problem_is_reported_with_a_way_to_mend_it(
    example_text: str, old: str, new: str, expected: str
) -> None:
    found = broken(example_text, old, new)
    assert any(expected in line for line in found), "\n".join(found)


def test_every_problem_at_once_sorted_by_position(example_text: str) -> None:
    text = (
        example_text.replace("next: danger", "next: dangr")
        .replace("    about: Roots rot", "    abuot: Roots rot")
        .replace("format: 1", "format: 7")
    )
    found = diagnose(text)
    assert len([f for f in found if ": error: " in f]) >= 3
    positions = [tuple(int(x) for x in line.split(":")[1:3]) for line in found]
    assert positions == sorted(positions)
    assert all(line.startswith("t.yaml:") for line in found)


def test_a_misspelt_kind_is_one_error_not_a_cascade(example_text: str) -> None:
    """The node with an unknown kind cannot be built, so where it leads and which facts it sets
    are unknown: the nodes after it are not called unreachable, nor its facts unset."""
    found = broken(example_text, "    kind: choice\n    prompt: What kind of plant is it?",
                   "    kind: chioce\n    prompt: What kind of plant is it?")
    assert len(found) == 1, "\n".join(found)
    assert "is 'chioce'; use one of" in found[0] and "did you mean 'choice'?" in found[0]


def test_duplicate_node_ids_are_caught(example_text: str) -> None:
    found = broken(example_text, "  photo:\n", "  done:\n    kind: outcome\n  photo:\n")
    assert any("duplicate key 'done'" in line for line in found)


def test_wrong_types_name_the_key_and_the_value(example_text: str) -> None:
    found = broken(example_text, "title: Helping a tired houseplant", "title: [a, b]")
    assert found == ["t.yaml:5:8: error: 'title' of the tree must be text, not a list"]



def test_an_outcome_cannot_be_skipped() -> None:
    """An outcome has no `next`: skipping it would leave the walk nowhere (it once crashed)."""
    text = (
        "format: 1\nid: t\ntitle: T\nversion: '1'\nlanguage: en\n"
        "review: {last_reviewed: 2026-01-01, next_review: 2027-06-01}\n"
        "disclaimer: This informs only.\nstart: q\nnodes:\n"
        "  q:\n    kind: choice\n    prompt: Pick one?\n    options:\n"
        "      - {id: a, label: A, sets: [x]}\n      - {id: b, label: B}\n    next: done\n"
        "  done: {kind: outcome, title: Done, when: x}\n"
    )
    found = diagnose(text)
    assert any(d.startswith("t.yaml:17:38: error: unknown key 'when'") for d in found), found
