"""`wizard run` passes the mode options to the app factory, and refuses bad ones in words."""

from __future__ import annotations

from typing import Any

import pytest

import wizard.tui.launch
from wizard.cli.main import main
from wizard.tui.config import AppConfig


class FakeApp:
    def run(self) -> None:
        """Drawn by the real tests; here only the options matter."""


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What `create_app` was called with (the app itself is never run)."""
    calls: dict[str, Any] = {}

    def fake_create_app(tree: object, config: AppConfig) -> FakeApp:
        calls.update(vars(config), config=config)
        return FakeApp()

    monkeypatch.setattr(wizard.tui.launch, "create_app", fake_create_app)
    monkeypatch.delenv("WIZARD_KIOSK", raising=False)
    monkeypatch.delenv("WIZARD_ADMIN_PIN", raising=False)
    return calls


def test_defaults(made: dict[str, Any], example_path: object) -> None:
    assert main(["run", str(example_path)]) == 0
    assert made["config"] == AppConfig.for_mode()  # the plain app, in the default theme
    assert made["theme"] == "default" and made["idle_timeout"] == 90.0
    assert not made["kiosk"] and not made["shows_tree"]
    assert made["can_quit"] and made["can_save"] and made["can_open_links"]
    assert made["print_command"] is None and made["admin_pin"] is None
    assert made["save_fhir"] is False
    assert made["watch"] is False


def test_watch_reaches_the_factory(made: dict[str, Any], example_path: object) -> None:
    assert main(["run", "--watch", str(example_path)]) == 0
    assert made["watch"] is True


def test_every_mode_option(
    made: dict[str, Any], example_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WIZARD_ADMIN_PIN", "4711")
    words = ["--kiosk", "--educator", "--idle-timeout", "12.5", "--print-command", "lp -d desk"]
    words.append("--save-fhir")
    assert main([str(example_path), *words]) == 0
    assert made["kiosk"] and made["shows_tree"] and made["can_what_if"]
    assert not (made["can_quit"] or made["can_save"] or made["can_copy"])
    assert made["idle_timeout"] == 12.5
    assert made["print_command"] == "lp -d desk"
    assert made["admin_pin"] == "4711"
    assert made["save_fhir"] is True


@pytest.mark.parametrize(
    ("value", "kiosk"), [("1", True), ("yes", True), ("0", False), ("", False)]
)
def test_kiosk_from_the_environment(
    made: dict[str, Any],
    example_path: object,
    monkeypatch: pytest.MonkeyPatch,
    value: str,
    kiosk: bool,
) -> None:
    monkeypatch.setenv("WIZARD_KIOSK", value)
    assert main(["run", str(example_path)]) == 0
    assert made["kiosk"] is kiosk


@pytest.mark.parametrize(
    ("words", "said"),
    [
        (["--idle-timeout", "0"], "--idle-timeout must be"),
        (["--idle-timeout", "0.5"], "--idle-timeout must be a number of seconds at least 1"),
        (["--idle-timeout", "0.999"], "--idle-timeout must be a number of seconds at least 1"),
        (["--idle-timeout", "nan"], "--idle-timeout must be"),
        (["--print-command", "lp 'front desk"], "--print-command cannot be read"),
        (["--print-command", ""], "--print-command is empty"),
    ],
)
def test_bad_options_are_refused_in_words(
    made: dict[str, Any],
    example_path: object,
    capsys: pytest.CaptureFixture[str],
    words: list[str],
    said: str,
) -> None:
    assert main(["run", str(example_path), *words]) == 2
    assert said in capsys.readouterr().err
    assert made == {}


@pytest.mark.parametrize("pin", ["1" * 65, "12\x1b[0m34"])
def test_a_pin_the_box_cannot_take_is_refused_at_start(
    made: dict[str, Any],
    example_path: object,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    pin: str,
) -> None:
    monkeypatch.setenv("WIZARD_ADMIN_PIN", pin)
    assert main(["run", str(example_path), "--kiosk"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("wizard: WIZARD_ADMIN_PIN") and err.count("\n") == 1, err
    assert pin not in err  # never printed
    assert made == {}


def test_the_longest_pin_the_box_holds_is_taken(
    made: dict[str, Any], example_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wizard.tui.pin import MAX_LENGTH

    monkeypatch.setenv("WIZARD_ADMIN_PIN", "7" * MAX_LENGTH)
    assert main(["run", str(example_path), "--kiosk"]) == 0
    assert made["admin_pin"] == "7" * MAX_LENGTH


def test_public_url_gives_a_kiosk_take_home_codes_sealed_with_the_shared_secret(
    made: dict[str, Any], example_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wizard.model.loader import load_tree
    from wizard.model.machine import walk
    from wizard.model.sealed import tree_version
    from wizard.model.takehome import TakeHome

    monkeypatch.setenv("WIZARD_SECRET", "the clinic's shared secret")
    url = "https://clinic.example/guide/"
    assert main(["run", "--kiosk", "--public-url", url, str(example_path)]) == 0
    assert made["public_url"] == "https://clinic.example/guide"
    codes = made["take_home"]
    assert isinstance(codes, TakeHome)
    tree = load_tree(str(example_path))
    session = walk(tree, {"danger": ["none"], "kind": ["fern"], "symptoms": ["yellow"],
                          "humidity": ["dry"]})
    code, address = codes.link(session, made["public_url"])
    assert address.startswith("https://clinic.example/guide/h/")
    served = TakeHome(b"the clinic's shared secret", tree, tree_version(tree), clock=codes.clock)
    assert served.session(code).history == session.history  # what that wizard serve opens


def test_without_public_url_a_kiosk_has_no_take_home(
    made: dict[str, Any], example_path: object
) -> None:
    assert main(["run", "--kiosk", str(example_path)]) == 0
    assert made["take_home"] is None and made["public_url"] == ""


@pytest.mark.parametrize(
    ("words", "secret", "said"),
    [
        (["--public-url", "https://clinic.example"], "s", "is for a kiosk"),
        (["--kiosk", "--public-url", "https://clinic.example"], None, "needs WIZARD_SECRET"),
        (["--kiosk", "--public-url", "clinic.example"], "s", "must look like"),
    ],
)
def test_public_url_that_could_not_open_a_code_is_refused(
    made: dict[str, Any], example_path: object, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], words: list[str], secret: str | None, said: str,
) -> None:
    if secret is None:
        monkeypatch.delenv("WIZARD_SECRET", raising=False)
    else:
        monkeypatch.setenv("WIZARD_SECRET", secret)
    assert main(["run", *words, str(example_path)]) == 2
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not made
