"""Which checks run: codes and families in --select/--ignore, [checks] settings and entry markers.

An unknown name is refused (options, settings) or reported on its entry
(markers), never taken as a pattern that quietly matches nothing.
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path
from typing import get_args

import polib
import pytest
from click.testing import CliRunner

from editflow.checks import (
    CODES,
    check,
    ignore_markers,
    iter_codes,
    make_entry,
    run_checks,
    selection,
    suggest_code,
    unknown_patterns,
)
from editflow.cli import cli
from editflow.config import Settings
from editflow.errors import InputError
from editflow.model import SEVERITIES, Finding, Severity

ROOT = Path(__file__).resolve().parent.parent

# Two error-level findings: an empty English side and Cyrillic left in the English.
PAIRS = [
    ("Школа знову відкрилася.", "The school has reopened."),
    ("Батьки подякували будівельникам.", ""),
    ("Вчителі повернулися до класів.", "Teachers returned to класів."),
]


def write_po(path: Path, pairs: list[tuple[str, str]], tcomments: dict[int, str] | None = None) -> Path:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for i, (uk, en) in enumerate(pairs):
        po.append(polib.POEntry(msgid=uk, msgstr=en, tcomment=(tcomments or {}).get(i, "")))
    po.save(str(path))
    return path


# ---------------------------------------------------------------------------
# Command-line options
# ---------------------------------------------------------------------------

def test_a_select_typo_is_refused_with_a_suggestion_and_the_valid_codes(tmp_path: Path) -> None:
    po = write_po(tmp_path / "x.po", PAIRS)
    r = CliRunner().invoke(cli, ["check", "--select", "glosary", str(po)])
    assert r.exit_code == 2, r.output
    assert "0 findings" not in r.output
    assert "--select" in r.output and "'glosary'" in r.output
    assert "did you mean 'glossary'?" in r.output
    # The valid codes and families are shown, every one of them.
    for info in iter_codes():
        family, name = info.code.split(".", 1)
        assert family in r.output and name in r.output


def test_an_ignore_typo_is_refused_too(tmp_path: Path) -> None:
    po = write_po(tmp_path / "x.po", PAIRS)
    r = CliRunner().invoke(cli, ["check", str(po), "--ignore", "untranslated,numbers.mismach"])
    assert r.exit_code == 2, r.output
    assert "--ignore" in r.output and "'numbers.mismach'" in r.output
    assert "did you mean 'numbers.mismatch'?" in r.output
    assert "'untranslated'" not in r.output  # the valid half of the option is not blamed


def test_valid_codes_families_and_all_still_select(tmp_path: Path) -> None:
    po = write_po(tmp_path / "x.po", PAIRS)
    for option in ("untranslated", "UNTRANSLATED.empty", "all", "untranslated.empty,numbers"):
        r = CliRunner().invoke(cli, ["check", "--select", option, str(po), "--json"])
        assert r.exit_code == 1, (option, r.output)
        assert "untranslated.empty" in {d["code"] for d in json.loads(r.stdout)}


def test_run_checks_refuses_unknown_patterns_as_a_library_call() -> None:
    entries = [make_entry(0, *PAIRS[1])]
    with pytest.raises(InputError, match="--select: unknown check code or family 'glosary'"):
        run_checks(entries, select=["glosary"])
    with pytest.raises(InputError, match="--ignore: .*'typo'"):
        run_checks(entries, ignore=["typo"])


def test_suggestions_and_unknown_patterns() -> None:
    assert suggest_code("glosary") == "glossary"
    assert suggest_code("typography.quote") == "typography.quotes"
    assert suggest_code("zzzzzz") is None
    assert unknown_patterns(["Numbers", "all", "*", "glossary.missing", "glossary.", "numbersx", ""]) == \
        ["glossary.", "numbersx"]


# ---------------------------------------------------------------------------
# The settings file
# ---------------------------------------------------------------------------

def _project(tmp_path: Path, toml: str) -> Path:
    (tmp_path / "editflow.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "translations").mkdir()
    return write_po(tmp_path / "translations" / "x.po", PAIRS)


@pytest.mark.parametrize("toml, key, typo, meant", [
    ('[checks]\nignore = ["typografy"]\n', "checks.ignore", "typografy", "typography"),
    ('[checks]\nselect = ["untranslated", "glosary"]\n', "checks.select", "glosary", "glossary"),
    ('[checks.severity]\n"names.speling" = "warning"\n', "checks.severity", "names.speling", "names.spelling"),
])
def test_a_settings_typo_is_refused_naming_the_file_and_key(tmp_path: Path, toml: str, key: str, typo: str,
                                                            meant: str) -> None:
    po = _project(tmp_path, toml)
    r = CliRunner().invoke(cli, ["check", str(po)])
    assert r.exit_code == 2, r.output
    assert "editflow.toml" in r.output and f"'{key}'" in r.output and f"'{typo}'" in r.output
    assert f"did you mean '{meant}'?" in r.output
    assert "0 findings" not in r.output


def test_settings_typo_is_refused_by_the_checks_not_by_reading_the_settings(tmp_path: Path) -> None:
    from editflow.config import load_settings

    _project(tmp_path, '[checks]\nignore = ["typografy"]\n')
    settings = load_settings(tmp_path)          # reading the file is the config's job: no check codes known there
    assert settings.ignore == ["typografy"]
    with pytest.raises(InputError, match=r"editflow.toml: 'checks.ignore': unknown check code or family"):
        selection(settings=settings)


def test_a_settings_typo_also_stops_the_review_export(tmp_path: Path) -> None:
    po = _project(tmp_path, '[checks]\nignore = ["typografy"]\n')
    r = CliRunner().invoke(cli, ["export", str(po), "--review", "-o", str(tmp_path / "x.review.docx")])
    assert r.exit_code == 2, r.output
    assert "'checks.ignore'" in r.output and not (tmp_path / "x.review.docx").exists()


def test_severity_by_family_with_the_code_winning() -> None:
    settings = Settings(severity={"untranslated": "info", "untranslated.cyrillic": "warning"})
    found = run_checks([make_entry(i, uk, en) for i, (uk, en) in enumerate(PAIRS)], settings=settings,
                       select=["untranslated"])
    assert {f.code: f.severity for f in found} == {"untranslated.empty": "info", "untranslated.cyrillic": "warning"}


# ---------------------------------------------------------------------------
# Per-entry markers
# ---------------------------------------------------------------------------

def test_a_marker_typo_is_a_finding_on_its_entry_and_the_rest_still_runs(tmp_path: Path) -> None:
    po = write_po(tmp_path / "x.po", PAIRS, {1: "checked by Olena\neditflow: ignore untranslatd, numbers"})
    r = CliRunner().invoke(cli, ["check", "--no-color", str(po), "--json"])
    assert r.exit_code == 1, r.output
    found = json.loads(r.stdout)
    marker = [d for d in found if d["code"] == "markers.unknown-code"]
    assert len(marker) == 1
    assert marker[0]["entry"] == "1" and marker[0]["severity"] == "error"
    assert "'editflow: ignore untranslatd'" in marker[0]["message"] and "did you mean 'untranslated'?" in marker[0]["message"]
    codes = {(d["entry"], d["code"]) for d in found}
    # The misspelt family is not silenced on that entry; the other entries are checked as ever.
    assert ("1", "untranslated.empty") in codes and ("2", "untranslated.cyrillic") in codes
    # The report names the entry and the typo.
    text = CliRunner().invoke(cli, ["check", "--no-color", str(po)]).stdout
    assert "markers.unknown-code" in text and "untranslatd" in text


def test_a_valid_marker_still_silences_and_brings_no_marker_finding() -> None:
    entries = [make_entry(i, uk, en) for i, (uk, en) in enumerate(PAIRS)]
    entries[1].ignore = ignore_markers("editflow: ignore Untranslated.")  # case and a full stop forgiven
    found = run_checks(entries)
    assert 1 not in {f.index for f in found}
    assert "markers.unknown-code" not in {f.code for f in found}


@pytest.mark.parametrize(("marker", "codes"), [
    ("editflow: ignore numbers (rounded in the original)", ["numbers"]),
    ("editflow: ignore numbers, typography.quotes -- the source rounds", ["numbers", "typography.quotes"]),
    ("editflow: ignore numbers — округлено в оригіналі", ["numbers"]),
    ("editflow: ignore numbers because the source rounds", ["numbers"]),
    ("editflow: ignore (a quotation, left as the speaker said it)", ["all"]),
])
def test_a_marker_may_carry_its_reason(marker: str, codes: list[str]) -> None:
    assert ignore_markers(marker) == codes
    entries = [make_entry(i, uk, en) for i, (uk, en) in enumerate(PAIRS)]
    entries[1].ignore = ignore_markers(marker)
    assert "markers.unknown-code" not in {f.code for f in run_checks(entries)}


def test_a_reason_without_brackets_is_named_and_the_way_to_write_it_said() -> None:
    entries = [make_entry(0, *PAIRS[0], ignore=ignore_markers("editflow: ignore numbers rounded"))]
    found = [f for f in run_checks(entries) if f.code == "markers.unknown-code"]
    assert len(found) == 1 and "'editflow: ignore rounded'" in found[0].message
    assert "a reason goes in brackets after the codes" in found[0].message


def test_the_marker_code_is_listed_and_can_be_switched_off(tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["check", "--list-codes"])
    assert "markers.unknown-code" in r.stdout
    entries = [make_entry(0, *PAIRS[0], ignore=["glosary"])]
    assert [f.code for f in run_checks(entries)] == ["markers.unknown-code"]
    assert run_checks(entries, ignore=["markers"]) == []


# ---------------------------------------------------------------------------
# The pre-commit hook: the hook's own entry, with arguments, on several files
# ---------------------------------------------------------------------------

def _hook_command() -> list[str]:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    entry = next(line.split(":", 1)[1] for line in hooks.splitlines() if line.strip().startswith("entry:"))
    words = shlex.split(entry)
    assert words[0] == "editflow"
    return words[1:]


def test_pre_commit_hook_with_a_select_typo_stops_the_commit(tmp_path: Path) -> None:
    files = [str(write_po(tmp_path / f"{n}.po", PAIRS)) for n in ("a", "b", "c")]
    r = CliRunner().invoke(cli, [*_hook_command(), "--select", "glosary", *files])
    assert r.exit_code == 2, r.output
    assert "did you mean 'glossary'?" in r.output


def test_pre_commit_hook_reports_a_marker_typo_in_one_file_and_checks_the_others(tmp_path: Path) -> None:
    clean = write_po(tmp_path / "a.po", [PAIRS[0]])
    typo = write_po(tmp_path / "b.po", [PAIRS[0]], {0: "editflow: ignore typografy"})
    dirty = write_po(tmp_path / "c.po", PAIRS)
    r = CliRunner().invoke(cli, [*_hook_command(), str(clean), str(typo), str(dirty)])
    assert r.exit_code == 1, r.output
    assert "a.po: 0 findings" in r.stdout
    assert "markers.unknown-code" in r.stdout and "did you mean 'typography'?" in r.stdout
    assert "untranslated.empty" in r.stdout and "untranslated.cyrillic" in r.stdout


# ---------------------------------------------------------------------------
# Severities
# ---------------------------------------------------------------------------

def test_severities_are_one_typed_set() -> None:
    assert SEVERITIES == get_args(Severity) == ("error", "warning", "info")
    assert all(info.severity in SEVERITIES for info in CODES.values())
    with pytest.raises(ValueError, match="unknown severity"):
        check({"x.y": ("fatal", "no such severity")})  # type: ignore[dict-item]
    f: Finding = Finding("untranslated.empty", "error", "m")
    assert f.severity == "error"


def test_a_settings_typo_stops_the_build_before_any_article_is_touched(article_pair) -> None:
    root = article_pair.root
    (root / "editflow.toml").write_text('[checks]\nselect = ["numbrs"]\n', encoding="utf-8")
    r = CliRunner().invoke(cli, ["build", str(root)])
    assert r.exit_code == 2, r.output
    assert "'checks.select'" in r.output and "did you mean 'numbers'?" in r.output
    assert r.output.count("unknown check code") == 1          # said once, not once per article
    assert not (root / "translations" / "school.po").exists()
