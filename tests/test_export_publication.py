"""The publication export: the sample articles aligned afresh, exported, and read back."""

from __future__ import annotations

import re
import shutil
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from editflow.cli import cli
from editflow.export._package import export_moment
from editflow.export.publication import write_publication
from editflow.export.publication.plan import author_from_byline, is_credit, plan_publication, strip_variant_label
from editflow.model import Paragraph
from editflow.workfile import align_files, write_alignment
from editflow.po import load_po

ROOT = Path(__file__).resolve().parent.parent
SLUGS = ["kharkiv-shahed-attack", "kyiv-rashism-exhibition", "rada-energy-protection-budget",
         "zaporizhzhia-npp-blackout"]
TITLES = {
    "kharkiv-shahed-attack": "Russian Shahed attack on Kharkiv kills man, injures 14",
    "kyiv-rashism-exhibition": "“Anatomy of Rashism”: Kyiv exhibition on crimes of Russian occupiers "
                               "extended until end of summer",
    "rada-energy-protection-budget": "Rada allocates UAH 2.5 billion to protect energy facilities from Shahed drones",
    "zaporizhzhia-npp-blackout": "Zaporizhzhia Nuclear Power Plant loses off-site power for 10th time "
                                 "since full-scale invasion",
}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WNS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _align(project: Path, slug: str) -> Path:
    original = next((project / "originals").glob(f"{slug}.uk.*"))
    translation = next((project / "translations").glob(f"{slug}.en.*"))
    po = project / "translations" / f"{slug}.po"
    write_alignment(align_files(original, translation, [project / "glossary"]), po, force=True)
    return po


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the sample project with every article aligned (the PO dates fixed)."""
    base = tmp_path_factory.mktemp("project")
    for folder in ("originals", "translations", "glossary"):
        shutil.copytree(ROOT / folder, base / folder, ignore=shutil.ignore_patterns("*.po"))
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", "1743750000")  # 2025-04-04 07:00 UTC, the PO's revision date
    try:
        for slug in SLUGS:
            _align(base, slug)
    finally:
        mp.undo()
    return base


@pytest.fixture(scope="module")
def exports(project: Path) -> dict[str, Path]:
    """Every sample article exported once through the command, to the default place."""
    runner = CliRunner()
    out = {}
    for slug in SLUGS:
        result = runner.invoke(cli, ["export", str(project / "translations" / f"{slug}.po"), "--publication"])
        assert result.exit_code == 0, result.output
        out[slug] = project / "build" / f"{slug}.docx"
    return out


def _styled(path: Path) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]


def _english(project: Path, slug: str) -> str:
    from editflow.po import po_to_documents

    _s, tgt, _b = po_to_documents(load_po(project / "translations" / f"{slug}.po"))
    return "\n".join(tgt.texts)


# --- content -------------------------------------------------------------------

@pytest.mark.parametrize("slug", SLUGS)
def test_headline_is_the_title_and_the_document_is_clean(exports, slug):
    paras = _styled(exports[slug])
    assert paras[0] == ("Title", TITLES[slug])
    assert [s for s, _ in paras].count("Title") == 1
    with zipfile.ZipFile(exports[slug]) as z:
        names = set(z.namelist())
        body = z.read("word/document.xml").decode("utf-8")
    assert "word/comments.xml" not in names
    assert "<w:tbl" not in body and "<w:ins " not in body and "<w:del " not in body
    assert not docx.Document(str(exports[slug])).tables


@pytest.mark.parametrize("slug", SLUGS)
def test_every_kept_paragraph_is_english_text_of_the_article(project, exports, slug):
    english = _english(project, slug)
    for style, text in _styled(exports[slug]):
        if style != "Normal" or " – " not in text:  # table rows are joined cells
            assert text in english, text


def test_headline_variants_boilerplate_and_teasers_are_left_out(exports):
    texts = [t for _, t in _styled(exports["kharkiv-shahed-attack"])]
    joined = "\n".join(texts)
    assert "Headline option" not in joined and "Overnight Shahed strike" not in joined
    for furniture in ("Share This", "Facebook", "Submit a Comment", "Your email address will not be published."):
        assert furniture not in texts
    assert "Read more:" not in joined


def test_subtitle_option_puts_the_first_variant_unlabelled_under_the_title(project, tmp_path):
    out = tmp_path / "k.docx"
    result = CliRunner().invoke(cli, ["export", str(project / "translations" / "kharkiv-shahed-attack.po"),
                                      "--publication", "--subtitle", "-o", str(out)])
    assert result.exit_code == 0, result.output
    paras = _styled(out)
    assert paras[1] == ("Subtitle", "Overnight Shahed strike on Kharkiv damages school, 23 apartment buildings")
    assert "Headline option 3" not in "\n".join(t for _, t in paras)


def test_bylines_sit_under_the_headline_in_the_byline_style(exports):
    paras = _styled(exports["zaporizhzhia-npp-blackout"])
    assert paras[1:4] == [("Byline", "By Olena Kravchuk"), ("Byline", "KYIV, March 12, 2025"),
                          ("Byline", "Photo: Energoatom press service")]
    # "Text by …, photos by …" is a byline even though the role reader took it for a headline variant.
    assert _styled(exports["kyiv-rashism-exhibition"])[1] == (
        "Byline", "Text by Sofiia Levchenko, photos by Oleksii Bondar")


def test_headings_quotes_and_table_rows(exports):
    paras = _styled(exports["zaporizhzhia-npp-blackout"])
    assert ("Heading 1", "IAEA response") in paras
    assert any(s == "Quote" and t.startswith("“Every blackout") for s, t in paras)
    assert ("Normal", "ZNPP blackouts since 2022 – 10") in paras
    assert ("Normal", "Diesel fuel reserve, days – at least 10") in paras
    # A plain-text translation's heading line, recognised by its shape.
    assert ("Heading 1", "What visitors can see") in _styled(exports["kyiv-rashism-exhibition"])


def test_notes_are_kept_exactly_as_written(project, exports):
    texts = [t for _, t in _styled(exports["kharkiv-shahed-attack"])]
    note = next(p for p in _english(project, "kharkiv-shahed-attack").split("\n")
                if p.startswith("[Translator’s note:"))
    assert note in texts
    assert any("a lyceum [a secondary school – ed.] attended" in t for t in texts)
    kyiv = [t for _, t in _styled(exports["kyiv-rashism-exhibition"])]
    assert kyiv[2].startswith("Editor’s note: This article contains descriptions of torture")


# --- properties ------------------------------------------------------------------

def test_document_language_is_english(exports):
    document = docx.Document(str(exports["rada-energy-protection-budget"]))
    styles = document.styles.element
    default_lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert default_lang.get(f"{W}val") == "en-US"
    normal_lang = document.styles["Normal"].element.find(f"{W}rPr/{W}lang")
    assert normal_lang.get(f"{W}val") == "en-US"
    assert document.core_properties.language == "en-US"


def test_core_properties(project, exports):
    props = docx.Document(str(exports["kharkiv-shahed-attack"])).core_properties
    po = load_po(project / "translations" / "kharkiv-shahed-attack.po")
    assert props.title == TITLES["kharkiv-shahed-attack"]
    assert props.author == "Maksym Doroshenko"
    assert props.subject == "English translation from Ukrainian"
    keywords = props.keywords.split(", ")
    assert {"Kharkiv", "Shahed", "Diia"} <= set(keywords)
    assert props.identifier.startswith("editflow:publication:")
    assert props.created == export_moment(po) == datetime(2025, 4, 4, 7, 0, tzinfo=timezone.utc)
    assert props.modified == props.created
    # No byline naming a person: the PO's translator, else nobody.
    assert docx.Document(str(exports["rada-energy-protection-budget"])).core_properties.author == ""


def test_author_falls_back_to_the_last_translator(project, tmp_path):
    po_path = tmp_path / "rada.po"
    text = (project / "translations" / "rada-energy-protection-budget.po").read_text(encoding="utf-8")
    po_path.write_text(text.replace('"Language: en\\n"', '"Language: en\\n"\n"Last-Translator: Iryna Koval '
                                    '<i.koval@example.org>\\n"'), encoding="utf-8")
    summary = write_publication(po_path, tmp_path / "rada.docx")
    assert summary.author == "Iryna Koval"
    assert docx.Document(str(tmp_path / "rada.docx")).core_properties.author == "Iryna Koval"
    # The desk's own words in the PO header win over what the article suggests.
    po_path.write_text(po_path.read_text(encoding="utf-8").replace(
        '"Language: en\\n"', '"Language: en\\n"\n"X-Editflow-Keywords: energy, air defence\\n"\n'
        '"X-Editflow-Subject: Parliament\\n"'), encoding="utf-8")
    write_publication(po_path, tmp_path / "rada.docx")
    props = docx.Document(str(tmp_path / "rada.docx")).core_properties
    assert (props.keywords, props.subject) == ("energy, air defence", "Parliament")


# --- the credit line -----------------------------------------------------------------

CREDIT_EN = [
    "Lviv tram network gets 12 new low-floor trams",
    "By Taras Hnatiuk",
    "Lviv has received the first 12 of 30 new low-floor trams, the city council said on Monday.",
    "The trams, assembled at the Electron plant, will run on routes 2 and 6 from next week.",
    "This article was first published in Ukrainian by Lviv Today. Translated by Iryna Koval.",
    "“Passengers have waited for this for a long time,” said deputy mayor Andrii Moskalenko.",
    "Share This",
    "Facebook",
]
CREDIT_UK = [
    "Львівська трамвайна мережа отримала 12 нових низькопідлогових трамваїв",
    "Тарас Гнатюк",
    "Львів отримав перші 12 з 30 нових низькопідлогових трамваїв, повідомили в міській раді в понеділок.",
    "Трамваї, зібрані на заводі «Електрон», курсуватимуть маршрутами № 2 і № 6 з наступного тижня.",
    "«Пасажири довго на це чекали», — сказав заступник міського голови Андрій Москаленко.",
]


def test_credit_line_goes_last_in_its_style(make_pair, tmp_path):
    pair = make_pair(uk=CREDIT_UK, en=CREDIT_EN, slug="trams")
    po = pair.translation.with_name("trams.po")
    write_alignment(align_files(pair.original, pair.translation), po)
    summary = write_publication(po, tmp_path / "trams.docx")
    paras = _styled(tmp_path / "trams.docx")
    assert paras[-1] == ("Credit", CREDIT_EN[4])
    assert paras[1] == ("Byline", "By Taras Hnatiuk")
    assert ("Normal", CREDIT_EN[5]) in paras
    assert "Share This" not in [t for _, t in paras]
    assert summary.dropped == {"boilerplate": 2}


# --- the plan, unit by unit ------------------------------------------------------------

def test_plan_pieces():
    assert strip_variant_label("Headline option 2: Drones hit Kharkiv") == "Drones hit Kharkiv"
    assert strip_variant_label("Kharkiv: drones hit the city") == "Kharkiv: drones hit the city"
    assert author_from_byline("By Olena Kravchuk and Ivan Petrenko, Kyiv") == "Olena Kravchuk; Ivan Petrenko"
    assert author_from_byline("KYIV, March 12, 2025") == ""
    assert author_from_byline("Photo: Energoatom press service") == ""
    assert is_credit("Originally published by Ukrainska Pravda.")
    assert is_credit("Reprinted with permission of the Kyiv Independent.")
    assert not is_credit("The report was published by the IAEA on Monday.")


def test_plan_without_a_title_uses_the_first_text_paragraph():
    plan = plan_publication([Paragraph("By Anna Bondarenko", "byline"),
                             Paragraph("Kyiv metro extends its hours", "body"),
                             Paragraph("The Kyiv metro will run until 1 a.m. from Friday.", "body")])
    assert [(b.kind, b.text) for b in plan.blocks] == [
        ("title", "Kyiv metro extends its hours"), ("byline", "By Anna Bondarenko"),
        ("body", "The Kyiv metro will run until 1 a.m. from Friday.")]
    assert plan.author == "Anna Bondarenko"


# --- determinism -------------------------------------------------------------------------

def test_same_po_same_bytes(project, tmp_path, monkeypatch):
    po = project / "translations" / "zaporizhzhia-npp-blackout.po"
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    write_publication(po, tmp_path / "a.docx")
    write_publication(po, tmp_path / "b.docx")
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    write_publication(po, tmp_path / "c.docx")
    write_publication(po, tmp_path / "d.docx")
    assert (tmp_path / "c.docx").read_bytes() == (tmp_path / "d.docx").read_bytes()
    assert (tmp_path / "c.docx").read_bytes() != (tmp_path / "a.docx").read_bytes()
    created = docx.Document(str(tmp_path / "c.docx")).core_properties.created
    assert created == datetime.fromtimestamp(1700000000, tz=timezone.utc)


# --- templates -----------------------------------------------------------------------------

def _house_template(path: Path) -> Path:
    from docx.shared import Cm, Pt

    d = docx.Document()
    d.styles["Normal"].font.name = "Georgia"
    d.styles["Title"].font.size = Pt(31)
    section = d.sections[0]
    section.left_margin = Cm(3.3)
    section.header.paragraphs[0].text = "KYIV DESK HOUSE HEADER"
    section.footer.paragraphs[0].text = "KYIV DESK HOUSE FOOTER"
    # A tracked change left in the footer: accepted in the export.
    from docx.oxml import parse_xml

    section.footer.paragraphs[0]._p.append(parse_xml(
        f'<w:ins {WNS} w:id="1" w:author="Desk" w:date="2025-01-01T00:00:00Z"><w:r><w:t xml:space="preserve">'
        f' PAGE</w:t></w:r></w:ins>'))
    section.footer.paragraphs[0]._p.append(parse_xml(
        f'<w:del {WNS} w:id="2" w:author="Desk" w:date="2025-01-01T00:00:00Z"><w:r><w:delText>'
        f'OLD</w:delText></w:r></w:del>'))
    para = d.add_paragraph("Template placeholder text that must not survive.")
    if hasattr(d, "add_comment"):  # python-docx 1.2+
        d.add_comment(para.runs, text="A comment in the template", author="Desk")
    d.add_table(rows=1, cols=2)
    d.core_properties.author = "Template Maker"
    d.core_properties.title = "House template"
    d.save(str(path))
    return path


def test_template_styles_page_setup_header_and_footer_are_used(project, tmp_path):
    template = _house_template(tmp_path / "house.docx")
    out = tmp_path / "out.docx"
    result = CliRunner().invoke(cli, ["export", str(project / "translations" / "kharkiv-shahed-attack.po"),
                                      "--publication", "--template", str(template), "-o", str(out)])
    assert result.exit_code == 0, result.output
    # The house template lacks editflow's own two styles: created, and said once.
    styles = [ln for ln in result.output.splitlines() if ln.startswith("warning:") and "not confirmed" not in ln]
    assert len(styles) == 1 and "Byline" in styles[0]
    d = docx.Document(str(out))
    assert d.styles["Normal"].font.name == "Georgia" and d.styles["Title"].font.size.pt == 31
    assert round(d.sections[0].left_margin.cm, 1) == 3.3
    assert d.sections[0].header.paragraphs[0].text == "KYIV DESK HOUSE HEADER"
    assert d.sections[0].footer.paragraphs[0].text == "KYIV DESK HOUSE FOOTER PAGE"
    assert d.paragraphs[0].text == TITLES["kharkiv-shahed-attack"] and d.paragraphs[0].style.name == "Title"
    assert "Template placeholder" not in "\n".join(p.text for p in d.paragraphs)
    assert not d.tables
    assert d.core_properties.author == "Maksym Doroshenko" and d.core_properties.title != "House template"
    with zipfile.ZipFile(out) as z:
        assert not [n for n in z.namelist() if "comments" in n]
        assert b"commentRangeStart" not in z.read("word/document.xml")
        for name in z.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                assert not re.search(rb"<w:(?:ins|del|delText)\b", z.read(name)), name


def test_styles_missing_from_the_template_are_made_from_normal_with_one_warning(project, tmp_path):
    d = docx.Document()
    for name in ("Title", "Heading 1"):
        style = d.styles[name].element
        style.getparent().remove(style)
    d.styles["Normal"].font.name = "Georgia"
    template = tmp_path / "bare.docx"
    d.save(str(template))
    out = tmp_path / "out.docx"
    result = CliRunner().invoke(cli, ["export", str(project / "translations" / "zaporizhzhia-npp-blackout.po"),
                                      "--publication", "--template", str(template), "-o", str(out)])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and all(n in warnings[0] for n in ("Title", "Heading 1", "Byline"))
    made = docx.Document(str(out))
    title = made.paragraphs[0]
    assert title.style.name == "Title" and title.style.base_style.name == "Normal" and title.style.font.bold
    assert ("Heading 1", "IAEA response") in _styled(out)
    assert made.styles["Normal"].font.name == "Georgia"


def test_a_word_template_dotx_is_accepted(project, tmp_path):
    template = _house_template(tmp_path / "house.docx")
    dotx = tmp_path / "house.dotx"
    with zipfile.ZipFile(template) as zin, zipfile.ZipFile(dotx, "w") as zout:
        for item in zin.infolist():
            raw = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                raw = raw.replace(b"document.main+xml", b"template.main+xml")
            zout.writestr(item, raw)
    out = tmp_path / "out.docx"
    write_publication(project / "translations" / "rada-energy-protection-budget.po", out, template=dotx)
    assert docx.Document(str(out)).sections[0].header.paragraphs[0].text == "KYIV DESK HOUSE HEADER"


# --- refusals ----------------------------------------------------------------------------------

def test_bad_template_exit_2_nothing_written(project, tmp_path):
    for content in (b"not a zip at all", b"PK\x03\x04broken"):
        bad = tmp_path / "house.docx"
        bad.write_bytes(content)
        out = tmp_path / "out.docx"
        result = CliRunner().invoke(cli, ["export", str(project / "translations" / "kharkiv-shahed-attack.po"),
                                          "--publication", "--template", str(bad), "-o", str(out)])
        assert result.exit_code == 2
        assert "is not a valid .docx template" in result.output and len(result.output.strip().splitlines()) == 1
        assert not out.exists() and not list(tmp_path.glob(".*.tmp"))


def test_po_without_english_exit_2_nothing_written(tmp_path):
    po = tmp_path / "empty.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Київ святкує День міста"\nmsgstr ""\n', encoding="utf-8")
    out = tmp_path / "empty.docx"
    result = CliRunner().invoke(cli, ["export", str(po), "--publication", "-o", str(out)])
    assert result.exit_code == 2 and "has no English text" in result.output
    assert not out.exists()
    result = CliRunner().invoke(cli, ["export", str(tmp_path / "missing.po"), "--publication", "-o", str(out)])
    assert result.exit_code == 2 and "PO file not found" in result.output
    po.write_text('msgid "Київ "центр"\nmsgstr "Kyiv"\n', encoding="utf-8")  # an unescaped quote
    result = CliRunner().invoke(cli, ["export", str(po), "--publication", "-o", str(out)])
    assert result.exit_code == 2 and "not a valid PO file" in result.output
    assert not out.exists() and not list(tmp_path.glob(".*.tmp"))


def test_a_po_made_elsewhere_gets_its_roles_from_the_text(tmp_path):
    po = tmp_path / "other.po"
    entries = [("Дрони атакували Одесу", "Drones attack Odesa"),
               ("Уночі росіяни атакували Одесу дронами.", "Russian forces attacked Odesa with drones overnight."),
               ("Поділитися", "Share This")]
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n' + "".join(
        f'msgid "{uk}"\nmsgstr "{en}"\n\n' for uk, en in entries), encoding="utf-8")
    write_publication(po, tmp_path / "other.docx")
    assert _styled(tmp_path / "other.docx") == [
        ("Title", "Drones attack Odesa"), ("Normal", "Russian forces attacked Odesa with drones overnight.")]


def test_overwrite_rules(project, tmp_path):
    po = project / "translations" / "kharkiv-shahed-attack.po"
    other_po = project / "translations" / "rada-energy-protection-budget.po"
    out = tmp_path / "article.docx"
    out.write_bytes(b"the desk's own notes")
    runner = CliRunner()
    result = runner.invoke(cli, ["export", str(po), "--publication", "-o", str(out)])
    assert result.exit_code == 2 and "not made by editflow" in result.output
    assert out.read_bytes() == b"the desk's own notes"
    assert runner.invoke(cli, ["export", str(po), "--publication", "-o", str(out), "--force"]).exit_code == 0
    # Our own export of the same PO is simply refreshed ...
    assert runner.invoke(cli, ["export", str(po), "--publication", "-o", str(out), "--subtitle"]).exit_code == 0
    # ... but another article's export does not replace it.
    result = runner.invoke(cli, ["export", str(other_po), "--publication", "-o", str(out)])
    assert result.exit_code == 2 and "another PO" in result.output
    assert _styled(out)[0][1] == TITLES["kharkiv-shahed-attack"]
    # A Word document someone saved there is not ours either.
    docx.Document().save(str(out))
    assert runner.invoke(cli, ["export", str(po), "--publication", "-o", str(out)]).exit_code == 2


def test_default_output_is_build_in_the_project_root(exports, project):
    assert exports["kharkiv-shahed-attack"].is_file()
    assert exports["kharkiv-shahed-attack"].parent == project / "build"


def test_usage_errors(project, tmp_path):
    po = str(project / "translations" / "kharkiv-shahed-attack.po")
    runner = CliRunner()
    assert runner.invoke(cli, ["export", po]).exit_code == 2
    assert runner.invoke(cli, ["export", po, "--publication", "-o", str(tmp_path / "x.pdf")]).exit_code == 2
    assert not (tmp_path / "x.pdf").exists()


def test_stale_po_warns_but_exports(make_pair, tmp_path):
    pair = make_pair()
    po = pair.translation.with_name("school.po")
    write_alignment(align_files(pair.original, pair.translation), po)
    pair.translation.write_text(pair.translation.read_text(encoding="utf-8") + "\nUpdated at 18:00.\n",
                                encoding="utf-8")
    out = tmp_path / "school.docx"
    result = CliRunner().invoke(cli, ["export", str(po), "--publication", "-o", str(out)])
    assert result.exit_code == 0
    assert re.search(r"warning: .*school\.en\.txt changed since it was aligned", result.output)
    assert _styled(out)[0] == ("Title", "Kyiv reopens rebuilt school in Obolon")


# --- a real word processor ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def kharkiv_pdf_text(exports, soffice_pdf_module, pdftotext_module) -> str:
    """The Kharkiv export as LibreOffice prints it (one conversion for the module)."""
    return " ".join(pdftotext_module(soffice_pdf_module(exports["kharkiv-shahed-attack"])).split())


def test_libreoffice_opens_the_export_and_the_text_is_there(kharkiv_pdf_text):
    assert TITLES["kharkiv-shahed-attack"] in kharkiv_pdf_text
    assert ("Owners of damaged housing can apply for compensation via the Diia app under the eRecovery "
            "program.") in kharkiv_pdf_text
    assert "Share This" not in kharkiv_pdf_text


def test_publication_warns_of_doubtful_pairs_nobody_confirmed(project, tmp_path):
    from editflow.pairing import load_pairing, pin, save_pairing

    po = project / "translations" / "kharkiv-shahed-attack.po"
    out = tmp_path / "out.docx"
    result = CliRunner().invoke(cli, ["export", str(po), "--publication", "-o", str(out)])
    assert "doubtful pair(s) not confirmed yet" in result.output and "editflow edit" in result.output
    p = load_pairing(po)
    for k in [k for k, r in enumerate(p.rows) if r.doubtful(p.threshold)]:
        p = pin(p, k)
    save_pairing(p)
    result = CliRunner().invoke(cli, ["export", str(po), "--publication", "-o", str(out), "--force"])
    assert result.exit_code == 0, result.output
    assert "not confirmed" not in result.output


def test_the_chosen_headline_is_published_and_the_credit_stays_last(project, tmp_path):
    from editflow.export.publication import write_publication
    from editflow.pairing import choose_headline, load_pairing, save_pairing, set_role

    po = project / "translations" / "kharkiv-shahed-attack.po"
    p = load_pairing(po)
    variant = next(q for q in p.paragraphs("en") if q.role == "headline")
    p = choose_headline(p, p.number(variant))
    credit = p.para("en", 7)
    p = set_role(p, "en", 7, "credit")
    save_pairing(p)
    out = tmp_path / "out.docx"
    result = write_publication(po, out)
    assert result.title == variant.text.split(":", 1)[-1].strip() and ":" in variant.text
    texts = [para.text for para in docx.Document(str(out)).paragraphs if para.text.strip()]
    assert texts[-1] == credit.text


def test_a_web_pages_table_row_is_set_with_its_cells_apart():
    """A web page's table comes a row a paragraph, its cells joined by tabs: the publication sets the
    row as Word tables' rows are set, its cells apart."""
    plan = plan_publication([Paragraph("Fares rise in May", "title"),
                             Paragraph("Ticket type\tNow\tFrom May 1", "table", "12"),
                             Paragraph("Single ride\tUAH 12\tUAH 15", "table", "13"),
                             Paragraph("The council will vote on 30 April.", "body", "14")])
    assert [(b.kind, b.text) for b in plan.blocks if b.kind == "body"] == [
        ("body", "Ticket type – Now – From May 1"), ("body", "Single ride – UAH 12 – UAH 15"),
        ("body", "The council will vote on 30 April.")]
