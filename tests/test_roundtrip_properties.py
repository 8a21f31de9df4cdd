"""Any text survives the round trip (issue 13 §3), proved with Hypothesis.

Paragraphs are drawn from all of Unicode except the control characters other
than tab (Hypothesis's full code-point range; surrogates cannot be text), with
extra weight on what a desk pastes in from the web and from Word: tabs, soft
hyphens, no-break, zero-width and other spaces, U+2028/U+2029, combining
accents, emoji, direction marks, Word's non-breaking hyphen, the two
noncharacters XML cannot hold, quotes and backslashes.  A paragraph follows
the rule of `editflow.textnorm`: no white space at either end, lines joined
by "\\n", no blank line (white space and format characters only).

Properties, 500 examples each:

- (a) align → PO → read back: both texts come back paragraph for paragraph,
  whatever the input file names; polib and `msgfmt --check` read the PO.
- (a') text files → `align_files` → PO: the reader and the PO keep every
  character of one-line paragraphs, and the PO names the files so that they
  are found again (header and `#:` references).
- (b) PO → review .docx → import-review: an untouched review imports as no
  change (the PO's bytes unchanged); an English cell the reviewer rewrote (as
  Word records it: the old run deleted, the new one inserted) comes back byte
  for byte, and the PO written passes `msgfmt --check`.  (An edit that only
  drops what a word processor loses unseen, `review_import.same_text`, is by
  design no edit, so it is not drawn.)
- (c) PO → publication .docx → editflow's .docx reader: every paragraph the
  publication plan placed comes back byte for byte, and the plan's kept and
  dropped paragraphs are exactly the PO's English paragraphs.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
from conftest import require_tool
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from lxml import etree

from editflow.align import align
from editflow.errors import InputError
from editflow.export._package import append_text, xml_safe
from editflow.export.publication import write_publication
from editflow.export.publication.plan import plan_publication
from editflow.export.publication.source import english_paragraphs
from editflow.export.review import SEP, row_ids, write_review
from editflow.export.review_import import import_review, same_text
from editflow.model import Alignment, Bead, Document, Finding, Paragraph
from editflow.po import decode_ref, encode_ref, load_po, po_to_documents, stale_inputs, write_po
from editflow.readers import read_document
from editflow.readers.docx import symbol_character
from editflow.textnorm import is_blank, paragraph_form
from editflow.workfile import align_files, write_alignment

EXAMPLES = 500
PROPERTY = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# What a desk pastes: the characters issue 13 names, and the ones most likely to trip a writer.
PASTED = [
    "\t", "\u00ad", "\u00a0", "\u202f", "\u2009", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",
    "\u2028", "\u2029", "\u0301", "\u0306", "\u200e", "\u200f", "\u202b", "\u202c", "\u061c", "\u2011",
    "\ufffe", "\uffff", "\U0001f1fa\U0001f1e6", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "😀",
    "\\", '"', "\\n", "%", "*", "#", ":", "  ", "°", "«", "»", "—", "’", "ї", "Ґ", "é", "\U00010348",
]
ANY_CHAR = st.characters(exclude_categories=("Cc", "Cs"), include_characters="\t")
# Runs of any characters between pasted ones and newlines.  (An alphabet of one_of(characters,
# sampled_from) would be merged by Hypothesis into one range, where the pasted ones are lost.)
PIECE = st.one_of(st.text(ANY_CHAR, min_size=1, max_size=6), st.sampled_from([*PASTED, *["\n"] * 8]))


def visible(text: str) -> bool:
    """The paragraph rule's "not blank": something besides white space and format characters."""
    return any(not (c.isspace() or unicodedata.category(c) == "Cf") for c in text)


def as_paragraph(pieces: list[str]) -> str:
    """Drawn text brought to the paragraph rule: blank lines out, white space off both ends."""
    return "\n".join(line for line in "".join(pieces).split("\n") if visible(line)).strip()


def one_line(paragraph: str) -> str:
    return " ".join(paragraph.split("\n"))


def has_english(beads: list[tuple[int, int]]) -> bool:
    return sum(t for _s, t in beads) > 0


def usable_name(stem: str) -> bool:
    return stem not in (".", "..") and len(stem.encode("utf-8")) < 200


PARAGRAPH = st.lists(PIECE, min_size=1, max_size=6).map(as_paragraph).filter(visible)
ONE_LINE = PARAGRAPH.map(one_line)
PARAGRAPHS = st.lists(PARAGRAPH, min_size=1, max_size=5)
# Every kind of bead the aligner makes (1-1 most often), and the roles the publication places differently.
BEAD_SHAPES = [(1, 1), (1, 1), (1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (1, 0), (0, 1)]
ROLES = ["body", "body", "body", "title", "heading", "quote", "byline", "note", "footnote", "credit", "headline"]


@st.composite
def alignments(draw: st.DrawFn) -> tuple[list[str], list[str], list[str], list[tuple[int, int, float]]]:
    """A PO's content drawn directly (no aligner: these properties are about the PO onwards):
    Ukrainian and English paragraphs, English roles, and beads as (Ukrainian count, English count, confidence)."""
    shapes = draw(st.lists(st.sampled_from(BEAD_SHAPES), min_size=1, max_size=4)
                  .filter(has_english))
    uk = draw(st.lists(PARAGRAPH, min_size=sum(s for s, _t in shapes), max_size=sum(s for s, _t in shapes)))
    n_en = sum(t for _s, t in shapes)
    en = draw(st.lists(PARAGRAPH, min_size=n_en, max_size=n_en))
    roles = draw(st.lists(st.sampled_from(ROLES), min_size=n_en, max_size=n_en))
    confidence = draw(st.lists(st.sampled_from([0.31, 0.99]), min_size=len(shapes), max_size=len(shapes)))
    return uk, en, roles, [(s, t, c) for (s, t), c in zip(shapes, confidence, strict=True)]


def write_drawn_po(case: tuple[list[str], list[str], list[str], list[tuple[int, int, float]]], po_path: Path) -> None:
    uk, en, roles, shapes = case
    root = po_path.parent.parent
    src = document(uk, root / "originals" / "a.uk.txt", "uk")
    tgt = document(en, root / "translations" / "a.en.txt", "en")
    for p, role in zip(tgt.paragraphs, roles, strict=True):
        p.role = role
    beads: list[Bead] = []
    i = j = 0
    for s, t, confidence in shapes:
        beads.append(Bead(tuple(range(i, i + s)), tuple(range(j, j + t)), confidence))
        i, j = i + s, j + t
    write_po(Alignment(src, tgt, beads, doubt_threshold=0.5), po_path)


# Any name a file may have on Linux (no "/" and no NUL; 255 bytes at most), newlines and quotes included.
NAME_CHAR = st.one_of(st.characters(exclude_categories=("Cs",), exclude_characters="/\x00"),
                      st.sampled_from(["\n", '"', "'", " ", "%", "*", "-", ":", "#", "\\", "\u2028", "\t"]))
FILE_STEM = (st.text(NAME_CHAR, min_size=1, max_size=12)
             .filter(usable_name))


@pytest.fixture(scope="module")
def msgfmt() -> str:
    return require_tool("msgfmt")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Where the examples write: in memory when the machine has /dev/shm.

    Every output is written with fsync (`fileio.atomic_write`); thousands of them
    on a disk shared with other work cost more time than the properties
    themselves, and the disk is not what they test.
    """
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        folder = Path(tempfile.mkdtemp(prefix="editflow-roundtrip-", dir=shm))
        yield folder
        shutil.rmtree(folder, ignore_errors=True)
    else:
        yield tmp_path_factory.mktemp("roundtrip")


def check_msgfmt(msgfmt: str, po_path: Path) -> None:
    result = subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(po_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def check_polib(po_path: Path, entries: list[tuple[str, str, str]]) -> None:
    """polib (from the bytes, as another tool would) reads the same entries editflow wrote."""
    other = polib.pofile(str(po_path), encoding="utf-8")
    assert [(e.msgctxt or "", e.msgid, e.msgstr) for e in other] == entries


def document(paragraphs: list[str], path: Path, lang: str) -> Document:
    return Document([Paragraph(t, "body", str(k + 1)) for k, t in enumerate(paragraphs)], path=path,
                    lang=lang, sha256="0" * 64)


def aligned_po(uk: list[str], en: list[str], po_path: Path, uk_name: str = "a.uk.txt",
               en_name: str = "a.en.txt") -> None:
    root = po_path.parent.parent
    src = document(uk, root / "originals" / uk_name, "uk")
    tgt = document(en, root / "translations" / en_name, "en")
    write_po(align(src, tgt), po_path)


# ---------------------------------------------------------------------------
# (a) align → PO → read back
# ---------------------------------------------------------------------------

@PROPERTY
@given(uk=PARAGRAPHS, en=PARAGRAPHS, uk_stem=FILE_STEM, en_stem=FILE_STEM, po_stem=FILE_STEM)
def test_alignment_comes_back_from_the_po(workdir: Path, msgfmt: str, uk: list[str], en: list[str],
                                          uk_stem: str, en_stem: str, po_stem: str) -> None:
    po_path = workdir / "a" / "translations" / f"{po_stem}.po"
    aligned_po(uk, en, po_path, f"{uk_stem}.uk.txt", f"{en_stem}.en.txt")
    po = load_po(po_path)
    assert decode_ref(po.metadata["Project-Id-Version"]) == po_stem
    back_src, back_tgt, _beads = po_to_documents(po, po_path)
    assert back_src.texts == uk
    assert back_tgt.texts == en
    # The header and the references name the inputs, however odd their names.
    assert decode_ref(po.metadata["X-Editflow-Source"]) == f"../originals/{uk_stem}.uk.txt"
    assert decode_ref(po.metadata["X-Editflow-Target"]) == f"{en_stem}.en.txt"
    named = {decode_ref(path) for entry in po for path, _line in entry.occurrences}
    assert named <= {f"../originals/{uk_stem}.uk.txt", f"{en_stem}.en.txt"}
    check_polib(po_path, [(e.msgctxt or "", e.msgid, e.msgstr) for e in po])
    check_msgfmt(msgfmt, po_path)
    po_path.unlink()


@PROPERTY
@given(uk=st.lists(ONE_LINE, min_size=1, max_size=5), en=st.lists(ONE_LINE, min_size=1, max_size=5),
       uk_stem=FILE_STEM, en_stem=FILE_STEM)
def test_text_files_come_back_from_the_po(workdir: Path, msgfmt: str, uk: list[str], en: list[str],
                                          uk_stem: str, en_stem: str) -> None:
    root = workdir / f"files-{hashlib.sha1((uk_stem + '/' + en_stem).encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"
    original = root / "originals" / f"{uk_stem}.uk.txt"
    translation = root / "translations" / f"{en_stem}.en.txt"
    # A text file cannot begin with U+FEFF as text: those bytes are the UTF-8 signature.
    assume(not uk[0].startswith("\ufeff") and not en[0].startswith("\ufeff"))
    for path, paragraphs in ((original, uk), (translation, en)):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    po_path = root / "translations" / "article.po"
    write_alignment(align_files(original, translation), po_path, force=True)
    po = load_po(po_path)
    back_src, back_tgt, _beads = po_to_documents(po, po_path)
    assert back_src.texts == uk
    assert back_tgt.texts == en
    assert stale_inputs(po, po_path) == []   # both files found again by the names the PO wrote
    check_msgfmt(msgfmt, po_path)


# ---------------------------------------------------------------------------
# (b) PO → review .docx → import-review
# ---------------------------------------------------------------------------

def _cell_as_word_edits_it(tc: etree._Element, paragraphs: list[str]) -> None:
    """Replace the cell's text the way Word records an edit with Track Changes on.

    The old runs are wrapped in w:del (their w:t become w:delText); the new
    text goes into an inserted run, written as Word writes typed text: w:br for
    Shift+Enter, w:tab, everything else inside w:t (the two noncharacters XML
    cannot hold as w:sym).  A paragraph more or less is a new or removed w:p.
    """
    old = tc.findall(W + "p")
    attrs = {W + "id": "901", W + "author": "Olena K.", W + "date": "2026-11-20T10:00:00Z"}
    for k, text in enumerate(paragraphs):
        p = old[k] if k < len(old) else etree.SubElement(tc, W + "p")
        runs = [r for r in p if r.tag == W + "r"]
        if runs:
            deleted = etree.Element(W + "del", attrs)
            runs[0].addprevious(deleted)
            for r in runs:
                for t in r.iter(W + "t"):
                    t.tag = W + "delText"
                deleted.append(r)
        ins = etree.SubElement(p, W + "ins", attrs)
        r = etree.SubElement(ins, W + "r")
        piece = ""
        for ch in text + "\x00":
            if ch in "\n\t\ufffe\uffff\x00":
                if piece:
                    t = etree.SubElement(r, W + "t")
                    t.text = piece
                    t.set(XML_SPACE, "preserve")
                    piece = ""
                if ch == "\n":
                    etree.SubElement(r, W + "br")
                elif ch == "\t":
                    etree.SubElement(r, W + "tab")
                elif ch != "\x00":
                    etree.SubElement(r, W + "sym", {W + "font": "Calibri", W + "char": f"{ord(ch):04X}"})
            else:
                piece += ch
    for p in old[len(paragraphs):]:
        tc.remove(p)


def _edited_review(review: Path, rid: str, paragraphs: list[str], out: Path) -> None:
    with zipfile.ZipFile(review) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    root = etree.fromstring(parts["word/document.xml"])
    for tr in root.iter(W + "tr"):
        cells = tr.findall(W + "tc")
        if cells and "".join(cells[0].itertext()) == rid:
            _cell_as_word_edits_it(cells[2], paragraphs)
            break
    else:
        raise AssertionError(f"row {rid} not in the review")
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:   # stored: the import reads either, and the test need not compress
        for name, blob in parts.items():
            z.writestr(name, blob)
    out.write_bytes(buf.getvalue())


@st.composite
def review_case(draw: st.DrawFn) -> tuple[tuple, list[tuple[int, int, int]], int, list[str]]:
    case = draw(alignments())
    # Findings become Word comments anchored on spans of the English, which split its runs.
    spans = draw(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 200), st.integers(0, 60)), max_size=4))
    row = draw(st.integers(0, 20))
    new = draw(st.lists(PARAGRAPH, min_size=1, max_size=3))
    return case, spans, row, new


@PROPERTY
@given(case=review_case())
def test_review_round_trip(workdir: Path, msgfmt: str, case: tuple[tuple, list[tuple[int, int, int]], int, list[str]]) -> None:
    drawn, spans, row, new = case
    po_path = workdir / "b" / "translations" / "b.po"
    write_drawn_po(drawn, po_path)
    po = load_po(po_path)
    rows = row_ids(po)
    findings = [Finding("test.span", "warning", "a finding on these words", entry=rows[k % len(rows)][0],
                        index=k % len(rows), target_span=(start, start + length))
                for k, start, length in spans]
    review = workdir / "b" / "b.review.docx"
    write_review(po_path, review, findings=findings, force=True)

    before = po_path.read_bytes()
    summary = import_review(review, po_path)
    assert summary.changed == [] and summary.comments == 0
    assert po_path.read_bytes() == before

    # The reviewer rewrites one English cell (as many paragraphs as the pair has).
    rid, entry = rows[row % len(rows)]
    count = len(entry.msgstr.split(SEP)) if entry.msgstr else 1
    new = (new * count)[:count]
    # What a word processor loses unseen (a soft hyphen, a trailing space) is no edit (`same_text`).
    assume(not same_text(SEP.join(new), entry.msgstr))
    edited = workdir / "b" / "b.edited.review.docx"
    _edited_review(review, rid, new, edited)
    summary = import_review(edited, po_path)
    assert summary.changed == [rid]
    after = dict(row_ids(load_po(po_path)))
    assert after[rid].msgstr == SEP.join(new)
    assert {k: e.msgstr for k, e in after.items() if k != rid} == {k: e.msgstr for k, e in rows if k != rid}
    check_msgfmt(msgfmt, po_path)


# ---------------------------------------------------------------------------
# (c) PO → publication .docx
# ---------------------------------------------------------------------------

@PROPERTY
@given(case=alignments())
def test_publication_holds_the_english(workdir: Path, case: tuple) -> None:
    po_path = workdir / "c" / "translations" / "c.po"
    write_drawn_po(case, po_path)
    out = workdir / "c" / "c.docx"
    po = load_po(po_path)
    plan = plan_publication(english_paragraphs(po, po_path), last_translator=po.metadata.get("Last-Translator", ""))
    if not plan.blocks:
        # Every English paragraph drawn is furniture (boilerplate, teasers): there is no article to
        # publish, and the export says so instead of writing an empty document.
        with pytest.raises(InputError, match="has no English text"):
            write_publication(po_path, out, force=True)
        return
    result = write_publication(po_path, out, force=True)
    assert read_document(out).texts == [b.text for b in plan.blocks]
    # Nothing lost on the way: what the plan did not place it dropped on purpose (and the result says so).
    assert sorted([b.text for b in plan.blocks] + [p.text for p in plan.dropped]) == sorted(case[1])
    assert result.paragraphs == len(plan.blocks)
    assert sum(result.dropped.values()) == len(plan.dropped)


def test_generators_reach_the_hard_characters() -> None:
    """The strategies above do produce what the properties are about (a guard against a silent filter)."""
    seen: set[str] = set()

    @settings(max_examples=300, deadline=None, database=None, derandomize=True)
    @given(PARAGRAPHS)
    def collect(paragraphs: list[str]) -> None:
        seen.update(ch for p in paragraphs for ch in p)

    collect()
    for ch in ("\t", "\n", "\u00ad", "\u200b", "\u2028", "\u2029", "\u200f", "\ufffe"):
        assert ch in seen, f"U+{ord(ch):04X} never generated"
    assert any(unicodedata.category(ch) == "Mn" for ch in seen), "no combining accent generated"
    assert any(ord(ch) > 0xFFFF for ch in seen), "nothing beyond the BMP (emoji) generated"


# ---------------------------------------------------------------------------
# the pieces the properties rest on
# ---------------------------------------------------------------------------

@PROPERTY
@given(name=FILE_STEM)
def test_a_file_name_survives_the_po_encoding(name: str) -> None:
    encoded = encode_ref(name)
    assert decode_ref(encoded) == name
    # Nothing that would end a `#:` reference or a header field, or that polib's wrapper changes.
    assert not any(ch.isspace() or ch == "*" for ch in encoded)
    assert encoded == name or "%" in encoded


@pytest.mark.parametrize(("font", "code", "char"), [
    ("Symbol", "F0B0", "°"), ("Symbol", "F061", "α"), ("Symbol", "F0B4", "×"), ("Symbol", "F0A3", "≤"),
    ("Symbol", "B1", "±"), ("Times New Roman", "00B0", "°"), ("Wingdings", "F0FC", "\uf0fc"), ("", "FFFE", "\ufffe"),
    ("Symbol", "F0F0", "\uf0f0"), ("Symbol", "0001", ""),
])
def test_word_symbols(font: str, code: str, char: str) -> None:
    sym = etree.Element(W + "sym", {W + "font": font, W + "char": code})
    assert symbol_character(sym) == char


def test_append_text_stores_what_xml_cannot_hold_as_word_elements() -> None:
    run = etree.Element(W + "r")
    append_text(run, " a\tb\nc\u00add\u2011e\ufffe  f ")
    assert [etree.QName(el).localname for el in run] == ["t", "tab", "t", "br", "t", "softHyphen", "t",
                                                          "noBreakHyphen", "t", "sym", "t"]
    assert [el.get(XML_SPACE) for el in run.iter(W + "t")] == ["preserve", None, None, None, None, "preserve"]
    assert xml_safe("a\x01b\uffff") == "a\ufffdb\ufffd"


def test_the_paragraph_rule() -> None:
    assert is_blank(" \u00a0\u200b\u00ad\u200f\u2028") and not is_blank("\u200ba")
    assert paragraph_form("  a \n \u200b\n\nb\u2029 ") == "a \nb"
    text = "a\u200b\u00ad\tb\nc"
    assert paragraph_form(text) is text
