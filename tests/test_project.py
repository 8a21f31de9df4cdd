"""Project layout, `editflow init`, settings layering (flag > environment > file > default), translation memory."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from editflow.cli import cli
from editflow.config import load_settings
from editflow.errors import InputError
from editflow.export.tmx import tmx_text
from editflow.project import CONFIG_TEMPLATE, find_articles, init_project
from editflow.tm import TranslationMemory, po_units, source_key, tm_path
from editflow.workfile import align_files, write_alignment


def test_init_creates_the_layout_and_keeps_existing_files(tmp_path: Path) -> None:
    (tmp_path / "editflow.toml").write_text("[align]\nthreshold = 0.7\n", encoding="utf-8")
    done = dict((p.relative_to(tmp_path).as_posix(), state) for p, state in init_project(tmp_path))
    assert done["editflow.toml"] == "kept"
    assert done["glossary/terms.csv"] == "created" and done[".gitignore"] == "created"
    assert (tmp_path / "editflow.toml").read_text(encoding="utf-8") == "[align]\nthreshold = 0.7\n"
    assert "build/" in (tmp_path / ".gitignore").read_text(encoding="utf-8")
    assert (tmp_path / "glossary" / "terms.csv").read_text(encoding="utf-8").startswith("uk,en,forbidden")


def test_the_config_template_parses_to_the_defaults(tmp_path: Path) -> None:
    (tmp_path / "editflow.toml").write_text(CONFIG_TEMPLATE, encoding="utf-8")
    s = load_settings(tmp_path)
    assert s.warnings == [] and s.threshold is None and s.default_map() == {}
    # Every commented key, uncommented, is a known key of the right type.
    live = "\n".join(line[2:] if line.startswith("# ") and "=" in line else line
                     for line in CONFIG_TEMPLATE.splitlines())
    (tmp_path / "editflow.toml").write_text(live, encoding="utf-8")
    s = load_settings(tmp_path)
    assert s.warnings == [], s.warnings
    from editflow.align import DOUBT_THRESHOLD

    assert s.threshold == DOUBT_THRESHOLD and s.severity == {"names.spelling": "warning"} and s.template is not None


@pytest.mark.parametrize("toml, message", [
    ("[align]\nthreshold = \"high\"\n", "'align.threshold' must be a number"),
    ("[align]\nthreshold = 3\n", "between 0 and 1"),
    ("[export]\nsubtitle = \"yes\"\n", "'export.subtitle' must be true or false"),
    ("[project]\nsource_language = \"pl\"\n", "Ukrainian into English"),
    ("align = 3\n", "'align' must be a table"),
])
def test_wrong_types_are_refused_with_the_key(tmp_path: Path, toml: str, message: str) -> None:
    (tmp_path / "editflow.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_settings(tmp_path)


def test_find_articles_pairs_by_slug_and_lists_halves(tmp_path: Path) -> None:
    init_project(tmp_path)
    for name in ("war.uk.docx", "war.uk.txt", "peace.uk.md", "~$war.uk.docx"):
        (tmp_path / "originals" / name).write_text("x", encoding="utf-8")
    for name in ("war.en.txt", "orphan.en.md", "notes.txt"):
        (tmp_path / "translations" / name).write_text("x", encoding="utf-8")
    arts = {a.slug: a for a in find_articles(tmp_path)}
    assert set(arts) == {"war", "peace", "orphan"}
    assert arts["war"].original.name == "war.uk.docx" and arts["war"].complete
    assert "several uk files" in arts["war"].warnings[0]
    assert not arts["peace"].complete and arts["peace"].translation is None
    assert arts["war"].po == tmp_path / "translations" / "war.po"
    with pytest.raises(InputError, match="not an editflow project"):
        find_articles(tmp_path / "glossary")


def test_settings_file_env_and_flag_precedence(make_pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pair = make_pair()
    monkeypatch.chdir(pair.root)
    (pair.root / "editflow.toml").write_text("[align]\nthreshold = 0.99\nunknown = 1\n", encoding="utf-8")
    runner = CliRunner()

    def threshold(*args: str, env: dict[str, str] | None = None) -> float:
        result = runner.invoke(cli, ["align", str(pair.original), str(pair.translation), "-o", "a.po", "-f",
                                     "--json", *args], env=env, auto_envvar_prefix="EDITFLOW")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)["doubt_threshold"]

    assert threshold() == 0.99
    assert threshold(env={"EDITFLOW_ALIGN_THRESHOLD": "0.5"}) == 0.5
    assert threshold("--threshold", "0.3", env={"EDITFLOW_ALIGN_THRESHOLD": "0.5"}) == 0.3
    result = runner.invoke(cli, ["align", str(pair.original), str(pair.translation), "-o", "b.po", "-q"])
    assert "unknown key 'align.unknown'" in result.stderr


def _project_with_po(make_pair) -> Path:
    pair = make_pair()
    al = align_files(pair.original, pair.translation)
    write_alignment(al, pair.root / "translations" / "school.po")
    return pair.root


def test_tm_units_skip_additions_omissions_and_doubtful_pairs(make_pair) -> None:
    root = _project_with_po(make_pair)
    units = po_units(root / "translations" / "school.po")
    assert units and all(u.source and u.target for u in units)
    assert not any(u.target in ("Share This", "Facebook") for u in units)
    assert all(u.slug == "school" for u in units)


def test_tm_update_is_incremental_and_search_finds_inflected_neighbours(make_pair) -> None:
    root = _project_with_po(make_pair)
    with TranslationMemory.open(tm_path(root)) as mem:
        assert mem.update_from_po(root / "translations" / "school.po")
        assert not mem.update_from_po(root / "translations" / "school.po")  # unchanged PO: nothing to do
        articles, units = mem.count()
        assert articles == 1 and units >= 5
        hits = mem.search("Міський голова Віталій Кличко подякував будівельникам", limit=3)
        assert hits[0].unit.target.startswith("Mayor Vitali Klitschko") and hits[0].score > 80
        assert mem.exact("міський  голова віталій кличко подякував будівельникам і зазначив, що в києві ще 37 "
                         "освітніх закладів потребують ремонту після обстрілів.")
        assert mem.forget_missing([]) == 1 and mem.count() == (0, 0)


def test_tm_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "tm.sqlite"
    bad.write_text("not sqlite at all, just text " * 20, encoding="utf-8")
    with pytest.raises(InputError, match="tm rebuild"):
        TranslationMemory.open(bad)


def test_tmx_is_well_formed_1_4b(make_pair) -> None:
    root = _project_with_po(make_pair)
    units = po_units(root / "translations" / "school.po")
    text = tmx_text(units + [units[0].__class__("x", "1", "Шкода \x07 <тег> & «лапки»", "A & B <c>")])
    tree = ElementTree.fromstring(text.encode("utf-8"))
    assert tree.get("version") == "1.4" and tree.find("header").get("srclang") == "uk"
    tus = tree.findall("./body/tu")
    assert len(tus) == len(units) + 1
    last = [t.find("seg").text for t in tus[-1].findall("tuv")]
    assert last == ["Шкода  <тег> & «лапки»", "A & B <c>"]
    assert source_key("Об’єкт  ПРАЦЮЄ") == "об'єкт працює"


def test_tm_cli_rebuild_search_export(make_pair, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _project_with_po(make_pair)
    monkeypatch.chdir(root)
    runner = CliRunner()
    r = runner.invoke(cli, ["tm", "rebuild", "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["articles"] == 1
    r = runner.invoke(cli, ["tm", "search", "Відбудова тривала майже два роки", "--json"])
    assert r.exit_code == 0 and json.loads(r.stdout)[0]["target"].startswith("The reconstruction took")
    # A doubtful pair (fuzzy in its PO) is found too, and says so.
    r = runner.invoke(cli, ["tm", "search", "Наступного тижня в школі відкриють басейн"])
    assert r.exit_code == 0 and "doubtful" in r.stdout.splitlines()[0] and "swimming pool" in r.stdout
    r = runner.invoke(cli, ["tm", "search", "Квантова хромодинаміка"])
    assert r.exit_code == 0 and "no earlier translation found" in r.stderr
    r = runner.invoke(cli, ["tm", "export", "--tmx", "out.tmx"])
    assert r.exit_code == 0 and (root / "out.tmx").is_file()
    r = runner.invoke(cli, ["tm", "export", "--tmx", "out.tmx"])
    assert r.exit_code == 2 and "already exists" in r.output
    with sqlite3.connect(tm_path(root)) as conn:
        assert conn.execute("SELECT COUNT(*) FROM units").fetchone()[0] > 0


def test_init_cli(tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["init", str(tmp_path / "desk")])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "desk" / "editflow.toml").is_file() and "created" in r.stderr


def test_boilerplate_patterns_from_the_settings_mark_web_furniture(make_pair, monkeypatch: pytest.MonkeyPatch) -> None:
    en = list(__import__("conftest").EN_PARAGRAPHS) + ["Subscribe to the Obolon Herald newsletter for daily updates"]
    pair = make_pair(en=en)
    monkeypatch.chdir(pair.root)
    (pair.root / "editflow.toml").write_text("[roles]\nboilerplate = ['^Subscribe to the Obolon Herald']\n",
                                             encoding="utf-8")
    r = CliRunner().invoke(cli, ["align", str(pair.original), str(pair.translation), "-o", "a.po", "-q"])
    assert r.exit_code == 0, r.output
    import polib

    entry = next(e for e in polib.pofile(str(pair.root / "a.po")) if e.msgstr.startswith("Subscribe"))
    assert "roles=|boilerplate" in entry.comment
    (pair.root / "editflow.toml").write_text("[roles]\nboilerplate = ['(unclosed']\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["align", str(pair.original), str(pair.translation), "-o", "b.po"])
    assert r.exit_code == 2 and "roles.boilerplate" in r.output


def test_consistency_looks_across_articles_through_the_memory(make_pair, tmp_path: Path) -> None:
    import conftest

    from editflow.checks import check_po

    first = make_pair(root=tmp_path, slug="school")
    en = list(conftest.EN_PARAGRAPHS)
    en[5] = ("Mayor Vitali Klitschko thanked the builders and said 37 more schools and kindergartens in Kyiv "
             "need repairs after the shelling.")
    make_pair(root=tmp_path, slug="school-update", en=en)
    for slug in ("school", "school-update"):
        al = align_files(tmp_path / "originals" / f"{slug}.uk.txt", tmp_path / "translations" / f"{slug}.en.txt")
        write_alignment(al, tmp_path / "translations" / f"{slug}.po")
    po = tmp_path / "translations" / "school-update.po"
    assert not [f for f in check_po(po).findings if f.code == "consistency.memory"]  # no memory yet
    with TranslationMemory.open(tm_path(tmp_path)) as mem:
        for slug in ("school", "school-update"):
            mem.update_from_po(tmp_path / "translations" / f"{slug}.po")
    found = [f for f in check_po(po).findings if f.code == "consistency.memory"]
    assert len(found) == 1, "the mayor's paragraph is translated differently in the other article"
    assert "in school:" in found[0].message and found[0].suggestion.startswith("Mayor Vitali Klitschko thanked")
    assert first.original.exists()


def test_glossary_sources_given_then_settings_then_project_folder(tmp_path: Path) -> None:
    from editflow.config import Settings

    init_project(tmp_path)
    s = Settings(root=tmp_path)
    assert s.glossary_sources() == [tmp_path / "glossary"]
    s.glossary_paths = [tmp_path / "terms" / "house.tbx"]
    assert s.glossary_sources() == [tmp_path / "terms" / "house.tbx"]
    assert s.glossary_sources([Path("a.csv")]) == [Path("a.csv")]
    assert Settings().glossary_sources() == []


def test_build_names_what_it_skipped_and_the_name_it_expected(make_pair, tmp_path: Path) -> None:
    from editflow.project import skipped_files

    make_pair(root=tmp_path, slug="war")
    (tmp_path / "originals" / "peace.docx").write_bytes(b"x")          # no .uk. part
    (tmp_path / "translations" / "peace.en.pdf").write_bytes(b"x")     # unsupported format
    (tmp_path / "originals" / "storm.en.txt").write_text("x", encoding="utf-8")  # the other side's file
    (tmp_path / "originals" / "lonely.uk.md").write_text("Самотній.\n", encoding="utf-8")  # no partner
    (tmp_path / "translations" / "war.po").write_text("", encoding="utf-8")  # editflow's own: not listed
    skipped = {s.path.name: s.reason for s in skipped_files(tmp_path)}
    assert skipped == {
        "peace.docx": "its name lacks the .uk. part; editflow expects originals/peace.uk.docx",
        "peace.en.pdf": ".pdf is not a format editflow reads; save it as peace.en.docx or .md or .txt",
        "storm.en.txt": "a .en. file in originals/; move it to translations/",
    }
    result = CliRunner().invoke(cli, ["build", "-C", str(tmp_path), "-j", "1"])
    assert "originals/peace.docx: skipped, its name lacks the .uk. part" in result.stderr
    assert "peace.en.pdf: skipped" in result.stderr
    assert "lonely" in result.stdout and "no translation (expected translations/lonely.en.docx|.md|.txt)" in result.stdout


def test_a_project_without_pairs_says_what_it_found(tmp_path: Path) -> None:
    (tmp_path / "originals").mkdir()
    (tmp_path / "translations").mkdir()
    (tmp_path / "originals" / "war.docx").write_bytes(b"x")
    (tmp_path / "translations" / "war.en.docx").write_bytes(b"x")
    result = CliRunner().invoke(cli, ["build", "-C", str(tmp_path)])
    assert result.exit_code == 2
    assert "no article pairs found" in result.stderr
    assert "war (no original (expected originals/war.uk.docx|.md|.txt))" in result.stderr
    assert "war.docx: skipped, its name lacks the .uk. part; editflow expects originals/war.uk.docx" in result.stderr
