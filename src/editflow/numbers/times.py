"""Times of day: `о 14:30`, `о 9 годині`, `2:30 p.m.`, `0500`, with the hedges that admit a rounded time."""

from __future__ import annotations

import re
from collections.abc import Iterator

from editflow.numbers.quantity import Quantity

_UK_TIME = re.compile(
    r"(?=[0-9оО])(?:(?<![0-9.,:])([0-9]{1,2}):([0-9]{2})(?![0-9]|[.,:][0-9])"
    r"|(?<=\b[оО] )([0-9]{1,2})[.]([0-9]{2})(?![0-9])"
    r"|(?<=\b[оО]б )([0-9]{1,2})[.]([0-9]{2})(?![0-9])"
    r"|\b[оО]б?[ \u00a0]([0-9]{1,2})(?:-?й)?[ \u00a0]год(?:ині|\.|ину)?)")
_EN_TIME = re.compile(
    r"(?=[0-9])(?:(?<![0-9.,:])([0-9]{1,2})(?:[:.]([0-9]{2}))?[ \u00a0]?([AaPp])\.?[ \u00a0]?[Mm]\b\.?"
    r"|(?<![0-9.,:])([0-9]{1,2}):([0-9]{2})(?![0-9]|[.,:][0-9])"
    r"|\b([0-9]{1,2}) o'clock\b"
    r"|(?<![0-9.,:])([01][0-9]|2[0-3])([0-5][0-9])(?=[ \u00a0]?(?:hours|hrs|GMT|UTC|BST)\b)"
    r"|(?<![0-9.,:])(0[0-9])([0-5][0-9])(?![0-9]))")


_TIME_HEDGE = re.compile(
    r"(?:about|around|approximately|roughly|shortly (?:after|before)|just (?:after|before)|close to)\s+(?:at\s+)?$"
    r"|(?:близько|приблизно|орієнтовно|майже|незадовго до|одразу після|після)\s+(?:о|об)?\s*$", re.IGNORECASE)


def _clock(h: int, ampm: str | None) -> tuple[int, ...]:
    if ampm:
        h12 = h % 12
        return (h12 + 12,) if ampm.lower() == "p" else (h12,)
    if h == 0 or h > 12:
        return (h % 24,)
    return (h, (h + 12) % 24)


def read_times(text: str, lang: str) -> Iterator[Quantity]:
    if lang == "uk":
        for m in _UK_TIME.finditer(text):
            g = m.groups()
            h, mi = (g[0], g[1]) if g[0] else (g[2], g[3]) if g[2] else (g[4], g[5]) if g[4] else (g[6], "0")
            h_, mi_ = int(h), int(mi)
            if h_ <= 24 and mi_ < 60:
                yield Quantity(m.start(), m.end(), m.group(), "time", hours=_clock(h_, None), minute=mi_,
                               approx=_TIME_HEDGE.search(text, max(0, m.start() - 30), m.start()) is not None)
    else:
        for m in _EN_TIME.finditer(text):
            g = m.groups()
            if g[0]:
                h, mi, ap = int(g[0]), int(g[1] or 0), g[2]
                if not (1 <= h <= 12):
                    continue
            elif g[3]:
                h, mi, ap = int(g[3]), int(g[4]), None
            elif g[5]:
                h, mi, ap = int(g[5]), 0, None
            elif g[6]:  # military time: 1430 hours, 0500
                h, mi, ap = int(g[6]), int(g[7]), None
            else:
                h, mi, ap = int(g[8]), int(g[9]), None
            if h <= 24 and mi < 60:
                yield Quantity(m.start(), m.end(), m.group(), "time", hours=_clock(h, ap), minute=mi,
                               approx=_TIME_HEDGE.search(text, max(0, m.start() - 30), m.start()) is not None)
