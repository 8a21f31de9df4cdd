"""Figures written with digits, each side by its own locale, with multiplier, percent and hedge.

    Ukrainian: decimal comma (`2,5`), thousands grouped by (narrow) no-break or
               plain spaces (`1 800`); `1,800` is 1.8 by the rule and 1800 by
               the English habit some writers copy, so it carries both readings.
    English:   thousands comma (`1,800`), decimal point (`2.5`); `2,5` and
               `1 800` are read the Ukrainian way and marked in `fmt`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editflow.numbers.money import currency_after, currency_before
from editflow.numbers.quantity import Quantity
from editflow.numbers.text import CYR, GROUP_SP, overlaps
from editflow.numbers.units import unit_after

_UK_NUM = re.compile(
    r"(?=[0-9])(?<![0-9])(?<![0-9][.,])(?:(?<![A-Za-z_])|(?<=[0-9]x))"
    r"(?:[0-9]{1,3}(?:[ \u00a0\u202f\u2009][0-9]{3})+(?:,[0-9]+)?(?![0-9])|[0-9]+(?:[.,][0-9]+)?)(?![0-9])")
_EN_NUM = re.compile(
    rf"(?=[0-9])(?<![0-9])(?<![0-9][.,])(?:(?<![A-Za-z_])|(?<=[0-9]x))(?:[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?(?![0-9])"
    rf"|[0-9]{{1,3}}(?:[ \u00a0\u202f\u2009][0-9]{{3}})+,[0-9]+(?![0-9])"
    rf"|[0-9]{{1,3}}(?:{GROUP_SP}[0-9]{{3}})+(?![0-9])"
    rf"|[0-9]{{1,3}}(?: [0-9]{{3}})+(?![0-9]|[.,][0-9])"
    rf"|[0-9]+(?:\.[0-9]+)?(?![0-9]|,[0-9])"
    rf"|[0-9]+,[0-9]+(?![0-9]))")

_UK_MULT = re.compile(
    r"[ \u00a0\u202f]?(?:(тис)\.|(тисяч)(?:а|і|у|ами|ах|ею)?\b|(тис)\b|(млн|мільйон\w*)\.?|(млрд|мільярд\w*)\.?"
    r"|(трлн|трильйон\w*)\.?)", re.IGNORECASE)
_UK_MULT_BEFORE = re.compile(r"(?<![\w])тисяч[ \u00a0]+$", re.IGNORECASE)
_EN_MULT = re.compile(
    r"(?:[ \u00a0\u202f-](thousand|million|billion|trillion|mln|mn|bn|tn)\b"
    r"|(k|m|mn|bn|b|tn)\b(?![-'’]))")
_EN_MULT_VALUE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
                  "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
_UK_PCT = re.compile(r"[ \u00a0\u202f]?(?:%|(?:відсот|процент)\w*|в[іi]дс\.)", re.IGNORECASE)
_EN_PCT = re.compile(r"[ \u00a0\u202f-]?(?:%|percent(?:age points?)?\b|per[ -]cent\b|pc\b)", re.IGNORECASE)
_UK_SUFFIX = re.compile(rf"-[{CYR}']+")
_UK_ORD_SUFFIX = {"й", "го", "му", "ий", "ого", "ому", "ій", "ім", "а", "я", "е", "ї", "ої", "ою", "ю", "ше",
                  "ге", "тє", "те", "ти"}
_EN_ORD = re.compile(r"(?:st|nd|rd|th)\b")
_CURRENCY_BEFORE = re.compile(r"[$£€₴¥]\s?$|(?:US|USD|EUR|GBP|UAH)\s?$")


def _uk_values(s: str) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Readings of a Ukrainian digit string: (values, loose readings)."""
    plain = s.replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace("\u2009", "")
    if "," in plain or "." in plain:
        sep = "," if "," in plain else "."
        whole, frac = plain.split(sep, 1)
        dec = float(f"{whole}.{frac}")
        if len(frac) == 3 and 1 <= len(whole) <= 3 and plain == s:
            # 1,800 / 1.800: decimal by the rule, thousands by habit; both are real readings
            return (dec, float(whole + frac)), ()
        return (dec,), ()
    return (float(plain),), ()


def _en_values(s: str) -> tuple[tuple[float, ...], str]:
    if any(c in s for c in "\u00a0\u202f\u2009 ") and "," in s:
        # "1 250,50": grouped and with a decimal comma, the Ukrainian way through and through
        return (float(re.sub(r"[ \u00a0\u202f\u2009]", "", s).replace(",", ".")),), "decimal-comma"
    if any(c in s for c in "\u00a0\u202f\u2009 "):
        return (float(re.sub(r"[ \u00a0\u202f\u2009]", "", s)),), "space-group"
    if re.fullmatch(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?", s):
        return (float(s.replace(",", "")),), ""
    if "," in s:  # 2,5: a decimal comma in English
        whole, frac = s.split(",", 1)
        return (float(f"{whole}.{frac}"),), "decimal-comma"
    if re.fullmatch(r"[0-9]{1,3}\.[0-9]{3}", s):
        # 1.800: 1.8, or 1800 grouped the continental way; the check tells which by the Ukrainian
        return (float(s), float(s.replace(".", ""))), "dot-group"
    return (float(s),), ""


_SQUARE_UNIT = re.compile(r"(?:[кмсд]?м|km|cm|m)$", re.IGNORECASE)


# Words that admit a rounded figure: only after one of them may the English round.
_EN_HEDGE = re.compile(
    r"\b(?:about|around|approximately|roughly|some|nearly|almost|over|more than|less than|fewer than|under"
    r"|up to|at least|close to|an estimated|estimated|just over|just under)\s*(?:[$€£]|US\$|UAH|USD)?\s*$"
    r"|[~≈]\s*[$€£]?\s*$", re.IGNORECASE)
_UK_HEDGE = re.compile(
    r"(?<![\w'’])(?:близько|майже|понад|приблизно|щонайменше|менше ніж|більше ніж|більш ніж|менш ніж|до"
    r"|орієнтовно|мало не|майже що|понад як|більше за|менше за)\s*[$€£]?\s*$|[~≈]\s*$", re.IGNORECASE)


def digit_numbers(text: str, lang: str, taken: list[tuple[int, int]]) -> Iterator[Quantity]:
    """The figures written with digits outside the spans taken, each with its multiplier, percent or unit."""
    rx = _UK_NUM if lang == "uk" else _EN_NUM
    for m in rx.finditer(text):
        a, b = m.span()
        if overlaps(taken, a, b) or (_SQUARE_UNIT.search(text, max(0, a - 3), a) and m.group() in ("2", "3")):
            continue
        s = m.group()
        if lang == "uk":
            values, _ = _uk_values(s)
            fmt = ""
        else:
            values, fmt = _en_values(s)
        q = Quantity(a, b, s, "number", values=values, fmt=fmt)
        q.approx = (_UK_HEDGE if lang == "uk" else _EN_HEDGE).search(text, max(0, a - 30), a) is not None
        end = b
        rest = text[b:b + 40]
        if lang == "uk":
            mm = _UK_MULT.match(rest)
            if not mm and _UK_MULT_BEFORE.search(text, max(0, a - 12), a):
                # "тисяч 100": the colloquial inversion of "100 тисяч"
                q.loose, q.values, q.multiplied = q.values, tuple(v * 1e3 for v in q.values), True
            if mm:
                g = mm.groups()
                mult = 1e3 if (g[0] or g[1] or g[2]) else 1e6 if g[3] else 1e9 if g[4] else 1e12
                q.loose, q.values = q.values, tuple(v * mult for v in q.values)
                q.multiplied = True
                end = b + mm.end()
            else:
                pm = _UK_PCT.match(rest)
                if pm:
                    q.percent = True
                    end = b + pm.end()
                else:
                    sm = _UK_SUFFIX.match(rest)
                    if sm:
                        q.ordinal = sm.group()[1:].lower() in _UK_ORD_SUFFIX
                        q.soft = sm.group()[1:].lower() in ("х", "ті", "их") and q.values[0] % 10 == 0
                        end = b + sm.end()
        else:
            mm = _EN_MULT.match(rest)
            if mm:
                word = (mm.group(1) or mm.group(2)).lower()
                mult = _EN_MULT_VALUE[word]
                q.loose = q.values
                q.multiplied = True
                if word in ("m", "b", "k") and not _CURRENCY_BEFORE.search(text[max(0, a - 4):a]):
                    # 100m may be metres, 10k a run: keep the plain reading too
                    q.values = tuple(v * mult for v in q.values) + q.values
                else:
                    q.values = tuple(v * mult for v in q.values)
                end = b + mm.end()
            else:
                pm = _EN_PCT.match(rest)
                if pm:
                    q.percent = True
                    end = b + pm.end()
                elif _EN_ORD.match(rest):
                    q.ordinal = True
                    end = b + 2
                elif re.match(r"'?s\b", rest) and q.values[0] % 10 == 0:
                    q.soft = True  # the 1990s, the 80s: a decade, often named in words
                    end = b + rest.index("s") + 1
        if not q.percent:
            q.currency = currency_before(text, a) or currency_after(text, end, lang)
        if not q.percent and not q.currency:
            # "3 млн тонн", "12 тис. гектарів": the unit follows the multiplier
            q.unit = unit_after(text[end:end + 60], lang) if q.multiplied else unit_after(text[b:b + 60], lang)
        q.end, q.text = end, text[a:end]
        yield q
