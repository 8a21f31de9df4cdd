"""The sign of a figure: `−10 °C`, `–5`, `-3`, `+3`, `мінус 5`, `minus 5`, `5 градусів нижче нуля`,
`10 градусів морозу`, `five degrees below zero`.

The sign is part of the value (`values` carry it, `sign` says it was
written), so that a conversion is checked with it and a lost minus shows.
A hyphen or dash is a sign only glued to the figure and not glued to what
stands before it: `10-15`, `С-300`, `2022-23` and `COVID-19` keep their
figures positive.
"""

from __future__ import annotations

import re

from editflow.numbers.quantity import Quantity

_GLUED = re.compile(r"(?:^|(?<=[\s(\[{:;,=/«\"“„'—]))([-−–+])$")
_WORD_BEFORE = re.compile(r"(?<![\w])(мінус|minus|плюс|plus)\s+$", re.IGNORECASE)
_BELOW_ZERO = re.compile(
    r"\s*(?:°\s?[CСF]?\s*|[CF]\b\s*|градус\w*\s+|degrees?\s+(?:(?:Celsius|centigrade|Fahrenheit)\s+)?)?"
    r"(?:(нижче\s+нуля|морозу|below\s+zero|of\s+frost)|(тепла|вище\s+нуля|above\s+zero))(?![\w])", re.IGNORECASE)


def apply_signs(qs: list[Quantity], work: str, text: str) -> None:
    """Give each number its written sign; a span grows to take the sign in ("−10", "мінус 5").

    `work` is the paragraph as read (addresses blanked), `text` as written.
    """
    for q in qs:
        if q.kind != "number" or not q.values or q.listnum:
            continue
        sign, start = 0, q.start
        glued = _GLUED.search(work, max(0, q.start - 2), q.start)
        word = _WORD_BEFORE.search(work, max(0, q.start - 8), q.start) if not glued else None
        if glued:
            sign, start = (1 if glued.group(1) == "+" else -1), glued.start(1)
        elif word:
            sign, start = (1 if word.group(1).lower() in ("плюс", "plus") else -1), word.start(1)
        after = _BELOW_ZERO.match(work, q.end)
        if after and not sign:
            sign = -1 if after.group(1) else 1
        if not sign:
            continue
        q.sign = sign
        if start < q.start:
            q.start, q.text = start, text[start:q.end]
        if sign < 0:
            q.values = tuple(-v for v in q.values)
            q.loose = tuple(-v for v in q.loose)
