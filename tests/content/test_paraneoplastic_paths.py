"""The paraneoplastic syndromes tree: what each path through it lists, checked against the facts.

Every test walks the real tree through the engine (`walk` / `Session`), so it checks the content
and its conditions together: the right treatments for each syndrome, the tailored notes, the red
flags, the short branches for other parts of the body, and that nothing in the tree is unreachable.
The points of issue 8 (the second edition) have their own tests in test_second_edition.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import pytest
import yaml

from tests.content.routes import (
    IMMUNE,
    TREE,
    has_note,
    neuro,
    notes_of,
    other,
    summary_of,
    treatment_ids,
)
from wizard.model.loader import check_file, load_tree
from wizard.model.machine import Session, walk


@pytest.fixture(scope="module")
def tree() -> Any:
    return load_tree(TREE)


# syndrome option, symptoms picked, treatments that must be listed (in this order),
# treatments that must not be listed. From the facts sheet's table, last column, as corrected by
# its "Second edition" section.
SYNDROMES: list[tuple[str, list[str], list[str], list[str]]] = [
    (
        "cerebellar",
        ["balance", "speech"],
        [
            "treat-cancer",
            "corticosteroids",
            "ivig",
            "plasma-exchange",
            "physical-therapy",
            "speech-language-therapy",
        ],
        ["amifampridine", "pyridostigmine", "stiffness-medicines"],
    ),
    (
        "limbic",
        ["seizures", "memory"],
        [
            "treat-cancer",
            "corticosteroids",
            "cyclophosphamide",
            "rituximab",
            "ivig",
            "plasma-exchange",
            "anti-seizure-medicines",
        ],
        ["amifampridine", "pyridostigmine"],
    ),
    (
        "encephalomyelitis",
        ["weakness"],
        ["treat-cancer", "physical-therapy"],
        list(IMMUNE),
    ),
    (
        "omx",
        ["balance"],
        ["treat-cancer", "corticosteroids", "rituximab", "ivig"],
        ["amifampridine", "pyridostigmine"],
    ),
    (
        "sps",
        ["stiffness"],
        [
            "treat-cancer",
            "ivig",
            "plasma-exchange",
            "stiffness-medicines",
            "physical-therapy",
        ],
        ["amifampridine", "pyridostigmine", "corticosteroids"],
    ),
    (
        "myelopathy",
        ["weakness", "stiffness"],
        ["treat-cancer", "corticosteroids", "stiffness-medicines", "physical-therapy"],
        ["amifampridine", "pyridostigmine"],
    ),
    (
        "lems",
        ["weakness", "swallowing", "stiffness"],
        [
            "treat-cancer",
            "corticosteroids",
            "azathioprine",
            "ivig",
            "plasma-exchange",
            "amifampridine",
            "pyridostigmine",
            "physical-therapy",
            "speech-language-therapy",
            "medicines-to-check",
        ],
        ["cyclophosphamide", "rituximab", "stiffness-medicines", "thymectomy"],
    ),
    (
        "mg",
        ["swallowing", "vision", "stiffness"],
        [
            "treat-cancer",
            "thymectomy",
            "corticosteroids",
            "azathioprine",
            "ivig",
            "plasma-exchange",
            "pyridostigmine",
            "speech-language-therapy",
            "medicines-to-check",
        ],
        ["amifampridine", "stiffness-medicines"],
    ),
    (
        "neuromyotonia",
        ["stiffness"],
        [
            "treat-cancer",
            "corticosteroids",
            "ivig",
            "plasma-exchange",
            "anti-seizure-medicines",
        ],
        ["amifampridine", "pyridostigmine", "stiffness-medicines"],
    ),
    (
        "sensory",
        ["numbness"],
        ["treat-cancer", "nerve-pain-medicines", "physical-therapy", "occupational-therapy"],
        list(IMMUNE),
    ),
    (
        "dermatomyositis",
        ["weakness", "stiffness"],
        # third edition: a steroid-sparing medicine, and rituximab when others do not help
        [
            "treat-cancer",
            "corticosteroids",
            "azathioprine",
            "rituximab",
            "ivig",
            "physical-therapy",
        ],
        ["amifampridine", "pyridostigmine", "stiffness-medicines", "medicines-to-check"],
    ),
    (
        "unknown",
        ["none"],
        ["treat-cancer", "corticosteroids", "ivig", "plasma-exchange"],
        ["amifampridine", "pyridostigmine", "medicines-to-check"],
    ),
]

# Notes each syndrome's summary must carry: (treatment, words the note contains).
SYNDROME_NOTES: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "cerebellar": [
        ("treat-cancer", ("inside nerve cells", "may not heal")),
        ("corticosteroids", ("mixed results",)),
    ],
    "limbic": [
        ("treat-cancer", ("anti-NMDAR", "teratoma")),
        ("anti-seizure-medicines", ("calms the immune system",)),
        ("cyclophosphamide", ("first treatments",)),
        ("rituximab", ("first treatments",)),
        ("ivig", ("first immune treatments",)),
    ],
    "encephalomyelitis": [
        ("treat-cancer", ("main treatment", "no medicine", "proven")),
        ("treat-cancer", ("inside nerve cells", "may not heal")),
    ],
    "omx": [
        ("treat-cancer", ("children", "neuroblastoma")),
        ("corticosteroids", ("ACTH", "IVIg")),
        ("rituximab", ("children",)),
    ],
    "sps": [
        ("plasma-exchange", ("helps some people",)),
        ("ivig", ("best proof",)),
        ("stiffness-medicines", ("main medicines",)),
    ],
    "myelopathy": [
        ("corticosteroids", ("treating any tumour comes first",)),
        ("treat-cancer", ("same day", "spinal cord")),
        ("stiffness-medicines", ("spinal cord",)),
    ],
    "lems": [
        ("pyridostigmine", ("only a little", "amifampridine is the first choice")),
        ("corticosteroids", ("severe",)),
        ("azathioprine", ("severe",)),
        ("ivig", ("severe",)),
        ("plasma-exchange", ("severe",)),
        ("treat-cancer", ("outer surface", "respond well")),
        ("speech-language-therapy", ("close watching",)),
    ],
    "mg": [
        ("pyridostigmine", ("first medicine",)),
        ("ivig", ("crisis",)),
        ("plasma-exchange", ("crisis",)),
        ("treat-cancer", ("thymoma", "counted as a cancer")),
        ("treat-cancer", ("outer surface", "respond well")),
        ("corticosteroids", ("first weeks",)),
    ],
    "neuromyotonia": [
        ("corticosteroids", ("often helps",)),
        ("anti-seizure-medicines", ("carbamazepine", "phenytoin")),
        ("treat-cancer", ("outer surface", "respond well")),
    ],
    "sensory": [
        ("treat-cancer", ("may stop",)),
        ("treat-cancer", ("inside nerve cells", "may not heal")),
    ],
    "dermatomyositis": [
        ("corticosteroids", ("sun",)),
        ("ivig", ("steroids are not enough",)),
        ("treat-cancer", ("over 40",)),
    ],
    "unknown": [("corticosteroids", ("depends on which syndrome",))],
}


def in_order(listed: Sequence[str], expected: Iterable[str]) -> bool:
    position = -1
    for item in expected:
        if item not in listed or listed.index(item) < position:
            return False
        position = listed.index(item)
    return True


# --- the file as a whole ----------------------------------------------------------------------


def test_tree_checks_clean_no_errors_no_warnings() -> None:
    _, diagnostics = check_file(TREE)
    assert not diagnostics, "\n".join(str(d) for d in diagnostics)


def test_identity_review_and_disclaimer(tree: Any) -> None:
    assert tree.id == "paraneoplastic"
    assert tree.format == 1
    assert tree.version == "2026.12.0"
    assert tree.language == "en"
    assert tree.description
    assert tree.review.last_reviewed == "2026-11-21"
    assert tree.review.next_review == "2027-11-21"
    # edited after that review and not yet signed off: every review line must say so
    assert tree.review.unreviewed_change == "2026-12-05"
    assert "does not diagnose" in tree.disclaimer
    assert "care team" in tree.disclaimer
    assert TREE.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=tree.schema.json\n"
    )


def test_welcome_says_what_the_guide_does_and_does_not_do(tree: Any) -> None:
    session = Session(tree)
    welcome = session.current
    assert welcome.id == tree.start == "welcome"
    assert welcome.kind == "info"
    text = welcome.text.lower()
    for words in (
        "information only",
        "does not tell you what you have",
        "few minutes",
        "nothing you enter is stored",
        "care team",
    ):
        assert words in text, words
    session.answer([])
    assert session.current.id == "red_flags"


def test_amifampridine_is_named_correctly(tree: Any) -> None:
    raw = TREE.read_text(encoding="utf-8")
    assert "2,3-diaminopyridine" not in raw.lower()
    assert not re.search(r"2,\s*3-?\s*dap", raw, re.IGNORECASE)
    assert "3,4-diaminopyridine" in raw
    amifampridine = tree.treatments["amifampridine"]
    assert "3,4-diaminopyridine" in amifampridine.name
    assert "dalfampridine" in amifampridine.about  # the look-alike name is flagged, not confused


def test_speech_language_and_occupational_therapy_are_separate(tree: Any) -> None:
    speech = tree.treatments["speech-language-therapy"]
    occupational = tree.treatments["occupational-therapy"]
    assert "swallow" in speech.about and "speaking" in speech.about
    assert "daily tasks" in occupational.about
    assert "occupational" not in speech.name.lower()


def test_never_mixes_the_two_frequency_figures() -> None:
    raw = yaml.safe_load(TREE.read_text(encoding="utf-8"))

    def strings(node: Any) -> Iterable[str]:
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for value in node.values():
                yield from strings(value)
        elif isinstance(node, list):
            for value in node:
                yield from strings(value)

    for text in strings(raw):
        assert not ("1 in 100" in text and "1 in 5" in text), text
        if "1 in 100" in text:
            assert "nerve" in text  # the figure is for serious nerve-related PNS only


def test_every_item_cites_a_source_and_phone_numbers_name_a_country(tree: Any) -> None:
    for item in (*tree.treatments.values(), *tree.resources.values(), *tree.red_flags.values()):
        assert item.sources, item.id
        assert all(source in tree.sources for source in item.sources), item.id
    for resource in tree.resources.values():
        if re.search(r"\d{3}", resource.contact):
            assert re.search(r"\b(US|UK|EU|Canada|Australia)\b", resource.contact), resource.id


def test_steroid_harms_short_and_long_term(tree: Any) -> None:
    steroids = tree.treatments["corticosteroids"]
    assert {"prednisone", "cortisone"} <= set(steroids.examples)
    common = " ".join(steroids.side_effects.common).lower()
    for effect in ("mood", "sleep", "blood sugar", "blood pressure", "fluid", "weight"):
        assert effect in common, effect
    serious = " ".join(steroids.side_effects.serious).lower()
    for effect in (
        "osteoporosis",
        "type 2 diabetes",
        "high blood pressure",
        "cholesterol",
        "infection",
        "stopping suddenly",
    ):
        assert effect in serious, effect
    assert "never stop" in steroids.given.lower()


def test_immune_suppressants_warn_of_infection(tree: Any) -> None:
    for treatment in ("azathioprine", "cyclophosphamide", "rituximab"):
        effects = tree.treatments[treatment].side_effects
        assert "infection" in " ".join((*effects.common, *effects.serious)).lower(), treatment


# --- each named syndrome ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("syndrome", "symptoms", "expected", "absent"),
    SYNDROMES,
    ids=[row[0] for row in SYNDROMES],
)
def test_syndrome_lists_its_treatments(
    tree: Any, syndrome: str, symptoms: list[str], expected: list[str], absent: list[str]
) -> None:
    summary = summary_of(tree, neuro(syndrome, symptoms))
    listed = treatment_ids(summary)
    assert in_order(listed, expected), f"expected {expected} in order; listed {listed}"
    assert not set(absent) & set(listed), f"{set(absent) & set(listed)} listed for {syndrome}"
    assert not summary.red_flags
    group_ids = [group.group.id for group in summary.groups]
    assert group_ids[0] == "treat-cancer"
    assert "other-body" not in group_ids


@pytest.mark.parametrize("syndrome", sorted(SYNDROME_NOTES))
def test_syndrome_notes(tree: Any, syndrome: str) -> None:
    symptoms = next(row[1] for row in SYNDROMES if row[0] == syndrome)
    summary = summary_of(tree, neuro(syndrome, symptoms))
    for treatment, fragments in SYNDROME_NOTES[syndrome]:
        assert has_note(summary, treatment, *fragments), (
            f"{syndrome}: no note on {treatment} with {fragments}; "
            f"notes: {notes_of(summary, treatment)}"
        )


def test_every_syndrome_is_offered(tree: Any) -> None:
    options = {option.id for option in tree.nodes["syndrome"].options}
    assert options == {row[0] for row in SYNDROMES}
    labels = " ".join(option.label for option in tree.nodes["syndrome"].options)
    for name in (
        "Cerebellar degeneration",
        "Limbic encephalitis",
        "Encephalomyelitis",
        "Opsoclonus-myoclonus",
        "Stiff person syndrome",
        "Myelopathy",
        "Lambert-Eaton myasthenic syndrome",
        "Myasthenia gravis",
        "Neuromyotonia",
        "Sensory neuronopathy",
        "Dermatomyositis",
    ):
        assert name in labels, name
    limbic = tree.nodes["syndrome"].option("limbic")
    assert "anti-NMDAR" in limbic.help


def test_lems_lists_amifampridine_before_pyridostigmine_with_its_caveat(tree: Any) -> None:
    summary = summary_of(tree, neuro("lems", ["weakness"]))
    listed = treatment_ids(summary)
    assert listed.index("amifampridine") < listed.index("pyridostigmine")
    assert has_note(summary, "pyridostigmine", "only a little", "first choice")
    assert "first choice" in tree.treatments["amifampridine"].about
    assert "myasthenia gravis" in tree.treatments["pyridostigmine"].about


def test_amifampridine_warns_about_seizures_for_people_who_have_them(tree: Any) -> None:
    quiet = summary_of(tree, neuro("lems", ["weakness"]))
    assert not notes_of(quiet, "amifampridine")
    seizures = summary_of(tree, neuro("lems", ["weakness", "seizures"]))
    assert has_note(seizures, "amifampridine", "not given to people who have had seizures")


def test_limbic_with_seizures_lists_anti_seizure_and_immune_treatments(tree: Any) -> None:
    listed = treatment_ids(summary_of(tree, neuro("limbic", ["seizures"])))
    assert "anti-seizure-medicines" in listed
    assert {"corticosteroids", "ivig", "plasma-exchange", "rituximab", "cyclophosphamide"} <= set(
        listed
    )


def test_intracellular_syndromes_do_not_over_promise(tree: Any) -> None:
    for syndrome in ("cerebellar", "encephalomyelitis", "sensory"):
        summary = summary_of(tree, neuro(syndrome))
        notes = " ".join(notes_of(summary, "treat-cancer")).lower()
        assert "respond well" not in notes and "help a lot" not in notes
        assert "may not heal" in notes


# --- symptoms ---------------------------------------------------------------------------------

# symptom option -> a treatment it brings in, even when the syndrome is not named yet.
SYMPTOM_ITEMS = [
    ("swallowing", "speech-language-therapy"),
    ("speech", "speech-language-therapy"),
    ("seizures", "anti-seizure-medicines"),
    ("weakness", "physical-therapy"),
    ("balance", "physical-therapy"),
    ("stiffness", "stiffness-medicines"),
    ("memory", "occupational-therapy"),
    ("numbness", "occupational-therapy"),
    ("vision", "occupational-therapy"),
]


@pytest.mark.parametrize(("symptom", "treatment"), SYMPTOM_ITEMS)
def test_symptom_brings_in_its_therapy(tree: Any, symptom: str, treatment: str) -> None:
    with_symptom = treatment_ids(summary_of(tree, neuro("unknown", [symptom])))
    without = treatment_ids(summary_of(tree, neuro("unknown", ["none"])))
    assert treatment in with_symptom
    assert treatment not in without


def test_swallowing_trouble_gets_speech_language_therapy_and_a_question(tree: Any) -> None:
    summary = summary_of(tree, neuro("unknown", ["swallowing"]))
    assert has_note(summary, "speech-language-therapy", "swallowing is hard")
    questions = [listed.item.text for listed in summary.questions]
    assert any("swallowing" in question for question in questions)


# --- cancer status ----------------------------------------------------------------------------


def test_cancer_not_found_explains_the_search(tree: Any) -> None:
    summary = summary_of(tree, neuro("lems", ["weakness"], cancer="not_found"))
    assert has_note(summary, "treat-cancer", "no cancer has been found", "scans", "repeat")
    questions = " ".join(listed.item.text for listed in summary.questions).lower()
    assert "scans" in questions


@pytest.mark.parametrize(
    ("cancer", "words"),
    [
        ("treating", "being treated"),
        ("not_started", "not started"),
        ("not_found", "no cancer has been found"),
        ("finished", "has finished"),
        ("unsure", "not sure where things stand"),
    ],
)
def test_cancer_status_tailors_the_cancer_item(tree: Any, cancer: str, words: str) -> None:
    summary = summary_of(tree, neuro("mg", cancer=cancer))
    assert has_note(summary, "treat-cancer", words)


# --- treatments already taken -----------------------------------------------------------------


def test_steroids_taken_bring_their_side_effects_and_mood_note(tree: Any) -> None:
    summary = summary_of(tree, other("joints", taken=["steroids"]))
    assert "corticosteroids" in treatment_ids(summary)
    assert has_note(summary, "corticosteroids", "you have had steroids")
    assert not has_note(summary, "corticosteroids", "change mood")
    moody = summary_of(tree, neuro("unknown", ["mood"], taken=["steroids"]))
    assert has_note(moody, "corticosteroids", "change mood")


def test_immune_suppressant_taken_lists_each_with_infection_note(tree: Any) -> None:
    summary = summary_of(tree, other("skin", taken=["immunosuppressant"]))
    for treatment in ("azathioprine", "cyclophosphamide", "rituximab"):
        assert has_note(summary, treatment, "if it is this one"), treatment
    questions = " ".join(listed.item.text for listed in summary.questions).lower()
    assert "infection" in questions


def test_ivig_or_plasma_exchange_taken(tree: Any) -> None:
    summary = summary_of(tree, other("blood", taken=["ivig_plex"]))
    for treatment in ("ivig", "plasma-exchange"):
        assert has_note(summary, treatment, "you have had ivig or plasma exchange")


def test_anti_seizure_taken(tree: Any) -> None:
    summary = summary_of(tree, neuro("unknown", ["mood"], taken=["antiseizure"]))
    assert has_note(summary, "anti-seizure-medicines", "before you stop it")
    assert has_note(summary, "anti-seizure-medicines", "affect mood")


def test_none_taken_is_exclusive(tree: Any) -> None:
    from wizard.model.machine import AnswerError

    session = walk(
        tree,
        {
            "red_flags": ["none"],
            "body_system": ["skin"],
            "cancer_status": ["treating"],
            "treatments_taken": ["none"],
        },
    )
    assert session.finished
    session.back()
    with pytest.raises(AnswerError):
        session.answer(["none", "steroids"])


# --- other parts of the body -------------------------------------------------------------------

OTHER_SYSTEMS = [
    ("hormones", "hormone-care", "hormones_info"),
    ("skin", "skin-care", "skin_info"),
    ("joints", "joint-care", "joints_info"),
    ("blood", "blood-care", "blood_info"),
]


@pytest.mark.parametrize(("system", "treatment", "info"), OTHER_SYSTEMS)
def test_other_body_system_is_honest_and_points_to_the_care_team(
    tree: Any, system: str, treatment: str, info: str
) -> None:
    session = Session(tree)
    session.answer([])  # welcome
    session.answer(["none"])
    session.answer([system])
    assert session.current.id == info
    assert "care team will guide this" in session.current.text.lower()
    session.answer([])
    assert session.current.id == "cancer_status"  # no syndrome or symptom questions here
    session.answer(["not_found"])
    session.answer(["none"])
    assert session.finished
    summary = session.summary()
    listed = treatment_ids(summary)
    assert treatment in listed
    assert listed[0] == "treat-cancer"
    item = tree.treatments[treatment]
    assert "care team will guide this" in item.given.lower()
    assert item.group == "other-body"
    assert not {"amifampridine", "pyridostigmine", "ivig", "plasma-exchange"} & set(listed)
    assert [g.group.id for g in summary.groups] == ["treat-cancer", "other-body"]


def test_hormone_syndromes_are_not_an_immune_attack(tree: Any) -> None:
    about = tree.treatments["hormone-care"].about.lower()
    assert "not usually an immune attack" in about
    given = tree.treatments["hormone-care"].given.lower()
    for words in ("low sodium", "cushing", "high calcium", "bisphosphonates"):
        assert words in given
    summary = summary_of(tree, other("hormones"))
    assert has_note(summary, "treat-cancer", "hormone")


def test_not_sure_which_part_asks_about_a_syndrome_symptoms_and_antibodies(tree: Any) -> None:
    session = Session(tree)
    session.answer([])  # welcome
    session.answer(["none"])
    session.answer(["unsure"])
    assert session.current.id == "unsure_info"
    session.answer([])
    for node, answer in (("syndrome", "unknown"), ("symptoms", "balance"), ("antibody", "unsure")):
        assert session.current.id == node
        session.answer([answer])
    assert session.current.id == "cancer_status"
    session.answer(["not_found"])
    session.answer(["none"])
    summary = session.summary()
    listed = treatment_ids(summary)
    assert "treat-cancer" in listed and "physical-therapy" in listed
    questions = " ".join(listed.item.text for listed in summary.questions)
    assert "Which part of my body" in questions


# --- red flags --------------------------------------------------------------------------------


def red_flag_options(tree: Any) -> list[Any]:
    return [option for option in tree.nodes["red_flags"].options if option.red_flag]


def test_every_emergency_sign_is_asked_and_every_red_flag_is_raisable(tree: Any) -> None:
    node = tree.nodes["red_flags"]
    assert node.kind == "multi"
    raised = {option.red_flag for option in red_flag_options(tree)}
    assert raised == set(tree.red_flags)
    assert len(raised) == 9
    none = node.option("none")
    assert none is not None and none.exclusive


@pytest.mark.parametrize(
    "option_id",
    [
        "breathing",
        "choking",
        "seizure",
        "seizure_harm",
        "confusion",
        "fever",
        "spinal_cord",
        "blood_urine",
        "ivig",
        "clot",
    ],
)
def test_red_flag_raises_its_alert_and_the_person_can_go_on(tree: Any, option_id: str) -> None:
    session = Session(tree)
    session.answer([])  # welcome
    assert session.current.id == "red_flags"
    option = session.current.option(option_id)
    raised = session.answer([option_id])
    assert [flag.id for flag in raised] == [option.red_flag]
    assert [flag.id for flag in session.red_flags] == [option.red_flag]
    flag = raised[0]
    assert flag.title and flag.advice
    if option_id in ("fever", "blood_urine", "spinal_cord"):
        assert "care team's urgent line now" in flag.advice
    else:
        assert "emergency number" in flag.advice
    assert "911 in the US, 999 in the UK, 112 in the EU" in flag.advice
    # the pause page, then on through the guide to the summary
    assert session.current.id == "urgent_pause"
    session.answer([])
    for answer in (["nervous"], ["lems"], ["weakness"], ["unsure"], ["treating"], ["none"]):
        session.answer(answer)
    assert session.finished
    summary = session.summary()
    assert [f.id for f in summary.red_flags] == [option.red_flag]
    assert "amifampridine" in treatment_ids(summary)


def test_no_red_flag_skips_the_pause(tree: Any) -> None:
    session = walk(tree, neuro("mg"))
    assert "urgent_pause" in session.skipped
    assert not session.red_flags


def test_several_red_flags_at_once(tree: Any) -> None:
    session = Session(tree)
    session.answer([])
    ids = [option.id for option in red_flag_options(tree)]
    raised = session.answer(ids)
    assert len(raised) == len({option.red_flag for option in red_flag_options(tree)})


# --- everything in the tree is reachable ------------------------------------------------------

PATHS: list[dict[str, list[str]]] = [
    *(neuro(row[0], row[1]) for row in SYNDROMES),
    neuro("omx", ["balance"], age="adult", antibody="gad"),
    neuro(
        "lems", ["weakness", "seizures", "swallowing"], cancer="not_found", antibody="none_found"
    ),
    neuro(
        "mg",
        ["swallowing", "vision", "mood", "autonomic"],
        cancer="not_started",
        taken=["steroids", "immunosuppressant", "ivig_plex", "antiseizure"],
        antibody="surface",
    ),
    neuro(
        "limbic",
        ["memory", "numbness", "mood"],
        cancer="finished",
        taken=["antiseizure"],
        antibody="inside",
    ),
    neuro("unknown", ["speech", "stiffness"], cancer="unsure", taken=["unsure"]),
    neuro("encephalomyelitis", ["stiffness"]),
    neuro("mg", cancer="not_found"),
    *(other(system) for system in ("hormones", "skin", "joints", "blood")),
    *(other(system, cancer="not_found") for system in ("hormones", "skin", "joints", "blood")),
    neuro("unknown", ["balance"], cancer="not_found", system="unsure"),
]


@pytest.fixture(scope="module")
def summaries(tree: Any) -> list[Any]:
    return [summary_of(tree, answers) for answers in PATHS]


def test_every_treatment_resource_and_question_is_listed_on_some_path(
    tree: Any, summaries: list[Any]
) -> None:
    treatments = {t.item.id for s in summaries for t in s.treatments}
    resources = {r.item.id for s in summaries for r in s.resources}
    questions = {q.item.text for s in summaries for q in s.questions}
    assert set(tree.treatments) - treatments == set()
    assert set(tree.resources) - resources == set()
    assert {q.text for q in tree.questions} - questions == set()


def test_every_note_is_shown_on_some_path(tree: Any, summaries: list[Any]) -> None:
    shown = {(t.item.id, note) for s in summaries for t in s.treatments for note in t.notes}
    missing = [
        (treatment.id, note.text[:60])
        for treatment in tree.treatments.values()
        for note in treatment.notes
        if (treatment.id, note.text) not in shown
    ]
    assert not missing


def test_every_seed_document_item_is_in_the_tree(tree: Any, summaries: list[Any]) -> None:
    """Everything the two seed documents name can be reached."""
    text = " ".join(
        " ".join((t.item.name, *t.item.examples, t.item.about, t.item.given))
        for s in summaries
        for t in s.treatments
    ) + " ".join(r.item.name + " " + r.item.about for s in summaries for r in s.resources)
    lowered = text.lower()
    for words in (
        "surgery",
        "chemotherapy",
        "radiation therapy",
        "prednisone",
        "cortisone",
        "azathioprine",
        "cyclophosphamide",
        "rituximab",
        "anti-seizure",
        "3,4-diaminopyridine",
        "pyridostigmine",
        "plasmapheresis",
        "ivig",
        "physical therapy",
        "speech-language therapy",
        "occupational therapy",
        "baclofen",
        "benzodiazepines",
        "learning about your condition",
        "coping-skills",
        "counselling",
        "support groups",
        "online",
        "in person",
        "care team",
    ):
        assert words in lowered, words


def test_every_summary_carries_the_disclaimer(tree: Any, summaries: list[Any]) -> None:
    for summary in summaries:
        assert summary.disclaimer == tree.disclaimer
        assert any(r.item.id == "care-team" for r in summary.resources)
