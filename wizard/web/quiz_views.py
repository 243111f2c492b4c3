"""What each quiz page shows, worked out from a QuizRun: plain values for the quiz templates.

Like wizard/web/pages.py for the guide, the templates never reach into the quiz: they get
these views, whose strings are the shared quiz words (wizard/render/quiz.py: the person, the
question, each choice, and after the reveal the verdict, what was missed and why, the same
`feedback` the app, `ask --quiz` and the results files draw) and the vocabulary's. Jinja2's
autoescape makes every one of them text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from wizard.model.plain import strip_control
from wizard.model.quiz import CaseResult, Prediction, QuizRun
from wizard.model.tree import Option
from wizard.render.pageview import OptionView, option_views
from wizard.render.quiz import Feedback, choice_words, feedback, question_words, story
from wizard.render.words import t, t_count

QuizKind = Literal["quiz_start", "quiz_question", "quiz_ready", "quiz_reveal", "quiz_score"]


@dataclass(frozen=True)
class Revealed:
    """One question after the reveal: the shared feedback, and whether the learner was right."""

    view: Feedback
    correct: bool


@dataclass(frozen=True)
class CaseView:
    """A revealed case: its heading, the person, the case's score, each question's feedback."""

    heading: str
    story: str
    score: str
    questions: tuple[Revealed, ...]


@dataclass(frozen=True)
class QuizPage:
    """Everything one quiz page shows; `kind` picks its template (`<kind>.html`).

    `heading` is the page's h1 and title; `error` (a refused prediction) makes the title start
    "Error: " as the guide's pages do."""

    kind: QuizKind
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    progress: str = ""
    story: str = ""
    question: str = ""
    several: bool = False
    options: list[OptionView] = field(default_factory=list)
    error: str = ""
    message: str = ""
    can_go_back: bool = False
    cases: list[CaseView] = field(default_factory=list)
    score: str = ""
    seed: str = ""
    last: bool = False
    startable: bool = False
    seed_field: bool = False


def start_page(run: QuizRun, fixed_seed: bool, error: str = "") -> QuizPage:
    """What the quiz is, and Start; without the server's seed, a seed the learner may type to
    repeat a quiz (`error`: the one typed was not a seed)."""
    quiz = run.quiz
    title = t("quiz_title", tree=strip_control(quiz.tree.title))
    if not quiz.cases:
        return QuizPage("quiz_start", title, [t("quiz_no_cases")])
    count = len(quiz.cases)
    draft = [t("draft_translation")] if quiz.tree.translation == "draft" else []
    words = [*draft, t("quiz_intro"), t("quiz_web_how")]
    if fixed_seed:
        words.append(t_count("quiz_web_same", count, seed=str(quiz.seed)))
    return QuizPage("quiz_start", title, words, startable=True, seed_field=not fixed_seed,
                    error=error)


def case_heading(run: QuizRun, index: int | None = None) -> str:
    number = run.case_index if index is None else index
    return t("quiz_case", number=str(number + 1), total=str(len(run.quiz.cases)))


def question_page(run: QuizRun, problem: str = "", shown: tuple[str, ...] = (),
                  note: str = "") -> QuizPage:
    """The question to predict now, pre-selecting what was refused (`shown`, with `problem`,
    a QuizError reason) or predicted before Back."""
    question = run.question
    assert question is not None
    picked = shown if problem else run.picked
    return QuizPage(
        "quiz_question",
        question_words(run.case, question),
        progress=t("quiz_web_progress", case=case_heading(run),
                   number=str(run.question_index + 1), total=str(len(run.case.questions))),
        story=story(run.case),
        question=question_words(run.case, question),
        several=question.several,
        options=list(_choices(question, picked)),
        error=t(f"quiz_refuse_{problem}") if problem else "",
        message=t(note) if note else "",
        can_go_back=run.question_index > 0,
    )


def _choices(question: Prediction, picked: tuple[str, ...]) -> tuple[OptionView, ...]:
    return option_views([Option(c.id, choice_words(c)) for c in question.choices], picked)


def ready_page(run: QuizRun, note: str = "") -> QuizPage:
    """Every question of the case predicted: Back still changes them, until the reveal."""
    return QuizPage("quiz_ready", case_heading(run), [t("quiz_ready")], story=story(run.case),
                    message=t(note) if note else "", can_go_back=True)


def case_view(run: QuizRun, index: int, result: CaseResult) -> CaseView:
    return CaseView(
        case_heading(run, index),
        story(result.case),
        t("quiz_case_score", score=str(result.score), total=str(result.total)),
        tuple(Revealed(feedback(result.case, marked), marked.correct) for marked in result.marks),
    )


def reveal_page(run: QuizRun, note: str = "") -> QuizPage:
    """The guide's answers for the case just revealed, with their reasons; no way back."""
    result = run.results[-1]
    last = run.case_index == len(run.quiz.cases) - 1
    shown = case_view(run, run.case_index, result)
    return QuizPage("quiz_reveal", case_heading(run), cases=[shown],
                    message=t(note) if note else "", last=last)


def score_page(run: QuizRun, note: str = "") -> QuizPage:
    """The end: the score, then every case with what was missed and why (the printable
    results), and the seed that repeats the quiz."""
    right, asked = run.score
    return QuizPage(
        "quiz_score", t("quiz_results"),
        [t("quiz_title", tree=strip_control(run.quiz.tree.title))],
        cases=[case_view(run, n, result) for n, result in enumerate(run.results)],
        score=t("quiz_score", score=str(right), total=str(asked)),
        seed=t("quiz_web_seed", seed=str(run.quiz.seed)),
        message=t(note) if note else "",
    )


def page_for(run: QuizRun, problem: str = "", shown: tuple[str, ...] = (),
             note: str = "") -> QuizPage:
    """The page for where the run is: a question, "ready", the reveal, or the score."""
    if run.finished or not run.quiz.cases:
        return score_page(run, note)
    if run.revealed:
        return reveal_page(run, note)
    if run.question is None:
        return ready_page(run, note)
    return question_page(run, problem, shown, note)
