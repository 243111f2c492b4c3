"""`wizard serve --classroom`: the room predicts together, the educator reveals.

Two pages over one Room (wizard/model/classroom.py), held in this process's memory only:

- `/` for learners (a phone, through the short address or the QR code on the projector): the
  case as a plain form, POST-redirect-GET, so it works with JavaScript off; Reload and Back
  never post twice. A learner is a random token in a cookie the server makes (HttpOnly,
  SameSite=Strict): one prediction per learner per case, replaced when they change it.
- `/teach?key=KEY` for the educator (the projector): the case, the join box and the room's
  live tally; Reveal and Next. KEY is a random secret made at start and printed on the
  terminal only: learners never see it, the pages never link to it, and the access log drops
  queries and forms (wizard.web.access), so it is not in the log either. Forms post it back;
  every other caller gets "Only the educator can do this".

Bounded: a room takes at most `max_learners` learners (then "This room is full"), a form at most
MAX_FORM_BYTES, and only the case on the screen's predictions are kept. Nothing identifying a
learner is logged: the log line is method, path, status, size, time.

The same headers as the guide's pages (wizard.web.app: no-store, nosniff, no frames, a strict
Content-Security-Policy), with one addition: `connect-src 'self'`, so the small script
(static/classroom.js) can refresh the educator's tally in place and reload a learner's page
when the educator reveals or moves on.
"""

from __future__ import annotations

import hmac
import logging
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import jinja2
from aiohttp import web

from wizard.model.classroom import LEARNER, Room, RoomFull
from wizard.model.plain import strip_control
from wizard.model.quiz import QuizError
from wizard.render.words import t
from wizard.web import guard
from wizard.web.app import POLICY
from wizard.web.classroom_pages import (
    ClassPage,
    Join,
    educator_page,
    join_view,
    learner_page,
    problem_page,
    refused_words,
)
from wizard.web.pages import THEMES, language
from wizard.web.protect import Protection, protected_app, redirect

log = logging.getLogger("wizard.web")

HERE = Path(__file__).parent
CLASS_POLICY = POLICY + "; connect-src 'self'"
MAX_FORM_BYTES = 16 * 1024
"""A whole case's predictions are a few hundred bytes; anything far larger is refused (413)."""
COOKIE = "learner"
_QUESTION = re.compile(r"q([0-9]{1,2})")
_CASE = re.compile(r"[0-9]{1,5}")
_REFUSALS = frozenset({"pick_one", "pick_some", "unknown", "exclusive"})


@dataclass(frozen=True)
class ClassConfig:
    """One classroom server's settings: the join address shown, the educator's key, the look."""

    key: str
    join_address: str
    unreachable: bool = False
    theme: str = "default"
    host: str = "127.0.0.1"
    public_url: str | None = None
    secure_cookie: bool = False


CONFIG = web.AppKey("classroom_config", ClassConfig)
ROOM = web.AppKey("room", Room)
TEMPLATES = web.AppKey("classroom_templates", jinja2.Environment)
JOIN = web.AppKey("join", Join)


def make_classroom_app(room: Room, config: ClassConfig) -> web.Application:
    """The aiohttp application (used by `wizard serve --classroom` and by the tests)."""
    app = protected_app(Protection(CLASS_POLICY, guard.own_names(config.host, config.public_url),
                                   config.public_url, _problem), MAX_FORM_BYTES)
    app[ROOM] = room
    app[CONFIG] = config
    app[TEMPLATES] = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    app[TEMPLATES].globals["t"] = t
    app[JOIN] = join_view(config.join_address, config.unreachable)  # drawn once, not per poll
    app.router.add_get("/", learner)
    app.router.add_post("/predict", predict)
    app.router.add_get("/phase", phase)
    app.router.add_get("/teach", teach)
    app.router.add_post("/teach", teach_action)
    app.router.add_get("/health", health)
    app.router.add_static("/static", HERE / "static", append_version=False)
    return app


# -- learners --------------------------------------------------------------------------------
async def learner(request: web.Request) -> web.Response:
    """GET /: the case on a phone. Makes the learner's token when they have none (a cookie)."""
    room = request.app[ROOM]
    token = request.cookies.get(COOKIE, "")
    problems, note = _notes(request, room)
    page = learner_page(room, room.picks(token) if LEARNER.fullmatch(token) else {},
                        problems, note)
    response = _render(request, page)
    if not LEARNER.fullmatch(token):
        response.set_cookie(COOKIE, secrets.token_urlsafe(16), httponly=True, samesite="strict",
                            secure=request.app[CONFIG].secure_cookie, path="/")
    return response


def _notes(request: web.Request, room: Room) -> tuple[dict[int, str], str]:
    """The refusals a redirect names (`?refused=2-exclusive`, our own words only) and whether
    the last prediction came too late (`?late=1`)."""
    problems: dict[int, str] = {}
    case = room.case
    for item in request.query.getall("refused", [])[:8]:
        number, _, reason = item.partition("-")
        if (number.isdigit() and case is not None and int(number) < len(case.questions)
                and reason in _REFUSALS):
            problems[int(number)] = refused_words(QuizError(reason))
    return problems, t("class_stale") if request.query.get("late") == "1" else ""


async def predict(request: web.Request) -> web.Response:
    """POST /predict: this learner's predictions for the case their page showed; then the
    learner's page again (naming any question whose answer could not be taken)."""
    room = request.app[ROOM]
    form = await request.post()
    token = request.cookies.get(COOKIE, "")
    if not LEARNER.fullmatch(token):
        return _problem(request, 400, "class_cookie_title", "class_cookie_text")
    case = str(form.get("case", ""))
    if not _CASE.fullmatch(case):
        return _problem(request, 400, "web_unusable_request", "web_from_the_beginning")
    case_index = int(case)
    picked: dict[int, list[str]] = {}
    for name, value in form.items():
        found = _QUESTION.fullmatch(name)
        if found and isinstance(value, str):
            picked.setdefault(int(found.group(1)), []).append(value)
    try:
        refused = room.predict(token, case_index, picked)
    except QuizError:
        return redirect("/?" + urlencode({"late": "1"}))
    except RoomFull:
        return _problem(request, 503, "class_full_title", "class_full_text",
                        count=str(room.max_learners))
    if refused:
        query = urlencode([("refused", f"{n}-{e.reason}") for n, e in sorted(refused.items())])
        return redirect(f"/?{query}#q{min(refused)}")
    return redirect("/")


async def phase(request: web.Request) -> web.Response:
    """GET /phase: which case is on the screen and whether it is revealed, for the learner's
    script to know when to reload (nothing else: no tally, no answers)."""
    return web.Response(text=request.app[ROOM].phase, content_type="text/plain")


# -- the educator ----------------------------------------------------------------------------
def _is_educator(request: web.Request, key: str) -> bool:
    return hmac.compare_digest(key.encode("utf-8", "replace"),
                               request.app[CONFIG].key.encode("utf-8"))


async def teach(request: web.Request) -> web.Response:
    """GET /teach?key=KEY: the projector's page."""
    if not _is_educator(request, request.query.get("key", "")):
        return _problem(request, 403, "class_not_educator_title", "class_not_educator_text")
    page = educator_page(request.app[ROOM], request.app[JOIN])
    return _render(request, page, teach_address=_teach_address(request.app[CONFIG]))


async def teach_action(request: web.Request) -> web.Response:
    """POST /teach: Reveal or Next, only with the key, and only for the phase the educator's
    page showed (a double click on Next moves one case, not two)."""
    form = await request.post()
    if not _is_educator(request, str(form.get("key", ""))):
        return _problem(request, 403, "class_not_educator_title", "class_not_educator_text")
    room = request.app[ROOM]
    if str(form.get("phase", "")) == room.phase:
        action = form.get("do")
        if action == "reveal":
            room.reveal()
        elif action == "next" and room.revealed:
            room.next_case()
    return redirect(_teach_address(request.app[CONFIG]))


def _teach_address(config: ClassConfig) -> str:
    return "/teach?" + urlencode({"key": config.key})


async def health(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok", "phase": request.app[ROOM].phase})


# -- helpers ---------------------------------------------------------------------------------
def _problem(request: web.Request, status: int, heading: str, text: str,
             **blanks: str) -> web.Response:
    response = _render(request, problem_page(t(heading), t(text, **blanks)))
    response.set_status(status)
    return response


def _render(request: web.Request, page: ClassPage, teach_address: str = "") -> web.Response:
    config = request.app[CONFIG]
    room = request.app[ROOM]
    template = request.app[TEMPLATES].get_template(f"classroom_{page.kind}.html")
    text = template.render(
        page=page,
        key=config.key if teach_address else "",
        watch=teach_address or ("/phase" if page.kind == "learner" else ""),
        live="live" if teach_address else "",
        lang=language(room.quiz.tree.language),
        theme=config.theme if config.theme in THEMES else "default",
        tree_title=strip_control(room.quiz.tree.title),
        draft=t("draft_translation") if room.quiz.tree.translation == "draft" else "",
    )
    return web.Response(text=text, content_type="text/html", charset="utf-8")
