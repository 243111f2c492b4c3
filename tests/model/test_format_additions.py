"""The format's additions: sources on notes, a one-line `brief`, and `at_a_glance` orders.

Each check is shown on the example tree with one thing changed, and each summary rule on a walk.
"""

from __future__ import annotations

import pytest

from tests.helpers import diagnose
from wizard.model.loader import check_text
from wizard.model.machine import walk
from wizard.model.summary import Summary
from wizard.model.tree import Tree

CACTUS = {"danger": ["none"], "kind": ["cactus"], "cactus_water": ["daily"], "symptoms": ["yellow"]}
FERN = {"danger": ["none"], "kind": ["fern"], "symptoms": ["yellow", "droop"], "humidity": ["dry"]}
UNSURE = {"danger": ["none"], "kind": ["unsure"], "symptoms": ["yellow"]}

NOTE = "      - {when: cactus, text: A cactus needs water only every few weeks., sources: [book]}"
GLANCE = "  - {when: cactus, order: [move, less-water]}"


def changed(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def tree_of(text: str) -> Tree:
    tree, diagnostics = check_text(text, "t.yaml")
    assert tree is not None and not any(d.is_error for d in diagnostics), diagnostics
    return tree


def summary(tree: Tree, answers: dict[str, list[str]]) -> Summary:
    return walk(tree, answers).summary()


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# -- notes[].sources -----------------------------------------------------------------------------


def test_an_unknown_source_in_a_note_is_an_error_where_it_is_written(example_text: str) -> None:
    text = changed(example_text, NOTE, NOTE.replace("[book]", "[bok]"))
    line = line_of(text, "sources: [bok]")
    col = text.splitlines()[line - 1].index("bok") + 1
    assert diagnose(text) == [
        f"t.yaml:{line}:{col}: error: a note of treatment 'less-water' refers to source 'bok', "
        "which does not exist; did you mean 'book'?"
    ]


def test_a_source_cited_only_by_a_note_counts_as_cited(example_text: str) -> None:
    text = changed(
        example_text,
        "  book: {title: The plant book",
        "  extra: {title: Extra, url: \"https://example.org/extra\"}\n  book: {title: The plant book",
    )
    assert any("source 'extra' is never cited" in d for d in diagnose(text))
    text = changed(text, NOTE, NOTE.replace("[book]", "[extra]"))
    assert diagnose(text) == []


def test_a_note_that_applies_adds_its_sources_to_the_item_and_the_list(example_text: str) -> None:
    text = changed(
        example_text,
        "  book: {title: The plant book",
        "  extra: {title: Extra, url: \"https://example.org/extra\"}\n  book: {title: The plant book",
    )
    tree = tree_of(changed(text, NOTE, NOTE.replace("[book]", "[extra]")))
    cactus = summary(tree, CACTUS)
    water = cactus.treatments[0]
    assert water.item.id == "less-water"
    assert water.sources == ("rhs", "extra")
    assert "extra" in [s.id for s in cactus.sources]
    fern = summary(tree, FERN)  # the cactus note does not apply: its source is not listed
    assert [t.sources for t in fern.treatments if t.item.id == "less-water"] == [("rhs",)]
    assert "extra" not in [s.id for s in fern.sources]


def test_resource_notes_apply_like_treatment_notes(example_tree: Tree) -> None:
    shop = summary(example_tree, UNSURE).resources[0]
    assert shop.notes == ("Take the photo with you.",)
    assert shop.sources == ("rhs", "book")
    assert summary(example_tree, CACTUS).resources[0].notes == ()


def test_the_source_list_holds_only_what_is_shown(example_tree: Tree) -> None:
    # "book" is cited by items not listed here (move, mist, vet) and by a note that does not apply
    fern = summary(example_tree, {**FERN, "symptoms": ["yellow"], "humidity": ["moist"]})
    shown = {s for t in fern.treatments for s in t.sources} | {
        s for r in fern.resources for s in r.sources
    }
    assert {s.id for s in fern.sources} == shown == {"rhs"}


# -- brief ---------------------------------------------------------------------------------------

BRIEF = "    brief: Let the top of the soil dry before you water again."


def test_a_brief_is_one_line(example_text: str) -> None:
    text = changed(example_text, BRIEF, "    brief: |\n      Two\n      lines")
    line = line_of(text, "brief: |")
    assert diagnose(text) == [
        f"t.yaml:{line}:12: error: 'brief' of treatment 'less-water' must be one line; "
        "move the rest to 'about'"
    ]


def test_a_long_brief_is_a_warning(example_text: str) -> None:
    text = changed(example_text, BRIEF, "    brief: " + "word " * 30)
    (warning,) = diagnose(text)
    assert (
        "warning: 'brief' of treatment 'less-water' is 149 characters; keep it under 120" in warning
    )


def test_a_folded_brief_is_trimmed(example_text: str) -> None:
    tree = tree_of(changed(example_text, BRIEF, "    brief: >\n      Let it dry.\n"))
    assert tree.treatments["less-water"].brief == "Let it dry."
    assert tree.resources["shop"].brief == "Someone who can look at the plant with you."


# -- at_a_glance ---------------------------------------------------------------------------------


def test_the_first_holding_order_comes_first_and_only_cautions_are_left_out(
    example_tree: Tree,
) -> None:
    cactus = {**CACTUS, "symptoms": ["yellow", "spots"]}
    result = summary(example_tree, cactus)
    assert [t.item.id for t in result.treatments] == ["less-water", "move"]
    assert [t.item.id for t in result.glance] == ["move", "less-water"]
    # fern: the `always` entry; mist is named last, keep is not listed and is skipped; the
    # card of less-water warns a fern, so it is no option of theirs: it is under the cautions
    fern = summary(example_tree, FERN)
    assert [t.item.id for t in fern.glance] == ["move", "mist"]
    assert [t.item.id for t in fern.first] == ["move", "mist"]
    assert [t.item.id for t in fern.others] == []
    assert [t.item.id for t in fern.cautions] == ["less-water"]


def test_treatments_an_order_does_not_name_follow_in_group_order(example_text: str) -> None:
    text = changed(example_text, GLANCE, "  - {when: cactus, order: [move]}")
    tree = tree_of(text)
    result = summary(tree, {**CACTUS, "symptoms": ["yellow", "spots"]})
    assert [t.item.id for t in result.glance] == ["move", "less-water"]
    text = changed(text, "  - {when: always, order: [less-water, keep, move, mist]}\n", "")
    text = changed(text, "  - {when: fern, others: [less-water]}\n", "")
    fern = summary(tree_of(text), FERN)
    options = [t.item.id for t in fern.treatments if not t.cautions]
    assert [t.item.id for t in fern.glance] == options and "less-water" not in options


def test_an_unknown_treatment_in_an_order_is_an_error(example_text: str) -> None:
    text = changed(example_text, GLANCE, "  - {when: cactus, order: [mvoe, less-water]}")
    line = line_of(text, "order: [mvoe")
    assert diagnose(text) == [
        f"t.yaml:{line}:28: error: an 'at_a_glance' entry refers to treatment 'mvoe', which does "
        "not exist; did you mean 'move'?"
    ]


def test_a_treatment_named_twice_in_one_order_is_an_error(example_text: str) -> None:
    text = changed(example_text, GLANCE, "  - {when: cactus, order: [move, less-water, move]}")
    assert diagnose(text) == [
        f"t.yaml:{line_of(text, 'order: [move, less')}:46: error: an 'at_a_glance' entry names "
        "treatment 'move' twice"
    ]


def test_an_entry_that_can_never_hold_is_a_warning(example_text: str) -> None:
    text = changed(example_text, GLANCE, "  - {when: {all: [cactus, fern]}, order: [move]}")
    assert diagnose(text) == [
        f"t.yaml:{line_of(text, '{all: [cactus, fern]}')}:12: warning: an 'at_a_glance' entry "
        "can never apply: no set of answers makes its condition hold"
    ]


def test_an_entry_that_reads_an_unset_fact_is_an_error(example_text: str) -> None:
    text = changed(example_text, GLANCE, "  - {when: catcus, order: [move]}")
    assert [d.split(": ", 1)[1] for d in diagnose(text)] == [
        "error: an 'at_a_glance' entry reads fact 'catcus', which no answer sets; "
        "did you mean 'cactus'?"
    ]


def test_ordering_a_treatment_never_listed_with_the_entry_is_a_warning(example_text: str) -> None:
    # mist needs {not: dry_lover}; a cactus sets dry_lover
    text = changed(example_text, GLANCE, "  - {when: cactus, order: [mist, move]}")
    assert diagnose(text) == [
        f"t.yaml:{line_of(text, '{when: cactus, order: [mist')}:5: warning: an 'at_a_glance' "
        "entry orders treatment 'mist', which is never listed when this entry's 'when' holds"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (GLANCE, "  - {order: [move]}", "is missing the required key 'when'"),
        (GLANCE, "  - {when: cactus}", "is missing the required key 'order'"),
        (GLANCE, "  - {when: cactus, order: move}", "must be a list of ids"),
        (GLANCE, "  - {when: cactus, order: [move], also: 1}", "unknown key 'also'"),
    ],
)
def test_entry_shape(example_text: str, old: str, new: str, expected: str) -> None:
    found = diagnose(changed(example_text, old, new))
    assert len(found) == 1 and expected in found[0], found


def test_the_schema_refuses_a_two_line_brief_too(example_text: str) -> None:
    import jsonschema

    from wizard.model.loader import parse_yaml
    from wizard.model.schema import tree_schema

    validator = jsonschema.Draft7Validator(tree_schema())
    for brief, valid in (
        ("brief: |\n      Two\n      lines", False),
        ("brief: >\n      One\n", True),
    ):
        data, _ = parse_yaml(changed(example_text, BRIEF, "    " + brief), "t.yaml")
        assert validator.is_valid(data) is valid, brief
