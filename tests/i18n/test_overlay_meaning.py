"""A translation cannot change what the guide means: numbers, addresses and a red flag's
urgency stay, and what `check` calls an error makes walk, run and serve refuse the translation.

Before: an overlay that changed 911 to another number or called an alert not urgent passed
`check --strict` with no warning, and the kiosk took it once marked reviewed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.i18n.test_overlay import _check, _fill, _overlay, _set, tree_dir  # noqa: F401
from wizard.cli.main import main
from wizard.model.translation import added_numbers, broken_shapes, lost_urgency, tree_texts
from wizard.render.urgency import urgency_words


def test_numbers_and_addresses_are_compared() -> None:
    english = "Call 911 now, or 1-800-555-0100, or write to help@example.org or www.example.org"
    kept = "Llame al 911 ahora, o al 1 800 555 0100, o a help@example.org o www.example.org"
    assert broken_shapes(english, kept) == []
    assert broken_shapes("Take 0.5 mg", "Tome 0,5 mg") == []  # a decimal comma is the same number
    swapped = broken_shapes("Call 911 now", "Llame al 991 ahora")
    assert swapped == ["numbers differ from the English (lost 911)"]
    assert broken_shapes("Call 911 or 112", "Llame al 911") != []
    # an added number keeps every English one: the review sheet shows it to the clinician
    assert broken_shapes("Call us", "Llame al 555 0100") == []
    assert added_numbers("Call us on 911", "Llame al 911 o al 555 0100") == ["555", "0100"]
    assert broken_shapes("Write to a@b.org", "Escriba a c@d.org")
    assert broken_shapes("See www.a.org", "Vea www.b.org")


@pytest.mark.parametrize(
    ("english", "text", "problem"),
    [
        ("Call a vet now.", "Llame a un veterinario ahora.", None),
        ("Call a vet now.", "Llame a un veterinario cuando pueda.", "has none of"),
        ("Call a vet now.", "Ahora no es urgente: llame cuando pueda.", "says this is not urgent"),
        ("A pet may be poisoned", "Puede esperar", "says this is not urgent"),
        ("A pet may be poisoned", "Una mascota puede estar envenenada", None),
    ],
)
def test_a_red_flag_keeps_its_urgency(english: str, text: str, problem: str | None) -> None:
    found = lost_urgency(english, text, "es", urgency_words)
    assert (problem is None and found == []) or (problem is not None and problem in found[0])


def _bad_overlay(folder: Path, capsys: pytest.CaptureFixture[str], change: str) -> Path:
    path = _overlay(folder, capsys)
    _fill(path)
    if change == "number":
        _set(path, "resources.shop.contact", "text", '"Línea de plantas (UK): 0100 000 999"')
    elif change == "urgency":
        _set(path, "red_flags.pets.advice", "text", '"No es urgente: llame a un veterinario."')
    else:
        _set(path, "nodes.kind.prompt", "text", '"¿Qué planta? Vea https://otra.example"')
    return path


CHANGES = ["number", "urgency", "address"]


@pytest.mark.parametrize("change", CHANGES)
def test_check_calls_a_changed_meaning_an_error(
    tree_dir: Path, capsys: pytest.CaptureFixture[str], change: str  # noqa: F811
) -> None:
    _bad_overlay(tree_dir, capsys, change)
    code, out = _check(tree_dir, capsys)
    assert code == 1 and ": error: " in out, out


@pytest.mark.parametrize("change", CHANGES)
@pytest.mark.parametrize("command", [["walk", "-a", "danger=none"], ["run"], ["serve"], ["ask"]])
def test_walk_run_and_serve_refuse_the_translation(
    tree_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,  # noqa: F811
    change: str, command: list[str],
) -> None:
    _bad_overlay(tree_dir, capsys, change)
    started: list[Any] = []
    for name in ("wizard.tui.launch.create_app", "wizard.web.serve.serve_pages_mode",
                 "wizard.ask.session.run_ask"):
        monkeypatch.setattr(name, lambda *a, **k: started.append(a), raising=False)
    tree = str(tree_dir / "example.yaml")
    assert main([command[0], tree, *command[1:], "--lang", "es"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("wizard: the translation cannot be used") and started == [], err
    assert "Traceback" not in err


# -- the review sheet and who signed it -----------------------------------------------------------
def _sheet(folder: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["translate", str(folder / "example.yaml"), "--lang", "es", "--review"]) == 0
    return capsys.readouterr().out


def test_the_review_sheet_sets_every_text_beside_its_english_red_flags_first(
    tree_dir: Path, capsys: pytest.CaptureFixture[str], example_tree: Any  # noqa: F811
) -> None:
    path = _overlay(tree_dir, capsys)
    _fill(path)
    _set(path, "resources.shop.about", "text", '"ES Una tienda. Llame al 555 0100."')
    sheet = _sheet(tree_dir, capsys)
    rows = [line for line in sheet.splitlines() if line.startswith("| ") and "---" not in line]
    keys = [row.split(" | ")[1] for row in rows[1:]]
    texts = tree_texts(example_tree)
    assert sorted(keys) == sorted(texts)  # every text, once
    flags = [k for k in keys if k.startswith("red_flags.")]
    assert keys[: len(flags)] == flags and flags  # red flags first
    row = next(r for r in rows if "| pets" not in r and "red_flags.pets.advice" in r)
    assert texts["red_flags.pets.advice"] in row and "ES Call a vet ahora" in row
    assert "numbers only in the translation: 555, 0100" in sheet
    assert "Signature" in sheet and "sheet: " in sheet


def _review_as(path: Path, review: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace("review: {status: draft}", review),
                    encoding="utf-8")


def test_a_reviewed_overlay_records_who_signed_which_sheet_and_when(
    tree_dir: Path, capsys: pytest.CaptureFixture[str]  # noqa: F811
) -> None:
    path = _overlay(tree_dir, capsys)
    _fill(path)
    sheet = _sheet(tree_dir, capsys)
    fingerprint = sheet.split(", sheet: ")[1].split("}")[0]
    partial = 'review: {status: reviewed, reviewed_by: "Dr A. Ruiz", date: "2026-12-01"}'
    _review_as(path, partial)
    code, out = _check(tree_dir, capsys)
    assert code == 1 and "role" in out and "review sheet" in out
    path.write_text(path.read_text(encoding="utf-8").replace(partial, (
        'review: {status: reviewed, reviewed_by: "Dr A. Ruiz", role: "oncology nurse '
        f'specialist", date: "2026-12-01", sheet: "{fingerprint}"}}')), encoding="utf-8")
    code, out = _check(tree_dir, capsys)
    assert (code, out) == (0, "")
    assert main(["walk", str(tree_dir / "example.yaml"), "-a", "danger=none", "--lang", "es"]) \
        in (0, 3)
    capsys.readouterr()
    # a text changed after signing: no longer the reviewed words, so refused everywhere
    _set(path, "nodes.kind.prompt", "text", '"ES ¿Qué planta, otra vez?"')
    code, out = _check(tree_dir, capsys)
    assert code == 1 and "not the ones reviewed" in out
    assert main(["walk", str(tree_dir / "example.yaml"), "-a", "danger=none", "--lang", "es"]) == 2
    assert "not the ones reviewed" in capsys.readouterr().err
