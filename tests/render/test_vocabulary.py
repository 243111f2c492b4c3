"""One vocabulary: the front ends take every sentence they say from wizard/render/words.py.

An AST scan of the Textual app (kiosk and educator included), `ask`, `walk` and the web pages
(wizard/web) finds any string that reads like words for a person (a capital letter, a sentence's punctuation, or words that are
not style or class names) outside the places where strings are not for people: docstrings, ids,
CSS, keys, actions, type names and log lines. Issue 13 (translations) builds on this: whatever
this test lets through is what a translation could not reach.

The web pages' templates are scanned too: the text between tags and in attributes a person
reads (with every `{{ … }}` and `{% … %}` taken out, so a sentence with a blank in it is still
found), and the string literals inside the template's own expressions.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import ROOT
from wizard.model.machine import Progress
from wizard.render.words import WORDS, pick_rule, pieces, progress_words, t, t_count

WIZARD = ROOT / "wizard"
FRONT_ENDS = [
    *sorted((WIZARD / "tui").rglob("*.py")),
    *sorted((WIZARD / "ask").rglob("*.py")),
    *sorted((WIZARD / "web").rglob("*.py")),
    WIZARD / "cli" / "walk.py",
    WIZARD / "render" / "saving.py",  # what Save tells the person
]

NOT_FOR_PEOPLE_KEYWORDS = {
    "id", "classes", "name", "variant", "group", "action", "key", "key_display", "style",
    "headers",  # HTTP headers: names and values for a browser
}  # fmt: skip
NOT_FOR_PEOPLE_NAMES = {
    "DEFAULT_CSS", "CSS", "CSS_PATH", "HORIZONTAL_BREAKPOINTS", "AUTO_FOCUS", "POLICY", "KIOSK_CSS",
    "BUSY_PAGE",  # the web's skeletons: their words are filled in from the vocabulary
}  # fmt: skip
NOT_FOR_PEOPLE_CALLS = {
    "cast", "TypeVar", "query", "query_one", "add_class", "remove_class", "set_class",
    "has_class", "run_worker", "getLogger", "debug", "info", "warning", "error", "log",
    "from_markup", "encode", "decode", "TypeError", "NotImplementedError", "exception",
    "compile", "Formatter",  # regexes, log formats
    "Tampered", "Stale", "StateError", "Expired", "Ended",  # the web state's log-only reasons
}  # fmt: skip
HEADER_CALLS = {"get", "getall", "getone", "setdefault"}
"""Calls whose first argument is a name (a header's, a form field's), not words."""
RICH_STYLES = {"bold", "dim", "italic", "underline", "reverse", "strike", "blink", "not"}
WORDY = re.compile(r"[A-Za-z]{2,}")
# a colour, an environment variable's name, a markup action, a file's suffix
# a file's name or path, an HTTP header's name or value, a URL's scheme, the program's name
NOT_WORDS = re.compile(
    r"#[0-9A-Fa-f]{3,8}$|[A-Z0-9_]+$|@click=|\.[a-z]+$|[\w.-]*\.[a-z]+$|/[\w./?-]*$"
    r"|attachment; filename=|[A-Z][a-z]+(?:-[A-Z][a-z]+)+$|[a-z]+:(?://)?$|wizard: $"
    r"|<[a-z!/]"  # a piece of HTML; its words are filled in from the vocabulary
    r"|default-src |; [a-z-]+-src "  # a Content-Security-Policy
)
SENTENCE = re.compile(r"[A-Z]|[.?!:…“”]")


def _class_names() -> set[str]:
    names: set[str] = set()
    for sheet in WIZARD.rglob("*.tcss"):
        names.update(re.findall(r"[.#]([a-z][a-z0-9_-]*)", sheet.read_text(encoding="utf-8")))
    return names


CLASS_NAMES = _class_names()


def _for_people(text: str) -> bool:
    """Whether a string reads like words for a person rather than a style, class or key."""
    if not WORDY.search(text) or NOT_WORDS.match(text):
        return False
    if SENTENCE.search(text):
        return True
    tokens = text.split()
    if len(tokens) < 2:
        return False
    return not all(
        token in RICH_STYLES or token in CLASS_NAMES or token.startswith(("$", "-"))
        for token in tokens
    )


def _skipped_ids(tree: ast.AST) -> set[int]:
    """Constants that are not for people by where they stand."""
    skipped: set[int] = set()

    def skip(node: ast.AST | None) -> None:
        if node is not None:
            skipped.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skip(node)  # docstrings, attribute docstrings
        elif isinstance(node, ast.keyword) and node.arg in NOT_FOR_PEOPLE_KEYWORDS:
            skip(node)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id in NOT_FOR_PEOPLE_NAMES for t in targets):
                skip(node)
            if isinstance(node, ast.AnnAssign):
                skip(node.annotation)
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in NOT_FOR_PEOPLE_CALLS:
                skip(node)
            if name in HEADER_CALLS and node.args:
                skip(node.args[0])
            if name == "Binding":  # the keys and the action; the description is for people
                for argument in node.args[:2]:
                    skip(argument)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            skip(node.returns)
            for argument in [*node.args.args, *node.args.kwonlyargs]:
                skip(argument.annotation)
        elif isinstance(node, ast.Subscript):  # type expressions: Literal[...], dict[str, ...]
            skip(node.slice)
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):  # paths: home / "x"
            skip(node.right)
    return skipped


def unworded(path: Path, only: set[str] | None = None, root: Path = ROOT) -> Iterator[str]:
    """`file:line: 'text'` for each string in `path` that should come from the vocabulary.

    `only`: look inside these top-level functions alone.
    """
    tree: ast.AST = ast.parse(path.read_text(encoding="utf-8"))
    if only is not None:
        tree = ast.Module(
            body=[n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name in only],
            type_ignores=[],
        )
    skipped = _skipped_ids(tree)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in skipped
            and _for_people(node.value)
        ):
            yield f"{path.relative_to(root)}:{node.lineno}: {node.value!r}"


def test_the_front_ends_say_nothing_outside_the_vocabulary() -> None:
    found = [where for path in FRONT_ENDS for where in unworded(path)]
    assert found == []


TEMPLATES = sorted((WIZARD / "web" / "templates").glob("*.html"))
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
JINJA_STRING = re.compile(r"""(["'])((?:(?!\1).)*)\1""")
TAG = re.compile(r"<[^>]*>", re.DOTALL)
READ_ATTRIBUTES = re.compile(r'\b(?:aria-label|title|alt|placeholder|value)="([^"]*)"')
ENTITY = re.compile(r"&[a-z]+;|&#[0-9]+;")


def template_words(text: str, name: str = "") -> Iterator[str]:
    """`name:line: 'text'` for each piece of a template a person reads that is not a blank."""
    for match in JINJA.finditer(text):
        for literal in JINJA_STRING.finditer(match.group()):
            if _for_people(literal.group(2)):
                line = text.count("\n", 0, match.start()) + 1
                yield f"{name}:{line}: {literal.group(2)!r} (in an expression)"
    blanked = JINJA.sub(lambda m: "\n" * m.group().count("\n"), text)
    for tag in TAG.finditer(blanked):
        for value in READ_ATTRIBUTES.findall(tag.group()):
            if _for_people(value):
                line = blanked.count("\n", 0, tag.start()) + 1
                yield f"{name}:{line}: {value!r} (an attribute)"
    between = TAG.sub(lambda m: "\n" * m.group().count("\n"), blanked)
    for number, line_text in enumerate(between.splitlines(), 1):
        words = ENTITY.sub(" ", line_text).strip()
        if words and WORDY.search(words):
            yield f"{name}:{number}: {words!r}"


def test_the_web_templates_say_nothing_outside_the_vocabulary() -> None:
    assert TEMPLATES, "no templates found"
    found = [
        where
        for path in TEMPLATES
        for where in template_words(path.read_text(encoding="utf-8"), path.name)
    ]
    assert found == []


def test_the_template_scan_finds_words_around_blanks() -> None:
    sample = (
        '<p class="hint">{{ t("pick_any") }}</p>\n'
        "<p><strong>{{ t('still_there_title') }}</strong> Cleared in {{ countdown }} seconds.</p>\n"
        '<button title="Go on">{{ next_words|default("Next") }}</button>\n'
        '<input type="{{ \'radio\' if kind == \'single\' else \'checkbox\' }}" name="option">\n'
    )
    found = [where.split(": ", 1)[1] for where in template_words(sample)]
    assert found == ["'Next' (in an expression)", "'Go on' (an attribute)", "'Cleared in  seconds.'"]


def test_the_scan_finds_sentences_and_lets_ids_styles_and_docs_be(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""A docstring."""\n'
        'Button("Save", id="save-here", variant="primary")\n'
        'self.notify(f"Colours: {theme}")\n'
        'Binding("ctrl+q", "request_quit", "Quit", show=False)\n'
        'Static(text, classes="dialog-text")\n'
        'literal(words, "bold")\n'
        'say("one or more")\n'
        'self.query_one("#message", Static)\n'
        'DEFAULT_CSS = "Screen { align: center middle; }"\n',
        encoding="utf-8",
    )
    lines = sorted(where.split(":")[1] for where in unworded(sample, root=tmp_path))
    assert lines == ["2", "3", "4", "7"]


def test_every_template_fills_with_its_own_blanks() -> None:
    """A template names its blanks; what fills them is data, never read as a template."""
    for key in WORDS:
        blanks = {blank for _, blank in pieces(key) if blank}
        filled = t(key, **{blank: "{" + blank + "}" for blank in blanks})
        assert filled == WORDS[key].replace("{{", "{").replace("}}", "}"), key


def test_progress_and_pick_rules_are_worded_once() -> None:
    assert progress_words(Progress(3, 5, 7), True) == "Question 3 of about 6"
    assert progress_words(Progress(4, 5, 5), True) == "Question 4 of 5"
    assert progress_words(Progress(0, 5, 7), False) == "Questions answered: 0 of about 6"
    assert pick_rule(1, 3, 5) == "Pick 1 to 3."
    assert t_count("summary_progress", 1) == "Summary · 1 answer"
    assert t_count("summary_progress", 2) == "Summary · 2 answers"


def test_every_refusal_of_the_session_has_words() -> None:
    """The session refuses with a reason (a fact); each reason has its sentence here."""
    tree = ast.parse((WIZARD / "model" / "machine.py").read_text(encoding="utf-8"))
    reasons = {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "AnswerError"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    assert len(reasons) >= 8
    assert {reason for reason in reasons if f"refuse_{reason}" not in WORDS} == set()
