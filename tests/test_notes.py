"""Tests for editflow.notes: finding editorial notes in both languages, and masking them."""

from __future__ import annotations

import pytest

from editflow.notes import find_notes, mask


@pytest.mark.parametrize("text, raw, body, who", [
    ("Kadyrov [the head of the Chechen Republic – ed.] spoke on Monday.",
     "[the head of the Chechen Republic – ed.]", "the head of the Chechen Republic", "editor"),
    ("They [Russians - Ed] shelled the port.", "[Russians - Ed]", "Russians", "editor"),
    ("They (defenders of the city – ed.) held on.", "(defenders of the city – ed.)", "defenders of the city", "editor"),
    ("a grant (about $300 - Ed.), paid monthly", "(about $300 - Ed.)", "about $300", "editor"),
    ("[Russians –ed.] came", "[Russians –ed.]", "Russians", "editor"),
    ("They (Russians — Editor's note) came", "(Russians — Editor's note)", "Russians", "editor"),
    ("They [Russians – ed. note] came", "[Russians – ed. note]", "Russians", "editor"),
    ("the oblast (region – Translator) said", "(region – Translator)", "region", "translator"),
    # The other kind of bracket inside a note.
    ("the Rada [Ukraine’s parliament (Verkhovna Rada) – ed.] voted",
     "[Ukraine’s parliament (Verkhovna Rada) – ed.]", "Ukraine’s parliament (Verkhovna Rada)", "editor"),
    ("[Editor's note: the Verkhovna Rada (parliament) voted again on Friday.] Then",
     "[Editor's note: the Verkhovna Rada (parliament) voted again on Friday.]",
     "the Verkhovna Rada (parliament) voted again on Friday.", "editor"),
    ("(Editors’ note: figures as of noon) The count", "(Editors’ note: figures as of noon)",
     "figures as of noon", "editor"),
    ("Вони (оборонці міста – ред.) трималися.", "(оборонці міста – ред.)", "оборонці міста", "editor"),
    ("Вони (оборонці міста – прим. ред.) трималися.", "(оборонці міста – прим. ред.)", "оборонці міста", "editor"),
    ("Вони (оборонці міста, – ред.) трималися.", "(оборонці міста, – ред.)", "оборонці міста", "editor"),
    ("Вони (за даними ООН, прим. ред.) поїхали.", "(за даними ООН, прим. ред.)", "за даними ООН", "editor"),
    ("Слово (гра слів – прим. перекл.) вжито", "(гра слів – прим. перекл.)", "гра слів", "translator"),
    ("The count [Ed.: as of noon] rose.", "[Ed.: as of noon]", "as of noon", "editor"),
    ("Це сталося (прим. ред.) вчора", "(прим. ред.)", "", "editor"),
    ("(Прим. ред.: дані на ранок) Далі", "(Прим. ред.: дані на ранок)", "дані на ранок", "editor"),
])
def test_realistic_note_variants_are_found(text: str, raw: str, body: str, who: str) -> None:
    notes = find_notes(text)
    assert [(n.raw, n.body, n.who) for n in notes] == [(raw, body, who)]
    n = notes[0]
    assert text[n.start:n.end] == raw


def test_bare_ukrainian_signature_takes_its_sentence() -> None:
    text = "Обстріл тривав годину. Ідеться про Харків – ред. Далі текст."
    (n,) = find_notes(text)
    assert (n.raw, n.style) == ("Ідеться про Харків – ред.", "bare")


@pytest.mark.parametrize("text", [
    "He met a co-ed (a co-ed from Lviv) at the station.",
    "The textbook (2nd ed.) costs more.",
    "Fans of (Ed Sheeran) queued.",
    "Fans of (Ed. Sheeran) queued.",
    "a mismatched aside (the city – ed.] here",
    "The vote (152 - 98) passed.",
    "Пішли вперед (до річки) швидко.",
])
def test_things_that_are_not_notes(text: str) -> None:
    assert find_notes(text) == []


def test_mask_keeps_offsets_and_blanks_only_the_notes() -> None:
    text = "They [Russians – ed.] left."
    masked = mask(text, find_notes(text))
    assert len(masked) == len(text)
    assert masked.startswith("They ") and masked.endswith(" left.")
    assert "Russians" not in masked
