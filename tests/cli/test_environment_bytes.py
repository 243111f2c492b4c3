"""Secrets in the environment that are not UTF-8: refused at start, in one sentence, unechoed.

A shell can export any bytes. Python decodes them with surrogates, so "\\xff" arrives as a str
that cannot be encoded again: the first PIN try used to crash the kiosk to a shell and print the
PIN in a traceback. Run as real processes, because only a real environment holds raw bytes.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLE, ROOT

SAFETY_NET = 60  # seconds; only so that a regression fails instead of hanging the suite
SECRET_BYTES = b"12\xff\xfe34"


def _wizard(name: bytes, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environb, name: SECRET_BYTES}
    return subprocess.run(
        [sys.executable, "-m", "wizard", *args], capture_output=True, cwd=ROOT, env=env,
        stdin=subprocess.DEVNULL, timeout=SAFETY_NET,
    )


@pytest.mark.parametrize(
    ("name", "args"),
    [
        (b"WIZARD_ADMIN_PIN", ["run", str(EXAMPLE), "--kiosk"]),
        (b"WIZARD_ADMIN_PIN", ["serve", str(EXAMPLE), "--kiosk", "--terminal", "--port", "1"]),
        (b"WIZARD_SECRET", ["serve", str(EXAMPLE), "--port", "1"]),
    ],
)
def test_a_secret_that_is_not_utf8_is_one_sentence_and_exit_2(
    name: bytes, args: list[str]
) -> None:
    done = _wizard(name, *args)
    assert done.returncode == 2, done.stderr
    said = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in said and len(said.strip().splitlines()) == 1, said
    assert said.startswith(f"wizard: {name.decode()}") and "UTF-8" in said, said
    assert b"12" not in done.stderr and b"34" not in done.stderr  # the secret is never echoed
