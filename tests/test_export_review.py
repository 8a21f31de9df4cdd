"""The bilingual review document: table, comments on the findings' spans, Track Changes, hashes."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import docx
import polib
import pytest
from lxml import etree

from conftest import EN_PARAGRAPHS, convert_to_pdf, pdf_text
from editflow.checks import check_po
from editflow.errors import InputError
from editflow.export.review import AUTHOR, INITIALS, NO_UKRAINIAN, row_ids, text_sha, write_review
from editflow.outputs import read_review_part
from editflow.workfile import align_files, write_alignment

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# The school article with a finding the checks make: Cyrillic left in the mayor's paragraph.
EN_WITH_CYRILLIC = list(EN_PARAGRAPHS)
EN_WITH_CYRILLIC[5] = EN_WITH_CYRILLIC[5].replace("Mayor", "Мер Mayor")


# Aligning and exporting take a few tenths of a second; the results depend only on the
# texts, the relative paths and SOURCE_DATE_EPOCH, so each is made once per session.
_PO_CACHE: dict[tuple[str, ...], bytes] = {}
_REVIEW_CACHE: dict[bytes, bytes] = {}


def make_po(make_pair, en: list[str] | None = None) -> Path:
    pair = make_pair(en=EN_WITH_CYRILLIC if en is None else en)
    po_path = pair.translation.with_name("school.po")
    key = (os.environ.get("SOURCE_DATE_EPOCH", ""), *pair.en)
    if key not in _PO_CACHE:
        write_alignment(align_files(pair.original, pair.translation), po_path)
        _PO_CACHE[key] = po_path.read_bytes()
    po_path.write_bytes(_PO_CACHE[key])
    return po_path


def make_review(po_path: Path) -> Path:
    out = po_path.parent.parent / "build" / "school.review.docx"
    key = po_path.read_bytes()
    if key not in _REVIEW_CACHE:
        write_review(po_path, out)
        _REVIEW_CACHE[key] = out.read_bytes()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(_REVIEW_CACHE[key])
    return out


def entry_id(po_path: Path, fragment: str) -> str:
    """The row id of the entry whose English (or Ukrainian) contains `fragment`."""
    for rid, e in row_ids(polib.pofile(str(po_path))):
        if fragment in e.msgstr or fragment in e.msgid:
            return rid
    raise KeyError(fragment)


@pytest.fixture
def po_path(make_pair, source_date_epoch) -> Path:
    return make_po(make_pair)


@pytest.fixture
def review(po_path: Path) -> Path:
    return make_review(po_path)


def part(path: Path, name: str):
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def test_one_row_per_entry_with_ids_and_both_sides(po_path: Path, review: Path) -> None:
    po = polib.pofile(str(po_path))
    rows = row_ids(po)
    table = docx.Document(str(review)).tables[0]
    assert len(table.rows) == len(rows) + 1   # the header row
    header = [c.text for c in table.rows[0].cells]
    assert "do not change" in header[0] and "do not change" in header[1] and "edit" in header[2]
    for (rid, entry), row in zip(rows, table.rows[1:]):
        cells = row.cells
        assert cells[0].text == rid
        uk = NO_UKRAINIAN if entry.msgid.startswith("[editflow:") else entry.msgid
        assert "\n\n".join(p.text for p in cells[1].paragraphs) == uk
        assert "\n\n".join(p.text for p in cells[2].paragraphs if p.text) == entry.msgstr
        assert ("doubtful" in cells[3].text) == ("fuzzy" in entry.flags)


def test_header_repeats_page_is_landscape_and_track_changes_on(review: Path) -> None:
    d = docx.Document(str(review))
    section = d.sections[0]
    assert section.page_width > section.page_height
    first_row = d.tables[0].rows[0]._tr
    assert first_row.find(f"{W}trPr/{W}tblHeader") is not None
    assert part(review, "word/settings.xml").find(f"{W}trackRevisions") is not None
    assert "Do not change the ids or the Ukrainian" in "\n".join(p.text for p in d.paragraphs)


def test_doubtful_rows_are_shaded_and_labelled(po_path: Path, review: Path) -> None:
    po = polib.pofile(str(po_path))
    table = docx.Document(str(review)).tables[0]
    fuzzy = [e for _, e in row_ids(po) if "fuzzy" in e.flags]
    assert fuzzy, "the school article has doubtful pairs (the omission, the additions)"
    for (_, entry), row in zip(row_ids(po), table.rows[1:]):
        fills = {tc.find(f"{W}tcPr/{W}shd").get(f"{W}fill") if tc.find(f"{W}tcPr/{W}shd") is not None else None
                 for tc in row._tr.findall(f"{W}tc")}
        if "fuzzy" in entry.flags:
            assert fills == {"FFE699"} and row.cells[3].text.startswith("doubtful")
        else:
            assert fills == {None} and "·" in row.cells[3].text   # "1-1 · 1.00"


def test_split_pair_keeps_its_two_english_paragraphs(po_path: Path, review: Path) -> None:
    rid = entry_id(po_path, "We have come home")
    row = next(r for r in docx.Document(str(review)).tables[0].rows if r.cells[0].text == rid)
    assert [p.text for p in row.cells[2].paragraphs] == [EN_PARAGRAPHS[3], EN_PARAGRAPHS[4]]


def _comment_ranges(review: Path) -> dict[str, tuple[str, int]]:
    """comment id → (text between range start and end, column of the cell)."""
    root = part(review, "word/document.xml")
    out: dict[str, tuple[str, int]] = {}
    for start in root.iter(f"{W}commentRangeStart"):
        cid = start.get(f"{W}id")
        tc = start
        while tc.tag != f"{W}tc":
            tc = tc.getparent()
        column = tc.getparent().findall(f"{W}tc").index(tc)
        texts, on = [], False
        for el in tc.iter():
            if el is start:
                on = True
            elif el.tag == f"{W}commentRangeEnd" and el.get(f"{W}id") == cid:
                break
            elif on and el.tag == f"{W}t":
                texts.append(el.text or "")
        out[cid] = ("".join(texts), column)
    return out


def test_each_finding_is_a_comment_by_editflow_on_its_span(po_path: Path, review: Path) -> None:
    findings = check_po(po_path).findings
    codes = {f.code for f in findings}
    assert {"untranslated.cyrillic", "untranslated.omitted"} <= codes
    d = docx.Document(str(review))
    comments = list(d.comments)
    assert len(comments) == len(findings)
    assert all(c.author == AUTHOR and c.initials == INITIALS for c in comments)
    ranges = _comment_ranges(review)
    entries = {e.index: e for e in check_po(po_path).entries}
    for comment, f in zip(comments, findings):
        anchored, column = ranges[str(comment.comment_id)]
        e = entries[f.index]
        if f.target_span:
            assert (anchored, column) == (e.target[f.target_span[0]:f.target_span[1]], 2)
        else:   # only a Ukrainian span: anchored in the Ukrainian cell
            assert (anchored, column) == (e.source[f.source_span[0]:f.source_span[1]], 1)
        assert f.code in comment.text and f.message in comment.text
    cyr = next(c for c, f in zip(comments, findings) if f.code == "untranslated.cyrillic")
    assert ranges[str(cyr.comment_id)][0] == "Мер"


def test_comment_markup_is_well_formed_inside_cells(review: Path) -> None:
    root = part(review, "word/document.xml")
    starts = [e.get(f"{W}id") for e in root.iter(f"{W}commentRangeStart")]
    ends = [e.get(f"{W}id") for e in root.iter(f"{W}commentRangeEnd")]
    refs = [e.get(f"{W}id") for e in root.iter(f"{W}commentReference")]
    assert sorted(starts) == sorted(ends) == sorted(refs) and starts
    for el in root.iter(f"{W}commentRangeStart", f"{W}commentRangeEnd"):
        assert el.getparent().tag == f"{W}p"   # in a paragraph of a cell, never between cells
    comments = part(review, "word/comments.xml")
    assert sorted(c.get(f"{W}id") for c in comments.iter(f"{W}comment")) == sorted(starts)


def test_hashes_and_po_identity_are_recorded(po_path: Path, review: Path) -> None:
    po = polib.pofile(str(po_path))
    rec = read_review_part(review.read_bytes())
    assert rec.get("source-sha256") == po.metadata["X-Editflow-Source-SHA256"]
    assert rec.get("target") == po.metadata["X-Editflow-Target"]
    assert len(rec.get("entries")) == 16
    rows = [(r.get("id"), r.get("src"), r.get("tgt")) for r in rec]
    assert rows == [(rid, text_sha(e.msgid), text_sha(e.msgstr)) for rid, e in row_ids(po)]


def test_same_po_gives_same_bytes(po_path: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    write_review(po_path, a)
    write_review(po_path, b)
    assert a.read_bytes() == b.read_bytes()


def test_dates_are_the_export_moment(review: Path, source_date_epoch: int) -> None:
    dates = {c.get(f"{W}date") for c in part(review, "word/comments.xml").iter(f"{W}comment")}
    assert dates == {"2023-11-14T22:13:20Z"}


def test_untouched_review_is_replaced_but_a_worked_on_one_is_not(po_path: Path, review: Path) -> None:
    write_review(po_path, review)   # our own, untouched: refreshed
    d = docx.Document(str(review))
    d.add_paragraph("The reviewer's note.")
    d.save(str(review))
    before = review.read_bytes()
    with pytest.raises(InputError, match="someone has worked in"):
        write_review(po_path, review)
    assert review.read_bytes() == before
    write_review(po_path, review, force=True)
    assert review.read_bytes() != before


def test_po_without_entries_is_refused(tmp_path: Path) -> None:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    path = tmp_path / "empty.po"
    po.save(str(path))
    with pytest.raises(InputError, match="no entries"):
        write_review(path, tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()


# ---------------------------------------------------------------------------
# A real word processor opens it (LibreOffice headless, when installed)
# ---------------------------------------------------------------------------

def soffice_text(require_tool, docx_path: Path, tmp_path: Path) -> str:
    """Convert with LibreOffice (the isolated conftest helper) to PDF and return its text."""
    return pdf_text(convert_to_pdf(docx_path, tmp_path / "pdf"))


def test_libreoffice_opens_the_review(require_tool, review: Path, tmp_path: Path) -> None:
    text = " ".join(soffice_text(require_tool, review, tmp_path).split())
    assert "Bilingual review" in text
    assert "Kyiv reopens rebuilt school in Obolon" in text
    assert "Next week the school will open" in text
