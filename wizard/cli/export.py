"""`wizard export [TREE] --format fhir`: the tree for other systems (a FHIR R4 Questionnaire)."""

from __future__ import annotations

import argparse
import sys

from wizard.cli.open import open_tree
from wizard.cli.output import say
from wizard.exits import Exit


def cmd_export(args: argparse.Namespace) -> int:
    """The Questionnaire on standard output; one line on standard error names the nodes whose
    condition it left out (its description lists them with the reason)."""
    from wizard.render.fhir import build_questionnaire

    export = build_questionnaire(open_tree(args.tree))
    say(export.to_json(), end="", form="json")
    if export.dropped:
        names = ", ".join(node for node, _ in export.dropped)
        say(
            f"wizard: note: FHIR enableWhen cannot express the condition of {names}; "
            "see the Questionnaire's description",
            sys.stderr,
        )
    return Exit.OK
