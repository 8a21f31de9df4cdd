"""One run of the command line: which settings and project apply, and the exit-code contract.

Settings are resolved once per run (`--config FILE`, else each file's own project, found from the
file's folder upward at the first editflow.toml or originals/translations layout); every command
sees the same settings, and every failure leaves with the documented exit code.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from editflow import cli as cli_module
from editflow.cli import cli
from editflow.cli_options import Run
from editflow.config import find_root
from editflow.workfile import align_files, write_alignment

from conftest import EN_PARAGRAPHS

# The school article's English with an untranslated Ukrainian sentence and a wrong figure,
# so that the checks have something to report.
EN_WITH_FINDINGS = list(EN_PARAGRAPHS)
EN_WITH_FINDINGS[2] = EN_WITH_FINDINGS[2].replace("148 million", "184 million")
EN_WITH_FINDINGS[6] = "Наступного тижня в школі відкриють басейн."

# A house settings file that leaves only the editor's-note checks on.
HOUSE = '[checks]\nselect = ["ednote"]\n[style]\nednote = "({text} – ed.)"\n'


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def po(make_pair, source_date_epoch) -> Path:
    pair = make_pair(en=EN_WITH_FINDINGS)
    path = pair.root / "translations" / "school.po"
    write_alignment(align_files(pair.original, pair.translation), path)
    return path


def _comments(review: Path) -> int:
    with zipfile.ZipFile(review) as z:
        if "word/comments.xml" not in z.namelist():
            return 0
        return z.read("word/comments.xml").decode("utf-8").count("<w:comment ")


# ---------------------------------------------------------------------------
# Settings: one resolution, used by every command
# ---------------------------------------------------------------------------

def test_config_file_applies_to_check_and_to_the_review_export_alike(runner: CliRunner, po: Path,
                                                                      tmp_path: Path) -> None:
    house = tmp_path / "house.toml"
    house.write_text(HOUSE, encoding="utf-8")
    plain = runner.invoke(cli, ["check", str(po), "--json"])
    assert plain.exit_code == 1 and json.loads(plain.stdout), plain.output
    checked = runner.invoke(cli, ["--config", str(house), "check", str(po), "--json"])
    assert checked.exit_code == 0 and json.loads(checked.stdout) == [], checked.output

    review = tmp_path / "house.review.docx"
    exported = runner.invoke(cli, ["--config", str(house), "export", str(po), "--review", "-o", str(review)])
    assert exported.exit_code == 0, exported.output
    assert _comments(review) == 0  # before: the review ran the checks with the project's settings
    default = tmp_path / "default.review.docx"
    assert runner.invoke(cli, ["export", str(po), "--review", "-o", str(default)]).exit_code == 0
    assert _comments(default) > 0


def test_notes_honours_the_config_file(runner: CliRunner, make_pair, tmp_path: Path) -> None:
    en = list(EN_PARAGRAPHS)
    en[5] += " The Russians [occupiers – ed.] shelled the district."
    pair = make_pair(en=en)
    path = pair.root / "translations" / "school.po"
    write_alignment(align_files(pair.original, pair.translation), path)
    house = tmp_path / "house.toml"
    house.write_text(HOUSE, encoding="utf-8")
    plain = runner.invoke(cli, ["notes", str(path), "--json"])
    assert [n["format_ok"] for n in json.loads(plain.stdout)] == [True]
    housed = runner.invoke(cli, ["--config", str(house), "notes", str(path), "--json"])
    assert housed.exit_code == 0, housed.output
    # The house wants "(… – ed.)": the square-bracket note is now off-format.
    assert [n["format_ok"] for n in json.loads(housed.stdout)] == [False]


def test_a_broken_config_file_is_refused_before_any_work(runner: CliRunner, po: Path, tmp_path: Path) -> None:
    house = tmp_path / "house.toml"
    house.write_text("[checks\n", encoding="utf-8")
    before = po.read_bytes()
    result = runner.invoke(cli, ["--config", str(house), "check", str(po)])
    assert result.exit_code == 2
    assert "house.toml" in result.stderr and "not valid TOML" in result.stderr
    assert po.read_bytes() == before


def test_settings_warnings_are_shown_once_per_run(runner: CliRunner, make_pair, tmp_path: Path) -> None:
    pair = make_pair()
    (pair.root / "editflow.toml").write_text("[align]\nunknown = 1\n", encoding="utf-8")
    for slug in ("a", "b"):
        write_alignment(align_files(pair.original, pair.translation), pair.root / "translations" / f"{slug}.po")
    result = runner.invoke(cli, ["check", str(pair.root / "translations" / "a.po"),
                                 str(pair.root / "translations" / "b.po")])
    assert result.stderr.count("unknown key 'align.unknown'") == 1


# ---------------------------------------------------------------------------
# The project root: editflow.toml or the layout, nothing else
# ---------------------------------------------------------------------------

def test_a_git_folder_is_not_a_project(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "glossary").mkdir()
    work = tmp_path / "work"
    work.mkdir()
    po = work / "war.po"
    po.write_text("", encoding="utf-8")
    assert find_root(po) is None
    (tmp_path / "editflow.toml").write_text("", encoding="utf-8")
    assert find_root(po) == tmp_path.resolve()


def test_the_layout_marks_a_project_without_a_settings_file(tmp_path: Path) -> None:
    (tmp_path / "translations").mkdir()
    assert find_root(tmp_path / "translations" / "war.po") == tmp_path.resolve()


def test_exports_outside_a_project_go_beside_the_po_not_into_the_git_root(
        runner: CliRunner, make_pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    pair = make_pair(root=tmp_path / "src")
    work = repo / "desk"
    work.mkdir()
    po = work / "school.po"
    write_alignment(align_files(pair.original, pair.translation), po)
    monkeypatch.chdir(repo)
    result = runner.invoke(cli, ["export", str(po), "--publication"])
    assert result.exit_code == 0, result.output
    assert (work / "school.docx").is_file()
    assert not (repo / "build").exists()


def test_tm_rebuild_in_a_git_folder_is_refused_not_creating_editflow_there(
        runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["tm", "rebuild"])
    assert result.exit_code == 2
    assert "not inside an editflow project" in result.stderr
    assert not (tmp_path / ".editflow").exists()


# ---------------------------------------------------------------------------
# --project/-C everywhere, the positional PROJECT kept as an alias
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("spelling", [["-C"], ["--project"], []])
def test_status_takes_the_project_in_every_spelling(runner: CliRunner, make_pair, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch, spelling: list[str]) -> None:
    pair = make_pair()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = runner.invoke(cli, ["status", *spelling, str(pair.root), "--json"])
    assert result.exit_code == 0, result.output
    assert [s["slug"] for s in json.loads(result.stdout)] == ["school"]


def test_two_different_projects_are_a_usage_error(runner: CliRunner, make_pair, tmp_path: Path) -> None:
    pair = make_pair()
    other = tmp_path / "other"
    other.mkdir()
    result = runner.invoke(cli, ["status", str(pair.root), "-C", str(other)])
    assert result.exit_code == 2
    assert "two projects given" in result.stderr


def test_tm_search_takes_dash_c(runner: CliRunner, make_pair, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    pair = make_pair()
    write_alignment(align_files(pair.original, pair.translation), pair.root / "translations" / "school.po")
    assert runner.invoke(cli, ["tm", "rebuild", "-C", str(pair.root)]).exit_code == 0
    monkeypatch.chdir(tmp_path.parent)
    result = runner.invoke(cli, ["tm", "search", "-C", str(pair.root), "відбудовану школу", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["article"] == "school"


def test_tm_search_without_a_memory_is_an_input_error(runner: CliRunner, make_pair) -> None:
    pair = make_pair()
    result = runner.invoke(cli, ["tm", "search", "-C", str(pair.root), "школа"])
    assert result.exit_code == 2 and "no translation memory yet" in result.stderr


# ---------------------------------------------------------------------------
# Exit codes: 3 for a bug, 130 for Ctrl-C, never 1
# ---------------------------------------------------------------------------

def _explode(*_args: object, **_kwargs: object) -> None:
    raise ZeroDivisionError("a bug planted by the test")


def test_an_internal_error_exits_3_with_one_line_and_the_traceback_saved(
        runner: CliRunner, po: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import editflow.checks

    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)
    monkeypatch.setattr(editflow.checks, "check_po", _explode)
    result = runner.invoke(cli, ["check", str(po)])
    assert result.exit_code == 3, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "internal error (ZeroDivisionError: a bug planted by the test)" in lines[0]
    assert "Traceback" not in result.stderr
    saved = list(tmp_path.glob("editflow-crash-*.txt"))
    assert len(saved) == 1 and str(saved[0]) in lines[0]
    assert "ZeroDivisionError" in saved[0].read_text(encoding="utf-8")


def test_debug_prints_the_traceback(runner: CliRunner, po: Path, monkeypatch: pytest.MonkeyPatch,
                                    tmp_path: Path) -> None:
    import editflow.checks

    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)
    monkeypatch.setattr(editflow.checks, "check_po", _explode)
    result = runner.invoke(cli, ["--debug", "check", str(po)])
    assert result.exit_code == 3
    assert "Traceback (most recent call last)" in result.stderr


def _interrupt(*_args: object, **_kwargs: object) -> None:
    raise KeyboardInterrupt


def test_ctrl_c_exits_130_and_leaves_the_po_untouched(runner: CliRunner, po: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import editflow.checks

    monkeypatch.setattr(editflow.checks, "check_po", _interrupt)
    before = po.read_bytes()
    result = runner.invoke(cli, ["check", str(po)])
    assert result.exit_code == 130, result.output
    assert "interrupted" in result.stderr
    assert po.read_bytes() == before


def test_main_uses_the_same_contract(po: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import editflow.checks

    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)
    monkeypatch.setattr(editflow.checks, "check_po", _explode)
    monkeypatch.setattr("sys.argv", ["editflow", "check", str(po)])
    with pytest.raises(SystemExit) as exit_info:
        cli_module.main()
    assert exit_info.value.code == 3


def test_an_input_error_is_still_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["check", str(tmp_path / "missing.po")])
    assert result.exit_code == 2


def test_run_object_reads_settings_once_per_project(make_pair, monkeypatch: pytest.MonkeyPatch) -> None:
    pair = make_pair()
    (pair.root / "editflow.toml").write_text("[align]\nthreshold = 0.7\n", encoding="utf-8")
    calls: list[object] = []
    import editflow.cli_options as options

    real = options.load_settings

    def counting(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        calls.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(options, "load_settings", counting)
    run = Run()
    first = run.settings_for(pair.original)
    second = run.settings_for(pair.translation)
    assert first is second and first.threshold == 0.7 and len(calls) == 1


def test_status_says_when_the_build_record_is_damaged(runner: CliRunner, make_pair) -> None:
    pair = make_pair()
    (pair.root / ".editflow").mkdir()
    (pair.root / ".editflow" / "build.json").write_text("{not json", encoding="utf-8")
    result = runner.invoke(cli, ["status", "-C", str(pair.root)])
    assert result.exit_code == 0, result.output
    assert "warning:" in result.stderr and "build.json" in result.stderr


def test_a_closed_pipe_is_not_an_internal_error(po: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`editflow check … | head`: the reader going away ends the command quietly, exit 0."""
    import editflow.checks

    def closed(*_args: object, **_kwargs: object) -> None:
        raise BrokenPipeError

    monkeypatch.setattr(editflow.checks, "check_po", closed)
    result = CliRunner().invoke(cli, ["check", str(po)])
    assert result.exit_code == 0, result.output
    assert "internal error" not in result.output
