"""The alignment editor's library (editflow.pairing): every operation, saving, the journal, re-alignment.

The fixture PO is made from an alignment whose pairs the test chooses (a made-up article written
for these tests), so that each operation starts from a known pairing, wrong pairs included.
"""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from editflow.checks import check_po
from editflow.checks.suppress import dismiss, dismissed_path
from editflow.fileio import ChangedOnDisk
from editflow.model import Alignment, Bead, Document, Paragraph
from editflow.pairing import (
    Journal,
    NeedsConfirmation,
    Op,
    Pairing,
    PairingError,
    RealignContext,
    alignment_json,
    apply_op,
    choose_headline,
    edit_english,
    join,
    link,
    load_pairing,
    mark_boilerplate,
    move_paragraph,
    page_json,
    pair_rows,
    pin,
    realign,
    render,
    replay,
    row_findings,
    save_pairing,
    set_role,
    split_paragraph,
    split_row,
    unpair,
    unpin,
)
from editflow.po import SEP, alignment_to_po, edited_entries, entry_info, load_po

UK = [
    ("Міськрада Житомира ухвалила бюджет на 2026 рік", "title"),
    ("Автор: Олена Коваленко", "byline"),
    ("Депутати проголосували за бюджет у 4,2 мільярда гривень на засіданні в четвер.", "body"),
    ("Найбільше коштів отримають школи та лікарні міста.", "body"),
    ("Мер подякував депутатам за підтримку і пообіцяв звіт за пів року.", "body"),
    ("Опозиція голосувала проти через витрати на ремонт доріг.", "body"),
    ("Наступне засідання призначено на 15 січня.", "body"),
]
EN = [
    ("Zhytomyr council adopts 2026 budget", "title"),
    ("SEO title: Zhytomyr budget 2026 approved", "headline"),
    ("By Olena Kovalenko", "byline"),
    ("Deputies voted for a budget of 4.2 billion hryvnias at Thursday's session.", "body"),
    ("Schools and hospitals will receive the most money.", "body"),
    ("The city's hospitals will get new equipment.", "body"),
    ("The mayor thanked the deputies for their support and promised a report in six months.", "body"),
    ("The opposition voted against because of spending on road repairs.", "body"),
    ("The next session is scheduled for January 15.", "body"),
    ("Translated by Kyiv Desk", "body"),
]
# uk index tuple, en index tuple, confidence: rows 0-based; row 5 (uk4-5 ↔ en6) is a wrong 2-1,
# row 6 (uk6 ↔ en7) pairs the wrong paragraphs.
BEADS = [((0,), (0,), 0.99), ((), (1,), 0.97), ((1,), (2,), 0.98), ((2,), (3,), 0.99),
         ((3,), (4, 5), 0.62), ((4, 5), (6,), 0.41), ((6,), (7,), 0.30), ((), (8,), 0.55), ((), (9,), 0.96)]


def make_alignment() -> Alignment:
    src = Document([Paragraph(t, r, str(k + 1)) for k, (t, r) in enumerate(UK)], lang="uk", sha256="a" * 64)
    tgt = Document([Paragraph(t, r, str(k + 1)) for k, (t, r) in enumerate(EN)], lang="en", sha256="b" * 64)
    beads = [Bead(s, t, c, ["doubt"] if c < 0.85 else []) for s, t, c in BEADS]
    return Alignment(src, tgt, beads, ratio=1.1, doubt_threshold=0.85)


@pytest.fixture
def po_path(tmp_path: Path) -> Path:
    path = tmp_path / "budget.po"
    path.write_text(str(alignment_to_po(make_alignment(), path)) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def p(po_path: Path) -> Pairing:
    return load_pairing(po_path)


def shape(p: Pairing) -> list[str]:
    return [p.describe(k) for k in range(len(p.rows))]


def assert_sides_in_order(p: Pairing) -> None:
    """No operation reorders a side: the paragraphs read in the order of the texts."""
    assert [q.text for q in p.paragraphs("uk")] == [t for t, _ in UK]
    en = [q.text for q in p.paragraphs("en")]
    assert en == [t for t, _ in EN] or len(en) != len(EN)


# --------------------------------------------------------------------------- reading


def test_a_fresh_po_reads_as_rows_numbered_like_align_shows_them(p: Pairing) -> None:
    assert shape(p) == ["uk1 ↔ en1", "uk — ↔ en2", "uk2 ↔ en3", "uk3 ↔ en4", "uk4 ↔ en5-6", "uk5-6 ↔ en7",
                        "uk7 ↔ en8", "uk — ↔ en9", "uk — ↔ en10"]
    assert [r.kind for r in p.rows][4:6] == ["1-2", "2-1"]
    assert p.rows[5].confidence == pytest.approx(0.41) and p.rows[5].reasons == ("doubt",)
    assert not any(r.pinned for r in p.rows)
    assert p.rows[0].en[0].role == "title" and p.rows[1].en[0].role == "headline"
    assert p.para("en", 3).pid == f"{p.rows[2].id}.e1"
    assert not any(q.edited for q in p.paragraphs("en"))


def test_an_unchanged_pairing_writes_the_po_back_as_it_was(p: Pairing, po_path: Path) -> None:
    assert render(p) == po_path.read_text(encoding="utf-8")


def test_a_cleared_fuzzy_on_a_doubtful_pair_counts_as_pinned(po_path: Path) -> None:
    po = load_po(po_path)
    entry = next(e for e in po if "fuzzy" in e.flags)
    entry.flags.remove("fuzzy")
    po.save(str(po_path))
    p = load_pairing(po_path)
    assert p.rows[4].pinned and not p.rows[5].pinned


def test_unknown_paragraph_numbers_are_refused_naming_the_count(p: Pairing) -> None:
    with pytest.raises(PairingError, match="there is no uk9: the Ukrainian side has 7 paragraphs"):
        p.para("uk", 9)


# --------------------------------------------------------------------------- row operations


def test_join_with_the_next_row_makes_one_pinned_row(p: Pairing) -> None:
    q = join(p, 6, "next")
    assert shape(q)[6] == "uk7 ↔ en8-9" and q.rows[6].pinned and q.rows[6].confidence is None
    assert q.rows[:6] == p.rows[:6]
    assert_sides_in_order(q)
    assert join(p, 1, "prev").rows[0].kind == "1-2"


def test_join_past_either_end_is_refused(p: Pairing) -> None:
    with pytest.raises(PairingError, match="has no previous row"):
        join(p, 0, "prev")
    with pytest.raises(PairingError, match="has no next row"):
        join(p, len(p.rows) - 1, "next")


def test_split_row_gives_two_pinned_rows(p: Pairing) -> None:
    q = split_row(p, 4, 1, 1)
    assert shape(q)[4:6] == ["uk4 ↔ en5", "uk — ↔ en6"]
    assert q.rows[4].pinned and q.rows[5].pinned
    with pytest.raises(PairingError, match="leaves it whole"):
        split_row(p, 4, 0, 0)


def test_unpair_dissolves_into_one_sided_rows_and_forbids_the_link(p: Pairing) -> None:
    q = unpair(p, 6)
    assert shape(q)[6:8] == ["uk7 ↔ en —", "uk — ↔ en8"]
    assert not q.rows[6].pinned and not q.rows[7].pinned
    assert (p.para("uk", 7).pid, p.para("en", 8).pid) in q.forbidden
    with pytest.raises(PairingError, match="not a pair"):
        unpair(q, 6)


def test_pair_rows_joins_a_one_sided_row_with_its_neighbour_of_the_other_side(p: Pairing) -> None:
    q = unpair(p, 6)
    r = pair_rows(q, 6, "next")
    assert shape(r)[6] == "uk7 ↔ en8" and r.rows[6].pinned
    assert (p.para("uk", 7).pid, p.para("en", 8).pid) not in r.forbidden  # a person paired them again
    with pytest.raises(PairingError, match="not such rows"):
        pair_rows(p, 3, "next")


def test_move_paragraph_across_a_row_boundary(p: Pairing) -> None:
    q = move_paragraph(p, "en", 6, "next")      # en6 belongs with uk4-5's row, not uk4's
    assert shape(q)[4:6] == ["uk4 ↔ en5", "uk5-6 ↔ en6-7"]
    assert q.rows[4].pinned and q.rows[5].pinned
    r = move_paragraph(q, "uk", 5, "prev")
    assert shape(r)[4:6] == ["uk4-5 ↔ en5", "uk6 ↔ en6-7"]
    with pytest.raises(PairingError, match="only a paragraph at the row's edge"):
        move_paragraph(p, "en", 5, "next")
    # A row left with nothing disappears.
    s = move_paragraph(p, "en", 10, "prev")
    assert len(s.rows) == len(p.rows) - 1 and shape(s)[-1] == "uk — ↔ en9-10"


def test_pin_and_unpin(p: Pairing, po_path: Path) -> None:
    q = pin(p, 5)
    assert q.rows[5].pinned and q.rows[5].confidence == pytest.approx(0.41)
    save_pairing(q)
    again = load_pairing(po_path)
    assert again.rows[5].pinned
    entry = next(e for e in load_po(po_path) if e.msgctxt == p.rows[5].id)
    assert "fuzzy" not in entry.flags and entry_info(entry).pinned  # type: ignore[union-attr]
    save_pairing(unpin(again, 5))
    final = load_pairing(po_path)
    assert not final.rows[5].pinned
    assert "fuzzy" in next(e for e in load_po(po_path) if e.msgctxt == p.rows[5].id).flags


# --------------------------------------------------------------------------- link


def test_link_makes_one_pinned_row_and_leaves_the_rest_one_sided(p: Pairing) -> None:
    q = link(p, [4], [5, 6])
    assert shape(q)[4:7] == ["uk4 ↔ en5-6", "uk5-6 ↔ en7", "uk7 ↔ en8"]
    assert q.rows[4].pinned
    r = link(p, [5, 6], [7])
    assert r.rows[5].pinned and shape(r)[5] == "uk5-6 ↔ en7"
    s = link(p, [6], [7])                         # takes uk6 from the 2-1 row: uk5 stays, one-sided
    assert shape(s)[5:7] == ["uk5 ↔ en —", "uk6 ↔ en7"]
    assert_sides_in_order(s)


def test_link_dissolves_unpinned_rows_it_crosses(p: Pairing) -> None:
    q = link(p, [7], [6])                          # uk7 with en6: uk5-6 ↔ en7 crosses it
    assert "uk7 ↔ en6" in shape(q)
    assert "uk5-6 ↔ en7" not in shape(q)
    assert {"uk5 ↔ en —", "uk6 ↔ en —", "uk — ↔ en7", "uk — ↔ en8"} <= set(shape(q))
    assert_sides_in_order(q)


def test_link_refuses_to_cross_or_cut_a_pinned_row(p: Pairing) -> None:
    q = pin(p, 5)
    with pytest.raises(PairingError, match="cross a pinned row"):
        link(q, [7], [6])
    with pytest.raises(PairingError, match="take part of a pinned row"):
        link(q, [5], [7])
    assert link(q, [5, 6], [7, 8]).rows[5].kind == "2-2"   # the whole pinned row and more: allowed


def test_link_needs_consecutive_paragraphs_on_each_side(p: Pairing) -> None:
    with pytest.raises(PairingError, match="not consecutive"):
        link(p, [3, 5], [4])
    with pytest.raises(PairingError, match="at least one"):
        link(p, [], [])


def test_link_with_one_side_pins_an_addition(p: Pairing) -> None:
    q = link(p, [], [6])
    assert shape(q)[4:7] == ["uk4 ↔ en —", "uk — ↔ en5", "uk — ↔ en6"] and q.rows[6].pinned
    assert_sides_in_order(q)
    r = realign(q)
    assert "uk4 ↔ en5" in shape(r) and "uk — ↔ en6" in shape(r)


# --------------------------------------------------------------------------- English edited in the PO


def test_edited_english_moves_with_its_paragraph(p: Pairing, po_path: Path) -> None:
    q = edit_english(p, 4, "Schools and hospitals will receive most of the money." + SEP
                     + "The city's hospitals will get new equipment.")
    assert q.para("en", 5).edited and not q.para("en", 6).edited
    q = move_paragraph(q, "en", 6, "next")
    save_pairing(q)
    r = load_pairing(po_path)
    assert r.para("en", 5).text == "Schools and hospitals will receive most of the money."
    assert r.para("en", 5).edited and not r.para("en", 6).edited
    # The entry holding the edit counts as edited for everything else that reads the PO.
    edited = edited_entries(load_po(po_path))
    assert edited == [r.rows[4].id]
    # Joined with a neighbour and split again, the edit is still known as edited.
    s = split_row(join(r, 4, "next"), 4, 1, 1)
    save_pairing(s)
    t = load_pairing(po_path)
    assert t.para("en", 5).edited and t.para("en", 5).text.endswith("most of the money.")
    assert [q.edited for q in t.paragraphs("en")].count(True) == 1


def test_cutting_english_edited_as_one_text_needs_confirmation(p: Pairing, po_path: Path) -> None:
    # The translator re-paragraphed the 1-2 row's English into three paragraphs: one edit.
    q = edit_english(p, 4, "Schools and hospitals will receive the most money." + SEP + "Hospitals first."
                     + SEP + "The city's hospitals will get new equipment.")
    assert q.rows[4].kind == "1-3" and all(x.edited for x in q.rows[4].en)
    save_pairing(q)
    r = load_pairing(po_path)
    with pytest.raises(NeedsConfirmation) as err:
        split_row(r, 4, 1, 1)
    assert err.value.rows == [4]
    assert split_row(r, 4, 1, 1, confirm=True).rows[4].kind == "1-1"
    with pytest.raises(NeedsConfirmation):
        unpair(r, 4)


def test_split_paragraph_cuts_a_headline_glued_to_the_lead(p: Pairing) -> None:
    glued = "Zhytomyr council adopts 2026 budget"
    q = split_paragraph(p, "en", 1, len(glued) - len("2026 budget"))
    assert q.para("en", 1).text == "Zhytomyr council adopts" and q.para("en", 2).text == "2026 budget"
    assert q.count("en") == p.count("en") + 1 and q.rows[0].kind == "1-2"
    assert q.para("en", 1).edited and q.para("en", 2).edited
    assert q.para("en", 2).role == "body"
    with pytest.raises(PairingError, match="both pieces need text"):
        split_paragraph(p, "uk", 1, 0)
    u = split_paragraph(p, "uk", 1, 10)
    assert u.count("uk") == 8 and not u.para("uk", 2).edited


def test_an_emptied_english_side_becomes_an_omission(p: Pairing, po_path: Path) -> None:
    q = edit_english(p, 6, "")
    assert q.rows[6].kind == "1-0"
    save_pairing(q)
    codes = {f.code for f in check_po(po_path).findings if f.index == 6}
    assert "untranslated.omitted" in codes and "untranslated.empty" not in codes


# --------------------------------------------------------------------------- roles


def test_roles_set_by_a_person_are_recorded_and_read_back(p: Pairing, po_path: Path) -> None:
    q = choose_headline(p, 2)
    assert q.para("en", 2).role == "title" and q.para("en", 1).role == "headline"
    q = set_role(q, "en", 10, "credit")
    q = mark_boilerplate(q, "uk", 2)
    save_pairing(q)
    r = load_pairing(po_path)
    assert (r.para("en", 2).role, r.para("en", 2).role_set) == ("title", True)
    assert (r.para("en", 1).role, r.para("en", 1).role_set) == ("headline", True)
    assert (r.para("en", 10).role, r.para("uk", 2).role) == ("credit", "boilerplate")
    assert not r.para("en", 3).role_set
    with pytest.raises(PairingError, match="is not a role"):
        set_role(p, "en", 3, "footer")


# --------------------------------------------------------------------------- re-alignment


def test_realign_repairs_the_rows_after_a_pin_and_recomputes_confidences(p: Pairing) -> None:
    r = realign(link(p, [5], [7]))
    assert shape(r)[6:9] == ["uk5 ↔ en7", "uk6 ↔ en8", "uk7 ↔ en9"]
    assert r.rows[6].pinned and not r.rows[7].pinned
    assert all(row.confidence is not None for row in r.rows)
    assert r.rows[7].confidence > 0.85
    assert_sides_in_order(r)


def test_realign_keeps_a_pin_even_against_the_evidence(p: Pairing) -> None:
    r = realign(link(p, [5], [8]))
    assert "uk5 ↔ en8" in shape(r) and "uk6 ↔ en8" not in shape(r)
    assert_sides_in_order(r)


def test_realign_never_makes_a_forbidden_link(p: Pairing) -> None:
    q = unpair(p, 3)       # uk3 ↔ en4 is right, but the person says no
    r = realign(q)
    assert "uk3 ↔ en4" not in shape(r)


def test_realign_keeps_a_pinned_row_of_a_shape_the_aligner_has_no_lattice_for(p: Pairing) -> None:
    q = link(p, [3], [4, 5, 6, 7])
    r = realign(q)
    assert "uk3 ↔ en4-7" in shape(r)
    assert_sides_in_order(r)


def test_realign_keeps_pinned_one_sided_rows_one_sided(p: Pairing) -> None:
    q = link(p, [1], [1])
    q = unpair(q, 0, confirm=True)
    q = pin(pin(q, 0), 1)     # uk1 alone and en1 alone, both pinned: nothing else may hold them
    r = realign(q)
    assert "uk1 ↔ en —" in shape(r) and "uk — ↔ en1" in shape(r)


# --------------------------------------------------------------------------- saving


def test_save_refuses_a_po_changed_on_disk(p: Pairing, po_path: Path) -> None:
    q = pin(p, 5)
    po_path.write_text(po_path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    before = po_path.read_bytes()
    with pytest.raises(ChangedOnDisk):
        save_pairing(q)
    assert po_path.read_bytes() == before


def test_save_carries_comments_and_flags_to_the_rows_holding_the_paragraphs(po_path: Path) -> None:
    po = load_po(po_path)
    live = [e for e in po if not e.obsolete]
    live[6].tcomment = "check the date with the desk"
    live[7].tcomment = "editflow: ignore numbers"
    live[7].flags.append("no-wrap")
    po.save(str(po_path))
    p = load_pairing(po_path)
    save_pairing(join(p, 6, "next"))
    joined = [e for e in load_po(po_path) if not e.obsolete][6]
    assert joined.tcomment.split("\n") == ["check the date with the desk", "editflow: ignore numbers"]
    assert "no-wrap" in joined.flags and "fuzzy" not in joined.flags
    assert entry_info(joined).pinned  # type: ignore[union-attr]


def test_unchanged_entries_are_written_back_exactly(p: Pairing, po_path: Path) -> None:
    before = [str(e) for e in load_po(po_path)]
    save_pairing(join(p, 6, "next"))
    after = [str(e) for e in load_po(po_path)]
    assert after[:6] == before[:6] and after[-1] == before[-1]


def test_a_dismissal_survives_a_join(po_path: Path) -> None:
    po = load_po(po_path)
    live = [e for e in po if not e.obsolete]
    live[7].msgstr = "The next session is scheduled for January 15 (Київ)."
    po.save(str(po_path))
    findings = [f for f in check_po(po_path).findings if f.code == "untranslated.cyrillic"]
    assert findings
    dismiss(dismissed_path(po_path), findings, "the place name stays")
    report = save_pairing(join(load_pairing(po_path), 6, "next"))
    assert report.dismissals_rekeyed == 1
    assert not [f for f in check_po(po_path).findings if f.code == "untranslated.cyrillic"]


def test_the_saved_po_passes_msgfmt(p: Pairing, po_path: Path, require_tool) -> None:
    import subprocess

    msgfmt = require_tool("msgfmt")
    q = split_paragraph(link(join(p, 6, "next"), [4], [5, 6]), "en", 1, 10)
    q = unpair(q, 3)
    save_pairing(q)
    subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(po_path)], check=True)
    polib.pofile(str(po_path))


# --------------------------------------------------------------------------- journal, operations as data


def test_the_journal_restores_unsaved_operations(p: Pairing, po_path: Path) -> None:
    ops = [Op("link", {"uk": [4], "en": [5, 6]}), Op("choose_headline", {"number": 2}), Op("unpair", {"row": 6})]
    journal = Journal.for_po(po_path)
    journal.write(p.fingerprint, ops)
    pending = Journal.for_po(po_path).read()
    assert pending is not None and pending.fingerprint == p.fingerprint and pending.ops == ops
    restored = replay(load_pairing(po_path), pending.ops)
    expected = unpair(choose_headline(link(p, [4], [5, 6]), 2), 6)
    assert restored == expected
    save_pairing(restored)
    assert Journal.for_po(po_path).read() is None


def test_the_journal_lives_in_the_project_when_there_is_one(tmp_path: Path) -> None:
    (tmp_path / "editflow.toml").write_text("")
    (tmp_path / "translations").mkdir()
    journal = Journal.for_po(tmp_path / "translations" / "war.po")
    assert journal.path == tmp_path / ".editflow" / "journal" / "war.po.json"


def test_operations_as_data(p: Pairing) -> None:
    op = Op.from_json({"op": "split_row", "args": {"row": 4, "uk_at": 1, "en_at": 1}})
    assert apply_op(p, op) == split_row(p, 4, 1, 1)
    with pytest.raises(PairingError, match="unknown operation"):
        Op.from_json({"op": "explode"})
    with pytest.raises(PairingError, match="unknown argument"):
        apply_op(p, Op("pin", {"row": 1, "colour": "red"}))
    realigned = apply_op(link(p, [4], [5, 6]), Op("realign"), RealignContext())
    assert "uk4 ↔ en5-6" in shape(realigned)


# --------------------------------------------------------------------------- views


def test_page_json_has_every_row_with_its_paragraphs_and_findings(p: Pairing, po_path: Path) -> None:
    q = link(p, [5], [7])
    data = page_json(q, row_findings(q, po_path))
    assert data["paragraphs"] == {"uk": 7, "en": 10}
    row = data["rows"][5]
    assert row["kind"] == "1-1" and row["pinned"] and row["confidence"] is None
    assert [x["number"] for x in row["uk"]] == [5] and row["where"] == "uk5 ↔ en7"
    assert data["rows"][1]["en"][0]["role_label"] == "headline variant"
    omitted = [r for r in data["rows"] if r["kind"] == "1-0"]
    assert omitted and omitted[0]["findings"][0]["code"] == "untranslated.omitted"
    assert omitted[0]["findings"][0]["side"] == "uk"


def test_alignment_json_has_align_json_shape_and_the_pins(p: Pairing) -> None:
    data = alignment_json(pin(p, 5))
    assert {"paragraphs", "pairs", "kinds", "doubtful", "unpaired", "pinned", "forbidden"} <= set(data)
    assert data["pinned"][0]["where"] == "uk ¶5,6 ↔ en ¶7"
    assert all(d["where"] != "uk ¶5,6 ↔ en ¶7" for d in data["doubtful"])


# --------------------------------------------------------------------------- roles read off the text, and the checks


@pytest.mark.parametrize("line", ["Translated and edited by Kyiv Desk", "Translation: Olena Kovalenko",
                                  "Переклад: Олена Коваленко", "Translated from Ukrainian by Kyiv Desk"])
def test_credit_lines_are_credits_not_headline_variants(line: str) -> None:
    from editflow.roles import assign_roles

    paras = [Paragraph("Zhytomyr council adopts budget"), Paragraph(line),
             Paragraph("Deputies voted for the budget on Thursday, after a long debate."), Paragraph("More text.")]
    assign_roles(paras)
    assert [q.role for q in paras[:2]] == ["title", "credit"]


def test_an_author_line_without_a_label_is_a_byline() -> None:
    from editflow.roles import assign_roles

    paras = [Paragraph("У Житомирі ухвалили бюджет"), Paragraph("Андрій Литвиненко, політичний оглядач"),
             Paragraph("Депутати проголосували за бюджет у четвер після довгої дискусії."), Paragraph("Ще.")]
    assign_roles(paras)
    assert paras[1].role == "byline"


def test_a_paragraph_marked_boilerplate_or_credit_is_not_reported_untranslated(p: Pairing, po_path: Path) -> None:
    save_pairing(unpair(p, 6))          # uk7 left with no English: an omission
    assert any(f.code == "untranslated.omitted" for f in check_po(po_path).findings)
    q = load_pairing(po_path)
    save_pairing(mark_boilerplate(q, "uk", 7))
    assert not any(f.code.startswith("untranslated") for f in check_po(po_path).findings)
    r = load_pairing(po_path)
    save_pairing(edit_english(set_role(r, "en", 10, "credit"), r.row_of("en", 10), "Переклад: Київська редакція"))
    assert not any(f.code == "untranslated.cyrillic" for f in check_po(po_path).findings)
