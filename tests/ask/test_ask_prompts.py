"""`wizard ask`: a whole guided session held over plain lines, as a person or a script would.

Every scenario runs twice: in this process (io.StringIO), and in a separate Python process fed
through a real pipe, so buffering, end of input and the exit status are tested as a script would
meet them. The summary is checked against `wizard walk`'s, built from the same answers.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from wizard.ask.session import run_ask
from wizard.model.loader import load_tree
from wizard.model.machine import Session, walk
from wizard.model.tree import Tree
from wizard.render.text import render_text

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = "tests/trees/example.yaml"
BUNDLED = "trees/paraneoplastic.yaml"

# The example tree's steps: welcome (page), danger (multi), kind (choice), [photo (page) |
# cactus_water (choice)], symptoms (multi, at most 3), humidity (choice, only for fern or brown).
FERN_LINES = ["", "3", "2", "1 3", "1"]
FERN_ANSWERS = {"danger": ["none"], "kind": ["fern"], "symptoms": ["yellow", "droop"],
                "humidity": ["dry"]}
KIND_PROMPT = "What kind of plant is it?"
SYMPTOMS_PROMPT = "What do you see?"


@dataclass(frozen=True)
class Reply:
    """What came back from one conversation: the exit code and everything printed."""

    code: int
    out: str


Converse = Callable[..., Reply]


def converse_in_process(lines: Sequence[str], tree_path: str = EXAMPLE) -> Reply:
    stdout = io.StringIO()
    stdin = io.StringIO("".join(line + "\n" for line in lines))
    code = run_ask(load_tree(ROOT / tree_path), stdin, stdout)
    return Reply(code, stdout.getvalue())


def converse_in_subprocess(lines: Sequence[str], tree_path: str = EXAMPLE) -> Reply:
    program = (
        "import sys; from wizard.ask.session import run_ask; from wizard.model.loader import load_tree; "
        f"sys.exit(run_ask(load_tree({tree_path!r}), sys.stdin, sys.stdout))"
    )
    done = subprocess.run(
        [sys.executable, "-c", program],
        input="".join(line + "\n" for line in lines),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.stderr == "", done.stderr
    return Reply(done.returncode, done.stdout)


@pytest.fixture(params=["in-process", "subprocess"])
def converse(request: pytest.FixtureRequest) -> Converse:
    """Hold a conversation: the lines typed (Enter after each) -> exit code and output."""
    if request.param == "in-process":
        return converse_in_process
    return converse_in_subprocess


AFTER_SUMMARY = "\nType change to check or change your answers, or press Enter to finish.\n> \n"
"""What follows the summary on a tree with no teach-back questions: the offer to check or
change the answers, and the prompt that input ended at."""


def before_the_offer(out: str) -> str:
    """Everything printed before the offer that follows the summary, which must come last."""
    assert out.endswith(AFTER_SUMMARY), out[-400:]
    return out[: -len(AFTER_SUMMARY)]


def summary_of(answers: Mapping[str, Sequence[str]], tree_path: str = EXAMPLE) -> str:
    """The text summary `wizard walk` prints for these answers."""
    return render_text(walk(load_tree(ROOT / tree_path), answers).summary())


def plain_lines(tree: Tree) -> tuple[list[str], dict[str, list[str]]]:
    """Lines that answer every step plainly (Enter on pages, the first option of a choice, the
    "none of these" option or else the first of a multi), and the same answers by node id.

    Worked out with a Session, so the script follows the tree's real routing.
    """
    session = Session(tree)
    lines: list[str] = []
    answers: dict[str, list[str]] = {}
    while not session.finished:
        node = session.current
        if node.kind == "info":
            lines.append("")
            session.answer(())
            continue
        exclusive = [i for i, o in enumerate(node.options) if o.exclusive]
        index = exclusive[0] if node.kind == "multi" and exclusive else 0
        lines.append(str(index + 1))
        answers[node.id] = [node.options[index].id]
        session.answer(answers[node.id])
    return lines, answers


def asked(out: str, prompt: str) -> int:
    """How many times a question was put to the person."""
    return out.count(f"\n{prompt}\n")


# -- a whole session ------------------------------------------------------------------------
def test_whole_session_ends_with_the_same_summary_as_walk(converse: Converse) -> None:
    reply = converse(FERN_LINES)
    assert reply.code == 0
    assert before_the_offer(reply.out).endswith(summary_of(FERN_ANSWERS))
    assert "Your plant plan" in reply.out


def test_each_question_shows_numbered_options_and_progress(converse: Converse) -> None:
    out = converse(FERN_LINES).out
    # a page is not a question: progress counts questions, so the first question is Question 1
    assert "Questions answered: 0 of about 5\nWelcome\n" in out
    assert "Question 1 of about 5\nIs any of this" in out
    assert "Question 2 of about 5\nWhat kind of plant is it?\n  1. A cactus\n  2. A fern\n" in out
    assert "  5. Nothing of these (on its own)\n" in out
    assert "Pick 1 to 3. Type their numbers, for example 1 3." in out  # the app's pick rule


def test_output_is_plain_text_without_terminal_codes(converse: Converse) -> None:
    out = converse(FERN_LINES).out
    assert "\x1b" not in out
    assert all(ch.isprintable() or ch == "\n" for ch in out)


@pytest.mark.parametrize("typed", ["1 3", "1,3", "1, 3", "3 1"])
def test_multi_select_takes_several_numbers(converse: Converse, typed: str) -> None:
    reply = converse(["", "3", "2", typed, "1"])
    assert reply.code == 0
    assert before_the_offer(reply.out).endswith(summary_of(FERN_ANSWERS))
    assert "- What do you see? Yellow leaves, Drooping" in reply.out


def test_info_page_continues_on_enter_and_choice_routes_to_it(converse: Converse) -> None:
    reply = converse(["", "3", "3", "", "4"])  # not sure -> photo page -> symptoms: spots
    assert reply.code == 0
    assert "Take a photo\nA photo helps a shop tell you what plant it is." in reply.out
    assert before_the_offer(reply.out).endswith(
        summary_of({"danger": ["none"], "kind": ["unsure"], "symptoms": ["spots"]})
    )


# -- refusals: one sentence, the same question again, nothing lost ----------------------------
@pytest.mark.parametrize(
    ("lines", "sentence", "prompt"),
    [
        (["", "1 3"], "'None of these' cannot be picked together with others.",
         "Is any of this happening right now?"),
        (["", "3", "two"], "'two' is not an answer number or a command; type a number from 1 "
         "to 3, or help.", KIND_PROMPT),
        (["", "3", "7"], "There is no answer 7 here; pick a number from 1 to 3.", KIND_PROMPT),
        (["", "3", "0"], "There is no answer 0 here; pick a number from 1 to 3.", KIND_PROMPT),
        (["", "3", "1 2"], "Please pick one answer.", KIND_PROMPT),
        (["", "3", ""], "Please type the number of your answer, then press Enter.", KIND_PROMPT),
        (["", "3", "2", "1 2 3 4"], "Please pick no more than 3.", SYMPTOMS_PROMPT),
        (["", "3", "2", ""], "Please type the numbers of your answers, for example 1 3.",
         SYMPTOMS_PROMPT),
        (["1"], "This page has no answers to pick; press Enter to continue.", "Welcome"),
    ],
)
def test_bad_input_gets_one_sentence_and_the_same_question(
    converse: Converse, lines: list[str], sentence: str, prompt: str
) -> None:
    reply = converse(lines)
    assert f"\n{sentence}\n" in reply.out
    assert asked(reply.out, prompt) == 2
    assert "Traceback" not in reply.out
    assert reply.code == 3  # the input ran out at that question


def test_refused_answers_lose_nothing(converse: Converse) -> None:
    """After several refusals the session goes on as if they had not been typed."""
    lines = ["", "1 3", "3", "cactus", "9", "2", "1 2 3 4", "1 3", "1"]
    reply = converse(lines)
    assert reply.code == 0
    assert before_the_offer(reply.out).endswith(summary_of(FERN_ANSWERS))


# -- commands -----------------------------------------------------------------------------------
def test_back_returns_to_the_previous_question_and_changes_the_route(converse: Converse) -> None:
    reply = converse(["", "3", "1", "back", "2", "1 3", "1"])  # cactus, then back to fern
    assert reply.code == 0
    assert asked(reply.out, KIND_PROMPT) == 2
    assert before_the_offer(reply.out).endswith(summary_of(FERN_ANSWERS))
    assert "A cactus" not in reply.out.split("What you told us")[1]


def test_enter_after_back_keeps_the_earlier_answer(converse: Converse) -> None:
    reply = converse(["", "3", "2", "back", "", "1 3", "1"])
    assert "Press Enter to keep your earlier answer (2)." in reply.out
    assert reply.code == 0
    assert before_the_offer(reply.out).endswith(summary_of(FERN_ANSWERS))


def test_back_at_the_first_step_says_so(converse: Converse) -> None:
    reply = converse(["back", "", "3", "2", "1 3", "1"])
    assert "This is the first step; there is nothing to go back to." in reply.out
    assert reply.code == 0


def test_restart_forgets_every_answer(converse: Converse) -> None:
    reply = converse(["", "2", "1", "restart", "yes", *FERN_LINES])
    assert reply.code == 0
    assert "Start over?\nAll your answers will be cleared." in reply.out
    assert "Starting again from the beginning" in reply.out
    assert asked(reply.out, "Welcome") == 2
    assert before_the_offer(reply.out).endswith(summary_of(FERN_ANSWERS))  # no pet, no cactus left over
    assert "A pet may be poisoned" in reply.out.split("Starting again")[0]
    assert "A pet may be poisoned" not in reply.out.split("Starting again")[1]


def test_restart_asks_first_and_keeps_the_answers_unless_told(converse: Converse) -> None:
    reply = converse(["", "3", "restart", "", "2", "1 3", "1"])
    assert "Type yes to start over, or press Enter to keep your answers." in reply.out
    assert "Your answers are kept." in reply.out and "Starting again" not in reply.out
    assert reply.code == 0 and asked(reply.out, "Welcome") == 1
    assert before_the_offer(reply.out).endswith(summary_of(FERN_ANSWERS))


def test_check_your_answers_comes_before_the_summary_and_changes_one_answer(
        converse: Converse) -> None:
    # the route, then: change answer 3 ("What do you see?") to Spots, then Enter: the summary
    reply = converse([*FERN_LINES, "3", "4", ""])
    assert reply.code == 0
    checks = reply.out.split("Check your answers")
    assert len(checks) == 3  # before the change, and after it
    assert "3. What do you see?: Yellow leaves, Drooping" in checks[1]
    assert "3. What do you see?: Spots" in checks[2]
    assert "2. What kind of plant is it?: A fern" in checks[2]  # the others kept
    assert "Type the number of an answer to change it" in checks[1]
    assert before_the_offer(reply.out).endswith(summary_of({**FERN_ANSWERS, "symptoms": ["spots"]}))


def test_a_change_to_another_route_asks_the_new_question_and_says_what_no_longer_fits(
        converse: Converse) -> None:
    # kind -> cactus: the watering question is new; with yellow leaves the air is not asked
    reply = converse([*FERN_LINES, "2", "1", "2", "", ""])
    assert reply.code == 0
    last_check = reply.out.split("Check your answers")[-1]
    assert "These earlier answers no longer fit" in last_check
    assert "  - Is the air in the room dry?" in last_check
    assert "How often do you water it?" in reply.out


def test_change_after_the_summary_checks_the_answers_again_and_shows_a_new_summary(
        converse: Converse) -> None:
    # the route, Enter at the check: the summary; then "change", answer 3 to Spots, Enter
    reply = converse([*FERN_LINES, "", "change", "3", "4", ""])
    assert reply.code == 0
    first, _, rest = reply.out.partition(AFTER_SUMMARY.removesuffix("> \n"))
    assert first.endswith(summary_of(FERN_ANSWERS))
    check = rest.split("Check your answers")[1]  # the check again, from the summary
    for row in ("1. Is any of this happening right now?: None of these",
                "2. What kind of plant is it?: A fern",
                "3. What do you see?: Yellow leaves, Drooping",
                "4. Is the air in the room dry?: Yes, it is dry"):
        assert row in check
    assert "What do you see?" in rest.split("Check your answers")[1]
    last = rest.split("Check your answers")[-1]
    assert "3. What do you see?: Spots" in last and "2. What kind of plant is it?: A fern" in last
    assert before_the_offer(reply.out).endswith(summary_of({**FERN_ANSWERS,
                                                            "symptoms": ["spots"]}))


def test_a_change_after_the_summary_names_the_answers_that_no_longer_fit(
        converse: Converse) -> None:
    # from the summary: the plant becomes a cactus, watered weekly; with yellow leaves and
    # drooping the air is no longer asked about
    reply = converse([*FERN_LINES, "", "change", "2", "1", "2", "", ""])
    assert reply.code == 0
    after = reply.out.split("Check your answers")[-1]
    assert "These earlier answers no longer fit" in after
    assert "  - Is the air in the room dry?" in after
    assert before_the_offer(reply.out).endswith(summary_of(
        {"danger": ["none"], "kind": ["cactus"], "cactus_water": ["weekly"],
         "symptoms": ["yellow", "droop"]}))


def test_enter_after_the_summary_finishes_with_nothing_asked_again(converse: Converse) -> None:
    reply = converse([*FERN_LINES, "", "", "change"])  # a line after Enter is never read
    assert reply.code == 0
    assert reply.out.count("Check your answers") == 1
    assert reply.out.endswith(AFTER_SUMMARY)  # the Enter, echoed


def test_help_lists_the_commands(converse: Converse) -> None:
    out = converse(["help"]).out
    for command in ("help", "?", "back", "restart", "quit"):
        assert f"\n  {command} " in out


def test_question_mark_shows_the_help_of_the_question_and_its_answers(converse: Converse) -> None:
    out = converse(["", "?", "3", "?"]).out
    assert "\nThese need action today.\n" in out
    assert "1. A cactus: Spiky and thick." in out


def test_quit_stops_without_a_summary(converse: Converse) -> None:
    reply = converse(["", "3", "quit"])
    assert reply.code == 3
    assert "You stopped at step 3 (What kind of plant is it?)" in reply.out
    assert "What you told us" not in reply.out


# -- red flags ----------------------------------------------------------------------------------
def test_red_flag_is_said_the_moment_it_is_raised(converse: Converse) -> None:
    reply = converse(["", "2"])
    urgent = "URGENT: A pet may be poisoned\nCall a vet now and take the plant with you.\n"
    assert urgent in reply.out
    assert reply.out.index(urgent) < reply.out.index(KIND_PROMPT)  # before the next question


def test_red_flags_are_kept_on_the_summary(converse: Converse) -> None:
    reply = converse(["", "1 2", "2", "1 3", "1"])
    assert reply.out.count("URGENT: ") == 2 + 1  # two alerts, then the summary's heading
    assert before_the_offer(reply.out).endswith(
        summary_of({**FERN_ANSWERS, "danger": ["fire", "pets"]})
    )


# -- end of input -------------------------------------------------------------------------------
def test_end_of_input_before_the_end_says_where_and_exits_3(converse: Converse) -> None:
    reply = converse(["", "3"])
    assert reply.code == 3
    assert "Input ended at step 3 (What kind of plant is it?) before the end" in reply.out
    assert "What you told us" not in reply.out


def test_empty_input_exits_3(converse: Converse) -> None:
    reply = converse([])
    assert reply.code == 3
    assert "Input ended at step 1 (Welcome)" in reply.out


def test_windows_line_endings_are_understood() -> None:
    stdout = io.StringIO()
    stdin = io.StringIO("".join(line + "\r\n" for line in FERN_LINES))
    assert run_ask(load_tree(ROOT / EXAMPLE), stdin, stdout) == 0


# -- the bundled tree ---------------------------------------------------------------------------
def test_bundled_tree_runs_to_its_summary(converse: Converse) -> None:
    lines, answers = plain_lines(load_tree(ROOT / BUNDLED))
    reply = converse(["help", "?", *lines], BUNDLED)
    assert reply.code == 0
    # The summary, then the offers to change answers and go over it (input ends there).
    before, offer, after = reply.out.rpartition(
        "\nType change to check or change your answers.\n"
        "Would you like to check what you understood? Type yes, or press Enter to\nfinish.\n")
    assert after == "> \n"
    assert offer and before.endswith(summary_of(answers, BUNDLED))


def test_bytes_that_are_not_text_are_refused_like_any_bad_answer() -> None:
    """A script in the wrong encoding: the bad line is refused; no answer around it is lost."""
    program = (
        "import sys; from wizard.ask.session import run_ask; from wizard.model.loader import load_tree; "
        f"sys.exit(run_ask(load_tree({EXAMPLE!r}), sys.stdin, sys.stdout))"
    )
    typed = b"\n\xff\n" + "".join(line + "\n" for line in FERN_LINES[1:]).encode()
    done = subprocess.run(
        [sys.executable, "-c", program], input=typed, capture_output=True, cwd=ROOT, timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"},
    )
    out = done.stdout.decode()
    assert done.returncode == 0, done.stderr.decode()
    assert "is not an answer number or a command" in out
    assert before_the_offer(out).endswith(summary_of(FERN_ANSWERS))
