"""`editflow build` when something goes wrong: a bug in one article, a refused input, a damaged record.

build exits with the worst of its articles: 3 a bug hit one, 2 an input was refused,
1 error-level findings, 0 clean.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import stat
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import editflow.checks
from editflow.build import ArticleStatus, build, exit_code, load_state, status
from editflow.cli import cli
from editflow.config import Settings
from editflow.errors import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EditflowError,
)
from editflow.project import init_project

GLOSSARY = "uk,en,forbidden,note,context,case,match\nКиїв,Kyiv,Kiev,,,,\n"

forked_workers = pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                                     reason="the injected bug reaches worker processes only when they are forked")


@pytest.fixture
def project(make_pair, tmp_path: Path) -> Path:
    """Three clean articles (school, market, bridge); no findings at error level."""
    root = tmp_path / "desk"
    init_project(root)
    (root / "glossary" / "terms.csv").write_text(GLOSSARY, encoding="utf-8")
    for slug in ("school", "market", "bridge"):
        make_pair(root=root, slug=slug)
    return root


@pytest.fixture
def traceback_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temp folder tracebacks go to, inside this test's own folder."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def inject_bug(monkeypatch: pytest.MonkeyPatch, slugs: set[str]) -> None:
    """A programming error (not an input error) inside the checks of the given articles."""
    real = editflow.checks.check_po

    def buggy(po_path, *args, **kwargs):
        if Path(po_path).stem in slugs:
            return {}["a key the code forgot"]
        return real(po_path, *args, **kwargs)

    monkeypatch.setattr(editflow.checks, "check_po", buggy)


def run(root: Path, jobs: int = 1, warn=None) -> dict[str, ArticleStatus]:
    return {s.slug: s for s in build(root, Settings(root=root), [root / "glossary"], jobs=jobs, warn=warn)}


# ---------------------------------------------------------------------------
# The exit code rule
# ---------------------------------------------------------------------------

def st(state: str, errors: int = 0) -> ArticleStatus:
    s = ArticleStatus("a", state)  # type: ignore[arg-type]
    s.findings["error"] = errors
    return s


@pytest.mark.parametrize("states, expected", [
    ([], EXIT_OK),
    ([st("built"), st("up to date"), st("incomplete")], EXIT_OK),
    ([st("built", errors=2), st("built")], EXIT_FINDINGS),
    ([st("up to date", errors=1)], EXIT_FINDINGS),
    ([st("refused"), st("built", errors=3)], EXIT_INPUT),
    ([st("built", errors=3), st("failed"), st("refused")], EXIT_INTERNAL),
    ([st("failed")], EXIT_INTERNAL),
])
def test_build_exits_with_the_worst_of_its_articles(states: list[ArticleStatus], expected: int) -> None:
    assert exit_code(states) == expected


def test_exit_codes_are_the_documented_numbers() -> None:
    assert (EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED) == (0, 1, 2, 3, 130)
    assert EditflowError("x").exit_code == EXIT_INPUT


# ---------------------------------------------------------------------------
# A bug in one article
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("jobs", [1, pytest.param(2, marks=forked_workers)])
def test_a_bug_fails_its_articles_alone_and_the_others_are_built_and_recorded(
        project: Path, traceback_dir: Path, monkeypatch: pytest.MonkeyPatch, jobs: int) -> None:
    inject_bug(monkeypatch, {"school", "bridge"})
    statuses = run(project, jobs=jobs)
    assert statuses["market"].state == "built" and (project / "build" / "market.docx").is_file()
    assert set(load_state(project)) == {"market"}  # the failed ones are retried by the next build
    for slug in ("school", "bridge"):
        s = statuses[slug]
        assert s.state == "failed"
        assert "\n" not in s.message
        assert "KeyError" in s.message and "a key the code forgot" in s.message
        written = [p for p in traceback_dir.iterdir() if p.name.startswith(f"editflow-{slug}-")]
        assert len(written) == 1 and written[0].suffix == ".txt"
        assert str(written[0]) in s.message
        text = written[0].read_text(encoding="utf-8")
        assert "Traceback (most recent call last)" in text and "in buggy" in text
    assert exit_code(list(statuses.values())) == EXIT_INTERNAL
    # The bug fixed, the next build does only the two that failed.
    monkeypatch.undo()
    again = run(project)
    assert {s: again[s].state for s in again} == {"school": "built", "bridge": "built", "market": "up to date"}
    assert set(load_state(project)) == {"school", "bridge", "market"}


@forked_workers
def test_a_worker_that_dies_fails_articles_instead_of_the_build(project: Path, traceback_dir: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    real = editflow.checks.check_po

    def dies(po_path, *args, **kwargs):
        if Path(po_path).stem == "school":
            os._exit(70)  # as when the system kills a worker that ran out of memory
        return real(po_path, *args, **kwargs)

    monkeypatch.setattr(editflow.checks, "check_po", dies)
    statuses = run(project, jobs=2)
    assert set(statuses) == {"school", "market", "bridge"}
    assert statuses["school"].state == "failed" and "BrokenProcessPool" in statuses["school"].message
    # A broken pool takes down the articles still in it; none is left without a state.
    assert all(s.state in ("built", "failed") for s in statuses.values())
    assert set(load_state(project)) == {s for s, v in statuses.items() if v.state == "built"}


def test_a_refused_input_makes_its_article_refused(project: Path) -> None:
    (project / "originals" / "broken.uk.txt").write_text("Текст статті.\n", encoding="utf-8")
    (project / "translations" / "broken.en.docx").write_bytes(b"PK\x03\x04 not really a docx")
    statuses = run(project)
    assert statuses["broken"].state == "refused" and "broken.en.docx" in statuses["broken"].message
    assert {statuses[s].state for s in ("school", "market", "bridge")} == {"built"}
    assert exit_code(list(statuses.values())) == EXIT_INPUT


# ---------------------------------------------------------------------------
# The command's exit codes
# ---------------------------------------------------------------------------

def invoke(root: Path, *args: str):
    return CliRunner().invoke(cli, ["build", str(root), "-j", "1", *args])


def test_build_command_exit_codes(project: Path, traceback_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    r = invoke(project)
    assert r.exit_code == EXIT_OK, r.output
    r = invoke(project)  # up to date, nothing to do: still clean
    assert r.exit_code == EXIT_OK and r.stdout.count("up to date") == 3, r.output
    # An error-level finding: "Kiev" planted in one translation.
    tr = project / "translations" / "market.en.txt"
    tr.write_text(tr.read_text(encoding="utf-8").replace("Kyiv's city budget", "Kiev's city budget"),
                  encoding="utf-8")
    assert invoke(project).exit_code == EXIT_FINDINGS
    # A refused input outranks findings.
    (project / "originals" / "broken.uk.txt").write_text("Текст статті.\n", encoding="utf-8")
    (project / "translations" / "broken.en.docx").write_bytes(b"PK\x03\x04 not really a docx")
    r = invoke(project)
    assert r.exit_code == EXIT_INPUT and "refused" in r.stdout, r.output
    # A bug outranks everything, and the table still shows every article.
    inject_bug(monkeypatch, {"school"})
    (project / "translations" / "school.en.txt").write_text(
        (project / "translations" / "school.en.txt").read_text(encoding="utf-8") + "\nOne more.\n", encoding="utf-8")
    r = invoke(project)
    assert r.exit_code == EXIT_INTERNAL, r.output
    assert "failed: internal error (KeyError" in r.stdout and "market" in r.stdout and "bridge" in r.stdout
    assert "Traceback" not in r.output


def test_no_article_pairs_is_an_input_error(tmp_path: Path) -> None:
    root = tmp_path / "empty"
    init_project(root)
    r = invoke(root)
    assert r.exit_code == EXIT_INPUT and "no article pairs found" in r.output, r.output
    (root / "originals" / "lonely.uk.txt").write_text("Самотній оригінал.\n", encoding="utf-8")
    r = invoke(root)
    assert r.exit_code == EXIT_INPUT and "no article pairs found" in r.output and "lonely" in r.output, r.output
    assert not (root / ".editflow" / "build.json").exists()


# ---------------------------------------------------------------------------
# A damaged .editflow/build.json
# ---------------------------------------------------------------------------

DAMAGED = {
    "not json": b"{\"editflow\": \"0.1.0\", \"articles\": {",
    "not text": b"\xff\xfe\x00garbage",
    "a list": b"[1, 2, 3]",
    "articles a list": b'{"articles": ["school"]}',
    "row not an object": b'{"articles": {"school": "built"}}',
    "unknown field": b'{"articles": {"school": {"slug": "school", "colour": "red"}}}',
    "state of another type": b'{"articles": {"school": {"slug": "school", "state": 5}}}',
    "unknown state": b'{"articles": {"school": {"slug": "school", "state": "exploded"}}}',
    "findings a list": b'{"articles": {"school": {"slug": "school", "state": "built", "findings": [1]}}}',
    "outputs a string": b'{"articles": {"school": {"slug": "school", "state": "built", "outputs": "build"}}}',
}


@pytest.mark.parametrize("content", list(DAMAGED.values()), ids=list(DAMAGED))
def test_a_damaged_build_record_is_rebuilt_with_a_warning(project: Path, content: bytes) -> None:
    run(project)
    record = project / ".editflow" / "build.json"
    record.write_bytes(content)
    warnings: list[str] = []
    statuses = run(project, warn=warnings.append)
    assert {s.state for s in statuses.values()} == {"built"}
    assert len(warnings) == 1 and str(record) in warnings[0] and "rebuilt" in warnings[0]
    assert set(json.loads(record.read_text(encoding="utf-8"))["articles"]) == {"school", "market", "bridge"}
    assert {s.state for s in status(project, Settings(root=project), [project / "glossary"])} == {"up to date"}


def test_a_truncated_build_record_is_rebuilt(project: Path) -> None:
    run(project)
    record = project / ".editflow" / "build.json"
    whole = record.read_bytes()
    record.write_bytes(whole[: len(whole) // 2])
    warnings: list[str] = []
    assert {s.state for s in run(project, warn=warnings.append).values()} == {"built"}
    assert len(warnings) == 1 and record.read_bytes() == whole


def test_status_reads_a_damaged_record_as_no_record(project: Path) -> None:
    run(project)
    (project / ".editflow" / "build.json").write_bytes(DAMAGED["articles a list"])
    r = CliRunner().invoke(cli, ["status", str(project)])
    assert r.exit_code == 0, r.output
    assert r.stdout.count("not built") == 3


def test_build_command_warns_about_a_damaged_record(project: Path) -> None:
    run(project)
    (project / ".editflow" / "build.json").write_bytes(DAMAGED["a list"])
    r = invoke(project)
    assert r.exit_code == EXIT_OK, r.output
    assert "warning:" in r.stderr and "build.json" in r.stderr


# ---------------------------------------------------------------------------
# Outputs readable by the desk
# ---------------------------------------------------------------------------

@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_build_outputs_get_the_mode_the_umask_gives(project: Path) -> None:
    old = os.umask(0o022)
    try:
        run(project)
    finally:
        os.umask(old)
    written = [project / "build" / "school.docx", project / "build" / "school.review.docx",
               project / "translations" / "school.po", project / ".editflow" / "build.json"]
    assert {str(p): oct(stat.S_IMODE(p.stat().st_mode)) for p in written} == {str(p): "0o644" for p in written}
