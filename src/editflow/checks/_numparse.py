"""Locale-aware reading of the figures in one paragraph, Ukrainian or English.

`extract_uk(text)` and `extract_en(text)` return the `Quantity`s a reader
would see, each with its exact span: `2,5 млн` is one quantity worth
2,500,000, `24 лютого 2022 року` is one date (its day and year are not
separate numbers), `о 14:30` is a time, `С-300` a designation whose digits
are compared as a code.  Each side is read by its own conventions:

    Ukrainian: decimal comma (`2,5`), thousands grouped by (narrow) no-break or
               plain spaces (`1 800`); `1,800` is 1.8 by the rule and 1800 by
               the English habit some writers copy, so it carries both readings.
    English:   thousands comma (`1,800`), decimal point (`2.5`); `2,5` and
               `1 800` are read the Ukrainian way and marked for
               `numbers.format`.

Spelled-out numbers are read too (`чотирнадцяти`, `двох`, `п'ятеро`,
`півтори тисячі`; `fourteen`, `twenty-five`, `half a million`) so that a
figure written as digits on one side finds its counterpart in words on the
other.  Ukrainian numerals are lemmatised with pymorphy3 rather than listed
in every case form.  Which quantities may be *reported* is the check's
business; this module only reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterator

Date = tuple[int | None, int | None, int | None]  # (year, month, day), None where not given


@dataclass
class Quantity:
    start: int
    end: int
    text: str
    kind: str                          # number, date, time, code, vague
    values: tuple[float, ...] = ()     # readings of a number (more than one when ambiguous)
    loose: tuple[float, ...] = ()      # readings accepted silently (mantissa of "2.5 million")
    dates: tuple[Date, ...] = ()       # date readings (03/04/2022 has two)
    hours: tuple[int, ...] = ()        # 24-hour readings of a time
    minute: int = 0
    digits: str = ""                   # a code's digits ("300" for С-300)
    spelled: bool = False              # written in words
    ordinal: bool = False
    percent: bool = False
    multiplied: bool = False           # carries тис./млн/million/bn
    listnum: bool = False              # list numbering at the start of a paragraph
    soft: bool = False                 # read to find counterparts, never reported alone (a decade, "двокімнатна")
    fmt: str = ""                      # English written the Ukrainian way: "decimal-comma", "space-group"
    unit: str = ""                     # a measure the figure is in, when conversions matter: "km", "mi", ...
    approx: bool = False               # hedged: "about 1,500", "близько 1 500", "понад 600"


# ---------------------------------------------------------------------------
# shared pieces
# ---------------------------------------------------------------------------

_GROUP_SP = "[\u00a0\u202f\u2009]"          # no-break, narrow no-break, thin space
_APOS = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'", "′": "'"})
_CYR = "А-Яа-яІіЇїЄєҐґ"

# Things whose digits are not figures of the text: web addresses, e-mail,
# handles, hashtags, footnote markers.  They are blanked before reading.
# Each pattern runs only when a cheap test says it can match (speed: most
# paragraphs have none of them).
_MASKS = [
    (lambda t: "http" in t or "www." in t, re.compile(r"(?:https?://|www\.)\S+")),
    (lambda t: "@" in t, re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w@])@\w+")),
    (lambda t: "#" in t, re.compile(r"(?<![\w&])#(?=\w*[^\W\d_])\w+")),
    (lambda t: "[" in t or "24/7" in t, re.compile(r"\[[0-9]{1,3}\]|\b24/7\b")),
    (lambda t: "." in t and _DOMAIN_TAIL.search(t) is not None,
     re.compile(r"\b[\w-]+\.(?:com|org|net|ua|uk|gov|html?|php|pdf|jpe?g|png)\b")),
]
_DOMAIN_TAIL = re.compile(r"\.(?:com|org|net|ua|uk|gov|html?|php|pdf|jpe?g|png)\b")
_ANY_DIGIT = re.compile(r"[0-9]")
# Telephone numbers: compared by their digits, never as amounts.
_PHONE = re.compile(
    r"(?=[+(0])(?:(?<![\w+])\+[0-9](?:[ \u00a0\-()]?[0-9]){8,13}(?![0-9])"
    r"|(?<![\w])\(0[0-9]{2,4}\)[ \u00a0]?[0-9]{2,3}[ \-][0-9]{2}[ \-][0-9]{2}(?![0-9])"
    r"|(?<![\w])0[0-9]{2}[ \-][0-9]{3}[ \-][0-9]{2}[ \-][0-9]{2}(?![0-9])"
    r"|(?<![\w.,])0[0-9]{2,4}(?:[ \-][0-9]{3,4}){2}(?![0-9]))"
)
# A designation: letters, an optional hyphen, digits (С-300, Су-25, Shahed-136,
# MH17, COVID-19, F-16).  The letters differ between the scripts; the digits
# must not.
_CODE = re.compile(
    rf"(?=[A-ZА-ЯІЇЄҐ])(?<![\w])([A-ZА-ЯІЇЄҐ][A-Za-z{_CYR}]{{0,9}})[-‐‑]?([0-9]+(?:[.,][0-9]+)?)(?![0-9])"
    rf"(?:[-‐‑]?[A-Za-z{_CYR}]{{1,3}}[0-9]*\b)?")
_LIST = re.compile(r"^\s*([0-9]{1,2})[.)](?=\s)", re.MULTILINE)


def sig_digits(x: float) -> int:
    """Significant digits of a figure as written (1500 → 2, 1456 → 4, 2.5 → 2)."""
    s = f"{abs(x):.6f}".rstrip("0").rstrip(".").replace(".", "").lstrip("0")
    return max(1, len(s.rstrip("0"))) if s else 1


# ---------------------------------------------------------------------------
# months
# ---------------------------------------------------------------------------

_UK_MONTH_STEMS = ["січ", "лют", "берез", "квіт", "трав", "черв", "лип", "серп", "верес", "жовт",
                   "листопад", "груд"]
_UK_MONTH_ENDINGS = "ень|ня|ні|нем|ню"


def _uk_month_forms() -> dict[str, int]:
    forms: dict[str, int] = {}
    for i, stem in enumerate(_UK_MONTH_STEMS, 1):
        if stem == "лют":
            ends = ["ий", "ого", "ому", "им", "ім"]
        elif stem == "листопад":
            ends = ["", "а", "і", "ом", "у"]
        else:
            ends = _UK_MONTH_ENDINGS.split("|")
        for e in ends:
            forms[stem + e] = i
    return forms


UK_MONTHS = _uk_month_forms()
_UK_MONTH_RE = "(?:" + "|".join(sorted(UK_MONTHS, key=len, reverse=True)) + ")"

_EN_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December"]
EN_MONTHS: dict[str, int] = {m: i for i, m in enumerate(_EN_MONTH_NAMES, 1)}
for _abbr, _i in {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
                  "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12}.items():
    EN_MONTHS[_abbr] = _i
EN_MONTHS.update({_m.upper(): _i for _m, _i in list(EN_MONTHS.items())})
_EN_MONTH_RE = "(?:" + "|".join(sorted(EN_MONTHS, key=len, reverse=True)) + r")\.?"

_UK_YEAR_TAIL = r"(?:\s*(?:-?го\s+)?(?:року|рік|році|роком|р\.))?"

_UK_DATE_DMY = re.compile(
    rf"(?=[0-9])(?<![0-9])([0-9]{{1,2}})(?:-?(?:го|е|ого))?[ \u00a0]+({_UK_MONTH_RE})\b"
    rf"(?:[ \u00a0]+([0-9]{{4}})(?![0-9]){_UK_YEAR_TAIL})?", re.IGNORECASE)
_UK_DATE_MY = re.compile(rf"(?=[сСлЛбБкКтТчЧвВжЖгГ])\b({_UK_MONTH_RE})[ \u00a0]+([0-9]{{4}})(?![0-9]){_UK_YEAR_TAIL}",
                         re.IGNORECASE)
_EN_DATE_MDY = re.compile(
    rf"(?=[JFMASOND])\b({_EN_MONTH_RE})[ \u00a0]+([0-9]{{1,2}})(?:st|nd|rd|th)?(?![0-9])\b(?:,?[ \u00a0]+([0-9]{{4}})(?![0-9]))?")
_EN_DATE_DMY = re.compile(
    rf"(?=[0-9])(?<![0-9])([0-9]{{1,2}})(?:st|nd|rd|th)?[ \u00a0]+(?:of[ \u00a0]+)?({_EN_MONTH_RE})(?![A-Za-z])"
    rf"(?:,?[ \u00a0]+([0-9]{{4}})(?![0-9]))?")
_EN_DATE_MY = re.compile(rf"(?=[JFMASOND])\b({_EN_MONTH_RE}),?[ \u00a0]+(?:of[ \u00a0]+)?([0-9]{{4}})(?![0-9])")
_NUM_DATE = re.compile(r"(?=[0-9])(?<![0-9.,/])([0-9]{1,2})([./])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})(?![0-9]|[.,][0-9])")
_ISO_DATE = re.compile(r"(?=[0-9])(?<![0-9])([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9])")


_YEAR = re.compile(r"(?=[0-9])(?<![0-9])[0-9]{4}(?![0-9])")


def _valid(d: int | None, m: int | None) -> bool:
    return (m is None or 1 <= m <= 12) and (d is None or 1 <= d <= 31)


def _year(s: str | None) -> int | None:
    if not s:
        return None
    y = int(s)
    return y + (2000 if y < 50 else 1900) if len(s) == 2 else y


def _dates(text: str, lang: str) -> Iterator[Quantity]:
    if lang == "uk":
        for m in _UK_DATE_DMY.finditer(text):
            d, mon = int(m.group(1)), UK_MONTHS[m.group(2).lower()]
            if _valid(d, mon):
                yield Quantity(m.start(), m.end(), m.group(), "date", dates=((_year(m.group(3)), mon, d),))
        for m in (_UK_DATE_MY.finditer(text) if _YEAR.search(text) else ()):
            yield Quantity(m.start(), m.end(), m.group(), "date",
                           dates=((int(m.group(2)), UK_MONTHS[m.group(1).lower()], None),))
    else:
        for m in _EN_DATE_MDY.finditer(text):
            mon, d = EN_MONTHS[m.group(1).rstrip(".")], int(m.group(2))
            if _valid(d, mon):
                yield Quantity(m.start(), m.end(), m.group(), "date", dates=((_year(m.group(3)), mon, d),))
        for m in _EN_DATE_DMY.finditer(text):
            d, mon = int(m.group(1)), EN_MONTHS[m.group(2).rstrip(".")]
            if _valid(d, mon):
                yield Quantity(m.start(), m.end(), m.group(), "date", dates=((_year(m.group(3)), mon, d),))
        for m in (_EN_DATE_MY.finditer(text) if _YEAR.search(text) else ()):
            yield Quantity(m.start(), m.end(), m.group(), "date",
                           dates=((int(m.group(2)), EN_MONTHS[m.group(1).rstrip(".")], None),))
    for m in _NUM_DATE.finditer(text):
        a, b, y = int(m.group(1)), int(m.group(3)), _year(m.group(4))
        if m.group(2) == "." and len(m.group(4)) == 2 and lang == "en":
            continue  # "1.5.22" in English is more likely a version than a date
        readings = []
        if _valid(a, b):
            readings.append((y, b, a))       # day first: Ukrainian and British
        if _valid(b, a) and (lang == "en" and m.group(2) == "/"):
            readings.append((y, a, b))       # month first: American
        if readings:
            yield Quantity(m.start(), m.end(), m.group(), "date", dates=tuple(dict.fromkeys(readings)))
    for m in _ISO_DATE.finditer(text):
        y, mon, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if _valid(d, mon):
            yield Quantity(m.start(), m.end(), m.group(), "date", dates=((y, mon, d),))


# ---------------------------------------------------------------------------
# times of day
# ---------------------------------------------------------------------------

_UK_TIME = re.compile(
    r"(?=[0-9оО])(?:(?<![0-9.,:])([0-9]{1,2}):([0-9]{2})(?![0-9]|[.,:][0-9])"
    r"|(?<=\b[оО] )([0-9]{1,2})[.]([0-9]{2})(?![0-9])"
    r"|(?<=\b[оО]б )([0-9]{1,2})[.]([0-9]{2})(?![0-9])"
    r"|\b[оО]б?[ \u00a0]([0-9]{1,2})(?:-?й)?[ \u00a0]год(?:ині|\.|ину)?)")
_EN_TIME = re.compile(
    r"(?=[0-9])(?:(?<![0-9.,:])([0-9]{1,2})(?:[:.]([0-9]{2}))?[ \u00a0]?([AaPp])\.?[ \u00a0]?[Mm]\b\.?"
    r"|(?<![0-9.,:])([0-9]{1,2}):([0-9]{2})(?![0-9]|[.,:][0-9])"
    r"|\b([0-9]{1,2}) o'clock\b"
    r"|(?<![0-9.,:])([01][0-9]|2[0-3])([0-5][0-9])(?=[ \u00a0]?(?:hours|hrs|GMT|UTC|BST)\b)"
    r"|(?<![0-9.,:])(0[0-9])([0-5][0-9])(?![0-9]))")


_TIME_HEDGE = re.compile(
    r"(?:about|around|approximately|roughly|shortly (?:after|before)|just (?:after|before)|close to)\s+(?:at\s+)?$"
    r"|(?:близько|приблизно|орієнтовно|майже|незадовго до|одразу після|після)\s+(?:о|об)?\s*$", re.IGNORECASE)


def _clock(h: int, ampm: str | None) -> tuple[int, ...]:
    if ampm:
        h12 = h % 12
        return (h12 + 12,) if ampm.lower() == "p" else (h12,)
    if h == 0 or h > 12:
        return (h % 24,)
    return (h, (h + 12) % 24)


def _times(text: str, lang: str) -> Iterator[Quantity]:
    if lang == "uk":
        for m in _UK_TIME.finditer(text):
            g = m.groups()
            h, mi = (g[0], g[1]) if g[0] else (g[2], g[3]) if g[2] else (g[4], g[5]) if g[4] else (g[6], "0")
            h_, mi_ = int(h), int(mi)
            if h_ <= 24 and mi_ < 60:
                yield Quantity(m.start(), m.end(), m.group(), "time", hours=_clock(h_, None), minute=mi_,
                               approx=_TIME_HEDGE.search(text, max(0, m.start() - 30), m.start()) is not None)
    else:
        for m in _EN_TIME.finditer(text):
            g = m.groups()
            if g[0]:
                h, mi, ap = int(g[0]), int(g[1] or 0), g[2]
                if not (1 <= h <= 12):
                    continue
            elif g[3]:
                h, mi, ap = int(g[3]), int(g[4]), None
            elif g[5]:
                h, mi, ap = int(g[5]), 0, None
            elif g[6]:  # military time: 1430 hours, 0500
                h, mi, ap = int(g[6]), int(g[7]), None
            else:
                h, mi, ap = int(g[8]), int(g[9]), None
            if h <= 24 and mi < 60:
                yield Quantity(m.start(), m.end(), m.group(), "time", hours=_clock(h, ap), minute=mi,
                               approx=_TIME_HEDGE.search(text, max(0, m.start() - 30), m.start()) is not None)


# ---------------------------------------------------------------------------
# numbers written with digits
# ---------------------------------------------------------------------------

_UK_NUM = re.compile(
    r"(?=[0-9])(?<![0-9])(?<![0-9][.,])(?<![A-Za-z_])"
    r"(?:[0-9]{1,3}(?:[ \u00a0\u202f\u2009][0-9]{3})+(?:,[0-9]+)?(?![0-9])|[0-9]+(?:[.,][0-9]+)?)(?![0-9])")
_EN_NUM = re.compile(
    rf"(?=[0-9])(?<![0-9])(?<![0-9][.,])(?<![A-Za-z_])(?:[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?(?![0-9])"
    rf"|[0-9]{{1,3}}(?:{_GROUP_SP}[0-9]{{3}})+(?![0-9])"
    rf"|[0-9]{{1,3}}(?: [0-9]{{3}})+(?![0-9]|[.,][0-9])"
    rf"|[0-9]+(?:\.[0-9]+)?(?![0-9]|,[0-9])"
    rf"|[0-9]+,[0-9]+(?![0-9]))")

_UK_MULT = re.compile(
    r"[ \u00a0\u202f]?(?:(тис)\.|(тисяч)(?:а|і|у|ами|ах|ею)?\b|(тис)\b|(млн|мільйон\w*)\.?|(млрд|мільярд\w*)\.?"
    r"|(трлн|трильйон\w*)\.?)", re.IGNORECASE)
_EN_MULT = re.compile(
    r"(?:[ \u00a0\u202f-](thousand|million|billion|trillion|mln|mn|bn|tn)\b"
    r"|(k|m|mn|bn|b|tn)\b(?![-'’]))")
_EN_MULT_VALUE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
                  "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
_UK_PCT = re.compile(r"[ \u00a0\u202f]?(?:%|(?:відсот|процент)\w*|в[іi]дс\.)", re.IGNORECASE)
_EN_PCT = re.compile(r"[ \u00a0\u202f-]?(?:%|percent(?:age points?)?\b|per[ -]cent\b|pc\b)", re.IGNORECASE)
_UK_SUFFIX = re.compile(rf"-[{_CYR}']+")
_UK_ORD_SUFFIX = {"й", "го", "му", "ий", "ого", "ому", "ій", "ім", "а", "я", "е", "ї", "ої", "ою", "ю", "ше",
                  "ге", "тє", "те", "ий", "ти"}
_EN_ORD = re.compile(r"(?:st|nd|rd|th)\b")
_CURRENCY_BEFORE = re.compile(r"[$£€₴¥]\s?$|(?:US|USD|EUR|GBP|UAH)\s?$")


# Units of measure, so that a figure converted by the translator (miles for
# kilometres, °F for °C) still finds its counterpart.  Only the units that
# news translations convert are listed.
_UK_UNIT = re.compile(
    r"[ \u00a0\u202f-]?(?:(мм|міліметр\w*)|(см|сантиметр\w*)|(км/год|км/ч|(?:км|кілометр\w*) на годину)|(км|кілометр\w*)"
    r"|(м|метр\w*)|(кг|кілограм\w*)|(т|тонн\w*)|(л|літр\w*)|(га|гектар\w*)"
    r"|(°\s?[CС]|градус\w*(?:\s+(?:за\s+)?Цельсі\w+)?)"
    r"|(миль на годину)|(мил[ьяіею]\w*)|(фут\w*)|(дюйм\w*)|(°\s?F|градус\w*\s+(?:за\s+)?Фаренгейт\w*))(?![\w])",
    re.IGNORECASE)
_UK_UNIT_NAMES = ("mm", "cm", "kmh", "km", "m", "kg", "t", "l", "ha", "c", "mph", "mi", "ft", "in", "f")
_EN_UNIT = re.compile(
    r"[ \u00a0\u202f-]?(?:(inch(?:es)?|in\.|\")|(foot|feet|ft\b\.?)|(miles? per hour|mph)|(miles?)|(yards?)"
    r"|(pounds?|lbs?\b\.?)|(ounces?|oz\b)|(gallons?)|(acres?)|(°\s?F|(?:degrees?\s+)?Fahrenheit)"
    r"|(°\s?C|(?:degrees?\s+)?(?:Celsius|centigrade))|(degrees?)"
    r"|(km/h|kph|kilometres? per hour|kilometers? per hour)|(km|kilometres?|kilometers?)|(cm|centimetres?|centimeters?)"
    r"|(mm|millimetres?|millimeters?)|(m|metres?|meters?)|(kg|kilos?|kilogrammes?|kilograms?)|(tonnes?)"
    r"|(l|litres?|liters?)|(ha|hectares?))"
    r"(?![A-Za-z])", re.IGNORECASE)
_EN_UNIT_NAMES = ("in", "ft", "mph", "mi", "yd", "lb", "oz", "gal", "acre", "f", "c", "deg", "kmh", "km", "cm", "mm",
                  "m", "kg", "t", "l", "ha")
# A range before the unit: "2 to 4 inches", "10–15 см" (the unit belongs to both figures).
_RANGE_TAIL = re.compile(r"\s*(?:-|–|—|to|до|or|або|чи|x|х|×|by|на)\s*(?:[0-9]+(?:[.,][0-9]+)?|[A-Za-z]+(?:-[A-Za-z]+)?)",
                         re.IGNORECASE)


def _unit_after(text: str, lang: str) -> str:
    if lang == "en" and re.match(r"in(?![A-Za-z])", text):
        return "in"  # 6in: glued, it is the unit, not the preposition
    rx, names = (_UK_UNIT, _UK_UNIT_NAMES) if lang == "uk" else (_EN_UNIT, _EN_UNIT_NAMES)
    for probe in (text, text[_RANGE_TAIL.match(text).end():] if _RANGE_TAIL.match(text) else None):
        if probe is None:
            continue
        m = rx.match(probe)
        if m:
            return next(n for n, g in zip(names, m.groups()) if g)
    return ""


def _uk_values(s: str) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Readings of a Ukrainian digit string: (values, loose readings)."""
    plain = s.replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace("\u2009", "")
    if "," in plain or "." in plain:
        sep = "," if "," in plain else "."
        whole, frac = plain.split(sep, 1)
        dec = float(f"{whole}.{frac}")
        if len(frac) == 3 and 1 <= len(whole) <= 3 and plain == s:
            # 1,800 / 1.800: decimal by the rule, thousands by habit; both are real readings
            return (dec, float(whole + frac)), ()
        return (dec,), ()
    return (float(plain),), ()


def _en_values(s: str) -> tuple[tuple[float, ...], str]:
    if any(c in s for c in "\u00a0\u202f\u2009 "):
        return (float(re.sub(r"[ \u00a0\u202f\u2009]", "", s)),), "space-group"
    if re.fullmatch(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?", s):
        return (float(s.replace(",", "")),), ""
    if "," in s:  # 2,5: a decimal comma in English
        whole, frac = s.split(",", 1)
        return (float(f"{whole}.{frac}"),), "decimal-comma"
    if re.fullmatch(r"[0-9]{1,3}\.[0-9]{3}", s):
        # 1.800: 1.8, or 1800 grouped the continental way; the check tells which by the Ukrainian
        return (float(s), float(s.replace(".", ""))), "dot-group"
    return (float(s),), ""


_SQUARE_UNIT = re.compile(r"(?:[кмсд]?м|km|cm|m)$", re.IGNORECASE)


# Words that admit a rounded figure: only after one of them may the English round.
_EN_HEDGE = re.compile(
    r"\b(?:about|around|approximately|roughly|some|nearly|almost|over|more than|less than|fewer than|under"
    r"|up to|at least|close to|an estimated|estimated|just over|just under)\s*(?:[$€£]|US\$|UAH|USD)?\s*$"
    r"|[~≈]\s*[$€£]?\s*$", re.IGNORECASE)
_UK_HEDGE = re.compile(
    r"(?<![\w'’])(?:близько|майже|понад|приблизно|щонайменше|менше ніж|більше ніж|більш ніж|менш ніж|до"
    r"|орієнтовно|мало не|майже що|понад як|більше за|менше за)\s*[$€£]?\s*$|[~≈]\s*$", re.IGNORECASE)


def _digit_numbers(text: str, lang: str, taken: list[tuple[int, int]]) -> Iterator[Quantity]:
    rx = _UK_NUM if lang == "uk" else _EN_NUM
    for m in rx.finditer(text):
        a, b = m.span()
        if _overlaps(taken, a, b) or _SQUARE_UNIT.search(text, max(0, a - 3), a) and m.group() in ("2", "3"):
            continue
        s = m.group()
        if lang == "uk":
            values, _ = _uk_values(s)
            fmt = ""
        else:
            values, fmt = _en_values(s)
        q = Quantity(a, b, s, "number", values=values, fmt=fmt)
        q.approx = (_UK_HEDGE if lang == "uk" else _EN_HEDGE).search(text, max(0, a - 30), a) is not None
        end = b
        rest = text[b:b + 40]
        if lang == "uk":
            mm = _UK_MULT.match(rest)
            if mm:
                g = mm.groups()
                mult = 1e3 if (g[0] or g[1] or g[2]) else 1e6 if g[3] else 1e9 if g[4] else 1e12
                q.loose, q.values = q.values, tuple(v * mult for v in q.values)
                q.multiplied = True
                end = b + mm.end()
            else:
                pm = _UK_PCT.match(rest)
                if pm:
                    q.percent = True
                    end = b + pm.end()
                else:
                    sm = _UK_SUFFIX.match(rest)
                    if sm:
                        q.ordinal = sm.group()[1:].lower() in _UK_ORD_SUFFIX
                        q.soft = sm.group()[1:].lower() in ("х", "ті", "их") and q.values[0] % 10 == 0
                        end = b + sm.end()
        else:
            mm = _EN_MULT.match(rest)
            if mm:
                word = (mm.group(1) or mm.group(2)).lower()
                mult = _EN_MULT_VALUE[word]
                q.loose = q.values
                q.multiplied = True
                if word in ("m", "b", "k") and not _CURRENCY_BEFORE.search(text[max(0, a - 4):a]):
                    # 100m may be metres, 10k a run: keep the plain reading too
                    q.values = tuple(v * mult for v in q.values) + q.values
                else:
                    q.values = tuple(v * mult for v in q.values)
                end = b + mm.end()
            else:
                pm = _EN_PCT.match(rest)
                if pm:
                    q.percent = True
                    end = b + pm.end()
                elif _EN_ORD.match(rest):
                    q.ordinal = True
                    end = b + 2
                elif re.match(r"'?s\b", rest) and q.values[0] % 10 == 0:
                    q.soft = True  # the 1990s, the 80s: a decade, often named in words
                    end = b + rest.index("s") + 1
        if not q.percent and not q.multiplied:
            q.unit = _unit_after(text[b:b + 60], lang)
        q.end, q.text = end, text[a:end]
        yield q


def _overlaps(taken: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(a < y and x < b for x, y in taken)


# ---------------------------------------------------------------------------
# numbers written in words
# ---------------------------------------------------------------------------

_EN_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_EN_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
            if w != "_"}
_EN_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_EN_ORDINALS = {w: i for i, w in enumerate(
    "_ first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()) if w != "_"}
_EN_ORDINALS.update({"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100})
_EN_FRACTIONS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}
_EN_VAGUE = {"dozens": 12, "tens": 10, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
_EN_TIMES = {"twice": 2, "double": 2, "thrice": 3, "triple": 3, "tripled": 3, "doubled": 2}
_EN_WORD = re.compile(r"(?=[A-Za-z])(?<![A-Za-z])[A-Za-z]+(?:-[A-Za-z]+)?")


def _can_add(current: float, v: float) -> bool:
    """Whether v continues the number read so far: 20 + 5, 100 + 20, not 14 + 12."""
    if current == 0:
        return True
    if v < 100 and current % 100 == 0:
        return True
    return v < 10 and current % 10 == 0 and current % 100 >= 20


def _en_word_value(w: str) -> float | None:
    lw = w.lower()
    if lw in _EN_UNITS:
        return _EN_UNITS[lw]
    if lw in _EN_TENS:
        return _EN_TENS[lw]
    if "-" in lw:
        a, b = lw.split("-", 1)
        if a in _EN_TENS and b in _EN_UNITS and 0 < _EN_UNITS[b] < 10:
            return _EN_TENS[a] + _EN_UNITS[b]
    return None


def _read_en(words: list[tuple[int, int, str]], i: int, text: str) -> tuple[float, int] | None:
    """A spelled-out English number starting at word i: (value, index after it)."""
    def w(k: int) -> str:
        return words[k][2].lower() if k < len(words) else ""

    def joined(k: int) -> bool:  # word k follows word k-1 with only a space between
        return k < len(words) and not text[words[k - 1][1]:words[k][0]].strip()

    if w(i) == "half" and w(i + 1) == "a" and w(i + 2) in _EN_SCALES and joined(i + 1) and joined(i + 2):
        return 0.5 * _EN_SCALES[w(i + 2)], i + 3
    total, current, j, seen = 0.0, 0.0, i, False
    if w(i) == "a" and w(i + 1) in ("hundred", "thousand", "million", "billion", "dozen") and joined(i + 1):
        current, j, seen = 1.0, i + 1, True
    while j < len(words) and (j == i or joined(j)):
        lw = w(j)
        v = _en_word_value(lw)
        if v is not None and _can_add(current, v):
            current += v
        elif lw in _EN_SCALES and seen:
            if lw == "hundred":
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * _EN_SCALES[lw]
                current = 0
        elif lw == "dozen" and seen:
            current = max(current, 1) * 12
        elif lw == "and" and seen and w(j + 1) == "a" and w(j + 2) == "half" and joined(j + 1) and joined(j + 2):
            current += 0.5
            j += 3
            continue
        elif lw == "and" and seen and _en_word_value(w(j + 1)) is not None and joined(j + 1) and current >= 100:
            j += 1
            continue
        else:
            break
        seen = True
        j += 1
    return (total + current, j) if seen else None


_EN_MONTH_AFTER = re.compile(rf"[ \u00a0]+of[ \u00a0]+({_EN_MONTH_RE})(?![A-Za-z])")


def _en_day(text: str, q: Quantity) -> Quantity:
    """"the twenty-fourth of February" is a date."""
    m = _EN_MONTH_AFTER.match(text, q.end) if 1 <= q.values[0] <= 31 else None
    if not m:
        return q
    return Quantity(q.start, m.end(), text[q.start:m.end()], "date",
                    dates=((None, EN_MONTHS[m.group(1).rstrip(".")], int(q.values[0])),), spelled=True)


_EN_NUMBER_WORDS = (set(_EN_UNITS) | set(_EN_TENS) | set(_EN_SCALES) | set(_EN_ORDINALS) | set(_EN_FRACTIONS)
                   | set(_EN_VAGUE) | set(_EN_TIMES) | {"dozen", "half"})


# Units are looked at too, for "a mile", "an inch".
_EN_UNIT_WORDS = {"mile", "foot", "inch", "pound", "gallon", "acre", "yard", "ounce"}
_EN_CAND = re.compile(r"(?<![a-z])(?:" + "|".join(sorted(_EN_NUMBER_WORDS | _EN_UNIT_WORDS, key=len, reverse=True))
                      + r")(?![a-z])")


def _spelled_en(text: str, taken: list[tuple[int, int]]) -> Iterator[Quantity]:
    # Only runs of number words matter; "a"/"and" only next to one of them.  Words
    # are read only in windows around the number words (speed: most words are not).
    windows: list[list[int]] = []
    for m in _EN_CAND.finditer(_lower(text)):
        a, b = max(0, m.start() - 14), min(len(text), m.end() + 60)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = b
        else:
            windows.append([a, b])
    all_words = [(m.start(), m.end(), m.group()) for a, b in windows for m in _EN_WORD.finditer(text, a, b)]
    keep = [w[2].lower() in _EN_NUMBER_WORDS or w[2].lower() in _EN_UNIT_WORDS
            or ("-" in w[2] and w[2].lower().partition("-")[0] in _EN_TENS)
            for w in all_words]
    near = [k or (0 < n and keep[n - 1]) or (n + 1 < len(keep) and keep[n + 1]) for n, k in enumerate(keep)]
    words = [w for w, k in zip(all_words, near) if k and not _overlaps(taken, w[0], w[1])]
    i = 0
    while i < len(words):
        got = _read_en(words, i, text)
        if got:
            value, j = got
            a, b = words[i][0], words[j - 1][1]
            yield Quantity(a, b, text[a:b], "number", values=(value,), spelled=True)
            i = j
            continue
        a, b, w = words[i]
        lw = w.lower()
        tens, _, unit = lw.partition("-")
        if lw in _EN_ORDINALS or (tens in _EN_TENS and _EN_ORDINALS.get(unit, 10) < 10):
            value = _EN_ORDINALS[lw] if lw in _EN_ORDINALS else _EN_TENS[tens] + _EN_ORDINALS[unit]
            yield _en_day(text, Quantity(a, b, w, "number", values=(float(value),), spelled=True, ordinal=True))
        elif lw in _EN_VAGUE:
            yield Quantity(a, b, w, "vague", values=(_EN_VAGUE[lw],), spelled=True)
        elif lw in _EN_TIMES:
            yield Quantity(a, b, w, "number", values=(float(_EN_TIMES[lw]),), spelled=True)
        elif lw in ("a", "an") and i + 1 < len(words) and _EN_UNIT.match(" " + words[i + 1][2]):
            yield Quantity(a, b, w, "number", values=(1.0,), spelled=True)
        elif lw in _EN_FRACTIONS and lw != "third":
            yield Quantity(a, b, w, "number", values=(_EN_FRACTIONS[lw],), spelled=True)
        i += 1


# Ukrainian numerals by lemma (pymorphy3 gives the lemma of any case form).
_UK_CARDINALS = {
    "нуль": 0, "один": 1, "два": 2, "три": 3, "чотири": 4, "п'ять": 5, "шість": 6, "сім": 7, "вісім": 8,
    "дев'ять": 9, "десять": 10, "одинадцять": 11, "дванадцять": 12, "тринадцять": 13, "чотирнадцять": 14,
    "п'ятнадцять": 15, "шістнадцять": 16, "сімнадцять": 17, "вісімнадцять": 18, "дев'ятнадцять": 19,
    "двадцять": 20, "тридцять": 30, "сорок": 40, "п'ятдесят": 50, "шістдесят": 60, "сімдесят": 70,
    "вісімдесят": 80, "дев'яносто": 90, "сто": 100, "двісті": 200, "триста": 300, "чотириста": 400,
    "п'ятсот": 500, "шістсот": 600, "сімсот": 700, "вісімсот": 800, "дев'ятсот": 900,
    "двоє": 2, "троє": 3, "четверо": 4, "п'ятеро": 5, "шестеро": 6, "семеро": 7, "восьмеро": 8,
    "дев'ятеро": 9, "десятеро": 10, "обидва": 2, "обидві": 2, "обоє": 2,
    "півтора": 1.5, "півтори": 1.5,
}
_UK_SCALES = {"тисяча": 1e3, "мільйон": 1e6, "мільярд": 1e9, "трильйон": 1e12}
_UK_ORDINALS = {
    "перший": 1, "другий": 2, "третій": 3, "четвертий": 4, "п'ятий": 5, "шостий": 6, "сьомий": 7,
    "восьмий": 8, "дев'ятий": 9, "десятий": 10, "одинадцятий": 11, "дванадцятий": 12, "тринадцятий": 13,
    "чотирнадцятий": 14, "п'ятнадцятий": 15, "шістнадцятий": 16, "сімнадцятий": 17, "вісімнадцятий": 18,
    "дев'ятнадцятий": 19, "двадцятий": 20, "тридцятий": 30, "сороковий": 40, "п'ятдесятий": 50,
    "сотий": 100,
}
_UK_VAGUE = {"десяток": 10, "десятка": 10, "дюжина": 12, "сотня": 100}
_UK_FRACTIONS = {"половина": 0.5, "третина": 1 / 3, "чверть": 0.25, "доба": 24}
_UK_TIMES = {"вдвічі": 2, "удвічі": 2, "двічі": 2, "втричі": 3, "утричі": 3, "тричі": 3, "вчетверо": 4}
# "удесяте" — for the tenth time; "вдруге", "втретє"
_UK_NTH_TIME = {"друге": 2, "третє": 3, "четверте": 4, "п'яте": 5, "шосте": 6, "сьоме": 7, "восьме": 8,
                "дев'яте": 9, "десяте": 10, "одинадцяте": 11, "дванадцяте": 12, "п'ятнадцяте": 15, "двадцяте": 20}
# Words that may be numerals (the stems of _UK_NUMERAL_START): only these are looked up.
_UK_CAND = re.compile(
    r"(?<![\w'’ʼ])(?:нул|од|дв|тр|чот|чет|п['’ʼ]ят|шіс|шес|шос|сім|сем|сьом|віс|вос|дев|дес|сор|ст|сот|тис|міль|трил"
    r"|обид|обо|пів|перш|друг|трет|дюжин|полови|чвер|доб|вдві|удві|втри|утри|вчет"
    r"|[ув](?:друг|трет|четв|п['’ʼ]ят|шост|сьом|восьм|дев|дес|одинад|двана|двад))[а-яіїєґ'’ʼ]*")
_UK_HALF_SCALE = re.compile(r"пів(?:[ -]?)(тисячі|мільйона|мільярда)\b", re.IGNORECASE)
# Cheap filter before asking pymorphy3: only words that could be numerals.
_UK_NUMERAL_START = re.compile(
    r"^(?:нул|од|дв|дві|тр|чотир|четв|п'ят|шіст|шест|шост|сім|сем|сьом|віс|вос|дев'|десят|сор|"
    r"ст|сот|тис|мільй|мільярд|трильй|обид|обо|пів|перш|друг|трет|дюжин|полови|чвер|доб)")


def _morph() -> Any:
    # One analyser per process, shared with the glossary matching: loading the
    # Ukrainian dictionary costs ~0.1 s each time.
    from editflow.glossary.morph import analyzer

    return analyzer()


@lru_cache(maxsize=20000)
def uk_numeral(word: str) -> tuple[str, float] | None:
    """(class, value) of a Ukrainian word: cardinal, scale, ordinal, vague, fraction, times; else None."""
    w = word.lower().translate(_APOS)
    if w in _UK_TIMES:
        return "times", _UK_TIMES[w]
    if w[:1] in ("у", "в") and w[1:] in _UK_NTH_TIME:
        return "ordinal", _UK_NTH_TIME[w[1:]]
    if not _UK_NUMERAL_START.match(w):
        return None
    parses = _morph().parse(w)
    lemmas = [(p.normal_form.translate(_APOS), p.tag) for p in parses]
    for lemma, tag in lemmas:
        if lemma in _UK_CARDINALS and "NUMR" in tag:
            return "cardinal", _UK_CARDINALS[lemma]
    for lemma, tag in lemmas:
        if lemma in _UK_SCALES and "NOUN" in tag:
            return ("scale-plural" if "plur" in tag and "nomn" in tag else "scale"), _UK_SCALES[lemma]
    for lemma, tag in lemmas:
        if lemma in _UK_ORDINALS and "ADJF" in tag:
            return "ordinal", _UK_ORDINALS[lemma]
    vague = [(lemma, tag) for lemma, tag in lemmas if lemma in _UK_VAGUE and "NOUN" in tag]
    if vague:
        # "сотні людей" (may be plural) is vague; "сотнею тисяч" is a hundred thousand
        plural = any("plur" in tag for _, tag in vague)
        return ("vague" if plural else "cardinal"), _UK_VAGUE[vague[0][0]]
    for lemma, tag in lemmas:
        if lemma in _UK_FRACTIONS and "NOUN" in tag:
            return "fraction", _UK_FRACTIONS[lemma]
    return None


_UK_COMPOUND = re.compile(
    r"(?<![\w'’ʼ])(одно|двох|дво|трьох|чотирьох|чотири|п['’ʼ]яти|шести|семи|восьми|дев['’ʼ]яти|десяти|"
    r"дванадцяти|п['’ʼ]ятнадцяти|двадцяти|тридцяти|сорока|п['’ʼ]ятдесяти|столітн|тисячо)"
    r"(?=[а-яіїєґ'’ʼ]{4,})", re.IGNORECASE)
_UK_COMPOUND_VALUE = {"одно": 1, "двох": 2, "дво": 2, "трьох": 3, "чотирьох": 4, "чотири": 4, "п'яти": 5,
                      "шести": 6, "семи": 7, "восьми": 8, "дев'яти": 9, "десяти": 10, "дванадцяти": 12,
                      "п'ятнадцяти": 15, "двадцяти": 20, "тридцяти": 30, "сорока": 40, "п'ятдесяти": 50,
                      "столітн": 100, "тисячо": 1000}


def _compound(a: int, b: int, word: str) -> Quantity | None:
    """An adjective built on a numeral (двостороння, п'ятиповерховий): the English often has a digit."""
    m = _UK_COMPOUND.match(word)
    key = m.group(1).lower().translate(_APOS) if m else ""
    if key not in _UK_COMPOUND_VALUE:
        return None
    return Quantity(a, b, word, "number", values=(float(_UK_COMPOUND_VALUE[key]),), spelled=True, soft=True)


_UK_MONTH_AFTER = re.compile(rf"[ \u00a0]+({_UK_MONTH_RE})\b", re.IGNORECASE)


def _uk_day(text: str, q: Quantity) -> Quantity:
    """"першого січня", "двадцять четвертого лютого": an ordinal in words before a month is a date."""
    m = _UK_MONTH_AFTER.match(text, q.end) if q.ordinal and 1 <= q.values[0] <= 31 else None
    if not m:
        return q
    return Quantity(q.start, m.end(), text[q.start:m.end()], "date",
                    dates=((None, UK_MONTHS[m.group(1).lower()], int(q.values[0])),), spelled=True)


def _spelled_uk(text: str, taken: list[tuple[int, int]]) -> Iterator[Quantity]:
    for m in (_UK_HALF_SCALE.finditer(text) if "пів" in _lower(text) else ()):
        if not _overlaps(taken, *m.span()):
            scale = {"т": 1e3, "м": 1e6}.get(m.group(1)[0].lower(), 1e9)
            if m.group(1).lower().startswith("мільяр"):
                scale = 1e9
            taken.append(m.span())
            yield Quantity(m.start(), m.end(), m.group(), "number", values=(0.5 * scale,), spelled=True,
                           multiplied=True)
    words = [(m.start(), m.end(), text[m.start():m.end()]) for m in _UK_CAND.finditer(_lower(text))]
    free = [not _overlaps(taken, a, b) for a, b, _ in words]
    info = [uk_numeral(w) if ok else None for (a, b, w), ok in zip(words, free)]
    i = 0
    while i < len(words):
        kind = info[i]
        if kind is None:
            compound = _compound(*words[i]) if free[i] else None
            if compound:
                yield compound
            i += 1
            continue
        cls, v = kind
        if cls in ("cardinal", "scale"):
            total, current, j = 0.0, 0.0, i
            while j < len(words) and info[j]:
                gap = text[words[j - 1][1]:words[j][0]].strip() if j > i else ""
                if gap == "з" and info[j] == ("fraction", 0.5) and current:
                    current += 0.5  # "два з половиною мільйони"
                    j += 1
                    continue
                if gap or info[j][0] not in ("cardinal", "scale", "scale-plural"):
                    break
                c2, v2 = info[j]
                if c2 == "cardinal":
                    if not _can_add(current, v2) or (v2 == 1.5 and j > i):
                        break
                    current += v2
                else:
                    total += max(current, 1) * v2
                    current = 0
                j += 1
            value = total + current
            ordinal = False
            # "двадцять четвертого", "дві тисячі двадцять другому": a compound ordinal
            if (j < len(words) and info[j] and info[j][0] == "ordinal" and info[j][1] < 10
                    and not text[words[j - 1][1]:words[j][0]].strip() and _can_add(value % 100, info[j][1])):
                value, ordinal, j = value + info[j][1], True, j + 1
            yield _uk_day(text, Quantity(words[i][0], words[j - 1][1], text[words[i][0]:words[j - 1][1]],
                                         "number", values=(value,), spelled=True, ordinal=ordinal))
            i = j
            continue
        a, b, w = words[i]
        if cls == "ordinal":
            yield _uk_day(text, Quantity(a, b, w, "number", values=(v,), spelled=True, ordinal=True))
        elif cls in ("vague", "scale-plural"):
            yield Quantity(a, b, w, "vague", values=(v,), spelled=True)
        elif cls in ("fraction", "times"):
            yield Quantity(a, b, w, "number", values=(v,), spelled=True)
        i += 1


# ---------------------------------------------------------------------------
# the readers
# ---------------------------------------------------------------------------

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN_CENTURY = re.compile(
    r"\b([IVXLСХІ]{1,7})(?=[ \u00a0]+(?:століт|сторіч|ст\.|century|centuries|cent\.))")


def _roman(s: str) -> int | None:
    s = s.replace("Х", "X").replace("І", "I").replace("С", "C")  # Cyrillic look-alikes typed for Latin
    if not re.fullmatch(r"C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})", s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total or None


def _centuries(text: str) -> Iterator[Quantity]:
    for m in _ROMAN_CENTURY.finditer(text):
        v = _roman(m.group(1))
        if v:
            yield Quantity(m.start(), m.end(), m.group(), "number", values=(float(v),), ordinal=True)


@lru_cache(maxsize=8)
def _lower(text: str) -> str:
    """The text lower-cased with its offsets kept (a few letters grow when lower-cased)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for a, b in spans:
        for k in range(a, b):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars)


_DECADES = re.compile(r"[ \u00a0](?:decades|десятиліт\w*|десятиріч\w*)", re.IGNORECASE)


_DIGIT_FRACTION = re.compile(r"(?=[0-9])(?<![0-9/.,])([1-9])/([1-9][0-9]?)(?![0-9/]|[.,][0-9])")
_EN_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                    "fifths": 5, "tenth": 10, "tenths": 10}
# "a third of", "two-thirds": fractions; "a third defeat": an ordinal, left to the word reader.
_EN_FRACTION = re.compile(
    r"(?<!and )\b(a|one|two|three|four)[ -](?:(halves|thirds|quarters|fifths|tenths)\b"
    r"|(half|third|quarter|fifth|tenth)\b(?=\s+of\b|\s*[.,;:!?)]|\s*$))"
    r"(?:\s+of\s+a\s+(thousand|million|billion)\b)?", re.IGNORECASE)
_UK_FRACTION = re.compile(r"(?<![\w'’])(?:(одн[аіу]|дв[іоі]\w*|три|трьох|чотири)\s+)?(третин\w*|чверт\w*)",
                          re.IGNORECASE)
_UK_FRACTION_NUM = {"од": 1, "дв": 2, "тр": 3, "чо": 4}


def _fractions(text: str, lang: str) -> Iterator[Quantity]:
    """1/3, a third, two-thirds, дві третини, чверть: one value each."""
    if "/" in text:
        for m in _DIGIT_FRACTION.finditer(text):
            yield Quantity(m.start(), m.end(), m.group(), "number", values=(int(m.group(1)) / int(m.group(2)),))
    low = _lower(text)
    if lang == "en" and any(w in low for w in ("half", "halves", "third", "quarter", "fifth", "tenth")):
        for m in _EN_FRACTION.finditer(text):
            n = 1 if m.group(1).lower() in ("a", "one") else _EN_UNITS[m.group(1).lower()]
            scale = _EN_SCALES[m.group(4).lower()] if m.group(4) else 1  # a quarter of a million
            yield Quantity(m.start(), m.end(), m.group(), "number", spelled=True, multiplied=scale > 1,
                           values=(n / _EN_DENOMINATORS[(m.group(2) or m.group(3)).lower()] * scale,))
    elif lang == "uk" and ("трет" in low or "чверт" in low):
        for m in _UK_FRACTION.finditer(text):
            n = _UK_FRACTION_NUM.get(m.group(1).lower()[:2], 1) if m.group(1) else 1
            d = 3 if m.group(2).lower().startswith("трет") else 4
            yield Quantity(m.start(), m.end(), m.group(), "number", values=(n / d,), spelled=True)


def _read_digits(work: str, text: str, lang: str, out: list[Quantity], taken: list[tuple[int, int]],
                 add: "Callable[[Quantity], None]") -> None:
    """The quantities written with digits, most specific first: phones, dates, times, codes, numbers."""
    for m in _PHONE.finditer(work):
        add(Quantity(m.start(), m.end(), m.group(), "code", digits=re.sub(r"\D", "", m.group())[-9:]))
    for q in sorted(_dates(work, lang), key=lambda q: (q.start, -(q.end - q.start))):
        add(q)
    for q in _times(work, lang):
        add(q)
    for m in _LIST.finditer(work):
        if not _overlaps(taken, *m.span(1)):
            add(Quantity(m.start(1), m.end(1), m.group(1), "number", values=(float(m.group(1)),), listnum=True))
    for m in _CODE.finditer(work):
        prefix = m.group(1)
        if lang == "uk" and prefix.lower() in ("№", "n"):
            continue
        if prefix.lower() in ("no", "nr", "p", "pp", "art", "ст", "п", "пп", "вул", "буд", "кв", "рис", "розд"):
            continue  # "No 5", "ст. 12" come with a space; attached they are still numbers
        add(Quantity(m.start(), m.end(), m.group(), "code", digits=m.group(2).lstrip("0") or "0"))
    # read with dates, times and codes blanked, so that "April 3 410" keeps its 410
    for q in _digit_numbers(_blank(work, taken), lang, taken):
        q.text = text[q.start:q.end]
        add(q)
    _abbreviated_years(out)
    if lang == "uk":
        _join_scaled(out, work)
        _overnight(out, work)


_ARTICLE = re.compile(r"^ (?:of )?an? (?=\w)")


def extract(text: str, lang: str) -> list[Quantity]:
    """Every quantity of one paragraph (`lang` "uk" or "en"), in text order, spans exact."""
    masked = [m.span() for test, rx in _MASKS if test(text) for m in rx.finditer(text)]
    work = _blank(text, masked) if masked else text
    digits = _ANY_DIGIT.search(work) is not None
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def add(q: Quantity) -> None:
        if not _overlaps(taken, q.start, q.end):
            out.append(q)
            taken.append((q.start, q.end))

    for q in _fractions(work, lang):
        add(q)
    if digits:
        _read_digits(work, text, lang, out, taken, add)
    low = _lower(work)
    if any(h in low for h in ("століт", "сторіч", "ст.", "centur", "cent.")):
        for q in _centuries(work):
            add(q)
    if lang == "uk":
        spelled = list(_spelled_uk(work, taken))
    else:
        spelled = list(_spelled_en(work, taken))
    for q in spelled:
        if q.kind == "number" and not q.ordinal:
            after = work[q.end:q.end + 60]
            if lang == "en" and q.values[0] < 1:
                after = _ARTICLE.sub("", after, count=1)  # "half an inch"
            q.unit = _unit_after(after, lang)
        add(q)
    for q in out:
        # "six decades" is sixty years, "три десятиліття" thirty
        if q.kind == "number" and q.values and _DECADES.match(work, q.end):
            q.values = q.values + (q.values[0] * 10,)
    out.sort(key=lambda q: q.start)
    return out


def _abbreviated_years(qs: list[Quantity]) -> None:
    """1932-33 / 1932–33: the second year carries its century too (it is 1933 in full)."""
    qs.sort(key=lambda q: q.start)
    for a, b in zip(qs, qs[1:]):
        if (a.kind == "number" and b.kind == "number" and a.text.isdigit() and len(a.text) == 4
                and b.values and 0 <= b.values[0] < 100 and b.start - a.end == 1 and b.text[:2].isdigit()):
            b.values = b.values + (int(a.values[0]) // 100 * 100 + b.values[0],)


def _join_scaled(qs: list[Quantity], text: str) -> None:
    """"1 млн 200 тис." is one figure, 1,200,000 (and "2 тис. 500" is 2,500)."""
    qs.sort(key=lambda q: q.start)
    k = 0
    while k + 1 < len(qs):
        a, b = qs[k], qs[k + 1]
        scale = a.values[0] / a.loose[0] if a.multiplied and a.values and a.loose and a.loose[0] else 0
        if (scale and a.kind == b.kind == "number" and b.values and not b.spelled and not a.percent
                and not text[a.end:b.start].strip() and b.values[0] < scale
                and (b.multiplied or scale == 1000)):
            joined = Quantity(a.start, b.end, text[a.start:b.end], "number", values=(a.values[0] + b.values[0],),
                              multiplied=True, percent=b.percent, unit=b.unit)
            qs[k:k + 2] = [joined]
            continue
        k += 1


_OVERNIGHT = re.compile(r"(?:ніч|ночі)\s+(?:на|проти|з)\s+$", re.IGNORECASE)


def _overnight(qs: list[Quantity], text: str) -> None:
    """"в ніч на 24 лютого" is the night of the 23rd to the 24th: either day is right in English."""
    for q in qs:
        if q.kind == "date" and _OVERNIGHT.search(text, max(0, q.start - 20), q.start):
            q.dates = q.dates + tuple((y, m, d - 1) for y, m, d in q.dates if d and d > 1)


def extract_uk(text: str) -> list[Quantity]:
    return extract(text, "uk")


def extract_en(text: str) -> list[Quantity]:
    return extract(text, "en")
