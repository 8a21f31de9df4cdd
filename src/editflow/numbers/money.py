"""Sums of money: the currency of a figure, and an exchange rate the text states.

A conversion between currencies is checked only where the text gives the
rate (`$100 million at UAH 37 to the dollar`, `за курсом 37 грн/$`): without
it, a sum added in brackets (`UAH 100 million ($2.7 million)`) is taken on
trust, since the rate of the day is not ours to know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SYMBOL = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "₴": "UAH", "UAH": "UAH", "USD": "USD", "EUR": "EUR",
           "GBP": "GBP"}
_BEFORE = re.compile(r"(US\$|\$|€|£|₴|\b(?:UAH|USD|EUR|GBP))\s?$")
_UK_AFTER = re.compile(
    r"\s?(?:(грн\.?|гривн\w*|гривень|₴|UAH)|(дол\.|долар\w*|USD|\$)|(євро|EUR|€)|(фунт\w*\s+стерлінг\w*|фунт\w*|GBP|£))"
    r"(?![\w])", re.IGNORECASE)
_EN_AFTER = re.compile(
    r"\s?(?:(hryvni?as?|hryvnyas?|hryvnia|UAH)|((?:US\s)?dollars?|USD)|(euros?|EUR)|(pounds? sterling|GBP))(?![A-Za-z])",
    re.IGNORECASE)
_AFTER_CODES = ("UAH", "USD", "EUR", "GBP")


def currency_before(text: str, start: int) -> str:
    m = _BEFORE.search(text, max(0, start - 5), start)
    return _SYMBOL[m.group(1)] if m else ""


def currency_after(text: str, end: int, lang: str) -> str:
    m = (_UK_AFTER if lang == "uk" else _EN_AFTER).match(text, end)
    return next(c for c, g in zip(_AFTER_CODES, m.groups(), strict=True) if g) if m else ""


@dataclass(frozen=True)
class Rate:
    """`per` units of `currency` buy one unit of `base` (37 UAH per USD); `span` is the rate's figure."""
    currency: str
    base: str
    per: float
    span: tuple[int, int]


_CUR = r"(US\$|\$|€|£|₴|UAH|USD|EUR|GBP|грн\.?|гривн\w*|гривень|hryvni?as?|hryvnyas?|dollars?|euros?|cents?)"
_ONE = r"(?:1\s?|one\s|a\s|the\s|один\s|одн\w+\s)?"
_BASE = r"(US\$|\$|€|£|USD|EUR|GBP|(?:US\s)?dollar|euro|pound|долар\w*|дол\.?|євро|фунт\w*)"
_NUM = r"([0-9]+(?:[.,][0-9]+)?)"
_RATES = [
    # UAH 37 to the dollar, 37 hryvnias per dollar, $1.10 per euro, 37 грн за долар, 37 грн/$
    re.compile(rf"{_CUR}?\s?{_NUM}\s?{_CUR}?\s*(?:/\s?|to\s+{_ONE}|per\s+{_ONE}|for\s+{_ONE}|за\s+{_ONE})"
               rf"{_BASE}(?![\w])", re.IGNORECASE),
    # $1 = UAH 37, 1 $ = 37 грн
    re.compile(rf"(?:\$\s?1|1\s?\$|€\s?1|1\s?€|1\s(?:dollar|euro|долар|євро))\s?=\s?{_CUR}?\s?{_NUM}\s?{_CUR}?",
               re.IGNORECASE),
]
# What a stated rate holds somewhere: a cheap test before the rate patterns run (most paragraphs state none).
_RATE_CUES = ("rate", "курс", "per dollar", "per euro", "per us dollar", "to the dollar", "to a dollar",
              "to one dollar", "to the euro", "to the us dollar", "за долар", "за 1 долар", "за один долар",
              "за євро", "за 1 євро", "/$", "/ $", "/€", "$1", "€1", "1 $", "1 €")


def _code(word: str | None) -> str:
    if not word:
        return ""
    w = word.lower().rstrip(".")
    if w in ("$", "us$", "usd") or w.startswith(("dollar", "us dollar", "долар", "дол")):
        return "USD"
    if w in ("€", "eur") or w.startswith(("euro", "євро")):
        return "EUR"
    if w in ("£", "gbp") or w.startswith(("pound", "фунт")):
        return "GBP"
    if w in ("₴", "uah") or w.startswith(("грн", "гривн", "гривень", "hryvn")):
        return "UAH"
    if w.startswith("cent"):
        return "cent"
    return ""


def rates(text: str) -> list[Rate]:
    """The exchange rates a paragraph states."""
    low = text.lower()
    if not any(cue in low for cue in _RATE_CUES):
        return []
    out: list[Rate] = []
    for m in _RATES[0].finditer(text):
        cur = _code(m.group(1)) or _code(m.group(3))
        base = _code(m.group(4))
        if not cur or not base or cur == base:
            continue
        if cur == "cent":
            continue  # "90 cents to the dollar" compares a currency with itself
        out.append(Rate(cur, base, float(m.group(2).replace(",", ".")), m.span(2)))
    for m in _RATES[1].finditer(text):
        base = "USD" if "$" in m.group() or "dollar" in m.group().lower() or "долар" in m.group().lower() else "EUR"
        cur = _code(m.group(1)) or _code(m.group(3))
        if cur and cur != base:
            out.append(Rate(cur, base, float(m.group(2).replace(",", ".")), m.span(2)))
    return out


def exchange(value: float, frm: str, to: str, known: list[Rate]) -> list[float]:
    """`value` in currency `frm` expressed in `to` at every rate the text states for the pair."""
    out = []
    for r in known:
        if (r.currency, r.base) == (frm, to):
            out.append(value / r.per)
        elif (r.currency, r.base) == (to, frm):
            out.append(value * r.per)
    return out
