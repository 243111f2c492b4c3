"""The third edition's format: the safety net, what to bring, cautions, briefs for some facts,
glance adjustments (`later`, `others`) and promises (`never_with`, `only_with`) proved over
every route.

Each check is shown on the example tree with one thing changed, and each summary rule on a walk.
"""

from __future__ import annotations

from tests.helpers import diagnose
from tests.model.test_format_additions import CACTUS, FERN, changed, line_of, summary, tree_of
from wizard.model.spec import GLANCE_FIRST
from wizard.model.tree import Tree
from wizard.render.outline import build_outline

CAUTION = "      - when: fern\n        caution: true\n        never_with: cactus\n"
FERN_OTHERS = "  - {when: fern, others: [less-water]}\n"


# -- the safety net and what to bring ------------------------------------------------------------


def test_the_safety_net_is_on_every_summary_whatever_was_answered(example_tree: Tree) -> None:
    for answers in (CACTUS, FERN):
        result = summary(example_tree, answers)
        texts = [sign.text for sign in result.safety_signs]
        assert "Smoke or a burning smell from a lamp. Switch it off at the wall." in texts
        # a sign with a `when` shows only when it holds
        assert any("soft at the base" in text for text in texts) == ("cactus" in answers["kind"])
        outline = build_outline(result)
        net = outline.section("safety_net")
        assert net is not None and net.heading == "When to get help today"
        assert net.entries[-1].kind == "write_in"
        assert net.entries[-1].title.startswith("Your vet's phone number: ___")


def test_urgent_alerts_stay_above_the_safety_net(example_tree: Tree) -> None:
    result = summary(example_tree, {**CACTUS, "danger": ["pets"]})
    ids = [section.id for section in build_outline(result).sections]
    assert ids.index("glance") < ids.index("urgent") < ids.index("safety_net")
    assert ids.index("safety_net") < ids.index("bring") < ids.index("questions")
    assert ids.index("questions") < min(i for i, s in enumerate(ids) if s.startswith("group:"))


def test_bring_lists_what_holds_for_this_person(example_tree: Tree) -> None:
    spots = summary(example_tree, {**CACTUS, "symptoms": ["spots"]})
    assert [item.text for item in spots.bring] == ["A photo of the whole plant", "A leaf with spots"]
    plain = summary(example_tree, CACTUS)
    assert [item.text for item in plain.bring] == ["A photo of the whole plant"]


def test_a_safety_net_without_signs_is_an_error_where_it_is_written(example_text: str) -> None:
    start = example_text.index("safety_net:")
    end = example_text.index("bring:")
    text = example_text[:start] + "safety_net:\n  intro: Act today.\n\n" + example_text[end:]
    line = line_of(text, "safety_net:")
    assert diagnose(text) == [
        f"t.yaml:{line + 1}:3: error: 'safety_net' is missing the required key 'signs'"
    ]


def test_a_sign_needs_text_and_a_known_source(example_text: str) -> None:
    text = changed(example_text, "sources: [rhs]\n    - {text: Smoke", "sources: [rsh]\n    - {tex: Smoke")
    messages = diagnose(text)
    assert any("a sign of 'safety_net' refers to source 'rsh'" in m for m in messages), messages
    assert any("unknown key 'tex'" in m for m in messages), messages


def test_a_bring_item_is_one_line(example_text: str) -> None:
    text = changed(example_text, "    - {text: A photo of the whole plant}", "    - {text: \"A\\nB\"}")
    assert any("must be one line" in m for m in diagnose(text))


# -- briefs, cautions and the glance --------------------------------------------------------------


def test_a_brief_for_some_facts_replaces_the_brief(example_tree: Tree) -> None:
    cactus = summary(example_tree, {**CACTUS, "symptoms": ["spots"]})
    move = next(item for item in cactus.first if item.item.id == "move")
    assert move.brief == "A cactus wants the sunniest window you have."
    fern = summary(example_tree, {**FERN, "symptoms": ["droop"]})
    move = next(item for item in fern.first if item.item.id == "move")
    assert move.brief == ""  # no brief of its own: the name alone


def test_an_item_whose_caution_applies_is_not_offered_at_all(example_tree: Tree) -> None:
    fern = summary(example_tree, FERN)
    assert "less-water" not in [item.item.id for item in fern.glance]  # first or other option
    outline = build_outline(fern)
    cautions = outline.section("cautions")
    assert cautions is not None
    assert [(e.title, e.detail) for e in cautions.entries] == [
        ("Water less", "A fern dries out fast. Do not let its soil dry right through.")
    ]
    glance = outline.section("glance")
    assert glance is not None
    assert not any("Water less" in e.title for e in glance.entries)
    cactus = summary(example_tree, CACTUS)  # no caution for a cactus: an option as before
    assert "less-water" in [item.item.id for item in cactus.glance]


def test_check_warns_when_a_glance_can_offer_what_its_card_warns_against(
    example_text: str,
) -> None:
    text = changed(example_text, FERN_OTHERS, "")
    line = line_of(text, "  - {when: always, order: [less-water")
    caution_line = line_of(text, CAUTION)
    # The facts named are a lead: the search reads which options set them, not which routes
    # reach them together, so it may name a pair no single route sets (see check.py).
    [message] = diagnose(text)
    assert message.startswith(
        f"t.yaml:{line}:5: warning: this 'at_a_glance' entry puts 'less-water' among the first "
        f"choices while its caution note (line {caution_line}) applies, with fern, "
    )
    assert message.endswith("; add an entry for those facts with 'others: [less-water]'")


def test_later_moves_to_the_end_and_first_choices_stop_at_five(example_text: str) -> None:
    text = changed(example_text, FERN_OTHERS, "  - {when: cactus, later: [move]}\n")
    result = summary(tree_of(text), {**CACTUS, "symptoms": ["yellow", "spots"]})
    assert [item.item.id for item in result.glance] == ["less-water", "move"]
    assert GLANCE_FIRST == 5
    assert len(result.first) <= GLANCE_FIRST


def test_a_glance_entry_needs_an_order_or_an_adjustment(example_text: str) -> None:
    text = changed(example_text, FERN_OTHERS, "  - {when: fern}\n" + FERN_OTHERS)
    line = line_of(text, "  - {when: fern}")
    assert diagnose(text) == [
        f"t.yaml:{line}:5: error: an 'at_a_glance' entry is missing the required key 'order' "
        "(or 'later' or 'others', which adjust the order)"
    ]


# -- promises, proved over every route ------------------------------------------------------------


def test_a_kept_promise_is_quiet_and_a_broken_one_names_the_facts(example_text: str) -> None:
    assert diagnose(example_text) == []
    text = changed(example_text, CAUTION, CAUTION.replace("never_with: cactus", "never_with: yellow"))
    line = line_of(text, CAUTION.replace("never_with: cactus", "never_with: yellow"))
    assert diagnose(text) == [
        f"t.yaml:{line}:9: warning: a note of treatment 'less-water' breaks its 'never_with': "
        "answers that set fern, yellow show it; narrow its 'when' (or rule those answers out)"
    ]


def test_only_with_is_proved_too(example_text: str) -> None:
    text = changed(example_text, "    only_with: pet", "    only_with: cactus")
    messages = diagnose(text)
    assert len(messages) == 1 and "resource 'vet' breaks its 'only_with'" in messages[0]
    assert "answers that set pet show it" in messages[0]


def test_a_promise_reading_a_misspelt_fact_is_an_error(example_text: str) -> None:
    text = changed(example_text, "never_with: cactus", "never_with: catcus")
    messages = diagnose(text)
    assert any("reads fact 'catcus', which no answer sets; did you mean 'cactus'?" in m for m in messages)
