"""The quiz engine and the checks on `cases:`, `quiz:` and `teach_back:`, on the example tree."""

from __future__ import annotations

import pytest

from tests.helpers import diagnose
from wizard.model.loader import check_text
from wizard.model.quiz import NOTHING, QuizError, QuizRun, build_quiz
from wizard.model.tree import Tree

CASES = """
cases:
  - id: thirsty-cactus
    story: Sam waters a cactus every day and sees yellow leaves.
    answers:
      danger: none
      kind: cactus
      cactus_water: daily
      symptoms: [yellow, droop]
    next_at: kind
  - id: pet-fern
    story: A cat chewed a fern with brown tips in a dry room.
    answers:
      danger: [pets]
      kind: fern
      symptoms: [brown]
      humidity: dry
"""

TEACH = """
teach_back:
  - id: water-less
    prompt: What does your plan say about watering?
    about: treatment:less-water
    when: overwater
    explain: Roots need air as well as water.
    options:
      - {id: less, label: Let the soil dry first, right: true}
      - {id: more, label: Water more often}
"""


def tree_of(text: str) -> Tree:
    tree, diagnostics = check_text(text, "t.yaml")
    assert tree is not None and not any(d.is_error for d in diagnostics), diagnostics
    return tree


def at(text: str, needle: str) -> str:
    line = text[: text.index(needle)].count("\n") + 1
    col = text.splitlines()[line - 1].index(needle.strip().splitlines()[0]) + 1
    return f"t.yaml:{line}:{col}"


def test_authored_cases_are_checked_and_built(example_text: str) -> None:
    tree = tree_of(example_text + CASES + TEACH)
    assert [c.id for c in tree.cases] == ["thirsty-cactus", "pet-fern"]
    quiz = build_quiz(tree, seed=1)
    assert quiz.authored and {c.id for c in quiz.cases} == {"thirsty-cactus", "pet-fern"}
    cactus = next(c for c in quiz.cases if c.id == "thirsty-cactus")
    kinds = {q.kind: q for q in cactus.questions}
    assert set(kinds) == {"options", "first", "urgent", "next"}
    assert kinds["options"].right <= {t.item.id for t in cactus.summary.treatments}
    wrong = {c.id for c in kinds["options"].choices} - kinds["options"].right
    assert wrong and not wrong & {t.item.id for t in cactus.summary.treatments}
    assert kinds["first"].right == {"move"}  # the cactus order of at_a_glance
    assert kinds["urgent"].right == {NOTHING}
    assert kinds["next"].at == "kind" and kinds["next"].right == {"cactus_water"}
    pet = next(c for c in quiz.cases if c.id == "pet-fern")
    assert next(q for q in pet.questions if q.kind == "urgent").right == {"pets"}


def test_the_same_seed_gives_the_same_quiz_and_cases_caps_it(example_text: str) -> None:
    tree = tree_of(example_text + CASES)
    one, two = build_quiz(tree, seed=7), build_quiz(tree, seed=7)
    assert one.cases == two.cases
    assert len(build_quiz(tree, seed=7, cases=1).cases) == 1


def test_without_cases_the_cover_routes_make_the_quiz(example_text: str) -> None:
    quiz = build_quiz(tree_of(example_text), seed=2)
    assert not quiz.authored and quiz.cases
    assert all(c.id.startswith("route-") and not c.story for c in quiz.cases)


def test_the_author_switches_kinds_off(example_text: str) -> None:
    tree = tree_of(example_text + CASES + "quiz: {ask: [options, urgent]}\n")
    for case in build_quiz(tree, seed=1).cases:
        assert {q.kind for q in case.questions} <= {"options", "urgent"}


def test_back_works_before_a_reveal_never_after(example_text: str) -> None:
    run = QuizRun(build_quiz(tree_of(example_text + CASES), seed=3, cases=1))
    assert not run.back()
    first = run.question
    assert first is not None
    run.predict([first.choices[0].id])
    assert run.back() and run.question == first and run.picked == (first.choices[0].id,)
    while (question := run.question) is not None:
        run.predict(sorted(question.right))
    result = run.reveal()
    assert result.score == result.total and run.score == (result.total, result.total)
    assert not run.back()
    with pytest.raises(QuizError):
        run.predict(["x"])
    assert not run.next_case() and run.finished


def test_a_wrong_prediction_says_what_was_missed_and_picked(example_text: str) -> None:
    run = QuizRun(build_quiz(tree_of(example_text + CASES), seed=3, cases=1))
    while (question := run.question) is not None:
        wrong = [c.id for c in question.choices if c.id not in question.right][:1]
        run.predict(wrong or [question.choices[0].id])
    result = run.reveal()
    assert result.score < result.total
    marked = next(m for m in result.marks if not m.correct)
    assert marked.missed and marked.wrong


def test_a_prediction_must_fit_the_question(example_text: str) -> None:
    run = QuizRun(build_quiz(tree_of(example_text + CASES), seed=3, cases=1))
    with pytest.raises(QuizError) as refused:
        run.predict([])
    assert refused.value.reason in ("pick_one", "pick_some")
    with pytest.raises(QuizError):
        run.predict(["no-such-choice"])
    with pytest.raises(QuizError):
        run.reveal()


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        ("kind: cactus\n", "kind: cactsu\n", "cactsu",
         "error: case 'thirsty-cactus': node 'kind' has no option 'cactsu'; did you mean 'cactus'?"),
        ("      cactus_water: daily\n", "", "id: thirsty-cactus",
         "error: case 'thirsty-cactus' stops at question 'cactus_water' (How often do you water it?); add an answer for it: one of daily, weekly, monthly"),
        ("      humidity: dry\n", "      humidity: dry\n      cactus_water: daily\n", "daily\n",
         "error: case 'pet-fern' answers 'cactus_water', which its route never asks; remove it"),
        ("symptoms: [brown]", "symptoms: [brown, nothing]", "[brown, nothing]",
         "error: case 'pet-fern': node 'symptoms' refuses this answer (exclusive)"),
        ("danger: [pets]", "dangre: [pets]", "[pets]",
         "error: case 'pet-fern' answers node 'dangre', which does not exist; did you mean 'danger'?"),
    ],
)
def test_cases_are_checked_with_file_line_col(
    example_text: str, old: str, new: str, needle: str, message: str
) -> None:
    text = (example_text + CASES).replace(old, new, 1)
    if needle == "daily\n":  # the second, wrong, answer to cactus_water: at its value
        line = text.rindex("cactus_water: daily")
        where = f"t.yaml:{text[:line].count(chr(10)) + 1}:21"
    else:
        where = at(text, needle)
    assert f"{where}: {message}" in diagnose(text)


def test_teach_back_is_checked(example_text: str) -> None:
    base = example_text + TEACH
    assert not [d for d in diagnose(base) if "teach-back" in d]
    never = base.replace("when: overwater", "when: {all: [fine_water, {not: yellow}]}")
    assert f"{at(never, 'id: water-less')}: error: teach-back question 'water-less' can never be asked: when its 'when' holds, treatment 'less-water' is never on the summary" in diagnose(never)
    unknown = base.replace("treatment:less-water", "treatment:less-watr")
    assert any("refers to treatment 'less-watr', which does not exist; did you mean 'less-water'?" in d for d in diagnose(unknown))
    no_right = base.replace(", right: true}", "}")
    assert any("has no right answer" in d for d in diagnose(no_right))
    bad_about = base.replace("treatment:less-water", "glance")
    assert any("write treatment:ID, resource:ID or red_flag:ID" in d for d in diagnose(bad_about))
    typo = base.replace("when: overwater", "when: overwatre")
    assert any("reads fact 'overwatre', which no answer sets" in d for d in diagnose(typo))


def test_quiz_kinds_are_checked(example_text: str) -> None:
    text = example_text + "quiz: {ask: [options, nxt]}\n"
    assert any("'ask' of 'quiz' names 'nxt'" in d and "did you mean 'next'?" in d for d in diagnose(text))


def test_teach_back_is_asked_only_when_its_part_is_on_the_summary(example_text: str) -> None:
    from wizard.model.machine import walk
    from wizard.model.teach_back import MOST, TeachBackRun, teach_back_for

    tree = tree_of(example_text + TEACH)
    watered = walk(tree, {"danger": ["none"], "kind": ["cactus"], "cactus_water": ["daily"],
                          "symptoms": ["yellow"]}).summary()  # fmt: skip
    assert [q.id for q in teach_back_for(watered)] == ["water-less"]
    # `when` holds nowhere here (no overwatering), so nothing is asked
    dry = walk(tree, {"danger": ["none"], "kind": ["fern"], "symptoms": ["brown"],
                      "humidity": ["dry"]}).summary()  # fmt: skip
    assert teach_back_for(dry) == ()
    run = TeachBackRun(teach_back_for(watered))
    assert not run.answer("more") and run.missed and not run.finished
    assert run.answer("less") and run.finished and run.first_try == [False]
    assert MOST == 3


def test_a_caution_is_never_a_choice_of_which_options_are_listed() -> None:
    """The bundled tree's "Medicines that can make weakness worse" is a caution, shown under
    "Take care" for Lambert-Eaton and myasthenia gravis, never an option: the quiz must not
    teach it as one (it was a right answer for those cases) nor offer it as a wrong one."""
    from wizard.model.bundled import resolve_tree
    from wizard.model.loader import load_tree

    tree = load_tree(resolve_tree(None))
    cautions = {t for t, item in tree.treatments.items() if item.caution}
    assert cautions
    for seed in range(8):
        for case in build_quiz(tree, seed=seed).cases:
            for question in case.questions:
                if question.kind == "options":
                    assert not cautions & {c.id for c in question.choices}, case.id
