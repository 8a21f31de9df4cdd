"""Units of measure after a figure, so that a converted figure finds its counterpart."""

from __future__ import annotations

import re

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
EN_UNIT = re.compile(
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


def unit_after(text: str, lang: str) -> str:
    """The unit a figure is in, read from the text right after it ("" when none)."""
    if lang == "en" and re.match(r"in(?![A-Za-z])", text):
        return "in"  # 6in: glued, it is the unit, not the preposition
    rx, names = (_UK_UNIT, _UK_UNIT_NAMES) if lang == "uk" else (EN_UNIT, _EN_UNIT_NAMES)
    tail = _RANGE_TAIL.match(text)
    for probe in (text, text[tail.end():]) if tail else (text,):
        m = rx.match(probe)
        if m:
            return next(n for n, g in zip(names, m.groups()) if g)
    return ""
