"""What a reader finds: a `Quantity`, one figure of a paragraph with its exact span."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# number: an amount; vague: "сотні", "dozens"; code: a designation or phone number,
# compared by its digits; date and time: compared field by field.
Kind = Literal["number", "date", "time", "code", "vague"]
Date = tuple[int | None, int | None, int | None]  # (year, month, day), None where not given


@dataclass
class Quantity:
    start: int
    end: int
    text: str
    kind: Kind
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
    sign: int = 0                      # -1 / +1 when the text writes the sign ("−5", "мінус 5", "+3"); values carry it
    currency: str = ""                 # "UAH", "USD", "EUR", "GBP" for a sum of money
    difference: bool = False           # a temperature difference ("на 5 градусів тепліше"): converted without offset
    zone: tuple[float, ...] | None = ()  # a time's zone as UTC offsets: () not stated, None stated but unknown


def sig_digits(x: float) -> int:
    """Significant digits of a figure as written (1500 → 2, 1456 → 4, 2.5 → 2)."""
    s = f"{abs(x):.6f}".rstrip("0").rstrip(".").replace(".", "").lstrip("0")
    return max(1, len(s.rstrip("0"))) if s else 1


def can_add(current: float, v: float) -> bool:
    """Whether v continues the number read so far: 20 + 5, 100 + 20, not 14 + 12."""
    if current == 0:
        return True
    if v < 100 and current % 100 == 0:
        return True
    return v < 10 and current % 10 == 0 and current % 100 >= 20
