"""Tests for editflow.po: the PO working file made from an alignment, and back.

Library level: `pipeline.align_files` → `po.alignment_to_po` / `po.write_po`
→ `po.load_po` → `po.po_to_documents`.  Fixtures (conftest.py) write a small
Ukrainian/English news article into tmp_path.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

import docx
import polib
import pytest

from editflow import po as po_mod
from editflow.errors import InputError
from editflow.model import Alignment, Bead, Document, Paragraph
from editflow.workfile import align_files
from editflow.po import (
    ADDED_MSGID,
    KIND_LABELS,
    alignment_to_po,
    entry_info,
    load_po,
    po_to_documents,
    stale_inputs,
    write_po,
)
from editflow.readers import read_document


def po_path_for(pair) -> Path:
    return pair.translation.parent / "school.po"


def written(pair, **kwargs) -> tuple[Alignment, Path, polib.POFile]:
    """Align the pair, write its PO beside the translation, read it back from disk."""
    al = align_files(pair.original, pair.translation, **kwargs)
    path = po_path_for(pair)
    write_po(al, path)
    return al, path, load_po(path)


def machine_line(bead: Bead, al: Alignment) -> str:
    roles = (",".join(al.source.paragraphs[i].role for i in bead.src) + "|"
             + ",".join(al.target.paragraphs[j].role for j in bead.tgt))
    return (f"editflow: src={','.join(map(str, bead.src))} tgt={','.join(map(str, bead.tgt))} "
            f"conf={bead.confidence:.4f} roles={roles} "
            f"en={po_mod.text_hash(po_mod.SEP.join(al.target.paragraphs[j].text for j in bead.tgt))}")


def run_msgfmt(msgfmt: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [msgfmt, "--check-format", "--check-header", "--check-domain", "-o", os.devnull, str(path)],
        capture_output=True, text=True, timeout=30,
    )


# ---------------------------------------------------------------------------
# The conftest helper
# ---------------------------------------------------------------------------

def test_require_tool_finds_a_tool_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           require_tool) -> None:
    tool = tmp_path / "msgfmt"
    tool.write_text("#!/bin/sh\nexit 0\n")
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("EDITFLOW_REQUIRE_TOOLS", "1")
    assert Path(require_tool("msgfmt")) == tool


def test_require_tool_skips_when_missing_on_a_users_machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            require_tool) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty directory: nothing is found
    monkeypatch.delenv("EDITFLOW_REQUIRE_TOOLS", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"msgfmt not installed \(apt-get install gettext\)"):
        require_tool("msgfmt")


def test_require_tool_fails_when_missing_under_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  require_tool) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("EDITFLOW_REQUIRE_TOOLS", "1")
    with pytest.raises(pytest.fail.Exception, match=r"msgfmt not installed"):
        require_tool("msgfmt")


# ---------------------------------------------------------------------------
# Entries
# ---------------------------------------------------------------------------

def test_article_aligns_as_a_reader_would(article_pair, expected_beads) -> None:
    # Precondition of the tests below, which rely on 1-2, 1-0 and 0-1 beads being present.
    al = align_files(article_pair.original, article_pair.translation)
    assert [(b.src, b.tgt) for b in al.beads] == expected_beads


def test_one_entry_per_bead_in_order(article_pair) -> None:
    al, path, po = written(article_pair)
    assert len(po) == len(al.beads) == len(alignment_to_po(al, path))
    assert not po.obsolete_entries()
    for entry, bead in zip(po, al.beads):
        info = entry_info(entry)
        assert info is not None
        assert (info.src, info.tgt) == (bead.src, bead.tgt)


def test_msgid_is_ukrainian_and_msgstr_english_joined_by_blank_lines(article_pair) -> None:
    al, _, po = written(article_pair)
    uk, en = article_pair.uk, article_pair.en
    for entry, bead in zip(po, al.beads):
        if bead.src:
            assert entry.msgid == "\n\n".join(uk[i] for i in bead.src)
        assert entry.msgstr == "\n\n".join(en[j] for j in bead.tgt)
    # The split paragraph, spelled out.
    split = next(e for e, b in zip(po, al.beads) if b.kind == "1-2")
    assert split.msgid == uk[3]
    assert split.msgstr == f"{en[3]}\n\n{en[4]}"


def test_additions_carry_the_placeholder_msgid_and_omissions_an_empty_msgstr(article_pair) -> None:
    al, _, po = written(article_pair)
    added = [(e, b) for e, b in zip(po, al.beads) if b.kind == "0-1"]
    omitted = [(e, b) for e, b in zip(po, al.beads) if b.kind == "1-0"]
    assert [e.msgstr for e, _ in added] == ["Share This", "Facebook", "Twitter"]
    assert all(e.msgid == ADDED_MSGID for e, _ in added)
    assert all(f"editflow: src= tgt={b.tgt[0]} " in e.comment for e, b in added)
    assert [(e.msgid, e.msgstr) for e, _ in omitted] == [(article_pair.uk[5], "")]
    # The placeholder is never used for a bead that has Ukrainian text.
    assert sum(e.msgid == ADDED_MSGID for e in po) == len(added)


def test_extracted_comments_hold_kind_confidence_reasons_and_machine_line(article_pair) -> None:
    al, _, po = written(article_pair)
    for entry, bead in zip(po, al.beads):
        lines = entry.comment.split("\n")
        # polib wraps long `#.` lines at 78 columns; the human part may span lines.
        machine = lines[-1]
        human = " ".join(lines[:-1])
        assert human.startswith(KIND_LABELS[bead.kind] + " · ")
        assert f"confidence {bead.confidence:.2f}" in human
        for reason in bead.reasons:
            assert reason in human
        assert machine == machine_line(bead, al)
        info = entry_info(entry)
        assert info.confidence == pytest.approx(bead.confidence, abs=5e-5)
        assert info.src_roles == [al.source.paragraphs[i].role for i in bead.src]
        assert info.tgt_roles == [al.target.paragraphs[j].role for j in bead.tgt]
    by_kind = {b.kind: e for e, b in zip(po, al.beads)}
    assert by_kind["1-2"].comment.startswith("1-2 (split in translation) · confidence")
    assert by_kind["1-0"].comment.startswith("1-0 (omitted in translation) · confidence")
    assert "no English counterpart" in by_kind["1-0"].comment
    assert "looks like web boilerplate" in by_kind["0-1"].comment
    assert "roles=title|title" in po[0].comment


def test_machine_line_survives_wrapping_of_long_comments(tmp_path: Path) -> None:
    # A Word article with footnotes: a 3-1 bead of footnotes past paragraph 100
    # makes a machine line longer than the 78-column PO wrap width.
    n = 110
    src = Document([Paragraph(f"Абзац {i}.") for i in range(n)], lang="uk", format="docx")
    tgt = Document([Paragraph(f"Paragraph {i}.") for i in range(n - 2)], lang="en", format="docx")
    for p in src.paragraphs[100:] + tgt.paragraphs[100:]:
        p.role = "footnote"
    beads = [Bead((i,), (i,), 0.95) for i in range(100)]
    beads.append(Bead((100, 101, 102), (100,), 0.4321, ["3-1 merge/split"]))
    beads += [Bead((i,), (i - 2,), 0.95) for i in range(103, n)]
    al = Alignment(src, tgt, beads)
    path = tmp_path / "notes.po"
    write_po(al, path)
    po = load_po(path)
    info = entry_info(po[100])
    assert (info.src, info.tgt, info.confidence) == ((100, 101, 102), (100,), 0.4321)
    assert info.src_roles == ["footnote"] * 3
    assert info.tgt_roles == ["footnote"]
    rebuilt_src, rebuilt_tgt, _ = po_to_documents(po, path)
    assert [p.role for p in rebuilt_src.paragraphs] == [p.role for p in src.paragraphs]
    assert [p.role for p in rebuilt_tgt.paragraphs] == [p.role for p in tgt.paragraphs]


def test_occurrences_point_at_the_input_files_and_lines(article_pair) -> None:
    al, path, po = written(article_pair)
    src_ref, tgt_ref = "../originals/school.uk.txt", "school.en.txt"
    uk_lines = article_pair.original.read_text(encoding="utf-8").splitlines()
    en_lines = article_pair.translation.read_text(encoding="utf-8").splitlines()
    for entry, bead in zip(po, al.beads):
        files = [f for f, _ in entry.occurrences]
        assert files == [src_ref] * len(bead.src) + [tgt_ref] * len(bead.tgt)
        for (ref, line), i in zip(entry.occurrences, bead.src):
            assert (path.parent / ref).resolve() == article_pair.original.resolve()
            assert uk_lines[int(line) - 1] == article_pair.uk[i]
        for (ref, line), j in zip(entry.occurrences[len(bead.src):], bead.tgt):
            assert (path.parent / ref).resolve() == article_pair.translation.resolve()
            assert en_lines[int(line) - 1] == article_pair.en[j]
    assert "#: ../originals/school.uk.txt:7 school.en.txt:7 school.en.txt:9" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("threshold", [0.0, 0.5, 0.75, 0.9999, 1.0])
def test_fuzzy_exactly_on_beads_below_the_threshold(article_pair, threshold: float) -> None:
    al, _, po = written(article_pair, threshold=threshold)
    assert al.doubt_threshold == threshold
    assert po.metadata["X-Editflow-Doubt-Threshold"] == f"{threshold:.2f}"
    assert [("fuzzy" in e.flags) for e in po] == [b.confidence < threshold for b in al.beads]
    assert all(e.flags in ([], ["fuzzy"]) for e in po)
    if threshold == 0.0:
        assert not any(e.fuzzy for e in po)


def test_fuzzy_boundary_is_strictly_below(article_pair, tmp_path: Path) -> None:
    al = align_files(article_pair.original, article_pair.translation, threshold=0.75)
    confidences = [0.99, 0.75, 0.7499, 0.0, 0.75, 0.5, 1.0, 0.76, 0.2, 0.9]
    for bead, c in zip(al.beads, confidences):
        bead.confidence = c
    po = alignment_to_po(al, tmp_path / "translations" / "school.po")
    assert [e.fuzzy for e in po] == [c < 0.75 for c in confidences]
    assert [e.fuzzy for e in po].count(True) == 4


# ---------------------------------------------------------------------------
# Stable ids
# ---------------------------------------------------------------------------

def ids(pair) -> list[str]:
    al = align_files(pair.original, pair.translation)
    return [e.msgctxt for e in alignment_to_po(al, po_path_for(pair))]


def test_msgctxt_is_unique_and_a_short_hex_id(article_pair) -> None:
    first = ids(article_pair)
    assert len(set(first)) == len(first) == 10
    assert all(len(i) == 8 and int(i, 16) >= 0 for i in first)


def test_msgctxt_is_stable_across_realignment(article_pair) -> None:
    assert ids(article_pair) == ids(article_pair)


def test_editing_an_english_paragraph_keeps_every_id(article_pair, make_pair) -> None:
    before = ids(article_pair)
    en = list(article_pair.en)
    en[2] = en[2].replace("took almost two years", "lasted nearly two years")
    after = ids(make_pair(en=en))
    # Ids hash the Ukrainian side, so even the edited entry keeps its id.
    assert after == before


def test_editing_a_ukrainian_paragraph_changes_only_its_id(article_pair, make_pair) -> None:
    before = ids(article_pair)
    uk = list(article_pair.uk)
    uk[4] = uk[4].replace("подякував будівельникам", "щиро подякував будівельникам")
    after = ids(make_pair(uk=uk))
    assert len(after) == len(before)
    changed = [k for k, (a, b) in enumerate(zip(before, after)) if a != b]
    assert changed == [4]


def test_whitespace_reflow_does_not_change_ids(article_pair, make_pair) -> None:
    before = ids(article_pair)
    # The same Ukrainian paragraph hard-wrapped over two lines reads as the same text.
    uk = list(article_pair.uk)
    uk[1] = uk[1].replace(" відкрили після відбудови.", "\nвідкрили після відбудови.")
    assert ids(make_pair(uk=uk)) == before


def small_alignment(tmp_path: Path) -> Alignment:
    """Repeated texts on both sides: a credit line twice, the same share button twice."""
    src = Document([Paragraph("Мер Києва відвідав школу."), Paragraph("Фото: КМДА"),
                    Paragraph("Учні повернулися до класів."), Paragraph("Фото: КМДА")],
                   path=tmp_path / "originals" / "dup.uk.txt", lang="uk", sha256="a" * 64)
    tgt = Document([Paragraph("Kyiv's mayor visited the school."), Paragraph("Photo: KCSA"),
                    Paragraph("Pupils returned to class."), Paragraph("Photo: KCSA"),
                    Paragraph("Facebook"), Paragraph("Facebook")],
                   path=tmp_path / "translations" / "dup.en.txt", lang="en", sha256="b" * 64)
    beads = [Bead((0,), (0,), 0.98), Bead((1,), (1,), 0.9), Bead((2,), (2,), 0.97),
             Bead((3,), (3,), 0.9), Bead((), (4,), 0.8), Bead((), (5,), 0.8)]
    return Alignment(src, tgt, beads, doubt_threshold=0.75)


def test_msgctxt_unique_when_texts_repeat(tmp_path: Path) -> None:
    po = alignment_to_po(small_alignment(tmp_path), tmp_path / "translations" / "dup.po")
    ctx = [e.msgctxt for e in po]
    assert len(set(ctx)) == len(ctx)
    assert ctx[3] == ctx[1] + "-2"
    assert ctx[5] == ctx[4] + "-2"


def test_addition_id_differs_from_a_bead_with_the_same_ukrainian_text(tmp_path: Path) -> None:
    src = Document([Paragraph("Facebook")], lang="uk")
    tgt = Document([Paragraph("Facebook"), Paragraph("Facebook")], lang="en")
    al = Alignment(src, tgt, [Bead((0,), (0,)), Bead((), (1,))])
    ctx = [e.msgctxt for e in alignment_to_po(al, tmp_path / "x.po")]
    assert ctx[0] != ctx[1]


# ---------------------------------------------------------------------------
# Header, stale inputs, reproducibility
# ---------------------------------------------------------------------------

def test_header_names_both_inputs_with_their_sha256(article_pair) -> None:
    al, path, po = written(article_pair)
    md = po.metadata
    assert md["X-Editflow-Source"] == "../originals/school.uk.txt"
    assert md["X-Editflow-Target"] == "school.en.txt"
    assert (path.parent / md["X-Editflow-Source"]).resolve() == article_pair.original.resolve()
    assert (path.parent / md["X-Editflow-Target"]).resolve() == article_pair.translation.resolve()
    assert md["X-Editflow-Source-SHA256"] == hashlib.sha256(article_pair.original.read_bytes()).hexdigest()
    assert md["X-Editflow-Target-SHA256"] == hashlib.sha256(article_pair.translation.read_bytes()).hexdigest()
    assert md["X-Editflow-Source-SHA256"] == al.source.sha256 == po_mod.sha256_file(article_pair.original)
    assert md["Content-Type"] == "text/plain; charset=UTF-8"
    assert md["Language"] == "en"
    assert md["X-Source-Language"] == "uk"


def test_stale_inputs_empty_after_writing_then_names_the_changed_file(article_pair) -> None:
    _, path, po = written(article_pair)
    assert stale_inputs(po, path) == []
    # Rewriting identical bytes is not a change.
    article_pair.translation.write_bytes(article_pair.translation.read_bytes())
    assert stale_inputs(po, path) == []
    with article_pair.translation.open("a", encoding="utf-8") as fh:
        fh.write("\nComments (3)\n")
    assert stale_inputs(po, path) == ["school.en.txt"]
    article_pair.original.write_text(article_pair.original.read_text(encoding="utf-8").replace("600", "650"),
                                     encoding="utf-8")
    assert stale_inputs(po, path) == ["../originals/school.uk.txt", "school.en.txt"]


def test_stale_inputs_reports_a_missing_input(article_pair) -> None:
    _, path, po = written(article_pair)
    article_pair.original.unlink()
    assert stale_inputs(po, path) == ["../originals/school.uk.txt (missing)"]


def test_source_date_epoch_makes_po_bytes_identical(article_pair, source_date_epoch) -> None:
    _, path, _ = written(article_pair)
    first = path.read_bytes()
    _, path2, _ = written(article_pair)  # re-aligns from scratch and rewrites the same path
    assert path2 == path
    assert path.read_bytes() == first
    assert b'"PO-Revision-Date: 2023-11-14 22:13+0000\\n"' in first
    assert first.endswith(b"\n") and not first.endswith(b"\n\n\n")


# ---------------------------------------------------------------------------
# Rebuilding the texts
# ---------------------------------------------------------------------------

def assert_rebuilds(al: Alignment, path: Path, original: Path, translation: Path) -> None:
    src, tgt, beads = po_to_documents(load_po(path), path)
    assert src.texts == read_document(original).texts
    assert tgt.texts == read_document(translation).texts
    assert [(b.src, b.tgt) for b in beads] == [(b.src, b.tgt) for b in al.beads]
    assert [b.confidence for b in beads] == pytest.approx([b.confidence for b in al.beads], abs=5e-5)
    assert [p.role for p in src.paragraphs] == [p.role for p in al.source.paragraphs]
    assert [p.role for p in tgt.paragraphs] == [p.role for p in al.target.paragraphs]
    assert src.sha256 == po_mod.sha256_file(original)
    assert tgt.sha256 == po_mod.sha256_file(translation)
    assert ADDED_MSGID not in src.texts


def test_po_to_documents_rebuilds_both_texts_exactly(article_pair) -> None:
    al, path, _ = written(article_pair)
    assert_rebuilds(al, path, article_pair.original, article_pair.translation)
    src, tgt, _ = po_to_documents(load_po(path), path)
    assert src.texts == article_pair.uk
    assert tgt.texts == article_pair.en


def write_docx(path: Path, paragraphs: list[str]) -> Path:
    """A Word file: first paragraph Title-styled, a manual line break inside one paragraph."""
    path.parent.mkdir(parents=True, exist_ok=True)
    document = docx.Document()
    document.add_paragraph(paragraphs[0], style="Title")
    for k, text in enumerate(paragraphs[1:], 1):
        p = document.add_paragraph()
        words = text.split(" ")
        half = len(words) // 2
        run = p.add_run(" ".join(words[:half]) + " ")
        run.bold = k == 1
        p.add_run(" ".join(words[half:]))
        if k == 2:
            p.add_run().add_break()
            p.add_run("(оновлено)" if path.name.endswith(".uk.docx") else "(updated)")
    document.save(str(path))
    return path


@pytest.mark.parametrize("docx_side", ["original", "translation", "both"])
def test_po_to_documents_rebuilds_docx_inputs_exactly(tmp_path: Path, article_pair, docx_side: str) -> None:
    original, translation = article_pair.original, article_pair.translation
    if docx_side in ("original", "both"):
        original = write_docx(tmp_path / "originals" / "school.uk.docx", article_pair.uk)
    if docx_side in ("translation", "both"):
        translation = write_docx(tmp_path / "translations" / "school.en.docx", article_pair.en)
    al = align_files(original, translation)
    path = tmp_path / "translations" / "school.po"
    write_po(al, path)
    # The manual line break survives as a newline inside the paragraph.
    docx_doc = read_document(original if docx_side != "translation" else translation)
    assert any("\n" in t for t in docx_doc.texts)
    assert docx_doc.paragraphs[0].role == "title"
    assert_rebuilds(al, path, original, translation)
    header = load_po(path).metadata
    assert header["X-Editflow-Source"] == Path(os.path.relpath(original, path.parent)).as_posix()
    assert header["X-Editflow-Target"] == Path(os.path.relpath(translation, path.parent)).as_posix()


def test_hand_edited_multi_paragraph_msgstr_without_its_blank_line_is_an_input_error(article_pair) -> None:
    al, path, po = written(article_pair)
    entry = next(e for e, b in zip(po, al.beads) if b.kind == "1-2")
    assert "\n\n" in entry.msgstr
    entry.msgstr = entry.msgstr.replace("\n\n", " ")  # what a hurried editor in Poedit does
    po.save(str(path))
    with pytest.raises(InputError) as exc:
        po_to_documents(load_po(path), path)
    message = str(exc.value.message)
    assert str(path) in message
    assert entry.msgctxt in message
    assert "English side should hold 2 paragraph(s)" in message
    assert "found 1" in message
    assert "blank line" in message


def test_translation_typed_into_an_omission_entry_is_not_silently_dropped(article_pair) -> None:
    # A 1-0 entry has an empty msgstr, so Poedit lists it as untranslated and the
    # translator fills it in.  Rebuilding must keep that English text or refuse.
    al, path, po = written(article_pair)
    entry = next(e for e, b in zip(po, al.beads) if b.kind == "1-0")
    added = "Earlier, residents collected signatures to have the school rebuilt on its old site."
    entry.msgstr = added
    po.save(str(path))
    try:
        _, tgt, _ = po_to_documents(load_po(path), path)
    except InputError as exc:
        assert str(path) in exc.message
    else:
        assert added in tgt.texts


# ---------------------------------------------------------------------------
# msgfmt
# ---------------------------------------------------------------------------

def test_msgfmt_accepts_every_bead_kind_and_escaped_characters(article_pair, make_pair, require_tool) -> None:
    msgfmt = require_tool("msgfmt")
    # The article with straight quotes, backslashes (one of them before an 'n') and tabs.
    uk, en = list(article_pair.uk), list(article_pair.en)
    uk[2] += ' Кошторис лежить у теці C:\\new_school\\"Звіти"\tна сервері КМДА.'
    en[2] += ' The estimate is in the C:\\new_school\\"Reports"\tfolder on the KCSA server.'
    en[4] = en[4] + ' Backslash-quote: \\" and a lone "quote.'
    pair = make_pair(uk=uk, en=en)
    al, path, po = written(pair)
    kinds = al.counts()
    assert {"1-2", "1-0", "0-1"} <= set(kinds), kinds
    result = run_msgfmt(msgfmt, path)
    assert result.returncode == 0, result.stderr
    assert "error" not in result.stderr.lower()
    # The escapes survive the round trip.
    src, tgt, _ = po_to_documents(po, path)
    assert src.texts == uk
    assert tgt.texts == en
    raw = path.read_text(encoding="utf-8")
    assert "C:\\\\new_school\\\\\\\"" in raw and "\\t" in raw


def test_msgfmt_accepts_repeated_texts(tmp_path: Path, require_tool) -> None:
    msgfmt = require_tool("msgfmt")
    path = tmp_path / "translations" / "dup.po"
    al = small_alignment(tmp_path)
    write_po(al, path)
    result = run_msgfmt(msgfmt, path)
    assert result.returncode == 0, result.stderr
    src, tgt, beads = po_to_documents(load_po(path), path)
    assert src.texts == al.source.texts
    assert tgt.texts == al.target.texts
    assert [(b.src, b.tgt) for b in beads] == [(b.src, b.tgt) for b in al.beads]


def test_an_english_side_emptied_in_the_po_rebuilds_as_no_paragraph(article_pair, tmp_path) -> None:
    from editflow.workfile import align_files, write_alignment
    from editflow.po import load_po, po_to_documents

    al = align_files(article_pair.original, article_pair.translation)
    out = tmp_path / "school.po"
    write_alignment(al, out)
    po = load_po(out)
    entry = next(e for e in po if e.msgstr.startswith("Mayor"))
    entry.msgstr = ""
    src, tgt, beads = po_to_documents(po, out)
    assert not any(p.text.startswith("Mayor") for p in tgt.paragraphs)
    assert len(tgt.paragraphs) == len(article_pair.en) - 1
    assert any(b.src and not b.tgt for b in beads)
