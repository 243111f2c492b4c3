"""One route through the bundled tree in Spanish, end to end, in every front end: `walk`, `ask`,
the Textual app (Pilot) and the web pages (test client), with the draft notice on the welcome
page and the summary, and the kiosks refusing the draft."""

from __future__ import annotations

import html
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.i18n.conftest import BUNDLED, ROUTE
from tests.tui.pilots import press
from tests.web.visitor import Visitor
from wizard.ask.session import run_ask
from wizard.cli.main import main
from wizard.model.tree import Tree
from wizard.render.words import WORDS, t, use_language

DRAFT_ES = "Esta traducción es un borrador"
ROUTE_ARGS = [arg for node, picked in ROUTE.items() for arg in ("-a", f"{node}={picked[0]}")]


def _spanish_words(tree: Tree, english: Tree, text: str) -> None:
    """`text` shows the Spanish prompt and options of the route, and not the English."""
    for node_id in ROUTE:
        assert tree.nodes[node_id].prompt in text, node_id
        assert english.nodes[node_id].prompt not in text, node_id
    assert "De un vistazo" in text and WORDS["glance"] not in text


def test_walk_in_spanish(capsys: pytest.CaptureFixture[str], spanish_tree: Tree,
                         english_tree: Tree) -> None:
    assert main(["walk", "--lang", "es", str(BUNDLED), *ROUTE_ARGS, "-f", "html"]) == 0
    page = html.unescape(capsys.readouterr().out)
    assert '<html lang="es">' in page
    assert DRAFT_ES in page
    for node_id in ROUTE:  # the answers section repeats each question in Spanish
        assert spanish_tree.nodes[node_id].prompt in page
        assert english_tree.nodes[node_id].prompt not in page


def test_walk_follows_the_environment(capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "es_US.UTF-8")
    assert main(["walk", str(BUNDLED), *ROUTE_ARGS]) == 0
    assert "De un vistazo" in capsys.readouterr().out
    monkeypatch.setenv("LANGUAGE", "en")  # LANGUAGE comes first, as gettext reads it
    assert main(["walk", str(BUNDLED), *ROUTE_ARGS]) == 0
    out = capsys.readouterr().out
    assert "At a glance" in out and DRAFT_ES not in out


def test_ask_in_spanish(spanish_tree: Tree, english_tree: Tree) -> None:
    use_language("es")
    # welcome, red flags: the 11th (none), body: 2nd (hormones), a page, cancer: 1st, taken: 5th
    typed = io.StringIO("\n11\n2\n\n1\n5\n")
    out = io.StringIO()
    assert run_ask(spanish_tree, typed, out) == 0
    text = out.getvalue()
    assert DRAFT_ES in text
    _spanish_words(spanish_tree, english_tree, text)


async def test_the_app_in_spanish(spanish_tree: Tree) -> None:
    use_language("es")
    from wizard.tui.launch import create_app
    from wizard.tui.screens.question import QuestionScreen
    from wizard.tui.screens.summary import SummaryScreen

    app = create_app(spanish_tree)
    async with app.run_test(size=(100, 40)) as pilot:
        assert DRAFT_ES in str(app.screen.query_one("#welcome-draft").render())
        await press(pilot, "enter")
        while not isinstance(app.screen, SummaryScreen):
            screen = app.screen
            if isinstance(screen, QuestionScreen) and screen.node.id in ROUTE:
                node = screen.node
                index = [o.id for o in node.options].index(ROUTE[node.id][0])
                await press(pilot, "home", *["down"] * index)
                await press(pilot, "space", "enter") if node.kind == "multi" else await press(
                    pilot, "enter"
                )
            else:
                await press(pilot, "enter")
        assert [a.node for a in app.session.history if a.options] == list(ROUTE)
        shown = " ".join(str(w.render()) for w in app.screen.query("Static").nodes)
        shown += " ".join(str(getattr(w, "border_title", "") or "")
                          for w in app.screen.query("*").nodes)
        assert DRAFT_ES in shown
        assert t("glance") == "De un vistazo"


async def test_the_web_pages_in_spanish(
    make_visitor: Callable[..., object], spanish_tree: Tree, english_tree: Tree
) -> None:
    use_language("es")
    visitor = await make_visitor(spanish_tree)  # type: ignore[misc]
    assert isinstance(visitor, Visitor)
    page = html.unescape(await visitor.open())
    assert '<html lang="es"' in page and DRAFT_ES in page
    assert f">{t('start')}<" in page and t("start") != WORDS["start"]
    await visitor.do("start")
    pages = [html.unescape(await visitor.do("answer"))]  # the welcome page continues
    for node_id, picked in ROUTE.items():
        pages.append(html.unescape(await visitor.do("answer", *picked)))
        if node_id == "body_system":
            pages.append(html.unescape(await visitor.do("answer")))  # an information page
    assert f"<h1>{t('check_title')}</h1>" in pages[-1]  # "Check your answers" first
    pages.append(html.unescape(await visitor.do("summary")))
    text = "\n".join(pages)
    for node_id in ROUTE:
        assert spanish_tree.nodes[node_id].prompt in text
    assert "De un vistazo" in pages[-1] and DRAFT_ES in pages[-1]


@pytest.mark.parametrize("command", ["run", "serve"])
def test_kiosks_refuse_a_draft_translation(command: str, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import wizard.tui.launch
    import wizard.web.serve

    started: list[str] = []
    monkeypatch.setattr(wizard.tui.launch, "create_app",
                        lambda *a, **k: started.append("app") or _NoRun())
    monkeypatch.setattr(wizard.web.serve, "serve_pages_mode",
                        lambda *a, **k: started.append("web") or 0)
    assert main([command, "--kiosk", "--lang", "es", str(BUNDLED)]) == 2
    err = capsys.readouterr().err
    assert "draft" in err and "--allow-draft-translation" in err and err.count("\n") == 1
    assert not started
    assert main([command, "--kiosk", "--lang", "es", "--allow-draft-translation",
                 str(BUNDLED)]) == 0
    assert started


class _NoRun:
    def run(self) -> None:
        """The app is not drawn here: only whether it would start matters."""


def test_no_overlay_for_a_language_is_a_note_not_a_failure(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["walk", "--lang", "fr", str(BUNDLED), *ROUTE_ARGS]) == 0
    captured = capsys.readouterr()
    assert "no 'fr' translation" in captured.err and "At a glance" in captured.out


def test_ask_in_spanish_changes_answers_after_the_summary_by_the_spanish_word(
    spanish_tree: Tree,
) -> None:
    use_language("es")
    # the route, Enter at the check, then "cambiar" after the summary: the check again; Enter
    typed = io.StringIO("\n11\n2\n\n1\n5\n\ncambiar\n\n")
    out = io.StringIO()
    assert run_ask(spanish_tree, typed, out) == 0
    text = out.getvalue()
    assert text.count("Escriba cambiar para revisar o cambiar sus respuestas") == 2
    assert text.count("Compruebe sus respuestas") == 2  # before the summary, and from it
    assert text.count("De un vistazo") == 2  # the summary, then again after the check
