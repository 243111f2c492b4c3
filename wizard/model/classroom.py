"""A room predicting together: one quiz, one case at a time, and an anonymous tally.

Why its own module, with no web in it: the tally is the part of `wizard serve --classroom` that
must be right (one prediction per learner per case, a change replacing the old one, nothing
taken after the reveal, a bounded room), and plain state is what plain tests can prove. The
cases, questions, right answers and the rule of what a prediction may pick are the quiz's
(wizard/model/quiz.py), so a room and a learner alone are asked and marked the same way.

Anonymous by construction: a learner is a random token the server made (a cookie); the room
keeps, for the case on the screen only, which choices each token picked, and forgets them at the
next case. No name, no address, no time is kept, and nothing outlives the process.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from wizard.model.limits import MAX_LEARNERS
from wizard.model.quiz import Prediction, Quiz, QuizCase, QuizError, checked_picks

LEARNER = re.compile(r"[A-Za-z0-9_-]{22}")
"""A learner's token as the server makes them (secrets.token_urlsafe(16)); nothing else counts."""


class RoomFull(Exception):
    """A new learner when the room already holds its most."""


@dataclass(frozen=True)
class Tally:
    """What the room predicted for one question: how many learners picked each choice (in the
    order the choices are shown), how many answered it, and how many of them were right."""

    question: Prediction
    counts: tuple[int, ...]
    answered: int
    right: int

    def share(self, count: int) -> int:
        """`count` as a whole percentage of the learners who answered (0 when nobody has)."""
        return round(100 * count / self.answered) if self.answered else 0


class Room:
    """The educator's room: the case on the screen, whether its answers are shown, and each
    learner's predictions for it. Plain state, no I/O: the web pages drive it."""

    def __init__(self, quiz: Quiz, max_learners: int = MAX_LEARNERS) -> None:
        self.quiz = quiz
        self.max_learners = max_learners
        self.case_index = 0
        self.revealed = False
        self._picks: dict[str, dict[int, tuple[str, ...]]] = {}
        self.results: list[tuple[QuizCase, tuple[Tally, ...]]] = []
        """Each finished case's tally: counts only, never who picked what (for the end)."""

    @property
    def finished(self) -> bool:
        return self.case_index >= len(self.quiz.cases)

    @property
    def case(self) -> QuizCase | None:
        return None if self.finished else self.quiz.cases[self.case_index]

    @property
    def phase(self) -> str:
        """Changes exactly when the page a learner sees must change: a new case, or a reveal."""
        return f"{self.case_index}-{int(self.revealed)}"

    @property
    def predicted(self) -> int:
        """Learners who have predicted something for the case on the screen."""
        return len(self._picks)

    def picks(self, learner: str) -> Mapping[int, tuple[str, ...]]:
        """What `learner` predicted for this case, by question number (empty if nothing)."""
        return self._picks.get(learner, {})

    def predict(self, learner: str, case_index: int,
                picked: Mapping[int, Sequence[str]]) -> dict[int, QuizError]:
        """Take `learner`'s predictions for the case numbered `case_index` (the one their page
        showed), question by question: a question given again replaces the earlier answer, one
        left empty keeps it. Returns the questions refused and why (the others are taken).

        QuizError("revealed") when that case is no longer open (shown, or moved on from);
        RoomFull for a learner new to this case when `max_learners` have predicted it (the
        bound of what the room holds: only this case's predictions are kept); ValueError for
        a token the server never makes.
        """
        if not LEARNER.fullmatch(learner):
            raise ValueError("not a learner token")
        case = self.case
        if case is None or case_index != self.case_index or self.revealed:
            raise QuizError("revealed")
        if learner not in self._picks and len(self._picks) >= self.max_learners:
            raise RoomFull
        refused: dict[int, QuizError] = {}
        taken: dict[int, tuple[str, ...]] = {}
        for number, question in enumerate(case.questions):
            sent = picked.get(number, ())
            if not sent:
                continue
            try:
                taken[number] = checked_picks(question, sent)
            except QuizError as error:
                refused[number] = error
        if taken:
            self._picks.setdefault(learner, {}).update(taken)
        return refused

    def tally(self) -> tuple[Tally, ...]:
        """The room's predictions for each question of the case on the screen."""
        case = self.case
        if case is None:
            return ()
        tallies = []
        for number, question in enumerate(case.questions):
            counts = dict.fromkeys((c.id for c in question.choices), 0)
            answered = right = 0
            for picks in self._picks.values():
                chosen = picks.get(number)
                if chosen is None:
                    continue
                answered += 1
                right += frozenset(chosen) == question.right
                for choice in chosen:
                    counts[choice] += 1
            tallies.append(Tally(question, tuple(counts.values()), answered, right))
        return tuple(tallies)

    def reveal(self) -> None:
        """Show the answers of the case on the screen: predictions close (a second reveal, or
        one after the last case, changes nothing)."""
        if not self.finished:
            self.revealed = True

    def next_case(self) -> None:
        """On to the next case, forgetting every prediction of this one; only after a reveal."""
        if self.finished:
            return
        if not self.revealed:
            raise QuizError("not_ready")
        if (case := self.case) is not None:
            self.results.append((case, self.tally()))
        self.case_index += 1
        self.revealed = False
        self._picks = {}
