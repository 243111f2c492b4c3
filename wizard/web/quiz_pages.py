"""`wizard serve --quiz`: the case quiz as plain web pages, one per question, for every browser.

The same pages as the guide's (wizard/web/app.py: its middleware, headers, security policy,
stylesheet and base template), drawing the shared quiz: the model decides the cases, the
questions, Back, the reveal and the score (wizard/model/quiz.py), its words are the shared
renderer's (wizard/render/quiz.py, through wizard/web/quiz_views.py). Nothing here scores.

Stateless as the guide is: each page's address (`/quiz?s=TOKEN`) and forms carry the learner's
quiz sealed (wizard/web/quiz_state.py), every form answers with a redirect to the next page's
address (POST-redirect-GET, so Back, Forward and Reload work with JavaScript on or off), and
each request replays the token into a fresh `QuizRun`. Back works before a case's answers are
shown, never after: a Back posted after the reveal is refused by the model, and a page from
before the reveal (the browser's Back) is refused by the server's one memory, `Revealed`, which
sends the learner to the answers they were shown.

Results leave only where the learner asks: the score page offers the results as downloads
(JSON with xAPI statements, Markdown, HTML: wizard/render/quiz_results.py, the files
`wizard quiz --results` writes), and it is itself the printable page.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from urllib.parse import urlencode

from aiohttp import web

from wizard.model.plain import strip_control
from wizard.model.quiz import QuizError, QuizRun
from wizard.render.quiz_results import render_results
from wizard.render.words import t
from wizard.web.app import (
    CONFIG,
    SEALER,
    TEMPLATES,
    health,
    problem,
)
from wizard.web.pages import THEMES, language
from wizard.web.protect import loggable, redirect
from wizard.web.quiz_state import (
    MOST_SEED,
    NOTES,
    QuizSealer,
    QuizSettings,
    QuizState,
    Quizzes,
    Revealed,
    new_attempt,
    new_seed,
    replay,
)
from wizard.web.quiz_views import QuizPage, page_for, start_page
from wizard.web.state import Stale, StateError

log = logging.getLogger("wizard.web")

HERE_GO = "/quiz/go"
QUIZ_SEALER = web.AppKey("quiz_sealer", QuizSealer)
REVEALED = web.AppKey("revealed", Revealed)
QUIZZES = web.AppKey("quizzes", Quizzes)
_FILE_STEM = re.compile(r"[^A-Za-z0-9_-]+")
_DOWNLOADS = {"json": ("json", "application/json"), "md": ("markdown", "text/markdown"),
              "html": ("html", "text/html")}  # fmt: skip
"""What the results form may ask for: its suffix, then the renderer's name and the type."""


def add_quiz_routes(app: web.Application, settings: QuizSettings) -> None:
    """The quiz's pages in `app` (made by wizard.web.app.make_app, which holds the config)."""
    config = app[CONFIG]
    app[QUIZ_SEALER] = QuizSealer(config.secret, app[SEALER].version, config.clock)
    app[REVEALED] = Revealed(config.clock)
    app[QUIZZES] = Quizzes(config.tree)
    app.router.add_get("/", start)
    app.router.add_get("/quiz", show)
    app.router.add_post(HERE_GO, go)
    app.router.add_post("/quiz/results", results)
    app.router.add_get("/health", health)


def _settings(request: web.Request) -> QuizSettings:
    settings = request.app[CONFIG].quiz
    assert settings is not None  # these routes exist only in quiz mode
    return settings


# -- handlers --------------------------------------------------------------------------------
async def start(request: web.Request) -> web.Response:
    """GET /: what the quiz is, and Start (a new attempt, with the server's seed or a new one)."""
    settings = _settings(request)
    theme = request.query.get("theme", "")
    state = QuizState(seed=settings.seed or 0, cases=settings.cases,
                      theme=theme if theme in THEMES else "")
    run = QuizRun(request.app[QUIZZES].of(state))
    error = t("quiz_web_bad_seed") if request.query.get("problem") == "seed" else ""
    return _render(request, start_page(run, settings.seed is not None, error), state)


async def show(request: web.Request) -> web.Response:
    """GET /quiz?s=TOKEN: the page the token's quiz is at."""
    loaded = _load(request, request.query.get("s", ""))
    if isinstance(loaded, web.Response):
        return loaded
    state, run = loaded
    if not state.started:
        return redirect("/")
    page = page_for(run, state.problem, state.shown, state.note)
    return _render(request, page, state.showing())


async def go(request: web.Request) -> web.Response:
    """Every step of the quiz: start, predict, back, reveal, next case, start again, theme.
    Each answers with a redirect to the next page's address (POST-redirect-GET)."""
    config = request.app[CONFIG]
    settings = _settings(request)
    form = await request.post()
    action = str(form.get("do", ""))
    theme = str(form.get("theme", ""))
    if action == "theme" and theme in THEMES:
        try:
            state = request.app[QUIZ_SEALER].load(str(form.get("state", "")))
        except StateError:  # an error page's theme form: its state is not a quiz's
            return redirect("/?" + urlencode({"theme": theme}))
        if not state.started:
            return redirect("/?" + urlencode({"theme": theme}))
        return _see(request, replace(state, theme=theme).showing())
    loaded = _load(request, str(form.get("state", "")))
    if isinstance(loaded, web.Response):
        return loaded
    state, run = loaded
    now = config.clock()
    if action == "start" and not state.started:
        seed = settings.seed if settings.seed is not None else _typed_seed(form.get("seed"))
        if seed is None:
            return redirect("/?" + urlencode({"problem": "seed", "theme": state.theme}))
        return _see(request, new_attempt(seed, settings.cases, state.theme, now))
    if action == "again" and state.started:
        return _see(request, new_attempt(state.seed, state.cases, state.theme, now))
    if action == "new" and state.started and settings.seed is None:
        return _see(request, new_attempt(new_seed(), state.cases, state.theme, now))
    if not state.started:
        return redirect("/")
    picked = tuple(str(v) for v in form.getall("option", []))
    try:
        moved = _step(run, action, picked)
    except QuizError as error:
        if action == "answer":
            return _see(request, state.showing(error.reason, picked))
        said = f"quiz_refuse_{error.reason}"  # a sentence a page may say, or none
        return _see(request, state.showing(note=said if said in NOTES else ""))
    after = state.after(run)
    if action == "reveal":  # where a page from before this reveal is sent back to
        request.app[REVEALED].record(after, _seal(request, after.showing(
            note="quiz_refuse_revealed")))
    return _see(request, after if moved else after.showing(note="quiz_back_first"))


def _typed_seed(typed: object) -> int | None:
    """The seed a learner typed (the same bounds as `--seed`), a new one when they typed none,
    or None when what they typed is not a seed."""
    text = str(typed or "").strip()
    if not text:
        return new_seed()
    if not text.isascii() or not text.isdigit() or len(text) > len(str(MOST_SEED)):
        return None
    seed = int(text)
    return seed if seed <= MOST_SEED else None


def _step(run: QuizRun, action: str, picked: tuple[str, ...]) -> bool:
    """One step of the model's run; False for a Back it could not take (the first question).
    QuizError when the model refuses it: a Back after the reveal among them."""
    if action == "answer":
        run.predict(picked)
    elif action == "back":
        if run.revealed:
            raise QuizError("revealed")
        return run.back()
    elif action == "reveal":
        run.reveal()
    elif action == "next":
        run.next_case()
    return True


async def results(request: web.Request) -> web.Response:
    """The results as a download, only when asked: JSON (with the xAPI statements a learning
    system reads), Markdown or HTML, the same files `wizard quiz --results` writes."""
    form = await request.post()
    loaded = _load(request, str(form.get("state", "")))
    if isinstance(loaded, web.Response):
        return loaded
    _, run = loaded
    suffix = str(form.get("format", ""))
    suffix = suffix if suffix in _DOWNLOADS else "json"
    form_name, kind = _DOWNLOADS[suffix]
    stem = _FILE_STEM.sub("-", run.quiz.tree.id).strip("-") or "quiz"
    return web.Response(
        text=render_results(run, form_name), content_type=kind, charset="utf-8",
        headers={"Content-Disposition": f'attachment; filename="{stem}-quiz-results.{suffix}"'},
    )


# -- helpers ---------------------------------------------------------------------------------
def _load(request: web.Request, token: str) -> tuple[QuizState, QuizRun] | web.Response:
    """The learner's quiz replayed, or the page that says why it cannot be; a page from before
    a reveal is a redirect to the answers shown (see the module docstring)."""
    try:
        state = request.app[QUIZ_SEALER].load(token)
        shown = request.app[REVEALED].check(state)
        if shown is not None:
            return redirect(_address(shown))
        return state, replay(request.app[QUIZZES].of(state), state)
    except Stale:
        return problem(request, 409, "web_updated", "web_updated_text")
    except StateError as error:  # expired, another process's or an earlier run's, or not ours
        log.info("refused a quiz state: %s", loggable(str(error)))
        return problem(request, 410, "quiz_web_ended", "quiz_web_ended_text")


def _see(request: web.Request, state: QuizState) -> web.Response:
    """The redirect to the page that shows `state` (303: the browser fetches it with GET)."""
    return redirect(_address(_seal(request, state)))


def _seal(request: web.Request, state: QuizState) -> str:
    return request.app[QUIZ_SEALER].dump(state)


def _address(token: str) -> str:
    return "/quiz?" + urlencode({"s": token})


def _render(request: web.Request, page: QuizPage, state: QuizState) -> web.Response:
    config = request.app[CONFIG]
    theme = state.theme if state.theme in THEMES else config.theme
    template = request.app[TEMPLATES].get_template(f"{page.kind}.html")
    text = template.render(
        page=page,
        state=request.app[QUIZ_SEALER].dump(state),
        tree_title=t("quiz_title", tree=strip_control(config.tree.title)),
        lang=language(config.tree.language),
        theme=theme,
        themes={name: t("theme_" + name.replace("-", "_")) for name in THEMES},
        kiosk=False,
        forgets=False,
        go_to=HERE_GO,
        can_save=True,
        fixed_seed=_settings(request).seed is not None,
    )
    return web.Response(text=text, content_type="text/html", charset="utf-8")
