"""`make locale`: write wizard/locale/<lang>/LC_MESSAGES/messages.po from the vocabulary
(keeping current translations, filling gaps from an optional {english: translation} JSON), then
compile every .po to its .mo.

    python -m wizard.render.catalogue_make po es --from mapping.json
    python -m wizard.render.catalogue_make pot   (Babel extracts the vocabulary to messages.pot)
    python -m wizard.render.catalogue_make mo

A maintainer's tool, never imported by the program: Babel is a development dependency (the
`test` extra), and the running program reads the compiled .mo files with the standard library.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from wizard.render.catalogue import WORDS_FILE, build_po

ROOT = Path(__file__).resolve().parent.parent.parent

LOCALE = ROOT / "wizard" / "locale"


def write_catalogue(language: str, mapping: dict[str, str]) -> Path:
    path = LOCALE / language / "LC_MESSAGES" / "messages.po"
    old = None
    if path.exists():
        with path.open("rb") as file:
            old = read_po(file)
    catalog = build_po(language, (ROOT / WORDS_FILE).read_text(encoding="utf-8"), mapping, old)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:
        write_po(file, catalog, width=100, omit_header=False, sort_output=False)
    return path


def write_template() -> Path:
    """messages.pot, extracted by Babel with the vocabulary's extraction method."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_file

    from wizard.render.catalogue import extract_words

    catalog = Catalog(project="triage-wizard", domain="messages", charset="utf-8")
    # Babel's annotations ask for its own extractor signature; ours keeps the same shape.
    extractor: Any = extract_words
    for line, english, comments, key in extract_from_file(extractor, ROOT / WORDS_FILE):
        catalog.add(english, locations=[(WORDS_FILE, line)], context=key,
                    auto_comments=comments)
    path = LOCALE / "messages.pot"
    with path.open("wb") as file:
        write_po(file, catalog, width=100, sort_output=False)
    return path


def compile_all() -> list[Path]:
    done = []
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/messages.po")):
        with po.open("rb") as file:
            catalog = read_po(file)
        with po.with_suffix(".mo").open("wb") as file:
            write_mo(file, catalog)
        done.append(po.with_suffix(".mo"))
    return done


def main() -> int:
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    po = commands.add_parser("po")
    po.add_argument("language")
    po.add_argument("--from", dest="mapping")
    commands.add_parser("mo")
    commands.add_parser("pot")
    args = parser.parse_args()
    if args.command == "po":
        mapping = json.loads(Path(args.mapping).read_text("utf-8")) if args.mapping else {}
        print(write_catalogue(args.language, {k: v for k, v in mapping.items() if k != "__DONE__"}))
    elif args.command == "pot":
        print(write_template())
    else:
        for path in compile_all():
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
