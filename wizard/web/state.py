"""A visitor's answers, carried in the page itself and signed, so the server keeps nothing.

Each page holds one hidden field, the state: the route taken so far (node id and the options
picked, step by step), the answers remembered for going forward again, the theme chosen, and
the version of the tree they were given for. It is JSON, base64url-encoded, followed by an
HMAC-SHA256 of those bytes under the server's secret. Every request checks the signature, then
replays the route through a fresh `Session`, so any process that shares the secret can serve
any visitor, and nothing of a visitor outlives their request.

What can go wrong is one of two things, each a page that starts over (never a traceback):
`Tampered` (the signature or the contents do not hold: edited, truncated, another server's)
and `Stale` (signed by us, but for a tree that has changed since, so the route may no longer
exist). A signature is compared in constant time.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from wizard.model.machine import AnswerError, Session
from wizard.model.tree import Tree

SECRET_ENV = "WIZARD_SECRET"
MAX_STATE_BYTES = 64 * 1024
"""A longer state field is refused before it is decoded (a route is a few hundred bytes)."""


class StateError(ValueError):
    """The state field cannot be used; the message is for the log, not the visitor."""


class Tampered(StateError):
    """Not signed by this server's secret, or its contents make no sense for the tree."""


class Stale(StateError):
    """Signed by this server, but for another version of the tree."""


@dataclass(frozen=True)
class State:
    """What one visitor has said so far. Empty: a visitor who has not started."""

    route: tuple[tuple[str, tuple[str, ...]], ...] = ()
    remembered: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    theme: str = ""
    started: bool = False
    issued: int = 0
    """When the page holding this state was made (seconds since the epoch): a kiosk refuses
    a state older than its idle limit, so the browser's Back button cannot bring back the
    previous visitor's answers."""

    @classmethod
    def of(cls, session: Session, remembered: Mapping[str, tuple[str, ...]],
           theme: str) -> State:
        """The state after a session's walk, with what to pre-select when going forward."""
        route = tuple((answer.node, answer.options) for answer in session.history)
        kept = dict(remembered)
        kept.update(route)
        return cls(route, kept, theme, True)


def secret_from_env() -> bytes:
    """WIZARD_SECRET (shared by every process behind one address), or a fresh random secret.

    A fresh secret means pages from before a restart are refused as tampered, which is safe.
    """
    given = os.environ.get(SECRET_ENV, "")
    return given.encode("utf-8") if given else secrets.token_bytes(32)


def tree_version(tree: Tree) -> str:
    """A short fingerprint of the tree's file (its id and version when it has no file)."""
    digest = hashlib.sha256()
    path = Path(tree.path)
    try:
        digest.update(path.read_bytes())
    except OSError:
        digest.update(f"{tree.id}\0{tree.version}".encode())
    return digest.hexdigest()[:16]


class Signer:
    """Turns a State into a signed token and back, for one tree and one secret."""

    def __init__(self, secret: bytes, version: str,
                 clock: Callable[[], float] = time.time) -> None:
        self._secret = secret
        self.version = version
        self.clock = clock

    def _mac(self, body: bytes) -> bytes:
        return hmac.new(self._secret, body, hashlib.sha256).digest()

    def dump(self, state: State) -> str:
        data = {
            "v": self.version,
            "r": [[node, list(options)] for node, options in state.route],
            "m": {node: list(options) for node, options in state.remembered.items()},
            "t": state.theme,
            "s": state.started,
            "i": int(self.clock()),
        }
        body = json.dumps(data, separators=(",", ":"), ensure_ascii=True).encode("ascii")
        return f"{_b64(body)}.{_b64(self._mac(body))}"

    def load(self, token: str) -> State:
        """The State in `token`; Tampered or Stale when it cannot be trusted or used."""
        if not token:
            return State()
        if len(token) > MAX_STATE_BYTES:
            raise Tampered("the state is too long")
        body_text, _, mac_text = token.partition(".")
        try:
            body, mac = _unb64(body_text), _unb64(mac_text)
        except (ValueError, binascii.Error):
            raise Tampered("the state is not base64") from None
        if not hmac.compare_digest(mac, self._mac(body)):
            raise Tampered("the signature does not match")
        try:
            data = json.loads(body)
            version = data["v"]
            if version != self.version:
                raise Stale(f"signed for tree version {version!r}")
            route = tuple((str(node), _ids(options)) for node, options in data["r"])
            remembered = {str(node): _ids(options) for node, options in data["m"].items()}
            return State(route, remembered, str(data["t"]), bool(data["s"]), int(data["i"]))
        except Stale:
            raise
        except (ValueError, KeyError, TypeError, AttributeError):
            raise Tampered("the state's contents are malformed") from None


def replay(tree: Tree, state: State) -> Session:
    """A Session that has walked the state's route; Tampered if the route does not fit."""
    session = Session(tree)
    for node, options in state.route:
        if session.finished or session.current.id != node:
            raise Tampered(f"the route does not pass '{node}' here")
        try:
            session.answer(options)
        except AnswerError:
            raise Tampered(f"the answer at '{node}' does not fit") from None
    return session


def _ids(options: object) -> tuple[str, ...]:
    if not isinstance(options, list) or not all(isinstance(o, str) for o in options):
        raise TypeError("options must be a list of strings")
    return tuple(options)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
