"""The third edition's summary, walked over every route of the bundled tree (not a sample).

Each test reads what the engine listed (`Session` -> `Summary` -> the one outline) on every
single-choice route (`routes.all_routes`), plus the symptom and treatment answers each point
turns on (seizures, anti-seizure medicine, steroids), and with red flags raised.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.content.routes import (
    CANCER,
    OTHER_SYSTEMS,
    SYNDROME_ROUTES,
    TAKEN,
    TREE,
    all_routes,
    neuro,
    other,
    route_id,
    summary_of,
    syndrome_routes,
    treatment_ids,
)
from wizard.model.loader import check_file, load_tree
from wizard.model.spec import GLANCE_FIRST
from wizard.render.html import render_html
from wizard.render.json import render_json
from wizard.render.markdown import render_markdown
from wizard.render.outline import FIRST_PAGE, build_outline
from wizard.render.text import render_text


@pytest.fixture(scope="module")
def tree() -> Any:
    return load_tree(TREE)


def every_route() -> Iterator[dict[str, list[str]]]:
    """Every single-choice route, then each syndrome with seizures, anti-seizure medicine and
    steroids taken (every cancer status and antibody answer), each other body system with each
    treatment had, then red flags raised."""
    yield from all_routes()
    for system, cancer, taken in itertools.product(OTHER_SYSTEMS, CANCER, TAKEN):
        yield other(system, cancer, taken=[taken])
    yield from syndrome_routes(symptoms=["seizures"])
    yield from syndrome_routes(taken=["antiseizure", "steroids"])
    yield from syndrome_routes(taken=["immunosuppressant", "ivig_plex"])
    for syndrome, age in SYNDROME_ROUTES:
        yield neuro(syndrome, age=age, red_flags=["breathing", "fever"], cancer="not_found")
    for flag in SEIZURE_NOW:  # a seizure reported on the first question, not as a symptom
        yield from syndrome_routes(red_flags=[flag])


SEIZURE_NOW = ("seizure", "seizure_harm")
"""The first question's options for a seizure happening now."""


def reports_seizures(answers: dict[str, list[str]]) -> bool:
    """The person said they have seizures or take medicine for them, wherever they said it."""
    return bool(
        "seizures" in answers.get("symptoms", ())
        or "antiseizure" in answers.get("treatments_taken", ())
        or set(SEIZURE_NOW) & set(answers["red_flags"])
    )


@pytest.fixture(scope="module")
def walked(tree: Any) -> list[tuple[dict[str, list[str]], Any]]:
    return [(answers, summary_of(tree, answers)) for answers in every_route()]


# -- when to get help today ----------------------------------------------------------------------


def test_every_summary_has_the_whole_safety_net_below_anything_urgent(walked: Any) -> None:
    for answers, summary in walked:
        outline = build_outline(summary)
        ids = [section.id for section in outline.sections]
        assert "safety_net" in ids, route_id(answers)
        if summary.red_flags:
            assert ids.index("urgent") < ids.index("safety_net"), route_id(answers)
            assert [e.kind for e in outline.sections[0].entries][: len(summary.red_flags)] == [
                "urgent_line"
            ] * len(summary.red_flags)
        net = outline.section("safety_net")
        assert net is not None
        words = " ".join(e.title + " " + " ".join(i for ln in e.lines for i in ln.items)
                         for e in net.entries)
        for fragment in (
            "Trouble breathing", "seizure", "Sudden confusion", "38 °C (100.4 °F)",
            "the number your cancer team gave you", "below 36 °C", "shivery or unwell",
            "before you take paracetamol or ibuprofen", "legs getting weak", "immunotherapy",
            "new weakness", "harming yourself", "988", "116 123", "024",
            "Your care team's 24-hour number: ____",
        ):
            assert fragment in words, (route_id(answers), fragment)
        # every red flag's signs, the treatment ones where the treatment is had or listed
        cyclophosphamide = "cyclophosphamide" in treatment_ids(summary)
        assert ("Blood in your urine (pee) on cyclophosphamide" in words) == cyclophosphamide
        after_ivig = "took_ivig_plex" in summary.facts
        assert ("after IVIg, a very bad headache with a stiff neck" in words) == after_ivig
        assert "painful swollen leg" in words and "sudden shortness of breath" in words


def test_the_safety_net_is_in_every_output(tree: Any) -> None:
    for answers in all_routes():
        summary = summary_of(tree, answers)
        for name, output in (
            ("text", render_text(summary)),
            ("markdown", render_markdown(summary)),
            ("html", render_html(summary)),
        ):
            assert "When to get help today" in output and "116 123" in output, (name, answers)
        data = json.loads(render_json(summary))
        signs = [sign["text"] for sign in data["safety_net"]["signs"]]
        assert signs == [sign.text for sign in summary.safety_signs], route_id(answers)
        assert data["safety_net"]["write_in"] == "Your care team's 24-hour number"


def test_crisis_lines_name_their_country(tree: Any) -> None:
    contacts = [c for sign in tree.safety_net.signs for c in sign.contacts]
    assert contacts and all(c.split(":")[0] in ("US", "UK and Ireland", "Spain") for c in contacts)


# -- "At a glance" never contradicts the cards -------------------------------------------------


def test_nobody_with_seizures_is_offered_amifampridine_first(walked: Any) -> None:
    seen = 0
    for answers, summary in walked:
        first = [item.item.id for item in summary.first]
        if reports_seizures(answers) and "lems" in summary.facts:
            seen += 1
            assert "amifampridine" not in first, route_id(answers)
            assert "amifampridine" not in [item.item.id for item in summary.glance]
            assert "amifampridine" in [item.item.id for item in summary.cautions]
    assert seen >= 4 * 5 * 5  # seizures, medicine, each seizure flag; every cancer and antibody


def test_nobody_with_seizures_reads_that_amifampridine_is_their_first_choice(
    walked: Any,
) -> None:
    """Not in the glance, the cards or the notes: every sentence of the summary that calls
    something the first choice carries the exception for seizures."""
    seen = 0
    for answers, summary in walked:
        if not (reports_seizures(answers) and "lems" in summary.facts):
            continue
        seen += 1
        words = " ".join(render_text(summary).split())
        for sentence in re.split(r"(?<=[.!?]) ", words):
            if re.search(r"first[- ]choice", sentence, re.I):
                assert "except for people who have had seizures" in sentence, (
                    route_id(answers), sentence)
    assert seen >= 4 * 5 * 5


def test_no_first_choice_is_one_its_card_warns_against(walked: Any) -> None:
    for answers, summary in walked:
        for item in summary.first:
            assert not item.cautions and not item.item.caution, (route_id(answers), item.item.id)


def test_at_a_glance_is_a_glance(walked: Any) -> None:
    for answers, summary in walked:
        glance = build_outline(summary).sections[0]
        kinds = [entry.kind for entry in glance.entries]
        assert kinds.count("option") <= GLANCE_FIRST, route_id(answers)
        assert kinds.count("others") == (1 if summary.others else 0), route_id(answers)
        assert "caution" not in kinds and "sign" not in kinds


def test_no_cancer_found_never_reads_finding_a_cancer_first(walked: Any) -> None:
    for answers, summary in walked:
        if answers["cancer_status"] != ["not_found"]:
            continue
        assert summary.glance[0].item.id != "treat-cancer", route_id(answers)
        details = [s.id for s in build_outline(summary).sections if s.id.startswith("group:")]
        assert details[0] != "group:treat-cancer", route_id(answers)


def test_glance_fits_one_screen_beside_what_is_urgent(tree: Any) -> None:
    """80x24: the title block and the glance (two urgent alerts, five first choices, the line
    of other options), as plain text at 78 columns; the outcome's own text follows it."""
    worst = 0
    for syndrome, age in SYNDROME_ROUTES:
        answers = neuro(syndrome, age=age, red_flags=["breathing", "fever"])
        summary = summary_of(tree, answers)
        lines = render_text(summary).splitlines()
        outcome = " ".join(summary.outcome.text.split())
        end = next(n for n, line in enumerate(lines) if line and outcome.startswith(line))
        worst = max(worst, end)
    assert worst <= 24, worst


# -- notes fit the syndrome ------------------------------------------------------------------------


def test_damage_may_not_heal_never_reaches_a_cell_surface_syndrome(walked: Any) -> None:
    for answers, summary in walked:
        if not {"lems", "mg", "neuromyotonia"} & summary.facts:
            continue
        for item in summary.treatments:
            for note in item.notes:
                assert "may not heal" not in note, (route_id(answers), item.item.id)


# Each other body system's own words for "these problems can have other causes".
OTHER_CAUSES = {
    "hormones": "Hormone and blood-salt problems like these can also have other causes",
    "skin": "Skin changes like these can also have other causes",
    "joints": "Joint pain and swelling like this can also have other causes",
    "blood": "Blood clots and other blood problems like these can also have other causes",
}
NERVE_SYNDROMES_NOTE = "Examples are myasthenia gravis, stiff person syndrome"


def test_other_body_systems_with_no_cancer_found_say_other_causes_are_looked_for(
    walked: Any,
) -> None:
    """Hormones, skin, joints and blood with no cancer found read that other causes are looked
    for, in their own words, and never the nerve-syndrome note; every other route reads neither
    the other systems' notes nor, with no cancer found, misses the nerve-syndrome note."""
    found = dict.fromkeys(OTHER_CAUSES, 0)
    for answers, summary in walked:
        notes = " ".join(" ".join(n.split()) for item in summary.treatments for n in item.notes)
        system = answers["body_system"][0]
        not_found = "cancer_not_found" in summary.facts
        for other_system, words in OTHER_CAUSES.items():
            expected = system == other_system and not_found
            assert (words in notes) == expected, (route_id(answers), other_system)
        if system in OTHER_CAUSES and not_found:
            found[system] += 1
            assert "look for other causes" in notes, route_id(answers)
            assert "myasthenia gravis" not in notes, route_id(answers)
        assert (NERVE_SYNDROMES_NOTE in notes) == (not_found and system not in OTHER_CAUSES), (
            route_id(answers)
        )
    assert found == dict.fromkeys(OTHER_CAUSES, 1 + len(TAKEN))  # none, then each one had


def test_the_checker_proves_every_promise_of_the_bundled_tree(tree: Any) -> None:
    promised = [
        note
        for item in tree.treatments.values()
        for note in item.notes
        if note.promise
    ]
    assert len(promised) >= 4
    diagnostics = check_file(TREE)[1]
    assert not [d for d in diagnostics if "never_with" in d.message or "only_with" in d.message]
    assert not [d for d in diagnostics if "caution" in d.message]


# -- what to bring, and the first page --------------------------------------------------------------


def test_bring_fits_each_person(walked: Any) -> None:
    for answers, summary in walked:
        things = " ".join(item.text for item in summary.bring)
        assert "list of all your medicines" in things, route_id(answers)
        assert "relative or friend" in things and "questions" in things
        seizures = bool({"sx_seizures", "took_antiseizure"} & summary.facts)
        assert ("seizure diary" in things) == seizures, route_id(answers)
        assert ("steroid doses" in things) == ("took_steroids" in summary.facts)
        assert ("school" in things) == ("omx_child" in summary.facts), route_id(answers)
        assert ("weakness is worst" in things) == bool({"lems", "mg"} & summary.facts)


def test_the_first_page_comes_before_the_details(walked: Any) -> None:
    for answers, summary in walked:
        ids = [section.id for section in build_outline(summary).sections]
        first = [i for i in ids if i in FIRST_PAGE]
        assert ids[: len(first)] == first, route_id(answers)
        assert first[0] == "glance" and "safety_net" in first and "bring" in first
