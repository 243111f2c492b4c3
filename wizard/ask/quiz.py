"""`wizard ask --quiz`: the case quiz as plain lines, for screen readers and scripts.

Each case is printed as lines (the person, then one question at a time with numbered choices);
the learner types numbers; after the last question of a case Enter reveals the guide's answers,
each with its reason, and the case's score. `back` changes the previous prediction of the case,
never one already revealed. It reads and writes lines exactly as `wizard ask` does (this class is
that conversation, with another loop), so the same limits and cleaning apply.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from wizard.ask.session import NotAnAnswer, _Conversation, parse_numbers, wrap
from wizard.exits import Exit
from wizard.model.machine import Session
from wizard.model.quiz import Quiz, QuizError, QuizRun
from wizard.render.quiz import choice_words, feedback, question_words, story
from wizard.render.quiz_results import write_results
from wizard.render.words import t


def run_quiz(quiz: Quiz, stdin: TextIO, stdout: TextIO, results: Path | None = None) -> int:
    """Run the quiz on lines; 0 when every case was revealed, 3 when input ended first.

    `results`: where to save the results at the end (and only there).
    """
    return _Quiz(quiz, stdin, stdout, results).run()


class _Quiz(_Conversation):
    def __init__(self, quiz: Quiz, stdin: TextIO, stdout: TextIO, results: Path | None) -> None:
        super().__init__(Session(quiz.tree), stdin, stdout)
        self.quiz = QuizRun(quiz)
        self.results = results

    def run(self) -> int:
        run = self.quiz
        self.say(t("quiz_title", tree=run.quiz.tree.title), *wrap(t("quiz_intro")))
        if not run.quiz.cases:
            self.say(t("quiz_no_cases"))
            return Exit.OK
        self.say(*wrap(t("quiz_ask_how")))
        shown = -1
        while not run.finished:
            if shown != run.case_index:
                shown = run.case_index
                self.say("", t("quiz_case", number=str(shown + 1), total=str(len(run.quiz.cases))))
                self.say(*wrap(story(run.case)))
            question = run.question
            if question is not None:
                self.say("", *self.ask(run))
            else:
                self.say("", t("quiz_ask_reveal"))
            line = self.read()
            if line is None or line.strip().lower() in ("quit", "exit"):
                self.say(t("quiz_ask_stopped"))
                return self.end(Exit.INCOMPLETE)
            if question is None:
                self.reveal()
                continue
            self.predict(line)
        right, asked = run.score
        self.say("", t("quiz_score", score=str(right), total=str(asked)))
        self.say(t("quiz_seed", seed=str(run.quiz.seed)))
        return self.end(Exit.OK)

    def ask(self, run: QuizRun) -> list[str]:
        question = run.question
        assert question is not None
        lines = wrap(question_words(run.case, question))
        for number, choice in enumerate(question.choices, 1):
            mark = " *" if choice.id in run.picked else ""
            lines.append(f"  {number}. {choice_words(choice)}{mark}")
        lines.append(t("quiz_ask_many" if question.several else "quiz_ask_one"))
        return lines

    def predict(self, line: str) -> None:
        run = self.quiz
        question = run.question
        assert question is not None
        if line.strip().lower() == "back":
            if not run.back():
                self.say(t("quiz_back_first"))
            return
        try:
            numbers = parse_numbers(line, len(question.choices))
            run.predict([question.choices[n].id for n in numbers])
        except NotAnAnswer as refused:
            self.say(str(refused))
        except QuizError as error:
            self.say(t(f"quiz_refuse_{error.reason}"))

    def reveal(self) -> None:
        run = self.quiz
        result = run.reveal()
        for marked in result.marks:
            view = feedback(result.case, marked)
            self.say("", *wrap(view.question), view.verdict)
            for part in (view.guide_says, view.you_picked, view.missed, view.wrong):
                if part:
                    self.say(*wrap(part, "  "))
            for choice in view.choices:
                if choice.right or choice.picked:
                    self.say(*wrap(f"{choice.words}: {choice.why}", "    "))
        self.say("", t("quiz_case_score", score=str(result.score), total=str(result.total)))
        if run.next_case():
            self.say(t("quiz_ask_next"))
            if self.read() is None:
                return

    def end(self, code: int) -> int:
        if self.results is not None and self.quiz.results:
            self.say(write_results(self.quiz, self.results))
        return code
