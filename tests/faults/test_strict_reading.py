"""Fault injection, class 5: PO files are read strictly, and written respectfully.

A built project's PO is broken the ways a hand edit breaks it (each class of the issue), and every
command that reads the PO is run on it: each refuses with exit 2 and names the file and the line,
the PO is byte for byte what it was, and no command writes anything from it (no export, no review
import, no dismissal, no memory units, no refreshed PO).  Files as Poedit and Weblate save them
go through.  A read-only PO is not replaced, a symlinked PO is written through to its target, and
a replaced PO keeps its mode.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ArticlePair

from editflow.cli import cli
from editflow.project import init_project


@dataclass(frozen=True)
class Break:
    name: str
    fn: Callable[[str], bytes]   # the PO's text → the broken file's bytes
    where: str                    # what the message says, besides the file and line


def _header_charset(text: str, charset: str) -> bytes:
    return text.replace("charset=UTF-8", f"charset={charset}").encode("utf-8")


def _duplicate(text: str) -> bytes:
    _header, _, body = text.partition("\n\n")
    first = body.split("\n\n")[0]
    return (text.rstrip("\n") + "\n\n" + first + "\n").encode("utf-8")


BREAKS = [
    Break("unterminated string", lambda t: t.replace('msgstr "Kyiv reopens', 'msgstr "Kyiv reopens\n#', 1)
          .replace('in Obolon"\n', 'in Obolon\n', 1).encode("utf-8"), "end-of-line within string"),
    Break("missing quote", lambda t: t.replace('msgstr "Share This"', 'msgstr Share This"', 1).encode("utf-8"),
          "missing opening quote"),
    Break("empty file", lambda t: b"", "the file is empty"),
    Break("unknown charset", lambda t: _header_charset(t, "UTF-9"), "unknown charset"),
    Break("wrong charset", lambda t: _header_charset(t, "KOI8-U"), "declares charset 'KOI8-U'"),
    Break("Windows-1251 bytes", lambda t: t.encode("cp1251", errors="replace"), "is not valid UTF-8"),
    Break("duplicate entries", _duplicate, "duplicate entry"),
    Break("bad escape", lambda t: t.replace("Share This", "Share\\qThis", 1).encode("utf-8"),
          "invalid control sequence"),
    Break("text outside any entry", lambda t: t.replace('\nmsgctxt "', '\nhello there\nmsgctxt "', 1).encode("utf-8"),
          "text outside any entry"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with the school article built once (PO, exports, memory); copied for each scenario."""
    from conftest import EN_PARAGRAPHS, UK_PARAGRAPHS, write_paragraphs

    root = tmp_path_factory.mktemp("built")
    init_project(root)
    write_paragraphs(root / "originals" / "school.uk.txt", UK_PARAGRAPHS)
    write_paragraphs(root / "translations" / "school.en.txt", EN_PARAGRAPHS)
    result = CliRunner().invoke(cli, ["build", str(root), "-j", "1"])
    assert result.exit_code in (0, 1), result.output
    return root


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    import shutil

    root = tmp_path / "desk"
    shutil.copytree(built, root, symlinks=True)
    return root


def snapshot(root: Path) -> dict[str, str]:
    """Every file of the project but build's own record, by content."""
    out = {}
    for p in sorted(root.rglob("*")):
        if p.is_file() and ".editflow/build.json" not in p.as_posix():
            out[p.relative_to(root).as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def commands(root: Path) -> dict[str, list[str]]:
    po = str(root / "translations" / "school.po")
    return {
        "check": ["check", po],
        "check --dismiss": ["check", po, "--dismiss", "0123456789", "--reason", "x"],
        "notes": ["notes", po],
        "export --publication": ["export", po, "--publication", "-o", str(root / "build" / "new.docx")],
        "export --review": ["export", po, "--review", "-o", str(root / "build" / "new.review.docx")],
        "export --redline": ["export", po, "--redline", "-o", str(root / "build" / "new.redline.docx")],
        "import-review": ["import-review", str(root / "build" / "school.review.docx"), po],
        "align": ["align", str(root / "originals" / "school.uk.txt"), str(root / "translations" / "school.en.txt")],
        "align --force": ["align", str(root / "originals" / "school.uk.txt"),
                          str(root / "translations" / "school.en.txt"), "--force"],
        "build": ["build", str(root), "-j", "1", "--force"],
        "tm rebuild": ["tm", "rebuild", str(root)],
    }


COMMANDS = list(commands(Path("/")))


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("brk", BREAKS, ids=[b.name for b in BREAKS])
def test_a_broken_po_is_refused_by_every_command_and_nothing_is_written(project: Path, brk: Break,
                                                                       command: str) -> None:
    po = project / "translations" / "school.po"
    broken = brk.fn(po.read_text(encoding="utf-8"))
    assert broken != po.read_bytes()
    po.write_bytes(broken)
    before = snapshot(project)
    result = CliRunner().invoke(cli, commands(project)[command])
    assert result.exit_code == 2, result.output
    assert f"{po}:" in result.output, result.output
    assert brk.where in result.output, result.output
    if brk.name != "empty file":
        assert any(f"{po}:{n}:" in result.output for n in range(1, broken.count(b"\n") + 2)), result.output
    assert "Traceback" not in result.output
    assert po.read_bytes() == broken
    assert snapshot(project) == before


@pytest.mark.parametrize("saved_by", ["Poedit", "Weblate"])
def test_a_po_saved_by_a_po_editor_is_read_and_its_text_kept(project: Path, saved_by: str) -> None:
    """Poedit and Weblate re-wrap lines, add header fields, keep previous strings and obsolete entries."""
    import polib

    po = project / "translations" / "school.po"
    doc = polib.pofile(str(po), wrapwidth=79 if saved_by == "Poedit" else 77)
    doc.metadata["X-Generator"] = "Poedit 3.4.2" if saved_by == "Poedit" else "Weblate 5.8"
    doc.metadata["Last-Translator"] = "Olena K. <olena@example.org>"
    doc[1].previous_msgid = "Школу відкрили"
    doc[1].tcomment = "checked"
    doc.append(polib.POEntry(msgctxt="old", msgid="Стара назва", msgstr="Old name", obsolete=True))
    doc.save(str(po))
    before = po.read_bytes()
    for args in (["check", str(po)], ["notes", str(po)],
                 ["export", str(po), "--publication", "-o", str(project / "build" / "p.docx")]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code in (0, 1), result.output
    assert po.read_bytes() == before
    result = CliRunner().invoke(cli, ["align", str(project / "originals" / "school.uk.txt"),
                                      str(project / "translations" / "school.en.txt")])
    assert result.exit_code == 0, result.output
    after = polib.pofile(str(po))
    assert after.metadata["Last-Translator"] == "Olena K. <olena@example.org>"
    assert next(e for e in after if e.msgctxt == doc[1].msgctxt).tcomment == "checked"
    assert [e.msgid for e in after if e.obsolete] == ["Стара назва"]


def test_a_read_only_po_is_not_replaced_by_align_or_build(project: Path) -> None:
    po = project / "translations" / "school.po"
    os.chmod(po, 0o444)
    before = po.read_bytes()
    translation = project / "translations" / "school.en.txt"
    translation.write_text(translation.read_text(encoding="utf-8").replace("Obolon", "Obolon district"),
                           encoding="utf-8")
    result = CliRunner().invoke(cli, ["align", str(project / "originals" / "school.uk.txt"), str(translation)])
    assert result.exit_code == 2 and f"{po}: is read-only" in result.output
    result = CliRunner().invoke(cli, ["build", str(project), "-j", "1"])
    assert result.exit_code == 2 and "read-only" in result.output
    assert po.read_bytes() == before
    result = CliRunner().invoke(cli, ["align", str(project / "originals" / "school.uk.txt"), str(translation),
                                      "--force"])
    assert result.exit_code == 0, result.output
    assert b"Obolon district" in po.read_bytes() and stat.S_IMODE(po.stat().st_mode) == 0o444


def test_a_symlinked_po_is_written_through_to_its_target(project: Path, tmp_path: Path) -> None:
    po = project / "translations" / "school.po"
    target = tmp_path / "shared" / "school.po"
    target.parent.mkdir()
    po.rename(target)
    po.symlink_to(target)
    translation = project / "translations" / "school.en.txt"
    translation.write_text(translation.read_text(encoding="utf-8").replace("Obolon", "Obolon district"),
                           encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(project), "-j", "1"])
    assert result.exit_code in (0, 1), result.output
    assert po.is_symlink() and b"Obolon district" in target.read_bytes()


def test_a_replaced_po_keeps_its_mode(project: Path) -> None:
    po = project / "translations" / "school.po"
    os.chmod(po, 0o640)
    translation = project / "translations" / "school.en.txt"
    translation.write_text(translation.read_text(encoding="utf-8").replace("Obolon", "Obolon district"),
                           encoding="utf-8")
    result = CliRunner().invoke(cli, ["align", str(project / "originals" / "school.uk.txt"), str(translation)])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(po.stat().st_mode) == 0o640 and b"Obolon district" in po.read_bytes()


def test_the_broken_classes_are_the_issues(make_pair: Callable[..., ArticlePair]) -> None:
    names = {b.name for b in BREAKS}
    assert {"unterminated string", "missing quote", "empty file", "unknown charset", "wrong charset",
            "duplicate entries", "bad escape", "text outside any entry"} <= names
