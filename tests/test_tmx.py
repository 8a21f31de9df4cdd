"""The translation memory's two levels and its TMX: sentence pairs, doubt, dates, notes, DTD validity, OmegaT."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
from pathlib import Path

import conftest
import polib
import pytest
from click.testing import CliRunner
from lxml import etree

from editflow.cli import cli
from editflow.errors import InputError
from editflow.export.tmx import export_tmx, tmx_text, without_notes
from editflow.sentences import split_sentences
from editflow.tm import SCHEMA_VERSION, TranslationMemory, Unit, tm_path
from editflow.workfile import align_files, write_alignment

DTD = etree.DTD(str(Path(__file__).parent / "data" / "tmx14.dtd"))
DATE = re.compile(r"^\d{8}T\d{6}Z$")
POOL_UK = "Наступного тижня в школі відкриють басейн"


def make_project(make_pair, en: list[str] | None = None, slug: str = "school", doubtful: str | None = POOL_UK,
                 root: Path | None = None) -> Path:
    """The school article aligned into translations/<slug>.po; the entry starting `doubtful` left fuzzy, the rest not."""
    pair = make_pair(en=en, slug=slug, root=root)
    po_path = pair.root / "translations" / f"{slug}.po"
    write_alignment(align_files(pair.original, pair.translation), po_path)
    po = polib.pofile(str(po_path), wrapwidth=78)
    for e in po:
        fuzzy = doubtful is not None and e.msgid.startswith(doubtful)
        if fuzzy and "fuzzy" not in e.flags:
            e.flags.append("fuzzy")
        elif not fuzzy and "fuzzy" in e.flags:
            e.flags.remove("fuzzy")
    po.save(str(po_path))
    return pair.root


def parse(path_or_text: Path | str) -> etree._Element:
    data = path_or_text.read_bytes() if isinstance(path_or_text, Path) else path_or_text.encode("utf-8")
    tree = etree.fromstring(data)
    assert DTD.validate(tree), DTD.error_log.filter_from_errors()
    return tree


def tus(tree: etree._Element) -> list[dict[str, object]]:
    out = []
    for tu in tree.iter("tu"):
        segs = {tuv.get("{http://www.w3.org/XML/1998/namespace}lang"): tuv.findtext("seg") for tuv in tu.iter("tuv")}
        out.append({"tuid": tu.get("tuid"), "date": tu.get("creationdate"),
                    "props": {p.get("type"): p.text for p in tu.findall("prop")},
                    "notes": [n.text for n in tu.findall("note")], "uk": segs["uk"], "en": segs["en"]})
    return out


def test_sentence_level_tmx_is_dtd_valid_with_dates_and_props(make_pair, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_project(make_pair)
    monkeypatch.chdir(root)
    r = CliRunner().invoke(cli, ["tm", "export", "--tmx", "memory.tmx"])
    assert r.exit_code == 0, r.output
    tree = parse(root / "memory.tmx")
    assert tree.find("header").get("segtype") == "sentence" and DATE.match(tree.find("header").get("creationdate"))
    units = tus(tree)
    # The 1-2 paragraph pair is two sentence pairs; the 2-sentence paragraphs are two each.
    by_uk = {u["uk"]: u for u in units}
    melnyk = by_uk["«Ми повернулися додому», — сказала директорка школи Олена Мельник."]
    assert melnyk["en"] == "\"We have come home,\" said the school's principal, Olena Melnyk."
    assert by_uk["На урочисту лінійку прийшли понад 600 учнів та їхні батьки."]["en"] == (
        "More than 600 pupils and their parents attended the opening ceremony.")
    assert len(units) == 8  # headline 1, paragraphs of 2, 2, 2 (the 1-2 pair) and 1 sentence; not the doubtful one
    for u in units:
        props = u["props"]
        assert props["x-editflow-article"] == "school" and u["tuid"].startswith("school/")
        assert 0.0 <= float(props["x-editflow-confidence"]) <= 1.0 and props["x-editflow-entry"]
        assert DATE.match(u["date"]) and "\n" not in u["uk"] + u["en"]
        assert "x-editflow-doubtful" not in props
    # The doubtful pair (fuzzy in the PO) was left out, and the count says so.
    assert not any(u["uk"].startswith(POOL_UK) for u in units)
    assert "1 doubtful pairs left out" in r.stderr and "8 sentence pairs" in r.stderr


def test_paragraph_level_and_doubtful_pairs_included_marked(make_pair, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_project(make_pair)
    monkeypatch.chdir(root)
    r = CliRunner().invoke(cli, ["tm", "export", "--tmx", "p.tmx", "--level", "paragraph", "--include-doubtful"])
    assert r.exit_code == 0, r.output
    assert "1 of them doubtful (marked x-editflow-doubtful)" in r.stderr
    tree = parse(root / "p.tmx")
    assert tree.find("header").get("segtype") == "paragraph"
    units = tus(tree)
    assert len(units) == 6  # every pair with both sides: the headline, four body pairs, the doubtful one
    split = next(u for u in units if u["uk"].startswith("«Ми повернулися"))
    # The two English paragraphs of the 1-2 pair are one line: no blank line inside a segment.
    assert split["en"] == ("\"We have come home,\" said the school's principal, Olena Melnyk. According to her, "
                           "the new building has a shelter for 900 people, so lessons will not be interrupted "
                           "during air raid alerts.")
    pool = next(u for u in units if u["uk"].startswith(POOL_UK))
    assert pool["props"]["x-editflow-doubtful"] == "yes" and pool["tuid"].count("/") == 1


def test_editors_notes_leave_the_english_segment_for_a_note(make_pair, monkeypatch: pytest.MonkeyPatch) -> None:
    en = list(conftest.EN_PARAGRAPHS)
    en[5] = ("Mayor Vitali Klitschko [the former boxing champion – ed.] thanked the builders and noted that 37 more "
             "educational institutions in Kyiv need repairs after the shelling [since February 2022 – ed.].")
    root = make_project(make_pair, en=en)
    monkeypatch.chdir(root)
    assert CliRunner().invoke(cli, ["tm", "export", "--tmx", "m.tmx"]).exit_code == 0
    mayor = next(u for u in tus(parse(root / "m.tmx")) if u["uk"].startswith("Міський голова"))
    assert mayor["en"] == ("Mayor Vitali Klitschko thanked the builders and noted that 37 more educational "
                           "institutions in Kyiv need repairs after the shelling.")
    assert mayor["notes"] == ["[the former boxing champion – ed.]", "[since February 2022 – ed.]"]


def test_notes_the_ukrainian_has_too_are_the_texts_own() -> None:
    text, notes = without_notes("Текст (прим. ред.) далі.", "Text (editor's note) further [a gloss – ed.].")
    assert text == "Text (editor's note) further." and notes == ["[a gloss – ed.]"]
    assert without_notes("Рада", "The Rada [Ukraine's parliament – ed.]") == ("The Rada", ["[Ukraine's parliament – ed.]"])
    assert without_notes("Текст", "[Editor's note: this was updated.]") == ("[Editor's note: this was updated.]", [])
    assert without_notes("Текст", "Plain text.") == ("Plain text.", [])


def test_creation_dates_are_when_each_pair_entered_the_memory(make_pair) -> None:
    root = make_project(make_pair)
    po_path = root / "translations" / "school.po"
    with TranslationMemory.open(tm_path(root)) as mem:
        assert mem.update_from_po(po_path, now="20240105T101500Z")
        po = polib.pofile(str(po_path), wrapwidth=78)
        entry = next(e for e in po if e.msgid.startswith("Відбудова тривала"))
        entry.msgstr = entry.msgstr.replace("almost two years", "nearly two years")
        po.save(str(po_path))
        assert mem.update_from_po(po_path, now="20250301T090000Z")
        dates = {u.source: u.created for u in mem.units("sentence")}
        paragraphs = {u.source: u.created for u in mem.units("paragraph")}
        tree = parse(tmx_text(mem.units("sentence"), "20250302T000000Z", "sentence"))
    # The edited sentence pair and its paragraph pair entered again; the untouched ones kept their date,
    # the other sentence of the edited paragraph too.
    assert dates["Відбудова тривала майже два роки й коштувала 148 мільйонів гривень."] == "20250301T090000Z"
    assert dates["Половину суми надали міжнародні партнери, решту виділив бюджет Києва."] == "20240105T101500Z"
    assert paragraphs[next(k for k in paragraphs if k.startswith("Відбудова"))] == "20250301T090000Z"
    assert {d for k, d in dates.items() if not k.startswith("Відбудова")} == {"20240105T101500Z"}
    assert {u["date"] for u in tus(tree)} == {"20240105T101500Z", "20250301T090000Z"}


def test_search_finds_sentences_inside_paragraphs(make_pair, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_project(make_pair)
    with TranslationMemory.open(tm_path(root)) as mem:
        mem.update_from_po(root / "translations" / "school.po")
        hits = mem.search("Половину суми надали міжнародні партнери, решту виділив бюджет Києва", limit=3)
        assert hits[0].unit.level == "sentence" and hits[0].score > 95
        assert hits[0].unit.target == "International partners provided half of the money, and Kyiv's city budget " \
                                      "covered the rest."
        assert hits[1].unit.level == "paragraph" and hits[1].unit.target.startswith("The reconstruction took")
        # A paragraph of one sentence is one hit, not two.
        one = mem.search("Міський голова Віталій Кличко подякував будівельникам", limit=5)
        assert len([h for h in one if h.unit.source.startswith("Міський голова")]) == 1
        only = mem.search("Половину суми надали міжнародні партнери", level="paragraph")
        assert only and all(h.unit.level == "paragraph" for h in only)
    monkeypatch.chdir(root)
    r = CliRunner().invoke(cli, ["tm", "search", "Половину суми надали міжнародні партнери", "--json"])
    assert r.exit_code == 0, r.output
    import json

    first = json.loads(r.stdout)[0]
    assert first["level"] == "sentence" and first["sentence"] == 2 and first["doubtful"] is False
    r = CliRunner().invoke(cli, ["tm", "search", "Половину суми надали міжнародні партнери"])
    assert "sentence 2] sentence" in r.stdout.splitlines()[0]


def test_doubt_stays_out_of_the_checks_and_the_lexicon(make_pair) -> None:
    root = make_project(make_pair)
    with TranslationMemory.open(tm_path(root)) as mem:
        mem.update_from_po(root / "translations" / "school.po")
        counts = mem.counts()
        assert counts.paragraphs == 6 and counts.doubtful_paragraphs == 1 and counts.doubtful_sentences >= 1
        assert mem.count() == (1, 5)
        assert not any(u.source.startswith(POOL_UK) for u in mem.units())
        assert any(u.doubtful for u in mem.units("sentence", doubtful=True))
        assert not mem.exact(conftest.UK_PARAGRAPHS[6]) and mem.exact(conftest.UK_PARAGRAPHS[4])
        done = export_tmx(mem, root / "x.tmx")
    assert done.left_out == counts.doubtful_sentences and done.units == counts.sentences - done.left_out


def test_a_schema_1_memory_is_upgraded_and_reread(make_pair) -> None:
    root = make_project(make_pair)
    path = tm_path(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as conn:  # the memory as editflow wrote it before sentence pairs
        conn.executescript("""
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE articles (slug TEXT PRIMARY KEY, po_path TEXT NOT NULL, po_sha256 TEXT NOT NULL,
                                   revised TEXT NOT NULL DEFAULT '');
            CREATE TABLE units (id INTEGER PRIMARY KEY, slug TEXT NOT NULL REFERENCES articles(slug) ON DELETE CASCADE,
                                entry TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
                                source_key TEXT NOT NULL);
            INSERT INTO meta VALUES ('schema', '1');
        """)
        import hashlib

        digest = hashlib.sha256((root / "translations" / "school.po").read_bytes()).hexdigest()
        conn.execute("INSERT INTO articles (slug, po_path, po_sha256) VALUES ('school', 'x', ?)", (digest,))
        conn.execute("INSERT INTO units (slug, entry, source, target, source_key) VALUES "
                     "('school', 'e1', 'Стара пара', 'An old pair', 'стара пара')")
    with TranslationMemory.open(path) as mem:
        assert mem.conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()[0] == str(SCHEMA_VERSION)
        old = next(mem.units())
        assert old.created == "" and old.source == "Стара пара"
        # The article is read again although its PO did not change: its sentence pairs were never made.
        assert mem.update_from_po(root / "translations" / "school.po")
        assert mem.counts().sentences > 0 and not any(u.source == "Стара пара" for u in mem.units())
    # A pair of unknown date has no creationdate in the TMX (and is still valid).
    tree = parse(tmx_text([Unit("s", "e", "Стара пара", "An old pair")]))
    assert tus(tree)[0]["date"] is None
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
    with pytest.raises(InputError, match="schema 99.*tm rebuild"):
        TranslationMemory.open(path)


def test_tmx_escapes_markup_and_drops_what_xml_forbids() -> None:
    text = tmx_text([Unit("x", "1", "Шкода \x07 <тег> & «лапки»\n\nдругий абзац", "A & B <c>\uffff\nline",
                          confidence=0.5, doubtful=True, created="20240101T000000Z", sentence=3)],
                    "20240102T000000Z", "sentence")
    unit = tus(parse(text))[0]
    assert unit["uk"] == "Шкода  <тег> & «лапки» другий абзац" and unit["en"] == "A & B <c> line"
    assert unit["tuid"] == "x/1/3" and unit["props"]["x-editflow-doubtful"] == "yes"
    assert unit["props"]["x-editflow-confidence"] == "0.5000"


def test_rebuild_reports_both_levels(make_pair, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_project(make_pair)
    monkeypatch.chdir(root)
    r = CliRunner().invoke(cli, ["tm", "rebuild", "--json"])
    assert r.exit_code == 0, r.output
    import json

    data = json.loads(r.stdout)
    assert data["units"] == 6 and data["sentences"] == 9 and data["doubtful"] == {"units": 1, "sentences": 1}
    r = CliRunner().invoke(cli, ["tm", "rebuild"])
    assert "6 paragraph pairs (1 doubtful), 9 sentence pairs (1 doubtful)" in r.stderr


def test_omegat_imports_the_tmx(make_pair, tmp_path: Path, require_tool) -> None:
    """OmegaT (console mode) takes the sentence pairs from tm/auto as exact matches for a Ukrainian text."""
    omegat = require_tool("omegat")
    root = make_project(make_pair, doubtful=None)
    runner = CliRunner()
    r = runner.invoke(cli, ["tm", "export", "--tmx", str(tmp_path / "memory.tmx"), "-C", str(root)])
    assert r.exit_code == 0, r.output
    project = tmp_path / "omegat"
    for d in ("source", "target", "tm/auto", "omegat", "glossary", "dictionary"):
        (project / d).mkdir(parents=True)
    (project / "omegat.project").write_text(OMEGAT_PROJECT, encoding="utf-8")
    (project / "tm" / "auto" / "memory.tmx").write_bytes((tmp_path / "memory.tmx").read_bytes())
    # The article as a translator would receive it: OmegaT segments it into sentences itself.
    (project / "source" / "school.txt").write_text("\n\n".join(conftest.UK_PARAGRAPHS[1:5]) + "\n", encoding="utf-8")
    env = dict(os.environ, JAVA_TOOL_OPTIONS="-Djava.awt.headless=true")
    env.pop("DISPLAY", None)
    done = subprocess.run([omegat, str(project), "--mode=console-translate", f"--config-dir={tmp_path / 'cfg'}",
                           "--disable-project-locking", "--quiet"], capture_output=True, text=True, env=env,
                          timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    out = (project / "target" / "school.txt").read_text(encoding="utf-8")
    for sentence in ("has reopened after reconstruction.", "More than 600 pupils and their parents attended",
                     "International partners provided half of the money",
                     "\"We have come home,\" said the school's principal, Olena Melnyk.",
                     "Mayor Vitali Klitschko thanked the builders"):
        assert sentence in out, out
    assert "Відбудова" not in out and "Мельник" not in out


OMEGAT_PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>uk</source_lang>
    <target_lang>en</target_lang>
    <sentence_seg>true</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""


def test_a_formatted_pair_gives_sentence_units_each_with_its_own_paired_codes(make_pair, tmp_path: Path) -> None:
    """Italics over a whole two-sentence paragraph: each sentence unit opens and closes its own code
    (no sentence holds half a tag), its words are the plain export's, and the file stays DTD-valid."""
    root = make_project(make_pair, doubtful=None)
    po_path = root / "translations" / "school.po"
    po = polib.pofile(str(po_path), wrapwidth=78)
    entry = next(e for e in po if e.msgid and len(split_sentences(e.msgid)) >= 2
                 and len(split_sentences(e.msgstr)) >= 2)
    plain_units = [tu for tu in parse(export(root, tmp_path / "plain.tmx")).iter("tu")
                   if tu.findtext("prop[@type='x-editflow-entry']") == entry.msgctxt]
    entry.msgid = f"<i>{entry.msgid}</i>"
    entry.msgstr = f"<i>{entry.msgstr}</i>"
    po.save(str(po_path))
    units = [tu for tu in parse(export(root, tmp_path / "formatted.tmx")).iter("tu")
             if tu.findtext("prop[@type='x-editflow-entry']") == entry.msgctxt]
    assert len(units) == len(plain_units) >= 2
    for tu, plain_tu in zip(units, plain_units, strict=True):
        for seg, plain_seg in zip(tu.iter("seg"), plain_tu.iter("seg"), strict=True):
            assert [(b.get("i"), b.get("type"), b.text) for b in seg.iter("bpt")] == [("1", "italic", "<i>")]
            assert [(e.get("i"), e.text) for e in seg.iter("ept")] == [("1", "</i>")]
            assert seg_words(seg) == plain_seg.text


def seg_words(seg: etree._Element) -> str:
    """A TMX segment's text without its inline codes."""
    return (seg.text or "") + "".join(child.tail or "" for child in seg)


def export(root: Path, out: Path) -> Path:
    r = CliRunner().invoke(cli, ["tm", "export", "--tmx", str(out), "-C", str(root)])
    assert r.exit_code == 0, r.output
    return out
