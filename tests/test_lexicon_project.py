"""The project's lexicon: learned from the translation memory by build and tm rebuild, used by align,
shown and exported by `tm lexicon`; a new lexicon alone never re-aligns an article."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from editflow.align.lexicon import load_lexicon, starter_lexicon
from editflow.build import build
from editflow.cli import cli
from editflow.config import Settings
from editflow.lexicons import choose_lexicon, lexicon_path, refresh_lexicon
from editflow.project import init_project


@pytest.fixture
def project(make_pair, tmp_path: Path) -> Path:
    init_project(tmp_path)
    make_pair(root=tmp_path, slug="school")
    return tmp_path


def header(po: Path) -> dict[str, str]:
    return polib.pofile(str(po)).metadata


def test_build_learns_the_memorys_words_and_skips_training_when_nothing_changed(project: Path) -> None:
    settings = Settings(root=project)
    build(project, settings, [], jobs=1)
    own = lexicon_path(project)
    lex = load_lexicon(own)
    # A word of the school article, rendered as the translator rendered it.
    assert dict(lex.renderings("школу")).get("school", 0) > 0.3
    assert lex.meta["source"].startswith("translation memory: 1 articles")
    assert "CC-BY-SA-4.0" in lex.meta["licence"]  # the starter is underneath
    before = own.stat().st_mtime_ns
    again = refresh_lexicon(project)
    assert not again.trained and own.stat().st_mtime_ns == before


def test_align_inside_the_project_uses_its_lexicon_and_records_the_hash(project: Path, monkeypatch) -> None:
    build(project, Settings(root=project), [], jobs=1)
    monkeypatch.chdir(project)
    runner = CliRunner()
    out = project / "translations" / "again.po"
    r = runner.invoke(cli, ["align", "originals/school.uk.txt", "translations/school.en.txt", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert header(out)["X-Editflow-Lexicon"] == load_lexicon(lexicon_path(project)).digest
    r = runner.invoke(cli, ["align", "originals/school.uk.txt", "translations/school.en.txt", "-o", str(out),
                            "--no-lexicon", "-q"])
    assert r.exit_code == 0 and header(out)["X-Editflow-Lexicon"] == "none"
    starter = project / "starter.json.gz"
    starter.write_bytes(starter_lexicon().to_bytes())
    r = runner.invoke(cli, ["align", "originals/school.uk.txt", "translations/school.en.txt", "-o", str(out),
                            "--lexicon", str(starter), "-q"])
    assert r.exit_code == 0 and header(out)["X-Editflow-Lexicon"] == starter_lexicon().digest
    r = runner.invoke(cli, ["align", "originals/school.uk.txt", "translations/school.en.txt", "-o", str(out),
                            "--lexicon", str(starter), "--no-lexicon"])
    assert r.exit_code == 2 and "not both" in r.output


def test_outside_a_project_the_starter_is_used(tmp_path: Path) -> None:
    assert choose_lexicon(None).digest == starter_lexicon().digest
    assert choose_lexicon(tmp_path, enabled=False) is None


def test_a_new_lexicon_alone_never_realigns_an_article(project: Path) -> None:
    settings = Settings(root=project)
    build(project, settings, [], jobs=1)
    po = project / "translations" / "school.po"
    text, recorded = po.read_bytes(), header(po)["X-Editflow-Lexicon"]
    # The first build aligned with the starter; the memory's lexicon exists now and differs.
    assert recorded == starter_lexicon().digest != load_lexicon(lexicon_path(project)).digest
    statuses = {s.slug: s.state for s in build(project, settings, [], jobs=1)}
    assert statuses["school"] == "up to date" and po.read_bytes() == text


def test_tm_rebuild_retrains_and_tm_lexicon_shows_and_exports(project: Path, monkeypatch) -> None:
    build(project, Settings(root=project), [], jobs=1)
    lexicon_path(project).unlink()
    monkeypatch.chdir(project)
    runner = CliRunner()
    r = runner.invoke(cli, ["tm", "rebuild", "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["lexicon"]["trained"] is True
    r = runner.invoke(cli, ["tm", "rebuild"])
    assert "unchanged" in r.output
    r = runner.invoke(cli, ["tm", "lexicon", "--word", "школу", "--word", "school"])
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0].startswith("школу: school ") and lines[1].startswith("school: школа ")
    r = runner.invoke(cli, ["tm", "lexicon", "--json"])
    info = json.loads(r.stdout)
    assert info["lexicon"] == str(lexicon_path(project)) and info["pairs"] > 1000
    out = project / "desk.json.gz"
    r = runner.invoke(cli, ["tm", "lexicon", "--export", str(out)])
    assert r.exit_code == 0 and load_lexicon(out).digest == load_lexicon(lexicon_path(project)).digest
    r = runner.invoke(cli, ["tm", "lexicon", "--export", str(out)])
    assert r.exit_code == 2 and "already exists" in r.output
    assert runner.invoke(cli, ["tm", "lexicon", "--export", str(out), "--force"]).exit_code == 0


def test_a_damaged_project_lexicon_is_retrained(project: Path) -> None:
    build(project, Settings(root=project), [], jobs=1)
    lexicon_path(project).write_bytes(b"garbage")
    assert refresh_lexicon(project).trained
    assert load_lexicon(lexicon_path(project)).renderings("школу")


def test_a_column_copied_from_the_web_publishes_without_the_site_chrome(make_pair, tmp_path: Path) -> None:
    """The issue's seed article, rewritten: three English headlines, a signature, then the page's chrome."""
    import docx

    from editflow.export.publication import write_publication
    from editflow.workfile import align_files, write_alignment
    from test_lexicon import EN_COLUMN, UK_COLUMN

    pair = make_pair(uk=UK_COLUMN, en=EN_COLUMN, slug="column")
    po = pair.translation.with_name("column.po")
    al = align_files(pair.original, pair.translation, lexicon=starter_lexicon())
    write_alignment(al, po)
    out = tmp_path / "column.docx"
    write_publication(po, out)
    paras = [(p.style.name, p.text) for p in docx.Document(str(out)).paragraphs]
    # The publication's title stays the first English headline line; the pairing chose the second.
    assert paras[0] == ("Title", EN_COLUMN[0])
    assert paras[-1][1] == EN_COLUMN[8]
    texts = [t for _, t in paras]
    assert not any(t in texts for t in EN_COLUMN[9:])
