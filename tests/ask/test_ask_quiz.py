"""`wizard ask --quiz`: the case quiz as plain lines, end to end, with its results files."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from wizard.ask.quiz import run_quiz
from wizard.model.loader import load_tree
from wizard.model.quiz import Quiz, build_quiz

BUNDLED = ROOT / "trees" / "paraneoplastic.yaml"


def quiz(seed: int = 5, cases: int = 2) -> Quiz:
    return build_quiz(load_tree(BUNDLED), seed=seed, cases=cases)


def right_lines(q: Quiz) -> list[str]:
    """What a learner who knows the tree types: every right number, Enter to reveal, Enter on."""
    lines: list[str] = []
    for case in q.cases:
        for question in case.questions:
            numbers = [str(n) for n, c in enumerate(question.choices, 1) if c.id in question.right]
            lines.append(" ".join(numbers))
        lines += ["", ""]
    return lines


def test_a_learner_who_knows_the_tree_scores_everything(tmp_path: Path) -> None:
    q = quiz()
    assert q.authored  # the bundled tree has its own cases
    out = io.StringIO()
    results = tmp_path / "results.json"
    code = run_quiz(q, io.StringIO("\n".join(right_lines(q)) + "\n"), out, results)
    text = out.getvalue()
    total = sum(len(c.questions) for c in q.cases)
    assert code == 0, text
    assert f"Score: {total} of {total}" in text and "Right." in text and "Not quite." not in text
    assert "Seed 5: run again with --seed 5 for the same cases." in text
    saved = json.loads(results.read_text(encoding="utf-8"))
    assert saved["score"] == {"right": total, "asked": total}
    assert [c["id"] for c in saved["cases"]] == [c.id for c in q.cases]
    answered = [s for s in saved["statements"] if s["verb"]["id"].endswith("/answered")]
    assert len(answered) == total and all(s["result"]["success"] for s in answered)
    assert saved["statements"][-1]["result"]["score"]["scaled"] == 1


def test_a_wrong_prediction_is_shown_with_what_was_missed_and_why() -> None:
    q = quiz(seed=8, cases=1)
    lines: list[str] = []
    for question in q.cases[0].questions:
        wrong = [n for n, c in enumerate(question.choices, 1) if c.id not in question.right]
        lines.append(str(wrong[0]))
    out = io.StringIO()
    assert run_quiz(q, io.StringIO("\n".join([*lines, "", ""]) + "\n"), out) == 0
    text = out.getvalue()
    assert "Not quite." in text and "Missed:" in text and "Picked, but not right:" in text
    assert "Listed when:" in text or "This is the question the route asks next." in text
    assert "Score: 0 of" in text


def test_back_changes_a_prediction_before_the_reveal_and_never_after() -> None:
    q = quiz(seed=2, cases=2)
    first = q.cases[0].questions
    typed = ["1", "back", *right_lines(Quiz(q.tree, q.cases[:1], q.seed))[: len(first)]]
    typed += ["", "", "back"]  # reveal, next case, then back on the new case's first question
    out = io.StringIO()
    run_quiz(q, io.StringIO("\n".join(typed) + "\n"), out)
    text = out.getvalue()
    assert f"Case score: {len(first)} of {len(first)}" in text  # the "1" was taken back
    assert "This is the first question of this case." in text


def test_refusals_are_sentences_and_input_ending_early_is_exit_3() -> None:
    q = quiz(seed=2, cases=1)
    out = io.StringIO()
    assert run_quiz(q, io.StringIO("99\nseven\n"), out) == 3
    text = out.getvalue()
    assert "There is no answer 99 here" in text and "is not an answer number" in text
    assert "The quiz stopped before the end." in text


def test_ask_quiz_end_to_end_through_the_command_line(tmp_path: Path) -> None:
    q = quiz(seed=11, cases=1)
    typed = "\n".join(right_lines(q)) + "\n"
    results = tmp_path / "r.md"
    done = subprocess.run(
        [sys.executable, "-m", "wizard", "ask", "--quiz", "--seed", "11", "--cases", "1",
         "--results", str(results), str(BUNDLED)],
        input=typed, capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    total = len(q.cases[0].questions)
    assert f"Score: {total} of {total}" in done.stdout
    markdown = results.read_text(encoding="utf-8")
    assert markdown.startswith("# Quiz results") and f"Score: {total} of {total}" in markdown


def test_results_in_a_missing_folder_are_refused_in_one_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "wizard", "ask", "--quiz", "--results", str(tmp_path / "no" / "r.json")],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "does not exist" in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_results_files_show_tree_text_as_text(example_text: str) -> None:
    from wizard.model.loader import check_text
    from wizard.model.quiz import QuizRun
    from wizard.render.quiz_results import results_html, results_markdown

    hostile = (
        "\ncases:\n  - id: x\n    story: '<script>alert(1)</script> **bold** [a](https://e.x)'\n"
        "    answers: {danger: none, kind: fern, symptoms: [brown], humidity: dry}\n"
    )
    tree, _ = check_text(example_text + hostile, "t.yaml")
    assert tree is not None
    run = QuizRun(build_quiz(tree, seed=1))
    while (question := run.question) is not None:
        run.predict([question.choices[0].id])
    run.reveal()
    page = results_html(run)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    markdown = results_markdown(run)
    assert "\\*\\*bold\\*\\*" in markdown and "\\[a\\]\\(https://e\\.x\\)" in markdown


# -- teach-back at the end of `wizard ask` ---------------------------------------------------------
LEMS_LINES = ["", "11", "1", "7", "2", "2", "1", "5", ""]
"""Welcome, no urgent sign, nervous system, LEMS, muscle weakness, a surface antibody, a cancer
being treated, no treatment yet; Enter at "Check your answers"."""


def test_ask_offers_teach_back_and_explains_again_after_a_wrong_answer() -> None:
    from wizard.ask.session import run_ask

    tree = load_tree(BUNDLED)
    first = tree.teach_back[3]  # lems-first-tablet, the first for this summary
    assert first.id == "lems-first-tablet"
    wrong = next(n for n, o in enumerate(first.options, 1) if not o.right)
    right = [next(n for n, o in enumerate(q.options, 1) if o.right) for q in tree.teach_back]
    typed = [*LEMS_LINES, "yes", str(wrong), str(right[3]), str(right[4]), str(right[7])]
    out = io.StringIO()
    assert run_ask(tree, io.StringIO("\n".join(typed) + "\n"), out) == 0
    text = out.getvalue()
    assert "Would you like to check what you understood?" in text
    assert "Question 1 of 3" in text and "Question 3 of 3" in text
    assert "Not quite. Here is that part of your summary again, in other words:" in text
    assert "Please try again." in text and text.count("Yes, that is right.") == 3
    assert "Thank you. You went over 3 points of your summary." in text


def test_enter_skips_teach_back() -> None:
    from wizard.ask.session import run_ask

    out = io.StringIO()
    assert run_ask(load_tree(BUNDLED), io.StringIO("\n".join([*LEMS_LINES, ""]) + "\n"), out) == 0
    assert "Question 1 of 3" not in out.getvalue()


def test_quiz_options_without_quiz_are_a_usage_mistake() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "wizard", "ask", "--seed", "3"],
        capture_output=True, text=True, cwd=ROOT, timeout=60, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 2 and "go with --quiz" in done.stderr and "Traceback" not in done.stderr
