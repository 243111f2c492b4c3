"""`wizard ask`: the guided session as plain lines on standard input and output.

Why a second front end: screen readers, braille displays, dumb terminals, serial consoles and
scripts cannot use a full-screen app. Here every question is printed as ordinary lines, answers
are typed as numbers, and nothing is ever redrawn, coloured or moved: what was said stays in the
scrollback, in order, exactly as a screen reader announced it.

It is a thin shell over `Session`, like the Textual app: the session decides which question comes
next, whether an answer fits (its `AnswerError` sentences are shown as they are), which red flags
an answer raises, and what the summary lists. This module only turns lines into option ids.

Exit codes follow `wizard walk`: 0 when the summary was reached, 3 when input ended (or the
person typed `quit`) before an outcome, because in both cases no summary was given. (The
command line adds 4 when standard output cannot be written.)

Everything printed passes through `strip_control`: a tree's text and the person's own echoed
input are data, never terminal sequences. A line longer than any answer is read in bounded
pieces and refused, so endless input without a newline cannot fill memory.
"""

from __future__ import annotations

import enum
import io
import re
from collections.abc import Iterable
from typing import TextIO

from wizard.exits import Exit
from wizard.model.machine import AnswerError, Session
from wizard.model.plain import strip_control
from wizard.model.replay import change_answer, left_out
from wizard.model.summary import Summary
from wizard.model.teach_back import TeachBackRun, teach_back_for
from wizard.model.tree import Node, RedFlag, TeachBack, Tree
from wizard.render.pageview import PageView, build_page, urgent_view
from wizard.render.teach_back import reminder
from wizard.render.text import render_text, wrap_whole
from wizard.render.words import refusal, t, t_count

WIDTH = 78
PROMPT = "> "
MAX_LINE = 1000  # characters: far beyond any answer or command

COMMANDS = (
    ("help", t("ask_help")),
    ("?", t("ask_explain")),
    ("back", t("ask_back")),
    ("restart", t("ask_restart")),
    ("quit", t("ask_quit")),
)
_QUIT_WORDS = frozenset({"quit", "exit"})
_YES = frozenset({"yes", "y", "k", "si", "sí", "s"})  # the teach-back offer, in either language
_YES_WORDS = frozenset({"y", "yes", t("yes").lower()})
_SEPARATORS = re.compile(r"[\s,;]+")


class _Then(enum.Enum):
    """What to show after handling one line of input."""

    QUESTION = enum.auto()  # the current node in full: it is new, or the input was refused
    PROMPT = enum.auto()  # just the input prompt: the person asked for help and read it
    QUIT = enum.auto()


class NotAnAnswer(ValueError):
    """A line that cannot be read as an answer here; the message is one sentence for the person."""


def run_ask(tree: Tree, stdin: TextIO, stdout: TextIO) -> int:
    """Ask `tree`'s questions one by one on `stdin`/`stdout`; print the summary at the end.

    Returns 0 when the summary was printed, 3 when input ended or the person quit first.
    """
    return _Conversation(Session(tree), stdin, stdout).run()


def parse_numbers(line: str, count: int) -> list[int]:
    """Option numbers typed as "2", "1 3" or "1,3" -> zero-based indexes, in the order typed.

    Raises NotAnAnswer for words or numbers outside 1..count, so the person is told which part
    of the line was not understood rather than just "invalid input".
    """
    picks: list[int] = []
    for word in _SEPARATORS.split(line.strip()):
        if not word:
            continue
        # Decimal digits (ASCII, or e.g. fullwidth "１" from an input method) are what int()
        # reads; "²" and "①" are str.isdigit() too, but not numbers.
        if not word.isdecimal():
            raise NotAnAnswer(t("ask_not_a_number", word=_shown(word), count=str(count)))
        digits = word.lstrip("0") or "0"
        # A number longer than the count cannot be in range (and int() refuses 4,300+ digits).
        number = int(digits) if len(digits) <= len(str(count)) else count + 1
        if not 1 <= number <= count:
            raise NotAnAnswer(t("ask_no_such_answer", number=_shown(digits), count=str(count)))
        if number - 1 not in picks:
            picks.append(number - 1)
    return picks


def _shown(word: str) -> str:
    """A typed word quoted back, cut short so a pasted essay is not echoed whole."""
    return word if len(word) <= 20 else word[:20] + "..."


def wrap(text: str, indent: str = "") -> list[str]:
    """Plain paragraphs wrapped for an 80-column terminal; blank lines between paragraphs kept."""
    lines: list[str] = []
    for paragraph in text.strip().split("\n\n"):
        if lines:
            lines.append("")
        lines.extend(wrap_whole(paragraph, WIDTH, indent, indent))
    return lines


class _Conversation:
    """One run of `wizard ask`: reads lines, hands answers to the session, prints what it says."""

    def __init__(self, session: Session, stdin: TextIO, stdout: TextIO) -> None:
        self.session = session
        self.earlier: tuple[str, ...] = ()
        """Questions answered before the last change (which of them no longer fit is said on
        the next "Check your answers")."""
        self.stdin = stdin
        self.stdout = stdout
        # Piped input is not echoed by a terminal; echoing it keeps a transcript readable.
        self.echo = not _is_tty(stdin)
        if isinstance(stdin, io.TextIOWrapper):
            # A strict decoder would drop a whole buffered chunk of answers at one bad byte.
            stdin.reconfigure(errors="replace")

    # -- the loop ---------------------------------------------------------------------------
    def run(self) -> int:
        """Walk, check the answers, show the summary; from the summary, `change` checks the
        answers again (a change walks on from there, then checks, then a new summary)."""
        self.say(*self.welcome())
        while True:
            stopped = self.walk()
            if stopped is not None:
                return stopped
            if self.check_answers():
                continue
            summary = self.session.summary()
            self.say("", render_text(summary).rstrip("\n"))
            if not self.after_summary(summary):
                return Exit.OK

    def walk(self) -> int | None:
        """Ask until the route is finished; an exit code when input ends or the person quits."""
        then = _Then.QUESTION
        while not self.session.finished:
            if then is _Then.QUESTION:
                self.say("", *self.question())
            line = self.read()
            if line is None:
                self.say("", *self.stopped(t("ask_input_ended")))
                return Exit.INCOMPLETE
            if len(line) > MAX_LINE:
                self.say(t("ask_too_long", limit=str(MAX_LINE)))
                then = _Then.QUESTION
                continue
            then = self.handle(line)
            if then is _Then.QUIT:
                self.say(*self.stopped(t("ask_you_stopped")))
                return Exit.INCOMPLETE
        return None

    def check_answers(self) -> bool:
        """"Check your answers" before the summary (and from it: `change`): every answer,
        numbered; a number changes
        that answer (keeping the others that still fit, model.replay.change_answer), Enter or
        the end of input goes on to the summary. True when an answer was changed."""
        nodes = self.session.tree.nodes
        rows = [a for a in self.session.history if nodes[a.node].is_question]
        lines = ["", t("check_title")]
        for number, answer in enumerate(rows, 1):
            shown = ", ".join(self.session.labels(answer)) or t("check_no_answer")
            lines += wrap(f"{number}. {nodes[answer.node].heading}: {shown}", "  ")
        gone = left_out(self.session, self.earlier)
        if gone:
            lines += ["", t("check_no_longer"), *(f"  - {nodes[node].heading}" for node in gone)]
        self.earlier = ()
        self.say(*lines, t("ask_check_how"))
        while True:
            line = self.read()
            if line is None or not line.strip():
                return False
            try:
                picks = parse_numbers(line, len(rows))
                if len(picks) != 1:
                    raise NotAnAnswer(t("ask_type_number"))
            except NotAnAnswer as not_an_answer:
                self.say(str(not_an_answer))
                continue
            return self.change(rows[picks[0]].node)

    def change(self, node_id: str) -> bool:
        """Ask one earlier question again (Enter keeps its answer); True once it is answered."""
        original = self.session
        asked = original.fork()
        asked.go_to(node_id)
        self.session = asked
        try:
            while True:
                self.say("", *self.question())
                line = self.read()
                if line is None:
                    return False
                try:
                    changed = change_answer(original, node_id, self.option_ids(asked.current, line))
                except NotAnAnswer as not_an_answer:
                    self.say(str(not_an_answer))
                    continue
                except AnswerError as error:
                    self.say(refusal(error))
                    continue
                self.say(*self.alerts(changed.raised))
                self.earlier = tuple(answer.node for answer in original.history)
                original = changed.session
                return True
        finally:
            self.session = original

    def handle(self, line: str) -> _Then:
        """Act on one line: a command, or an answer to the current question."""
        word = line.strip().lower()
        if word in _QUIT_WORDS:
            return _Then.QUIT
        if word == "help":
            self.say(*self.commands())
            return _Then.PROMPT
        if word == "?":
            self.say(*self.explain(self.session.current))
            return _Then.PROMPT
        if word == "back":
            return self.back()
        if word == "restart":
            return self.restart()
        return self.answer(line)

    def restart(self) -> _Then:
        """Start over, after asking when there is something to lose (as the app and the web
        pages do): only "yes" clears; anything else, or the end of input, keeps the answers."""
        if not self.session.history:
            self.say(t("ask_restarted"))
            return _Then.QUESTION
        self.say(t("start_over_title"), t("start_over_text"), t("ask_restart_confirm"))
        reply = self.read()
        if reply is not None and reply.strip().lower() in _YES_WORDS:
            self.session.restart()
            self.say(t("ask_restarted"))
        else:
            self.say(t("ask_restart_kept"))
        return _Then.QUESTION

    def answer(self, line: str) -> _Then:
        """Turn the line into option ids and give them to the session; refuse with a sentence."""
        node = self.session.current
        try:
            picked = self.option_ids(node, line)
            raised = self.session.answer(picked)
        except NotAnAnswer as not_an_answer:
            self.say(str(not_an_answer))
            return _Then.QUESTION
        except AnswerError as error:
            self.say(refusal(error))
            return _Then.QUESTION
        self.say(*self.alerts(raised))
        return _Then.QUESTION

    def back(self) -> _Then:
        if not self.session.back():
            self.say(t("ask_first_step"))
        return _Then.QUESTION

    def option_ids(self, node: Node, line: str) -> list[str]:
        """The option ids a line picks at `node`; Enter keeps an earlier answer or continues."""
        if not node.is_question:
            if line.strip():
                raise NotAnAnswer(t("ask_page_has_no_answers"))
            return []
        picks = parse_numbers(line, len(node.options))
        if not picks:
            if self.session.preselected:
                return list(self.session.preselected)
            if node.traits.single:
                raise NotAnAnswer(t("ask_type_number"))
            raise NotAnAnswer(t("ask_type_numbers"))
        return [node.options[i].id for i in picks]

    def after_summary(self, summary: Summary) -> bool:
        """After the summary, offers, never forced: `change` to check or change the answers
        (True: the check comes again), and where the tree has teach-back questions about this
        summary, `yes` to go over them. Enter (or the end of input) finishes."""
        questions = teach_back_for(summary)
        word = t("ask_change_word")
        if questions:
            self.say("", *wrap(t("ask_change_offer_teach", word=word)), *wrap(t("teach_ask_offer")))
        else:
            self.say("", *wrap(t("ask_change_offer", word=word)))
        line = self.read()
        if line is None:
            return False
        typed = line.strip().lower()
        if typed in ("change", word.lower()):  # the English word works in every language
            return True
        if questions and typed in _YES:
            self.teach_back(summary, questions)
        return False

    def teach_back(self, summary: Summary, questions: tuple[TeachBack, ...]) -> None:
        """The tree's teach-back questions about this summary; a wrong answer prints that part
        of the summary again, in other words, and asks again. Nothing typed here changes the
        summary or the exit code."""
        say = self.say
        run = TeachBackRun(questions)
        say(*wrap(t("teach_intro")))
        while (question := run.question) is not None:
            total = str(len(questions))
            say("", t("teach_question", number=str(run.index + 1), total=total))
            say(*wrap(question.prompt))
            for number, option in enumerate(question.options, 1):
                say(f"  {number}. {option.label}")
            say(t("teach_ask_how"))
            line = self.read()
            if line is None or line.strip().lower() in _QUIT_WORDS:
                return
            try:
                picks = parse_numbers(line, len(question.options))
            except NotAnAnswer as refused:
                say(str(refused))
                continue
            if len(picks) != 1:
                say(t("teach_ask_how"))
                continue
            if run.answer(question.options[picks[0]].id):
                say(t("teach_right"))
            else:
                say(t("teach_wrong"))
                for text in reminder(summary, question):
                    say(*wrap(text, "  "))
                say(t("teach_try_again"))
        say("", t_count("teach_done", len(questions)))

    # -- input and output -------------------------------------------------------------------
    def read(self) -> str | None:
        """One line without its newline; None at end of input (or input that cannot be read).

        Bytes that are not text (a wrong encoding in a script) become "?" rather than an error,
        so the line is refused in words like any other unreadable answer. A line over MAX_LINE
        characters is read to its end in pieces and comes back as MAX_LINE + 1 characters,
        which `run` refuses.
        """
        self.stdout.write(PROMPT)
        self.stdout.flush()
        try:
            line = self.stdin.readline(MAX_LINE + 1)
            if len(line) > MAX_LINE and not line.endswith("\n"):
                rest = line
                while rest and not rest.endswith("\n"):  # the rest of the line, piece by piece
                    rest = self.stdin.readline(MAX_LINE)
        except UnicodeDecodeError:
            line = "\ufffd\n"
        except (OSError, ValueError):  # e.g. a folder as standard input, or a closed stream
            line = ""
        if not line:
            self.stdout.write("\n")
            return None
        line = line.rstrip("\r\n").encode("utf-8", "replace").decode("utf-8")
        if self.echo:
            self.stdout.write(strip_control(line[:MAX_LINE]) + "\n")
        return line

    def say(self, *lines: str) -> None:
        """Print lines; tree text and quoted input may hold control characters, dropped here."""
        if lines:
            self.stdout.write(strip_control("\n".join(lines)) + "\n")
            self.stdout.flush()

    # -- what is said -----------------------------------------------------------------------
    def welcome(self) -> list[str]:
        tree = self.session.tree
        lines = [tree.title, "=" * len(tree.title)]
        if tree.translation == "draft":
            lines += wrap(t("draft_translation"))
        if tree.description:
            lines += wrap(tree.description)
        lines += ["", *wrap(tree.disclaimer), ""]
        lines.append(t("ask_how"))
        return lines

    def question(self) -> list[str]:
        """The current step as lines, drawn from the shared page view (wizard/render/pageview.py):
        progress ("Question 3 of about 6"), heading, then the page's text or the numbered
        answers and how to answer."""
        view = build_page(self.session)
        lines = [view.progress, *wrap(view.heading)]
        if not view.question:
            if view.paragraphs:
                lines += wrap("\n\n".join(view.paragraphs))
            return [*lines, t("ask_press_enter")]
        for option in view.options:
            alone = f" {option.alone_words}" if option.alone_words else ""
            lines.append(f"  {option.number}. {option.label}{alone}")
        lines.append(self.how_to_answer(view))
        return lines

    def how_to_answer(self, view: PageView) -> str:
        keep = self.kept(view)
        if not view.many:
            return t("ask_one") + keep
        return t("ask_many", rule=view.rule) + keep

    def kept(self, view: PageView) -> str:
        """After `back`, Enter keeps the earlier answer: say which numbers that is."""
        numbers = [str(option.number) for option in view.options if option.chosen]
        return t("ask_keep", numbers=" ".join(numbers)) if numbers else ""

    def explain(self, node: Node) -> list[str]:
        view = build_page(self.session)
        lines = wrap("\n\n".join(view.help)) if view.help else [t("ask_no_help")]
        for option in view.options:
            if option.help:
                lines += wrap(f"{option.number}. {option.label}: {option.help}", "  ")
        if view.draft:
            lines += ["", *wrap(view.draft)]
        return lines

    def alerts(self, raised: Iterable[RedFlag]) -> list[str]:
        """Red flags are said the moment they are raised, before anything else, in plain words
        (the page view's: the next page shows the same advice as urgent)."""
        lines: list[str] = []
        for urgent in map(urgent_view, raised):
            lines += ["", t("ask_urgent", title=urgent.title), *wrap("\n\n".join(urgent.advice))]
        return lines

    def commands(self) -> list[str]:
        width = max(len(name) for name, _ in COMMANDS)
        return [
            t("ask_commands"),
            *(f"  {name.ljust(width)}  {what}" for name, what in COMMANDS),
        ]

    def stopped(self, why: str) -> list[str]:
        node = self.session.current
        step = len(self.session.history) + 1
        return wrap(t("ask_stopped", why=why, step=str(step), heading=node.heading))


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
