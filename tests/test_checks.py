"""The checks framework: entries from PO files, the runner's filters, dismissals, report, settings, CLI.

The `untranslated` family is the example check used here; each family has
its own test module.
"""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from editflow.checks import (CheckContext, check_po, entries_from_po, ignore_markers, make_entry, matches,
                             run_checks)
from editflow.checks.report import excerpt, format_report
from editflow.checks.suppress import dismiss, dismissed_path, read_dismissed
from editflow.cli import cli
from editflow.config import Settings, load_settings
from editflow.errors import InputError
from editflow.notes import find_notes, mask
from editflow.workfile import align_files, write_alignment


def write_po(path: Path, pairs: list[tuple[str, str]], tcomments: dict[int, str] | None = None) -> Path:
    """A PO as Poedit or Weblate would make it: no editflow comments, msgctxt optional."""
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for i, (uk, en) in enumerate(pairs):
        po.append(polib.POEntry(msgid=uk, msgstr=en, tcomment=(tcomments or {}).get(i, "")))
    po.save(str(path))
    return path


PAIRS = [
    ("Школа знову відкрилася.", "The school has reopened."),
    ("Батьки подякували будівельникам.", ""),
    ("Вчителі повернулися до класів.", "Teachers returned to класів."),
    ("Учні прийшли на лінійку.", "Учні прийшли на лінійку."),
]


# ---------------------------------------------------------------------------
# Entries
# ---------------------------------------------------------------------------

def test_entries_from_a_foreign_po_use_the_index_as_id(tmp_path: Path) -> None:
    po = polib.pofile(str(write_po(tmp_path / "x.po", PAIRS)))
    entries = entries_from_po(po)
    assert [e.id for e in entries] == ["0", "1", "2", "3"]
    assert entries[2].target == "Teachers returned to класів."
    assert all(e.line > 0 for e in entries)


def test_entries_from_the_working_file_keep_ids_roles_and_fuzzy(article_pair) -> None:
    al = align_files(article_pair.original, article_pair.translation)
    po_path = article_pair.root / "translations" / "school.po"
    write_alignment(al, po_path)
    entries = entries_from_po(polib.pofile(str(po_path)))
    assert len(entries) == len(al.beads)
    added = [e for e in entries if not e.source]
    assert added and all(e.target for e in added)  # the placeholder msgid is not Ukrainian text
    assert all(len(e.id) >= 8 for e in entries)
    assert any("boilerplate" in e.tgt_roles for e in entries)


def test_notes_are_masked_with_offsets_kept() -> None:
    e = make_entry(0, "Росіяни вдарили по місту.", "The Russians [the occupiers – ed.] hit the city.")
    assert len(e.target_text) == len(e.target)
    assert "occupiers" not in e.target_text and e.target_text.startswith("The Russians ")
    n = e.target_notes[0]
    assert e.target[n.start:n.end] == "[the occupiers – ed.]"


def test_find_notes_in_both_languages() -> None:
    uk = "Ракета влучила в ТЕЦ (прим. ред. – теплоелектроцентраль)."
    assert [n.who for n in find_notes(uk)] == ["editor"]
    en = "Kadyrov [the head of the Chechen Republic - Ed] said so. [Translator's note: a pun.]"
    notes = find_notes(en)
    assert [n.body for n in notes] == ["the head of the Chechen Republic", "a pun."]
    assert [n.who for n in notes] == ["editor", "translator"]
    assert mask("a [b – ed.] c", find_notes("a [b – ed.] c")) == "a" + " " * 10 + " c"


# ---------------------------------------------------------------------------
# Runner
# ---------------------------------------------------------------------------

def _entries() -> list:
    return [make_entry(i, uk, en) for i, (uk, en) in enumerate(PAIRS)]


def test_untranslated_findings_with_exact_spans() -> None:
    found = run_checks(_entries(), CheckContext(), select=["untranslated"])
    codes = [(f.index, f.code) for f in found]
    assert (1, "untranslated.empty") in codes
    assert (3, "untranslated.identical") in codes
    cyr = next(f for f in found if f.code == "untranslated.cyrillic")
    assert PAIRS[2][1][slice(*cyr.target_span)] == "класів"
    assert all(f.dismiss_key and f.entry for f in found)


def test_mixed_script_word_is_one_finding_not_two() -> None:
    # A Latin "K" at the start of "Київ" (a classic paste slip) is a mixed-script word.
    found = run_checks([make_entry(0, "Kиїв вистояв.", "Kyiv held.")], select=["untranslated"])
    assert [f.code for f in found] == ["untranslated.mixed-script"]
    assert found[0].source_span == (0, 4)


def test_select_and_ignore_take_codes_and_families() -> None:
    entries = _entries()
    assert {f.code for f in run_checks(entries, select=["untranslated.empty"])} == {"untranslated.empty"}
    left = {f.code for f in run_checks(entries, select=["untranslated"], ignore=["untranslated.empty"])}
    assert "untranslated.empty" not in left and "untranslated.identical" in left
    assert matches("numbers.mismatch", ["numbers"]) and not matches("numbersx.a", ["numbers"])


def test_settings_change_severity_and_switch_checks_off() -> None:
    settings = Settings(ignore=["untranslated.identical"], severity={"untranslated.empty": "warning"})
    found = run_checks(_entries(), settings=settings, select=["untranslated"])
    assert "untranslated.identical" not in {f.code for f in found}
    assert next(f for f in found if f.code == "untranslated.empty").severity == "warning"


def test_entry_marker_silences_a_family_for_that_entry_only() -> None:
    assert ignore_markers("checked by Olena\neditflow: ignore untranslated, numbers") == ["untranslated", "numbers"]
    assert ignore_markers("editflow: ignore") == ["all"]
    entries = _entries()
    entries[1].ignore = ["untranslated"]
    found = run_checks(entries, select=["untranslated"])
    assert 1 not in {f.index for f in found} and 3 in {f.index for f in found}


def test_dismissal_lasts_until_the_text_changes(tmp_path: Path) -> None:
    entries = _entries()
    found = run_checks(entries, select=["untranslated"])
    target = tmp_path / "a.dismissed"
    empty = next(f for f in found if f.code == "untranslated.empty")
    assert dismiss(target, [empty], "a caption, deliberately dropped") == 1
    assert dismiss(target, [empty]) == 0  # already there
    keys = read_dismissed(target)
    again = run_checks(entries, select=["untranslated"], dismissed=keys)
    assert empty.dismiss_key not in {f.dismiss_key for f in again}
    assert len(again) == len(found) - 1
    # The Ukrainian changes: the dismissal no longer applies.
    changed = _entries()
    changed[1] = make_entry(1, "Батьки щиро подякували будівельникам.", "")
    assert "untranslated.empty" in {f.code for f in run_checks(changed, select=["untranslated"], dismissed=keys)}


def test_dismissed_file_with_garbage_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "a.dismissed"
    bad.write_text("not-a-key numbers\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        read_dismissed(bad)


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------

def test_report_marks_the_span_and_counts() -> None:
    entries = _entries()
    found = run_checks(entries, select=["untranslated"])
    text = format_report(found, entries, "x.po")
    assert "⟦класів⟧" in text
    assert "untranslated.empty" in text and "key " in text
    assert text.splitlines()[-1] == "x.po: 3 findings in 4 entries (3 error)"
    assert excerpt("a" * 100 + "XYZ" + "b" * 100, (100, 103), colour=False).count("…") == 2


# ---------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------

def test_settings_file_is_found_upwards_and_checked(tmp_path: Path) -> None:
    (tmp_path / "translations").mkdir()
    (tmp_path / "editflow.toml").write_text(
        '[checks]\nignore = ["typography"]\nseverity = { "untranslated.empty" = "info" }\n'
        '[style]\nquotes = "«»"\nwrong = 1\n', encoding="utf-8")
    s = load_settings(tmp_path / "translations" / "a.po")
    assert s.ignore == ["typography"] and s.severity == {"untranslated.empty": "info"}
    assert s.style.quotes == "«»" and s.root == tmp_path
    assert any("style.wrong" in w for w in s.warnings)
    (tmp_path / "editflow.toml").write_text('[checks]\nseverity = { "a.b" = "fatal" }\n', encoding="utf-8")
    with pytest.raises(InputError, match="checks.severity.a.b"):
        load_settings(tmp_path / "translations" / "a.po")
    (tmp_path / "editflow.toml").write_text('[checks\n', encoding="utf-8")
    with pytest.raises(InputError, match="not valid TOML"):
        load_settings(tmp_path)


# ---------------------------------------------------------------------------
# Library entry point and CLI
# ---------------------------------------------------------------------------

def test_check_po_refuses_a_po_whose_msgid_is_not_ukrainian(tmp_path: Path) -> None:
    po = write_po(tmp_path / "x.po", [("Hello world", "Bonjour le monde"), ("Good night", "Bonne nuit")])
    with pytest.raises(InputError, match="not Ukrainian"):
        check_po(po)


def test_cli_check_exit_codes_and_json(tmp_path: Path) -> None:
    runner = CliRunner()
    po = write_po(tmp_path / "x.po", PAIRS)
    result = runner.invoke(cli, ["check", str(po), "--select", "untranslated", "--json"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert {"entry", "code", "severity", "message", "source_span", "target_span"} <= set(data[0])
    assert {d["entry"] for d in data} == {"1", "2", "3"}
    clean = write_po(tmp_path / "clean.po", [PAIRS[0]])
    result = runner.invoke(cli, ["check", str(clean)])
    assert result.exit_code == 0, result.output
    assert "0 findings" in result.stdout
    assert runner.invoke(cli, ["check", str(tmp_path / "missing.po")]).exit_code == 2


def test_cli_dismiss_then_check_is_quieter(tmp_path: Path) -> None:
    runner = CliRunner()
    po = write_po(tmp_path / "x.po", [PAIRS[1]])
    data = json.loads(runner.invoke(cli, ["check", str(po), "--json"]).stdout)
    key = data[0]["key"]
    result = runner.invoke(cli, ["check", str(po), "--dismiss", key, "--reason", "caption"])
    assert result.exit_code == 0, result.output
    assert dismissed_path(po).read_text(encoding="utf-8").count(key) == 1
    assert runner.invoke(cli, ["check", str(po)]).exit_code == 0
    assert runner.invoke(cli, ["check", str(po), "--show-dismissed"]).exit_code == 1
    bad = runner.invoke(cli, ["check", str(po), "--dismiss", "0123456789"])
    assert bad.exit_code == 2 and "no current finding" in bad.output


def test_cli_list_codes() -> None:
    result = CliRunner().invoke(cli, ["check", "--list-codes"])
    assert result.exit_code == 0
    assert "untranslated.empty" in result.stdout and "error" in result.stdout


def test_hyphenated_compound_with_a_latin_abbreviation_is_not_mixed_script() -> None:
    found = run_checks([make_entry(0, "Вікна закрили OSB-плитами, IT-фахівці допомогли.", "Windows were boarded up.")],
                       select=["untranslated.mixed-script"])
    assert found == []


def test_an_aligner_omission_is_a_warning_an_empty_translation_an_error(article_pair) -> None:
    al = align_files(article_pair.original, article_pair.translation)
    po_path = article_pair.root / "translations" / "school.po"
    write_alignment(al, po_path)
    entries = entries_from_po(polib.pofile(str(po_path)))
    found = run_checks(entries, select=["untranslated"])
    omitted = [f for f in found if f.code == "untranslated.omitted"]
    assert len(omitted) == 1 and omitted[0].severity == "warning"
    assert entries[omitted[0].index].source.startswith("Раніше мешканці району")
    assert not [f for f in found if f.code == "untranslated.empty"]


def test_cyrillic_half_of_a_hyphenated_english_word_is_untranslated() -> None:
    found = run_checks([make_entry(0, "Вікна закрили OSB-плитами.", "Windows were covered with OSB-плитами.")],
                       select=["untranslated"])
    assert [f.code for f in found] == ["untranslated.cyrillic"]
    assert "Windows were covered with OSB-плитами."[slice(*found[0].target_span)] == "плитами"


def test_cli_checks_several_files_as_pre_commit_passes_them(tmp_path: Path) -> None:
    clean = write_po(tmp_path / "a.po", [PAIRS[0]])
    dirty = write_po(tmp_path / "b.po", PAIRS)
    r = CliRunner().invoke(cli, ["check", "--no-color", str(clean), str(dirty), "--json"])
    assert r.exit_code == 1
    assert {d["file"] for d in json.loads(r.stdout)} == {str(dirty)}
    r = CliRunner().invoke(cli, ["check", "--no-color", str(clean), str(dirty)])
    assert "a.po: 0 findings" in r.stdout and "b.po: " in r.stdout
    bad = CliRunner().invoke(cli, ["check", str(clean), str(dirty), "--dismiss", "0123456789"])
    assert bad.exit_code == 2 and "one PO file at a time" in bad.output


def test_pre_commit_hook_runs_the_check_command() -> None:
    hooks = (Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: editflow-check" in hooks and "entry: editflow check --no-color" in hooks
    assert "files: ^translations/.*\\.po$" in hooks


def test_one_normalisation_for_every_stage() -> None:
    from editflow.textnorm import normalize

    assert normalize("об’єкт обʼєкт об‘єкт об`єкт об′єкт") == "об'єкт об'єкт об'єкт об'єкт об'єкт"
    assert normalize("й") == "й" and len(normalize("й")) == 1   # и + combining breve → NFC
    assert normalize("Kyiv`s") == "Kyiv's" and normalize("plain") == "plain"
