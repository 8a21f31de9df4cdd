"""Fault injection, any text survives the round trip (issue 13 §3): odd characters and odd file
names on their way through the readers, the PO, the review and the publication.

Each scenario asserts that nothing anyone wrote was lost (the text comes back byte for byte, or a
refusal leaves every file as it was and writes nothing) and that what editflow says names the file.
"""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import docx
import polib
import pytest
from click.testing import CliRunner
from conftest import require_tool, soffice_convert
from test_readers import add_xml, p, r
from word_edits import edit

from editflow.cli import cli
from editflow.export.review import row_ids
from editflow.po import decode_ref, load_po, po_to_documents, stale_inputs
from editflow.readers import read_document

OLENA, OLENA_DATE = "Olena K.", "2026-11-20T10:00:00Z"

UK = [
    "Харків знову під ударом",
    "Уночі росіяни атакували місто шахедами, пошкоджено три будинки.",
    "Температура впала до мінус 12 градусів, мешканці лишилися без тепла.",
]
EN = [
    "Kharkiv under attack again",
    "Overnight Russia attacked the city with Shahed drones, damaging three houses.",
    "The temperature fell to minus 12 degrees, and residents were left without heating.",
]


def invoke(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


def one_line_refusal(result, *names: Path) -> str:
    """Exit 2, one line on stderr, no traceback, every file in `names` named."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and result.stderr.count("\n") == 1, result.stderr
    for name in names:
        assert str(name) in result.stderr, result.stderr
    return result.stderr


def write_text(path: Path, paragraphs: list[str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def docx_with(path: Path, *blocks: str) -> Path:
    """A .docx whose body is `blocks` (raw WordprocessingML paragraphs and tables)."""
    document = docx.Document()
    add_xml(document, "".join(blocks))
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def with_raw_bytes(path: Path, marker: str, raw: bytes) -> None:
    """Put `raw` in word/document.xml where `marker` stands (a broken exporter's control character)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(path) as z, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for item in z.infolist():
            blob = z.read(item.filename)
            if item.filename == "word/document.xml":
                blob = blob.replace(marker.encode(), raw)
            out.writestr(item, blob)
    path.write_bytes(buf.getvalue())


def msgfmt_check(po_path: Path) -> None:
    result = subprocess.run([require_tool("msgfmt"), "--check", "-o", "/dev/null", str(po_path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# ---------------------------------------------------------------------------
# readers: refused at the input, the place named
# ---------------------------------------------------------------------------

def test_a_control_character_in_a_text_file_is_refused_naming_the_line(tmp_path: Path) -> None:
    uk = list(UK)
    uk[2] = uk[2].replace("мінус 12", "мінус\x0212")   # a stray STX from a copied terminal log
    original = write_text(tmp_path / "originals" / "kharkiv.uk.txt", uk)
    translation = write_text(tmp_path / "translations" / "kharkiv.en.txt", EN)
    message = one_line_refusal(invoke("align", original, translation), original)
    assert "line 5" in message and "U+0002" in message
    assert not list((tmp_path / "translations").glob("*.po"))


@pytest.mark.parametrize(("blocks", "where"), [
    ((p(r("Kharkiv under attack again")), p(r("Overnight Russia attacked @@ the city."))), "paragraph p2"),
    ((p(r("Kharkiv under attack again")),
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Houses</w:t></w:r></w:p></w:tc>"
      "<w:tc><w:p><w:r><w:t>three @@ damaged</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"), "table1/r1c2"),
], ids=["body", "table-cell"])
def test_a_control_character_in_a_docx_is_refused_naming_the_paragraph(tmp_path: Path, blocks: tuple[str, ...],
                                                                         where: str) -> None:
    original = write_text(tmp_path / "originals" / "kharkiv.uk.txt", UK)
    translation = docx_with(tmp_path / "translations" / "kharkiv.en.docx", *blocks)
    with_raw_bytes(translation, "@@", b"\x01")
    before = translation.read_bytes()
    message = one_line_refusal(invoke("align", original, translation), translation)
    assert where in message and "U+0001" in message, message
    assert translation.read_bytes() == before
    assert not list((tmp_path / "translations").glob("*.po"))


# ---------------------------------------------------------------------------
# characters Word stores as elements: read, kept, written back
# ---------------------------------------------------------------------------

def test_word_symbols_and_hyphens_reach_the_po_and_the_publication(tmp_path: Path) -> None:
    original = write_text(tmp_path / "originals" / "kharkiv.uk.txt", UK)
    sym = '<w:r><w:sym w:font="{font}" w:char="{code}"/></w:r>'
    translation = docx_with(
        tmp_path / "translations" / "kharkiv.en.docx",
        p(r("Kharkiv under attack again")),
        p(r("Overnight Russia attacked the city with Shahed drones, damaging three houses.")),
        p(r("The temperature fell to \u221212"), sym.format(font="Symbol", code="F0B0"), r("C "),
          sym.format(font="Symbol", code="F0B1"), r("2"), sym.format(font="Symbol", code="F0B0"),
          r(" (an "), sym.format(font="Symbol", code="F061"), r(" front), in Saltivka"),
          "<w:r><w:noBreakHyphen/></w:r>", r("North the heat"), "<w:r><w:softHyphen/></w:r>", r("ing failed "),
          sym.format(font="Wingdings", code="F0FC")),
    )
    expected = ("The temperature fell to \u221212°C ±2° (an α front), in Saltivka\u2011North the heat\u00ading "
                "failed \uf0fc")
    po_path = tmp_path / "translations" / "kharkiv.po"
    assert invoke("align", original, translation, "-o", po_path).exit_code == 0
    _src, tgt, _beads = po_to_documents(load_po(po_path), po_path)
    assert tgt.texts[2] == expected
    out = tmp_path / "build" / "kharkiv.docx"
    result = invoke("export", po_path, "--publication", "-o", out)
    assert result.exit_code == 0, result.output
    assert read_document(out).texts[-1] == expected
    with zipfile.ZipFile(out) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "<w:softHyphen/>" in body and "<w:noBreakHyphen/>" in body   # as Word itself stores them
    msgfmt_check(po_path)


# ---------------------------------------------------------------------------
# file names the PO must carry
# ---------------------------------------------------------------------------

def test_a_source_file_name_with_a_newline_and_quotes(tmp_path: Path) -> None:
    name = 'kharkiv\n"draft" 50% *final*.uk.txt'
    original = write_text(tmp_path / "originals" / name, UK)
    translation = write_text(tmp_path / "translations" / "kharkiv.en.txt", EN)
    po_path = tmp_path / "translations" / "kharkiv.po"
    result = invoke("align", original, translation, "-o", po_path)
    assert result.exit_code == 0, result.output
    msgfmt_check(po_path)
    other = polib.pofile(str(po_path))                     # another tool reads the same file
    assert decode_ref(other.metadata["X-Editflow-Source"]) == f"../originals/{name}"
    sources = {decode_ref(path) for e in other for path, _line in e.occurrences if "originals" in path}
    assert sources == {f"../originals/{name}"}
    po = load_po(po_path)
    src, tgt, _beads = po_to_documents(po, po_path)
    assert src.texts == UK and tgt.texts == EN
    assert stale_inputs(po, po_path) == []                 # the file is found again by its name
    for kind in ("--review", "--publication"):
        result = invoke("export", po_path, kind, "-o", tmp_path / "build" / f"out{kind}.docx")
        assert result.exit_code == 0, result.output
    original.write_text("\n\n".join([*UK, "Оновлено о 9:00."]) + "\n", encoding="utf-8")
    assert stale_inputs(load_po(po_path), po_path) == [po.metadata["X-Editflow-Source"]]


# ---------------------------------------------------------------------------
# the review round trip keeps what cannot be seen
# ---------------------------------------------------------------------------

INVISIBLE_EN = [
    "Kharkiv under\u00a0attack again",
    "Overnight Russia attacked the city with Shahed\u200b drones, dam\u00adaging three houses\u2028(update).",
    "Residents quoted the sign \u200f\u05d7\u05e9\u05de\u05dc\u200f\tin Hebrew; minus\u00a012 degrees.",
]


@pytest.fixture
def invisible_po(tmp_path: Path) -> Path:
    original = write_text(tmp_path / "originals" / "kharkiv.uk.txt", UK)
    translation = write_text(tmp_path / "translations" / "kharkiv.en.txt", INVISIBLE_EN)
    po_path = tmp_path / "translations" / "kharkiv.po"
    assert invoke("align", original, translation, "-o", po_path).exit_code == 0
    return po_path


def _english(po_path: Path) -> dict[str, str]:
    return {rid: e.msgstr for rid, e in row_ids(load_po(po_path))}


def test_rtl_marks_soft_hyphens_and_zero_width_spaces_survive_the_review(invisible_po: Path, tmp_path: Path) -> None:
    review = tmp_path / "build" / "kharkiv.review.docx"
    assert invoke("export", invisible_po, "--review", "-o", review).exit_code == 0
    before = invisible_po.read_bytes()
    result = invoke("import-review", review, invisible_po)
    assert result.exit_code == 0 and "no changes" in result.stderr and str(review) in result.stderr
    assert invisible_po.read_bytes() == before
    assert sorted(_english(invisible_po).values()) == sorted(INVISIBLE_EN)

    # The reviewer types over a word with text holding the same invisible characters.
    rid = next(k for k, v in _english(invisible_po).items() if "Hebrew" in v)
    typed = "in Hebrew,\u00a0\u200fright\u00adto\u00adleft\u200f"
    edit(review, lambda d: d.replace(rid, "Residents", "Locals", OLENA, OLENA_DATE))
    edit(review, lambda d: d.replace(rid, "", " " + typed, OLENA, OLENA_DATE))
    result = invoke("import-review", review, invisible_po)
    assert result.exit_code == 0, result.output
    english = _english(invisible_po)[rid]
    assert english.startswith("Locals quoted the sign \u200f\u05d7\u05e9\u05de\u05dc\u200f\tin Hebrew;")
    assert english.endswith(typed)
    others = [v for k, v in _english(invisible_po).items() if k != rid]
    assert sorted(others) == sorted(INVISIBLE_EN[:2])
    msgfmt_check(invisible_po)


def test_an_untouched_review_resaved_by_libreoffice_keeps_tabs_and_soft_hyphens(invisible_po: Path,
                                                                               tmp_path: Path) -> None:
    review = tmp_path / "build" / "kharkiv.review.docx"
    assert invoke("export", invisible_po, "--review", "-o", review).exit_code == 0
    resaved = soffice_convert(review, tmp_path / "lo", "docx:MS Word 2007 XML")
    from editflow.export.review_import import read_review

    # Written as Word's own elements, LibreOffice keeps them: the cells come back exactly.
    cells = {row.id: row.english for row in read_review(resaved).rows}
    assert cells == _english(invisible_po)
    before = load_po(invisible_po)
    result = invoke("import-review", resaved, invisible_po)
    assert result.exit_code == 0 and "no changes" in result.stderr, result.output
    # (The PO's header records the review as imported; no entry changes.)
    after = load_po(invisible_po)
    assert [(e.msgctxt, e.msgid, e.msgstr, e.tcomment) for e in after] == \
        [(e.msgctxt, e.msgid, e.msgstr, e.tcomment) for e in before]


def test_noncharacters_go_through_the_review_as_word_symbols(tmp_path: Path) -> None:
    en = [*EN[:2], EN[2] + " \ufffe\uffff"]                # XML 1.0 cannot hold these two as text
    original = write_text(tmp_path / "originals" / "kharkiv.uk.txt", UK)
    translation = write_text(tmp_path / "translations" / "kharkiv.en.txt", en)
    po_path = tmp_path / "translations" / "kharkiv.po"
    assert invoke("align", original, translation, "-o", po_path).exit_code == 0
    review = tmp_path / "build" / "kharkiv.review.docx"
    assert invoke("export", po_path, "--review", "-o", review).exit_code == 0
    before = po_path.read_bytes()
    result = invoke("import-review", review, po_path)
    assert result.exit_code == 0 and "no changes" in result.stderr, result.output
    assert po_path.read_bytes() == before
    out = tmp_path / "build" / "kharkiv.docx"
    assert invoke("export", po_path, "--publication", "-o", out).exit_code == 0
    assert read_document(out).texts[-1] == en[2]


# ---------------------------------------------------------------------------
# what a Word document cannot hold, typed into the PO: refused at export, never a traceback
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["--review", "--publication"])
def test_a_control_character_typed_into_the_po_is_refused_at_export(tmp_path: Path, kind: str) -> None:
    original = write_text(tmp_path / "originals" / "kharkiv.uk.txt", UK)
    translation = write_text(tmp_path / "translations" / "kharkiv.en.txt", EN)
    po_path = tmp_path / "translations" / "kharkiv.po"
    assert invoke("align", original, translation, "-o", po_path).exit_code == 0
    # Text pasted from Word into a PO editor carries Word's line break, a vertical tab.
    po = polib.pofile(str(po_path))
    entry = next(e for e in po if "Shahed" in e.msgstr)
    entry.msgstr = entry.msgstr.replace("drones, ", "drones,\x0b")
    po.save(str(po_path))
    before = po_path.read_bytes()
    out = tmp_path / "build" / "kharkiv.docx"
    message = one_line_refusal(invoke("export", po_path, kind, "-o", out), po_path)
    assert "U+000B" in message and entry.msgctxt in message and "line " in message
    assert not out.exists() and po_path.read_bytes() == before


def test_a_po_written_before_names_were_encoded_is_still_refreshed(tmp_path: Path) -> None:
    original = write_text(tmp_path / "originals" / "kharkiv attack.uk.txt", UK)
    translation = write_text(tmp_path / "translations" / "kharkiv attack.en.txt", EN)
    po_path = tmp_path / "translations" / "kharkiv.po"
    assert invoke("align", original, translation, "-o", po_path).exit_code == 0
    # The header as editflow wrote it before: the names with their spaces.
    text = po_path.read_text(encoding="utf-8").replace("kharkiv%20attack", "kharkiv attack")
    po_path.write_text(text, encoding="utf-8")
    result = invoke("align", original, translation, "-o", po_path)
    assert result.exit_code == 0, result.output
    assert "%20" in load_po(po_path).metadata["X-Editflow-Source"]
