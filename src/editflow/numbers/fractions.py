"""Fractions: `1/3`, `a third`, `two-thirds`, `a quarter of a million`, `дві третини`, `чверть`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from editflow.numbers.quantity import Quantity
from editflow.numbers.text import lower_keeping_offsets
from editflow.numbers.words_en import EN_ONES, EN_SCALES

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


def read_fractions(text: str, lang: str) -> Iterator[Quantity]:
    """1/3, a third, two-thirds, дві третини, чверть: one value each."""
    if "/" in text:
        for m in _DIGIT_FRACTION.finditer(text):
            yield Quantity(m.start(), m.end(), m.group(), "number", values=(int(m.group(1)) / int(m.group(2)),))
    low = lower_keeping_offsets(text)
    if lang == "en" and any(w in low for w in ("half", "halves", "third", "quarter", "fifth", "tenth")):
        for m in _EN_FRACTION.finditer(text):
            n = 1 if m.group(1).lower() in ("a", "one") else EN_ONES[m.group(1).lower()]
            scale = EN_SCALES[m.group(4).lower()] if m.group(4) else 1  # a quarter of a million
            yield Quantity(m.start(), m.end(), m.group(), "number", spelled=True, multiplied=scale > 1,
                           values=(n / _EN_DENOMINATORS[(m.group(2) or m.group(3)).lower()] * scale,))
    elif lang == "uk" and ("трет" in low or "чверт" in low):
        for m in _UK_FRACTION.finditer(text):
            n = _UK_FRACTION_NUM.get(m.group(1).lower()[:2], 1) if m.group(1) else 1
            d = 3 if m.group(2).lower().startswith("трет") else 4
            yield Quantity(m.start(), m.end(), m.group(), "number", values=(n / d,), spelled=True)
