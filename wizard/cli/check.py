"""`wizard check PATH...`: every problem in tree files or folders of them, one line each."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from wizard.cli.output import UsageError, say
from wizard.exits import Exit
from wizard.model.errors import Diagnostic


def tree_files(paths: Sequence[str]) -> tuple[list[Path], list[Diagnostic]]:
    """The files to check, and a warning for each thing in a folder that is not a regular file.

    A FIFO or device named on the command line is refused (exit 2); one found in a folder is
    skipped with a warning, since reading it could wait forever or never end.
    """
    from wizard.model.loader import not_regular

    files: list[Path] = []
    skipped: list[Diagnostic] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted([*path.rglob("*.yaml"), *path.rglob("*.yml")])
            if not found:
                raise UsageError(f"{name}: no .yaml tree files in this folder")
            for file in found:
                kind = not_regular(file)
                if kind is None:
                    files.append(file)
                else:
                    message = f"this is {kind}, not a tree file; skipped"
                    skipped.append(Diagnostic(str(file), 1, 1, "warning", message))
        elif path.exists():
            kind = not_regular(path)
            if kind is not None:
                raise UsageError(f"{name}: this is {kind}, not a tree file")
            files.append(path)
        else:
            raise UsageError(f"{name}: no such file or folder")
    return files, skipped


def cmd_check(args: argparse.Namespace) -> int:
    from wizard.model.loader import check_file
    from wizard.model.translation import check_overlay_file, check_overlays_of, is_overlay
    from wizard.render.urgency import urgency_words

    files, diagnostics = tree_files(args.paths)
    overlays = [path for path in files if is_overlay(path)]
    files = [path for path in files if path not in overlays]
    for overlay in overlays:  # an overlay named alone is checked against its tree
        base = overlay.with_name(Path(overlay.stem).stem + overlay.suffix)
        if base not in files:
            tree, _ = check_file(base)
            if tree is None:
                diagnostics.append(Diagnostic(str(overlay), 1, 1, "error",
                                              f"its tree {base} has errors; check it first"))
            else:
                diagnostics.extend(check_overlay_file(overlay, tree, urgency_words))
    graded: list[tuple[float, int]] = []  # (mean grade, texts) per tree
    for path in files:
        tree, found = check_file(path)
        diagnostics.extend(found)
        if tree is not None:
            diagnostics.extend(check_overlays_of(tree, urgency_words))  # translations beside it
        if tree is not None:  # reading level once the tree has no errors
            from wizard.model.reading import check_reading  # loads Pyphen: only here

            report = check_reading(tree)
            diagnostics.extend(report.diagnostics)
            if report.mean is not None:
                graded.append((report.mean, report.texts))
    for diagnostic in sorted(diagnostics):
        say(str(diagnostic))
    errors = sum(d.is_error for d in diagnostics)
    notes = sum(d.severity == "note" for d in diagnostics)  # never a failure, even --strict
    warnings = len(diagnostics) - errors - notes
    failed = errors or (args.strict and warnings)
    verdict = "problems found" if failed else "ok"
    texts = sum(count for _, count in graded)
    grade = (
        f", mean reading grade {sum(m * n for m, n in graded) / texts:.1f}" if texts else ""
    )
    print(
        f"{len(files) + len(overlays)} file(s) checked: {errors} error(s), "
        f"{warnings} warning(s){f', {notes} note(s)' if notes else ''}{grade}: "
        f"{verdict}",
        file=sys.stderr,
    )
    return Exit.PROBLEMS if failed else Exit.OK
