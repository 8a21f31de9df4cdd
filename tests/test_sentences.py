"""Sentence splitting (editflow.sentences): Ukrainian and English abbreviations, initials, numbers, quotes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editflow.sentences import sentence_spans, split_paragraphs, split_sentences


@pytest.mark.parametrize("text, expected", [
    # Ukrainian abbreviations that stand before a name or a number never end a sentence.
    ("Мітинг відбувся в м. Харків на вул. Сумській. Поліція стежила за порядком.",
     ["Мітинг відбувся в м. Харків на вул. Сумській.", "Поліція стежила за порядком."]),
    ("Згідно зі ст. 15 Конституції це заборонено. Суд погодився.",
     ["Згідно зі ст. 15 Конституції це заборонено.", "Суд погодився."]),
    ("Бойовики т. зв. «ДНР» обстріляли село. Є поранені.",
     ["Бойовики т. зв. «ДНР» обстріляли село.", "Є поранені."]),
    ("Школа ім. Шевченка відкрилася. Учні повернулися.", ["Школа ім. Шевченка відкрилася.", "Учні повернулися."]),
    ("Приїхали проф. Коваль та акад. Петренко. Вони виступили.",
     ["Приїхали проф. Коваль та акад. Петренко.", "Вони виступили."]),
    # Abbreviations that may close a sentence do so when a sentence plainly starts after them.
    ("Привезли генератори, ковдри та ін. Наступна партія буде в травні.",
     ["Привезли генератори, ковдри та ін.", "Наступна партія буде в травні."]),
    ("Купили хліб, молоко і т. д. Потім пішли додому.", ["Купили хліб, молоко і т. д.", "Потім пішли додому."]),
    ("Це сталося у 2014 р. Відтоді місто змінилося.", ["Це сталося у 2014 р.", "Відтоді місто змінилося."]),
    ("У 2014 р. Росія анексувала Крим. Це незаконно.", ["У 2014 р. Росія анексувала Крим.", "Це незаконно."]),
    ("Збитки сягнули 5 млн грн. За словами мера, це лише початок.",
     ["Збитки сягнули 5 млн грн.", "За словами мера, це лише початок."]),
    # English titles, dotted abbreviations, months.
    ("Mr. Smith met Dr. Jones in St. Petersburg. They talked.",
     ["Mr. Smith met Dr. Jones in St. Petersburg.", "They talked."]),
    ("He lives in the U.S. The weather there is fine.", ["He lives in the U.S.", "The weather there is fine."]),
    ("U.S. President Joe Biden spoke. Nobody replied.", ["U.S. President Joe Biden spoke.", "Nobody replied."]),
    ("The talks began on Jan. 5 in Geneva. They failed.", ["The talks began on Jan. 5 in Geneva.", "They failed."]),
    ("The meeting ended at 5 p.m. The minister left.", ["The meeting ended at 5 p.m.", "The minister left."]),
    ("See Art. 5 and No. 12 for details. Thanks.", ["See Art. 5 and No. 12 for details.", "Thanks."]),
    ("They sold phones, laptops, etc. The shop closed.", ["They sold phones, laptops, etc.", "The shop closed."]),
])
def test_abbreviations(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("О. Мельник і В. В. Петренко прибули. Їх зустріли.", ["О. Мельник і В. В. Петренко прибули.", "Їх зустріли."]),
    ("J. K. Rowling wrote it. It sold well.", ["J. K. Rowling wrote it.", "It sold well."]),
    ("Директорка школи О.Мельник подякувала. Свято тривало.", ["Директорка школи О.Мельник подякувала.",
                                                                "Свято тривало."]),
    ("Виступив Дж. Байден. Зал аплодував.", ["Виступив Дж. Байден.", "Зал аплодував."]),
    # An initial-looking capital before a sentence start is the end of one.
    ("Він змінив ім'я на Є. У суботу про це оголосили.", ["Він змінив ім'я на Є.", "У суботу про це оголосили."]),
    ("It happened after World War I. As a result, borders moved.",
     ["It happened after World War I.", "As a result, borders moved."]),
])
def test_initials(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Інфляція сягнула 2.5 відсотка, а курс — 41,2 гривні. Уряд відреагував.",
     ["Інфляція сягнула 2.5 відсотка, а курс — 41,2 гривні.", "Уряд відреагував."]),
    ("Рахунок 3:1. 15 тисяч глядачів раділи.", ["Рахунок 3:1.", "15 тисяч глядачів раділи."]),
    ("The rate rose to 3.75 per cent. 1,200 jobs went.", ["The rate rose to 3.75 per cent.", "1,200 jobs went."]),
    ("Кроки такі: 1. Відкрийте файл. 2. Збережіть його.", ["Кроки такі: 1. Відкрийте файл.", "2. Збережіть його."]),
    ("1. Перше. 2. Друге.", ["1. Перше.", "2. Друге."]),
    ("Сайт kyiv.gov.ua. Там усе є.", ["Сайт kyiv.gov.ua.", "Там усе є."]),
    # An amount's unit after a number: a capital after it starts a sentence, a lower-case noun does not.
    ("Прибуло приблизно 500 тис. Українці не забудуть.", ["Прибуло приблизно 500 тис.", "Українці не забудуть."]),
    ("Це коштувало 5 тис. гривень. Потім ще.", ["Це коштувало 5 тис. гривень.", "Потім ще."]),
    ("Бюджет — 3 млрд. Решту дадуть партнери.", ["Бюджет — 3 млрд.", "Решту дадуть партнери."]),
    ("Він заплатив 375 000 дол. США за мовчання.", ["Він заплатив 375 000 дол. США за мовчання."]),
    # Words of one letter: "є" and "я" end sentences; an initial does not.
    ("Проблема є. Наш президент мав ідею.", ["Проблема є.", "Наш президент мав ідею."]),
    ("У тебе є я. Ти знаєш це.", ["У тебе є я.", "Ти знаєш це."]),
    ("Автор — Я. Петренко, історик.", ["Автор — Я. Петренко, історик."]),
])
def test_numbers(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize("text, expected", [
    # Ukrainian dialogue: the author's words after the quote belong to it; a dash opens a new line.
    ("«Ми повернулися додому», — сказала директорка. За її словами, все гаразд.",
     ["«Ми повернулися додому», — сказала директорка.", "За її словами, все гаразд."]),
    ("«Ми переможемо!» — сказав він. — А ви?", ["«Ми переможемо!» — сказав він.", "— А ви?"]),
    ('"We will win!" he said. "Really?" she asked.', ['"We will win!" he said.', '"Really?" she asked.']),
    ("He said: “It is over.” Then he left.", ["He said: “It is over.”", "Then he left."]),
    ("Вона відповіла: «Так. Я прийду». Ми чекали.", ["Вона відповіла: «Так.", "Я прийду».", "Ми чекали."]),
    # Ellipses end a sentence only before a capital.
    ("Він чекав... А потім пішов. Вона чекала… і пішла теж.",
     ["Він чекав...", "А потім пішов.", "Вона чекала… і пішла теж."]),
    ("Що сталося?! Ніхто не знає.", ["Що сталося?!", "Ніхто не знає."]),
])
def test_quotes_and_punctuation(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize("text, expected", [
    # An editor's note stays with its sentence, whatever its full stops.
    ("The Rada [Ukraine's parliament – ed.] voted. It adjourned.",
     ["The Rada [Ukraine's parliament – ed.] voted.", "It adjourned."]),
    ("Said Kuleba [the foreign minister – ed.]. Then he left.",
     ["Said Kuleba [the foreign minister – ed.].", "Then he left."]),
    ("Так заявив речник (див. ст. 5 Закону). Далі буде.", ["Так заявив речник (див. ст. 5 Закону).", "Далі буде."]),
    # A bracket of whole sentences is a sentence of its own.
    ("First. [Editor's note: The article was updated. It says more now.] Next one.",
     ["First.", "[Editor's note: The article was updated. It says more now.]", "Next one."]),
    # Names written in lower case on purpose start a sentence.
    ("Війна триває. росія обстрілює міста.", ["Війна триває.", "росія обстрілює міста."]),
    # Lower case after a full stop is no new sentence otherwise.
    ("Він сказав «ок.» і пішов.", ["Він сказав «ок.» і пішов."]),
])
def test_brackets_notes_and_case(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_line_breaks_and_paragraphs() -> None:
    # Shift+Enter before a capital is a break; a wrapped line in mid-sentence is not.
    assert split_sentences("Перший рядок вірша\nДругий рядок вірша") == ["Перший рядок вірша", "Другий рядок вірша"]
    assert split_sentences("Речення, що\nпродовжується.") == ["Речення, що\nпродовжується."]
    assert split_paragraphs(["Одне. Два.", "Три"]) == ["Одне.", "Два.", "Три"]
    assert split_sentences("") == [] and split_sentences("   ") == []
    assert split_sentences("Без крапки в кінці") == ["Без крапки в кінці"]


@given(st.lists(st.sampled_from(["Слово", "слово", "м.", "О.", "2014", "р.", "U.S.", "«Так!»", "—", "…", "(див.",
                                 "ст.", "5).", "Mr.", "The", "end.", "?", "\n", "[note", "– ed.]"]),
                max_size=25))
def test_spans_cover_the_text_in_order(words: list[str]) -> None:
    text = " ".join(words)
    spans = sentence_spans(text)
    # Sentences are pieces of the text, in order, not overlapping; only white space falls between them.
    assert all(a < b for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:], strict=False))
    rest = text
    for a, b in reversed(spans):
        rest = rest[:a] + rest[b:]
    assert not rest.strip()
