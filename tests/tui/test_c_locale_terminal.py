"""`wizard run` under the C locale with UTF-8 mode off, in a real terminal (a pseudo-terminal).

`LC_ALL=C PYTHONUTF8=0` gives Python's streams ASCII. The app started, but drew every border
line and every accent as a backslash escape (`\\u2502`: six columns for one), so each line of
the screen wrapped wrong. Python itself takes UTF-8 for the C locale unless told otherwise (a
terminal decodes UTF-8 whatever the locale says), and so does the app's screen now. Only a
real process on a real terminal has a locale, so Pilot cannot show this.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.terminal import Terminal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX terminal")

CORNER = "╰".encode()  # the bottom-left corner of a rounded border


def c_locale(home: Path) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(ROOT),
        "HOME": str(home),
        "TERM": "xterm-256color",
        "LC_ALL": "C",
        "PYTHONUTF8": "0",
        "WIZARD_TODAY": os.environ["WIZARD_TODAY"],
    }


@pytest.mark.parametrize(("lang", "start", "accented", "back"), [
    ("en", b"Start", "·".encode(), b"Back"),  # "Content version ... · last reviewed ..."
    ("es", b"Empezar", "Versión".encode(), "Atrás".encode()),  # "Versión del contenido ..."
])
def test_the_app_draws_in_a_c_locale_terminal(
        tmp_path: Path, lang: str, start: bytes, accented: bytes, back: bytes) -> None:
    argv = [sys.executable, "-m", "wizard", "run", "paraneoplastic", "--lang", lang]
    with Terminal(argv, c_locale(tmp_path), tmp_path) as term:
        term.wait_for(start)
        term.wait_for(CORNER)  # drawn as the terminal shows it, not as "\u2570"
        term.wait_for(accented)
        term.send(b"\r")  # into the walk: the next screen draws as well
        term.wait_for(back)
        assert term.exit_code() is None, term.screen[-2000:]
        screen = term.screen
    assert b"Traceback" not in screen
    assert b"\\u25" not in screen and b"\\xb7" not in screen, "an escape was drawn for a line"


def test_the_quiz_draws_in_a_c_locale_terminal(tmp_path: Path) -> None:
    argv = [sys.executable, "-m", "wizard", "quiz", "paraneoplastic", "--seed", "1"]
    with Terminal(argv, c_locale(tmp_path), tmp_path) as term:
        term.wait_for(b"Next")
        term.wait_for("▔".encode())  # the top of a tall border
        assert term.exit_code() is None, term.screen[-2000:]
        screen = term.screen
    assert b"Traceback" not in screen and b"\\u25" not in screen
