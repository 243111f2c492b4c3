"""The interface catalogues: every vocabulary key has a message (msgctxt = key, msgid = its
current English) in the template and in each language, translations keep their blanks, the
shipped .mo files are compiled from the .po files as they are now, and the language is chosen
from --lang, then the environment, then the tree."""

from __future__ import annotations

import gettext
import io
import re
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from tests.i18n.conftest import ROOT
from wizard.cli.language import from_environment
from wizard.render import words
from wizard.render.catalogue import WORDS_FILE, words_with_lines
from wizard.render.words import WORDS, t, use_language

LOCALE = ROOT / "wizard" / "locale"
LANGUAGES = sorted(p.parent.parent.name for p in LOCALE.glob("*/LC_MESSAGES/messages.po"))
BLANK = re.compile(r"\{([A-Za-z_]*)\}")


def _po(path: Path) -> object:
    with path.open("rb") as file:
        return read_po(file)


def test_the_extractor_sees_every_key() -> None:
    found = {key: english for _, key, english in
             words_with_lines((ROOT / WORDS_FILE).read_text(encoding="utf-8"))}
    assert found == WORDS


def test_the_template_is_current() -> None:
    template = _po(LOCALE / "messages.pot")
    messages = {m.context: m.id for m in template if m.id}  # type: ignore[attr-defined]
    assert messages == WORDS, "run: make locale"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_key_is_translated_with_its_blanks(language: str) -> None:
    catalog = _po(LOCALE / language / "LC_MESSAGES" / "messages.po")
    messages = {m.context: m for m in catalog if m.id}  # type: ignore[attr-defined]
    assert set(messages) == set(WORDS), "run: make locale"
    for key, english in WORDS.items():
        message = messages[key]
        assert message.id == english, f"{key}: the English changed; run make locale"
        assert message.string, f"{key}: not translated into {language}"
        assert sorted(BLANK.findall(message.string)) == sorted(BLANK.findall(english)), key


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_shipped_mo_is_compiled_from_the_po(language: str) -> None:
    folder = LOCALE / language / "LC_MESSAGES"
    compiled = io.BytesIO()
    catalog = _po(folder / "messages.po")
    write_mo(compiled, catalog)  # type: ignore[arg-type]
    compiled.seek(0)
    fresh = gettext.GNUTranslations(compiled)
    with (folder / "messages.mo").open("rb") as file:
        shipped = gettext.GNUTranslations(file)
    assert _messages(shipped) == _messages(fresh), "run: make locale"


def _messages(catalog: gettext.GNUTranslations) -> dict[object, str]:
    """The messages without the header (msgid ""): the header names the compiling tool's version
    (Generated-By) and dates, which differ from machine to machine without any word changing."""
    messages: dict[object, str] = catalog._catalog  # type: ignore[attr-defined]
    return {key: text for key, text in messages.items() if key != ""}


def test_spanish_words_come_from_the_catalogue() -> None:
    use_language("es")
    assert t("glance") == "De un vistazo"
    assert t("progress_question", step="2", total="5") == "Pregunta 2 de 5"
    use_language("en-GB")
    assert t("glance") == "At a glance"


def test_a_translation_with_broken_blanks_says_the_english(monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    class Broken(gettext.NullTranslations):
        def pgettext(self, context: str, message: str) -> str:
            return "{nope} roto"

    monkeypatch.setattr(words, "catalogue", lambda language: Broken())
    use_language("xx")
    assert t("urgent_line", title="Fiebre") == "Urgent: Fiebre"


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "es_ES.UTF-8"}, "es-ES"),
        ({"LANG": "C.UTF-8"}, None),
        ({"LANGUAGE": "es:en", "LANG": "en_US.UTF-8"}, "es"),
        ({"LC_ALL": "es_MX", "LANG": "en_US"}, "es-MX"),
        ({"LC_MESSAGES": "POSIX", "LANG": "es_US@euro"}, "es-US"),
        ({}, None),
    ],
)
def test_the_language_from_the_environment(environ: dict[str, str], language: str | None
                                           ) -> None:
    assert from_environment(environ) == language


def test_the_web_templates_say_nothing_outside_the_vocabulary() -> None:
    """Text between tags in the web pages' templates comes from `t()` (or the page's data)."""
    literal = re.compile(r">([^<>{}]*[A-Za-z][^<>{}]*)<")
    found = [
        f"{path.name}: {text.strip()!r}"
        for path in sorted((ROOT / "wizard" / "web" / "templates").glob("*.html"))
        for text in literal.findall(path.read_text(encoding="utf-8"))
    ]
    assert found == []
