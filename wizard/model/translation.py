"""Translations of a tree: overlay files beside it (`trees/<id>.<lang>.yaml`), read, checked
and applied to a Tree.

Why overlays: authors translate the words and never copy the logic. An overlay keys each text by
its path through the tree's ids (`nodes.syndrome.options.lems.label`; list entries without ids by
index: `treatments.ivig.side_effects.common.0`) and records the English it translated (`en`), so
a changed English text makes its translation stale. A stale or missing translation falls back to
the English on screen (a translation of old English may say something the tree no longer says);
`wizard check` reports both. The overlay has its own review status: a draft is marked as such on
the welcome screen and the summary, and a kiosk refuses it unless staff allow it.

The overlay is read with the tree loader's strict YAML reader (wizard/model/loader.py), so its
problems carry file:line:col too.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from wizard.model.errors import Diagnostic, TreeError
from wizard.model.marked import MarkedDict, YamlMark
from wizard.model.texts import TRANSLATED, Text, person_texts, replace_texts
from wizard.model.tree import NO_MARK, Mark, Tree

OVERLAY_FORMAT = 1
LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\Z")
"""A language tag as overlays and `--lang` write it: `es`, `pt-BR` (lower-case language)."""
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")

Status = Literal["draft", "reviewed"]

UrgencyWords = Callable[[str], tuple[tuple[str, ...], tuple[str, ...]]]
"""A language tag -> (words that say a red flag is urgent, phrases that say something is not),
from the vocabulary (wizard/render/urgency.py); the model knows no words of its own."""


@dataclass(frozen=True)
class Entry:
    """One translated text: the English it translated and the translation."""

    key: str
    en: str
    text: str
    mark: Mark = field(default=NO_MARK, compare=False)  # where the key is written
    en_mark: Mark = field(default=NO_MARK, compare=False)
    text_mark: Mark = field(default=NO_MARK, compare=False)


@dataclass(frozen=True)
class Overlay:
    """One overlay file: which tree, which language, how far it is reviewed, and its texts."""

    tree: str
    language: str
    status: Status
    entries: Mapping[str, Entry]
    reviewed_by: str = ""
    date: str = ""
    path: str = "<memory>"
    role: str = ""
    """The reviewer's role (e.g. "oncology nurse specialist"): who vouches, with reviewed_by."""
    sheet: str = ""
    """The fingerprint of the review sheet the reviewer signed (`wizard translate --review`)."""
    texts_mark: Mark = field(default=NO_MARK, compare=False)

    @property
    def draft(self) -> bool:
        return self.status != "reviewed"


# -- the texts of a tree ------------------------------------------------------------------------
def tree_texts(tree: Tree) -> dict[str, str]:
    """Every translatable text of the tree, by key, in the spec's order: the prose and names of
    wizard/model/texts.py. Ids, urls, facts, conditions and publishers' names stay as written."""
    return {text.key: text.text for text in person_texts(tree, TRANSLATED)}


def apply_overlay(tree: Tree, overlay: Overlay) -> Tree:
    """The tree in the overlay's language: each text that has a current translation is replaced;
    missing and stale ones stay English."""

    def lookup(text: Text) -> str:
        entry = overlay.entries.get(text.key)
        if entry is None or entry.en != text.text or not entry.text.strip():
            return text.text
        return entry.text

    translated = replace_texts(tree, lookup, TRANSLATED)
    return dataclasses.replace(
        translated, language=overlay.language, translation=overlay.status
    )


# -- placeholders ---------------------------------------------------------------------------------
_SHAPES = (
    ("placeholders", re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")),
    ("link targets", re.compile(r"\]\(([^)\s]+)\)")),
    ("web addresses", re.compile(r"https?://[^\s)>\]]+")),
    ("emphasis marks", re.compile(r"\*\*|__")),
    ("email addresses", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("web addresses without http", re.compile(r"(?<![/\w.])www\.[^\s)>\]]+")),
)


# A translation must never change a number: a dose, an age, a phone number (911 -> 991). Digit
# runs only, so 0.5 and 0,5 or 1-800-555 and 1 800 555 are the same numbers.
_NUMBER = re.compile(r"[0-9]+")


def added_numbers(english: str, text: str) -> list[str]:
    """Numbers the translation has and the English does not (a local helpline, say): not an
    error, since every English number is still there, but the review sheet shows them first
    so the clinician who signs it sees what only the translation says."""
    before, after = _NUMBER.findall(english), _NUMBER.findall(text)
    return [n for n in dict.fromkeys(after) if after.count(n) > before.count(n)]


def broken_shapes(english: str, text: str) -> list[str]:
    """What a translation lost or gained of the English's fixed parts: `{name}` placeholders,
    Markdown link targets, web and email addresses and emphasis marks, and what it lost of the
    English's numbers (digit runs). Empty when they match."""
    problems = []
    before, after = _NUMBER.findall(english), _NUMBER.findall(text)
    lost = [n for n in dict.fromkeys(before) if before.count(n) > after.count(n)]
    if lost:
        problems.append(f"numbers differ from the English (lost {', '.join(lost)})")
    for name, pattern in _SHAPES:
        before, after = sorted(pattern.findall(english)), sorted(pattern.findall(text))
        if before != after:
            lost = [p for p in dict.fromkeys(before) if before.count(p) > after.count(p)]
            gained = [p for p in dict.fromkeys(after) if after.count(p) > before.count(p)]
            parts = ([f"lost {', '.join(lost)}"] if lost else []) + (
                [f"added {', '.join(gained)}"] if gained else []
            )
            problems.append(f"{name} differ from the English ({'; '.join(parts)})")
    return problems


# -- files ----------------------------------------------------------------------------------------
def is_overlay(path: Path) -> bool:
    """Whether a file is named as an overlay (`<tree>.<lang>.yaml`) of a tree file beside it."""
    stem = Path(path.stem)
    return bool(
        stem.suffix
        and LANGUAGE.match(stem.suffix[1:])
        and path.with_name(f"{stem.stem}{path.suffix}").exists()
    )


def overlays_beside(tree_path: str | Path) -> dict[str, Path]:
    """The overlays of a tree file, by language."""
    path = Path(tree_path)
    found: dict[str, Path] = {}
    if not path.parent.is_dir():
        return found
    for candidate in sorted(path.parent.glob(f"{path.stem}.*{path.suffix or '.yaml'}")):
        language = Path(candidate.stem).suffix[1:]
        if LANGUAGE.match(language) and Path(candidate.stem).stem == path.stem:
            found[language] = candidate
    return found


def _mark(file: str, mark: YamlMark | None) -> Mark:
    return Mark(file, mark.line + 1, mark.column + 1) if mark is not None else Mark(file, 1, 1)


def _error(mark: Mark, message: str, severity: str = "error") -> Diagnostic:
    return Diagnostic(mark.file, mark.line, mark.col, severity, message)  # type: ignore[arg-type]


def read_overlay(text: str, file: str) -> tuple[Overlay | None, list[Diagnostic]]:
    """Overlay text -> the Overlay and the problems in it (None when it cannot be used)."""
    from wizard.model.loader import parse_yaml

    data, problems = parse_yaml(text, file)
    if data is None:
        return None, problems or [_error(Mark(file, 1, 1), "the file is empty")]
    if not isinstance(data, MarkedDict):
        return None, [*problems, _error(Mark(file, 1, 1), "an overlay is a mapping of keys")]

    def at(key: str) -> Mark:
        return _mark(file, data.value_marks.get(key) or data.key_marks.get(key) or data.mark)

    known = ("translation", "tree", "language", "review", "texts")
    for key in data:
        if key not in known:
            problems.append(_error(_mark(file, data.key_marks.get(key)), f"unknown key '{key}' "
                                   f"(an overlay has: {', '.join(known)})"))
    for key in known:
        if key not in data:
            problems.append(_error(_mark(file, data.mark), f"missing '{key}'"))
    if data.get("translation", OVERLAY_FORMAT) != OVERLAY_FORMAT:
        problems.append(_error(at("translation"), f"translation must be {OVERLAY_FORMAT}"))
    tree_id = data.get("tree")
    if "tree" in data and not isinstance(tree_id, str):
        problems.append(_error(at("tree"), "tree must be the id of the tree translated"))
    language = data.get("language")
    if "language" in data and not (isinstance(language, str) and LANGUAGE.match(language)):
        problems.append(_error(at("language"), "language must be a tag such as es or pt-BR"))
    status, reviewed_by, date, role, sheet = _review(data.get("review"), at("review"), file,
                                                     problems)
    entries, texts_mark = _entries(data, file, problems)
    if any(d.is_error for d in problems):
        return None, sorted(problems)
    overlay = Overlay(
        tree=str(tree_id), language=str(language), status=status, entries=entries,
        reviewed_by=reviewed_by, date=date, path=file, texts_mark=texts_mark, role=role,
        sheet=sheet,
    )  # fmt: skip
    return overlay, sorted(problems)


REVIEW_KEYS = ("status", "reviewed_by", "role", "date", "sheet")


def _review(
    review: Any, mark: Mark, file: str, problems: list[Diagnostic]
) -> tuple[Status, str, str, str, str]:
    if not isinstance(review, MarkedDict):
        if review is not None:
            problems.append(_error(mark, "review must be a mapping: {status: draft}"))
        return "draft", "", "", "", ""
    status: Status = "reviewed" if review.get("status") == "reviewed" else "draft"
    if review.get("status") not in ("draft", "reviewed"):
        problems.append(_error(mark, "review status must be draft or reviewed"))
    for key in review:
        if key not in REVIEW_KEYS:
            problems.append(_error(_mark(file, review.key_marks.get(key)),
                                   f"unknown key '{key}' in review (it has: "
                                   f"{', '.join(REVIEW_KEYS)})"))
    by, date = review.get("reviewed_by", ""), review.get("date", "")
    role, sheet = review.get("role", ""), review.get("sheet", "")
    if status == "reviewed":
        if not (isinstance(by, str) and by.strip()):
            problems.append(_error(mark, "a reviewed translation names who reviewed it "
                                   "(reviewed_by)"))
        if not (isinstance(role, str) and role.strip()):
            problems.append(_error(mark, "a reviewed translation gives the reviewer's role "
                                   "(role), e.g. oncology nurse specialist"))
        if not (isinstance(date, str) and _DATE.match(date)):
            problems.append(_error(mark, "a reviewed translation gives the date (YYYY-MM-DD)"))
        if not (isinstance(sheet, str) and sheet.strip()):
            problems.append(_error(mark, "a reviewed translation names the review sheet that was "
                                   "signed (sheet: its fingerprint, from wizard translate "
                                   "--review)"))
    return status, str(by or ""), str(date or ""), str(role or ""), str(sheet or "")


def review_fingerprint(tree: Tree, overlay: Overlay) -> str:
    """A short fingerprint of what a reviewer signs: every key, its English as the tree says it
    now and its translation. Any change to either after signing changes it, so a reviewed
    overlay whose words moved on is no longer called reviewed (`check_overlay`)."""
    import hashlib  # only for a reviewed overlay: a tree shown as written never needs it

    digest = hashlib.sha256()
    for key, english in tree_texts(tree).items():
        entry = overlay.entries.get(key)
        text = entry.text if entry is not None else ""
        for part in (key, english, text):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()[:16]


def _entries(
    data: MarkedDict, file: str, problems: list[Diagnostic]
) -> tuple[dict[str, Entry], Mark]:
    texts = data.get("texts")
    texts_mark = _mark(file, data.key_marks.get("texts") or data.mark)
    entries: dict[str, Entry] = {}
    if texts is None:
        return entries, texts_mark
    if not isinstance(texts, MarkedDict):
        problems.append(_error(texts_mark, "texts must be a mapping of keys to {en, text}"))
        return entries, texts_mark
    for key, value in texts.items():
        key_mark = _mark(file, texts.key_marks.get(key))
        if not isinstance(value, MarkedDict) or not isinstance(value.get("en"), str):
            problems.append(_error(key_mark, f"{key}: must be {{en: ENGLISH, text: TRANSLATION}}"))
            continue
        text = value.get("text", "")
        if not isinstance(text, str):
            problems.append(_error(key_mark, f"{key}: text must be words"))
            continue
        for extra in value:
            if extra not in ("en", "text"):
                problems.append(_error(_mark(file, value.key_marks.get(extra)),
                                       f"{key}: unknown key '{extra}' (only en and text)"))
        entries[str(key)] = Entry(
            key=str(key), en=value["en"], text=text, mark=key_mark,
            en_mark=_mark(file, value.value_marks.get("en")),
            text_mark=_mark(file, value.value_marks.get("text") or value.mark),
        )  # fmt: skip
    return entries, texts_mark


def load_overlay(path: str | Path) -> Overlay:
    """Read an overlay file; TreeError (with every diagnostic) if it cannot be used."""
    from wizard.model.loader import read_text

    overlay, problems = read_overlay(read_text(Path(path)), str(path))
    if overlay is None:
        raise TreeError(problems)
    return overlay


def check_overlay(
    tree: Tree, overlay: Overlay, urgency: UrgencyWords | None = None
) -> list[Diagnostic]:
    """Missing, extra and stale translations, broken placeholders, changed numbers and
    addresses, and (given the vocabulary's `urgency` words) red flags that lost their urgency,
    against the tree."""
    found: list[Diagnostic] = []
    file = overlay.path
    if overlay.tree != tree.id:
        found.append(_error(Mark(file, 1, 1), f"this overlay is for tree '{overlay.tree}', "
                            f"not '{tree.id}'"))
    named = Path(Path(file).stem).suffix[1:]
    if named and LANGUAGE.match(named) and named != overlay.language:
        found.append(_error(Mark(file, 1, 1), f"the file is named for '{named}' but says "
                            f"language: {overlay.language}"))
    if not overlay.draft and overlay.sheet:
        signed, now = overlay.sheet.strip(), review_fingerprint(tree, overlay)
        if signed != now:
            found.append(_error(Mark(file, 1, 1), f"the texts are not the ones reviewed (sheet "
                                f"{signed}, now {now}): print a new sheet with wizard translate "
                                "--review and have it signed again"))
    texts = tree_texts(tree)
    for key, english in texts.items():
        entry = overlay.entries.get(key)
        if entry is None or not entry.text.strip():
            where = entry.text_mark if entry is not None else overlay.texts_mark
            found.append(_error(where, f"missing translation of {key}: {_short(english)!r}",
                                "warning"))
        elif entry.en != english:
            found.append(_error(entry.en_mark, f"stale translation of {key}: the English is now "
                                f"{_short(english)!r}", "warning"))
        else:
            for problem in broken_shapes(english, entry.text):
                found.append(_error(entry.text_mark, f"{key}: {problem}"))
            if urgency is not None and key.startswith("red_flags."):
                for problem in lost_urgency(english, entry.text, overlay.language, urgency):
                    found.append(_error(entry.text_mark, f"{key}: {problem}"))
    for key, entry in overlay.entries.items():
        if key not in texts:
            found.append(_error(entry.mark, f"extra translation: the tree has no text {key}",
                                "warning"))
    return found


def _says(text: str, phrases: tuple[str, ...]) -> list[str]:
    folded = " ".join(text.casefold().split())
    return [p for p in phrases
            if re.search(rf"(?<!\w){re.escape(' '.join(p.casefold().split()))}(?!\w)", folded)]


def lost_urgency(english: str, text: str, language: str, urgency: UrgencyWords) -> list[str]:
    """Why a red flag's translation no longer says what the English says about urgency: the
    English says it is urgent and the translation has none of its language's urgent words, or
    the translation says it is not urgent and the English does not. Empty when it keeps it."""
    english_urgent, english_calm = urgency("en")
    urgent, calm = urgency(language)
    problems = []
    if _says(english, english_urgent) and not _says(text, urgent):
        urgent_said = ", ".join(_says(english, english_urgent))
        problems.append(f"the English says this is urgent ({urgent_said}) but the translation has "
                        f"none of the vocabulary's urgent words ({', '.join(urgent)})")
    if (calm_said := _says(text, calm)) and not _says(english, english_calm):
        problems.append(f"the translation says this is not urgent ({', '.join(calm_said)}); "
                        "the English does not")
    return problems


def check_overlays_of(tree: Tree, urgency: UrgencyWords | None = None) -> list[Diagnostic]:
    """Every problem in the overlays beside a tree file."""
    found: list[Diagnostic] = []
    for path in overlays_beside(tree.path).values():
        found.extend(check_overlay_file(path, tree, urgency))
    return found


def check_overlay_file(
    path: Path, tree: Tree, urgency: UrgencyWords | None = None
) -> list[Diagnostic]:
    try:
        from wizard.model.loader import read_text

        overlay, problems = read_overlay(read_text(path), str(path))
    except TreeError as error:
        return error.diagnostics
    if overlay is not None:
        problems.extend(check_overlay(tree, overlay, urgency))
    return problems


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


# -- choosing and generating ----------------------------------------------------------------------
def candidates(language: str) -> list[str]:
    """`es-US` -> [`es-US`, `es`]: the overlay names to try, most specific first."""
    tag = language.replace("_", "-")
    parts = tag.split("-")
    return list(dict.fromkeys([tag, parts[0].lower()]))


def translate_tree(
    tree: Tree, language: str | None, urgency: UrgencyWords | None = None
) -> tuple[Tree, Overlay | None]:
    """The tree in `language` if an overlay beside its file has it, else the tree as it is.

    TreeError when the overlay cannot be read or has anything `wizard check` calls an error (a
    changed number, an added address, a red flag no longer urgent, another tree or language):
    a translation that says something else is refused like a broken tree, never shown."""
    if not language or tree.path == "<memory>":
        return tree, None
    overlays = overlays_beside(tree.path)
    for tag in candidates(language):
        if tag == tree.language:
            return tree, None
        if tag in overlays:
            overlay = load_overlay(overlays[tag])
            errors = [d for d in check_overlay(tree, overlay, urgency) if d.is_error]
            if errors:
                raise TreeError(errors)
            return apply_overlay(tree, overlay), overlay
    return tree, None


def skeleton(
    tree: Tree, language: str, mapping: Mapping[str, str] | None = None,
    old: Overlay | None = None,
) -> str:  # fmt: skip
    """A new overlay's text: every text of the tree with its English, translated from `mapping`
    ({english: translation}) or an older overlay where they have it, else left empty (missing)."""
    mapping = mapping or {}
    lines = [
        "# Translation of the tree '" + tree.id + "' (docs/tree-format.md, Translations).",
        "# Fill each `text`; keep {placeholders}, link targets and web addresses as they are.",
        f"translation: {OVERLAY_FORMAT}",
        f"tree: {tree.id}",
        f"language: {language}",
        "review: {status: draft}",
        "texts:",
    ]
    for key, english in tree_texts(tree).items():
        text = mapping.get(english, "")
        if not text and old is not None and key in old.entries and old.entries[key].en == english:
            text = old.entries[key].text
        lines.append(f"  {key}:")
        lines.append(f"    en: {_quoted(english)}")
        lines.append(f"    text: {_quoted(text)}")
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    dumped: str = yaml.safe_dump(text, allow_unicode=True, width=10_000, default_style='"')
    return dumped.strip().removesuffix("\n...").strip()

