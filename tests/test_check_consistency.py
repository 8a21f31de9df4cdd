"""Tests for the consistency.* checks (editflow.checks.consistency)."""

from __future__ import annotations

from editflow.checks import CheckContext, make_entry, run_checks
from editflow.glossary import Glossary, Term


def _found(pairs, ctx=None):
    entries = [make_entry(i, s, t) for i, (s, t) in enumerate(pairs)]
    return entries, run_checks(entries, ctx, select=["consistency"])


REPEATED = "Повітряна тривога триватиме до ранку, просимо залишатися в укриттях."


def test_a_repeated_paragraph_translated_two_ways() -> None:
    pairs = [(REPEATED, "The air raid alert will last until morning; please stay in shelters."),
             ("Вибухи чули в центрі міста.", "Explosions were heard in the city centre."),
             (REPEATED, "The air-raid alert lasts till morning, stay in shelters."),
             (REPEATED, "The air raid alert will last until morning; please stay in shelters.")]
    entries, found = _found(pairs)
    (f,) = found
    assert (f.code, f.index, f.severity) == ("consistency.segment", 2, "warning")
    assert f.suggestion == pairs[0][1]
    assert f.target_span == (0, len(pairs[2][1]))


def test_repeats_that_differ_only_in_spaces_and_quote_style_are_the_same() -> None:
    pairs = [(REPEATED, "He said “stay” in shelters until morning, the mayor added."),
             (REPEATED + " ", 'He said "stay" in shelters  until morning, the mayor added.')]
    assert _found(pairs)[1] == []


def test_short_repeats_may_vary_with_context() -> None:
    assert _found([("Так, це правда.", "Yes, it is true."), ("Так, це правда.", "That's right.")])[1] == []


def test_one_name_spelled_two_ways() -> None:
    pairs = [("Зеленський провів нараду.", "Zelenskyy held a meeting."),
             ("Зеленського підтримали партнери.", "Partners backed Zelenskyy."),
             ("Заява Зеленського пролунала ввечері.", "Zelensky's statement came in the evening.")]
    _, found = _found(pairs)
    (f,) = found
    assert (f.code, f.index, f.suggestion, f.term) == ("consistency.term", 2, "Zelenskyy", "зеленський")
    a, b = f.target_span
    assert pairs[2][1][a:b] == "Zelensky"
    a, b = f.source_span
    assert pairs[2][0][a:b] == "Зеленського"


def test_a_russian_style_city_name_among_kmu_ones() -> None:
    pairs = [("Обстріл Харкова тривав годину.", "The shelling of Kharkiv lasted an hour."),
             ("У Харкові зникло світло.", "Power went out in Kharkov.")]
    (f,) = _found(pairs)[1]
    assert f.suggestion == "Kharkiv" and f.index == 1


def test_derived_words_and_translations_are_not_second_spellings() -> None:
    pairs = [("Україна отримала допомогу.", "Ukraine received aid."),
             ("Армія України наступає.", "The Ukrainian army is advancing."),
             ("Верховна Рада ухвалила закон.", "The Verkhovna Rada passed the law."),
             ("Рада ухвалила ще один закон.", "Parliament passed another law.")]
    assert _found(pairs)[1] == []


def test_glossary_spelling_variants_must_not_alternate_but_different_wordings_may() -> None:
    g = Glossary([Term(uk="Зеленський", en=["Zelenskyy", "Zelensky"]),
                  Term(uk="Верховна Рада", en=["Verkhovna Rada", "Ukrainian parliament"])])
    pairs = [("Президент виступив.", "President Zelenskyy spoke."),
             ("Президент знову виступив.", "President Zelensky spoke again."),
             ("Верховна Рада ухвалила закон.", "The Verkhovna Rada passed the law."),
             ("Верховна Рада ухвалила ще один.", "The Ukrainian parliament passed another.")]
    _, found = _found(pairs, CheckContext(glossary=g))
    (f,) = found
    assert (f.index, f.term, f.suggestion) == (1, "Зеленський", "Zelenskyy")
    a, b = f.target_span
    assert pairs[1][1][a:b] == "Zelensky"
