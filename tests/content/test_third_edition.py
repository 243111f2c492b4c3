"""Issue 17, the PNS tree's third edition (clinical content): one test per point, each walking
`Session` over every route where the point applies.

The routes are `routes.every_route()`: every syndrome, antibody answer and cancer status, each
again with one symptom and with one treatment already had, and every other body system. A point
is asserted on every one of those routes where it applies (and, where it must not show, on every
route where it does not), so a condition that forgets one syndrome or answer fails here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pytest

from tests.content.routes import (
    CANCER,
    OTHER_SYSTEMS,
    TREE,
    every_route,
    has_note,
    listed,
    other,
    questions_of,
    route_id,
    summary_of,
    texts_of,
    treatment_ids,
)
from wizard.model.loader import load_tree
from wizard.model.machine import Session

Routes = list[tuple[dict[str, list[str]], Any]]

ANTI_SEIZURE = "anti-seizure-medicines"
# The cards of medicines that calm (suppress) the immune system.
IMMUNE_SUPPRESSING = ("corticosteroids", "azathioprine", "cyclophosphamide", "rituximab")


@pytest.fixture(scope="module")
def tree() -> Any:
    return load_tree(TREE)


@pytest.fixture(scope="module")
def routes(tree: Any) -> Routes:
    """(answers, summary) for every route of `every_route()`."""
    return [(answers, summary_of(tree, answers)) for answers in every_route()]


def flat(text: str) -> str:
    return " ".join(text.split())


def syndrome(answers: dict[str, list[str]]) -> str:
    return answers.get("syndrome", [""])[0]


def is_child(answers: dict[str, list[str]]) -> bool:
    return answers.get("omx_age") == ["child"]


def card_text(summary: Any, treatment: str) -> str:
    """Everything a listed treatment's card says to this person."""
    item = listed(summary, treatment)
    card = item.item
    parts = [card.about, card.given, *card.side_effects.common, *card.side_effects.serious]
    return flat(" ".join([*parts, *item.notes]))


def contains_all(text: str, words: Iterable[str]) -> list[str]:
    """The words missing from text (case-insensitive); empty when all are there."""
    lowered = text.lower()
    return [word for word in words if word.lower() not in lowered]


def test_the_route_set_covers_every_syndrome_cancer_status_symptom_and_treatment(
    routes: Routes,
) -> None:
    seen = {(syndrome(a), tuple(a.get("omx_age", ())), a["cancer_status"][0]) for a, _ in routes}
    assert len({s for s, _, _ in seen}) == 13  # 12 syndrome answers, and the other body systems
    symptoms = {s for a, _ in routes for s in a.get("symptoms", ())}
    taken = {t for a, _ in routes for t in a["treatments_taken"]}
    assert {"seizures", "swallowing", "stiffness", "numbness", "mood", "unsure"} <= symptoms
    assert {"steroids", "immunosuppressant", "ivig_plex", "antiseizure", "unsure"} <= taken
    assert len(routes) > 5000


# --- Carbamazepine and phenytoin ---------------------------------------------------------------


def test_carbamazepine_and_phenytoin_warnings_on_every_anti_seizure_card(routes: Routes) -> None:
    shown = 0
    for answers, summary in routes:
        if ANTI_SEIZURE not in treatment_ids(summary):
            continue
        shown += 1
        notes = flat(" ".join(listed(summary, ANTI_SEIZURE).notes))
        missing = contains_all(
            notes,
            (
                "Carbamazepine and phenytoin",
                "chemotherapy",
                "steroids",
                "apixaban",
                "Tell the cancer team before you start",
                "phenytoin levels",
                "lower sodium",
                "small-cell lung cancer",
            ),
        )
        assert not missing, (route_id(answers), missing)
        assert "benit-aed-interactions" in listed(summary, ANTI_SEIZURE).sources
    assert shown > 500


# --- Dermatomyositis ---------------------------------------------------------------------------


def test_dermatomyositis_lists_a_steroid_sparing_medicine_and_rituximab(routes: Routes) -> None:
    checked = 0
    for answers, summary in routes:
        if syndrome(answers) != "dermatomyositis":
            continue
        checked += 1
        ids = treatment_ids(summary)
        assert {"corticosteroids", "azathioprine", "rituximab", "ivig"} <= set(ids)
        assert has_note(summary, "azathioprine", "methotrexate", "mycophenolate", "steroid dose")
        assert has_note(summary, "rituximab", "dermatomyositis", "other treatments")
        assert {"rim-rituximab-dm", "guo-dm-2024"} <= set(listed(summary, "rituximab").sources)
        assert "guo-dm-2024" in listed(summary, "azathioprine").sources
    # cancer x antibody x (nervous and not-sure-which-part, 12 symptoms, 5 treatments had)
    assert checked == 5 * 5 * 19


@pytest.mark.parametrize("cancer", CANCER)
def test_a_rash_on_the_eyelids_or_knuckles_under_skin_points_to_the_muscle_question(
    tree: Any, cancer: str
) -> None:
    session = Session(tree)
    for answer in ([], ["none"], ["skin"]):
        session.answer(answer)
    assert session.current.id == "skin_info"
    text = flat(session.current.text)
    for words in ("purple rash on the eyelids", "rash over the knuckles", "dermatomyositis"):
        assert words in text, words
    # it names the answers that lead to the muscle question
    assert '"Nervous system and muscles"' in text and '"Dermatomyositis"' in text
    nervous = tree.nodes["body_system"].option("nervous").label
    named = tree.nodes["syndrome"].option("dermatomyositis").label
    assert f'"{nervous}"' in text and f'"{named}"' in text
    summary = summary_of(tree, other("skin", cancer))
    assert "Could my rash be dermatomyositis" in questions_of(summary)


# --- Pregnancy, breast-feeding and contraception -----------------------------------------------

PREGNANCY = re.compile(r"pregnan", re.IGNORECASE)
# Every card that needs a pregnancy line: the anti-seizure medicines, everything in "Calming the
# immune system", the stiffness medicines (diazepam is an anti-seizure medicine too) and the
# nerve-pain medicines (so are gabapentin and pregabalin).
PREGNANCY_CARDS = (
    ANTI_SEIZURE,
    *IMMUNE_SUPPRESSING,
    "ivig",
    "plasma-exchange",
    "stiffness-medicines",
    "nerve-pain-medicines",
)


def test_a_pregnancy_line_on_each_anti_seizure_and_immune_calming_card(
    routes: Routes,
) -> None:
    """On every such card an adult reads; a child's route gets none of it (nor the pill)."""
    shown = dict.fromkeys(PREGNANCY_CARDS, 0)
    for answers, summary in routes:
        for card in PREGNANCY_CARDS:
            if card not in treatment_ids(summary):
                continue
            shown[card] += 1
            text = card_text(summary, card)
            said = "could become pregnant" in text and "breast-feeding" in text
            assert said == (not is_child(answers)), (route_id(answers), card)
            if is_child(answers):
                assert "birth control" not in text, (route_id(answers), card)
            elif card == ANTI_SEIZURE:
                assert "birth control pills work less well" in text, route_id(answers)
    assert all(shown.values()), shown


def test_the_pregnancy_question_shows_on_every_route_but_a_childs(routes: Routes) -> None:
    """Anyone who could become pregnant: the tree asks neither sex nor age (but a child's
    opsoclonus-myoclonus), and every route lists a medicine (chemotherapy at the least)."""
    asked_on = 0
    for answers, summary in routes:
        assert "chemotherapy" in listed(summary, "treat-cancer").item.examples
        asked = [q.item.text for q in summary.questions if PREGNANCY.search(q.item.text)]
        assert bool(asked) == (not is_child(answers)), route_id(answers)
        for text in asked:
            assert "breast-feeding" in text and "birth control" in text
        asked_on += bool(asked)
    children = sum(is_child(answers) for answers, _ in routes)
    assert children and asked_on == len(routes) - children


# --- Single medicines and procedures -----------------------------------------------------------

CARD_POINTS: dict[str, tuple[str, ...]] = {
    "rituximab": ("PML", "brain infection", "live vaccines", "hepatitis B"),
    "plasma-exchange": (
        "central line",
        "neck, chest or groin",
        "Tingling around the mouth",
        "low calcium",
        "infection where the tube goes in",
    ),
    "corticosteroids": (
        "steroid emergency card",
        "sick day rules",
        "protect your bones",
        "calcium, vitamin D and a bone scan",
        "Never stop steroids all at once",
    ),
    "medicines-to-check": (
        "fluoroquinolones",
        "aminoglycosides",
        "macrolides",
        "iodinated contrast",
        "magnesium given into a vein",
        "beta-blockers",
        "not banned",
    ),
    "nerve-pain-medicines": ("amitriptyline", "duloxetine", "gabapentin", "pregabalin"),
}


@pytest.mark.parametrize("card", sorted(CARD_POINTS))
def test_each_card_says_its_third_edition_points_wherever_it_is_listed(
    routes: Routes, card: str
) -> None:
    shown = 0
    for answers, summary in routes:
        if card not in treatment_ids(summary):
            continue
        shown += 1
        text = card_text(summary, card) + " " + " ".join(listed(summary, card).item.examples)
        missing = contains_all(text, CARD_POINTS[card])
        assert not missing, (route_id(answers), missing)
    assert shown


def test_baclofen_warns_of_seizures_and_of_stopping_suddenly(routes: Routes) -> None:
    shown = 0
    for answers, summary in routes:
        if "stiffness-medicines" not in treatment_ids(summary):
            continue
        shown += 1
        card = listed(summary, "stiffness-medicines").item
        serious = flat(" ".join(card.side_effects.serious))
        assert "Baclofen can make seizures more likely" in serious, route_id(answers)
        assert "Stopping baclofen all at once can cause seizures, confusion" in serious
        assert "help you stand and walk" in flat(card.given)
        assert "dailymed-baclofen" in listed(summary, "stiffness-medicines").sources
    assert shown


def test_thymectomy_without_a_thymoma_says_who_is_offered_it(routes: Routes) -> None:
    for answers, summary in routes:
        ids = treatment_ids(summary)
        assert ("thymectomy" in ids) == (syndrome(answers) == "mg"), route_id(answers)
        if "thymectomy" not in ids:
            continue
        about = flat(listed(summary, "thymectomy").item.about)
        for words in ("no thymoma", "18 to 65", "AChR antibodies", "early in the illness"):
            assert words in about, words
        assert "MuSK" in about and "only the eye muscles" in about
        assert "mgtx-thymectomy" in listed(summary, "thymectomy").sources


def test_adult_opsoclonus_myoclonus_looks_for_a_teratoma_in_young_women(routes: Routes) -> None:
    for answers, summary in routes:
        note = has_note(summary, "treat-cancer", "young women", "teratoma", "ovary")
        if syndrome(answers) == "omx":
            assert note == (not is_child(answers)), route_id(answers)


def test_sensory_neuronopathy_lists_nerve_pain_medicines_from_a_guideline(
    tree: Any, routes: Routes
) -> None:
    for answers, summary in routes:
        ids = treatment_ids(summary)
        assert ("nerve-pain-medicines" in ids) == (syndrome(answers) == "sensory")
        if "nerve-pain-medicines" in ids:
            glance = [line.item.id for line in summary.glance]
            if "cancer_not_found" in summary.facts:  # "Finding and treating" comes later then
                glance = [i for i in glance if i != "treat-cancer"]
                assert glance[0] == "nerve-pain-medicines", route_id(answers)
            else:
                assert glance[:2] == ["treat-cancer", "nerve-pain-medicines"], route_id(answers)
    assert "nice.org.uk" in tree.sources["nice-neuropathic"].url


# --- Children ----------------------------------------------------------------------------------

ADULT_ONLY = re.compile(r"\b(drive|driving|adults?)\b", re.IGNORECASE)


def test_childrens_routes_have_no_driving_question_and_no_adult_only_wording(
    routes: Routes,
) -> None:
    children = 0
    for answers, summary in routes:
        if not is_child(answers):
            continue
        children += 1
        for text in texts_of(summary):
            assert not ADULT_ONLY.search(text), (route_id(answers), text)
        for source in summary.sources:
            assert not ADULT_ONLY.search(source.title), (route_id(answers), source.title)
    assert children == 5 * 5 * 19


def test_adults_with_seizures_are_still_asked_about_driving(routes: Routes) -> None:
    for answers, summary in routes:
        if answers.get("symptoms") == ["seizures"] and not is_child(answers):
            assert "is it safe for me to drive" in questions_of(summary), route_id(answers)


# --- "Not sure" of the cancer ------------------------------------------------------------------


def test_not_sure_of_cancer_status_still_gets_the_repeat_search_advice(routes: Routes) -> None:
    checked = 0
    for answers, summary in routes:
        if answers["cancer_status"] != ["unsure"]:
            continue
        checked += 1
        assert has_note(summary, "treat-cancer", "not sure", "search is often repeated", "scans")
        assert "how often will I have scans" in questions_of(summary), route_id(answers)
    assert checked > 1000


# --- Checkpoint-inhibitor immunotherapy --------------------------------------------------------

ICI_WORDS = (
    "checkpoint inhibitor",
    "same day",
    "weakness",
    "droopy eyelids",
    "double vision",
    "swallowing",
    "breathing",
    "muscle",
    "chest pain",
)


def test_checkpoint_inhibitor_same_day_advice_wherever_cancer_treatment_is_reported(
    routes: Routes,
) -> None:
    for answers, summary in routes:
        reported = answers["cancer_status"][0] in ("treating", "not_started", "finished")
        notes = [
            flat(n) for n in listed(summary, "treat-cancer").notes if "checkpoint inhibitor" in n
        ]
        assert bool(notes) == reported, route_id(answers)
        for note in notes:
            assert not contains_all(note, ICI_WORDS), (route_id(answers), note)
        if reported:
            assert "valencia-ici" in listed(summary, "treat-cancer").sources


# --- Fever and self-harm -----------------------------------------------------------------------


@pytest.mark.parametrize("system", ["nervous", "unsure", *OTHER_SYSTEMS])
def test_fever_red_flag_uses_the_threshold_wording(tree: Any, system: str) -> None:
    answers = (
        other(system, red_flags=["fever"])
        if system in OTHER_SYSTEMS
        else {
            **other("hormones", red_flags=["fever"]),
            "body_system": [system],
            "syndrome": ["unknown"],
            "symptoms": ["none"],
            "antibody": ["unsure"],
        }
    )
    summary = summary_of(tree, answers)
    [flag] = summary.red_flags
    advice = flat(flag.advice)
    for words in (
        "38 °C (100.4 °F) or more",
        "the number your cancer team gave you",
        "below 36 °C",
        "shivery or unwell, even with a normal temperature",
        "before you take paracetamol",
        "ibuprofen",
        "urgent line now",
        "emergency number",
    ):
        assert words in advice, words
    assert "christie-fever" in flag.sources
    option = tree.nodes["red_flags"].option("fever")
    assert "shivery or unwell" in option.label and "36 °C" in option.help


CRISIS_LINES = ("988 (US)", "Samaritans on 116 123 (UK and Ireland)", "024 (Spain)")


def test_every_self_harm_warning_gives_crisis_lines_by_country(tree: Any, routes: Routes) -> None:
    warnings = [
        text
        for item in tree.treatments.values()
        for text in (*item.side_effects.common, *item.side_effects.serious)
        if "harming yourself" in text
    ]
    assert len(warnings) >= 2
    for text in warnings:
        assert not contains_all(flat(text), CRISIS_LINES), text
    for answers, summary in routes:
        for text in texts_of(summary):
            if "harming yourself" in text:
                assert not contains_all(flat(text), CRISIS_LINES), route_id(answers)


# --- What people ask ---------------------------------------------------------------------------


def test_new_care_team_questions_show_only_where_they_apply(routes: Routes) -> None:
    for answers, summary in routes:
        ids = set(treatment_ids(summary))
        asked = questions_of(summary)
        neuro = "syndrome" in answers
        immune = bool(ids & set(IMMUNE_SUPPRESSING))
        rules = {
            "Who is my key worker?": True,
            "Who can help with money, work or school?": True,
            "Is there a clinical trial": neuro,
            "Which vaccines should I have before immune treatment starts?": immune,
            "How long will treatment take to work": immune,
            "protect my bones while I take steroids": "corticosteroids" in ids,
            "protect my stomach, or one to prevent a lung infection called PJP": (
                "corticosteroids" in ids
            ),
            "(a test called FVC)": (
                syndrome(answers) in ("mg", "lems") or answers.get("symptoms") == ["swallowing"]
            ),
        }
        for words, expected in rules.items():
            assert (words in asked) == expected, (route_id(answers), words)


# --- Patient groups ----------------------------------------------------------------------------

GROUPS = {
    "myaware": ("mg", "lems"),
    "desst": ("omx",),
    "myositis-association": ("dermatomyositis",),
}
COUNTRY = re.compile(r"\((US|UK|UK and Ireland|Australia|Spain)\)")


def test_syndrome_patient_groups_are_labelled_by_country_and_shown_only_for_their_syndrome(
    tree: Any, routes: Routes
) -> None:
    for resource in GROUPS:
        assert COUNTRY.search(tree.resources[resource].name), resource
        assert tree.resources[resource].sources, resource
    for answers, summary in routes:
        ids = [r.item.id for r in summary.resources]
        for resource, syndromes in GROUPS.items():
            expected = syndrome(answers) in syndromes and (resource != "desst" or is_child(answers))
            assert (resource in ids) == expected, (route_id(answers), resource)


# --- Sources -----------------------------------------------------------------------------------

WEAK = re.compile(
    r"(medscape\.com|merckmanuals\.com/.*/multimedia/image|tidsskriftet\.no|connect\.mayoclinic"
    r"|info-week|occupational-therapy-adults|dovepress\.com/prognostic-analysis-of-thymoma)"
)


def test_the_sources_listed_as_weak_are_gone(tree: Any) -> None:
    for source in tree.sources.values():
        assert not WEAK.search(source.url), source.url
    for item in (*tree.treatments.values(), *tree.resources.values()):
        assert not WEAK.search(getattr(item, "url", "") or ""), item.id


def test_plasma_exchange_and_pyridostigmine_cite_mg_pages_only_for_mg(routes: Routes) -> None:
    mg_pages = {"mayo-mg-treatment", "mg-consensus", "bmc-mg", "mgtx-thymectomy"}
    for answers, summary in routes:
        if syndrome(answers) == "mg":
            continue
        for card in ("plasma-exchange", "pyridostigmine"):
            if card in treatment_ids(summary):
                assert not mg_pages & set(listed(summary, card).sources), (route_id(answers), card)


def test_the_cautionary_medicines_page_for_mg_and_lems_is_cited_only_where_it_speaks(
    routes: Routes,
) -> None:
    """MGFA's list of medicines that can worsen MG (and LEMS) backs the cautions of those two
    syndromes, and the stiffness note for a syndrome not yet named; the safety net's "new
    weakness after a new medicine", shown to everyone, cites a general page instead."""
    cited_somewhere = False
    for answers, summary in routes:
        cited = {source.id for source in summary.sources}
        speaks = {"mg", "lems", "syndrome_unknown"} & summary.facts
        assert "mgfa-cautionary" not in cited or speaks, route_id(answers)
        assert "aafp-drug-reactions" in cited, route_id(answers)
        cited_somewhere |= "mgfa-cautionary" in cited
    assert cited_somewhere


def test_the_spanish_language_page_stands_beside_the_english_one(routes: Routes) -> None:
    for answers, summary in routes:
        cited = {source.id for source in summary.sources}
        if "mayo-symptoms" in cited and answers["cancer_status"] == ["not_found"]:
            assert "mayo-symptoms-es" in cited, route_id(answers)


def test_amifampridine_names_the_other_reasons_not_to_take_it(routes: Routes) -> None:
    for answers, summary in routes:
        if "amifampridine" not in treatment_ids(summary):
            continue
        given = flat(listed(summary, "amifampridine").item.given)
        for words in ("ever had a seizure", "asthma that is not under control", "long QT"):
            assert words in given, (route_id(answers), words)
        assert "every medicine you take" in given
        assert "ema-firdapse" in listed(summary, "amifampridine").sources


# Pages about one syndrome: an alert raised on any route must not cite them.
ONE_SYNDROME = {"mg-consensus", "mg-steroid-worsening", "pmc-lems", "dovepress-lems", "bmc-mg"}


@pytest.mark.parametrize("flag", ["breathing", "choking"])
def test_breathing_and_choking_alerts_cite_general_pages(tree: Any, flag: str) -> None:
    for system in OTHER_SYSTEMS:
        [raised] = summary_of(tree, other(system, red_flags=[flag])).red_flags
        assert raised.sources and not set(raised.sources) & ONE_SYNDROME, raised.sources


def test_spanish_language_pages_stand_beside_the_thymoma_and_breathing_pages(
    tree: Any, routes: Routes
) -> None:
    assert "mayo-breath-es" in tree.red_flags["breathing"].sources
    for answers, summary in routes:
        cited = {source.id for source in summary.sources}
        if "nci-thymoma" in cited:
            assert "nci-thymoma-es" in cited, route_id(answers)


def test_daily_life_safety_falls_at_home_and_safe_food_textures(routes: Routes) -> None:
    """facts.md, third edition: falls at home, safe food textures (heat for LEMS is on the
    physical therapy card). Each shows wherever its risk was reported and its card is listed."""
    falls = textures = 0
    for answers, summary in routes:
        ids = treatment_ids(summary)
        symptoms = answers.get("symptoms", [])
        unsteady = {"weakness", "balance"} & set(symptoms) or syndrome(answers) in (
            "cerebellar", "sensory")
        if "occupational-therapy" in ids:
            said = has_note(summary, "occupational-therapy", "falls more likely", "handrails")
            assert said == bool(unsteady), route_id(answers)
            falls += said
        if "swallowing" in symptoms:
            assert has_note(summary, "speech-language-therapy", "softer foods", "thicker drinks")
            textures += 1
    assert falls > 500 and textures > 300
