"""`extract(text, lang)`: every quantity of one paragraph, the readers run most specific first."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from editflow.numbers.codes import designations, list_numbers, phones
from editflow.numbers.dates import overnight, read_dates
from editflow.numbers.digits import digit_numbers
from editflow.numbers.fractions import read_fractions
from editflow.numbers.money import currency_after
from editflow.numbers.quantity import Quantity
from editflow.numbers.roman import centuries
from editflow.numbers.signs import apply_signs
from editflow.numbers.text import (
    ANY_DIGIT,
    blank,
    lower_keeping_offsets,
    masked_spans,
    overlaps,
)
from editflow.numbers.times import read_times, word_times
from editflow.numbers.units import feet_and_inches, mark_differences, unit_after
from editflow.numbers.words_en import spelled_en
from editflow.numbers.words_uk import spelled_uk

_DECADES = re.compile(r"[ \u00a0](?:decades|десятиліт\w*|десятиріч\w*)", re.IGNORECASE)


def _read_digits(work: str, text: str, lang: str, out: list[Quantity], taken: list[tuple[int, int]],
                 add: Callable[[Quantity], None]) -> None:
    """The quantities written with digits, most specific first: phones, dates, times, codes, numbers."""
    for q in phones(work):
        add(q)
    for q in sorted(read_dates(work, lang), key=lambda q: (q.start, -(q.end - q.start))):
        add(q)
    for q in read_times(work, lang, text):
        add(q)
    for q in list_numbers(work):
        add(q)
    for q in designations(work, lang):
        add(q)
    # read with dates, times and codes blanked, so that "April 3 410" keeps its 410
    for q in digit_numbers(blank(work, taken), lang, taken):
        q.text = text[q.start:q.end]
        add(q)
    _abbreviated_years(out)
    if lang == "uk":
        _join_scaled(out, work)
        overnight(out, work)


_ARTICLE = re.compile(r"^ (?:of )?an? (?=\w)")


def extract(text: str, lang: str) -> list[Quantity]:
    """Every quantity of one paragraph (`lang` "uk" or "en"), in text order, spans exact."""
    masked = masked_spans(text)
    work = blank(text, masked) if masked else text
    digits = ANY_DIGIT.search(work) is not None
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def add(q: Quantity) -> None:
        if not overlaps(taken, q.start, q.end):
            out.append(q)
            taken.append((q.start, q.end))

    for q in read_fractions(work, lang):
        add(q)
    for q in feet_and_inches(work, lang):  # before the digits: "6-foot-6" is one figure; "six feet two" too
        add(q)
    if digits:
        _read_digits(work, text, lang, out, taken, add)
    low = lower_keeping_offsets(work)
    if any(w in low for w in ("noon", "midday", "midnight", "опівд", "опівн")):
        for q in word_times(work, lang):
            add(q)
    if any(h in low for h in ("століт", "сторіч", "ст.", "centur", "cent.")):
        for q in centuries(work):
            add(q)
    if lang == "uk":
        spelled = list(spelled_uk(work, taken))
    else:
        spelled = list(spelled_en(work, taken))
    for q in spelled:
        if q.kind == "number" and not q.ordinal:
            q.currency = currency_after(work, q.end, lang)
            after = work[q.end:q.end + 60]
            if lang == "en" and q.values[0] < 1:
                after = _ARTICLE.sub("", after, count=1)  # "half an inch"
            q.unit = "" if q.currency else unit_after(after, lang)
        add(q)
    for q in out:
        # "six decades" is sixty years, "три десятиліття" thirty
        if q.kind == "number" and q.values and _DECADES.match(work, q.end):
            q.values = (*q.values, q.values[0] * 10)
    apply_signs(out, work, text)
    mark_differences(out, work)
    out.sort(key=lambda q: q.start)
    return out


def _abbreviated_years(qs: list[Quantity]) -> None:
    """1932-33 / 1932–33: the second year carries its century too (it is 1933 in full)."""
    qs.sort(key=lambda q: q.start)
    for a, b in pairwise(qs):
        if (a.kind == "number" and b.kind == "number" and a.text.isdigit() and len(a.text) == 4
                and b.values and 0 <= b.values[0] < 100 and b.start - a.end == 1 and b.text[:2].isdigit()):
            b.values = (*b.values, int(a.values[0]) // 100 * 100 + b.values[0])


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


def extract_uk(text: str) -> list[Quantity]:
    return extract(text, "uk")


def extract_en(text: str) -> list[Quantity]:
    return extract(text, "en")
