"""What the classroom's two pages show, worked out from the Room: plain values for templates.

The educator's page (the projector) shows the case, the join address with its QR code, and the
room's tally; after the reveal, the guide's answer and each choice's reason. A learner's page
(a phone) shows the same case as a form, their own predictions ticked, and after the reveal the
same answers and reasons with their own marked. Every word is the quiz's (wizard/render/quiz.py:
the story, the question, "Listed when ...") or the vocabulary's; tree text has its control
characters removed there, and Jinja2's autoescape keeps it text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from wizard.model.classroom import Room, Tally
from wizard.model.quiz import Marked, Prediction, QuizCase, QuizError
from wizard.render.quiz import choice_words, choices_words, question_words, reason, story
from wizard.render.words import t, t_count
from wizard.web.pages import qr_svg


@dataclass(frozen=True)
class ChoiceRow:
    """One choice of a question: its words, the room's count and share (the educator's page),
    whether this learner picked it, and after the reveal whether it is right and why."""

    id: str
    words: str
    count: int = 0
    count_words: str = ""
    share: int = 0
    picked: bool = False
    right: bool = False
    why: str = ""


@dataclass(frozen=True)
class QuestionView:
    """One question of the case on the screen."""

    number: int
    words: str
    several: bool
    choices: tuple[ChoiceRow, ...]
    answered: str = ""
    """The educator's: how many of the room were right (after the reveal)."""
    guide_says: str = ""
    verdict: str = ""
    """The learner's: right, not quite, or not predicted (after the reveal)."""
    error: str = ""


@dataclass(frozen=True)
class CaseResults:
    """One finished case at the end of the class: how many of the room were right, by
    question (counts only)."""

    heading: str
    story: str
    questions: tuple[tuple[str, str], ...]
    """(the question's words, "Right: 12 of 30")."""


@dataclass(frozen=True)
class Join:
    """How a learner joins: the short address and a QR code of it."""

    address: str
    qr: Markup
    unreachable: bool


@dataclass(frozen=True)
class ClassPage:
    """Everything a classroom page shows; `kind` picks its template (classroom_<kind>.html)."""

    kind: str
    heading: str
    phase: str = ""
    case_index: int = 0
    story: str = ""
    questions: tuple[QuestionView, ...] = ()
    revealed: bool = False
    finished: bool = False
    last: bool = False
    predicted: str = ""
    status: str = ""
    sent: bool = False
    paragraphs: tuple[str, ...] = ()
    join: Join | None = None
    results: tuple[CaseResults, ...] = ()


def join_view(address: str, unreachable: bool) -> Join:
    return Join(address, qr_svg(address, fit=True), unreachable)


def _case_heading(room: Room) -> str:
    return t("quiz_case", number=str(room.case_index + 1), total=str(len(room.quiz.cases)))


def educator_page(room: Room, join: Join) -> ClassPage:
    """The projector: the case, how to join, and the room's tally (answers after the reveal)."""
    case = room.case
    if case is None:
        return ClassPage("educator", t("class_over"), room.phase, finished=True,
                         paragraphs=(t("class_over_text"),), join=join,
                         results=_results(room))
    questions = tuple(_tallied(case, tally, room.revealed) for tally in room.tally())
    return ClassPage(
        "educator", _case_heading(room), room.phase, room.case_index, story(case), questions,
        room.revealed, last=room.case_index == len(room.quiz.cases) - 1,
        predicted=t_count("class_predicted", room.predicted), join=join,
    )


def _results(room: Room) -> tuple[CaseResults, ...]:
    total = str(len(room.quiz.cases))
    return tuple(
        CaseResults(
            t("quiz_case", number=str(number), total=total), story(case),
            tuple((question_words(case, tally.question),
                   t("class_right_count", right=str(tally.right), answered=str(tally.answered)))
                  for tally in tallies),
        )
        for number, (case, tallies) in enumerate(room.results, 1)
    )


def _tallied(case: QuizCase, tally: Tally, revealed: bool) -> QuestionView:
    question = tally.question
    rows = tuple(
        ChoiceRow(choice.id, choice_words(choice), count,
                  t("class_count", count=str(count), share=str(tally.share(count))),
                  tally.share(count), right=revealed and choice.id in question.right,
                  why=reason(case, question, choice.id) if revealed else "")
        for choice, count in zip(question.choices, tally.counts, strict=True)
    )
    number = case.questions.index(question)
    if not revealed:
        return QuestionView(number, question_words(case, question), question.several, rows)
    return QuestionView(
        number, question_words(case, question), question.several, rows,
        answered=t("class_right_count", right=str(tally.right), answered=str(tally.answered)),
        guide_says=_guide_says(question),
    )


def _guide_says(question: Prediction) -> str:
    ordered = tuple(c.id for c in question.choices if c.id in question.right)
    return t("quiz_guide_says", items=choices_words(question, ordered))


def learner_page(room: Room, picks: Mapping[int, tuple[str, ...]],
                 problems: Mapping[int, str] | None = None, note: str = "") -> ClassPage:
    """A phone: the case as a form with this learner's predictions ticked; after the reveal,
    the answers and reasons with theirs marked right or not."""
    case = room.case
    if case is None:
        return ClassPage("learner", t("class_over"), room.phase, finished=True,
                         paragraphs=(t("class_over_text"),))
    problems = problems or {}
    questions = []
    for number, question in enumerate(case.questions):
        mine = picks.get(number, ())
        rows = tuple(
            ChoiceRow(choice.id, choice_words(choice), picked=choice.id in mine,
                      right=room.revealed and choice.id in question.right,
                      why=reason(case, question, choice.id) if room.revealed else "")
            for choice in question.choices
        )
        verdict = guide = ""
        if room.revealed:
            guide = _guide_says(question)
            verdict = (t("quiz_right" if Marked(question, mine).correct else "quiz_not_quite")
                       if mine else t("class_not_predicted"))
        questions.append(QuestionView(number, question_words(case, question), question.several,
                                      rows, guide_says=guide, verdict=verdict,
                                      error=problems.get(number, "")))
    if room.revealed:
        status = t("class_closed")
    elif picks:
        status = t("class_sent")
    else:
        status = t("class_wait")
    return ClassPage(
        "learner", _case_heading(room), room.phase, room.case_index, story(case),
        tuple(questions), room.revealed, status=status, sent=bool(picks),
        paragraphs=(note,) if note else (),
    )


def refused_words(error: QuizError) -> str:
    """Why a prediction was not taken, in the quiz's own words."""
    return t(f"quiz_refuse_{error.reason}")


def problem_page(heading: str, text: str) -> ClassPage:
    return ClassPage("problem", heading, paragraphs=(text,))
