"""Refreshing a PO keeps what people wrote in it (editflow.refresh, through workfile.write_alignment).

Each test writes the school article's PO, does to it what a translator or an editor does (Poedit
saves through polib here), changes the input files the way a desk does, aligns again, and looks
for the work in the entry that now holds the same paragraphs.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from conftest import EN_PARAGRAPHS, UK_PARAGRAPHS, ArticlePair

from editflow.checks import check_po
from editflow.checks.suppress import carry_dismissed, dismiss, dismissed_path
from editflow.cli import cli
from editflow.po import ADDED_MSGID, SEP, load_po, po_to_documents
from editflow.refresh import KEPT_NOTE, MATCH_THRESHOLD, carry_over
from editflow.workfile import Refresh, align_files, write_alignment

MAYOR = UK_PARAGRAPHS[4]
COST = UK_PARAGRAPHS[2]
HOME = UK_PARAGRAPHS[3]           # the paragraph the translation splits in two (1-2)
OMITTED = UK_PARAGRAPHS[5]        # the paragraph the translation leaves out (1-0, doubtful)
INSERTED_UK = "Освітній омбудсмен назвала відкриття школи прикладом для інших громад, які відбудовують заклади."
INSERTED_EN = "The education ombudsman called the reopening an example for other communities rebuilding schools."


def po_of(pair: ArticlePair) -> Path:
    return pair.translation.with_name("school.po")


def align(pair: ArticlePair, **kw: object) -> Refresh | None:
    return write_alignment(align_files(pair.original, pair.translation), po_of(pair), **kw)  # type: ignore[arg-type]


def edit_po(path: Path, fn: Callable[[polib.POFile], None]) -> None:
    """Change the PO as Poedit would: polib reads it, `fn` edits, polib saves (re-wrapping)."""
    po = polib.pofile(str(path), wrapwidth=78)
    fn(po)
    po.save(str(path))


def live(path: Path) -> list[polib.POEntry]:
    return [e for e in load_po(path) if not e.obsolete]


def holding(path: Path, uk: str) -> polib.POEntry:
    """The live entry whose Ukrainian side holds this paragraph."""
    return next(e for e in live(path) if uk in e.msgid.split(SEP))


def with_uk(po: polib.POFile, uk: str) -> polib.POEntry:
    return next(e for e in po if uk in e.msgid.split(SEP))


def msgfmt_ok(path: Path, msgfmt: str) -> None:
    proc = subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


@pytest.fixture
def school(make_pair: Callable[..., ArticlePair]) -> ArticlePair:
    pair = make_pair()
    align(pair)
    return pair


# ---------------------------------------------------------------------------
# comments, markers, review records: to the same paragraphs, never by position
# ---------------------------------------------------------------------------

def test_comments_follow_their_paragraphs_not_their_position(school, make_pair) -> None:
    po = po_of(school)

    def note(p: polib.POFile) -> None:
        with_uk(p, MAYOR).tcomment = "Klitschko's title checked with the city hall"
        with_uk(p, COST).tcomment = "editflow: ignore numbers"
        with_uk(p, UK_PARAGRAPHS[0]).tcomment = "reviewed: edited by Olena K. 2026-11-20"
    edit_po(po, note)
    position_of_mayor = [e.msgid for e in live(po)].index(MAYOR)
    # The desk adds a paragraph near the top of both files: every entry below moves down one.
    uk = [*UK_PARAGRAPHS[:2], INSERTED_UK, *UK_PARAGRAPHS[2:]]
    en = [*EN_PARAGRAPHS[:2], INSERTED_EN, *EN_PARAGRAPHS[2:]]
    refresh = align(make_pair(uk=uk, en=en))
    assert refresh is not None
    assert holding(po, MAYOR).tcomment == "Klitschko's title checked with the city hall"
    assert holding(po, COST).tcomment == "editflow: ignore numbers"
    assert holding(po, UK_PARAGRAPHS[0]).tcomment == "reviewed: edited by Olena K. 2026-11-20"
    assert live(po)[position_of_mayor].msgid != MAYOR and not live(po)[position_of_mayor].tcomment
    assert holding(po, INSERTED_UK).tcomment == ""
    assert refresh.report.counts() == {"translator comment": 1, "ignore marker": 1, "review record": 1}
    assert refresh.report.obsolete == [] and refresh.report.conflicts == []


def test_a_comment_on_an_entry_that_is_split_goes_with_each_resulting_entry(school, make_pair) -> None:
    po = po_of(school)
    edit_po(po, lambda p: setattr(with_uk(p, HOME), "tcomment", "quote checked against the recording"))
    old_id = holding(po, HOME).msgctxt
    # The original's editor splits the paragraph the translation had already split: 1-2 becomes 1-1 + 1-1.
    first, second = HOME.split(" За її словами, ")
    uk = [*UK_PARAGRAPHS[:3], first, "За її словами, " + second, *UK_PARAGRAPHS[4:]]
    refresh = align(make_pair(uk=uk))
    assert refresh is not None
    assert holding(po, first).tcomment == "quote checked against the recording"
    assert holding(po, "За її словами, " + second).tcomment == "quote checked against the recording"
    assert refresh.report.moves[old_id].new == [holding(po, first).msgctxt,
                                                 holding(po, "За її словами, " + second).msgctxt]


def test_comments_of_merged_entries_meet_on_the_merged_entry(school, make_pair) -> None:
    po = po_of(school)

    def note(p: polib.POFile) -> None:
        with_uk(p, UK_PARAGRAPHS[1]).tcomment = "school number checked"
        with_uk(p, UK_PARAGRAPHS[2]).tcomment = "cost: see the city's report"
    edit_po(po, note)
    # The original's editor joins two paragraphs; the translation keeps them apart (2 English ↔ 1 Ukrainian).
    joined = UK_PARAGRAPHS[1] + " " + UK_PARAGRAPHS[2]
    align(make_pair(uk=[UK_PARAGRAPHS[0], joined, *UK_PARAGRAPHS[3:]]))
    merged = holding(po, joined)
    assert merged.msgstr == SEP.join(EN_PARAGRAPHS[1:3])
    assert merged.tcomment.split("\n") == ["school number checked", "cost: see the city's report"]


def test_an_ignore_marker_keeps_silencing_its_finding(make_pair) -> None:
    en = list(EN_PARAGRAPHS)
    en[5] = en[5].replace("37 more", "38 more")   # a number the checks flag
    pair = make_pair(en=en)
    align(pair)
    po = po_of(pair)
    assert any(f.code == "numbers.mismatch" for f in check_po(po).findings)
    edit_po(po, lambda p: setattr(with_uk(p, MAYOR), "tcomment", "editflow: ignore numbers"))
    assert not any(f.code == "numbers.mismatch" for f in check_po(po).findings)
    uk = list(UK_PARAGRAPHS)
    uk[6] = uk[6].replace("басейн і", "басейн та")  # an unrelated fix elsewhere
    align(make_pair(uk=uk, en=en))
    assert not any(f.code == "numbers.mismatch" for f in check_po(po).findings)


def test_review_records_from_an_imported_review_survive_a_refresh(make_pair, source_date_epoch) -> None:
    from test_export_review import make_po, make_review
    from test_review_import import reviewed

    from editflow.export.review_import import import_review
    from editflow.history import before_records

    po = make_po(make_pair)
    review = make_review(po)
    ids = reviewed(review, po)
    import_review(review, po)
    before = {e.msgctxt: (e.msgstr, e.tcomment, before_records(e)) for e in load_po(po)}
    pair = ArticlePair(po.parent.parent / "originals" / "school.uk.txt", po.parent / "school.en.txt", [], [])
    uk = pair.original.read_text(encoding="utf-8").replace("басейн і", "басейн та")
    pair.original.write_text(uk, encoding="utf-8")
    refresh = write_alignment(align_files(pair.original, pair.translation), po)
    assert refresh is not None
    after = {e.msgctxt: (e.msgstr, e.tcomment, before_records(e)) for e in load_po(po)}
    for rid in ids.values():
        assert after[rid] == before[rid]   # the reviewer's English, comments and before-review record
    assert before[ids["cost"]][1] and "review (" in before[ids["cost"]][1]
    assert refresh.report.counts()["review record"] >= 3


# ---------------------------------------------------------------------------
# flags
# ---------------------------------------------------------------------------

def test_a_confirmed_pair_stays_confirmed(school, make_pair) -> None:
    po = po_of(school)
    assert "fuzzy" in holding(po, OMITTED).flags
    edit_po(po, lambda p: with_uk(p, OMITTED).flags.remove("fuzzy"))
    uk = list(UK_PARAGRAPHS)
    uk[0] = uk[0] + "."   # a fix elsewhere
    refresh = align(make_pair(uk=uk))
    assert refresh is not None
    assert "fuzzy" not in holding(po, OMITTED).flags
    assert [c.what for c in refresh.report.carried] == ["confirmed pair"]


def test_a_confirmation_is_not_carried_to_a_pair_that_changed(school, make_pair) -> None:
    po = po_of(school)
    edit_po(po, lambda p: with_uk(p, OMITTED).flags.remove("fuzzy"))
    # The translation now translates the omitted paragraph: the 1-0 pair the translator confirmed is gone.
    en = [*EN_PARAGRAPHS[:6], "Earlier, residents had collected signatures to have the school rebuilt on its old "
                              "site rather than moved to another neighbourhood.", *EN_PARAGRAPHS[6:]]
    refresh = align(make_pair(en=en))
    assert refresh is not None
    assert holding(po, OMITTED).msgstr.startswith("Earlier, residents")
    assert any("confirmation" in n and "the pair changed" in n for n in refresh.report.not_carried)
    assert "not carried" in refresh.report.format()


def test_a_fuzzy_flag_set_by_a_translator_on_a_confident_pair_is_kept(school, make_pair) -> None:
    po = po_of(school)
    assert "fuzzy" not in holding(po, MAYOR).flags
    edit_po(po, lambda p: with_uk(p, MAYOR).flags.append("fuzzy"))
    uk = list(UK_PARAGRAPHS)
    uk[0] = uk[0] + "."
    refresh = align(make_pair(uk=uk))
    assert refresh is not None and "fuzzy" in holding(po, MAYOR).flags
    assert [c.what for c in refresh.report.carried] == ["fuzzy flag"]


# ---------------------------------------------------------------------------
# English edited in the PO
# ---------------------------------------------------------------------------

def test_english_edited_in_the_po_is_kept_when_the_translation_did_not_change_it(school, make_pair) -> None:
    po = po_of(school)
    edit_po(po, lambda p: setattr(with_uk(p, MAYOR), "msgstr", "Mayor Klitschko thanked the builders."))
    uk = list(UK_PARAGRAPHS)
    uk[4] = uk[4].replace("подякував будівельникам", "подякував усім будівельникам")  # the Ukrainian moves a little
    refresh = align(make_pair(uk=uk))
    assert refresh is not None
    assert holding(po, uk[4]).msgstr == "Mayor Klitschko thanked the builders."
    assert refresh.report.conflicts == []
    assert [c.what for c in refresh.report.carried] == ["English edited in the PO"]


def test_a_paragraph_changed_in_both_places_keeps_the_po_version_and_reports_the_conflict(school, make_pair) -> None:
    po = po_of(school)
    edit_po(po, lambda p: setattr(with_uk(p, MAYOR), "msgstr", "Mayor Klitschko thanked the builders."))
    en = list(EN_PARAGRAPHS)
    en[5] = en[5].replace("thanked the builders", "thanked the construction workers")
    refresh = align(make_pair(en=en))
    assert refresh is not None
    assert holding(po, MAYOR).msgstr == "Mayor Klitschko thanked the builders."
    [conflict] = refresh.report.conflicts
    assert conflict.po_text == "Mayor Klitschko thanked the builders." and conflict.translation_text == en[5]
    text = refresh.report.format()
    assert "conflict in" in text and "thanked the construction workers" in text and str(po) in refresh.report.po
    # The entry still counts as edited in the PO (against the new translation), so nothing re-flows it.
    refresh = align(make_pair(en=en))
    assert refresh is not None and refresh.report.conflicts == []
    assert holding(po, MAYOR).msgstr == "Mayor Klitschko thanked the builders."


def test_an_edit_the_translator_copied_into_the_translation_is_simply_the_new_text(school, make_pair) -> None:
    po = po_of(school)
    edit_po(po, lambda p: setattr(with_uk(p, MAYOR), "msgstr", "Mayor Klitschko thanked the builders."))
    en = list(EN_PARAGRAPHS)
    en[5] = "Mayor Klitschko thanked the builders."
    refresh = align(make_pair(en=en))
    assert refresh is not None and refresh.report.conflicts == [] and refresh.report.obsolete == []
    assert holding(po, MAYOR).msgstr == en[5]
    from editflow.po import edited_entries
    assert edited_entries(load_po(po)) == []


def test_ukrainian_edited_in_the_po_is_kept_as_an_obsolete_entry_not_silently_replaced(school, make_pair) -> None:
    po = po_of(school)
    edited = MAYOR.replace("Віталій Кличко", "Віталій Кличко (ред.)")
    edit_po(po, lambda p: setattr(with_uk(p, MAYOR), "msgid", edited))
    uk = list(UK_PARAGRAPHS)
    uk[0] = uk[0] + "."
    refresh = align(make_pair(uk=uk))
    assert refresh is not None
    assert holding(po, MAYOR).msgid == MAYOR   # the original file is where the Ukrainian comes from
    [kept] = refresh.report.obsolete
    assert kept.what == ["Ukrainian edited in the PO"] and "edit the original" in kept.reason
    assert [e.msgid for e in load_po(po) if e.obsolete] == [edited]


# ---------------------------------------------------------------------------
# what cannot be placed, added entries, the header
# ---------------------------------------------------------------------------

def test_an_entry_whose_paragraphs_are_gone_is_kept_as_an_obsolete_entry(school, make_pair, require_tool) -> None:
    po = po_of(school)
    edit_po(po, lambda p: setattr(with_uk(p, COST), "tcomment", "cost: see the city's report"))
    old_id = with_uk(polib.pofile(str(po)), COST).msgctxt
    uk = [u for u in UK_PARAGRAPHS if u != COST]
    en = [e for e in EN_PARAGRAPHS if e != EN_PARAGRAPHS[2]]
    refresh = align(make_pair(uk=uk, en=en))
    assert refresh is not None
    [kept] = refresh.report.obsolete
    assert kept.old == old_id and kept.what == ["translator comment"]
    [obsolete] = [e for e in load_po(po) if e.obsolete]
    assert obsolete.msgid == COST and obsolete.msgstr == EN_PARAGRAPHS[2]
    assert obsolete.tcomment.split("\n")[-1] == "cost: see the city's report"
    assert obsolete.tcomment.startswith(KEPT_NOTE)   # polib wraps the note; the desk's line stays whole
    assert f"kept as obsolete (#~) in {po}: {kept.entry}" in refresh.report.format()
    msgfmt_ok(po, require_tool("msgfmt"))
    # The next refresh keeps it once, as it is.
    before = [str(e) for e in load_po(po) if e.obsolete]
    align(make_pair(uk=uk, en=en))
    assert [str(e) for e in load_po(po) if e.obsolete] == before


def test_an_entry_added_by_hand_stays_after_the_entry_it_followed(school, make_pair) -> None:
    po = po_of(school)
    note = polib.POEntry(msgctxt="desk-note", msgid=ADDED_MSGID, msgstr="This article was updated on March 3.",
                         tcomment="added by the desk")

    def add(p: polib.POFile) -> None:
        p.insert(p.index(with_uk(p, MAYOR)) + 1, note)
    edit_po(po, add)
    uk = [*UK_PARAGRAPHS[:2], INSERTED_UK, *UK_PARAGRAPHS[2:]]
    en = [*EN_PARAGRAPHS[:2], INSERTED_EN, *EN_PARAGRAPHS[2:]]
    refresh = align(make_pair(uk=uk, en=en))
    assert refresh is not None
    entries = live(po)
    k = [e.msgid for e in entries].index(MAYOR)
    assert (entries[k + 1].msgctxt, entries[k + 1].msgstr, entries[k + 1].tcomment) == \
        ("desk-note", note.msgstr, "added by the desk")
    _src, tgt, _beads = po_to_documents(load_po(po), po)
    assert note.msgstr in tgt.texts
    assert [c.what for c in refresh.report.carried] == ["added entry"]
    # Once the desk puts the sentence into the translation, it is the translation's paragraph.
    en2 = [*en[:7], note.msgstr, *en[7:]]
    refresh = align(make_pair(uk=uk, en=en2))
    assert refresh is not None
    assert [e.msgstr for e in live(po)].count(note.msgstr) == 1
    assert next(e for e in live(po) if e.msgstr == note.msgstr).tcomment == "added by the desk"


def test_header_fields_the_desk_set_are_kept(school, make_pair) -> None:
    po = po_of(school)

    def header(p: polib.POFile) -> None:
        p.header = "Translation of the school article.\nCopyright the desk."
        p.metadata["Last-Translator"] = "Olena K. <olena@example.org>"
        p.metadata["Language-Team"] = "Desk <desk@example.org>"
        p.metadata["X-Poedit-Basepath"] = ".."
        p.metadata["X-Editflow-Imported-Review"] = "ab" * 32
    edit_po(po, header)
    uk = list(UK_PARAGRAPHS)
    uk[0] = uk[0] + "."
    align(make_pair(uk=uk))
    after = load_po(po)
    assert after.header == "Translation of the school article.\nCopyright the desk."
    assert after.metadata["Last-Translator"] == "Olena K. <olena@example.org>"
    assert after.metadata["Language-Team"] == "Desk <desk@example.org>"
    assert after.metadata["X-Poedit-Basepath"] == ".."
    assert after.metadata["X-Editflow-Imported-Review"] == "ab" * 32


def test_a_paragraph_rewritten_beyond_the_threshold_is_not_taken_for_the_old_one(school, make_pair) -> None:
    po = po_of(school)
    edit_po(po, lambda p: setattr(with_uk(p, COST), "tcomment", "cost: see the city's report"))
    uk = list(UK_PARAGRAPHS)
    uk[2] = "Кошторис робіт міська рада оприлюднила лише після завершення відбудови."
    en = list(EN_PARAGRAPHS)
    en[2] = "The city council published the cost estimate only after the work was done."
    refresh = align(make_pair(uk=uk, en=en))
    assert refresh is not None
    assert holding(po, uk[2]).tcomment == ""
    assert [u.what for u in refresh.report.obsolete] == [["translator comment"]]


def test_a_lightly_edited_paragraph_is_matched_above_the_threshold(school, make_pair) -> None:
    from rapidfuzz import fuzz

    po = po_of(school)
    edit_po(po, lambda p: setattr(with_uk(p, COST), "tcomment", "cost: see the city's report"))
    uk = list(UK_PARAGRAPHS)
    uk[2] = uk[2].replace("148 мільйонів гривень", "понад 148 мільйонів гривень").replace("Половину", "Майже половину")
    en = list(EN_PARAGRAPHS)
    en[2] = en[2].replace("148 million", "over 148 million")
    assert MATCH_THRESHOLD <= fuzz.ratio(COST, uk[2]) < 100
    align(make_pair(uk=uk, en=en))
    assert holding(po, uk[2]).tcomment == "cost: see the city's report"


# ---------------------------------------------------------------------------
# dismissed findings
# ---------------------------------------------------------------------------

def test_a_dismissed_finding_is_rekeyed_when_only_white_space_changed(make_pair) -> None:
    en = list(EN_PARAGRAPHS)
    en[5] = en[5].replace("37 more", "38 more")
    pair = make_pair(en=en)
    align(pair)
    po = po_of(pair)
    [finding] = [f for f in check_po(po).findings if f.code == "numbers.mismatch"]
    dismiss(dismissed_path(po), [finding], "the city counts differently")
    assert not any(f.code == "numbers.mismatch" for f in check_po(po).findings)
    en[5] = en[5].replace("and noted", "and  noted")   # a double space: the entry's text, and its key, change
    pair = make_pair(en=en)
    refresh = align(pair)
    assert refresh is not None
    carry_dismissed(po, refresh.previous, refresh.po, refresh.report)
    assert refresh.report.dismissals_rekeyed == 1 and refresh.report.dismissals_lost == []
    assert not any(f.code == "numbers.mismatch" for f in check_po(po).findings)
    assert "the city counts differently" in dismissed_path(po).read_text(encoding="utf-8")
    # A real change to the words brings the finding back, and says so.
    en[5] = en[5].replace("38 more", "39 more")
    refresh = align(make_pair(en=en))
    assert refresh is not None
    carry_dismissed(po, refresh.previous, refresh.po, refresh.report)
    assert len(refresh.report.dismissals_lost) == 1
    assert any(f.code == "numbers.mismatch" for f in check_po(po).findings)


# ---------------------------------------------------------------------------
# --discard-edits, and the file as written
# ---------------------------------------------------------------------------

def test_discard_edits_drops_everything_and_says_what(school, make_pair) -> None:
    po = po_of(school)

    def work(p: polib.POFile) -> None:
        with_uk(p, MAYOR).tcomment = "checked"
        with_uk(p, MAYOR).msgstr = "Mayor Klitschko thanked the builders."
        with_uk(p, OMITTED).flags.remove("fuzzy")
        p.append(polib.POEntry(msgctxt="desk-note", msgid=ADDED_MSGID, msgstr="Updated."))
    edit_po(po, work)
    refresh = align(school, discard_edits=True)
    assert refresh is not None
    fresh = po.read_bytes()
    assert b"checked" not in fresh and b"desk-note" not in fresh
    assert holding(po, MAYOR).msgstr == EN_PARAGRAPHS[5] and "fuzzy" in holding(po, OMITTED).flags
    assert sorted(d.what for d in refresh.report.dropped) == sorted(
        ["translator comment", "English edited in the PO", "confirmed pair", "added entry"])
    assert "dropped (--discard-edits)" in refresh.report.format()


def test_every_refreshed_po_passes_msgfmt_and_rebuilds(school, make_pair, require_tool) -> None:
    msgfmt = require_tool("msgfmt")
    po = po_of(school)

    def work(p: polib.POFile) -> None:
        with_uk(p, MAYOR).tcomment = "checked"
        with_uk(p, COST).tcomment = "gone soon"
        with_uk(p, HOME).msgstr = with_uk(p, HOME).msgstr.replace("\n\n", " ")   # joined: no longer fits
        p.append(polib.POEntry(msgctxt="desk-note", msgid=ADDED_MSGID, msgstr="Updated."))
    edit_po(po, work)
    uk = [u for u in UK_PARAGRAPHS if u != COST]
    en = [e for e in EN_PARAGRAPHS if e != EN_PARAGRAPHS[2]]
    refresh = align(make_pair(uk=uk, en=en))
    assert refresh is not None and len(refresh.report.obsolete) == 2
    msgfmt_ok(po, msgfmt)
    src, tgt, _ = po_to_documents(load_po(po), po)
    assert src.texts == uk
    assert tgt.texts == [*en[:-3], *en[-3:], "Updated."]


def test_carry_over_is_pure_and_reports_moves(school) -> None:
    po = po_of(school)
    old = load_po(po)
    with_uk(old, MAYOR).tcomment = "checked"
    new = load_po(po)
    merged, report = carry_over(old, new, po_name="school.po")
    assert merged is new and with_uk(merged, MAYOR).tcomment == "checked"
    mayor = with_uk(old, MAYOR).msgctxt
    assert report.moves[mayor].new == [mayor] and report.moves[mayor].exact
    assert report.as_dict()["counts"] == {"translator comment": 1}


# ---------------------------------------------------------------------------
# the command
# ---------------------------------------------------------------------------

def test_align_command_says_what_it_kept_and_json_has_the_report(school, make_pair) -> None:
    po = po_of(school)
    edit_po(po, lambda p: setattr(with_uk(p, MAYOR), "msgstr", "Mayor Klitschko thanked the builders."))
    en = list(EN_PARAGRAPHS)
    en[5] = en[5].replace("thanked the builders", "thanked the construction workers")
    pair = make_pair(en=en)
    runner = CliRunner()
    result = runner.invoke(cli, ["align", str(pair.original), str(pair.translation)])
    assert result.exit_code == 0, result.output
    assert f"kept from the previous {po}: 1 English edited in the PO" in result.output
    assert "conflict in" in result.output
    result = runner.invoke(cli, ["align", str(pair.original), str(pair.translation), "--json"])
    import json
    data = json.loads(result.stdout)
    assert data["refresh"]["counts"] == {"English edited in the PO": 1}
    result = runner.invoke(cli, ["align", str(pair.original), str(pair.translation), "--discard-edits"])
    assert result.exit_code == 0 and "dropped (--discard-edits)" in result.output
    assert holding(po, MAYOR).msgstr == en[5]


def test_a_dismissal_follows_its_finding_into_a_merged_entry(tmp_path: Path) -> None:
    """The aligner merges two pairs whose paragraphs did not change: the dismissed finding is still there."""
    from editflow.model import Alignment, Bead, Document, Paragraph
    from editflow.po import alignment_to_po

    uk = ["«Ми повернулися додому», — сказала директорка школи Олена Мельник.",
          "За її словами, у новому корпусі обладнали укриття на 900 місць."]
    en = ['"We have come home," said the school\'s principal, Olena Melnyk.',
          "According to her, the new building has a shelter for 900 people."]
    po_path = tmp_path / "school.po"

    def po_of_beads(beads: list[Bead]) -> polib.POFile:
        al = Alignment(Document([Paragraph(t) for t in uk], lang="uk"), Document([Paragraph(t) for t in en], lang="en"),
                       beads, doubt_threshold=0.85)
        return alignment_to_po(al, po_path)

    old = po_of_beads([Bead((0,), (0,), 0.99), Bead((1,), (1,), 0.99)])
    po_path.write_text(str(old) + "\n", encoding="utf-8")
    [quotes] = [f for f in check_po(po_path).findings if f.code == "typography.straight-quotes"]
    dismiss(dismissed_path(po_path), [quotes], "quotes are fixed at layout")
    new = po_of_beads([Bead((0, 1), (0, 1), 0.9)])
    merged, report = carry_over(load_po(po_path), new, po_name=str(po_path))
    assert report.moves[quotes.entry].exact
    po_path.write_text(str(merged) + "\n", encoding="utf-8")
    carry_dismissed(po_path, old, merged, report)
    assert report.dismissals_rekeyed == 1
    assert not any(f.code == "typography.straight-quotes" for f in check_po(po_path).findings)
    line = [ln for ln in dismissed_path(po_path).read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    assert len(line) == 1 and line[0].endswith("quotes are fixed at layout") and merged[0].msgctxt in line[0]


def _po(uk: list[str], en: list[str], beads: list[tuple[tuple[int, ...], tuple[int, ...]]], path: Path) -> polib.POFile:
    from editflow.model import Alignment, Bead, Document, Paragraph
    from editflow.po import alignment_to_po

    al = Alignment(Document([Paragraph(t) for t in uk], lang="uk"), Document([Paragraph(t) for t in en], lang="en"),
                   [Bead(s, t, 0.99) for s, t in beads], doubt_threshold=0.85)
    return alignment_to_po(al, path)


UK2 = ["Перше речення абзацу про відбудову школи на Оболоні.", "Друге речення того ж абзацу про басейн і спортзал."]
EN2 = ["The first sentence, about rebuilding the school in Obolon.", "The second one, about the pool and the gym."]


def test_an_edit_of_a_split_entry_goes_paragraph_by_paragraph_when_the_pair_is_divided(tmp_path: Path) -> None:
    path = tmp_path / "school.po"
    old = _po([" ".join(UK2)], EN2, [((0,), (0, 1))], path)
    old[0].msgstr = SEP.join([EN2[0].replace("rebuilding", "the rebuilding of"), EN2[1].replace("one", "sentence")])
    old[0].tcomment = "reviewed: edited by Olena K. 2026-11-20\nchecked with the desk\nreview (Petro S.): fine"
    new = _po(UK2, EN2, [((0,), (0,)), ((1,), (1,))], path)
    merged, report = carry_over(old, new)
    assert [e.msgstr for e in merged] == [EN2[0].replace("rebuilding", "the rebuilding of"),
                                          EN2[1].replace("one", "sentence")]
    # The comment lines keep their order, on both entries.
    assert [e.tcomment for e in merged] == [old[0].tcomment] * 2
    assert [c.what for c in report.carried] == ["review record", "translator comment", "English edited in the PO"]


def test_an_edit_that_changed_the_paragraph_count_of_a_divided_pair_is_kept_as_obsolete(tmp_path: Path) -> None:
    path = tmp_path / "school.po"
    old = _po([" ".join(UK2)], EN2, [((0,), (0, 1))], path)
    old[0].msgstr = " ".join(EN2)   # the translator joined the two paragraphs
    new = _po(UK2, EN2, [((0,), (0,)), ((1,), (1,))], path)
    merged, report = carry_over(old, new)
    assert [e.msgstr for e in merged if not e.obsolete] == EN2
    [kept] = [e for e in merged if e.obsolete]
    assert kept.msgstr == " ".join(EN2) and report.obsolete[0].what == ["English edited in the PO"]
