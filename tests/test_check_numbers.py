"""numbers.* checks and the locale-aware reader behind them.

Every sentence here was written for these tests (invented news copy).
"""

from __future__ import annotations

import pytest

from editflow.checks import make_entry, run_checks
from editflow.numbers import extract_en, extract_uk, uk_numeral


def findings(uk: str, en: str, **kw):
    return run_checks([make_entry(0, uk, en, **kw)], select=["numbers"])


def codes(uk: str, en: str, **kw) -> list[str]:
    return [f.code for f in findings(uk, en, **kw)]


def values(qs) -> list[float]:
    return [v for q in qs for v in q.values[:1]]


# ---------------------------------------------------------------------------
# reading each side by its own locale
# ---------------------------------------------------------------------------

def test_ukrainian_decimal_comma_and_space_groups():
    text = "Ціна зросла на 2,5 гривні, а черга сягнула 1 800 (ще 1\u00a0800 та 1\u202f800) людей, тобто 1800."
    assert values(extract_uk(text)) == [2.5, 1800, 1800, 1800, 1800]


def test_ukrainian_comma_with_three_digits_is_ambiguous():
    (q,) = extract_uk("Вони привезли 1,800 тонн зерна.")
    assert set(q.values) == {1.8, 1800.0}


def test_ukrainian_multipliers_and_percent():
    qs = extract_uk("Збитки — 2,5 млн гривень, 3 тис. доларів, 1,2 млрд євро, 40 тисяч осіб і 15 відсотків, 7%.")
    assert values(qs) == [2_500_000, 3000, 1_200_000_000, 40_000, 15, 7]
    assert [q.percent for q in qs] == [False, False, False, False, True, True]


def test_english_locale():
    qs = extract_en("It cost $1.2bn, 48m pounds, 2.5 million people, 1,800 homes and 30 per cent more.")
    assert values(qs) == [1.2e9, 48e6, 2.5e6, 1800, 30]
    assert qs[-1].percent


def test_english_written_the_ukrainian_way_is_marked():
    qs = extract_en("It cost 2,5 million and 1\u00a0800 people came.")
    assert [(q.values[0], q.fmt) for q in qs] == [(2.5e6, "decimal-comma"), (1800, "space-group")]


@pytest.mark.parametrize("word, value", [
    ("чотирнадцять", 14), ("чотирнадцяти", 14), ("двох", 2), ("трьом", 3), ("п’ятеро", 5),
    ("півтора", 1.5), ("двохсот", 200), ("дванадцятьма", 12),
])
def test_ukrainian_numerals_in_any_case(word, value):
    assert uk_numeral(word)[1] == value


def test_ukrainian_compound_and_ordinal_words():
    qs = extract_uk("Дві тисячі двадцять четвертий рік, двадцять п'ять осіб, третій день, сотні будинків.")
    got = [(q.text, q.values[0], q.kind) for q in qs]
    assert ("двадцять п'ять", 25, "number") in got
    assert ("третій", 3, "number") in got
    assert ("сотні", 100, "vague") in got


def test_english_spelled_out():
    qs = extract_en("Fourteen soldiers, twenty-five tanks, a dozen drones, half a million people, "
                    "two and a half years, one hundred and five days.")
    assert values(qs) == [14, 25, 12, 500_000, 2.5, 105]


def test_dates_are_one_quantity():
    (q,) = extract_uk("Це сталося 24 лютого 2022 року.")
    assert q.kind == "date" and q.dates == ((2022, 2, 24),)
    (q,) = extract_en("It happened on February 24, 2022.")
    assert q.dates == ((2022, 2, 24),)
    (q,) = extract_en("It happened on 24 February 2022.")
    assert q.dates == ((2022, 2, 24),)
    (q,) = extract_uk("Документ від 24.02.2022.")
    assert q.dates == ((2022, 2, 24),)
    assert extract_uk("Це було у лютому 2022 року.")[0].dates == ((2022, 2, None),)


def test_times_12_and_24_hour():
    (u,) = extract_uk("Сирена пролунала о 14:30.")
    (e,) = extract_en("The siren sounded at 2:30 p.m.")
    assert u.kind == e.kind == "time" and 14 in u.hours and e.hours == (14,) and u.minute == e.minute == 30


def test_codes_urls_phones_and_footnotes_are_not_amounts():
    qs = extract_uk("Комплекс С-300 і літак Су-25, див. https://example.com/2022/05/report, тел. +380 44 123 45 67 [3].")
    assert [(q.kind, q.digits) for q in qs] == [("code", "300"), ("code", "25"), ("code", "441234567")]
    assert [q.kind for q in extract_en("A Shahed-136 drone hit the S-300.")] == ["code", "code"]


def test_units_glued_to_letters_are_ignored():
    assert extract_uk("Площа квартири 60 м2.") and values(extract_uk("Площа квартири 60 м2.")) == [60]


# ---------------------------------------------------------------------------
# the check: no finding where the translation is right
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("uk, en", [
    ("Ціна зросла на 2,5%.", "The price rose by 2.5%."),
    ("До міста прибули 1 800 біженців.", "Some 1,800 refugees arrived in the city."),
    ("До міста прибули 1\u00a0800 біженців.", "Some 1800 refugees arrived in the city."),
    ("Допомога склала 2,5 млн гривень.", "The aid came to 2.5 million hryvnias."),
    ("Допомога склала 2,5 млн гривень.", "The aid came to UAH 2,500,000."),
    ("Збитки оцінили у 1,2 млрд доларів.", "Losses were put at $1.2bn."),
    ("Компанія втратила 48 млн фунтів.", "The company lost £48m."),
    ("Безробіття сягнуло 15 відсотків.", "Unemployment reached 15 percent."),
    ("Безробіття сягнуло 15 відсотків.", "Unemployment reached 15 per cent."),
    ("Загинули чотирнадцять людей.", "Fourteen people were killed."),
    ("Загинули 14 людей.", "Fourteen people were killed."),
    ("Рятувальники витягли з-під завалів чотирнадцятьох людей.", "Rescuers pulled 14 people from the rubble."),
    ("Обидва лідери зустрілися з двома міністрами.", "The two leaders met 2 ministers."),
    ("Перемовини тривали півтора року.", "The talks lasted 1.5 years."),
    ("Росія вторглася 24 лютого 2022 року.", "Russia invaded on February 24, 2022."),
    ("Росія вторглася 24 лютого 2022 року.", "Russia invaded on 24 February 2022."),
    ("Росія вторглася 24.02.2022.", "Russia invaded on Feb. 24, 2022."),
    ("Росія вторглася 24 лютого.", "Russia invaded on Feb. 24."),
    ("Зустріч відбудеться у лютому 2023 року.", "The meeting will take place in February 2023."),
    ("У 2022-му врожай був меншим.", "The harvest was smaller in 2022."),
    ("Сирена пролунала о 14:30.", "The siren sounded at 2:30 p.m."),
    ("Сирена пролунала о 9 годині.", "The siren sounded at 9 a.m."),
    ("Уроки тривали 10–15 хвилин.", "Lessons lasted 10-15 minutes."),
    ("Це сталося 3-го березня у 3-й школі.", "It happened on the 3rd at the third school."),
    ("Збили комплекс С-300 і літак Су-25.", "An S-300 system and a Su-25 jet were downed."),
    ("Дрон Шахед-136 влучив у будинок № 251.", "A Shahed-136 drone hit building No. 251."),
    ("Пишіть на news@example.com або дзвоніть +380 44 123 45 67.", "Write to news@example.com or call +380 44 123 45 67."),
    ("Понад 600 тисяч людей виїхали.", "More than 600,000 people left."),
    ("Близько 1 456 осіб зареєструвалися.", "About 1,500 people registered."),
    ("Це стало доступним для 1,5 тис. родин.", "It became available to 1,500 families."),
    ("Голодомор 1932-33 років забрав мільйони життів.", "The Holodomor of 1932-1933 took millions of lives."),
    ("За минулу добу ворог втратив 24 танки.", "Over the past 24 hours the enemy lost 24 tanks."),
    ("1. Перший пункт плану.", "The first point of the plan."),
    ("Сотні людей прийшли на площу.", "Hundreds of people came to the square."),
    ("Вартість зросла удвічі.", "The cost doubled."),
    ("Вітер сягав 137 км/год на відстані 620 км від берега.", "Winds reached 85 mph 385 miles off the coast."),
    ("Вдень буде 27 °C.", "It will be 80 degrees in the afternoon."),
    ("Випало від 5 до 10 см снігу.", "Two to four inches of snow fell."),
    ("Випало 5-10 см снігу.", "2-4 inches of snow fell."),
])
def test_correct_translations_raise_nothing(uk, en):
    assert codes(uk, en) == []


def test_words_never_reported_alone():
    # "two" dropped, "one" rephrased: translators do that; no finding
    assert codes("Двоє чоловіків і одна жінка постраждали.", "A man and a woman and another man were hurt.") == []


# ---------------------------------------------------------------------------
# the check: real problems
# ---------------------------------------------------------------------------

def test_wrong_figure_is_a_mismatch_with_both_spans():
    uk = "Внаслідок атаки постраждали 1 800 людей."
    en = "The attack injured 1,900 people."
    (f,) = findings(uk, en)
    assert f.code == "numbers.mismatch" and f.severity == "error"
    assert uk[slice(*f.source_span)] == "1 800" and en[slice(*f.target_span)] == "1,900"
    assert f.suggestion == "1,800"


def test_swapped_digits_are_a_mismatch():
    assert codes("Госпіталізували 3216 пацієнтів.", "3,126 patients were hospitalised.") == ["numbers.mismatch"]


def test_wrong_multiplier_is_a_mismatch():
    assert codes("Бюджет — 2,5 млн гривень.", "The budget is 2.5 billion hryvnias.") == ["numbers.mismatch"]


def test_wrong_day_of_a_date_is_a_mismatch():
    assert codes("Росія вторглася 24 лютого 2022 року.", "Russia invaded on February 25, 2022.") == ["numbers.mismatch"]


def test_wrong_year_is_a_mismatch():
    assert codes("Завод збудували у 1986 році.", "The plant was built in 1968.") == ["numbers.mismatch"]


def test_wrong_designation_is_a_mismatch():
    assert codes("Ракету випустили з комплексу С-300.", "The missile was fired from an S-400 system.") == ["numbers.mismatch"]


def test_wrong_time_is_a_mismatch():
    assert codes("Вибух пролунав о 14:30.", "The blast was heard at 3:30 p.m.") == ["numbers.mismatch"]


def test_small_figures_one_digit_apart_among_others_are_not_a_mismatch():
    # with other figures left over too, 12 vs 10 is as likely a coincidence as a typo
    got = codes("У селі 12 будинків і 40 мешканців.", "The village has 10 houses and 35 residents.")
    assert "numbers.mismatch" not in got and got.count("numbers.missing") == 2


def test_small_figure_alone_is_a_mismatch():
    assert codes("Загинули 12 людей.", "13 people were killed.") == ["numbers.mismatch"]


def test_missing_and_extra():
    assert codes("Евакуювали 350 людей з 12 сіл.", "People were evacuated from 12 villages.") == ["numbers.missing"]
    assert codes("Людей евакуювали з 12 сіл.", "350 people were evacuated from 12 villages.") == ["numbers.extra"]


def test_date_parts_are_not_separate_findings():
    uk = "Указ підписали 24 лютого 2022 року."
    got = findings(uk, "The decree was signed in March.")
    assert [f.code for f in got] == ["numbers.missing"]
    assert uk[slice(*got[0].source_span)] == "24 лютого 2022 року"


def test_english_in_ukrainian_format():
    got = findings("Допомога склала 2,5 млн гривень.", "The aid came to 2,5 million hryvnias.")
    assert [f.code for f in got] == ["numbers.format"]
    got = findings("До міста прибули 1 800 біженців.", "Some 1\u00a0800 refugees arrived.")
    assert [(f.code, f.severity, f.suggestion) for f in got] == [("numbers.format", "info", "1,800")]


def test_bylines_only_report_mismatches():
    assert codes("Київ, 24 лютого 2023, 14:30", "Kyiv", src_roles=["byline"]) == []


def test_fuzzy_pair_mismatch_is_a_warning():
    (f,) = findings("Загинули 12 людей.", "13 people were killed.", fuzzy=True)
    assert f.severity == "warning"


def test_ignore_marker_silences_the_family():
    assert codes("Загинули 12 людей.", "13 people were killed.", ignore=["numbers"]) == []


def test_space_grouped_english_copied_from_the_ukrainian():
    got = findings("На фронт відправили 1 800 дронів.", "1 800 drones were sent to the front.")
    assert [(f.code, f.suggestion) for f in got] == [("numbers.format", "1,800")]
    # a phone number written with spaces is not a figure
    assert codes("Телефон довіри: 116 123.", "The helpline number is 116 123.") == []


def test_ukrainian_comma_thousands_both_readings():
    assert codes("Вивезли 1,800 тонн зерна.", "1.8 tonnes of grain were shipped.") == []
    assert codes("Вивезли 1,800 тонн зерна.", "1,800 tonnes of grain were shipped.") == []


def test_english_more_precise_than_the_ukrainian_is_not_rounding():
    # "about 1,500" for 1 456 is fine (above); 62 for 60 is a wrong figure
    assert codes("Справи розглядали через 60 днів.", "Cases were heard after 62 days.") == ["numbers.mismatch"]
    assert codes("Підозрюваному 30 років.", "The suspect is 31.") == ["numbers.mismatch"]


def test_years_are_never_rounded():
    assert codes("Кубок 2018 року.", "The 2010 cup.") == ["numbers.mismatch"]


def test_like_is_paired_with_like():
    # the wrong score must not hide behind the ordinal "третя"
    uk = "Це третя поразка: два голи, рахунок 2:1."
    en = "It was a third defeat: two goals, a 3-1 score."
    got = findings(uk, en)
    assert [f.code for f in got] == ["numbers.mismatch"]
    assert en[slice(*got[0].target_span)] == "3"


@pytest.mark.parametrize("uk, en", [
    ("Статую XVII століття повалили.", "The 17th-century statue was toppled."),
    ("Статую ХVII ст. повалили.", "The 17th-century statue was toppled."),
    ("Зростання 1990-х змінилося кризою.", "The boom of the nineties gave way to a crisis."),
    ("Двостороння блискавка не заїдає.", "The 2-way zip does not snag."),
    ("Площа квартири 60 м2.", "The flat is 60 square metres."),
    ("Вони прибули о 05:00.", "They arrived at 0500."),
    ("Дзвоніть на 0800 555 111.", "Call 0800 555 111."),
    ("Він знаходився за 620 км від берега.", "It was 385 miles off the coast."),
    ("Це 200 миль (322 км) від міста.", "It is 200 miles from the city."),
    ("Півмільйона людей виїхали.", "Half a million people left."),
    ("Половина опитаних погодилась.", "Half of those polled agreed."),
    ("Він прийшов до10 години.", "He came by 10 o'clock."),
    ("Чат працює цілодобово.", "The chat is open 24/7."),
])
def test_more_legitimate_transformations(uk, en):
    assert codes(uk, en) == []


def test_spans_of_a_missing_figure_with_multiplier():
    uk = "Збитки сягнули 2,5 млн гривень, повідомили в поліції."
    (f,) = findings(uk, "Police reported the losses.")
    assert f.code == "numbers.missing" and uk[slice(*f.source_span)] == "2,5 млн"
    assert "2,500,000" in f.message


def test_figures_in_words_that_differ_are_a_warning():
    (f,) = findings("Загинули чотирнадцять людей.", "Fifteen people were killed.")
    assert (f.code, f.severity) == ("numbers.mismatch", "warning")
    (f,) = findings("Поранено чотирнадцятьох людей.", "15 people were injured.")
    assert (f.code, f.severity) == ("numbers.mismatch", "warning")
    # an approximate "a dozen" is a rephrasing, not a wrong figure
    assert codes("Я та ще десять людей чекали.", "A dozen of us were waiting.") == []


def test_decades_and_hundreds_of_thousands():
    assert codes("Компанія працює понад шістдесят років.", "The firm has over 6 decades of experience.") == []
    assert codes("Поліція впорається із сотнею тисяч людей.", "The police can handle a hundred thousand people.") == []


@pytest.mark.parametrize("uk, en", [
    ("Дві третини опитаних підтримали реформу.", "Two-thirds of those polled backed the reform."),
    ("Третина бюджету піде на оборону.", "A third of the budget will go to defence."),
    ("1/3 бюджету піде на оборону.", "A third of the budget will go to defence."),
    ("Чверть шкіл зачинено.", "A quarter of schools are closed."),
    ("Закон набуде чинності з першого січня.", "The law takes effect on January 1."),
    ("Це сталося двадцять четвертого лютого.", "It happened on Feb. 24."),
    ("У дві тисячі двадцять другому році все змінилося.", "In 2022 everything changed."),
])
def test_fractions_and_dates_in_words(uk, en):
    assert codes(uk, en) == []


def test_fraction_that_differs_is_reported():
    assert "numbers.mismatch" in codes("1/3 бюджету піде на оборону.", "1/4 of the budget will go to defence.")


# A newsroom's everyday transformations: none of them is a finding.
@pytest.mark.parametrize("uk, en", [
 ("Київ, 24 лютого 2023 року", "KYIV, Feb 24, 2023"),
 ("У 2014-2015 роках ціни зросли.", "Prices rose in 2014 and 2015."),
 ("Протягом 2023 р. збудували 12 шкіл.", "Twelve schools were built in 2023."),
 ("Тридцятирічний чоловік загинув.", "A 30-year-old man was killed."),
 ("Рейтинг впав на 5 відсоткових пунктів.", "The rating fell by 5 percentage points."),
 ("Кредит становить $1,2 млрд.", "The loan is $1.2 billion."),
 ("Кредит становить 1,2 млрд дол.", "The loan is $1.2bn."),
 ("Бійці 93-ї бригади відбили атаку.", "Soldiers of the 93rd Brigade repelled the attack."),
 ("Збили Міг-29 і Ка-52, знищили Т-72.", "A MiG-29 and a Ka-52 were downed and a T-72 destroyed."),
 ("Україна отримала ЗРК С-300В4.", "Ukraine received an S-300V4 system."),
 ("Фінал Євро-2024 відбудеться в Берліні.", "The Euro 2024 final will be held in Berlin."),
 ("Рахунок 1:0 на користь «Динамо».", "Dynamo lead 1-0."),
 ("Трасу М-06 перекрили.", "The M06 highway was closed."),
 ("Його обвинувачують за ст. 438 ККУ.", "He is charged under Article 438 of the Criminal Code."),
 ("Вибухи пролунали о 6 ранку.", "Explosions were heard at 6 a.m."),
 ("Відстань 2,5 тис. км.", "The distance is 2,500 km."),
 ("Загинули понад 10 тис. людей.", "Over 10,000 people have died."),
 ("Десятки тисяч людей вийшли на протест.", "Tens of thousands of people protested."),
 ("У 2-му кварталі ВВП зріс.", "GDP grew in the second quarter."),
 ("Переговори тривали три тижні.", "The talks lasted three weeks."),
 ("Населення — 1 мільйон.", "The population is one million."),
 ("Інфляція — 0,5%.", "Inflation is 0.5%."),
 ("Вночі було -5°C.", "It was minus 5C at night."),
 ("Ціни зросли в 1,5 раза.", "Prices rose 1.5 times."),
 ("Це було 1-го та 2-го березня.", "It was on March 1 and 2."),
 ("Це тренд ХХІ століття.", "It is a 21st-century trend."),
 ("Парад відбувся 9 травня.", "The parade took place on May 9."),
 ("Фестиваль триватиме 9-10 травня.", "The festival runs May 9-10."),
 ("Виставка працюватиме з 9 по 15 травня.", "The exhibition runs from May 9 to 15."),
 ("Це було у 90-х.", "That was in the 1990s."),
 ("Ракета пролетіла 300 км за 5 хвилин.", "The missile flew 300 kilometres in five minutes."),
 ("Вартість — 100 грн.", "It costs UAH 100."),
 ("ТОП-10 подій тижня.", "Top 10 events of the week."),
 ("На засіданні 15.03.2023 ухвалили рішення.", "The decision was taken at the March 15, 2023 meeting."),
 ("Зарплата — 20 тисяч гривень.", "The salary is 20,000 hryvnias."),
 ("Зарплата — 20 тисяч гривень.", "The salary is UAH 20k."),
 ("Понад 8 млн українців виїхали.", "More than eight million Ukrainians have left."),
 ("Кожен п'ятий опитаний не знав.", "One in five respondents did not know."),
 ("Дві третини території звільнено.", "Two thirds of the territory has been liberated."),
 ("Обстріл тривав 2 години.", "The shelling lasted two hours."),
 ("Це відбулося в ніч на 5 жовтня.", "It happened overnight into October 5."),
 ("Проект вартістю 3,5 млрд грн.", "A UAH 3.5 billion project."),
 ("У вересні 2022 року ЗСУ звільнили Ізюм.", "Ukrainian forces liberated Izium in September 2022."),
 ("З 2022-го по 2024-й рік.", "From 2022 to 2024."),
 ("Опитування провели 1–5 березня серед 2 000 респондентів.", "The poll was conducted on March 1-5 among 2,000 respondents."),
 ("Лише 5 з 10 дронів збили.", "Only five of the 10 drones were shot down."),
 ("Він отримав 7 років ув'язнення.", "He was sentenced to seven years in prison."),
 ("Швидкість до 900 км/год.", "A speed of up to 560 mph."),
 ("Вага — 250 кг.", "It weighs 550 pounds."),
 ("Понад півтори тисячі військових.", "More than 1,500 troops."),
 ("Перший заступник міністра.", "The first deputy minister."),
 ("Двоє дітей загинули, ще троє поранені.", "Two children were killed and three injured."),
 ("Україна посіла 2-ге місце.", "Ukraine came second."),
 ("Телефон гарячої лінії 0 800 500 225.", "The hotline number is 0 800 500 225."),
 ("Номер рейсу PS-752.", "Flight number PS752."),
 ("За добу 17 атак.", "17 attacks in the past day."),
 ("Уряд виділив 1,5 млрд на відбудову.", "The government allocated 1.5 billion for reconstruction."),
 ("Станом на 10:00 4 квітня.", "As of 10 a.m. on April 4."),
 ("Станом на 10:00 4 квітня.", "As of 10:00 on 4 April."),
])
def test_everyday_newsroom_pairs_raise_nothing(uk, en):
    assert codes(uk, en) == []


def test_a_changed_percentage_is_one_error():
    # two percentages counting the same thing: a changed figure, not two warnings
    (f,) = findings("Вартість зросла на 15%.", "The cost rose by 50%.")
    assert (f.code, f.severity) == ("numbers.mismatch", "error")
    assert f.message.startswith("“15%” → “50%”")


def test_lone_pair_of_the_same_sort_is_one_mismatch_warning():
    # two dates differing in every field: likely one for the other, but no typo we recognise
    (f,) = findings("Засідання відбудеться 3 березня.", "The meeting will be held on April 17.")
    assert (f.code, f.severity) == ("numbers.mismatch", "warning")


def test_english_grouping_thousands_with_a_point():
    (f,) = findings("Понад 1 800 людей виїхали.", "More than 1.800 people left.")
    assert (f.code, f.suggestion) == ("numbers.format", "1,800")
    assert codes("Рівень зріс на 1,8 метра.", "The level rose by 1.800 metres.") == []


@pytest.mark.parametrize("uk, en", [
    ("Росія вторглася 24 лютого 2022 року.", "Russia invaded on February 24, 2021."),
    ("Росія вторглася 24 лютого 2022 року.", "Russia invaded on March 24, 2022."),
    ("Інфляція — 26,6%.", "Inflation is 26.9%."),
    ("Бійці 93-ї бригади відбили атаку.", "Soldiers of the 92nd Brigade repelled the attack."),
    ("Зарплата — 20 тисяч гривень.", "The salary is 2,000 hryvnias."),
    ("Понад 600 тисяч людей виїхали.", "More than 60,000 people left."),
])
def test_wrong_figures_are_errors(uk, en):
    assert [(f.code, f.severity) for f in findings(uk, en)] == [("numbers.mismatch", "error")]


def test_a_year_written_apart_from_its_date():
    assert codes("14 січня 2023 р., 22:26.", "January 14th, 10:26 PM, 2023.") == []


def test_a_mile_and_a_phone_number_in_a_sentence():
    assert codes("Аварія сталася за 1,6 км звідси.", "The crash happened about a mile away.") == []
    assert codes("Подзвоніть до служби безкоштовно: 116 123.", "Call the helpline free on 116 123.") == []


def test_for_the_nth_time():
    assert codes("АЕС удесяте залишилася без живлення.", "The plant lost power for the 10th time.") == []


def test_a_currency_conversion_added_in_brackets():
    assert codes("Місто виділило 100 млн грн на укриття.",
                 "The city allocated UAH 100 million ($2.7 million) for shelters.") == []
    assert codes("Місто виділило 100 млн грн на укриття.",
                 "The city allocated UAH 100 million (about €2.5m) for shelters.") == []


def test_a_time_in_another_zone_is_converted():
    # Kyiv is UTC+2 in winter, UTC+3 in summer: 15:00 is 13:00 or 12:00 GMT
    assert codes("Засідання почнеться о 15:00.", "The meeting starts at 13:00 GMT.") == []
    assert codes("Засідання почнеться о 15:00.", "The meeting starts at 12:00 GMT.") == []
    (f,) = findings("Засідання почнеться о 15:00.", "The meeting starts at 14:00 GMT.")
    assert (f.code, f.severity) == ("numbers.mismatch", "error")
    assert "15:00 Kyiv time is 13:00 in winter, 12:00 in summer, UTC" in f.message


def test_a_time_in_a_zone_we_cannot_place_is_only_a_warning():
    (f,) = findings("Засідання почнеться о 15:00.", "The meeting starts at 16:00 local time.")
    assert (f.code, f.severity) == ("numbers.mismatch", "warning")


def test_rounding_needs_a_hedge():
    assert codes("Близько 1 456 осіб зареєструвалися.", "About 1,500 people registered.") == []
    assert codes("Зареєструвалися 1 456 осіб.", "Nearly 1,500 people registered.") == []
    # "40" for 41 with nothing said is a wrong figure, not a rounding
    assert codes("41-річному репперу це не сподобалось.", "The rapper, 40, did not like it.") \
        == ["numbers.mismatch"]


def test_half_an_inch():
    assert codes("Може випасти понад 1,27 см опадів.", "Over half an inch of rain may fall.") == []


@pytest.mark.parametrize("uk, en", [
    ("Збитки сягнули 1 млн 200 тис. гривень.", "Losses reached UAH 1.2 million."),
    ("Ремонт коштував 2 тис. 500 гривень.", "The repair cost UAH 2,500."),
    ("Вибухи пролунали в ніч на 24 лютого.", "Explosions rang out overnight on Feb. 23."),
    ("Вибухи пролунали в ніч на 24 лютого.", "Explosions rang out early on Feb. 24."),
    ("Населення міста — 1 456 000 осіб.", "The city has a population of 1.46 million."),
    ("Втрати ворога — 250 тисяч.", "Enemy losses stand at a quarter of a million."),
])
def test_compound_sums_nights_and_million_style(uk, en):
    assert codes(uk, en) == []


# More of the same: codes with letters on both sides, curfews, school years, rates.
@pytest.mark.parametrize("uk, en", [
 ("У 2023 році загинули 25 журналістів, у 2022-му — 24.", "25 journalists were killed in 2023 and 24 in 2022."),
 ("Фестиваль пройде з 1 по 3 березня.", "The festival runs March 1-3."),
 ("Станом на 9:00 28 лютого.", "As of 9 a.m. on Feb. 28."),
 ("Поїзд вирушає о 7:30 ранку.", "The train leaves at 7.30am."),
 ("Гол на 15-й хвилині.", "A goal in the 15th minute."),
 ("У 2023/2024 навчальному році.", "In the 2023-24 school year."),
 ("Рейс МН17 збили у 2014 році.", "Flight MH17 was downed in 2014."),
 ("Бомбардувальник Ту-22М3 випустив ракети Х-101.", "A Tu-22M3 bomber fired Kh-101 missiles."),
 ("Комендантська година з 22:00 до 06:00.", "Curfew from 10 p.m. to 6 a.m."),
 ("Магазин працює з 8:00 до 20:00.", "The shop is open from 8 a.m. to 8 p.m."),
 ("Це за 2 км від центру.", "It is 1.2 miles from the centre."),
 ("Понад 40 млн людей.", "More than 40 million people."),
 ("69-річний пенсіонер загинув.", "A pensioner, aged 69, was killed."),
 ("Олімпіада-2024 пройде в Парижі.", "The 2024 Olympics will be held in Paris."),
 ("Він — ракетка №1 світу.", "He is the world No. 1."),
 ("Українка посіла третє місце.", "The Ukrainian came 3rd."),
 ("Потепління на 1,5 градуса.", "Warming of 1.5C."),
 ("Україна виграла 2:0.", "Ukraine won 2-0."),
 ("Він загинув у 1-му турі.", "He fell in the first round."),
 ("Злива тривала 24 години на добу.", "The rain fell 24 hours a day."),
 ("Зарплата — 15 тис. грн (близько $400).", "The salary is UAH 15,000."),
 ("Головне — 5 пунктів плану:", "The five points of the plan are:"),
 ("Закон №5655 ухвалили 10 травня.", "Law No. 5655 was passed on May 10."),
 ("Україна отримала 31 танк Abrams M1A1.", "Ukraine received 31 M1A1 Abrams tanks."),
 ("Ракета Р-360 «Нептун».", "An R-360 Neptune missile."),
 ("На 2,8% більше, ніж у 2022-му.", "2.8% more than in 2022."),
 ("Стаття 110 ККУ передбачає до 15 років.", "Article 110 of the Criminal Code carries up to 15 years."),
 ("Через 3 тижні.", "In three weeks."),
 ("Втрати ворога — 250 000 осіб.", "Enemy losses stand at 250,000."),
 ("Втрати ворога — 250 тисяч.", "Enemy losses stand at a quarter of a million."),
 ("Середня зарплата — 17 442 грн.", "The average salary is UAH 17,442."),
 ("Курс — 36,57 грн/$.", "The rate is 36.57 hryvnias to the dollar."),
 ("Інфляція сповільнилася до 5,1% у грудні.", "Inflation slowed to 5.1% in December."),
 ("ВВП зріс на 5,3% у 2023 р.", "GDP grew 5.3% in 2023."),
])
def test_more_newsroom_pairs_raise_nothing(uk, en):
    assert codes(uk, en) == []


def test_unrelated_designations_are_not_a_mismatch():
    assert "numbers.mismatch" not in codes("Знищено танк Т-72.", "An F-16 was seen.")
    assert codes("Збили літак Су-25.", "A Su-27 jet was shot down.") == ["numbers.mismatch"]


def test_times_far_apart_are_only_a_warning():
    (f,) = findings("Засідання почнеться о 15:00.", "The meeting starts at 9:20.")
    assert (f.code, f.severity) == ("numbers.mismatch", "warning")
    (f,) = findings("Засідання почнеться о 15:00.", "The meeting starts at 9:00 Ankara time.")
    assert (f.code, f.severity) == ("numbers.mismatch", "warning")
    # Washington is UTC-5: 15:00 in Kyiv (UTC+2) is 8:00 there
    assert codes("Засідання почнеться о 15:00.", "The meeting starts at 8:00 Washington time.") == []


def test_byline_mismatch_is_a_warning():
    (f,) = findings("Київ, 24 лютого 2023, 14:30", "Kyiv, Feb. 24, 2023, 15:30", src_roles=["byline"])
    assert (f.code, f.severity) == ("numbers.mismatch", "warning")


def test_a_wrong_figure_inside_a_bracketed_conversion():
    got = findings("Пінта коштує 25 фунтів (35 доларів).", "A pint costs £25 ($36).")
    assert [(f.code, f.severity) for f in got] == [("numbers.mismatch", "error")]


@pytest.mark.parametrize("uk, en", [
    ("Два з половиною мільйони людей виїхали.", "2.5 million people have left."),
    ("Війна триває три з половиною роки.", "The war has gone on for 3.5 years."),
    ("Півтора мільйона осіб отримали допомогу.", "One and a half million people got aid."),
])
def test_and_a_half(uk, en):
    assert codes(uk, en) == []


def test_hedged_times():
    assert codes("Вибух пролунав о 14:28.", "The blast was heard at about 2:30 p.m.") == []
    assert codes("Вибух пролунав близько 14:30.", "The blast was heard at 2:20 p.m.") == []
    assert codes("Вибух пролунав о 14:28.", "The blast was heard at 2:30 p.m.") == ["numbers.mismatch"]


def test_compound_ordinal_in_words():
    assert codes("Це сталося 24-го.", "It happened on the twenty-fourth.") == []
    assert codes("Це сталося 24 лютого.", "It happened on the twenty-fourth of February.") == []
    assert codes("Це сталося першого березня.", "It happened on the first of March.") == []


# ---------------------------------------------------------------------------
# issue 15: signed quantities, conversions, changed figures, scales, swaps, zones
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("uk, en", [
    ("Вночі температура опуститься до −10 °C.", "At night the temperature will drop to −10 °C (14 °F)."),
    ("Уночі мінус 5 градусів.", "Overnight it will be minus 5 degrees (23 °F)."),
    ("Форвард зростом 198 см підписав контракт.", "The 6-foot-6 forward signed a contract."),
    ("Вибух пролунав о 3:15.", "The explosion was heard at 3:15 a.m. (UTC+2)."),
    ("Уночі було 5 градусів морозу.", "It was five degrees below zero overnight."),
])
def test_what_the_issue_saw_flagged_is_right(uk, en):
    assert codes(uk, en) == []


def test_a_wrong_conversion_below_zero_shows_the_right_value():
    (f,) = findings("Температура опуститься до −10 °C.", "The temperature will drop to −10 °C (50 °F).")
    assert (f.code, f.severity) == ("numbers.conversion", "error")
    assert f.message == "−10 °C = 14 °F; the English says 50 °F"
    assert f.suggestion == "14 °F"


def test_a_lost_sign_is_an_error():
    uk = "Вдень +3, вночі −3."
    (f,) = findings(uk, "3 degrees in the daytime, 3 at night.")
    assert (f.code, f.severity) == ("numbers.mismatch", "error")
    assert uk[slice(*f.source_span)] == "−3" and "drops the minus" in f.message
    (f,) = findings("Вночі очікується −10 °C.", "At night 10 °C is expected.")
    assert (f.code, f.severity) == ("numbers.mismatch", "error")


def test_a_sign_the_words_carry_is_no_finding():
    assert codes("Індекс впав на −2,3%.", "The index fell 2.3%.") == []


@pytest.mark.parametrize("uk, en", [
    ("До кордону 120 км.", "The border is 75 miles away."),
    ("Висота греблі — 30 м.", "The dam is 98 feet high."),
    ("Його зріст 180 см.", "He is 5'11\" tall."),
    ("Вага боєголовки — 450 кг.", "The warhead weighs 1,000 pounds."),
    ("Пожежа знищила 15 000 гектарів лісу.", "The fire destroyed 15,000 hectares (37,000 acres) of forest."),
    ("Цистерна на 20 000 літрів.", "A 5,300-gallon tank."),
    ("Вдень буде 27 °C.", "It will be 81 °F in the afternoon."),
    ("Потепління на 2 °C вже відчутне.", "A warming of 2 °C (3.6 °F) is already felt."),
    ("Уряд виділив 3,7 млрд грн.", "The government allocated UAH 3.7 billion ($100 million at UAH 37 to the dollar)."),
    ("Місто виділило 100 млн грн.", "The city allocated UAH 100 million ($2.7 million)."),  # no rate: on trust
])
def test_right_conversions(uk, en):
    assert codes(uk, en) == []


@pytest.mark.parametrize("uk, en, message", [
    ("До кордону 120 км.", "The border is 120 miles away.", "120 km = 75 miles; the English says 120 miles"),
    ("Хвилі заввишки до 6 метрів.", "Waves up to 6 feet high.", "6 m = 20 ft; the English says 6 ft"),
    ("Форвард зростом 198 см.", "The 6-foot-2 forward.", "198 cm = 6 ft 6 in; the English says 6 ft 2 in"),
    ("Посилка важить 5 кг.", "The parcel weighs 5 lb.", "5 kg = 11 lb; the English says 5 lb"),
    ("Ферма площею 200 га.", "A 200-acre farm.", "200 ha = 494 acres; the English says 200 acres"),
    ("Цистерна на 20 000 літрів.", "A 20,000-liter (2,000-gallon) tank.",
     "20,000 l = 5,283 gallons; the English says 2,000 gallons"),
    ("Вдень буде 27 °C.", "It will be 70 °F in the afternoon.", "27 °C = 81 °F; the English says 70 °F"),
    ("Контракт на 740 млн грн.", "A $200 million contract (at 37 hryvnias to the dollar).",
     "UAH 740 million at 37 UAH per USD = $20 million; the English says $200 million"),
])
def test_wrong_conversions_are_errors_that_show_the_right_value(uk, en, message):
    (f,) = findings(uk, en)
    assert (f.code, f.severity, f.message) == ("numbers.conversion", "error", message)


def test_a_changed_figure_is_one_error():
    uk, en = "Пожежа знищила 15 000 гектарів лісу.", "The fire destroyed 50,000 hectares of forest."
    (f,) = findings(uk, en)
    assert (f.code, f.severity) == ("numbers.mismatch", "error")
    assert f.message.startswith("“15 000” (15,000) → “50,000”")
    assert uk[slice(*f.source_span)] == "15 000" and en[slice(*f.target_span)] == "50,000"
    # the same noun in both languages makes two figures comparable
    (f,) = findings("Армія отримала 31 танк.", "The army received 18 tanks.")
    assert (f.code, f.severity) == ("numbers.mismatch", "error")


def test_two_figures_for_different_things_are_not_a_changed_figure():
    got = codes("Евакуювали 350 людей.", "Engineers repaired 90 bridges.")
    assert sorted(got) == ["numbers.extra", "numbers.missing"]


@pytest.mark.parametrize("uk, en", [
    ("Півмільйона людей виїхали.", "Half a billion people left."),
    ("Десятки тисяч людей вийшли на вулиці.", "Hundreds of thousands of people took to the streets."),
    ("Громада виділила 20 тис. гривень.", "The community allocated UAH 20 million."),
    ("Тисячі людей залишилися без світла.", "Hundreds of people were left without power."),
    ("Експорт — три мільйони тонн зерна.", "Exports reached three billion tonnes of grain."),
])
def test_a_changed_scale_is_an_error(uk, en):
    (f,) = findings(uk, en)
    assert (f.code, f.severity) == ("numbers.mismatch", "error") and "another scale" in f.message


@pytest.mark.parametrize("uk, en", [
    ("Десятки тисяч людей вийшли на вулиці.", "Tens of thousands of people took to the streets."),
    ("Сотні тисяч біженців повернулися.", "Hundreds of thousands of refugees have returned."),
    ("Україна отримала півтора мільйона доз.", "Ukraine received 1.5 million doses."),
    ("Кілька тисяч людей прийшли.", "Several thousand people came."),
])
def test_scales_on_both_sides(uk, en):
    assert codes(uk, en) == []


def test_swapped_figures_are_a_warning_naming_both_bindings():
    uk, en = "Загинули 8 людей, ще 14 поранені.", "14 people were killed and 8 injured."
    (f,) = findings(uk, en)
    assert (f.code, f.severity) == ("numbers.swapped", "warning")
    assert uk[slice(*f.source_span)] == "8" and en[slice(*f.target_span)] == "8"
    assert "killed" in f.message and "wounded" in f.message
    assert codes(uk, "Eight people were killed and 14 injured.") == []
    assert codes("14 поранених і 8 загиблих.", "8 killed and 14 wounded.") == []


@pytest.mark.parametrize("uk, en", [
    ("Засідання почнеться о 18.30.", "The meeting starts at 6:30 p.m."),
    ("Засідання почнеться о 18:30.", "The meeting starts at 18:30."),
    ("Мітинг почнеться о 18-й.", "The rally starts at 6 p.m."),
    ("Трансляція о 20:00 за київським часом.", "The broadcast starts at 8 p.m. Kyiv time (GMT+3)."),
    ("Документ датовано 03.04.2022.", "The document is dated April 3, 2022."),
    ("Документ датовано 03.04.2022.", "The document is dated 3 April 2022."),
])
def test_times_dates_and_zones(uk, en):
    assert codes(uk, en) == []


def test_a_wrong_time_in_kyivs_own_zone_is_an_error():
    (f,) = findings("Вибух пролунав о 3:15.", "The explosion was heard at 4:15 a.m. (UTC+2).")
    assert (f.code, f.severity) == ("numbers.mismatch", "error")
    assert "03:15 Kyiv time is 03:15 in winter, 02:15 in summer, UTC+2; the English says 04:15" in f.message


def test_day_and_month_swapped_is_a_mismatch():
    (f,) = findings("Документ датовано 03.04.2022.", "The document is dated March 4, 2022.")
    assert (f.code, f.severity) == ("numbers.mismatch", "error") and "day and month swapped" in f.message


def test_a_year_named_by_two_digits_and_a_bracketed_gloss():
    assert codes("Колекція весна-літо 2019 року.", "The SS19 collection.") == []
    assert codes("Шоу 60 Minutes (60 хвилин) вийшло.", "The 60 Minutes show aired.") == []
