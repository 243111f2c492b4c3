"""The built wheel carries the bundled trees: installed elsewhere, `wizard walk` finds them."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

from tests.conftest import ROOT


def test_wheel_installs_and_finds_bundled_trees(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(dist.glob("*.whl"))
    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=False, system_site_packages=False)
    python = env_dir / "bin" / "python"
    # Install the wheel alone; its dependencies come from the test venv's site-packages via a
    # .pth file, so the test needs no network and still runs the installed copy of wizard.
    site = next((env_dir / "lib").glob("python3*/site-packages"))
    here = next(p for p in sys.path if p.endswith("site-packages"))
    (site / "deps.pth").write_text(here + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--quiet",
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [str(env_dir / "bin" / "wizard"), "walk", "-a", "red_flags=none"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        timeout=60,
    )
    assert "stop before the end" in result.stderr, result.stderr
    listing = subprocess.run(
        [str(env_dir / "bin" / "wizard"), "trees"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        timeout=60,
    )
    assert "paraneoplastic" in listing.stdout
    located = subprocess.run(
        [str(python), "-c", "import wizard.model.bundled as b; print(b.bundled_dir())"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        timeout=60,
    )
    assert str(env_dir) in located.stdout  # the installed copy, not the checkout
