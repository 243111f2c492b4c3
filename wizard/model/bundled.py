"""Where the bundled trees live, installed or in a checkout, and how a TREE argument is found."""

from __future__ import annotations

from pathlib import Path

DEFAULT_TREE = "paraneoplastic"
_PACKAGE = Path(__file__).resolve().parent.parent  # the `wizard` package


def bundled_dir() -> Path:
    """`wizard/trees` inside an installed wheel; `trees/` beside the package in a checkout."""
    for candidate in (_PACKAGE / "trees", _PACKAGE.parent / "trees"):
        if candidate.is_dir():
            return candidate
    return _PACKAGE / "trees"


def bundled_trees() -> list[Path]:
    """The bundled tree files (not their translation overlays, `ID.LANG.yaml`)."""
    from wizard.model.translation import is_overlay

    folder = bundled_dir()
    found = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    return [path for path in found if not is_overlay(path)]


def resolve_tree(name: str | None) -> Path:
    """A TREE argument -> a file: an existing path, else a bundled tree's id (file stem)."""
    if name is None:
        name = DEFAULT_TREE
    path = Path(name)
    if path.exists() or path.suffix in (".yaml", ".yml") or "/" in name:
        return path
    return bundled_dir() / f"{name}.yaml"
