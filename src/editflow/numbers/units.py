"""Units of measure: which unit a figure is in, and whether a conversion is right.

A translator converts (`620 км` → `385 miles`) or adds a conversion in
brackets (`−10 °C (14 °F)`, `15,000 hectares (37,000 acres)`).  `unit_after`
reads the unit written right after a figure; `feet_and_inches` reads the
heights written the American way (`6-foot-6`, `6 ft 6 in`, `6'6"`) as one
figure in inches; `consistent` says whether two figures in units of one
dimension say the same thing.

The rounding tolerance.  A figure stands for every value that rounds to it
as written: `27` for 26.5–27.5, `1.83` for 1.825–1.835, `1,500` and `33,000`
for ±50 and ±500 (trailing zeros of a figure of three digits or more are
taken as rounding, keeping two significant digits), a hedged `about 80` for
±5, a figure in words (`a mile`, `a foot`) for ±half of its last digit.  A
conversion is right when the interval of the one figure, converted, meets
the interval of the other, widened by 2% for the factors newsrooms round
(1 mile ≈ 1.6 km, 1 ha ≈ 2.5 acres, 1 kg ≈ 2.2 lb).  So `27 °C` = `80 °F`
(80.6) and `6 m` = `20 feet` (19.7) pass, `−10 °C` = `50 °F` (14) does not.
A temperature difference (`на 5 градусів тепліше`, `a 20-degree
difference`) converts without the 32° offset.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Literal

from editflow.numbers.quantity import Quantity

Dimension = Literal["length", "speed", "mass", "area", "volume", "temperature", "duration"]

# unit → (dimension, factors to the dimension's base unit).  Two factors where
# usage differs: US and imperial gallons.  Temperatures are converted apart.
UNITS: dict[str, tuple[Dimension, tuple[float, ...]]] = {
    "mm": ("length", (0.001,)), "cm": ("length", (0.01,)), "m": ("length", (1.0,)), "km": ("length", (1000.0,)),
    "in": ("length", (0.0254,)), "ft": ("length", (0.3048,)), "yd": ("length", (0.9144,)),
    "mi": ("length", (1609.344,)),
    "kmh": ("speed", (1.0,)), "mph": ("speed", (1.609344,)), "ms": ("speed", (3.6,)),
    "g": ("mass", (0.001,)), "kg": ("mass", (1.0,)), "t": ("mass", (1000.0,)), "lb": ("mass", (0.45359237,)),
    "oz": ("mass", (0.028349523,)), "ton": ("mass", (1000.0, 907.18474, 1016.0469)),
    "ha": ("area", (1.0,)), "acre": ("area", (0.40468564,)), "km2": ("area", (100.0,)),
    "sqmi": ("area", (258.99881,)),
    "l": ("volume", (1.0,)), "gal": ("volume", (3.785411784, 4.54609)),
    "c": ("temperature", ()), "f": ("temperature", ()), "deg": ("temperature", ()),
    "yr": ("duration", (365.25,)), "mo": ("duration", (30.44,)), "wk": ("duration", (7.0,)), "day": ("duration", (1.0,)),
    "h": ("duration", (1 / 24,)), "min": ("duration", (1 / 1440,)),
}
# How units are written in messages.
UNIT_LABEL = {"mm": "mm", "cm": "cm", "m": "m", "km": "km", "in": "in", "ft": "ft", "yd": "yd", "mi": "miles",
              "kmh": "km/h", "mph": "mph", "ms": "m/s", "g": "g", "kg": "kg", "t": "t", "lb": "lb", "oz": "oz",
              "ha": "ha", "acre": "acres", "km2": "km²", "sqmi": "sq mi", "l": "l", "gal": "gallons",
              "c": "°C", "f": "°F", "deg": "°", "ton": "tons", "yr": "years", "mo": "months", "wk": "weeks",
              "day": "days", "h": "hours", "min": "minutes"}
CONVERSION_SLACK = 0.02

# Units of measure after a figure.  Only the units that news translations convert are listed.
_UK_UNIT = re.compile(
    r"[ \u00a0\u202f-]?(?:(мм|міліметр\w*)|(см|сантиметр\w*)|(км/год|км/ч|(?:км|кілометр\w*) на годину)"
    r"|(кв\.?\s?км|км²|км2|квадратн\w+ кілометр\w*)|(км|кілометр\w*)|(м/с|метр\w* на секунду)"
    r"|(м|метр\w*)|(кг|кілограм\w*)|(т|тонн\w*)|(л|літр\w*)|(га|гектар\w*)"
    r"|(°\s?[CС]|°(?!\s?[FФ])|градус\w*(?!\s+(?:за\s+)?Фаренгейт)(?:\s+(?:за\s+)?Цельсі\w+)?)"
    r"|(миль на годину)|(мил[ьяіею]\w*)|(фут\w*)|(дюйм\w*)|(°\s?F|градус\w*\s+(?:за\s+)?Фаренгейт\w*)"
    r"|(рік|роки|років|року|роках|роком|році)|(місяц\w*|місяць)|(тиждень|тижн\w*)"
    r"|(день|дні|днів|дня|днями|днях|добу|доби|діб|доба)|(годин\w*)|(хвилин\w*|хв))(?![\w])",
    re.IGNORECASE)
_UK_UNIT_NAMES = ("mm", "cm", "kmh", "km2", "km", "ms", "m", "kg", "t", "l", "ha", "c", "mph", "mi", "ft", "in", "f",
                  "yr", "mo", "wk", "day", "h", "min")
EN_UNIT = re.compile(
    r"[ \u00a0\u202f-]?(?:(inch(?:es)?|in\.|\")|(foot|feet|ft\b\.?)|(miles? (?:per|an) hour|mph)"
    r"|(square miles?|sq\.? mi(?:les?)?\b)|(miles?)|(yards?)"
    r"|(pounds?|lbs?\b\.?)|(ounces?|oz\b)|(gallons?)|(acres?)|(°\s?F|(?:degrees?\s+)?Fahrenheit)"
    r"|(°\s?C|(?:degrees?\s+)?(?:Celsius|centigrade))|(degrees?|°)"
    r"|(km/h|kph|km (?:per|an) hour|kilometres? (?:per|an) hour|kilometers? (?:per|an) hour)"
    r"|(square (?:kilometres?|kilometers?)|sq\.? ?km|km²|km2)|(km|kilometres?|kilometers?)"
    r"|(cm|centimetres?|centimeters?)|(mm|millimetres?|millimeters?)|(m/s|metres? (?:per|a) second)"
    r"|(m|metres?|meters?)|(kg|kilos?|kilogrammes?|kilograms?)|(tonnes?|metric tons?)|(tons?)"
    r"|(l|litres?|liters?)|(ha|hectares?)|(years?|yrs?)|(months?)|(weeks?)|(days?)|(hours?|hrs?)|(minutes?|mins?))"
    r"(?![A-Za-z²])", re.IGNORECASE)
_EN_UNIT_NAMES = ("in", "ft", "mph", "sqmi", "mi", "yd", "lb", "oz", "gal", "acre", "f", "c", "deg", "kmh", "km2",
                  "km", "cm", "mm", "ms", "m", "kg", "t", "ton", "l", "ha", "yr", "mo", "wk", "day", "h", "min")
# A range before the unit: "2 to 4 inches", "10–15 см" (the unit belongs to both figures).
_RANGE_TAIL = re.compile(r"\s*(?:-|–|—|to|до|or|або|чи|x|х|×|by|на)\s*(?:[0-9]+(?:[.,][0-9]+)?|[A-Za-z]+(?:-[A-Za-z]+)?)",
                         re.IGNORECASE)
# "27C", "80F": a temperature glued to its scale's letter.
_GLUED_SCALE = re.compile(r"(?:°\s?)?([CF])(?![A-Za-z])")


def unit_after(text: str, lang: str) -> str:
    """The unit a figure is in, read from the text right after it ("" when none)."""
    if lang == "en":
        if re.match(r"in(?![A-Za-z])", text):
            return "in"  # 6in: glued, it is the unit, not the preposition
        glued = _GLUED_SCALE.match(text)
        if glued:
            return glued.group(1).lower()
    rx, names = (_UK_UNIT, _UK_UNIT_NAMES) if lang == "uk" else (EN_UNIT, _EN_UNIT_NAMES)
    tail = _RANGE_TAIL.match(text)
    for probe in (text, text[tail.end():]) if tail else (text,):
        m = rx.match(probe)
        if m:
            return next(n for n, g in zip(names, m.groups(), strict=True) if g)
    return ""


_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12}
_N = r"([0-9]{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_FEET_INCHES = re.compile(
    rf"(?<![\w.,])(?:{_N}-(?:foot|feet)-{_N}(?:-inch(?:es)?)?"
    rf"|{_N} ?(?:ft\.?|feet|foot) ?(?:and )?{_N} ?(?:in\b\.?|inch(?:es)?)"
    rf"|([0-9])['′’] ?([0-9]{{1,2}})(?:\"|″|”|'')?(?![0-9]))", re.IGNORECASE)


_FEET_CUE = re.compile(r"[0-9]['′’]|[0-9] ?(?:ft|feet|foot)|\b(?:foot|feet|ft)\b", re.IGNORECASE)
_UK_FEET_INCHES = re.compile(r"(?<![\w.,])([0-9])[ \u00a0]?фут\w*[ \u00a0]+(?:(?:і|й|та)[ \u00a0]+)?([0-9]{1,2})"
                             r"[ \u00a0]?дюйм\w*", re.IGNORECASE)


def feet_and_inches(text: str, lang: str = "en") -> Iterator[Quantity]:
    """`6-foot-6`, `6 ft 6 in`, `six feet two inches`, `6'6"`, `6 футів і 6 дюймів`: one height in inches (78)."""
    if lang == "uk":
        found = _UK_FEET_INCHES.finditer(text) if "фут" in text else iter(())
    elif _FEET_CUE.search(text):
        found = _FEET_INCHES.finditer(text)
    else:
        return
    for m in found:
        g = [x for x in m.groups() if x]
        feet, inches = (int(x) if x.isdigit() else _SMALL[x.lower()] for x in g[:2])
        if inches < 12 and 1 <= feet <= 8:
            yield Quantity(m.start(), m.end(), m.group(), "number", values=(float(feet * 12 + inches),), unit="in")


def dimension(unit: str) -> Dimension | None:
    entry = UNITS.get(unit)
    return entry[0] if entry else None


def same_dimension(a: str, b: str) -> bool:
    da = dimension(a)
    return da is not None and da == dimension(b)


def _temperature(v: float, frm: str, to: str, difference: bool) -> float:
    if frm == to:
        return v
    if frm == "c":
        return v * 1.8 if difference else v * 1.8 + 32
    return v / 1.8 if difference else (v - 32) / 1.8


def convert(v: float, frm: str, to: str, difference: bool = False) -> list[float]:
    """`v` in unit `frm` expressed in unit `to` (every reading: an unspecified degree is °C or °F)."""
    if dimension(frm) != dimension(to) or dimension(frm) is None:
        return []
    if dimension(frm) == "temperature":
        scales_from = ("c", "f") if frm == "deg" else (frm,)
        scales_to = ("c", "f") if to == "deg" else (to,)
        return [_temperature(v, a, b, difference) for a in scales_from for b in scales_to if
                frm != "deg" or to != "deg" or a == b]
    return [v * fa / fb for fa in UNITS[frm][1] for fb in UNITS[to][1]]


_NUMERIC = re.compile(r"[0-9][0-9.,\u00a0\u202f\u2009 ]*[0-9]")


def half_step(q: Quantity) -> float:
    """Half of the last digit a figure shows: how far off it may be and still be right (see the module notes)."""
    if not q.values:
        return 0.0
    v = abs(q.values[0])
    scale = v / abs(q.loose[0]) if q.multiplied and q.loose and q.loose[0] else 1.0
    mantissa = v / scale
    if not float(mantissa).is_integer():
        token = _NUMERIC.search(q.text)
        tail = re.split(r"[.,]", token.group())[-1] if token and re.search(r"[.,]", token.group()) else "0"
        return 0.5 * 10 ** -len(tail) * scale
    n = int(mantissa)
    trailing = len(str(n)) - len(str(n).rstrip("0")) if n else 0
    if n >= 100:
        k = min(trailing, len(str(n)) - 2)
    elif (q.approx or q.spelled) and n >= 10:
        # "about 80" may stand for 75-85; "about 10" not for 5-15
        return min(0.5 * 10 ** min(trailing, 1), 0.1 * n) * scale
    else:
        k = 0
    return 0.5 * 10 ** k * scale


def interval(q: Quantity) -> tuple[float, float]:
    h = half_step(q)
    return q.values[0] - h, q.values[0] + h


def conversions(src: Quantity, to: str, difference: bool = False) -> list[tuple[float, float]]:
    """The interval `src` stands for, expressed in unit `to`, widened by the slack (one per reading)."""
    lo, hi = interval(src)
    out = []
    for a, b in zip(convert(lo, src.unit, to, difference), convert(hi, src.unit, to, difference), strict=True):
        slack = CONVERSION_SLACK * max(abs(a), abs(b))
        out.append((min(a, b) - slack, max(a, b) + slack))
    return out


def consistent(a: Quantity, b: Quantity) -> bool:
    """Whether two figures with units of one dimension say the same (a conversion within the tolerance)."""
    if not a.values or not b.values or not same_dimension(a.unit, b.unit):
        return False
    difference = a.difference or b.difference
    lo, hi = interval(b)
    return any(x <= hi and lo <= y for x, y in conversions(a, b.unit, difference))


def converted_value(a: Quantity, to: str, difference: bool = False) -> float | None:
    """`a`'s value in unit `to`, for messages (the first reading)."""
    got = convert(a.values[0], a.unit, to, difference) if a.values else []
    return got[0] if got else None


def round_like(v: float, like: Quantity) -> str:
    """`v` written with the precision `like` shows (for "−10 °C = 14 °F")."""
    h = half_step(like) or 0.5
    decimals = max(0, -math.floor(math.log10(2 * h))) if h < 0.5 else 0
    return f"{v:,.{decimals}f}".replace("-", "−")


_UNIT_WORDS = (r"(?:\s?°\s?[CСF]?|\s?[CF]\b|[\s-]?(?:degrees?|градус\w*)(?:\s+(?:Celsius|Fahrenheit|за\s+Цельсієм"
               r"|Цельсія|за\s+Фаренгейтом|Фаренгейта))?)?")
_DIFF_BEFORE = re.compile(
    r"(?:(?<![\w])на|\bby|\b(?:warming|cooling|rise|increase|drop|fall|change|swing|difference) of)"
    r"\s+(?:some\s+|about\s+|around\s+|nearly\s+|almost\s+|майже\s+|близько\s+|приблизно\s+)?$", re.IGNORECASE)
_DIFF_AFTER = re.compile(
    _UNIT_WORDS + r"\s*(?:temperature\s+)?(?:warmer|colder|hotter|cooler|higher|lower|above|below(?!\s+(?:zero|freezing))"
    r"|difference|swing|вище(?!\s+нуля)|нижче(?!\s+нуля)|тепліш\w*|холодніш\w*|різниц\w*|перепад\w*)(?![\w])",
    re.IGNORECASE)


def mark_differences(qs: list[Quantity], text: str) -> None:
    """Mark temperatures that are differences ("на 5 градусів тепліше", "10 degrees above average")."""
    for q in qs:
        if dimension(q.unit) == "temperature" and not q.sign:
            q.difference = bool(_DIFF_BEFORE.search(text, max(0, q.start - 30), q.start)
                                or _DIFF_AFTER.match(text, q.end))
