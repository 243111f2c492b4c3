"""`wizard serve --quiz` from the command line: its options reach the pages, and what it cannot
be combined with is refused in one sentence before anything listens."""

from __future__ import annotations

from typing import Any

import pytest

from wizard.cli.main import main
from wizard.web.quiz_state import QuizSettings

TREE = "tests/trees/example.yaml"


def test_the_quiz_with_its_cases_and_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Any] = []
    monkeypatch.setattr("wizard.web.serve.serve_pages_mode",
                        lambda *a, **k: seen.append(k["quiz"]) or 0)
    assert main(["serve", TREE, "--quiz", "--cases", "3", "--seed", "42"]) == 0
    assert main(["serve", TREE, "--quiz"]) == 0
    assert main(["serve", TREE]) == 0
    assert seen == [QuizSettings(seed=42, cases=3), QuizSettings(), None]


@pytest.mark.parametrize(("words", "sentence"), [
    (["--quiz", "--kiosk"], "wizard: --quiz cannot be used with --kiosk: the quiz is for "
     "learners, a kiosk for patients one after another\n"),
    (["--quiz", "--terminal"], "wizard: --quiz cannot be used with --terminal: for the quiz in "
     "a terminal, run wizard quiz\n"),
    (["--quiz", "--classroom"], "wizard: --quiz and --classroom are two ways to run the quiz: "
     "choose one (--quiz, each learner on their own; --classroom, the room together)\n"),
    (["--seed", "4"], "wizard: --cases and --seed choose a quiz's cases: add --quiz or "
     "--classroom\n"),
    (["--cases", "4", "--kiosk"], "wizard: --cases and --seed choose a quiz's cases: add --quiz "
     "or --classroom\n"),
    (["--quiz", "--print-command", "lp"], "wizard: --print-command does nothing with --quiz: "
     "leave it out\n"),
    (["--classroom", "--idle-timeout", "60"], "wizard: --idle-timeout does nothing with "
     "--classroom: leave it out\n"),
    (["--classroom", "--allow-overdue"], "wizard: --allow-overdue does nothing with --classroom: "
     "leave it out\n"),
    (["--quiz", "--allow-draft-translation"], "wizard: --allow-draft-translation does nothing "
     "with --quiz: leave it out\n"),
    (["--max-learners", "30"], "wizard: --max-learners works only with --classroom: add "
     "--classroom or leave --max-learners out\n"),
])
def test_what_the_quiz_cannot_be_is_one_sentence_and_exit_2(
        words: list[str], sentence: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("wizard.web.serve.serve_pages_mode", lambda *a, **k: pytest.fail("served"))
    monkeypatch.setattr("wizard.web.serve.serve", lambda *a, **k: pytest.fail("served"))
    assert main(["serve", TREE, *words]) == 2
    assert capsys.readouterr().err == sentence
