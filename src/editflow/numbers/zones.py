"""Time zones written after a time: `(UTC+2)`, `GMT`, `Kyiv time`, `за київським часом`, `ET`.

A Ukrainian time is Kyiv time unless it says otherwise: UTC+2 in winter,
UTC+3 in summer, and an article does not always say which.  A zone is its
offsets from UTC in hours, (winter, summer), so that two zones are compared
in the same season; an unknown zone ("local time", "Ankara time") is None.
"""

from __future__ import annotations

import re

KYIV: tuple[float, ...] = (2.0, 3.0)
_NAMED = {
    "UTC": (0.0, 0.0), "GMT": (0.0, 0.0), "Z": (0.0, 0.0), "BST": (1.0, 1.0), "WET": (0.0, 0.0),
    "WEST": (1.0, 1.0), "CET": (1.0, 1.0), "CEST": (2.0, 2.0), "EET": (2.0, 2.0), "EEST": (3.0, 3.0),
    "MSK": (3.0, 3.0), "ET": (-5.0, -4.0), "EST": (-5.0, -5.0), "EDT": (-4.0, -4.0), "CT": (-6.0, -5.0),
    "CST": (-6.0, -6.0), "CDT": (-5.0, -5.0), "MT": (-7.0, -6.0), "PT": (-8.0, -7.0), "PST": (-8.0, -8.0),
    "PDT": (-7.0, -7.0),
}
_PLACES = {"kyiv": KYIV, "kiev": KYIV, "ukraine": KYIV, "ukrainian": KYIV, "moscow": (3.0, 3.0),
           "london": (0.0, 1.0), "uk": (0.0, 1.0), "british": (0.0, 1.0), "washington": (-5.0, -4.0),
           "new york": (-5.0, -4.0), "eastern": (-5.0, -4.0), "central european": (1.0, 2.0), "berlin": (1.0, 2.0),
           "paris": (1.0, 2.0), "brussels": (1.0, 2.0), "warsaw": (1.0, 2.0), "greenwich": (0.0, 0.0)}
_UK_PLACES = {"київськ": KYIV, "києв": KYIV, "київ": KYIV, "московськ": (3.0, 3.0), "гринвіч": (0.0, 0.0),
              "українськ": KYIV, "британськ": (0.0, 1.0), "англійськ": (0.0, 1.0),
              "лондонськ": (0.0, 1.0), "вашингтонськ": (-5.0, -4.0),
              "нью-йоркськ": (-5.0, -4.0), "східн": (-5.0, -4.0), "центральноєвропейськ": (1.0, 2.0),
              "всесвітн": (0.0, 0.0), "utc": (0.0, 0.0)}
# The zone's offsets as digits ("UTC+2", "GMT+03:00"): blanked before reading, so never a figure.
OFFSET = re.compile(r"(?<![A-Za-z])(?:UTC|GMT)\s?[+−–-]\s?[0-9]{1,2}(?::?[0-9]{2})?(?![0-9])")
_EN_ZONE = re.compile(
    r"[ \u00a0]*\(?(?:(?P<code>UTC|GMT|BST|WET|WEST|CET|CEST|EET|EEST|MSK|ET|EST|EDT|CT|CST|CDT|MT|PT|PST|PDT|Z)"
    r"(?:\s?(?P<sign>[+−–-])\s?(?P<h>[0-9]{1,2})(?::?(?P<m>[0-9]{2}))?)?(?![A-Za-z0-9])"
    r"|(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?|local) [Tt]ime\b)")
_UK_ZONE = re.compile(
    r"(?:[ \u00a0]+(?:ранку|вечора|дня|ночі))?[ \u00a0]*\(?"
    r"(?:за\s+(?P<place>[а-яіїєґ'-]+)(?:\s+(?:літн|стандартн|зимов)\w*)?(?:\s+час\w*)?"
    r"|(?P<code>UTC|GMT|EET|EEST|MSK)(?:\s?(?P<sign>[+−–-])\s?(?P<h>[0-9]{1,2})(?::?(?P<m>[0-9]{2}))?)?"
    r"(?![A-Za-z0-9]))", re.IGNORECASE)


def zone_after(text: str, end: int, lang: str) -> tuple[float, ...] | None:
    """The zone written right after a time ending at `end`: (winter, summer) offsets, () when none, None unknown."""
    m = (_UK_ZONE if lang == "uk" else _EN_ZONE).match(text, end)
    if not m:
        return ()
    if m.group("code"):
        base = _NAMED[m.group("code").upper()]
        if m.group("sign"):
            off = int(m.group("h")) + int(m.group("m") or 0) / 60
            off = -off if m.group("sign") != "+" else off
            return (off, off)
        return base
    place = m.group("place").lower()
    table = _UK_PLACES if lang == "uk" else _PLACES
    for key, offsets in table.items():
        if place.startswith(key):
            return offsets
    if lang == "uk" and not place.startswith(("місцев", "тамтешн")):
        return ()  # "за планом", "за добу": not a zone
    return None
