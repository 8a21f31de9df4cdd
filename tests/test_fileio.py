"""atomic_write: outputs get the mode a normally created file gets, so a shared desk folder stays usable."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from editflow.fileio import atomic_write

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


@pytest.fixture
def umask() -> Iterator[None]:
    """Restores the process umask whatever the test sets it to."""
    old = os.umask(0o022)
    os.umask(old)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def plain_file_mode(directory: Path) -> int:
    """The mode `open(..., "w")` gives a new file under the current umask."""
    probe = directory / "probe-normal-file"
    probe.write_text("x", encoding="utf-8")
    try:
        return mode(probe)
    finally:
        probe.unlink()


@pytest.mark.parametrize("mask, expected", [(0o022, 0o644), (0o002, 0o664), (0o027, 0o640), (0o077, 0o600)],
                         ids=["umask022", "umask002", "umask027", "umask077"])
def test_a_new_output_gets_the_mode_the_umask_gives(tmp_path: Path, umask: None, mask: int, expected: int) -> None:
    os.umask(mask)
    out = tmp_path / "out.po"
    atomic_write(out, "msgid \"\"\n")
    assert mode(out) == expected == plain_file_mode(tmp_path)
    assert out.read_text(encoding="utf-8") == "msgid \"\"\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.po"]  # no temp file left behind


def test_an_overwritten_output_keeps_its_mode(tmp_path: Path, umask: None) -> None:
    os.umask(0o077)
    out = tmp_path / "shared.docx"
    out.write_bytes(b"old")
    os.chmod(out, 0o664)  # a colleague made it group-writable
    atomic_write(out, b"new")
    assert out.read_bytes() == b"new" and mode(out) == 0o664
    os.chmod(out, 0o444)
    atomic_write(out, b"newer")
    assert out.read_bytes() == b"newer" and mode(out) == 0o444


def test_a_symlinked_output_is_written_through_to_its_target(tmp_path: Path, umask: None) -> None:
    os.umask(0o022)
    shared = tmp_path / "shared"
    shared.mkdir()
    target = shared / "war.docx"
    target.write_bytes(b"old")
    os.chmod(target, 0o660)
    desk = tmp_path / "desk"
    desk.mkdir()
    link = desk / "war.docx"
    link.symlink_to(Path("..") / "shared" / "war.docx")  # relative, as desks link shared folders
    atomic_write(link, b"new")
    assert link.is_symlink() and os.readlink(link) == str(Path("..") / "shared" / "war.docx")
    assert target.read_bytes() == b"new" and mode(target) == 0o660
    assert sorted(p.name for p in shared.iterdir()) == ["war.docx"]
    assert sorted(p.name for p in desk.iterdir()) == ["war.docx"]


def test_a_dangling_symlink_creates_its_target(tmp_path: Path, umask: None) -> None:
    os.umask(0o022)
    target = tmp_path / "shared" / "new.po"
    (tmp_path / "shared").mkdir()
    link = tmp_path / "new.po"
    link.symlink_to(target)
    atomic_write(link, "text")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "text" and mode(target) == 0o644


def test_temp_names_never_collide_with_an_existing_file(tmp_path: Path, umask: None,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # Two writers of the same output in one folder (two builds) each get their own temp file.
    import editflow.fileio as F

    names = iter(["aaaa", "aaaa", "bbbb"])
    monkeypatch.setattr(F, "_token", lambda: next(names))
    (tmp_path / ".out.txt.aaaa.tmp").write_text("someone else's", encoding="utf-8")
    atomic_write(tmp_path / "out.txt", "mine")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "mine"
    assert (tmp_path / ".out.txt.aaaa.tmp").read_text(encoding="utf-8") == "someone else's"
