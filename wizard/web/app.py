"""`wizard serve`: the guide as plain web pages, one per question, for every browser.

Why server-rendered pages: a screen reader, a keyboard, a browser with JavaScript off and a
printer all understand HTML forms. Each question is a form (fieldset and legend, radio buttons
or checkboxes with labels and hints); an urgent answer gives a page whose alert
(`role="alert"`) screen readers announce; the summary is the one outline rendered by the HTML
renderer. The one script (static/enhance.js) only turns "Print" into the browser's print
dialog; without it the button gives a printable page. After the summary, teach-back ("Check
what you understood") asks the tree's questions one page at a time: the model decides
(wizard/model/teach_back.py), the state carries how far (wizard.web.state.Teaching).

Why aiohttp and Jinja2: both already come with textual-serve (the terminal mode), are well
kept, and Jinja2's autoescape makes every value text unless marked otherwise, which is what
tree text must be. No visitor state lives here: see wizard.web.state. Every response says
`Cache-Control: no-store` (a kiosk's next visitor must not find the last one's pages in the
cache) and carries a Content-Security-Policy that allows only this server's own stylesheet
and script and forbids frames, plugins and posting anywhere else.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlencode

import jinja2
from aiohttp import web

from wizard.model.machine import AnswerError, Session
from wizard.model.plain import strip_control
from wizard.model.replay import change_answer, left_out
from wizard.model.sealed import tree_version
from wizard.model.takehome import TakeHome
from wizard.model.teach_back import teach_back_for
from wizard.model.tree import Tree
from wizard.render.html import render_html
from wizard.render.kiosk import COUNTDOWN, IDLE_TIMEOUT
from wizard.render.markdown import render_markdown
from wizard.render.printing import Printer
from wizard.render.text import render_text
from wizard.render.words import refusal, t
from wizard.web import guard
from wizard.web.pages import (
    DEFAULT_THEME,
    THEMES,
    Page,
    TakeHomeView,
    check_page,
    confirm_restart_page,
    language,
    print_page,
    problem_page,
    question_page,
    red_flag_page,
    summary_page,
    take_home_view,
    teach_back_page,
    welcome_page,
)
from wizard.web.protect import Protection, loggable, protected_app, redirect
from wizard.web.quiz_state import QuizSettings
from wizard.web.state import (
    DAY,
    Ended,
    Expired,
    Sealer,
    Stale,
    State,
    StateError,
    Teaching,
    new_visitor,
    replay,
    teach_run,
)

log = logging.getLogger("wizard.web")

HERE = Path(__file__).parent
POLICY = ("default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
          "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
MAX_FORM_BYTES = 128 * 1024
KIOSK_CSS = ".still-there {{ animation-delay: {seconds}s; }}\n"
_FILE_STEM = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True)
class WebConfig:
    """One server's settings; everything a page depends on apart from the visitor's state."""

    tree: Tree
    secret: bytes
    kiosk: bool = False
    idle_timeout: float = IDLE_TIMEOUT
    countdown: float = COUNTDOWN
    print_command: str | None = None
    theme: str = DEFAULT_THEME
    host: str = "127.0.0.1"
    public_url: str | None = None
    version: str = ""
    clock: Callable[[], float] = field(default=time.time)
    quiz: QuizSettings | None = None
    """`serve --quiz`: the case quiz's pages (wizard/web/quiz_pages.py) instead of the guide's."""

    @property
    def can_save(self) -> bool:
        return not self.kiosk

    @property
    def lifetime(self) -> float:
        """How long a page's address opens: a kiosk's idle time and countdown (then the screen
        is cleared anyway), else a day."""
        return self.idle_timeout + self.countdown if self.kiosk else DAY


CONFIG = web.AppKey("config", WebConfig)
SEALER = web.AppKey("sealer", Sealer)
TEMPLATES = web.AppKey("templates", jinja2.Environment)
TAKE_HOME = web.AppKey("take_home", TakeHome)
PRINTER = web.AppKey("printer", Printer)


def make_app(config: WebConfig) -> web.Application:
    """The aiohttp application (used by `wizard serve` and by the tests)."""
    app = protected_app(Protection(POLICY, guard.own_names(config.host, config.public_url),
                                   config.public_url, problem), MAX_FORM_BYTES)
    app[CONFIG] = config
    app[SEALER] = Sealer(config.secret, config.version or tree_version(config.tree),
                         config.clock, config.lifetime, config.kiosk)
    app[TAKE_HOME] = TakeHome(config.secret, config.tree, app[SEALER].version, config.clock)
    app[TEMPLATES] = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    app[TEMPLATES].globals["t"] = t  # the vocabulary, in the language being spoken
    if config.print_command:
        app[PRINTER] = Printer(config.print_command, config.clock)
    app.router.add_static("/static", HERE / "static", append_version=False)
    if config.quiz is not None:  # `serve --quiz`: the quiz's pages instead of the guide's
        from wizard.web.quiz_pages import add_quiz_routes  # it draws on this module

        add_quiz_routes(app, config.quiz)
        return app
    app.router.add_get("/", welcome)
    app.router.add_get("/page", show)
    app.router.add_post("/go", go)
    app.router.add_get("/print", printable)
    app.router.add_get("/reset", reset)
    app.router.add_post("/save", save)
    app.router.add_post("/print", print_summary)
    app.router.add_get("/kiosk.css", kiosk_css)
    app.router.add_get("/health", health)
    app.router.add_get("/h/{code}", take_home)
    return app


# -- handlers --------------------------------------------------------------------------------
async def welcome(request: web.Request) -> web.Response:
    config = request.app[CONFIG]
    theme = request.query.get("theme", "")
    state = State(theme=theme if theme in THEMES else "")
    return _render(request, welcome_page(Session(config.tree)), state)


async def reset(request: web.Request) -> web.Response:
    """GET /reset?s=TOKEN: the kiosk's idle reset (the script's timer, or the <noscript>
    refresh, which can only GET). It ends the visit as "I'm done" does, so Back or Reload after
    it finds "This session was cleared", not the last visitor's page; then the welcome page."""
    try:
        state = request.app[SEALER].load(request.query.get("s", ""))
    except StateError:  # expired, ended or not a state: nothing left to end
        pass
    else:
        request.app[SEALER].end(state.visitor)
    return redirect("/")


async def show(request: web.Request) -> web.Response:
    """GET /page?s=TOKEN: the page the token names. Every form's answer leads here, so the
    browser's history holds only addresses it can load again (see wizard.web.state)."""
    loaded = _load(request, request.query.get("s", ""))
    if isinstance(loaded, web.Response):
        return loaded
    state, session = loaded
    return _render(request, _page(request, state, session), state.showing(""))


def _page(request: web.Request, state: State, session: Session) -> Page:
    """The page a state shows (its view), for the session it replays to."""
    if not state.started:
        return welcome_page(session)
    if state.view == "restart":
        return confirm_restart_page()
    if state.teaching is not None and session.finished:
        summary = session.summary()
        error = t("refuse_pick_one") if state.view == "error" else ""
        return teach_back_page(summary, teach_run(session, state.teaching), error)
    if state.view == "flag":
        return red_flag_page(tuple(session.tree.red_flags[flag] for flag in state.shown
                                   if flag in session.tree.red_flags))
    if state.changing:  # the question being changed, as it was answered
        asked = session.fork()
        if asked.go_to(state.changing):
            session = asked
    if state.view == "error" and not session.finished:
        try:
            session.fork().answer(state.shown)
        except AnswerError as error:
            return question_page(session, state.shown, strip_control(refusal(error)))
        return question_page(session, state.shown)
    if state.view == "check" and session.finished:
        sealer = request.app[SEALER]
        base = replace(state.showing(""), earlier=())

        def change(node: str) -> str:
            return _address(sealer.dump(replace(base, changing=node)))

        return check_page(session, state.shown, change)
    if session.finished:
        return summary_page(session, state.note)
    return question_page(session, session.preselected
                         or state.remembered.get(session.current.id, ()))


async def go(request: web.Request) -> web.Response:
    """Every step: start, answer, back, continue, change an answer, check the answers, change
    theme, "still here", start over. Each answers with a redirect to the next page's address
    (POST-redirect-GET)."""
    form = await request.post()
    loaded = _load(request, str(form.get("state", "")))
    if isinstance(loaded, web.Response):
        return loaded
    state, session = loaded
    action = str(form.get("do", ""))
    picked = tuple(str(v) for v in form.getall("option", []))
    theme = str(form.get("theme", ""))
    if action == "theme" and theme in THEMES:
        state = replace(state, theme=theme)
    if action == "restart" and state.started:
        return _see(request, State.of(session, state).showing("restart"))
    if action in ("clear", "done", "restart"):
        request.app[SEALER].end(state.visitor)
        return redirect("/?" + urlencode({"theme": state.theme}) if state.theme else "/")
    if state.teaching is not None or action == "teach":
        return _see(request, _taught(session, state, action, picked))
    if action == "start":
        state = State(theme=state.theme, started=True, visitor=new_visitor())
        session = Session(session.tree)
    if not state.started:
        return _see(request, State(theme=state.theme))
    if state.changing and action in ("answer", "back"):
        return _see(request, _changed(session, state, picked, action))
    after = State.of(session, state)
    if action == "answer" and not session.finished:
        try:
            raised = session.answer(picked)
        except AnswerError:
            return _see(request, after.showing("error", picked))
        after = State.of(session, state)
        if raised:
            return _see(request, after.showing("flag", tuple(flag.id for flag in raised)))
    elif action == "back":
        session.back()
        after = State.of(session, state)
    if session.finished and action in ("answer", "continue", "check"):
        return _see(request, _checking(session, after))
    return _see(request, after)


def _taught(session: Session, state: State, action: str, picked: tuple[str, ...]) -> State:
    """Teach-back, after the summary: "teach" begins it, "teach_answer" answers the question
    (wizard/model/teach_back.py decides; nothing picked asks again), "summary" leaves it; the
    theme and "still here" keep the page. Only on a finished route whose tree asks about it."""
    summary = session.summary() if session.finished else None
    questions = teach_back_for(summary) if summary is not None else ()
    if not questions or action == "summary":
        return replace(state, teaching=None).showing("")
    if action == "teach":
        return replace(state, teaching=Teaching()).showing("")
    if action != "teach_answer" or state.teaching is None:
        return state.showing("")
    run = teach_run(session, state.teaching)
    if len(picked) != 1:
        return state.showing("error")
    run.answer(picked[0])
    return replace(state, teaching=Teaching.of(run)).showing("")


def _changed(session: Session, state: State, picked: tuple[str, ...], action: str) -> State:
    """After the page changing one answer: back to "Check your answers" (Back, or the new
    answer kept with every other answer that still fits), or on to a question the new answer
    leads to that was never answered."""
    if action == "back":
        return _checking(session, replace(State.of(session, state), earlier=()))
    try:
        changed = change_answer(session, state.changing, picked)
    except AnswerError:
        return replace(state, route=state.route).showing("error", picked)
    earlier = tuple(answer.node for answer in session.history)
    after = replace(State.of(changed.session, state), earlier=earlier)
    if changed.raised:
        return after.showing("flag", tuple(flag.id for flag in changed.raised))
    if changed.session.finished:
        return _checking(changed.session, after)
    return after


def _checking(session: Session, state: State) -> State:
    """"Check your answers", naming the earlier answers that no longer fit (then forgotten)."""
    return replace(state, earlier=(), changing="").showing(
        "check", left_out(session, state.earlier))


async def save(request: web.Request) -> web.Response:
    """The summary as a download: Markdown, a standalone HTML page, or the answers as a FHIR
    QuestionnaireResponse for a health record (not at a kiosk)."""
    config = request.app[CONFIG]
    form = await request.post()
    loaded = _load(request, str(form.get("state", "")))
    if isinstance(loaded, web.Response):
        return loaded
    _, session = loaded
    if not config.can_save:
        return problem(request, 403, "web_no_saving", "web_no_saving_text")
    summary = session.summary()
    stem = _FILE_STEM.sub("-", summary.tree.id).strip("-") or "guide"
    if form.get("format") == "html":
        body, kind, name = render_html(summary), "text/html", f"{stem}-summary.html"
    elif form.get("format") == "fhir":
        from wizard.render.fhir import render_response

        body, kind, name = render_response(summary), "application/fhir+json", (
            f"{stem}-summary.fhir.json"
        )
    else:
        body, kind, name = render_markdown(summary), "text/markdown", f"{stem}-summary.md"
    return web.Response(
        text=body, content_type=kind, charset="utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


async def print_summary(request: web.Request) -> web.Response:
    """With `--print-command`: send the summary to the printer and say how it went.
    Without: the summary as a page of its own, ready for the browser's Print."""
    config = request.app[CONFIG]
    form = await request.post()
    loaded = _load(request, str(form.get("state", "")))
    if isinstance(loaded, web.Response):
        return loaded
    state, session = loaded
    if not config.print_command:
        return _render(request, print_page(session), state)
    # One job per visit at a time (its sealed visit id; outside a kiosk, per address), and
    # the printer's limit per minute for everyone: 200 requests are not 200 jobs.
    visitor = state.visitor or (request.remote or "")
    printed = render_text(session.summary(), page_break=True)  # the details on a new sheet
    outcome = await request.app[PRINTER].send(visitor, printed)
    return _see(request, state.showing("", note=outcome.message))


async def printable(request: web.Request) -> web.Response:
    """GET /print?s=TOKEN: the summary as a page of its own, ready for the browser's Print."""
    loaded = _load(request, request.query.get("s", ""))
    if isinstance(loaded, web.Response):
        return loaded
    state, session = loaded
    return _render(request, print_page(session), state)


async def take_home(request: web.Request) -> web.Response:
    """GET /h/CODE: the summary a take-home code holds (wizard.model.takehome), as a visitor's
    own summary page from here on."""
    try:
        session = request.app[TAKE_HOME].session(request.match_info["code"])
    except Stale:
        return problem(request, 409, "web_updated", "web_updated_text")
    except Expired:
        return problem(request, 410, "web_code_expired", "web_code_expired_text")
    except StateError as error:
        log.info("refused a take-home code: %s", loggable(str(error)))
        return problem(request, 400, "web_bad_code", "web_bad_code_text")
    state = State.of(session, State(started=True, visitor=new_visitor()))
    return _render(request, summary_page(session), state)


async def health(request: web.Request) -> web.Response:
    """For load balancers and process managers: 200 while this process serves pages, with the
    tree's id and the version its pages are sealed for (every process behind one address must
    say the same, or a visitor moving between them is told the guide was updated)."""
    config = request.app[CONFIG]
    return web.json_response({"status": "ok", "tree": config.tree.id,
                              "version": request.app[SEALER].version})


async def kiosk_css(request: web.Request) -> web.Response:
    """When the "Still there?" warning shows: after the kiosk's idle time, without a script."""
    seconds = request.app[CONFIG].idle_timeout
    css = KIOSK_CSS.format(seconds=f"{seconds:.0f}")
    return web.Response(text=css, content_type="text/css")


# -- helpers ---------------------------------------------------------------------------------
def _load(request: web.Request, token: str) -> tuple[State, Session] | web.Response:
    """The visitor's state and session, or the page that starts over."""
    config = request.app[CONFIG]
    try:
        state = request.app[SEALER].load(token)
        session = replay(config.tree, state)
        if state.teaching is not None:
            teach_run(session, state.teaching)  # Tampered when the progress does not fit
        return state, session
    except Stale:
        return problem(request, 409, "web_updated", "web_updated_text")
    except (Expired, Ended):
        if config.kiosk:
            return problem(request, 410, "web_cleared", "web_cleared_text")
        return problem(request, 410, "web_expired", "web_expired_text")
    except StateError as error:
        log.info("refused a state: %s", loggable(str(error)))
        if config.kiosk:  # an earlier epoch's page (a restart) is as cleared as any other
            return problem(request, 410, "web_cleared", "web_cleared_text")
        return problem(request, 400, "web_bad_page", "web_bad_page_text")


def _see(request: web.Request, state: State) -> web.Response:
    """The redirect to the page that shows `state` (303: the browser fetches it with GET)."""
    return redirect(_address(request.app[SEALER].dump(state)))


def _address(token: str) -> str:
    return "/page?" + urlencode({"s": token})


def problem(request: web.Request, status: int, heading: str, text: str) -> web.Response:
    """A page for a request that cannot be answered: `heading` and `text` are vocabulary keys."""
    response = _render(request, problem_page(t(heading), t(text)), State())
    response.set_status(status)
    return response


def _render(request: web.Request, page: Page, state: State) -> web.Response:
    config = request.app[CONFIG]
    theme = state.theme if state.theme in THEMES else config.theme
    template = request.app[TEMPLATES].get_template(f"{page.kind}.html")
    text = template.render(
        page=page,
        state=request.app[SEALER].dump(state),
        tree_title=page.heading if page.kind == "welcome" else _title(config.tree),
        lang=language(config.tree.language),
        theme=theme,
        themes={name: t("theme_" + name.replace("-", "_")) for name in THEMES},
        kiosk=config.kiosk,
        can_save=config.can_save,
        printer=bool(config.print_command),
        idle=int(config.idle_timeout),
        idle_refresh=int(config.idle_timeout + config.countdown),
        countdown_words=t("countdown_one" if int(config.countdown) == 1 else "countdown",
                          seconds=str(int(config.countdown))),
        forgets=config.kiosk and (state.started or bool(state.theme)),
        take_home=_take_home(request, page, state),
        go_to="/quiz/go" if config.quiz else "/go",
    )
    return web.Response(text=text, content_type="text/html", charset="utf-8")


def _take_home(request: web.Request, page: Page, state: State) -> TakeHomeView | None:
    """On a kiosk's summary, when phones can reach this guide (`--public-url`): the code and
    a QR code of its address."""
    config = request.app[CONFIG]
    if page.kind != "summary" or not config.kiosk or not config.public_url:
        return None
    session = replay(config.tree, state)
    return take_home_view(*request.app[TAKE_HOME].link(session, config.public_url))


def _title(tree: Tree) -> str:
    return strip_control(tree.title)
