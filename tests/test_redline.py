"""The redline: the reviewer's changes as Word tracked changes against the pre-review English."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from editflow.errors import InputError
from editflow.export.redline import diff_paragraphs, tokens, write_redline
from editflow.export.review_import import import_review
from test_export_review import make_po, make_review, soffice_text
from test_review_import import OLENA, reviewed

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def po_path(make_pair, source_date_epoch) -> Path:
    return make_po(make_pair)


@pytest.fixture
def imported(po_path: Path) -> Path:
    review = make_review(po_path)
    reviewed(review, po_path)
    import_review(review, po_path)
    return po_path


def body(path: Path):
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/document.xml"))


def changes(root, tag: str) -> list[tuple[str, str]]:
    text_tag = "delText" if tag == "del" else "t"
    return [("".join(t.text or "" for t in el.iter(W + text_tag)), el.get(W + "author"))
            for el in root.iter(W + tag) if el.getparent().tag == W + "p"]


def test_tokens_keep_words_spaces_and_punctuation_apart() -> None:
    assert tokens('He said, "yes".\n\nNext') == ["He", " ", "said", ",", " ", '"', "yes", '"', ".", "\n\n", "Next"]


def test_diff_marks_only_the_changed_words() -> None:
    (p,) = diff_paragraphs("More than 600 pupils came.", "Over 600 pupils came.")
    assert p.pieces == [("del", "More than"), ("ins", "Over"), ("eq", " 600 pupils came.")]


def test_diff_tracks_a_paragraph_break_the_reviewer_added() -> None:
    paras = diff_paragraphs("One. Two.", "One.\n\nTwo.")
    assert [p.mark for p in paras] == ["ins", "eq"]
    assert "".join(t for k, t in paras[0].pieces if k != "del") == "One."


def test_redline_shows_the_reviewers_words(imported: Path, tmp_path: Path) -> None:
    out = tmp_path / "school.redline.docx"
    summary = write_redline(imported, out)
    assert summary.changed == 3 and summary.reviewers == [OLENA]
    root = body(out)
    assert ("More than", OLENA) in changes(root, "del")
    assert ("Over", OLENA) in changes(root, "ins")
    assert ("Мер", OLENA) in changes(root, "del")
    assert ("principal", OLENA) in changes(root, "del") and ("head teacher", OLENA) in changes(root, "ins")
    dates = {el.get(W + "date") for el in root.iter(W + "ins", W + "del")}
    assert dates == {"2023-11-14T22:13:20Z"}   # the export moment (SOURCE_DATE_EPOCH)


def test_untouched_paragraphs_are_plain(imported: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    write_redline(imported, out)
    paragraphs = docx.Document(str(out)).paragraphs
    cost = next(p for p in paragraphs if "148 million" in p.text)
    assert cost._p.find(W + "ins") is None and cost._p.find(W + "del") is None
    assert paragraphs[0].style.name == "Title"
    assert not any(p.text in ("Share This", "Facebook") for p in paragraphs)   # untouched web furniture
    # with the changes accepted (w:t in, w:delText out) the paragraph is the reviewed English
    accepted = ["".join(t.text or "" for t in p._p.iter(W + "t")) for p in paragraphs]
    assert any(a.startswith("School No. 251") and "Over 600 pupils" in a for a in accepted)
    assert not any("More than 600" in a for a in accepted)


def test_same_po_gives_same_bytes(imported: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    write_redline(imported, a)
    write_redline(imported, b)
    assert a.read_bytes() == b.read_bytes()


def test_po_without_a_review_is_refused(po_path: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no imported review"):
        write_redline(po_path, tmp_path / "r.docx")
    assert not (tmp_path / "r.docx").exists()


def test_foreign_file_is_not_overwritten(imported: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    out.write_text("someone's notes", encoding="utf-8")
    with pytest.raises(InputError, match="not made by editflow"):
        write_redline(imported, out)
    write_redline(imported, out, force=True)
    write_redline(imported, out)   # our own redline is refreshed


def test_libreoffice_opens_the_redline(require_tool, imported: Path, tmp_path: Path) -> None:
    out = tmp_path / "school.redline.docx"
    write_redline(imported, out)
    text = " ".join(soffice_text(require_tool, out, tmp_path).split())
    assert "Kyiv reopens rebuilt school in Obolon" in text and "600 pupils" in text
