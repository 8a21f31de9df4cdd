"""Tests for editflow.workfile: what `write_alignment` may overwrite, and the TSV format.

Rules (workfile.check_overwrite): a new output is written; an existing PO of
the same article is refreshed, keeping what people wrote in it (refresh.py;
test_refresh.py has the details); a PO of another article and an existing .tsv
need force=True; a PO that cannot be read needs force and discard_edits.  A
refused or failed write leaves the old file byte for byte and no temporary
files behind.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest

from editflow import fileio
from editflow.errors import InputError
from editflow.model import Alignment
from editflow.workfile import align_files, check_overwrite, tsv_text, write_alignment
from editflow.po import SEP, load_po, stale_inputs


def aligned(pair) -> Alignment:
    return align_files(pair.original, pair.translation)


def leftovers(directory: Path) -> list[str]:
    """Temporary files atomic_write might leave behind."""
    return sorted(p.name for p in directory.iterdir() if p.name.startswith(".") or p.name.endswith(".tmp"))


def po_out(pair) -> Path:
    return pair.translation.parent / "school.po"


def edit_msgstr(path: Path, old: str, new: str) -> str:
    """Edit one English paragraph inside the PO as Poedit would (polib load/save); return the msgctxt."""
    po = polib.pofile(str(path), wrapwidth=78)
    entry = next(e for e in po if old in e.msgstr)
    entry.msgstr = entry.msgstr.replace(old, new)
    po.save(str(path))
    return entry.msgctxt


# ---------------------------------------------------------------------------
# New outputs and refreshes
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["school.po", "school.tsv", "sub/dir/school.po"])
def test_a_new_output_is_written(article_pair, name: str) -> None:
    al = aligned(article_pair)
    out = article_pair.translation.parent / name
    check_overwrite(al, out, force=False)  # nothing there: no complaint
    write_alignment(al, out)
    assert out.is_file()
    if out.suffix == ".po":
        assert len(load_po(out)) == len(al.beads)
    else:
        assert out.read_text(encoding="utf-8") == tsv_text(al)
    assert leftovers(out.parent) == []


def test_existing_po_of_the_same_article_is_refreshed_without_force(article_pair, make_pair,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    out = po_out(article_pair)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    write_alignment(aligned(article_pair), out)
    before = out.read_bytes()
    # The desk fixes a typo in the Ukrainian original and re-aligns.
    uk = list(article_pair.uk)
    uk[6] = uk[6].replace("басейн і спортивну залу", "басейн та спортивну залу")
    pair = make_pair(uk=uk)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700086400")
    al = aligned(pair)
    check_overwrite(al, out, force=False)
    write_alignment(al, out)
    after = out.read_bytes()
    assert after != before
    po = load_po(out)
    assert uk[6] in [e.msgid for e in po]
    assert article_pair.uk[6] not in [e.msgid for e in po]
    assert po.metadata["PO-Revision-Date"] == "2023-11-15 22:13+0000"
    assert stale_inputs(po, out) == []
    assert leftovers(out.parent) == []


def test_refreshing_unchanged_inputs_keeps_the_po(article_pair, source_date_epoch) -> None:
    out = po_out(article_pair)
    write_alignment(aligned(article_pair), out)
    before = out.read_bytes()
    write_alignment(aligned(article_pair), out)
    assert out.read_bytes() == before


def test_po_with_english_edited_inside_it_keeps_the_edit_on_refresh_and_force(article_pair) -> None:
    out = po_out(article_pair)
    write_alignment(aligned(article_pair), out)
    ctx = edit_msgstr(out, "took almost two years", "took nearly two years")
    al = aligned(article_pair)
    for force in (False, True):
        refresh = write_alignment(al, out, force=force)
        assert refresh is not None
        entry = next(e for e in load_po(out) if e.msgctxt == ctx)
        assert "took nearly two years" in entry.msgstr
        assert [c.what for c in refresh.report.carried] == ["English edited in the PO"]
        assert refresh.report.conflicts == [] and refresh.report.obsolete == []
        assert leftovers(out.parent) == []
    # Only --discard-edits gives the translation file's text back, and says what it dropped.
    refresh = write_alignment(al, out, discard_edits=True)
    assert refresh is not None and [d.what for d in refresh.report.dropped] == ["English edited in the PO"]
    msgstrs = [e.msgstr for e in load_po(out)]
    assert article_pair.en[2] in msgstrs
    assert not any("nearly two years" in m for m in msgstrs)


def test_edit_inside_a_split_entry_is_kept(article_pair) -> None:
    out = po_out(article_pair)
    write_alignment(aligned(article_pair), out)
    ctx = edit_msgstr(out, "so lessons will not be", "so classes will not be")
    write_alignment(aligned(article_pair), out)
    entry = next(e for e in load_po(out) if e.msgctxt == ctx)
    assert entry.msgstr == SEP.join([article_pair.en[3], article_pair.en[4].replace("so lessons", "so classes")])


def test_rewrapping_a_po_is_not_an_edit(article_pair) -> None:
    # Poedit and msgcat re-wrap lines; the text is the same once whitespace is normalised.
    out = po_out(article_pair)
    write_alignment(aligned(article_pair), out)
    po = polib.pofile(str(out), wrapwidth=40)
    po.save(str(out))
    assert out.read_text(encoding="utf-8").count("\n") > 150
    refresh = write_alignment(aligned(article_pair), out)  # no error
    assert refresh is not None and not refresh.report.kept_anything
    assert [e.msgstr for e in load_po(out) if e.msgstr][:2] == article_pair.en[:2]


def test_po_whose_multi_paragraph_entry_lost_its_blank_line_keeps_it_as_an_obsolete_entry(article_pair) -> None:
    # Another kind of edit inside the PO: the split entry's two paragraphs were joined.  The new
    # pairing still has two paragraphs there, so the joined text cannot stand in for them: it is
    # kept, whole, as an obsolete entry, and named.
    out = po_out(article_pair)
    write_alignment(aligned(article_pair), out)
    po = polib.pofile(str(out), wrapwidth=78)
    entry = next(e for e in po if "\n\n" in e.msgstr)
    joined = entry.msgstr.replace("\n\n", " ")
    entry.msgstr = joined
    po.save(str(out))
    refresh = write_alignment(aligned(article_pair), out)
    assert refresh is not None
    [kept] = refresh.report.obsolete
    assert kept.old == entry.msgctxt and kept.what == ["English edited in the PO"]
    after = load_po(out)
    [obsolete] = [e for e in after if e.obsolete]
    assert obsolete.msgstr == joined and obsolete.msgctxt == kept.entry
    live = next(e for e in after if e.msgctxt == entry.msgctxt and not e.obsolete)
    assert live.msgstr == SEP.join(article_pair.en[3:5])


def test_translation_typed_into_an_omission_entry_is_kept(article_pair) -> None:
    # The translator translates the omitted paragraph in Poedit (its 1-0 entry
    # has an empty msgstr); re-aligning must not throw that work away.
    out = po_out(article_pair)
    write_alignment(aligned(article_pair), out)
    po = polib.pofile(str(out), wrapwidth=78)
    entry = next(e for e in po if e.msgid == article_pair.uk[5])
    assert entry.msgstr == ""
    entry.msgstr = "Earlier, residents collected signatures to have the school rebuilt on its old site."
    po.save(str(out))
    write_alignment(aligned(article_pair), out)
    assert next(e for e in load_po(out) if e.msgid == article_pair.uk[5]).msgstr == entry.msgstr


def test_po_of_another_article_is_refused_unless_forced(article_pair, make_pair) -> None:
    bridge = make_pair(
        uk=["На Дніпрі почали ремонт мосту Патона",
            "Ремонт мосту Патона в Києві триватиме до кінця 2026 року, повідомили в КМДА."],
        en=["Repairs begin on Kyiv's Paton Bridge",
            "Repairs to the Paton Bridge in Kyiv will last until the end of 2026, the city administration said."],
        slug="bridge",
    )
    out = po_out(article_pair)  # translations/school.po, but holding the bridge article
    write_alignment(aligned(bridge), out)
    foreign = out.read_bytes()
    al = aligned(article_pair)
    with pytest.raises(InputError) as exc:
        write_alignment(al, out)
    assert "belongs to another article" in exc.value.message
    assert "--force" in exc.value.message
    assert str(out) in exc.value.message
    assert out.read_bytes() == foreign
    assert leftovers(out.parent) == []
    write_alignment(al, out, force=True)
    assert load_po(out).metadata["X-Editflow-Target"] == "school.en.txt"


@pytest.mark.parametrize("content", [
    b"\xff\xfe\x00\x00not a PO file",
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Привіт"\nmsgstr "Hello"\n'.encode(),
], ids=["binary", "po-from-elsewhere"])
def test_existing_po_that_editflow_did_not_make_is_refused(article_pair, content: bytes) -> None:
    out = po_out(article_pair)
    out.write_bytes(content)
    with pytest.raises(InputError, match="--force"):
        write_alignment(aligned(article_pair), out)
    assert out.read_bytes() == content
    assert leftovers(out.parent) == []
    readable = b"msgid" in content
    if not readable:
        # What is in a file editflow cannot read cannot be kept: --force alone is not enough.
        with pytest.raises(InputError, match="--discard-edits"):
            write_alignment(aligned(article_pair), out, force=True)
        assert out.read_bytes() == content
    refresh = write_alignment(aligned(article_pair), out, force=True, discard_edits=not readable)
    po = load_po(out)
    assert po.metadata["X-Editflow-Source"] == "../originals/school.uk.txt"
    if readable:
        # The other PO's entry is not an entry of this article: kept, as an obsolete entry.
        assert refresh is not None and [u.what for u in refresh.report.obsolete] == [["added entry"]]
        assert [(e.msgid, e.msgstr) for e in po if e.obsolete] == [("Привіт", "Hello")]


def test_existing_tsv_is_refused_without_force(article_pair) -> None:
    out = article_pair.translation.parent / "school.tsv"
    out.write_text("0\t0\t1.0000\n", encoding="utf-8")
    old = out.read_bytes()
    al = aligned(article_pair)
    with pytest.raises(InputError) as exc:
        write_alignment(al, out)
    assert "already exists" in exc.value.message and "--force" in exc.value.message
    assert out.read_bytes() == old
    assert leftovers(out.parent) == []
    write_alignment(al, out, force=True)
    assert out.read_text(encoding="utf-8") == tsv_text(al)
    assert leftovers(out.parent) == []


def test_failed_write_keeps_the_old_file_and_leaves_no_temp_file(article_pair,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    out = po_out(article_pair)
    write_alignment(aligned(article_pair), out)
    old = out.read_bytes()

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "replace", disk_full)
    with pytest.raises(InputError, match="No space left on device"):
        write_alignment(aligned(article_pair), out, force=True)
    monkeypatch.undo()
    assert out.read_bytes() == old
    assert leftovers(out.parent) == []


# ---------------------------------------------------------------------------
# TSV
# ---------------------------------------------------------------------------

_TSV_LINE = re.compile(r"^(\d+(?:,\d+)*)?\t(\d+(?:,\d+)*)?\t(\d\.\d{4})$")


def parse_tsv(text: str) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    assert text.endswith("\n")
    rows = []
    for line in text.splitlines():
        m = _TSV_LINE.match(line)
        assert m, f"bad TSV line {line!r}"
        src = tuple(int(x) for x in m.group(1).split(",")) if m.group(1) else ()
        tgt = tuple(int(x) for x in m.group(2).split(",")) if m.group(2) else ()
        assert src or tgt, "a bead with neither side"
        rows.append((src, tgt, float(m.group(3))))
    return rows


def test_tsv_has_one_bead_per_line_and_every_index_once_in_order(article_pair, expected_beads) -> None:
    out = article_pair.translation.parent / "school.tsv"
    al = aligned(article_pair)
    write_alignment(al, out)
    text = out.read_text(encoding="utf-8")
    rows = parse_tsv(text)
    assert len(rows) == len(al.beads)
    assert [(s, t) for s, t, _ in rows] == [(b.src, b.tgt) for b in al.beads] == expected_beads
    assert [c for _, _, c in rows] == pytest.approx([b.confidence for b in al.beads], abs=5e-5)
    assert all(0.0 <= c <= 1.0 for _, _, c in rows)
    assert [i for s, _, _ in rows for i in s] == list(range(len(article_pair.uk)))
    assert [j for _, t, _ in rows for j in t] == list(range(len(article_pair.en)))
    lines = text.splitlines()
    assert lines[3].startswith("3\t3,4\t")   # the split paragraph
    assert lines[5].startswith("5\t\t")      # the omission
    assert lines[7].startswith("\t7\t")      # the first boilerplate addition
