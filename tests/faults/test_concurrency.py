"""Fault injection, class 2: two things at once.

Each scenario asserts that nothing anyone wrote was lost and that the message names the file.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

import editflow.build as B
from editflow import fileio, locks, tm
from editflow.cli import cli
from editflow.config import Settings
from editflow.fileio import ChangedOnDisk, atomic_write, fingerprint
from editflow.project import init_project
from editflow.workfile import align_files, write_alignment

TRANSLATOR = "# saved in Poedit by the translator\n"


@pytest.fixture
def project(make_pair, tmp_path: Path) -> Path:
    init_project(tmp_path)
    make_pair(root=tmp_path, slug="school")
    return tmp_path


def test_a_po_saved_by_a_translator_while_build_realigns_is_not_overwritten(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    B.build(project, Settings(root=project), [], jobs=1)
    po = project / "translations" / "school.po"
    # The translation changes, so build re-aligns; meanwhile the translator saves the PO.
    translation = project / "translations" / "school.en.txt"
    translation.write_text(translation.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    import editflow.workfile as W

    original_align = W.align_files

    def align_while_translator_saves(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        result = original_align(*args, **kwargs)  # type: ignore[arg-type]
        po.write_text(TRANSLATOR + po.read_text(encoding="utf-8"), encoding="utf-8")
        return result

    monkeypatch.setattr(W, "align_files", align_while_translator_saves)
    statuses = {s.slug: s for s in B.build(project, Settings(root=project), [], jobs=1)}
    saved = po.read_text(encoding="utf-8")
    assert saved.startswith(TRANSLATOR)  # the translator's save survived
    assert statuses["school"].state == "refused"
    assert "school.po" in statuses["school"].message and "changed on disk" in statuses["school"].message


def test_align_does_not_overwrite_a_po_changed_since_it_was_read(article_pair, tmp_path: Path) -> None:
    out = article_pair.root / "translations" / "school.po"
    al = align_files(article_pair.original, article_pair.translation)
    write_alignment(al, out)
    expect = fingerprint(out)
    out.write_text(TRANSLATOR + out.read_text(encoding="utf-8"), encoding="utf-8")
    before = out.read_bytes()
    with pytest.raises(ChangedOnDisk, match=r"school\.po"):
        write_alignment(al, out, expect=expect)
    assert out.read_bytes() == before
    assert not [p for p in out.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_busy_project_lock_makes_a_second_command_wait_then_refuse(project: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    B.build(project, Settings(root=project), [], jobs=1)
    po = project / "translations" / "school.po"
    before = po.read_bytes()
    monkeypatch.setattr(locks, "DEFAULT_TIMEOUT", 0.3)
    holder = locks.FileLock(str(locks.lock_path(project)))
    started = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with holder:
            started.set()
            release.wait(10)

    t = threading.Thread(target=hold)
    t.start()
    try:
        started.wait(5)
        with pytest.raises(locks.Busy, match="another editflow command"):
            with locks.locked(project, "build", timeout=0.3):
                pass
        result = CliRunner().invoke(cli, ["build", "-C", str(project)])
        assert result.exit_code == 2, result.output
        assert "another editflow command is working on this project" in result.stderr
        assert str(project) in result.stderr
    finally:
        release.set()
        t.join()
    assert po.read_bytes() == before


def test_two_writers_take_turns_and_both_changes_are_kept(tmp_path: Path) -> None:
    """Two read-modify-write cycles on one file under the lock: neither loses the other's line."""
    target = tmp_path / "notes.txt"
    target.write_text("start\n", encoding="utf-8")
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def add(line: str) -> None:
        try:
            barrier.wait(5)
            with locks.locked(target, f"adding {line}"):
                expect = fingerprint(target)
                text = target.read_text(encoding="utf-8")
                atomic_write(target, text + line + "\n", expect=expect)
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=add, args=(w,)) for w in ("first", "second")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(target.read_text(encoding="utf-8").split()) == ["first", "second", "start"]


def test_a_busy_translation_memory_is_a_clear_error_not_a_traceback(project: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    B.build(project, Settings(root=project), [], jobs=1)
    path = tm.tm_path(project)
    assert path.is_file()
    monkeypatch.setattr(tm, "BUSY_TIMEOUT", 0.2)
    other = sqlite3.connect(str(path))
    other.execute("BEGIN EXCLUSIVE")
    try:
        result = CliRunner().invoke(cli, ["tm", "rebuild", "-C", str(project)])
    finally:
        other.rollback()
        other.close()
    assert result.exit_code == 2, result.output
    assert "translation memory is busy" in result.stderr and "tm.sqlite" in result.stderr
    assert "Traceback" not in result.output


def test_ctrl_c_while_replacing_a_file_leaves_the_old_one_whole(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "war.po"
    target.write_text("the translator's work\n", encoding="utf-8")

    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, "new text\n")
    assert target.read_text(encoding="utf-8") == "the translator's work\n"
    assert [p.name for p in tmp_path.iterdir()] == ["war.po"]


def test_ctrl_c_during_align_exits_130_and_keeps_the_po(article_pair, monkeypatch: pytest.MonkeyPatch) -> None:
    out = article_pair.root / "translations" / "school.po"
    write_alignment(align_files(article_pair.original, article_pair.translation), out)
    before = out.read_bytes()

    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(fileio.os, "replace", interrupted)
    result = CliRunner().invoke(cli, ["align", str(article_pair.original), str(article_pair.translation)])
    assert result.exit_code == 130, result.output
    assert out.read_bytes() == before
    assert not [p for p in out.parent.iterdir() if p.name.endswith(".tmp")]


def test_outside_a_project_the_lock_is_the_users_not_a_file_among_theirs(tmp_path_factory: pytest.TempPathFactory,
                                                                          monkeypatch: pytest.MonkeyPatch,
                                                                          article_pair) -> None:
    """align outside a project takes its turn through a lock in the user's lock folder: nothing but
    the PO is left beside the inputs, and one file named by two paths (a symlinked folder) has one lock."""
    tmp_path = tmp_path_factory.mktemp("outside")  # no project above it (article_pair's folder is one)
    runtime = tmp_path / "run"
    runtime.mkdir()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    work = tmp_path / "work"
    work.mkdir()
    original, translation = article_pair.original, article_pair.translation
    uk, en = work / original.name, work / translation.name
    uk.write_bytes(original.read_bytes())
    en.write_bytes(translation.read_bytes())
    r = CliRunner().invoke(cli, ["align", str(uk), str(en), "-o", str(work / "out.po"), "--no-lexicon"])
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in work.iterdir()) == sorted([uk.name, en.name, "out.po"])
    (tmp_path / "alias").symlink_to(work)
    assert locks.lock_path(work / "out.po") == locks.lock_path(tmp_path / "alias" / "out.po")
    assert locks.lock_path(work / "out.po").parent == runtime / "editflow"
    assert (runtime / "editflow").stat().st_mode & 0o777 == 0o700
