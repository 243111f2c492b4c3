"""Which language a command speaks, and the tree in it.

`--lang`, else the environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as gettext reads them), else
the tree's own `language`. The interface words follow it (wizard/render/words.py) and the tree is
shown through its overlay in that language when there is one (wizard/model/translation.py). It
must be chosen before Textual's screens are imported: their key bindings are worded then.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

from wizard.cli.open import open_tree
from wizard.cli.output import UsageError, say_error
from wizard.model.errors import TreeError
from wizard.model.translation import LANGUAGE, candidates, translate_tree
from wizard.model.tree import Tree
from wizard.render.urgency import urgency_words
from wizard.render.words import use_language

_ENV = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
_LOCALE = re.compile(r"([A-Za-z]{2,3})(?:[_-]([A-Za-z0-9]{2,8}))?")


def from_environment(environ: Mapping[str, str]) -> str | None:
    """`es_ES.UTF-8` -> `es-ES`; the C and POSIX locales say nothing about a language."""
    for name in _ENV:
        for value in environ.get(name, "").split(":"):
            match = _LOCALE.fullmatch(value.split(".")[0].split("@")[0])
            if match and match.group(1).upper() not in ("C", "POSIX"):
                region = match.group(2)
                return match.group(1).lower() + (f"-{region}" if region else "")
    return None


def choose_language(flag: str | None, tree: Tree, environ: Mapping[str, str] | None = None) -> str:
    if flag is not None:
        if not LANGUAGE.match(flag.replace("_", "-").lower()):
            raise UsageError(f"--lang must be a language tag such as es or pt-BR, not '{flag}'")
        return flag.replace("_", "-")
    return from_environment(os.environ if environ is None else environ) or tree.language


def open_in_language(name: str | None, flag: str | None) -> Tree:
    """The tree named on the command line, in the chosen language, with the interface words
    switched to it. A language with no overlay shows the tree as written (said on stderr when
    `--lang` asked for it)."""
    tree = open_tree(name)
    language = choose_language(flag, tree)
    try:
        shown, overlay = translate_tree(tree, language, urgency_words)
    except TreeError as error:
        raise UsageError(f"the translation cannot be used: {error} (run: wizard check "
                         f"{tree.path})") from None
    if overlay is None and flag is not None and candidates(language)[-1] != tree.language:
        say_error(f"note: this tree has no '{language}' translation; its text stays as written")
    use_language(language)
    return shown


def refuse_draft(tree: Tree) -> None:
    """A kiosk shows content to strangers: not a translation no clinician has reviewed."""
    if tree.translation == "draft":
        raise UsageError(
            f"the kiosk will not start: the '{tree.language}' translation of this tree is a "
            "draft that no clinician has reviewed (staff who have checked it can pass "
            "--allow-draft-translation)"
        )
