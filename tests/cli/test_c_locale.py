"""Under the C locale with UTF-8 mode off, every command runs or says one sentence.

`LC_ALL=C PYTHONUTF8=0` gives standard output ASCII with "surrogateescape", which used to end
`ask`, `graph`, `export`, `diff`, `translate`, `walk -f html` and `walk --lang es` in a traceback
at the first accent or dash. JSON, YAML and HTML must still say exactly the same (written as
their own escapes); plain text shows '?'. Real processes, because only they have a real locale.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

SAFETY_NET = 60  # seconds; only so that a regression fails instead of hanging the suite
ROUTE = [
    "-a", "red_flags=none", "-a", "body_system=nervous", "-a", "syndrome=cerebellar",
    "-a", "symptoms=none", "-a", "antibody=inside", "-a", "cancer_status=treating",
    "-a", "treatments_taken=none",
]
_LOCALE = ("LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "PYTHONIOENCODING",
           "PYTHONUTF8")


def _run(args: list[str], *, c_locale: bool, stdin: str = "") -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in _LOCALE}
    env.update({"LC_ALL": "C", "PYTHONUTF8": "0"} if c_locale else {"PYTHONUTF8": "1"})
    return subprocess.run(
        [sys.executable, "-m", "wizard", *args], capture_output=True, cwd=ROOT, env=env,
        input=stdin.encode(), timeout=SAFETY_NET,
    )


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled tree with a changed accented, dashed text, so `diff` has words to print."""
    path = tmp_path_factory.mktemp("c") / "paraneoplastic.yaml"
    text = (ROOT / "trees" / "paraneoplastic.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("Nervous system and muscles", "Nerves — and muscles…"),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["ask", "paraneoplastic"], 3),
        (["ask", "paraneoplastic", "--lang", "es"], 3),
        (["graph", "paraneoplastic"], 0),
        (["graph", "paraneoplastic", "-f", "dot"], 0),
        (["walk", "paraneoplastic", *ROUTE, "-f", "html"], 0),
        (["walk", "paraneoplastic", *ROUTE, "--lang", "es"], 0),
        (["walk", "paraneoplastic", *ROUTE, "--lang", "es", "-f", "markdown"], 0),
        (["walk", "paraneoplastic", "--lang", "es"], 3),
        (["check", "trees"], 0),
        (["paths", "paraneoplastic", "--limit", "5"], 0),
        (["trees"], 0),
    ],
)
def test_every_command_runs_under_the_c_locale(args: list[str], code: int) -> None:
    done = _run(args, c_locale=True, stdin="1\n1\n")
    said = done.stderr.decode("ascii", "replace")
    assert "Traceback" not in said, said
    assert done.returncode == code, said
    assert done.stdout.isascii()


def test_diff_runs_under_the_c_locale(edited: Path) -> None:
    done = _run(["diff", "paraneoplastic", str(edited)], c_locale=True)
    assert b"Traceback" not in done.stderr and done.returncode in (0, 1), done.stderr
    assert b"Nerves ? and muscles?" in done.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["export", "paraneoplastic"],
        ["walk", "paraneoplastic", *ROUTE, "-f", "json", "--lang", "es"],
        ["walk", "paraneoplastic", *ROUTE, "-f", "fhir", "--lang", "es"],
    ],
)
def test_json_says_the_same_under_the_c_locale(args: list[str]) -> None:
    ascii_done, utf8_done = _run(args, c_locale=True), _run(args, c_locale=False)
    assert ascii_done.returncode == utf8_done.returncode == 0, ascii_done.stderr
    assert ascii_done.stdout.isascii() and not utf8_done.stdout.isascii()
    said, meant = json.loads(ascii_done.stdout), json.loads(utf8_done.stdout.decode("utf-8"))
    said.pop("authored", None), meant.pop("authored", None)  # FHIR: when each was written
    assert said == meant


def test_a_translation_skeleton_says_the_same_under_the_c_locale() -> None:
    args = ["translate", "paraneoplastic", "--lang", "es"]  # filled from the bundled overlay
    ascii_done, utf8_done = _run(args, c_locale=True), _run(args, c_locale=False)
    assert ascii_done.returncode == utf8_done.returncode == 0, ascii_done.stderr
    assert ascii_done.stdout.isascii() and not utf8_done.stdout.isascii()
    assert yaml.safe_load(ascii_done.stdout) == yaml.safe_load(utf8_done.stdout.decode("utf-8"))
