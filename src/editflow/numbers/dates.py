"""Dates in either language and order: `24 лютого 2022 року`, `Feb. 24, 2022`, `24.02.2022`, ISO."""

from __future__ import annotations

import re
from collections.abc import Iterator

from editflow.numbers.quantity import Quantity

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
UK_MONTH_RE = "(?:" + "|".join(sorted(UK_MONTHS, key=len, reverse=True)) + ")"

_EN_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December"]
EN_MONTHS: dict[str, int] = {m: i for i, m in enumerate(_EN_MONTH_NAMES, 1)}
for _abbr, _i in {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
                  "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12}.items():
    EN_MONTHS[_abbr] = _i
EN_MONTHS.update({_m.upper(): _i for _m, _i in list(EN_MONTHS.items())})
EN_MONTH_RE = "(?:" + "|".join(sorted(EN_MONTHS, key=len, reverse=True)) + r")\.?"

_UK_YEAR_TAIL = r"(?:\s*(?:-?го\s+)?(?:року|рік|році|роком|р\.))?"

_UK_DATE_DMY = re.compile(
    rf"(?=[0-9])(?<![0-9])([0-9]{{1,2}})(?:-?(?:го|е|ого))?[ \u00a0]+({UK_MONTH_RE})\b"
    rf"(?:[ \u00a0]+([0-9]{{4}})(?![0-9]){_UK_YEAR_TAIL})?", re.IGNORECASE)
_UK_DATE_MY = re.compile(rf"(?=[сСлЛбБкКтТчЧвВжЖгГ])\b({UK_MONTH_RE})[ \u00a0]+([0-9]{{4}})(?![0-9]){_UK_YEAR_TAIL}",
                         re.IGNORECASE)
_EN_DATE_MDY = re.compile(
    rf"(?=[JFMASOND])\b({EN_MONTH_RE})[ \u00a0]+([0-9]{{1,2}})(?:st|nd|rd|th)?(?![0-9])\b(?:,?[ \u00a0]+([0-9]{{4}})(?![0-9]))?")
_EN_DATE_DMY = re.compile(
    rf"(?=[0-9])(?<![0-9])([0-9]{{1,2}})(?:st|nd|rd|th)?[ \u00a0]+(?:of[ \u00a0]+)?({EN_MONTH_RE})(?![A-Za-z])"
    rf"(?:,?[ \u00a0]+([0-9]{{4}})(?![0-9]))?")
_EN_DATE_MY = re.compile(rf"(?=[JFMASOND])\b({EN_MONTH_RE}),?[ \u00a0]+(?:of[ \u00a0]+)?([0-9]{{4}})(?![0-9])")
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


def read_dates(text: str, lang: str) -> Iterator[Quantity]:
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


_OVERNIGHT = re.compile(r"(?:ніч|ночі)\s+(?:на|проти|з)\s+$", re.IGNORECASE)


def overnight(qs: list[Quantity], text: str) -> None:
    """"в ніч на 24 лютого" is the night of the 23rd to the 24th: either day is right in English."""
    for q in qs:
        if q.kind == "date" and _OVERNIGHT.search(text, max(0, q.start - 20), q.start):
            q.dates = q.dates + tuple((y, m, d - 1) for y, m, d in q.dates if d and d > 1)
