"""Times of day: `о 14:30`, `о 18.30`, `о 18-й`, `о 6 ранку`, `2:30 p.m.`, `0500`, `noon`, with their zone.

The hedges that admit a rounded time ("about 2:30 p.m." for 14:28) are read
too, and the zone written after a time (`(UTC+2)`, `Kyiv time`, `13:00 GMT`)
so that a time given in another zone is compared as such.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editflow.numbers.quantity import Quantity
from editflow.numbers.zones import zone_after

_UK_PREP = (r"(?:[оО]б?|[дД]о|[зЗ]|[іІ]з|[пП]ісля|[вВ]ід|[нН]а|[бБ]лизько|[пП]риблизно\s+о|[сС]таном\s+на"
            r"|[пП]очинаючи\s+з)")
# "до 2.50 грн", "з 1.20 м": a figure written with a point, not a time
_NOT_AN_AMOUNT = r"(?![ \u00a0]*(?:грн|гривн|дол|євр|%|відс|млн|млрд|тис|км|кг|м\b|см|бал|очк|раз))"
_UK_TIME = re.compile(
    r"(?=[0-9оОдДзЗіІпПвВбБсСнН])(?:(?<![0-9.,:])([0-9]{1,2}):([0-9]{2})(?![0-9]|[.,:][0-9])"
    rf"|(?<![\w]){_UK_PREP}[ \u00a0]+([0-9]{{1,2}})[.]([0-9]{{2}})(?![0-9]|[.,][0-9]){_NOT_AN_AMOUNT}"
    r"|(?<![0-9.,])([0-9]{1,2})[.]([0-9]{2})(?=[ \u00a0]?год)"
    r"|(?<![\w])[оО]б?[ \u00a0]([0-9]{1,2})(?:-?(?:й|ій))?[ \u00a0]год(?:ині|\.|ину)?"
    rf"|(?<![\w]){_UK_PREP}[ \u00a0]+([0-9]{{1,2}})(?:-?(?:й|ї|ої|ій))?[ \u00a0]+(ранку|вечора|дня|ночі)\b"
    r"|(?<![\w])(?:[оО]б?|[дД]о|[пП]ісля|[бБ]лизько)[ \u00a0]+([0-9]{1,2})-?(?:й|ї|ої|ій)(?![\w])"
    r"(?![ \u00a0]*(?:хвилин|секунд|день|дня|рік|року|раз|числа|місц|клас|бригад|березня|квітня|травня|червня"
    r"|липня|серпня|вересня|жовтня|листопада|грудня|січня|лютого)))")
_EN_TIME = re.compile(
    r"(?=[0-9a-zA-Z])(?:(?<![0-9.,:])([0-9]{1,2})(?:[:.]([0-9]{2}))?[ \u00a0]?([AaPp])\.?[ \u00a0]?[Mm]\b\.?"
    r"|(?<![0-9.,:])([0-9]{1,2}):([0-9]{2})(?![0-9]|[.,:][0-9])"
    r"|\b([0-9]{1,2}) o'clock\b"
    r"|(?<![0-9.,:])([01][0-9]|2[0-3])([0-5][0-9])(?=[ \u00a0]?(?:hours|hrs|GMT|UTC|BST)\b)"
    r"|(?<![0-9.,:])(0[0-9])([0-5][0-9])(?![0-9])"
    r"|(?<=\b(?:at|by) )([0-9]{1,2})\.([0-5][0-9])(?![0-9]|[.,][0-9]|\s?(?:percent|per cent|%|million|billion)))")
# What every time of each reader holds somewhere (a cheap test before the full patterns).
_UK_CUE = re.compile(r"[0-9](?:[:.][0-9]|\s?год|-?(?:й|ї|ої|ій)\b|\s+(?:ранку|вечора|ночі|дня))")
_EN_CUE = re.compile(r"[0-9](?:[:.][0-9]|\s?[AaPp]\.?\s?[Mm]|\s?o'clock|\s?(?:hours|hrs|GMT|UTC|BST))|0[0-9]{3}")
_DAYPART_AFTER = re.compile(r"[ \u00a0]+(ранку|вечора|дня|ночі)\b")
_UK_DAYPART = {"ранку": (0, 11), "дня": (11, 17), "вечора": (16, 23), "ночі": (0, 5)}
_WORD_TIME = re.compile(r"(?<![\w])(опівдні|опівночі|noon|midday|midnight)(?![\w])", re.IGNORECASE)

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


def _daypart(h: int, part: str) -> tuple[int, ...]:
    """"о 6 вечора" is 18:00, "о 3 ночі" 3:00, "о 2 дня" 14:00."""
    lo, hi = _UK_DAYPART[part]
    return tuple(x for x in dict.fromkeys((h % 24, (h + 12) % 24)) if lo <= x <= hi) or (h % 24,)


def _time(text: str, a: int, b: int, hours: tuple[int, ...], minute: int, lang: str,
          spelled: bool = False) -> Quantity:
    return Quantity(a, b, text[a:b], "time", hours=hours, minute=minute, spelled=spelled,
                    approx=_TIME_HEDGE.search(text, max(0, a - 30), a) is not None,
                    zone=zone_after(text, b, lang))


def read_times(text: str, lang: str, original: str | None = None) -> Iterator[Quantity]:
    """Times of `text`; zones are read from `original` (the text before masking, where "UTC+2" still stands)."""
    zones_in = original if original is not None else text
    if not (_UK_CUE if lang == "uk" else _EN_CUE).search(text):
        return  # speed: most paragraphs hold no time
    if lang == "uk":
        for m in _UK_TIME.finditer(text):
            g = m.groups()
            if g[7]:  # "о 6 вечора"
                h, mi, a = int(g[7]), 0, m.start(8)
                hours = _daypart(h, g[8])
            else:
                k = next(i for i in (0, 2, 4, 6, 9) if g[i])
                h, mi = int(g[k]), int(g[k + 1]) if k in (0, 2, 4) else 0
                part = _DAYPART_AFTER.match(text, m.end())
                # "14:30", "о 18.30": the 24-hour clock; "о 9 годині" may be evening too
                hours = _daypart(h, part.group(1)) if part else (h % 24,) if k in (0, 2, 4) else _clock(h, None)
                # the span starts at the figure, not at the preposition before it
                a = m.start(k + 1) if k in (2, 9) else m.start()
            if h <= 24 and mi < 60:
                yield _time(zones_in, a, m.end(), hours, mi, lang)
        return
    for m in _EN_TIME.finditer(text):
        g = m.groups()
        if g[0]:
            h, mi, ap = int(g[0]), int(g[1] or 0), g[2]
            if not (1 <= h <= 12):
                continue
        else:
            k = next(i for i in (3, 5, 6, 8, 10) if g[i])
            h, mi, ap = int(g[k]), int(g[k + 1]) if k != 5 else 0, None
        if h <= 24 and mi < 60:
            yield _time(zones_in, m.start(), m.end(), _clock(h, ap), mi, lang)


def word_times(text: str, lang: str) -> Iterator[Quantity]:
    """Noon and midnight: "опівдні", "at noon", "midnight"."""
    for m in _WORD_TIME.finditer(text):
        noon = m.group(1).lower() in ("опівдні", "noon", "midday")
        yield _time(text, m.start(), m.end(), (12,) if noon else (0,), 0, lang, spelled=True)
