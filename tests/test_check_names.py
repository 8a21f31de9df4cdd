"""Tests for names.spelling and the name pairing it shares with consistency (editflow.checks.names)."""

from __future__ import annotations

import pytest

from editflow.checks import CheckContext, make_entry, run_checks
from editflow.checks.names import find_name_pairs, is_rendering, kmu
from editflow.glossary import Glossary, Term


def _found(pairs, ctx=None):
    entries = [make_entry(i, s, t) for i, (s, t) in enumerate(pairs)]
    return run_checks(entries, ctx, select=["names"])


def test_kmu_romanisation_of_lemmas() -> None:
    assert kmu("харків") == "Kharkiv"
    assert kmu("зеленський") == "Zelenskyi"
    assert kmu("мар'їнка") == "Marinka"
    assert kmu("івано-франківськ") == "Ivano-Frankivsk"


@pytest.mark.parametrize("lemma, en, ok", [
    ("харків", "Kharkiv", True), ("харків", "Kharkov", True), ("київ", "Kiev", True),
    ("зеленський", "Zelensky", True), ("зеленський", "Zelenskyy", True), ("ольга", "Olga", True),
    ("байден", "Biden", False), ("сенат", "Senate", False), ("україна", "Ukraine", False),
    ("міністерство", "Ministry", False),
])
def test_is_rendering_tells_romanisations_from_translations(lemma: str, en: str, ok: bool) -> None:
    assert is_rendering(lemma, en) is ok


def test_pairs_find_the_english_word_for_an_inflected_name() -> None:
    uk = "Удар по Харкову пошкодив школу, повідомив Олег Синєгубов."
    en = "The strike on Kharkiv damaged a school, Oleh Synehubov said."
    e = make_entry(0, uk, en)
    pairs = {p.uk: (p.lemma, p.en) for p in find_name_pairs(e)}
    assert pairs["Харкову"] == ("харків", "Kharkiv")
    assert pairs["Олег"][1] == "Oleh"


def test_russian_style_spelling_of_a_ukrainian_city_gets_the_kmu_suggestion() -> None:
    uk = "Удар по Харкову пошкодив школу."
    en = "The strike on Kharkov's outskirts damaged a school."
    (f,) = _found([(uk, en)])
    assert (f.code, f.severity, f.suggestion) == ("names.spelling", "info", "Kharkiv")
    assert en[f.target_span[0]:f.target_span[1]] == "Kharkov"
    assert uk[f.source_span[0]:f.source_span[1]] == "Харкову"


@pytest.mark.parametrize("uk, en", [
    # KMU spellings, conventional endings and exonyms.
    ("Удар по Харкову пошкодив школу.", "The strike on Kharkiv damaged a school."),
    ("Олексій Резніков прибув до Львова.", "Oleksiy Reznikov arrived in Lviv."),
    ("Президент Зеленський звернувся до Росії.", "President Zelensky addressed Russia."),
    # Foreign names in Ukrainian letters are not KMU's business.
    ("Байден зустрівся з Ердоганом у Брюсселі.", "Biden met Erdogan in Brussels."),
    ("Пітер Стівенсон приїхав до Чилі.", "Peter Stevenson came to Chile."),
    # A translated title is not a spelling.
    ("Міністерство оборони повідомило про атаку.", "The Ministry of Defence reported the attack."),
])
def test_quiet_on_conventional_and_foreign_names(uk: str, en: str) -> None:
    assert _found([(uk, en)]) == []


def test_the_glossary_spelling_wins_over_kmu() -> None:
    g = Glossary([Term(uk="Кличко", en=["Klitschko"])])
    uk = "Мер Києва Віталій Кличко заявив про відключення."
    assert _found([(uk, "Kyiv mayor Vitali Klitschko announced the outage.")], CheckContext(glossary=g)) == []


def test_a_glossary_name_is_left_to_the_glossary_checks() -> None:
    # "Kharkov" for a glossary term is glossary.missing (and glossary.forbidden when listed): no third finding.
    g = Glossary([Term(uk="Харків", en=["Kharkiv"])])
    assert _found([("Удар по Харкову.", "A strike on Kharkov.")], CheckContext(glossary=g)) == []
    assert len(_found([("Удар по Харкову.", "A strike on Kharkov.")])) == 1


def test_one_suggestion_per_name_and_at_most_a_handful_per_file() -> None:
    pairs = [("Удар по Харкову.", "A strike on Kharkov."), ("Знову Харків.", "Kharkov again.")]
    assert len(_found(pairs)) == 1
    cities = ["Харків", "Київ", "Львів", "Бердичів", "Чернігів", "Іванків"]
    spelled = ["Kharkov", "Kiev", "Lvov", "Berdichev", "Chernigov", "Ivankov"]
    many = [(f"Новини: місто {c}.", f"News: the city of {s}.") for c, s in zip(cities, spelled)]
    assert len(_found(many[:-1])) == 5
    assert len(_found(many)) == 5
