"""Saving the summary: where the files go, what they are called, and writing them safely.

Plain Python (no Textual), so every rule here is tested without a screen:

- The default folder is the person's Documents folder, or their home folder: never the current
  directory, which is often the program's own checkout. `wizard run --save-dir` and the save
  dialog's folder field change it; the dialog shows the whole path before anything is written.
- Two files are saved as a pair: `<tree id>-summary.md` and `.html` (a page to print), and,
  when asked for (`wizard run --save-fhir`), a third: `.fhir.json`, the answers as a FHIR
  QuestionnaireResponse for a health record. Existing files are never replaced without
  asking; "New name" picks the first free `-2`, `-3`... Anything at those names counts as
  existing, a dangling symbolic link included (`lexists`).
- Writing is atomic: each file goes to a temporary file in the same folder and is then renamed
  over the old one (`os.replace`). A full disk, a read-only or vanished folder therefore leaves
  the earlier files whole and no partial file behind. `os.replace` replaces a symbolic link
  itself, so a link in the way is never written through. Every temporary file is written
  before any is renamed, so the only partial save possible is a failure between the renames,
  and the outcome then says which files were saved.
- Every failure becomes one plain sentence (`SaveOutcome.message`, `FolderError`).

New files are readable by their owner only (0600, as `tempfile.mkstemp` makes them): a summary
holds health information.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.model.plain import find_control
from wizard.render.words import t

if TYPE_CHECKING:
    from wizard.model.summary import Summary


# -- where ---------------------------------------------------------------------------------------
def default_save_dir() -> Path:
    """`~/Documents` if it is a folder, else the home folder (the current directory only when
    there is no home folder at all)."""
    try:
        home = Path.home()
    except (RuntimeError, KeyError):  # no HOME and no password entry
        return Path.cwd()
    documents = home / "Documents"
    return documents if documents.is_dir() else home


class FolderError(ValueError):
    """One sentence saying why a folder cannot be used."""


@dataclass(frozen=True)
class FolderChoice:
    """A usable folder typed by the person; `missing` when it must be created first."""

    folder: Path
    missing: bool


def choose_folder(typed: str, home: Path | None = None) -> FolderChoice:
    """The folder the person typed, as an absolute path; raises FolderError for one that cannot
    be used. `~` is the home folder, and a relative path is taken from the home folder (never
    the current directory, which may be the program's own)."""
    text = typed.strip()
    if not text:
        raise FolderError(t("folder_empty"))
    if find_control(text) is not None:
        raise FolderError(t("folder_bad_characters"))
    try:
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = (home or Path.home()) / path
    except (RuntimeError, KeyError):
        raise FolderError(t("folder_no_home", text=text)) from None
    folder = Path(os.path.abspath(path))  # tidy `..` without following links
    if folder.is_dir():
        return FolderChoice(folder, missing=False)
    if os.path.lexists(folder):
        if folder.is_symlink():
            raise FolderError(t("folder_dangling", folder=str(folder)))
        raise FolderError(t("folder_is_file", folder=str(folder)))
    return FolderChoice(folder, missing=True)


def make_folder(folder: Path) -> None:
    """Create `folder` (and the folders above it); raises FolderError in one sentence."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise FolderError(t("folder_not_created", folder=str(folder), why=reason(error))) from None


# -- what the files are called ---------------------------------------------------------------
@dataclass(frozen=True)
class SummaryFiles:
    """The Markdown file and the HTML page saved together (and the FHIR answers, if asked)."""

    markdown: Path
    html: Path
    fhir: Path | None = None
    """The answers as a FHIR QuestionnaireResponse (JSON); None: not saved."""

    @property
    def paths(self) -> tuple[Path, ...]:
        pair = (self.markdown, self.html)
        return pair if self.fhir is None else (*pair, self.fhir)

    @property
    def folder(self) -> Path:
        return self.markdown.parent

    @property
    def exist(self) -> bool:
        """True when saving here would replace anything (a link, even a dangling one, too)."""
        return any(os.path.lexists(path) for path in self.paths)

    def describe(self) -> str:
        """Every whole path, for the person to find the files again."""
        return _and(self.paths)


def _and(paths: tuple[Path, ...]) -> str:
    """Whole paths as a list a person reads: "a, b and c"."""
    names = [str(path) for path in paths]
    if len(names) < 2:
        return "".join(names)
    return t("files_list", first=", ".join(names[:-1]), last=names[-1])


def files_for(folder: Path, stem: str, fhir: bool = False) -> SummaryFiles:
    return SummaryFiles(
        folder / f"{stem}.md",
        folder / f"{stem}.html",
        folder / f"{stem}.fhir.json" if fhir else None,
    )


def default_files(folder: Path, summary: Summary, fhir: bool = False) -> SummaryFiles:
    """`<tree id>-summary.md` and `.html` (and `.fhir.json`) in the save folder."""
    return files_for(folder, f"{summary.tree.id}-summary", fhir)


def free_files(folder: Path, summary: Summary, fhir: bool = False) -> SummaryFiles:
    """The first `<tree id>-summary-N` names (N from 2) where none is taken."""
    number = 2
    while (files := files_for(folder, f"{summary.tree.id}-summary-{number}", fhir)).exist:
        number += 1
    return files


# -- writing ---------------------------------------------------------------------------------
REASONS: dict[int, str] = {  # vocabulary keys
    errno.ENOSPC: "why_disk_full",
    errno.EDQUOT: "why_disk_full",
    errno.EROFS: "why_read_only",
    errno.EACCES: "why_not_allowed",
    errno.EPERM: "why_not_allowed",
    errno.ENOENT: "why_folder_gone",
    errno.ENOTDIR: "why_folder_gone",
    errno.EISDIR: "why_folder_named",
}


def reason(error: OSError) -> str:
    """Why, in a few plain words, for the middle of a sentence."""
    if error.errno in REASONS:
        return t(REASONS[error.errno])
    return (error.strerror or str(error) or t("why_refused")).rstrip(".").lower()


@dataclass(frozen=True)
class SaveOutcome:
    """What a save did: the files written (none, one or both) and, if it failed, why."""

    files: SummaryFiles
    saved: tuple[Path, ...] = ()
    error: OSError | None = field(default=None, compare=False)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def message(self) -> str:
        """One sentence for the person."""
        files = self.files
        if self.error is None:
            return t("saved", files=files.describe())
        why = reason(self.error)
        if self.saved:
            missed = tuple(Path(path.name) for path in files.paths if path not in self.saved)
            return t("saved_one", written=_and(self.saved), missed=_and(missed), why=why)
        return t("save_failed", why=why, folder=str(files.folder))


def write_summary(files: SummaryFiles, summary: Summary) -> SaveOutcome:
    """Render the summary and save the files (the renderers are imported only when saving)."""
    from wizard.render.html import render_html
    from wizard.render.markdown import render_markdown

    extra: tuple[str, ...] = ()
    if files.fhir is not None:
        from wizard.render.fhir import render_response

        extra = (render_response(summary),)
    return write_pair(files, render_markdown(summary), render_html(summary), *extra)


def write_pair(files: SummaryFiles, markdown: str, html: str, *more: str) -> SaveOutcome:
    """Write the files atomically, as far as several files can be: never raises OSError.

    Every text is written to a temporary file first (where a full disk shows); only then are
    they renamed over the old files, one after the other. `more`: the FHIR answers, if asked.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for path, text in zip(files.paths, (markdown, html, *more), strict=True):
            staged.append((stage(path, text.encode("utf-8")), path))
    except OSError as error:
        discard(temporary for temporary, _ in staged)
        return SaveOutcome(files, (), error)
    saved: list[Path] = []
    for number, (temporary, path) in enumerate(staged):
        try:
            os.replace(temporary, path)
        except OSError as error:
            discard(temporary for temporary, _ in staged[number:])
            return SaveOutcome(files, tuple(saved), error)
        saved.append(path)
    sync_folder(files.folder)
    return SaveOutcome(files, tuple(saved))


def stage(path: Path, data: bytes) -> Path:
    """Write `data` to a new hidden temporary file beside `path`, flushed to the disk; on any
    failure the temporary file is removed and the error raised."""
    import tempfile  # only saving pays for importing it

    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    temporary = Path(name)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(handle, view) :]
            os.fsync(handle)  # a full disk can show only here
        finally:
            os.close(handle)
    except BaseException:
        discard([temporary])
        raise
    return temporary


def discard(paths: Iterable[Path]) -> None:
    """Remove temporary files, quietly (the folder may be gone)."""
    for path in paths:
        with contextlib.suppress(OSError):
            os.unlink(path)


def sync_folder(folder: Path) -> None:
    """Make the renames durable where the system allows it (best effort)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(handle)
    finally:
        os.close(handle)
