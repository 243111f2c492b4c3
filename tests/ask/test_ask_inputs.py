"""`wizard ask` against what a stranger can type or a tree can hold: no traceback, nothing live.

(Closed, full and ASCII-only standard streams are tested through a real process in
tests/cli/test_inputs.py.)
"""

from __future__ import annotations

import io
from dataclasses import replace

import pytest

from wizard.ask.session import MAX_LINE, NotAnAnswer, parse_numbers, run_ask
from wizard.model.tree import Tree

# The example tree: a welcome page, then "danger" (multi: 1 fire, 2 pets, 3 none).
ESCAPES = "\x1b]0;owned\x07\x1b[2J\x9b31m\u202e"


def ask(tree: Tree, typed: str) -> tuple[int, str]:
    out = io.StringIO()
    return run_ask(tree, io.StringIO(typed), out), out.getvalue()


@pytest.mark.parametrize("word", ["²", "①", "3²", "Ⅷ"])
def test_digits_int_cannot_read_are_refused_in_words(word: str) -> None:
    with pytest.raises(NotAnAnswer, match="is not an answer number"):
        parse_numbers(word, 3)


def test_decimal_digits_of_other_scripts_are_numbers() -> None:
    assert parse_numbers("１ ٣", 3) == [0, 2]  # fullwidth 1, Arabic-Indic 3


def test_a_five_thousand_digit_number_is_out_of_range_not_a_crash() -> None:
    with pytest.raises(NotAnAnswer, match=r"There is no answer 99999999999999999999\.\.\. here"):
        parse_numbers("9" * 5000, 3)
    assert parse_numbers("0" * 5000 + "2", 3) == [1]  # leading zeros are still the number 2


def test_a_whole_session_of_odd_numbers_carries_on(example_tree: Tree) -> None:
    code, said = ask(example_tree, "\n²\n①\n" + "9" * 900 + "\n" + "9" * 5000 + "\n3\n")
    assert code == 3  # input ended later, at the next question
    assert said.count("is not an answer number") == 2 and "There is no answer 999" in said
    assert "That line is too long" in said
    assert "Question 2" in said


def test_typed_control_characters_are_not_echoed(example_tree: Tree) -> None:
    code, said = ask(example_tree, f"\n{ESCAPES}1\n")
    assert code == 3
    assert "]0;owned[2J31m1" in said  # echoed and quoted back, inert
    assert not any(char in said for char in "\x1b\x07\x9b\u202e")


def test_control_characters_in_tree_text_are_not_printed(example_tree: Tree) -> None:
    """A tree built in memory skips the checker; ask still prints no terminal sequence."""
    welcome = example_tree.nodes["welcome"]
    danger = example_tree.nodes["danger"]
    options = (replace(danger.options[0], label=f"Smoke{ESCAPES}"), *danger.options[1:])
    tree = replace(
        example_tree,
        title=f"Plants{ESCAPES}",
        disclaimer=f"Careful{ESCAPES}",
        nodes={
            **example_tree.nodes,
            "welcome": replace(welcome, prompt=f"Hello{ESCAPES}", help=f"Help{ESCAPES}"),
            "danger": replace(danger, options=options),
        },
    )
    code, said = ask(tree, "?\n\nhelp\n1\n")
    assert code == 3
    assert "Plants]0;owned[2J31m" in said and "Hello]0;owned" in said and "Smoke]0;" in said
    assert not any(char in said for char in "\x1b\x07\x9b\u202e")


def test_an_endless_line_is_read_in_pieces_and_refused(example_tree: Tree) -> None:
    code, said = ask(example_tree, "\n" + "1" * (MAX_LINE * 50) + "\n3\n")
    assert code == 3
    assert f"That line is too long to be an answer (over {MAX_LINE} characters)." in said
    assert "1" * (MAX_LINE + 1) not in said  # not echoed whole either
    assert "Question 2" in said  # the next line was read as the next answer
