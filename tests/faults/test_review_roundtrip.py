"""Fault injection, the review round trip (issue 13 §4): what a reviewer, a translator and a word
processor do to a review and its PO between export and import.

Each scenario asserts that nothing anyone wrote was lost (after a refusal the PO is byte-identical;
after an import both sides' work is in it) and that what editflow says names the file.
"""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from conftest import soffice_convert
from test_export_review import entry_id, make_po, make_review
from test_review_import import OLENA, OLENA_DATE, reviewed, set_english
from word_edits import Docx, edit

from editflow.cli import cli


@pytest.fixture
def po_path(make_pair, source_date_epoch) -> Path:
    return make_po(make_pair)


@pytest.fixture
def review(po_path: Path) -> Path:
    return make_review(po_path)


def english(po_path: Path) -> dict[str, str]:
    return {e.msgctxt: e.msgstr for e in polib.pofile(str(po_path)) if not e.obsolete}


def run(review: Path, po_path: Path, *extra: str):
    return CliRunner().invoke(cli, ["import-review", str(review), str(po_path), *extra])


def refused(review: Path, po_path: Path, *extra: str) -> str:
    """The import is refused (exit 2, one line naming the review) and the PO is byte-identical."""
    before = po_path.read_bytes()
    res = run(review, po_path, *extra)
    assert res.exit_code == 2, res.output
    assert po_path.read_bytes() == before
    assert str(review) in res.stderr and res.stderr.count("\n") == 1 and "Traceback" not in res.stderr
    return res.stderr


def test_reimport_after_a_translators_revert_changes_nothing(review: Path, po_path: Path) -> None:
    ids = reviewed(review, po_path)
    assert run(review, po_path).exit_code == 0
    set_english(po_path, ids["school"], "Over 600", "More than 600")       # the translator prefers the original
    before = po_path.read_bytes()
    res = run(review, po_path)
    assert res.exit_code == 0 and "no changes" in res.stderr and str(review) in res.stderr
    assert po_path.read_bytes() == before


def test_a_true_conflict_is_refused_with_both_texts(review: Path, po_path: Path) -> None:
    ids = reviewed(review, po_path)
    set_english(po_path, ids["school"], "More than 600", "Upwards of 600")
    message = refused(review, po_path)
    assert ids["school"] in message and "Upwards of 600 pupils" in message and "Over 600 pupils" in message


def test_a_deleted_body_row_is_refused_with_the_row_named(review: Path, po_path: Path) -> None:
    reviewed(review, po_path)
    rid = entry_id(po_path, "148 million")
    edit(review, lambda d: d.delete_row(rid, OLENA, OLENA_DATE))
    message = refused(review, po_path)
    assert f"{rid} (row 3, body)" in message


def test_an_untouched_review_resaved_by_libreoffice_imports_as_no_changes(review: Path, po_path: Path,
                                                                          tmp_path: Path) -> None:
    resaved = soffice_convert(review, tmp_path / "lo", "docx:MS Word 2007 XML")
    before = english(po_path)
    res = run(resaved, po_path)
    assert res.exit_code == 0, res.output
    assert "0 row(s) changed, 0 comment(s) imported" in res.stderr and "no changes" in res.stderr
    assert str(resaved) in res.stderr and english(po_path) == before


def test_a_clean_merge_keeps_both_sides(review: Path, po_path: Path) -> None:
    ids = reviewed(review, po_path)                                        # Olena edits school, mayor, home
    set_english(po_path, ids["cost"], "almost two years", "nearly two years")   # the translator edits cost
    set_english(po_path, ids["home"], "air raid alerts", "air-raid alerts")     # ... and home's 2nd paragraph
    res = run(review, po_path)
    assert res.exit_code == 0 and str(po_path) in res.stderr
    now = english(po_path)
    assert "nearly two years" in now[ids["cost"]]                          # the translator's
    assert "Over 600 pupils" in now[ids["school"]]                         # the reviewer's
    assert "head teacher" in now[ids["home"]] and "air-raid alerts" in now[ids["home"]]   # both, one pair


def test_a_po_saved_during_the_import_is_not_overwritten(review: Path, po_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import editflow.export.review_import as review_import

    ids = reviewed(review, po_path)
    real = review_import.read_review

    def slow_reader(path: Path):
        doc = real(path)
        set_english(po_path, ids["cost"], "almost two years", "nearly two years")   # Poedit saves meanwhile
        return doc
    monkeypatch.setattr(review_import, "read_review", slow_reader)
    res = run(review, po_path)
    assert res.exit_code == 2 and str(po_path) in res.stderr and "nothing was overwritten" in res.stderr
    assert "nearly two years" in english(po_path)[ids["cost"]]


def test_force_never_discards_what_it_can_keep(review: Path, po_path: Path) -> None:
    ids = reviewed(review, po_path)

    def work(d: Docx) -> None:
        d.replace(ids["cost"], "майже", "понад", OLENA, OLENA_DATE, column=1)   # not allowed
        d.replace(ids["cost"], "almost", "nearly", OLENA, OLENA_DATE)          # fine
    edit(review, work)
    message = refused(review, po_path)
    assert ids["cost"] in message and "Ukrainian edited" in message
    res = run(review, po_path, "--force")
    assert res.exit_code == 0 and f"not imported {ids['cost']}" in res.stderr
    cost = next(e for e in polib.pofile(str(po_path)) if e.msgctxt == ids["cost"])
    assert "nearly two years" in cost.msgstr and "понад" in " ".join(cost.tcomment.split())
    assert "Over 600 pupils" in english(po_path)[ids["school"]]


def test_a_damaged_review_is_refused(review: Path, po_path: Path) -> None:
    review.write_bytes(review.read_bytes()[:3000])
    assert "not a readable Word document" in refused(review, po_path)


def test_every_table_edit_survives_a_libreoffice_save(make_pair, source_date_epoch, tmp_path: Path) -> None:
    """Deleted variant row, Enter, Shift+Enter, an added row and a two-line comment, then LibreOffice."""
    from test_review_import import make_variant_po

    po_path = make_variant_po(make_pair)
    review = make_review(po_path)
    variant, school = entry_id(po_path, "Headline option"), entry_id(po_path, "School No. 251 in")
    cost, home = entry_id(po_path, "148 million"), entry_id(po_path, "We have come home")

    def work(d: Docx) -> None:
        d.delete_row(variant, OLENA, OLENA_DATE)
        d.split_paragraph(school, "More than", OLENA, OLENA_DATE)
        d.insert_row_after(cost, "An added paragraph.", OLENA, OLENA_DATE)
        d.line_break(home, "Olena Melnyk", OLENA, OLENA_DATE)
        d.comment(cost, "148 million", "Petro S.", "Line one.\nLine two.", "2026-11-21T00:00:00Z")
    edit(review, work)
    resaved = soffice_convert(review, tmp_path / "lo", "docx:MS Word 2007 XML")
    res = run(resaved, po_path)
    assert res.exit_code == 0 and str(resaved) in res.stderr
    po = {e.msgctxt: e for e in polib.pofile(str(po_path))}
    assert po[school].msgstr.count("\n\n") == 1 and "principal,\nOlena Melnyk" in po[home].msgstr
    assert "editflow: drop" in po[variant].tcomment and "welcomes pupils" in po[variant].msgstr
    assert any(e.msgstr == "An added paragraph." for e in po.values())
    assert "Line one.\nLine two." in po[cost].tcomment


def test_text_typed_in_the_notes_column_is_kept(review: Path, po_path: Path) -> None:
    rid = entry_id(po_path, "148 million")
    edit(review, lambda d: d.set_text(rid, 4, "Ask the ministry."))
    res = run(review, po_path)
    assert res.exit_code == 0 and "1 comment(s) imported" in res.stderr and str(po_path) in res.stderr
    cost = next(e for e in polib.pofile(str(po_path)) if e.msgctxt == rid)
    assert "in the notes column: Ask the ministry." in cost.tcomment
