"""Formatting kept in the publication (issue 14 §7): italics, bold and hyperlinks from the inputs to
the PO's inline tags, through the checks, into the publication, the review and back, the redline and
the TMX.  Every input is written here; the article is made up for these tests.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import polib
import pytest
from click.testing import CliRunner
from conftest import soffice_convert
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree
from word_edits import Docx

from editflow.checks import check_po, make_entry, run_checks
from editflow.cli import cli
from editflow.export.publication import write_publication
from editflow.export.publication.plan import plan_publication
from editflow.export.redline import write_redline
from editflow.export.review import write_review
from editflow.export.review_import import import_review
from editflow.export.tmx import write_tmx
from editflow.inline import canonical, parse, plain, uri
from editflow.model import Paragraph
from editflow.po import load_po, po_to_documents
from editflow.readers import read_document
from editflow.roles import is_boilerplate
from editflow.tm import Unit
from editflow.workfile import align_files, write_alignment

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
DSNS = "https://dsns.gov.ua/uk/news/kharkiv"
WIKI_STORED = "https://uk.wikipedia.org/wiki/%D0%A5%D0%B0%D1%80%D0%BA%D1%96%D0%B2"
WIKI = "https://uk.wikipedia.org/wiki/Харків"


def add_link(paragraph, href: str, text: str, italic: bool = False) -> None:
    """A real hyperlink, as Word stores one: a w:hyperlink whose relationship names the address."""
    rid = paragraph.part.relate_to(href, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    if italic:
        rpr = OxmlElement("w:rPr")
        rpr.append(OxmlElement("w:i"))
        run.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def write_docx(path: Path, paragraphs: list[list[tuple[str, str]]]) -> Path:
    """A .docx of paragraphs given as runs: (text, how) with how in "", "i", "b", "bi", "Emphasis",
    "Strong", "link:ADDRESS", "ilink:ADDRESS"; the first paragraph in the Title style."""
    document = docx.Document()
    for k, runs in enumerate(paragraphs):
        p = document.add_paragraph(style="Title" if k == 0 else None)
        for text, how in runs:
            if how.startswith(("link:", "ilink:")):
                add_link(p, how.split(":", 1)[1], text, italic=how.startswith("i"))
                continue
            run = p.add_run(text)
            if how in ("Emphasis", "Strong"):
                run.style = document.styles[how]
            else:
                run.italic = "i" in how or None
                run.bold = "b" in how or None
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


UK = [
    [("Росіяни атакували Харків", "")],
    [("Уночі ", ""), ("шахеди", "i"), (" влучили в ", ""), ("ліцей", "b"), (", повідомляє ", ""),
     ("ДСНС", f"link:{DSNS}"), (".", "")],
    [("Поранено ", ""), ("14", "b"), (" людей, серед них двоє дітей.", "")],
    [("Докладніше про ", ""), ("Харків", f"link:{WIKI_STORED}"), (" у Вікіпедії.", "")],
]
EN = [
    [("Russians attack Kharkiv", "")],
    [("Overnight ", ""), ("Shahed", "i"), (" drones hit a ", ""), ("lyceum", "b"), (", the ", ""),
     ("State Emergency Service", f"link:{DSNS}"), (" reports.", "")],
    [("", ""), ("41", "b"), (" people were injured, including two children.", "")],
    [("More about ", ""), ("Kharkiv", f"link:{WIKI_STORED}"), (" on Wikipedia.", "")],
]
EN_PO = [
    "Russians attack Kharkiv",
    f'Overnight <i>Shahed</i> drones hit a <b>lyceum</b>, the <a href="{DSNS}">State Emergency Service</a> reports.',
    "<b>41</b> people were injured, including two children.",
    f'More about <a href="{WIKI}">Kharkiv</a> on Wikipedia.',
]


@pytest.fixture
def article(tmp_path: Path, source_date_epoch: int) -> Path:
    """originals/strike.uk.docx and translations/strike.en.docx aligned into translations/strike.po."""
    original = write_docx(tmp_path / "originals" / "strike.uk.docx", UK)
    translation = write_docx(tmp_path / "translations" / "strike.en.docx", EN)
    po_path = tmp_path / "translations" / "strike.po"
    write_alignment(align_files(original, translation, lexicon=None), po_path)
    return po_path


def english_entries(po_path: Path) -> list[polib.POEntry]:
    return [e for e in load_po(po_path) if not e.obsolete]


def set_msgstr(po_path: Path, index: int, text: str) -> None:
    """The translator types in Poedit."""
    po = polib.pofile(str(po_path), wrapwidth=78)
    [e for e in po if not e.obsolete][index].msgstr = text
    po.save(str(po_path))


# ---------------------------------------------------------------------------
# readers
# ---------------------------------------------------------------------------

def test_docx_runs_and_hyperlinks_become_tags(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "a.docx", [
        [("Title", "")],
        [("plain ", ""), ("italic", "i"), (" ", ""), ("bold", "b"), (" ", ""), ("both", "bi"), ("!", "")],
        [("Word's ", ""), ("Emphasis", "Emphasis"), (" and ", ""), ("Strong", "Strong"), (" styles", "")],
        [("a ", ""), ("link", f"link:{WIKI_STORED}"), (" and an ", ""), ("italic link", f"ilink:{DSNS}")],
        [("edges", ""), (" spaced ", "i"), ("out", "")],
        [("literal <i>tags</i> & &lt; stay text", "")],
    ])
    assert read_document(path).texts == [
        "Title",
        "plain <i>italic</i> <b>bold</b> <b><i>both</i></b>!",
        "Word's <i>Emphasis</i> and <b>Strong</b> styles",
        f'a <a href="{WIKI}">link</a> and an <a href="{DSNS}"><i>italic link</i></a>',
        "edges <i>spaced</i> out",
        "literal &lt;i>tags&lt;/i> & &amp;lt; stay text",
    ]


def test_docx_formatting_switched_off_and_internal_links(tmp_path: Path) -> None:
    document = docx.Document()
    p = document.add_paragraph()
    run = p.add_run("not italic")
    run.style = document.styles["Emphasis"]
    run.italic = False                      # w:i w:val="0" over an italic character style
    p.add_run(" then ")
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), "_Toc1")       # a link to a place in the document: text only
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "see above"
    r.append(t)
    link.append(r)
    p._p.append(link)
    path = tmp_path / "b.docx"
    document.save(str(path))
    assert read_document(path).texts == ["not italic then see above"]


def test_a_footnote_links_through_its_own_part(tmp_path: Path) -> None:
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    document = docx.Document()
    p = document.add_paragraph("Body")
    ref = OxmlElement("w:r")
    mark = OxmlElement("w:footnoteReference")
    mark.set(qn("w:id"), "1")
    ref.append(mark)
    p._p.append(ref)
    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
    blob = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {ns}><w:footnote w:id="1">'
            '<w:p><w:r><w:t xml:space="preserve">Source: </w:t></w:r><w:hyperlink r:id="rId1"><w:r><w:t>the report'
            '</w:t></w:r></w:hyperlink></w:p></w:footnote></w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                blob.encode("utf-8"), document.part.package)
    assert part.relate_to(DSNS, RT.HYPERLINK, is_external=True) == "rId1"
    document.part.relate_to(part, RT.FOOTNOTES)
    path = tmp_path / "notes.docx"
    document.save(str(path))
    assert read_document(path).texts == ["Body", f'Source: <a href="{DSNS}">the report</a>']


def test_markdown_emphasis_links_and_literal_markup(tmp_path: Path) -> None:
    path = tmp_path / "a.en.md"
    path.write_text("# A *new* headline\n\n"
                    "Overnight *Shahed* drones hit a **lyceum**, [the SES](https://dsns.gov.ua/a_b(c)) says.\n\n"
                    "In HTML, `<i>` is italics and <b> is bold; 1 < 2 & AT&T.\n", encoding="utf-8")
    assert read_document(path).texts == [
        "A <i>new</i> headline",
        'Overnight <i>Shahed</i> drones hit a <b>lyceum</b>, <a href="https://dsns.gov.ua/a_b(c)">the SES</a> says.',
        "In HTML, `&lt;i>` is italics and &lt;b> is bold; 1 < 2 & AT&T.",
    ]


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Russians attack Kharkiv</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Russians attack Kharkiv</h1>
<p class="byline">By <a href="/authors/olena">Olena Koval</a></p>
<p>Overnight <em>Shahed</em> drones hit a <strong>lyceum</strong> in the city, the
<a href="https://dsns.gov.ua/uk/news">State  Emergency Service</a> reports. In HTML, &lt;i&gt; means italics.</p>
<p>A 67-year-old man was killed and <i>14 people</i> were injured, <b><i>two of them children</i></b>,
according to the regional military administration.</p>
<p>More about <a href="https://uk.wikipedia.org/wiki/%D0%A5%D0%B0%D1%80%D0%BA%D1%96%D0%B2">Kharkiv</a>
and <a href="#top">the top of the page</a>.</p>
</article>
<div class="comments"><h3>Leave a Reply</h3><p>You must be logged in to post a comment.</p></div>
<footer>&copy; 2025 Example News</footer>
</body></html>
"""


def test_a_web_page_keeps_italics_bold_and_links(tmp_path: Path) -> None:
    path = tmp_path / "strike.en.html"
    path.write_text(PAGE, encoding="utf-8")
    assert read_document(path).texts == [
        "Russians attack Kharkiv",
        "By Olena Koval",  # a relative link, and the page says not where it lives: its words alone
        'Overnight <i>Shahed</i> drones hit a <b>lyceum</b> in the city, the '
        '<a href="https://dsns.gov.ua/uk/news">State Emergency Service</a> reports. In HTML, &lt;i> means italics.',
        "A 67-year-old man was killed and <i>14 people</i> were injured, <b><i>two of them children</i></b>, "
        "according to the regional military administration.",
        f'More about <a href="{WIKI}">Kharkiv</a> and the top of the page.',
    ]


# ---------------------------------------------------------------------------
# the PO and the checks
# ---------------------------------------------------------------------------

def test_the_po_carries_the_tags(article: Path, require_tool) -> None:
    import subprocess

    entries = english_entries(article)
    assert [e.msgstr for e in entries] == EN_PO
    assert entries[1].msgid == ('Уночі <i>шахеди</i> влучили в <b>ліцей</b>, повідомляє '
                                f'<a href="{DSNS}">ДСНС</a>.')
    _src, tgt, _beads = po_to_documents(load_po(article), article)
    assert tgt.texts == EN_PO
    subprocess.run([require_tool("msgfmt"), "--check", "-o", "/dev/null", str(article)], check=True)
    # The entry ids are the words' (formatting an original's word keeps its entry's id).
    assert entries[2].msgctxt == make_id("Поранено 14 людей, серед них двоє дітей.")


def make_id(text: str) -> str:
    from editflow.po import _bead_id

    return _bead_id([text], added=False)


def test_checks_read_words_and_mark_them_in_the_po(article: Path) -> None:
    result = check_po(article)
    [mismatch] = [f for f in result.findings if f.code == "numbers.mismatch"]
    entry = english_entries(article)[mismatch.index]
    a, b = mismatch.target_span
    assert entry.msgstr[a:b] == "41"                    # the span counts the tags before it
    s, t = mismatch.source_span
    assert entry.msgid[s:t] == "14"
    assert not [f for f in result.findings if f.code.startswith("typography.")]


def test_spans_after_tags_and_escapes() -> None:
    e = make_entry(0, "Текст.", 'The <i>Kyiv</i> &lt;b> team  won, <a href="x">says</a> <b>the the</b> coach.')
    assert e.target == "The Kyiv <b> team  won, says the the coach."
    findings = run_checks([e], select=["typography"])
    by_code = {f.code: f for f in findings}
    a, b = by_code["typography.double-space"].target_span
    assert e.po_target[a:b] == "  "
    a, b = by_code["typography.doubled-word"].target_span
    assert e.po_target[a:b] == "the the"
    assert "typography.tags" not in by_code


def test_markup_a_translator_got_wrong_is_an_error_on_its_entry(article: Path) -> None:
    set_msgstr(article, 2, "<b>41</b> people were <u>injured</u>, including <i>two children.")
    result = check_po(article)
    tags = [f for f in result.findings if f.code == "typography.tags"]
    entry = english_entries(article)[2]
    assert [entry.msgstr[a:b] for a, b in (f.target_span for f in tags)] == ["<u>", "</u>", "<i>"]
    assert all(f.severity == "error" and f.entry == entry.msgctxt for f in tags)
    assert "unknown tag <u>" in tags[0].message and "not closed" in tags[2].message
    out = CliRunner().invoke(cli, ["check", str(article)])
    assert out.exit_code == 1 and "typography.tags" in out.output and entry.msgctxt in out.output


def test_the_english_losing_a_link_is_a_warning() -> None:
    e = make_entry(0, 'Про це <a href="https://a.ua">пише</a> УП.', "Ukrainska Pravda reports this.")
    [f] = [f for f in run_checks([e]) if f.code == "typography.links"]
    assert f.severity == "warning" and "https://a.ua" in f.message


# ---------------------------------------------------------------------------
# the publication
# ---------------------------------------------------------------------------

def runs_of(paragraph) -> list[tuple[str, bool, bool]]:
    return [(r.text, bool(r.italic), bool(r.bold)) for r in paragraph.iter_inner_content() if hasattr(r, "italic")]


def test_publication_writes_word_formatting_and_real_hyperlinks(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "build" / "strike.docx"
    write_publication(article, out)
    document = docx.Document(str(out))
    body = [p for p in document.paragraphs if p.text]
    assert [p.text for p in body] == [plain(t) for t in EN_PO]
    lead = body[1]
    assert ("Shahed", True, False) in runs_of(lead) and ("lyceum", False, True) in runs_of(lead)
    [link] = lead.hyperlinks
    assert link.text == "State Emergency Service" and link.address == DSNS
    [wiki] = body[3].hyperlinks
    assert wiki.address == WIKI_STORED       # stored as a URI; read back with its letters
    rel = document.part.rels[wiki._hyperlink.get(R_ID)]
    assert rel.is_external and rel.reltype == RT.HYPERLINK
    link_style = link.runs[0]._r.find(f"{W}rPr/{W}rStyle").get(f"{W}val")
    assert document.styles.element.xpath(f'w:style[@w:styleId="{link_style}"]/w:name/@w:val') == ["Hyperlink"]
    assert document.core_properties.title == "Russians attack Kharkiv"
    # and editflow's reader gets back what the PO says
    assert read_document(out).texts == EN_PO


def test_publication_shows_broken_markup_and_escapes_as_text(article: Path, tmp_path: Path) -> None:
    set_msgstr(article, 2, "<b>41</b> people were <u>injured</u>, including two children.")
    set_msgstr(article, 3, "In HTML, &lt;i> means italics, a <b>bold</b> &amp;lt; claim.")
    out = tmp_path / "build" / "strike.docx"
    write_publication(article, out, force=True)
    body = [p for p in docx.Document(str(out)).paragraphs if p.text]
    assert body[2].text == "<b>41</b> people were <u>injured</u>, including two children."
    assert runs_of(body[2]) == [(body[2].text, False, False)]
    assert body[3].text == "In HTML, <i> means italics, a bold &lt; claim."


def test_subtitle_label_cut_keeps_formatting() -> None:
    plan = plan_publication([
        Paragraph("<b>Russians</b> attack Kharkiv", "title"),
        Paragraph("<b>Headline option 2:</b> <i>Overnight</i> strike on Kharkiv", "headline"),
        Paragraph("Overnight, <i>Shahed</i> drones hit the city.", "body"),
        Paragraph("<i>Photo: State Emergency Service</i>", "body"),
        Paragraph("You must be logged in to post a comment.", "body"),
    ], subtitle=True)
    assert [(b.kind, b.text) for b in plan.blocks] == [
        ("title", "<b>Russians</b> attack Kharkiv"),
        ("subtitle", "<i>Overnight</i> strike on Kharkiv"),
        ("body", "Overnight, <i>Shahed</i> drones hit the city."),
        ("body", "<i>Photo: State Emergency Service</i>"),
    ]
    assert plan.title == "Russians attack Kharkiv"
    assert [p.text for p in plan.dropped] == ["You must be logged in to post a comment."]


def test_comment_form_lines_are_boilerplate() -> None:
    for line in ("You must be logged in to post a comment.", "Log in to Reply", "Cancel reply", "Name *",
                 "Save my name, email, and website in this browser for the next time I comment.",
                 "Щоб залишити коментар, увійдіть.", "Коментарі закрито."):
        assert is_boilerplate(line), line
    assert not is_boilerplate("Logged in to post updates, the minister said.")


# ---------------------------------------------------------------------------
# the review and back
# ---------------------------------------------------------------------------

def english_cell(d: Docx, rid: str):
    return d.cell(rid, 2)


def test_review_shows_formatting_and_an_untouched_review_changes_nothing(article: Path, tmp_path: Path) -> None:
    # One entry in a form of the tags Word will not give back, one with broken markup.
    set_msgstr(article, 0, "<i><b>Russians</b></i> attack Kharkiv")
    set_msgstr(article, 2, "<b>41</b> people were <u>injured</u>, including two children.")
    review = tmp_path / "build" / "strike.review.docx"
    write_review(article, review)
    d = Docx(review)
    rid = english_entries(article)[1].msgctxt
    cell = english_cell(d, rid)
    italic = [r for r in cell.iter(f"{W}r") if r.find(f"{W}rPr/{W}i") is not None]
    assert ["".join(t.text for t in r.iter(f"{W}t")) for r in italic] == ["Shahed"]
    [link] = cell.iter(f"{W}hyperlink")
    rels = etree.fromstring(zipfile.ZipFile(review).read("word/_rels/document.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}[link.get(R_ID)]
    assert target == DSNS
    before = article.read_bytes()
    summary = import_review(review, article)
    assert summary.changed == [] and article.read_bytes() == before


def word_formats(d: Docx, rid: str, word: str, *, italic: bool | None = None, bold: bool | None = None) -> None:
    """The reviewer (Track Changes on) formats `word` in the English cell: Word's w:rPrChange records it."""
    run = d._split_at(english_cell(d, rid), word)
    rpr = run.find(f"{W}rPr")
    if rpr is None:
        rpr = etree.Element(f"{W}rPr")
        run.insert(0, rpr)
    old = etree.Element(f"{W}rPr")
    for tag, on in (("b", bold), ("i", italic)):
        present = rpr.find(f"{W}{tag}")
        if present is not None:
            etree.SubElement(old, f"{W}{tag}")
        if on and present is None:
            rpr.append(etree.Element(f"{W}{tag}"))
        elif on is False and present is not None:
            rpr.remove(present)
    change = etree.SubElement(rpr, f"{W}rPrChange", {f"{W}id": d.new_id(), f"{W}author": "Olena K.",
                                                      f"{W}date": "2026-11-20T10:00:00Z"})
    change.append(old)


def test_an_editor_italicising_a_word_adds_the_tag(article: Path, tmp_path: Path) -> None:
    review = tmp_path / "build" / "strike.review.docx"
    write_review(article, review)
    entries = english_entries(article)
    d = Docx(review)
    word_formats(d, entries[2].msgctxt, "children", italic=True)
    word_formats(d, entries[1].msgctxt, "lyceum", bold=False)
    d.save()
    summary = import_review(review, article)
    assert sorted(summary.changed) == sorted([entries[1].msgctxt, entries[2].msgctxt])
    after = english_entries(article)
    assert after[2].msgstr == "<b>41</b> people were injured, including two <i>children</i>."
    assert after[1].msgstr == EN_PO[1].replace("<b>lyceum</b>", "lyceum")
    assert "reviewed: edited by Olena K. 2026-11-20" in after[2].tcomment
    # the redline shows the italics as a tracked formatting change
    redline = tmp_path / "build" / "strike.redline.docx"
    write_redline(article, redline)
    root = etree.fromstring(zipfile.ZipFile(redline).read("word/document.xml"))
    changed = [r for r in root.iter(f"{W}r") if r.find(f"{W}rPr/{W}rPrChange") is not None]
    assert ["".join(t.text for t in r.iter(f"{W}t")) for r in changed] == ["lyceum", "children"]
    assert changed[1].find(f"{W}rPr/{W}i") is not None


def test_an_editor_adding_a_link_in_word(article: Path, tmp_path: Path) -> None:
    review = tmp_path / "build" / "strike.review.docx"
    write_review(article, review)
    rid = english_entries(article)[2].msgctxt
    d = Docx(review)
    run = d._split_at(english_cell(d, rid), "two children")
    link = etree.Element(f"{W}hyperlink", {R_ID: "rIdReviewer1"})
    run.addprevious(link)
    link.append(run)
    rels_name = "word/_rels/document.xml.rels"
    rels = etree.fromstring(d.parts[rels_name])
    etree.SubElement(rels, "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship",
                     Id="rIdReviewer1", Type=RT.HYPERLINK, Target="https://example.org/children?a=1&b=2",
                     TargetMode="External")
    d.parts[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
    d.save()
    import_review(review, article)
    assert english_entries(article)[2].msgstr == (
        '<b>41</b> people were injured, including <a href="https://example.org/children?a=1&b=2">two children</a>.')


# ---------------------------------------------------------------------------
# TMX
# ---------------------------------------------------------------------------

def test_tmx_writes_tags_as_paired_inline_codes(tmp_path: Path) -> None:
    units = [Unit("strike", "e1", 'Уночі <i>шахеди</i> влучили в <a href="https://a.ua/?x=1&y=2">ліцей</a>.',
                  "Overnight <i>Shahed</i> drones hit a <b>ly<i>ce</i>um</b>, 1 &lt; 2 &amp; AT&T."),
             Unit("strike", "e2", "Текст з <u>помилкою</u>.", "Text with <u>a mistake</u>.")]
    out = tmp_path / "m.tmx"
    write_tmx(units, out)
    root = etree.parse(str(out)).getroot()
    segs = root.findall(".//seg")
    assert len(segs) == 4
    for seg, text in zip(segs, [t for u in units for t in (u.source, u.target)], strict=True):
        opened = {b.get("i"): b for b in seg.iter("bpt")}
        closed = {e.get("i") for e in seg.iter("ept")}
        assert set(opened) == closed                       # every code paired
        words = (seg.text or "") + "".join((el.tail or "") for el in seg)
        assert words == plain(text) or words == parse(text).plain
    uk, en = segs[0], segs[1]
    assert [(b.get("type"), b.text) for b in uk.iter("bpt")] == [
        ("italic", "<i>"), ("link", '<a href="https://a.ua/?x=1&y=2">')]
    assert [b.get("type") for b in en.iter("bpt")] == ["italic", "bold", "italic"]
    assert (en.text or "") + "".join(el.tail or "" for el in en) == "Overnight Shahed drones hit a lyceum, 1 < 2 & AT&T."
    # broken markup is text, as every writer shows it
    assert not list(segs[3].iter("bpt")) and "".join(segs[3].itertext()) == "Text with <u>a mistake</u>."


# ---------------------------------------------------------------------------
# a literal "<" from end to end
# ---------------------------------------------------------------------------

LITERAL_EN = ["Tags in HTML", "Write <i>word</i> for italics, &lt; for a < and AT&T stays AT&T.",
              'A link is <a href="x">text</a>; <b> alone is bold.']
LITERAL_UK = ["Теги в HTML", "Пишіть <i>слово</i> для курсиву, &lt; для < і AT&T лишається AT&T.",
              'Посилання — це <a href="x">текст</a>; <b> сам по собі — жирний.']


def test_literal_markup_in_a_text_file_stays_text_everywhere(tmp_path: Path) -> None:
    from conftest import write_paragraphs

    original = write_paragraphs(tmp_path / "originals" / "tags.uk.txt", LITERAL_UK)
    translation = write_paragraphs(tmp_path / "translations" / "tags.en.txt", LITERAL_EN)
    po_path = tmp_path / "translations" / "tags.po"
    write_alignment(align_files(original, translation, lexicon=None), po_path)
    po = load_po(po_path)
    assert [plain(e.msgstr) for e in po] == LITERAL_EN
    assert not [f for f in check_po(po_path).findings if f.code == "typography.tags"]
    out = tmp_path / "build" / "tags.docx"
    write_publication(po_path, out)
    assert [p.text for p in docx.Document(str(out)).paragraphs if p.text] == LITERAL_EN
    assert [plain(t) for t in read_document(out).texts] == LITERAL_EN
    review = tmp_path / "build" / "tags.review.docx"
    write_review(po_path, review)
    before = po_path.read_bytes()
    assert import_review(review, po_path).changed == [] and po_path.read_bytes() == before


# ---------------------------------------------------------------------------
# a real word processor
# ---------------------------------------------------------------------------

def test_libreoffice_opens_a_formatted_publication_and_keeps_it(article: Path, tmp_path: Path) -> None:
    from conftest import pdf_text

    out = tmp_path / "build" / "strike.docx"
    write_publication(article, out)
    pdf = soffice_convert(out, tmp_path / "pdf", "pdf")
    words = " ".join(pdf_text(pdf).split())
    assert "Overnight Shahed drones hit a lyceum, the State Emergency Service reports." in words
    # Opened and saved again as Word by LibreOffice: the italics, bold and links are still there.
    again = soffice_convert(out, tmp_path / "resaved", "docx:MS Word 2007 XML")
    assert [canonical(t) for t in read_document(again).texts] == EN_PO


def test_a_review_libreoffice_saved_again_imports_as_no_change(article: Path, tmp_path: Path) -> None:
    set_msgstr(article, 0, "<i><b>Russians</b></i> attack Kharkiv")
    review = tmp_path / "build" / "strike.review.docx"
    write_review(article, review)
    again = soffice_convert(review, tmp_path / "resaved", "docx:MS Word 2007 XML")
    before = article.read_bytes()
    summary = import_review(again, article)
    assert summary.changed == [] and summary.comments == 0
    assert [e.msgstr for e in english_entries(article)] == [e.msgstr for e in load_po_bytes(before)]


def load_po_bytes(data: bytes) -> list[polib.POEntry]:
    from editflow.po import parse_po

    return [e for e in parse_po(data) if not e.obsolete]


# ---------------------------------------------------------------------------
# the sample project
# ---------------------------------------------------------------------------

SAMPLE = Path(__file__).resolve().parents[1]


def test_sample_project_keeps_the_photo_credit_in_italics(tmp_path: Path, source_date_epoch: int) -> None:
    import shutil

    for folder in ("originals", "translations", "glossary"):
        shutil.copytree(SAMPLE / folder, tmp_path / folder, ignore=shutil.ignore_patterns("*.po"))
    result = CliRunner().invoke(cli, ["build", "-C", str(tmp_path)])
    assert result.exit_code in (0, 1), result.output
    po = load_po(tmp_path / "translations" / "kharkiv-shahed-attack.po")
    assert "<i>Photo: State Emergency Service of Ukraine</i>" in [e.msgstr for e in po]
    document = docx.Document(str(tmp_path / "build" / "kharkiv-shahed-attack.docx"))
    credit = next(p for p in document.paragraphs if p.text.startswith("Photo:"))
    assert all(r.italic for r in credit.runs)
    # Articles without formatting get no formatting: no italics, bold, links or link style.
    for slug in ("kyiv-rashism-exhibition", "rada-energy-protection-budget", "zaporizhzhia-npp-blackout"):
        with zipfile.ZipFile(tmp_path / "build" / f"{slug}.docx") as z:
            body = z.read("word/document.xml")
            styles = z.read("word/styles.xml")
        assert b"<w:i/>" not in body and b"<w:b/>" not in body and b"w:hyperlink" not in body
        assert b'w:val="Hyperlink"' not in styles
        assert "<" not in "".join(e.msgstr for e in load_po(tmp_path / "translations" / f"{slug}.po"))
