"""A review exported before a re-pairing still imports: its rows are found by their paragraphs' ids."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from test_export_review import entry_id, make_po, make_review
from word_edits import Docx, edit

from editflow.export.review_import import import_review
from editflow.pairing import join, load_pairing, save_pairing, split_row, unpair
from editflow.pairing.model import Pairing
from editflow.po import SEP

OLENA, OLENA_DATE = "Olena K.", "2026-11-20T10:00:00Z"


@pytest.fixture
def po_path(make_pair, source_date_epoch) -> Path:
    return make_po(make_pair)


def row_holding(p: Pairing, fragment: str) -> int:
    return next(k for k, r in enumerate(p.rows) if any(fragment in q.text for q in r.en))


def holding(po_path: Path, fragment: str) -> polib.POEntry:
    return next(e for e in polib.pofile(str(po_path)) if fragment in e.msgstr and not e.obsolete)


def test_an_edit_of_a_row_joined_since_goes_to_its_paragraph(po_path: Path) -> None:
    review = make_review(po_path)
    rid = entry_id(po_path, "School No. 251")
    p = load_pairing(po_path)
    k = row_holding(p, "School No. 251")
    save_pairing(join(p, k, "next"))
    joined = holding(po_path, "School No. 251")
    assert joined.msgctxt != rid and len(joined.msgstr.split(SEP)) >= 2
    other = joined.msgstr.split(SEP)[1]
    edit(review, lambda d: d.replace(rid, "More than", "Over", OLENA, OLENA_DATE))
    summary = import_review(review, po_path)
    assert rid in summary.changed and not summary.skipped
    joined = holding(po_path, "School No. 251")
    assert "Over 600 pupils" in joined.msgstr and joined.msgstr.split(SEP)[1] == other
    assert "reviewed: edited by Olena K." in joined.tcomment
    # The PO's paragraph still counts as edited, and only that one.
    after = load_pairing(po_path)
    row = after.rows[row_holding(after, "Over 600 pupils")]
    assert [q.edited for q in row.en] == [True] + [False] * (len(row.en) - 1)


def test_an_edit_of_an_unpaired_row_goes_to_the_english_wherever_it_is(po_path: Path) -> None:
    review = make_review(po_path)
    rid = entry_id(po_path, "School No. 251")
    p = load_pairing(po_path)
    save_pairing(unpair(p, row_holding(p, "School No. 251")))
    edit(review, lambda d: d.replace(rid, "More than", "Over", OLENA, OLENA_DATE))
    summary = import_review(review, po_path)
    assert rid in summary.changed
    english = holding(po_path, "Over 600 pupils")
    assert english.msgid.startswith("[editflow")            # the 0-1 entry the English went to
    uk_only = next(e for e in polib.pofile(str(po_path)) if e.msgctxt == rid)
    assert uk_only.msgstr == ""                              # the Ukrainian-only row stays without English


def test_an_edit_of_a_row_split_since_goes_to_each_piece(po_path: Path) -> None:
    review = make_review(po_path)
    rid = entry_id(po_path, "We have come home")
    p = load_pairing(po_path)
    k = row_holding(p, "We have come home")
    assert len(p.rows[k].en) == 2
    save_pairing(split_row(p, k, 1, 1))
    edit(review, lambda d: d.replace(rid, "principal", "head teacher", OLENA, OLENA_DATE))
    summary = import_review(review, po_path)
    assert rid in summary.changed and not summary.skipped
    first = holding(po_path, "We have come home")
    assert "head teacher" in first.msgstr and SEP not in first.msgstr


def test_what_cannot_be_put_back_is_refused_naming_the_row(po_path: Path) -> None:
    review = make_review(po_path)
    rid = entry_id(po_path, "School No. 251")
    p = load_pairing(po_path)
    save_pairing(join(p, row_holding(p, "School No. 251"), "next"))
    before = holding(po_path, "School No. 251").msgstr

    def empty(d: Docx) -> None:
        cell = d.cell(rid, 2)
        text = "".join(t.text or "" for t in cell.iter(f"{{{d.root.nsmap['w']}}}t"))
        d.replace(rid, text, "", OLENA, OLENA_DATE)
    edit(review, empty)
    summary = import_review(review, po_path, force=True)
    assert any(rid in what and "re-paired since the export" in kind for what, kind in summary.skipped)
    assert holding(po_path, "School No. 251").msgstr == before


def test_roles_and_pins_survive_the_review_round_trip(po_path: Path) -> None:
    from editflow.pairing import pin, set_role

    p = load_pairing(po_path)
    k = row_holding(p, "We have come home")
    number = p.number(p.rows[k].en[1])
    save_pairing(pin(set_role(p, "en", number, "quote"), k))
    review = make_review(po_path)
    rid = entry_id(po_path, "We have come home")
    edit(review, lambda d: d.replace(rid, "We have come home", "We are home again", OLENA, OLENA_DATE))
    assert rid in import_review(review, po_path).changed
    after = load_pairing(po_path)
    row = after.rows[row_holding(after, "We are home again")]
    assert row.pinned and (row.en[1].role, row.en[1].role_set) == ("quote", True)
