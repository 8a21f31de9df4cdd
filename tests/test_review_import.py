"""The review round trip: a review edited the way Word does, imported back into the PO."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path

import docx
import polib
import pytest
from click.testing import CliRunner
from conftest import soffice_convert
from lxml import etree
from test_export_review import entry_id, make_po, make_review
from word_edits import W_NS, Docx, W, edit

from editflow.cli import cli
from editflow.errors import InputError
from editflow.export.review_import import ReviewConflict, import_review, same_text
from editflow.history import before_records

OLENA, OLENA_DATE = "Olena K.", "2026-11-20T10:00:00Z"
PETRO, PETRO_DATE = "Petro S.", "2026-11-21T09:30:00Z"


@pytest.fixture
def po_path(make_pair, source_date_epoch) -> Path:
    return make_po(make_pair)


@pytest.fixture
def review(po_path: Path) -> Path:
    return make_review(po_path)


def entry(po_path: Path, rid: str) -> polib.POEntry:
    return next(e for e in polib.pofile(str(po_path)) if e.msgctxt == rid)


def reviewed(review: Path, po_path: Path) -> dict[str, str]:
    """Olena replaces and deletes with Track Changes on; Petro comments; returns the ids touched."""
    ids = {"school": entry_id(po_path, "School No. 251"), "mayor": entry_id(po_path, "Klitschko"),
           "cost": entry_id(po_path, "148 million"), "home": entry_id(po_path, "We have come home")}

    def work(d: Docx) -> None:
        d.replace(ids["school"], "More than", "Over", OLENA, OLENA_DATE)
        d.replace(ids["mayor"], "Мер", "", OLENA, OLENA_DATE)
        d.replace(ids["home"], "principal", "head teacher", OLENA, OLENA_DATE)
        d.comment(ids["cost"], "148 million", PETRO, "Check the figure against the city report.", PETRO_DATE)
    edit(review, work)
    return ids


def test_round_trip_updates_english_and_keeps_the_record(review: Path, po_path: Path, require_tool) -> None:
    ids = reviewed(review, po_path)
    old_school = entry(po_path, ids["school"]).msgstr
    summary = import_review(review, po_path)
    assert sorted(summary.changed) == sorted([ids["school"], ids["mayor"], ids["home"]])
    assert summary.comments == 1 and summary.written

    school = entry(po_path, ids["school"])
    assert "Over 600 pupils" in school.msgstr and "More than" not in school.msgstr
    assert "reviewed: edited by Olena K. 2026-11-20" in school.tcomment
    assert before_records(school) == [{"text": old_school, "by": OLENA, "date": "2026-11-20",
                                       "review": before_records(school)[0]["review"]}]
    assert entry(po_path, ids["mayor"]).msgstr.startswith(" Mayor Vitali Klitschko")
    home = entry(po_path, ids["home"])
    assert home.msgstr.split("\n\n")[0] == '"We have come home," said the school\'s head teacher, Olena Melnyk.'
    assert len(home.msgstr.split("\n\n")) == 2       # the split pair keeps its two paragraphs

    cost = entry(po_path, ids["cost"])
    assert 'review (Petro S. 2026-11-21) on “148 million”: Check the figure against the city report.' \
        in " ".join(cost.tcomment.split())
    assert "148 million" in cost.msgstr and not before_records(cost)   # a comment is not an edit
    # editflow's own comments (the findings) are not imported back
    assert all("untranslated" not in (e.tcomment or "") for e in polib.pofile(str(po_path)))
    subprocess.run([require_tool("msgfmt"), "--check", "-o", "/dev/null", str(po_path)], check=True)


def test_reimport_is_idempotent(review: Path, po_path: Path) -> None:
    reviewed(review, po_path)
    import_review(review, po_path)
    after_first = po_path.read_bytes()
    summary = import_review(review, po_path)
    assert summary.changed == [] and summary.comments == 0 and not summary.written
    assert po_path.read_bytes() == after_first


def test_review_of_a_doubtful_row_keeps_it_fuzzy(review: Path, po_path: Path) -> None:
    rid = next(e.msgctxt for e in polib.pofile(str(po_path)) if "fuzzy" in e.flags and e.msgstr)
    word = entry(po_path, rid).msgstr.split()[0]
    edit(review, lambda d: d.replace(rid, word, word + "!", OLENA, OLENA_DATE))
    import_review(review, po_path)
    assert "fuzzy" in entry(po_path, rid).flags


def test_untracked_edit_is_recorded_as_such(review: Path, po_path: Path) -> None:
    rid = entry_id(po_path, "Next week")

    def work(d: Docx) -> None:
        d.set_text(rid, 2, "Next week the school will open a pool and a gym.")
        # Word records who saved the file last, and when
        core = d.parts["docProps/core.xml"].decode("utf-8")
        core = core.replace("<cp:lastModifiedBy>editflow</cp:lastModifiedBy>",
                            "<cp:lastModifiedBy>Olena K.</cp:lastModifiedBy>")
        core = re.sub(r"(<dcterms:modified[^>]*>)[^<]*", r"\g<1>2026-11-22T08:00:00Z", core)
        d.parts["docProps/core.xml"] = core.encode("utf-8")
    edit(review, work)
    import_review(review, po_path)
    e = entry(po_path, rid)
    assert e.msgstr == "Next week the school will open a pool and a gym."
    assert "reviewed: edited by Olena K. 2026-11-22 (changes not tracked)" in e.tcomment


def test_changed_styles_do_not_break_the_import(review: Path, po_path: Path) -> None:
    ids = reviewed(review, po_path)
    edit(review, lambda d: d.strip_styles())
    summary = import_review(review, po_path)
    assert ids["school"] in summary.changed


def test_a_reviewer_comment_outside_the_table_goes_to_the_header(review: Path, po_path: Path) -> None:
    def work(d: Docx) -> None:
        # The comment on the document's title paragraph, above the table.
        from lxml import etree
        from word_edits import W
        p = next(d.root.iter(f"{W}p"))
        cid = d.new_id()
        p.insert(0, etree.Element(f"{W}commentRangeStart", {f"{W}id": cid}))
        p.append(etree.Element(f"{W}commentRangeEnd", {f"{W}id": cid}))
        c = etree.SubElement(d.comments, f"{W}comment", {f"{W}id": cid, f"{W}author": PETRO,
                                                          f"{W}date": PETRO_DATE})
        etree.SubElement(etree.SubElement(etree.SubElement(c, f"{W}p"), f"{W}r"), f"{W}t").text = "Good piece."
    edit(review, work)
    assert import_review(review, po_path).comments == 1
    assert "Good piece." in polib.pofile(str(po_path)).header


# ---------------------------------------------------------------------------
# refusals: one line naming the rows, the PO byte-identical
# ---------------------------------------------------------------------------

def _refused(review: Path, po_path: Path, match: str) -> str:
    before = po_path.read_bytes()
    with pytest.raises(InputError, match=match) as info:
        import_review(review, po_path)
    assert po_path.read_bytes() == before
    message = str(info.value.message)
    assert "\n" not in message
    return message


def test_deleted_row_is_refused(review: Path, po_path: Path) -> None:
    rid = entry_id(po_path, "148 million")
    edit(review, lambda d: d.delete_row(rid))
    assert rid in _refused(review, po_path, "rows deleted")


def test_added_row_is_refused(review: Path, po_path: Path) -> None:
    rid = entry_id(po_path, "148 million")
    edit(review, lambda d: d.duplicate_row(rid))
    assert rid in _refused(review, po_path, "rows added")


def test_merged_rows_are_refused(review: Path, po_path: Path) -> None:
    rid = entry_id(po_path, "148 million")
    edit(review, lambda d: d.merge_down(rid))
    _refused(review, po_path, "merged")


def test_edited_ukrainian_is_refused(review: Path, po_path: Path) -> None:
    rid = entry_id(po_path, "148 million")
    edit(review, lambda d: d.replace(rid, "майже", "понад", OLENA, OLENA_DATE, column=1))
    assert rid in _refused(review, po_path, "Ukrainian edited")


def test_unknown_id_is_refused(review: Path, po_path: Path) -> None:
    rid = entry_id(po_path, "148 million")
    edit(review, lambda d: d.set_text(rid, 0, "deadbeef"))
    assert "deadbeef" in _refused(review, po_path, "unknown ids")


def test_a_po_change_made_since_the_export_is_kept(review: Path, po_path: Path) -> None:
    """The translator went on working after the export; the reviewer only commented on that row."""
    ids = reviewed(review, po_path)
    po = polib.pofile(str(po_path))
    e = next(x for x in po if x.msgctxt == ids["cost"])
    e.msgstr = e.msgstr.replace("almost two years", "nearly two years")
    po.save(str(po_path))
    summary = import_review(review, po_path)
    cost = entry(po_path, ids["cost"])
    assert "nearly two years" in cost.msgstr and "Check the figure" in cost.tcomment
    assert summary.kept == [ids["cost"]] and ids["school"] in summary.changed
    assert "Over 600 pupils" in entry(po_path, ids["school"]).msgstr


def test_review_of_another_article_is_refused(review: Path, make_pair, tmp_path: Path) -> None:
    other = make_pair(slug="other", root=tmp_path / "elsewhere")
    other_po = other.translation.with_name("other.po")
    from editflow.workfile import align_files, write_alignment
    write_alignment(align_files(other.original, other.translation), other_po)
    _refused(review, other_po, "another article")


@pytest.mark.parametrize("damage", ["truncated", "not a zip", "plain docx", "empty table"])
def test_unusable_documents_are_refused(review: Path, po_path: Path, damage: str, tmp_path: Path) -> None:
    if damage == "truncated":
        review.write_bytes(review.read_bytes()[:2000])
        match = "not a readable Word document"
    elif damage == "not a zip":
        review.write_text("Dear editor, here are my notes.", encoding="utf-8")
        match = "not a readable Word document"
    elif damage == "plain docx":
        d = docx.Document()
        d.add_paragraph("A letter, not a review.")
        d.save(str(review))
        match = "not an editflow review document"
    else:
        def empty(d: Docx) -> None:
            for tr in d.rows()[1:]:
                tr.getparent().remove(tr)
        edit(review, empty)
        match = "empty"
    _refused(review, po_path, match)


def test_force_imports_what_it_can_keep_and_keeps_the_rest_as_comments(review: Path, po_path: Path) -> None:
    ids = reviewed(review, po_path)

    def work(d: Docx) -> None:
        d.replace(ids["cost"], "майже", "понад", OLENA, OLENA_DATE, column=1)
        d.replace(ids["cost"], "almost", "nearly", OLENA, OLENA_DATE)
    edit(review, work)
    _refused(review, po_path, "Ukrainian edited")
    summary = import_review(review, po_path, force=True)
    assert ids["school"] in summary.changed and ids["cost"] in summary.changed
    assert summary.skipped == [(ids["cost"], "Ukrainian edited")]
    cost = entry(po_path, ids["cost"])
    assert "nearly two years" in cost.msgstr and "майже" in cost.msgid   # the English edit kept, the Ukrainian not
    notes = " ".join(cost.tcomment.split())
    assert "review (Petro S. 2026-11-21)" in notes                       # the comment kept
    assert "the Ukrainian was changed in the review to “Відбудова тривала понад два роки" in notes


# ---------------------------------------------------------------------------
# the command
# ---------------------------------------------------------------------------

def test_cli_json_and_dry_run(review: Path, po_path: Path) -> None:
    ids = reviewed(review, po_path)
    before = po_path.read_bytes()
    runner = CliRunner()
    res = runner.invoke(cli, ["import-review", str(review), str(po_path), "--dry-run", "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["dry_run"] and not data["written"] and ids["school"] in data["changed"]
    assert po_path.read_bytes() == before
    res = runner.invoke(cli, ["import-review", str(review), str(po_path)])
    assert res.exit_code == 0 and "3 row(s) changed, 1 comment(s) imported" in res.stderr
    assert po_path.read_bytes() != before


def test_cli_refusal_is_one_line_exit_2(review: Path, po_path: Path) -> None:
    rid = entry_id(po_path, "148 million")
    edit(review, lambda d: d.delete_row(rid))
    res = CliRunner().invoke(cli, ["import-review", str(review), str(po_path)])
    assert res.exit_code == 2
    assert res.stderr.count("\n") == 1 and rid in res.stderr and "Traceback" not in res.stderr


def test_round_trip_survives_libreoffice(review: Path, po_path: Path, require_tool, tmp_path: Path) -> None:
    """LibreOffice opens the edited review and saves it again as .docx; the import still works."""
    ids = reviewed(review, po_path)
    resaved = soffice_convert(review, tmp_path / "lo", "docx:MS Word 2007 XML")
    with zipfile.ZipFile(resaved) as z:
        assert "word/document.xml" in z.namelist()
    summary = import_review(resaved, po_path)
    assert ids["school"] in summary.changed and summary.comments == 1


def test_split_cell_is_refused(review: Path, po_path: Path) -> None:
    """Word's Split Cells on the English cell: the row has six cells."""
    import copy
    rid = entry_id(po_path, "148 million")

    def split(d: Docx) -> None:
        en = d.cell(rid, 2)
        en.addnext(copy.deepcopy(en))
    edit(review, split)
    assert rid in _refused(review, po_path, "merged or split")


def test_header_row_deleted_is_not_a_data_row(review: Path, po_path: Path) -> None:
    ids = reviewed(review, po_path)
    edit(review, lambda d: d.rows()[0].getparent().remove(d.rows()[0]))
    assert ids["school"] in import_review(review, po_path).changed


def test_cell_text_accepts_moves_and_joined_paragraphs() -> None:
    from lxml import etree

    from editflow.export.review_import import Change, _cell_text
    W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    tc = etree.fromstring(
        f'<w:tc xmlns:w="{W_NS}">'
        '<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A" w:date="2026-11-20T00:00:00Z"/></w:rPr></w:pPr>'
        '<w:r><w:t xml:space="preserve">Kyiv </w:t></w:r>'
        '<w:moveFrom w:id="2" w:author="A" w:date="2026-11-20T00:00:00Z"><w:r><w:t>today</w:t></w:r></w:moveFrom>'
        '</w:p>'
        '<w:p><w:r><w:t xml:space="preserve">reopened a school</w:t></w:r>'
        '<w:moveTo w:id="3" w:author="B" w:date="2026-11-21T00:00:00Z"><w:r><w:t xml:space="preserve"> today</w:t></w:r></w:moveTo>'
        '<w:del w:id="4" w:author="B" w:date="2026-11-21T00:00:00Z"><w:r><w:delText>!</w:delText></w:r></w:del>'
        '<w:r><w:t>.</w:t></w:r></w:p>'
        '<w:p/><w:p><w:r><w:t>Second paragraph.</w:t><w:br/><w:t>Line two.</w:t></w:r></w:p></w:tc>')
    changes: list[Change] = []
    text, count = _cell_text(tc, changes)
    assert text == "Kyiv reopened a school today.\n\nSecond paragraph.\nLine two."
    assert count == 2
    assert {(c.author, c.date) for c in changes} == {("A", "2026-11-20"), ("B", "2026-11-21")}


def test_rows_are_matched_by_id_not_position(review: Path, po_path: Path) -> None:
    """A reviewer who sorted the table (or Word that moved rows) changes nothing for the import."""
    ids = reviewed(review, po_path)

    def reverse(d: Docx) -> None:
        rows = d.rows()
        table = rows[0].getparent()
        for tr in rows[1:]:
            table.remove(tr)
        for tr in reversed(rows[1:]):
            table.append(tr)
    edit(review, reverse)
    summary = import_review(review, po_path)
    assert sorted(summary.changed) == sorted([ids["school"], ids["mayor"], ids["home"]])
    assert "Over 600 pupils" in entry(po_path, ids["school"]).msgstr


def test_second_round_shows_the_record_and_keeps_the_first_before(review: Path, po_path: Path,
                                                                   tmp_path: Path) -> None:
    from editflow.export.review import write_review
    ids = reviewed(review, po_path)
    first_before = entry(po_path, ids["school"]).msgstr
    import_review(review, po_path)
    second = tmp_path / "round2.review.docx"
    write_review(po_path, second)
    row = next(r for r in docx.Document(str(second)).tables[0].rows if r.cells[0].text == ids["school"])
    assert "reviewed: edited by Olena K. 2026-11-20" in row.cells[4].text
    assert "before-review" not in row.cells[4].text and "Over 600" in row.cells[2].text
    edit(second, lambda d: d.replace(ids["school"], "Over", "More than", PETRO, PETRO_DATE))
    assert import_review(second, po_path).changed == [ids["school"]]
    school = entry(po_path, ids["school"])
    assert [r["text"] for r in before_records(school)] == [first_before]
    assert "reviewed: edited by Petro S. 2026-11-21" in school.tcomment


def test_a_review_imported_whole_may_be_replaced_by_a_new_export(review: Path, po_path: Path) -> None:
    from editflow.errors import InputError
    from editflow.export.review import write_review

    reviewed(review, po_path)
    with pytest.raises(InputError, match="import it first"):
        write_review(po_path, review)  # worked in, not yet imported: kept
    import_review(review, po_path)
    write_review(po_path, review)      # imported whole: the next round's review replaces it
    from editflow.export.review_import import read_review

    assert read_review(review).part is not None


# ---------------------------------------------------------------------------
# three ways: the export, the review, the PO now
# ---------------------------------------------------------------------------

def set_english(po_path: Path, rid: str, old: str, new: str) -> None:
    """The translator edits the English of one entry in the PO (as Poedit would save it)."""
    po = polib.pofile(str(po_path))
    e = next(x for x in po if x.msgctxt == rid)
    assert old in e.msgstr
    e.msgstr = e.msgstr.replace(old, new)
    po.save(str(po_path))


def test_reimport_after_a_translators_revert_is_a_no_op(review: Path, po_path: Path) -> None:
    ids = reviewed(review, po_path)
    import_review(review, po_path)
    set_english(po_path, ids["school"], "Over 600", "More than 600")    # the translator reverts
    before = po_path.read_bytes()
    summary = import_review(review, po_path)
    assert summary.no_changes and not summary.written and "no changes" in summary.format()
    assert po_path.read_bytes() == before


def test_reimport_of_a_copy_after_a_revert_keeps_the_revert(review: Path, po_path: Path, tmp_path: Path) -> None:
    """Not the same bytes (saved again, imported under --force once): the rows' own records decide."""
    ids = reviewed(review, po_path)
    import_review(review, po_path)
    set_english(po_path, ids["school"], "Over 600", "More than 600")

    def saved_again(d: Docx) -> None:   # as a word processor would: the same text, other bytes
        d.parts["docProps/core.xml"] = d.parts["docProps/core.xml"].replace(b"editflow", b"Olena K.")
    copy = edit(review, saved_again, tmp_path / "copy.review.docx")
    assert copy.read_bytes() != review.read_bytes()
    summary = import_review(copy, po_path)
    assert summary.changed == [] and summary.kept == [ids["school"]]
    assert "More than 600" in entry(po_path, ids["school"]).msgstr


def test_a_true_conflict_is_refused_with_both_texts(review: Path, po_path: Path) -> None:
    ids = reviewed(review, po_path)                                      # Olena: "More than" → "Over"
    set_english(po_path, ids["school"], "More than 600", "Upwards of 600")
    before = po_path.read_bytes()
    with pytest.raises(ReviewConflict) as info:
        import_review(review, po_path)
    assert po_path.read_bytes() == before
    message = info.value.message
    assert str(review) in message and ids["school"] in message and "\n" not in message
    assert "Upwards of 600 pupils" in message and "Over 600 pupils" in message
    [c] = info.value.conflicts
    assert (c.id, c.paragraph) == (ids["school"], 0) and "Upwards of" in c.ours and "Over 600" in c.theirs


@pytest.mark.parametrize("resolve, kept", [("theirs", "Over 600"), ("ours", "Upwards of 600")])
def test_theirs_or_ours_settles_a_conflict(review: Path, po_path: Path, resolve, kept: str) -> None:
    ids = reviewed(review, po_path)
    set_english(po_path, ids["school"], "More than 600", "Upwards of 600")
    summary = import_review(review, po_path, resolve=resolve)
    assert kept in entry(po_path, ids["school"]).msgstr
    assert [c.id for c, _ in summary.resolved] == [ids["school"]]
    assert "Klitschko" in entry(po_path, ids["mayor"]).msgstr and ids["mayor"] in summary.changed  # the rest taken
    before = po_path.read_bytes()
    assert import_review(review, po_path, resolve=resolve).no_changes   # decided once, not asked again
    assert po_path.read_bytes() == before


def test_force_keeps_the_pos_side_of_a_conflict_and_the_reviewers_as_a_comment(review: Path, po_path: Path) -> None:
    ids = reviewed(review, po_path)
    set_english(po_path, ids["school"], "More than 600", "Upwards of 600")
    import_review(review, po_path, force=True)
    school = entry(po_path, ids["school"])
    assert "Upwards of 600" in school.msgstr
    assert "Over 600 pupils" in " ".join(school.tcomment.split())


def test_changes_to_different_paragraphs_of_one_pair_are_merged(review: Path, po_path: Path) -> None:
    ids = reviewed(review, po_path)                                      # Olena: paragraph 1 of the 1-2 pair
    set_english(po_path, ids["home"], "air raid alerts", "air-raid alerts")   # the translator: paragraph 2
    summary = import_review(review, po_path)
    home = entry(po_path, ids["home"]).msgstr.split("\n\n")
    assert "head teacher" in home[0] and "air-raid alerts" in home[1]
    assert ids["home"] in summary.merged


def test_the_same_change_on_both_sides_is_no_conflict(review: Path, po_path: Path) -> None:
    ids = reviewed(review, po_path)
    set_english(po_path, ids["school"], "More than 600", "Over 600")
    summary = import_review(review, po_path)
    assert ids["school"] not in summary.changed and "Over 600" in entry(po_path, ids["school"]).msgstr


def test_cli_theirs_ours(review: Path, po_path: Path) -> None:
    ids = reviewed(review, po_path)
    set_english(po_path, ids["school"], "More than 600", "Upwards of 600")
    runner = CliRunner()
    res = runner.invoke(cli, ["import-review", str(review), str(po_path)])
    assert res.exit_code == 2 and "--theirs" in res.stderr and "Upwards of 600" in res.stderr
    assert res.stderr.count("\n") == 1
    res = runner.invoke(cli, ["import-review", str(review), str(po_path), "--theirs", "--ours"])
    assert res.exit_code == 2 and "exclude each other" in res.stderr
    res = runner.invoke(cli, ["import-review", str(review), str(po_path), "--theirs", "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["conflicts"][0]["id"] == ids["school"] and data["conflicts"][0]["taken"] == "took the reviewer's text"
    assert "Over 600" in entry(po_path, ids["school"]).msgstr


# ---------------------------------------------------------------------------
# a word processor that changes nothing anyone can see
# ---------------------------------------------------------------------------

def test_untouched_review_resaved_by_libreoffice_has_no_changes(po_path: Path, tmp_path: Path) -> None:
    """Tabs, soft hyphens and trailing spaces: LibreOffice changes them unseen."""
    po = polib.pofile(str(po_path))
    cost = next(e for e in po if "148 million" in e.msgstr)
    cost.msgid = cost.msgid.replace("майже два", "майже\tдва")
    cost.msgstr = cost.msgstr.replace("reconstruction", "recon\u00adstruction").replace("rest.", "rest. ")
    po.save(str(po_path))
    review = make_review(po_path)
    resaved = soffice_convert(review, tmp_path / "lo", "docx:MS Word 2007 XML")
    entries = [(e.msgctxt, e.msgstr, e.tcomment) for e in polib.pofile(str(po_path))]
    summary = import_review(resaved, po_path)
    assert summary.no_changes and summary.changed == [] and summary.comments == 0
    assert "no changes" in summary.format()
    assert [(e.msgctxt, e.msgstr, e.tcomment) for e in polib.pofile(str(po_path))] == entries


def test_untouched_review_saved_again_as_word_saves_it_has_no_changes(review: Path, po_path: Path) -> None:
    entries = [(e.msgctxt, e.msgstr, e.tcomment) for e in polib.pofile(str(po_path))]
    edit(review, lambda d: d.resave_like_word())
    summary = import_review(review, po_path)
    assert summary.no_changes and summary.changed == [] and summary.comments == 0
    assert [(e.msgctxt, e.msgstr, e.tcomment) for e in polib.pofile(str(po_path))] == entries


def test_same_text_ignores_only_what_a_word_processor_loses_unseen() -> None:
    assert same_text("reconstruction", "recon\u00adstruction")      # returned, written
    assert same_text("a b", "a\tb ")
    assert not same_text("recon\u00adstruction", "reconstruction")   # a soft hyphen typed in is an edit
    assert not same_text("a b ", "a b")
    assert not same_text("a b", "a  b") and not same_text("Over", "More than")


# ---------------------------------------------------------------------------
# what editors do in a table
# ---------------------------------------------------------------------------

def test_enter_in_an_english_cell_splits_the_paragraph(review: Path, po_path: Path, tmp_path: Path) -> None:
    from editflow.export.publication import write_publication
    from editflow.export.review import write_review
    from editflow.po import entry_info, po_to_documents

    rid = entry_id(po_path, "School No. 251")
    edit(review, lambda d: d.split_paragraph(rid, "More than", OLENA, OLENA_DATE))
    summary = import_review(review, po_path)
    assert summary.reshaped == [(rid, "1-1 → 1-2")]
    e = entry(po_path, rid)
    first, second = e.msgstr.split("\n\n")
    assert first.endswith("after reconstruction.") and second.startswith("More than 600 pupils")
    info = entry_info(e)
    assert info is not None and len(info.src) == 1 and len(info.tgt) == 2 and info.tgt_roles == ["body", "body"]
    assert "1-2" in e.comment
    # What import accepts, export accepts: the publication and the next review take the two paragraphs.
    po_to_documents(polib.pofile(str(po_path)), po_path)
    out = tmp_path / "school.docx"
    write_publication(po_path, out)
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert first in texts and second in texts
    second_round = tmp_path / "round2.review.docx"
    write_review(po_path, second_round)
    row = next(r for r in docx.Document(str(second_round)).tables[0].rows if r.cells[0].text == rid)
    assert [p.text for p in row.cells[2].paragraphs] == [first, second]
    assert import_review(second_round, po_path).no_changes


def test_shift_enter_stays_a_line_break_inside_the_paragraph(review: Path, po_path: Path, tmp_path: Path) -> None:
    from editflow.export.publication import write_publication

    rid = entry_id(po_path, "We have come home")

    def work(d: Docx) -> None:
        d.line_break(rid, "Olena Melnyk", OLENA, OLENA_DATE)
        # a Shift+Enter at the very end of the first paragraph: nothing to break there
        cell = d.cell(rid, 2)
        first = cell.findall(f"{W}p")[0]
        first.append(etree.fromstring(f'<w:r xmlns:w="{W_NS}"><w:br/></w:r>'))
    edit(review, work)
    summary = import_review(review, po_path)
    assert summary.reshaped == []
    paragraphs = entry(po_path, rid).msgstr.split("\n\n")
    assert paragraphs[0] == '"We have come home," said the school\'s principal,\nOlena Melnyk.'
    assert len(paragraphs) == 2 and not paragraphs[1].startswith("\n")
    out = tmp_path / "school.docx"
    write_publication(po_path, out)
    assert paragraphs[0] in [p.text for p in docx.Document(str(out)).paragraphs]   # python-docx reads w:br as \n


def test_an_added_row_is_a_new_english_paragraph_after_the_row_above(review: Path, po_path: Path,
                                                                       tmp_path: Path) -> None:
    from editflow.export.publication import write_publication
    from editflow.export.redline import write_redline
    from editflow.export.review import write_review
    from editflow.po import ADDED_MSGID

    cost = entry_id(po_path, "148 million")
    added = "The ministry promised to pay for the pool."
    edit(review, lambda d: d.insert_row_after(cost, added, OLENA, OLENA_DATE))
    summary = import_review(review, po_path)
    [new_id] = summary.added
    po = [e for e in polib.pofile(str(po_path)) if not e.obsolete]
    k = next(i for i, e in enumerate(po) if e.msgctxt == cost)
    assert (po[k + 1].msgctxt, po[k + 1].msgid, po[k + 1].msgstr) == (new_id, ADDED_MSGID, added)
    assert "reviewed: added by Olena K. 2026-11-20" in po[k + 1].tcomment
    out = tmp_path / "school.docx"
    write_publication(po_path, out)
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[texts.index(added) - 1] == entry(po_path, cost).msgstr
    assert write_redline(po_path, tmp_path / "school.redline.docx").insertions >= 1
    second_round = tmp_path / "round2.review.docx"
    write_review(po_path, second_round)
    assert any(r.cells[0].text == new_id for r in docx.Document(str(second_round)).tables[0].rows)
    assert import_review(second_round, po_path).no_changes
    before = po_path.read_bytes()
    assert import_review(review, po_path).already and po_path.read_bytes() == before


def test_an_untracked_added_row_with_two_paragraphs(review: Path, po_path: Path) -> None:
    rid = entry_id(po_path, "Next week")
    edit(review, lambda d: d.insert_row_after(rid, "First added.\n\nSecond added."))
    summary = import_review(review, po_path)
    assert len(summary.added) == 2
    texts = [e.msgstr for e in polib.pofile(str(po_path))]
    k = texts.index(entry(po_path, rid).msgstr)
    assert texts[k + 1: k + 3] == ["First added.", "Second added."]


def test_a_comment_with_line_breaks_is_kept_as_written(review: Path, po_path: Path, tmp_path: Path) -> None:
    from editflow.export.review import write_review

    rid = entry_id(po_path, "148 million")
    text = ("Check the figure.\nThe city report says 150 million\vand the ministry 148 million; "
            "ask the author which one the article should use, and say where it comes from.")
    edit(review, lambda d: d.comment(rid, "148 million", PETRO, text, PETRO_DATE))
    import_review(review, po_path)
    second_round = tmp_path / "round2.review.docx"
    write_review(po_path, second_round)
    row = next(r for r in docx.Document(str(second_round)).tables[0].rows if r.cells[0].text == rid)
    notes = [p.text for p in row.cells[4].paragraphs]
    assert notes[-3:] == ["review (Petro S. 2026-11-21) on “148 million”: Check the figure.",
                          "The city report says 150 million",
                          "and the ministry 148 million; ask the author which one the article should use, "
                          "and say where it comes from."]
    tc = entry(po_path, rid).tcomment
    assert "Check the figure.\nThe city report says 150 million\n" in tc
    assert import_review(second_round, po_path).no_changes


def make_variant_po(make_pair) -> Path:
    from conftest import EN_PARAGRAPHS, UK_PARAGRAPHS
    uk = [UK_PARAGRAPHS[0], "Варіант заголовка 2: Школа № 251 знову приймає учнів", *UK_PARAGRAPHS[1:]]
    en = [EN_PARAGRAPHS[0], "Headline option 2: School No. 251 welcomes pupils again", *EN_PARAGRAPHS[1:]]
    pair = make_pair(uk=uk, en=en)
    po_path = pair.translation.with_name("school.po")
    from editflow.workfile import align_files, write_alignment
    write_alignment(align_files(pair.original, pair.translation), po_path)
    return po_path


@pytest.mark.parametrize("tracked", [True, False])
def test_deleting_a_headline_variants_row_drops_it_from_the_publication(make_pair, source_date_epoch,
                                                                        tmp_path: Path, tracked: bool) -> None:
    from editflow.export.publication import write_publication
    from editflow.export.review import write_review

    po_path = make_variant_po(make_pair)
    variant = entry_id(po_path, "Headline option 2")
    out = tmp_path / "before.docx"
    write_publication(po_path, out, subtitle=True)
    assert "School No. 251 welcomes pupils again" in [p.text for p in docx.Document(str(out)).paragraphs]
    review = make_review(po_path)
    edit(review, lambda d: d.delete_row(variant, *((OLENA, OLENA_DATE) if tracked else ())))
    summary = import_review(review, po_path)
    assert summary.dropped == [variant]
    e = entry(po_path, variant)
    assert e.msgstr == "Headline option 2: School No. 251 welcomes pupils again"   # the text stays in the PO
    after = tmp_path / "after.docx"
    result = write_publication(po_path, after, subtitle=True)
    assert not any("welcomes pupils" in p.text for p in docx.Document(str(after)).paragraphs)
    assert result.dropped.get("headline") == 1
    second_round = tmp_path / "round2.review.docx"
    write_review(po_path, second_round)
    row = next(r for r in docx.Document(str(second_round)).tables[0].rows if r.cells[0].text == variant)
    assert "not published" in row.cells[3].text
    assert import_review(second_round, po_path).no_changes


@pytest.mark.parametrize("tracked", [True, False])
@pytest.mark.parametrize("which, named", [("Kyiv reopens", "the headline"), ("148 million", "body")])
def test_deleting_the_headline_or_a_body_row_is_refused(review: Path, po_path: Path, tracked: bool,
                                                        which: str, named: str) -> None:
    rid = entry_id(po_path, which)
    edit(review, lambda d: d.delete_row(rid, *((OLENA, OLENA_DATE) if tracked else ())))
    message = _refused(review, po_path, "alignment editor")
    assert f"{rid} (row " in message and named in message and str(review) in message


def test_force_with_a_deleted_body_row_keeps_the_other_edits(review: Path, po_path: Path) -> None:
    ids = reviewed(review, po_path)
    edit(review, lambda d: d.delete_row(ids["mayor"]))
    summary = import_review(review, po_path, force=True)
    assert ids["school"] in summary.changed and summary.comments == 1
    [(what, why)] = summary.skipped
    assert what.startswith(f"{ids['mayor']} (row ") and "body rows deleted" in why
    mayor = entry(po_path, ids["mayor"])
    assert "Mayor Vitali" in mayor.msgstr and "deleted in the review" in " ".join(mayor.tcomment.split())


# ---------------------------------------------------------------------------
# every note whole
# ---------------------------------------------------------------------------

def test_the_notes_column_shows_a_wrapped_note_whole(review: Path, po_path: Path) -> None:
    rid = entry_id(po_path, "Share This")
    assert "web boilerplate;\nno Ukrainian" in entry(po_path, rid).comment    # polib wrapped it in the PO
    row = next(r for r in docx.Document(str(review)).tables[0].rows if r.cells[0].text == rid)
    assert row.cells[4].text == ("0-1 (added in translation) · confidence 0.59 · looks like web boilerplate; "
                                 "no Ukrainian counterpart (added?)")


def test_entry_note_and_note_lines() -> None:
    from editflow.history import comment_block, human_notes, note_lines
    from editflow.po import entry_note

    e = polib.POEntry(comment="1-0 (omitted in translation) · confidence 0.45 · no English counterpart\n"
                              "(omitted?)\neditflow: src=5 tgt= conf=0.4513 roles=body| en=da39a3ee")
    assert entry_note(e) == "1-0 (omitted in translation) · confidence 0.45 · no English counterpart (omitted?)"
    long = "review (Petro S. 2026-11-21): " + "word " * 30 + "end."
    block = comment_block(long + "\nsecond line")
    assert all(len(line) <= 76 for line in block.split("\n"))
    assert note_lines(block) == [" ".join(long.split()), "second line"]
    assert human_notes(block + "\nbefore-review: eyJ0ZXh0\nreview-import: 0a1b 2c3d") == [" ".join(long.split()),
                                                                                           "second line"]
    # what polib writes and reads back is the same lines
    po = polib.POFile(wrapwidth=78)
    po.append(polib.POEntry(msgid="a", msgstr="b", tcomment=block))
    assert note_lines(polib.pofile(str(po))[0].tcomment) == [" ".join(long.split()), "second line"]


def test_enter_in_a_row_added_by_a_review_makes_another_entry(review: Path, po_path: Path, tmp_path: Path) -> None:
    """An entry without the machine line holds one paragraph: a second one becomes an entry of its own."""
    from editflow.export.publication import write_publication
    from editflow.export.review import write_review

    cost = entry_id(po_path, "148 million")
    edit(review, lambda d: d.insert_row_after(cost, "The ministry will pay. The city agreed.", OLENA, OLENA_DATE))
    [added] = import_review(review, po_path).added
    second_round = tmp_path / "round2.review.docx"
    write_review(po_path, second_round)
    edit(second_round, lambda d: d.split_paragraph(added, "The city", PETRO, PETRO_DATE))
    summary = import_review(second_round, po_path)
    assert summary.changed == [added] and len(summary.added) == 1
    texts = [e.msgstr for e in polib.pofile(str(po_path))]
    k = texts.index("The ministry will pay.")
    assert texts[k + 1] == "The city agreed."
    out = tmp_path / "school.docx"
    write_publication(po_path, out)
    published = [p.text for p in docx.Document(str(out)).paragraphs]
    assert published[published.index("The ministry will pay.") + 1] == "The city agreed."


# ---------------------------------------------------------------------------
# text typed where nothing is imported is kept, not dropped
# ---------------------------------------------------------------------------

def test_text_typed_in_the_notes_or_status_column_or_outside_the_table_is_kept(review: Path,
                                                                                po_path: Path) -> None:
    rid = entry_id(po_path, "148 million")
    home = entry_id(po_path, "We have come home")

    def work(d: Docx) -> None:
        d.set_text(rid, 4, "Ask the ministry for the exact sum.")
        d.set_text(home, 3, "checked")
        body = d.root.find(f"{W}body")
        p = etree.Element(f"{W}p")
        etree.SubElement(etree.SubElement(p, f"{W}r"), f"{W}t").text = "Overall: good; fix the numbers."
        body.insert(len(body) - 1, p)
    edit(review, work)
    summary = import_review(review, po_path)
    assert summary.comments == 3 and summary.changed == []
    assert "in the notes column: Ask the ministry for the exact sum." in " ".join(entry(po_path, rid).tcomment.split())
    assert "in the status column: checked" in entry(po_path, home).tcomment
    assert "outside the table: Overall: good; fix the numbers." in " ".join(polib.pofile(str(po_path)).header.split())
    assert import_review(review, po_path).already


def test_two_reviewers_of_one_export(review: Path, po_path: Path, tmp_path: Path) -> None:
    """Olena and Petro each got the same export; their changes to different rows are both kept."""
    import shutil

    second = tmp_path / "petro.review.docx"
    shutil.copy(review, second)
    ids = reviewed(review, po_path)
    edit(second, lambda d: d.replace(ids["cost"], "almost", "nearly", PETRO, PETRO_DATE))
    import_review(review, po_path)
    summary = import_review(second, po_path)
    assert summary.changed == [ids["cost"]] and ids["school"] in summary.kept
    assert "Over 600" in entry(po_path, ids["school"]).msgstr and "nearly two" in entry(po_path, ids["cost"]).msgstr
    edit(second, lambda d: d.replace(ids["school"], "More than", "Upwards of", PETRO, PETRO_DATE))
    with pytest.raises(ReviewConflict, match="Upwards of 600"):
        import_review(second, po_path)


def test_a_review_that_records_only_hashes_still_imports_three_ways(review: Path, po_path: Path) -> None:
    """Reviews exported before the English was recorded per row: the hashes decide."""
    ids = reviewed(review, po_path)

    def old_part(d: Docx) -> None:
        name = next(n for n in d.parts if n.startswith("customXml/item") and b"urn:editflow:review" in d.parts[n])
        root = etree.fromstring(d.parts[name])
        for row in root:
            for attr in ("en", "status", "notes"):
                row.attrib.pop(attr, None)
        d.parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    edit(review, old_part)
    set_english(po_path, ids["cost"], "almost two years", "nearly two years")   # a row Olena left alone
    set_english(po_path, ids["mayor"], "Klitschko", "Klychko")                  # a row she changed too
    with pytest.raises(ReviewConflict) as info:
        import_review(review, po_path)
    assert [(c.id, c.paragraph, c.base) for c in info.value.conflicts] == [(ids["mayor"], 0, None)]
    summary = import_review(review, po_path, resolve="ours")
    assert ids["cost"] in summary.kept and ids["school"] in summary.changed
    assert "Klychko" in entry(po_path, ids["mayor"]).msgstr and "nearly two" in entry(po_path, ids["cost"]).msgstr


def test_deleting_a_row_a_review_added_drops_it(review: Path, po_path: Path, tmp_path: Path) -> None:
    from editflow.export.publication import write_publication
    from editflow.export.review import write_review

    cost = entry_id(po_path, "148 million")
    edit(review, lambda d: d.insert_row_after(cost, "An added line.", OLENA, OLENA_DATE))
    [added] = import_review(review, po_path).added
    second_round = tmp_path / "round2.review.docx"
    write_review(po_path, second_round)
    edit(second_round, lambda d: d.delete_row(added, PETRO, PETRO_DATE))
    assert import_review(second_round, po_path).dropped == [added]
    out = tmp_path / "school.docx"
    write_publication(po_path, out)
    assert "An added line." not in [p.text for p in docx.Document(str(out)).paragraphs]
    assert entry(po_path, added).msgstr == "An added line."


def test_a_split_made_in_review_survives_a_refresh(review: Path, po_path: Path, make_pair) -> None:
    """The translation file changes elsewhere and the article is aligned again over the PO."""
    from conftest import EN_PARAGRAPHS

    from editflow.po import entry_info, po_to_documents
    from editflow.workfile import align_files, write_alignment

    rid = entry_id(po_path, "School No. 251")
    edit(review, lambda d: d.split_paragraph(rid, "More than", OLENA, OLENA_DATE))
    import_review(review, po_path)
    split = entry(po_path, rid).msgstr
    en = list(EN_PARAGRAPHS)
    en[6] = en[6].replace("Next week", "Next month")
    pair = make_pair(en=en)
    write_alignment(align_files(pair.original, pair.translation), po_path)
    e = entry(po_path, rid)
    assert e.msgstr == split
    info = entry_info(e)
    assert info is not None and len(info.tgt) == 2
    po_to_documents(polib.pofile(str(po_path)), po_path)


def test_every_table_edit_leaves_a_po_that_gettext_and_editflow_read(review: Path, po_path: Path,
                                                                     require_tool) -> None:
    from editflow.po import load_po, po_to_documents

    ids = reviewed(review, po_path)

    def work(d: Docx) -> None:
        d.split_paragraph(ids["cost"], "International", OLENA, OLENA_DATE)
        d.insert_row_after(ids["cost"], "Added: first.\n\nAdded: second.", OLENA, OLENA_DATE)
        d.line_break(ids["mayor"], "thanked", OLENA, OLENA_DATE)
        d.comment(ids["school"], "Obolon", PETRO, "One.\nTwo\vthree.\n" + "long " * 30, PETRO_DATE)
    edit(review, work)
    import_review(review, po_path)
    subprocess.run([require_tool("msgfmt"), "--check", "-o", "/dev/null", str(po_path)], check=True)
    po = load_po(po_path)
    _src, tgt, beads = po_to_documents(po, po_path)
    assert any(p.text == "Added: second." for p in tgt.paragraphs)
    assert len(tgt.paragraphs) == sum(len(b.tgt) for b in beads)


def test_a_read_only_po_is_left_as_it_is(review: Path, po_path: Path) -> None:
    """Someone made the PO read-only: the import writes nothing and says how to go on; a dry run still reports."""
    reviewed(review, po_path)
    before = po_path.read_bytes()
    po_path.chmod(0o444)
    try:
        r = CliRunner().invoke(cli, ["import-review", str(review), str(po_path)])
        assert r.exit_code == 2
        assert "is read-only, so editflow will not write the review's changes into it" in r.stderr
        assert "chmod u+w" in r.stderr
        assert po_path.read_bytes() == before and po_path.stat().st_mode & 0o777 == 0o444
        assert len(import_review(review, po_path, dry_run=True).changed) >= 2
    finally:
        po_path.chmod(0o644)
    assert import_review(review, po_path).written
