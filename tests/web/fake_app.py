"""A stand-in for `wizard run` under textual-serve: speaks its protocol, records what it got.

Usage: fake_app.py RECORD_DIR MODE [--save-dir DIR]

On start it writes RECORD_DIR/<pid>.json (its argv, COLUMNS, ROWS, the save folder's mode),
then says `__GANGLION__` and sends one data packet, b"ready", so a test knows it is running.

MODE echo: reads stdin packets and answers each with a data packet describing it (JSON:
kind, size, and the meta dict for meta packets); quits on a quit meta packet.
MODE stubborn: never reads stdin and ignores SIGTERM, like an app too busy to listen; only
SIGKILL ends it.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path


def send(kind: bytes, payload: bytes) -> None:
    sys.stdout.buffer.write(kind + len(payload).to_bytes(4, "big") + payload)
    sys.stdout.buffer.flush()


def read_exactly(size: int) -> bytes:
    data = sys.stdin.buffer.read(size)
    if len(data) < size:
        raise SystemExit(0)
    return data


def main() -> None:
    records, mode = Path(sys.argv[1]), sys.argv[2]
    save_dir = sys.argv[sys.argv.index("--save-dir") + 1] if "--save-dir" in sys.argv else None
    record = {
        "pid": os.getpid(),
        "argv": sys.argv[1:],
        "columns": os.environ.get("COLUMNS"),
        "rows": os.environ.get("ROWS"),
        "save_dir_mode": os.stat(save_dir).st_mode & 0o777 if save_dir else None,
    }
    (records / f"{os.getpid()}.json").write_text(json.dumps(record), encoding="utf-8")
    if mode == "stubborn":
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    sys.stdout.buffer.write(b"__GANGLION__\n")
    send(b"D", b"ready")
    if mode == "stubborn":
        while True:
            signal.pause()
    while True:
        kind = read_exactly(1)
        payload = read_exactly(int.from_bytes(read_exactly(4), "big"))
        meta = json.loads(payload) if kind == b"M" else None
        send(b"D", json.dumps({"kind": kind.decode(), "size": len(payload),
                               "meta": meta}).encode())
        if meta and meta.get("type") == "quit":
            return


if __name__ == "__main__":
    main()
