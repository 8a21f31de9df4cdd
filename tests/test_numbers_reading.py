"""editflow.numbers: signs, units and their tolerance, feet and inches, money and rates, zones, scales, roles.

Every sentence here was written for these tests (invented news copy).
"""

from __future__ import annotations

import pytest

from editflow.numbers import Quantity, extract_en, extract_uk
from editflow.numbers.compare import Sides, changed, score, times_agree
from editflow.numbers.money import rates
from editflow.numbers.roles import role_of, swapped
from editflow.numbers.units import consistent, convert, half_step
from editflow.numbers.zones import KYIV, zone_after


def one(qs: list[Quantity]) -> Quantity:
    assert len(qs) == 1, [q.text for q in qs]
    return qs[0]


# --- signs ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value, span", [
    ("Вночі −10 °C.", -10, "−10"),
    ("Вночі –8 °C.", -8, "–8"),
    ("Вночі -12 °C.", -12, "-12"),
    ("Уночі мінус 5 градусів.", -5, "мінус 5"),
    ("Уночі було 5 градусів морозу.", -5, "5"),
    ("Температура впала до 7 градусів нижче нуля.", -7, "7"),
    ("Температура сягне +35 °C.", 35, "+35"),
])
def test_ukrainian_signs(text, value, span):
    q = one(extract_uk(text))
    assert q.values[0] == value and q.text == span and q.sign == (1 if value > 0 else -1)


@pytest.mark.parametrize("text, value", [
    ("It was minus 15C overnight.", -15), ("Lows of −58 °F.", -58), ("Five degrees below zero.", -5),
    ("Up to plus 3 by noon", 3),
])
def test_english_signs(text, value):
    q = next(q for q in extract_en(text) if q.kind == "number")
    assert q.values[0] == value


@pytest.mark.parametrize("text", ["Lessons lasted 10-15 minutes.", "The S-300 and COVID-19.", "The 2022-23 season.",
                                  "Ukraine won 2-0."])
def test_a_hyphen_between_figures_or_after_letters_is_no_sign(text):
    assert all(q.sign == 0 and all(v >= 0 for v in q.values) for q in extract_en(text))


# --- units and the rounding tolerance --------------------------------------------------------------

def test_temperature_conversion_keeps_the_sign():
    assert convert(-10, "c", "f") == [14.0]
    assert convert(5, "c", "f", difference=True) == [9.0]
    assert convert(80, "deg", "c") == [80, pytest.approx(26.67, abs=0.01)]


def test_half_step_is_the_precision_shown():
    assert half_step(one(extract_en("It is 27 °C."))) == 0.5
    assert half_step(one(extract_en("He is 1.83 m tall."))) == pytest.approx(0.005)
    assert half_step(one(extract_en("It flew 33,000 feet."))) == 500     # two significant digits kept
    assert half_step(one(extract_en("It is about 80 °F."))) == 5         # a hedge admits rounding to tens
    assert half_step(one(extract_en("It is about 10 °F."))) == 1         # but never by half the figure


@pytest.mark.parametrize("uk, en, ok", [
    ("Вдень 27 °C.", "It will be 80 °F.", True),           # 80.6
    ("Вночі −10 °C.", "It will be 14 °F.", True),
    ("Вночі −10 °C.", "It will be 50 °F.", False),         # the +10 °C conversion
    ("Хвилі до 6 метрів.", "Waves of up to 20 feet.", True),  # 19.7
    ("До кордону 120 км.", "The border is 75 miles away.", True),
    ("До кордону 120 км.", "The border is 120 miles away.", False),
    ("Ферма на 200 га.", "A 500-acre farm.", True),        # 494, within the 2% slack
    ("Бак на 60 літрів.", "A 16-gallon tank.", True),
    ("Вантаж 450 кг.", "A 1,000-pound load.", True),
])
def test_consistent_conversions(uk, en, ok):
    u = next(q for q in extract_uk(uk) if q.unit)
    e = next(q for q in extract_en(en) if q.unit)
    assert consistent(u, e) is ok


def test_temperature_differences():
    u = one(extract_uk("Сьогодні на 5 градусів тепліше."))
    e = one(extract_en("Today is 9 degrees Fahrenheit warmer."))
    assert u.difference and e.difference and consistent(u, e)
    assert one(extract_en("A 20-degree temperature difference.")).difference


@pytest.mark.parametrize("text, inches", [
    ("The 6-foot-6 forward.", 78), ("He is 6 ft 4 in tall.", 76), ("He is 5'11\" tall.", 71),
    ("He stands six feet two inches.", 74),
])
def test_feet_and_inches_are_one_height(text, inches):
    q = one(extract_en(text))
    assert (q.values[0], q.unit) == (inches, "in")


def test_feet_and_inches_in_ukrainian():
    q = one(extract_uk("Його зріст 6 футів і 6 дюймів."))
    assert (q.values[0], q.unit) == (78, "in")


def test_durations_are_units():
    u = one(extract_uk("Перемовини тривали півтора року."))
    e = one(extract_en("The talks lasted 18 months."))
    assert (u.unit, e.unit) == ("yr", "mo") and consistent(u, e)


# --- money ----------------------------------------------------------------------------------------

def test_currency_before_and_after():
    qs = extract_en("UAH 3.7 billion, $100 million, 20 euros and €5m.")
    assert [q.currency for q in qs] == ["UAH", "USD", "EUR", "EUR"]
    assert [q.currency for q in extract_uk("2,5 млн гривень, 40 доларів, 3 млрд євро.")] == ["UAH", "USD", "EUR"]


@pytest.mark.parametrize("text, per", [
    ("$100 million at UAH 37 to the dollar", 37), ("about $500 at 37 hryvnias per dollar", 37),
    ("за курсом 36,6 грн/$", 36.6), ("$1 = UAH 41.2", 41.2), ("за курсом 37 грн за долар", 37),
])
def test_stated_rates(text, per):
    (r,) = rates(text)
    assert (r.currency, r.base, r.per) == ("UAH", "USD", per)
    assert text[slice(*r.span)].replace(",", ".") == str(per)


def test_no_rate_without_a_rate():
    assert rates("The city allocated UAH 100 million ($2.7 million) for 90 cents per dollar of tax.") == []


# --- times and zones -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, hours, minute", [
    ("Засідання о 18.30.", (18,), 30), ("Мітинг о 18-й.", (18,), 0), ("Вибух близько 4-ї ранку.", (4,), 0),
    ("Ефір о 6 вечора.", (18,), 0), ("Зустріч о 12:00.", (12,), 0), ("Заходи до 19.00 години.", (19,), 0),
    ("Зустріч опівдні.", (12,), 0),
])
def test_ukrainian_times(text, hours, minute):
    q = one(extract_uk(text))
    assert (q.kind, q.hours, q.minute) == ("time", hours, minute)


def test_a_point_before_a_unit_is_no_time():
    assert [q.kind for q in extract_uk("Ціна зросла до 2.50 грн.")] == ["number"]


def test_zones():
    assert zone_after(" (UTC+2)", 0, "en") == (2.0, 2.0)
    assert zone_after(" Kyiv time", 0, "en") == KYIV
    assert zone_after(" ET", 0, "en") == (-5.0, -4.0)
    assert zone_after(" local time", 0, "en") is None
    assert zone_after(" за київським часом", 0, "uk") == KYIV
    assert zone_after(" ранку за британським літнім часом", 0, "uk") == (0.0, 1.0)
    assert zone_after(" за добу", 0, "uk") == ()


def test_a_zone_offset_is_no_figure():
    assert [q.kind for q in extract_en("The blast came at 3:15 a.m. (UTC+2).")] == ["time"]


def test_times_compared_across_zones():
    u = one(extract_uk("Засідання о 15:00."))
    assert times_agree(u, one(extract_en("at 13:00 GMT")))     # winter, UTC+2
    assert times_agree(u, one(extract_en("at 12:00 GMT")))     # summer, UTC+3
    assert times_agree(u, one(extract_en("at 8 a.m. ET")))
    assert not times_agree(u, one(extract_en("at 10:00 GMT")))
    # Kyiv's two offsets are two seasons of one clock, not any pair of them
    k = one(extract_uk("Трансляція о 20:00 за київським часом."))
    assert not times_agree(k, one(extract_en("at 9 p.m. Kyiv time")))


# --- scales ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind, value", [
    ("Півмільйона людей виїхали.", "number", 5e5), ("Десятки тисяч людей.", "vague", 1e4),
    ("Сотні тисяч біженців.", "vague", 1e5), ("Кілька тисяч людей.", "vague", 1e3), ("Тисячі людей.", "vague", 1e3),
])
def test_ukrainian_scales(text, kind, value):
    q = one(extract_uk(text))
    assert (q.kind, q.values[0]) == (kind, value)


@pytest.mark.parametrize("text, kind, value", [
    ("Half a billion people.", "number", 5e8), ("Tens of thousands of people.", "vague", 1e4),
    ("Several hundred thousand people.", "vague", 1e5), ("Thousands of people.", "vague", 1e3),
])
def test_english_scales(text, kind, value):
    q = one(extract_en(text))
    assert (q.kind, q.values[0]) == (kind, value)


def test_a_scale_in_words_keeps_its_mantissa():
    q = one(extract_uk("Три мільйони тонн зерна."))
    assert q.multiplied and q.loose == (3.0,) and q.unit == "t"
    e = one(extract_en("Three billion tonnes of grain."))
    assert changed(q, e, Sides()) == "scale"


def test_signs_matter_for_temperatures_and_contrasts_only():
    minus = one(extract_uk("Індекс впав на −2,3%."))
    assert score(minus, one(extract_en("The index fell 2.3%.")), Sides())      # the verb carries the sign
    cold = one(extract_uk("Вночі −10 °C."))
    assert not score(cold, one(extract_en("At night 10 °C.")), Sides())


# --- roles ----------------------------------------------------------------------------------------

def test_roles_and_swaps():
    uk, en = "Загинули 8 людей, ще 14 поранені.", "14 people were killed and 8 injured."
    us, es = extract_uk(uk), extract_en(en)
    ru = [role_of(uk, q, us, "uk") for q in us]
    re_ = [role_of(en, q, es, "en") for q in es]
    assert ru[0].specific == {"killed"} and ru[1].specific == {"wounded"}
    assert re_[0].specific == {"killed"} and re_[1].specific == {"wounded"}
    # 8 ↔ 8 and 14 ↔ 14, each bound to the other's noun
    assert swapped(ru[0], re_[1], ru[1], re_[0])
    assert not swapped(ru[0], re_[0], ru[1], re_[1])
