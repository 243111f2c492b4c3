"""A visitor's answers, carried in the page's address and forms, sealed, so the server keeps
nothing and the browser's Back and Forward buttons work.

Each page's address is `/page?s=TOKEN`, and its forms carry the same kind of token: the route
taken so far (node id and the options picked, step by step), the answers remembered for going
forward again, the theme chosen, the version of the tree they were given for, and what the page
shows (the question, an urgent alert just raised, or an answer refused with the options that
were picked). Every form posts to the server, which answers with a redirect to the next page's
address (POST-redirect-GET), so the browser's history holds only addresses it can load again:
Back and Forward never ask "Confirm form resubmission", and Reload never re-posts a form.

Why encrypted, not only signed: the token is in an address, and addresses end up in browser
history, proxy logs and screenshots. Sealed with Fernet (the `cryptography` package: AES-128-CBC
and HMAC-SHA256 with a timestamp, url-safe text), nobody who sees only the address can read the
answers, and none can be forged or changed. Fernet rather than raw AES-GCM because it carries
its own issue time, checked on the way in (an expiring token with no clock of ours in the
payload), picks its own IVs (no nonce to get wrong across several processes), and is already
url-safe text. The JSON is zlib-compressed first, so a whole route stays a few hundred
characters. The key is derived (HKDF-SHA256) from `WIZARD_SECRET`, so every process that shares
the secret can serve any visitor's next page, and a restart loses nobody's answers.

A kiosk adds two things, so Back can never show a previous visitor's answers: a random epoch made
when the process starts goes into the key (a restart ends every visit), and each visit has a
random id that "I'm done" or "Start over" ends (`Sealer.end`): pages of an ended visit no longer
open. Ended ids are kept only as long as the visit's pages could still open anyway (a kiosk's
tokens expire after its idle time and countdown), so this is bounded and holds no answers.

After the summary a visitor may check what they understood (teach-back,
wizard/model/teach_back.py): where they are in it (`Teaching`: the question, whether it was
answered wrongly, which were right first time) travels in the token too, so Back, Reload and a
kiosk's wipe treat it like every other answer. A token from before teach-back existed has no
such field and loads as not teaching.

What can go wrong is one of four things, each a page that says so (never a traceback):
`Tampered` (not sealed with our key: edited, truncated, another server's, or an earlier kiosk
epoch), `Stale` (ours, but for a tree that has changed since), `Expired` (older than its
lifetime) and `Ended` (a kiosk visit someone finished).
"""

from __future__ import annotations

import base64
import json
import secrets
import time
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from wizard.model.machine import AnswerError, OffRoute, Session
from wizard.model.machine import replay as replay_route
from wizard.model.sealed import DAY as DAY  # re-exported: the pages read them from here too
from wizard.model.sealed import Expired as Expired
from wizard.model.sealed import Stale as Stale
from wizard.model.sealed import StateError as StateError
from wizard.model.sealed import Tampered as Tampered
from wizard.model.sealed import shared_secret
from wizard.model.teach_back import TeachBackRun, teach_back_for
from wizard.model.tree import TeachBack, Tree

MAX_STATE_BYTES = 16 * 1024
"""A longer token is refused before it is decoded (a whole route is a few hundred bytes)."""
MAX_PAYLOAD_BYTES = 256 * 1024
"""What a token may inflate to; ours never come near (a defence against our own bugs only:
a token that is not ours never reaches the decompressor)."""
CLOCK_SLACK = 3600.0
"""How far in the future a token's time may be (a server clock set back) before it is refused:
a token dated years ahead would otherwise never expire."""
MAX_ENDED = 10_000
"""Kiosk visits remembered as ended; beyond this the epoch changes and every visit ends (safe)."""

View = Literal["", "flag", "error", "restart", "check"]


_VIEWS: dict[object, View] = {"flag": "flag", "error": "error", "restart": "restart",
                               "check": "check"}


@dataclass(frozen=True)
class Teaching:
    """Where a visitor is in teach-back: the fields of a TeachBackRun, without its questions
    (they follow from the route: `teach_back_for` of its summary)."""

    index: int = 0
    missed: bool = False
    first_try: tuple[bool, ...] = ()

    @classmethod
    def of(cls, run: TeachBackRun) -> Teaching:
        return cls(run.index, run.missed, tuple(run.first_try))

    def run(self, questions: tuple[TeachBack, ...]) -> TeachBackRun:
        """The run for these questions; Tampered when this progress cannot belong to them."""
        if not 0 <= self.index <= len(questions) or len(self.first_try) != self.index:
            raise Tampered("the teach-back progress does not fit these questions")
        if self.missed and self.index == len(questions):
            raise Tampered("the teach-back progress does not fit these questions")
        return TeachBackRun(questions, self.index, self.missed, list(self.first_try))


class Ended(StateError):
    """A kiosk visit that "I'm done" or "Start over" finished."""


@dataclass(frozen=True)
class State:
    """What one visitor has said so far, and what their page shows. Empty: not started."""

    route: tuple[tuple[str, tuple[str, ...]], ...] = ()
    remembered: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    theme: str = ""
    started: bool = False
    issued: int = 0
    """When the token was sealed (seconds since the epoch), read back from the token."""
    visitor: str = ""
    """A random id given at Start: what a kiosk's "I'm done" ends."""
    view: View = ""
    """"": the current step; "flag": the alert for the flags in `shown`; "error": the current
    question with the options in `shown` refused; "restart": "Start over?" asked first;
    "check": "Check your answers", `shown` naming the questions whose answers no longer fit."""
    shown: tuple[str, ...] = ()
    note: str = ""
    """A sentence for the summary (how printing went)."""
    changing: str = ""
    """The question being changed from "Check your answers" (its page shows; answering it
    keeps the other answers that still fit and comes back)."""
    earlier: tuple[str, ...] = ()
    """The questions answered before the last change, until the route is finished again and
    "Check your answers" can say which of them no longer fit."""
    teaching: Teaching | None = None
    """Checking what they understood of the summary (teach-back), and how far; None: not."""

    @classmethod
    def of(cls, session: Session, before: State) -> State:
        """The state after a session's walk, keeping what to pre-select when going forward,
        the theme and the visit of `before`; it shows the current step."""
        route = tuple((answer.node, answer.options) for answer in session.history)
        kept = dict(before.remembered)
        kept.update(route)
        return cls(route, kept, before.theme, True, visitor=before.visitor,
                   earlier=before.earlier)

    def showing(self, view: View, shown: tuple[str, ...] = (), note: str = "") -> State:
        return replace(self, view=view, shown=shown, note=note)


def new_visitor() -> str:
    return secrets.token_urlsafe(12)


def secret_from_env() -> bytes:
    """WIZARD_SECRET (shared by every process behind one address), or a fresh random secret.

    A fresh secret means pages from before a restart are refused as tampered, which is safe.
    """
    return shared_secret() or secrets.token_bytes(32)


def _fernet(secret: bytes, epoch: bytes) -> Fernet:
    return derive_fernet(secret, b"page state" + epoch)


def derive_fernet(secret: bytes, purpose: bytes) -> Fernet:
    """The Fernet key for one kind of sealed state: `purpose` keeps kinds apart (a guide's page
    never opens as a quiz's, wizard/web/quiz_state.py), and may carry a process's epoch."""
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"triage-wizard/state",
               info=purpose).derive(secret)
    return Fernet(base64.urlsafe_b64encode(key))


def seal(fernet: Fernet, data: object, now: float) -> str:
    """`data` as compressed JSON, sealed with its issue time, as url-safe text."""
    body = json.dumps(data, separators=(",", ":"), ensure_ascii=True).encode("ascii")
    return fernet.encrypt_at_time(zlib.compress(body, 9), int(now)).decode("ascii").rstrip("=")


def unseal(fernet: Fernet, token: str, now: float, lifetime: float) -> tuple[Any, int]:
    """The JSON a token holds and when it was sealed; Tampered or Expired when it cannot be
    used (too long, not ours, dated ahead, not JSON), checked in that order."""
    if len(token) > MAX_STATE_BYTES:
        raise Tampered("the state is too long")
    try:
        sealed = (token + "=" * (-len(token) % 4)).encode("ascii")
        packed = fernet.decrypt(sealed)
        issued = fernet.extract_timestamp(sealed)
    except (InvalidToken, UnicodeEncodeError, ValueError):
        raise Tampered("the state is not sealed with this server's key") from None
    if now - issued >= lifetime:
        raise Expired(f"sealed {now - issued:.0f} s ago")
    if issued - now > CLOCK_SLACK:
        raise Tampered("the state is dated in the future")
    try:
        return json.loads(zlib.decompressobj().decompress(packed, MAX_PAYLOAD_BYTES)), issued
    except (ValueError, zlib.error):
        raise Tampered("the state's contents are malformed") from None


class Sealer:
    """Turns a State into a sealed token and back, for one tree and one secret.

    `lifetime`: seconds a token opens for. `kiosk`: a random epoch in the key, and visits that
    can be ended (see the module docstring).
    """

    def __init__(self, secret: bytes, version: str, clock: Callable[[], float] = time.time,
                 lifetime: float = DAY, kiosk: bool = False) -> None:
        self._secret = secret
        self.version = version
        self.clock = clock
        self.lifetime = lifetime
        self.kiosk = kiosk
        self._ended: dict[str, float] = {}
        self._fernet = _fernet(secret, self._new_epoch())

    def _new_epoch(self) -> bytes:
        return secrets.token_bytes(16) if self.kiosk else b""

    def dump(self, state: State) -> str:
        data: dict[str, object] = {
            "v": self.version,
            "r": [[node, list(options)] for node, options in state.route],
            "m": {node: list(options) for node, options in state.remembered.items()},
            "t": state.theme,
            "s": state.started,
            "k": state.visitor,
            "w": state.view,
            "o": list(state.shown),
            "n": state.note,
            "c": state.changing,
            "e": list(state.earlier),
        }
        if state.teaching is not None:  # only then: every other page's token stays as it was
            data["b"] = _teaching_data(state.teaching)
        return seal(self._fernet, data, self.clock())

    def load(self, token: str) -> State:
        """The State in `token`; Tampered, Stale, Expired or Ended when it cannot be used."""
        if not token:
            return State()
        data, issued = unseal(self._fernet, token, self.clock(), self.lifetime)
        try:
            version = data["v"]
            if version != self.version:
                raise Stale(f"sealed for tree version {_text(version)[:40]!r}")
            route = tuple((_text(node), _ids(options)) for node, options in data["r"])
            remembered = {_text(node): _ids(options) for node, options in data["m"].items()}
            view = _VIEWS.get(_text(data["w"]), "")
            if not isinstance(data["s"], bool):
                raise TypeError("'started' must be true or false")
            state = State(route, remembered, _text(data["t"]), data["s"], issued,
                          _text(data["k"]), view, _ids(data["o"]), _text(data["n"]),
                          _text(data["c"]), _ids(data["e"]), _teaching(data.get("b")))
        except Stale:
            raise
        except (ValueError, KeyError, TypeError, AttributeError, zlib.error):
            raise Tampered("the state's contents are malformed") from None
        if state.visitor and state.visitor in self._ended:
            raise Ended("this kiosk visit was ended")
        return state

    def end(self, visitor: str) -> None:
        """A kiosk visit is over: its pages no longer open (nothing to do elsewhere)."""
        if not self.kiosk or not visitor:
            return
        now = self.clock()
        self._ended = {v: at for v, at in self._ended.items() if now - at < self.lifetime}
        if len(self._ended) >= MAX_ENDED:
            self._ended = {}
            self._fernet = _fernet(self._secret, self._new_epoch())
        self._ended[visitor] = now


def replay(tree: Tree, state: State) -> Session:
    """A Session that has walked the state's route; Tampered if the route does not fit."""
    try:
        return replay_route(tree, state.route)
    except OffRoute as error:
        raise Tampered(f"the route does not pass '{error.node}' here") from None
    except AnswerError as error:
        raise Tampered(f"the answer at '{error.node}' does not fit") from None


def teach_run(session: Session, teaching: Teaching) -> TeachBackRun:
    """The teach-back run a state's progress stands for, on the summary its route ends in;
    Tampered when the route is not finished or the progress does not fit its questions."""
    if not session.finished:
        raise Tampered("teach-back before the end of the route")
    return teaching.run(teach_back_for(session.summary()))


def _text(value: object) -> str:
    """A field that must be a string (a number, however long, is a malformed state)."""
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value


def _ids(options: object) -> tuple[str, ...]:
    if not isinstance(options, list) or not all(isinstance(o, str) for o in options):
        raise TypeError("options must be a list of strings")
    return tuple(options)


def _teaching_data(teaching: Teaching) -> list[object]:
    return [teaching.index, teaching.missed, list(teaching.first_try)]


def _teaching(data: object) -> Teaching | None:
    """The teach-back progress of a token: absent or null (an older token too) is none."""
    if data is None:
        return None
    if not isinstance(data, list) or len(data) != 3:
        raise TypeError("teach-back progress must be a list of three")
    index, missed, first_try = data
    if not isinstance(index, int) or isinstance(index, bool) or not isinstance(missed, bool):
        raise TypeError("teach-back progress must be a number and true or false")
    if not isinstance(first_try, list) or not all(isinstance(f, bool) for f in first_try):
        raise TypeError("teach-back answers must be true or false")
    return Teaching(index, missed, tuple(first_try))
