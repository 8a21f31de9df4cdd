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

from editflow.cli import cli
from editflow.errors import InputError
from editflow.export.review_import import import_review
from editflow.history import before_records
from conftest import soffice_convert
from test_export_review import entry_id, make_po, make_review
from word_edits import Docx, edit

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
        from word_edits import W
        from lxml import etree
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


def test_review_of_an_older_po_is_refused(review: Path, po_path: Path) -> None:
    ids = reviewed(review, po_path)
    po = polib.pofile(str(po_path))
    e = next(x for x in po if x.msgctxt == ids["cost"])
    e.msgstr = e.msgstr.replace("almost two years", "nearly two years")   # the translator went on working
    po.save(str(po_path))
    assert ids["cost"] in _refused(review, po_path, "older review")


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


def test_force_imports_the_safe_rows_and_reports_the_rest(review: Path, po_path: Path) -> None:
    ids = reviewed(review, po_path)
    edit(review, lambda d: d.replace(ids["cost"], "майже", "понад", OLENA, OLENA_DATE, column=1))
    _refused(review, po_path, "Ukrainian edited")
    summary = import_review(review, po_path, force=True)
    assert ids["school"] in summary.changed
    assert summary.skipped == [(ids["cost"], "Ukrainian edited")]
    assert "review (Petro S." not in (entry(po_path, ids["cost"]).tcomment or "")


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
