"""Fault injection, class 6: build at desk scale.

A desk's glossary has thousands of terms and a build has many articles: the glossary is read and
indexed once per run, the same loaded glossary gives the same results as reading it per article,
and a bad glossary or a broken article stops no one's work silently.  Each scenario asserts that
nothing was lost and that the message names the file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import editflow.build as B
from editflow.cli import cli
from editflow.config import Settings
from editflow.glossary import load_glossary
from editflow.po import entry_info, load_po
from editflow.project import init_project
from editflow.workfile import align_files

# A few real terms the articles use, then filler terms (a large desk glossary) that never occur.
REAL = ["Київ,Kyiv,Kiev,,,,", "Оболонь,Obolon,,,,,", "школа,school,,,,,"]
FILLER_STEMS = ["поле", "ріка", "гора", "місто", "село", "хата", "вікно", "двері", "стіна", "дах"]


def big_glossary(n: int) -> str:
    rows = ["uk,en,forbidden,note,context,case,match", *REAL]
    rows += [f"{FILLER_STEMS[i % len(FILLER_STEMS)]}{i},filler{i},,,,,exact" for i in range(n)]
    return "\n".join(rows) + "\n"


@pytest.fixture
def desk(make_pair, tmp_path: Path) -> Path:
    init_project(tmp_path)
    (tmp_path / "glossary" / "terms.csv").write_text(big_glossary(3000), encoding="utf-8")
    for slug in ("a", "b", "c", "d", "e", "f"):
        make_pair(root=tmp_path, slug=slug)
    return tmp_path


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".editflow" not in p.parts}


def test_a_large_glossary_is_read_once_for_every_article(desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    real = B.load_glossary

    def counting(paths):  # type: ignore[no-untyped-def]
        calls.append(paths)
        return real(paths)

    monkeypatch.setattr(B, "load_glossary", counting)
    B._GLOSSARY.clear()
    statuses = B.build(desk, Settings(root=desk), [desk / "glossary"], jobs=1)
    assert [s.state for s in statuses] == ["built"] * 6
    assert len(calls) == 1


def test_one_loaded_glossary_gives_what_reading_it_per_article_gives(desk: Path) -> None:
    B._GLOSSARY.clear()
    B.build(desk, Settings(root=desk), [desk / "glossary"], jobs=1)
    glossary = load_glossary([desk / "glossary"])
    for slug in ("a", "f"):
        fresh = align_files(desk / "originals" / f"{slug}.uk.txt", desk / "translations" / f"{slug}.en.txt",
                            glossary)
        built = load_po(desk / "translations" / f"{slug}.po")
        infos = [entry_info(e) for e in built]
        assert [(i.src, i.tgt) for i in infos if i is not None] == [(b.src, b.tgt) for b in fresh.beads]


def test_a_broken_glossary_stops_the_build_naming_it_and_touches_nothing(desk: Path) -> None:
    B._GLOSSARY.clear()
    B.build(desk, Settings(root=desk), [desk / "glossary"], jobs=1)
    (desk / "translations" / "a.en.txt").write_text("Changed.\n", encoding="utf-8")  # a re-align is due
    (desk / "glossary" / "terms.csv").write_text('uk,en\n"Київ,Kyiv\n', encoding="utf-8")
    before = _snapshot(desk)
    result = CliRunner().invoke(cli, ["build", "-C", str(desk)])
    assert result.exit_code == 2, result.output
    assert "terms.csv" in result.output
    after = _snapshot(desk)
    assert {k: v for k, v in after.items() if k != "glossary/terms.csv"} == {
        k: v for k, v in before.items() if k != "glossary/terms.csv"}


def test_a_glossary_with_duplicate_terms_is_built_with_and_lint_names_the_rows(desk: Path) -> None:
    # Lint parses every term; the duplicate is the point here, not the size.
    (desk / "glossary" / "terms.csv").write_text(big_glossary(50), encoding="utf-8")
    (desk / "glossary" / "more.csv").write_text("uk,en\nКиїв,Kyiv\n", encoding="utf-8")
    B._GLOSSARY.clear()
    statuses = B.build(desk, Settings(root=desk), [desk / "glossary"], jobs=1)
    assert {s.state for s in statuses} == {"built"}
    lint = CliRunner().invoke(cli, ["glossary", "lint", str(desk / "glossary")])
    assert lint.exit_code == 1
    assert "more.csv" in lint.output and "terms.csv" in lint.output


def test_a_bug_in_one_of_many_articles_loses_none_of_the_others(desk: Path, monkeypatch: pytest.MonkeyPatch,
                                                                tmp_path_factory: pytest.TempPathFactory) -> None:
    import editflow.workfile as W

    monkeypatch.setenv("TMPDIR", str(tmp_path_factory.mktemp("tracebacks")))
    monkeypatch.setattr("tempfile.tempdir", None)
    real = W.align_files

    def bug_for_c(original, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(original).name.startswith("c."):
            raise ZeroDivisionError("planted")
        return real(original, *args, **kwargs)

    monkeypatch.setattr(W, "align_files", bug_for_c)
    B._GLOSSARY.clear()
    statuses = {s.slug: s for s in B.build(desk, Settings(root=desk), [desk / "glossary"], jobs=1)}
    assert statuses["c"].state == "failed" and "editflow-c-" in statuses["c"].message
    assert all(statuses[s].state == "built" for s in "abdef")
    assert all((desk / "build" / f"{s}.docx").is_file() for s in "abdef")
    assert B.exit_code(list(statuses.values())) == 3
