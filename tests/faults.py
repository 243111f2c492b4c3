"""Disk faults on demand, for the saving tests: a full disk, a read-only folder, a failed rename.

The tests run as root, so permissions cannot make a folder read-only; instead the low-level
calls that saving makes (`os.open`, `os.write`, `os.replace`) are wrapped so that they fail the
way the system would, and only for files in the folder under test (everything else the process
does is untouched).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


def _in(folder: Path, path: object) -> bool:
    return os.path.abspath(os.fspath(path)).startswith(str(folder) + os.sep)  # type: ignore[arg-type]


def _error(code: int) -> OSError:
    return OSError(code, os.strerror(code))


def disk_full(monkeypatch: pytest.MonkeyPatch, folder: Path, *, after: int = 8) -> None:
    """Writes into `folder` put `after` bytes on the disk, then fail with ENOSPC: a cut file
    is what a full disk leaves behind."""
    real_write = os.write

    def write(handle: int, data: Any) -> int:
        target = os.readlink(f"/proc/self/fd/{handle}")
        if _in(folder, target):
            real_write(handle, bytes(data[:after]))
            raise _error(errno.ENOSPC)
        return real_write(handle, data)

    monkeypatch.setattr(os, "write", write)


def cannot_create(monkeypatch: pytest.MonkeyPatch, folder: Path, code: int = errno.EROFS) -> None:
    """Creating a file in `folder` fails with `code` (EROFS: read-only disk; EACCES)."""
    real_open: Callable[..., int] = os.open

    def open_(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT and _in(folder, path):
            raise _error(code)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)


def rename_fails(
    monkeypatch: pytest.MonkeyPatch, target: Path, code: int = errno.ENOENT
) -> None:
    """Renaming onto `target` fails with `code`; other renames work."""
    real_replace = os.replace

    def replace(source: Any, destination: Any, **kwargs: Any) -> None:
        if os.path.abspath(os.fspath(destination)) == str(target):
            raise _error(code)
        real_replace(source, destination, **kwargs)

    monkeypatch.setattr(os, "replace", replace)


def listing(folder: Path) -> dict[str, bytes]:
    """Every file in `folder` (hidden ones too) with its bytes; links as 'link -> target'."""
    found: dict[str, bytes] = {}
    for path in sorted(folder.iterdir()):
        if path.is_symlink():
            found[path.name] = f"link -> {os.readlink(path)}".encode()
        elif path.is_file():
            found[path.name] = path.read_bytes()
    return found
