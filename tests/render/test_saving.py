"""wizard.render.saving without a screen: the default folder, the folder field's rules, names that
never replace a link's target, and atomic writing under disk faults."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from tests.faults import cannot_create, disk_full, listing, rename_fails
from wizard.model.machine import walk
from wizard.model.summary import Summary
from wizard.model.tree import Tree
from wizard.render.saving import (
    FolderError,
    choose_folder,
    default_files,
    default_save_dir,
    files_for,
    free_files,
    make_folder,
    write_pair,
    write_summary,
)

ANSWERS = {"danger": ["none"], "kind": ["cactus"], "cactus_water": ["weekly"], "symptoms": ["spots"]}
EARLIER = {"garden-summary.md": b"# my earlier summary\n", "garden-summary.html": b"<p>earlier</p>"}


@pytest.fixture
def summary(example_tree: Tree) -> Summary:
    return walk(example_tree, ANSWERS).summary()


@pytest.fixture
def earlier(tmp_path: Path) -> Path:
    """A folder holding an earlier saved pair."""
    for name, data in EARLIER.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


# -- the default folder ------------------------------------------------------------------------
def test_default_folder_is_documents_when_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_save_dir() == tmp_path
    (tmp_path / "Documents").mkdir()
    assert default_save_dir() == tmp_path / "Documents"


def test_default_folder_is_not_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from the program's own checkout, Save must not offer the checkout."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(Path(__file__).parents[2])  # the checkout
    assert default_save_dir() == home
    from wizard.tui.config import AppConfig

    assert AppConfig().save_dir == home


# -- the folder field --------------------------------------------------------------------------
def test_a_typed_folder_becomes_a_whole_path(tmp_path: Path) -> None:
    assert choose_folder(f"  {tmp_path}  ").folder == tmp_path
    assert choose_folder("notes/../summaries", home=tmp_path).folder == tmp_path / "summaries"
    assert choose_folder("summaries", home=tmp_path).missing
    assert not choose_folder(str(tmp_path)).missing


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [
        ("", "Type the folder to save in."),
        ("   ", "Type the folder to save in."),
        ("bad\x1b]0;title\x07", "That folder name has characters that cannot be used."),
        ("nul\0here", "That folder name has characters that cannot be used."),
    ],
)
def test_an_unusable_folder_is_one_sentence(tmp_path: Path, typed: str, sentence: str) -> None:
    with pytest.raises(FolderError) as raised:
        choose_folder(typed, home=tmp_path)
    assert str(raised.value) == sentence


def test_a_file_or_a_dangling_link_is_not_a_folder(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    (tmp_path / "gone").symlink_to(tmp_path / "nowhere")
    with pytest.raises(FolderError, match=r"afile is a file, not a folder\.$"):
        choose_folder("afile", home=tmp_path)
    with pytest.raises(FolderError, match=r"gone is a link to a folder that is not there\.$"):
        choose_folder("gone", home=tmp_path)


def test_make_folder_creates_the_whole_path_or_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_folder(tmp_path / "a" / "b")
    assert (tmp_path / "a" / "b").is_dir()
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(FolderError, match=r"^Could not create .*file/sub: .*\.$"):
        make_folder(tmp_path / "file" / "sub")


# -- names -------------------------------------------------------------------------------------
def test_a_dangling_link_counts_as_taken(tmp_path: Path, summary: Summary) -> None:
    (tmp_path / "garden-summary.md").symlink_to(tmp_path / "nowhere")
    assert default_files(tmp_path, summary).exist
    (tmp_path / "garden-summary-2.html").symlink_to(tmp_path / "nowhere")
    assert free_files(tmp_path, summary) == files_for(tmp_path, "garden-summary-3")


# -- writing -----------------------------------------------------------------------------------
def test_a_save_writes_both_files_and_nothing_else(tmp_path: Path, summary: Summary) -> None:
    files = default_files(tmp_path, summary)
    outcome = write_summary(files, summary)
    assert outcome.ok
    assert outcome.saved == files.paths
    assert sorted(listing(tmp_path)) == ["garden-summary.html", "garden-summary.md"]
    assert outcome.message == (
        f"Saved {tmp_path}/garden-summary.md and {tmp_path}/garden-summary.html "
        "(open the .html file to print it)."
    )
    assert (tmp_path / "garden-summary.md").stat().st_mode & 0o077 == 0  # the owner's only


def test_replacing_a_link_replaces_the_link_not_its_target(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    target = outside / "precious.txt"
    target.write_text("do not touch", encoding="utf-8")
    folder = tmp_path / "saves"
    folder.mkdir()
    (folder / "s.md").symlink_to(target)
    files = files_for(folder, "s")
    assert write_pair(files, "# new", "<p>new</p>").ok
    assert target.read_text(encoding="utf-8") == "do not touch"
    assert not (folder / "s.md").is_symlink()
    assert (folder / "s.md").read_text(encoding="utf-8") == "# new"


@pytest.mark.parametrize("stem", ["garden-summary", "garden-summary-2"])
def test_a_full_disk_leaves_earlier_files_whole_and_no_partial_file(
    earlier: Path, summary: Summary, monkeypatch: pytest.MonkeyPatch, stem: str
) -> None:
    """Replacing the pair, or saving a new `-2` pair beside it: nothing cut, nothing left."""
    disk_full(monkeypatch, earlier)
    outcome = write_summary(files_for(earlier, stem), summary)
    monkeypatch.undo()
    assert not outcome.ok
    assert outcome.saved == ()
    assert listing(earlier) == EARLIER
    assert outcome.message == (
        f"Not saved, because the disk is full; nothing in {earlier} was changed."
    )


@pytest.mark.parametrize(
    ("code", "why"),
    [
        (errno.EROFS, "the folder is on a read-only disk"),
        (errno.EACCES, "you are not allowed to write there"),
    ],
)
def test_a_folder_that_cannot_be_written_changes_nothing(
    earlier: Path, summary: Summary, monkeypatch: pytest.MonkeyPatch, code: int, why: str
) -> None:
    cannot_create(monkeypatch, earlier, code)
    outcome = write_summary(default_files(earlier, summary), summary)
    monkeypatch.undo()
    assert outcome.message == f"Not saved, because {why}; nothing in {earlier} was changed."
    assert listing(earlier) == EARLIER


def test_a_vanished_folder_is_one_sentence(tmp_path: Path, summary: Summary) -> None:
    folder = tmp_path / "gone"
    outcome = write_summary(default_files(folder, summary), summary)
    assert outcome.message == (
        f"Not saved, because the folder is no longer there; nothing in {folder} was changed."
    )
    assert not folder.exists()


def test_when_only_the_first_file_is_saved_the_message_says_which(
    earlier: Path, summary: Summary, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = default_files(earlier, summary)
    rename_fails(monkeypatch, files.html, errno.EIO)
    outcome = write_summary(files, summary)
    monkeypatch.undo()
    assert outcome.saved == (files.markdown,)
    assert outcome.message == (
        f"Saved only {files.markdown}, not garden-summary.html, because input/output error; "
        "try again."
    )
    after = listing(earlier)
    assert sorted(after) == sorted(EARLIER)  # no temporary file left behind
    assert after["garden-summary.html"] == EARLIER["garden-summary.html"]
    assert after["garden-summary.md"].startswith(b"#")
    assert after["garden-summary.md"] != EARLIER["garden-summary.md"]


def test_a_failed_first_rename_saves_nothing(
    earlier: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = files_for(earlier, "garden-summary")
    rename_fails(monkeypatch, files.markdown, errno.ENOSPC)
    outcome = write_pair(files, "# new", "<p>new</p>")
    monkeypatch.undo()
    assert outcome.saved == ()
    assert listing(earlier) == EARLIER


def test_faults_are_really_injected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fault helpers hit the calls saving makes (else the tests above prove nothing)."""
    disk_full(monkeypatch, tmp_path)
    handle = os.open(tmp_path / "x", os.O_WRONLY | os.O_CREAT)
    with pytest.raises(OSError, match="No space left"):
        os.write(handle, b"0123456789abcdef")
    os.close(handle)
    monkeypatch.undo()
    assert (tmp_path / "x").read_bytes() == b"01234567"  # a cut file, as a full disk leaves
