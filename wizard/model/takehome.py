"""Take the summary home without storing it: a short code, and a QR code of an address that
holds it, that open the same summary on a phone through the clinic's `wizard serve`.

Nothing is stored anywhere: the code *is* the answers, sealed. It holds the tree's version (two
bytes of its fingerprint), the hour it was made, and each answer of the route as a bit mask over
that question's options (a few bytes for a whole route), sealed with AES-SIV (the
`cryptography` package) under a key derived from WIZARD_SECRET for this use only. AES-SIV
because it needs no nonce to carry (the code stays short: 16 bytes of tag, no IV) and, with the
hour inside, sealing the same answers twice in one hour gives the same code, which tells
nobody anything they could not see on the screen. Anyone who sees only the code, or the address
in a log, learns nothing of the answers; a changed code does not open; a code older than its
lifetime (a day) or made for another edition of the tree is refused with a sentence.

Written in Crockford's base32 (no I, L, O or U; case and dashes ignored) in groups of five, so it
can be typed from paper: `wizard serve` opens `/h/<code>`. Made here, below the front ends, so
the web kiosk and the terminal kiosk (`wizard run --kiosk --public-url`) make the same codes
and addresses, and any `wizard serve` sharing WIZARD_SECRET and the tree's file opens them.
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable, Iterator

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESSIV
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from wizard.model.machine import AnswerError, Mode, OffRoute, Session
from wizard.model.sealed import DAY, Expired, Stale, Tampered
from wizard.model.tree import Tree

_RFC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_TO_CROCKFORD = str.maketrans(_RFC, _CROCKFORD)
_FROM_CROCKFORD = str.maketrans(_CROCKFORD, _RFC)
MAX_CODE = 200
"""Characters: a longer code is refused before it is decoded."""


class TakeHome:
    """Codes for one tree and one secret (every process sharing the secret reads them)."""

    def __init__(self, secret: bytes, tree: Tree, version: str,
                 clock: Callable[[], float] = time.time, lifetime: float = DAY) -> None:
        key = HKDF(algorithm=hashes.SHA256(), length=64, salt=b"triage-wizard/take-home",
                   info=b"summary code").derive(secret)
        self._siv = AESSIV(key)
        self.tree = tree
        self._edition = bytes.fromhex(version[:4].rjust(4, "0"))
        self.clock = clock
        self.lifetime = lifetime

    def code(self, session: Session) -> str:
        """The code for a session's answers, in groups of five."""
        body = bytearray(self._edition)
        body += int(self.clock() // 3600).to_bytes(3, "big")
        for answer in session.history:
            options = self.tree.nodes[answer.node].options
            body += _varint(sum(1 << i for i, o in enumerate(options) if o.id in answer.options))
        sealed = self._siv.encrypt(bytes(body), None)
        text = base64.b32encode(sealed).decode("ascii").rstrip("=").translate(_TO_CROCKFORD)
        return "-".join(text[i:i + 5] for i in range(0, len(text), 5))

    def link(self, session: Session, public_url: str) -> tuple[str, str]:
        """The code for a session's answers, and the address that opens it through the
        clinic's `wizard serve` at `public_url` (`/h/CODE`, the code without its dashes)."""
        code = self.code(session)
        return code, f"{public_url.rstrip('/')}/h/{code.replace('-', '')}"

    def session(self, code: str) -> Session:
        """The session a code holds; Tampered, Stale or Expired when it cannot be used."""
        text = "".join(code.split()).replace("-", "").upper()
        if not text or len(text) > MAX_CODE:
            raise Tampered("the code is empty or too long")
        text = text.replace("O", "0").replace("I", "1").replace("L", "1")
        if any(c not in _CROCKFORD for c in text):
            raise Tampered("the code has a character base32 does not use")
        raw = text.translate(_FROM_CROCKFORD)
        try:
            body = self._siv.decrypt(base64.b32decode(raw + "=" * (-len(raw) % 8)), None)
        except (InvalidTag, ValueError):
            raise Tampered("the code is not sealed with this server's key") from None
        if body[:2] != self._edition:
            raise Stale("the code was made for another edition of the tree")
        hours = int.from_bytes(body[2:5], "big")
        if self.clock() - hours * 3600 >= self.lifetime + 3600:
            raise Expired("the code is too old")
        if hours * 3600 - self.clock() > 2 * 3600:  # dated ahead: it would never expire
            raise Tampered("the code is dated in the future")
        masks = _read_varints(body[5:])
        session = Session(self.tree)

        def route() -> Iterator[tuple[str, list[str]]]:
            """Each mask read against the node it answers, as the replay reaches it."""
            for mask in masks:
                options = session.current.options
                yield session.current.id, [o.id for i, o in enumerate(options) if mask >> i & 1]

        try:
            session.replay(route(), Mode.ROUTE)
        except OffRoute:
            raise Tampered("the code has more answers than the route") from None
        except AnswerError:
            raise Tampered("an answer in the code does not fit") from None
        return session


def _varint(number: int) -> bytes:
    out = bytearray()
    while True:
        low, number = number & 0x7F, number >> 7
        out.append(low | (0x80 if number else 0))
        if not number:
            return bytes(out)


def _read_varints(data: bytes) -> list[int]:
    numbers, value, shift = [], 0, 0
    for byte in data:
        value |= (byte & 0x7F) << shift
        shift += 7
        if shift > 7 * 16:
            raise Tampered("a number in the code is too long")
        if not byte & 0x80:
            numbers.append(value)
            value, shift = 0, 0
    if shift:
        raise Tampered("the code ends inside a number")
    return numbers
