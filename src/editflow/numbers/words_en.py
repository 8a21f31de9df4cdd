"""English numbers in words: `fourteen`, `twenty-five`, `half a million`, `the twenty-fourth of February`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from editflow.numbers.dates import EN_MONTH_RE, EN_MONTHS
from editflow.numbers.quantity import Quantity, can_add
from editflow.numbers.text import lower_keeping_offsets, overlaps
from editflow.numbers.units import EN_UNIT

_EN_ONES_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                      "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                      "nineteen")
EN_ONES = {w: i for i, w in enumerate(_EN_ONES_WORDS)}
_EN_TENS = {w: 10 * i for i, w in enumerate(
    ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")) if w}
EN_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_EN_ORDINALS = {w: i for i, w in enumerate(
    ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
     "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"))
    if w}
_EN_ORDINALS.update({"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100})
_EN_FRACTIONS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}
_EN_VAGUE = {"dozens": 10, "tens": 10, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
_EN_TIMES = {"twice": 2, "double": 2, "thrice": 3, "triple": 3, "tripled": 3, "doubled": 2}
_EN_FEW = re.compile(r"\b(?:several|a few|few|many)\s+$", re.IGNORECASE)
_EN_WORD = re.compile(r"(?=[A-Za-z])(?<![A-Za-z])[A-Za-z]+(?:-[A-Za-z]+)?")


def _en_word_value(w: str) -> float | None:
    lw = w.lower()
    if lw in EN_ONES:
        return EN_ONES[lw]
    if lw in _EN_TENS:
        return _EN_TENS[lw]
    if "-" in lw:
        a, b = lw.split("-", 1)
        if a in _EN_TENS and b in EN_ONES and 0 < EN_ONES[b] < 10:
            return _EN_TENS[a] + EN_ONES[b]
    return None


def _read_en(words: list[tuple[int, int, str]], i: int, text: str) -> tuple[float, int, float] | None:
    """A spelled-out English number starting at word i: (value, index after it, the scale it ends on or 0)."""
    def w(k: int) -> str:
        return words[k][2].lower() if k < len(words) else ""

    def joined(k: int) -> bool:  # word k follows word k-1 with only a space between
        return k < len(words) and not text[words[k - 1][1]:words[k][0]].strip()

    if w(i) == "half" and w(i + 1) == "a" and w(i + 2) in EN_SCALES and joined(i + 1) and joined(i + 2):
        return 0.5 * EN_SCALES[w(i + 2)], i + 3, EN_SCALES[w(i + 2)]
    total, current, j, seen, last_scale = 0.0, 0.0, i, False, 0.0
    if w(i) == "a" and w(i + 1) in ("hundred", "thousand", "million", "billion", "dozen") and joined(i + 1):
        current, j, seen = 1.0, i + 1, True
    while j < len(words) and (j == i or joined(j)):
        lw = w(j)
        v = _en_word_value(lw)
        if v is not None and can_add(current, v):
            current += v
        elif lw in EN_SCALES and seen:
            if lw == "hundred":
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * EN_SCALES[lw]
                current, last_scale = 0, EN_SCALES[lw]
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
    if not seen:
        return None
    return total + current, j, (last_scale if not current else 0.0)


_EN_MONTH_AFTER = re.compile(rf"[ \u00a0]+of[ \u00a0]+({EN_MONTH_RE})(?![A-Za-z])")


def _en_day(text: str, q: Quantity) -> Quantity:
    """"the twenty-fourth of February" is a date."""
    m = _EN_MONTH_AFTER.match(text, q.end) if 1 <= q.values[0] <= 31 else None
    if not m:
        return q
    return Quantity(q.start, m.end(), text[q.start:m.end()], "date",
                    dates=((None, EN_MONTHS[m.group(1).rstrip(".")], int(q.values[0])),), spelled=True)


_EN_NUMBER_WORDS = (set(EN_ONES) | set(_EN_TENS) | set(EN_SCALES) | set(_EN_ORDINALS) | set(_EN_FRACTIONS)
                   | set(_EN_VAGUE) | set(_EN_TIMES) | {"dozen", "half"})


# Units are looked at too, for "a mile", "an inch".
_EN_UNIT_WORDS = {"mile", "foot", "inch", "pound", "gallon", "acre", "yard", "ounce"}
_EN_CAND = re.compile(r"(?<![a-z])(?:" + "|".join(sorted(_EN_NUMBER_WORDS | _EN_UNIT_WORDS, key=len, reverse=True))
                      + r")(?![a-z])")


def spelled_en(text: str, taken: list[tuple[int, int]]) -> Iterator[Quantity]:
    # Only runs of number words matter; "a"/"and" only next to one of them.  Words
    # are read only in windows around the number words (speed: most words are not).
    windows: list[list[int]] = []
    for m in _EN_CAND.finditer(lower_keeping_offsets(text)):
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
    words = [w for w, k in zip(all_words, near, strict=True) if k and not overlaps(taken, w[0], w[1])]
    i = 0
    while i < len(words):
        a, b, w = words[i]
        lw = w.lower()
        if lw in EN_SCALES and _EN_FEW.search(text, max(0, a - 10), a):
            value, j = EN_SCALES[lw], i + 1
            while j < len(words) and words[j][2].lower() in EN_SCALES and EN_SCALES[words[j][2].lower()] > value \
                    and not text[words[j - 1][1]:words[j][0]].strip():
                value, j = value * EN_SCALES[words[j][2].lower()], j + 1  # "several hundred thousand"
            b = words[j - 1][1]
            yield Quantity(a, b, text[a:b], "vague", values=(value,), spelled=True)  # "several thousand"
            i = j
            continue
        if lw in _EN_VAGUE and i + 2 < len(words) and words[i + 1][2].lower() == "of" \
                and _EN_VAGUE.get(words[i + 2][2].lower(), 0) >= 1e3:
            a, b = words[i][0], words[i + 2][1]
            yield Quantity(a, b, text[a:b], "vague", values=(_EN_VAGUE[lw] * _EN_VAGUE[words[i + 2][2].lower()],),
                           spelled=True)  # "tens of thousands"
            i += 3
            continue
        got = _read_en(words, i, text)
        if got:
            value, j, scale = got
            a, b = words[i][0], words[j - 1][1]
            q = Quantity(a, b, text[a:b], "number", values=(value,), spelled=True)
            if scale >= 1e3:
                q.multiplied, q.loose = True, (value / scale,)  # "half a million": half of a scale
            yield q
            i = j
            continue
        tens, _, unit = lw.partition("-")
        if lw in _EN_ORDINALS or (tens in _EN_TENS and _EN_ORDINALS.get(unit, 10) < 10):
            value = _EN_ORDINALS[lw] if lw in _EN_ORDINALS else _EN_TENS[tens] + _EN_ORDINALS[unit]
            yield _en_day(text, Quantity(a, b, w, "number", values=(float(value),), spelled=True, ordinal=True))
        elif lw in _EN_VAGUE:
            yield Quantity(a, b, w, "vague", values=(_EN_VAGUE[lw],), spelled=True)
        elif lw in _EN_TIMES:
            yield Quantity(a, b, w, "number", values=(float(_EN_TIMES[lw]),), spelled=True)
        elif lw in ("a", "an") and i + 1 < len(words) and EN_UNIT.match(" " + words[i + 1][2]):
            yield Quantity(a, b, w, "number", values=(1.0,), spelled=True)
        elif lw in _EN_FRACTIONS and lw != "third":
            yield Quantity(a, b, w, "number", values=(_EN_FRACTIONS[lw],), spelled=True)
        i += 1
