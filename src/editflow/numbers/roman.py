"""Centuries in Roman numerals: `XVII століття`, `ХХІ ст.` (Cyrillic look-alikes too), `XX century`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from editflow.numbers.quantity import Quantity

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN_CENTURY = re.compile(
    r"\b([IVXLСХІ]{1,7})(?=[ \u00a0]+(?:століт|сторіч|ст\.|century|centuries|cent\.))")


def _roman(s: str) -> int | None:
    s = s.replace("Х", "X").replace("І", "I").replace("С", "C")  # Cyrillic look-alikes typed for Latin
    if not re.fullmatch(r"C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})", s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total or None


def centuries(text: str) -> Iterator[Quantity]:
    for m in _ROMAN_CENTURY.finditer(text):
        v = _roman(m.group(1))
        if v:
            yield Quantity(m.start(), m.end(), m.group(), "number", values=(float(v),), ordinal=True)
