"""Output ownership (editflow.outputs): one decision for every writer, one identity per article.

Two articles with the same text under different names (`school` and
`other`): what tells their exports apart is the identity of the article,
not the content.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from test_export_review import EN_WITH_CYRILLIC, make_po, make_review
from test_review_import import OLENA, reviewed
from word_edits import Docx, W, edit

from editflow.cli import cli
from editflow.errors import InputError
from editflow.export.publication import write_publication
from editflow.export.redline import write_redline
from editflow.export.review import write_review
from editflow.export.review_import import import_review
from editflow.outputs import (
    IMPORTED_REVIEW_KEY,
    Claim,
    OutputKind,
    OutputState,
    Ownership,
    decide,
    imported_review,
    po_identity,
    read_stamp,
    review_state,
)
from editflow.po import read_header
from editflow.workfile import align_files, write_alignment

WRITERS: dict[str, Callable[..., object]] = {
    "publication": write_publication, "review": write_review, "redline": write_redline}


def _imported(po_path: Path, review: Path) -> Path:
    """The PO after a reviewer's edits came back through import-review (a redline needs them)."""
    reviewed(review, po_path)
    import_review(review, po_path)
    return po_path


@pytest.fixture
def school(make_pair, source_date_epoch) -> Path:
    po_path = make_po(make_pair)
    return _imported(po_path, make_review(po_path))


@pytest.fixture
def other(make_pair, source_date_epoch, tmp_path: Path) -> Path:
    pair = make_pair(en=EN_WITH_CYRILLIC, slug="other")
    po_path = pair.translation.with_name("other.po")
    write_alignment(align_files(pair.original, pair.translation), po_path)
    review = tmp_path / "build" / "other.review.docx"
    write_review(po_path, review)
    return _imported(po_path, review)


def _saved_by_word(d: Docx) -> None:
    """What Word does to a document it saves: revision-session ids on every paragraph, text unchanged."""
    for p in d.root.iter(W + "p"):
        p.set(W + "rsidR", "00A1B2C3")


def _claim(kind: str, po_path: Path) -> Claim:
    po = polib.pofile(str(po_path))
    return Claim.from_po(OutputKind(kind), po.metadata, po_path)


# ---------------------------------------------------------------------------
# the bug: one article's redline replaced another's
# ---------------------------------------------------------------------------

def test_redline_of_another_article_is_refused_without_force(school: Path, other: Path, tmp_path: Path) -> None:
    out = tmp_path / "build" / "school.redline.docx"
    write_redline(school, out)
    before = out.read_bytes()
    with pytest.raises(InputError, match="exported from another PO"):
        write_redline(other, out)
    assert out.read_bytes() == before
    result = CliRunner().invoke(cli, ["export", str(other), "--redline", "-o", str(out)])
    assert result.exit_code == 2 and "another PO" in result.output and out.read_bytes() == before
    assert write_redline(other, out, force=True).replaced is OutputState.FOREIGN
    assert out.read_bytes() != before


# ---------------------------------------------------------------------------
# every writer asks the one decision
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("kind", WRITERS)
def test_each_writer_replaces_its_own_export_and_says_so(kind: str, school: Path, tmp_path: Path) -> None:
    out = tmp_path / f"a.{kind}.docx"
    first = WRITERS[kind](school, out)
    assert first.replaced is OutputState.ABSENT and first.path == out
    assert decide(out, _claim(kind, school)).state is OutputState.OWN
    again = WRITERS[kind](school, out)
    assert again.replaced is OutputState.OWN


@pytest.mark.parametrize("kind", WRITERS)
def test_each_writer_refuses_another_articles_export_with_the_decisions_reason(
        kind: str, school: Path, other: Path, tmp_path: Path) -> None:
    out = tmp_path / f"x.{kind}.docx"
    WRITERS[kind](other, out)
    before = out.read_bytes()
    decision = decide(out, _claim(kind, school))
    assert decision.state is OutputState.FOREIGN and not decision.may_write
    with pytest.raises(InputError) as refused:
        WRITERS[kind](school, out)
    assert decision.reason in str(refused.value) and out.read_bytes() == before


@pytest.mark.parametrize("kind", WRITERS)
def test_each_writer_refuses_another_modes_export(kind: str, school: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.docx"
    other_mode = "review" if kind != "review" else "publication"
    WRITERS[other_mode](school, out)
    with pytest.raises(InputError, match=f"editflow {other_mode} export, not a {kind}"):
        WRITERS[kind](school, out)


def test_an_untouched_review_of_another_po_is_not_replaced(school: Path, other: Path, tmp_path: Path) -> None:
    """Before: any untouched editflow review was replaced, whichever PO it came from."""
    out = tmp_path / "x.review.docx"
    write_review(other, out)
    with pytest.raises(InputError, match="another PO"):
        write_review(school, out)


def test_a_worked_in_review_is_kept_and_an_imported_one_replaced(make_pair, source_date_epoch) -> None:
    po_path = make_po(make_pair)
    review = make_review(po_path)
    reviewed(review, po_path)
    worked = review.read_bytes()
    assert decide(review, _claim("review", po_path)).state is OutputState.WORKED_IN
    assert review_state(review, po_path) == "in review"
    with pytest.raises(InputError, match="someone has worked in"):
        write_review(po_path, review)
    assert review.read_bytes() == worked
    import_review(review, po_path)
    assert decide(review, _claim("review", po_path)).state is OutputState.IMPORTED
    assert review_state(review, po_path) == "imported"
    assert write_review(po_path, review).replaced is OutputState.IMPORTED


def test_a_review_that_brought_nothing_new_is_recorded_as_imported(make_pair, source_date_epoch) -> None:
    """A reviewer who opened and saved the review without a change: before, import-review wrote
    nothing, and the review stayed "someone has worked in it" for ever."""
    po_path = make_po(make_pair)
    review = make_review(po_path)
    edit(review, _saved_by_word)
    assert decide(review, _claim("review", po_path)).state is OutputState.WORKED_IN
    summary = import_review(review, po_path)
    assert summary.changed == [] and summary.written
    assert "recorded the review as imported" in summary.format()
    assert imported_review(polib.pofile(str(po_path)).metadata)
    write_review(po_path, review)
    assert import_review(review, po_path).written is False   # the new, untouched export: nothing to record


def test_a_review_known_by_its_part_when_its_core_properties_lost_the_identity(
        school: Path, other: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    write_review(school, out)
    with zipfile.ZipFile(out) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["docProps/core.xml"] = re.sub(rb"<dc:identifier>[^<]*</dc:identifier>", b"", parts["docProps/core.xml"])
    with zipfile.ZipFile(out, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    found = read_stamp(out.read_bytes())
    assert found is not None and found.kind == "review"
    assert found.identity == po_identity(polib.pofile(str(school)).metadata, school)
    assert decide(out, _claim("review", school)).state is OutputState.OWN
    assert decide(out, _claim("review", other)).state is OutputState.FOREIGN


# ---------------------------------------------------------------------------
# the decision itself
# ---------------------------------------------------------------------------

def test_nothing_there_a_folder_and_unrecorded_files(tmp_path: Path) -> None:
    claim = Claim(OutputKind.PUBLICATION, "0123456789abcdef")
    assert decide(tmp_path / "new.docx", claim).require() == Ownership(tmp_path / "new.docx", OutputState.ABSENT)
    folder = decide(tmp_path, claim)
    assert folder.state is OutputState.FOLDER
    with pytest.raises(InputError, match="is a folder"):
        folder.require(force=True)   # --force never writes over a folder
    notes = tmp_path / "notes.docx"
    notes.write_bytes(b"the desk's own notes")
    assert decide(notes, claim).state is OutputState.FOREIGN
    assert decide(notes, claim).require(force=True).state is OutputState.FOREIGN
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("0\t0\t1.0\n", encoding="utf-8")
    with pytest.raises(InputError, match="already exists"):
        decide(pairs, Claim(OutputKind.TSV)).require()


def test_the_po_header_is_read_without_polib_as_polib_reads_it(school: Path, tmp_path: Path) -> None:
    po = polib.pofile(str(school))
    po.metadata["X-Editflow-Subject"] = 'Kyiv "school" \\ reopening'
    po.header = "a translator's note\nreview (Petro S.): fine"
    path = tmp_path / "h.po"
    po.save(str(path))
    header = read_header(path)
    assert header == polib.pofile(str(path)).metadata
    assert header[IMPORTED_REVIEW_KEY] and header["X-Editflow-Subject"] == 'Kyiv "school" \\ reopening'
    no_header = tmp_path / "bare.po"
    no_header.write_text('msgid "Київ"\nmsgstr "Kyiv"\n', encoding="utf-8")
    assert read_header(no_header) == {} and read_header(tmp_path / "missing.po") == {}


def test_export_prints_what_the_writer_wrote(school: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    result = CliRunner().invoke(cli, ["export", str(school), "--redline", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert re.search(rf"wrote {re.escape(str(out))}: \d+ paragraphs, 3 changed by {OLENA} "
                     rf"\(\d+ insertions, \d+ deletions\)", result.stderr)
    result = CliRunner().invoke(cli, ["export", str(school), "--review", "-o", str(tmp_path / "v.docx")])
    assert result.exit_code == 0 and re.search(r": \d+ rows, \d+ of \d+ findings as comments", result.stderr)


def test_a_redline_from_before_the_identity_cannot_be_told_apart_so_needs_force(school: Path,
                                                                                tmp_path: Path) -> None:
    import docx

    out = tmp_path / "old.redline.docx"
    old = docx.Document()
    old.core_properties.category = "editflow redline"   # all an older redline recorded: no article
    old.save(str(out))
    decision = decide(out, _claim("redline", school))
    assert decision.state is OutputState.FOREIGN and "does not record which PO" in decision.reason
    assert write_redline(school, out, force=True).replaced is OutputState.FOREIGN
    assert decide(out, _claim("redline", school)).state is OutputState.OWN
