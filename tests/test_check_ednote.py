"""Tests for the ednote.* checks and `editflow notes` (editflow.checks.ednotes)."""

from __future__ import annotations

import json
from pathlib import Path

import polib
from click.testing import CliRunner

from editflow.checks import CheckContext, make_entry, run_checks
from editflow.checks.ednotes import list_notes, sentence_around
from editflow.cli import cli
from editflow.config import Style


def _run(pairs: list[tuple[str, str]], ctx: CheckContext | None = None):
    entries = [make_entry(i, s, t) for i, (s, t) in enumerate(pairs)]
    return entries, run_checks(entries, ctx, select=["ednote"])


def test_house_format_note_is_clean_but_listed_when_the_ukrainian_has_none() -> None:
    en = "Kadyrov [the head of the Chechen Republic – ed.] spoke on Monday."
    _, found = _run([("Кадиров виступив у понеділок.", en)])
    assert [f.code for f in found] == ["ednote.unmatched"]
    assert found[0].severity == "info"
    a, b = found[0].target_span
    assert en[a:b] == "[the head of the Chechen Republic – ed.]"


def test_note_out_of_house_format_gets_the_rewritten_note_as_suggestion() -> None:
    en = "A family receives 10,000 liras (about $500 - Ed.), officials said."
    uk = "Сім'я отримує 10 тисяч лір (близько $500 – ред.), повідомили чиновники."
    _, found = _run([(uk, en)])
    assert [f.code for f in found] == ["ednote.format"]
    f = found[0]
    assert f.severity == "warning"
    assert en[f.target_span[0]:f.target_span[1]] == "(about $500 - Ed.)"
    assert f.suggestion == "[about $500 – ed.]"


def test_house_format_comes_from_the_style() -> None:
    en = "They (defenders of the city – Ed.) held on."
    uk = "Вони (оборонці міста – ред.) трималися."
    _, found = _run([(uk, en)], CheckContext(style=Style(ednote="({text} – Ed.)")))
    assert found == []
    _, found = _run([(uk, en)])
    assert [(f.code, f.suggestion) for f in found] == [("ednote.format", "[defenders of the city – ed.]")]


def test_ukrainian_note_lost_in_the_english() -> None:
    uk = "Вони (оборонці міста – ред.) трималися до ранку."
    en = "They held on until morning."
    _, found = _run([(uk, en)])
    assert [f.code for f in found] == ["ednote.lost"]
    f = found[0]
    assert uk[f.source_span[0]:f.source_span[1]] == "(оборонці міста – ред.)"
    assert f.target_span is None


def test_lost_note_kept_as_a_plain_bracket_points_at_it() -> None:
    uk = "Вони (оборонці міста – прим. ред.) трималися."
    en = "They (the city's defenders) held on."
    _, found = _run([(uk, en)])
    (f,) = found
    assert f.code == "ednote.lost" and "without a note signature" in f.message
    assert en[f.target_span[0]:f.target_span[1]] == "(the city's defenders)"


def test_two_notes_each_side_pair_up_and_the_extra_english_one_is_the_one_listed() -> None:
    uk = "Вони (росіяни – ред.) обстріляли місто (Херсон – ред.) вночі."
    en = ("They [Russians – ed.] shelled the city [Kherson – ed.] at night, hitting "
          "the Antonivskyi bridge [over the Dnipro – ed.].")
    _, found = _run([(uk, en)])
    assert [f.code for f in found] == ["ednote.unmatched"]
    a, b = found[0].target_span
    assert en[a:b] == "[over the Dnipro – ed.]"


def test_long_editors_note_is_not_held_to_the_inline_format() -> None:
    en = "[Editor's note: This story was updated on Tuesday. The toll has risen.] Rescuers worked overnight."
    uk = "(Прим. ред.: Матеріал оновлено у вівторок. Кількість жертв зросла.) Рятувальники працювали всю ніч."
    _, found = _run([(uk, en)])
    assert found == []


def test_translator_notes_are_not_held_to_the_editors_format() -> None:
    uk = "Слово «бавовна» (евфемізм вибуху – прим. перекл.) стало мемом."
    en = "The word “bavovna” (a euphemism for an explosion – transl.) became a meme."
    _, found = _run([(uk, en)])
    assert found == []


def test_untranslated_paragraph_is_left_to_the_untranslated_checks() -> None:
    _, found = _run([("Вони (оборонці міста – ред.) трималися.", "")])
    assert found == []


def test_sentence_around_ignores_the_notes_own_full_stop() -> None:
    text = "First sentence here. They [Russians – ed.] left at dawn. Last one."
    a = text.index("[")
    b = text.index("]") + 1
    assert sentence_around(text, a, b) == "They [Russians – ed.] left at dawn."


def test_list_notes_both_sides_with_context() -> None:
    e = make_entry(0, "Вони (росіяни – ред.) пішли.", "They (Russians - Ed) left.", id="p3")
    uk, en = list_notes([e])
    assert (uk.side, uk.note, uk.format_ok, uk.counterpart) == ("uk", "(росіяни – ред.)", True, "(Russians - Ed)")
    assert (en.side, en.entry, en.format_ok, en.suggestion) == ("en", "p3", False, "[Russians – ed.]")
    assert en.sentence == "They (Russians - Ed) left."


def _po(tmp_path: Path, pairs: list[tuple[str, str]]) -> Path:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for i, (s, t) in enumerate(pairs):
        po.append(polib.POEntry(msgctxt=f"p{i + 1}", msgid=s, msgstr=t))
    path = tmp_path / "story.po"
    po.save(str(path))
    return path


def test_notes_command_lists_notes_as_text_and_json(tmp_path: Path) -> None:
    path = _po(tmp_path, [("Кадиров виступив.", "Kadyrov [the head of Chechnya – ed.] spoke."),
                          ("Вони (росіяни – ред.) пішли.", "They (Russians - Ed) left.")])
    runner = CliRunner()
    r = runner.invoke(cli, ["notes", str(path)])
    assert r.exit_code == 0, r.output
    assert "[p1] en editor" in r.output and "no counterpart" in r.output
    assert "house format: [Russians – ed.]" in r.output
    assert "3 note(s), 1 not in the house format" in r.output
    r = runner.invoke(cli, ["notes", str(path), "--json"])
    data = json.loads(r.output)
    assert [(d["entry"], d["side"], d["format_ok"]) for d in data] == [
        ("p1", "en", True), ("p2", "uk", True), ("p2", "en", False)]


def test_notes_command_on_a_missing_file_exits_2(tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["notes", str(tmp_path / "nope.po")])
    assert r.exit_code == 2


def test_lost_note_points_at_the_nearest_plain_bracket() -> None:
    uk = "Мер (за даними міськради) заявив, що вони (оборонці міста – ред.) трималися."
    en = "The mayor (according to the council) said that they (the city's defenders) held on."
    (f,) = _run([(uk, en)])[1]
    assert en[f.target_span[0]:f.target_span[1]] == "(the city's defenders)"
