"""`editflow build` and `editflow status` on a small project written in a temporary folder."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from editflow.build import build, load_state, status
from editflow.cli import cli
from editflow.config import Settings
from editflow.project import init_project

GLOSSARY = "uk,en,forbidden,note,context,case,match\nКиїв,Kyiv,Kiev,,,,\n"


@pytest.fixture
def project(make_pair, tmp_path: Path) -> Path:
    init_project(tmp_path)
    (tmp_path / "glossary" / "terms.csv").write_text(GLOSSARY, encoding="utf-8")
    make_pair(root=tmp_path, slug="school")
    pair = make_pair(root=tmp_path, slug="kiev")
    # A planted glossary error in the second article: "Kiev" in the English.
    en = pair.translation.read_text(encoding="utf-8").replace("Kyiv's city budget", "Kiev's city budget")
    pair.translation.write_text(en, encoding="utf-8")
    (tmp_path / "originals" / "lonely.uk.txt").write_text("Самотній оригінал без перекладу.\n", encoding="utf-8")
    return tmp_path


def test_build_aligns_checks_exports_and_records(project: Path) -> None:
    statuses = {s.slug: s for s in build(project, Settings(root=project), [project / "glossary"], jobs=2)}
    assert set(statuses) == {"school", "kiev", "lonely"}
    assert statuses["lonely"].state == "incomplete" and statuses["lonely"].message.startswith("no translation (expected translations/lonely.en")
    for slug in ("school", "kiev"):
        s = statuses[slug]
        assert s.state == "built", s.message
        assert s.pairs == 10 and (project / "build" / f"{slug}.docx").is_file()
        assert (project / "build" / f"{slug}.review.docx").is_file() and s.review == "exported"
    assert statuses["kiev"].errors >= 1 and statuses["school"].errors == 0
    assert set(load_state(project)) == {"school", "kiev"}


def test_rebuild_with_nothing_changed_does_nothing_and_status_agrees(project: Path) -> None:
    settings, gl = Settings(root=project), [project / "glossary"]
    build(project, settings, gl, jobs=1)
    po = project / "translations" / "school.po"
    before = po.stat().st_mtime_ns
    again = {s.slug: s for s in build(project, settings, gl, jobs=1)}
    assert again["school"].state == "up to date" and po.stat().st_mtime_ns == before
    assert {s.slug: s.state for s in status(project, settings, gl)} == {
        "kiev": "up to date", "school": "up to date", "lonely": "incomplete"}
    # The translation changes: the article is stale until rebuilt, then re-aligned.
    tr = project / "translations" / "school.en.txt"
    tr.write_text(tr.read_text(encoding="utf-8").replace("Obolon", "Obolon district"), encoding="utf-8")
    assert {s.slug: s.state for s in status(project, settings, gl)}["school"] == "stale"
    assert {s.slug: s.state for s in build(project, settings, gl, jobs=1)}["school"] == "built"
    assert "Obolon district" in po.read_text(encoding="utf-8")


def test_build_realigns_a_changed_article_keeping_the_edits_made_in_the_po(project: Path) -> None:
    settings, gl = Settings(root=project), [project / "glossary"]
    build(project, settings, gl, jobs=1)
    po_path = project / "translations" / "school.po"
    po = polib.pofile(str(po_path))
    entry = next(e for e in po if e.msgstr.startswith("Mayor"))
    entry.msgstr = "Mayor Klitschko thanked the builders."
    entry.tcomment = "checked with the desk"
    po.save(str(po_path))
    tr = project / "translations" / "school.en.txt"
    tr.write_text(tr.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")
    s = {s.slug: s for s in build(project, settings, gl, jobs=1)}["school"]
    assert s.state == "built" and "English edited in the PO" in s.message and "translator comment" in s.message
    after = polib.pofile(str(po_path))
    kept = next(e for e in after if e.msgctxt == entry.msgctxt)
    assert kept.msgstr == "Mayor Klitschko thanked the builders." and kept.tcomment == "checked with the desk"
    assert any(e.msgstr == "One more paragraph." for e in after)


def test_build_and_status_commands(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    runner = CliRunner()
    r = runner.invoke(cli, ["build", "--json", "-j", "1"])
    assert r.exit_code == 1, r.output  # the planted "Kiev" is an error-level finding
    data = {row["slug"]: row for row in json.loads(r.stdout)}
    assert data["kiev"]["findings"]["error"] >= 1
    r = runner.invoke(cli, ["status"])
    assert r.exit_code == 0, r.output
    assert "up to date" in r.stdout and "incomplete" in r.stdout and r.stdout.startswith("article")


def test_build_fills_the_translation_memory(project: Path) -> None:
    from editflow.tm import TranslationMemory, tm_path

    build(project, Settings(root=project), [project / "glossary"], jobs=1)
    with TranslationMemory.open(tm_path(project)) as mem:
        articles, units = mem.count()
        counts = mem.counts()
        sentences = list(mem.units("sentence"))
    assert articles == 2 and units > 8
    # Every pair is in it split into sentence pairs too, each with its confidence.
    assert counts.sentences >= counts.paragraphs and sentences
    assert all(u.level == "sentence" and 0 <= u.confidence <= 1 and u.created for u in sentences)


def test_interrupted_build_keeps_what_is_done_and_leaves_no_temp_files(project: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import editflow.build as B

    real = B.build_article
    seen: list[str] = []

    def interrupt_second(root, article, *args, **kw):
        if article.complete:
            seen.append(article.slug)
            if len(seen) == 2:
                raise KeyboardInterrupt
        return real(root, article, *args, **kw)

    monkeypatch.setattr(B, "build_article", interrupt_second)
    with pytest.raises(KeyboardInterrupt):
        B.build(project, Settings(root=project), [project / "glossary"], jobs=1)
    first = seen[0]
    assert (project / "build" / f"{first}.docx").is_file()
    assert set(B.load_state(project)) == {first}  # recorded, so the next build resumes after it
    leftovers = [p for p in project.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []
    monkeypatch.setattr(B, "build_article", real)
    statuses = {s.slug: s.state for s in B.build(project, Settings(root=project), [project / "glossary"], jobs=1)}
    assert statuses[first] == "up to date" and statuses[seen[1]] == "built"


def test_a_broken_article_is_refused_alone_with_its_reason(project: Path) -> None:
    (project / "originals" / "broken.uk.txt").write_text("Текст статті про відбудову.\n", encoding="utf-8")
    (project / "translations" / "broken.en.docx").write_bytes(b"PK\x03\x04 this is not really a docx")
    statuses = {s.slug: s for s in build(project, Settings(root=project), [project / "glossary"], jobs=2)}
    assert statuses["broken"].state == "refused"
    assert "broken.en.docx" in statuses["broken"].message and "\n" not in statuses["broken"].message
    assert statuses["school"].state == "built" and statuses["kiev"].state == "built"
    assert not (project / "translations" / "broken.po").exists()


def test_build_never_replaces_a_review_someone_is_working_in(project: Path) -> None:
    import zipfile

    settings, gl = Settings(root=project), [project / "glossary"]
    build(project, settings, gl, jobs=1)
    review = project / "build" / "school.review.docx"
    # The editor edits the review document (any change to its body counts as work in it).
    with zipfile.ZipFile(review) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"Obolon", b"Obolon district", 1)
    with zipfile.ZipFile(review, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    worked = review.read_bytes()
    tr = project / "translations" / "school.en.txt"
    tr.write_text(tr.read_text(encoding="utf-8").replace("Next week", "Next Monday"), encoding="utf-8")
    s = {s.slug: s for s in build(project, settings, gl, jobs=1)}["school"]
    assert s.state == "built" and s.review == "in review" and "review not refreshed" in s.message
    assert review.read_bytes() == worked


def test_the_glossary_is_read_once_per_run_not_per_article(project: Path, make_pair,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import editflow.build as B

    for slug in ("second", "third"):
        make_pair(slug=slug, root=project)
    calls: list[object] = []
    real = B.load_glossary

    def counting(paths):  # type: ignore[no-untyped-def]
        calls.append(paths)
        return real(paths)

    monkeypatch.setattr(B, "load_glossary", counting)
    B._GLOSSARY.clear()
    statuses = B.build(project, Settings(root=project), [project / "glossary"], jobs=1)
    assert sorted(s.slug for s in statuses if s.state == "built") == ["kiev", "school", "second", "third"]
    assert len(calls) == 1


def _review(statuses: list, slug: str = "school") -> str:
    return next(s.review for s in statuses if s.slug == slug)


def test_build_and_status_agree_on_an_imported_review_and_on_the_next_round(project: Path) -> None:
    """Both read the review state off outputs.decide and the PO's X-Editflow-Imported-Review header;
    before, a comment-only import read as "exported" (no "reviewed:" line in the PO), and a second
    round someone was working in read as "imported" in `status`."""
    from editflow.export.review_import import import_review
    from test_export_review import entry_id
    from test_review_import import OLENA, OLENA_DATE, PETRO, PETRO_DATE
    from word_edits import edit

    settings, gl = Settings(root=project), [project / "glossary"]
    build(project, settings, gl, jobs=1)
    review, po = project / "build" / "school.review.docx", project / "translations" / "school.po"
    rid = entry_id(po, "148 million")
    edit(review, lambda d: d.comment(rid, "148 million", PETRO, "Check the figure.", PETRO_DATE))
    import_review(review, po)
    assert "reviewed:" not in po.read_text(encoding="utf-8")   # a comment changes no English
    assert _review(status(project, settings, gl)) == "imported"
    assert _review(build(project, settings, gl, jobs=1)) == "imported"   # the review is replaced ...
    assert _review(status(project, settings, gl)) == "imported"          # ... and both still say so
    # The next round: the editor works in the review that build exported after the import.
    edit(review, lambda d: d.replace(rid, "148 million", "148m", OLENA, OLENA_DATE))
    worked = review.read_bytes()
    assert _review(status(project, settings, gl)) == "in review"
    assert _review(build(project, settings, gl, jobs=1)) == "in review"   # nothing changed: up to date
    tr = project / "translations" / "school.en.txt"
    tr.write_text(tr.read_text(encoding="utf-8").replace("Next week", "Next Monday"), encoding="utf-8")
    rebuilt = {s.slug: s for s in build(project, settings, gl, jobs=1)}["school"]
    assert rebuilt.state == "built" and rebuilt.review == "in review" and review.read_bytes() == worked
    assert _review(status(project, settings, gl)) == "in review"


def test_a_second_round_being_worked_in_is_in_review_for_build_and_status(project: Path) -> None:
    """The issue's case: build said "in review" where status said "imported" (the PO held a
    "reviewed:" line from the first round)."""
    from editflow.export.review_import import import_review
    from test_export_review import entry_id
    from test_review_import import OLENA, OLENA_DATE, PETRO, PETRO_DATE
    from word_edits import edit

    settings, gl = Settings(root=project), [project / "glossary"]
    build(project, settings, gl, jobs=1)
    review, po = project / "build" / "school.review.docx", project / "translations" / "school.po"
    rid = entry_id(po, "148 million")
    edit(review, lambda d: d.replace(rid, "148 million", "148m", OLENA, OLENA_DATE))
    import_review(review, po)
    assert _review(build(project, settings, gl, jobs=1)) == "imported"
    edit(review, lambda d: d.replace(rid, "148m", "UAH 148m", PETRO, PETRO_DATE))
    tr = project / "translations" / "school.en.txt"
    tr.write_text(tr.read_text(encoding="utf-8").replace("Next week", "Next Monday"), encoding="utf-8")
    # The PO holds an English edit, so build refuses to re-align; either way the review is kept.
    built = _review(build(project, settings, gl, jobs=1))
    assert built == _review(status(project, settings, gl)) == "in review"
