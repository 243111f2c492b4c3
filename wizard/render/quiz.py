"""The quiz in words: the case's story, each question, its choices, and why each is right or not.

The quiz engine (wizard/model/quiz.py) holds ids and tree text; this module says them with the
vocabulary, once, for the app, `ask --quiz`, the web pages and the results files. The reasons are
the summary's own ("You said: ...", "Listed when ...", reasons.py), so the quiz explains an answer
exactly as the educator's summary does.
"""

from __future__ import annotations

from dataclasses import dataclass

from wizard.model.plain import strip_control
from wizard.model.quiz import NOTHING, Choice, Marked, Prediction, QuizCase
from wizard.model.summary import Summary
from wizard.model.tree import Tree
from wizard.render.reasons import because, describe
from wizard.render.words import t


def story(case: QuizCase) -> str:
    """The person: the author's story, or, for a route, the labels of what they answered."""
    if case.story:
        return strip_control(case.story.strip())
    labels = [label for answer in case.summary.answers for label in answer.labels]
    return t("quiz_they_said", answers="; ".join(strip_control(label) for label in labels))


def question_words(case: QuizCase, question: Prediction) -> str:
    if question.kind == "next":
        answer = next(a for a in case.summary.answers if a.node == question.at)
        return t(
            "quiz_q_next",
            question=strip_control(answer.prompt),
            answer=", ".join(strip_control(label) for label in answer.labels),
        )
    return t(f"quiz_q_{question.kind}")


def choice_words(choice: Choice) -> str:
    return t("quiz_nothing_urgent") if choice.id == NOTHING else strip_control(choice.label)


def choices_words(question: Prediction, ids: tuple[str, ...]) -> str:
    by_id = {c.id: c for c in question.choices}
    return ", ".join(choice_words(by_id[i]) for i in ids if i in by_id) or "-"


def reason(case: QuizCase, question: Prediction, choice_id: str) -> str:
    """Why the guide does or does not give this choice for this person."""
    summary = case.summary
    tree = summary.tree
    labels = summary.fact_labels
    if question.kind == "options":
        listed = next((x for x in summary.treatments if x.item.id == choice_id), None)
        if listed is not None:
            return t(
                "quiz_listed",
                because="; ".join(because(listed)).rstrip(".") + ".",  # one full stop
                rule=describe(listed.condition, labels),
            )
        return t("quiz_not_listed", rule=describe(tree.treatments[choice_id].when, labels))
    if question.kind == "first":
        if choice_id not in question.right:
            return t("quiz_not_first")
        used = next((g for g in tree.at_a_glance if g.when.holds(summary.facts)), None)
        if used is None:
            return t("quiz_first_groups")
        return t("quiz_first_order", rule=describe(used.when, labels))
    if question.kind == "urgent":
        if choice_id == NOTHING:
            key = "quiz_nothing_because" if NOTHING in question.right else "quiz_something_urgent"
            return t(key)
        raisers = _raisers(summary, tree, choice_id)
        if raisers:
            return t("quiz_raised_by", labels="; ".join(raisers))
        return t("quiz_not_raised")
    return t("quiz_next_because" if choice_id in question.right else "quiz_next_not")


def _raisers(summary: Summary, tree: Tree, flag_id: str) -> list[str]:
    """The labels of this person's answers that raise a red flag."""
    found: list[str] = []
    for answer in summary.answers:
        for option in tree.nodes[answer.node].options:
            if option.id in answer.options and option.red_flag == flag_id:
                found.append(strip_control(option.label))
    return found


@dataclass(frozen=True)
class ChoiceView:
    """One choice after the reveal: its words, whether it is right, picked, and why."""

    id: str
    words: str
    right: bool
    picked: bool
    why: str


@dataclass(frozen=True)
class Feedback:
    """A revealed question in words, the same for every front end."""

    question: str
    verdict: str
    guide_says: str
    you_picked: str
    missed: str
    wrong: str
    choices: tuple[ChoiceView, ...]


def feedback(case: QuizCase, marked: Marked) -> Feedback:
    question = marked.question
    return Feedback(
        question=question_words(case, question),
        verdict=t("quiz_right" if marked.correct else "quiz_not_quite"),
        guide_says=t("quiz_guide_says", items=choices_words(question, _ordered(question))),
        you_picked=t("quiz_you_picked", items=choices_words(question, marked.picked)),
        missed=t("quiz_missed", items=choices_words(question, marked.missed))
        if marked.missed
        else "",
        wrong=t("quiz_wrong", items=choices_words(question, marked.wrong)) if marked.wrong else "",
        choices=tuple(
            ChoiceView(
                c.id,
                choice_words(c),
                c.id in question.right,
                c.id in marked.picked,
                reason(case, question, c.id),
            )
            for c in question.choices
        ),
    )


def _ordered(question: Prediction) -> tuple[str, ...]:
    return tuple(c.id for c in question.choices if c.id in question.right)
