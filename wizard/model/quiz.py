"""The case quiz: a learner predicts what the guide says for a person, then sees and is scored.

Why here, with no Textual: the TUI, `ask --quiz` and the web pages all run the same quiz, so the
cases, the questions, the right answers and the score are decided once, from the engine's own
Session and Summary (never from a second reading of the tree). Words are the renderer's
(wizard/render/quiz.py); this module holds ids and tree text only.

Cases are the tree's authored `cases:` or, without them, the routes of `paths --cover`, so every
tree has a quiz. Every choice between cases, distractors and order comes from one
`random.Random(seed)`: the same seed gives the same quiz, and nothing reads the clock.

A case's questions are all predicted before any is revealed: Back moves between the
predictions of the case being answered, and never past a reveal.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from wizard.model.cover import build_cover
from wizard.model.machine import AnswerError, MissingAnswer, Session, walk
from wizard.model.summary import Summary
from wizard.model.tree import Case, Tree

QuizKind = Literal["options", "first", "urgent", "next"]
NOTHING = "-nothing-"
"""The choice id of "nothing is urgent": no red flag id can be it (ids never start with -)."""
MOST_RIGHT = 5  # listed options shown in one pick-several question, at most
MOST_WRONG = 3  # options other routes list, shown beside them
MOST_CHOICES = 4  # choices of a pick-one question


class QuizError(ValueError):
    """A prediction the question cannot take, or a step out of order; `reason` names it
    ("pick_one", "pick_some", "unknown", "exclusive", "not_ready", "revealed")."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Choice:
    """Something a learner can pick: a treatment, a red flag, a question (node), or NOTHING."""

    id: str
    label: str


@dataclass(frozen=True)
class Prediction:
    """One question of a case: its kind, its choices (in the order shown) and the right ids.

    `several`: pick any number (the right set must be matched exactly); else pick one.
    `at`: for `next`, the question after which the learner predicts what comes.
    """

    kind: QuizKind
    choices: tuple[Choice, ...]
    right: frozenset[str]
    several: bool = False
    at: str = ""

    def label(self, choice_id: str) -> str:
        return next((c.label for c in self.choices if c.id == choice_id), choice_id)


@dataclass(frozen=True)
class QuizCase:
    """A person (an authored story, or "" for a route), the engine's summary for their answers,
    and the questions asked about it."""

    id: str
    story: str
    summary: Summary
    questions: tuple[Prediction, ...]


@dataclass(frozen=True)
class Marked:
    """One prediction against the right answer: what was missed and what was wrongly picked."""

    question: Prediction
    picked: tuple[str, ...]

    @property
    def correct(self) -> bool:
        return frozenset(self.picked) == self.question.right

    @property
    def missed(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.question.choices if c.id in self.question.right
                     and c.id not in self.picked)  # fmt: skip

    @property
    def wrong(self) -> tuple[str, ...]:
        return tuple(c for c in self.picked if c not in self.question.right)


@dataclass(frozen=True)
class CaseResult:
    case: QuizCase
    marks: tuple[Marked, ...]

    @property
    def score(self) -> int:
        return sum(1 for mark in self.marks if mark.correct)

    @property
    def total(self) -> int:
        return len(self.marks)


@dataclass(frozen=True)
class Quiz:
    """The cases of one quiz, and the seed that chose them (to repeat it)."""

    tree: Tree
    cases: tuple[QuizCase, ...]
    seed: int
    authored: bool = field(default=False)


def case_session(tree: Tree, case: Case) -> Session:
    """The engine's session for an authored case (`wizard check` has vouched for its route)."""
    return walk(tree, dict(case.answers))


def build_quiz(tree: Tree, *, seed: int, cases: int | None = None) -> Quiz:
    """The quiz for `tree`: its authored cases, else the `paths --cover` routes, chosen and
    ordered by `seed`; `cases` caps how many (None: all)."""
    rng = random.Random(seed)
    sources: list[tuple[str, str, Summary, str]] = []  # id, story, summary, next_at
    for case in tree.cases:
        try:
            session = case_session(tree, case)
        except (AnswerError, MissingAnswer):
            continue  # `wizard check` names it; the quiz leaves out what it cannot walk
        sources.append((case.id, case.story, session.summary(), case.next_at))
    authored = bool(sources)
    if not sources:
        routes = build_cover(tree).routes
        sources = [(f"route-{n}", "", r.summary, "") for n, r in enumerate(routes, 1)]
    others = _listed_anywhere(tree, [summary for _, _, summary, _ in sources])
    rng.shuffle(sources)
    if cases is not None:
        sources = sources[: max(cases, 0)]
    built = tuple(
        QuizCase(case_id, story, summary, _questions(tree, summary, next_at, others, rng))
        for case_id, story, summary, next_at in sources
    )
    return Quiz(tree, tuple(c for c in built if c.questions), seed, authored)


def _listed_anywhere(tree: Tree, summaries: Sequence[Summary]) -> tuple[str, ...]:
    """Options some route lists: the cases' own, else every route of the cover. Never a
    caution (`caution: true`, such as medicines that can make weakness worse): the summary
    shows it under "Take care", not as an option, so it is neither a right answer nor a wrong
    one to "which options does the guide list"."""
    listed = {t.item.id for s in summaries for t in s.treatments}
    if len(listed) < 2:
        listed |= {t.item.id for r in build_cover(tree).routes for t in r.summary.treatments}
    return tuple(t for t, item in tree.treatments.items() if t in listed and not item.caution)


def _questions(
    tree: Tree, summary: Summary, next_at: str, others: tuple[str, ...], rng: random.Random
) -> tuple[Prediction, ...]:
    makers = {
        "options": lambda: _options(tree, summary, others, rng),
        "first": lambda: _first(summary, rng),
        "urgent": lambda: _urgent(tree, summary, rng),
        "next": lambda: _next(tree, summary, next_at, rng),
    }
    found = (makers[kind]() for kind in tree.quiz.ask)
    return tuple(q for q in found if q is not None)


def _options(
    tree: Tree, summary: Summary, others: tuple[str, ...], rng: random.Random
) -> Prediction | None:
    listed = [t.item.id for t in summary.treatments if not t.item.caution]  # options only
    wrong = [t for t in others if t not in listed]
    if not listed or not wrong:
        return None
    right = rng.sample(listed, min(MOST_RIGHT, len(listed)))
    shown = right + rng.sample(wrong, min(MOST_WRONG, len(wrong)))
    rng.shuffle(shown)
    choices = tuple(Choice(t, tree.treatments[t].name) for t in shown)
    return Prediction("options", choices, frozenset(right), several=True)


def _first(summary: Summary, rng: random.Random) -> Prediction | None:
    glance = [t.item for t in summary.glance]
    if len(glance) < 2:
        return None
    shown = [glance[0], *rng.sample(glance[1:], min(MOST_CHOICES - 1, len(glance) - 1))]
    rng.shuffle(shown)
    choices = tuple(Choice(t.id, t.name) for t in shown)
    return Prediction("first", choices, frozenset({glance[0].id}))


def _urgent(tree: Tree, summary: Summary, rng: random.Random) -> Prediction | None:
    raised = [flag.id for flag in summary.red_flags]
    rest = [f for f in tree.red_flags if f not in raised]
    if not tree.red_flags:
        return None
    shown = raised[:MOST_CHOICES] + rng.sample(rest, min(max(MOST_CHOICES - len(raised), 1),
                                                         len(rest)))  # fmt: skip
    rng.shuffle(shown)
    choices = (*(Choice(f, tree.red_flags[f].title) for f in shown), Choice(NOTHING, ""))
    right = frozenset(raised[:MOST_CHOICES]) or frozenset({NOTHING})
    return Prediction("urgent", choices, right, several=len(right) > 1)


def _next(tree: Tree, summary: Summary, next_at: str, rng: random.Random) -> Prediction | None:
    asked = [a.node for a in summary.answers if tree.nodes[a.node].is_question]
    if len(asked) < 2:
        return None
    at = next_at if next_at in asked[:-1] else rng.choice(asked[:-1])
    after = asked[asked.index(at) + 1]
    questions = [n for n in tree.nodes.values() if n.is_question and n.id not in (at, after)]
    shown = [after, *(n.id for n in rng.sample(questions, min(MOST_CHOICES - 1, len(questions))))]
    rng.shuffle(shown)
    choices = tuple(Choice(n, tree.nodes[n].prompt) for n in shown)
    return Prediction("next", choices, frozenset({after}), at=at)


def checked_picks(question: Prediction, picked: Sequence[str]) -> tuple[str, ...]:
    """A prediction the question can take, in the order its choices are shown; QuizError naming
    why not. One rule for a learner alone (QuizRun) and a room predicting together (classroom)."""
    ids = {c.id for c in question.choices}
    chosen = tuple(dict.fromkeys(picked))
    if not chosen:
        raise QuizError("pick_some" if question.several else "pick_one")
    if any(c not in ids for c in chosen):
        raise QuizError("unknown")
    if not question.several and len(chosen) > 1:
        raise QuizError("pick_one")
    if NOTHING in chosen and len(chosen) > 1:
        raise QuizError("exclusive")
    return tuple(c.id for c in question.choices if c.id in chosen)


class QuizRun:
    """One learner going through a quiz: predictions, Back, reveals, the score.

    Plain state, no I/O: every front end drives it and draws what it says.
    """

    def __init__(self, quiz: Quiz) -> None:
        self.quiz = quiz
        self.case_index = 0
        self.question_index = 0
        self.revealed = False
        self._picks: dict[int, tuple[str, ...]] = {}
        self.results: list[CaseResult] = []

    @property
    def finished(self) -> bool:
        return self.case_index >= len(self.quiz.cases)

    @property
    def case(self) -> QuizCase:
        return self.quiz.cases[min(self.case_index, len(self.quiz.cases) - 1)]

    @property
    def question(self) -> Prediction | None:
        """The question to predict now; None once every question of the case is predicted."""
        if self.finished or self.revealed or self.question_index >= len(self.case.questions):
            return None
        return self.case.questions[self.question_index]

    @property
    def picked(self) -> tuple[str, ...]:
        """What was predicted for the current question before (after Back), to preselect."""
        return self._picks.get(self.question_index, ())

    @property
    def case_picks(self) -> tuple[tuple[str, ...], ...]:
        """Every prediction of this case so far, in question order (after Back, those past the
        current question too): what the web pages seal and replay, keeping no run between
        requests."""
        return tuple(self._picks[n] for n in sorted(self._picks))

    @property
    def score(self) -> tuple[int, int]:
        """(right, asked) over the revealed cases."""
        return sum(r.score for r in self.results), sum(r.total for r in self.results)

    def predict(self, picked: Sequence[str]) -> None:
        question = self.question
        if question is None:
            raise QuizError("revealed" if self.revealed else "not_ready")
        self._picks[self.question_index] = checked_picks(question, picked)
        self.question_index += 1

    def back(self) -> bool:
        """Back to the previous prediction of this case; never once it is revealed."""
        if self.revealed or self.question_index == 0 or self.finished:
            return False
        self.question_index -= 1
        return True

    def reveal(self) -> CaseResult:
        if self.revealed or self.finished:
            raise QuizError("revealed")
        if self.question_index < len(self.case.questions):
            raise QuizError("not_ready")
        result = CaseResult(
            self.case,
            tuple(Marked(q, self._picks[n]) for n, q in enumerate(self.case.questions)),
        )
        self.results.append(result)
        self.revealed = True
        return result

    def next_case(self) -> bool:
        """On to the next case after a reveal; False when the quiz is over."""
        if not self.revealed:
            raise QuizError("not_ready")
        self.case_index += 1
        self.question_index = 0
        self.revealed = False
        self._picks = {}
        return not self.finished
