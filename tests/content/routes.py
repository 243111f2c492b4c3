"""Answers and routes through the bundled PNS tree, shared by its content tests.

Every content test walks the real tree through the engine (`walk` / `Session`), so it checks the
words and the conditions that choose them together. The route tables here let a test say "on
every route where this applies" and mean it: every named syndrome (opsoclonus-myoclonus once for
a child and once for an adult), every antibody answer and every cancer status.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from wizard.model.machine import walk

TREE = Path(__file__).parents[2] / "trees" / "paraneoplastic.yaml"

Answers = Mapping[str, Sequence[str]]

# syndrome option, and the age answer when the syndrome asks for one
SYNDROME_ROUTES: list[tuple[str, str | None]] = [
    ("cerebellar", None),
    ("limbic", None),
    ("encephalomyelitis", None),
    ("omx", "child"),
    ("omx", "adult"),
    ("sps", None),
    ("myelopathy", None),
    ("lems", None),
    ("mg", None),
    ("neuromyotonia", None),
    ("sensory", None),
    ("dermatomyositis", None),
    ("unknown", None),
]
CANCER = ("treating", "not_started", "not_found", "finished", "unsure")
ANTIBODY = ("inside", "surface", "gad", "none_found", "unsure")
OTHER_SYSTEMS = ("hormones", "skin", "joints", "blood")
IMMUNE = (
    "corticosteroids",
    "azathioprine",
    "cyclophosphamide",
    "rituximab",
    "ivig",
    "plasma-exchange",
)


def neuro(
    syndrome: str,
    symptoms: Sequence[str] = ("none",),
    cancer: str = "treating",
    taken: Sequence[str] = ("none",),
    antibody: str = "unsure",
    age: str | None = None,
    system: str = "nervous",
    red_flags: Sequence[str] = ("none",),
) -> dict[str, list[str]]:
    """Answers for a person whose nervous system is affected (or who is not sure which part)."""
    answers = {
        "red_flags": list(red_flags),
        "body_system": [system],
        "syndrome": [syndrome],
        "symptoms": list(symptoms),
        "antibody": [antibody],
        "cancer_status": [cancer],
        "treatments_taken": list(taken),
    }
    if syndrome == "omx":
        answers["omx_age"] = [age or "child"]
    return answers


def other(
    system: str,
    cancer: str = "treating",
    taken: Sequence[str] = ("none",),
    red_flags: Sequence[str] = ("none",),
) -> dict[str, list[str]]:
    """Answers for a person whose hormones, skin, joints or blood are affected."""
    return {
        "red_flags": list(red_flags),
        "body_system": [system],
        "cancer_status": [cancer],
        "treatments_taken": list(taken),
    }


def syndrome_routes(
    *syndromes: str, symptoms: Sequence[str] = ("none",), **fixed: Any
) -> Iterator[dict[str, list[str]]]:
    """Every cancer status x antibody answer for the named syndromes (all when none named)."""
    for (syndrome, age), cancer, antibody in itertools.product(SYNDROME_ROUTES, CANCER, ANTIBODY):
        if syndromes and syndrome not in syndromes:
            continue
        yield neuro(syndrome, symptoms, cancer=cancer, antibody=antibody, age=age, **fixed)


def all_routes() -> Iterator[dict[str, list[str]]]:
    """Every single-choice route, plus the other body systems and the "not sure" route."""
    yield from syndrome_routes()
    yield from syndrome_routes(system="unsure")
    for system, cancer in itertools.product(OTHER_SYSTEMS, CANCER):
        yield other(system, cancer)


def summary_of(tree: Any, answers: Answers) -> Any:
    session = walk(tree, answers)
    assert session.finished, answers
    return session.summary()


def treatment_ids(summary: Any) -> list[str]:
    return [listed.item.id for listed in summary.treatments]


def listed(summary: Any, treatment: str) -> Any:
    for item in summary.treatments:
        if item.item.id == treatment:
            return item
    raise AssertionError(f"{treatment} is not listed; listed: {treatment_ids(summary)}")


def notes_of(summary: Any, treatment: str) -> tuple[str, ...]:
    return tuple(listed(summary, treatment).notes)


def has_note(summary: Any, treatment: str, *fragments: str) -> bool:
    return any(
        all(fragment.lower() in note.lower() for fragment in fragments)
        for note in notes_of(summary, treatment)
    )


def questions_of(summary: Any) -> str:
    return " ".join(item.item.text for item in summary.questions)


def texts_of(summary: Any) -> list[str]:
    """Every text the person reads on this summary, one entry per paragraph-sized piece."""
    texts: list[str] = []
    if summary.outcome is not None and summary.outcome.text:
        texts.append(summary.outcome.text)
    for flag in summary.red_flags:
        texts += [flag.title, flag.advice]
    for group in summary.groups:
        texts.append(group.group.about)
        for item in group.treatments:
            treatment = item.item
            texts += [treatment.name, treatment.about, treatment.given, *item.notes]
            texts += [*treatment.side_effects.common, *treatment.side_effects.serious]
    for resource in summary.resources:
        texts += [resource.item.name, resource.item.about, resource.item.contact]
    texts += [question.item.text for question in summary.questions]
    return [text for text in texts if text]


def route_id(answers: Answers) -> str:
    return " ".join(f"{node}={','.join(options)}" for node, options in answers.items())


# One symptom at a time, and one treatment already had at a time: the symptoms and treatments that
# bring in an item, a note or a question of their own. (The symptom question takes any subset;
# every condition in the tree reads one symptom fact at a time, with a syndrome, so a single
# symptom on every syndrome route reaches every way a symptom changes the summary.)
SYMPTOMS = (
    "seizures",
    "weakness",
    "speech",
    "swallowing",
    "balance",
    "memory",
    "numbness",
    "stiffness",
    "vision",
    "autonomic",
    "mood",
    "unsure",
)
TAKEN = ("steroids", "immunosuppressant", "ivig_plex", "antiseizure", "unsure")


def every_route() -> Iterator[dict[str, list[str]]]:
    """`all_routes`, then each syndrome route again with one symptom, and with one treatment had.

    This is the route set the third-edition tests walk: every syndrome, antibody answer and cancer
    status, crossed with each symptom and each treatment already had (the "not sure which part"
    routes give the same advice as the nervous system's, a second-edition test shows), and every
    other body system with each cancer status and each treatment already had.
    """
    yield from all_routes()
    for symptom in SYMPTOMS:
        yield from syndrome_routes(symptoms=[symptom])
    for taken in TAKEN:
        yield from syndrome_routes(taken=[taken])
    for other_system, cancer, taken in itertools.product(OTHER_SYSTEMS, CANCER, TAKEN):
        yield other(other_system, cancer, taken=[taken])
