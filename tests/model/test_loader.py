"""The strict YAML reader: what is refused, what stays text, and where problems are pointed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE
from tests.helpers import diagnose
from wizard.model import loader
from wizard.model.errors import TreeError
from wizard.model.loader import (
    MAX_BYTES,
    MAX_CONTROL_REPORTS,
    MarkedDict,
    check_text,
    load_tree,
    not_regular,
    parse_yaml,
    read_text,
)


def parse(text: str) -> tuple[object, list[str]]:
    data, diagnostics = parse_yaml(text, "t.yaml")
    return data, [str(d) for d in diagnostics]


def test_only_true_and_false_are_booleans() -> None:
    data, problems = parse("a: true\nb: false\nc: yes\nd: no\ne: on\nf: off\ng: True\n")
    assert problems == []
    assert data == {
        "a": True,
        "b": False,
        "c": "yes",
        "d": "no",
        "e": "on",
        "f": "off",
        "g": "True",
    }


def test_dates_stay_text_and_quoted_numbers_stay_text() -> None:
    data, _ = parse('a: 2026-11-21\nb: "3"\nc: 3\nd: 1.5\ne: ~\n')
    assert data == {"a": "2026-11-21", "b": "3", "c": 3, "d": "1.5", "e": None}


def test_every_value_has_a_mark() -> None:
    data, _ = parse("top:\n  inner: [x, y]\n")
    assert isinstance(data, MarkedDict)
    assert data.key_marks["top"].line == 0
    inner = data["top"]
    assert (inner.value_marks["inner"].line, inner.value_marks["inner"].column) == (1, 9)
    assert [m.column for m in inner["inner"].marks] == [10, 13]


def test_duplicate_keys_are_refused_at_the_second_copy() -> None:
    _, problems = parse("a: 1\nb: 2\na: 3\n")
    assert problems == [
        "t.yaml:3:1: error: duplicate key 'a' (first written at line 1); keep one of them"
    ]


def test_aliases_are_refused_where_they_are_written() -> None:
    _, problems = parse("a: &x [1, 2]\nb: *x\n")
    assert len(problems) == 1
    assert problems[0].startswith("t.yaml:2:4: error: aliases")


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    _, problems = parse("\n".join(lines) + "\n")
    assert problems and all("aliases" in p for p in problems)


@pytest.mark.parametrize(
    "text",
    [
        'a: !!python/object/apply:os.system ["echo hacked"]\n',
        "a: !!python/name:os.system\n",
        "a: !custom x\n",
        "a: !!binary aGVsbG8=\n",
        "a: !!set {x, y}\n",
    ],
)
def test_tags_are_refused(text: str) -> None:
    _, problems = parse(text)
    assert any("tags such as" in p for p in problems), problems


def test_deep_nesting_is_refused_without_crashing() -> None:
    depth = 100_000
    _, problems = parse("a: " + "[" * depth + "]" * depth + "\n")
    assert len(problems) == 1 and "nesting deeper than 64" in problems[0]


def test_block_nesting_over_the_cap_is_refused() -> None:
    text = "".join("  " * i + f"k{i}:\n" for i in range(70)) + "  " * 70 + "v\n"
    _, problems = parse(text)
    assert any("nesting deeper than 64" in p for p in problems)


def test_syntax_errors_point_at_the_line() -> None:
    _, problems = parse("a: [1, 2\nb: 3\n")
    assert len(problems) == 1
    assert problems[0].startswith("t.yaml:2:") and "YAML syntax" in problems[0]


def test_bom_is_fine_and_other_encodings_are_named(tmp_path: Path) -> None:
    good = tmp_path / "bom.yaml"
    good.write_bytes(b"\xef\xbb\xbfa: caf\xc3\xa9\n")
    assert read_text(good) == "a: café\n"
    bad = tmp_path / "latin.yaml"
    bad.write_bytes(b"a: 1\nb: caf\xe9\n")
    with pytest.raises(TreeError) as caught:
        read_text(bad)
    assert str(caught.value.diagnostics[0]).startswith(f"{bad}:2:7: error: the file is not UTF-8")


@pytest.mark.parametrize(
    ("name", "make", "expected"),
    [
        ("missing.yaml", None, "no such file"),
        ("folder", "dir", "this is a folder"),
        ("binary.yaml", b"\x7fELF\x00\x00\x01", "binary file"),
    ],
)
def test_unreadable_inputs_get_one_sentence(
    tmp_path: Path, name: str, make: object, expected: str
) -> None:
    path = tmp_path / name
    if make == "dir":
        path.mkdir()
    elif isinstance(make, bytes):
        path.write_bytes(make)
    with pytest.raises(TreeError) as caught:
        load_tree(path)
    assert expected in str(caught.value)
    assert str(caught.value).startswith(str(path))


def test_files_over_the_cap_are_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES * 10)  # a sparse 50 MB file
    with pytest.raises(TreeError) as caught:
        load_tree(path)
    assert "capped at 5 MB" in str(caught.value)


def test_a_tree_that_is_not_a_mapping_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- 1\n- 2\n")
    with pytest.raises(TreeError) as caught:
        load_tree(path)
    assert "must be a mapping" in str(caught.value)


# -- control characters: tree text is data ------------------------------------------------------
def _control_problems(text: str) -> list[str]:
    return [line for line in diagnose(text) if "control character" in line]


def test_control_characters_are_refused_at_their_own_line_and_column(example_text: str) -> None:
    """Raw and escaped, in labels, names, titles, keys: every one at once, where it is written."""
    text = (
        example_text.replace("label: Smoke from the lamp", "label: Smoke\x1bP from\x07 lamp")
        .replace("name: Water less", 'name: "Water \\e[2J less"')
        .replace("title: Houseplant care", "title: House\u202eplant care")
        .replace("label: A cactus", 'label: "A \\x9b cactus \\u2066"')
        .replace("    prompt: Welcome", "    prompt: Wel\x85come")
    )
    lines = text.split("\n")

    def where(needle: str, char: str) -> str:
        number = next(i for i, line in enumerate(lines, 1) if needle in line)
        return f"t.yaml:{number}:{lines[number - 1].index(char) + 1}: error: control character "

    found = _control_problems(text)
    expected = [
        where("Smoke", "\x1b") + "ESC (U+001B)",
        where("Smoke", "\x07") + "BEL (U+0007)",
        where("Water \\e", "\\e") + "ESC (U+001B)",
        where("House", "\u202e") + "RIGHT-TO-LEFT OVERRIDE (U+202E)",
        where("A \\x9b", "\\x9b") + "CSI (U+009B)",
        where("A \\x9b", "\\u2066") + "LEFT-TO-RIGHT ISOLATE (U+2066)",
        where("Wel", "\x85") + "NEL (U+0085)",
    ]
    for start in expected:
        assert any(line.startswith(start) for line in found), (start, found)
    assert len(found) == len(expected)


def test_control_characters_in_keys_and_ids_are_refused_too() -> None:
    found = _control_problems('format: 1\n"id\\u0007x": 1\nnodes: {"a\\x1bb": {kind: outcome}}\n')
    assert [line.split(": error")[0] for line in found] == ["t.yaml:2:4", "t.yaml:3:11"]


def test_tabs_newlines_and_windows_line_ends_are_plain_text(example_text: str) -> None:
    crlf = example_text.replace("\n", "\r\n").replace(
        "name: Water less", 'name: "Water\\tless\\nnow"'
    )
    assert _control_problems(crlf) == []
    assert check_text(crlf, "t.yaml")[0] is not None


def test_a_file_of_control_characters_is_reported_briefly() -> None:
    found = diagnose("a: " + "\x1b" * 100_000 + "\n")
    assert len(found) <= MAX_CONTROL_REPORTS + 1
    assert any("control characters; is this a tree file?" in line for line in found)


# -- only regular files, never past the cap -----------------------------------------------------
def test_a_fifo_is_named_not_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert not_regular(fifo) == "a named pipe (FIFO)"
    assert not_regular(Path("/dev/null")) == "a device"
    assert not_regular(tmp_path) == "a folder"
    assert not_regular(EXAMPLE) is None


def test_a_device_posing_as_a_file_is_read_only_to_the_cap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Even if the kind checks were fooled, /dev/zero is read to one byte past the cap, not on."""
    monkeypatch.setattr(loader, "MAX_BYTES", 1000)
    monkeypatch.setattr(loader, "_kind_of", lambda mode: None)
    with pytest.raises(TreeError) as caught:
        read_text(Path("/dev/zero"))
    assert "trees are capped" in str(caught.value)


def test_a_five_thousand_digit_number_is_text_not_a_crash() -> None:
    """int() refuses 4,300+ digits; such a "number" stays text and is quoted back briefly."""
    digits = "9" * 5000
    data, problems = parse(f"a: {digits}\nb: 12\n")
    assert problems == [] and data == {"a": digits, "b": 12}
    said = diagnose(f"format: 1\nnodes:\n  a: {{kind: multi, min: {digits}}}\n")
    assert any(
        "'min' of node 'a' must be a whole number, not '999" in line
        and "...' (5000 characters)" in line
        and len(line) < 200
        for line in said
    ), said
