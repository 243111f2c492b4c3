"""A learner's quiz on the web pages (`wizard serve --quiz`), carried sealed in each page, and
the one thing the server must remember: which cases' answers it has shown.

The quiz itself is never stored: the token holds the seed and the number of cases, from which
`build_quiz` makes the same cases every time (wizard/model/quiz.py), and every prediction so
far; each request replays them into a fresh `QuizRun`, so the scoring, Back and the reveal are
the model's, exactly as in the app and `ask --quiz`. Sealed (Fernet, wizard/web/state.py) under a
key of its own, so a guide's page never opens as a quiz's and nobody who sees an address in a
history or a log can read the predictions in it.

Why one thing is remembered: a page from before a reveal (Back in the browser, an old tab) still
opens, and without memory a learner could predict again there and be shown, and scored on, a
changed answer. The server must refuse that, not only hide a button, so `Revealed` keeps, per
attempt (a random id given at Start), how many cases were revealed and the sealed page of the
last reveal; a page that is behind it is sent back there. That is also why quiz pages are
sealed with a key made when the process starts (as a kiosk's are): a page another process, or
this one before a restart, sealed is refused, never rewound, so a quiz is served by one
process. The memory is bounded: an entry goes when every page from before its last reveal has
expired, and beyond `MAX_ATTEMPTS` the oldest goes and every attempt begun before it ends
(refused as expired), so no eviction can reopen a revealed case.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from wizard.model.quiz import Quiz, QuizError, QuizRun, build_quiz
from wizard.model.tree import Tree
from wizard.web.state import DAY, Expired, Stale, Tampered, derive_fernet, seal, unseal

MOST_CASES = 10_000
MOST_SEED = 2**63
"""The bounds `--cases` and `--seed` have on the command line; a token beyond them is not ours."""
MAX_ATTEMPTS = 10_000
"""Attempts with a revealed case remembered at once (about 1 KB each: 10 MB at most)."""
REASONS = frozenset({"pick_one", "pick_some", "unknown", "exclusive", "not_ready", "revealed"})
"""The reasons a QuizError gives (wizard/model/quiz.py): a page may show one as its problem."""
NOTES = frozenset({"quiz_refuse_revealed", "quiz_back_first", "quiz_refuse_not_ready"})
"""Vocabulary keys of the sentences a page may say at its top."""

CasePicks = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class QuizSettings:
    """What `serve --quiz` was given: `seed` for everyone (None: a new one for each learner,
    shown at the end) and how many `cases` (None: all)."""

    seed: int | None = None
    cases: int | None = None


@dataclass(frozen=True)
class QuizState:
    """One learner's quiz so far. Not started while `attempt` is empty.

    `done`: the predictions of each case passed (revealed, then "Next case"); `current`: those
    of the case being answered, `at` the question it is at (after Back, `current` goes further:
    what to pre-select); `revealed`: its answers are shown. `problem` (a QuizError reason) and
    `shown` (the picks refused) make the question's page show why; `note` is a sentence's key.
    """

    seed: int = 0
    cases: int | None = None
    attempt: str = ""
    begun: int = 0
    done: tuple[CasePicks, ...] = ()
    current: CasePicks = ()
    at: int = 0
    revealed: bool = False
    theme: str = ""
    problem: str = ""
    shown: tuple[str, ...] = ()
    note: str = ""

    @property
    def started(self) -> bool:
        return bool(self.attempt)

    @property
    def reveals(self) -> int:
        """How many cases' answers this page's learner had seen when it was made."""
        return len(self.done) + self.revealed

    def after(self, run: QuizRun) -> QuizState:
        """This attempt once `run` has moved: its predictions and place, nothing refused."""
        done = tuple(tuple(m.picked for m in result.marks)
                     for result in run.results[: run.case_index])  # fmt: skip
        return replace(self, done=done, current=run.case_picks, at=run.question_index,
                       revealed=run.revealed, problem="", shown=(), note="")

    def showing(self, problem: str = "", shown: tuple[str, ...] = (), note: str = "") -> QuizState:
        return replace(self, problem=problem, shown=shown, note=note)


def new_attempt(seed: int, cases: int | None, theme: str, now: float) -> QuizState:
    return QuizState(seed, cases, secrets.token_urlsafe(12), int(now), theme=theme)


def new_seed() -> int:
    """A seed for a learner when the server has none: from the system's randomness, never the
    clock (as `wizard quiz` does), and short enough to say aloud."""
    return secrets.randbelow(1_000_000)


def make_quiz(tree: Tree, state: QuizState) -> Quiz:
    return build_quiz(tree, seed=state.seed, cases=state.cases)


class Quizzes:
    """The quiz a state names, for one tree, keeping the last `most` built: the same seed and
    number of cases always build the same quiz (it holds nothing of a learner), so a class on
    one seed builds it once rather than on every page (a few milliseconds, about 80 KB each)."""

    def __init__(self, tree: Tree, most: int = 64) -> None:
        self.tree = tree
        self._build = lru_cache(maxsize=most)(self._quiz)

    def _quiz(self, seed: int, cases: int | None) -> Quiz:
        return build_quiz(self.tree, seed=seed, cases=cases)

    def of(self, state: QuizState) -> Quiz:
        return self._build(state.seed, state.cases)


def replay(quiz: Quiz, state: QuizState) -> QuizRun:
    """A QuizRun that has made the state's predictions, Backs and reveals, through the model's
    own rules; Tampered when the model refuses any step (a state no page of ours holds)."""
    run = QuizRun(quiz)
    try:
        for picks in state.done:
            for picked in picks:
                run.predict(picked)
            run.reveal()
            run.next_case()
        for picked in state.current:
            run.predict(picked)
        for _ in range(len(state.current) - state.at):
            if not run.back():
                raise QuizError("not_ready")
        if state.revealed:
            run.reveal()
    except QuizError as error:
        raise Tampered(f"the quiz refuses the state's step ({error.reason})") from None
    if state.at > len(state.current) or (run.finished and (state.current or state.revealed)):
        raise Tampered("the state's place is not in the quiz")
    return run


class QuizSealer:
    """QuizStates to sealed tokens and back, under this process's own key (see the docstring)."""

    def __init__(self, secret: bytes, version: str, clock: Callable[[], float] = time.time,
                 lifetime: float = DAY) -> None:
        self.version = version
        self.clock = clock
        self.lifetime = lifetime
        self._fernet = derive_fernet(secret, b"quiz state" + secrets.token_bytes(16))

    def dump(self, state: QuizState) -> str:
        data = {
            "v": self.version, "seed": state.seed, "cases": state.cases,
            "a": state.attempt, "b": state.begun,
            "d": [[list(p) for p in case] for case in state.done],
            "c": [list(p) for p in state.current], "at": state.at, "r": state.revealed,
            "t": state.theme, "p": state.problem, "o": list(state.shown), "n": state.note,
        }  # fmt: skip
        return seal(self._fernet, data, self.clock())

    def load(self, token: str) -> QuizState:
        """The QuizState in `token` (empty: not started); Tampered, Stale or Expired."""
        if not token:
            return QuizState()
        data, _ = unseal(self._fernet, token, self.clock(), self.lifetime)
        try:
            if data["v"] != self.version:
                raise Stale("sealed for another version of the tree")
            cases = data["cases"]
            state = QuizState(
                seed=_whole(data["seed"], 0, MOST_SEED),
                cases=None if cases is None else _whole(cases, 1, MOST_CASES),
                attempt=_text(data["a"]),
                begun=_whole(data["b"], 0, MOST_SEED),
                done=tuple(_case(case) for case in _list(data["d"])),
                current=_case(data["c"]),
                at=_whole(data["at"], 0, MOST_CASES),
                revealed=_flag(data["r"]),
                theme=_text(data["t"]),
                problem=_one_of(data["p"], REASONS),
                shown=_ids(data["o"]),
                note=_one_of(data["n"], NOTES),
            )
        except Stale:
            raise
        except (KeyError, TypeError, ValueError):
            raise Tampered("the quiz state's contents are malformed") from None
        return state


@dataclass(frozen=True)
class _Shown:
    """What is remembered of one attempt: when its last reveal was, how many cases it had
    revealed then, when it began, and the sealed page of those answers (a token: about 1 KB,
    where the decoded state would take several)."""

    at: float
    reveals: int
    begun: int
    page: str


class Revealed:
    """Per attempt, how many cases' answers were shown and the page that showed the last: the
    memory that lets the server refuse a page from before a reveal (see the docstring)."""

    def __init__(self, clock: Callable[[], float] = time.time, lifetime: float = DAY,
                 most: int = MAX_ATTEMPTS) -> None:
        self.clock = clock
        self.lifetime = lifetime
        self.most = most
        self._last: dict[str, _Shown] = {}
        """Oldest reveal first (a new reveal moves its attempt to the end)."""
        self._floor = -1

    def __len__(self) -> int:
        return len(self._last)

    def record(self, state: QuizState, page: str) -> None:
        """`state`'s case was just revealed, on the sealed `page`."""
        now = self.clock()
        known = self._last.pop(state.attempt, None)
        if known is not None and known.reveals > state.reveals:
            self._last[state.attempt] = known  # a later reveal is already known
            return
        self._last[state.attempt] = _Shown(now, state.reveals, state.begun, page)
        while self._last:  # every page sealed before such a reveal has expired: nothing to keep
            oldest = next(iter(self._last))
            if now - self._last[oldest].at < self.lifetime:
                break
            del self._last[oldest]
        while len(self._last) > self.most:
            oldest = next(iter(self._last))
            self._floor = max(self._floor, self._last.pop(oldest).begun)

    def check(self, state: QuizState) -> str | None:
        """None when the page may be used; else the sealed page of the last reveal, where the
        learner is sent back to. Expired for an attempt forgotten to keep the memory bounded."""
        if not state.started:
            return None
        known = self._last.get(state.attempt)
        if known is None:
            if state.begun <= self._floor:
                raise Expired("an attempt older than the oldest remembered")
            return None
        return known.page if state.reveals < known.reveals else None


def _whole(value: Any, least: int, most: int) -> int:
    if type(value) is not int or not least <= value <= most:
        raise TypeError("expected a whole number within bounds")
    return value


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError("expected true or false")
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value


def _one_of(value: Any, allowed: frozenset[str]) -> str:
    text = _text(value)
    if text and text not in allowed:
        raise TypeError("not a known value")
    return text


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("expected a list")
    return value


def _ids(value: Any) -> tuple[str, ...]:
    return tuple(_text(v) for v in _list(value))


def _case(value: Any) -> CasePicks:
    return tuple(_ids(picks) for picks in _list(value))
