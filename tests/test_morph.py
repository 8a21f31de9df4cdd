"""Ukrainian lemmas and term matching through inflection."""

from __future__ import annotations

import pytest

from editflow.glossary import Term
from editflow.glossary.match import GlossaryIndex, en_text, en_variants
from editflow.glossary.morph import lemmas, normalize, term_lemmas


def test_all_parses_count_not_only_the_first():
    assert "київ" in lemmas("Києві")        # first parse is кий
    assert "харків" in lemmas("Харкові")


def test_predicted_lemma_for_unknown_word():
    assert "шахед" in lemmas("шахедів")


@pytest.mark.parametrize("form", ["об’єкта", "обʼєкта", "об‘єкта", "об`єкта", "об'єкта"])
def test_apostrophes_are_one(form):
    assert "об'єкт" in lemmas(form)


def test_nfc():
    decomposed = "Киі\u0308в"  # ї as і + combining diaeresis
    assert normalize(decomposed) == "Київ"


def test_term_in_dictionary_form_keeps_its_own_lemma():
    assert term_lemmas("Рада") >= {"рада"} and "радий" not in term_lemmas("Рада")
    assert "запорізький" in term_lemmas("Запорізька")


def test_feminine_of_a_person_noun():
    assert "депутатка" in term_lemmas("депутат")


def _find(terms, text):
    idx = GlossaryIndex(terms)
    return [(idx.terms[o.term].uk, text[o.start:o.end]) for o in idx.find_uk(text)]


TERMS = [Term("рашизм", ["rashism"]), Term("рашист", ["rashist"]), Term("Київ", ["Kyiv"]),
         Term("Запорізька АЕС", ["Zaporizhzhia NPP"]), Term("Верховна Рада", ["Verkhovna Rada"]),
         Term("мир", ["peace"]), Term("шахед", ["Shahed"]),
         Term("ЗСУ", ["Armed Forces of Ukraine"], case="exact", match="exact"),
         Term("народний депутат", ["lawmaker"]), Term("об'єкт", ["facility"])]


@pytest.mark.parametrize("text,term,form", [
    ("Ідеологія рашизму не зникла.", "рашизм", "рашизму"),
    ("Суд над рашистів тривав.", "рашист", "рашистів"),
    ("Виставка відкрилася у Києві вчора.", "Київ", "Києві"),
    ("Ситуація на Запорізької АЕС погіршилася.", "Запорізька АЕС", "Запорізької АЕС"),
    ("Рішення Верховної Ради набуло чинності.", "Верховна Рада", "Верховної Ради"),
    ("Уночі над містом збили дванадцять шахедів.", "шахед", "шахедів"),
    ("Києве мій!", "Київ", "Києве"),
    ("Підрозділи ЗСУ відійшли.", "ЗСУ", "ЗСУ"),
    ("Про це заявила народна депутатка Ірина Коваль.", "народний депутат", "народна депутатка"),
    ("Ракета влучила в обʼєкт інфраструктури.", "об'єкт", "обʼєкт"),
])
def test_inflected_forms_found_with_exact_spans(text, term, form):
    assert (term, form) in _find(TERMS, text)


@pytest.mark.parametrize("text", [
    "Абоненти Київстару скаржаться на зв'язок.",   # not Київ
    "Мирний план обговорили в Женеві.",            # not мир
    "Київський метрополітен працює.",               # an adjective is not the city
    "Мирні жителі евакуйовані.",
    "Рашистський режим",                            # adjective, not the noun
    "Зсунули дату засідання.",                      # ЗСУ is matched exactly
    "Ради, верховна.",                              # punctuation breaks a multiword term
])
def test_no_prefix_or_derivation_matches(text):
    assert _find(TERMS, text) == []


def test_multiword_words_in_order():
    assert _find(TERMS, "Рада верховна") == []


def test_case_exact_lemma_term():
    terms = [Term("Дія", ["Diia"], case="exact")]
    assert _find(terms, "Заявку подають у Дії.") == [("Дія", "Дії")]
    assert _find(terms, "Ця дія незаконна.") == []


def test_en_variants():
    assert "rashist" in en_variants("rashists")
    assert "kyiv" in en_variants("kyiv's")
    assert "lawmaker" in en_variants("lawmakers'")
    assert "agency" in en_variants("agencies")


@pytest.mark.parametrize("english", ["Kyiv's mayor", "Kyiv’s mayor", "in Kyiv", "KYIV, March 3",
                                     "the Kyiv-based fund"])
def test_english_forms_accepted(english):
    idx = GlossaryIndex([Term("Київ", ["Kyiv"])])
    assert idx.has_rendering(0, en_text(english))


def test_english_multiword_possessive_and_plural():
    idx = GlossaryIndex([Term("Верховна Рада", ["Verkhovna Rada"]), Term("народний депутат", ["member of parliament"])])
    assert idx.has_rendering(0, en_text("the Verkhovna Rada's decision"))
    assert idx.has_rendering(1, en_text("two members of parliament"))
    assert not idx.has_rendering(0, en_text("Verkhovna, Rada"))


def test_forbidden_hits_and_contexts():
    idx = GlossaryIndex([Term("Київ", ["Kyiv"], ["Kiev"], context=["Chicken Kiev"]),
                         Term("Крим", ["Crimea"], ["the Crimea"])])
    text = "Chicken Kiev is served in Kiev's cafés and in the Crimea, not at the Crimea Platform. In the Crimea. The end."
    hits = [(text[h.start:h.end], h.variant) for h in idx.find_forbidden(en_text(text))]
    assert hits == [("Kiev", "Kiev"), ("the Crimea", "the Crimea"), ("the Crimea", "the Crimea")]


def test_g_and_ghe_with_upturn_are_one_letter():
    assert _find([Term("Ґданськ", ["Gdańsk"])], "Порт у Гданську працює.") == [("Ґданськ", "Гданську")]


def test_english_abbreviation_with_full_stops():
    idx = GlossaryIndex([Term("США", ["U.S.", "US"], match="exact", case="exact")])
    assert idx.has_rendering(0, en_text("the U.S. Congress"))
    assert idx.has_rendering(0, en_text("the US Congress"))
    assert not idx.has_rendering(0, en_text("the U. N. Congress"))


@pytest.mark.parametrize("text", ["", "   ", "—", "ies", "'s", "s'", "Kiev'", "'Kiev'", "🙂 Київ 🙂", "Ки\u0308їв",
                                  "A" * 5000, "Київ" * 300, "\u200bКиїв\u200b", "Kiev\u00adKiev", "1,800 Kiev's"])
def test_odd_text_never_raises(text):
    idx = GlossaryIndex(TERMS + [Term("Київ", ["Kyiv"], ["Kiev"])])
    idx.find_uk(text)
    en = en_text(text)
    idx.find_forbidden(en)
    for i in range(len(idx.terms)):
        idx.has_rendering(i, en)
